"""Fuzzing: the saved reproducers stay fixed, a short run of every mutation family finds nothing,
and generated text (hypothesis) never raises anything but a `TracerError`."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
import fuzz

REPRODUCERS = sorted(p for p in (ROOT / "tests" / "data" / "fuzz").iterdir() if p.suffix in {".html", ".txt"})


@pytest.mark.parametrize("path", REPRODUCERS, ids=[p.name for p in REPRODUCERS])
def test_reproducer_is_fixed(path: Path) -> None:
    assert fuzz.run_input(path.read_bytes(), path.suffix == ".html") in {None, "refused"}


def test_short_fuzz_run_finds_nothing(tmp_path: Path) -> None:
    """200 inputs, every family, small seed pages; the long run is `python benchmarks/fuzz.py`."""
    summary = fuzz.fuzz(200, workers=2, timeout=20.0, out=tmp_path, small=True, seed=1)
    assert summary.inputs == 200 and set(summary.by_family) == set(fuzz.FAMILIES)
    assert summary.crashes == [] and summary.hangs == [], list(tmp_path.iterdir())


def test_hangs_and_crashes_are_saved_and_minimised(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    failure = "Traceback (most recent call last):\nValueError: boom"
    monkeypatch.setattr(fuzz, "_ask", lambda slot, job, timeout, warmup: (failure if b"!" in job[0] else "ok", 0.0))
    monkeypatch.setattr(fuzz, "_Slot", lambda pages: type("S", (), {"stop": lambda self: None})())
    assert fuzz.minimise(b"abcdefgh!ijklmnop", False, failure, 1.0) == b"!"
    fuzz.save(tmp_path, "x-1", b"!", False, failure)
    assert (tmp_path / "x-1.txt").read_bytes() == b"!" and "boom" in (tmp_path / "x-1.log").read_text()


_PIECES = st.one_of(
    st.text(max_size=80),
    st.sampled_from(["said", "according to", "“", "”", '"', "\n", "\n\n", ". ", "http://[::1]/", "@a", "\ud800"]),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_PIECES, max_size=40), st.booleans())
def test_generated_text_never_crashes(pieces: list[str], html: bool) -> None:
    text = "".join(pieces)
    data = (f"<html><body><p>{text}</p></body></html>" if html else text).encode("utf-8", "surrogatepass")
    assert fuzz.run_input(data, html) in {None, "refused"}
