"""`tracer export` and `tracer trace --format text`: every format read back by the library its users read it with.

The traces are real: the seed article (offline, depth 0), the three trails of the local web
(followed across documents, so sources are joined between documents), and a failed input.
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
import pty
import re
import subprocess
import sys
import threading
import zipfile
from pathlib import Path

import networkx as nx
import pandas as pd
import prov
import pytest
from prov.model import ProvDerivation, ProvDocument, ProvEntity

from tests.conftest import SEEDS
from tests.web.server import Web
from tests.web.tracing import trace as trace_trail
from tracer.cli import main
from tracer.export.fields import TraceActivity, trace_keys
from tracer.export.formats import ExportFormat, export_results, render
from tracer.export.graph import CITES, build_graph
from tracer.export.json_io import atomic_path
from tracer.export.report import to_text
from tracer.export.tables import TABLES
from tracer.export.w3c_prov import TRACER, build_prov
from tracer.models import Claim, Document, Hop, SourceRef, TraceResult

TRACER_CMD = str(Path(sys.executable).with_name("tracer"))
YONHAP = "South Korea’s Yonhap News Agency"
CLASH_CHAIN = ["Clash Report", YONHAP, "intelligence"]


def run(*args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    """The installed command in its own process (for what only a real process shows: a terminal, stdin)."""
    return subprocess.run([TRACER_CMD, *args], capture_output=True, text=True, timeout=120, **kwargs)  # type: ignore[call-overload,no-any-return]


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    """The command's `main` in this process (the same code, without a second Python starting up)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return subprocess.CompletedProcess(list(args), code, out.getvalue(), err.getvalue())


@pytest.fixture(scope="module")
def seed_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed folder traced offline by the installed command, as a user would."""
    out = tmp_path_factory.mktemp("seed") / "seed.jsonl"
    done = run("trace", str(SEEDS), "--offline", "--depth", "0", "-q", "-o", str(out))
    assert done.returncode == 0, done.stderr
    return out


@pytest.fixture(scope="module")
def trail_results(tmp_path_factory: pytest.TempPathFactory) -> list[TraceResult]:
    """The local web's three trails, followed four links deep (with the archive for dead pages)."""
    cache = tmp_path_factory.mktemp("cache")
    with Web() as web:
        return [trace_trail(web, root, cache / root, archive=True)[0] for root in ("orren", "smoke", "bridge")]


