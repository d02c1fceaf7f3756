"""Anchoring: the date an article's relative periods count from."""

from __future__ import annotations

from datetime import date

from ... import dates


def reference_date(text: str, published: date | None) -> date | None:
    """The date relative periods count from: ``published``, else the latest full date in
    the text (an embedded post's "April 10, 2019")."""
    if published is not None:
        return published
    found = [day for day, _ in dates.find_dates(text)]
    return max(found) if found else None


