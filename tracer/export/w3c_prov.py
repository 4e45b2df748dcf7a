"""W3C PROV for a set of traces, built and serialised by the `prov` package.

The mapping:
    entity    each document (`doc:d-…`), each embedded post (`post:<trace>_p1`), each claim as the
              document states it (`claim:<trace>_c1`), and the claim as each source in its chain
              stated it (`claim:<trace>_c1_h1`, `…_h2`, …)
    agent     each source (`source:<trace>_s1`): a person as `prov:Person`; an organisation,
              outlet or government as `prov:Organization`
    wasQuotedFrom    a claim from the document (or post) whose text holds it, with its offsets
    wasDerivedFrom   claim from claim along the chain: the claim as stated from the claim as hop 1's
                     source stated it, that from hop 2's, … ; each carries the hop's evidence, cue,
                     position, date, confidence and how it was found (`tracer:relation`)
    wasAttributedTo  each hop's claim to its source; each post to its author
    wasGeneratedBy   every claim by one activity, `run:trace`, with its time and options
    used             `run:trace` used each document it read

Attributes in the `tracer:` namespace carry the JSON fields under their JSON names; None and
empty values are left out.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

from prov.constants import PROV_LABEL, PROV_LOCATION, PROV_TYPE
from prov.identifier import Identifier, Namespace, QualifiedName
from prov.model import PROV, ProvDocument

from tracer._version import __version__
from tracer.export.fields import Scalar, TraceActivity, document_label, documents_of, flatten, keyed, sourcing
from tracer.models import SCHEMA_VERSION, Claim, DocumentStatus, Hop, Post, SourceKind, TraceResult

_BASE = "urn:provenance-tracer:"
TRACER = Namespace("tracer", _BASE + "vocab#")
DOC = Namespace("doc", _BASE + "document:")
CLAIM = Namespace("claim", _BASE + "claim:")
SOURCE = Namespace("source", _BASE + "source:")
POST = Namespace("post", _BASE + "post:")
RUN = Namespace("run", _BASE + "run:")

_AGENT_TYPES = {
    SourceKind.PERSON: PROV["Person"],
    SourceKind.ORGANISATION: PROV["Organization"],
    SourceKind.OUTLET: PROV["Organization"],
    SourceKind.GOVERNMENT: PROV["Organization"],
}

# Attribute values as the prov package takes them (a bool is an int here).
Value = str | int | float | datetime | Identifier
Attributes = dict[str | Identifier, Value]


def tracer_attributes(row: Mapping[str, Scalar], skip: tuple[str, ...] = ()) -> Attributes:
    """A flat row as `tracer:` attributes, leaving out None, empty text and the names in `skip`."""
    return {
        TRACER[name]: value for name, value in row.items() if value is not None and value != "" and name not in skip
    }


def build_prov(results: Sequence[TraceResult], activity: TraceActivity | None = None) -> ProvDocument:
    """The PROV document of every result (see the module docstring for the mapping)."""
    activity = activity or TraceActivity()
    document = ProvDocument()
    for namespace in (TRACER, DOC, CLAIM, SOURCE, POST, RUN):
        document.add_namespace(namespace)
    run = _add_run(document, results, activity)
    read: set[str] = set()
    for trace, result in keyed(results):
        _add_documents(document, result, read)
        for source in result.sources:
            _add_agent(
                document, trace, source.id, source.name, source.kind, tracer_attributes(flatten(source), ("id", "name"))
            )
        for post in result.posts:
            _add_post(document, trace, result, post)
        for claim in result.claims:
            _add_claim(document, trace, result, claim, run)
    return document


def _add_run(document: ProvDocument, results: Sequence[TraceResult], activity: TraceActivity) -> QualifiedName:
    run = RUN["trace"]
    options = tracer_attributes({f"option_{name}": value for name, value in activity.options.items()})
    facts: Attributes = {
        PROV_LABEL: "tracer trace",
        TRACER["version"]: __version__,
        TRACER["schema_version"]: SCHEMA_VERSION,
        TRACER["inputs"]: len(results),
        **({TRACER["time_basis"]: activity.time_basis} if activity.time_basis else {}),
        **options,
    }
    document.activity(run, endTime=activity.time, other_attributes=facts)
    return run


def _add_documents(document: ProvDocument, result: TraceResult, read: set[str]) -> None:
    """Each document once across the set (ids are per URL); the run used the ones it read."""
    for ref in documents_of(result):
        if ref.id in read:
            continue
        read.add(ref.id)
        where = ref.url or ref.path
        attrs: Attributes = {PROV_TYPE: TRACER["Document"], PROV_LABEL: document_label(ref)}
        if where:
            attrs[PROV_LOCATION] = where
        document.entity(DOC[ref.id], {**attrs, **tracer_attributes(flatten(ref), ("id",))})
        if ref.status == DocumentStatus.OK:
            document.used(RUN["trace"], DOC[ref.id])


def _add_agent(document: ProvDocument, trace: str, local: str, name: str, kind: SourceKind, extra: Attributes) -> None:
    identifier = SOURCE[f"{trace}_{local}"]
    if document.get_record(identifier):
        return
    attrs: Attributes = {PROV_LABEL: name, TRACER["trace"]: trace, **extra}
    if kind in _AGENT_TYPES:
        attrs[PROV_TYPE] = _AGENT_TYPES[kind]
    document.agent(identifier, attrs)


def _add_post(document: ProvDocument, trace: str, result: TraceResult, post: Post) -> None:
    identifier = POST[f"{trace}_{post.id}"]
    attrs: Attributes = {PROV_TYPE: TRACER["Post"], PROV_LABEL: f"@{post.handle}" if post.handle else post.id}
    if post.url:
        attrs[PROV_LOCATION] = post.url
    attrs[TRACER["embedded_in"]] = DOC[result.document.id]
    document.entity(identifier, {**attrs, **tracer_attributes(flatten(post), ("id",))})
    if post.source_id:
        document.wasAttributedTo(identifier, SOURCE[f"{trace}_{post.source_id}"])


def _add_claim(document: ProvDocument, trace: str, result: TraceResult, claim: Claim, run: QualifiedName) -> None:
    """The claim, where it is quoted from, and one derivation per hop back to the origin."""
    stated = CLAIM[f"{trace}_{claim.id}"]
    row = flatten(claim)
    attrs: Attributes = {PROV_TYPE: TRACER["Claim"], PROV_LABEL: claim.text, TRACER["trace"]: trace,
                         TRACER["sourcing"]: str(sourcing(claim)), TRACER["hops"]: len(claim.chain)}  # fmt: skip
    document.entity(stated, {**attrs, **tracer_attributes(row, ("id", "text"))})
    home = POST[f"{trace}_{claim.post_id}"] if claim.post_id else DOC[claim.document_id or result.document.id]
    document.wasQuotedFrom(stated, home, other_attributes={TRACER["start"]: claim.start, TRACER["end"]: claim.end})
    document.wasGeneratedBy(stated, run)
    previous = stated
    for position, hop in enumerate(claim.chain, 1):
        previous = _add_hop(document, trace, claim, hop, position, previous)


def _add_hop(
    document: ProvDocument, trace: str, claim: Claim, hop: Hop, position: int, previous: QualifiedName
) -> QualifiedName:
    """The claim as this hop's source stated it: attributed to the source, the previous claim derived from it."""
    said = CLAIM[f"{trace}_{claim.id}_h{position}"]
    source_row = flatten(hop.source)
    _add_agent(document, trace, hop.source.id, hop.source.name, hop.source.kind,
               tracer_attributes(source_row, ("id", "name")))  # fmt: skip
    agent = SOURCE[f"{trace}_{hop.source.id}"]
    document.entity(said, {PROV_TYPE: TRACER["Claim"], PROV_LABEL: claim.text, TRACER["trace"]: trace,
                           TRACER["claim"]: CLAIM[f"{trace}_{claim.id}"], TRACER["position"]: position})  # fmt: skip
    document.wasAttributedTo(said, agent, other_attributes={TRACER["cue"]: hop.cue} if hop.cue else None)
    hop_row = {name: value for name, value in flatten(hop).items() if not name.startswith("source_") or name in
               ("source_start", "source_end")}  # fmt: skip
    extra: Attributes = {TRACER["position"]: position, TRACER["source"]: agent}
    if hop.document_id:
        extra[TRACER["document_id"]] = DOC[hop.document_id]
    document.wasDerivedFrom(previous, said, other_attributes={**tracer_attributes(hop_row, ("document_id",)), **extra})
    return said


def prov_json(document: ProvDocument) -> str:
    """PROV-JSON (the W3C member submission's format), indented."""
    return str(document.serialize(format="json", indent=2)) + "\n"


def prov_n(document: ProvDocument) -> str:
    """PROV-N, the W3C's human-readable notation."""
    return document.get_provn() + "\n"
