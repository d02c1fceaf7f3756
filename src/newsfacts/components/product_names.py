"""Product names in a text: the lexicon's brands and series with model tokens ("Samsung Galaxy
M37 5G"), model-shaped names ("Zephyr 125"), names introduced as products ("launched the Aura
X, a family scooter"), a maker with a word it names twice ("Hyundai Arvo"), sibling models
("the K90 Pro") and TVs named by size ("the 65-inch model").

>>> [m.group(0) for m in mention_matches("The Redmi Note 7 Pro and the Zephyr 125 are new.")]
['Redmi Note 7 Pro', 'Zephyr 125']
"""

from __future__ import annotations

import bisect
import re
import string
from functools import cache

import regex

from .. import lexicons, scan
from ..lexicons import alternation
from ..scan import compiled
from .layout import Boilerplate

STANDALONE_CATEGORIES = {"car", "two_wheeler"}
#: First words that look like a model name's but name a platform, a period, a chip, a unit or a
#: headline verb ("Sell 1 Million Units"): ``data/not_products.jsonl``.
NOT_A_PRODUCT = frozenset(lexicons.values("not_products", "word"))
#: Chip makers and chip lines: a model-shaped name right after one is a chip ("NVIDIA Tegra 4").
CHIP_WORDS = frozenset(row["word"] for row in lexicons.load("not_products") if row["kind"] == "chip")
#: A model token: "M37", "5G", "450X", "(2)", "7"; never a spec such as "6GB" or "50MP".
SPEC_TOKEN = r"\d+(?:\.\d+)?\s?(?:GB|TB|MB|mAh|MP|Hz|W|mm|inch|kWh|K)\b"
MODEL_TOKEN = (rf"(?!{SPEC_TOKEN})(?:\(\d+[a-z]?\)|(?:[A-Z]{{0,4}}|[A-Za-z]?[a-z][A-Z]{{0,4}}|[A-Z][a-z]{{1,5}})\d+[A-Za-z0-9+]*"
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



#: A plan's price and noun after its rupee sign: "399 plan", "98 data pack".
PLAN_PRICE_NAME = (r"\d[\d,]*(?:[ \u00a0](?:annual|yearly|prepaid|postpaid|unlimited|data|monthly|quarterly|"
                   r"entry-level|popular|data))?[ \u00a0](?:plan|pack|recharge|add-on|booster|top-up|voucher)")


@cache
def mention_pattern() -> re.Pattern:
    """Brand/series + model tokens, standalone models, plans, and model-shaped names. A brand
    before a series is group ``brand``, one followed by model tokens alone ``lone_brand``
    (``re`` names each group once; it runs this 2-3x faster than ``regex``)."""
    brands, series, words = _lexicon()
    model = rf"(?:{MODEL_TOKEN}|(?:{alternation(words)})(?![\w-]))"
    tail = rf"(?:(?:[ \u00a0]|-(?=\d))(?:{model}))"  # "Mi-3" as "Mi 3"
    # a word of the maker's own before the model number: "Canvas Vela 2", "Lumio Tide Pro 55"
    new_word = (rf"(?:[ \u00a0][A-Z][a-z]{{2,12}}(?=[ \u00a0](?:(?:{alternation(words)})[ \u00a0])?\d)"
                rf"(?![ \u00a0](?:(?:{alternation(words)})[ \u00a0])?(?:19|20)\d\d(?!\d)))")
    return re.compile(
        rf"(?:(?<!\w)"  # "-Rs 98 recharge: ..." in a list
        rf"(?P<plan>(?:(?:{alternation(b for b, r in brands.items() if r['category'] == 'telecom')})[ \u00a0])?"
        rf"(?:Rs\.?[ \u00a0]?|₹[ \u00a0]?){PLAN_PRICE_NAME})"
        rf"|(?<![\w-])(?:(?:(?P<brand>{alternation(brands)})[ \u00a0])?(?P<series>{alternation(series)})"
        rf"(?:{new_word}?{tail}{{1,4}}|(?:[ \u00a0]{TRIM_TOKEN}(?![\w-])){{0,3}})"
        rf"|(?P<lone_brand>{alternation(brands)}){new_word}?{tail}{{1,4}}"
        rf"|(?!(?:The|This|That|These|Those|Its|Our|Their)[ \u00a0])(?P<generic>[A-Z][a-z]{{2,}})(?:[ \u00a0](?:{alternation(words)}))*[ \u00a0](?!Q\d)(?:(?:[A-Z]{{0,3}}|[a-z])\d+[A-Za-z]*\+?)"
        rf"(?:[ \u00a0](?:{alternation(words)})(?![\w-]))*"
        rf"))(?:[ \u00a0]series(?![\w-]))?(?![\w])"
    )


@cache
def mention_starts() -> re.Pattern:
    """Where a mention can start: a brand or series name, a rupee plan, or a capitalised word
    before a model token, at a word's start. A plain ``re`` pattern (several times faster than
    the full one), written as one branch per first character — that character, the
    word-start test behind it, then what may follow it as a lookahead — so that ``re`` skips
    straight to those characters (a leading lookbehind makes it try every position), and a
    match is one character wide, so no start hides another. ``re`` tests the branches in turn
    at each of those characters: the lower-case ones ("iPhone", "vivo") come first, as "i" and
    "r" stand all over a text, then the capitals, the most frequent first. A price starts a
    mention only as a plan's ("Rs 399 plan"), and a maker that is no series only before a
    space or a hyphen (it leads a model name or a series), a series only as a whole word
    ("Moto", not "Motors"): most prices and makers' names in a text start none, and trying
    the full pattern there costs more. Every maker or series that starts a pair of
    :func:`_brand_word_pairs` is a start too."""
    brands, series, words = _lexicon()
    generic = rf"[a-z]{{2,}}(?:[ \u00a0](?:{alternation(words)}))*[ \u00a0](?:[A-Z]{{0,3}}|[a-z])\d"
    maker_rests: dict[str, list[str]] = {}
    for name in brands:
        if name not in series:
            maker_rests.setdefault(name[0], []).append(name[1:])
    series_rests: dict[str, list[str]] = {}
    for name in series:
        series_rests.setdefault(name[0], []).append(name[1:])

    def names(rests: list[str]) -> str:  # "Royal Enfield" written with a no-break space starts a pair too
        return alternation(rests).replace(re.escape(" "), "[ \u00a0]")
    branches = {"R": [rf"R(?<!\wR)(?=s\.?[ \u00a0]?{PLAN_PRICE_NAME})"],  # a plan's price, after a list's dash too
                "₹": [rf"₹(?<!\w₹)(?=[ \u00a0]?{PLAN_PRICE_NAME})"]}
    for first in set(maker_rests) | set(series_rests) | set(string.ascii_uppercase):
        ahead = []
        if first in maker_rests:
            ahead.append(rf"(?:{names(maker_rests[first])})(?=[ \u00a0-])")
        if first in series_rests:
            ahead.append(rf"(?:{names(series_rests[first])})(?!\w)")
        if first in string.ascii_uppercase:
            ahead.append(generic)
        char = re.escape(first)
        branches.setdefault(first, []).append(rf"{char}(?<![\w-]{char})(?={'|'.join(ahead)})")
    return re.compile("|".join(branch for first in sorted(branches, key=_branch_order) for branch in branches[first]))


#: Capitals by how often they start a word of news copy.
CAPITALS_BY_FREQUENCY = "RTSAMPBGICDONFHEVWLUXJKYQZ"


def _branch_order(first: str) -> tuple[int, int, str]:
    """Lower-case letters first, then capitals by frequency, then the rest."""
    if first.islower():
        return (0, 0, first)
    if first in CAPITALS_BY_FREQUENCY:
        return (1, CAPITALS_BY_FREQUENCY.index(first), first)
    return (2, 0, first)


MENTION_LENGTH = 160  # no product name is longer


def mention_start_offsets(text: str) -> list[int]:
    """Where :func:`mention_starts` fires: found once per text for :func:`mention_matches`
    and :func:`_brand_word_pairs`."""
    return [start.start() for start in mention_starts().finditer(text)]


def mention_matches(text: str, starts: list[int] | None = None):
    """``mention_pattern().finditer(text)``, tried only where :func:`mention_starts` fires
    (``starts``: :func:`mention_start_offsets`, if known)."""
    pattern = mention_pattern()
    last_end = 0
    for position in mention_start_offsets(text) if starts is None else starts:
        if position < last_end:
            continue
        match = pattern.match(text, position, min(len(text), position + MENTION_LENGTH))
        if match is not None:
            last_end = match.end()
            yield match


def _key(name: str, brand_text: str | None) -> str:
    """Mentions of one model share a key: brand prefix and network suffix dropped — but a
    maker's bare word ("Lumio TV") keeps its maker."""
    text = name[len(brand_text):] if brand_text and name.startswith(brand_text + " ") else name
    if "-" in text:
        text = compiled(r"(?<=[A-Za-z])-(?=\d)").sub(" ", text)  # "Zeta-5" is "Zeta 5"
    tokens = [t for t in text.casefold().replace("\u00a0", " ").split() if t not in NETWORK_TOKENS]
    if tokens and tokens[-1] == "tvs":  # "Lumio TVs": the maker's TV
        tokens[-1] = "tv"
    if len(tokens) == 1 and not any(map(str.isdigit, tokens[0])) and text != name \
            and text.strip() not in _lexicon()[1]:
        return name.casefold()  # "Lumio TV" and "Zentra TV" are two products; "Suzuki Swift" is the "Swift"
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


MAGNITUDE_TOKEN = scan.compile_pattern(r"\d+(?:\.\d+)?(?:K|M|B|L|k|mn|bn|cr|lakh|crore)", regex.IGNORECASE)
SENSOR_TOKEN = regex.compile(r"(?:IMX|ISOCELL|GN|HP|JN|OV|LYT)\d+", regex.IGNORECASE)


def _has_model_token(tail: str, words: set[str], after_series: bool = False) -> bool:
    """A model name needs a token with a digit ("M37", "5G"), a model word ("Pro", "Neo"), a
    maker's "TV" ("Lumio TV"), or — after a series — a letter ("Galaxy S", "Moto G")."""
    tokens = tail.split()
    # a magnitude starts with a digit, a sensor ends with one
    if any((t[:1].isdecimal() and MAGNITUDE_TOKEN.fullmatch(t)) or (t[-1:].isdecimal() and SENSOR_TOKEN.fullmatch(t))
           for t in tokens):
        return False
    return any(any(map(str.isdigit, t)) or (t in words and len(t) > 2) or t == "TV"
               or (after_series and compiled(r"[A-Z]\+?").fullmatch(t)) for t in tokens)


#: After a model-shaped name, words that make it a count: "To Sell 1 Million Units".
COUNT_AFTER = scan.compile_pattern(r"[ \u00a0]+(?:million|billion|lakh|crore|thousand|per\s?cent|percent)\b",
                                   regex.IGNORECASE)
#: After a name without a model number, a generic noun: "a Samsung Smart Phone".
GENERIC_NOUN_AFTER = scan.compile_pattern(r"[ \u00a0]+(?:phones?|smartphones?|handsets?)\b", regex.IGNORECASE)


@cache
def _services() -> regex.Pattern:
    """A maker's service or assistant ("Google Assistant", "Google Play Store"): no product."""
    names = [row["name"] for row in lexicons.load("brands") if row["kind"] == "service"]
    return compiled(rf"(?:{alternation(names)})(?![\w-])")


def read_name(text: str, match: re.Match) -> tuple[str, str | None, str] | None:
    """(name, brand, key) of a :func:`mention_pattern` match that is no plan, or None when
    it names no product: a chip ("NVIDIA Tegra 4"), a count ("Sell 1 Million"), a service
    ("Google Assistant"), a generic phone ("Samsung Smart Phone")."""
    brands, series, words = _lexicon()
    start, end = match.span()
    name = match.group(0)
    series_name, brand_text = match.group("series"), match.group("brand") or match.group("lone_brand")
    if series_name:  # "Lumio Zeta Production" in a heading: the trim words stop at a common word
        while name[match.end("series") - start:].strip() and name.split()[-1] in NOT_A_MODEL_NAME:
            name = name[:name.rindex(" ")].rstrip()
    if series_name and end - match.end("series") == 0 and not _standalone(series_name):
        return None  # a series named alone ("the Galaxy") that names no model
    generic = match.group("generic")
    if generic:
        if generic in NOT_A_PRODUCT or generic in brands or generic in series or COUNT_AFTER.match(text, end):
            return None
        previous = compiled(r"([A-Za-z]+)[’'s]*[ \u00a0]+\Z").search(text, max(0, start - 30), start)
        if previous is not None and previous.group(1) in CHIP_WORDS:
            return None
    if _services().match(name):
        return None
    tail = name[match.end("series") - start:] if series_name else name
    rest = (tail if series_name else name[len(brand_text or ""):]).split()
    if len(rest) > 1 and TITLE_WORD.fullmatch(rest[0]) and rest[0] not in words \
            and (rest[0] in NOT_A_MODEL_NAME or rest[0] in NOT_A_PRODUCT):
        return None  # "Galaxy Launches 2 Phones", "Lumio Phase 2"
    if not _has_model_token(tail, words, series_name is not None) and not (series_name and _standalone(series_name)):
        return None
    if not any(map(str.isdigit, tail)) and GENERIC_NOUN_AFTER.match(text, end):
        return None
    brand = (brands[brand_text].get("brand") or brand_text) if brand_text else None
    if series_name and not brand:
        brand = series[series_name]["brand"]
    if brand_text and not series_name and brand_text in brands:
        brand = _canonical_brand(brand_text)
    key = _key(name, brand_text)
    if not key or key.isdigit() and not series_name:
        return None
    return name, brand, key


#: "its first phone called the Zephyr X": the verbs that name a product after its noun.
NAMING_VERBS = ("called", "named", "dubbed", "christened")
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
    comma, the nouns tested behind it, so ``re`` skips from comma to comma; one lookbehind per
    length of noun (a trie of the nouns that long), not one per noun."""
    by_length: dict[int, list[str]] = {}
    for noun in sorted(set(lexicons.values("product_nouns", "word"))):
        by_length.setdefault(len(noun), []).append(noun)
    return re.compile(",(?:" + "|".join(f"(?<=(?:{alternation(nouns)}),)" for _, nouns in sorted(by_length.items())) + ")")


def launch_verb_prefixes(text: str) -> list[int]:
    """Every offset where one of LAUNCH_VERB_PREFIXES stands, inside a word or not: found once
    per text for :func:`introductions` and :func:`~.product_context.launch_verbs`."""
    return [offset for prefix in LAUNCH_VERB_PREFIXES for offset in scan.find_all(text, prefix)]


def introductions(text: str, prefixes: list[int] | None = None) -> list:
    """``introduction_pattern().finditer(text)``, tried only where one of its branches can
    start: at a launch verb or "its", or at "its", "the", "a" or "new" in the five words
    before a product noun and its comma (the noun's two words at most, two modifiers, the
    determiner). Most of the text holds no such place, and the pattern, led by ``\\b`` and
    an alternation, makes ``regex`` try every position. ``prefixes``: the text's
    :func:`launch_verb_prefixes`, if known."""
    candidates = set(launch_verb_prefixes(text) if prefixes is None else prefixes)
    candidates.update(offset for word in (*NAMING_VERBS, "its") for offset in scan.find_all(text, word))
    for comma in _noun_before_comma().finditer(text):
        words_start = scan.words_back(text, comma.start(), 5)
        candidates.update(offset for word in ("its", "the", "a", "new")
                          for offset in scan.find_all(text, word, words_start, comma.start()))
    # each branch opens with \b before a letter: not after a letter, digit or "_" (\w in any reading)
    candidates = [offset for offset in candidates if offset == 0 or text[offset - 1] not in ASCII_WORD_CHARACTERS]
    return scan.matches_at(introduction_pattern(), text, sorted(candidates))


ASCII_WORD_CHARACTERS = frozenset(string.ascii_letters + string.digits + "_")


@cache
def introduction_pattern() -> regex.Pattern:
    """A name the lexicon does not know, introduced as a product: "launched the Aura X, a
    family electric scooter", "its Sprite city car", "its scooter, the Vardhan Eon,", "a
    phone called Zephyr Snap+"."""
    nouns = alternation(lexicons.values("product_nouns", "word"))
    determiners = r"(?:(?:the|its|their|a|an|new|all-new|latest|first|upcoming)\s+)*"
    modifiers = r"(?:[a-z][a-z-]*\s+){0,2}"
    return regex.compile(
        rf"\b{LAUNCH_VERB}\s+{determiners}{NEW_NAME}(?=\s+{modifiers}(?:{nouns})(?![\w-])|,\s+(?:a|an|the|its)\s)"
        rf"|\bits\s+{NEW_NAME}\s+{modifiers}(?:{nouns})(?![\w-])"
        rf"|\b(?:its|the|a|new)\s+{modifiers}(?:{nouns}),\s+(?:the\s+)?{NEW_NAME},"
        rf"|\b(?<=(?:{nouns})\s+)(?:{'|'.join(NAMING_VERBS)})\s+(?:the\s+)?{NEW_NAME}")


@cache
def _capitalised_model_words() -> str:
    """The lexicon's capitalised model words ("Plus", "Pro") as one alternation."""
    return alternation(w for w in _lexicon()[2] if w[:1].isupper())


#: Capitals alone name a kind, not a model: "its BEV lineup", "its ICE range".
ABBREVIATION = re.compile(r"[A-Z]{2,5}s?")


def _add_introduced(text: str, found: _Catalogue, prefixes: list[int] | None = None) -> None:
    """Products the lexicon does not know, named where they are introduced (see
    :func:`introduction_pattern`), then found wherever the text names them again.
    ``prefixes``: the text's :func:`launch_verb_prefixes`, if known."""
    brands, series, words = _lexicon()
    names: dict[str, str | None] = {}
    for match in introductions(text, prefixes):
        start, end = match.span("name")
        name = match.group("name")
        first = name.split()[0]
        if (first in NOT_A_PRODUCT and not _model_shaped(name)) or first in brands or first in series \
                or not found.free(start, end) or ABBREVIATION.fullmatch(name):
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
    "Production", "Bookings", "Booking", "Deliveries", "Delivery", "Teaser", "Teased", "Spied", "Spotted",
    "Revealed", "Interior", "Exterior", "Specs", "Specifications", "Features", "Variants", "Design",
}
#: A run of capitalised words ("New Hyundai Arvo Costs"): a maker and the word after it are
#: looked for inside. On ``re``, its word-start lookbehind tested after the first capital, so
#: that ``re`` skips from capital to capital.
CAPITALISED_RUN = re.compile(r"[A-Z](?<![\w-][A-Z])[\w-]*(?:[ \u00a0][A-Z][\w-]*)+")
#: A Titlecase word; one ending in "-est" ("Fastest") is a headline superlative, not a model.
TITLE_WORD = re.compile(r"[A-Z][a-z]{2,}")


