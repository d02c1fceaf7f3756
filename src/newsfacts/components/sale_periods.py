"""The selling period of a sale: a time span linked to its figure, or the period that frames it.

In order: a rate ("1,000 a day"); the time a figure took ("took 30 minutes to sell 1 lakh");
a span after the figure, linked by "in", "within", "over"... with their modifiers ("in less
than five minutes", "over a two-week period", "in its first month") or by the figure's own
verb ("units sold last year"); "during the quarter", "in the same period"; a span before it in
its clause or in its sentence's opening phrase ("In the March quarter, ..."). Else the period
that frames the figure: a heading above it ("Domestic Sales May 2021"), the headline, the
sale before it in its paragraph, or the period the lead's first sale was reported for. A
figure compared with another ("2.1 lakh against 1.8 lakh in June") does not take the other's
span; a total to date ("has sold 5m since 2019") takes none; a figure told again takes the
period it was told with ("the fastest to sell a million" ... "a million in 45 days").

:class:`PeriodReader` is a part of ``sales.SalesFinder``.
"""

from __future__ import annotations

import bisect
from decimal import Decimal
from functools import cache

import regex

from .. import scan
from ..lexicons import alternation
from ..scan import compiled
from .numbers import fractional
from .sale_words import CLAUSE_BREAK, MIN_UNITS, _clause_start, _words

#: Selling periods that are not time spans of their own ("during the quarter").
ANAPHORIC_PERIODS = scan.compile_pattern(
    r"\b(?:during|in|over|for|through|across)\s+the\s+(?P<unit>quarter|month|year|week|day|fortnight)\b",
    regex.IGNORECASE)
#: "in the period", "for the same period": the period of the last figure that had one.
SAME_PERIOD = scan.compile_pattern(r"\b(?:in|during|for|over|through)\s+the\s+(?:same\s+)?(?:period|time\s?frame)\b",
                                   regex.IGNORECASE)
#: "1,000 cars a day": a rate, right after the figure.
RATE = scan.compile_pattern(r"\s+(?:on\s+(?:an\s+)?average\s+)?(?:a|per|every|each)\s+(?P<unit>day|week|month|year)\b"
                            r"(?!\s+(?:earlier|ago|before|later|back|old)\b)", regex.IGNORECASE)
#: "50,000 units of the J6 and the J8 each day": a rate after what was sold.
RATE_AFTER_PRODUCT = scan.compile_pattern(r"\s+of\s+[^.,;:]{1,40}?\s(?:a|per|every|each)\s+(?P<unit>day|week|month|year)\b",
                                          regex.IGNORECASE)
ANAPHORIC_DURATIONS = {"quarter": "P3M", "month": "P1M", "year": "P1Y", "week": "P1W", "day": "P1D",
                       "fortnight": "P2W"}
#: "a year earlier", "two years ago": a point back in time, not a selling period.
POINT_BACK = scan.compile_pattern(r"\b(?:ago|earlier|before|back)\s*\Z", regex.IGNORECASE)
#: "last month", "this year": a span that links itself after a short phrase ("to dealers last month").
RELATIVE_START = scan.compile_pattern(r"\s*(?:last|this|previous|the\s+previous|the\s+last|the\s+past)\s", regex.IGNORECASE)
SHORT_GAP = scan.compile_pattern(r"(?:\s+(?!(?:in|within|during|over|for|on|since)\b)[\w'’-]+){0,4}\s+", regex.IGNORECASE)
LINK_WORD = scan.compile_pattern(r"(?:in|within|during|over|for|on|across|through|after|by)\s+", regex.IGNORECASE)
#: Words between a figure and its period: "in", "within", with their modifiers ("in less than",
#: "over a", "in its first").
PERIOD_LINK = scan.compile_pattern(
    r"[\s,]*(?:[^\s;]+\s+){0,8}?(?:in|within|during|over|for|on|across|through|after|by)\s+"
    r"(?:(?:(?:less|more|fewer)\s+than|under|just|only|barely|about|around|nearly|almost|roughly|"
    r"a\s+little\s+(?:over|under|more\s+than)|a|an|the|its|their|his|her|first)\s+)*\Z"
    r"|\s*\Z", regex.IGNORECASE)
