"""Where a reported content ends: the writer's asides after what the source said.

The parse hangs a non-restrictive modifier on the last noun or verb of a reported clause, so
its subtree runs on past what was said: "He said he is partial to Huckabee, for whom he was
to host a fundraiser", "Trump signaled he may make peace with rivals, offering Cruz a
speaking slot". After a comma, a relative pronoun or a participle is the writer speaking
again; the content ends before it. Commas inside quotation marks are the source's own and
never end it. (Appositives and contrasts after a comma were
tried too: PolNeAR's annotators keep them about as often as not, so they stay.)
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING

from tracer.datafiles import load_lines
from tracer.models import CueClass
from tracer.parse.attribution.cues import lexicon
from tracer.parse.attribution.grammar import TENSED_TAGS
from tracer.parse.attribution.phrases import CITING
from tracer.parse.attribution.spans import Attribution, Parsed, trim
from tracer.text import Span
from tracer.words import RELATIVE_PRONOUNS

if TYPE_CHECKING:  # spaCy is imported only when a text is parsed (nlp.py)
    from spacy.tokens import Token

_BREAKS = frozenset({",", "—", "–", "--"})
_PARTICIPLE_DEPS = frozenset({"advcl", "acl", "conj", "xcomp", "dep"})
# Contents the cut applies to: reported clauses and noun phrases; quotations keep their extent.
_KINDS = frozenset({"clause", "np"})
# ... of cue verbs and nouns: "according to X" vouches for its whole host sentence.
_FORMS = frozenset({"verb", "noun", "passive"})


def drop_asides(p: Parsed, a: Attribution) -> Attribution:
    """The attribution with its source and each content fragment ending before the writer's first aside."""
    a = _without_own_words(p, a)
    a = _before_as_clause(p, _after_writer_dash(p, _source_before_participle(p, a)))
    if a.kind == "quote" and a.form in _FORMS and a.content:
        content = _before_summary(p, tuple(_before_quoted_aside(p, f) for f in a.content))
        return a if content == a.content else replace(a, content=content)
    if a.kind not in _KINDS or a.form not in _FORMS or not a.content:
        return a
    content = _before_summary(p, tuple(_before_aside(p, f, a.cls in _TOLD) for f in a.content))
    return a if content == a.content else replace(a, content=content)


def _without_own_words(p: Parsed, a: Attribution) -> Attribution:
    """The attribution with no content fragment running over its own source and cue: "Rubio, who
    he dubbed 'the little senator'", "the wall that Cruz has pushed for months", "what Mr. Trump
    has threatened to do". A fronted relative or question word is the verb's object, and the span
    from it to the object's last phrase took in the subject and the auxiliaries between ("who he",
    "that Cruz has"). The source and cue are never what they said: the content is the word before
    them and what follows the cue, as PolNeAR marks it ("what … to do"). PolNeAR train (content14):
    37 contents changed, content overlap matches +3 (most stay unmatched: the annotators mark the
    pronoun alone, or its antecedent); 10 claims in 10 articles changed, 7 read better ("that
    Sanders", "that Comey" are no claims now), 2 as wrong as before, 1 worse (a "she" that was in
    its own content now goes to the last speaker, `claims.resolve`)."""
    if a.source is None or not a.content:
        return a
    cue = a.group or a.cue
    if a.source.end > cue.start:
        return a
    out: list[Span] = []
    for f in a.content:
        if not f.start < a.source.start or a.source.end > f.end:
            out.append(f)
            continue
        pieces = (Span(f.start, a.source.start), Span(cue.end, f.end) if cue.end < f.end else None)
        out += [s for s in (trim(p.text, piece) for piece in pieces if piece) if s.end > s.start]
    content = tuple(out)
    return a if content == a.content or not content else replace(a, content=content)


def _before_summary(p: Parsed, content: tuple[Span, ...]) -> tuple[Span, ...]:
    """The content with its last fragment ending before a summing-up of the writer's at its end:
    "said the city would close two schools, | a move that angered parents", "complained that the
    vote was "rigged," | a charge that party leaders denied" (`summary_nouns.txt`). PolNeAR train
    (content12): 15 contents in 14 articles now end where the annotators' end; 3 in 3 articles
    are cut where they kept the phrase, which there too is the writer's ("a sign of growing
    unease", "a move that has angered Germans")."""
    last = content[-1]
    words = p.span_tokens(last)
    for t in words[1:]:
        if t.text in _BREAKS and not p.in_quote(t) and _sums_up(p, t, last):
            cut = trim(p.text, Span(last.start, p.char(t)))
            return (*content[:-1], cut) if cut.end > cut.start else content
    return content


