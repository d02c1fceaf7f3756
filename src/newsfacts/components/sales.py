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
from .numbers import find_numbers, get_numbers
from .products import ProductIndex, find_products, get_products, makers_of
from .timespans import find_time_spans, get_time_spans, reference_date

FAMILY = "sales"
CLAUSE_WORDS = 10  # how far back a clause's verb or "target" may stand
MAIN_PRODUCT_MENTIONS = 3  # a product named this often ...
MAIN_PRODUCT_SHARE = 0.5  # ... and this share of all product mentions is what the article is about
MARKET_REPORT_BRANDS = 4  # an article naming this many brands is a market report
SENTENCE_OPENING = 25  # a period this close to the sentence start governs the whole sentence
SENTENCE_REACH = 400
MIN_UNITS = 100  # "6 phones", "one phone": too few to be a sales figure
SALES_CONTEXT = 400  # characters after a sale within which a bare "N units" is a sale too
COMPARED_BEFORE = scan.compile_pattern(r"(?:up from|down from|from|against|compared with|compared to|versus|vs\.?)\s+(?:about\s+|around\s+|roughly\s+)?\Z",
                                regex.IGNORECASE)
#: Selling periods that are not time spans of their own ("during the quarter").
ANAPHORIC_PERIODS = scan.compile_pattern(
    r"\b(?:during|in|over|for|through|across)\s+the\s+(?P<unit>quarter|month|year|week|day|fortnight)\b",
    regex.IGNORECASE)
#: "1,000 cars a day": a rate, right after the figure.
RATE = scan.compile_pattern(r"\s+(?:a|per|every|each)\s+(?P<unit>day|week|month|year)\b", regex.IGNORECASE)
ANAPHORIC_DURATIONS = {"quarter": "P3M", "month": "P1M", "year": "P1Y", "week": "P1W", "day": "P1D",
                       "fortnight": "P2W"}
PERIOD_LINK = scan.compile_pattern(r"\A[\s,]*(?:\w+\s+){0,6}?(?:in|within|during|over|for|on|across|through|since|after|by)\s+\Z"
                            r"|\A\s*\Z", regex.IGNORECASE)
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
#: A table column of units: "Shipments", "Units sold", "Sales (lakh)".
METRIC_HEADER = scan.compile_pattern(r"(?P<noun>units(?:\s+sold)?|sales|shipments|deliveries|registrations|bookings|volumes?)"
                              r"(?:\s*\([^)]{0,20}\))?", regex.IGNORECASE)
METRIC_OF_NOUN = {"shipments": "shipped", "deliveries": "delivered", "registrations": "registered",
                  "bookings": "booked"}
SCALE_WORD = scan.compile_pattern(r"\b(?:million|mn|lakh|crore|thousand|'000)\b", regex.IGNORECASE)
MAGNITUDE_FACTORS = {"million": Decimal(10**6), "mn": Decimal(10**6), "lakh": Decimal(10**5),
                     "crore": Decimal(10**7), "thousand": Decimal(1000), "'000": Decimal(1000)}
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
TABLE_SPLIT = scan.compile_pattern(r"\s*\|\s*")
LIST_LINE = scan.compile_pattern(r"^\s*(?:\d+\.\s*)?(?P<label>[A-Za-z][\w&'’. -]{0,40}?)\s*[–—-]\s*(?=\d)")


@cache
def _words() -> dict[str, dict[str, str]]:
    """role -> {word: metric or ""} from data/sales_words.jsonl."""
    roles: dict[str, dict[str, str]] = {}
    for row in lexicons.load("sales_words"):
        roles.setdefault(row["role"], {})[row["word"].casefold()] = row.get("metric", "")
    return roles


