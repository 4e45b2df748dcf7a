"""Decoding bytes the way browsers do: BOM, HTTP header, meta charset, then detection."""

from __future__ import annotations

import codecs

import pytest

from tracer.errors import UnreadableInputError
from tracer.read.document import read_html, read_text
from tracer.read.encoding import decode_bytes

PAGE = """<html><head>{meta}<title>Caf\u00e9 \u201cnews\u201d</title></head>
<body><article><p>The minister said the caf\u00e9 would reopen on Monday, according to a statement \u2014 \u201cwe are ready\u201d.</p>
<p>Officials added that na\u00efve estimates of \u20ac1m were wrong, according to the ministry of tourism.</p></article></body></html>"""


def test_windows_1252_page_with_meta_charset() -> None:
    data = PAGE.format(meta='<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">').encode(
        "cp1252"
    )
    article = read_html(data)
    assert "caf\u00e9 would reopen" in article.text
    assert "\u201cwe are ready\u201d" in article.text  # 0x93/0x94 are curly quotes in cp1252, not controls
    assert "\u20ac1m" in article.text
    assert article.encoding == "cp1252"


def test_latin1_label_is_read_as_windows_1252() -> None:
    """Browsers read 'iso-8859-1' as windows-1252; so must we, or curly quotes become C1 controls."""
    data = PAGE.format(meta='<meta charset="iso-8859-1">').encode("cp1252")
    assert "\u201cwe are ready\u201d" in read_html(data).text


def test_utf8_bom_wins_over_a_wrong_declaration() -> None:
    data = codecs.BOM_UTF8 + PAGE.format(meta='<meta charset="iso-8859-1">').encode("utf-8")
    article = read_html(data)
    assert "caf\u00e9 would reopen" in article.text
    assert article.encoding == "utf-8"
    assert not article.text.startswith("\ufeff")


def test_http_header_charset_is_used() -> None:
    data = PAGE.format(meta="").encode("cp1252")
    text, codec = decode_bytes(data, "text/html; charset=windows-1252")
    assert codec == "cp1252"
    assert "\u201cnews\u201d" in text


def test_undeclared_non_utf8_bytes_are_detected() -> None:
    text = "Le ministre a d\u00e9clar\u00e9 que l'\u00e9cole rouvrira. " * 20
    decoded, _ = decode_bytes(text.encode("cp1252"), html=False)
    assert "d\u00e9clar\u00e9" in decoded


def test_utf8_bom_plain_text_is_stripped() -> None:
    article = read_text(codecs.BOM_UTF8 + "Caf\u00e9 news, officials said.\n".encode())
    assert article.text.startswith("Caf\u00e9")


def test_binary_input_is_refused() -> None:
    with pytest.raises(UnreadableInputError, match="binary"):
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
