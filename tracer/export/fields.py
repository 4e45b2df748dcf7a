"""What every exporter shares: one flat view of a model, trace keys, and the words a format adds.

A format is a mapping from the models, not a second model: columns and attributes are read from
the pydantic classes' own fields, so a field added to `tracer.models` reaches every format
without touching an exporter. Nested references (a hop's `source`, a claim's `origin`) are
flattened with their field name as a prefix (`source_name`, `origin_kind`); lists of plain
values are joined with `LIST_SEPARATOR`; lists of models (a claim's `chain`) are tables of
their own and are left out of the parent's row.
"""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import Enum, StrEnum

from pydantic import BaseModel

from tracer.models import Claim, Document, DocumentRef, DocumentStatus, TraceResult

# A scalar as exporters write it: what CSV, GraphML, GEXF and PROV all carry natively.
Scalar = str | int | float | bool | None

# Joins lists of plain values (authors, flags, aliases) into one cell; chosen because "; "
# does not occur in the tracer's flag names or handles, and reads well in a spreadsheet.
LIST_SEPARATOR = "; "


@dataclass(frozen=True)
class TraceActivity:
    """What PROV says about the run that made the results: when, and with which options.

    The JSON results do not record when or how they were traced, so the caller says what it
    knows: `tracer export` gives the traces file's modification time (when the trace finished
    writing), the TUI the moment of export; `time_basis` says which, so no one mistakes it.
    """

    time: datetime | None = None
    time_basis: str = ""
    options: Mapping[str, Scalar] = dataclasses.field(default_factory=dict)


class Sourcing(StrEnum):
    """How a claim is sourced, at a glance (a column of claims.csv and an attribute elsewhere).

    Not the claim's `kind` (what sort of statement it is): this says whether anyone is named.
    """

    POST = "post"  # the text of an embedded social post
    ATTRIBUTED = "attributed"  # the document names who said it
    HEDGED = "hedged"  # 'reportedly', 'allegedly', with no source named
    UNATTRIBUTED = "unattributed"  # stated with no source and no hedge


def sourcing(claim: Claim) -> Sourcing:
    """The claim's `Sourcing`: a post's text first, then a named source, then a hedge."""
    if claim.post_id:
        return Sourcing.POST
    if claim.chain:
        return Sourcing.ATTRIBUTED
    return Sourcing.HEDGED if claim.hedged else Sourcing.UNATTRIBUTED


def _nested_model(annotation: object) -> type[BaseModel] | None:
    """The model class inside `X` or `X | None`, if the annotation names one."""
    candidates = typing.get_args(annotation) if isinstance(annotation, types.UnionType) else (annotation,)
    for candidate in candidates:
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return candidate
    return None


def _is_model_list(annotation: object) -> bool:
    """Whether a field holds a list of models (a child table), e.g. `list[Hop]`."""
    return typing.get_origin(annotation) is list and _nested_model(typing.get_args(annotation)[0]) is not None


@functools.cache
def _plan(model: type[BaseModel]) -> tuple[tuple[str, str, type[BaseModel] | None], ...]:
    """Each field a flat row keeps: its attribute, its JSON name, and its nested model class if any.

    Read once per class. The JSON name is the field's alias when it has one (`class` for the
    attribute `cls`), so columns are named as the JSON names them.

    Annotations are resolved with `get_type_hints`: pydantic leaves a field that names a class
    defined later in the module (`Claim.visits: list[Visit]`) as a forward reference until the
    model is first used.
    """
    hints = typing.get_type_hints(model)
    return tuple(
        (name, field.alias or name, _nested_model(hints[name]))
        for name, field in model.model_fields.items()
        if not _is_model_list(hints[name])
    )


def columns(model: type[BaseModel], prefix: str = "") -> list[str]:
    """The flat column names of a model class, in field order (nested models expanded)."""
    names: list[str] = []
    for _, column, nested in _plan(model):
        names.extend(columns(nested, f"{prefix}{column}_") if nested else [prefix + column])
    return names


def flatten(model: BaseModel, prefix: str = "") -> dict[str, Scalar]:
    """One model as a flat dict of scalars, keyed by `columns()`; absent nested models give None."""
    row: dict[str, Scalar] = {}
    for name, column, nested in _plan(type(model)):
        value = getattr(model, name)
        if nested is None:
            row[prefix + column] = scalar(value)
        elif value is None:
            row.update(dict.fromkeys(columns(nested, f"{prefix}{column}_")))
        else:
            row.update(flatten(value, f"{prefix}{column}_"))
    return row


def scalar(value: object) -> Scalar:
    """A field value as a scalar: enums by value, lists joined, everything else as is."""
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, list):
        return LIST_SEPARATOR.join(str(scalar(item)) for item in value)
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


def trace_keys(results: Sequence[TraceResult]) -> list[str]:
    """One key per result, unique in the set: the input document's id, numbered when repeated.

    Claim, source and post ids (`c1`, `s1`, `p1`) are local to a result, so every format
    qualifies them with this key; documents keep their own ids, which are the same for the same
    URL in every trace, so a page two traces reached is one document.
    """
    seen: Counter[str] = Counter()
    keys: list[str] = []
    for result in results:
        seen[result.document.id] += 1
        count = seen[result.document.id]
        keys.append(result.document.id if count == 1 else f"{result.document.id}-{count}")
    return keys


def keyed(results: Sequence[TraceResult]) -> Iterator[tuple[str, TraceResult]]:
    """Each result with its trace key."""
    return zip(trace_keys(results), results, strict=True)


def documents_of(result: TraceResult) -> list[DocumentRef]:
    """The result's documents, the input first: a failed input that never reached documents[] is added."""
    if any(ref.id == result.document.id for ref in result.documents):
        return list(result.documents)
    return [input_ref(result.document, result), *result.documents]


def input_ref(document: Document, result: TraceResult) -> DocumentRef:
    """A `DocumentRef` for the input document, marked failed when the result carries errors."""
    failed = bool(result.errors)
    return DocumentRef(
        id=document.id,
        url=document.url,
        path=document.path,
        title=document.title,
        site_name=document.site_name,
        published=document.published,
        authors=list(document.authors),
        status=DocumentStatus.FAILED if failed else DocumentStatus.OK,
        error=result.errors[0].message if failed else None,
    )


def document_label(ref: DocumentRef | Document) -> str:
    """How a document is named to a reader: its title, else its URL, path or id."""
    return ref.title or ref.url or ref.path or ref.id
