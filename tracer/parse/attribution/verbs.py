"""Cue-verb rules: the source, cue and content of "X said ..." attributions in one parsed sentence.

A cue verb's subject is the source and its complement the content (`content.py`): "X said
(that) ...", "..., said X", "X told Y that ...". Quotations beside the verb are read from the
surface first (`frames.py`), passive and raising cues by `passive.py`. A report verb closing a
sentence the parser misread ("..., records show.") is read again by a sentence pass; verbs
outside the lexicon with a person-like subject and a that-clause count as generic attributions.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING

from tracer.datafiles import load_json
from tracer.models import CueClass
from tracer.parse.attribution.content import (
    carried_participle,
    clause_around_quote,
    finding_nouns,
    finding_sources,
    heard_speaker,
    lead_before_aside,
    light_content,
    opens_passage,
    quote_kind,
    quote_mark,
    verb_content,
)
from tracer.parse.attribution.coordination import shared_speaker
from tracer.parse.attribution.cues import REPORTING, CueVerb, Lexicon, lexicon
from tracer.parse.attribution.frames import quote_frame
from tracer.parse.attribution.grammar import (
    FINITE_TAGS,
    TENSED_TAGS,
    expletive,
    is_passive,
    modifier_read_as_verb,
    particles,
    referent_of,
    stranded_subject,
    subject_of,
    that_marked,
    via,
)
from tracer.parse.attribution.passive import asked_opening, asked_question, passive_cue, raising_cue, reduced_label
from tracer.parse.attribution.phrases import CITING, light_noun_object
from tracer.parse.attribution.spans import Attribution, Context, Parsed, trim
from tracer.text import Span

if TYPE_CHECKING:  # spaCy is imported only when a text is parsed (nlp.py)
    from spacy.tokens import Span as TokenSpan
    from spacy.tokens import Token

_NOT_SUBJECTS = frozenset({"there", "here", "what", "this", "these"})

# Subject and cue verb of idioms set off by a comma that report nothing ("That said, ...", "All
# told, super PACs spent $2.5 million": PolNeAR train, 3 articles, one made "All" a source).
_IDIOMS = frozenset({("that", "said"), ("all", "told")})

# Punctuation after "you know" that makes it a filler, not a verb with a content ("You know, ...",
# "You know -- ...", "it happens, you know?").
_FILLER_AFTER = frozenset({",", "?", "—", "--", "-", "...", "…"})


def _addressee_aside(subject: Token, v: Token) -> bool:
    """'“You know, when I said no boots on the ground, I think ...”', 'replied, “As you know,
    hearing nice things ...”': 'you know' set off by a comma, or an 'as you know' aside, is a
    speaker's turn to the hearer that reports nothing; read as a cue it made 'you' the source of the
    speaker's own words and of every cue inside them (question12 audit of PolNeAR train: 3 articles)."""
    if subject.lower_ != "you" or v.lower_ not in ("know", "see"):
        return False
    if v.i + 1 < len(v.doc) and v.nbor(1).text in _FILLER_AFTER:
        return True
    return subject.i > 0 and v.doc[subject.i - 1].lower_ == "as"


def verb_scan(sentence: str, words: frozenset[str], lex: Lexicon) -> bool:
    """The fast scan of the verb rule beyond its scan forms: "X wrote:" (a colon ends the
    sentence), a light verb with its word ("made it clear", "hit back", "went on"), and a verb that is also a
    noun after a name or a pronoun ("Trump plans to ...", "Cruz vows ..."; as a noun, "the plans",
    it was left out of the scan forms) or before a reflexive ("The company bills itself as ...")."""
    if sentence.rstrip().endswith(":"):
        return True
    if any(not words.isdisjoint(lex.verbs[w].needs | lex.verbs[w].speech_with) for w in words & lex.paired):
        return True
    if words.isdisjoint(lex.noun_like_forms):
        return False
    if not words.isdisjoint(_DOCUMENT_FORMS) and _document_states().search(sentence) is not None:
        return True
    if bool(lex.noun_like_after_subject.search(sentence)) or _title_case_verb(sentence, lex):
        return True
    if lex.noun_like_in_clause.search(sentence) is not None:
        return True
    return any(m.group(1).lower() in lex.noun_like_forms for m in _BEFORE_REFLEXIVE.finditer(sentence))


def _title_case_verb(sentence: str, lex: Lexicon) -> bool:
    """'Bernie Sanders Promises Action On Immigration', 'Mayor Vows To Fight Cuts': in a Title-Case
    headline the noun-like verb after the name is capitalised, so the test above, written for
    running text, missed it and the headline was never parsed, though the parser sees it with its
    cue verbs lower-cased (`Lexicon.parser_form`); the same test on that form (recall8 audit of
    PolNeAR train, where the annotators mark such headlines)."""
    seen = lex.parser_form(sentence)
    return seen != sentence and bool(lex.noun_like_after_subject.search(seen))


# "The company bills itself as ...", "labels himself a ...": a noun-like verb form before a
# reflexive object is a verb whatever its subject (issue 14).
_BEFORE_REFLEXIVE = re.compile(r"\b([a-z]+)\s+(?:himself|herself|itself|themselves)\b")


def verb_rule(ctx: Context) -> Iterator[Attribution]:
    """Attributions whose cue is a verb from `cue_verbs.txt`, of the class its particle gives it
    ("points out" states, "points to" names a topic). The content is read as the verb's own
    class reads it: "pointed out with a telling side-by-side" keeps its "with" object."""
    verb = ctx.lex.verb(ctx.t.lower_)
    cls = verb.with_particles(c.lower_ for c in particles(ctx.t)).cls if verb and verb.particles else None
    spoken = _spoken(ctx, verb) if verb is not None and verb.speech_with else []
    for a in spoken or _verb_rule(ctx):
        if verb is not None and verb.inquiry and _open_question(ctx.p, a):
            continue
        yield replace(a, cls=cls) if cls is not None and not spoken else a
        proof = _as_proof(ctx.p, ctx.t, a)
        if proof is not None:
            yield proof