@cache
def _maker_first_words() -> frozenset[str]:
    """The first words of the makers' and series' names."""
    brands, series, _ = _lexicon()
    return frozenset(name.split(" ")[0] for name in [*brands, *series])


@cache
def _maker_openings() -> frozenset[str]:
    """The first two characters of :func:`_maker_first_words` (none is shorter)."""
    assert all(len(word) >= 2 for word in _maker_first_words())
    return frozenset(word[:2] for word in _maker_first_words())


#: A capitalised word and the one or two after it in a run of them (see CAPITALISED_RUN).
RUN_FROM_HERE = re.compile(r"[A-Z][\w-]*(?:[ \u00a0][A-Z][\w-]*){1,2}")


def _brand_word_pairs(text: str, starts: list[int] | None = None):
    """(maker, word, span) for each known maker or series followed by a Titlecase word the
    lexicon does not know: "Hyundai Arvo" in "New Hyundai Arvo Costs More", "Galaxy Vela";
    both words of a run of capitalised words (CAPITALISED_RUN), each maker or series read
    with the next one or two words of its run. Makers and series are looked for only at the
    text's mention starts (``starts``: :func:`mention_start_offsets`, if known), which hold
    every one of them followed by a space."""
    brands, series, _ = _lexicon()
    first_words, openings = _maker_first_words(), _maker_openings()
    for start in mention_start_offsets(text) if starts is None else starts:
        if text[start:start + 2] not in openings or not scan.WordStart.at_word_start(text, start):
            continue  # no maker or series opens here, or a plan's price after a hyphen
        run = RUN_FROM_HERE.match(text, start)
        if run is None:
            continue
        words = run.group(0).replace("\u00a0", " ").split(" ")  # the run's words are one space apart
        if words[0] not in first_words:
            continue
        for width in (2, 1):
            if width >= len(words):
                continue
            brand, name = " ".join(words[:width]), words[width]
            if (brand in brands or brand in series) and TITLE_WORD.fullmatch(name) and not name.endswith("est") and name not in NOT_A_MODEL_NAME \
                    and name not in brands and name not in series and not _services().match(f"{brand} {name}"):
                end = start + len(brand) + 1 + len(name)
                if name not in NOT_A_PRODUCT or PRICED_AFTER.match(text, end):  # "Lumio Wave, priced at"
                    yield brand, name, (start, end)
                break


