"""Cue-verb rules: the source, cue and content of "X said ..." attributions in one parsed sentence.

A cue verb's subject is the source and its complement the content: "X said (that) ...",
"..., said X", "X told Y that ...", "The troops, he said, are tired", "as X said, ...",
"X wrote:" (the content follows the colon). Quotations beside the verb are read from the
surface first (`frames.py`). Passive cues give the agent as source ("it was reported by X"),
or no source at all ("is said to"); verbs outside the lexicon with a person-like subject and
a that-clause count as generic attributions.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from tracer.parse.attribution.bounds import drop_asides
from tracer.parse.attribution.coordination import cut_start, own_statement, shared_speaker
from tracer.parse.attribution.cues import CueVerb, Lexicon, lexicon
from tracer.parse.attribution.frames import MAX_SOURCE_TOKENS, quote_frame
from tracer.parse.attribution.grammar import (
    expletive,
    is_passive,
    particles,
    referent_of,
    stranded_subject,
    subject_of,
    via,
)
from tracer.parse.attribution.phrases import CITING, own_owner
from tracer.parse.attribution.spans import Attribution, Context, Parsed, trim
from tracer.text import Span
from tracer.words import WEEKDAYS

if TYPE_CHECKING:  # spaCy is imported only when a text is parsed (nlp.py)
    from spacy.tokens import Token

_CLAUSE_DEPS = frozenset({"ccomp"})
_OBJECT_DEPS = frozenset({"dobj", "attr", "oprd"})
_ADDRESSEE_PREPS = frozenset({"to", "with"})
_CONTENT_PREPS = frozenset({"about", "of", "on", "for", "against", "to", "over", "at", "as", "into", "with"})
_QUOTE_MARKS = frozenset({'"', "“", "”", "'", "‘", "’", "''", "``"})
# Any speech verb may take what it is about as a prepositional object ("joked about ...").
_SPEECH_PREPS = frozenset({"about", "of", "on", "against", "over"})
# Speech verbs whose "to" object is what they answer, not a hearer ("responded to the remarks").
_ANSWER_VERBS = frozenset({"respond", "reply", "admit", "object", "react", "testify", "confess"})
_WH_DEPS = frozenset({"dobj", "dative", "attr", "pobj"})
_WH_OBJECTS = frozenset({"what", "which", "whom", "whatever"})
_ASKED_PREPS = frozenset({"about", "on", "for", "regarding"})
_PLACEHOLDERS = frozenset({"following", "statement", "this", "message", "note", "post", "tweet", "letter"})
_NOT_SUBJECTS = frozenset({"there", "here", "what", "this", "these"})
_NOT_CONTENT_TAGS = frozenset({"PRP", "WP", "WDT", "EX", "DT"})
_ADJUNCT_DEPS = frozenset({"npadvmod", "prep", "pobj", "det", "amod", "compound", "nummod", "advmod", "poss", "case"})
# Prepositions that set a time or place, never part of an object content ("endorsed X in May").
_SETTING_PREPS = frozenset({"in", "at", "during", "after", "before", "since", "until", "ahead", "amid", "throughout"})
_TIME_WORDS = frozenset({*WEEKDAYS, "today", "tonight", "election"})
_ASIDE_OPENERS = frozenset({",", "(", "—", "–", "--", "-"})
Content = tuple[tuple[Span, ...], str, list["Token"]]


def end_inside_quote(ctx: Context) -> Iterator[Attribution]:
    """Each attribution of the sentence, its content ending with the quotation its cue sits in."""
    yield from (_inside_quote(ctx.p, a) for a in ctx.found)


def _inside_quote(p: Parsed, a: Attribution) -> Attribution:
    """'"... and I think if we help him, we can get there," she said': what a speaker inside a
    quotation thinks or says ends with the quotation (the parser runs it on into "she said")."""
    q = p.quote_at(a.cue.start)
    if q is None or q.start >= a.cue.start or all(f.end <= q.end for f in a.content):
        return a
    content = tuple(c for c in (trim(p.text, Span(f.start, min(f.end, q.end))) for f in a.content) if c.end > c.start)
    return replace(a, content=content) if content else a


def separate(ctx: Context) -> list[Attribution]:
    """Cut each content before a cue verb that starts a statement of its own (`coordination.py`)."""
    p, found, lex = ctx.p, ctx.found, ctx.lex
    for b in list(found):
        w = p.token_at(b.cue.start)
        if w is None or not w.tag_.startswith("VB"):
            continue
        for i, a in enumerate(found):
            host = p.token_at(a.cue.start) if a is not b and a.covers(b.cue) else None
            if host is not None and own_statement(w, host, lex):
                found[i] = replace(a, content=tuple(_cut_before(p, f, w) for f in a.content))
    return found


def drop_defining_relatives(ctx: Context) -> Iterator[Attribution]:
    """The sentence's attributions but those whose cue sits in a defining relative clause."""
    yield from (b for b in ctx.found if not _defining_relative(ctx.p, b, ctx.found))


