"""The clean-up passes over one parsed sentence's attributions, run in registry order.

The token rules read one cue at a time; these passes look at what they found together:
a content cut before a cue that starts a statement of its own, a cue inside a defining
relative clause dropped, a source cut before a relative clause that is an attribution of its own,
a sourceless noun that is only the medium of a speech verb ("says in a statement") read as the
verb's, a reported clause run on to the sentence's end, the writer's asides
cut off, each attribution marked as inside a quotation or not, and a speaker's words inside a
quotation ended with it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from tracer.models import CueClass
from tracer.parse.attribution.bounds import drop_asides
from tracer.parse.attribution.content import cue_tense, quote_mark, said_at, speaker_act, tense
from tracer.parse.attribution.coordination import cut_start, own_statement
from tracer.parse.attribution.cues import NAMING, Lexicon
from tracer.parse.attribution.frames import MAX_SOURCE_TOKENS
from tracer.parse.attribution.grammar import has_subject, quote_left_open, speaker_like, subject_of
from tracer.parse.attribution.spans import Attribution, Context, Parsed, quote_kind, trim
from tracer.text import Span
from tracer.words import RELATIVE_PRONOUNS

if TYPE_CHECKING:  # spaCy is imported only when a text is parsed (nlp.py)
    from spacy.tokens import Token

_ASIDE_OPENERS = frozenset({",", "(", "—", "–", "--", "-"})


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
            host = p.token_at(a.cue.start) if a is not b and a.covers(b.cue) and not _vouched_after(a, b, w) else None
            if host is not None and own_statement(w, host, lex):
                content = tuple(c for c in (_cut_before(p, f, w) for f in a.content) if _has_words(p, c))
                found[i] = replace(a, content=content or a.content)
    return found


def _vouched_after(a: Attribution, b: Attribution, w: Token) -> bool:
    """'A, and the delegates pledged B, according to Buchanan', 'According to ProPublica, A, and
    she asked B': a vouching phrase vouches for a clause with a cue of its own written before it,
    or joined by "and" after it; only a cue verb's content ends before such a statement, and a
    clause set against the vouched one ("but the senator has vowed ...") stays out. PolNeAR train:
    the content cut before such a clause in 4 articles, whose annotators take the clause in all 4;
    the one "but" clause after the phrase, the writer's own, they leave out."""
    if a.form != "according":
        return False
    return b.cue.start < a.cue.start or _joined_by_and(w)


def _joined_by_and(w: Token) -> bool:
    first = w.left_edge
    return first.lower_ == "and" or (first.i > 0 and first.nbor(-1).lower_ == "and")


def _has_words(p: Parsed, fragment: Span) -> bool:
    """Whether a cut fragment holds more than the word joining it to the statement cut off ("A, the
    engineer said, and | inspectors say B" leaves "and" after the cue: no part of what was said)."""
    return fragment.of(p.text).strip().lower() not in ("", "and", "but", "or", "while", "whereas", "yet")


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
    if b.content and b.content[0].start < start:
        return False  # "a move that rights groups decried as cruel": its object is the antecedent
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


def cut_attributed_relatives(ctx: Context) -> Iterator[Attribution]:
    """The sentence's attributions, each source cut before a relative clause that is itself an
    attribution of the same person."""
    relatives = [b.source for b in ctx.found if b.source is not None and _relative_word(ctx.p, b.source)]
    relatives.sort(key=lambda r: r.start)
    yield from (_before_relative(ctx.p.text, a, relatives) for a in ctx.found)


def _relative_word(p: Parsed, span: Span) -> bool:
    return span.of(p.text).lower() in RELATIVE_PRONOUNS


