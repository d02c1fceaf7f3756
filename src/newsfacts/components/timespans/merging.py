"""Compound periods: neighbouring records that name one period together become one record.

- a qualifier gives a month its year: "May earlier this year", "April of 2015", "the June
  quarter this year", "between April and October in FY2023";
- an apposition restates a period: "this year (2015)", "next year, 2020", "the current
  financial year (FY25)", "2Q21 (April to June)", "the Apr-Jun period (Q1)" — and tells when
  the article was written;
- a range joins two: "from 2005 to 2009", "March 2022 to March 2023";
- consecutive months listed: "in March and April", "Jan, Feb".

Records are the handlers' dicts; private keys tell what a record is made of: ``_months``
(first month, count) for months named without their year, ``_relative`` (kind, shift) for
"this year", "last financial year"...

>>> recs = [{"span": [0, 3], "start": "2016-03-01", "end": "2016-03-31", "duration": "P1M"},
...         {"span": [8, 13], "start": "2016-04-01", "end": "2016-04-30", "duration": "P1M"}]
>>> [(r["span"], r["start"], r["end"]) for r in merge_compounds("Mar and April", recs)]
[([0, 13], '2016-03-01', '2016-04-30')]
"""

from __future__ import annotations

from datetime import date, timedelta

import regex

from ... import dates, scan

QUALIFIER_GAP = scan.compile_pattern(r"[ \t]+(?:(?:in|of|during)[ \t]+)?(?:the[ \t]+)?")
APPOSITION_OPEN = scan.compile_pattern(r"[ \t]*\([ \t]*")
APPOSITION_CLOSE = scan.compile_pattern(r"[ \t]*\)")
APPOSITION_COMMA = scan.compile_pattern(r",[ \t]*")
RANGE_GAP = scan.compile_pattern(r"[ \t]*(?:-|–|—|to|until|till|through)[ \t]*")
BETWEEN_GAP = scan.compile_pattern(r"[ \t]+and[ \t]+")
BETWEEN_BEFORE = scan.compile_pattern(r"\bbetween[ \t]+\Z", regex.IGNORECASE)
YEAR_RANGE_END = scan.compile_pattern(r"(?:to|until|till|and|through)[ \t]", regex.IGNORECASE)
LIST_GAP = scan.compile_pattern(r"[ \t]*(?:,|&|/|and|,[ \t]*and)[ \t]*")
#: "from 2005 to 2009", "between 2005 and 2009": a year after a year.
YEAR_AFTER = scan.compile_pattern(r"[ \t]*(?:-|–|to|until|till|and)[ \t]+(?P<year>(?:19|20)\d\d)(?![\w-])")
#: "this year (2015)", "next year, 2020": a bare year restating a relative one.
BARE_YEAR_APPOSED = scan.compile_pattern(
    r"(?:[ \t]*\([ \t]*(?P<year>(?:19|20)\d\d)[ \t]*\)|,[ \t]*(?P<year2>(?:19|20)\d\d)(?![\w-]))")


def merge_compounds(text: str, records: list[dict]) -> list[dict]:
    """``records`` (sorted by start) with each compound's parts made one record."""
    out: list[dict] = []
    for record in records:
        if out:
            merged = _merge(text, out[-1], record)
            if merged is not None:
                out[-1] = merged
                continue
        out.append(record)
    return [_with_bare_year(text, _with_year_range(text, record)) for record in out]


