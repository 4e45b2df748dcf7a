"""Claim matching: paraphrases, reordered clauses, numbers written differently and shortened
names match; same-topic passages that state something else do not."""

from __future__ import annotations

import json

import pytest

from tests.conftest import DATA
from tracer.parse.claims.matching import MATCH_THRESHOLD, PassageIndex, find_claim, similarity, terms_of
from tracer.parse.claims.numbers import number_token, read_number, rewrite_phrases

PAIRS = json.loads((DATA / "claim_pairs.json").read_text(encoding="utf-8"))["pairs"]


@pytest.mark.parametrize("pair", PAIRS, ids=[f"{'same' if p['same'] else 'other'}-{i}" for i, p in enumerate(PAIRS)])
def test_claim_pairs(pair: dict[str, object]) -> None:
    score = similarity(terms_of(str(pair["claim"])), terms_of(str(pair["passage"])))
    assert (score >= MATCH_THRESHOLD) is pair["same"], score


def test_the_threshold_has_a_margin_on_both_sides() -> None:
    scores = [(similarity(terms_of(p["claim"]), terms_of(p["passage"])), p["same"]) for p in PAIRS]
    assert min(s for s, same in scores if same) >= MATCH_THRESHOLD + 0.02
    assert max(s for s, same in scores if not same) <= MATCH_THRESHOLD - 0.1


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1,100", 1100),
        ("1100", 1100),
        ("eleven hundred", 1100),
        ("one thousand one hundred", 1100),
        ("a thousand", 1000),
        ("1.1 thousand", 1100),
        ("3.2 million", 3_200_000),
        ("3.2m", 3_200_000),
        ("10k", 10_000),
        ("1.1bn", 1_100_000_000),
        ("twenty five", 25),
        ("two hundred and ten", 210),
        ("ninety nine", 99),
    ],
)
def test_numbers_in_any_spelling(text: str, value: float) -> None:
    tokens = text.lower().split()
    assert read_number(tokens, 0) == (value, len(tokens))


def test_thousands_separated_by_a_thin_space() -> None:
    assert terms_of("1\u202f100 people and 2\u00a0500 homes").numbers == {"#1100", "#2500"}
    assert terms_of("between 5 100-metre stretches").numbers == {"#5", "#100"}


def test_number_words_that_are_two_numbers() -> None:
    assert read_number(["five", "six"], 0) == (5, 1)
    assert read_number(["1,100", "2019"], 0) == (1100, 1)


def test_phrases_that_state_amounts() -> None:
    assert rewrite_phrases("shut for half a year") == "shut for 6 months"
    assert rewrite_phrases("a quarter of a million visitors") == "250000 visitors"
    assert terms_of("twenty-five per cent of voters").terms == [number_token(25), "percent", "voter"]


def test_terms_drop_cues_and_approximators() -> None:
    assert terms_of("About 1,100 people were killed, the ministry said.").terms == [
        "#1100",
        "peopl",
        "kill",
        "ministry",
    ]


def test_acronym_matches_the_name_it_shortens() -> None:
    claim = terms_of("The Joint Chiefs of Staff counted 1,100 casualties")
    assert similarity(claim, terms_of("The JCS counted about 1100 casualties.")) >= 0.9


def test_a_different_street_is_a_different_claim() -> None:
    claim = terms_of("The Elm Street bridge will close for six months")
    assert similarity(claim, terms_of("The Oak Street bridge will close for six months.")) < MATCH_THRESHOLD


def test_missing_number_is_penalised() -> None:
    claim = terms_of("North Korean troops suffered 1,100 casualties")
    assert similarity(claim, terms_of("North Korean troops suffered 100 casualties.")) < MATCH_THRESHOLD


def test_find_claim_returns_the_passage_and_its_offsets() -> None:
    text = (
        "Dam losing water fast\n"
        "Engineers inspected the Orren dam in 2019. The dam holding back Lake Orren is losing roughly 1100 "
        "litres a second, officials said. Repairs will take weeks.\n"
        "The lake holds 40 million cubic metres of water."
    )
    match = find_claim("the Orren dam is leaking 1,100 litres of water every second", text)
    assert match is not None
    assert match.passage == "The dam holding back Lake Orren is losing roughly 1100 litres a second, officials said."
    assert text[match.start : match.end] == match.passage
    assert find_claim("the Orren dam is leaking 1,100 litres of water every second", "The lake is popular.") is None


def test_a_claim_split_over_two_sentences_matches_the_pair() -> None:
    text = "The council met on Tuesday. It voted 7-2 to close the Elm Street bridge for six months.\nOther news."
    claim = "the council voted 7-2 on Tuesday to close the Elm Street bridge for six months"
    best = PassageIndex(text).best(claim)
    assert best is not None
    assert best.passage == "The council met on Tuesday. It voted 7-2 to close the Elm Street bridge for six months."


def test_trivial_claims_match_nothing() -> None:
    assert find_claim("it said so", "It said so, the ministry said.") is None
