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
import re
import string
from functools import cache

import regex
from spacy.language import Language
from spacy.tokens import Doc

from .. import docdata, lexicons, scan
from ..lexicons import alternation
from ..scan import compiled
from .layout import Boilerplate, get_layout

FAMILY = "products"
MENTION_REACH = 600  # a mention further than this from a fact is not "in its sentence"
COMPARE_WORDS = (r"(?:than|unlike|over|versus|vs\.?|compared\s+(?:to|with)|predecessor|successor|"
                 r"rivals?(?:\s+like)?|replaces|replacing|from|between|against)")
#: A product named only to compare: "than the Galaxy", "between the Redmi 13 5G", "a step up
#: from the Dimensity 6080 on the Redmi Note 13 5G".
COMPARED = regex.compile(rf"\b{COMPARE_WORDS}\s+(?:the\s+|its\s+|a\s+)?\Z"
                         r"|\b(?:than|unlike|from|versus|vs\.?|compared\s+(?:to|with))\s+(?:the\s+|its\s+|a\s+)?"
                         r"(?:[^\s.,;:!?]+\s+){1,3}(?:on|in|of|inside)\s+(?:the\s+|its\s+)?\Z",
                         regex.IGNORECASE)
COORDINATED = scan.compile_pattern(r"\A\s*(?:,|and|or|,\s+and)\s+(?:the\s+|its\s+)?\Z")
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
    "Bharat", "NH", "Sector", "Block", "Route", "Wave", "Round", "Tier", "Euro", "BS", "IP", "HDR", "Dolby", "Atmos", "Mali", "Adreno", "Immortalis", "PowerVR", "GeForce", "RTX",
    "Radeon", "Iris", "Arc", "Apple", "Galaxy", "The", "A", "An", "In", "On", "At", "By", "For",
    "From", "To", "Of", "And", "Or", "With", "About", "Over", "Under", "Nearly", "Around",
    "Upto", "Up", "Only", "Just", "Now", "All", "Its", "It", "This", "That", "These", "Those",
    "Some", "Every", "Each", "No", "Number", "Page", "Room", "Floor", "Gate", "Terminal",
    "Platform", "Price", "Rank", "Fund", "Nifty", "Sensex", "Article", "Rule", "Act",
    "Schedule", "GST", "Tax", "Lakh", "Crore", "Million", "Billion", "Percent",
    "Published", "Updated", "Posted", "Since", "Until", "Till", "Before", "After", "During",
    "Thunderbolt", "HDMI", "PCIe", "DDR", "WiFi", "Motocorp", "Twitter", "Facebook", "Weibo", "Instagram", "Volume", "Issue", "Part",
    "Festival", "Sale", "Days", "Carnival", "Dhamaka", "Summit", "Expo", "Conference", "Awards",
    "League", "Olympics", "Edition",
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
def mention_pattern() -> re.Pattern:
    """Brand/series + model tokens, standalone models, plans, and model-shaped names. A brand
    before a series is group ``brand``, one followed by model tokens alone ``lone_brand``
    (``re`` names each group once; it runs this 2-3x faster than ``regex``)."""
    brands, series, words = _lexicon()
    model = rf"(?:{MODEL_TOKEN}|(?:{alternation(words)})(?![\w-]))"
    tail = rf"(?:[ \u00a0](?:{model}))"
    return re.compile(
        rf"(?<![\w-])(?:"
        rf"(?P<plan>(?:(?:{alternation(b for b, r in brands.items() if r['category'] == 'telecom')})[ \u00a0])?"
        rf"(?:Rs\.?[ \u00a0]?|₹[ \u00a0]?)\d[\d,]*(?:[ \u00a0](?:annual|yearly|prepaid|postpaid|"
        rf"unlimited|data|monthly|quarterly|entry-level|popular|data))?[ \u00a0](?:plan|pack|recharge|add-on|booster|top-up|voucher))"
        rf"|(?:(?P<brand>{alternation(brands)})[ \u00a0])?(?P<series>{alternation(series)})"
        rf"(?:{tail}{{1,4}}|(?:[ \u00a0]{TRIM_TOKEN}(?![\w-])){{0,3}})"
        rf"|(?P<lone_brand>{alternation(brands)}){tail}{{1,4}}"
        rf"|(?P<generic>[A-Z][a-z]{{2,}})(?:[ \u00a0](?:{alternation(words)}))*[ \u00a0](?!Q\d)(?:[A-Z]{{0,3}}\d+[A-Za-z]*\+?)"
        rf"(?:[ \u00a0](?:{alternation(words)})(?![\w-]))*"
        rf")(?:[ \u00a0]series(?![\w-]))?(?![\w])"
    )


