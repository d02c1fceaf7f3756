"""The records newsfacts returns: an :class:`Article` holding typed, offset-anchored facts.

Every fact has a ``kind`` discriminator, a :class:`Span` into the caller's original string
(``span.text == text[span.start:span.end]``) and the 0-based index of the ``sentence`` holding
the span's start. ``Article.model_dump(mode="json")`` is the wire format; money amounts are
``Decimal`` in Python and plain JSON numbers on the wire.

>>> from decimal import Decimal
>>> m = Money(span=Span(start=0, end=9, text="Rs 16,999"), sentence=0,
...           amount=Decimal("16999"), currency="INR")
>>> m.model_dump(mode="json")["amount"]
16999
"""

from __future__ import annotations

import json
import re
from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer, ValidationError
from pydantic_core import PydanticSerializationError

#: Bumped on any incompatible change of the records below.
SCHEMA_VERSION = "1.0"

Bound = Literal["exact", "at_least", "at_most", "approximate"]
SaleMetric = Literal["sold", "shipped", "booked", "delivered", "registered", "activated"]


def _decimal_to_json_number(value: Decimal) -> int | float:
    """Whole amounts become JSON integers (exact at any size), others JSON floats."""
    if value == value.to_integral_value():
        return int(value)
    return float(value)


#: A Decimal that serialises as a JSON number, integral when whole.
Amount = Annotated[
    Decimal,
    PlainSerializer(_decimal_to_json_number, return_type=Union[int, float], when_used="json"),
]


_SURROGATE = re.compile("[\ud800-\udfff]")
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def json_dumps(data: Any, indent: int | None = None, separators: tuple[str, str] | None = None) -> str:
    """``json.dumps(data, ensure_ascii=False, ...)`` that never fails on a lone surrogate: a
    Python str may hold one (from a JSON escape, ``surrogateescape``...) though UTF-8 cannot
    encode it, so it is written as its ``\\uXXXX`` escape, as ``ensure_ascii`` would: the
    text can always be written out, and ``json.loads`` gives back the very string.

    >>> print(json_dumps({"text": "Rs 999 \\ud800 ₹"}))
    {"text": "Rs 999 \\ud800 ₹"}
    """
    text = json.dumps(data, ensure_ascii=False, indent=indent, separators=separators)
    if _SURROGATE.search(text):  # only ever inside a JSON string, where an escape is valid
        text = _SURROGATE.sub(lambda char: f"\\u{ord(char.group(0)):04x}", text)
    return text


class Record(BaseModel):
    """Base of all records: strict field names, no silent extras.

    ``model_dump_json`` never raises on a lone surrogate in a string (see :func:`json_dumps`),
    and ``model_validate_json`` reads such escapes back (pydantic's parser refuses them).
    """

    model_config = ConfigDict(extra="forbid")

    def model_dump_json(self, *, indent: int | None = None, **kwargs: Any) -> str:
        try:
            return super().model_dump_json(indent=indent, **kwargs)
        except PydanticSerializationError as error:
            if "surrogate" not in str(error):  # UTF-8 cannot encode a lone surrogate
                raise
            kwargs.pop("ensure_ascii", None)
            compact = (",", ":") if indent is None else None  # as pydantic writes it
            return json_dumps(self.model_dump(mode="json", **kwargs), indent, compact)

    @classmethod
    def model_validate_json(cls, json_data: str | bytes | bytearray, **kwargs: Any):
        try:
            return super().model_validate_json(json_data, **kwargs)
        except ValidationError as error:
            text = json_data if isinstance(json_data, str) else bytes(json_data).decode("utf-8", "replace")
            if error.errors()[0]["type"] != "json_invalid" or not _SURROGATE_ESCAPE.search(text):
                raise
            return cls.model_validate(json.loads(text), **kwargs)


class Span(Record):
    """Where a fact stands in the input: ``text == input[start:end]``."""

    start: int = Field(ge=0, description="Character offset of the first character.")
    end: int = Field(ge=0, description="Character offset one past the last character.")
    text: str = Field(description="The input's characters between start and end.")


class Fact(Record):
    """Fields shared by every fact record; subclasses narrow ``kind`` to one literal."""

    kind: str
    span: Span
    sentence: int = Field(ge=0, description="0-based index of the sentence holding span.start.")


class TimeSpan(Fact):
    """A duration or calendar period: "18 days" (P18D), "September 2017", "FY 2014-15"."""

    kind: Literal["time_span"] = "time_span"  # type: ignore[assignment]
    duration: str | None = Field(None, description='ISO 8601 duration, e.g. "P1M", "P2W", "PT10M".')
    start: date | None = Field(None, description="First day of the period, when anchored.")
    end: date | None = Field(None, description="Last day of the period, when anchored.")
    anchor: str | None = Field(None, description='The event it counts from ("launch"), or null.')