def _defining_relative(p: Parsed, b: Attribution, found: list[Attribution]) -> bool:
    """'reported that the number of young people who have reported using meth was 3.8 percent':
    a cue in a defining relative clause (no comma before it) inside another attribution's content
    says which people the content is about, not what they said; it is no nested attribution."""
    w = p.token_at(b.cue.start)
    rel = relative_clause(w) if w is not None and b.form == "verb" else None
    if rel is None or rel.left_edge.i == 0 or rel.doc[rel.left_edge.i - 1].text in _ASIDE_OPENERS:
        return False
    start = p.char(rel.left_edge)
    if any(a.content and a.content[0].start == start for a in found):
        return False  # a reported clause the parser misread as a relative ("telling reporters ... that")
    return any(a is not b and a.kind == "clause" and a.covers(b.cue) and a.cue.start < start for a in found)


def relative_clause(w: Token) -> Token | None:
    """The head of the relative clause a token sits in, if any ("people who have reported ...")."""
    return next((t for t in (w, *w.ancestors) if t.dep_ == "relcl"), None)


def _cut_before(p: Parsed, fragment: Span, w: Token) -> Span:
    first = p.token_at(fragment.start)
    if first is None or not fragment.start <= p.char(w) < fragment.end:
        return fragment
    cut = cut_start(w, first.i)
    return trim(p.text, Span(fragment.start, p.char(w.doc[cut]))) if cut > first.i else fragment


def mark_quoted(ctx: Context) -> Iterator[Attribution]:
    """Each attribution marked as inside a quotation or not, with the length of its content's
    leading "that"."""
    yield from (replace(a, quoted=_quoted(ctx.p, a), mark=_mark(ctx.p, a)) for a in ctx.found)


def _mark(p: Parsed, a: Attribution) -> int:
    """Characters of a leading "that"/"whether" in the content, which PolNeAR keeps and claims drop."""
    first = p.token_at(a.content[0].start) if a.content else None
    if first is None or first.dep_ != "mark" or first.lower_ not in ("that", "whether", "if"):
        return 0
    nxt = first.nbor(1) if first.i + 1 < len(first.doc) else None
    return (nxt.idx - first.idx) if nxt is not None else 0


def run_to_sentence_end(ctx: Context) -> Iterator[Attribution]:
    """Each reported clause run on to the end of its sentence (below)."""
    yield from (_to_sentence_end(ctx.p, a, ctx.found) for a in ctx.found)


def cut_asides(ctx: Context) -> Iterator[Attribution]:
    """Each content ending before the writer's first aside (`bounds.py`)."""
    yield from (drop_asides(ctx.p, a) for a in ctx.found)


def _to_sentence_end(p: Parsed, a: Attribution, found: list[Attribution]) -> Attribution:
    """'X said that A and B': a reported clause runs to the end of the sentence.

    The parser often hangs a second clause on the cue verb instead of inside the reported
    one; what follows the reported clause is still reported unless another cue comes first.
    """
    if a.form != "verb" or a.kind != "clause" or len(a.content) != 1 or a.content[0].start < a.cue.end:
        return a
    cue = p.token_at(a.cue.start)
    if cue is not None and relative_clause(cue) is not None:
        return a  # "people who have reported using meth | was 3.8 percent": the clause ends first
    end = trim(p.text, Span(a.content[0].end, p.bounds.end))
    tail = p.text[a.content[0].end : end.end]
    if not tail.strip() or any(a.content[0].end <= b.cue.start < p.bounds.end for b in found if b is not a):
        return a
    if tail.lstrip()[:1] in (",", ";", "(", "—", "–") and not re.match(r"\s*,\s*(?:and|but|or)\b", tail):
        return a  # ", a move that ...", "; ..." : the writer's words again
    return replace(a, content=(Span(a.content[0].start, end.end),))


def _quoted(p: Parsed, a: Attribution) -> bool:
    q = p.quote_at(a.cue.start)
    return q is not None and q.start < a.cue.start and not (a.source and not (q.start <= a.source.start < q.end))


def verb_scan(sentence: str, words: frozenset[str], lex: Lexicon) -> bool:
    """The fast scan of the verb rule beyond its scan forms: "X wrote:" (a colon ends the
    sentence), a light verb with its word ("made it clear", "hit back"), and a verb that is also a
    noun after a name or a pronoun ("Trump plans to ...", "Cruz vows ..."; as a noun, "the plans",
    it was left out of the scan forms)."""
    if sentence.rstrip().endswith(":"):
        return True
    if any(not words.isdisjoint(lex.verbs[w].needs) for w in words & lex.paired):
        return True
    return not words.isdisjoint(lex.noun_like_forms) and bool(lex.noun_like_after_subject.search(sentence))


