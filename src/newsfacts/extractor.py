"""The entry points: :func:`extract`, :func:`extract_many` and :class:`Extractor`.

>>> article = extract("Xiaomi hits milestone\\n\\nThe phone is priced at Rs 9,999.")
>>> article.title
'Xiaomi hits milestone'
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import re
import sys
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from decimal import Decimal

from spacy.language import Language

from . import docdata
from .assemble import build_article
from .models import Article
from .pipeline import build_pipeline

_SURROGATE = re.compile("[\ud800-\udfff]")
#: spaCy's tokenizer strips affixes one by one, in time quadratic in a word's length
#: ("((((…" of 20,000 characters takes a minute); such runs are no prose.
LONG_RUN = 256
_LONG_RUN = re.compile(r"\S{%d,}" % LONG_RUN)
_NOT_WORD = re.compile(r"\W")
_LONG_DIGITS = re.compile(r"\d{%d,}" % LONG_RUN)


def _check_text(text: object) -> str:
    if not isinstance(text, str):
        raise TypeError(f"newsfacts extracts from str, not {type(text).__name__}")
    return text


def _processable(text: str) -> str:
    """What spaCy is given: the text with one code point replaced by one where spaCy would
    fail or slow down — lone surrogates (it cannot encode them) become U+FFFD, and the
    punctuation inside runs of 256+ characters without white space becomes "x", so the
    tokenizer stays linear; so do runs of 256+ digits, which no rule may read as a value
    (Python will not even print an int of over 4,300 digits). Every offset still indexes
    the caller's string, and spans are cut from that string.
    """
    if _has_surrogate(text):
        text = _SURROGATE.sub("\ufffd", text)
    if max(map(len, text.split()), default=0) >= LONG_RUN:  # as _LONG_RUN.search, 1.6x faster
        text = _LONG_RUN.sub(lambda run: _no_prose(run.group(0)), text)
    return text


def _has_surrogate(text: str) -> bool:
    """Whether ``text`` holds a lone surrogate, the one thing UTF-8 cannot encode (the C
    encoder answers 8x faster than ``_SURROGATE.search``)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _no_prose(run: str) -> str:
    """A run of 256+ characters without white space, its punctuation and long digit runs
    made "x" (as many characters).

    >>> _no_prose("(((" + "9" * 300 + ")))") == "xxx" + "x" * 300 + "xxx"
    True
    """
    run = _NOT_WORD.sub("x", run)
    return _LONG_DIGITS.sub(lambda digits: "x" * len(digits.group(0)), run)


class Extractor:
    """A reusable extractor: the spaCy pipeline is built once, at construction.

    ``nlp`` is None for the default rule pipeline (``spacy.blank("en")`` plus our
    components), an installed spaCy package name such as ``"en_core_web_sm"``, or a loaded
    ``Language`` — our tokenizer rules and components are added to it.

    >>> ex = Extractor()
    >>> ex("Rs 999 only").title is None
    True
    """

    def __init__(self, nlp: Language | str | None = None):
        self.nlp: Language = build_pipeline(nlp)

    def extract(self, text: str, published: date | None = None) -> Article:
        """The facts of one article. Never raises on a ``str``."""
        return self._extract_batch([_check_text(text)], [published])[0]

    __call__ = extract

    def _extract_batch(self, texts: list[str], published: list[date | None]) -> list[Article]:
        """The Articles of a few texts (``published[i]`` is the date of ``texts[i]``), each
        component run over all of them in turn: its patterns and tables stay in the CPU's
        caches from one text to the next, which made extraction 10-17% faster than running
        the whole pipeline text by text."""
        with cyclic_gc_paused():
            return self._extract_batch_now(texts, published)

    def _extract_batch_now(self, texts: list[str], published: list[date | None]) -> list[Article]:
        docs = []
        for text, day in zip(texts, published):
            processable = _processable(text)
            doc = self.nlp.make_doc(processable)
            docdata.remember_text(doc, processable)
            doc.user_data[docdata.NO_SPANS] = True  # the Doc is dropped once the Article is built
            if day is not None:
                docdata.put(doc, "published", day.isoformat())
            docs.append(doc)
        for _name, component in self.nlp.pipeline:
            docs = [component(doc) for doc in docs]
        return [build_article(doc, published=day, text=text) for doc, text, day in zip(docs, texts, published)]

    def extract_many(
        self,
        texts: Iterable[str],
        published: date | None = None,
        n_process: int = 1,
        batch_size: int = 32,
    ) -> Iterator[Article]:
        """Articles for many texts, streamed in input order.

        Texts are read ``batch_size`` at a time, and each pipeline component runs over a
        whole batch before the next one (faster than text by text), so a long stream is never
        read into memory at once. ``n_process`` > 1 spreads the batches over that many
        processes (``-1``: all cores), a few batches ahead; each worker builds the records
        itself and sends back the finished Articles, never spaCy Docs. ``published`` applies
        to every text.

        >>> [a.title for a in Extractor().extract_many(["One\\n\\nRs 5.", "Two\\n\\nRs 6."])]
        ['One', 'Two']
        """
        if n_process == -1:
            n_process = os.cpu_count() or 1
        if n_process <= 1:
            for batch, error in _batches(texts, batch_size):
                yield from self._extract_batch(batch, [published] * len(batch))
                if error is not None:
                    raise error
            return
        yield from self._extract_in_processes(texts, published, n_process, batch_size)

    def _extract_in_processes(self, texts: Iterable[str], published: date | None,
                              n_process: int, batch_size: int) -> Iterator[Article]:
        global _worker
        fork = "fork" in multiprocessing.get_all_start_methods() and sys.platform != "darwin"
        context = multiprocessing.get_context("fork" if fork else "spawn")
        _worker = self  # a forked worker starts with this very extractor
        in_flight: deque = deque()  # (pending articles, error after them), in input order
        with context.Pool(n_process) as pool:
            for batch, error in _batches(texts, max(1, batch_size)):
                in_flight.append((pool.apply_async(_extract_in_worker, ((batch, [published] * len(batch)),)), error))
                while len(in_flight) >= n_process * 4:  # a few batches ahead, no more
                    yield from _finished(in_flight.popleft())
            while in_flight:
                yield from _finished(in_flight.popleft())


