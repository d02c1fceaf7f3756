"""Saved evaluation runs and what changed between two of them, fact by fact.

``newsfacts eval DIR --save before.json`` keeps every gold fact's outcome (correct, wrong,
missed, with the values predicted) and every spurious fact; after a change,
``newsfacts eval DIR --compare before.json`` lists what the change fixed and what it broke:

    FIXED  p1-07 specs "48-megapixel": missed -> rear_camera=48 MP
    BROKE  h012 time_spans "last year": 2019-01-01..2019-12-31 -> 2018-01-01..2018-12-31

>>> fact = {"family": "prices", "predicted": {"amount": 9999, "currency": "INR"}}
>>> describe(fact)
'9999 INR'
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path

from .evaluate import FAMILIES, Report, _prf

FORMAT = "newsfacts-eval-run/1"


class RunError(ValueError):
    """A saved run that cannot be read."""


def save_run(report: Report, path: str | Path) -> None:
    """Write the report's scores and per-fact outcomes to ``path`` as JSON."""
    data = {"format": FORMAT, "saved": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "scores": report.as_dict(), "facts": report.facts}
    Path(path).write_text(json.dumps(data, ensure_ascii=False, indent=1, default=str), encoding="utf-8")


def load_run(path: str | Path) -> dict:
    """A run written by :func:`save_run`."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as error:
        raise RunError(f"{path}: cannot read ({error.strerror})") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise RunError(f"{path}: not a saved run ({error})") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise RunError(f"{path}: not a saved run (write one with newsfacts eval DIR --save {path})")
    return data


def describe(fact: dict | None) -> str:
    """A fact's key values, short: "250000 at_least", "9999 INR", "ram=8 GB", "P1M"."""
    if fact is None or fact.get("status") == "missed" or fact.get("predicted") is None:
        return "missed"
    values, family = fact["predicted"], fact["family"]
    if family == "sales":
        return f"{values.get('units')} {values.get('bound')}"
    if family in ("prices", "money"):
        return f"{values.get('amount')} {values.get('currency')}"
    if family == "specs":
        unit = f" {values['unit']}" if values.get("unit") else ""
        return f"{values.get('name')}={values.get('value')}{unit}"
    if family == "quotes":
        return f"speaker {values.get('speaker')}"
    if values.get("start") or values.get("end"):
        return f"{values.get('start')}..{values.get('end')}"
    return str(values.get("duration"))


def _keyed_gold(facts: list[dict]) -> dict[tuple, dict]:
    """Gold facts keyed by article, family, text and the how-many-th with that text."""
    seen: Counter = Counter()
    keyed = {}
    for fact in facts:
        if fact["status"] == "spurious":
            continue
        base = (fact["article"], fact["family"], fact["text"])
        seen[base] += 1
        keyed[(*base, seen[base])] = fact
    return keyed


def _keyed_spurious(facts: list[dict]) -> dict[tuple, dict]:
    return {(f["article"], f["family"], f["text"], f.get("start")): f
            for f in facts if f["status"] == "spurious"}


def compare_runs(before: dict, after: dict) -> dict:
    """Fact-by-fact changes between two runs (as :func:`save_run` writes them):
    ``fixed``, ``broke``, ``changed`` (wrong before and after, values differ), ``spurious_added``,
    ``spurious_gone`` and agreement changes ``agreement_fixed`` / ``agreement_broke``."""
    old, new = _keyed_gold(before["facts"]), _keyed_gold(after["facts"])
    changes: dict[str, list] = {k: [] for k in ("fixed", "broke", "changed", "spurious_added",
                                                "spurious_gone", "agreement_fixed", "agreement_broke")}
    for key, now in new.items():
        was = old.get(key)
        if was is None:
            continue  # a gold fact added since: it shows in the totals
        if was["status"] != "correct" and now["status"] == "correct":
            changes["fixed"].append((was, now))
        elif was["status"] == "correct" and now["status"] != "correct":
            changes["broke"].append((was, now))
        elif now["status"] != "correct" and describe(was) != describe(now):
            changes["changed"].append((was, now))
        agreed, agrees = was.get("agreements") or {}, now.get("agreements") or {}
        for name in sorted(set(agreed) & set(agrees)):
            if agreed[name] != agrees[name]:
                kind = "agreement_fixed" if agrees[name] else "agreement_broke"
                changes[kind].append((name, was, now))
    old_spurious, new_spurious = _keyed_spurious(before["facts"]), _keyed_spurious(after["facts"])
    changes["spurious_added"] = [f for k, f in new_spurious.items() if k not in old_spurious]
    changes["spurious_gone"] = [f for k, f in old_spurious.items() if k not in new_spurious]
    return changes