def _before_relative(text: str, a: Attribution, relatives: list[Span]) -> Attribution:
    """'Reid, who endorsed Clinton in February, said ...': the source is "Reid"; "who" is the source
    of an attribution of its own, and PolNeAR's annotators never let two sources overlap (train:
    all 80 gold sources followed by such a ", who" end before it, while they keep 253 of the 354
    relative clauses that hold no attribution). Of the 97 traced train sources that held such a
    clause and began where a gold source begins, 69 golds end at the comma and 28 take the clause."""
    if a.source is None:
        return a
    inner = next((r for r in relatives if a.source.start < r.start < a.source.end), None)
    if inner is None or not text[a.source.start : inner.start].rstrip().endswith(","):
        return a
    cut = trim(text, Span(a.source.start, inner.start))
    return replace(a, source=cut) if cut.end > cut.start else a


def medium_nouns(ctx: Context) -> Iterator[Attribution]:
    """The sentence's attributions, a sourceless noun cue that is the medium of a speech verb
    ("says in a statement that C") read as the verb's: dropped beside the verb's own attribution,
    else given the verb's subject as its source."""
    for a in ctx.found:
        verb = _medium_verb(ctx.p, ctx.lex, a)
        if verb is None:
            yield a
        elif not any(b.source is not None and b.cue.start == ctx.p.char(verb) for b in ctx.found):
            yield _spoken_by_subject(ctx.p, a, verb)


def _medium_verb(p: Parsed, lex: Lexicon, a: Attribution) -> Token | None:
    """'Weaver says in a statement that the race is over', 'Trump insisted in the same interview
    that ...': the parser hangs the reported clause on the noun ("a statement that ..."), so the
    noun rule reads an attribution with no source, and the verb rule reads a second one of the
    same words or (no clause of its own left) none. The noun is only where the verb's speaker said
    them: PolNeAR marks one relation, the speaker's, cue "says in a statement" (train: 11 sourceless
    "statement"/"interview" relations after a speech verb, 7 of them beside the verb's own)."""
    w = p.token_at(a.cue.start) if a.form == "noun" and a.source is None and a.content else None
    if w is None or w.dep_ != "pobj" or w.head.lower_ != "in" or w.head.dep_ != "prep":
        return None
    verb = w.head.head
    cue = lex.verb(verb.lower_)
    return verb if cue is not None and cue.cls in NAMING and verb.i < w.i else None


def _spoken_by_subject(p: Parsed, a: Attribution, verb: Token) -> Attribution:
    """The noun's attribution with the verb's subject as its source (unchanged if it has none)."""
    subject = subject_of(p, verb)
    source = p.source_subtree(subject, verb) if subject is not None and subject.i < verb.i else None
    return replace(a, source=source) if source is not None else a


def mark_quoted(ctx: Context) -> Iterator[Attribution]:
    """Each attribution marked as inside a quotation or not, with the length of its content's
    leading "that"."""
    yield from (_marked(a, _quoted(ctx.p, a), _mark(ctx.p, a)) for a in ctx.found)


def _marked(a: Attribution, quoted: bool, mark: int) -> Attribution:
    """The attribution with those marks, copied only when they change (most keep the defaults)."""
    return a if (quoted, mark) == (a.quoted, a.mark) else replace(a, quoted=quoted, mark=mark)


def _mark(p: Parsed, a: Attribution) -> int:
    """Characters of a leading "that"/"whether" in the content, which PolNeAR keeps and claims drop."""
    first = p.token_at(a.content[0].start) if a.content else None
    if first is None or first.dep_ != "mark" or first.lower_ not in ("that", "whether", "if"):
        return 0
    if first.lower_ == "if" and len(a.content) > 1:
        return 0  # 'If the deal fails, the campaign said, the state will pay': a condition, not "asked if"
    nxt = first.nbor(1) if first.i + 1 < len(first.doc) else None
    return (nxt.idx - first.idx) if nxt is not None else 0


def run_to_sentence_end(ctx: Context) -> Iterator[Attribution]:
    """Each reported clause run on to the end of its sentence (below), each noun-phrase content on
    to the infinitive that completes it (`_with_infinitive`)."""
    yield from (_with_infinitive(ctx.p, _to_sentence_end(ctx.p, a, ctx.found), ctx.found) for a in ctx.found)


