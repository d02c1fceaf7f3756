"""Extract a whole corpus: ``newsfacts batch INPUT... --out OUT``.

The inputs (files, directories, JSONL streams, stdin: see :mod:`newsfacts.inputs`) yield
articles; every article yields exactly one output line, in input order::

    {"source": "corpus/001.txt", "article": {...}}
    {"source": "page.html", "article": {...}, "text": "..."}   # HTML: the text the spans index
    {"source": "bad.txt", "error": {"type": "not_utf8", "message": "..."}}

Nothing is lost: an unreadable, binary or huge input is an error line and the run goes on
(:data:`ERROR_TYPES`). ``--resume`` continues an interrupted run: the complete lines of OUT
are kept, a torn last line is cut off, and every input whose source already has a line is
skipped; the rest is appended, in input order.

Lines are written and flushed as soon as they are made, locally or on a Dask cluster, so a
killed run loses at most the articles in flight.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import re
import sys
import threading
import time
from collections import Counter, deque
from collections.abc import Callable, Generator, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from itertools import islice
from pathlib import Path
from typing import IO, Any

from .inputs import (  # noqa: F401 - re-exported: batch's inputs were defined here
    MAX_BYTES,
    InputError,
    Item,
    count_articles,
    decode_html,
    decode_text,
    html_to_text,
    iso_day,
    iter_inputs,
    read_bytes,
)
from .models import json_dumps
from .wording import counted

BATCH_SIZE = 16  # articles extracted together (see process_many), and handed to a worker at once
#: Error types of the output lines, with what each means (``newsfacts batch --help`` prints them).
ERROR_TYPES = {
    "unreadable": "missing, no permission, a directory, a broken symbolic link",
    "binary": "a NUL byte near the start: not text",
    "not_utf8": "text that is not UTF-8 (HTML is read in the charset it declares)",
    "too_large": f"over {MAX_BYTES // 1_000_000} MB (per file, per JSONL line, per stdin text)",
    "bad_json": "a JSONL line that is not JSON",
    "no_text": "a JSONL line without a string --text-key; HTML without article text",
    "bad_date": "a JSONL line whose --date-key is not a date as YYYY-MM-DD",
    "missing_dependency": "HTML input without trafilatura (the html extra)",
    "internal": "a bug in newsfacts: please report it with the input",
}


# --- extraction (runs in the workers) ---------------------------------------------------------

_extractor = None


def _worker_extractor():
    global _extractor
    if _extractor is None:
        from .extractor import Extractor
        _extractor = Extractor()
    return _extractor


def process(item: Item) -> dict:
    """One output record for one input item. Never raises."""
    return process_many([item])[0]


def process_many(items: list[Item]) -> list[dict]:
    """One output record per input item, in order. Never raises. The readable texts are
    extracted as one batch (each pipeline component over all of them in turn, which is
    faster); should that fail, each is extracted alone, so one bad article costs only its
    own record."""
    records: list[dict | None] = [None] * len(items)
    waiting: list[tuple[int, str, date | None, bool]] = []  # (index, text, published, text is derived)
    for i, item in enumerate(items):
        if item.error is not None:
            records[i] = {"source": item.source, "error": {"type": item.error[0], "message": item.error[1]}}
            continue
        try:
            waiting.append((i, *_read(item)))
        except Exception as error:  # noqa: BLE001 - one bad input must not stop the corpus
            records[i] = _error_record(item, error)
    extractor = _worker_extractor()
    try:
        articles = extractor._extract_batch([w[1] for w in waiting], [w[2] for w in waiting])
    except Exception:  # noqa: BLE001 - find the article that failed, keep the others
        articles = None
    for k, (i, text, day, derived) in enumerate(waiting):
        try:
            article = articles[k] if articles is not None else extractor.extract(text, published=day)
            record = {"source": items[i].source, "article": article.model_dump(mode="json")}
            if derived:  # the spans index this text, not the input's bytes
                record["text"] = text
            records[i] = {**record, "_words": len(text.split())}
        except Exception as error:  # noqa: BLE001
            records[i] = _error_record(items[i], error)
    return records  # type: ignore[return-value]


def _read(item: Item) -> tuple[str, date | None, bool]:
    """An item's text (read, decoded, HTML turned to text), its date, and whether the text
    was derived from the input (HTML) rather than being it."""
    published = None
    if item.published:
        day = iso_day(item.published)
        if day is None:
            raise InputError("bad_date", f"{item.source}: {item.published!r} is not a date as YYYY-MM-DD")
        published = date.fromisoformat(day)
    if item.text is not None:
        return item.text, published, False
    data = read_bytes(Path(item.path))
    if item.kind == "html":
        return html_to_text(decode_html(data, item.source)), published, True
    return decode_text(data, item.source), published, False


def _error_record(item: Item, error: Exception) -> dict:
    if isinstance(error, InputError):
        kind, message = error.kind, str(error)
    else:
        kind, message = "internal", f"{type(error).__name__}: {error}"
    return {"source": item.source, "error": {"type": kind, "message": message}}


FAMILIES = ("sales", "prices", "money", "specs", "quotes", "time_spans")


def as_line(record: dict) -> tuple[str, dict]:
    """A record as its JSON line, and the tally the summary counts (error, words, facts)."""
    words = record.pop("_words", 0)
    article = record.get("article")
    tally = {"error": "error" in record, "words": words,
             "facts": {family: len(article.get(family, [])) for family in FAMILIES} if article else {}}
    return json_dumps(record) + "\n", tally


def process_lines(items: list[Item]) -> list[tuple[str, dict]]:
    """:func:`process_many` with each record serialised where it was made: a pool's workers
    send back strings, and the parent only writes (unpickling whole records and dumping
    them again cost the parent a share of a core that two workers need)."""
    from .extractor import cyclic_gc_paused

    records = process_many(items)
    with cyclic_gc_paused():  # writing the records allocates as much as making them
        return [as_line(record) for record in records]


def chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    """``items`` in lists of ``size`` (the last may be shorter).

    >>> [len(chunk) for chunk in chunks(range(5), 2)]
    [2, 2, 1]
    """
    iterator = iter(items)
    while chunk := list(islice(iterator, max(1, size))):
        yield chunk


# --- resume ------------------------------------------------------------------------------------

_LINE_START = '{"source": '


@dataclass
class Done:
    """What an earlier run left in OUT: how many lines each source has, and how many of
    those are errors. :meth:`take` crosses an input off as it comes again."""

    lines: int = 0
    sources: Counter = field(default_factory=Counter)
    errors: Counter = field(default_factory=Counter)

    def take(self, source: str) -> bool | None:
        """None when ``source`` has no line left in OUT; else crosses one off and says
        whether it is an error line."""
        if self.sources[source] <= 0:
            return None
        self.sources[source] -= 1
        if self.errors[source] > 0:
            self.errors[source] -= 1
            return True
        return False

    def left(self) -> int:
        """Lines of OUT that no input has taken: inputs not given this time."""
        return sum(count for count in self.sources.values() if count > 0)


def done_in(path: Path) -> Done:
    """The lines already in ``path``; a torn last line (a crash mid-write) is cut off the
    file. ValueError when a complete line is not an output record."""
    done = Done()
    if not path.exists():
        return done
    with path.open("rb+") as handle:
        kept = 0
        for number, line in enumerate(handle, start=1):
            if not line.endswith(b"\n"):
                handle.truncate(kept)
                break
            source, error = _source_of(line.decode("utf-8", "surrogateescape"))
            if source is None:
                raise ValueError(f"{path}: line {number} is not a batch record; cannot resume into it")
            done.lines += 1
            done.sources[source] += 1
            done.errors[source] += error
            kept += len(line)
    return done


def _source_of(line: str) -> tuple[str | None, bool]:
    """(source, is an error) of an output line; read from the line's start, as this module
    writes it, else by parsing the whole line. (None, False) when it is no record."""
    if line.startswith(_LINE_START):
        try:
            source, end = json.JSONDecoder().raw_decode(line, len(_LINE_START))
            if isinstance(source, str):
                return source, line.startswith(', "error"', end)
        except ValueError:
            pass
    try:
        record = json.loads(line)
    except ValueError:
        return None, False
    if not isinstance(record, dict) or not isinstance(record.get("source"), str):
        return None, False
    return record["source"], "error" in record


# --- the run -----------------------------------------------------------------------------------

@dataclass
class Summary:
    """What a run did: the articles and errors it wrote, words, facts, and on a resume what
    the earlier run had done."""

    articles: int = 0
    errors: int = 0
    words: int = 0
    facts: Counter = field(default_factory=Counter)
    seconds: float = 0.0
    skipped: int = 0  # inputs already in OUT (resume)
    skipped_errors: int = 0  # ... of which error lines
    stale: int = 0  # lines of OUT for inputs not given this time

    def add(self, tally: dict) -> None:
        """Count one record's tally (see :func:`as_line`)."""
        if tally["error"]:
            self.errors += 1
            return
        self.articles += 1
        self.words += tally["words"]
        for family in FAMILIES:
            self.facts[family] += tally["facts"].get(family, 0)

    @property
    def failed(self) -> bool:
        """Whether OUT holds an error line for one of the inputs (this run's or earlier)."""
        return bool(self.errors or self.skipped_errors)

    def text(self) -> str:
        """The summary line, e.g. "newsfacts batch: 25 articles, 1 error; facts: ..."."""
        rate = self.words / self.seconds if self.seconds else 0.0
        facts = ", ".join(f"{k} {v}" for k, v in self.facts.items())
        parts = [f"newsfacts batch: {counted(self.articles, 'article')}, {counted(self.errors, 'error')}"]
        if self.skipped or self.stale:
            earlier = f" ({counted(self.skipped_errors, 'error')})" if self.skipped_errors else ""
            stale = (f", {counted(self.stale, 'line')} there for inputs not given this time"
                     if self.stale else "")
            parts.append(f"resumed: {self.skipped:,} already done in OUT{earlier}{stale}")
        parts.append(f"facts: {facts or 'none'}")
        parts.append(f"{counted(self.words, 'word')} in {self.seconds:.1f}s ({rate:,.0f} words/s)")
        return "; ".join(parts)


