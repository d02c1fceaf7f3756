"""Score newsfacts against gold articles (``NAME.txt`` + ``NAME.json``, see GOLD-FORMAT.md).

For each fact type, a predicted fact *locates* a gold one when their character spans overlap
(one-to-one, best overlap first); it is *correct* when the key values agree as well:

===========  ===============================================================
sales        units and bound
prices       amount and currency
money        amount and currency
specs        name and value (numbers compared in a common unit, 2% tolerance)
quotes       speaker
time_spans   duration; else the start/end dates gold gives; else no duration
===========  ===============================================================

Other fields gold gives (a sale's product and period, a quote's title...) are reported as
agreement rates over located pairs. Where gold says explicitly that a fact has no product
(``"product": null``), ``<type>.product=null`` counts how often none was predicted either.

>>> report = evaluate_directory("corpus")          # doctest: +SKIP
>>> print(format_report(report))                   # doctest: +SKIP
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path
from typing import Any, Callable

from . import lexicons
from .models import FACT_FIELDS, Article

FAMILIES = tuple(FACT_FIELDS)
#: Extra fields compared on located pairs, per family: gold key -> predicted attribute.
ATTRIBUTES: dict[str, tuple[str, ...]] = {
    "sales": ("metric", "product", "period"),
    "prices": ("product", "bound"),
    "money": ("bound",),
    "specs": ("product", "unit"),
    "quotes": ("title", "organization", "channel"),
    "time_spans": ("anchor",),
}
RELATIVE_TOLERANCE = 0.02
#: Key of a record's (start, end) character offsets: apart from "start"/"end", which are a
#: time span's dates.
OFFSETS = "_offsets"


class GoldError(ValueError):
    """A gold file that cannot be read or does not fit its article."""


@dataclass
class GoldArticle:
    """One annotated article: its text, its gold records (each with its ``_offsets``)."""

    name: str
    text: str
    published: str | None
    records: dict[str, list[dict]]


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise GoldError(f"{path}: not UTF-8 text ({error.reason} at byte {error.start})") from None
    except OSError as error:
        raise GoldError(f"{path}: cannot read ({error.strerror})") from None


def locate(text: str, record: dict, where: str) -> tuple[int, int]:
    """Offsets of a gold record's ``text`` (its ``occurrence``-th appearance, default 1)."""
    needle = record.get("text")
    if not isinstance(needle, str) or not needle:
        raise GoldError(f"{where}: record has no \"text\"")
    occurrence = record.get("occurrence", 1)
    if not isinstance(occurrence, int) or occurrence < 1:
        raise GoldError(f"{where}: \"occurrence\" must be a whole number from 1")
    position, search_from = -1, 0
    for _ in range(occurrence):  # the k-th non-overlapping appearance, as str.count counts
        position = text.find(needle, search_from)
        if position < 0:
            raise GoldError(f"{where}: text {needle!r} (occurrence {occurrence}) is not in the article")
        search_from = position + len(needle)
    return position, position + len(needle)


def load_gold(txt_path: Path) -> GoldArticle:
    """Read ``NAME.txt`` and ``NAME.json`` and locate every gold record."""
    json_path = txt_path.with_suffix(".json")
    text = _read_text(txt_path)
    try:
        gold = json.loads(_read_text(json_path))
    except json.JSONDecodeError as error:
        raise GoldError(f"{json_path}: invalid JSON ({error.msg}, line {error.lineno})") from None
    if not isinstance(gold, dict):
        raise GoldError(f"{json_path}: expected a JSON object")
    records: dict[str, list[dict]] = {}
    for family in FAMILIES:
        located = []
        for index, record in enumerate(gold.get(family) or []):
            start, end = locate(text, record, f"{json_path}: {family}[{index}]")
            located.append({**record, OFFSETS: (start, end)})
        records[family] = located
    return GoldArticle(txt_path.stem, text, gold.get("published"), records)


def load_corpus(directory: str | Path) -> list[GoldArticle]:
    """Every ``NAME.txt`` with a ``NAME.json`` beside it, in name order."""
    directory = Path(directory)
    if not directory.is_dir():
        raise GoldError(f"{directory}: not a directory")
    articles = [load_gold(path) for path in sorted(directory.glob("*.txt"))
                if path.with_suffix(".json").exists()]
    if not articles:
        raise GoldError(f"{directory}: no NAME.txt + NAME.json pairs")
    return articles


# --- comparing values -------------------------------------------------------------------

def normalise_text(value: Any) -> str | None:
    """Case, punctuation and spacing folded: "USB Type-C" == "usb type c"."""
    if value is None:
        return None
    return " ".join(re.sub(r"[^\w.+]+", " ", str(value).casefold()).split()) or None


