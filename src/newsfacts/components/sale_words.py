"""The words of sales, as patterns: verbs, items, what is no sale, bounds; and clauses.

The words are data (``data/sales_words.jsonl``): each has a role (verb, item, not_a_sale) and a
verb its metric ("shipped", "booked"...).

>>> _patterns()["verb"].search("Orvix shipped 2 lakh units").group(0)
'shipped'
"""

from __future__ import annotations

from functools import cache

import regex

from .. import lexicons, scan
from ..lexicons import alternation


@cache
def _words() -> dict[str, dict[str, str]]:
    """role -> {word: metric or ""} from data/sales_words.jsonl."""
    roles: dict[str, dict[str, str]] = {}
    for row in lexicons.load("sales_words"):
        roles.setdefault(row["role"], {})[row["word"].casefold()] = row.get("metric", "")
    return roles


@cache
def _patterns() -> dict[str, regex.Pattern]:
    words = _words()
    # each word list as a trie (lexicons.alternation), the longest word that fits winning as in
    # a longest-first list: ``re`` follows it a character at a time instead of trying each of
    # ~90 words at every position (3.5x)
    return {
        "verb": scan.compile_pattern(rf"(?<![\w-])(?:{alternation(words['verb'])})(?![\w-])", regex.IGNORECASE),
        # a verb at most two words before the end: "crossed 2.2 lakh", "sold over"
        "verb_near_end": scan.compile_pattern(rf"(?:(?<![\w-])(?:{alternation(words['verb'])})(?![\w-]))\s+(?:\S+\s+){{0,2}}\Z",
                                       regex.IGNORECASE),
        "item": scan.compile_pattern(rf"(?:\+|-?plus)?\s*(?:(?:[a-z][\w-]*|domestic|electric)\s+){{0,2}}?(?P<item>{alternation(words['item'])})(?![\w-])",
                              regex.IGNORECASE),
        # a small count is a sale only right after its verb: "sold 40 handsets", "bought six iPhones"
        "verb_right_before": scan.compile_pattern(rf"(?<![\w-])(?:{alternation(words['verb'])})\s+(?:just\s+|only\s+)?\Z",
                                                  regex.IGNORECASE),
        "not_a_sale": scan.compile_pattern(rf"(?<![\w-])(?:{alternation(words['not_a_sale'])})(?![\w-])", regex.IGNORECASE),
        "bound_verb": scan.compile_pattern(r"(?<![\w-])(?:(?:crossed|crosses|cross|crossing|passed|surpassed|topped|exceeded)\s+(?:the\s+)?"
                                    r"(?:(?:mark|milestone|landmark|figure)\s+of\s+)?|"
                                    r"(?:over|more than|above|at least|upwards of|in excess of|north of)\s+)\Z",
                                    regex.IGNORECASE),
        "bound_at_most": scan.compile_pattern(r"(?<![\w-])(?:nearly|close to|almost|just under|fewer than|less than|"
                                       r"under|up to|shy of)\s+\Z", regex.IGNORECASE),
        "bound_about": scan.compile_pattern(r"(?<![\w-])(?:about|around|some|approximately|roughly|an estimated|"
                                     r"estimated|nearly about|over about)\s+\Z", regex.IGNORECASE),
    }


CLAUSE_BREAK = scan.compile_pattern(r"[;:—]|,(?!\d)")


def _clause_start(text: str, offset: int, sentence_start: int) -> int:
    """Where the clause holding ``offset`` begins: after ; : — or a comma that is no digit
    grouping ("800,000"), or at the sentence start."""
    breaks = list(CLAUSE_BREAK.finditer(text, sentence_start, offset))
    return breaks[-1].end() if breaks else sentence_start


MIN_UNITS = 100  # "6 phones", "one phone": too few to be a sales figure