def _as_proof(p: Parsed, v: Token, a: Attribution) -> Attribution | None:
    """'The senator cited the audit as proof that the agency had wasted money' (issue 14): what the
    object is cited as proof, evidence or a sign of (`finding_nouns.txt`) is the subject's own
    statement; the object stays the cue's content of its own (a reason or a record, claims/)."""
    if a.source is None:
        return None
    objects = [c for c in v.children if c.dep_ == "dobj"]  # the parser may hang "as" on the object
    heads = [v, *objects]
    as_prep = next((c for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "as" and c.i > v.i), None)
    noun = next((c for c in as_prep.children if c.dep_ == "pobj"), None) if as_prep is not None else None
    if noun is None or noun.lower_ not in finding_nouns():
        return None
    clause = next((c for c in noun.children if c.dep_ in ("acl", "ccomp", "relcl") and c.i > noun.i), None)
    that = next((c for c in clause.children if c.dep_ == "mark" and c.lower_ == "that"), None) if clause else None
    content = p.span(that.i + 1, clause.right_edge.i) if clause is not None and that is not None else None
    if content is None:
        return None
    return replace(a, content=(content,), cls=CueClass.SPEECH, kind=quote_kind(p, content), mark=0)


def _spoken(ctx: Context, verb: CueVerb) -> list[Attribution]:
    """'The senator fired back that ...', '"...," she went on', 'She went on: "..."': a verb that,
    with its word (+speech=W) and a clause, quotation or colon passage, reports speech. Read as a
    speech verb taking only those; otherwise ("fired back at critics", "went on to win", "the
    strike went on for weeks") the verb keeps its own reading. Not a participle with no subject of
    its own: in "with Israel saying Hamas built it and the Indonesian government firing back that
    ..." (gold_fresh4a) the parser gave "firing" the subject of "built", and a wrong hop followed."""
    word = next((c for c in ctx.t.children if c.lower_ in verb.speech_with and c.dep_ in ("prt", "advmod")), None)
    if word is None or (ctx.t.tag_ == "VBG" and not any(c.dep_ == "nsubj" for c in ctx.t.children)):
        return []
    if ctx.t.i > 0 and ctx.t.text[0].isupper():
        return []  # "The Gap Goes On: It was under ...": a headline (PolNeAR dev), no one speaking
    if any(c.dep_ == "mark" and c.lower_ == "as" for c in ctx.t.children):
        return []  # "As the day went on, Trump offered ...": a time, not the host clause said (cue10)
    said = replace(verb, cls=CueClass.SPEECH, clause_only=True, prep=False, needs=frozenset(), particles=())
    cue = ctx.p.tokens([ctx.t, word])
    return [
        replace(a, cue=Span(min(a.cue.start, cue.start), max(a.cue.end, cue.end)) if cue else a.cue)
        for a in _verb_rule(ctx, said)
        if a.kind != "np" and not (a.content and _INFINITIVE.match(a.content[0].of(ctx.p.text)))
    ]


_INFINITIVE = re.compile(r"\s*(?:not\s+)?to\s", re.IGNORECASE)


_WH_WORDS = frozenset({"how", "why", "whether", "if", "who", "what", "where", "when", "which"})


def _open_question(p: Parsed, a: Attribution) -> bool:
    """'trying to determine how the blaze started', 'will determine whether ...': a verb of finding
    out (+inquiry) before a wh-word asks what is still unknown. On PolNeAR dev none of the five
    such "determine" relations the rule made was annotated."""
    words = a.content[0].of(p.text).split(maxsplit=1) if a.content else []
    return bool(words) and words[0].lower().strip("\"“‘'") in _WH_WORDS


def _verb_rule(ctx: Context, verb: CueVerb | None = None) -> Iterator[Attribution]:
    p, v, lex = ctx.p, ctx.t, ctx.lex
    verb = verb or lex.verb(v.lower_)
    if verb is not None and verb.cls in REPORTING and (not _verb_like(v) or _compound_subject(v)):
        aside = _misread_aside(p, v, verb)
        if aside is not None:
            yield aside
            return
    if verb is None or v.lower_ in CITING or not _verb_like(v):
        return
    if verb.perceives and _perceived_event(v):
        return  # "Rubio saw his support collapse": an event seen, no view held (cue_verbs.txt)
    light = [c for c in v.children if c.lower_ in verb.needs] or _word_in_clause(v, verb)
    if verb.needs and not light:
        yield from light_noun_object(p, v, lex)  # "made the case that ...", "took issue with X"
        return  # "made" without "clear", "hit" without "back"
    if light and all(_estimate_at(w) for w in light) and is_passive(v):
        return  # "could be put at risk": no estimate, and no passive cue either
    if _carried(v, lex):
        return  # the message object's verb takes this participle's content (content.carried_participle)
    opening = asked_opening(p, v, verb)
    if opening is not None:
        yield opening
        return
    question = asked_question(p, v, verb)
    if question is not None:
        yield question
        return
    reduced = reduced_label(p, v, verb)
    if reduced is not None:
        yield reduced
        return
    misread = _misread_participle(v)
    if is_passive(v) and misread is None:
        framed = quote_frame(p, v, verb) if _bare_participle(v) else None
        yield from [framed] if framed is not None else passive_cue(p, v, verb, lex)
        return
    speaker = shared_speaker(v, lex)
    # '"The stock hasn't done well," Mr. Rubel pointed out': beside a quotation the verb is of the
    # class its particle gives it ("point" names a topic, "point out" states; PolNeAR train audit)
    framed = (
        None
        if clause_around_quote(p, v, verb)
        else quote_frame(p, v, verb.with_particles(c.lower_ for c in particles(v)), speaker)
    )
    if framed is not None:
        yield lead_before_aside(p, v, framed)
        return
    if verb.framed and not opens_passage(v):
        return  # "The talks began in May": a cue only beside a quotation or before a colon
    if verb.raising:
        yield from raising_cue(p, v, verb)
        return
    how = _how_put(p, v, verb)
    if how is not None:
        yield how
        return
    inverted = _inverted_object(p, v, verb, lex)
    if inverted is not None:
        yield inverted
        return
    subject = misread or _heard_object(v, lex) or subject_of(p, speaker if speaker is not None else v)
    subject = subject or _name_read_as_modal(v)
    stranded = stranded_subject(p, v) if subject is None else None
    subject = subject or stranded
    modified = modifier_read_as_verb(v) if subject is None else None
    subject = subject or modified
    described = _described_subject(v) if subject is None else None
    if described is not None:
        yield from _described_source(p, v, verb, lex, described)
        return
    split = _split_inversion(p, v, verb, subject)
    if split is not None:
        yield split
        return
    if subject is None:
        yield from _tail_cue(p, v, verb)
        return
    if subject.lower_ in _NOT_SUBJECTS or (subject.lower_ in lex.non_sources and not _named_speaker(subject, verb)):
        return
    if subject.lower_ == "you" and not p.in_quote(subject):
        return  # "you can see why ...", "what do you expect?": the generic reader, no source
    if any(c.dep_ == "case" for c in subject.children) and v.tag_ == "VBN":
        return  # "The We Company's recently named executive chair": a possessor misparsed as a subject
    if _addressee_aside(subject, v):
        return  # "You know, when I said ...", "As you know, ...": a turn of speech to the hearer
    if (subject.lower_, v.lower_) in _IDIOMS and v.i + 1 < len(v.doc) and v.nbor(1).text == ",":
        return  # "That said, ...", "All told, ...": idioms for "even so", "in all", no attribution
    content = light_content(p, v, verb, light[0]) if light else verb_content(p, v, verb, lex)
    source = p.source_subtree(subject, v, without=[c for c in subject.children if _not_of_source(c, v)])
    if misread is not None and source is not None and source.start < p.char(v) < source.end:
        source = trim(p.text, Span(source.start, p.char(v)))  # the subject's clause holds the verb
    elif modified is not None and source is not None:
        source = trim(p.text, Span(source.start, p.char(v)))  # its misread modifier goes with it
    if content is None:
        yield from _tail_cue(p, v, verb)
        return
    if source is None:
        return
    if expletive(subject, v):
        source = None  # "it's hard to imagine ...": the writer's words, with no source
    fragments, kind, extra_cue = content
    if stranded is not None:
        fragments = _past_subject(p.text, fragments, source)
        if not fragments:
            return
    recaller = _misread_recaller(subject, lex)
    if recaller is not None and fragments:
        source = p.span(recaller.i + 1, subject.right_edge.i) or source
        yield from _recalled(p, recaller, subject.left_edge.i, source, fragments[-1], lex)
    yield Attribution(
        source=source,
        cue=p.tokens([v, *particles(v), *object_free(light), *extra_cue]) or p.bounds,
        content=fragments,
        sentence=p.bounds,
        cls=verb.cls,
        kind=kind,
        referent=referent_of(p, subject),
        via=tuple(via(p, v)),
        lemma=verb.lemma,
        pending=kind == "passage",
    )


