"""Money in the world's formats: separators, glued codes, cents, every currency by code,
symbol and name — and nothing at all where the digits are ambiguous.

The cases are written for this file; the per-currency tables are driven by the CLDR data the
library reads (data/currencies_cldr.jsonl), so they check the machinery on every currency.
"""

import json
from decimal import Decimal
from importlib.resources import files

import pytest

from newsfacts import extract
from newsfacts.components.currencies import currencies
from newsfacts.components.numbers import read_grouped


def amounts(text):
    article = extract(text)
    return [(f.span.text, f.amount, f.currency)
            for f in sorted([*article.prices, *article.money], key=lambda f: f.span.start)]


def one(text):
    found = amounts(text)
    assert len(found) == 1, found
    return found[0][1:]


FORMATS = [
    # decimal commas
    ("The jacket is on sale for 249,90 € this week.", Decimal("249.90"), "EUR"),
    ("Kids' shoes now cost 19,99 € a pair.", Decimal("19.99"), "EUR"),
    ("In Quebec the game sells for 99,99 $.", Decimal("99.99"), "USD"),
    # space, narrow space, dot and apostrophe thousands
    ("A used hatchback costs 12 500 Kč in Brno.", 12500, "CZK"),
    ("Prices start at 1 299 zł in Poland.", 1299, "PLN"),
    ("The rent is 10\u00a0000 SEK a month.", 10000, "SEK"),
    ("The tablet lists at 1\u202f499,00 € there.", 1499, "EUR"),
    ("A plate of noodles sells for Rp 45.000 at the stall.", 45000, "IDR"),
    ("It retails at Rp 1.990.000 online.", 1990000, "IDR"),
    ("The watch costs CHF 2'199,00 in Zurich.", 2199, "CHF"),
    ("The bike costs CHF 1’250.50 at the shop.", Decimal("1250.50"), "CHF"),
    ("That comes to 1.200,50 EUR after tax.", Decimal("1200.50"), "EUR"),
    ("It sells for 3.499,00 zł in Kraków.", 3499, "PLN"),
    ("The kettle is 4 590 € in Lyon.", 4590, "EUR"),
    # no decimals: a dash
    ("The sofa is now 1.299,- € at the store.", 1299, "EUR"),
    ("The handset costs Rs 9,999/- only.", 9999, "INR"),
    # codes and symbols glued to the digits
    ("A flat white costs AUD4.50 in Sydney.", Decimal("4.50"), "AUD"),
    ("Its shares were trading at HKD139.90 in the morning.", Decimal("139.90"), "HKD"),
    ("The shares closed at USD34.99 yesterday.", Decimal("34.99"), "USD"),
    # thousands glued as K, at a sentence's end too
    ("The phone will probably cost around INR 12K.", 12000, "INR"),
    ("Zorvo will price it under Rs 8k.", 8000, "INR"),
    ("The kit was $15k.", 15000, "USD"),
    # cents
    ("He paid $15 and 20c for the cable.", Decimal("15.20"), "USD"),
    ("A stick of gum costs 25¢.", Decimal("0.25"), "USD"),
    ("The stamp costs 85 cents.", Decimal("0.85"), "USD"),
    # names, symbols and abbreviations
    ("Dinner cost 1,299 ringgit for four.", 1299, "MYR"),
    ("The lamp costs RM 1,299 in Penang.", 1299, "MYR"),
    ("The fare is 2 500 złotych one way.", 2500, "PLN"),
    ("A ticket is ₪ 45 at the door.", 45, "ILS"),
    ("A ticket is 45 NIS at the door.", 45, "ILS"),
    ("The book costs 500 руб. in Moscow.", 500, "RUB"),
    ("The fine was 9,000 Hungarian forints.", 9000, "HUF"),
    ("A coffee is 65 baht here.", 65, "THB"),
    ("The bill came to 3,500 Thai baht.", 3500, "THB"),
    ("It costs R$ 1.299,00 in São Paulo.", 1299, "BRL"),
    ("It costs 1 299 kr in Sweden.", 1299, "SEK"),
    ("In Denmark the charger costs kr. 1.299,-.", 1299, "DKK"),
    ("In Cape Town, South Africa, a taxi ride is R 150.", 150, "ZAR"),
    ("Lagos traders paid ₦ 25,000 a bag.", 25000, "NGN"),
    ("The kebab costs 5,99 TL in Izmir.", Decimal("5.99"), "TRY"),
    ("The lamp is 2.499 zł in Gdańsk.", 2499, "PLN"),
    ("The lunch set is 39,000원 in Seoul.", 39000, "KRW"),
    ("The bento is 1,980円 at the station.", 1980, "JPY"),
    ("The novel is Cdn$ 20.99 online.", Decimal("20.99"), "CAD"),
    ("The cable costs AU $12 in Perth.", 12, "AUD"),
    ("The scarf is 120 lei at the market.", 120, "RON"),
]


@pytest.mark.parametrize("text, value, currency", FORMATS, ids=[f[0] for f in FORMATS])
def test_world_formats(text, value, currency):
    assert one(text) == (value, currency)


NEVER_WRONG = [
    # one dot before three digits: a thousand and more, or one and a bit?
    "It costs €1.299 there.",
    "The fee was $1.299 per unit.",
    # a shared symbol and no country to tell it by
    "The price is kr 1.299,-.",
    "It costs 500 pesos.",
    # a letter that is a currency only where its country is named
    "The Vento R 15 is a motorcycle.",
    "The roadster has a 500 KM range.",
    # words that CLDR lists as currencies but English uses otherwise
    "Bookings crossed the 1 lakh mark last week.",
    "The TOP 10 phones of the year.",
    # a unit after the digits: a specification, whatever stands before it
    "Its SAR 1.2 W/kg head value is low.",
]


