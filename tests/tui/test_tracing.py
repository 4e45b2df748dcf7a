"""Tracing in the background: the library's trail followed as `tracer trace` follows it, its visits
shown while they arrive, a hop opened into the document it reached, links followed, failures shown.

Pages are served by a real HTTP server on 127.0.0.1; the app traces them with `tracer`'s own
public API (the default tracing function) and a fresh cache per test.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from textual.pilot import Pilot
from werkzeug import Request, Response

from tests.tui.conftest import plain
from tracer import FetchOptions, RunOptions, TrailOptions
from tui.app import TracerApp
from tui.loading import make_trace_fn
from tui.screens.article import ArticleScreen
from tui.screens.chain import ChainScreen
from tui.screens.documents import DocumentsScreen
from tui.widgets.chain_tree import ChainTree, HopNode, VisitNode
from tui.widgets.tables import RowTable

pytestmark = pytest.mark.asyncio

STORY = """<html><head><title>Minister quits</title><meta property="og:site_name" content="Daily Test"></head>
<body><article><h1>Minister quits</h1>
<p>The transport minister resigned on Monday after a row over rail funding, according to
<a href="{origin}">the Northern Herald</a>.</p>
<p>Rail unions said they welcomed the change and hoped for new investment in the network soon.</p>
<p>A photo of the minister leaving: <a href="https://pic.twitter.com/Ab12Cd34Ef">pic.twitter.com/Ab12Cd34Ef</a></p>
</article></body></html>"""

ORIGIN = """<html><head><title>Transport minister resigns</title>
<meta property="og:site_name" content="Northern Herald"><meta property="article:published_time" content="2024-05-01">
</head><body><article><h1>Transport minister resigns</h1>
<p>A ministry spokesman said the transport minister resigned on Monday evening after a row over rail funding.</p>
<p>Two officials said the minister had clashed with the treasury over the rail budget for months.</p>
</article></body></html>"""


def serve_story(httpserver: HTTPServer, origin_status: int = 200, gate: threading.Event | None = None) -> str:
    """Serve the citing story and its origin page; `gate` holds the origin's answer back until set."""
    origin_url = httpserver.url_for("/origin.html")
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    httpserver.expect_request("/story.html").respond_with_data(
        STORY.format(origin=origin_url), content_type="text/html; charset=utf-8"
    )

    def origin(request: Request) -> Response:
        if gate is not None:
            gate.wait(timeout=20)
        return Response(ORIGIN, status=origin_status, content_type="text/html; charset=utf-8")

    httpserver.expect_request("/origin.html").respond_with_handler(origin)
    return httpserver.url_for("/story.html")


def make_app(story_url: str, tmp_path: Path) -> TracerApp:
    fetch = FetchOptions(cache_dir=tmp_path / "cache", allow_private=True, rate=0.0)
    return TracerApp([story_url], trace=make_trace_fn(RunOptions(TrailOptions(depth=2), fetch)))


def herald_claim_index(app: TracerApp) -> int:
    claims = app.screen.entry.result.claims
    return next(i for i, c in enumerate(claims) if c.chain and c.chain[0].source.name == "the Northern Herald")


async def open_herald_chain(app: TracerApp, pilot: Pilot[None]) -> None:
    """Open the story, its claim attributed to the Northern Herald, and that claim's chain."""
    await pilot.press("enter")
    assert isinstance(app.screen, ArticleScreen)
    await pilot.press(*["j"] * herald_claim_index(app), "enter")
    await pilot.pause()
    assert isinstance(app.screen, ChainScreen)


async def wait_for_rows(app: TracerApp, pilot: Pilot[None]) -> None:
    for _ in range(200):
        await pilot.pause(0.05)
        if app.library.listed:
            return
    raise AssertionError("the article never appeared")


