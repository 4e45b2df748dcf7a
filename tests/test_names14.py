"""Capitalised names taken to a fuller name (names14): the registry's matches of a lone surname and
a full name. Invented names; the chain-level forms are in tests/data/chains/names14_forms.json."""

from __future__ import annotations

from tracer.parse.claims.people import family_names, find_people
from tracer.parse.claims.sources import SourceRegistry


def _registry(text: str) -> SourceRegistry:
    return SourceRegistry(find_people(text))


def test_family_names_are_the_words_after_a_given_name() -> None:
    text = "President Barack Obama met Donald J. Trump. Trump Supporter Shouts At Rally."
    assert family_names(text) == {"Obama": {"Barack"}, "Trump": {"Donald"}}


def test_a_relative_of_the_same_gender_is_another_person() -> None:
    registry = _registry("Donald Trump said x. Trump said y. Eric Trump said z.")
    donald = registry.resolve("Donald Trump")
    assert registry.resolve("Trump") is donald
    assert registry.resolve("Eric Trump") is not donald


def test_a_middle_name_or_a_short_given_name_is_the_same_person() -> None:
    registry = _registry("Hillary Clinton said x. Clinton said y. Hillary Rodham Clinton said z.")
    hillary = registry.resolve("Hillary Clinton")
    assert registry.resolve("Clinton") is hillary
    assert registry.resolve("Hillary Rodham Clinton") is hillary
    registry = _registry("Kenneth Starr said x. Starr said y. Ken Starr said z.")
    starr = registry.resolve("Kenneth Starr")
    registry.resolve("Starr")
    assert registry.resolve("Ken Starr") is starr


def test_a_body_named_after_a_person_is_not_the_person() -> None:
    registry = _registry("Bill Gates said x. The Gates Foundation said y. Gates said z.")
    foundation = registry.resolve("Gates Foundation")
    assert registry.resolve("Gates") is not foundation


def test_a_one_word_name_that_is_no_family_name_still_joins_its_longer_name() -> None:
    registry = _registry("Yonhap News Agency reported x. Yonhap said y.")
    agency = registry.resolve("Yonhap News Agency")
    assert registry.resolve("Yonhap") is agency


def test_a_headline_word_goes_to_the_one_bearer_of_the_surname() -> None:
    text = "Okafor Says Budget Is Balanced. Governor Linda Okafor said x. Okafor said y."
    registry = _registry(text)
    registry.resolve("Okafor")
    governor = registry.resolve("Governor Linda Okafor")
    assert registry.resolve("Okafor") is governor
    text = "Okafor Says Budget Is Balanced. Governor Linda Okafor said x. Her son Peter Okafor is 12. Okafor said y."
    registry = _registry(text)
    headline = registry.resolve("Okafor")
    registry.resolve("Governor Linda Okafor")
    assert registry.resolve("Okafor") is headline
