"""The `tracer` command: a thin layer that parses arguments, calls the library, prints results.

JSON goes to stdout (or -o FILE); progress and error messages go to stderr.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Iterable, Sequence
from importlib.metadata import entry_points
from typing import TextIO

import tracer.errors as errors
from tracer._version import __version__
from tracer.errors import TracerError
from tracer.export.json_io import atomic_writer, schema_json, to_json
from tracer.models import TraceResult
from tracer.read.inputs import InputItem, expand_inputs, is_batch
from tracer.run.batch import trace_many
from tracer.run.options import add_cache_arguments, add_trail_arguments, run_options
from tracer.web.fetch import Fetcher

# Other packages add subcommands here (the TUI adds `tracer tui`): each entry point is a
# function that takes the subparsers object and adds its parser with a `handler` default.
COMMANDS_GROUP = "tracer.commands"

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
    add_cache_arguments(trace)
    trace.add_argument("-q", "--quiet", action="store_true", help="no progress messages on stderr")
    add_trail_arguments(trace)
    trace.set_defaults(handler=_cmd_trace)

    schema = commands.add_parser(
        "schema",
        help="print the JSON Schema of the trace output",
        description="Print the JSON Schema of one trace result (the contract of `tracer trace` output).",
    )
    schema.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    schema.set_defaults(handler=_cmd_schema)
    for plugin in entry_points(group=COMMANDS_GROUP):
        plugin.load()(commands)
    return parser


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
    options = run_options(args)
    trail = options.trail
    fetcher = Fetcher(options.fetch) if trail.depth > 0 or any(i.kind == "url" for i in items) else None
    try:
        results = trace_many(items, fetcher, progress=_progress_printer(show_progress), trail=trail)
        if not batch:
            return _write_single(args.output, next(iter(results)), args.compact)
        writer = _Writer(results, batch, args.compact)
        _write(args.output, writer)
    finally:
        if fetcher:
            fetcher.close()
    return EXIT_PARTIAL if writer.failed else EXIT_OK


def _write_single(output: str | None, result: TraceResult, compact: bool) -> int:
    """Write one input's result; a failed one writes nothing, so `-o FILE` keeps FILE's old content."""
    if result.errors:
        return _exit_code_of(result)
    text = to_json(result, indent=None if compact else 2) + "\n"
    _write(output, lambda handle: handle.write(text))
    return EXIT_OK


def _exit_code_of(result: TraceResult) -> int:
    cls = getattr(errors, result.errors[0].type, None)
    return cls.exit_code if isinstance(cls, type) and issubclass(cls, TracerError) else 1


def _cmd_schema(args: argparse.Namespace) -> int:
    text = schema_json() + "\n"
    _write(args.output, lambda handle: handle.write(text))
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = _build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="tracer: %(message)s")
    try:
        handler: Callable[[argparse.Namespace], int] = args.handler
        return handler(args)
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
