"""Command palette (ctrl+p) entries for the main actions and for jumping to any open document."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider

from tui.navigation import ARTICLE, Location

if TYPE_CHECKING:
    from tui.app import TracerApp

ACTIONS: list[tuple[str, str, str]] = [
    ("Open an article…", "add", "Trace another file, folder, URL or saved trace"),
    ("Search claims and sources", "search", "Find a claim or source in every open document"),
    (
        "Export…",
        "export",
        "Save the current claim's chain or the article's whole trace: JSON, CSV, GraphML, GEXF, PROV, Markdown",
    ),
    ("Timeline of this claim", "timeline", "The chain's hops by date"),
    ("Open in browser", "open_url", "Open the selected hop, post, link or article"),
    ("Copy URL", "copy_url", "Copy the selected item's URL"),
    ("Copy evidence", "copy_text", "Copy the selected hop's evidence or the claim's text"),
    ("Back", "go_back", "Go back"),
    ("Forward", "forward", "Go forward again"),
    ("Documents", "home", "Back to the list of documents"),
    ("Keys", "help", "Show every key"),
]


class TracerCommands(Provider):
    """The app's actions, plus 'Go to: <document>' for each opened document."""

    @property
    def tracer(self) -> TracerApp:
        """The app, typed."""
        return cast("TracerApp", self.app)

    def _commands(self) -> list[tuple[str, Callable[[], object], str]]:
        app = self.tracer
        commands: list[tuple[str, Callable[[], object], str]] = [
            (name, partial(app.run_action, action), help_text) for name, action, help_text in ACTIONS
        ]
        for entry in app.library.entries:
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
