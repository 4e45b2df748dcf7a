"""Which documents a claim leans on: the links and posts worth opening to follow it.

In order of how directly they support the claim: links inside the claim's sentence, the
permalink of the post the claim comes from and the links inside that post, links whose anchor
names one of the claim's sources (anywhere in the document), and links in the next sentence
when that sentence makes no claim of its own ("The statement is here."). Every other link in
the document is about something else and is never opened for this claim.
"""

from __future__ import annotations

from dataclasses import dataclass

from tracer.models import ClaimKind, Hop, Link, Post, TraceResult, VisitReason
from tracer.parse.claims.sources import name_key
from tracer.read.document import Article
from tracer.text import SentenceIndex, Span


@dataclass(frozen=True, slots=True)
class Candidate:
    """A URL to open for a claim, and why."""

    url: str
    reason: VisitReason
    anchor: str = ""


def claim_spans(index: SentenceIndex, spans: list[Span]) -> list[Span]:
    """The whole sentences that the given spans (claim, evidence) touch."""
    return index.touching(spans) or spans


def candidates_for(
    article: Article, result: TraceResult, spans: list[Span], hops: list[Hop], post: Post | None
) -> list[Candidate]:
    """The URLs a claim leans on, most direct first, each once.

    Args:
        article: The document the claim is in.
        result: That document's trace (links, posts, claims, sources).
        spans: Where the claim and its evidence are in the document's text.
        hops: The claim's hops found in this document (their sources name candidate links).
        post: The embedded post the claim comes from, if any.

    Returns:
        Candidates without duplicates and without the document itself.
    """
    own = claim_spans(article.sentence_index, spans)
    found = [Candidate(link.url, VisitReason.SENTENCE_LINK, link.text) for link in result.links if _inside(link, own)]
    if post is not None:
        found += _post_candidates(article, post)
    found += _source_links(result, hops)
    found += _next_sentence_links(article, result, own)
    seen = {article.document.url}
    unique = []
    for candidate in found:
        if candidate.url not in seen:
            seen.add(candidate.url)
            unique.append(candidate)
    return unique


def _inside(link: Link, spans: list[Span]) -> bool:
    return any(span.start <= link.start < span.end for span in spans)


def _post_candidates(article: Article, post: Post) -> list[Candidate]:
    found = [Candidate(post.url, VisitReason.POST, post.author_name or post.handle or "")] if post.url else []
    if post.start is None or post.end is None:
        return found
    for anchor in article.anchors:
        if anchor.url and post.start <= anchor.start < post.end:
            found.append(Candidate(anchor.url, VisitReason.POST_LINK, article.text[anchor.start : anchor.end]))
    return found


def _source_links(result: TraceResult, hops: list[Hop]) -> list[Candidate]:
    ids = {hop.source.id for hop in hops}
    names = {name_key(hop.source.name) for hop in hops}
    for source in result.sources:
        if source.id in ids:
            names.update(name_key(alias) for alias in source.aliases)
    names.discard("")
    return [
        Candidate(link.url, VisitReason.SOURCE_LINK, link.text)
        for link in result.links
        if link.source_id in ids or name_key(link.text) in names
    ]


def _next_sentence_links(article: Article, result: TraceResult, own: list[Span]) -> list[Candidate]:
    """Links in the sentence after the claim, if it is in the same paragraph and claims nothing."""
    if not own:
        return []
    nxt = article.sentence_index.first_from(own[-1].end)
    if nxt is None or "\n" in article.text[own[-1].end : nxt.start]:
        return []
    own_voice = (ClaimKind.LINK, ClaimKind.EMBED)  # a sentence leaning on its own link claims nothing of its own
    if any(nxt.start <= claim.start < nxt.end and claim.kind not in own_voice for claim in result.claims):
        return []
    following_links = [link for link in result.links if _inside(link, [nxt])]
    return [Candidate(link.url, VisitReason.NEXT_SENTENCE_LINK, link.text) for link in following_links]
