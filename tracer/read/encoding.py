"""Turn the bytes of a page or file into text, choosing the encoding the way browsers do.

A charset label only ever selects one of the WHATWG Encoding Standard's text encodings (looked
up with `webencodings`, which implements the standard's label table): a page cannot make the
reader use `punycode`, `utf-7`, `rot13` or any other Python codec that is not a text encoding.
"""

from __future__ import annotations

import codecs
import logging
import re

import webencodings
from charset_normalizer import from_bytes

from tracer.errors import UnreadableInputError
from tracer.text import clean_text

LOGGER = logging.getLogger(__name__)

# Byte-order marks win over every declaration (WHATWG "decode" algorithm): a page saved as
# UTF-8 with a BOM but served as latin-1 is still UTF-8.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)
_META_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([\w.:-]+)""",
    re.IGNORECASE,
)
# How far into a document a <meta charset> is looked for. The standard says 1024 bytes, but
# real pages put it after long comments and inline scripts; 16 KiB catches those cheaply.
_META_SCAN_BYTES = 16_384
_BINARY_SCAN_BYTES = 8_192
# UTF-16 without a BOM: the ASCII characters of any script's text (spaces, digits,
# punctuation) put a NUL in every other byte. NULs in one parity (5% of its bytes or more)
# and almost none in the other, and a sample that decodes to printable text, tell it from
# images and archives, which have NULs everywhere or decode to control characters.
_UTF16_NUL_SHARE = 0.05
_UTF16_OTHER_SHARE = 0.005
_UTF16_PRINTABLE = 0.95
# Undeclared text that is not UTF-8 but mostly ASCII is read as windows-1252, the fallback
# browsers use for Western locales: statistical detection on a few accented letters in
# English or French text guesses Central European or Arabic code pages ("Café" → "Cafﻠ").
_MOSTLY_ASCII = 0.9
_MIXED = "tracer-utf8-cp1252"


def _utf8_or_cp1252(error: UnicodeError) -> tuple[str, int]:
    """Decode a byte that is not UTF-8 as windows-1252 (the usual source of such bytes)."""
    assert isinstance(error, UnicodeDecodeError)
    bad = error.object[error.start : error.start + 1]
    return bad.decode("cp1252", errors="replace"), error.start + 1


codecs.register_error(_MIXED, _utf8_or_cp1252)


def _normalise_label(label: str, *, from_meta: bool = False) -> str | None:
    """Return a Python codec for a WHATWG encoding label, or None when the label names none.

    The standard's "replacement" encoding (labels of ISO-2022-KR, HZ and other encodings
    browsers refuse) counts as none, so the bytes are detected instead. A `<meta>` can only
    be read because the page is ASCII-compatible, so a meta declaring UTF-16 means UTF-8.
    """
    encoding = webencodings.lookup(label.strip().strip("\"'"))
    if encoding is None or encoding.name == "replacement":
        return None
    if from_meta and encoding.name in {"utf-16le", "utf-16be"}:
        return "utf-8"
    return str(encoding.codec_info.name)


def charset_from_content_type(content_type: str | None) -> str | None:
    """Return the codec named by an HTTP Content-Type header, if any."""
    if not content_type:
        return None
    match = _HEADER_CHARSET.search(content_type)
    return _normalise_label(match.group(1)) if match else None


def _utf16_without_bom(data: bytes) -> str | None:
    """`utf-16-le`/`utf-16-be` when NULs sit in every other byte of a text-like sample, else None."""
    sample = data[: _BINARY_SCAN_BYTES & ~1]
    half = len(sample) // 2
    if half < 2:
        return None
    even = sample[0::2].count(0) / half
    odd = sample[1::2].count(0) / half
    codec = None
    if odd >= _UTF16_NUL_SHARE and even <= _UTF16_OTHER_SHARE:
        codec = "utf-16-le"
    elif even >= _UTF16_NUL_SHARE and odd <= _UTF16_OTHER_SHARE:
        codec = "utf-16-be"
    if codec is None:
        return None
    text = sample.decode(codec, errors="replace")
    printable = sum(1 for ch in text if ch.isprintable() or ch in "\n\r\t")
    return codec if printable >= _UTF16_PRINTABLE * len(text) else None


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
    """Decode a document's bytes into text free of lone surrogates.

    Order: byte-order mark, HTTP ``Content-Type`` charset, ``<meta charset>`` (HTML only),
    then detection. A declared charset that fails to decode the bytes is not trusted, since
    mislabelled pages are common: bytes declared UTF-8 that are not are read as UTF-8 where
    they are and as windows-1252 where they are not (a warning is logged).

    Args:
        data: The raw bytes.
        content_type: The HTTP Content-Type header, when the bytes came over HTTP.
        html: Whether to look for a ``<meta charset>`` declaration.

    Returns:
        The decoded text (BOM removed) and the codec name used.

    Raises:
        UnreadableInputError: The bytes are binary or cannot be decoded as text.
    """
    text, codec = _decode(data, content_type, html=html)
    return clean_text(text), codec


def _decode(data: bytes, content_type: str | None, *, html: bool) -> tuple[str, str]:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            text = _try_decode(data[len(bom) :], codec)
            if text is not None:
                return text, codec
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return data.decode(utf16, errors="replace"), utf16
    if _looks_binary(data):
        raise UnreadableInputError("the input is binary, not text or HTML")
    declared = _declared(data, content_type, html=html)
    for codec in declared:
        text = _try_decode(data, codec)
        if text is not None:
            return text, codec
    text = _try_decode(data, "utf-8")
    if text is not None:
        return text, "utf-8"
    if "utf-8" in declared:
        LOGGER.warning("declared UTF-8 but holds other bytes; read those as windows-1252")
        return data.decode("utf-8", errors=_MIXED), "utf-8+cp1252"
    return _detect(data)


def _declared(data: bytes, content_type: str | None, *, html: bool) -> list[str]:
    """The codecs the header and the page's `<meta>` name, in that order of precedence."""
    codecs_named = [charset_from_content_type(content_type)]
    if html:
        match = _META_CHARSET.search(data[:_META_SCAN_BYTES])
        label = match.group(1).decode("ascii", "ignore") if match else ""
        codecs_named.append(_normalise_label(label, from_meta=True) if label else None)
    return [codec for codec in codecs_named if codec]


def _detect(data: bytes) -> tuple[str, str]:
    """Undeclared, not UTF-8: windows-1252 for mostly-ASCII text, else statistical detection."""
    ascii_share = sum(1 for byte in data[:65_536] if byte < 0x80) / max(1, min(len(data), 65_536))
    if ascii_share >= _MOSTLY_ASCII:
        return data.decode("cp1252", errors="replace"), "cp1252"
    best = from_bytes(data).best()
    if best is None:
        raise UnreadableInputError("cannot determine the text encoding of the input")
    codec = codecs.lookup(best.encoding).name  # the detector proposes text encodings only
    return data.decode(codec, errors="replace"), codec
