"""How the cost grows with the size of one input: attributions in a text, links in a page.

Both sizes of each pair are timed in the same run (the machine's speed drifts through a day),
and the ratio is what counts. Targets (issue 20): 10x the attributions cost at most 20x the
time, and 2x the links at most 3x; a quadratic step shows as 100x and 4x.

    python benchmarks/bench_scaling.py                       # 1,000 vs 10,000 attributions; 16k vs 32k links
    python benchmarks/bench_scaling.py --attributions 300 3000 --links 4000 8000
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tracer.parse.links import extract_links
from tracer.read.document import read_html, read_text
from tracer.trail.trace import trace_article

_NAMES = ["Smith", "Jones", "Brown", "Garcia", "Miller", "Davis", "Wilson", "Moore", "Taylor", "Clark"]


def attribution_text(count: int) -> str:
    """`count` "according to" sentences, one per line, naming a few recurring people."""
    return "\n".join(
        f"The bridge {i} will reopen on Monday, according to officer {_NAMES[i % 10]} of district {i}."
        for i in range(count)
    )


def link_page(count: int) -> bytes:
    """A page of `count` paragraphs, each citing one link."""
    body = "".join(
        f'<p>Officials said item {i} was ready, see <a href="https://example{i % 50}.com/story/{i}">the report</a>.</p>'
        for i in range(count)
    )
    return f"<html><body><article>{body}</article></body></html>".encode()


def time_attributions(count: int) -> float:
    """Seconds to read and trace a text of `count` attributions."""
    text = attribution_text(count)
    started = time.perf_counter()
    trace_article(read_text(text), input_label="bench")
    return time.perf_counter() - started


def time_links(count: int) -> float:
    """Seconds to read a page of `count` links and extract them."""
    page = link_page(count)
    started = time.perf_counter()
    extract_links(read_html(page))
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--attributions", type=int, nargs=2, default=[1_000, 10_000], metavar=("SMALL", "LARGE"))
    parser.add_argument("--links", type=int, nargs=2, default=[16_000, 32_000], metavar=("SMALL", "LARGE"))
    args = parser.parse_args()
    time_attributions(20)  # load the model outside the timings
    for label, timer, (small, large) in (
        ("attributions", time_attributions, args.attributions),
        ("links", time_links, args.links),
    ):
        first, second = timer(small), timer(large)
        print(f"{label}: {small:,} {first:.2f} s, {large:,} {second:.2f} s, ratio {second / first:.2f}x "
              f"for {large / small:.0f}x the size")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
