"""Fixtures for the terminal UI: a clean environment, a recorded browser, the seed and a fixed trace."""

from __future__ import annotations

import io
import os
import webbrowser
from pathlib import Path

import pytest
from rich.console import Console
from textual.widgets import Static

from tracer import Claim, TraceResult

TUI_DATA = Path(__file__).resolve().parent / "data"
# A trace of the seed saved once with `tracer trace`: snapshots read it, so they stay the same
# while the parsers improve.
SEED_TRACE = TUI_DATA / "seed-trace.json"


@pytest.fixture(autouse=True)
def clean_terminal_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """Colour and Textual settings from the developer's shell must not change what tests see.

    The snapshot plugin's own `TEXTUAL_SNAPSHOT_*` bookkeeping variables are kept.
    """
    for name in list(os.environ):
        settings = name.startswith("TEXTUAL_") and not name.startswith("TEXTUAL_SNAPSHOT")
        if settings or name in {"NO_COLOR", "COLORFGBG", "TEXTUAL"}:
            monkeypatch.delenv(name)


@pytest.fixture(autouse=True)
def browser(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every URL the app asks the web browser to open; no browser is started."""
    opened: list[str] = []

    def record(url: str, *args: object, **kwargs: object) -> bool:
        opened.append(url)
        return True

    monkeypatch.setattr(webbrowser, "open", record)
    return opened


def clash_report_claim(result: TraceResult) -> Claim:
    """The seed's claim from the Clash Report post whose chain runs through Yonhap."""
    [post] = [p for p in result.posts if p.handle == "clashreport"]
    return next(
        c for c in result.claims if c.post_id == post.id and any("Yonhap" in hop.source.name for hop in c.chain)
    )


def plain(widget: Static) -> str:
    """What a Static shows, as plain text, wide enough that lines do not wrap."""
    console = Console(width=400, record=True, file=io.StringIO())
    console.print(widget.content, markup=False)
    return console.export_text()
