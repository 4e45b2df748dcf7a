"""Embeds that exist only in the page's JSON (oEmbed responses, CMS embed blocks), rendered client-side.

Some CMSs keep the embed code in a script blob (Arc XP's `Fusion.globalContent` with
`oembed_response` objects, Next.js `__NEXT_DATA__` with `embedCode`) and render it in the
browser, so the saved HTML has no embed markup at all. This module finds embed markup inside
JSON strings and reads it like DOM markup.

The same JSON also carries other articles (a section feed, recommended stories) with their own
embeds, so an embed is kept only when its neighbours in the JSON are this article's: some
text next to it appears in the article text, or the story object around it has the article's URL.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from lxml.html import HtmlElement, fragment_fromstring

from tracer.models import Post
from tracer.parse.posts.embed_posts import build_post, element_lines
from tracer.platforms import EMBED_MARKERS, parse_permalink
from tracer.read.embed_markup import find_embeds
from tracer.text import squash

LOGGER = logging.getLogger(__name__)

_ASSIGNMENT = re.compile(r"=\s*(?=[{\[])")
# Scripts are parsed only when they mention an embed, and at most this many JSON values are
# decoded from one script (pages assign dozens of small objects; the embeds sit in the big ones).
_MAX_VALUES_PER_SCRIPT = 40
# A neighbour's text proves the context when this much of it appears verbatim in the article.
_PROBE_CHARS = 60
_TAG = re.compile(r"<[^>]+>")
_URL_KEYS = ("canonical_url", "url", "website_url", "link", "href")
_TITLE_KEYS = ("headlines", "headline", "title")


@dataclass(frozen=True, slots=True)
class _Found:
    """An HTML string found in JSON, with the JSON objects around it (innermost last)."""

    html: str
    parents: tuple[Any, ...]
    where: str


def json_posts(tree: HtmlElement, text: str, doc_url: str | None, base: str | None) -> list[Post]:
    """Posts embedded only in the page's JSON that belong to this article.

    Args:
        tree: The parsed page.
        text: The article text (to check that an embed's JSON neighbours are this article's).
        doc_url: The article's URL, to recognise its own story object.
        base: URL relative links resolve against.
    """
    article_text = squash(text)
    posts: list[Post] = []
    for found in _embedded_html(tree):
        if not _belongs(found.parents, article_text, doc_url):
            continue
        try:
            fragment = fragment_fromstring(found.html, create_parent="div")
        except Exception as exc:  # lxml raises several types on broken fragments
            LOGGER.debug("unparseable embed HTML in page JSON: %s", exc)
            continue
        for hit in find_embeds(fragment, base):
            posts.append(build_post(hit, element_lines(hit.element), base, where=f"page JSON ({found.where})"))
    return posts


def _mentions_embed(value: str) -> bool:
    """Whether a string names an embed code's class, attribute or element: worth parsing as HTML.

    Substring tests, not one regex of the 24 markers: the page scripts of the 106 corpus pages
    (7.6 MB) are searched in 0.09 s instead of 0.16 s (same run, interleaved).
    """
    return any(marker in value for marker in EMBED_MARKERS)


def _embedded_html(tree: HtmlElement) -> Iterator[_Found]:
    for where, value in _json_values(tree):
        yield from _walk(value, (), where)


def _json_values(tree: HtmlElement) -> Iterator[tuple[str, Any]]:
    """JSON values from scripts and from JSON-valued attributes that mention an embed."""
    for script in tree.iter("script"):
        body = script.text or ""
        if not _mentions_embed(body):
            continue
        where = f"script#{script.get('id')}" if script.get("id") else "script"
        yield from ((where, value) for value in _decode_all(body))
    for element in tree.xpath("//*[@*[starts-with(normalize-space(.), '{') or starts-with(normalize-space(.), '[')]]"):
        for name, value in element.attrib.items():
            if value.lstrip()[:1] in "{[" and _mentions_embed(value):
                yield from ((f"{element.tag}[{name}]", v) for v in _decode_all(value))


def _decode_all(body: str) -> Iterator[Any]:
    """The whole text as JSON if it is JSON, else the values assigned in it (`x = {...};`)."""
    decoder = json.JSONDecoder()
    try:
        yield json.loads(body)
        return
    except ValueError:
        pass
    for count, match in enumerate(_ASSIGNMENT.finditer(body)):
        if count >= _MAX_VALUES_PER_SCRIPT:
            break
        try:
            value, _ = decoder.raw_decode(body, match.end())
        except ValueError:
            continue
        yield value


def _walk(value: Any, parents: tuple[Any, ...], where: str) -> Iterator[_Found]:
    if isinstance(value, str):
        if "<" in value and _mentions_embed(value):
            yield _Found(value, parents, where)
    elif isinstance(value, dict):
        for child in value.values():
            yield from _walk(child, (*parents, value), where)
    elif isinstance(value, list):
        for child in value:
            yield from _walk(child, (*parents, value), where)


def _belongs(parents: tuple[Any, ...], article_text: str, doc_url: str | None) -> bool:
    """Whether the JSON around an embed is this article: a neighbour's text is in the article,
    or the nearest object with a URL is the article's."""
    for parent in reversed(parents):
        if isinstance(parent, list) and _neighbour_in_text(parent, article_text):
            return True
        if isinstance(parent, dict) and doc_url and _url_of(parent):
            return _same_page(_url_of(parent), doc_url)
    return False


def _neighbour_in_text(items: list[Any], article_text: str) -> bool:
    for item in items:
        for string in _strings(item, limit=20):
            plain = squash(_TAG.sub(" ", string))
            if len(plain) >= _PROBE_CHARS and plain[:_PROBE_CHARS] in article_text:
                return True
    return False


def _strings(value: Any, limit: int) -> Iterator[str]:
    if limit <= 0:
        return
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for child in list(value.values())[:limit]:
            yield from _strings(child, limit - 1)
    elif isinstance(value, list):
        for child in value[:limit]:
            yield from _strings(child, limit - 1)


def _url_of(obj: dict[str, Any]) -> str | None:
    """The URL of a story-like object (one with a headline or title), or None."""
    if not any(key in obj for key in _TITLE_KEYS):
        return None
    for key in _URL_KEYS:
        value = obj.get(key)
        if isinstance(value, str) and value.startswith(("/", "http")) and parse_permalink(value) is None:
            return value
    return None


def _same_page(url: str | None, doc_url: str) -> bool:
    if not url:
        return False
    path = re.sub(r"^https?://[^/]+", "", url).rstrip("/")
    return bool(path) and re.sub(r"^https?://[^/]+", "", doc_url).rstrip("/").endswith(path)
