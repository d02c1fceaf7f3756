"""Units sold, shipped, booked, delivered, registered or activated — with bound, metric,
product, company, region and selling period.

A figure is a sale when a count of things ("1 million smartphones", "2.5 lakh units",
"6,980 deliveries") or a bare figure right after a sales verb ("crossed 2.2 lakh", "reached
598,000") stands in a clause about selling. Targets, forecasts, capacity, installed base,
customers and downloads are not sales. The words are data (``data/sales_words.jsonl``).

>>> [(s["units"], s["bound"], s["metric"], s["period"]["duration"])
...  for s in find_sales("Xiaomi sold over 2.5 lakh units within two weeks of launch.")]
[(250000, 'at_least', 'sold', 'P2W')]
"""

from __future__ import annotations

import bisect
from datetime import date
from decimal import Decimal
from functools import cache

import regex
from spacy.language import Language
from spacy.tokens import Doc

from .. import docdata, lexicons, scan
from ..lexicons import alternation
from ..scan import compiled
from .base import FactComponent
from .layout import Boilerplate, get_layout
from .money import find_amounts
from .numbers import find_numbers, fractional, get_numbers
from .products import ProductIndex, find_products, get_products, makers_of
from .sale_periods import LEAD_WORDS, RATE, TOTAL_TO_DATE, PeriodReader, calendar
from .sale_tables import TableReader
from .sale_words import MIN_UNITS, _clause_start, _patterns, _words
from .timespans import find_time_spans, get_time_spans, reference_date
from .world_amounts import UNIT_AFTER

FAMILY = "sales"
CLAUSE_WORDS = 10  # how far back a clause's verb or "target" may stand
MAIN_PRODUCT_MENTIONS = 3  # a product named this often ...
MAIN_PRODUCT_SHARE = 0.5  # ... and this share of all product mentions is what the article is about
MARKET_REPORT_BRANDS = 4  # an article naming this many brands is a market report
SENTENCE_REACH = 400
SALES_CONTEXT = 400  # characters after a sale within which a bare "N units" is a sale too
COMPARED_BEFORE = scan.compile_pattern(r"(?:up from|down from|from|against|compared with|compared to|versus|vs\.?)\s+(?:about\s+|around\s+|roughly\s+)?\Z",
                                regex.IGNORECASE)
REGIONS = scan.compile_pattern(
    r"\b(?:in|across|to)\s+(?:the\s+)?(?:mainland\s+)?(?P<region>India|China|Japan|Indonesia|Europe|the US|US|"
    r"the United States|America|UK|Germany|France|Pakistan|Sri Lanka|Bangladesh|Nepal|Africa|"
    r"Middle East|South-East Asia|Southeast Asia|Latin America|domestic market)\b")
RATE_UNITS = {"day": "P1D", "week": "P1W", "month": "P1M", "year": "P1Y"}
SERIES_AFTER = scan.compile_pattern(r"[^.;]{0,40}?\b(?:under|of|from|across)\s+the\s+(?:\w+\s+)?series\b", regex.IGNORECASE)
#: Not followed by a reporting verb: "Honor says it has received ..." reports, it does not sell.
NOT_REPORTING = (r"(?!\s+(?:\w+\s+)?(?:said|says|claims|claimed|announced|added|told|reported|noted|"
                 r"confirmed|revealed)\b)")
ORG_SUFFIX = r"(?:Motors?|Mobility|Technologies|Electric|Automotive|Auto|Mobile|Electronics|Industries)"
#: A company as a clause's subject, unless it only reports ("Honor says ..."): a name with
#: an organisation suffix ("Tarang Motors"), or a capitalised word checked against the
#: makers of the article's products ("Orvio sold ...").
COMPANY_SUBJECT = scan.compile_pattern(
    rf"(?<![\w-])(?P<word>[A-Z][A-Za-z]+)(?P<suffix>\s+{ORG_SUFFIX})?(?![\w-])"
    rf"(?!['’]s){NOT_REPORTING}(?!\s+[A-Z]?\d)")
#: A company named by what it is, counting a kind of product: "the smartphone maker sold 7 million devices".
GENERIC_COMPANY = scan.compile_pattern(r"\b(?:the|this)\s+(?:[\w-]+\s+)?(?:maker|company|firm|manufacturer|carmaker|"
                                       r"automaker|vendor|brand|OEM)\b(?![’']s)", regex.IGNORECASE)
