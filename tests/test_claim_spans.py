"""Which words a claim covers when attributions nest (issue 14: statements the gold names were
found nowhere because the claim had shrunk to an inner clause)."""

from __future__ import annotations

from tracer.models import Claim
from tracer.parse.article import extract_claims
from tracer.read.document import read_text


def _claims(text: str) -> list[tuple[str, list[str]]]:
    found: list[Claim] = extract_claims(read_text(text), [])[0]
    return [(c.text, [h.source.name for h in c.chain]) for c in found]


def test_the_speakers_own_aside_keeps_their_words_one_claim() -> None:
    """ "We understand ..." inside Gonzales's quotation is Gonzales again: the claim is her whole
    quotation, not the clause after "We understand", and no second claim repeats it."""
    text = (
        "“We understand rolling outages are not easy, and we do everything we can to avoid them,” said "
        "Anne Gonzales, a spokeswoman for the grid operator. Jack Scarola, who represents some of the "
        "accusers, said he is pleased to see authorities investigate the circumstances of his death."
    )
    assert _claims(text) == [
        ("“We understand rolling outages are not easy, and we do everything we can to avoid them,”", ["Anne Gonzales"]),
        ("he is pleased to see authorities investigate the circumstances of his death", ["Jack Scarola"]),
    ]


def test_another_source_inside_the_words_still_makes_its_own_claim() -> None:
    text = "The minister said the agency found that the river was polluted."
    assert _claims(text) == [("the river was polluted", ["The minister", "the agency"])]
