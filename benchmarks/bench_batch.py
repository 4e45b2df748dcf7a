"""Batch tracing: parallel speed-up, memory by batch size, and SIGKILL + --resume, on the real corpus.

Usage: python benchmarks/bench_batch.py [CORPUS_DIR] [--large 1000] [--kills 10] [--skip-large]
       [--parts speed,kill,memory] [--speed-inputs N]

Every run is the installed `tracer trace DIR --offline --depth 0` in a subprocess, as a user
runs it, so worker start-up (fork server, model load) is inside the timings. Figures:

1. speed: the corpus pages with `--jobs 1`, then `--jobs 2`, in the same run (ratio; the
   machine's absolute speed drifts up to 3x within a day).
2. memory: peak RSS of the whole process tree (parent, fork server, workers; sampled every
   0.1 s) for 100 inputs and for `--large` inputs (the corpus pages repeated, as symlinks).
3. kill and resume: `--kills` runs of `-o FILE --resume` each killed with SIGKILL at a random
   moment, the file checked after each kill (complete lines, at most one torn last line), then
   one run to the end; the records must equal a clean run's, each input exactly once.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import psutil

DEFAULT_CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "html"
TRACER = str(Path(sys.executable).with_name("tracer"))
COMMON = ["--offline", "--depth", "0", "-q"]


def pages_folder(corpus: Path, count: int, root: Path) -> Path:
    """A folder of `count` inputs: the corpus pages in order, repeated as symlinks when count exceeds them."""
    pages = sorted(p for p in corpus.glob("*.html"))
    folder = root / f"pages-{count}"
    folder.mkdir()
    for n in range(count):
        source = pages[n % len(pages)]
        (folder / f"{n:05d}-{source.name}").symlink_to(source)
    return folder


def timed_run(args: list[str]) -> tuple[float, int]:
    """Wall time and peak RSS (bytes, the whole process tree) of one tracer run."""
    started = time.perf_counter()
    process = psutil.Popen([TRACER, *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    while process.poll() is None:
        peak = max(peak, _tree_rss(process))
        time.sleep(0.1)
    elapsed = time.perf_counter() - started
    if process.returncode not in (0, 1):
        raise SystemExit(f"tracer failed ({process.returncode}): {process.stderr.read().decode()[-2000:]}")
    return elapsed, peak


def _tree_rss(process: psutil.Process) -> int:
    total = 0
    try:
        for member in [process, *process.children(recursive=True)]:
            total += member.memory_info().rss
    except psutil.Error:
        pass
    return total


def speed(corpus: Path, out: Path, inputs: int | None = None) -> None:
    """--jobs 1 then --jobs 2 over the corpus (or `inputs` of its pages, repeated), and the start-up both pay."""
    count = len(list(corpus.glob("*.html")))
    if inputs and inputs != count:
        corpus, count = pages_folder(corpus, inputs, out), inputs
    start_up = _start_up(out)
    one, _ = timed_run(["trace", str(corpus), *COMMON, "-j", "1", "-o", str(out / "j1.jsonl")])
    two, _ = timed_run(["trace", str(corpus), *COMMON, "-j", "2", "-o", str(out / "j2.jsonl")])
    same = sorted((out / "j1.jsonl").read_text().splitlines()) == sorted((out / "j2.jsonl").read_text().splitlines())
    print(f"speed, {count} pages: --jobs 1 {one:6.1f} s ({count / one:.2f}/s)", end="; ")
    print(f"--jobs 2 {two:6.1f} s ({count / two:.2f}/s)")
    print(f"  speed-up --jobs 2 / --jobs 1: {one / two:.2f}x   (same records: {same})")
    # Imports and the model load happen once, before any worker starts (Amdahl's serial part).
    bound = one / (start_up + (one - start_up) / 2)
    print(f"  start-up (one tiny input): {start_up:.1f} s; two cores could give at most {bound:.2f}x here")


def _start_up(out: Path) -> float:
    """Wall time of a whole run on one tiny page: the imports and model load every run pays first."""
    page = out / "tiny.html"
    page.write_text("<html><body><p>The mayor said the road was open.</p></body></html>", encoding="utf-8")
    return min(timed_run(["trace", str(page), *COMMON, "-j", "1"])[0] for _ in range(3))


def memory(corpus: Path, root: Path, sizes: list[int]) -> None:
    peaks = {}
    for size in sizes:
        folder = pages_folder(corpus, size, root)
        elapsed, peak = timed_run(["trace", str(folder), *COMMON, "-j", "2", "-o", str(root / f"m{size}.jsonl")])
        peaks[size] = peak
        rate = f"{elapsed:.0f} s, {size / elapsed:.2f}/s"
        print(f"memory, {size:5d} inputs, --jobs 2: peak RSS {peak / 2**20:7.0f} MiB ({rate})")
    base = peaks[sizes[0]]
    for size in sizes[1:]:
        print(f"  peak RSS {size} / {sizes[0]} inputs: {peaks[size] / base:.2f}x")


def kill_and_resume(corpus: Path, root: Path, kills: int, seed: int) -> None:
    clean = root / "j2.jsonl"
    out = root / "resumed.jsonl"
    args = [TRACER, "trace", str(corpus), *COMMON, "-j", "2", "-o", str(out), "--resume"]
    rng = random.Random(seed)
    torn = 0
    for _ in range(kills):
        process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        time.sleep(rng.uniform(0.5, 15.0))
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        torn += _check_after_kill(out)
    subprocess.run(args, check=False, capture_output=True)
    lines = out.read_text(encoding="utf-8").splitlines()
    ids = Counter(json.loads(line)["input_id"] for line in lines)
    expected = sorted(clean.read_text(encoding="utf-8").splitlines())
    print(f"kill and resume: {kills} SIGKILLs, {torn} left a torn last line (cut by the next --resume)")
    print(
        f"  after --resume: {len(lines)} records, {len(ids)} inputs, duplicates {sum(n > 1 for n in ids.values())}, "
        f"identical to the clean run: {sorted(lines) == expected}, temp files left: {len(list(root.glob('.*.tmp')))}"
    )


def _check_after_kill(path: Path) -> int:
    """1 if the file ends in a torn line; raises if any complete line is not valid JSON."""
    if not path.exists():
        return 0
    data = path.read_bytes()
    complete, _, rest = data.rpartition(b"\n")
    for line in complete.splitlines():
        json.loads(line)
    return 1 if rest else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--large", type=int, default=1000, help="the large batch size for the memory figure")
    parser.add_argument("--skip-large", action="store_true", help="memory for 100 inputs only")
    parser.add_argument("--kills", type=int, default=10)
    parser.add_argument(
        "--speed-inputs", type=int, help="inputs for the speed figure (the corpus pages repeated; default: the corpus)"
    )
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument(
        "--parts", default="speed,kill,memory", help="figures to make, comma-separated (kill needs the speed run)"
    )
    args = parser.parse_args()
    os.environ["OPENBLAS_NUM_THREADS"] = "1"
    with tempfile.TemporaryDirectory(prefix="bench-batch-") as tmp:
        root = Path(tmp)
        os.chdir(root)  # the cache folder of an --offline run that reads nothing stays here
        parts = set(args.parts.split(","))
        if parts & {"speed", "kill"}:
            speed(args.corpus, root, args.speed_inputs)
        if "kill" in parts:
            kill_and_resume(args.corpus, root, args.kills, args.seed)
        if "memory" in parts:
            memory(args.corpus, root, [100] if args.skip_large else [100, args.large])


if __name__ == "__main__":
    main()
