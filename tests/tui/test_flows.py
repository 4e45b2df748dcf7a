"""Pilot tests of the main flows on the seed article: open, select, walk the chain, export, navigate."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, RadioButton, Static

from tests.conftest import SEED
from tests.tui.conftest import SEED_TRACE, clash_report_claim, plain
from tracer import Claim, Document, DocumentRef, Hop, SourceRef, TraceResult
from tui.app import TracerApp
from tui.screens.article import ArticleScreen
from tui.screens.chain import ChainScreen
from tui.screens.dialogs import ExportDialog
from tui.screens.documents import DocumentsScreen
from tui.screens.help import HelpScreen
from tui.screens.search import SearchScreen
from tui.screens.timeline import TimelineScreen
from tui.widgets.article_text import ArticleText
from tui.widgets.chain_tree import ChainTree, HopNode
from tui.widgets.tables import RowTable

pytestmark = pytest.mark.asyncio


async def settle(app: TracerApp, pilot: Pilot[None]) -> None:
    """Wait for every background trace, then for the UI to draw what they sent."""
    await app.wait_for_traces()
    await pilot.pause()


async def open_clash_claim(app: TracerApp, pilot: Pilot[None]) -> TraceResult:
    """From the documents: open the seed, move with j to the Clash Report claim, open its chain."""
    await settle(app, pilot)
    assert isinstance(app.screen, DocumentsScreen)
    await pilot.press("enter")
    assert isinstance(app.screen, ArticleScreen)
    result = app.screen.entry.result
    claim = clash_report_claim(result)
    index = [c.id for c in result.claims].index(claim.id)
    await pilot.press(*["j"] * index)
    assert app.screen.query_one("#claims", RowTable).current_key == claim.id
    assert app.screen.query_one(ArticleText).highlighted == (claim.start, claim.end)
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(app.screen, ChainScreen)
    assert app.screen.claim.id == claim.id
    return result


def detail_text(app: TracerApp) -> str:
    return plain(app.screen.query_one("#detail-body", Static))


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_walk_the_clash_report_chain_to_intelligence_and_export_it(tmp_path: Path, size: tuple[int, int]) -> None:
    app = TracerApp([str(SEED)], export_dir=tmp_path)
    async with app.run_test(size=size) as pilot:
        result = await open_clash_claim(app, pilot)
        claim = clash_report_claim(result)
        tree = app.screen.query_one(ChainTree)
        assert tree.cursor_node is not None and tree.cursor_node.data == HopNode(result.document.id, claim.id, 0, None)
        assert "Clash Report" in detail_text(app)
        # Walk hop by hop with the keyboard to the earliest known origin.
        names = []
        for _ in claim.chain[1:]:
            await pilot.press("j")
            names.append(claim.chain[tree.cursor_node.data.index].source.name)
        assert any("Yonhap" in name for name in names)
        assert names[-1] == "intelligence"
        text = detail_text(app)
        assert "intelligence" in text and "earliest known origin" in text
        assert "citing intelligence" in text  # the evidence sentence, verbatim
        await pilot.press("e")
        assert isinstance(app.screen, ExportDialog)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ChainScreen)
    [saved] = list(tmp_path.glob("*.json"))
    exported = TraceResult.model_validate_json(saved.read_text(encoding="utf-8"))
    [only] = exported.claims
    assert only.id == claim.id and only.text == claim.text
    assert only.chain[0].source.name == "Clash Report"
    assert any("Yonhap" in hop.source.name for hop in only.chain)
    assert only.chain[-1].source.name == "intelligence" and only.origin and only.origin.name == "intelligence"
    assert [p.handle for p in exported.posts] == ["clashreport"]
    assert exported.document.text == result.document.text
    assert json.loads(saved.read_text())["schema_version"] == result.schema_version


async def test_export_the_whole_article_trace(tmp_path: Path) -> None:
    app = TracerApp([str(SEED)], export_dir=tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter", "e")
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        await pilot.click("#scope-article")
        target = tmp_path / "out" / "whole.json"
        dialog.query_one("#export-path", Input).value = str(target)
        await pilot.click("#save")
        await pilot.pause()
        full = app.library.entries[0].result
    saved = TraceResult.model_validate_json(target.read_text(encoding="utf-8"))
    assert saved == full
    assert len(saved.claims) == len(full.claims) > 1


async def test_export_asks_before_replacing_a_file(tmp_path: Path) -> None:
    app = TracerApp([str(SEED)], export_dir=tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter", "e")
        path = Path(app.screen.query_one("#export-path", Input).value)
        path.write_text("keep me")
        await pilot.press("enter")
        assert isinstance(app.screen, ExportDialog)
        assert "exists" in plain(app.screen.query_one("#export-note", Static))
        assert path.read_text() == "keep me"
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, ExportDialog)
    assert TraceResult.model_validate_json(path.read_text()).claims


async def test_search_finds_the_claim_by_its_sources_and_opens_its_chain() -> None:
    app = TracerApp([str(SEED)])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash")
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*"yonhap intelligence")
        assert [hit.kind for hit in app.screen.hits] == ["claim"]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ChainScreen)
        assert app.screen.claim.id == clash_report_claim(app.library.entries[0].result).id


async def test_back_and_forward_retrace_the_way() -> None:
    app = TracerApp([str(SEED)])
    async with app.run_test(size=(120, 40)) as pilot:
        await open_clash_claim(app, pilot)
        chain_claim = app.screen.claim.id
        await pilot.press("t")
        assert isinstance(app.screen, TimelineScreen)
        visited = []
        for _ in range(4):
            await pilot.press("backspace")
            visited.append(type(app.screen).__name__)
        assert visited == ["ChainScreen", "ArticleScreen", "DocumentsScreen", "DocumentsScreen"]
        await pilot.press("f", "f")
        await pilot.pause()
        assert isinstance(app.screen, ChainScreen) and app.screen.claim.id == chain_claim
        await pilot.press("f")
        assert isinstance(app.screen, TimelineScreen)


async def test_timeline_puts_the_undated_origin_before_the_dated_post_and_says_it_has_no_date() -> None:
    app = TracerApp([str(SEED_TRACE)])
    async with app.run_test(size=(120, 40)) as pilot:
        await open_clash_claim(app, pilot)
        await pilot.press("t")
        screen = app.screen
        assert isinstance(screen, TimelineScreen)
        first = screen.moments[0]
        assert (first.date, first.source, first.basis) == (None, "intelligence", "no date")
        post = screen.moments[2]
        assert (post.date, post.source, post.basis) == ("2024-12-23", "Clash Report", "post time")
        summary = plain(screen.query_one("#timeline-summary", Static))
        assert "Earliest date: 2024-12-23" in summary and "The origin, intelligence, has no date." in summary
        table = screen.query_one("#timeline", RowTable)
        assert table.get_row_at(table.row_count - 1)[:2] == ["no date", "no date"]
        # Enter on a hop's row opens the chain at that hop.
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ChainScreen)
        node = app.screen.query_one(ChainTree).cursor_node
        assert node is not None and isinstance(node.data, HopNode) and node.data.index == first.hop_index


async def test_open_in_browser_and_copy(browser: list[str]) -> None:
    app = TracerApp([str(SEED)])
    async with app.run_test(size=(120, 40)) as pilot:
        result = await open_clash_claim(app, pilot)
        await pilot.press("o")  # the seed's hops have no URL: nothing opens, the user is told
        assert browser == []
        assert any("No URL" in n.message for n in app._notifications)
        await pilot.press("j", "y")
        hop = clash_report_claim(result).chain[1]
        assert app.clipboard == hop.evidence
        await pilot.press("backspace", "3")  # the links tab of the article
        link = result.links[0]
        await pilot.press("o", "c")
        assert browser == [link.url]
        assert app.clipboard == link.url


async def test_documents_filter_hides_and_shows_rows() -> None:
    app = TracerApp([str(SEED)])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        table = app.screen.query_one("#documents", RowTable)
        assert table.row_count == 1
        row = table.get_row_at(0)
        result = app.library.entries[0].result
        assert row[3:] == [
            str(len(result.claims)),
            str(len(result.posts)),
            str(len(result.links)),
            f"{sum(c.origin is not None for c in result.claims)}/{len(result.claims)}",
        ]
        await pilot.press("ctrl+f", *"no-such-site")
        assert table.row_count == 0
        await pilot.press(*["backspace"] * len("no-such-site"), *"korea")
        assert table.row_count == 1


async def test_help_screen_and_command_palette() -> None:
    app = TracerApp([str(SEED)])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, DocumentsScreen)
        await pilot.press("ctrl+p")
        await pilot.press(*"search claims")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)


async def test_a_saved_trace_opens_without_tracing_again() -> None:
    app = TracerApp([str(SEED_TRACE)])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        [entry] = app.library.entries
        assert entry.result == TraceResult.model_validate_json(SEED_TRACE.read_text(encoding="utf-8"))


async def test_add_an_article_from_inside_the_app(tmp_path: Path) -> None:
    page = tmp_path / "bridge.html"
    page.write_text(
        "<html><head><title>Bridge to reopen</title></head><body><article>"
        "<p>The mayor said the bridge would reopen next week after repairs to its deck.</p>"
        "<p>Engineers had closed it in March when cracks appeared in two of the supports.</p>"
        "</article></body></html>"
    )
    app = TracerApp([str(SEED)])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("a", *str(page), "enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ArticleScreen)
        assert app.screen.entry.result.document.path == str(page)
        assert [claim.origin.name for claim in app.screen.entry.result.claims if claim.origin] == ["The mayor"]
        assert len(app.library.entries) == 2


async def test_a_missing_input_is_a_failed_row_and_a_notification(tmp_path: Path) -> None:
    missing = tmp_path / "missing.html"
    app = TracerApp([str(missing)])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        table = app.screen.query_one("#documents", RowTable)
        assert table.get_row_at(0)[1] == "✗ failed"
        assert "no such file" in plain(app.screen.query_one("#doc-status", Static))
        assert any(n.severity == "error" and "no such file" in n.message for n in app._notifications)
        await pilot.press("enter")
        assert isinstance(app.screen, DocumentsScreen)


async def test_radio_scope_changes_the_proposed_file_name(tmp_path: Path) -> None:
    app = TracerApp([str(SEED)], export_dir=tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_clash_claim(app, pilot)
        await pilot.press("e")
        path_input = app.screen.query_one("#export-path", Input)
        claim_id = app.screen.claim.id
        assert path_input.value.endswith(f"-{claim_id}.json")
        await pilot.click("#scope-article")
        assert app.screen.query_one("#scope-article", RadioButton).value
        assert path_input.value.endswith(".trace.json")


async def test_the_mouse_opens_rows_and_selects_hops() -> None:
    app = TracerApp([str(SEED_TRACE)])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        # A click on the row under the cursor opens it (line 0 is the header).
        await pilot.click("#documents", offset=(3, 1))
        await pilot.pause()
        assert isinstance(app.screen, ArticleScreen)
        result = app.screen.entry.result
        row = [c.id for c in result.claims].index(clash_report_claim(result).id) + 1
        await pilot.click("#claims", offset=(3, row))  # the first click moves the cursor there
        assert isinstance(app.screen, ArticleScreen)
        await pilot.click("#claims", offset=(3, row))  # the second opens the claim
        await pilot.pause()
        assert isinstance(app.screen, ChainScreen)
        tree = app.screen.query_one(ChainTree)
        await pilot.click("#chain-tree", offset=(8, 3))  # line 3: the third hop, the origin
        await pilot.pause()
        assert tree.cursor_node is not None and tree.cursor_node.data.index == 2
        assert "earliest known origin of this claim" in detail_text(app)


async def test_a_folder_is_listed_in_input_order(tmp_path: Path) -> None:
    for name in ("c.txt", "a.txt", "b.txt"):
        (tmp_path / name).write_text(f"Police said the road near {name[0].upper()} Street was closed on Monday.\n")
    app = TracerApp([str(tmp_path)])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        table = app.screen.query_one("#documents", RowTable)
        keys = [table.coordinate_to_cell_key((row, 0)).row_key.value for row in range(table.row_count)]
        paths = [app.library.get(str(key)).result.document.path for key in keys]
        assert [Path(str(path)).name for path in paths] == ["a.txt", "b.txt", "c.txt"]


async def test_a_claim_with_no_source_has_a_chain_screen_and_a_timeline_that_say_so() -> None:
    app = TracerApp([str(SEED_TRACE)])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter")
        result = app.screen.entry.result
        index, claim = next((i, c) for i, c in enumerate(result.claims) if not c.chain and c.hedged)
        await pilot.press(*["j"] * index, "enter")
        await pilot.pause()
        assert isinstance(app.screen, ChainScreen)
        text = detail_text(app)
        assert "hedged, no source named" in text and claim.text[:40] in text
        await pilot.press("t")
        assert isinstance(app.screen, TimelineScreen)
        assert "No hop of this chain has a date." in plain(app.screen.query_one("#timeline-summary", Static))


async def test_hops_into_other_documents_show_their_document_status_and_flags(tmp_path: Path) -> None:
    """What cross-document tracing records (relation, status, flags, documents[]) is all on screen."""
    text = "The minister quit, the Herald reported, citing a ministry memo."
    cited = DocumentRef(
        id="d-cited", url="https://herald.example/memo", title="Memo story", status="dead", error="HTTP 410", depth=1
    )
    hop_here = Hop(
        source=SourceRef(id="s1", name="the Herald", kind="outlet"),
        cue="reported",
        evidence=text,
        evidence_start=0,
        source_start=19,
        source_end=29,
    )
    hop_there = Hop(
        source=SourceRef(id="s2", name="a ministry memo", kind="government"),
        cue="citing",
        evidence="A ministry memo seen by the Herald says the minister quit.",
        document_id="d-cited",
        relation="document",
        status="dead",
        flags=["published_after_citing"],
        date="2024-05-01",
    )
    claim = Claim(
        id="c1", text="The minister quit", start=0, end=17, chain=[hop_here, hop_there], origin=hop_there.source
    )
    result = TraceResult(
        input="story.txt",
        document=Document(id="d-story", path="story.txt", text=text),
        claims=[claim],
        documents=[DocumentRef(id="d-story", path="story.txt"), cited],
    )
    saved = tmp_path / "cross.json"
    saved.write_text(result.model_dump_json())
    app = TracerApp([str(saved)])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter", "enter")
        await pilot.pause()
        tree = app.screen.query_one(ChainTree)
        labels = [str(node.label) for node in tree.root.children]
        assert "this article" in labels[0]
        assert "Memo story" in labels[1] and "[dead]" in labels[1] and "published_after_citing" in labels[1]
        await pilot.press("j")
        text_shown = detail_text(app)
        assert "Memo story (https://herald.example/memo) [dead: HTTP 410]" in text_shown
        assert "document" in text_shown and "published_after_citing" in text_shown


@pytest.mark.parametrize("keys", [("tab", "enter"), ("down", "enter"), ("enter",)])
async def test_after_filtering_tab_down_or_enter_open_the_match(keys: tuple[str, ...]) -> None:
    smoke = "tests/web/sites/herald/2025/04/03/wildfire-smoke.html"
    app = TracerApp([str(SEED_TRACE), smoke])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+f", *"smoke")
        await pilot.pause()
        await pilot.press(*keys)
        await pilot.pause()
        assert isinstance(app.screen, ArticleScreen)
        assert (app.screen.entry.result.document.path or "").endswith("wildfire-smoke.html")


async def test_o_says_so_when_no_browser_opened(monkeypatch: pytest.MonkeyPatch) -> None:
    import webbrowser

    monkeypatch.setattr(webbrowser, "open", lambda url, *args, **kwargs: False)  # a server, an SSH session
    app = TracerApp([str(SEED_TRACE)])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter", "3", "o")
        link = app.screen.entry.result.links[0]
        messages = [n.message for n in app._notifications]
        assert not any(m.startswith("Opened") for m in messages)
        assert any("No web browser could be opened" in m and link.url in m for m in messages)
        assert app.clipboard == link.url


async def test_the_whole_article_is_exported_with_two_keys_and_the_choice_shows_without_colour(
    tmp_path: Path,
) -> None:
    app = TracerApp([str(SEED_TRACE)], export_dir=tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_clash_claim(app, pilot)  # a claim is selected: `e` would propose its chain
        await pilot.press("E")
        dialog = app.screen
        assert isinstance(dialog, ExportDialog) and dialog.scope == "article"
        marks = [str(b.render()).split()[0] for b in dialog.query(RadioButton)]
        assert marks == ["▐○▌", "▐●▌"]  # off and on differ in shape, not only in colour
        path = Path(dialog.query_one("#export-path", Input).value)
        await pilot.press("enter")
        await pilot.pause()
        full = app.library.entries[0].result
    assert TraceResult.model_validate_json(path.read_text(encoding="utf-8")) == full
