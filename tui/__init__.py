"""The Textual terminal UI for walking provenance chains: `tracer tui [INPUT...]`.

Imported only by the `tui` command, never by `tracer` itself.
"""

from tui.app import TracerApp

__all__ = ["TracerApp"]
