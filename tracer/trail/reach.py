"""Reaching the documents a trail leads to: pages, posts (via oEmbed) and archived copies.

Each URL is opened at most once per trace and becomes a `Node`: its `documents[]` entry, and,
when it could be read, the article and its own trace — read by the same reader and parsers as
the input. Failures are recorded on the node (dead, blocked, not cached, …), never raised:
one unreachable link must not end the trace of the others.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from tracer.errors import (
    BlockedURLError,
    FetchError,
    HTTPStatusError,
    NetworkError,
    NotCachedError,
    OutOfTimeError,
    RateLimitedError,
    TracerError,
)
from tracer.models import DocumentRef, DocumentStatus, DocumentVia, LinkKind, SourceKind, TraceResult, VisitStatus
from tracer.parse.article import parse_article
from tracer.parse.claims.matching import PassageIndex
from tracer.parse.claims.sources import guess_kind
from tracer.platforms import PostRef, parse_permalink, platform_of, spec_for, spec_for_host
from tracer.read.dating import publication_date
from tracer.read.document import Article, document_id, read_html, read_text
from tracer.trail.candidates import DocumentLinks
from tracer.trail.oembed import endpoint_for, fetch_post
from tracer.trail.parsed import Parsed, ParsedCache, key_of
from tracer.urls import is_media_link, is_short_link, link_kind
from tracer.web.archive import Wayback
from tracer.web.fetch import FetchedPage, Fetcher

LOGGER = logging.getLogger(__name__)

_DEAD_STATUSES = frozenset({404, 410})


@dataclass(frozen=True)
class Publisher:
    """Who stands behind a document: the source of the hop that reaches it."""

    name: str
    kind: SourceKind
    handle: str | None = None
    url: str | None = None


@dataclass
class Node:
    """One document reached while following claims."""

    ref: DocumentRef
    article: Article | None = None
    result: TraceResult | None = None
    publisher: Publisher | None = None
    urls: frozenset[str] = frozenset()
    index: PassageIndex | None = field(default=None, repr=False)
    is_post: bool = False  # a social post (through oEmbed, its own page, or an archived copy of either)
    link_index: DocumentLinks | None = field(default=None, repr=False)

    @property
    def readable(self) -> bool:
        """Whether the document was read (possibly from an archived copy)."""
        return self.article is not None and self.result is not None

    @property
    def status(self) -> VisitStatus:
        """What happened to a document that could not be read, as a visit reports it."""
        return VisitStatus(self.ref.status.value)

    def passages(self) -> PassageIndex:
        """The document's passages, indexed for matching (built on first use)."""
        if self.index is None:
            self.index = PassageIndex(self.article.text if self.article else "")
        return self.index

    def links(self) -> DocumentLinks:
        """The document's links, claims and sources indexed for `candidates_for` (built on first use)."""
        assert self.article is not None and self.result is not None
        if self.link_index is None:
            self.link_index = DocumentLinks(self.article, self.result)
        return self.link_index


def status_of(error: Exception) -> DocumentStatus:
    """How a failure is recorded: gone (404/410, DNS, refused, timeout) is dead; policy is blocked."""
    if isinstance(error, RateLimitedError):
        return DocumentStatus.RATE_LIMITED
    if isinstance(error, OutOfTimeError):
        return DocumentStatus.OUT_OF_TIME
    if isinstance(error, HTTPStatusError):
        return DocumentStatus.DEAD if error.status_code in _DEAD_STATUSES else DocumentStatus.FAILED
    if isinstance(error, NetworkError):
        return DocumentStatus.DEAD
    if isinstance(error, BlockedURLError):
        return DocumentStatus.BLOCKED
    if isinstance(error, NotCachedError):
        return DocumentStatus.NOT_CACHED
    return DocumentStatus.FAILED


def is_unreadable_social(url: str) -> bool:
    """A social-media page that is not a post (a profile, a media file): an app shell, nothing to read.

    Short links (`t.co/…`) are not: they redirect to the page a post shares, and lead on.
    """
    if parse_permalink(url) is not None or is_short_link(url):
        return False
    return link_kind(url) == LinkKind.SOCIAL_POST or platform_of(url) is not None


def why_not_followed(url: str, anchor: str = "") -> str | None:
    """Why the trail never opens a link, or None when it would: a post's photo or a platform page
    that is not a post (a profile, an app shell). The same rule for every caller, so a UI that
    follows a link the user picks skips what `tracer trace` skips."""
    if is_media_link(url, anchor):
        return "a post's photo or video: nothing to read"
    if is_unreadable_social(url):
        return "a social-media page, not a post: nothing to read"
    return None


