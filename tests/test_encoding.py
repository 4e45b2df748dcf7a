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


@pytest.mark.parametrize("label", ["punycode", "utf-7", "rot13", "base64", "hex", "zlib", "idna", "bogus-charset"])
def test_charset_labels_select_only_text_encodings(label: str) -> None:
    """A label that names no WHATWG encoding is ignored; the bytes are read as UTF-8."""
    data = PAGE.format(meta=f'<meta charset="{label}">').encode("utf-8") + b" +2D0- caf\xc3\xa9"
    text, codec = decode_bytes(data, f"text/html; charset={label}")
    assert codec == "utf-8" and "+2D0-" in text and "caf\u00e9" in text


def test_labels_follow_the_whatwg_table() -> None:
    assert decode_bytes("caf\u00e9".encode("cp1252"), "text/plain; charset=latin1")[1] == "cp1252"
    assert (
        decode_bytes("\u041c\u043e\u0441\u043a\u0432\u0430".encode("koi8-r"), "text/html; charset=koi8")[1] == "koi8-r"
    )
    # "replacement" labels (encodings browsers refuse) are ignored, not trusted
    assert decode_bytes(b"plain text", "text/plain; charset=iso-2022-kr")[1] == "utf-8"


def test_utf7_text_is_read_without_surrogates() -> None:
    article = read_text(b"The mayor said hello +2D0- world.", content_type="text/plain; charset=utf-7")
    assert "+2D0-" in article.text


def test_declared_utf8_holding_latin1_bytes() -> None:
    data = PAGE.format(meta='<meta charset="utf-8">').encode("cp1252")
    text, codec = decode_bytes(data)
    assert "caf\u00e9 would reopen" in text and "\u201cwe are ready\u201d" in text
    assert codec == "utf-8+cp1252"
    mixed = "Caf\u00e9 \u2014 ".encode() + "na\u00efve".encode("cp1252")  # UTF-8 with a pasted Latin-1 word
    assert decode_bytes(mixed, "text/plain; charset=utf-8")[0] == "Caf\u00e9 \u2014 na\u00efve"


def test_undeclared_short_latin1_text_is_windows_1252() -> None:
    assert decode_bytes("Caf\u00e9 au lait, said the owner.".encode("cp1252"), html=False) == (
        "Caf\u00e9 au lait, said the owner.",
        "cp1252",
    )


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_detected_not_refused(codec: str) -> None:
    article = read_html(PAGE.format(meta="").encode(codec))
    assert "caf\u00e9 would reopen" in article.text
    assert article.encoding == codec


def test_utf16_with_non_latin_text() -> None:
    text = (
        "\u041c\u044d\u0440 \u0441\u043a\u0430\u0437\u0430\u043b, \u0447\u0442\u043e \u043c\u043e\u0441\u0442 \u043e\u0442\u043a\u0440\u043e\u044e\u0442. "
        * 20
    )
    assert decode_bytes(text.encode("utf-16-le"), html=False) == (text, "utf-16-le")
