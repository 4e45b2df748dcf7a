"""Passive and raising cues: "it was reported by X", "X was quoted as saying", "is said to",
"Ben Carson appears to be slipping".

A passive cue gives its agent as the source, or no source at all (a hedge: "is said to"); a
raising verb is the writer's hedge, its subject part of the content.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING

from tracer.datafiles import load_json
from tracer.models import CueClass
from tracer.parse.attribution.cues import REPORTING, CueVerb, Lexicon
from tracer.parse.attribution.grammar import TENSED_TAGS, a_while, is_passive
from tracer.parse.attribution.spans import Attribution, Parsed
from tracer.text import Span
from tracer.words import MONTH_NAMES, WEEKDAYS

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
    content = p.span(_question_start(v, comma), comma - 1)
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


# Words that open the question a hearer "was asked" ("asked by a caller why ...").
_QUESTION_WORDS = frozenset({"if", "whether", "who", "whom", "what", "which", "why", "how", "where"})
# How far past "asked" the question may start: an asker ("by a host") and a setting ("during a
# luncheon held by The Wall Street Journal") stand between.
_QUESTION_REACH = 12


def _question_start(v: Token, comma: int) -> int:
    """'Asked on Fox News who leads the party', 'When asked at the conference about the merger':
    the question starts at its question word or "about"; a setting before it (no verb in it) says
    where it was asked (PolNeAR marks the question alone: verb11 audit of train, e.g. 'about the merger')."""
    if v.nbor(1).tag_ not in ("IN", "RB"):
        return v.i + 1  # "Asked a direct question about this": the object holds the question
    for t in v.doc[v.i + 1 : comma]:
        if t.lower_ in _QUESTION_WORDS or t.lower_ in ("about", "regarding"):
            return t.i
        if t.tag_.startswith("VB") or t.lower_ in ("to", "for") or t.is_quote:
            break
    return v.i + 1


def asked_question(p: Parsed, v: Token, verb: CueVerb) -> Attribution | None:
    """'The actress was asked if she'd ever been discriminated against', 'was asked by a caller
    why young men are coming', 'when asked in May if he would endorse Trump': a hearer asked a
    question, which the small model hung on the verb as an adverbial clause, on the asker as a
    relative clause or on the main verb, so the question was lost. By the surface, the question
    is the clause its first question word opens past the asker and the setting; the asker, if
    named, is the source. PolNeAR train: of 95 "(was|when|,) asked" sentences, 10 questions in 10
    articles were lost this way; it runs to the sentence's end, or after "when asked" to the comma
    that ends the adverbial clause."""
    if v.lower_ != "asked" or verb.cls != CueClass.QUESTION or p.in_quote(v) or not _hearer_asked(v):
        return None
    q = _question_word(p, v)
    linked = any(c.dep_ in ("ccomp", "xcomp") and _holds(c, q) for c in v.children) if q is not None else False
    if q is None or (linked and is_passive(v) and not _subordinate(v)):
        return None  # the parser linked the question to a passive main verb: the passive rule reads it
    end = _question_end(p, v, q)
    content = p.span(q.i, end) if end is not None else None
    by = v.doc[v.i + 1] if v.doc[v.i + 1].lower_ == "by" else None  # not "asked during a luncheon held by X"
    source = p.span(by.i + 1, q.i - 1) if by is not None and by.i + 1 < q.i else None
    if content is None:
        return None
    cue = [c for c in v.children if c.dep_ == "auxpass"] + [v]
    return Attribution(
        source=source,
        cue=p.tokens(cue) or p.bounds,
        content=(content,),
        sentence=p.bounds,
        cls=CueClass.QUESTION,
        form="passive",
        lemma=verb.lemma,
    )


def _hearer_asked(v: Token) -> bool:
    """ "was asked", "when asked": the verb's subject, if any, is the one asked (no active subject)."""
    if any(c.dep_ in ("nsubj", "dobj", "dative") for c in v.children):
        return False
    before = v.doc[v.i - 1] if v.i > 0 else None
    if any(c.dep_ == "auxpass" for c in v.children) or (before is not None and before.lower_ in _ASKED_OPENERS):
        return True
    return all(t.is_punct or t.lower_ in ("and", "but") for t in v.doc[: v.i])  # "Asked by Starnes if ..."


def _holds(clause: Token, t: Token) -> bool:
    return clause.left_edge.i <= t.i <= clause.right_edge.i


