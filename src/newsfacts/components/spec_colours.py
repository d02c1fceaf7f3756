"""Colour lists: one ``colour`` spec per colour named, in any case, where the words around
say they are colours — after a cue ("comes in Onyx Black, Ruby Red and Sapphire Blue",
"available in black or grey") or before a noun ("in teal, cream and black colours",
"Aurora Blue and Midnight Black colour options", "the black variant").

The colour words are data (``data/colours.jsonl``): a ``colour`` is one by itself ("cream"),
a ``name_part`` only inside a capitalised name ("Midnight Black").

>>> start, end, records = next(colours("It comes in mint, cream and black shades."))
>>> start, end, [r["value"] for r in records]
(12, 33, ['mint', 'cream', 'black'])
"""

from __future__ import annotations

import regex

from .. import lexicons, scan

_ALL_WORDS = [row["word"] for row in lexicons.load("colours")]
_BASE_WORDS = [row["word"] for row in lexicons.load("colours") if row["kind"] == "colour"]

#: A colour word, capitalised, inside a name ("Ruby Red"); other modules ask it too.
COLOUR_WORDS = scan.compile_pattern(rf"\b(?:{lexicons.alternation(_ALL_WORDS)})\b")
#: A colour by itself, in any case ("cream", "Black").
BASE_COLOUR = scan.compile_pattern(rf"\b(?:{lexicons.alternation(w.lower() for w in _BASE_WORDS)})\b", regex.IGNORECASE)

COLOUR_CUES = (r"colou?rs?", r"colou?r\s+options", r"colou?rways?", "shades", "finishes", "hues", r"comes\s+in",
               r"available\s+in", r"offered\s+in", r"sold\s+in", r"choose\s+from")
COLOUR_TRIGGER = scan.CaseBlindRule(rf"\b(?:{'|'.join(COLOUR_CUES)})\b[^.\n]{{0,50}}?(?=[A-Z][a-z])")
#: Where a colour list's cue can start: each cue found by its literal (see scan.Trigger).
COLOUR_CUE_STARTS = scan.Trigger("|".join(rf"\b{cue}" for cue in COLOUR_CUES))
COLOUR_ITEM = scan.compile_pattern(r"(?P<name>(?:[A-Z][a-zA-Z]+)(?:[ -][A-Z][a-zA-Z]+){0,2})")
SEPARATORS = scan.compile_pattern(r"\A\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+|\s*/\s*|\s*&\s*)")

#: Words that open a list right after them: "available in black or grey".
LIST_OPENER = scan.compile_pattern(r"(?:comes?|available|offered|sold|launched|arrives?|coming|dressed|finished)\s+in\s+|choose\s+from\s+",
                                   regex.IGNORECASE)
#: Nouns that close a list: "in teal and black colours", "the black variant".
LIST_NOUNS = scan.Trigger(r"\bcolou?r|\bshades\b|\bhues\b|\bfinish(?:es)?\b|\bvariants?\b|\beditions?\b|\bmodels?\b")
#: Words that are no part of a colour's name, standing before one ("the black variant").
NOT_MODIFIERS = frozenset({"the", "a", "an", "in", "and", "or", "of", "its", "their", "new", "all", "both", "with",
                           "two", "three", "four", "five", "six", "available", "comes", "come", "colour", "color",
                           "colours", "colors", "dual", "single", "this", "that", "these", "those", "is", "are",
                           "was", "plus", "pro", "max", "mini", "ultra", "lite", "for", "to", "from", "than", "as"})
_WORD_ITEM = r"(?<![\w-])(?:[A-Za-z]+[ -])?[A-Za-z]+"
#: A list of one to six word items ending right before a noun: checked item by item after.
LIST_BEFORE = scan.compile_pattern(
    rf"(?:{_WORD_ITEM}(?:\s*,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+|\s*/\s*|\s*&\s*)){{0,5}}{_WORD_ITEM}\s+\Z")
ITEM_SPLIT = scan.compile_pattern(r"\s*,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+|\s*/\s*|\s*&\s*")


def colours(text: str, folded: str | None = None):
    """(start, end, records) of each colour list."""
    cue_starts = _cue_starts(text, folded)
    yield from _capitalised_lists(text, folded, cue_starts)
    yield from _lists_after_openers(text, cue_starts)
    yield from _lists_before_nouns(text, folded)


