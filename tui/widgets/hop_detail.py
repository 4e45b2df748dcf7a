"""The panel beside the chain tree: the selected hop's facts and its evidence, source words marked."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from tracer import Claim, Hop, Visit
from tui.evidence import evidence_marks
from tui.library import Entry, claim_post, document_label, document_ref, hop_address, origin_label, unique_flags

MARK_STYLES = {"source": "bold reverse", "cue": "underline"}


class HopDetail(VerticalScroll):
    """Shows whatever the chain tree's cursor is on."""

    def compose(self):  # type: ignore[no-untyped-def]
        yield Static(id="detail-body")

    def show(self, renderable: RenderableType) -> None:
        """Replace the panel's content and scroll back to its top."""
        self.query_one("#detail-body", Static).update(renderable)
        self.scroll_home(animate=False)

    def show_hop(self, entry: Entry, claim: Claim, index: int, followed: Entry | None = None) -> None:
        """A hop: who, cue, date, document, how sure; then the evidence sentence in full."""
        hop = claim.chain[index]
        parts: list[RenderableType] = [_facts(_hop_rows(entry, claim, hop)), Text("")]
        parts += [_heading("Evidence"), evidence_text(hop)]
        if followed is not None:
            parts += [Text(""), Text("enter: open this document as an article", style="italic")]
        self.show(Group(*parts))

    def show_visit(self, entry: Entry, visit: Visit, followed: Entry | None = None) -> None:
        """A document the trail tried: why, what happened, and the passage that matched best."""
        ref = document_ref(entry.result, visit.document_id) if visit.document_id else None
        rows = [("URL", visit.url), ("Status", str(visit.status)), ("Why tried", str(visit.reason))]
        rows += [("Depth", str(visit.depth)), ("Cited by", document_label(entry.result, visit.cited_by))]
        if visit.score is not None:
            rows.append(("Match", f"{visit.score:.2f}"))
        if ref is not None:
            rows += [("Title", ref.title or "—"), ("Published", ref.published or "no date")]
            rows.append(("From cache", "yes" if ref.from_cache else "no"))
            if ref.redirects:
                rows.append(("Redirects", " → ".join([*ref.redirects, ref.url or ""])))
            if ref.archive_url:
                rows.append(("Archived copy", f"{ref.archive_url} ({ref.archived_at or 'undated'})"))
        if visit.error:
            rows.append(("Error", visit.error))
        parts: list[RenderableType] = [_facts(rows)]
        if visit.passage:
            parts += [Text(""), _heading("Best passage"), Text(visit.passage)]
        if followed is not None:
            parts += [Text(""), Text("enter: open this document as an article", style="italic")]
        self.show(Group(*parts))

    def show_claim(self, entry: Entry, claim: Claim) -> None:
        """A claim: its full words, where it is, and its origin."""
        rows = [("Claim", claim.id), ("Origin", origin_label(claim)), ("Hops", str(len(claim.chain)))]
        post = claim_post(entry.result, claim)
        if post:
            who = post.author_name or post.handle or post.platform.value
            rows.append(("Post", f"{who} on {post.platform.value}, {post.posted or 'no date'}"))
        if claim.hedged:
            rows.append(("Hedged", "yes: marked 'reportedly' or similar"))
        rows.append(("Document", entry.title))
        self.show(Group(_facts(rows), Text(""), _heading("Claim"), Text(claim.text)))


def evidence_text(hop: Hop) -> Text:
    """The evidence sentence verbatim, with the source's words and the cue marked."""
    if not hop.evidence:
        return Text("(no evidence recorded for this hop)", style="italic")
    text = Text(hop.evidence)
    for mark in evidence_marks(hop):
        text.stylize(MARK_STYLES[mark.kind], mark.start, mark.end)
    return text


def _hop_rows(entry: Entry, claim: Claim, hop: Hop) -> list[tuple[str, str]]:
    source = hop.source
    who = source.name + (f" (@{source.handle})" if source.handle else "")
    rows = [("Source", who), ("Kind", source.kind.value.replace("_", " ")), ("Cue", hop.cue or "—")]
    rows += [("Date", hop.date or "no date"), ("Document", _document(entry, hop)), ("Relation", hop.relation)]
    rows.append(("Confidence", f"{hop.confidence:.2f}"))
    if hop.status:
        rows.append(("Status", hop.status))
    if hop.flags:
        rows.append(("Flags", ", ".join(unique_flags(hop))))
    url = hop_address(entry.result, claim, hop)
    if url:
        rows.append(("URL", url))
    if hop is claim.chain[-1]:
        rows.append(("", "earliest known origin of this claim"))
    return rows


def _document(entry: Entry, hop: Hop) -> str:
    label = document_label(entry.result, hop.document_id)
    ref = document_ref(entry.result, hop.document_id)
    where = (ref.url or ref.path) if ref else None
    if where and where != label:
        label = f"{label} ({where})"
    if ref and ref.status != "ok":  # a cited page that was dead, blocked, not cached...
        label += f" [{ref.status}{': ' + ref.error if ref.error else ''}]"
    return label


def _facts(rows: list[tuple[str, str]]) -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    for key, value in rows:
        table.add_row(key, value)
    return table


def _heading(text: str) -> Text:
    return Text(text, style="bold underline")
