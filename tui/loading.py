"""Turn what the user asked to open into trace results: the only place the TUI reads files or the network.

Everything here runs inside worker threads, never on the UI thread. It goes through `tracer`'s
public API only, so the TUI shows exactly what `tracer trace` would print.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from tracer import InputError, load_results

if TYPE_CHECKING:
    from tracer import InputItem, RunOptions, TraceResult, TrailEvent

LOGGER = logging.getLogger(__name__)

# Called from the worker thread with each step of a trace (the in-document result, each document
# opened, each visit), so the UI shows the trail while it is followed.
ProgressFn = Callable[["TrailEvent"], None]
# A function that reads one input and returns its results (one per article; a saved JSON
# Lines file holds many). Failed articles come back as results carrying `errors[]`; the
# function may also raise `TracerError`. Tests inject their own to point at a local server.
TraceFn = Callable[["InputItem", ProgressFn], list["TraceResult"]]

SAVED_SUFFIXES = frozenset({".json", ".jsonl", ".ndjson"})
# The seed article ships beside the package in the source tree (`tracer tui` with no input).
BUNDLED_SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def default_inputs() -> list[str]:
    """What `tracer tui` opens with no arguments: `./seeds` if present, else the bundled seeds."""
    local = Path("seeds")
    return [str(local if local.is_dir() else BUNDLED_SEEDS)]


def expand(args: Sequence[str]) -> list[InputItem]:
    """Expand arguments like `tracer trace` does, plus saved traces (.json/.jsonl) inside folders."""
    from tracer import InputItem, expand_inputs  # the readers: loaded in a worker, not at start

    items: list[InputItem] = []
    for arg in args:
        items.extend(expand_inputs([arg]))
        if "://" not in arg and Path(arg).is_dir():
            saved = sorted(p for p in Path(arg).iterdir() if p.is_file() and p.suffix.lower() in SAVED_SUFFIXES)
            items.extend(InputItem("file", str(p)) for p in saved)
    return items


def is_saved_trace(item: InputItem) -> bool:
    """Whether an input is a trace saved by `tracer trace -o` or by the TUI's export."""
    return item.kind == "file" and Path(item.value).suffix.lower() in SAVED_SUFFIXES


def read_saved(path: Path) -> list[TraceResult]:
    """Load a saved JSON or JSON Lines trace.

    Raises:
        InputError: The file is missing, unreadable or not a trace in the `tracer` format.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read saved trace {path}: {exc}") from exc
    try:
        return load_results(text)
    except ValueError as exc:
        first = str(exc).splitlines()[0]
        raise InputError(f"not a saved trace ({first}): {path}") from exc


def make_trace_fn(options: RunOptions | None = None) -> TraceFn:
    """The real tracing function: saved traces are loaded, articles and URLs traced and followed.

    Exactly what `tracer trace` does with the same options (`tracer.run.options.run_options`): the
    library's `trace_input` with the run's `TrailOptions`, through a fetcher with its cache,
    politeness and address rules — opened, as the CLI opens it, when the input is a URL or the
    trail goes beyond the document. Going through `trace_input` (not `read_input` then
    `trace_article`) keeps a URL input's reading and parse in the trail's parsed-document cache,
    so re-opening it from a warm cache reads and parses nothing, as a CLI re-trace does. A
    fetcher (and its cache connection) is opened per call, so concurrent workers never share one
    HTTP session.
    """
    from tracer import FetchOptions, RunOptions, TrailOptions

    run = options or RunOptions(TrailOptions(), FetchOptions())

    def trace(item: InputItem, progress: ProgressFn) -> list[TraceResult]:
        # The readers, parsers and trail load here, in the worker, never while the UI starts.
        from tracer import Fetcher, TracerError, failed_result, trace_input

        if is_saved_trace(item):
            return read_saved(Path(item.value))
        needs_fetcher = run.trail.depth > 0 or item.kind == "url"
        with Fetcher(run.fetch) if needs_fetcher else contextlib.nullcontext() as fetcher:
            try:
                traced = trace_input(item, fetcher, input_label=item.label, options=run.trail, progress=progress)
            except TracerError as exc:
                url, path = (item.value, None) if item.kind == "url" else (None, item.value)
                return [failed_result(item.label, exc, url=url, path=path)]
            return [traced]

    return trace