def verb_rule(ctx: Context) -> Iterator[Attribution]:
    """Attributions whose cue is a verb from `cue_verbs.txt`."""
    p, v, lex = ctx.p, ctx.t, ctx.lex
    verb = lex.verb(v.lower_)
    if verb is None or v.lower_ in CITING or not _verb_like(v):
        return
    light = [c for c in v.children if c.lower_ in verb.needs]
    if verb.needs and not light:
        return  # "made" without "clear", "hit" without "back"
    misread = _misread_participle(v)
    if is_passive(v) and misread is None:
        framed = quote_frame(p, v, verb) if _bare_participle(v) else None
        yield from [framed] if framed is not None else _passive(p, v, verb, lex)
        return
    speaker = shared_speaker(v, lex)
    framed = quote_frame(p, v, verb, speaker)
    if framed is not None:
        yield framed
        return
    if verb.raising:
        yield from _raising(p, v, verb)
        return
    subject = misread or subject_of(p, speaker if speaker is not None else v) or stranded_subject(p, v)
    split = _split_inversion(p, v, verb, subject)
    if split is not None:
        yield split
        return
    if subject is None:
        yield from _tail_cue(p, v, verb)
        return
    if subject.lower_ in _NOT_SUBJECTS or subject.lower_ in lex.non_sources:
        return
    if subject.lower_ == "you" and not p.in_quote(subject):
        return  # "you can see why ...", "what do you expect?": the generic reader, no source
    if any(c.dep_ == "case" for c in subject.children) and v.tag_ == "VBN":
        return  # "The We Company's recently named executive chair": a possessor misparsed as a subject
    if subject.lower_ == "that" and v.lower_ == "said" and v.i + 1 < len(v.doc) and v.nbor(1).text == ",":
        return  # "That said, ...": an idiom for "even so", no attribution
    content = _light_content(p, v, verb, light[0]) if light else _verb_content(p, v, verb, lex)
    source = p.source_subtree(subject, v, without=[c for c in subject.children if c.lower_ in CITING or c.i == v.i])
    if content is None:
        yield from _tail_cue(p, v, verb)
        return
    if source is None:
        return
    if expletive(subject, v):
        source = None  # "it's hard to imagine ...": the writer's words, with no source
    fragments, kind, extra_cue = content
    yield Attribution(
        source=source,
        cue=p.tokens([v, *particles(v), *light, *extra_cue]) or p.bounds,
        content=fragments,
        sentence=p.bounds,
        cls=verb.cls,
        kind=kind,
        referent=referent_of(p, subject),
        via=tuple(via(p, v)),
        lemma=verb.lemma,
        pending=kind == "passage",
    )


def _bare_participle(v: Token) -> bool:
    """'"What if ...?" the 43-year-old asked': a past form the tagger read as a participle on the
    speaker (no auxiliary, no passive subject), which a quotation just before may show is a verb."""
    return not any(c.dep_ in ("auxpass", "nsubjpass", "agent") for c in v.children) and v.head.i < v.i


def _split_inversion(p: Parsed, v: Token, verb: CueVerb, subject: Token | None) -> Attribution | None:
    """'The contrast with Trump, said Doyle and others, would be stark': an inverted cue between
    commas inside the statement. The parser makes the statement's subject the verb's and the
    speaker the subject of the rest; the speaker is the one after the verb."""
    if subject is None or verb.cls not in ("speech", "report", "belief") or v.i == 0 or v.nbor(-1).text != ",":
        return None
    rest = next((c for c in v.children if c.dep_ == "ccomp" and c.i > v.i), None)
    speaker = next((c for c in rest.children if c.dep_ == "nsubj"), None) if rest is not None else None
    if rest is None or subject.i > v.i or speaker is None or speaker.left_edge.i != v.i + 1:
        return None
    end = speaker.right_edge.i
    while end > speaker.i and v.doc[end].is_punct:
        end -= 1  # the parser may hang the closing comma on the speaker
    after = end + 1
    if after >= len(v.doc) or v.doc[after].text != ",":
        return None
    fragments = tuple(f for f in (p.span(subject.left_edge.i, v.i - 2), p.span(after + 1, rest.right_edge.i)) if f)
    source = p.span(speaker.left_edge.i, end)
    return _reread(p, v, verb, source, fragments) if source is not None and len(fragments) == 2 else None


def _reread(
    p: Parsed, v: Token, verb: CueVerb, source: Span, content: tuple[Span, ...], referent: Span | None = None
) -> Attribution:
    """An attribution of a cue verb whose source and content were read past a misparse."""
    return Attribution(
        source=source,
        cue=p.tokens([v, *particles(v)]) or p.bounds,
        content=content,
        sentence=p.bounds,
        cls=verb.cls,
        kind=quote_kind(p, content[0]),
        referent=referent,
        lemma=verb.lemma,
    )


_TAIL_SOURCE_TAGS = frozenset({"DT", "NN", "NNS", "NNP", "NNPS", "PRP", "JJ", "POS", "HYPH", "CD", "PRP$"})


def _tail_source_word(t: Token) -> bool:
    """A word of a short source name ("Federal Election Commission records": "records" tagged a
    verb but attached as a compound)."""
    return t.tag_ in _TAIL_SOURCE_TAGS or t.dep_ == "compound"


def misparsed_tail(ctx: Context) -> Iterator[Attribution]:
    """'..., records show.', '..., the poll found.': a short source and a report verb closing the
    sentence after a comma, which the small model parsed as a noun ("records show" as a compound)
    or as a relative clause of the last noun ("a view of Trump, the poll found"). What precedes the
    comma is the content."""
    p, lex, found = ctx.p, ctx.lex, ctx.found
    doc = p.doc
    end = len(doc) - 1
    while end > 0 and (doc[end].is_punct or doc[end].is_space):
        end -= 1
    v = doc[end]
    verb = lex.verb(v.lower_)
    if verb is None or verb.cls not in ("speech", "report", "belief") or v.tag_ in ("VBG", "VBN"):
        return
    if v.dep_ not in ("ROOT", "relcl") or any(a.cue.start <= p.char(v) < a.cue.end for a in found):
        return
    comma = next((i for i in range(end - 1, max(end - 9, 0), -1) if doc[i].text == ","), None)
    if comma is None or comma < 3 or not all(_tail_source_word(t) for t in doc[comma + 1 : end]):
        return
    source, content = p.span(comma + 1, end - 1), p.span(0, comma - 1)
    if source is not None and content is not None and any(t.tag_.startswith("VB") for t in doc[:comma]):
        yield _reread(p, v, verb, source, (content,))


