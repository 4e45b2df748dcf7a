"""The content of an active cue verb: a reported clause, a quotation, an object, a topic.

"X said (that) ...", "The talks failed, the minister said", "The troops, he said, are tired",
"told reporters that ...", "said in a statement that ...", "called X a liar", "called for a ban",
"made it clear that ...", "as X said, ...", "X wrote:" (the content follows the colon, filled in
later by `quotes.py`). Each reader returns the content fragments, what they are (clause, np,
quote, passage) and words to add to the cue.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING

from tracer.datafiles import load_lines
from tracer.models import CueClass
from tracer.parse.attribution.cues import NAMING, REPORTING, CueVerb, Lexicon, lexicon
from tracer.parse.attribution.frames import MAX_SOURCE_TOKENS
from tracer.parse.attribution.grammar import (
    FINITE_TAGS,
    OBJECT_DEPS,
    TENSED_TAGS,
    a_while,
    has_subject,
    has_that,
    no_reason,
    quote_left_open,
    relative_subject,
)
from tracer.parse.attribution.phrases import according_idiom, own_owner
from tracer.parse.attribution.spans import Attribution, Parsed
from tracer.parse.attribution.spans import quote_kind as quote_kind_of
from tracer.parse.claims.people import role_words
from tracer.text import Span
from tracer.words import MONTH_NAMES, WEEKDAYS

if TYPE_CHECKING:  # spaCy is imported only when a text is parsed (nlp.py)
    from spacy.tokens import Doc, Token

_CLAUSE_DEPS = frozenset({"ccomp"})
_ADDRESSEE_PREPS = frozenset({"to", "with"})
_CONTENT_PREPS = frozenset({"about", "of", "on", "for", "against", "to", "over", "at", "as", "into", "with"})
_QUOTE_MARKS = frozenset({'"', "“", "”", "'", "‘", "’", "''", "``"})
# Any speech verb may take what it is about as a prepositional object ("joked about ...").
_SPEECH_PREPS = frozenset({"about", "of", "on", "against", "over"})
# Speech verbs whose "to" object is what they answer, not a hearer ("responded to the remarks").
_ANSWER_VERBS = frozenset({"respond", "reply", "admit", "object", "react", "testify", "confess"})
_WH_DEPS = frozenset({"dobj", "dative", "attr", "pobj"})
_WH_OBJECTS = frozenset({"what", "which", "whom", "whatever"})
_PLACEHOLDERS = frozenset({"following", "statement", "this", "message", "note", "post", "tweet", "letter"})
_NOT_CONTENT_TAGS = frozenset({"PRP", "WP", "WDT", "EX", "DT"})
_ADJUNCT_DEPS = frozenset({"npadvmod", "prep", "pobj", "det", "amod", "compound", "nummod", "advmod", "poss", "case"})
# Prepositions that set a time or place, never part of an object content ("endorsed X in May").
_SETTING_PREPS = frozenset({"at", "during", "after", "before", "since", "until", "ahead", "amid", "throughout"})
_TIME_WORDS = frozenset({*WEEKDAYS, "today", "tonight", "election"})
# The times among `in_setting_nouns.txt` ("in the past", "in May").
_IN_TIMES = frozenset(
    {
        *MONTH_NAMES,
        "past",
        "year",
        "years",
        "month",
        "months",
        "week",
        "weeks",
        "morning",
        "afternoon",
        "evening",
        "night",
    }
)
_DAY_WORDS = frozenset({*WEEKDAYS, "today", "tonight", "yesterday", "midnight", "noon"})
# Classes whose "to ..." complement is content ("wants to", "urged X to", "promised to").
_INFINITIVE_CLASSES = frozenset({CueClass.INTENT, CueClass.BELIEF, CueClass.SPEECH, CueClass.STANCE, CueClass.QUESTION})
Content = tuple[tuple[Span, ...], str, list["Token"]]


def light_content(p: Parsed, v: Token, verb: CueVerb, word: Token) -> Content | None:
    """The content of a light verb with its word: "made it clear that ...", "took aim at X",
    "went after X", "as X put it, ..." (the host clause), "raised concerns about X" (the noun
    object itself, as "voiced concerns about X": what the source put forward; a bare noun, "when
    they raised concerns", says nothing and is none)."""
    if word.dep_ == "dobj" and word.tag_ in ("NN", "NNS"):
        if not any(c.i > word.i for c in word.children):
            return _prep_after(p, v, word) if verb.prep else None
        span = p.subtree(word)
        return ((span,), "np", []) if span else None
    if word.dep_ == "prep" and word.lower_ == "at":
        return _estimate(p, v, word)
    clause = next((c for c in word.children if c.dep_ in ("ccomp", "advcl", "xcomp") and c.i > word.i), None)
    clause = clause or _clause_beside_word(v, word)
    if clause is not None:
        first = word.i + 1 if clause.left_edge.i <= word.i < clause.i else clause.left_edge.i
        span = p.span(first, clause.right_edge.i)  # "made clear she will ...": "clear" hung inside
        return ((span,), quote_kind(p, span), []) if span else None
    target = next((c for c in word.children if c.dep_ == "pobj"), None)  # "went after X"
    if target is not None:
        span = p.subtree(target)
        return ((span,), "np", []) if span else None
    if v.dep_ == "advcl" and _as_mark(v) is not None:
        host = _host_clause(p, v)
        return (host[0], host[1], [c for c in v.children if c.dep_ == "mark"]) if host else None
    return _prep_content(p, v, verb)


_CLOCK = frozenset({"a.m.", "p.m.", "am", "pm", "o'clock", "o’clock", "gmt", "utc", "et", "pt"})


def _prep_after(p: Parsed, v: Token, word: Token) -> Content | None:
    """'Biden took aim at the plan': the parser hangs "at" on the verb, not on "aim"; its object is
    the content and the preposition joins the cue (before, the relation was lost: recall8 audit of
    PolNeAR train, "took aim at" in 4 articles). Only for a light verb that takes a prepositional
    content (+prep); "raised concerns during the meeting" names no topic."""
    prep = next((c for c in v.children if c.dep_ == "prep" and c.i == word.i + 1), None)
    target = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    span = p.subtree(target) if target is not None else None
    return ((span,), "np", [prep]) if span and prep is not None else None


def _estimate(p: Parsed, v: Token, at: Token) -> Content | None:
    """'Forbes put his net worth at $45 billion': the object and its figure are the estimate,
    "his net worth at $45 billion". Only a figure: "puts children at risk" estimates nothing."""
    obj = next((c for c in v.children if c.dep_ == "dobj" and c.i < at.i), None)
    figure = next((c for c in at.children if c.dep_ == "pobj"), None)
    if obj is None or figure is None or not any(t.like_num or t.text in ("$", "%") for t in figure.subtree):
        return None
    if any(t.lower_ in _CLOCK for t in figure.subtree):
        return None  # "put the meeting at 5 p.m.": a time set, not a figure estimated
    span = p.span(obj.left_edge.i, figure.right_edge.i)
    return ((span,), "clause", []) if span else None


def _clause_beside_word(v: Token, word: Token) -> Token | None:
    """'Officials made clear (that) they have no plans': without "it" the parser hangs the
    reported clause on the verb, beside its adjective, or the adjective inside the clause ("has
    made clear she will ..."), not the clause under the adjective; the clause was lost and the
    relation with it (recall8 audit of PolNeAR train; "made it clear that" was always read)."""
    if word.dep_ not in ("ccomp", "oprd", "acomp") or word.tag_ != "JJ":
        return None
    if word.head.i != v.i:
        return word.head if word.head.dep_ == "ccomp" and word.head.head.i == v.i else None
    return next((c for c in v.children if c.dep_ == "ccomp" and c.i > word.i), None)


def _as_mark(v: Token) -> Token | None:
    """The "as" of "..., as X said", or the "like" of "..., like the MSM insists" (issue 14: the
    same parenthetical in looser writing; only after a comma, as "it looks like he said no" is no
    attribution of the host clause)."""
    for c in v.children:
        if c.dep_ == "mark" and (c.lower_ == "as" or (c.lower_ == "like" and c.i > 0 and c.nbor(-1).text == ",")):
            return c
    return None


def verb_content(p: Parsed, v: Token, verb: CueVerb, lex: Lexicon) -> Content | None:
    """The content of an active cue verb, its kind, and words to add to the cue."""
    opposed = _opposed_claim(p, v, verb, lex)
    if opposed is not None:
        return opposed
    clause = _clause_complement(p, v, verb)
    if clause:
        return _shown_in_full(p, v, verb, clause)
    if _colon_follows(v) or _comma_before_quotation(p, v):
        return (), "passage", []
    setting = _clause_in_setting(p, v) if verb.cls in REPORTING else None
    setting = setting or (_clause_in_adjunct(p, v) if verb.cls == CueClass.SPEECH else None)
    if setting is not None:
        return setting
    named = _name_before_as(p, v)
    if named is not None:
        return named
    if v.dep_ == "advcl" and _as_mark(v) is not None and _no_object(v, verb):
        host = _host_clause(p, v)
        mark = next(c for c in v.children if c.dep_ == "mark")
        return (host[0], host[1], [mark]) if host else None
    answer = _answer(p, v) if verb.cls == CueClass.SPEECH else None
    if answer is not None:
        return answer
    if verb.clause_only:
        return (
            (_as_object(p, v) if verb.as_object else None)
            or _quote_before_sentence(p, v, verb)
            or (_prep_content(p, v, verb) if verb.cls == CueClass.SPEECH else None)
            or _finding(p, v, verb, lex)
        )
    obj = _object_content(p, v, verb, lex)
    return _quote_before_topic(p, v, verb, obj) or _shown_in_full(p, v, verb, obj) or _quote_before_sentence(p, v, verb)


def _quote_before_topic(p: Parsed, v: Token, verb: CueVerb, obj: Content | None) -> Content | None:
    """'“Who do they think they are?” Trump said of Apple', '"Why would you cozy up to Bush?" he
    said about McCain's effort': after a quotation closing on "?" or "!" the splitter makes "X
    said of Y" a sentence of its own, and its topic was taken for what was said; the quotation
    was lost (PolNeAR train: 7 such sentences in 7 articles; after a comma the quotation rule
    reads them). What a speech verb says "of" or "about" someone there is the quotation."""
    prep = obj[2][0] if obj is not None and obj[2] else None
    if (
        verb.cls != CueClass.SPEECH
        or verb.prep
        or prep is None
        or prep.dep_ != "prep"
        or prep.lower_ not in _TOPIC_PREPS
    ):
        return None
    quoted = _quote_before_sentence(p, v, verb, topic={t.i for t in prep.subtree})
    return quoted if quoted is not None and _opens_sentence(p.text, quoted[0][0]) else None


def _opens_sentence(text: str, quote: Span) -> bool:
    """Whether a quotation is a sentence of its own, not the end of one with a cue of its own
    ('... said that he had “very serious concerns.” In a later vote, he warned of ...')."""
    before = text[: quote.start].rstrip(" \t")
    return not before or before.endswith(("\n", ".", "?", "!", "”", '"', "’", "'"))


# Prepositions of what a quoted remark was about ("said of Apple", "said about the deal").
_TOPIC_PREPS = frozenset({"of", "about"})


def _shown_in_full(p: Parsed, v: Token, verb: CueVerb, content: Content | None) -> Content | None:
    """'A CNN poll showed Mr. Trump leading Mr. Cruz nationally, 45 percent to 18 percent, among
    white evangelicals', 'a WBUR poll showed Rubio in third at 11 percent, followed closely by
    Kasich at 10 percent': what a poll or a record shows runs on past the object, through its
    figures and the phrases that qualify them, which the parser hangs on "showed" (PolNeAR
    train: the content stopped at the object or its first comma; 6 articles now match, none
    worse). After a comma only a phrase with a figure, or the one right after it, goes on, and
    never a phrase with a cue verb ("with 56 percent saying ..."), whose attribution would be
    nested and dropped: run past those, or over a run with no figure, PolNeAR dev content
    overlap F1 fell 0.727 -> 0.726.
    It stops before a clause of its own: a conjunct ("and depicts ..."), a clause opened by
    "as", "while" ..., "according to X"."""
    if content is None or verb.lemma != "show" or len(content[0]) != 1 or content[1] == "quote" or _shown_by_person(v):
        return content
    shown = content[0][0]
    first = p.token_from(shown.start)
    if first is None or first.i < v.i:
        return content  # "A, the reports show": the content before the verb ends where it ends
    end = start = max(t.i for t in p.doc if p.char(t) < shown.end)
    figure = False
    for c in sorted((c for c in v.children if c.i > end and c.dep_ != "punct"), key=lambda c: c.i):
        gap = v.doc[end + 1 : c.left_edge.i]
        if not _goes_on_showing(c) or any(t.text in ";:" or quote_mark(t) for t in gap):
            break
        if any(t.text == "," for t in gap) and not (figure or _holds_figure(c)):
            break  # "..., suggesting that ...": after a comma only the figures shown go on
        if any(t.tag_.startswith("VB") and lexicon().verb(t.lower_) is not None for t in c.subtree):
            break  # "with 56 percent saying ...": an attribution of its own, not to be nested
        figure, end = _holds_figure(c), c.right_edge.i
    if not any(t.tag_ == "CD" or t.text == "%" for t in v.doc[start + 1 : end + 1]):
        return content  # "showed X | in a video": only a run holding figures is more of what was shown
    span = p.span(first.i, end)
    return ((span,), content[1], content[2]) if span else content


def _holds_figure(c: Token) -> bool:
    """A phrase with a number in it ("with 13 percent", "followed by Kasich at 10 percent")."""
    return any(t.tag_ == "CD" or t.text == "%" for t in c.subtree)


def _shown_by_person(v: Token) -> bool:
    """'Neither Trump nor his opponents showed much of an appetite for blood | in their final
    debate': a person shows a quality, on an occasion that is no part of it; a poll, a record or
    a video shows findings."""
    subject = next((c for c in v.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.tag_ == "PRP":
        return True
    named = subject.tag_ in ("NNP", "NNPS") or subject.lower_ in lexicon().people
    return named and subject.lower_ not in finding_sources()  # "people" holds "poll" too


def _goes_on_showing(c: Token) -> bool:
    """A phrase after what was shown that is more of it (a figure, "with ...", "among ...", a
    participle), not a clause of its own."""
    if c.dep_ in ("conj", "cc", "parataxis", "mark", "ccomp") or c.lower_ in ("according", "citing", "quoting"):
        return False
    if c.dep_ == "advcl":
        marked = any(m.dep_ == "mark" for m in c.children) or c.left_edge.tag_ in ("IN", "WRB")
        return not marked and not any(m.dep_ in ("nsubj", "nsubjpass") for m in c.children)
    return True


@cache
def _answer_words() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(line.lower().split()) for line in load_lines("answer_words.txt"))


def _answer(p: Parsed, v: Token) -> Content | None:
    """'46 percent of voters said yes', 'half said so', '26 percent said the same': an answer word
    right after a speech verb (`answer_words.txt`) stands for the clause it answers, and is what
    was said. Its last word must hang on the verb: in "said no one came" or "said the same
    technology could work" it opens the clause, which `_clause_complement` reads."""
    for words in _answer_words():
        last = v.i + len(words)
        if last < len(v.doc) and [t.lower_ for t in v.doc[v.i + 1 : last + 1]] == list(words):
            span = p.span(v.i + 1, _answer_end(v, v.doc[last])) if v.doc[last].head.i == v.i else None
            return ((span,), "np", []) if span else None
    return None


def _answer_end(v: Token, last: Token) -> int:
    """'64 percent say the same of Sanders': whom the answer is about goes with it (PolNeAR marks
    it; the object reading before this rule kept it too)."""
    after = v.doc[last.i + 1] if last.i + 1 < len(v.doc) else None
    about = after is not None and after.lower_ in _ANSWER_ABOUT and after.head.i in (v.i, last.i)
    return after.right_edge.i if about and after is not None else last.i


_ANSWER_ABOUT = frozenset({"of", "about", "for"})


@cache
def finding_nouns() -> frozenset[str]:
    """Nouns naming a result ("evidence", "proof"): found, or cited as one (`finding_nouns.txt`)."""
    return frozenset(load_lines("finding_nouns.txt"))


@cache
def finding_sources() -> frozenset[str]:
    """Head nouns of polls, studies and inquiries whose object is a finding (`finding_sources.txt`)."""
    return frozenset(load_lines("finding_sources.txt"))


def _finding(p: Parsed, v: Token, verb: CueVerb, lex: Lexicon) -> Content | None:
    """'a 2018 analysis found evidence of water vapor': a report verb that takes only clauses
    ("found a job" is no finding) reports its object when the object names a result
    (`finding_nouns.txt`) or when a poll, a study or an inquiry found it ('A recent survey found
    90 percent support for background checks', `finding_sources.txt`)."""
    obj = next((c for c in v.children if c.dep_ == "dobj" and c.i > v.i), None)
    if verb.cls != CueClass.REPORT or obj is None:
        return None
    subject = next((c for c in v.children if c.dep_ == "nsubj" and c.i < v.i), None)
    asked = p.text[p.bounds.start : p.bounds.end].rstrip(" ”\"'’)").endswith("?")  # "Did the inquiry find ...?"
    by_study = verb.lemma == "find" and subject is not None and subject.lower_ in finding_sources() and not asked
    return _object_content(p, v, verb, lex) if obj.lower_ in finding_nouns() or by_study else None


# "warned the committee of the risk", "told the board about the deal": what the hearer was told.
_HEARER_PREPS = frozenset({"of", "about"})
# Prepositions whose object is what a verb is about ("called for ethics"), not where or when.
_OBJECT_PREPS = frozenset({"for", "about", "of", "against", "over", "into", "with"})


def _no_object(v: Token, verb: CueVerb) -> bool:
    """Whether "as X <verb>" is the parenthetical "as X said" (the host clause is its content)
    and not a clause of time with an object of its own ("as he called for greater ethics").
    A comma right after the verb ends it: "As we've noted, a study ..." has no object. A
    stance verb says when, not what ("'The bullying,' Wallace said, as the crowd cheered", "As
    the day went on, Trump offered ..."): cue10 audit of PolNeAR train, 1 of 9 such "as the crowd
    cheered / applauded / booed / went on" in 8 articles was marked, and the clause it took held
    the speech cue the annotators marked."""
    if verb.cls == CueClass.STANCE:
        return False
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


def _clause_in_adjunct(p: Parsed, v: Token) -> Content | None:
    """'told The Post before he spoke to the board that he believed it was time', 'told reporters
    after the vote in the chamber that she had seen enough': the parser reads the cue's that-clause
    as a relative clause on the last noun of an adjunct between them, with "that" as its subject or
    object. Only a clause that is complete without "that" (a subject and an object or clause of its
    own) cannot be a relative, so it is the cue's content. Speech cues only: after "what he
    thought of the prospects that ..." the clause goes with the noun (PolNeAR train dump: 2 speech
    cues gained a right content, 1 belief cue a wrong one).
    """
    if any(c.dep_ in _CLAUSE_DEPS and c.i > v.i for c in v.children):
        return None
    adjuncts = [c for c in v.children if c.dep_ in ("prep", "advcl", "npadvmod") and c.i > v.i]
    for that in (t for a in adjuncts for t in a.subtree if t.lower_ == "that" and t.i > a.i):
        clause = that.head
        if that.dep_ not in ("nsubj", "dobj") or clause.dep_ != "relcl" or that.i != clause.left_edge.i:
            continue
        if not clause.head.tag_.startswith("NN") or clause.head.i != that.i - 1:
            continue
        if not _complete_clause(clause, without=that) or not _to_sentence_end(clause) or p.in_quote(that):
            continue
        if any(c.dep_ == "ccomp" and not has_subject(c, _CLAUSE_SUBJECTS) for c in clause.children):
            continue  # "something that I don't think is controversial": "that" is the inner clause's subject
        span = p.span(that.i, clause.right_edge.i)
        return ((span,), quote_kind(p, span), []) if span else None
    return None


# Subjects a clause can have besides a noun's: "there is ...", "what he said was ...".
_CLAUSE_SUBJECTS = frozenset({"expl", "csubj"})


def _to_sentence_end(clause: Token) -> bool:
    """Whether only punctuation follows a clause in its sentence."""
    return all(t.is_punct for t in clause.doc[clause.right_edge.i + 1 :])


def _complete_clause(clause: Token, without: Token | None = None) -> bool:
    deps = {c.dep_ for c in clause.children if without is None or c.i != without.i}
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
    relative = _relative_statement(p, v)
    if relative is not None:
        return relative
    after = [c for c in v.children if c.dep_ in _CLAUSE_DEPS and c.i > v.i]
    after += _second_that_clauses(v) if after else []
    # "The talks failed, the minister said"; but in "520 delegates said A, 39 said B" A is not B's
    before = [c for c in v.children if c.dep_ in _CLAUSE_DEPS and c.i < v.i and _inverted(p, c, v, verb)]
    before = [c for c in before if not (after and _fronted_setting(c))]
    before += [] if before or after else _fronted_clause_read_as_adverbial(p, v, verb)
    clauses = [*(c for c in before if not (after and _speech_clause(c))), *after]
    if not clauses and verb.cls in _INFINITIVE_CLASSES and not verb.aspect:
        clauses = [c for c in v.children if c.dep_ == "xcomp" and c.tag_ in ("VB", "VBG")]
        hearer = next((c for c in v.children if c.dep_ == "dobj" and c.i > v.i), None)
        if clauses and hearer is not None and hearer.i < clauses[0].i:  # "urged residents to leave"
            span = p.span(hearer.left_edge.i, clauses[0].right_edge.i)
            return ((span,), "clause", []) if span else None
        if verb.cls == CueClass.QUESTION:
            clauses = []  # "asked to ..." alone is a request nobody heard
    if not clauses and verb.cls == CueClass.QUESTION:  # "asked workers if they planned ...": the parser's advcl
        clauses = [c for c in v.children if c.dep_ == "advcl" and c.i > v.i and _marked(c, ("if", "whether"))]
    if not clauses and (verb.addressee or verb.cls == CueClass.SPEECH):  # "told a meeting of leaders that few
        clauses = _that_clause_read_as_relative(v, verb)  # people understood ...": the parser reads it as a relative
    if not clauses and verb.cls in REPORTING:  # "said after the convention he would ...":
        clauses = [c for c in v.children if c.dep_ == "advcl" and c.i > v.i and _unmarked_finite(c)]  # an advcl
    if not clauses and verb.cls in REPORTING:  # "said the moment he heard the blast he ran": an npadvmod
        timed = _statement_read_as_time(p, v)
        if timed is not None:
            return timed
    if not clauses and verb.cls in NAMING:  # "adapt to what she said is growing demand"
        stranded = _stranded_relative(p, v)
        if stranded is not None:
            return stranded
    if not clauses and v.i + 1 < len(v.doc) and v.nbor(1).lower_ == "that" and v.nbor(1).head.i == v.i:
        span = p.span(v.i + 1, v.right_edge.i)  # "noting that ..." misparsed as a preposition
        return ((span,), quote_kind(p, span), []) if span else None
    if len(clauses) > 1:  # "said A, and three-quarters said B": the second is a statement of its own
        clauses = [clauses[0], *(c for c in clauses[1:] if not _own_cue_clause(c))]
    # "The agency said X, according to Lee": the parser hangs "according to" on X's verb, but
    # it scopes over the whole sentence and is not part of what the agency said.
    according = "according" in p.words or "per" in p.words
    cut = [p.subtree(c, without=_clause_cuts(c, v, according)) for c in clauses]
    spans = [s for s in (_with_lost_subject(p, v, c, span) for c, span in zip(clauses, cut, strict=True)) if s]
    if spans:  # a clause on each side ("A had been building, Medrano said; B"): two fragments
        sides = ([s for s in spans if s.end <= p.char(v)], [s for s in spans if s.end > p.char(v)])
        fragments = tuple(Span(min(s.start for s in f), max(s.end for s in f)) for f in sides if f)
        return fragments, quote_kind(p, fragments[0]), []
    if v.dep_ == "parataxis" and v.head.tag_.startswith(("VB", "JJ", "NN")) and _parenthetical(v, verb):
        return _host_clause(p, v)
    return _around_aside(p, v, verb)


# What sets a cue clause off inside its host sentence, on both sides ("A, records show, B").
_ASIDE_MARKS = frozenset({",", "—", "–", "--"})


def _around_aside(p: Parsed, v: Token, verb: CueVerb) -> Content | None:
    """'If she wins, Clinton suggested in a tweet, women won't be punished', 'With each contest,
    these supporters acknowledge, it becomes harder ...': a report verb set off in the middle of
    the clause it reports, which the small model hangs on that clause's verb as a ccomp, an advcl
    or a parataxis, often with the host's opening phrase hung on the cue (so `_host_clause`,
    which cuts at the cue's left edge, finds nothing). The aside runs from the cue's subject to
    the cue's last word; the content is the host around it. PolNeAR train audit: 5 statements in
    5 articles had no attribution at all. A cue with a mark of its own ("as she said") is an
    adverbial clause, not an aside."""
    aside = None if p.in_quote(v) else _aside(v, verb)
    if aside is None:
        return None  # inside a quotation ("... he said, “it works, I think, for now”") the speaker's own aside
    first, last = aside
    host = v.head
    left = p.span(min(host.left_edge.i, v.left_edge.i), first - 1)
    right = p.span(last + 1, host.right_edge.i)
    fragments = tuple(f for f in (left, right) if f)
    return (fragments, around_kind(p, fragments), []) if left and right else None


def around_kind(p: Parsed, fragments: tuple[Span, ...]) -> str:
    """The kind of a content around an inserted cue: a quotation on either side makes it a
    quotation's ('A, he said, “b ... that most voters say C”': the cues inside the quotation stay
    the speaker's nested statements, not defining relatives of a paraphrase; said10, PolNeAR train:
    a nested claim was lost when only the unquoted first part was looked at)."""
    quoted = any(q.start < f.end and f.start < q.end for q in p.quotes for f in fragments)
    return "quote" if quoted else quote_kind(p, fragments[0])


# Quote marks, with the archives' two apostrophes ("''is a perfect example''").
_MARKS = ("''", '"', "“", "”", "‘", "’")


def clause_around_quote(p: Parsed, v: Token, verb: CueVerb) -> bool:
    """'The club's investment in its courses, Ms. Tanzer said, “is a perfect example of adapting”
    to the times', 'Those who listen to “certain cable shows,” he said, wind up ...': a cue set off
    inside the clause it reports (`_around_aside`), beside a quotation that is only part of that
    clause, a predicate in lowercase after the cue or a quotation the unquoted rest of the clause
    follows. What was said is the whole clause around the cue; read as '"...," X said', the content
    was the quoted words alone and lost its subject (said10: PolNeAR train, 13 contents in 13
    articles now whole, 12 closer to the annotators' spans). Stay
    framed: a quotation opening with a capital after the cue (a sentence of its own), a clause
    that opens with a quotation or has one on each side of the cue ('"We are tired," he said,
    "and ..."'), and words before the cue that say nothing themselves (`_lead_words`)."""
    around = _around_aside(p, v, verb)
    if around is None or len(around[0]) != 2 or not _lead_words(p, around[0][0]):
        return False
    left, right = around[0]
    head, tail = p.text[left.start : left.end].strip(), p.text[right.start : right.end].strip()
    if head.startswith(_MARKS) or (head.endswith(_MARKS) and tail.startswith(_MARKS)):
        return False
    if tail.startswith(_MARKS):  # 'Ms. Tanzer said, “is a perfect example ...”'
        return tail.lstrip("'\"“”‘’")[:1].islower()
    return head.endswith(_MARKS)  # '“... shows,” he said, wind up ...'


def lead_before_aside(p: Parsed, v: Token, a: Attribution) -> Attribution:
    """'The streets were deserted, he added, "but people need to connect."', 'When the rule takes
    effect, Dr. Clark added, "it will at least feel like a real job."': a quotation after a cue
    set off by commas, opening in lowercase, goes on with the words before the cue: they are the
    first half of what was said, which the parser hung on the cue (so `clause_around_quote` found
    no host clause) and the quotation frame left out. PolNeAR train (mid13): 10 relations in 10
    articles lost the lead (8 of them the annotators' spans). Stay as they are: a quotation
    opening with a capital (a sentence of its own), a lead that is only a link ("But, he said,
    ...": `_lead_words`) or holds a quotation, a lead that tells of the speaking ("Speaking to
    reporters, ..."), one whose last word takes the quotation as its object (the author's
    'critics, including, he said, "..."'), a cue with no comma after it or sharing an earlier
    subject ("In his tribute, Elliott said “...”", "and deemed him “well qualified”"), and a
    participle ("Minutes later, saying “done.”")."""
    if a.form != "quote" or a.source is None or len(a.content) != 1 or a.content[0].start < p.char(v):
        return a
    opens, quote = p.token_at(a.source.start), a.content[0]
    if opens is None or a.cls not in REPORTING or v.tag_ not in ("VBD", "VBZ", "VBP"):
        return a
    if not _own_subject(opens, v) or not p.text[: quote.start].rstrip().endswith(","):
        return a  # 'In his tribute, Elliott said “...”': no aside but the sentence's own subject and verb
    first = _lead_start(p.doc, opens.i)
    if opens.i - first < 2 or not _opened(p.doc, opens.i) or _takes_object(p.doc[opens.i - 2]):
        return a
    lead = p.span(first, opens.i - 1)
    opening = p.text[quote.start : quote.end].lstrip("'\"“”‘’ ")[:1]
    if lead is None or not opening.islower() or not _lead_words(p, lead, REPORTING) or _told_of_speaking(p, lead):
        return a
    return replace(a, content=(lead, quote))


def _own_subject(opens: Token, v: Token) -> bool:
    """Whether the source's first word belongs to the verb's own subject ("and deemed him ...":
    a verb sharing an earlier subject sets off no aside)."""
    return any(t.dep_ == "nsubj" and t.head.i == v.i for t in (opens, *opens.ancestors))


def _lead_start(doc: Doc, end: int) -> int:
    """The first word of a lead ending before `end`: after the last ", and", ", but" or ";" that
    joins a clause of the author's own before it ('That curiosity prompted Butz to read ..., and
    coincidentally, he said, "..."'), else the sentence's first word."""
    first = next((t.i for t in doc if not t.is_space), 0)
    joins = [
        t.i + 1 for t in doc[first:end] if t.text == ";" or (t.dep_ == "cc" and t.i > 0 and t.nbor(-1).text == ",")
    ]
    return max([first, *joins])


def _takes_object(last: Token) -> bool:
    """Whether a lead's last word wants an object the quotation then is ("including", "of", "the",
    "and also"): the quotation is an item of the author's sentence, not its second half."""
    return last.tag_ in ("IN", "TO", "DT", "CC", "VBG") or last.lower_ == "also"


def _told_of_speaking(p: Parsed, lead: Span) -> bool:
    """Whether a lead holds a quotation or is a phrase about the speaking (`_speakers_own`)."""
    words = [t for t in p.doc if lead.start <= p.char(t) < lead.end]
    tops = [t for t in words if not lead.start <= p.char(t.head) < lead.end or t.head.i == t.i]
    return any(p.in_quote(t) or t.is_quote for t in words) or any(_speakers_own(t) for t in tops)


# Tags of words that say something (nouns, pronouns, verbs, adjectives, numbers): "But" or
# "Instead" before the cue only links the quotation.
_CONTENT_TAGS = ("NN", "PRP", "VB", "JJ", "CD")


def _lead_words(p: Parsed, left: Span, classes: frozenset[CueClass] | None = None) -> bool:
    """Whether the words before an inserted cue are part of what was said: they hold a content
    word ("But, he said, “...”" is only a link) and no cue verb with a subject of its own ("...,
    as Mrs. Clinton echoed the criticism and Ms. Warren, she said, “...”": another attribution),
    of the given classes if any ("When the rule takes effect": "take" is a cue only of a stance)."""
    words = [t for t in p.doc if left.start <= p.char(t) < left.end]
    cue = any(_cue_with_subject(t, classes) for t in words)
    return not cue and any(t.tag_.startswith(_CONTENT_TAGS) for t in words)


def _cue_with_subject(t: Token, classes: frozenset[CueClass] | None) -> bool:
    verb = lexicon().verb(t.lower_)
    if verb is None or (classes is not None and verb.cls not in classes):
        return False
    return any(c.dep_ == "nsubj" for c in t.children)


def _aside(v: Token, verb: CueVerb) -> tuple[int, int] | None:
    """The first and last token of a cue clause set off by commas or dashes inside its host
    (`_around_aside`): its subject, the verb, an addressee or a setting, nothing more."""
    if verb.cls not in REPORTING or v.dep_ not in ("ccomp", "advcl", "parataxis") or v.head.i <= v.i:
        return None
    host = lexicon().verb(v.head.lower_)
    if host is not None and host.cls in REPORTING:
        return None  # '"So afterwards, his supporters feel justified," he said': the quotation's own verb
    subject = next((c for c in v.children if c.dep_ == "nsubj" and c.i < v.i), None)
    if subject is None or any(c.dep_ == "mark" for c in v.children):
        return None
    first, last, doc = subject.left_edge.i, v.right_edge.i, v.doc
    while last > v.i and doc[last].is_punct:
        last -= 1  # the parser hangs the closing comma on the cue
    if first < 2 or last + 1 >= v.head.i or last - first + 1 > MAX_SOURCE_TOKENS:
        return None
    blocking = {"ccomp", "xcomp", "advcl", "attr"} | (set() if verb.addressee else {"dobj"})
    if any(c.i > v.i and c.dep_ in blocking for c in v.children):
        return None  # a complement of its own: not an aside
    return (first, last) if _opened(doc, first) and doc[last + 1].text in _ASIDE_MARKS else None


def _opened(doc: Doc, first: int) -> bool:
    """Whether a cue clause starting at `first` is set off from what precedes it: by a comma or a
    dash, or by one closing a quotation (',” he said,': `clause_around_quote`)."""
    before = doc[first - 1]
    return before.text in _ASIDE_MARKS or (before.is_quote and doc[first - 2].text in _ASIDE_MARKS)


def _statement_read_as_time(p: Parsed, v: Token) -> Content | None:
    """'said the moment he heard the blast he ran outside': the parser reads "the moment ..." as a
    time adverb of "said" and hangs the statement on it as relative clauses. A noun phrase right
    after the verb that runs to the end of the sentence and holds two clauses with subjects of
    their own (the time and the statement) is what was said."""
    adverb = next((c for c in v.children if c.dep_ == "npadvmod" and c.left_edge.i == v.i + 1), None)
    if adverb is None or any(t.i > adverb.right_edge.i and not t.is_punct for t in v.subtree):
        return None
    clauses = [t for t in adverb.subtree if t.dep_ == "relcl" and _finite_verb(t)]
    if len([c for c in clauses if any(d.dep_ == "nsubj" for d in c.children)]) < 2:
        return None
    span = p.span(adverb.left_edge.i, adverb.right_edge.i)
    return ((span,), quote_kind(p, span), []) if span else None


def _relative_statement(p: Parsed, v: Token) -> Content | None:
    """'objectives, which he said include the elimination of ...': the relative pronoun and the
    verb after the cue are what was said, in two fragments around "he said" (the parser makes the
    pronoun a second subject of "said" and the verb after it an xcomp or a ccomp)."""
    clause = next((c for c in v.children if c.dep_ in ("ccomp", "xcomp") and c.i > v.i), None)
    if clause is None or not _finite_verb(clause):
        return None
    pronoun = relative_subject(v)
    first = clause.left_edge
    if pronoun is None and v.dep_ == "relcl" and first.i < v.i and first.tag_ in ("WDT", "WP"):
        pronoun = first  # "housing, which he said would cost ...": the pronoun is the clause's subject
    if pronoun is None:
        return None
    rest = p.span(v.i + 1, clause.right_edge.i)
    fragments = tuple(f for f in (p.tokens([pronoun]), rest) if f)
    return (fragments, quote_kind(p, fragments[-1]), []) if rest else None


# Words that may stand between a relative clause's subject and its cue ("which it had previously said").
_BEFORE_CUE_DEPS = frozenset({"aux", "neg", "advmod"})


def _stranded_relative(p: Parsed, v: Token) -> Content | None:
    """'adapt to what she said is growing demand', 'photographs of attendees they claimed were
    Justice officials': a report verb inside a relative clause whose own verb follows the cue at
    once. The parser, lost, hangs that verb elsewhere (on the sentence's verb, or as an auxiliary
    of a later word) and leaves the cue no complement, so the statement was lost. When the cue
    has its subject before it, a relative word or a noun right before that subject, and a finite
    verb or modal right after it, the verb's clause is what was said, with the relative word
    (as `_relative_statement`). PolNeAR train (devgold11): 9 of 43 such report verbs in 8 of
    41 articles made no attribution; a dev-gold page lost 'were US Department of Justice
    officials who sat ...'. Speech and report verbs only: with belief verbs ("a step they
    believe could help", "what it hopes will become") the train audit found hopes and guesses,
    which the product leaves out without quoted words."""
    after = v.nbor(1) if v.i + 1 < len(v.doc) else None
    subject = next((c for c in reversed(list(v.children)) if c.dep_ == "nsubj" and c.i < v.i), None)
    if after is None or subject is None or after.tag_ not in TENSED_TAGS or after.head.i == v.i:
        return None
    if v.dep_ not in ("relcl", "pcomp") or subject.left_edge.i == 0:
        return None
    if any(t.dep_ not in _BEFORE_CUE_DEPS for t in v.doc[subject.right_edge.i + 1 : v.i]):
        return None
    before = v.doc[subject.left_edge.i - 1]
    relative = before.tag_ in ("WDT", "WP") or before.lower_ == "that"
    if not (relative or before.tag_ in ("NN", "NNS")):
        return None
    head = after.head if after.dep_ in ("aux", "auxpass") and after.head.i > after.i else after
    if _closed_on_subject(v, before, relative, head):
        return None
    rest = p.span(after.i, _aside_end(v.doc, before, after.i, max(head.right_edge.i, after.i)))
    fragments = tuple(f for f in (p.tokens([before]) if relative else None, rest) if f)
    return (fragments, quote_kind(p, fragments[-1]), []) if rest else None


def _aside_end(doc: Doc, before: Token, first: int, last: int) -> int:
    """Where a relative clause's statement ends: at the comma closing a clause the comma before
    its relative word opened ("the announcement, which some have argued was intended to ..., was
    an insult": the parser may hang the host's verb inside)."""
    if before.i == 0 or doc[before.i - 1].text != ",":
        return last
    return next((t.i - 1 for t in doc[first + 1 : last + 1] if t.text == ","), last)


def _closed_on_subject(v: Token, before: Token, relative: bool, head: Token) -> bool:
    """'All the stuff he is promising is never going to happen', 'everything Trump says is true':
    the relative clause closed at the cue and the verb after it is its noun's own (train audit:
    3 such sentences read as the cue's content). A clause set off by a comma runs on past its cue
    ("the announcement, which some have argued was intended to ...")."""
    if v.dep_ != "relcl" or (relative and before.i > 0 and v.doc[before.i - 1].text == ","):
        return False
    return v.head.dep_ in ("nsubj", "nsubjpass") and v.head.head.i == head.i


def _finite_verb(clause: Token) -> bool:
    return clause.tag_ in FINITE_TAGS or any(c.dep_ in ("aux", "auxpass") for c in clause.children)


def _fronted_setting(clause: Token) -> bool:
    """'In a statement released shortly after Rubio quit, Cruz said he is certain ...', 'On the
    same day that footage emerged ..., Trump said of the episode, "..."', 'Sitting down with
    MSNBC on Thursday, during which she also touched on ..., Clinton remarked that ...': a clause
    before the cue that opens with a preposition or a participle is a phrase setting the scene
    with a clause inside it, which the parser made the verb's complement. With a complement of
    the verb's own after it, that is what was said and the scene is no first part of it (side9
    audit of PolNeAR train: 3 articles began the content with the setting). A phrase set off by
    a comma before the clause's subject is the clause's own ('Among his constituents,
    frustration had been building ..., Medrano said; the protest was ...')."""
    first = clause.left_edge
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < clause.i), None)
    opens_phrase = first.dep_ == "prep" or first.tag_ in ("VBG", "VBN")  # "Sitting down with MSNBC, during which"
    if not opens_phrase or subject is None or subject.left_edge.i == 0:
        return False
    return clause.doc[subject.left_edge.i - 1].text != ","  # "Among his voters, anger had been building"