def _merge(text: str, a: dict, b: dict) -> dict | None:
    gap_start, gap_end = a["span"][1], b["span"][0]
    if gap_end - gap_start > 12 or gap_end < gap_start:
        return None
    if APPOSITION_OPEN.fullmatch(text, gap_start, gap_end) and APPOSITION_CLOSE.match(text, b["span"][1]):
        if a.get("_relative_year") is not None and _year_kind(b) and _explicit(b):
            # "the second quarter of the current financial year (FY25)": FY25 is current
            b["_within"] = _shifted(b, -a["_relative_year"])
    if _is_period(a) and _is_period(b):
        if APPOSITION_OPEN.fullmatch(text, gap_start, gap_end):
            close = APPOSITION_CLOSE.match(text, b["span"][1])
            if close and _same_length(a, b):
                return _apposed(a, b, close.end())
        if APPOSITION_COMMA.fullmatch(text, gap_start, gap_end) and a.get("_relative") and _explicit(b):
            return _apposed(a, b, b["span"][1])
    if a.get("_months") and b.get("_months") and BETWEEN_GAP.fullmatch(text, gap_start, gap_end) \
            and BETWEEN_BEFORE.search(text, max(0, a["span"][0] - 10), a["span"][0]):
        return _month_span(a, b)  # "between April and October"
    if _kind(a) == "year" and _kind(b) == "year" and _explicit(a) and _explicit(b) and gap_end - gap_start <= 1 \
            and YEAR_RANGE_END.match(text, b["span"][0]) and a["start"] < b["start"]:
        return _joined(a, b, b["span"][1], a["start"], b["end"])  # "from 2005 to 2009"
    if a.get("_months") and _year_kind(b) and QUALIFIER_GAP.fullmatch(text, gap_start, gap_end):
        return _qualified(a, b)
    if _explicit(a) and _explicit(b) and RANGE_GAP.fullmatch(text, gap_start, gap_end) and a["start"] < b["start"]:
        return _joined(a, b, b["span"][1], a["start"], b["end"])
    if _kind(a) == "month" and _kind(b) == "month" and LIST_GAP.fullmatch(text, gap_start, gap_end):
        if dates.add_months(date.fromisoformat(a["start"]), 1) == date.fromisoformat(b["start"]):
            return _joined(a, b, b["span"][1], a["start"], b["end"])
    if a.get("_months") and b.get("_months") and LIST_GAP.fullmatch(text, gap_start, gap_end):
        first, count = a["_months"]
        if b["_months"] == (first % 12 + 1, 1) and count == 1:  # "January and February", no year known
            merged = _joined(a, b, b["span"][1], None, None)
            merged["_months"] = (first, 2)
            return merged
    return None


def _month_span(a: dict, b: dict) -> dict:
    """Months ``a`` to ``b`` named without a year: dated from ``a`` when the anchor dated it."""
    first, _ = a["_months"]
    last = b["_months"][0] + b["_months"][1] - 1
    count = (last - first) % 12 + 1
    start = date.fromisoformat(a["start"]) if a.get("start") else None
    end = (dates.add_months(start, count) - timedelta(days=1)).isoformat() if start else None
    merged = _joined(a, b, b["span"][1], a.get("start"), end)
    merged["_months"] = (first, count)
    return merged


def _is_period(record: dict) -> bool:
    return bool(record.get("start") or record.get("_months") or record.get("_relative"))


def _same_length(a: dict, b: dict) -> bool:
    """Do two periods last as long ("2Q21 (April to June)"), so that one restates the other?"""
    return bool(a.get("duration")) and a.get("duration") == b.get("duration")


def _explicit(record: dict) -> bool:
    """A period that names its own year ("Q3 2014", "FY25"), not one the anchor placed."""
    return bool(record.get("start")) and not record.get("_months") and not record.get("_relative") \
        and not record.get("_focus")


def _joined(a: dict, b: dict, end: int, first: str | None, last: str | None) -> dict:
    merged = {key: value for key, value in a.items() if not key.startswith("_")}
    merged["_calendar"] = True
    merged["span"] = [a["span"][0], end]
    merged["start"], merged["end"] = first, last
    merged["duration"] = _duration(first, last) if first and last else None
    return merged


def _duration(first: str, last: str) -> str | None:
    start, end = date.fromisoformat(first), date.fromisoformat(last)
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    if start.day == 1 and end + timedelta(days=1) == dates.add_months(start, months):
        return "P1Y" if months == 12 else f"P{months // 12}Y" if months % 12 == 0 else f"P{months}M"
    return f"P{(end - start).days + 1}D"


