"""The provenance tracer's terminal UI: documents → article → chain → timeline.

All reading and tracing happens in thread workers (one per input or URL), whose results come
back as messages; the UI thread only draws. The tracing function is a constructor argument so
tests can point it at their own server; by default it is `tracer`'s public API.
"""

from __future__ import annotations

import asyncio
import logging
import os
import threading
import webbrowser
from collections.abc import Sequence
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.app import App
from textual.binding import BindingType
from textual.worker import get_current_worker

if TYPE_CHECKING:
    from tracer import InputItem, RunOptions, TraceResult, TrailEvent
    from tui.screens.dialogs import ExportChoice
    from tui.search import Hit

from tracer import (
    ArticleParsed,
    Claim,
    ClaimVisited,
    DocumentOpened,
    TracerError,
    atomic_writer,
    to_json,
)
from tui.commands import TracerCommands
from tui.keys import Owner, bindings
from tui.library import Entry, Library, claim_for_export
from tui.loading import TraceFn, expand, make_trace_fn
from tui.messages import (
    FOLLOW,
    OPEN,
    LibraryChanged,
    Traced,
    TraceFailed,
    TraceProgress,
    TraceRequest,
    TrailProgressed,
)
from tui.navigation import ARTICLE, CHAIN, TIMELINE, History, Location
from tui.screens.base import TracerScreen
from tui.screens.documents import DocumentsScreen

# The other screens are imported when first opened: with their widgets (tabs, trees, selects)
# they cost ~0.1–0.2 s that the first screen need not wait for (benchmarks/bench_startup.py).

LOGGER = logging.getLogger(__name__)

ADD = "add"  # one input from the "add" dialog: shown as soon as it is traced
# Tracing is CPU-bound parsing behind the GIL, so more threads only add memory and contention; a
# few at a time keep a folder of a hundred pages filling the table steadily.
MAX_PARALLEL_TRACES = 4


def terminal_theme() -> str:
    """The ANSI theme matching the terminal's background, so the app uses the terminal's own colours.

    `COLORFGBG` ("15;0") is set by many terminals; background colours 7 and 15 are light.
    """
    background = os.environ.get("COLORFGBG", "").rsplit(";", 1)[-1]
    return "ansi-light" if background in {"7", "15"} else "ansi-dark"