def _perceived_event(v: Token) -> bool:
    """'Rubio saw his support collapse', 'went to see the senator speak': the verb's complement is
    a bare verb with a subject of its own and no "to" or "that", a small clause of perception. What
    was seen happened; no one is said to hold it true (PolNeAR train, cue14: none of the 7 such
    "see" relations was annotated). An -ing complement stays ("analysts see prices rising" is a
    forecast PolNeAR marks). The tagger may take the bare verb for a noun ("saw her support
    collapse": "collapse" a noun heading a clause); a clause with a noun for its head is that verb.
    Not under another verb ("would like to see him come around", "want to see prices fall"): a
    wish or an expectation of the event, which PolNeAR marks."""
    if v.dep_ == "xcomp":
        return False
    return any(
        c.dep_ in ("ccomp", "xcomp")
        and c.i > v.i
        and not any(g.dep_ in ("mark", "aux", "auxpass") for g in c.children)
        and (
            (c.tag_ == "VB" and any(g.dep_ == "nsubj" for g in c.children))
            or (c.dep_ == "ccomp" and c.tag_ in ("NN", "NNS"))
        )
        for c in v.children
    )


def _past_subject(text: str, fragments: tuple[Span, ...], source: Span | None) -> tuple[Span, ...]:
    """The content fragments without the source: the parser, which left the verb no subject
    (`stranded_subject`), made the clause holding it a complement before the verb. A fragment
    opening with the source is no content at all ("Sanders, meanwhile, who sits at zero
    endorsements, said that ...": "Sanders, meanwhile" read as what he said); one ending with it
    is the statement before its source ("Two emails ... were placed in storage, Patrick Kennedy,
    the undersecretary, wrote in a memo"). cue13 audit of PolNeAR train."""
    if source is None:
        return fragments
    kept = []
    for f in fragments:
        if not (f.start <= source.start and source.end <= f.end):
            kept.append(f)
        elif text[f.start : source.start].strip(" ,;:-—–("):
            kept.append(trim(text, Span(f.start, source.start)))
    return tuple(kept)


def _word_in_clause(v: Token, verb: CueVerb) -> list[Token]:
    """'The senator has made clear she will not back it': the light verb's adjective, right after
    it, hung by the parser on the reported clause that follows (`content._clause_beside_word`)."""
    if v.i + 1 >= len(v.doc):
        return []
    word = v.nbor(1)
    if word.lower_ not in verb.needs or word.tag_ != "JJ" or word.head.dep_ != "ccomp" or word.head.head.i != v.i:
        return []
    return [word]


def object_free(light: list[Token]) -> list[Token]:
    """The light words that join the cue: not a noun object, which is the content itself
    ("raised | concerns about X"), as for "voiced concerns about X", nor the "at" of an estimate
    inside its content ("put | his net worth at $45 billion")."""
    return [w for w in light if not (w.dep_ == "dobj" and w.tag_ in ("NN", "NNS")) and not _estimate_at(w)]


def _estimate_at(w: Token) -> bool:
    """The "at" of "put X at N" (`content._estimate`), a light word only in the active."""
    return w.dep_ == "prep" and w.lower_ == "at"


_COPULAS = frozenset({"is", "was", "'s", "’s", "are", "were"})


