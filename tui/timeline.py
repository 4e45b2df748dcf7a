"""A claim's hops ordered by date, so the researcher sees when it first appeared and how it travelled."""

from __future__ import annotations

from dataclasses import dataclass

from tracer import Claim, Hop, HopRelation, TraceResult
from tui.library import claim_post, document_label, document_ref, is_post_author

POST_TIME = "post time"
PUBLICATION = "publication"
IN_TEXT = "date in text"
NO_DATE = "no date"


@dataclass(frozen=True)
class Moment:
    """One row of the timeline: a hop, or the publication of a document in the chain."""

    date: str | None
    basis: str
    source: str
    event: str
    document: str
    hop_index: int | None = None


def timeline(result: TraceResult, claim: Claim) -> list[Moment]:
    """The claim's moments oldest first: dated ones by date, each undated hop where the chain puts it.

    Whoever is cited said it before whoever cites them, so the chain read from the origin to the
    article is an order in time. An undated hop goes just before the first dated moment that
    comes after it in that order (the hop citing it, or the article's publication); its place
    among the dates is thereby the latest it can have been, never after the hops that cite it.
    """
    hops = [_hop_moment(result, claim, index, hop) for index, hop in enumerate(claim.chain)]
    in_order = [*reversed(hops), _publication(result)]  # origin first, the article last
    placed: list[tuple[str, int, int, Moment]] = []
    for position, moment in enumerate(in_order):
        later = next((m.date for m in in_order[position:] if m.date), None)
        # Dated moments sort by their date; an undated one by the date it must precede, just before it.
        key = moment.date or later or "9999"
        placed.append((key, 1 if moment.date else 0, position, moment))
    return [moment for *_, moment in sorted(placed, key=lambda item: item[:3])]


def summary(result: TraceResult, claim: Claim) -> str:
    """One sentence on the earliest dated moment, and whether the origin itself has a date."""
    dated = [m for m in timeline(result, claim) if m.date]
    parts = []
    if dated:
        first = dated[0]
        parts.append(f"Earliest date: {first.date}, {first.source} ({first.basis}).")
    else:
        parts.append("No hop of this chain has a date.")
    if claim.chain and not claim.chain[-1].date:
        parts.append(f"The origin, {claim.chain[-1].source.name}, has no date.")
    return " ".join(parts)


def _hop_moment(result: TraceResult, claim: Claim, index: int, hop: Hop) -> Moment:
    return Moment(
        date=hop.date,
        basis=_basis(result, claim, hop),
        source=hop.source.name,
        event=hop.cue or hop.relation,
        document=document_label(result, hop.document_id),
        hop_index=index,
    )


def _basis(result: TraceResult, claim: Claim, hop: Hop) -> str:
    """Where a hop's date comes from: the post's time stamp, a publication date, or the text."""
    if not hop.date:
        return NO_DATE
    post = claim_post(result, claim)
    if hop.relation == HopRelation.POST or (
        post and post.posted and post.posted[:10] == hop.date[:10] and is_post_author(post, hop)
    ):
        return POST_TIME
    ref = document_ref(result, hop.document_id)
    if hop.relation == HopRelation.DOCUMENT and ref and ref.published == hop.date:
        return PUBLICATION
    return IN_TEXT


def _publication(result: TraceResult) -> Moment:
    doc = result.document
    return Moment(
        date=doc.published,
        basis=PUBLICATION if doc.published else NO_DATE,
        source=doc.site_name or doc.title or "this article",
        event="published",
        document="this article",
    )
