"""Many machines: extract with Dask (the ``dask`` extra).

Each Dask worker process builds the pipeline once, the first time one of its partitions
runs, and keeps it. Records come back as plain JSON-ready dicts, exactly as ``newsfacts
batch`` writes them.

    from dask.distributed import Client
    import dask.bag as db
    from newsfacts.distributed import extract_bag

    client = Client("tcp://scheduler:8786")
    bag = db.from_sequence(paths, npartitions=64)       # paths or texts
    for record in extract_bag(bag).compute(): ...

``newsfacts batch --scheduler tcp://scheduler:8786 ...`` runs a batch job this way; the
output equals the local run's. See docs/batch-and-dask.md for running on a real cluster.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from .batch import BATCH_SIZE, Item, chunks, iter_inputs, process_many

#: Items per partition: coarse, so that each task's overhead is small next to its work.
PARTITION_SIZE = 64


def _require_dask():
    try:
        import dask.bag  # noqa: F401
    except ImportError:
        raise ImportError("newsfacts.distributed needs Dask: pip install 'newsfacts[dask]'") from None


def _to_item(element) -> Item:
    if isinstance(element, Item):
        return element
    if isinstance(element, Path):
        return next(iter_inputs([element]))
    if isinstance(element, str) and "\n" not in element and len(element) < 4096 and Path(element).is_file():
        return next(iter_inputs([element]))
    return Item(source="text", text=str(element))


def _process_partition(elements: Iterable) -> list[dict]:
    """A partition's records, its items extracted a batch at a time (see batch.process_many)."""
    return [record for chunk in chunks(map(_to_item, elements), BATCH_SIZE) for record in process_many(chunk)]


def extract_bag(bag):
    """A Dask bag of paths, texts or :class:`~newsfacts.batch.Item` -> a bag of records
    (``{"source", "article"}`` or ``{"source", "error"}``), in the same order."""
    _require_dask()
    return bag.map_partitions(_process_partition)


def run_on_cluster(items: Iterable[Item], scheduler: str, partition_size: int = PARTITION_SIZE) -> list[dict]:
    """Extract ``items`` on the dask.distributed cluster at ``scheduler``; records in order."""
    _require_dask()
    import dask.bag as db
    from dask.distributed import Client

    items = list(items)
    if not items:
        return []
    with Client(scheduler) as client:
        partitions = max(1, (len(items) + partition_size - 1) // partition_size)
        bag = db.from_sequence(items, npartitions=partitions)
        return extract_bag(bag).compute(scheduler=client.get)
