"""Specs read in context: lists sharing their noun, segment talk, inch marks and quotation
marks, dimension triples (see components/spec_context.py). Sentences are made up."""

import pytest

from newsfacts.components.specs import find_specs


def specs(text):
    return [(s["name"], s["value"], s["unit"]) for s in find_specs(text)]


def values(text, name):
    return [s["value"] for s in find_specs(text) if s["name"] == name]


LISTS = [
    ("The tablet ships with 64 GB, 128 GB and 256 GB storage.", "storage", [64, 128, 256]),
    ("Buyers pick 4GB, 6GB or 8GB RAM.", "ram", [4, 6, 8]),
    ("Packs of 3 days, 30 days and 90 days validity are on offer.", "validity", [3, 30, 90]),
    ("The telco added 7 days, 14 days and 56 days validity packs.", "validity", [7, 14, 56]),
    ("The Lumo TVs come in 40- and 55-inch sizes.", "display_size", [40, 55]),
    ("A new 450-500 cc single-cylinder roadster is being readied.", "engine_displacement", [450, 500]),
    ("Options: 32, 64 and 128GB storage.", "storage", [32, 64, 128]),
]


@pytest.mark.parametrize("text, name, expected", LISTS, ids=[c[0] for c in LISTS])
def test_a_list_shares_its_noun(text, name, expected):
    assert values(text, name) == expected


NOT_LISTED = [
    ("It packs a Quarx-720 GPU, 3GB RAM and 32GB storage.", "ram", [3]),
    ("The Pebble TV supports HDR 10 and 30W speakers.", "speaker_output", [30]),
    ("It costs Rs 15,999, 6GB RAM included.", "ram", [6]),
]


@pytest.mark.parametrize("text, name, expected", NOT_LISTED, ids=[c[0] for c in NOT_LISTED])
def test_a_figure_in_a_name_or_a_price_is_no_list_item(text, name, expected):
    assert values(text, name) == expected


SEGMENT_TALK = [
    "Sales of the 110cc commuter segment fell.",
    "The keyboard is as roomy as on any 14-inch notebook.",
    "Phones between 5.5 inch and 6.9 inch now sell most.",
    "Buyers want screens from 43 inches to 55 inches.",
    "The 8-to-10 inch tablets lost share.",
    "Bikes of more than 150 cc sold well.",
    "Scooters below 125cc pay less tax.",
    "TVs with 50-inch screens and above are growing fast.",
    "It is the lightest laptop in the 13-inch category.",
    "The maker leads the premium motorcycle class (250-500 cc) this year.",
]


@pytest.mark.parametrize("text", SEGMENT_TALK)
def test_segment_talk_is_no_spec(text):
    assert [s for s in specs(text) if s[0] in ("display_size", "engine_displacement")] == []


PRODUCT_SIZES = [
    ("The Vela X2 has a 6.6-inch screen.", [("display_size", 6.6, "inch")]),
    ("The Orbit 300 gets a 299 cc engine.", [("engine_displacement", 299, "cc")]),
    ("The Nimbus TV is sold in 43-inch, 50-inch and 55-inch sizes.",
     [("display_size", 43, "inch"), ("display_size", 50, "inch"), ("display_size", 55, "inch")]),
]


@pytest.mark.parametrize("text, expected", PRODUCT_SIZES, ids=[c[0] for c in PRODUCT_SIZES])
def test_a_products_own_size_stays(text, expected):
    assert specs(text) == expected


INCH_MARKS = [
    ('The Kesto Pad has a 10.1" display.', [("display_size", 10.1, "inch")]),
    ('Pick the 50" or the 65" model.', [("display_size", 50, "inch"), ("display_size", 65, "inch")]),
    ("It came in a 55'' variant.", [("display_size", 55, "inch")]),
]


@pytest.mark.parametrize("text, expected", INCH_MARKS, ids=[c[0] for c in INCH_MARKS])
def test_an_inch_mark_is_a_display_size(text, expected):
    assert specs(text) == expected


QUOTATION_MARKS = [
    'He said: "the phone is a steal at Rs 12,499"\n\nMore news',
    'The note read "we shipped 40"',
    'She wrote "it weighs 190" grams, which is light',
    'The dealer said "our best seller is the 125".',
]


@pytest.mark.parametrize("text", QUOTATION_MARKS)
def test_a_closing_quotation_mark_is_no_inch_mark(text):
    assert "display_size" not in [s[0] for s in specs(text)]


DIMENSIONS = [
    ('The laptop measures 12.1" x 8.4" x 0.6" and weighs 1.2 kg.', 0.6, "inch"),
    ("The phone measures 161.2 x 74.1 x 8.3 mm.", 8.3, "mm"),
]


@pytest.mark.parametrize("text, thickness, unit", DIMENSIONS, ids=[c[0] for c in DIMENSIONS])
def test_a_dimension_triple_is_a_size_not_three_displays(text, thickness, unit):
    found = specs(text)
    assert "display_size" not in [s[0] for s in found]
    assert ("thickness", thickness, unit) in found


def test_a_vehicles_dimensions_give_no_thickness():
    assert "thickness" not in [s[0] for s in specs("The car measures 3995 x 1790 x 1640 mm.")]
