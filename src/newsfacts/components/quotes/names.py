"""Names of people and organisations, and the people an article has named so far.

A person's name is a run of name-shaped words: capitalised words of any script ("Sky Li",
"Runar Bjørhovde", "Ocasio-Cortez", "McAdam", "O'Brien"), initials dotted or not
("Arun K.S.", "G.K. Butterfield", "TK Menon", "R K Verma") and particles ("Ursula von der
Leyen"), after an optional honorific or rank ("Mr.", "Dr", "Gov.", "Sen.", "Major") that is no
part of it. A word of a title, an organisation, a place, the calendar or the sentence
("Analyst", "Xiaomi", "India", "March", "The") is never part of a name: "Analyst Maya Rao" is
the title "Analyst" and the name "Maya Rao". The words are data (``data/name_words.jsonl``).

An organisation is a brand, a name ending in a company word ("Tarang Motors"), an
abbreviation ("SMMT", "CMR"), or — where the attribution puts one ("CEO of Lumio Traders") —
any short run of capitalised words.

>>> [("Analyst Maya Rao said"[s:e]) for s, e in person_names("Analyst Maya Rao said")]
['Maya Rao']
>>> [("Gov. Mike Pence and R K Verma"[s:e]) for s, e in person_names("Gov. Mike Pence and R K Verma")]
['Mike Pence', 'R K Verma']
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

import regex

from ... import lexicons
from ...lexicons import alternation
from ..specs import COLOUR_WORDS
from .words import _brands, _patterns

PRONOUNS = {"he", "she", "they", "we", "i"}


@cache
def name_words() -> dict[str, frozenset[str]]:
    """The words of ``data/name_words.jsonl`` by role: honorific, particle, not_name, place,
    unnamed (a source no one names: "a dealer"), anaphoric (such a noun that, after "the",
    means the person just named: "the teenager"), company_noun, document, department."""
    roles: dict[str, set[str]] = {}
    for row in lexicons.load("name_words"):
        roles.setdefault(row["role"], set()).add(row["word"])
    return {role: frozenset(words) for role, words in roles.items()}


@cache
def _place_pattern() -> regex.Pattern:
    return regex.compile(rf"(?:{alternation(name_words()['place'])})(?![\w-])")


#: Organisations the brand list does not know: "Tarang Motors", "Pragati Electronics".
EXECUTIVE = regex.compile(r"\b(?:CEO|COO|CFO|CMO|CTO|chief|director|president|head|founder|chairman|"
                          r"chairperson|managing|officer|vice|MD)\b", regex.IGNORECASE)
#: The last word of an organisation's name: "Tarang Motors", "Sino Device Insights".
ORG_SUFFIXES = (
    "Motors", "Motor", "Electronics", "Technologies", "Mobile", "Mobility", "Industries", "Energy",
    "Networks", "Research", "Insights", "Infotech", "Infrastructure", "Engineering", "Labs", "Ltd",
    "Limited", "Inc", "Corp", "Group", "Auto", "Systems", "Solutions", "Telecom", "Charging Networks",
    "Data", "Motocorp", "MotoCorp", "Automotive", "Pharma", "Power", "Finance", "Bank", "Capital",
    "Ventures", "Devices", "Digital", "Media", "Airlines", "Logistics", "Semiconductor", "Semiconductors",
    "AG", "SA", "SE", "GmbH", "PLC", "LLC")
ORG_SUFFIX = re.compile(rf"(?:{alternation(ORG_SUFFIXES)})(?![\w-])")
#: One to five capitalised words, then a suffix. (Python's ``re`` runs this 2.5x faster than
#: ``regex``.)
ORG_NAME_WORDS = 5
ORG_NAME = re.compile(rf"(?<![\w-])(?:(?:[A-Z][\w&.'’-]*|&)\s+){{1,{ORG_NAME_WORDS}}}{ORG_SUFFIX.pattern}")
ORG_NAME_START = re.compile(r"[A-Z&]")
#: An abbreviation standing for an organisation: "SMMT", "CMR", "AT&T" (not a title: "CEO").
ACRONYM = regex.compile(r"[A-Z][A-Z&]{1,6}(?:-[A-Z0-9]{1,4})?")


@cache
def _company_nouns() -> regex.Pattern:
    """"the company", "the Chinese smartphone maker", "the e-commerce major"."""
    return regex.compile(rf"(?:the|this|our|its)\s+(?:[\w-]+\s+){{0,3}}?(?:{alternation(name_words()['company_noun'])})\b",
                         regex.IGNORECASE)


@cache
def _documents() -> regex.Pattern:
    """"the statement", "a company statement", "its recent report", "a message on its website"."""
    return regex.compile(rf"\b(?:the|a|an|its|their|his|her|this)\s+(?:[\w-]+\s+){{0,3}}?(?:{alternation(name_words()['document'])})\b",
                         regex.IGNORECASE)


@cache
def _unnamed() -> regex.Pattern:
    """"a company spokesperson", "an Amazon India spokesperson", "industry sources", "the
    spokesperson", "one person"; ``where`` is the organisation or place before the noun."""
    nouns = alternation(name_words()["unnamed"])
    return regex.compile(
        r"(?:\b(?:an?|one|another|the|two|three|several|some|many)\s+|^)"
        r"(?:(?P<where>\p{Lu}[\w&-]*(?:\s+\p{Lu}[\w&-]*){0,4})\s+)?"
        r"(?:(?!(?:of|the|who|that|which|and|or|is|was)\b)[a-z][\w-]*\s+){0,3}"
        rf"(?P<title>{nouns})\b")


