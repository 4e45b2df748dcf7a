"""Fuzzing: the saved reproducers stay fixed, a short run of every family finds nothing, the
harness's limits, minimising and progress file work, and generated text (hypothesis) never
raises anything but a `TracerError`."""

from __future__ import annotations

import gzip
import json
import multiprocessing as mp
import signal
import sys
from collections import Counter
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


def test_continued_quotations_are_not_each_tested_against_every_attribution(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fuzz hang nul_utf8-corpus49745-380512791 (a 1.3 MB corpus page read as text, not kept: it
    is a corpus page): `continue_quotes` tested each quotation against every content span of its
    paragraph, 120M overlap tests; 300 continued quotations made 45,000 of them."""
    from tracer.parse.attribution import quotes
    from tracer.parse.attribution.find import find_attributions

    calls = 0
    old = getattr(quotes, "_overlaps", None)

    def counted(a: object, b: object) -> bool:
        nonlocal calls
        calls += 1
        assert old is not None
        return bool(old(a, b))

    monkeypatch.setattr(quotes, "_overlaps", counted, raising=False)
    found = find_attributions(" ".join(f"“Point {i} stands,” Smith said. “And {i} more.”" for i in range(300)))
    assert calls < 3000
    assert len(found) == 300 and all(len(a.content) == 2 for a in found)  # each continuation is Smith's


def test_person_pronouns_guess_each_names_kind_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fuzz hangs nul_utf8-corpus49745-380512791 and nul_utf8-corpus10737-3606019015 (one corpus page
    read as text, 36 s): each "he" rescanned its paragraph's names and guessed each one's kind
    again, 476k `guess_kind` calls for 89 pronouns; 150 pronouns here made ~11,000."""
    from tracer.models import SourceKind
    from tracer.parse.claims import resolve
    from tracer.parse.claims.sources import guess_kind as real

    calls = 0

    def counted(name: str, description: str = "") -> SourceKind:
        nonlocal calls
        calls += 1
        return real(name, description)

    monkeypatch.setattr(resolve, "guess_kind", counted)
    text = " ".join(f"Officer Dana Smith{i} arrived. “Point {i} stands,” he said." for i in range(150))
    assert fuzz.run_input(text.encode(), False) is None
    assert calls < 2000


def test_an_input_goes_through_the_file_reader() -> None:
    """A gzipped page is unpacked as `tracer trace FILE` does (the HTML reader alone calls it binary)."""
    page = b"<html><body><p>The mayor said the bridge would reopen, according to the council.</p></body></html>"
    assert fuzz.run_input(gzip.compress(page), True) is None


def test_short_fuzz_run_finds_nothing(tmp_path: Path) -> None:
    """300 inputs, every family, small seed pages; the long run is `python benchmarks/fuzz.py`."""
    summary = fuzz.fuzz(300, workers=2, timeout=20.0, out=tmp_path, small=True, seed=1)
    assert summary.inputs == 300 and set(summary.by_family) == set(fuzz.FAMILIES)
    assert summary.crashes == [] and summary.hangs == [], list(tmp_path.iterdir())
    assert sum(sum(counts) for counts in summary.sizes.values()) == 300


def test_a_run_goes_on_from_its_progress_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fuzz, "run_input", lambda data, html, folder=None: None)  # the harness alone
    assert fuzz.fuzz(40, workers=2, out=tmp_path, small=True, seed=3).inputs == 40
    summary = fuzz.fuzz(70, workers=2, out=tmp_path, small=True, seed=3)
    expected = Counter(fuzz.Plan(3, fuzz.FAMILIES, 0.0).job(i).family for i in range(70))
    assert summary.inputs == 70 and summary.chunks == 2 and summary.by_family == expected
    assert json.loads((tmp_path / "progress.json").read_text())["next"] == 70
    with pytest.raises(SystemExit, match="another run"):
        fuzz.fuzz(80, out=tmp_path, small=True, seed=4)


def _spin(data: bytes, html: bool, folder: Path | None = None) -> str | None:
    if data == b"spin":
        while True:
            pass
    if data == b"spin in C":  # as C code that never looks at signals
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGPROF})
        while True:
            pass
    return None


def test_an_input_past_its_cpu_limit_is_a_hang_and_the_next_input_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fuzz, "run_input", _spin)
    monkeypatch.setattr(fuzz, "GRACE", 0.5)
    slot = fuzz._Slot(mp.get_context("fork"), 1.0, 0)
    try:
        outcome = fuzz._ask(slot, (b"spin", False))
        assert outcome.startswith("hang: over 1 s of CPU") and "_spin" in outcome  # with where the time went
        assert fuzz._ask(slot, (b"fine", False)) == "ok"
        assert fuzz._ask(slot, (b"spin in C", False)).startswith("hang: killed")
        assert fuzz._ask(slot, (b"fine", False)) == "ok"
    finally:
        slot.stop()
    assert not slot.folder.exists()  # the input files of the killed workers too


def test_hangs_and_crashes_are_saved_and_minimised(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    failure = "Traceback (most recent call last):\nValueError: boom"
    monkeypatch.setattr(fuzz, "_ask", lambda slot, job: failure if b"!" in job[0] else "ok")
    monkeypatch.setattr(fuzz, "_Slot", lambda *args: type("S", (), {"stop": lambda self: 0.0})())
    assert fuzz.minimise(b"abcdefgh!ijklmnop", False, failure, 1.0, context="fork") == b"!"
    fuzz.save(tmp_path, "x-1", b"!", False, failure)
    assert (tmp_path / "x-1.txt").read_bytes() == b"!" and "boom" in (tmp_path / "x-1.log").read_text()


def _crash_on_said(data: bytes, html: bool, folder: Path | None = None) -> str | None:
    return "Traceback (most recent call last):\nValueError: boom" if b"said" in data else None


def test_a_run_saves_each_crash_minimised(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fuzz, "run_input", _crash_on_said)
    summary = fuzz.fuzz(6, workers=2, out=tmp_path, small=True, families=("generated_text",), seed=5)
    assert summary.crashes and summary.hangs == []
    assert {p.read_bytes() for p in tmp_path.glob("*.txt")} == {b"said"}
    assert len(list(tmp_path.glob("*.log"))) == len(summary.crashes)


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
