"""Money: every amount with its value, currency and bound, as a Price or as other Money.

An amount is a number (from the numbers layer) with a currency marker before it ("Rs 16,999",
"Rs.16,999", "₹ 1.5 lakh", "US$1.5 billion", "INR 2,000 crore") or after it ("2,000
rupees", "60,413.17 Million US Dollars", "3,999 yuan", "10 €"); a number joined to an amount
by a range ("Rs 7-9 lakh", "₹7,000 to ₹14,000", "between Rs 10,000 and 15,000"); or a bare
number in a table column headed with a currency ("On-road price (Rs)"). Markers, bound words
and price/money cue words are data (``data/currencies.jsonl``, ``bounds.jsonl``,
``money_cues.jsonl``).

>>> [(a["amount"], a["currency"], a["bound"]) for a in find_amounts("Priced under Rs 1.5 lakh")]
[('150000', 'INR', 'at_most')]

Classification: a Price is what a product, variant or plan costs ("priced at", "costs",
"the Rs 399 plan", "EMI"); Money is everything else ("revenue", "cashback", "worth"). The
nearest cue word decides; an amount without one follows the amount before it in the
sentence; then big magnitudes (crores, billions) are money and amounts beside a product word
are prices. A price carries its product (same sentence, else section heading, else the
article's main product) and its variant ("6 GB RAM + 128 GB").
"""

from __future__ import annotations

import bisect
import re
from decimal import Decimal
from functools import cache

import regex
from spacy.language import Language
from spacy.tokens import Doc

from .. import docdata, lexicons, scan
from ..lexicons import alternation
from ..scan import compiled
from .currencies import RUPEE_CODES, currencies, resolve
from .layout import Boilerplate, get_layout
from .numbers import decimal_text, find_numbers, get_numbers, parse_number
from .products import ProductIndex, get_products
from .world_amounts import UNIT_AFTER, merge, world_amounts

#: Characters looked at on each side of a number for its currency marker.
MARKER_REACH = 44  # the longest names: "Bosnia-Herzegovina convertible marks"
CUE_REACH_LEFT = 90
CUE_REACH_RIGHT = 40
#: Cue words further than this many words from an amount do not decide its class.
MAX_CUE_WORDS_LEFT = 10
MAX_CUE_WORDS_RIGHT = 1
#: "$15 and 20c": cents written with a bare "c" after a whole amount.
CENTS_AFTER = scan.compile_pattern(r"[ \u00a0]+(?:and[ \u00a0]+)?(?P<cents>\d{1,2})[ \u00a0]?c(?![^\W\d_])")
CHANGE_REACH = 300  # "It drops to $1,875": the amount it changes from stands this close before
RANGE_GAP = 40  # "Rs 10,000 and 15,000": the words between two ends of a range, at most
BIG_AMOUNT = Decimal(10_000_000)  # one crore: larger amounts without a cue are money
#: Magnitudes money writes that plain numbers do not: "Rs 12.5 L", "$5m", "$1.2B".
EXTRA_MAGNITUDE = scan.compile_pattern(r"(?:[ \u00a0]?(?P<lakh>L|Lakh|Lac)|(?P<million>m|M|mln)|(?P<billion>B|b))(?![\w])")
EXTRA_MAGNITUDE_FIRST = frozenset("LmMBb")  # what EXTRA_MAGNITUDE can start with, but a space before "L"
EXTRA_FACTORS = {"lakh": 100_000, "million": 1_000_000, "billion": 1_000_000_000}
RANGE_JOIN = scan.compile_pattern(r"\A\s*(?:-|–|—|to|till|upto|→|->)\s*\Z", regex.IGNORECASE)
BETWEEN_JOIN = scan.compile_pattern(r"\A\s*(?:and|&)\s*\Z", regex.IGNORECASE)
BETWEEN_BEFORE = scan.compile_pattern(r"\bbetween\s+(?:\S+\s+){0,2}\Z", regex.IGNORECASE)
CHANGE_WORDS = scan.compile_pattern(
    r"\b(?:rose|rise|rises|risen|fell|fall|falls|fallen|up|down|increased?|decreased?|cut|cuts|"
    r"dropped|drops?|jumped|jumps?|climbed|climbs?|grew|grows?|declined?|hiked?|raised|reduced?|"
    r"slashed|slipped|surged|soared|plunged|gained|lowered|revised|moved|went|goes|back)\b",
    regex.IGNORECASE,
)
PRODUCT_WORDS = scan.compile_pattern(
    r"\b(?:phones?|smartphones?|handsets?|devices?|laptops?|notebooks?|tablets?|TVs?|televisions?|"
    r"cars?|SUVs?|hatchbacks?|sedans?|scooters?|bikes?|motorcycles?|variants?|models?|versions?|"
    r"plans?|packs?|watch(?:es)?|earbuds|headphones|speakers?|consoles?|cameras?|"
    r"refrigerators?|washing machines?|ACs?|air conditioners?)\b",
    regex.IGNORECASE,
)
#: RAM/storage variants: "6 GB", "4GB RAM/64GB storage", "8GB RAM + 128GB storage", "6GB/128GB".
MEMORY_VARIANT = scan.compile_pattern(
    r"\b\d+\s?(?:GB|TB)(?:\s?(?:RAM|LPDDR\w*))?(?:\s?(?:\+|/|and|with|&)\s?(?:an?\s+)?\d+\s?(?:GB|TB)"
    r"(?:\s?(?:of\s+)?(?:storage|ROM|internal storage|inbuilt storage|SSD|UFS\s?[\d.]+))?)?"
    r"(?=\s+(?:RAM\s+)?(?:variant|model|version|option|trim|configuration|edition)\b|\s*[,;)]|\.(?!\d)|\s*$"
    r"|\s+(?:is|costs|at|for|will|has|carries|gets|sells|now|comes|and)\b)",
    regex.IGNORECASE,
)
#: Other named variants: "Core i7 variant", "3 kWh variant", "base model", "top-end version".
NAMED_VARIANT = scan.compile_pattern(
    r"\b(?:Core i\d|i\d|Ryzen \d|\d+(?:\.\d+)?\s?kWh|\d+(?:\.\d+)?-litre[\w -]*?)(?=\s+(?:variant|model|version|trim))"
    r"|\b(?:base|top-end|top|entry-level|mid|higher|lower|standard|long-range)\s+(?:variant|model|version|trim)\b",
    regex.IGNORECASE,
)
#: Each variant pattern with the words one of which every match holds: a clause holding none
#: is not searched (a substring test costs a fraction of a search that tries every position).
VARIANT_WORDS = ((MEMORY_VARIANT, ("gb", "tb")), (NAMED_VARIANT, ("variant", "model", "version", "trim")))
#: "Rs 31,999 for the 12GB RAM + 256GB storage variant": the variant follows its price.
FOR_VARIANT = scan.compile_pattern(r"\A\s*(?:\([^)]*\)\s*)?for\s+(?:the|its|a)?\s*")
TABLE_CURRENCY = regex.compile(  # regex: faster than re on whole texts
    r"\((?:in\s+)?(?P<marker>Rs\.?|₹|INR|\$|US\$|€|£|Rs)\s*(?P<scale>lakh|crore|cr|million|mn|billion|bn)?\)"
    r"|\bin\s+(?P<marker2>Rs\.?|₹|INR)\s*(?P<scale2>lakh|crore|cr)?\b",
    regex.IGNORECASE,
)
#: TABLE_CURRENCY's two branches apart, each led by its literal ("(", "in"): two quick scans find
#: where it can match, far faster than the combined pattern tried at every position.
TABLE_CURRENCY_BRACKETED = regex.compile(
    r"\((?:in\s+)?(?:Rs\.?|₹|INR|\$|US\$|€|£|Rs)\s*(?:lakh|crore|cr|million|mn|billion|bn)?\)", regex.IGNORECASE)
