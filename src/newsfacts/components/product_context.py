"""Product names told by the words around them rather than by the lexicon: a lower-case-led
model after a determiner ("the eZX100"), a name after its price ("the Rs 1-lakh Zola") or
after "variants of the"; a series named alone where no product of it is named ("the 12-inch
Lumibook"); a product with no name, described ("Ferro launched a 7 inch tablet", "the Ferro
electric scooter", "India's $35 tablet").

>>> from .product_names import _Catalogue
>>> found = _Catalogue()
>>> text = "Fans queued for the Rs 2-lakh Zola. The Zola sold out."
>>> _add_context_named(text, found, launch_verbs(text))
>>> [p["name"] for p in found.products], len(found.mentions)
(['Zola'], 2)
"""

from __future__ import annotations

import re
from functools import cache

import regex

from .. import lexicons, scan
from ..lexicons import alternation
from ..scan import compiled
from .product_names import (
    LAUNCH_VERB,
    NOT_A_MODEL_NAME,
    NOT_A_PRODUCT,
    _canonical_brand,
    _Catalogue,
    _lexicon,
    launch_verb_prefixes,
)

#: A lower-case letter, capitals and a number: "the eZX100", "its eZX 100" (a shape no word
#: has; "iOS 17" is a platform).
LOWER_LED = regex.compile(r"(?i:the|its|an?|new)\s+(?P<name>(?P<letters>[a-z][A-Z][A-Za-z]{0,7})(?:\d{1,4}|\s\d{1,4})[a-z]?)"
                          r"(?![\w.,-]?\d|[\w-])")
#: A capital right after a lower-case letter ("eZX"): led by the capital, which ``re`` skips
#: to (a lower-case lead makes it stop at most letters); the pair starts one character before.
CAMEL_CAPITAL = re.compile(r"[A-Z](?<=[a-z][A-Z])")
PRICE = r"(?:Rs\.?|₹|\$|€|£)\s?\d[\d,.]*(?:[- ]?(?:lakh|crore|k|K))?"
CURRENCY_SIGNS = ("Rs", "₹", "$", "€", "£")
#: A name after its price or after "variants of the": "the Rs 1-lakh Zola", "the $299 Zola",
#: "the three variants of the Zola".
PRICED_NAME = regex.compile(
    rf"(?:(?i:the|its|a)\s+{PRICE}|(?i:variants?|versions?|trims?)\s+of\s+the)\s+"
    r"(?P<name>[A-Z][a-z]{2,}(?:\s[A-Z][a-z]*\d*|\s\d+)?)(?![\w-])")
#: Where PRICED_NAME and LOWER_LED can start, read back from their price, "of the" or name.
DETERMINER_BEFORE = regex.compile(r"(?<![\w-])(?i:the|its|an?|new)\s+\Z")
DETERMINER_LENGTHS = (1, 2, 3)  # "a", "an"; "the", "its", "new"
VARIANTS_BEFORE = regex.compile(r"(?<![\w-])(?i:variants?|versions?|trims?)\s+\Z")
VARIANTS_LENGTHS = (4, 5, 7, 8)  # "trim(s)", "variant(s)" and "version(s)"


def _case_blind(letters: str) -> frozenset[str]:
    """What ``(?i:x)`` matches on ``regex`` for each ASCII letter x: its two cases, and "ſ"
    for "s" (checked over every code point)."""
    return frozenset(letters.lower() + letters.upper() + ("ſ" if "s" in letters.lower() else ""))


DETERMINER_ENDINGS = _case_blind("esanw")  # the last letters of DETERMINER_BEFORE's words
VARIANTS_ENDINGS = _case_blind("tsnm")

#: "Zola smartphone was launched": a name before its product noun, said to be launched.
PASSIVE_BEFORE = regex.compile(r"\b(?:was|were|has\s+been|have\s+been|is\s+being|will\s+be)\s+(?:officially\s+|finally\s+)?\Z")
LAUNCH_VERB_AT = regex.compile(rf"{LAUNCH_VERB}\b")


