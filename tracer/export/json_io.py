"""Write trace results: one JSON object, or JSON Lines; files are written atomically."""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from tracer.models import TraceResult


def to_json(result: TraceResult, *, indent: int | None = 2) -> str:
    """Serialise one result; `indent=None` gives a single line (the JSON Lines form)."""
    return result.model_dump_json(indent=indent)


def schema_json() -> str:
    """The JSON Schema of `TraceResult`, the contract every consumer reads."""
    return json.dumps(TraceResult.model_json_schema(), indent=2)


def load_results(text: str) -> list[TraceResult]:
    """Read results back from a saved JSON object or JSON Lines file."""
    stripped = text.strip()
    if not stripped:
        return []
    try:
        return [TraceResult.model_validate_json(stripped)]
    except ValueError:
        return [TraceResult.model_validate_json(line) for line in stripped.splitlines() if line.strip()]


@contextlib.contextmanager
def atomic_writer(path: str | os.PathLike[str]) -> Iterator[TextIO]:
    """Open a temporary file beside `path`; on success it replaces `path` in one rename.

    If anything raises before the block ends, the temporary file is removed and `path` keeps
    its old content (or stays absent): a crash never leaves half a file.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
