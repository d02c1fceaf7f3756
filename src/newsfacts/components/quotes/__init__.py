"""Quotes: direct speech and embedded posts, with speaker, title, organisation, cue, channel.

1. Quoted segments are found paragraph by paragraph: curly “…”, straight "…", single ‘…’
   and doubled ''…'' marks. A quote that runs over paragraphs (an opening mark on each, the
   closing mark on the last) is one record per paragraph; an unclosed mark never runs past
   its paragraph. Short Titlecase phrases in marks ('Make in India') are not quotes.
2. Attribution reads the words around the marks: “…,” NAME, TITLE, ORG said. / “…,” said
   NAME, TITLE of ORG. / NAME, TITLE at ORG, said: “…” / NAME said, “…” / “…” — NAME /
   according to NAME, “…” / “…,” he said. Pronouns and short names resolve to the person
   named earlier; "a company spokesperson" is no one by name, with that title.
3. Embedded posts: "… — Redmi India (@RedmiIndia) April 10, 2019" is a tweet by Redmi
   India; "wrote on Weibo:", "posted on X:", "on its Facebook page:" set the channel.

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
