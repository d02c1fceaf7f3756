"""Time spans: durations ("18 days", "a fortnight") and calendar periods ("Q2 FY24",
"September 2017", "the financial year 2014 to 2015"), as ISO 8601 durations and dates.

Each rule below is a regex with a handler that turns its match into a record:
``{"span": [start, end], "duration": "P18D" | None, "start": "YYYY-MM-DD" | None,
"end": ... | None, "anchor": "launch" | None}``. Overlapping candidates keep the longest.
Relative periods ("last month", "this year", "Q2", "October") resolve against a reference
date: the caller's ``published``, else the article's own date, else the latest full date the
text writes; with none they keep their text (and a duration) but no dates.

>>> text = "It sold 1 million units within two weeks of launch, and 23.1 million in Q2."
>>> [(r["duration"], r["start"], r["anchor"]) for r in find_time_spans(text, date(2017, 10, 3))]
[('P2W', None, 'launch'), ('P3M', '2017-04-01', None)]

Not time spans: single dates ("April 10, 2019"), frequencies ("every month", "Rs 250 a
month", "per day"), vague phrases ("coming weeks", "a few days"), anaphoric ones ("the same
period last year"), points ("by the end of 2022"), "24x7", "4G".
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from decimal import Decimal
from functools import cache
from typing import Callable

import regex
from spacy.language import Language
from spacy.tokens import Doc

from .. import dates, docdata, lexicons, scan
from ..lexicons import alternation
from ..scan import compiled
from .base import FactComponent
from .layout import Boilerplate, get_layout
from .numbers import parse_number

FAMILY = "time_spans"
FUTURE = regex.compile(  # regex: faster than re on whole sentences
    r"\b(?:will|shall|expected to|expects to|scheduled|slated|set to|going to|plans? to|planned|"
    r"planning to|due (?:to|in)|upcoming|later this|from next|(?:begins?|starts?|commences?|opens?)\s+"
    r"(?:in|from))\b|'ll\b", regex.IGNORECASE)
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3,
            "4th": 4, "final": 4}
WORD_COUNTS = {"three": 3, "six": 6, "nine": 9, "twelve": 12, "3": 3, "6": 6, "9": 9, "12": 12}


# --- the vocabulary, built from data files ------------------------------------------------------

@cache
def _units() -> dict[str, tuple[str, int]]:
    return {row["word"]: (row["designator"], row["count"]) for row in lexicons.load("time_units")}


@cache
def _vocabulary() -> dict[str, str]:
    """Regex fragments shared by the rules."""
    words = [r["word"] for r in lexicons.load("number_words") if r["class"] in ("unit", "teen", "tens")]
    tens = [r["word"] for r in lexicons.load("number_words") if r["class"] == "tens"]
    units_small = [r["word"] for r in lexicons.load("number_words") if r["class"] == "unit"]
    word_number = (rf"(?:(?:{alternation(tens)})(?:[ -](?:{alternation(units_small)}))?|{alternation(words)})")
    quantity = (rf"(?:\d+(?:\.\d+)?|{word_number}(?:[ -]and[ -]a[ -]half)?|an?|a[ -]single|single|another|"
                rf"(?:a[ -])?couple[ -]of|half[ -]an?|a[ -]half|half|one[ -]and[ -]a[ -]half|"
                rf"\d+(?:\.\d+)?[ -]and[ -]a[ -]half)")
    unit = rf"(?:{alternation(_units())})"
    months = dates.month_alternation()
    months_cased = dates.month_alternation(cased=True)
    events = alternation(row["event"] for row in lexicons.load("time_events"))
    fy = (r"(?:FY\s?'?(?P<fy>\d{2}(?:\d{2})?)(?:\s*[-–/]\s*(?P<fy_end>\d{2}(?:\d{2})?))?"
          r"|(?:the\s+)?(?:financial|fiscal)\s+year\s+(?P<fy_a>(?:19|20)\d{2})\s*(?:-|–|/|to)\s*(?P<fy_b>\d{2}(?:\d{2})?)"
          r"|fiscal\s+(?:year\s+)?(?P<fy_c>(?:19|20)\d{2}))")
    return {"quantity": quantity, "unit": unit, "months": months, "months_cased": months_cased,
            "events": events, "fy": fy}



# --- rules: (name, pattern) in priority order; handlers below -----------------------------------

@cache
def rules() -> list[tuple[str, scan.CaseBlindRule]]:
    v = _vocabulary()
    q, u, m, fy = v["quantity"], v["unit"], v["months"], v["fy"]
    year_ref = (rf"(?:{fy}|(?:calendar\s+(?:year\s+)?)?(?P<year>(?:19|20)\d{{2}})"
                r"|(?:the\s+)?(?P<rel>this|last|current|previous|next)\s+(?:financial\s+|fiscal\s+|calendar\s+)?year"
                r"|(?:the\s+)?(?P<fiscal>financial|fiscal)\s+year|the\s+year)")
    # "... ended September", "... ended December 31, 2024", "... ended 31 December"
    ended = (rf"(?:ended|ending|to)\s+(?:(?:on\s+)?(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?\s+)?(?P<month>{m})\.?"
             rf"(?:\s+(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?(?!\d))?(?:,?\s+(?P<year>(?:19|20)\d{{2}}))?")
    flags = regex.IGNORECASE
    specs = [
        ("fiscal_year", rf"(?<![\w-]){fy}(?![\w-])", flags),
        ("fiscal_range_year", r"(?<=\b(?:in|for|during|of)\s+)(?P<fy_a>(?:19|20)\d{2})\s*[-–]\s*(?P<fy_b>\d{2})(?!\d)", flags),
        ("quarter", rf"(?<![\w-])(?:the\s+)?(?:Q(?P<q>[1-4])|(?P<qord>first|second|third|fourth|1st|2nd|3rd|4th|final)\s+quarter)"
                    rf"(?:\s*,?\s*(?:of\s+)?{year_ref})?(?![\w-])", flags),
        ("quarter_ended", rf"(?<![\w-])(?:the\s+)?(?:(?:first|second|third|fourth|final)\s+)?quarter\s+{ended}", flags),
        ("months_ended", rf"(?<![\w-])(?:the\s+)?(?P<n>three|six|nine|twelve|3|6|9|12)\s+months\s+{ended}", flags),
        ("first_months", rf"(?<![\w-])(?:the\s+)?first\s+(?P<n>three|six|nine|3|6|9)\s+months\s+of\s+{year_ref}", flags),
        ("named_quarter", rf"(?<![\w-])(?:the\s+)?(?P<month>{m})\s+quarter(?![\w-])", flags),
        ("half", rf"(?<![\w-])(?:H(?P<h>[12])(?:\s*,?\s*{year_ref})?|(?:the\s+)?(?P<hord>first|second)\s+half"
                 rf"(?:\s+of\s+{year_ref})?)(?![\w-])", flags),
        ("month_range", rf"(?<![\w-])(?:the\s+)?(?P<m1>{m})\.?\s*(?:-|–|—|-to-|to|through|till)\s*(?P<m2>{m})\.?"
                        rf"(?:\s*,?\s*(?P<year>(?:19|20)\d{{2}}))?(?:\s+(?P<kind>quarter|period|months))?(?![\w-])", flags),
        ("date_range", rf"(?<![\w-])(?P<month>{m})\.?\s+(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?\s*(?:-|–|to|till)\s*"
                       rf"(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?(?:,?\s+(?P<year>(?:19|20)\d{{2}}))?(?![\w-])", flags),
        ("dates_between", rf"(?<![\w-])(?:between|from)\s+(?P<m1>{m})\.?\s+(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?"
                          rf"(?:,?\s+(?P<y1>(?:19|20)\d{{2}}))?\s+(?:and|to|till|until|through)\s+(?P<m2>{m})\.?\s+"
                          rf"(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?(?:,?\s+(?P<y2>(?:19|20)\d{{2}}))?(?![\w-])", flags),
        ("anchored", rf"(?<![\w-])(?P<qty>{q})[ -]?(?P<unit>{u})(?:\s+and\s+a\s+half)?\s+(?:of|after|from|since)\s+"
                     rf"(?:its\s+|the\s+|their\s+)?(?P<event>{v['events']})(?![\w-])"
                     rf"(?:\s+on\s+(?P<on>(?:{m})\.?\s+[0-3]?\d(?:st|nd|rd|th)?,?\s+(?:19|20)\d{{2}}))?", flags),
        ("duration_range", rf"(?<![\w-])(?P<q1>{q})\s*(?:-|–|to|or)\s*(?P<q2>{q})[ -](?P<unit>{u})(?![\w-])", flags),
        ("compound", rf"(?<![\w-])(?P<parts>(?:{q})[ -]?(?:{u})(?:,?\s+(?:and\s+)?(?:{q})[ -]?(?:{u})(?![\w-]))+)", flags),
        ("duration", rf"(?<![\w-])(?:(?P<pre>just|only|nearly|about|around|over|under|almost|roughly|approximately|"
                     rf"(?:a\s+)?span\s+of|(?:the|its|their)\s+(?:first|last|past|next|coming)|the\s+(?:whole|entire)|all|full|whole)[ -])?"
                     rf"(?P<qty>{q})[ -]?(?P<unit>{u})(?P<half>\s+and\s+(?:a\s+)?half)?(?P<ago>\s+ago)?(?![\w-])", flags),
        ("first_unit", rf"(?<![\w-])(?:the|its|their)\s+first\s+(?P<unit>{u})(?![\w-])", flags),
        ("day_one", r"(?<![\w-])(?:day\s+one|opening\s+day)(?![\w-])", flags),
        ("whole_unit", r"(?<![\w-])(?:all|full|whole|entire)(?: |-(?![\w-]*\s+[a-z]))(?P<unit>day|week|month|year)(?![\w-])", flags),
        ("year_to_date", r"(?<![\w-])(?:year-to-date|year to date|YTD|so far this year)(?![\w-])", flags),
        ("relative", r"(?<![\w-])(?:(?P<early>early|mid|late|earlier)\s+)?(?:the\s+)?(?P<rel>last|this|next|previous|current|past|coming|same)\s+"
                     r"(?P<unit>month|year|quarter|week|fortnight|(?:financial|fiscal)\s+year|fiscal)(?![\w-])", flags),
        ("month", rf"(?<![\w-])(?:(?P<early>early|mid|late)[ -](?:of\s+)?)?(?:(?P<rel>this|last|next)\s+)?(?:the\s+month\s+of\s+)?"
                  rf"(?P<month>{v['months_cased']})(?:(?<=\b(?i:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec))\.)?(?:\s*,?\s*(?P<year>(?:19|20)\d{{2}})|\s+(?P<relyear>this|last|next)\s+year)?(?![\w-])",
         regex.VERSION1),
        ("year", r"(?<![\w-])(?:(?P<prep>in|of|since|during|for|from|until|till|through|throughout|calendar|calendar\s+year|the\s+year|year|between|and|early|late|mid)[ -])"
                 r"(?P<year>(?:19|20)\d{2})(?![\w-])(?!\s*[-–/]\s*\d)", flags),
    ]
    return [(name, scan.CaseBlindRule(pattern, flag)) for name, pattern, flag in specs]


# --- resolving -------------------------------------------------------------------------------

class Resolver:
    """Turns rule matches into records, relative to a reference date (or None)."""

    def __init__(self, text: str, reference: date | None, fiscal_context: bool):
        self.text = text
        self.reference = reference
        self.fiscal_context = fiscal_context

    # periods ------------------------------------------------------------------------------
    @staticmethod
    def period(start: date | None, end: date | None, duration: str | None) -> dict:
        return {"duration": duration, "start": start.isoformat() if start else None,
                "end": end.isoformat() if end else None}

    def months(self, first: date, count: int) -> dict:
        last = dates.add_months(first, count) - timedelta(days=1)
        return self.period(first, last, _months_duration(count))

    def year_of(self, match: regex.Match) -> tuple[str, int] | None:
        """("calendar"|"fiscal", year) named by a match's year reference, or None."""
        groups = match.groupdict()
        if groups.get("fy") or groups.get("fy_a") or groups.get("fy_c"):
            return "fiscal", _fiscal_end_year(groups)
        if groups.get("year"):
            return "calendar", int(groups["year"])
        if groups.get("rel"):
            if self.reference is None:
                return None
            fiscal = "financial" in match.group(0).lower() or "fiscal" in match.group(0).lower()
            base = _fiscal_end_year_of(self.reference) if fiscal else self.reference.year
            shift = {"last": -1, "previous": -1, "next": 1}.get(groups["rel"].lower(), 0)
            return ("fiscal" if fiscal else "calendar"), base + shift
        if groups.get("fiscal"):
            return ("fiscal", _fiscal_end_year_of(self.reference)) if self.reference else None
        if self.reference is not None and "the year" in match.group(0).lower():
            return "calendar", self.reference.year
        return None

    def quarter(self, number: int, year: tuple[str, int] | None) -> dict:
        if year is None:
            if self.reference is None:
                return self.period(None, None, "P3M")
            if self.fiscal_context:
                year = ("fiscal", _fiscal_end_year_of(self.reference))
                if _quarter_start(number, year) > self.reference:
                    year = ("fiscal", year[1] - 1)
            else:
                year = ("calendar", self.reference.year)
                if _quarter_start(number, year) > self.reference:
                    year = ("calendar", year[1] - 1)
        return self.months(_quarter_start(number, year), 3)

    def month_year(self, month: int, explicit: int | None, relative: str | None = None,
                   future: bool = False) -> int | None:
        """The year of a month named without one: the reference year, or the year before if
        the month is well ahead of the reference (articles mostly look back) — unless the
        sentence looks ahead ("deliveries begin in September"), then the next such month."""
        if explicit:
            return explicit
        if self.reference is None:
            return None
        year = self.reference.year
        if relative:
            return year + {"last": -1, "next": 1}.get(relative.lower(), 0)
        if future:
            return year if month >= self.reference.month else year + 1
        return year - 1 if month > self.reference.month + 2 else year

    def looks_ahead(self, offset: int) -> bool:
        """Does the sentence around ``offset`` speak of the future?"""
        low, high = max(0, offset - 300), min(len(self.text), offset + 300)
        start = max(self.text.rfind(". ", low, offset), self.text.rfind("\n", low, offset), low - 1) + 1
        end = min(x for x in (self.text.find(". ", offset, high), self.text.find("\n", offset, high), high) if x >= 0)
        return bool(FUTURE.search(self.text, start, end))

    def ending(self, month_name: str, year: str | None, count: int) -> dict:
        """``count`` months ending with the named month: the latest such period that has
        ended by the reference date, unless the year is written."""
        month = dates.month_numbers()[month_name.lower().rstrip(".")]
        resolved = int(year) if year else None
        if resolved is None and self.reference is not None:
            resolved = self.reference.year
            if dates.month_end(resolved, month) > self.reference:
                resolved -= 1
        if resolved is None:
            return self.period(None, None, _months_duration(count))
        return self.months(dates.add_months(date(resolved, month, 1), -(count - 1)), count)


