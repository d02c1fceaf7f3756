"""Scan only where a cheap trigger fired: windows of text around trigger matches.

Rules with many alternatives are dear to run over a whole article; a plain keyword regex
finds the few places worth a closer look, and the rules run inside those windows only.
Window ends are snapped to white space, so a rule's lookarounds see whole words.

>>> import regex
>>> text = "It sold out in 18 days. Nothing else here."
>>> [text[s:e] for s, e in windows(text, regex.compile(r"days"), 12, 5)]
['sold out in 18 days. Nothing']
"""

from __future__ import annotations

import bisect
import os
import re
from functools import lru_cache

import regex

from .lexicons import alternation

_SPACE = re.compile(r"\s")


#: The flags ``re`` and ``regex`` give the same values (``regex.VERSION1`` is ``re.ASCII``'s).
_RE_FLAGS = re.IGNORECASE | re.MULTILINE | re.DOTALL | re.VERBOSE | re.UNICODE


def compile_pattern(pattern: str, flags: int = 0) -> re.Pattern | regex.Pattern:
    """Python's ``re`` when it can compile ``pattern`` (and knows the ``flags``), else
    ``regex`` (variable-width lookbehinds, ``\\p{..}``, VERSION1...). On our rules ``re`` runs
    1.2-3x faster with the same matches; tests/test_scan.py checks the rule patterns give
    the same matches under both on the corpus.

    >>> isinstance(compile_pattern(r"\\d+ GB"), re.Pattern), isinstance(compile_pattern(r"(?<=\\d+) GB"), regex.Pattern)
    (True, True)
    """
    if not flags & ~_RE_FLAGS:
        try:
            return re.compile(pattern, flags)
        except re.error:
            pass
    return regex.compile(pattern, flags)


@lru_cache(maxsize=4096)
def compiled(pattern: str, flags: int = 0) -> regex.Pattern:
    """``regex.compile(pattern, flags)``, cached: a small pattern written where it is used
    costs one dict lookup per call instead of ``regex``'s own cache checks (which cost more
    than matching a short string).

    >>> compiled(r"\\d+").findall("4 GB, 64 GB")
    ['4', '64']
    """
    return regex.compile(pattern, flags)


def windows(text: str, trigger, before: int, after: int) -> list[tuple[int, int]]:
    """Merged (start, end) windows reaching ``before``/``after`` characters around each
    trigger match, widened to the nearest white space (or the text's ends). ``trigger`` is a
    pattern, a :class:`Trigger`, or the sorted (start, end) of its matches."""
    spans: list[tuple[int, int]] = []
    if isinstance(trigger, list):
        found = trigger
    elif isinstance(trigger, Trigger):
        found = trigger.spans(text)
    else:
        found = [m.span() for m in trigger.finditer(text)]
    if not found:
        return []
    for match_start, match_end in found:
        start = max(0, match_start - before)
        end = min(len(text), match_end + after)
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], end))
        else:
            spans.append((start, end))
    snapped = []
    for start, end in spans:
        space_before = text.rfind(" ", 0, start)
        newline_before = text.rfind("\n", 0, start)
        start = max(space_before, newline_before, -1) + 1
        next_space = _SPACE.search(text, end)
        end = next_space.start() if next_space else len(text)
        if snapped and start <= snapped[-1][1]:
            snapped[-1] = (snapped[-1][0], max(snapped[-1][1], end))
        else:
            snapped.append((start, end))
    return snapped


