"""What the words around a spec say about it: lists that share their noun, sizes that are
segment talk, inch marks that are closing quotation marks, dimension triples, figures that
belong to another part.

Each function takes the text and the spec records found so far (plain dicts with ``span``,
``name``, ``value``, ``unit`` and, for rule matches, ``value_span``: where the number stands)
and returns the records it keeps or adds.

>>> records = [{"span": [15, 29], "name": "storage", "value": 256, "unit": "GB", "value_span": [15, 18]}]
>>> [(r["name"], r["value"]) for r in expand_lists("64 GB, 128 GB, 256 GB storage", records)][:2]
[('storage', 64), ('storage', 128)]
"""

from __future__ import annotations

import bisect

import regex

from .. import scan
from ..scan import compiled

#: A list item before a spec's figure: "64 GB, ", "40- and ", "2 days, ".
LIST_ITEM = scan.compile_pattern(
    r"(?<![\w.,-])(?P<number>\d+(?:\.\d+)?)(?P<unit>\s?[A-Za-z]+)?(?P<dash>\s?-)?"
    r"(?P<sep>\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+|\s*/\s*|(?<=\d)\s?(?:-|–)\s?)\Z")
#: Spec names whose figures can be listed ("4GB, 6GB and 8GB RAM") or ranged ("600-650 cc").
LISTABLE = frozenset({
    "display_size", "ram", "storage", "battery", "charging", "refresh_rate", "validity", "data",
    "data_per_day", "engine_displacement", "range", "power", "torque", "speaker_output",
    "brightness", "weight", "thickness", "battery_life"})


def _unit_word(text: str, record: dict) -> str:
    """The unit as written right after a spec's figure ("GB" in "256 GB storage")."""
    after = compiled(r"\s?-?\s?(?P<unit>[A-Za-z]+|\"|″)").match(text, record["value_span"][1])
    return after.group("unit").lower() if after else ""


def expand_lists(text: str, specs: list[dict]) -> list[dict]:
    """"64 GB, 128 GB and 256 GB storage" and "40- and 55-inch": the figures listed before
    a spec share its noun, so each is a spec of the same name and unit."""
    added: list[dict] = []
    taken = {tuple(s["span"]) for s in specs}
    for spec in specs:
        if spec["name"] not in LISTABLE or "value_span" not in spec or not isinstance(spec["value"], (int, float)):
            continue
        unit = _unit_word(text, spec)
        position = spec["value_span"][0]
        worded = False  # a bare figure is listed by "and", "or", "-": "64, 128 and 256GB"
        for _ in range(8):  # a list is a few items long
            item = LIST_ITEM.search(text, max(0, position - 30), position)
            if item is None:
                break
            item_unit = (item.group("unit") or "").strip().lower()
            if item_unit and item_unit != unit:
                break
            if not item_unit:
                worded = worded or item.group("sep").strip(" ,") != ""
                if not worded or _money_before(text, item.start()) or _named_before(text, item.start()):
                    break
            start = item.start("number")
            end = item.end("unit") if item.group("unit") else item.end("number")
            if (start, end) in taken or any(s["span"][0] <= start < s["span"][1] for s in specs):
                break
            value = _number(item.group("number"))
            added.append({"span": [start, end], "name": spec["name"], "value": value, "unit": spec["unit"],
                          "value_span": [start, item.end("number")], "listed": True})
            taken.add((start, end))
            position = start
    return sorted(specs + added, key=lambda r: r["span"][0])


def _money_before(text: str, offset: int) -> bool:
    return compiled(r"(?:Rs\.?|INR|₹|\$|€|£)\s?\Z", regex.IGNORECASE).search(text, max(0, offset - 5), offset) is not None


#: Words that may stand before a listed figure at a sentence's start ("Both 43 and 55-inch").
LIST_OPENERS = frozenset({"in", "both", "the", "with", "and", "its", "from", "of", "either", "all"})


