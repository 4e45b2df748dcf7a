"""Reading speed: tracer's HTML reader vs. trafilatura.extract alone, on the same real pages.

Usage: python benchmarks/bench_read.py [CORPUS_DIR] [--repeat N] [--against CHECKOUT ...]

Our reader runs trafilatura to find the body and then rebuilds the text from the DOM (to keep
link and embed offsets) and reads metadata, so the baseline is the floor it cannot beat; the
ratio shows what the offset-keeping costs.

This shared machine's speed drifts up to 3x within minutes, so the two pipelines are timed page
by page, one right after the other, and each page keeps its fastest of --repeat rounds; the
totals are sums of those minima. ``--against`` adds another checkout of tracer (a git worktree
at an older commit, say) read in its own process with that checkout first on the path; every
process is asked for the same page in turn, so old and new share one run and one load.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

DEFAULT_CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "html"


def time_page(page: bytes) -> tuple[float, float]:
    """Seconds for trafilatura.extract then for read_html on one page, back to back."""
    import trafilatura

    from tracer.read.document import read_html

    start = time.perf_counter()
    trafilatura.extract(page, output_format="xml")
    middle = time.perf_counter()
    read_html(page)
    return middle - start, time.perf_counter() - middle


def serve(corpus: Path) -> None:
    """Child mode: answer each page number read from stdin with its two timings."""
    pages = [p.read_bytes() for p in sorted(corpus.glob("*.html"))]
    time_page(pages[0])  # imports and first-call caches are not reading
    import tracer

    print("ready", Path(tracer.__file__).parents[1], flush=True)  # which checkout this process reads with
    for line in sys.stdin:
        base, ours = time_page(pages[int(line)])
        print(f"{base} {ours}", flush=True)


def _worker(corpus: Path, checkout: Path | None) -> subprocess.Popen[str]:
    env = dict(os.environ, OPENBLAS_NUM_THREADS="1")
    if checkout is not None:
        env["PYTHONPATH"] = os.pathsep.join([str(checkout.resolve()), env.get("PYTHONPATH", "")])
    command = [sys.executable, __file__, str(corpus), "--serve"]
    child = subprocess.Popen(command, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    ready, root = child.stdout.readline().split(maxsplit=1)
    assert ready == "ready" and (checkout is None or Path(root.strip()) == checkout.resolve()), root
    return child


def _ask(child: subprocess.Popen[str], index: int) -> tuple[float, float]:
    assert child.stdin is not None and child.stdout is not None
    child.stdin.write(f"{index}\n")
    child.stdin.flush()
    base, ours = child.stdout.readline().split()
    return float(base), float(ours)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=3, help="rounds; each page keeps its fastest")
    parser.add_argument("--against", type=Path, action="append", default=[], help="another tracer checkout")
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        return serve(args.corpus)
    names = sorted(args.corpus.glob("*.html"))
    print(f"{len(names)} pages, {sum(p.stat().st_size for p in names) / 1e6:.1f} MB, best of {args.repeat} per page")
    labels = ["this checkout", *(str(c) for c in args.against)]
    workers = [_worker(args.corpus, None), *(_worker(args.corpus, c) for c in args.against)]
    best = [[(float("inf"), float("inf"))] * len(names) for _ in workers]
    for round_ in range(args.repeat):
        for index in range(len(names)):
            order = range(len(workers)) if (round_ + index) % 2 == 0 else reversed(range(len(workers)))
            for w in order:
                base, ours = _ask(workers[w], index)
                old = best[w][index]
                best[w][index] = (min(old[0], base), min(old[1], ours))
    for label, times in zip(labels, best, strict=True):
        base, ours = sum(t[0] for t in times), sum(t[1] for t in times)
        print(f"{label}:")
        print(f"  baseline trafilatura.extract        {base:6.2f} s   {len(names) / base:6.1f} pages/s")
        print(f"  tracer read_html (text+offsets+meta) {ours:6.2f} s   {len(names) / ours:6.1f} pages/s")
        print(f"  ratio tracer/baseline: {ours / base:.2f}x")
    for child in workers:
        assert child.stdin is not None
        child.stdin.close()
        child.wait()


if __name__ == "__main__":
    main()
