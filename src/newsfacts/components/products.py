"""Products the article names: phones, cars, two-wheelers, laptops, TVs, telecom plans.

A mention is a brand or series from ``data/brands.jsonl`` followed by model tokens
("Samsung Galaxy M37 5G", "Redmi Note 7 Pro", "Ather 450X"), a car or bike model that
stands alone ("Creta"), an unknown name shaped like a model ("Zephyr 125"), or a plan
("the Rs 399 plan"). Mentions of one model are grouped into one product.

>>> data = find_products("The Redmi Note 7 Pro costs more. Redmi Note 7 Pro sales soared.")
>>> [(p["name"], p["brand"], len(p["mentions"])) for p in data["products"]]
[('Redmi Note 7 Pro', 'Xiaomi', 2)]

:class:`ProductIndex` answers "which product does the fact at this offset belong to?":
a mention in the same sentence, else the product of the section heading above, else the
article's main product.
"""

from __future__ import annotations

import bisect
from functools import cache

import regex
from spacy.language import Language
from spacy.tokens import Doc

from .. import docdata, lexicons, scan
from ..lexicons import alternation
from .layout import Boilerplate, get_layout

FAMILY = "products"
MENTION_REACH = 600  # a mention further than this from a fact is not "in its sentence"
COMPARED = regex.compile(r"\b(?:than|unlike|over|versus|vs\.?|compared\s+(?:to|with)|predecessor|successor|"
                         r"rivals?(?:\s+like)?|replaces|replacing|from)\s+(?:the\s+|its\s+|a\s+)?\Z", regex.IGNORECASE)
STANDALONE_CATEGORIES = {"car", "two_wheeler"}
#: First words that look like a model name's but name a platform, a period or a unit.
NOT_A_PRODUCT = {
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
    "Sept", "Oct", "Nov", "Dec", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
    "Saturday", "Sunday", "Android", "Windows", "iOS", "MIUI", "HyperOS", "OxygenOS", "ColorOS",
    "Snapdragon", "Dimensity", "Helio", "Exynos", "Tensor", "Kirin", "Unisoc", "Bionic", "Intel",
    "Core", "Ryzen", "Gorilla", "Glass", "Victus", "USB", "Bluetooth", "Wi", "Fi", "LPDDR",
    "UFS", "Type", "Quick", "Charge", "Rs", "INR", "USD", "Q", "FY", "H", "Phase", "Top",
    "Chapter", "Section", "Level", "Stage", "Class", "Category", "Grade", "Series", "Version",
    "Gen", "Generation", "Covid", "COVID", "Diwali", "Budget", "Union", "Vision", "Industry",
    "Mobile", "World", "Cup", "Season", "Episode", "Day", "Week", "Year", "Month", "Plan",
    "Bharat", "NH", "Sector", "Block", "Route", "Wave", "Round", "Tier", "Euro", "BS", "Bharat",
    "IP", "HDR", "Dolby", "Atmos", "Mali", "Adreno", "Immortalis", "PowerVR", "GeForce", "RTX",
    "Radeon", "Iris", "Arc", "Apple", "Galaxy", "The", "A", "An", "In", "On", "At", "By", "For",
    "From", "To", "Of", "And", "Or", "With", "About", "Over", "Under", "Nearly", "Around",
    "Upto", "Up", "Only", "Just", "Now", "All", "Its", "It", "This", "That", "These", "Those",
    "Some", "Every", "Each", "No", "Number", "Page", "Room", "Floor", "Gate", "Terminal",
    "Platform", "Price", "Rank", "Fund", "Nifty", "Sensex", "Article", "Rule", "Act",
    "Schedule", "GST", "Tax", "Budget", "Lakh", "Crore", "Million", "Billion", "Percent",
    "Published", "Updated", "Posted", "Since", "Until", "Till", "Before", "After", "During",
    "Thunderbolt", "HDMI", "PCIe", "DDR", "LPDDR", "Gen", "WiFi", "Helio", "Dimensity", "Snapdragon",
    "Motocorp", "Twitter", "Facebook", "Weibo", "Instagram", "Volume", "Issue", "Part",
}
#: A model token: "M37", "5G", "450X", "(2)", "7"; never a spec such as "6GB" or "50MP".
SPEC_TOKEN = r"\d+(?:\.\d+)?\s?(?:GB|TB|MB|mAh|MP|Hz|W|mm|inch|kWh|K)\b"
MODEL_TOKEN = (rf"(?!{SPEC_TOKEN})(?:\(\d+[a-z]?\)|[A-Z]{{0,4}}\d+[A-Za-z0-9+]*"
               rf"|[A-Z]{{1,2}}\+?(?![\w-])|\d+(?:\.\d+)?[A-Za-z]*)")
