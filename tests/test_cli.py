"""The `tracer` command: help, exit codes, JSON and JSON Lines output, atomic -o."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SEED, SEEDS
from tracer import cli
from tracer.models import TraceResult
from tracer.read.inputs import InputItem
from tracer.run import worker
from tracer.run.batch import Outcome

# The console script installed beside this interpreter (the venv may not be on PATH).
TRACER = str(Path(sys.executable).with_name("tracer"))


def run(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    """Run the installed console script, as a user would."""
    return subprocess.run([TRACER, *args], input=stdin, capture_output=True, cwd=cwd, timeout=120)


@pytest.mark.parametrize("command", [[], ["trace"], ["schema"]])
def test_help_for_every_command(command: list[str]) -> None:
    result = run(*command, "--help")
    assert result.returncode == 0
    out = result.stdout.decode()
    assert "usage: tracer" in out
    if command == ["trace"]:
        assert "--compact" in out and "--offline" in out and "exit codes" in out


def test_no_command_is_a_usage_error() -> None:
    result = run()
    assert result.returncode == 2
    assert b"usage: tracer" in result.stderr


def test_seed_end_to_end() -> None:
    result = run("trace", str(SEED))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    trace = TraceResult.model_validate(data)
    doc = trace.document
    assert doc.path == str(SEED)
    assert doc.format == "text"
    assert doc.text == SEED.read_text(encoding="utf-8")
    assert doc.text.startswith("South Korea's military on Monday issued a surprisingly high figure")
    assert doc.url is None
    assert doc.title is not None and doc.title.startswith("South Korea's military on Monday issued")
    assert doc.published == "2024-12-23"  # no dateline: the latest date the text writes (its quoted post's)
    [pic] = [link for link in trace.links if "sibNWZhStF" in link.url]
    assert pic.url == "https://pic.twitter.com/sibNWZhStF"
    assert pic.kind == "social_post"
    assert doc.text[pic.start : pic.end] == "pic.twitter.com/sibNWZhStF"
    assert pic.context.startswith("North Korea demonstrated UAVs")
    assert trace.documents[0].id == doc.id and trace.documents[0].status == "ok"
    assert trace.errors == []
    assert result.stdout.count(b"\n") > 10  # indented


def test_compact_prints_one_line() -> None:
    result = run("trace", "--compact", str(SEED))
    assert result.stdout.count(b"\n") == 1
    assert json.loads(result.stdout)["schema_version"] == "1.0"


def test_directory_gives_json_lines_in_sorted_order(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("Police said the road was closed on Monday.\n")
    (tmp_path / "a.html").write_text(
        "<html><body><p>The mayor said the bridge would reopen next week.</p></body></html>"
    )
    (tmp_path / "notes.csv").write_text("ignored,file\n")
    result = run("trace", str(tmp_path))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.decode().splitlines()
    assert [json.loads(line)["document"]["path"] for line in lines] == [
        str(tmp_path / "a.html"),
        str(tmp_path / "b.txt"),
    ]


def test_stdin() -> None:
    result = run("trace", "-", stdin=SEED.read_bytes())
    assert result.returncode == 0
    assert json.loads(result.stdout)["document"]["text"] == SEED.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("make_input", "code", "message"),
    [
        (lambda d: str(d / "missing.html"), 2, "no such file"),
        (lambda d: _write(d / "image.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01"), 2, "binary"),
        (lambda d: _write(d / "empty.txt", b"  \n\n "), 2, "empty"),
        (lambda d: "ftp://example.com/article.html", 2, "unsupported URL scheme"),
        (lambda d: "http://127.0.0.1:9/article.html", 3, "cannot reach 127.0.0.1"),
    ],
    ids=["missing", "binary", "empty", "scheme", "network"],
)
def test_bad_input_is_one_line_and_an_exit_code(tmp_path: Path, make_input, code: int, message: str) -> None:  # type: ignore[no-untyped-def]
    result = run("trace", "--cache-dir", str(tmp_path / "cache"), "--allow-private", make_input(tmp_path))
    assert result.returncode == code
    err = result.stderr.decode().strip().splitlines()
    assert len(err) == 1 and err[0].startswith("tracer: error:") and message in err[0]
    assert result.stdout == b""


def _write(path: Path, data: bytes) -> str:
    path.write_bytes(data)
    return str(path)


def test_batch_keeps_going_and_records_failures(tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    result = run("trace", str(SEED), str(missing), str(SEED))
    assert result.returncode == 1
    lines = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert len(lines) == 3
    assert lines[0]["errors"] == [] and lines[2]["errors"] == []
    assert lines[1]["errors"][0]["type"] == "InputNotFoundError"
    assert lines[1]["documents"][0]["status"] == "failed"
    assert lines[1]["input"] == str(missing)
    assert b"missing.txt" in result.stderr


def test_output_file_is_written(tmp_path: Path) -> None:
    out = tmp_path / "out" / "trace.jsonl"
    result = run("trace", str(SEEDS), "-o", str(out))
    assert result.returncode == 0 and result.stdout == b""
    assert TraceResult.model_validate_json(out.read_text().splitlines()[0]).document.path


def test_output_is_atomic_when_the_run_crashes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "trace.jsonl"
    out.write_text("previous results\n")
    calls = {"n": 0}
    real = worker.outcome_of  # where a batch serialises each result (in-process for a 2-input batch)

    def crash_on_second(index: int, item: InputItem, result: TraceResult) -> Outcome:
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("simulated crash mid-batch")
        return real(index, item, result)

    monkeypatch.setattr(worker, "outcome_of", crash_on_second)
    with pytest.raises(RuntimeError):
        cli.main(["trace", str(SEED), str(SEED), "-o", str(out)])
    assert out.read_text() == "previous results\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["trace.jsonl"]  # no temp file left behind


def test_schema_is_the_trace_result_schema() -> None:
    result = run("schema")
    schema = json.loads(result.stdout)
    assert schema["title"] == "TraceResult"
    assert {"schema_version", "document", "posts", "links", "claims", "documents", "sources", "errors"} <= set(
        schema["properties"]
    )
    hop = schema["$defs"]["Hop"]["properties"]
    assert {
        "source",
        "cue",
        "source_start",
        "source_end",
        "cue_start",
        "cue_end",
        "evidence",
        "document_id",
        "date",
        "confidence",
    } <= set(hop)


def test_module_entry_point() -> None:
    result = subprocess.run([sys.executable, "-m", "tracer", "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.startswith("tracer ")


def test_output_to_a_named_pipe_is_written_through_not_replaced(tmp_path: Path) -> None:
    """`-o /dev/null` (or a FIFO) must stay what it is: renaming a file over it destroyed the device."""
    import os
    import stat
    import threading

    from tracer.export.json_io import atomic_writer

    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    received: list[str] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_text(encoding="utf-8")))
    reader.start()
    with atomic_writer(pipe) as handle:
        handle.write('{"ok": true}\n')
    reader.join(timeout=10)
    assert received == ['{"ok": true}\n']
    assert stat.S_ISFIFO(pipe.stat().st_mode)
    assert not list(tmp_path.glob(".pipe.*"))
