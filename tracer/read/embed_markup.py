"""Which elements of a page embed a social post, and which post: shared by the reader and the embeds parser.

An element counts as an embed only when one of its URLs parses as a post permalink
(`tracer.platforms.parse_permalink`) — or, for a platform's own markup, when it links a post page
on a host no platform owns (`any_host_ref`) — so the selectors can be broad: each platform's own markup
comes from the platform table (`tracer.platforms`), the carriers any platform's post may sit in
from `tracer/data/embed_markup.json`. Markup elements (blockquotes, AMP tags, widget scripts) are
also read for the links inside them; carriers (iframes, wrappers with a data URL) only for their
own attributes. A paragraph that holds nothing but a post URL is an embed too: it is how
WordPress and many CMSs paste a post, and what lazily rendered embeds leave in the HTML.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, cast
from urllib.parse import urlsplit

from lxml import etree
from lxml.html import HtmlElement

from tracer.datafiles import load_json
from tracer.models import Platform
from tracer.platforms import (
    AT_URI_ATTRIBUTES,
    ID_ATTRIBUTES,
    MARKUP_XPATH,
    URL_ATTRIBUTES,
    PostRef,
    bluesky_uri_url,
    id_attribute_url,
    markup_platform,
    parse_permalink,
    platform_of,
)
from tracer.text import squash
from tracer.urls import absolute_url, normalise_url

# Block elements that may hold a pasted post URL on its own: only those whose text starts like
# a URL are looked at (XPath filters in C; reading every paragraph's text in Python is slow).
_URL_START = "[starts-with(normalize-space(.), 'http') or starts-with(normalize-space(.), 'www.')]"
_STANDALONE_XPATH = (
    f"//p{_URL_START} | //div[not(*[not(self::a or self::br)])]{_URL_START} | //figure[not(.//img)]{_URL_START}"
)
_STANDALONE_TAGS = frozenset(["p", "div", "figure"])
# Elements that scope an article: embeds outside the body container still belong to the article
# when they sit inside the same <article>/<main> (a lead video in the article header).
_ARTICLE_TAGS = frozenset(["article", "main"])


@dataclass(frozen=True, slots=True)
class EmbedHit:
    """One embedded post: the element that carries it and the post it points at."""

    element: HtmlElement
    ref: PostRef


@lru_cache(maxsize=1)
def _table() -> dict[str, Any]:
    table: dict[str, Any] = load_json("embed_markup.json")
    return table


# Carriers hold a post URL only in their own attributes (iframes, wrappers with a data URL).
CARRIER_XPATH: str = " | ".join(_table()["carrier_selectors"])
# Where a post URL may sit on an embed: the platforms' own attributes first, then anyone's.
_URL_ATTRIBUTES: tuple[str, ...] = URL_ATTRIBUTES + tuple(_table()["url_attributes"])


@lru_cache(maxsize=1)
def _furniture() -> tuple[frozenset[str], tuple[str, ...], tuple[str, ...]]:
    table = _table()
    return frozenset(table["furniture_tags"]), tuple(table["furniture_prefixes"]), tuple(table["furniture_parts"])


def placeholders() -> tuple[str, ...]:
    """Texts embed codes show instead of the post ('View this post on Instagram'); not post text."""
    return tuple(_table()["placeholders"])


def find_embeds(tree: HtmlElement, base: str | None = None) -> list[EmbedHit]:
    """Every embedded post of a page, in document order, one element per post occurrence.

    When a wrapper and the markup inside it point at the same post (div.fb-post around its
    fallback blockquote, a figure around a tweet), the outermost element is kept, so the reader
    treats the whole embed as one block.

    Args:
        tree: The parsed page (or an HTML fragment from page JSON).
        base: URL that relative links resolve against.
    """
    last = _last[0]
    if last is not None and last[0] is tree:
        return list(last[1])
    hits = _find(tree, base)
    _last[0] = (tree, hits)  # one assignment: safe when pages are read in several threads
    return list(hits)


# The reader and the embeds parser both ask about the same page, one right after the other (the
# reader resolves against the page's own URL, the parser against its normalised form: the same
# site, so the answer is the same).
_last: list[tuple[HtmlElement, list[EmbedHit]] | None] = [None]


def _self_test(union: str) -> str:
    """An XPath union of `//tag[...]` paths as a test of the context element itself (`self::tag[...]`)."""
    paths = union.split(" | ")
    assert all(p.startswith("//") and "//" not in p[2:] and "|" not in p for p in paths), union
    return " | ".join("self::" + p.removeprefix("//") for p in paths)


# Every candidate in document order, in one compiled XPath union; markup is told apart by testing
# each candidate itself (a few per page) rather than by a second pass over the page: 0.21 -> 0.16 s
# on the 106 corpus pages, interleaved in one run.
_CANDIDATES = etree.XPath(f"{MARKUP_XPATH} | {CARRIER_XPATH} | {_STANDALONE_XPATH}")
_IS_MARKUP = etree.XPath(_self_test(MARKUP_XPATH))


def _find(tree: HtmlElement, base: str | None) -> list[EmbedHit]:
    hits: list[EmbedHit] = []
    for element in cast(list[HtmlElement], _CANDIDATES(tree)):
        is_markup = bool(_IS_MARKUP(element))
        ref = element_ref(element, base, markup=is_markup)
        if ref is None and is_markup:
            ref = any_host_ref(element, base)
        if ref is None and not is_markup and str(element.tag) in _STANDALONE_TAGS:
            ref = _standalone_ref(element, base)
        if ref is not None:
            hits.append(EmbedHit(element, ref))
    return _outermost(hits) if len(hits) > 1 else hits


def element_ref(element: HtmlElement, base: str | None, *, markup: bool) -> PostRef | None:
    """The post an embed element points at, from its id attributes, URL attributes and, for markup, its links."""
    for raw in _raw_urls(element, markup=markup):
        ref = parse_permalink(url) if (url := _embed_url(raw.strip(), base)) else None
        if ref is not None:
            return ref
    return None


# A path segment that is a post id: digits (Mastodon, Truth Social), or letters and digits long
# enough not to be a word (Misskey note ids, GoToSocial ULIDs, Pleroma/Akkoma flake ids, UUIDs).
_ID_SEGMENT = re.compile(r"^(?:\d{6,}|(?=[\w-]*\d)[\w-]{8,})$")


def any_host_ref(element: HtmlElement, base: str | None) -> PostRef | None:
    """A post the markup names whose permalink is on no platform host we know.

    The element's own markup says it is a post (`blockquote.mastodon-embed`, `iframe.truthsocial-embed`,
    `blockquote.twitter-tweet`): Mastodon and its forks live on any instance, and self-hosted or
    mirrored embeds link the post page on the publisher's own host. The permalink is the first URL
    of the embed (its URL attributes, its iframe, then its links from last to first) that is on no
    known platform's host (those were read already: a profile or hashtag link is no permalink) and
    whose path ends in a post id. It becomes the post's `url`, whatever the host, so the trail can
    follow it.
    """
    platform = markup_platform(str(element.tag).lower(), element.get("class") or "", element.attrib.keys())
    if platform is None:
        return None
    for raw in _raw_urls(element, markup=True):
        url = _embed_url(raw.strip(), base)
        ref = _foreign_permalink(platform, url) if url else None
        if ref is not None:
            return ref
    return None


def _foreign_permalink(platform: Platform, url: str) -> PostRef | None:
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if not host or platform_of(url) is not None or parts.scheme not in {"http", "https"}:
        return None
    segments = [s for s in parts.path.split("/") if s]
    if segments and segments[-1] == "embed":
        segments.pop()
    if not segments or not _ID_SEGMENT.match(segments[-1]):
        return None
    handle = next((s[1:].split("@")[0] for s in segments if s.startswith("@") and len(s) > 1), None)
    path = "/" + "/".join(segments)
    return PostRef(platform, handle, segments[-1], normalise_url(f"{parts.scheme}://{parts.netloc}{path}") or url)


# A URL written without its scheme ("x.com/handle/status/1", as some CMS fields store it).
_SCHEMELESS = re.compile(r"^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/", re.IGNORECASE)


def _embed_url(raw: str, base: str | None) -> str | None:
    """An absolute URL from an embed attribute or link: absolute, root- or scheme-relative, or scheme-less."""
    if raw.startswith(("http", "//", "/")):
        return absolute_url(raw, base)
    return absolute_url("https://" + raw, None) if _SCHEMELESS.match(raw) else None


def _raw_urls(element: HtmlElement, *, markup: bool) -> Iterator[str]:
    tag = str(element.tag).lower()
    for attribute in ID_ATTRIBUTES:
        value = (element.get(attribute.attribute) or "").strip()
        if value and (url := id_attribute_url(attribute, value, tag)):
            yield url
    for attr in AT_URI_ATTRIBUTES:
        uri = element.get(attr)
        if uri and (url := bluesky_uri_url(uri)):
            yield url
    for attr in _URL_ATTRIBUTES:
        value = (element.get(attr) or "").strip()
        if value:
            yield value
    if markup:
        yield from _inner_urls(element)


# Rendered tweets: the iframe a tweet's script leaves carries the tweet's id.
_TWEET_ID = next(a for a in ID_ATTRIBUTES if a.attribute == "data-tweet-id")


def _inner_urls(element: HtmlElement) -> Iterator[str]:
    """URLs inside embed markup: iframes first, then links from last to first (a tweet's permalink
    is its signature's date link, after any links in the text)."""
    for frame in element.iter("iframe"):
        tweet_id = frame.get(_TWEET_ID.attribute)
        if tweet_id and (url := id_attribute_url(_TWEET_ID, tweet_id, "iframe")):
            yield url
        for attr in ("src", "data-src"):
            if frame.get(attr):
                yield str(frame.get(attr))
    for href in reversed(element.xpath(".//a/@href")):
        yield str(href)


_URL_LINE = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)