def department(piece: str) -> bool:
    """"Consumer Products", "Marketing & Communications": a part of a company, not one."""
    words = name_words()["department"]
    return all(word in words for word in piece.replace(",", " ").split())


def company_noun(who: str) -> bool:
    return _company_nouns().fullmatch(who.strip()) is not None


def document_noun(who: str) -> regex.Match | None:
    return _documents().search(who)


def unnamed_source(who: str) -> regex.Match | None:
    """"a dealer", "a Delhi-based dealer in Lucknow": the description, and where from."""
    who = who.strip()
    match = _unnamed().match(who)
    if match is None or (match.end() < len(who) and not UNNAMED_TAIL.match(who, match.end())):
        return None
    return match


def unnamed_sources_in(text: str) -> list[regex.Match]:
    """Every "the/a … spokesperson" description in a stretch of narration."""
    return [m for m in _unnamed().finditer(text) if m.group(0)[:1].isalpha()]


UNNAMED_TAIL = regex.compile(r"\s+(?:in|at|from|of|with|for|based|near|outside)\b|\s*,|\s*\(")


# --- people ---------------------------------------------------------------------------------

NAME_WORD = regex.compile(r"(?:\p{Lu}['’])?\p{Lu}\p{Ll}+(?:\p{Lu}\p{Ll}+)?(?:-\p{Lu}?\p{Ll}+)*")
DOTTED_INITIALS = regex.compile(r"(?:\p{Lu}\.-?){1,3}")
UNDOTTED_INITIALS = regex.compile(r"\p{Lu}{1,2}")
TOKEN = regex.compile(r"(?<![\p{L}\p{N}])(?:(?:\p{Lu}\.-?)+|[\p{L}\p{M}][\p{L}\p{M}'’-]*\.?)|\S")
MAX_NAME_WORDS = 5
#: "the Kestrel Nova", "a Lumio Pro": a thing's name, not a person's.
#: Matched backwards (``REVERSE``) from the name's start, not tried at every position before it.
ARTICLE_BEFORE = regex.compile(r"(?:^|\s)(?:the|a|an|its|their|our|The|A|An|Its|Their|Our)\s+\Z", regex.REVERSE)


@lru_cache(maxsize=8192)
def is_name_word(token: str) -> bool:
    """"Meera", "Bjørhovde", "McAdam", "D." — a capitalised word that is no title, brand,
    place or sentence word."""
    if DOTTED_INITIALS.fullmatch(token):
        return True
    words = name_words()
    if "-" in token and any(part in words["not_name"] or _patterns()["title"].fullmatch(part)
                            for part in token.split("-")):
        return False  # "Director-Brand", "Vice-President"
    return (NAME_WORD.fullmatch(token) is not None and token not in words["not_name"]
            and token not in words["place"] and token not in words["honorific"]
            and not _patterns()["title"].fullmatch(token) and not _brands().fullmatch(token))


def is_honorific(token: str) -> bool:
    return token in name_words()["honorific"]


def _tokens(fragment: str) -> list[tuple[int, int, str]]:
    """(start, end, word) of every word; a full stop stays on an initial or an honorific
    ("K.", "Mr.") and leaves other words ("Cook." at a sentence's end)."""
    found, position = [], 0
    for word in TOKEN.findall(fragment):  # words cover every non-space: each is found at once
        start = fragment.find(word, position)
        position = start + len(word)
        found.append((start, position, word))
    if "." not in fragment:
        return found
    honorifics = name_words()["honorific"]
    for index, (start, end, word) in enumerate(found):
        if word[-1] == "." and len(word) > 1 and not DOTTED_INITIALS.fullmatch(word) and word not in honorifics:
            found[index] = (start, end - 1, word[:-1])
    return found


