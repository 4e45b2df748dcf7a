"""The TUI walks the same trail as `tracer trace`: same options, same chains, same origins.

The local web of `tests/web` serves issue 16's trails (an embedded post on a self-hosted instance,
a link only in a post's oEmbed answer, a dead mirrored post read from the archive); `tracer trace` runs as a real process, the TUI through
Pilot with `tracer tui`'s own parser, each with the same arguments and a cold cache of its own.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.web.server import Web
from tests.web.tracing import ROOTS
from tracer import TraceResult, run_options
from tracer.cli import _build_parser
from tui.app import TracerApp
from tui.screens.article import ArticleScreen
from tui.screens.chain import ChainScreen
from tui.widgets.chain_tree import ChainTree, HopNode
from tui.widgets.tables import RowTable

TRACER = str(Path(sys.executable).with_name("tracer"))
pytestmark = pytest.mark.asyncio


@pytest.fixture(scope="module")
def web() -> Iterator[Web]:
    with Web() as running:
        yield running


def options(web: Web, cache_dir: Path) -> list[str]:
    return [
        "--depth", "4", "--archive", "--archive-url", web.base("archive"),
        "--oembed-twitter", web.url("social", "/oembed"),
        "--allow-private", "--rate", "0", "--cache-dir", str(cache_dir),
    ]  # fmt: skip


def chains(result: TraceResult) -> dict[str, tuple[list[tuple[str, str, str | None]], str | None, str | None]]:
    """Per claim text: its hops (source, relation, document URL), its origin and the origin's date."""
    urls = {d.id: d.url for d in result.documents}
    return {
        c.text: (
            [(h.source.name, str(h.relation), urls.get(h.document_id or "")) for h in c.chain],
            c.origin.name if c.origin else None,
            c.origin_date,
        )
        for c in result.claims
    }


@pytest.mark.parametrize("root", ["reservoir", "measles", "ferry"])
async def test_the_tui_shows_the_chain_and_origin_tracer_trace_gives(web: Web, tmp_path: Path, root: str) -> None:
    url = web.url(*ROOTS[root])
    done = subprocess.run(
        [TRACER, "trace", url, *options(web, tmp_path / "cli")], capture_output=True, timeout=180, check=True
    )
    cli = TraceResult.model_validate(json.loads(done.stdout))
    args = _build_parser().parse_args(["tui", url, *options(web, tmp_path / "tui")])
    app = TracerApp(args.inputs, options=run_options(args))
    async with app.run_test(size=(120, 40)) as pilot:
        await app.wait_for_traces()
        await pilot.pause()
        [entry] = app.library.listed
        assert chains(entry.result) == chains(cli)
        # What the chain screen shows is that chain: walk to the deepest claim's origin with the keyboard.
        claim = max(cli.claims, key=lambda c: len(c.chain))
        index = [c.text for c in entry.result.claims].index(claim.text)
        await pilot.press("enter")
        assert isinstance(app.screen, ArticleScreen)
        await pilot.press(*["j"] * index)
        assert app.screen.query_one("#claims", RowTable).current_key == entry.result.claims[index].id
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ChainScreen)
        tree = app.screen.query_one(ChainTree)
        shown = [app.screen.claim.chain[n.data.index] for n in tree.hop_nodes() if isinstance(n.data, HopNode)]
        assert [(h.source.name, str(h.relation)) for h in shown] == [
            (h.source.name, str(h.relation)) for h in claim.chain
        ]
        assert claim.origin is not None and claim.origin.name in str(tree.root.label)
        assert claim.origin_date and claim.origin_date in str(tree.root.label)
