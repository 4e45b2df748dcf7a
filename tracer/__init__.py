"""provenance tracer: who actually said this first?

The public API: read an article, trace it, and work with the JSON models.
"""

import logging

from tracer import _blas  # noqa: F401  (first: sets BLAS threads before numpy loads)
from tracer._version import __version__
from tracer.errors import (
    FetchError,
    InputError,
    ParseError,
    TracerError,
)
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
from tracer.read.document import Article, read_html, read_text
from tracer.read.inputs import InputItem, expand_inputs, read_input
from tracer.run.batch import trace_many, trace_one
from tracer.run.options import RunOptions, add_cache_arguments, add_trail_arguments, run_options
from tracer.trail.trace import trace_article
from tracer.trail.walk import TrailOptions
from tracer.urls import normalise_url
from tracer.web.fetch import Fetcher, FetchOptions

logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = [
    "Article",
    "AttributionRelation",
    "Claim",
    "ClaimKind",
    "CueClass",
    "Document",
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
    "load_results",
    "normalise_url",
    "read_html",
    "read_input",
    "read_text",
    "run_options",
    "schema_json",
    "to_json",
    "trace_article",
    "trace_many",
    "trace_one",
]