def _fronted_clause_read_as_adverbial(p: Parsed, v: Token, verb: CueVerb) -> list[Token]:
    """'As yet, there is no evidence ..., the commission said, according to Reuters': the parser
    reads "As yet" as a subordinator and the statement as an adverbial clause. A clause opening
    the sentence with no subordinating word of its own, a comma and then the verb's own subject
    and the verb, with nothing said after it, is what was said."""
    subject = next((c for c in v.children if c.dep_ == "nsubj" and c.i < v.i), None)
    if subject is None or any(c.dep_ in ("dobj", "ccomp", "xcomp") and c.i > v.i for c in v.children):
        return []
    comma = subject.left_edge.i > 0 and v.doc[subject.left_edge.i - 1].text == ","
    for c in (c for c in v.children if c.dep_ == "advcl" and c.i < subject.i):
        own = next((d for d in c.children if d.dep_ in ("nsubj", "nsubjpass", "expl") and d.i < c.i), None)
        # its own subject right after the sentence's opening phrase and a comma ("As yet, there
        # is"), not after a wh-word ("When I got word ...", "What NBC considered ...")
        opens = own is not None and (own.left_edge.i == 0 or v.doc[own.left_edge.i - 1].text == ",")
        if opens and comma and _inverted(p, c, v, verb) and _unmarked_finite(c):
            return [c]
    return []


