"""Trace one article: its own claims (the parse stage), then across documents when asked."""

from __future__ import annotations

from tracer.models import TraceResult
from tracer.parse.article import parse_article
from tracer.read.document import Article
from tracer.trail.events import ArticleParsed, Progress
from tracer.trail.options import TrailOptions
from tracer.trail.walk import follow_trail
from tracer.web.fetch import Fetcher


def trace_article(
    article: Article,
    *,
    input_label: str = "",
    fetcher: Fetcher | None = None,
    options: TrailOptions | None = None,
    progress: Progress | None = None,
) -> TraceResult:
    """Trace the claims of one article: inside its own text, then (`options.depth` > 0) across documents.

    Args:
        article: The article, read by `tracer.read.document` (or `tracer.read.inputs`).
        input_label: The input as the user gave it, recorded in the result.
        fetcher: The run's fetcher (its cache, politeness and address rules). Following needs
            one; without it the result is the in-document trace.
        options: How deep to follow, and the archive, oEmbed and matching settings (default:
            this document only).
        progress: Called from this thread as the trace goes: the in-document result first, then
            each document opened and each visit recorded (`tracer.trail.events`).

    Returns:
        The full result: posts, links, claims with chains, sources, and the document list.
    """
    result = parse_article(article, input_label=input_label)
    following = options is not None and options.depth > 0 and fetcher is not None
    if progress is not None:
        progress(ArticleParsed(result.model_copy(deep=True)))
    if following:
        assert options is not None and fetcher is not None
        result = follow_trail(article, result, fetcher, options, progress)
    return result
