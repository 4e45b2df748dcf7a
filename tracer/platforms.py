"""Platform knowledge in one table: hosts, permalink and embed-URL shapes, canonical URLs, names,
oEmbed endpoints, embed markup, link kinds, id-to-time decoders.

The table is data (`tracer/data/platforms.json`, which says how it was chosen) and this module is
the only one that reads it: every other module asks here ("is this URL a post? whose? which id?
when? what is the platform called? which markup embeds it?") instead of keeping its own list, so
adding a platform or a host alias is a one-place change. Embed URLs (`/embed/` iframes, Facebook's
`plugins/post.php?href=…`, `platform.twitter.com/embed/Tweet.html?id=…`) are recognised here too,
so an iframe and a permalink of the same post come out as one canonical URL.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from string import Formatter
from typing import Any
from urllib.parse import unquote, urlsplit

from tracer.datafiles import load_json
from tracer.models import LinkKind, Platform


@dataclass(frozen=True, slots=True)
class PostRef:
    """What a permalink says about a post."""

    platform: Platform
    handle: str | None
    post_id: str | None
    url: str


@dataclass(frozen=True, slots=True)
class CanonicalUrl:
    """One way to write a post's canonical URL: a template and when it applies."""

    template: str
    fields: frozenset[str]
    # Facebook: the permalink kinds (posts, videos, photos, reel…) this form is for; empty: any.
    kinds: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class IdAttribute:
    """An embed attribute that holds a post id rather than a URL (`data-tweet-id`, `data-shortcode`)."""

    attribute: str
    template: str
    # The tags it is read on; empty: any (other tags use `data-shortcode` for other things).
    tags: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class EmbedSpec:
    """How publishers embed a platform's posts."""

    # (tag, classes, attributes): a `tag` element with one of the classes or attributes.
    markup: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = ()
    # Whole custom elements (AMP components, lite-youtube): embeds, and paragraphs for the reader.
    elements: tuple[str, ...] = ()
    url_attributes: tuple[str, ...] = ()
    at_uri_attributes: tuple[str, ...] = ()
    id_attributes: tuple[IdAttribute, ...] = ()


@dataclass(frozen=True, slots=True)
class PlatformSpec:
    """One platform: its name, the hosts it answers on, how its permalinks look, how it is embedded."""

    platform: Platform
    name: str
    hosts: tuple[str, ...]
    canonical_host: str | None
    # Patterns over the URL path (and query, after '?'); named groups `handle`, `id`, and for
    # some platforms `kind` (Facebook posts/videos/photos) or `community` (a subreddit).
    permalinks: tuple[re.Pattern[str], ...]
    canonical_urls: tuple[CanonicalUrl, ...]
    # Query parameters that carry meaning (YouTube's ?v=); all others are dropped.
    keep_params: tuple[str, ...] = ()
    # Short-link hosts (youtu.be, redd.it) whose whole path is the post id.
    short_hosts: tuple[str, ...] = ()
    short_id: re.Pattern[str] | None = None
    link_kind: LinkKind = LinkKind.SOCIAL_POST
    media_hosts: tuple[str, ...] = ()
    oembed: str | None = None
    embed: EmbedSpec = EmbedSpec()
    # Federated (Mastodon): any host may serve it, so posts are recognised by path shape alone.
    federated: bool = False


def _canonical_url(entry: str | Mapping[str, Any]) -> CanonicalUrl:
    template, kinds = (entry, ()) if isinstance(entry, str) else (entry["url"], entry.get("kinds", ()))
    fields = frozenset(name for _, name, _, _ in Formatter().parse(template) if name)
    return CanonicalUrl(template, fields, frozenset(kinds))


def _embed(entry: Mapping[str, Any]) -> EmbedSpec:
    return EmbedSpec(
        markup=tuple(
            (m["tag"], tuple(m.get("classes", ())), tuple(m.get("attributes", ()))) for m in entry.get("markup", ())
        ),
        elements=tuple(entry.get("elements", ())),
        url_attributes=tuple(entry.get("url_attributes", ())),
        at_uri_attributes=tuple(entry.get("at_uri_attributes", ())),
        id_attributes=tuple(
            IdAttribute(a["attribute"], a["url"], frozenset(a.get("tags", ()))) for a in entry.get("id_attributes", ())
        ),
    )


