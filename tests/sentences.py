"""Claims of invented sentences, for the tests that check one form each: the claims a text gives
and the source names of the one claim holding some words."""

from __future__ import annotations

from tracer.models import Claim, Post
from tracer.parse.article import extract_claims
from tracer.read.document import read_text


def claims_of(text: str, posts: list[Post] | None = None) -> list[Claim]:
    """The claims the tracer makes of a plain text (with these embedded posts, if any)."""
    return extract_claims(read_text(text), posts or [])[0]


def chain_of(claims: list[Claim], words: str) -> list[str]:
    """The source names, nearest first, of the one claim holding `words` (fails on none or several)."""
    found = [c for c in claims if words in c.text]
    assert len(found) == 1, [c.text for c in claims]
    return [h.source.name for h in found[0].chain]
