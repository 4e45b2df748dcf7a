"""Trace many inputs in order; a failure on one becomes a recorded result, never a crashed batch."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from typing import BinaryIO

from tracer.errors import TracerError
from tracer.models import TraceResult
from tracer.parse.article import failed_result
from tracer.read.inputs import InputItem, read_input
from tracer.trail.options import TrailOptions
from tracer.trail.trace import trace_article
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
    return trace_article(article, input_label=item.label, fetcher=fetcher, options=trail)


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
        try:
            result = trace_one(item, fetcher, stdin, trail=trail)
        except TracerError as exc:
            result = _failed(item, exc)
        except Exception as exc:
            LOGGER.exception("internal error on %s", item.label)
            result = _failed(item, exc)
        if progress:
            progress(index, len(items), item, result)
        yield result


def _failed(item: InputItem, exc: Exception) -> TraceResult:
    return failed_result(
        item.label,
        exc,
        url=item.value if item.kind == "url" else None,
        path=item.value if item.kind == "file" else None,
    )