TABLE_CURRENCY_IN = regex.compile(r"\bin\s+(?:Rs\.?|₹|INR)\s*(?:lakh|crore|cr)?\b", regex.IGNORECASE)
TABLE_SPLIT = scan.compile_pattern(r"\s*\|\s*|\t+|\s{2,}")


# --- lexicons -------------------------------------------------------------------------------

@cache
def _bounds() -> tuple[regex.Pattern, regex.Pattern, dict[str, str], dict[str, str]]:
    before = {r["phrase"].casefold(): r["bound"] for r in lexicons.load("bounds") if r["side"] == "before"}
    after = {r["phrase"].casefold(): r["bound"] for r in lexicons.load("bounds") if r["side"] == "after"}
    before_re = scan.compile_pattern(rf"(?<![\w-])(?P<phrase>{alternation(before)})[ \u00a0-]*\Z", regex.IGNORECASE)
    after_re = scan.compile_pattern(rf"\A[ \u00a0]*(?P<phrase>{alternation(after)})(?![\w])", regex.IGNORECASE)
    return before_re, after_re, before, after


@cache
def _bound_endings() -> frozenset[str] | None:
    """The last two letters of each before-phrase (its spaces and hyphens aside), lower-cased;
    of a one-letter phrase, that letter. A text ending in none needs no search. None when a
    phrase is not all ASCII (then case-blind matching is no plain lower-casing)."""
    phrases = [phrase.rstrip(" \u00a0-").lower() for phrase in _bounds()[2]]
    if not all(phrase.isascii() for phrase in phrases):
        return None
    return frozenset(phrase[-2:] for phrase in phrases)


def _may_end_in_bound(left: str, endings: frozenset[str] | None) -> bool:
    """Can a before-phrase end ``left`` (spaces and hyphens aside)? A cheap look at its end."""
    tail = left.rstrip(" \u00a0-")[-2:]
    if endings is None or not tail.isascii():
        return True
    tail = tail.lower()
    return tail in endings or tail[-1:] in endings


@cache
def _cues() -> dict[str, tuple[re.Pattern, dict[str, str]]]:
    """For (side, strength): a regex of cue phrases and phrase -> class."""
    groups: dict[str, dict[str, str]] = {}
    for row in lexicons.load("money_cues"):
        key = f"{row['side']}:{row['strength']}"
        groups.setdefault(key, {})[row["cue"].casefold()] = row["class"]
    # plain ``re`` over lower-cased text: several times faster than a case-blind ``regex``
    return {
        key: (re.compile(rf"(?<![\w-])(?:{alternation(phrases)})(?![\w-])"), phrases)
        for key, phrases in groups.items()
    }


# --- finding amounts -------------------------------------------------------------------------

