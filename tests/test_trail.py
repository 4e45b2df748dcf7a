"""Following claims across a fictional web served on 127.0.0.1: whole trails, from the first
document to the earliest origin, with paraphrases, distractors, a dead link, a redirect, a
cycle, robots.txt and a Wayback-style archive."""

from __future__ import annotations

import re
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.web.server import Web
from tests.web.tracing import ROOTS, claim_with, document, fetch_options, guarded_options, trace, trail_options
from tracer.models import Claim, TraceResult
from tracer.parse.claims.sources import name_key
from tracer.read.inputs import InputItem
from tracer.run.batch import trace_one
from tracer.web.fetch import Fetcher

POST = "https://x.com/rivernewsnow/status/1899461556433846272"


@pytest.fixture(scope="module")
def web() -> Iterator[Web]:
    with Web() as running:
        yield running


def chain_documents(result: TraceResult, claim: Claim) -> list[str | None]:
    """The URLs of the documents the claim's chain passes through, in chain order."""
    return [document(result, h.document_id).url for h in claim.chain if h.relation == "document"]


def test_blog_to_post_to_newspaper_to_wire_to_press_release(web: Web, cache_dir: Path) -> None:
    result, _ = trace(web, "orren", cache_dir, depth=4)
    u = web.url
    assert [(d.url, d.status.value, d.depth) for d in result.documents] == [
        (u("harbourwatch", "/posts/orren-dam-leak"), "ok", 0),
        (POST, "ok", 1),
        (u("gazette", "/news/2025/03/10/orren-dam-leak"), "ok", 2),
        (u("cpa", "/wire/2025/03/10/orren-dam"), "ok", 3),
        (u("water", "/press/orren-dam-statement"), "ok", 4),
        (u("water", "/about/reservoirs"), "ok", 4),  # distractor in the next sentence: read, not followed
        (u("gazette", "/private/inspection-memo"), "blocked", 3),  # robots.txt
        (u("tourism", "/lakes/orren"), "dead", 1),  # another claim's source, gone (410)
    ]
    claim = claim_with(result, "1,100 litres")
    assert chain_documents(result, claim) == [
        POST,
        u("gazette", "/news/2025/03/10/orren-dam-leak"),
        u("cpa", "/wire/2025/03/10/orren-dam"),
        u("water", "/press/orren-dam-statement"),
    ]
    # Each document hop quotes the paraphrase it matched, in that document's words and offsets.
    post_hop, gazette_hop, wire_hop, release_hop = [h for h in claim.chain if h.relation == "document"]
    assert post_hop.evidence.startswith("BREAKING: About eleven hundred litres per second")
    assert (post_hop.source.handle, post_hop.source.kind.value, post_hop.cue) == (
        "rivernewsnow",
        "social_account",
        "posted",
    )
    assert claim.chain[0].source.id == post_hop.source.id  # the blog's "River News Now" is that account
    assert "roughly 1100 litres a second" in gazette_hop.evidence
    assert "about 1,100 litres (290 gallons) per second" in wire_hop.evidence
    assert release_hop.evidence == (
        "The Ministry of Water Resources has detected a leak of approximately 1,100 liters per second at the Orren dam."
    )
    assert [h.date for h in (post_hop, gazette_hop, wire_hop, release_hop)] == [
        "2025-03-11",  # the post's signature date (oEmbed)
        "2025-03-10",  # JSON-LD
        "2025-03-10",  # OpenGraph
        "2025-03-09",  # a visible <time>
    ]
    assert all(h.confidence >= 0.6 for h in (post_hop, gazette_hop, wire_hop, release_hop))
    # The earliest known origin: the ministry's own statement, with its date.
    assert name_key(claim.origin.name) == "ministry of water resources" if claim.origin else False
    assert claim.origin_date == "2025-03-09"
    assert document(result, claim.origin_document_id).site_name == "Ministry of Water Resources"
    by_url = {v.url: v for v in claim.visits}
    assert by_url[u("water", "/about/reservoirs")].status == "no_match"
    assert by_url[u("water", "/about/reservoirs")].score < 0.6
    assert by_url[u("gazette", "/private/inspection-memo")].status == "blocked"
    assert u("gazette", "/news/2019/06/02/orren-dam-inspection") not in {d.url for d in result.documents}
    assert result.errors == []


