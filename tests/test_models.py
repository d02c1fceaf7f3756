"""Records: wire format, discriminators, and the committed JSON Schema snapshot."""

import json
from decimal import Decimal

import pytest
from pydantic import ValidationError

from newsfacts.models import (
    FACT_FIELDS,
    Article,
    Money,
    Price,
    Quote,
    Sale,
    Span,
    Spec,
    TimeSpan,
    article_json_schema,
)

from .conftest import ROOT

SPAN = Span(start=0, end=9, text="Rs 16,999")


def test_schema_snapshot_matches_code():
    committed = json.loads((ROOT / "docs" / "schema.json").read_text(encoding="utf-8"))
    assert committed == article_json_schema(), (
        "docs/schema.json is stale: run `newsfacts schema > docs/schema.json` and commit it"
    )


@pytest.mark.parametrize("amount, wire", [
    (Decimal("16999"), 16999),
    (Decimal("60413170000.00"), 60413170000),
    (Decimal("1.5"), 1.5),
    (Decimal("150000000000000000000"), 150000000000000000000),
])
def test_amounts_are_json_numbers(amount, wire):
    dumped = Money(span=SPAN, sentence=0, amount=amount, currency="INR").model_dump(mode="json")
    assert dumped["amount"] == wire
    assert type(dumped["amount"]) is type(wire)
    assert json.loads(json.dumps(dumped))["amount"] == wire


def test_amount_stays_decimal_in_python():
    money = Money(span=SPAN, sentence=0, amount="16999.50", currency="INR")
    assert money.amount == Decimal("16999.50")
    assert isinstance(money.model_dump()["amount"], Decimal)


def test_kinds_discriminate_every_record():
    kinds = {field: model.model_fields["kind"].default for field, model in FACT_FIELDS.items()}
    assert kinds == {"sales": "sale", "prices": "price", "money": "money", "specs": "spec",
                     "quotes": "quote", "time_spans": "time_span"}


def test_price_is_money_with_product_and_variant():
    price = Price(span=SPAN, sentence=0, amount=16999, currency="INR",
                  product="Redmi Note 7 Pro", variant="6 GB RAM + 128 GB")
    assert isinstance(price, Money)
    assert price.model_dump(mode="json")["kind"] == "price"
    with pytest.raises(ValidationError):
        Price(span=SPAN, sentence=0, amount=1, currency="INR", kind="money")


def test_records_reject_unknown_fields_and_bad_bounds():
    with pytest.raises(ValidationError):
        Sale(span=SPAN, sentence=0, units=5, bound="roughly")
    with pytest.raises(ValidationError):
        Spec(span=SPAN, sentence=0, name="ram", value=4, colour="red")
    with pytest.raises(ValidationError):
        Span(start=-1, end=2, text="x")


def test_article_round_trips_through_json():
    article = Article(
        published="2019-04-10",
        sales=[Sale(span=SPAN, sentence=2, units=1_000_000, period=TimeSpan(
            span=Span(start=20, end=32, text="just a month"), sentence=2, duration="P1M"))],
        quotes=[Quote(span=SPAN, sentence=0, text="We are delighted", speaker="Raghu Reddy")],
    )
    wire = json.loads(json.dumps(article.model_dump(mode="json")))
    assert Article.model_validate(wire) == article
    assert wire["published"] == "2019-04-10"
    assert wire["sales"][0]["period"]["duration"] == "P1M"
    assert [fact.kind for fact in article.facts()] == ["sale", "quote"]