#: After a figure: a total to date, which has no selling period ("since 2019", "till date").
TOTAL_TO_DATE = scan.compile_pattern(
    r"[^.;,]{0,40}?\b(?:since|till\s+date|to\s+date|till\s+now|until\s+now|in\s+total|cumulatively|all[-\s]time|"
    r"in\s+(?:its|their)\s+lifetime)\b", regex.IGNORECASE)
#: A span followed by a reporting verb tells when something was said: "in September said".
SAID_AFTER = scan.compile_pattern(r"\s*,?\s*(?:\w+\s+){0,2}?(?:said|says|announced|reported|revealed|told|stated|claimed)\b")
SAID_BEFORE = scan.compile_pattern(r"\b(?:report|reports|reported|said|says|announced|announce|told|revealed|stated)\s+"
                                   r"(?:\w+\s+)?\Z", regex.IGNORECASE)
#: "took around 30 minutes to sell 1 lakh units": the span is the time the figure took.
TOOK_BEFORE = scan.compile_pattern(r"\b(?:took|takes|take|taken|taking)\s+(?:\w+\s+)?\Z", regex.IGNORECASE)
TO_VERB = scan.compile_pattern(r"\s+to\s+(?:\w+\s+){1,2}", regex.IGNORECASE)
#: "more than a year ago", "up from June": a span that is a comparison's base.
COMPARED_SPAN = scan.compile_pattern(r"\b(?:than|from|against|versus|vs\.?|compared\s+(?:to|with))\s+\Z", regex.IGNORECASE)
#: A clause that continues the one before it: "..., with 2.3 million units shipped", "..., shipping 11.2 million".
CONTINUING_CLAUSE = scan.compile_pattern(r"\s*(?:with|[a-z]+ing)\b")
#: "the highest in the last seven years": a span that frames a record, not a selling period.
SUPERLATIVE_BEFORE = scan.compile_pattern(
    r"\b(?:highest|lowest|best|worst|biggest|largest|strongest|weakest|most|fewest)\s+(?:\w+\s+){0,2}?"
    r"(?:in|of|for|since)\s+\Z", regex.IGNORECASE)
STRONG_BREAK = scan.compile_pattern(r"[;:—]")
PERCENT_AFTER = scan.compile_pattern(r"\s*(?:%|per\s?cent\b|percent\b)", regex.IGNORECASE)
#: Words that set one figure against another: "against", "up from", "compared to", "versus".
COMPARISON = scan.compile_pattern(r"\b(?:against|from|versus|vs|compared|over|than|while|whereas)\b", regex.IGNORECASE)
#: Between two spans written as one ("the June quarter this year", "Q3 of 2023").
SPAN_JOIN = scan.compile_pattern(r"\s*(?:of|,)?\s*")
#: "units sold last year", "were delivered in": the figure's verb before its period.
VERB_GAP = scan.compile_pattern(r"\s*(?:(?:were|was|are|is|been|being|have\s+been|has\s+been)\s+)?(?P<verb>[a-z][\w-]*)\s+",
                                regex.IGNORECASE)
_DURATION_PART = scan.compile_pattern(r"(\d+(?:\.\d+)?)([YMWDHS])")
def _length(duration: str | None) -> float:
    """An ISO duration's rough length in days, to compare spans ("P3M" < "P1Y"); inf if none."""
    if not duration:
        return float("inf")
    days = {"Y": 365.0, "M": 30.0, "W": 7.0, "D": 1.0}
    date_part, _, time_part = duration[1:].partition("T")
    total = sum(float(n) * days[u] for n, u in _DURATION_PART.findall(date_part))
    seconds = {"H": 3600.0, "M": 60.0, "S": 1.0}
    total += sum(float(n) * seconds[u] / 86400 for n, u in _DURATION_PART.findall(time_part))
    return total
HEADING_WORDS = 12  # a heading line has at most this many words
LEAD_WORDS = 15  # the lead is the first paragraph at least this long


@cache
def _festival_day():
    """"on Dhanteras", "on Singles' Day": festivals of one day (``data/sales_words.jsonl``).
    "on" is looked for first, its word boundary tested after it ("\\bon" made ``re`` try
    every position of the text)."""
    days = alternation(_words()["one_day_festival"])
    return scan.compile_pattern(rf"[Oo]n(?<!\w[Oo]n)\s+(?:the\s+(?:day|occasion)\s+of\s+)?(?P<day>(?i:{days}))(?![\w'’])")


