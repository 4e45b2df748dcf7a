"""`/`: search claims and sources across every opened document, and jump to one."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from tui.keys import Owner, bindings
from tui.search import Hit, search
from tui.widgets.tables import clip

if TYPE_CHECKING:
    from tui.app import TracerApp


class SearchScreen(ModalScreen[Hit | None]):
    """Type words; claims and sources containing all of them are listed; enter opens one."""

    AUTO_FOCUS = "#search-input"
    BINDINGS: ClassVar[list[BindingType]] = bindings(Owner.SEARCH)

    def __init__(self) -> None:
        super().__init__()
        self.hits: list[Hit] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="search-dialog"):
            yield Label("Search claims and sources", classes="dialog-title")
            yield Input(placeholder="words in a claim or a source's name", id="search-input")
            yield Static("", id="search-count", classes="dialog-note")
            yield OptionList(id="search-results")

    @on(Input.Changed, "#search-input")
    def _changed(self, event: Input.Changed) -> None:
        app = cast("TracerApp", self.app)
        self.hits = search(app.library, event.value)
        results = self.query_one("#search-results", OptionList)
        results.clear_options()
        width = max(30, min(self.app.size.width, 84) - 16)  # the dialog's inside, less the kind column
        results.add_options([_option(hit, width) for hit in self.hits])
        if self.hits:
            results.highlighted = 0
        count = f"{len(self.hits)} found" if event.value.strip() else ""
        self.query_one("#search-count", Static).update(count)

    def action_move(self, step: int) -> None:
        """Move the highlight in the results while typing continues in the box."""
        results = self.query_one("#search-results", OptionList)
        if self.hits:
            current = results.highlighted or 0
            results.highlighted = max(0, min(len(self.hits) - 1, current + step))

    @on(Input.Submitted, "#search-input")
    def _submitted(self) -> None:
        index = self.query_one("#search-results", OptionList).highlighted
        if index is not None and index < len(self.hits):
            self.dismiss(self.hits[index])

    @on(OptionList.OptionSelected, "#search-results")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.hits[event.option_index])

    def action_cancel(self) -> None:
        """Close without going anywhere."""
        self.dismiss(None)


def _option(hit: Hit, width: int) -> Option:
    """Two lines per hit: kind and words, then where it comes from; each clipped to fit the dialog."""
    prompt = Text.assemble(
        (f"{hit.kind:<6} ", "bold"), clip(hit.label, width), "\n", ("       " + clip(hit.detail, width), "dim")
    )
    return Option(prompt)
