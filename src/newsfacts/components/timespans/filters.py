"""What is not a time span: frequencies ("per day"), rates ("Rs 250 a month"), vague amounts,
anaphoric periods ("the same month last year"), written dates, points ("by April")."""

from __future__ import annotations

from functools import cache

import regex

from ... import dates, scan

# --- finding ---------------------------------------------------------------------------------

FREQUENCY_BEFORE = regex.compile(r"(?:\b(?:per|every|each|once|twice|thrice|times)\s+\Z)", regex.IGNORECASE)
PREPOSITION_BEFORE = scan.compile_pattern(r"\b(?:in|of|since|during|until|till|from|through|early|mid|late|last|this|next)\s+\Z", regex.IGNORECASE)
POINT_BEFORE = scan.compile_pattern(
    r"(?:\b(?:by|end|start|beginning|close)\s+(?:the\s+)?(?:(?:end|start|beginning|close)\s+)?(?:of\s+)?"
    r"|\b(?:as\s+(?:of|on|at)|until|till)\s+)\Z", regex.IGNORECASE)
ANAPHORIC_BEFORE = scan.compile_pattern(
    r"\b(?:same|corresponding)\s+(?:(?:period|month|quarter|week|year|day|time|season|festive|sales?|of|the|a|last|"
    r"previous)\s+){0,3}\Z", regex.IGNORECASE)
COMPARISON_AFTER = scan.compile_pattern(r"\A\s+(?:earlier|prior|before(?=\s*(?:[,.;:)]|$)))\b", regex.IGNORECASE)
#: "a year ago", "a day after": no rate ("Rs 250 a month") but a span back or ahead.
RELATIVE_AFTER = scan.compile_pattern(r"\A\s+(?:ago|earlier|later|after|before)\b", regex.IGNORECASE)
#: Not spans of time: ages ("35 years of age", "40 years old"), a time of day ("a minute past
#: midnight"), a rate's "a year on year", talk time ("900 minutes of local calls"), page chrome
#: ("5 min read", "published 13 years ago").
NOT_A_SPAN_AFTER = scan.compile_pattern(
    r"\A(?:[\s-]+old\b|\s+of\s+age\b|\s+(?:past|to)\s+(?:midnight|noon|\d)|[\s-]+(?:on|over)[\s-]+(?:year|month|quarter)\b"
    r"|\s+of\s+(?:[\w-]+\s+){0,2}?(?:talk\s*time|calls?|calling|voice)\b|\s+read\b)", regex.IGNORECASE)
#: "1.5GB of high speed data in a day", "100 SMS for a day": data or messages per day.
ALLOWANCE_BEFORE = scan.compile_pattern(r"\d\s*(?:[GM]Bs?|SMS(?:es)?)\b(?:[^.;\d]){0,45}\b(?:in|for|per)\s+\Z", regex.IGNORECASE)
QUARTER_OF_AFTER = scan.compile_pattern(r"\A\s+of\b(?!\s+(?:its|the)\s+(?:launch|sale))", regex.IGNORECASE)
CHROME_BEFORE = scan.compile_pattern(r"\b(?:published|updated|posted)\s+\Z", regex.IGNORECASE)
#: "OnePlus TV Q1", "TV Q1 Pro": a model's name, not a quarter.
MODEL_BEFORE = scan.compile_pattern(r"(?<![\w-])(?:[A-Z]{2,}|[A-Z][a-z]+[A-Z][\w]*)\s+\Z")
MODEL_AFTER = scan.compile_pattern(r"\A\s+(?:Pro|Max|Plus|Lite|Ultra|Mini|Neo)\b")
#: "Rs 250 a month", "250,000 battery packs a year": a number, up to three words, then "a".
RATE_BEFORE = scan.compile_pattern(
    r"\d[\d,.]*%?(?:[ \t]+(?!(?:in|within|for|over|during|after|of|just|only|about|around|nearly|"
    r"under|than|take|took|takes|taken|in)\b)[A-Za-z-]{1,15}){0,3}[ \t]+\Z", regex.IGNORECASE)
DATE_AROUND = scan.compile_pattern(r"\A\s*[0-3]?\d(?:st|nd|rd|th)?\b(?!\s*(?:-|–|to)\s*[0-3]?\d)")
DAY_BEFORE = scan.compile_pattern(r"\b[0-3]?\d(?:st|nd|rd|th)?\s+(?:of\s+)?\Z")
DAY_OF_BEFORE = scan.compile_pattern(r"\b[0-3]?\d(?:st|nd|rd|th)?\s+of\s+\Z")
VAGUE_QUANTITY = {"few", "a few", "several", "some", "many", "couple"}