#: Before a festival that opens the sentence ("On Dhanteras, ...").
OPENING_ON = scan.compile_pattern(r"\s*(?:And|But|Only|Even|Just)?\s*")


#: A calendar period's words ("October", "the June quarter", "FY24", "last month", "2023") —
#: not a length of time ("six months", "18 days").
CALENDAR_WORDS = scan.compile_pattern(
    r"\b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|"
    r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|quarter|Q[1-4]|[1-4]Q|H[12]|FY|fiscal|financial\s+year|month|year|"
    r"(?:19|20)\d\d)\b", regex.IGNORECASE)
QUANTITY_START = scan.compile_pattern(
    r"\s*(?:(?:about|around|nearly|almost|over|some|just|only|roughly|more\s+than|less\s+than|under|"
    r"the\s+(?:last|past|next|first|previous))\s+)?(?:\d|(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|several|few|a\s+few)\s)|.*\bago\b", regex.IGNORECASE)
#: "went on sale", "goes on sale": an event, not selling.
ON_SALE = scan.compile_pattern(r"\b(?:went|go|goes|going|gone|put|is|be|are|was|were|available)\s+(?:on|for)\s+sale\b",
                               regex.IGNORECASE)


def calendar(span: dict, text: str) -> bool:
    """Is the time span a calendar period (dated, or named by month, quarter, year), not a
    length of time?"""
    if span.get("start"):
        return True
    written = text[span["span"][0]:span["span"][1]]
    return bool(span.get("duration")) and CALENDAR_WORDS.search(written) is not None \
        and QUANTITY_START.match(written) is None