# What may follow a cue verb that closes its sentence: its inverted subject, adverbs, times.
_CLOSING_DEPS = frozenset({"nsubj", "punct", "advmod", "npadvmod", "neg", "prt"})
_CLOSING_PREPS = frozenset({"in", "on", "at", "by", "during", "after", "before", "from", "via", "to"})
_SUBORDINATORS = frozenset(
    {"when", "as", "if", "because", "after", "before", "while", "although", "though", "since", "until", "once"}
)


def _tail_cue(p: Parsed, v: Token, verb: CueVerb) -> Iterator[Attribution]:
    """'X marched in the parade, CNN reported.', '..., said Geert Wilders, founder of ...': a
    speech verb closing the sentence after a comma, with no complement the parser found (it hung
    the clause before the comma on the verb as something else): that clause is the content."""
    if verb.cls not in ("speech", "report", "belief") or not _closing_verb(v):
        return
    if any(c.i > v.i and not _closing_child(c, verb) for c in v.children):
        return  # "I immediately thought of Elise": the verb has a complement of its own
    if any(c.tag_ == "MD" for c in v.children):
        return  # "..., I'll tell it to somebody else": a promise, not a report of what came before
    subjects = [c for c in v.children if c.dep_ == "nsubj"]
    after = [c for c in subjects if c.i > v.i]
    before = [c for c in subjects if c.i < v.i and c.left_edge.i > 0]
    subject = after[0] if after else before[-1] if before else None
    if subject is None:
        return
    doc, j = v.doc, (v.i if after else subject.left_edge.i) - 1
    while j >= 0 and _quote_mark(doc[j]):
        j -= 1
    if j < 2 or doc[j].text != "," or not (j >= 6 or any(t.tag_.startswith("VB") for t in doc[:j])):
        return  # "After the meeting, he said.": no clause before the comma
    content, source = p.span(0, j - 1), p.source_subtree(subject, v)
    if content is None or source is None or doc[0].lower_ in _SUBORDINATORS:
        return  # "When I got word ..., I thought": an adverbial clause, not what was said
    yield _reread(p, v, verb, source, (content,), referent_of(p, subject))


def _closing_verb(v: Token) -> bool:
    """The verb of the sentence, or a clause the parser joined to it ("X happened, Carter told a
    panel": "told" read as a second conjunct of "happened")."""
    return v.dep_ == "ROOT" or (v.dep_ == "conj" and v.head.i < v.i and v.head.dep_ == "ROOT")


def _closing_child(c: Token, verb: CueVerb) -> bool:
    """What may follow a closing cue verb: its inverted subject, adverbs, times, the hearer of a
    verb that takes one, and where or when it was said ("told AFP in an interview on Monday")."""
    if c.dep_ in _CLOSING_DEPS:
        return True
    if c.dep_ in ("dobj", "dative"):
        return verb.addressee and c.lower_ not in ("it", "this", "that")  # a hearer, not "told it"
    return c.dep_ == "prep" and c.lower_ in _CLOSING_PREPS


def _light_content(p: Parsed, v: Token, verb: CueVerb, word: Token) -> Content | None:
    """The content of a light verb with its word: "made it clear that ...", "took aim at X",
    "went after X", "as X put it, ..." (the host clause)."""
    clause = next((c for c in word.children if c.dep_ in ("ccomp", "advcl", "xcomp") and c.i > word.i), None)
    if clause is not None:
        span = p.subtree(clause)
        return ((span,), quote_kind(p, span), []) if span else None
    target = next((c for c in word.children if c.dep_ == "pobj"), None)  # "went after X"
    if target is not None:
        span = p.subtree(target)
        return ((span,), "np", []) if span else None
    if v.dep_ == "advcl" and any(c.lower_ == "as" and c.dep_ == "mark" for c in v.children):
        host = _host_clause(p, v)
        return (host[0], host[1], [c for c in v.children if c.dep_ == "mark"]) if host else None
    return _prep_content(p, v, verb)


def generic_rule(ctx: Context) -> Iterator[Attribution]:
    """'Trump quipped that ...': a verb outside the lexicon, a person-like subject and a that-clause.

    Such verbs report speech or thought often enough to count as attributions ("generic"
    class), but never make claims or hops: the lexicon decides what is a claim.
    """
    p, v, lex = ctx.p, ctx.t, ctx.lex
    if not v.tag_.startswith("VB") or v.lower_ in lex.not_cues or p.in_quote(v):
        return
    clause = next((c for c in v.children if c.dep_ == "ccomp" and c.i > v.i and _that_mark(c)), None)
    subject = next((c for c in v.children if c.dep_ == "nsubj"), None) if clause is not None else None
    if clause is None or subject is None or not _person_like(subject, lex):
        return
    source, content = p.subtree(subject), p.subtree(clause)
    if source and content:
        yield Attribution(
            source, p.tokens([v, *particles(v)]) or p.bounds, (content,), p.bounds, cls="generic", lemma=v.lower_
        )


def _that_mark(clause: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)


