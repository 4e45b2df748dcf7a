"""Embedded social posts: from embed markup on the raw page, from page JSON, and from signatures in text.

`extract_posts` is the entry point. Embeds are detected on the raw page (main-text extractors
drop them), kept only when they belong to the article (not a sidebar widget or another story's
JSON), and merged when the same post shows up twice (a wrapper and its iframe, the DOM and the
JSON copy of one embed).
"""

from __future__ import annotations

from collections.abc import Iterable

from tracer.models import Post
from tracer.parse.posts.embed_json import json_posts
from tracer.parse.posts.embed_posts import Line, build_post, element_lines
from tracer.parse.posts.text_posts import text_posts
from tracer.read.document import Article, Block
from tracer.read.embed_markup import find_embeds, in_article
from tracer.text import Span, paragraphs


def extract_posts(article: Article) -> list[Post]:
    """Find the posts embedded in an article.

    Args:
        article: The article read by `tracer.read.document`.

    Returns:
        Posts in document order (posts found only in page JSON last), ids `p1`, `p2`, ...
        For HTML: from embed markup, page JSON and leftover signature lines; for plain text:
        from the signatures and post URLs a scrape keeps.
    """
    found: list[Post] = []
    if article.tree is not None:
        found += _dom_posts(article)
        found += json_posts(article.tree, article.text, article.document.url, article.document.url)
        paras = [Span(b.start, b.end) for b in article.blocks if b.embed is None]
    else:
        paras = paragraphs(article.text)
    found += text_posts(article.text, paras)
    posts = _merge(found)
    posts.sort(key=_position)
    return [post.model_copy(update={"id": f"p{i}"}) for i, post in enumerate(posts, 1)]


def _dom_posts(article: Article) -> list[Post]:
    assert article.tree is not None
    base = article.document.url
    blocks: dict[int, list[Block]] = {}
    for block in article.blocks:
        if block.embed is not None:
            blocks.setdefault(id(block.embed), []).append(block)
    posts = []
    for hit in find_embeds(article.tree, base):
        own = blocks.get(id(hit.element), [])
        # An embed whose text the reader kept is the article's (the reader decided so, e.g. the
        # extractor counted it as body inside a wrapper named like furniture); text in the
        # article with no post for it would hide the post's author from the claims inside it.
        if not own and not in_article(hit.element, article.body):
            continue
        lines = [Line(article.text[b.start : b.end], b.start, b.end) for b in own] or element_lines(hit.element)
        posts.append(build_post(hit, lines, base))
    return posts


def _key(post: Post) -> tuple[str, ...]:
    if post.post_id:
        return (post.platform.value, "id", post.post_id)
    return (post.platform.value, "sig", (post.handle or "").lower(), post.posted or "", post.text[:80])


def _merge(posts: Iterable[Post]) -> list[Post]:
    """One post per (platform, id): the first occurrence wins, later ones fill its empty fields."""
    merged: dict[tuple[str, ...], Post] = {}
    for post in posts:
        key = _key(post)
        kept = merged.get(key)
        if kept is None:
            merged[key] = post
            continue
        updates = {
            name: getattr(post, name)
            for name in ("author_name", "handle", "posted", "text", "media_urls")
            if not getattr(kept, name) and getattr(post, name)
        }
        merged[key] = kept.model_copy(update=updates) if updates else kept
    return list(merged.values())


def _position(post: Post) -> float:
    for offset in (post.start, post.evidence_start):
        if offset is not None:
            return offset
    return float("inf")
