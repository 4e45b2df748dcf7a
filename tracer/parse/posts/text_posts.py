"""Posts that survive only as text: the signature lines and post URLs a scrape keeps.

A scraped tweet looks like its text, then `— Name (@handle) December 23, 2024`, sometimes with
the media link (`… pic.twitter.com/…`) in the paragraph after the signature (scrapers reorder
the blockquote's parts). An Instagram embed leaves `View this post on Instagram`, the caption,
and `A post shared by Name (@handle)`; Facebook's, the text then `Posted by NAME on Tuesday,
March 3, 2026`; Bluesky, Threads, Mastodon and YouTube credits use the dash signature (with
`@user@instance`, or the platform named: `… (@handle) on Threads, March 4, 2026`); TikTok,
YouTube's player and Telegram leave groups of lines (`text_shapes`). WordPress-style embeds leave
the post URL alone on its line; a permalink right under a byline is that post's. Each rule
below attributes text to a post author only where that shape makes it safe: a wrong author on a
claim is worse than none.
"""

from __future__ import annotations

import re

from tracer.models import Platform, Post
from tracer.parse.posts import text_shapes as shapes
from tracer.parse.posts.signatures import Signature, read_card, read_signature
from tracer.platforms import PostRef
from tracer.read.embed_markup import placeholders
from tracer.text import Span

_PIC_END = re.compile(r"pic\.(?:twitter|x)\.com/\w+\s*$", re.IGNORECASE)
_PIC = re.compile(r"\bpic\.(?:twitter|x)\.com/\w+", re.IGNORECASE)
# How far before an Instagram signature its placeholder line may be (placeholder, caption, signature).
_PLACEHOLDER_REACH = 3


def text_posts(text: str, paras: list[Span]) -> list[Post]:
    """Posts recognised from signature lines, platform-shaped line groups and standalone post URLs.

    Args:
        text: The document text.
        paras: The paragraphs to read (all of a text scrape; the non-embed blocks of a page).
    """
    return _Reader(text, paras).posts()


class _Reader:
    """Reads a run of paragraphs once; a permalink line absorbed by the post above it is not a post of its own."""

    def __init__(self, text: str, paras: list[Span]) -> None:
        self.text, self.paras = text, paras
        self.lines = [p.of(text) for p in paras]
        self.used: set[int] = set()

    def posts(self) -> list[Post]:
        found: list[Post] = []
        for i in range(len(self.paras)):
            if i not in self.used and (post := self._post_at(i)) is not None:
                found.append(post)
        return found

    def _post_at(self, i: int) -> Post | None:
        line, following = self.lines[i], self.lines[i + 1] if i + 1 < len(self.lines) else ""
        if (card := read_card(line, following)) is not None:  # 'Post by @user' / 'View on …': no text
            return self._with_permalink(_post(self.text, card, self.paras[i], []), i + 2)
        signature = read_signature(line)
        if signature is not None and (signature.platform is not Platform.FACEBOOK or signature.weekday):
            post = _post(self.text, signature, self.paras[i], _body(signature, i, self.paras, self.lines))
            return self._with_permalink(post, i + 1)
        shaped = shapes.read_shape(self.text, self.paras, self.lines, i)
        if shaped is not None:
            post, last = shaped
            self.used.update(range(i, last + 1))
            return self._with_permalink(post, last + 1)
        if (ref := _standalone(line)) is not None:
            return _url_post(ref, line, self.paras[i])
        return None

    def _with_permalink(self, post: Post, j: int) -> Post:
        """The post's permalink when the scrape keeps it on the line after the post's byline."""
        ref = _standalone(self.lines[j]) if j < len(self.lines) and j not in self.used else None
        if ref is None or ref.platform is not post.platform or post.url:
            return post
        if post.handle and ref.handle and post.handle.lower() != ref.handle.lower():
            return post
        self.used.add(j)
        return post.model_copy(update={"url": ref.url, "post_id": ref.post_id, "handle": post.handle or ref.handle})


def _url_post(ref: PostRef, line: str, para: Span) -> Post:
    return Post(
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
    if signature.platform in _DASHED:
        body = [paras[j] for j in _above(i, lines)]
        if _trailing_media(i, lines):
            body.append(paras[i + 1])
        return body
    if signature.platform is Platform.FACEBOOK and i > 0:
        return [paras[j] for j in _titled(i - 1, lines)]
    if signature.platform is Platform.INSTAGRAM:
        return _after_placeholder(i, paras, lines)
    if signature.platform is Platform.REDDIT and i > 0:
        return [paras[i - 1]]
    return []


# Platforms whose byline is a dash signature ('— Name (@handle) Date') under the post's text.
_DASHED = frozenset(
    [Platform.TWITTER, Platform.BLUESKY, Platform.THREADS, Platform.MASTODON, Platform.YOUTUBE, Platform.TIKTOK]
)


def _above(i: int, lines: list[str]) -> list[int]:
    """The paragraph above a dash signature, skipping an embed's placeholder ('[image or embed]');
    a quoted post's URL alone on that line takes the poster's comment above it too."""
    j = i - 1
    while j >= 0 and lines[j].strip() in placeholders():
        j -= 1
    if j < 0 or _is_signature(lines[j]):
        return []
    if _standalone(lines[j]) is not None and j > 0 and not _is_signature(lines[j - 1]):
        return [j - 1, j]
    return [j]


# A title line above a Facebook video's description: short, no sentence end.
_TITLE_MAX_CHARS = 80
_SENTENCE_END = re.compile(r"[.!?:;\"”’)]\s*$")


def _titled(j: int, lines: list[str]) -> list[int]:
    """A Facebook post's text (the paragraph above its byline), and a video's title above that."""
    title = j - 1
    if title < 0 or len(lines[title]) > _TITLE_MAX_CHARS or _SENTENCE_END.search(lines[title]):
        return [j]
    return [j] if _is_signature(lines[title]) or _standalone(lines[title]) is not None else [title, j]


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
    return shapes.lone_permalink(line)


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
