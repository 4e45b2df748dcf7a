"""Readable views of traces: a Markdown report, and the text tree `tracer trace --format text` prints.

Both show, for each document, every claim with its chain hop by hop (nearest source first,
earliest origin last), the evidence verbatim, and the origin and its date; a claim with no
source says why. They are views of the same models, written for people rather than programs.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from tracer.export.fields import Sourcing, document_label, documents_of, sourcing
from tracer.models import Claim, DocumentRef, Hop, HopStatus, Post, TraceResult

# C0 controls (but newline and tab) and DEL: scraped text may hold terminal escape sequences,
# which a report must show as text and never let the terminal obey.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
# Characters with a meaning in Markdown inline text; escaped with a backslash (CommonMark).
_MARKDOWN = re.compile(r"([\\`*_\[\]<>#|~])")


def _clean(text: str) -> str:
    return _CONTROL.sub("", text)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _counts(result: TraceResult) -> str:
    reached = sum(1 for ref in result.documents if ref.depth > 0)
    parts = [_plural(len(result.claims), "claim"), _plural(len(result.posts), "embedded post"),
             _plural(len(result.links), "link")]  # fmt: skip
    if reached:
        parts.append(_plural(reached, "other document"))
    return " · ".join(parts)


def _no_source(claim: Claim) -> str:
    """Why a claim has no chain, in words."""
    if sourcing(claim) == Sourcing.HEDGED:
        return "no source named (hedged: 'reportedly', 'allegedly', …)"
    return "no source named"


def _source_words(hop: Hop) -> str:
    """'(@handle · social account)': what the source is, after its name."""
    details = [f"@{hop.source.handle}"] if hop.source.handle else []
    details.append(hop.source.kind.value.replace("_", " "))
    return f"({' · '.join(details)})"


def _hop_facts(hop: Hop, claim: Claim, documents: dict[str, DocumentRef]) -> list[str]:
    """The hop's date, and where it is when not in the claim's own document, with its status and flags."""
    facts = [hop.date] if hop.date else ([f"'{hop.date_text}'"] if hop.date_text else [])
    if hop.document_id and hop.document_id != claim.document_id:
        ref = documents.get(hop.document_id)
        facts.append(f"in {ref.url or document_label(ref) if ref else hop.document_id}")
    if hop.status and hop.status != HopStatus.OK:
        facts.append(hop.status)
    facts.extend(flag.replace("_", " ") for flag in hop.flags)
    return facts


def _origin_date(claim: Claim) -> str:
    """The origin's date: the claim's `origin_date`, else its last hop's date (how the model defines it)."""
    return claim.origin_date or (claim.chain[-1].date if claim.chain else None) or "date unknown"


# Markdown -----------------------------------------------------------------------------------


def _md(text: str) -> str:
    """Inline Markdown text: controls dropped, special characters escaped, newlines as spaces."""
    return _MARKDOWN.sub(r"\\\1", _clean(text)).replace("\n", " ")


def _md_quote(text: str, indent: str) -> list[str]:
    """A blockquote, one `>` line per line of the text."""
    return [f"{indent}> {_md(line)}" if line.strip() else f"{indent}>" for line in text.splitlines()]


def to_markdown(results: Sequence[TraceResult]) -> str:
    """A Markdown report: a section per document, each claim with its chain as a numbered list."""
    lines = ["# Provenance report", ""]
    claims = sum(len(r.claims) for r in results)
    hops = sum(len(c.chain) for r in results for c in r.claims)
    lines += [f"{_plural(len(results), 'document')} traced · {_plural(claims, 'claim')} · {_plural(hops, 'hop')}", ""]
    for result in results:
        lines.extend(_md_document(result))
    return "\n".join(lines).rstrip() + "\n"


def _md_document(result: TraceResult) -> Iterator[str]:
    doc = result.document
    yield f"## {_md(document_label(doc))}"
    yield ""
    for label, value in (("Input", result.input), ("URL", doc.url), ("Site", doc.site_name),
                         ("Published", doc.published), ("Authors", ", ".join(doc.authors))):  # fmt: skip
        if value:
            yield f"- **{label}:** {_md(value)}"
    yield f"- {_counts(result)}"
    yield ""
    for error in result.errors:
        yield f"**Could not be traced:** {_md(error.message)}"
        yield ""
    documents = {ref.id: ref for ref in documents_of(result)}
    for claim in result.claims:
        yield from _md_claim(claim, documents)
    if result.posts:
        yield "### Embedded posts"
        yield ""
        yield from (_md_post(post) for post in result.posts)
        yield ""
    reached = [ref for ref in result.documents if ref.depth > 0]
    if reached:
        yield "### Documents reached"
        yield ""
        yield from (
            f"- {_md(ref.url or document_label(ref))} — {ref.status.value}, depth {ref.depth}" for ref in reached
        )
        yield ""


