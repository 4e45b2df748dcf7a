"""One claim's chain, hop by hop, down to its earliest known origin, with each hop's evidence and
the documents the trail tried for it (filling in while the trail is followed)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Footer, Header, Static, Tree
from textual.widgets.tree import TreeNode

from tracer import Claim
from tui.library import Entry, covering_claim, hop_address
from tui.messages import LibraryChanged, TrailProgressed
from tui.navigation import ARTICLE, CHAIN, Location
from tui.screens.base import TracerScreen
from tui.widgets.chain_tree import ChainTree, ClaimNode, HopNode, NodeData, VisitNode, claim_label
from tui.widgets.hop_detail import HopDetail


class ChainScreen(TracerScreen):
    """The chain tree on one side, the selected hop's facts and evidence on the other."""

    AUTO_FOCUS = "#chain-tree"

    def __init__(self, entry: Entry, claim: Claim, hop: int | None = None) -> None:
        super().__init__(Location(CHAIN, entry.key, claim.id, hop))
        self.entry = entry
        self.claim = claim

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(claim_label(self.entry, self.claim, width=400), id="claim-banner")
        with Vertical(id="chain-body"):
            yield ChainTree("claim", id="chain-tree")
            yield HopDetail(id="hop-detail")
        yield Footer()

    def on_mount(self) -> None:
        self.title = f"Chain of claim {self.claim.id}"
        self.sub_title = self.entry.title
        self._draw()

    def _draw(self) -> None:
        tree = self.query_one(ChainTree)
        tree.show_claim(self.entry, self.claim)
        hops = tree.hop_nodes()
        start = self.location.hop if self.location.hop is not None else 0
        target = hops[min(start, len(hops) - 1)] if hops else tree.root
        self.call_after_refresh(tree.move_cursor, target, animate=False)
        self._show(target)

    # What the global keys act on -------------------------------------------------------

    def _cursor_data(self) -> NodeData:
        node = self.query_one(ChainTree).cursor_node
        return node.data if node else None

    def current_claim(self) -> Claim | None:
        return self.claim

    def current_url(self) -> str | None:
        data = self._cursor_data()
        if isinstance(data, HopNode):
            return hop_address(self.entry.result, self.claim, self.claim.chain[data.index])
        if isinstance(data, VisitNode):
            return self.entry.claim_visits(self.claim)[data.index].url
        return self.entry.result.document.url

    def current_text(self) -> str | None:
        data = self._cursor_data()
        if isinstance(data, HopNode):
            return self.claim.chain[data.index].evidence or None
        if isinstance(data, VisitNode):
            return self.entry.claim_visits(self.claim)[data.index].passage
        return self.claim.text

    # Tree events ---------------------------------------------------------------------

    @on(Tree.NodeHighlighted)
    def _highlighted(self, event: Tree.NodeHighlighted[NodeData]) -> None:
        self._show(event.node)
        if isinstance(event.node.data, HopNode):
            self.location = Location(CHAIN, self.entry.key, self.claim.id, event.node.data.index)

    def _show(self, node: TreeNode[NodeData]) -> None:
        detail = self.query_one(HopDetail)
        data = node.data
        if isinstance(data, HopNode):
            detail.show_hop(self.entry, self.claim, data.index, self._followed(data.document_id))
        elif isinstance(data, VisitNode):
            visit = self.entry.claim_visits(self.claim)[data.index]
            detail.show_visit(self.entry, visit, self._followed(data.document_id))
        elif isinstance(data, ClaimNode):
            detail.show_claim(self.entry, self.claim)

    def _followed(self, document_id: str | None) -> Entry | None:
        entry = self.tracer.library.get(document_id) if document_id else None
        return entry if entry is not None and not entry.failed else None

    @on(Tree.NodeSelected)
    def _selected(self, event: Tree.NodeSelected[NodeData]) -> None:
        """Enter on a hop or visit whose document was read opens that document's own article."""
        data = event.node.data
        if not isinstance(data, HopNode | VisitNode):
            return
        entry = self._followed(data.document_id)
        if entry is None:
            if data.document_id:
                self.notify("That document could not be read: nothing to open.", severity="warning")
            return
        if isinstance(data, HopNode):
            hop = self.claim.chain[data.index]
            start, end = hop.evidence_start, hop.evidence_end
        else:
            visit = self.entry.claim_visits(self.claim)[data.index]
            start, end = visit.passage_start, visit.passage_end
        claim = covering_claim(entry.result, start, end)
        self.tracer.go(Location(ARTICLE, entry.key, claim.id if claim else None))

    # The trail, as it is followed ----------------------------------------------------

    def on_trail_progressed(self, message: TrailProgressed) -> None:
        if message.key == self.entry.key and message.claim_id == self.claim.id:
            self.query_one(ChainTree).refresh_visits(self.entry, self.claim)

    def on_library_changed(self, message: LibraryChanged) -> None:
        """The trail finished: show the followed chain in place of the in-document one."""
        entry = self.tracer.library.get(self.entry.key)
        claim = entry.claim(self.claim.id) if entry else None
        if entry is None or claim is None or entry is self.entry:
            return
        self.entry, self.claim = entry, claim
        self.query_one("#claim-banner", Static).update(claim_label(entry, claim, width=400))
        self._draw()
