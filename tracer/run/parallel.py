"""Run a batch over worker processes, streaming outcomes as they complete, in input order by default.

Workers come from `concurrent.futures.ProcessPoolExecutor`. On Linux, when this process runs a
single thread, the model is loaded here once and the workers are forked from it: they start at
once and share the model's memory pages. Otherwise (other threads, which a fork would copy
mid-lock, or no fork at all) they are started through a fork server and each loads the model
(measured: about 4 s of imports and model load per worker on this 2-core machine, most of a
small batch's time).

At most `window` inputs are in flight or waiting to be written at any moment, so neither the
inputs (read lazily) nor the results (written as soon as their turn comes) pile up: memory stays
flat however long the batch.
"""

from __future__ import annotations

import logging
import multiprocessing
import multiprocessing.context
import os
import threading
from collections.abc import Generator, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool

from tracer.errors import TracerError
from tracer.parse.attribution.nlp import pipeline
from tracer.read.inputs import InputItem
from tracer.run.batch import Outcome
from tracer.run.worker import WorkerSettings, close_worker, freeze_heap, init_worker, run_item

LOGGER = logging.getLogger(__name__)

# Inputs in flight or waiting for their turn, per worker. Enough that one slow input (a page
# fetched under the rate limit) does not idle the others; small enough that the reorder
# buffer holds a few dozen results at most.
WINDOW_PER_JOB = 8


class WorkerCrashError(TracerError):
    """A worker process died (killed, out of memory): the batch cannot go on."""


def run_batch(
    items: Iterable[InputItem], settings: WorkerSettings, *, jobs: int = 1, ordered: bool = True
) -> Generator[Outcome]:
    """Trace every input, yielding outcomes as they complete (in input order unless `ordered` is false).

    With `jobs` = 1 the inputs are traced in this process; otherwise in `jobs` worker processes
    that each load the model once and share the per-host politeness and the HTTP cache.

    Raises:
        WorkerCrashError: A worker process died.
    """
    if jobs <= 1:
        return _run_here(items, settings)
    return _run_pool(items, settings.for_workers(), jobs, ordered)


def _run_here(items: Iterable[InputItem], settings: WorkerSettings) -> Generator[Outcome]:
    init_worker(settings, ignore_interrupt=False)
    try:
        for index, item in enumerate(items):
            yield run_item(index, item)
    finally:
        close_worker()


def _run_pool(items: Iterable[InputItem], settings: WorkerSettings, jobs: int, ordered: bool) -> Generator[Outcome]:
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # before any worker loads numpy
    context = _context()
    pool = ProcessPoolExecutor(jobs, mp_context=context, initializer=init_worker, initargs=(settings,))
    LOGGER.info("starting %d worker processes", jobs)
    finished = False
    try:
        yield from _stream(pool, iter(enumerate(items)), jobs * WINDOW_PER_JOB, ordered)
        finished = True
    except BrokenProcessPool as exc:
        raise WorkerCrashError(
            "a worker process died (out of memory, or killed); with -o FILE --resume a new run goes on from there"
        ) from exc
    finally:
        _shut_down(pool, finished)


def _context() -> multiprocessing.context.BaseContext:
    """Fork a warm, single-threaded parent; otherwise start workers from a fork server."""
    if "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1:
        pipeline()  # loaded once here; every forked worker has it already
        freeze_heap()
        return multiprocessing.get_context("fork")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["tracer.run.worker"])
    return context


def _stream(
    pool: ProcessPoolExecutor, source: Iterator[tuple[int, InputItem]], window: int, ordered: bool
) -> Generator[Outcome]:
    """Keep up to `window` inputs submitted or buffered; yield each outcome when its turn comes."""
    pending: set[Future[Outcome]] = set()
    ready: dict[int, Outcome] = {}
    turn = 0
    exhausted = False
    while True:
        while not exhausted and len(pending) + len(ready) < window:
            pair = next(source, None)
            if pair is None:
                exhausted = True
            else:
                pending.add(pool.submit(run_item, *pair))
        if not pending:
            return
        done, pending = wait(pending, return_when=FIRST_COMPLETED)
        for future in done:
            outcome = future.result()
            if ordered:
                ready[outcome.index] = outcome
            else:
                yield outcome
        while turn in ready:
            yield ready.pop(turn)
            turn += 1


def _shut_down(pool: ProcessPoolExecutor, finished: bool) -> None:
    """Stop the pool: wait for it after a complete run; otherwise (Ctrl-C, a crash) stop workers now."""
    if finished:
        pool.shutdown(wait=True)
        return
    processes = list((getattr(pool, "_processes", None) or {}).values())  # before shutdown forgets them
    terminate = getattr(pool, "terminate_workers", None)  # Python 3.14+
    pool.shutdown(wait=False, cancel_futures=True)
    if terminate is not None:
        terminate()
        return
    for process in processes:
        process.terminate()
