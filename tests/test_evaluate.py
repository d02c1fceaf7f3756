"""The scorer: matching, value agreement, and the gold files themselves."""

from decimal import Decimal

import pytest

from newsfacts.evaluate import (
    OFFSETS,
    GoldError,
    Report,
    load_corpus,
    load_gold,
    locate,
    match_records,
    normalise_duration,
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
    ({"value": 6, "unit": "GB"}, {"value": 6, "unit": "mAh"}, False),
    ({"value": "USB Type-C"}, {"value": "usb type c"}, True),
    ({"value": 8}, {"value": 8, "unit": "cores"}, True),
])
def test_spec_values(gold, predicted, agree):
    assert spec_values_agree(gold, predicted) is agree


def test_matching_prefers_correct_pairs_and_is_one_to_one():
    gold = [{OFFSETS: (0, 9), "amount": 999, "currency": "INR"},
            {OFFSETS: (20, 30), "amount": 5, "currency": "USD"}]
    predicted = [{OFFSETS: (0, 30), "amount": "5", "currency": "USD"},
                 {OFFSETS: (2, 8), "amount": "999", "currency": "INR"}]
    pairs = match_records("prices", gold, predicted)
    assert len(pairs) == 2 and all(p.correct for p in pairs)


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
    ("Galaxy M37 5G 8GB RAM + 256GB storage",
     {"product": "Samsung Galaxy M37 5G", "variant": "8GB RAM and 256GB storage"}, True),
    ("Redmi Note 7 Pro 6 GB", {"product": "Redmi Note 7 Pro", "variant": "6 GB"}, True),
    ("Vi Rs 399 plan", {"product": "Rs 399 plan", "variant": None}, True),
    ("Redmi Note 7 Pro", {"product": "Redmi Note 7", "variant": None}, False),
    ("Nord 6 12GB RAM + 256GB storage", {"product": "Nord 6", "variant": "8GB RAM + 128GB"}, False),
    ("Galaxy M37 5G", {"product": None, "variant": None}, False),
])
def test_product_agreement_folds_brands_and_fillers(gold, predicted, agree):
    from newsfacts.evaluate import _attribute_agrees
    assert _attribute_agrees("prices", "product", {"product": gold}, predicted) is agree


def test_time_span_dates_are_compared_not_offsets():
    from newsfacts.evaluate import _key_values_agree
    gold = {OFFSETS: (10, 20), "start": "2017-09-01", "end": "2017-09-30"}
    assert _key_values_agree("time_spans", gold, {OFFSETS: (10, 20), "start": "2017-09-01",
                                                  "end": "2017-09-30", "duration": "P1M"})
    assert not _key_values_agree("time_spans", gold, {OFFSETS: (10, 20), "start": "2016-09-01",
                                                      "end": "2016-09-30"})


def test_a_product_predicted_where_gold_says_none_is_counted():
    [gold] = [g for g in load_corpus(CORPUS) if any("product" in s and s["product"] is None
                                                   for s in g.records["sales"])][:1]
    predicted = gold_as_predictions(gold)
    for sale in predicted["sales"]:
        sale["product"] = sale.get("product") or "Invented Phone 9"
    report = Report("x")
    score_records(report, gold, predicted, gold.published)
    agree, total = report.attributes["sales.product=null"]
    assert total > 0 and agree == 0


def test_products_agree_without_the_maker_the_article_names():
    from newsfacts.evaluate import product_words

    assert product_words("Nuvora Ray", frozenset({"nuvora"})) == product_words("Ray")
    assert product_words("Nuvora Ray") != product_words("Ray")


def test_a_chip_agrees_with_or_without_its_maker():
    from newsfacts.evaluate import spec_values_agree

    assert spec_values_agree({"value": "Dimensity 7200"}, {"value": "MediaTek Dimensity 7200"})
    assert not spec_values_agree({"value": "Dimensity 7200"}, {"value": "MediaTek Dimensity 7300"})
