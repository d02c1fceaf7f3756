"""Finding quoted segments: the marks of each paragraph, paired."""

from __future__ import annotations

import bisect
import re


def _paragraphs(text: str):
    position = 0
    for line in text.splitlines(keepends=True):
        stripped = line.rstrip("\r\n")
        yield position, position + len(stripped)
        position += len(line)


OPENERS = {"“": "”", "‘": "’", '"': '"', "''": "''", "«": "»"}
#: ``''|[“”‘’"«»]``, written to start with one character class so that ``re`` skips straight
#: to the marks: a "'" is a mark only when doubled.
MARK = re.compile(r"['“”‘’\"«»](?:(?<=')'|(?<=[“”‘’\"«»]))")


def quoted_segments(text: str) -> list[dict]:
    """Every quoted segment: ``open``/``close`` (mark offsets, close None if unclosed at the
    paragraph end), ``start``/``end`` of the words inside, and ``continues`` when the quote
    carries on from the paragraph before. The marks are found in one pass over the text
    (none spans a line break) and read paragraph by paragraph."""
    segments: list[dict] = []
    marks = list(MARK.finditer(text))
    mark_starts = [mark.start() for mark in marks]
    first = 0  # the first mark not read yet
    previous_unclosed = False
    for start, end in _paragraphs(text):
        if first == len(marks):
            break  # no marks left: no more segments
        if start == end:
            continue
        open_mark, open_at = None, None
        first_in_paragraph = True
        last = bisect.bisect_left(mark_starts, end, first)
        for mark in marks[first:last]:
            symbol = mark.group(0)
            if open_mark is None:
                if symbol in ("”", "»") or (symbol == "’" and not _opens_single(text, mark.start())):
                    continue
                if symbol == "‘" and not _opens_single(text, mark.start()):
                    continue
                if symbol in ("“", "‘", '"', "''", "«"):
                    open_mark, open_at = symbol, mark
            else:
                closer = OPENERS[open_mark]
                if symbol == closer and (symbol != "’" or _closes_single(text, mark.end())):
                    segments.append({"open": open_at.start(), "close": mark.start(), "close_end": mark.end(),
                                     "start": open_at.end(), "end": mark.start(),
                                     "continues": previous_unclosed and first_in_paragraph})
                    open_mark, first_in_paragraph = None, False
                    previous_unclosed = False
        first = last
        if open_mark is not None:  # unclosed: the quote runs to the paragraph end, no further
            segments.append({"open": open_at.start(), "close": None, "close_end": None,
                             "start": open_at.end(), "end": end,
                             "continues": previous_unclosed and first_in_paragraph})
            previous_unclosed = True
        elif not any(s["open"] >= start for s in segments[-1:]):
            previous_unclosed = False
    trimmed = [_trim(text, segment) for segment in segments]
    return [segment for segment in trimmed if segment["end"] > segment["start"]]


def _opens_single(text: str, offset: int) -> bool:
    return offset == 0 or not text[offset - 1].isalnum()


def _closes_single(text: str, offset: int) -> bool:
    return offset >= len(text) or not text[offset].isalpha()


def _trim(text: str, segment: dict) -> dict:
    start, end = segment["start"], segment["end"]
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return {**segment, "start": start, "end": end}