# Words that may stand between the article and the noun of a summing-up ("a controversial
# proposal", "an especially sore point", "a red line", "a clear message").
_MODIFIER_TAGS = frozenset({"JJ", "JJR", "JJS", "RB", "RBS", "NN", "VBN", "VBG", "HYPH"})


def _sums_up(p: Parsed, brk: Token, fragment: Span) -> bool:
    """Whether the words after a comma or a dash are a noun phrase naming what was just said or
    done (`summary_nouns.txt`), hung back on the clause before it (not the subject of a clause
    of its own: "..., the point is, ..."), and the fragment ends in it (no clause joined after it
    by "and" or "but": "a position he has since modified -- and his provocative ...")."""
    doc = brk.doc
    i = brk.i + 1
    if i >= len(doc) or doc[i].lower_ not in ("a", "an", "the"):
        return False
    i += 1
    while i < len(doc) and i - brk.i <= 4 and doc[i].tag_ in _MODIFIER_TAGS and doc[i].lower_ not in _summary_nouns():
        i += 1
    head = doc[i] if i < len(doc) else None
    if head is None or head.tag_ != "NN" or head.lower_ not in _summary_nouns() or head.head.i > brk.i:
        return False
    rest = [t for t in doc[head.i + 1 :] if p.char(t) < fragment.end]
    return not any(
        t.text in _BREAKS and t.i + 1 < len(doc) and doc[t.i + 1].lower_ in ("and", "but", "or") for t in rest
    )


@cache
def _summary_nouns() -> frozenset[str]:
    return frozenset(load_lines("summary_nouns.txt"))


# Cue classes whose content goes on past a relative aside inside it (`_closes_inside`): what
# was said or found. After a belief's or a stance's object the words may set the expected act
# ("is expecting to air a new ad, which paints X as a job-killer, as soon as Monday": PolNeAR
# train, the aside then became the campaign's claim).
_TOLD = frozenset({CueClass.SPEECH, CueClass.REPORT})


def _before_aside(p: Parsed, fragment: Span, told: bool = False) -> Span:
    first = p.token_at(fragment.start)
    if first is None:
        return fragment
    doc = first.doc
    for t in doc[first.i + 1 :]:
        if p.char(t) >= fragment.end:
            break
        if t.text in _BREAKS and t.i + 1 < len(doc) and not p.in_quote(t) and _aside(doc[t.i + 1]):
            if _clause_goes_on(p, doc[t.i + 1], fragment) or (told and _closes_inside(p, doc[t.i + 1], fragment)):
                continue  # "the man, who told officers he was armed, fled": the clause resumes
            cut = trim(p.text, Span(fragment.start, p.char(t)))
            return cut if cut.end > cut.start else fragment
    return fragment


def _before_as_clause(p: Parsed, a: Attribution) -> Attribution:
    """'painted a dire portrait of a lawless nation | as he accepted the nomination', 'refused to
    speak to reporters | as she left the breakfast', 'tweeted his observations | as he lined up
    outside': after what a verb names as its object or its "to ..." (not a reported clause), a
    clause opened by "as", with a subject and a tense of its own, hung on the cue verb or on
    that infinitive, says when the act took place, in the writer's words (and so does "even as").
    Not "as if", "as ... as" comparisons, nor an "as" clause inside a relative clause or a
    phrase of the content ("accused X of using deceptive practices as it brought in millions").
    PolNeAR train: 19 contents in 17 articles closer to the annotators', 3 farther in 3 (they
    keep "sought to temper his tone as he drew contrasts"). "As" before a noun ("criticizing
    Obama as a weak leader") is left alone: the annotators keep it as often as not."""
    if a.form != "verb" or a.kind not in _KINDS or len(a.content) != 1:
        return a
    fragment = a.content[0]
    words = p.span_tokens(fragment)
    cue = p.token_at(a.cue.start)
    if not words or cue is None or any(t.dep_ in ("ccomp", "mark") for t in words if t.head.i == cue.i):
        return a  # a reported clause, whose own "as" clause is part of what was said
    heads = {cue.i, *(t.i for t in words if t.head.i == cue.i and t.tag_ == "VB")}  # the cue, its "to ..."
    for t in words[1:]:
        if _as_clause(t, heads) and not p.in_quote(t):
            opener = t.nbor(-1) if t.nbor(-1).lower_ in _AS_ADVERBS else t
            cut = trim(p.text, Span(fragment.start, p.char(opener)))
            return replace(a, content=(cut,)) if cut.end > cut.start else a
    return a


