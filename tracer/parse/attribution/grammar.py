"""Grammar helpers shared by the attribution rules: subjects, passives, "who" referents, particles and
intermediaries ("cited by Y")."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from typing import TYPE_CHECKING

from tracer.datafiles import load_json
from tracer.parse.attribution.cues import inflections, lexicon, source_words
from tracer.parse.attribution.spans import Citation, Parsed
from tracer.parse.claims.people import given_name_gender
from tracer.text import Span
from tracer.words import BE_FORMS, RELATIVE_PRONOUNS

if TYPE_CHECKING:  # spaCy is imported only when a text is parsed (nlp.py)
    from spacy.tokens import Doc, Token

# Tags of a finite verb (a modal, MD, counts too where a user says so).
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
# With a modal: a verb with a tense of its own ("he will", "she would"), a clause of its own too.
TENSED_TAGS = FINITE_TAGS | {"MD"}
# Dependencies of a verb's object: "endorsed Trump", "is a fan", "called him a liar".
OBJECT_DEPS = frozenset({"dobj", "attr", "oprd"})
# A relative pronoun or "that" as the subject of a relative clause ("a lawmaker who said").
_RELATIVE_SUBJECTS = RELATIVE_PRONOUNS | {"that"}
_NP_INNER = frozenset({"compound", "amod", "det", "nummod", "quantmod", "poss", "case", "nmod", "advmod"})
_QUANTITY_WORDS = frozenset(
    {"most", "many", "some", "few", "more", "half", "third", "majority", "all", "both", "others"}
)
# "in a statement cited by Yonhap", "documents seen by Reuters": the agent relays the content.
_VIA_VERBS = frozenset({"cited", "quoted", "carried", "seen", "obtained", "reviewed", "viewed"})


# Nouns that say how long ("for an hour", "for 20 minutes", "for years", "for some time", "for a
# while", "for ages", "for long"): after "for", a duration, never what about, the reason for a
# stance, nor what someone is known for. Word forms, not lemmas: the pipeline runs without its
# lemmatizer (`nlp._EXCLUDED`), so a lemma test never matched.
_DURATIONS = frozenset(
    {
        *(
            f"{unit}{s}"
            for unit in ("second", "minute", "hour", "day", "week", "month", "year", "decade")
            for s in ("", "s")
        ),
        *("while", "time", "ages", "long"),
    }
)
# Objects of "for" that say when or give an example, never a reason ("for now", "for example").
_NOT_REASON_WORDS = frozenset({"now", "example", "instance", "once"})


def a_while(obj: Token) -> bool:
    """Whether a "for" phrase's object says how long ("He spoke for an hour, saying ..." made "an
    hour" a claim, span9's report; "known for some time that ...")."""
    return obj.lower_ in _DURATIONS


def no_reason(obj: Token) -> bool:
    """Whether a "for" phrase's object is no reason for a stance: a duration, a time or an example
    ("has criticized him for years", "attacked the plan, for example", "faced criticism for now")."""
    return a_while(obj) or obj.lower_ in _NOT_REASON_WORDS


def has_subject(t: Token, also: frozenset[str] = frozenset()) -> bool:
    """Whether a verb has a subject of its own (`also`: more dependency labels that count, an
    expletive "there" or a clausal subject where a clause's completeness is asked)."""
    return any(c.dep_ in ("nsubj", "nsubjpass") or c.dep_ in also for c in t.children)


def is_passive(v: Token) -> bool:
    """Whether a verb is passive ("was reported", "is said to", "a statement cited by ...")."""
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in v.children) or (
        v.tag_ == "VBN" and v.dep_ in ("acl", "advcl") and not any(c.dep_ == "aux" for c in v.children)
    )


def relative_subject(v: Token) -> Token | None:
    """'targets, which it said included depots': a cue verb heading a relative clause whose
    relative pronoun the parser made its subject, beside the speaker. The pronoun is the subject
    of what was said. So is a free relative's "what" after a preposition ("adapt to what she
    said is growing demand"), which the parser hangs on the cue as a pcomp (devgold11)."""
    if v.dep_ not in ("relcl", "pcomp"):
        return None
    subjects = [c for c in v.children if c.dep_ == "nsubj" and c.i < v.i]
    if len(subjects) < 2 or subjects[0].tag_ not in ("WDT", "WP"):
        return None
    return subjects[0]


def _subject_taken_by_as_clause(v: Token) -> Token | None:
    """'As we have noted, a study by X concluded that ...': the parser takes the subject after the
    comma for the object of the fronted "as" clause, leaving the main verb none. An object that
    begins after the comma closing the "as" clause and ends before the verb is its subject."""
    for clause in (c for c in v.children if c.dep_ == "advcl" and c.i < v.i):
        if not any(m.dep_ == "mark" and m.lower_ == "as" for m in clause.children):
            continue
        obj = next((c for c in clause.children if c.dep_ == "dobj" and c.i > clause.i), None)
        if obj is not None and obj.right_edge.i < v.i and v.doc[obj.left_edge.i - 1].text == ",":
            return obj
    return None