def _how_put(p: Parsed, v: Token, verb: CueVerb) -> Attribution | None:
    """'"A total disaster" was how the farmer described it', 'That is how she put it' (issue 14):
    the words before the copula are what the cue's subject said; the parser makes them the
    copula's subject and the cue a complement with "how" before it."""
    head = v.head
    if v.dep_ != "ccomp" or head.i > v.i or head.lower_ not in _COPULAS:
        return None
    if not any(c.lower_ == "how" and c.i < v.i for c in v.children):
        return None
    if verb.cls not in (CueClass.SPEECH, CueClass.STANCE) or not any(c.dep_ == "dobj" for c in v.children):
        return None  # "The flood was how the town learned about the dam": no words described
    subject = next((c for c in v.children if c.dep_ == "nsubj"), None)
    said = [t for t in v.doc[: head.i] if not t.is_punct]
    if subject is None or not said or (len(said) == 1 and said[0].lower_ in ("that", "this", "it", "which")):
        return None  # "That is how she put it": the words are in another sentence
    content, source = p.span(0, head.i - 1), p.source_subtree(subject, v)
    if content is None or source is None:
        return None
    return _reread(p, v, verb, source, (content,), referent_of(p, subject))


def _carried(v: Token, lex: Lexicon) -> bool:
    """Whether a participle's content is carried by a message object of the verb above it
    ("released a statement condemning X": "condemning" is part of the release's cue)."""
    if v.tag_ != "VBG" or v.dep_ not in ("acl", "advcl", "xcomp"):
        return False
    outer = v.head.head if v.dep_ == "acl" else v.head
    obj = v.head if v.dep_ == "acl" else next((c for c in outer.children if c.dep_ == "dobj" and c.i < v.i), None)
    if obj is None or obj.dep_ != "dobj" or obj.head.i != outer.i:
        return False
    verb = lex.verb(outer.lower_)
    return verb is not None and carried_participle(outer, verb, obj, lex) is not None


def _misread_recaller(subject: Token, lex: Lexicon) -> Token | None:
    """'The ex-staffer recalled Morales mentioning that ...': the tagger read the finite cue
    "recalled" as a modifier of "Morales" and made "mentioning" the sentence's verb, so the whole
    "The ex-staffer recalled Morales" came out as one source (issue 14 audit). A past-tense cue
    verb before the subject's head that has a subject of its own is that misread verb."""
    for c in subject.children:
        verb = lex.verb(c.lower_) if c.i < subject.i and c.tag_ == "VBD" and c.dep_ == "amod" else None
        if verb is not None and verb.cls in REPORTING and any(g.dep_ == "nsubj" for g in c.children):
            return c
    return None


def _recalled(
    p: Parsed, recaller: Token, first: int, inner: Span | None, last: Span, lex: Lexicon
) -> Iterator[Attribution]:
    """The misread cue's own attribution: its subject (from `first`, where the parser hung its
    "The" on the inner speaker) reports the inner speaker's saying."""
    who = next(g for g in recaller.children if g.dep_ == "nsubj")
    verb = lex.verb(recaller.lower_)
    source = p.span(min(first, who.left_edge.i), recaller.i - 1)
    start = p.doc[0].idx if inner is None else inner.start
    if verb is None or source is None or inner is None or last.end <= start:
        return
    content = Span(start, last.end)
    yield Attribution(
        source=source,
        cue=p.tokens([recaller]) or p.bounds,
        content=(content,),
        sentence=p.bounds,
        cls=verb.cls,
        kind=quote_kind(p, content),
        lemma=verb.lemma,
    )


def _heard_object(v: Token, lex: Lexicon) -> Token | None:
    """The speaker of a participle on a cue verb's object ("recalled Lopez saying that ..."):
    that object, not the verb's subject, who only recalls it (content.heard_speaker)."""
    if v.tag_ != "VBG" or v.dep_ not in ("advcl", "xcomp"):
        return None
    heard = heard_speaker(v.head, lex)
    if heard is None or heard.i != v.i:
        return None
    return next(c for c in v.head.children if c.dep_ == "dobj" and c.i > v.head.i)


def _described_subject(v: Token) -> Token | None:
    """'One study published this May in JAMA Pediatrics found that ...': the tagger read the
    subject's participle ("published") as the sentence's verb and left the real one ("found")
    hanging off it as an unlabelled dependent (issue 14). The participle's subject is the cue's."""
    head = v.head
    if v.dep_ != "dep" or head.i > v.i or head.dep_ != "ROOT" or head.tag_ not in ("VBD", "VBN"):
        return None
    if any(c.dep_ in ("nsubj", "aux", "auxpass") for c in v.children):
        return None
    if not any(c.dep_ == "ccomp" and c.i > v.i for c in v.children):
        return None  # only a reported clause shows the second verb is the sentence's own
    return next((c for c in head.children if c.dep_ == "nsubj" and c.i < head.i), None)


def _described_source(p: Parsed, v: Token, verb: CueVerb, lex: Lexicon, subject: Token) -> Iterator[Attribution]:
    """The attribution of a cue whose subject carries a participle the parser read as the verb:
    the source is the whole described subject ("One study published ... in JAMA Pediatrics")."""
    content, source = verb_content(p, v, verb, lex), p.span(subject.left_edge.i, v.i - 1)
    if content is None or source is None:
        return
    fragments, kind, extra_cue = content
    yield Attribution(
        source=source,
        cue=p.tokens([v, *particles(v), *extra_cue]) or p.bounds,
        content=fragments,
        sentence=p.bounds,
        cls=verb.cls,
        kind=kind,
        lemma=verb.lemma,
    )


def _not_of_source(child: Token, v: Token) -> bool:
    """A subject's child that is no part of the source's name: its "citing", the cue itself, or
    a twin participle phrase ending right before "and" and the cue ("Reyes's tweet calling her
    “rude” and implying ...": the source is the tweet, not the tweet calling her rude)."""
    joined = child.i < v.i <= child.right_edge.i + 3 and v.nbor(-1).lower_ == "and"
    twin = joined and child.dep_ == "acl" and child.tag_ == "VBG"
    return child.lower_ in CITING or child.i == v.i or twin


def _bare_participle(v: Token) -> bool:
    """'"What if ...?" the 43-year-old asked': a past form the tagger read as a participle on the
    speaker (no auxiliary, no passive subject), which a quotation just before may show is a verb."""
    return not any(c.dep_ in ("auxpass", "nsubjpass", "agent") for c in v.children) and v.head.i < v.i


