"""What every fact component does with its records: store them on the Doc as plain data and
mirror them as ``doc.spans["newsfacts_<family>"]``.

>>> class Nothing(FactComponent):
...     family, label = "demo", "DEMO"
...     def extract(self, doc):
...         return [{"span": [0, 2]}]
>>> import spacy
>>> doc = Nothing()(spacy.blank("en")("Hi there"))
>>> doc.user_data["newsfacts.demo"], [s.text for s in doc.spans["newsfacts_demo"]]
([{'span': [0, 2]}], ['Hi'])
"""

from __future__ import annotations

from spacy.tokens import Doc

from .. import docdata


class FactComponent:
    """Subclasses set ``family`` (the Article list, e.g. "specs"), ``label`` and ``extract``."""

    family: str = ""
    label: str = ""

    def extract(self, doc: Doc) -> list[dict]:
        raise NotImplementedError

    def __call__(self, doc: Doc) -> Doc:
        records = self.extract(doc)
        docdata.put(doc, self.family, records)
        docdata.mirror_spans(doc, f"newsfacts_{self.family}", [r["span"] for r in records], self.label)
        return doc