def _named_before(text: str, offset: int) -> bool:
    """"HDR 10 and 20W speakers": a figure right after a capitalised word is part of a name."""
    word = compiled(r"(?P<word>[A-Za-z][\w+-]*)\s\Z").search(text, max(0, offset - 20), offset)
    return word is not None and word.group("word")[0].isupper() and word.group("word").lower() not in LIST_OPENERS


def _number(raw: str) -> int | float:
    value = float(raw)
    return int(value) if value.is_integer() else value


#: Words that make a size a market segment, not a product's spec: "the 110cc commuter
#: segment", "phones between 5.5 and 6.9 inches", "like any 14-inch notebook".
SEGMENT_BEFORE = scan.compile_pattern(
    r"\b(?:between|any|segment|category|(?:more|less|bigger|larger|smaller|higher|lower)\s+than|"
    r"above|below|upwards\s+of|ranging\s+from|ranges?\s+from|(?<!-)class)\b(?:[^.;:!?\n]|(?<=\d)\.(?=\d)){0,40}\Z", regex.IGNORECASE)
SEGMENT_AFTER = scan.compile_pattern(
    r"\A(?:[\w-]+\s+){0,2}?(?:segment|category|class\b|bracket|and\s+(?:above|below|bigger|larger|more)|"
    r"or\s+(?:above|below|bigger|larger|more))", regex.IGNORECASE)
#: "from 43 inches to 54 inches", "10-to-15 inch devices": the ends of a "to" range.
TO_RANGE_BEFORE = scan.compile_pattern(r"(?:\bto|-to-)\s*\Z", regex.IGNORECASE)
TO_RANGE_AFTER = scan.compile_pattern(r"\A\s*(?:to|-to-)\s*\d", regex.IGNORECASE)
SIZES = frozenset({"display_size", "engine_displacement"})


#: "the smart Android TV category": a kind of product named, not a product's system.
CATEGORY_AFTER = scan.compile_pattern(r"\s*(?:category|segment|space|market)\b", regex.IGNORECASE)


def drop_segment_talk(text: str, specs: list[dict]) -> list[dict]:
    """Sizes that name a market segment or a size band, not a product's own spec."""
    kept = []
    for spec in specs:
        if spec["name"] in SIZES and _segment_talk(text, spec):
            continue
        if spec["name"] == "os" and CATEGORY_AFTER.match(text, spec["span"][1]):
            continue
        kept.append(spec)
    return kept


#: A capitalised word right before a spec-like token makes it part of a name: "Mi Box 4K",
#: "the Stick 4K", "Zeta 3 Core" — unless the word itself describes a screen ("Ultra HD 4K").
NAME_WORD_BEFORE = scan.compile_pattern(r"(?<![.!?]\s)(?<!^)\b(?P<word>[A-Z][a-z]+)\s\Z", regex.MULTILINE)
SCREEN_WORDS = frozenset({"Ultra", "Full", "Quad", "Super", "Dynamic", "Retina", "Smart", "True", "Native",
                          "Crisp", "The", "A", "An", "With", "And", "Its", "In", "On", "Supports", "Offers"})


def drop_name_tokens(text: str, specs: list[dict]) -> list[dict]:
    """Spec-like tokens inside product names are no specs: "Mi Box 4k", "Zeta 3 Core"."""
    kept = []
    for spec in specs:
        if spec["name"] in ("resolution", "cpu_cores") and _in_a_name(text, spec):
            continue
        kept.append(spec)
    return kept


def _in_a_name(text: str, spec: dict) -> bool:
    start, end = spec["span"]
    token = text[start:end]
    if spec["name"] == "resolution" and not compiled(r"\d(?:\.\d)?[Kk]").fullmatch(token):
        return False
    if spec["name"] == "cpu_cores" and not compiled(r"\d{1,2}\sCore").fullmatch(token):
        return False
    word = NAME_WORD_BEFORE.search(text, max(0, start - 20), start)
    return word is not None and word.group("word") not in SCREEN_WORDS


