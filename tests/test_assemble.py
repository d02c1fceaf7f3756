"""Assembly: plain data on a Doc becomes validated records with spans and sentence indexes."""

import pytest
from spacy.language import Language

from newsfacts import docdata
from newsfacts.assemble import build_article
from newsfacts.models import FACT_FIELDS
from newsfacts.pipeline import build_pipeline

from .conftest import article_paths

TEXT = ("Xiaomi sold 1 million units in just a month.\n\n"
        "The 6 GB variant is priced at Rs 16,999, with a 4,000 mAh battery.\n\n"
        "“We are delighted,” Raghu Reddy said. Revenue was $2 billion.")


def at(needle: str) -> dict:
    start = TEXT.index(needle)
    return {"span": [start, start + len(needle)]}


#: One plain record of every family, as a fact component would store it.
PLAIN = {
    "sales": [{**at("sold 1 million units"), "units": 1000000, "metric": "sold",
               "period": None}],
    "prices": [{**at("Rs 16,999"), "amount": "16999", "currency": "INR", "variant": "6 GB"}],
    "money": [{**at("$2 billion"), "amount": "2000000000", "currency": "USD"}],
    "specs": [{**at("4,000 mAh"), "name": "battery", "value": 4000, "unit": "mAh"}],
    "quotes": [{**at("We are delighted"), "text": "We are delighted", "speaker": "Raghu Reddy",
                "cue": "said"}],
    "time_spans": [{**at("just a month"), "duration": "P1M"}],
}


@Language.component("test_plain_facts")
def plain_facts(doc):
    for family, records in PLAIN.items():
        docdata.put(doc, family, records)
    return doc


@pytest.fixture(scope="module")
def article():
    nlp = build_pipeline()
    nlp.add_pipe("test_plain_facts")
    try:
        return build_article(nlp(TEXT))
    finally:
        nlp.remove_pipe("test_plain_facts")


@pytest.mark.parametrize("family", list(FACT_FIELDS))
def test_every_record_type_is_anchored(article, family):
    [record] = getattr(article, family)
    assert isinstance(record, FACT_FIELDS[family])
    assert record.span.text == TEXT[record.span.start:record.span.end]
    assert record.span.start == PLAIN[family][0]["span"][0]


def test_sentence_indexes(article):
    sentences = {fact.kind: fact.sentence for fact in article.facts()}
    assert sentences == {"sale": 0, "time_span": 0, "price": 1, "spec": 1, "quote": 2,
                         "money": 3}


def test_records_keep_component_values(article):
    assert article.prices[0].amount == 16999 and article.prices[0].variant == "6 GB"
    assert article.quotes[0].speaker == "Raghu Reddy"
    assert article.model_dump(mode="json")["money"][0]["amount"] == 2000000000


@pytest.mark.parametrize("path", article_paths(), ids=lambda p: p.name)
def test_every_fact_of_every_article_is_anchored(extractor, path):
    """On every gold article: span.text is the text's slice and the sentence holds the span."""
    text = path.read_text(encoding="utf-8")
    doc = extractor.nlp(text)
    sentences = list(doc.sents)
    article = build_article(doc, text=text)
    for fact in article.facts():
        assert fact.span.text == text[fact.span.start:fact.span.end]
        sentence = sentences[fact.sentence]
        assert sentence.start_char <= fact.span.start < max(sentence.end_char, sentence.start_char + 1)


#: Fact families not extracted yet, and the issue that brings each. Strict: when a family
#: lands these tests XPASS and fail, so the marker must be removed with the feature.
NOT_YET = {
}


@pytest.mark.parametrize("family", [
    pytest.param(f, marks=pytest.mark.xfail(strict=True, reason=f"not extracted until {NOT_YET[f]}"))
    if f in NOT_YET else f
    for f in FACT_FIELDS
])
def test_corpus_yields_facts_of_every_family(extractor, family):
    found = sum(len(getattr(extractor(p.read_text(encoding="utf-8")), family))
                for p in article_paths())
    assert found > 0