#: Figures of a segment, not a product: "compact cars such as the Swift and Dzire rose to ..."
SEGMENT = scan.compile_pattern(r"\b(?:such\s+as|including|segment|category)\b", regex.IGNORECASE)
#: Totals of a market, a retailer or a company: "shipments totalled", "across categories".
AGGREGATE = scan.compile_pattern(r"\b(?:market|industry|worldwide|global|domestic|total(?:led|ed)?|cumulative|overall|"
                          r"categories|exports?|exported|segment|retail)\b", regex.IGNORECASE)
SALES_NOUN = scan.compile_pattern(r"\b(?:sales|sold|units|bookings|pre-orders|deliveries|shipments|registrations)\b",
                           regex.IGNORECASE)
#: A sentence whose subject is named ("Sharp held third place with 710,000 units"): it is
#: not about the product of the sentence before.
NAMED_SUBJECT = scan.compile_pattern(r"\s*(?!(?:It|Its|The|This|That|These|Those|He|She|They|We|Our|But|And|So|"
                              r"Also|Meanwhile|However|In|On|At|For|With|Of)\b)[A-Z][\w&'’.-]+"
                              r"(?:\s+[A-Z][\w&'’.-]+)*\s+(?!(?:said|says|added|claims|told)\b)[a-z]")
#: The next brand of a ranking in the same sentence: "followed by Transsion at", "and vivo at".
RANKED_AFTER = scan.compile_pattern(r"(?:\bfollowed\s+by|\bahead\s+of|\bbehind|,|\band|\bwhile)\s+"
                             r"[A-Za-z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,2}\s+(?:at|with)\s+\Z")
RANKED_BARE = scan.compile_pattern(r"(?:,|\band)\s+[A-Z][\w&'’.-]*\s+\Z")
SERIES_BEFORE = scan.compile_pattern(r"\b(?:for|of|across)\s+the\s+series\b", regex.IGNORECASE)
#: Items that count a company's total, not one product's: "Orvix has sold 50 lakh smartphones".
CATEGORY_ITEMS = {"smartphones", "phones", "handsets", "cars", "vehicles", "scooters", "two-wheelers",
                  "motorcycles", "tvs", "televisions", "devices", "laptops", "tablets", "smartwatches"}
RANGE_BETWEEN = scan.compile_pattern(r"\bbetween\s+\Z", regex.IGNORECASE)
RANGE_AND_BEFORE = scan.compile_pattern(r"\bbetween\s+[\d,.]+(?:\s+(?:lakh|crore|million|billion))?\s+and\s+\Z", regex.IGNORECASE)


#: A change stated before "over N": "grew 23 per cent over 651,107 units" compares, it does not bound.
GROWTH_BEFORE_OVER = scan.compile_pattern(
    r"(?:%|\bper\s?cent|\bpercent|\bfold|\btimes|\bgrowth|\bincrease|\bincreasing|\bdecline|\bdrop|\bjump|\brise|"
    r"\bhigher|\blower|\bup|\bdown)\s*(?:\w+\s+){0,2}?(?:over|above)\s+\Z", regex.IGNORECASE)
TO_OVER = scan.compile_pattern(r"\bto\s+(?:over|above)\s+\Z", regex.IGNORECASE)  # "grew three-fold to over 44 million"
#: "seven lakh-plus units", "50,000+ bookings": at least.
PLUS_AFTER = scan.compile_pattern(r"\+|-?plus\b", regex.IGNORECASE)


#: "2.1m phones", "5bn units": a magnitude glued to the digits (numbers leave it: "5m" may be metres).
GLUED_MAGNITUDE = scan.compile_pattern(r"(?:mn|mln|m|M|bn|b|B)(?![\w-])")
GLUED_INITIALS = frozenset("mMbB")
GLUED_FACTORS = {"m": Decimal(10**6), "mn": Decimal(10**6), "mln": Decimal(10**6),
                 "b": Decimal(10**9), "bn": Decimal(10**9)}