def _starts_before(text: str, anchors, before: regex.Pattern, lengths: tuple[int, ...], endings: frozenset[str],
                   reach: int) -> list[int]:
    """Where ``before`` (a word of one of the ``lengths`` ending in one of the ``endings``,
    then white space up to ``\\Z``) starts, read back from each anchor no further than
    ``reach``: the places a pattern led by it can match, found from its rarer middle part.
    The word ends where the white space before the anchor begins: ``before`` is searched for
    from the longest word's start on, not from ``reach`` back, and only after such a letter."""
    starts = set()
    longest = max(lengths)
    for anchor in anchors:
        floor = max(0, anchor - reach)
        word_end = anchor
        while word_end > floor and text[word_end - 1].isspace():
            word_end -= 1
        if word_end == anchor or word_end == floor or text[word_end - 1] not in endings:
            continue  # no white space before the anchor, or no word of before's that ends there
        back = before.search(text, max(floor, word_end - longest), anchor)
        if back is not None:
            starts.add(back.start())
    return sorted(starts)


def launch_verbs(text: str, prefixes: list[int] | None = None) -> list[int]:
    """Offsets of launch verbs ("launched", "unveils") at a word's start. ``prefixes``: the
    text's :func:`~.product_names.launch_verb_prefixes`, if known."""
    if prefixes is None:
        prefixes = launch_verb_prefixes(text)
    return sorted(offset for offset in prefixes
                  if scan.WordStart.at_word_start(text, offset) and LAUNCH_VERB_AT.match(text, offset))


@cache
def _named_before_noun() -> regex.Pattern:
    nouns = _singular_nouns()
    return regex.compile(rf"(?<![\w-])(?P<name>[A-Z][a-z]{{2,}}(?:\s[A-Z0-9][\w+]*)?)\s+(?:[a-z][\w-]*\s+)?(?:{nouns})\s+\Z")


def _launched_names(text: str, verbs: list[int]):
    """Names said to be launched in the passive: "Zola smartphone was launched by the firm"."""
    for verb in verbs:
        auxiliary = PASSIVE_BEFORE.search(text, max(0, verb - 30), verb)
        if auxiliary is not None:
            before = _named_before_noun().search(text, max(0, auxiliary.start() - 60), auxiliary.start())
            if before is not None:
                yield before


def _add_context_named(text: str, found: _Catalogue, verbs: list[int]) -> None:
    """Names the lexicon does not know, told by context (see the module docstring); every
    place the text names them again is a mention too. "the eZX 100" and "the eZX100" are one.
    ``verbs``: the text's :func:`launch_verbs`."""
    brands, series, _ = _lexicon()
    names: dict[str, str] = {}  # name -> key
    camels = [m.start() - 1 for m in CAMEL_CAPITAL.finditer(text) if scan.WordStart.at_word_start(text, m.start() - 1)]
    for match in scan.matches_at(LOWER_LED, text, _starts_before(text, camels, DETERMINER_BEFORE, DETERMINER_LENGTHS, DETERMINER_ENDINGS, 8)):
        if match.group("letters") not in NOT_A_PRODUCT and found.free(match.start("name"), match.end("name")):
            names.setdefault(match.group("name"), "".join(match.group("name").split()).casefold())
    currencies = [offset for sign in CURRENCY_SIGNS for offset in scan.find_all(text, sign)]
    anchors = _starts_before(text, currencies, DETERMINER_BEFORE, DETERMINER_LENGTHS, DETERMINER_ENDINGS, 8)
    anchors += _starts_before(text, scan.find_all(text, "of the"), VARIANTS_BEFORE, VARIANTS_LENGTHS, VARIANTS_ENDINGS, 12)
    if anchors:
        for match in scan.matches_at(PRICED_NAME, text, sorted(anchors)):
            name = match.group("name")
            first = name.split()[0]
            if first in NOT_A_PRODUCT or first in NOT_A_MODEL_NAME or first in brands or first in series \
                    or not found.free(match.start("name"), match.end("name")):
                continue
            names.setdefault(name, name.casefold())
    for match in _launched_names(text, verbs):
        name = match.group("name")
        first = name.split()[0]
        if not (first in NOT_A_PRODUCT or first in NOT_A_MODEL_NAME or first in brands or first in series
                or first in NOT_A_MAKER) and found.free(match.start("name"), match.end("name")):
            names.setdefault(name, name.casefold())
    unspaced = {"".join(name.split()) for name in names}
    for name, key in sorted(names.items(), key=lambda item: " " in item[0]):
        for match in compiled(rf"(?<![\w-]){regex.escape(name)}(?![\w-])").finditer(text):
            if found.free(match.start(), match.end()):
                # "eZX 100" beside "eZX100": the unspaced spelling names the product
                found.add(match.start(), match.end(), name, None, key, alias=" " in name and name.replace(" ", "") in unspaced)


