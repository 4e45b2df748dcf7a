"""The `tracer` command: a thin layer that parses arguments, calls the library, prints results.

JSON goes to stdout (or -o FILE); progress and error messages go to stderr.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TextIO

from tracer._version import __version__
from tracer.addresses import host_key
from tracer.archive import DEFAULT_ARCHIVE_URL
from tracer.batch import trace_many
from tracer.errors import TracerError
from tracer.export import atomic_writer, schema_json, to_json
from tracer.fetch import DEFAULT_CACHE_DIR, Fetcher, FetchOptions
from tracer.inputs import InputItem, expand_inputs, is_batch
from tracer.models import TraceResult
from tracer.oembed import default_endpoints
from tracer.trail import TrailOptions

EXIT_OK = 0
EXIT_PARTIAL = 1  # a batch where some inputs failed (their errors are in the output)
EXIT_USAGE = 64

_EXIT_CODES = """exit codes:
  0  every input was traced
  1  a batch finished, but some inputs failed (see their errors[] in the output)
  2  the input is missing, unreadable, binary, empty or unsupported
  3  a URL could not be fetched (network, HTTP status, size, content type)
  4  the input could not be parsed
"""


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tracer",
        description="Trace who said it first: read news articles, find embedded posts, links and attribution "
        "chains, and follow each claim back to its earliest known origin.",
        epilog=_EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log what the tracer does to stderr")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True

    trace = commands.add_parser(
        "trace",
        help="trace the claims of articles and print them as JSON",
        description="Trace articles: HTML files, plain-text scrapes, directories of them, URLs, or - for stdin. "
        "One input prints one JSON object; several inputs or a directory print JSON Lines, one result per "
        "input, in input order (failed inputs included, with their errors).",
        epilog="examples:\n  tracer trace seeds/\n  tracer trace article.html --compact\n"
        "  cat scrape.txt | tracer trace -\n  tracer trace corpus/ -o traces.jsonl\n\n" + _EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    trace.add_argument("inputs", nargs="+", metavar="INPUT", help="file, directory, http(s) URL, or - for stdin")
    trace.add_argument("-o", "--output", metavar="FILE", help="write to FILE (atomically) instead of stdout")
    trace.add_argument("--compact", action="store_true", help="print a single result on one line")
    trace.add_argument("--offline", action="store_true", help="never touch the network; use only the HTTP cache")
    trace.add_argument(
        "--cache-dir",
        metavar="DIR",
        type=Path,
        default=DEFAULT_CACHE_DIR,
        help=f"where the HTTP cache lives (default: {DEFAULT_CACHE_DIR}/)",
    )
    trace.add_argument("-q", "--quiet", action="store_true", help="no progress messages on stderr")
    _add_trail_options(trace)

    schema = commands.add_parser(
        "schema",
        help="print the JSON Schema of the trace output",
        description="Print the JSON Schema of one trace result (the contract of `tracer trace` output).",
    )
    schema.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    _add_tui_parser(commands)
    return parser


_TUI_KEYS = """keys:
  arrows, j/k move · enter open · backspace back · / search · e export
  o open in browser · a add an article · t timeline · ? help · ctrl+p commands · q quit