def _split_inversion(p: Parsed, v: Token, verb: CueVerb, subject: Token | None) -> Attribution | None:
    """'The contrast with Trump, said Doyle and others, would be stark': an inverted cue between
    commas inside the statement. The parser makes the statement's subject the verb's and the
    speaker the subject of the rest; the speaker is the one after the verb."""
    if subject is None or verb.cls not in REPORTING or v.i == 0 or v.nbor(-1).text != ",":
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
    return t.tag_ in _TAIL_SOURCE_TAGS or t.dep_ == "compound" or t.lower_ in _closing_documents()


def _tail_modifier(t: Token) -> bool:
    """A word inside a short source name that the parser read as a verb or a conjunction
    ("fundraising documents", "campaign and corporate records")."""
    return t.lower_ == "and" or (t.tag_ in ("VBG", "VBN") and t.i + 1 < len(t.doc) and t.nbor(1).tag_.startswith("NN"))


# The finite forms of the verbs records and studies report with ("records show", "the study
# found"): only these are read as verbs at a sentence's end against the parse.
_FINDING_FORMS = frozenset(
    {"show", "shows", "showed", "find", "finds", "found", "suggest", "suggests", "suggested"}
    | {"indicate", "indicates", "indicated", "reveal", "reveals", "revealed"}
)


def _agreeing_tail(v: Token, words: list[Token], document: bool = False) -> bool:
    """'..., campaign finance records show.', '..., a USA TODAY analysis shows.': a report verb the
    parser hung on the sentence as a noun or a clause of its own, read as a verb when the noun
    before it agrees with it as a subject would (a plural before "show", a singular before
    "shows", any before "found"), so that '..., during the talk show.' stays a noun. PolNeAR
    train: such closing records and analyses had no attribution in 4 articles."""
    last = words[-1]
    forms = _FINDING_FORMS | _DOCUMENT_FORMS if document else _FINDING_FORMS
    misread = document and last.lower_ in _closing_documents() and last.tag_ == "VBZ"  # "documents"
    if not (last.tag_.startswith("NN") or misread) or words[0].lower_ == "and" or v.lower_ not in forms:
        return False  # ", the Gulf States.", ", bad voter lists.": nouns, not verbs of finding
    plural = last.tag_ in ("NNS", "NNPS") or misread
    if v.tag_ == "VBD" or v.lower_.endswith("ed"):  # a past form (the parse has no lemmas to compare)
        return True
    return plural != v.lower_.endswith("s")


# "states" after a document ("..., the DOJ release states."): a verb only there, where "..., the
# Gulf States." is a noun (PolNeAR train: both closing "the document states", "a voice-over in
# the ad states" are gold cues, neither was read).
_DOCUMENT_FORMS = frozenset({"state", "states", "stated"})
# How far back the comma before a closing source may be: a short name ("campaign finance records",
# 8 tokens at most) or a document with what qualifies it ("Federal Election Commission records
# compiled by the Center for Responsive Politics", 15 tokens).
_TAIL_WORDS, _TAIL_REACH = 8, 17
# What may follow a document's head inside a closing source: who made it or where it is from.
_DOCUMENT_POSTMODIFIERS = frozenset({"by", "from", "of", "in", "on", "for"})


def _document_head(words: list[Token]) -> Token | None:
    """The head of a closing document with a qualifier ("records compiled by the group", "tallies
    by Kantar Media's analysts", "the memo from the agency"): the first document noun
    (`_closing_documents`) after source words only, followed by a preposition of making or
    origin or a participle with one. The parser read "group show" as a
    compound and the finding was lost (PolNeAR train: 3 such closing sources in 3 articles)."""
    for i, t in enumerate(words):
        if t.lower_ in _closing_documents() and i + 1 < len(words):
            after = words[i + 1]
            made = after.tag_ == "VBN" and i + 2 < len(words) and words[i + 2].lower_ in ("by", "from")
            return t if after.lower_ in _DOCUMENT_POSTMODIFIERS or made else None
        if not (_tail_source_word(t) or _tail_modifier(t)):
            return None
    return None


@cache
def _closing_documents() -> frozenset[str]:
    """Document and finding nouns with their plurals (the lists hold "tally", the text "tallies")."""
    words = finding_sources() | frozenset(load_json("claim_kinds.json")["documents"])
    return frozenset(words | {w[:-1] + "ies" if w.endswith("y") else w + "s" for w in words})


@cache
def _document_states() -> re.Pattern[str]:
    """'..., the document states.', '..., the memo from the agency states.': a document noun (and
    who made it) before "state(s)", which as a noun-like form
    ("the Gulf States") is no scan form, so the sentence never reached `misparsed_tail`."""
    nouns = "|".join(sorted(_closing_documents(), key=len, reverse=True))
    made = r"(?:\s+(?:\w+ed\s+)?(?:by|from|of|in|on|for)\s+[^,.;:]{1,60}?)?"  # "the memo from the agency"
    return re.compile(rf"\b(?:{nouns}){made}\s+(?:also\s+)?(?:state|states|stated)\b", re.IGNORECASE)


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
    if verb is None or verb.cls not in REPORTING or verb.framed or v.tag_ in ("VBG", "VBN"):
        return  # a +framed verb ("..., he laughed.") is a cue only beside a quotation or a colon
    if any(a.cue.start <= p.char(v) < a.cue.end for a in found):
        return
    comma = next((i for i in range(end - 1, max(end - _TAIL_REACH, 0), -1) if doc[i].text == ","), None)
    if comma is None or comma < 3 or end - comma < 2:
        return
    words = list(doc[comma + 1 : end])
    head = _document_head(words)
    if head is not None:  # "records compiled by the group": the document agrees with the verb
        words = words[: words.index(head) + 1]
    elif end - comma > _TAIL_WORDS:
        return
    document = head is not None or words[-1].lower_ in _closing_documents()
    if v.dep_ not in ("ROOT", "relcl") and not _agreeing_tail(v, words, document):
        return
    if not all(_tail_source_word(t) or _tail_modifier(t) for t in words):
        return
    source, content = p.span(comma + 1, end - 1), p.span(0, comma - 1)
    if source is not None and content is not None and any(t.tag_.startswith("VB") for t in doc[:comma]):
        yield _reread(p, v, verb, source, (content,))


