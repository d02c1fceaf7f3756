"""Score newsfacts against gold articles (``NAME.txt`` + ``NAME.json``, see docs/gold-format.md).

The rules are the judge's (``../shared/tools/score.py``), so ``newsfacts eval`` gives the
figures the project is judged by. For each fact type, a predicted fact *locates* a gold one
when their character spans overlap (one-to-one, greatest overlap first); it is *correct* when
the key values agree as well:

===========  ======================================================================
sales        units, and bound (gold's default: exact)
prices       amount (to a millionth) and currency
money        amount (to a millionth) and currency
specs        name, and value: equal, or converted to gold's unit within 2%, or one
             text inside the other once normalised
quotes       speaker: equal, one inside the other, or the same last word; null wants null
time_spans   the ISO duration as written, else the start (and end) dates gold gives; a
             gold span with text only accepts any values
===========  ======================================================================

On located pairs the judge also counts agreements: a sale's period and product, a price's
and a spec's product (null wants null), a quote's title and organisation (when gold gives
them). ``eval`` adds the share of located quotes with the right speaker (``quotes.speaker``)
and a few fields the judge ignores (a sale's metric, a price's bound...).

>>> report = evaluate_directory("corpus")          # doctest: +SKIP
>>> print(format_report(report))                   # doctest: +SKIP
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from .models import FACT_FIELDS, Article

FAMILIES = tuple(FACT_FIELDS)
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
    position = -1
    for _ in range(occurrence):  # the k-th appearance, overlapping ones counted, as the judge does
        position = text.find(needle, position + 1)
        if position < 0:
            raise GoldError(f"{where}: text {needle!r} (occurrence {occurrence}) is not in the article")
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


# --- comparing values: the judge's rules (../shared/tools/score.py) ---------------------

def normalise_text(value: Any) -> str:
    """Unicode-compatible, lower case, apostrophes straightened, every run of other than
    a-z/0-9 one space: "USB Type-C" == "usb type c"."""
    text = unicodedata.normalize("NFKC", str(value)).lower().replace("’", "'").replace("‘", "'")
    return re.sub(r"[^0-9a-z]+", " ", text).strip()


def as_number(value: Any) -> float | None:
    """A number, from a number or its text ("16,999" -> 16999.0); else None."""
    try:
        return float(str(value).replace(",", ""))
    except (TypeError, ValueError):
        return None


def same_value(gold: Any, predicted: Any) -> bool:
    """Numbers equal (to a millionth), else texts equal or one inside the other once
    normalised: "Head of Sales" agrees with "Head of Sales, India"."""
    g, p = as_number(gold), as_number(predicted)
    if g is not None and p is not None:
        return abs(g - p) <= 1e-6 * max(1.0, abs(g))
    a, b = normalise_text(gold), normalise_text(predicted)
    if not a or not b:
        return a == b
    return a == b or a in b or b in a


#: Unit conversions the judge accepts: (from, to) -> factors (TB is 1000 or 1024 GB).
CONVERSIONS: dict[tuple[str, str], tuple[float, ...]] = {
    ("tb", "gb"): (1000, 1024), ("gb", "tb"): (1 / 1000, 1 / 1024), ("mb", "gb"): (1 / 1000, 1 / 1024),
    ("kg", "g"): (1000,), ("g", "kg"): (1 / 1000,), ("inch", "mm"): (25.4,), ("mm", "inch"): (1 / 25.4,),
    ("cm", "mm"): (10,), ("cm", "inch"): (1 / 2.54,), ("inch", "cm"): (2.54,), ("mm", "cm"): (0.1,),
    ("l", "cc"): (1000,), ("litre", "cc"): (1000,), ("ps", "bhp"): (0.986,), ("bhp", "ps"): (1.014,),
    ("hp", "bhp"): (1,), ("bhp", "hp"): (1,), ("ghz", "mhz"): (1000,), ("mhz", "ghz"): (1 / 1000,),
}
UNIT_SPELLINGS = {"inches": "inch", '"': "inch", "in": "inch", "grams": "g", "gram": "g",
                  "litres": "l", "liters": "l", "liter": "l", "core": "cores"}
RELATIVE_TOLERANCE = 0.02


def _unit(unit: str | None) -> str:
    unit = (unit or "").strip().lower()
    return UNIT_SPELLINGS.get(unit, unit)


def spec_values_agree(gold: dict, predicted: dict) -> bool:
    """Values agree as :func:`same_value` says, or once the predicted number is converted to
    gold's unit (within 2%): 1.7 kg == 1700 g, 1 TB == 1024 GB."""
    if same_value(gold.get("value"), predicted.get("value")):
        return True
    g, p = as_number(gold.get("value")), as_number(predicted.get("value"))
    gold_unit, predicted_unit = _unit(gold.get("unit")), _unit(predicted.get("unit"))
    if g is None or p is None or not gold_unit or not predicted_unit or gold_unit == predicted_unit:
        return False
    return any(abs(p * factor - g) <= RELATIVE_TOLERANCE * max(1.0, abs(g))
               for factor in CONVERSIONS.get((predicted_unit, gold_unit), ()))


