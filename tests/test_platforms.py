"""The platform table: one data file, read by `tracer.platforms` alone, that every stage asks.

Before it, platform knowledge sat in six places that had drifted apart; each drift fixed here
has a test that fails on the old code (marked "drift").
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tracer.models import Platform
from tracer.parse.posts.embeds import extract_posts
from tracer.platforms import (
    EMBED_ELEMENTS,
    EMBED_MARKERS,
    MARKUP_XPATH,
    PLATFORMS,
    display_name,
    oembed_endpoints,
    parse_permalink,
    spec_for,
)
from tracer.read.document import _BLOCK_TAGS, read_html
from tracer.trail.oembed import build_page

TRACER = Path(__file__).resolve().parents[1] / "tracer"


def test_every_platform_has_one_row_with_a_name_hosts_and_a_canonical_form() -> None:
    assert [spec.platform for spec in PLATFORMS] == list(dict.fromkeys(spec.platform for spec in PLATFORMS))
    assert {spec.platform for spec in PLATFORMS} == set(Platform)
    for spec in PLATFORMS:
        assert spec.name and spec.hosts and spec.permalinks and spec.canonical_urls, spec.platform
        assert spec.federated or spec.canonical_host in spec.hosts, spec.platform


def test_no_host_belongs_to_two_platforms() -> None:
    hosts = [host for spec in PLATFORMS for host in (*spec.hosts, *spec.media_hosts)]
    assert len(hosts) == len(set(hosts))


def test_only_the_platforms_module_reads_the_table() -> None:
    readers = [path.relative_to(TRACER).as_posix() for path in TRACER.rglob("*.py") if _names_table(path)]
    assert readers == ["platforms.py"]


def _names_table(path: Path) -> bool:
    strings = (node.value for node in ast.walk(ast.parse(path.read_text())) if isinstance(node, ast.Constant))
    return any(isinstance(value, str) and "platforms.json" in value for value in strings)


def test_oembed_endpoints_are_the_documented_key_free_ones() -> None:
    assert oembed_endpoints() == {
        "twitter": "https://publish.twitter.com/oembed",
        "tiktok": "https://www.tiktok.com/oembed",
        "youtube": "https://www.youtube.com/oembed",
        "bluesky": "https://embed.bsky.app/oembed",
        "reddit": "https://www.reddit.com/oembed",
        "mastodon": "https://{host}/api/oembed",
    }


def test_every_embed_element_is_selected_and_is_a_paragraph_for_the_reader() -> None:
    """drift: amp-reddit was an embed selector but not one of the reader's block tags."""
    assert "amp-reddit" in EMBED_ELEMENTS
    for element in EMBED_ELEMENTS:
        assert f"//{element}" in MARKUP_XPATH.split(" | ")
        assert element in _BLOCK_TAGS


AMP_REDDIT = b"""<html><head><title>Protest</title></head><body><article>
<h1>Protest</h1>
<p>Crowds gathered outside the ministry on Tuesday morning, witnesses said, and stayed until dusk.</p>
<div class="story">The post that started it <amp-reddit layout="responsive" width="300" height="400"
 data-embedtype="post" data-src="https://www.reddit.com/r/worldnews/comments/1abcde/protest_at_the_ministry/">
Protest at the ministry</amp-reddit> was shared widely.</div>
<p>Police said the gathering was peaceful and that nobody had been detained by the evening.</p>
</article></body></html>"""


def test_an_amp_reddit_embed_is_a_block_of_its_own_like_amp_twitter() -> None:
    """drift: the reader took the block around an <amp-reddit> for its paragraph (amp-twitter is its own)."""
    article = read_html(AMP_REDDIT, url="https://news.example/protest")
    [block] = [b for b in article.blocks if b.embed is not None]
    assert block.element is block.embed
    assert block.element is not None and block.element.tag == "amp-reddit"
    [post] = extract_posts(article)
    assert (post.platform, post.post_id) == (Platform.REDDIT, "1abcde")


JSON_ONLY = """<html><head><title>Floods</title></head><body><article><h1>Floods</h1>
<p>The river burst its banks overnight and water reached the town square, the mayor said on Friday.</p>
</article><script>window.story = {"body": [
 {"type": "text", "content": "The river burst its banks overnight and water reached the town square, the mayor said."},
 {"type": "embed", "html": %s}]};</script></body></html>"""


@pytest.mark.parametrize(
    ("markup", "platform", "post_id"),
    [
        (
            '<blockquote class="twitter-video"><p>Water in the square.</p>&mdash; Town Hall (@townhall) '
            '<a href="https://twitter.com/townhall/status/1871207539429806315">December 23, 2024</a></blockquote>',
            Platform.TWITTER,
            "1871207539429806315",
        ),
        (
            '<div class="fb-video" data-href="https://www.facebook.com/townhall/videos/1234567890123456/"></div>',
            Platform.FACEBOOK,
            "1234567890123456",
        ),
    ],
)
def test_embed_markup_only_in_page_json_is_found_for_every_markup_class(
    markup: str, platform: Platform, post_id: str
) -> None:
    """drift: the page-JSON scan had its own marker list, without twitter-video and fb-video."""
    import json

    page = (JSON_ONLY % json.dumps(markup)).encode()
    posts = extract_posts(read_html(page, url="https://news.example/floods"))
    assert [(p.platform, p.post_id) for p in posts] == [(platform, post_id)]
    assert {"twitter-video", "fb-video", "data-bluesky-uri", "amp-reddit"} <= set(EMBED_MARKERS)


@pytest.mark.parametrize("platform", list(Platform))
def test_a_post_rebuilt_from_oembed_names_its_platform(platform: Platform) -> None:
    """drift: the oEmbed page's site names covered six platforms; the others showed their enum value."""
    ref = parse_permalink(_SAMPLE[platform])
    assert ref is not None and ref.platform is platform
    page = build_page({"html": "<blockquote><p>Hello.</p></blockquote>", "author_name": "Someone"}, ref, "x")
    assert f'<meta property="og:site_name" content="{display_name(platform)}">' in page.html
    assert display_name(platform) == spec_for(platform).name != platform.value


_SAMPLE = {
    Platform.TWITTER: "https://x.com/clashreport/status/1871207539429806315",
    Platform.INSTAGRAM: "https://www.instagram.com/p/BNpLF8LD0GD/",
    Platform.TIKTOK: "https://www.tiktok.com/@scout2015/video/6718335390845095173",
    Platform.YOUTUBE: "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
    Platform.FACEBOOK: "https://www.facebook.com/zuck/posts/10102593740125791",
    Platform.TELEGRAM: "https://t.me/durov/43",
    Platform.BLUESKY: "https://bsky.app/profile/bsky.app/post/3lbq7mxsiek2v",
    Platform.MASTODON: "https://mastodon.social/@Gargron/109234217217151040",
    Platform.THREADS: "https://www.threads.net/@zuck/post/C8xyz123",
    Platform.REDDIT: "https://www.reddit.com/r/worldnews/comments/1abcde/title/",
}


@pytest.mark.parametrize("url", ["https://t.me/share/123", "https://bsky.app/profile/search/post/3lbq7mxsiek2v"])
def test_a_path_word_in_the_handle_place_never_makes_a_none_url(url: str) -> None:
    """Telegram and Bluesky permalinks need their handle: without one there is no post URL, not '/None/'."""
    ref = parse_permalink(url)
    assert ref is None or "None" not in ref.url
