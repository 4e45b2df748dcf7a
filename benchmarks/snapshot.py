"""Save, or compare against, the tracer's output on the corpus and on the local web's trails.

A refactoring must not change what the tracer finds. This script records the JSON Lines of
`tracer trace CORPUS --offline --depth 0` and the results of the `tests/web` trails (traced
cold against the local web, as the trail tests do), then compares a later run with them.

Trail results name the local web's random ports and the document ids hashed from them, so
both are rewritten to stable names (`http://herald.web/...`, `doc:<url>`) before saving;
fields that time a run are dropped. Everything else is compared byte for byte.

    python benchmarks/snapshot.py save /tmp/before
    python benchmarks/snapshot.py compare /tmp/before      # exit 1 and a diff when anything changed
    python benchmarks/snapshot.py compare /tmp/before --new-field attributions --new-field claims.kind

`--new-field PATH` (repeatable) drops a field added to the contract since the snapshot was saved
from both sides before comparing (`claims.kind`: the `kind` of every item of `claims`), so
an additive change can show that every older field kept its value.
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.conftest import CORPUS  # noqa: E402  (one search for the corpus: $TRACER_CORPUS or the nearest shared/)

_DOC_ID = re.compile(r"\bd-[0-9a-f]{12}\b")


def corpus_lines(corpus: Path) -> list[str]:
    """The corpus traced as the CLI does it, one JSON line per page (its folder written as CORPUS)."""
    command = [sys.executable, "-m", "tracer", "trace", str(corpus), "--offline", "--depth", "0", "-q"]
    with tempfile.TemporaryDirectory() as cache:
        done = subprocess.run([*command, "--cache-dir", cache], capture_output=True, text=True, cwd=ROOT)
    if done.returncode not in (0, 1):
        raise SystemExit(f"tracer trace failed ({done.returncode}): {done.stderr[-2000:]}")
    return [_stable(json.loads(line), {str(corpus): "CORPUS"}) for line in done.stdout.splitlines()]


def trail_lines() -> list[str]:
    """Each local-web trail traced cold, as one stable JSON line."""
    from tests.web.server import Web
    from tests.web.tracing import ROOTS, trace

    lines = []
    with Web() as web, tempfile.TemporaryDirectory() as cache:
        for root in sorted(ROOTS):
            for archive in (False, True):
                result, _ = trace(web, root, Path(cache) / f"{root}-{archive}", archive=archive)
                lines.append(_stable(json.loads(result.model_dump_json()), _site_names(web)))
    return lines


def _site_names(web: Any) -> dict[str, str]:
    """Each local site's base URL and host:port → a stable name."""
    names = {}
    for name in web.names:
        base = web.base(name).rstrip("/")
        names[base] = f"http://{name}.web"
        names[base.split("//", 1)[1]] = f"{name}.web"
    return names


def _stable(data: dict[str, Any], names: dict[str, str]) -> str:
    """The result with machine-specific strings (ports, folders) and the ids hashed from them made stable."""
    text = json.dumps(data, sort_keys=True, ensure_ascii=False)
    ids = {ref["id"]: ref.get("url") or ref.get("path") or "" for ref in data.get("documents", [])}
    text = _DOC_ID.sub(lambda m: "doc:" + ids.get(m.group(0), m.group(0)), text)
    for actual, stable in names.items():
        text = text.replace(actual, stable)
    return text


def snapshot() -> dict[str, list[str]]:
    """Both outputs, keyed by file name."""
    return {"corpus.jsonl": corpus_lines(CORPUS), "trails.jsonl": trail_lines()}


def save(folder: Path) -> None:
    """Write the snapshot to `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, lines in snapshot().items():
        (folder / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"{name}: {len(lines)} results", file=sys.stderr)


def compare(folder: Path, new_fields: list[str] | None = None) -> int:
    """Compare a fresh snapshot with the one in `folder` (fields in `new_fields` dropped first); print a diff."""
    changed = 0
    for name, fresh in snapshot().items():
        lines = [_without(line, new_fields or []) for line in fresh]
        before = (folder / name).read_text(encoding="utf-8").splitlines()
        if new_fields:  # both sides without them and re-serialised alike: only older values are compared
            before = [_without(line, new_fields) for line in before]
        if before == lines:
            print(f"{name}: identical ({len(lines)} results)", file=sys.stderr)
            continue
        changed += 1
        diff = difflib.unified_diff(_pretty(before), _pretty(lines), f"before/{name}", f"now/{name}", n=2)
        sys.stdout.writelines(line + "\n" for line in list(diff)[:400])
    return 1 if changed else 0


def _without(line: str, paths: list[str]) -> str:
    """One JSON line with the dotted `paths` removed (a list on the way applies to each item)."""
    if not paths:
        return line
    data = json.loads(line)
    for path in paths:
        _drop(data, path.split("."))
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def _drop(node: Any, keys: list[str]) -> None:
    if isinstance(node, list):
        for item in node:
            _drop(item, keys)
    elif isinstance(node, dict) and keys:
        if len(keys) == 1:
            node.pop(keys[0], None)
        elif keys[0] in node:
            _drop(node[keys[0]], keys[1:])


def _pretty(lines: list[str]) -> list[str]:
    """One JSON field per line, so a diff points at the field that changed."""
    out: list[str] = []
    for line in lines:
        out += json.dumps(json.loads(line), indent=1, sort_keys=True, ensure_ascii=False).splitlines()
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("action", choices=["save", "compare"])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--new-field", action="append", default=[], help="a field added since the save (dotted path)")
    args = parser.parse_args()
    if args.action == "save":
        save(args.folder)
        return 0
    return compare(args.folder, args.new_field)


if __name__ == "__main__":
    sys.exit(main())
