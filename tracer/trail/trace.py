"""Trace one article: its own claims (the parse stage), then across documents when asked."""

from __future__ import annotations

from typing import BinaryIO

from tracer.models import TraceResult
from tracer.parse.article import parse_article
from tracer.read.document import Article
from tracer.read.inputs import InputItem, InputKind, read_input
from tracer.text import clean_text
from tracer.trail.events import ArticleParsed, Progress
from tracer.trail.options import TrailOptions
from tracer.trail.parsed import Parsed, ParsedCache, key_of
from tracer.trail.reach import read_page
from tracer.trail.walk import follow_trail
from tracer.web.fetch import Fetcher


def trace_input(
    item: InputItem,
    fetcher: Fetcher | None = None,
    stdin: BinaryIO | None = None,
    *,
    input_label: str = "",
    options: TrailOptions | None = None,
    progress: Progress | None = None,
) -> TraceResult:
    """Read one input and trace it, as `read_input` then `trace_article` do.

    A page given by URL is read and parsed once per cache, like every document the trail
    follows (`tracer.trail.parsed`): re-tracing it from the cache re-reads none of it. Its bytes
    still come through the fetcher, so the address guard, the cache's expiry and `--offline`
    apply as before.

    The label is cleaned of lone surrogates (a file name with undecodable bytes gives them) and
    the item's id recorded, here rather than in each caller, so the TUI's results serialise and
    carry the same `input_id` as the CLI's.

    Raises `TracerError` when the input cannot be read.
    """
    result = _trace_input(item, fetcher, stdin, clean_text(input_label), options, progress)
    result.input_id = item.id or None
    return result


def _trace_input(
    item: InputItem,
    fetcher: Fetcher | None,
    stdin: BinaryIO | None,
    input_label: str,
    options: TrailOptions | None,
    progress: Progress | None,
) -> TraceResult:
    cache = ParsedCache.beside(fetcher) if item.kind == InputKind.URL else None
    if cache is None or fetcher is None or not item.value.lower().startswith(("http://", "https://")):
        article = read_input(item, fetcher, stdin)
        return trace_article(article, input_label=input_label, fetcher=fetcher, options=options, progress=progress)
    page = fetcher.get(item.value)
    key = key_of(page.content, "input", page.final_url, page.content_type, input_label)
    kept = cache.get(key)
    if kept is None:
        article = read_page(page, page.final_url)
        kept = Parsed(article, parse_article(article, input_label=input_label))
        cache.put(key, kept.article, kept.result)
    return _follow(kept.article, kept.result, fetcher, options, progress)


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
    return _follow(article, parse_article(article, input_label=input_label), fetcher, options, progress)


def _follow(
    article: Article,
    result: TraceResult,
    fetcher: Fetcher | None,
    options: TrailOptions | None,
    progress: Progress | None,
) -> TraceResult:
    """From the in-document trace on: report it, then follow its claims when asked to."""
    if progress is not None:
        progress(ArticleParsed(result.model_copy(deep=True)))
    if options is not None and options.depth > 0 and fetcher is not None:
        result = follow_trail(article, result, fetcher, options, progress)
    return result
