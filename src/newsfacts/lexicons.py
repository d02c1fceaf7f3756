"""Lexicons and patterns kept as data files in ``newsfacts/data/*.jsonl``.

Each line of a data file is one JSON object. Files are read once per process.

>>> any(row["word"] == "lakh" for row in load("magnitudes"))
True
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib.resources import files


@cache
def load(name: str) -> tuple[dict, ...]:
    """Rows of ``data/NAME.jsonl``; blank lines are skipped."""
    text = files("newsfacts.data").joinpath(f"{name}.jsonl").read_text(encoding="utf-8")
    rows = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError as error:  # a broken data file is a packaging bug
            raise ValueError(f"data/{name}.jsonl line {number}: {error.msg}") from error
    return tuple(rows)


def values(name: str, field: str, **where: object) -> list:
    """The ``field`` of every row of ``data/NAME.jsonl`` whose other keys match ``where``.

    >>> "Rs." in values("tokenizer", "text", rule="currency_prefix")
    True
    """
    return [row[field] for row in load(name) if all(row.get(k) == v for k, v in where.items())]


def alternation(strings) -> str:
    """A regex alternation of literal strings, longest first (so the longest one wins), in a fixed order.

    >>> alternation(["Rs", "Rs.", "Rs", "INR"])
    'INR|Rs\\\\.|Rs'
    """
    return "|".join(re.escape(s) for s in sorted(set(strings), key=lambda s: (-len(s), s)))


@cache
def brand_names(makers_only: bool = False) -> tuple[str, ...]:
    """The brands of ``data/brands.jsonl``; ``makers_only`` leaves out retailers, trackers
    and other companies that make no product.

    >>> "Flipkart" in brand_names(), "Flipkart" in brand_names(makers_only=True)
    (True, False)
    """
    return tuple(row["name"] for row in load("brands")
                 if row["kind"] == "brand" and not (makers_only and row["category"] == "company"))
