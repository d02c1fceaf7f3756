"""Plain data that our components keep on a spaCy ``Doc``.

Components never store pydantic objects on a Doc: they keep JSON-like dicts in
``doc.user_data["newsfacts.<family>"]`` (and mirror them as ``doc.spans`` groups for people
who read Docs directly), so that ``nlp.pipe(n_process=N)`` and ``DocBin`` carry them.
Character offsets always index ``doc.text``, which is the caller's string unchanged.

>>> import spacy
>>> doc = spacy.blank("en")("Rs 999 only")
>>> put(doc, "demo", [{"start": 3, "end": 6}])
>>> get(doc, "demo")
[{'start': 3, 'end': 6}]
"""

from __future__ import annotations

import weakref
from typing import Any

import numpy
from spacy.attrs import IDX, LENGTH
from spacy.tokens import Doc

PREFIX = "newsfacts."
_texts: "weakref.WeakKeyDictionary[Doc, str]" = weakref.WeakKeyDictionary()


def text_of(doc: Doc) -> str:
    """``doc.text``, built once per Doc (spaCy rebuilds it from the tokens on every access).

    A Doc's text never changes (even retokenizing keeps it), so the cache cannot go stale.
    """
    text = _texts.get(doc)
    if text is None:
        text = _texts[doc] = doc.text
    return text


def remember_text(doc: Doc, text: str) -> None:
    """Tell :func:`text_of` the text a Doc was made from, saving it the rebuild."""
    _texts[doc] = text


def sentence_spans(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) character offsets of each sentence; one sentence if none are marked."""
    if len(doc) == 0 or not doc.has_annotation("SENT_START"):
        return [(0, len(text_of(doc)))]
    stored = get(doc, "sentences")  # the sentences component's, when it set the boundaries
    if stored is not None:
        return [(start, end) for start, end in stored]
    return [(sentence.start_char, sentence.end_char) for sentence in doc.sents]


def put(doc: Doc, family: str, data: Any) -> None:
    """Store a family's plain data (lists/dicts of str, int, float, bool, None)."""
    doc.user_data[PREFIX + family] = data


def get(doc: Doc, family: str, default: Any = None) -> Any:
    """A family's plain data, or ``default`` when that component has not run."""
    return doc.user_data.get(PREFIX + family, default)


#: Set on Docs that never leave :class:`newsfacts.Extractor` (it returns Articles): nobody
#: reads their ``doc.spans``, and building them cost a tenth of the pipeline's time.
NO_SPANS = PREFIX + "no_spans"


def mirror_spans(doc: Doc, group: str, offsets: list, label: str) -> None:
    """Expose (start, end) character offsets as ``doc.spans[group]`` (expanded to tokens),
    unless the Doc is marked :data:`NO_SPANS`."""
    if doc.user_data.get(NO_SPANS):
        return
    spans = []
    for start, end in offsets:
        span = doc.char_span(start, end, label=label, alignment_mode="expand")
        if span is not None:
            spans.append(span)
    doc.spans[group] = spans


class TokenBounds:
    """O(1) lookups of which character offsets start or end a token.

    >>> import spacy
    >>> bounds = TokenBounds(spacy.blank("en")("4 GB RAM"))
    >>> bounds.aligned(0, 1), bounds.aligned(0, 3)
    (True, False)
    """

    def __init__(self, doc: Doc):
        bounds = doc.to_array([IDX, LENGTH]).astype("int64") if len(doc) else numpy.zeros((0, 2), dtype="int64")
        # one byte per character offset, set where a token starts (ends): filled by numpy at
        # once, where sets of a hundred thousand offsets took a tenth of the numbers layer
        starts = numpy.zeros(len(text_of(doc)) + 1, dtype=numpy.uint8)
        ends = starts.copy()
        starts[bounds[:, 0]] = 1
        ends[bounds[:, 0] + bounds[:, 1]] = 1
        self.starts, self.ends = starts.tobytes(), ends.tobytes()

    def aligned(self, start: int, end: int) -> bool:
        """True when ``text[start:end]`` begins and ends on token boundaries."""
        return 0 <= start < len(self.starts) and 0 <= end < len(self.ends) and self.starts[start] == self.ends[end] == 1
