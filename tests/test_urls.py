"""Canonical URLs and link kinds."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tracer.models import LinkKind, Platform
from tracer.platforms import parse_permalink, posted_from_id
from tracer.urls import link_kind, normalise_url


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            "https://twitter.com/ClashReport/status/1871207539429806315?s=20&t=abc",
            "https://x.com/ClashReport/status/1871207539429806315",
        ),
        (
            "https://mobile.x.com/clashreport/status/1871207539429806315?ref_src=twsrc",
            "https://x.com/clashreport/status/1871207539429806315",
        ),
        ("https://www.youtube.com/watch?v=dQw4w9WgXcQ&feature=share", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"),
        ("https://youtu.be/dQw4w9WgXcQ?si=xyz", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"),
        ("HTTPS://News.Example.com:443/a/b?utm_source=tw&id=7#frag", "https://news.example.com/a/b?id=7"),
        ("/world/story", "https://example.org/world/story"),
        ("mailto:desk@example.org", None),
        ("javascript:void(0)", None),
    ],
)
def test_normalise_url(raw: str, expected: str | None) -> None:
    assert normalise_url(raw, "https://example.org/index.html") == expected


def test_permalinks_give_platform_handle_and_id() -> None:
    ref = parse_permalink("https://t.me/s/rybar/65432")
    assert ref and (ref.platform, ref.handle, ref.post_id) == (Platform.TELEGRAM, "rybar", "65432")
    ref = parse_permalink("https://bsky.app/profile/nytimes.com/post/3lbz2xq5vqk2a")
    assert ref and (ref.platform, ref.handle) == (Platform.BLUESKY, "nytimes.com")
    ref = parse_permalink("https://mastodon.social/@Gargron/109321423434000000")
    assert ref and ref.platform is Platform.MASTODON and ref.handle == "Gargron"
    assert parse_permalink("https://www.nytimes.com/2024/12/23/world/asia/north-korea.html") is None


def test_snowflake_id_decodes_to_post_time() -> None:
    # The Clash Report post of 2024-12-23 (the seed article) has a snowflake id from that day.
    when = posted_from_id(Platform.TWITTER, "1871207539429806315")
    assert when is not None and when.date() == datetime(2024, 12, 23, tzinfo=UTC).date()


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("https://x.com/clashreport/status/1871207539429806315", LinkKind.SOCIAL_POST),
        ("https://pic.twitter.com/sibNWZhStF", LinkKind.SOCIAL_POST),
        ("https://web.archive.org/web/2024/https://example.com/", LinkKind.ARCHIVE),
        ("https://www.youtube.com/watch?v=dQw4w9WgXcQ", LinkKind.VIDEO),
        ("https://www.state.gov/briefings/statement.pdf", LinkKind.DOCUMENT),
        ("https://www.defense.gov/News/Releases/", LinkKind.DOCUMENT),
        ("https://en.yna.co.kr/view/AEN20241223000351315", LinkKind.NEWS_ARTICLE),
        ("https://example.com/2024/12/23/troops-arrive", LinkKind.NEWS_ARTICLE),
        ("https://example.com/about", LinkKind.OTHER),
    ],
)
def test_link_kind(url: str, kind: LinkKind) -> None:
    assert link_kind(url) is kind
