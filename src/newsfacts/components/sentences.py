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

import numpy
from spacy.attrs import IDX, IS_PUNCT, IS_SPACE, LENGTH, ORTH, SENT_START
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.strings import get_string_id
from spacy.tokens import Doc

from .. import docdata


class NewsSentences:
    """Sets ``token.is_sent_start`` and stores the sentences' character spans (every fact
    family asks for them); leaves parsed Docs (a trained parser's sentences) alone."""

    def __init__(self) -> None:
        self.punct_ids = numpy.unique(numpy.array([get_string_id(c) for c in Sentencizer.default_punct_chars], dtype="uint64"))

    def punctuation_starts(self, doc: Doc) -> numpy.ndarray:
        """spaCy's Sentencizer, computed on arrays instead of a loop over Token objects: a
        sentence starts at the first word (no punctuation) after a sentence-final mark.
        Returns SENT_START values: 1 for a start, -1 otherwise.

        >>> import spacy
        >>> NewsSentences().punctuation_starts(spacy.blank("en")("Hi. “Yes!” he said.")).tolist()
        [1, -1, -1, 1, -1, -1, 1, -1, -1]
        """
        orth, is_punct = doc.to_array([ORTH, IS_PUNCT]).T
        return self._punctuation_starts(orth, is_punct)

    def _punctuation_starts(self, orth: numpy.ndarray, is_punct: numpy.ndarray) -> numpy.ndarray:
        final = self.is_final(orth)
        words = numpy.flatnonzero(~final & (is_punct == 0))
        finals_before = numpy.concatenate(([0], numpy.cumsum(final)))  # [i]: finals in [0, i)
        previous_word = numpy.concatenate(([-1], words[:-1]))
        starts = numpy.full(len(orth), -1, dtype="int32")
        starts[words[finals_before[words] > finals_before[previous_word + 1]]] = 1
        starts[0] = 1
        return starts

    def is_final(self, orth: numpy.ndarray) -> numpy.ndarray:
        """Which tokens are a sentence-final mark: ``numpy.isin(orth, punct_ids)`` by a
        binary search in the sorted ids (isin sorts both arrays on every call, 5x dearer)."""
        at = numpy.searchsorted(self.punct_ids, orth).clip(max=len(self.punct_ids) - 1)
        return self.punct_ids[at] == orth

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0 or doc.has_annotation("DEP"):
            return doc
        idx, length, is_space, orth, is_punct = doc.to_array([IDX, LENGTH, IS_SPACE, ORTH, IS_PUNCT]).T
        if doc.has_annotation("SENT_START"):
            sent_start = doc.to_array([SENT_START]).astype("int32")
        else:
            sent_start = self._punctuation_starts(orth, is_punct)
        text = docdata.text_of(doc)
        spaces = numpy.flatnonzero(is_space)
        for i, start, size in zip(spaces.tolist(), idx[spaces].tolist(), length[spaces].tolist()):
            newline = "\n" in text[start:start + size]
            starts_here = sent_start[i] == 1 and i > 0
            if starts_here:  # white space joins the sentence before it
                sent_start[i] = -1
            if i + 1 < len(doc) and (starts_here or newline):
                sent_start[i + 1] = 1
        sent_start[0] = 1
        doc.from_array([SENT_START], sent_start.astype("uint64"))
        starts = numpy.flatnonzero(sent_start == 1)
        ends = numpy.append(starts[1:], len(doc)) - 1
        docdata.put(doc, "sentences", numpy.stack([idx[starts], idx[ends] + length[ends]], axis=1).tolist())
        return doc


@Language.factory("newsfacts_sentences")
def make_sentences(nlp: Language, name: str) -> NewsSentences:
    """Factory of :class:`NewsSentences`."""
    return NewsSentences()
