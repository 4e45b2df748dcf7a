"""The `tracer` command: a thin layer that parses arguments, calls the library, prints results.

JSON goes to stdout (or -o FILE); progress and error messages go to stderr.
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import logging
import os
import shlex
import shutil
import sys
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from importlib.metadata import entry_points
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

import tracer.errors as errors
from tracer._version import __version__
from tracer.errors import TracerError

# Everything else loads inside the command that needs it: `tracer --help`, `schema`, `export` and
# `summary` never wait for the readers, parsers and fetcher (trafilatura, lxml, requests; ~0.7 s
# when they were imported here). tests/test_startup.py holds the line.
if TYPE_CHECKING:
    from tracer.export.formats import TraceActivity
    from tracer.models import TraceResult
    from tracer.read.inputs import InputItem, InputSpec
    from tracer.run.batch import Outcome
    from tracer.run.worker import WorkerSettings

# Other packages add subcommands here (the TUI adds `tracer tui`): each entry point is a
# function that takes the subparsers object and adds its parser with a `handler` default. It may
# pass `arguments=FUNCTION` to `add_parser`: FUNCTION(parser) then adds the subcommand's arguments
# only when that subcommand runs or shows its help (see `Command`), so what they import costs
# nothing to `tracer --help` and the other subcommands.
COMMANDS_GROUP = "tracer.commands"

EXIT_OK = 0
EXIT_PARTIAL = 1  # a batch where some inputs failed (their errors are in the output)
EXIT_USAGE = 64
EXIT_CANT_WRITE = 73  # sysexits EX_CANTCREAT: the output file or folder cannot be written

_EXIT_CODES = """exit codes:
  0  every input was traced
  1  a batch finished, but some inputs failed (see their errors[] in the output)
  2  the input is missing, unreadable, binary, empty or unsupported
  3  a URL could not be fetched (network, HTTP status, size, content type)
  4  the input could not be parsed
  5  the output cannot be written (checked before any tracing), or cannot be resumed
  130  interrupted (Ctrl-C); with -o FILE, what was traced is kept: add --resume to go on
"""


class Command(argparse.ArgumentParser):
    """A subcommand's parser that adds its arguments only when the subcommand is used.

    The arguments' defaults and choices come from the options objects and the exporters (the
    fetcher, the trail, pydantic's models), so adding every subcommand's arguments up front made
    `tracer --help` import them all. argparse hands the rest of the command line to the chosen
    subparser through `parse_known_args`, so that is where the arguments are added.
    """

    def __init__(self, *args: Any, arguments: Callable[[argparse.ArgumentParser], None] | None = None, **kw: Any):
        super().__init__(*args, **kw)
        self._arguments = arguments

    def _add_arguments(self) -> None:
        add, self._arguments = self._arguments, None
        if add is not None:
            add(self)

    def parse_known_args(self, args: Any = None, namespace: Any = None) -> Any:
        """Parse the subcommand's part of the command line, its arguments added first."""
        self._add_arguments()
        return super().parse_known_args(args, namespace)

    def format_help(self) -> str:
        """The subcommand's help, its arguments included however the parser was reached."""
        self._add_arguments()
        return super().format_help()

    def format_usage(self) -> str:
        """The subcommand's usage line, its arguments included."""
        self._add_arguments()
        return super().format_usage()


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tracer",
        description="Trace who said it first: read news articles, find embedded posts, links and attribution "
        "chains, and follow each claim back to its earliest known origin.",
        epilog=_EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help=_VERBOSE_HELP)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Command)
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
        arguments=_trace_arguments,
    )
    trace.set_defaults(handler=_cmd_trace)

    summary = commands.add_parser(
        "summary",
        help="summarise saved traces: inputs, failures, claims, origins, cited domains, posts",
        description="Summarise JSON Lines written by `tracer trace -o`: inputs traced and failed, claims, claims "
        "with a named origin, the origins most claims lead to, the most cited domains, hops per chain, and "
        "posts per platform.",
    )
    summary.add_argument("files", nargs="+", metavar="FILE", help="JSON Lines of trace results")
    summary.add_argument("--json", action="store_true", help="print the summary as JSON")
    summary.add_argument("--top", type=int, default=10, metavar="N", help="rows in the top lists (default: 10)")
    _add_verbose(summary)
    summary.set_defaults(handler=_cmd_summary)

    schema = commands.add_parser(
        "schema",
        help="print the JSON Schema of the trace output",
        description="Print the JSON Schema of one trace result (the contract of `tracer trace` output).",
    )
    schema.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    schema.set_defaults(handler=_cmd_schema)
    _add_export_parser(commands)
    for plugin in entry_points(group=COMMANDS_GROUP):
        plugin.load()(commands)
    return parser


