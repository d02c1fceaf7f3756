"""The scorer: matching, value agreement, and the gold files themselves."""

from decimal import Decimal

import pytest

from newsfacts.evaluate import (
    OFFSETS,
    GoldError,
    Report,
    key_values_agree,
    load_corpus,
    load_gold,
    locate,
    match_records,
    normalise_duration,
    same_name,
    same_value,
    score_records,
    spec_values_agree,
)

from .conftest import CORPUS, SEEDS


def test_locate_counts_occurrences():
    text = "Rs 500 now, Rs 500 later"
    assert locate(text, {"text": "Rs 500"}, "x") == (0, 6)
    assert locate(text, {"text": "Rs 500", "occurrence": 2}, "x") == (12, 18)
    with pytest.raises(GoldError, match="occurrence 3"):
        locate(text, {"text": "Rs 500", "occurrence": 3}, "x")


@pytest.mark.parametrize("a, b, same", [
    ("P2W", "P14D", True), ("PT24H", "P1D", True), ("P1M", "P30D", False), ("P18M", "P1Y6M", True),
    ("P1Y", "P12M", True), ("PT10M", "P10M", False),
])
def test_durations_compare_by_meaning(a, b, same):
    assert (normalise_duration(a) == normalise_duration(b)) is same


@pytest.mark.parametrize("gold, predicted, agree", [
    ({"value": 1.7, "unit": "kg"}, {"value": 1700, "unit": "g"}, True),
    ({"value": 1, "unit": "TB"}, {"value": 1024, "unit": "GB"}, True),
    ({"value": 4000, "unit": "mAh"}, {"value": 4000, "unit": "mAh"}, True),
    ({"value": 4000, "unit": "mAh"}, {"value": 5000, "unit": "mAh"}, False),
    ({"value": 6, "unit": "GB"}, {"value": 6, "unit": "mAh"}, True),  # the judge: equal numbers agree
    ({"value": 6, "unit": "GB"}, {"value": 6144, "unit": "MB"}, True),  # MB -> GB: by 1000 or 1024
    ({"value": 6, "unit": "GB"}, {"value": 6500, "unit": "MB"}, False),
    ({"value": 6, "unit": "GB"}, {"value": 6000, "unit": "MB"}, True),
    ({"value": 0.3, "unit": "inch"}, {"value": 7.6, "unit": "mm"}, True),
    ({"value": 7.6, "unit": "mm"}, {"value": 0.3, "unit": "inches"}, True),
    ({"value": 1.5, "unit": "litre"}, {"value": 1497, "unit": "cc"}, False),  # cc -> litre is not converted
    ({"value": 1497, "unit": "cc"}, {"value": 1.5, "unit": "l"}, True),
    ({"value": 118, "unit": "bhp"}, {"value": 120, "unit": "PS"}, True),
    ({"value": "USB Type-C"}, {"value": "usb type c"}, True),
    ({"value": "AMOLED"}, {"value": "Super AMOLED"}, True),
    ({"value": 8}, {"value": 8, "unit": "cores"}, True),
])
def test_spec_values(gold, predicted, agree):
    assert spec_values_agree(gold, predicted) is agree


def test_matching_takes_the_greatest_overlap_first_and_is_one_to_one():
    gold = [{OFFSETS: (0, 9), "amount": 999, "currency": "INR"},
            {OFFSETS: (20, 30), "amount": 5, "currency": "USD"}]
    predicted = [{OFFSETS: (0, 30), "amount": "5", "currency": "USD"},
                 {OFFSETS: (2, 8), "amount": "999", "currency": "INR"}]
    pairs = match_records("prices", gold, predicted)
    # the wide prediction overlaps the first gold by 9 and the second by 10: it takes the
    # second; the narrow one is left the first (overlap 6)
    assert [(p.gold["amount"], p.predicted["amount"], p.correct) for p in pairs] == [
        (5, "5", True), (999, "999", True)]
    lone = match_records("prices", gold[:1], predicted)  # one gold, two overlapping: the wider wins
    assert [(p.predicted["amount"], p.correct) for p in lone] == [("5", False)]


def test_equal_overlaps_pair_the_later_records_first():
    gold = [{OFFSETS: (0, 4), "amount": 1, "currency": "INR"},
            {OFFSETS: (0, 4), "amount": 2, "currency": "INR"}]
    predicted = [{OFFSETS: (0, 4), "amount": 1, "currency": "INR"}]
    [pair] = match_records("prices", gold, predicted)
    assert pair.gold["amount"] == 2 and not pair.correct


def gold_as_predictions(gold):
    """An oracle: every gold record predicted exactly as annotated."""
    predicted = {}
    for family, records in gold.records.items():
        flat = []
        for record in records:
            data = dict(record)
            if family == "sales":
                data["period"] = {"duration": record.get("period")}
            if family in ("prices", "money"):
                data["amount"] = str(Decimal(str(record["amount"])))
            flat.append(data)
        predicted[family] = flat
    return predicted