def _apposed(a: dict, b: dict, end: int) -> dict:
    """"A (B)": one period; the values of whichever names its year. A relative A restated
    by an explicit B ("this year (2015)") says when the article was written."""
    source = b if _explicit(b) or not _explicit(a) and b.get("start") else a
    merged = dict(source)
    merged["_calendar"] = True
    merged["span"] = [a["span"][0], end]
    for key in ("_months", "_focus"):
        merged.pop(key, None)
    if a.get("_relative") and _explicit(b):
        merged["_within"] = _shifted(b, -a["_relative"][1])
    return merged


def _shifted(record: dict, years: int) -> tuple[str, str]:
    start, end = date.fromisoformat(record["start"]), date.fromisoformat(record["end"])
    return (dates.add_months(start, 12 * years).isoformat(),
            (dates.add_months(end + timedelta(days=1), 12 * years) - timedelta(days=1)).isoformat())


def _qualified(a: dict, b: dict) -> dict:
    """"May earlier this year", "April of 2015": the months of ``a`` in the year ``b`` names."""
    first, count = a["_months"]
    merged = _joined(a, b, b["span"][1], None, None)
    merged["duration"] = a.get("duration")
    kind = _year_kind(b)
    if b.get("start"):
        year_start = date.fromisoformat(b["start"])
        year = year_start.year if kind == "year" or first >= year_start.month else year_start.year + 1
        start = date(year, first, 1)
        merged["start"] = start.isoformat()
        merged["end"] = (dates.add_months(start, count) - timedelta(days=1)).isoformat()
    return merged


def _year_kind(record: dict) -> str | None:
    """"year" or "fiscal year" when a record is one (or a relative one: "earlier this year")."""
    relative = record.get("_relative")
    if relative and relative[0] in ("year", "fiscal year"):
        return relative[0]
    kind = _kind(record)
    return kind if kind in ("year", "fiscal year") else None


def _with_year_range(text: str, record: dict) -> dict:
    """"from 2005 to 2009": a year record and the year after it, one period."""
    if _kind(record) != "year" or not _explicit(record):
        return record
    after = YEAR_AFTER.match(text, record["span"][1])
    if after is None or int(after.group("year")) <= date.fromisoformat(record["start"]).year:
        return record
    last = f"{after.group('year')}-12-31"
    return _joined(record, record, after.end(), record["start"], last)


def _with_bare_year(text: str, record: dict) -> dict:
    """"this year (2015)", "next year, 2020": the relative year restated by a bare year."""
    relative = record.get("_relative")
    if not relative or relative[0] != "year":
        return record
    restated = BARE_YEAR_APPOSED.match(text, record["span"][1])
    if restated is None:
        return record
    year = int(restated.group("year") or restated.group("year2"))
    merged = {key: value for key, value in record.items() if key != "_relative"}
    merged["span"] = [record["span"][0], restated.end()]
    merged["start"], merged["end"], merged["duration"] = f"{year}-01-01", f"{year}-12-31", "P1Y"
    merged["_within"] = (f"{year - relative[1]}-01-01", f"{year - relative[1]}-12-31")
    return merged


def _kind(record: dict) -> str | None:
    """"month", "quarter", "year" or "fiscal year": the shape of a record's period, or None."""
    if not record.get("start") or not record.get("end"):
        return None
    first, last = date.fromisoformat(record["start"]), date.fromisoformat(record["end"])
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    if first.day != 1 or last + timedelta(days=1) != dates.add_months(first, months):
        return None
    if months == 1:
        return "month"
    if months == 3 and first.month in (1, 4, 7, 10):
        return "quarter"
    if months == 12:
        return "year" if first.month == 1 else "fiscal year" if first.month == 4 else None
    return None