def _finished(job: tuple) -> Iterator[Article]:
    """A batch's Articles once its worker is done; then the TypeError that ended the stream."""
    pending, error = job
    sent = pending.get()
    with cyclic_gc_paused():  # rebuilding the batch's Articles allocates as much as making them
        articles = [_restored(item) for item in sent]
    yield from articles
    if error is not None:
        raise error


@contextmanager
def cyclic_gc_paused():
    """Python's cyclic garbage collector paused while a batch is extracted (as ``timeit``
    does): a batch allocates tens of thousands of short-lived dicts and lists, and each
    collection walks every object alive, the pipeline's own included — a tenth of the time.
    Reference counting still frees all but cycles, which the collector takes once resumed.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _batches(texts: Iterable[str], size: int) -> Iterator[tuple[list[str], TypeError | None]]:
    """``texts`` in lists of ``size``. A text that is no ``str`` ends the stream: the texts
    before it come as a last batch, with the TypeError to raise once they are extracted.

    >>> list(_batches(["a", "b", "c"], 2))
    [(['a', 'b'], None), (['c'], None)]
    """
    batch: list[str] = []
    for text in texts:
        try:
            batch.append(_check_text(text))
        except TypeError as error:
            yield batch, error
            return
        if len(batch) >= size:
            yield batch, None
            batch = []
    if batch:
        yield batch, None


_worker: Extractor | None = None


def _extract_in_worker(job: tuple[list[str], list[date | None]]) -> list[Article]:
    """A batch of articles, extracted in a worker process (with the parent's extractor when
    forked)."""
    global _worker
    if _worker is None:
        _worker = Extractor()
    texts, published = job
    articles = _worker._extract_batch(texts, published)
    with cyclic_gc_paused():
        return [_portable(article) for article in articles]


def _portable(article: Article) -> str | Article:
    """An Article as its JSON, which pydantic writes and reads back several times faster
    than pickle builds and rebuilds the objects (the parent process rebuilds every worker's
    Articles, so that cost bounds how far the workers scale); the Article itself in the
    rare case JSON would round an amount (a decimal with more digits than a float holds)."""
    for record in (*article.prices, *article.money):
        amount = record.amount
        if amount != amount.to_integral_value() and Decimal(repr(float(amount))) != amount:
            return article
    return article.model_dump_json()


def _restored(item: str | Article) -> Article:
    return Article.model_validate_json(item) if isinstance(item, str) else item


_default: Extractor | None = None
_default_lock = threading.Lock()


def default_extractor() -> Extractor:
    """The shared default :class:`Extractor`, built on first use."""
    global _default
    if _default is None:
        with _default_lock:
            if _default is None:
                _default = Extractor()
    return _default


def extract(text: str, published: date | None = None) -> Article:
    """The facts of one article, with the shared default pipeline. Never raises on a ``str``.

    ``published`` anchors relative periods ("this March", "last year") and wins over a date
    the text states for itself.
    """
    return default_extractor().extract(text, published=published)


def extract_many(
    texts: Iterable[str],
    published: date | None = None,
    n_process: int = 1,
    batch_size: int = 32,
) -> Iterator[Article]:
    """Articles for many texts, streamed in input order (see :meth:`Extractor.extract_many`)."""
    return default_extractor().extract_many(
        texts, published=published, n_process=n_process, batch_size=batch_size
    )