def test_text_of_a_followed_document_is_where_its_hops_point(web: Web, cache_dir: Path) -> None:
    result, _ = trace(web, "orren", cache_dir, depth=4)
    claim = claim_with(result, "1,100 litres")
    texts = {web.url("gazette", "/news/2025/03/10/orren-dam-leak"): "losing roughly 1100 litres a second"}
    gazette_hop = next(h for h in claim.chain if h.relation == "document" and "1100" in h.evidence)
    assert document(result, gazette_hop.document_id).url in texts
    assert gazette_hop.evidence_start is not None and gazette_hop.evidence_end is not None
    assert gazette_hop.evidence_end - gazette_hop.evidence_start == len(gazette_hop.evidence)


def test_dead_link_is_recorded_on_its_hop(web: Web, cache_dir: Path) -> None:
    result, _ = trace(web, "orren", cache_dir, depth=1)
    claim = claim_with(result, "popular with anglers")
    [hop] = claim.chain
    assert hop.status == "dead" and "dead_link" in hop.flags
    [visit] = claim.visits
    assert (visit.status, visit.reason) == ("dead", "sentence_link")
    assert "410" in (visit.error or "")


def test_redirect_and_dead_source_without_archive(web: Web, cache_dir: Path) -> None:
    result, _ = trace(web, "smoke", cache_dir, depth=4)
    u = web.url
    report = u("airinst", "/reports/2025/03/30/smoke-exposure")
    bulletin = u("weather", "/bulletins/smoke-advisory-0327")
    assert [(d.url, d.status.value) for d in result.documents] == [
        (u("herald", "/2025/04/03/wildfire-smoke"), "ok"),
        (report, "ok"),
        (bulletin, "dead"),
        ("http://bayport-health.invalid/news/asthma", "dead"),  # DNS failure
    ]
    institute = document(result, result.documents[1].id)
    assert institute.requested_url == u("airinst", "/smoke-report")
    assert institute.redirects == [u("airinst", "/smoke-report")]
    assert institute.published == "2025-03-30"  # only the URL says when
    claim = claim_with(result, "3.2 million people")
    assert chain_documents(result, claim) == [report]
    last = claim.chain[-1]
    assert name_key(last.source.name) == "national weather service"
    assert last.status == "dead" and "dead_link" in last.flags
    # Earliest known origin: the Weather Service, known to have said it by the report's date.
    assert claim.origin_date == "2025-03-30"
    assert document(result, claim.origin_document_id).url == report


def test_dead_source_read_from_the_archive(web: Web, cache_dir: Path) -> None:
    result, _ = trace(web, "smoke", cache_dir, depth=4, archive=True)
    bulletin = web.url("weather", "/bulletins/smoke-advisory-0327")
    claim = claim_with(result, "3.2 million people")
    assert chain_documents(result, claim) == [web.url("airinst", "/reports/2025/03/30/smoke-exposure"), bulletin]
    archived = document(result, claim.origin_document_id)
    assert archived.url == bulletin and archived.status.value == "dead"
    assert archived.archive_url == f"{web.base('archive')}/web/20250328091500id_/{bulletin}"
    assert archived.archived_at == "2025-03-28"
    assert archived.published == "2025-03-27"  # from the dateline of the archived copy
    assert archived.site_name == "National Weather Service"
    last = claim.chain[-1]
    assert (last.relation, last.status, last.flags) == ("document", "archived", ["archived_copy"])
    assert last.evidence.startswith("BAYPORT, March 27, 2025 — An estimated 3.2 million people")
    assert claim.origin_date == "2025-03-27"
    # The archive was asked for the earliest capture; the DNS failure has none.
    paths = [h.path for h in web.requests("archive")]
    assert any(p.startswith("/cdx/search/cdx?url=") for p in paths)
    assert (result.documents[-1].error or "").endswith("no archived copy")


def test_cycle_is_cut_and_late_source_flagged(web: Web, cache_dir: Path) -> None:
    result, _ = trace(web, "bridge", cache_dir, depth=4)
    u = web.url
    tribune = u("tribune", "/news/elm-street-bridge")
    post = u("morningpost", "/2025/05/02/elm-bridge")
    minutes = u("council", "/minutes/2025-04-29")
    assert [d.url for d in result.documents] == [tribune, post, minutes]
    claim = claim_with(result, "Elm Street bridge will close")
    assert chain_documents(result, claim) == [post, minutes]
    post_hop = next(h for h in claim.chain if h.document_id == result.documents[1].id and h.relation == "document")
    # The Morning Post (May 2) is cited by the Tribune (May 1): a "source" published after its citer.
    assert post_hop.flags == ["published_after_citing"]
    assert post_hop.evidence.startswith("The Elm Street bridge is set to be shut for half a year")
    assert [(v.url, v.status) for v in claim.visits] == [(post, "matched"), (tribune, "cycle"), (minutes, "matched")]
    assert name_key(claim.origin.name) == "elm city council" if claim.origin else False
    assert claim.origin_date == "2025-04-29"


