"""The help screen: every key, by where it works."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from tui.keys import Owner, bindings, help_rows


class HelpScreen(ModalScreen[None]):
    """Keys, grouped by screen; any of escape, q, ? closes it."""

    BINDINGS: ClassVar[list[BindingType]] = bindings(Owner.HELP)

    def compose(self) -> ComposeResult:
        table = Table(box=None, padding=(0, 2), show_header=False)
        table.add_column(style="bold", no_wrap=True)
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        for row in help_rows():
            table.add_row(*row)
        with VerticalScroll(classes="dialog", id="help-dialog"):
            yield Label("Keys", classes="dialog-title")
            yield Static(table)
            yield Static("The mouse works too: click a row twice to open it, click ▶ to expand.", classes="dialog-note")

    def action_close(self) -> None:
        """Back to where you were."""
        self.dismiss(None)
