"""hops10: a document named by its maker in front ("an AP-NORC poll") is known by its words
without the article, as a reader and the rest of the text call it ("the AP-NORC poll")."""

from __future__ import annotations

from tracer.parse.article import extract_claims
from tracer.read.document import read_text


def test_named_maker_document_known_without_article() -> None:
    text = "Many independents find both candidates unsatisfying, according to a Harbor-NORC poll conducted in August."
    claims, sources = extract_claims(read_text(text), [])
    claim = next(c for c in claims if "unsatisfying" in c.text)
    document = next(s for s in sources if s.id == claim.chain[0].source.id)
    assert "Harbor-NORC poll" in document.aliases