def _may_start_name(word: str) -> bool:
    """Whether a word starts with a capital (``\\p{Lu}``), as every name word, initial and
    honorific does: a cheap test before the others. ``str.isupper`` knows most such capitals;
    the rest, in newer Unicode than Python's, are asked of ``regex``."""
    first = word[0]
    return first.isupper() or (first >= "\u1c89" and CAPITAL.match(first) is not None)


CAPITAL = regex.compile(r"\p{Lu}")


def person_names(fragment: str, honorifics: bool = False) -> list[tuple[int, int]]:
    """(start, end) of the people's names in ``fragment``: two to five name words, or one
    after an honorific ("Mr. Mathur"); with ``honorifics``, the span holds the honorific."""
    tokens = _tokens(fragment)
    words = name_words()
    names = []
    index = 0
    while index < len(tokens):
        start, end, word = tokens[index]
        if not _may_start_name(word):
            index += 1  # no honorific, name word or initial: no name starts here
            continue
        lead = None
        if is_honorific(word) and index + 1 < len(tokens) and fragment[end:tokens[index + 1][0]].strip() == "":
            lead = start
            index += 1
        run: list[tuple[int, int, str]] = []
        while index < len(tokens):
            start, end, word = tokens[index]
            gap = fragment[run[-1][1]:start] if run else " "
            if run and (gap.strip() or "\n" in gap):
                break
            if is_name_word(word) or _initials_before_name(fragment, tokens, index) \
                    or (run and word in words["particle"] and _particles_before_name(fragment, tokens, index)):
                run.append((start, end, word))
                index += 1
                continue
            break
        if run and (len(run) > MAX_NAME_WORDS or (len(run) > 3 and not any(
                DOTTED_INITIALS.fullmatch(w) or w in words["particle"] or UNDOTTED_INITIALS.fullmatch(w)
                for _, _, w in run))):
            run = []  # four capitalised words with no initial are a headline's, not a name
        after_article = lead is None and run and ARTICLE_BEFORE.search(fragment, 0, run[0][0]) is not None
        if run and (len(run) >= 2 or lead is not None) and not after_article and _is_person_run(fragment, run):
            names.append((lead if honorifics and lead is not None else run[0][0], run[-1][1]))
        if not run:
            index += 1 if lead is None else 0
    return names


def _particles_before_name(fragment: str, tokens: list[tuple[int, int, str]], index: int) -> bool:
    """"von der" in "Ursula von der Leyen": particles count when a name word follows them."""
    particles = name_words()["particle"]
    following = index
    while following < len(tokens) and tokens[following][2] in particles and following - index < 3:
        following += 1
    return following < len(tokens) and is_name_word(tokens[following][2]) and \
        regex.fullmatch(r"[\w ]*", fragment[tokens[index][1]:tokens[following][0]]) is not None


def _initials_before_name(fragment: str, tokens: list[tuple[int, int, str]], index: int) -> bool:
    """Undotted initials ("TK", "R K") count as a name's words when a name word follows."""
    following = index
    while following < len(tokens) and following - index < 3 and UNDOTTED_INITIALS.fullmatch(tokens[following][2]) \
            and not _patterns()["title"].fullmatch(tokens[following][2]) and tokens[following][2] not in name_words()["place"]:
        if following + 1 < len(tokens) and fragment[tokens[following][1]:tokens[following + 1][0]].strip():
            return False
        following += 1
    return following > index and following < len(tokens) and is_name_word(tokens[following][2])


def _is_person_run(fragment: str, run: list[tuple[int, int, str]]) -> bool:
    """Name words that are no brand, colour ("Graphite Black") or the rest of a brand's
    product name ("Flipkart Pay Later")."""
    start, end = run[0][0], run[-1][1]
    if COLOUR_WORDS.fullmatch(run[-1][2]) or is_place(fragment[start:end]):
        return False
    brand = _brands().search(fragment, start, end)
    if brand is not None and not (brand.start() > start and brand.end() == end and len(run) >= 2):
        return False  # "Flipkart Pay Later"; but a surname a company shares is a name: "Rajiv Bajaj"
    before = fragment[max(0, start - 60):start].rstrip()
    brand = None
    for brand in _brands().finditer(before):
        pass
    if brand is None or brand.end() != len(before):
        return True
    # "Managing Director Xiaomi India Manu Kumar Jain": an organisation, then the name;
    # "Flipkart Pay Later": a brand's own product
    return bool(_patterns()["title"].search(before[max(0, brand.start() - 40):brand.start()]))


