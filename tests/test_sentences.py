"""Sentence boundaries: punctuation, plus every line break."""

import spacy

from newsfacts import Extractor

from .conftest import corpus_texts


def test_line_breaks_start_sentences(nlp):
    doc = nlp("Xiaomi hits milestone\n\nFollow Us\nThe phone sold well. It costs Rs. 9,999 now.")
    assert [s.text.strip() for s in doc.sents] == [
        "Xiaomi hits milestone", "Follow Us", "The phone sold well.", "It costs Rs. 9,999 now."]


def test_closing_quote_stays_with_its_sentence(nlp):
    doc = nlp("“We are delighted.” Reddy said.")
    assert [s.text for s in doc.sents] == ["“We are delighted.”", "Reddy said."]


def test_component_works_in_a_fresh_pipeline():
    nlp = spacy.blank("en")
    nlp.add_pipe("newsfacts_sentences")
    assert len(list(nlp("One.\nTwo").sents)) == 2
    assert list(nlp("").sents) == []


def test_stored_sentence_spans_equal_the_docs_sentences():
    from newsfacts import docdata

    text = "Xiaomi hits 1 million\n\nThe phone sells. “It is great,” he said! Rs. 999 only?\nNext line"
    doc = Extractor().nlp(text)
    assert docdata.get(doc, "sentences") is not None
    assert docdata.sentence_spans(doc) == [(s.start_char, s.end_char) for s in doc.sents]


def test_punctuation_starts_equal_spacys_sentencizer():
    """The array version must set the same starts as spaCy's Sentencizer loop."""

    from spacy.attrs import SENT_START
    from spacy.pipeline import Sentencizer

    from newsfacts.components.sentences import NewsSentences
    from newsfacts.pipeline import build_pipeline

    nlp, ours, theirs = build_pipeline(), NewsSentences(), Sentencizer()
    texts = corpus_texts()
    texts += [".", "...", "!!! ok ?? yes. .no", " . ", "\n\n. x", "“Yes!” “No.” Maybe…", "a.b.c. D"]
    for text in texts:
        expected = theirs(nlp.make_doc(text)).to_array([SENT_START]).astype("int32").tolist()
        assert ours.punctuation_starts(nlp.make_doc(text)).tolist() == expected, text[:60]