#: "2017-18", "2020-21": the second half of a fiscal year.
YEAR_RANGE_BEFORE = scan.compile_pattern(r"(?:19|20)\d\d\s?[-–/]\s?\Z")
#: "Of these, 15 million were smartphones": a share of the figure before.
OF_THESE = scan.compile_pattern(r"\b(?:out\s+)?of\s+(?:these|them|those|this|which)\s*,?\s*\Z", regex.IGNORECASE)
#: The word after a bare figure, which must be one of BARE_FOLLOWERS: "crossed 2.2 lakh in May".
BARE_FOLLOWER = scan.compile_pattern(r"(?:\s*\([^()]{0,30}\))?\s+([a-z][\w-]*)")
BARE_FOLLOWERS = frozenset(("in", "within", "during", "on", "for", "over", "across", "and", "so", "since",
                            "last", "this", "a", "till", "until", "through", "from", "to"))
#: Right after the figure: what makes it no sale ("5.1 million smartphone customers", "were imported").
NOT_A_SALE_AFTER = scan.compile_pattern(
    r"\s*(?:more\s+|new\s+)?(?:customers|subscribers|users|connections|threshold|line|target|capacity|"
    r"(?:worth\s+\S+(?:\s+\S+){0,2}?\s+)?(?:(?:were|was|are|is|to\s+be|being|been)\s+(?:\w+ly\s+)?)?(?:planned|imported|produced|manufactured|"
    r"expected|targeted|forecast|projected))\b", regex.IGNORECASE)
#: Sales that changed to a bare figure: "sales grew almost three-fold to over 44 million".
SALES_CHANGED_TO = scan.compile_pattern(
    r"\b(?:sales|shipments|deliveries|registrations|bookings|volumes|dispatches|wholesales)\b[^.;:]{0,60}?"
    r"\b(?:grew|rose|jumped|climbed|increased|surged|soared|declined|fell|dropped|slipped|dipped)\b[^.;:,]{0,30}?"
    r"\bto\s+(?:(?:over|about|around|nearly|almost|roughly|more\s+than|just\s+over|just\s+under)\s+)?\Z",
    regex.IGNORECASE)
#: A capitalised word right before a bare figure: the figure is part of a name ("Ather 450").
NAME_BEFORE = scan.compile_pattern(r"(?<![.!?]\s)(?<!^)\b(?!(?:Over|About|Around|Nearly|Almost|Some|Only|Just)\b)"
                                   r"[A-Z][A-Za-z]+\s+\Z")
RELATIVE_CLAUSE = scan.compile_pattern(r"\s*(?:which|that)\s+(?:was|is|were|are|has\s+been|had\s+been)\b", regex.IGNORECASE)


def _category(item: str | None) -> bool:
    """Does the item name a kind of product ("smartphones", "foldable phones"), not units?"""
    return item is not None and item.split()[-1] in CATEGORY_ITEMS


def _last_words(fragment: str, count: int) -> str:
    words = fragment.split()
    return " ".join(words[-count:]) if words else ""


def _verb_word_before(text: str, start: int) -> bool:
    """Is the word before ``start`` (or the one before "just"/"only") a sales verb's last word?"""
    words = text[max(0, start - 30):start].split()
    if words and words[-1].lower() in ("just", "only"):
        words = words[:-1]
    return bool(words) and words[-1].lower() in _verb_last_words()


@cache
def _verb_last_words() -> frozenset[str]:
    return frozenset(word.split()[-1] for word in _words()["verb"])