def same_name(gold: str | None, predicted: str | None) -> bool:
    """Speakers and products agree when equal, one inside the other, or ending in the same
    word ("Maya Rao" and "Rao"); gold null wants null."""
    if gold is None:
        return predicted is None
    if predicted is None:
        return False
    a, b = normalise_text(gold), normalise_text(predicted)
    return a == b or a in b or b in a or a.split()[-1:] == b.split()[-1:]


_DURATION = re.compile(
    r"^P(?:(?P<Y>\d+(?:\.\d+)?)Y)?(?:(?P<M>\d+(?:\.\d+)?)M)?(?:(?P<W>\d+(?:\.\d+)?)W)?"
    r"(?:(?P<D>\d+(?:\.\d+)?)D)?(?:T(?:(?P<H>\d+(?:\.\d+)?)H)?(?:(?P<MI>\d+(?:\.\d+)?)M)?"
    r"(?:(?P<S>\d+(?:\.\d+)?)S)?)?$"
)


def normalise_duration(value: str | None) -> tuple | str | None:
    """ISO 8601 durations by meaning: "P2W" == "P14D", "PT24H" == "P1D". (The judge compares
    them as written; the peer suites compare them by meaning.)"""
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


def key_values_agree(family: str, gold: dict, predicted: dict) -> bool:
    """The values that make a located fact correct, family by family."""
    if family == "sales":
        return (as_number(gold["units"]) == as_number(predicted.get("units"))
                and gold.get("bound", "exact") == predicted.get("bound"))
    if family in ("prices", "money"):
        return (same_value(gold["amount"], predicted.get("amount"))
                and gold["currency"] == predicted.get("currency"))
    if family == "specs":
        return gold["name"] == predicted.get("name") and spec_values_agree(gold, predicted)
    if family == "quotes":
        return same_name(gold.get("speaker"), predicted.get("speaker"))
    if family == "time_spans":
        if gold.get("duration"):  # as written: "P14D" is not "P2W"
            return gold["duration"] == predicted.get("duration")
        if gold.get("start"):
            return (str(predicted.get("start")) == gold["start"]
                    and (not gold.get("end") or str(predicted.get("end")) == gold["end"]))
        return True  # gold gives the text only: any values
    raise ValueError(family)


def _period_duration(predicted: dict) -> str | None:
    period = predicted.get("period")
    return period.get("duration") if isinstance(period, dict) else period


#: Fields the judge compares on every located pair, besides the key values.
AGREEMENTS: dict[str, dict[str, Callable[[dict, dict], bool]]] = {
    "sales": {"period": lambda g, p: (g.get("period") or None) == (_period_duration(p) or None),
              "product": lambda g, p: same_name(g.get("product"), p.get("product"))},
    "prices": {"product": lambda g, p: same_name(g.get("product"), p.get("product"))},
    "specs": {"product": lambda g, p: same_name(g.get("product"), p.get("product"))},
    "quotes": {"title": lambda g, p: "title" not in g or same_value(g["title"], p.get("title") or ""),
               "organization": lambda g, p: "organization" not in g
               or same_value(g["organization"], p.get("organization") or "")},
}
#: Fields reported besides, on located pairs where gold gives them (the judge ignores them).
EXTRA_AGREEMENTS: dict[str, tuple[str, ...]] = {
    "sales": ("metric",), "prices": ("bound",), "money": ("bound",), "specs": ("unit",),
    "quotes": ("channel",), "time_spans": ("anchor",),
}


def _extra_agrees(name: str, gold: dict, predicted: dict) -> bool:
    if name == "unit":
        return _unit(gold[name]) == _unit(predicted.get(name))
    return normalise_text(gold[name]) == normalise_text(predicted.get(name) or "")


# --- matching ---------------------------------------------------------------------------

@dataclass
class Pair:
    gold: dict
    predicted: dict
    correct: bool


