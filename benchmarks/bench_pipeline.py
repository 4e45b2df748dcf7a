"""The whole pipeline's cost against trafilatura.extract's, in the same run, and where the time goes.

Usage::

    python benchmarks/bench_pipeline.py [CORPUS] [--repeat 3] [--stages] [--compare DIR] [--no-blas-default]

Each measurement is a whole process over the corpus pages (106 real pages by default), as a
user runs it, and reports its CPU time (user + system of the child) and wall time:

* ``trafilatura``: ``trafilatura.extract`` on every page — the anchor every ratio is against;
* ``tracer``: ``tracer trace CORPUS --offline --depth 0`` as shipped (one BLAS thread; the
  default ``--jobs``: one worker per core, each paying the imports and the model load);
* ``tracer, one process``: the same with ``--jobs 1``, the figure the issue's target is for
  (the CPU of one process doing all the work, start-up paid once);
* ``tracer start-up``: ``tracer trace`` on a one-sentence text: the imports and the model load
  every process pays before its first input;
* ``tracer, BLAS default``: the same with ``OPENBLAS_NUM_THREADS`` set to the core count, as the
  product ran before it set one thread itself.

``--compare DIR`` adds ``tracer, one process`` run from DIR (a checkout of another commit:
``git worktree add /tmp/main main``) to every round, for a same-run before/after;
``--no-blas-default`` leaves out the slow BLAS-default pass.

The machine's speed drifts up to 3x over a day, so only ratios within one run are compared; the
passes are interleaved and the median of --repeat kept. ``--stages`` also prints, from one
in-process pass set up as a worker is (model loaded, heap frozen), the CPU time of each stage
of the pipeline (read, posts, links, attribution parse, claims), by timing the stage functions.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpora" / "html"

_TRAFILATURA = """
import sys, pathlib, trafilatura
for page in sorted(pathlib.Path(sys.argv[1]).glob("*.html")):
    trafilatura.extract(page.read_bytes())
"""


def _child_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


Command = tuple[list[str], dict[str, str], Path]


def measure(command: list[str], env: dict[str, str], cwd: Path = ROOT) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of one whole process; `python -m tracer` runs the tracer of `cwd`."""
    before, start = _child_cpu(), time.perf_counter()
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=cwd)
    return _child_cpu() - before, time.perf_counter() - start


def commands(corpus: Path, cache: str, compare: Path | None = None, blas_default: bool = True) -> dict[str, Command]:
    """The processes to compare, with their environments and working folders."""
    base = {k: v for k, v in os.environ.items() if k not in {"OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"}}
    trace = [sys.executable, "-m", "tracer", "trace", str(corpus), "--offline", "--depth", "0", "-q"]
    trace += ["--cache-dir", cache]  # output to stdout, discarded (never -o on a device)
    tiny = Path(cache) / "one-sentence.txt"
    tiny.write_text("The mayor said the bridge would reopen.\n")
    start_up = [sys.executable, "-m", "tracer", "trace", str(tiny), "--offline", "--depth", "0", "-q"]
    todo = {
        "trafilatura": ([sys.executable, "-c", _TRAFILATURA, str(corpus)], base, ROOT),
        "tracer": (trace, base, ROOT),
        "tracer, one process": ([*trace, "--jobs", "1"], base, ROOT),
        "tracer start-up": ([*start_up, "--cache-dir", cache], base, ROOT),
    }
    if compare:
        todo["before: one process"] = ([*trace, "--jobs", "1"], base, compare.resolve())
    if blas_default:
        todo["tracer, BLAS default"] = (trace, {**base, "OPENBLAS_NUM_THREADS": str(os.cpu_count() or 1)}, ROOT)
    return todo


def run(
    corpus: Path, repeat: int, compare: Path | None = None, blas_default: bool = True
) -> dict[str, list[tuple[float, float]]]:
    """Interleaved passes of every command."""
    results: dict[str, list[tuple[float, float]]] = {}
    with tempfile.TemporaryDirectory() as cache:
        todo = commands(corpus, cache, compare, blas_default)
        for _ in range(repeat):
            for name, (command, env, cwd) in todo.items():
                results.setdefault(name, []).append(measure(command, env, cwd))
    return results