@pytest.fixture(scope="module")
def traces(seed_file: Path, trail_results: list[TraceResult], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Seed + trails + a binary input that failed, as one JSON Lines file."""
    folder = tmp_path_factory.mktemp("bad")
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02 not text")
    failed = tmp_path_factory.mktemp("failed") / "failed.jsonl"
    assert cli("trace", str(folder), "--offline", "-q", "-o", str(failed)).returncode == 1
    path = tmp_path_factory.mktemp("traces") / "traces.jsonl"
    lines = [seed_file.read_text(), *(r.model_dump_json() + "\n" for r in trail_results), failed.read_text()]
    path.write_text("".join(lines), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def results(traces: Path) -> list[TraceResult]:
    return [TraceResult.model_validate_json(line) for line in traces.read_text().splitlines()]


def expected_hops(results: list[TraceResult]) -> set[tuple[str, str, int, str]]:
    """(trace, claim, position, source name) for every hop of the input."""
    return {
        (key, claim.id, position, hop.source.name)
        for key, result in zip(trace_keys(results), results, strict=True)
        for claim in result.claims
        for position, hop in enumerate(claim.chain, 1)
    }


def expected_claims(results: list[TraceResult]) -> set[tuple[str, str]]:
    return {
        (key, claim.id) for key, result in zip(trace_keys(results), results, strict=True) for claim in result.claims
    }


def clash_claim(result: TraceResult) -> Claim:
    return next(c for c in result.claims if c.post_id and c.text.startswith("North Korea is reportedly preparing"))


def test_the_fixtures_hold_what_the_tests_rely_on(results: list[TraceResult]) -> None:
    seed, orren, *_, failed = results
    assert [hop.source.name for hop in clash_claim(seed).chain] == CLASH_CHAIN
    hops = [hop for claim in orren.claims for hop in claim.chain]
    assert {hop.document_id for hop in hops} >= {orren.document.id} and len({h.document_id for h in hops}) > 2
    assert failed.errors and not failed.claims


# CSV ----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def tables(traces: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("csv") / "tables"
    done = cli("export", str(traces), "--to", "csv", "-o", str(out))
    assert done.returncode == 0, done.stderr
    return out


def test_csv_tables_load_with_pandas_with_the_right_rows_and_columns(tables: Path, results: list[TraceResult]) -> None:
    counts = {
        "claims": sum(len(r.claims) for r in results),
        "hops": sum(len(c.chain) for r in results for c in r.claims),
        "visits": sum(len(c.visits) for r in results for c in r.claims),
        "posts": sum(len(r.posts) for r in results),
        "links": sum(len(r.links) for r in results),
        "sources": sum(len(r.sources) for r in results),
        "errors": sum(len(r.errors) for r in results),
        "attributions": sum(len(r.attributions) for r in results),
    }
    assert sorted(p.name for p in tables.iterdir()) == sorted(f"{name}.csv" for name in TABLES)
    for name, table in TABLES.items():
        frame = pd.read_csv(tables / f"{name}.csv")
        assert list(frame.columns) == table.columns, name
        if name in counts:
            assert len(frame) == counts[name], name
        with (tables / f"{name}.csv").open(newline="", encoding="utf-8") as handle:
            assert len(list(csv.DictReader(handle))) == len(frame), name
    assert counts["visits"] > 0 and counts["errors"] == 1 and counts["attributions"] > 0
    attributions = pd.read_csv(tables / "attributions.csv")
    assert "class" in attributions.columns and attributions["content"].notna().any()  # JSON names, content joined


def test_csv_types_and_missing_values_need_no_options(tables: Path) -> None:
    claims = pd.read_csv(tables / "claims.csv")
    hops = pd.read_csv(tables / "hops.csv")
    assert claims["hedged"].dtype == bool
    assert claims["start"].dtype == "int64" and claims["hops"].dtype == "int64"
    assert hops["confidence"].dtype == "float64" and hops["position"].dtype == "int64"
    assert hops["date"].isna().any() and hops["date"].notna().any()  # NA is missing, not the text "NA"
    unattributed = claims[claims["sourcing"].isin(["hedged", "unattributed"])]
    assert unattributed["origin_name"].isna().all()
    assert set(claims["sourcing"]) <= {"post", "attributed", "hedged", "unattributed"}
    assert set(claims["kind"]) <= {"statement", "stance", "noun_phrase", "embed", "link"}


def test_hops_csv_is_an_edge_list_from_the_document_then_source_to_source(
    tables: Path, results: list[TraceResult]
) -> None:
    hops = pd.read_csv(tables / "hops.csv")
    seed = results[0]
    claim = clash_claim(seed)
    chain = hops[(hops["trace"] == seed.document.id) & (hops["claim_id"] == claim.id)].sort_values("position")
    assert list(chain["source_name"]) == CLASH_CHAIN
    assert list(chain["cited_by_id"]) == [seed.document.id, *[h.source.id for h in claim.chain[:-1]]]
    assert "citing intelligence" in chain.iloc[-1]["evidence"]


def test_csv_zip_and_single_table(traces: Path, tmp_path: Path, tables: Path) -> None:
    done = cli("export", str(traces), "--to", "csv", "-o", str(tmp_path / "t.zip"))
    assert done.returncode == 0, done.stderr
    with zipfile.ZipFile(tmp_path / "t.zip") as archive:
        assert sorted(archive.namelist()) == sorted(f"{name}.csv" for name in TABLES)
        with archive.open("hops.csv") as member:
            assert pd.read_csv(member).equals(pd.read_csv(tables / "hops.csv"))
    one = cli("export", str(traces), "--to", "csv", "--table", "hops")
    assert one.returncode == 0 and one.stdout == (tables / "hops.csv").read_text(encoding="utf-8")


# Graphs -------------------------------------------------------------------------------------


@pytest.fixture(scope="module", params=["graphml", "gexf"])
def graph_file(request: pytest.FixtureRequest, traces: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("graph") / f"traces.{request.param}"
    done = cli("export", str(traces), "--to", request.param, "-o", str(out))
    assert done.returncode == 0, done.stderr
    return out


def read_graph(path: Path) -> nx.MultiDiGraph[str]:
    """A graph file as networkx reads it (GEXF has no multigraph flag: one without parallel edges reads as a DiGraph)."""
    graph = nx.read_graphml(path, force_multigraph=True) if path.suffix == ".graphml" else nx.read_gexf(path)
    return graph if isinstance(graph, nx.MultiDiGraph) else nx.MultiDiGraph(graph)


def cites(graph: nx.MultiDiGraph[str]) -> list[tuple[str, str, dict[str, object]]]:
    return [(u, v, d) for u, v, d in graph.edges(data=True) if d["kind"] == CITES]


def test_graph_reads_back_with_every_node_edge_and_attribute(graph_file: Path, results: list[TraceResult]) -> None:
    built = build_graph(results)
    graph = read_graph(graph_file)
    assert set(graph.nodes) == set(built.nodes)
    assert graph.number_of_edges() == built.number_of_edges()
    for node, data in built.nodes(data=True):
        assert graph.nodes[node] == data, node  # types too: ints, floats and booleans stay what they were
    kinds = {data["kind"] for _, data in graph.nodes(data=True)}
    assert kinds == {"document", "post", "source", "claim"}
    assert {d["kind"] for *_, d in graph.edges(data=True)} == {"cites", "published in", "embeds", "links to"}


def test_graph_joins_a_source_across_the_documents_of_a_trail(results: list[TraceResult]) -> None:
    orren = results[1]
    graph = build_graph(results)
    [river] = [s for s in orren.sources if s.name == "River News Now"]
    node = f"{orren.document.id}/{river.id}"
    documents = {d["document_id"] for _, _, d in cites(graph) if _ == node}
    assert len(documents) == 2  # named in the input, and the page it published: one node
    published = [v for _, v, d in graph.out_edges(node, data=True) if d["kind"] == "published in"]
    assert published and all(graph.nodes[v]["kind"] == "document" for v in published)
    reached = [r for r in orren.documents if r.cited_by]
    assert all(graph.has_edge(r.cited_by, r.id) for r in reached)


def test_graph_keeps_traces_apart_but_shares_documents(results: list[TraceResult]) -> None:
    seed = results[0]
    graph = build_graph([seed, seed])
    claims = [n for n, d in graph.nodes(data=True) if d["kind"] == "claim"]
    assert len(claims) == 2 * len(seed.claims)
    assert sum(1 for _, d in graph.nodes(data=True) if d.get("ref") == seed.document.id) == 1


# PROV ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def prov_document(traces: Path, tmp_path_factory: pytest.TempPathFactory) -> ProvDocument:
    out = tmp_path_factory.mktemp("prov") / "traces.prov.json"
    done = cli("export", str(traces), "--to", "prov-json", "-o", str(out))
    assert done.returncode == 0, done.stderr
    document = prov.read(out, format="json")
    assert isinstance(document, ProvDocument)
    return document


def derivations(document: ProvDocument) -> dict[str, ProvDerivation]:
    """Claim-to-claim derivations by the claim derived (each claim statement is derived once)."""
    found = {}
    for record in document.get_records(ProvDerivation):
        attrs = dict(record.formal_attributes)
        generated = str(attrs[prov.model.PROV_ATTR_GENERATED_ENTITY])
        if record.get_attribute(TRACER["position"]):
            found[generated] = record
    return found


def chain_in_prov(document: ProvDocument, claim_id: str) -> list[str]:
    """Source names along a claim's derivations, nearest first."""
    by_generated = derivations(document)
    labels = {
        str(a.identifier): next(iter(a.get_attribute("prov:label"))) for a in document.get_records(prov.model.ProvAgent)
    }
    names, current = [], claim_id
    while current in by_generated:
        record = by_generated[current]
        [agent] = record.get_attribute(TRACER["source"])
        names.append(labels[str(agent)])
        current = str(dict(record.formal_attributes)[prov.model.PROV_ATTR_USED_ENTITY])
    return names


def test_prov_json_reads_back_equal_and_its_records_match_the_chains(
    prov_document: ProvDocument, results: list[TraceResult]
) -> None:
    assert prov_document == build_prov(results, prov_document_activity(prov_document))
    for key, result in zip(trace_keys(results), results, strict=True):
        for claim in result.claims:
            assert chain_in_prov(prov_document, f"claim:{key}_{claim.id}") == [h.source.name for h in claim.chain]
    [activity] = prov_document.get_records(prov.model.ProvActivity)
    assert activity.get_endTime() is not None
    assert next(iter(activity.get_attribute(TRACER["time_basis"]))) == "traces file last modified"


def prov_document_activity(document: ProvDocument) -> TraceActivity:
    """The activity the CLI recorded (its time is the traces file's), to rebuild the same document."""
    [activity] = document.get_records(prov.model.ProvActivity)
    options = {"traces": str(next(iter(activity.get_attribute(TRACER["option_traces"]))))}
    return TraceActivity(time=activity.get_endTime(), time_basis="traces file last modified", options=options)


def test_prov_evidence_and_attribution(prov_document: ProvDocument, results: list[TraceResult]) -> None:
    seed = results[0]
    claim = clash_claim(seed)
    record = derivations(prov_document)[f"claim:{seed.document.id}_{claim.id}_h2"]
    assert "citing intelligence" in next(iter(record.get_attribute(TRACER["evidence"])))
    assert next(iter(record.get_attribute(TRACER["cue"]))) == "citing"
    attributed = {
        str(dict(r.formal_attributes)[prov.model.PROV_ATTR_ENTITY]): str(
            dict(r.formal_attributes)[prov.model.PROV_ATTR_AGENT]
        )
        for r in prov_document.get_records(prov.model.ProvAttribution)
    }
    assert (
        attributed[f"claim:{seed.document.id}_{claim.id}_h3"] == f"source:{seed.document.id}_{claim.chain[2].source.id}"
    )


def test_prov_n_parses_back_to_the_same_document(results: list[TraceResult]) -> None:
    document = build_prov(results)
    text = render(results, ExportFormat.PROV_N)
    assert prov.read(text, format="provn") == document


# Every format -------------------------------------------------------------------------------

FORMATS = [f.value for f in ExportFormat]


def claims_and_hops_in(fmt: str, path: Path) -> tuple[set[tuple[str, str]], set[tuple[str, str, int, str]]]:
    """What one exported file (or folder) says the claims and hops are, read back by its readers."""
    if fmt == "csv":
        claims = pd.read_csv(path / "claims.csv")
        hops = pd.read_csv(path / "hops.csv")
        return (
            {(t, c) for t, c in zip(claims["trace"], claims["id"], strict=True)},
            {
                (t, c, int(p), s)
                for t, c, p, s in hops[["trace", "claim_id", "position", "source_name"]].itertuples(index=False)
            },
        )
    if fmt in ("graphml", "gexf"):
        graph = read_graph(path)
        claim_nodes = {tuple(n.split("/")) for n, d in graph.nodes(data=True) if d["kind"] == "claim"}
        return claim_nodes, {  # type: ignore[return-value]
            (*str(d["claim"]).split("/"), int(d["position"]), graph.nodes[v]["label"]) for _, v, d in cites(graph)
        }
    if fmt in ("prov-json", "prov-n"):
        document = prov.read(path, format="json" if fmt == "prov-json" else "provn")
        claims = {
            tuple(str(e.identifier).removeprefix("claim:").split("_"))
            for e in document.get_records(ProvEntity)
            if TRACER["Claim"] in e.get_attribute("prov:type") and not e.get_attribute(TRACER["position"])
        }
        hops = set()
        labels = {
            str(a.identifier): next(iter(a.get_attribute("prov:label")))
            for a in document.get_records(prov.model.ProvAgent)
        }
        for record in derivations(document).values():
            used = str(dict(record.formal_attributes)[prov.model.PROV_ATTR_USED_ENTITY]).removeprefix("claim:")
            trace, claim, position = used.split("_")
            [agent] = record.get_attribute(TRACER["source"])
            hops.add((trace, claim, int(position.removeprefix("h")), labels[str(agent)]))
        return claims, hops  # type: ignore[return-value]
    raise AssertionError(fmt)


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_claim_and_hop_appears_in_every_format(
    fmt: str, traces: Path, results: list[TraceResult], tmp_path: Path
) -> None:
    out = tmp_path / ("tables" if fmt == "csv" else f"out.{fmt}")
    done = cli("export", str(traces), "--to", fmt, "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert "claims" in done.stderr and f"{len(expected_hops(results))} hops" in done.stderr
    if fmt == "markdown":
        claims, hops = markdown_claims_and_hops(out.read_text(encoding="utf-8"), results)
    else:
        claims, hops = claims_and_hops_in(fmt, out)
    assert claims == expected_claims(results)
    assert hops == expected_hops(results)


def markdown_claims_and_hops(
    text: str, results: list[TraceResult]
) -> tuple[set[tuple[str, str]], set[tuple[str, str, int, str]]]:
    """Claims under each document's section, and their numbered hops with the source in bold."""
    sections = re.split(r"^## ", text, flags=re.M)[1:]
    assert len(sections) == len(results)
    claims, hops = set(), set()
    for key, section in zip(trace_keys(results), sections, strict=True):
        for block in re.split(r"^### Claim ", section, flags=re.M)[1:]:
            claim_id = block.split("\n", 1)[0].strip()
            claims.add((key, claim_id))
            for position, name in re.findall(r"^(\d+)\. \*\*(.+?)\*\*", block, flags=re.M):
                hops.add((key, claim_id, int(position), name.replace("\\", "")))
    return claims, hops


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_seed_clash_report_chain_is_in_every_format(fmt: str, seed_file: Path, tmp_path: Path) -> None:
    [seed] = [TraceResult.model_validate_json(seed_file.read_text())]
    claim = clash_claim(seed)
    out = tmp_path / ("tables" if fmt == "csv" else f"seed.{fmt}")
    assert cli("export", str(seed_file), "--to", fmt, "-o", str(out), "-q").returncode == 0
    if fmt == "markdown":
        text = out.read_text(encoding="utf-8")
        block = text.split(f"### Claim {claim.id}\n", 1)[1].split("### ", 1)[0]
        assert re.findall(r"^\d+\. \*\*(.+?)\*\*", block, flags=re.M) == CLASH_CHAIN
        assert "Origin: **intelligence** · **date unknown**" in block
        assert "   > North Korea is reportedly preparing" in block and "citing intelligence." in block
        return
    _, hops = claims_and_hops_in(fmt, out)
    chain = sorted((p, name) for trace, c, p, name in hops if c == claim.id)
    assert [name for _, name in chain] == CLASH_CHAIN


def test_the_corpus_exports_to_every_format(corpus: Path, tmp_path: Path) -> None:
    """A slice of the real pages (the README measures the whole corpus): every format, read back."""
    pages = sorted(corpus.glob("*.html"))[:12]
    folder = tmp_path / "pages"
    folder.mkdir()
    for page in pages:
        (folder / page.name).symlink_to(page)
    traces = tmp_path / "corpus.jsonl"
    assert cli("trace", str(folder), "--offline", "--depth", "0", "-q", "-o", str(traces)).returncode == 0
    results = [TraceResult.model_validate_json(line) for line in traces.read_text().splitlines()]
    for fmt in ("csv", "graphml", "gexf", "prov-json", "prov-n"):
        out = tmp_path / ("tables" if fmt == "csv" else f"corpus.{fmt}")
        assert cli("export", str(traces), "--to", fmt, "-o", str(out), "-q").returncode == 0, fmt
        claims, hops = claims_and_hops_in(fmt, out)
        assert claims == expected_claims(results) and hops == expected_hops(results), fmt


# Markdown and the text tree -----------------------------------------------------------------


def test_markdown_report_per_document_with_origin_and_date_in_bold(results: list[TraceResult]) -> None:
    text = render(results, ExportFormat.MARKDOWN)
    orren = results[1]
    claim = next(c for c in orren.claims if c.origin_document_id and c.origin_date)
    assert claim.origin
    assert f"Origin: **{claim.origin.name}** · **{claim.origin_date}**" in text
    assert "**Could not be traced:** the input is binary" in text
    assert text.count("\n## ") == len(results)


def test_trace_format_text_prints_the_tree_without_colour_when_piped() -> None:
    done = cli("trace", str(SEEDS / "korea-north-korean-casualties.txt"), "--offline", "--format", "text")
    assert done.returncode == 0, done.stderr
    assert "\x1b[" not in done.stdout
    block = done.stdout.split("“North Korea is reportedly preparing", 1)[1].split("\n\n", 1)[0]
    assert re.findall(r"^├─ \d (.+?) \(", block, flags=re.M) == CLASH_CHAIN
    assert "└─ origin: intelligence · 2024-12-23" in block  # the scrape's date (issue 15: it has one now)


def in_terminal(*args: str) -> str:
    """Run the command with stdout on a pseudo-terminal, as when a user types it; returns what it printed."""
    leader, follower = pty.openpty()
    chunks: list[bytes] = []

    def drain() -> None:
        with contextlib.suppress(OSError):  # EIO once the terminal's other end is closed
            while chunk := os.read(leader, 65536):
                chunks.append(chunk)

    reader = threading.Thread(target=drain)
    reader.start()
    with os.fdopen(follower, "w", encoding="utf-8") as terminal, contextlib.redirect_stdout(terminal):
        assert main(list(args)) == 0
    reader.join(timeout=60)
    os.close(leader)
    return b"".join(chunks).decode("utf-8")


def test_trace_format_text_is_coloured_on_a_terminal_unless_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    seed = str(SEEDS / "korea-north-korean-casualties.txt")
    monkeypatch.delenv("NO_COLOR", raising=False)
    coloured = in_terminal("trace", seed, "--offline", "--format", "text")
    assert "\x1b[36;1mintelligence\x1b[0m" in coloured
    monkeypatch.setenv("NO_COLOR", "1")
    plain = in_terminal("trace", seed, "--offline", "--format", "text")
    assert "\x1b[" not in plain and "origin: intelligence" in plain


def test_text_never_passes_terminal_controls_from_the_page() -> None:
    hostile = "\x1b]0;owned\x07\x1b[2Jsaid"
    hop = Hop(source=SourceRef(id="s1", name="Evil\x1b[31m Corp"), cue=hostile, evidence=hostile)
    claim = Claim(id="c1", text="x\x1b[8m", start=0, end=1, chain=[hop])
    result = TraceResult(document=Document(id="d-1", text="x"), claims=[claim])
    for color in (False, True):
        shown = to_text([result], color=color)
        assert "\x1b]" not in shown and "\x1b[2J" not in shown and "\x1b[31m" not in shown and "\x07" not in shown


# Errors and files ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file"),
        ("", "no trace results"),
        ("not json at all", "not a trace result"),
        ('{"schema_version": "1.0"}\n{"document": 3}\n', "line 1: not a trace result"),
        (b"\xff\xfe\x00binary", "not UTF-8"),
    ],
)
def test_bad_traces_files_are_one_line_errors(content: str | bytes | None, message: str, tmp_path: Path) -> None:
    path = tmp_path / "traces.jsonl"
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif content is not None:
        path.write_text(content)
    done = cli("export", str(path), "--to", "markdown")
    assert done.returncode == 2
    assert message in done.stderr and len(done.stderr.strip().splitlines()) == 1
    assert "Traceback" not in done.stderr


