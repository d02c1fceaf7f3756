"""Numbers: digits in Western and Indian grouping, number words, magnitude words."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsfacts.components.numbers import find_numbers, get_numbers, parse_number

from .conftest import corpus_texts


def western(n: int) -> str:
    return f"{n:,}"


def indian(n: int) -> str:
    """12,34,567: the last three digits, then groups of two."""
    digits = str(n)
    if len(digits) <= 3:
        return digits
    head, tail = digits[:-3], digits[-3:]
    groups = []
    while len(head) > 2:
        groups.insert(0, head[-2:])
        head = head[:-2]
    return ",".join([head, *groups, tail])


@given(st.integers(min_value=0, max_value=10**15))
def test_western_grouping_parses_back(n):
    assert parse_number(western(n)) == n


@given(st.integers(min_value=0, max_value=10**15))
def test_indian_grouping_parses_back(n):
    assert parse_number(indian(n)) == n


MAGNITUDES = {"lakh": 10**5, "crore": 10**7, "million": 10**6, "billion": 10**9,
              "lac": 10**5, "cr": 10**7, "mn": 10**6, "bn": 10**9, "thousand": 1000}


@given(st.integers(min_value=1, max_value=10**12), st.sampled_from(sorted(MAGNITUDES)),
       st.sampled_from([" ", ""]))
def test_magnitude_words_parse_back(n, word, space):
    scale = MAGNITUDES[word]
    written = format((Decimal(n) / scale).normalize(), "f")  # 250000 -> "2.5" (lakh)
    assert parse_number(f"{written}{space}{word}") == n


@given(st.integers(min_value=1, max_value=10**9), st.sampled_from(["lakh", "crore", "million"]))
def test_grouped_digits_with_magnitude(n, word):
    assert parse_number(f"{indian(n)} {word}") == n * MAGNITUDES[word]


VALUES = [
    ("12,34,567", 1234567), ("1,56,114", 156114), ("1,00,00,000", 10**7),
    ("60,413.17 Million", 60413170000), ("23.1 million", 23100000), ("2.5 lakh", 250000),
    ("Rs 1.5 lakh crore"[3:], 1_500_000_000_000), ("2,000 crore", 20_000_000_000),
    ("10 mn", 10**7), ("5bn", 5 * 10**9), ("50 lakhs", 5_000_000), ("3 lacs", 300000),
    ("one", 1), ("ninety-nine", 99), ("twenty five", 25), ("a hundred", 100),
    ("two hundred and fifty", 250), ("fifteen hundred", 1500), ("a million", 10**6),
    ("A million", 10**6), ("half a million", 500000), ("one lakh twenty thousand", 120000),
    ("ten thousand", 10000), ("two thousand crore", 2 * 10**10), ("a dozen", 12),
    ("1.25", Decimal("1.25")),
]


@pytest.mark.parametrize("phrase, value", VALUES, ids=[v[0] for v in VALUES])
def test_values(phrase, value):
    assert parse_number(phrase) == value


@pytest.mark.parametrize("phrase", ["Redmi", "five twenty", "and", "a", "half", "1,2", "lakh"])
def test_not_whole_numbers(phrase):
    assert parse_number(phrase) is None


def numbers_in(nlp, text):
    doc = nlp(text)
    return [(doc.text[n["start"]:n["end"]], Decimal(n["value"])) for n in get_numbers(doc)]


def test_numbers_in_running_text(nlp):
    text = ("Xiaomi sold a million units, over 2.5 lakh in India, at Rs.16,999 with a "
            "4,000mAh battery and 12MP+2MP cameras; revenue was Rs 1,500 crore.")
    assert numbers_in(nlp, text) == [
        ("a million", 10**6), ("2.5 lakh", 250000), ("16,999", 16999), ("4,000", 4000),
        ("12", 12), ("2", 2), ("1,500 crore", 15 * 10**9)]


def test_model_names_and_networks_are_not_numbers(nlp):
    assert numbers_in(nlp, "The Galaxy S24 with an A17 chip supports 4G and 5G, v1.2.3") == []


def test_k_is_thousand_unless_it_is_a_resolution(nlp):
    assert numbers_in(nlp, "It got 10K bookings and Rs 5K off on the 4K TV") == [
        ("10K", 10000), ("5K", 5000), ("4", 4)]


def test_number_lists_without_grouping_are_not_fused(nlp):
    assert numbers_in(nlp, "in 2018,2019 it") == []


def test_component_stores_plain_data_and_spans(nlp):
    doc = nlp("Sold 2.5 lakh units")
    [record] = doc.user_data["newsfacts.numbers"]
    assert record == {"start": 5, "end": 13, "value": "250000", "digits": True,
                      "magnitude": "lakh", "scale": "100000"}
    assert [s.text for s in doc.spans["newsfacts_numbers"]] == ["2.5 lakh"]


def test_find_numbers_without_alignment_check():
    assert [r["value"] for r in find_numbers("twenty-five and 1,000")] == ["25", "1000"]


def test_phrases_are_found_where_a_full_scan_finds_them():
    """find_numbers tries the phrase pattern only at likely starts (digit runs, number words,
    words before a scale word); on the corpus it must find what a scan of every position finds."""

    from newsfacts.components.numbers import _phrase_spans, number_pattern

    texts = corpus_texts()
    texts.append("half a million, a quarter crore, three-quarters of a lakh, phone one, twenty-five, 1,00,000")
    texts.append("A Thousands, ONE LAKH in place of 2 lacs; \u0131 two \u017fix, 16,999 and 6.35")  # odd case letters
    pattern = number_pattern()
    for text in texts:
        everywhere, position = [], 0
        while (match := pattern.search(text, position)) is not None:
            everywhere.append(match.span())
            position = match.end()
        found, position = [], 0
        for start, end in _phrase_spans(text):
            if start >= position:
                found.append((start, end))
                position = end
        assert found == everywhere, text[:60]


@pytest.mark.parametrize("text, found", [
    ("They sold around 400, 000 devices", [("400, 000", 400000)]),
    ("It was priced at 2, 999 yuan", [("2, 999", 2999)]),
    ("Sizes 100, 200, 300 and 400", [("100", 100), ("200", 200), ("300", 300), ("400", 400)]),
    ("Prices of 100, 200 and 300", [("100", 100), ("200", 200), ("300", 300)]),
    ("On May 5, 500 buyers queued", [("5", 5), ("500", 500)]),
    ("Up 2.5, 300 more", [("2.5", Decimal("2.5")), ("300", 300)]),
])
def test_a_space_after_the_grouping_comma(nlp, text, found):
    assert numbers_in(nlp, text) == found
