"""The newsfacts command: extract, schema, eval; bad input is one line and exit code 2."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsfacts.cli import main
from newsfacts.models import article_json_schema

from .conftest import CORPUS

SAMPLE = sorted(CORPUS.glob("*.txt"))[0]


def run(*args, stdin: bytes | None = None):
    """Run the installed console script in a child process (as a user would)."""
    exe = Path(sys.executable).with_name("newsfacts")
    command = [str(exe)] if exe.exists() else [sys.executable, "-m", "newsfacts.cli"]
    return subprocess.run([*command, *args], input=stdin, capture_output=True,
                          env={**os.environ, "PYTHONWARNINGS": "ignore"})


def test_extract_file_prints_article_json():
    result = run("extract", str(SAMPLE))
    assert result.returncode == 0, result.stderr
    article = json.loads(result.stdout)
    assert article["schema_version"] == "1.0"
    assert set(article) >= {"published", "title", "sales", "prices", "money", "specs",
                            "quotes", "time_spans", "products"}
    assert result.stdout.count(b"\n") == 1  # one line by default


def test_extract_stdin_with_indent_and_published(capsys, monkeypatch):
    class Stdin:
        buffer = __import__("io").BytesIO("Phone launched\n\nIt sold.".encode())

    monkeypatch.setattr(sys, "stdin", Stdin)
    assert main(["extract", "-", "--indent", "2", "--published", "2019-04-10"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("{\n  ")
    article = json.loads(out)
    assert article["title"] == "Phone launched" and article["published"] == "2019-04-10"


@pytest.mark.parametrize("make_input, message", [
    (lambda tmp: [str(tmp / "missing.txt")], "no such file"),
    (lambda tmp: [str(tmp)], "is a directory"),
    (lambda tmp: [str(_write(tmp / "latin1.txt", "café Rs 500".encode("latin-1")))], "not UTF-8"),
])
def test_bad_input_is_one_line_and_exit_2(tmp_path, make_input, message):
    result = run("extract", *make_input(tmp_path))
    assert result.returncode == 2
    err = result.stderr.decode()
    assert err.count("\n") == 1 and message in err and "Traceback" not in err
    assert err.startswith("newsfacts: error: ")


def test_unreadable_file(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root reads every file")
    path = _write(tmp_path / "secret.txt", b"text")
    path.chmod(0)
    result = run("extract", str(path))
    assert result.returncode == 2 and b"cannot read" in result.stderr


def test_non_utf8_stdin():
    result = run("extract", "-", stdin=b"\xff\xfeRs 500")
    assert result.returncode == 2 and b"stdin: not UTF-8" in result.stderr


def test_bad_published_date_is_a_usage_error():
    result = run("extract", str(SAMPLE), "--published", "10/04/2019")
    assert result.returncode == 2 and b"YYYY-MM-DD" in result.stderr


def test_schema_command(capsys):
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out) == article_json_schema()


def test_eval_prints_table_and_json(capsys):
    assert main(["eval", str(CORPUS)]) == 0
    table = capsys.readouterr().out
    for family in ("sales", "prices", "money", "specs", "quotes", "time_spans", "micro F1"):
        assert family in table
    assert main(["eval", str(CORPUS), "--json", "--details"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["articles"] == len(list(CORPUS.glob("*.txt")))
    assert report["types"]["prices"]["gold"] > 0
    assert {"f1", "precision", "recall"} <= set(report["micro"]["correct_scores"])
    assert isinstance(report["errors"], list)


def test_eval_rejects_bad_gold(tmp_path):
    _write(tmp_path / "a.txt", b"Rs 500 only")
    _write(tmp_path / "a.json", json.dumps({"prices": [{"text": "Rs 600"}]}).encode())
    result = run("eval", str(tmp_path))
    assert result.returncode == 2
    assert b"'Rs 600'" in result.stderr and b"Traceback" not in result.stderr
    result = run("eval", str(tmp_path / "nowhere"))
    assert result.returncode == 2 and b"not a directory" in result.stderr


def test_help_teaches():
    result = run("--help")
    assert result.returncode == 0
    for word in (b"extract", b"schema", b"eval", b"Examples"):
        assert word in result.stdout


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("command", ["batch", "extract", "show", "eval", "schema"])
def test_every_help_is_wrapped(command, capsys):
    with pytest.raises(SystemExit):
        main([command, "--help"])
    page = capsys.readouterr().out
    assert max(map(len, page.splitlines())) <= 88, page


def test_batch_help_documents_errors_exit_codes_and_empty_input(capsys):
    from newsfacts.batch import ERROR_TYPES

    with pytest.raises(SystemExit):
        main(["batch", "--help"])
    page = " ".join(capsys.readouterr().out.split())
    for kind in ERROR_TYPES:
        assert f" {kind} " in page
    assert "empty or blank text is no error" in page and "Exit code: 0" in page
    assert "bad_date" in page and "YYYY-MM-DD" in page


@pytest.mark.parametrize("data", [b"", b"   \n\n\t", "\ufeff".encode()])
def test_empty_input_is_an_article_with_no_facts(tmp_path, capsys, data):
    from newsfacts import extract

    path = _write(tmp_path / "empty.txt", data)
    assert main(["extract", str(path)]) == 0
    assert json.loads(capsys.readouterr().out) == extract(data.decode()).model_dump(mode="json")
    with pytest.raises(SystemExit):
        main(["extract", "--help"])
    assert "empty or blank input is no error" in " ".join(capsys.readouterr().out.split())
