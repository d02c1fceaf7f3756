"""Finding every time span of a text: each rule runs in its trigger windows, its matches
pass the filters, handlers resolve them, and the longest of overlapping candidates wins."""

from __future__ import annotations

from datetime import date

from ... import scan
from ..layout import Boilerplate
from .filters import _acceptable
from .fiscal import _fiscal_context
from .phrases import rules
from .resolve import HANDLERS, Resolver
from .triggers import WINDOW_AFTER, WINDOW_BEFORE, _rule_windows, trigger


def find_time_spans(text: str, reference: date | None, boilerplate: Boilerplate | None = None) -> list[dict]:
    """Every time span in ``text`` as plain records (see the module docstring)."""
    folded = scan.folded(text)
    fiscal_context = _fiscal_context(text, folded)
    resolver = Resolver(text, reference, fiscal_context)
    candidates = []
    per_class = _rule_windows(folded)
    spans = scan.windows(text, trigger(), WINDOW_BEFORE, WINDOW_AFTER) if per_class is None else None
    for priority, (name, rule) in enumerate(rules()):
        windows = spans if per_class is None else per_class[name]
        for match in rule.finditer(text, folded, windows):
            start, end = match.span()
            if boilerplate is not None and boilerplate.contains(start):
                continue
            if not _acceptable(text, name, match):
                continue
            record = HANDLERS[name](resolver, match)
            if record is None:
                continue
            record.setdefault("anchor", None)
            candidates.append((start, end, priority, record))
    ranked = sorted(candidates, key=lambda c: (-(c[1] - c[0]), c[2], c[0]))  # longest first
    chosen = scan.pick_non_overlapping((start, end, record) for start, end, _, record in ranked)
    return [{"span": [start, end], **record} for start, end, record in chosen]
