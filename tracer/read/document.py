"""Read an article (HTML or plain text) into one plain text, its metadata and the spans of its
paragraphs and links.

HTML and plain text arrive at the same `Article` shape. For HTML, trafilatura decides which
paragraphs are the article body, but the text is built here by walking the original DOM, so
every link and every embedded post keeps its position (offsets into `Article.text`), and embeds
that the extractor throws away stay in the text where the publisher put them.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property

import lxml.etree as etree
from lxml.html import HtmlElement
from trafilatura.core import bare_extraction, determine_returnstring
from trafilatura.settings import Document as TrafilaturaDocument
from trafilatura.settings import Extractor

from tracer.errors import EmptyInputError, ParseError
from tracer.models import Document
from tracer.models import document_id as document_id  # where the parsers and the trail import it from
from tracer.platforms import EMBED_ELEMENTS
from tracer.read.embed_markup import find_embeds, in_article, within
from tracer.read.encoding import decode_bytes
from tracer.read.metadata import read_metadata
from tracer.read.nesting import parse_deep
from tracer.read.scrape_meta import scrape_date, scrape_title
from tracer.text import SentenceIndex, Span, clean_text, find_urls, paragraphs, squash
from tracer.urls import normalise_url

LOGGER = logging.getLogger(__name__)

_HTML_BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "dd",
        "details",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
        "iframe",
    ]
)
# A post's custom element (amp-twitter, amp-reddit, lite-youtube…, from the platform table) is a paragraph of its own.
_BLOCK_TAGS = _HTML_BLOCK_TAGS | EMBED_ELEMENTS
_SKIP_TAGS = frozenset(
    [
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "head",
        "button",
        "select",
        "option",
        "textarea",
        "input",
        "math",
        # Ruby annotations (furigana readings, their fallback parentheses): glosses of the base
        # text, which extractors leave out; kept, they split words ("痴漢（ちかん）").
        "rt",
        "rp",
    ]
)
# trafilatura's XML output: elements that are paragraphs of the body.
_XML_BLOCK_TAGS = frozenset(["p", "head", "item", "quote", "cell", "row", "list", "table", "code", "main", "doc"])
# A run of text shorter than this must equal a whole extracted paragraph to count as body
# text; longer runs may be contained in one (the extractor sometimes merges paragraphs).
# 25 characters keeps short dateline-like paragraphs while refusing menu items.
_MIN_CONTAINED_CHARS = 25
# Runs this long decide where the article's container is (short runs can be stray matches).
_CONTAINER_RUN_CHARS = 80


@dataclass(frozen=True, slots=True)
class Anchor:
    """A link inside the article text."""

    href: str
    url: str | None
    start: int
    end: int
    element: HtmlElement | None = None


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph of the article text and the element it came from."""

    start: int
    end: int
    element: HtmlElement | None = None
    embed: HtmlElement | None = None


@dataclass
class Article:
    """A document read into text, with the spans the parsers need. Internal, never serialised."""

    document: Document
    blocks: list[Block] = field(default_factory=list)
    anchors: list[Anchor] = field(default_factory=list)
    tree: HtmlElement | None = None
    encoding: str | None = None
    # The element holding the article body (lowest common ancestor of the body paragraphs), when
    # the extractor found one; embeds outside it are checked against page furniture.
    body: HtmlElement | None = None

    @property
    def text(self) -> str:
        """The article text all offsets index into."""
        return self.document.text

    @cached_property
    def sentence_index(self) -> SentenceIndex:
        """The text's sentences, split once for every claim that asks."""
        return SentenceIndex(self.text)


# Whitespace of any kind, as the text shows it: one space.
_SPACES = re.compile(r"\s+")


@dataclass(slots=True)
class _Run:
    """Text gathered between two block boundaries while walking a DOM."""

    parts: list[str] = field(default_factory=list)
    length: int = 0
    anchors: list[tuple[str, int, int, HtmlElement]] = field(default_factory=list)
    element: HtmlElement | None = None
    embed: HtmlElement | None = None

    @property
    def text(self) -> str:
        return "".join(self.parts)


