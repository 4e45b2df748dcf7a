"""What a trace reports while it runs, so a caller can show progress before the result is complete.

`trace_article(progress=…)` calls the callback from the tracing thread with these events, in
order: the article's own trace (`ArticleParsed`), then, claim by claim, each document the walk opens
(`DocumentOpened`) and each visit it records (`ClaimVisited`). Every event carries copies, never the objects
the walk goes on changing, so a UI thread may keep them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from tracer.models import DocumentRef, TraceResult, Visit


@dataclass(frozen=True)
class ArticleParsed:
    """The input article traced within its own text (depth 0): claims, posts, links, local chains."""

    result: TraceResult


@dataclass(frozen=True)
class DocumentOpened:
    """A document the walk opened, with its own in-document trace when it could be read."""

    ref: DocumentRef
    result: TraceResult | None


@dataclass(frozen=True)
class ClaimVisited:
    """One document tried for one claim: matched, no match, dead, blocked, cycle, limit…"""

    claim_id: str
    visit: Visit
    claim_index: int
    claims: int


TrailEvent = ArticleParsed | DocumentOpened | ClaimVisited
Progress = Callable[[TrailEvent], None]
