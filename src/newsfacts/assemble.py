"""Turn a processed Doc's plain data into an :class:`~newsfacts.models.Article`.

Fact components store records as plain dicts under ``doc.user_data["newsfacts.<list>"]``,
where ``<list>`` is an Article field (``sales``, ``prices``, ``money``, ``specs``, ``quotes``,
``time_spans``). Each dict has ``span`` ([start, end] character offsets) and the record's
own fields; this module makes ``span`` a Span, adds ``sentence`` and validates the record.

>>> import spacy
>>> from newsfacts import docdata
>>> doc = spacy.blank("en")("It costs Rs 999.")
>>> docdata.put(doc, "prices", [{"span": [9, 15], "amount": "999", "currency": "INR"}])
>>> build_article(doc).prices[0].span.text
'Rs 999'
"""

from __future__ import annotations

import bisect
from datetime import date

from spacy.tokens import Doc

from . import docdata
from .components.layout import get_layout
from .models import FACT_FIELDS, Article


def make_span(text: str, start: int, end: int) -> dict:
    """A span over the caller's string, as the dict a :class:`~newsfacts.models.Span` is
    validated from; offsets are clamped into the text."""
    if not 0 <= start <= end <= len(text):  # clamped into the text
        start = max(0, min(start, len(text)))
        end = max(start, min(end, len(text)))
    return {"start": start, "end": end, "text": text[start:end]}


def build_article(doc: Doc, published: date | None = None, text: str | None = None) -> Article:
    """The Article of a Doc our components have processed.

    ``published`` (the caller's date) wins over the date the text states for itself.
    ``text`` is the caller's original string (``doc.text`` when omitted; they are equal).
    The records are gathered as plain dicts and validated in one ``Article.model_validate``
    call: pydantic checks the whole tree at once, several times faster than building each
    record on its own.
    """
    text = docdata.text_of(doc) if text is None else text
    layout = get_layout(doc)
    starts = [start for start, _ in docdata.sentence_spans(doc)]

    def record(data: dict) -> dict:
        """The record's dict with its span and sentence."""
        values = dict(data)
        values.pop("event_day", None)  # a sale's period only (see components.timespans)
        start, end = values.pop("span")
        period = values.get("period")
        if isinstance(period, dict):  # a sale's selling period is a TimeSpan
            values["period"] = record(period)
        span = make_span(text, start, end)
        values["span"] = span
        values["sentence"] = max(0, bisect.bisect_right(starts, span["start"]) - 1)
        return values

    lists: dict[str, list] = {}
    for field in FACT_FIELDS:
        records = [record(data) for data in docdata.get(doc, field, []) if not data.get("event_day")]
        records.sort(key=lambda record: (record["span"]["start"], record["span"]["end"]))
        lists[field] = records

    products = [
        {
            "name": data["name"],
            "brand": data.get("brand"),
            "aliases": list(data.get("aliases", [])),
            "mentions": [make_span(text, start, end) for start, end in data.get("mentions", [])],
        }
        for data in (docdata.get(doc, "products") or {}).get("products", [])
    ]
    title = layout["title"]
    own_date = date.fromisoformat(layout["published"]) if layout["published"] else None
    anchor = docdata.get(doc, "time_anchor")
    if anchor is not None:
        anchor = dict(anchor)
        anchor["span"] = make_span(text, *anchor["span"]) if anchor.get("span") else None
    return Article.model_validate({
        "published": published or own_date,
        "time_anchor": anchor,
        "title": text[title[0]:title[1]] if title else None,
        "products": products,
        **lists,
    })