@cache
def mention_starts() -> re.Pattern:
    """Where a mention can start: a brand or series name, a rupee plan, or a capitalised word
    before a model token, at a word's start. A plain ``re`` pattern (several times faster than
    the full one), written as one branch per first character — that character, the
    word-start test behind it, then what may follow it as a lookahead — so that ``re`` skips
    straight to those characters (a leading lookbehind makes it try every position), and a
    match is one character wide, so no start hides another."""
    brands, series, words = _lexicon()
    generic = rf"[a-z]{{2,}}(?:[ \u00a0](?:{alternation(words)}))*[ \u00a0][A-Z]{{0,3}}\d"
    rests: dict[str, list[str]] = {}
    for name in [*brands, *series, "Rs", "₹"]:
        rests.setdefault(name[0], []).append(name[1:])
    branches = []
    for first in sorted(set(rests) | set(string.ascii_uppercase)):
        ahead = [alternation(rests[first])] if first in rests else []
        if first in string.ascii_uppercase:
            ahead.append(generic)
        char = re.escape(first)
        branches.append(rf"{char}(?<![\w-]{char})(?={'|'.join(ahead)})")
    return re.compile("|".join(branches))


MENTION_LENGTH = 160  # no product name is longer


def mention_matches(text: str):
    """``mention_pattern().finditer(text)``, tried only where :func:`mention_starts` fires."""
    pattern = mention_pattern()
    last_end = 0
    for start in mention_starts().finditer(text):
        position = start.start()
        if position < last_end:
            continue
        match = pattern.match(text, position, min(len(text), position + MENTION_LENGTH))
        if match is not None:
            last_end = match.end()
            yield match


def _key(name: str, brand_text: str | None) -> str:
    """Mentions of one model share a key: brand prefix and network suffix dropped."""
    text = name[len(brand_text):] if brand_text and name.startswith(brand_text + " ") else name
    tokens = [t for t in text.casefold().replace("\u00a0", " ").split() if t not in NETWORK_TOKENS]
    return " ".join(tokens)


class _Catalogue:
    """Products and mentions as they are found: one product per key, mentions in a list.
    Mentions do not overlap; a sorted index of their spans answers "is this taken?" in
    O(log n), so adding mentions stays linear in the text."""

    def __init__(self, boilerplate: Boilerplate | None = None) -> None:
        self.boilerplate = boilerplate
        self.products: list[dict] = []
        self.by_key: dict[str, int] = {}
        self.mentions: list[list[int]] = []  # [start, end, product index]
        self.aliases: list[int] = []  # starts of mentions that do not spell the name ("the 65-inch model")
        self._spans: list[tuple[int, int]] = []  # the mentions' (start, end), sorted

    def add(self, start: int, end: int, name: str, brand: str | None, key: str, alias: bool = False) -> None:
        index = self.by_key.get(key)
        if index is None:  # "the S1 Ultra" after "Ola S1 Ultra": one product, however keyed
            index = next((i for i, p in enumerate(self.products) if p["name"] == name), None)
        if index is None:
            index = self.by_key[key] = len(self.products)
            self.products.append({"name": name, "brand": brand, "mentions": [], "key": key})
        self.products[index]["mentions"].append([start, end])
        self.mentions.append([start, end, index])
        bisect.insort(self._spans, (start, end))
        if alias:
            self.aliases.append(start)

    def covers(self, start: int, end: int | None = None) -> bool:
        """Does a mention hold ``start`` — or, given ``end``, overlap [start, end)?"""
        i = bisect.bisect_right(self._spans, (start, float("inf"))) - 1
        if i >= 0 and self._spans[i][1] > start:
            return True
        return end is not None and i + 1 < len(self._spans) and self._spans[i + 1][0] < end

    def free(self, start: int, end: int | None = None) -> bool:
        """Neither a mention's (see :meth:`covers`) nor page boilerplate."""
        return not self.covers(start, end) and (self.boilerplate is None or not self.boilerplate.contains(start))

    def brand_of(self, prefix: str) -> str | None:
        return next((p["brand"] for p in self.products if p["name"].startswith(prefix)), None)