def report(results: dict[str, list[tuple[float, float]]]) -> None:
    """A table of median CPU and wall times and each one's ratio to trafilatura's CPU."""
    anchor = statistics.median(cpu for cpu, _ in results["trafilatura"])
    print(f"{'process':<24}{'CPU s':>8}{'wall s':>8}{'CPU / trafilatura':>20}   CPU s of every pass")
    for name, runs in results.items():
        cpu = statistics.median(c for c, _ in runs)
        wall = statistics.median(w for _, w in runs)
        passes = " ".join(f"{c:.1f}" for c, _ in runs)
        print(f"{name:<24}{cpu:8.1f}{wall:8.1f}{cpu / anchor:19.2f}x   {passes}")
    if "before: one process" in results:
        pairs = zip(results["tracer, one process"], results["before: one process"], strict=True)
        ratios = [now / before for (now, _), (before, _) in pairs]
        listed = " ".join(f"{r:.2f}" for r in ratios)
        print(f"one process, now / before in each round: median {statistics.median(ratios):.3f} ({listed})")


def stages(corpus: Path) -> None:
    """CPU seconds per stage over the corpus, from one in-process pass with timed stage functions."""
    import tracer.parse.article as article_stage
    import tracer.parse.attribution.find as find
    import tracer.read.document as document
    import tracer.read.inputs as inputs
    from tracer.parse.attribution.nlp import pipeline
    from tracer.read.inputs import expand_inputs, read_input
    from tracer.run.worker import freeze_heap

    spent: dict[str, float] = {}

    def timed(module: Any, name: str, label: str) -> None:
        real: Callable[..., Any] = getattr(module, name)

        def add(start: float) -> None:
            spent[label] = spent.get(label, 0.0) + time.process_time() - start

        def generator(result: Iterator[Any]) -> Iterator[Any]:
            while True:
                start = time.process_time()
                try:
                    item = next(result)
                except StopIteration:
                    add(start)
                    return
                add(start)
                yield item

        def wrapper(*args: Any, **kwargs: Any) -> Any:
            start = time.process_time()
            result = real(*args, **kwargs)
            add(start)
            return generator(result) if isinstance(result, Iterator) else result

        setattr(module, name, wrapper)

    timed(inputs, "read_html", "read (HTML, trafilatura, DOM walk, metadata)")
    timed(document, "_extract_xml", "read: trafilatura's extraction (the anchor's work)")
    timed(article_stage, "extract_posts", "posts")
    timed(article_stage, "extract_links", "links")
    timed(find, "parse", "attribution: spaCy parse of candidate sentences")
    timed(article_stage, "find_attributions", "attribution: scan, parse, rules, quotes")
    timed(article_stage, "build_claims", "claims (chains, sources, dates)")
    start = time.process_time()
    pipeline()  # as a worker does before its first input: the load is start-up, not the parse
    freeze_heap()
    loaded = time.process_time() - start
    start = time.process_time()
    for item in expand_inputs([str(corpus)]):
        article_stage.parse_article(read_input(item))
    total = time.process_time() - start
    print(f"\nstage CPU over the corpus (one process, {total:.1f} s in all; the model loaded before, {loaded:.2f} s):")
    for label, seconds in spent.items():
        print(f"  {label:<52}{seconds:6.2f} s {100 * seconds / total:5.1f}%")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", type=Path, default=CORPUS)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--stages", action="store_true", help="also print the time of each stage")
    parser.add_argument("--compare", type=Path, metavar="DIR", help="also time the tracer checked out in DIR")
    parser.add_argument("--no-blas-default", action="store_true", help="leave out the BLAS-default pass")
    args = parser.parse_args()
    load = os.getloadavg()[0]
    report(run(args.corpus, args.repeat, args.compare, not args.no_blas_default))
    print(f"load average {load:.1f} at the start, {os.getloadavg()[0]:.1f} at the end, {os.cpu_count()} cores")
    if args.stages:
        stages(args.corpus)


if __name__ == "__main__":
    main()
