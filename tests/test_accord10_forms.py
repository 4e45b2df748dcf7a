"""accord10: "according to" forms read at the attribution level, where PolNeAR scores them (the
chain-level forms are cases in tests/data/chains/accord10_forms.json). Invented sentences with
the grammatical form of the PolNeAR train misses."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from tracer.parse.attribution.find import find_attributions, outermost
from tracer.parse.attribution.phrases import _phrase_end


def _according(text: str) -> list[str]:
    """The content fragments of the sentence's outermost "according to" attribution."""
    found = [a for a in outermost(find_attributions(text)) if a.form == "according"]
    assert len(found) == 1, [a.form for a in found]
    return [text[f.start : f.end] for f in found[0].content]


def test_trailing_phrase_vouches_for_a_clause_with_its_own_cue() -> None:
    """'A, and the two members pledged B, according to X': X vouches for the pledge too; the
    content ended before "pledged" as if it were a cue verb's second statement."""
    text = (
        "In the end, nine members of the council's official slate prevailed, and the remaining two "
        "members separately pledged to support the mayor, according to Whitfield."
    )
    assert _according(text) == [
        "In the end, nine members of the council's official slate prevailed, and the remaining two "
        "members separately pledged to support the mayor"
    ]


def test_as_aside_is_cut_out_of_the_vouched_clause() -> None:
    """'As this reporter revealed, A, according to county records': the records vouch for A; the
    aside is the writer's own second source, not one the records cite, and its attribution is
    no longer nested (dropped) inside theirs."""
    text = (
        "As this reporter revealed, Ortiz is not even a resident of the district he represents, "
        "according to county records."
    )
    assert _according(text) == ["Ortiz is not even a resident of the district he represents"]
    assert any(a.lemma == "reveal" for a in outermost(find_attributions(text)))


def test_aside_content_stops_before_a_following_according_phrase() -> None:
    """'A as many people expected, according to an email': the aside's content was its whole host
    clause with the phrase, which hid the phrase's attribution as nested; the aside is no part of
    what the email vouches for."""
    text = (
        "The biggest prize in the contest will not be handed out next week as many people expected, "
        "according to an email from the league's president."
    )
    assert _according(text) == ["The biggest prize in the contest will not be handed out next week"]
    assert any(a.lemma == "expect" for a in outermost(find_attributions(text)))


def test_fronted_according_made_root_ends_with_its_object() -> None:
    """The parser may make a fronted "According" the sentence's root and hang the clause after the
    comma on it; the phrase then ends with "to X", not with the root's subtree (which is the
    whole sentence). The parse is built by hand: no invented sentence reproduces the misparse."""
    words = ["According", "to", "a", "study", ",", "voters", "skew", "young", "."]
    heads = [0, 0, 3, 1, 0, 0, 5, 6, 0]
    deps = ["ROOT", "prep", "det", "pobj", "punct", "pobj", "amod", "advmod", "punct"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps)
    assert _phrase_end(doc[0], doc[1]) == 3
    assert _phrase_end(doc[1], doc[3]) == doc[1].right_edge.i  # not the root: its own subtree