def _md_claim(claim: Claim, documents: dict[str, DocumentRef]) -> Iterator[str]:
    yield f"### Claim {claim.id}"
    yield ""
    yield from _md_quote(claim.text, "")
    yield ""
    if not claim.chain:
        yield f"Origin: {_md(_no_source(claim))}"
        yield ""
        return
    origin = claim.origin.name if claim.origin else claim.chain[-1].source.name
    yield f"Origin: **{_md(origin)}** · **{_md(_origin_date(claim))}**"
    yield ""
    for position, hop in enumerate(claim.chain, 1):
        facts = " · ".join(_md(fact) for fact in _hop_facts(hop, claim, documents))
        cue = f" — *{_md(hop.cue)}*" if hop.cue else ""
        yield f"{position}. **{_md(hop.source.name)}** {_md(_source_words(hop))}{cue}{' · ' + facts if facts else ''}"
        if hop.evidence:
            yield from _md_quote(hop.evidence, "   ")
    yield ""


def _md_post(post: Post) -> str:
    who = f"@{post.handle}" if post.handle else post.author_name or "unknown author"
    when = f", {post.posted}" if post.posted else ""
    link = f" — {_md(post.url)}" if post.url else ""
    return f"- **{_md(who)}** ({post.platform.value}{_md(when)}): {_md(post.text)}{link}"


# Text tree ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Palette:
    """ANSI styles for the text tree; the plain palette has none (files, pipes, NO_COLOR)."""

    on: bool = False

    def paint(self, text: str, *codes: int) -> str:
        """`text` in the given SGR codes (1 bold, 2 dim, 31 red, 32 green, 33 yellow, 35 magenta, 36 cyan)."""
        if not self.on or not codes:
            return text
        return f"\x1b[{';'.join(map(str, codes))}m{text}\x1b[0m"


def to_text(results: Sequence[TraceResult], *, color: bool = False, width: int = 100) -> str:
    """Each result as a tree: document, then each claim with its hops and its origin."""
    palette = Palette(color)
    blocks = ["\n".join(_text_document(result, palette, max(width, 40))) for result in results]
    return "\n\n".join(blocks) + "\n"


def _text_document(result: TraceResult, paint: Palette, width: int) -> Iterator[str]:
    doc = result.document
    label = document_label(doc)
    yield paint.paint(_clean(label), 1)
    where = [value for value in (doc.url or doc.path, doc.site_name, doc.published) if value and value != label]
    yield paint.paint(_clean(" · ".join([*where, _counts(result)])), 2)
    for error in result.errors:
        yield paint.paint(f"error: {_clean(error.message)}", 31)
    documents = {ref.id: ref for ref in documents_of(result)}
    for claim in result.claims:
        yield ""
        yield from _text_claim(claim, documents, paint, width)


def _wrap(text: str, prefix: str, width: int) -> list[str]:
    """`text` wrapped to `width`, every line after `prefix` (the tree's rails)."""
    body = textwrap.wrap(
        _clean(text).replace("\n", " "), width=max(width - len(prefix), 20), break_on_hyphens=False
    ) or [""]
    return [prefix + line for line in body]


def _text_claim(claim: Claim, documents: dict[str, DocumentRef], paint: Palette, width: int) -> Iterator[str]:
    head, *rest = _wrap(f"“{claim.text}”", "", width - len(claim.id) - 1)
    yield f"{paint.paint(claim.id, 1)} {paint.paint(head, 1)}"
    yield from (" " * (len(claim.id) + 1) + paint.paint(line, 1) for line in rest)
    previous = None
    for position, hop in enumerate(claim.chain, 1):
        cue = f" {paint.paint(_clean(hop.cue), 33)}" if hop.cue else ""
        facts = _hop_facts(hop, claim, documents)
        extra = paint.paint(" · " + _clean(" · ".join(facts)), 32) if facts else ""
        source = paint.paint(_clean(hop.source.name), 36, 1)
        yield f"├─ {position} {source} {paint.paint(_source_words(hop), 2)}{cue}{extra}"
        if hop.evidence and hop.evidence != previous:
            yield from (paint.paint(line, 2) for line in _wrap(f"“{hop.evidence}”", "│    ", width))
        previous = hop.evidence
    if claim.chain:
        origin = claim.origin.name if claim.origin else claim.chain[-1].source.name
        when = _origin_date(claim)
        date = paint.paint(when, 2 if when == "date unknown" else 32)
        yield f"└─ origin: {paint.paint(_clean(origin), 35, 1)} · {date}"
    else:
        yield "└─ " + paint.paint(_no_source(claim), 33)