def find_amounts(text: str, numbers: list[dict] | None = None,
                 boilerplate: Boilerplate | None = None) -> list[dict]:
    """Every amount of money in ``text`` as plain dicts (no price/money class yet).

    Each has ``start``, ``end``, ``amount`` (a decimal string), ``currency``, ``bound`` and
    ``magnitude`` (the scale word, if any).
    """
    if numbers is None:
        numbers = find_numbers(text)
    amounts: list[dict] = []
    bare: list[dict] = []  # numbers without a marker, candidates for ranges and tables
    consumed_until = -1  # a suffix marker taken by one amount is no prefix of the next
    lexicon = currencies()
    for i, number in enumerate(numbers):
        start, end = number["start"], number["end"]
        if boilerplate is not None and boilerplate.contains(start):
            continue
        # the cheap look-ups first: most numbers have no marker beside them
        suffix_from = end
        if number["magnitude"] is None:
            extra = _extra_magnitude(text, end)
            suffix_from = extra.end() if extra else end
        if not lexicon.may_touch(text[max(0, start - MARKER_REACH, consumed_until):start],
                                 text[suffix_from:suffix_from + MARKER_REACH]):
            bare.append(number)
            continue
        following = numbers[i + 1] if i + 1 < len(numbers) else None
        amount = _amount_at(text, number, following, consumed_until)
        if amount is None:
            bare.append(number)
            continue
        if amount["suffixed"]:
            consumed_until = amount["end"]
        amounts.append(amount)
    amounts = merge(amounts, *world_amounts(text, numbers, boilerplate))
    amounts = _compound_minor_units(text, amounts, numbers)
    _mark_marked_ranges(text, amounts)
    amounts = _join_ranges(text, amounts, bare)
    amounts += _table_amounts(text, bare, amounts, boilerplate)
    amounts += _restated_and_crore_amounts(text, bare, amounts)
    amounts.sort(key=lambda a: a["start"])
    amounts = resolve(text, amounts)
    _set_bounds(text, amounts)
    return amounts


def _amount_at(text: str, number: dict, following: dict | None, consumed_until: int) -> dict | None:
    """The amount a number makes with the currency marker before or after it, or None.

    ``following`` is the next number: a marker between the two ("rmb 10 usd 20", "3 USD50")
    belongs to the number it touches. Markers before ``consumed_until`` are taken already.
    """
    lexicon = currencies()
    start, end = number["start"], number["end"]
    left = text[max(0, start - MARKER_REACH, consumed_until):start]
    prefix = lexicon.prefix(left)
    extra = _extra_magnitude(text, end) if number["magnitude"] is None else None
    suffix_from = extra.end() if extra else end
    after = text[suffix_from:suffix_from + MARKER_REACH]
    suffix = lexicon.suffix(after)
    if suffix and following is not None:
        marker_end = suffix_from + suffix.end()
        glued_to_next = following["start"] == marker_end and suffix.group(0)[:1].isspace()
        next_is_right_after = text[marker_end:following["start"]].strip() == ""
        if (prefix and next_is_right_after) or (not prefix and glued_to_next):
            suffix = None
    if prefix and suffix:  # "Rs 500 rupees" / "$ 5 cents": one marker is enough
        minor = lexicon.row(suffix.group("marker")).get("minor")
        prefix, suffix = (None, suffix) if minor else (prefix, None)
    if not prefix and not suffix:
        return None
    if prefix and not suffix and UNIT_AFTER.match(text, end, end + 8):
        return None  # "SAR 1.2 W/kg": a specification's value after an abbreviation
    marker = (prefix or suffix).group("marker")
    row = lexicon.row(marker)
    value, magnitude, scale = Decimal(number["value"]), number["magnitude"], number["scale"]
    amount_end = end
    if extra and not (extra.lastgroup == "lakh" and row["code"] not in ("INR", *RUPEE_CODES.values())):
        factor = EXTRA_FACTORS[extra.lastgroup]
        value, magnitude, scale = value * factor, extra.group(extra.lastgroup), str(factor)
        amount_end = extra.end()
    if suffix:
        amount_end = suffix_from + suffix.end()
        after = lexicon.scale_after_marker.match(text[amount_end:amount_end + 16])
        if after and magnitude is None:  # "75 USD million"
            factor = parse_number("1 " + after.group("scale")) or Decimal(1)
            value, magnitude, scale = value * factor, after.group("scale"), str(factor)
            amount_end += after.end()
    value = value * row.get("multiplier", 1) / row.get("minor", 1)
    return {
        "start": start - (len(left) - prefix.start("marker")) if prefix else start,
        "end": amount_end, "amount": _clean(value), "currency": row["code"], "marker": marker,
        "ambiguous": row.get("ambiguous"), "candidates": row.get("candidates"),
        "needs_context": row.get("needs_context"), "minor": bool(row.get("minor")),
        "magnitude": magnitude, "scale": scale, "bound": "exact", "number": [start, end],
        "suffixed": suffix is not None,
    }


def _extra_magnitude(text: str, end: int):
    """``EXTRA_MAGNITUDE`` matched at ``end``, tried only where its first letter stands."""
    first = text[end:end + 1]
    if first == " " or first == "\u00a0":
        if text[end + 1:end + 2] != "L":
            return None
    elif first not in EXTRA_MAGNITUDE_FIRST:
        return None
    return EXTRA_MAGNITUDE.match(text, end, end + 8)


_clean = decimal_text


def _compound_minor_units(text: str, amounts: list[dict], numbers: list[dict]) -> list[dict]:
    """"3 dollars 50 cents", "15 dollars and 50.": the minor part joins the major amount."""
    merged: list[dict] = []
    starts = {n["start"]: n for n in numbers}
    for amount in amounts:
        previous = merged[-1] if merged else None
        if (previous is not None and amount["minor"] and not previous["minor"]
                and amount["currency"] in (previous["currency"], "USD")
                and compiled(r"\s*(?:and\s+)?").fullmatch(text[previous["end"]:amount["number"][0]])
                and Decimal(amount["amount"]) < 1 and previous["magnitude"] is None):
            previous["amount"] = _clean(Decimal(previous["amount"]) + Decimal(amount["amount"]))
            previous["end"] = amount["end"]
            continue
        merged.append(amount)
    # "15 dollars 50." / "c $ 100 and fifty." with no word for the minor unit; "$15 and 20c"
    for amount in merged:
        if amount["magnitude"] is not None or amount["minor"] or amount["end"] >= len(text):
            continue
        cents = CENTS_AFTER.match(text, amount["end"], amount["end"] + 12)
        if cents is not None:
            amount["amount"] = _clean(Decimal(amount["amount"]) + Decimal(cents.group("cents")) / 100)
            amount["end"] = cents.end()
            continue
        gap = compiled(r"[ \u00a0]+(?:and[ \u00a0]+)?").match(text[amount["end"]:amount["end"] + 6])
        if not gap:
            continue
        number = starts.get(amount["end"] + gap.end())
        if number is None or number["magnitude"] is not None:
            continue
        minor = Decimal(number["value"])
        tail = text[number["end"]:number["end"] + 2]
        if minor < 100 and minor == minor.to_integral_value() and compiled(r"\s*(?:[.!?,;]|$)").match(tail):
            if amount["marker"].casefold() in ("$", "dollar", "dollars", "usd", "us dollars", "c $", "c$"):
                amount["amount"] = _clean(Decimal(amount["amount"]) + minor / 100)
                amount["end"] = number["end"]
    return merged


