"""The package's public surface and its independence from the UI toolkit."""

from __future__ import annotations

import subprocess
import sys

import tracer


def test_all_is_sorted_and_importable() -> None:
    assert tracer.__all__ == sorted(tracer.__all__)
    for name in tracer.__all__:
        assert hasattr(tracer, name), name


def test_import_tracer_does_not_import_textual_or_rich() -> None:
    code = "import sys, tracer; print(sorted(m for m in sys.modules if m.split('.')[0] in {'textual', 'rich', 'tui'}))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
