"""The reader's costs: work per embed that does not grow with the number of embeds, and the
short cuts of the hot paths giving what the long way gives."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import trafilatura
from lxml.html import HtmlElement, document_fromstring

import tracer.read.document as document
from tracer.parse.posts import text_shapes
from tracer.read import embed_markup


def _tweet(i: int, post_id: int | None = None) -> str:
    post_id = post_id if post_id is not None else 10**17 + i
    return (
        f'<blockquote class="twitter-tweet"><p>Post {i}.</p>&mdash; A (@a{i}) '
        f'<a href="https://twitter.com/a{i}/status/{post_id}">March 1, 2024</a></blockquote>'
    )


def test_nested_embeds_are_found_with_one_ancestor_walk_per_embed(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each embed's wrappers were looked for among every other embed's ancestors: a page of 2,000
    tweets took 3.6 s to read, 500 took 0.33 s."""
    tree = document_fromstring("<html><body>" + "".join(_tweet(i) for i in range(60)) + "</body></html>")
    hits = embed_markup._find(tree, None)
    walks: list[HtmlElement] = []
    original = HtmlElement.iterancestors

    def counted(self: HtmlElement, *tags: str) -> Iterator[HtmlElement]:
        walks.append(self)
        return original(self, *tags)

    monkeypatch.setattr(HtmlElement, "iterancestors", counted)
    kept = embed_markup._outermost(hits)
    assert len(kept) == len(hits) == 60
    assert len(walks) <= len(hits)


def test_a_wrapper_of_the_same_post_is_kept_and_a_wrapper_of_several_is_not() -> None:
    same = f'<div class="fb-post" data-href="https://twitter.com/a1/status/{10**17 + 1}">{_tweet(1)}</div>'
    several = f'<div data-href="https://twitter.com/a2/status/{10**17 + 2}">{_tweet(3)}{_tweet(4)}</div>'
    tree = document_fromstring(f"<html><body>{same}{several}</body></html>")
    kept = embed_markup._outermost(embed_markup._find(tree, None))
    assert [(h.element.tag, h.ref.post_id) for h in kept] == [
        ("div", str(10**17 + 1)),
        ("blockquote", str(10**17 + 3)),
        ("blockquote", str(10**17 + 4)),
    ]


@pytest.mark.parametrize(
    "text",
    ["a  b", " a", "a ", "a\tb", "a\u200bb", "a\u2068b\u2069", "plain words", "", "x\u00a0y", "a\nb", "\ufeffa"],
)
def test_match_key_short_cut_gives_the_long_way_s_key(text: str) -> None:
    assert document._match_key(text) == document.squash(text.translate(document._INVISIBLE_TABLE))


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("https://t.me/lakesidelive/123", "https://t.me/lakesidelive/123"),
        ("https://t.me/lakesidelive/123   ", "https://t.me/lakesidelive/123"),
        (" https://t.me/lakesidelive/123", None),
        ("see https://t.me/lakesidelive/123", None),
        ("https://t.me/lakesidelive/123 and more", None),
        ("https://t.me/lakesidelive/123\u00a0x", None),
        ("", None),
    ],
)
def test_a_lone_permalink_is_a_line_that_is_one_url(line: str, expected: str | None) -> None:
    ref = text_shapes.lone_permalink(line)
    assert (ref.url if ref else None) == expected


def test_the_extractor_xml_is_trafilatura_extract_s_without_its_fingerprint(corpus: Path) -> None:
    """The reader skips the fingerprint `extract` hashes for its metadata; the body is the same."""
    for page in sorted(corpus.glob("*.html"))[:6]:
        html = page.read_bytes().decode("utf-8", "replace")
        for url in (None, "https://example.com/news/story"):
            full = trafilatura.extract(
                html,
                url=url,
                output_format="xml",
                include_comments=False,
                include_tables=True,
                include_images=False,
                include_links=False,
                with_metadata=False,
                deduplicate=False,
            )
            expected = re.sub(r'^<doc fingerprint="[0-9a-f]+">', "<doc>", full) if full else full
            assert document._extract_xml(html, url) == expected, page.name
