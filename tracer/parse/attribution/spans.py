"""What the attribution rules produce and read: attributions as character spans, parsed sentences.

`Attribution` is the stage's internal record (source, cue, content spans plus the citations
around them); `Parsed` wraps one spaCy parse with its offset into the document and the
quotations of its paragraph, so rules can turn tokens into document spans; `Context` is the one
argument every registered rule takes (`registry.py`).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import takewhile
from typing import TYPE_CHECKING

from tracer.models import CueClass
from tracer.parse.attribution.cues import Lexicon
from tracer.text import Span, paragraphs
from tracer.words import MONTH_NAMES, WEEKDAYS

if TYPE_CHECKING:  # spaCy is imported only when a text is parsed (nlp.py)
    from spacy.tokens import Doc, Token

_MARKS = re.compile(r"''|[\"“”«»]")  # two apostrophes: the NYT's quotation mark
_OPEN = "“«"
_CLOSE = "”»"
EDGE_PUNCT = " \t\n,;:—–-"
_STRAY_MARKS = frozenset({"”", "’", ",", '"'})

# Dependencies the parser gives a name's last word when it misreads it ("River News Now said":
# "Now" as an adverb of "said").
_NAME_TAIL_DEPS = frozenset({"advmod", "npadvmod", "compound", "nmod", "appos", "nsubj"})
# ... but "Reuters Monday reported" is a name and a date.
_DATE_WORDS = frozenset({*WEEKDAYS, *MONTH_NAMES, "today", "yesterday", "tonight"})
# Quotation marks that make a content a quotation (two of them).
_QUOTE_CHARS = '"“”'


def _name_tail(token: Token) -> bool:
    return token.is_title and token.dep_ in _NAME_TAIL_DEPS and token.lower_ not in _DATE_WORDS


@dataclass(frozen=True, slots=True)
class Citation:
    """A further source named beside an attribution ("citing Y", "cited by Y")."""

    cue: Span
    source: Span


@dataclass(frozen=True)
class Attribution:
    """One source-cue-content relation found in the text.

    `source` is the mention as written (possibly a pronoun); `referent` is what a relative
    pronoun ("who") stands for. `cites` are upstream sources ("citing Y"); `via` are
    intermediaries nearer to the writer ("in a statement cited by Y"). `cls` is the cue's
    class (see `cue_verbs.txt`), `form` the rule that found it, `kind` what the content is
    (clause, np, quote, passage).
    """

    source: Span | None
    cue: Span
    content: tuple[Span, ...]
    sentence: Span
    cls: CueClass = CueClass.SPEECH
    form: str = "verb"
    kind: str = "clause"
    referent: Span | None = None
    cites: tuple[Citation, ...] = ()
    via: tuple[Citation, ...] = ()
    lemma: str = ""
    quoted: bool = False  # the cue is inside someone's quotation
    mark: int = 0  # length of a leading complementizer ("that ") the claim text leaves out
    pending: bool = field(default=False, compare=False)  # content follows a colon, filled in later
    # The cue with the words of its verb group before it ("has also said", "did not deny"), as
    # attribution corpora mark the cue; `cue` stays the verb itself, which the rules look up.
    group: Span | None = field(default=None, compare=False)

    @property
    def content_span(self) -> Span:
        """The smallest span covering every content fragment."""
        return Span(self.content[0].start, self.content[-1].end) if self.content else self.cue

    def covers(self, span: Span) -> bool:
        """Whether `span` lies inside one of the content fragments."""
        return any(f.start <= span.start and span.end <= f.end for f in self.content)


class CoverIndex:
    """Which attributions' content covers a span, and which cues lie in a content: by bisection.

    Asking `Attribution.covers` of every pair made a text of N attributions cost N² calls
    (1,000 "according to" sentences: 3M calls, 13 s). A fragment can only cover a span if it
    starts at most `longest` characters before the span's end, so a query reads a window of
    fragments sorted by start, not all of them.

    Args:
        found: The attributions, in the order answers are returned in.
    """

    def __init__(self, found: list[Attribution]) -> None:
        self.found = found
        self._fragments = sorted((f.start, f.end, i) for i, a in enumerate(found) for f in a.content)
        self._starts = [start for start, _, _ in self._fragments]
        self._longest = max((end - start for start, end, _ in self._fragments), default=0)
        self._cues = sorted((a.cue.start, a.cue.end, i) for i, a in enumerate(found))
        self._cue_starts = [start for start, _, _ in self._cues]

    def holders(self, span: Span) -> list[Attribution]:
        """The attributions (in `found` order) one of whose fragments holds `span`."""
        low = bisect_left(self._starts, span.end - self._longest)
        high = bisect_right(self._starts, span.start)
        hits = {i for start, end, i in self._fragments[low:high] if start <= span.start and span.end <= end}
        return [self.found[i] for i in sorted(hits)]

    def inside(self, a: Attribution) -> list[Attribution]:
        """The attributions (in `found` order) whose cue lies inside one of `a`'s fragments."""
        hits: set[int] = set()
        for fragment in a.content:
            low = bisect_left(self._cue_starts, fragment.start)
            high = bisect_left(self._cue_starts, fragment.end, lo=low)
            hits.update(i for _, end, i in self._cues[low:high] if end <= fragment.end)
        return [self.found[i] for i in sorted(hits)]