def _segment_talk(text: str, spec: dict) -> bool:
    start, end = spec.get("value_span", spec["span"])[0], spec["span"][1]
    sentence_start = max(scan.line_start(text, start), start - 45)
    before = text[sentence_start:start]
    cut = max(before.rfind(". "), before.rfind("? "), before.rfind("! "))
    if cut >= 0:
        before = before[cut + 2:]
    if SEGMENT_BEFORE.search(before) or TO_RANGE_BEFORE.search(before):
        return True
    after = text[end:min(end + 30, scan.line_end(text, end))]
    return bool(SEGMENT_AFTER.match(after.lstrip(" ,")) or TO_RANGE_AFTER.match(after))


#: After an inch mark: a unit word means the mark was a quotation mark ("190" grams").
UNIT_AFTER = scan.compile_pattern(r"\s*(?:grams?|g|gm|kg|mm|cm|mAh|GB|TB|MP|Hz|W)\b", regex.IGNORECASE)
#: A straight quotation mark that closes: end of line or punctuation follows.
CLOSES = scan.compile_pattern(r"(?:\s*$|[,.;:!?)\]]|\s+(?:said|says|adds|added|noted|he|she|they)\b)", regex.MULTILINE)
DIMENSIONS = scan.compile_pattern(
    r"(?P<a>\d+(?:\.\d+)?)\s?(?:\"|″|mm|cm|inch(?:es)?|in)?\s?[x×*]\s?(?P<b>\d+(?:\.\d+)?)\s?(?:\"|″|mm|cm|inch(?:es)?|in)?"
    r"\s?[x×*]\s?(?P<c>\d+(?:\.\d+)?)\s?(?P<unit>\"|″|mm|cm|inch(?:es)?|in\b)", regex.IGNORECASE)


def inch_marks(text: str, specs: list[dict]) -> list[dict]:
    """A straight ``"`` after a number is an inch mark only where it is no quotation mark:
    ``Rs 12,499"`` closes a quote, ``190" grams`` weighs, and ``11.4" x 8.1" x 0.71"`` is a
    size whose last figure is the thickness."""
    kept = []
    for spec in specs:
        if spec["name"] == "display_size" and text[spec["span"][1] - 1] in "\"″'":
            if _in_dimensions(text, spec) or not _inch_mark(text, spec):
                continue
        kept.append(spec)
    return kept


def _in_dimensions(text: str, spec: dict) -> bool:
    start = spec["span"][0]
    line_start = scan.line_start(text, start)
    for match in DIMENSIONS.finditer(text, max(line_start, start - 40), min(len(text), spec["span"][1] + 40)):
        if match.start() <= start < match.end():
            return True
    return False


def _inch_mark(text: str, spec: dict) -> bool:
    start, end = spec["span"]
    value = spec["value"]
    if not isinstance(value, (int, float)) or value > 120 or _money_before(text, start):
        return False
    if UNIT_AFTER.match(text, end):
        return False
    line_start = scan.line_start(text, start)
    opened = sum(1 for i in scan.find_all(text, '"', line_start, start) if i == 0 or not text[i - 1].isdigit())
    return not (opened % 2 == 1 and CLOSES.match(text, end))


def _dimensions(text: str):
    """DIMENSIONS' matches, looked for only around an "x" (or "×", "*") between figures."""
    marks = sorted(i for mark in ("x", "X", "×", "*") for i in scan.find_all(text, mark)
                   if _between_figures(text, i))
    if not marks:
        return []
    return [m for start, end in scan.windows(text, [(i, i + 1) for i in marks], 30, 30)
            for m in DIMENSIONS.finditer(text, start, end)]


def _between_figures(text: str, i: int) -> bool:
    before = text[max(0, i - 3):i].rstrip()
    after = text[i + 1:i + 3].lstrip()
    return bool(before) and bool(after) and after[0].isdigit() and (before[-1].isdigit() or before[-1] in "\"″m")


