"""A claim's hops by date: when it first appeared and how it travelled; undated hops say so."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.widgets import DataTable, Footer, Header, Static

from tracer import Claim
from tui.library import Entry
from tui.navigation import CHAIN, TIMELINE, Location
from tui.screens.base import TracerScreen
from tui.timeline import Moment, summary, timeline
from tui.widgets.chain_tree import claim_label
from tui.widgets.tables import RowTable, clip


class TimelineScreen(TracerScreen):
    """Dated moments oldest first, then undated hops from the origin forward."""

    AUTO_FOCUS = "#timeline"

    def __init__(self, entry: Entry, claim: Claim) -> None:
        super().__init__(Location(TIMELINE, entry.key, claim.id))
        self.entry = entry
        self.claim = claim
        self.moments: list[Moment] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(claim_label(self.entry, self.claim, width=400), id="claim-banner")
        yield Static(summary(self.entry.result, self.claim), id="timeline-summary")
        yield RowTable(id="timeline")
        yield Footer()

    def on_mount(self) -> None:
        self.title = f"Timeline of claim {self.claim.id}"
        self.sub_title = self.entry.title
        table = self.query_one("#timeline", RowTable)
        self.moments = timeline(self.entry.result, self.claim)
        date_width = max(len(moment.date or "no date") for moment in self.moments)
        for label, width in (("Date", date_width), ("Basis", 12), ("Source", 28), ("Event", 14), ("Document", 24)):
            table.add_column(label, width=width)
        for index, moment in enumerate(self.moments):
            cells = (moment.date or "no date", moment.basis, clip(moment.source, 28), clip(moment.event, 14))
            table.add_row(*cells, clip(moment.document, 24), key=str(index))

    def _current(self) -> Moment | None:
        key = self.query_one("#timeline", RowTable).current_key
        return self.moments[int(key)] if key is not None else None

    def current_claim(self) -> Claim | None:
        return self.claim

    def current_text(self) -> str | None:
        moment = self._current()
        if moment and moment.hop_index is not None:
            return self.claim.chain[moment.hop_index].evidence or None
        return None

    def current_url(self) -> str | None:
        return self.entry.result.document.url

    @on(DataTable.RowSelected, "#timeline")
    def _selected(self) -> None:
        """A hop's row opens the chain at that hop."""
        moment = self._current()
        if moment and moment.hop_index is not None:
            self.tracer.go(Location(CHAIN, self.entry.key, self.claim.id, moment.hop_index))