def _with_infinitive(p: Parsed, a: Attribution, found: list[Attribution]) -> Attribution:
    """'defended his call to raise the minimum wage', 'pushed China and India to control the gases':
    the parser hangs the infinitive after a noun-phrase content on the cue verb, as a purpose
    clause, and the content stopped at the noun. What was called for or pushed is the whole. On
    PolNeAR train (span9) the annotators take the infinitive in 27 of 29 such contents, in 25
    articles; the 2 left out read as purposes after a name or a body ("sided with the state to
    uphold a law"), which only an intent's object is not ("urged the governor to resign")."""
    if a.kind != "np" or a.form not in ("verb", "noun") or len(a.content) != 1:
        return a
    end = a.content[0].end
    to = p.token_from(end)
    if to is None or to.lower_ != "to" or to.dep_ != "aux" or p.text[end : p.char(to)].strip():
        return a
    verb = to.head
    if verb.tag_ != "VB" or verb.i < to.i or verb.head.i == verb.i or p.char(verb.head) >= end:
        return a  # an infinitive of the sentence's own verb after the content, not hung before it
    start = a.content[0].start
    head = next((t for t in p.doc[: to.i] if p.char(t) >= start and p.char(t.head) < start), None)
    asks = a.cls == CueClass.INTENT or a.cue.of(p.text).lower().endswith((" for", " on"))  # "called on X to"
    if not asks and (head is None or speaker_like(head) or head.tag_ == "PRP"):
        return a  # "endorsed the senator to show unity": after a person, the infinitive is a purpose
    last = p.span(verb.i, verb.right_edge.i)
    if last is None or any(last.start <= b.cue.start < last.end for b in found):
        return a  # "urged them to say that ...": a statement of its own, not swallowed
    return replace(a, content=(Span(a.content[0].start, last.end),))


def cut_asides(ctx: Context) -> Iterator[Attribution]:
    """Each content ending before the writer's first aside (`bounds.py`)."""
    yield from (drop_asides(ctx.p, a) for a in ctx.found)


def _to_sentence_end(p: Parsed, a: Attribution, found: list[Attribution]) -> Attribution:
    """'X said that A and B': a reported clause runs to the end of the sentence.

    The parser often hangs a second clause on the cue verb instead of inside the reported
    one; what follows the reported clause is still reported unless another cue comes first.
    """
    if a.form != "verb" or not _reported_clause(p, a) or len(a.content) != 1:
        return a
    if a.content[0].start < a.cue.end:
        return _past_inserted_cue(p, a, found)
    cue = p.token_at(a.cue.start)
    if cue is not None and relative_clause(cue) is not None:
        return a  # "people who have reported using meth | was 3.8 percent": the clause ends first
    end = trim(p.text, Span(a.content[0].end, p.bounds.end))
    tail = p.text[a.content[0].end : end.end]
    if not tail.strip() or any(a.content[0].end <= b.cue.start < p.bounds.end for b in found if b is not a):
        return a
    rest = _past_quoted_comma(p, a.content[0].end, tail)
    if rest.lstrip()[:1] in (",", ";", "(", "—", "–") and not re.match(r"\s*,\s*(?:and|but|or)\b", rest):
        return a  # ", a move that ...", "; ..." : the writer's words again
    after = p.token_from(a.content[0].end)
    while after is not None and after.is_punct and after.i + 1 < len(p.doc):
        after = after.nbor(1)
    if after is not None and said_at(after):
        return a  # "said Obama was the founder of ISIS | on Wednesday at a rally": when it was said
    head = _content_head(p, a.content[0])
    if after is not None and head is not None and speaker_act(after, head, cue):
        return a  # "vowed to keep abortion legal | and celebrated the ruling": the speaker's next act
    if after is not None and cue is not None and _writer_goes_on(after, cue):
        return a  # "have said they would support it, | but there is growing anger in ...": the writer's
    return replace(a, content=(Span(a.content[0].start, end.end),))


