"""Which product a fact belongs to: :class:`ProductIndex` reads the products a text names
(see :func:`newsfacts.components.products.find_products`) and answers for an offset.
"""

from __future__ import annotations

import bisect
from functools import cache

import regex

from .. import scan
from ..lexicons import alternation
from .product_names import _canonical_brand, _lexicon

MENTION_REACH = 600  # a mention further than this from a fact is not "in its sentence"
COMPARE_WORDS = (r"(?:than|unlike|over|versus|vs\.?|compared\s+(?:to|with)|predecessor|successor|"
                 r"rivals?(?:\s+like)?|replaces|replacing|from|between|against|such\s+as|(?:the\s+)?likes\s+of|"
                 r"like|version\s+of|competition\s+from|compete\s+with|competes\s+with|"
                 r"compatible\s+with|alternatives?\s+to|sibling|twice|half)")
#: A product named only to compare: "than the Galaxy", "between the Redmi 13 5G", "a step up
#: from the Dimensity 6080 on the Redmi Note 13 5G".
COMPARED = regex.compile(rf"\b{COMPARE_WORDS}\s+(?:the\s+|its\s+|a\s+)?\Z"
                         r"|\b(?:than|unlike|from|versus|vs\.?|compared\s+(?:to|with))\s+(?:the\s+|its\s+|a\s+)?"
                         r"(?:[^\s.,;:!?]+\s+){1,3}(?:on|in|of|inside)\s+(?:the\s+|its\s+)?\Z",
                         regex.IGNORECASE)
COORDINATED = scan.compile_pattern(r"\A\s*(?:,|and|or|,\s+and)\s+(?:the\s+|its\s+)?\Z")
#: A price of a band or a segment, not of a product: "phones under Rs 10,000", "the Rs
#: 10,000-20,000 band", "in the sub-Rs 12,000 category", "priced in the range of Rs 60,000".
BAND_BEFORE = regex.compile(r"(?:(?<!\b(?:for|at|priced|costs?|costing|retails?)\s+)\b(?:under|below|less\s+than)"
                            r"|\bsub-?|\b(?:budget|range|segment|bracket)\s+of|\bbetween|[<>])\s*\Z",
                            regex.IGNORECASE)
BAND_AFTER = regex.compile(r"(?:\s*(?:-|–|to|and)\s*(?:Rs\.?|₹|\$|€|INR)?\s*[\d,.]+\s*(?:lakh|crore|k|K)?)?"
                           r"\s*(?:price\s+)?(?:band|segment|bracket|range|category|price\s+point|-?plus\s+segment)\b",
                           regex.IGNORECASE)
JOINED_AMOUNT = regex.compile(r"(?:Rs\.?|₹|\$|€|INR)\s*[\d,.]+\s*(?:lakh|crore)?\s*(?:and|to|-|–)\s*\Z")
#: A product that is not there yet, named by its kind: "plans to make an electric car priced at $20,000".
HYPOTHETICAL = regex.compile(r"\b(?:an?|some|any)\s+(?:[\w-]+\s+){0,2}?(?:car|phone|smartphone|scooter|bike|"
                             r"motorcycle|tablet|laptop|TV|EV|SUV|vehicle|model)\b", regex.IGNORECASE)
FOCUS_OPENER = regex.compile(r"\s*(?:It|This|The\s+(?:phone|device|handset|car|scooter|bike|TV|laptop|tablet))\b")

ALL_MODELS = regex.compile(r"\b(?:both|all(?:\s+(?:two|three|four|five))?)\s+(?:the\s+)?(?:[a-z]+\s+)?"
                           r"(?:models|variants|versions|phones|TVs|sets|scooters|cars|laptops|trims)\b",
                           regex.IGNORECASE)


@cache
def brand_word_pattern() -> scan.WordStart:
    """A maker's or series' name on its own: "Samsung", "Apple's", "the iPhone"."""
    brands, series, _ = _lexicon()
    return scan.WordStart(rf"(?:{alternation(list(brands) + list(series))})(?![\w-])")



class ProductIndex:
    """Which product a fact at a given offset belongs to.

    >>> text = "Redmi Note 7 specs\\n\\nIt has a 4,000 mAh battery. The Mi A3 costs less."
    >>> from newsfacts.components.products import find_products
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
        """The canonical name of a mention's product: "Galaxy M37" and "the M37" are both
        "Samsung Galaxy M37 5G" when the text names it so."""
        return self.products[mention[2]]["name"]

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

    def in_band(self, start: int, end: int) -> bool:
        """Is the amount at [start, end) a price band's or a segment's ("under Rs 10,000")?"""
        line_start = scan.line_start(self.text, start)
        if BAND_BEFORE.search(self.text, max(line_start, start - 24), start):
            return True
        if BAND_AFTER.match(self.text, end, min(len(self.text), end + 40)):
            return True
        # "between Rs 7,000 and Rs 9,000": the second end of a band
        joined = JOINED_AMOUNT.search(self.text, max(line_start, start - 40), start)
        return joined is not None and BAND_BEFORE.search(
            self.text, max(line_start, joined.start() - 24), joined.start()) is not None

    def hypothetical(self, sentence: tuple[int, int], offset: int) -> bool:
        """Does the sentence speak of a product not yet named ("an electric car priced at
        $20,000"), with no product named in it and no "it" in focus?"""
        if self.mentions_between(sentence[0], sentence[1]) or FOCUS_OPENER.match(self.text, sentence[0]):
            return False
        return HYPOTHETICAL.search(self.text, sentence[0], offset) is not None

    def named_in(self, sentence: tuple[int, int], offset: int) -> str | None:
        """The product named in the sentence itself (nearest before ``offset``, else after), or None."""
        mention = self.mention_in(sentence[0], offset, offset) or self.mention_in(offset, sentence[1], offset)
        return None if mention is None else self.mention_name(mention)

    def paired(self, offset: int, sentence: tuple[int, int], peers: list[int]) -> str | None:
        """"the 43-, 50- and 55-inch models at Rs 29,999, Rs 33,999 and Rs 39,999": as many
        products named, in a row, before the first of as many facts (``peers``, in order) pair
        up in order — the k-th fact is the k-th product's."""
        if len(peers) < 2 or offset not in peers:
            return None
        named = [m for m in self.mentions_between(sentence[0], peers[0]) if not self._compared(m)]
        if self.mentions_between(peers[0], peers[-1] + 1):
            return None
        names = []
        for mention in named:
            name = self.mention_name(mention)
            if name not in names:
                names.append(name)
        if len(names) != len(peers):
            return None
        return names[peers.index(offset)]

    def product_at(self, offset: int, sentence: tuple[int, int]) -> str | None:
        """The same sentence's nearest mention, else the product its maker's name stands for
        ("Samsung's screen"), else the article's subject when it speaks of "both models",
        else the last mention earlier in the paragraph ("... the Xiaomi 17T Pro. SoftBank
        sells it for ..."), else the section's product, else the main one. A "sentence" is
        read no further than MENTION_REACH either side of ``offset``: a megabyte without a full
        stop must not make every fact scan all of it."""
        sentence = (max(sentence[0], offset - MENTION_REACH), min(sentence[1], offset + MENTION_REACH))
        around = self.mention_around(offset, offset + 1)
        if around is not None:  # "the 43-inch model": the fact lies in the name
            return around
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


