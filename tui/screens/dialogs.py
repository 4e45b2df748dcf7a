"""Dialogs: open another article, and save a chain or a whole trace as JSON or an export format."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, RadioButton, RadioSet, Select, Static

from tracer import Claim, ExportFormat
from tui.keys import Owner, bindings
from tui.library import Entry

CLAIM = "claim"
ARTICLE = "article"
JSON = "json"

# What the export dialog offers: the trace itself, then every `tracer export` format.
FORMATS: list[tuple[str, str]] = [
    ("JSON — the trace itself (opens again here)", JSON),
    ("CSV tables (a zip)", ExportFormat.CSV.value),
    ("GraphML graph (Gephi, Cytoscape)", ExportFormat.GRAPHML.value),
    ("GEXF graph (Gephi)", ExportFormat.GEXF.value),
    ("W3C PROV-JSON", ExportFormat.PROV_JSON.value),
    ("W3C PROV-N", ExportFormat.PROV_N.value),
    ("Markdown report", ExportFormat.MARKDOWN.value),
]


class OpenDialog(ModalScreen[str | None]):
    """Ask for a path, folder, URL or saved trace to open."""

    AUTO_FOCUS = "#open-input"
    BINDINGS: ClassVar[list[BindingType]] = bindings(Owner.DIALOG)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Open an article", classes="dialog-title")
            yield Input(placeholder="path, folder, http(s) URL, or saved .json/.jsonl", id="open-input")
            yield Static("It is traced in the background and added to the documents.", classes="dialog-note")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Open", variant="primary", id="open")
                yield Button("Cancel", id="cancel")

    @on(Input.Submitted, "#open-input")
    @on(Button.Pressed, "#open")
    def _submit(self) -> None:
        value = self.query_one("#open-input", Input).value.strip()
        if value:
            self.dismiss(value)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        """Close without opening anything."""
        self.dismiss(None)


@dataclass(frozen=True)
class ExportChoice:
    """Where to save, what (the current claim's chain or the whole article's trace), and in which format."""

    path: Path
    scope: str
    fmt: str = JSON


class MarkedRadioButton(RadioButton):
    """A radio button whose mark shows on or off by its shape (● / ○), not by its colour alone:
    without colour (NO_COLOR, a monochrome terminal) Textual's two buttons looked the same."""

    @property
    def _button(self) -> Content:
        self.BUTTON_INNER = "●" if self.value else "○"
        return super()._button


class ExportDialog(ModalScreen[ExportChoice | None]):
    """A save dialog: what to export, in which format, and the file to write (replacing a file needs a second enter)."""

    AUTO_FOCUS = "#export-path"
    BINDINGS: ClassVar[list[BindingType]] = bindings(Owner.DIALOG)

    def __init__(self, folder: Path, entry: Entry, claim: Claim | None, *, whole: bool = False) -> None:
        super().__init__()
        self.folder = folder
        self.entry = entry
        self.claim = claim
        self.whole = whole or claim is None  # the whole article's trace chosen to begin with
        self.confirmed: Path | None = None

    def compose(self) -> ComposeResult:
        claim_text = f"This claim's chain ({self.claim.id})" if self.claim else "This claim's chain (no claim selected)"
        with Vertical(classes="dialog"):
            yield Label("Export", classes="dialog-title")
            with RadioSet(id="export-scope"):
                yield MarkedRadioButton(claim_text, value=not self.whole, id="scope-claim", disabled=not self.claim)
                yield MarkedRadioButton("The whole article trace", value=self.whole, id="scope-article")
            yield Select(FORMATS, value=JSON, allow_blank=False, id="export-format")
            yield Input(value=str(self.default_path(self.scope)), id="export-path")
            yield Static("", id="export-note", classes="dialog-note")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save", variant="primary", id="save")
                yield Button("Cancel", id="cancel")

    @property
    def scope(self) -> str:
        """What is being exported now."""
        try:
            pressed = self.query_one("#export-scope", RadioSet).pressed_button
        except Exception:  # not composed yet
            return ARTICLE if self.whole else CLAIM
        return CLAIM if pressed is not None and pressed.id == "scope-claim" else ARTICLE

    @property
    def fmt(self) -> str:
        """The format chosen now: `json` or an `ExportFormat` value."""
        try:
            value = self.query_one("#export-format", Select).value
        except Exception:  # not composed yet
            return JSON
        return value if isinstance(value, str) else JSON

    def default_path(self, scope: str, fmt: str | None = None) -> Path:
        """`<article>-<claim>.json` for a chain, `<article>.trace.json` for the whole trace (suffix by format)."""
        fmt = fmt or self.fmt
        suffix = ".json" if fmt == JSON else ExportFormat(fmt).suffix
        stem = _slug(self.entry)
        name = f"{stem}-{self.claim.id}{suffix}" if scope == CLAIM and self.claim else f"{stem}.trace{suffix}"
        return self.folder / name

    @on(RadioSet.Changed, "#export-scope")
    @on(Select.Changed, "#export-format")
    def _choice_changed(self) -> None:
        """Propose the file name for the new choice, unless the user has typed one of their own."""
        path_input = self.query_one("#export-path", Input)
        defaults = {str(self.default_path(scope, fmt)) for scope in (CLAIM, ARTICLE) for _, fmt in FORMATS}
        if path_input.value in defaults:
            path_input.value = str(self.default_path(self.scope))

    @on(Input.Submitted, "#export-path")
    @on(Button.Pressed, "#save")
    def _submit(self) -> None:
        note = self.query_one("#export-note", Static)
        value = self.query_one("#export-path", Input).value.strip()
        path = Path(value).expanduser() if value else None
        if path is None or path.is_dir():
            note.update("Give a file name to save to.")
        elif path.exists() and self.confirmed != path:
            self.confirmed = path
            note.update(f"{path.name} exists: press enter or Save again to replace it.")
        else:
            self.dismiss(ExportChoice(path, self.scope, self.fmt))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        """Close without saving."""
        self.dismiss(None)


def _slug(entry: Entry) -> str:
    doc = entry.result.document
    base = Path(doc.path).stem if doc.path else (doc.url or doc.id).rstrip("/").rsplit("/", 1)[-1]
    return re.sub(r"[^A-Za-z0-9_-]+", "-", base).strip("-")[:60] or doc.id