def _decimal(value: Any) -> Decimal | None:
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


@cache
def _units() -> dict[str, tuple[str, float]]:
    return {row["unit"]: (row["dimension"], row["factor"]) for row in lexicons.load("units")}


def _in_base_unit(value: float, unit: str | None) -> tuple[str | None, float]:
    if unit is None:
        return None, value
    dimension, factor = _units().get(unit.casefold().strip(), (unit.casefold().strip(), 1.0))
    return dimension, value * factor


def spec_values_agree(gold: dict, predicted: dict) -> bool:
    """Numbers agree within 2% once in a common unit; strings agree once normalised."""
    gold_value, predicted_value = gold.get("value"), predicted.get("value")
    gold_number, predicted_number = _number(gold_value), _number(predicted_value)
    if gold_number is not None and predicted_number is not None:
        gold_dim, g = _in_base_unit(gold_number, gold.get("unit"))
        pred_dim, p = _in_base_unit(predicted_number, predicted.get("unit"))
        if gold_dim is not None and pred_dim is not None and gold_dim != pred_dim:
            return False
        if gold_dim is None or pred_dim is None:
            g, p = gold_number, predicted_number
        return abs(g - p) <= RELATIVE_TOLERANCE * max(abs(g), abs(p), 1e-9)
    return _without_maker(gold_value) == _without_maker(predicted_value)


#: Chip makers a spec value may or may not name: "MediaTek Dimensity 7200" is "Dimensity 7200".
CHIP_MAKERS = ("mediatek ", "qualcomm ", "hisilicon ", "samsung ", "google ")


def _without_maker(value: Any) -> str | None:
    text = normalise_text(value)
    for maker in CHIP_MAKERS:
        if text and text.startswith(maker):
            return text[len(maker):]
    return text


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    return None


_DURATION = re.compile(
    r"^P(?:(?P<Y>\d+(?:\.\d+)?)Y)?(?:(?P<M>\d+(?:\.\d+)?)M)?(?:(?P<W>\d+(?:\.\d+)?)W)?"
    r"(?:(?P<D>\d+(?:\.\d+)?)D)?(?:T(?:(?P<H>\d+(?:\.\d+)?)H)?(?:(?P<MI>\d+(?:\.\d+)?)M)?"
    r"(?:(?P<S>\d+(?:\.\d+)?)S)?)?$"
)


def normalise_duration(value: str | None) -> tuple | str | None:
    """ISO 8601 durations compared by meaning: "P2W" == "P14D", "PT24H" == "P1D"."""
    if value is None:
        return None
    match = _DURATION.match(value)
    if not match:
        return value
    parts = {k: float(v) if v else 0.0 for k, v in match.groupdict().items()}
    months = parts["Y"] * 12 + parts["M"]
    seconds = ((parts["W"] * 7 + parts["D"]) * 86400 + parts["H"] * 3600 + parts["MI"] * 60
               + parts["S"])
    return months, seconds


#: Words that do not tell one product or variant from another.
PRODUCT_FILLERS = {"the", "a", "an", "and", "with", "of", "for", "its", "variant", "variants",
                   "model", "models", "version", "option", "edition", "storage", "ram", "rom",
                   "internal", "inbuilt", "plan", "pack", "recharge", "annual", "prepaid",
                   "postpaid", "unlimited", "data", "voucher", "booster", "add-on", "top-up",
                   "+", "&", "/"}


@cache
def _brand_words() -> frozenset[str]:
    return frozenset(row["name"].casefold() for row in lexicons.load("brands") if row["kind"] == "brand")


def product_words(value: Any, brands: frozenset[str] = frozenset()) -> frozenset[str]:
    """A product (with its variant) as a set of telling words: brand names (the lexicon's,
    and ``brands``, the makers the article names), fillers and separators folded away, so
    "Samsung Galaxy M37 5G 8GB RAM and 256GB storage" names the same thing as "Galaxy M37 5G
    8GB RAM + 256GB storage"."""
    text = normalise_text(value) or ""
    known = _brand_words() | brands
    for brand in sorted(known, key=len, reverse=True):
        if " " in brand and brand in text:
            text = text.replace(brand, " ")
    words = text.replace("+", " + ").split()
    return frozenset(w for w in words if w not in PRODUCT_FILLERS and w not in known)