class Trigger:
    """A trigger regex run one alternative at a time, each in the form Python's ``re`` finds
    fastest: a branch that starts with a literal is searched for that literal directly,
    while an alternation ("oled|qled|lcd") or a leading ``\\b`` makes ``re`` try every
    position. A leading ``\\bword`` becomes ``word(?<!\\wword)`` (the same condition, tested
    after the literal), and ``\\d`` becomes ``[0-9]``: triggers run on news copy, whose digits
    are ASCII. A branch whose leading literal is not in the text is not scanned. Matches come
    sorted by start, as :func:`windows` needs.

    >>> [m.group() for m in Trigger(r"oled|\\bips\\b|\\d\\s?hz").finditer("ips oled, 120hz; chips")]
    ['ips', 'oled', '0hz']
    """

    def __init__(self, pattern: str):
        self.pattern = pattern
        self.branches = [re.compile(_literal_first(branch)) for branch in split_alternatives(pattern)]
        #: Each branch's leading literal: a text without it cannot hold a match, and
        #: ``literal in text`` costs a fraction of the branch's scan.
        self.literals = [_leading_literal(branch.pattern) for branch in self.branches]

    def finditer(self, text: str) -> list[re.Match]:
        """Every branch's matches, sorted by start."""
        found = [match for branch, literal in zip(self.branches, self.literals)
                 if literal in text for match in branch.finditer(text)]
        return found if len(self.branches) == 1 else sorted(found, key=_start)

    def spans(self, text: str) -> list[tuple[int, int]]:
        """The (start, end) of every match, sorted by start — what :func:`windows` reads."""
        return [match.span() for match in self.finditer(text)]

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match | None:
        """The first match in ``text[pos:endpos]``, as ``re.Pattern.search``."""
        endpos = len(text) if endpos is None else endpos
        found = [m for m in (branch.search(text, pos, endpos) for branch in self.branches) if m]
        return min(found, key=_start) if found else None


class TriggerSet:
    """Many triggers run together. Their branches led by a digit ("\\d\\s?mah", "\\d\\s?hz",
    "\\d\\s?[gt]b"...) are all tried in one pass over the text's digits: after a digit that
    one of them can follow, one lookahead per branch records where that branch's match would
    end, instead of each branch visiting every digit of the text. The other branches run
    one by one, each led by its literal (see :class:`Trigger`) — and only when one pass of
    all their leading literals, written as a trie, found that literal in the text (most
    of the 80 spec triggers' words are in no given article). ``spans`` gives, per trigger,
    what :meth:`Trigger.spans` would.

    >>> triggers = TriggerSet([r"\\d\\s?mah", r"\\d\\s?hz|oled", r"\\bram\\b"])
    >>> triggers.spans("a 5000mah, 120 hz oled; 8gb ram")
    {'\\\\d\\\\s?mah': [(5, 9)], '\\\\d\\\\s?hz|oled': [(13, 17), (18, 22)], '\\\\bram\\\\b': [(28, 31)]}
    """

    def __init__(self, triggers):
        """``triggers``: patterns or :class:`Trigger` objects (keyed by their pattern)."""
        self.triggers = {}
        for trigger in triggers:
            trigger = Trigger(trigger) if isinstance(trigger, str) else trigger
            self.triggers[trigger.pattern] = trigger
        #: What may follow the leading digit of each digit-led branch, each once, in the
        #: order of ``digit_starts``' lookahead groups.
        self.rests = list(dict.fromkeys(rest for trigger in self.triggers.values() for branch in trigger.branches
                                        if (rest := _after_leading_digit(branch.pattern)) is not None))
        #: Which of ``digit_starts``' groups is each rest's lookahead (a rest's own groups follow it).
        self.rest_groups = []
        group = 0
        for rest in self.rests:
            self.rest_groups.append(group)
            group += 1 + re.compile(rest).groups
        # a digit that some branch can follow, then each branch's end as an optional lookahead;
        # where no branch goes on with a digit, only a number's last digit is tried
        last_digit = "" if any(_may_start_with_digit(rest) for rest in self.rests) else "(?![0-9])"
        self.digit_starts = re.compile(f"[0-9]{last_digit}(?={_after_space_first(self.rests)})"
                                       + "".join(f"(?=({rest})|)" for rest in self.rests)) if self.rests else None
        # literals of one character stand in most texts: their branches are always scanned
        literals = {literal for trigger in self.triggers.values() for literal in trigger.literals if len(literal) > 1}
        self.literal_finder = re.compile(alternation(literals)) if literals else None
        #: Each literal -> itself and the literals it starts with ("ips" -> "ip"): the trie
        #: reports the longest literal standing at a place, and those are there too.
        self.implied = {literal: {shorter for shorter in literals if literal.startswith(shorter)} for literal in literals}
        #: Per trigger, its branches as (branch, literal, None) or, led by a digit, (None, None, rest index).
        rest_index = {rest: i for i, rest in enumerate(self.rests)}
        self.plans = {
            pattern: [(None, None, rest_index[rest]) if (rest := _after_leading_digit(branch.pattern)) is not None
                      else (branch, literal if len(literal) > 1 else None, None)
                      for branch, literal in zip(trigger.branches, trigger.literals)]
            for pattern, trigger in self.triggers.items()}

    def spans(self, text: str) -> dict[str, list[tuple[int, int]]]:
        """The sorted (start, end) of each trigger's matches, by trigger pattern."""
        digit_led = self._digit_led(text)
        present = self._literals_in(text)
        found = {}
        for pattern, plan in self.plans.items():
            spans: list[tuple[int, int]] = []
            for branch, literal, rest in plan:
                if branch is None:
                    spans += digit_led[rest]
                elif literal is None or literal in present:  # without its literal, no match
                    spans += [match.span() for match in branch.finditer(text)]
            if len(plan) > 1:
                spans.sort(key=_first)
            found[pattern] = spans
        return found

    def _digit_led(self, text: str) -> list[list[tuple[int, int]]]:
        """Per rest, the spans of its digit-led branch, read off one pass over the digits: at
        each digit where its lookahead matched, skipping those inside its last match, as
        ``finditer`` does."""
        spans: list[list[tuple[int, int]]] = [[] for _ in self.rests]
        if self.digit_starts is None:
            return spans
        last_ends = [0] * len(self.rests)
        inner_groups = len(self.rests) < self.digit_starts.groups  # some rest has groups of its own
        for match in self.digit_starts.finditer(text):
            position = match.start()
            captured = match.groups()
            if inner_groups:
                captured = [captured[group] for group in self.rest_groups]
            for i, after in enumerate(captured):
                if after is not None and position >= last_ends[i]:
                    end = position + 1 + len(after)  # each lookahead starts right after the digit
                    spans[i].append((position, end))
                    last_ends[i] = max(end, position + 1)
        return spans

    def _literals_in(self, text: str) -> set[str]:
        """The literals standing anywhere in ``text``: the trie is tried from every place one
        starts (one character on from the last), so overlapping ones are all seen."""
        present: set[str] = set()
        if self.literal_finder is None:
            return present
        position = 0
        while (match := self.literal_finder.search(text, position)) is not None:
            present |= self.implied[match.group()]
            position = match.start() + 1
        return present


