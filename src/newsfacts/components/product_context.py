"""Product names told by the words around them rather than by the lexicon: a lower-case-led
model after a determiner ("the eZX100"), a name after its price ("the Rs 1-lakh Zola") or
after "variants of the"; a series named alone where no product of it is named ("the 12-inch
Lumibook"); a product with no name, described ("Ferro launched a 7 inch tablet", "the Ferro
electric scooter", "India's $35 tablet").

>>> from .product_names import _Catalogue
>>> found = _Catalogue()
>>> _add_context_named("Fans queued for the Rs 2-lakh Zola. The Zola sold out.", found)
>>> [p["name"] for p in found.products], len(found.mentions)
(['Zola'], 2)
"""

from __future__ import annotations

import re
from functools import cache

import regex

from .. import lexicons
from ..lexicons import alternation
from ..scan import compiled
from .product_names import (
    LAUNCH_VERB,
    NOT_A_MODEL_NAME,
    NOT_A_PRODUCT,
    _canonical_brand,
    _Catalogue,
    _lexicon,
)

#: A lower-case letter, capitals and a number: "the eZX100", "its eZX 100" (a shape no word
#: has; "iOS 17" is a platform).
LOWER_LED = regex.compile(r"(?<![\w-])(?i:the|its|an?|new)\s+(?P<name>(?P<letters>[a-z][A-Z][A-Za-z]{0,7})(?:\d{1,4}|\s\d{1,4})[a-z]?)"
                          r"(?![\w.,-]?\d|[\w-])")
PRICE = r"(?:Rs\.?|₹|\$|€|£)\s?\d[\d,.]*(?:[- ]?(?:lakh|crore|k|K))?"
#: A name after its price or after "variants of the": "the Rs 1-lakh Zola", "the $299 Zola",
#: "the three variants of the Zola".
PRICED_NAME = regex.compile(
    rf"(?<![\w-])(?:(?i:the|its|a)\s+{PRICE}|(?i:variants?|versions?|trims?)\s+of\s+the)\s+"
    r"(?P<name>[A-Z][a-z]{2,}(?:\s[A-Z][a-z]*\d*|\s\d+)?)(?![\w-])")


#: "Zola smartphone was launched": a name before its product noun, said to be launched.
PASSIVE_LAUNCH = re.compile(rf"\b(?:was|were|has\s+been|have\s+been|is\s+being|will\s+be)\s+(?:officially\s+|finally\s+)?{LAUNCH_VERB}\b")


@cache
def _named_before_noun() -> regex.Pattern:
    nouns = _singular_nouns()
    return regex.compile(rf"(?<![\w-])(?P<name>[A-Z][a-z]{{2,}}(?:\s[A-Z0-9][\w+]*)?)\s+(?:[a-z][\w-]*\s+)?(?:{nouns})\s+\Z")


def _launched_names(text: str):
    """Names said to be launched in the passive: "Zola smartphone was launched by the firm"."""
    if "was" not in text and "were" not in text and "been" not in text:
        return
    for verb in PASSIVE_LAUNCH.finditer(text):
        before = _named_before_noun().search(text, max(0, verb.start() - 60), verb.start())
        if before is not None:
            yield before


def _add_context_named(text: str, found: _Catalogue) -> None:
    """Names the lexicon does not know, told by context (see the module docstring); every
    place the text names them again is a mention too. "the eZX 100" and "the eZX100" are one."""
    brands, series, _ = _lexicon()
    names: dict[str, str] = {}  # name -> key
    if compiled(r"[a-z][A-Z]").search(text):
        for match in LOWER_LED.finditer(text):
            if match.group("letters") not in NOT_A_PRODUCT and found.free(match.start("name"), match.end("name")):
                names.setdefault(match.group("name"), "".join(match.group("name").split()).casefold())
    if any(mark in text for mark in ("Rs", "₹", "$", "€", "£", "variant", "version", "trim")):
        for match in PRICED_NAME.finditer(text):
            name = match.group("name")
            first = name.split()[0]
            if first in NOT_A_PRODUCT or first in NOT_A_MODEL_NAME or first in brands or first in series \
                    or not found.free(match.start("name"), match.end("name")):
                continue
            names.setdefault(name, name.casefold())
    for match in _launched_names(text):
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


