"""The TUI's key map in one place: every key, what it does, where it works, and who binds it.

The app's and screens' bindings, the help screen, the command palette, the `tracer tui --help`
epilog and the README's key table are all generated from `KEYS`, because five hand-kept copies
had drifted apart (the epilog and the README lacked forward, copy, f1, ctrl+f and the article's
1 2 3). Keys that Textual's own widgets handle (arrows, enter, space, ctrl+p) are listed so the
help is complete, but bound by nobody here.

Textual is imported only inside `bindings()`: `tui.cli` reads this module to print `--help`
without loading the UI. `python -m tui.keys README.md` rewrites the README's key table.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.binding import BindingType


class Where(StrEnum):
    """Where a key works, as the help groups them (in this order)."""

    EVERYWHERE = "Everywhere"
    DOCUMENTS = "Documents"
    ARTICLE = "Article"
    CLAIM = "Article, Chain"
    CHAIN = "Chain"
    SEARCH = "Search"
    DIALOGS = "Dialogs"
    HELP = "Help"


class Owner(StrEnum):
    """The class whose BINDINGS hold a key (lists: every row table and the chain tree)."""

    APP = "app"
    DOCUMENTS = "documents"
    ARTICLE = "article"
    SEARCH = "search"
    DIALOG = "dialog"
    HELP = "help"
    LIST = "list"
    FILTER = "filter"


@dataclass(frozen=True, slots=True)
class Bind:
    """One Textual binding: keys (comma-separated Textual names), the action, its footer label."""

    keys: str
    action: str
    label: str
    show: bool = True
    id: str | None = None


@dataclass(frozen=True, slots=True)
class Key:
    """One row of the help: the keys, what they do, where, and the bindings that make it so."""

    keys: tuple[str, ...]
    does: str
    brief: str
    where: Where
    owner: Owner | None = None
    binds: tuple[Bind, ...] = ()
    # The command palette's name for it (None: not in the palette) and the action it runs.
    palette: str | None = None
    action: str | None = None


def _bound(
    keys: tuple[str, ...],
    action: str,
    label: str,
    does: str,
    brief: str,
    where: Where = Where.EVERYWHERE,
    owner: Owner = Owner.APP,
    *,
    show: bool = True,
    id: str | None = None,
    palette: str | None = None,
) -> Key:
    """A key bound to one action (the common case)."""
    bind = Bind(",".join(keys), action, label, show, id)
    return Key(keys, does, brief, where, owner, (bind,), palette, action)


def _textual(keys: tuple[str, ...], does: str, brief: str, where: Where = Where.EVERYWHERE) -> Key:
    """A key Textual's own widgets handle (the tree's enter and space, the palette's ctrl+p)."""
    return Key(keys, does, brief, where)


# The app's entries are in footer order (the footer shows the app's shown bindings in this order).
KEYS: tuple[Key, ...] = (
    Key(
        ("up", "down", "j", "k"),
        "move",
        "move",
        Where.EVERYWHERE,
        Owner.LIST,
        (Bind("j", "cursor_down", "Down", show=False), Bind("k", "cursor_up", "Up", show=False)),
    ),
    _textual(("enter",), "open the document, claim, hop or link under the cursor", "open"),
    _bound(("q",), "quit", "Quit", "quit", "quit", id="quit"),
    _bound(
        ("slash",),
        "search",
        "Search",
        "search claims and sources in every open document",
        "search",
        id="search",
        palette="Search claims and sources",
    ),
    _bound(
        ("a",),
        "add",
        "Add",
        "add an article: path, folder, URL or saved trace",
        "add an article",
        id="add",
        palette="Open an article…",
    ),
    _bound(
        ("e",),
        "export",
        "Export",
        "export the current claim's chain or the article's trace: JSON, CSV, graph, PROV or Markdown",
        "export",
        id="export",
        palette="Export…",
    ),
    _bound(
        ("E",),
        "export_article",
        "Export all",
        "export the article's whole trace (the save dialog with it chosen: E, enter)",
        "export the article",
        show=False,
        id="export-article",
        palette="Export the article's whole trace…",
    ),
    _bound(
        ("o",),
        "open_url",
        "Browser",
        "open the selected hop, post, link or article in the browser",
        "open in browser",
        id="open-url",
        palette="Open in browser",
    ),
    _bound(
        ("t",),
        "timeline",
        "Timeline",
        "timeline of the selected claim: its hops by date",
        "timeline",
        Where.CLAIM,
        id="timeline",
        palette="Timeline of this claim",
    ),
    _bound(("backspace", "escape"), "go_back", "Back", "back", "back", id="back", palette="Back"),
    _bound(("f",), "forward", "Forward", "forward (after going back)", "forward", id="forward", palette="Forward"),
    _bound(
        ("c",),
        "copy_url",
        "Copy URL",
        "copy the selected item's URL",
        "copy URL",
        show=False,
        id="copy-url",
        palette="Copy URL",
    ),
    _bound(
        ("y",),
        "copy_text",
        "Copy text",
        "copy the selected hop's evidence or the claim's text",
        "copy evidence",
        show=False,
        id="copy-text",
        palette="Copy evidence",
    ),
    _textual(("ctrl+p",), "command palette: every action by name, and any open document", "commands"),
    _bound(("question_mark", "f1"), "help", "Help", "this help: every key", "help", id="help", palette="Keys"),
    Key((), "back to the list of documents", "documents", palette="Documents", action="home", where=Where.EVERYWHERE),
    _bound(
        ("ctrl+f",),
        "focus_filter",
        "Filter",
        "filter the documents by title, site, date or path",
        "filter",
        Where.DOCUMENTS,
        Owner.DOCUMENTS,
    ),
    Key(
        ("down",),
        "in the filter: move into the filtered list (enter there, or in the filter, opens the row)",
        "into the list",
        Where.DOCUMENTS,
        Owner.FILTER,
        (Bind("down", "leave", "List", show=False),),
    ),
    Key(
        ("1", "2", "3"),
        "claims, posts, links",
        "claims, posts, links",
        Where.ARTICLE,
        Owner.ARTICLE,
        tuple(
            Bind(key, f"tab('{tab}')", tab.capitalize(), show=False)
            for key, tab in zip("123", ("claims", "posts", "links"), strict=True)
        ),
    ),
    _textual(
        ("enter",),
        "on a hop marked ↗ or a document tried: open the document the trail reached as an article",
        "open a followed document",
        Where.CHAIN,
    ),
    _textual(("space",), "fold or unfold the documents tried for the claim", "fold", Where.CHAIN),
    _bound(("escape",), "cancel", "Cancel", "close the search", "close", Where.SEARCH, Owner.SEARCH),
    Key(
        ("down", "up"),
        "next, previous result",
        "next, previous",
        Where.SEARCH,
        Owner.SEARCH,
        (Bind("down", "move(1)", "Next", show=False), Bind("up", "move(-1)", "Previous", show=False)),
    ),
    _bound(("escape",), "cancel", "Cancel", "cancel", "cancel", Where.DIALOGS, Owner.DIALOG),
    _bound(("escape", "q", "question_mark", "f1"), "close", "Close", "close the help", "close", Where.HELP, Owner.HELP),
)

