"""One claim's chain, hop by hop, down to its earliest known origin, with each hop's evidence."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Footer, Header, Static, Tree
from textual.widgets.tree import TreeNode

from tracer import Claim, InputItem
from tui.library import Entry
from tui.messages import HOP, LibraryChanged
from tui.navigation import ARTICLE, CHAIN, Location
from tui.screens.base import TracerScreen
from tui.widgets.chain_tree import (
    ChainTree,
    ClaimNode,
    DocNode,
    FailedNode,
    HopNode,
    NodeData,
    PendingNode,
    add_failed,
    add_hops,
    add_pending,
    add_traced,
    claim_label,
)
from tui.widgets.hop_detail import HopDetail


class ChainScreen(TracerScreen):
    """The chain tree on one side, the selected hop's facts and evidence on the other."""

    AUTO_FOCUS = "#chain-tree"

    def __init__(self, entry: Entry, claim: Claim, hop: int | None = None) -> None:
        super().__init__(Location(CHAIN, entry.key, claim.id, hop))
        self.entry = entry
        self.claim = claim
        self.pending: dict[str, list[TreeNode[NodeData]]] = {}

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

    def _cursor_hop(self) -> tuple[Entry, Claim, int] | None:
        data = self._cursor_data()
        if isinstance(data, HopNode):
            entry = self.tracer.library.get(data.key)
            claim = entry.claim(data.claim_id) if entry else None
            if entry and claim:
                return entry, claim, data.index
        return None

    def current_claim(self) -> Claim | None:
        return self.claim

    def current_url(self) -> str | None:
        data = self._cursor_data()
        if isinstance(data, HopNode):
            return data.url
        if isinstance(data, PendingNode | FailedNode):
            return data.url
        if isinstance(data, DocNode):
            entry = self.tracer.library.get(data.key)
            return entry.result.document.url if entry else None
        return self.entry.result.document.url

    def current_text(self) -> str | None:
        found = self._cursor_hop()
        if found:
            _, claim, index = found
            return claim.chain[index].evidence or None
        return self.claim.text

    # Tree events ---------------------------------------------------------------------

    @on(Tree.NodeHighlighted)
    def _highlighted(self, event: Tree.NodeHighlighted[NodeData]) -> None:
        self._show(event.node)
        if isinstance(event.node.data, HopNode) and event.node.data.key == self.entry.key:
            self.location = Location(CHAIN, self.entry.key, self.claim.id, event.node.data.index)

    def _show(self, node: TreeNode[NodeData]) -> None:
        detail = self.query_one(HopDetail)
        data = node.data
        entry = self.tracer.library.get(data.key) if isinstance(data, ClaimNode | HopNode | DocNode) else None
        if isinstance(data, HopNode) and entry and (claim := entry.claim(data.claim_id)):
            detail.show_hop(entry, claim, data.index)
        elif isinstance(data, ClaimNode) and entry and (claim := entry.claim(data.claim_id)):
            detail.show_claim(entry, claim)
        elif isinstance(data, DocNode) and entry:
            detail.show_document(entry)
        elif isinstance(data, PendingNode):
            detail.show(f"Tracing {data.url} …\n\nThe tree grows here when the page has been read.")
        elif isinstance(data, FailedNode):
            detail.show(f"Could not trace {data.url}:\n\n{data.error}\n\nCollapse and expand the hop to retry.")

    @on(Tree.NodeExpanded)
    def _expanded(self, event: Tree.NodeExpanded[NodeData]) -> None:
        node, data = event.node, event.node.data
        if isinstance(data, HopNode) and data.url and _needs_trace(node):
            self._expand_hop(node, data.url)
        elif isinstance(data, ClaimNode) and node is not self.query_one(ChainTree).root and not node.children:
            entry = self.tracer.library.get(data.key)
            claim = entry.claim(data.claim_id) if entry else None
            if entry and claim:
                add_hops(node, entry, claim)

    @on(Tree.NodeSelected)
    def _selected(self, event: Tree.NodeSelected[NodeData]) -> None:
        if isinstance(event.node.data, DocNode):
            self.tracer.go(Location(ARTICLE, event.node.data.key))

    def _expand_hop(self, node: TreeNode[NodeData], url: str) -> None:
        """Show the hop's page: at once if it is open already, else trace it behind a placeholder."""
        entry = self.tracer.library.find_url(url)
        if entry is not None:
            add_traced(node, entry, self._claim_text(node))
            return
        add_pending(node, url)
        self.pending.setdefault(url, []).append(node)
        self.tracer.start_trace(InputItem("url", url), HOP)

    def _claim_text(self, node: TreeNode[NodeData]) -> str:
        data = node.data
        entry = self.tracer.library.get(data.key) if isinstance(data, HopNode) else None
        claim = entry.claim(data.claim_id) if entry and isinstance(data, HopNode) else None
        return claim.text if claim else self.claim.text

    def on_library_changed(self, message: LibraryChanged) -> None:
        if message.request.purpose != HOP:
            return
        nodes = self.pending.pop(message.request.target, [])
        for node in nodes:
            if message.entries:
                add_traced(node, message.entries[0], self._claim_text(node))
            else:
                add_failed(node, message.request.target, message.error or "unknown error")
        cursor = self.query_one(ChainTree).cursor_node
        if cursor is not None:
            self._show(cursor)


def _needs_trace(node: TreeNode[NodeData]) -> bool:
    """A hop is traced on its first expansion, and again after a failure (a retry)."""
    if not node.children:
        return True
    return all(isinstance(child.data, FailedNode) for child in node.children)