def _second_that_clauses(v: Token) -> list[Token]:
    """'told reporters that the claim “is false,” and that “the army is not ...”': after a quotation
    the parser joins the second "that" clause to the cue verb as a conjunct; with its "that" and a
    subject of its own it is more of what was said, not a second act of the speaker."""
    return [
        c
        for c in v.children
        if c.dep_ == "conj" and _marked(c, ("that",)) and any(d.dep_ in ("nsubj", "nsubjpass") for d in c.children)
    ]


def _with_lost_subject(p: Parsed, v: Token, clause: Token, span: Span | None) -> Span | None:
    """'told him parts of the aircraft were lying ...': the parser takes the reported clause's
    subject for the cue verb's object and leaves the clause without one. When the clause has no
    subject and the verb's object ends right where the clause begins, the object is its subject
    (a clause of a reported statement needs one; "urged residents to leave" is an xcomp, not read here).
    So is a phrase the parser read as the verb's topic ("said about half of the rise reflected
    tax cuts") and an object before a clause whose verb is finite by its auxiliary ('argued the
    pipeline "wouldn't go 10 feet"'). Span9, PolNeAR train: 3 contents in 3 articles get their
    subject back, none changes for the worse."""
    if (
        span is None
        or clause.i < v.i
        or any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in clause.children)
    ):
        return span
    finite = clause.tag_ in FINITE_TAGS or any(c.dep_ in ("aux", "auxpass") for c in clause.children)
    lost = next((c for c in v.children if v.i < c.i and c.right_edge.i + 1 == clause.left_edge.i), None)
    if not finite or lost is None or not _subject_like(lost):
        return span
    return Span(p.char(lost.left_edge), span.end)