#: "the Arvo is ...": a name in running text (a lower-case word or a mark after it), not in a
#: headline's run of capitals ("Is The Fastest Phone").
THE_NAME_IN_A_SENTENCE = regex.compile(r"(?i:the|its)\s+\S+(?:\s[a-z]|[,.;:!?’'])")
#: A price right after a name makes it a product's: "Lumio Tide, priced at Rs 9,999", "Lumio Tide at $299".
PRICED_AFTER = regex.compile(r",?\s+(?:is\s+|was\s+)?(?:priced|costs?|costing|retails?|retailing|starts?\s+at"
                             r"|at\s+(?:Rs\.?|₹|\$|€|£|INR))")


def _add_brand_named(text: str, found: _Catalogue, starts: list[int] | None = None) -> None:
    """A known maker (or series) and a word the lexicon does not know ("Hyundai Arvo"), named
    twice, or once and again as "the Arvo", or once with its price ("Lumio Tide, priced at
    Rs 9,999"): a model; the word alone ("the Arvo") names it too. ``starts``: the text's
    :func:`mention_start_offsets`, if known."""
    counts: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for brand, name, span in _brand_word_pairs(text, starts):
        if found.free(span[0]):
            counts.setdefault((brand, name), []).append(span)
    for (brand, name), spans in counts.items():
        alone = list(compiled(rf"(?<![\w-]){regex.escape(name)}(?![\w-])").finditer(text))
        if len(spans) < 2 and not PRICED_AFTER.match(text, spans[0][1]) \
                and not any(THE_NAME_IN_A_SENTENCE.match(text, max(0, m.start() - 4), m.end() + 2)
                            and found.free(m.start()) for m in alone):
            continue
        full = f"{brand} {name}"
        key = _key(full, brand)
        for start, end in spans:
            if found.free(start):
                found.add(start, end, full, _canonical_brand(brand), key)
        for match in alone:
            start = match.start()
            if found.free(start):
                found.add(start, match.end(), full, _canonical_brand(brand), key, alias=True)


