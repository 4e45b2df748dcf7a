"""Start-up time of the `tracer` commands and of the TUI's first screen, as whole processes.

Usage::

    python benchmarks/bench_startup.py [--runs 9] [--compare DIR]

Each command runs in its own process, round-robin (one run of every command per round, so a
change in the machine's load hits them all alike), and the median of `--runs` is printed beside
`python -c pass` in the same run: on this shared machine absolute times drift up to 3×, the
ratio to the bare interpreter much less, and the CPU seconds (printed too) hardly at all.

The TUI is started in a pseudo-terminal (120×40) on the bundled seed, offline with an empty
cache, and timed until its first screen is written: the documents table's header ("Title");
its CPU time is read from /proc at that moment (every thread's, the worker's included).
The seed's tracing starts after that, in a worker; the time until its row shows ("claims"
in the status line once traced) is printed too, as a check that tracing still happens.

`--compare DIR` runs every command a second time per round with DIR's `tracer` and `tui` (a
checkout of another commit: `git worktree add /tmp/main main`), for a same-run before/after.
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import resource
import select
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
RUN_CLI = "from tracer.cli import run; run()"
FIRST_SCREEN = b"Title"  # the documents table's header: the first screen is on the terminal
SEED_TRACED = b"1 document"  # the status line once the seed is listed (tracing may go on)
TUI_TIMEOUT = 60.0


def environment(source: Path) -> dict[str, str]:
    """The code under test first on the path; the cwd elsewhere so `''` on sys.path finds nothing."""
    env = dict(os.environ, PYTHONPATH=str(source), NO_COLOR="1")
    env.pop("OPENBLAS_NUM_THREADS", None)  # as a user starts it: tracer sets its own BLAS threads
    return env


def timed(command: list[str], env: dict[str, str], cwd: Path) -> tuple[float, float]:
    """Wall and CPU seconds of one process, output discarded; a failing command is an error, not a time."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, env=env, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)


def cpu_seconds(pid: int) -> float:
    """CPU seconds a running process (all its threads) has used so far, from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime, stime


def tui_times(env: dict[str, str], cwd: Path, cache: Path) -> tuple[float, float, float]:
    """Wall seconds until the TUI's first screen, its CPU seconds by then, and wall seconds until
    the seed is listed, in a pseudo-terminal."""
    command = [sys.executable, "-c", RUN_CLI, "tui", str(SEEDS), "--offline", "--cache-dir", str(cache)]
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:  # the child: a 120×40 terminal, then the TUI
        try:
            fcntl.ioctl(sys.stdout.fileno(), termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
            os.chdir(cwd)
            os.execve(sys.executable, command, env)
        finally:
            os._exit(127)  # never run the parent's code in the child
    try:
        return _watch(fd, start, pid)
    finally:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(fd)


def _watch(fd: int, start: float, pid: int) -> tuple[float, float, float]:
    """Read the terminal until both markers have been written; their times since `start`."""
    seen = b""
    first = listed = cpu = float("nan")
    while time.perf_counter() - start < TUI_TIMEOUT:
        ready, _, _ = select.select([fd], [], [], 0.01)
        if not ready:
            continue
        try:
            seen += os.read(fd, 1 << 16)
        except OSError:  # the TUI exited
            break
        now = time.perf_counter() - start
        if first != first and FIRST_SCREEN in seen:
            first, cpu = now, cpu_seconds(pid)
        if SEED_TRACED in seen:
            listed = now
            break
    return first, cpu, listed


def commands(traces: Path) -> dict[str, list[str]]:
    """The command lines measured, by label."""
    cli = [sys.executable, "-c", RUN_CLI]
    return {
        "python -c pass": [sys.executable, "-c", "pass"],
        "tracer --help": [*cli, "--help"],
        "tracer schema": [*cli, "schema"],
        "tracer export --help": [*cli, "export", "--help"],
        "tracer summary --help": [*cli, "summary", "--help"],
        "tracer summary TRACES": [*cli, "summary", str(traces)],
        "tracer export TRACES --to markdown": [*cli, "export", str(traces), "--to", "markdown"],
        "tracer trace --help": [*cli, "trace", "--help"],
    }


def saved_traces(folder: Path, env: dict[str, str], cache: Path) -> Path:
    """The seed traced once (offline, depth 0) for the commands that read saved traces."""
    out = folder / "traces.jsonl"
    command = [sys.executable, "-c", RUN_CLI, "trace", str(SEEDS), "--offline", "--depth", "0", "-q"]
    subprocess.run([*command, "--cache-dir", str(cache), "-o", str(out)], env=env, cwd=folder, check=True)
    return out


def measure(runs: int, sources: dict[str, Path], only: str = "") -> dict[tuple[str, str], list[tuple[float, float]]]:
    """Every command with every source, round-robin, `runs` times: label, source → (wall, CPU) seconds."""
    times: dict[tuple[str, str], list[tuple[float, float]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        cache = folder / "cache"
        envs = {name: environment(path) for name, path in sources.items()}
        traces = saved_traces(folder, envs["this"], cache)
        jobs: list[tuple[str, str, Callable[[], tuple[float, ...]]]] = []
        for name, env in envs.items():
            for label, command in commands(traces).items():
                if only in label or label == "python -c pass":
                    jobs.append((label, name, lambda c=command, e=env: timed(c, e, folder)))
            if only in "tracer tui":
                tui = ("tracer tui: first screen", name, lambda e=env: tui_times(e, folder, folder / "tui-cache"))
                jobs.append(tui)
        for round_number in range(runs):
            for label, name, job in jobs:
                values = job()
                times.setdefault((label, name), []).append((values[0], values[1]))
                if len(values) > 2:  # the TUI: the seed listed, wall time only
                    times.setdefault(("tracer tui: seed listed", name), []).append((values[2], float("nan")))
            print(f"round {round_number + 1}/{runs} done", file=sys.stderr)
    return times


def table(times: dict[tuple[str, str], list[tuple[float, float]]], sources: list[str]) -> str:
    """Median wall and CPU ms of each command, and its wall time as a multiple of `python -c pass`'s."""
    labels = list(dict.fromkeys(label for label, _ in times))
    head = "| command | " + " | ".join(f"{s} wall ms | {s} CPU ms | {s} × python" for s in sources) + " |"
    rows = [head, "|---|" + "---|---|---|" * len(sources)]
    for label in labels:
        cells = []
        for source in sources:
            wall = statistics.median(t[0] for t in times[(label, source)])
            cpu = statistics.median(t[1] for t in times[(label, source)])
            base = statistics.median(t[0] for t in times[("python -c pass", source)])
            cpu_cell = "" if cpu != cpu else f"{cpu * 1000:.0f}"
            cells.append(f"{wall * 1000:.0f} | {cpu_cell} | {wall / base:.1f}×")
        rows.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=9, help="runs of each command (median; default 9)")
    parser.add_argument("--compare", type=Path, metavar="DIR", help="also time the tracer checked out in DIR")
    parser.add_argument("--only", default="", metavar="TEXT", help="only the commands whose label contains TEXT")
    args = parser.parse_args()
    sources = {"this": ROOT}
    if args.compare:
        sources["compare"] = args.compare.resolve()
    load = os.getloadavg()[0]
    times = measure(args.runs, sources, args.only)
    print(f"median of {args.runs} runs, round-robin; load average {load:.1f} at the start, "
          f"{os.getloadavg()[0]:.1f} at the end, {os.cpu_count()} cores")  # fmt: skip
    print(table(times, list(sources)))


if __name__ == "__main__":
    main()
