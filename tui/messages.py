"""Messages that carry work done in background threads back to the UI thread."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

from tracer import TraceResult

if TYPE_CHECKING:
    from tracer import InputItem, TrailEvent
from tui.library import Entry

OPEN = "open"  # an input given on the command line or in the "add" dialog
FOLLOW = "follow"  # a body link the user chose to follow; opened when traced
HOP = "hop"  # a hop expanded in a chain tree; its page is traced to grow the tree


@dataclass(frozen=True)
class TraceRequest:
    """What to trace and why; the reason decides what the UI does with the result."""

    item: InputItem
    purpose: str = OPEN

    @property
    def target(self) -> str:
        """The path or URL being traced, as shown to the user."""
        return self.item.value


class Traced(Message):
    """A worker finished: the results of one input (failed articles carry `errors[]`)."""

    def __init__(self, request: TraceRequest, results: list[TraceResult]) -> None:
        super().__init__()
        self.request = request
        self.results = results


class TraceFailed(Message):
    """A worker could not produce any result; `error` is the message to show."""

    def __init__(self, request: TraceRequest, error: str) -> None:
        super().__init__()
        self.request = request
        self.error = error


class TraceProgress(Message):
    """A worker reports a step of a trace: the in-document result, a document opened, a visit."""

    def __init__(self, request: TraceRequest, event: TrailEvent) -> None:
        super().__init__()
        self.request = request
        self.event = event


class TrailProgressed(Message, bubble=False):
    """Sent by the app to every open screen after a step of a trace changed an entry (`key`)."""

    def __init__(self, key: str, claim_id: str | None = None) -> None:
        super().__init__()
        self.key = key
        self.claim_id = claim_id


class LibraryChanged(Message, bubble=False):
    """Sent by the app to every open screen after a trace finished, successfully or not."""

    def __init__(self, request: TraceRequest, entries: list[Entry], error: str | None) -> None:
        super().__init__()
        self.request = request
        self.entries = entries
        self.error = error
