"""newsfacts batch: order, every bad input, stdin/stdout, JSONL and HTML inputs, resume."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsfacts.batch import done_in, iter_inputs, process

from .conftest import CORPUS

ARTICLE = "Phone {i} launched\n\nThe phone {i} costs Rs {i},999 and sold {i} lakh units in 10 days.\n"


def newsfacts(*args, stdin: bytes | None = None, cwd=None):
    exe = Path(sys.executable).with_name("newsfacts")
    return subprocess.run([str(exe), *args], input=stdin, capture_output=True, cwd=cwd)


def batch_here(*args) -> tuple[int, bytes]:
    """``newsfacts batch ARGS`` run in this process (no start-up cost): exit code, stderr."""
    import contextlib
    import io

    from newsfacts.cli import main

    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        code = main(["batch", *map(str, args)])
    return code, err.getvalue().encode()


def lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def make_corpus(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(1, count + 1):
        path = folder / f"{i:04d}.txt"
        path.write_text(ARTICLE.format(i=i), encoding="utf-8")
        paths.append(path)
    return paths


def test_every_input_one_line_in_order_with_two_workers(tmp_path):
    paths = make_corpus(tmp_path / "in", 25)
    out = tmp_path / "out.jsonl"
    result = newsfacts("batch", str(tmp_path / "in"), "--out", str(out), "--workers", "2")
    assert result.returncode == 0, result.stderr
    records = lines(out)
    assert [r["source"] for r in records] == [str(p) for p in paths]
    assert [r["article"]["title"] for r in records] == [f"Phone {i} launched" for i in range(1, 26)]
    assert b"25 articles, 0 errors" in result.stderr


def test_bad_inputs_are_error_lines_and_the_run_goes_on(tmp_path):
    folder = tmp_path / "in"
    make_corpus(folder, 2)
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02 not text")
    (folder / "latin1.txt").write_bytes("café Rs 500".encode("latin-1"))
    (folder / "broken.txt").symlink_to(tmp_path / "nowhere.txt")
    huge = folder / "huge.txt"
    with huge.open("wb") as handle:
        handle.seek(20_000_001)
        handle.write(b"x")
    out = tmp_path / "out.jsonl"
    result = newsfacts("batch", str(folder), "--out", str(out), "--workers", "1")
    assert result.returncode == 1  # some inputs failed
    errors = {Path(r["source"]).name: r["error"]["type"] for r in lines(out) if "error" in r}
    assert errors == {"binary.txt": "binary", "latin1.txt": "not_utf8",
                      "broken.txt": "unreadable", "huge.txt": "too_large"}
    assert sum("article" in r for r in lines(out)) == 2


def test_unreadable_file(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root reads every file")
    path = tmp_path / "secret.txt"
    path.write_text("text", encoding="utf-8")
    path.chmod(0)
    out = tmp_path / "out.jsonl"
    newsfacts("batch", str(path), "--out", str(out))
    assert lines(out)[0]["error"]["type"] == "unreadable"


def test_jsonl_input_with_keys(tmp_path):
    source = tmp_path / "crawl.jsonl"
    rows = [{"url": "a", "body": "It sold 2 lakh units last month.", "date": "2019-04-10"},
            {"url": "b", "body": "No facts."}, {"url": "c"}]
    source.write_text("\n".join(json.dumps(r) for r in rows) + "\nnot json\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    newsfacts("batch", str(source), "--out", str(out), "--text-key", "body", "--id-key", "url",
              "--date-key", "date", "--workers", "1")
    records = lines(out)
    assert [r["source"] for r in records] == ["a", "b", f"{source}:3", f"{source}:4"]
    assert records[0]["article"]["published"] == "2019-04-10"
    assert records[0]["article"]["time_spans"][0]["start"] == "2019-03-01"
    assert [r["error"]["type"] for r in records[2:]] == ["no_text", "bad_json"]


def test_stdin_to_stdout():
    result = newsfacts("batch", "-", "--out", "-", stdin=ARTICLE.format(i=7).encode())
    [record] = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["source"] == "-" and record["article"]["title"] == "Phone 7 launched"
    jsonl = b'{"text": "one"}\n{"text": "two"}\n'
    result = newsfacts("batch", "-", "--out", "-", stdin=jsonl)
    assert len(result.stdout.splitlines()) == 2


def test_html_input(tmp_path):
    pytest.importorskip("trafilatura")
    page = tmp_path / "page.html"
    body = " ".join(["The new phone is priced at Rs 16,999 in India and sold 2 lakh units in 10 days."] * 5)
    page.write_text(f"<html><head><title>Phone launch</title></head><body><nav>Home | News</nav>"
                    f"<article><h1>Phone launch</h1><p>{body}</p></article>"
                    f"<footer>Follow us</footer></body></html>", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    newsfacts("batch", str(page), "--out", str(out))
    [record] = lines(out)
    assert record["article"]["prices"][0]["amount"] == 16999


def test_resume_after_a_kill(tmp_path):
    make_corpus(tmp_path / "in", 300)
    out = tmp_path / "out.jsonl"
    exe = Path(sys.executable).with_name("newsfacts")
    process = subprocess.Popen([str(exe), "batch", str(tmp_path / "in"), "--out", str(out), "--workers", "1"],
                               stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    while time.time() < deadline and (not out.exists() or out.read_text().count("\n") < 20):
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait()
    with out.open("a", encoding="utf-8") as handle:
        handle.write('{"source": "torn')  # a crash mid-line
    done_before = done_in(out).lines
    assert 20 <= done_before < 300
    result = newsfacts("batch", str(tmp_path / "in"), "--out", str(out), "--workers", "2", "--resume")
    assert result.returncode == 0, result.stderr
    records = lines(out)
    assert [r["source"] for r in records] == [str(p) for p in sorted((tmp_path / "in").glob("*.txt"))]
    assert b"already done" in result.stderr


def test_usage_errors_exit_2(tmp_path):
    assert newsfacts("batch", str(tmp_path / "missing"), "--out", "-").returncode == 2
    assert newsfacts("batch", str(CORPUS), "--out", "-", "--resume").returncode == 2
    bad = tmp_path / "bad.jsonl"
    bad.write_text("not json at all\n", encoding="utf-8")
    result = newsfacts("batch", str(CORPUS), "--out", str(bad), "--resume")
    assert result.returncode == 2 and b"cannot resume" in result.stderr


def test_parquet_output(tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    make_corpus(tmp_path / "in", 3)
    out = tmp_path / "facts.parquet"
    result = newsfacts("batch", str(tmp_path / "in"), "--format", "parquet", "--out", str(out), "--workers", "1")
    assert result.returncode == 0, result.stderr
    table = pq.read_table(out)
    assert table.num_rows == 3
    assert table.column("title").to_pylist() == ["Phone 1 launched", "Phone 2 launched", "Phone 3 launched"]
    assert json.loads(table.column("article_json")[0].as_py())["prices"][0]["amount"] == 1999


def test_a_batch_keeps_its_good_articles_when_one_fails(monkeypatch):
    """Items are extracted a batch at a time; if the batch fails, each is extracted alone and
    only the failing one becomes an error record."""
    from newsfacts import batch
    from newsfacts.batch import Item, process_many
    from newsfacts.extractor import Extractor

    extractor = batch._worker_extractor()
    real_batch = Extractor._extract_batch

    def fails_on_broken(self, texts, published):
        if any("broken" in text for text in texts):
            raise RuntimeError("this one")
        return real_batch(self, texts, published)

    monkeypatch.setattr(Extractor, "_extract_batch", fails_on_broken)
    items = [Item(source="a", text=ARTICLE.format(i=1)), Item(source="b", text="broken"),
             Item(source="c", text=ARTICLE.format(i=3)), Item(source="d", error=("too_large", "big"))]
    records = process_many(items)
    assert [r["source"] for r in records] == ["a", "b", "c", "d"]
    assert records[0]["article"]["title"] == "Phone 1 launched" and records[2]["article"]["title"] == "Phone 3 launched"
    assert records[1]["error"] == {"type": "internal", "message": "RuntimeError: this one"}
    assert records[3]["error"]["type"] == "too_large"
    assert extractor is batch._worker_extractor()


def test_process_many_equals_process_one_by_one():
    from newsfacts.batch import Item, process, process_many

    items = [Item(source=str(i), text=ARTICLE.format(i=i)) for i in range(5)] + [Item(source="x", text="")]
    assert process_many(items) == [process(item) for item in items]


def test_lone_surrogates_from_jsonl_escapes_are_written(tmp_path):
    """A JSON escape can give a lone surrogate, which UTF-8 cannot encode: the output line
    carries it as an escape again, on one worker or two, and Parquet stores it."""
    source = tmp_path / "crawl.jsonl"
    source.write_text('{"text": "Phone launched\\n\\nIt costs Rs 9,999 \\ud800 and \\"a great \\udfff phone\\" said Ravi Sen."}\n'
                      '{"text": "Rs 5 \\udbff"}\n', encoding="utf-8")
    for workers in ("1", "2"):
        out = tmp_path / f"out{workers}.jsonl"
        code, err = batch_here(source, "--out", out, "--workers", workers)
        assert code == 0, err
        records = lines(out)
        text = json.loads(source.read_text(encoding="utf-8").splitlines()[0])["text"]
        for fact in records[0]["article"]["quotes"] + records[0]["article"]["prices"]:
            assert fact["span"]["text"] == text[fact["span"]["start"]:fact["span"]["end"]]
        assert "\udfff" in records[0]["article"]["quotes"][0]["span"]["text"]
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "facts.parquet"
    assert batch_here(source, "--format", "parquet", "--out", out, "--workers", "1")[0] == 0
    table = pq.read_table(out)
    assert json.loads(table.column("article_json")[0].as_py())["quotes"][0]["span"]["text"] == "a great \udfff phone"


# --- JSONL of any size: the limit is per article -----------------------------------------

def test_a_jsonl_file_over_the_limit_is_streamed_and_the_limit_is_per_line(tmp_path):
    from newsfacts.batch import MAX_BYTES

    source = tmp_path / "crawl.jsonl"
    with source.open("w", encoding="utf-8") as handle:
        handle.write(json.dumps({"text": ARTICLE.format(i=1)}) + "\n")
        handle.write(json.dumps({"text": "x" * (MAX_BYTES + 10)}) + "\n")  # one article too large
        handle.write(json.dumps({"text": ARTICLE.format(i=3)}) + "\n")
    assert source.stat().st_size > MAX_BYTES
    out = tmp_path / "out.jsonl"
    assert batch_here(source, "--out", out, "--workers", "1")[0] == 1
    records = lines(out)
    assert [r["source"] for r in records] == [f"{source}:{n}" for n in (1, 2, 3)]
    assert records[0]["article"]["title"] == "Phone 1 launched"
    assert records[1]["error"]["type"] == "too_large" and "line 2" in records[1]["error"]["message"]
    assert records[2]["article"]["title"] == "Phone 3 launched"
    piped = newsfacts("batch", "-", "--out", "-", "--workers", "1", stdin=source.read_bytes())
    assert [json.loads(line)["source"] for line in piped.stdout.splitlines()] == ["-:1", "-:2", "-:3"]
    assert [json.loads(line).get("error") for line in piped.stdout.splitlines()] == [r.get("error") for r in records]


class FirstLine(Exception):
    """Raised by :func:`items_read_before_the_first_line`'s output on its first line."""


