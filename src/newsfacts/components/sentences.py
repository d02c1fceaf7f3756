"""Sentence boundaries for news copy: punctuation rules plus a break at every line break.

Headlines, captions and list items rarely end with a full stop, so a newline always starts
a new sentence. Abbreviations such as "Rs." and "Pvt." are single tokens (see the tokenizer
rules), so they do not end sentences.

>>> import spacy
>>> nlp = spacy.blank("en"); _ = nlp.add_pipe("newsfacts_sentences")
>>> [s.text for s in nlp("Xiaomi hits 1 million\\nThe phone sells. It costs more").sents]
['Xiaomi hits 1 million\\n', 'The phone sells.', 'It costs more']
"""

from __future__ import annotations

from spacy.attrs import IS_SPACE
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc


class NewsSentences:
    """Sets ``token.is_sent_start``; leaves parsed Docs (a trained parser's sentences) alone."""

    def __init__(self) -> None:
        self.punctuation = Sentencizer()

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0 or doc.has_annotation("DEP"):
            return doc
        if not doc.has_annotation("SENT_START"):
            doc = self.punctuation(doc)
        is_space = doc.to_array([IS_SPACE])
        last = len(doc) - 1
        for i in is_space.nonzero()[0].tolist():
            if i < last and "\n" in doc[i].text:
                doc[i + 1].is_sent_start = True
        return doc


@Language.factory("newsfacts_sentences")
def make_sentences(nlp: Language, name: str) -> NewsSentences:
    """Factory of :class:`NewsSentences`."""
    return NewsSentences()
