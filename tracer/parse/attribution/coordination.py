"""Cue verbs the parser hangs inside another cue's content although they are statements of their own.

The small model often attaches a second verb of the same speaker to the nearest verb of what
the first one said: in "Ginsburg said that she didn't want to think about it and predicted
that Clinton will win", "predicted" becomes a conjunct of "want", and in "Bennett denied the
notion that a shakeup is coming, explaining that ...", "explaining" an adverbial of
"coming". Read literally, the first content swallows the second attribution and its source
becomes "she" or "a shakeup". Likewise "Rubio suggested A, while Cruz said B": B is Cruz's
statement, not part of what Rubio suggested. This module finds such verbs so that the first
content stops before them and the shared speaker is the second verb's source.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tracer.models import CueClass
from tracer.parse.attribution.cues import NAMING, REPORTING, Lexicon, lexicon
from tracer.parse.attribution.grammar import FINITE_TAGS, quote_left_open, speaker_like, wh_report

if TYPE_CHECKING:  # spaCy is imported only when a text is parsed (nlp.py)
    from spacy.tokens import Token

_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
# Clause links that make a coordinate or adjunct clause, not a complement of what was said.
_SIDE_DEPS = frozenset({"conj", "advcl"})
# Words that open a statement set against the one before ("..., while Cruz said ...").
_CONTRAST = frozenset({"while", "whereas", "but", "although", "though", "and", "yet"})


def shared_speaker(w: Token, lex: Lexicon) -> Token | None:
    """The outer cue verb whose subject a subjectless cue verb inside its content really has.

    Three shapes: a finite verb coordinated with a verb of another form ("she didn't want ...
    and predicted": "want" carries an auxiliary, "predicted" the speaker's tense), a speech
    participle after a comma (", explaining that ..."), and a participle coordinated with one
    ("stating that A and noting that B"), which the parser may join to the content's verb
    ("telling them that A is a fraud and questioning how ...": `_joined_participle`). An intent
    verb joined to the content's verb is that clause's subject's act, not the speaker's ("said
    the board had weighed it but decided to go ahead": span8 audit of PolNeAR train 600-719, 2
    articles cut before "decided", "wanted").

    Returns:
        The outer cue verb, or None when `w` is not such a verb.
    """
    if any(c.dep_ in _SUBJECT_DEPS or c.dep_ == "mark" for c in w.children):
        return None
    verb = lex.verb(w.lower_)
    if verb is None:
        return None
    if w.dep_ not in _SIDE_DEPS:
        return None
    tense = _tense(w)
    if w.dep_ == "conj" and tense in FINITE_TAGS and verb.cls != CueClass.INTENT:
        if w.head.tag_ != w.tag_ or _voiceless(w, lex) or _spoken_again(w, lex):
            return _outer_cue(w, lex, tense)
        outer = _outer_cue(w, lex, tense) if verb.cls == CueClass.SPEECH else None
        return outer if outer is not None and _about_self(w.head, outer) else None
    if w.tag_ == "VBG" and verb.cls in REPORTING and _after_comma(w):
        return _outer_cue(w, lex, None)
    if w.tag_ == "VBG" and ((w.dep_ == "conj" and verb.cls in REPORTING) or _joined_participle(w)):
        return _outer_participle(w, lex)
    return None


def _tense(w: Token) -> str:
    """The finite tag a joined verb carries, its auxiliary's when it has one: in "Ryan insists the
    party must change, and has championed an agenda", "has championed" is in the present like
    "insists", and "have been calling" like "believe", so the outer cue of the same tense is found
    (coord13: PolNeAR train, 2 articles credited the content's subject, "the GOP", "debt relief").
    A past perfect is not the speaker's tense but the reported clause's, shifted back ("Bob said he
    knew the book but had not seen the movie": the annotators keep it in the content), so "had"
    does not count."""
    aux = next((c for c in w.children if c.dep_ == "aux" and c.i < w.i and c.tag_ in FINITE_TAGS), None)
    return aux.tag_ if aux is not None and aux.lower_ != "had" else w.tag_


# Cue classes of a participle that, joined by "and" to a cue participle's content, is the same
# speaker's act: "telling reporters that A and questioning how B", "calling him dopey and
# accusing him of C" (span9: PolNeAR train, the annotators end the first content before it in 8
# articles; the parser hangs it on the content's verb, as a conjunct or an adverbial clause, and
# made "the mayor" or "it" its source).
_ACT_CLASSES = frozenset({*REPORTING, CueClass.QUESTION, CueClass.STANCE})


def _joined_participle(w: Token) -> bool:
    """Whether a cue participle opens a clause joined by "and"/"but" to the content's verb, a verb
    of another form ("is", "to see"), which a participle cannot be coordinated with."""
    verb = lexicon().verb(w.lower_)
    before = w.doc[w.left_edge.i - 1] if w.left_edge.i > 0 else None
    joined = before is not None and before.lower_ in ("and", "but") and w.dep_ in ("conj", "advcl")
    other_form = w.head.tag_.startswith("VB") and w.head.tag_ != "VBG"
    return joined and other_form and verb is not None and verb.cls in _ACT_CLASSES


def _outer_participle(w: Token, lex: Lexicon) -> Token | None:
    """'..., stating that the dam was safe and noting that repairs had begun' (issue 14): the
    parser joins the second participle to the verb of the first one's content ("was"); both are
    the speaker's, so the nearest statement participle above is the shared one."""
    for a in w.ancestors:
        verb = lex.verb(a.lower_) if a.i < w.i and a.tag_ == "VBG" else None
        if verb is not None and (verb.cls in REPORTING or (verb.cls == CueClass.INTENT and _joined_participle(w))):
            return a
    return None


def _spoken_again(w: Token, lex: Lexicon) -> bool:
    """'Ms. Khan said Mr. Trump was ignorant of Islam and noted that ...': a speech verb joined in
    the same tense to a content verb that reports nothing itself, and saying something of its
    own (a clause, "to ...", a quotation), is the speaker's second statement, whoever the
    content's subject is. Joined to a cue verb it is that verb's subject's ("said Trump called
    himself pro-choice and admitted that ..."); with a noun object it is an act of the content's
    subject ("said her husband went to the police and reported the theft"). On PolNeAR train
    the annotators end the first content before such a verb 11 times in 11 articles, and run
    on past it twice."""
    verb = lex.verb(w.lower_)
    if verb is None or verb.cls != CueClass.SPEECH or lex.verb(w.head.lower_) is not None:
        return False
    if quote_left_open(w.doc[w.head.i : w.i]):
        return False  # 'said she approached her "and said, ..."': the speaker's quoted words tell it
    after = w.nbor(1) if w.i + 1 < len(w.doc) else None
    return any(c.dep_ in ("ccomp", "xcomp") for c in w.children) or (after is not None and after.text in (",", ":"))


def _voiceless(w: Token, lex: Lexicon) -> bool:
    """'said the plan was sound and added, ...': a speech verb joined to a verb whose subject
    cannot speak (not a pronoun, a name or a people noun) is the outer speaker's."""
    verb = lex.verb(w.lower_)
    subject = next((c for c in w.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if verb is None or verb.cls != CueClass.SPEECH or subject is None:
        return False
    return subject.tag_ not in ("PRP", "NNP", "NNPS", "WP") and subject.lower_ not in lex.people


# Pronouns by which a speaker's reported clause speaks of the speaker ("Lazar said he ...").
_SELF = frozenset({"he", "she", "they", "we", "i"})


def _about_self(joined: Token, outer: Token) -> bool:
    """'Lazar said he welcomed extradition and added, "I'll plead guilty"', 'He said that he was
    focused on the platform and noted that ...': a speech verb joined to the verb of a clause
    whose subject is the speaker again (a pronoun, the outer subject being a name or the same
    pronoun) is the speaker's next statement, whoever of the two is read as its subject; the
    first content swallowed it (recall9 audit of PolNeAR train). A clause about someone else
    ("Smith said Jones called and told him to leave") stays as it is: Jones may have told."""
    subject = next((c for c in joined.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    speaker = next((c for c in outer.children if c.dep_ == "nsubj"), None)
    if subject is None or speaker is None or subject.lower_ not in _SELF:
        return False
    return speaker.tag_ != "PRP" or speaker.lower_ == subject.lower_


def own_statement(w: Token, host: Token, lex: Lexicon) -> bool:
    """Whether cue verb `w`, inside the content of cue `host`, starts a statement of its own.

    Either it shares the host's speaker ("said A and predicted B") or it has its own subject
    and is set against what precedes ("..., while Cruz said B").
    """
    speaker = shared_speaker(w, lex)
    return (speaker is not None and speaker.i == host.i) or _contrasted(w)


def cut_start(w: Token, floor: int) -> int:
    """Index of the first token to leave out for a separated clause: its joining words too."""
    i = w.left_edge.i
    while i - 1 > floor and (w.doc[i - 1].is_punct or w.doc[i - 1].dep_ in ("cc", "mark")):
        i -= 1
    return i


def _outer_cue(w: Token, lex: Lexicon, tag: str | None) -> Token | None:
    """The nearest statement verb above `w` (of the given tag) with a subject of its own, not past
    a joined clause with a subject of its own: "He made fun of an email Assanis sent students,
    acknowledging that ..." (the parser joins "sent" to "made") acknowledges what Assanis sent,
    not what he made fun of (gold_fresh4a: the student was shown as the source)."""
    below = w
    for a in w.ancestors:
        if below.i != w.i and below.dep_ == "conj" and any(_speaking_subject(c) for c in below.children):
            return None
        below = a
        verb = lex.verb(a.lower_) if a.i < w.i and a.tag_.startswith("VB") else None
        if verb is None or verb.cls not in REPORTING or (tag is not None and a.tag_ != tag) or wh_report(a):
            continue  # "questioned why X did not speak, implying ...": the asker implies
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in a.children):
            return a
    return None


def _speaking_subject(t: Token) -> bool:
    """A subject who can speak ("Assanis sent"), not "wages" of "wages fell, noting ...", where the
    noting is still the outer speaker's."""
    return t.dep_ in ("nsubj", "nsubjpass") and (t.tag_ == "PRP" or speaker_like(t))


def _reaches(t: Token, clause: Token) -> bool:
    return t.i == clause.i or any(a.i == clause.i for a in t.ancestors)


def _contrasted(w: Token) -> bool:
    """'..., while Cruz said ...', '..., but 22 percent said ...': a cue with its own subject, set apart."""
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in w.children) or w.dep_ not in _SIDE_DEPS:
        return False
    first = w.left_edge
    opener = first if first.lower_ in _CONTRAST else (first.nbor(-1) if first.i > 0 else None)
    before = first.nbor(-1) if first.i > 0 else None
    if opener is None or opener.lower_ not in _CONTRAST:
        return bool(before is not None and before.text in (";", "—", "–"))
    comma = opener.nbor(-1) if opener.i > 0 else None
    if comma is not None and comma.text in (",", ";", "—", "–"):
        return True
    # "One in three said A and one in four said B": a speech verb and its own subject after "and"
    verb = lexicon().verb(w.lower_)
    speech = verb is not None and verb.cls in NAMING
    return opener.lower_ in ("and", "but") and w.tag_ in FINITE_TAGS and speech


def _after_comma(w: Token) -> bool:
    first = w.left_edge
    return first.i > 0 and first.nbor(-1).text in (",", "—", "–", ";")