#: A name between a determiner and its product noun ("the Zephyr One electric scooter", "of
#: Lumio Chromebook"), or after a singular product noun ("crossover Zentra X-Line").
NAME = r"[A-Z][\w-]*\+?(?:[ \u00a0](?:[A-Z][\w-]*\+?|\d[\w+]*)){0,2}"


@cache
def noun_named_pattern() -> regex.Pattern:
    """See :func:`_add_noun_named`."""
    nouns = lexicons.load("product_nouns")
    lower = alternation(r["word"] for r in nouns if r["word"][:1].islower() and r["category"] != "line")
    upper = alternation(r["word"] for r in nouns if r["word"][:1].isupper())
    singular = alternation(r["word"] for r in nouns if r["category"] != "line" and r["word"][:1].islower()
                           and not r["word"].endswith("s"))
    return regex.compile(
        rf"\b(?i:the|an?|its|their|new|of)\s+(?P<name>{NAME})\s+(?:[a-z][a-z-]+\s+)?(?:{lower})(?![\w-])"
        rf"(?!\s+(?:maker|makers|market|segment|brand|industry|company|sales|shipments|category|space)\b)"
        rf"|\b(?i:the|an?|its|their|new|of)\s+(?P<capitalised>{NAME}[ \u00a0](?:{upper}))(?![\w-])"
        rf"|\b(?:{singular})\s+(?P<after>{NAME})")