def quote_kind(text: str, fragments: Iterable[Span], margin: int = 0) -> str:
    """'quote' when content fragments hold a quotation (two quote marks), else 'clause'.

    `margin` characters on each side count too: a cue verb's content may stop inside the marks.
    """
    inside = "".join(text[max(0, f.start - margin) : f.end + margin] for f in fragments)
    return "quote" if sum(inside.count(q) for q in _QUOTE_CHARS) >= 2 else "clause"


def trim(text: str, span: Span, chars: str = EDGE_PUNCT) -> Span:
    """Shrink a span past edge whitespace and punctuation (not quote marks, which content keeps)."""
    start, end = span.start, span.end
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars + ".":
        end -= 1
    return Span(start, end)


class Quotes(list[Span]):
    """A paragraph's quotations in text order, asked which one holds an offset by bisection.

    Quotations in a paragraph never overlap and come in text order, so the one that can hold an
    offset is the last starting at or before it. A scan per question cost quotations x tokens on a
    long paragraph (a 1.3 MB page read as text: `Parsed.quote_at` 7.4 of 38 s, `_widen` 4.1 s,
    `Layout.inside_quote` 1.7 s). The list is built once and never changed.
    """

    def __init__(self, spans: Iterable[Span] = ()) -> None:
        super().__init__(spans)
        self._starts = [q.start for q in self]
        self._ends = [q.end for q in self]

    def at(self, offset: int) -> Span | None:
        """The quotation containing `offset` (start <= offset < end), if any."""
        i = bisect_right(self._starts, offset) - 1
        return self[i] if i >= 0 and offset < self._ends[i] else None

    def holding(self, span: Span) -> bool:
        """Whether one quotation holds all of `span`: only the last starting by its start can."""
        i = bisect_right(self._starts, span.start) - 1
        return i >= 0 and span.end <= self._ends[i]

    def overlapping(self, span: Span) -> list[Span]:
        """The quotations sharing a character with `span` (start < span.end, span.start < end)."""
        low = bisect_right(self._ends, span.start)
        return self[low : bisect_left(self._starts, span.end, lo=low)]


def _shaped_close(text: str, end: int, para: Span) -> bool:
    """An opening mark written where a quotation closes ('“The dam is failing,“ said Brooks'): right
    after a word or punctuation, before a blank or the paragraph's end. Read as an opening mark,
    it would leave the rest of the paragraph quoted and every attribution there the quotation's."""
    mark = end - 1
    return (
        text[mark] == "“"
        and mark > para.start
        and not text[mark - 1].isspace()
        and (end >= para.end or text[end].isspace())
    )


def _shaped_open(text: str, start: int, para: Span) -> bool:
    """A closing mark written where a quotation opens ('said: ”The dam is failing”'): at the
    paragraph's start or after a blank, before a word."""
    return (
        text[start] == "”"
        and (start == para.start or text[start - 1].isspace())
        and start + 1 < para.end
        and text[start + 1].isalnum()
    )