def dimension_thickness(text: str, specs: list[dict]) -> list[dict]:
    """"measures 11.4" x 8.1" x 0.71"" and "158.2 x 74.8 x 8.2 mm": the last figure, far the
    smallest, is the thickness."""
    added = []
    for match in _dimensions(text):
        specs = [s for s in specs if not (s["name"] == "thickness" and match.start() <= s["span"][0] < match.end())]
        a, b, c = (float(match.group(k)) for k in "abc")
        if not c < 0.2 * min(a, b):
            continue
        start, end = match.start("c"), match.end()
        if any(s["span"][0] < end and start < s["span"][1] for s in specs):
            continue
        unit = match.group("unit").lower()
        unit = "inch" if unit in ('"', "″", "in", "inch", "inches") else unit
        added.append({"span": [start, end], "name": "thickness", "value": _number(match.group("c")), "unit": unit})
    return sorted(specs + added, key=lambda r: r["span"][0])


#: Parts whose resolution is not the screen's: "the GPU supports 4K", "the webcam records 720p".
OTHER_PART = scan.compile_pattern(
    r"\b(?:GPU|graphics|cameras?|webcam|videos?|records?|recording|shoots?|output|streams?|streaming|playback|"
    r"external\s+(?:monitors?|displays?)|HDMI|decod(?:e|es|ing))\b", regex.IGNORECASE)
SCREEN = scan.compile_pattern(r"\b(?:display|screen|panel|TV|television)s?\b", regex.IGNORECASE)
SCREEN_AFTER = scan.compile_pattern(r"\W*(?:[\w+-]+\s+){0,2}?(?:display|screen|panel|TV)", regex.IGNORECASE)
OTHER_AFTER = scan.compile_pattern(r"\W*(?:resolution\s+)?(?:video|recording|output|playback|streaming|content|"
                                   r"(?:at|@)\s?\d+\s?fps|on\s+(?:an?\s+)?external)", regex.IGNORECASE)


def drop_other_parts(text: str, specs: list[dict]) -> list[dict]:
    """A resolution that a camera records or a GPU outputs is no display spec."""
    return [spec for spec in specs if spec["name"] != "resolution" or not _other_part(text, spec)]


def _other_part(text: str, spec: dict) -> bool:
    start, end = spec["span"]
    line_end = scan.line_end(text, end)
    if SCREEN_AFTER.match(text, end, min(line_end, end + 30)):
        return False
    if OTHER_AFTER.match(text, end, min(line_end, end + 40)):
        return True
    before = text[max(scan.line_start(text, start), start - 80):start]
    cut = max(before.rfind(". "), before.rfind("? "), before.rfind("! "))
    before = before[cut + 2:] if cut >= 0 else before
    others = [m.end() for m in OTHER_PART.finditer(before)]
    screens = [m.end() for m in SCREEN.finditer(before)]
    return bool(others) and (not screens or max(others) > max(screens))


#: A related-articles link inside a line: "Also Read - Top phones with a 64MP camera" (on the
#: lower-cased text; each branch led by its literal, see scan.Trigger).
RELATED_LINK = scan.Trigger(r"also\s+read|also\s+see|also\s+check|read\s+more|read\s+also|must\s+read|"
                            r"related(?:\s+(?:news|stories|articles))?\s*:")


def drop_related_links(text: str, specs: list[dict]) -> list[dict]:
    """Specs in a related-article link ("Also Read - ...") belong to another article."""
    folded = scan.folded(text)
    links = [end for _, end in RELATED_LINK.spans(folded)] if folded is not None else []
    if not links:
        return specs
    kept = []
    for spec in specs:
        start = spec["span"][0]
        i = bisect.bisect_right(links, start) - 1
        if i >= 0 and links[i] >= scan.line_start(text, start) and ". " not in text[links[i]:start]:
            continue
        kept.append(spec)
    return kept