def _key_values_agree(family: str, gold: dict, predicted: dict) -> bool:
    if family == "sales":
        return (predicted.get("units") == gold.get("units")
                and predicted.get("bound", "exact") == gold.get("bound", "exact"))
    if family in ("prices", "money"):
        return (_decimal(predicted.get("amount")) == _decimal(gold.get("amount"))
                and predicted.get("currency") == gold.get("currency"))
    if family == "specs":
        return predicted.get("name") == gold.get("name") and spec_values_agree(gold, predicted)
    if family == "quotes":
        return normalise_text(predicted.get("speaker")) == normalise_text(gold.get("speaker"))
    if family == "time_spans":
        if gold.get("duration"):
            return normalise_duration(predicted.get("duration")) == normalise_duration(gold["duration"])
        if gold.get("start") or gold.get("end"):
            return all(predicted.get(k) == gold[k] for k in ("start", "end") if k in gold)
        return predicted.get("duration") is None
    raise ValueError(family)


def _attribute_agrees(family: str, name: str, gold: dict, predicted: dict,
                      brands: frozenset[str] = frozenset()) -> bool:
    value = gold[name]
    if name == "period":
        period = predicted.get("period") or {}
        return normalise_duration(period.get("duration")) == normalise_duration(value)
    if name == "product":
        named = " ".join(str(p) for p in (predicted.get("product"), predicted.get("variant")) if p)
        return product_words(value, brands) == product_words(named, brands) if named else False
    if name == "unit":
        return _in_base_unit(1.0, value)[0] == _in_base_unit(1.0, predicted.get("unit"))[0]
    return normalise_text(predicted.get(name)) == normalise_text(value)


# --- matching ---------------------------------------------------------------------------

@dataclass
class Pair:
    gold: dict
    predicted: dict
    correct: bool


def match_records(family: str, gold: list[dict], predicted: list[dict]) -> list[Pair]:
    """One-to-one pairs of overlapping spans: correct pairs first, then by overlap length."""
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            (g_start, g_end), (p_start, p_end) = g[OFFSETS], p[OFFSETS]
            overlap = min(g_end, p_end) - max(g_start, p_start)
            if overlap > 0:
                correct = _key_values_agree(family, g, p)
                candidates.append((not correct, -overlap, gi, pi, correct))
    candidates.sort()
    used_gold, used_predicted, pairs = set(), set(), []
    for _, _, gi, pi, correct in candidates:
        if gi in used_gold or pi in used_predicted:
            continue
        used_gold.add(gi)
        used_predicted.add(pi)
        pairs.append(Pair(gold[gi], predicted[pi], correct))
    return pairs


def predicted_records(article: Article) -> dict[str, list[dict]]:
    """An Article's facts as flat dicts with ``_offsets``, like located gold records."""
    records = {}
    for family in FAMILIES:
        flat = []
        for fact in getattr(article, family):
            data = fact.model_dump(mode="json")
            span = data.pop("span")
            flat.append({**data, OFFSETS: (span["start"], span["end"]), "text": span["text"]})
        records[family] = flat
    return records


# --- scores -----------------------------------------------------------------------------

def _prf(hits: int, predicted: int, gold: int) -> dict[str, float]:
    precision = hits / predicted if predicted else 0.0
    recall = hits / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


@dataclass
class Counts:
    gold: int = 0
    predicted: int = 0
    located: int = 0
    correct: int = 0

    def add(self, other: "Counts") -> None:
        self.gold += other.gold
        self.predicted += other.predicted
        self.located += other.located
        self.correct += other.correct

    def as_dict(self) -> dict:
        return {
            "gold": self.gold, "predicted": self.predicted,
            "located": self.located, "correct": self.correct,
            "located_scores": _prf(self.located, self.predicted, self.gold),
            "correct_scores": _prf(self.correct, self.predicted, self.gold),
        }


@dataclass
class Report:
    """Scores over a corpus, plus every miss for ``--details``."""

    directory: str
    articles: int = 0
    counts: dict[str, Counts] = field(default_factory=lambda: {f: Counts() for f in FAMILIES})
    attributes: dict[str, list[int]] = field(default_factory=dict)  # "sales.product" -> [agree, n]
    published: list[int] = field(default_factory=lambda: [0, 0])  # [agree, articles with gold]
    errors: list[dict] = field(default_factory=list)

    def micro(self) -> Counts:
        total = Counts()
        for counts in self.counts.values():
            total.add(counts)
        return total

    def as_dict(self) -> dict:
        return {
            "directory": self.directory,
            "articles": self.articles,
            "types": {family: counts.as_dict() for family, counts in self.counts.items()},
            "micro": self.micro().as_dict(),
            "attributes": {
                name: {"agree": agree, "located": n, "rate": round(agree / n, 4) if n else None}
                for name, (agree, n) in sorted(self.attributes.items())
            },
            "published": {"agree": self.published[0], "articles": self.published[1]},
        }


