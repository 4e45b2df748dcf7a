"""Tracing through a misbehaving server (tests/web/faults.py): every fault ends in a recorded,
clearly worded status on the document and its hop, within the deadline plus 5 s, with bounded
memory, and the trace itself succeeds."""

from __future__ import annotations

import resource
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.web.faults import FaultServer
from tests.web.tracing import fetch_options
from tracer import cli
from tracer.models import TraceResult
from tracer.read.document import read_text
from tracer.read.inputs import InputItem
from tracer.run.batch import trace_one
from tracer.trail.trace import trace_article
from tracer.trail.walk import TrailOptions
from tracer.web.addresses import host_key
from tracer.web.fetch import Fetcher

DEADLINE = 1.5
PRIVATE_TARGETS = [
    "http://169.254.169.254/latest/meta-data/",
    "http://10.0.0.1/admin",
    "http://[::1]:{port}/story",
    "http://[::ffff:127.0.0.1]:{port}/story",
    "http://0.0.0.0:{port}/story",
    "http://2130706433:{port}/story",
    "http://127.1:{port}/story",
    "http://0x7f000001:{port}/story",
    "http://0177.0.0.1:{port}/story",
    "http://localhost:{port}/story",
    "file:///etc/passwd",
    "ftp://127.0.0.1/secret",
]


@pytest.fixture(scope="module")
def faults() -> Iterator[FaultServer]:
    # Load the language model first, so the timings below are the faults' alone.
    trace_article(read_text("The council said the bridge would reopen, according to a report."), input_label="warm")
    with FaultServer() as server, FaultServer() as other:
        server.targets = [t.format(port=other.port) for t in PRIVATE_TARGETS]
        server.other = other  # type: ignore[attr-defined]
        yield server


def _trace(server: FaultServer, fault: str, cache_dir: Path) -> tuple[TraceResult, float]:
    options = fetch_options(
        cache_dir,
        allow_private=False,
        allow_hosts=frozenset({host_key(server.url("/"))}),
        deadline=DEADLINE,
        timeout=(1.0, 1.0),
        max_bytes=2_000_000,
        retries=1,
    )
    started = time.monotonic()
    with Fetcher(options) as fetcher:
        result = trace_one(InputItem("url", server.url(f"/page/{fault}")), fetcher, trail=TrailOptions(depth=1))
    return result, time.monotonic() - started


FAULTS = [
    ("hang", "dead", "timed out"),
    ("header-drip", "dead", "timed out .*no complete answer"),
    ("body-drip", "dead", "timed out"),
    ("status-429", "failed", "HTTP 429"),
    ("status-500", "failed", "HTTP 500"),
    ("status-503", "failed", "HTTP 503"),
    ("retry-429-120", "rate_limited", "asks to wait 120 s"),
    ("retry-503-3600", "rate_limited", "asks to wait 3600 s"),
    ("retry-503-1", "failed", "HTTP 503"),
    ("reset-before", "dead", "reset the connection"),
    ("reset-mid", "dead", "reset the connection in the middle of the body"),
    ("garbage", "dead", "did not answer in HTTP"),
    ("loop", "failed", "more than 5 redirects"),
    ("loop-a", "failed", "more than 5 redirects"),
    ("big-length", "failed", "response over 2000000 bytes"),
    ("big-chunked", "failed", "response over 2000000 bytes"),
    ("lying-short", "failed", "response over 2000000 bytes"),
    ("lying-long", "ok", ""),  # Content-Length 100: a 100-byte answer, read as such
    ("gzip-bomb", "failed", "response over 2000000 bytes"),
    ("gzip-bomb-double", "failed", "response over 2000000 bytes"),
    ("png", "failed", r"not a readable document \(image/png\)"),
    ("pdf", "failed", r"not a readable document \(application/pdf\)"),
    ("no-type", "failed", "binary"),
    ("charset-punycode", "ok", ""),
    ("charset-utf-7", "ok", ""),
    ("charset-x-no-such-thing", "ok", ""),
    *((f"redirect-{i}", "blocked" if i < 10 else "failed", "refusing" if i < 10 else "unsupported URL scheme")
      for i in range(len(PRIVATE_TARGETS))),
]  # fmt: skip


@pytest.mark.parametrize(("fault", "status", "message"), FAULTS, ids=[f[0] for f in FAULTS])
def test_fault_is_recorded_in_bounded_time_and_memory(
    faults: FaultServer, cache_dir: Path, fault: str, status: str, message: str
) -> None:
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    result, seconds = _trace(faults, fault, cache_dir)
    assert not result.errors, result.errors
    [document] = [d for d in result.documents[1:] if d.requested_url or d.url]
    assert document.status.value == status, document
    assert seconds < DEADLINE + 5
    if status != "ok":
        import re

        assert re.search(message, document.error or ""), document.error
        [claim] = [c for c in result.claims if c.chain and c.chain[-1].flags]
        assert claim.chain[-1].flags == [f"{status}_link"]
    growth_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_before) / 1024
    assert growth_mb < 150, f"peak RSS grew by {growth_mb:.0f} MB"
    assert faults.other.hits == []  # type: ignore[attr-defined]  # no private target was ever asked


def test_budget_cuts_off_what_is_left(faults: FaultServer, cache_dir: Path) -> None:
    options = fetch_options(cache_dir, allow_private=True, deadline=30.0, timeout=(1.0, 30.0))
    started = time.monotonic()
    with Fetcher(options) as fetcher:
        result = trace_one(
            InputItem("url", faults.url("/page/header-drip")), fetcher, trail=TrailOptions(depth=1, budget=1.0)
        )
    assert time.monotonic() - started < 1.0 + 5
    [document] = result.documents[1:]
    assert document.status.value == "dead" and "timed out" in (document.error or "")


def test_out_of_time_is_recorded_unfetched(faults: FaultServer, cache_dir: Path) -> None:
    asked = faults.hits.count("/fault/hang")
    with Fetcher(fetch_options(cache_dir)) as fetcher:
        result = trace_one(InputItem("url", faults.url("/page/hang")), fetcher, trail=TrailOptions(depth=1, budget=0))
    [document] = result.documents[1:]
    assert document.status.value == "out_of_time" and "time budget was spent" in (document.error or "")
    assert faults.hits.count("/fault/hang") == asked


def test_cli_exit_code_is_zero_for_a_faulty_link(faults: FaultServer, tmp_path: Path) -> None:
    args = ["trace", faults.url("/page/header-drip"), "--depth", "1", "--cache-dir", str(tmp_path / "c")]
    assert cli.main([*args, "--allow-private", "--timeout", "1", "--budget", "2", "-o", str(tmp_path / "o.json")]) == 0
    assert '"status": "dead"' in (tmp_path / "o.json").read_text(encoding="utf-8")


def test_hop_flags_are_not_repeated() -> None:
    from tracer.models import Hop, SourceRef, Visit
    from tracer.trail.walk import Step, _mark_unreached

    post_hop = Hop(source=SourceRef(id="s1", name="someone"), relation="post")
    step = Step(node=None, text="", spans=[], local_hops=[], out_hops=[post_hop])  # type: ignore[arg-type]
    for _ in range(4):  # the same post met from four claims
        _mark_unreached(step, [Visit(url="https://x.com/a/status/1", reason="post", status="not_cached")])
    assert post_hop.flags.count("not_cached_post") == 1
