"""data/currencies_cldr.jsonl is what the installed CLDR (through Babel) gives."""

import json

import pytest

from newsfacts import currency_data


def test_the_cldr_table_is_up_to_date():
    babel = pytest.importorskip("babel")
    from babel.core import get_global

    written = currency_data.OUTPUT.read_text(encoding="utf-8")
    version = json.loads(written.splitlines()[0])["cldr"]
    if version != get_global("cldr")["version"]:
        pytest.skip(f"the table is from CLDR {version}, Babel {babel.__version__} has another")
    assert currency_data.render(currency_data.build()) == written, "run python -m newsfacts.currency_data"


def test_the_table_holds_codes_symbols_names_places_and_digits():
    rows = [json.loads(line) for line in currency_data.OUTPUT.read_text(encoding="utf-8").splitlines()]
    kinds = {row["kind"] for row in rows}
    assert kinds == {"about", "marker", "place", "digits"}
    markers = {(row["marker"], row["code"]) for row in rows if row["kind"] == "marker"}
    assert {("PLN", "PLN"), ("zł", "PLN"), ("Malaysian ringgit", "MYR"), ("ringgit", "MYR"), ("Kč", "CZK")} <= markers
    assert ("IDR", 0) in {(row["code"], row["digits"]) for row in rows if row["kind"] == "digits"}
