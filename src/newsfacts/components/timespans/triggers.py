"""Cheap triggers: every rule runs only in windows around words it cannot match without
(a unit after a quantity, a month name, a quarter mark...)."""

from __future__ import annotations

import os
import re
from functools import cache

import regex

from ... import dates, lexicons, scan
from .phrases import rules
from .vocabulary import UNIT_ADJECTIVES, _units, _vocabulary

WINDOW_BEFORE, WINDOW_AFTER = 110, 70  # every rule's match lies this close to a trigger word


@cache
def trigger() -> regex.Pattern:
    """Words without which no rule can match: units, month names, quarter and year marks."""
    v = _vocabulary()
    return regex.compile(
        rf"(?i:{v['unit']}|{v['months']}|quarter|fiscal|financial|half|year-to-date|ytd|weekend|day\s+one|opening\s+day)(?![\w])"
        rf"|\b(?i:Q[1-4]|[1-4]Q|H[12]|FY|CY)|(?<![\w-])(?:19|20)\d\d(?![\w-])")


#: Which cheap trigger each rule needs (a class of :func:`rule_triggers`, or one made from
#: another's matches, see DERIVED_TRIGGERS).
RULE_TRIGGERS = {
    "duration": "quantified_unit", "anchored": "anchored_unit", "compound": "paired_unit",
    "duration_range": "ranged_unit", "months_ended": "months_word", "first_months": "months_word",
    "month_range": "month_pair", "date_range": "month_day", "month_yy": "month_day", "dates_between": "month_after_from",
    "month": "month", "named_quarter": "month_quarter",
    "year": "year", "year_opening": "year", "fiscal_range_year": "year",
    "quarter": "quarter_mark", "half": "half_mark", "fiscal_year": "fiscal_mark", "quarter_ended": "quarter_ended",
    "first_unit": "first", "whole_unit": "whole", "relative": "relative",
    "year_to_date": "ytd", "quarter_short": "quarter_short", "calendar_year": "calendar_mark", "year_named": "year",
    "year_ended": "unit_phrase", "part_of": "unit_phrase", "long_unit": "unit_phrase", "unit_beside": "unit_phrase",
    "weekend": "weekend", "day_one": "day_one",
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
        "quantity_unit": _whole_words_by_letter(_units()),
        "month": scan.whole_words(_month_names()),
        "year": r"19\d\d(?<![\w-]....)(?!\w)|20\d\d(?<![\w-]....)(?!\w)",
        # "1q(?<!\w1q)": "\b1q" led by its literal; "h1", "h2" likewise (not every "h")
        "period": "quarter|\\bq[1-4]|" + "|".join(rf"{n}q(?<!\w{n}q)\s?'?\d\d" for n in "1234")
                  + r"|\bh1\b|\bh2\b|\bfy|\bcy\s?'?\d\d|fiscal|financial|\bhalf\b",
        "first": rf"\bfirst\s+{unit}",
        "whole": "|".join(rf"\b{word}[ -](?:day|week|month|year)" for word in ("all", "full", "whole", "entire")),
        "relative": "|".join(rf"\b{word}\s+(?:month|year|quarter|week|fortnight|decade|financial|fiscal)"
                             for word in ("last", "this", "next", "previous", "preceding", "current", "ongoing", "past", "coming", "same")),
        "ytd": r"year-to-date|year to date|\bytd\b",
        "weekend": r"weekend",
        "day_one": r"day\s+one|opening\s+day",
    }
    return {name: scan.Trigger(pattern) for name, pattern in patterns.items()}


def _whole_words_by_letter(words) -> str:
    """Like :func:`scan.whole_words`, but one branch per first letter ("h", "hour", "hr",
    "hrs" in one): the unit words' 18 branches become 8, so fewer passes over the text, with
    the same matches (a whole word matches one branch at most)."""
    groups: dict[str, list[str]] = {}
    for word in sorted(set(words)):
        groups.setdefault(word[0], []).append(word)
    return "|".join(scan.whole_words(group) if len(group) == 1 else _one_branch(group) for group in groups.values())


def _one_branch(group: list[str]) -> str:
    """One whole_words branch led by the group's common prefix."""
    prefix = os.path.commonprefix(group)
    rests = "|".join(sorted((re.escape(word[len(prefix):]) for word in group), key=len, reverse=True))
    return f"{re.escape(prefix)}(?<![a-z]{re.escape(prefix)})(?:{rests})(?![a-z])"


