"""`/` search: claims and sources across every opened document that contain the typed words."""

from __future__ import annotations

from dataclasses import dataclass

from tracer import Claim, Source
from tui.library import Entry, Library, origin_label

MAX_HITS = 200  # more than a screen can show; past this the query is too broad to be useful


@dataclass(frozen=True)
class Hit:
    """A search result: a claim (open its chain) or a source (open the article at its first claim)."""

    kind: str  # "claim" or "source"
    key: str
    claim_id: str | None
    label: str
    detail: str


def search(library: Library, query: str) -> list[Hit]:
    """Claims whose text or chain sources contain every word of `query`, then matching sources.

    Matching is case-insensitive, on whole query words in any order, so "yonhap intelligence"
    finds the claim citing both.
    """
    words = query.lower().split()
    if not words:
        return []
    hits: list[Hit] = []
    for entry in library.entries:
        hits.extend(_claim_hits(entry, words))
    for entry in library.entries:
        hits.extend(_source_hits(entry, words))
    return hits[:MAX_HITS]


def _matches(haystack: str, words: list[str]) -> bool:
    lowered = haystack.lower()
    return all(word in lowered for word in words)


def _claim_hits(entry: Entry, words: list[str]) -> list[Hit]:
    return [
        Hit("claim", entry.key, claim.id, claim.text, f"{_chain_names(claim)} · {entry.title}")
        for claim in entry.result.claims
        if _matches(claim.text + " " + _chain_names(claim), words)
    ]


def _chain_names(claim: Claim) -> str:
    return " ← ".join(hop.source.name for hop in claim.chain) or origin_label(claim)


def _source_hits(entry: Entry, words: list[str]) -> list[Hit]:
    hits = []
    for source in entry.result.sources:
        if _matches(" ".join([source.name, *source.aliases, source.handle or ""]), words):
            first = _first_claim_citing(entry, source)
            count = sum(1 for c in entry.result.claims if any(h.source.id == source.id for h in c.chain))
            kind = source.kind.value.replace("_", " ")
            detail = f"{kind} · cited in {count} claim{'s' * (count != 1)} · {entry.title}"
            hits.append(Hit("source", entry.key, first.id if first else None, source.name, detail))
    return hits


def _first_claim_citing(entry: Entry, source: Source) -> Claim | None:
    return next((c for c in entry.result.claims if any(h.source.id == source.id for h in c.chain)), None)
