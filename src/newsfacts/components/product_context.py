"""Product names told by the words around them rather than by the lexicon: a lower-case-led
model after a determiner ("the eZX100"), a name after its price ("the Rs 1-lakh Zola") or
after "variants of the"; a series named alone where no product of it is named ("the 12-inch
Lumibook").

>>> from .product_names import _Catalogue
>>> found = _Catalogue()
>>> _add_context_named("Fans queued for the Rs 2-lakh Zola. The Zola sold out.", found)
>>> [p["name"] for p in found.products], len(found.mentions)
(['Zola'], 2)
"""

from __future__ import annotations

import regex

from ..scan import compiled
from .product_names import NOT_A_MODEL_NAME, NOT_A_PRODUCT, _Catalogue, _lexicon

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
    unspaced = {"".join(name.split()) for name in names}
    for name, key in sorted(names.items(), key=lambda item: " " in item[0]):
        for match in compiled(rf"(?<![\w-]){regex.escape(name)}(?![\w-])").finditer(text):
            if found.free(match.start(), match.end()):
                # "eZX 100" beside "eZX100": the unspaced spelling names the product
                found.add(match.start(), match.end(), name, None, key, alias=" " in name and name.replace(" ", "") in unspaced)


#: A series after a determiner and at most two modifiers: "the 12-inch Lumibook", "the new Lumibook".
SERIES_ALONE_BEFORE = regex.compile(r"(?<![\w-])(?i:the|an?|its|their)\s+(?:[\w.-]+\s+){0,2}\Z")


def _add_series_alone(text: str, found: _Catalogue) -> None:
    """A series the text names alone ("the 12-inch Lumibook"), where no product it found
    belongs to the series: the series names the product. Not a maker's name that is also a
    series ("Xiaomi"), nor a part's ("Victus")."""
    from .product_index import brand_word_pattern

    _, series, _ = _lexicon()
    for match in brand_word_pattern().finditer(text):
        word = match.group(0)
        if word not in series or series[word]["brand"] == word or word in NOT_A_PRODUCT \
                or not found.free(match.start(), match.end()) \
                or any(word in product["name"] for product in found.products) \
                or SERIES_ALONE_BEFORE.search(text, max(0, match.start() - 40), match.start()) is None:
            continue
        found.add(match.start(), match.end(), word, series[word]["brand"], word.casefold())