def _months_duration(count: int) -> str:
    return "P1Y" if count == 12 else f"P{count}M"


def _fiscal_end_year(groups: dict) -> int:
    if groups.get("fy_c"):
        return int(groups["fy_c"])
    if groups.get("fy_a"):
        return int(groups["fy_a"]) + 1
    if groups.get("fy_end"):
        return int(groups["fy"][:2] + groups["fy_end"][-2:]) if len(groups["fy"]) == 4 else dates.full_year(groups["fy_end"])
    return dates.full_year(groups["fy"])


def _fiscal_end_year_of(day: date) -> int:
    return day.year + 1 if day.month >= 4 else day.year


def _quarter_start(number: int, year: tuple[str, int]) -> date:
    kind, value = year
    if kind == "fiscal":  # Q1 of FY24 is April-June 2023
        return dates.add_months(date(value - 1, 4, 1), 3 * (number - 1))
    return date(value, 3 * (number - 1) + 1, 1)


def _duration(quantity: Decimal, unit: str) -> str | None:
    designator, count = _units()[unit.lower()]
    value = quantity * count
    if designator == "Y" and value != value.to_integral_value() and (value * 12) == (value * 12).to_integral_value():
        value, designator = value * 12, "M"  # "a year and a half" -> P18M
    number = _plain(value)
    if designator in ("H", "MI", "S"):
        return f"PT{number}{'M' if designator == 'MI' else designator}"
    return f"P{number}{designator}"


