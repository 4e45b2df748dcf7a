"""Write trace results: one JSON object, or JSON Lines; files are written atomically, or appended for a resume.

Two ways to a file, both of which never lose finished work:

- `atomic_writer`: a temporary file beside the target replaces it in one rename at the end, so a
  crash leaves the old file (or none), never half of one. Temporary files carry the writer's
  process id, and one whose process is gone (a SIGKILL) is removed by the next run.
- `JsonlAppender` with `completed_ids`: `tracer trace --resume` appends each record with one
  write and a flush, so a SIGKILL at any moment leaves complete lines and at most one half line,
  which the resume cuts off before appending.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import secrets
import stat
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from pydantic import ValidationError

from tracer.errors import EmptyInputError, InputError, InputNotFoundError, OutputError, UnreadableInputError
from tracer.models import TraceResult

# fsync of the appended file at most this often: a process kill loses nothing without it (the
# data is in the kernel), and a power cut loses at most these seconds of work.
FSYNC_SECONDS = 2.0
# The input id as `TraceResult` serialises it: near the start of each line, after the input.
_INPUT_ID = re.compile(r'^\{"schema_version":"[^"]*","input":"(?:[^"\\]|\\.)*","input_id":("(?:[^"\\]|\\.)*"|null)')
_TMP_NAME = re.compile(r"^\.(?P<name>.+)\.(?P<pid>\d+)\.[^.]+\.tmp$")


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


def check_output(path: str | os.PathLike[str]) -> Path:
    """Make sure results can be written to `path` before any work starts; returns it as a Path.

    Creates missing parent folders (as the writers would).

    Raises:
        OutputError: `path` is a folder, lies under a file, or cannot be written.
    """
    target = Path(path)
    if target.is_dir():
        raise OutputError(f"cannot write to {target}: it is a directory (give a file name)")
    existing = next((p for p in target.parents if p.exists()), Path("."))
    if not existing.is_dir():
        raise OutputError(f"cannot write to {target}: {existing} is a file, not a directory")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create the folder {target.parent}: {exc.strerror}") from exc
    _probe(target)
    return target


def _probe(target: Path) -> None:
    """Create (and remove) a file beside the target, or open the target for appending: the real test."""
    try:
        if target.exists():
            with target.open("ab"):
                pass
        else:
            fd, probe = tempfile.mkstemp(prefix=f".{target.name}.{os.getpid()}.", suffix=".tmp", dir=target.parent)
            os.close(fd)
            os.unlink(probe)
    except OSError as exc:
        raise OutputError(f"cannot write to {target}: {exc.strerror}") from exc


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike[str], *, keep_on_interrupt: bool = False) -> Iterator[Path]:
    """A temporary path beside `path` to write to; on success it replaces `path` in one rename.

    If anything raises before the block ends, the temporary file is removed and `path` keeps
    its old content (or stays absent): a crash never leaves half a file. The temporary file is
    created exclusively under a random name, so it gets the permissions a plain `open()` gives
    (mkstemp's would be owner-only, and an exported table is meant to be shared). Its name
    carries this process's id, so the next writer can remove it if a SIGKILL left it behind
    (`remove_orphans`). With `keep_on_interrupt`, Ctrl-C (KeyboardInterrupt) still installs what
    was written, so the work done so far is kept (for `tracer trace --resume`).
    """
    target = Path(path)
    if _is_special(target):
        yield target  # /dev/null, /dev/stdout, a named pipe: written in place, never replaced by a file
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    remove_orphans(target)
    tmp = target.parent / f".{target.name}.{os.getpid()}.{secrets.token_hex(6)}.tmp"
    tmp.open("xb").close()
    try:
        try:
            yield tmp
        except KeyboardInterrupt:
            if keep_on_interrupt:
                _install(tmp, target)
            raise
        _install(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def _is_special(target: Path) -> bool:
    """Whether `target` is a device, pipe or socket: renaming a file over it would destroy it
    (as root, `-o /dev/null` once replaced the device with a regular file)."""
    try:
        mode = target.stat().st_mode
    except OSError:
        return False
    return stat.S_ISCHR(mode) or stat.S_ISBLK(mode) or stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode)


def _install(tmp: Path, target: Path) -> None:
    with tmp.open("rb") as handle:
        os.fsync(handle.fileno())
    os.replace(tmp, target)


@contextlib.contextmanager
def atomic_writer(path: str | os.PathLike[str], *, keep_on_interrupt: bool = False) -> Iterator[TextIO]:
    """Open a text file (UTF-8) that replaces `path` atomically when the block ends without error."""
    with atomic_path(path, keep_on_interrupt=keep_on_interrupt) as tmp, tmp.open("w", encoding="utf-8") as handle:
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


def remove_orphans(target: Path) -> list[Path]:
    """Remove temporary files a killed writer of `target` left behind (their process is gone)."""
    removed: list[Path] = []
    for candidate in target.parent.glob(f".{glob_escape(target.name)}.*.tmp"):
        match = _TMP_NAME.match(candidate.name)
        if match and match["name"] == target.name and not _alive(int(match["pid"])):
            with contextlib.suppress(OSError):
                candidate.unlink()
                removed.append(candidate)
    return removed


def glob_escape(name: str) -> str:
    """A file name with glob's special characters made literal."""
    return re.sub(r"([*?\[])", r"[\1]", name)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's live process
    return True


def completed_ids(path: str | os.PathLike[str]) -> set[str]:
    """The input ids of the complete records in a JSON Lines file, cutting off a half-written last line.

    A missing file has none.

    Raises:
        OutputError: The file holds a line that is not a trace record with an input id.
    """
    target = Path(path)
    if not target.exists():
        return set()
    ids: set[str] = set()
    with target.open("rb+") as handle:
        end = 0
        for number, raw in enumerate(handle, 1):
            if not raw.endswith(b"\n"):
                break  # a half line: a write cut off by a kill
            ids.add(_record_id(raw, target, number))
            end += len(raw)
        handle.truncate(end)
    return ids


def _record_id(raw: bytes, path: Path, number: int) -> str:
    line = raw.decode("utf-8", "replace")
    match = _INPUT_ID.match(line)
    value = json.loads(match[1]) if match else _parsed_id(line)
    if not isinstance(value, str) or not value:
        raise OutputError(f"line {number} of {path} has no input_id (written by an older tracer?); cannot resume")
    return value


def _parsed_id(line: str) -> object:
    """The slow path: parse the whole line (a record laid out differently)."""
    try:
        record = json.loads(line)
    except ValueError:
        return None
    return record.get("input_id") if isinstance(record, dict) else None


class JsonlAppender:
    """Appends JSON lines to a file: each one complete in a single write, flushed at once.

    Args:
        path: The file (created with the user's umask if missing).
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self._fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o666)
        self._synced = time.monotonic()

    def write(self, line: str) -> None:
        """Append one line (without its newline) in one write; fsync every few seconds."""
        data = (line + "\n").encode("utf-8")
        while data:
            written = os.write(self._fd, data)
            data = data[written:]
        if time.monotonic() - self._synced > FSYNC_SECONDS:
            os.fsync(self._fd)
            self._synced = time.monotonic()

    def close(self) -> None:
        """Sync and close the file."""
        if self._fd >= 0:
            os.fsync(self._fd)
            os.close(self._fd)
            self._fd = -1

    def __enter__(self) -> JsonlAppender:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
