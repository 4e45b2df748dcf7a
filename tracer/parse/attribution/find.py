"""Attribution chains inside one document: who a claim is attributed to, and whom they cite.

The stage runs in steps. A cheap lexicon scan keeps the sentences that may hold an
attribution (`cues.py`); only those are parsed with spaCy (`nlp.py`) and read by dependency
rules (`rules.py` for cue verbs, `frames.py` for quotations beside them, `phrases.py` for
"according to", "citing", noun cues and hedges, with helpers in `grammar.py`); quotes and
colon passages are then joined across sentences (`quotes.py`). `chains.py` composes nested
attributions into hops, nearest source first; `resolve.py` says who each mention is
(pronouns, "who", a statement's issuer), `sources.py` merges the names of one source, and
`dates.py` dates each hop.
"""

from __future__ import annotations

import logging

from tracer.parse.attribution.cues import lexicon
from tracer.parse.attribution.nlp import parse
from tracer.parse.attribution.quotes import continue_quotes, fill_passages, widen_quotes
from tracer.parse.attribution.rules import find_in_sentence
from tracer.parse.attribution.spans import Attribution, Citation, CoverIndex, Layout
from tracer.text import Span, sentences

LOGGER = logging.getLogger(__name__)

# Real sentences are far shorter; the cap keeps a page of run-on text from costing seconds
# (or exceeding spaCy's length limit).
MAX_SENTENCE_CHARS = 2000

__all__ = ["Attribution", "Citation", "find_attributions", "outermost", "parse_candidates"]


def find_attributions(
    text: str, *, passages: list[Span] | None = None, stops: list[Span] | None = None
) -> list[Attribution]:
    """Every attribution in a text, nested ones included, in text order.

    Args:
        text: Plain text, one paragraph per line.
        passages: Paragraph spans known to be quoted passages (an HTML blockquote), used for
            the content of "X wrote:".
        stops: Spans a passage never runs into: embedded posts and their signatures. A post's
            words are its author's, not those of the sentence introducing it ("People shared
            this all day: <tweet>").

    Returns:
        Attributions with character spans into `text`.
    """
    lex = lexicon()
    layout = Layout(text)
    spans = sentences(text)
    candidates = parse_candidates(text, spans, layout)
    found: list[Attribution] = []
    texts = (lex.parser_form(s.of(text)) for s in candidates)
    for sentence, doc in zip(candidates, parse(texts), strict=True):
        found.extend(find_in_sentence(doc, sentence.start, text, lex, layout.quotes_at(sentence.start)))
    LOGGER.debug("%d of %d sentences parsed, %d attributions", len(candidates), len(spans), len(found))
    found = fill_passages(layout, found, passages, stops)
    found = widen_quotes(layout, found)
    return continue_quotes(layout, found)


def parse_candidates(text: str, spans: list[Span] | None = None, layout: Layout | None = None) -> list[Span]:
    """The sentences of a text the fast path sends to the parser (the rest cannot hold an
    attribution of their own); the benchmark reports their share."""
    layout = layout or Layout(text)
    return [s for s in (spans if spans is not None else sentences(text)) if _worth_parsing(s.of(text), s, layout)]


def _worth_parsing(words: str, sentence: Span, layout: Layout) -> bool:
    """The fast path: parse a sentence only if it may hold an attribution of its own.

    A sentence wholly inside a quotation belongs to the quotation's speaker; it is parsed only
    when it may name a further source ("The CIA told us ..."), for the chain.
    """
    lex = lexicon()
    if len(words) > MAX_SENTENCE_CHARS or not lex.is_candidate(words):
        return False  # a "sentence" that long is a table or a list: never parsed
    return not layout.inside_quote(sentence) or lex.names_source(words)


def outermost(found: list[Attribution]) -> list[Attribution]:
    """The attributions not inside another one's content (what PolNeAR annotates).

    An attribution inside a quotation never makes another one nested: its content may run past
    the quotation ('Clinton acknowledged that "... we know there are ..."' read as a parenthetical
    "we know" around the whole sentence), and the speaker quoted is the outer one's.
    """
    unquoted = [a for a in found if not a.quoted]
    index = CoverIndex(unquoted)
    return [a for a in unquoted if not any(b is not a for b in index.holders(a.cue))]
