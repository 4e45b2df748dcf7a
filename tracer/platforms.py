"""Platform knowledge in one table: hosts, aliases, permalink and embed-URL shapes, id-to-time decoders.

Every other module asks this one ("is this URL a post? whose? which id? when?") instead of
keeping its own regexes, so adding a platform or a host alias is a one-place change. Embed URLs
(`/embed/` iframes, Facebook's `plugins/post.php?href=…`, `platform.twitter.com/embed/Tweet.html?id=…`)
are recognised here too, so an iframe and a permalink of the same post come out as one canonical URL.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from urllib.parse import unquote, urlsplit

from tracer.datafiles import load_json
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
    # Patterns over the URL path (and query, after '?'); named groups `handle`, `id`, and for
    # some platforms `kind` (Facebook posts/videos/photos) or `community` (a subreddit).
    permalinks: tuple[re.Pattern[str], ...]
    # Query parameters that carry meaning (YouTube's ?v=); all others are dropped.
    keep_params: tuple[str, ...] = ()
    # Short-link hosts (youtu.be, redd.it) whose whole path is the post id.
    short_hosts: tuple[str, ...] = ()
    short_id: re.Pattern[str] | None = None


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
            "platform.twitter.com",
        ),
        "x.com",
        _rx(
            r"^/(?P<handle>\w{1,15})/status(?:es)?/(?P<id>\d+)",
            r"^/i/(?:web/)?status/(?P<id>\d+)",
            r"^/embed/(?:Tweet|index)\.html\?(?:.*&)?id=(?P<id>\d+)",
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
        ("tiktok.com", "www.tiktok.com", "m.tiktok.com"),
        "www.tiktok.com",
        _rx(
            r"^/@(?P<handle>[\w.-]+)/(?:video|photo)/(?P<id>\d+)",
            r"^/(?:embed(?:/v2)?|player/v1|v)/(?P<id>\d+)",
        ),
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
            r"^/(?:embed|shorts|live|v)/(?!videoseries)(?P<id>[\w-]{11})(?![\w-])",
        ),
        keep_params=("v",),
        short_hosts=("youtu.be",),
        short_id=re.compile(r"^/(?P<id>[\w-]{11})/?$"),
    ),
    PlatformSpec(
        Platform.FACEBOOK,
        ("facebook.com", "www.facebook.com", "m.facebook.com", "web.facebook.com", "fb.com", "fb.watch"),
        "www.facebook.com",
        _rx(
            r"^/(?:groups/)?(?P<handle>[\w.-]+)/(?P<kind>posts|videos|photos|permalink)/(?:[\w.-]+/)??(?P<id>\w+)(?::\d+)?/?(?:\?|$)",
            r"^/(?P<kind>photo)(?:\.php|/)?\?(?:.*&)?fbid=(?P<id>\d+)",
            r"^/(?:permalink|story)\.php\?(?:.*&)?story_fbid=(?P<id>\w+)",
            r"^/watch/?\?(?:.*&)?v=(?P<id>\d+)",
            r"^/(?P<kind>reel)/(?P<id>\d+)",
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
        ("bsky.app", "www.bsky.app", "embed.bsky.app"),
        "bsky.app",
        _rx(
            r"^/profile/(?P<handle>[\w.:-]+)/post/(?P<id>\w+)",
            r"^/embed/(?P<handle>did:[\w:.-]+)/app\.bsky\.feed\.post/(?P<id>\w+)",
        ),
    ),
    PlatformSpec(
        Platform.THREADS,
        ("threads.net", "www.threads.net", "threads.com", "www.threads.com"),
        "www.threads.net",
        _rx(r"^/@(?P<handle>[\w.]+)/post/(?P<id>[\w-]+)", r"^/t/(?P<id>[\w-]+)"),
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
        _rx(
            r"^/r/(?P<community>\w+)/comments/(?P<id>\w+)",
            r"^/(?:u|user)/(?P<handle>[\w-]+)/comments/(?P<id>\w+)",
        ),
        short_hosts=("redd.it",),
        short_id=re.compile(r"^/(?P<id>[a-z0-9]{5,8})/?$"),
    ),
)

# Mastodon is federated: any host can serve it, so it is recognised by path shape
# (/@user/123456789012345678, /users/user/statuses/…) and by a few well-known instances and forks
# (Truth Social runs Mastodon's code, so its posts are Mastodon-style).
MASTODON_PATH = re.compile(
    r"^/(?:@(?P<handle>[\w.]+)(?:@[\w.-]+)?|users/(?P<user>\w+)/statuses)/(?P<id>\d{6,})(?:/embed)?/?$"
)
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
_NOT_HANDLES = frozenset(["i", "intent", "share", "home", "search", "hashtag", "groups", "watch", "permalink.php"])


def spec_for_host(host: str) -> PlatformSpec | None:
    """The platform a host belongs to (`www.` and mobile prefixes included in the table)."""
    return _BY_HOST.get(host.lower().removeprefix("www.")) or _BY_HOST.get(host.lower())


def platform_of(url: str) -> Platform | None:
    """Which platform a URL is on, whether or not it is a post permalink."""
    host = (urlsplit(url).hostname or "").lower()
    spec = spec_for_host(host)
    if spec:
        return spec.platform
    if host.removeprefix("www.") in MASTODON_HOSTS:
        return Platform.MASTODON
    return None


def parse_permalink(url: str) -> PostRef | None:
    """Recognise a post permalink (or a post's embed URL) and return its platform, handle and id.

    Args:
        url: An absolute URL (any host alias; tracking parameters allowed).

    Returns:
        A `PostRef` with a canonical URL, or None when the URL is not a post.
    """
    while "&amp;" in url:  # an attribute escaped twice, or HTML-escaped text: "?a=1&amp;v=ID"
        url = url.replace("&amp;", "&")
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
    except ValueError:
        return None
    target = parts.path + ("?" + parts.query if parts.query else "")
    spec = spec_for_host(host)
    if spec is None:
        return _mastodon_ref(host, parts.path)
    if spec.platform is Platform.FACEBOOK and parts.path.startswith("/plugins/"):
        return _facebook_plugin(parts.query)
    if host in spec.short_hosts and spec.short_id is not None:
        short = spec.short_id.match(parts.path)
        return _post_ref(spec, short.groupdict()) if short else None
    for pattern in spec.permalinks:
        match = pattern.search(target)
        if match:
            return _post_ref(spec, match.groupdict())
    return None


def _mastodon_ref(host: str, path: str) -> PostRef | None:
    match = MASTODON_PATH.match(path)
    if not match or not host:
        return None
    handle, post_id = match.group("handle") or match.group("user"), match.group("id")
    return PostRef(Platform.MASTODON, handle, post_id, f"https://{host}/@{handle}/{post_id}")


def _facebook_plugin(query: str) -> PostRef | None:
    """`facebook.com/plugins/post.php?href=<encoded permalink>`: the post is the `href`."""
    match = re.search(r"(?:^|&)href=([^&]+)", query)
    inner = unquote(match.group(1)) if match else ""
    return parse_permalink(inner) if inner.startswith("http") and "/plugins/" not in inner else None


def _post_ref(spec: PlatformSpec, groups: dict[str, str | None]) -> PostRef | None:
    """Build the canonical permalink for a recognised post."""
    handle, post_id = groups.get("handle"), groups.get("id")
    if handle and handle.lower() in _NOT_HANDLES:
        handle = None
    if not post_id:
        return None
    url = _CANONICAL[spec.platform](handle, post_id, groups)
    if url is None:
        return None
    return PostRef(spec.platform, handle, post_id, url)


def _facebook_url(handle: str | None, post_id: str, groups: dict[str, str | None]) -> str:
    kind = (groups.get("kind") or "posts").lower()
    if kind in {"photo", "photos"}:
        return f"https://www.facebook.com/photo.php?fbid={post_id}"
    if kind == "reel":
        return f"https://www.facebook.com/reel/{post_id}"
    if handle and kind in {"posts", "videos"}:
        return f"https://www.facebook.com/{handle}/{kind}/{post_id}"
    if handle:
        return f"https://www.facebook.com/{handle}/posts/{post_id}"
    return f"https://www.facebook.com/permalink.php?story_fbid={post_id}"


def _reddit_url(handle: str | None, post_id: str, groups: dict[str, str | None]) -> str:
    community = groups.get("community")
    if community:
        return f"https://www.reddit.com/r/{community}/comments/{post_id}/"
    if handle:
        return f"https://www.reddit.com/user/{handle}/comments/{post_id}/"
    return f"https://www.reddit.com/comments/{post_id}/"


_CANONICAL: dict[Platform, Callable[[str | None, str, dict[str, str | None]], str | None]] = {
    Platform.TWITTER: lambda h, i, g: f"https://x.com/{h or 'i/web'}/status/{i}",
    Platform.INSTAGRAM: lambda h, i, g: f"https://www.instagram.com/p/{i}/",
    Platform.TIKTOK: lambda h, i, g: (
        f"https://www.tiktok.com/@{h}/video/{i}" if h else f"https://www.tiktok.com/embed/v2/{i}"
    ),
    Platform.YOUTUBE: lambda h, i, g: f"https://www.youtube.com/watch?v={i}",
    Platform.FACEBOOK: _facebook_url,
    Platform.TELEGRAM: lambda h, i, g: f"https://t.me/{h}/{i}",
    Platform.BLUESKY: lambda h, i, g: f"https://bsky.app/profile/{h}/post/{i}",
    Platform.THREADS: lambda h, i, g: (
        f"https://www.threads.net/@{h}/post/{i}" if h else f"https://www.threads.net/t/{i}"
    ),
    Platform.REDDIT: _reddit_url,
}

_AT_URI = re.compile(r"^at://(?P<repo>[\w:.%-]+)/app\.bsky\.feed\.post/(?P<rkey>\w+)$")


def bluesky_uri_url(uri: str) -> str | None:
    """The bsky.app permalink of an AT-protocol post URI (`at://did:plc:…/app.bsky.feed.post/<rkey>`)."""
    match = _AT_URI.match(uri.strip())
    return f"https://bsky.app/profile/{match.group('repo')}/post/{match.group('rkey')}" if match else None


_TWITTER_EPOCH_MS = 1288834974657
# Snowflake ids exist only from late 2010; smaller ids are sequential and carry no time.
_MIN_SNOWFLAKE = 1 << 32
_BLUESKY_TID = re.compile(r"^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$")
_TID_ALPHABET = "234567abcdefghijklmnopqrstuvwxyz"
# No platform that encodes time in its ids existed before 2006; a decoded time outside
# [2006, now + 1 day] means the id was not the kind assumed, so it is ignored.
_EARLIEST = datetime(2006, 1, 1, tzinfo=UTC)


def posted_from_id(platform: Platform, post_id: str | None) -> datetime | None:
    """Decode the creation time some platforms put in their post ids.

    X/Twitter snowflakes hold milliseconds since 2010-11-04 in the top 42 bits; TikTok ids
    hold Unix seconds in the top 32 bits; Bluesky record keys (TIDs) are base32-sortable
    microseconds since the Unix epoch; Mastodon ids (2.0 and later, and its forks such as
    Truth Social) hold Unix milliseconds above the low 16 bits. Other platforms' ids carry no time.
    """
    if not post_id:
        return None
    try:
        when = _decode(platform, post_id)
    except (OverflowError, OSError, ValueError):
        return None
    if when is None or not _EARLIEST <= when <= datetime.now(UTC) + timedelta(days=1):
        return None
    return when


def _decode(platform: Platform, post_id: str) -> datetime | None:
    digits = post_id.isdigit()
    if platform is Platform.TWITTER and digits and int(post_id) > _MIN_SNOWFLAKE:
        return datetime.fromtimestamp(((int(post_id) >> 22) + _TWITTER_EPOCH_MS) / 1000, tz=UTC)
    if platform is Platform.TIKTOK and digits and len(post_id) >= 18:
        return datetime.fromtimestamp(int(post_id) >> 32, tz=UTC)
    if platform is Platform.MASTODON and digits and len(post_id) >= 17:
        return datetime.fromtimestamp((int(post_id) >> 16) / 1000, tz=UTC)
    if platform is Platform.BLUESKY and _BLUESKY_TID.match(post_id):
        value = 0
        for char in post_id:
            value = value * 32 + _TID_ALPHABET.index(char)
        return datetime.fromtimestamp((value >> 10) / 1_000_000, tz=UTC)
    return None


def _embed_table() -> dict[str, list[str]]:
    table: dict[str, list[str]] = load_json("embed_markup.json")
    return table


# Embed markup as publishers paste it and CMSs wrap it (see tracer/data/embed_markup.json). The
# reader keeps matching elements whose URL is a post in the article text, and the embeds parser
# reads posts from them; one table keeps the two in step.
MARKUP_XPATH: str = " | ".join(_embed_table()["markup_selectors"])
CARRIER_XPATH: str = " | ".join(_embed_table()["carrier_selectors"])
EMBED_XPATH: str = MARKUP_XPATH + " | " + CARRIER_XPATH
