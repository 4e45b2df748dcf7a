"""Shared fixtures: project paths, the shared corpus of real pages, the seed article."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SEEDS = ROOT / "seeds"
SEED = SEEDS / "korea-north-korean-casualties.txt"
# Real news pages from public extraction test suites; used by path, never copied here.
CORPUS = Path(os.environ.get("TRACER_CORPUS", ROOT.parent / "shared" / "corpora" / "html"))


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