def _subordinate(v: Token) -> bool:
    """ "When asked ...", "When Mook was asked ...", "Asked by X if ...": the asking is an adverbial
    clause, and a main clause follows its comma."""
    before = v.doc[v.i - 1] if v.i > 0 else None
    if before is not None and before.lower_ in _ASKED_OPENERS:
        return True
    if any(c.dep_ in ("advmod", "mark") and c.i < v.i and c.lower_ in _ASKED_OPENERS for c in v.children):
        return True
    first = next((t for t in v.doc[: v.i] if not t.is_punct and t.lower_ not in ("and", "but")), None)
    if first is not None and first.lower_ in _ASKED_OPENERS:
        return True  # "But when voters were asked who ..., Trump trounced Clinton"
    return not any(c.dep_ == "auxpass" for c in v.children)


def _question_word(p: Parsed, v: Token) -> Token | None:
    """The first question word past "asked", before any comma, quotation or other verb."""
    for t in v.doc[v.i + 1 : v.i + 1 + _QUESTION_REACH]:
        if t.lower_ in _QUESTION_WORDS:
            return t
        if t.text in (",", ";", ":") or t.is_quote or p.in_quote(t) or t.lower_ in _ASKED_PREPS or t.lower_ == "to":
            return None  # "asked about ...", "asked to ...": other forms, read elsewhere
        if t.tag_ in TENSED_TAGS:
            return None
    return None


def _question_end(p: Parsed, v: Token, q: Token) -> int | None:
    """The question's last token: the comma ending the adverbial clause "when asked ...," or the
    sentence's last word. None for a fronted "when asked ..." with no comma: where the main clause
    starts is unknown ('But when asked how she would define it Deacon fought back')."""
    doc = v.doc
    last = len(doc) - 1
    while last > q.i and (doc[last].is_punct or doc[last].is_space):
        last -= 1
    if not _subordinate(v):
        return last
    comma = next((t.i for t in doc[q.i + 1 : last + 1] if t.text == "," and not p.in_quote(t)), None)
    if comma is not None:
        return comma - 1
    fronted = any(t.tag_.startswith("VB") and t.dep_ in ("ROOT", "relcl", "ccomp") for t in doc[: v.i])
    return last if fronted else None  # "he said when asked if ...": the question closes the sentence


# Passive cue verbs whose "for" phrase is what the subject is held to be or do ("is best known for
# making Botox", "was known for his hatred of ..."): PolNeAR marks the subject and the phrase's
# object, without "for", as the content. Train (content14): 9 of the 26 "known" contents in 9 articles were the
# subject alone, each missing its "for" phrase.
_KNOWN_FOR = frozenset({"know"})


def passive_cue(p: Parsed, v: Token, verb: CueVerb, lex: Lexicon) -> Iterator[Attribution]:
    reported = _as_reported_by(p, v, verb, lex)
    if reported is not None:
        yield reported
        return
    if any(c.dep_ == "prep" and c.lower_ == "as" and any(g.dep_ == "pcomp" for g in c.children) for c in v.children):
        return  # "X was quoted as saying": the rule for "saying" makes it
    if verb.clause_only and not any(c.dep_ in ("ccomp", "xcomp") for c in v.children):
        return  # "the database is maintained by NGP VAN", "was established in 1950": no clause said
    agent = next((c for c in v.children if c.dep_ == "agent"), None) or _stray_agent(p, v)
    source_token = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
    subject = next((c for c in v.children if c.dep_ == "nsubjpass"), None)
    cut = [agent] if agent is not None else []
    parts = [s for s in (p.subtree(c, cut) for c in v.children if c.dep_ in ("ccomp", "xcomp", "oprd", "attr")) if s]
    preps = ("as", "to") if verb.to_content else ("as",)  # "were attributed by the union to a shortage"
    if verb.lemma in _KNOWN_FOR:  # "is known for making Botox": the object of "for", without it
        held_for = [k for c in v.children if c.dep_ == "prep" and c.lower_ == "for" for k in c.children]
        held_for = [k for k in held_for if k.dep_ in ("pobj", "pcomp") and not a_while(k)]
        parts += [s for s in (p.subtree(k) for k in held_for) if s]
    parts += [s for s in (p.subtree(c, cut) for c in v.children if c.dep_ == "prep" and c.lower_ in preps) if s]
    held = _agent_complements(source_token, verb)
    parts += [s for s in (p.subtree(c) for c in held) if s]
    if subject is None and v.dep_ == "acl" and source_token is not None and _labelled(v, verb, parts):
        subject = v.head  # "Cohen, described by prosecutors as Trump's “fixer”": Cohen is labelled
    if verb.cls == CueClass.QUESTION:  # "Asked about the merger, she ..."
        parts += [s for s in (p.subtree(c) for c in v.children if c.dep_ == "prep" and c.lower_ in _ASKED_PREPS) if s]
    if subject is None and v.dep_ in ("acl", "advcl") and (v.dep_ == "acl" or not parts or _cited_by(agent, verb)):
        return  # "a statement cited by Yonhap", "as expected"; but "Asked (by X) whether ..., Y said" stays
    if source_token is None and not parts and verb.event:
        return  # "Children are exposed to the virus", "when the vaccine was introduced": no one is cited
    if subject is not None and subject.lower_ != "it" and verb.cls != CueClass.QUESTION:
        own = [v] if subject.i == v.head.i else []  # the labelled noun without its participle phrase
        parts.insert(0, p.subtree(subject, own) or p.bounds)  # not "X was asked why ...": X is the hearer
    if not parts or (source_token is not None and source_token.lower_ in lex.non_sources):
        return
    if source_token is None and verb.noun_like:
        return  # "the report was released", "a statement was issued": no attribution
    cls = verb.cls if source_token is not None or not verb.hedge else CueClass.HEDGE
    cue = [c for c in v.children if c.dep_ == "auxpass"] + [v]
    yield Attribution(
        source=p.subtree(source_token, held) if source_token is not None else None,
        cue=p.tokens(cue) or p.bounds,
        content=tuple(sorted(parts, key=lambda s: s.start)),
        sentence=p.bounds,
        cls=cls,
        form="passive",
        lemma=verb.lemma,
    )