def _person_like(token: Token, lex: Lexicon) -> bool:
    if token.tag_ == "PRP":
        return token.lower_ in ("he", "she", "they", "i", "we")
    return token.tag_ in ("NNP", "NNPS") or token.lower_ in lex.people


def _misread_participle(v: Token) -> Token | None:
    """'One lawmaker called Trump "the orange prince"': the tagger read "called" as a participle
    modifying the subject, leaving the sentence without a verb. The noun it hangs on is the subject."""
    head = v.head
    if v.dep_ not in ("acl", "advcl") or v.tag_ != "VBN" or head.i > v.i or head.dep_ != "ROOT":
        return None
    if not head.tag_.startswith("NN") or any(c.dep_ in ("auxpass", "agent") for c in v.children):
        return None
    return head if any(c.dep_ in ("dobj", "oprd", "ccomp") and c.i > v.i for c in v.children) else None


def _verb_like(v: Token) -> bool:
    # The tagger reads "says"/"claims" as plural nouns now and then; a root noun with a
    # subject is a verb in disguise.
    return v.tag_.startswith("VB") or (v.dep_ == "ROOT" and any(c.dep_ == "nsubj" for c in v.children))


# --- content of an active cue verb ----------------------------------------------------------------


def _verb_content(p: Parsed, v: Token, verb: CueVerb, lex: Lexicon) -> Content | None:
    """The content of an active cue verb, its kind, and words to add to the cue."""
    clause = _clause_complement(p, v, verb)
    if clause:
        return clause
    if _colon_follows(v):
        return (), "passage", []
    setting = _clause_in_setting(p, v) if verb.cls in ("speech", "report", "belief") else None
    if setting is not None:
        return setting
    if v.dep_ == "advcl" and any(c.lower_ == "as" and c.dep_ == "mark" for c in v.children) and _no_object(v, verb):
        host = _host_clause(p, v)
        mark = next(c for c in v.children if c.dep_ == "mark")
        return (host[0], host[1], [mark]) if host else None
    if verb.clause_only:
        return (
            (_as_object(p, v) if verb.as_object else None)
            or _quote_before_sentence(p, v, verb)
            or (_prep_content(p, v, verb) if verb.cls == "speech" else None)
        )
    return _object_content(p, v, verb, lex) or _quote_before_sentence(p, v, verb)


# Prepositions whose object is what a verb is about ("called for ethics"), not where or when.
_OBJECT_PREPS = frozenset({"for", "about", "of", "against", "over", "into", "with"})


def _no_object(v: Token, verb: CueVerb) -> bool:
    """Whether "as X <verb>" is the parenthetical "as X said" (the host clause is its content)
    and not a clause of time with an object of its own ("as he called for greater ethics").
    A comma right after the verb ends it: "As we've noted, a study ..." has no object."""
    if v.i + 1 < len(v.doc) and v.nbor(1).text == ",":
        return True
    for c in v.children:
        if c.i < v.i:
            continue
        if c.dep_ in ("attr", "oprd", "xcomp") or (c.dep_ == "dobj" and not verb.addressee):
            return False
        if c.dep_ == "prep" and c.lower_ in _OBJECT_PREPS and (verb.prep or c.lower_ != "for"):
            return False  # but "as Emily Feng reports for NPR": whom she works for
    return True


def _clause_in_setting(p: Parsed, v: Token) -> Content | None:
    """'said in a statement that ...', 'alleged in the suit that ...': the parser hangs the
    that-clause on the noun of the setting. An object relative ("in a statement that he
    released") has a verb with no object of its own and is not content."""
    for prep in (c for c in v.children if c.dep_ == "prep" and c.i > v.i):
        noun = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if noun is None or noun.i + 1 >= len(noun.doc) or noun.nbor(1).lower_ != "that":
            continue
        that = noun.nbor(1)
        clause = next((c for c in noun.children if c.dep_ in ("acl", "relcl", "ccomp") and c.i > that.i), None)
        if clause is None or that.dep_ in ("nsubj", "nsubjpass", "dobj") or not _complete_clause(clause):
            continue
        span = p.span(that.i, clause.right_edge.i)
        return ((span,), quote_kind(p, span), []) if span else None
    return None


def _complete_clause(clause: Token) -> bool:
    deps = {c.dep_ for c in clause.children}
    return "nsubjpass" in deps or ("nsubj" in deps and bool(deps & {"dobj", "ccomp", "xcomp", "attr", "acomp"}))


def _as_object(p: Parsed, v: Token) -> Content | None:
    """'sees him as the stronger candidate': an object with an "as" complement."""
    obj = next((c for c in v.children if c.dep_ == "dobj" and c.i > v.i), None)
    as_prep = next((c for c in v.children if c.dep_ == "prep" and c.lower_ == "as" and obj and c.i > obj.i), None)
    if obj is None or as_prep is None:
        return None
    span = p.span(obj.left_edge.i, as_prep.right_edge.i)
    return ((span,), "np", []) if span else None


