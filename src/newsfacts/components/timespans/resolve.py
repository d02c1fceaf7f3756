"""Resolving: each rule's handler turns its match into a record, relative to the article's
anchor (a reference date) when the phrase does not name its own year."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from functools import cache
from typing import Callable

import regex

from ... import dates
from ...scan import compiled
from .anchoring import Anchor, sentence_around
from .fiscal import _fiscal_end_year, _fiscal_end_year_of, _quarter_start
from .vocabulary import (
    FUTURE,
    ORDINALS,
    WORD_COUNTS,
    _duration,
    _months_duration,
    _plain,
    _units,
    _vocabulary,
    quantity_of,
)

# --- resolving -------------------------------------------------------------------------------

class Resolver:
    """Turns rule matches into records, relative to the article's anchor (or None)."""

    def __init__(self, text: str, anchor: Anchor | None, fiscal_context: bool,
                 ahead: dict[tuple[int, int], bool] | None = None):
        self.text = text
        self.anchor = anchor
        self.reference = anchor.day if anchor is not None else None
        self.fiscal_context = fiscal_context
        #: Per sentence, does it look ahead: several periods share one, and so do the text's
        #: resolvers (``ahead`` passed from one to the next).
        self._ahead: dict[tuple[int, int], bool] = {} if ahead is None else ahead

    @property
    def knows_month(self) -> bool:
        """Is the anchor's month known ("last month", "this quarter" need it)?"""
        return self.anchor is not None and self.anchor.precision != "year"

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
        if groups.get("fy") or groups.get("fy_a") or groups.get("fy_a2") or groups.get("fy_c"):
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
            year = ("fiscal", _fiscal_end_year_of(self.reference)) if self.fiscal_context \
                else ("calendar", self.reference.year)
            if self.knows_month and _quarter_start(number, year) > self.reference:
                year = (year[0], year[1] - 1)  # the latest such quarter begun by the reference
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
        if self.anchor.loose:  # inferred from the text's periods: the year they are in
            return year
        if future:
            return year if month >= self.reference.month else year + 1
        return year - 1 if month > self.reference.month + 2 else year

    def looks_ahead(self, offset: int) -> bool:
        """Does the sentence around ``offset`` speak of the future?"""
        sentence = sentence_around(self.text, offset)
        if sentence not in self._ahead:
            self._ahead[sentence] = FUTURE.search(self.text, *sentence) is not None
        return self._ahead[sentence]

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



# --- handlers: one per rule -----------------------------------------------------------------

def _h_fiscal_year(r: Resolver, m: regex.Match) -> dict:
    start, end = dates.financial_year(_fiscal_end_year(m.groupdict()))
    return r.period(start, end, "P1Y")


def _h_quarter(r: Resolver, m: regex.Match) -> dict:
    number = int(m.group("q")) if m.group("q") else ORDINALS[(m.group("qord") or m.group("qword")).lower()]
    record = r.quarter(number, r.year_of(m))
    if m.group("pyear"):  # "2015's third quarter"
        record = r.quarter(number, ("calendar", int(m.group("pyear"))))
    if m.group("rel"):  # "Q2 of the current financial year (FY25)"
        record["_relative_year"] = RELATIVE_SHIFT.get(m.group("rel").lower(), 0)
    return record


def _h_quarter_short(r: Resolver, m: regex.Match) -> dict:
    """"2Q21", "2Q 2018", "Q2'19": the apostrophe form counts fiscal years where the article does."""
    number = int(m.group("qn") or m.group("q"))
    fiscal = r.fiscal_context and m.group("q") is not None
    return r.months(_quarter_start(number, ("fiscal" if fiscal else "calendar", dates.full_year(m.group("yy")))), 3)


def _h_calendar_year(r: Resolver, m: regex.Match) -> dict:
    """"CY2015", "CY 14", "the 2023 calendar year"."""
    year = int(m.group("year")) if "year" in m.groupdict() and m.group("year") else dates.full_year(m.group("yy"))
    return r.period(date(year, 1, 1), date(year, 12, 31), "P1Y")


def _h_year_ended(r: Resolver, m: regex.Match) -> dict:
    """"the year to March 31, 2014", "this financial year ending March 2016": twelve months."""
    record = r.ending(m.group("month"), m.group("year"), 12)
    if (m.group("rel") or "").lower() in ("this", "current") and record["start"] and m.group("year"):
        record["_within"] = (record["start"], record["end"])  # the article is written within it
    return record


PART_DAYS = {"day": 1, "days": 1, "week": 7, "weeks": 7, "fortnight": 14}


