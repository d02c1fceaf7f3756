"""Finding every time span of a text: each rule runs in its trigger windows, its matches
pass the filters, handlers resolve them against the article's anchor, the longest of
overlapping candidates wins, and periods relative to the one in focus ("the previous
quarter" after "Q3 2014") are resolved against it."""

from __future__ import annotations

from datetime import date, timedelta

import regex

from ... import dates, scan
from ..layout import Boilerplate
from .anchoring import (
    AHEAD,
    COMPARED_BEFORE,
    FORECAST,
    Anchor,
    Evidence,
    dateline_without_year,
    infer_anchor,
    sentence_around,
)
from .filters import _acceptable, is_point
from .fiscal import _fiscal_context
from .merging import _kind, merge_compounds
from .phrases import rules
from .resolve import HANDLERS, Resolver
from .triggers import WINDOW_AFTER, WINDOW_BEFORE, _rule_windows, trigger


def find_time_spans(text: str, reference: date | Anchor | None, boilerplate: Boilerplate | None = None) -> list[dict]:
    """Every time span in ``text`` as plain records (see the package docstring)."""
    return find_anchored(text, reference, boilerplate)[0]


def find_anchored(text: str, reference: date | Anchor | None,
                  boilerplate: Boilerplate | None = None) -> tuple[list[dict], Anchor | None]:
    """The time spans of ``text`` and the anchor they were resolved against: ``reference``
    (a date is the caller's), else one inferred from the text (see :mod:`.anchoring`)."""
    folded = scan.folded(text)
    fiscal_context = _fiscal_context(text, folded)
    matches = list(_matches(text, folded, boilerplate))
    anchor = Anchor(reference) if isinstance(reference, date) else reference
    ahead: dict[tuple[int, int], bool] = {}  # the sentences' look-ahead tests, shared by both resolvers
    if anchor is None:
        anchor = infer_anchor(_evidence(text, matches, fiscal_context, boilerplate, ahead), dateline_without_year(text))
    records = _resolve(text, matches, Resolver(text, anchor, fiscal_context, ahead))
    _resolve_in_focus(text, records, anchor)
    for record in records:
        for key in [key for key in record if key.startswith("_")]:
            del record[key]
    return records, anchor


def _resolve(text: str, matches: list, resolver: Resolver) -> list[dict]:
    """The records of ``matches`` (longest first where they overlap), in text order, with
    compound periods merged."""
    candidates = []
    for start, end, priority, name, match in matches:
        record = HANDLERS[name](resolver, match)
        if record is None:
            continue
        record.setdefault("anchor", None)
        if name not in LENGTH_RULES:
            record["_calendar"] = True
        candidates.append((start, end, priority, record))
    ranked = sorted(candidates, key=lambda c: (-(c[1] - c[0]), c[2], c[0]))  # longest first
    chosen = scan.pick_non_overlapping((start, end, record) for start, end, _, record in ranked)
    records = sorted(({"span": [start, end], **record} for start, end, record in chosen), key=lambda r: r["span"][0])
    records = _two_digit_years(records)
    return [record for record in merge_compounds(text, records)
            if not (_calendar(record) and is_point(text, record["span"][0]))]


def _two_digit_years(records: list[dict]) -> list[dict]:
    """Keep "May 21" as May 2021 only where the text compares a month with the same month a
    year before ("in May 21, up from ... in May 20"), and other months of those years; else
    "May 21" is a date."""
    found = {record["_yy"] for record in records if record.get("_yy")}
    if not found:
        return records
    years = {yy for month, yy in found if (month, yy - 1) in found}
    years |= {yy - 1 for yy in years}
    return [record for record in records if not record.get("_yy") or record["_yy"][1] in years]


#: Rules that find lengths of time ("18 days"), not calendar periods.
LENGTH_RULES = frozenset({"duration", "compound", "duration_range", "anchored", "first_unit", "whole_unit",
                          "long_unit", "unit_beside", "day_one"})


def _calendar(record: dict) -> bool:
    """A calendar period (not a length of time), resolved or not."""
    return bool(record.get("start") or record.get("_calendar"))


def _matches(text: str, folded: str | None, boilerplate: Boilerplate | None):
    """(start, end, priority, rule name, match) of every acceptable rule match."""
    per_class = _rule_windows(folded)
    spans = scan.windows(text, trigger(), WINDOW_BEFORE, WINDOW_AFTER) if per_class is None else None
    for priority, (name, rule) in enumerate(rules()):
        windows = spans if per_class is None else per_class[name]
        for match in rule.finditer(text, folded, windows):
            start, end = match.span()
            if boilerplate is not None and boilerplate.contains(start):
                continue
            if _acceptable(text, name, match):
                yield start, end, priority, name, match


#: "quarter-on-quarter growth of 5.8% over Q2 2014": a base a quarter (or month) back, not a year.
SEQUENTIAL = regex.compile(r"\b(?:quarter[- ]on[- ]quarter|q-?o-?q|sequential(?:ly)?|month[- ]on[- ]month|m-?o-?m)\b",
                           regex.IGNORECASE)
YEAR_ON_YEAR = regex.compile(r"\b(?:year[- ](?:on|over)[- ]year|y-?o-?y|annual(?:ly)?|a\s+year\s+(?:ago|earlier))\b",
                             regex.IGNORECASE)