def _acceptable(text: str, name: str, match: regex.Match) -> bool:
    """Frequencies, vague amounts and written dates are not time spans."""
    before = text[max(0, match.start() - 20):match.start()]
    after = text[match.end():match.end() + 24]
    groups = match.groupdict()
    quantity = (groups.get("qty") or groups.get("q1") or "").lower()
    if quantity in VAGUE_QUANTITY:
        return False
    if _may_be_anaphoric(text, match.start()) and ANAPHORIC_BEFORE.search(text, max(0, match.start() - 40), match.start()):
        return False  # "the same month last year"
    unit = (groups.get("unit") or "").lower()
    if name in ("duration", "compound", "duration_range", "anchored", "first_unit"):
        if FREQUENCY_BEFORE.search(before) and not groups.get("pre"):
            return False  # "every two weeks", "per day"
        if quantity in ("a", "an") and not (groups.get("ago") or RELATIVE_AFTER.match(after)):
            if RATE_BEFORE.search(before):
                return False  # "Rs 250 a month", "1,000 cars a day"
            if ALLOWANCE_BEFORE.search(text, max(0, match.start() - 60), match.start()):
                return False  # "1.5GB of data in a day", "100 SMS for a day": an allowance's rate
        if unit.startswith("quarter") and QUARTER_OF_AFTER.match(after):
            return False  # "a quarter of the market": a share
        if NOT_A_SPAN_AFTER.match(after) or (groups.get("ago") and CHROME_BEFORE.search(before)):
            return False
        if COMPARISON_AFTER.match(text[match.end():match.end() + 12]):
            return False  # "a year earlier": a comparison, not a period
        if unit == "h" and groups.get("unit") == "H":
            return False  # "Core Ultra 5 125H": a chip's name, not 125 hours
        if unit.startswith("sec") and quantity in ("a", "an"):
            return False  # "a second plant"
    if name == "quarter" and groups.get("q") and not groups.get("year") and not groups.get("fy") and (
            MODEL_BEFORE.search(before) or MODEL_AFTER.match(after)):
        return False  # "OnePlus TV Q1 Pro"
    if name == "half" and groups.get("h") and (before.endswith(("<", "/")) or after.startswith(">")):
        return False  # an HTML heading tag "<h2>"
    if name == "relative" and DAY_OF_BEFORE.search(before):
        return False  # "the 20th of this month": a date
    if name == "month":
        if len(groups["month"]) <= 4 and groups["month"] not in ("May", "June", "July") and not (
                groups.get("year") or PREPOSITION_BEFORE.search(before) or _listed_month(text, match)):
            return False  # "Jun" of "Lei Jun"; abbreviations need a year or "in"/"of"
        after = text[match.end():match.end() + 8]
        if DAY_BEFORE.search(before) or (not (groups.get("year") or groups.get("relyear")) and DATE_AROUND.match(after)):
            return False  # "October 5", "5 October 2019": a date
    return True


def _may_be_anaphoric(text: str, start: int) -> bool:
    """Can ANAPHORIC_BEFORE match before ``start``: a cheap test for its words first (on ASCII
    text, where case-blind matching is plain lower-casing)."""
    before = text[max(0, start - 40):start]
    if not before.isascii():
        return True
    before = before.lower()
    return "same" in before or "corresponding" in before


def _listed_month(text: str, match: regex.Match) -> bool:
    """Is a month abbreviation listed with another month ("Jan, Feb", "Mar-Apr")?"""
    after = LISTED_MONTH_AFTER().match(text, match.end(), match.end() + 20)
    return after is not None or LISTED_MONTH_BEFORE().search(text, max(0, match.start() - 20), match.start()) is not None


@cache
def LISTED_MONTH_AFTER() -> regex.Pattern:  # noqa: N802 - a cached constant
    return scan.compile_pattern(rf"\s*(?:,|&|/|and|-|–|to)\s*(?:{dates.month_alternation(cased=True)})\b")


@cache
def LISTED_MONTH_BEFORE() -> regex.Pattern:  # noqa: N802 - a cached constant
    return scan.compile_pattern(rf"\b(?:{dates.month_alternation(cased=True)})\.?\s*(?:,|&|/|and)\s*\Z")


def is_point(text: str, start: int) -> bool:
    """Does a period at ``start`` stand for a point in time: "by April", "by the end of
    2022", "as of mid-April 2010", "until 2013", "toward the end of Q4"?"""
    return POINT_BEFORE.search(text, max(0, start - 30), start) is not None


