"""Product specifications: display, chipset, memory, cameras, battery, charging, colours,
engines, plans — every spec name in DESIGN.md, each value normalised with its unit.

Most specs are rules in ``data/specs.jsonl``: a regex with a ``value`` group, the spec name,
its unit (or a ``unit`` group), an optional context that must stand nearby ("charging" for
"33W"), an optional table ``header`` the match must sit under ("28 days" under "Validity"),
a cheap ``trigger`` around which the rule is tried (all triggers run together, see
:class:`scan.TriggerSet`), and examples that the tests run. Three shapes need code: memory
pairs ("6GB/128GB" is RAM and storage), camera lists ("48 MP + 5 MP" is one spec per lens,
rear or front by the words around them) and colour lists ("Onyx Black, Ruby Red and
Sapphire Blue").

>>> [(s["name"], s["value"], s["unit"]) for s in find_specs("It has a 6.3-inch display and 4GB/64GB.")]
[('display_size', 6.3, 'inch'), ('ram', 4, 'GB'), ('storage', 64, 'GB')]

Each spec carries its product: a mention in the same sentence, else the last one earlier in
the paragraph, else the section heading's, else the article's main product.
"""

from __future__ import annotations

import bisect
from decimal import Decimal
from functools import cache

import regex
from spacy.language import Language
from spacy.tokens import Doc

from .. import docdata, lexicons, scan
from ..scan import compiled
from . import spec_context
from .base import FactComponent
from .layout import Boilerplate, get_layout
from .products import ProductIndex, get_products
from .spec_colours import COLOUR_WORDS  # noqa: F401  (quotes asks it)
from .spec_colours import colours as _colours

FAMILY = "specs"
#: Number words ("seven days", "six airbags") and counting prefixes ("octa-core").
WORD_NUMBERS = {**{row["word"]: row["value"] for row in lexicons.load("number_words")},
                "a": 1, "single": 1, "dual": 2, "quad": 4, "hexa": 6, "octa": 8, "nona": 9, "deca": 10}
#: Units as the text writes them -> as records carry them.
UNIT_NAMES = {"grams": "g", "gm": "g", "kgs": "kg", "liter": "litre", "l": "litre", "hrs": "hours",
              "km per litre": "kmpl", "km/l": "kmpl", "kmph": "km/h", "kph": "km/h", "tb": "TB",
              "gb": "GB", "gbs": "GB", "mb": "MB", "wh": "Wh", "kwh": "kWh", "ps": "PS", "hp": "hp", "bhp": "bhp", "kw": "kW",
              "gigabyte": "GB", "gigabytes": "GB", "terabyte": "TB", "terabytes": "TB", "kms": "km",
              "kilometres": "km", "kilometers": "km", "km per hour": "km/h", "kilometres per hour": "km/h",
              "kilometers per hour": "km/h", "miles per hour": "mph", "kg-m": "kgm"}
PORT_NAMES = {"typec": "USB Type-C", "usbtypec": "USB Type-C", "usbc": "USB Type-C",
              "usba": "USB-A", "lightning": "Lightning"}

#: On ``regex``: over a whole text, 6x faster than ``re``.
MEMORY_PAIR = regex.compile(
    r"(?<![\w.])(?P<ram_part>(?P<ram>\d{1,2})\s?GB(?:\s?(?:LPDDR\w*|DDR\w*))?(?:\s?RAM)?)\s?(?:\+|/|and|with|&)\s?"
    r"(?P<storage>\d{2,4}|1|2)\s?(?P<unit>GB|TB)(?!\s?(?:RAM|LPDDR|DDR))"
    r"(?:\s?(?:of\s+)?(?:internal\s+|inbuilt\s+|onboard\s+)?(?:storage|ROM|SSD|UFS(?:\s?[\d.]+)?))?",
    regex.IGNORECASE,
)
MEGAPIXELS = scan.CaseBlindRule(r"(?<![\w.])(?P<value>\d{1,3}(?:\.\d{1,2})?)\s?-?\s?(?:MP|mega\s?-?pixels?)\b")
MEGAPIXELS_TRIGGER = scan.Trigger(r"mp|mega\s?-?pixel")
#: "0.48 megapixel display", "display resolution (1024 x 600 pixels or 0.6 megapixels)": a
#: screen's pixel count, not a camera.
SCREEN_WORDS = scan.compile_pattern(r"\b(?:display|screen|panel|resolution)\b", regex.IGNORECASE)
CAMERA_WORDS = scan.compile_pattern(r"\b(?:cameras?|lens(?:es)?|sensors?|shooters?|selfies?|snappers?|photos?|video|"
                                    r"main|primary|rear|front|ultra-?wide|telephoto|macro|depth|periscope)\b",
                                    regex.IGNORECASE)
