"""Turn the bytes of a page or file into text, choosing the encoding the way browsers do."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from tracer.errors import UnreadableInputError
from tracer.text import clean_text

# Byte-order marks win over every declaration (WHATWG "decode" algorithm): a page saved as
# UTF-8 with a BOM but served as latin-1 is still UTF-8.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Browsers treat these labels as windows-1252 (WHATWG Encoding Standard); Python's latin-1
# would turn curly quotes (0x91-0x94) into control characters.
_WINDOWS_1252_ALIASES = {"iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "ascii", "us-ascii", "cp819"}

_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)
_META_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([\w.:-]+)""",
    re.IGNORECASE,
)
# How far into a document a <meta charset> is looked for. The standard says 1024 bytes, but
# real pages put it after long comments and inline scripts; 16 KiB catches those cheaply.
_META_SCAN_BYTES = 16_384
_BINARY_SCAN_BYTES = 8_192


def _normalise_label(label: str) -> str | None:
    """Return a Python codec name for an encoding label, or None when unknown."""
    label = label.strip().strip("\"'").lower()
    if label in _WINDOWS_1252_ALIASES:
        return "cp1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def charset_from_content_type(content_type: str | None) -> str | None:
    """Return the codec named by an HTTP Content-Type header, if any."""
    if not content_type:
        return None
    match = _HEADER_CHARSET.search(content_type)
    return _normalise_label(match.group(1)) if match else None


def _looks_binary(data: bytes) -> bool:
    """NUL bytes in the first kilobytes mean an image, archive or other non-text file."""
    return b"\x00" in data[:_BINARY_SCAN_BYTES]


def _try_decode(data: bytes, codec: str | None) -> str | None:
    if codec is None:
        return None
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def decode_bytes(data: bytes, content_type: str | None = None, *, html: bool = True) -> tuple[str, str]:
    """Decode a document's bytes into text free of lone surrogates (see `_decode` for the order).

    Returns:
        The decoded text (BOM removed) and the codec name used.

    Raises:
        UnreadableInputError: The bytes are binary or cannot be decoded as text.
    """
    text, codec = _decode(data, content_type, html=html)
    return clean_text(text), codec


def _decode(data: bytes, content_type: str | None = None, *, html: bool = True) -> tuple[str, str]:
    """Decode a document's bytes.

    Order: byte-order mark, HTTP ``Content-Type`` charset, ``<meta charset>`` (HTML only),
    then statistical detection. A declared charset that fails to decode the bytes is
    skipped rather than trusted, since mislabelled pages are common.

    Args:
        data: The raw bytes.
        content_type: The HTTP Content-Type header, when the bytes came over HTTP.
        html: Whether to look for a ``<meta charset>`` declaration.

    Returns:
        The decoded text (BOM removed) and the codec name used.

    Raises:
        UnreadableInputError: The bytes are binary or cannot be decoded as text.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            text = _try_decode(data[len(bom) :], codec)
            if text is not None:
                return text, codec
    if _looks_binary(data):
        raise UnreadableInputError("the input is binary, not text or HTML")
    candidates = [charset_from_content_type(content_type)]
    if html:
        match = _META_CHARSET.search(data[:_META_SCAN_BYTES])
        candidates.append(_normalise_label(match.group(1).decode("ascii", "ignore")) if match else None)
    for declared in candidates:
        text = _try_decode(data, declared)
        if text is not None and declared is not None:
            return text, declared
    text = _try_decode(data, "utf-8")
    if text is not None:
        return text, "utf-8"
    best = from_bytes(data).best()
    if best is None:
        raise UnreadableInputError("cannot determine the text encoding of the input")
    codec = _normalise_label(best.encoding) or best.encoding
    return data.decode(codec, errors="replace"), codec