def has_own_page(ref: PostRef) -> bool:
    """A post to read from its permalink page: a federated platform's post on an instance that is not
    one of its well-known hosts (a self-hosted Mastodon server). Its own server renders the post;
    the well-known hosts' oEmbed is asked first, as for every other platform."""
    host = urlsplit(ref.url).hostname or ""
    return spec_for(ref.platform).federated and spec_for_host(host) is None and host not in spec_for(ref.platform).hosts


class Opener:
    """Opens URLs into nodes, once each, through the run's fetcher.

    Args:
        fetcher: The run's fetcher (cache, politeness, address guard).
        oembed: oEmbed endpoint base per platform.
        archive: The Wayback endpoint to ask for dead pages, or None to leave them dead.
    """

    def __init__(self, fetcher: Fetcher, oembed: Mapping[str, str], archive: Wayback | None) -> None:
        self.fetcher = fetcher
        self.oembed = oembed
        self.archive = archive
        self.pages: dict[str, FetchedPage | FetchError] = {}
        self.parsed = ParsedCache.beside(fetcher)  # documents read and parsed before (None: parse every time)

    def prefetch(self, urls: Iterable[str]) -> None:
        """Fetch pages at once (each host within its limits) so that opening them does not wait."""
        todo = [u for u in urls if u not in self.pages and parse_permalink(u) is None and not is_unreadable_social(u)]
        if len(todo) > 1:
            self.pages.update(self.fetcher.get_many(todo, followed=True))

    def open(self, url: str, *, post: bool = False, anchor: str = "") -> Node:
        """Open a URL: a post through oEmbed or its own page, a page directly (or its archived copy if dead).

        Args:
            url: The URL as cited.
            post: The URL is an embedded post's permalink (on whatever host): read as a post
                even when no platform's permalink pattern knows it (mirrored, self-hosted embeds).
            anchor: The link's words (`pic.twitter.com/…` on a `t.co` link: a photo, not fetched).

        Never raises: a page that breaks the reader or a parser (a bug, or a page hostile
        enough to find one) is a failed node, logged, and the trace goes on.
        """
        reason = why_not_followed(url, anchor)
        if reason is not None and parse_permalink(url) is None:
            return _failed(url, DocumentStatus.SKIPPED, reason)
        try:
            return self._open(url, post)
        except Exception as exc:
            LOGGER.exception("internal error while reading %s", url)
            return _failed(url, DocumentStatus.FAILED, f"internal error while reading this page: {exc!r}")

    def _open(self, url: str, post: bool) -> Node:
        ref = parse_permalink(url)
        if ref is not None:
            return self._open_post(url, ref)
        if is_unreadable_social(url):
            return _failed(url, DocumentStatus.SKIPPED, "a social-media page, not a post: nothing to read")
        return self._open_page(url, post=post)

    def _open_page(self, url: str, *, post: bool = False) -> Node:
        via = DocumentVia.POST if post else DocumentVia.LINK
        page = self.pages.pop(url, None) or self._get(url)
        if isinstance(page, FetchError):
            return self._open_dead(url, page, via)
        return self._read(url, page, via, post=post)

    def _get(self, url: str) -> FetchedPage | FetchError:
        try:
            return self.fetcher.get(url, followed=True)
        except FetchError as exc:
            return exc
        except TracerError as exc:  # an unsupported scheme in a link
            return FetchError(str(exc), url)

    def _open_dead(self, url: str, error: FetchError, via: DocumentVia = DocumentVia.LINK) -> Node:
        status = status_of(error)
        if status is not DocumentStatus.DEAD or self.archive is None:
            return _failed(url, status, str(error), via)
        capture = self.archive.earliest(url)
        if capture is None:
            return _failed(url, status, f"{error}; no archived copy", via)
        try:
            page = self.archive.fetch(capture)
        except FetchError as exc:
            return _failed(url, status, f"{error}; archived copy unreadable: {exc}", via)
        node = self._read(url, page, DocumentVia.ARCHIVE, document_url=url, post=via is DocumentVia.POST)
        node.ref.status = DocumentStatus.DEAD
        node.ref.error = str(error)
        node.ref.archive_url = capture.replay_url
        node.ref.archived_at = capture.captured
        return node

    def _open_post(self, url: str, ref: PostRef) -> Node:
        """A post through its platform's oEmbed; through its own page on a self-hosted instance, or
        when the oEmbed answer holds no text (Mastodon answers with an iframe only)."""
        if has_own_page(ref):
            return self._open_page(ref.url, post=True)
        endpoint = endpoint_for(ref, self.oembed)
        if endpoint is None:
            reason = f"no public oEmbed endpoint for {ref.platform.value} posts; the embed markup is all there is"
            return _failed(ref.url, DocumentStatus.SKIPPED, reason, DocumentVia.POST)
        try:
            post = fetch_post(self.fetcher, ref, endpoint)
        except FetchError as exc:
            return _failed(ref.url, status_of(exc), str(exc), DocumentVia.POST)
        if not post.has_text and spec_for(ref.platform).federated:
            return self._open_page(ref.url, post=True)
        page = FetchedPage(url, ref.url, 200, "text/html", post.html.encode("utf-8"), post.from_cache)
        node = self._read(url, page, DocumentVia.POST)
        name = post.author or (f"@{post.handle}" if post.handle else ref.platform.value)
        node.publisher = Publisher(name, SourceKind.SOCIAL_ACCOUNT, post.handle, ref.url)
        node.is_post = True
        return node

    def _read(
        self, url: str, page: FetchedPage, via: DocumentVia, document_url: str | None = None, *, post: bool = False
    ) -> Node:
        """Read a fetched page with the input's reader and parsers; a failure is a recorded node."""
        final = document_url or page.final_url
        key = key_of(page.content, url, final, page.content_type, via, str(post))
        kept = self.parsed.get(key) if self.parsed else None
        if kept is None:
            try:
                article = read_page(page, final)
            except TracerError as exc:
                return _failed(url, DocumentStatus.FAILED, str(exc), via)
            doc = article.document
            doc.published = doc.published or publication_date(article.tree, article.text, final)
            kept = Parsed(article, parse_article(article))
            if self.parsed:
                self.parsed.put(key, kept.article, kept.result)
        article = kept.article
        doc = article.document
        ref = DocumentRef(
            id=doc.id,
            url=doc.url,
            title=doc.title,
            site_name=doc.site_name,
            published=doc.published,
            authors=list(doc.authors),
            requested_url=url if url != doc.url else None,
            redirects=list(page.redirects),
            via=via,
            from_cache=page.from_cache,
        )
        urls = frozenset(u for u in (url, final, doc.url, *page.redirects) if u)
        publisher = _post_author(ref, url) if post else _publisher(ref)
        return Node(ref, article, kept.result, publisher, urls, is_post=post)


