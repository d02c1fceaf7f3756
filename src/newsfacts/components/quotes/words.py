"""The quote lexicons (``data/quote_words.jsonl``) and the patterns built from them."""

from __future__ import annotations

from functools import cache

import regex

from ... import lexicons, scan
from ...lexicons import alternation

NAME_TOKEN = r"(?:[A-Z][a-z]+(?:[-'’][A-Z][a-z]+)?|[A-Z]\.)"
NAME = rf"{NAME_TOKEN}(?:\s+(?:{NAME_TOKEN}|de|van|von|bin|al|da)){{1,3}}"
@cache
def _words() -> dict[str, dict[str, str]]:
    roles: dict[str, dict[str, str]] = {}
    for row in lexicons.load("quote_words"):
        roles.setdefault(row["role"], {})[row["word"].casefold()] = row.get("channel", "")
    return roles



@cache
def _patterns() -> dict[str, regex.Pattern]:
    words = _words()
    verb = rf"(?:{alternation(words['verb'])})"
    title = rf"(?:{alternation(words['title'])})"
    return {
        "verb": scan.compile_pattern(rf"(?<![\w-]){verb}(?![\w-])", regex.IGNORECASE),
        # “…,” said NAME, TITLE of ORG.
        "after_verb_first": scan.compile_pattern(rf"\A\s*,?\s*(?P<cue>{verb})\s+(?P<who>(?:[^.!?\n“”\"]|(?<=\b[A-Z])\.){{1,160}})", regex.IGNORECASE),
        # “…,” NAME, TITLE, ORG said.
        "after_who_first": scan.compile_pattern(rf"\A\s*,?\s*(?P<who>(?:[^.!?\n“”\"]|(?<=\b[A-Z])\.){{1,200}}?)\s*,?\s+(?P<cue>{verb})\b", regex.IGNORECASE),
        # “…” — NAME, TITLE
        "after_dash": scan.compile_pattern(r"\A\s*[—–-]\s*(?P<who>[^\n“”\"]{1,160})"),
        # ‘…’: CEO Rohan Kapadia on ... (a headline)
        "after_colon": scan.compile_pattern(rf"\A\s*:\s*(?P<who>(?:[\w&.-]+\s+){{0,6}}?{NAME})\s+(?:on|about|says|talks)\b"),
        # NAME, TITLE at ORG, said: “…   /   NAME said, “…
        "before": scan.compile_pattern(rf"(?P<who>(?:[^.!?\n“”\"]|(?<=\b[A-Z])\.){{1,200}}?)\s*,?\s+(?P<cue>{verb})(?P<channel>[^.!?\n:“”\"]{{0,50}}?)\s*[:,]?\s*\Z", regex.IGNORECASE),
        # the cue alone at the end: without it, "before" cannot match (a cheap test first)
        "before_cue": scan.compile_pattern(rf"\s(?:{verb})[^.!?\n:“”\"]{{0,50}}?\s*[:,]?\s*\Z", regex.IGNORECASE),
        # according to NAME, “…
        "according": scan.compile_pattern(r"(?P<cue>according to)\s+(?P<who>(?:[^.!?\n“”\"]|(?<=\b[A-Z])\.){1,160}?)\s*[:,]?\s*\Z", regex.IGNORECASE),
        "title": scan.compile_pattern(rf"(?<![\w-]){title}(?![\w-])", regex.IGNORECASE),
        "name": scan.compile_pattern(rf"(?<![\w-]){NAME}(?![\w-])"),
        "org_suffix": scan.compile_pattern(rf"(?<![\w-])(?:{alternation(words['org_suffix'])})(?![\w-])", regex.IGNORECASE),
        "channel": scan.compile_pattern(rf"(?<![\w-])(?:{alternation(words['channel'])})(?![\w-])", regex.IGNORECASE),
    }


@cache
def _brands() -> scan.WordStart:
    return scan.WordStart(rf"(?:{alternation(lexicons.brand_names())})(?:\s+(?:India|Mobile|Mobility|Motors?|Electric|"
                          rf"Technologies|Electronics|Auto|Energy|Research|Group|Ltd|Limited))*(?![\w-])")

