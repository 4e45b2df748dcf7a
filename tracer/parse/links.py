"""Body links: every hyperlink (or URL written in the text) inside the article body, boilerplate left out.

The reader already keeps only the paragraphs the extractor counts as body, but an article's
container still holds teasers ('READ MORE: …'), calls to action ('Follow her on Twitter'),
bylines, share bars and promo boxes. Their links are dropped here; what is left is what the
article cites. Links inside embedded posts belong to the post, not the body.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from tracer.datafiles import load_json
from tracer.models import Link
from tracer.parse.link_sources import source_name
from tracer.platforms import parse_permalink
from tracer.read.document import Anchor, Article, Block
from tracer.read.embed_markup import in_furniture
from tracer.text import Span, sentence_at, sentences
from tracer.urls import absolute_url, link_kind, site_of

# A teaser paragraph is mostly its link; a sentence that merely starts with 'Related' is not.
_TEASER_COVERAGE = 0.4
# Calls to action are short paragraphs; a long one that mentions a newsletter is article text.
_CTA_MAX_CHARS = 300
# A teaser heading ('Auch interessant:') is short; the list after it is related stories.
_HEADING_MAX_CHARS = 60
_LIST_TAGS = frozenset(["li", "ul", "ol"])
# This many consecutive own-site link items make a related-stories list.
_LINK_LIST_MIN = 3
_HEADINGS = frozenset(["h1", "h2", "h3", "h4", "h5", "h6"])
# "— <a>Mike Pompeo, April 15, 2019</a>" under a quote cites its source; it is not a teaser.
_ATTRIBUTION_DASHES = "—–―"


@lru_cache(maxsize=1)
def _table() -> dict[str, Any]:
    table: dict[str, Any] = load_json("link_boilerplate.json")
    return table


def extract_links(article: Article) -> list[Link]:
    """List the article's body links with anchor text, sentence, offsets, kind and named source.

    Args:
        article: The article read by `tracer.read.document`.

    Returns:
        Links in text order. A post permalink linked from the body keeps its platform,
        handle and id; an anchor that names a source ('as Reuters reported') gives
        `source_name`.
    """
    text = article.text
    spans = sentences(text)
    starts = [block.start for block in article.blocks]
    skipped = _boilerplate_blocks(article)
    links: list[Link] = []
    for anchor in article.anchors:
        if anchor.url is None or anchor.end <= anchor.start:
            continue
        index = bisect_right(starts, anchor.start) - 1
        block = article.blocks[index] if index >= 0 else None
        if block is not None and (block.embed is not None or index in skipped):
            continue
        if _boilerplate_anchor(article, anchor):
            continue
        links.append(_link(article, anchor, spans))
    return links


def _link(article: Article, anchor: Anchor, spans: list[Span]) -> Link:
    assert anchor.url is not None
    text = article.text
    sentence = sentence_at(text, anchor.start, spans)
    raw = absolute_url(anchor.href, article.document.url) or anchor.url
    post = parse_permalink(raw) or parse_permalink(anchor.url)
    return Link(
        url=anchor.url,
        text=text[anchor.start : anchor.end],
        context=sentence.of(text),
        kind=link_kind(anchor.url),
        start=anchor.start,
        end=anchor.end,
        platform=post.platform if post else None,
        handle=post.handle if post else None,
        post_id=post.post_id if post else None,
        source_name=source_name(text, anchor.start, anchor.end, sentence, anchor.url),
    )


def _boilerplate_blocks(article: Article) -> set[int]:
    """Indexes of blocks whose links are teasers, calls to action or promos."""
    text = article.text
    skipped = _link_lists(article)
    in_teaser_list = False
    for index, block in enumerate(article.blocks):
        body = text[block.start : block.end]
        coverage = _coverage(article, block)
        if in_teaser_list and _is_list_item(block) and coverage >= 0.5:
            skipped.add(index)
            continue
        in_teaser_list = _is_teaser_heading(body) and coverage == 0
        if _is_teaser(body, coverage) or _is_cta(body) or _is_whole_link(block, coverage, article):
            skipped.add(index)
    return skipped


def _link_lists(article: Article) -> set[int]:
    """Runs of list items that are each mostly one link to the site's own pages ('How do I
    protect myself?', 'Your coronavirus stories'): a box of related stories, not citations."""
    site = site_of(article.document.url or "")
    found: set[int] = set()
    run: list[int] = []
    for index, block in enumerate(article.blocks):
        if _is_list_item(block) and _own_link_item(article, block, site):
            run.append(index)
            continue
        found.update(run if len(run) >= _LINK_LIST_MIN else [])
        run = []
    found.update(run if len(run) >= _LINK_LIST_MIN else [])
    return found