def run(items: Iterable[Item], out: IO[str], workers: int = 1, chunksize: int = BATCH_SIZE,
        progress: bool = False, done: Done | None = None, scheduler: Any = None,
        total: Callable[[], int | None] | None = None) -> Summary:
    """Extract every item and write one JSON line each, in order, each flushed as it comes.

    ``done`` (resume) holds the inputs already in ``out``: they are skipped. With
    ``scheduler`` (an address or a dask.distributed Client) the work runs on that cluster.
    ``progress`` shows a progress bar on stderr; ``total()``, run in the background, tells
    it how many items there are (for its percentage and time left).
    """
    summary = Summary()
    started = time.perf_counter()
    bar = _progress_bar(progress, total)
    todo = _not_done(items, done, summary, bar)
    if scheduler is not None:
        from .distributed import run_on_cluster
        lines: Generator[tuple[str, dict], None, None] = (
            as_line(record) for record in run_on_cluster(todo, scheduler))
    elif workers <= 1:
        lines = (line for chunk in chunks(todo, chunksize) for line in process_lines(chunk))
    else:
        lines = _in_processes(chunks(todo, chunksize), workers)
    try:
        for line, tally in lines:
            summary.add(tally)
            out.write(line)
            out.flush()
            if bar is not None:
                bar.update(1)
        if bar is not None:  # the count was an estimate (blank JSONL lines count in it)
            bar.total = bar.n
    finally:
        lines.close()  # a pool or a cluster's pending work stops with the run
        if bar is not None:
            bar.close()
    if done is not None:
        summary.stale = done.left()
    summary.seconds = time.perf_counter() - started
    return summary