# Words of an approximate quantity the parser reads as a preposition ("said about half of ...").
_APPROXIMATORS = frozenset({"about", "around", "over", "under", "nearly", "almost", "roughly"})


def _subject_like(t: Token) -> bool:
    """A dependent of the cue verb that can be the subject of the clause after it: a noun object,
    or an approximate quantity read as a prepositional phrase ("about half of ...")."""
    if t.dep_ == "dobj":
        return t.tag_ in ("NN", "NNS", "NNP", "NNPS")
    return t.dep_ == "prep" and t.lower_ in _APPROXIMATORS and any(c.dep_ == "pobj" for c in t.children)


def _marked(clause: Token, marks: tuple[str, ...]) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in marks for c in clause.children)


def _opposed_claim(p: Parsed, v: Token, verb: CueVerb, lex: Lexicon) -> Content | None:
    """'a royal expert who countered her claims that she had a “rotten time”' (gold_fresh4a miss):
    the parser hangs the claim noun's "that" clause on a verb that opposes it (+opposes) as its
    own complement; the clause is the claim opposed, so the noun and its clause are the content."""
    if not verb.opposes:
        return None
    obj = next((c for c in v.children if c.dep_ == "dobj" and c.i > v.i and c.lower_ in lex.nouns), None)
    clause = next((c for c in v.children if c.dep_ == "ccomp" and obj is not None and c.i > obj.i), None)
    if obj is None or clause is None or clause.left_edge.i != obj.right_edge.i + 1 or not _marked(clause, ("that",)):
        return None
    span = p.span(obj.left_edge.i, clause.right_edge.i)
    return ((span,), "np", []) if span else None