#: A series after a determiner and at most two modifiers: "the 12-inch Lumibook", "the new Lumibook".
SERIES_ALONE_BEFORE = regex.compile(r"(?<![\w-])(?i:the|an?|its|their)\s+(?:[\w.-]+\s+){0,2}\Z")


#: A capitalised word or a number after a series: the name goes on ("Lumibook Vela").
NAME_GOES_ON = regex.compile(r"[ \u00a0-][A-Z0-9]")
#: A series before what is counted of it: "Lumibook shipments grew", "Lumibook sales".
SERIES_ALONE_AFTER = regex.compile(r"\s+(?:shipments|sales|deliveries|bookings|registrations|demand)\b")


@cache
def _series_alone_names() -> list[str]:
    """Series that can stand for a product alone: not a maker's own name ("Xiaomi"), nor a
    part's ("Victus")."""
    _, series, _ = _lexicon()
    return [name for name, row in series.items() if row["brand"] != name and name not in NOT_A_PRODUCT]


@cache
def _series_words() -> scan.WordStart:
    """One of :func:`_series_alone_names` as a whole word."""
    return scan.WordStart(rf"(?:{alternation(_series_alone_names())})(?![\w-])")


@cache
def _series_openings() -> frozenset[str]:
    """The first two characters of each of :func:`_series_alone_names` (all are longer)."""
    assert all(len(name) >= 2 for name in _series_alone_names())
    return frozenset(name[:2] for name in _series_alone_names())


def _add_series_alone(text: str, found: _Catalogue, starts: list[int] | None = None) -> None:
    """A series the text names alone ("the 12-inch Lumibook"), where no product it found
    belongs to the series, or whose figures are counted ("Lumibook shipments grew"): the
    series names the product. Not a maker's name that is also a
    series ("Xiaomi"), nor a part's ("Victus"). ``starts``: the text's
    :func:`~.product_names.mention_start_offsets`, if known: every series there is one."""
    _, series, _ = _lexicon()
    series_words = _series_words()
    if starts is None:
        matches = series_words.finditer(text)
    else:  # only where a series name opens, at a word's start (as WordStart.match tests)
        openings, at_word_start = _series_openings(), scan.WordStart.at_word_start
        opening = [start for start in starts if text[start:start + 2] in openings and at_word_start(text, start)]
        matches = scan.matches_at(series_words.inner, text, opening)
    for match in matches:
        word = match.group(0)
        if not found.free(match.start(), match.end()) or NAME_GOES_ON.match(text, match.end()):
            continue
        counted = SERIES_ALONE_AFTER.match(text, match.end()) is not None  # the line's, whatever models are named
        if not counted and (any(word in product["name"] for product in found.products)
                            or SERIES_ALONE_BEFORE.search(text, max(0, match.start() - 40), match.start()) is None):
            continue
        found.add(match.start(), match.end(), word, series[word]["brand"], word.casefold())


# --- products described, not named ---------------------------------------------------------------

#: After a product noun, words that make it a kind or a market: "the Ferro phone market".
NOT_A_KIND_AFTER = (r"(?!\s+(?:maker|makers|market|markets|segment|brand|industry|company|sales|shipments|category|space|"
                    r"business|division|unit|lineup|line-up|range|portfolio|series|buyers|users|owners)\b)")