def _spec(key: str, entry: Mapping[str, Any]) -> PlatformSpec:
    """One platform's row of the table. Permalinks match case-insensitively; short ids and the
    federated path shape (read on the path alone) are case-sensitive, as written."""
    federated = bool(entry.get("federated", False))
    flags = 0 if federated else re.IGNORECASE
    return PlatformSpec(
        platform=Platform(key),
        name=entry["name"],
        hosts=tuple(entry["hosts"]),
        canonical_host=entry.get("canonical_host"),
        permalinks=tuple(re.compile(p, flags) for p in entry["permalinks"]),
        canonical_urls=tuple(_canonical_url(c) for c in entry["canonical_urls"]),
        keep_params=tuple(entry.get("keep_params", ())),
        short_hosts=tuple(entry.get("short_hosts", ())),
        short_id=re.compile(entry["short_id"]) if entry.get("short_id") else None,
        link_kind=LinkKind(entry.get("link_kind", LinkKind.SOCIAL_POST)),
        media_hosts=tuple(entry.get("media_hosts", ())),
        oembed=entry.get("oembed"),
        embed=_embed(entry.get("embed", {})),
        federated=federated,
    )


def _load() -> tuple[tuple[PlatformSpec, ...], frozenset[str]]:
    table: dict[str, Any] = load_json("platforms.json")
    specs = tuple(_spec(key, entry) for key, entry in table["platforms"].items())
    return specs, frozenset(table["not_handles"])


PLATFORMS, _NOT_HANDLES = _load()
_BY_PLATFORM = {spec.platform: spec for spec in PLATFORMS}
_BY_HOST = {host: spec for spec in PLATFORMS if not spec.federated for host in spec.hosts}
_FEDERATED = tuple(spec for spec in PLATFORMS if spec.federated)


def spec_for(platform: Platform) -> PlatformSpec:
    """A platform's row of the table."""
    return _BY_PLATFORM[platform]


def display_name(platform: Platform) -> str:
    """The platform's name as people write it ('X (Twitter)', 'YouTube')."""
    return _BY_PLATFORM[platform].name


def oembed_endpoints() -> dict[str, str]:
    """The public, key-free oEmbed endpoint base of each platform that has one, by platform value."""
    return {spec.platform.value: spec.oembed for spec in PLATFORMS if spec.oembed}


def spec_for_host(host: str) -> PlatformSpec | None:
    """The platform a host belongs to (`www.` and mobile prefixes included in the table).

    Federated platforms are left out: their hosts are anyone's, so their URLs keep their host.
    """
    return _BY_HOST.get(host.lower().removeprefix("www.")) or _BY_HOST.get(host.lower())


def platform_of(url: str) -> Platform | None:
    """Which platform a URL is on, whether or not it is a post permalink."""
    host = (urlsplit(url).hostname or "").lower()
    spec = spec_for_host(host)
    if spec:
        return spec.platform
    for federated in _FEDERATED:
        if host.removeprefix("www.") in federated.hosts:
            return federated.platform
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
        return _federated_ref(host, parts.path)
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


def _federated_ref(host: str, path: str) -> PostRef | None:
    """A post of a federated platform, on whatever host serves it (its own host stays in the URL)."""
    if not host:
        return None
    for spec in _FEDERATED:
        for pattern in spec.permalinks:
            match = pattern.match(path)
            if match:
                return _post_ref(spec, match.groupdict(), host)
    return None


def _facebook_plugin(query: str) -> PostRef | None:
    """`facebook.com/plugins/post.php?href=<encoded permalink>`: the post is the `href`."""
    match = re.search(r"(?:^|&)href=([^&]+)", query)
    inner = unquote(match.group(1)) if match else ""
    return parse_permalink(inner) if inner.startswith("http") and "/plugins/" not in inner else None