# Joining words after which a clause with a subject of its own is the writer's next statement.
_NEXT_CLAUSE = frozenset({"and", "but"})


def _writer_goes_on(joint: Token, cue: Token) -> bool:
    """'Most Republicans say they are embarrassed about the race, but he is as strong a favorite as
    ever', 'Many speculated that he might fail, but the turnout was higher than forecast': after a
    comma, "and"/"but" and a clause with a subject of its own in the cue verb's tense, which the
    parser hung on the cue verb as its conjunct, the writer goes on; the content stops there.
    In another tense the clause is mostly still the speaker's ("Biden said 60 percent qualified
    in 1975, but only 7 percent do today", "Kasich said it is possible, but it will be
    difficult"), and so it is after "that" ("said A, but that B") or inside a quotation.
    content13 audit of PolNeAR train: stopping before every such clause changed 45 contents, and
    about half of the cut clauses were the speaker's; in the cue's tense and without a quotation
    it changes 22 contents in 22 articles, of which 19 cut the writer's words, 2 the speaker's
    ("said she had no plans to yell, but when Trump mentioned Cruz, it just happened") and 1 is
    unclear."""
    before = joint.doc[joint.i - 1] if joint.i > 0 else None
    if joint.lower_ not in _NEXT_CLAUSE or joint.dep_ != "cc" or before is None or before.text != ",":
        return False
    conj = next((c for c in joint.head.children if c.dep_ == "conj" and c.i > joint.i), None)
    if conj is None or any(quote_mark(t) for t in joint.doc[joint.i + 1 : joint.sent.end]):
        return False  # "..., but instead Obama is giving them “lectures ...”": quoted words, or a quotation's end
    if quote_left_open(joint.doc[joint.sent.start : joint.i]) or any(c.dep_ == "mark" for c in conj.children):
        return False
    said = _PRESENT.get(cue_tense(cue) or "")
    return said is not None and said == _PRESENT.get(tense(conj) or "") and has_subject(conj, _EXPLETIVE)


# Tenses as "and"/"but" clauses share them with a cue: a present perfect is a present ("have said
# they would support it, but there is ...").
_PRESENT = {"present": "present", "perfect": "present", "past": "past"}
# A joined clause's subject may be an expletive ("... but there is ...").
_EXPLETIVE = frozenset({"expl"})


# Words that open the rest of a statement after a cue inserted in it ("A, the airline said, and
# had passed all checks"). Chosen on PolNeAR train (span9): after a cue set off by commas the
# annotators take what follows these words into the content 35 times in 32 articles and leave it
# out 8 times in 7, of which 3 follow "according to" (not read here), 2 hold a cue of their own
# ("..., records show, and experts say ...", which stops it here too) and 2 are no inserted cue.
# Not "who"/"which" (an aside on the speaker, left out 11 times), participles ("adding",
# "citing": the speaker's own acts), "in"/"on"/"at" (the setting of the speech).
_GOES_ON = frozenset({"and", "but", "because", "so", "by", "including", "to", "before", "while", "with", "from"})
# Words between the cue and the comma closing the aside: the speaker, a time, a hearer ("said
# Ms. Gil on Saturday"). The span9 count above read up to 60 characters there; 6 words hold a
# two-word name and a day or a hearer, and stop before a clause.
_MAX_ASIDE_WORDS = 6