class _Walker:
    """Flattens a DOM into runs of inline text, one per block element, recording anchors.

    This walk visits every element of the page, so it is written for speed (no per-text method
    calls, empty runs reused): 0.53 of the reader's 4.9 s on the 106 corpus pages before.
    """

    def __init__(
        self, block_tags: frozenset[str], embeds: Iterable[HtmlElement] = (), skip_tags: frozenset[str] = _SKIP_TAGS
    ) -> None:
        self.block_tags = block_tags
        self.skip_tags = skip_tags
        self.embeds = set(embeds)
        self.runs: list[_Run] = []
        self.current = _Run()
        self.blocks: list[HtmlElement] = []
        self.open_anchors: list[tuple[str, int, HtmlElement]] = []
        self.embed: HtmlElement | None = None

    def flush(self) -> None:
        """Close the current run at a block boundary and start the next one.

        An empty run is left as it is: it holds no text, no anchors, and the first text added to
        it sets its element and embed. Most boundaries close nothing.
        """
        run = self.current
        if run.length == 0:
            return
        text = run.text.rstrip()
        run.parts, run.length = [text], len(text)
        run.anchors = [(h, s, min(e, run.length), el) for h, s, e, el in run.anchors if s < run.length]
        self.runs.append(run)
        self.current = _Run()
        if self.open_anchors:
            self.open_anchors = [(h, 0, el) for h, _, el in self.open_anchors]

    def append(self, text: str) -> None:
        """Add inline text: whitespace collapsed, none at a run's start or after a space."""
        run = self.current
        text = _SPACES.sub(" ", text)
        if run.length == 0:
            text = text.lstrip()
            if not text:
                return
            run.element = self.blocks[-1] if self.blocks else None
            run.embed = self.embed
        elif run.parts[-1].endswith(" "):
            text = text.lstrip()
        run.parts.append(text)
        run.length += len(text)

    def walk(self, root: HtmlElement) -> list[_Run]:
        # Comments and processing instructions come as their own events: their text is not the
        # page's, but the text after them (their tail) is ("I like <!-- -->our situation").
        walker = etree.iterwalk(root, events=("start", "end", "comment", "pi"))
        append, flush, blocks = self.append, self.flush, self.blocks
        block_tags, skip_tags = self.block_tags, self.skip_tags
        for event, el in walker:
            tag = el.tag
            tag = tag.lower() if isinstance(tag, str) else None
            if event == "start":
                if tag is None or tag in skip_tags:
                    walker.skip_subtree()
                    continue
                if self.embed is None and el in self.embeds:
                    flush()
                    self.embed = el
                if tag in block_tags:
                    flush()
                    blocks.append(el)
                elif tag == "br" or tag == "lb":
                    flush()
                if tag == "a" and el.get("href"):
                    self.open_anchors.append((el.get("href", ""), self.current.length, el))
                if el.text:
                    append(el.text)
            elif event == "end":
                if tag == "a" and self.open_anchors and self.open_anchors[-1][2] is el:
                    href, start, _ = self.open_anchors.pop()
                    if self.current.length > start:
                        self.current.anchors.append((href, start, self.current.length, el))
                if tag in block_tags:
                    flush()
                    blocks.pop()
                if el is self.embed:
                    flush()
                    self.embed = None
                if el.tail:
                    append(el.tail)
            elif el.tail:
                append(el.tail)
        flush()
        return self.runs


def _extracted_segments(html: str, url: str | None) -> list[str]:
    """Paragraph texts of the article body as trafilatura sees it (empty if it finds none)."""
    try:
        xml = _extract_xml(html, url)
    except Exception as exc:
        LOGGER.warning("trafilatura failed: %s", exc)
        return []
    if not xml:
        return []
    root = etree.fromstring(xml.encode("utf-8"), etree.XMLParser(recover=True))
    main = root.find("main")
    runs = _Walker(_XML_BLOCK_TAGS, skip_tags=frozenset()).walk(main if main is not None else root)
    return [squash(run.text) for run in runs]


def _extract_xml(html: str, url: str | None) -> str | None:
    """What `trafilatura.extract(html, url=url, output_format="xml", ...)` returns, minus its work we discard.

    `extract` ends by hashing the whole text into a similarity fingerprint for its metadata
    (`content_fingerprint`), which the XML body never shows: 0.37 of the reader's 6.0 s on the
    106 corpus pages under cProfile. These are the steps of `trafilatura.core._internal_extraction`
    (2.3.1, pinned) without it; the XML string is the same.
    """
    options = Extractor(
        output_format="xml",
        comments=False,
        tables=True,
        images=False,
        links=False,
        dedup=False,
        url=url,
        with_metadata=False,
    )
    document = bare_extraction(html, options=options, as_dict=False)
    if not isinstance(document, TrafilaturaDocument):
        return None
    return determine_returnstring(document, options)


def _lowest_common_ancestor(elements: list[HtmlElement]) -> HtmlElement | None:
    if not elements:
        return None
    common = [elements[0], *elements[0].iterancestors()]
    for el in elements[1:]:
        ancestry = {id(a) for a in (el, *el.iterancestors())}
        common = [a for a in common if id(a) in ancestry]
    return common[0] if common else None


