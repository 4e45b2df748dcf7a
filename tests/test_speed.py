"""Costs users rely on: one BLAS thread per process, and per-claim work that does not re-read the document."""

from __future__ import annotations

import gc
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

import tracer.text
from tracer.read.document import read_text
from tracer.text import SentenceIndex, Span, sentences
from tracer.trail.candidates import candidates_for
from tracer.trail.trace import trace_article

_ENV = {k: v for k, v in os.environ.items() if k not in {"OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"}}


def _blas_threads_after_import(env: dict[str, str]) -> str:
    code = "import tracer, os; print(os.environ['OPENBLAS_NUM_THREADS'])"
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout


def test_importing_tracer_sets_one_blas_thread() -> None:
    assert _blas_threads_after_import(_ENV).strip() == "1"


def test_a_blas_setting_the_user_chose_is_kept() -> None:
    assert _blas_threads_after_import({**_ENV, "OPENBLAS_NUM_THREADS": "2"}).strip() == "2"


_TEXT = (
    "Officials said the bridge was closed. The mayor told reporters it would reopen soon.\n"
    "Dr. Smith wrote that the figures were wrong! Was it true? Nobody knew.\n\n"
    "A last paragraph, with no end"
)


@pytest.mark.parametrize("seed", range(20))
def test_sentence_index_finds_what_a_full_scan_finds(seed: int) -> None:
    rng = random.Random(seed)
    spans = sentences(_TEXT)
    index = SentenceIndex(_TEXT)
    for _ in range(30):
        start = rng.randrange(len(_TEXT))
        query = [Span(start, min(len(_TEXT), start + rng.randrange(0, 60)))]
        brute = [s for s in spans if any(s.start < q.end and q.start < s.end for q in query)]
        assert index.touching(query) == brute
        assert index.first_from(start) == next((s for s in spans if s.start >= start), None)
        assert index.containing(start) == next((s for s in spans if s.start <= start < s.end), None)


def test_candidates_split_the_document_once_not_once_per_claim(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "\n".join(f"The agency said {n} homes lost power, according to officials." for n in range(40))
    article = read_text(text.encode())
    result = trace_article(article)
    assert len(result.claims) >= 20
    calls = []
    real = tracer.text.sentences
    monkeypatch.setattr(tracer.text, "sentences", lambda *a, **k: calls.append(1) or real(*a, **k))
    for claim in result.claims:
        candidates_for(article, result, [Span(claim.start, claim.end)], claim.chain, None)
    assert len(calls) <= 1


def test_a_worker_takes_its_loaded_model_out_of_the_cyclic_collector(tmp_path: Path) -> None:
    """Full collections would otherwise walk the model's objects again and again (0.4 s on the corpus)."""
    from tracer.parse.attribution.nlp import pipeline
    from tracer.run.worker import WorkerSettings, close_worker, init_worker
    from tracer.trail.options import TrailOptions
    from tracer.web.options import FetchOptions

    gc.unfreeze()
    try:
        init_worker(
            WorkerSettings(TrailOptions(depth=0), FetchOptions(cache_dir=tmp_path, offline=True)),
            ignore_interrupt=False,
        )
        assert gc.get_freeze_count() > 0
        tracked = {id(o) for o in gc.get_objects()}
        assert id(pipeline().vocab) not in tracked and id(pipeline()) not in tracked
    finally:
        close_worker()
        gc.unfreeze()


def test_the_tokenizer_built_at_load_is_the_model_packages_with_the_glued_quote_infixes() -> None:
    """`nlp.pipeline` builds the tokenizer from spaCy's English defaults rather than reading it from
    the model package (its special cases loaded once, not three times): only right while the
    package stores exactly those defaults."""
    import spacy
    import srsly
    from spacy.util import compile_infix_regex

    from tracer.parse.attribution.nlp import _EXCLUDED, _GLUED_QUOTES, MODEL, abbreviation_cases, pipeline

    ours = srsly.msgpack_loads(pipeline().tokenizer.to_bytes(exclude=["vocab"]))
    package = spacy.load(MODEL, exclude=list(_EXCLUDED))
    theirs = srsly.msgpack_loads(package.tokenizer.to_bytes(exclude=["vocab"]))
    assert ours.keys() == theirs.keys()
    added = abbreviation_cases(package.Defaults.tokenizer_exceptions)
    assert "Asst." in added and not set(added) & set(theirs["exceptions"])
    assert ours["exceptions"] == {**theirs["exceptions"], **srsly.msgpack_loads(srsly.msgpack_dumps(added))}
    assert {k: v for k, v in ours.items() if k not in ("infix_finditer", "exceptions")} == {
        k: v for k, v in theirs.items() if k not in ("infix_finditer", "exceptions")
    }
    defaults = package.Defaults
    assert theirs["infix_finditer"] == compile_infix_regex(defaults.infixes or ()).pattern
    assert ours["infix_finditer"] == compile_infix_regex([*(defaults.infixes or ()), *_GLUED_QUOTES]).pattern
    assert [t.text for t in pipeline()("Ryan said,“Look, it left.”He said")][:4] == ["Ryan", "said", ",", "“"]