def subject_of(p: Parsed, v: Token) -> Token | None:
    """The subject of a cue verb, inherited through coordination and participles.

    A subject inside a quotation that does not contain the verb is the parser mistaking the
    quote for the clause; it is not the source.
    """
    subjects = [c for c in v.children if c.dep_ in ("nsubj", "csubj") and not _quoted_apart(p, c, v)]
    if len(subjects) > 1 and _set_apart(subjects[-2], subjects[-1]):
        return subjects[-1]  # "Voters, Clinton suggested, don't ...": the subject nearest the verb
    relative = relative_subject(v)
    if len(subjects) > 1 and relative is not None and relative.i == subjects[0].i:
        return subjects[-1]  # "objectives, which he said include ...": "which" is what he spoke of
    if subjects:  # (but "the company's executive chair Marcelo Claure wrote" is one phrase)
        return subjects[0]
    taken = _subject_taken_by_as_clause(v)
    if taken is not None:
        return taken
    head = v.head
    if head.i == v.i:
        return _series_opening_subject(v)
    if _series_member(v):
        return subject_of(p, head)
    if v.dep_ == "conj" and head.tag_.startswith("VB"):
        twin = _participle_twin(v, head)
        first = twin if twin is not None else head
        return subject_of(p, first) or _passive_first_subject(v, first)
    message = _message_before(v)
    if message is not None:
        return _message_source(p, message)
    if v.dep_ in ("advcl", "xcomp") and v.tag_ == "VBG":
        head = _out_of_reported_clause(head, v)
        inherited = subject_of(p, head)  # "..., adding that ...", "while also saying ..."
        if inherited is not None and not speaker_like(inherited):
            return _clause_before_subject(p, head, v) or _reporter_subject(p, head) or inherited
        return inherited
    if v.dep_ == "pcomp" and v.tag_ == "VBG" and head.dep_ == "prep" and head.lower_ != "as":
        if head.head.tag_.startswith("NN"):  # "their strategy of attacking him"
            return next((c for c in head.head.children if c.dep_ == "poss"), None)
        return subject_of(p, head.head)  # "by saying ...", "since announcing ..."
    if v.dep_ == "acl" and v.tag_ == "VBG" and head.tag_.startswith("NN") and head.i < v.i:
        # "a super PAC supporting Rubio", "911 calls saying shots were fired"; but "spent the
        # run-up to the caucuses portraying Sanders ...": the clause's subject portrays
        if speaker_like(head) or _owned_message(head) or _received_message(head):
            return head  # "Trump's tweet calling her ...": the owner's message says what it says
        return _last_conjunct(head, v) or _governor_subject(p, head) or head
    if v.dep_ == "advcl" and v.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children):
        return subject_of(p, head)  # "attended the rally to support the candidate"
    if v.dep_ == "xcomp" and head.tag_.startswith("JJ") and head.dep_ in ("acomp", "oprd") and head.head.i != head.i:
        return subject_of(p, head.head)  # "were more likely to say", "was quick to add"
    if v.dep_ == "xcomp" and not is_passive(head):
        controller = next((c for c in head.children if c.dep_ == "dobj" and c.i < v.i), None)
        implicative = lexicon().controllers.get(head.lower_) if controller is not None else None
        if implicative is not None:  # "prompted users to argue": they argued; "asked them to say": nobody did
            return controller if implicative else None
        return subject_of(p, head)  # "declined to comment", "used the speech to argue"
    if v.dep_ == "xcomp":
        return next((c for c in head.children if c.dep_ == "nsubjpass"), None)  # "was prompted to say"
    if v.dep_ == "pcomp" and head.lower_ == "as" and is_passive(head.head):
        return next((c for c in head.head.children if c.dep_ == "nsubjpass"), None)  # "was quoted as saying"
    return None


def _message_before(v: Token) -> Token | None:
    """'threats from supporters responding to Trump's tweet calling her a “nasty,” “arrogant young
    woman”': a participle right after a message noun (no comma between) says what the message
    says, but the parser hung it on the sentence's verb ("bombarded"), and the stance was lost or
    given to "she" (gold_fresh5a). The message noun (data/claim_kinds.json 'artifacts': tweet,
    post, statement, letter, video ...) is the source; its owner is resolved from it."""
    if v.tag_ != "VBG" or v.dep_ not in ("advcl", "conj", "xcomp") or v.i == 0:
        return None
    noun = v.nbor(-1)
    if noun.tag_ not in ("NN", "NNS") or noun.lower_ not in _artifacts() or noun.head.i == v.i:
        return None
    return noun