def _h_part_of(r: Resolver, m: regex.Match) -> dict | None:
    """"the last week of the quarter", "the last two days of March", "the first week of
    October": a part of a period, counted from its start or back from its end."""
    count = quantity_of(m.group("qty")) if m.group("qty") else Decimal(1)
    if count is None or count != count.to_integral_value() or not 1 <= count <= 12:
        return None
    count, unit = int(count), m.group("unit").lower()
    duration = _duration(Decimal(count), unit)
    base = _part_base(r, m)
    if base is None:
        return r.period(None, None, duration)
    first, last = base
    which = m.group("which").lower()
    if unit.startswith("month"):
        if which in ("last", "final"):
            start = dates.add_months(last + timedelta(days=1), -count)
        else:
            start = dates.add_months(first, count * (ORDINALS[which] - 1))
        end = dates.add_months(start, count) - timedelta(days=1)
    else:
        length = count * PART_DAYS[unit]
        if which in ("last", "final"):
            end = last
            start = end - timedelta(days=length - 1)
        else:
            start = first + timedelta(days=length * (ORDINALS[which] - 1))
            end = start + timedelta(days=length - 1)
    if start < first or end > last:
        return None
    return r.period(start, end, duration)


def _part_base(r: Resolver, m: regex.Match) -> tuple[date, date] | None:
    """The period a part is taken from: a month (and year), or "the/this/last quarter|month|year"."""
    if m.group("month"):
        month = dates.month_numbers()[m.group("month").lower().rstrip(".")]
        year = r.month_year(month, int(m.group("year")) if m.group("year") else None)
        return None if year is None else (date(year, month, 1), dates.month_end(year, month))
    unit = m.group("relunit").lower()
    if r.reference is None or (unit != "year" and not r.knows_month):
        return None
    shift = {"last": -1, "next": 1}.get(m.group("rel").lower(), 0)
    ref = r.reference
    step = {"month": 1, "quarter": 3, "year": 12}[unit]
    first = date(ref.year, 1, 1) if unit == "year" else date(ref.year, ref.month - (ref.month - 1) % step, 1)
    first = dates.add_months(first, step * shift)
    return first, dates.add_months(first, step) - timedelta(days=1)


def _h_weekend(r: Resolver, m: regex.Match) -> dict:
    """"this weekend", "over the weekend", "last weekend": a Saturday and Sunday near the anchor."""
    if r.reference is None or not r.knows_month:
        return r.period(None, None, "P2D")
    ref, rel = r.reference, m.group("rel").lower().split()[-1]
    latest = ref - timedelta(days=(ref.weekday() - 5) % 7)  # the Saturday on or before it
    coming = latest if ref.weekday() >= 5 else latest + timedelta(days=7)
    if rel == "next":
        saturday = coming + timedelta(days=7)
    elif rel == "last":
        saturday = latest if ref.weekday() < 5 else latest - timedelta(days=7)
    elif rel == "this" and r.looks_ahead(m.start()):
        saturday = coming
    else:
        saturday = latest
    return r.period(saturday, saturday + timedelta(days=1), "P2D")


def _h_quarter_ended(r: Resolver, m: regex.Match) -> dict:
    return r.ending(m.group("month"), m.group("year"), 3)


def _h_months_ended(r: Resolver, m: regex.Match) -> dict:
    return r.ending(m.group("month"), m.group("year"), WORD_COUNTS[m.group("n").lower()])


def _h_first_months(r: Resolver, m: regex.Match) -> dict | None:
    """"the first nine months of 2023", "the first 10 months of this fiscal year"."""
    count = quantity_of(m.group("n"))
    if count is None or count != count.to_integral_value() or not 1 <= count <= 12:
        return None
    count = int(count)
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
    record = r.ending(m.group("month"), None, 3)
    record["_months"] = (month - 2, 3)
    return record


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
        record = r.period(None, None, _months_duration(count))
    else:
        record = r.months(dates.add_months(date(year, last, 1), -(count - 1)), count)
    if not m.group("year"):
        record["_months"] = (first, count)
    return record


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
        if designator in totals:
            return None  # "2 days, 28 days and 84 days": a list, each its own span
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


def _h_one_unit(r: Resolver, m: regex.Match) -> dict | None:
    """"the first hour", "all day", "month-long", "the week after Diwali": one of the unit
    ("the first day" is an event's day, see :func:`_h_event_day`)."""
    if m.group("unit").lower().startswith("quarter"):
        return None  # "its first quarter": the calendar quarter (the quarter rule's)
    record = r.period(None, None, _duration(Decimal(1), m.group("unit")))
    if m.group(0).lower().endswith("first day"):
        record["event_day"] = True
    return record


