"""Embedded posts (a tweet's signature line) and the channel a quote came through.

>>> [(p["speaker"], p["text"]) for p in tweets("Sold out again! — Lumio India (@LumioIndia) May 2, 2021", None)]
[('Lumio India', 'Sold out again!')]
"""

from __future__ import annotations

import regex

from ... import scan
from ...scan import compiled
from .words import _patterns, _words

TWEET_SIGNATURE = regex.compile(
    r"[—–-]\s*(?P<name>[^()\n—–]{1,60}?)\s*\(@(?P<handle>\w{1,30})\)\s*(?P<date>[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4})?\s*$",
    regex.MULTILINE)


def tweets(text: str, boilerplate) -> list[dict]:
    """Every embedded tweet: the line before its signature, by the signature's account."""
    found = []
    for match in TWEET_SIGNATURE.finditer(text):
        if boilerplate is not None and boilerplate.contains(match.start()):
            continue
        line_start = scan.line_start(text, match.start())
        body_end = match.start()
        link = text.rfind("pic.twitter.com", line_start, body_end)
        if link >= 0:
            body_end = link
        body = text[line_start:body_end]
        start = line_start + len(body) - len(body.lstrip())
        end = line_start + len(body.rstrip())
        if end - start < 3:
            continue
        found.append({"span": [start, end], "text": text[start:end],
                      "speaker": match.group("name").strip(), "title": None, "organization": None,
                      "cue": None, "channel": "twitter"})
    return found


def channel(fragment: str) -> str | None:
    """The platform or medium named in an attribution: "wrote on Weibo" -> weibo."""
    words = _words()["channel"]
    found = [m.group(0).casefold() for m in _patterns()["channel"].finditer(fragment)]
    channels = [words[w] for w in found if w != "x" or compiled(r"\bon\s+X\b").search(fragment)]
    platforms = [c for c in channels if c not in ("letter", "statement")]
    if platforms:
        return platforms[-1]
    return channels[-1] if channels else None
