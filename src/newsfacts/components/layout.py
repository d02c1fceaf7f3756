"""Page layout: the leading date line, the title, paragraphs and boilerplate regions.

Real pages carry navigation, share panels, related-article lists and comment sections. This
component marks them as boilerplate regions; no fact is ever taken from inside one. The
patterns are data (``data/boilerplate.jsonl``): each has a ``scope`` — ``line`` (the line
alone), ``list`` (a heading and the headline-like lines under it) or ``rest`` (a comment
section, running to the end of the page).

>>> import spacy
>>> nlp = spacy.blank("en"); _ = nlp.add_pipe("newsfacts_layout")
>>> doc = nlp(" date 2019-04-10 Phone sells out\\n\\nIt sold fast.\\n\\nRecent Comments\\nRs 5 only")
>>> layout = get_layout(doc)
>>> layout["published"], doc.text[slice(*layout["title"])]
('2019-04-10', 'Phone sells out')
>>> [doc.text[start:end] for start, end, _ in layout["boilerplate"]]
['date 2019-04-10', 'Recent Comments\\nRs 5 only']
"""

from __future__ import annotations

import bisect
import re
from datetime import date
from functools import cache

import regex
from spacy.language import Language
from spacy.tokens import Doc

from .. import dates, docdata, lexicons, scan

FAMILY = "layout"

DATE_LINE = scan.compile_pattern(r"\A\s*date\s+(\d{4})-(\d{2})-(\d{2})\b", regex.IGNORECASE)
#: Only short lines can be navigation, share panels or section headings.
MAX_BOILERPLATE_LINE = 160
#: A related-article list ends after this many items, or at a line of body text.
MAX_LIST_ITEMS = 12
MAX_HEADLINE_WORDS = 30
SENTENCE_END = (".", ":", ";", ",")
BULLET = scan.compile_pattern(r"^[•·\-*–—►▶>]\s*")


@cache
def _rules() -> tuple[re.Pattern | regex.Pattern, list[tuple[str, str]]]:
    """All boilerplate rules as one pattern, each rule in its group ``rule<i>``, and each
    rule's (scope, what): one ``fullmatch`` per line instead of one per rule and line."""
    rows = lexicons.load("boilerplate")
    pattern = "|".join(f"(?P<rule{i}>{row['pattern']})" for i, row in enumerate(rows))
    return scan.compile_pattern(pattern, regex.IGNORECASE), [(row["scope"], row["what"]) for row in rows]


def _lines(text: str):
    """Yield (start, end) of each line's content, surrounding whitespace excluded."""
    offset = 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if stripped:
            start = offset + (len(line) - len(line.lstrip()))
            yield start, start + len(stripped)
        offset += len(line)


def _looks_like_headline(line: str) -> bool:
    """A short line without a closing full stop: a title, heading or related-article link."""
    if BULLET.match(line):
        return True
    words = line.split()
    return 0 < len(words) <= MAX_HEADLINE_WORDS and not line.endswith(SENTENCE_END)


def _match_rule(line: str) -> tuple[str, str] | None:
    if len(line) > MAX_BOILERPLATE_LINE:
        return None
    pattern, kinds = _rules()
    match = pattern.fullmatch(line)
    if match is None:
        return None
    # the first rule that matches the whole line wins, as the alternation tries them in order
    return next(kinds[i] for i in range(len(kinds)) if match.group(f"rule{i}") is not None)


def analyse(text: str) -> dict:
    """The layout of ``text`` as plain data (see :func:`get_layout`)."""
    published = published_span = None
    boilerplate: list[list] = []
    paragraphs: list[list[int]] = []
    body_from = 0
    header = DATE_LINE.match(text)
    if header:
        try:
            published = date(*(int(g) for g in header.groups())).isoformat()
            published_span = [header.start(1), header.end(3)]
        except ValueError:
            published = None
        start = header.start() + (len(header.group(0)) - len(header.group(0).lstrip()))
        boilerplate.append([start, header.end(), "date line"])
        body_from = header.end()

    title = None
    list_items = None  # count of items in an open related-article list, or None
    previous_end = body_from
    for start, end in _lines(text):
        if end <= body_from:
            continue
        start = max(start, body_from)
        while start < end and text[start].isspace():
            start += 1
        line = text[start:end]
        after_blank_line = text.count("\n", previous_end, start) > 1
        previous_end = end
        rule = _match_rule(line)
        if list_items is not None and rule is None:
            # a list runs over consecutive headline-like lines; a blank line after an item ends it
            if (list_items < MAX_LIST_ITEMS and _looks_like_headline(line)
                    and not (after_blank_line and list_items > 0)):
                boilerplate.append([start, end, "related-article list"])
                list_items += 1
                continue
        list_items = None
        if rule is not None:
            scope, what = rule
            if scope == "rest":
                boilerplate.append([start, len(text.rstrip()), what])
                break
            boilerplate.append([start, end, what])
            if scope == "list":
                list_items = 0
            continue
        if title is None and not paragraphs and _looks_like_headline(line) and end < len(text.rstrip()):
            title = [start, end]
        paragraphs.append([start, end])
    if published is None:
        published, published_span = _dateline_date(text, paragraphs)
    return {
        "published": published,
        "published_span": published_span if published else None,
        "title": title,
        "paragraphs": paragraphs,
        "boilerplate": boilerplate,
    }


