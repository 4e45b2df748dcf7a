"""Files that hold many inputs, or one input compressed: web archives, JSON Lines, URL lists, gzip.

Researchers arrive with what their tools wrote: a crawl's WARC files, the JSON Lines of
news-please, minet or Media Cloud, a list of URLs, gzipped pages. Each is read as what it is
(sniffed from its first bytes, not trusted to its suffix), so a URL list is never traced as the
text of an article. Records stream one at a time: a 40,000-article archive is never held whole.
"""

from __future__ import annotations

import gzip
import io
import json
import re
import typing
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import IO, Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from tracer.errors import UnreadableInputError, UnsupportedInputError

GZIP_MAGIC = b"\x1f\x8b"
# Enough of a file to tell its kind: a WARC header line, a JSON object's start, a few URLs.
_SNIFF_BYTES = 8192
_URL_LINE = re.compile(r"^https?://\S+$", re.IGNORECASE)
# The JSON Lines fields read, in order of preference. `html`/`raw_html` (minet, news-please's raw
# page) are read as HTML; `text`/`maintext` (Media Cloud, news-please) as plain text; a record with
# only `url` is fetched. `date_download` is news-please's fetch time.
JSONL_HTML_FIELDS = ("html", "raw_html")
JSONL_TEXT_FIELDS = ("text", "maintext")
JSONL_FETCHED_FIELDS = ("fetched", "date_download", "fetch_date")
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
WARC_SUFFIXES = frozenset({".warc", ".arc"})
# warcio reports a malformed archive with whatever its parser tripped on (a missing header is an
# AttributeError on None, a bad length a ValueError), besides its own ArchiveLoadFailed.
_WARC_ERRORS = (ArchiveLoadFailed, OSError, EOFError, zlib.error, ValueError, AttributeError, TypeError)


class FileKind(StrEnum):
    """What a file on disk holds."""

    ARTICLE = "article"
    WARC = "warc"
    JSONL = "jsonl"
    URLS = "urls"
    JSON = "json"
    TRACES = "traces"  # results written by `tracer trace` (JSON Lines of TraceResult): outputs, not inputs


@dataclass(frozen=True, slots=True)
class Record:
    """One input found inside a container file.

    Attributes:
        key: Stable, unique within the file: the WARC-Record-ID, or the JSON Lines line number.
        label: How the input is named in output and messages.
        url: The page's URL, when the record has one.
        data: The page (HTML bytes, or text), or None when only the URL is known.
        html: Whether `data` is HTML (else plain text).
        content_type: The HTTP Content-Type the page was served with, when known.
        fetched: When the page was fetched or captured, as the container says.
        error: Why the record cannot be read (it still counts as an input, so it is reported).
    """

    key: str
    label: str
    url: str | None = None
    data: bytes | str | None = None
    html: bool = True
    content_type: str | None = None
    fetched: str | None = None
    error: str | None = None


def open_maybe_gzip(path: Path) -> IO[bytes]:
    """Open a file for reading, transparently decompressing gzip (by its magic bytes, not its name)."""
    handle = path.open("rb")
    if handle.read(2) == GZIP_MAGIC:
        handle.close()
        return typing.cast(IO[bytes], gzip.open(path, "rb"))
    handle.seek(0)
    return handle