@pytest.mark.parametrize("directory", [CORPUS, SEEDS], ids=["corpus", "seeds"])
def test_oracle_scores_one_on_every_gold_file(directory):
    if not directory.is_dir():
        pytest.skip(f"{directory} not present")
    report = Report(str(directory))
    for gold in load_corpus(directory):
        score_records(report, gold, gold_as_predictions(gold), gold.published)
    data = report.as_dict()
    assert data["micro"]["correct_scores"]["f1"] == 1.0
    assert all(a["rate"] == 1.0 for a in data["attributes"].values())
    assert data["published"]["agree"] == data["published"]["articles"]


def test_an_empty_prediction_scores_zero():
    [gold] = [g for g in load_corpus(CORPUS)][:1]
    report = Report("x")
    score_records(report, gold, {f: [] for f in gold.records}, None)
    assert report.as_dict()["micro"]["correct_scores"]["recall"] == 0.0
    assert {e["error"] for e in report.errors} == {"missed"}


def test_invalid_gold_json(tmp_path):
    (tmp_path / "a.txt").write_text("text", encoding="utf-8")
    (tmp_path / "a.json").write_text("{broken", encoding="utf-8")
    with pytest.raises(GoldError, match="invalid JSON"):
        load_gold(tmp_path / "a.txt")


@pytest.mark.parametrize("gold, predicted, agree", [
    ("Maya Rao", "Maya Rao", True),
    ("Maya Rao", "Rao", True),                      # one inside the other
    ("Dr Maya Rao", "Maya Rao", True),
    ("Maya Rao", "Priya Rao", True),                # the same last word
    ("Maya Rao", "Maya Sen", False),
    ("Lumio 6 Pro", "Lumio 6", True),
    ("Lumio 6 Pro", "Zeta 6", False),
    ("Lumio 6 Pro", None, False),
    (None, None, True),                             # gold null wants null
    (None, "Lumio 6", False),
])
def test_names_agree_as_the_judge_says(gold, predicted, agree):
    assert same_name(gold, predicted) is agree


@pytest.mark.parametrize("gold, predicted, agree", [
    ("16,999", 16999, True), (16999, "16999.0", True), (16999, 16990, False),
    ("Head of Sales", "Head of Sales, India", True), ("Head of Sales", "", False), ("", "", True),
])
def test_values_agree_as_numbers_or_as_contained_text(gold, predicted, agree):
    assert same_value(gold, predicted) is agree


def test_time_span_dates_are_compared_not_offsets():
    gold = {OFFSETS: (10, 20), "start": "2017-09-01", "end": "2017-09-30"}
    assert key_values_agree("time_spans", gold, {OFFSETS: (10, 20), "start": "2017-09-01",
                                                 "end": "2017-09-30", "duration": "P1M"})
    assert not key_values_agree("time_spans", gold, {OFFSETS: (10, 20), "start": "2016-09-01",
                                                     "end": "2016-09-30"})


@pytest.mark.parametrize("gold, predicted, agree", [
    ({"duration": "P2W"}, {"duration": "P2W"}, True),
    ({"duration": "P2W"}, {"duration": "P14D"}, False),          # as written, as the judge compares
    ({"text": "seven to ten days"}, {"duration": "P7D"}, True),  # text-only gold: any values
    ({"start": "2019-04-01"}, {"start": "2019-04-01", "end": "2020-03-31"}, True),
])
def test_time_span_key_values(gold, predicted, agree):
    assert key_values_agree("time_spans", gold, predicted) is agree


def test_sales_want_the_bound_and_take_exact_as_golds_default():
    assert key_values_agree("sales", {"units": 1000}, {"units": 1000, "bound": "exact"})
    assert not key_values_agree("sales", {"units": 1000}, {"units": 1000, "bound": "at_least"})
    assert key_values_agree("sales", {"units": "1,000", "bound": "at_most"}, {"units": 1000, "bound": "at_most"})


def test_a_product_predicted_where_gold_says_none_is_counted():
    [gold] = [g for g in load_corpus(CORPUS) if any("product" in s and s["product"] is None
                                                   for s in g.records["sales"])][:1]
    predicted = gold_as_predictions(gold)
    for sale in predicted["sales"]:
        sale["product"] = sale.get("product") or "Invented Phone 9"
    report = Report("x")
    score_records(report, gold, predicted, gold.published)
    agree, total = report.attributes["sales.product"]
    assert total == len(gold.records["sales"]) and agree < total


def test_a_chip_agrees_with_or_without_its_maker():
    assert spec_values_agree({"value": "Dimensity 7200"}, {"value": "MediaTek Dimensity 7200"})
    assert not spec_values_agree({"value": "Dimensity 7200"}, {"value": "MediaTek Dimensity 7300"})


def test_every_gold_fact_has_an_outcome():
    [gold] = [g for g in load_corpus(CORPUS)][:1]
    predicted = gold_as_predictions(gold)
    family = next(f for f, records in gold.records.items() if records)
    dropped = predicted[family].pop(0)
    predicted[family].append({**dropped, OFFSETS: (len(gold.text), len(gold.text) + 1), "text": "?"})
    report = Report("x")
    score_records(report, gold, predicted, gold.published)
    statuses = [(f["family"], f["status"]) for f in report.facts]
    assert len([s for s in statuses if s[1] != "spurious"]) == sum(map(len, gold.records.values()))
    assert (family, "missed") in statuses and (family, "spurious") in statuses