def _not_done(items: Iterable[Item], done: Done | None, summary: Summary, bar) -> Iterator[Item]:
    """The items not already in OUT; the others are counted in ``summary`` (and the bar)."""
    for item in items:
        earlier = done.take(item.source) if done is not None else None
        if earlier is None:
            yield item
            continue
        summary.skipped += 1
        summary.skipped_errors += earlier
        if bar is not None:
            bar.update(1)


def _in_processes(batches: Iterator[list[Item]], workers: int) -> Generator[tuple[str, dict], None, None]:
    """The lines of every batch, made by a pool of ``workers`` processes a few batches ahead
    (never the whole input: a JSONL stream of any size is read as the lines are written)."""
    context = multiprocessing.get_context("spawn" if sys.platform == "win32" else "fork")
    pending: deque = deque()
    with context.Pool(workers) as pool:
        for batch in batches:
            pending.append(pool.apply_async(process_lines, (batch,)))
            while len(pending) >= workers * 4:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()


def _progress_bar(enabled: bool, total: Callable[[], int | None] | None):
    """A tqdm bar on stderr (tqdm comes with spaCy), or None. Its total is counted in a
    background thread, so the first lines are not held up by counting a large corpus."""
    if not enabled:
        return None
    try:
        from tqdm import tqdm
    except ImportError:
        return None
    bar = tqdm(unit="article", file=sys.stderr, dynamic_ncols=True, smoothing=0.1)
    if total is not None:
        def count() -> None:
            try:
                bar.total = total()
            except Exception:  # noqa: BLE001 - a bar without a total is no failure
                return
        threading.Thread(target=count, daemon=True, name="newsfacts-count").start()
    return bar


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


