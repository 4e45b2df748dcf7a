"""`tracer tui`: the subcommand the TUI adds to the `tracer` command (entry point `tracer.commands`).

Textual is imported only when the UI starts, so `tracer --help` and `tracer trace` never load it;
the options' defaults (the fetcher's, the trail's) only when `tracer tui` runs or shows its help.
"""

from __future__ import annotations

import argparse
import logging
import sys

from tui.keys import epilog


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `tracer tui` to the `tracer` command's subcommands."""
    tui = commands.add_parser(
        "tui",
        help="walk the claims of articles back to their origins in a terminal UI",
        description="Open articles, folders, URLs or saved traces (.json/.jsonl) in a terminal UI: the documents, "
        "their claims, each claim's chain hop by hop with its evidence, the documents tried for it, and a "
        "timeline. Each claim is followed across the documents it cites exactly as `tracer trace` follows it, "
        "with the same options. With no INPUT it opens the bundled seeds/.",
        epilog="examples:\n  tracer tui\n  tracer tui article.html traces.jsonl\n  tracer tui https://example.com/news/story\n\n"
        + epilog(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
        arguments=_add_arguments,  # added when `tracer tui` is used, not for `tracer --help`
    )
    tui.set_defaults(handler=run_tui)


def _add_arguments(tui: argparse.ArgumentParser) -> None:
    """`tracer tui`'s arguments: those of `tracer trace` that say what to trace and how far."""
    from tracer import add_cache_arguments, add_trail_arguments

    tui.add_argument("inputs", nargs="*", metavar="INPUT", help="file, directory, http(s) URL, or saved trace")
    add_cache_arguments(tui)
    add_trail_arguments(tui)
    tui.add_argument("--theme", metavar="NAME", help="a Textual theme name (default: the terminal's own colours)")


def _error(message: str) -> None:
    print(f"tracer: error: {message}", file=sys.stderr)


def run_tui(args: argparse.Namespace) -> int:
    """Start the terminal UI on the inputs; returns the exit code."""
    if "-" in args.inputs:
        _error("the terminal UI cannot read stdin: save the article to a file and open that")
        return 2
    from textual.logging import TextualHandler
    from textual.theme import BUILTIN_THEMES

    from tracer import run_options
    from tui.app import TracerApp
    from tui.loading import default_inputs

    if args.theme and args.theme not in BUILTIN_THEMES:
        _error(f"unknown theme {args.theme!r}; choose one of: {', '.join(sorted(BUILTIN_THEMES))}")
        return 2
    if not (sys.stdout.isatty() and sys.stdin.isatty()):
        # Without a terminal the UI would write its escape codes into a pipe or file until killed.
        _error("the terminal UI needs a terminal (stdin and stdout are not both one); use `tracer trace` for output")
        return 2
    logging.getLogger().handlers[:] = [TextualHandler()]  # a stderr handler would draw over the screen
    app = TracerApp(args.inputs or default_inputs(), options=run_options(args), theme=args.theme)
    app.run()
    return app.return_code or 0
