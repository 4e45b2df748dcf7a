"""Recall8 audit of PolNeAR train (positions 100-220): relations no rule found at all. A cue noun
as the object of a light verb ("made comments about X", "made the case for X") had no owner and
"made" is a cue only with its own word ("made it clear"), so nothing read it. Each test fails on
the code before the fix (main at e3141f9); the claims are checked in tests/data/chains/recall8_forms.json."""

from __future__ import annotations

from tracer.models import CueClass
from tracer.parse.attribution.find import find_attributions


def _relations(text: str) -> list[tuple[str | None, str, str, CueClass]]:
    """(source, cue, first content fragment, class) of each attribution found."""
    return [
        (
            text[a.source.start : a.source.end] if a.source else None,
            text[a.cue.start : a.cue.end],
            text[a.content[0].start : a.content[0].end] if a.content else "",
            a.cls,
        )
        for a in find_attributions(text)
    ]


def test_made_comments_about_names_a_topic_of_the_subject() -> None:
    text = "The governor has recently made comments about the possibility of fraud in the election."
    assert ("The governor", "made comments about", "the possibility of fraud in the election", CueClass.TOPIC) in (
        _relations(text)
    )


def test_made_conflicting_statements_about_keeps_the_adjective_in_the_cue() -> None:
    text = "The candidate made conflicting statements about how he would cut taxes."
    assert _relations(text) == [
        ("The candidate", "made conflicting statements about", "how he would cut taxes", CueClass.TOPIC)
    ]


def test_made_the_case_for_is_an_argument_for_its_object() -> None:
    text = "The novelist made a case for reading authors from other countries."
    assert _relations(text) == [
        ("The novelist", "made a case for", "reading authors from other countries", CueClass.TOPIC)
    ]


def test_a_light_verb_with_a_plain_object_is_no_cue() -> None:
    assert find_attributions("The company made a profit last year.") == []
    assert find_attributions("The court case made headlines across the state.") == []
    assert find_attributions("At this point, the mayor made no comment.") == []


def test_a_response_to_someone_names_the_hearer_not_a_topic() -> None:
    """Guard: after a light verb, "to" takes the hearer ("made a response to the king"), no topic."""
    text = "The prince made a heartbreaking response to the king after his eviction."
    assert not any(cue.startswith("made") for _, cue, _, _ in _relations(text))


def test_a_title_case_headline_with_a_noun_like_verb_is_parsed() -> None:
    """'X Promises Y' in a Title-Case headline: the scan now reads the form the parser sees."""
    text = "Senator Tom Alder Promises Action On Housing In First Year.\n\nThe vote is set for Friday."
    assert ("Senator Tom Alder", "Promises", "Action On Housing", CueClass.SPEECH) in _relations(text)


def test_made_no_mention_of_and_veiled_references_to_name_topics() -> None:
    """Light nouns with the prepositions `light_nouns.txt` gives them; the preposition may hang on the verb."""
    assert ("The senator", "made no mention of", "the deal", CueClass.TOPIC) in _relations(
        "The senator made no mention of the deal in his speech."
    )
    assert ("The senator", "made veiled references to", "the mayor’s voting record", CueClass.TOPIC) in _relations(
        "The senator has made veiled references to the mayor’s voting record."
    )
    assert ("The mayor", "made a plea for", "calm", CueClass.TOPIC) in _relations(
        "The mayor made a plea for calm after the verdict."
    )


def test_a_light_noun_outside_its_prepositions_is_no_cue() -> None:
    """Guard: 'made a commitment to the town' (commitment takes only a clause), 'made a plea to X' (the hearer)."""
    assert find_attributions("The firm made a commitment to the town.") == []
    assert find_attributions("The mayor made a plea to the council.") == []


def test_take_with_a_stance_noun_names_its_target() -> None:
    """'took issue with X', 'took some shots at X', 'took credit for X' (light_nouns.txt, +stance)."""
    assert ("The senator", "took issue with", "the new rule", CueClass.STANCE) in _relations(
        "The senator took issue with the new rule on Monday."
    )
    assert ("The governor", "took some shots at", "the mayor", CueClass.STANCE) in _relations(
        "The governor took some shots at the mayor, particularly on his tuition plan."
    )


def test_took_aim_at_with_the_preposition_on_the_verb() -> None:
    """'took aim at X': the parser hangs "at" on the verb; the relation was lost."""
    assert ("The senator", "took aim at", "the plan", CueClass.STANCE) in _relations(
        "The senator took aim at the plan on Monday."
    )


def test_take_with_a_plain_noun_stays_no_cue() -> None:
    """Guard: 'takes the issue seriously' (no "with"), 'raised concerns during the meeting' (no +prep)."""
    assert find_attributions("Neither candidate takes the issue seriously.") == []
    assert find_attributions("The mayor raised concerns during the meeting.") == []


def test_a_light_verb_elsewhere_leaves_the_view_phrase_parsed() -> None:
    """Regression guard: the light-verb scan test must not stop the "in X's view" test after it."""
    text = "In Ash’s view, the change would have a big impact, making it harder for insiders to win."
    assert any(cue == "In Ash’s view" for _, cue, _, _ in _relations(text))


def test_a_light_noun_word_used_as_a_verb_still_reaches_the_fallback_rules() -> None:
    """Regression guard: 'shot' (light_nouns.txt) as a verb, 'Trump shot back that ...', stays found."""
    text = (
        "The reporter was trying insistently to ask a question about taxes when the senator shot back"
        " that the reporter had not been called on."
    )
    assert any(cue == "shot" for _, cue, _, _ in _relations(text))
