"""Which product a fact belongs to: :class:`ProductIndex` reads the products a text names
(see :func:`newsfacts.components.products.find_products`) and answers for an offset.
"""

from __future__ import annotations

import bisect
from functools import cache, cached_property

import regex

from .. import lexicons, scan
from ..lexicons import alternation
from .product_names import _canonical_brand, _lexicon

FOCUS_LOOKBACK = 40  # mentions read back for the one in focus: a text of comparisons must not make each fact read all
MENTION_REACH = 600  # a mention further than this from a fact is not "in its sentence"
COMPARE_WORDS = (r"(?:than|unlike|over|versus|vs\.?|compared\s+(?:to|with)|predecessor|successor|"
                 r"rivals?(?:\s+like)?|replaces|replacing|from|between|against|such\s+as|(?:the\s+)?likes\s+of|"
                 r"like|version\s+of|competition\s+from|compete\s+with|competes\s+with|"
                 r"compatible\s+with|alternatives?\s+to|sibling|twice|half|same\s+as|similar\s+to|identical\s+to|"
                 r"(?:slots?|sits?|placed|positioned)\s+(?:below|above|under))")
NOUNS = alternation(w for w in lexicons.values("product_nouns", "word") if w.islower())
#: A product named only to compare: "than the Galaxy", "between the Redmi 13 5G", "a step up
#: from the Dimensity 6080 on the Redmi Note 13 5G".
COMPARED = regex.compile(rf"\b{COMPARE_WORDS}\s+(?:the\s+|its\s+|a\s+)?(?:(?!(?:and|or|but|is|was|are|{NOUNS})\s)[a-z][a-z-]+\s+)?\Z"
                         r"|\b(?:than|unlike|from|versus|vs\.?|compared\s+(?:to|with)|twice|half|double|thrice)\s+(?:the\s+|its\s+|a\s+)?"
                         r"(?:[^\s.,;:!?]+\s+){1,3}(?:on|in|of|inside)\s+(?:the\s+|its\s+)?\Z",
                         regex.IGNORECASE)
#: A fact in a relative clause of the product before it is that product's, compared or not:
#: "rivals the Zeta 9, which packs 8GB of RAM".
RELATIVE_CLAUSE = scan.compile_pattern(r",?\s+(?:which|that|with)\s[^,;.!?]*\Z")
PLURAL_NOUNS = alternation(w for w in lexicons.values("product_nouns", "word") if w.islower() and w.endswith("s"))
#: Products given as examples of a kind: "phones like the Zeta 5", "scooters such as the Kavo Q".
EXAMPLES = regex.compile(rf"\b(?:{PLURAL_NOUNS}|devices|models|vehicles)\s+(?:like|such\s+as)\s+(?:the\s+)?\Z",
                         regex.IGNORECASE)
#: ... that are rivals all the same: "competes with phones such as", "cheaper than phones like".
COMPARED_KIND = regex.compile(rf"\b{COMPARE_WORDS}\s+(?:(?:the|other|rival|many|most|several)\s+)*(?:[a-z-]+\s+)?\Z",
                              regex.IGNORECASE)
COORDINATED = scan.compile_pattern(r"\A\s*(?:,|and|or|,\s+and)\s+(?:the\s+|its\s+)?\Z")
#: A price of a band or a segment, not of a product: "phones under Rs 10,000", "the Rs
#: 10,000-20,000 band", "in the sub-Rs 12,000 category", "priced in the range of Rs 60,000".
BAND_BEFORE = regex.compile(r"(?:(?<!\b(?:for|at|priced|costs?|costing|retails?)\s+)\b(?:under|below|less\s+than)"
                            r"|\bsub-?|\b(?:budget|range|segment|bracket)\s+of|\bbetween|[<>])\s*\Z",
                            regex.IGNORECASE)
#: A segment named by its kind and a threshold: "phones priced below €400", "smart phones were
#: typically priced over Rs 100,000", "devices costing under $200".
KIND_PRICED = regex.compile(r"\b(?:phones|smartphones|devices|handsets|models|cars|scooters|bikes|laptops|tablets|TVs|units)"
                            r"\s+(?:(?:are|were|is|typically|usually|generally|mostly)\s+){0,2}"
                            r"(?:priced|costing|retailing|selling)\s+(?:at\s+)?(?:under|below|over|above|less\s+than|"
                            r"more\s+than|up\s+to|upwards\s+of)\s*\Z", regex.IGNORECASE)
BAND_AFTER = regex.compile(r"(?:\s*(?:-|–|to|and)\s*(?:Rs\.?|₹|\$|€|INR)?\s*[\d,.]+\s*(?:lakh|crore|k|K)?)?"
                           r"\s*(?:price\s+)?(?:band|segment|bracket|range|category|price\s+point|-?plus\s+segment)\b",
                           regex.IGNORECASE)