#: "12/256GB" and "8/128 GB": RAM and storage without the first unit; "4/6 GB": two RAM sizes.
MEMORY_SLASH = regex.compile(r"(?<![\w.,/])(?P<first>\d{1,2})\s?/\s?(?P<second>\d{1,4})\s?(?P<unit>GB|TB)\b(?!\s?/)",
                             regex.IGNORECASE)
MP_JOINER = scan.compile_pattern(r"\A\s*(?:\+|,|and|&|/)\s*\Z", regex.IGNORECASE)
FRONT_WORDS = scan.compile_pattern(r"\b(?:selfie|front|front-facing|punch-hole|selfies)\b", regex.IGNORECASE)
REAR_WORDS = scan.compile_pattern(
    r"\b(?:rear|main|primary|ultra-?wide|macro|depth|telephoto|periscope|back|triple|quad|dual|"
    r"sensor|lens|shooter|wide-angle|monochrome)\b", regex.IGNORECASE)


@cache
def rules() -> list[dict]:
    """The spec rules of ``data/specs.jsonl``, with compiled patterns, in priority order."""
    compiled = []
    for row in lexicons.load("specs"):
        rule = dict(row)
        rule["rule"] = scan.CaseBlindRule(row["pattern"], regex.IGNORECASE)
        rule["regex"] = rule["rule"].original
        rule["context_regex"] = scan.compile_pattern(row["context"], regex.IGNORECASE) if row.get("context") else None
        rule["trigger_regex"] = scan.Trigger(row["trigger"]) if row.get("trigger") else None
        rule["exclude_regex"] = scan.compile_pattern(row["exclude"], regex.IGNORECASE) if row.get("exclude") else None
        rule["header_regex"] = scan.compile_pattern(row["header"], regex.IGNORECASE) if row.get("header") else None
        #: Has the rule other branches' value groups ("value2", "value3")?
        rule["other_values"] = bool({"value2", "value3"} & set(rule["regex"].groupindex))
        compiled.append(rule)
    return sorted(compiled, key=lambda r: -r["priority"])


def _number(text: str) -> int | float:
    value = Decimal(text.replace(",", ""))
    return int(value) if value == value.to_integral_value() else float(value)


def _value_group(match: regex.Match) -> str:
    """The group holding a rule's value: ``value``, or ``value2``/``value3`` in a rule's
    other branches ("84 days of validity" beside "validity of 84 days")."""
    groups = match.groupdict()
    return next((name for name in ("value2", "value3") if groups.get(name)), "value")


def _value(rule: dict, match: regex.Match) -> tuple[object, str | None] | None:
    """(value, unit) of a rule's match, normalised."""
    raw = match.group(_value_group(match) if rule["other_values"] else "value")
    if raw is None:
        return None
    unit = rule.get("unit") or (match.groupdict().get("unit"))
    if unit is not None:
        unit = " ".join(unit.split())
        unit = UNIT_NAMES.get(unit.lower(), unit)
    kind = rule["kind"]
    if kind == "number":
        return _number(raw), unit
    if kind == "word_number":
        word = raw.lower()
        return (WORD_NUMBERS[word] if word in WORD_NUMBERS else _number(word)), unit
    value = " ".join(raw.split())
    options = rule.get("value_map") or {}
    if "normalize" in options:
        value = options["normalize"]
    if options.get("drop_possessive"):  # "Apple's S9", "ARM’s Mali": the maker's name
        value = compiled(r"(?<=\w)['’]s?(?=\s)").sub("", value)
    if "strip_prefix" in options:
        value = compiled(rf"^(?:{options['strip_prefix']})(?:'s)?\s+").sub("", value)
    if "strip_suffix" in options:
        value = compiled(rf"\s+(?:{options['strip_suffix']})$", regex.IGNORECASE).sub("", value)
    if rule["name"] == "chipset":  # "Dimensity 6080" is MediaTek's; "Qualcomm" is implied
        value = compiled(r"^Qualcomm\s+").sub("", value)
        value = compiled(r"^(?=Dimensity|Helio|Kompanio)").sub("MediaTek ", value)
    if options.get("port"):
        key = compiled(r"[^a-z]").sub("", value.lower().replace("port", "").replace("connector", ""))
        value = PORT_NAMES.get(key, compiled(r"\s+(?:charging\s+)?(?:port|connector)$").sub("", value))
    return value, None


