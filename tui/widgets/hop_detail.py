"""The panel beside the chain tree: the selected hop's facts and its evidence, source words marked."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from tracer import Claim, Hop
from tui.evidence import evidence_marks
from tui.library import Entry, claim_post, document_label, document_ref, hop_url, origin_label

MARK_STYLES = {"source": "bold reverse", "cue": "underline"}


class HopDetail(VerticalScroll):
    """Shows whatever the chain tree's cursor is on."""

    def compose(self):  # type: ignore[no-untyped-def]
        yield Static(id="detail-body")

    def show(self, renderable: RenderableType) -> None:
        """Replace the panel's content and scroll back to its top."""
        self.query_one("#detail-body", Static).update(renderable)
        self.scroll_home(animate=False)

    def show_hop(self, entry: Entry, claim: Claim, index: int) -> None:
        """A hop: who, cue, date, document, how sure; then the evidence sentence in full."""
        hop = claim.chain[index]
        self.show(Group(_facts(_hop_rows(entry, claim, hop)), Text(""), _heading("Evidence"), evidence_text(hop)))

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

    def show_document(self, entry: Entry) -> None:
        """A document reached by tracing a hop."""
        doc = entry.result.document
        rows = [("Title", doc.title or "—"), ("Site", doc.site_name or "—"), ("Published", doc.published or "no date")]
        rows += [("URL", doc.url or doc.path or "—"), ("Claims", str(len(entry.result.claims)))]
        self.show(Group(_facts(rows), Text(""), Text("enter: open this article", style="italic")))


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
        rows.append(("Flags", ", ".join(hop.flags)))
    url = hop_url(entry.result, claim, hop)
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
