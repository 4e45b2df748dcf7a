"""Signature lines of embedded posts ('— Name (@handle) December 23, 2024', 'A post shared by …') and their dates.

Embed codes render a byline under the post; when a page is scraped to text that byline is all
that is left to say who posted what. The phrases and month names are data
(`tracer/data/post_signatures.json`); this module only knows their shapes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from tracer.datafiles import load_json
from tracer.models import Platform


@dataclass(frozen=True, slots=True)
class Signature:
    """What a post's signature line says. `lead` is text before it on the same line (inline signatures)."""

    platform: Platform | None
    handle: str | None
    author_name: str | None = None
    posted: str | None = None
    lead: str = ""
    community: str | None = None
    # The date names its weekday ("on Tuesday, March 3, 2026"), as Facebook's fallback does.
    weekday: bool = False


@lru_cache(maxsize=1)
def _table() -> dict[str, Any]:
    table: dict[str, Any] = load_json("post_signatures.json")
    return table


_WORD = r"[^\W\d_]{3,}"
_DATE_PATTERNS = (
    re.compile(rf"(?P<m>{_WORD})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})"),
    re.compile(rf"(?P<d>\d{{1,2}})\.?\s+(?:de\s+)?(?P<m>{_WORD})\.?,?\s+(?:de\s+)?(?P<y>\d{{4}})"),
    re.compile(r"(?P<y>\d{4})年\s*(?P<m>\d{1,2})月\s*(?P<d>\d{1,2})日"),
    re.compile(r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})"),
)


def parse_date(text: str) -> date | None:
    """The first calendar date written in `text`, in any of the signature languages, or None."""
    months: dict[str, int] = _table()["months"]
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            month = match.group("m")
            number = int(month) if month.isdigit() else months.get(month.lower().rstrip("."))
            try:
                return date(int(match.group("y")), number, int(match.group("d"))) if number else None
            except ValueError:
                continue
    return None


# "— Name (@handle) Date": Twitter/X and Bluesky embeds. The dash may follow text on the same
# line (scrapers that flatten the blockquote); a plain hyphen only counts at the start of a line.
# A display name may hold a parenthesised part ("透析テツ(脱被曝)") but no "(@".
_DISPLAY_NAME = r"(?:[^()—–―\n]|\([^()@\n]*\)){0,80}?"
# The handle may carry a Mastodon instance ("@kim@journa.host").
_AT_HANDLE = r"\(@(?P<handle>[A-Za-z0-9_][\w.:-]{0,63})(?:@(?P<instance>[\w-]+(?:\.[\w-]+)+))?\)"
_DASH = re.compile(
    rf"^(?P<lead>.*?)(?:(?<=\S)|\s*)[—–―]\s*(?P<name>{_DISPLAY_NAME})\s*{_AT_HANDLE}\s*(?P<date>[^()\n]{{0,60}}?)\s*$"
)
_HYPHEN = re.compile(rf"^-\s*(?P<name>{_DISPLAY_NAME})\s*{_AT_HANDLE}\s*(?P<date>[^()\n]{{0,60}}?)\s*$")
# "on Threads, March 4, 2026": the platform named before the date.
_ON_PLATFORM = re.compile(r"^(?:on|via|auf|sur|en|su)\s+(?P<via>[^\W\d_]+)\b[\s,:·—–-]*", re.IGNORECASE)
_TWITTER_HANDLE = re.compile(r"^\w{1,15}$")
_BLUESKY_HANDLE = re.compile(r"^(?:[a-z0-9-]+\.)+[a-z]{2,}$|^did:[a-z]+:[\w.:-]+$", re.IGNORECASE)
_POST_BY = re.compile(r"^Post by @(?P<handle>[\w.]+)(?:@(?P<instance>[\w.-]+))?$")
_REDDIT = re.compile(r"^(?:(?P<lead>.*?)\s+)?(?:by\s+u/(?P<handle>[\w-]+)\s+in\s+(?:r/)?|from\s+r/)(?P<community>\w+)$")