class Sale(Fact):
    """Units sold, shipped, booked, delivered, registered or activated."""

    kind: Literal["sale"] = "sale"  # type: ignore[assignment]
    units: int
    bound: Bound = "exact"
    metric: SaleMetric = "sold"
    item: str | None = Field(None, description='What was counted: "smartphones", "units".')
    product: str | None = None
    company: str | None = None
    region: str | None = None
    period: TimeSpan | None = Field(None, description="The selling period, when given.")


class Money(Fact):
    """An amount of money that is not the price of something (revenue, trade, cashback)."""

    kind: Literal["money"] = "money"  # type: ignore[assignment]
    amount: Amount
    currency: str = Field(description="ISO 4217 code: INR, USD, EUR, CNY...")
    bound: Bound = "exact"


class Price(Money):
    """What a product, variant or plan costs."""

    kind: Literal["price"] = "price"  # type: ignore[assignment]
    product: str | None = Field(None, description='As named: "Redmi Note 7 Pro".')
    variant: str | None = Field(None, description='"6 GB RAM + 128 GB", or null.')


class Spec(Fact):
    """A product specification: ``name`` from DESIGN.md's list, ``value`` with its ``unit``."""

    kind: Literal["spec"] = "spec"  # type: ignore[assignment]
    product: str | None = None
    name: str = Field(description='snake_case spec name: "battery", "ram", "rear_camera"...')
    value: float | int | str
    unit: str | None = None


class Quote(Fact):
    """Direct speech or an embedded post, with who said it."""

    kind: Literal["quote"] = "quote"  # type: ignore[assignment]
    text: str = Field(description="The words inside the marks, or the post.")
    speaker: str | None = None
    title: str | None = None
    organization: str | None = None
    cue: str | None = Field(None, description='The reporting verb: "said", "added".')
    channel: str | None = Field(None, description="twitter, facebook, weibo, statement, letter...")


class Product(Record):
    """A distinct product the article names, with every place it is mentioned."""

    name: str = Field(description='The name every fact of this product carries: "Galaxy M37 5G".')
    brand: str | None = None
    aliases: list[str] = Field(default_factory=list,
                               description='Other spellings in the text: "Samsung Galaxy M37 5G".')
    mentions: list[Span] = Field(default_factory=list)


class TimeAnchor(Record):
    """The date relative periods ("last month", "Q2", "September", "this year") were resolved
    against, and where it came from, so that a caller can trust it or pass their own date."""

    reference: date = Field(description="The reference date.")
    precision: Literal["day", "month", "year"] = Field(
        description='What is known of it: the day, the month only (a date line "2020-07", or the month '
                    'after a period the text reports on), or the year only.')
    source: Literal["caller", "published", "dateline", "text"] = Field(
        description="caller: the date passed to extract; published: the article's own date (date line, "
                    "dateline or byline); dateline: a dateline's day and month, the year from the text; "
                    "text: inferred from the dates and periods the text names (not before the reference).")
    span: Span | None = Field(None, description="The words it was read from, when it was read from the text.")


class Article(Record):
    """All the facts of one article. ``model_dump(mode="json")`` is the wire format."""

    schema_version: str = SCHEMA_VERSION
    published: date | None = Field(None, description="The article's own date.")
    title: str | None = Field(None, description="Headline, when the text starts with one.")
    products: list[Product] = Field(default_factory=list)
    sales: list[Sale] = Field(default_factory=list)
    prices: list[Price] = Field(default_factory=list)
    money: list[Money] = Field(default_factory=list)
    specs: list[Spec] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    time_spans: list[TimeSpan] = Field(default_factory=list)
    time_anchor: TimeAnchor | None = Field(
        None, description="The date relative time spans were resolved against, and its source.")

    def facts(self) -> list[Fact]:
        """Every fact record of the article, in list order (sales, prices, money, ...)."""
        return [
            *self.sales, *self.prices, *self.money, *self.specs, *self.quotes, *self.time_spans
        ]


#: Names of the fact lists on Article, each with its record type.
FACT_FIELDS: dict[str, type[Fact]] = {
    "sales": Sale,
    "prices": Price,
    "money": Money,
    "specs": Spec,
    "quotes": Quote,
    "time_spans": TimeSpan,
}


def article_json_schema() -> dict:
    """The JSON Schema of the wire format (what ``model_dump(mode="json")`` produces)."""
    return Article.model_json_schema(mode="serialization")