def _as_reported_by(p: Parsed, v: Token, verb: CueVerb, lex: Lexicon) -> Attribution | None:
    """'As reported by the BBC, the minister resigned', '..., as first reported by Reuters': the
    passive of "as X reported" says the clause it hangs on is X's report, as the active form
    does (`content.verb_content`); with no subject of its own it was taken for "as expected" and
    dropped (recall9 audit of PolNeAR train)."""
    mark = next((c for c in v.children if c.dep_ == "mark" and c.lower_ == "as" and c.i < v.i), None)
    agent = next((c for c in v.children if c.dep_ == "agent"), None)
    source = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    if mark is None or source is None or v.dep_ != "advcl" or verb.cls not in REPORTING:
        return None
    if source.lower_ in lex.non_sources:
        return None
    host = v.head
    left = p.span(host.left_edge.i, v.left_edge.i - 1) if host.left_edge.i < v.left_edge.i else None
    right = p.span(v.right_edge.i + 1, host.right_edge.i) if v.right_edge.i < host.right_edge.i else None
    content = tuple(f for f in (left, right) if f)
    if not content:
        return None
    return Attribution(
        source=p.subtree(source),
        cue=p.tokens([mark, v]) or p.bounds,
        content=content,
        sentence=p.bounds,
        cls=verb.cls,
        form="passive",
        lemma=verb.lemma,
    )


_MONTHS = frozenset(m.lower() for m in MONTH_NAMES)
# The verb's own phrases a label or quotation may stand between it and a "by" phrase in.
_LABEL_DEPS = frozenset({"oprd", "attr", "dobj", "acomp", "prep"})


def _stray_agent(p: Parsed, v: Token) -> Token | None:
    """'The deal was labeled “a sham” by the union's leader', 'was dubbed “Operation Sunrise” by
    officials', 'was described as peaceful by police': the small model hangs "by" on the label,
    not on the verb as its agent, and the passive had no source (or the agent inside its
    content). A "by" after the verb, outside quotation marks, inside one of the verb's label
    phrases and naming someone (not "by Friday", "by 2020", "by far") is the agent."""
    for child in v.children:
        if child.dep_ not in _LABEL_DEPS or child.i < v.i or (child.dep_ == "prep" and child.lower_ != "as"):
            continue
        for t in child.subtree:
            if t.lower_ == "by" and t.dep_ == "prep" and not t.head.tag_.startswith("VB") and not p.in_quote(t):
                return t if _names_someone(t) else None
    return None