def _in_context(text: str, rule: dict, start: int, end: int) -> bool:
    """The rule's ``context`` stands near the match (on its line), its ``exclude`` does not."""
    line_start = scan.line_start(text, start)
    line_end = scan.line_end(text, end)
    exclude = rule["exclude_regex"]
    if exclude is not None:
        reach = rule.get("exclude_reach", 40)
        if exclude.search(text, max(line_start, start - reach), min(line_end, end + reach)):
            return False
    pattern = rule["context_regex"]
    if pattern is None:
        return True
    reach = rule.get("context_reach", 60)
    return bool(pattern.search(text, max(line_start, start - reach), min(line_end, end + reach)))


def _under_header(text: str, rule: dict, start: int) -> bool:
    """A rule for table cells ("28 days" under "Validity") holds under its column only."""
    pattern = rule["header_regex"]
    if pattern is None:
        return True
    header = scan.table_header(text, start)
    return header is not None and pattern.search(header) is not None


def find_specs(text: str, boilerplate: Boilerplate | None = None) -> list[dict]:
    """Every spec in ``text`` as plain records: ``span``, ``name``, ``value``, ``unit``."""
    candidates: list[tuple[int, int, int, list[dict]]] = []  # (start, end, priority, records)

    def keep(start: int, end: int, priority: int, records: list[dict]) -> None:
        if boilerplate is None or not boilerplate.contains(start):
            candidates.append((start, end, priority, records))

    for match in MEMORY_PAIR.finditer(text):
        ram = {"span": list(match.span("ram_part")), "name": "ram",
               "value": int(match.group("ram")), "unit": "GB"}
        storage = {"span": [match.start("storage"), match.end()], "name": "storage",
                   "value": int(match.group("storage")), "unit": match.group("unit").upper()}
        keep(match.start(), match.end(), 90, [ram, storage])
    for start, end, records in _memory_slashes(text):
        keep(start, end, 85, records)
    folded = scan.folded(text)  # None: no trigger shortcut then
    for start, end, records in _cameras(text, folded):
        keep(start, end, 80, records)
    for start, end, records in _colours(text, folded):
        keep(start, end, 70, records)
    windows = _trigger_windows(folded) if folded is not None else None
    for rule in rules():
        if rule["trigger_regex"] is None or windows is None:
            matches = rule["regex"].finditer(text)
        else:  # looked for only around the rule's cheap trigger: most rules fire in few places
            spans = windows.get(rule["trigger_regex"].pattern)
            if not spans:
                continue
            matches = rule["rule"].finditer(text, folded, spans)
        for match in matches:
            start, end = match.span()
            if not _in_context(text, rule, start, end) or not _under_header(text, rule, start):
                continue
            parsed = _value(rule, match)
            if parsed is None:
                continue
            value, unit = parsed
            group = _value_group(match) if rule["other_values"] else "value"
            keep(start, end, rule["priority"],
                 [{"span": [start, end], "name": rule["name"], "value": value, "unit": unit,
                   "value_span": list(match.span(group))}])
    ranked = sorted(candidates, key=lambda c: (-c[2], -(c[1] - c[0]), c[0]))  # priority, then length
    chosen = scan.pick_non_overlapping((start, end, records) for start, end, _, records in ranked)
    specs = [record for _, _, records in chosen for record in records]
    specs.sort(key=lambda r: r["span"][0])
    specs = _drop_skins_beside_android(specs)
    specs = spec_context.inch_marks(text, specs)
    specs = spec_context.dimension_thickness(text, specs)
    specs = spec_context.expand_lists(text, specs)
    specs = spec_context.drop_segment_talk(text, specs)
    specs = spec_context.drop_other_parts(text, specs)
    specs = spec_context.drop_name_tokens(text, specs)
    specs = spec_context.drop_related_links(text, specs)
    for spec in specs:
        spec.pop("value_span", None)
        spec.pop("listed", None)
    return [s for s in specs if boilerplate is None or not boilerplate.contains(s["span"][0])]


