"""`tracer trace` following claims: the new options, end to end through the installed command."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEEDS
from tests.web.server import Web
from tests.web.tracing import ROOTS
from tracer.models import TraceResult
from tracer.parse.claims.sources import name_key

TRACER = str(Path(sys.executable).with_name("tracer"))


@pytest.fixture(scope="module")
def web() -> Iterator[Web]:
    with Web() as running:
        yield running


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([TRACER, *args], capture_output=True, cwd=cwd, timeout=120)


def web_args(web: Web, cache_dir: Path) -> list[str]:
    return [
        "--cache-dir",
        str(cache_dir),
        "--allow-private",
        "--rate",
        "0",
        "--oembed-twitter",
        web.url("social", "/oembed"),
        "--archive-url",
        web.base("archive"),
    ]


def test_help_documents_every_trail_option() -> None:
    out = run("trace", "--help").stdout.decode()
    for option in (
        "--depth N",
        "--archive ",
        "--archive-url URL",
        "--oembed-twitter URL",
        "--oembed-bluesky URL",
        "--allow-private",
        "--no-robots",
        "--rate SECONDS",
        "--per-host N",
        "--timeout SECONDS",
    ):
        assert option in out, option


def test_seed_traces_offline_out_of_the_box(tmp_path: Path) -> None:
    result = run("trace", "seeds/", "--offline", "--cache-dir", str(tmp_path / "cache"), cwd=ROOT)
    assert result.returncode == 0, result.stderr
    [line] = result.stdout.decode().splitlines()
    trace = TraceResult.model_validate_json(line)
    assert trace.errors == []
    [media] = trace.documents[1:]
    assert (media.url, media.status.value) == ("https://pic.twitter.com/sibNWZhStF", "skipped")
    clash = next(c for c in trace.claims if c.post_id and "kamikaze UAVs" in c.text)
    assert [name_key(h.source.name) for h in clash.chain][:1] == ["clash report"]
    assert clash.origin_document_id == trace.document.id  # nothing further reachable offline
    assert SEEDS.is_dir()


def test_trace_a_trail_from_the_command_line(web: Web, tmp_path: Path) -> None:
    site, path = ROOTS["smoke"]
    args = ["trace", web.url(site, path), "--depth", "3", "--archive", *web_args(web, tmp_path / "cache")]
    result = run(*args)
    assert result.returncode == 0, result.stderr
    trace = TraceResult.model_validate(json.loads(result.stdout))
    claim = next(c for c in trace.claims if "3.2 million" in c.text)
    assert claim.origin_date == "2025-03-27"
    assert [d.status.value for d in trace.documents] == ["ok", "ok", "dead", "dead"]
    assert trace.documents[2].archive_url is not None
    again = run(*args, "--offline")  # everything it needs is in the cache now
    assert again.returncode == 0
    offline = TraceResult.model_validate(json.loads(again.stdout))
    assert next(c for c in offline.claims if "3.2 million" in c.text).origin_date == "2025-03-27"


def test_depth_zero_reads_the_input_only(web: Web, tmp_path: Path) -> None:
    site, path = ROOTS["bridge"]
    web.clear()
    result = run("trace", web.url(site, path), "--depth", "0", *web_args(web, tmp_path / "cache"))
    trace = TraceResult.model_validate(json.loads(result.stdout))
    assert len(trace.documents) == 1 and [h.path for h in web.requests()] == [path]


def test_private_addresses_are_refused_without_the_flag(web: Web, tmp_path: Path) -> None:
    site, path = ROOTS["bridge"]
    web.clear()
    result = run("trace", web.url(site, path), "--cache-dir", str(tmp_path / "cache"))
    assert result.returncode == 3
    assert b"loopback address" in result.stderr and b"--allow-private" in result.stderr
    assert web.requests() == []


def test_no_robots_fetches_disallowed_pages(web: Web, tmp_path: Path) -> None:
    site, path = ROOTS["orren"]
    memo = web.url("gazette", "/private/inspection-memo")

    def memo_status(*extra: str) -> str:
        result = run("trace", web.url(site, path), *web_args(web, tmp_path / "cache"), *extra)
        trace = TraceResult.model_validate(json.loads(result.stdout))
        return next(d.status.value for d in trace.documents if d.url == memo)

    assert memo_status("--depth", "3") == "blocked"
    assert memo_status("--depth", "3", "--no-robots") == "dead"  # fetched: the page does not exist


def test_bad_option_values_are_usage_errors() -> None:
    for args in (["--depth", "-1"], ["--per-host", "0"]):
        result = run("trace", "seeds/", *args)
        assert result.returncode == 2 and b"must be" in result.stderr