async def test_the_trail_is_followed_and_a_hop_opens_the_document_it_reached(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    app = make_app(serve_story(httpserver), tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.wait_for_traces()
        await pilot.pause()
        await open_herald_chain(app, pilot)
        screen = app.screen
        assert isinstance(screen, ChainScreen)
        tree = screen.query_one(ChainTree)
        hops = tree.hop_nodes()
        chain = screen.claim.chain
        assert [chain[n.data.index].relation for n in hops if isinstance(n.data, HopNode)] == [
            "attribution",  # the Northern Herald, in the story
            "document",  # the Herald's page, followed
            "attribution",  # the spokesman that page names
        ]
        assert (chain[1].source.name, chain[1].date) == ("the Northern Herald", "2024-05-01")  # one source
        assert screen.claim.origin is not None and screen.claim.origin.name == "A ministry spokesman"
        assert "↗" in str(hops[1].label) and "↗" not in str(hops[0].label)
        visits = [n for n in tree.visits_node.children if isinstance(n.data, VisitNode)]
        assert len(visits) == 1 and str(visits[0].label).startswith("✓ matched")
        # The hop opens the followed document's own article, at the claim holding the evidence.
        await pilot.press("j", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ArticleScreen)
        assert app.screen.entry.result.document.title == "Transport minister resigns"
        assert app.screen.entry.followed
        assert app.screen.location.claim_id is not None
        # Followed documents are not listed among the opened ones.
        await pilot.press("backspace", "backspace", "backspace")
        assert isinstance(app.screen, DocumentsScreen)
        assert len(app.library.listed) == 1 and len(app.library.entries) == 2


async def test_visits_appear_while_the_worker_runs_and_the_ui_stays_live(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    gate = threading.Event()
    app = make_app(serve_story(httpserver, gate=gate), tmp_path)
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_for_rows(app, pilot)  # the article is listed before its trail is followed
            assert app.pending and app.library.listed[0].tracing
            status = plain(app.screen.query_one("#doc-status"))
            assert "tracing 1…" in status
            await open_herald_chain(app, pilot)
            tree = app.screen.query_one(ChainTree)
            assert "following…" in str(tree.visits_node.label)
            await pilot.press("j", "k")  # the UI answers while the server holds the page back
            gate.set()
            await app.wait_for_traces()
            await pilot.pause()
            assert isinstance(app.screen, ChainScreen)
            tree = app.screen.query_one(ChainTree)
            assert "following" not in str(tree.visits_node.label)
            [visit] = [n for n in tree.visits_node.children if isinstance(n.data, VisitNode)]
            assert str(visit.label).startswith("✓ matched")
            assert app.screen.claim.origin is not None and app.screen.claim.origin.name == "A ministry spokesman"
    finally:
        gate.set()


async def test_a_dead_page_is_a_visit_that_says_so(httpserver: HTTPServer, tmp_path: Path) -> None:
    app = make_app(serve_story(httpserver, origin_status=404), tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.wait_for_traces()
        await pilot.pause()
        await open_herald_chain(app, pilot)
        screen = app.screen
        assert isinstance(screen, ChainScreen)
        [visit] = [n for n in screen.query_one(ChainTree).visits_node.children if isinstance(n.data, VisitNode)]
        assert str(visit.label).startswith("✗ dead") and "404" in str(visit.label)
        assert "dead_link" in screen.claim.chain[-1].flags
        assert len(app.library.entries) == 1  # a dead page is not added as a document


async def test_following_a_link_opens_the_page_it_points_at(httpserver: HTTPServer, tmp_path: Path) -> None:
    app = make_app(serve_story(httpserver), tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.wait_for_traces()
        await pilot.pause()
        await pilot.press("enter", "3")
        assert app.screen.query_one("#links", RowTable).has_focus
        await pilot.press("enter")
        await app.wait_for_traces()
        await pilot.pause()
        assert isinstance(app.screen, ArticleScreen)
        assert app.screen.entry.result.document.title == "Transport minister resigns"
        assert app.screen.entry.result.document.url == httpserver.url_for("/origin.html")


async def test_a_post_photo_link_is_not_fetched_as_the_cli_skips_it(httpserver: HTTPServer, tmp_path: Path) -> None:
    app = make_app(serve_story(httpserver), tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.wait_for_traces()
        await pilot.pause()
        await pilot.press("enter", "3")
        links = app.screen.entry.result.links
        index = next(i for i, link in enumerate(links) if "pic.twitter.com" in link.url)
        await pilot.press(*["j"] * index, "enter")
        await pilot.pause()
        assert not app.pending and isinstance(app.screen, ArticleScreen)
        assert any(n.message.startswith("Not traced: a post's photo") for n in app._notifications)