def _evidence(text: str, matches: list, fiscal_context: bool, boilerplate: Boilerplate | None,
              ahead: dict[tuple[int, int], bool] | None = None) -> list[Evidence]:
    """What the text's own dates and periods say of when it was written: every period named
    with its year outside a sentence that looks ahead (a year-ago base counts a year on),
    a relative period restated with its year ("this year (2015)"), every full date."""
    found = []
    calendar = [match for match in matches if match[3] not in LENGTH_RULES]  # lengths date nothing
    records = _resolve(text, calendar, Resolver(text, None, fiscal_context, ahead))
    for record in records:
        start, end = record["span"]
        if record.get("_within"):
            first, last = (date.fromisoformat(day) for day in record["_within"])
            found.append(Evidence(first, last, (start, end), within=True))
            continue
        if not record.get("start") or not record.get("end"):
            continue
        first, last = date.fromisoformat(record["start"]), date.fromisoformat(record["end"])
        if _kind(record) is None and (last - first).days > 92:
            first = last.replace(day=1)  # "from March 2022 to March 2023": written after its end
        sentence = sentence_around(text, start)
        if AHEAD.search(text, *sentence):
            if (last - first).days < 370 and FORECAST.search(text, *sentence):
                found.append(Evidence(first, last, (start, end), ahead=True))
            continue
        if COMPARED_BEFORE.search(text[max(sentence[0], start - 70):start]) and (last - first).days < 370:
            cue_text = text[max(sentence[0], start - 80):start]
            cues = [(m.end(), "seq") for m in SEQUENTIAL.finditer(cue_text)] + [(m.end(), "yoy") for m in YEAR_ON_YEAR.finditer(cue_text)]
            if not cues or max(cues)[1] == "yoy":
                first, last = _a_year_on(first), _a_year_on(last)
        found.append(Evidence(first, last, (start, end)))
    periods = [record["span"] for record in records]
    for day, match in dates.find_dates(text):
        if boilerplate is not None and boilerplate.contains(match.start()):
            continue
        if any(start <= match.start() < end for start, end in periods):
            continue  # "the year to March 31, 2014": the period says it
        if DEADLINE_BEFORE.search(text, max(0, match.start() - 20), match.start()):
            continue
        if AHEAD.search(text, *sentence_around(text, match.start())) and not WEEKDAY_BEFORE.search(
                text, max(0, match.start() - 20), match.start()):
            continue  # ahead, unless a weekday says it is near: "this Wednesday, October 18, 2023"
        found.append(Evidence(day, day, match.span()))
    return found


WEEKDAY_BEFORE = regex.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+\Z", regex.IGNORECASE)
#: "by March 31, 2026", "until June 30, 2025": a deadline, maybe far ahead.
DEADLINE_BEFORE = regex.compile(r"\b(?:by|until|till|before|through|deadline\s+of)\s+\Z", regex.IGNORECASE)


def _a_year_on(day: date) -> date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # February 29
        return day.replace(year=day.year + 1, day=28)


# --- the period in focus ------------------------------------------------------------------------

#: How far before (or after, when none precedes) a relative period its focus may lie.
FOCUS_REACH = 2500


def _resolve_in_focus(text: str, records: list[dict], anchor: Anchor | None) -> None:
    """Resolve a comparison's base "the previous quarter|month|(financial) year" and "this
    quarter" against the nearest period of that kind named before them (else after them),
    rather than the anchor: "sales rose in Q3 2014 from the previous quarter" is Q2. A dated
    article's "this quarter" is its own quarter unless the one in focus has just ended."""
    records.sort(key=lambda record: record["span"][0])
    for index, record in enumerate(records):
        focus = record.get("_focus")
        if focus is None:
            continue
        unit, shift = focus
        found = _nearest(text, records, index, unit)
        if found is None:
            continue
        kind, first = found
        step = {"month": 1, "quarter": 3}.get(kind, 12)
        if shift == 0 and anchor is not None and not anchor.loose and not (
                timedelta(0) < anchor.day - dates.add_months(first, step) < timedelta(days=62)):
            continue  # "this quarter" of a dated article is its own, unless it reports on the last
        start = dates.add_months(first, step * shift)
        end = dates.add_months(start, step) - timedelta(days=1)
        record["start"], record["end"] = start.isoformat(), end.isoformat()


def _nearest(text: str, records: list[dict], index: int, unit: str) -> tuple[str, date] | None:
    """(kind, first day) of the period of ``unit`` in focus at ``records[index]``: the nearest
    before it (else after it) that is not itself a comparison's base ("from 12.8 million in
    Q3 2013")."""
    here = records[index]["span"][0]
    before = range(index - 1, -1, -1)
    after = range(index + 1, len(records))
    for order in (before, after):
        for other in order:
            record = records[other]
            if abs(record["span"][0] - here) > FOCUS_REACH:
                break
            if record.get("_focus") is not None:
                continue  # resolved against a focus itself
            kind = _kind(record)
            if kind is None or not (kind == unit or (unit == "year" and kind in ("year", "fiscal year"))):
                continue
            start = record["span"][0]
            if not COMPARED_BEFORE.search(text[max(sentence_around(text, start)[0], start - 70):start]):
                return kind, date.fromisoformat(record["start"])
    return None
