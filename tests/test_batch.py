"""Batches: parallel workers, input order, resume after SIGKILL and Ctrl-C, output checks, shared politeness."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from itertools import pairwise
from pathlib import Path

import pytest

from tests.web.server import Web
from tracer import cli
from tracer.export.json_io import completed_ids, remove_orphans

TRACER = str(Path(sys.executable).with_name("tracer"))

SENTENCES = [
    "The harbour master said the ferry would resume sailing on {day}.",
    "Officials told reporters that the {thing} was safe, according to the council.",
    "Police said {n} people had been moved from the flooded streets.",
    "The minister, citing a report by the water board, said the {thing} needed repairs.",
]
DAYS = ["Monday", "Tuesday", "Friday"]
THINGS = ["bridge", "dam", "pier", "road"]


def make_corpus(folder: Path, count: int) -> list[Path]:
    """Small distinct articles (a few attributed sentences each), HTML and text alternating."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        text = " ".join(s.format(day=DAYS[n % 3], thing=THINGS[n % 4], n=n + 2) for s in SENTENCES[: 2 + n % 3])
        if n % 2:
            path = folder / f"{n:03d}.txt"
            path.write_text(text + "\n", encoding="utf-8")
        else:
            path = folder / f"{n:03d}.html"
            path.write_text(f"<html><body><article><p>{text}</p></article></body></html>", encoding="utf-8")
        paths.append(path)
    return paths


def run(*args: str, env: dict[str, str] | None = None, timeout: float = 300) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([TRACER, *args], capture_output=True, timeout=timeout, env=env)