def find_products(text: str, boilerplate: Boilerplate | None = None,
                  layout: dict | None = None) -> dict:
    """Products and their mentions in ``text`` (see the module docstring)."""
    brands, series, words = _lexicon()
    found = _Catalogue(boilerplate)
    revisions: dict[str, str] | None = None  # found when the first plan is met
    for match in mention_matches(text):
        start, end = match.span()
        if boilerplate is not None and boilerplate.contains(start):
            continue
        name = match.group(0)
        alias = False
        if match.group("plan"):
            brand = None
            revised = _revised_price(text, end)
            if revised is None:  # "the Rs 299 plan" of a text that revised it to Rs 349 elsewhere
                if revisions is None:
                    revisions = plan_revisions(text)
                revised = revisions.get(compiled(r"\d[\d,]*").search(name).group(0).replace(",", ""))
            if revised is not None:  # "the Rs 299 plan ... will now cost Rs 349": the Rs 349 plan
                name, alias = compiled(r"(?<=(?:Rs\.?|₹)\s?)\d[\d,]*").sub(revised, name, count=1), True
            key = "plan " + compiled(r"[^\d]").sub("", name)
        else:
            series_name, brand_text = match.group("series"), match.group("brand") or match.group("lone_brand")
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
        found.add(start, end, name, brand, key, alias)
    _add_revised_plans(text, found)
    found.mentions.sort()
    _add_introduced(text, found)
    _add_brand_named(text, found)
    _add_siblings(text, found)
    _add_sizes(text, found)
    found.mentions.sort()
    return {"products": found.products, "mentions": found.mentions, "aliases": sorted(found.aliases),
            "main": _main_product(found.products, layout), "sections": _sections(text, found.mentions, layout)}


MAGNITUDE_TOKEN = scan.compile_pattern(r"\d+(?:\.\d+)?(?:K|M|B|L|k|mn|bn|cr|lakh|crore)", regex.IGNORECASE)
SENSOR_TOKEN = regex.compile(r"(?:IMX|ISOCELL|GN|HP|JN|OV|LYT)\d+", regex.IGNORECASE)


def _has_model_token(tail: str, words: set[str]) -> bool:
    """A model name needs a token with a digit ("M37", "5G") or a model word ("Pro", "Neo")."""
    tokens = tail.split()
    if any(MAGNITUDE_TOKEN.fullmatch(t) or SENSOR_TOKEN.fullmatch(t) for t in tokens):
        return False
    return any(any(c.isdigit() for c in t) or (t in words and len(t) > 2) for t in tokens)


RUPEES = r"(?:Rs\.?[ \u00a0]?|₹[ \u00a0]?)"
PRICE = r"\d+(?:,\d{2,3})*"
REVISED_TO = scan.compile_pattern(
    rf"(?:[^.\n]|\.(?=\d)){{0,100}}?\b(?:will\s+)?(?:now\s+)?(?:costs?|becomes?|goes\s+(?:up\s+)?to|(?:is\s+)?going\s+(?:up\s+)?to|rises\s+to|now|"
    rf"(?:has\s+been\s+|have\s+been\s+|is\s+|was\s+|been\s+)?(?:raised|hiked|increased|revised|cut|reduced)\s+to)"
    rf"\s+{RUPEES}(?P<new>{PRICE})")
PLAN_NOUNS = ("plan", "pack", "booster", "recharge")
#: "The entry-level unlimited plan goes from Rs 179 to Rs 199"
PLAN_FROM_TO = regex.compile(
    rf"\b(?i:the|its|an?)\s+(?P<plan>(?:[a-z-]+\s+){{0,3}}(?:{'|'.join(PLAN_NOUNS)}))\b[^.\n]{{0,60}}?"
    rf"\b(?:climbs?|goes|rises|jumps|moves|increases|changes|is\s+revised|has\s+been\s+revised)\s+(?:up\s+)?"
    rf"from\s+{RUPEES}(?P<old>{PRICE})\s+to\s+{RUPEES}(?P<new>{PRICE})")
