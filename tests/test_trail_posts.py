"""Issue 16's trails: a statement backed by an embedded post, followed through the post to its origin.

Each trail starts at an article that states a figure in its own voice and embeds a post; the
post's page (a self-hosted instance, an oEmbed answer, or a dead mirror read from the archive)
links the newspaper story it summarises, through a 301 short link or directly; the story cites a
wire report or the primary document (a health bulletin, a water board bulletin, a filing). Each
is traced cold, then again from the cache with `--offline` and no request at all.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.web.server import Web
from tests.web.tracing import claim_with, document, trace
from tracer.models import Claim, TraceResult
from tracer.trail.sourcebook import name_key

MEASLES_POST = "https://x.com/marlowalerts/status/1924434861880246272"


@pytest.fixture(scope="module")
def web() -> Iterator[Web]:
    with Web() as running:
        yield running


def trail(result: TraceResult, claim: Claim) -> list[tuple[str, str | None, str | None]]:
    """(source, date, document URL) of each document hop, in chain order."""
    return [
        (name_key(h.source.name), h.date, document(result, h.document_id).url)
        for h in claim.chain
        if h.relation == "document"
    ]


# (root, words of the post's claim, words of the attributed sentence, origin, its date, its URL)
TRAILS = [
    ("reservoir", "Kestrel reservoir is down to 31%", "had dropped to 31 percent", "bay water board", "2025-06-01",
     ("waterboard", "/bulletins/kestrel-week-22")),
    ("measles", "Measles cases in Marlow County have climbed", "measles cases in the county had climbed",
     "marlow county health department", "2025-05-18", ("marlowhealth", "/bulletins/measles-2025-05-18")),
    ("ferry", "We will halve our crossings", "would be halved from 1 August", "maritime board", "2025-07-04",
     ("maritime", "/filings/2025/HF-0412")),
]  # fmt: skip


@pytest.mark.parametrize(("root", "post_words", "said_words", "origin", "date", "where"), TRAILS)
def test_each_trail_reaches_its_origin_with_its_date_cold_and_offline(
    web: Web,
    cache_dir: Path,
    root: str,
    post_words: str,
    said_words: str,
    origin: str,
    date: str,
    where: tuple[str, str],
) -> None:
    cold, requests = trace(web, root, cache_dir, archive=True)
    assert requests > 3
    web.clear()
    warm, offline_requests = trace(web, root, cache_dir, archive=True, offline=True)
    assert offline_requests == 0 and web.requests() == []
    for result in (cold, warm):
        for words in (post_words, said_words):
            claim = claim_with(result, words)
            assert claim.origin is not None and name_key(claim.origin.name) == origin, (words, claim.origin)
            assert claim.origin_date == date
            assert document(result, claim.origin_document_id).url == web.url(*where)
    assert [trail(cold, c) for c in cold.claims] == [trail(warm, c) for c in warm.claims]
    fetched = [d for d in warm.documents[1:] if d.status.value != "skipped"]  # a post's photo is never fetched
    assert fetched and all(d.from_cache for d in fetched)


def test_a_post_on_a_self_hosted_instance_is_read_from_its_own_page_and_its_short_link_followed(
    web: Web, cache_dir: Path
) -> None:
    result, _ = trace(web, "reservoir", cache_dir)
    u = web.url
    post = u("toots", "/@baywatch/114598312345678")
    herald = u("bayherald", "/news/2025/06/02/kestrel-reservoir-record-low")
    claim = claim_with(result, "Kestrel reservoir is down to 31%")
    [post_hop] = [h for h in claim.chain if h.relation == "post"]
    assert (post_hop.date, post_hop.status) == ("2025-06-02", "ok")  # confirmed by the post's own page
    assert trail(result, claim) == [
        ("bay herald", "2025-06-02", herald),
        ("bay water board", "2025-06-01", u("waterboard", "/bulletins/kestrel-week-22")),
    ]
    assert [(v.url, v.reason, v.status) for v in claim.visits] == [
        (post, "post", "matched"),
        (u("short", "/k31"), "post_link", "matched"),  # "Full story from @bayherald 👇 <link>", a line below
        (u("waterboard", "/bulletins/kestrel-week-22"), "sentence_link", "matched"),
    ]
    post_doc = next(d for d in result.documents if d.url == post)
    assert (post_doc.via, post_doc.published) == ("post", "2025-06-02")
    story = next(d for d in result.documents if d.url == herald)
    assert story.requested_url == u("short", "/k31") and story.redirects == [u("short", "/k31")]
    # The bulletin has no date in its head: its dateline says June 1.
    assert document(result, claim.origin_document_id).published == "2025-06-01"
    # The mention (@bayherald) links a profile, not a source: never opened.
    assert u("toots", "/@bayherald") not in {d.url for d in result.documents}
    # The attributed sentence links the post: a document hop posted by the account.
    said = claim_with(result, "had dropped to 31 percent")
    assert [(h.relation, h.cue) for h in said.chain][:2] == [("attribution", "reported"), ("document", "posted")]


def test_a_post_whose_link_is_only_in_its_oembed_answer_leads_on(web: Web, cache_dir: Path) -> None:
    result, _ = trace(web, "measles", cache_dir)
    u = web.url
    claim = claim_with(result, "Measles cases in Marlow County have climbed")
    assert trail(result, claim) == [
        ("marlow times", "2025-05-19", u("marlowtimes", "/2025/05/19/measles-cases-rise")),
        ("coastal press wire", "2025-05-19", u("newswire", "/wire/2025/05/19/marlow-measles")),
        ("marlow county health department", "2025-05-18", u("marlowhealth", "/bulletins/measles-2025-05-18")),
    ]
    visited = [v.url for v in claim.visits]
    assert visited[:2] == [MEASLES_POST, u("short", "/m27")]
    # The picture (a t.co link shown as pic.twitter.com) is the post's own photo: recorded, never fetched.
    photos = [d for d in result.documents if (d.url or "").startswith("https://t.co/")]
    assert photos and all(d.status.value == "skipped" and "photo" in (d.error or "") for d in photos)


def test_a_dead_mirrored_post_is_read_from_its_archived_copy(web: Web, cache_dir: Path) -> None:
    mirror = web.url("embeds", "/p/hf-20250707")
    dead, _ = trace(web, "ferry", cache_dir)
    claim = claim_with(dead, "would be halved from 1 August")
    assert claim.origin is not None and name_key(claim.origin.name) == "harbour ferries"
    assert [(v.url, v.status) for v in claim.visits] == [(mirror, "dead")]
    archived, _ = trace(web, "ferry", cache_dir, archive=True)
    claim = claim_with(archived, "would be halved from 1 August")
    copy = next(d for d in archived.documents if d.url == mirror)
    assert (copy.status.value, copy.archived_at, copy.published) == ("dead", "2025-07-07", "2025-07-07")
    hop = next(h for h in claim.chain if h.document_id == copy.id)
    assert hop.flags == ["archived_copy"]


def test_an_archived_mirrored_post_is_a_post_and_its_links_lead_on(web: Web, cache_dir: Path) -> None:
    archived, _ = trace(web, "ferry", cache_dir, archive=True)
    claim = claim_with(archived, "would be halved from 1 August")
    copy = next(d for d in archived.documents if d.url == web.url("embeds", "/p/hf-20250707"))
    hop = next(h for h in claim.chain if h.document_id == copy.id)
    assert (hop.cue, hop.flags) == ("posted", ["archived_copy"])
    assert [name for name, _, _ in trail(archived, claim)] == [
        "harbour ferries",
        "island gazette",
        "coastal press wire",
        "maritime board",
    ]


@pytest.mark.parametrize(("root", "words", "origin", "date"), [
    ("reservoir", "has fallen to 31 percent", "bay water board", "2025-06-01"),
    ("measles", "has now recorded 27 measles cases", "marlow county health department", "2025-05-18"),
    ("ferry", "will cut its crossings to Gull Island by half", "maritime board", "2025-07-04"),
])  # fmt: skip
def test_the_statement_in_the_articles_own_voice_reaches_the_origin(
    web: Web, cache_dir: Path, root: str, words: str, origin: str, date: str
) -> None:
    """The figure stated in the article's own voice is a claim whose first hop is the embedded post
    (issue 14's claims work), and the trail takes it through the post to the origin."""
    result, _ = trace(web, root, cache_dir, archive=True)
    claim = claim_with(result, words)
    assert (str(claim.kind), str(claim.chain[0].relation)) == ("embed", "embed")
    assert claim.origin is not None and name_key(claim.origin.name) == origin
    assert claim.origin_date == date


@pytest.mark.parametrize("root", ["orren", "smoke", "bridge", "reservoir", "measles", "ferry"])
def test_a_trail_replayed_from_the_caches_is_the_same_trail(web: Web, cache_dir: Path, root: str) -> None:
    """The second run reads documents parsed by the first (tracer.trail.parsed): nothing may differ
    but where the pages came from."""
    cold, _ = trace(web, root, cache_dir, archive=True)
    assert any((cache_dir / "parsed").glob("*.json"))
    warm, _ = trace(web, root, cache_dir, archive=True)

    def dump(result: TraceResult) -> str:
        for ref in result.documents:
            ref.from_cache = None
        return result.model_dump_json()

    assert dump(warm) == dump(cold)
