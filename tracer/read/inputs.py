"""Turn what the user typed (paths, directories, URLs, '-', archives, lists) into inputs, and inputs into articles.

Expansion is lazy (`iter_inputs`): a directory of 40,000 pages or a WARC of as many captures
is walked as the batch goes, so memory does not grow with the batch. Each input gets a stable
id (`InputItem.id`) from what it is — a path, a URL, an archive record — so a resumed run
knows which inputs an earlier run already traced.
"""

from __future__ import annotations

import hashlib
import logging
import os
import sys
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path
from typing import BinaryIO
from urllib.parse import urlsplit

from tracer.errors import InputNotFoundError, UnreadableInputError, UnsupportedInputError
from tracer.read.containers import (
    GZIP_MAGIC,
    JSONL_SUFFIXES,
    WARC_SUFFIXES,
    FileKind,
    Record,
    count_lines,
    count_warc,
    inner_suffix,
    read_jsonl,
    read_url_list,
    read_warc,
    sniff,
    sniff_bytes,
    unsupported_json,
)
from tracer.read.document import Article, read_html, read_text
from tracer.text import clean_text
from tracer.web.fetch import Fetcher

LOGGER = logging.getLogger(__name__)

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".text"})
ARTICLE_SUFFIXES = HTML_SUFFIXES | TEXT_SUFFIXES
# What a directory contributes: articles, and the containers researchers keep beside them
# (each also gzipped).
FOLDER_SUFFIXES = ARTICLE_SUFFIXES | JSONL_SUFFIXES | WARC_SUFFIXES
# A folder's own documentation is not an article (corpus folders ship a README and a LICENSE).
NOT_ARTICLES = ("readme", "license", "licence", "copying", "changelog")
# Far above any article (the largest page in the test corpus is 1.3 MB); refusing bigger
# files keeps a mistaken argument (a video, a database) from eating memory.
MAX_FILE_BYTES = 50 * 1024 * 1024
_URL_SCHEME = ("http://", "https://")
_FILES = ("container", "in-folder")  # expansion kinds that are files on disk


class InputKind(StrEnum):
    """What an input is."""

    FILE = "file"
    URL = "url"
    STDIN = "stdin"
    RECORD = "record"  # a page inside a WARC or JSON Lines file, carried with the item
    INVALID = "invalid"  # something that cannot be read; kept so that it is reported


@dataclass(frozen=True, slots=True)
class InputItem:
    """One thing to trace: a file path, a URL, standard input, or a record of an archive.

    Attributes:
        kind: An `InputKind` value.
        value: The path or URL (for a record: the file it came from).
        id: Stable id within the run (see `iter_inputs`); empty when built by hand.
        name: How the input is named, when not `value` (archive records).
        url: A record's URL.
        data: A record's page (HTML bytes or text).
        html: Whether `data` is HTML.
        content_type: A record's HTTP Content-Type.
        fetched: When a record's page was fetched or captured.
        error: Why an INVALID input cannot be read.
    """

    kind: str
    value: str
    id: str = field(default="", compare=False)  # derived from the others; equal inputs are equal without it
    name: str | None = None
    url: str | None = None
    data: bytes | str | None = None
    html: bool = True
    content_type: str | None = None
    fetched: str | None = None
    error: str | None = None

    @property
    def label(self) -> str:
        """How the input is named in output and messages."""
        if self.name is not None:
            return self.name
        return "-" if self.kind == InputKind.STDIN else self.value

    @property
    def key(self) -> str:
        """What identifies the input across runs (its id is made from this)."""
        return f"{self.kind}:{self.value}" if self.name is None else f"{self.kind}:{self.value}#{self.name}"


@dataclass(frozen=True)
class InputSpec:
    """What to expand: the arguments, URL-list files, and whether to walk folders recursively."""

    args: tuple[str, ...] = ()
    from_files: tuple[str, ...] = ()
    recursive: bool = False
    exclude: frozenset[str] = frozenset()  # absolute paths never read as inputs (the run's own output)