#: "- Rs 179 → Rs 199: 2GB total data, 28 days validity" in a list of revised plans
PLAN_LIST_LINE = scan.compile_pattern(
    rf"^(?:[-*•]\s*)?(?P<plan>{RUPEES}(?P<old>{PRICE})\s*(?:→|->|➝|=>|to)\s*{RUPEES}(?P<new>{PRICE}))\s*[:|–-]",
    regex.MULTILINE)
#: A rupee amount alone in a table cell, and the column headers that make it a plan's name.
TABLE_PRICE = regex.compile(rf"(?<=\|[ \t]*){RUPEES}(?P<price>{PRICE})(?=[ \t]*(?:\||$))", regex.MULTILINE)
PRICE_COLUMN = regex.compile(r"\bnew\s+(?:price|tariff|MRP)\b|\brevised\b", regex.IGNORECASE)
OLD_PRICE_COLUMN = regex.compile(r"\b(?:old|current|earlier|previous)\s+(?:price|tariff|MRP)\b", regex.IGNORECASE)
PLAN_WORDS = regex.compile(r"\b(?:plans?|packs?|recharges?|tariffs?)\b", regex.IGNORECASE)


def _revision_phrases(text: str):
    """"goes from Rs 179 to Rs 199" and list lines "Rs 179 → Rs 199:", with their groups
    ``plan``, ``old`` and ``new``. Each pattern runs only on a text holding words it cannot
    match without (a substring test costs far less than its scan)."""
    if "from" in text and any(noun in text for noun in PLAN_NOUNS):
        yield from PLAN_FROM_TO.finditer(text)
    if "Rs" in text or "₹" in text:
        yield from PLAN_LIST_LINE.finditer(text)


def plan_revisions(text: str) -> dict[str, str]:
    """Old price -> new price of every plan the text says is revised: "Rs 179 → Rs 199",
    "goes from Rs 179 to Rs 199", "the Rs 299 plan will now cost Rs 349", a table row under
    "Old price | New price". Keys are digits only ("3599"); an old price that is also some
    plan's new price is left out, as it may name either plan."""
    revisions = {}
    for match in _revision_phrases(text):
        revisions[match.group("old").replace(",", "")] = match.group("new")
    for match in PLAN_MENTION_PRICE.finditer(text):
        new = _revised_price(text, match.end())
        if new is not None:
            revisions[match.group("price").replace(",", "")] = new
    for match in TABLE_PRICE.finditer(text):
        header = scan.table_header(text, match.start())
        if header is None or not OLD_PRICE_COLUMN.search(header):
            continue
        row_end = scan.line_end(text, match.end())
        for later in TABLE_PRICE.finditer(text, match.end(), row_end):
            if PRICE_COLUMN.search(scan.table_header(text, later.start()) or ""):
                revisions[match.group("price").replace(",", "")] = later.group("price")
                break
    new_prices = {new.replace(",", "") for new in revisions.values()}
    return {old: new for old, new in revisions.items() if old not in new_prices}


NAMED_PLAN = regex.compile(rf"{RUPEES}\d[\d,]*\s+(?:plan|pack)")
PLAN_MENTION_PRICE = regex.compile(rf"{RUPEES}(?P<price>{PRICE})(?:[ \u00a0][a-z-]+)?[ \u00a0](?:plan|pack|booster|voucher|recharge)\b")


def _revised_price(text: str, end: int) -> str | None:
    """The new price when the plan named just before ``end`` "will now cost Rs 349" (in the
    same sentence, before any other price plan is named)."""
    match = REVISED_TO.match(text, end, min(len(text), end + 200))
    if match is None or NAMED_PLAN.search(match.group(0)):
        return None
    return match.group("new")