def records(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("batch") / "pages"
    make_corpus(folder, 12)
    return folder


@pytest.fixture(scope="module")
def serial(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """The reference: the corpus traced in one process."""
    out = tmp_path_factory.mktemp("serial") / "serial.jsonl"
    result = run("trace", str(corpus), "--offline", "--depth", "0", "-j", "1", "-q", "-o", str(out))
    assert result.returncode == 0, result.stderr
    return out.read_text(encoding="utf-8").splitlines()


def test_two_workers_give_the_serial_output_in_input_order(corpus: Path, serial: list[str]) -> None:
    result = run("trace", str(corpus), "--offline", "--depth", "0", "-j", "2", "-q")
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode().splitlines() == serial
    assert len(serial) == 12 and all(json.loads(line)["input_id"] for line in serial)


def test_unordered_writes_the_same_records(corpus: Path, serial: list[str], tmp_path: Path) -> None:
    out = tmp_path / "any-order.jsonl"
    result = run("trace", str(corpus), "--offline", "--depth", "0", "-j", "2", "--unordered", "-q", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert sorted(out.read_text().splitlines()) == sorted(serial)


def test_resume_cuts_a_half_line_and_appends_the_rest(corpus: Path, serial: list[str], tmp_path: Path) -> None:
    out = tmp_path / "traces.jsonl"
    out.write_text("\n".join(serial[:5]) + "\n" + serial[5][:100], encoding="utf-8")  # killed mid-write
    result = run("trace", str(corpus), "--offline", "--depth", "0", "-j", "1", "-q", "-o", str(out), "--resume")
    assert result.returncode == 0, result.stderr
    assert sorted(out.read_text().splitlines()) == sorted(serial)
    result = run("trace", str(corpus), "--offline", "--depth", "0", "-q", "-o", str(out), "--resume")
    assert result.returncode == 0 and b"every input is already in" in result.stderr


def test_completed_ids_truncates_only_the_half_line(tmp_path: Path) -> None:
    out = tmp_path / "t.jsonl"
    good = '{"schema_version":"1.0","input":"a \\"q\\"","input_id":"i-1","document":{}}\n'
    out.write_text(good + '{"schema_version":"1.0","inp', encoding="utf-8")
    assert completed_ids(out) == {"i-1"}
    assert out.read_text(encoding="utf-8") == good


def test_resume_refuses_a_file_without_input_ids(tmp_path: Path, corpus: Path) -> None:
    out = tmp_path / "old.jsonl"
    out.write_text('{"schema_version": "1.0", "input": "x", "document": {}}\n', encoding="utf-8")
    result = run("trace", str(corpus), "--offline", "-o", str(out), "--resume")
    assert result.returncode == 5 and b"no input_id" in result.stderr


def test_sigkill_then_resume_has_every_input_once(corpus: Path, serial: list[str], tmp_path: Path) -> None:
    out = tmp_path / "killed.jsonl"
    args = [TRACER, "trace", str(corpus), "--offline", "--depth", "0", "-j", "2", "-q", "-o", str(out), "--resume"]
    rng = random.Random(17)
    for _ in range(2):
        process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        time.sleep(rng.uniform(2.0, 6.0))  # model load, then tracing: kills land before and during it
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    assert subprocess.run(args, capture_output=True, timeout=300).returncode == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert sorted(lines) == sorted(serial)  # nothing lost, nothing twice, no torn line


def test_ctrl_c_stops_and_says_how_to_resume(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    make_corpus(pages, 60)
    out = tmp_path / "interrupted.jsonl"
    args = [TRACER, "trace", str(pages), "--offline", "--depth", "0", "-j", "2", "-v", "-o", str(out)]
    process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    assert process.stderr is not None
    started = 0
    while started < 4:  # workers are tracing: interrupt mid-batch
        line = process.stderr.readline()
        assert line, "the run ended before it could be interrupted"
        started += line.startswith(b"tracer: tracing ")
    os.killpg(process.pid, signal.SIGINT)  # as a terminal's Ctrl-C: the whole process group
    _, rest = process.communicate(timeout=60)
    err = rest.decode()
    assert process.returncode == 130, err
    assert "--resume" in err.strip().splitlines()[-1] and "Traceback" not in err
    kept = out.read_text(encoding="utf-8").splitlines() if out.exists() else []
    assert len(kept) < 60 and all(json.loads(line)["input_id"] for line in kept)  # what was done is kept
    assert not list(tmp_path.glob(".*.tmp"))


@pytest.mark.parametrize(
    ("make_output", "message"),
    [
        (lambda d: d, "is a directory"),
        (lambda d: _file(d / "plain") / "out.jsonl", "is a file, not a directory"),
        (lambda d: Path("/proc/tracer-out.jsonl"), "cannot write to"),
    ],
    ids=["directory", "under-a-file", "unwritable"],
)
def test_bad_output_fails_before_tracing(tmp_path: Path, corpus: Path, make_output, message: str) -> None:  # type: ignore[no-untyped-def]
    started = time.monotonic()
    result = run("trace", str(corpus), "--offline", "-o", str(make_output(tmp_path)))
    assert result.returncode == 5
    err = result.stderr.decode().strip().splitlines()
    assert len(err) == 1 and err[0].startswith("tracer: error:") and message in err[0]
    assert time.monotonic() - started < 20  # no model loaded, nothing traced


def _file(path: Path) -> Path:
    path.write_text("x")
    return path


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o077, 0o600)])
def test_output_files_follow_the_umask(tmp_path: Path, umask: int, mode: int) -> None:
    page = make_corpus(tmp_path / "in", 1)[0]
    out = tmp_path / "one.json"
    old = os.umask(umask)
    try:
        assert cli.main(["trace", str(page), "--offline", "-o", str(out)]) == 0
    finally:
        os.umask(old)
    assert out.stat().st_mode & 0o777 == mode


def test_orphan_temp_files_of_dead_writers_are_removed(tmp_path: Path) -> None:
    target = tmp_path / "t.jsonl"
    dead = subprocess.Popen(["true"])
    dead.wait()
    orphan = tmp_path / f".t.jsonl.{dead.pid}.abc123.tmp"
    mine = tmp_path / f".t.jsonl.{os.getpid()}.def456.tmp"
    orphan.write_text("half")
    mine.write_text("in progress")
    assert remove_orphans(target) == [orphan]
    assert mine.exists() and not orphan.exists()


def test_verbose_after_the_subcommand_and_cache_dir_from_the_environment(tmp_path: Path) -> None:
    page = make_corpus(tmp_path / "in", 1)[0]
    env = {**os.environ, "TRACER_CACHE_DIR": str(tmp_path / "env-cache")}
    result = run("trace", str(page), "https://news.example/x", "--offline", "-v", "-j", "1", env=env)
    err = result.stderr.decode()
    assert "tracer: tracing " + str(page) in err
    assert (tmp_path / "env-cache" / "http_cache.sqlite").exists()


def test_two_workers_share_one_hosts_rate_limit_and_cache(tmp_path: Path) -> None:
    body = "<html><body><article><p>The mayor said page {n} was ready.</p></article></body></html>"
    with Web(None, extra=("site",)) as web:
        for n in range(6):
            web.route("site", f"/p{n}", body=body.format(n=n), delay=0.05)
        urls = [web.url("site", f"/p{n}") for n in range(6)]
        cache = tmp_path / "cache"
        result = run(
            "trace", *urls, "--depth", "0", "--allow-private", "-j", "2", "--rate", "0.4", "--per-host", "1",
            "--cache-dir", str(cache), "-q",
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        starts = sorted(hit.started for hit in web.requests("site"))
        assert len(starts) == 6
        gaps = [b - a for a, b in pairwise(starts)]
        # One interval for the whole run, not one per worker: with a limiter per worker the two
        # workers' requests would pair up (gaps near 0) and six would span about 2 intervals, not 5.
        # A late wake-up on a loaded machine shortens one gap and lengthens the next, so single gaps
        # get half an interval of slack and the span, which jitter cannot shrink much, 5%.
        assert min(gaps) >= 0.2, gaps
        assert starts[-1] - starts[0] >= 5 * 0.4 * 0.95, gaps
        assert web.max_in_flight("site") == 1
        assert b"locked" not in result.stderr
        web.clear()
        again = run(
            "trace", *urls, "--depth", "0", "--offline", "--allow-private", "-j", "2", "--cache-dir", str(cache), "-q"
        )
        assert again.returncode == 0 and web.requests("site") == []  # both workers read the one cache


def test_the_output_inside_the_input_folder_is_never_an_input(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    make_corpus(pages, 2)
    out = pages / "traces.jsonl"
    for _ in range(2):
        assert cli.main(["trace", str(pages), "--offline", "-q", "-j", "1", "-o", str(out), "--resume"]) == 0
    assert [json.loads(line)["input"] for line in out.read_text().splitlines()] == [
        str(pages / "000.html"),
        str(pages / "001.txt"),
    ]


def test_stdin_in_a_batch_is_read_by_the_parent(tmp_path: Path) -> None:
    page = make_corpus(tmp_path / "in", 1)[0]
    text = b"The harbour master said the ferry would resume sailing on Monday.\n"
    result = subprocess.run(
        [TRACER, "trace", str(page), "-", "--offline", "-q", "-j", "2"], input=text, capture_output=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    [first, second] = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert first["input"] == str(page)
    assert second["input"] == "-" and second["document"]["text"] == text.decode()
