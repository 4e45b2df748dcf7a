"""`tracer tui`: its help, and that the command line never imports Textual until the UI starts."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tui.keys import KEYS, shown

TRACER = str(Path(sys.executable).with_name("tracer"))


def test_tui_help_lists_inputs_and_keys() -> None:
    result = subprocess.run([TRACER, "tui", "--help"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0
    assert "usage: tracer tui" in result.stdout
    for words in ("INPUT", "--offline", "seeds/", "backspace/esc back", "e export", "q quit"):
        assert words in result.stdout, words
    keys = result.stdout.split("\nkeys:\n", 1)[1]
    for key in KEYS:
        if key.keys:  # every key of the map, as 'k1/k2 brief' (the epilog used to lack f, c, y, f1, ctrl+f, 1 2 3)
            assert f"{'/'.join(shown(k) for k in key.keys)} {key.brief}" in keys, key


def test_the_command_line_does_not_import_textual() -> None:
    # Building the parser loads the `tui` subcommand through its entry point, but not Textual.
    code = (
        "import sys, tracer.cli; tracer.cli._build_parser(); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in {'textual', 'rich'}))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_stdin_is_refused_with_a_clear_message() -> None:
    result = subprocess.run([TRACER, "tui", "-"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "cannot read stdin" in result.stderr


def test_an_unknown_theme_is_a_usage_error_naming_the_choices() -> None:
    result = subprocess.run([TRACER, "tui", "--theme", "no-such-theme"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "unknown theme 'no-such-theme'" in result.stderr and "ansi-dark" in result.stderr
