"""Real news as the yardstick (../shared/realnews): a ratchet on every family's F1, and
``newsfacts eval`` agreeing with the judge (../shared/tools/score.py).

The floors live in ``tests/realnews_floors.json`` (PolNeAR's too, tested in test_peers.py). Raising them is part of landing an
improvement:

    python -m tests.test_realnews            # today's figures against the floors
    python -m tests.test_realnews --raise    # raise every floor today's figures beat
"""

from __future__ import annotations

import importlib.util
import json
import math
import sys
from pathlib import Path

import pytest

from newsfacts.evaluate import FAMILIES, Report, load_corpus, score_article

from .conftest import JUDGE, REALNEWS

FLOORS = Path(__file__).with_name("realnews_floors.json")
ABSENT = "../shared/realnews is not here (a fresh clone): the real-news yardstick cannot run"


def extract_all():
    from newsfacts import extract

    return [(gold, extract(gold.text)) for gold in load_corpus(REALNEWS)]


def figures(extracted) -> dict:
    """Today's F1 per family and micro, and the judged agreements, as the floors file has them."""
    report = Report(str(REALNEWS))
    for gold, article in extracted:
        score_article(report, gold, article)
    data = report.as_dict()
    f1 = {family: data["types"][family]["correct_scores"]["f1"] for family in FAMILIES}
    f1["micro"] = data["micro"]["correct_scores"]["f1"]
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    agreements = {name: data["attributes"][name]["rate"] for name in floors["agreements"]
                  if name in data["attributes"]}
    return {"f1": f1, "agreements": agreements}


@pytest.fixture(scope="module")
def extracted():
    if not REALNEWS.is_dir():
        pytest.skip(ABSENT)
    return extract_all()


def test_no_family_falls_below_its_floor(extracted):
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    today = figures(extracted)
    fallen = [f"{group}.{name}: {today[group].get(name)} < floor {floor}"
              for group in ("f1", "agreements") for name, floor in floors[group].items()
              if today[group].get(name) is None or today[group][name] < floor]
    assert not fallen, "below the floor on ../shared/realnews:\n" + "\n".join(fallen)


def _judge():
    spec = importlib.util.spec_from_file_location("judge_score", JUDGE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_eval_agrees_with_the_judge(extracted, tmp_path):
    if not JUDGE.is_file():
        pytest.skip("../shared/tools/score.py is not here")
    judge = _judge()
    for gold, article in extracted:
        (tmp_path / f"{gold.name}.json").write_text(
            json.dumps(article.model_dump(mode="json"), ensure_ascii=False), encoding="utf-8")
    counts, agreements, _ = judge.score(REALNEWS, tmp_path)
    report = Report(str(REALNEWS))
    for gold, article in extracted:
        score_article(report, gold, article)
    ours = report.as_dict()
    for family in FAMILIES:
        judged_f1 = judge.f1(counts[family], "correct")[2]
        assert abs(ours["types"][family]["correct_scores"]["f1"] - judged_f1) <= 0.005, family
        assert abs(ours["types"][family]["located_scores"]["f1"] - judge.f1(counts[family], "located")[2]) <= 0.005
    total = {key: sum(counts[f][key] for f in FAMILIES) for key in ("gold", "pred", "located", "correct")}
    assert abs(ours["micro"]["correct_scores"]["f1"] - judge.f1(total, "correct")[2]) <= 0.005
    for (family, name), (n, agree) in agreements.items():
        mine = ours["attributes"][f"{family}.{name}"]
        assert (mine["agree"], mine["located"]) == (agree, n), f"{family}.{name}"


def main(argv: list[str]) -> int:
    if not REALNEWS.is_dir():
        print(ABSENT)
        return 2
    from newsfacts import extract

    from .peer_suites import POLNEAR, polnear_scores

    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    today = figures(extract_all())
    if (POLNEAR / "dev").is_dir():
        today["polnear_dev"] = polnear_scores("dev", extract)
    raised = False
    for group in ("f1", "agreements", "polnear_dev"):
        for name, floor in floors[group].items():
            now = today.get(group, {}).get(name)
            mark = "  below!" if now is not None and now < floor else ""
            if "--raise" in argv and now is not None and math.floor(now * 1000) / 1000 > floor:
                floors[group][name] = math.floor(now * 1000) / 1000
                raised = True
                mark = f"  raised to {floors[group][name]}"
            shown = "absent" if now is None else f"{now:.3f}"
            print(f"{group:<12}{name:<24} floor {floor:.3f}  today {shown}{mark}")
    if raised:
        FLOORS.write_text(json.dumps(floors, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