def inner_suffix(path: Path) -> str:
    """The suffix that says what a file holds: `page.html.gz` → `.html`."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] in {".gz", ".gzip"}:
        suffixes.pop()
    return suffixes[-1] if suffixes else ""


def sniff(path: Path) -> FileKind:
    """Tell what a file holds from its first bytes (decompressed when gzipped).

    Raises:
        UnreadableInputError: The file cannot be opened, or is a broken gzip stream.
    """
    try:
        with open_maybe_gzip(path) as handle:
            head = handle.read(_SNIFF_BYTES)
    except (OSError, EOFError, zlib.error) as exc:
        raise UnreadableInputError(f"cannot read {path}: {getattr(exc, 'strerror', None) or exc}") from exc
    return sniff_bytes(head, inner_suffix(path))


def sniff_bytes(head: bytes, suffix: str = "") -> FileKind:
    """The kind of a file from its first bytes and the suffix of its name."""
    if suffix in {".html", ".htm", ".xhtml"}:
        return FileKind.ARTICLE
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"WARC/") or suffix in WARC_SUFFIXES:
        return FileKind.WARC
    if suffix in JSONL_SUFFIXES:
        return FileKind.TRACES if _json_kind(stripped) == FileKind.TRACES else FileKind.JSONL
    if stripped[:1] in {b"{", b"["}:
        return _json_kind(stripped)
    return FileKind.URLS if _is_url_list(stripped) else FileKind.ARTICLE


def _json_kind(head: bytes) -> FileKind:
    """JSON Lines of inputs, JSON Lines of trace results, or one JSON document."""
    line = head.split(b"\n", 1)[0]
    try:
        first = json.loads(line)
    except ValueError:
        return FileKind.JSON
    if not isinstance(first, dict):
        return FileKind.JSON
    return FileKind.TRACES if {"schema_version", "document"} <= first.keys() else FileKind.JSONL


def _is_url_list(head: bytes) -> bool:
    """Every line (of the head, but a cut-off last one) is a URL or a comment, and there is a URL."""
    lines = head.decode("utf-8", "replace").splitlines()
    if len(head) >= _SNIFF_BYTES and len(lines) > 1:
        lines = lines[:-1]
    wanted = [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]
    return bool(wanted) and all(_URL_LINE.match(line) for line in wanted)


def read_url_list(path: Path) -> Iterator[Record]:
    """The URLs of a list, one per line; blank lines and `#` comments are skipped.

    A line that is not an http(s) URL becomes a record with an error, so it is reported, not lost.
    """
    with _open_text(path) as handle:
        for number, raw in enumerate(handle, 1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            if _URL_LINE.match(line):
                yield Record(key=line, label=line, url=line)
            else:
                yield Record(key=f"{path}:{number}", label=f"{path}:{number}", error=f"not an http(s) URL: {line[:80]}")


def read_jsonl(path: Path) -> Iterator[Record]:
    """One record per line of a JSON Lines file: a page (`html`), a text (`text`), or just a `url`."""
    with _open_text(path) as handle:
        for number, line in enumerate(handle, 1):
            if line.strip():
                yield _jsonl_record(line, f"{path}:{number}")


def _jsonl_record(line: str, where: str) -> Record:
    try:
        row = json.loads(line)
    except json.JSONDecodeError as exc:
        return Record(key=where, label=where, error=f"not valid JSON ({exc.msg})")
    if not isinstance(row, dict):
        return Record(key=where, label=where, error="not a JSON object")
    url = row.get("url") if isinstance(row.get("url"), str) else None
    fetched = next((str(row[f]) for f in JSONL_FETCHED_FIELDS if row.get(f)), None)
    html = _first_string(row, JSONL_HTML_FIELDS)
    text = None if html else _first_string(row, JSONL_TEXT_FIELDS)
    if html is None and text is None and url is None:
        return Record(key=where, label=where, error="no url, html or text field")
    return Record(key=where, label=where, url=url, data=html or text, html=text is None, fetched=fetched)


def _first_string(row: dict[str, Any], fields: tuple[str, ...]) -> str | None:
    return next((row[f] for f in fields if isinstance(row.get(f), str) and row[f].strip()), None)


def read_warc(path: Path, max_bytes: int) -> Iterator[Record]:
    """Each HTML (or plain-text) response record of a WARC, with its URL and capture date.

    Requests, metadata, revisits and error answers (non-2xx) are not articles and are skipped.

    Raises:
        UnreadableInputError: The file is not a readable web archive.
    """
    with path.open("rb") as handle:
        try:
            for record in ArchiveIterator(handle):
                found = _warc_record(record, path, max_bytes)
                if found is not None:
                    yield found
        except _WARC_ERRORS as exc:
            raise UnreadableInputError(f"not a readable WARC file: {path} ({exc!r})") from exc


def _warc_record(record: Any, path: Path, max_bytes: int) -> Record | None:
    if record.rec_type != "response" or record.http_headers is None:
        return None
    status = record.http_headers.get_statuscode() or ""
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    if not status.startswith("2") or not any(kind in content_type for kind in ("html", "text/plain")):
        return None
    url = record.rec_headers.get_header("WARC-Target-URI")
    key = record.rec_headers.get_header("WARC-Record-ID") or f"{url}@{record.rec_headers.get_header('WARC-Date')}"
    label = f"{path}#{url}"
    data = record.content_stream().read(max_bytes + 1)
    fetched = record.rec_headers.get_header("WARC-Date")
    if len(data) > max_bytes:
        return Record(key=key, label=label, url=url, fetched=fetched, error=f"record over {max_bytes} bytes")
    return Record(key, label, url, data, "html" in content_type, content_type, fetched)


def count_warc(path: Path) -> int:
    """How many records `read_warc` yields, reading headers only (for progress totals)."""
    with path.open("rb") as handle:
        try:
            return sum(1 for record in ArchiveIterator(handle) if _is_article_response(record))
        except _WARC_ERRORS:
            return 1  # reported as one unreadable input


def _is_article_response(record: Any) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    status = record.http_headers.get_statuscode() or ""
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    return status.startswith("2") and any(kind in content_type for kind in ("html", "text/plain"))


def count_lines(path: Path, kind: FileKind) -> int:
    """How many records a JSON Lines file or URL list yields (for progress totals)."""
    with _open_text(path) as handle:
        if kind == FileKind.JSONL:
            return sum(1 for line in handle if line.strip())
        return sum(1 for line in handle if line.strip() and not line.lstrip().startswith("#"))


def _open_text(path: Path) -> IO[str]:
    return io.TextIOWrapper(open_maybe_gzip(path), encoding="utf-8", errors="replace")


def unsupported_json(path: Path, kind: FileKind = FileKind.JSON) -> UnsupportedInputError:
    """The error for a JSON file that is not an input: trace results, or one JSON document (an API dump)."""
    if kind == FileKind.TRACES:
        return UnsupportedInputError(f"trace results, not articles (see tracer summary, tracer tui): {path}")
    return UnsupportedInputError(
        f"a JSON document, not an article or JSON Lines (one object per line with url/html/text): {path}"
    )
