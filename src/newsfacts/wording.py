"""Words for people reading a summary line.

>>> counted(1, "article"), counted(3, "article"), counted(2, "time span"), counted(12_345, "word")
('1 article', '3 articles', '2 time spans', '12,345 words')
"""

from __future__ import annotations


def counted(count: int, noun: str) -> str:
    """``count`` with thousands separators and ``noun``, plural unless the count is one."""
    return f"{count:,} {noun}" if count == 1 else f"{count:,} {noun}s"
