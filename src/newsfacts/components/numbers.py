"""Numbers as news writes them, with their values: the base layer for money, sales and specs.

Digits with Western or Indian grouping ("1,234,567", "12,34,567"), decimals, number words
("one" ... "ninety-nine", "hundred", "a million", "half a million") and magnitude words
(thousand, lakh/lac, crore/cr, million/mn, billion/bn, trillion; K where it means thousand).
The words and their values are data: ``data/number_words.jsonl``, ``data/magnitudes.jsonl``.

>>> parse_number("12,34,567"), parse_number("2.5 lakh"), parse_number("half a million")
(Decimal('1234567'), Decimal('250000'), Decimal('500000'))
>>> parse_number("Rs 1.5 lakh crore".split(" ", 1)[1])
Decimal('1500000000000')

The component stores each number found in a Doc as plain data (see :func:`get_numbers`):
``{"start", "end", "value" (a decimal string), "digits" (bool), "magnitude" (word or None)}``.
A number must begin and end on token boundaries, so "S24" or "A17" are not numbers while
"4GB" (tokenised "4" "GB") is.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cache
from typing import NamedTuple

import regex
from spacy.language import Language
from spacy.tokens import Doc

from .. import docdata, lexicons, scan
from ..lexicons import alternation

FAMILY = "numbers"

#: Digits: Western grouping, Indian grouping, or none; an optional decimal part.
DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d{1,2}(?:,\d{2})+,\d{3}|\d+)(?:\.\d+)?"
#: Groups typed with a space after the comma ("400, 000 devices"); not a list ("100, 200 and
#: 300", "100, 200, 300") nor a date ("May 5, 500 buyers", see :func:`find_numbers`).
SPACED_DIGITS = r"\d{1,3}, \d{3}(?![\d])"
SPACED_BEFORE = r"(?<![\d])(?<!\d,)(?<!\d, )(?<!\d\.)"
SPACED_AFTER = r"(?![.,]\d)(?!\s*,\s*\d)(?!\s+(?:and|or|&)\s+\d)"
#: Numbers ≤ this with a glued K are resolutions ("4K", "8K"), not thousands.
RESOLUTION_K = {1, 2, 3, 4, 5, 6, 8}
CURRENCY_BEFORE = scan.compile_pattern(r"(?:Rs\.?|INR|US\$|USD|EUR|GBP|[₹$€£¥])\s*\Z", regex.IGNORECASE)
RESOLUTION_AFTER = scan.compile_pattern(
    r"\A\s*(?:TV|UHD|HDR|Ultra|resolution|video|display|screen|panel|monitor|recording|content|"
    r"streaming|QLED|OLED|LED|Smart|camera|@|\d+\s*fps)",
    regex.IGNORECASE,
)


@cache
def _lexicon() -> tuple[dict[str, tuple[str, Decimal]], dict[str, tuple[Decimal, bool]]]:
    """(number words -> (class, value), magnitude words -> (value, abbreviation))."""
    words = {
        row["word"]: (row["class"], Decimal(str(row["value"])))
        for row in lexicons.load("number_words")
    }
    magnitudes = {
        row["word"]: (Decimal(row["value"]), row["abbreviation"])
        for row in lexicons.load("magnitudes")
    }
    return words, magnitudes



@cache
def number_pattern() -> regex.Pattern:
    """One regex for every number phrase; its parts are checked by :func:`parse_parts`."""
    words, magnitudes = _lexicon()
    small = alternation(_small_word_list())
    tens = alternation(w for w, (cls, _) in words.items() if cls == "tens")
    units = alternation(w for w, (cls, _) in words.items() if cls == "unit" and w != "zero")
    scale = alternation(_scale_word_list())
    abbreviation = alternation(w for w, (_, abbr) in magnitudes.items() if abbr)
    word_number = rf"(?:(?:{tens})(?:[-\s](?:{units}))?|(?:{small}))"
    gap = r"(?:[ \t\u00a0]+|[ \t\u00a0]*-[ \t\u00a0]*)"
    head = (
        rf"(?:{SPACED_BEFORE}{SPACED_DIGITS}{SPACED_AFTER}"
        rf"|(?<![\d])(?<!\d[.,]){DIGITS}(?![\d])(?![.,]\d)"
        # "three quarters billion" before "three": the longer reading first
        rf"|\b(?:(?:half|quarter|(?:a|one|two|three)[ -]quarters?)(?:{gap}an?)?|(?:half{gap})?an?)"
        rf"(?={gap}(?:{scale})\b)"
        rf"|\b(?:{word_number})\b)"
    )
    tail = (
        rf"(?:{gap}(?:and{gap})?(?:(?:{scale})\b|(?:{word_number})\b(?!-[A-Za-z]))"
        rf"|(?<=\d)[ \t\u00a0]?(?:{abbreviation})\b"
        rf"|(?<=\d)(?:{scale})\b)"
    )
    return scan.compile_pattern(rf"{head}{tail}*", regex.IGNORECASE)


PART = scan.compile_pattern(rf"{SPACED_DIGITS}|{DIGITS}|[^\W\d_]+", regex.IGNORECASE)


class ParsedNumber(NamedTuple):
    """What :func:`parse_parts` read: the value, where it ended, the last magnitude word."""

    value: Decimal
    end: int
    magnitude: str | None
    magnitude_start: int | None
    scale: Decimal | None = None  # what the magnitude words multiplied by: 100000 for "2.5 lakh"


#: A value of 10**MAX_EXPONENT or more is no quantity a text gives ("9" written 5,000 times,
#: "1 crore crore crore ..."): it is not read as a number, so no record holds an int that
#: Python refuses to print (str(int) stops at 4,300 digits).
MAX_EXPONENT = 100


def parse_parts(phrase: str) -> ParsedNumber | None:
    """Value of the longest well-formed prefix of a number phrase, and where it ends; None
    when there is none, or when its value is absurdly large (see ``MAX_EXPONENT``).

    >>> parse_parts("twenty five")[:2]
    (Decimal('25'), 11)
    >>> parse_parts("five twenty")[:2]  # "twenty" cannot follow "five": stop after "five"
    (Decimal('5'), 4)
    >>> parse_parts("9" * 5000) is None
    True
    """
    parsed = _parse_parts(phrase)
    return None if parsed is None or parsed.value.adjusted() >= MAX_EXPONENT else parsed


def _parse_parts(phrase: str) -> ParsedNumber | None:
    """:func:`parse_parts` without the bound on the value."""
    if phrase.isascii() and phrase.isdigit():  # "2019", "18": the commonest case
        return ParsedNumber(Decimal(phrase), len(phrase), None, None, None)
    first = PART.match(phrase)
    if first is not None and first.end() == len(phrase) and phrase[0].isdecimal():  # "16,999", "6.3"
        return ParsedNumber(integral(Decimal(phrase.replace(",", "").replace(" ", ""))), len(phrase), None, None, None)
    words, magnitudes = _lexicon()
    total = Decimal(0)  # value of the groups closed by a magnitude word
    current: Decimal | None = None  # value of the group being read (below a magnitude)
    # where the group stands: None (empty), "digits", "tens" ("twenty", a unit may follow),
    # "low" (complete below 100), "hundred" ("... hundred", a small number may follow),
    # "hundred_tens", "hundred_low", "article" ("a"/"half a": a magnitude must follow)
    state: str | None = None
    last_scale: Decimal | None = None  # the magnitude last applied to `total`
    magnitude: str | None = None
    magnitude_start: int | None = None
    best: ParsedNumber | None = None
    for part in PART.finditer(phrase):
        token = part.group(0)
        key = token.lower()
        if key == "and":
            if state not in ("hundred", None) or (state is None and last_scale is None):
                break
            continue
        if key[0].isdigit():
            if state is not None:
                break
            current, state = Decimal(token.replace(",", "").replace(" ", "")), "digits"
        elif key in ("a", "an", "half"):
            if key == "half" and state is None and current is None:
                current, state = Decimal("0.5"), "article"
            elif key != "half" and state is None:
                current, state = Decimal(1), "article"
            elif key != "half" and state == "article" and current == Decimal("0.5"):
                pass  # "half a million"
            else:
                break
            continue
        elif key in ("quarter", "quarters"):  # "a quarter million", "three quarters billion"
            if key == "quarter" and state is None and current is None:
                current, state = Decimal("0.25"), "article"
            elif key == "quarter" and state == "article" and current == 1:
                current = Decimal("0.25")
            elif key == "quarters" and state == "low" and current <= 3:
                current, state = current * Decimal("0.25"), "article"
            else:
                break
            continue
        elif key == "hundred":
            if state is None and current is None and last_scale is None:
                break
            if state in ("article", "digits", "low", "tens") and current < 100:
                current, state = current * 100, "hundred"
            else:
                break
        elif key in magnitudes:
            scale = magnitudes[key][0]
            if state is None:  # right after another magnitude: "lakh crore"
                if last_scale is None:
                    break
                total *= scale
                last_scale *= scale
            elif last_scale is not None and scale >= last_scale:
                total = (total + current) * scale  # "one lakh twenty thousand crore"
                last_scale = scale
            else:
                total += current * scale
                last_scale = scale
            current, state = None, None
            magnitude, magnitude_start = key, part.start()
        elif key in words and words[key][0] != "fraction":
            kind, value = words[key]
            if state is None and current is None:
                current, state = value, ("tens" if kind == "tens" else "low")
            elif state == "tens" and kind == "unit" and value > 0:
                current, state = current + value, "low"
            elif state == "hundred":
                current, state = current + value, ("hundred_tens" if kind == "tens" else "hundred_low")
            elif state == "hundred_tens" and kind == "unit" and value > 0:
                current, state = current + value, "hundred_low"
            else:
                break
        else:
            break
        value = total + (current if current is not None else Decimal(0))
        if value.adjusted() >= MAX_EXPONENT:  # "1 lakh lakh lakh ...": stop before ints grow huge
            return None
        best = ParsedNumber(integral(value), part.end(), magnitude, magnitude_start, last_scale)
    return best


def fractional(value: Decimal) -> bool:
    """Has the value a fractional part? (``value % 1`` raises past 28 digits.)

    >>> fractional(Decimal("2.5")), fractional(Decimal("1" + "0" * 40))
    (True, False)
    """
    return value != value.to_integral_value()


def integral(value: Decimal) -> Decimal:
    """``Decimal('150000.0')`` -> ``Decimal('150000')``; fractions are kept (normalised)."""
    if not fractional(value):
        return Decimal(int(value))  # exact at any size (quantize overflows past 28 digits)
    return value.normalize()


def decimal_text(value: Decimal) -> str:
    """A decimal string without exponent or trailing zeros: "150000", "0.5"."""
    return str(integral(value)) if not fractional(value) else format(value.normalize(), "f")


def parse_number(phrase: str) -> Decimal | None:
    """The value of a whole number phrase, or None when it is not one.

    >>> parse_number("60,413.17 Million"), parse_number("ten"), parse_number("Redmi")
    (Decimal('60413170000'), Decimal('10'), None)
    """
    phrase = phrase.strip()
    parsed = parse_parts(phrase)
    if parsed is None or parsed.end != len(phrase):
        return None
    return parsed.value


def find_numbers(text: str, aligned=None) -> list[dict]:
    """Every number phrase in ``text`` as plain records, in text order.

    ``aligned(start, end)`` says whether a candidate stands on token boundaries; numbers
    that do not (the "24" of "S24") are dropped, or cut back to their aligned head.

    >>> [(r["value"], r["magnitude"]) for r in find_numbers("sold 2.5 lakh units, or a million")]
    [('250000', 'lakh'), ('1000000', 'million')]
    """
    found = []
    position = 0
    for start, end in _phrase_spans(text):
        if start < position:
            continue
        phrase = text[start:end]
        if phrase.isdigit() and phrase.isascii():  # "2019": the commonest phrase, read at once
            position = end
            significant = phrase.lstrip("0")
            if len(significant) > MAX_EXPONENT or aligned is not None and not aligned(start, end) and not (
                    text[end:end + 1] == "+" and aligned(start, end + 1)):
                continue
            found.append({"start": start, "end": end, "value": significant or "0", "digits": True,
                          "magnitude": None, "scale": None})
            continue
        if ", " in phrase[:phrase.find(" ") + 5] and MONTH_BEFORE.search(text, max(0, start - 12), start):
            phrase = phrase[:phrase.index(",")]  # "May 5, 500 buyers": a date, then a number
        parsed = parse_parts(phrase)
        # what the parse did not take ("fifty" of "100 and fifty") is scanned again
        position = end if parsed is None else start + parsed.end
        if parsed is None:
            continue
        if parsed.magnitude == "k" and not _k_means_thousand(text, start, start + parsed.end):
            parsed = parse_parts(text[start:start + parsed.magnitude_start].rstrip())
            if parsed is None:
                continue
        end = start + parsed.end
        if aligned is not None and not aligned(start, end) and not (
                text[end:end + 1] == "+" and aligned(start, end + 1)):  # "1 lakh+": the bound's "+" glued on
            continue
        found.append({
            "start": start,
            "end": end,
            "value": str(parsed.value),
            "digits": text[start].isdigit(),
            "magnitude": parsed.magnitude,
            "scale": None if parsed.scale is None else str(parsed.scale),
        })
    return found


def _phrase_spans(text: str):
    """The (start, end) of the matches ``number_pattern().search`` would find left to right,
    tried only where a phrase can start: the start of a run of digits, a number word, or a
    word shortly before a scale word ("half a million"). Scanning every position of the text
    cost a twentieth of the pipeline; these starts are found by fast literal and digit scans,
    and the pattern runs on the lower-cased text without IGNORECASE (faster), unless the text
    holds a letter whose case folding differs from lower-casing. Callers skip spans that begin
    inside what they took already.
    """
    folded = scan.folded(text)
    if folded is None:  # lower-casing moved offsets: scan every position
        pattern, position = number_pattern(), 0
        while (match := pattern.search(text, position)) is not None:
            yield match.span()
            position = match.start() + 1
        return
    starts = {match.start() for match in DIGIT_RUN.finditer(text)}
    starts.update(match.start() for match in _number_words().finditer(folded))
    for scale in _scale_words().finditer(folded):
        if folded[scale.start() - 1:scale.start()] in SCALE_GAP:  # not "lac" of "place"
            starts.update(m.start() for m in ARTICLE_START.finditer(folded, max(0, scale.start() - 30), scale.start()))
    if text.isascii() or scan.ODD_CASE.search(text) is None:
        match, subject = _folded_number_pattern().match, folded
    else:
        match, subject = number_pattern().match, text
    for start in sorted(starts):
        found = match(subject, start)
        if found is not None:
            yield start, found.end()


MONTH_BEFORE = regex.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\Z")
#: A run of digits, not right after "16," or "6." (it continues a number there, and the
#: phrase pattern rejects it). regex finds the runs of a whole text faster than re.
DIGIT_RUN = regex.compile(r"(?<!\d)(?<!\d[.,])\d+")
#: What stands right before a scale word in a phrase: the end of a gap (see number_pattern).
SCALE_GAP = frozenset(" \t\u00a0-")
#: Before a scale word, the words a phrase can start with that are no number word: "half",
#: "quarter", "a", "an" ("half a million", "a quarter crore").
ARTICLE_START = re.compile(r"\b[ahq]")


@cache
def _folded_number_pattern() -> re.Pattern:
    """:func:`number_pattern` for lower-cased text, without IGNORECASE."""
    return re.compile(scan.fold_pattern(number_pattern().pattern))


@cache
def _number_words() -> re.Pattern:
    """The number words a phrase can start with ("one", "twenty"), also inside words ("phone"):
    a trie with no leading ``\\b`` is searched fastest, and ``pattern.match`` rejects those."""
    return re.compile(alternation(_small_word_list()))


def _small_word_list() -> list[str]:
    """Number words below a hundred ("one", "twelve", "twenty"): a word number starts with one."""
    words, _ = _lexicon()
    return [word for word, (kind, _) in words.items() if kind in ("unit", "teen", "tens")]


def _scale_word_list() -> list[str]:
    """Scale words written out ("lakh", "million", "hundred"), not abbreviated ("mn")."""
    _, magnitudes = _lexicon()
    return [*(word for word, (_, abbreviation) in magnitudes.items() if not abbreviation), "hundred"]


@cache
def _scale_words() -> scan.Trigger:
    """Scale words, before which "a", "half" or "one quarter" may start a phrase: "thousands"
    is left to "thousand", which finds it too."""
    words = _scale_word_list()
    leading = [word for word in words if not any(word != other and word.startswith(other) for other in words)]
    return scan.Trigger("|".join(regex.escape(word) for word in dict.fromkeys(leading)))


def _k_means_thousand(text: str, start: int, end: int) -> bool:
    """"10K units", "Rs 5K" are thousands; "4K TV", "8K video" are resolutions."""
    if CURRENCY_BEFORE.search(text[max(0, start - 6):start]):
        return True
    if RESOLUTION_AFTER.match(text[end:end + 24]):
        return False
    head = text[start:end].rstrip("kK \t\u00a0")
    return not (head.isdigit() and int(head) in RESOLUTION_K)


# --- digits in world formats ---------------------------------------------------------------

#: Digits as the world writes an amount: groups set off by commas, dots, apostrophes or
#: (narrow, no-break) spaces, a decimal comma or point, a dash for no decimals ("1.299,-",
#: "Rs 9,999/-"). Read next to a currency marker only (see money.py): on their own "1.299"
#: and "4 590" say too little.
GROUPED = scan.compile_pattern(r"\d[\d.,'’\u00a0\u202f\u2009 ]*\d(?:[.,/][-–—])?|\d(?:[.,/][-–—])?")
NO_DECIMALS = regex.compile(r"[.,/][-–—]\Z")
SEPARATOR = regex.compile(r"([.,'’\u00a0\u202f\u2009 ])")
PLAIN_SPACE = " "


class Grouped(NamedTuple):
    """What :func:`read_grouped` made of a run of digits: ``"ok"`` with its value,
    ``"ambiguous"`` (best left unread: "1.299" may be 1299 or 1.299) or ``"split"`` (not one
    number: "2019 500" is two)."""

    status: str
    value: Decimal | None = None


def read_grouped(token: str, *, plain_spaces: bool = True, dot_thousands: bool = False,
                 decimal_comma: bool = True) -> Grouped:
    """The value of digits grouped in any of the world's ways, or why there is none.

    ``plain_spaces``: may an ordinary space group thousands ("12 500")? ``dot_thousands``:
    may one dot before three digits group them ("Rp 45.000"), as for currencies written
    without decimals? ``decimal_comma``: may a comma mark decimals ("249,90")?

    >>> [read_grouped(t).value for t in ("249,90", "1.234.567,89", "2'199,00", "12 500", "1.299,-")]
    [Decimal('249.9'), Decimal('1234567.89'), Decimal('2199'), Decimal('12500'), Decimal('1299')]
    >>> read_grouped("1.299").status, read_grouped("1.299", dot_thousands=True).value, read_grouped("2019 500").status
    ('ambiguous', Decimal('1299'), 'split')
    """
    whole = bool(NO_DECIMALS.search(token))
    if whole:  # "1.299,-": with a decimal comma, the dot can only group
        dot_thousands = dot_thousands or token[-2] == ","
        token = token[:-2]
    parts = SEPARATOR.split(token)
    digits, separators = parts[0::2], parts[1::2]
    if not separators:
        return Grouped("ok", Decimal(token))
    kinds = list(dict.fromkeys(separators))  # in order of first use
    decimal = None
    if len(kinds) > 1 or (kinds[0] in ".," and len(digits[-1]) != 3):
        if kinds[-1] not in ".," or separators[-1] != kinds[-1] or separators.count(kinds[-1]) != 1:
            return Grouped("split" if PLAIN_SPACE in kinds else "ambiguous")
        if len(digits[-1]) == 3 and len(kinds) > 1:
            return Grouped("ambiguous")  # "1.234,567": which is the decimal point?
        if kinds[-1] == "," and not decimal_comma:
            return Grouped("ambiguous")  # "Rs4,72": cut short, or mistyped
        decimal, digits, separators = digits[-1], digits[:-1], separators[:-1]
        if whole:
            return Grouped("ambiguous")  # "12,50,-" says two things
    grouping = separators[0] if separators else None
    if grouping is not None:
        if grouping == PLAIN_SPACE and not plain_spaces:
            return Grouped("split")
        if grouping == "." and len(separators) == 1 and decimal is None and not dot_thousands:
            return Grouped("ambiguous")  # "€1.299": a thousand and more, or one and a bit
        groups_ok = 1 <= len(digits[0]) <= 3 and all(len(group) == 3 for group in digits[1:])
        indian = (grouping == "," and 1 <= len(digits[0]) <= 2 and all(len(g) == 2 for g in digits[1:-1])
                  and len(digits[-1]) == 3)
        if not (groups_ok or indian):
            return Grouped("split" if grouping == PLAIN_SPACE else "ambiguous")
    value = Decimal("".join(digits) + ("." + decimal if decimal else ""))
    return Grouped("ok", integral(value))


def get_numbers(doc: Doc) -> list[dict]:
    """The numbers of a processed Doc (computed on the spot if the component has not run)."""
    numbers = docdata.get(doc, FAMILY)
    if numbers is None:
        numbers = find_numbers(docdata.text_of(doc), docdata.TokenBounds(doc).aligned)
    return numbers


class Numbers:
    """Stores :func:`find_numbers` on the Doc and mirrors it as ``doc.spans["newsfacts_numbers"]``."""

    def __call__(self, doc: Doc) -> Doc:
        numbers = find_numbers(docdata.text_of(doc), docdata.TokenBounds(doc).aligned)
        docdata.put(doc, FAMILY, numbers)
        docdata.mirror_spans(doc, "newsfacts_numbers", [(n["start"], n["end"]) for n in numbers], "NUMBER")
        return doc


@Language.factory("newsfacts_numbers")
def make_numbers(nlp: Language, name: str) -> Numbers:
    """Factory of :class:`Numbers`."""
    return Numbers()
