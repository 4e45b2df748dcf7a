"""Platform knowledge in one table: hosts, aliases, permalink patterns, and id-to-time decoders.

Every other module asks this one ("is this URL a post? whose? which id? when?") instead of
keeping its own regexes, so adding a platform or a host alias is a one-place change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urlsplit

from tracer.models import Platform


@dataclass(frozen=True, slots=True)
class PostRef:
    """What a permalink says about a post."""

    platform: Platform
    handle: str | None
    post_id: str | None
    url: str


@dataclass(frozen=True, slots=True)
class PlatformSpec:
    """One platform: the hosts it answers on and how its permalinks look."""

    platform: Platform
    hosts: tuple[str, ...]
    canonical_host: str
    # Patterns over the URL path (and query, after '?'); named groups `handle` and `id`.
    permalinks: tuple[re.Pattern[str], ...]
    # Query parameters that carry meaning (YouTube's ?v=); all others are dropped.
    keep_params: tuple[str, ...] = ()


def _rx(*patterns: str) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in patterns)


PLATFORMS: tuple[PlatformSpec, ...] = (
    PlatformSpec(
        Platform.TWITTER,
        (
            "twitter.com",
            "x.com",
            "mobile.twitter.com",
            "mobile.x.com",
            "m.twitter.com",
            "www.twitter.com",
            "www.x.com",
            "fxtwitter.com",
            "vxtwitter.com",
            "fixupx.com",
            "nitter.net",
        ),
        "x.com",
        _rx(
            r"^/(?P<handle>\w{1,15})/status(?:es)?/(?P<id>\d+)",
            r"^/i/web/status/(?P<id>\d+)",
            r"^/i/status/(?P<id>\d+)",
        ),
    ),
    PlatformSpec(
        Platform.INSTAGRAM,
        ("instagram.com", "www.instagram.com", "instagr.am", "m.instagram.com"),
        "www.instagram.com",
        _rx(r"^/(?:(?P<handle>[\w.]+)/)?(?:p|reel|reels|tv)/(?P<id>[\w-]+)"),
    ),
    PlatformSpec(
        Platform.TIKTOK,
        ("tiktok.com", "www.tiktok.com", "m.tiktok.com", "vm.tiktok.com"),
        "www.tiktok.com",
        _rx(r"^/@(?P<handle>[\w.-]+)/(?:video|photo)/(?P<id>\d+)", r"^/embed(?:/v2)?/(?P<id>\d+)"),
    ),
    PlatformSpec(
        Platform.YOUTUBE,
        (
            "youtube.com",
            "www.youtube.com",
            "m.youtube.com",
            "youtu.be",
            "www.youtube-nocookie.com",
            "youtube-nocookie.com",
            "music.youtube.com",
        ),
        "www.youtube.com",
        _rx(
            r"^/watch\?(?:.*&)?v=(?P<id>[\w-]{11})",
            r"^/(?:embed|shorts|live|v)/(?P<id>[\w-]{11})",
            r"^/(?P<id>[\w-]{11})$",
        ),
        keep_params=("v",),
    ),
    PlatformSpec(
        Platform.FACEBOOK,
        ("facebook.com", "www.facebook.com", "m.facebook.com", "web.facebook.com", "fb.com", "fb.watch"),
        "www.facebook.com",
        _rx(
            r"^/(?P<handle>[\w.-]+)/(?:posts|videos|photos(?:/[\w.]+)?)/(?:[\w.-]+/)?(?P<id>[\w]+)",
            r"^/permalink\.php\?(?:.*&)?story_fbid=(?P<id>\w+)",
            r"^/watch/?\?(?:.*&)?v=(?P<id>\d+)",
            r"^/reel/(?P<id>\d+)",
        ),
        keep_params=("story_fbid", "id", "v", "fbid"),
    ),
    PlatformSpec(
        Platform.TELEGRAM,
        ("t.me", "telegram.me", "www.t.me"),
        "t.me",
        _rx(r"^/(?:s/)?(?P<handle>\w{4,})/(?P<id>\d+)"),
    ),
    PlatformSpec(
        Platform.BLUESKY,
        ("bsky.app", "www.bsky.app"),
        "bsky.app",
        _rx(r"^/profile/(?P<handle>[\w.:-]+)/post/(?P<id>\w+)"),
    ),
    PlatformSpec(
        Platform.THREADS,
        ("threads.net", "www.threads.net", "threads.com", "www.threads.com"),
        "www.threads.net",
        _rx(r"^/@(?P<handle>[\w.]+)/post/(?P<id>[\w-]+)"),
    ),
    PlatformSpec(
        Platform.REDDIT,
        (
            "reddit.com",
            "www.reddit.com",
            "old.reddit.com",
            "new.reddit.com",
            "np.reddit.com",
            "m.reddit.com",
            "embed.reddit.com",
            "redd.it",
        ),
        "www.reddit.com",
        _rx(r"^/r/(?P<handle>\w+)/comments/(?P<id>\w+)"),
    ),
)

# Mastodon is federated: any host can serve it, so it is recognised by path shape
# (/@user/123456789012345678) and by a few well-known instance names and forks.
MASTODON_PATH = re.compile(r"^/@(?P<handle>[\w.]+)(?:@[\w.-]+)?/(?P<id>\d{6,})(?:/embed)?/?$")
MASTODON_HOSTS = (
    "mastodon.social",
    "mastodon.online",
    "mstdn.social",
    "truthsocial.com",
    "fosstodon.org",
    "infosec.exchange",
    "journa.host",
    "mas.to",
)

_BY_HOST = {host: spec for spec in PLATFORMS for host in spec.hosts}


def spec_for_host(host: str) -> PlatformSpec | None:
    """The platform a host belongs to (`www.` and mobile prefixes included in the table)."""
    return _BY_HOST.get(host.lower().removeprefix("www.")) or _BY_HOST.get(host.lower())


def platform_of(url: str) -> Platform | None:
    """Which platform a URL is on, whether or not it is a post permalink."""
    host = (urlsplit(url).hostname or "").lower()
    spec = spec_for_host(host)
    if spec:
        return spec.platform
    if host in MASTODON_HOSTS:
        return Platform.MASTODON
    return None


def parse_permalink(url: str) -> PostRef | None:
    """Recognise a post permalink and return its platform, handle and id.

    Args:
        url: An absolute URL (any host alias; tracking parameters allowed).

    Returns:
        A `PostRef` with a canonical URL, or None when the URL is not a post.
    """
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    target = parts.path + ("?" + parts.query if parts.query else "")
    spec = spec_for_host(host)
    if spec is None:
        match = MASTODON_PATH.match(parts.path)
        if match:
            handle, post_id = match.group("handle"), match.group("id")
            return PostRef(Platform.MASTODON, handle, post_id, f"https://{host}/@{handle}/{post_id}")
        return None
    for pattern in spec.permalinks:
        match = pattern.search(target) or pattern.search(parts.path)
        if match:
            groups = match.groupdict()
            return _post_ref(spec, groups.get("handle"), groups.get("id"), host)
    return None


def _post_ref(spec: PlatformSpec, handle: str | None, post_id: str | None, host: str) -> PostRef:
    """Build the canonical permalink for a recognised post."""
    canonical = {
        Platform.TWITTER: lambda: f"https://x.com/{handle or 'i/web'}/status/{post_id}",
        Platform.INSTAGRAM: lambda: f"https://www.instagram.com/p/{post_id}/",
        Platform.TIKTOK: lambda: (
            f"https://www.tiktok.com/@{handle}/video/{post_id}"
            if handle
            else f"https://www.tiktok.com/embed/v2/{post_id}"
        ),
        Platform.YOUTUBE: lambda: f"https://www.youtube.com/watch?v={post_id}",
        Platform.FACEBOOK: lambda: (
            f"https://www.facebook.com/{handle}/posts/{post_id}"
            if handle
            else f"https://www.facebook.com/permalink.php?story_fbid={post_id}"
        ),
        Platform.TELEGRAM: lambda: f"https://t.me/{handle}/{post_id}",
        Platform.BLUESKY: lambda: f"https://bsky.app/profile/{handle}/post/{post_id}",
        Platform.THREADS: lambda: f"https://www.threads.net/@{handle}/post/{post_id}",
        Platform.REDDIT: lambda: f"https://www.reddit.com/r/{handle}/comments/{post_id}/",
    }[spec.platform]()
    if handle and spec.platform is Platform.TWITTER and handle.lower() in {"i", "intent"}:
        handle = None
    return PostRef(spec.platform, handle, post_id, canonical)


_TWITTER_EPOCH_MS = 1288834974657
# Snowflake ids exist only from late 2010; smaller ids are sequential and carry no time.
_MIN_SNOWFLAKE = 1 << 32
_BLUESKY_TID = re.compile(r"^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$")
_TID_ALPHABET = "234567abcdefghijklmnopqrstuvwxyz"


def posted_from_id(platform: Platform, post_id: str | None) -> datetime | None:
    """Decode the creation time some platforms put in their post ids.

    X/Twitter snowflakes hold milliseconds since 2010-11-04 in the top 42 bits; TikTok ids
    hold Unix seconds in the top 32 bits; Bluesky record keys (TIDs) are base32-sortable
    microseconds since the Unix epoch. Other platforms' ids carry no time.
    """
    if not post_id:
        return None
    try:
        if platform is Platform.TWITTER and post_id.isdigit() and int(post_id) > _MIN_SNOWFLAKE:
            return datetime.fromtimestamp(((int(post_id) >> 22) + _TWITTER_EPOCH_MS) / 1000, tz=UTC)
        if platform is Platform.TIKTOK and post_id.isdigit() and len(post_id) >= 18:
            return datetime.fromtimestamp(int(post_id) >> 32, tz=UTC)
        if platform is Platform.BLUESKY and _BLUESKY_TID.match(post_id):
            value = 0
            for char in post_id:
                value = value * 32 + _TID_ALPHABET.index(char)
            return datetime.fromtimestamp((value >> 10) / 1_000_000, tz=UTC)
    except (OverflowError, OSError, ValueError):
        return None
    return None


# Embed markup as publishers paste it. The reader keeps these elements in the article text
# (main-text extractors drop them) and the embeds parser reads posts from them.
EMBED_XPATH = " | ".join(
    (
        "//blockquote[contains(@class,'twitter-tweet') or contains(@class,'twitter-video')"
        " or contains(@class,'instagram-media') or contains(@class,'tiktok-embed')"
        " or contains(@class,'bluesky-embed') or contains(@class,'mastodon-embed')"
        " or contains(@class,'text-post-media') or contains(@class,'reddit-embed-bq')"
        " or contains(@class,'reddit-card') or @data-bluesky-uri]",
        "//div[contains(@class,'fb-post') or contains(@class,'fb-video')]",
        "//amp-twitter | //amp-instagram | //amp-youtube | //amp-facebook | //amp-tiktok | //lite-youtube",
        "//script[@data-telegram-post]",
        "//iframe[contains(@src,'youtube') or contains(@data-src,'youtube') or contains(@src,'facebook.com/plugins')"
        " or contains(@src,'platform.twitter.com/embed') or contains(@src,'instagram.com/')"
        " or contains(@src,'tiktok.com/embed') or contains(@src,'embed.bsky.app') or contains(@src,'/embed')"
        " or contains(@src,'embed.reddit.com') or contains(@src,'t.me/')]",
    )
)
