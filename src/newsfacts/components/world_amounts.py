"""Amounts in the world's formats: digits beside a currency marker that the number layer
cannot read, or reads in the English way when the amount is written another way.

"249,90 €" (a decimal comma), "12 500 Kč", "Rp 45.000", "CHF 2'199,00" (space, dot and
apostrophe thousands), "1.299,-" and "Rs 9,999/-" (no decimals), "AUD4.50" and "HKD139.90"
(a code glued to its digits), "Rs 25K" and "$15k." (thousands), "25¢". The marker decides how
the digits may be grouped: a plain space groups thousands only beside a marker written after
the amount or one of a currency not written the English way ("12 500 Kč", not "Rs 499 100");
one dot before three digits groups them only for a currency written without decimals ("Rp
45.000") or a symbol written after ("1.299 €"). Where the digits stay ambiguous ("€1.299":
1,299 or 1.299?) no amount is read at all — not even the part the number layer found — for a
wrong value is worse than none.

>>> [(a["amount"], a["currency"]) for a in world_amounts("Now 249,90 € or CHF 2'199,00.", [])[0]]
[('249.9', 'EUR'), ('2199', 'CHF')]
"""

from __future__ import annotations

import regex

from .. import scan
from .currencies import currencies
from .layout import Boilerplate
from .numbers import GROUPED, decimal_text, parse_number, read_grouped

MARKER_REACH = 44  # the longest names: "Bosnia-Herzegovina convertible marks"
DOT_THREE = scan.compile_pattern(r"\.\d{3}(?!\d)")
#: "Rs 25K", "$15k.": thousands glued to the digits.
THOUSANDS = scan.compile_pattern(r"[kK](?![^\W\d_])")
#: A unit of measure right after a number: no amount, whatever stands before it ("SAR 1.2 W/kg").
UNIT_AFTER = scan.compile_pattern(r"[ \u00a0]?(?:W/kg|kWh|kW|mAh|Wh|GB|TB|MB|MP|GHz|MHz|Hz|mm|cm|km|kg|inch(?:es)?|nits?|fps|"
                                  r"cc|bhp|PS|Nm|%)(?![^\W\d_])")
#: A separator the English way of writing digits does not use: a space, an apostrophe, a
#: decimal comma, a dash for no decimals.
WORLD_SEPARATOR = scan.compile_pattern(r"[ '’\u00a0\u202f\u2009]|,\d{1,2}(?!\d)|[.,/][-–—]")
THOUSANDS_GROUP = scan.compile_pattern(r"\d[,.]\d{3}")
#: After a cell of a flattened table row: the next cell's marker and digits, or the line's end.
ROW_GOES_ON = scan.compile_pattern(r"[A-Z][A-Za-z]{0,3}\.?\d|[ \t]*(?:\r?\n|\Z)")
SCALE_AFTER = scan.compile_pattern(r"[ \u00a0]+(?P<scale>million|billion|thousand|crore|lakh|mn|bn)\b", regex.IGNORECASE)
#: Currencies whose amounts English-language news writes the English way: a space after
#: their marker separates two numbers ("Rs 499 100 GB"), a comma groups ("Rs4,72" cut short
#: is no 4.72).
ENGLISH_STYLE = frozenset({"USD", "GBP", "INR", "PKR", "LKR", "NPR", "BDT", "AUD", "CAD", "NZD", "SGD", "HKD"})


def world_amounts(text: str, numbers: list[dict],
                  boilerplate: Boilerplate | None = None) -> tuple[list[dict], list[tuple[int, int]]]:
    """(amounts read here, spans of digits left unread as ambiguous).

    Digits the number layer read the English way and that need no other reading are left to
    it: only runs it did not find whole, or that hold a world separator, are looked at.
    """
    lexicon = currencies()
    read_until = {n["start"]: n["end"] for n in numbers}  # "500 cr": the layer read the digits and more
    found: list[dict] = []
    vetoed: list[tuple[int, int]] = []
    for match in GROUPED.finditer(text):
        start, end = match.span()
        if read_until.get(start, -1) >= end:
            if not (text.find(".", start, end) >= 0 and DOT_THREE.search(text, start, end)) and not (
                    text[start - 1:start].isalpha() and _glued_to_a_word(text, start, lexicon)):
                continue  # the number layer read these digits (and perhaps a magnitude after them)
            token = match.group()
        else:
            token = match.group()
            if not (WORLD_SEPARATOR.search(token) or _marker_may_touch(text, start, end, lexicon)):
                continue  # digits in a name ("S24", "X9d"), a date, a time: no marker beside them
        if boilerplate is not None and boilerplate.contains(start):
            continue
        reading = _read_marked(text, token, start, end, lexicon)
        if reading == "ambiguous":
            vetoed.append((start, end))
        elif reading is not None:
            found.append(reading)
    return found, vetoed


