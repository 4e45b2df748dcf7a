"""Commands that read no article start without the readers, parsers and spaCy (issue 19).

`import tracer.cli` used to import the readers (trafilatura, lxml) and the whole pipeline, ~0.7 s
before `tracer --help` printed a line. What users rely on is that these commands never load
them, so the tests check `sys.modules` in a fresh interpreter rather than a timing
(benchmarks/bench_startup.py measures the times).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SEED
from tracer.models import TraceResult

HEAVY = ("spacy", "trafilatura", "lxml")  # what the readers and parsers load: ~0.6 s, and spaCy's model after
ROOT = Path(__file__).resolve().parents[1]

# Runs the command line in-process, then prints which of the heavy packages it imported.
PROBE = """
import json, sys
from tracer.cli import main
try:
    code = main(sys.argv[1:])
except SystemExit as exc:
    code = exc.code
loaded = sorted({name.split(".")[0] for name in sys.modules} & {"spacy", "trafilatura", "lxml"})
print(json.dumps({"code": code, "loaded": loaded}), file=sys.stderr)
"""


def loaded_by(*argv: str, cwd: Path = ROOT) -> list[str]:
    """The heavy packages a `tracer` command line imported, run in a fresh interpreter; it must exit 0."""
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *argv], capture_output=True, text=True, cwd=cwd, timeout=120, check=False
    )
    report = json.loads(done.stderr.strip().splitlines()[-1])
    assert report["code"] in (0, None), done.stderr
    return list(report["loaded"])


def test_importing_the_command_line_loads_no_reader_parser_or_model() -> None:
    code = f"import sys, tracer.cli; print(sorted({{m.split('.')[0] for m in sys.modules}} & {set(HEAVY)!r}))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120)
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize(
    "argv",
    [("--help",), ("--version",), ("schema",), ("export", "--help"), ("summary", "--help"), ("tui", "--help")],
    ids=" ".join,
)
def test_commands_that_read_no_article_load_none_of_the_pipeline(argv: tuple[str, ...]) -> None:
    assert loaded_by(*argv) == []


@pytest.fixture(scope="module")
def saved_trace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A trace of the seed as `tracer trace -o` writes it (built in-process: tracing may load everything)."""
    from tracer import InputItem, TrailOptions, read_input, trace_article

    item = InputItem("file", str(SEED))
    result: TraceResult = trace_article(read_input(item), input_label=item.label, options=TrailOptions(depth=0))
    path = tmp_path_factory.mktemp("saved") / "traces.jsonl"
    path.write_text(result.model_dump_json() + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("to", ["csv", "graphml", "gexf", "prov-json", "markdown"])
def test_exporting_saved_traces_loads_none_of_the_pipeline(saved_trace: Path, to: str, tmp_path: Path) -> None:
    # graphml used to load the readers for the id of a linked page (`document_id`, now in tracer.models).
    loaded = loaded_by("export", str(saved_trace), "--to", to, "-o", str(tmp_path / f"out.{to}"), "-q")
    if to.startswith("prov"):
        loaded.remove("lxml")  # the prov library loads every serializer of its own, its XML one included
    assert loaded == []


def test_summarising_saved_traces_loads_none_of_the_pipeline(saved_trace: Path) -> None:
    assert loaded_by("summary", str(saved_trace)) == []


def test_a_subcommand_s_arguments_are_there_when_it_runs() -> None:
    """The arguments are added late (on use), but every one of them is there for parsing and --help."""
    from tracer.cli import _build_parser

    args = _build_parser().parse_args(["trace", "a.html", "--depth", "0", "--offline", "-j", "2"])
    assert (args.inputs, args.depth, args.offline, args.jobs) == (["a.html"], 0, True, 2)
    args = _build_parser().parse_args(["export", "t.jsonl", "--to", "csv", "--table", "hops"])
    assert (args.traces, args.to, args.table) == ("t.jsonl", "csv", "hops")
    help_text = subprocess.run(
        [sys.executable, "-m", "tracer", "export", "--help"], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout
    assert "--table NAME" in help_text and "graphml" in help_text and "exit codes:" in help_text


def test_the_tui_builds_its_first_screen_without_the_pipeline() -> None:
    """`tracer tui` up to its first screen: the readers and spaCy load later, in the worker that traces."""
    code = (
        "import sys; from tracer import run_options; from tracer.cli import _build_parser; "
        "from tui.app import TracerApp; from tui.screens.documents import DocumentsScreen; "
        "args = _build_parser().parse_args(['tui']); TracerApp([], options=run_options(args)); DocumentsScreen(); "
        f"print(sorted({{m.split('.')[0] for m in sys.modules}} & {set(HEAVY)!r}))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120)
    assert out.stdout.strip() == "[]"
