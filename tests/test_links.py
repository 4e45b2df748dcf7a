"""Body links: every hyperlink of the article body, nothing of the page around it, with kind and named source."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from tests.conftest import DATA
from tracer.models import Link, LinkKind, Platform
from tracer.parse.links import extract_links
from tracer.read.document import read_html, read_text
from tracer.urls import normalise_url

GOLD = json.loads((DATA / "embeds" / "gold.json").read_text(encoding="utf-8"))["pages"]

PAGE = """<!doctype html><html lang="en"><head><title>Troops move to the border</title>
<link rel="canonical" href="https://news.example.org/world/2024/12/23/troops-border"></head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav></header>
<article>
<h1>Troops move to the border</h1>
<div class="byline">By <a href="/authors/jane-doe">Jane Doe</a></div>
<div class="share-bar"><a href="https://twitter.com/intent/tweet?url=x">Share on X</a>
<a href="https://www.facebook.com/sharer/sharer.php?u=x">Share on Facebook</a></div>
<div class="article-body">
<p>North Korea is preparing to deploy more troops to Russia, as <a href="https://www.reuters.com/world/asia-pacific/nk-troops-2024-12-23/?utm_source=twitter">Reuters reported</a> on Monday, citing officials in Seoul who spoke on condition of anonymity.</p>
<p>The claim first appeared in <a href="https://twitter.com/clashreport/status/1871207539429806315?s=20">a post by Clash Report</a>, which cited <a href="https://en.yna.co.kr/view/AEN20241223000351315">Yonhap</a> and was shared thousands of times within hours.</p>
<p>READ MORE: <a href="/world/2024/12/20/earlier-story">Earlier deployments drew international condemnation</a></p>
<p>The ministry published <a href="https://www.mnd.go.kr/reports/2024/briefing.pdf">a briefing document</a> and a <a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ&amp;feature=share">video statement</a>, and an <a href="https://web.archive.org/web/20241223/https://example.go.kr/notice">archived notice</a> shows the earlier wording.</p>
<p><a href="/world/2024/12/22/a-related-headline">A related headline linked on its own line</a></p>
<p>Get the latest updates right in your inbox. <a href="/newsletters">Subscribe to our newsletters</a>.</p>
<p>The Associated Press <a href="https://apnews.com/article/north-korea-russia-troops">reported</a> similar numbers, and one analyst <a href="https://example.com/analysis">told the Korea Herald</a> that more were likely.</p>
</div>
<div class="tags"><a href="/tag/north-korea">North Korea</a> <a href="/tag/russia">Russia</a></div>
<section class="related-stories"><h2>Related</h2><ul>
<li><a href="/world/2024/12/21/one">Another story one</a></li><li><a href="/world/2024/12/21/two">Another story two</a></li></ul></section>
<div class="ad-slot"><a href="https://ads.example.net/click?id=1">Buy now</a></div>
</article>
<section id="comments" class="comments"><p>Great article, see <a href="https://spam.example.com/">my site</a> for more thoughts on this.</p></section>
<footer><a href="/about">About</a> <a href="/privacy">Privacy</a></footer>
</body></html>"""


@pytest.fixture(scope="module")
def page_links() -> list[Link]:
    return extract_links(read_html(PAGE))


def test_only_body_links_are_kept(page_links: list[Link]) -> None:
    assert [link.url for link in page_links] == [
        "https://www.reuters.com/world/asia-pacific/nk-troops-2024-12-23/",
        "https://x.com/clashreport/status/1871207539429806315",
        "https://en.yna.co.kr/view/AEN20241223000351315",
        "https://www.mnd.go.kr/reports/2024/briefing.pdf",
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        "https://web.archive.org/web/20241223/https://example.go.kr/notice",
        "https://apnews.com/article/north-korea-russia-troops",
        "https://example.com/analysis",
    ]


def test_link_kinds(page_links: list[Link]) -> None:
    kinds = [link.kind for link in page_links]
    assert kinds == [
        LinkKind.NEWS_ARTICLE,
        LinkKind.SOCIAL_POST,
        LinkKind.NEWS_ARTICLE,
        LinkKind.DOCUMENT,
        LinkKind.VIDEO,
        LinkKind.ARCHIVE,
        LinkKind.NEWS_ARTICLE,
        LinkKind.OTHER,
    ]


def test_offsets_anchor_and_context(page_links: list[Link]) -> None:
    text = read_html(PAGE).text
    for link in page_links:
        assert text[link.start : link.end] == link.text
        assert link.text in link.context and link.context in text
    reuters = page_links[0]
    assert reuters.text == "Reuters reported"
    assert reuters.context.startswith("North Korea is preparing to deploy more troops")


def test_linked_post_permalink_is_a_social_post_reference(page_links: list[Link]) -> None:
    post = page_links[1]
    assert (post.platform, post.handle, post.post_id) == (Platform.TWITTER, "clashreport", "1871207539429806315")
    assert post.source_name is None  # a post's source is its author, given by the handle


def test_anchor_that_names_a_source(page_links: list[Link]) -> None:
    names = {link.url: link.source_name for link in page_links}
    assert names["https://www.reuters.com/world/asia-pacific/nk-troops-2024-12-23/"] == "Reuters"
    assert names["https://apnews.com/article/north-korea-russia-troops"] == "The Associated Press"
    assert names["https://example.com/analysis"] == "Korea Herald"
    assert names["https://www.mnd.go.kr/reports/2024/briefing.pdf"] is None  # 'a briefing document'


@pytest.mark.parametrize(
    ("file", "anchor", "name"),
    [
        ("htmldate__eval__npr.org-bombing.html", "The Associated Press reports", "The Associated Press"),
        ("fundus__uk__Express_2024_07_18.html", "The Sun", "The Sun"),
        ("fundus__se__Aftonbladet_2026_08_02.html", "Financial Times", "Financial Times"),
        ("fundus__se__Aftonbladet_2026_08_02.html", "The Moscow Times", "The Moscow Times"),
        ("htmldate__test_set__1485102321.html", "CNN's count", "CNN"),
        ("htmldate__test_set__1485102321.html", "according to CBS's Mark Knoller", None),  # a post link
        ("postlight__www.vox.com.html", "told the Indianapolis Star", "Indianapolis Star"),
        ("postlight__www.vox.com.html", "Milo Yiannopoulos", None),  # a topic link, not a source
    ],
)
def test_source_names_on_real_pages(corpus: Path, file: str, anchor: str, name: str | None) -> None:
    links = extract_links(read_html((corpus / file).read_bytes()))
    [link] = [link for link in links if link.text == anchor]
    assert link.source_name == name


# Pages whose body links match the hand-checked gold exactly (tests/data/embeds/gold.json).
EXACT = [
    "postlight__www.vox.com.html",
    "aeb__3f65af7b6b98b1c9ae9a3e0d8a09a85600cdc44e26e4b3a6db96a31f4b1767e3.html",
    "aeb__ad826691a8a2f9c4ce50cf0b885af933c4b5119c1f6235cd7df1dfb83f255bcc.html",
    "postlight__www.usmagazine.com.html",
    "htmldate__test_set__1560424903.html",
    "fundus__pl__Rzeczpospolita_2026_04_19.html",
    "fundus__es__LaVanguardia_2026_07_11.html",
    "mediacloud__cached-httpsobserversfrance24comen20190826mexicoafricanmigrantstrappedprotestjourney.html",
    "fundus__de__Krautreporter_2024_08_22.html",
    "fundus__us__TheIntercept_2023_04_28.html",
    "htmldate__eval__npr.org-bombing.html",
    "htmldate__test_set__1485102321.html",
    "fundus__uk__Express_2024_07_18.html",
]


@pytest.mark.parametrize("file", EXACT, ids=[f[:40] for f in EXACT])
def test_body_links_match_the_gold(corpus: Path, file: str) -> None:
    links = extract_links(read_html((corpus / file).read_bytes()))
    gold = Counter(normalise_url(link["url"]) for link in GOLD[file]["links"])
    assert Counter(link.url for link in links) == gold


def test_social_post_links_on_a_real_page(corpus: Path) -> None:
    links = extract_links(read_html((corpus / "fundus__uk__iNews_2025_01_28.html").read_bytes()))
    posts = [link for link in links if link.kind is LinkKind.SOCIAL_POST]
    assert [(p.platform, p.handle, p.post_id) for p in posts] == [
        (Platform.TWITTER, "JustStop_Oil", "1883977866334892307")
    ] * 2


def test_embedded_posts_links_are_not_body_links(corpus: Path) -> None:
    links = extract_links(read_html((corpus / "htmldate__eval__thepoke.com-Waddingham.html").read_bytes()))
    assert not any("t.co/" in link.url or "/hashtag/" in link.url for link in links)


def test_text_scrape_links_are_the_urls_written_in_it() -> None:
    article = read_text(
        "Officials said so, according to yna.co.kr/view/AEN2024.\nSee t.me/rybar/12345 for the video.\n"
    )
    links = extract_links(article)
    assert [(link.url, link.kind) for link in links] == [
        ("https://yna.co.kr/view/AEN2024", LinkKind.NEWS_ARTICLE),
        ("https://t.me/rybar/12345", LinkKind.SOCIAL_POST),
    ]
    assert links[1].platform is Platform.TELEGRAM and links[1].handle == "rybar"


def test_odd_hrefs_do_not_crash_or_leak() -> None:
    page = (
        "<html><body><article><p>Officials said the bridge had collapsed on Monday, according to police reports "
        'that were <a href="javascript:void(0)">shared</a> <a href="mailto:a@b.c">by email</a>, '
        '<a href="http://[::1">a broken link</a>, <a href="https://example.com:99999/x">a bad port</a> and '
        '<a href="https://example.org/report">the report</a> itself.</p></article></body></html>'
    )
    links = extract_links(read_html(page))
    assert [link.url for link in links] == ["https://example.org/report"]


def test_paragraph_with_a_soft_hyphen_keeps_its_links() -> None:
    # The extractor drops soft hyphens; the paragraph must still count as body (postlight nymag).
    page = (
        "<html><body><article><h1>Ailes and Fox</h1>"
        "<p>A few hours after the report, Ailes turned his \u00adsecond-floor office into a war room, "
        'as <a href="https://www.businessinsider.com/cavuto-ailes">Business Insider reported</a> '
        "later that week, citing people who had been in the room at the time.</p>"
        "<p>The network declined to comment on the meeting or on the people who attended it, and Ailes "
        "himself did not respond to several requests for comment over the following days.</p>"
        "</article></body></html>"
    )
    [link] = extract_links(read_html(page))
    assert link.url == "https://www.businessinsider.com/cavuto-ailes"
    assert link.source_name == "Business Insider"


def test_short_article_with_one_long_paragraph_keeps_all_its_links() -> None:
    """The body container must not shrink to the only paragraph longer than 80 characters."""
    page = (
        "<html><body><nav><a href='/'>Home</a></nav><article><h1>Smoke</h1>"
        "<p>The <a href='https://air.example.org/report'>Coastal Air Institute</a> estimated that 3.2 million people breathed unhealthy air.</p>"
        "<p>Asthma cases rose, according to <a href='https://health.example.org/asthma'>Bayport Health</a>.</p>"
        "</article></body></html>"
    )
    links = extract_links(read_html(page, url="https://herald.example.com/2025/04/03/smoke"))
    assert [link.url for link in links] == ["https://air.example.org/report", "https://health.example.org/asthma"]