def _mark_marked_ranges(text: str, amounts: list[dict]) -> None:
    """"₹7,000 to ₹14,000", "between $5 and $10": both ends carry a marker."""
    for first, second in zip(amounts, amounts[1:]):
        between = text[first["end"]:second["start"]]
        if first["currency"] != second["currency"] or first["minor"] or second["minor"]:
            continue
        if RANGE_JOIN.match(between) or (BETWEEN_JOIN.match(between) and BETWEEN_BEFORE.search(
                text[max(0, first["start"] - 40):first["start"]])):
            second["range_with"] = first["start"]


def _join_ranges(text: str, amounts: list[dict], bare: list[dict]) -> list[dict]:
    """A bare number joined to an amount ("Rs 7-9 lakh", "Rs 15,000-20,000") is an amount."""
    if not bare:
        return amounts
    ends = [a["end"] for a in amounts]
    joined: list[dict] = []
    for number in bare:
        i = bisect.bisect_right(ends, number["start"]) - 1
        first = amounts[i] if i >= 0 else None
        if joined and joined[-1]["end"] <= number["start"] and (first is None or joined[-1]["end"] > first["end"]):
            first = joined[-1]  # a chain: "Rs 5-6-7 lakh"
        if first is None or number["start"] - first["end"] > RANGE_GAP:
            continue
        between = text[first["end"]:number["start"]]
        joined_by_between = BETWEEN_JOIN.match(between) and BETWEEN_BEFORE.search(
            text[max(0, first["start"] - 40):first["start"]])
        if not (RANGE_JOIN.match(between) or joined_by_between) or first["minor"]:
            continue
        value = Decimal(number["value"])
        if number["scale"] and first["magnitude"] is None:
            # "Rs 7-9 lakh": the magnitude belongs to both ends
            first["amount"] = _clean(Decimal(first["amount"]) * Decimal(number["scale"]))
            first["magnitude"] = number["magnitude"]
        elif number["scale"] is None and first.get("scale"):
            value *= Decimal(first["scale"])  # "Rs 5 crore to 6"
        joined.append({
            "start": number["start"], "end": number["end"], "amount": _clean(value),
            "currency": first["currency"], "marker": first["marker"], "ambiguous": first["ambiguous"],
            "candidates": first.get("candidates"), "needs_context": first.get("needs_context"),
            "minor": False, "magnitude": number["magnitude"] or first["magnitude"], "bound": "exact",
            "number": [number["start"], number["end"]], "range_with": first["start"],
            "scale": number["scale"] or first.get("scale"),
        })
    return sorted(amounts + joined + _ends_before(text, amounts, bare), key=lambda a: a["end"])


def _ends_before(text: str, amounts: list[dict], bare: list[dict]) -> list[dict]:
    """A bare number that opens a range whose currency comes after its other end: "between
    30 and 40 dollars", "5-6 lakh rupees"."""
    bare_ends = [number["end"] for number in bare]
    found = []
    for amount in amounts:
        if amount["start"] != amount["number"][0] or amount["minor"] or amount.get("range_with") is not None:
            continue  # the marker stands before the amount, or the amount closes a range already
        k = bisect.bisect_right(bare_ends, amount["start"]) - 1
        if k < 0 or amount["start"] - bare_ends[k] > RANGE_GAP:
            continue
        number = bare[k]
        between = text[number["end"]:amount["start"]]
        if not (RANGE_JOIN.match(between) or (BETWEEN_JOIN.match(between) and BETWEEN_BEFORE.search(
                text[max(0, number["start"] - 40):number["start"]]))):
            continue
        value = Decimal(number["value"])
        if number["scale"] is None and amount.get("scale"):
            value *= Decimal(amount["scale"])  # "5-6 lakh rupees": the magnitude is both ends'
        amount["range_with"] = number["start"]
        found.append({**amount, "start": number["start"], "end": number["end"], "amount": _clean(value),
                      "magnitude": number["magnitude"] or amount["magnitude"], "bound": "exact",
                      "number": [number["start"], number["end"]], "range_with": None, "suffixed": False})
    return found


#: "Rs. 2,349,000 (around 24 lakhs)": the same amount restated in brackets, without a marker.
RESTATED = scan.compile_pattern(r"[ \u00a0]*\([ \u00a0]*(?:(?:around|about|approx\.?|approximately|roughly|nearly|"
                                r"over|some|almost|or)[ \u00a0]+)?\Z", regex.IGNORECASE)