def _cue_starts(text: str, folded: str | None) -> list[int]:
    target = folded if folded is not None else text.lower()
    return sorted({start for start, _ in COLOUR_CUE_STARTS.spans(target)})


def _colour_triggers(text: str, folded: str | None, cue_starts: list[int]) -> list:
    """The matches of COLOUR_TRIGGER, tried only where one of its cues starts."""
    if folded is None or COLOUR_TRIGGER.folded is None:
        return list(COLOUR_TRIGGER.original.finditer(text))
    return scan.matches_at(COLOUR_TRIGGER.folded, folded, cue_starts)


def _capitalised_lists(text: str, folded: str | None, cue_starts: list[int]):
    """Capitalised colour names listed after "colours", "comes in", "available in"..."""
    for trigger in _colour_triggers(text, folded, cue_starts):
        position = trigger.end()
        items: list = []
        while True:
            item = COLOUR_ITEM.match(text, position)
            if item is None:
                break
            items.append(item)
            separator = SEPARATORS.match(text[item.end():item.end() + 8])
            if separator is None:
                break
            position = item.end() + separator.end()
        colourful = [m for m in items if COLOUR_WORDS.search(m.group("name"))]
        if len(colourful) < max(1, len(items) - 1) or not colourful:
            continue
        yield items[0].start(), items[-1].end(), [_record(m.start(), m.end(), m.group("name")) for m in colourful]


def _record(start: int, end: int, value: str) -> dict:
    return {"span": [start, end], "name": "colour", "value": value, "unit": None}


def _lists_after_openers(text: str, cue_starts: list[int]):
    """"available in black or grey": colours in any case right after an opener."""
    for start in cue_starts:
        opener = LIST_OPENER.match(text, start)
        if opener is None:
            continue
        items = []
        position = opener.end()
        while (item := _colour_item(text, position)) is not None:
            items.append(item)
            separator = SEPARATORS.match(text[item[1]:item[1] + 8])
            if separator is None:
                break
            position = item[1] + separator.end()
        if items and not text[items[0][0]].isupper():  # capitalised lists are read above
            yield items[0][0], items[-1][1], [_record(s, e, text[s:e]) for s, e in items]


def _colour_item(text: str, position: int) -> tuple[int, int] | None:
    """A lowercase or capitalised colour ("phantom black", "cream") starting at ``position``."""
    words = scan.compiled(r"(?P<first>[A-Za-z]+)(?:[ -](?P<second>[A-Za-z]+))?").match(text, position)
    if words is None:
        return None
    if words.group("second") and BASE_COLOUR.fullmatch(words.group("second")) \
            and words.group("first").lower() not in NOT_MODIFIERS:
        return words.start(), words.end()
    if BASE_COLOUR.fullmatch(words.group("first")):
        return words.start(), words.end("first")
    return None


def _lists_before_nouns(text: str, folded: str | None):
    """"in teal, cream and black colours", "the black variant": every item a colour."""
    target = folded if folded is not None else text.lower()
    for noun_start, _ in LIST_NOUNS.spans(target):
        if BASE_COLOUR.search(text, max(0, noun_start - 80), noun_start) is None:
            continue  # no colour word before the noun: no list to read
        found = LIST_BEFORE.search(text, max(0, noun_start - 80), noun_start)
        if found is None:
            continue
        items = []
        position = found.start()
        for piece in ITEM_SPLIT.split(text[found.start():noun_start].rstrip()):
            start = text.index(piece, position)
            position = start + len(piece)
            items.append((start, position))
        if items and _colour_item(text, items[0][0]) is None:  # "the black variant": "the" is no part
            first = scan.compiled(r"[A-Za-z]+[ -]").match(text, items[0][0])
            if first is not None and first.end() < items[0][1]:
                items[0] = (first.end(), items[0][1])
        spans = [_colour_item(text, s) for s, _ in items]
        if not spans or any(span is None or span[1] != end for span, (_, end) in zip(spans, items)):
            continue
        yield spans[0][0], spans[-1][1], [_record(s, e, text[s:e]) for s, e in spans]
