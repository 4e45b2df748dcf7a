"""Fuzz the reader and parsers: mutated pages and generated text, in long-lived worker processes.

Every input goes through the product's entry point for `tracer trace FILE --depth 0`: it is
written to a file and `trace_one` reads it (size cap, gzip, suffix, decode), parses it, finds
its claims offline, and the result is serialised as the CLI writes it. Nothing is caught on the
way: a `TracerError` is an answer (the input was refused with a message); any other exception,
or a result carrying an `InternalError`, is a crash; an input past the per-input CPU limit is a
hang. Each crash or hang is saved to the findings folder as the smallest input that still shows
it (chunks are removed while the same failure persists), with what went wrong beside it; copy a
finding into `tests/data/fuzz/` and `tests/test_fuzz.py` keeps it as a regression test.

Why it is fast (and still honest): the parent loads the model once and forks its workers, so a
worker replaced after a hang starts warm; each job crossing the pipe is a (family, seed, page)
triple of a few bytes, and the worker makes the input itself; the parent waits on all pipes at
once. A worker stops itself at the per-input CPU limit (SIGPROF, with the stack where the time
went); C code that never returns is killed by the parent at the limit plus a grace.

The run is incremental: its progress (inputs done, per family counts, sizes and CPU, findings)
lives in `OUT/progress.json`, so a long run is done in chunks with the same command:

    nice -n 19 python benchmarks/fuzz.py --count 100000 --minutes 20 --out fuzz-findings
    python benchmarks/fuzz.py --count 300 --small --fresh  # about what the test suite runs

Families: byte_flip, truncate, tag_soup, unclosed, nul_utf8, lying_charset, huge_attribute,
deep_nesting, long_line, rtl_combining, generated_text, generated_html. The mutating families
start from a small test page, or (with `--corpus-share`) from a real corpus page.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import multiprocessing as mp
import os
import random
import resource
import shutil
import signal
import sys
import tempfile
import time
import traceback
from collections import Counter, OrderedDict, defaultdict
from dataclasses import asdict, dataclass, field
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

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
# How often each family is drawn. One input's CPU differs 100x across families (first 1,615
# inputs of the long run: 3-25 ms for the page mutations, 42 ms deep nesting, 62 ms generated
# HTML, 310 ms long lines, a tenth of them 1 MB at ~1 s), so the costly ones are drawn less to
# reach 10^5 inputs on a shared 2-core machine; each still gets thousands of inputs, long lines ~1,000.
WEIGHTS = {family: 10.0 for family in FAMILIES} | {"generated_html": 4.0, "long_line": 1.0, "deep_nesting": 5.0}
MUTATING = frozenset(FAMILIES) - {"long_line", "generated_text", "generated_html"}
# A corpus page costs ~100 ms against ~10 ms for a test page (same measurement): 5% of the
# mutations start from one, enough to keep real pages' structure in the mix.
CORPUS_SHARE = 0.05
SIZE_BUCKETS = (1_000, 10_000, 100_000, 1_000_000)  # bytes: <1 KB, <10 KB, <100 KB, <1 MB, >=1 MB
WARM_UP = b"The mayor said the bridge would reopen, according to the council."
GRACE = 5.0  # seconds of CPU past the limit before the parent kills a worker stuck in C code
# Scripts and marks that stress text handling: Hebrew and Arabic (right to left), bidi controls,
# combining marks, zero-width characters, emoji with modifiers; and, in a tenth of the inputs only,
# lone surrogates and C0/C1 controls (one NUL makes the whole input "binary", refused unread: at
# every input, 37 of 40 were refused and the text paths went untested).
_ODD = (
    "\u05d0\u05d1\u05d2 \u0627\u0644\u0639\u0631\u0628\u064a\u0629 \u202e\u202d\u2066\u2069"
    "\u0301\u0308\u0327\u20dd\u200b\u200d\ufeff\U0001f469\u200d\U0001f52c\U0001f3fd\u2028"
)
_HOSTILE = "\ud800\udfff\x00\x1b\x85"
_CUES = ("said", "according to", "told reporters", "citing", "wrote:", "reported that", "claimed")
_TAGS = ("p", "div", "span", "a", "blockquote", "article", "li", "ul", "table", "td", "script", "style", "b")
_CHARSETS = ("utf-8", "utf-16", "utf-7", "punycode", "latin1", "shift_jis", "koi8-r", "x-bogus", "rot13", "")


@dataclass(frozen=True)
class Job:
    """One input to make and run: the family, its seed, and the page it mutates (if any)."""

    family: str
    seed: int
    page: int
    corpus: bool = False

    @property
    def name(self) -> str:
        """The finding's file name: enough to make the input again."""
        return f"{self.family}-{'corpus' if self.corpus else 'small'}{self.page}-{self.seed}"