@cache
def _patterns() -> dict[str, regex.Pattern]:
    words = _words()

    def alt(items) -> str:
        return "|".join(regex.escape(w) for w in sorted(items, key=len, reverse=True))

    return {
        "verb": scan.compile_pattern(rf"(?<![\w-])(?:{alt(words['verb'])})(?![\w-])", regex.IGNORECASE),
        # a verb at most two words before the end: "crossed 2.2 lakh", "sold over"
        "verb_near_end": scan.compile_pattern(rf"(?:(?<![\w-])(?:{alt(words['verb'])})(?![\w-]))\s+(?:\S+\s+){{0,2}}\Z",
                                       regex.IGNORECASE),
        "item": scan.compile_pattern(rf"\+?\s*(?:(?:[a-z][\w-]*|domestic|electric)\s+){{0,2}}?(?P<item>{alt(words['item'])})(?![\w-])",
                              regex.IGNORECASE),
        "not_a_sale": scan.compile_pattern(rf"(?<![\w-])(?:{alt(words['not_a_sale'])})(?![\w-])", regex.IGNORECASE),
        "bound_verb": scan.compile_pattern(r"(?<![\w-])(?:(?:crossed|crosses|cross|crossing|passed|surpassed|topped|exceeded)\s+(?:the\s+)?|"
                                    r"(?:over|more than|above|at least|upwards of|in excess of|north of)\s+)\Z",
                                    regex.IGNORECASE),
        "bound_at_most": scan.compile_pattern(r"(?<![\w-])(?:nearly|close to|almost|just under|fewer than|less than|"
                                       r"under|up to|shy of)\s+\Z", regex.IGNORECASE),
        "bound_about": scan.compile_pattern(r"(?<![\w-])(?:about|around|some|approximately|roughly|an estimated|"
                                     r"estimated|nearly about|over about)\s+\Z", regex.IGNORECASE),
    }


CLAUSE_BREAK = scan.compile_pattern(r"[;:—]|,(?!\d)")


def _clause_start(text: str, offset: int, sentence_start: int) -> int:
    """Where the clause holding ``offset`` begins: after ; : — or a comma that is no digit
    grouping ("800,000"), or at the sentence start."""
    breaks = list(CLAUSE_BREAK.finditer(text, sentence_start, offset))
    return breaks[-1].end() if breaks else sentence_start


def _units_cell(text: str, number: dict, columns: list, column: int) -> bool:
    """A table cell that counts units: not a percentage ("6.7%"), not a fraction, and in a
    column of a month or year when the table has such columns ("Change" is none)."""
    if text[number["end"]:number["end"] + 1] == "%" or Decimal(number["value"]) % 1:
        return False
    return columns[column] is not None or not any(columns)


def _list_company(label: str) -> str | None:
    """The company of a ranked list line; "Others" and "Total" are none."""
    label = label.strip()
    return None if label.casefold() in ("others", "other", "rest", "total", "others total") else label


def _category(item: str | None) -> bool:
    """Does the item name a kind of product ("smartphones", "foldable phones"), not units?"""
    return item is not None and item.split()[-1] in CATEGORY_ITEMS


def _last_words(fragment: str, count: int) -> str:
    words = fragment.split()
    return " ".join(words[-count:]) if words else ""


