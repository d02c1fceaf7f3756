"""The articles of ``newsfacts batch``'s inputs: files, directories, JSONL streams, stdin, HTML.

An input is a file, a directory (walked recursively, in sorted order, for ``*.txt``, ``*.md``,
``*.html``/``*.htm`` and ``*.jsonl``) or ``-`` for stdin (JSONL when its first non-blank line
is a JSON object, else one article's text). A JSONL input holds one article per line and is
read as a stream, a line at a time, whatever its size: the size limit (:data:`MAX_BYTES`)
holds per article — per file, per JSONL line, per stdin text.

Every article becomes an :class:`Item`; one that cannot be read is an Item with its
``error`` (type, message) already set, so that it still gets its line in the output.
An empty or blank text is no error: it is an article with no facts, as ``extract("")`` says.

>>> items = list(iter_inputs([Path("corpus/001_samsung_galaxy_m37_launch.txt")]))
>>> items[0].source
'corpus/001_samsung_galaxy_m37_launch.txt'
"""

from __future__ import annotations

import codecs
import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from itertools import chain
from pathlib import Path
from typing import IO

TEXT_SUFFIXES = {".txt", ".md"}
HTML_SUFFIXES = {".html", ".htm"}
JSONL_SUFFIXES = {".jsonl"}
MAX_BYTES = 20_000_000  # per article: a larger file, JSONL line or stdin text is reported, not extracted
BINARY_SAMPLE = 4096
_SKIP_CHUNK = 1 << 20  # the rest of a JSONL line over MAX_BYTES is read past this much at a time


@dataclass
class Item:
    """One article to extract: where it comes from and how to get its text."""

    source: str
    path: str | None = None  # read by the worker
    text: str | None = None  # already in hand (JSONL, stdin)
    published: str | None = None  # YYYY-MM-DD
    kind: str = "text"  # text | html
    error: tuple[str, str] | None = None  # known before extraction


class InputError(Exception):
    """An article that cannot be read; ``kind`` is its error type in the output."""

    def __init__(self, kind: str, message: str):
        super().__init__(message)
        self.kind = kind


def iter_inputs(inputs: Iterable[Path | str], text_key: str = "text", id_key: str | None = None,
                date_key: str | None = None, stdin: IO[bytes] | None = None) -> Iterator[Item]:
    """Every article of the inputs, in a deterministic order, read lazily."""
    for entry in inputs:
        if str(entry) == "-":
            yield from _stdin_items(stdin or sys.stdin.buffer, text_key, id_key, date_key)
            continue
        for path in input_files(Path(entry)):
            yield from _file_items(path, text_key, id_key, date_key)


def input_files(path: Path) -> Iterator[Path]:
    """``path`` itself, or the article files under a directory, in sorted order."""
    if not path.is_dir():
        yield path
        return
    for child in sorted(p for p in path.rglob("*") if p.is_file() or p.is_symlink()):
        if child.suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES:
            yield child


def count_articles(inputs: Iterable[Path | str]) -> int | None:
    """About how many articles the inputs hold (a JSONL file: its lines), for a progress
    bar's total; None when stdin is among them (it can be read only once).

    >>> count_articles(["corpus"]) == len(list(Path("corpus").glob("*.txt")))
    True
    """
    inputs = list(inputs)
    if any(str(entry) == "-" for entry in inputs):
        return None
    total = 0
    for entry in inputs:
        for path in input_files(Path(entry)):
            total += _count_lines(path) if path.suffix.lower() in JSONL_SUFFIXES else 1
    return total


def _count_lines(path: Path) -> int:
    """The lines of a file (a last one without a newline counts), or 1 if it is unreadable."""
    try:
        with path.open("rb") as handle:
            lines, last = 0, b"\n"
            while block := handle.read(_SKIP_CHUNK):
                lines, last = lines + block.count(b"\n"), block[-1:]
            return lines + (last != b"\n")
    except OSError:
        return 1


