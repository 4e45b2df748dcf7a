"""The export formats and one entry point for all of them (used by `tracer export` and the TUI).

The heavy libraries (networkx for graphs, prov for W3C PROV) are imported only when their format
is asked for, so `import tracer` and `tracer trace` never pay for them.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path

from tracer.export.fields import TraceActivity
from tracer.export.json_io import atomic_writer
from tracer.export.report import to_markdown
from tracer.export.tables import TABLE_NAMES, table_text, write_tables
from tracer.models import TraceResult


class ExportFormat(StrEnum):
    """What `tracer export --to` writes."""

    CSV = "csv"  # tidy tables: a folder or a zip of them, or one table
    GRAPHML = "graphml"  # a graph for Gephi, Cytoscape, igraph
    GEXF = "gexf"  # Gephi's own graph format
    PROV_JSON = "prov-json"  # W3C PROV as PROV-JSON
    PROV_N = "prov-n"  # W3C PROV in its readable notation
    MARKDOWN = "markdown"  # a report per document

    @property
    def suffix(self) -> str:
        """The file name suffix this format is saved under by default (CSV: a zip of every table)."""
        return SUFFIXES[self]


# The file name suffix each format is saved under by default (CSV: a zip of every table).
SUFFIXES = {
    ExportFormat.CSV: ".zip",
    ExportFormat.GRAPHML: ".graphml",
    ExportFormat.GEXF: ".gexf",
    ExportFormat.PROV_JSON: ".prov.json",
    ExportFormat.PROV_N: ".provn",
    ExportFormat.MARKDOWN: ".md",
}

__all__ = ["SUFFIXES", "TABLE_NAMES", "ExportFormat", "TraceActivity", "export_results", "render"]


def render(
    results: Sequence[TraceResult],
    fmt: ExportFormat,
    *,
    table: str | None = None,
    activity: TraceActivity | None = None,
) -> str:
    """The export as one text: any format but CSV, or one CSV table (`table`).

    Raises:
        ValueError: CSV without a table name (several tables are not one text), or an unknown table.
    """
    if fmt == ExportFormat.CSV:
        if table not in TABLE_NAMES:
            raise ValueError(f"csv is several tables: name one of {', '.join(TABLE_NAMES)}")
        return table_text(results, table)
    if fmt in (ExportFormat.GRAPHML, ExportFormat.GEXF):
        from tracer.export.graph import build_graph, gexf_text, graphml_text

        graph = build_graph(results)
        return graphml_text(graph) if fmt == ExportFormat.GRAPHML else gexf_text(graph)
    if fmt in (ExportFormat.PROV_JSON, ExportFormat.PROV_N):
        from tracer.export.w3c_prov import build_prov, prov_json, prov_n

        document = build_prov(results, activity)
        return prov_json(document) if fmt == ExportFormat.PROV_JSON else prov_n(document)
    return to_markdown(results)


def export_results(
    results: Sequence[TraceResult],
    fmt: ExportFormat,
    target: Path,
    *,
    table: str | None = None,
    activity: TraceActivity | None = None,
) -> list[Path]:
    """Write the export to `target` atomically; returns the files written.

    CSV without `table` writes every table: into a zip when `target` ends in `.zip`, else as
    files in the folder `target`. Every other case writes one file.

    Raises:
        OSError: the target cannot be written.
    """
    if fmt == ExportFormat.CSV and table is None:
        return write_tables(results, target)
    text = render(results, fmt, table=table, activity=activity)
    with atomic_writer(target) as handle:
        handle.write(text)
    return [target]
