"""Parse HTML without losing pages nested deeper than libxml2 allows.

libxml2 stops building the tree at 256 levels and drops everything after that point, the rest
of the body included: a page of 254 nested `<div>`s read as empty. (`huge_tree` only moves the
limit to 2048, and trafilatura parses the page again with its own parser.) Such pages are
broken or hostile, never a real layout, so when the parser reports the limit, the element tags
past `MAX_DEPTH` are dropped, their text kept, and the flattened page is what every later
step reads.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement, HTMLParser, document_fromstring

# Below libxml2's limit (256) with room for the implicitly closed tags the scan does not
# count; far above real pages (the 106 corpus pages nest at most ~40 levels deep).
MAX_DEPTH = 200
# A tag's attributes end at the next "<" too, so an unclosed "<a" costs one scan to the next tag.
_TAG = re.compile(r"<(/?)([A-Za-z][\w:-]*)[^<>]*?(/?)>")
# Void elements never nest; these close implicitly and are left alone (neither counted nor dropped).
_VOID = frozenset(
    ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"]
)
_AUTO_CLOSED = frozenset(
    ["p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "rt", "rp"]
)


def parse_deep(html: str) -> tuple[HtmlElement, str]:
    """Parse HTML into a tree; returns the tree and the markup it was built from.

    The markup differs from `html` only for a page nested past the parser's limit, where it
    is the flattened copy (callers that parse it again, such as the extractor, get the same).

    Raises:
        etree.ParserError, ValueError: As `lxml.html.document_fromstring`.
    """
    parser = HTMLParser()  # one per call: lxml parsers are not shared across threads
    tree = document_fromstring(html, parser=parser)
    if not any("Excessive depth" in entry.message for entry in parser.error_log):
        return tree, html
    flat = flatten(html)
    return document_fromstring(flat, parser=HTMLParser()), flat


def flatten(html: str, limit: int = MAX_DEPTH) -> str:
    """Drop the element tags (never the text) of elements nested deeper than `limit`."""
    kept: list[bool] = []
    names: list[str] = []
    pieces: list[str] = []
    last = 0
    for match in _TAG.finditer(html):
        closing, name, self_closing = match.group(1), match.group(2).lower(), match.group(3)
        if name in _VOID or name in _AUTO_CLOSED or self_closing:
            continue
        drop = False
        if not closing:
            drop = len(kept) >= limit
            kept.append(not drop)
            names.append(name)
        elif name in names:
            while names and names[-1] != name:  # tags left open inside are closed here
                names.pop()
                kept.pop()
            names.pop()
            drop = not kept.pop()
        if drop:
            pieces.append(html[last : match.start()])
            last = match.end()
    pieces.append(html[last:])
    return "".join(pieces)