def _file_items(path: Path, text_key: str, id_key: str | None, date_key: str | None) -> Iterator[Item]:
    source = str(path)
    if path.suffix.lower() not in JSONL_SUFFIXES:
        yield Item(source, path=source, kind="html" if path.suffix.lower() in HTML_SUFFIXES else "text")
        return
    try:
        handle = _open(path)
    except InputError as error:
        yield Item(source, error=(error.kind, str(error)))
        return
    with handle:
        yield from _jsonl_items(_lines(handle), source, text_key, id_key, date_key)


def _stdin_items(stream: IO[bytes], text_key: str, id_key: str | None, date_key: str | None) -> Iterator[Item]:
    """stdin is JSONL when its first non-blank line is a JSON object, else one article's text."""
    lines = _lines(stream)
    head: list[bytes | None] = []
    for line in lines:
        head.append(line)
        if line is None or line.strip():
            break
    if head and head[-1] is not None and head[-1].lstrip().startswith(b"{"):
        yield from _jsonl_items(chain(head, lines), "-", text_key, id_key, date_key)
        return
    try:
        if None in head:
            raise InputError("too_large", f"-: more than the {MAX_BYTES:,} bytes allowed")
        data = b"".join(head)  # type: ignore[arg-type]
        data += stream.read(MAX_BYTES + 1 - len(data))
        if len(data) > MAX_BYTES:
            raise InputError("too_large", f"-: more than the {MAX_BYTES:,} bytes allowed")
        yield Item("-", text=decode_text(data, "-"))
    except InputError as error:
        yield Item("-", error=(error.kind, str(error)))


def _lines(stream: IO[bytes]) -> Iterator[bytes | None]:
    """The lines of a byte stream, one read at a time; None for a line over MAX_BYTES (its
    bytes are read past, not kept)."""
    while line := stream.readline(MAX_BYTES + 1):
        if len(line) > MAX_BYTES and not line.endswith(b"\n"):
            while (rest := stream.readline(_SKIP_CHUNK)) and not rest.endswith(b"\n"):
                pass
            yield None
        else:
            yield line


def _jsonl_items(lines: Iterable[bytes | None], source: str, text_key: str, id_key: str | None,
                 date_key: str | None) -> Iterator[Item]:
    """One Item per non-blank line; line numbers count as ``bytes.splitlines`` does."""
    number = 0
    for raw in lines:
        for line in [None] if raw is None else raw.splitlines() or [b""]:
            number += 1
            where = f"{source}:{number}"
            if line is None:
                yield Item(where, error=("too_large", f"line {number}: more than the {MAX_BYTES:,} bytes allowed"))
                continue
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except (json.JSONDecodeError, UnicodeDecodeError) as error:
                yield Item(where, error=("bad_json", f"line {number} is not JSON: {error}"))
                continue
            if not isinstance(record, dict) or not isinstance(record.get(text_key), str):
                yield Item(where, error=("no_text", f"line {number} has no string field {text_key!r}"))
                continue
            name = str(record[id_key]) if id_key and record.get(id_key) is not None else where
            try:
                published = _published(record, date_key, number)
            except InputError as error:
                yield Item(name, error=(error.kind, str(error)))
                continue
            yield Item(name, text=record[text_key], published=published)


_ISO_DAY = re.compile(r"\s*(\d{4}-\d{2}-\d{2})(?:[T ]|\s*$)")


def _published(record: dict, date_key: str | None, number: int) -> str | None:
    """The ``--date-key`` field as YYYY-MM-DD (a time after it is ignored); None when the
    field is absent or null.

    >>> _published({"d": "2019-04-10T08:15:00Z"}, "d", 1)
    '2019-04-10'
    >>> _published({"d": 20190410}, "d", 7)
    Traceback (most recent call last):
    newsfacts.inputs.InputError: line 7: 'd' is 20190410, not a date as YYYY-MM-DD
    """
    value = record.get(date_key) if date_key else None
    if value is None:
        return None
    day = iso_day(value) if isinstance(value, str) else None
    if day is None:
        raise InputError("bad_date", f"line {number}: {date_key!r} is {value!r:.80}, not a date as YYYY-MM-DD")
    return day


def iso_day(value: str) -> str | None:
    """``value``'s date as YYYY-MM-DD when it starts with a valid one, else None."""
    match = _ISO_DAY.match(value)
    if match is None:
        return None
    try:
        return date.fromisoformat(match.group(1)).isoformat()
    except ValueError:
        return None