#: Trim names after a car or bike model: "ZXi", "HTK+", "AMT", "S(O)", "Creative+".
TRIM_TOKEN = (r"(?:[A-Z][a-z]*[A-Z][A-Za-z]*\+?|[A-Z][A-Za-z]{0,8}\+|[A-Z]{1,4}(?:\([A-Z]\))?|\d\.\d"
              r"|(?!(?:Is|Are|Was|Were|Has|Have|Had|Gets?|Got|Will|Can|Could|May|Might|Should|Would|"
              r"And|Or|But|The|With|For|From|To|In|On|At|By|Of|Vs|Launched|Launch|Review|Price|"
              r"Prices|Sales|Sold|Now|New|Gets|Goes|Costs?|Starts?|Takes?|Makes?|Leads?|Tops?|"
              r"Beats?|Crosses|Crossed|Hits?|Rivals?|Variant|Variants|Facelift|EV|SUV|Car|Cars)\b)"
              r"[A-Z][a-z]{2,12})")
NETWORK_TOKENS = {"5g", "4g", "lte"}


@cache
def _lexicon() -> tuple[dict[str, dict], dict[str, dict], set[str]]:
    # makers of products; not retailers, trackers or chip makers ("Intel Core" is a spec)
    brands = {row["name"]: row for row in lexicons.load("brands")
              if row["kind"] == "brand" and row["category"] != "company"}
    series = {row["name"]: row for row in lexicons.load("brands") if row["kind"] == "series"}
    words = {row["word"] for row in lexicons.load("model_words")}
    return brands, series, words



@cache
def mention_pattern() -> regex.Pattern:
    """Brand/series + model tokens, standalone models, plans, and model-shaped names."""
    brands, series, words = _lexicon()
    model = rf"(?:{MODEL_TOKEN}|(?:{alternation(words)})(?![\w-]))"
    tail = rf"(?:[ \u00a0](?:{model}))"
    return regex.compile(
        rf"(?<![\w-])(?:"
        rf"(?P<plan>(?:(?:{alternation(b for b, r in brands.items() if r['category'] == 'telecom')})[ \u00a0])?"
        rf"(?:Rs\.?[ \u00a0]?|₹[ \u00a0]?)\d[\d,]*(?:[ \u00a0](?:annual|yearly|prepaid|postpaid|"
        rf"unlimited|data|monthly|quarterly|entry-level|popular|data))?[ \u00a0](?:plan|pack|recharge|add-on|booster|top-up|voucher))"
        rf"|(?P<model>(?:(?P<brand>{alternation(brands)})[ \u00a0])?(?P<series>{alternation(series)})"
        rf"(?:{tail}{{1,4}}|(?:[ \u00a0]{TRIM_TOKEN}(?![\w-])){{0,3}}))"
        rf"|(?P<model>(?P<brand>{alternation(brands)}){tail}{{1,4}})"
        rf"|(?P<model>(?P<generic>[A-Z][a-z]{{2,}})(?:[ \u00a0](?:{alternation(words)}))*[ \u00a0](?!Q\d)(?:[A-Z]{{0,3}}\d+[A-Za-z]*\+?)"
        rf"(?:[ \u00a0](?:{alternation(words)})(?![\w-]))*)"
        rf")(?:[ \u00a0]series(?![\w-]))?(?![\w])",
        regex.VERSION1,
    )