_SHOWN = {
    "up": "↑",
    "down": "↓",
    "slash": "/",
    "question_mark": "?",
    "escape": "esc",
}


def shown(key: str) -> str:
    """A Textual key name as people read it ('question_mark' → '?')."""
    return _SHOWN.get(key, key)


def bindings(owner: Owner) -> list[BindingType]:
    """The Textual bindings of one class, in map order."""
    from textual.binding import Binding

    return [
        Binding(b.keys, b.action, b.label, show=b.show, id=b.id, tooltip=_sentence(k.does) if b.show else "")
        for k in KEYS
        if k.owner is owner
        for b in k.binds
    ]


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def palette() -> list[tuple[str, str, str]]:
    """The command palette's entries: (name, action, help)."""
    return [(k.palette, k.action, _sentence(k.does)) for k in KEYS if k.palette and k.action]


def _grouped() -> list[tuple[Where, list[Key]]]:
    return [(where, [k for k in KEYS if k.where is where and k.keys]) for where in Where]


def help_rows() -> list[tuple[str, str, str]]:
    """The help screen's rows: (where, on its group's first row only; keys; what they do)."""
    rows = []
    for where, keys in _grouped():
        for i, key in enumerate(keys):
            rows.append((where.value if i == 0 else "", " ".join(shown(k) for k in key.keys), key.does))
    return rows


def epilog(width: int = 100) -> str:
    """The `tracer tui --help` key list: per place, 'KEYS brief' items, wrapped between items."""
    lines = ["keys:"]
    for where, keys in _grouped():
        items = [f"{'/'.join(shown(k) for k in key.keys)} {key.brief}" for key in keys]
        lines += _wrap(f"  {where.value.lower()}:", items, width)
    return "\n".join(lines) + "\n"


def _wrap(head: str, items: list[str], width: int) -> list[str]:
    """Items joined by ' · ', a new line (indented) only between items, never inside one."""
    lines, line = [], head
    for i, item in enumerate(items):
        piece = (" " if i == 0 else " · ") + item
        if len(line) + len(piece) > width and i > 0:
            lines.append(line + " ·")
            line, piece = "    ", item
        line += piece
    return [*lines, line]


README_START = "<!-- keys: generated by `python -m tui.keys README.md` from tui/keys.py -->"
README_END = "<!-- /keys -->"


def markdown_table() -> str:
    """The README's key table, between its markers."""
    rows = ["| where | key | does |", "|---|---|---|"]
    for where, keys in _grouped():
        for i, key in enumerate(keys):
            cells = " ".join(f"`{shown(k)}`" for k in key.keys)
            rows.append(f"| {where.value if i == 0 else ''} | {cells} | {key.does} |")
    return "\n".join([README_START, "", *rows, "", README_END])


def update_readme(path: Path) -> bool:
    """Rewrite the key table in a README between its markers; True when it changed."""
    text = path.read_text(encoding="utf-8")
    start, end = text.index(README_START), text.index(README_END) + len(README_END)
    new = text[:start] + markdown_table() + text[end:]
    path.write_text(new, encoding="utf-8")
    return new != text


if __name__ == "__main__":
    for name in sys.argv[1:] or ["README.md"]:
        print(f"{name}: {'updated' if update_readme(Path(name)) else 'up to date'}", file=sys.stderr)