def _h_event_day(r: Resolver, m: regex.Match) -> dict:
    """"day one", "opening day", "the first day": an event's day. A selling period for a
    sale ("55,000 units on day one"), not a time span of the article's."""
    return {**r.period(None, None, "P1D"), "event_day": True}


def _h_relative(r: Resolver, m: regex.Match) -> dict | None:
    """"last month", "this year", "the previous quarter" (see :func:`_relative`); "the
    previous <unit>" and "this quarter" are marked to be resolved against the period in
    focus when there is one (``finding._resolve_in_focus``)."""
    record = _relative(r, m)
    rel, unit = m.group("rel").lower(), " ".join(m.group("unit").lower().split())
    kind = "fiscal year" if unit in ("fiscal", "financial year", "fiscal year") else unit
    if record is None or kind not in ("month", "quarter", "year", "fiscal year"):
        return record
    if rel in RELATIVE_SHIFT:
        record["_relative"] = (kind, RELATIVE_SHIFT[rel])  # "this year (2015)" tells the anchor
    if rel in ("previous", "preceding"):
        sentence_start = sentence_around(r.text, m.start())[0]
        if COMPARED_TO.search(r.text[max(sentence_start, m.start() - 80):m.start()]):
            record["_focus"] = (kind, -1)  # "up 12% over the previous quarter": a base
    elif (rel, unit) == ("this", "quarter"):
        record["_focus"] = (kind, 0)
    return record


SINCE_BEFORE = compiled(r"\bsince\s+\Z", regex.IGNORECASE)
RELATIVE_SHIFT = {"this": 0, "current": 0, "ongoing": 0, "last": -1, "previous": -1, "preceding": -1, "next": 1}
#: A comparison's base follows: "up 27% from 18.4 million in", "compared with", "as against".
COMPARED_TO = compiled(r"\b(?:compared\s+(?:to|with)|against|versus|vs\.?|over|from|than)\b(?:(?!\bto\b)[^.;]|\.(?=\d)){0,60}\Z", regex.IGNORECASE)


def _relative(r: Resolver, m: regex.Match) -> dict | None:
    rel, unit = m.group("rel").lower(), " ".join(m.group("unit").lower().split())
    if rel == "same":
        return None  # anaphoric: "the same period last year"
    if unit == "fortnight":
        return r.period(None, None, "P2W")
    if unit == "decade":
        return r.period(None, None, "P10Y")
    if rel in ("past", "coming"):  # "the past year": the last twelve months
        return r.period(None, None, {"month": "P1M", "year": "P1Y", "quarter": "P3M", "week": "P1W"}.get(unit, "P1Y"))
    shift = {"last": -1, "previous": -1, "preceding": -1, "next": 1}.get(rel, 0)
    ref = r.reference
    if unit in ("week", "month", "quarter") and not r.knows_month:
        ref = None  # an anchor known to the year only fixes no month
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
    since = SINCE_BEFORE.search(r.text, max(0, m.start() - 8), m.start()) is not None
    year = r.month_year(month, int(m.group("year")) if m.group("year") else None, relative,
                        future=not since and r.looks_ahead(m.start()))
    record = r.period(None, None, "P1M") if year is None else r.months(date(year, month, 1), 1)
    if not (m.group("year") or relative):
        record["_months"] = (month, 1)  # named without its year: "May earlier this year" may give it
    return record


def _h_month_yy(r: Resolver, m: regex.Match) -> dict:
    """"May 21" as May 2021 (kept only beside "May 20": see ``finding._two_digit_years``)."""
    month = dates.month_numbers()[m.group("month").lower().rstrip(".")]
    record = r.months(date(2000 + int(m.group("yy")), month, 1), 1)
    record["_yy"] = (month, int(m.group("yy")))
    return record


def _h_year(r: Resolver, m: regex.Match) -> dict | None:
    year = int(m.group("year"))
    before = r.text[max(0, m.start() - 16):m.start()].lower()
    if compiled(r"\b(?:end|start|beginning|close|by)\s+(?:of\s+)?\Z").search(before):
        return None  # a point: "by the end of 2022"
    return r.period(date(year, 1, 1), date(year, 12, 31), "P1Y")


def _h_year_to_date(r: Resolver, m: regex.Match) -> dict | None:
    """From January 1 to the end of the last full month before the reference date."""
    if not r.knows_month:
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
    "quarter_short": _h_quarter_short, "calendar_year": _h_calendar_year, "year_named": _h_calendar_year,
    "year_opening": _h_calendar_year, "month_yy": _h_month_yy,
    "year_ended": _h_year_ended, "part_of": _h_part_of, "long_unit": _h_one_unit, "unit_beside": _h_one_unit,
    "weekend": _h_weekend, "day_one": _h_event_day,
}