def _add_revised_plans(text: str, found: _Catalogue) -> None:
    """Plans named by the price they are revised to: "the annual plan ... climbs from Rs 2,999
    to Rs 3,599" is the Rs 3,599 annual plan; so is a list line "Rs 179 → Rs 199: ..."."""
    for match in _revision_phrases(text):
        start, end = match.span("plan")
        if not found.free(start):
            continue
        from_to = match.re is PLAN_FROM_TO
        if not from_to and not PLAN_WORDS.search(text, max(0, start - 600), start):
            continue
        noun = match.group("plan").split()[-1] if from_to else "plan"
        name = f"Rs {match.group('new')} {noun}"
        found.add(start, end, name, None, "plan " + match.group("new").replace(",", ""), alias=True)
    for match in TABLE_PRICE.finditer(text):
        start, end = match.span()
        if not found.free(start):
            continue
        header = scan.table_header(text, start)
        if header is None or not PRICE_COLUMN.search(header):
            continue
        table_start = scan.line_start(text, start)  # the plan words sit near the table's head
        if PLAN_WORDS.search(text, max(0, table_start - 1500), table_start):
            found.add(start, end, f"Rs {match.group('price')} plan", None,
                      "plan " + match.group("price").replace(",", ""), alias=True)


#: How each LAUNCH_VERB begins.
LAUNCH_VERB_PREFIXES = ("launch", "unveil", "introduc", "debut", "reveal", "price", "roll", "showcas", "announc")
LAUNCH_VERB = (r"(?:launch(?:es|ed)?|unveil(?:s|ed)?|introduc(?:es|ed)|debut(?:s|ed)|reveal(?:s|ed)|prices|priced"
               r"|rolls?\s+out|rolled\s+out|showcas(?:es|ed)|announc(?:es|ed))")
NEW_NAME = r"(?P<name>[A-Z][A-Za-z]{2,}(?:[ \u00a0](?:[A-Z][A-Za-z0-9+]*|\d[\w+]*)){0,3})"
MAKER_SUFFIX = regex.compile(r"(?P<brand>[A-Z][A-Za-z]+)\s+(?:Motors?|Mobility|Technologies|Electric|Automotive|Auto|"
                             r"Mobile|Electronics|Industries|Pvt|Ltd|Limited|Inc|Corp)\b")


@cache
def _noun_before_comma() -> re.Pattern:
    """A comma right after a product noun ("its new scooter, the Vardhan Eon,"): led by the
    comma, the nouns tested behind it, so ``re`` skips from comma to comma."""
    nouns = lexicons.values("product_nouns", "word")
    return re.compile(",(?:" + "|".join(f"(?<={re.escape(noun)},)" for noun in sorted(nouns)) + ")")


def introductions(text: str) -> list:
    """``introduction_pattern().finditer(text)``, tried only where one of its branches can
    start: at a launch verb or "its", or at "its", "the", "a" or "new" in the five words
    before a product noun and its comma (the noun's two words at most, two modifiers, the
    determiner). Most of the text holds no such place, and the pattern, led by ``\\b`` and
    an alternation, makes ``regex`` try every position."""
    candidates = {offset for word in (*LAUNCH_VERB_PREFIXES, "its") for offset in scan.find_all(text, word)}
    for comma in _noun_before_comma().finditer(text):
        words_start = scan.words_back(text, comma.start(), 5)
        candidates.update(offset for word in ("its", "the", "a", "new")
                          for offset in scan.find_all(text, word, words_start, comma.start()))
    return scan.matches_at(introduction_pattern(), text, sorted(candidates))


@cache
def introduction_pattern() -> regex.Pattern:
    """A name the lexicon does not know, introduced as a product: "launched the Aura X, a
    family electric scooter", "its Sprite city car", "its scooter, the Vardhan Eon,"."""
    nouns = alternation(lexicons.values("product_nouns", "word"))
    determiners = r"(?:(?:the|its|their|a|an|new|all-new|latest|first|upcoming)\s+)*"
    modifiers = r"(?:[a-z][a-z-]*\s+){0,2}"
    return regex.compile(
        rf"\b{LAUNCH_VERB}\s+{determiners}{NEW_NAME}(?=\s+{modifiers}(?:{nouns})(?![\w-])|,\s+(?:a|an|the|its)\s)"
        rf"|\bits\s+{NEW_NAME}\s+{modifiers}(?:{nouns})(?![\w-])"
        rf"|\b(?:its|the|a|new)\s+{modifiers}(?:{nouns}),\s+(?:the\s+)?{NEW_NAME},")


@cache
def _capitalised_model_words() -> str:
    """The lexicon's capitalised model words ("Plus", "Pro") as one alternation."""
    return alternation(w for w in _lexicon()[2] if w[:1].isupper())


