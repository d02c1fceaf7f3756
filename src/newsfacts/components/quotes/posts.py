"""Embedded posts: a tweet's signature line."""

from __future__ import annotations

import regex

TWEET_SIGNATURE = regex.compile(
    r"[—–-]\s*(?P<name>[^()\n—–]{1,60}?)\s*\(@(?P<handle>\w{1,30})\)\s*(?P<date>[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4})?\s*$",
    regex.MULTILINE)