def expand_inputs(args: list[str], *, recursive: bool = False) -> list[InputItem]:
    """Expand command-line inputs, in order; a directory becomes its article files, sorted.

    Paths that do not exist are kept (reading them reports the error), so a batch's output
    lines stay in input order. The list form of `iter_inputs`, for callers that want it whole.
    """
    return list(iter_inputs(InputSpec(tuple(args), recursive=recursive)))


def iter_inputs(spec: InputSpec) -> Iterator[InputItem]:
    """Yield the inputs, in order, each with a stable id; lazily, so memory stays flat.

    The id hashes what the input is (a resolved path, a URL, an archive's record id); the
    second and later copies of one input get `-2`, `-3`..., so every item of a run has its own.
    """
    seen: Counter[str] = Counter()
    for item in _raw_inputs(spec):
        seen[item.key] += 1
        yield replace(item, id=input_id(item.key, seen[item.key]))


def input_id(key: str, occurrence: int = 1) -> str:
    """A short stable id for an input key (`i-` and 16 hex digits, `-N` for repeats)."""
    digest = "i-" + hashlib.sha1(key.encode("utf-8", "replace")).hexdigest()[:16]
    return digest if occurrence == 1 else f"{digest}-{occurrence}"


def count_inputs(spec: InputSpec) -> int:
    """How many inputs `iter_inputs` yields, without reading any page (for a progress total)."""
    total = 0
    for arg in _all_args(spec):
        for kind, path in _expand_arg(arg, spec.recursive):
            if path is None or kind not in _FILES or os.path.abspath(path) not in spec.exclude:
                total += _count_one(kind, path)
    return total


def _count_one(kind: str, path: Path | None) -> int:
    if path is None or kind not in _FILES:
        return 1
    try:
        found = sniff(path)
    except UnreadableInputError:
        return 1
    if found == FileKind.TRACES and kind == "in-folder":
        return 0
    if found == FileKind.WARC:
        return count_warc(path)
    if found in (FileKind.JSONL, FileKind.URLS):
        return count_lines(path, found)
    return 1


def _all_args(spec: InputSpec) -> Iterator[str]:
    yield from spec.args
    for name in spec.from_files:
        yield f"urls:{name}"


def _raw_inputs(spec: InputSpec) -> Iterator[InputItem]:
    for arg in _all_args(spec):
        for kind, path in _expand_arg(arg, spec.recursive):
            if path is not None and kind in _FILES and os.path.abspath(path) in spec.exclude:
                LOGGER.info("skipping %s (the output of this run)", path)
                continue
            yield from _items_of(kind, arg, path)


def _expand_arg(arg: str, recursive: bool) -> Iterator[tuple[str, Path | None]]:
    """(kind, path) pairs: "stdin", "url", "urls" (a --from-file list), "container" (a file to sniff)."""
    if arg == "-":
        yield "stdin", None
    elif arg.startswith("urls:"):
        yield "urls", Path(arg.removeprefix("urls:"))
    elif "://" in arg:
        yield "url", None
    elif Path(arg).is_dir():
        yield from (("in-folder", path) for path in folder_files(Path(arg), recursive))
    else:
        yield "container", Path(arg)


def _items_of(kind: str, arg: str, path: Path | None) -> Iterator[InputItem]:
    if kind == "stdin":
        yield InputItem(InputKind.STDIN, "-")
    elif kind == "url":
        yield InputItem(InputKind.URL, arg)
    elif kind == "urls" and path is not None:
        yield from _records(path, FileKind.URLS)
    elif path is not None:
        yield from _file_items(path, in_folder=kind == "in-folder")


