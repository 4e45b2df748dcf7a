"""Which documents a claim leans on: the links and posts worth opening to follow it.

In order of how directly they support the claim: links inside the claim's sentence, the
permalink of the post the claim comes from and the links inside that post, links whose anchor
names one of the claim's sources (anywhere in the document), and links in the next sentence
when that sentence makes no claim of its own ("The statement is here."). Every other link in
the document is about something else and is never opened for this claim.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from tracer.models import ClaimKind, Hop, Link, Post, Source, TraceResult, VisitReason
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


class _Starts:
    """Items found by where they start (bisection), each answer in the items' own order."""

    def __init__(self, starts: list[int]) -> None:
        self._order = sorted(range(len(starts)), key=starts.__getitem__)
        self._starts = [starts[i] for i in self._order]

    def within(self, span: Span) -> list[int]:
        """The positions of the items that start inside `span`, in ascending order."""
        low = bisect_left(self._starts, span.start)
        return sorted(self._order[low : bisect_left(self._starts, span.end, lo=low)])


class DocumentLinks:
    """One document's links, anchors, claims and sources, indexed once for every claim that asks.

    What a claim leans on must cost the claim's neighbourhood: scanning every link (and
    `name_key`-ing its anchor), every claim and every source for each claim made a 1 MB text cost
    its square. Built from a finished trace; `result.sources` may still grow (the trail's source
    book extends the input's list), so sources are looked up in the live list.
    """

    def __init__(self, article: Article, result: TraceResult) -> None:
        self.result = result
        self._links = _Starts([link.start for link in result.links])
        self._anchors = _Starts([anchor.start for anchor in article.anchors])
        self._by_source: dict[str, list[int]] = {}
        self._by_name: dict[str, list[int]] = {}
        for i, link in enumerate(result.links):
            if link.source_id is not None:
                self._by_source.setdefault(link.source_id, []).append(i)
            self._by_name.setdefault(name_key(link.text), []).append(i)
        own_voice = (ClaimKind.LINK, ClaimKind.EMBED)  # a sentence leaning on its own link claims nothing of its own
        self._claims = sorted(c.start for c in result.claims if c.kind not in own_voice)
        self.permalinks = {p.url for p in result.posts if p.url}
        self._sources: dict[str, list[Source]] = {}
        self._counted = -1

    def links_in(self, spans: list[Span]) -> list[Link]:
        """The links that start inside any of `spans`, in the document's order."""
        found = sorted({i for span in spans for i in self._links.within(span)})
        return [self.result.links[i] for i in found]

    def anchors_in(self, span: Span) -> list[int]:
        """The positions in `article.anchors` of the anchors starting inside `span`."""
        return self._anchors.within(span)

    def links_naming(self, ids: set[str], names: set[str]) -> list[Link]:
        """The links tied to one of the source ids or whose anchor's `name_key` is one of `names`."""
        found = {i for key in ids for i in self._by_source.get(key, [])}
        found |= {i for key in names for i in self._by_name.get(key, [])}
        return [self.result.links[i] for i in sorted(found)]

    def claim_starts_in(self, span: Span) -> bool:
        """Whether a claim of the document's own (not an own-voice link or embed) starts in `span`."""
        index = bisect_left(self._claims, span.start)
        return index < len(self._claims) and self._claims[index] < span.end

    def sources(self, source_id: str) -> list[Source]:
        """The sources with this id (re-indexed when the list has grown since it was last asked)."""
        if self._counted != len(self.result.sources):
            self._sources = {}
            for source in self.result.sources:
                self._sources.setdefault(source.id, []).append(source)
            self._counted = len(self.result.sources)
        return self._sources.get(source_id, [])


def candidates_for(
    article: Article,
    result: TraceResult,
    spans: list[Span],
    hops: list[Hop],
    post: Post | None,
    index: DocumentLinks | None = None,
) -> list[Candidate]:
    """The URLs a claim leans on, most direct first, each once.

    Args:
        article: The document the claim is in.
        result: That document's trace (links, posts, claims, sources).
        spans: Where the claim and its evidence are in the document's text.
        hops: The claim's hops found in this document (their sources name candidate links).
        post: The embedded post the claim comes from, if any.
        index: The document's `DocumentLinks` (built here when not given: a walk passes the
            node's, built once).

    Returns:
        Candidates without duplicates and without the document itself.
    """
    index = index if index is not None else DocumentLinks(article, result)
    own = claim_spans(article.sentence_index, spans)
    found = [Candidate(link.url, VisitReason.SENTENCE_LINK, link.text) for link in index.links_in(own)]
    if post is not None:
        found += _post_candidates(article, post, index)
    found += _source_links(index, hops)
    found += _next_sentence_links(article, index, own)
    seen = {article.document.url}
    unique = []
    for candidate in found:
        if candidate.url not in seen and not _not_a_source(candidate):
            seen.add(candidate.url)
            unique.append(candidate)
    return unique


def shared_links(article: Article) -> list[Candidate]:
    """Every link in a post's own text (`post_link`): a post is a few lines, and whatever it links —
    a link card, a `t.co` short link, "Full story from @outlet 👇" and a URL on the next line — is
    what it shares as its source, wherever the sentence boundary falls."""
    text = article.text
    found = [(a.url, text[a.start : a.end].strip()) for a in article.anchors if a.url]
    return [c for c in (Candidate(url, VisitReason.POST_LINK, words) for url, words in found) if not _not_a_source(c)]


def _not_a_source(candidate: Candidate) -> bool:
    """A link that names no document: a mention or hashtag (`@outlet`, `#drought` link a profile or a
    search). A post's photo is kept: the walk records it as skipped, so the reader sees it was seen."""
    return candidate.anchor.strip().startswith(("@", "#"))


def _post_candidates(article: Article, post: Post, index: DocumentLinks) -> list[Candidate]:
    found = [Candidate(post.url, VisitReason.POST, post.author_name or post.handle or "")] if post.url else []
    if post.start is None or post.end is None:
        return found
    for position in index.anchors_in(Span(post.start, post.end)):
        anchor = article.anchors[position]
        if anchor.url:
            found.append(Candidate(anchor.url, VisitReason.POST_LINK, article.text[anchor.start : anchor.end]))
    return found


def _source_links(index: DocumentLinks, hops: list[Hop]) -> list[Candidate]:
    ids = {hop.source.id for hop in hops}
    names = {name_key(hop.source.name) for hop in hops}
    for source_id in ids:
        for source in index.sources(source_id):
            names.update(name_key(alias) for alias in source.aliases)
    names.discard("")
    return [Candidate(link.url, VisitReason.SOURCE_LINK, link.text) for link in index.links_naming(ids, names)]


def _next_sentence_links(article: Article, index: DocumentLinks, own: list[Span]) -> list[Candidate]:
    """Links in the sentence after the claim, if it is in the same paragraph and claims nothing."""
    if not own:
        return []
    nxt = article.sentence_index.first_from(own[-1].end)
    if nxt is None or "\n" in article.text[own[-1].end : nxt.start]:
        return []
    if index.claim_starts_in(nxt):
        return []
    return [Candidate(link.url, VisitReason.NEXT_SENTENCE_LINK, link.text) for link in index.links_in([nxt])]
