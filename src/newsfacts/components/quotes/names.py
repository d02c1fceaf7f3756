"""Names of people and organisations, and the people an article has named so far."""

from __future__ import annotations

import re
from functools import lru_cache

import regex

from ...lexicons import alternation
from ..specs import COLOUR_WORDS
from .words import _brands, _patterns

PRONOUNS = {"he", "she", "they", "we", "i"}
NOT_NAME_WORDS = {
    "The", "This", "That", "These", "Those", "It", "Its", "Our", "We", "He", "She", "They", "In",
    "On", "At", "For", "From", "With", "And", "But", "Or", "As", "If", "When", "While", "After",
    "Before", "Since", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "India", "China", "Indian", "Chinese", "New", "Delhi",
    "Mumbai", "Bengaluru", "Head", "Director", "Officer", "Chief", "Executive", "Managing",
    "President", "Vice", "Vice-President", "Senior", "Research", "Analyst", "Manager", "General",
    "Founder", "Co-founder", "Chairman", "Business", "Sales", "Marketing", "Retail", "Offline",
    "Online", "Category", "Product", "Global", "International", "Country", "Ltd", "Limited", "Pvt",
    "Inc", "Company", "Group", "Motor", "Motors", "Mobile", "Electronics", "Technologies", "Statement",
    "Here", "There", "According", "Also", "Read", "Twitter", "Facebook", "Weibo", "Instagram",
    "Yet", "Still", "However", "Meanwhile", "Now", "Then", "Even", "Only", "Just", "Asked",
    "Speaking", "Analysts", "Industry", "Both", "Each", "Every", "Some", "Many", "Most", "All",
    "Why", "What", "How", "Who", "Where", "Will", "Would", "Could", "Should", "Can", "Is", "Are",
    "Was", "Were", "Has", "Have", "Had", "Did", "Does", "Do", "Your", "My", "His", "Her",
    "Their", "Ex", "Former", "Mr", "Ms", "Dr", "Shri", "Smt",
}
#: Organisations the brand list does not know: "Tarang Motors", "Pragati Electronics".
EXECUTIVE = regex.compile(r"\b(?:CEO|COO|CFO|CMO|CTO|chief|director|president|head|founder|chairman|"
                       r"chairperson|managing|officer|vice)\b", regex.IGNORECASE)
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
COMPANY_WORDS = regex.compile(r"\b(?:the\s+)?(?:company|firm|brand|carmaker|automaker|maker|manufacturer|"
                              r"operator|telco|retailer|group|startup|start-up|e-commerce major|platform)\b",
                              regex.IGNORECASE)
UNNAMED_TITLES = (r"spokesperson|spokesman|spokeswoman|representative|official|executive|"
                  r"dealer|analyst|source|customer|buyer|retailer|engineer|employee|insider")
UNNAMED_TITLE_WORDS = tuple(UNNAMED_TITLES.split("|"))
#: Characters that are neither ``regex``'s ``\\w`` nor ``\\s`` nor "-": no UNNAMED match holds one.
NOT_IN_WORDS = re.compile(r"[!-,./:-@\[-^`{-~“”‘’«»—–…]")
UNNAMED = regex.compile(
    r"\b(?:an?|one|another)\s+(?:(?P<where>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*|[a-z]+-based|company|senior|"
    rf"local)\s+)*(?P<title>{UNNAMED_TITLES})\b",
    regex.IGNORECASE)



# --- who said it ------------------------------------------------------------------------------

class People:
    """Everyone named so far, to resolve "he", "Jain" and "Manu" to "Manu Kumar Jain"."""

    def __init__(self) -> None:
        self.known: list[dict] = []  # {"speaker", "title", "organization"}
        self.last_speaker: dict | None = None  # the last person named or quoted: "he", "she"

    def remember(self, person: dict) -> dict:
        if person.get("speaker"):
            for known in self.known:
                if known["speaker"] == person["speaker"]:
                    known.update({k: v for k, v in person.items() if v})
                    person = {**known}
                    break
            else:
                self.known.append(dict(person))
        return person

    def name_parts(self) -> set[str]:
        """Every word of every known name: what :meth:`by_part` can resolve."""
        return {part for known in self.known if known.get("speaker") for part in known["speaker"].split()}

    def by_part(self, name: str) -> dict | None:
        """The person whose full name contains this one word ("Jain", "Manu")."""
        for known in reversed(self.known):
            if known.get("speaker") and name in known["speaker"].split():
                return dict(known)
        return None