def _key(name: str, brand_text: str | None) -> str:
    """Mentions of one model share a key: brand prefix and network suffix dropped."""
    text = name[len(brand_text):] if brand_text and name.startswith(brand_text + " ") else name
    tokens = [t for t in text.casefold().replace("\u00a0", " ").split() if t not in NETWORK_TOKENS]
    return " ".join(tokens)


def find_products(text: str, boilerplate: Boilerplate | None = None,
                  layout: dict | None = None) -> dict:
    """Products and their mentions in ``text`` (see the module docstring)."""
    brands, series, words = _lexicon()
    products: list[dict] = []
    by_key: dict[str, int] = {}
    mentions: list[list[int]] = []  # [start, end, product index], in text order
    for match in mention_pattern().finditer(text):
        start, end = match.span()
        if boilerplate is not None and boilerplate.contains(start):
            continue
        name = match.group(0)
        if match.group("plan"):
            brand = None
            key = "plan " + regex.sub(r"[^\d]", "", name)
        else:
            series_name, brand_text = match.group("series"), match.group("brand")
            generic = match.group("generic")
            if generic and (generic in NOT_A_PRODUCT or generic in brands or generic in series):
                continue
            tail = name[match.end("series") - start:] if series_name else name
            if not _has_model_token(tail, words) and not (series_name and _standalone(series_name)):
                continue
            brand = (brands[brand_text].get("brand") or brand_text) if brand_text else None
            if series_name and not brand:
                brand = series[series_name]["brand"]
            if brand_text and not series_name and brand_text in brands:
                brand = _canonical_brand(brand_text)
            key = _key(name, brand_text)
            if not key or key.isdigit() and not series_name:
                continue
        index = by_key.get(key)
        if index is None:
            index = by_key[key] = len(products)
            products.append({"name": name, "brand": brand, "mentions": [], "key": key})
        products[index]["mentions"].append([start, end])
        mentions.append([start, end, index])
    _add_siblings(text, products, by_key, mentions, boilerplate, words)
    mentions.sort()
    return {"products": products, "mentions": mentions,
            "main": _main_product(products, layout), "sections": _sections(text, mentions, layout)}


MAGNITUDE_TOKEN = regex.compile(r"\d+(?:\.\d+)?(?:K|M|B|L|k|mn|bn|cr|lakh|crore)", regex.IGNORECASE)
SENSOR_TOKEN = regex.compile(r"(?:IMX|ISOCELL|GN|HP|JN|OV|LYT)\d+", regex.IGNORECASE)


def _has_model_token(tail: str, words: set[str]) -> bool:
    """A model name needs a token with a digit ("M37", "5G") or a model word ("Pro", "Neo")."""
    tokens = tail.split()
    if any(MAGNITUDE_TOKEN.fullmatch(t) or SENSOR_TOKEN.fullmatch(t) for t in tokens):
        return False
    return any(any(c.isdigit() for c in t) or (t in words and len(t) > 2) for t in tokens)


SIBLING = regex.compile(r"(?<![\w-])(?:the|its|a|new|cheaper|costlier|pricier|bigger|smaller)\s+"
                        r"(?P<model>(?P<token>[A-Z]{1,3}\d{1,4}[a-z]?)(?:\s+(?P<words>(?:Pro|Max|Plus|Ultra|Lite|Mini|Neo|Prime|FE|Edge|Air|5G|4G|series)(?:\s+(?:Pro|Max|Plus|Ultra|Lite|Mini|Neo|Prime|FE|Edge|Air|5G|4G|series))*))?)(?![\w-])")