def folder_files(folder: Path, recursive: bool = False) -> Iterator[Path]:
    """The files of a folder that are inputs, sorted (subfolders too, depth first, when `recursive`).

    Hidden files and folders are skipped, and so is the folder's own documentation (README,
    LICENSE, ...), which is not an article.
    """
    try:
        entries = sorted(folder.iterdir())
    except OSError as exc:
        LOGGER.warning("cannot list %s: %s", folder, exc.strerror)
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            if recursive:
                yield from folder_files(entry, recursive)
            else:
                LOGGER.info("skipping folder %s (--recursive reads subfolders)", entry)
        elif entry.is_file() and _is_input_name(entry):
            yield entry


def _is_input_name(path: Path) -> bool:
    if path.name.lower().startswith(NOT_ARTICLES):
        LOGGER.info("skipping %s (not an article)", path)
        return False
    return inner_suffix(path) in FOLDER_SUFFIXES


def _file_items(path: Path, *, in_folder: bool = False) -> Iterator[InputItem]:
    """A file: one article, or the records of an archive, a JSON Lines file or a URL list.

    A file of trace results is the output of an earlier run: left out of a folder's inputs, and
    kept as a FILE item when named (the TUI opens it; `tracer trace` reports what it is).
    """
    if not path.is_file():
        yield InputItem(InputKind.FILE, str(path))  # reading it reports the precise error
        return
    try:
        kind = sniff(path)
    except UnreadableInputError as exc:
        yield InputItem(InputKind.INVALID, str(path), error=str(exc))
        return
    if kind == FileKind.TRACES and in_folder:
        LOGGER.info("skipping %s (trace results, not articles)", path)
    elif kind in (FileKind.ARTICLE, FileKind.JSON, FileKind.TRACES):
        yield InputItem(InputKind.FILE, str(path))
    else:
        yield from _records(path, kind)


def _records(path: Path, kind: FileKind) -> Iterator[InputItem]:
    """The records of a container file; an unreadable one is one INVALID input, not a crash."""
    readers = {FileKind.WARC: lambda: read_warc(path, MAX_FILE_BYTES), FileKind.JSONL: lambda: read_jsonl(path)}
    try:
        records: Iterable[Record] = readers.get(kind, lambda: read_url_list(path))()
        for record in records:
            yield _record_item(path, record)
    except OSError as exc:
        yield InputItem(InputKind.INVALID, str(path), error=f"cannot read {path}: {exc.strerror or exc}")
    except (UnreadableInputError, EOFError, zlib.error) as exc:
        yield InputItem(InputKind.INVALID, str(path), error=str(exc))


def _record_item(path: Path, record: Record) -> InputItem:
    if record.error is not None:
        return InputItem(InputKind.INVALID, str(path), name=record.label, error=f"{record.label}: {record.error}")
    if record.data is None and record.url is not None:
        return InputItem(InputKind.URL, record.url, name=None if record.label == record.url else record.label)
    return InputItem(
        InputKind.RECORD,
        f"{path}#{record.key}",
        name=record.label,
        url=record.url,
        data=record.data,
        html=record.html,
        content_type=record.content_type,
        fetched=record.fetched,
    )


def is_batch(args: list[str], *, from_files: bool = False) -> bool:
    """Whether the output is JSON Lines: several inputs, a directory, a URL list, or a container file."""
    if from_files or len(args) > 1:
        return True
    return any(_is_container_arg(a) for a in args)


def _is_container_arg(arg: str) -> bool:
    if arg == "-" or "://" in arg:
        return False
    path = Path(arg)
    if path.is_dir():
        return True
    try:
        return path.is_file() and sniff(path) in (FileKind.WARC, FileKind.JSONL, FileKind.URLS)
    except UnreadableInputError:
        return False