def _message_source(p: Parsed, message: Token) -> Token:
    """Who speaks in a message a participle describes: its sender when the message is what a
    clause's verb sent ("she sent an email saying ...", "Trump unleashed a series of tweets
    criticizing ..."), else the message ("Trump's tweet calling her ...", "responding to a post
    claiming ...")."""
    if any(c.dep_ == "poss" for c in message.children):
        return message  # "Trump's tweet": its owner is read from it
    verb = _of_phrase_top(message)
    while verb.dep_ in ("dobj", "pobj", "prep", "conj") and verb.head.i != verb.i:
        verb = verb.head  # "spent $800,000 on online and television ads attacking ..."
    sender = subject_of(p, verb) if verb.lower_ in _making_forms() else None
    return sender or message


def _owned_message(noun: Token) -> bool:
    """A message noun with its owner written before it ("Reyes's tweet", "the group's post"): it
    speaks for the owner, whatever verb it is the object of (without it "fans responding to
    Reyes's tweet calling her ..." gave the label to the fans)."""
    return noun.lower_ in _artifacts() and any(c.dep_ == "poss" for c in noun.children)


# Forms of the verbs by which someone gets a message someone else made.
_RECEIVING = frozenset({"got", "get", "gets", "getting", "received", "receive", "receives", "receiving"})


def _received_message(noun: Token) -> bool:
    """'Workers got a notice warning that ...', 'residents received a letter saying ...': a message
    its reader got speaks for its maker, not for the reader (span8 audit: the workers were shown
    as the source)."""
    return noun.lower_ in _artifacts() and noun.dep_ == "dobj" and noun.head.lower_ in _RECEIVING


@cache
def _making_forms() -> frozenset[str]:
    """Forms of the verbs by which someone makes or sends a message: the issuing verbs of
    data/claim_kinds.json and those of paying for ads ('ran ads attacking', 'spent $1m on ads
    praising'; PolNeAR train 2016 campaign copy), with their irregular forms."""
    lemmas = [*load_json("claim_kinds.json")["issuing_verbs"], "run", "spend", "launch", "unleash", "produce", "buy"]
    irregular = {"ran", "running", "spent", "wrote", "written", "writing", "sent", "bought", "penned", "penning"}
    return frozenset({form for lemma in lemmas for form in inflections(lemma)} | irregular)


def _of_phrase_top(noun: Token) -> Token:
    """The noun a chain of "of" phrases hangs from ("a series of tweets" -> "series")."""
    while noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.tag_.startswith("NN"):
        noun = noun.head.head
    return noun


# Finite tags of the verbs of a series ("summed up A, denounced B and said C").
_SERIES_TAGS = frozenset({"VBD", "VBZ"})


def _series_opening_subject(v: Token) -> Token | None:
    """'Trump summed up Clinton as “terrible,” denounced her record and said she should not run':
    the parser made the series' first verb, with the subject, a complement of the second, which
    was left the sentence's verb with no subject; so were the verbs joined to it, and the
    statement was lost (recall9 audit of PolNeAR train). A sentence-opening complement of the
    same tense, set off by a comma, before a verb that goes on with a conjunct of its own (a
    series, not '"The plan failed," reported the BBC') lends its subject. The parser may make the
    first verb an adverbial clause with no subordinator instead, and the series may end at the
    verb ("He pledged to be ... and cast doubt on ..., suggested that ...": the first verb has
    the conjunct; cue13 audit of PolNeAR train, 2 articles)."""
    first = next((c for c in v.children if c.dep_ in ("ccomp", "advcl") and c.i < v.i), None)
    if first is None or first.tag_ != v.tag_ or v.tag_ not in _SERIES_TAGS or first.left_edge.i > 0:
        return None
    if any(c.dep_ == "mark" for c in first.children):
        return None  # "When the vote came, ...": a clause of its own, not the series' first verb
    between = v.doc[first.right_edge.i + 1 : v.i]
    if not any(t.text == "," for t in between) or not all(t.is_punct for t in between):
        return None
    if not any(c.dep_ == "conj" for c in (*v.children, *first.children)):
        return None
    return next((c for c in first.children if c.dep_ == "nsubj"), None)


def _series_member(v: Token) -> bool:
    """'The candidate has mocked a reporter, referred to migrants as "rapists" and called him
    "my friend"': a verb of the series after a comma that the parser hung on the first as an
    adverbial clause (no subordinator, no subject of its own, a conjunct after it) shares the
    first verb's subject, as do its conjuncts (recall9 audit of PolNeAR train)."""
    if v.dep_ != "advcl" or v.tag_ not in _SERIES_TAGS or v.i < v.head.i or not v.head.tag_.startswith("VB"):
        return False
    if any(c.dep_ in ("mark", "nsubj", "nsubjpass", "aux", "auxpass") for c in v.children):
        return False
    before = v.doc[v.left_edge.i - 1] if v.left_edge.i > 0 else None
    return before is not None and before.text == "," and any(c.dep_ == "conj" for c in v.children)