class PeriodReader:
    """The period methods of ``SalesFinder`` (which holds the text, its time spans, numbers
    and sentences)."""

    def _report_period(self, title: list[int] | None) -> dict | None:
        """A periodic report's period: a calendar period named in the headline."""
        if not title:
            return None
        for span in self.time_spans:
            if title[0] <= span["span"][0] < title[1] and span.get("start") and span.get("duration"):
                return span
        return None

    def _section_periods(self, paragraphs: list[list[int]], title: list[int] | None) -> list[list]:
        """Heading lines (short, no closing stop) below the title that name a calendar period:
        the period frames the figures under them."""
        found = []
        for start, end in paragraphs:
            if title and start == title[0]:
                continue
            line = self.text[start:end]
            if line.endswith((".", "?", "!", ":", ",", "”", '"')) or len(line.split(None, HEADING_WORDS)) > HEADING_WORDS:
                continue
            span = self._span_within(start, end, with_duration=True)
            if span is not None and span.get("start"):
                found.append([start, span])
        return found

    def _section_period(self, offset: int) -> dict | None:
        k = bisect.bisect_right(self.section_starts, offset) - 1
        return self.section_periods[k][1] if k >= 0 else None

    @staticmethod
    def _same_figure_periods(sales: list[dict]) -> None:
        """A figure told again without its period ("the fastest to sell a million units" and
        "it has sold a million units in 45 days") is the same sale: it takes that period."""
        periods: dict[int, dict | None] = {}
        for sale in sales:
            if sale["period"] is not None and sale["period"].get("duration") and not sale.get("rate"):
                periods.setdefault(sale["units"], sale["period"])
        for sale in sales:
            if sale["period"] is None and not sale.get("total") and sale["units"] in periods:
                sale["period"] = periods[sale["units"]]

    def _period(self, start: int, end: int, sentence: tuple[int, int], previous: dict | None) -> dict | None:
        """The selling period: a time span linked after the figure ("in less than five minutes",
        "over a two-week period", "sold last year"); a rate ("a day") or "during the quarter";
        a span before it in its clause or in the sentence's opening phrase ("In the March
        quarter, ..."); else the headline's period, the period of the sale before in the
        paragraph, or the period the article's first sale was reported for. A total to date
        ("has sold 5m since 2019") has none."""
        text = self.text
        if TOTAL_TO_DATE.match(text, end, min(sentence[1], end + 50)):
            return None
        rate = (RATE.match(text, end, min(sentence[1], end + 40))
                or RATE_AFTER_PRODUCT.match(text, end, min(sentence[1], end + 60)))
        if rate is not None:
            return self._anaphoric_period(rate)
        festival = self._festival_in(sentence[0], min(sentence[1], end + 60))
        if festival is not None and (festival.start() >= end and PERIOD_LINK.match(text[end:festival.start("day")])
                                     or festival.end() <= start and OPENING_ON.fullmatch(text, sentence[0], festival.start())):
            # "2 lakh units on Dhanteras", "On Singles' Day, Orvix sold ...": a festival day is one day
            return {"span": [festival.start("day"), festival.end()], "start": None, "end": None, "anchor": None,
                    "duration": "P1D"}
        j = bisect.bisect_left(self.time_starts, start) - 1
        if j >= 0 and self.time_starts[j] >= sentence[0]:
            span_start, span_end = self.time_spans[j]["span"]
            if (TOOK_BEFORE.search(text, max(sentence[0], span_start - 20), span_start)
                    and TO_VERB.fullmatch(text, span_end, start)):
                return self.time_spans[j]  # "took around 30 minutes to sell 1 lakh units"
        i = bisect.bisect_left(self.time_starts, end)
        while i < len(self.time_spans) and self.time_starts[i] < sentence[1]:
            span = self.time_spans[i]
            gap = text[end:span["span"][0]]
            if len(gap) > 80 or ";" in gap or self._figure_within(end, span["span"][0]):
                break  # "rose to 2.1 lakh against 1.8 lakh in June": June is the other figure's
            if POINT_BACK.search(text, span["span"][0], span["span"][1]):
                break  # "5,07,690 units a year earlier": when, not for how long; the frame decides
            # a span may hold its own link word: "in 2023" of "sold 38 lakh in India in 2023"
            own_link = LINK_WORD.match(text, span["span"][0], span["span"][1])
            if (PERIOD_LINK.match(gap + (own_link.group(0) if own_link else ""))
                    or self._linked_by_verb(gap)
                    or (RELATIVE_START.match(text, span["span"][0], span["span"][1]) and SHORT_GAP.fullmatch(gap))):
                return self._most_specific(i)
            i += 1
        anaphoric = ANAPHORIC_PERIODS.search(text, end, min(sentence[1], end + 40))
        if anaphoric is not None:
            return self._anaphoric_period(anaphoric)
        if self.last_period is not None and SAME_PERIOD.search(text, end, min(sentence[1], end + 40)):
            return self.last_period  # "... 5.66 million units in the period"
        before = self._period_before(start, sentence)
        if before is not None:
            return before
        section = self._section_period(start)
        if section is not None:
            return section
        if self.report_period is not None:
            return self.report_period
        if previous is not None and previous.get("period") is not None and not previous.get("rate"):
            return previous["period"]
        return self.lead_period or self.lead_frame

    def _festival_in(self, start: int, end: int):
        """The first "on <festival day>" in [start, end): the text is searched once."""
        if self._festivals is None:
            self._festivals = list(_festival_day().finditer(self.text))
            self._festival_starts = [m.start() for m in self._festivals]
        k = bisect.bisect_left(self._festival_starts, start)
        if k < len(self._festivals) and self._festivals[k].end() <= end:
            return self._festivals[k]
        return None

    def _lead_frame(self) -> dict | None:
        """The first calendar period of the lead in a sentence that speaks of selling (not of
        going on sale, "went on sale in May"; not of plans, "will deliver in July"), unless it
        tells when something was said ("to report this week")."""
        start, end = self.lead_paragraph
        i = bisect.bisect_left(self.time_starts, start)
        while i < len(self.time_spans) and self.time_starts[i] < end:
            span = self.time_spans[i]
            i += 1
            if (not calendar(span, self.text) or SAID_BEFORE.search(self.text, max(start, span["span"][0] - 30), span["span"][0])
                    or SAID_AFTER.match(self.text, span["span"][1], min(end, span["span"][1] + 40))):
                continue  # "to report this week", "said in September": when it was told
            sentence = self.sentence_of(span["span"][0])
            if self.patterns["not_a_sale"].search(self.text, sentence[0], sentence[1]):
                continue  # "... will take possession of the car in July": a plan
            events = [m.span() for m in ON_SALE.finditer(self.text, sentence[0], sentence[1])]
            if any(not any(a <= m.start() < b for a, b in events)
                   for m in self.patterns["verb"].finditer(self.text, sentence[0], sentence[1])):
                return span
        return None

    @staticmethod
    def _anaphoric_period(match) -> dict:
        """A period told by a rate ("a day") or an anaphor ("during the quarter")."""
        start_of = match.start() + len(match.group(0)) - len(match.group(0).lstrip())
        return {"span": [start_of, match.end()], "start": None, "end": None, "anchor": None,
                "duration": ANAPHORIC_DURATIONS[match.group("unit").lower()]}

    def _period_before(self, start: int, sentence: tuple[int, int]) -> dict | None:
        """The nearest span before the figure in its clause (a clause "with ..." or "shipping
        ..." reads the one before too), or in the sentence's opening phrase ("In the March
        quarter, ..."), with no compared figure between. Not the time something was said
        ("Motorola in September said it has sold ..."), a comparison's base ("more than a
        year ago") or the frame of a superlative ("the highest in the last seven years")."""
        text = self.text
        clause_start = _clause_start(text, start, sentence[0])
        while clause_start > sentence[0] and CONTINUING_CLAUSE.match(text, clause_start):
            clause_start = _clause_start(text, clause_start - 1, sentence[0])
        first_break = CLAUSE_BREAK.search(text, sentence[0], start)
        opening_end = first_break.start() if first_break else start
        j = bisect.bisect_left(self.time_starts, start) - 1
        while j >= 0 and self.time_spans[j]["span"][0] >= sentence[0]:
            span = self.time_spans[j]
            span_start, span_end = span["span"]
            j -= 1
            if span_end > start or not span.get("duration"):
                continue
            if self._figure_within(span_end, start) or STRONG_BREAK.search(text, span_end, start):
                return None  # a figure between (the span is that figure's), or a colon: "this week: 203,000"
            if (SAID_AFTER.match(text, span_end, min(start, span_end + 40))
                    or SUPERLATIVE_BEFORE.search(text, max(sentence[0], span_start - 30), span_start)
                    or COMPARED_SPAN.search(text, max(sentence[0], span_start - 20), span_start)):
                continue
            opening = span_end <= opening_end and not self._figure_within(sentence[0], span_start, compared=False)
            if span_start >= clause_start or opening:
                return self._most_specific(j + 1)
        return None

    def _figure_within(self, start: int, end: int, compared: bool = True) -> bool:
        """Is a count compared with the figure in [start, end) ("... against 1.8 lakh units in
        June")? A count joined by "and" shares the period ("delivered 435,059 and produced
        430,488 in Q3"); amounts, specs, years and percentages are no counts. With
        ``compared=False``, any count."""
        k = bisect.bisect_left(self.number_starts, start)
        while k < len(self.numbers) and self.number_starts[k] < end:
            number = self.numbers[k]
            k += 1
            value = Decimal(number["value"])
            if (self.inside_other_fact(number["start"], number["end"]) or value < MIN_UNITS or fractional(value)
                    or PERCENT_AFTER.match(self.text, number["end"], number["end"] + 12)
                    or compiled(r"(?:19|20)\d\d").fullmatch(self.text[number["start"]:number["end"]])):
                continue
            if not compared or COMPARISON.search(self.text, start, number["start"]):
                return True
        return False

    def _linked_by_verb(self, gap: str) -> bool:
        """"651,107 units sold last year": the figure's own verb links its period."""
        match = VERB_GAP.fullmatch(gap)
        return match is not None and self.patterns["verb"].fullmatch(match.group("verb")) is not None

    def _most_specific(self, index: int) -> dict:
        """Of spans written together ("the June quarter this year"), the shortest."""
        best = self.time_spans[index]
        for step in (-1, 1):
            k = index
            while 0 <= k + step < len(self.time_spans):
                here, there = self.time_spans[k], self.time_spans[k + step]
                left, right = (there, here) if step < 0 else (here, there)
                if not SPAN_JOIN.fullmatch(self.text, left["span"][1], right["span"][0]):
                    break
                if there.get("duration") and _length(there["duration"]) < _length(best.get("duration")):
                    best = there
                k += step
        return best
