"""Anchoring: the date an article's relative periods ("last month", "Q2", "September", "this
year") count from, how precise it is, and where it came from.

In order: the caller's date; the article's own date (a ``date`` line, a dateline or byline,
as the layout reads it); a dateline without a year ("MUMBAI, March 3 (PTI)") completed with a
year from the text; else an anchor inferred from what the text says: a relative period with
its value beside it ("this year (2015)", "the current financial year (FY25)"), the latest
full date it writes (an embedded post's), the latest period it names ("sales in July 2016":
written after July 2016), a year-ago comparison base ("up from 40,000 in June 2021": now is
June 2022).

>>> anchor = infer_anchor([Evidence(date(2016, 7, 1), date(2016, 7, 31), (30, 39))])
>>> anchor.day, anchor.precision, anchor.source
(datetime.date(2016, 8, 1), 'month', 'text')
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

import regex

from ... import dates, scan

#: Where an anchor came from: the caller's date, the article's own date, a dateline's day
#: and month with the year from the text, or what the text's dates and periods imply.
SOURCES = ("caller", "published", "dateline", "text")


@dataclass(frozen=True)
class Anchor:
    """A reference date. ``precision`` says what is known of it: the "day", the "month" (a
    date line "2020-07", or a period the text names) or the "year" only."""

    day: date
    precision: str = "day"
    source: str = "caller"
    span: tuple[int, int] | None = None

    @property
    def loose(self) -> bool:
        """Inferred from the text: a bound the article's date is not before, not its date."""
        return self.source == "text"

    def as_record(self) -> dict:
        return {"reference": self.day.isoformat(), "precision": self.precision, "source": self.source,
                "span": list(self.span) if self.span else None}


@dataclass(frozen=True)
class Evidence:
    """A period (or day) the text names with its own year: the article was written after it,
    within it (``within``: "this year (2015)"), or before its end (``ahead``: "the forecast
    for the year to March 31, 2014")."""

    start: date
    end: date
    span: tuple[int, int]
    within: bool = False
    ahead: bool = False


def stated_anchor(text: str, published: date | None, layout: dict | None = None) -> Anchor | None:
    """The date the article states for itself (or the caller gave), else None."""
    if published is not None:
        return Anchor(published, "day", "caller")
    if layout is not None and layout.get("published"):
        span = layout.get("published_span")
        return Anchor(date.fromisoformat(layout["published"]), "day", "published", tuple(span) if span else None)
    partial = PARTIAL_DATE_LINE.match(text)
    if partial:
        year, month = int(partial.group("year")), int(partial.group("month"))
        if 1 <= month <= 12:
            return Anchor(date(year, month, 1), "month", "published", partial.span("date"))
    return None


#: " date 2020-07": a date line that gives only the month.
PARTIAL_DATE_LINE = scan.compile_pattern(r"\A\s*(?P<date>date\s+(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d))(?![\d-])")


def infer_anchor(evidence: list[Evidence], dateline: tuple[int, int, tuple[int, int]] | None = None) -> Anchor | None:
    """The anchor the text's own dates and periods imply (see the module docstring); a
    dateline's (month, day, span) takes its year from them."""
    ahead = [e for e in evidence if e.ahead]
    evidence = [e for e in evidence if not e.ahead]
    anchor = _anchor_of(evidence)
    if ahead:  # a forecast for a year while all else the text dates is years older: now is that year
        soonest = min(ahead, key=lambda e: e.start)
        if anchor is None or anchor.day < soonest.start - timedelta(days=365):
            anchor = Anchor(soonest.start, "year", "text", soonest.span)
    if anchor is None:
        return None
    if dateline is not None:
        month, day, span = dateline
        year = anchor.day.year
        try:
            stated = date(year, month, day)
            if stated < anchor.day - timedelta(days=45) and not anchor.precision == "year":
                stated = date(year + 1, month, day)
        except ValueError:
            return anchor
        return Anchor(stated, "day", "dateline", span)
    return anchor


