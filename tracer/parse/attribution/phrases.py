"""Phrase and noun cues: "according to X", "citing Y", "its assessment that ...", "reportedly",
and the headline colon ("Graham: Trump's rhetoric is destroying the party").

These complement the cue-verb rules in `verbs.py`; each reads the dependency parse of one
sentence and returns `Attribution`s with document spans.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING

from tracer.datafiles import load_json, load_lines
from tracer.models import CueClass
from tracer.parse.attribution.cues import REPORTING, VIEW_NOUNS, Lexicon, inflections, lexicon
from tracer.parse.attribution.grammar import (
    FINITE_TAGS,
    OBJECT_DEPS,
    has_subject,
    has_that,
    no_reason,
    referent_of,
    subject_of,
    that_marked,
)
from tracer.parse.attribution.spans import Attribution, Citation, Context, Parsed, quote_kind, trim
from tracer.parse.claims.named import in_headline
from tracer.parse.claims.sources import is_place, place_names
from tracer.text import Span
from tracer.words import BE_FORMS

if TYPE_CHECKING:  # spaCy is imported only when a text is parsed (nlp.py)
    from spacy.tokens import Token

_SOURCE_NOUN_PREPS = frozenset({"from", "by"})
# "Yonhap, citing intelligence", "the Times, quoting officials": the object is the citer's source.
CITING = frozenset({"citing", "quoting"})
_NOT_TOPIC_NOUNS = frozenset({"statement", "statements", "stance", "position", "view", "views", "comments", "remarks"})
_TOPIC_PREPS = frozenset({"of", "for", "on", "about", "against", "to", "with", "over"})
_NAME_TAGS = frozenset({"NNP", "NNPS", "POS", "HYPH", "CC"})
_SETTING_TAGS = frozenset({"IN", "DT"})
# A headline's speaker may be a common noun too ("Poll: ...", "Clinton camp: ..."), when capitalised.
_HEADER_TAGS = _NAME_TAGS | {"NN", "NNS"}
MAX_HEADLINE_NAME = 6
_QUOTE_MARKS = frozenset({"“", "”", '"', "‘", "’", "'"})
_HEADLINE = re.compile(r"^[A-Z][^:\n]{0,60}:\s")  # "Graham: Trump's rhetoric ..."


def headline_scan(sentence: str, words: frozenset[str], lex: Lexicon) -> bool:
    """The fast scan of the headline rule: a short name and a colon open the sentence.

    The rule reads a colon only after at most `MAX_HEADLINE_NAME` tokens, and every word written
    before the colon is at least one token, so a longer opening ("Adelson's political activities
    were guided by two factors: ...") is not parsed for it. Unless a dateline is blanked out for
    the parser, which leaves fewer words. On PolNeAR dev and the corpus pages this drops a third
    of the sentences kept for this test alone, none of which yielded an attribution.
    """
    match = _HEADLINE.match(sentence)
    if match is None:
        return False
    before_colon = match.group(0).rstrip()[:-1]
    return len(before_colon.split()) <= MAX_HEADLINE_NAME or lex.has_dateline(sentence)


def noun_scan(sentence: str, words: frozenset[str], lex: Lexicon) -> bool:
    """The fast scan of the noun rule: a cue noun needs "that ..." ("its assessment that"), a
    view noun "in" ("..., in Bolton's view")."""
    if "that" in words and not words.isdisjoint(lex.nouns):
        return True
    nouns = lex.nouns | lex.light_nouns.keys()
    light = not words.isdisjoint(nouns) and any(lex.verbs[w].needs for w in words & lex.paired)
    if light and _light_object().search(sentence.lower()) is not None:
        return True  # "made comments about ..."
    if ":" in sentence and _noun_colon().search(sentence.lower()) is not None:
        return True  # "Their argument: ..."
    if not words.isdisjoint(_received_stances()) and _received_object().search(sentence.lower()) is not None:
        return True  # "The plan drew criticism from ..."
    return "in" in words and not words.isdisjoint(VIEW_NOUNS)


def poll_scan(sentence: str, words: frozenset[str], lex: Lexicon) -> bool:
    """The fast scan of the poll rule: "in" and a poll noun ("In a CNN poll, ...")."""
    return "in" in words and not words.isdisjoint(lex.poll_nouns)


def according_rule(ctx: Context) -> Iterator[Attribution]:
    """'..., according to X' / 'According to X, ...': X vouches for the whole sentence around it."""
    p, t, lex = ctx.p, ctx.t, ctx.lex
    if t.lower_ != "according" or t.i + 1 >= len(t.doc) or t.nbor(1).lower_ != "to":
        return
    to = t.nbor(1)
    pobj = next((c for c in [*to.children, *t.children] if c.dep_ == "pobj"), None)
    if pobj is None or according_idiom(pobj, lex):
        return
    citing = [c for c in pobj.subtree if c.lower_ in CITING]
    lost = _lost_subject(pobj)
    relative = _relative_citation(p, pobj)
    source = p.subtree(pobj, without=[*citing, *lost, *([relative[0]] if relative else [])])
    last = max([_phrase_end(t, to), *(c.right_edge.i for c in citing)])
    last = lost[0].left_edge.i - 2 if lost else last
    after = [c for c in t.head.children if c.lower_ in CITING and 0 < c.i - last <= 2]
    last = max([last, *(c.right_edge.i for c in after)])
    named = _named_apposition(pobj, last) if not (citing or lost or relative or after) else None
    if named is not None:
        source, last = p.span(pobj.left_edge.i, named - 1), named
    tail = _source_tail(t, last)
    if tail is not None and source is not None:
        source, last = p.span(pobj.left_edge.i, tail.right_edge.i), tail.right_edge.i
    closing = _closes_clause_before(p, t, last) or _closes_relative_in_report(p, t, lex)
    scope = tail.head if tail is not None else _according_scope(t, lex)
    fragments = (closing,) if closing else _around(p, scope, t.i, last)
    fragments = _without_as_asides(p, _within_quote(p, t, fragments), lex)
    source, aside = _before_bracket(p, source)
    fragments = _within_brackets(p, t, _outside(p, fragments, source, aside))
    if source is not None and fragments:
        vouched = _vouched(p, source, [t, to], fragments, "according to")
        yield replace(vouched, cites=(relative[1],)) if relative else vouched


def _without_as_asides(p: Parsed, fragments: tuple[Span, ...], lex: Lexicon) -> tuple[Span, ...]:
    """'As this reporter revealed, Halbritter is not a member of the tribe, according to
    genealogical documents', 'A, as the Times reported, and B, according to three people': the
    "as X reported" aside is the writer's second source for the clause, not one the phrase's
    source cites; inside the content it was nested under the phrase (PolNeAR train: 3 articles
    showed "documents <- this reporter", "an email <- many people"). The aside is cut out."""
    for w in (w for w in p.doc if _as_aside(w, lex)):
        cut = Span(p.char(w.left_edge), p.char(w.right_edge) + len(w.right_edge.text))
        fragments = tuple(x for f in fragments for x in _cut_out(p, f, cut))
    return fragments


def _as_aside(w: Token, lex: Lexicon) -> bool:
    """A verb of saying, reporting or believing heading an "as X reported" clause with a subject
    of its own: not "go on as planned", "even as terrorists attacked" (PolNeAR train: both were
    cut out when any cue verb was read)."""
    verb = lex.verb(w.lower_)
    marked = any(m.dep_ == "mark" and m.lower_ == "as" and m.i < w.i for m in w.children)
    subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in w.children)
    return w.dep_ == "advcl" and marked and subject and verb is not None and verb.cls in REPORTING


def _cut_out(p: Parsed, fragment: Span, cut: Span) -> tuple[Span, ...]:
    """A fragment without the span `cut` starting inside it: the words on either side."""
    if not fragment.start <= cut.start < fragment.end:
        return (fragment,)
    parts = (trim(p.text, Span(fragment.start, cut.start)), trim(p.text, Span(cut.end, fragment.end)))
    return tuple(x for x in parts if x.end > x.start)


def _within_brackets(p: Parsed, t: Token, fragments: tuple[Span, ...]) -> tuple[Span, ...]:
    """'states like Iowa (93 percent of voters there were white, according to exit polls), New
    Hampshire ...': a phrase inside brackets vouches for what the brackets hold, not for the
    sentence around them (PolNeAR train: 4 articles, the content ran over the whole sentence)."""
    start = p.char(t)
    before = p.text[p.bounds.start : start]
    opening = before.rfind("(")
    if opening < 0 or ")" in before[opening:]:
        return tuple(f for f in fragments if re.search(r"\w", f.of(p.text)))  # not a lone ")"
    closing = p.text.find(")", start, p.bounds.end)
    inside = Span(p.bounds.start + opening + 1, closing if closing >= 0 else p.bounds.end)
    clipped = (trim(p.text, Span(max(f.start, inside.start), min(f.end, inside.end))) for f in fragments)
    return tuple(f for f in clipped if f.end > f.start)


def _before_bracket(p: Parsed, source: Span | None) -> tuple[Span | None, Span | None]:
    """'..., according to exit polls (a sizable margin, but ...)': the writer's aside in brackets
    after the source is no part of its name (an acronym is: 'the Centers for Disease Control
    (CDC)'). Returns the source without the aside, and the bracketed aside to keep out of the
    content."""
    text = source.of(p.text) if source is not None else ""
    at = text.find(" (")
    if source is not None and at >= 0 and len(text[at:].split()) <= 1 and p.text[source.end : source.end + 1] == ")":
        return Span(source.start, source.end + 1), None  # "(CDC)": trimmed of its closing bracket
    if source is None or at < 0 or len(text[at:].split()) <= 1:
        return source, None
    opening = source.start + at + 1
    closing = p.text.find(")", opening, p.bounds.end)
    return trim(p.text, Span(source.start, opening)), Span(opening, closing + 1 if closing >= 0 else p.bounds.end)


def _outside(p: Parsed, fragments: tuple[Span, ...], source: Span | None, aside: Span | None) -> tuple[Span, ...]:
    """The fragments without the bracketed aside after the source, and starting past the source's
    closing bracket ("According to the CDC (CDC), flu ...": not "), flu ...")."""
    kept = (f for f in fragments if aside is None or not aside.start <= f.start < aside.end)
    if source is None:
        return tuple(kept)
    return tuple(trim(p.text, Span(source.end, f.end)) if source.start <= f.start < source.end else f for f in kept)


def _phrase_end(t: Token, to: Token) -> int:
    """The last token of "according to X". Opening a sentence the parser may make "According" its
    root and hang the clause after the comma on it ('According to a 2016 study by Pew, eligible
    voters ... skew younger'): then the phrase ends with "to X", not with "According"'s subtree,
    which swallowed the clause and left nothing vouched for (PolNeAR train: the attribution was lost)."""
    return to.right_edge.i if t.head.i == t.i else t.right_edge.i


def according_idiom(pobj: Token, lex: Lexicon) -> bool:
    """'went according to plan', 'according to his plan': a bare plan, schedule or custom is the
    idiom; a described one ('According to her "clawback" plan, firms must repay ...', 'According
    to the initial schedule published Thursday, ...') is a document that vouches for the clause
    (PolNeAR train: both were missed; no bare one occurs there)."""
    bare = all(w.i == pobj.i or w.dep_ in ("det", "poss") for w in pobj.subtree)
    return (bare and pobj.lower_ in lex.non_sources) or _text(pobj.subtree).lower() in lex.non_sources


def _source_tail(t: Token, last: int) -> Token | None:
    """'..., according to three sources who spoke to Fox News but were not authorized to speak',
    '..., according to a newly uncovered email previously kept secret': the parser hangs the
    phrase on a verb after it that it conjoins to the sentence's verb before it; that verb is the
    source's own description, and the clause before the phrase is what is vouched for (prec6
    audit, PolNeAR train 720-839: 'were not authorized to speak on the record', 'previously kept
    secret' were claims in 2 articles). Returns that verb, or None."""
    host = t.head
    if host.dep_ not in ("conj", "advcl") or host.i <= last or host.head.i >= t.i or not host.tag_.startswith("VB"):
        return None
    if any(w.is_punct for w in t.doc[last + 1 : host.i]):
        return None  # "..., according to the data, making it the largest rise": the writer goes on
    return host if not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in host.children) else None


# What may open the host clause right after a named apposition: a quotation, a pronoun or a determiner.
_CLAUSE_OPENING_TAGS = frozenset({"``", "PRP", "DT", "PRP$"})


def _named_apposition(pobj: Token, last: int) -> int | None:
    """'According to his aunt, Jane Starner, “He was brilliant ...”': the name set off by commas
    after a described source is that source (gold_fresh3a: the name went into the content and the
    source was 'his aunt'). Only after a determined or possessed description, and only when a
    quotation, pronoun or determiner opens the clause after it, so that in 'According to his
    lawyer, Smith, 45, was arrested' the name stays the clause's subject. Returns the index of
    the comma closing the name."""
    doc = pobj.doc
    described = pobj.tag_ in ("NN", "NNS") and any(c.dep_ in ("poss", "det") for c in pobj.children)
    if not described or last + 2 >= len(doc) or doc[last + 1].text != ",":
        return None
    end = last + 2
    while end < len(doc) and doc[end].tag_ in ("NNP", "NNPS"):
        end += 1
    if end == last + 2 or end + 1 >= len(doc) or doc[end].text != ",":
        return None
    return end if doc[end + 1].tag_ in _CLAUSE_OPENING_TAGS else None


def _closes_clause_before(p: Parsed, t: Token, last: int) -> Span | None:
    """'There are three scripts in contention, according to The Wrap, so it's possible ...': the
    parser hangs the phrase on the clause after it, a conjunct opening with "so", "and" or "but";
    the phrase closes the clause before it, which is what The Wrap vouches for."""
    host = t.head
    nxt = [w for w in p.doc[last + 1 : last + 3] if not w.is_punct]
    if host.dep_ != "conj" or host.left_edge.i != t.i or host.head.i > t.i or not nxt:
        return None
    if nxt[0].lower_ not in ("so", "and", "but") or p.doc[t.i - 1].text != ",":
        return None
    return p.span(host.head.left_edge.i, t.i - 1)


def _closes_relative_in_report(p: Parsed, t: Token, lex: Lexicon) -> Span | None:
    """'Weaver says it's proof the candidate can close the gap in delegates, which stood at 263,
    according to the Associated Press', 'The campaign announced that it hired Pierson, who has been
    outspoken ..., according to Politico': right after a relative clause set off by commas inside
    what a cue verb reports, the phrase vouches for that relative clause, the writer's own
    background, not for the report (PolNeAR train: 4 of 4 such phrases, in 4 articles; after
    a relative clause in a clause that reports nothing, the annotators split, and it is left)."""
    if t.i < 3 or t.nbor(-1).text != ",":
        return None
    rel = next((a for a in (t.nbor(-2), *t.nbor(-2).ancestors) if a.dep_ == "relcl"), None)
    if rel is None or rel.right_edge.i != t.i - 2 or rel.left_edge.i < 1 or t.doc[rel.left_edge.i - 1].text != ",":
        return None
    if not any(w.tag_ in ("WDT", "WP", "WP$") for w in t.doc[rel.left_edge.i : rel.i]):
        return None  # "March, when he was self-funding": a time, no relative pronoun
    reports = any(lex.verb(a.lower_) is not None and has_subject(a) for a in rel.ancestors)
    return p.span(rel.left_edge.i, rel.right_edge.i) if reports else None


_CITE_VERBS = frozenset({"cited", "quoted", "cites", "quotes"})


def _relative_citation(p: Parsed, pobj: Token) -> tuple[Token, Citation] | None:
    """'According to the newspaper, which cited two officials, ...': the officials are the
    newspaper's source, as with "citing"; the relative clause is no part of the source's name."""
    rel = next((c for c in pobj.children if c.dep_ == "relcl" and c.lower_ in _CITE_VERBS), None)
    cited = next((c for c in rel.children if c.dep_ == "dobj"), None) if rel is not None else None
    relative = rel is not None and any(c.dep_ == "nsubj" and c.tag_ == "WDT" for c in rel.children)
    cue, source = (p.tokens([rel]), p.subtree(cited)) if rel is not None and cited is not None else (None, None)
    return (rel, Citation(cue, source)) if relative and rel is not None and cue and source else None


# "..., per The Wrap", "Per the report, ...": "per" names a source only where it opens the sentence
# or a phrase of its own; elsewhere it is a rate ("$3 per gallon", "per cent", "per capita").
_PER_OPENS = frozenset({",", "(", "—", "–", "-", ";"})
_PER = re.compile(r"(?:^|[,(;—–-]\s*)per\s", re.IGNORECASE)


def per_scan(sentence: str, words: frozenset[str], lex: Lexicon) -> bool:
    """The fast scan of the per rule: "per" at the sentence's start or after a comma, dash or bracket."""
    return "per" in words and _PER.search(sentence) is not None


def per_rule(ctx: Context) -> Iterator[Attribution]:
    """'..., per The Wrap', 'Per a list compiled by X, ...': the same vouching as "according to X".

    The object must be a name or have a determiner ("per the report", "per a list"), so that a
    rate after a comma ("..., per capita", "per cent") is not read as a source."""
    p, t, lex = ctx.p, ctx.t, ctx.lex
    opening = all(w.is_space or w.dep_ == "cc" for w in t.doc[: t.i])
    if t.lower_ != "per" or t.dep_ != "prep" or not (opening or t.nbor(-1).text in _PER_OPENS):
        return
    pobj = next((c for c in t.children if c.dep_ == "pobj"), None)
    if pobj is None or pobj.lower_ in lex.non_sources or _text(pobj.subtree).lower() in lex.non_sources:
        return
    if pobj.tag_ not in ("NNP", "NNPS") and pobj.left_edge.tag_ not in ("DT", "PRP$", "NNP", "NNPS"):
        return
    if pobj.tag_ in ("NN", "NNS") and any(c.dep_ == "poss" or c.tag_ in ("NNP", "NNPS") for c in pobj.lefts):
        return  # "per FiveThirtyEight's tracker": the claims stage's lead cue reads the document, then its maker
    source, fragments = p.subtree(pobj), _around(p, _per_scope(t, lex), t.i, t.right_edge.i)
    if source is not None and fragments:
        yield _vouched(p, source, [t], fragments, "per")


def _per_scope(t: Token, lex: Lexicon) -> Token:
    """The clause "per X" vouches for: as for "according to", but a "per" hung on a noun at the
    end of the second of two joined main clauses ("Girls asked, and one boy revealed ..., per the
    Journal") vouches for that clause, not the first one too."""
    host = _according_scope(t, lex)
    main = next((a for a in t.ancestors if a.dep_ == "conj" and a.head.i == host.i), None)
    return main if host.dep_ == "ROOT" and main is not None and not t.head.tag_.startswith("VB") else host


_ACCOUNT_WORDS = frozenset({"account", "accounts"})


def accounts_scan(sentence: str, words: frozenset[str], lex: Lexicon) -> bool:
    """The fast scan of the accounts rule: "by" and "account(s)" in the sentence."""
    return "by" in words and not words.isdisjoint(_ACCOUNT_WORDS)


def accounts_rule(ctx: Context) -> Iterator[Attribution]:
    """'By most accounts, the law worked', "By Smith's account, ...": the accounts vouch for the
    clause after the comma, as "according to" does (gold_fresh3a miss). Only as the sentence's
    opening phrase, its noun within four words of "by" ("by account of" is no source)."""
    p, t = ctx.p, ctx.t
    doc = t.doc
    if t.lower_ != "by" or not all(w.is_space or w.is_punct or w.dep_ == "cc" for w in doc[: t.i]):
        return
    end = next((k for k in range(t.i + 2, min(t.i + 6, len(doc))) if doc[k].lower_ in _ACCOUNT_WORDS), None)
    if end is None or end + 2 >= len(doc) or doc[end + 1].text != "," or doc[t.i + 1].tag_ == "PRP$":
        return  # "By his own account, he ...": his own word, the claim of whoever "he" is
    last = max(k for k in range(end + 2, len(doc)) if not doc[k].is_punct or k == end + 2)
    source, content = p.span(t.i + 1, end), p.span(end + 2, last)
    if source is not None and content is not None:
        yield _vouched(p, source, [t], (content,), "by account")


# Words before a fronted "to" that still leave it at its clause's opening ("because to them, ...").
_TO_VIEW_OPENERS = frozenset({"but", "and", "because", "that", "while", "yet"})
# "To Sexton, Tuesday marked ...", "But to others, he is ...": a fronted "to" phrase and its comma.
_TO_VIEW_SCAN = re.compile(rf"(?:^|\b(?:{'|'.join(sorted(_TO_VIEW_OPENERS))})\s+)to\s+[^,;:]{{1,80}},", re.IGNORECASE)


def to_view_scan(sentence: str, words: frozenset[str], lex: Lexicon) -> bool:
    """The fast scan of the "To X," rule: "to" opening a clause, a comma after a few words."""
    return "to" in words and _TO_VIEW_SCAN.search(sentence) is not None


def to_view_rule(ctx: Context) -> Iterator[Attribution]:
    """'To Sexton, Tuesday marked a turning point', 'To many, Santilli is a provocateur', 'But to
    others, he is a reformer': a fronted "to" naming people, set off by a comma, gives the
    clause as their view, as "in Sexton's view" does (prep13 audit of PolNeAR train: 15 such views
    in 14 articles, 10 marked, none found; now 10 claims in 8 articles, all read right). Not
    before a cue verb or a verb whose "to" is its recipient ("To his donors, she wrote ...",
    `to_recipient_verbs.txt`), nor for a thing ("To date", "To that end", "To win, ...")."""
    p, t, lex = ctx.p, ctx.t, ctx.lex
    doc, pobj = t.doc, next((c for c in t.children if c.dep_ == "pobj"), None)
    end = t.right_edge.i + 1
    if pobj is None or end + 1 >= len(doc) or doc[end].text != "," or not _clause_opening(t):
        return
    host = t.head
    verb = lex.verb(host.lower_)
    if not host.tag_.startswith("VB") or host.i < end or (verb is not None and not (verb.clause_only or verb.raising)):
        return  # "To reporters, he said ...": whom it was said to
    if host.lower_ in _to_recipient_verbs() or not _holds_views(p, pobj, lex):
        return
    last = max(k for k in range(end + 1, host.right_edge.i + 1) if not doc[k].is_punct or k == end + 1)
    source, content = p.subtree(pobj), p.span(end + 1, last)  # the clause after the comma
    if source is not None and content is not None:
        yield Attribution(
            source, p.tokens([t]) or p.bounds, (content,), p.bounds,
            cls=CueClass.BELIEF, form="according", kind=quote_kind(p.text, (content,)), lemma="to",
        )  # fmt: skip


def _clause_opening(t: Token) -> bool:
    """Whether a "to" opens its sentence or a clause ("But to others, ...", "because to many, ...")."""
    before = [w for w in t.doc[: t.i] if not (w.is_punct or w.is_space)]
    return not before or all(w.dep_ in ("cc", "advmod") for w in before) or before[-1].lower_ in _TO_VIEW_OPENERS


def _holds_views(p: Parsed, pobj: Token, lex: Lexicon) -> bool:
    """Whether the object of a fronted "to" is people: a name (not a place), a people noun ("White
    House officials", "her supporters"), or a quantifier for people (`view_holders.txt`; no object
    pronoun: "because to him, ..." went to the wrong man). "A lot of readers" is its noun's."""
    of = next((c for c in pobj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    inner = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if inner is not None and inner.tag_.startswith("NN") and pobj.lower_ in ("lot", "many", "most", "number"):
        pobj = inner
    word = pobj.lower_
    if word in _view_holders() or word in lex.people or word.rstrip("s") in lex.people:
        return not (word == "person" and any(c.lower_ == "a" for c in pobj.children))  # "To a person, ..."
    name = p.subtree(pobj)
    if name is None or pobj.tag_ not in ("NNP", "NNPS") or not pobj.text[:1].isupper():
        return False
    return not (is_place(pobj.text) or name.of(p.text) in place_names())  # not "To Iowa, ..."


@cache
def _view_holders() -> frozenset[str]:
    """Quantifiers for people whose "To ...," is a view (`view_holders.txt`)."""
    return frozenset(load_lines("view_holders.txt"))


@cache
def _to_recipient_verbs() -> frozenset[str]:
    """The forms of the verbs whose fronted "to" is their recipient (`to_recipient_verbs.txt`)."""
    lines = [line.split() for line in load_lines("to_recipient_verbs.txt")]
    return frozenset(form for lemma, *irregular in lines for form in (*inflections(lemma), *irregular))


def poll_rule(ctx: Context) -> Iterator[Attribution]:
    """'In a CNN poll, 50 percent chose Clinton', '... leads by 5 points in a new Fox survey',
    'Smith has a big lead in a Fox poll': the poll vouches for the clause it sets; its figures are
    its claim (PolNeAR marks the "in")."""
    p, t, lex = ctx.p, ctx.t, ctx.lex
    if t.lower_ != "in" or t.dep_ != "prep":
        return
    host, pobj = _clause_of(t), _poll_object(t, lex)
    if host is None or pobj is None or _pollster_finding(t, host, lex):
        return
    opening = all(w.dep_ in ("cc", "advmod") for w in t.doc[: t.i])  # "In a CNN poll, ...", "But in ..."
    named = any(c.tag_ in ("NNP", "NNPS") or c.lower_ in ("a", "an") for c in pobj.subtree if c.i < pobj.i)
    if not (opening or named):
        return  # "leads in the polls", "slid in national polls": a standing (on PolNeAR train, a third of them marked)
    source, fragments = p.subtree(pobj), _around(p, _list_head(t) if host is t.head else host, t.i, t.right_edge.i)
    if source is not None and fragments:
        yield _vouched(p, source, [t], fragments, "in")


def _clause_of(t: Token) -> Token | None:
    """The verb whose clause an "in" phrase sets: its head, or up from a noun ("a big lead in the
    polls", "his approval rating in the latest poll stands at 53%")."""
    host = t.head
    while not host.tag_.startswith("VB") and host.head.i != host.i:
        host = host.head
    return host if host.tag_.startswith("VB") else None


def _poll_object(t: Token, lex: Lexicon) -> Token | None:
    """The poll an "in" phrase names: its object ("in a Fox poll") or what that object is made of
    ("in the RealClearPolitics average of state polls")."""
    pobj = next((c for c in t.children if c.dep_ == "pobj"), None)
    if pobj is None or pobj.lower_ in lex.poll_nouns:
        return pobj
    of = next((c for c in pobj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    inner = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return pobj if inner is not None and inner.lower_ in lex.poll_nouns else None


_SHARES = frozenset({"percent", "%", "half", "majority", "most", "third", "quarter", "fifth"})


def _pollster_finding(t: Token, host: Token, lex: Lexicon) -> bool:
    """'Metrix found in a poll that ...', 'In a study, Metrix found ...': the finding is the
    pollster's, the verb rule reads it. A share of the people asked ("In a Fox poll, 40 percent
    said ...") is no source: the poll is, of what it sets."""
    if lex.verb(host.lower_) is None or t.head.i != host.i:
        return False
    subject = next((c for c in host.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return False
    return t.i > host.i or not any(w.tag_ == "CD" or w.lower_ in _SHARES for w in subject.subtree)


_PROVENANCE_VERBS = frozenset({"came", "come", "comes", "coming"})


@cache
def _information_nouns() -> frozenset[str]:
    return frozenset(load_lines("information_nouns.txt"))


def came_from_scan(sentence: str, words: frozenset[str], lex: Lexicon) -> bool:
    """The fast scan of the came_from rule: a form of "come" and "from"."""
    return "from" in words and not words.isdisjoint(_PROVENANCE_VERBS)


def came_from_rule(ctx: Context) -> Iterator[Attribution]:
    """'the number came from a survey run by shop stewards': the survey is the number's source.

    Only a piece of information (`information_nouns.txt`) gets a source this way; the clause
    itself is the content, so the claim keeps its words and its chain goes on to the survey
    and whoever ran it (issue 14, cause 3).
    """
    p, v = ctx.p, ctx.t
    subject = next((c for c in v.children if c.dep_ == "nsubj"), None)
    prep = next((c for c in v.children if c.dep_ == "prep" and c.lower_ == "from"), None)
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    if subject is None or prep is None or pobj is None or subject.lower_ not in _information_nouns():
        return
    source, content = p.subtree(pobj), p.span(subject.left_edge.i, v.right_edge.i)
    if source is not None and content is not None:
        yield Attribution(
            source,
            p.tokens([v, prep]) or p.bounds,
            (trim(p.text, content),),
            p.bounds,
            cls=CueClass.REPORT,
            form="came_from",
            lemma="come from",
        )


# Verbs of recording, each form with its lemma (the parse has no lemmas: `nlp._EXCLUDED`).
_RECORD_LEMMAS = {
    **dict.fromkeys(("record", "records", "recorded"), "record"),
    **dict.fromkeys(("capture", "captures", "captured"), "capture"),
}
RECORD_VERBS = frozenset(_RECORD_LEMMAS)


@cache
def _document_nouns() -> frozenset[str]:
    """Head nouns of records (the claims stage's list: memo, log, recording, footage, ...)."""
    return frozenset(load_json("claim_kinds.json")["documents"])


def record_scan(sentence: str, words: frozenset[str], lex: Lexicon) -> bool:
    """The fast scan of the record rule: a verb of recording and a record noun."""
    return not words.isdisjoint(RECORD_VERBS) and not words.isdisjoint(_document_nouns())


def record_rule(ctx: Context) -> Iterator[Attribution]:
    """'The log records a caller reporting smoke', 'a recording heard by the BBC captures the
    commander ordering a retreat': a document is the source of what it records (issue 14, cause 3).

    The content is what is recorded: a participle clause on the object, or a "that" clause.
    """
    p, v = ctx.p, ctx.t
    if not v.tag_.startswith("VB"):
        return
    subject = next((c for c in v.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lower_ not in _document_nouns():
        return
    obj = next((c for c in v.children if c.dep_ == "dobj" and any(g.dep_ == "acl" for g in c.children)), None)
    clause = obj if obj is not None else next((c for c in v.children if c.dep_ == "ccomp" and has_that(c)), None)
    source, content = p.subtree(subject), p.subtree(clause) if clause is not None else None
    if source is not None and content is not None:
        yield Attribution(
            source,
            p.tokens([v]) or p.bounds,
            (content,),
            p.bounds,
            cls=CueClass.REPORT,
            form="record",
            kind=quote_kind(p.text, (content,)),
            lemma=_RECORD_LEMMAS.get(v.lower_, v.lower_),
        )


def _vouched(p: Parsed, source: Span, cue: list[Token], fragments: tuple[Span, ...], lemma: str) -> Attribution:
    """The attribution of a phrase that vouches for its host clause ("according to X", "in a poll")."""
    return Attribution(
        source=source,
        cue=p.tokens(cue) or p.bounds,
        content=fragments,
        sentence=p.bounds,
        cls=CueClass.ACCORDING,
        form="according",
        kind=quote_kind(p.text, fragments),
        lemma=lemma,
    )


def _lost_subject(pobj: Token) -> list[Token]:
    """'According to a blog post for X, Brazil's weather institute predicts that ...': the parser
    hangs the next clause's subject on the source as an apposition and leaves the verb after it
    without one. An apposition after a comma, right before a finite verb with no subject, is that
    verb's subject (issue 14, fresh development gold: the chain lost the institute)."""
    for appos in (t for t in pobj.subtree if t.dep_ == "appos"):
        first, nxt = appos.left_edge.i, appos.right_edge.i + 1
        if first == 0 or pobj.doc[first - 1].text != "," or nxt >= len(pobj.doc):
            continue
        verb = pobj.doc[nxt]
        no_subject = not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)
        if verb.tag_ in ("VBZ", "VBD", "VBP") and no_subject and appos.tag_ in ("NNP", "NNPS", "NN", "NNS"):
            return [appos]
    return []


def _around(p: Parsed, host: Token, first: int, last: int) -> tuple[Span, ...]:
    """The host clause's words on either side of a phrase (tokens `first`..`last`) that vouches
    for it: "according to X", "in a CNN poll", "in Bolton's view"."""
    first_i, last_i = min(host.left_edge.i, first), max(host.right_edge.i, last)
    return tuple(f for f in (p.span(first_i, first - 1), p.span(last + 1, last_i)) if f)


def _list_head(t: Token) -> Token:
    """The clause a phrase hangs on, up a list it follows ("A had 36 percent and B 13 percent,
    according to X": the whole list)."""
    host = t.head if t.head.i != t.i else t
    while host.dep_ in ("conj", "advcl") and host.head.i < host.i and t.i > host.i:
        host = host.head
    return host


def _according_scope(t: Token, lex: Lexicon) -> Token:
    """The clause "according to X" vouches for.

    The parser hangs the phrase on the nearest verb. When that verb is what a cue verb reports
    ("The agency said A, according to Lee"), Lee vouches for the whole report; otherwise (a
    relative clause, "delegates, which stood at 263, according to AP") the parse is kept. Set
    between an auxiliary and its verb ("He had, according to Alex Horton, killed and eaten a
    wild rabbit", gold_text miss: only "He had" was vouched for) it vouches for the verb's clause.
    """
    host = _list_head(t)
    if host.dep_ in ("aux", "auxpass"):
        host = host.head  # "He had, according to X, killed ...": the phrase hangs on the auxiliary
    while host.dep_ in ("ccomp", "xcomp") and lex.verb(host.head.lower_) is not None and not _cited_within(t, host):
        host = host.head
    if not host.tag_.startswith("VB") and host.dep_ != "ROOT":
        host = _root(t)
    return host


def _within_quote(p: Parsed, t: Token, fragments: tuple[Span, ...]) -> tuple[Span, ...]:
    """The fragments an "according to" phrase vouches for, kept inside the quotation that holds
    the phrase ('told BFM TV that "the driver fired on the crowd, according to the police"': the
    speaker cites the police for what the quotation says, not for the telling), and without the
    "that" opening a reported clause ('said that, according to X, ...')."""
    quote = p.quote_at(p.char(t)) if p.in_quote(t) else None
    if quote is not None:
        fragments = tuple(Span(max(f.start, quote.start), min(f.end, quote.end)) for f in fragments)
        # a word or two left ('"It's according to age groups," she said') vouch for nothing
        fragments = tuple(f for f in fragments if len(re.findall(r"\w+", p.text[f.start : f.end])) > 2)
    return tuple(f for f in fragments if p.text[f.start : f.end].strip(" ,").lower() != "that")


def _cited_within(t: Token, clause: Token) -> bool:
    """'Reyes said that, according to the police, the driver fired', 'told BFM TV that "the driver
    fired on the crowd, according to the police"': between the "that" of what a cue verb reports
    and that clause's subject, or inside the speaker's quotation, the phrase is the speaker's own citation, part of what
    was said, not the writer's source for the report (PolNeAR train: both forms made no claim at
    all, the speaker's words nested in the phrase's)."""
    mark = next((c for c in clause.children if c.dep_ == "mark" and c.lower_ == "that"), None)
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if mark is not None and subject is not None and mark.i < t.i < subject.i:
        return True  # fronted in the reported clause; "said that A, according to X" stays the writer's
    doc = t.doc
    before = "".join(w.text_with_ws for w in doc[clause.left_edge.i : t.i])
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _root(t: Token) -> Token:
    while t.head.i != t.i:
        t = t.head
    return t


def _text(tokens: Iterable[Token]) -> str:
    return "".join(t.text_with_ws for t in tokens).strip()


def noun_rule(ctx: Context) -> Iterator[Attribution]:
    """'its assessment that ...', 'a statement from the ministry that ...', 'she made the case
    that ...'."""
    p, n, lex = ctx.p, ctx.t, ctx.lex
    if n.lower_ not in lex.nouns or not n.tag_.startswith("NN"):
        return
    said = _said_at_noun_colon(p, n, lex)
    if said is not None:
        yield said
        return
    received = _received_stance(p, n)
    if received is not None:
        yield received
        return
    maker = light_subject(p, n, lex)
    if maker is not None:
        yield from _light_noun(p, n, maker, lex)
        return
    owner = own_owner(n) or _pronoun_owner(n)
    if n.dep_ in OBJECT_DEPS and lex.verb(n.head.lower_) is not None and own_owner(n) is None:
        return  # "announced its assessment that ...": the verb rule reads it
    clause = next((c for c in n.children if c.dep_ in ("acl", "ccomp") and has_that(c)), None)
    clause = clause or _copula_clause(n)
    if owner is None and clause is not None and n.lower_ not in REPORTS:
        holder = _stance_holder(p, n, lex)
        content = p.subtree(clause) if holder is not None else None
        if holder is not None and content is not None:
            yield _said_in_noun(p, holder, [n], content, n)
        else:
            yield from _unowned_noun(p, n, clause)
        return
    if owner is None or owner.lower_ in lex.non_sources:
        return
    if clause is None and n.lower_ in VIEW_NOUNS and n.dep_ == "pobj" and n.head.lower_ == "in":
        yield from _in_view(p, n, owner)
        return
    if clause is None:
        yield from _noun_topic(p, n, owner)
        return
    source, content = p.subtree(owner, without=[c for c in owner.children if c.dep_ == "case"]), p.subtree(clause)
    if source and content:
        yield _said_in_noun(p, source, [n], content, n)


def _received_stance(p: Parsed, n: Token) -> Attribution | None:
    """'The proposal drew criticism from the mayor', 'Cruz won the endorsement of Vander Plaats':
    the giver of a stance the subject received (`received_stances.txt`) took it towards the
    subject. The noun has no owner of the usual form there (the subject is its target, the giver
    comes after "from"/"of"), so the statement made no attribution (noun11 audit of PolNeAR train:
    30 such relations in 27 articles, none found)."""
    verb, alone = n.head, _received_stances().get(n.lower_)
    if alone is None or n.dep_ != "dobj" or verb.lower_ not in _receiving_verbs() or not verb.tag_.startswith("VB"):
        return None
    alone = alone and not _receiving_verbs()[verb.lower_]  # "She had criticism for ...": she is the critic
    if any(c.dep_ in ("acl", "ccomp") and has_that(c) for c in n.children):
        return None  # "faced criticism from rivals that ...": what they said, the owner's clause
    giver = _stance_giver(n, verb)
    target = subject_of(p, verb)
    if target is not None and target.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
        target = verb.head  # "the deal, which drew criticism from ...": the deal
    if (giver is None and not alone) or target is None or target.lower_ in _NOT_LIGHT_MAKERS:
        return None
    source = p.subtree(giver, without=[c for c in giver.children if c.dep_ == "case"]) if giver is not None else None
    content, cue = p.subtree(target), p.tokens([verb, n])
    if content is None or cue is None or (giver is not None and source is None):
        return None
    reason = _stance_reason(p, n, verb) if _reason_stance(n.lower_) else None
    fragments = (content, reason) if reason is not None and reason.start > content.end else (content,)
    return Attribution(source, cue, fragments, p.bounds, cls=CueClass.STANCE, form="noun", kind="np", lemma=n.lower_)


def _stance_reason(p: Parsed, n: Token, verb: Token) -> Span | None:
    """'Cruz faced criticism for unreported loans', 'are facing sharp criticism over their view
    of Putin': what the received stance was taken over, the object of "for" or "over" on the noun
    or on the verb after it. PolNeAR marks it with the subject ("Cruz … unreported loans"):
    content14 audit of PolNeAR train, 7 of the 7 "criticism" contents with such a phrase were the
    subject alone where the annotators' ran on to the reason, and none of those without one."""
    preps = [c for c in (*n.children, *verb.children) if c.dep_ == "prep" and c.lower_ in ("for", "over") and c.i > n.i]
    obj = next((o for prep in preps for o in prep.children if o.dep_ in ("pobj", "pcomp")), None)
    return p.subtree(obj) if obj is not None and not no_reason(obj) else None


def _stance_giver(n: Token, verb: Token) -> Token | None:
    """Who gave a received stance: the object of "from" or "of" on the noun, or of "from" hung on
    the verb right after it ("drew criticism on Monday from ...")."""
    preps = [c for c in n.children if c.dep_ == "prep" and c.lower_ in ("from", "of") and c.i > n.i]
    preps += [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "from" and c.i > n.i]
    return next((o for prep in preps for o in prep.children if o.dep_ == "pobj"), None)


@cache
def _stance_flags() -> dict[str, frozenset[str]]:
    """Stance nouns a subject receives (`received_stances.txt`), each with its flags."""
    return {words[0]: frozenset(words[1:]) for words in map(str.split, load_lines("received_stances.txt"))}


@cache
def _received_stances() -> dict[str, bool]:
    """Stance nouns a subject receives: noun -> a cue with no giver too (`+alone`)."""
    return {noun: "+alone" in flags for noun, flags in _stance_flags().items()}


def _reason_stance(noun: str) -> bool:
    """Whether a received stance noun's "for"/"over" phrase is part of the content (`+reason`)."""
    return "+reason" in _stance_flags().get(noun, frozenset())


@cache
def _receiving_verbs() -> dict[str, bool]:
    """Verbs whose subject receives a stance (`receiving_verbs.txt`): verb -> only with a giver."""
    return {line.split()[0]: "+giver" in line.split() for line in load_lines("receiving_verbs.txt")}


@cache
def _received_object() -> re.Pattern[str]:
    """A receiving verb and, at most four words on, a received stance noun: the scan's test."""
    verbs, nouns = sorted(_receiving_verbs()), sorted(_received_stances())
    return re.compile(rf"\b(?:{'|'.join(verbs)})\s+(?:[\w’'-]+\s+){{0,4}}(?:{'|'.join(nouns)})\b")


def _copula_clause(n: Token) -> Token | None:
    """'Her argument is that voters value stability', 'His message long has been that he is a
    winner': the noun is the subject of "be" and the "that" clause after it is what the owner
    said, as in "her argument that ..." (`copular_nouns.txt`: no attitude, "their fear is that").
    The parser hangs that clause on the verb, so the noun rule saw no content and the statement
    made no attribution (claims10 audit of PolNeAR train: 9 such statements in 9 articles are
    claims now, one cut short at an aside, "Trump is, in fact")."""
    verb = n.head
    if n.dep_ != "nsubj" or verb.lower_ not in BE_FORMS or n.lower_ not in _copular_nouns():
        return None
    if not any(c.dep_ == "poss" for c in n.children):
        return None  # "One view is that ...", "The message from 70 years of history is that ...": no one's words
    return next((c for c in verb.children if c.dep_ == "ccomp" and c.i > n.i and that_marked(c)), None)


# Verbs whose subject puts forward the message that is their object ("had one message: ...",
# "sent Mr. Trump an unmistakable message: ..."); not "received", "got", "heard": the message
# is then someone else's.
_GIVING_VERBS = frozenset(
    {
        *("have", "has", "had", "having", "send", "sends", "sent", "sending", "deliver", "delivers", "delivered"),
        *("delivering", "give", "gives", "gave", "given", "giving", "offer", "offers", "offered", "offering"),
        *("issue", "issues", "issued", "issuing", "repeat", "repeats", "repeated", "repeating", "present"),
        *("presents", "presented", "presenting"),
    }
)


# Nouns of documents, whose colon opens a title ("POLITICO New York's Culture-Business Report: The
# difficulty of ...", claims10 audit), not what someone said.
_DOCUMENTS = frozenset({"report", "statement", "statements", "analysis", "testimony", "account", "finding", "findings"})


def _said_at_noun_colon(p: Parsed, n: Token, lex: Lexicon) -> Attribution | None:
    """'Their argument: Only a Democratic Senate can make headway', 'His final assessment: It's
    not over', 'the leaders sent Mr. Trump an unmistakable message: He is hurting the party': a
    statement noun (`copular_nouns.txt`) right before a colon, owned or put forward by the
    subject of a giving verb, carries what follows (claims10 audit of PolNeAR train: 4 such
    statements in 4 articles were no claim, and are now). "said in his statement: ..." is the verb rule's (a medium)."""
    doc = n.doc
    if n.i + 2 >= len(doc) - 1 or doc[n.i + 1].text != ":" or n.lower_ in _DOCUMENTS:
        return None
    if n.lower_ not in _copular_nouns():
        return None
    after = doc[n.i + 2 : len(doc) - 1]
    if after[0].text in (*_QUOTE_MARKS, "``") or not any(t.tag_ in FINITE_TAGS or t.tag_ == "MD" for t in after):
        return None  # "His assessment: “...,” he said": the quotation's own cue; "Report: The difficulty": a title
    owner = next((c for c in n.children if c.dep_ == "poss"), None)
    if owner is not None and n.dep_ in ("ROOT", "dep", "nsubj"):
        source = p.subtree(owner, without=[c for c in owner.children if c.dep_ == "case"])
    elif n.dep_ == "dobj" and n.head.lower_ in _GIVING_VERBS and (maker := subject_of(p, n.head)) is not None:
        bad = maker.lower_ in _NOT_LIGHT_MAKERS or maker.lower_ in lex.non_sources
        source = None if bad else p.source_subtree(maker, n.head)
    else:
        return None
    content = p.span(n.i + 2, len(doc) - 1)
    return _said_in_noun(p, source, [n], content, n) if source and content else None


@cache
def _noun_colon() -> re.Pattern[str]:
    """A statement noun right before a colon: the scan's test for `_said_at_noun_colon`."""
    return re.compile(rf"\b(?:{'|'.join(sorted(_copular_nouns()))}):\s")


@cache
def _copular_nouns() -> frozenset[str]:
    return frozenset(load_lines("copular_nouns.txt"))


def _said_in_noun(p: Parsed, source: Span, cue: list[Token], content: Span, n: Token) -> Attribution:
    """A statement a speech noun carries ("X's claim that C", "X made the case that C")."""
    return Attribution(
        source=source,
        cue=p.tokens(cue) or p.bounds,
        content=(content,),
        sentence=p.bounds,
        cls=CueClass.SPEECH,
        form="noun",
        kind=quote_kind(p.text, (content,)),
        lemma=n.lower_,
    )


def _stance_holder(p: Parsed, n: Token, lex: Lexicon) -> Span | None:
    """'Sharpton left no doubt that ...', 'in the hope that ...', 'with an argument that ...': an
    unowned stance noun in a frame of `held_stances.txt` is held by the subject of its verb. Not
    in a quotation (the speaker's "they ..., in the hope that" is theirs to tell), nor in a
    condition ("if you have any doubt that ...": nobody's)."""
    frames, verb = _held_stances().get(n.lower_), n.head
    if frames is None or p.in_quote(n):
        return None
    if n.dep_ == "pobj":
        article = next((c.lower_ for c in n.children if c.dep_ == "det"), None)
        if verb.lower_ not in frames or (verb.lower_ == "with" and article not in ("a", "an")):
            return None
        above = _verb_above(verb.head) if verb.lower_ == "in" else verb.head
        if above is None or (verb.lower_ == "to" and not above.lower_.startswith(("cling", "clung"))):
            return None
        verb = above
    elif n.dep_ != "dobj" or not frames & {verb.lower_, *_lemmas(verb.lower_)}:
        return None
    subject = subject_of(p, verb) if verb.tag_.startswith("VB") else None
    if subject is None or subject.lower_ in (*_NOT_LIGHT_MAKERS, "you") or subject.lower_ in lex.non_sources:
        return None  # "what", "there", and the generic "you"
    if _conditional(verb):
        return None
    return p.source_subtree(subject, verb)


def _conditional(verb: Token) -> bool:
    """Whether a verb heads an "if"/"unless" clause: a stance it names is supposed, not held."""
    return any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in verb.children)


def _verb_above(t: Token) -> Token | None:
    """The verb an "in" phrase belongs to, through the noun phrases the parser hung it on
    ("returned the case to the lower courts in the hope that ..."): None past a clause's edge."""
    for _ in range(4):
        if t.tag_.startswith("VB"):
            return t
        if t.dep_ not in ("pobj", "prep", "dobj") or t.head.i == t.i:
            return None
        t = t.head
    return None


@cache
def _held_stances() -> dict[str, frozenset[str]]:
    """Stance nouns held by their verb's subject (`held_stances.txt`): noun -> its frames."""
    return {line.split()[0]: frozenset(line.split()[1:]) for line in load_lines("held_stances.txt")}


_HOLDING_FORMS = {
    "have": ("have", "has", "had", "having"),
    "hold": ("hold", "holds", "held", "holding"),
    "leave": ("leave", "leaves", "left", "leaving"),
    "share": ("share", "shares", "shared", "sharing"),
    "give": ("give", "gives", "gave", "given", "giving"),
}


def _lemmas(form: str) -> tuple[str, ...]:
    """The holding verbs (`_HOLDING_FORMS`) a word form is a form of."""
    return tuple(lemma for lemma, forms in _HOLDING_FORMS.items() if form in forms)


def _unowned_noun(p: Parsed, n: Token, clause: Token) -> Iterator[Attribution]:
    """'despite concerns that it might encourage others', 'one assertion that he is not crazy': a
    cue noun with a "that" clause and no owner is still an attribution, with no source (PolNeAR
    marks them)."""
    content = p.subtree(clause)
    if content is not None:
        yield Attribution(
            None,
            p.tokens([n]) or p.bounds,
            (content,),
            p.bounds,
            cls=CueClass.SPEECH,
            form="noun",
            kind=quote_kind(p.text, (content,)),
            lemma=n.lower_,
        )


def _in_view(p: Parsed, n: Token, owner: Token, cls: CueClass = CueClass.BELIEF) -> Iterator[Attribution]:
    """'It is an across-the-board failure, in Bolton's view': the clause the phrase sets is the
    owner's belief (or, "in Forbes' words", what the owner said)."""
    prep = n.head
    host = prep.head if prep.head.i != prep.i else prep
    if owner.dep_ not in ("poss", "pobj") or not host.tag_.startswith(("VB", "JJ", "NN")):
        return
    fragments = _around(p, host, prep.i, prep.right_edge.i)
    source = p.subtree(owner, without=[c for c in owner.children if c.dep_ == "case"])
    if source and fragments:
        yield Attribution(
            source,
            p.tokens([prep, n]) or p.bounds,
            fragments,
            p.bounds,
            cls=cls,
            form="noun",
            kind=quote_kind(p.text, fragments),
            lemma=n.lower_,
        )


def words_scan(sentence: str, words: frozenset[str], lex: Lexicon) -> bool:
    """The fast scan of the words rule: "in" and "words"."""
    return "in" in words and "words" in words


def words_rule(ctx: Context) -> Iterator[Attribution]:
    """ "because, in her words, “he knows how to do it”", "was, in the words of a senior adviser,
    ''the torchbearer''": the clause the phrase sets is what its owner said, a quotation with its
    source (prep13 audit of PolNeAR train: 5 such asides in 5 articles, none found; now 3 claims in 3
    articles, all right; "in other words", with no owner, is the writer's own)."""
    n, doc = ctx.t, ctx.t.doc
    if n.lower_ != "words" or n.dep_ != "pobj" or n.head.lower_ != "in" or not _set_off(n.head):
        return  # "summed up in the very words of Lincoln": the phrase is no aside
    of = next((c for c in n.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    owner = next((c for c in n.children if c.dep_ == "poss"), None)
    owner = owner or (next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None)
    for a in _in_view(ctx.p, n, owner, CueClass.SPEECH) if owner is not None else ():
        kept = [f for f in a.content if not _says_nothing(f.of(ctx.p.text), f.start > a.cue.start)]
        quoted = _quotation_after(ctx, doc[n.head.right_edge.i + 1])  # the words themselves, however parsed
        if quoted is not None and not any(f.start < quoted.end and quoted.start < f.end for f in kept):
            kept.append(quoted)
        if kept:
            yield replace(a, content=tuple(kept))


def _set_off(prep: Token) -> bool:
    """Whether a phrase opens its sentence or stands between commas ("was, in her words, ...")."""
    doc, end, before = prep.doc, prep.right_edge.i + 1, prep.i - 1
    while before >= 0 and doc[before].text in _QUOTE_MARKS:
        before -= 1  # '“surprises,” in the words of ...'
    opens = before < 0 or doc[before].text == "," or doc[before].dep_ in ("cc", "mark")
    return opens and end < len(doc) and doc[end].text == ","


def _says_nothing(fragment: str, after: bool) -> bool:
    """Whether a fragment around a words phrase is not what was said: a lone opener before it
    ("because, in her words, “...”"), or a clause joined after it by "and"/"but" ("does not like
    “surprises,” in the words of an aide, and bristled when ...")."""
    words = re.findall(r"[\w’']+", fragment.lower())
    if words[:1] and words[0] in ("and", "but") and after:
        return True
    return len(words) == 1 and words[0] in _TO_VIEW_OPENERS


def _noun_topic(p: Parsed, n: Token, owner: Token) -> Iterator[Attribution]:
    """ "Trump's call for a ban", "his criticism of the deal": a stance with a topic, not a claim."""
    prep = next((c for c in n.children if c.dep_ == "prep" and c.lower_ in _TOPIC_PREPS and c.i > n.i), None)
    pobj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None) if prep is not None else None
    if pobj is None or owner.dep_ != "poss" or n.lower_ in _NOT_TOPIC_NOUNS:
        return
    source = p.subtree(owner, without=[c for c in owner.children if c.dep_ == "case"])
    content, cue = p.subtree(pobj), p.tokens([n, prep])  # type: ignore[list-item]
    if source and content and cue:
        yield Attribution(
            source, cue, (content,), p.bounds, cls=CueClass.STANCE, form="noun", kind="np", lemma=n.lower_
        )


@cache
def _light_object() -> re.Pattern[str]:
    """A light verb and, at most three words on, a cue noun (`light_subject`): the scan's test,
    so that a sentence merely holding both ("made plans ... the report") is not parsed for it
    (on PolNeAR dev that halves the sentences this test parses)."""
    lex = lexicon()
    verbs = sorted(f for f in lex.paired if lex.verbs[f].needs)
    nouns = sorted(lex.nouns | lex.light_nouns.keys())
    return re.compile(rf"\b(?:{'|'.join(verbs)})\s+(?:[\w’'-]+\s+){{0,3}}(?:{'|'.join(nouns)})\b")


def light_subject(p: Parsed, n: Token, lex: Lexicon) -> Token | None:
    """The subject of a light verb whose object is a cue noun: "Trump made comments about ...",
    "she made the case that ...", "took the view that ...". The light verbs are those of
    `cue_verbs.txt` that are cues only with their own word ("made it clear"); without it the
    verb rule reads nothing, and the noun had no owner, so the whole relation was missed
    (recall8 audit of PolNeAR train: "made the case", "made comments about", "made conflicting
    statements about" in seven articles)."""
    head = n.head
    verb = lex.verb(head.lower_)
    if n.dep_ != "dobj" or verb is None or not verb.needs or not head.tag_.startswith("VB"):
        return None
    if any(c.lower_ in verb.needs for c in head.children):
        return None  # "made it clear", "raised concerns that ...": the verb rule's
    return subject_of(p, head)


def light_noun_object(p: Parsed, v: Token, lex: Lexicon) -> Iterator[Attribution]:
    """'made the case that ...', 'took issue with X': a light verb's object from `light_nouns.txt`,
    read from the verb (the verb rule hands it over): were the noun a trigger word of the noun rule,
    its verb uses ("Trump shot back that ...") would no longer reach the fallback rules."""
    n = next((c for c in v.children if c.dep_ == "dobj" and c.lower_ in lex.light_nouns), None)
    if n is None or n.lower_ in lex.nouns or not n.tag_.startswith("NN"):
        return
    maker = light_subject(p, n, lex)
    if maker is not None:
        yield from _light_noun(p, n, maker, lex)


def _light_noun(p: Parsed, n: Token, maker: Token, lex: Lexicon) -> Iterator[Attribution]:
    """'She made the case (to voters) that C': the light verb's subject said C; the parser hangs
    the clause on the noun or on the verb. With no clause, 'made comments about X' names a topic
    (an attribution, never a claim); 'made a claim' alone says nothing."""
    verb = n.head
    clause = next((c for c in n.children if c.dep_ in ("acl", "ccomp") and has_that(c)), None)
    clause = clause or next((c for c in verb.children if c.dep_ == "ccomp" and c.i > n.i and that_marked(c)), None)
    source = p.source_subtree(maker, verb)
    if source is None or maker.lower_ in _NOT_LIGHT_MAKERS or maker.lower_ in lex.non_sources:
        return
    if clause is not None:
        content = p.subtree(clause)
        if content is not None:
            yield _said_in_noun(p, source, [verb, n], content, n)
        return
    preps = _LIGHT_TOPIC_PREPS if n.lower_ in lex.nouns else lex.light_nouns.get(n.lower_, frozenset())
    after = [*n.children, *(c for c in verb.children if c.i == n.right_edge.i + 1)]  # or hung on the verb
    prep = next((c for c in after if c.dep_ == "prep" and c.lower_ in preps and c.i > n.i), None)
    target = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None) if prep is not None else None
    content = p.subtree(target) if target is not None else None
    cue = p.tokens([verb, n, prep]) if prep is not None else None
    if content is not None and cue is not None:
        cls = CueClass.STANCE if n.lower_ in lex.light_stances else CueClass.TOPIC
        yield Attribution(source, cue, (content,), p.bounds, cls=cls, form="noun", kind="np", lemma=n.lower_)


# The prepositions of a topic after a light verb's cue noun ("made comments about X", "an attack on
# X"): not "to", whose object is the hearer ("made a statement to reporters", "made a heartbreaking
# response to King Charles": gold_fresh4a keeps that sentence a link's claim, not a topic), nor
# "with". A light noun that is no cue noun takes the prepositions `light_nouns.txt` gives it
# ("made the case for X", "made no mention of X"; "made a point of thanking them" is an act).
_LIGHT_TOPIC_PREPS = frozenset({"about", "on", "over", "of", "for", "against"})
# Subjects that name no one, as for the verb rule (`verbs._NOT_SUBJECTS`): "what made the case ...".
_NOT_LIGHT_MAKERS = frozenset({"there", "here", "what", "this", "these"})


def own_owner(n: Token) -> Token | None:
    """A noun's owner when it is not a pronoun: "the ministry's claim", "a statement from the ministry"."""
    owner = next((c for c in n.children if c.dep_ == "poss" and c.tag_ != "PRP$"), None)
    if owner is None:
        prep = next((c for c in n.children if c.dep_ == "prep" and c.lower_ in _SOURCE_NOUN_PREPS), None)
        owner = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep else None
    return owner


def _pronoun_owner(n: Token) -> Token | None:
    return next((c for c in n.children if c.dep_ == "poss" and c.tag_ == "PRP$"), None)


def hedge_rule(ctx: Context) -> Iterator[Attribution]:
    """'North Korea is reportedly preparing ...': a hedge with no source; the clause is the content."""
    p, t, lex = ctx.p, ctx.t, ctx.lex
    if t.dep_ != "advmod" or t.lower_ not in lex.hedges:
        return
    content = p.subtree(t.head)
    if content is not None:
        yield Attribution(
            source=None,
            cue=p.tokens([t]) or p.bounds,
            content=(content,),
            sentence=p.bounds,
            cls=CueClass.HEDGE,
            form="hedge",
            lemma=t.lower_,
        )


def headline_rule(ctx: Context) -> Iterator[Attribution]:
    """'Graham: Trump's rhetoric is destroying the party' — a name, a colon, what they said."""
    p, t, lex = ctx.p, ctx.t, ctx.lex
    if t.text != ":" or not 0 < t.i <= MAX_HEADLINE_NAME or t.i + 1 >= len(t.doc):
        return
    name = _after_kicker(p, list(t.doc[: t.i]), lex)
    tags = _HEADER_TAGS if p.bounds.start == 0 else _NAME_TAGS  # the title may name "Poll:" or "Clinton camp:"
    if not name or not _capitalised(p, name[0]) or not all(_name_word(p, w, tags, lex) for w in name):
        return
    lead = next((i for i, w in enumerate(name) if w.tag_ in _SETTING_TAGS), len(name))
    if not lead:
        return  # "The ...:" / "In ...:": no name before the setting (in "Trump on Twitter:" it is "Trump")
    lead = _headline_subject(p, name, lead)
    source, content = p.tokens(name[:lead]), p.span(t.i + 1, len(t.doc) - 1)
    if source is not None and source.of(p.text).lower().replace("’", "'") in lex.kickers:
        return  # "WATCH: ...", "UPDATE: ..."
    if content is not None and not re.search(r"[^\W\d_]{2}", content.of(p.text)):
        return  # "Sanders: 46.": a tally, not words
    if content is not None and _label(p, t, name[:lead], lex):
        return  # "Riverside: about 300 homes without water": a place or topic label, no speaker
    if source and content:
        yield Attribution(
            source=source,
            cue=Span(p.char(t), p.char(t) + 1),  # the colon itself (trimming would leave nothing)
            content=(content,),
            sentence=p.bounds,
            cls=CueClass.SPEECH,
            form="headline",
            kind=quote_kind(p.text, (content,)),
            lemma=":",
        )


def _headline_subject(p: Parsed, name: list[Token], lead: int) -> int:
    """How many of `name`'s words are the speaker, `lead` being the words before any setting ("on
    Twitter"). In a Title-Case headline ("Trump Addresses Munich Attack: ‘...’", "Clinton Wades In:
    ...") every word is capitalised, so the words before the colon read as one long name that
    swallows the headline's verb. The longest opening the article repeats below the line, cut before a
    word that reads as a present-tense verb ("-s"), is the speaker ("Trump"; not "Donald Trump" of
    "Donald Trump Jr.", nor "Sanders" of "Sanders Campaign Manager"); a name repeated whole keeps
    even its "Without" ("Doctors Without Borders"); with neither, the rule's cut stands (headline12
    audit of PolNeAR train: 6 claims in 2 articles had such a name as their speaker; the same
    swallowing in other rules is left for later)."""
    if len(name) < 2 or not in_headline(p.text, p.char(name[0])):
        return lead
    body = p.text[p.bounds.end :]
    verb = [k for k in range(lead - 1, 0, -1) if name[k].text.endswith("s")]  # "Addresses", "Wades"
    tried: list[int] = [len(name), lead, *verb]
    repeated = (k for k in tried if re.search(rf"(?<![\w-]){re.escape(_words(p, name[:k]))}(?![\w-])", body))
    return next(repeated, lead)


def _words(p: Parsed, words: list[Token]) -> str:
    """The text from the first of `words` to the end of the last."""
    return str(p.text[p.char(words[0]) : p.char(words[-1]) + len(words[-1].text)])


# "... - Carl Bialik: “One of the lessons ...”": a speaker after a dash, a colon, a quotation.
_DASHED_SPEAKER = re.compile(r"\s[-–—]+\s*[A-Z][\w.'’]*(?:\s[A-Z][\w.'’]*){0,3}:\s*[“\"]")
MAX_LABEL_NAME = 3


def speaker_scan(sentence: str, words: frozenset[str], lex: Lexicon) -> bool:
    """The fast scan of the speaker rule: a dash, a name, a colon and a quotation mark."""
    return _DASHED_SPEAKER.search(sentence) is not None


def speaker_rule(ctx: Context) -> Iterator[Attribution]:
    """'POLLSTERS AGREE - Carl Bialik: “One of the lessons ...”': a round-up quoting someone after
    a dash, past the few words the headline rule reads: at most `MAX_LABEL_NAME` proper nouns
    between the dash and the colon, and a quotation right after it."""
    p, t, lex = ctx.p, ctx.t, ctx.lex
    if t.text != ":" or t.i + 1 >= len(t.doc) or t.doc[t.i + 1].text not in _QUOTE_MARKS:
        return
    start = next((i for i in range(t.i - 1, -1, -1) if _spaced_dash(t.doc[i]) or t.doc[i].tag_ == "_SP"), -1) + 1
    name = list(t.doc[start : t.i])  # after the dash, or after a title blanked as a dateline
    if start == 0 or not 0 < len(name) <= MAX_LABEL_NAME:
        return
    if not all(w.tag_ in ("NNP", "NNPS") and _capitalised(p, w) for w in name):
        return
    if t.i <= MAX_HEADLINE_NAME and " ".join(w.text for w in t.doc[: start - 1]).lower() in lex.kickers:
        return  # "EXCLUSIVE – Roger Stone: ...": the headline rule's
    source, content = p.tokens(name), p.span(t.i + 1, len(t.doc) - 1)
    if source is None or content is None or source.of(p.text).lower() in lex.kickers or _label(p, t, name, lex):
        return
    yield _said_at_colon(p, t, source, content, "headline", quote_kind(p.text, (content,)))


def _said_at_colon(p: Parsed, colon: Token, source: Span, content: Span, form: str, kind: str) -> Attribution:
    """A statement whose cue is the colon after its speaker ("Graham: ...", "X delivered a retort: “...”")."""
    return Attribution(
        source=source,
        cue=Span(p.char(colon), p.char(colon) + 1),
        content=(content,),
        sentence=p.bounds,
        cls=CueClass.SPEECH,
        form=form,
        kind=kind,
        lemma=":",
    )


def _label(p: Parsed, colon: Token, name: list[Token], lex: Lexicon) -> bool:
    """Whether a headline's words after the colon are a report under a label, not someone's words.

    A speaker's headline says something: a verb ("Graham: Trump's rhetoric is destroying the
    party") or a quotation. A verbless phrase ("Riverside: about 300 homes without water after
    main bursts") is the news under a place or topic label (issue 14, cause 4). A poll's verbless
    figures ("Poll: Clinton ahead by five points") stay its finding.
    """
    after = list(colon.doc[colon.i + 1 :])
    if any(w.tag_.startswith("VB") or w.tag_ == "MD" for w in after):
        return False
    if any(w.lower_ in lex.poll_nouns for w in name):
        return False
    return not any(w.text in _QUOTE_MARKS for w in after)


def _capitalised(p: Parsed, w: Token) -> bool:
    """Whether a word is capitalised as written (the parser may see a headline lower-cased)."""
    return p.text[p.char(w)].isupper()


def _name_word(p: Parsed, w: Token, tags: frozenset[str], lex: Lexicon) -> bool:
    """A word of a headline speaker's name: a name tag, or in the title (or in capitals) any
    capitalised word that is no verb ("Issa:", which the small model tags as an adjective;
    "Former AG Mukasey at RNC:")."""
    if w.tag_ in tags or w.tag_ in _SETTING_TAGS:
        return True
    if p.bounds.start != 0 and not w.is_upper:
        return False  # in the body, "Success on Signature Issue:" is a section heading
    return _capitalised(p, w) and not w.tag_.startswith("VB") and w.lower_ not in lex.verbs


def _after_kicker(p: Parsed, name: list[Token], lex: Lexicon) -> list[Token]:
    """'EXCLUSIVE – Roger Stone: ...': the words after a kicker and its dash."""
    dash = next((i for i, w in enumerate(name) if _spaced_dash(w)), None)
    if dash is None:  # a hyphenated label ("Ablauf-Pyramide:", "Python-Goose:", "LOOK-UP TOOL:") is
        return [] if any(w.text == "-" for w in name) else name  # a section or a thing more than a speaker
    kicker = " ".join(w.text for w in name[:dash]).lower().replace("’", "'")
    return name[dash + 1 :] if kicker in lex.kickers else []


def _spaced_dash(w: Token) -> bool:
    """A dash between words, not the hyphen inside one ("LOOK-UP TOOL:" is one label)."""
    if w.text in ("–", "—", "--"):
        return True
    return w.text == "-" and w.i > 0 and bool(w.doc[w.i - 1].whitespace_) and bool(w.whitespace_)


def copula_rule(ctx: Context) -> Iterator[Attribution]:
    """'Weber is no fan of Trump', 'she was critical of the deal': a stance stated with "to be"."""
    p, t, lex = ctx.p, ctx.t, ctx.lex
    if p.words.isdisjoint(lex.stances):
        return
    predicate = next((c for c in t.children if c.dep_ in ("attr", "acomp") and c.lower_ in lex.stances), None)
    subject = next((c for c in t.children if c.dep_ == "nsubj"), None)
    if predicate is None or subject is None or subject.lower_ in ("it", "there", "this", "that"):
        return
    prep = next((c for c in predicate.children if c.dep_ == "prep" and c.lower_ in _TOPIC_PREPS), None)
    target = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None) if prep is not None else None
    target = target or next((c for c in predicate.children if c.dep_ in ("xcomp", "ccomp")), None)
    source, content = p.subtree(subject), p.subtree(target) if target is not None else None
    cue = p.tokens([t, predicate, *([prep] if prep is not None else [])])
    if source and content and cue:
        yield Attribution(
            source,
            cue,
            (content,),
            p.bounds,
            cls=CueClass.STANCE,
            form="copula",
            kind="np",
            lemma=predicate.lower_,
            referent=referent_of(p, subject),  # "activists who are frustrated with ...": the activists
        )


# --- "citing X" --------------------------------------------------------------------------------


def attach_citations(ctx: Context) -> list[Attribution]:
    """Attach each "citing Y" to the attribution it belongs to, or make it its own.

    "Yonhap, citing intelligence, said ...", "..., according to Yonhap, citing intelligence"
    and "X said ..., citing Y" all name Y as X's source for the same content.
    """
    p, found = ctx.p, ctx.found
    lowered = p.bounds.of(p.text).lower()
    if not any(word in lowered for word in CITING):
        return found
    for t in p.doc:
        if t.lower_ not in CITING:
            continue
        cited = next((c for c in t.children if c.dep_ in ("dobj", "pobj")), None)
        cue, source = p.tokens([t]), p.subtree(cited) if cited is not None else None
        if cue is None or source is None:
            continue
        owner = None if _a_reason(t, cited) else _citing_owner(p, t, found)
        if owner is not None:
            phrase = p.span(t.i, t.right_edge.i) or cue
            content = tuple(f for f in (_cut(p, f, phrase) for f in owner.content) if f.end > f.start)
            found[found.index(owner)] = replace(owner, cites=(*owner.cites, Citation(cue, source)), content=content)
            continue
        subject = subject_of(p, t)
        citer = p.subtree(subject) if subject is not None else None
        if citer is not None:
            cites = Attribution(
                citer, cue, (source,), p.bounds, cls=CueClass.TOPIC, form="citing", kind="np", lemma="cite"
            )
            found.append(cites)
    return found


@cache
def _reasons() -> frozenset[str]:
    return frozenset(load_json("claim_kinds.json")["cited_reasons"])


def _a_reason(t: Token, cited: Token | None) -> bool:
    """'balked at the idea, citing the prevalence of demanding jobs' (gold_fresh3a miss): a reason
    cited is the citer's own noun-phrase claim (claims/kinds.py `cited_reason`), not a record the
    verb above got its content from, so it is not folded into that verb as a hop. Only for
    'citing': 'quoting' always names whom the words came from."""
    return t.lower_ == "citing" and cited is not None and cited.lower_ in _reasons()


def _citing_owner(p: Parsed, t: Token, found: list[Attribution]) -> Attribution | None:
    start = p.char(t)
    leading = [a for a in found if a.source is not None and a.content and a.content[0].start == start]
    if leading:
        return leading[0]  # "X said, citing Y, that ...": the parser hangs "citing" on the reported verb
    head = p.tokens([t.head])
    if head is None:
        return None
    for a in found:
        if a.source and a.source.start <= head.start < a.source.end:
            return a  # "Yonhap, citing intelligence, said"
    for a in found:
        if a.cue.start <= head.start < a.cue.end:
            return a  # "said, citing ..."
    for a in found:
        if a.form == "according" and _according_host(p, a) in (t.head.i, _root(t.head).i):
            return a  # "..., according to Yonhap, citing intelligence"
    if t.i > 0 and t.nbor(-1).text == "," and t.right_edge.i >= len(t.doc) - 2:
        holders = [a for a in found if a.source is not None and any(f.start <= start < f.end for f in a.content)]
        if holders:
            return holders[0]  # "X said A, citing Y": the parser hangs "citing" on A's verb
    return None


def _cut(p: Parsed, fragment: Span, phrase: Span) -> Span:
    """A content fragment without a trailing ", citing Y" phrase."""
    if fragment.start < phrase.start < fragment.end:
        return trim(p.text, Span(fragment.start, phrase.start))
    if fragment.start == phrase.start and phrase.end < fragment.end:
        return trim(p.text, Span(phrase.end, fragment.end))  # "citing Y, that ...": the content is after it
    return fragment


def _according_host(p: Parsed, a: Attribution) -> int | None:
    t = p.token_at(a.cue.start)
    return t.head.i if t is not None and t.lower_ == "according" else None


def split_accordings(ctx: Context) -> Iterator[Attribution]:
    """'..., killing 10,000, according to the ministry, and displacing 1.5 million, according to UN
    figures': two sources in one sentence, each vouching for its own part of it. Read whole, each
    content holds the other's cue, so neither could be a claim of its own (issue 14), and a
    leading "According to A" would hold B's whole phrase as if A had cited B. When one "according
    to" phrase holds another's cue, each keeps the words between the phrase before
    it and its cue (trailing, as above), or between its phrase and the next cue ("According to A,
    X, and according to B, Y")."""
    p, found = ctx.p, ctx.found
    phrases = sorted(
        (a for a in found if a.form == "according" and a.lemma == "according to"), key=lambda a: a.cue.start
    )
    if len(phrases) < 2 or not any(a.covers(b.cue) for a in phrases for b in phrases):
        yield from found
        return
    parts = {
        id(a): _own_part(p, a, phrases[i - 1] if i else None, phrases[i + 1] if i + 1 < len(phrases) else None)
        for i, a in enumerate(phrases)
    }
    for a in found:
        part = parts.get(id(a))
        yield replace(a, content=(part,), kind=quote_kind(p.text, (part,))) if part is not None else a


def _own_part(p: Parsed, a: Attribution, before: Attribution | None, after: Attribution | None) -> Span | None:
    """The words an "according to" phrase vouches for among several: those before it back to the
    previous phrase's end when it trails them, else those after it up to the next phrase."""
    end = max(a.cue.end, a.source.end if a.source else a.cue.end)
    trailing = any(f.end <= a.cue.start for f in a.content)
    if trailing:
        start = max(before.cue.end, before.source.end if before.source else 0) if before is not None else p.bounds.start
        span = trim(p.text, Span(start, a.cue.start))
    else:
        span = trim(p.text, Span(end, after.cue.start if after is not None else p.bounds.end))
    return _without_joins(p.text, span)


_JOIN = re.compile(r"^(?:and|but|or|while)\s+|[\s,;]+(?:and|but|or|while)$", re.IGNORECASE)


def _without_joins(text: str, span: Span) -> Span | None:
    """A part of a sentence without the conjunction that joined it to the next or last part."""
    words = span.of(text)
    start, end = 0, len(words)
    for m in _JOIN.finditer(words):
        start, end = (m.end(), end) if m.start() == 0 else (start, min(end, m.start()))
    cut = trim(text, Span(span.start + start, span.start + max(start, end)))
    return cut if cut.end > cut.start else None


REPORTS = frozenset({"reports"})
_PHRASE_STOPS = frozenset({"cc", "mark", "relcl", "advcl"})
_PHRASE_ENDS = frozenset({",", ";", ":", "(", ")", ".", "!", "?", "—", "–", "and", "or", "but", "which", "who", "that"})


def reports_scan(sentence: str, words: frozenset[str], lex: Lexicon) -> bool:
    """The fast scan of the reports rule: "reports" and an "of" or "that" after it."""
    return not words.isdisjoint(REPORTS) and ("of" in words or "that" in words)


def reports_rule(ctx: Context) -> Iterator[Attribution]:
    """'There are news reports of subsequent deadly strikes at Jabalia', 'amid reports that the
    fires spread': reports no one is named for are the source of what they report (issue 14,
    noun-phrase claims of the real-page gold). Reports with an owner ("the ministry's reports",
    "reports from Reuters") are the noun rule's; a subject ("Reports say ...") or an object of a
    cue verb ("denied reports of ...") the verb rule's."""
    p, n, lex = ctx.p, ctx.t, ctx.lex
    if n.tag_ != "NNS" or own_owner(n) or _pronoun_owner(n) or n.dep_ in ("nsubj", "nsubjpass"):
        return
    if n.dep_ in OBJECT_DEPS and lex.verb(n.head.lower_) is not None:
        return
    clause = next((c for c in n.children if c.dep_ in ("acl", "ccomp") and has_that(c) and c.i > n.i), None)
    prep = next((c for c in n.children if c.dep_ == "prep" and c.lower_ == "of" and c.i == n.i + 1), None)
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    content = p.subtree(clause) if clause is not None else _reported_phrase(p, pobj) if pobj is not None else None
    source = p.span(n.left_edge.i, n.i)
    if content is None or source is None:
        return
    yield Attribution(
        source,
        p.tokens([n] if prep is None or clause is not None else [n, prep]) or p.bounds,
        (content,),
        p.bounds,
        cls=CueClass.REPORT,
        form="noun",
        kind=quote_kind(p.text, (content,)) if clause is not None else "np",
        lemma="report",
    )


def _reported_phrase(p: Parsed, pobj: Token) -> Span | None:
    """What "reports of" report, with the phrases the parser hung on the verb instead ("amidst
    reports of increased deforestation | under far-right president Jair Bolsonaro"): up to the
    next comma, verb or clause."""
    doc, end = pobj.doc, pobj.right_edge.i
    while end + 1 < len(doc) and not _ends_phrase(doc[end + 1]):
        end += 1
    return p.span(pobj.left_edge.i, end)


def _ends_phrase(t: Token) -> bool:
    """A comma, a conjunction, a clause or a verb: where a reported noun phrase stops."""
    return t.lower_ in _PHRASE_ENDS or t.dep_ in _PHRASE_STOPS or t.tag_.startswith("VB") or _quote_mark(t)


def _quote_mark(t: Token) -> bool:
    """A quotation mark: a quoted phrase after "reports of" is a quotation, not part of the phrase."""
    return t.text in _QUOTE_MARKS


# A colon, then a quotation mark (or the end of the sentence, for a quotation paragraph after it).
_COLON_QUOTE_SCAN = re.compile(r":\s*(?:[“\"]|$)")
# Subjects that name no one ("There was ...:", "It ...:", "This is ...:").
_NO_SPEAKER = frozenset({"it", "there", "this", "that", "these", "those", "what", "which", "who"})
# The rest of a paragraph after a colon, then a paragraph that opens with a quotation mark.
_NEXT_QUOTATION = re.compile(r"[ \t]*\n\s*[“\"]")


def colon_speaker_scan(sentence: str, words: frozenset[str], lex: Lexicon) -> bool:
    """The fast scan of the colon speaker rule: a colon before a quotation or at the end."""
    return _COLON_QUOTE_SCAN.search(sentence) is not None


def colon_speaker_rule(ctx: Context) -> Iterator[Attribution]:
    """'Sanders delivered a snappy retort: “No one is tearing this up.”', 'Perez lobbies for a
    higher minimum wage: “No one who works a full-time job ...”': a sentence with no cue of its
    own whose subject is someone and which ends on a colon introduces that someone's words
    (PolNeAR train 600-719: eight such quotations in seven articles were nobody's). The colon is
    the cue, as in a headline ("Graham: ..."); a sentence with a cue before its colon is the
    cue's (quotes.py), and a subject that names no one ("There was ...:") makes no speaker."""
    p, t = ctx.p, ctx.t
    if t.text != ":" or any(a.cue.start < p.char(t) for a in ctx.found):
        return
    content = _quotation_after(ctx, t)
    given = _from_giver(p, t) if content is not None else None
    if content is not None and given is not None and _ends_whole(p.text, content):
        yield _said_at_colon(p, t, given, content, "colon", "quote")
        return
    verb = _introducing_verb(t)
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None) if verb else None
    if content is None or verb is None or subject is None or not _names_someone(subject, ctx.lex):
        return
    source = p.source_subtree(subject, verb)
    if source is not None and _ends_whole(p.text, content):
        yield _said_at_colon(p, t, source, content, "colon", "quote")


def _from_giver(p: Parsed, colon: Token) -> Span | None:
    """'From the report: “...”', '... - More from Jones: “...”', 'From Bush's Facebook post: "..."':
    a round-up quoting a source it names after "from", with no verb (noun11 audit of PolNeAR
    train: 4 such quotations in 3 articles were nobody's)."""
    words = list(colon.doc[: colon.i])
    dash = max((i for i, w in enumerate(words) if _spaced_dash(w)), default=-1)
    words = words[dash + 1 :]
    words = words[1:] if words and words[0].lower_ == "more" else words
    if not 2 <= len(words) <= MAX_HEADLINE_NAME or words[0].lower_ != "from":
        return None
    head = next((w for w in words[1:] if w.head.i == words[0].i), None)  # the object of "from"
    if head is None or not (_names_someone(head, lexicon()) or head.lower_ in lexicon().nouns):
        return None  # "From the start: “...”": no one
    return p.tokens(words[1:])


def _quotation_after(ctx: Context, colon: Token) -> Span | None:
    """The quotation that opens right after a colon: in the sentence, or, when the colon ends
    its paragraph, the quotation opening the next paragraph."""
    p = ctx.p
    after = p.char(colon) + 1
    while after < len(p.text) and p.text[after] in " \t":
        after += 1
    if after < len(p.text) and p.text[after] not in "\n\r":
        region = ctx.layout.quotes_at(after).at(after)
        return region if region is not None and region.start == after else None
    if colon.i != len(colon.doc) - 1 or _NEXT_QUOTATION.match(p.text, p.char(colon) + 1) is None:
        return None
    start = p.text.index("\n", p.char(colon)) + 1
    while p.text[start].isspace():
        start += 1
    return ctx.layout.quotes_at(start).at(start)


def _ends_whole(text: str, quotation: Span) -> bool:
    """Whether a quotation closes a sentence of its own ('“... go forward.”'), not one a speech
    tag after it credits ('“It was a bad month,” the manager said': the manager's)."""
    inner = text[quotation.start : quotation.end].rstrip("”\"’' ")
    return inner.endswith((".", "!", "?", "…"))


def _introducing_verb(colon: Token) -> Token | None:
    """The main verb of the words before a colon: the root, or the verb the parser hung on the
    quotation after it ("Sanders delivered a retort: “No one is ...”" makes "tearing" the root)."""
    before = [w for w in colon.doc[: colon.i] if w.tag_.startswith("VB")]
    return next((w for w in before if w.dep_ == "ROOT" or w.head.i > colon.i), None)


def _names_someone(subject: Token, lex: Lexicon) -> bool:
    """A subject that can be a speaker: a personal pronoun, a name, or a people noun."""
    if subject.lower_ in _NO_SPEAKER:
        return False
    if subject.tag_ == "PRP":
        return subject.lower_ in ("he", "she", "they", "we", "i")
    if subject.tag_.startswith("NN") and subject.text[:1].isupper():
        return True  # a name, which the small model may tag as a plural noun ("Sanders")
    return subject.lower_ in lex.people or subject.lower_.rstrip("s") in lex.people
