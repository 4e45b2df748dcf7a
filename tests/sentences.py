"""Claims of invented sentences, for the tests that check one form each: the claims a text gives,
the source names of the one claim holding some words, and the outermost attributions as PolNeAR
scores them."""

from __future__ import annotations

from tracer.models import Claim, Post
from tracer.parse.article import extract_claims
from tracer.parse.attribution.find import find_attributions, outermost
from tracer.read.document import read_text


def claims_of(text: str, posts: list[Post] | None = None) -> list[Claim]:
    """The claims the tracer makes of a plain text (with these embedded posts, if any)."""
    return extract_claims(read_text(text), posts or [])[0]


def chain_of(claims: list[Claim], words: str) -> list[str]:
    """The source names, nearest first, of the one claim holding `words` (fails on none or several)."""
    found = [c for c in claims if words in c.text]
    assert len(found) == 1, [c.text for c in claims]
    return [h.source.name for h in found[0].chain]


def outer_attributions(text: str) -> list[tuple[str | None, str, list[str]]]:
    """(source, cue, content fragments) of each outermost attribution, as PolNeAR scores them."""
    return [
        (
            text[a.source.start : a.source.end] if a.source else None,
            text[a.cue.start : a.cue.end],
            [text[f.start : f.end] for f in a.content],
        )
        for a in outermost(find_attributions(text))
    ]
