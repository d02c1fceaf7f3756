"""Dask: a LocalCluster of two worker processes gives the same records as the local run."""

import subprocess
import sys
from pathlib import Path

import pytest

from .test_batch import lines, make_corpus

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
