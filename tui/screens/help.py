"""The help screen: every key, by where it works."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

KEYS: list[tuple[str, str, str]] = [
    ("Everywhere", "↑ ↓ / j k", "move"),
    ("", "enter", "open the document, claim, hop or link under the cursor"),
    ("", "backspace / esc", "back"),
    ("", "f", "forward (after going back)"),
    ("", "/", "search claims and sources in every open document"),
    ("", "a", "add an article: path, folder, URL or saved trace"),
    ("", "e", "export the current claim's chain or the article's trace (JSON, CSV, graph, PROV, Markdown)"),
    ("", "o", "open the selected hop, post, link or article in the browser"),
    ("", "c / y", "copy the URL / copy the evidence or claim text"),
    ("", "ctrl+p", "command palette"),
    ("", "? / f1", "this help"),
    ("", "q", "quit"),
    ("Documents", "ctrl+f", "filter the documents"),
    ("Article", "1 2 3", "claims, posts, links"),
    ("", "t", "timeline of the selected claim"),
    ("Chain", "enter / space", "expand a hop marked ↗: trace the page it points at"),
    ("", "t", "timeline of this claim"),
    ("", "enter on 📄", "open a traced page as an article"),
]


class HelpScreen(ModalScreen[None]):
    """Keys, grouped by screen; any of escape, q, ? closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark,f1", "close", "Close"),
    ]

    def compose(self) -> ComposeResult:
        table = Table(box=None, padding=(0, 2), show_header=False)
        table.add_column(style="bold", no_wrap=True)
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        for row in KEYS:
            table.add_row(*row)
        with VerticalScroll(classes="dialog", id="help-dialog"):
            yield Label("Keys", classes="dialog-title")
            yield Static(table)
            yield Static("The mouse works too: click a row twice to open it, click ▶ to expand.", classes="dialog-note")

    def action_close(self) -> None:
        """Back to where you were."""
        self.dismiss(None)
