"""The opened traces and the questions the screens ask of them; plain Python, no Textual.

Keeping this apart from the widgets lets the logic be tested directly and keeps the screens
thin: they render what these functions return.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tracer import Claim, DocumentRef, Hop, HopRelation, Post, TraceResult, normalise_url


@dataclass
class Entry:
    """One opened trace result, keyed by its document id."""

    key: str
    result: TraceResult
    rank: int = 0  # the position of its input among those opened, so the list keeps input order

    @property
    def title(self) -> str:
        """A human name for the document: its title, else its URL, path or input."""
        doc = self.result.document
        return doc.title or doc.url or doc.path or self.result.input or doc.id

    @property
    def failed(self) -> bool:
        """Whether reading the input failed (the result then carries `errors[]`)."""
        return bool(self.result.errors)

    def claim(self, claim_id: str) -> Claim | None:
        """The claim with this id, if the document has it."""
        return next((c for c in self.result.claims if c.id == claim_id), None)


@dataclass
class Library:
    """Every trace opened in this session, in the order it was opened."""

    entries: list[Entry] = field(default_factory=list)
    # URLs asked for that led to a document under another URL (a redirect, a canonical link).
    aliases: dict[str, str] = field(default_factory=dict)

    def add(self, result: TraceResult, *, url: str | None = None, rank: int | None = None) -> Entry:
        """Add a result; one for a document already open replaces it in place.

        Args:
            result: The trace to add.
            url: The URL that was traced to get it, remembered so asking again finds it.
            rank: Where its input came among those opened; traces finishing out of order
                (they run in parallel) are still listed in input order. Default: last.
        """
        next_rank = max((e.rank for e in self.entries), default=-1) + 1
        entry = Entry(result.document.id, result, next_rank if rank is None else rank)
        if url and not entry.failed:
            self.aliases[canonical(url)] = entry.key
        for index, old in enumerate(self.entries):
            if old.key == entry.key:
                self.entries[index] = entry
                return entry
        self.entries.append(entry)
        self.entries.sort(key=lambda e: e.rank)  # stable: a JSON Lines file keeps its own order
        return entry

    def get(self, key: str) -> Entry | None:
        """The entry for a document id."""
        return next((e for e in self.entries if e.key == key), None)

    def find_url(self, url: str) -> Entry | None:
        """A successfully read entry whose document has this URL (compared in canonical form)."""
        wanted = canonical(url)
        if wanted in self.aliases:
            return self.get(self.aliases[wanted])
        for entry in self.entries:
            doc = entry.result.document
            if not entry.failed and doc.url and canonical(doc.url) == wanted:
                return entry
        return None


def canonical(url: str) -> str:
    """A URL in the form two mentions of one page share (no fragment, no trailing slash)."""
    return (normalise_url(url) or url).rstrip("/")


def origin_count(result: TraceResult) -> int:
    """How many claims reach a named origin."""
    return sum(1 for claim in result.claims if claim.origin is not None)


def document_ref(result: TraceResult, document_id: str | None) -> DocumentRef | None:
    """The `documents[]` entry a hop or claim names (the input document when none is named)."""
    wanted = document_id or result.document.id
    return next((d for d in result.documents if d.id == wanted), None)


def document_label(result: TraceResult, document_id: str | None) -> str:
    """How a hop's document is named in lists: 'this article' or the other document's title."""
    if document_id in (None, result.document.id):
        return "this article"
    ref = document_ref(result, document_id)
    if ref is None:
        return document_id or "?"
    return ref.title or ref.site_name or ref.url or ref.path or ref.id


def claim_post(result: TraceResult, claim: Claim) -> Post | None:
    """The embedded post a claim was taken from, if any."""
    return next((p for p in result.posts if claim.post_id and p.id == claim.post_id), None)


def hop_url(result: TraceResult, claim: Claim, hop: Hop) -> str | None:
    """The page a hop points at, which can be traced further: the source's URL, its post, or a link.

    Checked in that order: a URL on the hop's source, the same source in `sources[]`, the
    embedded post when this hop is the post's author, a body link attributed to the source,
    and last a link whose anchor is the source's own words ("according to <a>the Herald</a>").
    """
    if hop.source.url:
        return hop.source.url
    source = next((s for s in result.sources if s.id == hop.source.id), None)
    if source and source.url:
        return source.url
    post = claim_post(result, claim)
    if post and post.url and is_post_author(post, hop):
        return post.url
    link = next((k for k in result.links if k.source_id and k.source_id == hop.source.id), None)
    return link.url if link else _anchored_link(result, hop)


def _anchored_link(result: TraceResult, hop: Hop) -> str | None:
    """A body link whose anchor overlaps the words naming the hop's source, in this document."""
    if hop.source_start is None or hop.source_end is None or hop.document_id not in (None, result.document.id):
        return None
    start, end = hop.source_start, hop.source_end
    return next((k.url for k in result.links if k.start < end and k.end > start), None)


def is_post_author(post: Post, hop: Hop) -> bool:
    """Whether a hop's source is the author of the embedded post."""
    if post.source_id:
        return post.source_id == hop.source.id
    return hop.relation == HopRelation.POST or bool(post.handle and post.handle == hop.source.handle)


def origin_label(claim: Claim) -> str:
    """The claim's origin at a glance: the earliest source, or why there is none."""
    if claim.origin is not None:
        return claim.origin.name
    if claim.hedged:
        return "hedged, no source named"
    return "unattributed"


def claim_for_export(result: TraceResult, claim: Claim) -> TraceResult:
    """One claim's chain as a trace result of its own, so a saved chain opens like any trace.

    Keeps the document and the posts, links, sources and documents the claim refers to.
    """
    source_ids = {hop.source.id for hop in claim.chain}
    urls = {hop_url(result, claim, hop) for hop in claim.chain} - {None}
    doc_ids = {hop.document_id for hop in claim.chain} | {claim.document_id, result.document.id}
    return result.model_copy(
        update={
            "claims": [claim],
            "posts": [p for p in result.posts if p.id == claim.post_id],
            "links": [k for k in result.links if k.source_id in source_ids or k.url in urls],
            "sources": [s for s in result.sources if s.id in source_ids],
            "documents": [d for d in result.documents if d.id in doc_ids],
        },
        deep=True,
    )


def related_claims(result: TraceResult, text: str, limit: int = 8) -> list[tuple[Claim, int]]:
    """Claims of another document ordered by the words they share with `text`, most first.

    Only an ordering hint for the researcher, shown with its count; never presented as a match.
    """
    wanted = _words(text)
    scored = [(claim, len(wanted & _words(claim.text))) for claim in result.claims]
    scored.sort(key=lambda pair: -pair[1])
    return scored[:limit]


def _words(text: str) -> set[str]:
    # Words of four letters or more: a cheap way to skip "the", "and", "of" in a hint.
    return {w for w in "".join(c.lower() if c.isalnum() else " " for c in text).split() if len(w) >= 4}
