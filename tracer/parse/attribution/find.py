"""Attribution chains inside one document: who a claim is attributed to, and whom they cite.

The stage runs the registered rules (`registry.py`) in steps. A cheap lexicon scan built from
the rules (`scan.py`) keeps the sentences that may hold an attribution; only those are parsed
with spaCy (`nlp.py`). In each parsed sentence every token is handed to the token rules it
triggers (`verbs.py` for cue verbs, with `content.py` for what they report, `passive.py` for
passive and raising cues and `frames.py` for quotations beside them; `phrases.py` for
"according to", "citing", noun cues and hedges; helpers in `grammar.py`), then the sentence
passes clean up what they found (`cleanup.py`); last, the document passes join quotes and colon
passages across sentences (`quotes.py`). The claims stage (`tracer.parse.claims`) composes
nested attributions into chains of hops.
"""

from __future__ import annotations

import logging

from tracer.parse.attribution.cues import lexicon
from tracer.parse.attribution.marks import double_quoted
from tracer.parse.attribution.nlp import parse
from tracer.parse.attribution.registry import RULES, Rule, plan
from tracer.parse.attribution.scan import FastScan, fast_scan
from tracer.parse.attribution.spans import Attribution, Citation, Context, CoverIndex, Layout, Parsed
from tracer.text import Span, plain_spaces, sentences

LOGGER = logging.getLogger(__name__)

# Real sentences are far shorter; the cap keeps a page of run-on text from costing seconds
# (or exceeding spaCy's length limit).
MAX_SENTENCE_CHARS = 2000

__all__ = ["Attribution", "Citation", "find_attributions", "outermost", "parse_candidates"]


def find_attributions(
    text: str,
    *,
    passages: list[Span] | None = None,
    stops: list[Span] | None = None,
    rules: tuple[Rule, ...] = RULES,
) -> list[Attribution]:
    """Every attribution in a text, nested ones included, in text order.

    Args:
        text: Plain text, one paragraph per line.
        passages: Paragraph spans known to be quoted passages (an HTML blockquote), used for
            the content of "X wrote:".
        stops: Spans a passage never runs into: embedded posts and their signatures. A post's
            words are its author's, not those of the sentence introducing it ("People shared
            this all day: <tweet>").
        rules: The rules to run, in order (the registry; the tests leave one out).

    Returns:
        Attributions with character spans into `text`.

    The rules read the text with its single-mark quotations (‘…’, British style) marked as
    double ones (`double_quoted`, same offsets), so they are quotations to every rule and to the
    parser, and with its odd spaces (no-break, thin, zero-width) plain ones (`plain_spaces`, same
    offsets), so the parser and the rules' patterns read "Donald\xa0Trump" as "Donald Trump"; the
    spans returned hold in `text` as given.
    """
    text = double_quoted(plain_spaces(text))
    lex = lexicon()
    layout = Layout(text)
    spans = sentences(text)
    candidates = parse_candidates(text, spans, layout, fast_scan(rules))
    found: list[Attribution] = []
    texts = (lex.parser_form(s.of(text)) for s in candidates)
    for sentence, doc in zip(candidates, parse(texts), strict=True):
        parsed = Parsed(doc, sentence.start, text, layout.quotes_at(sentence.start))
        found.extend(read_sentence(Context(lex, layout, parsed=parsed), rules))
    LOGGER.debug("%d of %d sentences parsed, %d attributions", len(candidates), len(spans), len(found))
    ctx = Context(lex, layout, found, passages=passages or [], stops=stops or [])
    for rule in plan(rules).document:
        ctx.found = list(rule.run(ctx))
    return ctx.found


def read_sentence(ctx: Context, rules: tuple[Rule, ...] = RULES) -> list[Attribution]:
    """All attributions the rules find in one parsed sentence (`ctx.parsed`), in cue order.

    Each token goes to the token rules it triggers, in registry order (a token no rule is
    triggered by goes to the fallback rules); what they find must have content, or content to
    come ("X wrote:"). Then the sentence passes run in order.
    """
    steps = plan(rules)
    for token, word in zip(ctx.p.doc, ctx.p.lowers, strict=True):
        ctx.token = token
        for rule in steps.by_word.get(word, steps.fallback):
            ctx.found.extend(a for a in rule.run(ctx) if a.content or a.pending)
    ctx.token = None
    for rule in steps.sentence:
        found = list(rule.run(ctx))
        ctx.found = [*ctx.found, *found] if rule.kind == "sentence" else found
    return sorted(ctx.found, key=lambda a: a.cue.start)


def parse_candidates(
    text: str, spans: list[Span] | None = None, layout: Layout | None = None, scan: FastScan | None = None
) -> list[Span]:
    """The sentences of a text the fast path sends to the parser (the rest cannot hold an
    attribution of their own); the benchmark reports their share. Without a `layout` the text
    is read as `find_attributions` reads it, its single-mark quotations marked as double ones."""
    if layout is None:
        text = double_quoted(plain_spaces(text))
        layout = Layout(text)
    scan = scan or fast_scan()
    all_spans = spans if spans is not None else sentences(text)
    return [s for s in all_spans if _worth_parsing(s.of(text), s, layout, scan)]


def _worth_parsing(words: str, sentence: Span, layout: Layout, scan: FastScan) -> bool:
    """The fast path: parse a sentence only if it may hold an attribution of its own.

    A sentence wholly inside a quotation belongs to the quotation's speaker; it is parsed only
    when it may name a further source ("The CIA told us ..."), for the chain.
    """
    if len(words) > MAX_SENTENCE_CHARS or not scan.is_candidate(words):
        return False  # a "sentence" that long is a table or a list: never parsed
    return not layout.inside_quote(sentence) or scan.names_source(words)


def outermost(found: list[Attribution]) -> list[Attribution]:
    """The attributions not inside another one's content (what PolNeAR annotates).

    An attribution inside a quotation never makes another one nested: its content may run past
    the quotation ('Clinton acknowledged that "... we know there are ..."' read as a parenthetical
    "we know" around the whole sentence), and the speaker quoted is the outer one's.
    """
    unquoted = [a for a in found if not a.quoted]
    index = CoverIndex(unquoted)
    return [a for a in unquoted if not any(b is not a for b in index.holders(a.cue))]