def _standalone_ref(element: HtmlElement, base: str | None) -> PostRef | None:
    """A block whose whole text is one post URL (linked or not), outside any other embed."""
    if element.xpath("ancestor::blockquote"):
        return None
    text = squash(element.text_content())
    if not _URL_LINE.match(text) or len(element.xpath(".//a")) > 1:
        return None
    links = element.xpath(".//a/@href")
    if links and squash(str(links[0])).rstrip("/") != text.rstrip("/") and not _same_post(str(links[0]), text, base):
        return None
    url = absolute_url(text if text.startswith("http") else "https://" + text, base)
    return parse_permalink(url) if url else None


def _same_post(href: str, text: str, base: str | None) -> bool:
    first, second = normalise_url(href, base), normalise_url(text, base)
    return bool(first and first == second)


def _outermost(hits: list[EmbedHit]) -> list[EmbedHit]:
    """Drop embeds nested in a wrapper that points at the same post; drop wrappers around several posts.

    Each hit's ancestors are walked once (not once per pair of hits: a page with many embeds paid
    for every pair).
    """
    elements = {id(hit.element): hit for hit in hits}
    outer = {id(hit): [elements[id(a)] for a in hit.element.iterancestors() if id(a) in elements] for hit in hits}
    inner: dict[int, list[EmbedHit]] = {id(hit): [] for hit in hits}
    for hit in hits:
        for wrapper in outer[id(hit)]:
            inner[id(wrapper)].append(hit)
    kept: list[EmbedHit] = []
    for hit in hits:
        if any(o.ref.post_id == hit.ref.post_id and o.ref.platform is hit.ref.platform for o in outer[id(hit)]):
            continue
        if any(h.ref.post_id != hit.ref.post_id for h in inner[id(hit)]):
            continue
        kept.append(hit)
    return kept


