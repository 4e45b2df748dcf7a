"""Turn what the user typed (paths, directories, URLs, '-') into articles."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO
from urllib.parse import urlsplit

from tracer.errors import InputNotFoundError, UnreadableInputError, UnsupportedInputError
from tracer.read.document import Article, read_html, read_text
from tracer.text import clean_text
from tracer.web.fetch import Fetcher

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".text"})
ARTICLE_SUFFIXES = HTML_SUFFIXES | TEXT_SUFFIXES
# Far above any article (the largest page in the test corpus is 1.3 MB); refusing bigger
# files keeps a mistaken argument (a video, a database) from eating memory.
MAX_FILE_BYTES = 50 * 1024 * 1024
_URL_SCHEME = ("http://", "https://")


@dataclass(frozen=True, slots=True)
class InputItem:
    """One thing to trace: a file path, a URL, or standard input."""

    kind: str  # "file", "url" or "stdin"
    value: str

    @property
    def label(self) -> str:
        """How the input is named in output and messages."""
        return "-" if self.kind == "stdin" else self.value


def expand_inputs(args: list[str]) -> list[InputItem]:
    """Expand command-line inputs, in order; a directory becomes its article files, sorted.

    Paths that do not exist are kept (reading them reports the error), so a batch's output
    lines stay in input order.
    """
    items: list[InputItem] = []
    for arg in args:
        if arg == "-":
            items.append(InputItem("stdin", "-"))
        elif "://" in arg:
            items.append(InputItem("url", arg))
        elif Path(arg).is_dir():
            files = sorted(p for p in Path(arg).iterdir() if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES)
            items.extend(InputItem("file", str(p)) for p in files)
        else:
            items.append(InputItem("file", arg))
    return items


def is_batch(args: list[str]) -> bool:
    """Whether the output is JSON Lines: several inputs, or any directory."""
    return len(args) > 1 or any(Path(a).is_dir() for a in args if a != "-" and "://" not in a)


def read_input(item: InputItem, fetcher: Fetcher | None = None, stdin: BinaryIO | None = None) -> Article:
    """Read one input into an `Article`.

    Raises:
        InputError: Missing, unreadable, binary, empty or unsupported input.
        FetchError: A URL that could not be fetched.
    """
    if item.kind == "stdin":
        return _read_bytes(_read_stdin(stdin or sys.stdin.buffer), path=None)
    if item.kind == "url":
        return read_url(item.value, fetcher or Fetcher())
    return read_file(Path(item.value))


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
    """Read a local file: HTML by suffix, text by suffix, otherwise by sniffing its start."""
    if not path.exists():
        raise InputNotFoundError(f"no such file: {path}")
    if not path.is_file():
        raise UnreadableInputError(f"not a regular file: {path}")
    if path.stat().st_size > MAX_FILE_BYTES:
        raise UnreadableInputError(f"file too large ({path.stat().st_size} bytes, limit {MAX_FILE_BYTES}): {path}")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableInputError(f"cannot read {path}: {exc.strerror}") from exc
    suffix = path.suffix.lower()
    name = clean_text(str(path))  # a non-UTF-8 file name arrives with lone surrogates
    if suffix in HTML_SUFFIXES:
        return read_html(data, path=name)
    if suffix in TEXT_SUFFIXES:
        return read_text(data, path=name)
    return _read_bytes(data, path=name)


def _read_bytes(data: bytes, path: str | None) -> Article:
    """Sniff: markup-looking input is HTML, anything else plain text."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<meta", b"<article", b"<div", b"<p")):
        return read_html(data, path=path)
    return read_text(data, path=path)