def _add_introduced(text: str, found: _Catalogue) -> None:
    """Products the lexicon does not know, named where they are introduced (see
    :func:`introduction_pattern`), then found wherever the text names them again."""
    brands, series, words = _lexicon()
    names: dict[str, str | None] = {}
    for match in introductions(text):
        start, end = match.span("name")
        name = match.group("name")
        first = name.split()[0]
        if first in NOT_A_PRODUCT or first in brands or first in series or not found.free(start, end):
            continue
        sentence_start = max(text.rfind(".", 0, start), text.rfind("\n", 0, start), start - 200)
        maker = MAKER_SUFFIX.search(text, sentence_start + 1, start)
        names.setdefault(name, maker.group("brand") if maker else None)
    for name, brand in names.items():
        # "Ray" and the "Ray Plus" beside it are two products
        pattern = rf"(?<![\w-]){regex.escape(name)}(?:[ \u00a0](?:{_capitalised_model_words()}))*(?![\w-])"
        for match in regex.finditer(pattern, text):
            start, end = match.span()
            if found.free(start, end):
                found.add(start, end, match.group(0), brand, _key(match.group(0), None))
    found.mentions.sort()


#: Capitalised words after a brand that name no model: "Hyundai India", "Tata Motors", "Asus Launches".
NOT_A_MODEL_NAME = {
    "India", "Motor", "Motors", "Group", "Company", "Limited", "Ltd", "Electric", "Mobility", "Technologies",
    "Auto", "Global", "Mobile", "Electronics", "International", "Launches", "Launched", "Unveils", "Unveiled",
    "Sales", "Sold", "Sells", "Price", "Prices", "Review", "Reviews", "Says", "Said", "Reports", "Drive",
    "First", "New", "Cars", "Car", "Phones", "Phone", "Smartphones", "Dealers", "Dealer", "Showroom", "Plant",
    "Chief", "President", "Director", "Head", "Executive", "Spokesperson", "Officials", "Store", "Stores",
    "Website", "Event", "Offers", "Offer", "Deal", "Deals", "Hikes", "Cuts", "Shares", "Stock",
}
#: A capitalised word or two, then a Titlecase word: "Hyundai Arvo". On ``re``, its word-start
#: lookbehind tested after the first capital, so that ``re`` skips from capital to capital.
BRAND_NAMED = re.compile(r"(?P<brand>[A-Z](?<![\w-][A-Z])[\w-]*(?:[ \u00a0][A-Z][\w-]*)?)[ \u00a0](?P<name>[A-Z][a-z]{2,})(?![\w-])")


def _add_brand_named(text: str, found: _Catalogue) -> None:
    """A known maker and a word the lexicon does not know, named twice ("Hyundai Arvo"):
    a model; the word alone later ("the Arvo") names it too."""
    brands, series, _ = _lexicon()
    counts: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for match in BRAND_NAMED.finditer(text):
        brand, name = match.group("brand"), match.group("name")
        if brand not in brands or name in NOT_A_MODEL_NAME or name in NOT_A_PRODUCT or name in brands or name in series:
            continue
        if not found.free(match.start()):
            continue
        counts.setdefault((brand, name), []).append(match.span())
    for (brand, name), spans in counts.items():
        if len(spans) < 2:
            continue
        full = f"{brand} {name}"
        key = _key(full, brand)
        for start, end in spans:
            found.add(start, end, full, _canonical_brand(brand), key)
        for match in compiled(rf"(?<![\w-]){regex.escape(name)}(?![\w-])").finditer(text):
            start = match.start()
            if found.free(start):
                found.add(start, match.end(), full, _canonical_brand(brand), key, alias=True)


SIBLING_WORDS = r"(?:Pro|Max|Plus|Ultra|Lite|Mini|Neo|Prime|FE|Edge|Air|5G|4G|series)"
#: "the X7d", "the 17T Pro" (on ``re``, 1.4x faster than on ``regex``: same matches on the corpus)
SIBLING = re.compile(r"(?<![\w-])(?i:the|its|a|new|cheaper|costlier|pricier|bigger|smaller)\s+"
                        rf"(?P<model>(?P<token>[A-Z]{{1,3}}\d{{1,4}}[a-z]?|\d{{1,3}}[A-Z]{{1,2}})"
                        rf"(?:\s+(?P<words>{SIBLING_WORDS}(?:\s+{SIBLING_WORDS})*))?)(?![\w-])")
