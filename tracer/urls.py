"""URL normalisation and link classification: one canonical form per page, so that duplicates
and cycles are visible and two spellings of the same post compare equal."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from urllib.parse import SplitResult, parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from tracer.datafiles import load_json
from tracer.models import LinkKind
from tracer.platforms import MEDIA_HOSTS, VIDEO_HOSTS, parse_permalink, spec_for, spec_for_host

_TRACKING_PARAM = re.compile(
    r"^(utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|igsh|ref_src|ref_url|s|t|si|src|"
    r"cmpid|ocid|smid|smtyp|share|sh|__twitter_impression|_ga|yclid|ito|ico|CMP|srsltid|itid|itm_\w+)$",
    re.IGNORECASE,
)
# Parameters like ?s=20 and ?t=… are tracking only on social hosts; elsewhere they may be a
# search or a page id, so only the unambiguous ones are dropped for ordinary sites.
_SOCIAL_ONLY_PARAMS = {"s", "t", "si", "src", "share", "sh"}


def absolute_url(url: str, base: str | None = None) -> str | None:
    """A link target resolved against `base` but otherwise as written, or None for non-web links.

    Post permalinks are read from this form: the canonical URL may drop parts of the original
    (a Facebook photo's page name) that still say who posted it.
    """
    url = url.strip()
    if not url or url.startswith(("mailto:", "javascript:", "tel:", "data:", "#")):
        return None
    if url.startswith("//"):
        url = "https:" + url
    try:
        if base:
            url = urljoin(base, url)
        parts = urlsplit(url)
        if parts.scheme.lower() not in {"http", "https"} or not parts.hostname:
            return None
    except ValueError:  # malformed host or IPv6 literal in a page's markup
        return None
    return url


def normalise_url(url: str, base: str | None = None) -> str | None:
    """Absolute, canonical form of a link target, or None for non-web links.

    Resolves against `base`, lower-cases scheme and host, drops default ports, fragments,
    tracking parameters and `www.`/mobile variants of social hosts, and rewrites post
    permalinks to their platform's canonical URL (twitter.com and x.com unified).
    """
    absolute = absolute_url(url, base)
    if absolute is None:
        return None
    post = parse_permalink(absolute)
    if post:
        return post.url
    try:
        return _canonical(urlsplit(absolute))
    except ValueError:  # an invalid port number
        return None


def _canonical(parts: SplitResult) -> str:
    assert parts.hostname is not None
    host = parts.hostname.lower()
    if ":" in host:  # an IPv6 literal keeps its brackets, or the port would read as part of it
        host = f"[{host}]"
    if parts.port and parts.port not in {80, 443}:
        host = f"{host}:{parts.port}"
    spec = spec_for_host(parts.hostname)
    keep = set(spec.keep_params) if spec else set()
    query = [
        (key, value)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
        if key in keep or not _is_tracking(key, social=spec is not None)
    ]
    if spec and spec.canonical_host:
        host = spec.canonical_host
    path = parts.path or "/"
    return urlunsplit((parts.scheme.lower(), host, path, urlencode(query), ""))


def _is_tracking(key: str, *, social: bool) -> bool:
    if not _TRACKING_PARAM.match(key):
        return False
    return social or key.lower() not in _SOCIAL_ONLY_PARAMS


_SECOND_LEVEL = frozenset(["co", "com", "org", "net", "gov", "ac", "go", "or", "ne", "edu"])


def site_of(url: str) -> str:
    """The site a URL belongs to, as its main domain label: 'bbc' for www.bbc.co.uk and bbc.com.

    Good enough to tell a site's own pages from other sites' without a public-suffix list.
    """
    labels = [label for label in (urlsplit(url).hostname or "").lower().split(".") if label != "www"]
    if len(labels) < 2:
        return labels[0] if labels else ""
    return labels[-3] if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL else labels[-2]


@lru_cache(maxsize=1)
def _kind_table() -> dict[str, list[str]]:
    table: dict[str, list[str]] = load_json("link_kinds.json")
    return table


def _host_matches(host: str, domains: Iterable[str]) -> bool:
    return any(host == d or host.endswith("." + d) for d in domains)


def is_short_link(url: str) -> bool:
    """A link shortener's URL (`t.co/…`, `bit.ly/…`): a redirect to the page it stands for."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    return bool(parts.path.strip("/")) and _host_matches(host, _kind_table()["short_link_hosts"])


def is_media_link(url: str, anchor: str = "") -> bool:
    """A link to a post's photo or video: on a media host (`pic.twitter.com/…`), or a short link
    whose visible text names one (`<a href="https://t.co/x">pic.twitter.com/x</a>`, as every
    tweet with a picture writes it). Nothing to read there: the post is the document."""
    host = (urlsplit(url).hostname or "").lower()
    if _host_matches(host, MEDIA_HOSTS) and not is_short_link(url):
        return True
    shown = anchor.strip().removeprefix("https://").removeprefix("http://").split("/", 1)[0].lower()
    return is_short_link(url) and shown != host and _host_matches(shown, MEDIA_HOSTS)


def link_kind(url: str) -> LinkKind:
    """Classify a normalised URL as a social post, news article, archive, document, video or other."""
    table = _kind_table()
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    path = parts.path.lower()
    if _host_matches(host, table["archive_hosts"]):
        return LinkKind.ARCHIVE
    if _host_matches(host, MEDIA_HOSTS):
        return LinkKind.SOCIAL_POST
    post = parse_permalink(url)
    if post:
        return spec_for(post.platform).link_kind
    if _host_matches(host, VIDEO_HOSTS) or _host_matches(host, table["video_hosts"]):
        return LinkKind.VIDEO
    if path.endswith(tuple(table["document_extensions"])) or _is_government(host, table):
        return LinkKind.DOCUMENT
    if _host_matches(host, table["news_hosts"]) or _looks_like_article(path):
        return LinkKind.NEWS_ARTICLE
    return LinkKind.OTHER


def _is_government(host: str, table: dict[str, list[str]]) -> bool:
    return any(host.endswith(suffix) for suffix in table["government_suffixes"])


# A dated path ("/2019/09/12/"), the mark of one story's address on most news sites.
_DATED = r"/(19|20)\d\d/(0?[1-9]|1[0-2])/"
_DATED_PATH = re.compile(_DATED)
_ARTICLE_PATH = re.compile(_DATED + r"|/(news|story|article|articles|politics|world)/|-\d{5,}")
# A headline slug has at least this many hyphens ("beijing-air-improves-dramatically-in-...").
_SLUG_HYPHENS = 4


def is_story_url(url: str) -> bool:
    """Whether a URL is one story's page (a dated path or a headline slug), not a section, topic
    or tag page ("/topic/donald-trump", "/latest/prince-harry"): a link there on a
    name ("Chinese cities like <a>Beijing</a> have managed to ...") cites that story, where a link
    to a topic page only tags the name (gold_fresh3a miss)."""
    path = urlsplit(url).path.lower()
    return bool(_DATED_PATH.search(path)) or any(part.count("-") >= _SLUG_HYPHENS for part in path.split("/"))


def _looks_like_article(path: str) -> bool:
    """Dated paths, /news/ sections and long slugs are how news sites shape article URLs."""
    slug = path.rstrip("/").rsplit("/", 1)[-1]
    return bool(_ARTICLE_PATH.search(path)) or slug.count("-") >= _SLUG_HYPHENS
