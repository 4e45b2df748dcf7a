"""Pull quotes: a paragraph that is only a quotation, repeating words the article quotes elsewhere.

Features and long reads set a speaker's words apart as a paragraph of their own, with no cue,
before or after the paragraph where the speaker is named ("“At NYU, everyone feels like we need
to be inclusive ...”" ... "“At NYU, everyone ...,” he said"). Such a paragraph is the speaker's
claim too, with the chain of the copy that names them: without this it was no claim at all, or
was given to the speaker of the paragraph before it as a continued quotation (gold_fresh4a: five
pull quotes on two pages). The copies are matched on their first words, which a pull quote keeps
even where it joins two quoted pieces ("It is not enough ... They just want ...").
"""

from __future__ import annotations

import re
from bisect import bisect_left

from tracer.models import Claim, ClaimKind
from tracer.text import ParagraphIndex, Span

_OPEN = '“"‘'
_CLOSE = '”"’'
_WORD = re.compile(r"[\w’']+")
# Words a pull quote and its copy must share, from the start: fewer could be a stock phrase
# ("It is not enough"); six were enough to tell every copy on the development pages apart.
_KEY_WORDS = 6


def pull_quote_claims(text: str, paras: ParagraphIndex, claims: list[Claim]) -> list[Claim]:
    """`claims` with each pull quote given the chain of the attributed copy it repeats: a new claim
    where it had none, the copy's chain where it had another (a continued quotation's)."""
    lone = [p for p in paras.spans if _lone_quote(p.of(text))]
    if not lone:
        return claims
    copies = _copies(text, paras, claims)
    out = sorted(claims, key=lambda c: (c.start, c.end))
    starts = [c.start for c in out]
    added = []
    for para in lone:
        key = _key(para.of(text))
        copy = next((c for c in copies.get(key, ()) if not _inside(c, para)), None) if key else None
        if copy is None:
            continue
        held = range(bisect_left(starts, para.start), bisect_left(starts, para.end))  # its claims, by place
        if not held:
            start, end = _trimmed(text, para)
            added.append(copy.model_copy(update={"text": text[start:end], "start": start, "end": end}))
        for i in held:
            if [h.source.id for h in out[i].chain] != [h.source.id for h in copy.chain]:
                out[i] = out[i].model_copy(update={"chain": copy.chain, "origin": copy.origin})
    return sorted([*out, *added], key=lambda c: (c.start, c.end))


def _copies(text: str, paras: ParagraphIndex, claims: list[Claim]) -> dict[str, list[Claim]]:
    """The attributed statements outside lone quotations, by every run of `_KEY_WORDS` of their
    words (one pass over the words: testing each pull quote against each claim grew with the
    square of a page's quotations)."""
    out: dict[str, list[Claim]] = {}
    for claim in claims:
        if not claim.chain or claim.kind != ClaimKind.STATEMENT or not _cued(text, claim, paras):
            continue
        tokens = _WORD.findall(claim.text.lower())
        for i in range(len(tokens) - _KEY_WORDS + 1):
            out.setdefault(" ".join(tokens[i : i + _KEY_WORDS]), []).append(claim)
    return out


def _lone_quote(words: str) -> bool:
    """A paragraph that is one quotation and nothing else: it opens with an opening mark and its
    only closing mark ends it ('“A. B.”', not '“A,” he said. “B.”')."""
    words = words.strip()
    if len(words) < 2 or words[0] not in _OPEN or words[-1] not in _CLOSE:
        return False
    inner = words[1:-1]
    return not any(mark in inner for mark in '”"')


def _key(words: str) -> str | None:
    tokens = _WORD.findall(words.lower())
    return " ".join(tokens[:_KEY_WORDS]) if len(tokens) >= _KEY_WORDS else None


def _inside(claim: Claim, para: Span) -> bool:
    return para.start <= claim.start < para.end


def _cued(text: str, claim: Claim, paras: ParagraphIndex) -> bool:
    """Whether the copy's paragraph is not itself a lone quotation (its chain was then only carried
    over from the paragraph before)."""
    index = paras.index_of(claim.start)
    return index is not None and not _lone_quote(paras.spans[index].of(text))


def _trimmed(text: str, para: Span) -> tuple[int, int]:
    start, end = para.start, para.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