# Words a share of respondents opens with ("Two-thirds", "81 percent of Democrats", "Most",
# "One in five"), past a hedge ("about", "more than"), and the participles that may follow the
# people it counts ("the senators surveyed").
_SHARE_WORDS = frozenset({"most", "majority", "majorities", "half", "two-thirds", "three-quarters", "plurality"})
_SHARE_HEDGES = frozenset({"about", "some", "nearly", "almost", "roughly", "only", "just", "over", "under", "a", "the"})
_SHARE_HEDGES |= frozenset({"more", "fewer", "less", "than", "vast", "slim", "narrow", "clear", "large"})
_POLLED = frozenset({"surveyed", "polled", "questioned", "interviewed", "voting", "asked"})
# What ends the phrase before the verb on its left: a clause's start ("found that", ", and").
_SHARE_STOPS = frozenset({",", ";", ":", "that", "and", "but", "while", "—", "–", "(", "“", '"', "to"})
# What may open the object of a stance verb, not of a noun ("36 percent support among women").
_OBJECT_TAGS = frozenset({"DT", "NNP", "NNPS", "NN", "NNS", "PRP", "PRP$", "VBG", "JJ", "CD", "RB", "IN"})
_NOUN_PREPS = frozenset({"for", "among", "from", "in", "of", "on", "at", "with", "to", "by", "followed"})
_OF_OBJECT = frozenset({"approve", "disapprove"})  # "81 percent of Democrats approve of Obama"


def misread_share_verb(ctx: Context) -> Iterator[Attribution]:
    """'Two-thirds support reducing the sentences', 'Majorities across the spectrum favor granting
    ...', 'One in five say that won't be true', '81 percent of Democrats approve of Obama': after a
    share of respondents the small model reads the plural verb as a noun ("Two-thirds support")
    or as part of the subject, and the poll finding was lost (verb11 audit of PolNeAR train: 8
    findings in 8 articles no rule read, 7 of them gold cues). A bare cue verb form right after a
    phrase that opens with a share and holds no verb, followed by an object, is the verb; the
    content runs to the comma."""
    p, lex = ctx.p, ctx.lex
    for t in _share_forms(p):
        verb = lex.verb(t.lower_)
        if verb is None or p.in_quote(t):
            continue
        if t.i == 0 or verb.noun_like or t.dep_ == "compound" or not t.text.islower() or t.nbor(-1).lower_ == "to":
            continue  # "most state senators", "Buckeye State voters", "inclined to say"
        if any(a.cue.start <= p.char(t) < a.cue.end for a in ctx.found):
            continue
        found = _share_finding(p, t, verb)
        if found is not None and not any(
            found.content[0].start <= a.cue.start < found.content[0].end for a in ctx.found
        ):
            yield found  # (a cue in its content was read without it: "they want" in "say they want ...")


_SHARE_CLASSES = frozenset({CueClass.SPEECH, CueClass.BELIEF, CueClass.STANCE, CueClass.INTENT})


def _share_forms(p: Parsed) -> list[Token]:
    """The tokens `misread_share_verb` reads, the bare forms of verbs of its classes, picked by
    their words: a look at every token's verb cost 3% of the rules' time on PolNeAR dev (speed12)."""
    share = _share_lemmas()
    return [] if p.words.isdisjoint(share) else [p.doc[i] for i, w in enumerate(p.lowers) if w in share]


@cache
def _share_lemmas() -> frozenset[str]:
    """The bare forms of the cue verbs of `_SHARE_CLASSES`."""
    return frozenset(f for f, v in lexicon().verbs.items() if f == v.lemma and v.cls in _SHARE_CLASSES)


def _share_finding(p: Parsed, v: Token, verb: CueVerb) -> Attribution | None:
    """The finding of a share read past the misparse (`misread_share_verb`), or None."""
    doc = v.doc
    if doc[v.i - 1].tag_ in ("POS", "PRP$", "DT", "JJ"):
        return None  # "a 2015 inspector general's report concerning ...": a noun after its possessor
    start = v.i
    while start > 0 and doc[start - 1].lower_ not in _SHARE_STOPS and not _finite_here(doc[start - 1]):
        start -= 1
    words = [t for t in doc[start : v.i] if t.lower_ not in _SHARE_HEDGES]
    if not words or not (words[0].like_num or words[0].lower_ in _SHARE_WORDS):
        return None
    if any(t.lower_ in ("who", "whom", "which", "whose") or t.is_quote for t in doc[start : v.i]):
        return None  # "the vast majority of whom support Clinton": a relative pronoun is no source
    first = v.i + 1
    if first + 1 < len(doc) and doc[first].lower_ == "of" and v.lower_ in _OF_OBJECT:
        first += 1  # "approve of Obama"
    elif first + 1 < len(doc) and doc[first].lower_ == "at" and doc[first + 1].lower_ in ("least", "most"):
        pass  # "support at least lowering the number"
    elif first >= len(doc) or doc[first].tag_ not in _OBJECT_TAGS or doc[first].lower_ in _NOUN_PREPS:
        return None  # "36 percent support among women": the noun
    end = next((t.i for t in doc[first:] if t.text in (",", ";") and not p.in_quote(t)), len(doc)) - 1
    while end > first and (doc[end].is_punct or doc[end].is_space):
        end -= 1
    source, content = p.span(start, v.i - 1), p.span(first, end)
    if source is None or content is None:
        return None
    return _reread(p, v, verb, source, (content,))


def _finite_here(t: Token) -> bool:
    """A finite verb that ends the share phrase on its left ("The poll found 43% support ..."),
    but not a participle on the people counted ("the senators surveyed")."""
    return t.tag_ in TENSED_TAGS and t.lower_ not in _POLLED


# What may follow a cue verb that closes its sentence: its inverted subject, adverbs, times.
_CLOSING_DEPS = frozenset({"nsubj", "punct", "advmod", "npadvmod", "neg", "prt"})
_CLOSING_PREPS = frozenset({"in", "on", "at", "by", "during", "after", "before", "from", "via", "to"})
_SUBORDINATORS = frozenset(
    {"when", "as", "if", "because", "after", "before", "while", "although", "though", "since", "until", "once"}
)