def score_article(report: Report, gold: GoldArticle, article: Article) -> None:
    """Add one article's counts, agreements and misses to ``report``."""
    published = article.published.isoformat() if article.published else None
    brands = frozenset(p.brand.casefold() for p in article.products if p.brand)
    score_records(report, gold, predicted_records(article), published, brands)


def score_records(report: Report, gold: GoldArticle, predicted: dict[str, list[dict]],
                  published: str | None, brands: frozenset[str] = frozenset()) -> None:
    """Score flat predicted records (as :func:`predicted_records` makes) against gold."""
    report.articles += 1
    if gold.published is not None:
        report.published[1] += 1
        report.published[0] += published == gold.published
    for family in FAMILIES:
        pairs = match_records(family, gold.records[family], predicted[family])
        counts = report.counts[family]
        counts.gold += len(gold.records[family])
        counts.predicted += len(predicted[family])
        counts.located += len(pairs)
        counts.correct += sum(pair.correct for pair in pairs)
        for pair in pairs:
            for name in ATTRIBUTES[family]:
                if pair.gold.get(name) is not None:
                    tally = report.attributes.setdefault(f"{family}.{name}", [0, 0])
                    tally[0] += _attribute_agrees(family, name, pair.gold, pair.predicted, brands)
                    tally[1] += 1
                elif name == "product" and name in pair.gold:  # gold says: no product
                    tally = report.attributes.setdefault(f"{family}.{name}=null", [0, 0])
                    tally[0] += not pair.predicted.get(name)
                    tally[1] += 1
            if not pair.correct:
                report.errors.append({"article": gold.name, "type": family, "error": "wrong value",
                                      "gold": _brief(pair.gold), "predicted": _brief(pair.predicted)})
        matched_gold = {id(pair.gold) for pair in pairs}
        matched_predicted = {id(pair.predicted) for pair in pairs}
        for record in gold.records[family]:
            if id(record) not in matched_gold:
                report.errors.append({"article": gold.name, "type": family, "error": "missed",
                                      "gold": _brief(record)})
        for record in predicted[family]:
            if id(record) not in matched_predicted:
                report.errors.append({"article": gold.name, "type": family, "error": "spurious",
                                      "predicted": _brief(record)})


def _brief(record: dict) -> dict:
    return {k: v for k, v in record.items() if k not in (OFFSETS, "kind", "sentence")
            and v is not None}


def evaluate_directory(directory: str | Path,
                       extract: Callable[[str], Article] | None = None) -> Report:
    """Run ``extract`` (default: :func:`newsfacts.extract`) on every gold article and score it."""
    if extract is None:
        from .extractor import extract
    report = Report(str(directory))
    for gold in load_corpus(directory):
        score_article(report, gold, extract(gold.text))
    return report


def format_report(report: Report) -> str:
    """The report as a text table."""
    def row(label: str, counts: Counts) -> str:
        located = _prf(counts.located, counts.predicted, counts.gold)
        correct = _prf(counts.correct, counts.predicted, counts.gold)
        return (f"{label:<11}{counts.gold:>6}{counts.predicted:>6}{counts.located:>6}{counts.correct:>6}"
                f" | {located['precision']:.3f} {located['recall']:.3f} {located['f1']:.3f}"
                f" | {correct['precision']:.3f} {correct['recall']:.3f} {correct['f1']:.3f}")

    lines = [
        f"newsfacts eval {report.directory}: {report.articles} articles",
        "",
        f"{'':<11}{'':>24} | {'located':^17} | {'correct':^17}",
        f"{'type':<11}{'gold':>6}{'pred':>6}{'loc':>6}{'ok':>6} | {'P':>5} {'R':>5} {'F1':>5} | {'P':>5} {'R':>5} {'F1':>5}",
    ]
    lines += [row(family, counts) for family, counts in report.counts.items()]
    micro = report.micro()
    lines.append(row("all", micro))
    lines.append("")
    lines.append(f"micro F1: {_prf(micro.correct, micro.predicted, micro.gold)['f1']:.3f} (correct), "
                 f"{_prf(micro.located, micro.predicted, micro.gold)['f1']:.3f} (located)")
    agree, total = report.published
    lines.append(f"published: {agree}/{total} articles agree")
    if report.attributes:
        lines.append("agreement on located facts: " + ", ".join(
            f"{name} {agree}/{n}" for name, (agree, n) in sorted(report.attributes.items())))
    return "\n".join(lines)


def format_errors(report: Report) -> str:
    """Every miss, spurious fact and wrong value, one per line."""
    lines = []
    for error in report.errors:
        detail = {k: v for k, v in error.items() if k not in ("article", "type", "error")}
        lines.append(f"{error['article']} {error['type']} {error['error']}: "
                     + json.dumps(detail, ensure_ascii=False, default=str))
    return "\n".join(lines)
