"""The layout's arrows: read ← parse ← trail ← run ← cli, no import cycles, and tracer never imports its UI.

Imports are read with `ast`, those inside functions included (a function-level import is still
an arrow); only imports under `if TYPE_CHECKING:` are left out, since they never run.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# Each stage of the pipeline, lowest first. A module may import its own stage and the stages
# below it, never one above. The base (the data model, errors, data files, text and URL helpers,
# the platform table) is what every stage shares.
STAGES = [
    ("base", {"tracer._blas", "tracer._version", "tracer.models", "tracer.errors", "tracer.datafiles", "tracer.text",
              "tracer.urls", "tracer.platforms", "tracer.words"}),
    ("web", {"tracer.web"}),
    ("read", {"tracer.read"}),
    ("parse", {"tracer.parse"}),
    ("trail", {"tracer.trail"}),
    ("export", {"tracer.export"}),
    ("run", {"tracer.run"}),
    ("cli", {"tracer", "tracer.__main__", "tracer.cli"}),
]  # fmt: skip
# `web` serves the stages that fetch: reading a URL and following a trail (and the runner and
# CLI that open the fetcher); the parsers never touch the network.
WEB_USERS = {"read", "trail", "run", "cli"}


def module_name(path: Path) -> str:
    """`tracer/parse/links.py` → `tracer.parse.links`; a package's `__init__` is the package."""
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _type_checking_only(node: ast.AST) -> bool:
    return isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)


def imports_of(path: Path, known: set[str]) -> set[str]:
    """The project modules a file imports, anywhere in it except under `if TYPE_CHECKING:`."""
    found: set[str] = set()
    pending: list[ast.AST] = [ast.parse(path.read_text(encoding="utf-8"))]
    while pending:
        node = pending.pop()
        if _type_checking_only(node):
            continue
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        pending.extend(ast.iter_child_nodes(node))
    return {name for name in found if name in known}


def graph(packages: tuple[str, ...] = ("tracer", "tui")) -> dict[str, set[str]]:
    """Module → the project modules it imports."""
    paths = {module_name(p): p for package in packages for p in (ROOT / package).rglob("*.py")}
    known = set(paths)
    return {name: imports_of(path, known) - {name} for name, path in paths.items()}


def stage_of(module: str) -> int:
    """The index in STAGES of the stage a tracer module belongs to."""
    for index, (_, members) in enumerate(STAGES):
        if any(module == m or (m != "tracer" and module.startswith(m + ".")) for m in members):
            return index
    raise AssertionError(f"{module} belongs to no stage: add it to STAGES")


def _cycle_from(start: str, edges: dict[str, set[str]]) -> list[str] | None:
    stack = [(start, [start])]
    seen: set[str] = set()
    while stack:
        node, path = stack.pop()
        for target in sorted(edges.get(node, ())):
            if target == start:
                return [*path, start]
            if target not in seen:
                seen.add(target)
                stack.append((target, [*path, target]))
    return None


def test_there_are_no_import_cycles() -> None:
    edges = graph()
    cycles = [cycle for module in sorted(edges) if (cycle := _cycle_from(module, edges))]
    assert not cycles, "import cycles: " + "; ".join(" → ".join(c) for c in cycles[:5])


def test_every_arrow_points_down_the_pipeline() -> None:
    wrong = [
        f"{module} ({STAGES[stage_of(module)][0]}) imports {target} ({STAGES[stage_of(target)][0]})"
        for module, targets in graph(("tracer",)).items()
        for target in targets
        if stage_of(target) > stage_of(module)
    ]
    assert not wrong, "\n".join(sorted(wrong))


def test_only_the_fetching_stages_use_the_network() -> None:
    web = stage_of("tracer.web")
    wrong = [
        f"{module} imports {target}"
        for module, targets in graph(("tracer",)).items()
        for target in targets
        if stage_of(target) == web and STAGES[stage_of(module)][0] not in WEB_USERS | {"web"}
    ]
    assert not wrong, "\n".join(sorted(wrong))


@pytest.mark.parametrize("path", sorted((ROOT / "tracer").rglob("*.py")), ids=lambda p: module_name(p))
def test_tracer_never_imports_its_ui(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    names |= {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}
    assert not {n for n in names if n.split(".")[0] in {"tui", "textual", "rich"}}


def test_the_checker_sees_a_function_level_cycle() -> None:
    """The cycle test can fail: a cycle closed only inside a function is found."""
    edges = {"a": {"b"}, "b": {"a"}}
    assert _cycle_from("a", edges) == ["a", "b", "a"]
