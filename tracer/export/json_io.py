"""Write trace results: one JSON object, or JSON Lines; files are written atomically."""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from pydantic import ValidationError

from tracer.errors import EmptyInputError, InputError, InputNotFoundError, UnreadableInputError
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
def atomic_path(path: str | os.PathLike[str]) -> Iterator[Path]:
    """A temporary path beside `path` to write to; on success it replaces `path` in one rename.

    If anything raises before the block ends, the temporary file is removed and `path` keeps
    its old content (or stays absent): a crash never leaves half a file. The temporary file is
    created exclusively under a random name, so it gets the permissions a plain `open()` gives
    (mkstemp's would be owner-only, and an exported table is meant to be shared).
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.parent / f".{target.name}.{secrets.token_hex(6)}.tmp"
    tmp.open("xb").close()
    try:
        yield tmp
        with tmp.open("rb") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise


@contextlib.contextmanager
def atomic_writer(path: str | os.PathLike[str]) -> Iterator[TextIO]:
    """Open a text file (UTF-8) that replaces `path` atomically when the block ends without error."""
    with atomic_path(path) as tmp, tmp.open("w", encoding="utf-8") as handle:
        yield handle


def read_results(path: str) -> list[TraceResult]:
    """Read a saved JSON or JSON Lines trace file (`-` for stdin), with one-line errors.

    Raises:
        InputNotFoundError: the file does not exist.
        UnreadableInputError: it cannot be read as UTF-8 text.
        EmptyInputError: it holds no results.
        InputError: it is not a trace: the message names the line and the first problem.
    """
    text = _read_text(path)
    stripped = text.strip()
    if not stripped:
        raise EmptyInputError(f"{path}: no trace results in it")
    if "\n{" not in stripped:  # one object, perhaps indented: JSON Lines start every line with {
        return [_parse(stripped, path, None)]
    lines = enumerate(text.splitlines(), 1)
    return [_parse(line, path, number) for number, line in lines if line.strip()]


def _read_text(path: str) -> str:
    if path == "-":
        return sys.stdin.read()
    try:
        return Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputNotFoundError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise UnreadableInputError(f"{path}: is a folder, not a JSON or JSON Lines file") from None
    except UnicodeDecodeError:
        raise UnreadableInputError(f"{path}: not UTF-8 text (is it a JSON file?)") from None
    except OSError as exc:
        raise UnreadableInputError(f"{path}: {exc.strerror or exc}") from None


def _parse(text: str, path: str, line: int | None) -> TraceResult:
    """One result, or an `InputError` naming where and what the first problem is."""
    where = f"{path}, line {line}" if line else path
    try:
        return TraceResult.model_validate_json(text)
    except ValidationError as exc:
        first = exc.errors()[0]
        place = ".".join(str(part) for part in first["loc"])
        detail = f"{place}: {first['msg']}" if place else first["msg"]
        raise InputError(f"{where}: not a trace result written by `tracer trace` ({detail})") from None
