"""unicode15: person names with accented letters ("José Díaz", "Andrés Manuel López Obrador",
"Peña"). The name patterns read a name's letters as "[A-Z][a-z]", so such names were never whole
name candidates: "he" went unresolved or to someone else, and a surname was never read back to
the full name. Invented sentences."""

from __future__ import annotations

import re

import pytest

from tests.sentences import chain_of as _chain
from tests.sentences import claims_of as _claims
from tracer.parse.claims.people import find_people
from tracer.parse.claims.sources import SourceRegistry
from tracer.text import NAME_LOWER, NAME_UPPER, latin_names


def test_he_is_the_accented_name_named_before() -> None:
    claims = _claims("Mayor José Díaz opened the new bridge on Friday. He said the city would pay for repairs.")
    assert _chain(claims, "the city would pay") == ["Mayor José Díaz"]


def test_a_four_word_accented_name_is_shown_whole_for_he() -> None:
    claims = _claims(
        "Mexican President Andrés Manuel López Obrador spoke on Monday. He said the border plan would fail."
    )
    assert _chain(claims, "the border plan") == ["Mexican President Andrés Manuel López Obrador"]


def test_a_surname_is_read_back_to_the_accented_full_name() -> None:
    registry = SourceRegistry(find_people("Mexican President Andrés Manuel López Obrador spoke. López said x."))
    full = registry.resolve("Andrés Manuel López Obrador")
    registry.resolve("López")
    assert registry.resolve("López Obrador") is full


def test_he_after_an_accented_surname_is_the_person_named_in_full() -> None:
    claims = _claims(
        "Mexican President Andrés Manuel López Obrador spoke on Monday. "
        "Critics doubted López, but he said the plan would pass."
    )
    assert _chain(claims, "the plan would pass") == ["Mexican President Andrés Manuel López Obrador"]


def test_an_accented_surname_is_the_person_he_stands_for() -> None:
    """'Peña was detained ... he said': the surname of someone named in full is a person, so "he"
    is not the lawyer quoted in between."""
    text = (
        "Carlos Peña, 47, admitted sending the letters, prosecutors said.\n"
        "Maren Hollis, his lawyer, said her client regretted them.\n"
        "Peña was detained in May after a call in which he said he would burn the depot down."
    )
    assert _chain(_claims(text), "burn the depot") == ["Carlos Peña"]


def test_an_accented_full_name_after_a_role_is_a_person() -> None:
    people = find_people("Chancellor Jürgen Müller arrived late. Müller said the budget was balanced.")
    assert people.surnames.get("Müller") == "Jürgen Müller"


@pytest.mark.parametrize("word", ["López", "Ñúñez", "Ngọc", "Łukasz", "Šimon", "Øster"])
def test_accented_words_are_name_words(word: str) -> None:
    assert re.fullmatch(latin_names(r"[A-Z][a-z]+"), word)


@pytest.mark.parametrize("word", ["lópez", "Ó", "Ab1", "×x", "A÷"])
def test_not_name_words(word: str) -> None:
    assert not re.fullmatch(latin_names(r"[A-Z][a-z]+"), word)


def test_ascii_letters_are_read_as_before() -> None:
    """The classes only add letters beyond ASCII: on ASCII text they match what "[A-Z]"/"[a-z]" did."""
    ascii_chars = [chr(c) for c in range(128)]
    assert [c for c in ascii_chars if re.fullmatch(NAME_UPPER, c)] == [c for c in ascii_chars if "A" <= c <= "Z"]
    assert [c for c in ascii_chars if re.fullmatch(NAME_LOWER, c)] == [c for c in ascii_chars if "a" <= c <= "z"]
