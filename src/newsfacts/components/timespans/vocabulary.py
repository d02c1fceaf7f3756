"""The time-span vocabulary (units, quantities, month names, events, fiscal marks) built from
data files, and the arithmetic that turns a quantity and a unit into an ISO 8601 duration.

>>> _duration(quantity_of("two and a half"), "hours"), _duration(quantity_of("a"), "fortnight")
('PT2.5H', 'P2W')
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache, lru_cache

import regex

from ... import dates, lexicons
from ...lexicons import alternation
from ..numbers import parse_number

FAMILY = "time_spans"
FUTURE = regex.compile(  # regex: faster than re on whole sentences
    r"\b(?:will|shall|expected to|expects to|scheduled|slated|set to|going to|plans? to|planned|"
    r"planning to|due (?:to|in)|upcoming|later this|from next|(?:begins?|starts?|commences?|opens?)\s+"
    r"(?:in|from))\b|'ll\b", regex.IGNORECASE)
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3,
            "4th": 4, "final": 4, "one": 1, "two": 2, "three": 3, "four": 4, "1": 1, "2": 2, "3": 3, "4": 4}
#: Words a duration allows between its quantity and unit: "two fiscal years", "an average day".
UNIT_ADJECTIVES = ("fiscal", "financial", "calendar", "average", "working", "business")
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
    # "three hundred and sixty-six"
    word_number = rf"(?:{word_number}(?:[ -]hundred(?:[ -](?:and[ -])?{word_number})?)?)"
    quantity = (rf"(?:\d+(?:\.\d+)?|{word_number}(?:[ -]and[ -]a[ -]half)?|an?|a[ -]single|single|another|"
                rf"(?:a[ -])?couple[ -]of|half[ -]an?|a[ -]half|half|one[ -]and[ -]a[ -]half|"
                rf"\d+(?:\.\d+)?[ -]and[ -]a[ -]half)")
    unit = rf"(?:{alternation(_units())})"
    months = dates.month_alternation()
    months_cased = dates.month_alternation(cased=True)
    events = alternation(row["event"] for row in lexicons.load("time_events"))
    # "FY24", "FY 2021-22", "the financial year 2014 to 2015", "the fiscal 2012-13", "the 2017-18
    # financial year", "2018-19 fiscal", "fiscal 2018"
    fy = (r"(?:FY\s?'?(?P<fy>\d{2}(?:\d{2})?)(?:\s*[-–/]\s*(?P<fy_end>\d{2}(?:\d{2})?))?"
          r"|(?:the\s+)?(?:financial|fiscal)\s+(?:year\s+)?(?P<fy_a>(?:19|20)\d{2})\s*(?:-|–|/|to)\s*(?P<fy_b>\d{2}(?:\d{2})?)(?!\d)"
          r"|(?:the\s+)?(?P<fy_a2>(?:19|20)\d{2})\s*[-–/]\s*(?P<fy_b2>\d{2}(?:\d{2})?)\s+(?:financial|fiscal)(?:\s+year)?"
          r"|fiscal\s+(?:year\s+)?(?P<fy_c>(?:19|20)\d{2})(?!\s*[-–/]\s*\d))")
    # the full stop of an abbreviation ("Sept."), not a sentence's after "September."
    # (two fixed-width lookbehinds, which Python's re runs; the rules using it are case-blind)
    abbreviation_dot = r"(?:(?:(?<=\b(?:jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec))|(?<=\bsept))\.)?"
    return {"quantity": quantity, "unit": unit, "unit_adjective": alternation(UNIT_ADJECTIVES),
            "months": months, "months_cased": months_cased,
            "events": events, "fy": fy, "dot": abbreviation_dot}




def _months_duration(count: int) -> str:
    return "P1Y" if count == 12 else f"P{count}M"


@lru_cache(maxsize=1024)
def _duration(quantity: Decimal, unit: str) -> str | None:
    """The ISO 8601 duration of ``quantity`` ``unit``s. Cached (bounded): equal quantities
    ("2", "2.0") give the same string, and a few ("a day", "two weeks") make most of a corpus's."""
    designator, count = _units()[unit.lower()]
    value = quantity * count
    if designator == "Y" and value != value.to_integral_value() and (value * 12) == (value * 12).to_integral_value():
        value, designator = value * 12, "M"  # "a year and a half" -> P18M
    if designator == "H" and value < 1 and (value * 60) == (value * 60).to_integral_value():
        value, designator = value * 60, "MI"  # "half an hour" -> PT30M
    number = _plain(value)
    if designator in ("H", "MI", "S"):
        return f"PT{number}{'M' if designator == 'MI' else designator}"
    return f"P{number}{designator}"


def _plain(value: Decimal) -> str:
    return str(int(value)) if value == value.to_integral_value() else format(value.normalize(), "f")


@lru_cache(maxsize=1024)
def quantity_of(text: str) -> Decimal | None:
    """"two" -> 2, "a" -> 1, "a couple of" -> 2, "half an" -> 0.5, "two and a half" -> 2.5.
    Cached: a few quantities ("two", "18", "a") make most of a corpus's."""
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