class TracerApp(App[None]):
    """Walk each claim of the opened articles back to its earliest known origin.

    Args:
        inputs: Files, folders, URLs or saved traces to open (as on the command line).
        trace: Reads one input into results; defaults to `tracer`'s public API.
        options: The trail and fetch options of the default tracing function (those of
            `tracer trace`: depth, archive, oEmbed, politeness, cache, offline).
        theme: A Textual theme name; by default the terminal's own colours.
        export_dir: Where the export dialog proposes to save (default: the current folder).
    """

    TITLE = "provenance tracer"
    CSS_PATH = "tracer.tcss"
    COMMANDS = App.COMMANDS | {TracerCommands}
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]  # noqa: RUF012 (Textual types it on App)
    BINDINGS: ClassVar[list[BindingType]] = bindings(Owner.APP)

    def __init__(
        self,
        inputs: Sequence[str] = (),
        *,
        trace: TraceFn | None = None,
        options: RunOptions | None = None,
        theme: str | None = None,
        export_dir: Path | None = None,
    ) -> None:
        super().__init__()
        self.inputs = list(inputs)
        self.trace_fn = trace or make_trace_fn(options)
        self.library = Library()
        self.history = History()
        self.pending: set[str] = set()
        # Per input being traced: the key of its document once parsed, and what the trail is doing.
        self.roots: dict[str, str] = {}
        self.progress: dict[str, str] = {}
        self._slots = threading.BoundedSemaphore(MAX_PARALLEL_TRACES)
        self._ranks: dict[str, int] = {}
        self.export_dir = export_dir or Path.cwd()
        self._opening = asyncio.Event()  # set once the worker opening the inputs has started
        self.theme = theme or terminal_theme()

    async def on_mount(self) -> None:
        await self.push_screen(DocumentsScreen())
        # Reading the inputs loads the readers, parsers and spaCy (seconds of imports): in a
        # worker, started once the first screen is drawn so that its imports do not compete
        # with the drawing for the interpreter.
        self.call_after_refresh(self._start_opening)

    def _start_opening(self) -> None:
        self.run_worker(self._open_inputs, name="open inputs", group="open", thread=True, exit_on_error=False)
        self._opening.set()

    def _open_inputs(self) -> None:
        """Runs in a worker thread: expand the inputs and start one trace each (on the UI thread)."""
        items = expand(self.inputs)
        if self.inputs and not items:
            message = f"No article files in {', '.join(self.inputs)}"
            self.call_from_thread(self.notify, message, severity="warning", markup=False)
        for item in items:
            self.call_from_thread(self.start_trace, item, OPEN)

    async def wait_for_traces(self) -> None:
        """Wait until every worker is done, those started by others included (opening starts traces)."""
        await self._opening.wait()
        while not all(worker.is_finished for worker in self.workers):
            await self.workers.wait_for_complete()

    # Background tracing ----------------------------------------------------------------

    def start_trace(self, item: InputItem, purpose: str) -> None:
        """Trace an input in a thread worker; the result arrives as a `Traced` or `TraceFailed` message.

        One worker per target (its own exclusive group): several pages trace side by side, and
        asking again for a page already being traced does nothing.
        """
        if item.value in self.pending:
            return
        self.pending.add(item.value)
        self._ranks.setdefault(item.value, len(self._ranks))
        request = TraceRequest(item, purpose)
        self.run_worker(
            partial(self._trace_job, request),
            name=f"trace {item.value}",
            group=f"trace {item.value}",
            thread=True,
            exclusive=True,
            exit_on_error=False,
        )
        self._refresh_documents()

    def _trace_job(self, request: TraceRequest) -> None:
        """Runs in a worker thread: never touches widgets, only posts messages."""
        try:
            with self._slots:
                if get_current_worker().is_cancelled:  # the app is closing: skip work still queued
                    return
                results = self.trace_fn(request.item, partial(self._report, request))
        except TracerError as exc:
            self.post_message(TraceFailed(request, str(exc)))
        except Exception as exc:  # a bug on one odd page must not take the interface down
            LOGGER.exception("tracing %s failed", request.target)
            self.post_message(TraceFailed(request, f"internal error: {exc!r}"))
        else:
            self.post_message(Traced(request, results))

    def _report(self, request: TraceRequest, event: TrailEvent) -> None:
        """Runs in a worker thread: hand a step of the trace to the UI thread."""
        self.post_message(TraceProgress(request, event))

    def on_trace_progress(self, message: TraceProgress) -> None:
        """Show a trace as it goes: its article at once, then the documents and visits of its trail."""
        request, event = message.request, message.event
        claim_id = None
        if isinstance(event, ArticleParsed):
            entry = self.library.add(event.result, rank=self._ranks.get(request.target), tracing=True)
            self.roots[request.target] = entry.key
            self.progress[request.target] = f"following {len(event.result.claims)} claims"
        elif isinstance(event, DocumentOpened) and event.result is not None and not event.result.errors:
            self.library.add(event.result, followed=True)
        elif isinstance(event, ClaimVisited):
            root = self.library.get(self.roots.get(request.target, ""))
            if root is not None:
                root.visits.setdefault(event.claim_id, []).append(event.visit)
            claim_id = event.claim_id
            self.progress[request.target] = f"claim {event.claim_index + 1}/{event.claims}"
        key = self.roots.get(request.target)
        if key is None:
            return
        for screen in self.screen_stack:
            if isinstance(screen, TracerScreen):
                screen.post_message(TrailProgressed(key, claim_id))

    def follow(self, url: str, anchor: str = "") -> None:
        """Trace the page a link points at, and show it when it is ready (at once if already open).

        Links `tracer trace` never opens (a post's photo, a profile page) are not opened here either.
        """
        entry = self.library.find_url(url)
        if entry is not None:
            self.go(Location(ARTICLE, entry.key))
            return
        from tracer import InputItem, why_not_followed  # the reader and the trail: loaded on first use

        reason = why_not_followed(url, anchor)
        if reason is not None:
            self.notify(f"Not traced: {reason} ({url})", severity="warning", markup=False)
            return
        self.notify(f"Tracing {url} …", markup=False)
        self.start_trace(InputItem("url", url), FOLLOW)

    def on_traced(self, message: Traced) -> None:
        request = message.request
        self.pending.discard(request.target)
        self.progress.pop(request.target, None)
        errors = [r.errors[0].message for r in message.results if r.errors]
        if not message.results:
            errors.append(f"no trace found in {request.target}")
        keep = message.results
        url = request.target if request.item.kind == "url" and len(keep) == 1 else None
        rank = self._ranks.get(request.target)
        entries = [self.library.add(result, url=url, rank=rank) for result in keep]
        for error in errors:
            self.notify(error, title="Could not trace", severity="error", timeout=8, markup=False)
        self._finish(request, entries, errors[0] if errors else None)

    def on_trace_failed(self, message: TraceFailed) -> None:
        self.pending.discard(message.request.target)
        self.progress.pop(message.request.target, None)
        self.notify(message.error, title="Could not trace", severity="error", timeout=8, markup=False)
        self._finish(message.request, [], message.error)

    def _finish(self, request: TraceRequest, entries: list[Entry], error: str | None) -> None:
        ok = [entry for entry in entries if not entry.failed]
        for screen in self.screen_stack:
            if isinstance(screen, TracerScreen):
                screen.post_message(LibraryChanged(request, entries, error))
        if request.purpose in {ADD, FOLLOW} and len(ok) == 1:
            self.notify(f"Traced {ok[0].title}: {len(ok[0].result.claims)} claims", markup=False)
        if request.purpose in {ADD, FOLLOW} and len(ok) == 1:
            self.go(Location(ARTICLE, ok[0].key))

    def _refresh_documents(self) -> None:
        for screen in self.screen_stack:
            if isinstance(screen, DocumentsScreen):
                screen.refresh_rows()

    # Navigation ------------------------------------------------------------------------

    @property
    def main_screen(self) -> TracerScreen | None:
        """The main screen on top, or None while a dialog is open."""
        return self.screen if isinstance(self.screen, TracerScreen) else None

    def go(self, location: Location) -> None:
        """Open a place (article, chain, timeline) on top of the current one."""
        screen = self._screen_for(location)
        if screen is not None:
            self.history.went_elsewhere()
            self.push_screen(screen)
            self.refresh_bindings()

    def _screen_for(self, location: Location) -> TracerScreen | None:
        entry = self.library.get(location.key) if location.key else None
        if entry is None or entry.failed:
            message = entry.result.errors[0].message if entry else "That document is no longer open."
            self.notify(message, title="Cannot open", severity="warning", markup=False)
            return None
        if location.screen == ARTICLE:
            from tui.screens.article import ArticleScreen

            return ArticleScreen(entry, location.claim_id)
        claim = entry.claim(location.claim_id) if location.claim_id else None
        if claim is None:
            self.notify("Select a claim first.", severity="warning")
            return None
        if location.screen == CHAIN:
            from tui.screens.chain import ChainScreen

            return ChainScreen(entry, claim, location.hop)
        from tui.screens.timeline import TimelineScreen

        return TimelineScreen(entry, claim)

    def action_go_back(self) -> None:
        """Back to the previous screen; it can be reopened with forward."""
        screen = self.main_screen
        if screen is None or isinstance(screen, DocumentsScreen):
            return
        self.history.went_back(screen.location)
        self.pop_screen()
        self.refresh_bindings()

    def action_forward(self) -> None:
        """Reopen the screen last left with back."""
        location = self.history.next()
        screen = self._screen_for(location) if location else None
        if screen is not None:
            self.push_screen(screen)
        self.refresh_bindings()

    def action_home(self) -> None:
        """Back to the documents, step by step, so forward can retrace the way."""
        while self.main_screen is not None and not isinstance(self.main_screen, DocumentsScreen):
            self.action_go_back()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hide keys that mean nothing on the current screen (the footer shows the rest)."""
        screen = self.main_screen
        if action == "go_back":
            return screen is not None and not isinstance(screen, DocumentsScreen)
        if action == "forward":
            return bool(self.history.forward)
        if action == "timeline":
            return screen is not None and screen.location.screen in {ARTICLE, CHAIN}
        return True

    # Actions ---------------------------------------------------------------------------

    def action_search(self) -> None:
        """Search claims and sources across every open document."""
        from tui.screens.search import SearchScreen

        self.push_screen(SearchScreen(), self._search_done)

    def _search_done(self, hit: Hit | None) -> None:
        if hit is None:
            return
        if hit.kind == "claim":
            self.go(Location(CHAIN, hit.key, hit.claim_id))
        else:
            self.go(Location(ARTICLE, hit.key, hit.claim_id))

    def action_add(self) -> None:
        """Ask for another article to open."""
        from tui.screens.dialogs import OpenDialog

        self.push_screen(OpenDialog(), self._add_done)

    def _add_done(self, value: str | None) -> None:
        if not value:
            return
        items = expand([value])
        if not items:
            self.notify(f"No article files in {value}", severity="warning", markup=False)
            return
        self.notify(f"Tracing {value} …", markup=False)
        for item in items:
            self.start_trace(item, ADD if len(items) == 1 else OPEN)

    def action_export_article(self) -> None:
        """The save dialog with the article's whole trace chosen: two keys (E, enter) to save it."""
        self.action_export(whole=True)

    def action_export(self, whole: bool = False) -> None:
        """Ask where to save the current claim's chain or the article's trace."""
        screen = self.main_screen
        entry = screen.current_entry() if screen else None
        if screen is None or entry is None or entry.failed:
            self.notify("Open an article first: there is nothing to export here.", severity="warning")
            return
        claim = screen.current_claim()
        from tui.screens.dialogs import ExportDialog

        self.push_screen(
            ExportDialog(self.export_dir, entry, claim, whole=whole), partial(self._export_done, entry, claim)
        )

    def _export_done(self, entry: Entry, claim: Claim | None, choice: ExportChoice | None) -> None:
        if choice is None:
            return
        from tui.screens.dialogs import CLAIM

        chain = choice.scope == CLAIM and claim is not None
        result = claim_for_export(entry.result, claim) if chain and claim else entry.result
        try:
            _save(result, choice)
        except OSError as exc:
            self.notify(f"Could not save {choice.path}: {exc.strerror or exc}", severity="error", markup=False)
            return
        what = f"the chain of claim {claim.id}" if chain and claim else "the article's trace"
        self.notify(f"Saved {what} to {choice.path}", title="Exported", markup=False)

    def action_open_url(self) -> None:
        """Open the selected item's URL in the web browser."""
        url = self.main_screen.current_url() if self.main_screen else None
        if not url:
            self.notify("No URL for the selected item.", severity="warning")
            return
        if webbrowser.open(url):
            self.notify(f"Opened {url}", markup=False)
            return
        # No browser here (a server, an SSH session): say so, and hand the address over instead.
        self.copy_to_clipboard(url)
        self.notify(f"No web browser could be opened; copied the URL instead: {url}", severity="warning", markup=False)

    def action_copy_url(self) -> None:
        """Copy the selected item's URL."""
        self._copy(self.main_screen.current_url() if self.main_screen else None, "URL")

    def action_copy_text(self) -> None:
        """Copy the selected hop's evidence (or the claim's text)."""
        self._copy(self.main_screen.current_text() if self.main_screen else None, "text")

    def _copy(self, text: str | None, what: str) -> None:
        if not text:
            self.notify(f"No {what} to copy here.", severity="warning")
            return
        self.copy_to_clipboard(text)
        self.notify(f"Copied {what}: {text[:60]}{'…' * (len(text) > 60)}", markup=False)

    def action_timeline(self) -> None:
        """The selected claim's hops by date."""
        screen = self.main_screen
        claim = screen.current_claim() if screen else None
        if screen is None or claim is None or not screen.location.key:
            self.notify("Select a claim first.", severity="warning")
            return
        self.go(Location(TIMELINE, screen.location.key, claim.id))

    def action_help(self) -> None:
        """Show every key."""
        from tui.screens.help import HelpScreen

        self.push_screen(HelpScreen())


def _save(result: TraceResult, choice: ExportChoice) -> None:
    """Write the result in the chosen format: JSON as `tracer trace` writes it, else as `tracer export` would."""
    from tracer import ExportFormat, TraceActivity, export_results  # the exporters: loaded when first used
    from tui.screens.dialogs import JSON

    if choice.fmt == JSON:
        with atomic_writer(choice.path) as handle:
            handle.write(to_json(result) + "\n")
        return
    activity = TraceActivity(
        time=datetime.now(UTC), time_basis="exported from the terminal UI", options={"scope": choice.scope}
    )
    export_results([result], ExportFormat(choice.fmt), choice.path, activity=activity)