def _add_series_alone(text: str, found: _Catalogue) -> None:
    """A series the text names alone ("the 12-inch Lumibook"), where no product it found
    belongs to the series, or whose figures are counted ("Lumibook shipments grew"): the
    series names the product. Not a maker's name that is also a
    series ("Xiaomi"), nor a part's ("Victus")."""
    from .product_index import brand_word_pattern

    _, series, _ = _lexicon()
    for match in brand_word_pattern().finditer(text):
        word = match.group(0)
        if word not in series or series[word]["brand"] == word or word in NOT_A_PRODUCT \
                or not found.free(match.start(), match.end()) or NAME_GOES_ON.match(text, match.end()):
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
def described_patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """(launched a sized product, "the <maker> <noun>", "<owner>'s <price> <noun>"): see
    :func:`_add_described`."""
    brands, _, _ = _lexicon()
    nouns = _singular_nouns()
    makers = alternation(b for b, r in brands.items() if r["category"] not in ("telecom", "company"))
    launched = re.compile(
        rf"\b(?P<maker>[A-Z][\w-]+|it)\s+(?:(?:has|have|had|also|officially|today|now|finally|for\s+the\s+first\s+time)\s+){{0,3}}"
        rf"{LAUNCH_VERB}\s+(?:(?:its|a|an|the|new|first|latest|own)\s+)*"
        rf"(?P<description>(?P<size>{SIZE})(?:\s+[\w-]+){{0,3}}?\s+(?P<noun>{nouns}))(?![\w-]){NOT_A_KIND_AFTER}(?!,?\s+(?:the\s+|called\s+|named\s+)?[A-Z])")
    the_maker = re.compile(rf"\b(?:[Tt]he\s+(?P<maker>{makers})|(?P<owner>{makers})[’']s)\s+"
                           rf"(?P<description>(?:[a-z][\w-]*\s+)?(?P<noun>{nouns}))(?![\w-]){NOT_A_KIND_AFTER}")
    priced = re.compile(rf"(?:\b[Tt]he|\b(?P<owner>[A-Z][\w-]+)[’']s)\s+(?P<description>(?P<price>{PRICE})\s+(?P<noun>{nouns}))(?![\w-])")
    return launched, the_maker, priced


def _maker_before(text: str, start: int) -> str | None:
    """The maker named last before ``start`` (within a few sentences): what "it" stands for."""
    from .product_index import brand_word_pattern

    last = None
    for last in brand_word_pattern().finditer(text, max(0, start - 600), start):
        pass
    return _canonical_brand(last.group(0)) if last is not None else None


def _makes(products: list[dict], maker: str) -> bool:
    return any(p["brand"] == maker or p["name"].split()[0] == maker for p in products)


def _add_described(text: str, found: _Catalogue) -> None:
    """Products an article describes instead of naming: one launched with its size ("Ferro
    has launched a 7 inch tablet": "Ferro 7 inch tablet"), "the <maker> <noun>" of a maker
    no named product of the text is by ("the Ferro electric scooter", again as "the Ferro
    scooter" and "Ferro's scooter"), and in a text naming no product at all, one told by
    its price ("India's $35 tablet"). A described product is not what "a new phone" is: it
    needs the size, the maker or the price."""
    if not any(noun in text for noun in ("TV", "tablet", "phone", "scooter", "car", "bike", "laptop", "motorcycle",
                                         "handset", "SUV", "EV", "watch", "notebook", "television", "sedan")):
        return
    launched, the_maker, priced = described_patterns()
    named = list(found.products)  # the products the text names
    for match in launched.finditer(text):
        maker = match.group("maker")
        maker = _maker_before(text, match.start()) if maker == "it" else _canonical_brand(maker)
        if maker is None or maker in NOT_A_PRODUCT or maker in NOT_A_MODEL_NAME or maker in NOT_A_MAKER:
            continue
        start, end = match.span("description")
        if not found.free(start, end):
            continue
        size = compiled(r"[\d.]+").match(match.group("size")).group(0)
        description = " ".join(match.group("description").split())
        found.add(start, end, f"{maker} {description}", maker,
                  f"described {maker.casefold()} {size} {match.group('noun').casefold()}", alias=True)
        if maker not in _lexicon()[0]:  # "Ferro has a 0.5 megapixel display": an unknown maker's word is its product
            for alone in compiled(rf"(?<![\w-]){regex.escape(maker)}(?![\w-])(?![’']s\s+[A-Z])").finditer(text, end):
                if found.free(alone.start(), alone.end()):
                    found.add(alone.start(), alone.end(), f"{maker} {description}", maker,
                              f"described {maker.casefold()} {size} {match.group('noun').casefold()}", alias=True)
    for match in the_maker.finditer(text):
        maker = _canonical_brand(match.group("maker") or match.group("owner"))
        start, end = match.start("maker") if match.group("maker") else match.start("owner"), match.end()
        if _makes(named, maker) or not found.free(start, end):
            continue
        if match.group("owner") and not any(p["key"] == f"described {maker.casefold()} {match.group('noun').casefold()}"
                                            for p in found.products):
            continue  # "Ferro's scooter" names a product only once "the Ferro scooter" has
        name = f"{match.group('maker') or match.group('owner')} {' '.join(match.group('description').split())}"
        found.add(start, end, name, maker, f"described {maker.casefold()} {match.group('noun').casefold()}", alias=True)
    if named:
        return
    for match in priced.finditer(text):
        start, end = match.start("owner") if match.group("owner") else match.start("description"), match.end()
        if found.free(start, end):
            price = compiled(r"[\d,.]+").search(match.group("price")).group(0).replace(",", "")
            name = " ".join(text[start:end].split()).replace("’", "'")
            found.add(start, end, name, None, f"described {price} {match.group('noun').casefold()}", alias=True)