#: How far a rule's match may reach before and after its trigger ("range of up to 320 km").
TRIGGER_REACH = (60, 80)


@cache
def triggers() -> scan.TriggerSet:
    """Every rule's cheap trigger (a plain regex over the lower-cased text: "mah" for the
    battery rule), run together."""
    return scan.TriggerSet(rule["trigger_regex"] for rule in rules() if rule["trigger_regex"] is not None)


def _trigger_windows(folded: str) -> dict[str, list[tuple[int, int]]]:
    """Per trigger pattern that fired, the windows its rules are tried in. Triggers often
    fire at the same places ("\\d\\s?gb", "\\d\\s?[gt]b"...): their windows are made once."""
    windows: dict[str, list[tuple[int, int]]] = {}
    made: dict[tuple, list[tuple[int, int]]] = {}
    for pattern, spans in triggers().spans(folded).items():
        if spans:
            key = tuple(spans)
            if key not in made:
                made[key] = scan.windows(folded, spans, *TRIGGER_REACH)
            windows[pattern] = made[key]
    return windows


SKIN = scan.compile_pattern(r"^(?:One\s?UI|OxygenOS|ColorOS|MIUI|HyperOS|Funtouch|Realme UI)", regex.IGNORECASE)


def _drop_skins_beside_android(specs: list[dict]) -> list[dict]:
    """"One UI 7 based on Android 15": the OS is Android 15; the skin is not a second OS."""
    androids = [s["span"][0] for s in specs if s["name"] == "os" and str(s["value"]).startswith("Android")]
    return [s for s in specs if not (s["name"] == "os" and SKIN.match(str(s["value"]))
                                     and any(abs(a - s["span"][0]) < 60 for a in androids))]


def _cameras(text: str, folded: str | None):
    """Groups of megapixel figures ("50MP + 8MP + 2MP"), each lens one spec, rear or front."""
    if folded is None:
        matches = list(MEGAPIXELS.original.finditer(text))
    else:  # looked for only around "mp" and "megapixel"
        matches = list(MEGAPIXELS.finditer(text, folded, scan.windows(folded, MEGAPIXELS_TRIGGER, 8, 8)))
    i = 0
    while i < len(matches):
        group = [matches[i]]
        while i + 1 < len(matches) and MP_JOINER.match(text[group[-1].end():matches[i + 1].start()]):
            i += 1
            group.append(matches[i])
        i += 1
        start, end = group[0].start(), group[-1].end()
        if _screen_pixels(text, start, end):
            continue
        name = _camera_side(text, start, end)
        records = [{"span": [m.start(), m.end()], "name": name, "value": _number(m.group("value")),
                    "unit": "MP"} for m in group]
        yield start, end, records


def _screen_pixels(text: str, start: int, end: int) -> bool:
    """Is the megapixel figure a screen's ("a 0.48 megapixel display")? The nearer of a
    screen word and a camera word decides: first right after the figure, then before it."""
    after = text[end:min(end + 30, scan.line_end(text, end))]
    screen, camera = SCREEN_WORDS.search(after), CAMERA_WORDS.search(after)
    if screen or camera:
        return screen is not None and (camera is None or screen.start() < camera.start())
    before = text[max(scan.line_start(text, start), start - 60):start]
    screens = [m.end() for m in SCREEN_WORDS.finditer(before)]
    cameras = [m.end() for m in CAMERA_WORDS.finditer(before)]
    return bool(screens) and (not cameras or max(screens) > max(cameras))