def _names_someone(by: Token) -> bool:
    """Whether a "by" phrase's object may be an agent: no date, time, number, degree or means
    (the pipeline has no entity recogniser, so the words say it)."""
    obj = next((c for c in by.children if c.dep_ == "pobj"), None)
    return (
        obj is not None
        and obj.lower_ not in WEEKDAYS
        and obj.lower_ not in _MONTHS
        and obj.lower_ not in ("far", "then", "now", "noon", "midnight", "hand", "mail", "phone")
        and not obj.like_num
    )


def _agent_complements(source: Token | None, verb: CueVerb) -> list[Token]:
    """'described by colleagues as “a devoted father”', 'accused by regulators of hiding losses':
    the label or charge the parser hung on the agent belongs to the verb; it is content, not
    part of the source's name (which was 'colleagues as “a devoted father'). "of" only after
    "accused" and before a gerund (which the tagger may read as a noun, 'hiding losses'):
    'by the head of the agency of lying' keeps its first "of"."""
    if source is None:
        return []
    return [
        c
        for c in source.children
        if c.dep_ == "prep"
        and c.i > source.i
        and (c.lower_ == "as" or (c.lower_ == "of" and verb.lemma == "accuse" and _gerund_after(c)))
    ]


def _gerund_after(of: Token) -> bool:
    return of.i + 1 < len(of.doc) and (of.nbor(1).tag_ == "VBG" or of.nbor(1).lower_.endswith("ing"))


@cache
def _label_verbs() -> frozenset[str]:
    """The naming verbs of claims/kinds.py (data/claim_kinds.json), labels a source gives."""
    table = load_json("claim_kinds.json")
    return frozenset(table["naming_verbs"]) | frozenset(table["as_label_verbs"])


def _labelled(v: Token, verb: CueVerb, parts: list[Span]) -> bool:
    """Whether a participle on a noun gives it a label from a named agent: 'Cohen, described by
    prosecutors as Trump's “fixer”', 'Ola Bini, branded as a “hacker” by Moreno' (gold_fresh5a
    miss). 'a statement cited by Yonhap' names no label and stays no attribution."""
    return verb.lemma in _label_verbs() and bool(parts) and v.head.tag_.startswith("NN")


def reduced_label(p: Parsed, v: Token, verb: CueVerb) -> Attribution | None:
    """'The bill, labeled a giveaway by critics, passed the Senate', 'The senator, branded a
    “traitor” by the governor last year, lost the primary': a label participle between commas
    that the small model reads as the sentence's verb (the bill "labeled" a giveaway), with the
    label's agent a "by" phrase. The agent is the source; the noun before the comma and the
    label are the content (the active reading gave 'The bill' as the source of 'a giveaway by
    critics')."""
    if verb.lemma not in _label_verbs() or v.tag_ not in ("VBD", "VBN") or v.i == 0:
        return None
    subject = _labelled_noun(v)
    label = next((c for c in v.children if c.i > v.i and _is_label(c)), None)
    by = next((c for c in v.children if c.dep_ == "prep" and c.lower_ == "by" and c.i > v.i), None)
    by = by or (_stray_agent(p, v) if label is not None else None)
    source = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
    if subject is None or label is None or by is None or source is None or not _names_someone(by) or p.in_quote(v):
        return None
    noun = p.span(subject.left_edge.i, subject.i) if subject.i == v.i - 1 else p.subtree(subject)
    parts = [s for s in (noun, p.subtree(label, [by])) if s]
    return Attribution(
        source=p.subtree(source),
        cue=p.tokens([v]) or p.bounds,
        content=tuple(parts),
        sentence=p.bounds,
        cls=verb.cls,
        form="passive",
        lemma=verb.lemma,
    )


def _is_label(t: Token) -> bool:
    """A label phrase of a naming verb: its object or predicate, or its "as" phrase."""
    return t.dep_ in ("dobj", "oprd", "attr") or (t.dep_ == "prep" and t.lower_ == "as")


def _labelled_noun(v: Token) -> Token | None:
    """The noun a misread label participle stands on: its "subject" before a comma ('The bill,
    labeled ...'), or the noun right before a bare participle with no auxiliary ('Ola Bini - the
    Swedish computer programmer branded as a “hacker” by Morales - was arrested', gold_fresh5a
    miss; a finite verb has its auxiliary or is past tense, not a participle)."""
    if v.nbor(-1).text == ",":
        return next((c for c in v.children if c.dep_ == "nsubj" and c.i < v.i), None)
    bare = v.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in v.children)
    return v.nbor(-1) if bare and v.nbor(-1).tag_.startswith("NN") else None


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