def _select_body(
    runs: list[_Run], segments: list[str], title: str | None = None
) -> tuple[list[_Run], HtmlElement | None]:
    """Keep the runs that trafilatura counts as body text, plus the embeds that belong to the article.

    Returns the kept runs and the body container (None when the extractor found no body).
    """
    if not segments:
        return _fallback_body(runs), None
    keys = [_match_key(segment) for segment in segments]
    exact = set(keys)
    joined = " \n ".join(keys)

    def is_body(run: _Run) -> bool:
        norm = _match_key(run.text)
        return norm in exact or (len(norm) >= _MIN_CONTAINED_CHARS and norm in joined)

    kept = [run for run in runs if run.embed is None and is_body(run)]
    if not kept:
        return _fallback_body(runs), None
    container = _container(kept)
    story = _own_story(container, kept, title)
    if story is not None:
        kept = [r for r in kept if r.element is not None and within(r.element, story)]
        container = _container(kept)
    keep_ids = {id(r) for r in kept}
    # An embed the extractor kept text of is the article's, whatever its wrappers are called
    # ('sidebar__main' around a whole story); others must sit in the article, outside furniture.
    matched = {
        id(r.embed) for r in runs if r.embed is not None and (story is None or within(r.embed, story)) and is_body(r)
    }

    def keep_embed(embed: HtmlElement) -> bool:
        return id(embed) in matched or in_article(embed, container)

    body = [r for r in runs if id(r) in keep_ids or (r.embed is not None and keep_embed(r.embed))]
    return body, container


# Characters the extractor drops from its text (soft hyphens, zero-width spaces and joiners,
# BOMs, bidirectional marks and isolates): a paragraph that holds one must still match its
# extracted twin.
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2066\u2067\u2068\u2069\ufeff"
_INVISIBLE_TABLE = str.maketrans("", "", _INVISIBLE)


# What keeps a text from being its own key: whitespace other than single inner spaces, or an
# invisible character. Nearly every run the walker builds has none (20,436 of 20,672 on the
# corpus), and one search finds that faster than rebuilding it (0.086 -> 0.031 s).
_NOT_A_KEY = re.compile(rf"[^\S ]|  |^ | $|[{_INVISIBLE}]")


def _match_key(text: str) -> str:
    """The text as the extractor's would read: invisible characters out, whitespace squashed."""
    if _NOT_A_KEY.search(text) is None:
        return text
    return squash(text.translate(_INVISIBLE_TABLE))


def _container(kept: list[_Run]) -> HtmlElement | None:
    """The element holding the article: the common ancestor of its long paragraphs.

    One long paragraph alone would make that paragraph the "container" and push every other
    paragraph outside the article, so with fewer than two long runs all kept runs decide.
    """
    long_runs = [r.element for r in kept if r.element is not None and len(r.text) >= _CONTAINER_RUN_CHARS]
    if len(long_runs) < 2:
        long_runs = [r.element for r in kept if r.element is not None]
    return _lowest_common_ancestor(long_runs)


def _own_story(container: HtmlElement | None, kept: list[_Run], title: str | None) -> HtmlElement | None:
    """On a stream of stories (infinite scroll, 'speed reads'), the <article> that is this page's.

    When the body runs spread over several <article> elements, the one whose heading is the
    page's title is the article; the others are other stories appended below it.
    """
    if container is None or not title:
        return None
    elements = [r.element for r in kept if r.element is not None]
    stories = [a for a in container.iter("article") if any(within(el, a) for el in elements)]
    if len(stories) < 2:
        return None
    wanted = squash(title).casefold()
    for story in stories:
        headings = (squash(h.text_content()).casefold() for h in story.iter("h1", "h2", "h3"))
        if any(h and (h == wanted or wanted.startswith(h) or h.startswith(wanted)) for h in headings):
            return story
    return None


def _fallback_body(runs: list[_Run]) -> list[_Run]:
    """Without the extractor's verdict: runs inside <article>/<main>, else long runs anywhere."""

    def in_tag(run: _Run, tags: set[str]) -> bool:
        el = run.element
        return el is not None and any(a.tag in tags for a in (el, *el.iterancestors()))

    inside = [r for r in runs if in_tag(r, {"article", "main"}) and not in_tag(r, {"nav", "footer", "aside"})]
    if inside:
        return inside
    return [r for r in runs if len(r.text) >= 40 and not in_tag(r, {"nav", "footer", "aside", "header"})]


def _assemble(runs: list[_Run], base_url: str | None) -> tuple[str, list[Block], list[Anchor]]:
    """Join runs into one text (a paragraph per line) and turn run offsets into text offsets."""
    pieces: list[str] = []
    blocks: list[Block] = []
    anchors: list[Anchor] = []
    offset = 0
    for run in runs:
        text = run.text
        blocks.append(Block(offset, offset + len(text), run.element, run.embed))
        for href, start, end, el in run.anchors:
            s, e = start + offset, end + offset
            while s < e and text[s - offset].isspace():
                s += 1
            while e > s and text[e - 1 - offset].isspace():
                e -= 1
            anchors.append(Anchor(href, normalise_url(href, base_url), s, e, el))
        pieces.append(text)
        offset += len(text) + 1
    return "\n".join(pieces), blocks, anchors


