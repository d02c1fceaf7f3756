"""The corpus itself: enough articles, varied, with messy pages and valid gold."""

import json

from newsfacts.components.layout import analyse
from newsfacts.evaluate import OFFSETS, load_corpus

from .conftest import CORPUS


def test_corpus_has_at_least_twelve_annotated_articles():
    articles = load_corpus(CORPUS)  # raises if any gold text is not in its article
    assert len(articles) >= 12


def test_at_least_three_articles_carry_page_boilerplate():
    messy = [p.name for p in sorted(CORPUS.glob("*.txt"))
             if any(what != "date line" for _, _, what in analyse(p.read_text("utf-8"))["boilerplate"])]
    assert len(messy) >= 3, messy


def test_no_gold_fact_sits_in_boilerplate():
    for gold in load_corpus(CORPUS):
        regions = [(s, e) for s, e, _ in analyse(gold.text)["boilerplate"]]
        for family, records in gold.records.items():
            for record in records:
                inside = [r for r in regions if r[0] <= record[OFFSETS][0] < r[1]]
                assert not inside, f"{gold.name} {family} {record['text']!r} is in boilerplate"


def test_gold_files_use_every_key():
    for path in sorted(CORPUS.glob("*.json")):
        gold = json.loads(path.read_text("utf-8"))
        assert {"published", "sales", "prices", "money", "specs", "quotes",
                "time_spans"} <= set(gold), path.name