def _month_names() -> list[str]:
    """Month names and abbreviations as the month trigger looks for them: "jan", "january"."""
    return sorted({name.rstrip(".") for name in dates.month_numbers()})


#: Words one of which a trigger class needs: without them its scan is skipped.
TRIGGER_WORDS = {
    "period": ("quarter", "q1", "q2", "q3", "q4", "1q", "2q", "3q", "4q", "h1", "h2", "fy", "cy", "fiscal",
               "financial", "half"),
    "ytd": ("year-to-date", "year to date", "ytd"),
    "weekend": ("weekend",),
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
    if folded[word_start:start] in UNIT_ADJECTIVES and word_start > 0 and folded[word_start - 1] == " ":
        return _quantified(folded, word_start)  # "two fiscal years", "an average day"
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


QUARTER_APOSTROPHE = re.compile(r"\s?['’]\d\d")  # "q2'19"
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
    "months_word": ("quantity_unit", lambda folded, spans: [(s, e) for s, e in spans if folded[s:e] in ("month", "months")]),
    # "the year to March", "the last week of", "month-long", "the week after": a unit and what follows
    "unit_phrase": ("quantity_unit", _followed_by(r"(?<=year)\s+(?:(?:that|which)\s+)?(?:ended|ending|ends|closed|to)\s"
                                                  r"|\s+(?:of|after|before|following)\s|-long")),
    "month_pair": ("month", _paired(lambda folded, end, start: MONTH_RANGE_GAP.fullmatch(folded, end, start) is not None)),
    "month_day": ("month", _followed_by(r"\.?\s+[0-3]?\d")),
    "month_after_from": ("month", _preceded_by(r"(?:between|from)\s+\Z")),
    "month_quarter": ("month", _followed_by(r"\s+quarter")),
    "quarter_mark": ("period", _spelled("q")),
    "quarter_short": ("period", lambda folded, spans: [(s, e) for s, e in spans if folded[s].isdigit()
                                                       or QUARTER_APOSTROPHE.match(folded, e)]),
    "calendar_mark": ("period", _spelled("cy")),
    "half_mark": ("period", _spelled("h")),
    "fiscal_mark": ("period", _spelled("f")),
    "quarter_ended": ("period", _followed_by(r"(?<=quarter)\s+(?:(?:that|which)\s+)?(?:ended|ending|ends|closed|to)\s")),
}


def _reach(trigger_class: str) -> tuple[int, int]:
    while trigger_class in DERIVED_TRIGGERS:
        trigger_class = DERIVED_TRIGGERS[trigger_class][0]
    return TRIGGER_REACH.get(trigger_class, (WINDOW_BEFORE, WINDOW_AFTER))


#: Rules whose matches lie closer to their trigger than the class's reach allows: "nearly
#: two weeks" needs less room around "weeks" than "within 18 days of its launch in India".
RULE_REACH = {"duration": (40, 25), "compound": (40, 40), "duration_range": (50, 25), "month_yy": (0, 12),
              "quarter_short": (2, 8), "calendar_year": (0, 10)}


def _rule_windows(folded: str | None) -> dict[str, list[tuple[int, int]]] | None:
    """Windows per rule (rules of one trigger class share them unless their reach differs),
    or None when lower-casing changes the text's length (``folded`` is None)."""
    if folded is None:
        return None
    triggers = rule_triggers()
    spans: dict[str, list[tuple[int, int]]] = {}
    shared: dict[tuple, list[tuple[int, int]]] = {}
    per_rule = {}
    for name, key in _rule_keys():
        if key not in shared:
            shared[key] = scan.windows(folded, _trigger_spans(folded, key[0], triggers, spans), *key[1])
        per_rule[name] = shared[key]
    return per_rule


@cache
def _rule_keys() -> tuple[tuple[str, tuple[str, tuple[int, int]]], ...]:
    """Per rule, (name, (trigger class, reach)): rules with the same key share windows."""
    keys = []
    for name, _ in rules():
        trigger_class = RULE_TRIGGERS[name]
        keys.append((name, (trigger_class, RULE_REACH.get(name) or _reach(trigger_class))))
    return tuple(keys)


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


