"""A claim's chain as a tree: the claim at the root, its hops below, nearest source first.

Hops whose page can be read (a source URL, the embedded post, a link) can be expanded; the
screen then traces that page in the background and grows the tree with what it says.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.binding import BindingType
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from tracer import Claim, Hop, HopStatus
from tui.keys import Owner, bindings
from tui.library import Entry, document_label, hop_url, origin_label, related_claims
from tui.widgets.tables import clip


@dataclass(frozen=True)
class ClaimNode:
    """A claim of an opened document."""

    key: str
    claim_id: str


@dataclass(frozen=True)
class HopNode:
    """Hop `index` of a claim's chain; `url` is the page it can be traced into, if any."""

    key: str
    claim_id: str
    index: int
    url: str | None


@dataclass(frozen=True)
class DocNode:
    """A document reached by tracing a hop."""

    key: str


@dataclass(frozen=True)
class PendingNode:
    """The placeholder shown while a hop's page is being traced."""

    url: str


@dataclass(frozen=True)
class FailedNode:
    """A hop's page that could not be traced, and why."""

    url: str
    error: str


NodeData = ClaimNode | HopNode | DocNode | PendingNode | FailedNode | None
ORIGIN_MARK = "◆ earliest known origin"


class ChainTree(Tree[NodeData]):
    """The chain tree, with vi-style j/k besides the arrow keys."""

    BINDINGS: ClassVar[list[BindingType]] = bindings(Owner.LIST)

    def show_claim(self, entry: Entry, claim: Claim) -> None:
        """Replace the tree with this claim and its hops, all visible."""
        self.clear()
        self.root.set_label(root_label(claim))
        self.root.data = ClaimNode(entry.key, claim.id)
        add_hops(self.root, entry, claim)
        self.root.expand()

    def hop_nodes(self) -> list[TreeNode[NodeData]]:
        """The hop nodes of the root claim, nearest source first."""
        return [node for node in self.root.children if isinstance(node.data, HopNode)]


def root_label(claim: Claim) -> Text:
    """The root of a chain: which claim, how many hops, and where it ends."""
    hops = f"{len(claim.chain)} hop{'s' * (len(claim.chain) != 1)}"
    label = Text(f"claim {claim.id} · {hops} · origin: ")
    label.append(origin_label(claim), style="bold")
    return label


def claim_label(entry: Entry, claim: Claim, width: int = 70) -> Text:
    """A claim in one line: its words, then its origin."""
    label = Text(f"“{clip(claim.text, width)}”")
    label.append(f"  ← {origin_label(claim)}", style="bold")
    return label


def add_hops(node: TreeNode[NodeData], entry: Entry, claim: Claim) -> None:
    """Add a claim's hops under `node`; hops that lead to a page get an expander."""
    if not claim.chain:
        node.add_leaf(Text(f"no source named ({origin_label(claim)})", style="italic"))
    for index, hop in enumerate(claim.chain):
        url = hop_url(entry.result, claim, hop)
        label = hop_label(entry, hop, index, last=index == len(claim.chain) - 1, url=url)
        node.add(label, data=HopNode(entry.key, claim.id, index, url), allow_expand=url is not None)


def hop_label(entry: Entry, hop: Hop, index: int, *, last: bool, url: str | None) -> Text:
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
        label.append(f" ⚠ {', '.join(hop.flags)}", style="bold")
    if url:
        label.append(" ↗")
    if last:
        label.append(f"  {ORIGIN_MARK}", style="bold")
    return label


def add_traced(node: TreeNode[NodeData], entry: Entry, claim_text: str) -> None:
    """Under an expanded hop: the page it led to, then that page's claims, closest wording first."""
    node.remove_children()
    doc = entry.result.document
    facts = " · ".join(x for x in (doc.site_name, doc.published, f"{len(entry.result.claims)} claims") if x)
    node.add_leaf(Text.assemble(("📄 ", ""), (entry.title, "bold"), f"  {facts}"), data=DocNode(entry.key))
    if not entry.result.claims:
        node.add_leaf(Text("no claims found on this page", style="italic"))
    for claim, shared in related_claims(entry.result, claim_text):
        label = claim_label(entry, claim)
        label.append(f"  ({shared} words shared)", style="dim")
        node.add(label, data=ClaimNode(entry.key, claim.id), allow_expand=bool(claim.chain))


def add_pending(node: TreeNode[NodeData], url: str) -> None:
    """Show that the hop's page is being traced."""
    node.remove_children()
    node.add_leaf(Text(f"tracing… {url}", style="italic"), data=PendingNode(url))


def add_failed(node: TreeNode[NodeData], url: str, error: str) -> None:
    """Show why the hop's page could not be traced; expanding the hop again retries."""
    node.remove_children()
    node.add_leaf(Text(f"✗ could not trace: {error}", style="bold"), data=FailedNode(url, error))