NOUN_NAMED_LEAD = regex.compile(r"(?<![\w-])(?i:the|an?|its|their|new|of)\b")


@cache
def _noun_first_words() -> tuple[str, ...]:
    return tuple(sorted({row["word"].split()[0] for row in lexicons.load("product_nouns")}))


@cache
def _noun_first_word_finder() -> scan.WordStart:
    """A product noun's first word as a whole word. Those words are letters and hyphens, so
    two whole-word matches never overlap: one pass finds them all."""
    assert all(re.fullmatch(r"[A-Za-z-]+", word) for word in _noun_first_words())
    return scan.WordStart(rf"(?:{alternation(_noun_first_words())})(?![\w-])")


def noun_offsets(text: str) -> list[int]:
    """Where a product noun's first word stands in the text as a whole word: one pass of a
    trie of them all, led by their first letters (1.7x faster than a ``str.find`` per word)."""
    return [match.start() for match in _noun_first_word_finder().finditer(text)]


def noun_named(text: str, nouns: list[int]) -> list:
    """``noun_named_pattern().finditer(text)``, tried only where a branch can start: at a
    determiner in the six words before a product noun (``nouns``: :func:`noun_offsets`), or
    at the noun itself. A match holds a noun, and most of a text is far from any."""
    candidates = set(nouns)
    for offset in nouns:
        words_start = scan.words_back(text, offset, 6)
        candidates.update(m.start() for m in NOUN_NAMED_LEAD.finditer(text, words_start, offset))
    return scan.matches_at(noun_named_pattern(), text, sorted(candidates))


