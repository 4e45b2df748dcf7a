"""Article metadata from the page head: JSON-LD first, then OpenGraph, then plain meta tags.

JSON-LD is what publishers write for search engines and is the most reliable; OpenGraph is
next (written for social cards); bare meta tags and `<title>` are the last resort. The
publication date falls back to htmldate, which also reads visible dates and the URL.
"""

from __future__ import annotations

import html
import json
import logging
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from htmldate import find_date
from lxml.html import HtmlElement

from tracer.text import clean_json

LOGGER = logging.getLogger(__name__)

_ARTICLE_TYPES = {
    "article",
    "newsarticle",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "blogposting",
    "liveblogposting",
    "opinionnewsarticle",
    "backgroundnewsarticle",
    "webpage",
    "scholarlyarticle",
    "report",
    "socialmediaposting",
    "techarticle",
    "videoobject",
}
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_BYLINE_PREFIX = re.compile(r"^\s*(by|von|par|por|di)\s+", re.IGNORECASE)
_AUTHOR_SPLIT = re.compile(r"\s*(?:,|;|\band\b|&|\|)\s*")


@dataclass
class Metadata:
    """What the page says about itself."""

    title: str | None = None
    site_name: str | None = None
    published: str | None = None
    authors: list[str] = field(default_factory=list)
    language: str | None = None
    url: str | None = None


def _iter_jsonld(tree: HtmlElement) -> list[dict[str, Any]]:
    """Every JSON-LD object on the page, `@graph` and nested lists flattened."""
    found: list[dict[str, Any]] = []
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = clean_json(json.loads(script.text or "", strict=False))
        except (ValueError, RecursionError):  # broken, or nested deeper than the parser's stack
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(reversed(item))
            elif isinstance(item, dict):
                found.append(item)
                if "@graph" in item:
                    stack.append(item["@graph"])
    return found


def _types(item: dict[str, Any]) -> set[str]:
    value = item.get("@type", [])
    values = value if isinstance(value, list) else [value]
    return {str(v).lower() for v in values}


def _names(value: Any) -> list[str]:
    """Names from a JSON-LD author/publisher value: a string, an object, or a list of either."""
    if isinstance(value, list):
        return [name for item in value for name in _names(item)]
    if isinstance(value, dict):
        name = value.get("name")
        return _names(name) if name else []
    if isinstance(value, str) and value.strip() and not value.startswith("http"):
        return [html.unescape(value).strip()]
    return []


# Publishers leave placeholders ("0001-01-01", "1970-01-01") in their markup; no web news
# predates 1994, and a publication date more than two days ahead is a mistake or a scheduled
# page, not a fact to build a timeline on.
_EARLIEST_YEAR = 1994
_FUTURE_SLACK = timedelta(days=2)


def _iso_date(value: Any) -> str | None:
    match = _DATE.search(str(value)) if value else None
    if not match:
        return None
    try:
        found = date(*(int(part) for part in match.groups()))
    except ValueError:
        return None
    if found.year < _EARLIEST_YEAR or found > date.today() + _FUTURE_SLACK:
        return None
    return found.isoformat()


_META_ATTRIBUTES = ("property", "name", "itemprop")
# Each <meta>'s content under every (attribute, value) that names it: one pass over the page's
# <meta> elements instead of a search of the whole page per key and attribute (up to 36 per page).
_Metas = dict[tuple[str, str], list[str]]


def _meta_contents(tree: HtmlElement) -> _Metas:
    metas: _Metas = {}
    for element in tree.iter("meta"):
        content = element.get("content")
        if content is None:
            continue
        for attr in _META_ATTRIBUTES:
            name = element.get(attr)
            if name is not None:
                metas.setdefault((attr, name), []).append(content)
    return metas


def _meta(metas: _Metas, *keys: str) -> str | None:
    """First non-empty `<meta>` content whose property or name is one of `keys`."""
    for key in keys:
        for attr in _META_ATTRIBUTES:
            for value in metas.get((attr, key), ()):
                if value.strip():
                    return value.strip()
    return None