def single_name(word: str) -> bool:
    """A lone word that may name someone ("Trump", "Sharma"): name-shaped, no other word."""
    return is_name_word(word) and not DOTTED_INITIALS.fullmatch(word)


def strip_honorific(name: str) -> tuple[str, str | None]:
    """("Mike Pence", "Gov.") from "Gov. Mike Pence"."""
    words = name.split()
    lead = []
    while len(words) > 1 and is_honorific(words[0]):
        lead.append(words.pop(0))
    return " ".join(words), " ".join(lead) or None


# --- organisations --------------------------------------------------------------------------

def is_place(piece: str) -> bool:
    return _place_pattern().fullmatch(piece.strip()) is not None


def is_acronym(piece: str) -> bool:
    return bool(ACRONYM.fullmatch(piece)) and not _patterns()["title"].fullmatch(piece) and not is_place(piece)


TITLECASE_RUN = regex.compile(r"(?:(?:\p{Lu}[\w&.'’-]*|&|of|and|for|the)\s*){1,6}")


def is_org(piece: str, loose: bool = False, known: frozenset[str] | set[str] = frozenset()) -> bool:
    """A brand, an organisation the article named, a name with an organisation's suffix, an
    abbreviation — or, with ``loose`` (after "at"/"of"), any short Titlecase name ("Honor Sri
    Lanka", "Sino Device Insight")."""
    piece = piece.strip(" ,")
    if piece in known or _brands().fullmatch(piece):
        return True  # "realme" is a brand however it is written
    if not piece or not piece[0].isupper():
        return False
    if _brands().match(piece) or ORG_NAME.fullmatch(piece) or is_acronym(piece):
        return True
    titlecase = TITLECASE_RUN.fullmatch(piece) is not None and not piece.split()[-1] in ("of", "and", "for", "the")
    if not titlecase or is_place(piece):
        return False
    return bool(_patterns()["org_suffix"].search(piece)) or loose


class People:
    """Everyone named so far, to resolve "he", "Jain" and "Manu" to "Manu Kumar Jain"."""

    def __init__(self) -> None:
        self.known: list[dict] = []  # {"speaker", "title", "organization"}
        self.last_speaker: dict | None = None  # the last person named or quoted: "he", "she"

    def remember(self, person: dict) -> dict:
        if person.get("speaker"):
            for known in self.known:
                if known["speaker"] == person["speaker"]:
                    known.update({k: v for k, v in person.items() if v and not known.get(k)})
                    person = {**known}
                    break
            else:
                self.known.append(dict(person))
        return person

    def described(self, name: str) -> dict | None:
        """The person of this full name, when their title and organisation are known already
        (a later mention need not be read for them)."""
        for known in self.known:
            if known["speaker"] == name and known.get("title") and known.get("organization"):
                return dict(known)
        return None

    def name_parts(self) -> set[str]:
        """Every word of every known name: what :meth:`by_part` can resolve."""
        return {part for known in self.known if known.get("speaker") for part in known["speaker"].split()}

    def by_part(self, name: str) -> dict | None:
        """The person whose full name contains this one word ("Jain", "Manu"; "PENCE" too)."""
        for known in self.known:
            if known.get("speaker") and name in known["speaker"].split():
                return dict(known)
        if name.isupper() and len(name) > 2:
            return self.by_part(name.capitalize())
        if len(name) >= 5:  # a page's misspelling: "Qureshi" for "Quershi"
            for known in self.known:
                if known.get("speaker") and any(_one_slip(name, part) for part in known["speaker"].split()):
                    return dict(known)
        return None


def _one_slip(word: str, other: str) -> bool:
    """Two spellings of one name, a typing slip apart: two letters swapped, one letter
    changed, added or dropped; the first letter the same."""
    if word == other or word[:1] != other[:1] or abs(len(word) - len(other)) > 1 or len(other) < 5:
        return False
    if len(word) == len(other):
        diffs = [i for i, (a, b) in enumerate(zip(word, other)) if a != b]
        return len(diffs) == 1 or (len(diffs) == 2 and diffs[1] == diffs[0] + 1
                                   and word[diffs[0]] == other[diffs[1]] and word[diffs[1]] == other[diffs[0]])
    short, long = sorted((word, other), key=len)
    return any(long[:i] + long[i + 1:] == short for i in range(len(long)))


TITLECASE_WORD = re.compile(r"\b[A-Z][a-z]+\b")
