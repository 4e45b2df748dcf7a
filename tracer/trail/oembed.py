"""Social posts as documents: a permalink resolved through the platform's public oEmbed endpoint.

A post's own page is a JavaScript application with nothing to read, but most platforms answer
oEmbed requests without a key: author, and the post as a small blockquote. That answer is
rebuilt here into a plain HTML page (text with its links, author, date, canonical URL), which
the same reader and parsers as any article then read — so a post that cites a newspaper
continues the chain like a page does.
"""

from __future__ import annotations

import html
import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import quote, urlsplit

from lxml import etree
from lxml.html import HtmlElement, fragment_fromstring

from tracer.errors import ContentTypeError, FetchError
from tracer.platforms import PostRef, display_name, oembed_endpoints, posted_from_id
from tracer.read.dating import date_in_text
from tracer.web.fetch import JSON_ACCEPT, Fetcher

LOGGER = logging.getLogger(__name__)


def default_endpoints() -> dict[str, str]:
    """The built-in endpoint base per platform (the platform table's public, key-free endpoints)."""
    return oembed_endpoints()


@dataclass(frozen=True)
class PostPage:
    """A post rebuilt as a small HTML page, and what the oEmbed answer said about it."""

    html: str
    author: str | None
    handle: str | None
    posted: str | None
    request_url: str
    has_text: bool = True  # False when the answer held no post text (an iframe only)
    from_cache: bool = False


def endpoint_for(ref: PostRef, endpoints: Mapping[str, str]) -> str | None:
    """The oEmbed endpoint to ask about a post, or None when its platform has no public one."""
    base = endpoints.get(ref.platform.value)
    if not base:
        return None
    return base.replace("{host}", urlsplit(ref.url).hostname or "")


def request_url(endpoint: str, permalink: str) -> str:
    """The oEmbed request for a permalink (JSON; Twitter's script tag left out)."""
    joiner = "&" if "?" in endpoint else "?"
    return f"{endpoint}{joiner}url={quote(permalink, safe='')}&format=json&omit_script=1&dnt=true"


def fetch_post(fetcher: Fetcher, ref: PostRef, endpoint: str) -> PostPage:
    """Ask the oEmbed endpoint about a post and rebuild it as a page.

    Raises:
        FetchError: The endpoint failed, or its answer is not an oEmbed object.
    """
    url = request_url(endpoint, ref.url)
    page = fetcher.get(url, accept=JSON_ACCEPT)
    try:
        data = json.loads(page.content.decode("utf-8", "replace"))
    except ValueError as exc:
        raise ContentTypeError(f"not JSON: {url}", url) from exc
    if not isinstance(data, dict):
        raise FetchError(f"not an oEmbed answer: {url}", url)
    built = build_page(data, ref, url)
    return replace(built, from_cache=page.from_cache)


def build_page(data: Mapping[str, Any], ref: PostRef, url: str) -> PostPage:
    """Turn an oEmbed answer into a page: the post's paragraphs (links kept) and its metadata."""
    quote_el = _embed_root(str(data.get("html") or ""))
    paragraphs = quote_el.xpath(".//p") if quote_el is not None else []
    body = "".join(etree.tostring(p, encoding="unicode", with_tail=False) for p in paragraphs)
    if not body and data.get("title"):
        body = f"<p>{html.escape(str(data['title']))}</p>"
    author = _text(data.get("author_name"))
    handle = ref.handle or _handle_from(_text(data.get("author_url")))
    posted = _posted(quote_el, ref)
    page = _page(body, author, handle, posted, ref)
    return PostPage(page, author, handle, posted, url, has_text=bool(body))


def _embed_root(markup: str) -> HtmlElement | None:
    if not markup.strip():
        return None
    try:
        return fragment_fromstring(markup, create_parent="div")
    except (etree.ParserError, ValueError) as exc:
        LOGGER.info("unreadable oEmbed html: %s", exc)
        return None


def _text(value: Any) -> str | None:
    return " ".join(value.split()) if isinstance(value, str) and value.strip() else None


def _handle_from(author_url: str | None) -> str | None:
    path = urlsplit(author_url).path.strip("/") if author_url else ""
    return path.rsplit("/", 1)[-1].lstrip("@") or None


def _posted(root: HtmlElement | None, ref: PostRef) -> str | None:
    """The post's date: the signature's date link (the way embeds show it), else the id's time."""
    if root is not None:
        for link in reversed(root.xpath(".//a")):
            found = date_in_text(link.text_content())
            if found:
                return found
    decoded = posted_from_id(ref.platform, ref.post_id)
    return decoded.date().isoformat() if decoded else None


def _page(body: str, author: str | None, handle: str | None, posted: str | None, ref: PostRef) -> str:
    site = display_name(ref.platform)
    who = author or (f"@{handle}" if handle else "a post")
    meta = [
        f'<meta property="og:site_name" content="{html.escape(site)}">',
        f'<link rel="canonical" href="{html.escape(ref.url)}">',
    ]
    if author:
        meta.append(f'<meta name="author" content="{html.escape(author)}">')
    if posted:
        meta.append(f'<meta property="article:published_time" content="{posted}">')
    title = html.escape(f"{who} on {site}")
    return (
        f'<!doctype html><html><head><meta charset="utf-8"><title>{title}</title>{"".join(meta)}</head>'
        f"<body><article>{body}</article></body></html>"
    )
