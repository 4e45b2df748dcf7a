"""Build a `TraceResult` for one article: posts, links, claims with their chains, sources."""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import TYPE_CHECKING

from tracer.document import Article, document_id
from tracer.errors import TracerError
from tracer.models import Document, DocumentRef, DocumentStatus, ErrorRecord, TraceResult
from tracer.parsers.attribution import extract_claims
from tracer.parsers.embeds import extract_posts
from tracer.parsers.links import extract_links

if TYPE_CHECKING:
    from tracer.fetch import Fetcher
    from tracer.trail import TrailOptions

LOGGER = logging.getLogger(__name__)


def document_ref(article: Article, depth: int = 0) -> DocumentRef:
    """The `documents[]` entry for an article that was read successfully."""
    doc = article.document
    return DocumentRef(
        id=doc.id,
        url=doc.url,
        path=doc.path,
        title=doc.title,
        site_name=doc.site_name,
        published=doc.published,
        status=DocumentStatus.OK,
        depth=depth,
    )


def trace_article(
    article: Article,
    *,
    input_label: str = "",
    depth: int = 0,
    fetcher: Fetcher | None = None,
    options: TrailOptions | None = None,
) -> TraceResult:
    """Trace the claims of one article: inside its own text, then (depth > 0) across documents.

    Args:
        article: The article, read by `tracer.document` (or `tracer.inputs`).
        input_label: The input as the user gave it, recorded in the result.
        depth: How many links deep to follow each claim (0: this document only). Following
            needs a `fetcher`; without one the result is the depth-0 trace.
        fetcher: The run's fetcher (its cache, politeness and address rules).
        options: Archive, oEmbed and matching settings; `depth` overrides theirs.

    Returns:
        The full result: posts, links, claims with chains, sources, and the document list.
    """
    posts = extract_posts(article)
    links = extract_links(article)
    claims, sources = extract_claims(article, posts, links=links)
    for post in posts:
        post.source_id = next((s.id for s in sources if post.handle and s.handle == post.handle), None)
    result = TraceResult(
        input=input_label,
        document=article.document,
        posts=posts,
        links=links,
        claims=claims,
        documents=[document_ref(article)],
        sources=sources,
    )
    if depth > 0 and fetcher is not None:
        from tracer.trail import TrailOptions, follow_trail  # the trail reads documents with this module

        result = follow_trail(article, result, fetcher, replace(options or TrailOptions(), depth=depth))
    return result


def failed_result(label: str, error: Exception, *, url: str | None = None, path: str | None = None) -> TraceResult:
    """The result for an input that could not be read: an empty document and the error.

    Nothing is dropped: a batch keeps one line per input, in order, failed ones included.
    """
    message = str(error) if isinstance(error, TracerError) else f"internal error: {error!r}"
    kind = type(error).__name__ if isinstance(error, TracerError) else "InternalError"
    doc_id = document_id(url or path or label)
    return TraceResult(
        input=label,
        document=Document(id=doc_id, url=url, path=path),
        documents=[DocumentRef(id=doc_id, url=url, path=path, status=DocumentStatus.FAILED, error=message)],
        errors=[ErrorRecord(type=kind, message=message, target=url or path or label)],
    )