def _that_clause_read_as_relative(v: Token, verb: CueVerb) -> list[Token]:
    """A "that" clause with a subject of its own hung on the hearer, or on the setting ("telling
    reporters during a visit to Scotland on Friday that he thinks ..."), as a relative clause; on
    a hearer that is a programme's name, as the name's complement ("told CNN’s “State of the
    Union” on Sunday that the deal was dead")."""
    places = ("dobj", "prep") if verb.addressee else ("prep",)  # a dobj of "say" is what was said
    after = [c for c in v.children if c.i > v.i and c.dep_ in places]
    named = [t for c in after if c.dep_ == "dobj" and verb.addressee for t in c.children if t.dep_ == "acl"]
    for rel in [*(t for c in after for t in c.subtree if t.dep_ == "relcl"), *named]:
        first = rel.left_edge
        subject = next((c for c in rel.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if first.lower_ == "that" and first.dep_ == "mark" and subject is not None and subject.i > first.i:
            return [rel]
    return []


def _clause_cuts(clause: Token, v: Token, according: bool) -> list[Token]:
    """What to leave out of a reported clause: "according to X" (see above), a verb joined to it
    that is the speaker's next act (`_other_form`, `_cue_tense`), and a last "and" that joins the
    next statement ("said A, and three-quarters said B")."""
    cuts = [*(_according_phrases(clause) if according else []), *_said_at(clause), *_opening_aside(clause)]
    joined = [c for c in clause.children if c.dep_ == "conj" and c.i > clause.i]
    cuts += [_joint(c) for c in joined if _other_form(clause, c) or _cue_tense(v, clause, c)]
    last = clause.right_edge
    return [*cuts, last] if last.dep_ == "cc" and last.head.i == clause.i else cuts


# Dependents that give a conjoined verb a subject or a clause opener of its own.
_OWN_CLAUSE_DEPS = frozenset({"nsubj", "nsubjpass", "expl", "csubj", "mark"})


def _infinitive(verb: Token) -> bool:
    """A "to" infinitive ("to keep abortion legal"): a clause with no subject and no tense."""
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.tag_ == "TO" and c.i < verb.i for c in verb.children)


def _finite_act(conj: Token) -> bool:
    """A past or present verb with no subject or opener of its own ("and celebrated the ruling")."""
    return conj.tag_ in FINITE_TAGS and not any(c.dep_ in _OWN_CLAUSE_DEPS for c in conj.children)


def _other_form(clause: Token, conj: Token) -> bool:
    """'vowed to keep abortion legal and celebrated the ruling', 'had pledged to back the
    nominee, but sounded equivocal': a past or present verb with no subject of its own, joined
    to a reported infinitive, cannot be part of it (an infinitive has no tense to share): it is
    the speaker's next act, which the parser hangs on the infinitive or on the cue verb. A
    reported clause with a tense of its own is left alone: in "said the voters did not see it and
    found it offensive" or "said he would consider it but has no plans to" the joined verb is the
    clause's subject's, whatever auxiliary the first verb has (PolNeAR train: cut there, 11
    contents of 11 articles lost the second predicate the annotators kept). Cue verbs so joined
    are `coordination.py`'s."""
    return _infinitive(clause) and _finite_act(conj)


def speaker_act(joint: Token, content: Token, cue: Token | None = None) -> bool:
    """Whether the "and" after a reported clause (`content`, its verb) opens the speaker's next
    act, which the content must not run on into (`_other_form`, `_cue_tense`)."""
    conj = next((c for c in joint.head.children if c.dep_ == "conj" and c.i > joint.i), None)
    if joint.dep_ != "cc" or conj is None:
        return False
    return (_infinitive(content) and _finite_act(conj)) or (cue is not None and _cue_tense(cue, content, conj))


# First words of a verb group that make it a present perfect ("has said", "have been calling").
_PERFECT = frozenset({"has", "have", "'ve"})


def tense(verb: Token) -> str | None:
    """The tense a verb group shows in its first word: "past" ("said", "did not say"), "present"
    ("says", "is"), "perfect" ("has said") or the modal itself ("would"); None for a form with no
    tense of its own ("warn" after "has missed", "to see"), which shares its neighbour's."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i]
    first = min([*aux, verb], key=lambda t: t.i)
    if first.tag_ == "MD":
        return first.lower_
    if first.i != verb.i and first.lower_ in _PERFECT:
        return "perfect"
    return {"VBD": "past", "VBZ": "present", "VBP": "present"}.get(first.tag_)


def cue_tense(cue: Token) -> str | None:
    """The tense of a cue verb's group (`tense`), an infinitive's taken from the verb it hangs on
    ("continues to insist that ...": "present")."""
    while cue.dep_ == "xcomp" and cue.tag_ == "VB" and cue.head.i != cue.i:
        cue = cue.head
    return tense(cue)


def _cue_tense(cue: Token, clause: Token, conj: Token) -> bool:
    """'said he would offer a prayer for the nominee but did not suggest it would be Trump', 'have
    said they said bad things and have apologized', 'continues to insist that he will fight on and
    refuses to answer ...': a cue verb joined to the reported clause's verb with no subject of its
    own, after the cue and in its tense, not in the clause's, is the speaker's next act, which the
    parser hung on the clause. Same tense as the clause keeps it ("said she did not condone
    violence and hoped ...": the clause's subject's, as `_other_form` says), and so do a verb of
    no cue ("notes that he was the first and has the most experience", "said the executive has no
    speeches scheduled and delivered only ...": 4 of 5 such cuts on PolNeAR train were wrong), an
    "or" ("would not vote or are unsure") and a passive ("would be released and returned"). So
    narrowed, the cut changed 8 train contents in 8 articles, each read as right (content13)."""
    if conj.i < cue.i or lexicon().verb(conj.lower_) is None or _joint(conj).lower_ == "or":
        return False  # "A won't ... but plans to ..., dos Santos says": the speaker comes after
    if any(c.dep_ in _OWN_CLAUSE_DEPS for c in conj.children) or any(c.dep_ == "auxpass" for c in clause.children):
        return False
    if quote_left_open(conj.doc[clause.i : conj.i]):
        return False
    said, reported = cue_tense(cue), tense(clause)
    return said is not None and reported is not None and said != reported and tense(conj) == said


def _joint(conj: Token) -> Token:
    """Where a conjoined verb's part starts: its "and" (or the comma before it), else the verb."""
    before = conj.doc[conj.left_edge.i - 1] if conj.left_edge.i > 0 else None
    return before if before is not None and before.dep_ == "cc" and before.head.i == conj.head.i else conj


# Forms of "be" heading a reported state ("was the founder", "is wrong").
_BE = frozenset({"is", "was", "are", "were", "'s", "’s", "been", "be"})
# Modals and "will": a reported clause that looks ahead may hold its own day and occasion.
_AHEAD = frozenset({"will", "would", "'ll", "could", "can", "may", "might", "should", "must", "shall"})


def _opening_aside(clause: Token) -> list[Token]:
    """'He hoped, he said, that the paper would ...': the parser hangs the inserted "he said" on
    the reported clause, whose subtree then opens with it; it is a cue of its own (read by the
    verb rule), not what was hoped (recall9's audit: 2 PolNeAR train articles)."""
    first = clause.left_edge.i
    asides = [c for c in clause.children if c.dep_ == "parataxis" and c.i < clause.i and c.left_edge.i == first]
    return [c for c in asides if (cue := lexicon().verb(c.lower_)) is not None and cue.cls in NAMING]


def _said_at(clause: Token) -> list[Token]:
    """'Trump said Obama was the founder of ISIS | on Wednesday at a Florida rally', 'said those
    statements were wrong | during a hearing last week': a reported state ("was X", "is wrong")
    holds at no day or occasion of its own, so a setting phrase at its end tells when and where it
    was said (`_setting_phrase`, or "in" an interview or a statement). A clause that looks ahead
    keeps it ("said the vote will be on Wednesday", "said Ryan would meet Trump on Thursday"), and
    so does an event ("said she made a poor choice of words at a campaign event")."""
    said = [c for c in clause.children if c.dep_ == "attr" or (c.dep_ == "acomp" and c.tag_ == "JJ")]
    if clause.lower_ not in _BE or not said or any(c.dep_ == "aux" and c.lower_ in _AHEAD for c in clause.children):
        return []
    end, cuts = clause.right_edge.i, []
    heads = (clause, said[0])  # the parser hangs the phrase on the verb or on what is said ("founder | on Wednesday")
    preps = [c for h in heads for c in h.children if c.dep_ == "prep" and c.i > said[0].i]
    for prep in sorted(preps, key=lambda c: -c.i):
        if prep.right_edge.i < end or not (_setting_phrase(prep) or _message_phrase(prep)):
            break
        cuts.append(prep)
        end = prep.left_edge.i - 1
        while end > clause.i and prep.doc[end].is_punct:
            end -= 1  # "was a mistake, | at the town hall"
    return cuts


def said_at(t: Token) -> bool:
    """Whether a word opens a setting phrase at the end of a reported state (`_said_at`): the
    content stops before it, and `cleanup` must not run the clause on over it to the sentence end."""
    if t.dep_ != "prep":
        return False
    clause = t.head if t.head.lower_ in _BE else t.head.head
    return any(c.i == t.i for c in _said_at(clause))


def _message_phrase(prep: Token) -> bool:
    """'in an interview', 'in a statement', 'in a tweet': the message or occasion the words came in
    (`in_setting_nouns.txt`, but not its times: "said unemployment was high in 2009" is content)."""
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    return (
        prep.lower_ == "in"
        and obj is not None
        and obj.lower_ in _in_setting_nouns()
        and not _names_a_time(prep)
        and obj.lower_ not in _IN_TIMES
    )


def _speech_clause(clause: Token) -> bool:
    """A clause headed by a speech or report verb with a subject of its own ("520 delegates said A")."""
    verb = lexicon().verb(clause.lower_)
    own = any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)
    return verb is not None and verb.cls in NAMING and own


def _own_cue_clause(clause: Token) -> bool:
    """A clause that is a speech or report verb with a subject of its own, joined by "and"/"but"
    ("said A, and three-quarters said B"): not part of the first verb's content."""
    joined = clause.left_edge.i > 0 and clause.doc[clause.left_edge.i - 1].lower_ in ("and", "but", "while", "whereas")
    return joined and _speech_clause(clause)


def _unmarked_finite(clause: Token) -> bool:
    """A clause with a subject and a finite verb and no subordinating word: a reported clause the
    parser took for an adverbial one (an "if", "when" or "because" clause has its mark)."""
    has_subject = any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in clause.children)
    finite = clause.tag_ in FINITE_TAGS or any(c.dep_ in ("aux", "auxpass") for c in clause.children)
    marked = any(c.dep_ == "mark" and c.lower_ != "that" for c in clause.children)
    return has_subject and finite and not marked and not _time_or_place(clause)


# Wh-adverbs that open a clause of time or place ("reading at an adult level when he was five").
_TIME_PLACE_ADVERBS = frozenset({"when", "where", "while", "whenever", "wherever"})


def _time_or_place(clause: Token) -> bool:
    """'He was brilliant—reading at an adult level when he was in kindergarten': the parser tags
    "when" as the clause's adverb, not its mark, yet the clause tells when, not what was said
    (gold_fresh3a: the time clause became the content of 'reading' and cut the quotation). Right
    after the verb it is an indirect question ("explained where the money went"): kept, as
    dropping it too cost 0.001 of PolNeAR dev content F1."""
    first = clause.left_edge
    after_verb = first.i == clause.head.i + 1  # "explained where the money went": what was explained
    adverb = first.lower_ in _TIME_PLACE_ADVERBS and first.dep_ == "advmod" and first.head.i == clause.i
    return adverb and not (after_verb and _indirect_question(clause.head, first))


def _indirect_question(v: Token, wh: Token) -> bool:
    """Whether a wh-clause right after a cue verb is what the verb reports ("asked when the plant
    would reopen", "would not say when", "remembers when officers came to the door") rather than
    when it was said ("said when Boyle asked him a question", "the kind of contest she never
    envisioned when she launched her candidacy", "which Clinton conceded when polls closed"). A
    "when" or "while" clause is the time of a statement (a speech verb not negated) and of any
    verb whose object is already the antecedent of its relative clause. Side9 audit of PolNeAR
    train: 6 such time clauses were the content in 6 articles; the 2 right ones were memories."""
    if wh.lower_ not in ("when", "while") or _object_gap(v):
        return wh.lower_ not in ("when", "while")
    cue = lexicon().verb(v.lower_)
    negated = any(c.dep_ == "neg" and c.lower_ in ("not", "n't") for c in v.children)
    return cue is None or negated or cue.cls != CueClass.SPEECH


def _object_gap(v: Token) -> bool:
    """A relative clause whose verb's object is the antecedent ("the contest she envisioned",
    "which Clinton conceded"), not its subject ("the man who asked ...")."""
    if v.dep_ != "relcl":
        return False
    subjects = [c for c in v.children if c.dep_ == "nsubj"]
    if any(c.dep_ == "dobj" and c.tag_ in ("WDT", "WP") and c.i < v.i for c in v.children):
        return True
    return bool(subjects) and subjects[0].tag_ not in ("WDT", "WP") and not any(c.dep_ == "dobj" for c in v.children)


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
    """The "according to X" and ", per X" phrases in a clause (`phrases.per_rule` reads the latter)."""
    return [t for t in clause.subtree if _according(t) or (t.lower_ == "per" and t.dep_ == "prep" and _after_comma(t))]


def _according(t: Token) -> bool:
    """An "according to X" phrase, not the idiom "went according to plan", which is part of the
    clause ('Everything went according to plan, the spokesman said': the content was "Everything went")."""
    if t.lower_ != "according" or t.i + 1 >= len(t.doc) or t.nbor(1).lower_ != "to":
        return False
    pobj = next((c for c in t.nbor(1).children if c.dep_ == "pobj"), None)
    return pobj is None or not according_idiom(pobj, lexicon())


def _after_comma(t: Token) -> bool:
    return t.i > 0 and t.nbor(-1).text in (",", "(", "—", "–", ";")


def _inverted(p: Parsed, clause: Token, v: Token, verb: CueVerb) -> bool:
    """'The talks failed, the minister said': a clause before a speech or belief verb, set off by a comma."""
    if verb.cls not in REPORTING:
        return False
    gap = v.doc[clause.right_edge.i + 1 : v.i]
    return not any(t.text in (";", ":", ".") for t in gap)  # "Ms. Gedrich said" keeps its "Ms."


def _host_clause(p: Parsed, v: Token) -> Content | None:
    """'The troops, he said, are tired': the content is the host clause around the cue."""
    host = v.head
    left = p.span(host.left_edge.i, _aside_start(v) - 1)
    end = _before_according(host, v.right_edge.i)
    right = p.span(v.right_edge.i + 1, min(end, _before_own_conjunct(host, v)) if _as_mark(v) else end)
    fragments = tuple(f for f in (left, right) if f)
    return (fragments, around_kind(p, fragments), []) if fragments else None


def _aside_start(v: Token) -> int:
    """Where a cue clause set off inside its host begins: 'If the deal fails, the campaign said,
    the state will pay': the parser hangs the host's opening clause or phrase on the cue, so the
    cue's subtree starts with it; the aside itself starts at its subject (or at the verb of an
    inverted "said X"), after the comma that sets it off. Words the speaker is described by stay
    out: a participle of the speaker's act ("Speaking to reporters, ...") or the message or
    occasion the words came in ("In a statement, ..."). PolNeAR train (mid13): the fronted half
    of the statement was lost in 9 relations of 8 articles, now whole (the annotators' spans)."""
    doc = v.doc
    subject = next((c for c in v.children if c.dep_ == "nsubj" and c.i < v.i), None)
    first = subject.left_edge.i if subject is not None else v.i
    fronted = [c for c in v.children if c.i < first]
    if first <= v.left_edge.i or not fronted or not _opened(doc, first) or any(_speakers_own(c) for c in fronted):
        return v.left_edge.i
    if any(c.dep_ == "mark" for c in v.children):  # "as X reported": an adverbial clause, not an aside
        return v.left_edge.i
    return first


def _speakers_own(c: Token) -> bool:
    """A phrase before a cue that tells of the speaking, not of what was said: a participle clause
    with no subject of its own ("Speaking to reporters"), or a message or occasion phrase."""
    if c.tag_ in ("VBG", "VBN") and not any(d.dep_ in ("nsubj", "nsubjpass") for d in c.children):
        return True
    return c.dep_ == "prep" and (_message_phrase(c) or _setting_phrase(c))


def _before_own_conjunct(host: Token, v: Token) -> int:
    """'Ailes also met with Mr. Trump that day, as The Times reported, and he will be part of the
    debate team, according to three people': an "as X reported" aside reports the clause it
    sits in; a clause joined after it with a subject of its own is another statement. The last
    token before that clause (and its "and"), else the host's last."""
    own = next((c for c in host.children if c.dep_ == "conj" and c.i > v.i and _has_own_subject(c)), None)
    if own is None:
        return host.right_edge.i
    i = own.left_edge.i - 1
    while i > v.right_edge.i and (host.doc[i].is_punct or host.doc[i].dep_ == "cc"):
        i -= 1
    return i


def _has_own_subject(c: Token) -> bool:
    return any(d.dep_ in ("nsubj", "nsubjpass", "expl") for d in c.children)


def _before_according(host: Token, after: int) -> int:
    """The last token of a host clause read for an aside ('A, as the Times reported, and B, according
    to three people'), before an "according to X" phrase that closes it: the phrase is the
    clause's own source, not part of what the aside's speaker said, and inside that content it
    was dropped as nested (PolNeAR train: 3 articles lost the phrase's attribution)."""
    words = host.doc[after + 1 : host.right_edge.i + 1]
    phrase = next((w for w in words if _according(w) and w.head.tag_.startswith("VB") and w.nbor(-1).text == ","), None)
    return phrase.i - 1 if phrase is not None else host.right_edge.i


def _name_before_as(p: Parsed, v: Token) -> Content | None:
    """'“Flu Fred,” as the magazine called him, ...': the name in quotation marks just before
    "as X called him" is what X called him (issue 14, cause 6)."""
    mark = next((c for c in v.children if c.dep_ == "mark" and c.lower_ == "as" and c.i < v.i), None)
    obj = next((c for c in v.children if c.dep_ in ("oprd", "dobj") and c.i > v.i), None)
    if mark is None or obj is None or obj.tag_ != "PRP":
        return None
    start = p.char(mark)
    quote = next((q for q in reversed(p.quotes) if q.end <= start), None)
    if quote is None or p.text[quote.end : start].strip(" ,"):
        return None
    return (quote,), "quote", [obj]


def opens_passage(v: Token) -> bool:
    """Whether a cue verb ends at a colon that opens what was said ("The email began: ...")."""
    return _colon_follows(v)


def _colon_follows(v: Token) -> bool:
    """'X wrote:' — the verb (or its last complement) is followed by a colon."""
    last = v.right_edge
    nxt = last.nbor(1) if last.i + 1 < len(last.doc) else None
    own = [c for c in v.children if c.dep_ in _CLAUSE_DEPS or (c.dep_ == "dobj" and c.lower_ not in _PLACEHOLDERS)]
    return (last.text == ":" or (nxt is not None and nxt.text == ":")) and not own  # "saw his words differently:"


# The rest of a paragraph after a comma, then a paragraph that opens with a quotation mark.
_COMMA_THEN_QUOTATION = re.compile(r"[ \t]*\n\s*[“\"‘]")


def _comma_before_quotation(p: Parsed, v: Token) -> bool:
    """'A former business partner stated in their testimony,' / '"Sometimes, when I asked him
    ..."': a cue with nothing of its own that ends its paragraph on a comma introduces the
    quotation opening the next paragraph, as "X wrote:" does (gold_fresh5a miss: the partner's
    testimony, with the nested cues inside it, was nobody's). Only when the next paragraph opens
    with a quotation mark: a comma alone ends many a cut-off line."""
    last = v.doc[-1]
    if last.text != "," or v.right_edge.i < last.i - 1:
        return False
    own = [c for c in v.children if c.dep_ in _CLAUSE_DEPS or (c.dep_ == "dobj" and c.lower_ not in _PLACEHOLDERS)]
    return not own and _COMMA_THEN_QUOTATION.match(p.text, p.char(last) + 1) is not None


def _quote_before_sentence(
    p: Parsed, v: Token, verb: CueVerb, topic: frozenset[int] | set[int] = frozenset()
) -> Content | None:
    """'"Probably." Priebus said.': the quotation closing just before a sentence that is only "X
    said" (and the words in `topic`, what it was said of)."""
    allowed = _ADJUNCT_DEPS | ({"dobj", "dative"} if verb.addressee else set())
    setting = {*topic, *(t.i for c in v.children if c.i > v.i and _setting_clause(c) for t in c.subtree)}
    setting |= {w.i for t in p.doc[v.i + 1 :] if _scene_participle(t, allowed) for w in t.subtree}
    if any(not t.is_punct and t.dep_ not in allowed and t.i not in setting for t in p.doc[v.i + 1 :]):
        return None  # the verb has words of its own after it
    if v.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children):
        return None  # "... and leave them for her to find.": a purpose, no one reporting the quote
    quote = next((q for q in reversed(p.quotes) if q.end <= p.bounds.start), None)
    if quote is None or p.text[quote.end : p.bounds.start].strip():
        return None
    return (quote,), "quote", []


