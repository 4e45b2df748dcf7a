"""Trace many inputs in order; a failure on one becomes a recorded result, never a crashed batch."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from typing import BinaryIO

from tracer.errors import TracerError
from tracer.models import TraceResult
from tracer.parse.article import failed_result
from tracer.read.inputs import InputItem, read_input
from tracer.text import clean_text
from tracer.trail.trace import trace_article
from tracer.trail.walk import TrailOptions
from tracer.web.fetch import Fetcher

LOGGER = logging.getLogger(__name__)

Progress = Callable[[int, int, InputItem, TraceResult], None]


def trace_one(
    item: InputItem, fetcher: Fetcher | None = None, stdin: BinaryIO | None = None, *, trail: TrailOptions | None = None
) -> TraceResult:
    """Read and trace one input (following its claims when `trail` asks for depth > 0).

    Raises `TracerError` when the input cannot be read.
    """
    article = read_input(item, fetcher, stdin)
    return trace_article(article, input_label=clean_text(item.label), fetcher=fetcher, options=trail)


def trace_many(
    items: list[InputItem],
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
    for index, item in enumerate(items, 1):
        result = _guarded(item, fetcher, stdin, trail)
        if progress:
            progress(index, len(items), item, result)
        yield result


def _guarded(
    item: InputItem, fetcher: Fetcher | None, stdin: BinaryIO | None, trail: TrailOptions | None
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
        return _failed(item, exc)
    except Exception as exc:
        LOGGER.exception("internal error on %s", clean_text(item.label))
        return _failed(item, exc)


def _failed(item: InputItem, exc: Exception) -> TraceResult:
    value = clean_text(item.value)
    return failed_result(
        clean_text(item.label),
        exc,
        url=value if item.kind == "url" else None,
        path=value if item.kind == "file" else None,
    )
