"""Posts whose scrape is a group of lines rather than one byline: TikTok, YouTube's player, Telegram.

* TikTok's embed leaves `@handle`, the caption with its #tags and `♬ sound` — on one line or
  three. An original sound is named after the poster (`♬ original sound - Name`); a song is not.
* YouTube's player leaves the video's title, the channel and `Watch on YouTube`.
* Telegram's widget leaves the channel's name, the post, a views-and-time line (`2.4K views
  21:14`, `👁 18.2K · Mar 4, 2026, 07:30`) and, in scrapes that keep it, `t.me/channel/N`.

Each reader anchors on the one line that cannot be article prose (the `♬` line, the player line,
the views line followed by a Telegram permalink) and takes the lines around it only in that shape.
"""

from __future__ import annotations

import re
from functools import lru_cache

from tracer.datafiles import load_json
from tracer.models import Platform, Post
from tracer.parse.posts.signatures import parse_date, read_signature
from tracer.platforms import PostRef, parse_permalink
from tracer.text import Span, find_urls
from tracer.urls import normalise_url

# (the post, the index of the last line it takes)
Shaped = tuple[Post, int]

_TIKTOK_HANDLE = r"@(?P<handle>[\w.]{2,24})"
# A sound is always 'title - author' ('original sound - Name', 'Blinding Lights - The Weeknd').
_SOUND = r"♬\s*(?P<sound>\S.*?\s[-–—]\s+\S.*)"
_TIKTOK_ONE_LINE = re.compile(rf"^{_TIKTOK_HANDLE}\s+(?P<caption>\S.*?)\s*{_SOUND}$")
# '@handle' alone, or with the caption after it, above the sound line.
_TIKTOK_HANDLE_LINE = re.compile(rf"^{_TIKTOK_HANDLE}(?:\s+(?P<caption>\S.*))?$")
_SOUND_LINE = re.compile(rf"^{_SOUND}$")
# How many caption lines may stand between a TikTok '@handle' line and its '♬' line.
_CAPTION_LINES = 3
_VIEWS = re.compile(
    r"^(?:👁\s*)?(?P<views>\d[\d.,]*\s*[KkMm]?)(?:\s+views?)?\s*[·•|,]?\s*(?:edited\s+)?"
    r"(?P<when>(?:[^\n]{0,40}?[\s,])?\d{1,2}:\d{2}(?:\s*[AaPp][Mm])?)$"
)
# How far above a views line a Telegram channel's name may be (name, up to this many text lines).
_TELEGRAM_TEXT_LINES = 6
_NAME_MAX_CHARS = 40
# YouTube caps a video title at 100 characters.
_TITLE_MAX_CHARS = 100
_SENTENCE_END = re.compile(r"[.!?:;\"”’)]\s*$")


@lru_cache(maxsize=1)
def _words() -> tuple[tuple[str, ...], frozenset[str]]:
    table = load_json("post_signatures.json")
    return tuple(s.lower() for s in table["original_sound"]), frozenset(table["player_lines"])


def read_shape(text: str, paras: list[Span], lines: list[str], i: int) -> Shaped | None:
    """A TikTok, YouTube-player or Telegram post whose anchor line is line `i`, if any."""
    return _tiktok(text, paras, lines, i) or _youtube(text, paras, lines, i) or _telegram(text, paras, lines, i)


def _tiktok(text: str, paras: list[Span], lines: list[str], i: int) -> Shaped | None:
    """'@handle caption ♬ sound' on one line, or '@handle [caption]', caption lines, '♬ sound'."""
    one = _TIKTOK_ONE_LINE.match(lines[i])
    if one:
        start = paras[i].start + one.start("caption")
        caption = [Span(start, start + len(one.group("caption")))]
        return _tiktok_post(text, one.group("handle"), one.group("sound"), caption, paras[i]), i
    sound = _SOUND_LINE.match(lines[i])
    if not sound:
        return None
    for j in range(i - 1, max(-1, i - 2 - _CAPTION_LINES), -1):
        handle = _TIKTOK_HANDLE_LINE.match(lines[j])
        if handle:
            lines_between = paras[j + 1 : i]
            if handle.group("caption"):
                end = paras[j].start + len(lines[j])
                lines_between.insert(0, Span(end - len(handle.group("caption")), end))
            evidence = Span(paras[j].start, paras[i].end)
            return _tiktok_post(text, handle.group("handle"), sound.group("sound"), lines_between, evidence), i
    return None


