"""Posts that survive only as text: the signature lines and post URLs a scrape keeps.

A scraped tweet looks like its text, then `— Name (@handle) December 23, 2024`, sometimes with
the media link (`… pic.twitter.com/…`) in the paragraph after the signature (scrapers reorder
the blockquote's parts). An Instagram embed leaves `View this post on Instagram`, the caption,
and `A post shared by Name (@handle)`; WordPress-style embeds leave the post URL alone on its
line. Each rule below attributes text to a post author only where that shape makes it safe: a
wrong author on a claim is worse than none.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from tracer.models import Platform, Post
from tracer.parse.posts.signatures import Signature, read_card, read_signature
from tracer.platforms import PostRef, parse_permalink
from tracer.read.embed_markup import placeholders
from tracer.text import Span, find_urls
from tracer.urls import normalise_url

_PIC_END = re.compile(r"pic\.(?:twitter|x)\.com/\w+\s*$", re.IGNORECASE)
_PIC = re.compile(r"\bpic\.(?:twitter|x)\.com/\w+", re.IGNORECASE)
# How far before an Instagram signature its placeholder line may be (placeholder, caption, signature).
_PLACEHOLDER_REACH = 3


def text_posts(text: str, paras: list[Span]) -> list[Post]:
    """Posts recognised from signature lines and standalone post URLs among `paras`.

    Args:
        text: The document text.
        paras: The paragraphs to read (all of a text scrape; the non-embed blocks of a page).
    """
    return list(_posts(text, paras))


def _posts(text: str, paras: list[Span]) -> Iterator[Post]:
    lines = [p.of(text) for p in paras]
    for i, para in enumerate(paras):
        line = lines[i]
        following = lines[i + 1] if i + 1 < len(lines) else ""
        signature = read_signature(line) or read_card(line, following)
        if signature is not None and signature.platform is not Platform.FACEBOOK:
            body = _body(signature, i, paras, lines)
            yield _post(text, signature, para, body)
        elif (ref := _standalone(line)) is not None:
            yield Post(
                id="p0",
                platform=ref.platform,
                handle=ref.handle,
                url=ref.url,
                post_id=ref.post_id,
                evidence=line,
                evidence_start=para.start,
                evidence_end=para.end,
            )


def _body(signature: Signature, i: int, paras: list[Span], lines: list[str]) -> list[Span]:
    """The spans of the post's own text, by the shape of its signature."""
    para = paras[i]
    if signature.lead:
        return [Span(para.start, para.start + len(signature.lead))]
    if signature.platform in {Platform.TWITTER, Platform.BLUESKY}:
        body = [paras[i - 1]] if i > 0 and not _is_signature(lines[i - 1]) else []
        if _trailing_media(i, lines):
            body.append(paras[i + 1])
        return body
    if signature.platform is Platform.INSTAGRAM:
        return _after_placeholder(i, paras, lines)
    if signature.platform is Platform.REDDIT and i > 0:
        return [paras[i - 1]]
    return []


def _trailing_media(i: int, lines: list[str]) -> bool:
    """The paragraph after a signature ends in pic.twitter.com/… (scrapers move the media link
    below the byline), unless it is the next post's text, followed by its own signature."""
    if i + 1 >= len(lines) or not _PIC_END.search(lines[i + 1]) or _is_signature(lines[i + 1]):
        return False
    return i + 2 >= len(lines) or not _is_signature(lines[i + 2])


def _after_placeholder(i: int, paras: list[Span], lines: list[str]) -> list[Span]:
    """An Instagram caption is what lies between 'View this post on Instagram' and the signature;
    without the placeholder nothing is taken (the paragraph before may be the article's own)."""
    for j in range(i - 1, max(-1, i - 1 - _PLACEHOLDER_REACH), -1):
        if any(lines[j].strip() == phrase for phrase in placeholders()):
            return paras[j + 1 : i]
    return []


def _is_signature(line: str) -> bool:
    return read_signature(line) is not None


def _standalone(line: str) -> PostRef | None:
    """A post URL alone on its line (how WordPress and many CMSs paste an embed)."""
    urls = list(find_urls(line))
    if len(urls) != 1 or urls[0][0].start != 0 or urls[0][0].end != len(line.rstrip()):
        return None
    url = normalise_url(urls[0][1])
    return parse_permalink(url) if url else None


def _post(text: str, signature: Signature, para: Span, body: list[Span]) -> Post:
    assert signature.platform is not None
    spans = sorted(body, key=lambda s: s.start)
    sig = para
    if signature.lead:  # inline signature: the evidence starts after the post's text
        start = para.start + len(signature.lead)
        while start < para.end and text[start].isspace():
            start += 1
        sig = Span(start, para.end)
    own = "\n".join(s.of(text) for s in spans)
    return Post(
        id="p0",
        platform=signature.platform,
        author_name=signature.author_name,
        handle=signature.handle,
        posted=signature.posted,
        text=own,
        media_urls=list(dict.fromkeys(f"https://{m.group(0)}" for m in _PIC.finditer(own))),
        evidence=sig.of(text),
        start=spans[0].start if spans else None,
        end=spans[-1].end if spans else None,
        evidence_start=sig.start,
        evidence_end=sig.end,
    )