def _plain(value: Decimal) -> str:
    return str(int(value)) if value == value.to_integral_value() else format(value.normalize(), "f")


def quantity_of(text: str) -> Decimal | None:
    """"two" -> 2, "a" -> 1, "a couple of" -> 2, "half an" -> 0.5, "two and a half" -> 2.5."""
    phrase = text.lower().replace("-", " ").strip()
    half = Decimal(0)
    if phrase.endswith(" and a half"):
        phrase, half = phrase[: -len(" and a half")], Decimal("0.5")
    if phrase in ("a", "an", "a single", "single", "one single", "another"):
        return 1 + half
    if phrase in ("couple of", "a couple of"):
        return Decimal(2)
    if phrase in ("half a", "half an", "a half", "half"):
        return Decimal("0.5")
    value = parse_number(phrase)
    return None if value is None else value + half


# --- handlers: one per rule -----------------------------------------------------------------

def _h_fiscal_year(r: Resolver, m: regex.Match) -> dict:
    start, end = dates.financial_year(_fiscal_end_year(m.groupdict()))
    return r.period(start, end, "P1Y")


def _h_quarter(r: Resolver, m: regex.Match) -> dict:
    number = int(m.group("q")) if m.group("q") else ORDINALS[m.group("qord").lower()]
    return r.quarter(number, r.year_of(m))