class SalesFinder(PeriodReader, TableReader):
    """Finds sales in one text, given its numbers, amounts, time spans and products."""

    def __init__(self, text: str, numbers: list[dict], taken: list[tuple[int, int]],
                 time_spans: list[dict], products: ProductIndex, sentences: list[tuple[int, int]],
                 boilerplate: Boilerplate | None, title: list[int] | None,
                 paragraphs: list[list[int]] | None = None):
        self.text = text
        self.numbers = numbers
        self.number_starts = [n["start"] for n in numbers]
        #: the calendar period the lead's first sale is reported for ("... in September"):
        #: later figures without one of their own are of that period too
        self.lead_period: dict | None = None
        self.last_period: dict | None = None  # the period of the last sale that had one
        self._festivals: list | None = None  # "on Dhanteras" matches, found once when first asked
        self.taken_starts = sorted(taken)
        self.time_spans = time_spans
        self.time_starts = [t["span"][0] for t in time_spans]
        self.products = products
        self.sentences = sentences
        self.sentence_starts = [s for s, _ in sentences]
        self.boilerplate = boilerplate
        self.report_period = self._report_period(title)
        self.title = title
        #: [start, period] of each heading line naming a calendar period ("Domestic Sales May 2021")
        self.section_periods = self._section_periods(paragraphs or [], title)
        self.section_starts = [start for start, _ in self.section_periods]
        #: the article's first paragraph of running text (a line of LEAD_WORDS words or more)
        self.lead_paragraph = next((p for p in paragraphs or [] if len(text[p[0]:p[1]].split()) >= LEAD_WORDS
                                    and not (title and p[0] == title[0])), (0, 0))
        self.patterns = _patterns()
        #: the calendar period a lead about sales names ("... broke their delivery records in
        #: October"): the frame of figures that have no period of their own
        self.lead_frame = self._lead_frame()
        self._one_product: bool | None = None
        self._makers: frozenset[str] | None = None

    # -- helpers ------------------------------------------------------------------------------
    def sentence_of(self, offset: int) -> tuple[int, int]:
        """The sentence around ``offset``, cut to SENTENCE_REACH on each side (a "sentence"
        of a megabyte without a full stop must not make every figure read all of it)."""
        k = max(0, bisect.bisect_right(self.sentence_starts, offset) - 1)
        start, end = self.sentences[k] if self.sentences else (0, len(self.text))
        return max(start, offset - SENTENCE_REACH), min(end, offset + SENTENCE_REACH)

    def inside_other_fact(self, start: int, end: int) -> bool:
        """Is the number part of an amount of money, a spec or a time span?"""
        i = bisect.bisect_right(self.taken_starts, (start, 10**12)) - 1
        return i >= 0 and self.taken_starts[i][1] > start


    # -- finding ------------------------------------------------------------------------------
    def find(self) -> list[dict]:
        sales: list[dict] = []
        for i, number in enumerate(self.numbers):
            start, end = number["start"], number["end"]
            if self.boilerplate is not None and self.boilerplate.contains(start):
                continue
            if self.inside_other_fact(start, end) or self.text[end:end + 1] == "%":
                continue
            if number["magnitude"] is None and compiled(r"(?:19|20)\d\d").fullmatch(self.text[start:end]):
                continue  # a year
            sale = self.sale_at(number, sales)
            if sale is not None:
                if (not sales and sale["period"] is not None and calendar(sale["period"], self.text)
                        and self.lead_paragraph[0] <= start < self.lead_paragraph[1]):
                    self.lead_period = sale["period"]
                sales.append(sale)
                if sale["period"] is not None and not sale.get("rate"):
                    self.last_period = sale["period"]
        sales += self.table_sales(sales)
        sales.sort(key=lambda s: s["span"][0])
        self._same_figure_periods(sales)
        for sale in sales:
            sale.pop("rate", None)  # bookkeeping only: a rate's period is not passed on
            sale.pop("total", None)
        return sales


    def sale_at(self, number: dict, earlier: list[dict]) -> dict | None:
        text, patterns = self.text, self.patterns
        start, end = number["start"], number["end"]
        units = Decimal(number["value"])
        if number["magnitude"] is None and number["digits"] and text[end:end + 1] in GLUED_INITIALS:
            glued = GLUED_MAGNITUDE.match(text, end, end + 4)
            if glued is not None:  # "2.1m phones", "5bn units"
                units, end = units * GLUED_FACTORS[glued.group(0).lower()], glued.end()
        if units < 1 or fractional(units):
            return None  # "2.5" alone is no count
        # "6 phones", "one phone": too few, unless sold outright ("sold 40 handsets"): the word
        # before is looked up first, the cheapest test for the commonest numbers
        if units < MIN_UNITS and not _verb_word_before(text, start):
            return None
        if YEAR_RANGE_BEFORE.search(text, max(0, start - 6), start) or UNIT_AFTER.match(text, end, end + 8):
            return None  # "18" of "2017-18" is a year; "125 cc bikes" measures, it counts nothing
        sentence = self.sentence_of(start)
        before_sentence = text[sentence[0]:start]
        item = patterns["item"].match(text, end, min(sentence[1], end + 40))
        if units < MIN_UNITS and not (item is not None and patterns["verb_right_before"].search(before_sentence[-40:])):
            return None
        previous_in_paragraph = self._previous_sale(earlier, start)
        shared_item = False
        if item is None:  # "26.1 million and 25.5 million units", "between 800,000 and 925,000 units"
            item = self._shared_item(number)
            shared_item = item is not None
        subset = (previous_in_paragraph is not None and item is None
                  and OF_THESE.search(text, max(sentence[0], start - 30), start) is not None)
        rate = RATE.match(text, end, min(sentence[1], end + 40)) if item is None else None
        if rate is not None and not patterns["verb"].search(text, max(sentence[0], start - 80), start):
            rate = None
        if item is None and not subset and rate is None and not self._compared(
                number, before_sentence, sentence, previous_in_paragraph):
            # a bare figure needs a sales verb right before it ("crossed 2.2 lakh", "reached
            # 598,000") or sales that changed to it ("sales grew almost three-fold to over 44
            # million"); one right after a name is part of it ("selling Ather 450")
            if ((patterns["verb_near_end"].search(before_sentence[-60:]) is None
                 and SALES_CHANGED_TO.search(before_sentence[-120:]) is None)
                    or text[end:end + 1].isalpha() or NAME_BEFORE.search(before_sentence[-30:])):
                return None
            following = BARE_FOLLOWER.match(text, end, end + 40)
            if following and following.group(1) not in BARE_FOLLOWERS:
                return None
        item_noun = item.group("item").lower() if item is not None else None
        is_sales_noun = item_noun in ("sales", "shipments", "deliveries", "registrations", "bookings",
                                      "pre-bookings", "pre-orders", "activations", "foldable shipments")
        recent_sale = earlier and start - earlier[-1]["span"][1] < SALES_CONTEXT
        if item is not None and not (is_sales_noun or previous_in_paragraph or recent_sale
                                     or patterns["verb"].search(before_sentence[-80:])
                                     or patterns["verb"].search(text, end, min(sentence[1], end + 40))):
            return None
        if item_noun in ("mark", "milestone") and not (
                previous_in_paragraph or recent_sale or SALES_NOUN.search(text, sentence[0], sentence[1])):
            return None  # "the Sensex crossed the 75,000 mark": no sale without sales around it
        if item_noun in ("mark", "milestone"):
            item_noun = None  # a milestone counts units, it does not name them
        clause_start = _clause_start(text, start, sentence[0])
        sale_end = item.end() if item is not None and not shared_item else end
        if self._not_a_sale(clause_start, start, sale_end, sentence):
            return None
        metric = self._metric(before_sentence, text[end:min(sentence[1], end + 40)], item_noun,
                              previous_in_paragraph)
        if subset:  # "Of these, 19.5 million were smartphones": a share of the figure before
            metric, period = previous_in_paragraph["metric"], previous_in_paragraph["period"]
        else:
            period = self._period(start, sale_end, sentence, previous_in_paragraph)
        if rate is not None:  # "at about 800 a day": the rate is part of the figure
            sale_end = rate.end()
        is_rate = rate is not None or RATE.match(text, sale_end, sale_end + 40) is not None
        product = self._product(start, sale_end, sentence, item_noun)
        bound = self._bound(start, end)
        if shared_item and RANGE_BETWEEN.search(text[max(0, start - 10):start]):
            bound = "at_least"  # the low end of "between X and Y"
        elif RANGE_AND_BEFORE.search(text[max(0, start - 60):start]) and bound == "exact":
            bound = "at_most"  # the high end
        return {
            "span": [start, sale_end], "units": int(units),
            "bound": bound, "metric": metric, "item": item_noun,
            "product": product, "company": self._company(clause_start, start),
            "region": self._region(sale_end, sentence[1]), "period": period,
            **({"rate": True} if is_rate else {}),
            **({"total": True} if TOTAL_TO_DATE.match(text, sale_end, min(sentence[1], sale_end + 50)) else {}),
        }

    def _not_a_sale(self, clause_start: int, start: int, end: int, sentence: tuple[int, int]) -> bool:
        """A target, plan, hedge, import, output or user count, told by the words before the
        figure in its clause ("aims to deliver", "may have passed", "imports of") or right
        after it ("... were imported", "... customers", "the 40,000 units threshold")."""
        left = _last_words(self.text[clause_start:start], CLAUSE_WORDS)
        for match in self.patterns["not_a_sale"].finditer(left):
            if match.group(0) == "May":
                continue  # the month ("in May 21"), not the modal
            if match.group(0).lower() == "estimated" and not left[match.end():].strip():
                continue  # "an estimated 7.3 million": a bound, not a forecast
            return True
        if NOT_A_SALE_AFTER.match(self.text, end, min(sentence[1], end + 40)):
            return True
        # "its delivery target, which was set at 1.8 million": the clause before names the target
        # "revised the estimated sales figure for this year, which is around 20 million"
        return bool(RELATIVE_CLAUSE.match(self.text, clause_start, start)
                    and self.patterns["not_a_sale"].search(_last_words(self.text[sentence[0]:clause_start], CLAUSE_WORDS)))

    def _compared(self, number: dict, before_sentence: str, sentence: tuple[int, int],
                  previous_in_paragraph: dict | None) -> bool:
        """A figure set against the sale just before it in its sentence: "... against 2.1
        million a year earlier", "Xiaomi came third with 43.5 million units, followed by
        Transsion at 28.6 million", "... while Samsung shipped 480,000 phones and Sony 290,000"."""
        if previous_in_paragraph is None or previous_in_paragraph["span"][0] < sentence[0]:
            return False
        return bool(COMPARED_BEFORE.search(before_sentence[-40:])
                    or (number.get("magnitude") and RANKED_AFTER.search(before_sentence[-60:]))
                    or (RANKED_BARE.search(before_sentence[-40:]) and BRAND_PATTERN().search(before_sentence[-40:])))

    def _shared_item(self, number: dict) -> regex.Match | None:
        """"between 800,000 and 925,000 units", "26.1 million and 25.5 million units": a
        figure borrows the noun of the figure after it."""
        after = compiled(r"\s*(?:,|and|or|to|-|–)\s*[\d,.]+(?:\s+(?:lakh|crore|million|billion|mn|bn))?").match(self.text[number["end"]:number["end"] + 40])
        if after is None:
            return None
        return self.patterns["item"].match(self.text, number["end"] + after.end(), number["end"] + after.end() + 40)

    def _previous_sale(self, earlier: list[dict], offset: int) -> dict | None:
        if not earlier:
            return None
        paragraph_start = scan.line_start(self.text, offset)
        last = earlier[-1]
        return last if last["span"][0] >= paragraph_start else None

    def _metric(self, before: str, after: str, item: str | None, previous: dict | None) -> str:
        words = _words()["verb"]
        if words.get(item):
            if item not in ("sales", "sale"):
                return words[item]
        found = list(self.patterns["verb"].finditer(before[-80:]))
        telling = [m for m in found if words[m.group(0).lower()] != "sold"]
        if telling and len(before[-80:]) - telling[-1].end() < 60:
            return words[telling[-1].group(0).lower()]
        match = self.patterns["verb"].search(after)
        if match and words[match.group(0).lower()] != "sold":
            return words[match.group(0).lower()]
        if found:
            return words[found[-1].group(0).lower()]
        if match:  # "6 million units of sale": its own word, not the figure before's
            return "sold"
        return previous["metric"] if previous else "sold"

    def _bound(self, start: int, number_end: int) -> str:
        """From the words before the figure ("over", "nearly", "about") or a "+" after it."""
        before = self.text[max(0, start - 30):start]
        if self.patterns["bound_about"].search(before):
            return "approximate"
        if self.patterns["bound_at_most"].search(before):
            return "at_most"
        verb = self.patterns["bound_verb"].search(before)
        if verb and GROWTH_BEFORE_OVER.search(self.text, max(0, start - 70), start) \
                and not TO_OVER.search(self.text, max(0, start - 20), start):
            return "exact"  # "rose 12 per cent over 2,300 units": the base of a comparison
        if verb or PLUS_AFTER.match(self.text, number_end, number_end + 6):
            return "at_least"
        return "exact"


    def _product(self, start: int, end: int, sentence: tuple[int, int], item: str | None) -> str | None:
        """The product of :meth:`_product_named`, unless it is of another kind than the items
        counted ("3000 TVs" in a text on a phone and a TV): see ProductIndex.of_kind."""
        return self.products.of_kind(self._product_named(start, end, sentence, item), item)

    def _product_named(self, start: int, end: int, sentence: tuple[int, int], item: str | None) -> str | None:
        """The product named right after the figure ("sold 1 million Rivra 5 units", "units of
        its new Rivra Glide"), else in the figure's clause ("The Mate 60 Pro sold ..."), else
        the product the paragraph is about ("Honor says it has received 12,000 pre-orders"
        after a paragraph on the X7d), else — in an article about one product — that product.
        A company's total ("Orvio sold 38 lakh smartphones", "the smartphone maker sold 7
        million devices") and a segment's ("compact cars such as the Swift and Dzire rose to
        80,662 units") have none."""
        text = self.text
        clause_start = _clause_start(text, start, sentence[0])
        if SEGMENT.search(text, sentence[0], start):
            return None
        after_figure = self.products.after_figure(start, end)
        if after_figure is not None:
            return self._series(after_figure, end, sentence)
        mention = self.products.mention_in(clause_start, start, start)
        company_subject = self._company_subject(clause_start, start) or (
            _category(item) and GENERIC_COMPANY.search(text, clause_start, start) is not None)
        if mention is None and not company_subject and not _category(item):
            # "its scooter, the Vardhan Eon, crossed 54,000 units": the sentence's one product
            in_sentence = self.products.mentions_between(sentence[0], start)
            if len({text[m[0]:m[1]] for m in in_sentence}) == 1:
                mention = in_sentence[-1]
        if mention is not None:
            return self._series(self.products.mention_name(mention), end, sentence)
        series = self.products.series_counted(item)
        if series is not None:  # "sold 10 million Lumiphones": the series
            return series
        if company_subject:
            return None  # "OnePlus shipped 1.8 million smartphones": the company's total
        main = self.products.main_product()
        if main is None or AGGREGATE.search(text, sentence[0], min(sentence[1], end + 40)):
            return None  # "shipments totalled 107 million units", "the 1 lakh cumulative sales mark"
        if not _category(item):
            if SERIES_BEFORE.search(text, clause_start, start):
                return main["name"] if main["name"].endswith("series") else main["name"] + " series"
            previous = None if NAMED_SUBJECT.match(text, sentence[0], start) else self._previous_sentence_product(sentence)
            if previous is not None:
                return self._series(previous, end, sentence)
            if self._launch_article(main):
                return self._series(main["name"], end, sentence)
        if self._about_one_product(main):
            brands = {m.group(0) for m in MAKER_PATTERN().finditer(self.text, sentence[0], sentence[1])}
            if not brands or all(b.split()[0] in main["name"] or b.split()[0] == main["brand"] for b in brands):
                return self._series(main["name"], end, sentence)
        return None

    def _previous_sentence_product(self, sentence: tuple[int, int]) -> str | None:
        """The product the sentence before (in the same paragraph) is about: "The X7d uses a
        6.77-inch display ... Honor says it has received 12,000 pre-orders"."""
        k = bisect.bisect_right(self.sentence_starts, sentence[0] - 1) - 1
        if k < 0 or scan.newlines_between(self.text, self.sentences[k][0], sentence[0]):
            return None
        mention = self.products.mention_in(self.sentences[k][0], sentence[0], self.sentences[k][0])
        return self.products.mention_name(mention) if mention is not None else None

    def _launch_article(self, main: dict) -> bool:
        """An article whose headline names its product, and names it again below."""
        return (self.title is not None and len(main["mentions"]) >= 2
                and any(self.title[0] <= s < self.title[1] for s, _ in main["mentions"]))

    def _company_subject(self, clause_start: int, start: int) -> bool:
        """Is a company the clause's subject — a known maker, a maker of this article's
        products ("Orvio sold"), "Tarang Motors" — and not just reporting?"""
        if MAKER_PATTERN().search(self.text, clause_start, start) is not None:
            return True
        if self._makers is None:
            self._makers = makers_of(self.products.products)
        for match in COMPANY_SUBJECT.finditer(self.text, clause_start, start):
            if ((match.group("suffix") or match.group("word") in self._makers)
                    and self.products.mention_around(match.start(), match.end()) is None):
                return True
        return False

    def _series(self, name: str, end: int, sentence: tuple[int, int]) -> str:
        """"sold a million units under the series": the product's series."""
        if SERIES_AFTER.match(self.text, end, min(sentence[1], end + 60)) and not name.endswith("series"):
            return name + " series"
        return name

    def _about_one_product(self, main: dict) -> bool:
        """An article about one product, not a market report naming many brands."""
        if self._one_product is None:
            total = sum(len(p["mentions"]) for p in self.products.products)
            brands = {m.group(0).split()[0] for m in MAKER_PATTERN().finditer(self.text)}
            self._one_product = (len(main["mentions"]) >= MAIN_PRODUCT_MENTIONS
                                 and len(main["mentions"]) >= MAIN_PRODUCT_SHARE * total
                                 and len(brands) < MARKET_REPORT_BRANDS)
        return self._one_product

    def _company(self, clause_start: int, start: int) -> str | None:
        match = None
        for match in BRAND_PATTERN().finditer(self.text, clause_start, start):
            pass
        return match.group(0) if match else None

    def _region(self, end: int, sentence_end: int) -> str | None:
        match = REGIONS.search(self.text, end, min(sentence_end, end + 60))
        return match.group("region") if match else None