MODEL_SHAPE = scan.compile_pattern(r"(?P<letters>[A-Z]{1,3})\d{1,4}[a-z]?|\d{1,3}(?P<suffix>[A-Z]{1,2})")


def _shape(token: str) -> str | None:
    """The family a model token belongs to: "X" for "X7d" and "X9d", "#T" for "17T"."""
    match = MODEL_SHAPE.fullmatch(token)
    if match is None or token.casefold() in NETWORK_TOKENS:
        return None
    return match.group("letters") or "#" + match.group("suffix")


def _add_siblings(text: str, found: _Catalogue) -> None:
    """"the X7d" beside "Honor X9d", "The K90 Pro" beside "Redmi K90", "the 17T Pro" beside
    "Xiaomi 17T": a sibling model named without its brand takes the brand (or series) of the
    product whose model it resembles."""
    prefixes: dict[str, str] = {}  # model-token shape -> the words before the token ("Honor", "Redmi")
    for product in found.products:
        tokens = product["name"].split()
        for i, token in enumerate(tokens[1:], start=1):
            shape = _shape(token)
            if shape:
                prefixes.setdefault(shape, " ".join(tokens[:i]))
                break
    if not prefixes:
        return
    for match in SIBLING.finditer(text):
        start, end = match.span("model")
        shape = _shape(match.group("token"))
        if shape not in prefixes or not found.free(start):
            continue
        name = f"{prefixes[shape]} {match.group('model')}"
        found.add(start, end, name, found.brand_of(prefixes[shape]), _key(name, None), alias=True)


SIZED = regex.compile(r"(?<![\w-])(?i:the|a|its)\s+(?P<model>(?P<size>\d{2,3})-inch\s+(?:model|version|variant|TV|set))\b")


def _add_sizes(text: str, found: _Catalogue) -> None:
    """"the 65-inch model" beside "the Vu Vibe Pro 55 is a 55-inch TV": TVs named by their
    size, so the 65-inch one is the "Vu Vibe Pro 65"."""
    if "-inch" not in text:
        return  # SIZED cannot match
    sized = [m for m in SIZED.finditer(text) if found.free(m.start("model"))]
    if not sized:
        return
    sizes = {m.group(1) for m in compiled(r"(?<![\w.])(\d{2,3})-inch\b").finditer(text)}
    prefix = next((p["name"].rsplit(" ", 1)[0] for p in found.products
                   if " " in p["name"] and p["name"].rsplit(" ", 1)[1] in sizes), None)
    if prefix is None:
        return
    for match in sized:
        start, end = match.span("model")
        if found.free(start):
            name = f"{prefix} {match.group('size')}"
            found.add(start, end, name, found.brand_of(prefix), _key(name, None), alias=True)


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


ALL_MODELS = regex.compile(r"\b(?:both|all(?:\s+(?:two|three|four|five))?)\s+(?:the\s+)?(?:[a-z]+\s+)?"
                           r"(?:models|variants|versions|phones|TVs|sets|scooters|cars|laptops|trims)\b",
                           regex.IGNORECASE)


@cache
def brand_word_pattern() -> scan.WordStart:
    """A maker's or series' name on its own: "Samsung", "Apple's", "the iPhone"."""
    brands, series, _ = _lexicon()
    return scan.WordStart(rf"(?:{alternation(list(brands) + list(series))})(?![\w-])")