def _own_link_item(article: Article, block: Block, site: str) -> bool:
    inside = [a for a in _anchors_in(article, block) if a.url]
    return len(inside) == 1 and _coverage(article, block) >= 0.6 and bool(site) and site_of(inside[0].url or "") == site


def _anchors_in(article: Article, block: Block) -> list[Anchor]:
    """The anchors starting inside a block, found by bisection (anchors are in text order);
    a scan of every anchor per block made a page of 32k links take 21 s here."""
    anchors = article.anchors
    low = bisect_left(anchors, block.start, key=lambda a: a.start)
    high = bisect_left(anchors, block.end, lo=low, key=lambda a: a.start)
    return anchors[low:high]


def _coverage(article: Article, block: Block) -> float:
    covered = sum(a.end - a.start for a in _anchors_in(article, block))
    return covered / max(1, block.end - block.start)


def _normal(body: str) -> str:
    return re.sub(r"^[\W_]+", "", body).casefold()


def _is_teaser(body: str, coverage: float) -> bool:
    return coverage >= _TEASER_COVERAGE and _normal(body).startswith(tuple(_table()["teaser_prefixes"]))


def _is_teaser_heading(body: str) -> bool:
    return len(body) <= _HEADING_MAX_CHARS and _normal(body).startswith(tuple(_table()["teaser_prefixes"]))


def _is_cta(body: str) -> bool:
    lowered = body.casefold()
    return len(body) <= _CTA_MAX_CHARS and any(phrase in lowered for phrase in _table()["cta_phrases"])


def _is_whole_link(block: Block, coverage: float, article: Article) -> bool:
    """A paragraph that is nothing but one link is a teaser or a promo, not a citation in a sentence.

    Only for HTML paragraphs and headings (list items are often source lists, but a headline
    link in a list is a teaser too), only when the link text is the whole paragraph, and not
    for a dash-led attribution line under a quote.
    """
    if block.element is None or coverage < 0.9 or article.text[block.start] in _ATTRIBUTION_DASHES:
        return False
    if _is_list_item(block) and str(block.element.tag).lower() not in _HEADINGS:
        return False
    return len(_anchors_in(article, block)) == 1


def _is_list_item(block: Block) -> bool:
    element = block.element
    return element is not None and any(str(n.tag).lower() in _LIST_TAGS for n in (element, *element.iterancestors()))


def _boilerplate_anchor(article: Article, anchor: Anchor) -> bool:
    assert anchor.url is not None
    table = _table()
    if anchor.url == article.document.url:
        return True  # a link to the page itself: comment counts, pagination, anchors
    if article.text[anchor.start : anchor.end].strip().casefold() in table["more_anchors"]:
        return True
    segments = [s.lower() for s in urlsplit(anchor.url).path.split("/") if s][:2]
    if any(segment in table["author_paths"] for segment in segments):
        return True
    return anchor.element is not None and _in_furniture(anchor.element, article.body)


def _in_furniture(element: HtmlElement, container: HtmlElement | None) -> bool:
    """Whether a link sits in a byline, share bar, tag list, promo or related box (wrappers at or
    above the body container, and above the story's <article>, are the article's own)."""
    table = _table()
    prefixes, parts = tuple(table["furniture_prefixes"]), tuple(table["furniture_parts"])
    return in_furniture(element, container, frozenset(table["furniture_tags"]), prefixes, parts)
