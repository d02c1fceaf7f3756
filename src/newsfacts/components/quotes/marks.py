"""Finding quoted segments: the marks of each paragraph, paired.

Marks as real pages have them:
- double marks of either kind pair up: “…”, "…", and a curly opening mark closed by a
  straight one (“…") or the other way round;
- single curly marks ‘…’ and doubled apostrophes ''…'';
- straight single marks '…' only when they close after the sentence's punctuation
  ('We are thrilled,' said …), since most apostrophes are no marks ("India's");
- a straight mark right after a number is an inch mark (`6.7" display`, `12.1" x 8.4"`,
  `a 65'' TV`), never an opening mark; inside a quote it closes the quote only where no
  word follows it (`"It costs Rs 12,499"` at a paragraph's end).

>>> text = 'The 6.7" display is big. "We love it," she said.'
>>> [text[s["start"]:s["end"]] for s in quoted_segments(text)]
['We love it,']
"""

from __future__ import annotations

import bisect
import re


def _paragraphs(text: str):
    position = 0
    for line in text.splitlines(keepends=True):
        stripped = line.rstrip("\r\n")
        yield position, position + len(stripped)
        position += len(line)


#: What closes each opening mark. Double marks close one another: pages mix them.
CLOSERS = {"“": ("”", '"'), '"': ('"', "”"), "”": ("”", '"'), "‘": ("’",), "''": ("''",), "«": ("»",), "'": ("'",)}
DOUBLE_OPENERS = ("“", '"', "''", "«", "”")
#: ``''|[“”‘’"«»']``: every mark, a "'" alone too (most are apostrophes, told apart below).
MARK = re.compile(r"['“”‘’\"«»](?:(?<=')'?|(?<=[“”‘’\"«»]))")
#: After an inch mark, a word goes on: `6.7" display`, `12.1" x 8.4"`, `6"-wide`.
INCH_FOLLOWER = re.compile(r"[ \t\u00a0]*(?:[a-z0-9(×]|-\w)")
#: What may stand before a straight single mark that opens, and before one that closes.
SINGLE_OPENS_AFTER = " \t\u00a0(:—–[\n"
SINGLE_CLOSES_AFTER = ",.!?…"


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
            symbol, at = mark.group(0), mark.start()
            inch = at > 0 and text[at - 1].isdigit() and symbol in ('"', "''")
            if open_mark is None or (open_mark == "'" and symbol in DOUBLE_OPENERS and not inch):
                opens = _opens(text, symbol, at, mark.end(), start) and not inch
                if opens:
                    open_mark, open_at = symbol, mark
                continue
            if symbol not in CLOSERS[open_mark]:
                continue
            if inch and INCH_FOLLOWER.match(text, mark.end()):
                continue  # `"The 6.7" display…`: an inch mark inside the quote
            if symbol == "’" and not _closes_single(text, mark.end()):
                continue
            if symbol == "'" and not (text[at - 1] in SINGLE_CLOSES_AFTER and _closes_single(text, mark.end())):
                continue
            segments.append({"open": open_at.start(), "close": at, "close_end": mark.end(),
                             "start": open_at.end(), "end": at,
                             "continues": previous_unclosed and first_in_paragraph})
            open_mark, first_in_paragraph = None, False
            previous_unclosed = False
        first = last
        if open_mark is not None and open_mark != "'":  # unclosed: the quote runs to the paragraph end
            segments.append({"open": open_at.start(), "close": None, "close_end": None,
                             "start": open_at.end(), "end": end,
                             "continues": previous_unclosed and first_in_paragraph})
            previous_unclosed = True
        elif not any(s["open"] >= start for s in segments[-1:]):
            previous_unclosed = False
    trimmed = [_trim(text, segment) for segment in segments]
    return [segment for segment in trimmed if segment["end"] > segment["start"]]


def _opens(text: str, symbol: str, at: int, after: int, paragraph_start: int) -> bool:
    """Whether the mark at ``at`` opens a quote: a closing curly mark never does; a single
    one only before a word ("‘We…", not "it’s"), a straight one only where a word starts."""
    if symbol == "”":  # a closing mark opening a paragraph: ”We are ready…
        return at == paragraph_start and after < len(text) and text[after].isalnum()
    if symbol in ("»", "’"):
        return False
    if symbol == "‘":
        return _opens_single(text, at)
    if symbol == "'":
        return (at == paragraph_start or text[at - 1] in SINGLE_OPENS_AFTER) and \
            after < len(text) and text[after].isalnum()
    return True


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
