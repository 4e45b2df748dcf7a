"""A claim's chain as a tree: the claim at the root, its hops below, nearest source first, then the
documents the trail tried for it (its visits), each with what happened.

Hops and visits come from the library's trail (`tracer trace` with the same options): which page a
hop leads to is its finding, never guessed here. A hop or visit whose document was read can be
opened (enter) as that document's own article.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.binding import BindingType
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from tracer import Claim, Hop, HopStatus, Visit, VisitStatus
from tui.keys import Owner, bindings
from tui.library import Entry, document_label, document_ref, hop_document, origin_label, unique_flags
from tui.widgets.tables import clip


@dataclass(frozen=True)
class ClaimNode:
    """A claim of an opened document."""

    key: str
    claim_id: str


@dataclass(frozen=True)
class HopNode:
    """Hop `index` of a claim's chain; `document_id` is the followed document it stands for, if any."""

    key: str
    claim_id: str
    index: int
    document_id: str | None = None


@dataclass(frozen=True)
class VisitNode:
    """Visit `index` of a claim: a document the trail tried for it."""

    key: str
    claim_id: str
    index: int
    document_id: str | None = None


NodeData = ClaimNode | HopNode | VisitNode | None
ORIGIN_MARK = "◆ earliest known origin"
# How each visit status is shown: a mark a reader can tell apart without colour.
VISIT_MARKS = {
    VisitStatus.MATCHED: "✓",
    VisitStatus.NO_MATCH: "·",
    VisitStatus.CYCLE: "↺",
    VisitStatus.DEAD: "✗",
    VisitStatus.BLOCKED: "⊘",
    VisitStatus.NOT_CACHED: "?",
    VisitStatus.RATE_LIMITED: "⧗",
    VisitStatus.OUT_OF_TIME: "⌛",
    VisitStatus.FAILED: "!",
    VisitStatus.SKIPPED: "-",
    VisitStatus.LIMIT: "…",
}


class ChainTree(Tree[NodeData]):
    """The chain tree, with vi-style j/k besides the arrow keys."""

    BINDINGS: ClassVar[list[BindingType]] = bindings(Owner.LIST)

    def show_claim(self, entry: Entry, claim: Claim) -> None:
        """Replace the tree with this claim, its hops and its visits, all visible."""
        self.clear()
        self.root.set_label(root_label(claim))
        self.root.data = ClaimNode(entry.key, claim.id)
        add_hops(self.root, entry, claim)
        self.visits_node = self.root.add(visits_label(entry, claim), expand=True)
        add_visits(self.visits_node, entry, claim)
        self.root.expand()

    def refresh_visits(self, entry: Entry, claim: Claim) -> None:
        """Redraw the visits (more arrived while the trail runs)."""
        self.visits_node.set_label(visits_label(entry, claim))
        self.visits_node.remove_children()
        add_visits(self.visits_node, entry, claim)

    def hop_nodes(self) -> list[TreeNode[NodeData]]:
        """The hop nodes of the root claim, nearest source first."""
        return [node for node in self.root.children if isinstance(node.data, HopNode)]


def root_label(claim: Claim) -> Text:
    """The root of a chain: which claim, how many hops, and where it ends."""
    hops = f"{len(claim.chain)} hop{'s' * (len(claim.chain) != 1)}"
    label = Text(f"claim {claim.id} · {hops} · origin: ")
    label.append(origin_label(claim), style="bold")
    if claim.origin_date:
        label.append(f" · {claim.origin_date}")
    return label


def claim_label(entry: Entry, claim: Claim, width: int = 70) -> Text:
    """A claim in one line: its words, then its origin."""
    label = Text(f"“{clip(claim.text, width)}”")
    label.append(f"  ← {origin_label(claim)}", style="bold")
    return label


def add_hops(node: TreeNode[NodeData], entry: Entry, claim: Claim) -> None:
    """Add a claim's hops under `node`; a hop standing for a followed document is marked ↗."""
    if not claim.chain:
        node.add_leaf(Text(f"no source named ({origin_label(claim)})", style="italic"))
    for index, hop in enumerate(claim.chain):
        ref = hop_document(entry.result, hop)
        label = hop_label(entry, hop, index, last=index == len(claim.chain) - 1, opens=ref is not None)
        node.add_leaf(label, data=HopNode(entry.key, claim.id, index, ref.id if ref else None))


def hop_label(entry: Entry, hop: Hop, index: int, *, last: bool, opens: bool = False) -> Text:
    """Source, kind, cue, date and document of a hop in one line."""
    label = Text(f"{index + 1}. ")
    if last:
        label.append("◆ ", style="bold")
    label.append(hop.source.name, style="bold")
    label.append(f"  {hop.source.kind.value.replace('_', ' ')} · “{hop.cue or hop.relation}”")
    label.append(f" · {hop.date or 'no date'} · {document_label(entry.result, hop.document_id)}")
    if hop.status and hop.status != HopStatus.OK:
        label.append(f" [{hop.status}]", style="bold")
    if hop.flags:
        label.append(f" ⚠ {', '.join(unique_flags(hop))}", style="bold")
    if opens:
        label.append(" ↗")
    if last:
        label.append(f"  {ORIGIN_MARK}", style="bold")
    return label


def visits_label(entry: Entry, claim: Claim) -> Text:
    """The visits heading: how many documents were tried, and whether more may come."""
    visits = entry.claim_visits(claim)
    label = Text(f"documents tried: {len(visits)}", style="bold")
    if entry.tracing:
        label.append("  (following…)", style="italic")
    return label


def add_visits(node: TreeNode[NodeData], entry: Entry, claim: Claim) -> None:
    """One leaf per visit, in the order the trail tried them."""
    visits = entry.claim_visits(claim)
    if not visits:
        node.add_leaf(Text("following…" if entry.tracing else "none: no link or post to follow", style="italic"))
    for index, visit in enumerate(visits):
        node.add_leaf(visit_label(entry, visit), data=VisitNode(entry.key, claim.id, index, visit.document_id))


def visit_label(entry: Entry, visit: Visit) -> Text:
    """Status, why it was tried, where, how well it matched, and whether it came from the cache."""
    label = Text(f"{VISIT_MARKS.get(visit.status, '?')} {visit.status.replace('_', ' ')}", style="bold")
    ref = document_ref(entry.result, visit.document_id) if visit.document_id else None
    where = (ref.title or ref.site_name or ref.url) if ref else visit.url
    label.append(f" · {str(visit.reason).replace('_', ' ')} · depth {visit.depth} · {clip(where or visit.url, 60)}")
    if visit.score is not None:
        label.append(f" · {visit.score:.2f}")
    if ref is not None and ref.from_cache:
        label.append(" · from cache", style="italic")
    if visit.error:
        label.append(f" · {clip(visit.error, 60)}", style="dim")
    return label