def _trace_arguments(trace: argparse.ArgumentParser) -> None:
    """`tracer trace`'s arguments; their defaults come from the fetcher's and the trail's options."""
    from tracer.run.options import add_batch_arguments, add_cache_arguments, add_trail_arguments

    trace.add_argument(
        "inputs",
        nargs="*",
        metavar="INPUT",
        help="file (HTML, text, WARC, JSON Lines, URL list; gzipped too), directory, http(s) URL, or - for stdin",
    )
    trace.add_argument("-o", "--output", metavar="FILE", help="write to FILE (atomically) instead of stdout")
    trace.add_argument("--compact", action="store_true", help="print a single result on one line")
    trace.add_argument(
        "--format",
        choices=("json", "text"),
        default="json",
        help="json (default): the results as JSON; text: a readable tree of each claim's hops and origin, "
        "coloured on a terminal (set NO_COLOR to turn colour off)",
    )
    add_cache_arguments(trace)
    trace.add_argument("-q", "--quiet", action="store_true", help="no progress messages on stderr")
    _add_verbose(trace)
    add_batch_arguments(trace)
    add_trail_arguments(trace)


_VERBOSE_HELP = "log what the tracer does to stderr (inputs, fetches, cache hits, skips, workers)"


def _add_verbose(parser: argparse.ArgumentParser) -> None:
    """-v after the subcommand too; SUPPRESS keeps a -v given before it."""
    parser.add_argument("-v", "--verbose", action="store_true", default=argparse.SUPPRESS, help=_VERBOSE_HELP)


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
    from tracer.export.json_io import atomic_writer

    if output:
        with atomic_writer(output) as handle:
            write(handle)
    else:
        write(sys.stdout)
        sys.stdout.flush()


class _Writer:
    """Writes results to a stream and remembers how many failed."""

    def __init__(
        self,
        results: Iterable[TraceResult],
        batch: bool,
        compact: bool,
        render_text: Callable[[TraceResult], str] | None = None,
    ) -> None:
        self.results = results
        self.batch = batch
        self.compact = compact
        self.render_text = render_text
        self.failed: list[TraceResult] = []
        self.count = 0

    def __call__(self, handle: TextIO) -> None:
        from tracer.export.json_io import to_json

        for result in self.results:
            self.count += 1
            if result.errors:
                self.failed.append(result)
                if not self.batch:
                    continue
            if self.render_text:
                handle.write(("\n" if self.count > 1 else "") + self.render_text(result))
                continue
            indent = None if self.batch or self.compact else 2
            handle.write(to_json(result, indent=indent) + "\n")