def _passive_first_subject(v: Token, first: Token) -> Token | None:
    """'The mayor was forced into a rare retreat and said that his words had been misconstrued',
    'Officials were angered by the deal and predicted it would fail': an active verb joined to a
    passive one shares its subject, which the parser marks as the passive's (nsubjpass), so the
    second verb's statement had no source and was lost (recall9 audit of PolNeAR train). Only
    for the sentence's own verb: inside a reported clause ('loggers claimed they heard when the
    hunter was shot but cannot say how'; gold_text) the parser joins verbs of different subjects."""
    if is_passive(v) or first.dep_ != "ROOT" or not any(c.dep_ == "auxpass" for c in first.children):
        return None
    return next((c for c in first.children if c.dep_ == "nsubjpass"), None)


def _participle_twin(v: Token, head: Token) -> Token | None:
    """'... responding to Reyes's tweet calling her “rude” and implying she was a plant': the
    parser joins the second participle to the sentence's verb, not to the first; a participle
    right after "and" whose words before end a participle phrase of the same form takes that
    participle's subject (the statement was lost: "bombarded" has no active subject)."""
    if v.tag_ != "VBG" or v.i < 2 or v.nbor(-1).lower_ != "and":
        return None
    before = v.nbor(-2)
    for t in reversed(v.doc[head.i + 1 : v.i - 1]):
        if t.tag_ == "VBG" and t.dep_ in ("acl", "advcl") and t.right_edge.i in (before.i, before.i - 1):
            return t
    return None


@cache
def _artifacts() -> frozenset[str]:
    return frozenset(load_json("claim_kinds.json")["artifacts"])


# How a noun holding a reported clause hangs on the verb above it ("took issue with Trump's claims").
_NOUN_LINKS = frozenset({"pobj", "prep", "dobj", "nsubj", "acl"})


def _out_of_reported_clause(head: Token, v: Token) -> Token:
    """'Jones took issue with Trump's claims that he had saved 1,100 jobs, calling the real number
    closer to 730 and accusing the president-elect of lying': the parser hangs a participle after
    a comma on the verb of the reported "that" clause before it, so "he" (Trump) was shown as the
    one calling and accusing (gold_fresh5a). A reported clause ends at that comma: the participle
    belongs to the verb that governs the clause, through the noun that holds it ("claims") and
    its preposition. Not when the reported clause's verb is a cue itself ('said that Republicans
    rejected his attempts, calling it an "area of contention"': Republicans call it; PolNeAR
    train, all 840 articles: the climb moves six sources, five from wrong to right, and "Surveys
    ... showed that older women turned out, pushing her to victory", no attribution either way)."""
    if v.dep_ != "advcl" or v.i < 2 or not (v.nbor(-1).text == "," or (v.nbor(-1).is_quote and v.nbor(-2).text == ",")):
        return head  # (a comma, or a quotation closing on its comma: 'that he was "maniacal," adding')
    while wh_report(head) or (
        _reports_no_speech(head)
        and (any(c.dep_ == "mark" and c.lower_ == "that" for c in head.children) or _bare_report(head))
    ):
        up = head.head
        while not up.tag_.startswith("VB") and up.dep_ in _NOUN_LINKS and up.head.i != up.i:
            up = up.head  # "claims" -> "with" -> "took"
        if not up.tag_.startswith("VB") or up.i == head.i or up.dep_ == "acl":
            return head  # nor into a participle on a noun ("a statement saying that ...")
        head = up
    return head


def _bare_report(verb: Token) -> bool:
    """A reported clause with no "that" under a cue verb ("Packer said the focus on Trump is taking
    a toll, pointing to Cruz's wins"; "Coleman said Kasich should leave the race, echoing a
    memo"): it ends at the comma as a "that" clause does, and its subject was shown as the one
    pointing or echoing (aside9 audit: PolNeAR train, the participle's source wrong and the
    speaker's right in 13 articles)."""
    return verb.dep_ == "ccomp" and verb.head.i < verb.i and lexicon().verb(verb.head.lower_) is not None


def wh_report(verb: Token) -> bool:
    """A reported question ("questioned why the mayor's wife did not speak, implying ..."): it ends
    at the comma as a "that" clause does, and its subject was shown as the one implying (source12
    audit of PolNeAR train), whether or not its verb is a cue ("speak")."""
    first = verb.doc[verb.left_edge.i]
    return verb.dep_ == "ccomp" and first.lower_ in _WH_OPENERS and first.head.i == verb.i


_WH_OPENERS = frozenset({"why", "how", "whether", "if"})


def _reports_no_speech(verb: Token) -> bool:
    """A reported clause ("ccomp", or "acl" on a noun such as "claims") whose verb is no cue."""
    return verb.dep_ in ("ccomp", "acl") and lexicon().verb(verb.lower_) is None