def match_records(family: str, gold: list[dict], predicted: list[dict]) -> list[Pair]:
    """One-to-one pairs of overlapping spans, the greatest overlap first (ties: the later gold
    record, then the later prediction, as the judge breaks them); then each pair's values."""
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            (g_start, g_end), (p_start, p_end) = g[OFFSETS], p[OFFSETS]
            overlap = min(g_end, p_end) - max(g_start, p_start)
            if overlap > 0:
                candidates.append((overlap, gi, pi))
    candidates.sort(reverse=True)
    used_gold, used_predicted, pairs = set(), set(), []
    for _, gi, pi in candidates:
        if gi in used_gold or pi in used_predicted:
            continue
        used_gold.add(gi)
        used_predicted.add(pi)
        pairs.append(Pair(gold[gi], predicted[pi], key_values_agree(family, gold[gi], predicted[pi])))
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
    """Precision, recall, F1; nothing predicted where gold has nothing counts as perfect."""
    precision = hits / predicted if predicted else float(not gold)
    recall = hits / gold if gold else float(not predicted)
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
    #: Every gold fact's outcome (correct, wrong, missed) and every spurious one: see ``runs``.
    facts: list[dict] = field(default_factory=list)

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
    """Add one article's counts, agreements and per-fact outcomes to ``report``."""
    published = article.published.isoformat() if article.published else None
    score_records(report, gold, predicted_records(article), published)


def score_records(report: Report, gold: GoldArticle, predicted: dict[str, list[dict]],
                  published: str | None) -> None:
    """Score flat predicted records (as :func:`predicted_records` makes) against gold."""
    report.articles += 1
    if gold.published is not None:
        report.published[1] += 1
        report.published[0] += published == gold.published
    for family in FAMILIES:
        gold_records = gold.records[family]
        pairs = match_records(family, gold_records, predicted[family])
        counts = report.counts[family]
        counts.gold += len(gold_records)
        counts.predicted += len(predicted[family])
        counts.located += len(pairs)
        counts.correct += sum(pair.correct for pair in pairs)
        pair_of = {id(pair.gold): pair for pair in pairs}
        for index, record in enumerate(gold_records):
            pair = pair_of.get(id(record))
            outcome = {"article": gold.name, "family": family, "index": index,
                       "text": record["text"], "gold": _brief(record)}
            if pair is None:
                report.facts.append({**outcome, "status": "missed", "predicted": None})
                report.errors.append({"article": gold.name, "type": family, "error": "missed",
                                      "gold": _brief(record)})
                continue
            agreements = {name: agrees(record, pair.predicted)
                          for name, agrees in AGREEMENTS.get(family, {}).items()}
            if family == "quotes":
                agreements["speaker"] = pair.correct
            for name in EXTRA_AGREEMENTS.get(family, ()):
                if record.get(name) is not None:
                    agreements[name] = _extra_agrees(name, record, pair.predicted)
            for name, agree in agreements.items():
                tally = report.attributes.setdefault(f"{family}.{name}", [0, 0])
                tally[0] += agree
                tally[1] += 1
            report.facts.append({**outcome, "status": "correct" if pair.correct else "wrong",
                                 "predicted": _brief(pair.predicted), "agreements": agreements})
            if not pair.correct:
                report.errors.append({"article": gold.name, "type": family, "error": "wrong value",
                                      "gold": _brief(record), "predicted": _brief(pair.predicted)})
        matched = {id(pair.predicted) for pair in pairs}
        for record in predicted[family]:
            if id(record) not in matched:
                report.facts.append({"article": gold.name, "family": family, "status": "spurious",
                                     "text": record.get("text"), "start": record[OFFSETS][0],
                                     "predicted": _brief(record)})
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
    judged = {f"{family}.{name}" for family, names in AGREEMENTS.items() for name in names}
    judged.add("quotes.speaker")
    for heading, names in (("agreement on located facts", judged),
                           ("also (not judged)", set(report.attributes) - judged)):
        shown = [f"{name} {agree}/{n} = {agree / n:.3f}"
                 for name, (agree, n) in sorted(report.attributes.items()) if name in names and n]
        if shown:
            lines.append(f"{heading}: " + ", ".join(shown))
    return "\n".join(lines)


def format_errors(report: Report) -> str:
    """Every miss, spurious fact and wrong value, one per line."""
    lines = []
    for error in report.errors:
        detail = {k: v for k, v in error.items() if k not in ("article", "type", "error")}
        lines.append(f"{error['article']} {error['type']} {error['error']}: "
                     + json.dumps(detail, ensure_ascii=False, default=str))
    return "\n".join(lines)