# trafilatura's extraction grows quadratically past some thousands of blocks (16k paragraphs
# 2.4 s, 32k 28 s in its main loop alone); the corpus's longest page has 1,489. A page with more
# is read whole (the fallback body), which stays linear.
MAX_EXTRACTOR_RUNS = 8_000


def _too_many_runs(count: int) -> list[str]:
    LOGGER.warning("%d blocks: too many for the body extractor; reading the whole page", count)
    return []


def parse_html_tree(html: str) -> HtmlElement:
    """Parse HTML text into an lxml tree.

    Raises:
        ParseError: The text holds no HTML document at all.
    """
    return _parse(html)[0]


def _parse(html: str) -> tuple[HtmlElement, str]:
    """The tree and the markup it was built from (flattened when nested past the parser's limit)."""
    try:
        return parse_deep(html)
    except (etree.ParserError, ValueError) as exc:
        raise ParseError(f"cannot parse HTML: {exc}") from exc


def read_html(
    data: bytes | str,
    *,
    url: str | None = None,
    path: str | None = None,
    content_type: str | None = None,
    extractor: Callable[[str, str | None], list[str]] = _extracted_segments,
) -> Article:
    """Read an HTML page into an `Article`.

    Args:
        data: The page, as bytes (decoded here) or text.
        url: Where the page came from; relative links resolve against it. When absent, the
            page's canonical URL is used.
        path: The local file it was read from, if any.
        content_type: The HTTP Content-Type header, for the charset.
        extractor: Returns the body's paragraph texts; trafilatura by default.

    Raises:
        UnreadableInputError: Binary or undecodable bytes.
        EmptyInputError: No article text found.
        ParseError: Not parseable as HTML.
    """
    html, encoding = decode_bytes(data, content_type) if isinstance(data, bytes) else (clean_text(data), None)
    if not html.strip():
        raise EmptyInputError("the input is empty")
    tree, html = _parse(html)
    meta = read_metadata(tree, url)
    doc_url = url or (normalise_url(meta.url) if meta.url else None)
    base = url or meta.url
    body = tree.find("body")
    embeds = [hit.element for hit in find_embeds(tree, base)]
    runs = _Walker(_BLOCK_TAGS, embeds).walk(body if body is not None else tree)
    segments = extractor(html, base) if len(runs) <= MAX_EXTRACTOR_RUNS else _too_many_runs(len(runs))
    kept, container = _select_body(runs, segments, meta.title)
    text, blocks, anchors = _assemble(kept, base)
    if not text.strip() and not embeds:
        raise EmptyInputError("no article text found in the page")
    document = Document(
        id=document_id(doc_url or path or text),
        url=doc_url,
        path=path,
        title=meta.title,
        site_name=meta.site_name,
        published=meta.published,
        authors=meta.authors,
        language=meta.language,
        text=text,
        format="html",
    )
    return Article(document, blocks, anchors, tree, encoding, container)


_MARKDOWN_LINK = re.compile(r"\[([^\]\n]+)\]\((https?://[^)\s]+)\)")


def read_text(
    data: bytes | str, *, url: str | None = None, path: str | None = None, content_type: str | None = None
) -> Article:
    """Read a plain-text (or Markdown) scrape into an `Article`.

    The text is kept as given (only line endings are normalised), so offsets point into the
    same characters the user sees. URLs written in the text — `pic.twitter.com/…`, `t.me/…`,
    bare domains, Markdown links — become anchors.

    Raises:
        UnreadableInputError: Binary or undecodable bytes.
        EmptyInputError: Nothing but whitespace.
    """
    text, encoding = (
        decode_bytes(data, content_type, html=False) if isinstance(data, bytes) else (clean_text(data), None)
    )
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise EmptyInputError("the input is empty")
    blocks = [Block(span.start, span.end) for span in paragraphs(text)]
    anchors = _text_anchors(text)
    document = Document(
        id=document_id(url or path or text),
        url=url,
        path=path,
        title=scrape_title(text),
        published=scrape_date(text, url),
        text=text,
        format="text",
    )
    return Article(document, blocks, anchors, None, encoding)


def _text_anchors(text: str) -> list[Anchor]:
    anchors: list[Anchor] = []
    covered: list[Span] = []
    for match in _MARKDOWN_LINK.finditer(text):
        anchors.append(Anchor(match.group(2), normalise_url(match.group(2)), match.start(1), match.end(1)))
        covered.append(Span(match.start(), match.end()))
    for span, url in find_urls(text):
        if not any(c.start <= span.start < c.end for c in covered):
            anchors.append(Anchor(span.of(text), normalise_url(url), span.start, span.end))
    return sorted(anchors, key=lambda a: a.start)
