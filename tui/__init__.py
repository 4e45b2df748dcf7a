"""The Textual terminal UI for walking provenance chains: `tracer tui [INPUT...]`.

It adds its subcommand to `tracer` through the `tracer.commands` entry point (`tui.cli`), which
imports Textual only when the UI starts; `tracer` itself never imports this package. The app
is `tui.app.TracerApp`.
"""