def _after_space_first(rests: list[str]) -> str:
    """``rests`` as one alternation, those led by an optional space behind one shared
    ``\\s?``: most follow "<digit> " with a unit, and the engine then tests the space once.

    >>> _after_space_first([r"\\s?hz", r"\\s?mah", "k\\\\b"])
    '\\\\s?(?:(?:hz)|(?:mah))|(?:k\\\\b)'
    """
    spaced = [rest[len(r"\s?"):] for rest in dict.fromkeys(rests) if rest.startswith(r"\s?")]
    others = [rest for rest in dict.fromkeys(rests) if not rest.startswith(r"\s?")]
    branches = [rf"\s?(?:{'|'.join(f'(?:{rest})' for rest in spaced)})"] if spaced else []
    return "|".join(branches + [f"(?:{rest})" for rest in others])


def _may_start_with_digit(pattern: str) -> bool:
    """Can a match of ``pattern`` start with an ASCII digit? Read off its parsed form: True
    where unsure.

    >>> _may_start_with_digit(r"\\s?(?:-|–)?\\s?inch"), _may_start_with_digit(r"(?<=0)\\s?(?:to|\\d)")
    (False, True)
    """
    return _first_may_be_digit(list(re._parser.parse(pattern)))


_DIGITS = frozenset(map(ord, "0123456789"))


def _first_may_be_digit(items: list) -> bool:
    """Can the sequence of parsed ``items`` (of ``re._parser``) start with a digit?"""
    constants = re._constants
    for op, argument in items:
        if op is constants.LITERAL:
            return argument in _DIGITS
        if op is constants.NOT_LITERAL:
            return True
        if op is constants.IN:
            return any(not (kind is constants.LITERAL and value not in _DIGITS
                            or kind is constants.CATEGORY and value in (constants.CATEGORY_SPACE, constants.CATEGORY_NOT_DIGIT)
                            and not _negated(argument)
                            or kind is constants.RANGE and (value[1] < ord("0") or value[0] > ord("9")))
                       for kind, value in argument)
        if op is constants.SUBPATTERN:
            items_inside = list(argument[-1])
            if _first_may_be_digit(items_inside):
                return True
            if not _may_be_empty(items_inside):
                return False
            continue
        if op is constants.BRANCH:
            alternatives = [list(alternative) for alternative in argument[1]]
            if any(_first_may_be_digit(alternative) for alternative in alternatives):
                return True
            if not any(_may_be_empty(alternative) for alternative in alternatives):
                return False
            continue
        if op in (constants.MAX_REPEAT, constants.MIN_REPEAT, constants.POSSESSIVE_REPEAT):
            low, _, item = argument
            if _first_may_be_digit(list(item)):
                return True
            if low > 0 and not _may_be_empty(list(item)):
                return False
            continue
        if op in (constants.ASSERT, constants.ASSERT_NOT, constants.AT):
            continue  # zero width
        return True  # anything else: unsure
    return False  # empty