def _scene_participle(t: Token, allowed: frozenset[str] | set[str]) -> bool:
    """A past participle on a noun of a phrase after "X said" that sets the scene ('told ITV in an
    interview aired on Monday', 'said in a statement released by her office'): it too only tells
    where the words were said (cue10 audit of PolNeAR train: the quotation before was lost); so
    does a relative clause on such a noun ('said of Apple in February, when the company balked
    at ...')."""
    return ((t.dep_ == "acl" and t.tag_ == "VBN") or t.dep_ == "relcl") and t.head.dep_ in allowed


# Subordinators of a clause that tells when or how the words were said ("said as he left").
_SETTING_MARKS = frozenset({"as", "while", "when", "after", "before"})


def _setting_clause(c: Token) -> bool:
    """'"...!" US Senator Jeff Sessions said as he launched the process', '"...?" Trump asked,
    looking far from displeased': a clause after "X said" that tells when or how it was said, a
    participle after a comma or a clause opened by "as", "while", "when" ...; it leaves "X said"
    with nothing of its own to say, so the quotation before is what was said (recall9 audit of
    PolNeAR train: the quote sentence ends in "!" or "?", so the splitter cut it from the tag)."""
    if c.dep_ != "advcl":
        return False
    if c.tag_ == "VBG":
        return c.left_edge.i > 0 and c.doc[c.left_edge.i - 1].text == ","
    return any(m.dep_ in _SETTING_MARK_DEPS and m.lower_ in _SETTING_MARKS and m.i < c.i for m in c.children)


# How the parser hangs the subordinator of a setting clause: "as" and "while" as marks, "when"
# also as an adverb ("said ... when asked how ties would fare": cue10 audit of PolNeAR train).
_SETTING_MARK_DEPS = frozenset({"mark", "advmod"})


def _object_content(p: Parsed, v: Token, verb: CueVerb, lex: Lexicon) -> Content | None:
    wh = next((c for c in v.children if c.dep_ in _WH_DEPS and c.tag_ in ("WP", "WDT") and c.i < v.i), None)
    if wh is not None and wh.lower_ in _WH_OBJECTS:  # "what Melania Trump told NBC", "whom he described as"
        rest = _rest_after(p, v)
        fragments = tuple(f for f in (p.tokens([wh]), rest) if f)
        return (fragments, "np", []) if fragments else None
    objects = [c for c in v.children if c.dep_ in OBJECT_DEPS]
    relative = _relative_object(p, v, objects)
    if relative is not None:
        return relative
    if verb.addressee:
        objects = [o for o in objects if o.dep_ != "dobj" or o.i < v.i]
    if objects:
        obj = objects[0]
        pronoun = verb.cls == CueClass.SPEECH and obj.tag_ in _NOT_CONTENT_TAGS and not _labelled_as(v, obj)
        if (obj.lower_ in lex.non_sources and not _planned(obj)) or pronoun:
            return None  # "said so", "told him", "said what"
        carried = _carried_content(p, v, verb, obj, lex)
        if carried is not None:
            return carried
        heard = heard_speaker(v, lex)
        if heard is not None:  # "recalled Lopez saying that ...": Lopez's saying is what was recalled
            span = p.span(obj.left_edge.i, heard.right_edge.i)
            return ((span,), quote_kind(p, span), []) if span else None
        inner = None if verb.opposes else _noun_clause(obj, lex)
        if inner is not None:
            span = p.subtree(inner)
            return ((span,), quote_kind(p, span), []) if span else None
        span = p.span(obj.left_edge.i, _before_setting(obj, _object_end(v, obj).right_edge.i))
        return ((span,), "np", []) if span else None
    return _prep_content(p, v, verb) if verb.prep or verb.cls == CueClass.SPEECH else None


