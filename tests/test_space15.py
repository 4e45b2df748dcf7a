"""space15: odd spaces (no-break, thin, zero-width) read as plain ones by the parser and the
rules, at the same offsets; and an acronym before a titled name ("FBI Director ...") kept in the
name a pronoun is resolved to. Invented sentences."""

from __future__ import annotations

import pytest

from tests.sentences import chain_of, claims_of
from tracer.parse.attribution.find import find_attributions
from tracer.text import plain_spaces


@pytest.mark.parametrize("space", ["\u00a0", "\u2009", "\u202f", "\u200b"])
def test_odd_spaces_become_plain_ones_of_the_same_length(space: str) -> None:
    text = f"Nora{space}Vance said{space}so."
    plain = plain_spaces(text)
    assert plain == "Nora Vance said so."
    assert len(plain) == len(text)


def test_plain_text_is_returned_as_it_is() -> None:
    text = "Nora Vance said so."
    assert plain_spaces(text) is text


def test_a_description_joined_by_no_break_spaces_is_not_the_source() -> None:
    """The words of 'is a\xa0liar,\xa0crank\xa0and\xa0bully\xa0who has pledged ...' around the
    no-break spaces parsed as the speaker of the relative clause: "a liar" was its source."""
    text = (
        "Editor’s note:\u00a0Carl Hensley regularly\u00a0insults voters\u00a0and is a\u00a0liar,\u00a0crank"
        "\u00a0and\u00a0bully\u00a0who has repeatedly pledged to close every harbor in the state.\n"
    )
    assert chain_of(claims_of(text), "close every harbor") == ["Carl Hensley"]


def test_a_name_joined_by_a_no_break_space_is_one_name_and_offsets_hold() -> None:
    """A guard: the spans found hold in the text as given, and the name is shown with a plain space."""
    text = "Officials were cautious. Harold\u00a0Brenner told reporters the bridge was unsafe.\n"
    found = [a for a in find_attributions(text) if a.source is not None]
    assert [text[a.source.start : a.source.end] for a in found] == ["Harold\u00a0Brenner"]
    assert chain_of(claims_of(text), "bridge was unsafe") == ["Harold Brenner"]


def test_a_he_after_a_name_joined_by_a_no_break_space_is_the_whole_name() -> None:
    """The pronoun resolver's name patterns read "Harold\xa0Brenner" as "Brenner" alone."""
    text = "Officials met on Monday. Harold\u00a0Brenner arrived late. He said the bridge was unsafe.\n"
    assert chain_of(claims_of(text), "bridge was unsafe") == ["Harold Brenner"]


def test_an_acronym_before_a_titled_name_stays_in_the_name_a_pronoun_gets() -> None:
    """The pronoun resolver read "Director Carl Hensley" from "NSA Director Carl Hensley's": the
    acronym dropped, while the attribution rules show the whole titled name."""
    text = (
        "Reporters waited all morning for NSA Director Carl Hensley’s statement on the breach. "
        "He called the intrusion “deeply serious” and promised a full review.\n"
    )
    assert chain_of(claims_of(text), "deeply serious") == ["NSA Director Carl Hensley"]