def _floats() -> defaultdict[str, float]:
    return defaultdict(float)


@dataclass
class Summary:
    """What a fuzzing run found, over all its chunks (the progress file holds it between them)."""

    inputs: int = 0
    refused: int = 0
    by_family: Counter[str] = field(default_factory=Counter)
    refused_by_family: Counter[str] = field(default_factory=Counter)  # refused with a message (binary, empty…)
    corpus_inputs: Counter[str] = field(default_factory=Counter)  # per family, from a corpus page
    sizes: dict[str, list[int]] = field(default_factory=dict)  # per family, counts per SIZE_BUCKETS
    largest: Counter[str] = field(default_factory=Counter)  # per family, largest input in bytes
    cpu_by_family: defaultdict[str, float] = field(default_factory=_floats)  # seconds inside the product
    slowest: defaultdict[str, float] = field(default_factory=_floats)  # the slowest input's CPU seconds
    crashes: list[str] = field(default_factory=list)
    hangs: list[str] = field(default_factory=list)
    peak_rss_mb: float = 0.0
    rss_rise_mb: defaultdict[str, float] = field(default_factory=_floats)  # most one input raised a worker's peak
    seconds: float = 0.0  # wall time of all chunks
    worker_cpu: float = 0.0  # CPU seconds of all workers (making, tracing, starting)
    chunks: int = 0

    def to_dict(self) -> dict[str, Any]:
        """The summary as JSON can hold it."""
        return {key: dict(value) if isinstance(value, dict) else value for key, value in vars(self).items()}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Summary:
        """A summary read back from the progress file."""
        fields: dict[str, Any] = dict(data)
        for key in ("by_family", "refused_by_family", "corpus_inputs", "largest"):
            fields[key] = Counter(data[key])
        for key in ("cpu_by_family", "slowest", "rss_rise_mb"):
            fields[key] = defaultdict(float, data[key])
        return cls(**fields)


# --- making inputs ------------------------------------------------------------------------------


def seed_pages(small: bool = True) -> list[Path]:
    """The pages the mutations start from: the small test pages, or the corpus (if present)."""
    folder = SMALL_SEEDS if small or not CORPUS.is_dir() else CORPUS
    return sorted(p for p in folder.rglob("*.htm*") if p.is_file())


class Pages:
    """Both page pools, their bytes read once per worker (a few recent corpus pages kept)."""

    def __init__(self) -> None:
        self.small = seed_pages(small=True)
        self.corpus = seed_pages(small=False) if CORPUS.is_dir() else []
        self._cache: OrderedDict[Path, bytes] = OrderedDict()

    def base(self, job: Job) -> bytes:
        """The page a job mutates (empty when there are none)."""
        pool = self.corpus if job.corpus and self.corpus else self.small
        if not pool:
            return b""
        path = pool[job.page % len(pool)]
        if path not in self._cache:
            self._cache[path] = path.read_bytes()
            if len(self._cache) > 16:
                self._cache.popitem(last=False)
        return self._cache[path]


def make_input(job: Job, pages: Pages) -> tuple[bytes, bool]:
    """The input bytes for a job, and whether they are read as HTML."""
    rng = random.Random(job.seed)
    return _MAKERS[job.family](rng, pages.base(job))