def _past_inserted_cue(p: Parsed, a: Attribution, found: list[Attribution]) -> Attribution:
    """'The argument would be aided, Devine said, by the upcoming calendar', 'He had no known
    affiliations, the airline added, and had passed all checks': a cue inserted after a whole
    clause, set off by commas, leaves the rest of the statement after it; the parser hangs that
    rest on the cue verb, so the content stopped at the cue. The rest is a second fragment of
    the content when it opens with a word that carries the statement on (`_GOES_ON`) and holds
    no cue of its own."""
    first = a.content[0]
    cue = p.token_at(a.cue.start)
    if cue is None or a.source is None or first.end > a.cue.start or not _set_off(p.text[first.end : a.cue.start]):
        return a
    close = next((t for t in cue.doc[cue.i + 1 :] if t.text == ","), None)
    last = close.i - 1 if close is not None else -1
    if close is None or p.char(close) < a.source.end or close.i - cue.i - 1 > _MAX_ASIDE_WORDS:
        return a
    if any(t.tag_.startswith("VB") or t.text in ('"', "“", "”", "(") for t in cue.doc[cue.i + 1 : last + 1]):
        return a  # "said, adding ...": more than a speaker and a time between the cue and the comma
    opener = close.nbor(1) if close.i + 1 < len(close.doc) else None
    if opener is None or opener.lower_ not in _GOES_ON or opener.i + 1 >= len(opener.doc):
        return a  # "..., Devine said, by": nothing after the opening word (it was an IndexError at "to")
    if opener.lower_ == "to" and opener.nbor(1).tag_ != "VB":
        return a
    rest = trim(p.text, Span(p.char(opener), p.bounds.end))
    if rest.end <= rest.start or any(rest.start <= b.cue.start < rest.end for b in found if b is not a):
        return a
    return replace(a, content=(first, rest))


def _set_off(between: str) -> bool:
    """Whether the words between a content and its cue open with the comma of an inserted cue."""
    return re.match(r"[\"”’']?\s*,", between) is not None and "," not in between.lstrip("\"”’' ")[1:]


def _content_head(p: Parsed, span: Span) -> Token | None:
    """The word of a content that hangs on a word outside it (its verb, for a clause)."""
    return next((t for t in p.span_tokens(span) if not span.start <= p.char(t.head) < span.end), None)


def _reported_clause(p: Parsed, a: Attribution) -> bool:
    """A reported clause, holding a quotation or not ('that such a request was "futile," because
    ...'), not a quotation itself ('said, "We will win this," and left'): PolNeAR train keeps the
    "because" clause after a reported clause holding a quotation 62 times, leaves it out once."""
    if a.kind == "clause":
        return True
    words = a.content[0].of(p.text).lstrip() if a.kind == "quote" and a.content else ""
    words = words[5:].lstrip() if words.lower().startswith("that ") else words
    return bool(words) and words[0] not in "\"“”‘’'"


def _past_quoted_comma(p: Parsed, at: int, tail: str) -> str:
    """The tail after a reported clause (at offset `at`) past a comma that stands inside a
    quotation closing right after it ('with "bemused interest," and there was ...', 'was
    "futile," because ...', the American order): the parse ends the clause at the last quoted
    word, and the comma is the quotation's, no aside of the writer's (span8: 5 PolNeAR train
    articles of 120 cut so)."""
    m = re.match(r"\s*,\s*([\"”’'])", tail)
    if m is None:
        return tail
    q = p.quote_at(at + m.start(1))
    return tail[m.end() :] if q is not None and q.end == at + m.end(1) else tail


def _quoted(p: Parsed, a: Attribution) -> bool:
    q = p.quote_at(a.cue.start)
    return q is not None and q.start < a.cue.start and not (a.source and not (q.start <= a.source.start < q.end))


def whole_closing_speaker(ctx: Context) -> Iterator[Attribution]:
    """Each attribution of a quotation closed by its speaker and a hearer, with the whole speaker."""
    yield from (_whole_closing_speaker(ctx.p, ctx.lex, a) for a in ctx.found)


