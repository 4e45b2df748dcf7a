"""The first screen: every opened input, with what was found in it, and a filter."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.widgets import DataTable, Footer, Header, Input, Static

from tui.keys import Owner, bindings
from tui.library import Entry, origin_count
from tui.messages import LibraryChanged, TrailProgressed
from tui.navigation import ARTICLE, DOCUMENTS, Location
from tui.screens.base import TracerScreen
from tui.widgets.tables import RowTable, clip

FIXED_COLUMNS_WIDTH = 64  # site, date and the four counts, with cell padding and the scrollbar


class FilterInput(Input):
    """The filter box: ↓ leaves it for the list it filters."""

    BINDINGS: ClassVar[list[BindingType]] = bindings(Owner.FILTER)

    def action_leave(self) -> None:
        """Into the filtered list, on its first row."""
        self.screen.query_one("#documents", RowTable).focus()


class DocumentsScreen(TracerScreen):
    """A table of the opened documents: title, site, date, and counts of claims, posts, links, origins."""

    AUTO_FOCUS = "#documents"
    BINDINGS: ClassVar[list[BindingType]] = bindings(Owner.DOCUMENTS)

    def __init__(self) -> None:
        super().__init__(Location(DOCUMENTS))
        self.title_width = 16

    def compose(self) -> ComposeResult:
        yield Header()
        yield FilterInput(placeholder="Filter documents (ctrl+f): title, site, date, path", id="doc-filter")
        yield Static(id="doc-status")
        yield RowTable(id="documents")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "documents"
        table = self.query_one("#documents", RowTable)
        self.title_width = max(16, self.app.size.width - FIXED_COLUMNS_WIDTH)
        table.add_column("Title", width=self.title_width, key="title")
        table.add_column("Site", width=14, key="site")
        table.add_column("Date", width=10, key="date")
        for label in ("Claims", "Posts", "Links", "Origins"):
            table.add_column(label, key=label.lower())
        self.refresh_rows()

    def refresh_rows(self) -> None:
        """Redraw the table from the library, keeping the cursor on the same document."""
        table = self.query_one("#documents", RowTable)
        keep = table.current_key
        query = self.query_one("#doc-filter", Input).value.lower().split()
        table.clear()
        for entry in self.tracer.library.listed:
            if all(word in _haystack(entry) for word in query):
                table.add_row(*_row(entry, self.title_width), key=entry.key)
        if keep:
            table.move_to_key(keep)
        self._update_status()

    def _update_status(self) -> None:
        shown = self.query_one("#documents", RowTable).row_count
        total = len(self.tracer.library.listed)
        noun = "document" if total == 1 else "documents"
        parts = [f"{shown} of {total} {noun}" if shown != total else f"{total} {noun}"]
        if self.tracer.pending:
            steps = sorted(set(self.tracer.progress.values()))
            parts.append(f"tracing {len(self.tracer.pending)}…" + (f" ({', '.join(steps)})" if steps else ""))
        entry = self.current_entry()
        if entry and entry.failed:
            parts.append(f"✗ {entry.result.errors[0].message}")
        self.query_one("#doc-status", Static).update(" · ".join(parts))

    def current_entry(self) -> Entry | None:
        key = self.query_one("#documents", RowTable).current_key
        return self.tracer.library.get(key) if key else None

    def current_url(self) -> str | None:
        entry = self.current_entry()
        return entry.result.document.url if entry else None

    def action_focus_filter(self) -> None:
        """Move to the filter box."""
        self.query_one("#doc-filter", Input).focus()

    @on(Input.Changed, "#doc-filter")
    def _filter_changed(self) -> None:
        self.refresh_rows()

    @on(Input.Submitted, "#doc-filter")
    def _filter_done(self) -> None:
        """Enter in the filter opens the highlighted match (the first, unless the list was moved)."""
        table = self.query_one("#documents", RowTable)
        table.focus()
        if table.current_key:
            self.tracer.go(Location(ARTICLE, table.current_key))

    @on(DataTable.RowHighlighted, "#documents")
    def _row_highlighted(self) -> None:
        self._update_status()

    @on(DataTable.RowSelected, "#documents")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value:
            self.tracer.go(Location(ARTICLE, event.row_key.value))

    def on_library_changed(self, message: LibraryChanged) -> None:
        self.refresh_rows()

    def on_trail_progressed(self, message: TrailProgressed) -> None:
        if message.claim_id is None:  # a new document parsed: a row to add; visits change no row
            self.refresh_rows()
        else:
            self._update_status()


def _row(entry: Entry, title_width: int) -> tuple[str, ...]:
    result = entry.result
    doc = result.document
    if entry.failed:
        return (clip(result.input or entry.title, title_width), "✗ failed", "", "", "", "", "")
    counts = (len(result.claims), len(result.posts), len(result.links))
    origins = "following…" if entry.tracing else f"{origin_count(result)}/{len(result.claims)}"
    return (
        clip(entry.title, title_width),
        clip(doc.site_name or "—", 14),
        doc.published or "—",
        *map(str, counts),
        origins,
    )


def _haystack(entry: Entry) -> str:
    doc = entry.result.document
    return " ".join(
        x or "" for x in (doc.title, doc.site_name, doc.published, doc.path, doc.url, entry.result.input)
    ).lower()
