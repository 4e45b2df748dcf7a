"""Reading HTML and text into one article text: metadata, body vs boilerplate, link offsets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import DATA, SEED
from tracer.errors import EmptyInputError
from tracer.read.document import read_html, read_text

CASES = json.loads((DATA / "boilerplate_cases.json").read_text())["cases"]

METADATA_PAGE = """<!doctype html><html lang="en-GB"><head>
<title>Ignored title | Site</title>
<meta property="og:title" content="OG title">
<meta property="og:site_name" content="The Daily Example">
<meta property="article:published_time" content="2024-12-23T09:15:00Z">
<meta name="author" content="Meta Author">
<link rel="canonical" href="https://news.example.com/world/2024/12/23/story-slug">
<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
  {"@type": "WebSite", "name": "Not the article"},
  {"@type": "NewsArticle", "headline": "North Korea sends more troops",
   "datePublished": "2024-12-22T23:00:00+09:00",
   "author": [{"@type": "Person", "name": "Kim Min-ji"}, {"@type": "Person", "name": "John Smith"}],
   "publisher": {"@type": "Organization", "name": "Example News"}}]}</script>
</head><body>
<nav><a href="/">Home</a> <a href="/world">World news and more headlines</a></nav>
<article>
<h1>North Korea sends more troops</h1>
<p>North Korea is preparing to deploy more troops, <a href="https://en.yna.co.kr/view/AEN2024">according to Yonhap</a>,
citing intelligence officials in Seoul on Monday.</p>
<p>The agency said the troops would arrive in the Kursk region within weeks, a lawmaker told reporters after a briefing.</p>
</article>
<footer><p>Copyright 2024 The Daily Example. All rights reserved. Contact our newsroom for corrections.</p></footer>
</body></html>"""


def test_jsonld_wins_over_opengraph_and_meta() -> None:
    doc = read_html(METADATA_PAGE).document
    assert doc.title == "North Korea sends more troops"
    assert doc.site_name == "Example News"
    assert doc.published == "2024-12-22"
    assert doc.authors == ["Kim Min-ji", "John Smith"]
    assert doc.language == "en-GB"
    assert doc.url == "https://news.example.com/world/2024/12/23/story-slug"


def test_opengraph_and_meta_when_there_is_no_jsonld() -> None:
    page = METADATA_PAGE.split('<script type="application/ld+json">')[0] + METADATA_PAGE.split("</script>")[1]
    doc = read_html(page).document
    assert doc.title == "OG title"
    assert doc.site_name == "The Daily Example"
    assert doc.published == "2024-12-23"
    assert doc.authors == ["Meta Author"]


def test_link_offsets_point_at_the_anchor_text() -> None:
    article = read_html(METADATA_PAGE)
    [anchor] = [a for a in article.anchors if a.url and "yna" in a.url]
    assert article.text[anchor.start : anchor.end] == "according to Yonhap"
    assert anchor.url == "https://en.yna.co.kr/view/AEN2024"


def test_navigation_and_footer_are_not_article_text() -> None:
    text = read_html(METADATA_PAGE).text
    assert "North Korea is preparing to deploy more troops" in text
    assert "World news and more headlines" not in text
    assert "All rights reserved" not in text


@pytest.mark.parametrize("case", CASES, ids=[c["file"][:40] for c in CASES])
def test_boilerplate_excluded_on_real_pages(corpus: Path, case: dict[str, list[str] | str]) -> None:
    article = read_html((corpus / str(case["file"])).read_bytes())
    for sentence in case["must_contain"]:
        assert sentence in article.text, f"body text missing: {sentence!r}"
    for boilerplate in case["must_not_contain"]:
        assert boilerplate not in article.text, f"boilerplate kept: {boilerplate!r}"


def test_real_page_metadata(corpus: Path) -> None:
    doc = read_html((corpus / "htmldate__eval__nypost.com-AI-generated.html").read_bytes()).document
    assert doc.published == "2023-11-02"
    assert doc.site_name == "New York Post"
    assert doc.authors == ["Shannon Thaler"]
    assert doc.language == "en-US"


def test_broken_html_still_reads() -> None:
    article = read_html(
        b"<html><body><p>Officials said the bridge <b>collapsed on Monday, according to police<p>Second</div>"
    )
    assert "collapsed on Monday, according to police" in article.text


def test_html_without_text_is_empty_input() -> None:
    with pytest.raises(EmptyInputError):
        read_html(b"<html><head><title>x</title></head><body><script>var a=1;</script></body></html>")


def test_plain_text_keeps_the_text_and_finds_written_urls() -> None:
    text = "Officials said so.\nSee t.me/rybar/12345 and example.com/report, plus pic.twitter.com/AbC123.\r\n"
    article = read_text(text.encode())
    assert article.text == text.replace("\r\n", "\n")
    urls = [a.url for a in article.anchors]
    assert urls == ["https://t.me/rybar/12345", "https://example.com/report", "https://pic.twitter.com/AbC123"]
    assert [article.text[a.start : a.end] for a in article.anchors][-1] == "pic.twitter.com/AbC123"


def test_placeholder_dates_are_not_publication_dates() -> None:
    page = METADATA_PAGE.replace("2024-12-22T23:00:00+09:00", "0001-01-01T00:00:00Z")
    assert read_html(page).document.published == "2024-12-23"  # falls through to OpenGraph


def test_text_after_an_html_comment_is_kept_with_its_links() -> None:
    """React pages split text with empty comments; the text after each one was dropped."""
    page = (
        "<html><body><article><h1>Trade talks</h1>"
        "<p>“We’re taking in billions of dollars in tariff money from China,” Mr. Trump said. “I like <!-- -->our"
        "<!-- --> situation very much. They want to make a deal much more than I do.”</p>"
        '<p>Analysts <a href="https://example.com/r">doubt <!-- x -->the figures</a> he gave on Friday.</p>'
        "</article></body></html>"
    )
    article = read_html(page)
    assert "“I like our situation very much. They want to make a deal much more than I do.”" in article.text
    [anchor] = article.anchors
    assert article.text[anchor.start : anchor.end] == "doubt the figures"


def test_ruby_readings_are_not_body_text() -> None:
    page = (
        "<html><body><article><p>Chikan <strong>(<ruby>痴漢<rp>（</rp><rt>ちかん</rt><rp>）</rp></ruby>)</strong>,"
        " or train groping, continues to be a problem in Japan, and authorities are not doing enough.</p>"
        "</article></body></html>"
    )
    assert "Chikan (痴漢), or train groping" in read_html(page).text


def test_bidi_isolates_do_not_stop_a_paragraph_matching_its_extracted_twin() -> None:
    page = (
        "<html><body><div><p>The founder of the firm wrote a long thread about it on Monday night.</p>"
        "<p>Must-read piece on \u2066@elonmusk\u2069’s tears, said the founder of the firm.</p>"
        "<p>Subscribe to our newsletter for the latest stories every morning.</p></div></body></html>"
    )
    body = [
        "The founder of the firm wrote a long thread about it on Monday night.",
        "Must-read piece on @elonmusk’s tears, said the founder of the firm.",
    ]
    text = read_html(page, extractor=lambda html, url: body).text
    assert "@elonmusk" in text and "newsletter" not in text


@pytest.mark.parametrize(
    ("page", "kept"),
    [
        # text after <!-- --> comments (the rest of a quote and half the article were lost)
        (
            "aeb__702d1da63b8e064cb70617620e45c2d116b4912c9bc9d518dcf5ce54bb8057ed.html",
            "“I like our situation very much.",
        ),
        (
            "aeb__702d1da63b8e064cb70617620e45c2d116b4912c9bc9d518dcf5ce54bb8057ed.html",
            "Mr. Trump’s theatrical embrace",
        ),
        # ruby readings kept in the run, so the lead paragraph matched nothing
        ("trafilatura__eval__blog.gaijinpot.com.chikan.html", "Japan is a safe country."),
        # an embedded tweet the extractor keeps, inside a wrapper named 'sidebar__main'
        ("trafilatura__eval__lanacion.com.ar-jugada.html", "Es una maniobra burda para evitar"),
    ],
)
def test_body_the_extractor_keeps_is_not_dropped(corpus: Path, page: str, kept: str) -> None:
    assert kept in read_html((corpus / page).read_bytes()).text


def test_text_scrapes_get_their_headline_and_a_date() -> None:
    doc = read_text(SEED.read_bytes()).document
    assert doc.title is not None and doc.title.startswith("South Korea's military on Monday issued")
    assert doc.published == "2024-12-23"  # the quoted post's date: the latest the text writes


@pytest.mark.parametrize(
    ("text", "title", "published"),
    [
        (
            "# Flood warning for the valley\n\nBAYPORT, March 27, 2025 — Rivers rose.\nLater on May 2, 2025 more.",
            "Flood warning for the valley",
            "2025-03-27",
        ),
        (
            "Council votes on budget\nThe vote on 3 March 2026 passed. A review on 1 May 2026 follows.\n",
            "Council votes on budget",
            "2026-05-01",
        ),
        (
            "Storm closes port\nBy Jane Doe | March 3, 2026\nThe port reopens on April 9, 2026, officials said.",
            "Storm closes port",
            "2026-03-03",
        ),
        ("Officials said the bridge collapsed. Police closed the road. Drivers were warned.\nMore text.\n", None, None),
        ("https://example.com/story\nOfficials said so.\n", None, None),
        ("Just one line with no body below it\n", None, None),
    ],
)
def test_scrape_title_and_date_rules(text: str, title: str | None, published: str | None) -> None:
    doc = read_text(text).document
    assert (doc.title, doc.published) == (title, published)


def test_a_dated_url_wins_over_dates_the_text_mentions() -> None:
    doc = read_text("Report\nThe dam was built on May 2, 1961.\n", url="https://example.com/2025/03/30/report").document
    assert doc.published == "2025-03-30"