def _marker_may_touch(text: str, start: int, end: int, lexicon) -> bool:
    """A cheap look at the characters beside digits the number layer did not read: could a
    marker end right before them ("AUD4.50", "₹ 45") or start right after ("25¢", "4 590 €")?"""
    before = text[max(0, start - lexicon.prefix_reach):start]
    after = text[end:end + MARKER_REACH]
    return (lexicon.may_end_prefix(before) and not before[-1:].isalpha() or lexicon.may_end_glued(before)
            or lexicon.may_start_suffix(after) or THOUSANDS.match(after) is not None)


def _glued_to_a_word(text: str, start: int, lexicon) -> bool:
    """Do the digits at ``start`` follow a marker glued to a word ("ManualRs2,499,000"), which
    the number layer's marker search does not see?"""
    if not text[start - 1:start].isalpha():
        return False
    left = text[max(0, start - MARKER_REACH):start]
    return lexicon.prefix(left) is None


def _read_marked(text: str, token: str, start: int, end: int, lexicon) -> dict | str | None:
    """The amount the digits ``token`` at [start, end) make with a marker beside them, or
    "ambiguous", or None (no marker, or digits the number layer reads as well)."""
    thousands = THOUSANDS.match(text, end, end + 1)
    after_digits = thousands.end() if thousands else end
    left = text[max(0, start - MARKER_REACH):start]
    prefix = lexicon.prefix(left)
    if (prefix is None and lexicon.glued_prefix is not None and THOUSANDS_GROUP.search(token)
            and ROW_GOES_ON.match(text, after_digits)):
        prefix = lexicon.glued_prefix.search(left)  # "ManualRs2,499,000Rs4,052,000": a flattened table row
    after = text[after_digits:after_digits + MARKER_REACH]
    suffix = lexicon.suffix(after)
    if prefix is None and suffix is None:
        return None
    if suffix is None and UNIT_AFTER.match(text, end, end + 8):
        return None
    marker = (prefix or suffix).group("marker")
    row = lexicon.row(marker)
    code = row.get("code")
    # a symbol or code after the digits ("1.299 €", "2.499 zł", "1.299 EUR"), not a name ("1.299 euros")
    symbol_after = suffix is not None and prefix is None and (not marker.isalpha() or len(marker) <= 3)
    # an English-style marker before the digits: no decimal comma, no space groups ("99,99 $" is French)
    english = prefix is not None and (code in ENGLISH_STYLE or row.get("ambiguous") == "rupee")
    reading = read_grouped(token, plain_spaces=not english,
                           dot_thousands=code in lexicon.no_decimals or symbol_after, decimal_comma=not english)
    if reading.status == "split":  # "2019 500 €": the part beside the marker is the amount
        part = token.split(" ")[0 if prefix is not None else -1]
        start, end = (start, start + len(part)) if prefix is not None else (end - len(part), end)
        if prefix is not None:
            suffix, thousands, after_digits = None, None, end
        reading = read_grouped(part, plain_spaces=False, dot_thousands=code in lexicon.no_decimals,
                               decimal_comma=not english)
        token = part
    if reading.status == "ambiguous":
        return "ambiguous"
    if reading.status != "ok":
        return None
    value = reading.value * (1000 if thousands else 1)
    amount_end = after_digits
    magnitude = "k" if thousands else None
    scale = SCALE_AFTER.match(text, after_digits, after_digits + 16) if not thousands and prefix is not None else None
    if scale is not None:  # "CHF 1'200 million"
        value *= parse_number("1 " + scale.group("scale")) or 1
        magnitude, amount_end = scale.group("scale"), scale.end()
    if prefix is not None:
        amount_start = start - (len(left) - prefix.start("marker"))
    else:
        amount_start, amount_end = start, after_digits + suffix.end()
    value = value * row.get("multiplier", 1) / row.get("minor", 1)
    return {
        "start": amount_start, "end": amount_end, "amount": decimal_text(value), "currency": code,
        "marker": marker, "ambiguous": row.get("ambiguous"), "candidates": row.get("candidates"),
        "needs_context": row.get("needs_context"), "minor": bool(row.get("minor")), "magnitude": magnitude,
        "scale": None, "bound": "exact", "number": [start, end], "suffixed": prefix is None,
    }


def merge(amounts: list[dict], world: list[dict], vetoed: list[tuple[int, int]]) -> list[dict]:
    """The number layer's amounts, less those whose digits a world reading took or left
    ambiguous, plus the world readings."""
    if not world and not vetoed:
        return amounts
    taken = [tuple(a["number"]) for a in world] + vetoed

    def overlaps(amount: dict) -> bool:
        start, end = amount["number"]
        return any(start < t_end and t_start < end for t_start, t_end in taken)

    return sorted([a for a in amounts if not overlaps(a)] + world, key=lambda a: a["start"])