def _negated(argument) -> bool:
    return any(kind is re._constants.NEGATE for kind, _ in argument)


def _may_be_empty(items: list) -> bool:
    """Can the parsed ``items`` match the empty string? True where unsure."""
    constants = re._constants
    for op, argument in items:
        if op in (constants.ASSERT, constants.ASSERT_NOT, constants.AT):
            continue
        if op in (constants.MAX_REPEAT, constants.MIN_REPEAT, constants.POSSESSIVE_REPEAT):
            if argument[0] == 0 or _may_be_empty(list(argument[2])):
                continue
            return False
        if op is constants.SUBPATTERN:
            if _may_be_empty(list(argument[-1])):
                continue
            return False
        if op is constants.BRANCH:
            if any(_may_be_empty(list(alternative)) for alternative in argument[1]):
                continue
            return False
        if op in (constants.LITERAL, constants.NOT_LITERAL, constants.IN, constants.ANY):
            return False
        return True
    return True


@lru_cache(maxsize=None)
def _after_leading_digit(branch: str) -> str | None:
    """What follows a branch's leading digit, as a pattern to try right after any digit:
    ``[0-9]\\s?mah`` -> ``\\s?mah``, ``3\\.5`` -> ``(?<=3)\\.5``. None when the branch does not
    start with exactly one digit."""
    if branch.startswith("[0-9]"):
        rest = branch[len("[0-9]"):]
    elif branch[:1].isdigit() and branch.isascii():
        rest = f"(?<={branch[0]}){branch[1:]}"
    else:
        return None
    return None if rest[:1] in ("+", "*", "?", "{") else rest


def matches_at(pattern, text: str, candidates: list[int]) -> list:
    """``pattern.finditer(text)``'s matches, for a pattern that can match only where one
    of the sorted ``candidates`` stands (found by a cheaper scan): each is tried in turn,
    skipping those inside the last match, as ``finditer`` does.

    >>> [m.group() for m in matches_at(re.compile(r"a+"), "aaa ba", [0, 1, 5])]
    ['aaa', 'a']
    """
    found, last_end = [], 0
    for position in candidates:
        if position >= last_end and (match := pattern.match(text, position)) is not None:
            found.append(match)
            last_end = max(match.end(), position + 1)
    return found


def whole_words(words) -> str:
    """A :class:`Trigger` pattern for whole lower-case words, one branch per group of words
    sharing their first three letters ("jan", "january"), each led by the group's common
    prefix: fewer branches, so fewer passes over the text, with the same matches.

    >>> whole_words(["day", "days", "h"])
    'day(?<![a-z]day)(?:s|)(?![a-z])|h(?<![a-z]h)(?:)(?![a-z])'
    """
    groups: dict[str, list[str]] = {}
    for word in sorted(set(words)):
        groups.setdefault(word[:3], []).append(word)
    branches = []
    for group in groups.values():
        prefix = os.path.commonprefix(group)
        rests = "|".join(sorted((re.escape(word[len(prefix):]) for word in group), key=len, reverse=True))
        branches.append(f"{re.escape(prefix)}(?<![a-z]{re.escape(prefix)})(?:{rests})(?![a-z])")
    return "|".join(branches)


def _first(span: tuple[int, int]) -> int:
    return span[0]


