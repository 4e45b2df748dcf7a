"""Passive and raising cues: "it was reported by X", "X was quoted as saying", "is said to",
"Ben Carson appears to be slipping".

A passive cue gives its agent as the source, or no source at all (a hedge: "is said to"); a
raising verb is the writer's hedge, its subject part of the content.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from tracer.models import CueClass
from tracer.parse.attribution.cues import CueVerb, Lexicon
from tracer.parse.attribution.spans import Attribution, Parsed

if TYPE_CHECKING:  # spaCy is imported only when a text is parsed (nlp.py)
    from spacy.tokens import Token

_ASKED_PREPS = frozenset({"about", "on", "for", "regarding"})
# Words that may open a sentence before a participle "asked" ("When asked ..., she said").
_ASKED_OPENERS = frozenset({"when", "if", "once", "after", "before", "while", "as"})


def asked_opening(p: Parsed, v: Token, verb: CueVerb) -> Attribution | None:
    """'Asked if the plan would work, Ms. Hale said ...', 'Asked what a fair deal looks like,
    Dunn replied': a sentence opening with the participle "asked" and the question up to the
    comma. The small model reads the question's verb as the sentence's own ("believed" an advcl,
    "Asked" a past tense with no subject) and the question is lost; by the surface it is what was
    asked, by no one named (PolNeAR train: 24 of 63 such questions were missed)."""
    if v.lower_ != "asked" or verb.cls != CueClass.QUESTION or v.i + 1 >= len(v.doc):
        return None
    if any(t.lower_ not in _ASKED_OPENERS and not t.is_punct for t in v.doc[: v.i]) or v.nbor(1).lower_ == "by":
        return None
    comma = next((t.i for t in v.doc[v.i + 1 :] if t.text == "," and not p.in_quote(t)), None)
    if comma is None or comma == v.i + 1 or not any(t.dep_ in ("nsubj", "nsubjpass") for t in v.doc[comma + 1 :]):
        return None  # no main clause after the question: "Asked, he smiled" or a sentence of its own
    content = p.span(v.i + 1, comma - 1)
    if content is None:
        return None
    return Attribution(
        source=None,
        cue=p.tokens([v]) or p.bounds,
        content=(content,),
        sentence=p.bounds,
        cls=CueClass.QUESTION,
        form="passive",
        lemma=verb.lemma,
    )


def passive_cue(p: Parsed, v: Token, verb: CueVerb, lex: Lexicon) -> Iterator[Attribution]:
    if any(c.dep_ == "prep" and c.lower_ == "as" and any(g.dep_ == "pcomp" for g in c.children) for c in v.children):
        return  # "X was quoted as saying": the rule for "saying" makes it
    agent = next((c for c in v.children if c.dep_ == "agent"), None)
    source_token = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
    subject = next((c for c in v.children if c.dep_ == "nsubjpass"), None)
    parts = [s for s in (p.subtree(c) for c in v.children if c.dep_ in ("ccomp", "xcomp", "oprd", "attr")) if s]
    parts += [s for s in (p.subtree(c) for c in v.children if c.dep_ == "prep" and c.lower_ == "as") if s]
    if verb.cls == CueClass.QUESTION:  # "Asked about the merger, she ..."
        parts += [s for s in (p.subtree(c) for c in v.children if c.dep_ == "prep" and c.lower_ in _ASKED_PREPS) if s]
    if subject is None and v.dep_ in ("acl", "advcl") and (v.dep_ == "acl" or not parts or _cited_by(agent, verb)):
        return  # "a statement cited by Yonhap", "as expected"; but "Asked (by X) whether ..., Y said" stays
    if source_token is None and not parts and verb.event:
        return  # "Children are exposed to the virus", "when the vaccine was introduced": no one is cited
    if subject is not None and subject.lower_ != "it" and verb.cls != CueClass.QUESTION:
        parts.insert(0, p.subtree(subject) or p.bounds)  # not "X was asked why ...": X is the hearer
    if not parts or (source_token is not None and source_token.lower_ in lex.non_sources):
        return
    if source_token is None and verb.noun_like:
        return  # "the report was released", "a statement was issued": no attribution
    cls = verb.cls if source_token is not None or not verb.hedge else CueClass.HEDGE
    cue = [c for c in v.children if c.dep_ == "auxpass"] + [v]
    yield Attribution(
        source=p.subtree(source_token) if source_token is not None else None,
        cue=p.tokens(cue) or p.bounds,
        content=tuple(sorted(parts, key=lambda s: s.start)),
        sentence=p.bounds,
        cls=cls,
        form="passive",
        lemma=verb.lemma,
    )


def _cited_by(agent: Token | None, verb: CueVerb) -> bool:
    """An agent phrase that names who cited a statement, not who asked a question ("Asked by
    Matt Lauer whether ...": Lauer is the source of the question)."""
    return agent is not None and verb.cls != CueClass.QUESTION


# What a raising verb says of its subject: "appears to be slipping" (xcomp), "seems that ..."
# (ccomp), and the predicates PolNeAR marks as often: "seemed ready to", "appears weak" (oprd,
# acomp; on PolNeAR train 30 of the 60 raising cues no rule found took one).
_RAISED = ("xcomp", "ccomp", "oprd", "acomp")


def raising_cue(p: Parsed, v: Token, verb: CueVerb) -> Iterator[Attribution]:
    """'Ben Carson appears to be slipping', 'the governor appears weak': the writer's hedge; the
    subject is part of the content, but not an expletive "it" ('it now seems likely that ...')."""
    subject = next((c for c in v.children if c.dep_ == "nsubj"), None)
    complement = next((c for c in v.children if c.dep_ in _RAISED), None)
    if subject is None or complement is None or subject.lower_ == "there":
        return
    clause = _that_clause(v, complement) if subject.lower_ == "it" else None
    if clause is not None:  # the expletive "it" is no part of it: "likely that ..." is all
        held = [p.span(complement.left_edge.i, max(complement.right_edge.i, clause.right_edge.i))]
    else:
        held = [p.subtree(subject), p.subtree(complement)]
    parts = [s for s in held if s]
    yield Attribution(
        source=None,
        cue=p.tokens([v]) or p.bounds,
        content=tuple(parts),
        sentence=p.bounds,
        cls=CueClass.HEDGE if verb.hedge else verb.cls,
        form="raising",
        lemma=verb.lemma,
    )


def _that_clause(v: Token, complement: Token) -> Token | None:
    """The "that" clause an expletive "it" stands for ('It seems that ...', 'it now seems likely
    that ...', hung on the predicate or on the verb); none when "it" names something ("it
    appeared to hold off the tide")."""
    clauses = [c for c in (complement, *complement.children, *v.children) if c.dep_ == "ccomp"]
    return next((c for c in clauses if any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
