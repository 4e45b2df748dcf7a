"""GenderGapTracker's offsets mapped back to the original text (benchmarks/ggt.py).

Its extractor reports offsets into text it preprocessed (a period inserted before each newline,
curly quotes folded, double spaces collapsed); scoring it against PolNeAR's gold needs them in
the original. A wrong mapping would silently lower its scores in the README's comparison.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from tests.conftest import ROOT


def _load() -> ModuleType:
    sys.path.insert(0, str(ROOT / "benchmarks"))  # ggt.py imports polnear beside it
    spec = importlib.util.spec_from_file_location("ggt", Path(ROOT / "benchmarks" / "ggt.py"))
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


GGT = _load()

ORIGINAL = "Mayor Lee said “the bridge is unsafe.”\nThe council  met on Friday, Ana Ruiz said."
CLEAN = 'Mayor Lee said "the bridge is unsafe.".\n The council met on Friday, Ana Ruiz said.'


def _index(text: str, words: str) -> str:
    start = text.index(words)
    return f"({start},{start + len(words)})"


def test_spans_before_and_after_the_changes_map_to_the_same_words() -> None:
    back = GGT._OffsetMap(CLEAN, ORIGINAL)
    for words in ("Mayor Lee", "the bridge is unsafe.", "The council met on Friday", "Ana Ruiz", "said."):
        span = back.span(_index(CLEAN, words))
        assert span is not None
        (start, end), *_ = span
        assert ORIGINAL[start:end].replace("  ", " ") == words


def test_missing_or_empty_index_gives_no_span() -> None:
    back = GGT._OffsetMap(CLEAN, ORIGINAL)
    assert back.span(None) is None
    assert back.span("") is None
    assert back.span("(5,5)") is None