@cache
def MAKER_PATTERN() -> scan.WordStart:  # noqa: N802 - a cached constant
    """Brands that make products (not retailers or trackers), as the subject of a clause —
    not when a reporting verb follows ("Toyota said the Ryze ...")."""
    return scan.WordStart(rf"(?:{alternation(lexicons.brand_names(makers_only=True))})"
                         r"(?:\s+(?:India|Motor|Motors|Auto|Mobile|Electric|Company))*"
                         rf"(?![\w-])(?!['’]s){NOT_REPORTING}")


@cache
def BRAND_PATTERN() -> scan.WordStart:  # noqa: N802 - a cached constant
    return scan.WordStart(rf"(?:{alternation(lexicons.brand_names())})(?:\s+(?:India|Motor|Motors|Auto|Mobile|"
                         r"Mobility|Electric|Company|Motor Company|Kirloskar Motor|Corp|Inc|Ltd))*(?![\w-])")


def find_sales(text: str, published: date | None = None) -> list[dict]:
    """Sales in ``text`` with no Doc at hand (the component uses the Doc's layers)."""
    from .layout import analyse

    layout = analyse(text)
    boilerplate = Boilerplate(layout["boilerplate"])
    numbers = find_numbers(text)
    amounts = find_amounts(text, numbers, boilerplate)
    spans = find_time_spans(text, reference_date(text, published), boilerplate)
    products = ProductIndex(text, find_products(text, boilerplate, layout))
    taken = [(a["start"], a["end"]) for a in amounts] + [tuple(t["span"]) for t in spans if not t.get("duration")]
    sentences = _sentences(text)
    return SalesFinder(text, numbers, taken, spans, products, sentences, boilerplate, layout["title"],
                       layout["paragraphs"]).find()


