"""Reading speed: tracer's HTML reader vs. trafilatura.extract alone, on the same real pages.

Usage: python benchmarks/bench_read.py [CORPUS_DIR] [--repeat N]

Our reader runs trafilatura to find the body and then rebuilds the text from the DOM (to keep
link and embed offsets) and reads metadata, so the baseline is the floor it cannot beat; the
ratio shows what the offset-keeping costs.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import trafilatura

from tracer.read.document import read_html

DEFAULT_CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "html"


def _time(label: str, pages: list[bytes], fn, repeat: int) -> float:  # type: ignore[no-untyped-def]
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for page in pages:
            fn(page)
        best = min(best, time.perf_counter() - start)
    print(f"{label:<34} {best:7.2f} s   {len(pages) / best:6.1f} pages/s")
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=3, help="runs per pipeline; the best is reported")
    args = parser.parse_args()
    pages = [p.read_bytes() for p in sorted(args.corpus.glob("*.html"))]
    print(f"{len(pages)} pages, {sum(map(len, pages)) / 1e6:.1f} MB, best of {args.repeat}")
    base = _time(
        "baseline trafilatura.extract", pages, lambda p: trafilatura.extract(p, output_format="xml"), args.repeat
    )
    ours = _time("tracer read_html (text+offsets+meta)", pages, read_html, args.repeat)
    print(f"ratio tracer/baseline: {ours / base:.2f}x")


if __name__ == "__main__":
    main()