# --- Parquet -----------------------------------------------------------------------------------

def require_pyarrow() -> None:
    """InputError unless pyarrow is installed (checked before a Parquet run starts)."""
    try:
        import pyarrow  # noqa: F401
        import pyarrow.parquet  # noqa: F401
    except ImportError:
        raise InputError("missing_dependency", "Parquet output needs pyarrow: pip install 'newsfacts[parquet]'") from None


def write_parquet(jsonl_path: Path, parquet_path: Path) -> None:
    """Convert batch JSONL output to Parquet with the schema in :data:`PARQUET_SCHEMA_DOC`."""
    require_pyarrow()
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([
        ("source", pa.string()),
        ("error_type", pa.string()),
        ("error_message", pa.string()),
        ("published", pa.string()),
        ("title", pa.string()),
        *[(f"n_{family}", pa.int32()) for family in FAMILIES],
        ("article_json", pa.string()),
        ("text", pa.string()),
    ])
    rows: dict[str, list[Any]] = {name: [] for name in schema.names}
    with jsonl_path.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            article = record.get("article") or {}
            error = record.get("error") or {}
            rows["source"].append(_utf8(record["source"]))
            rows["error_type"].append(error.get("type"))
            rows["error_message"].append(_utf8(error.get("message")))
            rows["published"].append(article.get("published"))
            rows["title"].append(_utf8(article.get("title")))
            for family in FAMILIES:
                rows[f"n_{family}"].append(len(article.get(family, [])) if article else None)
            rows["article_json"].append(json_dumps(article) if article else None)
            rows["text"].append(_utf8(record.get("text")))
    pq.write_table(pa.table(rows, schema=schema), parquet_path)


def _utf8(value: str | None) -> str | None:
    """A string Arrow can store: lone surrogates (UTF-8 cannot encode them) become U+FFFD.
    (``article_json`` keeps them, as JSON escapes.)"""
    return value if value is None or value.isascii() else _SURROGATE.sub("\ufffd", value)


_SURROGATE = re.compile("[\ud800-\udfff]")

PARQUET_SCHEMA_DOC = """\
source: string         where the article came from (path, path:line, or its --id-key)
error_type: string     null when extraction succeeded
error_message: string  null when extraction succeeded
published: string      the Article's published date (YYYY-MM-DD) or null
title: string          the Article's title or null
n_sales, n_prices, n_money, n_specs, n_quotes, n_time_spans: int32  fact counts
article_json: string   the whole Article as JSON (model_dump(mode="json")), or null
text: string           HTML inputs: the text extracted from the page, which the spans
                       index; null for text inputs (the spans index the input itself)
"""
