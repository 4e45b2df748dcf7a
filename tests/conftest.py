"""Shared fixtures: project paths, the shared corpus of real pages, the seed article."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SEEDS = ROOT / "seeds"
SEED = SEEDS / "korea-north-korean-casualties.txt"


def _find_corpus() -> Path:
    """`$TRACER_CORPUS`, else the nearest `shared/corpora/html` beside the checkout or above it.

    Checkouts live at different depths (a clone beside `shared/`, a git worktree one level
    deeper), so the folders above the project are searched in turn.
    """
    if "TRACER_CORPUS" in os.environ:
        return Path(os.environ["TRACER_CORPUS"])
    for parent in ROOT.parents:
        candidate = parent / "shared" / "corpora" / "html"
        if candidate.is_dir():
            return candidate
    return ROOT.parent / "shared" / "corpora" / "html"


# Real news pages from public extraction test suites; used by path, never copied here.
CORPUS = _find_corpus()


@pytest.fixture
def corpus() -> Path:
    """The folder of real pages (tests that need it are skipped, loudly, when it is absent)."""
    if not CORPUS.is_dir():
        pytest.skip(f"corpus of real pages not found at {CORPUS} (set TRACER_CORPUS)")
    return CORPUS


@pytest.fixture
def cache_dir(tmp_path: Path) -> Path:
    """A fresh HTTP cache directory per test, so tests never share cached responses."""
    path = tmp_path / "cache"
    path.mkdir()
    return path
