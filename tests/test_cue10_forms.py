"""Cue10 audit of PolNeAR train: core speech cues no predicted cue overlapped, at the attribution
layer (what `find_attributions` gives PolNeAR's scorer and the claims stage). Each test fails on
the code before the fix (main at c4eee7f); the claims are checked in
tests/data/chains/cue10_forms.json."""

from __future__ import annotations

import pytest

from tests.sentences import outer_attributions as _outer


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Everyone but the treasurer said yes.", ("Everyone but the treasurer", "said", ["yes"])),
        ("Asked if the levy was fair, the farmer said no.", ("the farmer", "said", ["no"])),
        ("The harbour board would not say so.", ("The harbour board", "say", ["so"])),
        ("In March, 31 percent of anglers said the same.", ("31 percent of anglers", "said", ["the same"])),
        ("The coach has said the same thing after every loss.", ("The coach", "said", ["the same thing"])),
    ],
)
def test_an_answer_word_after_a_speech_verb_is_what_was_said(text: str, expected: tuple[str, str, list[str]]) -> None:
    assert expected in _outer(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The warden said no one had left the camp.", ("The warden", "said", ["no one had left the camp"])),
        (
            "The engineer said the same pump could drain the tunnel.",
            ("The engineer", "said", ["the same pump could drain the tunnel"]),
        ),
        (
            "Only 49 percent of the rowers say the same of the coach.",
            ("Only 49 percent of the rowers", "say", ["the same of the coach"]),
        ),
    ],
)
def test_an_answer_word_opening_a_clause_leaves_the_clause_whole(
    text: str, expected: tuple[str, str, list[str]]
) -> None:
    """Guard: 'no' and 'the same' opening the reported clause are no answer; whom 'the same' is
    about stays with it, as the object reading before the answer rule gave it."""
    assert _outer(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "“The bridge will not reopen this year.” The mayor told Harbour Radio when asked about the repairs.",
            ("The mayor", "told", ["“The bridge will not reopen this year.”"]),
        ),
        (
            "“We will appeal the ruling.” The union said in a statement released by its lawyers on Monday.",
            ("The union", "said", ["“We will appeal the ruling.”"]),
        ),
        (
            "“Nobody warned us.” Okafor told the station in an interview aired on Sunday.",
            ("Okafor", "told", ["“Nobody warned us.”"]),
        ),
    ],
)
def test_a_tag_sentence_with_only_a_setting_after_it_takes_the_quotation_before(
    text: str, expected: tuple[str, str, list[str]]
) -> None:
    """A quotation ending in a full stop is cut from its tag; 'when asked ...' and a participle on
    a setting noun ('an interview aired on Sunday') leave the tag with nothing of its own."""
    assert expected in _outer(text)


def test_a_tag_sentence_with_a_clause_of_its_own_keeps_it() -> None:
    """Guard: after a quotation, 'X said the results showed ...' says something of its own."""
    text = "“We will win.” The mayor said the results released on Monday showed a swing."
    assert ("The mayor", "said", ["the results released on Monday showed a swing"]) in _outer(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Most members of the union going to the vote Tuesday say they would accept the offer.",
            ("Most members of the union going to the vote Tuesday", "say", ["they would accept the offer"]),
        ),
        (
            "But residents clamoring to stop the new road say they were never consulted.",
            ("residents clamoring to stop the new road", "say", ["they were never consulted"]),
        ),
    ],
)
def test_a_subject_whose_modifier_was_read_as_the_verb_is_the_source(
    text: str, expected: tuple[str, str, list[str]]
) -> None:
    """The parser made the participle after the subject the clause's verb and left the cue with
    no subject; the subject and its modifier are the source."""
    assert expected in _outer(text)


def test_a_speaker_joined_to_a_verb_before_keeps_its_own_subject() -> None:
    """Guard: 'The mayor spoke on Monday and said ...': a shared subject, no modifier in the source."""
    text = "The mayor spoke on Monday and said the bridge was safe."
    assert ("The mayor", "said", ["the bridge was safe"]) in _outer(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "“The fees are a disgrace,” the councillor said, as the crowd cheered.",
            [("the councillor", "said", ["“The fees are a disgrace,”"])],
        ),
        (
            "As the day went on, the mayor offered stronger defenses of the plan.",
            [("the mayor", "offered", ["stronger defenses of the plan"])],
        ),
    ],
)
def test_as_with_a_stance_verb_is_a_time_not_a_source(text: str, expected: list[tuple[str, str, list[str]]]) -> None:
    """'as the crowd cheered', 'As the day went on': no one vouches for the host clause."""
    assert _outer(text) == expected


def test_as_with_a_speech_verb_still_vouches_for_its_host_clause() -> None:
    """Guard: 'As the campaign manager suggested, ...' is the parenthetical 'as X said'."""
    text = "As the campaign manager suggested, the race is not over."
    assert _outer(text) == [("the campaign manager", "As the campaign manager suggested", ["the race is not over"])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A former harbour official announced plans to sue the board.",
            ("A former harbour official", "announced", ["plans to sue the board"]),
        ),
        (
            "The mayor announced her plan to rebuild the pier.",
            ("The mayor", "announced", ["her plan to rebuild the pier"]),
        ),
    ],
)
def test_a_plan_with_what_is_planned_is_what_was_announced(text: str, expected: tuple[str, str, list[str]]) -> None:
    assert expected in _outer(text)


def test_an_idiom_object_alone_is_still_no_content() -> None:
    """Guard: 'said goodbye to the guests' (non_sources.txt) stays no attribution."""
    assert _outer("The mayor said goodbye to the guests.") == []
