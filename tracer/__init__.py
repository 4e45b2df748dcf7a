"""provenance tracer: who actually said this first?

The public API: read an article, trace it, and work with the JSON models.

Names are imported on first use (PEP 562): `import tracer` costs nothing, so a command that needs
a little of it (`tracer tui` drawing its first screen, `tracer --help`) does not wait for the
parsers, trafilatura and spaCy to load.
"""

from __future__ import annotations

import importlib
import logging
from typing import TYPE_CHECKING, Any

from tracer import _blas  # noqa: F401  (first: sets BLAS threads before numpy loads)
from tracer._version import __version__

if TYPE_CHECKING:
    from tracer.errors import FetchError, InputError, ParseError, TracerError
    from tracer.export.formats import ExportFormat, TraceActivity, export_results
    from tracer.export.json_io import atomic_writer, load_results, schema_json, to_json
    from tracer.models import (
        SCHEMA_VERSION,
        AttributionRelation,
        Claim,
        ClaimKind,
        CueClass,
        Document,
        DocumentRef,
        ErrorRecord,
        Hop,
        HopRelation,
        HopStatus,
        Link,
        LinkKind,
        Platform,
        Post,
        Source,
        SourceKind,
        SourceRef,
        TextSpan,
        TraceResult,
        Visit,
        VisitReason,
        VisitStatus,
    )
    from tracer.parse.article import failed_result
    from tracer.read.document import Article, read_html, read_text
    from tracer.read.inputs import InputItem, expand_inputs, read_input
    from tracer.run.batch import trace_many, trace_one
    from tracer.run.options import RunOptions, add_cache_arguments, add_trail_arguments, run_options
    from tracer.trail.events import ArticleParsed, ClaimVisited, DocumentOpened, TrailEvent
    from tracer.trail.options import TrailOptions
    from tracer.trail.reach import why_not_followed
    from tracer.trail.trace import trace_article, trace_input
    from tracer.urls import normalise_url
    from tracer.web.fetch import Fetcher
    from tracer.web.options import FetchOptions

logging.getLogger(__name__).addHandler(logging.NullHandler())

# Where each public name lives.
_HOMES: dict[str, str] = {
    "Article": "tracer.read.document",
    "ArticleParsed": "tracer.trail.events",
    "AttributionRelation": "tracer.models",
    "Claim": "tracer.models",
    "ClaimKind": "tracer.models",
    "ClaimVisited": "tracer.trail.events",
    "CueClass": "tracer.models",
    "Document": "tracer.models",
    "DocumentOpened": "tracer.trail.events",
    "DocumentRef": "tracer.models",
    "ErrorRecord": "tracer.models",
    "ExportFormat": "tracer.export.formats",
    "FetchError": "tracer.errors",
    "FetchOptions": "tracer.web.options",
    "Fetcher": "tracer.web.fetch",
    "Hop": "tracer.models",
    "HopRelation": "tracer.models",
    "HopStatus": "tracer.models",
    "InputError": "tracer.errors",
    "InputItem": "tracer.read.inputs",
    "Link": "tracer.models",
    "LinkKind": "tracer.models",
    "ParseError": "tracer.errors",
    "Platform": "tracer.models",
    "Post": "tracer.models",
    "RunOptions": "tracer.run.options",
    "SCHEMA_VERSION": "tracer.models",
    "Source": "tracer.models",
    "SourceKind": "tracer.models",
    "SourceRef": "tracer.models",
    "TextSpan": "tracer.models",
    "TraceActivity": "tracer.export.formats",
    "TraceResult": "tracer.models",
    "TracerError": "tracer.errors",
    "TrailEvent": "tracer.trail.events",
    "TrailOptions": "tracer.trail.options",
    "Visit": "tracer.models",
    "VisitReason": "tracer.models",
    "VisitStatus": "tracer.models",
    "add_cache_arguments": "tracer.run.options",
    "add_trail_arguments": "tracer.run.options",
    "atomic_writer": "tracer.export.json_io",
    "expand_inputs": "tracer.read.inputs",
    "export_results": "tracer.export.formats",
    "failed_result": "tracer.parse.article",
    "load_results": "tracer.export.json_io",
    "normalise_url": "tracer.urls",
    "read_html": "tracer.read.document",
    "read_input": "tracer.read.inputs",
    "read_text": "tracer.read.document",
    "run_options": "tracer.run.options",
    "schema_json": "tracer.export.json_io",
    "to_json": "tracer.export.json_io",
    "trace_article": "tracer.trail.trace",
    "trace_input": "tracer.trail.trace",
    "trace_many": "tracer.run.batch",
    "trace_one": "tracer.run.batch",
    "why_not_followed": "tracer.trail.reach",
}

__all__ = [
    "Article",
    "ArticleParsed",
    "AttributionRelation",
    "Claim",
    "ClaimKind",
    "ClaimVisited",
    "CueClass",
    "Document",
    "DocumentOpened",
    "DocumentRef",
    "ErrorRecord",
    "ExportFormat",
    "FetchError",
    "FetchOptions",
    "Fetcher",
    "Hop",
    "HopRelation",
    "HopStatus",
    "InputError",
    "InputItem",
    "Link",
    "LinkKind",
    "ParseError",
    "Platform",
    "Post",
    "RunOptions",
    "SCHEMA_VERSION",
    "Source",
    "SourceKind",
    "SourceRef",
    "TextSpan",
    "TraceActivity",
    "TraceResult",
    "TracerError",
    "TrailEvent",
    "TrailOptions",
    "Visit",
    "VisitReason",
    "VisitStatus",
    "__version__",
    "add_cache_arguments",
    "add_trail_arguments",
    "atomic_writer",
    "expand_inputs",
    "export_results",
    "failed_result",
    "load_results",
    "normalise_url",
    "read_html",
    "read_input",
    "read_text",
    "run_options",
    "schema_json",
    "to_json",
    "trace_article",
    "trace_input",
    "trace_many",
    "trace_one",
    "why_not_followed",
]


def __getattr__(name: str) -> Any:
    """Import a public name from its module the first time it is asked for."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'tracer' has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