def _clause_complement(p: Parsed, v: Token, verb: CueVerb) -> Content | None:
    after = [c for c in v.children if c.dep_ in _CLAUSE_DEPS and c.i > v.i]
    # "The talks failed, the minister said"; but in "520 delegates said A, 39 said B" A is not B's
    before = [c for c in v.children if c.dep_ in _CLAUSE_DEPS and c.i < v.i and _inverted(p, c, v, verb)]
    clauses = [*(c for c in before if not (after and _speech_clause(c))), *after]
    if not clauses and verb.cls in ("intent", "belief", "speech", "stance", "question") and not verb.aspect:
        clauses = [c for c in v.children if c.dep_ == "xcomp" and c.tag_ in ("VB", "VBG")]
        hearer = next((c for c in v.children if c.dep_ == "dobj" and c.i > v.i), None)
        if clauses and hearer is not None and hearer.i < clauses[0].i:  # "urged residents to leave"
            span = p.span(hearer.left_edge.i, clauses[0].right_edge.i)
            return ((span,), "clause", []) if span else None
        if verb.cls == "question":
            clauses = []  # "asked to ..." alone is a request nobody heard
    if not clauses and verb.cls == "question":  # "asked workers if they planned ...": the parser's advcl
        clauses = [c for c in v.children if c.dep_ == "advcl" and c.i > v.i and _marked(c, ("if", "whether"))]
    if not clauses and (verb.addressee or verb.cls == "speech"):  # "told a meeting of leaders that few
        clauses = _that_clause_read_as_relative(v, verb)  # people understood ...": the parser reads it as a relative
    if not clauses and verb.cls in ("speech", "report", "belief"):  # "said after the convention he would ...":
        clauses = [c for c in v.children if c.dep_ == "advcl" and c.i > v.i and _unmarked_finite(c)]  # an advcl
    if not clauses and v.i + 1 < len(v.doc) and v.nbor(1).lower_ == "that" and v.nbor(1).head.i == v.i:
        span = p.span(v.i + 1, v.right_edge.i)  # "noting that ..." misparsed as a preposition
        return ((span,), quote_kind(p, span), []) if span else None
    if len(clauses) > 1:  # "said A, and three-quarters said B": the second is a statement of its own
        clauses = [clauses[0], *(c for c in clauses[1:] if not _own_cue_clause(c))]
    # "The agency said X, according to Lee": the parser hangs "according to" on X's verb, but
    # it scopes over the whole sentence and is not part of what the agency said.
    according = "according" in p.words
    spans = [s for s in (p.subtree(c, without=_clause_cuts(c, according)) for c in clauses) if s]
    if spans:  # a clause on each side ("A had been building, Medrano said; B"): two fragments
        sides = ([s for s in spans if s.end <= p.char(v)], [s for s in spans if s.end > p.char(v)])
        fragments = tuple(Span(min(s.start for s in f), max(s.end for s in f)) for f in sides if f)
        return fragments, quote_kind(p, fragments[0]), []
    if v.dep_ == "parataxis" and v.head.tag_.startswith(("VB", "JJ", "NN")) and _parenthetical(v, verb):
        return _host_clause(p, v)
    return None


def _marked(clause: Token, marks: tuple[str, ...]) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in marks for c in clause.children)


def _that_clause_read_as_relative(v: Token, verb: CueVerb) -> list[Token]:
    """A "that" clause with a subject of its own hung on the hearer, or on the setting ("telling
    reporters during a visit to Scotland on Friday that he thinks ..."), as a relative clause."""
    places = ("dobj", "prep") if verb.addressee else ("prep",)  # a dobj of "say" is what was said
    after = (c for c in v.children if c.i > v.i and c.dep_ in places)
    for rel in (t for c in after for t in c.subtree if t.dep_ == "relcl"):
        first = rel.left_edge
        subject = next((c for c in rel.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if first.lower_ == "that" and first.dep_ == "mark" and subject is not None and subject.i > first.i:
            return [rel]
    return []


def _clause_cuts(clause: Token, according: bool) -> list[Token]:
    """What to leave out of a reported clause: "according to X" (see above), and a last "and"
    that joins the next statement ("said A, and three-quarters said B")."""
    cuts = _according_phrases(clause) if according else []
    last = clause.right_edge
    return [*cuts, last] if last.dep_ == "cc" and last.head.i == clause.i else cuts


def _speech_clause(clause: Token) -> bool:
    """A clause headed by a speech or report verb with a subject of its own ("520 delegates said A")."""
    verb = lexicon().verb(clause.lower_)
    own = any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)
    return verb is not None and verb.cls in ("speech", "report") and own


def _own_cue_clause(clause: Token) -> bool:
    """A clause that is a speech or report verb with a subject of its own, joined by "and"/"but"
    ("said A, and three-quarters said B"): not part of the first verb's content."""
    joined = clause.left_edge.i > 0 and clause.doc[clause.left_edge.i - 1].lower_ in ("and", "but", "while", "whereas")
    return joined and _speech_clause(clause)


def _unmarked_finite(clause: Token) -> bool:
    """A clause with a subject and a finite verb and no subordinating word: a reported clause the
    parser took for an adverbial one (an "if", "when" or "because" clause has its mark)."""
    has_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)
    finite = clause.tag_ in ("VBD", "VBZ", "VBP") or any(c.dep_ in ("aux", "auxpass") for c in clause.children)
    return has_subject and finite and not any(c.dep_ == "mark" and c.lower_ != "that" for c in clause.children)


def _parenthetical(v: Token, verb: CueVerb) -> bool:
    """'The troops, he said, are tired': a short cue clause of its own, with no complement.

    An addressee is fine ("the executive told The Washington Post").
    """
    # the cue clause up to the verb and its object: a trailing ", including ..." is an aside
    right = max([v.i, *(c.right_edge.i for c in v.children if c.i > v.i and c.dep_ in ("dobj", "dative", "prt"))])
    size = right - v.left_edge.i + 1
    blocking = {"xcomp", "ccomp", "attr"} | (set() if verb.addressee else {"dobj"})
    return size <= MAX_SOURCE_TOKENS and not any(c.dep_ in blocking for c in v.children)


