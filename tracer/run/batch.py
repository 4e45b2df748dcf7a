"""Trace many inputs in order; a failure on one becomes a recorded result, never a crashed batch."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import BinaryIO

from tracer.errors import TracerError
from tracer.models import TraceResult
from tracer.parse.article import failed_result
from tracer.read.inputs import InputItem, InputKind
from tracer.text import clean_text
from tracer.trail.options import TrailOptions
from tracer.trail.trace import trace_input
from tracer.web.fetch import Fetcher

LOGGER = logging.getLogger(__name__)

Progress = Callable[[int, int, InputItem, TraceResult], None]


@dataclass(frozen=True, slots=True)
class Outcome:
    """One traced input as a batch writes it: the result's JSON line and what progress shows.

    Workers send this back instead of the result object: the line is what gets written, and a
    string crosses a process boundary far cheaper than a tree of models.

    Attributes:
        index: Position of the input in the run (0-based), for ordering.
        input_id: The input's stable id (the key `--resume` skips by).
        label: How the input is named in messages.
        line: The result as one JSON line, without the newline.
        error: The first error's message, when the input failed.
        error_type: That error's class name.
        claims: Claims found (for progress and summaries).
    """

    index: int
    input_id: str
    label: str
    line: str
    error: str | None = None
    error_type: str | None = None
    claims: int = 0


def trace_one(
    item: InputItem, fetcher: Fetcher | None = None, stdin: BinaryIO | None = None, *, trail: TrailOptions | None = None
) -> TraceResult:
    """Read and trace one input (following its claims when `trail` asks for depth > 0).

    Raises `TracerError` when the input cannot be read.
    """
    return trace_input(item, fetcher, stdin, input_label=item.label, options=trail)


def trace_safely(
    item: InputItem, fetcher: Fetcher | None = None, stdin: BinaryIO | None = None, *, trail: TrailOptions | None = None
) -> TraceResult:
    """Trace one input; whatever goes wrong, serialising the result included, becomes a failed result.

    The result is serialised once here because a value no writer accepts (a lone surrogate, say)
    would otherwise raise only when the caller writes it, outside this guard, and end the batch.
    """
    try:
        result = trace_one(item, fetcher, stdin, trail=trail)
        result.model_dump_json()
        return result
    except TracerError as exc:
        return failed(item, exc)
    except Exception as exc:
        LOGGER.exception("internal error on %s", clean_text(item.label))
        return failed(item, exc)


def trace_many(
    items: Iterable[InputItem],
    fetcher: Fetcher | None = None,
    *,
    progress: Progress | None = None,
    stdin: BinaryIO | None = None,
    trail: TrailOptions | None = None,
) -> Iterator[TraceResult]:
    """Yield one result per input, in input order, failed inputs included with their errors.

    Unexpected exceptions (bugs) are caught too and recorded as `InternalError`, so one odd
    page cannot lose the results of the others.
    """
    items = items if isinstance(items, list) else list(items)
    for index, item in enumerate(items, 1):
        result = trace_safely(item, fetcher, stdin, trail=trail)
        if progress:
            progress(index, len(items), item, result)
        yield result


def outcome_of(index: int, item: InputItem, result: TraceResult) -> Outcome:
    """The batch form of a result: its JSON line and the facts progress reports."""
    first = result.errors[0] if result.errors else None
    return Outcome(
        index=index,
        input_id=item.id,
        label=item.label,
        line=result.model_dump_json(),
        error=first.message if first else None,
        error_type=first.type if first else None,
        claims=len(result.claims),
    )


def failed(item: InputItem, exc: Exception) -> TraceResult:
    """The recorded result of an input that could not be traced."""
    value = clean_text(item.value)
    result = failed_result(
        clean_text(item.label),
        exc,
        url=value if item.kind == InputKind.URL else item.url,
        path=value if item.kind in (InputKind.FILE, InputKind.INVALID) else None,
    )
    result.input_id = item.id or None
    return result