#: "valuing the company at 19,626.27 crore": money told by its words, in a text of rupees.
CRORE_CUE = scan.compile_pattern(r"\b(?:valu(?:ed|ing|ation)|worth|revenue|revenues|turnover|profit|loss|income|"
                                 r"market\s+cap(?:italisation|italization)?|investment|invest(?:ed|s)?|funding|sales|GMV|"
                                 r"debt|capex|outlay|budget)\b(?:\s+\S+){0,4}?\s+(?:at|of|to|by|worth|was|is|stood\s+at)?\s*\Z",
                                 regex.IGNORECASE)
CRORE_WORDS = frozenset(("crore", "crores", "cr"))
#: "2 crore units", "1.1 crore customers": a count, not money — a noun right after the number.
COUNTED_AFTER = scan.compile_pattern(r"\s+(?!(?:in|of|for|from|by|to|and|or|on|at|as|while|which|during|this|that|"
                                     r"last|with|against|compared|up|down|rupees?|INR)\b)[a-z][\w-]*", regex.IGNORECASE)


def _restated_and_crore_amounts(text: str, bare: list[dict], amounts: list[dict]) -> list[dict]:
    """Bare numbers that are money all the same: an amount restated in brackets right after
    one ("Rs. 2,349,000 (around 24 lakhs)") is in its currency; crores after a money word in
    a text that counts rupees ("valued at 12,500 crore") are rupees."""
    if not amounts:
        return []
    taken = {a["number"][0] for a in amounts}
    ends = sorted((a["end"], i) for i, a in enumerate(amounts))
    rupees = next((a for a in amounts if a["currency"] == "INR" or a.get("ambiguous") == "rupee"), None)
    found = []
    for number in bare:
        if number["start"] in taken or number["magnitude"] is None:
            continue
        k = bisect.bisect_right(ends, (number["start"], len(amounts))) - 1
        before = amounts[ends[k][1]] if k >= 0 else None
        if (before is not None and number["start"] - before["end"] <= 24 and number["scale"]
                and RESTATED.search(text, before["end"], number["start"])
                and text[number["end"]:number["end"] + 2].lstrip()[:1] == ")"):
            source = before
        elif (rupees is not None and number["magnitude"].lower() in CRORE_WORDS
              and CRORE_CUE.search(text, max(0, number["start"] - 60), number["start"])
              and not COUNTED_AFTER.match(text, number["end"], number["end"] + 30)):
            source = rupees
        else:
            continue
        found.append({
            "start": number["start"], "end": number["end"], "amount": number["value"],
            "currency": source["currency"], "marker": source["marker"], "ambiguous": source.get("ambiguous"),
            "candidates": source.get("candidates"), "needs_context": source.get("needs_context"),
            "minor": False, "magnitude": number["magnitude"], "scale": number["scale"], "bound": "exact",
            "number": [number["start"], number["end"]],
        })
    return found


def _table_amounts(text: str, bare: list[dict], amounts: list[dict],
                   boilerplate: Boilerplate | None) -> list[dict]:
    """Bare numbers in a table column whose header names a currency: "On-road price (Rs)"."""
    found: list[dict] = []
    headers = _table_currency_headers(text)
    if not headers:
        return found
    taken = {a["number"][0] for a in amounts}
    bare_at = {number["start"]: number for number in bare}
    table_end = -1  # rows already read belong to the table above them
    for header in headers:
        if header.start() < table_end:
            continue
        line_start = scan.line_start(text, header.start())
        line_end = scan.line_end(text, header.end())
        cells = TABLE_SPLIT.split(text[line_start:line_end].strip())
        if len(cells) < 2:
            continue
        column = next((k for k, cell in enumerate(cells) if TABLE_CURRENCY.search(cell)), None)
        if column is None:
            continue
        marker = header.group("marker") or header.group("marker2")
        scale_word = header.group("scale") or header.group("scale2")
        row = currencies().row(marker) if marker else None
        if row is None:
            continue
        position = line_end + 1
        while position < len(text):
            end = scan.line_end(text, position)
            table_end = end
            line = text[position:end]
            if not line.strip():
                break
            cells_here = TABLE_SPLIT.split(line.strip())
            if len(cells_here) == len(cells) and column < len(cells_here):
                cell = cells_here[column]
                offset = position + (len(line) - len(line.lstrip())) + line.strip().find(cell)
                number = bare_at.get(offset)
                if (number is not None and number["end"] == offset + len(cell) and offset not in taken
                        and not (boilerplate and boilerplate.contains(offset))):
                    value = Decimal(number["value"])
                    if scale_word:
                        value *= parse_number("1 " + scale_word) or 1
                    found.append({
                        "start": number["start"], "end": number["end"], "amount": _clean(value),
                        "currency": row["code"], "marker": marker, "ambiguous": row.get("ambiguous"),
                        "minor": False, "magnitude": scale_word, "bound": "exact",
                        "number": [number["start"], number["end"]], "table": True,
                    })
            position = end + 1
    return found


def _table_currency_headers(text: str) -> list:
    """``TABLE_CURRENCY.finditer(text)``, found by its branches' quick scans and matched again
    at each place one matched (in text order, none overlapping the one before)."""
    starts = sorted([m.start() for m in TABLE_CURRENCY_BRACKETED.finditer(text)]
                    + [m.start() for m in TABLE_CURRENCY_IN.finditer(text)])
    headers, searched_to = [], 0
    for start in starts:
        if start < searched_to:
            continue
        header = TABLE_CURRENCY.match(text, start)
        headers.append(header)
        searched_to = header.end()
    return headers