def is_furniture(element: HtmlElement, stop: HtmlElement | None = None) -> bool:
    """Whether an embed sits in page furniture (sidebar, widget, comments, related rail, footer)."""
    return in_furniture(element, stop, *_furniture())


def in_furniture(
    element: HtmlElement,
    stop: HtmlElement | None,
    tags: frozenset[str],
    prefixes: tuple[str, ...],
    parts: tuple[str, ...],
) -> bool:
    """Whether `element` or an ancestor below `stop` is furniture by tag or class/id name.

    The climb also ends at the first <article>/<main> above the element: that is the story,
    and names on the page wrappers around it ('sticky-sidebar-parent') say nothing about it;
    unless it is a short <article> card (a related-story teaser), which is furniture itself.
    A class/id token is furniture when it starts with one of `prefixes`, or when one of its
    parts (split at '-' and '_') starts with one of `parts`.
    """
    for node in (element, *element.iterancestors()):
        tag = str(node.tag).lower()
        if node is stop or tag in {"body", "html"}:
            return False
        if tag in tags or _furniture_name(node, prefixes, parts):
            return True
        if tag in _ARTICLE_TAGS and node is not element:
            return _is_card(node)
    return False


# An <article> this short is a teaser card (a headline and a picture), not a story.
_CARD_MAX_CHARS = 500


def _is_card(node: HtmlElement) -> bool:
    """Short enough to be a card. The text is read only until it is clearly too long: this runs
    for every link inside the story, and reading the whole story each time made a page of 2,000
    links take 15 s."""
    if str(node.tag).lower() != "article":
        return False
    visible = 0
    for piece in node.itertext():
        visible += len("".join(piece.split()))
        if visible >= _CARD_MAX_CHARS:
            return False  # squash keeps every non-space character: never shorter than this
    return len(squash(node.text_content())) < _CARD_MAX_CHARS


def _furniture_name(node: HtmlElement, prefixes: tuple[str, ...], parts: tuple[str, ...]) -> bool:
    for token in f"{node.get('class') or ''} {node.get('id') or ''}".lower().split():
        if token.startswith(prefixes) or any(part.startswith(parts) for part in re.split(r"[-_]+", token)):
            return True
    return False


def article_scope(container: HtmlElement) -> HtmlElement | None:
    """The nearest <article>/<main> around (or at) the body container, if any."""
    for node in (container, *container.iterancestors()):
        if str(node.tag).lower() in _ARTICLE_TAGS:
            return node
    return None


def within(element: HtmlElement, ancestor: HtmlElement) -> bool:
    """Whether `element` is `ancestor` or inside it."""
    return any(node is ancestor for node in (element, *element.iterancestors()))


def in_article(element: HtmlElement, container: HtmlElement | None) -> bool:
    """Whether an embed belongs to the article whose body the reader found in `container`.

    Inside the body container, or elsewhere in the <article>/<main> around it (a lead video in
    the article header), unless it sits in furniture; on pages without such a scope (or without
    a container), anywhere outside furniture.
    """
    if container is None:
        return not is_furniture(element)
    if within(element, container):
        return not is_furniture(element, stop=container)
    scope = article_scope(container)
    if scope is not None:
        return within(element, scope) and not is_furniture(element, stop=scope)
    return not is_furniture(element)