def test_unwritable_output_and_usage_errors(seed_file: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    done = cli("export", str(seed_file), "--to", "graphml", "-o", str(blocker / "out.graphml"))
    assert done.returncode == 73 and "cannot write" in done.stderr and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert cli("export", str(seed_file), "--to", "gexf", "--table", "hops").returncode == 64
    no_target = cli("export", str(seed_file), "--to", "csv")
    assert no_target.returncode == 64 and "--table" in no_target.stderr


def test_output_is_replaced_atomically(seed_file: Path, tmp_path: Path) -> None:
    target = tmp_path / "out.md"
    target.write_text("old")
    assert cli("export", str(seed_file), "--to", "markdown", "-o", str(target), "-q").returncode == 0
    assert target.read_text(encoding="utf-8").startswith("# Provenance report")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.md"]  # no temporary file left
    with pytest.raises(RuntimeError), atomic_path(target) as tmp:
        tmp.write_text("half")
        raise RuntimeError("interrupted")
    assert target.read_text(encoding="utf-8").startswith("# Provenance report")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.md"]


def test_export_reads_stdin_and_writes_stdout(seed_file: Path) -> None:
    done = run("export", "-", "--to", "gexf", input=seed_file.read_text())
    assert done.returncode == 0, done.stderr
    graph = nx.read_gexf(io.BytesIO(done.stdout.encode("utf-8")))
    assert any(d.get("label") == "intelligence" for _, d in graph.nodes(data=True))


def test_export_results_writes_what_render_returns(results: list[TraceResult], tmp_path: Path) -> None:
    """The library entry point the TUI uses: one file per format, CSV as a zip."""
    for fmt in ExportFormat:
        target = tmp_path / f"out-{fmt.value}"
        if fmt == ExportFormat.CSV:
            target = target.with_suffix(".zip")
        assert export_results(results, fmt, target) == [target]
        if fmt != ExportFormat.CSV:
            assert target.read_text(encoding="utf-8") == render(results, fmt)


def test_import_tracer_does_not_load_the_export_libraries() -> None:
    code = (
        "import sys, tracer; print(sorted(m for m in sys.modules if m.split('.')[0] in {'networkx', 'prov', 'pandas'}))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_help_lists_every_format_and_table() -> None:
    with pytest.raises(SystemExit), contextlib.redirect_stdout(io.StringIO()) as out:
        main(["export", "--help"])
    for word in [*FORMATS, *TABLES, "-o", "--table"]:
        assert word in out.getvalue(), word