def read_signature(line: str) -> Signature | None:
    """Read a signature from one line of post or article text; None when the line is not one."""
    line = line.strip()
    return _dash(line) or _shared_by(line) or _posted_by(line) or _reddit(line)


def _dash(line: str) -> Signature | None:
    # Both shapes hold "(@"; most lines of an article do not, and the lazy lead makes the patterns
    # try every position of them.
    match = (_DASH.match(line) or _HYPHEN.match(line)) if "(@" in line else None
    if not match:
        return None
    handle, stamp = match.group("handle"), match.group("date")
    via, stamp = _named_platform(stamp)
    when = parse_date(stamp) if stamp else None
    lead = (match.groupdict().get("lead") or "").strip()
    if (stamp and when is None) or (lead and when is None):
        return None
    platform = via or _handle_platform(handle, match.group("instance"))
    if platform is None:
        return None
    name = match.group("name").strip() or None
    return Signature(platform, handle, name, when.isoformat() if when else None, lead)


def _named_platform(stamp: str) -> tuple[Platform | None, str]:
    """The platform a signature names before its date ('on Threads, March 4, 2026'), and the rest."""
    match = _ON_PLATFORM.match(stamp)
    named = _table()["on_platform"].get(match.group("via").lower()) if match else None
    if match is None or named is None:
        return None, stamp
    return Platform(named), stamp[match.end() :]


def _handle_platform(handle: str, instance: str | None) -> Platform | None:
    """Which platform a bare handle belongs to, by its shape."""
    if instance:
        return Platform.MASTODON
    if _TWITTER_HANDLE.match(handle):
        return Platform.TWITTER
    return Platform.BLUESKY if _BLUESKY_HANDLE.match(handle) else None


def _shared_by(line: str) -> Signature | None:
    for phrase in _table()["shared_by"]:
        head, found, rest = line.partition(phrase)
        if not found:
            continue
        match = re.match(r"^\s*(?:(?P<name>.+?)\s*)?\(?@(?P<handle>[\w.]+)\)?(?:\s+\S+\s+(?P<date>.+))?$", rest)
        if match:
            when = parse_date(match.group("date") or "")
            name = (match.group("name") or "").strip() or None
            posted = when.isoformat() if when else None
            return Signature(Platform.INSTAGRAM, match.group("handle"), name, posted, head.strip())
    return None


@lru_cache(maxsize=1)
def _posted_by_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple(
        (phrase, re.compile(rf"^(?P<lead>.*?)\s*{re.escape(phrase)}\s+(?P<name>.+?)\s+{before_date}\s+(?P<date>.+)$"))
        for phrase, before_date in _table()["posted_by"]
    )


def _posted_by(line: str) -> Signature | None:
    for phrase, pattern in _posted_by_patterns():
        match = pattern.match(line) if phrase in line else None  # the pattern needs the phrase
        when = parse_date(match.group("date")) if match else None
        if match and when:
            lead = match.group("lead").strip()
            weekday = re.split(r"[\s,]+", match.group("date").strip())[0].lower() in _table()["weekdays"]
            return Signature(Platform.FACEBOOK, None, match.group("name"), when.isoformat(), lead, weekday=weekday)
    return None


def _reddit(line: str) -> Signature | None:
    match = _REDDIT.match(line) if "u/" in line or "r/" in line else None  # 'by u/…' or 'from r/…'
    if not match:
        return None
    lead = (match.group("lead") or "").strip()
    return Signature(Platform.REDDIT, match.group("handle"), None, None, lead, match.group("community"))


def card_phrases() -> frozenset[str]:
    """The 'View on Mastodon' lines that follow a card's 'Post by @user'."""
    return frozenset(_table()["post_by"])


def read_card(line: str, next_line: str) -> Signature | None:
    """Mastodon's and Threads' cards: 'Post by @user@instance' followed by 'View on Mastodon'."""
    platform = _table()["post_by"].get(next_line.strip())
    match = _POST_BY.match(line.strip())
    if not platform or not match:
        return None
    return Signature(Platform(platform), match.group("handle"))