"""


def _add_tui_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    tui = commands.add_parser(
        "tui",
        help="walk the claims of articles back to their origins in a terminal UI",
        description="Open articles, folders, URLs or saved traces (.json/.jsonl) in a terminal UI: the documents, "
        "their claims, each claim's chain hop by hop with its evidence, and a timeline. With no INPUT it opens "
        "the bundled seeds/.",
        epilog="examples:\n  tracer tui\n  tracer tui article.html traces.jsonl\n  tracer tui https://example.com/news/story\n\n"
        + _TUI_KEYS,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    tui.add_argument("inputs", nargs="*", metavar="INPUT", help="file, directory, http(s) URL, or saved trace")
    tui.add_argument("--offline", action="store_true", help="never touch the network; use only the HTTP cache")
    tui.add_argument(
        "--cache-dir",
        metavar="DIR",
        type=Path,
        default=DEFAULT_CACHE_DIR,
        help=f"where the HTTP cache lives (default: {DEFAULT_CACHE_DIR}/)",
    )
    tui.add_argument("--theme", metavar="NAME", help="a Textual theme name (default: the terminal's own colours)")


def _add_trail_options(trace: argparse.ArgumentParser) -> None:
    """Options for following claims across documents, and for fetching politely and safely."""
    group = trace.add_argument_group("following the trail")
    group.add_argument(
        "--depth",
        type=_non_negative_int,
        default=2,
        metavar="N",
        help="follow each claim N links deep into the documents it cites (default: 2; 0: this document only)",
    )
    group.add_argument("--archive", action="store_true", help="read the earliest Wayback capture of dead pages")
    group.add_argument(
        "--archive-url",
        default=DEFAULT_ARCHIVE_URL,
        metavar="URL",
        help=f"base URL of the Wayback-compatible archive (default: {DEFAULT_ARCHIVE_URL})",
    )
    for platform, endpoint in default_endpoints().items():
        group.add_argument(
            f"--oembed-{platform}",
            metavar="URL",
            default=endpoint,
            help=f"oEmbed endpoint for {platform} posts (default: {endpoint}; empty: never ask)",
        )
    group.add_argument(
        "--allow-private",
        action="store_true",
        help="allow fetching loopback, private and link-local addresses (refused by default)",
    )
    group.add_argument("--no-robots", action="store_true", help="ignore robots.txt for the pages the tracer follows")
    group.add_argument(
        "--rate",
        type=float,
        default=1.0,
        metavar="SECONDS",
        help="minimum seconds between two requests to one host (default: 1.0)",
    )
    group.add_argument(
        "--per-host", type=_positive_int, default=2, metavar="N", help="requests in flight per host (default: 2)"
    )
    group.add_argument(
        "--timeout", type=float, default=20.0, metavar="SECONDS", help="read timeout per request (default: 20)"
    )


def _non_negative_int(value: str) -> int:
    number = int(value)
    if number < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, not {value}")
    return number


def _positive_int(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {value}")
    return number


def _trail_options(args: argparse.Namespace) -> TrailOptions:
    oembed = {p: getattr(args, f"oembed_{p}") for p in default_endpoints()}
    return TrailOptions(depth=args.depth, archive=args.archive, archive_url=args.archive_url, oembed=oembed)


def _fetch_options(args: argparse.Namespace, trail: TrailOptions) -> FetchOptions:
    # Endpoints the user set explicitly (a local Wayback mirror, say) are exempt from the
    # private-address rule; the built-in public ones are not.
    defaults = default_endpoints()
    endpoints = [trail.archive_url] if trail.archive and trail.archive_url != DEFAULT_ARCHIVE_URL else []
    endpoints += [url for key, url in trail.oembed.items() if url and url != defaults.get(key) and "{host}" not in url]
    return FetchOptions(
        cache_dir=args.cache_dir,
        offline=args.offline,
        timeout=(min(5.0, args.timeout), args.timeout),
        allow_private=args.allow_private,
        allow_hosts=frozenset(host_key(url) for url in endpoints),
        respect_robots=not args.no_robots,
        rate=args.rate,
        per_host=args.per_host,
    )


def _error(message: str) -> None:
    print(f"tracer: error: {message}", file=sys.stderr)


def _progress_printer(enabled: bool) -> Callable[[int, int, InputItem, TraceResult], None]:
    def report(index: int, total: int, item: InputItem, result: TraceResult) -> None:
        if result.errors:
            _error(f"{item.label}: {result.errors[0].message}")
        elif enabled:
            print(
                f"[{index}/{total}] {item.label}: {len(result.claims)} claims, {len(result.posts)} posts, "
                f"{len(result.links)} links",
                file=sys.stderr,
            )

    return report


def _write(output: str | None, write: Callable[[TextIO], object]) -> None:
    if output:
        with atomic_writer(output) as handle:
            write(handle)
    else:
        write(sys.stdout)
        sys.stdout.flush()


class _Writer:
    """Writes results to a stream and remembers how many failed."""

    def __init__(self, results: Iterable[TraceResult], batch: bool, compact: bool) -> None:
        self.results = results
        self.batch = batch
        self.compact = compact
        self.failed: list[TraceResult] = []
        self.count = 0

    def __call__(self, handle: TextIO) -> None:
        for result in self.results:
            self.count += 1
            if result.errors:
                self.failed.append(result)
                if not self.batch:
                    continue
            indent = None if self.batch or self.compact else 2
            handle.write(to_json(result, indent=indent) + "\n")


def _cmd_trace(args: argparse.Namespace) -> int:
    items = expand_inputs(args.inputs)
    if not items:
        _error("no article files (.html, .htm, .txt, .md) in " + ", ".join(args.inputs))
        return 2
    batch = is_batch(args.inputs)
    show_progress = batch and not args.quiet and sys.stderr.isatty()
    trail = _trail_options(args)
    fetcher = Fetcher(_fetch_options(args, trail)) if trail.depth > 0 or any(i.kind == "url" for i in items) else None
    try:
        results = trace_many(items, fetcher, progress=_progress_printer(show_progress), trail=trail)
        writer = _Writer(results, batch, args.compact)
        _write(args.output, writer)
    finally:
        if fetcher:
            fetcher.close()
    if not writer.failed:
        return EXIT_OK
    if not batch:
        return _exit_code_of(writer.failed[0])
    return EXIT_PARTIAL


def _exit_code_of(result: TraceResult) -> int:
    import tracer.errors as errors

    cls = getattr(errors, result.errors[0].type, None)
    return cls.exit_code if isinstance(cls, type) and issubclass(cls, TracerError) else 1


def _cmd_schema(args: argparse.Namespace) -> int:
    text = schema_json() + "\n"
    _write(args.output, lambda handle: handle.write(text))
    return EXIT_OK


def _cmd_tui(args: argparse.Namespace) -> int:
    if "-" in args.inputs:
        _error("the terminal UI cannot read stdin: save the article to a file and open that")
        return 2
    # Imported here, never at module level: `import tracer` must not import textual.
    from textual.logging import TextualHandler
    from textual.theme import BUILTIN_THEMES

    from tui.app import TracerApp
    from tui.loading import default_inputs

    if args.theme and args.theme not in BUILTIN_THEMES:
        _error(f"unknown theme {args.theme!r}; choose one of: {', '.join(sorted(BUILTIN_THEMES))}")
        return 2
    logging.getLogger().handlers[:] = [TextualHandler()]  # a stderr handler would draw over the screen
    options = FetchOptions(cache_dir=args.cache_dir, offline=args.offline)
    app = TracerApp(args.inputs or default_inputs(), fetch_options=options, theme=args.theme)
    app.run()
    return app.return_code or EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = _build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="tracer: %(message)s")
    try:
        return {"trace": _cmd_trace, "schema": _cmd_schema, "tui": _cmd_tui}[args.command](args)
    except TracerError as exc:
        _error(str(exc))
        return exc.exit_code
    except KeyboardInterrupt:
        _error("interrupted")
        return 130
    except BrokenPipeError:
        return EXIT_OK


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())