def _set_bounds(text: str, amounts: list[dict]) -> None:
    """Bound words around each amount; range ends become at_least / at_most."""
    before_re, after_re, before, after = _bounds()
    endings = _bound_endings()
    by_start = {a["start"]: a for a in amounts}
    for amount in amounts:
        left = text[max(0, amount["start"] - 30):amount["start"]]
        match = before_re.search(left) if _may_end_in_bound(left, endings) else None
        if match:
            amount["bound"] = before[match.group("phrase").casefold()]
            amount["bound_start"] = amount["start"] - (len(left) - match.start("phrase"))
        else:
            match = after_re.match(text[amount["end"]:amount["end"] + 20])
            if match:
                amount["bound"] = after[match.group("phrase").casefold()]
        first = by_start.get(amount.get("range_with"))
        if first is None:
            continue
        context = text[max(0, first["start"] - 60):first["start"]]
        low, high = Decimal(first["amount"]), Decimal(amount["amount"])
        if low < high and not CHANGE_WORDS.search(context):
            if first["bound"] == "exact":
                first["bound"] = "at_least"
            if amount["bound"] == "exact":
                amount["bound"] = "at_most"


# --- price or money ---------------------------------------------------------------------------

PRODUCT_THEN_AMOUNT = scan.compile_pattern(r"(?:\bat|\bfor|\bcosts?|\bis|\bretails at|,|\()\s*\Z", regex.IGNORECASE)


def classify(text: str, amounts: list[dict], sentences: list[tuple[int, int]],
             products: ProductIndex | None = None) -> None:
    """Set ``kind`` ("price" or "money") on each amount (``amounts`` in text order).

    In order: a product named right before it ("the Galaxy A05 at Rs 9,499"); the nearest cue word; the amount before it in the sentence; big amounts are
    money; table cells and list entries are prices; "at"/"for" right before; a cue anywhere
    in the sentence; the last amount earlier in the paragraph ("It costs Rs 1,699. Earlier it
    was Rs 1,999."); a product word in the sentence makes a price; else money.
    """
    cues = _cues()
    _flattened_rows(text, amounts)
    sentence_starts = [s for s, _ in sentences]
    previous: dict | None = None
    per_sentence: dict[int, tuple[str | None, bool]] = {}  # sentence -> (its cue, has a product word)

    def sentence_cue_and_product_word(k: int, sentence: tuple[int, int]) -> tuple[str | None, bool]:
        """Read once per sentence, and only when the nearer tests left the kind open."""
        if k not in per_sentence:
            sentence_text = text[sentence[0]:sentence[1]]
            per_sentence[k] = (_sentence_cue(sentence_text.lower(), cues),
                               PRODUCT_WORDS.search(sentence_text) is not None)
        return per_sentence[k]

    for amount in amounts:
        k = max(0, bisect.bisect_right(sentence_starts, amount["start"]) - 1)
        sentence = sentences[k] if sentences else (0, len(text))
        paragraph_start = scan.line_start(text, amount["start"])
        same_sentence = previous is not None and previous["end"] > sentence[0]
        same_paragraph = previous is not None and previous["end"] > paragraph_start
        left_end = amount.get("bound_start", amount["start"])
        left = text[max(sentence[0], left_end - CUE_REACH_LEFT):left_end].lower()
        right = text[amount["end"]:min(sentence[1], amount["end"] + CUE_REACH_RIGHT)].lower()
        kind = (amount.get("row_kind") or _column_kind(text, amount)
                or _cue_right_after(right, cues)
                or ("price" if products is not None and products.mention_ending_near(left_end, 30)
                    and PRODUCT_THEN_AMOUNT.search(text, max(sentence[0], left_end - 30), left_end) else None)
                or ("price" if _price_band(text, amount, sentence) and amount.setdefault("band", True) else None)
                or ("money" if BY_BEFORE.search(text, max(sentence[0], left_end - 30), left_end) else None)
                or _nearest_cue(left, right, cues)
                or (previous["kind"] if same_sentence else None)
                or ("money" if _is_big(amount) else None)
                or ("price" if amount.get("table") or _list_entry(text, amount) else None)
                or _weak_cue(left, cues)
                or sentence_cue_and_product_word(k, sentence)[0]
                or (previous["kind"] if same_paragraph else None)
                or ("price" if sentence_cue_and_product_word(k, sentence)[1] else "money"))
        if kind == "change":  # "it drops to $1,875": whatever the amount just before it was
            kind = previous["kind"] if previous is not None and amount["start"] - previous["end"] < CHANGE_REACH else "price"
        elif kind == "price_unless_big":  # "phones worth Rs 3,000" / "phones worth Rs 750 crore"
            kind = "money" if _is_big(amount) else "price"
        amount["kind"] = kind
        previous = amount


#: The words of a flattened table's header, one per amount column: "ModelMarch 2022 PriceMarch
#: 2023 PriceDifference".
ROW_HEADER_WORD = scan.compile_pattern(r"price|cost|mrp|tariff|fare|difference|change|increase|hike|saving|discount",
                                       regex.IGNORECASE)
PRICE_WORDS = frozenset(("price", "cost", "mrp", "tariff", "fare"))


def _flattened_rows(text: str, amounts: list[dict]) -> None:
    """A table whose cell borders were lost in scraping ("Swift GL ManualRs2,499,000Rs4,052,000
    Rs1,553,000"): amounts glued one to the next take their class from the words of the header
    line above, in order, when there is one word per amount."""
    k = 0
    last_row: tuple[int, list[str]] | None = None  # (end of the line of the row above, its header words)
    while k < len(amounts):
        row = [amounts[k]]
        while k + len(row) < len(amounts) and amounts[k + len(row)]["start"] == row[-1]["end"]:
            row.append(amounts[k + len(row)])
        k += len(row)
        line_start = scan.line_start(text, row[0]["start"])
        above_end = text.rfind("\n", 0, line_start)
        if last_row is not None and last_row[0] == above_end and text[row[0]["start"] - 1:row[0]["start"]].isalpha():
            words = last_row[1]  # a row under a row: the same header ("...GLXRs2,899,000", cut short)
        elif len(row) >= 2:
            header = text[scan.line_start(text, max(0, above_end - 1)):max(0, above_end)]
            words = [m.group(0).lower() for m in ROW_HEADER_WORD.finditer(header)]
            if len(words) != len(row):
                continue
        else:
            continue
        for amount, word in zip(row, words):
            amount["row_kind"] = "price" if word in PRICE_WORDS else "money"
        last_row = (scan.line_end(text, row[0]["start"]), words)