def _cmd_trace(args: argparse.Namespace) -> int:
    from tracer.export.json_io import check_output
    from tracer.read.inputs import InputSpec, is_batch

    if not args.inputs and not args.from_file:
        _error("give at least one INPUT or --from-file FILE")
        return 2
    if args.resume and not args.output:
        _error("--resume needs -o FILE (the file to resume)")
        return 2
    if args.resume and args.format == "text":
        _error("--resume appends JSON Lines; leave out --format text")
        return 2
    if args.output:
        check_output(args.output)  # before any work: a bad -o never costs a batch
    own = frozenset({os.path.abspath(args.output)} if args.output else set())  # never read the output as input
    spec = InputSpec(tuple(args.inputs), tuple(args.from_file or ()), args.recursive, own)
    if is_batch(args.inputs, from_files=bool(args.from_file)) or args.resume:
        return _trace_batch(args, spec)
    return _trace_single(args, spec)


def _trace_single(args: argparse.Namespace, spec: InputSpec) -> int:
    """One article: one JSON object (indented unless --compact), its error as the exit code."""
    from tracer.read.inputs import iter_inputs
    from tracer.run.batch import trace_many
    from tracer.run.options import run_options
    from tracer.web.fetch import Fetcher

    items = list(iter_inputs(spec))
    batch = show_progress = False
    options = run_options(args)
    trail = options.trail
    fetcher = Fetcher(options.fetch) if trail.depth > 0 or any(i.kind == "url" for i in items) else None
    try:
        results = trace_many(items, fetcher, progress=_progress_printer(show_progress), trail=trail)
        if not batch:
            return _write_single(args, next(iter(results)))
        writer = _Writer(results, batch, args.compact, _text_renderer(args) if args.format == "text" else None)
        _write(args.output, writer)
    finally:
        if fetcher:
            fetcher.close()
    return EXIT_PARTIAL if writer.failed else EXIT_OK


def _write_single(args: argparse.Namespace, result: TraceResult) -> int:
    """Write one input's result; a failed one writes nothing, so `-o FILE` keeps FILE's old content."""
    if result.errors:
        return _exit_code_of(result)
    _write(args.output, _Writer([result], False, args.compact, _text_renderer(args) if args.format == "text" else None))
    return EXIT_OK


def _trace_batch(args: argparse.Namespace, spec: InputSpec) -> int:
    """Many inputs: JSON Lines streamed as inputs finish, in parallel, resumable with -o FILE --resume."""
    from tracer.export.json_io import completed_ids
    from tracer.models import TraceResult
    from tracer.read.inputs import count_inputs, iter_inputs
    from tracer.run.options import run_options
    from tracer.run.progress import BatchProgress
    from tracer.run.worker import WorkerSettings

    done = completed_ids(args.output) if args.resume else set()
    if done:
        logging.getLogger(__name__).info("resuming: %d inputs already in %s", len(done), args.output)
    todo = _read_stdin_items(item for item in iter_inputs(spec) if item.id not in done)
    first = next(todo, None)
    if first is None:
        if done:
            print(f"tracer: every input is already in {args.output}", file=sys.stderr)
            return EXIT_OK
        _error("no inputs found in " + ", ".join([*args.inputs, *(args.from_file or ())]))
        return 2
    items = itertools.chain([first], todo)
    total = max(1, count_inputs(spec) - len(done))  # for the progress bar, and whether workers pay off
    progress = BatchProgress(sys.stderr, total, _progress_mode(args))
    options = run_options(args)
    level = logging.INFO if args.verbose else logging.WARNING
    settings = WorkerSettings(options.trail, options.fetch, level)
    outcomes = _outcomes(args, items, settings, total)
    try:
        with contextlib.closing(outcomes), _sink(args) as write:
            text = _text_renderer(args) if args.format == "text" else None
            for number, outcome in enumerate(outcomes):
                if text is None:
                    write(outcome.line)
                else:  # the readable tree, from the line the worker wrote
                    separator = "\n" if number else ""
                    write(separator + text(TraceResult.model_validate_json(outcome.line)).rstrip("\n"))
                progress.update(outcome)
    except KeyboardInterrupt:
        progress.close()
        _explain_interrupt(args, progress.done)
        return 130
    progress.close()
    return EXIT_PARTIAL if progress.failed else EXIT_OK


