"""Tidy CSV tables: one row per claim, hop, visit, post, link, document, source and error.

Every table starts with `trace`, the key of the result the row comes from (ids such as `c1` or
`s1` are local to a result), then the model's own fields as in the JSON (see `fields`). Cells
are written so pandas and R read them without options: missing values as `NA` (the default
missing marker of both `pandas.read_csv` and R's `read.csv`/`readr`), booleans as `TRUE`/`FALSE`,
numbers as plain decimals, text quoted when it holds commas, quotes or newlines. Files are UTF-8
without a byte-order mark (R's `read.csv` would otherwise read the mark into the first name).
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from pydantic import BaseModel

from tracer.export.fields import Scalar, columns, document_label, documents_of, flatten, keyed, sourcing
from tracer.export.json_io import atomic_path
from tracer.models import (
    AttributionRelation,
    Claim,
    DocumentRef,
    ErrorRecord,
    Hop,
    Link,
    Post,
    Source,
    TraceResult,
    Visit,
)

MISSING = "NA"

Row = dict[str, Scalar]


@dataclass(frozen=True)
class Table:
    """A table: the model its rows come from, the columns put before and after its fields, its rows."""

    model: type[BaseModel]
    keys: tuple[str, ...]
    rows: Callable[[str, TraceResult], Iterator[Row]]
    derived: tuple[str, ...] = ()

    @property
    def columns(self) -> list[str]:
        """The header: keys, then the model's flattened fields, then derived columns."""
        return [*self.keys, *columns(self.model), *self.derived]


def _claims(trace: str, result: TraceResult) -> Iterator[Row]:
    for claim in result.claims:
        yield {"trace": trace, **flatten(claim), "sourcing": str(sourcing(claim)), "hops": len(claim.chain)}


def _hops(trace: str, result: TraceResult) -> Iterator[Row]:
    """Hops as an edge list: `cited_by` is who names the hop's source (the document, then each source)."""
    labels = {ref.id: document_label(ref) for ref in documents_of(result)}
    for claim in result.claims:
        document = claim.document_id or result.document.id
        cited_by: tuple[str, str] = (document, labels.get(document, document))
        for position, hop in enumerate(claim.chain, 1):
            yield {
                "trace": trace,
                "claim_id": claim.id,
                "position": position,
                "cited_by_id": cited_by[0],
                "cited_by_name": cited_by[1],
                **flatten(hop),
            }
            cited_by = (hop.source.id, hop.source.name)


def _visits(trace: str, result: TraceResult) -> Iterator[Row]:
    for claim in result.claims:
        for position, visit in enumerate(claim.visits, 1):
            yield {"trace": trace, "claim_id": claim.id, "position": position, **flatten(visit)}


def _plain(items: Callable[[TraceResult], Iterable[BaseModel]]) -> Callable[[str, TraceResult], Iterator[Row]]:
    """Rows for a list the result holds directly: the trace key, then the item's fields."""

    def rows(trace: str, result: TraceResult) -> Iterator[Row]:
        for item in items(result):
            yield {"trace": trace, **flatten(item)}

    return rows


# An attribution's content is a list of fragments: one cell holds them joined, with the span
# from the first fragment's start to the last one's end.
CONTENT = ("content", "content_start", "content_end")
CONTENT_JOIN = " … "


def _attributions(trace: str, result: TraceResult) -> Iterator[Row]:
    for relation in result.attributions:
        spans = relation.content
        joined = CONTENT_JOIN.join(span.text for span in spans)
        first, last = (spans[0].start, spans[-1].end) if spans else (None, None)
        yield {"trace": trace, **flatten(relation), "content": joined, "content_start": first, "content_end": last}


def _links(trace: str, result: TraceResult) -> Iterator[Row]:
    for link in result.links:
        yield {"trace": trace, "document_id": result.document.id, **flatten(link)}


TABLES: dict[str, Table] = {
    "claims": Table(Claim, ("trace",), _claims, derived=("sourcing", "hops")),
    "hops": Table(Hop, ("trace", "claim_id", "position", "cited_by_id", "cited_by_name"), _hops),
    "visits": Table(Visit, ("trace", "claim_id", "position"), _visits),
    "posts": Table(Post, ("trace",), _plain(lambda r: r.posts)),
    "links": Table(Link, ("trace", "document_id"), _links),
    "documents": Table(DocumentRef, ("trace",), _plain(documents_of)),
    "sources": Table(Source, ("trace",), _plain(lambda r: r.sources)),
    "attributions": Table(AttributionRelation, ("trace",), _attributions, derived=CONTENT),
    "errors": Table(ErrorRecord, ("trace",), _plain(lambda r: r.errors)),
}
TABLE_NAMES = tuple(TABLES)


def cell(value: Scalar) -> str | int | float:
    """A value as written in a CSV cell (see the module docstring for why these spellings)."""
    if value is None:
        return MISSING
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    return value


def write_table(results: Sequence[TraceResult], name: str, handle: TextIO) -> int:
    """Write one table as CSV to an open text handle; returns the number of rows."""
    table = TABLES[name]
    writer = csv.writer(handle, lineterminator="\n")
    writer.writerow(table.columns)
    count = 0
    for trace, result in keyed(results):
        for row in table.rows(trace, result):
            writer.writerow([cell(row[column]) for column in table.columns])
            count += 1
    return count


def table_text(results: Sequence[TraceResult], name: str) -> str:
    """One table as a CSV string."""
    buffer = io.StringIO()
    write_table(results, name, buffer)
    return buffer.getvalue()


def write_tables(results: Sequence[TraceResult], target: Path) -> list[Path]:
    """Every table: into a zip when `target` ends in .zip, else as `<name>.csv` files in a folder.

    Each file is written atomically, so an interrupted export never leaves half a table.
    """
    if target.suffix.lower() == ".zip":
        with atomic_path(target) as tmp, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as archive:
            for name in TABLES:
                archive.writestr(f"{name}.csv", table_text(results, name))
        return [target]
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for name in TABLES:
        path = target / f"{name}.csv"
        with atomic_path(path) as tmp, tmp.open("w", encoding="utf-8", newline="") as handle:
            write_table(results, name, handle)
        written.append(path)
    return written