JOINED_AMOUNT = regex.compile(r"(?:Rs\.?|₹|\$|€|INR)\s*[\d,.]+\s*(?:lakh|crore)?\s*(?:and|to|-|–)\s*\Z")
#: A product that is not there yet, named by its kind: "plans to make an electric car priced at $20,000".
HYPOTHETICAL = regex.compile(r"\b(?:an?|some|any)\s+(?:[\w-]+\s+){0,2}?(?:car|phone|smartphone|scooter|bike|"
                             r"motorcycle|tablet|laptop|TV|EV|SUV|vehicle|model)\b", regex.IGNORECASE)
#: Between a sales figure and the product it counts: "1 million Zeta 5", "units of its new Zeta 5".
AFTER_FIGURE = scan.compile_pattern(r"\s+(?:(?:[a-z][\w-]*\s+){0,2}?(?:of|for)\s+(?:(?:its|the|their)\s+)?"
                                    r"(?:[a-z][\w-]*\s+){0,2})?")


@cache
def _folded_series() -> dict[str, str]:
    """Series names by their case-folded spelling: "iphone" -> "iPhone"."""
    _, series, _ = _lexicon()
    return {name.casefold(): name for name in series if series[name]["brand"] != name}


@cache
def _noun_kinds() -> dict[str, str]:
    """Product noun (and plural, and the item words of sales) -> its category: "TVs" -> "tv"."""
    kinds = {}
    for row in lexicons.load("product_nouns"):
        if row["category"] != "line":
            kinds[row["word"]] = kinds[row["word"].casefold()] = row["category"]
    return kinds


@cache
def kind_after_pattern() -> regex.Pattern:
    """A product noun right after a name, at most one word between: "Zeta-3 phones"."""
    nouns = alternation(_noun_kinds())
    return regex.compile(rf"\s+(?:[a-z][\w-]*\s+)?(?P<noun>{nouns})(?![\w-])")


#: A subject that refers back to the product in focus: "it", "the phone", "the new scooter".
ANAPHOR = regex.compile(r"\b(?:[Ii]t|[Tt]he\s+(?:new\s+)?(?:phone|smartphone|handset|device|car|SUV|scooter|e-scooter|bike|"
                        r"motorcycle|TV|television|laptop|notebook|tablet|mobile|vehicle|machine))\b(?![’']s)")
FOCUS_OPENER = regex.compile(r"\s*(?:It|This|The\s+(?:phone|device|handset|car|scooter|bike|TV|laptop|tablet))\b")

FACT_WORD = r"(?:[^\s;,.:!?()]|\.(?=\d))*"  # "12-inch", "2.6kWh"
OF_A_PRODUCT = scan.compile_pattern(rf"{FACT_WORD}(?:\s+(?!(?:that|which|who|is|was|are)\b)[a-z][\w-]*){{0,2}}"
                                    r"\s+(?:of|on)\s+(?:the\s+|its\s+)?")
