"""Tracing in the background: hops expanded into the pages they cite, links followed, failures shown.

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

from tracer import FetchOptions
from tui.app import TracerApp
from tui.loading import make_trace_fn
from tui.screens.article import ArticleScreen
from tui.screens.chain import ChainScreen
from tui.widgets.chain_tree import ChainTree, ClaimNode, DocNode, FailedNode, HopNode, PendingNode
from tui.widgets.tables import RowTable

pytestmark = pytest.mark.asyncio

STORY = """<html><head><title>Minister quits</title><meta property="og:site_name" content="Daily Test"></head>
<body><article><h1>Minister quits</h1>
<p>The transport minister resigned on Monday after a row over rail funding, according to
<a href="{origin}">the Northern Herald</a>.</p>
<p>Rail unions said they welcomed the change and hoped for new investment in the network soon.</p>
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
    return TracerApp([story_url], trace=make_trace_fn(FetchOptions(cache_dir=tmp_path / "cache", allow_private=True)))


async def open_herald_chain(app: TracerApp, pilot: Pilot[None]) -> None:
    """Open the story, its claim attributed to the Northern Herald, and that claim's chain."""
    await app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.press("enter")
    assert isinstance(app.screen, ArticleScreen)
    claims = app.screen.entry.result.claims
    index = next(i for i, c in enumerate(claims) if c.chain and c.chain[0].source.name == "the Northern Herald")
    await pilot.press(*["j"] * index, "enter")
    await pilot.pause()
    assert isinstance(app.screen, ChainScreen)


async def test_expanding_a_hop_traces_its_page_behind_a_placeholder(httpserver: HTTPServer, tmp_path: Path) -> None:
    gate = threading.Event()
    app = make_app(serve_story(httpserver, gate=gate), tmp_path)
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await open_herald_chain(app, pilot)
            tree = app.screen.query_one(ChainTree)
            hop = tree.cursor_node
            assert hop is not None and isinstance(hop.data, HopNode)
            assert hop.data.url == httpserver.url_for("/origin.html")
            assert "↗" in str(hop.label)
            await pilot.press("enter")  # expand: the page is not open yet, so it is traced
            await pilot.pause()
            [placeholder] = hop.children
            assert isinstance(placeholder.data, PendingNode) and str(placeholder.label).startswith("tracing…")
            # The UI is not frozen while the server holds its answer back.
            await pilot.press("k")
            assert tree.cursor_node is tree.root
            await pilot.press("j")
            gate.set()
            await app.workers.wait_for_complete()
            await pilot.pause()
            doc, *claims = hop.children
            assert isinstance(doc.data, DocNode)
            origin = app.library.get(doc.data.key)
            assert origin is not None and origin.result.document.title == "Transport minister resigns"
            assert all(isinstance(node.data, ClaimNode) for node in claims)
            assert "A ministry spokesman" in str(claims[0].label)  # the closest wording comes first
            assert len(app.library.entries) == 2
            # Enter on the page opens it as an article.
            await pilot.press("j", "enter")
            await pilot.pause()
            assert isinstance(app.screen, ArticleScreen) and app.screen.entry.key == origin.key
    finally:
        gate.set()


async def test_a_hop_whose_page_fails_shows_why_and_can_be_retried(httpserver: HTTPServer, tmp_path: Path) -> None:
    app = make_app(serve_story(httpserver, origin_status=404), tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_herald_chain(app, pilot)
        hop = app.screen.query_one(ChainTree).cursor_node
        assert hop is not None
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        [failed] = hop.children
        assert isinstance(failed.data, FailedNode) and "404" in failed.data.error
        errors = [n for n in app._notifications if n.severity == "error"]
        assert len(errors) == 1 and "404" in errors[0].message
        assert len(app.library.entries) == 1  # a dead page is not added as a document
        await pilot.press("enter", "enter")  # collapse, expand again: a retry
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert len([n for n in app._notifications if n.severity == "error"]) == 2


async def test_following_a_link_opens_the_page_it_points_at(httpserver: HTTPServer, tmp_path: Path) -> None:
    app = make_app(serve_story(httpserver), tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter", "3")
        assert app.screen.query_one("#links", RowTable).has_focus
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ArticleScreen)
        assert app.screen.entry.result.document.title == "Transport minister resigns"
        assert app.screen.entry.result.document.url == httpserver.url_for("/origin.html")