def _add_siblings(text: str, products: list[dict], by_key: dict[str, int], mentions: list[list[int]],
                  boilerplate: Boilerplate | None, words: set[str]) -> None:
    """"the X7d" beside "Honor X9d", "the K90 Pro" beside "Redmi K90": a sibling model named
    without its brand takes the brand (or series) of the product whose model it resembles."""
    prefixes: dict[str, str] = {}  # model-token letters -> the words before the token ("Honor", "Redmi")
    for product in products:
        tokens = product["name"].split()
        for i, token in enumerate(tokens[1:], start=1):
            shape = regex.fullmatch(r"([A-Z]{1,3})\d{1,4}[a-z]?", token)
            if shape:
                prefixes.setdefault(shape.group(1), " ".join(tokens[:i]))
                break
    if not prefixes:
        return
    for match in SIBLING.finditer(text):
        start, end = match.span("model")
        letters = regex.match(r"[A-Z]+", match.group("token")).group(0)
        if letters not in prefixes or (boilerplate is not None and boilerplate.contains(start)):
            continue
        if any(s <= start < e for s, e, _ in mentions):
            continue
        name = f"{prefixes[letters]} {match.group('model')}"
        key = _key(name, None)
        index = by_key.get(key)
        if index is None:
            index = by_key[key] = len(products)
            brand = next((p["brand"] for p in products if p["name"].startswith(prefixes[letters])), None)
            products.append({"name": name, "brand": brand, "mentions": [], "key": key})
        products[index]["mentions"].append([start, end])
        mentions.append([start, end, index])


def _standalone(series_name: str) -> bool:
    brands, series, _ = _lexicon()
    brand = brands.get(series[series_name]["brand"])
    return brand is not None and brand["category"] in STANDALONE_CATEGORIES


def _canonical_brand(name: str) -> str:
    _, series, _ = _lexicon()
    return series[name]["brand"] if name in series else name


def _main_product(products: list[dict], layout: dict | None) -> int | None:
    """The product the headline names first; without one, the product mentioned most."""
    if not products:
        return None
    title = layout.get("title") if layout else None
    if title:
        in_title = [(m[0], i) for i, p in enumerate(products) for m in p["mentions"] if title[0] <= m[0] < title[1]]
        if in_title:
            return min(in_title)[1]

    def weight(index: int) -> tuple[int, int]:
        mentions = products[index]["mentions"]
        in_title = sum(1 for s, _ in mentions if title and title[0] <= s < title[1])
        return (len(mentions) + in_title, -mentions[0][0])

    return max(range(len(products)), key=weight)


def _sections(text: str, mentions: list[list[int]], layout: dict | None) -> list[list[int]]:
    """[heading start, product index] for each heading-like paragraph naming a product."""
    if not layout:
        return []
    starts = [m[0] for m in mentions]
    sections = []
    for start, end in layout["paragraphs"]:
        line = text[start:end]
        if len(line.split()) > 12 or line.endswith((".", "?", "!", ":", ",", "”", '"')):
            continue
        i = bisect.bisect_left(starts, start)
        if i < len(mentions) and mentions[i][0] < end:
            sections.append([start, mentions[i][2]])
    return sections