def _according_phrases(clause: Token) -> list[Token]:
    return [t for t in clause.subtree if t.lower_ == "according" and t.i + 1 < len(t.doc) and t.nbor(1).lower_ == "to"]


def _inverted(p: Parsed, clause: Token, v: Token, verb: CueVerb) -> bool:
    """'The talks failed, the minister said': a clause before a speech or belief verb, set off by a comma."""
    if verb.cls not in ("speech", "belief", "report"):
        return False
    gap = v.doc[clause.right_edge.i + 1 : v.i]
    return not any(t.text in (";", ":", ".") for t in gap)  # "Ms. Gedrich said" keeps its "Ms."


def _host_clause(p: Parsed, v: Token) -> Content | None:
    """'The troops, he said, are tired': the content is the host clause around the cue."""
    host = v.head
    left = p.span(host.left_edge.i, v.left_edge.i - 1)
    right = p.span(v.right_edge.i + 1, host.right_edge.i)
    fragments = tuple(f for f in (left, right) if f)
    return (fragments, quote_kind(p, fragments[0]), []) if fragments else None


def _colon_follows(v: Token) -> bool:
    """'X wrote:' — the verb (or its last complement) is followed by a colon."""
    last = v.right_edge
    nxt = last.nbor(1) if last.i + 1 < len(last.doc) else None
    own = [c for c in v.children if c.dep_ in _CLAUSE_DEPS or (c.dep_ == "dobj" and c.lower_ not in _PLACEHOLDERS)]
    return (last.text == ":" or (nxt is not None and nxt.text == ":")) and not own  # "saw his words differently:"


def _quote_before_sentence(p: Parsed, v: Token, verb: CueVerb) -> Content | None:
    """'"Probably." Priebus said.': the quotation closing just before a sentence that is only "X said"."""
    allowed = _ADJUNCT_DEPS | ({"dobj", "dative"} if verb.addressee else set())
    if any(not t.is_punct and t.dep_ not in allowed for t in p.doc[v.i + 1 :]):
        return None  # the verb has words of its own after it
    quote = next((q for q in reversed(p.quotes) if q.end <= p.bounds.start), None)
    if quote is None or p.text[quote.end : p.bounds.start].strip():
        return None
    return (quote,), "quote", []


def _object_content(p: Parsed, v: Token, verb: CueVerb, lex: Lexicon) -> Content | None:
    wh = next((c for c in v.children if c.dep_ in _WH_DEPS and c.tag_ in ("WP", "WDT") and c.i < v.i), None)
    if wh is not None and wh.lower_ in _WH_OBJECTS:  # "what Melania Trump told NBC", "whom he described as"
        rest = p.span(v.i + 1, v.right_edge.i) if v.right_edge.i > v.i else None
        fragments = tuple(f for f in (p.tokens([wh]), rest) if f)
        return (fragments, "np", []) if fragments else None
    objects = [c for c in v.children if c.dep_ in _OBJECT_DEPS]
    if verb.addressee:
        objects = [o for o in objects if o.dep_ != "dobj" or o.i < v.i]
    if objects:
        obj = objects[0]
        if obj.lower_ in lex.non_sources or (verb.cls == "speech" and obj.tag_ in _NOT_CONTENT_TAGS):
            return None  # "said so", "told him", "said what"
        inner = _noun_clause(obj, lex)
        if inner is not None:
            span = p.subtree(inner)
            return ((span,), quote_kind(p, span), []) if span else None
        span = p.span(obj.left_edge.i, _object_end(v, obj).right_edge.i)
        return ((span,), "np", []) if span else None
    return _prep_content(p, v, verb) if verb.prep or verb.cls == "speech" else None


def _quote_mark(t: Token) -> bool:
    return t.is_punct and t.text in _QUOTE_MARKS


def _extends_object(c: Token) -> bool:
    """A phrase after the object that belongs to the content: "called X a liar", "accused X of Y",
    "blamed the law on Democrats", "described the country as beset by ..."; not a clause of
    its own (a conjoined verb, an adverbial clause other than "as ...", "according to")."""
    if c.dep_ in ("conj", "cc", "punct", "parataxis", "mark", "npadvmod"):
        return False  # "endorsed Trump | last week"
    if c.dep_ == "prep" and (c.lower_ in _SETTING_PREPS or (c.lower_ == "on" and _names_a_time(c))):
        return False  # "endorsed Sanders | in February", "supporting Mr. Cruz | in all 99 counties"
    if c.dep_ == "advcl" and not any(m.lower_ == "as" for m in c.children if m.dep_ == "mark"):
        return False
    return c.lower_ not in ("according", "citing", "quoting")


def _names_a_time(prep: Token) -> bool:
    """'on Monday', 'on March 1': a preposition whose object is a day or a date."""
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    return obj is not None and (obj.lower_ in _TIME_WORDS or any(t.like_num for t in obj.subtree))


