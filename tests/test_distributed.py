"""Dask: a LocalCluster of two worker processes gives the same records as the local run."""

import subprocess
import sys
from pathlib import Path

import pytest

from .test_batch import items_read_before_the_first_line, lines, make_corpus

distributed = pytest.importorskip("dask.distributed")


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None, host="127.0.0.1") as local:
        yield local


def test_extract_bag_equals_local_extraction(cluster, tmp_path):
    import dask.bag as db

    from newsfacts.batch import iter_inputs, process
    from newsfacts.distributed import extract_bag

    make_corpus(tmp_path / "in", 12)
    items = list(iter_inputs([tmp_path / "in"]))
    with distributed.Client(cluster) as client:
        records = extract_bag(db.from_sequence(items, npartitions=3)).compute(scheduler=client.get)
    assert records == [process(item) for item in items]


def test_batch_on_a_scheduler_equals_the_local_run(cluster, tmp_path):
    make_corpus(tmp_path / "in", 20)
    exe = str(Path(sys.executable).with_name("newsfacts"))
    local, remote = tmp_path / "local.jsonl", tmp_path / "remote.jsonl"
    subprocess.run([exe, "batch", str(tmp_path / "in"), "--out", str(local), "--workers", "1"], check=True,
                   capture_output=True)
    result = subprocess.run([exe, "batch", str(tmp_path / "in"), "--out", str(remote),
                             "--scheduler", cluster.scheduler_address], capture_output=True)
    assert result.returncode == 0, result.stderr
    assert lines(remote) == lines(local)
    assert len(lines(remote)) == 20


def test_relative_paths_work_on_a_cluster_started_elsewhere(cluster, tmp_path):
    """The workers run in another directory: paths leave the client absolute, and the
    output names the sources as typed."""
    make_corpus(tmp_path / "in", 3)
    exe = str(Path(sys.executable).with_name("newsfacts"))
    result = subprocess.run([exe, "batch", "in", "--out", "remote.jsonl", "--scheduler", cluster.scheduler_address],
                            capture_output=True, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    records = lines(tmp_path / "remote.jsonl")
    assert [r["source"] for r in records] == ["in/0001.txt", "in/0002.txt", "in/0003.txt"]
    assert all("article" in r for r in records)


def test_lines_are_written_as_the_cluster_makes_them(cluster):
    """Records stream back: the first line is written long before the input is all read."""
    with distributed.Client(cluster) as client:
        assert items_read_before_the_first_line(5_000, scheduler=client) < 1_000


@pytest.mark.parametrize("address, message", [
    ("tcp://127.0.0.1:1", b"cannot reach the Dask scheduler at tcp://127.0.0.1:1"),
    ("scheduler-host", b"is not a scheduler address like tcp://host:8786"),
    ("http://127.0.0.1:8786", b"is not a scheduler address like tcp://host:8786"),
    ("", b"no scheduler address given"),
])
def test_a_bad_scheduler_is_one_line_and_exit_2(tmp_path, capsys, address, message):
    import dask

    from newsfacts.cli import main

    make_corpus(tmp_path / "in", 2)
    out = tmp_path / "out.jsonl"
    out.write_text('{"source": "kept", "article": {}}\n', encoding="utf-8")
    with dask.config.set({"distributed.comm.timeouts.connect": "2s"}):
        code = main(["batch", str(tmp_path / "in"), "--out", str(out), "--scheduler", address])
    err = capsys.readouterr().err.encode()
    assert code == 2
    assert err.startswith(b"newsfacts: error: ") and message in err
    assert b"Traceback" not in err and err.count(b"\n") == 1
    assert out.read_text(encoding="utf-8") == '{"source": "kept", "article": {}}\n'  # untouched


def test_extract_bag_takes_str_as_text_and_path_as_file(cluster, tmp_path):
    import dask.bag as db

    from newsfacts.distributed import extract_bag

    article = tmp_path / "article.txt"
    article.write_text("Phone launched\n\nIt costs Rs 9,999.", encoding="utf-8")
    crawl = tmp_path / "crawl.jsonl"
    crawl.write_text('{"text": "One\\n\\nRs 5."}\n{"text": "Two\\n\\nRs 6."}\n', encoding="utf-8")
    elements = [str(article), article, crawl, "Three\n\nRs 7."]
    with distributed.Client(cluster) as client:
        records = extract_bag(db.from_sequence(elements, npartitions=2)).compute(scheduler=client.get)
    assert [r["source"] for r in records] == ["text", str(article), f"{crawl}:1", f"{crawl}:2", "text"]
    assert records[0]["article"]["title"] is None and records[0]["article"]["prices"] == []  # the name, as text
    assert [r["article"]["title"] for r in records[1:]] == ["Phone launched", "One", "Two", "Three"]


def test_a_cluster_failing_mid_run_keeps_the_lines_written(tmp_path, capsys, monkeypatch):
    """A worker lost for good: one line naming --resume, exit 2, the lines so far kept."""
    from newsfacts import distributed as nd
    from newsfacts.batch import process_many
    from newsfacts.cli import main

    class Future:
        def __init__(self, chunk, fails):
            self.chunk, self.fails = chunk, fails

        def result(self):
            if self.fails:
                raise OSError("worker tcp://10.0.0.7:4000 lost")
            return process_many(self.chunk)

    class FailingClient:
        submitted = 0

        def nthreads(self):
            return {"w": 1}

        def submit(self, function, chunk, pure=False):
            self.submitted += 1
            return Future(chunk, fails=self.submitted > 1)

        def close(self):
            pass

    monkeypatch.setattr(nd, "connect", lambda address: FailingClient())
    monkeypatch.setattr(nd, "PARTITION_SIZE", 2)
    make_corpus(tmp_path / "in", 5)
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(tmp_path / "in"), "--out", str(out), "--scheduler", "tcp://h:8786"]) == 2
    err = capsys.readouterr().err
    assert "the cluster failed: OSError: worker tcp://10.0.0.7:4000 lost" in err and "--resume" in err
    assert [Path(r["source"]).name for r in lines(out)] == ["0001.txt", "0002.txt"]
