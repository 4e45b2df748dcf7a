"""Time per megabyte of text, from 100 KB to 5 MB, at the default depth, offline: it must stay flat.

Usage::

    python benchmarks/bench_size.py [--sizes 0.1 1 5]

The texts are real: the seed article and the corpus pages' texts (as the reader keeps them),
joined in turn until each size is reached, so a text holds news sentences, attributions and
written URLs in their real proportions. Each is traced as a plain-text file by `tracer trace
--offline` at the default depth, in its own process with an empty cache (nothing can be
fetched; the trail still looks for every claim's candidates). A per-claim step that re-reads
the whole document shows up as time per MB growing with size.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def source_texts() -> list[str]:
    """The seed and corpus texts, as the tracer's reader keeps them."""
    sys.path.insert(0, str(ROOT))
    from tracer.read.document import read_html

    texts = [p.read_text(encoding="utf-8") for p in sorted((SHARED / "seeds").glob("*.txt"))]
    for page in sorted((SHARED / "corpora" / "html").glob("*.html")):
        try:
            texts.append(read_html(page.read_bytes(), path=str(page)).text)
        except Exception:  # a page the reader refuses adds nothing to the mix
            continue
    return [t for t in texts if t.strip()]


def text_of_size(texts: list[str], size: int) -> str:
    """Texts joined in turn (blank line between them) until `size` bytes."""
    parts: list[str] = []
    total = 0
    while total < size:
        piece = texts[len(parts) % len(texts)]
        parts.append(piece)
        total += len(piece.encode("utf-8")) + 2
    return "\n\n".join(parts)


def trace_seconds(path: Path, cache: Path) -> float:
    """Wall seconds of one `tracer trace --offline` at the default depth."""
    command = [sys.executable, "-m", "tracer", "trace", str(path), "--offline", "-q", "--cache-dir", str(cache)]
    start = time.perf_counter()
    subprocess.run(command, check=False, stdout=subprocess.DEVNULL, cwd=ROOT)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=float, nargs="+", default=[0.1, 1.0, 5.0], help="sizes in MB")
    args = parser.parse_args()
    texts = source_texts()
    print(f"{'size':>8}{'seconds':>10}{'s / MB':>10}")
    with tempfile.TemporaryDirectory() as folder:
        for megabytes in args.sizes:
            path = Path(folder) / f"text-{megabytes}.txt"
            path.write_text(text_of_size(texts, int(megabytes * 1_000_000)), encoding="utf-8")
            seconds = trace_seconds(path, Path(folder) / "cache")
            print(f"{megabytes:7g}M{seconds:10.1f}{seconds / megabytes:10.1f}", flush=True)


if __name__ == "__main__":
    main()