NAME_WORD = regex.compile(r"[A-Z][a-z]+(?:[-'’][A-Z][a-z]+)?|[A-Z]\.")


WORD = regex.compile(r"\S+")
TITLECASE_WORD = re.compile(r"\b[A-Z][a-z]+\b")
TITLECASE = re.compile(r"[A-Z][a-z]+")


def _is_word_char(char: str) -> bool:
    """``re``'s ``\\w`` for a str pattern."""
    return char.isalnum() or char == "_"


def _titlecase_words_among(fragment: str, words: set[str]) -> list[tuple[int, str]]:
    """(offset, word) of the TITLECASE_WORD matches that are one of ``words`` — found by
    looking for those few words rather than reading every capitalised word."""
    found = []
    for word in words:
        if not TITLECASE.fullmatch(word):
            continue
        offset = fragment.find(word)
        while offset >= 0:
            after = offset + len(word)
            if (offset == 0 or not _is_word_char(fragment[offset - 1])) and \
                    (after == len(fragment) or not _is_word_char(fragment[after])):
                found.append((offset, word))
            offset = fragment.find(word, offset + 1)
    return sorted(found)


@lru_cache(maxsize=4096)
def _is_name_word(token: str) -> bool:
    """"Meera" or "D." — capitalised, and no title, brand or sentence word."""
    return (NAME_WORD.fullmatch(token) is not None and token not in NOT_NAME_WORDS
            and not _patterns()["title"].fullmatch(token) and not _brands().fullmatch(token))


def _names_in(fragment: str) -> list[tuple[int, int]]:
    """(start, end) of person names: runs of two to four capitalised words that are no title,
    brand or sentence word ("Chief Financial Officer Meera Sethi" -> "Meera Sethi")."""
    names = []
    for candidate in NAME_SHAPED_RUN.finditer(fragment):  # only name-shaped words can be names
        run = []
        for word in WORD.finditer(fragment, _word_start(fragment, candidate.start()), candidate.end()):
            token = word.group(0).strip(",;:()")
            if token[:1].isupper() and _is_name_word(token):
                run.append((word.start(), word.start() + len(token)))
                continue
            if len(run) > 1 and _is_person_run(fragment, run):
                names.append((run[0][0], run[-1][1]))
            run = []
        if len(run) > 1 and _is_person_run(fragment, run):
            names.append((run[0][0], run[-1][1]))
    return names


#: ``regex``'s ``\s`` and ``\S`` (WORD's) written for ``re``, whose ``\s`` also holds \x1c-\x1f.
SPACE, NOT_SPACE = r"[^\S\x1c-\x1f]", r"[\S\x1c-\x1f]"
_NAME_SHAPE_REST = r"(?:[a-z]+(?:[-'’][A-Z][a-z]+)?|\.)[,;:()]*"
#: Two or more words in a row shaped as a name word (NAME_WORD between ",;:()"), the first
#: found from its capital: every run of name words lies in one such run, which
#: :func:`_names_in` reads from the start of its first word (:func:`_word_start`). Led by a
#: capital (its lookbehind tested after it), ``re`` skips straight to the capitals.
NAME_SHAPED_RUN = re.compile(
    rf"[A-Z](?<![^\s,;:()][A-Z]){_NAME_SHAPE_REST}(?:{SPACE}+[,;:()]*[A-Z]{_NAME_SHAPE_REST}(?!{NOT_SPACE}))+")


def _word_start(fragment: str, offset: int) -> int:
    """Where the WORD holding ``offset`` starts."""
    while offset > 0 and (not fragment[offset - 1].isspace() or fragment[offset - 1] in "\x1c\x1d\x1e\x1f"):
        offset -= 1
    return offset


def _is_person_run(fragment: str, run: list[tuple[int, int]]) -> bool:
    """Two to four name words that are no brand, colour ("Graphite Black") or the rest of a
    brand's product name ("Flipkart Pay Later")."""
    if not 2 <= len(run) <= 4:
        return False
    start, end = run[0][0], run[-1][1]
    if _brands().search(fragment, start, end) or COLOUR_WORDS.search(fragment[start:end]):
        return False
    before = fragment[max(0, start - 60):start].rstrip()
    brand = None
    for brand in _brands().finditer(before):
        pass
    if brand is None or brand.end() != len(before):
        return True
    # "Managing Director Xiaomi India Manu Kumar Jain": an organisation, then the name;
    # "Flipkart Pay Later": a brand's own product
    return bool(_patterns()["title"].search(before[max(0, brand.start() - 40):brand.start()]))