def quote_regions(text: str, para: Span) -> Quotes:
    """Spans of the quotations in a paragraph, quote marks included.

    A quotation left open at the end of the paragraph runs to the paragraph's end (news style
    leaves a quote open when it continues in the next paragraph).
    """
    regions: list[Span] = []
    start: int | None = None
    for match in _MARKS.finditer(text, para.start, para.end):
        mark = match.group(0)
        straight = mark in ('"', "''")
        if start is None and (mark in _OPEN or straight or _shaped_open(text, match.start(), para)):
            start = match.start()
        elif start is not None and (mark in _CLOSE or straight or _shaped_close(text, match.end(), para)):
            regions.append(Span(start, match.end()))
            start = None
    if start is not None:
        regions.append(Span(start, para.end))
    return Quotes(regions)


class Layout:
    """A text's paragraphs and the quotations in each, computed once per document."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.paragraphs = paragraphs(text)
        self._starts = [p.start for p in self.paragraphs]
        self.quotes = [quote_regions(text, p) for p in self.paragraphs]

    def index(self, offset: int) -> int | None:
        """The number of the paragraph holding `offset`, if any."""
        i = bisect_right(self._starts, offset) - 1
        return i if i >= 0 and offset < self.paragraphs[i].end else None

    def paragraph(self, offset: int) -> Span | None:
        """The paragraph holding `offset`."""
        i = self.index(offset)
        return self.paragraphs[i] if i is not None else None

    def quotes_at(self, offset: int) -> Quotes:
        """The quotations of the paragraph holding `offset`."""
        i = self.index(offset)
        return self.quotes[i] if i is not None else Quotes()

    def inside_quote(self, span: Span) -> bool:
        """Whether a span lies wholly inside one quotation."""
        return self.quotes_at(span.start).holding(span)


class Parsed:
    """A parsed sentence, where it starts in the document, and its paragraph's quotations."""

    def __init__(self, doc: Doc, offset: int, text: str, quotes: Quotes | None = None) -> None:
        self.doc = doc
        self.offset = offset
        self.text = text
        self.quotes = quotes if quotes is not None else Quotes()
        # len(doc.text) would join every token's text again on each call: the last token says it.
        self.length = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
        self.bounds = Span(offset, offset + self.length)
        # One pass over the tokens: each token's lower-cased form and the words the sentence has
        # (rules skip work, or tokens, when theirs are absent), and where each token starts
        # (Doc.char_span is slow in a hot loop).
        self._starts: dict[int, int] = {}
        self.lowers: list[str] = []
        for t in doc:
            self._starts[t.idx] = t.i
            self.lowers.append(t.lower_)
        self.words = frozenset(self.lowers)

    def char(self, token: Token) -> int:
        """Document offset of a token's first character."""
        return self.offset + token.idx

    def span(self, first: int, last: int) -> Span | None:
        """Characters of tokens first..last (inclusive), trimmed of edge punctuation."""
        while first <= last and self.doc[first].is_space:
            first += 1  # the blank where a dateline was (Lexicon.parser_form)
        if first > last:
            return None
        start = self.offset + self.doc[first].idx
        end = self.offset + self.doc[last].idx + len(self.doc[last])
        trimmed = trim(self.text, Span(start, end))
        return trimmed if trimmed.end > trimmed.start else None

    def tokens(self, tokens: Iterable[Token]) -> Span | None:
        """The span from the first to the last of some tokens."""
        idx = sorted(t.i for t in tokens)
        return self.span(idx[0], idx[-1]) if idx else None

    def span_tokens(self, span: Span) -> list[Token]:
        """The tokens of a span that opens on a token's start: that token and those after it
        starting before the span's end (none when no token starts where it opens)."""
        first = self.token_at(span.start)
        if first is None:
            return []
        end = span.end - self.offset  # tokens run in text order: those before the end come first
        return list(takewhile(lambda t: t.idx < end, self.doc[first.i :]))

    def subtree(self, token: Token, without: Iterable[Token] = ()) -> Span | None:
        """A token's subtree, minus the subtrees of `without` that sit at its edges."""
        first, last = token.left_edge.i, token.right_edge.i
        for cut in sorted(without, key=lambda t: t.i):
            if cut.left_edge.i <= first <= cut.right_edge.i:
                first = cut.right_edge.i + 1
            elif cut.i > token.i and cut.left_edge.i <= last:
                last = min(last, cut.left_edge.i - 1)
        while first < last and self.doc[first].text in _STRAY_MARKS:
            first += 1  # '“...,” a student ... wrote': the closing mark the parser hung on the subject
        return self.span(first, last)

    def source_subtree(self, subject: Token, verb: Token, without: Iterable[Token] = ()) -> Span | None:
        """A subject's subtree as a source name, taking in capitalised words the parser split off.

        The small model reads the last word of names such as "River News Now" or "Politics Today"
        as an adverb of the verb; a title-case word right after a proper noun and before the verb
        belongs to the name (a wrong, shortened name would not merge with the same source elsewhere).
        """
        last = subject.right_edge.i
        span = self.subtree(subject, without)
        joined = _joined_subjects(subject, verb)
        if span is not None and joined is not None:  # "Ex-friends", "the executive chair Marcelo Claure"
            whole = self.span(subject.i, joined.right_edge.i)
            return Span(span.start, whole.end) if whole is not None else span
        if span is not None and subject.i > verb.i:  # "Said Ellis: “I don't ...": the name ends at the colon
            marks = (self.text.find(c, span.start, span.end) for c in ':“"')
            cut = min((i for i in marks if i > span.start), default=None)
            if cut is not None:
                cut_span = trim(self.text, Span(span.start, cut))
                return cut_span if cut_span.end > cut_span.start else None
        if span is None or self.doc[last].tag_ not in ("NNP", "NNPS") or span.end != self._end_of(last):
            return span
        end = last
        while end + 1 < verb.i and _name_tail(self.doc[end + 1]):
            end += 1
        return Span(span.start, self._end_of(end))

    def _end_of(self, i: int) -> int:
        return self.offset + self.doc[i].idx + len(self.doc[i])

    def token_at(self, offset: int) -> Token | None:
        """The token starting at a document offset, if one does."""
        i = self._starts.get(offset - self.offset)
        return self.doc[i] if i is not None else None

    def token_from(self, offset: int) -> Token | None:
        """The first token starting at or after a document offset (None past the sentence)."""
        i = bisect_left(self.doc, offset - self.offset, key=lambda t: t.idx)
        return self.doc[i] if i < len(self.doc) else None

    def quote_at(self, offset: int) -> Span | None:
        """The quotation containing a document offset, if any."""
        return self.quotes.at(offset)

    def in_quote(self, token: Token) -> bool:
        """Whether a token lies inside a quotation (its marks excluded)."""
        q = self.quote_at(self.char(token))
        return q is not None and q.start < self.char(token)


