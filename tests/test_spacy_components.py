"""Our components in anyone's spaCy pipeline: entry points, multiprocessing, DocBin."""

import json
import subprocess
import sys
import textwrap

import spacy
from spacy.tokens import DocBin

from newsfacts.assemble import build_article
from newsfacts.pipeline import COMPONENTS, build_pipeline


def as_json(data):
    return json.loads(json.dumps(data))


def test_fresh_blank_pipeline_finds_components_through_entry_points():
    """In a new interpreter that never imports newsfacts, add_pipe must still work."""
    script = textwrap.dedent(f"""
        import sys, spacy
        nlp = spacy.blank("en")
        for name in {list(COMPONENTS)!r}:
            nlp.add_pipe(name)
        doc = nlp("Follow Us\\nXiaomi sold 2.5 lakh units.")
        print(nlp.pipe_names)
        print([n["value"] for n in doc.user_data["newsfacts.numbers"]])
        print(sorted(m for m in sys.modules if m.startswith("newsfacts")) != [])
    """)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    lines = out.stdout.splitlines()
    assert lines[0] == str(list(COMPONENTS))
    assert lines[1] == "['250000']"


def test_nlp_pipe_with_two_processes_carries_our_data():
    nlp = spacy.blank("en")
    for name in COMPONENTS:
        nlp.add_pipe(name)
    texts = [f"Headline {i}\n\nSold {i} lakh units." for i in range(1, 21)]
    docs = list(nlp.pipe(texts, n_process=2, batch_size=3))
    assert [d.text for d in docs] == texts
    assert [d.user_data["newsfacts.numbers"][-1]["value"] for d in docs] == [
        str(i * 100000) for i in range(1, 21)]
    assert [d.user_data["newsfacts.layout"]["title"] for d in docs][0] == [0, 10]


def test_docbin_round_trip_keeps_plain_data():
    nlp = build_pipeline()
    doc = nlp("Xiaomi hits milestone\n\nIt sold 2.5 lakh units.\n\nLeave a Reply\nnice")
    data = DocBin(docs=[doc], store_user_data=True).to_bytes()
    [restored] = DocBin().from_bytes(data).get_docs(nlp.vocab)
    for key in ("newsfacts.numbers", "newsfacts.layout"):  # msgpack gives tuples for lists
        assert as_json(restored.user_data[key]) == as_json(doc.user_data[key])
    assert build_article(restored) == build_article(doc)


def test_components_are_added_once_to_a_given_pipeline():
    nlp = spacy.blank("en")
    nlp.add_pipe("newsfacts_sentences")
    build_pipeline(nlp)
    assert nlp.pipe_names == list(COMPONENTS)


def test_pipeline_docs_mirror_every_family_as_spans_and_agree_with_extract():
    """Docs from nlp() carry doc.spans groups for every family; the Extractor skips building
    them (its Docs never leave it), and its Articles are the same as those built from nlp()."""
    from newsfacts import Extractor

    text = ("Redmi Note 13 launched in India\n\nThe Redmi Note 13 is priced at Rs 16,999 and has a "
            "5,000mAh battery. Xiaomi sold 2 lakh units in 10 days. \"It is our best phone,\" "
            "said Muralikrishnan B, President, Xiaomi India.")
    doc = build_pipeline()(text)
    groups = {"newsfacts_numbers", "newsfacts_products", "newsfacts_prices", "newsfacts_specs",
              "newsfacts_sales", "newsfacts_time_spans", "newsfacts_quotes", "newsfacts_title"}
    assert groups <= set(doc.spans)
    assert all(len(doc.spans[group]) > 0 for group in groups)
    assert [s.text for s in doc.spans["newsfacts_prices"]] == ["Rs 16,999"]
    assert build_article(doc, text=text) == Extractor().extract(text)
