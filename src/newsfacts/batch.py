"""Extract a whole corpus: ``newsfacts batch INPUT... --out OUT``.

Inputs are files, directories (walked recursively, in sorted order, for ``*.txt``, ``*.md``,
``*.html``/``*.htm`` and ``*.jsonl``) and ``-`` for stdin. A JSONL input holds one article per
line (``--text-key``, optional ``--id-key`` and ``--date-key``). Every input article yields
exactly one output line, in input order::

    {"source": "corpus/001.txt", "article": {...}}
    {"source": "bad.txt", "error": {"type": "not_utf8", "message": "..."}}

Nothing is lost: an unreadable, binary, empty or huge input is an error line and the run
goes on. ``--resume`` continues an interrupted run: complete lines are kept, a torn last
line is dropped, and the inputs already done are skipped.

>>> from pathlib import Path
>>> items = list(iter_inputs([Path("corpus/001_samsung_galaxy_m37_launch.txt")]))
>>> items[0].source
'corpus/001_samsung_galaxy_m37_launch.txt'
"""

from __future__ import annotations

import json
import multiprocessing
import os
import re
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from itertools import islice
from pathlib import Path
from typing import IO, Any

from .models import json_dumps

TEXT_SUFFIXES = {".txt", ".md"}
HTML_SUFFIXES = {".html", ".htm"}
JSONL_SUFFIXES = {".jsonl"}
MAX_BYTES = 20_000_000  # larger inputs are reported, not extracted
BATCH_SIZE = 16  # articles extracted together (see process_many), and handed to a worker at once
BINARY_SAMPLE = 4096


@dataclass
class Item:
    """One article to extract: where it comes from and how to get its text."""

    source: str
    path: str | None = None  # read by the worker
    text: str | None = None  # already in hand (JSONL, stdin)
    published: str | None = None
    kind: str = "text"  # text | html
    error: tuple[str, str] | None = None  # known before extraction


class InputError(Exception):
    def __init__(self, kind: str, message: str):
        super().__init__(message)
        self.kind = kind


# --- inputs ---------------------------------------------------------------------------------

def iter_inputs(inputs: Iterable[Path | str], text_key: str = "text", id_key: str | None = None,
                date_key: str | None = None, stdin: IO[bytes] | None = None) -> Iterator[Item]:
    """Every article of the inputs, in a deterministic order."""
    for entry in inputs:
        if str(entry) == "-":
            yield from _stdin_items(stdin or sys.stdin.buffer, text_key, id_key, date_key)
            continue
        path = Path(entry)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file() or p.is_symlink()):
                if child.suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES:
                    yield from _file_items(child, text_key, id_key, date_key)
        else:
            yield from _file_items(path, text_key, id_key, date_key)


def _file_items(path: Path, text_key: str, id_key: str | None, date_key: str | None) -> Iterator[Item]:
    source = str(path)
    if path.suffix.lower() in JSONL_SUFFIXES:
        try:
            data = _read_bytes(path)
        except InputError as error:
            yield Item(source, error=(error.kind, str(error)))
            return
        yield from _jsonl_items(data, source, text_key, id_key, date_key)
        return
    kind = "html" if path.suffix.lower() in HTML_SUFFIXES else "text"
    yield Item(source, path=source, kind=kind)


def _stdin_items(stream: IO[bytes], text_key: str, id_key: str | None, date_key: str | None) -> Iterator[Item]:
    """stdin is JSONL when its first line is a JSON object, else one article's text."""
    data = stream.read()
    first = data.lstrip()[:1]
    if first == b"{":
        yield from _jsonl_items(data, "-", text_key, id_key, date_key)
        return
    try:
        yield Item("-", text=_decode(data, "-"))
    except InputError as error:
        yield Item("-", error=(error.kind, str(error)))