def _h_quarter_ended(r: Resolver, m: regex.Match) -> dict:
    return r.ending(m.group("month"), m.group("year"), 3)


def _h_months_ended(r: Resolver, m: regex.Match) -> dict:
    return r.ending(m.group("month"), m.group("year"), WORD_COUNTS[m.group("n").lower()])


def _h_first_months(r: Resolver, m: regex.Match) -> dict:
    count = WORD_COUNTS[m.group("n").lower()]
    year = r.year_of(m)
    if year is None:
        return r.period(None, None, _months_duration(count))
    first = date(year[1] - 1, 4, 1) if year[0] == "fiscal" else date(year[1], 1, 1)
    return r.months(first, count)


def _h_named_quarter(r: Resolver, m: regex.Match) -> dict | None:
    """"the September quarter": the quarter ending in that month."""
    month = dates.month_numbers()[m.group("month").lower().rstrip(".")]
    if month % 3:
        return None
    return r.ending(m.group("month"), None, 3)


def _h_half(r: Resolver, m: regex.Match) -> dict:
    number = int(m.group("h")) if m.group("h") else (1 if m.group("hord").lower() == "first" else 2)
    year = r.year_of(m)
    if year is None and r.reference is not None:
        year = ("fiscal", _fiscal_end_year_of(r.reference)) if r.fiscal_context and m.group("h") else ("calendar", r.reference.year)
    if year is None:
        return r.period(None, None, "P6M")
    first = date(year[1] - 1, 4, 1) if year[0] == "fiscal" else date(year[1], 1, 1)
    return r.months(dates.add_months(first, 6 * (number - 1)), 6)


def _h_month_range(r: Resolver, m: regex.Match) -> dict | None:
    first = dates.month_numbers()[m.group("m1").lower().rstrip(".")]
    last = dates.month_numbers()[m.group("m2").lower().rstrip(".")]
    count = (last - first) % 12 + 1
    if count < 2:
        return None
    year = r.month_year(last, int(m.group("year")) if m.group("year") else None)
    if year is None:
        return r.period(None, None, _months_duration(count))
    start = dates.add_months(date(year, last, 1), -(count - 1))
    return r.months(start, count)


def _h_date_range(r: Resolver, m: regex.Match) -> dict | None:
    month = dates.month_numbers()[m.group("month").lower().rstrip(".")]
    d1, d2 = int(m.group("d1")), int(m.group("d2"))
    if not 1 <= d1 < d2 <= 31:
        return None
    year = r.month_year(month, int(m.group("year")) if m.group("year") else None)
    if year is None:
        return r.period(None, None, f"P{d2 - d1 + 1}D")
    try:
        start, end = date(year, month, d1), date(year, month, d2)
    except ValueError:
        return None
    return r.period(start, end, f"P{d2 - d1 + 1}D")


def _h_dates_between(r: Resolver, m: regex.Match) -> dict | None:
    """"between September 28 and October 31": both days counted."""
    months = dates.month_numbers()
    m1, m2 = months[m.group("m1").lower().rstrip(".")], months[m.group("m2").lower().rstrip(".")]
    y2 = int(m.group("y2")) if m.group("y2") else r.month_year(m2, None)
    if y2 is None:
        return None
    y1 = int(m.group("y1")) if m.group("y1") else (y2 if m1 <= m2 else y2 - 1)
    try:
        start, end = date(y1, m1, int(m.group("d1"))), date(y2, m2, int(m.group("d2")))
    except ValueError:
        return None
    if not start < end:
        return None
    return r.period(start, end, f"P{(end - start).days + 1}D")


def _h_anchored(r: Resolver, m: regex.Match) -> dict | None:
    quantity = quantity_of(m.group("qty"))
    if quantity is None:
        return None
    if "and a half" in m.group(0).lower():
        quantity += Decimal("0.5")
    record = r.period(None, None, _duration(quantity, m.group("unit")))
    record["anchor"] = _event_name(m.group("event"))
    if m.group("on"):
        on = next(dates.find_dates(m.group("on")), None)
        if on is not None:
            record["start"] = on[0].isoformat()
    return record


def _event_name(event: str) -> str:
    words = event.lower().split()
    return " ".join(words[1:] if words[0] in ("its", "the", "their") else words)


def _h_duration_range(r: Resolver, m: regex.Match) -> dict | None:
    low, high = quantity_of(m.group("q1")), quantity_of(m.group("q2"))
    if low is None or high is None or low >= high:
        return None
    return r.period(None, None, None)  # a range: text only, no single duration


@cache
def _compound_part() -> regex.Pattern:
    v = _vocabulary()
    return regex.compile(rf"(?P<qty>{v['quantity']})[ -]?(?P<unit>{v['unit']})(?![\w-])", regex.IGNORECASE)


