"""Recall9 audit of PolNeAR train: core speech cues no rule found, at the attribution layer (what
`find_attributions` gives PolNeAR's scorer and the claims stage). Each test fails on the code
before the fix (main at b82ea7f); the claims are checked in tests/data/chains/recall9_forms.json."""

from __future__ import annotations

from tests.sentences import outer_attributions as _outer


def test_a_speech_verb_joined_to_a_passive_one_has_its_subject() -> None:
    text = (
        "By the end of the day, the mayor was forced into a rare retreat and said that his words had been misconstrued."
    )
    assert ("the mayor", "said", ["that his words had been misconstrued"]) in _outer(text)


def test_said_he_and_added_is_a_second_statement_of_the_speaker() -> None:
    text = 'The prisoner said he welcomed the transfer to the United States and added, "I will plead guilty."'
    assert _outer(text) == [
        ("The prisoner", "said", ["he welcomed the transfer to the United States"]),
        ("The prisoner", "added", ['"I will plead guilty."']),
    ]


def test_said_someone_else_did_and_told_keeps_the_clause_whole() -> None:
    """Guard: the clause is about Jones, who may have told; it stays what Smith said."""
    text = "Smith said Jones called him and told him to leave."
    assert _outer(text) == [("Smith", "said", ["Jones called him and told him to leave"])]


def test_a_tag_after_a_quoted_question_with_a_participle_takes_the_quotation() -> None:
    text = "“Who would do such a thing?” Mr. Trump asked, looking far from displeased."
    assert _outer(text) == [("Mr. Trump", "asked", ["“Who would do such a thing?”"])]


def test_a_relative_speaker_with_a_setting_before_the_quotation_says_it() -> None:
    text = "The mayor won an endorsement from Ann Lee, who declared in the spin room, “It is time to unite.”"
    assert ("who", "declared", ["“It is time to unite.”"]) in _outer(text)


def test_a_quotation_going_on_with_the_main_clause_is_not_the_relatives() -> None:
    """Guard: after 'who spoke at the rally', a quotation opening in lower case goes on the main clause."""
    text = "Ann Lee, who spoke at the rally on Monday, “is a fraud,” the mayor said."
    assert _outer(text) == [("the mayor", "said", ["“is a fraud,”"])]


def test_as_reported_by_names_the_source_of_its_host_clause() -> None:
    text = "As reported by the BBC, the minister resigned on Monday."
    assert _outer(text) == [("the BBC", "As reported", ["the minister resigned on Monday"])]


def test_a_naming_verb_read_as_a_participle_of_the_subjects_clause_has_that_subject() -> None:
    text = "Tom Alder, who served as the mayor's strategist during the campaign, called the statements “childish.”"
    assert _outer(text) == [
        (
            "Tom Alder, who served as the mayor's strategist during the campaign",
            "called",
            ["the statements “childish.”"],
        )
    ]


def test_an_inverted_tag_keeps_what_came_before_not_a_title_after_its_setting() -> None:
    """Guard: 'C, X said in his book, "Title."' (the setting rule once took the title)."""
    text = "The war ended their plans to return home, Mr. Reyes said in his 2012 book, ''A Harbour Son.''"
    assert _outer(text) == [("Mr. Reyes", "said", ["The war ended their plans to return home"])]