def _clause_before_subject(p: Parsed, head: Token, v: Token) -> Token | None:
    """'One of the exchanges came after Ramaswamy brought up Haley's daughter, noting she uses
    TikTok': the parser hangs the participle on the main verb, whose subject cannot speak; the
    nearest clause before it whose subject can is who notes (gold_fresh3a: "One of the bitterest
    exchanges of the night" was shown as the source; "Helen placed the book in my hands, her eyes
    aglow ..., telling me ...": "her eyes", parsed as the main clause, was)."""
    clauses = [c for c in head.children if c.dep_ in ("advcl", "ccomp") and c.i < v.i]
    subject = next((c for c in clauses[-1].children if c.dep_ == "nsubj"), None) if clauses else None
    return subject if subject is not None and speaker_like(subject) else None


def _reporter_subject(p: Parsed, head: Token) -> Token | None:
    """'Packer said the focus on Trump is taking a toll, pointing to Cruz's wins': the parser hangs
    the participle on the reported clause's verb, whose subject ("the focus on Trump") cannot
    point; the one reporting the clause does (aside9 audit: PolNeAR train, "the increased focus
    on Trump", "an absence of action by NATO", "It" were shown as the sources)."""
    if head.dep_ != "ccomp" or head.head.i == head.i or lexicon().verb(head.head.lower_) is None:
        return None
    reporter = subject_of(p, head.head)
    return reporter if reporter is not None and speaker_like(reporter) else None


def _set_apart(first: Token, second: Token) -> bool:
    """Whether a comma or a bracket separates two subjects of one verb (children come in order)."""
    return any(t.is_punct for t in first.doc[first.right_edge.i + 1 : second.left_edge.i])


def _last_conjunct(noun: Token, v: Token) -> Token | None:
    """'theories and recalcitrant Republicans promising to ...': the parser hangs the participle on
    the first of two joined nouns; the one right before it, if it can speak, is the speaker."""
    last = next((c for c in noun.children if c.dep_ == "conj" and c.right_edge.i == v.i - 1), None)
    return last if last is not None and speaker_like(last) else None


_AGENT_ENDINGS = ("ers", "ors", "ists", "ians", "ants", "ents")


def speaker_like(noun: Token) -> bool:
    """Whether a noun can be the one who speaks or acts: a name, or a word for people, a body or
    a document ("a super PAC", "voters", "a statement"), not "the caucuses" or "a microphone"."""
    if noun.tag_ == "NNS" and noun.lower_.endswith(_AGENT_ENDINGS):
        return True  # "forecasters warning that ...", "protesters chanting": words for people who act
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    members = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if members is not None and members.i > noun.i and speaker_like(members):
        return True  # "a series of South Dakotans saying ...": the people of the collection
    return noun.tag_ in ("NNP", "NNPS") or noun.lower_ in lexicon().people or noun.lower_ in source_words()


def _governor_subject(p: Parsed, noun: Token) -> Token | None:
    """The subject of the verb whose object (or prepositional object) a noun is.

    The small model hangs a participle on the nearest noun ("the run-up to the Nevada caucuses
    portraying Sanders"); when that noun cannot speak, the participle belongs to the clause.
    """
    t = noun
    while t.dep_ in ("dobj", "pobj", "prep", "npadvmod", "attr", "conj", "appos", "compound") and t.head.i != t.i:
        t = t.head
        if t.tag_.startswith("VB"):  # "Trump was heard on a microphone telling ...": the passive's subject
            return subject_of(p, t) or next((c for c in t.children if c.dep_ == "nsubjpass"), None)
    return None


def expletive(subject: Token, v: Token) -> bool:
    """Whether "it" is the empty subject of "it's hard to imagine ...", "it is important to note
    ...": it stands for the infinitive, so the writer, not "it", imagines or notes."""
    if subject.lower_ != "it" or v.dep_ != "xcomp":
        return False
    head = v.head
    return head.lower_ in BE_FORMS or (head.tag_.startswith("JJ") and head.head.lower_ in BE_FORMS)