def _h_compound(r: Resolver, m: regex.Match) -> dict | None:
    """"6 hours 30 minutes", "1 year 1 month 21 days": one duration of several parts."""
    totals: dict[str, Decimal] = {}
    for piece in _compound_part().finditer(m.group("parts")):
        quantity = quantity_of(piece.group("qty"))
        if quantity is None:
            return None
        designator, count = _units()[piece.group("unit").lower()]
        totals[designator] = totals.get(designator, Decimal(0)) + quantity * count
    date_part = "".join(f"{_plain(totals[d])}{d}" for d in ("Y", "M", "W", "D") if d in totals)
    time_part = "".join(f"{_plain(totals[d])}{'M' if d == 'MI' else d}" for d in ("H", "MI", "S") if d in totals)
    return r.period(None, None, "P" + date_part + (f"T{time_part}" if time_part else ""))


def _h_duration(r: Resolver, m: regex.Match) -> dict | None:
    quantity = quantity_of(m.group("qty"))
    if quantity is None or quantity <= 0:
        return None
    if m.group("half"):
        quantity += Decimal("0.5")
    return r.period(None, None, _duration(quantity, m.group("unit")))


def _h_one_unit(r: Resolver, m: regex.Match) -> dict:
    """"the first hour", "all day": one of the unit."""
    return r.period(None, None, _duration(Decimal(1), m.group("unit")))


