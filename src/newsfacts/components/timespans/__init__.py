"""Time spans: durations ("18 days", "a fortnight") and calendar periods ("Q2 FY24",
"September 2017", "the financial year 2014 to 2015"), as ISO 8601 durations and dates.

Each rule (:mod:`.phrases`) is a regex with a handler that turns its match into a record:
``{"span": [start, end], "duration": "P18D" | None, "start": "YYYY-MM-DD" | None,
"end": ... | None, "anchor": "launch" | None}``. Overlapping candidates keep the longest.
Relative periods ("last month", "this year", "Q2", "October") resolve against a reference
date: the caller's ``published``, else the article's own date, else the latest full date the
text writes; with none they keep their text (and a duration) but no dates.

>>> text = "It sold 1 million units within two weeks of launch, and 23.1 million in Q2."
>>> [(r["duration"], r["start"], r["anchor"]) for r in find_time_spans(text, date(2017, 10, 3))]
[('P2W', None, 'launch'), ('P3M', '2017-04-01', None)]

Not time spans: single dates ("April 10, 2019"), frequencies ("every month", "Rs 250 a
month", "per day"), vague phrases ("coming weeks", "a few days"), anaphoric ones ("the same
period last year"), points ("by the end of 2022"), "24x7", "4G".
"""

from __future__ import annotations

from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from ... import docdata
from ..base import FactComponent
from ..layout import Boilerplate, get_layout
from .anchoring import Anchor, reference_date, stated_anchor
from .finding import find_anchored, find_time_spans
from .phrases import rules
from .triggers import rule_triggers
from .vocabulary import FAMILY

ANCHOR_KEY = "time_anchor"

__all__ = ["ANCHOR_KEY", "Anchor", "FAMILY", "TimeSpans", "find_time_spans", "get_time_spans", "make_time", "reference_date",
           "rule_triggers", "rules"]


def get_time_spans(doc: Doc) -> list[dict]:
    """The time spans of a processed Doc (computed on the spot if the component has not run)."""
    spans = docdata.get(doc, FAMILY)
    if spans is None:
        spans = _extract(doc)
    return spans


def _extract(doc: Doc) -> list[dict]:
    """The Doc's time spans; the anchor they were resolved against goes on the Doc too
    (``newsfacts.time_anchor``, see :mod:`.anchoring`)."""
    text = docdata.text_of(doc)
    layout = get_layout(doc)
    published = docdata.get(doc, "published")
    stated = stated_anchor(text, date.fromisoformat(published) if published else None, layout)
    records, anchor = find_anchored(text, stated, Boilerplate(layout["boilerplate"]))
    docdata.put(doc, ANCHOR_KEY, anchor.as_record() if anchor is not None else None)
    return records


class TimeSpans(FactComponent):
    """Stores :func:`find_time_spans` on the Doc (``newsfacts.time_spans``)."""

    family, label = FAMILY, "TIME_SPAN"

    def extract(self, doc: Doc) -> list[dict]:
        return _extract(doc)


@Language.factory("newsfacts_time")
def make_time(nlp: Language, name: str) -> TimeSpans:
    """Factory of :class:`TimeSpans`."""
    return TimeSpans()
