"""Quotes: direct speech and embedded posts, with speaker, title, organisation, cue, channel.

By concern:
- :mod:`.marks` — quoted segments, paragraph by paragraph: curly, straight, single and
  doubled marks as pages mix them; an inch mark after a number is no quote mark; a quote
  over paragraphs is one record per paragraph.
- :mod:`.attribution` — who said it, from the quote's sentence: the reporting verb next to the
  marks (“…,” NAME, TITLE, ORG said / said NAME, TITLE of ORG / NAME told reporters: “…”),
  at the sentence's end (…“a partial quote”…, he said), or earlier in it (NAME said the
  phone will be “a turning point”); else the quote or reported speech before it.
- :mod:`.speakers` — what those words name: a person with title and organisation, an
  organisation (a statement, "the company"), someone unnamed ("a spokesperson").
- :mod:`.names` — names of people of any shape and of organisations no list knows; the
  people an article has named, to resolve "he", "Rao" and "Mr. Rao".
- :mod:`.posts` — embedded tweets and the channel a quote came through.
- :mod:`.words` — the lexicons (``data/quote_words.jsonl``, ``data/name_words.jsonl``) and the
  attribution grammar built from them.

A Doc's PERSON and ORG entities, when a pipeline sets them, are taken as names first.

>>> [(q["speaker"], q["cue"]) for q in find_quotes('“We sold a lot,” said Manu Kumar Jain, CEO of Xiaomi India.')]
[('Manu Kumar Jain', 'said')]
"""


from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ... import docdata
from ..base import FactComponent
from ..layout import Boilerplate, get_layout
from ..products import get_products, makers_of
from .attribution import QuoteFinder
from .marks import quoted_segments

__all__ = ["FAMILY", "Quotes", "QuoteFinder", "find_quotes", "make_quotes", "quoted_segments"]

FAMILY = "quotes"


def find_quotes(text: str, boilerplate: Boilerplate | None = None,
                product_spans: list | None = None, makers: frozenset[str] = frozenset(),
                entities: list | None = None) -> list[dict]:
    """Every quote in ``text`` as plain records (``span``, ``text``, ``speaker``, ...).
    ``entities``: (start, end, label) PERSON / ORG spans of a trained pipeline, if any."""
    return QuoteFinder(text, boilerplate, product_spans, makers, entities).find()


def entities_of(doc: Doc) -> list[tuple[int, int, str]]:
    """The Doc's PERSON and ORG entities (set by a trained pipeline or an EntityRuler), as
    character spans; none on the default blank pipeline."""
    return [(ent.start_char, ent.end_char, ent.label_) for ent in doc.ents if ent.label_ in ("PERSON", "ORG")]


def _extract(doc: Doc) -> list[dict]:
    layout = get_layout(doc)
    products = get_products(doc)
    spans = [m[:2] for m in products["mentions"]]
    return find_quotes(docdata.text_of(doc), Boilerplate(layout["boilerplate"]), spans,
                       makers_of(products["products"]), entities_of(doc))


class Quotes(FactComponent):
    """Stores quotes on the Doc (``newsfacts.quotes``, ``doc.spans["newsfacts_quotes"]``)."""

    family, label = FAMILY, "QUOTE"

    def extract(self, doc: Doc) -> list[dict]:
        return _extract(doc)


@Language.factory("newsfacts_quotes")
def make_quotes(nlp: Language, name: str) -> Quotes:
    """Factory of :class:`Quotes`."""
    return Quotes()
