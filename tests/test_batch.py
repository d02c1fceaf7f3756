"""newsfacts batch: order, every bad input, stdin/stdout, JSONL and HTML inputs, resume."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsfacts.batch import completed_lines

from .conftest import CORPUS

ARTICLE = "Phone {i} launched\n\nThe phone {i} costs Rs {i},999 and sold {i} lakh units in 10 days.\n"


def newsfacts(*args, stdin: bytes | None = None, cwd=None):
    exe = Path(sys.executable).with_name("newsfacts")
    return subprocess.run([str(exe), *args], input=stdin, capture_output=True, cwd=cwd)


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
    (folder / "empty.txt").write_text("  \n", encoding="utf-8")
    (folder / "broken.txt").symlink_to(tmp_path / "nowhere.txt")
    huge = folder / "huge.txt"
    with huge.open("wb") as handle:
        handle.seek(20_000_001)
        handle.write(b"x")
    out = tmp_path / "out.jsonl"
    result = newsfacts("batch", str(folder), "--out", str(out), "--workers", "1")
    assert result.returncode == 1  # some inputs failed
    errors = {Path(r["source"]).name: r["error"]["type"] for r in lines(out) if "error" in r}
    assert errors == {"binary.txt": "binary", "latin1.txt": "not_utf8", "empty.txt": "empty",
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
    done_before = completed_lines(out)
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
    assert records[1]["error"] == {"type": "RuntimeError", "message": "this one"}
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
        result = newsfacts("batch", str(source), "--out", str(out), "--workers", workers)
        assert result.returncode == 0, result.stderr
        records = lines(out)
        text = json.loads(source.read_text(encoding="utf-8").splitlines()[0])["text"]
        for fact in records[0]["article"]["quotes"] + records[0]["article"]["prices"]:
            assert fact["span"]["text"] == text[fact["span"]["start"]:fact["span"]["end"]]
        assert "\udfff" in records[0]["article"]["quotes"][0]["span"]["text"]
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "facts.parquet"
    assert newsfacts("batch", str(source), "--format", "parquet", "--out", str(out)).returncode == 0
    table = pq.read_table(out)
    assert json.loads(table.column("article_json")[0].as_py())["quotes"][0]["span"]["text"] == "a great \udfff phone"