def _read_stdin_items(items: Iterable[InputItem]) -> Iterator[InputItem]:
    """Standard input read here, in the parent: worker processes cannot read it."""
    from tracer.read.inputs import MAX_FILE_BYTES, InputKind

    for item in items:
        if item.kind == InputKind.STDIN:
            item = replace(item, data=sys.stdin.buffer.read(MAX_FILE_BYTES + 1))  # over the cap: refused when read
        yield item


def _progress_mode(args: argparse.Namespace) -> str:
    if args.quiet:
        return "off"
    return "bar" if sys.stderr.isatty() else "lines"


def _outcomes(
    args: argparse.Namespace, items: Iterable[InputItem], settings: WorkerSettings, total: int | None
) -> Generator[Outcome]:
    if args.scheduler:
        from tracer.run.cluster import run_on_dask

        return run_on_dask(items, settings, args.scheduler)
    from tracer.run.options import batch_jobs
    from tracer.run.parallel import run_batch

    jobs = batch_jobs(args.jobs, total)
    return run_batch(items, settings, jobs=jobs, ordered=not args.unordered)


@contextlib.contextmanager
def _sink(args: argparse.Namespace) -> Iterator[Callable[[str], None]]:
    """Where JSON lines go: stdout, an atomically replaced file, or (--resume) the file appended to."""
    from tracer.export.json_io import JsonlAppender, atomic_writer

    if args.resume:
        with JsonlAppender(args.output) as appender:
            yield appender.write
    elif args.output:
        with atomic_writer(args.output, keep_on_interrupt=True) as handle:
            yield lambda line: print(line, file=handle)
    else:
        yield _print_line


