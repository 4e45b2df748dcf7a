"""Where, inside a hop's evidence sentence, the source's words and the cue words are."""

from __future__ import annotations

from dataclasses import dataclass

from tracer import Hop


@dataclass(frozen=True)
class Mark:
    """A span of the evidence text to highlight, and what it is ('source' or 'cue')."""

    start: int
    end: int
    kind: str


def evidence_marks(hop: Hop) -> list[Mark]:
    """The source and cue spans inside `hop.evidence`, in order, never overlapping.

    Offsets in the hop index the document's text; the evidence starts at `evidence_start`.
    When the offsets are missing or do not fit the sentence, the words are looked up in it
    instead (the source name as written, then the cue), so the highlight is never misplaced.
    """
    marks = [
        _mark(hop, hop.source_start, hop.source_end, hop.source.name, "source"),
        _mark(hop, hop.cue_start, hop.cue_end, hop.cue, "cue"),
    ]
    found = sorted((m for m in marks if m is not None), key=lambda m: m.start)
    return [m for i, m in enumerate(found) if i == 0 or m.start >= found[i - 1].end]


def _mark(hop: Hop, start: int | None, end: int | None, words: str, kind: str) -> Mark | None:
    text = hop.evidence
    if start is not None and end is not None and hop.evidence_start is not None:
        rel_start, rel_end = start - hop.evidence_start, end - hop.evidence_start
        if 0 <= rel_start < rel_end <= len(text):
            return Mark(rel_start, rel_end, kind)
    if not words.strip():
        return None
    at = text.lower().find(words.lower())
    return Mark(at, at + len(words), kind) if at >= 0 else None