def _whole_closing_speaker(p: Parsed, lex: Lexicon, a: Attribution) -> Attribution:
    """'“…,” the study's co-author Jan Berg of Lund University told Science News.': a quotation,
    then its speaker, then a verb with a hearer closing the sentence. The small model splits a long
    speaker ("co-author" read as "co" and a verb) and the source comes out cut; the speaker is every
    word between the quotation and the verb, as long as none of them can be a clause of its own."""
    cue = p.token_at(a.cue.start)
    quote = p.quote_at(a.content[0].start) if a.source is not None and len(a.content) == 1 else None
    verb = lex.verb(cue.lower_) if cue is not None else None
    if cue is None or quote is None or verb is None or not verb.addressee or not _hearer_closes(cue):
        return a
    words = [t for t in p.doc[: cue.i] if p.char(t) >= quote.end and not t.is_punct]
    while words and words[-1].tag_ == "RB":
        words.pop()  # "Thomas allegedly told": the adverb is the verb's
    if not words or len(words) > MAX_SOURCE_TOKENS or any(t.tag_ == "MD" or t.lower_ in lex.verbs for t in words):
        return a
    source = p.tokens(words)
    if source is None or a.source is None or not source.start <= a.source.start < a.source.end <= source.end:
        return a
    return replace(a, source=source) if source != a.source else a


def _hearer_closes(v: Token) -> bool:
    """Whether a verb's hearer ("told Science News") and the final stop are all that follow it."""
    hearer = next((c for c in v.children if c.dep_ in ("dobj", "dative") and c.i > v.i), None)
    if hearer is None or hearer.left_edge.i != v.i + 1:
        return False
    return all(t.is_punct for t in v.doc[hearer.right_edge.i + 1 :])


# "acknowledged his limitations: “This type of threat ...”": a colon, then an opening quote mark.
_COLON_QUOTE = re.compile(r":\s*[“\"]")


def split_colon_quotes(ctx: Context) -> Iterator[Attribution]:
    """'Zimmer acknowledged his limitations in evaluating the situation: “This type of threat I
    have no ability to assess.”': the object and the quotation the colon opens are two things
    the speaker said or did (a noun phrase, then a statement in their words), so two contents of
    the one cue. Only when the object before the colon holds no quote mark of its own."""
    p = ctx.p
    for a in ctx.found:
        parts = _colon_parts(p.text, a) if a.form == "verb" and len(a.content) == 1 else None
        if parts is None:
            yield a
            obj = _object_before_colon(ctx, a) if a.content else None
            if obj is not None:  # the parser read the quotation as the verb's clause: the object is apart
                yield replace(a, content=(obj,), kind="np", form="verb")
            continue
        head, quote = parts
        yield replace(a, content=(head,), kind=a.kind if a.kind == "np" else quote_kind(p.text, (head,)))
        yield replace(a, content=(quote,), kind=quote_kind(p.text, (quote,)))


def _colon_parts(text: str, a: Attribution) -> tuple[Span, Span] | None:
    """The content's words before a colon that opens a quotation, and the quotation."""
    content = a.content[0]
    words = text[content.start : content.end]
    match = _COLON_QUOTE.search(words)
    if match is None or a.cue.end > content.start or any(q in words[: match.start()] for q in '“”"‘’'):
        return None
    head = trim(text, Span(content.start, content.start + match.start()))
    quote = Span(content.start + match.end() - 1, content.end)
    return (head, quote) if head.end > head.start else None


def _object_before_colon(ctx: Context, a: Attribution) -> Span | None:
    """The cue verb's object when it ends at a colon just before the quotation that is the
    content ("acknowledged his limitations: “...”"); not a hearer ("told reporters: “...”")."""
    p, w = ctx.p, ctx.p.token_at(a.cue.start)
    verb = ctx.lex.verb(w.lower_) if w is not None else None
    if (
        w is None
        or verb is None
        or verb.addressee
        or not p.text[a.content[0].start : a.content[0].end].startswith(("“", '"'))
    ):
        return None
    obj = next((c for c in w.children if c.dep_ == "dobj" and c.i > w.i), None)
    after = obj.right_edge.i + 1 if obj is not None else len(w.doc)
    if obj is None or after >= len(w.doc) or w.doc[after].text != ":" or p.char(w.doc[after]) > a.content[0].start:
        return None
    return p.subtree(obj)


