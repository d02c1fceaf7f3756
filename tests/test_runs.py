"""Saved eval runs and their fact-by-fact comparison (newsfacts eval --save / --compare)."""

import json
import shutil

import pytest

from newsfacts.cli import main
from newsfacts.evaluate import OFFSETS, Report, load_corpus, score_records
from newsfacts.runs import (
    RunError,
    compare_runs,
    format_comparison,
    load_run,
    run_from_report,
    save_run,
)

from .conftest import CORPUS
from .test_evaluate import gold_as_predictions


def _run(gold, predicted) -> dict:
    report = Report("x")
    score_records(report, gold, predicted, gold.published)
    return run_from_report(report)


@pytest.fixture
def gold():
    return next(g for g in load_corpus(CORPUS) if g.records["prices"] and len(g.records["time_spans"]) > 1)


def test_a_fix_a_break_and_a_new_spurious_fact_are_each_listed(gold):
    before_predicted = gold_as_predictions(gold)
    before_predicted["prices"][0] = {**before_predicted["prices"][0], "amount": "1"}  # wrong before
    after_predicted = gold_as_predictions(gold)
    after_predicted["time_spans"].pop(0)                                             # missed after
    after_predicted["money"].append({OFFSETS: (0, 1), "text": gold.text[0], "amount": "7", "currency": "EUR"})
    changes = compare_runs(_run(gold, before_predicted), _run(gold, after_predicted))
    assert [now["text"] for _, now in changes["fixed"]] == [gold.records["prices"][0]["text"]]
    assert [(was["status"], now["status"]) for was, now in changes["broke"]] == [("correct", "missed")]
    assert [f["predicted"]["amount"] for f in changes["spurious_added"]] == ["7"]
    assert not changes["spurious_gone"] and not changes["changed"]


def test_the_comparison_shows_values_before_and_after(gold):
    before_predicted = gold_as_predictions(gold)
    before_predicted["prices"][0] = {**before_predicted["prices"][0], "amount": "1"}
    text = format_comparison(_run(gold, before_predicted), _run(gold, gold_as_predictions(gold)))
    expected = gold.records["prices"][0]
    assert f"1 {expected['currency']} -> {expected['amount']} {expected['currency']}" in text
    assert "fixed (1):" in text and "broke (" not in text


def test_an_agreement_that_changes_is_listed(gold):
    sale_gold = next(g for g in load_corpus(CORPUS) if any(s.get("product") for s in g.records["sales"]))
    before, after = gold_as_predictions(sale_gold), gold_as_predictions(sale_gold)
    index = next(i for i, s in enumerate(after["sales"]) if s.get("product"))
    after["sales"][index] = {**after["sales"][index], "product": None}
    changes = compare_runs(_run(sale_gold, before), _run(sale_gold, after))
    assert [(name, now["family"]) for name, _, now in changes["agreement_broke"]] == [("product", "sales")]
    assert not changes["broke"]


def test_a_saved_run_reads_back_and_a_wrong_file_is_refused(gold, tmp_path):
    report = Report("x")
    score_records(report, gold, gold_as_predictions(gold), gold.published)
    save_run(report, tmp_path / "run.json")
    assert load_run(tmp_path / "run.json")["facts"] == json.loads(json.dumps(report.facts))
    (tmp_path / "other.json").write_text('{"micro": 1}', encoding="utf-8")
    with pytest.raises(RunError, match="not a saved run"):
        load_run(tmp_path / "other.json")
    with pytest.raises(RunError, match="cannot read"):
        load_run(tmp_path / "missing.json")


def test_eval_save_then_compare_on_the_command_line(tmp_path, capsys):
    folder = tmp_path / "gold"
    folder.mkdir()
    for path in sorted(CORPUS.glob("*.txt"))[:3]:
        shutil.copy(path, folder / path.name)
        shutil.copy(path.with_suffix(".json"), folder / path.with_suffix(".json").name)
    assert main(["eval", str(folder), "--save", str(tmp_path / "before.json")]) == 0
    # the gold changes under a fixed extractor: one price's amount, so that fact now breaks
    name = sorted(folder.glob("*.json"))[0]
    data = json.loads(name.read_text(encoding="utf-8"))
    family = next(f for f in ("prices", "money", "sales") if data[f])
    key = "units" if family == "sales" else "amount"
    data[family][0][key] = 123456789
    name.write_text(json.dumps(data), encoding="utf-8")
    capsys.readouterr()
    assert main(["eval", str(folder), "--compare", str(tmp_path / "before.json")]) == 0
    out = capsys.readouterr().out
    assert "compared with" in out and "broke (1):" in out
    assert f"{name.stem} {family} {json.dumps(data[family][0]['text'], ensure_ascii=False)}" in out


def test_compare_with_a_file_that_is_not_a_run_is_a_usage_error(tmp_path, capsys):
    (tmp_path / "x.json").write_text("[]", encoding="utf-8")
    assert main(["eval", str(CORPUS), "--compare", str(tmp_path / "x.json")]) == 2
    assert "not a saved run" in capsys.readouterr().err
