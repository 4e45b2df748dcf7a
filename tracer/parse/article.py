"""The parse stage for one article: posts, links, claims with their chains, sources — no I/O.

`parse_article` is the whole in-document result; the trail (`tracer.trail`) follows its claims
across documents and reads every document it reaches with this same function.
"""

from __future__ import annotations

from tracer.errors import TracerError
from tracer.models import (
    Claim,
    Document,
    DocumentRef,
    DocumentStatus,
    ErrorRecord,
    Link,
    Post,
    Source,
    TraceResult,
)
from tracer.parse.attribution.find import find_attributions
from tracer.parse.attribution.spans import Attribution
from tracer.parse.claims.chains import ClaimSet, build_claims
from tracer.parse.claims.relations import attribution_relations
from tracer.parse.links import extract_links
from tracer.parse.posts.embeds import extract_posts
from tracer.read.document import Article, document_id
from tracer.text import Span, clean_text


def parse_article(article: Article, *, input_label: str = "") -> TraceResult:
    """Trace the claims of one article inside its own text (no document is followed).

    Args:
        article: The article, read by `tracer.read.document` (or `tracer.read.inputs`).
        input_label: The input as the user gave it, recorded in the result.

    Returns:
        Posts, links, claims with their chains, sources, and the document list.
    """
    posts = extract_posts(article)
    attributions = _find(article, posts)
    parsed = build_claims(article, attributions, posts, extract_links(article))
    return TraceResult(
        input=input_label,
        document=article.document,
        posts=parsed.posts,
        links=parsed.links,
        claims=parsed.claims,
        documents=[document_ref(article)],
        sources=parsed.sources,
        attributions=attribution_relations(article.text, attributions, parsed.claims),
    )


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


def failed_result(label: str, error: Exception, *, url: str | None = None, path: str | None = None) -> TraceResult:
    """The result for an input that could not be read: an empty document and the error.

    Nothing is dropped: a batch keeps one line per input, in order, failed ones included.
    """
    message = clean_text(str(error) if isinstance(error, TracerError) else f"internal error: {error!r}")
    kind = type(error).__name__ if isinstance(error, TracerError) else "InternalError"
    doc_id = document_id(url or path or label)
    return TraceResult(
        input=label,
        document=Document(id=doc_id, url=url, path=path),
        documents=[DocumentRef(id=doc_id, url=url, path=path, status=DocumentStatus.FAILED, error=message)],
        errors=[ErrorRecord(type=kind, message=message, target=url or path or label)],
    )


def parse_claims(article: Article, posts: list[Post], links: list[Link]) -> ClaimSet:
    """Find the attributed (and hedged) claims in an article and build their chains.

    A claim inside an embedded post gets the post's author as its first hop; attribution
    inside the post text continues that chain.

    Args:
        article: The article read by `tracer.read.document`.
        posts: Posts found by `tracer.parse.posts.embeds`, whose authors become sources.
        links: Body links; a link whose anchor names a source gets that source's id.

    Returns:
        The claims in text order, the document's sources, and copies of the posts and links
        carrying the ids of the sources they name.
    """
    return build_claims(article, _find(article, posts), posts, links)


def extract_claims(
    article: Article, posts: list[Post], *, links: list[Link] | None = None
) -> tuple[list[Claim], list[Source]]:
    """The claims and sources of `parse_claims`, for callers that need nothing else."""
    found = parse_claims(article, posts, links or [])
    return found.claims, found.sources


def _find(article: Article, posts: list[Post]) -> list[Attribution]:
    """Every attribution in the article: HTML blockquotes bound quoted passages, posts stop them."""
    return find_attributions(article.text, passages=_blockquotes(article), stops=_post_spans(posts))


def _post_spans(posts: list[Post]) -> list[Span]:
    """Where embedded posts sit in the text: their words and their signature lines."""
    spans = [Span(p.start, p.end) for p in posts if p.start is not None and p.end is not None]
    spans += [Span(p.evidence_start, p.evidence_end) for p in posts if p.evidence_start is not None and p.evidence_end]
    return spans


def _blockquotes(article: Article) -> list[Span]:
    """Paragraphs inside an HTML <blockquote> (not an embedded post's): the extent of a quoted passage."""
    spans = []
    for block in article.blocks:
        element = block.element
        if (
            block.embed is None
            and element is not None
            and (element.tag == "blockquote" or any(a.tag == "blockquote" for a in element.iterancestors()))
        ):
            spans.append(Span(block.start, block.end))
    return spans
