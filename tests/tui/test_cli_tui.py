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


def test_without_a_terminal_it_refuses_at_once_instead_of_writing_escape_codes() -> None:
    # stdout a pipe, stdin not a terminal: the UI used to write escape codes into the pipe until killed.
    result = subprocess.run(
        [TRACER, "tui", "/bin/ls"], capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL
    )
    assert result.returncode == 2
    assert result.stdout == ""
    assert "needs a terminal" in result.stderr and "tracer trace" in result.stderr


def test_tui_takes_the_trail_options_of_tracer_trace() -> None:
    out = subprocess.run([TRACER, "tui", "--help"], capture_output=True, text=True, timeout=60).stdout
    for option in (
        "--depth N",
        "--archive ",
        "--archive-url URL",
        "--oembed-twitter URL",
        "--allow-private",
        "--no-robots",
        "--rate SECONDS",
        "--per-host N",
        "--timeout SECONDS",
        "--offline",
    ):
        assert option in out, option
    trace = subprocess.run([TRACER, "trace", "--help"], capture_output=True, text=True, timeout=60).stdout
    default = "(default: 2; 0: this document only)"
    assert default in " ".join(trace.split()) and default in " ".join(out.split())  # one default for both
