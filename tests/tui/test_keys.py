"""The key map (`tui.keys`): every binding, the help, the palette, `--help` and the README come from it."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from pathlib import Path

import pytest
from textual.binding import Binding

import tui
from tui.app import TracerApp
from tui.keys import KEYS, Owner, bindings, help_rows, markdown_table, palette, shown
from tui.screens.article import ArticleScreen
from tui.screens.dialogs import ExportDialog, OpenDialog
from tui.screens.documents import DocumentsScreen, FilterInput
from tui.screens.help import HelpScreen
from tui.screens.search import SearchScreen
from tui.widgets.chain_tree import ChainTree
from tui.widgets.tables import RowTable

README = Path(__file__).resolve().parents[2] / "README.md"
OWNERS: dict[Owner, tuple[type, ...]] = {
    Owner.APP: (TracerApp,),
    Owner.DOCUMENTS: (DocumentsScreen,),
    Owner.ARTICLE: (ArticleScreen,),
    Owner.SEARCH: (SearchScreen,),
    Owner.DIALOG: (OpenDialog, ExportDialog),
    Owner.HELP: (HelpScreen,),
    Owner.LIST: (RowTable, ChainTree),
    Owner.FILTER: (FilterInput,),
}


def test_the_readme_key_table_is_the_generated_one() -> None:
    """The README's table once lacked f1, ctrl+f, 1 2 3 and the chain's keys; now it is generated."""
    assert markdown_table() in README.read_text(encoding="utf-8"), "run: python -m tui.keys README.md"


def _own_bindings() -> dict[type, list[Binding]]:
    """Every class in the `tui` package that declares BINDINGS of its own."""
    found: dict[type, list[Binding]] = {}
    for info in pkgutil.walk_packages(tui.__path__, "tui."):
        module = importlib.import_module(info.name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ == info.name and "BINDINGS" in vars(cls):
                found[cls] = [b for b in cls.BINDINGS if isinstance(b, Binding)]
    return found


def test_every_binding_in_the_tui_comes_from_the_key_map() -> None:
    declared = _own_bindings()
    assert set(declared) == {cls for classes in OWNERS.values() for cls in classes}
    for owner, classes in OWNERS.items():
        for cls in classes:
            assert declared[cls] == bindings(owner), cls
            assert len(cls.BINDINGS) == len(declared[cls])  # no tuple-style bindings beside them


@pytest.mark.parametrize("owner", list(Owner))
def test_every_bound_action_exists_and_no_key_is_bound_twice(owner: Owner) -> None:
    keys = [key for b in bindings(owner) for key in str(b.key).split(",")]
    assert len(keys) == len(set(keys)), owner
    for cls in OWNERS[owner]:
        for binding in bindings(owner):
            name = binding.action.split("(", 1)[0]
            assert hasattr(cls, f"action_{name}"), (cls, binding.action)


def test_each_entry_shows_exactly_the_keys_it_binds() -> None:
    for key in KEYS:
        bound = {k for b in key.binds for k in b.keys.split(",")}
        assert bound <= set(key.keys), key  # beside Textual's own keys (the arrows beside j k)
        assert bool(bound) == (key.owner is not None), key  # Textual's own keys are documented, not bound


def test_textual_keys_the_help_names_are_textuals() -> None:
    assert TracerApp.COMMAND_PALETTE_BINDING in {k for key in KEYS for k in key.keys}


def test_the_palette_runs_app_actions_and_the_help_lists_every_key() -> None:
    for name, action, help_text in palette():
        assert name and help_text and hasattr(TracerApp, f"action_{action}"), action
    rows = help_rows()
    for key in KEYS:
        if key.keys:
            assert (" ".join(shown(k) for k in key.keys), key.does) in [(r[1], r[2]) for r in rows]
