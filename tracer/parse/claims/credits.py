"""Credit lines: a fact box's list items credited to a source by a "Source: X" line under them,
and a quotation set apart with its speaker on a dash line ("“...” — Mike Pompeo, April 2019").

Explainers and live pages set a few facts apart as a list ("Four quick facts about sting jets")
and close it with a credit line, "Source: Met Office". Each item is then a statement of that
source, though no sentence says so (gold_fresh4a: the four facts were no claims at all). Only a
run of list items (`<li>`) right before the credit line counts: a "Source: Getty" under a photo or
a wire credit under the last paragraphs credits no list of statements.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from tracer.models import Claim, ClaimKind, Hop, Source
from tracer.read.document import Block
from tracer.text import ParagraphIndex, Span, sentences

# "Source: Met Office", "Sources: ONS, Eurostat", "Source - NHS England": a short credit line.
_CREDIT = re.compile(r"\s*(?P<cue>Sources?\s*[:–—-])\s*(?P<name>[A-Z][^\n.]{1,60}?)\s*\.?\s*")
_ITEM_TAGS = frozenset({"li"})
# Items of a fact box: more than this many are a list of links or a table, not facts credited.
MAX_ITEMS = 8
_CONFIDENCE = 0.7  # the credit is the box's, not each sentence's own: below a "said" (0.8)


def credit_line_claims(
    text: str, blocks: list[Block], claims: list[Claim], source_at: Callable[[Span], Source], doc_id: str
) -> list[Claim]:
    """`claims` with a statement for each list item that a credit line right after credits."""
    taken = [(c.start, c.end) for c in claims if c.chain]
    added: list[Claim] = []
    for i, block in enumerate(blocks):
        credit = _CREDIT.fullmatch(text, block.start, block.end)
        if credit is None:
            continue
        items = _items_before(blocks, i)
        if not items:
            continue
        name = Span(credit.start("name"), credit.end("name"))
        cue = Span(credit.start("cue"), credit.end("cue"))
        source = source_at(name)
        for item in items:
            if any(start < item.end and item.start < end for start, end in taken):
                continue  # the item's words are already someone's claim
            added.append(_claim(text, item, cue, name, source, doc_id, Span(item.start, block.end)))
    return sorted([*claims, *added], key=lambda c: (c.start, c.end)) if added else claims


def _items_before(blocks: list[Block], credit: int) -> list[Block]:
    """The run of list items right before block `credit` (none if it is longer than a fact box)."""
    items: list[Block] = []
    for block in reversed(blocks[:credit]):
        if block.element is None or block.element.tag not in _ITEM_TAGS or block.embed is not None:
            break
        items.insert(0, block)
    return items if len(items) <= MAX_ITEMS else []


def _claim(text: str, item: Span | Block, cue: Span, name: Span, source: Source, doc_id: str, evidence: Span) -> Claim:
    """A statement of the credited source: the item's words, trimmed, with the credit as its hop."""
    start, end = item.start, item.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    hop = Hop(
        source=source.ref(),
        cue=cue.of(text),
        source_start=name.start,
        source_end=name.end,
        cue_start=cue.start,
        cue_end=cue.end,
        evidence=evidence.of(text),
        evidence_start=evidence.start,
        evidence_end=evidence.end,
        document_id=doc_id,
        confidence=_CONFIDENCE,
    )
    return Claim(
        id="c0",
        text=text[start:end],
        start=start,
        end=end,
        chain=[hop],
        origin=source.ref(),
        document_id=doc_id,
        kind=ClaimKind.STATEMENT,
    )


# An epigraph's or pull quote's credit: a dash and a name, perhaps a place and a date after a
# comma ("— Mike Pompeo, College Station, TX, April 15, 2019"; gold_fresh5a: the two sentences of
# Pompeo's quotation above it were no claims). The dash may end the quotation's own paragraph, and
# a post's byline may give the handle ("— Jane Doe (@janedoe)", recall8 audit), a lawmaker's
# credit the party and state ("— Rep. Trey Gowdy (R-S.C.)", PolNeAR train). Typed on a
# keyboard the dash is a hyphen or two ("- Bernie Sanders.", "-President Obama, tweeting after
# the speech.", "-- Michelle Marks, Philadelphia": fact checks and convention notebooks, PolNeAR
# train, seven quotations in two articles that were no one's).
_NAME = r"(?P<name>[A-Z][\w.’'-]*(?:\s+(?:[A-Z][\w.’'-]*|de|van|von|bin|al)){0,4})"
_BRACKETED = r"\((?:@\w{1,30}|[A-Z][\w.]*-[\w.]{2,12})\)"  # "(@janedoe)", "(R-S.C.)"
_CREDIT_TAIL = r"(?P<cue>[—―–]|--?)\s*" + _NAME + r"(?:\s*" + _BRACKETED + r"[^\n]{0,40}|\s*,[^\n]{0,80})?"
_DASH_CREDIT = re.compile(r"\s*" + _CREDIT_TAIL + r"\s*")
_QUOTATION = re.compile(r"\s*(?P<q>[“\"](?P<words>[^“”\"\n]{10,}?)[”\"])\s*(?:" + _CREDIT_TAIL + r")?\s*")


def dash_credit_claims(
    text: str, paras: ParagraphIndex, claims: list[Claim], source_at: Callable[[Span], Source], doc_id: str
) -> list[Claim]:
    """`claims` with a statement for each sentence of a quotation standing alone in its paragraph
    and credited by a dash and a name, at its end or on the paragraph after it. A quotation some
    claim already covers is left as it is."""
    taken = [(c.start, c.end) for c in claims if c.chain]
    added: list[Claim] = []
    spans = paras.spans
    for i, para in enumerate(spans):
        quote = _QUOTATION.fullmatch(text, para.start, para.end)
        if quote is None:
            continue
        credit = quote if quote.group("name") else None
        if credit is None and i + 1 < len(spans):
            credit = _DASH_CREDIT.fullmatch(text, spans[i + 1].start, spans[i + 1].end)
        if credit is None:
            continue
        words = Span(quote.start("words"), quote.end("words"))
        if any(start < words.end and words.start < end for start, end in taken):
            continue
        name = _name(text, credit)
        cue = Span(credit.start("cue"), credit.end("cue"))
        source = source_at(name)
        evidence = Span(para.start, max(para.end, name.end))
        added += [_claim(text, s, cue, name, source, doc_id, evidence) for s in sentences(text, words)]
    return sorted([*claims, *added], key=lambda c: (c.start, c.end)) if added else claims


def _name(text: str, credit: re.Match[str]) -> Span:
    """The credited name, without the full stop that ends the credit ("- Bernie Sanders."); an
    initial's or a suffix's stays ("— Martin Luther King Jr.")."""
    start, end = credit.start("name"), credit.end("name")
    last = text[start:end].split()[-1]
    if last.endswith(".") and len(last) > 3 and last not in _SUFFIXES:
        end -= 1
    return Span(start, end)


_SUFFIXES = frozenset({"Jr.", "Sr.", "Inc.", "Co.", "Corp.", "Ltd."})