def _planned(obj: Token) -> bool:
    """'announced plans to sue the panel', 'announced her plan to support people with autism': an
    idiom word of `non_sources.txt` ("according to plan") with the infinitive of what is planned
    is a content (cue10 audit of PolNeAR train: 9 of 10 "announced / outlined / issued a plan(s)
    to ..." in 8 articles were marked, none found)."""
    return any(c.dep_ == "acl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in obj.children)


def _labelled_as(v: Token, obj: Token) -> bool:
    """'Beth Meacham described it as “a magical ... adventure”': a pronoun object followed by
    the label "as ..." the speaker gives it; the label is what was said (gold_fresh3a miss), while
    "described it" or "told him" alone say nothing."""
    return any(c.dep_ == "prep" and c.lower_ == "as" and c.i == obj.i + 1 and c.n_rights > 0 for c in v.children)


def _rest_after(p: Parsed, v: Token) -> Span | None:
    """What follows a relative clause's verb whose object is the antecedent, up to a clause of
    time or place ("that Ailes envisioned | when he founded it"): when it spoke, not what."""
    times = [c.left_edge.i for c in v.children if c.dep_ == "advcl" and c.i > v.i and _time_or_place(c)]
    end = min(times, default=v.right_edge.i + 1) - 1
    return p.span(v.i + 1, end) if end > v.i else None


def _relative_object(p: Parsed, v: Token, objects: list[Token]) -> Content | None:
    """'a move that civil liberties groups have decried as unconstitutional': the object is the
    relative pronoun, which stands for its antecedent; the content is the antecedent and what
    follows the verb, never the words from the pronoun on, which hold the source itself
    (gold_fresh3a: the content was 'that civil liberties groups have')."""
    obj = objects[0] if objects else None
    if obj is None or obj.tag_ != "WDT" or obj.i > v.i or v.dep_ != "relcl" or v.head.i >= obj.i:
        return None
    fragments = tuple(
        f
        for f in (
            p.span(v.head.left_edge.i, obj.i - 1),
            _rest_after(p, v),
        )
        if f
    )
    return (fragments, "np", []) if fragments else None


# Classes of a participle whose content a released, published or issued message carries.
_CARRIED_CLASSES = frozenset({CueClass.SPEECH, CueClass.STANCE, CueClass.REPORT, CueClass.BELIEF, CueClass.QUESTION})


def carried_participle(v: Token, verb: CueVerb, obj: Token, lex: Lexicon) -> Token | None:
    """'released a statement Thursday condemning X', 'published an op-ed hammering X': the cue
    participle right after a speech verb's message object, whose content is what the message
    said (PolNeAR marks one attribution, its cue running from the verb to the participle; the
    parser hangs the participle on the object or on the verb). Nothing but a time may stand
    between the object and the participle."""
    if verb.cls != CueClass.SPEECH or verb.addressee or verb.needs or obj.tag_ in _NOT_CONTENT_TAGS:
        return None
    if _named_object(obj) or obj.lower_ in role_words():
        return None  # "recalled Lopez saying that ...": a second speaker, no message carrying it
    hosts = [c for c in obj.children if c.dep_ == "acl"] + [c for c in v.children if c.dep_ in ("advcl", "xcomp")]
    for part in sorted((c for c in hosts if c.tag_ == "VBG" and c.i > obj.i), key=lambda c: c.i):
        inner = lex.verb(part.lower_)
        gap = v.doc[obj.i + 1 : part.i]
        if inner is None or inner.cls not in _CARRIED_CLASSES or part.lower_ in ("according", "citing", "quoting"):
            return None
        if any(t.is_punct or (t.head.i not in (obj.i, v.i) and t.head.dep_ != "npadvmod") for t in gap if t.i > obj.i):
            return None  # "released a report, saying ...": the participle is the sender's own
        return part
    return None


def heard_speaker(v: Token, lex: Lexicon) -> Token | None:
    """The speech participle right after a cue verb's named or person object ("recalled Lopez
    saying that ...", "remembered Hendricks mentioning ..."): the object is who said it, the
    participle a cue of its own whose content the outer verb reports (issue 14 audit: "The
    ex-staffer recalled Morales mentioning" was read as one cue of the ex-staffer's)."""
    obj = next((c for c in v.children if c.dep_ == "dobj" and c.i > v.i), None)
    if obj is None or not (_named_object(obj) or obj.lower_ in role_words()):
        return None
    part = next((c for c in v.children if c.dep_ in ("advcl", "xcomp") and c.i == obj.right_edge.i + 1), None)
    inner = lex.verb(part.lower_) if part is not None and part.tag_ == "VBG" else None
    if part is None or inner is None or inner.cls not in _CARRIED_CLASSES or part.lower_ in ("according", "citing"):
        return None
    return part


def _named_object(obj: Token) -> bool:
    """A bare capitalised object, a name ("recalled Lopez saying"), not a message ("released the
    Mueller Report condemning"): its participle is what the named one said, a relation of its
    own (issue 14 audit: "recalled Morales mentioning" was read as one cue of the recaller's)."""
    return (
        obj.text[:1].isupper() and obj.i > obj.sent.start and not any(c.dep_ in ("det", "poss") for c in obj.children)
    )


def _carried_content(p: Parsed, v: Token, verb: CueVerb, obj: Token, lex: Lexicon) -> Content | None:
    """The content a message object carries through its participle (`carried_participle`), with
    the object and the participle joined to the cue."""
    part = carried_participle(v, verb, obj, lex)
    inner = lex.verb(part.lower_) if part is not None else None
    content = verb_content(p, part, inner, lex) if part is not None and inner is not None else None
    if part is None or content is None or not content[0]:
        return None
    fragments, kind, extra = content
    return fragments, kind, [obj, part, *extra]


def quote_mark(t: Token) -> bool:
    return t.is_punct and t.text in _QUOTE_MARKS


def _extends_object(c: Token) -> bool:
    """A phrase after the object that belongs to the content: "called X a liar", "accused X of Y",
    "blamed the law on Democrats", "described the country as beset by ..."; not a clause of
    its own (a conjoined verb, an adverbial clause other than "as ...", "according to")."""
    if c.dep_ in ("conj", "cc", "punct", "parataxis", "mark", "npadvmod"):
        return False  # "endorsed Trump | last week"
    if c.dep_ == "prep" and _names_a_share(c):
        return True  # "showed Rubio | at 11 percent": the figure shown, never a place or a time
    if c.dep_ == "prep" and _means(c):
        return False  # "dismissed the charges | by pointing out that ...", "denied them | through his lawyer"
    if c.dep_ == "prep" and (
        c.lower_ in _SETTING_PREPS
        or (c.lower_ in ("on", "in") and _names_a_time(c))
        or (c.lower_ == "in" and _in_setting(c))
    ):
        return False  # "endorsed Sanders | in February", "supporting Mr. Cruz | in all 99 counties"
    if (
        c.dep_ == "advcl"
        and not any(m.lower_ == "as" for m in c.children if m.dep_ == "mark")
        and c.left_edge.lower_ != "as"
    ):
        return False  # but "sees the mayor | as most likely to win" ("as" read as an adverb)
    return c.lower_ not in ("according", "citing", "quoting")


def _means(prep: Token) -> bool:
    """'dismissed the charges | by pointing out that she had praised it', 'attacked Fiorina | by
    reminding voters that ...', 'denied the accusations | through a spokeswoman': a "by" phrase
    of a gerund or a "through" phrase hung on the cue verb says how the act was done, not what it
    was about; the gerund's own statement is a relation of its own, which inside the first
    content was lost as nested. PolNeAR train (content12, every changed claim read): 13 object
    contents in 13 articles end before the phrase, and in 5 articles the gerund's statement is
    now a claim; a "through" phrase only of a go-between (`_GO_BETWEENS`): "their finances
    through the end of 2015" is a time the content covers."""
    gerund = prep.lower_ == "by" and any(k.dep_ == "pcomp" and k.tag_ == "VBG" for k in prep.children)
    go_between = prep.lower_ == "through" and any(k.dep_ == "pobj" and k.lower_ in _GO_BETWEENS for k in prep.children)
    return gerund or go_between


# Who or what a source speaks through ("denied them through his lawyer"); any other "through"
# phrase may be a time the content covers ("detailing their finances through the end of 2015").
_GO_BETWEENS = frozenset(
    {"spokesman", "spokeswoman", "spokesperson", "lawyer", "lawyers", "attorney", "attorneys", "representative"}
    | {"representatives", "aide", "aides", "publicist", "statement", "statements", "intermediary", "intermediaries"}
)


# Speech verbs whose "at" phrase is where they were said ("spoke at the White House", "speaking
# at a rally", "voted at midnight"), never what: on PolNeAR train 20 of the 25 "<verb> at"
# contents of these verbs matched no gold content.
_PLACE_AT_VERBS = frozenset({"speak", "talk", "say", "tell", "ask", "testify", "vote", "write", "post", "comment"})


@cache
def _setting_nouns() -> frozenset[str]:
    return frozenset(load_lines("setting_nouns.txt"))


def _setting(prep: Token, verb: CueVerb) -> bool:
    """Whether a prepositional phrase of a cue verb sets when, where or how it was said, not
    what about: "on Thursday", "on March 1", "at a rally" (of a verb of speaking), "on condition
    of anonymity", "on Twitter" (`setting_nouns.txt`). On PolNeAR train most "<verb> on/at"
    contents were such settings (issue 14: content over-taken)."""
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if obj is None:
        return False
    if prep.lower_ == "at" and verb.lemma in _PLACE_AT_VERBS:
        return True
    if prep.lower_ == "for":
        spoke_out = any(c.dep_ == "prt" for c in prep.head.children)  # "spoke out for shotgun marriages"
        return (verb.lemma in _BEHALF_FOR_VERBS and not spoke_out) or a_while(obj)
    return prep.lower_ == "on" and _on_setting(obj)


def _on_setting(obj: Token) -> bool:
    """Whether the object of an "on" says where or when words went out: a setting noun ("on
    Twitter", `setting_nouns.txt`), a day or a programme."""
    return obj.lower_ in _setting_nouns() or _names_a_day(obj) or _names_a_programme(obj)


# Verbs of talking whose "for" says on whose behalf, never what about: "She spoke for the union,
# saying ..." made "the union" her claim (span9's report).
_BEHALF_FOR_VERBS = frozenset({"speak", "talk", "testify", "chat"})


def _names_a_programme(obj: Token) -> bool:
    """'on Fox News Channel’s “Hannity,”', 'on “Meet the Press”': a capitalised name held by a
    named outlet's possessive or set in quotation marks is the programme it was said on, not what
    about (side9: "Speaking on Fox News Channel’s “Hannity,” Green said ..." made the programme
    a claim). A topic is a common noun ("commented on Weiner’s future")."""
    owned = any(c.dep_ == "poss" and c.tag_ in ("NNP", "NNPS") for c in obj.children)
    quoted = any(c.tag_ == "``" for c in obj.children) or obj.left_edge.tag_ == "``"
    return obj.text[:1].isupper() and (owned or quoted)


def _names_a_day(obj: Token) -> bool:
    """'Thursday', 'Tuesday evening', 'March 1', 'Nov. 14': a day, not a topic ("voted on the bill")."""
    words = {t.lower_.rstrip(".") for t in obj.subtree}
    months = {m[:3] for m in MONTH_NAMES} | set(MONTH_NAMES)
    return bool(words & _DAY_WORDS) or (bool(words & months) and any(t.like_num for t in obj.subtree))


@cache
def _in_setting_nouns() -> frozenset[str]:
    return frozenset(load_lines("in_setting_nouns.txt"))


def _in_setting(prep: Token) -> bool:
    """'in a statement', 'in federal court', 'in the past', 'in July': an "in" phrase that says
    through what or when, not what about (`in_setting_nouns.txt`); "in support of ..." and "in
    the House" stay with the object. Cutting every "in" phrase cost 0.001 of PolNeAR train content
    overlap F1 against keeping them all."""
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    return obj is not None and obj.lower_ in _in_setting_nouns()


# Words that make an "at" phrase a share ("at 11 percent", "at or above 10 percent").
_SHARE_WORDS = frozenset({"percent", "%", "percentage", "points"})


def _names_a_share(prep: Token) -> bool:
    """'at 11 percent', 'at or above 10 percent': a figure after a poll's object, what it showed.
    On all of PolNeAR train such an "at N percent" lay inside the annotated content 18 times (17
    articles) and right after it never; as a setting preposition the object was cut before it
    (span8 audit: "showed Rubio in third at 11 percent", "show Johnson at or above 10 percent")."""
    words = list(prep.subtree)
    return prep.lower_ == "at" and any(t.lower_ in _SHARE_WORDS for t in words) and any(t.like_num for t in words)


def _names_a_time(prep: Token) -> bool:
    """'on Monday', 'on March 1', 'in 2009': a preposition whose object is a day, a date or a year.
    Only a cardinal number of the object itself counts: spaCy's `like_num` takes ordinals too, and
    the whole subtree reached into further phrases, so "showed Rubio in third" and "showed four
    candidates in a jumble for second place" lost their "in" phrase as if it were a time (span8
    audit of PolNeAR train 600-719)."""
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if obj is None:
        return False
    own = [obj, *(c for c in obj.children if c.dep_ in ("nummod", "compound", "amod"))]
    return obj.lower_ in _TIME_WORDS or any(t.tag_ == "CD" for t in own)


def _noun_clause(obj: Token, lex: Lexicon) -> Token | None:
    """'announced its assessment that ...': the clause inside a cue-noun object the subject owns.

    A noun with an owner of its own ("dismissed the ministry's claim that ...") is left to the
    noun rule: the claim is the ministry's, not the subject's. A verb that opposes its object
    (+opposes: "countered her claims that ...") never owns the clause: the whole object is content.
    """
    if obj.lower_ not in lex.nouns or own_owner(obj):
        return None
    return next((c for c in obj.children if c.dep_ in ("acl", "ccomp", "relcl") and has_that(c)), None)


def _prep_content(p: Parsed, v: Token, verb: CueVerb) -> Content | None:
    """'called for a ban', 'joked about moving to New Zealand', 'did not respond to a request'."""
    preps = _CONTENT_PREPS if verb.prep else _SPEECH_PREPS
    for prep in (c for c in v.children if c.dep_ == "prep" and c.i > v.i and c.lower_ in preps):
        if verb.cls == CueClass.SPEECH and prep.lower_ in _ADDRESSEE_PREPS and verb.lemma not in _ANSWER_VERBS:
            continue
        if _setting(prep, verb):
            continue
        objects = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
        if objects:
            span = p.span(objects[0].left_edge.i, _before_setting(objects[0], _object_end(v, prep).right_edge.i))
            return ((span,), "np", [prep]) if span else None
    if verb.addressee:
        hearer_of = _hearer_prep_content(p, v)
        if hearer_of is not None:
            return hearer_of
    return _for_clause(p, v) if verb.prep else None


def _hearer_prep_content(p: Parsed, v: Token) -> Content | None:
    """'warned the committee of the risk': the parser hangs "of the risk" on the hearer; what the
    hearer was warned of is the content (issue 14, cause 1)."""
    hearer = next((c for c in v.children if c.dep_ == "dobj" and c.i > v.i), None)
    prep = (
        next((c for c in hearer.children if c.dep_ == "prep" and c.lower_ in _HEARER_PREPS), None) if hearer else None
    )
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    if obj is None or prep is None or any(t.tag_.startswith("VB") for t in obj.subtree):
        return None  # "told the members of the board that cuts were coming": a clause misread, no noun
    span = p.subtree(obj)
    return ((span,), "np", [prep]) if span is not None else None


def _for_clause(p: Parsed, v: Token) -> Content | None:
    """'is calling for the United States to take a stronger role': the parser reads "for" as the
    mark of an infinitive clause; the clause after it is what was called for."""
    for clause in (c for c in v.children if c.dep_ == "advcl" and c.i > v.i):
        mark = next((m for m in clause.children if m.dep_ == "mark" and m.lower_ == "for"), None)
        if mark is not None and mark.i == clause.left_edge.i:
            span = p.span(mark.i + 1, clause.right_edge.i)
            return ((span,), "clause", [mark]) if span else None
    return None


# Nouns of an occasion of speaking: an "at" or "during" phrase naming one ("at a press conference",
# "during an interview") says where the words were said (with `in_setting_nouns.txt`).
_OCCASIONS = frozenset({"rally", "conference", "briefing", "event", "hearing", "appearance", "broadcast", "summit"})


def _before_setting(obj: Token, last: int) -> int:
    """The last word of an object content, before a phrase at its end that sets when, where or
    through what the cue's act happened: "posted the story | on Facebook", "claimed the nomination
    | on Tuesday", "discussed my sentence | on the Fox News Channel’s The Kelly File". The parser
    hangs the phrase on the object's noun, where `_extends_object`, which reads the verb's own
    phrases, never sees it. Not on a verb inside the object ("the actor attending the convention
    on Wednesday"), nor on a message noun, whose day is its own ("Clinton’s remarks on Thursday"),
    nor in a quotation; "in" phrases stay, as a noun's "in" phrase is mostly its own ("the points
    in Exxon's letter", "plagiarism in political speech": 8 of 13 on PolNeAR train)."""
    words = obj.doc[obj.i + 1 : last + 1]  # the object and what `_object_end` joined to it ("Palin a “clown”")
    for prep in (t for t in words if t.dep_ == "prep" and t.right_edge.i == last):
        verbs = any(t.tag_.startswith("VB") for t in words if t.i < prep.i)  # "as having stances on the program"
        if prep.head.tag_.startswith("NN") and not verbs and _setting_on_noun(prep):
            return prep.left_edge.i - 1
    return last


# Objects of "on" in `setting_nouns.txt` that, on a noun, say where the thing itself is or whom it
# serves ("smoke on the third floor", "its work on behalf of ..."), not where words were said.
_OWN_PLACES = frozenset({"behalf", "floor", "stage", "trail", "plane", "air", "record"})


def _setting_on_noun(prep: Token) -> bool:
    """'on Twitter', 'on Thursday night', 'on Fox’s “Hannity”', 'at a press conference', 'during an
    interview': a short phrase naming a day, a channel or an occasion of speaking, on a noun that is
    no message itself and outside any quotation (`_before_setting`)."""
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    noun = prep.head
    if obj is None or noun.lower_ in _in_setting_nouns() or obj.lower_ in _OWN_PLACES:
        return False  # "his work on behalf of ...": whom the work is for; "smoke on the third floor": where it is
    if any(t.tag_.startswith("VB") for t in [*noun.doc[noun.left_edge.i : prep.i], *prep.subtree]):
        return False  # "the assistants on the trading floor who flirt ..."
    return not _inside_quote(prep) and _setting_phrase(prep)


def _inside_quote(t: Token) -> bool:
    """Whether a word stands inside a quotation opened earlier in its sentence ('“... shirts at her
    event in Hudson”': the speaker's words, never the writer's setting); 'called Palin a “clown” on
    his radio show' has the quotation closed before the phrase."""
    return quote_left_open(t.doc[t.sent.start : t.i])


# Prepositions that complete a setting's noun: "an interview with CNN", "a rally in Tampa",
# "Wednesday’s broadcast of “New Day”"; any other ("on her Facebook about why ...") adds a topic.
_SETTING_OF = frozenset({"of", "with", "in", "at"})


def _setting_phrase(prep: Token) -> bool:
    """'on Twitter', 'on Thursday night', 'on Fox’s “Hannity”', 'during an interview', 'at a press
    conference': an "on", "at" or "during" phrase naming a day, a channel or an occasion of speaking."""
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if obj is None or any(c.dep_ in ("prep", "relcl", "acl") and c.lower_ not in _SETTING_OF for c in obj.children):
        return False  # "a message on her Facebook | about why ...": more than a setting
    if prep.lower_ == "on":
        return _on_setting(obj)
    occasion = (obj.lower_ in _in_setting_nouns() and obj.lower_ not in _IN_TIMES) or obj.lower_ in _OCCASIONS
    return prep.lower_ in ("at", "during") and occasion  # not "during the opening night": a time of its own


def _ends_sentence(phrase: Token) -> bool:
    """Whether nothing but punctuation follows a phrase in its sentence: an "on Twitter" there is
    the last word on the act; one with more after it ("on Twitter and in ...") is left whole."""
    return all(t.is_punct for t in phrase.doc[phrase.right_edge.i + 1 : phrase.sent.end])


def _object_end(v: Token, obj: Token) -> Token:
    """The last phrase after a verb's object that still belongs with it ("referred to X as Y")."""
    last = obj
    for c in sorted((c for c in v.children if c.i > obj.i and not quote_mark(c)), key=lambda c: c.i):
        gap = v.doc[last.right_edge.i + 1 : c.left_edge.i]
        if any(not t.is_punct or t.text in ",;:" for t in gap) or not _extends_object(c):
            break  # "pledged her vote to Clinton | recently in an effort to ..."
        if c.dep_ == "prep" and c.lower_ == "on" and _setting_phrase(c) and _ends_sentence(c):
            break  # "blamed local officials | on Twitter."
        last = c
    return _reason_past_setting(v, _figure_end(v, last))


def _reason_past_setting(v: Token, last: Token) -> Token:
    """The "for ..." reason or "as ..." label of a stance verb past a setting or an aside between
    it and the object: "defended himself on Saturday | for bailing on his bill", "chided Obama on
    Aug. 17 | for continuing his vacation", "is praising Jeb Bush, who ended his bid Saturday, |
    as “a man who didn't go to the gutter”". The content stopped at the object, and the stance
    made no claim (claims10 audit of PolNeAR train: about 14 such reasons and labels in 13
    articles; 6 in 6 are claims now, the others hang the reason inside an aside or a noun).
    Between them only time or setting phrases, adverbs and the comma closing the object's aside."""
    cue = lexicon().verb(v.lower_)
    if cue is None or cue.cls != CueClass.STANCE:
        return last
    after = (c for c in v.children if c.dep_ == "prep" and c.i > last.right_edge.i)
    prep = next((c for c in after if c.lower_ in ("for", "as")), None)
    target = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None) if prep is not None else None
    if prep is None or target is None or no_reason(target) or target.tag_ in ("VBN", "VBD"):
        return last
    settings = [c for c in v.children if last.right_edge.i < c.i < prep.i]
    if not settings and "," not in [t.text for t in last.subtree]:
        return last  # a bare comma after a plain object ends it: "blasted Smith, as expected"
    covered = {t.i for c in settings if _sets_the_act(c) for t in c.subtree}
    gap = v.doc[last.right_edge.i + 1 : prep.i]
    return prep if all(t.i in covered or t.text in (",", "--", "—", ")") for t in gap) else last