def _print_line(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def _explain_interrupt(args: argparse.Namespace, written: int) -> None:
    if not args.output:
        _error(f"interrupted after {written} inputs")
        return
    command = [a for a in sys.argv[1:] if a != "--resume"] + ["--resume"]
    _error(f"interrupted: {written} inputs written to {args.output}; to go on from there: tracer {shlex.join(command)}")


def _text_renderer(args: argparse.Namespace) -> Callable[[TraceResult], str]:
    """`--format text`: the tree, coloured and fitted to the terminal when stdout is one."""
    from tracer.export.report import to_text

    terminal = not args.output and sys.stdout.isatty()
    color = terminal and not os.environ.get("NO_COLOR")
    width = shutil.get_terminal_size().columns if terminal else 100
    return lambda result: to_text([result], color=color, width=width)


def _exit_code_of(result: TraceResult) -> int:
    cls = getattr(errors, result.errors[0].type, None)
    return cls.exit_code if isinstance(cls, type) and issubclass(cls, TracerError) else 1


def _cmd_summary(args: argparse.Namespace) -> int:
    from tracer.export.summary import render_table, summarise_files

    try:
        summary = summarise_files(Path(name) for name in args.files)
    except OSError as exc:
        _error(f"cannot read {exc.filename}: {exc.strerror}")
        return 2
    if args.json:
        import json

        print(json.dumps(summary.as_dict(args.top), indent=2))
    else:
        print(render_table(summary, args.top), end="")
    return EXIT_OK


def _cmd_schema(args: argparse.Namespace) -> int:
    from tracer.export.json_io import schema_json

    text = schema_json() + "\n"
    _write(args.output, lambda handle: handle.write(text))
    return EXIT_OK


def _add_export_parser(commands: argparse._SubParsersAction[Command]) -> None:
    export = commands.add_parser(
        "export",
        help="convert saved traces to CSV tables, GraphML/GEXF graphs, W3C PROV or a Markdown report",
        description="Read what `tracer trace -o` wrote (JSON or JSON Lines, one result or many) and write it "
        "in another format. Files are written atomically; without -o the export goes to stdout.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        arguments=_export_arguments,
    )
    export.set_defaults(handler=_cmd_export)


def _export_arguments(export: argparse.ArgumentParser) -> None:
    """`tracer export`'s arguments and epilog; the formats and table names come from the exporters."""
    from tracer.export.formats import TABLE_NAMES, ExportFormat

    export.epilog = (
        "formats:\n"
        "  csv        tidy tables (" + ", ".join(TABLE_NAMES) + "): -o DIR for a folder of .csv files,\n"
        "             -o FILE.zip for a zip, or --table NAME for one table (-o FILE or stdout)\n"
        "  graphml    one graph of documents, posts, sources and claims (Gephi, Cytoscape, igraph)\n"
        "  gexf       the same graph in Gephi's own format\n"
        "  prov-json  W3C PROV: documents and claims as entities, sources as agents (PROV-JSON)\n"
        "  prov-n     the same in PROV-N, the readable notation\n"
        "  markdown   a report per document: each claim's chain as a numbered list of hops\n\n"
        "examples:\n  tracer trace corpus/ -o traces.jsonl && tracer export traces.jsonl --to csv -o tables/\n"
        "  tracer export traces.jsonl --to csv --table hops > hops.csv\n"
        "  tracer export traces.jsonl --to graphml -o traces.graphml\n\n"
        "exit codes:\n  0  exported\n  2  the traces file is missing, unreadable or not a trace\n"
        f"  {EXIT_USAGE} a usage error\n  {EXIT_CANT_WRITE} the output cannot be written\n"
    )
    export.add_argument("traces", metavar="TRACES", help="a .json or .jsonl file written by `tracer trace`, or -")
    export.add_argument("--to", required=True, choices=[f.value for f in ExportFormat], metavar="FORMAT",
                        help="csv, graphml, gexf, prov-json, prov-n or markdown")  # fmt: skip
    export.add_argument("-o", "--output", metavar="PATH", help="write to PATH (a folder or .zip for all CSV tables)")
    export.add_argument(
        "--table", choices=TABLE_NAMES, metavar="NAME", help="csv: just this table (" + ", ".join(TABLE_NAMES) + ")"
    )
    export.add_argument("-q", "--quiet", action="store_true", help="no summary line on stderr")


def _cmd_export(args: argparse.Namespace) -> int:
    from tracer.export.formats import ExportFormat, export_results, render
    from tracer.export.json_io import read_results

    fmt = ExportFormat(args.to)
    if args.table and fmt != ExportFormat.CSV:
        _error(f"--table is for --to csv, not {fmt}")
        return EXIT_USAGE
    if fmt == ExportFormat.CSV and not (args.table or args.output):
        _error("csv is several tables: give -o DIR or -o FILE.zip, or --table NAME for one table on stdout")
        return EXIT_USAGE
    results = read_results(args.traces)
    activity = _activity_of(args.traces)
    if not args.output:
        sys.stdout.write(render(results, fmt, table=args.table, activity=activity))
        return EXIT_OK
    try:
        written = export_results(results, fmt, Path(args.output), table=args.table, activity=activity)
    except OSError as exc:
        _error(f"cannot write {exc.filename or args.output}: {exc.strerror or exc}")
        return EXIT_CANT_WRITE
    if not args.quiet:
        claims = sum(len(r.claims) for r in results)
        hops = sum(len(c.chain) for r in results for c in r.claims)
        where = args.output if len(written) == 1 else f"{len(written)} files in {args.output}"
        print(f"tracer: {len(results)} results, {claims} claims, {hops} hops → {where}", file=sys.stderr)
    return EXIT_OK


def _activity_of(traces: str) -> TraceActivity:
    """The trace run as far as the file tells: it finished by the time the file was last written."""
    from tracer.export.formats import TraceActivity

    if traces == "-":
        return TraceActivity(options={"traces": "stdin"})
    modified = datetime.fromtimestamp(Path(traces).stat().st_mtime, tz=UTC)
    return TraceActivity(time=modified, time_basis="traces file last modified", options={"traces": traces})


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