def _anchor_of(evidence: list[Evidence]) -> Anchor | None:
    if not evidence:
        return None
    inside = [e for e in evidence if e.within]
    if inside:  # "this year (2015)": the article was written within that period
        best = max(inside, key=lambda e: e.start)
        anchor = Anchor(best.start, "year", "text", best.span)
    else:
        best = max(evidence, key=lambda e: (e.start, -(e.end - e.start).days))
        length = (best.end - best.start).days
        if length == 0:
            anchor = Anchor(best.start, "day", "text", best.span)
        elif best.start.month == 1 and best.start.day == 1 and best.end == date(best.start.year, 12, 31):
            anchor = Anchor(best.end, "year", "text", best.span)  # "in 2008": within or after it
        else:
            after = best.end + timedelta(days=1)
            anchor = Anchor(after, "month" if length < 190 else "year", "text", best.span)
    return anchor


def with_source(anchor: Anchor, source: str) -> Anchor:
    return replace(anchor, source=source)


#: A dateline or byline without a year: "NEW DELHI, March 3 (PTI)", "New Delhi [India],
#: September 1 :", "Mumbai, Sep 22 (Agency)".
DATELINE_NO_YEAR = scan.compile_pattern(
    rf"(?m)^[ \t]*(?:[A-Z][\w.'-]*(?:[ \t]+[A-Z][\w.'-]*){{0,3}}(?:[ \t]*\[[A-Za-z ]+\])?,[ \t]*)"
    rf"(?P<month>{dates.month_alternation(cased=True)})\.?[ \t]+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
    rf"[ \t]*(?=[:(\-–—]|\([A-Z])")


def dateline_without_year(text: str, head: int = 600) -> tuple[int, int, tuple[int, int]] | None:
    """(month, day, span) of a year-less dateline among the first lines, or None."""
    match = DATELINE_NO_YEAR.search(text, 0, min(len(text), head))
    if match is None:
        return None
    month = dates.month_numbers()[match.group("month").casefold().rstrip(".")]
    day = int(match.group("day"))
    if not 1 <= day <= 31:
        return None
    return month, day, (match.start("month"), match.end("day"))


def reference_date(text: str, published: date | None) -> Anchor | None:
    """The anchor a text states without its Doc's layout: ``published`` or a ``date`` line
    giving only the month; :func:`~.finding.find_time_spans` infers the rest from the text."""
    return stated_anchor(text, published)


#: A sentence that looks ahead: its periods say nothing of when the article was written.
AHEAD = regex.compile(
    r"\b(?:will|shall|expected\s+to|expects?\s+to|set\s+to|going\s+to|plans?\s+to|aims?\s+to|aiming|"
    r"targets?|targeting|forecasts?|projected|scheduled|slated|upcoming|next)\b|'ll\b", regex.IGNORECASE)
#: A forecast for a period: the article is written before its end ("raised its forecast for
#: the year to March 31, 2014").
FORECAST = regex.compile(r"\b(?:forecasts?|projections?|projected|estimates?|guidance|outlook)\b", regex.IGNORECASE)
#: "compared to September 2023", "up from 41,067 units in May 2020": a year-ago base.
COMPARED_BEFORE = scan.compile_pattern(
    r"\b(?:compared\s+(?:to|with)|as\s+against|against|versus|vs\.?|over|from\s+(?:(?!\bto\b)[^.;]|\.(?=\d)){0,40}?\bin)\s+(?:the\s+)?\Z",
    regex.IGNORECASE)


def sentence_around(text: str, offset: int, reach: int = 300) -> tuple[int, int]:
    """(start, end) of the sentence around ``offset``: up to a full stop or a line break."""
    low, high = max(0, offset - reach), min(len(text), offset + reach)
    start = max(text.rfind(". ", low, offset), text.rfind("\n", low, offset), low - 1) + 1
    end = min(x for x in (text.find(". ", offset, high), text.find("\n", offset, high), high) if x >= 0)
    return start, end