# Adverbs that go with the "as" of a clause of time ("even as he defended the campaign").
_AS_ADVERBS = frozenset({"even", "just"})


def _as_clause(t: Token, heads: set[int]) -> bool:
    """Whether "as" opens a clause of its own (a subject, a tense) hung on one of `heads`, and is
    neither "as if" nor the second "as" of a comparison."""
    verb = t.head
    if t.lower_ != "as" or t.dep_ != "mark" or verb.dep_ != "advcl" or verb.head.i not in heads:
        return False
    if t.i + 1 < len(t.doc) and t.nbor(1).lower_ in ("if", "though"):
        return False
    if any(c.dep_ == "conj" and lexicon().verb(c.lower_) is not None for c in verb.children):
        return False  # "talked over them as they answered questions and even assured the crowd that ...":
        # the parser runs the clause on into the speaker's next statement, whose source it would take
    subject = any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)
    tensed = verb.tag_ in TENSED_TAGS or any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    return subject and tensed and not any(w.lower_ in ("as", "so") for w in t.doc[max(0, t.i - 6) : t.i])


# A dash set off by spaces, as the corpora type it; a hyphen inside a word is no break.
_DASHES = frozenset({"-", "--", "–", "—"})
_JOINS = frozenset({"and", "but"})


def _after_writer_dash(p: Parsed, a: Attribution) -> Attribution:
    """'He now had a rally that night - and the permit, his campaign said, had been hard to get',
    'He has fulminated against the plan - "I love Oreos," he said, "I will never eat them
    again"': a cue set into a sentence after a dash, whose words before the dash are a clause of
    the writer's own: what was said starts after the dash (and its "and"), not at the sentence's
    start. Only one dash (a pair sets off an aside inside what was said: "the plan - a costly
    one - will fail, he said"), a finite verb before it, and the statement going on past the cue:
    with all of it before the cue, the words after the dash are as often the speaker's too ("A
    -- but then there are the outliers, she said", "A – something you wouldn't know if ..., he
    said": PolNeAR train, cut there, 2 contents of 3 got worse), unless they are a quotation
    ("impressed by no one - ''Born with a silver spoon,'' Mr. Elkins said"). PolNeAR train: 5
    contents in 5 articles now start where the annotators start them, none worse."""
    first = a.content[0] if a.form in _DASH_FORMS and a.content else None
    words = p.span_tokens(first) if first is not None and first.end <= a.cue.start else []
    if first is None or not words:
        return a
    dashes = [t for t in words if t.text in _DASHES and t.whitespace_ and t.i > 0 and t.nbor(-1).whitespace_]
    if len(dashes) != 1 or p.in_quote(dashes[0]):
        return a
    dash = dashes[0]
    after = [t for t in words if t.i > dash.i]
    while after and after[0].lower_ in _JOINS:
        after = after[1:]
    quoted = bool(after) and p.quote_at(p.char(after[0])) == Span(p.char(after[0]), first.end)
    if not after or not (len(a.content) > 1 or quoted) or not any(t.tag_ in TENSED_TAGS for t in words if t.i < dash.i):
        return a
    return replace(a, content=(Span(p.char(after[0]), first.end), *a.content[1:]))


_DASH_FORMS = frozenset({"verb", "quote"})


def _before_quoted_aside(p: Parsed, fragment: Span) -> Span:
    """A quotation's content ending where the quotation closes on its comma, if an aside of the
    writer's follows ('stressed that "the way is to work together," suggesting that ...')."""
    first = p.token_at(fragment.start)
    if first is None:
        return fragment
    for t in first.doc[first.i + 1 :]:
        if p.char(t) >= fragment.end:
            break
        if _closes_on_comma(t) and t.i + 1 < len(t.doc) and _aside(t.nbor(1)) and p.char(t.nbor(1)) < fragment.end:
            return Span(fragment.start, p.char(t) + len(t.text))
    return fragment


def _closes_on_comma(t: Token) -> bool:
    """'stressed that "the way is to work together," suggesting that ...': a quotation closing
    on its comma ends the reported clause as a bare comma does; the comma sits inside the quote
    marks, so the aside after it was read into the content (aside9: the participle's statement
    was swallowed by the one before it once both had the same source)."""
    return t.is_quote and t.i > 0 and t.nbor(-1).text == ","