@pytest.mark.parametrize("text", NEVER_WRONG)
def test_no_amount_where_a_wrong_one_could_be_read(text):
    assert amounts(text) == []


def test_a_space_after_an_english_style_marker_separates_two_numbers():
    assert amounts("The Rs 499 100 GB pack is gone.") == [("Rs 499", 499, "INR")]


def test_a_year_before_an_amount_is_no_thousands_group():
    assert amounts("Prices in 2019 500 € were common.") == [("500 €", 500, "EUR")]


def test_a_flattened_table_reads_its_cells_by_the_header_words():
    text = ("Prices in Pakistan\n\nModelMarch 2022 PriceMarch 2023 PriceDifference\n"
            "Zeta GL ManualRs2,499,000Rs4,052,000Rs1,553,000\nZeta GLXRs2,899,000Rs4,72\n")
    article = extract(text)
    assert [(p.span.text, p.amount, p.currency) for p in article.prices] == [
        ("Rs2,499,000", 2499000, "PKR"), ("Rs4,052,000", 4052000, "PKR"), ("Rs2,899,000", 2899000, "PKR")]
    assert [(m.span.text, m.amount) for m in article.money] == [("Rs1,553,000", 1553000)]


@pytest.mark.parametrize("text, value", [
    ("Buyers want tablets priced at USD 200- USD 300 this year.", [200, 300]),
    ("Tickets cost between 30 and 40 dollars.", [30, 40]),
    ("A car costs 5-6 lakh rupees.", [500000, 600000]),
    ("Dinners run 30-40 euros a head.", [30, 40]),
])
def test_a_range_with_the_currency_after_it_is_two_amounts(text, value):
    found = extract(text)
    facts = sorted([*found.prices, *found.money], key=lambda f: f.span.start)
    assert [(f.amount, f.bound) for f in facts] == [(value[0], "at_least"), (value[1], "at_most")]


@pytest.mark.parametrize("token, kwargs, status, value", [
    ("249,90", {}, "ok", Decimal("249.9")),
    ("1.234.567,89", {}, "ok", Decimal("1234567.89")),
    ("1,234,567.89", {}, "ok", Decimal("1234567.89")),
    ("12,34,567", {}, "ok", Decimal("1234567")),
    ("2'199", {}, "ok", Decimal("2199")),
    ("1.299", {}, "ambiguous", None),
    ("1.299", {"dot_thousands": True}, "ok", Decimal("1299")),
    ("1,234.567", {}, "ambiguous", None),
    ("4,72", {"decimal_comma": False}, "ambiguous", None),
    ("2019 500", {}, "split", None),
    ("12 500", {"plain_spaces": False}, "split", None),
    ("12\u00a0500", {"plain_spaces": False}, "ok", Decimal("12500")),
])
def test_read_grouped(token, kwargs, status, value):
    assert tuple(read_grouped(token, **kwargs)) == (status, value)


# --- every currency by code, symbol and name -----------------------------------------------

def _cldr_rows():
    text = files("newsfacts.data").joinpath("currencies_cldr.jsonl").read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def _readings():
    """Each marker the lexicon reads as one currency without context, with that currency."""
    lexicon = currencies()
    readings = []
    for entries in (lexicon.exact, lexicon.folded):
        for entry in entries.values():
            if entry.get("code") and not entry.get("candidates") and not entry.get("needs_context") \
                    and not entry.get("minor") and not entry.get("multiplier") and not entry.get("ambiguous"):
                readings.append((entry["marker"], entry["position"], entry["code"]))
    return sorted(readings)


READINGS = _readings()
CODES = sorted({r["code"] for r in _cldr_rows() if r["kind"] == "marker" and r["source"] == "code"})


def test_the_lexicon_covers_every_current_iso_code():
    readable = {code for marker, _, code in READINGS if marker == code}
    dropped = {row["marker"] for row in __import__("newsfacts.lexicons", fromlist=["load"]).load("currencies")
               if row.get("code") is None}
    assert len(CODES) > 150
    assert set(CODES) - dropped <= readable


@pytest.mark.parametrize("marker, position, code", READINGS, ids=[f"{m}:{c}" for m, _, c in READINGS])
def test_every_marker_reads_its_currency(marker, position, code):
    text = f"The fee is {marker} 1,250 today." if position in ("prefix", "both") else f"The fee is 1,250 {marker} today."
    assert one(text) == (1250, code)


@pytest.mark.parametrize("code", ["SEK", "NOK", "DKK", "MXN", "ARS", "KWD", "TND", "JOD", "KES", "UGX"])
def test_a_shared_marker_is_read_by_the_country_named(code):
    lexicon = currencies()
    country = next(place for place in lexicon.places[code] if " " not in place and place[0].isupper())
    shared = {entry["marker"] for entries in (lexicon.exact, lexicon.folded) for entry in entries.values()
              if code in (entry.get("candidates") or ())}
    marker = sorted(shared, key=len)[-1]
    position = lexicon.row(marker)["position"]
    amount = f"{marker} 1,250" if position in ("prefix", "both") else f"1,250 {marker}"
    assert one(f"In {country}, the fee is {amount} today.") == (1250, code)