class WordStart:
    """``(?<![\\w-])(?:pattern)`` — a match at a word's start — with that lookbehind tested in
    Python: a pattern led by a lookbehind makes ``re`` try every position, while without it
    ``re`` skips to the pattern's possible first characters (the brand trie is found 2x
    faster). Offers the ``re.Pattern`` methods the components use, with the same results.

    >>> brands = WordStart(r"Ola|Vivo")
    >>> [m.group() for m in brands.finditer("Motorola, Ola and Vivo")]
    ['Ola', 'Vivo']
    >>> brands.match("Motorola", 5) is None, brands.fullmatch("Vivo") is not None
    (True, True)
    """

    def __init__(self, pattern: str, flags: int = 0):
        self.inner = re.compile(pattern, flags)
        self.pattern = rf"(?<![\w-])(?:{pattern})"

    @staticmethod
    def at_word_start(text: str, start: int) -> bool:
        return start == 0 or not (text[start - 1].isalnum() or text[start - 1] in "_-")

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match | None:
        endpos = len(text) if endpos is None else endpos
        while (match := self.inner.search(text, pos, endpos)) is not None:
            if self.at_word_start(text, match.start()):
                return match
            pos = match.start() + 1
        return None

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None):
        while (match := self.search(text, pos, endpos)) is not None:
            yield match
            pos = max(match.end(), match.start() + 1)

    def match(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match | None:
        if not self.at_word_start(text, pos):
            return None
        return self.inner.match(text, pos, len(text) if endpos is None else endpos)

    def fullmatch(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match | None:
        if not self.at_word_start(text, pos):
            return None
        return self.inner.fullmatch(text, pos, len(text) if endpos is None else endpos)


def _start(match: re.Match) -> int:
    return match.start()


_LEADING_BOUNDARY = re.compile(r"\\b([a-z0-9]+)")


_LITERAL_RUN = re.compile(r"(?:[a-z0-9 _\-]|\\[.\-/])+")


def _leading_literal(branch: str) -> str:
    """The characters every match of ``branch`` starts with ("" when it starts with a class
    or group): ``one\\s?ui`` -> ``one``, ``colo(?<!\\wcolo)u?r`` -> ``colo``, ``3\\.5`` -> ``3.5``.

    >>> _leading_literal(r"led(?<!\\wled)\\b"), _leading_literal(r"colou?r"), _leading_literal(r"[0-9]k")
    ('led', 'colo', '')
    """
    run = _LITERAL_RUN.match(branch)
    if run is None:
        return ""
    literal = run.group()
    if branch[run.end():run.end() + 1] in ("?", "*", "+", "{"):  # the quantifier binds the last character
        literal = literal[:-1]
        if literal.endswith("\\"):
            literal = literal[:-1]
    return literal.replace("\\", "")


def _literal_first(branch: str) -> str:
    """``\\bram\\b`` -> ``ram(?<!\\wram)\\b``; ``\\bcolou?r`` -> ``colo(?<!\\wcolo)u?r``;
    ``\\d`` -> ``[0-9]``."""
    branch = branch.replace(r"\d", "[0-9]")
    leading = _LEADING_BOUNDARY.match(branch)
    if leading:
        word, rest = leading.group(1), branch[leading.end():]
        if rest[:1] in ("?", "*", "+", "{"):  # the quantifier binds the word's last letter
            word, rest = word[:-1], word[-1] + rest
        if word:
            branch = f"{word}(?<!\\w{word}){rest}"
    return branch


def split_alternatives(pattern: str) -> list[str]:
    """The top-level branches of a regex: ``a|(b|c)d|[|]`` -> ``a``, ``(b|c)d``, ``[|]``.

    >>> split_alternatives(r"a|(b|c)d|[|]|\\|")
    ['a', '(b|c)d', '[|]', '\\\\|']
    """
    branches, depth, in_class, start, i = [], 0, False, 0, 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            if pattern[i + 1:i + 2] == "]":
                i += 1  # "[]...]": a leading "]" is a member
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            branches.append(pattern[start:i])
            start = i + 1
        i += 1
    branches.append(pattern[start:])
    return branches


_FOLD_SAFE_ESCAPES = frozenset("dDsSwWbBAZntrfv")
_CODE_POINT_ESCAPES = {"x": 2, "u": 4, "U": 8}


def fold_pattern(pattern: str) -> str | None:
    """A case-blind pattern rewritten for lower-cased text: its letters lower-cased, except
    in escapes and group names; ``\\x41`` becomes ``a``. None when that would not keep its
    meaning (conditionals, scoped flags, other escapes naming a character).

    >>> fold_pattern(r"(?P<Unit>GB|TB)\\s?RAM\\b")
    '(?P<Unit>gb|tb)\\\\s?ram\\\\b'
    >>> fold_pattern(r"\\x41\\u00a0"), fold_pattern(r"\\N{DIGIT ONE}") is None
    ('a\\xa0', True)
    """
    if "(?(" in pattern or "(?-" in pattern or "(?i" in pattern:
        return None
    out, i = [], 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            escaped = pattern[i + 1:i + 2]
            width = _CODE_POINT_ESCAPES.get(escaped)
            if width is not None:  # "\\u00a0": the character it names, lower-cased
                named = chr(int(pattern[i + 2:i + 2 + width], 16))
                out.append(re.escape(named.lower()))
                i += 2 + width
                continue
            if escaped.isalnum() and escaped not in _FOLD_SAFE_ESCAPES:
                return None
            out.append(pattern[i:i + 2])
            i += 2
        elif pattern.startswith(("(?P<", "(?P="), i):
            name_end = pattern.index(">" if pattern[i + 3] == "<" else ")", i)
            out.append(pattern[i:name_end + 1])
            i = name_end + 1
        else:
            out.append(char.lower())
            i += 1
    return "".join(out)


class CaseBlindRule:
    """A case-blind rule found fast: its pattern runs on the lower-cased text without
    IGNORECASE (``re`` compares letters as they are instead of case-folding each, about 2x
    faster), and each match is re-read with the original pattern on the original text, so
    its groups keep their case. Where the pattern cannot be folded, or the text's length
    changes when lower-cased, the original pattern runs as it is.

    >>> rule = CaseBlindRule(r"(?P<v>\\d+)\\s?GB", re.IGNORECASE)
    >>> text = "4gb and 64 GB"
    >>> [m.group() for m in rule.finditer(text, folded(text), [(0, len(text))])]
    ['4gb', '64 GB']
    """

    def __init__(self, pattern: str, flags: int = re.IGNORECASE):
        self.original = compile_pattern(pattern, flags)
        folded_pattern = fold_pattern(pattern) if flags & re.IGNORECASE else None
        self.folded = None
        if folded_pattern is not None and isinstance(self.original, re.Pattern):
            self.folded = re.compile(folded_pattern, flags & ~re.IGNORECASE)

    def finditer(self, text: str, folded_text: str | None, spans: list[tuple[int, int]]) -> list:
        """The original pattern's matches in each (start, end) window, in order."""
        if not spans:
            return []
        if self.folded is None or folded_text is None:
            return list(finditer(self.original, text, spans))
        rematch = self.original.match
        return [match for start, end in spans for found in self.folded.finditer(folded_text, start, end)
                if (match := rematch(text, found.start(), end)) is not None]


def find_all(text: str, word: str, start: int = 0, end: int | None = None) -> list[int]:
    """Every offset in [start, end) where ``word`` starts (and ends), overlaps included: a
    ``str.find`` loop, far cheaper than a regex that tries most letters.

    >>> find_all("the theme", "the"), find_all("aaa", "aa")
    ([0, 4], [0, 1])
    """
    end = len(text) if end is None else end
    found, offset = [], text.find(word, start, end)
    while offset >= 0:
        found.append(offset)
        offset = text.find(word, offset + 1, end)
    return found


WORDS_BACK_WINDOW = 40  # characters read per word by words_back before it walks back one by one


def words_back(text: str, offset: int, count: int, floor: int = 0) -> int:
    """Where the ``count``-th white-space separated word before ``offset`` starts (a word cut
    by ``offset`` counts), or ``floor`` if that is further back.

    >>> text = "one two three four"
    >>> text[words_back(text, len(text), 2):]
    'three four'
    """
    # str.rsplit in a window before offset, in C, instead of a loop over its characters
    start = max(floor, offset - WORDS_BACK_WINDOW * (count + 1))
    window = text[start:offset]
    words = window.rsplit(None, count)
    if len(words) > count:  # the count-th word back starts after the white space after words[0]
        return offset - len(window[len(words[0]):].lstrip())
    if start == floor:  # the window holds count words at most: the first, or floor
        return floor + len(window) - len(window.lstrip()) if len(words) == count else floor
    position = offset
    for _ in range(count):
        while position > floor and text[position - 1].isspace():
            position -= 1
        while position > floor and not text[position - 1].isspace():
            position -= 1
    return position


#: The letters a case-blind ``re`` pattern equates with an ASCII letter that ``str.lower`` does
#: not turn into it ("ſ" is "s", the Kelvin sign "k", dotless "ı" and "İ" are "i").
ODD_CASE = re.compile("[\u0130\u0131\u017f\u212a]")


def folded(text: str) -> str | None:
    """``text`` lower-cased for cheap case-blind triggers, or None when lower-casing would
    move offsets (a few letters change length)."""
    lowered = text.lower()
    return lowered if len(lowered) == len(text) else None


def holds_any(folded_text: str, words: tuple[str, ...]) -> bool:
    """Does the text hold one of the ``words`` a trigger needs (any text, when none are
    named)? A substring test, far cheaper than running the trigger."""
    return not words or any(word in folded_text for word in words)


def finditer(pattern: regex.Pattern, text: str, spans: list[tuple[int, int]]):
    """``pattern.finditer`` over each window in turn."""
    for start, end in spans:
        yield from pattern.finditer(text, start, end)


@lru_cache(maxsize=8)
def _newlines(text: str) -> list[int]:
    """Offsets of every newline, found once per text (a str caches its hash, so later calls
    with the same string cost O(1))."""
    return [match.start() for match in _NEWLINE.finditer(text)]


_NEWLINE = regex.compile(r"\n")


def line_start(text: str, offset: int) -> int:
    """Where the line holding ``offset`` starts — in O(log n), unlike ``text.rfind``.

    >>> line_start("ab\\ncd", 4), line_end("ab\\ncd", 1)
    (3, 2)
    """
    newlines = _newlines(text)
    i = bisect.bisect_left(newlines, offset) - 1
    return newlines[i] + 1 if i >= 0 else 0


def line_end(text: str, offset: int) -> int:
    """Where the line holding ``offset`` ends (its newline, or the end of the text)."""
    newlines = _newlines(text)
    i = bisect.bisect_left(newlines, offset)
    return newlines[i] if i < len(newlines) else len(text)


def newlines_between(text: str, start: int, end: int) -> int:
    """How many newlines lie in ``text[start:end]``."""
    newlines = _newlines(text)
    return bisect.bisect_left(newlines, end) - bisect.bisect_left(newlines, start)


def pick_non_overlapping(candidates):
    """Keep candidates in the order given (best first), dropping any that overlaps one kept.

    Each candidate is ``(start, end, payload)``; kept ones come back sorted by start. The
    check looks only at the kept neighbours of each candidate, so it stays O(n log n).

    >>> pick_non_overlapping([(0, 10, "long"), (2, 4, "inside"), (10, 12, "after")])
    [(0, 10, 'long'), (10, 12, 'after')]
    """
    starts: list[int] = []
    kept: list[tuple] = []
    for candidate in candidates:
        start, end = candidate[0], candidate[1]
        i = bisect.bisect_left(starts, start)
        if i < len(kept) and kept[i][0] < end:
            continue  # the next kept one begins inside this candidate
        if i > 0 and kept[i - 1][1] > start:
            continue  # the previous kept one runs into this candidate
        starts.insert(i, start)
        kept.insert(i, candidate)
    return kept


MAX_TABLE_ROW = 1000  # characters; a longer line is prose, not a table row


def table_header(text: str, offset: int, max_rows: int = 60) -> str | None:
    """The header cell above ``offset`` in a pipe table ("Old price" over "Rs 189"), or None
    when ``offset`` is in no table row. The header is the first line of the run of pipe rows.

    >>> text = "Data | Old price | New price\\n2GB | Rs 189 | Rs 219\\n"
    >>> table_header(text, text.index("Rs 219"))
    'New price'
    """
    start, end = line_start(text, offset), line_end(text, offset)
    if end - start > MAX_TABLE_ROW or text.find("|", start, end) < 0:
        return None  # no table row: without a pipe, or too long to be one
    column = text.count("|", start, offset)
    header_start = start
    for _ in range(max_rows):
        if header_start == 0:
            break
        previous = line_start(text, header_start - 1)
        if header_start - 1 - previous > MAX_TABLE_ROW or text.find("|", previous, header_start - 1) < 0:
            break
        header_start = previous
    if header_start == start:
        return None
    cells = [cell.strip() for cell in text[header_start:line_end(text, header_start)].split("|")]
    return cells[column] if column < len(cells) else None