SIZE = r"\d{1,2}(?:\.\d)?(?:-inch|\s?inch(?:es)?|-in\b)"
NOT_A_MAKER = frozenset({"He", "She", "They", "We", "I", "You", "Company", "Firm", "Brand", "Maker", "Government"})


@cache
def _singular_nouns() -> str:
    """Singular product nouns ("tablet", "smart TV", "scooter"), longest first."""
    return alternation(row["word"] for row in lexicons.load("product_nouns")
                       if row["category"] != "line" and not row["word"].endswith("s") and row["word"] != "foldable")


@cache
def _described_makers() -> list[str]:
    """The makers of described products: no operators, retailers or other companies."""
    brands, _, _ = _lexicon()
    return [b for b, r in brands.items() if r["category"] not in ("telecom", "company")]


@cache
def _maker_last_words() -> frozenset[str]:
    return frozenset(name.split(" ")[-1] for name in _described_makers())


def _maker_may_be_before(text: str, start: int, reach: int) -> bool:
    """Can "the <maker>" or "<maker>'s", an adjective at most between, end before ``start``
    (the ``the_maker`` pattern of :func:`described_patterns`, searched for no further than
    ``reach`` back)? The last word before it, or the one before that after an adjective,
    must be a maker's last word or end in "'s": most nouns have neither before them."""
    floor = max(0, start - reach)
    if start == floor or not text[start - 1].isspace():
        return False
    words = text[floor:start].split()
    last_words = _maker_last_words()

    def maker_or_owner(word: str) -> bool:
        return word in last_words or word.endswith(("’s", "'s"))

    return bool(words) and (maker_or_owner(words[-1])
                            or ("a" <= words[-1][0] <= "z" and len(words) > 1 and maker_or_owner(words[-2])))


@cache
def described_patterns() -> tuple[regex.Pattern, regex.Pattern, regex.Pattern, regex.Pattern]:
    """(a launch verb and a sized product, the maker before that verb, "the <maker>" or
    "<maker>'s" before a noun, "the" or "<owner>'s" before a price): see :func:`_add_described`.
    Each is tried only at (or read back from) a launch verb, a product noun or a price."""
    nouns = _singular_nouns()
    makers = alternation(_described_makers())
    launched = regex.compile(
        rf"{LAUNCH_VERB}\s+(?:(?:its|a|an|the|new|first|latest|own)\s+)*"
        rf"(?P<description>(?P<size>{SIZE})(?:\s+[\w-]+){{0,3}}?\s+(?P<noun>{nouns}))(?![\w-]){NOT_A_KIND_AFTER}"
        r"(?!,?\s+(?:the\s+|called\s+|named\s+)?[A-Z])")
    maker = regex.compile(r"\b(?P<maker>[A-Z][\w-]+|it)\s+(?:(?:has|have|had|also|officially|today|now|finally|"
                          r"for\s+the\s+first\s+time)\s+){0,3}\Z")
    the_maker = regex.compile(rf"(?:\b[Tt]he\s+(?P<maker>{makers})|(?<![\w-])(?P<owner>{makers})[’']s)\s+"
                              r"(?P<adjective>[a-z][\w-]*\s+)?\Z")
    priced = regex.compile(r"(?:\b[Tt]he|\b(?P<owner>[A-Z][\w-]+)[’']s)\s+\Z")
    return launched, maker, the_maker, priced


@cache
def _noun_finder() -> re.Pattern:
    """A singular product noun and what may follow it, matched at the noun."""
    return re.compile(rf"(?:{_singular_nouns()})(?![\w-]){NOT_A_KIND_AFTER}")


def _nouns_in(text: str, nouns: list[int]) -> list[re.Match]:
    """The singular product nouns of the text, at ``nouns`` (:func:`noun_offsets`)."""
    return scan.matches_at(_noun_finder(), text, nouns)


def _maker_before(text: str, start: int) -> str | None:
    """The maker named last before ``start`` (within a few sentences): what "it" stands for."""
    from .product_index import brand_word_pattern

    last = None
    for last in brand_word_pattern().finditer(text, max(0, start - 600), start):
        pass
    return _canonical_brand(last.group(0)) if last is not None else None


