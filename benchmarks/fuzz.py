"""Fuzz the reader and parsers: mutated corpus pages and generated text, in parallel processes.

Every input goes through what `tracer trace FILE --depth 0` does (decode, read, parse, trace,
serialise). A `TracerError` is an answer (the input was refused with a message); any other
exception is a crash and a run past the per-input time limit is a hang. Each crash or hang is
saved to the findings folder as the smallest input that still shows it (chunks are removed
while the same failure persists), with what went wrong beside it; copy a finding into
`tests/data/fuzz/` and `tests/test_fuzz.py` keeps it as a regression test.

Inputs are made in the worker from (family, seed), so a finding is reproducible from its name
and the parent never holds the data. Workers are separate processes the parent kills when one
runs past the limit (C code, such as a regex or libxml2, cannot be interrupted otherwise).

    python benchmarks/fuzz.py --count 200000 --workers 2 --timeout 20 --out fuzz-findings
    python benchmarks/fuzz.py --count 300 --small          # what the test suite runs

Families: byte_flip, truncate, tag_soup, unclosed, nul_utf8, lying_charset, huge_attribute,
deep_nesting, long_line, rtl_combining, generated_text, generated_html.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import random
import resource
import signal
import sys
import time
import traceback
from collections import Counter
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# The corpus beside the checkout, or above it (a worktree sits one level deeper).
CORPUS = next(
    (p / "shared" / "corpora" / "html" for p in ROOT.parents if (p / "shared" / "corpora" / "html").is_dir()),
    ROOT.parent / "shared" / "corpora" / "html",
)
SMALL_SEEDS = ROOT / "tests" / "web" / "sites"
FAMILIES = (
    "byte_flip",
    "truncate",
    "tag_soup",
    "unclosed",
    "nul_utf8",
    "lying_charset",
    "huge_attribute",
    "deep_nesting",
    "long_line",
    "rtl_combining",
    "generated_text",
    "generated_html",
)
# Scripts and marks that stress text handling: Hebrew and Arabic (right to left), bidi controls,
# combining marks, zero-width characters, emoji with modifiers, lone surrogates, C0/C1 controls.
_ODD = (
    "\u05d0\u05d1\u05d2 \u0627\u0644\u0639\u0631\u0628\u064a\u0629 \u202e\u202d\u2066\u2069"
    "\u0301\u0308\u0327\u20dd\u200b\u200d\ufeff\U0001f469\u200d\U0001f52c\U0001f3fd\ud800\udfff\x00\x1b\x85\u2028"
)
_CUES = ("said", "according to", "told reporters", "citing", "wrote:", "reported that", "claimed")
_TAGS = ("p", "div", "span", "a", "blockquote", "article", "li", "ul", "table", "td", "script", "style", "b")
_CHARSETS = ("utf-8", "utf-16", "utf-7", "punycode", "latin1", "shift_jis", "koi8-r", "x-bogus", "rot13", "")


@dataclass
class Job:
    """One input to make and run: the family, its seed, and the page it mutates (if any)."""

    family: str
    seed: int
    page: int


@dataclass
class Summary:
    """What a fuzzing run found."""

    inputs: int = 0
    refused: int = 0
    by_family: Counter[str] = field(default_factory=Counter)
    crashes: list[str] = field(default_factory=list)
    hangs: list[str] = field(default_factory=list)
    peak_rss_mb: float = 0.0
    seconds: float = 0.0


# --- making inputs ------------------------------------------------------------------------------


def seed_pages(small: bool) -> list[Path]:
    """The pages the mutations start from: the corpus, or the small test pages."""
    folder = SMALL_SEEDS if small or not CORPUS.is_dir() else CORPUS
    return sorted(p for p in folder.rglob("*.htm*") if p.is_file())


def make_input(job: Job, pages: list[Path]) -> tuple[bytes, bool]:
    """The input bytes for a job, and whether they are read as HTML."""
    rng = random.Random(job.seed)
    base = pages[job.page % len(pages)].read_bytes() if pages else b""
    maker = _MAKERS[job.family]
    return maker(rng, base)


def _byte_flip(rng: random.Random, base: bytes) -> tuple[bytes, bool]:
    data = bytearray(base)
    for _ in range(rng.randint(1, 64)):
        if data:
            data[rng.randrange(len(data))] = rng.randrange(256)
    return bytes(data), True


def _truncate(rng: random.Random, base: bytes) -> tuple[bytes, bool]:
    return base[: rng.randint(0, len(base))], True


def _tag_soup(rng: random.Random, base: bytes) -> tuple[bytes, bool]:
    text = base.decode("utf-8", "replace")
    pieces = []
    for _ in range(rng.randint(10, 400)):
        tag = rng.choice(_TAGS)
        pieces.append(
            rng.choice([f"<{tag}>", f"</{tag}>", f"<{tag} class='x", "<!--", "-->", "<![CDATA[", "&#", "&amp"])
        )
    for piece in pieces:
        at = rng.randint(0, len(text))
        text = text[:at] + piece + text[at:]
    return text.encode("utf-8", "surrogatepass"), True


def _unclosed(rng: random.Random, base: bytes) -> tuple[bytes, bool]:
    text = base.decode("utf-8", "replace")
    keep = rng.random()
    return "".join(part for part in text.split("</") if rng.random() < keep).encode(), True


def _nul_utf8(rng: random.Random, base: bytes) -> tuple[bytes, bool]:
    data = bytearray(base)
    bad = [b"\x00", b"\xff", b"\xc3", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\xe2\x80", b"\xc0\xaf"]
    for _ in range(rng.randint(1, 50)):
        at = rng.randint(0, len(data))
        data[at:at] = rng.choice(bad)
    return bytes(data), rng.random() < 0.8


def _lying_charset(rng: random.Random, base: bytes) -> tuple[bytes, bool]:
    label = rng.choice(_CHARSETS)
    text = base.decode("utf-8", "replace")
    encoding = rng.choice(["utf-8", "utf-16-le", "utf-16-be", "cp1252", "utf-7"])
    body = f'<meta charset="{label}">'.encode() + text.encode(encoding, "replace")
    return body, True


def _huge_attribute(rng: random.Random, base: bytes) -> tuple[bytes, bool]:
    value = rng.choice(["a", "\"'", "<>", "&#x41;", "\u05d0"]) * rng.randint(10_000, 500_000)
    at = base.find(b"<p")
    at = at if at >= 0 else 0
    return base[:at] + f'<div data-x="{value}" class="{value[:1000]}">'.encode() + base[at:], True


def _deep_nesting(rng: random.Random, base: bytes) -> tuple[bytes, bool]:
    depth = rng.choice([255, 256, 300, 2049, 10_000, rng.randint(1, 20_000)])
    tag = rng.choice(["div", "span", "b", "blockquote", "ul", "table"])
    closing = f"</{tag}>" * depth if rng.random() < 0.7 else ""
    nest = f"<{tag}>" * depth + "<p>The minister said, according to reporters, that it was deep.</p>" + closing
    at = base.find(b"<p")
    at = at if at >= 0 else len(base)
    return base[:at] + nest.encode() + base[at:], True


def _long_line(rng: random.Random, base: bytes) -> tuple[bytes, bool]:
    word = rng.choice(["word ", "x", "said ", "according to the ", "“quote” ", ". ", "a.b.c "])
    line = (word * (1_000_000 // len(word)))[:1_000_000]
    html = rng.random() < 0.5
    data = f"<html><body><p>{line}</p><p>After it, officials said.</p></body></html>" if html else line + "\nEnd."
    return data.encode(), html


def _rtl_combining(rng: random.Random, base: bytes) -> tuple[bytes, bool]:
    text = base.decode("utf-8", "replace")
    chars = list(text)
    for _ in range(rng.randint(10, 2000)):
        if chars:
            chars.insert(rng.randrange(len(chars)), rng.choice(_ODD))
    return "".join(chars).encode("utf-8", "surrogatepass"), True


def _sentence(rng: random.Random) -> str:
    words = ["The", "minister", "Ms. Smith", "@handle", "police", "“we", "will", "not”", "Reuters", "2,000", "U.S."]
    said = rng.choice(_CUES)
    body = " ".join(rng.choice(words) for _ in range(rng.randint(0, 30)))
    return f"{rng.choice(words)} {said} {body}{rng.choice(['.', '', '!', '?', ':', ' —', '...'])}"


def _generated_text(rng: random.Random, base: bytes) -> tuple[bytes, bool]:
    parts = []
    for _ in range(rng.randint(1, 200)):
        roll = rng.random()
        if roll < 0.6:
            parts.append(_sentence(rng))
        elif roll < 0.8:
            parts.append("".join(chr(rng.randint(0, 0x10FFFF)) for _ in range(rng.randint(1, 40))))
        else:
            parts.append(rng.choice(["\n", "\n\n", " ", '"', "“", "”", "(", ")", "http://", "pic.twitter.com/x"]))
    return "".join(parts).encode("utf-8", "surrogatepass"), False


def _generated_html(rng: random.Random, base: bytes) -> tuple[bytes, bool]:
    parts = ["<html><head><title>T</title>"]
    if rng.random() < 0.3:
        parts.append('<script type="application/ld+json">{"@type":"NewsArticle","headline":"&#8216;x\\ud800","author":')
        parts.append("[" * rng.randint(1, 5000) + "]" * rng.randint(0, 5000) + "}</script>")
    parts.append("</head><body><article>")
    for _ in range(rng.randint(1, 300)):
        tag = rng.choice(_TAGS)
        href = rng.choice(
            ["https://x.com/a/status/1", "http://[::1]:80/", "//example.com/a", "javascript:x", "http://[bad"]
        )
        parts.append(f'<{tag}><a href="{href}">{_sentence(rng)}</a></{tag}>' if rng.random() < 0.5 else _sentence(rng))
    parts.append("</article></body></html>")
    return "".join(parts).encode("utf-8", "surrogatepass"), True


_MAKERS = {
    "byte_flip": _byte_flip,
    "truncate": _truncate,
    "tag_soup": _tag_soup,
    "unclosed": _unclosed,
    "nul_utf8": _nul_utf8,
    "lying_charset": _lying_charset,
    "huge_attribute": _huge_attribute,
    "deep_nesting": _deep_nesting,
    "long_line": _long_line,
    "rtl_combining": _rtl_combining,
    "generated_text": _generated_text,
    "generated_html": _generated_html,
}


# --- running one input ------------------------------------------------------------------------


def run_input(data: bytes, html: bool) -> str | None:
    """Trace one input as the CLI does: None, "refused" (a `TracerError`), or the traceback of a crash."""
    from tracer.errors import TracerError
    from tracer.export.json_io import to_json
    from tracer.read.document import read_html, read_text
    from tracer.trail.trace import trace_article

    try:
        article = read_html(data, path="fuzz.html") if html else read_text(data, path="fuzz.txt")
        to_json(trace_article(article, input_label="fuzz"))
    except TracerError:
        return "refused"
    except Exception:
        return traceback.format_exc()
    return None


def _worker(conn: Connection, pages: list[Path]) -> None:
    """Answer jobs until told to stop: ('ok' | 'refused' | traceback, peak RSS in MB)."""
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    run_input(b"The mayor said the bridge would reopen, according to the council.", False)  # load the model
    while True:
        job = conn.recv()
        if job is None:
            return
        # raw bytes while minimising, else a job to make the input of
        problem = run_input(*job) if isinstance(job, tuple) else run_input(*make_input(job, pages))
        conn.send((problem, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024))


class _Slot:
    """One worker process and its pipe; restarted after a hang."""

    def __init__(self, pages: list[Path]) -> None:
        self.pages = pages
        self.start()

    def start(self) -> None:
        parent, child = mp.Pipe()
        self.conn = parent
        self.proc = mp.Process(target=_worker, args=(child, self.pages), daemon=True)
        self.proc.start()

    def kill(self) -> None:
        self.proc.kill()
        self.proc.join()
        self.conn.close()
        self.start()

    def stop(self) -> None:
        self.conn.send(None)
        self.proc.join(timeout=10)
        if self.proc.is_alive():
            self.proc.kill()


def _cpu_seconds(slot: _Slot) -> float:
    """CPU seconds the worker has used (Linux /proc; 0 where it cannot be read)."""
    try:
        fields = Path(f"/proc/{slot.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return 0.0


def _stuck(slot: _Slot, sent: float, cpu_at_send: float, limit: float) -> bool:
    """A hang: the input used `limit` seconds of CPU, or ten times that of wall time.

    On a shared machine (and under `nice`) a worker can wait far longer than it computes;
    counting its CPU time keeps a starved worker from being reported as a hang.
    """
    wall = time.monotonic() - sent
    if wall <= limit:
        return False
    return wall > 10 * limit or _cpu_seconds(slot) - cpu_at_send > limit or cpu_at_send == 0.0


def _ask(slot: _Slot, job: Job | tuple[bytes, bool], timeout: float, warmup: float) -> tuple[str, float]:
    """Run a job in a slot: ('ok' | traceback | 'hang', peak RSS)."""
    slot.conn.send(job)
    if not slot.conn.poll(timeout + warmup):
        slot.kill()
        return "hang", 0.0
    try:
        problem, rss = slot.conn.recv()
    except (EOFError, OSError):
        slot.kill()
        return "worker died", 0.0
    return (problem or "ok"), rss


# --- the run ------------------------------------------------------------------------------------


def _jobs(count: int, families: tuple[str, ...], pages: int, seed: int) -> list[Job]:
    rng = random.Random(seed)
    return [Job(families[i % len(families)], rng.randrange(2**32), rng.randrange(max(1, pages))) for i in range(count)]


def fuzz(
    count: int,
    *,
    workers: int = 2,
    timeout: float = 20.0,
    out: Path | None = None,
    small: bool = False,
    families: tuple[str, ...] = FAMILIES,
    seed: int = 0,
    progress: bool = False,
) -> Summary:
    """Run `count` inputs across `workers` processes; save minimal reproducers of crashes and hangs."""
    pages = seed_pages(small)
    jobs = _jobs(count, families, len(pages), seed)
    summary = Summary()
    started = time.monotonic()
    slots = [_Slot(pages) for _ in range(workers)]
    pending: dict[int, Job] = {}
    free = list(range(workers))
    sent: dict[int, float] = {}
    cpu: dict[int, float] = {}
    warm = {i: 60.0 for i in range(workers)}  # the first job also waits for the model to load
    queue = list(jobs)
    try:
        while queue or pending:
            while free and queue:
                index = free.pop()
                job = queue.pop()
                slots[index].conn.send(job)
                pending[index], sent[index], cpu[index] = job, time.monotonic(), _cpu_seconds(slots[index])
            for index in list(pending):
                slot = slots[index]
                if slot.conn.poll(0.01):
                    try:
                        problem, rss = slot.conn.recv()
                    except (EOFError, OSError):  # the worker died: a segfault, or killed for memory
                        problem, rss = f"worker died (exit code {slot.proc.exitcode})", 0.0
                        slot.kill()
                        warm[index] = 60.0
                    else:
                        warm[index] = 0.0
                    _record(summary, pending.pop(index), problem or "ok", rss, pages, out, timeout)
                    free.append(index)
                elif _stuck(slot, sent[index], cpu[index], timeout + warm[index]):
                    slot.kill()
                    warm[index] = 60.0
                    _record(summary, pending.pop(index), "hang", 0.0, pages, out, timeout)
                    free.append(index)
            if progress and summary.inputs and summary.inputs % 1000 == 0:
                print(_line(summary, time.monotonic() - started), file=sys.stderr, flush=True)
    except KeyboardInterrupt:  # Ctrl-C (or SIGINT) ends a long run early with its figures so far
        print("interrupted", file=sys.stderr)
    finally:
        for slot in slots:
            slot.stop()
    summary.seconds = time.monotonic() - started
    return summary


def _record(
    summary: Summary, job: Job, outcome: str, rss: float, pages: list[Path], out: Path | None, timeout: float
) -> None:
    summary.inputs += 1
    summary.by_family[job.family] += 1
    summary.peak_rss_mb = max(summary.peak_rss_mb, rss)
    if outcome in {"ok", "refused"}:
        summary.refused += outcome == "refused"
        return
    name = f"{job.family}-{job.seed}"
    (summary.hangs if outcome == "hang" else summary.crashes).append(name)
    if out is not None:
        data, html = make_input(job, pages)
        if outcome != "hang":
            data = minimise(data, html, outcome, timeout)
        save(out, name, data, html, outcome)


def minimise(data: bytes, html: bool, failure: str, timeout: float, attempts: int = 200) -> bytes:
    """The smallest input found (by removing chunks) that still fails with the same exception type."""
    kind = failure.strip().splitlines()[-1].split(":")[0]
    slot = _Slot([])
    try:
        chunk = max(1, len(data) // 2)
        while chunk >= 1 and attempts > 0:
            start, shrunk = 0, False
            while start < len(data) and attempts > 0:
                candidate = data[:start] + data[start + chunk :]
                attempts -= 1
                outcome, _ = _ask(slot, (candidate, html), timeout, 60.0)
                if outcome not in {"ok", "hang", "refused"} and outcome.strip().splitlines()[-1].split(":")[0] == kind:
                    data, shrunk = candidate, True
                else:
                    start += chunk
            chunk = chunk if shrunk and chunk > 1 else chunk // 2
    finally:
        slot.stop()
    return data


def save(out: Path, name: str, data: bytes, html: bool, outcome: str) -> None:
    """Write a finding: the input (.html or .txt, as it is read) and what happened (.log)."""
    out.mkdir(parents=True, exist_ok=True)
    (out / f"{name}.{'html' if html else 'txt'}").write_bytes(data)
    (out / f"{name}.log").write_text(outcome, encoding="utf-8")


def _line(summary: Summary, seconds: float) -> str:
    return (
        f"{summary.inputs} inputs in {seconds:.0f} s ({summary.refused} refused with a message): "
        f"{len(summary.crashes)} crashes, {len(summary.hangs)} hangs, "
        f"peak RSS per worker {summary.peak_rss_mb:.0f} MB"
    )


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=1000, help="inputs to run (default: 1000)")
    parser.add_argument("--workers", type=int, default=2, help="worker processes (default: 2)")
    parser.add_argument("--timeout", type=float, default=20.0, help="seconds one input may take (default: 20)")
    parser.add_argument("--out", type=Path, default=Path("fuzz-findings"), help="folder for reproducers")
    parser.add_argument("--small", action="store_true", help="mutate the small test pages, not the corpus")
    parser.add_argument("--family", action="append", choices=FAMILIES, help="only these families (repeatable)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the job list (default: 0)")
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, _interrupt)  # `kill` ends a background run with its figures too
    families = tuple(args.family or FAMILIES)
    summary = fuzz(
        args.count,
        workers=args.workers,
        timeout=args.timeout,
        out=args.out,
        small=args.small,
        families=families,
        seed=args.seed,
        progress=True,
    )
    print(_line(summary, summary.seconds))
    print("per family:", dict(sorted(summary.by_family.items())))
    for name in summary.crashes + summary.hangs:
        print("finding:", name)
    return 1 if summary.crashes or summary.hangs else 0


if __name__ == "__main__":
    sys.exit(main())