def stranded_subject(p: Parsed, v: Token) -> Token | None:
    """The subject of a finite main verb the parser left without one.

    After a long appositive or relative clause the small model often hangs the subject
    elsewhere ("In her speech, Merkel, who has adopted ..., warned against ...": Merkel as an
    appositive of "speech"; "About 4 in 10 say ...": a number modifier). The noun phrase that
    ends right before the verb, past adverbs, auxiliaries and the asides set off by commas,
    dashes or brackets (`_before_asides`), is then the subject; when that phrase is an object, a
    relative clause ending right before the verb is its noun's (`_relative_host`), and a phrase
    after a preposition the noun's it qualifies (`_phrase_host`).
    """
    if v.dep_ != "ROOT" or not (v.tag_ in FINITE_TAGS or any(c.dep_ == "aux" for c in v.children)):
        return None
    doc = v.doc
    if v.i == 1 and doc[0].is_title and doc[0].tag_ in ("RB", "JJ") and doc[0].lower_ not in lexicon().openers:
        return doc[0]  # "Jolly said ...": a surname the small model reads as an adverb
    j = _before_asides(doc, v.i - 1)
    if j < 0 or p.in_quote(doc[j]):
        return None
    for last in (doc[j], _relative_host(doc[j]), _phrase_host(doc[j])):
        subject = _noun_phrase_head(last, v) if last is not None else None
        if subject is not None:
            return subject
    return None


def _noun_phrase_head(last: Token, v: Token) -> Token | None:
    """The head of the noun phrase `last` ends, if it may be a subject (no object or possessor)."""
    head = last
    while head.dep_ in _NP_INNER and head.i < head.head.i < v.i:
        head = head.head
    nominal = head.tag_.startswith("NN") or head.tag_ in ("PRP", "CD") or head.lower_ in _QUANTITY_WORDS
    return head if nominal and head.dep_ not in ("pobj", "dobj", "poss") else None


# How many asides may stand between a subject and its verb ("Sanders, meanwhile, who sits at zero
# endorsements, said"): two in the train audit; a third would be a list, not asides.
_MAX_ASIDES = 3
_CLOSERS = {",": ",", ")": "(", "—": "—", "–": "–", "-": "-", "--": "--"}


def _before_asides(doc: Doc, j: int) -> int:
    """Index of the last word before token `j` + 1 that is not an adverb, an auxiliary or an aside.

    An aside is set off by commas, brackets or dashes (a spaced hyphen "-" too, never the hyphen
    of "12-employee"); an adverb set off by commas before it (", meanwhile,") is one as well.
    cue13 audit of PolNeAR train: "Sanders, meanwhile, who sits at zero such endorsements, said
    ...", "A representative for the brand - a 12-employee business pitched as ... - noted that
    ...": the verb had no subject and the statement was lost.
    """
    j = _past_adverbs(doc, j)
    for _ in range(_MAX_ASIDES):
        if j < 0 or not _closes_aside(doc[j]):
            return j
        opener = _CLOSERS[doc[j].text]
        k = next((k for k in range(j - 1, -1, -1) if doc[k].text == opener and doc[k].tag_ != "HYPH"), -1)
        j = _past_adverbs(doc, k - 1)
        if 0 <= j < k - 1 and doc[j].text == ",":
            j = _past_adverbs(doc, j - 1)  # ", meanwhile, who ...": the adverb was an aside too
    return j


def _past_adverbs(doc: Doc, j: int) -> int:
    while j >= 0 and (doc[j].tag_ in ("RB", "MD") or doc[j].dep_ in ("aux", "neg")):
        j -= 1
    return j


def _closes_aside(t: Token) -> bool:
    """A mark that may close an aside: not the hyphen inside a word ("12-employee")."""
    return t.text in _CLOSERS and t.tag_ != "HYPH"


def _relative_host(last: Token) -> Token | None:
    """'a White House official who spoke anonymously to discuss internal strategy said ...', 'a
    young woman who had been an exchange student in Montana asked Obama ...': the noun of the
    outermost relative clause that ends with `last`, right before the verb (cue13 audit of
    PolNeAR train: the parser hung the noun on the opening phrase, and the verb had no subject)."""
    clauses = [a for a in (last, *last.ancestors) if a.dep_ == "relcl" and a.right_edge.i == last.i]
    noun = clauses[-1].head if clauses else None
    return noun if noun is not None and noun.i < clauses[-1].i else None


def _phrase_host(last: Token) -> Token | None:
    """'A representative for the brand - a business ... - noted': the noun a prepositional phrase
    ending with `last` qualifies ("representative"), not the phrase's own noun ("brand"), when the
    parser made that noun a subject (of the aside it misread as a clause). Not the noun compared
    ("more ethanol than the oil industry says ...": "ethanol" is no speaker)."""
    head = last
    while head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.head.tag_.startswith("NN"):
        head = head.head.head
    return head if head.i != last.i and head.dep_ in ("nsubj", "nsubjpass", "appos") else None


