"""Screenshots of stable screens, compared with the approved SVGs in __snapshots__/.

They read a trace saved once (tests/tui/data/seed-trace.json), so they change only when the
UI does. After a deliberate UI change: `pytest tests/tui/test_snapshots.py --snapshot-update`,
then look at the new SVGs before committing them.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from textual.pilot import Pilot

from tests.tui.conftest import SEED_TRACE, clash_report_claim
from tui.app import TracerApp

SnapCompare = Callable[..., bool]


def walk_to_clash_claim(*keys: str) -> Callable[[Pilot[Any]], Awaitable[None]]:
    """Open the saved seed trace, select the Clash Report claim, then press `keys`."""

    async def run_before(pilot: Pilot[Any]) -> None:
        app = pilot.app
        assert isinstance(app, TracerApp)
        await app.wait_for_traces()
        await pilot.pause()
        await pilot.press("enter")
        result = app.library.entries[0].result
        index = [c.id for c in result.claims].index(clash_report_claim(result).id)
        await pilot.press(*["j"] * index, *keys)
        await pilot.pause()

    return run_before


async def loaded(pilot: Pilot[Any]) -> None:
    await pilot.app.wait_for_traces()
    await pilot.pause()


def test_documents_screen(snap_compare: SnapCompare) -> None:
    assert snap_compare(TracerApp([str(SEED_TRACE)]), terminal_size=(120, 40), run_before=loaded)


def test_article_screen_with_the_clash_report_claim(snap_compare: SnapCompare) -> None:
    assert snap_compare(TracerApp([str(SEED_TRACE)]), terminal_size=(120, 40), run_before=walk_to_clash_claim())


def test_chain_screen_at_the_origin(snap_compare: SnapCompare) -> None:
    run_before = walk_to_clash_claim("enter", "j", "j")
    assert snap_compare(TracerApp([str(SEED_TRACE)]), terminal_size=(120, 40), run_before=run_before)


def test_chain_screen_at_80_by_24(snap_compare: SnapCompare) -> None:
    run_before = walk_to_clash_claim("enter", "j")
    assert snap_compare(TracerApp([str(SEED_TRACE)]), terminal_size=(80, 24), run_before=run_before)


def test_timeline_screen(snap_compare: SnapCompare) -> None:
    run_before = walk_to_clash_claim("t")
    assert snap_compare(TracerApp([str(SEED_TRACE)]), terminal_size=(120, 40), run_before=run_before)
