"""The opened traces and the questions the screens ask of them; plain Python, no Textual.

Keeping this apart from the widgets lets the logic be tested directly and keeps the screens
thin: they render what these functions return.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tracer import Claim, DocumentRef, Hop, HopRelation, Post, TraceResult, Visit, normalise_url


@dataclass
class Entry:
    """One opened trace result, keyed by its document id."""

    key: str
    result: TraceResult
    rank: int = 0  # the position of its input among those opened, so the list keeps input order
    # A document the trail opened while following another's claims: opened from a hop, not listed.
    followed: bool = False
    # Still being followed: the result is the in-document trace and `visits` fill in as they arrive.
    tracing: bool = False
    visits: dict[str, list[Visit]] = field(default_factory=dict)

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

    def claim_visits(self, claim: Claim) -> list[Visit]:
        """The documents tried for a claim: the trail's record, or what has arrived while it runs."""
        return claim.visits or self.visits.get(claim.id, [])


@dataclass
class Library:
    """Every trace opened in this session, in the order it was opened."""

    entries: list[Entry] = field(default_factory=list)
    # URLs asked for that led to a document under another URL (a redirect, a canonical link).
    aliases: dict[str, str] = field(default_factory=dict)

    def add(
        self,
        result: TraceResult,
        *,
        url: str | None = None,
        rank: int | None = None,
        followed: bool = False,
        tracing: bool = False,
    ) -> Entry:
        """Add a result; one for a document already open replaces it in place.

        Args:
            result: The trace to add.
            url: The URL that was traced to get it, remembered so asking again finds it.
            rank: Where its input came among those opened; traces finishing out of order
                (they run in parallel) are still listed in input order. Default: last.
            followed: A document the trail reached (not listed; never replaces an opened input).
            tracing: The in-document trace of an input whose claims are still being followed.
        """
        next_rank = max((e.rank for e in self.entries), default=-1) + 1
        entry = Entry(result.document.id, result, next_rank if rank is None else rank, followed, tracing)
        if url and not entry.failed:
            self.aliases[canonical(url)] = entry.key
        for index, old in enumerate(self.entries):
            if old.key == entry.key:
                if followed and not old.followed:
                    return old  # an input opened by the user stays as it is
                entry.followed = followed and old.followed
                entry.rank = old.rank if rank is None else entry.rank
                if tracing:
                    entry.visits = old.visits
                self.entries[index] = entry
                return entry
        self.entries.append(entry)
        self.entries.sort(key=lambda e: e.rank)  # stable: a JSON Lines file keeps its own order
        return entry

    @property
    def listed(self) -> list[Entry]:
        """The entries the documents screen lists: the opened inputs, not the documents followed."""
        return [e for e in self.entries if not e.followed]

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


def hop_document(result: TraceResult, hop: Hop) -> DocumentRef | None:
    """The followed document a hop stands for (a `document` hop), as the library's trail recorded it."""
    if hop.relation != HopRelation.DOCUMENT or hop.document_id in (None, result.document.id):
        return None
    return document_ref(result, hop.document_id)


def hop_address(result: TraceResult, claim: Claim, hop: Hop) -> str | None:
    """The address behind a hop, to open in the browser or copy: the followed document's URL, the
    embedded post's permalink for the post hop, else the source's own URL. Nothing is guessed:
    which page a hop leads to is the trail's finding (`documents[]`), never the UI's."""
    ref = hop_document(result, hop)
    if ref is not None:
        return ref.url or ref.archive_url
    post = claim_post(result, claim)
    if hop.relation == HopRelation.POST and post is not None and post.url:
        return post.url
    return hop.source.url


def is_post_author(post: Post, hop: Hop) -> bool:
    """Whether a hop's source is the author of the embedded post."""
    if post.source_id:
        return post.source_id == hop.source.id
    return hop.relation == HopRelation.POST or bool(post.handle and post.handle == hop.source.handle)


def covering_claim(result: TraceResult, start: int | None, end: int | None) -> Claim | None:
    """The claim of a document whose span holds a passage (most overlap), to show where a hop's
    evidence sits in the followed document's own article."""
    if start is None or end is None:
        return None
    overlaps = [(min(c.end, end) - max(c.start, start), c) for c in result.claims]
    best = max(overlaps, key=lambda pair: pair[0], default=(0, None))
    return best[1] if best[0] > 0 else None


def unique_flags(hop: Hop) -> list[str]:
    """A hop's flags, each once (traces saved before flags were kept unique repeat them)."""
    return list(dict.fromkeys(hop.flags))


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
    urls = {hop_address(result, claim, hop) for hop in claim.chain} | {v.url for v in claim.visits}
    doc_ids = {hop.document_id for hop in claim.chain} | {claim.document_id, result.document.id}
    doc_ids |= {v.document_id for v in claim.visits}
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
