"""Many machines: extract with Dask (the ``dask`` extra).

Each Dask worker process builds the pipeline once, the first time one of its partitions
runs, and keeps it. Records come back as plain JSON-ready dicts, exactly as ``newsfacts
batch`` writes them.

    from pathlib import Path
    from dask.distributed import Client
    import dask.bag as db
    from newsfacts.distributed import extract_bag

    client = Client("tcp://scheduler:8786")
    bag = db.from_sequence(texts, npartitions=64)       # str: texts; Path: files
    for record in extract_bag(bag).compute(): ...

A ``str`` is always a text, never a file name: give files as :class:`pathlib.Path` (absolute,
or relative to where the workers run). ``newsfacts batch --scheduler tcp://scheduler:8786 ...``
runs a batch job this way (:func:`run_on_cluster`); the output equals the local run's. See
docs/batch-and-dask.md for running on a real cluster.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from .batch import BATCH_SIZE, Item, chunks, process_many
from .inputs import iter_inputs

#: Items per task: coarse, so that each task's overhead is small next to its work.
PARTITION_SIZE = 64
#: Tasks submitted ahead of the one being written, per worker thread of the cluster.
TASKS_AHEAD = 2


class ClusterError(Exception):
    """The cluster cannot be reached, or failed during the run; the message is one line."""


def _require_dask():
    try:
        import dask.bag  # noqa: F401
        import distributed  # noqa: F401
    except ImportError:
        raise ImportError("newsfacts.distributed needs Dask: pip install 'newsfacts[dask]'") from None


def _items(element) -> Iterator[Item]:
    """The articles of one bag element: an Item, a Path (a JSONL file holds many), or a
    text."""
    if isinstance(element, Item):
        yield element
    elif isinstance(element, Path):
        yield from iter_inputs([element])
    else:
        yield Item(source="text", text=str(element))


def _process_partition(elements: Iterable) -> list[dict]:
    """A partition's records, its items extracted a batch at a time (see batch.process_many)."""
    items = (item for element in elements for item in _items(element))
    return [record for chunk in chunks(items, BATCH_SIZE) for record in process_many(chunk)]


def extract_bag(bag):
    """A Dask bag of texts (``str``), files (:class:`~pathlib.Path`) or
    :class:`~newsfacts.batch.Item` -> a bag of records (``{"source", "article"}`` or
    ``{"source", "error"}``), in the same order: one per text, Item or text file, one per
    article of a JSONL file."""
    _require_dask()
    return bag.map_partitions(_process_partition)


def connect(scheduler: str):
    """A ``dask.distributed.Client`` of the scheduler at ``scheduler`` (tcp://host:8786).
    :class:`ClusterError` when the address is malformed or nothing answers there (after
    Dask's connect timeout, ``distributed.comm.timeouts.connect``: 30 s by default)."""
    _require_dask()
    from dask.distributed import Client

    if not scheduler.strip():
        raise ClusterError("no scheduler address given (expected tcp://host:8786)")
    try:
        return Client(scheduler)
    except (ValueError, TypeError) as error:
        raise ClusterError(f"{scheduler!r} is not a scheduler address like tcp://host:8786 ({error})") from None
    except (OSError, TimeoutError) as error:
        raise ClusterError(f"cannot reach the Dask scheduler at {scheduler}: {error}") from None


def run_on_cluster(items: Iterable[Item], scheduler, partition_size: int | None = None) -> Iterator[dict]:
    """Extract ``items`` on the cluster at ``scheduler`` (an address, or a connected
    Client); the records, in order, as each task finishes.

    Items go out ``partition_size`` (default :data:`PARTITION_SIZE`) to a task, a couple of tasks per worker thread ahead of
    the one being yielded, so records stream back while the rest runs and the input is
    never held in memory whole. Paths are made absolute here, on the submitting machine:
    the workers run elsewhere. :class:`ClusterError` if the cluster fails.
    """
    _require_dask()
    client = connect(scheduler) if isinstance(scheduler, str) else scheduler
    try:
        ahead = max(2, TASKS_AHEAD * sum(client.nthreads().values()))
        pending: deque = deque()
        for chunk in chunks(map(_absolute, items), partition_size or PARTITION_SIZE):
            pending.append(client.submit(_process_partition, chunk, pure=False))
            while len(pending) >= ahead:
                yield from _result(pending.popleft())
        while pending:
            yield from _result(pending.popleft())
    finally:
        if client is not scheduler:
            client.close()


def _absolute(item: Item) -> Item:
    """The item with its path made absolute (its source, what the output shows, unchanged)."""
    if item.path is None or os.path.isabs(item.path):
        return item
    return replace(item, path=os.path.abspath(item.path))


def _result(future) -> list[dict]:
    try:
        return future.result()
    except Exception as error:  # noqa: BLE001 - process_many never raises: the cluster failed
        raise ClusterError(f"the cluster failed: {type(error).__name__}: {error}") from error
