"""Following the trail: the test web traced at depth 3, cold (every page over HTTP) then from the cache.

Usage: python benchmarks/bench_trail.py [--delay SECONDS] [--depth N] [--rate SECONDS] [--repeat N]

The fictional web of tests/web/ is served on 127.0.0.1, one server per outlet, each response
held back by --delay (50 ms: a fast real site). The six trails (blog → post → newspaper →
wire → press release; newspaper → redirected report → dead page read from the archive;
newspaper → newspaper → council minutes, with a cycle; and issue 16's three: an embedded post
on a self-hosted instance → short link → newspaper → bulletin, a post whose link is only in its
oEmbed answer → newspaper → wire → health bulletin, a dead mirrored post read from the archive)
are traced with --archive, first with an empty cache and then again from it; the cold run is the
baseline for the cached one. The per-host politeness interval is --rate (0 by default, so the
figure is the tracer's own cost plus the network's; the default of the command line is 1 s).

The warm run reads every document, each trail's first one included, from the parsed-document
cache beside the HTTP cache (`tracer.trail.parsed`): no trafilatura, no spaCy. What is left is
the HTTP cache's own lookups (requests-cache; a page and its site's robots.txt, about 0.5 ms of
CPU each), opening the cache once per trail, and matching each claim against the passages of
the documents it leans on. The warm run is CPU-bound and the cold one mostly waits on the
network, so the ratio falls when other jobs share the cores: each warm run is compared with the
cold run just before it (same-run ratios), and their spread is printed.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.web.server import Web
from tests.web.tracing import ROOTS, trace


def _run(web: Web, cache: Path, depth: int, rate: float) -> tuple[float, int, int]:
    """Trace every trail; returns seconds, network requests, documents reached."""
    started = time.perf_counter()
    requests = documents = 0
    for root in ROOTS:
        result, made = trace(web, root, cache, depth=depth, archive=True, rate=rate)
        requests += made
        documents += len(result.documents)
    return time.perf_counter() - started, requests, documents


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--delay", type=float, default=0.05, help="seconds each response is held back (0.05)")
    parser.add_argument("--depth", type=int, default=3, help="trail depth (3)")
    parser.add_argument("--rate", type=float, default=0.0, help="per-host politeness interval in seconds (0)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each kind; the best is reported (3)")
    args = parser.parse_args()
    cold: list[tuple[float, int, int]] = []
    warm: list[tuple[float, int, int]] = []
    with Web(delay=args.delay) as web:
        _run(web, Path(tempfile.mkdtemp()), args.depth, args.rate)  # warm up imports and parsers
        for _ in range(args.repeat):
            cache = Path(tempfile.mkdtemp(prefix="bench-trail-"))
            cold.append(_run(web, cache, args.depth, args.rate))
            warm.append(_run(web, cache, args.depth, args.rate))
    best_cold, best_warm = min(cold), min(warm)
    ratios = sorted(c[0] / w[0] for c, w in zip(cold, warm, strict=True))
    print(f"{len(ROOTS)} trails, depth {args.depth}, {args.delay * 1000:.0f} ms per response, rate {args.rate} s/host")
    print(f"cold (network)   {best_cold[0]:6.2f} s   {best_cold[1]:3d} requests   {best_cold[2]} documents")
    print(f"warm (cache)     {best_warm[0]:6.2f} s   {best_warm[1]:3d} requests   {best_warm[2]} documents")
    print(f"ratio cold/warm, best of each: {best_cold[0] / best_warm[0]:.1f}x")
    # Each warm run against the cold run just before it: the machine's load drifts between runs.
    listed = ", ".join(f"{r:.1f}" for r in ratios)
    print(f"same-run ratios: {listed} (median {statistics.median(ratios):.1f}x, worst {ratios[0]:.1f}x)")


if __name__ == "__main__":
    main()