def _sets_the_act(c: Token) -> bool:
    """A phrase that says when, where or how a stance was taken, not what it was about."""
    if c.dep_ in ("npadvmod", "advmod"):
        return True
    return c.dep_ == "prep" and (
        c.lower_ in _SETTING_PREPS or (c.lower_ in ("on", "in") and _names_a_time(c)) or _setting_phrase(c)
    )


# Verbs that put a figure on something: their "at ..." phrase is the figure, not a place or
# time ("forecast electricity demand Monday at near all-time peak levels", "estimated the damage
# at $2 billion"; a noun-phrase claim of the real-page gold cut to "electricity demand").
_FIGURE_VERBS = frozenset({"forecast", "estimate", "project", "predict", "put", "peg"})


def _figure_end(v: Token, last: Token) -> Token:
    """The "at ..." figure of a verb of estimating, past a time between ("demand Monday at ..."),
    and likewise the "as ..." of any other verb ("lists the population that year as 21,090")."""
    cue = lexicon().verb(v.lower_)
    word = "at" if cue is not None and cue.lemma in _FIGURE_VERBS else "as"
    at = next((c for c in v.children if c.dep_ == "prep" and c.lower_ == word and c.i > last.i), None)
    if at is None or any(t.text in ",;:" for t in v.doc[last.right_edge.i + 1 : at.i]):
        return last
    between = v.doc[last.right_edge.i + 1 : at.left_edge.i]
    return at if all(t.dep_ == "npadvmod" or t.head.dep_ == "npadvmod" for t in between) else last


def quote_kind(p: Parsed, span: Span | None) -> str:
    """'quote' when a content span is (or holds) a quotation, else 'clause'."""
    return quote_kind_of(p.text, (span,), margin=1) if span is not None else "clause"
