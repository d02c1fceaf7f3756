"""Every outside yardstick in one run: the real news pages (../shared/realnews), PolNeAR's
quotes (../shared/peers/polnear) and other projects' test suites (../shared/peers).

    python -m tests.peer_suites            # every figure, and the failing peer cases
    python -m tests.peer_suites --brief    # the figures only

A case passes when, for every expected result with a value, newsfacts finds a fact whose
span overlaps the expected one and whose value agrees (amount and currency); a case that
expects nothing passes when newsfacts finds nothing. A plain "Dollar" is USD; cents and
pence are fractions of the main unit.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from decimal import Decimal
from pathlib import Path

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
PEERS = SHARED / "peers"
RECOGNIZERS = PEERS / "recognizers-text"
POLNEAR = PEERS / "polnear"
REALNEWS = SHARED / "realnews"

#: Recognizers-Text unit names -> (ISO 4217 code, how many make one main unit).
CURRENCY_UNITS = {
    "Dollar": ("USD", 1), "United States dollar": ("USD", 1), "Cent": ("USD", 100),
    "Euro": ("EUR", 1), "Pound": ("GBP", 1), "British pound": ("GBP", 1), "Pence": ("GBP", 100),
    "Penny": ("GBP", 100), "Chinese yuan": ("CNY", 1), "Japanese yen": ("JPY", 1),
    "Canadian dollar": ("CAD", 1), "Australian dollar": ("AUD", 1), "Hong Kong dollar": ("HKD", 1),
    "New Zealand dollar": ("NZD", 1), "Mexican peso": ("MXN", 1), "Rupee": ("INR", 1),
    "Sri Lankan rupee": ("LKR", 1), "Swiss franc": ("CHF", 1), "Franc": ("FRF", 1),
    "Turkish lira": ("TRY", 1), "Finnish markka": ("FIM", 1), "Netherlands guilder": ("NLG", 1),
    "Peseta": ("ESP", 1), "Costa Rican colón": ("CRC", 1), "Georgian lari": ("GEL", 1),
    "Lao kip": ("LAK", 1), "Bitcoin": ("XBT", 1), "Satoshi": ("XBT", 100_000_000),
    "Sen": ("JPY", 100),
}


def load(name: str) -> list[dict]:
    return json.loads((RECOGNIZERS / name).read_text(encoding="utf-8"))


def currency_case_passes(case: dict, extract) -> tuple[bool, list]:
    """(passed, predicted amounts) for one CurrencyModel case."""
    article = extract(case["Input"])
    predicted = [(f.span.start, f.span.end, f.amount, f.currency) for f in [*article.prices, *article.money]]
    expected = [r for r in case.get("Results", []) if r["Resolution"].get("value") is not None]
    if not case.get("Results"):
        return not predicted, predicted
    for result in expected:
        code, per_unit = CURRENCY_UNITS.get(result["Resolution"]["unit"], (None, 1))
        code = result["Resolution"].get("isoCurrency") or code
        value = Decimal(result["Resolution"]["value"]) / per_unit
        start, end = result["Start"], result["End"] + 1
        if not any(s < end and start < e and amount == value and currency == code
                   for s, e, amount, currency in predicted):
            return False, predicted
    return True, predicted


def pass_rate(cases: list[dict], passes, extract) -> tuple[float, list[tuple[dict, list]]]:
    """(share of cases passing, [(failing case, what newsfacts found)])."""
    failures = []
    for case in cases:
        passed, predicted = passes(case, extract)
        if not passed:
            failures.append((case, predicted))
    return 1 - len(failures) / len(cases), failures


def currency_pass_rate(extract) -> tuple[float, list[tuple[dict, list]]]:
    return pass_rate(load("CurrencyModel.json"), currency_case_passes, extract)


def duration_case_passes(case: dict, extract) -> tuple[bool, list]:
    """A Recognizers-Text duration case: every expected duration found, overlapping, with the
    same length (compared by meaning: "P2W" == "P14D"). Extractor cases (no Timex) need only
    an overlapping time span."""
    from newsfacts.evaluate import normalise_duration

    article = extract(case["Input"])
    predicted = [(t.span.start, t.span.end, t.duration) for t in article.time_spans]
    for result in case.get("Results", []):
        start = result["Start"]
        end = start + result["Length"] if "Length" in result else result["End"] + 1
        timex = (result.get("Value") or {}).get("Timex")
        if not any(s < end and start < e and (timex is None or normalise_duration(d) == normalise_duration(timex))
                   for s, e, d in predicted):
            return False, predicted
    return True, predicted


def duration_pass_rate(extract, name: str) -> tuple[float, list[tuple[dict, list]]]:
    cases = [c for c in load(name) if all(r.get("Type", "duration") == "duration" for r in c.get("Results", []))]
    return pass_rate(cases, duration_case_passes, extract)


def _polnear_scorer():
    spec = importlib.util.spec_from_file_location("polnear_score_quotes", POLNEAR / "score_quotes.py")
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    return scorer


#: The scorer's reading, loosened on two points where it misjudges right answers: typewriter
#: double single marks (''...'', the New York Times' quotes) count as quotation marks, and names
#: are compared word for word without punctuation ("Kenneth Baer," holds "Baer").
LOOSE_MARK = re.compile(r"[\"“”]|''")


def _loose_agrees(gold: str, predicted: str | None) -> bool:
    if not predicted:
        return False
    g, p = re.findall(r"[\w'’-]+", gold.lower()), re.findall(r"[\w'’-]+", predicted.lower())
    return bool(g and p) and (g[-1] in p or p[-1] in g)


def polnear_scores(split: str, extract, loose: bool = False) -> dict:
    """PolNeAR quotes on one split (dev, train), scored by its own scorer's rules
    (``score_quotes.py``): located precision, recall, F1 and named-speaker agreement.
    ``loose`` reads ``''`` as a quotation mark and compares names without punctuation."""
    scorer = _polnear_scorer()
    if loose:
        scorer.MARK = LOOSE_MARK
    agrees = _loose_agrees if loose else scorer.agrees
    gold_n = predicted_n = located = named_n = named_ok = 0
    for path in sorted((POLNEAR / split).glob("*.ann")):
        text = path.with_suffix(".txt").read_text(encoding="utf-8")
        gold = scorer.read_ann(text, path.read_text(encoding="utf-8"))
        predicted = [(q.span.start, q.span.end, q.speaker) for q in extract(text).quotes]
        gold_n += len(gold)
        predicted_n += len(predicted)
        used = set()
        for start, end, who in gold:
            hit = next((i for i, (s, e, _) in enumerate(predicted)
                        if i not in used and min(end, e) > max(start, s)), None)
            if hit is None:
                continue
            used.add(hit)
            located += 1
            if scorer.named(who):
                named_n += 1
                named_ok += agrees(who, predicted[hit][2])
    precision = located / predicted_n if predicted_n else 0.0
    recall = located / gold_n if gold_n else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"gold": gold_n, "predicted": predicted_n, "located_precision": precision,
            "located_recall": recall, "located_f1": f1, "named": named_n,
            "named_speaker_agreement": named_ok / named_n if named_n else 0.0}


def main(argv: list[str] | None = None) -> int:
    from newsfacts import extract
    from newsfacts.evaluate import evaluate_directory, format_report

    brief = "--brief" in (argv if argv is not None else sys.argv[1:])
    if REALNEWS.is_dir():
        print(format_report(evaluate_directory(REALNEWS, extract)))
        print()
    else:
        print(f"{REALNEWS}: not here, real news skipped")
    if (POLNEAR / "dev").is_dir():
        for split, loose in (("dev", False), ("dev", True)):
            s = polnear_scores(split, extract, loose)
            how = "'' as a mark, names without punctuation" if loose else "its scorer's rules"
            print(f"PolNeAR {split} ({how}): {s['gold']} gold quote pieces, {s['predicted']} predicted; "
                  f"located P {s['located_precision']:.3f} R {s['located_recall']:.3f} F1 {s['located_f1']:.3f}; "
                  f"named-speaker agreement {s['named_speaker_agreement']:.3f} of {s['named']}")
    else:
        print(f"{POLNEAR}: not here, PolNeAR skipped")
    if not RECOGNIZERS.is_dir():
        print(f"{RECOGNIZERS}: not here, Recognizers-Text skipped")
        return 0
    rate, failures = currency_pass_rate(extract)
    total = len(load("CurrencyModel.json"))
    print(f"CurrencyModel.json: {total - len(failures)}/{total} cases pass ({rate:.1%})")
    for case, predicted in ([] if brief else failures):
        expected = [(r["Text"], r["Resolution"].get("value"), r["Resolution"].get("unit"))
                    for r in case.get("Results", [])]
        got = [(case["Input"][s:e], str(a), c) for s, e, a, c in predicted]
        print(f"  FAIL {case['Input'][:90]!r}\n       expected {expected}\n       got      {got}")
    for name in ("DurationExtractor.json", "DurationParser.json"):
        rate, failures = duration_pass_rate(extract, name)
        print(f"{name}: {rate:.1%} of duration cases pass ({len(failures)} fail)")
        for case, predicted in ([] if brief else failures):
            expected = [(r["Text"], (r.get("Value") or {}).get("Timex")) for r in case.get("Results", [])]
            got = [(case["Input"][s:e], d) for s, e, d in predicted]
            print(f"  FAIL {case['Input'][:90]!r}\n       expected {expected}\n       got      {got}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