def _post_ref(spec: PlatformSpec, groups: dict[str, str | None], host: str | None = None) -> PostRef | None:
    """Build the canonical permalink for a recognised post (None when no canonical form fits)."""
    handle, post_id = groups.get("handle") or groups.get("user"), groups.get("id")
    if handle and not spec.federated and handle.lower() in _NOT_HANDLES:
        handle = None
    if not post_id:
        return None
    values = {
        "handle": handle,
        "id": post_id,
        "community": groups.get("community"),
        "kind": (groups.get("kind") or "posts").lower(),
        "host": host,
    }
    url = _fill(spec.canonical_urls, values)
    return PostRef(spec.platform, handle, post_id, url) if url else None


def _fill(forms: Iterable[CanonicalUrl], values: Mapping[str, str | None]) -> str | None:
    """The first canonical form whose fields are all known and whose kinds include the post's kind."""
    for form in forms:
        if form.kinds and values["kind"] not in form.kinds:
            continue
        if all(values.get(name) for name in form.fields):
            return form.template.format_map(values)
    return None


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


def _markup_xpath(specs: Iterable[PlatformSpec]) -> str:
    """One XPath union over every platform's embed markup: per tag, any of its classes or attributes."""
    tests: dict[str, list[str]] = {}
    for spec in specs:
        for tag, classes, attributes in spec.embed.markup:
            tests.setdefault(tag, []).extend(f"contains(@class,'{c}')" for c in classes)
            tests[tag].extend(f"@{a}" for a in attributes)
    paths = [f"//{tag}[{' or '.join(conditions)}]" for tag, conditions in tests.items()]
    paths += [f"//{element}" for spec in specs for element in spec.embed.elements]
    return " | ".join(paths)


# Embed markup as publishers paste it. The reader keeps matching elements whose URL is a post in
# the article text, and the embeds parser reads posts from them; one table keeps the two in step.
MARKUP_XPATH: str = _markup_xpath(PLATFORMS)
# Custom elements that are embeds (AMP components, lite-youtube): the reader treats them as paragraphs.
EMBED_ELEMENTS: frozenset[str] = frozenset(e for spec in PLATFORMS for e in spec.embed.elements)
# Words whose presence in a string means it may hold embed markup (class names, attributes, elements).
EMBED_MARKERS: tuple[str, ...] = tuple(
    dict.fromkeys(
        word
        for spec in PLATFORMS
        for words in (*((*classes, *attributes) for _, classes, attributes in spec.embed.markup), spec.embed.elements)
        for word in words
    )
)
# Attributes of embed markup that hold the post's URL, its AT-protocol URI, or its id.
URL_ATTRIBUTES: tuple[str, ...] = tuple(a for spec in PLATFORMS for a in spec.embed.url_attributes)
AT_URI_ATTRIBUTES: tuple[str, ...] = tuple(a for spec in PLATFORMS for a in spec.embed.at_uri_attributes)
ID_ATTRIBUTES: tuple[IdAttribute, ...] = tuple(a for spec in PLATFORMS for a in spec.embed.id_attributes)
# Hosts whose links are posts though not permalinks (media, short links), and hosts of video platforms.
MEDIA_HOSTS: tuple[str, ...] = tuple(h for spec in PLATFORMS for h in spec.media_hosts)
VIDEO_HOSTS: tuple[str, ...] = tuple(h for spec in PLATFORMS if spec.link_kind is LinkKind.VIDEO for h in spec.hosts)


def markup_platform(tag: str, classes: str, attributes: Iterable[str]) -> Platform | None:
    """The platform whose embed markup an element is (a `tag` with one of its classes or attributes)."""
    names = set(attributes)
    for spec in PLATFORMS:
        for markup_tag, markup_classes, markup_attributes in spec.embed.markup:
            if markup_tag == tag and (any(c in classes for c in markup_classes) or names & set(markup_attributes)):
                return spec.platform
    return None


def id_attribute_url(attribute: IdAttribute, value: str, tag: str) -> str | None:
    """The post URL an id attribute names on an element of `tag`, or None when it is not read there."""
    if attribute.tags and tag not in attribute.tags:
        return None
    return value if value.startswith("http") else attribute.template.format(value)