def _log_uniform(rng: random.Random, low: int, high: int) -> int:
    """A size between low and high, as many small as large by order of magnitude."""
    return int(math.exp(rng.uniform(math.log(low), math.log(high))))


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
    bad = [b"\xff", b"\xc3", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\xe2\x80", b"\xc0\xaf"]
    bad += [b"\x00"] * (rng.random() < 0.3)  # a NUL makes the input binary (refused): in a third only
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
    value = rng.choice(["a", "\"'", "<>", "&#x41;", "\u05d0"]) * _log_uniform(rng, 1_000, 500_000)
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
    size = 1_000_000 if rng.random() < 0.1 else _log_uniform(rng, 1_000, 1_000_000)
    line = (word * (size // len(word) + 1))[:size]
    html = rng.random() < 0.5
    data = f"<html><body><p>{line}</p><p>After it, officials said.</p></body></html>" if html else line + "\nEnd."
    return data.encode(), html


def _rtl_combining(rng: random.Random, base: bytes) -> tuple[bytes, bool]:
    text = base.decode("utf-8", "replace")
    chars = list(text)
    odd = _ODD + _HOSTILE if rng.random() < 0.1 else _ODD
    for _ in range(rng.randint(10, 2000)):
        if chars:
            chars.insert(rng.randrange(len(chars)), rng.choice(odd))
    return "".join(chars).encode("utf-8", "surrogatepass"), True


def _sentence(rng: random.Random) -> str:
    words = ["The", "minister", "Ms. Smith", "@handle", "police", "“we", "will", "not”", "Reuters", "2,000", "U.S."]
    said = rng.choice(_CUES)
    body = " ".join(rng.choice(words) for _ in range(rng.randint(0, 30)))
    return f"{rng.choice(words)} {said} {body}{rng.choice(['.', '', '!', '?', ':', ' —', '...'])}"


def _generated_text(rng: random.Random, base: bytes) -> tuple[bytes, bool]:
    parts = []
    top = 0x10FFFF if rng.random() < 0.2 else 0xD7FF  # surrogates and astral planes in a fifth of the inputs
    for _ in range(_log_uniform(rng, 1, 200)):
        roll = rng.random()
        if roll < 0.6:
            parts.append(_sentence(rng))
        elif roll < 0.8:
            parts.append("".join(chr(rng.randint(32, top)) for _ in range(rng.randint(1, 40))))
        else:
            parts.append(rng.choice(["\n", "\n\n", " ", '"', "“", "”", "(", ")", "http://", "pic.twitter.com/x"]))
    return "".join(parts).encode("utf-8", "surrogatepass"), False


def _generated_html(rng: random.Random, base: bytes) -> tuple[bytes, bool]:
    parts = ["<html><head><title>T</title>"]
    if rng.random() < 0.3:
        parts.append('<script type="application/ld+json">{"@type":"NewsArticle","headline":"&#8216;x\\ud800","author":')
        parts.append("[" * rng.randint(1, 5000) + "]" * rng.randint(0, 5000) + "}</script>")
    parts.append("</head><body><article>")
    for _ in range(_log_uniform(rng, 1, 300)):
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


class CpuLimit(BaseException):
    """Raised in a worker when one input has used its CPU limit (a BaseException, so that no
    `except Exception` in the product or a library can swallow it)."""


def run_input(data: bytes, html: bool, folder: Path | None = None) -> str | None:
    """Trace one input as `tracer trace FILE --depth 0` does: None, "refused", or what crashed.

    The file is read by `trace_one` (the function the CLI's per-input guard calls) and the
    result serialised as the CLI writes it, but with no guard around them: an exception the guard
    would turn into an `InternalError` result is a crash here, and so is such a recorded error.
    """
    from tracer.errors import TracerError
    from tracer.export.json_io import to_json
    from tracer.read.inputs import InputItem, InputKind
    from tracer.run.batch import trace_one
    from tracer.trail.options import TrailOptions

    path = (folder or Path(tempfile.gettempdir())) / f"fuzz-{os.getpid()}.{'html' if html else 'txt'}"
    path.write_bytes(data)
    try:
        result = trace_one(InputItem(InputKind.FILE, str(path)), trail=TrailOptions(depth=0))
        to_json(result)
    except TracerError:
        return "refused"
    except Exception:
        return traceback.format_exc()
    finally:
        path.unlink(missing_ok=True)
    internal = [error.message for error in result.errors if error.type == "InternalError"]
    return f"InternalError recorded in the result: {internal[0]}" if internal else None


@dataclass(frozen=True)
class Reply:
    """A worker's answer: the outcome ('ok', 'refused', 'hang…' or a traceback) and its costs."""

    outcome: str
    size: int = 0
    cpu: float = 0.0  # seconds inside the product (making the input excluded)
    rss_mb: float = 0.0  # the worker's peak RSS after the input
    rss_before_mb: float = 0.0  # and before it


def _on_cpu_limit(signum: int, frame: object) -> None:
    raise CpuLimit


def _worker(conn: Connection, limit: float, memory_mb: int, folder: Path) -> None:
    """Answer jobs until told to stop (None); exit after a hang, whose state may be half-made."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent ends the run (Ctrl-C or `kill` of the group),
    signal.signal(signal.SIGTERM, signal.SIG_IGN)  # so a worker it stops is never a "worker died" finding
    signal.signal(signal.SIGPROF, _on_cpu_limit)
    if memory_mb:  # an input that needs more is a MemoryError, a finding, not a swapping machine
        cap = memory_mb * 1024 * 1024 + _address_space()
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    run_input(WARM_UP, False)  # loads the model (nothing to do when forked from a warm parent)
    pages = Pages()
    while (job := conn.recv()) is not None:
        data, html = job if isinstance(job, tuple) else make_input(job, pages)  # raw bytes while minimising
        started, before = time.process_time(), _peak_rss_mb()
        try:
            signal.setitimer(signal.ITIMER_PROF, limit)
            outcome = run_input(data, html, folder) or "ok"
            signal.setitimer(signal.ITIMER_PROF, 0)
        except CpuLimit:
            outcome = f"hang: over {limit:.0f} s of CPU in\n{traceback.format_exc()}"
        conn.send(Reply(outcome, len(data), time.process_time() - started, _peak_rss_mb(), before))
        if outcome.startswith("hang"):
            return


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _address_space() -> int:
    """This process's virtual size in bytes (the model's mappings), 0 where /proc is missing."""
    try:
        return int(Path("/proc/self/statm").read_text().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def _context() -> Any:
    """Fork a parent that holds the model (every worker, and every restart, starts warm)."""
    if "fork" in mp.get_all_start_methods():
        run_input(WARM_UP, False)
        return mp.get_context("fork")
    return mp.get_context("spawn")


class _Slot:
    """One worker process and its pipe; replaced after a hang or a death."""

    def __init__(self, context: Any, limit: float, memory_mb: int) -> None:
        self.context, self.limit, self.memory_mb = context, limit, memory_mb
        self.job: Job | None = None
        self.sent = 0.0
        self.cpu_at_send = 0.0
        self.cpu_before = 0.0  # CPU of the workers this slot has replaced
        # where its workers write their input files; the slot's, so a killed worker leaves nothing behind
        self.folder = Path(tempfile.mkdtemp(prefix="fuzz-", dir="/dev/shm" if os.path.isdir("/dev/shm") else None))
        self.start()

    def start(self) -> None:
        parent, child = self.context.Pipe()
        self.conn = parent
        self.proc = self.context.Process(
            target=_worker, args=(child, self.limit, self.memory_mb, self.folder), daemon=True
        )
        self.proc.start()
        child.close()

    def send(self, job: Job | tuple[bytes, bool]) -> None:
        self.conn.send(job)
        self.sent, self.cpu_at_send = time.monotonic(), self.cpu()

    def cpu(self) -> float:
        """CPU seconds the current worker has used (Linux /proc; 0 where it cannot be read)."""
        try:
            fields = Path(f"/proc/{self.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
            return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except (OSError, IndexError, ValueError):
            return 0.0

    def stuck(self) -> bool:
        """Past the limit and the grace in CPU (C code that does not see SIGPROF), or 10x in wall time."""
        wall = time.monotonic() - self.sent
        if wall <= self.limit + GRACE:
            return False
        return wall > 10 * (self.limit + GRACE) or self.cpu() - self.cpu_at_send > self.limit + GRACE

    def restart(self) -> None:
        self.cpu_before += self.cpu()
        self.proc.kill()
        self.proc.join()
        self.conn.close()
        self.start()

    def stop(self) -> float:
        """End the worker; the CPU seconds this slot's workers used."""
        used = self.cpu_before + self.cpu()
        with contextlib.suppress(OSError):
            self.conn.send(None)
        self.proc.join(timeout=10)
        if self.proc.is_alive():
            self.proc.kill()
            self.proc.join()
        shutil.rmtree(self.folder, ignore_errors=True)
        return used


def _ask(slot: _Slot, job: Job | tuple[bytes, bool]) -> str:
    """Run one job in a slot and wait for it: the outcome ('hang' when killed, 'worker died …')."""
    slot.send(job)
    while not slot.conn.poll(1.0):
        if slot.stuck():
            slot.restart()
            return "hang: killed, stuck in C code"
    try:
        reply: Reply = slot.conn.recv()
    except (EOFError, OSError):
        slot.restart()
        return f"worker died (exit code {slot.proc.exitcode})"
    if reply.outcome.startswith("hang"):
        slot.restart()
    return reply.outcome


# --- the run ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Plan:
    """What makes the job list: a run resumed from its progress file must have the same plan."""

    seed: int
    families: tuple[str, ...]
    corpus_share: float
    weights: tuple[float, ...] = ()  # per family (default: WEIGHTS)

    def __post_init__(self) -> None:
        if not self.weights:
            object.__setattr__(self, "weights", tuple(WEIGHTS[name] for name in self.families))

    def job(self, index: int) -> Job:
        """The index-th input of the run, the same in every chunk and on every machine."""
        rng = random.Random(f"{self.seed}:{index}")
        family = rng.choices(self.families, self.weights)[0]
        corpus = family in MUTATING and rng.random() < self.corpus_share
        return Job(family, rng.randrange(2**32), rng.randrange(2**16), corpus)


@dataclass
class Progress:
    """Which inputs are done (all below `next`, and `extra` above it) and the summary so far."""

    plan: Plan
    next: int = 0
    extra: set[int] = field(default_factory=set)
    summary: Summary = field(default_factory=Summary)

    def mark(self, index: int) -> None:
        self.extra.add(index)
        while self.next in self.extra:
            self.extra.discard(self.next)
            self.next += 1

    def todo(self, count: int) -> Any:
        """The indices below `count` not done yet, in order."""
        return (index for index in range(self.next, count) if index not in self.extra)

    def save(self, path: Path) -> None:
        """Write atomically, so that a run killed while saving keeps its last progress."""
        data = {"plan": asdict(self.plan), "next": self.next, "extra": sorted(self.extra)}
        temporary = path.with_suffix(".tmp")
        temporary.write_text(json.dumps(data | {"summary": self.summary.to_dict()}, indent=1), encoding="utf-8")
        os.replace(temporary, path)

    @classmethod
    def load(cls, path: Path, plan: Plan) -> Progress:
        """The saved progress of this plan (a fresh one if there is none); refuses another plan's file."""
        if not path.is_file():
            return cls(plan)
        data = json.loads(path.read_text(encoding="utf-8"))
        fields: dict[str, Any] = {
            key: tuple(value) if isinstance(value, list) else value for key, value in data["plan"].items()
        }
        saved = Plan(**fields)
        if saved != plan:
            raise SystemExit(f"fuzz: {path} is another run's progress ({saved}); use --fresh or another --out")
        return cls(plan, data["next"], set(data["extra"]), Summary.from_dict(data["summary"]))


def fuzz(
    count: int,
    *,
    workers: int = 2,
    timeout: float = 20.0,
    out: Path | None = None,
    small: bool = False,
    families: tuple[str, ...] = FAMILIES,
    seed: int = 0,
    corpus_share: float = CORPUS_SHARE,
    minutes: float | None = None,
    fresh: bool = False,
    memory_mb: int = 2048,
    progress: bool = False,
) -> Summary:
    """Run inputs until `count` are done (over all chunks) or `minutes` pass; save minimal reproducers.

    With `out`, the progress is kept in `out/progress.json` and a later call goes on from it.
    """
    plan = Plan(seed, tuple(families), 0.0 if small else corpus_share)
    state_file = out / "progress.json" if out is not None else None
    if state_file is not None:
        out.mkdir(parents=True, exist_ok=True)  # type: ignore[union-attr]
        if fresh:
            state_file.unlink(missing_ok=True)
    state = Progress.load(state_file, plan) if state_file is not None else Progress(plan)
    summary = state.summary
    context = _context()
    started = time.monotonic()
    stop_at = started + minutes * 60 if minutes else math.inf
    todo = state.todo(count)
    slots = [_Slot(context, timeout, memory_mb) for _ in range(workers)]
    busy: dict[Connection, tuple[_Slot, int]] = {}
    saved = reported = started
    cpu = 0.0
    found: list[tuple[Job, str]] = []  # minimised once the chunk's inputs are done
    try:
        while True:
            for slot in slots:
                if slot.conn not in busy and time.monotonic() < stop_at and (index := next(todo, None)) is not None:
                    slot.job = plan.job(index)
                    slot.send(slot.job)
                    busy[slot.conn] = (slot, index)
            if not busy:
                break
            ready = wait(list(busy), timeout=1.0)
            for conn, (slot, index) in list(busy.items()):
                answered = conn in ready or conn.poll()  # (an answer that came late is not a hang)
                reply = _reply(slot) if answered else _killed(slot) if slot.stuck() else None
                if reply is None:
                    continue
                del busy[conn]
                assert slot.job is not None
                if _record(summary, slot.job, reply, out):
                    found.append((slot.job, reply.outcome))
                state.mark(index)
            now = time.monotonic()
            if state_file is not None and now - saved > 30:
                summary.seconds += now - saved
                state.save(state_file)
                saved = now
            if progress and now - reported > 60:
                print(_line(summary), file=sys.stderr, flush=True)
                reported = now
    except KeyboardInterrupt:  # Ctrl-C (or SIGTERM) ends a chunk early; what was done is kept
        print("interrupted", file=sys.stderr)
    finally:
        cpu = sum(slot.stop() for slot in slots)
        summary.seconds += time.monotonic() - saved
        summary.worker_cpu += cpu
        summary.chunks += 1
        if state_file is not None:
            state.save(state_file)
    if out is not None:
        for job, outcome in found:
            data, html = make_input(job, Pages())
            smallest = minimise(data, html, outcome, timeout, context=context, memory_mb=memory_mb)
            save(out, job.name, smallest, html, outcome)
    return summary


def _reply(slot: _Slot) -> Reply:
    """The worker's answer; a worker that died (segfault, killed for memory) is a finding."""
    try:
        reply: Reply = slot.conn.recv()
    except (EOFError, OSError):
        slot.proc.join(timeout=5)
        reply = Reply(f"worker died (exit code {slot.proc.exitcode})")
        slot.restart()
        return reply
    if reply.outcome.startswith("hang"):
        slot.restart()
    return reply


def _killed(slot: _Slot) -> Reply:
    slot.restart()
    return Reply(f"hang: killed after {slot.limit + GRACE:.0f} s of CPU without seeing its limit (C code)")


def _record(summary: Summary, job: Job, reply: Reply, out: Path | None) -> bool:
    """Count an input; a crash or hang is a finding (True), saved whole at once and minimised later."""
    family = job.family
    summary.inputs += 1
    summary.by_family[family] += 1
    summary.corpus_inputs[family] += job.corpus
    size = reply.size or len(make_input(job, Pages())[0])
    buckets = summary.sizes.setdefault(family, [0] * (len(SIZE_BUCKETS) + 1))
    buckets[sum(size >= edge for edge in SIZE_BUCKETS)] += 1
    summary.largest[family] = max(summary.largest[family], size)
    summary.cpu_by_family[family] += reply.cpu
    summary.slowest[family] = max(summary.slowest[family], reply.cpu)
    summary.peak_rss_mb = max(summary.peak_rss_mb, reply.rss_mb)
    if reply.rss_before_mb:
        summary.rss_rise_mb[family] = max(summary.rss_rise_mb[family], reply.rss_mb - reply.rss_before_mb)
    if reply.outcome in {"ok", "refused"}:
        summary.refused += reply.outcome == "refused"
        summary.refused_by_family[family] += reply.outcome == "refused"
        return False
    print(f"finding: {job.name}: {reply.outcome.strip().splitlines()[-1]}", file=sys.stderr, flush=True)
    (summary.hangs if reply.outcome.startswith("hang") else summary.crashes).append(job.name)
    if out is not None:
        save(out, job.name, *make_input(job, Pages()), reply.outcome)
    return True


def _kind(outcome: str) -> str:
    """What a failure is, for minimising: 'hang', 'worker died', or the exception's type."""
    if outcome.startswith(("hang", "worker died", "InternalError recorded")):
        return outcome.split(":")[0].split(" (")[0]
    return outcome.strip().splitlines()[-1].split(":")[0]


def minimise(
    data: bytes,
    html: bool,
    failure: str,
    limit: float,
    attempts: int = 200,
    *,
    context: Any = None,
    memory_mb: int = 2048,
) -> bytes:
    """The smallest input found (by removing chunks) that still fails the same way.

    A hang costs the limit per attempt, so hangs get a 25th of the attempts (8 halvings).
    """
    kind = _kind(failure)
    attempts = max(1, attempts // 25) if kind == "hang" else attempts
    slot = _Slot(context or _context(), limit, memory_mb)
    try:
        chunk = max(1, len(data) // 2)
        while chunk >= 1 and attempts > 0:
            start, shrunk = 0, False
            while start < len(data) and attempts > 0:
                candidate = data[:start] + data[start + chunk :]
                attempts -= 1
                if _kind(_ask(slot, (candidate, html))) == kind:
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


def _line(summary: Summary) -> str:
    return (
        f"{summary.inputs} inputs in {summary.seconds:.0f} s, {summary.worker_cpu:.0f} s worker CPU "
        f"({summary.refused} refused with a message): {len(summary.crashes)} crashes, {len(summary.hangs)} hangs, "
        f"peak RSS per worker {summary.peak_rss_mb:.0f} MB"
    )


def table(summary: Summary) -> str:
    """Per family: inputs (from corpus pages), sizes, CPU per input, slowest, largest RSS rise (Markdown)."""
    edges = ["<1 KB", "<10 KB", "<100 KB", "<1 MB", "≥1 MB"]
    rows = [
        "| family | inputs | refused | from corpus pages | sizes (" + " / ".join(edges) + ") | largest | CPU ms/input "
        "| slowest input | most one input raised peak RSS |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for family in sorted(summary.by_family):
        n = summary.by_family[family]
        rows.append(
            f"| {family} | {n:,} | {summary.refused_by_family[family]:,} | {summary.corpus_inputs[family]:,} | "
            + " / ".join(f"{c:,}" for c in summary.sizes.get(family, []))
            + f" | {summary.largest[family] / 1e3:,.0f} KB | {1000 * summary.cpu_by_family[family] / n:.0f} "
            f"| {summary.slowest[family]:.1f} s | {summary.rss_rise_mb[family]:.0f} MB |"
        )
    return "\n".join(rows)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=1000, help="inputs the whole run reaches (default: 1000)")
    parser.add_argument("--minutes", type=float, help="stop this chunk after so many minutes (go on later)")
    parser.add_argument("--workers", type=int, default=2, help="worker processes (default: 2)")
    parser.add_argument("--timeout", type=float, default=20.0, help="CPU seconds one input may take (default: 20)")
    parser.add_argument(
        "--memory-mb",
        type=int,
        default=2048,
        help="MB a worker may add to the model's (default: 2048; more is a MemoryError finding)",
    )
    parser.add_argument("--out", type=Path, default=Path("fuzz-findings"), help="reproducers and progress.json")
    parser.add_argument("--fresh", action="store_true", help="start over, ignoring OUT/progress.json")
    parser.add_argument("--small", action="store_true", help="mutate only the small test pages, not the corpus")
    parser.add_argument(
        "--corpus-share",
        type=float,
        default=CORPUS_SHARE,
        help="share of the mutations made from a corpus page (default: 0.05)",
    )
    parser.add_argument("--family", action="append", choices=FAMILIES, help="only these families (repeatable)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the job list (default: 0)")
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, _interrupt)  # `kill` ends a background chunk with its progress saved
    summary = fuzz(
        args.count,
        workers=args.workers,
        timeout=args.timeout,
        out=args.out,
        small=args.small,
        families=tuple(args.family or FAMILIES),
        seed=args.seed,
        corpus_share=args.corpus_share,
        minutes=args.minutes,
        fresh=args.fresh,
        memory_mb=args.memory_mb,
        progress=True,
    )
    print(_line(summary) + f", {summary.chunks} chunk(s)")
    print(table(summary))
    for name in summary.crashes + summary.hangs:
        print("finding:", name)
    return 1 if summary.crashes or summary.hangs else 0


if __name__ == "__main__":
    sys.exit(main())
