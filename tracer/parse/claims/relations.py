"""Every attribution relation of a document as the JSON's `attributions[]`, claim or not.

The attribution stage finds more than becomes claims: stances ("X criticized Y"), intentions
("X wants to ..."), topics, questions, and relations nested inside other contents. Researchers
of attribution want them all, and a scorer can read them from `tracer trace` output directly,
so each one is listed with its spans and the claims it is a hop of. A further source named
beside a relation is a relation of its own, as attribution corpora annotate it: "X, citing Y"
gives (X, citing, Y), and "a statement cited by Y" gives (Y, cited by, the statement's content).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from tracer.models import AttributionRelation, Claim, CueClass, TextSpan
from tracer.parse.attribution.cues import CLAIM_CLASSES
from tracer.parse.attribution.find import outermost
from tracer.parse.attribution.spans import Attribution
from tracer.text import Span


@dataclass(frozen=True)
class _Row:
    """One relation before its id: spans, class, rule, and the attribution it came from."""

    source: Span | None
    cue: Span
    content: tuple[Span, ...]
    cls: str
    form: str
    nested: bool
    owner: Attribution


def attribution_relations(text: str, found: list[Attribution], claims: list[Claim]) -> list[AttributionRelation]:
    """The relations in text order (by cue), ids `a1`, `a2`, ..., each with the ids of its claims.

    Args:
        text: The document text all spans index into.
        found: Every attribution the stage found (`find_attributions`), nested ones included.
        claims: The document's claims, ids assigned (`build_claims`).

    Returns:
        One relation per attribution and per further source named beside one; content as its
        fragments.
    """
    outer = {id(a) for a in outermost(found)}
    rows = [row for a in found for row in _rows(a, id(a) not in outer)]
    rows.sort(key=lambda r: (r.cue.start, r.cue.end, r.source.start if r.source else -1))
    index = _ClaimIndex(claims)
    return [_relation(text, row, f"a{i}", index.served_by(row)) for i, row in enumerate(rows, 1)]


def _rows(a: Attribution, nested: bool) -> list[_Row]:
    rows = [_Row(a.source, a.group or a.cue, a.content, a.cls, a.form, nested, a)]
    rows += [_Row(a.source, c.cue, (c.source,), "topic", "citing", nested, a) for c in a.cites]
    rows += [_Row(c.source, c.cue, a.content, a.cls, "cited_by", nested, a) for c in a.via]
    return rows


def _relation(text: str, row: _Row, rid: str, claims: list[Claim]) -> AttributionRelation:
    """The relation's JSON record; `claims` are those it serves."""
    return AttributionRelation(
        id=rid,
        source=_span(text, row.source) if row.source is not None else None,
        cue=_span(text, row.cue),
        content=[_span(text, f) for f in row.content],
        cls=_cue_class(row.cls),
        form=row.form,
        claim_ids=[c.id for c in claims],
        nested=row.nested,
    )


def _span(text: str, span: Span) -> TextSpan:
    return TextSpan(start=span.start, end=span.end, text=span.of(text))


def _cue_class(cls: str) -> CueClass:
    """The enum member; an unknown class (a lexicon line the enum lacks) reads as speech rather than crash."""
    try:
        return CueClass(cls)
    except ValueError:
        return CueClass.SPEECH


class _ClaimIndex:
    """The claims a relation serves, found by hop cue (a dict) and by position (bisection).

    Testing every relation against every claim cost relations × claims (1,500 "according to"
    sentences: 2.25M tests, 35 s); a relation serves the claims one of whose hops has its cue,
    or (a hedge, or a hop merged into the same source's) the claims made of its content.
    """

    def __init__(self, claims: list[Claim]) -> None:
        self.claims = claims
        self.by_cue: dict[tuple[int | None, int | None], set[int]] = {}
        for i, claim in enumerate(claims):
            for hop in claim.chain:
                self.by_cue.setdefault((hop.cue_start, hop.cue_end), set()).add(i)
        order = sorted(range(len(claims)), key=lambda i: claims[i].start)
        self._order = order
        self._starts = [claims[i].start for i in order]

    def served_by(self, row: _Row) -> list[Claim]:
        """The claims (in their order) that lean on this relation."""
        a = row.owner
        cue = a.cue if row.cue == a.group else row.cue  # hops keep the verb alone as their cue
        hits = set(self.by_cue.get((cue.start, cue.end), ()))
        if row.form not in ("citing", "cited_by") and a.cls in CLAIM_CLASSES and a.content:
            whole = a.content_span  # a claim may run across the cue ("... is said to involve ...")
            low = bisect_left(self._starts, whole.start)
            high = bisect_right(self._starts, whole.end)
            for i in self._order[low:high]:
                claim = self.claims[i]
                if claim.end > whole.end:
                    continue
                if claim.hedged if a.cls == "hedge" else (a.source is not None and bool(claim.chain)):
                    hits.add(i)
        return [self.claims[i] for i in sorted(hits)]
