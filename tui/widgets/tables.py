"""A row table that also moves with j/k, for every list in the app."""

from __future__ import annotations

from typing import Any, ClassVar

from textual.binding import BindingType
from textual.widgets import DataTable

from tui.keys import Owner, bindings


class RowTable(DataTable[Any]):
    """A `DataTable` with a row cursor and vi-style j/k, as the rest of the app expects."""

    BINDINGS: ClassVar[list[BindingType]] = bindings(Owner.LIST)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)

    @property
    def current_key(self) -> str | None:
        """The key of the row under the cursor, or None when the table is empty."""
        if not self.row_count:
            return None
        row_key, _ = self.coordinate_to_cell_key(self.cursor_coordinate)
        return row_key.value

    def move_to_key(self, key: str) -> None:
        """Put the cursor on the row with this key, if there is one."""
        try:
            self.move_cursor(row=self.get_row_index(key))
        except Exception:  # RowDoesNotExist: nothing to move to
            return


def clip(text: str, width: int) -> str:
    """One line of at most `width` characters, ending in '…' when cut."""
    line = " ".join(text.split())
    return line if len(line) <= width else line[: width - 1].rstrip() + "…"
