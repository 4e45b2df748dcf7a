"""A `Post` from one embed: its lines of text, its signature, its date, its media.

Used for embeds in the page's DOM (lines come from the article's blocks, so offsets are exact)
and for embeds found in page JSON (lines come from the HTML fragment; no offsets).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

import lxml.etree as etree
from lxml.html import HtmlElement

from tracer.models import Platform, Post
from tracer.parse.posts.signatures import Signature, card_phrases, parse_date, read_card, read_signature
from tracer.platforms import PostRef, platform_of, posted_from_id
from tracer.read.embed_markup import EmbedHit, placeholders
from tracer.text import squash
from tracer.urls import normalise_url

# A markup date and the date in the post id may differ by the time-zone offset of whoever
# rendered the embed; more than this is a real disagreement.
_DATE_TOLERANCE_DAYS = 1
_PIC = re.compile(r"\bpic\.(?:twitter|x)\.com/\w+", re.IGNORECASE)
_TIKTOK_LINE = re.compile(r"^(?:@[\w.-]+|♬.*)$")
# A line that is only a URL is the embed's permalink (a pasted post URL), not the post's text.
_URL_ONLY = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)
_BREAK_TAGS = frozenset(
    ["p", "div", "br", "section", "blockquote", "li", "ul", "ol", "figcaption", "h1", "h2", "h3", "h4", "h5", "h6"]
)
_SKIP_TAGS = frozenset(["script", "style", "svg", "noscript", "template"])
# Pictures inside embed markup that are not the post's media (avatars, emoji, logos).
_NOT_MEDIA = re.compile(r"emoji|avatar|profile_images|logo|/static/|\.svg(?:$|\?)|data:", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Line:
    """A line of an embed's text, with its span in the document text when it is there."""

    text: str
    start: int | None = None
    end: int | None = None


def element_lines(element: HtmlElement) -> list[Line]:
    """An element's text broken into lines at block elements and <br> (no document offsets)."""
    lines: list[str] = []
    parts: list[str] = []

    def flush() -> None:
        text = squash("".join(parts))
        if text:
            lines.append(text)
        parts.clear()

    walker = etree.iterwalk(element, events=("start", "end"))
    for event, node in walker:
        tag = node.tag.lower() if isinstance(node.tag, str) else None
        if event == "start":
            if tag is None or tag in _SKIP_TAGS:
                walker.skip_subtree()
                continue
            if tag in _BREAK_TAGS:
                flush()
            parts.append(node.text or "")
        else:
            if tag in _BREAK_TAGS:
                flush()
            if node is not element:
                parts.append(node.tail or "")
    flush()
    return [Line(text) for text in lines]


def build_post(hit: EmbedHit, lines: list[Line], base: str | None, where: str = "") -> Post:
    """The post an embed shows: text without signature or placeholders, author, date, media.

    Args:
        hit: The embed element and the post it points at.
        lines: The embed's lines of text (with document offsets when they are in the text).
        base: URL relative links resolve against.
        where: Where the embed was found when not in the DOM ('page JSON (script#…)'),
            prefixed to the evidence.
    """
    lines = _strip_placeholders(lines)
    signature, sig_index = _find_signature(lines, hit.ref.platform)
    text_lines = _text_lines(lines, signature, sig_index, hit.ref.platform)
    sig_line = lines[sig_index] if sig_index is not None else _url_line(lines)
    if sig_line is not None and signature is not None and signature.lead:
        sig_line = _after_lead(sig_line, signature.lead)
    evidence = sig_line.text if sig_line else markup_summary(hit.element)
    posted, warnings = _posted(hit.ref.platform, hit.ref.post_id, signature, hit.element)
    handle = _handle(hit, signature)
    return Post(
        id="p0",
        platform=hit.ref.platform,
        author_name=signature.author_name if signature else None,
        handle=handle,
        url=_url_with_handle(hit.ref, handle),
        post_id=hit.ref.post_id,
        posted=posted,
        text="\n".join(line.text for line in text_lines),
        media_urls=_media(hit.element, text_lines, base),
        evidence=f"{where}: {evidence}" if where else evidence,
        start=text_lines[0].start if text_lines else None,
        end=text_lines[-1].end if text_lines else None,
        warnings=warnings,
        evidence_start=sig_line.start if sig_line and not where else None,
        evidence_end=sig_line.end if sig_line and not where else None,
    )


def _strip_placeholders(lines: list[Line]) -> list[Line]:
    """Drop placeholder texts ('View this post on Instagram'), keeping exact offsets for what is left."""
    return [kept for kept in map(_strip_placeholder, lines) if kept is not None]


def _strip_placeholder(line: Line) -> Line | None:
    text, start = line.text, line.start
    while found := [(text.find(p), p) for p in placeholders() if p in text]:
        index, phrase = min(found)
        if text[:index].strip():
            text = text[:index].rstrip()  # content first, placeholder after: keep the content
            continue
        rest = text[index + len(phrase) :]
        if start is not None:
            start += index + len(phrase) + len(rest) - len(rest.lstrip())
        text = rest.strip()
    if not text:
        return None
    return Line(text, start, None if start is None else start + len(text))


