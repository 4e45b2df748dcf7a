"""Export speed and size: every `tracer export` format for a saved trace, against reading it back.

Usage: python benchmarks/bench_export.py TRACES.jsonl [--repeat N]

Make TRACES with `tracer trace ../shared/corpora/html --offline --depth 0 -o corpus.jsonl`.
The baseline is parsing the JSON Lines into the models (what every export starts with), timed in
the same run, so the ratios hold while the machine's absolute speed drifts. Sizes are of the
files `export_results` writes (CSV: the zip of every table) beside the JSON Lines they came from.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from tracer.export.formats import ExportFormat, export_results
from tracer.export.json_io import read_results


def _best(fn: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("traces", type=Path)
    parser.add_argument("--repeat", type=int, default=3, help="runs per format; the best is reported")
    args = parser.parse_args()
    results = read_results(str(args.traces))
    claims = sum(len(r.claims) for r in results)
    hops = sum(len(c.chain) for r in results for c in r.claims)
    size = args.traces.stat().st_size
    print(f"{len(results)} results, {claims} claims, {hops} hops; JSON Lines {size / 1e6:.1f} MB")
    print(f"best of {args.repeat}")
    base = _best(lambda: read_results(str(args.traces)), args.repeat)
    print(f"{'baseline: read the JSON Lines':<32} {base:6.2f} s")
    with tempfile.TemporaryDirectory() as folder:
        for fmt in ExportFormat:
            target = Path(folder) / f"out{fmt.suffix}"
            took = _best(lambda fmt=fmt, target=target: export_results(results, fmt, target), args.repeat)  # type: ignore[misc]
            written = target.stat().st_size
            ratios = f"{took / base:5.2f}x read   {written / 1e6:5.1f} MB  {written / size:4.2f}x"
            print(f"{fmt.value:<32} {took:6.2f} s  {ratios}")


if __name__ == "__main__":
    main()