def makers_of(products: list[dict]) -> frozenset[str]:
    """The brands of the products, and the first word of names without a known brand
    ("Lumio" of "Lumio X5").

    >>> sorted(makers_of([{"name": "Lumio X5", "brand": None}, {"name": "Redmi 13", "brand": "Xiaomi"}]))
    ['Lumio', 'Xiaomi']
    """
    found = {p["brand"] for p in products if p["brand"]}
    found |= {p["name"].split()[0] for p in products if not p["brand"] and " " in p["name"]}
    return frozenset(word for word in found if compiled(r"[A-Z][A-Za-z]+").fullmatch(word))


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
        self.aliases = set(data.get("aliases", ()))
        self.section_starts = [s for s, _ in data["sections"]]
        self.section_products = [p for _, p in data["sections"]]
        self._compared_at: dict[tuple[int, int], bool] = {}  # (mention start, depth) -> _compared

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

    def _compared(self, mention: list[int], depth: int = 0) -> bool:
        """Is the mention named only to compare ("unlike the Redmi Note 13")? Each facts'
        search asks again about the same few mentions: the answers are kept."""
        key = (mention[0], depth)
        if key not in self._compared_at:
            self._compared_at[key] = self._read_compared(mention, depth)
        return self._compared_at[key]

    def _read_compared(self, mention: list[int], depth: int) -> bool:
        line_start = scan.line_start(self.text, mention[0])
        if COMPARED.search(self.text, max(line_start, mention[0] - 60), mention[0]) is not None:
            return True
        # "between the Redmi 13 5G and the Redmi Note 14 Pro": the second is compared too
        i = bisect.bisect_left(self.starts, mention[0]) - 1
        if depth < 3 and i >= 0 and COORDINATED.match(self.text[self.mentions[i][1]:mention[0]]):
            return self._compared(self.mentions[i], depth + 1)
        return False

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
        if mention[0] in self.aliases:
            return self.products[mention[2]]["name"]
        return self.text[mention[0]:mention[1]]

    def mention_around(self, start: int, end: int) -> str | None:
        """The mention that contains [start, end) — "the Rs 399 plan" around its price."""
        i = bisect.bisect_right(self.starts, start) - 1
        if i >= 0 and self.mentions[i][1] >= end:
            return self.mention_name(self.mentions[i])
        return None

    def brand_product(self, start: int, end: int, before: int) -> str | None:
        """A product named by its maker or series alone in [start, end) — "Samsung's triple
        setup", "the iPhone is stuck at 60Hz" — the nearest before ``before``, else the first
        after: the product of that brand last named in the paragraph, else the main one,
        else the most mentioned."""
        if not self.products:
            return None
        chosen = None
        for match in brand_word_pattern().finditer(self.text, start, end):
            if chosen is not None and match.start() > before:
                break
            if not any(s <= match.start() < e for s, e, _ in self.mentions_between(match.start() - 60, match.end())):
                chosen = match
                if match.start() > before:
                    break
        if chosen is None:
            return None
        return self.name(self._product_of_brand(chosen.group(0), scan.line_start(self.text, start), start))

    def _product_of_brand(self, word: str, paragraph_start: int, before: int) -> int | None:
        _, series, _ = _lexicon()
        brand = series[word]["brand"] if word in series else _canonical_brand(word)

        def belongs(index: int) -> bool:
            product = self.products[index]
            return product["brand"] == brand and (word not in series or word in product["name"])

        for mention in reversed(self.mentions_between(paragraph_start, before)):
            if belongs(mention[2]) and not self._compared(mention):
                return mention[2]
        if self.main is not None and belongs(self.main):
            return self.main
        candidates = [i for i in range(len(self.products)) if belongs(i)]
        return max(candidates, key=lambda i: len(self.products[i]["mentions"])) if candidates else None

    def product_at(self, offset: int, sentence: tuple[int, int]) -> str | None:
        """The same sentence's nearest mention, else the product its maker's name stands for
        ("Samsung's screen"), else the article's subject when it speaks of "both models",
        else the last mention earlier in the paragraph ("... the Xiaomi 17T Pro. SoftBank
        sells it for ..."), else the section's product, else the main one. A "sentence" is
        read no further than MENTION_REACH either side of ``offset``: a megabyte without a full
        stop must not make every fact scan all of it."""
        sentence = (max(sentence[0], offset - MENTION_REACH), min(sentence[1], offset + MENTION_REACH))
        mention = self.mention_in(sentence[0], offset, offset)
        if mention is None:
            by_brand = self.brand_product(sentence[0], offset, offset)
            if by_brand is not None:
                return by_brand
            mention = self.mention_in(offset, sentence[1], offset)
        if mention is None:
            by_brand = self.brand_product(offset, sentence[1], offset)
            if by_brand is not None:
                return by_brand
            if ALL_MODELS.search(self.text, sentence[0], sentence[1]) and self.main is not None:
                return self.name(self.main)
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