class ProductIndex:
    """Which product a fact at a given offset belongs to.

    >>> text = "Redmi Note 7 specs\\n\\nIt has a 4,000 mAh battery. The Mi A3 costs less."
    >>> index = ProductIndex(text, find_products(text, layout={"paragraphs": [[0, 18]]}))
    >>> index.product_at(text.index("4,000"), sentence=(20, 47))
    'Redmi Note 7'
    >>> index.product_at(text.index("costs"), sentence=(48, 70))
    'Mi A3'
    """

    def __init__(self, text: str, data: dict):
        self.text = text
        self.products = data["products"]
        self.mentions = data["mentions"]
        self.starts = [m[0] for m in self.mentions]
        self.main = data["main"]
        self.section_starts = [s for s, _ in data["sections"]]
        self.section_products = [p for _, p in data["sections"]]

    def main_product(self) -> dict | None:
        """The article's main product record (name, brand, mentions), or None."""
        return None if self.main is None else self.products[self.main]

    def name(self, index: int | None) -> str | None:
        return None if index is None else self.products[index]["name"]

    def mention_in(self, start: int, end: int, before: int) -> tuple[int, int, int] | None:
        """The mention nearest before offset ``before`` within [start, end), else the first after.
        A product named only to compare ("unlike the Redmi Note 13", "than the Galaxy") is
        not what the words around it are about."""
        lo = bisect.bisect_left(self.starts, max(start, before - MENTION_REACH))
        hi = bisect.bisect_left(self.starts, min(end, before + MENTION_REACH))
        split = bisect.bisect_left(self.starts, before, lo, hi)
        for mention in reversed(self.mentions[lo:split]):  # nearest before first
            if mention[1] <= before and not self._compared(mention):
                return mention
        for mention in self.mentions[split:hi]:
            if not self._compared(mention):
                return mention
        return None

    def _compared(self, mention: list[int]) -> bool:
        return COMPARED.search(self.text, max(0, mention[0] - 24), mention[0]) is not None

    def mention_ending_near(self, offset: int, reach: int) -> bool:
        """Does a mention end within ``reach`` characters before ``offset``?"""
        i = bisect.bisect_left(self.starts, offset) - 1
        return i >= 0 and offset - reach <= self.mentions[i][1] <= offset

    def mentions_between(self, start: int, end: int) -> list[list[int]]:
        """Mentions that start within [start, end), in text order."""
        return self.mentions[bisect.bisect_left(self.starts, start):bisect.bisect_left(self.starts, end)]

    def mention_name(self, mention: list[int]) -> str:
        """A mention as written — or its product's full name when it is a bare sibling model
        ("K90 Pro" of "Redmi K90 Pro")."""
        written = self.text[mention[0]:mention[1]]
        name = self.products[mention[2]]["name"]
        bare_model = regex.match(r"[A-Z]{1,3}\d", written) is not None
        return name if bare_model and name != written and name.endswith(written) else written

    def mention_around(self, start: int, end: int) -> str | None:
        """The mention that contains [start, end) — "the Rs 399 plan" around its price."""
        i = bisect.bisect_right(self.starts, start) - 1
        if i >= 0 and self.mentions[i][1] >= end:
            return self.text[self.mentions[i][0]:self.mentions[i][1]]
        return None

    def product_at(self, offset: int, sentence: tuple[int, int]) -> str | None:
        """The same sentence's nearest mention, else the last one earlier in the paragraph
        ("... the Xiaomi 17T Pro. SoftBank sells it for ..."), else the section's product,
        else the main one."""
        mention = self.mention_in(sentence[0], sentence[1], offset)
        if mention is None:
            paragraph_start = scan.line_start(self.text, sentence[0])
            mention = self.mention_in(paragraph_start, sentence[0], sentence[0])
        if mention is not None:
            return self.mention_name(mention)
        i = bisect.bisect_right(self.section_starts, offset) - 1
        if i >= 0:
            return self.name(self.section_products[i])
        return self.name(self.main)


def get_products(doc: Doc) -> dict:
    """The products data of a processed Doc (computed on the spot if the component has not run)."""
    data = docdata.get(doc, FAMILY)
    if data is None:
        layout = get_layout(doc)
        data = find_products(docdata.text_of(doc), Boilerplate(layout["boilerplate"]), layout)
    return data


class Products:
    """Stores :func:`find_products` on the Doc, mirrored as ``doc.spans["newsfacts_products"]``."""

    def __call__(self, doc: Doc) -> Doc:
        layout = get_layout(doc)
        data = find_products(docdata.text_of(doc), Boilerplate(layout["boilerplate"]), layout)
        docdata.put(doc, FAMILY, data)
        docdata.mirror_spans(doc, "newsfacts_products", [m[:2] for m in data["mentions"]], "PRODUCT")
        return doc


@Language.factory("newsfacts_products")
def make_products(nlp: Language, name: str) -> Products:
    """Factory of :class:`Products`."""
    return Products()