def test_depth_limits_how_far_a_claim_is_followed(web: Web, cache_dir: Path) -> None:
    result, _ = trace(web, "orren", cache_dir, depth=2)
    claim = claim_with(result, "1,100 litres")
    assert chain_documents(result, claim) == [POST, web.url("gazette", "/news/2025/03/10/orren-dam-leak")]
    limited = [v for v in claim.visits if v.status == "limit"]
    assert {v.url for v in limited} == {
        web.url("cpa", "/wire/2025/03/10/orren-dam"),
        web.url("gazette", "/private/inspection-memo"),
    }
    assert max(d.depth for d in result.documents) == 2
    assert claim.origin_date == "2025-03-10"  # the deepest source reached at this depth: the Gazette's wire


def test_depth_zero_is_the_document_alone(web: Web, cache_dir: Path) -> None:
    web.clear()
    result, requests = trace(web, "orren", cache_dir, depth=0)
    assert requests == 1 and len(web.requests()) == 1  # the input page only
    assert len(result.documents) == 1
    assert all(c.visits == [] and c.origin_date is None for c in result.claims)


def test_second_run_is_served_from_the_cache(web: Web, cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = {root: trace(web, root, cache_dir, archive=True) for root in ROOTS}
    assert all(requests > 0 for _, requests in first.values())
    web.clear()
    lookups: list[str] = []
    real_getaddrinfo = socket.getaddrinfo

    def counting_getaddrinfo(host: str, *args: object, **kwargs: object) -> object:
        lookups.append(host)
        return real_getaddrinfo(host, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(socket, "getaddrinfo", counting_getaddrinfo)
    for root, (cold, _) in first.items():
        warm, requests = trace(web, root, cache_dir, archive=True)
        assert requests == 0
        assert _without_cache_flags(warm) == _without_cache_flags(cold)
        assert all(d.from_cache for d in warm.documents[1:] if d.status.value == "ok" and d.via == "link")
    assert web.requests() == []  # not one request reached any site, robots.txt and archive included
    assert lookups == []  # not even a DNS lookup: the dead host's failure is remembered too


def test_offline_reads_the_cache_and_nothing_else(web: Web, cache_dir: Path) -> None:
    cold, _ = trace(web, "smoke", cache_dir, archive=True)
    web.clear()
    warm, requests = trace(web, "smoke", cache_dir, archive=True, offline=True)
    assert requests == 0 and web.requests() == []
    assert _without_cache_flags(warm) == _without_cache_flags(cold)


def test_offline_with_an_empty_cache_records_what_it_could_not_reach(web: Web, cache_dir: Path, tmp_path: Path) -> None:
    source = web.file_for(*ROOTS["bridge"])
    assert source is not None
    page = tmp_path / "bridge.html"
    page.write_text(web.expand(source.read_text(encoding="utf-8")), encoding="utf-8")
    web.clear()
    with Fetcher(fetch_options(cache_dir, offline=True)) as fetcher:
        result = trace_one(InputItem("file", str(page)), fetcher, trail=trail_options(web))
    assert web.requests() == []
    assert [(d.url, d.status.value) for d in result.documents[1:]] == [
        (web.url("morningpost", "/2025/05/02/elm-bridge"), "not_cached")
    ]
    claim = claim_with(result, "Elm Street bridge will close")
    assert claim.chain[-1].status == "not_cached" and "not_cached_link" in claim.chain[-1].flags
    assert result.errors == []


def _without_cache_flags(result: TraceResult) -> object:
    """The result as JSON, minus what says where each page came from (network, cache, memory)."""
    data = result.model_dump_json().replace(" (remembered from an earlier attempt)", "")
    return re.sub(r'"from_cache":(true|false|null)', "", data)


def test_unreadable_and_hostile_links_are_recorded_not_fatal(web: Web, cache_dir: Path) -> None:
    # The address guard is on (only the web's own sites exempt), with a small size cap and deadline.
    options = guarded_options(web, cache_dir, *web.names, max_bytes=300_000, deadline=1.0)
    with Fetcher(options) as fetcher:
        item = InputItem("url", web.url("harbourwatch", "/posts/odd-links"))
        result = trace_one(item, fetcher, trail=trail_options(web))
    assert result.errors == []
    u = web.url
    assert [(d.url, d.status.value) for d in result.documents[1:]] == [
        (u("harbourwatch", "/files/fares.pdf"), "failed"),  # wrong type, refused before the body
        (u("harbourwatch", "/feeds/marina"), "failed"),  # endless body, cut at the cap
        ("http://169.254.169.254/latest/meta-data/", "blocked"),  # cloud metadata address
        (u("harbourwatch", "/visitors/report"), "failed"),  # binary served as HTML
        (u("harbourwatch", "/slow/market"), "dead"),  # a byte at a time: past the deadline
    ]
    errors = [d.error or "" for d in result.documents[1:]]
    assert "application/pdf" in errors[0] and "over 300000 bytes" in errors[1] and "link-local" in errors[2]
    assert "binary" in errors[3] and "timed out" in errors[4]
    assert [(c.chain[-1].status, c.chain[-1].flags) for c in result.claims] == [
        ("failed", ["failed_link"]),
        ("failed", ["failed_link"]),
        ("blocked", ["blocked_link"]),
        ("failed", ["failed_link"]),
        ("dead", ["dead_link"]),
    ]


def test_document_budget_caps_a_trace(web: Web, cache_dir: Path) -> None:
    site, path = ROOTS["orren"]
    options = trail_options(web)
    options.max_documents = 2
    with Fetcher(fetch_options(cache_dir)) as fetcher:
        result = trace_one(InputItem("url", web.url(site, path)), fetcher, trail=options)
    assert len(result.documents) == 3  # the input and two more
    claim = claim_with(result, "1,100 litres")
    assert [v.status for v in claim.visits][-1] == "limit"


def test_embedded_post_is_confirmed_through_oembed_and_its_links_followed(web: Web, cache_dir: Path) -> None:
    with Fetcher(fetch_options(cache_dir)) as fetcher:
        item = InputItem("url", web.url("harbourwatch", "/posts/orren-embed"))
        result = trace_one(item, fetcher, trail=trail_options(web, depth=3))
    u = web.url
    [post] = result.posts
    claim = next(c for c in result.claims if c.post_id == post.id)
    post_hop = claim.chain[0]
    assert (post_hop.relation, post_hop.status, post_hop.date) == ("post", "ok", "2025-03-11")
    assert [h.relation for h in claim.chain].count("post") == 1  # confirmed, not repeated
    assert chain_documents(result, claim) == [
        u("gazette", "/news/2025/03/10/orren-dam-leak"),
        u("cpa", "/wire/2025/03/10/orren-dam"),
        u("water", "/press/orren-dam-statement"),
    ]
    assert [(v.reason, v.status, v.depth) for v in claim.visits[:2]] == [
        ("post", "matched", 1),
        ("sentence_link", "matched", 1),
    ]
    assert [v.url for v in claim.visits].count(u("gazette", "/news/2025/03/10/orren-dam-leak")) == 1
    assert claim.origin_date == "2025-03-09"


def test_deleted_post_is_recorded_on_the_post_hop(web: Web, cache_dir: Path, tmp_path: Path) -> None:
    page = tmp_path / "deleted.html"
    page.write_text(
        "<html><body><article><p>People shared this all day:</p>"
        '<blockquote class="twitter-tweet"><p lang="en">The ferry to Orren island is cancelled until Monday.</p>'
        "&mdash; Ferry Fan (@ferryfan) "
        '<a href="https://twitter.com/ferryfan/status/1899461556433846999">March 11, 2025</a></blockquote>'
        "<p>The operator has not confirmed it.</p></article></body></html>",
        encoding="utf-8",
    )
    with Fetcher(fetch_options(cache_dir)) as fetcher:
        result = trace_one(InputItem("file", str(page)), fetcher, trail=trail_options(web))
    [claim] = [c for c in result.claims if c.post_id]
    assert (claim.chain[0].status, claim.chain[0].flags) == ("dead", ["dead_post"])
    assert [(v.reason, v.status) for v in claim.visits] == [("post", "dead")]
    assert result.documents[1].via == "post" and "404" in (result.documents[1].error or "")


def test_a_page_that_breaks_a_parser_is_a_failed_document(
    web: Web, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tracer.trail.reach

    real = tracer.trail.reach.parse_article

    def breaks_on_the_wire(article, **kwargs):  # type: ignore[no-untyped-def]
        if "orren-dam" in (article.document.url or "") and "/wire/" in (article.document.url or ""):
            raise RuntimeError("parser bug")
        return real(article, **kwargs)

    monkeypatch.setattr(tracer.trail.reach, "parse_article", breaks_on_the_wire)
    result, _ = trace(web, "orren", cache_dir, depth=4)
    wire = next(d for d in result.documents if "/wire/" in (d.url or ""))
    assert wire.status.value == "failed" and "parser bug" in (wire.error or "")
    assert result.errors == []
    claim = claim_with(result, "1,100 litres")
    assert len(chain_documents(result, claim)) == 2  # the post and the Gazette; the trail stops at the wire
    assert "failed_link" in claim.chain[-1].flags