def _model_shaped(name: str) -> bool:
    """"X-Line", "Snap+", "Zephyr 5", "ZenBook": a shape no common word has."""
    return bool(compiled(r"\d|[\w]-[\w]|\+|[a-z][A-Z]").search(name))


@cache
def _companies() -> frozenset[str]:
    return frozenset(lexicons.brand_names())


def _add_noun_named(text: str, found: _Catalogue, nouns: list[int]) -> None:
    """Names the lexicon does not know, told by the product noun beside them: "the Zephyr One
    electric scooter", "crossover Zentra X-Line", "of Lumio Chromebook". A name counts when it
    is model-shaped or the text names it again; each time it does is a mention."""
    brands, series, _ = _lexicon()
    names: dict[str, str | None] = {}
    companies = _companies()
    for match in noun_named(text, nouns):
        group = next(g for g in ("name", "capitalised", "after") if match.group(g))
        name = match.group(group)
        words = name.split()
        if words[0] in NOT_A_PRODUCT or words[0] in NOT_A_MODEL_NAME or words[0] in series \
                or (words[0] in companies and (len(words) == 1 or words[0] not in brands)) \
                or not found.free(match.start(group), match.end(group)):
            continue
        if group != "capitalised" and not _model_shaped(name) and text.count(name) < 2:
            continue
        names.setdefault(name, _canonical_brand(words[0]) if words[0] in brands else None)
    for name, brand in names.items():
        for match in compiled(rf"(?<![\w-]){regex.escape(name)}(?![\w-])").finditer(text):
            if found.free(match.start(), match.end()):
                found.add(match.start(), match.end(), name, brand, _key(name, None))