#: Datelines and bylines: "New Delhi, April 10, 2019:", "Updated: Apr 10, 2019 14:32 IST",
#: "Posted on June 4, 2024 by ...", "Tech Desk | Pune | October 8, 2025", "By Ritika Sen |
#: Bengaluru, December 4, 2019", "PUNE, India, March 12, 2025 /PRNewswire/".
DATELINE_LINES = 6
DATELINE_PREFIX = scan.compile_pattern(
    r"\A(?:.{0,80}?\b(?:updated|published|posted|last updated|first published)(?:\s+on)?\s*:?\s*"
    r"|(?:[^|\n]{0,50}\|\s*){0,4}(?:[A-Z][\w .'/&-]{1,40},\s*){0,2})?"
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s*)?\Z",
    regex.IGNORECASE,
)
#: "Updated: 28-06-2024 10:05 IST": day first, as Indian pages write it.
NUMERIC_DATE = scan.compile_pattern(r"(?<![\d.-])(?P<day>[0-3]?\d)[-/.](?P<month>[01]?\d)[-/.](?P<year>(?:19|20)\d\d)(?![\d.-])")


def _dateline_date(text: str, paragraphs: list[list[int]]) -> tuple[str | None, list[int] | None]:
    """The date of a dateline or byline among the first lines, as ISO, and where it is
    written; (None, None) if there is none."""
    for start, end in paragraphs[:DATELINE_LINES]:
        for day, match in _line_dates(text, start, end):
            if DATELINE_PREFIX.match(text[start:match.start()]):
                return day.isoformat(), list(match.span())
            break
    return None, None


#: Every date holds a year "19xx" or "20xx", a numeric one after its separator: lines
#: without one (most) are not searched for dates (the two patterns try every position).
YEAR_DIGITS = re.compile(r"(?:19|20)\d\d")
NUMERIC_YEAR = re.compile(r"[-/.](?:19|20)\d\d")


def _line_dates(text: str, start: int, end: int):
    """Written dates of one line, else its numeric ones ("28-06-2024")."""
    if not YEAR_DIGITS.search(text, start, end):
        return
    written = list(dates.find_dates(text, start, end))
    if written:
        yield from written
        return
    if not NUMERIC_YEAR.search(text, start, end):
        return
    for match in NUMERIC_DATE.finditer(text, start, end):
        try:
            yield date(int(match.group("year")), int(match.group("month")), int(match.group("day"))), match
        except ValueError:
            continue


def get_layout(doc: Doc) -> dict:
    """The layout data of a processed Doc: ``published`` (ISO date or None) and
    ``published_span`` (where it is written: [start, end] or None), ``title``
    ([start, end] or None), ``paragraphs`` ([[start, end], ...]) and ``boilerplate``
    ([[start, end, what], ...]). Computed on the spot if the component has not run."""
    layout = docdata.get(doc, FAMILY)
    if layout is None:
        layout = analyse(docdata.text_of(doc))
    return layout


class Boilerplate:
    """Answers "is this offset inside a boilerplate region?" in O(log n).

    >>> regions = Boilerplate([[10, 20, "share panel"], [50, 90, "comment section"]])
    >>> regions.contains(15), regions.contains(30), regions.contains(89)
    (True, False, True)
    """

    def __init__(self, regions: list[list]):
        ordered = sorted((start, end) for start, end, *_ in regions)
        self.starts = [start for start, _ in ordered]
        self.ends = [end for _, end in ordered]

    @classmethod
    def of(cls, doc: Doc) -> "Boilerplate":
        return cls(get_layout(doc)["boilerplate"])

    def contains(self, offset: int) -> bool:
        i = bisect.bisect_right(self.starts, offset) - 1
        return i >= 0 and offset < self.ends[i]


class Layout:
    """Stores :func:`analyse`'s result on the Doc and mirrors it as ``doc.spans``."""

    def __call__(self, doc: Doc) -> Doc:
        layout = analyse(docdata.text_of(doc))
        docdata.put(doc, FAMILY, layout)
        regions = [(s, e) for s, e, _ in layout["boilerplate"]]
        docdata.mirror_spans(doc, "newsfacts_boilerplate", regions, "BOILERPLATE")
        title = layout["title"]
        docdata.mirror_spans(doc, "newsfacts_title", [title] if title else [], "TITLE")
        return doc


@Language.factory("newsfacts_layout")
def make_layout(nlp: Language, name: str) -> Layout:
    """Factory of :class:`Layout`."""
    return Layout()
