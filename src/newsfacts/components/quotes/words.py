"""The quote lexicons (``data/quote_words.jsonl``) and the attribution grammar built from them.

The grammar reads the words of a quote's sentence outside its marks. After the closing mark:
``— NAME`` / ``, said NAME, TITLE of ORG`` / ``, NAME, TITLE, ORG said`` / ``, according to
NAME`` — and at the sentence's end, for a quote inside reported speech, ``…, he said.`` /
``…, said Rao.``. Before the opening mark: ``NAME said: “`` / ``NAME told reporters, “`` /
``According to NAME, “`` / ``NAME was quoted as saying “`` — and anywhere earlier in the
sentence, a reporting verb whose subject speaks the partial quote (``Rao said the phone will
be “a turning point”``).
"""

from __future__ import annotations

from functools import cache

import regex

from ... import lexicons, scan
from ...lexicons import alternation

#: What may stand between a speaker and the reporting verb: "had written", "further added".
AUX = (r"(?:(?:has|had|have|was|is|were|would|will|also|further|then|later|once|again|earlier|previously|"
       r"recently|subsequently|simply|just|only|even|reportedly|separately|repeatedly|quickly|later|"
       r"on\s+\w+day|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|(?:this|last|next)\s+(?:week|month|year|morning|evening)|"
       r"\w+ly)\s+)")
#: The words of a speaker, within one clause: no sentence end, no quote mark.
WHO = r"(?:[^.!?;\n“”\"]|(?<=\b\p{Lu})\.|(?<=\b(?:Mr|Mrs|Ms|Dr|Prof|Gov|Sen|Rep|Lt|Gen|Col|Capt|St|Jr|Sr|Hon|Rev|Maj|Sgt|Adm|Inc|Co|Corp|Ltd|No|vs))\.)"


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
    flags = regex.IGNORECASE
    return {
        "verb": scan.compile_pattern(rf"(?<![\w-]){verb}(?![\w-])", flags),
        # “…” — NAME, TITLE
        "after_dash": regex.compile(r"\A[\s,]*(?:—|–|―|‒|--|-\s)\s*(?P<who>[^\n“”\"(]{1,160})"),
        # “…,” said NAME, TITLE of ORG.   /   “…,” added the spokesperson.
        "after_verb_first": regex.compile(rf"\A[\s,]*(?:{AUX}{{0,2}})(?P<cue>{verb})\s+(?P<who>{WHO}{{1,200}})", flags),
        # “…,” according to NAME.
        "after_according": regex.compile(rf"\A[\s,]*(?P<cue>according\s+to)\s+(?P<who>{WHO}{{1,160}})", flags),
        # …“a partial quote” in the rest of a sentence, he said.   /   …, said Rao.
        "trailing_who_first": regex.compile(rf",\s*(?P<who>[^,.!?;\n“”\"]{{1,80}}?)\s+{AUX}{{0,3}}(?P<cue>{verb})(?![\w-])[^.!?\n“”\"]{{0,80}}[.!?]?\s*\Z", flags),
        "trailing_verb_first": regex.compile(rf",\s*(?P<cue>{verb})\s+(?P<who>{WHO}{{1,160}}?)[.!?]?\s*\Z", flags),
        "trailing_according": regex.compile(rf",?\s*(?P<cue>according\s+to)\s+(?P<who>{WHO}{{1,160}}?)[.!?]?\s*\Z", flags),
        # PENCE: Well, look, … (a transcript)
        "transcript": regex.compile(r"\A(?P<who>\p{Lu}[\p{Lu}'’.-]+(?:\s\p{Lu}[\p{Lu}'’.-]+)?):\s"),
        # ‘…’: CEO Rohan Kapadia on ... (a headline)
        "after_colon": regex.compile(r"\A\s*:\s*(?P<who>(?:[\w&.'’-]+\s+){1,6}?)(?:on|about|says|talks)\b"),
        "title": scan.compile_pattern(rf"(?<![\w-]){title}(?![\w-])", flags),
        # "Director-Brand Strategy", "Head-Consumer Insights (CI)"
        "title_dash": regex.compile(rf"{title}-(?=\p{{Lu}})", flags),
        "org_suffix": scan.compile_pattern(rf"(?<![\w-])(?:{alternation(words['org_suffix'])})(?![\w-])", flags),
        "channel": scan.compile_pattern(rf"(?<![\w-])(?:{alternation(words['channel'])})(?![\w-])", flags),
    }


@cache
def verb_rule() -> scan.CaseBlindRule:
    """The "verb" pattern run on lower-cased text (about 3x faster than case-blind ``re``), each
    match re-read on the text itself."""
    return scan.CaseBlindRule(_patterns()["verb"].pattern, regex.IGNORECASE)


def verbs(text: str, start: int = 0, end: int | None = None, folded_text: str | None = None) -> list:
    """``_patterns()["verb"].finditer(text, start, end)``'s matches, found on ``folded_text``
    (``scan.folded(text)``, computed when not given)."""
    end = len(text) if end is None else end
    return verb_rule().finditer(text, scan.folded(text) if folded_text is None else folded_text, [(start, end)])


@cache
def _brands() -> scan.WordStart:
    return scan.WordStart(rf"(?:{alternation(lexicons.brand_names())})(?:\s+(?:India|Mobile|Mobility|Motors?|Electric|"
                          rf"Technologies|Electronics|Auto|Energy|Research|Group|Ltd|Limited))*(?![\w-])")
