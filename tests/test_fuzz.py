"""Fuzzing: ``extract`` and every pipeline component on arbitrary and adversarial text.

Two promises are checked on every example: nothing raises on a ``str``, and every offset
points into the text (``span.text == text[span.start:span.end]`` for the Article; every
(start, end) a component stores on the Doc, and every ``doc.spans`` span, lies within it).
The Article must also serialise (``model_dump_json``, ``json.dumps``).

Texts are drawn from any Unicode (lone surrogates included) and from adversarial shapes
glued to news words: digit runs past Python's 4,300-digit int limit, endless scale words,
every kind of quote mark, huge white space, nested brackets, right-to-left text and
controls, zero-width and combining characters.

Linear time is checked too, coarsely: each example has a time budget (a few seconds, more
for long texts; ``NEWSFACTS_FUZZ_SECONDS`` scales it), so a catastrophic backtrack fails the
example, and Hypothesis shrinks it, instead of hanging the run.

The suite keeps this quick; for a longer hunt, e.g. after rule work lands:
``NEWSFACTS_FUZZ_EXAMPLES=3000 python -m pytest -q tests/test_fuzz.py``.
"""

from __future__ import annotations

import json
import os
import signal
from contextlib import contextmanager

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from newsfacts import docdata, extract
from newsfacts.extractor import _processable, default_extractor

from .test_linear import best_time

