"""The real `tracer tui` in a real terminal (tmux, 120×40): open the seed, walk a chain, quit.

Skipped where tmux is not installed. The app runs on its own tmux server socket, so nothing
else running in tmux is touched.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT

TMUX = shutil.which("tmux")
TRACER = Path(sys.executable).with_name("tracer")
pytestmark = pytest.mark.skipif(TMUX is None, reason="tmux is not installed")


class Terminal:
    """A detached tmux session running one command; keys in, screen text out."""

    def __init__(self, socket: str) -> None:
        self.socket = socket

    def tmux(self, *args: str) -> str:
        assert TMUX is not None
        done = subprocess.run([TMUX, "-L", self.socket, *args], capture_output=True, text=True, timeout=30)
        return done.stdout

    def start(self, command: str, width: int, height: int) -> None:
        self.tmux("new-session", "-d", "-s", "tui", "-x", str(width), "-y", str(height), "-c", str(ROOT), command)

    def keys(self, *keys: str, literal: bool = False) -> None:
        self.tmux("send-keys", "-t", "tui", *(["-l"] if literal else []), *keys)

    def screen(self) -> str:
        return self.tmux("capture-pane", "-t", "tui", "-p")

    def wait_for(self, *texts: str, timeout: float = 60) -> str:
        """Poll the screen until every text is on it; fail with the last screen if not."""
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if all(text in screen for text in texts):
                return screen
            time.sleep(0.2)
        pytest.fail(f"never saw {texts!r}; the screen was:\n{screen}")


@pytest.fixture
def terminal() -> Iterator[Terminal]:
    term = Terminal(f"tracer-tui-test-{os.getpid()}")
    try:
        yield term
    finally:
        term.tmux("kill-server")


def test_the_real_app_walks_a_chain_at_120_by_40_and_quits(terminal: Terminal, tmp_path: Path) -> None:
    # COLUMNS/LINES from the shell tmux starts would override the real size of the pane.
    app = f"env -u NO_COLOR -u COLUMNS -u LINES {TRACER} tui seeds/ --cache-dir {tmp_path / 'cache'}"
    command = f"{app}; echo EXITED-$?; sleep 60"
    terminal.start(command, 120, 40)
    terminal.wait_for("South Korea's military on Monday", "2024-12-23", "Origins")  # a scrape's title and date
    terminal.keys("Enter")
    terminal.wait_for("Claims", "Posts", "Links")
    terminal.keys("/")
    terminal.wait_for("Search claims and sources")
    terminal.keys("yonhap intelligence", literal=True)
    terminal.wait_for("1 found")
    terminal.keys("Enter")
    screen = terminal.wait_for("Chain of claim", "1. Clash Report")
    assert "Yonhap" in screen
    terminal.keys("j")
    terminal.wait_for("Cue         according to")
    terminal.keys("j")
    screen = terminal.wait_for("earliest known origin of this claim")
    assert "Source      intelligence" in screen
    assert "citing intelligence." in screen  # the evidence sentence, on one line at 120 columns
    terminal.keys("q")
    terminal.wait_for("EXITED-0")