def _adjacent(first: Token, second: Token) -> bool:
    """Whether two sibling phrases touch, with nothing (no comma, no bracket) between them: two
    "subjects" of one verb that touch are one noun phrase the parser split ("Ex - friends told")."""
    return second.left_edge.i == first.right_edge.i + 1


def _joined_subjects(subject: Token, verb: Token) -> Token | None:
    """The last of the subjects right after `subject` that the parser split off one noun phrase
    ("Ex - friends told": three subjects of "told"), if any."""
    last = subject
    for other in (c for c in verb.children if c.dep_ == "nsubj" and subject.i < c.i < verb.i):
        if not _adjacent(last, other):
            break
        last = other
    return last if last is not subject else None


@dataclass(slots=True)
class Context:
    """What a registered rule reads: the lexicons, the document's layout, what was found so far,
    and, for the rules that read a parsed sentence, the sentence and the token at hand.

    Every rule has the one shape `(Context) -> Iterable[Attribution]` (`registry.py`): a token
    rule reads `t` in `p` and yields what it finds there; a sentence pass reads `p` and `found`
    (the sentence's attributions) and yields what it adds, a clean-up pass the sentence's new
    list; a document pass reads `found` (the document's attributions), `passages` and `stops` and
    yields the document's new list. The pipeline (`find.py`) sets `token` as it walks a sentence.
    """

    lex: Lexicon
    layout: Layout
    found: list[Attribution] = field(default_factory=list)
    parsed: Parsed | None = None
    token: Token | None = None
    passages: list[Span] = field(default_factory=list)
    stops: list[Span] = field(default_factory=list)

    @property
    def p(self) -> Parsed:
        """The parsed sentence (sentence-level rules only)."""
        if self.parsed is None:
            raise ValueError("a document pass has no parsed sentence")
        return self.parsed

    @property
    def t(self) -> Token:
        """The token a token rule is run on."""
        if self.token is None:
            raise ValueError("only token rules have a token")
        return self.token