def _memory_slashes(text: str):
    """(start, end, records) of "12/256GB" (RAM and storage) and "4/6 GB" (two RAM sizes)."""
    for match in MEMORY_SLASH.finditer(text):
        first, second = int(match.group("first")), int(match.group("second"))
        unit = match.group("unit").upper()
        if unit == "GB" and second < 16 and first < second:
            names = ("ram", "ram")
        elif unit == "TB" or second >= 16 and first <= 24:
            names = ("ram", "storage")
        else:
            continue
        records = [{"span": list(match.span("first")), "name": names[0], "value": first, "unit": "GB"},
                   {"span": [match.start("second"), match.end()], "name": names[1], "value": second, "unit": unit}]
        yield match.start(), match.end(), records


def _camera_side(text: str, start: int, end: int) -> str:
    """"rear_camera" or "front_camera": the nearest telling word after the figures, then before."""
    line_start = scan.line_start(text, start)
    after = text[end:min(end + 40, scan.line_end(text, end))]  # "Front camera:" on the next line is another
    before = text[max(line_start, start - 50):start]
    for window, nearest_first in ((after, True), (before, False)):
        fronts = [m.start() if nearest_first else len(window) - m.end() for m in FRONT_WORDS.finditer(window)]
        rears = [m.start() if nearest_first else len(window) - m.end() for m in REAR_WORDS.finditer(window)]
        if fronts or rears:
            if fronts and (not rears or min(fronts) < min(rears)):
                return "front_camera"
            return "rear_camera"
    return "rear_camera"


def attribute(text: str, specs: list[dict], sentences: list[tuple[int, int]], products: ProductIndex) -> None:
    """Set ``product`` on each spec: a comparison table's column, else the product the
    sentence, paragraph, section or article is about."""
    starts = [s for s, _ in sentences]
    for spec in specs:
        column_product = _column_product(text, spec["span"][0], products)
        if column_product is not None:
            spec["product"] = column_product
            continue
        k = max(0, bisect.bisect_right(starts, spec["span"][0]) - 1)
        sentence = sentences[k] if sentences else (0, len(text))
        spec["product"] = products.product_at(spec["span"][0], sentence)


def _column_product(text: str, offset: int, products: ProductIndex) -> str | None:
    """"Display: 6.1-inch OLED | 6.2-inch AMOLED" under "Quick specs: iPhone 15 vs Galaxy
    S24": the k-th column belongs to the k-th product of the heading."""
    line_start = scan.line_start(text, offset)
    line = text[line_start:min(scan.line_end(text, offset), offset + 400)]
    if "|" not in line:
        return None
    label = compiled(r"[^|:]{1,40}:\s*").match(line)
    cells_start = line_start + (label.end() if label else 0)
    column = text.count("|", cells_start, offset)
    position = line_start - 1
    for _ in range(12):  # the heading is a few lines above the table
        previous_start = scan.line_start(text, max(0, position))
        heading = text[previous_start:max(previous_start, position)]
        if "|" not in heading:
            names = []
            for start, end, _ in products.mentions_between(previous_start, position):
                name = text[start:end]
                if name not in names:
                    names.append(name)
            if len(names) >= 2:
                return names[column] if column < len(names) else None
            if heading.strip():
                return None
        if previous_start == 0:
            return None
        position = previous_start - 1
    return None


def get_specs(doc: Doc) -> list[dict]:
    specs = docdata.get(doc, FAMILY)
    return _extract(doc) if specs is None else specs


def _extract(doc: Doc) -> list[dict]:
    text = docdata.text_of(doc)
    layout = get_layout(doc)
    specs = find_specs(text, Boilerplate(layout["boilerplate"]))
    attribute(text, specs, docdata.sentence_spans(doc), ProductIndex(text, get_products(doc)))
    return specs


class Specs(FactComponent):
    """Stores specs on the Doc (``newsfacts.specs``, ``doc.spans["newsfacts_specs"]``)."""

    family, label = FAMILY, "SPEC"

    def extract(self, doc: Doc) -> list[dict]:
        return _extract(doc)


@Language.factory("newsfacts_specs")
def make_specs(nlp: Language, name: str) -> Specs:
    """Factory of :class:`Specs`."""
    return Specs()