def read_page(page: FetchedPage, url: str) -> Article:
    """Read a fetched page by its content type (HTML, or plain text when it says so), as `read_url` does."""
    reader = read_html if page.is_html or not page.content_type else read_text
    return reader(page.content, url=url, content_type=page.content_type)


def _failed(url: str, status: DocumentStatus, error: str, via: DocumentVia = DocumentVia.LINK) -> Node:
    ref = DocumentRef(id=document_id(url), url=url, status=status, error=error, via=via)
    return Node(ref, urls=frozenset({url}))


def _post_author(ref: DocumentRef, url: str) -> Publisher:
    """Who wrote a post read from its own page: the page's author, else the permalink's handle."""
    permalink = parse_permalink(ref.url or url) or parse_permalink(url)
    handle = permalink.handle if permalink else None
    name = (ref.authors[0] if ref.authors else None) or (f"@{handle}" if handle else None)
    if name is None:
        return _publisher(ref)
    return Publisher(name, SourceKind.SOCIAL_ACCOUNT, handle, ref.url or url)


def _publisher(ref: DocumentRef) -> Publisher:
    """The site's name (its kind guessed from the name), else the first author, else the host."""
    if ref.site_name:
        kind = guess_kind(ref.site_name)
        if kind in {SourceKind.PERSON, SourceKind.UNKNOWN, SourceKind.UNNAMED, SourceKind.ANONYMOUS}:
            kind = SourceKind.ORGANISATION
        return Publisher(ref.site_name, kind, url=ref.url)
    if ref.authors:
        return Publisher(ref.authors[0], SourceKind.PERSON, url=ref.url)
    host = urlsplit(ref.url or "").hostname or "unknown site"
    return Publisher(host.removeprefix("www."), SourceKind.ORGANISATION, url=ref.url)
