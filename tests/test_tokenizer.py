"""Tokenizer rules: number, unit and currency glue is split so numbers stand alone."""

import pytest
import spacy

from newsfacts.pipeline import build_pipeline, customize_tokenizer

CASES = [
    ("Rs.16,999", ["Rs.", "16,999"]),
    ("Rs. 9,999", ["Rs.", "9,999"]),
    ("Rs16,189-crore", ["Rs", "16,189", "-", "crore"]),
    ("INR500", ["INR", "500"]),
    ("₹1.5", ["₹", "1.5"]),
    ("₹7,000-₹14,000", ["₹", "7,000", "-", "₹", "14,000"]),
    ("Rs 7-9 lakh", ["Rs", "7", "-", "9", "lakh"]),
    ("4GB/64GB", ["4", "GB", "/", "64", "GB"]),
    ("4GB RAM/ 64GB", ["4", "GB", "RAM", "/", "64", "GB"]),
    ("4,000mAh", ["4,000", "mAh"]),
    ("2.2GHz", ["2.2", "GHz"]),
    ("12MP+2MP", ["12", "MP", "+", "2", "MP"]),
    ("33W", ["33", "W"]),
    ("$5bn", ["$", "5", "bn"]),
    ("12,34,567", ["12,34,567"]),
    ("6.3-inch", ["6.3", "-", "inch"]),
    # kept whole: networks, model names, ordinals
    ("4G 5G", ["4G", "5G"]),
    ("S24 A17 9A 10th 1080p 24x7", ["S24", "A17", "9A", "10th", "1080p", "24x7"]),
]


@pytest.mark.parametrize("text, tokens", CASES, ids=[c[0] for c in CASES])
def test_glue_is_split(nlp, text, tokens):
    assert [t.text for t in nlp.make_doc(text)] == tokens


def test_abbreviation_does_not_end_a_sentence(nlp):
    doc = nlp("The 4 GB model is priced at Rs. 9,999 in India. It goes on sale today.")
    assert [s.text for s in doc.sents] == [
        "The 4 GB model is priced at Rs. 9,999 in India.", "It goes on sale today."]


def test_customize_tokenizer_is_idempotent():
    nlp = spacy.blank("en")
    customize_tokenizer(nlp)
    customize_tokenizer(nlp)
    assert [t.text for t in nlp.make_doc("Rs.16,999")] == ["Rs.", "16,999"]


def test_tokenizer_from_config():
    config = {"nlp": {"tokenizer": {"@tokenizers": "newsfacts.Tokenizer.v1"}}}
    nlp = spacy.blank("en", config=config)
    assert [t.text for t in nlp.make_doc("4,000mAh for Rs.9,999")] == [
        "4,000", "mAh", "for", "Rs.", "9,999"]


def test_text_is_never_rewritten(nlp):
    text = "  Rs.16,999\u00a0for 4GB/64GB\r\n\tand ₹1.5 lakh…  "
    assert build_pipeline(nlp).make_doc(text).text == text


@pytest.mark.parametrize("word", ["INRIA", "USDollar", "Thersx", "CARsales", "Bharsa"])
def test_currency_letters_inside_a_word_do_not_split_it(word):
    """The glued-currency infix splits only before a digit ("to-Rs.500"), not after any
    "Rs", "INR" or "USD" inside a word."""
    nlp = build_pipeline()
    assert [t.text for t in nlp.make_doc(f"{word} 5")] == [word, "5"]
