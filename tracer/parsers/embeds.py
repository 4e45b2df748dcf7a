"""Embedded social posts: from embed markup on the raw page and from signatures in scraped text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime

from lxml.html import HtmlElement

from tracer.document import Article, Block
from tracer.models import Platform, Post
from tracer.platforms import EMBED_XPATH, PostRef, parse_permalink, posted_from_id
from tracer.text import Span, find_urls, paragraphs, squash
from tracer.urls import normalise_url

# Attributes that carry a post's permalink, in the order embed codes use them.
_PERMALINK_ATTRS = ("cite", "data-instgrm-permalink", "data-href", "data-src", "src", "data-url", "href")
# "— Clash Report (@clashreport) December 23, 2024": the signature an X/Twitter embed leaves
# in the text (the date is the permalink's anchor).
_SIGNATURE = re.compile(
    r"^[—–-]\s*(?P<name>[^()\n]{1,80}?)\s*\(@(?P<handle>\w{1,15})\)\s*"
    r"(?P<date>(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r"\s+\d{1,2},\s+\d{4})?",
)
_PIC_LINK = re.compile(r"pic\.(?:twitter|x)\.com/\w+\s*$")


def extract_posts(article: Article) -> list[Post]:
    """Find the posts embedded in an article.

    Args:
        article: The article read by `tracer.document`.

    Returns:
        Posts in document order, ids `p1`, `p2`, ...; for HTML, from embed markup; for plain
        text, from the signatures a scraper leaves behind.
    """
    found = list(_markup_posts(article)) if article.tree is not None else []
    found += [p for p in _signature_posts(article) if not any(p.url and p.url == q.url for q in found)]
    found.sort(key=lambda p: p.start if p.start is not None else 1 << 30)
    return [post.model_copy(update={"id": f"p{i}"}) for i, post in enumerate(found, 1)]


def _markup_posts(article: Article) -> Iterator[Post]:
    assert article.tree is not None
    blocks_by_embed: dict[int, list[Block]] = {}
    for block in article.blocks:
        if block.embed is not None:
            blocks_by_embed.setdefault(id(block.embed), []).append(block)
    for element in article.tree.xpath(EMBED_XPATH):
        ref = _permalink(element, article.document.url)
        if ref is None:
            continue
        blocks = blocks_by_embed.get(id(element), [])
        yield _post_from_markup(article, element, ref, blocks)


def _permalink(element: HtmlElement, base: str | None) -> PostRef | None:
    candidates = [element.get(attr) for attr in _PERMALINK_ATTRS]
    telegram = element.get("data-telegram-post")
    if telegram:
        candidates.insert(0, f"https://t.me/{telegram}")
    candidates += [str(href) for href in reversed(element.xpath(".//a/@href"))]
    for raw in candidates:
        url = normalise_url(raw, base) if raw else None
        ref = parse_permalink(url) if url else None
        if ref:
            return ref
    return None


def _post_from_markup(article: Article, element: HtmlElement, ref: PostRef, blocks: list[Block]) -> Post:
    text = article.text
    lines = [text[b.start : b.end] for b in blocks]
    author, handle, date = None, ref.handle, None
    if lines and (match := _SIGNATURE.match(lines[-1])):
        author, handle, date = match.group("name").strip(), match.group("handle"), match.group("date")
        lines = lines[:-1]
    start = blocks[0].start if blocks else None
    end = (blocks[len(lines) - 1].end if lines else blocks[-1].end) if blocks else None
    return Post(
        id="p0",
        platform=ref.platform,
        author_name=author,
        handle=handle,
        url=ref.url,
        post_id=ref.post_id,
        posted=_posted(ref.platform, ref.post_id, date),
        text="\n".join(lines),
        media_urls=[u for u in (normalise_url(str(s)) for s in element.xpath(".//img/@src")) if u],
        evidence=squash(element.text_content())[:500] or _tag_evidence(element),
        start=start,
        end=end,
    )


def _tag_evidence(element: HtmlElement) -> str:
    attrs = " ".join(f'{k}="{v}"' for k, v in element.attrib.items())
    return f"<{element.tag} {attrs}>"[:500]


def _posted(platform: Platform, post_id: str | None, date: str | None) -> str | None:
    if date:
        try:
            return datetime.strptime(" ".join(date.split()), "%B %d, %Y").date().isoformat()
        except ValueError:
            pass
    decoded = posted_from_id(platform, post_id)
    return decoded.isoformat() if decoded else None


def _signature_posts(article: Article) -> Iterator[Post]:
    """Posts whose only trace is the signature line a scraper kept."""
    text = article.text
    paras = (
        paragraphs(text) if article.tree is None else [Span(b.start, b.end) for b in article.blocks if b.embed is None]
    )
    for i, para in enumerate(paras):
        match = _SIGNATURE.match(para.of(text))
        if not match:
            continue
        body = [paras[i - 1]] if i > 0 else []
        if i + 1 < len(paras) and _PIC_LINK.search(paras[i + 1].of(text)):
            body.append(paras[i + 1])
        media = [url for p in body for _, url in find_urls(p.of(text)) if "pic." in url]
        yield Post(
            id="p0",
            platform=Platform.TWITTER,
            author_name=match.group("name").strip(),
            handle=match.group("handle"),
            posted=_posted(Platform.TWITTER, None, match.group("date")),
            text="\n".join(p.of(text) for p in body),
            media_urls=media,
            evidence=para.of(text),
            start=body[0].start if body else para.start,
            end=body[-1].end if body else para.end,
        )