def _open(path: Path) -> IO[bytes]:
    try:
        if path.is_symlink() and not path.exists():
            raise InputError("unreadable", f"{path}: broken symbolic link")
        return path.open("rb")
    except OSError as error:
        raise _unreadable(path, error) from None


def read_bytes(path: Path) -> bytes:
    """A file's bytes; InputError when it is unreadable or over MAX_BYTES."""
    with _open(path) as handle:
        try:
            data = handle.read(MAX_BYTES + 1)
        except OSError as error:
            raise _unreadable(path, error) from None
    if len(data) > MAX_BYTES:
        raise InputError("too_large", f"{path}: more than the {MAX_BYTES:,} bytes allowed")
    return data


def _unreadable(path: Path, error: OSError) -> InputError:
    if isinstance(error, FileNotFoundError):
        return InputError("unreadable", f"{path}: no such file")
    if isinstance(error, IsADirectoryError):
        return InputError("unreadable", f"{path}: is a directory")
    return InputError("unreadable", f"{path}: {error.strerror or error}")


def decode_text(data: bytes, source: str) -> str:
    """A text file's bytes as UTF-8 text (as ``newsfacts extract`` reads it: a byte order
    mark stays, so that offsets count every character of the file)."""
    if b"\x00" in data[:BINARY_SAMPLE]:
        raise InputError("binary", f"{source}: binary data, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InputError("not_utf8", f"{source}: not UTF-8 (invalid byte at offset {error.start})") from None


# --- HTML ---------------------------------------------------------------------------------

#: A charset declared in the page: <meta charset="..."> or <meta http-equiv="Content-Type"
#: content="text/html; charset=...">, looked for where the HTML standard's prescan looks.
_DECLARED_CHARSET = re.compile(rb"<meta\b[^>]*?\bcharset\s*=\s*[\"']?\s*([A-Za-z0-9._:-]+)", re.IGNORECASE)
_PRESCAN_BYTES = 1024 * 4
#: Labels whose codec browsers replace (the WHATWG Encoding standard): a page labelled
#: ISO-8859-1 or ASCII is decoded as windows-1252, as every browser does.
_BROWSER_CODECS = {"iso-8859-1": "cp1252", "iso8859-1": "cp1252", "latin1": "cp1252",
                   "latin-1": "cp1252", "us-ascii": "cp1252", "ascii": "cp1252", "l1": "cp1252"}


def decode_html(data: bytes, source: str) -> str:
    """An HTML page's bytes as text: by its byte order mark, else the charset it declares,
    else UTF-8, else the encoding charset-normalizer (trafilatura's dependency) finds.

    >>> decode_html('<meta charset="iso-8859-1"><p>Café'.encode("latin-1"), "page.html")[-5:]
    '>Café'
    """
    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                       (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(codec, errors="replace")
    if b"\x00" in data[:BINARY_SAMPLE]:
        raise InputError("binary", f"{source}: binary data, not HTML")
    declared = _DECLARED_CHARSET.search(data[:_PRESCAN_BYTES])
    if declared is not None:
        label = declared.group(1).decode("ascii").lower()
        try:
            return data.decode(_BROWSER_CODECS.get(label, label))
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration: guess
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        from charset_normalizer import from_bytes
    except ImportError:
        raise InputError("not_utf8", f"{source}: not UTF-8 and declares no charset") from None
    best = from_bytes(data).best()
    if best is None:
        raise InputError("not_utf8", f"{source}: not UTF-8, declares no charset, and no encoding fits")
    return str(best)


def html_to_text(html: str) -> str:
    """The article text of an HTML page (needs the ``html`` extra: trafilatura). The facts'
    offsets index this text, which ``newsfacts batch`` writes out beside the article."""
    try:
        import trafilatura
    except ImportError:
        raise InputError("missing_dependency", "HTML input needs trafilatura: pip install 'newsfacts[html]'") from None
    text = trafilatura.extract(html, include_comments=False, include_tables=True, favor_recall=True)
    if not text or not text.strip():
        raise InputError("no_text", "no article text found in the HTML")
    return text