class SalesFinder:
    """Finds sales in one text, given its numbers, amounts, time spans and products."""

    def __init__(self, text: str, numbers: list[dict], taken: list[tuple[int, int]],
                 time_spans: list[dict], products: ProductIndex, sentences: list[tuple[int, int]],
                 boilerplate: Boilerplate | None, title: list[int] | None):
        self.text = text
        self.numbers = numbers
        self.taken_starts = sorted(taken)
        self.time_spans = time_spans
        self.time_starts = [t["span"][0] for t in time_spans]
        self.products = products
        self.sentences = sentences
        self.sentence_starts = [s for s, _ in sentences]
        self.boilerplate = boilerplate
        self.report_period = self._report_period(title)
        self.title = title
        self.patterns = _patterns()
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

    def _report_period(self, title: list[int] | None) -> dict | None:
        """A periodic report's period: a calendar period named in the headline."""
        if not title:
            return None
        for span in self.time_spans:
            if title[0] <= span["span"][0] < title[1] and span.get("start") and span.get("duration"):
                return span
        return None

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
                sales.append(sale)
        sales += self.table_sales(sales)
        sales.sort(key=lambda s: s["span"][0])
        for sale in sales:
            sale.pop("rate", None)  # bookkeeping only: a rate's period is not passed on
        return sales

    def sale_at(self, number: dict, earlier: list[dict]) -> dict | None:
        if Decimal(number["value"]) < MIN_UNITS:
            return None
        text, patterns = self.text, self.patterns
        start, end = number["start"], number["end"]
        sentence = self.sentence_of(start)
        before_sentence = text[sentence[0]:start]
        item = patterns["item"].match(text, end, min(sentence[1], end + 40))
        previous_in_paragraph = self._previous_sale(earlier, start)
        shared_item = False
        if item is None:  # "26.1 million and 25.5 million units", "between 800,000 and 925,000 units"
            item = self._shared_item(number)
            shared_item = item is not None
        if item is None and not self._compared(number, before_sentence, sentence, previous_in_paragraph):
            # a bare figure needs a sales verb right before it: "crossed 2.2 lakh", "reached 598,000"
            if patterns["verb_near_end"].search(before_sentence[-60:]) is None or text[end:end + 1].isalpha():
                return None
            following = compiled(r"\s+([a-z][\w-]*)").match(text[end:end + 20])
            if following and following.group(1) not in ("in", "within", "during", "on", "for", "over",
                                                         "across", "and", "so", "since", "last", "this",
                                                         "a", "till", "until", "through", "from", "to"):
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
        left = _last_words(text[clause_start:start], CLAUSE_WORDS)
        if patterns["not_a_sale"].search(left) and not compiled(r"\b(?:an\s+)?estimated\s*\Z", regex.I).search(left):
            return None
        metric = self._metric(before_sentence, text[end:min(sentence[1], end + 40)], item_noun,
                              previous_in_paragraph)
        sale_end = item.end() if item is not None and not shared_item else end
        period = self._period(start, sale_end, sentence, previous_in_paragraph)
        is_rate = RATE.match(text, sale_end, sale_end + 20) is not None
        product = self._product(start, sale_end, sentence, item_noun)
        bound = self._bound(start, end)
        if shared_item and RANGE_BETWEEN.search(text[max(0, start - 10):start]):
            bound = "at_least"  # the low end of "between X and Y"
        elif RANGE_AND_BEFORE.search(text[max(0, start - 60):start]) and bound == "exact":
            bound = "at_most"  # the high end
        return {
            "span": [start, sale_end], "units": int(Decimal(number["value"])),
            "bound": bound, "metric": metric, "item": item_noun,
            "product": product, "company": self._company(clause_start, start),
            "region": self._region(sale_end, sentence[1]), "period": period,
            **({"rate": True} if is_rate else {}),
        }

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
        return previous["metric"] if previous else "sold"

    def _bound(self, start: int, number_end: int) -> str:
        """From the words before the figure ("over", "nearly", "about") or a "+" after it."""
        before = self.text[max(0, start - 30):start]
        if self.patterns["bound_about"].search(before):
            return "approximate"
        if self.patterns["bound_at_most"].search(before):
            return "at_most"
        if self.patterns["bound_verb"].search(before) or self.text[number_end:number_end + 1] == "+":
            return "at_least"
        return "exact"

    def _period(self, start: int, end: int, sentence: tuple[int, int], previous: dict | None) -> dict | None:
        text = self.text
        # a time span after the figure, linked by "in", "within", "during"...
        i = bisect.bisect_left(self.time_starts, end)
        while i < len(self.time_spans) and self.time_starts[i] < sentence[1]:
            span = self.time_spans[i]
            gap = text[end:span["span"][0]]
            if len(gap) <= 60 and PERIOD_LINK.match(gap) and ";" not in gap:
                return span
            i += 1
        anaphoric = RATE.match(text, end, min(sentence[1], end + 20)) or \
            ANAPHORIC_PERIODS.search(text, end, min(sentence[1], end + 40))
        if anaphoric is not None:
            start_of = anaphoric.start() + len(anaphoric.group(0)) - len(anaphoric.group(0).lstrip())
            return {"span": [start_of, anaphoric.end()], "start": None, "end": None, "anchor": None,
                    "duration": ANAPHORIC_DURATIONS[anaphoric.group("unit").lower()]}
        # ... else one before it in its clause, or opening the sentence ("In Q2 alone, ...")
        clause_start = _clause_start(text, start, sentence[0])
        j = bisect.bisect_left(self.time_starts, start) - 1
        while j >= 0 and self.time_spans[j]["span"][0] >= sentence[0]:
            span = self.time_spans[j]
            opens_sentence = span["span"][0] - sentence[0] <= SENTENCE_OPENING
            if span["span"][1] <= start and span.get("duration") and (span["span"][0] >= clause_start or opens_sentence):
                return span
            j -= 1
        # ... else the period of the report (a month in the headline), or of the sale before
        if self.report_period is not None:
            return self.report_period
        if previous is not None and previous.get("period") is not None and not previous.get("rate"):
            return previous["period"]
        return None

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

    # -- tables and lists ----------------------------------------------------------------------
    def table_sales(self, found: list[dict]) -> list[dict]:
        """Rows of a table or list of units under a heading about sales or shipments."""
        taken = {s["span"][0] for s in found}
        sales = []
        numbers_by_start = {n["start"]: n for n in self.numbers}
        lines = self._lines()
        table_end = -1  # rows of a table already read are no header of another
        for index, (line_start, line_end) in enumerate(lines):
            if index <= table_end:
                continue
            line = self.text[line_start:line_end]
            header_period = None
            if "|" in line and not any(c.isdigit() for c in TABLE_SPLIT.split(line)[0]):
                headers = TABLE_SPLIT.split(line.strip())
                columns = self._column_periods(line_start, line_end, headers)
                if columns is None:
                    rows, read = self._metric_column_sales(lines, index, headers, numbers_by_start, taken)
                    if rows:
                        sales += rows
                        table_end = index + read
                    continue
                for row_index in range(index + 1, len(lines)):
                    cells = self._row_cells(*lines[row_index])
                    if len(cells) != len(headers):
                        break
                    table_end = row_index
                    label = cells[0][1]
                    for column, (cell_start, cell) in enumerate(cells):
                        number = numbers_by_start.get(cell_start)
                        if column == 0 or number is None or cell_start in taken:
                            continue
                        if not _units_cell(self.text, number, columns, column):
                            continue
                        if self.boilerplate is not None and self.boilerplate.contains(cell_start):
                            continue
                        sales.append({"span": [number["start"], number["end"]],
                                      "units": int(Decimal(number["value"])), "bound": "exact",
                                      "metric": "sold", "item": None, "product": label,
                                      "company": None, "region": None, "period": columns[column]})
            else:
                entry = LIST_LINE.match(line)
                if entry is None:
                    continue
                number = numbers_by_start.get(line_start + entry.end())
                heading = self._list_heading(lines, index)
                if number is None or heading is None or number["start"] in taken:
                    continue
                if self.boilerplate is not None and self.boilerplate.contains(number["start"]):
                    continue
                metric, header_period = heading
                sales.append({"span": [number["start"], number["end"]],
                              "units": int(Decimal(number["value"])), "bound": "exact", "metric": metric,
                              "item": None, "product": None, "company": _list_company(entry.group("label")),
                              "region": None, "period": header_period})
        return sales

    def _span_within(self, start: int, end: int, with_duration: bool = False) -> dict | None:
        """The first time span starting in [start, end)."""
        i = bisect.bisect_left(self.time_starts, start)
        while i < len(self.time_spans) and self.time_starts[i] < end:
            if not with_duration or self.time_spans[i].get("duration"):
                return self.time_spans[i]
            i += 1
        return None

    def _lines(self) -> list[tuple[int, int]]:
        lines, position = [], 0
        for line in self.text.splitlines(keepends=True):
            lines.append((position, position + len(line.rstrip("\r\n"))))
            position += len(line)
        return lines

    def _column_periods(self, line_start: int, line_end: int, headers: list[str]) -> list[dict] | None:
        """A header whose columns are periods ("Model | October 2025 | October 2024")."""
        periods: list[dict | None] = []
        position = line_start
        for header in headers:
            cell_start = self.text.find(header, position, line_end)
            position = cell_start + len(header)
            periods.append(self._span_within(cell_start, cell_start + len(header)))
        return periods if any(p is not None for p in periods[1:]) else None

    def _row_cells(self, row_start: int, row_end: int) -> list[tuple[int, str]]:
        """(start, text) of each cell of a table row."""
        cells, position = [], row_start
        for cell in TABLE_SPLIT.split(self.text[row_start:row_end].strip()):
            position = self.text.find(cell, position, row_end)
            cells.append((position, cell))
            position += len(cell)
        return cells

    def _metric_column_sales(self, lines: list[tuple[int, int]], index: int, headers: list[str],
                             numbers_by_start: dict[int, dict], taken: set[int]) -> tuple[list[dict], int]:
        """"Brand | Shipments | Share" under "Japan smartphone shipments, Q3 2025 (million
        units)": the Shipments column, scaled and dated by the line above the table. Returns
        the sales and the number of rows read."""
        column = next((k for k, h in enumerate(headers) if k and METRIC_HEADER.fullmatch(h.strip())), None)
        if column is None:
            return [], 0
        heading_start, heading_end = lines[index - 1] if index else (0, 0)
        heading = self.text[heading_start:heading_end]
        scale_match = SCALE_WORD.search(headers[column]) or SCALE_WORD.search(heading)
        scale = MAGNITUDE_FACTORS[scale_match.group(0).lower()] if scale_match else Decimal(1)
        noun = METRIC_HEADER.fullmatch(headers[column].strip()).group("noun").lower()
        metric = METRIC_OF_NOUN.get(noun, "sold")
        period = self._span_within(heading_start, heading_end, with_duration=True) or self.report_period
        sales, read = [], 0
        for row_start, row_end in lines[index + 1:]:
            cells = self._row_cells(row_start, row_end)
            if len(cells) != len(headers):
                break
            read += 1
            cell_start, cell = cells[column]
            number = numbers_by_start.get(cell_start)
            if (number is None or number["end"] != cell_start + len(cell) or cell_start in taken
                    or (self.boilerplate is not None and self.boilerplate.contains(cell_start))):
                continue
            label_start, label = cells[0]
            mention = self.products.mention_around(label_start, label_start + 1)
            sales.append({"span": [number["start"], number["end"]],
                          "units": int(Decimal(number["value"]) * scale), "bound": "exact", "metric": metric,
                          "item": None, "product": mention, "company": None if mention else _list_company(label),
                          "region": None, "period": period})
        return sales, read

    def _list_heading(self, lines: list[tuple[int, int]], index: int) -> tuple[str, dict | None] | None:
        """The line above a list that names shipments or sales, with its period."""
        for line_start, line_end in reversed(lines[max(0, index - 8):index]):
            line = self.text[line_start:line_end]
            if not line.strip() or LIST_LINE.match(line):
                continue
            match = self.patterns["verb"].search(line)
            if match is None:
                return None
            metric = _words()["verb"][match.group(0).lower()]
            return metric, self._span_within(line_start, line_end, with_duration=True)
        return None


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
    return SalesFinder(text, numbers, taken, spans, products, sentences, boilerplate, layout["title"]).find()


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
                         docdata.sentence_spans(doc), Boilerplate(layout["boilerplate"]), layout["title"])
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