#: A model name in quotes after a maker or "the": Zentra "Z2 Pro", the 'Lumio X1'.
QUOTED = regex.compile(r"(?:(?P<brand>\b(?!(?:The|Its|A|New)\s)[A-Z][\w-]+)|\b(?i:the|its|a|new))\s+[‘'\"“](?P<name>[A-Z][\w+-]*(?:\s[\w+-]+){0,3})[’'\"”]")


QUOTE_BEFORE_NAME = re.compile(r"[‘'\"“](?=[A-Z])")
QUOTED_LEAD = regex.compile(r"\b(?:[A-Z][\w-]+|(?i:the|its|a|new))\s+\Z")


def quoted_names(text: str) -> list:
    """``QUOTED.finditer(text)``, tried only at the word before a quote mark that opens on a
    capital and follows white space (QUOTED_LEAD ends in it)."""
    candidates = set()
    for mark in QUOTE_BEFORE_NAME.finditer(text):
        if mark.start() == 0 or not text[mark.start() - 1].isspace():
            continue
        for lead in QUOTED_LEAD.finditer(text, scan.words_back(text, mark.start(), 1), mark.start()):
            candidates.add(lead.start())
    return scan.matches_at(QUOTED, text, sorted(candidates))


def _add_quoted(text: str, found: _Catalogue) -> None:
    """A model name in quotes ("the 'Lumio X1'", Zentra "Z2 Pro"), where it holds a model
    token; the name unquoted elsewhere is a mention too."""
    brands, series, words = _lexicon()
    for match in quoted_names(text):
        brand, name = match.group("brand"), match.group("name")
        if brand is not None and brand not in brands:
            continue
        if not _has_model_token(name, words) or name.split()[0] in NOT_A_PRODUCT:
            continue
        full = f"{brand} {name}" if brand else name
        key = _key(full, brand)
        for later in compiled(rf"(?<![\w-]){regex.escape(name)}(?![\w-])").finditer(text):
            if found.free(later.start(), later.end()):
                found.add(later.start(), later.end(), full, _canonical_brand(brand) if brand else None, key)


SIBLING_WORDS = r"(?:Pro|Max|Plus|Ultra|Lite|Mini|Neo|Prime|FE|Edge|Air|5G|4G|series)"
SIBLING_LEADS = ("the", "its", "a", "new", "cheaper", "costlier", "pricier", "bigger", "smaller")
#: "the X7d", "the 17T Pro" (on ``re``, 1.4x faster than on ``regex``: same matches on the corpus)
SIBLING = re.compile(rf"(?<![\w-])(?i:{'|'.join(SIBLING_LEADS)})\s+"
                        rf"(?P<model>(?P<token>[A-Z]{{1,3}}\d{{1,4}}[a-z]?|\d{{1,3}}[A-Z]{{1,2}})"
                        rf"(?:\s+(?P<words>{SIBLING_WORDS}(?:\s+{SIBLING_WORDS})*))?)(?![\w-])")
MODEL_SHAPE = scan.compile_pattern(r"(?P<letters>[A-Z]{1,3})\d{1,4}[a-z]?|\d{1,3}(?P<suffix>[A-Z]{1,2})")


def _shape(token: str) -> str | None:
    """The family a model token belongs to: "X" for "X7d" and "X9d", "#T" for "17T"."""
    match = MODEL_SHAPE.fullmatch(token)
    if match is None or token.casefold() in NETWORK_TOKENS:
        return None
    return match.group("letters") or "#" + match.group("suffix")


SIBLING_LEAD_LENGTHS = sorted({len(word) for word in SIBLING_LEADS})


