"""Command palette (ctrl+p) entries for the main actions and for jumping to any open document."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider

from tui.keys import palette
from tui.navigation import ARTICLE, Location

if TYPE_CHECKING:
    from tui.app import TracerApp


class TracerCommands(Provider):
    """The app's actions, plus 'Go to: <document>' for each opened document."""

    @property
    def tracer(self) -> TracerApp:
        """The app, typed."""
        return cast("TracerApp", self.app)

    def _commands(self) -> list[tuple[str, Callable[[], object], str]]:
        app = self.tracer
        commands: list[tuple[str, Callable[[], object], str]] = [
            (name, partial(app.run_action, action), help_text) for name, action, help_text in palette()
        ]
        for entry in app.library.listed:
            if not entry.failed:
                go = partial(app.go, Location(ARTICLE, entry.key))
                commands.append((f"Go to: {entry.title}", go, f"{len(entry.result.claims)} claims"))
        return commands

    async def discover(self) -> Hits:
        for name, callback, help_text in self._commands():
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, callback, help_text in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)
