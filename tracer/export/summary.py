"""What a researcher asks first about a batch of traces: how many, how many failed, where claims lead.

Reads a JSON Lines file of results line by line (never the whole file at once), so the summary of
a 40,000-input run takes the memory of one record.
"""

from __future__ import annotations

import json
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from tracer.models import SourceKind
from tracer.parse.claims.sources import PRONOUNS, is_first_person

# Origins that name nobody: "officials", "a source", a hedge with no source at all — and a
# pronoun the text never resolved ("he said"), which is a person, but not a named one.
_UNNAMED = frozenset({SourceKind.ANONYMOUS.value, SourceKind.UNNAMED.value})
_NOT_NAMES = frozenset(PRONOUNS)
# Rows shown in the "top" lists.
TOP = 10


@dataclass
class Summary:
    """Counts over the records of one or more trace files.

    Attributes:
        inputs: Records read.
        traced: Inputs traced without error.
        failed: Inputs that failed (their errors are in the records).
        failures: Failed inputs by error type.
        claims: Claims found in all inputs.
        named_origin: Claims whose chain ends at a named source (`is_named`).
        origins: Named origins, by the number of claims that lead to them.
        domains: Cited domains (body links), by the number of links.
        hops: Chain lengths: hops per chain → number of claims.
        platforms: Embedded posts per platform.
        bad_lines: Lines that are not trace records (skipped).
    """

    inputs: int = 0
    traced: int = 0
    failed: int = 0
    failures: Counter[str] = field(default_factory=Counter)
    claims: int = 0
    named_origin: int = 0
    origins: Counter[str] = field(default_factory=Counter)
    domains: Counter[str] = field(default_factory=Counter)
    hops: Counter[int] = field(default_factory=Counter)
    platforms: Counter[str] = field(default_factory=Counter)
    bad_lines: int = 0

    def add(self, record: dict[str, Any]) -> None:
        """Count one trace record."""
        self.inputs += 1
        errors = record.get("errors") or []
        if errors:
            self.failed += 1
            self.failures[str(errors[0].get("type", "?"))] += 1
        else:
            self.traced += 1
        for claim in record.get("claims") or []:
            self._add_claim(claim)
        for link in record.get("links") or []:
            self.domains[_domain(str(link.get("url", "")))] += 1
        for post in record.get("posts") or []:
            self.platforms[str(post.get("platform", "?"))] += 1

    def _add_claim(self, claim: dict[str, Any]) -> None:
        self.claims += 1
        self.hops[len(claim.get("chain") or [])] += 1
        origin = claim.get("origin") or {}
        if is_named(origin):
            self.named_origin += 1
            self.origins[str(origin["name"])] += 1

    def mean_hops(self) -> float:
        """Hops per chain, on average over all claims."""
        return sum(n * count for n, count in self.hops.items()) / self.claims if self.claims else 0.0

    def as_dict(self, top: int = TOP) -> dict[str, Any]:
        """The summary as plain JSON data (top lists cut to `top` rows)."""
        data = asdict(self)
        data["failures"] = dict(self.failures.most_common())
        data["origins"] = [{"name": k, "claims": v} for k, v in self.origins.most_common(top)]
        data["domains"] = [{"domain": k, "links": v} for k, v in self.domains.most_common(top) if k]
        data["hops"] = {str(k): self.hops[k] for k in sorted(self.hops)}
        data["mean_hops"] = round(self.mean_hops(), 2)
        data["platforms"] = dict(self.platforms.most_common())
        return data


def is_named(origin: dict[str, Any]) -> bool:
    """Whether a claim's origin names someone: not anonymous, unnamed, or an unresolved pronoun."""
    name = str(origin.get("name") or "").strip()
    pronoun = name.lower() in _NOT_NAMES or is_first_person(name)
    return bool(name) and origin.get("kind") not in _UNNAMED and not pronoun


def summarise(lines: Iterable[str | bytes], summary: Summary | None = None) -> Summary:
    """Count the records of JSON Lines text (lines that are not records are counted as bad)."""
    summary = summary or Summary()
    for line in lines:
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError:
            summary.bad_lines += 1
            continue
        if isinstance(record, dict) and "document" in record:
            summary.add(record)
        else:
            summary.bad_lines += 1
    return summary


def summarise_files(paths: Iterable[Path]) -> Summary:
    """The summary of one or more JSON Lines files of results.

    Raises:
        OSError: A file cannot be read.
    """
    summary = Summary()
    for path in paths:
        with path.open("rb") as handle:
            summarise(handle, summary)
    return summary


def _domain(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.")


def render_table(summary: Summary, top: int = TOP) -> str:
    """The summary as aligned plain-text tables for the terminal."""
    rows = [
        ("inputs", summary.inputs),
        ("traced", summary.traced),
        ("failed", summary.failed),
        ("claims", summary.claims),
        ("claims with a named origin", _share(summary.named_origin, summary.claims)),
        ("hops per chain (mean)", f"{summary.mean_hops():.2f}"),
        ("posts", sum(summary.platforms.values())),
    ]
    parts = [_table(["", "count"], rows)]
    if summary.failures:
        parts.append(_table(["failure", "inputs"], summary.failures.most_common()))
    if summary.origins:
        parts.append(_table(["top origins", "claims"], summary.origins.most_common(top)))
    domains = [(k, v) for k, v in summary.domains.most_common(top + 1) if k][:top]
    if domains:
        parts.append(_table(["top cited domains", "links"], domains))
    if summary.hops:
        parts.append(_table(["hops per chain", "claims"], [(k, summary.hops[k]) for k in sorted(summary.hops)]))
    if summary.platforms:
        parts.append(_table(["posts per platform", "posts"], summary.platforms.most_common()))
    if summary.bad_lines:
        parts.append(f"({summary.bad_lines} lines were not trace records and were skipped)")
    return "\n\n".join(parts) + "\n"


def _share(part: int, whole: int) -> str:
    return f"{part} ({100 * part / whole:.0f}%)" if whole else str(part)


def _table(header: list[str], rows: Iterable[tuple[object, object]]) -> str:
    cells = [header, *[[str(a), str(b)] for a, b in rows]]
    width = max(_width(row[0]) for row in cells)
    value_width = max(len(row[1]) for row in cells)
    lines = [row[0] + " " * (width - _width(row[0])) + f"  {row[1]:>{value_width}}" for row in cells]
    lines.insert(1, "-" * width + "  " + "-" * value_width)
    return "\n".join(lines)


def _width(text: str) -> int:
    """Columns a string takes in a terminal: wide (CJK) characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