def siblings(text: str, shapes) -> list[re.Match]:
    """The matches of ``SIBLING.finditer(text)`` whose model token has one of the ``shapes``
    (see :func:`_shape`), tried only where such a token stands after white space: at its
    capitals ("X" of "X7d"), or one to three digits before its suffix ("T" of "17T"). The
    determiner's lookbehind lead makes ``re`` try every position. A match is a determiner,
    white space and a model token or model words, none of which can start another: matches
    never overlap, so each one is found on its own."""
    tokens = set()
    for shape in shapes:
        if shape.startswith("#"):  # "#T": 1-3 digits, then the suffix
            tokens.update(offset - digits for offset in scan.find_all(text, shape[1:]) for digits in (1, 2, 3)
                          if offset - digits > 0 and text[offset - digits - 1].isspace())
        else:
            tokens.update(offset for offset in scan.find_all(text, shape) if offset > 0 and text[offset - 1].isspace())
    candidates = _leads_before(text, tokens, SIBLING_LEAD_LENGTHS)
    return [match for match in scan.matches_at(SIBLING, text, candidates) if _shape(match.group("token")) in shapes]


def _leads_before(text: str, tokens, lengths) -> list[int]:
    """Where a word of one of the ``lengths`` would start if it ended where the white space
    before each of the ``tokens`` (offsets) begins: the starts of "<determiner>\\s+<token>"."""
    candidates = set()
    for token in tokens:
        lead_end = token
        while lead_end > 0 and text[lead_end - 1].isspace():
            lead_end -= 1
        candidates.update(lead_end - length for length in lengths if lead_end >= length)
    return sorted(candidates)


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
    for match in siblings(text, prefixes):
        start, end = match.span("model")
        shape = _shape(match.group("token"))
        if not found.free(start):
            continue
        name = f"{prefixes[shape]} {match.group('model')}"
        found.add(start, end, name, found.brand_of(prefixes[shape]), _key(name, None), alias=True)


SIZED = regex.compile(r"(?<![\w-])(?i:the|a|its)\s+(?P<model>(?P<size>\d{2,3})-inch\s+(?:model|version|variant|TV|set))\b")


def sized_models(text: str) -> list:
    """``SIZED.finditer(text)``, tried only before its "-inch": the determiner ending where
    the white space before the size's two or three digits begins (a match holds no start of
    another, so each is found on its own)."""
    sizes = (offset - digits for offset in scan.find_all(text, "-inch") for digits in (2, 3)
             if offset - digits > 0 and text[offset - digits - 1].isspace())
    return scan.matches_at(SIZED, text, _leads_before(text, sizes, (1, 3)))


def _add_sizes(text: str, found: _Catalogue) -> None:
    """"the 65-inch model" beside "the Vu Vibe Pro 55 is a 55-inch TV": TVs named by their
    size, so the 65-inch one is the "Vu Vibe Pro 65"."""
    if "-inch" not in text:
        return  # SIZED cannot match
    sized = [m for m in sized_models(text) if found.free(m.start("model"))]
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


@cache
def maker_tvs_pattern() -> regex.Pattern:
    """See :func:`_add_maker_tvs`."""
    brands, _, _ = _lexicon()
    makers = alternation(b for b, r in brands.items() if r["category"] not in ("telecom", "car", "two_wheeler"))
    return regex.compile(rf"(?<![\w-])(?P<brand>{makers})(?:[’']s)?\s+(?:\d{{2,3}}-inch,?\s+(?:(?:and|or|&)\s+)?){{0,4}}"
                         r"(?:(?:smart|Smart|Android|LED|QLED|OLED|4K|UHD)\s+){0,2}TVs?(?![\w-])")


def _add_maker_tvs(text: str, found: _Catalogue) -> None:
    """A maker's TVs named as its line ("Lumio TVs go on sale", "Lumio 50-inch and 65-inch
    smart TVs"): mentions of the maker's TV, as "Lumio TV" is."""
    if "TV" not in text:
        return
    for match in maker_tvs_pattern().finditer(text):
        start, end = match.span()
        brand = match.group("brand")
        name = f"{brand} TV"
        if found.free(start, end) and not _services().match(name):  # "Google TV" is a platform
            found.add(start, end, name, _canonical_brand(brand), _key(name, brand), alias=True)


@cache
def _standalone(series_name: str) -> bool:
    """Does the series name a product on its own ("Creta", "JioPhone")?"""
    brands, series, _ = _lexicon()
    if series[series_name].get("standalone"):
        return True
    brand = brands.get(series[series_name]["brand"])
    return brand is not None and brand["category"] in STANDALONE_CATEGORIES


def _canonical_brand(name: str) -> str:
    _, series, _ = _lexicon()
    return series[name]["brand"] if name in series else name