def _name_read_as_modal(v: Token) -> Token | None:
    """'Will wrote that ...', '"...," May told reporters': a surname spelled like a modal is
    read as the cue's auxiliary (tagged MD, or NNP with the aux relation), so the cue has no
    subject. A modal never stands before a past tense, so a capitalised "modal" right before a
    past-tense cue is its speaker's name."""
    if v.tag_ != "VBD" or v.i == 0:
        return None
    before = v.doc[v.i - 1]
    if before.tag_ not in ("MD", "NNP") or before.dep_ != "aux" or before.head.i != v.i:
        return None
    if not before.text[:1].isupper() or before.text.isupper():
        return None
    return before


def _named_speaker(subject: Token, verb: CueVerb) -> bool:
    """Whether an idiom word of `non_sources.txt` with words of its own before a speech cue names
    a speaker: "legend has it", "tradition says" are idioms with no one speaking, but "the NFL
    legend said", "a legend told" name a person (PolNeAR train). Speech cues only: in the train
    dump "made it a custom not to support" and "his plan calls for" became wrong stance sources."""
    return verb.cls == CueClass.SPEECH and any(c.dep_ in _NAMING_MODIFIERS for c in subject.children)


# What, hung on a subject's head, makes it a noun phrase naming someone rather than an idiom's word.
_NAMING_MODIFIERS = frozenset({"det", "poss", "amod", "compound", "nummod", "appos"})


def _tail_cue(p: Parsed, v: Token, verb: CueVerb) -> Iterator[Attribution]:
    """'X marched in the parade, CNN reported.', '..., said Geert Wilders, founder of ...': a
    speech verb closing the sentence after a comma, with no complement the parser found (it hung
    the clause before the comma on the verb as something else): that clause is the content."""
    if verb.cls not in REPORTING or not _closing_verb(v):
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
    while j >= 0 and quote_mark(doc[j]):
        j -= 1
    if j < 2 or doc[j].text != "," or not (j >= 6 or any(t.tag_.startswith("VB") for t in doc[:j])):
        return  # "After the meeting, he said.": no clause before the comma
    if _own_setting(doc[:j], v):
        return  # "On Friday morning, the third day of his swing, Johnson told a joke."
    content, source = p.span(0, j - 1), p.source_subtree(subject, v)
    if content is None or source is None or doc[0].lower_ in _SUBORDINATORS:
        return  # "When I got word ..., I thought": an adverbial clause, not what was said
    yield _reread(p, v, verb, source, (content,), referent_of(p, subject))


# How the pieces of a fronted phrase hang on the cue verb when they only set its scene: a time or
# a place ("On Friday morning", "the third day of his swing"), "but", a participle ("held along
# the border").
_SETTING_DEPS = frozenset({"prep", "npadvmod", "advmod", "advcl", "cc", "punct"})
_FINITE_OR_MODAL = frozenset({*FINITE_TAGS, "MD"})


def _own_setting(fronted: TokenSpan, v: Token) -> bool:
    """'In the final Mass of his trip, held along the border, Francis told the story of Nineveh',
    'On Friday morning, the third day of his swing, Johnson told a joke': words before the cue's
    subject with no finite verb, each piece hung on the cue verb as an adverbial, say when and
    where it spoke, not what it said. The closing-cue reading took them for the content (side9
    audit of PolNeAR train: 5 such contents in 5 articles, none right; the one verbless fronted
    content that was right, "The rejection of the treaty signals ...", hangs elsewhere)."""
    if any(t.tag_ in _FINITE_OR_MODAL for t in fronted):
        return False
    inside = range(fronted.start, fronted.end)
    tops = [t for t in fronted if t.head.i not in inside or t.head.i == t.i]
    return all(t.head.i == v.i and t.dep_ in _SETTING_DEPS for t in tops)


def _inverted_object(p: Parsed, v: Token, verb: CueVerb, lex: Lexicon) -> Attribution | None:
    """'..., reported Euro News.', '..., reported the BBC.': an inverted report verb closing the
    sentence, whose speaker the parser read as its object (and took a date, "Earlier this month",
    or the clause's subject, "the state", as the speaker; issue 14). A verb right after a comma,
    with no subject of its own and a name as its last word, has that name as its source and
    the clause before the comma as its content. A participle is never inverted: in "..., noting
    his remarks to a radio host" the object is what is noted, the sentence's subject notes
    (PolNeAR train audit, 2 of 160 articles: "noting her comments", "recalling a false report"
    were shown as the first hop, ahead of the speaker)."""
    if verb.cls not in REPORTING or verb.addressee or v.i < 3 or v.nbor(-1).text != "," or v.tag_ == "VBG":
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass") or (c.dep_ in ("ccomp", "xcomp") and c.i > v.i) for c in v.children):
        return None
    obj = next((c for c in v.children if c.dep_ == "dobj" and c.i > v.i), None)
    doc = v.doc
    if obj is None or not all(t.is_punct or t.is_space for t in doc[obj.right_edge.i + 1 :]):
        return None  # "..., reported the incident to police": an object with more to come
    if any(c.i > v.i and c.i != obj.i and not c.is_punct for c in v.children):
        return None
    if not any(t.tag_ in ("NNP", "NNPS") for t in obj.subtree) and obj.lower_ not in lex.people:
        return None  # a name or a word for people ("reported the newspaper"), not "reported losses"
    comma = v.i - 1
    if not any(t.tag_.startswith("VB") for t in doc[:comma]) or doc[0].lower_ in _SUBORDINATORS:
        return None
    source, content = p.subtree(obj), p.span(0, comma - 1)
    return _reread(p, v, verb, source, (content,)) if source is not None and content is not None else None


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


def generic_rule(ctx: Context) -> list[Attribution]:
    """'Trump quipped that ...': a verb outside the lexicon, a person-like subject and a that-clause.

    Such verbs report speech or thought often enough to count as attributions ("generic"
    class), but never make claims or hops: the lexicon decides what is a claim. (A function, not
    a generator: it runs on every token no other rule takes, and nearly all leave at once.)
    """
    p, v, lex = ctx.p, ctx.t, ctx.lex
    if not v.tag_.startswith("VB") or v.lower_ in lex.not_cues or p.in_quote(v):
        return []
    clause = next((c for c in v.children if c.dep_ == "ccomp" and c.i > v.i and that_marked(c)), None)
    subject = next((c for c in v.children if c.dep_ == "nsubj"), None) if clause is not None else None
    if clause is None or subject is None or not _person_like(subject, lex):
        return []
    source, content = p.subtree(subject), p.subtree(clause)
    if not (source and content):
        return []
    cue = p.tokens([v, *particles(v)]) or p.bounds
    return [Attribution(source, cue, (content,), p.bounds, cls=CueClass.GENERIC, lemma=v.lower_)]