def modifier_read_as_verb(v: Token) -> Token | None:
    """The subject of a cue verb whose subject's modifier the parser read as the clause's verb:
    'Majorities of Democrats going to the polls Tuesday say ...', 'multiple sources privy to the
    talks say ...', 'activists clamoring to block Trump say ...' (cue10 audit of PolNeAR train:
    the cue was left with no subject and lost). The misread word comes right before the cue's
    words with no comma, takes no object or clause of its own, and the cue reports a clause."""
    if v.tag_ not in FINITE_TAGS or any(c.dep_ in _SUBJECT_DEPS for c in v.children):
        return None
    if not any(c.dep_ == "ccomp" and c.i > v.i for c in v.children):
        return None
    misread = [v.head] if v.dep_ == "dep" and v.head.i < v.i else []
    misread += [c for c in v.children if c.dep_ == "advcl" and c.i < v.i and c.tag_ in ("VBG", "VBN")]
    for m in misread:
        subject = next((c for c in m.children if c.dep_ == "nsubj" and c.i < m.i), None)
        if subject is None or any(t.text in ",;:—–(" or t.tag_ == "PRP" for t in v.doc[subject.i : v.i]):
            continue
        if not any(c.dep_ in ("dobj", "ccomp", "attr", "acomp") for c in m.children):
            return subject
    return None


_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})


def _quoted_apart(p: Parsed, token: Token, v: Token) -> bool:
    q = p.quote_at(p.char(token))
    return q is not None and not (q.start <= p.char(v) < q.end)


def referent_of(p: Parsed, subject: Token) -> Span | None:
    """What a relative-pronoun subject stands for ("a lawmaker who said" -> the lawmaker)."""
    counted = _counted_antecedent(subject)
    if counted is not None:
        return p.subtree(counted, without=[c for c in counted.children if c.dep_ in ("relcl", "appos", "acl", "prep")])
    noun = _antecedent(subject) if subject.lower_ in _RELATIVE_SUBJECTS else None
    if noun is None:
        return None
    return p.subtree(noun, without=[c for c in noun.children if c.dep_ in ("relcl", "appos", "acl")])


def _antecedent(subject: Token) -> Token | None:
    """The noun a relative-pronoun subject stands for, through an appositive to the name it
    describes; where the parser linked no relative clause, `_misread_antecedent`."""
    clause = _relative_verb(subject.head)
    if clause is None:
        return _misread_antecedent(subject)
    noun = _antecedent_of_clause(clause)
    named = _named_subject_of_copula(noun)  # "Jones is a union leader who ...": Jones
    return named if named is not None else noun


def _misread_antecedent(subject: Token) -> Token | None:
    """A "who"/"which" whose clause the parser hung elsewhere, so the pronoun was shown as the
    source (pron12 audit of PolNeAR train: 11 "who" and 6 "which" hops in 13 articles): a second
    clause joined by "and who" ("a president who authorized the raid that killed X and who hoped",
    "a group of hackers who officials say is tied to ... and who claimed") stands for what the
    first "who" stands for; a clause the parser read as reported by the verb in it ("hackers who
    U.S. officials say is tied") for the noun before it; ", who" right after a person's name read
    as a verb's complement ("said his friend, Bruce Turry, who ... remembered") for that name."""
    doc = subject.doc
    if subject.lower_ not in ("who", "which") or subject.dep_ not in ("nsubj", "nsubjpass"):
        return None
    head = subject.head
    if head.dep_ == "ccomp" and head.head.dep_ == "relcl" and subject.i < head.head.i and _tensed(head):
        return _antecedent_of_clause(head.head)  # not "which some want leaders to use": its object
    before = doc[subject.i - 1] if subject.i > 0 else None
    comma = before is not None and before.text == "," and subject.i > 1
    if comma:
        before = doc[subject.i - 2]
    if before is None:
        return None
    if before.lower_ in ("and", "but", "or"):
        earlier = next((t for t in reversed(doc[: before.i]) if t.lower_ == subject.lower_), None)
        return _antecedent(earlier) if earlier is not None and earlier.dep_ == subject.dep_ else None
    return before if comma and subject.lower_ == "who" and _person_name(before) else None


def _person_name(token: Token) -> bool:
    """Whether a token ends a person's name the parser did not read as a place's ("Bruce Turry",
    not "the University of Virginia"): a given name of data/given_names.json before it."""
    words = [c.text for c in token.children if c.dep_ == "compound" and c.i < token.i] + [token.text]
    return token.tag_ == "NNP" and token.dep_ != "pobj" and given_name_gender(" ".join(words)) is not None


def _tensed(verb: Token) -> bool:
    """Whether a verb is tensed, itself or by its auxiliary ("says", "is tied"), not "to use"."""
    auxiliaries = (c for c in verb.children if c.dep_ in ("aux", "auxpass"))
    return verb.tag_ in FINITE_TAGS or any(c.tag_ in TENSED_TAGS for c in auxiliaries)


def _antecedent_of_clause(clause: Token) -> Token:
    """The noun a relative clause hangs on, through an appositive to the name it describes."""
    noun = clause.head
    while noun.dep_ == "appos" and noun.head.i != noun.i:
        noun = noun.head
    return noun


