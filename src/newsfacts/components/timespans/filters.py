"""What is not a time span: frequencies ("per day"), rates ("Rs 250 a month"), vague amounts,
anaphoric periods ("the same month last year"), written dates, points ("by April")."""

from __future__ import annotations

import regex

from ... import scan

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


