"""guess15: a "he"/"she" the pronoun rules leave unresolved because rival candidates were named
between is given the person in focus, as the likely referent with a lower confidence and the
naming as evidence (issue 14, cause 2: "X attacked Y. He said" was shown with no one). Guards: two
people of equal weight, a described subject ("The former governor ..."), and the speaker's own
reported words (test_who_spoke) still leave the pronoun unresolved."""

from __future__ import annotations

from tracer.models import Claim, HopFlag
from tracer.parse.article import parse_claims
from tracer.read.document import read_text


def _claim(text: str, words: str) -> Claim:
    found = parse_claims(read_text(text), [], [])
    return next(c for c in found.claims if words in c.text)


def test_a_he_after_a_rival_is_the_subject_before_him() -> None:
    """Mr. Brand opens the sentence before, Mr. Ortiz is only its object: the likely referent."""
    text = (
        "Until last week, Mr. Brand had hardly said a harsh word about Mr. Ortiz. In 2009, he said the "
        "mayor had been treated unfairly over the audit.\n"
    )
    hop = _claim(text, "treated unfairly").chain[0]
    assert hop.source.name == "Mr. Brand"
    assert HopFlag.LIKELY_REFERENT in hop.flags
    assert hop.confidence < 0.6
    assert hop.evidence is not None and "Mr. Brand" in hop.evidence


def test_a_she_after_a_rival_is_the_subject_before_her() -> None:
    text = (
        "Until last week, Ms. Moss had hardly said a harsh word about Ms. Lane. In 2009, she said the "
        "mayor had been treated unfairly over the audit.\n"
    )
    hop = _claim(text, "treated unfairly").chain[0]
    assert hop.source.name == "Ms. Moss"
    assert HopFlag.LIKELY_REFERENT in hop.flags


def test_two_people_of_equal_weight_leave_the_pronoun_unresolved() -> None:
    text = (
        "Until last week, Mr. Brand had hardly said a harsh word about Mr. Ortiz, and Mr. Ortiz had said "
        "none about Mr. Brand. In 2009, he said the mayor had been treated unfairly over the audit.\n"
    )
    hop = _claim(text, "treated unfairly").chain[0]
    assert hop.source.name == "he"
    assert HopFlag.UNRESOLVED_SOURCE in hop.flags


def test_a_described_subject_before_leaves_the_pronoun_unresolved() -> None:
    """'The former governor' is the likelier "he", and no name stands for him: no guess."""
    text = (
        "The former governor had hardly said a harsh word about Mr. Ortiz. In 2009, he said the mayor "
        "had been treated unfairly over the audit.\n"
    )
    hop = _claim(text, "treated unfairly").chain[0]
    assert hop.source.name == "he"
    assert HopFlag.UNRESOLVED_SOURCE in hop.flags
