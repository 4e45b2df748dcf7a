"""Body links: every hyperlink (or URL written in the text) inside the article body."""

from __future__ import annotations

from tracer.document import Article
from tracer.models import Link
from tracer.platforms import parse_permalink
from tracer.text import sentence_at, sentences
from tracer.urls import link_kind


def extract_links(article: Article) -> list[Link]:
    """List the article's body links with anchor text, sentence, offsets and kind.

    Links inside embedded posts belong to the post, not the body, and are left out; a post
    permalink linked from the body keeps its platform, handle and id.

    Args:
        article: The article read by `tracer.document`.

    Returns:
        Links in text order.
    """
    text = article.text
    spans = sentences(text)
    embeds = [(b.start, b.end) for b in article.blocks if b.embed is not None]
    links: list[Link] = []
    for anchor in article.anchors:
        if anchor.url is None or any(s <= anchor.start < e for s, e in embeds):
            continue
        post = parse_permalink(anchor.url)
        links.append(
            Link(
                url=anchor.url,
                text=text[anchor.start : anchor.end],
                context=sentence_at(text, anchor.start, spans).of(text),
                kind=link_kind(anchor.url),
                start=anchor.start,
                end=anchor.end,
                platform=post.platform if post else None,
                handle=post.handle if post else None,
                post_id=post.post_id if post else None,
            )
        )
    return links