def items_read_before_the_first_line(count: int, **options) -> int:
    """How many of ``count`` items ``batch.run(**options)`` had read when it wrote its
    first line."""
    from newsfacts.batch import Item, run

    taken = []

    def items():
        for i in range(count):
            taken.append(i)
            yield Item(source=str(i), text=f"Story {i}\n\nRs {i}.")

    class Out:
        def write(self, line):
            raise FirstLine

        def flush(self):
            pass

    with pytest.raises(FirstLine):
        run(items(), Out(), **options)
    return len(taken)


@pytest.mark.parametrize("workers", [1, 2])
def test_inputs_are_read_as_the_lines_are_written(workers):
    """A stream of any length: the run reads a few batches ahead of what it writes."""
    assert items_read_before_the_first_line(100_000, workers=workers, chunksize=4) < 200


def test_jsonl_line_numbers_and_blank_lines(tmp_path):
    source = tmp_path / "crawl.jsonl"
    source.write_bytes(b'{"text": "one"}\r\n\n   \n{"text": "four"}\r{"text": "five"}\n{"text": "six"}')
    assert [item.source for item in iter_inputs([source])] == [f"{source}:{n}" for n in (1, 4, 5, 6)]


# --- empty input: an article with no facts, everywhere ---------------------------------------

def test_empty_input_is_an_article_with_no_facts_everywhere(tmp_path):
    from newsfacts import extract

    empty = extract("").model_dump(mode="json")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_empty.txt").write_bytes(b"")
    (folder / "b_blank.txt").write_text("  \n\t\n", encoding="utf-8")
    (folder / "c.jsonl").write_text('{"text": ""}\n{"text": "   "}\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert batch_here(folder, "--out", out, "--workers", "1")[0] == 0
    records = lines(out)
    assert len(records) == 4 and all("error" not in r for r in records)
    assert records[0]["article"] == empty
    assert all(r["article"]["title"] is None and not any(r["article"][f] for f in ("prices", "sales"))
               for r in records)
    piped = newsfacts("batch", "-", "--out", "-", stdin=b"")
    assert json.loads(piped.stdout)["article"] == empty and piped.returncode == 0


@pytest.mark.parametrize("value, expected", [
    ("2019-04-10", ("published", "2019-04-10")),
    ("2019-04-10T08:30:00+05:30", ("published", "2019-04-10")),
    ("2019-04-10 08:30", ("published", "2019-04-10")),
    (None, ("published", None)),
    ("10/04/2019", ("bad_date", "line 1: 'date' is '10/04/2019'")),
    ("2019-02-30", ("bad_date", "line 1: 'date' is '2019-02-30'")),
    (20190410, ("bad_date", "line 1: 'date' is 20190410")),
    (1554854400.0, ("bad_date", "line 1: 'date' is 1554854400.0")),
    (["2019-04-10"], ("bad_date", "line 1: 'date' is ['2019-04-10']")),
])
def test_date_key_values(tmp_path, value, expected):
    source = tmp_path / "crawl.jsonl"
    source.write_text(json.dumps({"text": "It sold 2 lakh units last month.", "date": value}) + "\n",
                      encoding="utf-8")
    [record] = [process(item) for item in iter_inputs([source], date_key="date")]
    if expected[0] == "published":
        assert record["article"]["published"] == expected[1]
    else:
        assert record["error"]["type"] == "bad_date"
        assert record["error"]["message"].startswith(expected[1])


# --- HTML: the text the spans index, and the page's charset ----------------------------------

HTML_BODY = " ".join(["The new phone is priced at Rs 16,999 in India and sold 2 lakh units in 10 days."] * 5)


def html_page(body: str, head: str = "") -> str:
    return (f"<html><head>{head}<title>Phone launch</title></head><body><nav>Home | News</nav>"
            f"<article><h1>Phone launch</h1><p>{body}</p></article><footer>Follow us</footer></body></html>")


def test_html_records_carry_the_text_their_spans_index(tmp_path):
    pytest.importorskip("trafilatura")
    page = tmp_path / "page.html"
    page.write_text(html_page(HTML_BODY), encoding="utf-8")
    [record] = [process(item) for item in iter_inputs([page])]
    text = record["text"]
    facts = [f for family in ("prices", "sales", "time_spans") for f in record["article"][family]]
    assert facts and all(f["span"]["text"] == text[f["span"]["start"]:f["span"]["end"]] for f in facts)
    txt = tmp_path / "article.txt"
    txt.write_text(ARTICLE.format(i=1), encoding="utf-8")
    assert "text" not in process(next(iter_inputs([txt])))  # a text input: the spans index the file itself


@pytest.mark.parametrize("head, encoding", [
    ('<meta charset="iso-8859-1">', "latin-1"),
    ('<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">', "cp1252"),
    ("<meta charset='ISO-8859-15'>", "iso-8859-15"),
    ("", "latin-1"),  # declares nothing and is no UTF-8: guessed
])
def test_html_in_the_charset_the_page_declares(tmp_path, head, encoding):
    pytest.importorskip("trafilatura")
    page = tmp_path / "page.html"
    body = HTML_BODY.replace("The new phone", "The café’s new phone" if encoding == "cp1252" else "The café's new phone")
    page.write_bytes(html_page(body, head).encode(encoding))
    [record] = [process(item) for item in iter_inputs([page])]
    assert "error" not in record, record
    assert "café" in record["text"] and record["article"]["prices"][0]["amount"] == 16999


# --- resume: by the sources written, and the exit code counts the earlier errors -------------

def test_resume_by_source_when_an_input_was_added_or_removed(tmp_path):
    folder = tmp_path / "in"
    make_corpus(folder, 6)
    out = tmp_path / "out.jsonl"
    assert batch_here(folder, "--out", out, "--workers", "1")[0] == 0
    kept = out.read_text(encoding="utf-8").splitlines(keepends=True)
    out.write_text("".join(kept[:4]), encoding="utf-8")  # as if killed after four articles
    (folder / "0000_new.txt").write_text(ARTICLE.format(i=99), encoding="utf-8")  # sorts first
    (folder / "0002.txt").unlink()  # done in the first run, not an input any more
    code, err = batch_here(folder, "--out", out, "--workers", "2", "--resume")
    assert code == 0, err
    sources = [Path(r["source"]).name for r in lines(out)]
    assert sources == ["0001.txt", "0002.txt", "0003.txt", "0004.txt", "0000_new.txt", "0005.txt", "0006.txt"]
    assert b"3 articles, 0 errors" in err
    assert b"resumed: 3 already done in OUT, 1 line there for inputs not given this time" in err


def test_resume_exit_code_counts_the_error_lines_already_written(tmp_path):
    folder = tmp_path / "in"
    make_corpus(folder, 2)
    (folder / "0000_binary.txt").write_bytes(b"\x00\x01 not text")
    out = tmp_path / "out.jsonl"
    assert batch_here(folder, "--out", out, "--workers", "1")[0] == 1
    code, err = batch_here(folder, "--out", out, "--workers", "1", "--resume")
    assert code == 1
    assert b"0 articles, 0 errors; resumed: 3 already done in OUT (1 error)" in err
    assert len(lines(out)) == 3


def test_one_of_each_is_singular(tmp_path):
    make_corpus(tmp_path / "in", 1)
    assert b"1 article, 0 errors" in batch_here(tmp_path / "in", "--out", tmp_path / "out.jsonl", "--workers", "1")[1]


# --- progress: a total, a percentage and the time left -----------------------------------------

def test_progress_bar_has_a_total_percentage_and_eta(tmp_path, monkeypatch):
    import io
    import threading

    from newsfacts.batch import count_articles, iter_inputs, run

    pytest.importorskip("tqdm")
    folder = tmp_path / "in"
    make_corpus(folder, 3)
    (folder / "crawl.jsonl").write_text("".join(json.dumps({"text": f"Story {i}"}) + "\n" for i in range(4)),
                                        encoding="utf-8")
    assert count_articles([folder]) == 7
    counted = threading.Event()

    def total():
        try:
            return count_articles([folder])
        finally:
            counted.set()

    class Slow(io.StringIO):  # the first line waits for the count, as a large corpus would not
        def write(self, line):
            counted.wait(10)
            return super().write(line)

    err = io.StringIO()
    monkeypatch.setattr(sys, "stderr", err)
    run(iter_inputs([folder]), Slow(), progress=True, total=total)
    bar = err.getvalue()
    assert "7/7" in bar and "100%" in bar and "<" in bar  # tqdm's "elapsed<remaining"
    assert count_articles(["-"]) is None


def test_parquet_without_pyarrow_fails_before_any_work(tmp_path, monkeypatch, capsys):
    from newsfacts.cli import main

    make_corpus(tmp_path / "in", 2)
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # import pyarrow -> ImportError
    out = tmp_path / "facts.parquet"
    assert main(["batch", str(tmp_path / "in"), "--format", "parquet", "--out", str(out), "--workers", "1"]) == 2
    assert "pyarrow" in capsys.readouterr().err
    assert not (tmp_path / "facts.parquet.jsonl").exists() and not out.exists()


def test_parquet_carries_the_text_of_html_inputs(tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    pytest.importorskip("trafilatura")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(ARTICLE.format(i=1), encoding="utf-8")
    (tmp_path / "in" / "b.html").write_text(html_page(HTML_BODY), encoding="utf-8")
    out = tmp_path / "facts.parquet"
    assert batch_here(tmp_path / "in", "--format", "parquet", "--out", out, "--workers", "1")[0] == 0
    texts = pq.read_table(out).column("text").to_pylist()
    assert texts[0] is None and "Rs 16,999" in texts[1]
