"""Cue14 audit of PolNeAR train cue false positives: "see" with an object and a bare verb (an
event seen, not a view held), and the noun of 'said in a statement that "..."' read as a second,
sourceless relation of the verb's quotation. Each test but the guards fails on main at f72afde;
the claims are checked in tests/data/chains/cue14_forms.json."""

from __future__ import annotations

import pytest

from tests.sentences import outer_attributions as _outer


@pytest.mark.parametrize(
    "text",
    [
        "Earlier, Mayor Ellen Park saw her support collapse after the budget vote.",
        "The city council saw the harbor become a tourist draw within a decade.",
        "Last week a retired teacher went to see the governor speak at the county fair.",
        "In 2012, 30 million people tuned in to see the senator accept the nomination.",
    ],
)
def test_see_with_an_object_and_a_bare_verb_is_no_cue(text: str) -> None:
    assert not any("see" in cue or "saw" in cue for _, cue, _ in _outer(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Analysts at the Port Authority see shipping volumes rising next year.",
            ("Analysts at the Port Authority", "see", ["shipping volumes rising next year"]),
        ),
        (
            "Local shippers see the new terminal as a lifeline.",
            ("Local shippers", "see", ["the new terminal as a lifeline"]),
        ),
        (
            "Harbor pilots saw that the new channel was too shallow.",
            ("Harbor pilots", "saw", ["that the new channel was too shallow"]),
        ),
        (
            "He would like to see the party represent progressive ideas.",
            ("He", "see", ["the party represent progressive ideas"]),
        ),
    ],
)
def test_see_as_a_view_a_forecast_or_a_wish_stays(text: str, expected: tuple[str, str, list[str]]) -> None:
    assert expected in _outer(text)


def test_said_in_a_statement_with_a_quotation_is_one_relation() -> None:
    text = 'Council member Dana Reyes said in a statement that "the vote was a betrayal of the riverfront."'
    assert _outer(text) == [
        ("Council member Dana Reyes", "said", ['that "the vote was a betrayal of the riverfront."'])
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The plan went ahead despite concerns that it might encourage others.",
            (None, "concerns", ["that it might encourage others"]),
        ),
        (
            "The ministry said on Monday that the bridge would reopen.",
            ("The ministry", "said", ["that the bridge would reopen"]),
        ),
    ],
)
def test_an_unowned_cue_noun_and_a_plain_verb_keep_their_relations(
    text: str, expected: tuple[str | None, str, list[str]]
) -> None:
    assert expected in _outer(text)
