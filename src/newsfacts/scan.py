"""Scan only where a cheap trigger fired: windows of text around trigger matches.

Rules with many alternatives are dear to run over a whole article; a plain keyword regex
finds the few places worth a closer look, and the rules run inside those windows only.
Window ends are snapped to white space, so a rule's lookarounds see whole words.

>>> import regex
>>> text = "It sold out in 18 days. Nothing else here."
>>> [text[s:e] for s, e in windows(text, regex.compile(r"days"), 12, 5)]
['sold out in 18 days. Nothing']
"""

from __future__ import annotations

import regex

_SPACE = regex.compile(r"\s")


def windows(text: str, trigger: regex.Pattern, before: int, after: int) -> list[tuple[int, int]]:
    """Merged (start, end) windows reaching ``before``/``after`` characters around each
    trigger match, widened to the nearest white space (or the text's ends)."""
    spans: list[tuple[int, int]] = []
    for match in trigger.finditer(text):
        start = max(0, match.start() - before)
        end = min(len(text), match.end() + after)
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], end))
        else:
            spans.append((start, end))
    snapped = []
    for start, end in spans:
        space_before = text.rfind(" ", 0, start)
        newline_before = text.rfind("\n", 0, start)
        start = max(space_before, newline_before, -1) + 1
        next_space = _SPACE.search(text, end)
        end = next_space.start() if next_space else len(text)
        if snapped and start <= snapped[-1][1]:
            snapped[-1] = (snapped[-1][0], max(snapped[-1][1], end))
        else:
            snapped.append((start, end))
    return snapped


def finditer(pattern: regex.Pattern, text: str, spans: list[tuple[int, int]]):
    """``pattern.finditer`` over each window in turn."""
    for start, end in spans:
        yield from pattern.finditer(text, start, end)