def _sentences(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in compiled(r"(?<=[.!?])\s+|\n+").finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return spans


def _extract(doc: Doc) -> list[dict]:
    text = docdata.text_of(doc)
    layout = get_layout(doc)
    prices = docdata.get(doc, "prices") or []
    money = docdata.get(doc, "money") or []
    specs = docdata.get(doc, "specs") or []
    spans = get_time_spans(doc)
    taken = [tuple(f["span"]) for f in (*prices, *money, *specs)]
    # a duration is no count of units ("10 minutes"); calendar periods may hold figures in tables
    taken += [tuple(t["span"]) for t in spans if t.get("duration") and not t.get("start")]
    finder = SalesFinder(text, get_numbers(doc), taken, spans, ProductIndex(text, get_products(doc)),
                         docdata.sentence_spans(doc), Boilerplate(layout["boilerplate"]), layout["title"],
                         layout["paragraphs"])
    return finder.find()


class Sales(FactComponent):
    """Stores sales on the Doc (``newsfacts.sales``, ``doc.spans["newsfacts_sales"]``)."""

    family, label = FAMILY, "SALE"

    def extract(self, doc: Doc) -> list[dict]:
        return _extract(doc)


@Language.factory("newsfacts_sales")
def make_sales(nlp: Language, name: str) -> Sales:
    """Factory of :class:`Sales`."""
    return Sales()