PRICE_HEADER = scan.compile_pattern(r"\b(?:price|prices|MRP|cost|costs|tariff|fare|ex-showroom|on-road)\b", regex.IGNORECASE)
MONEY_HEADER = scan.compile_pattern(r"\b(?:revenue|sales|profit|loss|income|turnover|ARPU|market cap|valuation)\b", regex.IGNORECASE)


def _column_kind(text: str, amount: dict) -> str | None:
    """"price" under a table column headed "New price" or "MRP", "money" under "Revenue"."""
    header = scan.table_header(text, amount["start"])
    if header is None:
        return None
    if PRICE_HEADER.search(header):
        return "price"
    return "money" if MONEY_HEADER.search(header) else None


#: "more expensive by around Rs 44,000", "cut by Rs 2,000": a difference ("set you back by" a price).
BY_BEFORE = scan.compile_pattern(r"(?<!back )\bby\s+(?:around\s+|about\s+|roughly\s+|nearly\s+|almost\s+|some\s+|just\s+|"
                                 r"over\s+|up\s+to\s+|as\s+much\s+as\s+)?\Z", regex.IGNORECASE)
#: "the premium category (Rs 30,000 and above)", "phones under Rs 10,000", "sub-$400 PCs": a band.
BAND_BEFORE = scan.compile_pattern(r"\b(?:segment|category|band|bracket|range|tier)\s*\(\s*\Z", regex.IGNORECASE)
BAND_BOUND = scan.compile_pattern(r"\b(?<!\b(?:for|at|priced|costs?|costing|retails?|selling)\s+)"
                                  r"(?:under|below|sub-?|less\s+than)\s*\Z", regex.IGNORECASE)


def _price_band(text: str, amount: dict, sentence: tuple[int, int]) -> bool:
    """A price band or segment threshold: the amount in brackets after "segment" or
    "category", or a small amount "under"/"sub" in a sentence about products or plans — not
    one a product is sold "for under" ("launches its phone for under Rs 9,000")."""
    start = amount.get("bound_start", amount["start"])
    if BAND_BEFORE.search(text, max(sentence[0], start - 20), start):
        return True
    return bool(BAND_BOUND.search(text, max(sentence[0], amount["start"] - 12), amount["start"])
                and not _is_big(amount) and PRODUCT_WORDS.search(text, sentence[0], sentence[1]))


def _is_big(amount: dict) -> bool:
    return (Decimal(amount["amount"]) >= BIG_AMOUNT
            or amount["magnitude"] in ("crore", "crores", "cr", "billion", "bn", "b", "B"))


LIST_ENTRY = scan.compile_pattern(r"(?:^|\n)[ \t]*(?:[•·*\-–]\s*)?(?P<label>[^\n:|]{1,60}?)\s*(?::|\||–|—|-)\s*\Z")


def _list_entry(text: str, amount: dict) -> dict | None:
    """"E 1.2 MT: Rs 7.99 lakh" — a short line that ends with the amount; returns the label."""
    rest = text[amount["end"]:min(scan.line_end(text, amount["end"]), amount["end"] + 80)]
    if rest.strip(" \t()*") and not compiled(r"\s*\((?:ex-showroom|on-road)[^)]*\)\s*", regex.I).fullmatch(rest):
        return None
    match = LIST_ENTRY.search(text, max(0, amount["start"] - 80), amount.get("bound_start", amount["start"]))
    return match


def _row_label(text: str, amount: dict) -> str | None:
    """The label of a list line or table row holding the amount: "E 1.2 MT: Rs 7.99 lakh"."""
    line_start = scan.line_start(text, amount["start"])
    if amount.get("table"):
        cells = TABLE_SPLIT.split(text[line_start:amount["start"]].strip())
        return cells[0] if cells and cells[0] else None
    entry = _list_entry(text, amount)
    if entry and entry.start("label") >= line_start:
        label = entry.group("label").strip()
        return label if 0 < len(label.split()) <= 6 else None
    return None


def _words(fragment: str) -> int:
    return len(fragment.split())


def _nearest_cue(left: str, right: str, cues) -> str | None:
    best: tuple[int, str] | None = None
    pattern, phrases = cues["before:strong"]
    matches = list(pattern.finditer(left))
    if matches:
        last = matches[-1]
        distance = _words(left[last.end():])
        if distance <= MAX_CUE_WORDS_LEFT:
            best = (distance, phrases[last.group(0).casefold()])
    pattern, phrases = cues["after:strong"]
    match = pattern.search(right)
    if match and "," not in right[:match.start()]:  # a cue after a comma is the next clause's
        distance = _words(right[:match.start()])
        # a tie at no distance goes to the cue after: "pay Rs 500 to pre-book", "at ₹499 for bookings"
        if distance <= MAX_CUE_WORDS_RIGHT and (best is None or distance < best[0] or distance == best[0] == 0):
            best = (distance, phrases[match.group(0).casefold()])
    return best[1] if best else None


def _cue_right_after(right: str, cues) -> str | None:
    """A cue that follows the amount at once decides before anything else: "1 paisa per
    second", "Rs 500 to pre-book", "the Rs 399 plan"."""
    pattern, phrases = cues["after:strong"]
    match = pattern.match(right.lstrip(" "))
    return phrases[match.group(0).casefold()] if match else None


