"""The TUI's export key offers every `tracer export` format; what it saves reads back like the command's output."""

from __future__ import annotations

import zipfile
from pathlib import Path

import networkx as nx
import pandas as pd
import prov
import pytest
from textual.widgets import Input, Select

from tests.conftest import SEED
from tests.tui.conftest import clash_report_claim
from tests.tui.test_flows import open_clash_claim, settle
from tracer import ExportFormat
from tui.app import TracerApp
from tui.screens.chain import ChainScreen
from tui.screens.dialogs import FORMATS, ExportDialog


def test_the_dialog_offers_json_and_every_export_format() -> None:
    assert [value for _, value in FORMATS] == ["json", *(f.value for f in ExportFormat)]


@pytest.mark.asyncio
async def test_export_key_saves_the_clash_report_chain_as_graphml(tmp_path: Path) -> None:
    app = TracerApp([str(SEED)], export_dir=tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        result = await open_clash_claim(app, pilot)
        claim = clash_report_claim(result)
        await pilot.press("e")
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        # From the file name back to the format list, open it, and pick GraphML with the keyboard.
        await pilot.press("shift+tab", "enter", "down", "down", "enter")
        await pilot.pause()
        assert dialog.query_one("#export-format", Select).value == "graphml"
        path_input = dialog.query_one("#export-path", Input)
        assert path_input.value.endswith(f"-{claim.id}.graphml")
        await pilot.press("tab", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ChainScreen)
    [saved] = list(tmp_path.glob("*.graphml"))
    graph = nx.read_graphml(saved, force_multigraph=True)
    hops = sorted(
        (d["position"], graph.nodes[v]["label"]) for _, v, d in graph.edges(data=True) if d["kind"] == "cites"
    )
    assert [name for _, name in hops] == ["Clash Report", "South Korea’s Yonhap News Agency", "intelligence"]
    assert [d["label"] for _, d in graph.nodes(data=True) if d["kind"] == "claim"] == [claim.text]


@pytest.mark.asyncio
async def test_every_format_saves_the_whole_article(tmp_path: Path) -> None:
    app = TracerApp([str(SEED)], export_dir=tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter")
        claims = len(app.screen.entry.result.claims)
        for fmt in ExportFormat:
            await pilot.press("e")
            dialog = app.screen
            assert isinstance(dialog, ExportDialog)
            await pilot.click("#scope-article")
            dialog.query_one("#export-format", Select).value = fmt.value
            await pilot.pause()
            assert dialog.query_one("#export-path", Input).value.endswith(f".trace{fmt.suffix}")
            await pilot.click("#save")
            await pilot.pause()
            assert not isinstance(app.screen, ExportDialog), fmt
    [tables] = list(tmp_path.glob("*.zip"))
    with zipfile.ZipFile(tables) as archive, archive.open("claims.csv") as member:
        assert len(pd.read_csv(member)) == claims
    [provjson] = list(tmp_path.glob("*.prov.json"))
    document = prov.read(provjson, format="json")
    [activity] = document.get_records(prov.model.ProvActivity)
    assert activity.get_endTime() is not None
    [report] = list(tmp_path.glob("*.md"))
    assert report.read_text(encoding="utf-8").count("### Claim ") == claims
    assert {p.suffix for p in tmp_path.iterdir()} == {".zip", ".graphml", ".gexf", ".json", ".provn", ".md"}