def merge_raised_cues(ctx: Context) -> list[Attribution]:
    """The sentence's attributions, a raising verb over a cue verb read as one attribution.

    'Mr. Cruz seemed to mock the plan', 'a review of the emails seems to show that ...': the
    raising rule reads the writer's hedge ("seemed", the subject inside its content) and the verb
    rule the mocking (Cruz's, nested inside it and so never shown as outermost). PolNeAR marks one
    attribution: the subject's, cue "seemed to mock", content the inner verb's (train: 43 such
    gold relations with a source). Only where the inner verb found its own attribution with a
    source; otherwise the hedge stays.
    """
    p, found = ctx.p, ctx.found
    merged: dict[int, Attribution] = {}
    dropped: set[int] = set()
    for i, a in enumerate(found):
        v = p.token_at(a.cue.start) if a.form == "raising" else None
        complement = next((c for c in v.children if c.dep_ in ("xcomp", "ccomp")), None) if v is not None else None
        if complement is None:
            continue
        j = next((j for j, b in enumerate(found) if _is_cue_of(p, b, complement)), None)
        if j is not None:
            dropped.add(i)
            merged[j] = replace(found[j], cue=Span(a.cue.start, found[j].cue.end))
    return [merged.get(i, a) for i, a in enumerate(found) if i not in dropped]


def _is_cue_of(p: Parsed, b: Attribution, verb: Token) -> bool:
    """Whether an attribution with a source is the verb rule's reading of `verb`."""
    w = p.token_at(b.cue.start)
    return b.form in ("verb", "quote") and b.source is not None and w is not None and w.i == verb.i


# Dependents of a cue verb that PolNeAR's annotators mark as part of the cue when they stand
# right before it: auxiliaries, negation and adverbs ("has also said", "did not deny", "later
# told"). On PolNeAR train 2,094 of the 3,348 cues that overlapped their gold without matching it
# lacked just such words before the verb (298 "has", 183 "also", 136 "have", 34 "did not", ...).
_GROUP_DEPS = frozenset({"aux", "auxpass", "neg", "advmod"})
# Forms whose cue is a verb of the sentence (not "according to", a noun, a quotation's frame).
_GROUP_FORMS = frozenset({"verb", "passive", "raising"})


def verb_groups(ctx: Context) -> Iterator[Attribution]:
    """Each attribution with its cue's whole verb group (`Attribution.group`)."""
    yield from (_with_group(ctx.p, a) for a in ctx.found)


def _with_group(p: Parsed, a: Attribution) -> Attribution:
    """'Officials have repeatedly said ...': the cue widened to the left over its own
    auxiliaries, negation and adverbs, never into the source or the content. (Widening it to the
    right too, over a setting up to the content, "said Thursday in a statement that", gained
    nothing on PolNeAR train: its annotators take such words about as often as not.)"""
    w = p.token_at(a.cue.start)
    if a.form not in _GROUP_FORMS or w is None or not w.tag_.startswith(("VB", "MD")):
        return a
    first = _group_start(w)
    start = p.char(first)
    taken = [s for s in (a.source, *a.content) if s is not None and s.start < a.cue.start and s.end > start]
    if first.i == w.i or taken:
        return a
    return replace(a, group=Span(start, a.cue.end))


def _group_start(w: Token) -> Token:
    """The first word of the run of the verb's auxiliaries, negation and adverbs right before it,
    through a verb it is the infinitive of ("went on to say", "continued to deny": 38 of the
    remaining PolNeAR train cues lacked such a verb)."""
    first = w
    while first.i > 0:
        t = w.doc[first.i - 1]
        if t.head.i != w.i or t.dep_ not in _GROUP_DEPS or t.tag_ in ("WRB", "WDT", "WP"):
            break
        first = t
    host = w.head
    if first.lower_ != "to" or w.dep_ != "xcomp" or host.i >= first.i or not host.tag_.startswith("VB"):
        return first
    between = w.doc[host.i + 1 : first.i]
    if any(t.head.i != host.i or t.dep_ not in ("prt", "advmod") for t in between):
        return first
    return _group_start(host)