def _jsonl_items(data: bytes, source: str, text_key: str, id_key: str | None,
                 date_key: str | None) -> Iterator[Item]:
    for number, line in enumerate(data.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            record = json.loads(line)
        except (json.JSONDecodeError, UnicodeDecodeError) as error:
            yield Item(where, error=("bad_json", f"line {number} is not JSON: {error}"))
            continue
        if not isinstance(record, dict) or not isinstance(record.get(text_key), str):
            yield Item(where, error=("no_text", f"line {number} has no string field {text_key!r}"))
            continue
        name = str(record[id_key]) if id_key and record.get(id_key) is not None else where
        published = record.get(date_key) if date_key else None
        yield Item(name, text=record[text_key], published=published if isinstance(published, str) else None)


def _read_bytes(path: Path) -> bytes:
    try:
        if path.is_symlink() and not path.exists():
            raise InputError("unreadable", f"{path}: broken symbolic link")
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError("too_large", f"{path}: {size:,} bytes, more than the {MAX_BYTES:,} allowed")
        return path.read_bytes()
    except InputError:
        raise
    except FileNotFoundError:
        raise InputError("unreadable", f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError("unreadable", f"{path}: is a directory") from None
    except OSError as error:
        raise InputError("unreadable", f"{path}: {error.strerror or error}") from None


def _decode(data: bytes, source: str) -> str:
    if b"\x00" in data[:BINARY_SAMPLE]:
        raise InputError("binary", f"{source}: binary data, not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InputError("not_utf8", f"{source}: not UTF-8 (invalid byte at offset {error.start})") from None
    if not text.strip():
        raise InputError("empty", f"{source}: no text")
    return text


def html_to_text(html: str) -> str:
    """The article text of an HTML page (needs the ``html`` extra: trafilatura)."""
    try:
        import trafilatura
    except ImportError:
        raise InputError("missing_dependency", "HTML input needs trafilatura: pip install 'newsfacts[html]'") from None
    text = trafilatura.extract(html, include_comments=False, include_tables=True, favor_recall=True)
    if not text or not text.strip():
        raise InputError("empty", "no article text found in the HTML")
    return text


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
    waiting: list[tuple[int, str, date | None]] = []  # (index, text, published)
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
        articles = extractor._extract_batch([text for _, text, _ in waiting], [day for _, _, day in waiting])
    except Exception:  # noqa: BLE001 - find the article that failed, keep the others
        articles = None
    for k, (i, text, day) in enumerate(waiting):
        try:
            article = articles[k] if articles is not None else extractor.extract(text, published=day)
            records[i] = {"source": items[i].source, "article": article.model_dump(mode="json"),
                          "_words": len(text.split())}
        except Exception as error:  # noqa: BLE001
            records[i] = _error_record(items[i], error)
    return records  # type: ignore[return-value]


def _read(item: Item) -> tuple[str, date | None]:
    """An item's text (read, decoded, HTML turned to text) and its date."""
    text = item.text
    if text is None:
        text = _decode(_read_bytes(Path(item.path)), item.source)
        if item.kind == "html":
            text = html_to_text(text)
    return text, date.fromisoformat(item.published[:10]) if item.published else None


def _error_record(item: Item, error: Exception) -> dict:
    if isinstance(error, InputError):
        kind = error.kind
    elif isinstance(error, ValueError):
        kind = "bad_input"
    else:
        kind = type(error).__name__
    return {"source": item.source, "error": {"type": kind, "message": str(error)}}


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


# --- output and resume -------------------------------------------------------------------------

def completed_lines(path: Path) -> int:
    """Complete JSON lines already in ``path``; a torn last line is cut off the file."""
    if not path.exists():
        return 0
    with path.open("rb+") as handle:
        data = handle.read()
        keep = data.rfind(b"\n") + 1
        count = 0
        for line in data[:keep].splitlines():
            try:
                json.loads(line)
            except json.JSONDecodeError:
                raise ValueError(f"{path}: line {count + 1} is not JSON; cannot resume into it") from None
            count += 1
        if keep < len(data):
            handle.truncate(keep)
    return count


@dataclass
class Summary:
    articles: int = 0
    errors: int = 0
    words: int = 0
    facts: Counter = None  # type: ignore[assignment]
    seconds: float = 0.0
    skipped: int = 0

    def __post_init__(self) -> None:
        self.facts = Counter()

    def add(self, tally: dict) -> None:
        """Count one record's tally (see :func:`as_line`)."""
        if tally["error"]:
            self.errors += 1
            return
        self.articles += 1
        self.words += tally["words"]
        for family in FAMILIES:
            self.facts[family] += tally["facts"].get(family, 0)

    def text(self) -> str:
        rate = self.words / self.seconds if self.seconds else 0.0
        facts = ", ".join(f"{k} {v}" for k, v in self.facts.items())
        resumed = f", {self.skipped} already done" if self.skipped else ""
        return (f"newsfacts batch: {self.articles} articles, {self.errors} errors{resumed}; "
                f"facts: {facts or 'none'}; {self.words:,} words in {self.seconds:.1f}s "
                f"({rate:,.0f} words/s)")


def run(items: Iterable[Item], out: IO[str], workers: int = 1, chunksize: int = BATCH_SIZE,
        progress: bool = False, skip: int = 0, scheduler: str | None = None) -> Summary:
    """Extract every item and write one JSON line each, in order. ``skip`` items are already
    done (resume). With ``scheduler`` the work runs on that dask.distributed cluster."""
    summary = Summary(skipped=skip)
    started = time.perf_counter()
    iterator = iter(items)
    for _ in range(skip):
        if next(iterator, None) is None:
            break
    bar = _progress_bar(progress)
    pool = None
    if scheduler is not None:
        from .distributed import run_on_cluster
        lines: Iterator[tuple[str, dict]] = map(as_line, run_on_cluster(iterator, scheduler))
    elif workers <= 1:
        lines = (line for chunk in chunks(iterator, chunksize) for line in process_lines(chunk))
    else:
        pool = multiprocessing.get_context("spawn" if sys.platform == "win32" else "fork").Pool(workers)
        lines = (line for batch in pool.imap(process_lines, chunks(iterator, chunksize)) for line in batch)
    try:
        for line, tally in lines:
            summary.add(tally)
            out.write(line)
            out.flush()
            if bar is not None:
                bar.update(1)
    finally:
        if pool is not None:
            pool.close()
            pool.join()
        if bar is not None:
            bar.close()
    summary.seconds = time.perf_counter() - started
    return summary


def _progress_bar(enabled: bool):
    if not enabled:
        return None
    try:
        from tqdm import tqdm
    except ImportError:
        return None
    return tqdm(unit="article", file=sys.stderr, dynamic_ncols=True)


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


def write_parquet(jsonl_path: Path, parquet_path: Path) -> None:
    """Convert batch JSONL output to Parquet with the schema in :data:`PARQUET_SCHEMA_DOC`."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise InputError("missing_dependency", "Parquet output needs pyarrow: pip install 'newsfacts[parquet]'") from None
    schema = pa.schema([
        ("source", pa.string()),
        ("error_type", pa.string()),
        ("error_message", pa.string()),
        ("published", pa.string()),
        ("title", pa.string()),
        *[(f"n_{family}", pa.int32()) for family in FAMILIES],
        ("article_json", pa.string()),
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
article_json: string   the whole Article as JSON (model_dump(mode="json")), null on error
"""
