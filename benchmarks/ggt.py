"""GenderGapTracker's English quote extractor, run in this process as the issue's speed anchor.

The attribution issue sets its speed target as "3x GenderGapTracker" (its rule-based extractor on
spaCy's small model, 6.8 articles/s when the issue was written). This machine's speed drifts by
up to 3x between hours, so a figure measured at another time is a weak anchor; running the
extractor itself in the same passes as the tracer gives a ratio that does not drift.

The extractor is not vendored (GenderGapTracker is a separate MIT project): point the benchmark
at a checkout, e.g.::

    git --git-dir=<mirror of sfu-discourse-lab/GenderGapTracker> archive HEAD nlp/english | tar -x -C /tmp/ggt

Its `utils` module imports pymongo (for the database code, not used here): `pip install pymongo`.
The pipeline is theirs as `evaluation/src/run_predictions.py` runs it: `utils.preprocess_text`,
the full spaCy small pipeline (`spacy.load` defaults), then `QuoteExtractor.extract_quotes`.
"""

from __future__ import annotations

import bisect
import contextlib
import difflib
import importlib
import sys
import tempfile
from pathlib import Path
from typing import Any

from polnear import Fragments, GoldRelation

from tracer.parse.attribution.nlp import MODEL


class GGTUnavailableError(RuntimeError):
    """The checkout or one of the extractor's imports is missing."""


class GenderGapTracker:
    """The extractor loaded from a checkout; `quotes` is the timed call, `relations` scores it."""

    def __init__(self, checkout: str | Path, *, numpy_blas: bool = False) -> None:
        """Load the extractor and its spaCy pipeline.

        Args:
            checkout: Folder holding GenderGapTracker's `nlp/english`.
            numpy_blas: Build the pipeline on numpy's BLAS, as the tracer does, instead of spaCy's
                default (blis, which picks a generic kernel on this machine's CPU): the fair
                comparison for the rules and the parse work, not for the setup.
        """
        folder = Path(checkout) / "nlp" / "english"
        if not (folder / "quote_extractor.py").is_file():
            raise GGTUnavailableError(f"no nlp/english/quote_extractor.py under {checkout}")
        import spacy

        sys.path.insert(0, str(folder))
        try:
            # Importing quote_extractor creates ./logs for its log file: keep that out of the caller's folder.
            with tempfile.TemporaryDirectory() as scratch, contextlib.chdir(scratch):
                self._utils: Any = importlib.import_module("utils")
                extractor = importlib.import_module("quote_extractor")
        except ImportError as error:
            raise GGTUnavailableError(f"GenderGapTracker's extractor needs {error.name} (pip install it)") from error
        finally:
            sys.path.remove(str(folder))
        if numpy_blas:
            from thinc.api import use_ops

            with use_ops("numpy", use_blis=False):
                self.nlp = spacy.load(MODEL)
        else:
            self.nlp = spacy.load(MODEL)
        verbs = folder / "rules" / "quote_verb_list.txt"
        self._extractor = extractor.QuoteExtractor({"spacy_lang": self.nlp, "NLP": {"QUOTE_VERBS": str(verbs)}})

    def quotes(self, text: str) -> tuple[str, list[dict[str, Any]]]:
        """The extractor's own output for one article, with the preprocessed text its offsets refer to."""
        clean = self._utils.preprocess_text(text)
        return clean, self._extractor.extract_quotes(self.nlp(clean))

    def relations(self, text: str) -> list[GoldRelation]:
        """Its quotes as (source, cue, content) relations with offsets into the original text."""
        clean, quotes = self.quotes(text)
        back = _OffsetMap(clean, text)
        out = []
        for quote in quotes:
            source, cue, content = (back.span(quote.get(f"{role}_index")) for role in ("speaker", "verb", "quote"))
            if content:
                out.append(GoldRelation(source, cue or (), content))  # no verb: no cue span to score
        return out


class _OffsetMap:
    """Maps offsets in the preprocessed text back to the original (preprocessing inserts periods
    before newlines, folds accents and quote marks and collapses double spaces)."""

    def __init__(self, clean: str, original: str) -> None:
        blocks = difflib.SequenceMatcher(None, clean, original, autojunk=False).get_matching_blocks()
        self._starts = [b.a for b in blocks]
        self._blocks = blocks

    def _at(self, offset: int) -> int:
        block = self._blocks[max(0, bisect.bisect_right(self._starts, offset) - 1)]
        return block.b + min(offset - block.a, max(0, block.size - 1)) if offset >= block.a else block.b

    def span(self, index: str | None) -> Fragments | None:
        """'(12,40)' in the preprocessed text as one fragment of the original, or None."""
        if not index:
            return None
        start, end = (int(x) for x in index.strip("()").split(","))
        if end <= start:
            return None
        return ((self._at(start), self._at(end - 1) + 1),)