def _person_like(token: Token, lex: Lexicon) -> bool:
    if token.tag_ == "PRP":
        return token.lower_ in ("he", "she", "they", "i", "we")
    return token.tag_ in ("NNP", "NNPS") or token.lower_ in lex.people


def _misread_participle(v: Token) -> Token | None:
    """'One lawmaker called Trump "the orange prince"': the tagger read "called" as a participle
    modifying the subject, leaving the sentence without a verb. The noun it hangs on is the subject."""
    head = v.head
    if v.tag_ != "VBN" or any(c.dep_ in ("auxpass", "agent") for c in v.children):
        return None
    if not any(c.dep_ in ("dobj", "oprd", "ccomp") and c.i > v.i for c in v.children):
        return None
    if v.dep_ in ("acl", "advcl") and head.i < v.i and head.dep_ == "ROOT" and head.tag_.startswith("NN"):
        return head
    return _verbless_subject(v)


def _verbless_subject(v: Token) -> Token | None:
    """The same misreading further from the subject (recall9 audit of PolNeAR train): 'Speaker Paul
    Ryan, the party's leader, on Tuesday called the remarks “racist”' (a relative clause of the
    name), 'Stuart Stevens, who served as chief strategist during the campaign, called the
    statements “childish”' (a participle of the last noun of the subject's own relative clause,
    after a comma), '...; one lawmaker called him “the orange prince”' (a participle of the noun
    opening the clause after a semicolon). In the first two the sentence has no verb at all, its
    root is the name; a participle with no subject of its own and an object is its verb."""
    head, root = v.head, v.sent.root
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in v.children) or not head.tag_.startswith("NN"):
        return None
    if root.tag_.startswith("NN") and root.i < v.i:
        if v.dep_ == "relcl" and head.i == root.i:
            return root
        if v.dep_ == "acl" and v.nbor(-1).text == "," and head.i != root.i and root in head.ancestors:
            return root
    opening = head.left_edge.i
    if v.dep_ == "acl" and head.i == v.i - 1 and opening > 0 and v.doc[opening - 1].text == ";":
        return head
    return None


# Words of a plain noun phrase: the source of a parenthetical "X show," read as a compound noun.
_PHRASE_TAGS = frozenset({"DT", "JJ", "NN", "NNS", "NNP", "NNPS", "POS", "CD", "HYPH", "PRP$"})
MAX_ASIDE_SOURCE = 6


def _misread_aside(p: Parsed, v: Token, verb: CueVerb) -> Attribution | None:
    """'During that stretch, F.A.A. records show, the jet flew 216 hours', '... in 2011, records
    show.': a reporting verb set off by commas after a bare noun phrase, which the parser read as
    the last word of a compound noun ("records show" as one noun), so no rule saw a verb (recall8
    audit of PolNeAR train). Only where number marks a verb: the bare form after a plural ("records
    show"), the -s form after a singular ("the survey shows"); "the talent show," is a noun."""
    doc = v.doc
    after = doc[v.i + 1] if v.i + 1 < len(doc) else None
    if after is None or after.text not in (",", ".", ";") or not v.text.islower():
        return None  # "... and Muslim Voices.": a capitalised word is part of a name
    first = v.i
    while first > 0 and doc[first - 1].tag_ in _PHRASE_TAGS and v.i - first < MAX_ASIDE_SOURCE:
        first -= 1
    head = doc[v.i - 1] if v.i > 0 else None
    if head is None or first == v.i or (first > 0 and doc[first - 1].text != ","):
        return None
    if not (head.tag_ in ("NNS", "NNPS") and not v.lower_.endswith("s")) and not (
        head.tag_ in ("NN", "NNP") and v.lower_.endswith("s")
    ):
        return None
    before = p.span(0, first - 2) if first > 1 else None
    go_on = after.text == "," and after.i + 1 < len(doc) and doc[after.i + 1].tag_ != "CC"
    rest = p.span(after.i + 1, len(doc) - 1) if go_on else None  # ", and experts say ...": a clause of its own
    fragments = tuple(f for f in (before, rest) if f is not None)
    source = p.span(first, v.i - 1)
    if not fragments or source is None or not any(t.tag_.startswith("VB") and t.i != v.i for t in doc):
        return None
    return Attribution(
        source=source,
        cue=p.tokens([v]) or p.bounds,
        content=fragments,
        sentence=p.bounds,
        cls=verb.cls,
        kind="clause",
        lemma=verb.lemma,
    )


def _compound_subject(v: Token) -> bool:
    """'F.A.A. records show,': the subject hung on the verb as a compound, the verb tagged a verb."""
    return v.i > 0 and v.doc[v.i - 1].dep_ == "compound" and v.doc[v.i - 1].head.i == v.i


def _verb_like(v: Token) -> bool:
    # The tagger reads "says"/"claims" as plural nouns now and then; a root noun with a
    # subject is a verb in disguise.
    return (
        v.tag_.startswith("VB")
        or (v.dep_ == "ROOT" and any(c.dep_ == "nsubj" for c in v.children))
        or _past_after_quote(v)
    )


_CLOSING_MARKS = frozenset({"”", '"', "''", "’"})


def _past_after_quote(v: Token) -> bool:
    """'“...,” the ex-associate recalled.': after a quotation and a short source, a past form
    ending the sentence is its cue, though the tagger read it as a noun ("associate recalled",
    gold_fresh5a: the quotation was no one's)."""
    past = v.lower_.endswith("ed") or v.lower_ in ("said", "told", "wrote")
    ends = v.i + 1 == len(v.doc) or v.nbor(1).is_punct or v.nbor(1).tag_ == "IN"
    recent = v.doc[max(0, v.i - 8) : v.i]
    return past and ends and v.tag_.startswith(("NN", "JJ")) and any(t.text in _CLOSING_MARKS for t in recent)