EXAMPLES = int(os.environ.get("NEWSFACTS_FUZZ_EXAMPLES", "40"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize="NEWSFACTS_FUZZ_EXAMPLES" not in os.environ,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

#: News words the rules fire on, so adversarial pieces land inside real candidates.
NEWS = ["Rs", "Rs.", "₹", "$", "US$", "INR", "16,999", "1,20,000", "9.5", "lakh", "crore",
        "million", "billion", "half a", "sold", "shipped", "units", "phones", "priced at",
        "costs", "mAh", "GB", "4GB/64GB", "12MP + 2MP", "inch", "-inch", "Hz", "W", "in",
        "days", "weeks", "last month", "Q3 2019", "FY 2019-20", "said", "told", "according to",
        "Ravi Sen", "CEO", "Brand X", "Zeta 5 Pro", "the", "and", ".", ",", ":", "-", "/"]

QUOTE_MARKS = ['"', "“", "”", "‘", "’", "'", "«", "»", "„", "‹", "›", "「", "」", "″", "＂"]
ZERO_WIDTH = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u180e"]
RTL = ["\u202e", "\u202b", "\u202a", "\u202c", "\u200f", "\u200e", "\u2067", "\u2069",
       "مرحبا ٣٬٥٠٠ روبية", "שלום 1,999 ₪", "١٢٣٤٥٦٧٨٩٠"]
SPACE = [" ", "\n", "\r\n", "\t", "\u00a0", "\u2028", "\u2029", "\u3000", "\x0b", "\x0c"]


def adversarial_piece() -> st.SearchStrategy[str]:
    """One hostile fragment."""
    size = st.integers(min_value=1, max_value=6_000)
    return st.one_of(
        size.map(lambda n: "9" * n),  # past 4,300 digits: int() refuses
        size.map(lambda n: "1" + ",000" * (n // 4)),
        size.map(lambda n: "1." + "5" * n),
        st.integers(1, 900).map(lambda n: "1" + " crore" * n),  # magnitudes without end
        st.integers(1, 400).map(lambda n: "Rs 2" + " lakh crore" * n),
        st.sampled_from(QUOTE_MARKS),
        st.lists(st.sampled_from(QUOTE_MARKS), min_size=2, max_size=300).map("".join),
        st.sampled_from(["\ud800", "\udfff", "\udbff\udbff", "\udc00x\ud800"]),  # lone surrogates
        st.tuples(st.sampled_from(SPACE), size).map(lambda p: p[0] * p[1]),  # huge white space
        st.integers(1, 3_000).map(lambda n: "(" * n + "Rs 5" + ")" * n),  # nested brackets
        st.integers(1, 3_000).map(lambda n: "[{<" * n),
        st.sampled_from(RTL),
        st.sampled_from(ZERO_WIDTH),
        st.text(st.sampled_from(ZERO_WIDTH + ["9", ",", "R", "s"]), max_size=400),
        st.sampled_from(["e\u0301", "9\u0301", "\u0301\u0301\u0301", "👨‍👩‍👧", "🇮🇳", "\U0001d7d7"]),
        st.text(st.characters(codec=None, exclude_categories=()), max_size=30),
    )


ADVERSARIAL = st.lists(st.one_of(st.sampled_from(NEWS), adversarial_piece()), max_size=25).flatmap(
    lambda parts: st.lists(st.sampled_from(SPACE[:3] + [""]), min_size=len(parts), max_size=len(parts))
    .map(lambda gaps: "".join(part + gap for part, gap in zip(parts, gaps))))
ANY_TEXT = st.text(st.characters(codec=None, exclude_categories=()), max_size=400)


SECONDS = float(os.environ.get("NEWSFACTS_FUZZ_SECONDS", "4"))


class TooSlow(Exception):
    """An example ran past its time budget: no linear-time rule takes that long."""


@contextmanager
def time_budget(text: str):
    """Raise :class:`TooSlow` inside the block once it has run for SECONDS, plus a second
    per 50,000 characters (where the system has no SIGALRM, no limit)."""
    if not hasattr(signal, "setitimer"):
        yield
        return
    budget = SECONDS + len(text) / 50_000

    def expired(signum, frame):
        raise TooSlow(f"over {budget:.1f}s on {len(text):,} characters")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, budget)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def check_article(text: str) -> None:
    with time_budget(text):
        article = extract(text)
    for fact in article.facts():
        assert 0 <= fact.span.start <= fact.span.end <= len(text)
        assert fact.span.text == text[fact.span.start:fact.span.end]
        period = getattr(fact, "period", None)
        if period is not None:
            assert period.span.text == text[period.span.start:period.span.end]
    for product in article.products:
        for mention in product.mentions:
            assert mention.text == text[mention.start:mention.end]
    article.model_dump_json()
    json.dumps(article.model_dump(mode="json"))


@FUZZ
@given(ANY_TEXT)
def test_extract_on_any_text(text):
    check_article(text)


@FUZZ
@given(ADVERSARIAL)
@example("9" * 5000)
@example("Rs 1" + " crore" * 700)
@example('It costs Rs 12,499\n\n"Great," he said.')
@example("“" * 500 + "said Ravi Sen")
@example("\u202eRs 9,999\u202c sold 2\u200b lakh units")
@example("(" * 3000 + "Rs 5" + ")" * 3000)
@example("\ud800 Rs \udfff 9,999 \ud83d")
@example("\n" * 5000 + "Rs 5" + " " * 5000)
def test_extract_on_adversarial_text(text):
    check_article(text)


#: Stored lists of [int, int] that are no (start, end) pair: products' "sections" are
#: [start, product index].
POSITION_AND_INDEX = {"sections"}


def offsets(data, key: str | None = None) -> list[tuple[int, int]]:
    """Every (start, end) a component stored: ``"span": [s, e]``, ``start``/``end`` ints,
    and [s, e, ...] lists (sentences, paragraphs, mentions, regions)."""
    found = []
    if isinstance(data, dict):
        if isinstance(data.get("start"), int) and isinstance(data.get("end"), int):
            found.append((data["start"], data["end"]))
        for name, value in data.items():
            found += offsets(value, name)
    elif isinstance(data, (list, tuple)):
        if len(data) >= 2 and all(type(v) is int for v in data[:2]):
            found.append((data[0], data[0]) if key in POSITION_AND_INDEX else (data[0], data[1]))
        for value in data:
            found += offsets(value, key)
    return found


def check_components(text: str) -> None:
    """Run the pipeline a component at a time, as the Extractor does (with doc.spans built
    too, as a spaCy user gets them), checking each one's output as soon as it has run."""
    nlp = default_extractor().nlp
    processable = _processable(text)
    assert len(processable) == len(text)
    doc = nlp.make_doc(processable)
    for name, component in nlp.pipeline:
        with time_budget(text):
            doc = component(doc)
        for key, value in doc.user_data.items():
            if isinstance(key, str) and key.startswith(docdata.PREFIX):
                for start, end in offsets(value):
                    assert 0 <= start <= end <= len(text), (name, key, start, end)
        for group, spans in doc.spans.items():
            for span in spans:
                assert 0 <= span.start_char <= span.end_char <= len(text), (name, group)


@FUZZ
@given(st.one_of(ANY_TEXT, ADVERSARIAL))
@example("9" * 5000 + "mAh, Rs " + "9" * 5000)
@example("Brand X shipped 2" + " million" * 800 + " phones in 10 days.")
@example("\rZeta 0")
def test_every_component_on_hostile_text(text):
    check_components(text)


@pytest.mark.parametrize("text", [
    "", " ", "\ud800", "9" * 4301, "\u200b" * 1000, "\u202e" * 50 + "Rs 5",
    "“" * 4000, "Rs " + "9," * 3000 + "9", "1" + " lakh" * 2000,
])
def test_components_on_fixed_shapes(text):
    check_components(text)
    check_article(text)


@pytest.mark.parametrize("gap", [" " * 200, "\u00a0" * 200, " \t" * 100])
def test_white_space_after_a_quote_is_cheap(gap):
    """The after-quote attribution pattern once backtracked on white space after a closing
    mark (40 spaces ~0.5 s, 100 ~100 s): found by this fuzzer."""
    assert best_time("“Hi there my friend” " + gap + "x") < 0.1


def test_short_words_before_a_cue_are_cheap():
    """The before-quote attribution pattern, searched from every position of its window,
    once cost ~1.3 s a quote after 100 one-letter words: found by this fuzzer."""
    assert best_time("a " * 80 + "said “Hi there my friend”") < 0.1