def _f1(scores: dict, family: str | None = None) -> float:
    counts = scores["micro"] if family is None else scores["types"][family]
    return _prf(counts["correct"], counts["predicted"], counts["gold"])["f1"]


def _attribute_value(what: str, fact: dict) -> str:
    values = fact.get("predicted") or {}
    if what == "period":
        period = values.get("period")
        return str((period or {}).get("duration") if isinstance(period, dict) else period)
    return str(values.get(what))


def format_comparison(before: dict, after: dict, limit: int | None = None) -> str:
    """The totals before -> after, then every fixed, broken and changed fact."""
    changes = compare_runs(before, after)
    old, new = before["scores"], after["scores"]
    lines = [f"{'F1 (correct)':<14}{'before':>8}{'after':>8}{'change':>9}"]
    for family in FAMILIES:
        a, b = _f1(old, family), _f1(new, family)
        lines.append(f"{family:<14}{a:>8.3f}{b:>8.3f}{b - a:>+9.3f}")
    a, b = _f1(old), _f1(new)
    lines.append(f"{'micro':<14}{a:>8.3f}{b:>8.3f}{b - a:>+9.3f}")
    moved = []
    for name, tally in sorted(new.get("attributes", {}).items()):
        was = old.get("attributes", {}).get(name)
        if was and (was["agree"], was["located"]) != (tally["agree"], tally["located"]):
            moved.append(f"{name} {was['agree']}/{was['located']} -> {tally['agree']}/{tally['located']}")
    if moved:
        lines.append("agreements: " + ", ".join(moved))
    lines.append("")
    lines.append(", ".join(f"{len(v)} {k.replace('_', ' ')}" for k, v in changes.items()))

    def section(title: str, rows: list[str]) -> None:
        if rows:
            lines.append("")
            lines.append(f"{title} ({len(rows)}):")
            lines.extend(rows[:limit] if limit else rows)
            if limit and len(rows) > limit:
                lines.append(f"  ... {len(rows) - limit} more")

    def row(was: dict, now: dict) -> str:
        return (f"  {now['article']} {now['family']} {json.dumps(now['text'], ensure_ascii=False)}: "
                f"{describe(was)} -> {describe(now)}")

    section("fixed", [row(w, n) for w, n in changes["fixed"]])
    section("broke", [row(w, n) for w, n in changes["broke"]])
    section("changed, still not correct", [row(w, n) for w, n in changes["changed"]])
    for kind in ("agreement_fixed", "agreement_broke"):
        section(kind.replace("_", " "), [
            f"  {n['article']} {n['family']}.{name} {json.dumps(n['text'], ensure_ascii=False)}: "
            f"{_attribute_value(name, w)} -> {_attribute_value(name, n)}"
            for name, w, n in changes[kind]])
    for kind in ("spurious_added", "spurious_gone"):
        section(kind.replace("_", " "), [
            f"  {f['article']} {f['family']} {json.dumps(f['text'], ensure_ascii=False)}: {describe(f)}"
            for f in changes[kind]])
    return "\n".join(lines)


def run_from_report(report: Report) -> dict:
    """A report in the shape of a saved run, to compare without writing it first."""
    return {"format": FORMAT, "scores": report.as_dict(), "facts": report.facts}
