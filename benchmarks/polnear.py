"""Read PolNeAR (Newell, Margolin, Ruths, LREC 2018) attribution relations from brat standoff files.

The corpus is never copied into the project: point the scripts at a local extraction of
`github.com/networkdynamics/PolNeAR` (its texts are publishers' copyright and it has no
licence). Layout: `data/<split>/text/<doc>.txt` and `data/<split>/attributions/<doc>_<ann>.ann`;
a document annotated by several people is scored against its canonical annotator, the
alphabetically first `.ann` file, as the corpus README counts it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

Fragments = tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class GoldRelation:
    """One attribution relation: source (may be absent), cue and content, as character fragments.

    `label` is the event's type in the corpus: "Attribution", or "Attribution-no-source" when the
    annotator found no one to credit ("has faced ridicule online", "presumably").
    """

    source: Fragments | None
    cue: Fragments
    content: Fragments
    label: str = "Attribution"


@dataclass
class GoldDocument:
    """A PolNeAR article: its text and the canonical annotator's relations."""

    name: str
    text: str
    relations: list[GoldRelation] = field(default_factory=list)
    # Spans the annotator flagged instead of annotating: ("Discuss", ...) when unsure whether or
    # how the words attribute, ("Discard", ...) for text set aside ("Read the rest here.").
    flags: list[tuple[str, Fragments]] = field(default_factory=list)


def split_dir(root: Path, split: str) -> Path:
    """The folder of one split (`data/<split>` or `<split>`), the one holding `text/`."""
    for candidate in (root / "data" / split, root / split):
        if (candidate / "text").is_dir():
            return candidate
    raise FileNotFoundError(f"no PolNeAR split {split!r} under {root} (expected data/{split}/text/)")


def _fragments(offsets: str) -> Fragments:
    return tuple((int(a), int(b)) for a, b in (part.split() for part in offsets.split(";")))


def parse_ann(content: str) -> list[GoldRelation]:
    """The relations of one `.ann` file (Discuss/Discard flags are read by `parse_flags`)."""
    spans: dict[str, tuple[str, Fragments]] = {}
    events: list[dict[str, str]] = []
    for line in content.split("\n"):
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        if parts[0].startswith("T"):
            label, _, offsets = parts[1].partition(" ")
            spans[parts[0]] = (label, _fragments(offsets))
        elif parts[0].startswith("E"):
            roles = dict(role.split(":", 1) for role in parts[1].split())
            roles["label"] = parts[1].split(":", 1)[0]
            events.append(roles)
    relations = []
    for roles in events:
        if "Cue" not in roles or "Content" not in roles or roles["Cue"] not in spans:
            continue
        source = spans.get(roles.get("Source", ""))
        relations.append(
            GoldRelation(
                source=source[1] if source else None,
                cue=spans[roles["Cue"]][1],
                content=spans[roles["Content"]][1],
                label=roles["label"],
            )
        )
    return relations


def parse_flags(content: str) -> list[tuple[str, Fragments]]:
    """The spans of one `.ann` file flagged Discuss or Discard, with their flag."""
    flags = []
    for line in content.split("\n"):
        parts = line.split("\t")
        if len(parts) >= 2 and parts[0].startswith("T"):
            label, _, offsets = parts[1].partition(" ")
            if label in ("Discuss", "Discard"):
                flags.append((label, _fragments(offsets)))
    return flags


def load_split(root: str | Path, split: str) -> list[GoldDocument]:
    """Documents of one split ('train' or 'dev'), sorted by name, with the canonical annotation."""
    base = split_dir(Path(root), split)
    canonical: dict[str, Path] = {}
    for ann in sorted((base / "attributions").glob("*.ann")):
        canonical.setdefault(ann.stem.rsplit("_", 1)[0], ann)
    docs = []
    for name, ann in sorted(canonical.items()):
        text = (base / "text" / f"{name}.txt").read_text(encoding="utf-8")
        content = ann.read_text(encoding="utf-8")
        docs.append(GoldDocument(name, text, parse_ann(content), parse_flags(content)))
    return docs