def _tiktok_post(text: str, handle: str, sound: str, caption: list[Span], evidence: Span) -> Post:
    return _make(text, Platform.TIKTOK, handle, _sound_author(sound), caption, evidence)


def _sound_author(sound: str) -> str | None:
    """The poster's name from an original sound ('original sound - Name'); a song names its artist."""
    head, dash, name = _split_sound(sound)
    return name if dash and head.lower() in _words()[0] and name else None


def _split_sound(sound: str) -> tuple[str, str, str]:
    parts = re.split(r"\s+([-–—])\s+", sound.strip(), maxsplit=1)
    return (parts[0], parts[1], parts[2].strip()) if len(parts) == 3 else (sound.strip(), "", "")


def _youtube(text: str, paras: list[Span], lines: list[str], i: int) -> Shaped | None:
    """Title, channel, 'Watch on YouTube': the title is the post's text, the channel its author."""
    if lines[i].strip() not in _words()[1] or i < 2:
        return None
    title, channel = lines[i - 2].strip(), lines[i - 1].strip()
    if not _name_like(channel) or len(title) > _TITLE_MAX_CHARS or read_signature(title) is not None:
        return None
    return _make(text, Platform.YOUTUBE, None, channel, [paras[i - 2]], Span(paras[i - 1].start, paras[i].end)), i


def _telegram(text: str, paras: list[Span], lines: list[str], i: int) -> Shaped | None:
    """A Telegram permalink line under a views-and-time line: the post above it, its channel's name above that."""
    ref = _telegram_ref(lines[i])
    views = _VIEWS.match(lines[i - 1].strip()) if ref is not None and i > 1 else None
    if ref is None or views is None or ref.handle is None:
        return None
    first, name = _channel(lines, i - 2, ref.handle)
    if first > i - 2:
        return None
    when = parse_date(views.group("when"))
    evidence = Span(paras[i - 1].start, paras[i].end)
    post = _make(text, Platform.TELEGRAM, ref.handle, name, paras[first : i - 1], evidence)
    update = {"url": ref.url, "post_id": ref.post_id, "posted": when.isoformat() if when else None}
    return post.model_copy(update=update), i


def _telegram_ref(line: str) -> PostRef | None:
    ref = lone_permalink(line)
    return ref if ref is not None and ref.platform is Platform.TELEGRAM else None


_SPACE = re.compile(r"\s")


def lone_permalink(line: str) -> PostRef | None:
    """The post a line links when the line is one URL and nothing else (trailing spaces allowed).

    A URL holds no whitespace, so a line with any is refused before the URL pattern runs: nearly
    every line of an article is one (the pattern ran 7,660 times on the corpus pages for this).
    """
    bare = line.rstrip()
    if not bare or _SPACE.search(bare):
        return None
    urls = list(find_urls(line))
    if len(urls) != 1 or urls[0][0].start != 0 or urls[0][0].end != len(bare):
        return None
    url = normalise_url(urls[0][1])
    return parse_permalink(url) if url else None


def _channel(lines: list[str], last: int, handle: str) -> tuple[int, str | None]:
    """The first line of a Telegram post ending at `last`, and the channel name above it.

    The name is the line that spells the channel's username ('Lakeside Live' for lakesidelive);
    failing that, a short line without a sentence end right above a one-line post; failing that,
    the post is one line and has no name.
    """
    wanted = _letters(handle)
    for j in range(last - 1, max(-1, last - 1 - _TELEGRAM_TEXT_LINES), -1):
        if _letters(lines[j]) == wanted:
            return j + 1, lines[j].strip()
    if last >= 1 and _name_like(lines[last - 1]):
        return last, lines[last - 1].strip()
    return last, None


def _letters(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def _name_like(line: str) -> bool:
    line = line.strip()
    return 0 < len(line) <= _NAME_MAX_CHARS and not _SENTENCE_END.search(line) and not list(find_urls(line))


def _make(
    text: str, platform: Platform, handle: str | None, name: str | None, body: list[Span], evidence: Span
) -> Post:
    own = "\n".join(span.of(text) for span in body)
    return Post(
        id="p0",
        platform=platform,
        author_name=name,
        handle=handle,
        text=own,
        evidence=evidence.of(text),
        start=body[0].start if body else None,
        end=body[-1].end if body else None,
        evidence_start=evidence.start,
        evidence_end=evidence.end,
    )