def _noun_clause(obj: Token, lex: Lexicon) -> Token | None:
    """'announced its assessment that ...': the clause inside a cue-noun object the subject owns.

    A noun with an owner of its own ("dismissed the ministry's claim that ...") is left to the
    noun rule: the claim is the ministry's, not the subject's.
    """
    if obj.lower_ not in lex.nouns or own_owner(obj):
        return None
    return next((c for c in obj.children if c.dep_ in ("acl", "ccomp", "relcl") and has_that(c)), None)


def has_that(clause: Token) -> bool:
    """Whether a clause is a "that ..." complement (not a relative clause)."""
    return clause.dep_ == "ccomp" or any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)


def _prep_content(p: Parsed, v: Token, verb: CueVerb) -> Content | None:
    """'called for a ban', 'joked about moving to New Zealand', 'did not respond to a request'."""
    preps = _CONTENT_PREPS if verb.prep else _SPEECH_PREPS
    for prep in (c for c in v.children if c.dep_ == "prep" and c.i > v.i and c.lower_ in preps):
        if verb.cls == "speech" and prep.lower_ in _ADDRESSEE_PREPS and verb.lemma not in _ANSWER_VERBS:
            continue
        objects = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
        if objects:
            span = p.span(objects[0].left_edge.i, _object_end(v, prep).right_edge.i)
            return ((span,), "np", [prep]) if span else None
    return _for_clause(p, v) if verb.prep else None


def _for_clause(p: Parsed, v: Token) -> Content | None:
    """'is calling for the United States to take a stronger role': the parser reads "for" as the
    mark of an infinitive clause; the clause after it is what was called for."""
    for clause in (c for c in v.children if c.dep_ == "advcl" and c.i > v.i):
        mark = next((m for m in clause.children if m.dep_ == "mark" and m.lower_ == "for"), None)
        if mark is not None and mark.i == clause.left_edge.i:
            span = p.span(mark.i + 1, clause.right_edge.i)
            return ((span,), "clause", [mark]) if span else None
    return None


def _object_end(v: Token, obj: Token) -> Token:
    """The last phrase after a verb's object that still belongs with it ("referred to X as Y")."""
    last = obj
    for c in sorted((c for c in v.children if c.i > obj.i and not _quote_mark(c)), key=lambda c: c.i):
        gap = v.doc[last.right_edge.i + 1 : c.left_edge.i]
        if any(not t.is_punct or t.text in ",;:" for t in gap) or not _extends_object(c):
            break  # "pledged her vote to Clinton | recently in an effort to ..."
        last = c
    return last


def quote_kind(p: Parsed, span: Span | None) -> str:
    """'quote' when a content span is (or holds) a quotation, else 'clause'."""
    if span is None:
        return "clause"
    text = p.text[max(0, span.start - 1) : span.end + 1]
    return "quote" if sum(text.count(q) for q in '"“”') >= 2 else "clause"


# --- passive cues: "it was reported by X", "X was quoted as saying", "is said to" -----------------


def _passive(p: Parsed, v: Token, verb: CueVerb, lex: Lexicon) -> Iterator[Attribution]:
    if any(c.dep_ == "prep" and c.lower_ == "as" and any(g.dep_ == "pcomp" for g in c.children) for c in v.children):
        return  # "X was quoted as saying": the rule for "saying" makes it
    agent = next((c for c in v.children if c.dep_ == "agent"), None)
    source_token = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
    subject = next((c for c in v.children if c.dep_ == "nsubjpass"), None)
    parts = [s for s in (p.subtree(c) for c in v.children if c.dep_ in ("ccomp", "xcomp", "oprd", "attr")) if s]
    parts += [s for s in (p.subtree(c) for c in v.children if c.dep_ == "prep" and c.lower_ == "as") if s]
    if verb.cls == "question":  # "Asked about the merger, she ..."
        parts += [s for s in (p.subtree(c) for c in v.children if c.dep_ == "prep" and c.lower_ in _ASKED_PREPS) if s]
    if subject is None and v.dep_ in ("acl", "advcl") and (v.dep_ == "acl" or not parts or _cited_by(agent, verb)):
        return  # "a statement cited by Yonhap", "as expected"; but "Asked (by X) whether ..., Y said" stays
    if subject is not None and subject.lower_ != "it" and verb.cls != "question":
        parts.insert(0, p.subtree(subject) or p.bounds)  # not "X was asked why ...": X is the hearer
    if not parts or (source_token is not None and source_token.lower_ in lex.non_sources):
        return
    if source_token is None and verb.noun_like:
        return  # "the report was released", "a statement was issued": no attribution
    cls = verb.cls if source_token is not None or not verb.hedge else "hedge"
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
    return agent is not None and verb.cls != "question"


def _raising(p: Parsed, v: Token, verb: CueVerb) -> Iterator[Attribution]:
    """'Ben Carson appears to be slipping': the writer's hedge; the subject is part of the content."""
    subject = next((c for c in v.children if c.dep_ == "nsubj"), None)
    complement = next((c for c in v.children if c.dep_ in ("xcomp", "ccomp")), None)
    if subject is None or complement is None or subject.lower_ in ("it", "there"):
        return
    parts = [s for s in (p.subtree(subject), p.subtree(complement)) if s]
    yield Attribution(
        source=None,
        cue=p.tokens([v]) or p.bounds,
        content=tuple(parts),
        sentence=p.bounds,
        cls="hedge" if verb.hedge else verb.cls,
        form="raising",
        lemma=verb.lemma,
    )