def _find_signature(lines: list[Line], platform: Platform) -> tuple[Signature | None, int | None]:
    for index in range(len(lines) - 1, -1, -1):
        signature = read_signature(lines[index].text)
        following = lines[index + 1].text if index + 1 < len(lines) else ""
        signature = signature or read_card(lines[index].text, following)
        if signature is not None and _fits(signature, platform):
            return signature, index
    return None, None


def _fits(signature: Signature, platform: Platform) -> bool:
    """A Bluesky signature inside a tweet's text is quoted text, not this post's byline."""
    return signature.platform is platform


def _after_lead(line: Line, lead: str) -> Line:
    """The signature part of a line that starts with the post's own text."""
    cut = line.text.find(lead) + len(lead)
    rest = line.text[cut:]
    start = None if line.start is None else line.start + cut + len(rest) - len(rest.lstrip())
    text = rest.strip()
    return Line(text, start, None if start is None else start + len(text))


def _url_line(lines: list[Line]) -> Line | None:
    return next((line for line in lines if _URL_ONLY.match(line.text)), None)


def _url_with_handle(ref: PostRef, handle: str | None) -> str:
    """Tweet and TikTok permalinks name their author; an embed known only by id gets the
    signature's handle so its URL is the canonical one. A permalink on another host (a mirror,
    a self-hosted copy) stays as it is: it is where the post was seen."""
    if handle and ref.handle is None and ref.post_id and platform_of(ref.url) is ref.platform:
        if ref.platform is Platform.TWITTER:
            return f"https://x.com/{handle}/status/{ref.post_id}"
        if ref.platform is Platform.TIKTOK:
            return f"https://www.tiktok.com/@{handle}/video/{ref.post_id}"
    return ref.url


def _text_lines(lines: list[Line], signature: Signature | None, index: int | None, platform: Platform) -> list[Line]:
    cards = card_phrases()
    kept = [
        line for i, line in enumerate(lines) if i != index and line.text not in cards and not _URL_ONLY.match(line.text)
    ]
    if signature is not None and index is not None and signature.lead:
        line = lines[index]
        end = None if line.start is None else line.start + len(signature.lead)
        kept.insert(index, Line(signature.lead, line.start, end))
    if platform is Platform.TIKTOK:
        kept = [line for line in kept if not _TIKTOK_LINE.match(line.text)]
    return kept


def _handle(hit: EmbedHit, signature: Signature | None) -> str | None:
    if signature and signature.handle:
        return signature.handle
    if hit.ref.platform is Platform.TIKTOK and hit.ref.handle is None:
        title = hit.element.xpath(".//a[starts-with(@title, '@')]/@title")
        return str(title[0])[1:] if title else None
    return hit.ref.handle


def _media(element: HtmlElement, lines: list[Line], base: str | None) -> list[str]:
    urls = [f"https://{match.group(0)}" for line in lines for match in _PIC.finditer(line.text)]
    for src in element.xpath(".//img/@src | .//video/@poster"):
        url = normalise_url(str(src), base)
        if url and not _NOT_MEDIA.search(url):
            urls.append(url)
    return list(dict.fromkeys(urls))


def _posted(
    platform: Platform, post_id: str | None, signature: Signature | None, element: HtmlElement
) -> tuple[str | None, list[str]]:
    """The markup's date when it gives one, else the id's; a warning when the two disagree."""
    marked = signature.posted if signature and signature.posted else _time_element(element)
    decoded = posted_from_id(platform, post_id)
    warnings: list[str] = []
    if marked and decoded:
        gap = abs((date.fromisoformat(marked) - decoded.date()).days)
        if gap > _DATE_TOLERANCE_DAYS:
            warnings.append(
                f"markup date {marked} disagrees with the date encoded in the post id ({decoded.date().isoformat()})"
            )
    if marked:
        return marked, warnings
    return (decoded.isoformat().replace("+00:00", "Z") if decoded else None), warnings


def _time_element(element: HtmlElement) -> str | None:
    for stamp in element.xpath(".//time/@datetime"):
        try:
            return datetime.fromisoformat(str(stamp).replace("Z", "+00:00")).date().isoformat()
        except ValueError:
            when = parse_date(str(stamp))
            if when:
                return when.isoformat()
    return None


def markup_summary(element: HtmlElement) -> str:
    """A short, readable form of an embed's opening tag: what the post was recognised from."""
    keep = ("class", "cite", "src", "data-src", "data-href", "data-url", "data-embedded-url", "data-tweetid")
    attrs = " ".join(f'{k}="{v[:160]}"' for k, v in element.attrib.items() if k in keep or k.startswith("data-"))
    return f"<{element.tag} {attrs}>".replace(" >", ">")[:500]