@cache
def _at_end(pattern: str) -> re.Pattern:
    return re.compile(rf"(?:{pattern})\s*\Z")


def _weak_cue(left: str, cues) -> str | None:
    pattern, phrases = cues["before:weak"]
    match = _at_end(pattern.pattern).search(left)
    return phrases[match.group(0).strip().casefold()] if match else None


def _sentence_cue(sentence: str, cues) -> str | None:
    pattern, phrases = cues["before:strong"]
    classes = {phrases[m.group(0).casefold()] for m in pattern.finditer(sentence)}
    return classes.pop() if len(classes) == 1 else None


# --- what a price is the price of -------------------------------------------------------------

def attribute(text: str, amounts: list[dict], sentences: list[tuple[int, int]],
              products: ProductIndex) -> None:
    """Set ``product`` and ``variant`` on prices (``amounts`` in text order)."""
    sentence_starts = [s for s, _ in sentences]
    for i, amount in enumerate(amounts):
        if amount["kind"] != "price":
            continue
        k = max(0, bisect.bisect_right(sentence_starts, amount["start"]) - 1)
        sentence = sentences[k] if sentences else (0, len(text))
        plan = products.mention_around(amount["start"], amount["end"])
        if plan is not None:  # "the Rs 399 plan": the price names its product
            amount["product"], amount["variant"] = plan, None
            continue
        amount["product"] = _product_of(products, amount, sentence, amounts)
        # the amount's clause runs from the amount before it to the amount after it
        clause_start = max(sentence[0], amounts[i - 1]["end"] if i > 0 else 0)
        clause_end = min(sentence[1], amounts[i + 1]["start"] if i + 1 < len(amounts) else len(text))
        if clause_start > amount["start"]:
            clause_start = sentence[0]
        if clause_end < amount["end"]:
            clause_end = sentence[1]
        amount["variant"] = _variant(text, amount, clause_start, clause_end)
        if amount["variant"] is None:
            label = _row_label(text, amount)
            if label and label != amount["product"]:
                amount["variant"] = label


def _product_of(products: ProductIndex, amount: dict, sentence: tuple[int, int], amounts: list[dict]) -> str | None:
    """What the price is of: a band's or a product not yet named has none ("phones under Rs
    10,000", "an electric car priced at $25,000") unless the sentence names one; prices listed
    after as many products pair up in order; else the product in focus (ProductIndex)."""
    start = amount["start"]
    if amount.get("band") or products.in_band(start, amount["end"]) or products.hypothetical(sentence, start):
        return products.named_in(sentence, start)
    peers = [a["start"] for a in amounts if a["kind"] == "price" and sentence[0] <= a["start"] < sentence[1]]
    return products.paired(start, sentence, peers) or products.product_at(start, sentence)


def _variant(text: str, amount: dict, clause_start: int, clause_end: int) -> str | None:
    """The variant of a price: named right after it ("for the 6GB variant"), else the memory
    variant nearest before it in its clause, else after it; else a named variant."""
    clause = text[clause_start:clause_end]
    if scan.ODD_CASE.search(clause) is None:  # lower-casing shows the words a case-blind pattern needs
        clause = clause.lower()
        patterns = [pattern for pattern, words in VARIANT_WORDS if any(word in clause for word in words)]
        if not patterns:
            return None
    else:
        patterns = [pattern for pattern, _ in VARIANT_WORDS]
    follows = FOR_VARIANT.match(text[amount["end"]:clause_end])
    if follows:
        after = amount["end"] + follows.end()
        for pattern in patterns:
            match = pattern.search(text, after, min(clause_end, after + 70))
            if match:
                return match.group(0).strip()
    for pattern in patterns:
        before = list(pattern.finditer(text, clause_start, amount["start"]))
        if before:
            return before[-1].group(0).strip()
        after_match = pattern.search(text, amount["end"], clause_end)
        if after_match:
            return after_match.group(0).strip()
    return None


# --- the component ----------------------------------------------------------------------------

def extract_money(doc: Doc) -> tuple[list[dict], list[dict]]:
    """(prices, money) of a Doc as plain records for the Article."""
    text = docdata.text_of(doc)
    layout = get_layout(doc)
    boilerplate = Boilerplate(layout["boilerplate"])
    amounts = find_amounts(text, get_numbers(doc), boilerplate)
    sentences = docdata.sentence_spans(doc)
    products = ProductIndex(text, get_products(doc))
    classify(text, amounts, sentences, products)
    attribute(text, amounts, sentences, products)
    prices, money = [], []
    for amount in amounts:
        record = {"span": [amount["start"], amount["end"]], "amount": amount["amount"],
                  "currency": amount["currency"], "bound": amount["bound"]}
        if amount["kind"] == "price":
            prices.append({**record, "product": amount.get("product"), "variant": amount.get("variant")})
        else:
            money.append(record)
    return prices, money


class MoneyComponent:
    """Stores prices and money on the Doc (``newsfacts.prices``, ``newsfacts.money``)."""

    def __call__(self, doc: Doc) -> Doc:
        prices, money = extract_money(doc)
        docdata.put(doc, "prices", prices)
        docdata.put(doc, "money", money)
        docdata.mirror_spans(doc, "newsfacts_prices", [p["span"] for p in prices], "PRICE")
        docdata.mirror_spans(doc, "newsfacts_money", [m["span"] for m in money], "MONEY")
        return doc


@Language.factory("newsfacts_money")
def make_money(nlp: Language, name: str) -> MoneyComponent:
    """Factory of :class:`MoneyComponent`."""
    return MoneyComponent()
