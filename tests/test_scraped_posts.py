"""Posts in scraped text on every platform, against tests/data/scraped_posts (scored by
benchmarks/eval_scraped_posts.py): targets per platform, and the shapes one by one."""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType

import pytest

from tests.conftest import DATA, ROOT
from tracer.models import Platform
from tracer.parse.posts.embeds import extract_posts
from tracer.read.document import read_text


def _load_scorer() -> ModuleType:
    path = ROOT / "benchmarks" / "eval_scraped_posts.py"
    spec = importlib.util.spec_from_file_location("eval_scraped_posts", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["eval_scraped_posts"] = module
    spec.loader.exec_module(module)
    return module


EVAL = _load_scorer()
PLATFORMS = ["bluesky", "facebook", "instagram", "mastodon", "telegram", "threads", "tiktok", "twitter", "youtube"]


@pytest.fixture(scope="module")
def table() -> dict[str, object]:
    return EVAL.score(DATA / "scraped_posts")  # type: ignore[no-any-return]


@pytest.mark.parametrize("platform", PLATFORMS)
def test_every_platform_meets_the_targets(table: dict[str, object], platform: str) -> None:
    score = table[platform]
    assert score.recall >= 0.95 and score.precision >= 0.98, score.misses  # type: ignore[attr-defined]


def test_the_scorer_counts_a_wrong_span_as_a_miss() -> None:
    text = "Intro line of the article.\nThe road is closed.\n— Lakeside Mayor (@LakesideMayor) March 3, 2026\n"
    [post] = extract_posts(read_text(text))
    moved = post.model_copy(update={"start": 0, "end": 5})
    assert EVAL._key(post, text)[4] == "The road is closed."
    assert EVAL._key(moved, text)[4].startswith("<span does not hold the text>")


def _one(text: str) -> object:
    [post] = extract_posts(read_text(text))
    return post


def test_facebook_byline_with_weekday_is_a_post_and_a_blog_byline_is_not() -> None:
    text = (
        "The council posted an update.\nCrews start on Wednesday.\n"
        "Posted by Lakeside Town Council on Tuesday, March 3, 2026\nPosted by admin on March 3, 2020\n"
    )
    [post] = extract_posts(read_text(text))
    assert (post.platform, post.author_name, post.posted, post.text) == (
        Platform.FACEBOOK,
        "Lakeside Town Council",
        "2026-03-03",
        "Crews start on Wednesday.",
    )


def test_tiktok_one_line_takes_the_caption_and_the_original_sounds_name() -> None:
    post = _one("A clip spread.\n@paddler kayaking to work #flood ♬ original sound - Mill Road Paddler\nMore.\n")
    assert (post.platform, post.handle, post.author_name, post.text) == (  # type: ignore[attr-defined]
        Platform.TIKTOK,
        "paddler",
        "Mill Road Paddler",
        "kayaking to work #flood",
    )


def test_tiktok_song_is_not_the_author() -> None:
    post = _one("A clip.\n@jess when the river comes #funny ♬ Here Comes The Rain Again - Eurythmics\nMore.\n")
    assert post.author_name is None and post.handle == "jess"  # type: ignore[attr-defined]


def test_telegram_channel_text_views_and_permalink() -> None:
    text = "Intro.\nLakeside Live\n⚡️ Warning extended.\nLevels peak overnight.\n👁 18.2K · Mar 4, 2026, 07:30\nhttps://t.me/lakesidelive/5531\n"
    article = read_text(text)
    [post] = extract_posts(article)
    assert (post.handle, post.author_name, post.posted, post.post_id) == (
        "lakesidelive",
        "Lakeside Live",
        "2026-03-04",
        "5531",
    )
    assert post.text == "⚡️ Warning extended.\nLevels peak overnight."
    assert article.text[post.start : post.end] == post.text
    assert article.text[post.evidence_start : post.evidence_end] == post.evidence


def test_byline_naming_its_platform_and_mastodon_handles() -> None:
    threads = _one("Intro.\nIt flooded twice.\n— Dana Moss (@dana.moss) on Threads, March 4, 2026\n")
    assert (threads.platform, threads.handle, threads.posted) == (Platform.THREADS, "dana.moss", "2026-03-04")  # type: ignore[attr-defined]
    toot = _one("Intro.\nThe alert came late.\n— Kim Lee (@kim@journa.host) March 4, 2026\n")
    assert (toot.platform, toot.handle, toot.text) == (Platform.MASTODON, "kim", "The alert came late.")  # type: ignore[attr-defined]


def test_a_permalink_under_a_byline_is_the_same_post() -> None:
    text = "Intro.\nMeet at 9am.\nPosted by Lakeside Food Bank on Wednesday, 4 March 2026\nhttps://www.facebook.com/LakesideFoodBank/posts/101\n"
    post = _one(text)
    assert (
        post.url == "https://www.facebook.com/LakesideFoodBank/posts/101" and post.author_name == "Lakeside Food Bank"
    )  # type: ignore[attr-defined]


def test_claims_inside_a_scraped_post_continue_its_authors_chain() -> None:
    from tracer import trace_article

    text = (
        "Flood warning for the valley\n"
        "The council met on Tuesday.\n"
        "Lakeside Emergency\n"
        "Evacuation of Mill Road is complete, the fire chief said.\n"
        "2.4K views 21:14\n"
        "t.me/lakeside_emergency/1042\n"
    )
    result = trace_article(read_text(text))
    [post] = result.posts
    claims = [c for c in result.claims if "Evacuation of Mill Road" in c.text]
    assert claims and post.start is not None
    chains = [[(hop.relation, hop.source.name) for hop in c.chain] for c in claims]
    assert any(("post", "Lakeside Emergency") in chain for chain in chains), chains