def _relative_verb(verb: Token) -> Token | None:
    """The relative clause's verb a subject's verb belongs to, also through "and who ...": in
    "Cruz, who threatened ..., and who has been hoping ..., said" the parser hangs the second
    clause on the first as a conjunct, and its "who" was shown as the source (aside9 audit:
    PolNeAR train, 6 claims in 5 articles)."""
    first = verb
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    if first.dep_ != "relcl" or first.i == verb.i:
        return first if first.dep_ == "relcl" else None
    return first if _relative_kind(first) == _relative_kind(verb) is not None else None


def _relative_kind(verb: Token) -> str | None:
    """Whom a relative clause's subject pronoun stands for: a person ("who", "whose N") or a thing
    ("which", "that"). Joined clauses share an antecedent only when their pronouns agree: in "a
    president who authorized the raid that killed X and who hoped ..." the parser joins "who
    hoped" to "that killed", whose antecedent is the raid, not the president."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return None
    if subject.lower_ == "who" or any(c.lower_ == "whose" for c in subject.children):
        return "person"
    return "thing" if subject.lower_ in ("which", "that") else None


def _counted_antecedent(subject: Token) -> Token | None:
    """'local pastors, many of whom said ...': the noun before the comma is who "many of whom"
    counts. The parser reads the clause as an adverbial of the main verb, so no relcl links
    them, and "many of whom" was shown as the source (aside9 audit: PolNeAR train, "most of
    whom", "both of whom", "two of whom" ..., 6 claims in 6 articles)."""
    of = next((c for c in subject.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    pronoun = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if pronoun is None or pronoun.lower_ not in ("whom", "which") or subject.i < 2:
        return None
    doc = subject.doc
    if doc[subject.i - 1].text != ",":
        return None
    noun = doc[subject.i - 2]
    while noun.dep_ in _NP_INNER and noun.i < noun.head.i < subject.i:
        noun = noun.head
    plural = noun.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in noun.children)
    return noun if plural else None  # "Howard at the University of Virginia, both of whom": not Virginia


def _named_subject_of_copula(noun: Token) -> Token | None:
    """'Jones is an Indiana steel union leader who ... accused the president-elect of lying': the
    leader is Jones; the description was shown as the source though the sentence names him
    (gold_fresh5a). Only a name ("It was a friend who said": the friend stays). Also through a list
    of predicate nouns and a copula joined to the name's own verb ("NAME regularly incites violence
    and is a serial liar, rampant xenophobe ... and birther who has pledged ...": pron12 audit,
    "a serial liar" or "rampant xenophobe" shown as the source in 11 PolNeAR train articles)."""
    while noun.dep_ == "conj" and noun.head.i < noun.i:
        noun = noun.head
    verb = noun.head
    if noun.dep_ != "attr" or verb.lower_ not in BE_FORMS:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None and verb.dep_ == "conj":
        subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    return subject if subject is not None and subject.tag_ == "NNP" else None


def particles(v: Token) -> list[Token]:
    """A verb's particles ("pointed out", "called for")."""
    return [c for c in v.children if c.dep_ == "prt"]


def via(p: Parsed, v: Token) -> Iterator[Citation]:
    """Intermediaries: "said in a statement cited by Yonhap", "was quoted by Yonhap as saying"."""
    if p.words.isdisjoint(_VIA_VERBS):
        return
    scope = [v, *([v.head.head] if v.dep_ == "pcomp" and v.head.lower_ == "as" else [])]
    for top in scope:
        for tok in top.subtree:
            if tok.lower_ not in _VIA_VERBS or tok.tag_ != "VBN" or _inside_citation(tok, top):
                continue
            agent = next((c for c in tok.children if c.dep_ == "agent"), None)
            pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
            cue = p.tokens([tok, agent]) if agent is not None else None
            source = p.subtree(pobj) if pobj is not None else None
            if cue and source:
                yield Citation(cue, source)


def _inside_citation(tok: Token, top: Token) -> bool:
    """'said, citing an email seen by its reporters, ...': whoever saw the cited email is the
    cited source's intermediary, not the speaker's (the chain put "its reporters" before the
    Herald)."""
    for a in tok.ancestors:
        if a.i == top.i:
            return False
        if a.lower_ in ("citing", "quoting"):
            return True
    return False


def has_that(clause: Token) -> bool:
    """Whether a clause is a "that ..." complement (not a relative clause)."""
    return clause.dep_ == "ccomp" or that_marked(clause)


def that_marked(clause: Token) -> bool:
    """Whether a clause opens with the complementizer "that" ("quipped that ...")."""
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)


def quote_left_open(words: Iterable[Token]) -> bool:
    """Whether a quotation opens among some words and is not closed by their end (curly marks,
    the archives' `` and '', or an odd number of straight ones)."""
    marks = [t.text for t in words]
    opened = sum(m in ("“", "``") for m in marks) - sum(m in ("”", "''") for m in marks)
    return opened > 0 or marks.count('"') % 2 == 1