OF_HINT = scan.compile_pattern(r"\s(?:of|on)\s")  # in every OF_A_PRODUCT match: a cheaper search first
MODIFIER_DETERMINER = scan.compile_pattern(r"(?<![\w-])(?:the|an?|its|their)\s+\Z", regex.IGNORECASE)
#: A fact's word and at most one more before the name it modifies: "12-inch", "6.1-inch OLED".
PHRASE_AFTER = scan.compile_pattern(rf"{FACT_WORD}(?:\s+[A-Z0-9]{FACT_WORD})?\s+")
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
        self._data_main, self._titled = data["main"], data.get("titled", False)
        self.aliases = set(data.get("aliases", ()))
        self.section_starts = [s for s, _ in data["sections"]]
        self.section_products = [p for _, p in data["sections"]]
        self._compared_at: dict[tuple[int, int], bool] = {}  # (mention start, depth) -> _compared

    @cached_property
    def main(self) -> int | None:
        """The article's main product: the headline's, else the one named most often other
        than to compare ("phones like the Kavo M3"), the first named of equals."""
        main = self._data_main
        if self._titled:
            return main
        counts: dict[int, list[int]] = {}
        for mention in self.mentions:
            if not self._compared(mention):
                counts.setdefault(mention[2], []).append(mention[0])
        if not counts:
            return main
        return max(counts, key=lambda index: (len(counts[index]), -counts[index][0]))

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
        return self._nearest_before(lo, split, before) or self._first_after(split, hi)

    def _nearest_before(self, lo: int, split: int, before: int) -> list[int] | None:
        """mention_in's answer before ``before``, of mentions[lo:split]."""
        mentions = self.mentions
        for i in range(split - 1, lo - 1, -1):
            mention = mentions[i]
            if mention[1] <= before and (not self._compared(mention)
                                         or RELATIVE_CLAUSE.match(self.text, mention[1], before) is not None):
                return mention
        return None

    def _first_after(self, split: int, hi: int) -> list[int] | None:
        """mention_in's answer after, of mentions[split:hi]: the first not named to compare."""
        mentions = self.mentions
        for i in range(split, hi):
            if not self._compared(mentions[i]):
                return mentions[i]
        return None

    def _compared(self, mention: list[int], depth: int = 0) -> bool:
        """Is the mention named only to compare ("unlike the Redmi Note 13")? Each facts'
        search asks again about the same few mentions: the answers are kept."""
        key = (mention[0], depth)
        compared = self._compared_at.get(key)
        if compared is None:
            compared = self._compared_at[key] = self._read_compared(mention, depth)
        return compared

    def _read_compared(self, mention: list[int], depth: int) -> bool:
        line_start = scan.line_start(self.text, mention[0])
        compared = COMPARED.search(self.text, max(line_start, mention[0] - 60), mention[0])
        if compared is not None:
            # "few phones like the Zeta 5 offer it": examples of a subject, unless the phones are rivals
            examples = EXAMPLES.search(self.text, max(line_start, mention[0] - 40), mention[0])
            return examples is None or COMPARED_KIND.search(self.text, max(line_start, examples.start() - 40),
                                                            examples.start()) is not None
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

    def brand_product(self, start: int, end: int, before: int, anywhere: bool = True) -> str | None:
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
        return self.name(self._product_of_brand(chosen.group(0), scan.line_start(self.text, start), start, anywhere))

    @cached_property
    def _kinds(self) -> list[str | None]:
        """Each product's kind (a ``product_nouns`` category): of the noun its name ends with
        ("Lumio 7 inch tablet"), else of the noun right after a mention ("Zeta-3 phones")."""
        kinds: list[str | None] = [None] * len(self.products)
        for i, product in enumerate(self.products):
            last = product["name"].split()[-1]
            kinds[i] = _noun_kinds().get(last) or _noun_kinds().get(last.casefold())
        for start, end, index in self.mentions:
            if kinds[index] is None:
                after = kind_after_pattern().match(self.text, end, min(len(self.text), end + 40))
                if after is not None:
                    kinds[index] = _noun_kinds()[after.group("noun")]
        return kinds

    def of_kind(self, name: str | None, item: str | None) -> str | None:
        """``name`` for a sale of ``item``s ("3000 TVs"), unless the product is of another kind
        ("Zeta-3 phones") — then the one product of the item's kind the text names, or None."""
        kind = _noun_kinds().get(item) or _noun_kinds().get((item or "").casefold())
        if name is None or kind is None:
            return name
        index = next((i for i, p in enumerate(self.products) if p["name"] == name), None)
        if index is None or self._kinds[index] in (None, kind):
            return name
        same = [i for i, k in enumerate(self._kinds) if k == kind]
        return self.name(same[0]) if len(same) == 1 else None

    @staticmethod
    def series_counted(item: str | None) -> str | None:
        """The series an item word names, singular or plural: "iphones" -> "iPhone"."""
        if not item:
            return None
        folded = _folded_series()
        return folded.get(item.casefold()) or folded.get(item.casefold().removesuffix("s"))

    def after_figure(self, start: int, end: int, reach: int = 40) -> str | None:
        """A product named in a sale's span [start, end) or right after it, or after "units of
        (its) ...": "sold 1 million Zeta 5 units", "20 lakh units of its recently-launched Zeta 5"."""
        within = self.mentions_between(start, end)
        if within:
            return self.mention_name(within[0])
        after = AFTER_FIGURE.match(self.text, end, min(len(self.text), end + reach))
        if after is None:
            return None
        named = self.mentions_between(after.end(), after.end() + 1)
        return self.mention_name(named[0]) if named else None

    def in_focus(self, before: int) -> str | None:
        """The product a reader has in mind at ``before``: the last one named (not to compare)
        before it, unless a section heading since names another."""
        i = bisect.bisect_left(self.starts, before) - 1
        floor = max(-1, i - FOCUS_LOOKBACK)
        while i > floor and self._compared(self.mentions[i]):
            i -= 1
        if i == floor:
            i = -1
        k = bisect.bisect_right(self.section_starts, before) - 1
        if k >= 0 and (i < 0 or self.section_starts[k] > self.mentions[i][0]):
            return self.name(self.section_products[k])
        return self.mention_name(self.mentions[i]) if i >= 0 else None

    def modified(self, offset: int) -> list[int] | None:
        """The mention a fact modifies, in one noun phrase with it: "the 12-inch Lumibook", "a
        5G-ready Zeta 5" (a determiner before the fact, the name at most a word after it), "the
        2.6kWh battery capacity of the Zeta 5", "2.2kWh on the Kavo Q"."""
        text = self.text
        of = OF_A_PRODUCT.match(text, offset, min(len(text), offset + 60)) \
            if OF_HINT.search(text, offset, min(len(text), offset + 60)) is not None else None
        if of is not None:  # "the 2.6kWh battery capacity of the Zeta 5"
            named = self._mention_from(of.end(), of.end() + 1)
            if named is not None:
                return named
        # the determiner's pattern ends in whitespace right before the fact
        if offset == 0 or not text[offset - 1].isspace() \
                or MODIFIER_DETERMINER.search(text, max(0, offset - 8), offset) is None:
            return None
        phrase = PHRASE_AFTER.match(text, offset, min(len(text), offset + 60))
        return self._mention_from(offset, phrase.end() + 1) if phrase is not None else None

    def _mention_from(self, start: int, end: int) -> list[int] | None:
        """The first mention that starts within [start, end), else None."""
        i = bisect.bisect_left(self.starts, start)
        return self.mentions[i] if i < len(self.starts) and self.starts[i] < end else None

    def _product_of_brand(self, word: str, paragraph_start: int, before: int, anywhere: bool = True) -> int | None:
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
        if not anywhere:
            return None
        candidates = [i for i in range(len(self.products)) if belongs(i)]
        return max(candidates, key=lambda i: len(self.products[i]["mentions"])) if candidates else None

    def _same_maker(self, one: int, other: int) -> bool:
        """Are two products of one maker or line: one brand, or a name that holds the other's
        first word ("Vibe Pro QLED" and "Lumio Vibe Pro 65")?"""
        first, second = self.products[one], self.products[other]
        if first["brand"] and first["brand"] == second["brand"]:
            return True
        words, other_words = first["name"].split(), second["name"].split()
        return words[0] in other_words or other_words[0] in words

    def in_band(self, start: int, end: int) -> bool:
        """Is the amount at [start, end) a price band's or a segment's ("under Rs 10,000")?"""
        line_start = scan.line_start(self.text, start)
        if BAND_BEFORE.search(self.text, max(line_start, start - 24), start) \
                or KIND_PRICED.search(self.text, max(line_start, start - 70), start):
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
        """The one product named in the sentence itself, or None: several named ("phones in
        the Rs 15,000 bracket are the Zeta 3, Kavo M2 and Lumio 5") are examples of a band,
        not what its price is of."""
        sentence = (max(sentence[0], offset - MENTION_REACH), min(sentence[1], offset + MENTION_REACH))
        mention = self.mention_in(sentence[0], offset, offset) or self.mention_in(offset, sentence[1], offset)
        if mention is None:
            return None
        named = {m[2] for m in self.mentions_between(sentence[0], sentence[1]) if not self._compared(m)}
        return self.mention_name(mention) if len(named) < 2 else None

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
        mention = self.modified(offset) or self.mention_in(sentence[0], offset, offset)
        if mention is None and ANAPHOR.search(self.text, sentence[0], offset):
            focus = self.in_focus(sentence[0])  # "It has ...", "The scooter gets ...": not a rival named after
            if focus is not None:
                return focus
        if mention is None:
            after = self.mention_in(offset, sentence[1], offset)
            # a maker named before ("Lumio launched ... at Rs 9,999, making the Zeta 5 ...") stands
            # for its product only where the paragraph or article is about one, if a product follows
            by_brand = self.brand_product(sentence[0], offset, offset, anywhere=after is None)
            if by_brand is not None:
                return by_brand
            mention = after
        if mention is None:
            by_brand = self.brand_product(offset, sentence[1], offset)
            if by_brand is not None:
                return by_brand
            paragraph_start = scan.line_start(self.text, sentence[0])
            mention = self.mention_in(paragraph_start, sentence[0], sentence[0])
            if ALL_MODELS.search(self.text, sentence[0], sentence[1]) and self.main is not None \
                    and (mention is None or self._same_maker(mention[2], self.main)):
                return self.name(self.main)  # "both models": the main product's, unless the paragraph is another maker's
        if mention is not None:
            return self.mention_name(mention)
        i = bisect.bisect_right(self.section_starts, offset) - 1
        if i >= 0:
            return self.name(self.section_products[i])
        return self.name(self.main)


