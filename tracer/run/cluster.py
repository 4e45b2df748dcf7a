"""Run a batch on a Dask cluster: a `dask.bag` over the inputs, one chunk at a time.

The inputs are read lazily here and sent in chunks, so a 40,000-input run never builds one
40,000-task graph nor holds all the pages; each chunk's outcomes come back in input order and
are written before the next chunk is sent. Each Dask worker sets itself up on its first task
(the model, a fetcher) with the same code the local pool uses (`tracer.run.worker`), so the
output is the same, line for line, as a local run given the same cache.

Politeness across a cluster: the workers of one machine share the per-host limits through the
cache folder; workers on different machines share them only if that folder is on a file system
with working locks — otherwise give each machine its own share of `--rate`.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Generator, Iterable
from typing import Any

from tracer.errors import TracerError
from tracer.read.inputs import InputItem
from tracer.run.batch import Outcome
from tracer.run.worker import WorkerSettings, run_pair

LOGGER = logging.getLogger(__name__)

# Inputs sent per chunk for each worker thread: enough to keep every thread busy while the
# slowest input of the chunk finishes, few enough that a chunk's pages fit in memory.
CHUNK_PER_THREAD = 16


class ClusterError(TracerError):
    """The Dask scheduler cannot be reached, or Dask is not installed."""


def run_on_dask(items: Iterable[InputItem], settings: WorkerSettings, address: str) -> Generator[Outcome]:
    """Trace every input on the Dask cluster at `address`, yielding outcomes in input order.

    Raises:
        ClusterError: Dask is missing, or the scheduler does not answer.
    """
    client = _connect(address)
    try:
        threads = max(1, sum(client.nthreads().values()))
        LOGGER.info("dask cluster at %s: %d worker threads", address, threads)
        shared = settings.for_workers()
        pairs = enumerate(items)
        while chunk := list(itertools.islice(pairs, threads * CHUNK_PER_THREAD)):
            yield from _run_chunk(chunk, shared, threads, client)
    finally:
        client.close()


def _connect(address: str) -> Any:
    try:
        from distributed import Client
    except ImportError as exc:
        raise ClusterError("--scheduler needs Dask: pip install 'provenance-tracer[cluster]'") from exc
    try:
        return Client(address, timeout="10s")  # type: ignore[no-untyped-call]
    except (OSError, TimeoutError) as exc:
        raise ClusterError(f"cannot reach the Dask scheduler at {address}: {exc}") from exc


def _run_chunk(
    chunk: list[tuple[int, InputItem]], settings: WorkerSettings, threads: int, client: Any
) -> list[Outcome]:
    import dask.bag as db

    bag = db.from_sequence(chunk, npartitions=min(len(chunk), threads * 2))  # type: ignore[no-untyped-call]
    outcomes: list[Outcome] = bag.map(run_pair, settings).compute(scheduler=client)
    return outcomes
