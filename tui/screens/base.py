"""What every main screen offers the app: where it is, and what the global keys act on."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.screen import Screen

from tracer import Claim
from tui.library import Entry
from tui.messages import LibraryChanged
from tui.navigation import Location

if TYPE_CHECKING:
    from tui.app import TracerApp


class TracerScreen(Screen[None]):
    """A main screen. The app's keys (export, open, copy, timeline) ask the screen what they act on."""

    def __init__(self, location: Location) -> None:
        super().__init__()
        self.location = location

    @property
    def tracer(self) -> TracerApp:
        """The app, typed."""
        return cast("TracerApp", self.app)

    def current_entry(self) -> Entry | None:
        """The document the screen is about (export's 'whole article')."""
        return self.tracer.library.get(self.location.key) if self.location.key else None

    def current_claim(self) -> Claim | None:
        """The claim the screen is about (export's 'this chain', the timeline)."""
        return None

    def current_url(self) -> str | None:
        """The URL `o` opens and `c` copies."""
        return None

    def current_text(self) -> str | None:
        """The text `y` copies: a hop's evidence, a claim."""
        return None

    def on_library_changed(self, message: LibraryChanged) -> None:
        """A trace finished; screens that show traces redraw."""
