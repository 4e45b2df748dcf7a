"""One graph for a set of traces: documents, posts, sources and claims, built with networkx.

Nodes (attribute `kind`):
    document  every document a trace read or reached, and every page a body link points at; id
              `d-…`, the same for the same URL in every trace, so traces that share a page share
              its node
    post      an embedded social post (`<trace>/p1`)
    source    a source in a trace's sources[] (`<trace>/s1`); the trail keeps one sources[]
              across the documents it follows, so a source named in several documents is one node
    claim     a claim (`<trace>/c1`)

Edges (attribute `kind`; a multigraph, since two claims may pass between the same two sources):
    cites         a claim to its first hop's source, then each source to the next one in the
                  chain; one edge per hop, carrying the hop's fields (cue, evidence, date, …) and
                  `claim` and `position`
    published in  a claim to the document or post whose text holds it; a source to the document
                  it published (a trail's document hop) or the post it wrote
    embeds        a document to a post it embeds
    links to      a document to each page its body links to, and to each document the trail
                  reached from it

Attribute values are strings, integers, floats or booleans, never None (GraphML and GEXF have
no null; Gephi rejects a missing type): absent values are left out. Names that GEXF reserves for
its own use (`id`, `label`, `start`, `end`, `type`, `weight`) are not used as data; `label` is
set on purpose, to what Gephi should show.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

import networkx as nx

from tracer.export.fields import Scalar, document_label, documents_of, flatten, keyed, sourcing
from tracer.models import Claim, DocumentRef, DocumentVia, Post, SourceRef, TraceResult, document_id

# GEXF gives these node and edge keys a meaning of its own; model fields with these names are
# written under another name.
_RESERVED = {"id": "ref", "start": "char_start", "end": "char_end", "type": "error_type", "label": "label_"}

CITES = "cites"
PUBLISHED_IN = "published in"
EMBEDS = "embeds"
LINKS_TO = "links to"


def attributes(row: dict[str, Scalar], kind: str = "kind") -> dict[str, str | int | float | bool]:
    """A flat row as graph attributes: None left out, reserved names renamed.

    A model's own `kind` (a source's kind, a link's kind) is written as `kind` names it, since
    `kind` itself says what the node or edge is.
    """
    renames = {**_RESERVED, "kind": kind}
    return {renames.get(name, name): value for name, value in row.items() if value is not None}


def build_graph(results: Sequence[TraceResult]) -> nx.MultiDiGraph[str]:
    """The graph of every result in `results` (see the module docstring for its nodes and edges)."""
    graph: nx.MultiDiGraph[str] = nx.MultiDiGraph(name="provenance tracer")
    for trace, result in keyed(results):
        _add_documents(graph, result)
        _add_links(graph, result)
        sources = {source.id: source for source in result.sources}
        for source in result.sources:
            graph.add_node(
                f"{trace}/{source.id}", kind="source", label=source.name, trace=trace,
                **attributes(flatten(source), "source_kind"),
            )  # fmt: skip
        for post in result.posts:
            _add_post(graph, trace, result, post)
        for claim in result.claims:
            _add_claim(graph, trace, result, claim, set(sources))
    return graph


def _add_documents(graph: nx.MultiDiGraph[str], result: TraceResult) -> None:
    """Document nodes (a read document's fields win over a bare link target's) and trail edges."""
    for ref in documents_of(result):
        graph.add_node(ref.id, kind="document", label=document_label(ref), **attributes(flatten(ref)))
        if ref.cited_by:
            _link(graph, ref.cited_by, ref.id, via=str(ref.via or DocumentVia.LINK))


def _add_links(graph: nx.MultiDiGraph[str], result: TraceResult) -> None:
    """Each body link to the document it points at: the one the trail read, else a node of its own."""
    read = _documents_by_url(documents_of(result))
    for link in result.links:
        target = read.get(link.url) or document_id(link.url)
        if target not in graph:
            graph.add_node(target, kind="document", label=link.url, ref=target, url=link.url, status="linked")
        _link(graph, result.document.id, target, via="body link", link_kind=str(link.kind.value), anchor=link.text)


def _documents_by_url(refs: Sequence[DocumentRef]) -> dict[str, str]:
    """Document ids by every URL they were known under: as cited, after redirects, archived."""
    urls: dict[str, str] = {}
    for ref in refs:
        for url in (ref.url, ref.requested_url, *ref.redirects):
            if url:
                urls.setdefault(url, ref.id)
    return urls


def _link(graph: nx.MultiDiGraph[str], source: str, target: str, **data: Any) -> None:
    """One `links to` edge per pair of documents (a page linking twice is one link in the graph)."""
    key = f"{LINKS_TO}:{source}>{target}"
    if not graph.has_edge(source, target, key):
        graph.add_edge(source, target, key=key, kind=LINKS_TO, **data)


def _add_post(graph: nx.MultiDiGraph[str], trace: str, result: TraceResult, post: Post) -> None:
    node = f"{trace}/{post.id}"
    label = f"@{post.handle}" if post.handle else post.author_name or post.url or post.id
    graph.add_node(node, kind="post", label=label, trace=trace, **attributes(flatten(post)))
    graph.add_edge(result.document.id, node, key=f"{EMBEDS}:{node}", kind=EMBEDS)
    if post.source_id:
        author = f"{trace}/{post.source_id}"
        graph.add_edge(author, node, key=f"{PUBLISHED_IN}:{author}>{node}", kind=PUBLISHED_IN)


def _add_claim(
    graph: nx.MultiDiGraph[str], trace: str, result: TraceResult, claim: Claim, known: Collection[str]
) -> None:
    """The claim node, where it is published, and one `cites` edge per hop of its chain."""
    node = f"{trace}/{claim.id}"
    graph.add_node(node, kind="claim", label=claim.text, trace=trace, sourcing=str(sourcing(claim)),
                   hops=len(claim.chain), **attributes(flatten(claim), "claim_kind"))  # fmt: skip
    home = f"{trace}/{claim.post_id}" if claim.post_id else claim.document_id or result.document.id
    graph.add_edge(node, home, key=f"{PUBLISHED_IN}:{node}", kind=PUBLISHED_IN)
    previous = node
    for position, hop in enumerate(claim.chain, 1):
        source = _source_node(graph, trace, hop.source, known)
        graph.add_edge(previous, source, key=f"{CITES}:{node}#{position}", kind=CITES, claim=node,
                       position=position, **attributes(flatten(hop)))  # fmt: skip
        if hop.relation == "document" and hop.document_id:
            key = f"{PUBLISHED_IN}:{source}>{hop.document_id}"
            if not graph.has_edge(source, hop.document_id, key):
                graph.add_edge(source, hop.document_id, key=key, kind=PUBLISHED_IN)
        previous = source


def _source_node(graph: nx.MultiDiGraph[str], trace: str, ref: SourceRef, known: Collection[str]) -> str:
    """The node of a hop's source; one missing from sources[] is added from the hop's reference."""
    node = f"{trace}/{ref.id}"
    if ref.id not in known and node not in graph:
        graph.add_node(node, kind="source", label=ref.name, trace=trace, **attributes(flatten(ref), "source_kind"))
    return node


def graphml_text(graph: nx.MultiDiGraph[str]) -> str:
    """GraphML, as networkx writes it (Gephi, Cytoscape and igraph read it)."""
    return "\n".join(nx.generate_graphml(graph)) + "\n"


def gexf_text(graph: nx.MultiDiGraph[str]) -> str:
    """GEXF 1.2, Gephi's own format."""
    return "\n".join(nx.generate_gexf(graph)) + "\n"