def _makes(products: list[dict], maker: str) -> bool:
    return any(p["brand"] == maker or p["name"].split()[0] == maker for p in products)


def _add_described(text: str, found: _Catalogue, verbs: list[int], nouns: list[int]) -> None:
    """Products an article describes instead of naming: one launched with its size ("Ferro
    has launched a 7 inch tablet": "Ferro 7 inch tablet"), "the <maker> <noun>" of a maker
    no named product of the text is by ("the Ferro electric scooter", again as "the Ferro
    scooter" and "Ferro's scooter"), and in a text naming no product at all, one told by
    its price ("India's $35 tablet"). A described product is not what "a new phone" is: it
    needs the size, the maker or the price. ``verbs``: the text's :func:`launch_verbs`;
    ``nouns``: where its product nouns stand."""
    if not any(noun in text for noun in ("TV", "tablet", "phone", "scooter", "car", "bike", "laptop", "motorcycle",
                                         "handset", "SUV", "EV", "watch", "notebook", "television", "sedan")):
        return
    launched, maker_pattern, the_maker, priced = described_patterns()
    named = list(found.products)  # the products the text names
    for match in scan.matches_at(launched, text, verbs):
        before = maker_pattern.search(text, max(0, match.start() - 80), match.start())
        if before is None:
            continue
        maker = before.group("maker")
        maker = _maker_before(text, before.start()) if maker == "it" else _canonical_brand(maker)
        if maker is None or maker in NOT_A_PRODUCT or maker in NOT_A_MODEL_NAME or maker in NOT_A_MAKER:
            continue
        start, end = match.span("description")
        if not found.free(start, end):
            continue
        size = compiled(r"[\d.]+").match(match.group("size")).group(0)
        description = " ".join(match.group("description").split())
        key = f"described {maker.casefold()} {size} {match.group('noun').casefold()}"
        found.add(start, end, f"{maker} {description}", maker, key, alias=True)
        if maker not in _lexicon()[0]:  # "Ferro has a 0.5 megapixel display": an unknown maker's word is its product
            for alone in compiled(rf"(?<![\w-]){regex.escape(maker)}(?![\w-])(?![’']s\s+[A-Z])").finditer(text, end):
                if found.free(alone.start(), alone.end()):
                    found.add(alone.start(), alone.end(), f"{maker} {description}", maker, key, alias=True)
    nouns = _nouns_in(text, nouns)
    for noun in nouns:
        if not _maker_may_be_before(text, noun.start(), 60):
            continue
        match = the_maker.search(text, max(0, noun.start() - 60), noun.start())
        if match is None:
            continue
        written = match.group("maker") or match.group("owner")
        maker = _canonical_brand(written)
        start, end = match.start("maker") if match.group("maker") else match.start("owner"), noun.end()
        if _makes(named, maker) or not found.free(start, end):
            continue
        key = f"described {maker.casefold()} {noun.group(0).casefold()}"
        if match.group("owner") and not any(p["key"] == key for p in found.products):
            continue  # "Ferro's scooter" names a product only once "the Ferro scooter" has
        description = " ".join(text[match.start("adjective") if match.group("adjective") else noun.start():end].split())
        found.add(start, end, f"{written} {description}", maker, key, alias=True)
    if named:
        return
    for noun in nouns:
        price = compiled(rf"({PRICE})\s+\Z").search(text, max(0, noun.start() - 30), noun.start())
        if price is None:
            continue
        match = priced.search(text, max(0, price.start() - 40), price.start())
        if match is None:
            continue
        start, end = match.start("owner") if match.group("owner") else price.start(), noun.end()
        if found.free(start, end):
            digits = compiled(r"[\d,.]+").search(price.group(1)).group(0).replace(",", "")
            name = " ".join(text[start:end].split()).replace("’", "'")
            found.add(start, end, name, None, f"described {digits} {noun.group(0).casefold()}", alias=True)