def _clause_goes_on(p: Parsed, n: Token, fragment: Span) -> bool:
    """Whether a relative clause set off inside the content is followed by the verb it sits under
    (a subject's aside, "the man, who ..., fled"), so the content goes on past it."""
    rel = next((a for a in (n, *n.ancestors) if a.dep_ == "relcl"), None)
    if n.lower_ not in RELATIVE_PRONOUNS or rel is None:
        return False
    after = rel.right_edge.i + 1
    return any(p.char(a) < fragment.end and a.i > after and a.tag_.startswith("VB") for a in rel.head.ancestors)


def _closes_inside(p: Parsed, n: Token, fragment: Span) -> bool:
    """Whether a relative clause set off inside the content closes on a comma or dash and the
    reported clause goes on after it ("said she called Sanders after the primaries, which
    secured her the nomination, to congratulate him"; "said it could hurt the bid to revive a
    program, which has been blocked in the courts, to spare 5 million people"): what follows is
    the reported verb's own words, so the writer's aside cannot end what was said. A second
    aside right after it ("..., who held a rally, drawing 1,100 people") still ends it, and so do
    words hung on the cue outside the clause. PolNeAR train (said10): 7 contents of speech and
    report verbs in 7 articles are now the whole clause, 5 of them closer to the annotators'
    spans, 1 farther (they cut the aside out of the middle)."""
    rel = next((a for a in (n, *n.ancestors) if a.dep_ == "relcl"), None)
    if rel is None or (n.lower_ not in RELATIVE_PRONOUNS and n.tag_ != "IN"):
        return False
    close = rel.right_edge.i + 1
    if close + 1 >= len(n.doc) or n.doc[close].text not in _BREAKS:
        return False
    resumed = n.doc[close + 1]
    if p.char(resumed) >= fragment.end or not resumed.is_alpha or _aside(resumed):
        return False
    # the words after it hang in the reported clause, not on the cue verb outside it ("says she
    # will vote for Sanders, who blasts free trade, but from the left": "but" is the cue's)
    above = {a.i for a in (resumed, *resumed.ancestors)}
    joint = next((a for a in rel.ancestors if a.i in above), None)
    return joint is not None and fragment.start <= p.char(joint) < fragment.end


def _aside(n: Token) -> bool:
    """Whether the words after a comma open an aside of the writer's."""
    if n.lower_ in RELATIVE_PRONOUNS:
        return True
    if n.tag_ == "IN" and n.i + 1 < len(n.doc) and n.nbor(1).lower_ in RELATIVE_PRONOUNS:
        return True  # ", for whom ..."
    # ", offering Cruz a slot"; but a participle hung on a verb after it opens the clause it
    # sits in ('concluded that, using standard methods, "the cost falls ..."'), no aside
    return n.tag_ == "VBG" and n.dep_ in _PARTICIPLE_DEPS and n.lower_ not in CITING and n.head.i < n.i


# Participles that name members of the source ("Several candidates, including Ann Lee"), which
# PolNeAR keeps in the source, or a further source ("citing Y"), which is a relation of its own.
_KEPT_PARTICIPLES = frozenset({"including", *CITING})


def _source_before_participle(p: Parsed, a: Attribution) -> Attribution:
    """'Ann Lee, speaking at a rally in Leeds, said ...': the source ends before a participle
    aside about it, as PolNeAR marks it. (Its relative clauses, "Ann Lee, who runs the depot,",
    are kept: PolNeAR's annotators take them about as often as not.)"""
    first = p.token_at(a.source.start) if a.source is not None else None
    if a.source is None or first is None:
        return a
    for t in first.doc[first.i + 1 :]:
        if p.char(t) >= a.source.end:
            break
        nxt = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
        if t.text in _BREAKS and nxt is not None and _participle_aside(nxt):
            cut = trim(p.text, Span(a.source.start, p.char(t)))
            return replace(a, source=cut) if cut.end > cut.start else a
    return a


def _participle_aside(n: Token) -> bool:
    """A participle opening a clause of its own ("speaking at a rally"), not a noun's modifier
    ("managing director", "ranking member") nor a kept one (`_KEPT_PARTICIPLES`)."""
    return n.tag_ == "VBG" and n.dep_ in _PARTICIPLE_DEPS and n.lower_ not in _KEPT_PARTICIPLES