def split_authors(values: list[str]) -> list[str]:
    """Normalise bylines: drop 'By', split 'A and B', remove duplicates and URLs."""
    authors: list[str] = []
    for value in values:
        for name in _AUTHOR_SPLIT.split(_BYLINE_PREFIX.sub("", value)):
            name = " ".join(name.split())
            if name and not name.startswith("http") and name.lower() not in {a.lower() for a in authors}:
                authors.append(name)
    return authors


def _from_jsonld(tree: HtmlElement, meta: Metadata) -> None:
    for item in _iter_jsonld(tree):
        if not _types(item) & _ARTICLE_TYPES:
            continue
        title = _first_str(item.get("headline") or item.get("name"))
        # Publishers escape JSON-LD strings as HTML ("&#8216;illogical&#8217;"); a browser
        # never shows those entities, so neither does the tracer.
        meta.title = meta.title or (html.unescape(title) if title else None)
        meta.published = meta.published or _iso_date(item.get("datePublished") or item.get("dateCreated"))
        if not meta.authors:
            meta.authors = split_authors(_names(item.get("author") or item.get("creator")))
        meta.site_name = meta.site_name or next(iter(_names(item.get("publisher"))), None)
        meta.language = meta.language or _first_str(item.get("inLanguage"))


def _first_str(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    return " ".join(value.split()) if isinstance(value, str) and value.strip() else None


def _language(tree: HtmlElement, metas: _Metas) -> str | None:
    lang = tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang")
    lang = lang or _meta(metas, "og:locale", "content-language", "language", "dc.language")
    if not lang:
        values = tree.xpath('//meta[@http-equiv="content-language" or @http-equiv="Content-Language"]/@content')
        lang = str(values[0]) if values else None
    return lang.strip().replace("_", "-").split(",")[0] if lang and lang.strip() else None


def read_metadata(tree: HtmlElement, url: str | None = None) -> Metadata:
    """Read title, site, publication date, authors, language and canonical URL from a page.

    Args:
        tree: The parsed page.
        url: The page's URL, when known (htmldate reads dates in URLs).

    Returns:
        The metadata found; missing fields are None or empty.
    """
    meta = Metadata()
    metas = _meta_contents(tree)
    _from_jsonld(tree, meta)
    titles = tree.xpath("//title/text()")
    meta.title = (
        meta.title or _meta(metas, "og:title", "twitter:title") or (_first_str(str(titles[0])) if titles else None)
    )
    meta.site_name = meta.site_name or _meta(metas, "og:site_name", "application-name")
    meta.published = meta.published or _iso_date(
        _meta(
            metas,
            "article:published_time",
            "datePublished",
            "pubdate",
            "publishdate",
            "date",
            "dc.date",
            "DC.date.issued",
            "sailthru.date",
            "parsely-pub-date",
            "article.published",
            "og:published_time",
        )
    )
    if not meta.authors:
        byline = _meta(metas, "author", "article:author", "dc.creator", "parsely-author", "sailthru.author", "byl")
        meta.authors = split_authors([byline]) if byline else []
    meta.language = meta.language or _language(tree, metas)
    canonical = tree.xpath('//link[@rel="canonical"]/@href')
    meta.url = (str(canonical[0]).strip() if canonical else None) or _meta(metas, "og:url")
    if not meta.published:
        meta.published = _htmldate(tree, url or meta.url)
    return meta


def _htmldate(tree: HtmlElement, url: str | None) -> str | None:
    try:
        found = find_date(tree, url=url, original_date=True, extensive_search=False, outputformat="%Y-%m-%d")
    except (ValueError, TypeError) as exc:  # htmldate raises on some odd trees
        LOGGER.debug("htmldate failed: %s", exc)
        return None
    return str(found) if found else None