def _h_relative(r: Resolver, m: regex.Match) -> dict | None:
    rel, unit = m.group("rel").lower(), " ".join(m.group("unit").lower().split())
    if rel == "same":
        return None  # anaphoric: "the same period last year"
    if unit == "fortnight":
        return r.period(None, None, "P2W")
    if rel in ("past", "coming"):  # "the past year": the last twelve months
        return r.period(None, None, {"month": "P1M", "year": "P1Y", "quarter": "P3M", "week": "P1W"}.get(unit, "P1Y"))
    shift = {"last": -1, "previous": -1, "next": 1}.get(rel, 0)
    ref = r.reference
    if unit == "week":
        if ref is None:
            return r.period(None, None, "P1W")
        monday = ref - timedelta(days=ref.weekday()) + timedelta(weeks=shift)
        return r.period(monday, monday + timedelta(days=6), "P1W")
    if ref is None:
        return r.period(None, None, {"month": "P1M", "quarter": "P3M"}.get(unit, "P1Y"))
    if unit == "month":
        return r.months(dates.add_months(date(ref.year, ref.month, 1), shift), 1)
    if unit == "quarter":
        first = date(ref.year, 3 * ((ref.month - 1) // 3) + 1, 1)
        return r.months(dates.add_months(first, 3 * shift), 3)
    if unit in ("fiscal", "financial year", "fiscal year"):
        start, end = dates.financial_year(_fiscal_end_year_of(ref) + shift)
        return r.period(start, end, "P1Y")
    return r.period(date(ref.year + shift, 1, 1), date(ref.year + shift, 12, 31), "P1Y")


def _h_month(r: Resolver, m: regex.Match) -> dict | None:
    name = m.group("month")
    if name == "May" and not (m.group("year") or m.group("rel") or m.group("relyear") or m.group("early")):
        before = r.text[max(0, m.start() - 12):m.start()].lower()
        if not compiled(r"\b(?:in|of|since|during|until|till|from|by|through)\s+\Z").search(before):
            return None  # "may" the verb
    month = dates.month_numbers()[name.lower().rstrip(".")]
    relative = m.group("rel") or m.group("relyear")
    year = r.month_year(month, int(m.group("year")) if m.group("year") else None, relative,
                        future=r.looks_ahead(m.start()))
    if year is None:
        return r.period(None, None, "P1M")
    return r.months(date(year, month, 1), 1)


def _h_year(r: Resolver, m: regex.Match) -> dict | None:
    year = int(m.group("year"))
    before = r.text[max(0, m.start() - 16):m.start()].lower()
    if compiled(r"\b(?:end|start|beginning|close|by)\s+(?:of\s+)?\Z").search(before):
        return None  # a point: "by the end of 2022"
    prep = m.group("prep").lower()
    if prep == "since":
        return {"duration": None, "start": date(year, 1, 1).isoformat(), "end": None}
    return r.period(date(year, 1, 1), date(year, 12, 31), "P1Y")


def _h_year_to_date(r: Resolver, m: regex.Match) -> dict | None:
    """From January 1 to the end of the last full month before the reference date."""
    if r.reference is None:
        return r.period(None, None, None)
    last = date(r.reference.year, r.reference.month, 1) - timedelta(days=1)
    if last.year < r.reference.year:
        return None
    return r.months(date(r.reference.year, 1, 1), last.month)


HANDLERS: dict[str, Callable[[Resolver, regex.Match], dict | None]] = {
    "fiscal_year": _h_fiscal_year, "fiscal_range_year": _h_fiscal_year, "quarter": _h_quarter,
    "quarter_ended": _h_quarter_ended, "months_ended": _h_months_ended,
    "first_months": _h_first_months, "named_quarter": _h_named_quarter, "half": _h_half,
    "month_range": _h_month_range, "date_range": _h_date_range, "dates_between": _h_dates_between,
    "anchored": _h_anchored,
    "duration_range": _h_duration_range, "compound": _h_compound, "duration": _h_duration,
    "first_unit": _h_one_unit, "whole_unit": _h_one_unit, "relative": _h_relative,
    "month": _h_month, "year": _h_year, "year_to_date": _h_year_to_date,
    "day_one": lambda r, m: r.period(None, None, "P1D"),
}


# --- finding ---------------------------------------------------------------------------------

FREQUENCY_BEFORE = regex.compile(r"(?:\b(?:per|every|each|once|twice|thrice|times)\s+\Z)", regex.IGNORECASE)
PREPOSITION_BEFORE = scan.compile_pattern(r"\b(?:in|of|since|during|until|till|from|through|early|mid|late|last|this|next)\s+\Z", regex.IGNORECASE)
POINT_BEFORE = scan.compile_pattern(r"\b(?:by|end|start|beginning|close)\s+(?:the\s+)?(?:(?:end|start|beginning|close)\s+)?(?:of\s+)?\Z", regex.IGNORECASE)
ANAPHORIC_BEFORE = scan.compile_pattern(r"\bsame\s+(?:[\w-]+\s+){0,2}\Z", regex.IGNORECASE)
COMPARISON_AFTER = scan.compile_pattern(r"\A\s+(?:earlier|prior|before(?=\s*(?:[,.;:)]|$)))\b", regex.IGNORECASE)
SPEED_TEST_BEFORE = scan.compile_pattern(r"(?:0\s*(?:-|–|to)\s*(?:100|60)|km/?h|kmph|mph)\b[^.]{0,12}\Z", regex.IGNORECASE)
#: "Rs 250 a month", "250,000 battery packs a year": a number, up to three words, then "a".
RATE_BEFORE = scan.compile_pattern(
    r"\d[\d,.]*%?(?:[ \t]+(?!(?:in|within|for|over|during|after|of|just|only|about|around|nearly|"
    r"under|than|take|took|takes|taken|in)\b)[A-Za-z-]{1,15}){0,3}[ \t]+\Z", regex.IGNORECASE)
DATE_AROUND = scan.compile_pattern(r"\A\s*[0-3]?\d(?:st|nd|rd|th)?\b(?!\s*(?:-|–|to)\s*[0-3]?\d)")
DAY_BEFORE = scan.compile_pattern(r"\b[0-3]?\d(?:st|nd|rd|th)?\s+(?:of\s+)?\Z")
VAGUE_QUANTITY = {"few", "a few", "several", "some", "many", "couple"}


WINDOW_BEFORE, WINDOW_AFTER = 110, 70  # every rule's match lies this close to a trigger word


@cache
def trigger() -> regex.Pattern:
    """Words without which no rule can match: units, month names, quarter and year marks."""
    v = _vocabulary()
    return regex.compile(
        rf"(?i:{v['unit']}|{v['months']}|quarter|fiscal|financial|half|year-to-date|ytd|day\s+one|"
        rf"opening\s+day)(?![\w])|\b(?:Q[1-4]|H[12]|FY)|(?<![\w-])(?:19|20)\d\d(?![\w-])")


#: Which cheap trigger each rule needs (a class of :func:`rule_triggers`, or one made from
#: another's matches, see DERIVED_TRIGGERS).
RULE_TRIGGERS = {
    "duration": "quantified_unit", "anchored": "anchored_unit", "compound": "paired_unit",
    "duration_range": "ranged_unit", "months_ended": "months_word", "first_months": "months_word",
    "month_range": "month_pair", "date_range": "month_day", "dates_between": "month_after_from",
    "month": "month", "named_quarter": "month_quarter",
    "year": "year", "fiscal_range_year": "year",
    "quarter": "quarter_mark", "half": "half_mark", "fiscal_year": "fiscal_mark", "quarter_ended": "quarter_ended",
    "first_unit": "first", "whole_unit": "whole", "relative": "relative",
    "year_to_date": "ytd", "day_one": "day_one",
}


#: Narrower windows where the trigger holds most of the match ("nearly [two weeks] of launch").
#: A derived class reaches as far as the class it is made from.
TRIGGER_REACH = {"quantity_unit": (50, 70), "month": (60, 60), "period": (60, 60), "year": (60, 30),
                 "relative": (40, 40), "whole": (30, 30), "first": (30, 30)}


@cache
def rule_triggers() -> dict[str, scan.Trigger]:
    """Per trigger class, a plain regex over the lower-cased text: a unit word ("days",
    "weeks": a rule adds the quantity), a month name, a year, a quarter or fiscal mark...
    Each is one literal-led alternative per word, which ``re`` finds fastest."""
    v = _vocabulary()
    unit = v["unit"]
    patterns = {
        # alternatives led by a literal, which scan.Trigger finds fastest
        "quantity_unit": scan.whole_words(_units()),
        "month": scan.whole_words(_month_names()),
        "year": r"19\d\d(?<![\w-]....)(?!\w)|20\d\d(?<![\w-]....)(?!\w)",
        "period": r"quarter|\bq[1-4]|\bh[12]\b|\bfy|fiscal|financial|\bhalf\b",
        "first": rf"\bfirst\s+{unit}",
        "whole": "|".join(rf"\b{word}[ -](?:day|week|month|year)" for word in ("all", "full", "whole", "entire")),
        "relative": "|".join(rf"\b{word}\s+(?:month|year|quarter|week|fortnight|financial|fiscal)"
                             for word in ("last", "this", "next", "previous", "current", "past", "coming", "same")),
        "ytd": r"year-to-date|year to date|\bytd\b|so far this year",
        "day_one": r"day\s+one|opening\s+day",
    }
    return {name: scan.Trigger(pattern) for name, pattern in patterns.items()}


def _month_names() -> list[str]:
    """Month names and abbreviations as the month trigger looks for them: "jan", "january"."""
    return sorted({name.rstrip(".") for name in dates.month_numbers()})


#: Words one of which a trigger class needs: without them its scan is skipped.
TRIGGER_WORDS = {
    "period": ("quarter", "q1", "q2", "q3", "q4", "h1", "h2", "fy", "fiscal", "financial", "half"),
    "ytd": ("year-to-date", "year to date", "ytd", "so far this year"),
    "day_one": ("day one", "opening day"),
    "first": ("first",),
    "whole": ("all", "full", "whole", "entire"),
}


def _quantified(folded: str, start: int) -> bool:
    """Does a quantity end right before the unit word at ``start``: a digit ("18 days",
    "2-year") or a word a quantity ends with ("two weeks", "a month", "couple of days")?
    The duration rules need one; "this year" and "per month" have none."""
    if start > 0 and folded[start - 1] in " -":
        start -= 1
    word_start = start
    while word_start > 0 and folded[word_start - 1].isalpha():
        word_start -= 1
    if word_start == start:
        return start > 0 and folded[start - 1].isdigit()
    return folded[word_start:start] in _quantity_end_words()


@cache
def _quantity_end_words() -> frozenset[str]:
    """The words a quantity of the rules' ``quantity`` pattern can end with."""
    numbers = {r["word"] for r in lexicons.load("number_words") if r["class"] in ("unit", "teen", "tens")}
    return frozenset(numbers | {"a", "an", "half", "single", "another", "of"})


def _followed_by(pattern: str):
    """A trigger filter: the matches ``pattern`` matches right after."""
    after = re.compile(pattern)
    return lambda folded, spans: [(s, e) for s, e in spans if after.match(folded, e)]


def _preceded_by(pattern: str, reach: int = 30):
    """A trigger filter: the matches ``pattern`` finds in the ``reach`` characters before."""
    before = re.compile(pattern)
    return lambda folded, spans: [(s, e) for s, e in spans if before.search(folded[max(0, s - reach):s])]


def _spelled(*prefixes: str):
    """A trigger filter: the matches starting with one of ``prefixes`` ("q" of "q2", "quarter")."""
    return lambda folded, spans: [(s, e) for s, e in spans if folded.startswith(prefixes, s)]


def _paired(gap_ok):
    """A trigger filter: the matches next to another with a gap ``gap_ok(folded, end,
    next_start)`` accepts ("2 years and 3 months", "April to June")."""
    def keep(folded: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
        pairs = [gap_ok(folded, spans[i][1], spans[i + 1][0]) for i in range(len(spans) - 1)]
        return [span for i, span in enumerate(spans) if (i > 0 and pairs[i - 1]) or (i < len(pairs) and pairs[i])]
    return keep


MONTH_RANGE_GAP = re.compile(r"\.?\s*(?:-|–|—|-to-|to|through|till)\s*")


#: Trigger classes made of another's matches, kept by a filter: (class, filter). Each
#: keeps what its rules cannot match without: "months" for "six months ended", "of"/"after"
#: for "18 days of launch", a quantity before a unit for every duration.
DERIVED_TRIGGERS = {
    "quantified_unit": ("quantity_unit", lambda folded, spans: [(s, e) for s, e in spans if _quantified(folded, s)]),
    "anchored_unit": ("quantified_unit", _followed_by(r"(?:\s+and\s+a\s+half)?\s+(?:of|after|from|since)\s")),
    # two units whose windows meet, as they had to for a compound to be found
    "paired_unit": ("quantified_unit", _paired(lambda folded, end, start: start - end <= 80)),
    "ranged_unit": ("quantified_unit", _preceded_by("-|–|to|or", 50)),
    "months_word": ("quantity_unit", lambda folded, spans: [(s, e) for s, e in spans if folded[s:e] == "months"]),
    "month_pair": ("month", _paired(lambda folded, end, start: MONTH_RANGE_GAP.fullmatch(folded, end, start) is not None)),
    "month_day": ("month", _followed_by(r"\.?\s+[0-3]?\d")),
    "month_after_from": ("month", _preceded_by(r"(?:between|from)\s+\Z")),
    "month_quarter": ("month", _followed_by(r"\s+quarter")),
    "quarter_mark": ("period", _spelled("q")),
    "half_mark": ("period", _spelled("h")),
    "fiscal_mark": ("period", _spelled("f")),
    "quarter_ended": ("period", _followed_by(r"(?<=quarter)\s+(?:ended|ending|to)\s")),
}


def _reach(trigger_class: str) -> tuple[int, int]:
    while trigger_class in DERIVED_TRIGGERS:
        trigger_class = DERIVED_TRIGGERS[trigger_class][0]
    return TRIGGER_REACH.get(trigger_class, (WINDOW_BEFORE, WINDOW_AFTER))


#: Rules whose matches lie closer to their trigger than the class's reach allows: "nearly
#: two weeks" needs less room around "weeks" than "within 18 days of its launch in India".
RULE_REACH = {"duration": (40, 25), "compound": (40, 40), "duration_range": (50, 25)}


def _rule_windows(folded: str | None) -> dict[str, list[tuple[int, int]]] | None:
    """Windows per rule (rules of one trigger class share them unless their reach differs),
    or None when lower-casing changes the text's length (``folded`` is None)."""
    if folded is None:
        return None
    triggers = rule_triggers()
    spans: dict[str, list[tuple[int, int]]] = {}
    shared: dict[tuple, list[tuple[int, int]]] = {}
    per_rule = {}
    for name, _ in rules():
        trigger_class = RULE_TRIGGERS[name]
        reach = RULE_REACH.get(name) or _reach(trigger_class)
        key = (trigger_class, reach)
        if key not in shared:
            shared[key] = scan.windows(folded, _trigger_spans(folded, trigger_class, triggers, spans), *reach)
        per_rule[name] = shared[key]
    return per_rule


def _trigger_spans(folded: str, trigger_class: str, triggers: dict[str, scan.Trigger],
                   found: dict[str, list[tuple[int, int]]]) -> list[tuple[int, int]]:
    """A trigger class's matches, found once per text (``found`` keeps them)."""
    if trigger_class not in found:
        if trigger_class in DERIVED_TRIGGERS:
            base, keep = DERIVED_TRIGGERS[trigger_class]
            found[trigger_class] = keep(folded, _trigger_spans(folded, base, triggers, found))
        elif scan.holds_any(folded, TRIGGER_WORDS.get(trigger_class, ())):
            found[trigger_class] = triggers[trigger_class].spans(folded)
        else:
            found[trigger_class] = []
    return found[trigger_class]


def reference_date(text: str, published: date | None) -> date | None:
    """The date relative periods count from: ``published``, else the latest full date in
    the text (an embedded post's "April 10, 2019")."""
    if published is not None:
        return published
    found = [day for day, _ in dates.find_dates(text)]
    return max(found) if found else None


def find_time_spans(text: str, reference: date | None, boilerplate: Boilerplate | None = None) -> list[dict]:
    """Every time span in ``text`` as plain records (see the module docstring)."""
    folded = scan.folded(text)
    fiscal_context = _fiscal_context(text, folded)
    resolver = Resolver(text, reference, fiscal_context)
    candidates = []
    per_class = _rule_windows(folded)
    spans = scan.windows(text, trigger(), WINDOW_BEFORE, WINDOW_AFTER) if per_class is None else None
    for priority, (name, rule) in enumerate(rules()):
        windows = spans if per_class is None else per_class[name]
        for match in rule.finditer(text, folded, windows):
            start, end = match.span()
            if boilerplate is not None and boilerplate.contains(start):
                continue
            if not _acceptable(text, name, match):
                continue
            record = HANDLERS[name](resolver, match)
            if record is None:
                continue
            record.setdefault("anchor", None)
            candidates.append((start, end, priority, record))
    ranked = sorted(candidates, key=lambda c: (-(c[1] - c[0]), c[2], c[0]))  # longest first
    chosen = scan.pick_non_overlapping((start, end, record) for start, end, _, record in ranked)
    return [{"span": [start, end], **record} for start, end, record in chosen]


FISCAL_CONTEXT = regex.compile(r"\bFY\s?'?\d{2}|\b(?:financial|fiscal)\s+year\b|\bfiscal\b", regex.IGNORECASE)


def _fiscal_context(text: str, folded: str | None) -> bool:
    """Does the article count in fiscal years ("FY24", "the financial year")? Looked for
    only when the lower-cased text holds "fy", "fiscal" or "financial"."""
    if folded is not None and "fy" not in folded and "fiscal" not in folded and "financial" not in folded:
        return False
    return FISCAL_CONTEXT.search(text) is not None


def _acceptable(text: str, name: str, match: regex.Match) -> bool:
    """Frequencies, vague amounts and written dates are not time spans."""
    before = text[max(0, match.start() - 20):match.start()]
    groups = match.groupdict()
    quantity = (groups.get("qty") or groups.get("q1") or "").lower()
    if quantity in VAGUE_QUANTITY:
        return False
    if ANAPHORIC_BEFORE.search(before):
        return False  # "the same month last year"
    if name in ("duration", "compound", "duration_range", "anchored", "first_unit"):
        if FREQUENCY_BEFORE.search(before) and not groups.get("pre"):
            return False  # "every two weeks", "per day"
        if quantity in ("a", "an") and RATE_BEFORE.search(before):
            return False  # "Rs 250 a month", "1,000 cars a day"
        if COMPARISON_AFTER.match(text[match.end():match.end() + 12]):
            return False  # "a year earlier": a comparison, not a period
        unit = (groups.get("unit") or "").lower()
        if unit == "h" and groups.get("unit") == "H":
            return False  # "Core Ultra 5 125H": a chip's name, not 125 hours
        if unit.startswith("sec") and (quantity in ("a", "an") or SPEED_TEST_BEFORE.search(before)):
            return False  # "a second plant", "0-100 km/h in 8.9 seconds"
    if name == "month":
        if len(groups["month"]) <= 4 and groups["month"] not in ("May", "June", "July") and not (
                groups.get("year") or PREPOSITION_BEFORE.search(before)):
            return False  # "Jun" of "Lei Jun"; abbreviations need a year or "in"/"of"
        after = text[match.end():match.end() + 8]
        if DAY_BEFORE.search(before) or (not (groups.get("year") or groups.get("relyear")) and DATE_AROUND.match(after)):
            return False  # "October 5", "5 October 2019": a date
    if name in ("month", "year") and POINT_BEFORE.search(before):
        return False  # "by April", "by the end of 2022": a point in time
    return True


def get_time_spans(doc: Doc) -> list[dict]:
    """The time spans of a processed Doc (computed on the spot if the component has not run)."""
    spans = docdata.get(doc, FAMILY)
    if spans is None:
        spans = _extract(doc)
    return spans


def _extract(doc: Doc) -> list[dict]:
    text = docdata.text_of(doc)
    layout = get_layout(doc)
    published = docdata.get(doc, "published") or layout["published"]
    reference = reference_date(text, date.fromisoformat(published) if published else None)
    return find_time_spans(text, reference, Boilerplate(layout["boilerplate"]))


class TimeSpans(FactComponent):
    """Stores :func:`find_time_spans` on the Doc (``newsfacts.time_spans``)."""

    family, label = FAMILY, "TIME_SPAN"

    def extract(self, doc: Doc) -> list[dict]:
        return _extract(doc)


@Language.factory("newsfacts_time")
def make_time(nlp: Language, name: str) -> TimeSpans:
    """Factory of :class:`TimeSpans`."""
    return TimeSpans()
