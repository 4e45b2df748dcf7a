"""Embedded posts: ten platforms from embed markup (DOM, lazy, AMP, wrappers, page JSON) and from scraped text."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import DATA, SEED
from tracer.errors import UnreadableInputError
from tracer.models import Platform, Post
from tracer.parse.posts.embeds import extract_posts
from tracer.read.document import Article, read_html, read_text

SYNTHETIC = DATA / "embeds" / "synthetic"


def posts_of(path: Path) -> tuple[Article, list[Post]]:
    article = read_html(path.read_bytes(), path=str(path))
    return article, extract_posts(article)


def only(posts: list[Post], platform: Platform) -> Post:
    [post] = [p for p in posts if p.platform is platform]
    return post


# --- the seed: a scraped tweet ------------------------------------------------------------


def test_seed_has_exactly_one_clash_report_post() -> None:
    article = read_text(SEED.read_bytes(), path=str(SEED))
    [post] = extract_posts(article)
    assert (post.platform, post.handle, post.author_name) == (Platform.TWITTER, "clashreport", "Clash Report")
    assert post.posted == "2024-12-23"
    assert post.text == (
        "North Korea is reportedly preparing to deploy additional troops to Russia and supply kamikaze UAVs, "
        "according to South Korea’s Yonhap News Agency, citing intelligence.\n"
        "North Korea demonstrated UAVs resembling Russian Lancet and Israeli Harop in recent footage. "
        "pic.twitter.com/sibNWZhStF"
    )
    assert "Clash Report (@" not in post.text  # the signature is not the post's text
    assert post.media_urls == ["https://pic.twitter.com/sibNWZhStF"]


def test_seed_post_spans_its_text_and_its_signature_in_the_document() -> None:
    article = read_text(SEED.read_bytes())
    [post] = extract_posts(article)
    assert post.start is not None and post.end is not None
    span = article.text[post.start : post.end]
    assert span.startswith("North Korea is reportedly preparing") and span.endswith("pic.twitter.com/sibNWZhStF")
    first, second = post.text.split("\n")
    assert first in span and second in span
    assert article.text[post.evidence_start : post.evidence_end] == "— Clash Report (@clashreport) December 23, 2024"
    assert post.evidence == "— Clash Report (@clashreport) December 23, 2024"


# --- synthetic fixtures from each platform's documented embed code ------------------------


def test_telegram_widget_script() -> None:
    _, posts = posts_of(SYNTHETIC / "telegram.html")
    post = only(posts, Platform.TELEGRAM)
    assert (post.handle, post.post_id, post.url) == ("durov", "43", "https://t.me/durov/43")


def test_bluesky_blockquote_reads_handle_text_and_date() -> None:
    article, posts = posts_of(SYNTHETIC / "bluesky.html")
    post = only(posts, Platform.BLUESKY)
    assert post.handle == "bsky.app" and post.author_name == "Bluesky"
    assert post.post_id == "3lbq7mxsiek2v"
    assert post.url == "https://bsky.app/profile/did:plc:z72i7hdynmk6r22z27h6tvur/post/3lbq7mxsiek2v"
    assert post.text == "Convoys seen moving north of the river tonight, several sources confirm."
    assert "[image or embed]" not in post.text
    assert post.posted == "2024-11-25"
    assert post.warnings == []  # the TID says 2024-11-24 23:58 UTC: within a day of the markup
    assert post.start is not None and article.text[post.start : post.end] == post.text


@pytest.mark.parametrize(
    ("fixture", "post_id", "year"),
    [("mastodon.html", "114505776215440277", "2025"), ("mastodon_iframe.html", "109321423434000000", "2022")],
)
def test_mastodon_blockquote_and_iframe(fixture: str, post_id: str, year: str) -> None:
    _, posts = posts_of(SYNTHETIC / fixture)
    post = only(posts, Platform.MASTODON)
    assert post.handle == "Gargron" and post.post_id == post_id
    assert post.url == f"https://mastodon.social/@Gargron/{post_id}"
    assert post.text == ""  # the embed code carries no post text, only the card
    assert post.posted is not None and post.posted.startswith(year)  # Mastodon ids hold milliseconds


def test_threads_blockquote() -> None:
    _, posts = posts_of(SYNTHETIC / "threads.html")
    post = only(posts, Platform.THREADS)
    assert (post.handle, post.post_id) == ("zuck", "C6cqebdCfBi")
    assert post.url == "https://www.threads.net/@zuck/post/C6cqebdCfBi"
    assert post.text == ""


def test_reddit_current_embed_names_the_poster() -> None:
    _, posts = posts_of(SYNTHETIC / "reddit.html")
    post = only(posts, Platform.REDDIT)
    assert post.handle == "borderwatcher" and post.post_id == "1hkq3xz"
    assert post.url == "https://www.reddit.com/r/worldnews/comments/1hkq3xz/"
    assert post.text == "Convoy footage from the border region, filmed by residents"


def test_reddit_legacy_card() -> None:
    _, posts = posts_of(SYNTHETIC / "reddit_legacy.html")
    post = only(posts, Platform.REDDIT)
    assert post.post_id == "cpq3aa" and post.handle is None
    assert post.text == "Troops seen near border"


def test_tiktok_blockquote_caption_without_handle_and_sound_lines() -> None:
    _, posts = posts_of(SYNTHETIC / "tiktok.html")
    post = only(posts, Platform.TIKTOK)
    assert post.handle == "scout2015"
    assert post.url == "https://www.tiktok.com/@scout2015/video/6718335390845095173"
    assert post.text.startswith("Scramble up ur name") and "#foryoupage" in post.text
    assert "♬" not in post.text and "@scout2015" not in post.text
    assert post.posted is not None and post.posted.startswith("2019-07-27")  # decoded from the id


def test_amp_components_of_five_platforms() -> None:
    _, posts = posts_of(SYNTHETIC / "amp.html")
    assert [p.platform for p in posts] == [
        Platform.TWITTER,
        Platform.INSTAGRAM,
        Platform.YOUTUBE,
        Platform.FACEBOOK,
        Platform.TIKTOK,
    ]
    tweet = posts[0]
    assert tweet.url == "https://x.com/clashreport/status/1871207539429806315"
    assert tweet.author_name == "Clash Report" and tweet.posted == "2024-12-23"
    assert posts[1].url == "https://www.instagram.com/p/BNpLF8LD0GD/"
    assert posts[2].url == "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    assert posts[3].url == "https://www.facebook.com/zuck/posts/10102593740125791"


def test_lazy_wrapped_and_pasted_embeds() -> None:
    article, posts = posts_of(SYNTHETIC / "lazy.html")
    by_id = {p.post_id: p for p in posts}
    wrapped = by_id["1871207539429806315"]  # blockquote inside figure.wp-block-embed
    assert wrapped.url == "https://x.com/borderwatch/status/1871207539429806315"  # ?ref_src and ?s=20 dropped
    assert wrapped.text == "Convoy spotted near the crossing this morning pic.twitter.com/abc123XYZ"
    assert "A tweet from a monitoring account." not in wrapped.text  # the figure's caption is not the post
    assert wrapped.media_urls == ["https://pic.twitter.com/abc123XYZ"]
    assert by_id["dQw4w9WgXcQ"].platform is Platform.YOUTUBE  # iframe[data-src], youtube-nocookie
    assert by_id["10102593740125791"].url == "https://www.facebook.com/zuck/videos/10102593740125791"
    assert by_id["1212392185510924290"].platform is Platform.TWITTER  # iframe[data-lazy-src] Tweet.html?id=
    pasted = by_id["1919902403999965441"]  # a paragraph holding only the post URL
    assert pasted.handle == "SecRubio" and pasted.text == ""
    assert article.text[pasted.evidence_start : pasted.evidence_end].startswith("https://x.com/SecRubio/status/")


def test_markup_date_that_disagrees_with_the_snowflake_is_flagged() -> None:
    _, posts = posts_of(SYNTHETIC / "lazy.html")
    [post] = [p for p in posts if p.post_id == "1871207539429806315"]
    assert post.posted == "2024-12-30"  # the markup's date is kept...
    assert post.warnings and "2024-12-23" in post.warnings[0]  # ...and the id's date is flagged


def test_posted_comes_from_the_id_when_the_markup_has_no_date() -> None:
    _, posts = posts_of(SYNTHETIC / "lazy.html")
    [post] = [p for p in posts if p.post_id == "1212392185510924290"]
    assert post.posted is not None and post.posted.startswith("2020-01-01T15:16")


def test_page_json_embeds_of_this_article_only() -> None:
    _, posts = posts_of(SYNTHETIC / "json_embeds.html")
    assert {p.post_id for p in posts} == {"1871207539429806315", "6718335390845095173"}
    tweet = only(posts, Platform.TWITTER)
    assert tweet.handle == "borderwatch" and tweet.posted == "2024-12-23"
    assert tweet.text == "Convoys crossing the bridge at dawn, according to local officials."
    assert tweet.start is None  # not in the document text
    assert tweet.evidence.startswith("page JSON (script)")


def test_bad_markup_does_not_crash_and_invents_nothing() -> None:
    article, posts = posts_of(SYNTHETIC / "bad_markup.html")
    assert "the bridge was closed" in article.text
    assert posts == []


def test_binary_input_is_a_clear_error() -> None:
    with pytest.raises(UnreadableInputError):
        read_html(b"\x00\x01\x02<html>" + bytes(range(256)) * 20)


def test_post_ids_are_sequential_in_document_order() -> None:
    _, posts = posts_of(SYNTHETIC / "amp.html")
    assert [p.id for p in posts] == [f"p{i}" for i in range(1, len(posts) + 1)]


# --- scraped text -------------------------------------------------------------------------

SCRAPE = """Officials described the scene at the border crossing in some detail on Monday.
View this post on Instagram
Convoy at the crossing this morning #border
A post shared by Border Watch (@border.watch) on Dec 23, 2024 at 9:10am PST
Residents have shared more footage since then.
t.me/rybar/65432
https://www.threads.net/@zuck/post/C6cqebdCfBi
Troops seen near border
by u/borderwatcher in worldnews
Convoys seen moving north of the river tonight.
— Bluesky (@bsky.app) November 25, 2024 at 12:58 AM
The crossing stayed open, said officials — Border Guard (@borderguard) December 24, 2024
"""


def test_scraped_text_signatures_of_several_platforms() -> None:
    posts = extract_posts(read_text(SCRAPE))
    got = [(p.platform, p.handle, p.text) for p in posts]
    assert got == [
        (Platform.INSTAGRAM, "border.watch", "Convoy at the crossing this morning #border"),
        (Platform.TELEGRAM, "rybar", ""),
        (Platform.THREADS, "zuck", ""),
        (Platform.REDDIT, "borderwatcher", "Troops seen near border"),
        (Platform.BLUESKY, "bsky.app", "Convoys seen moving north of the river tonight."),
        (Platform.TWITTER, "borderguard", "The crossing stayed open, said officials"),
    ]
    instagram, telegram = posts[0], posts[1]
    assert instagram.posted == "2024-12-23" and instagram.author_name == "Border Watch"
    assert telegram.url == "https://t.me/rybar/65432" and telegram.post_id == "65432"


def test_scraped_offsets_point_at_post_text() -> None:
    article = read_text(SCRAPE)
    for post in extract_posts(article):
        if post.text and "\n" not in post.text:
            assert article.text[post.start : post.end] == post.text
        assert post.evidence_start is not None
        assert article.text[post.evidence_start : post.evidence_end] == post.evidence


def test_consecutive_scraped_tweets_keep_their_own_text() -> None:
    text = (
        "First tweet text with a picture pic.twitter.com/AAA111\n"
        "— One (@one) December 23, 2024\n"
        "Second tweet text with a picture pic.twitter.com/BBB222\n"
        "— Two (@two) December 24, 2024\n"
    )
    posts = extract_posts(read_text(text))
    assert [(p.handle, p.text) for p in posts] == [
        ("one", "First tweet text with a picture pic.twitter.com/AAA111"),
        ("two", "Second tweet text with a picture pic.twitter.com/BBB222"),
    ]


def test_instagram_signature_without_placeholder_takes_no_text() -> None:
    # Without "View this post on Instagram" the paragraph before may be the article's own:
    # giving it to the Instagram author would put words in their mouth.
    text = "The minister denied the report on Monday.\nA post shared by Border Watch (@border.watch)\n"
    [post] = extract_posts(read_text(text))
    assert post.platform is Platform.INSTAGRAM and post.text == "" and post.start is None


def test_ordinary_text_with_dashes_and_mentions_is_not_a_post() -> None:
    text = (
        "The price — about ten dollars — was set by the council (@council on X) last week.\n"
        "Posted by John Smith on March 3, 2020\n"
        "South Korea's military (@ROK_JCS) said more troops had arrived.\n"
    )
    assert extract_posts(read_text(text)) == []


# --- real pages ---------------------------------------------------------------------------


def test_arc_feed_oembeds_are_not_the_articles_posts(corpus: Path) -> None:
    # The three oembed_response tweets sit in Fusion.contentCache (a section feed showing a live
    # blog); this article's own Fusion.globalContent has none.
    _, posts = posts_of(corpus / "htmldate__eval__liberation.fr-Gaza.html")
    assert posts == []


def test_tiktok_embed_only_in_next_data(corpus: Path) -> None:
    _, posts = posts_of(corpus / "fundus__ch__ZwanzigMinuten_2025_11_06.html")
    [post] = posts
    assert (post.platform, post.handle, post.post_id) == (Platform.TIKTOK, "luciaphoolan", "7362946149227056416")
    assert post.url == "https://www.tiktok.com/@luciaphoolan/video/7362946149227056416"
    assert post.text.startswith("GUTE BESSERUNG")


def test_truth_social_iframe_is_mastodon_style(corpus: Path) -> None:
    _, posts = posts_of(corpus / "fundus__pl__Rzeczpospolita_2026_04_19.html")
    [post] = posts
    assert (post.platform, post.handle) == (Platform.MASTODON, "realDonaldTrump")
    assert post.url == "https://truthsocial.com/@realDonaldTrump/116431297579272777"
    assert post.posted is not None and post.posted.startswith("2026-04-19")


def test_rendered_tweets_and_amp_twitter_urls(corpus: Path) -> None:
    _, buzzfeed = posts_of(corpus / "postlight__www.buzzfeed.com--splash.html")
    assert [p.post_id for p in buzzfeed] == ["790936002017755136", "790636031301279744"]
    assert all(p.handle is None for p in buzzfeed)  # creatorScreenName is the reporter, not the author
    _, vanguardia = posts_of(corpus / "fundus__es__LaVanguardia_2026_07_11.html")
    assert [p.handle for p in vanguardia] == ["JuanMa_Moreno", "sanchezcastejon"]


def test_sidebar_videos_are_not_the_articles(corpus: Path) -> None:
    _, posts = posts_of(corpus / "trafilatura__eval__kaieteurnewsonline.com-essequibo.html")
    assert posts == []


def test_other_stories_on_a_stream_page_are_left_out(corpus: Path) -> None:
    article, posts = posts_of(corpus / "htmldate__test_set__1485102321.html")
    assert [p.handle for p in posts] == ["ddale8", "realDonaldTrump", "ddale8", "ddale8"]
    assert "The U.S. is suing a necklace" not in article.text


def test_localised_signatures(corpus: Path) -> None:
    _, tweets = posts_of(corpus / "trafilatura__cache__basicthinking.de.tweets.html")
    assert tweets[0].author_name.startswith("Peter Wittkamp") and tweets[0].posted == "2018-09-25"
    _, grams = posts_of(corpus / "trafilatura__eval__thisisjanewayne.com.bauch.html")
    assert [p.handle for p in grams] == ["nikejane", "nikejane", "seiten.verkehrt", "littleyears", "bauchgeburt"]
    assert grams[0].author_name == "NIKE VAN DINTHER"
    assert all("Beitrag" not in p.text for p in grams)


def test_deleted_tweet_placeholders_are_not_post_text(corpus: Path) -> None:
    _, posts = posts_of(corpus / "postlight__mashable.com.html")
    assert len(posts) == 12
    assert all(p.text == "" for p in posts)
    assert posts[0].url == "https://x.com/TomNamako/status/808782171829891072"


def test_dom_post_text_is_the_document_slice(corpus: Path) -> None:
    article, posts = posts_of(corpus / "htmldate__eval__thepoke.com-Waddingham.html")
    assert len(posts) == 11
    for post in posts:
        assert post.start is not None and post.end is not None
        assert article.text[post.start : post.end] == post.text
        assert article.text[post.evidence_start : post.evidence_end] == post.evidence


# --- the standard X embed and its family (x.com hosts, extra parameters, escaped attributes) ---

_TWEET_PAGE = """<html><body><article><h1>Bridge to be rebuilt</h1>
<p>The minister spoke on Tuesday about the plan, officials said in a statement on the day.</p>
WRAP_OPEN<blockquote class="twitter-tweet"><p lang="en" dir="ltr">We will rebuild the bridge by spring, the minister
said today.</p>&mdash; Some Handle (@SomeHandle) <a href="HREF">March 6, 2025</a></blockquote>WRAP_CLOSE
<script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>
<p>Critics doubted the timeline, saying the funds had not been approved by the council yet.</p>
</article></body></html>"""
_TWEET_ID = "1897654321098765432"


@pytest.mark.parametrize(
    "href",
    [
        f"https://x.com/SomeHandle/status/{_TWEET_ID}?ref_src=twsrc%5Etfw&amp;s=46",
        f"https://x.com/SomeHandle/status/{_TWEET_ID}?ref_src=twsrc%5Etfw&amp;amp;s=46",  # escaped twice
        f"https://x.com/SomeHandle/status/{_TWEET_ID}?s=46&amp;t=AbCdEfGh",
        f"https://mobile.x.com/SomeHandle/status/{_TWEET_ID}/photo/1",
        f"https://www.x.com/SomeHandle/status/{_TWEET_ID}#m",
        f"https://twitter.com/SomeHandle/status/{_TWEET_ID}?ref_src=twsrc%5Etfw%7Ctwcamp%5Etweetembed",
        f"\n  https://x.com/SomeHandle/status/{_TWEET_ID}?s=46",  # whitespace around the attribute value
        f"x.com/SomeHandle/status/{_TWEET_ID}",  # stored without its scheme
    ],
)
def test_standard_x_embed_yields_its_post(href: str) -> None:
    article = read_html(_TWEET_PAGE.replace("HREF", href).replace("WRAP_OPEN", "").replace("WRAP_CLOSE", ""))
    [post] = extract_posts(article)
    assert (post.platform, post.handle, post.post_id) == (Platform.TWITTER, "SomeHandle", _TWEET_ID)
    assert post.url == f"https://x.com/SomeHandle/status/{_TWEET_ID}"
    assert post.text == "We will rebuild the bridge by spring, the minister said today."


@pytest.mark.parametrize(
    "src",
    [
        f"https://platform.twitter.com/embed/Tweet.html?dnt=false&amp;amp;embedId=twitter-widget-0&amp;amp;id={_TWEET_ID}",
        f"https://platform.twitter.com/embed/Tweet.html?dnt=false&amp;embedId=twitter-widget-0&amp;id={_TWEET_ID}",
    ],
)
def test_rendered_tweet_iframe_with_escaped_query(src: str) -> None:
    page = _TWEET_PAGE.replace("WRAP_OPEN", "").replace("WRAP_CLOSE", "")
    blockquote = page[page.index("<blockquote") : page.index("</blockquote>") + len("</blockquote>")]
    page = page.replace(
        blockquote, f'<div class="twitter-tweet twitter-tweet-rendered"><iframe src="{src}"></iframe></div>'
    )
    [post] = extract_posts(read_html(page))
    assert (post.platform, post.post_id) == (Platform.TWITTER, _TWEET_ID)


def test_escaped_query_permalinks_of_other_platforms() -> None:
    from tracer.platforms import parse_permalink

    youtube = parse_permalink("https://www.youtube.com/watch?feature=share&amp;v=dQw4w9WgXcQ")
    assert youtube is not None and youtube.post_id == "dQw4w9WgXcQ"
    facebook = parse_permalink(
        "https://www.facebook.com/plugins/post.php?width=500&amp;href=https%3A%2F%2Fwww.facebook.com%2FLakeside%2Fposts%2F123"
    )
    assert facebook is not None and facebook.url == "https://www.facebook.com/Lakeside/posts/123"


@pytest.mark.parametrize("extractor_finds_it", [True, False])
def test_an_embed_whose_text_is_kept_always_yields_its_post(extractor_finds_it: bool) -> None:
    """A tweet inside a wrapper named like furniture: its text in document.text, so its post too."""
    href = f"https://x.com/SomeHandle/status/{_TWEET_ID}?ref_src=twsrc%5Etfw&amp;s=46"
    page = _TWEET_PAGE.replace("HREF", href)
    page = page.replace("WRAP_OPEN", '<div class="widget-embed">').replace("WRAP_CLOSE", "</div>")
    body = [
        "Bridge to be rebuilt",
        "The minister spoke on Tuesday about the plan, officials said in a statement on the day.",
        "We will rebuild the bridge by spring, the minister said today.",
        "Critics doubted the timeline, saying the funds had not been approved by the council yet.",
    ]
    article = read_html(page, extractor=lambda html, url: body if extractor_finds_it else [])
    assert "We will rebuild the bridge by spring" in article.text
    [post] = extract_posts(article)
    assert (post.handle, post.post_id) == ("SomeHandle", _TWEET_ID)
    assert article.text[post.start : post.end] == post.text


def test_tweet_the_extractor_keeps_in_a_sidebar_named_wrapper(corpus: Path) -> None:
    article, posts = posts_of(corpus / "trafilatura__eval__lanacion.com.ar-jugada.html")
    assert [(p.handle, p.post_id) for p in posts] == [("marioraulnegri", "1521648511401431040")]
    assert posts[0].start is not None and "maniobra burda" in article.text[posts[0].start : posts[0].end]


# --- embeds whose permalink is on no known platform host ---------------------------------

_ANY_HOST_PAGE = """<html><body><article><h1>Posts from elsewhere</h1>
<p>The union and the ministry traded statements on several networks over the weekend, officials said.</p>
EMBED
<p>The ministry did not respond to a request for comment by the time this story was published.</p>
</article></body></html>"""


@pytest.mark.parametrize(
    ("embed", "platform", "url", "handle"),
    [
        (  # a Mastodon fork (GoToSocial) on its own instance, blockquote with the embed URL
            '<blockquote class="mastodon-embed" data-embed-url="https://gts.example.net/@kim/statuses/01HX7Q2M3N4P5R6S7T8V9W0XYZ/embed">'
            '<a href="https://gts.example.net/@kim/statuses/01HX7Q2M3N4P5R6S7T8V9W0XYZ">Post by @kim@gts.example.net</a>'
            "<div>View on Mastodon</div></blockquote>",
            Platform.MASTODON,
            "https://gts.example.net/@kim/statuses/01HX7Q2M3N4P5R6S7T8V9W0XYZ",
            "kim",
        ),
        (  # an Akkoma notice in an iframe the markup names as a Mastodon embed
            '<iframe class="mastodon-embed" src="https://akkoma.example.org/notice/AbCdEf12345678" width="400"></iframe>',
            Platform.MASTODON,
            "https://akkoma.example.org/notice/AbCdEf12345678",
            None,
        ),
        (  # a tweet embed whose date link is the publisher's own copy of the post
            '<blockquote class="twitter-tweet"><p lang="en">We will meet the union on Monday.</p>&mdash; Ministry (@MinSpox) '
            '<a href="https://news.example.com/social/x/1919876543210987654">May 8, 2026</a></blockquote>',
            Platform.TWITTER,
            "https://news.example.com/social/x/1919876543210987654",
            "MinSpox",
        ),
    ],
)
def test_markup_makes_a_post_whatever_the_permalinks_host(
    embed: str, platform: Platform, url: str, handle: str | None
) -> None:
    article = read_html(_ANY_HOST_PAGE.replace("EMBED", embed), url="https://news.example.com/story")
    [post] = extract_posts(article)
    assert (post.platform, post.url, post.handle) == (platform, url, handle)


@pytest.mark.parametrize(
    "links",
    [
        '<a href="https://twitter.com/hashtag/strike?src=hash">#strike</a> <a href="https://t.co/AbC123">pic</a>',
        '<a href="https://news.example.com/about">About us</a>',
    ],
)
def test_markup_without_a_post_link_is_still_no_post(links: str) -> None:
    embed = f'<blockquote class="twitter-tweet"><p>Strike called off. {links}</p>&mdash; Union (@union)</blockquote>'
    article = read_html(_ANY_HOST_PAGE.replace("EMBED", embed), url="https://news.example.com/story")
    assert all(p.url is None for p in extract_posts(article))