def read_input(item: InputItem, fetcher: Fetcher | None = None, stdin: BinaryIO | None = None) -> Article:
    """Read one input into an `Article`.

    Raises:
        InputError: Missing, unreadable, binary, empty or unsupported input.
        FetchError: A URL that could not be fetched.
    """
    if item.kind == InputKind.STDIN:  # read by the caller already when a batch runs in worker processes
        data = item.data if isinstance(item.data, bytes) else _read_stdin(stdin or sys.stdin.buffer)
        if len(data) > MAX_FILE_BYTES:
            raise UnreadableInputError(f"standard input too large (over {MAX_FILE_BYTES} bytes)")
        return _read_bytes(data, path=None)
    if item.kind == InputKind.URL:
        return read_url(item.value, fetcher or Fetcher())
    if item.kind == InputKind.RECORD:
        return read_record(item)
    if item.kind == InputKind.INVALID:
        raise UnreadableInputError(item.error or f"cannot read {item.label}")
    return read_file(Path(item.value))


def read_record(item: InputItem) -> Article:
    """Read a page carried by an archive record; its capture date becomes the document's fetch date."""
    data = item.data if item.data is not None else b""
    if item.html:
        article = read_html(data, url=item.url, content_type=item.content_type)
    else:
        article = read_text(data, url=item.url, content_type=item.content_type)
    article.document.fetched = item.fetched
    return article


def _read_stdin(stream: BinaryIO) -> bytes:
    """Standard input, refused past the file size cap (read one byte over it, never all of it)."""
    data = stream.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise UnreadableInputError(f"standard input too large (over {MAX_FILE_BYTES} bytes)")
    return data


def read_url(url: str, fetcher: Fetcher) -> Article:
    """Fetch a URL and read it as HTML or text, by its content type."""
    if not url.lower().startswith(_URL_SCHEME):
        raise UnsupportedInputError(f"unsupported URL scheme {urlsplit(url).scheme}: (use http or https): {url}")
    page = fetcher.get(url)
    reader = read_html if page.is_html or not page.content_type else read_text
    return reader(page.content, url=page.final_url, content_type=page.content_type)


def read_file(path: Path) -> Article:
    """Read a local file: HTML by suffix, text by suffix, otherwise by sniffing its start; gzip unpacked."""
    if not path.exists():
        raise InputNotFoundError(f"no such file: {path}")
    if not path.is_file():
        raise UnreadableInputError(f"not a regular file: {path}")
    if path.stat().st_size > MAX_FILE_BYTES:
        raise UnreadableInputError(f"file too large ({path.stat().st_size} bytes, limit {MAX_FILE_BYTES}): {path}")
    data = _file_bytes(path)
    suffix = inner_suffix(path)
    name = clean_text(str(path))  # a non-UTF-8 file name arrives with lone surrogates
    if suffix in HTML_SUFFIXES:
        return read_html(data, path=name)
    if suffix in TEXT_SUFFIXES:
        return read_text(data, path=name)
    kind = sniff_bytes(data[:8192], suffix)
    if kind in (FileKind.JSON, FileKind.TRACES):
        raise unsupported_json(path, kind)
    return _read_bytes(data, path=name)


def _file_bytes(path: Path) -> bytes:
    """The file's bytes, decompressed when gzipped (within the size limit)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableInputError(f"cannot read {path}: {exc.strerror}") from exc
    if not data.startswith(GZIP_MAGIC):
        return data
    unpacker = zlib.decompressobj(wbits=31)
    try:
        out = unpacker.decompress(data, MAX_FILE_BYTES + 1)
    except zlib.error as exc:
        raise UnreadableInputError(f"broken gzip file: {path} ({exc})") from exc
    if len(out) > MAX_FILE_BYTES:
        raise UnreadableInputError(f"file too large once unpacked (limit {MAX_FILE_BYTES} bytes): {path}")
    return out


def _read_bytes(data: bytes, path: str | None) -> Article:
    """Sniff: markup-looking input is HTML, anything else plain text."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<meta", b"<article", b"<div", b"<p")):
        return read_html(data, path=path)
    return read_text(data, path=path)
