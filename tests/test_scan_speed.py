"""The fast scan parses no sentence a rule cannot read, and keeps every one a rule can."""

from __future__ import annotations

from tracer.parse.attribution.find import find_attributions, parse_candidates
from tracer.text import sentences

_LONG_OPENING = "Adelson's political activities were guided by two factors: his business and his views."


def test_a_colon_after_more_words_than_a_headline_name_is_not_parsed() -> None:
    assert parse_candidates(_LONG_OPENING) == []


def test_a_short_headline_name_is_still_parsed() -> None:
    for text in ("Graham: Trump's rhetoric is destroying the party", "Former AG Mukasey at RNC: the deal is bad"):
        assert parse_candidates(text) == sentences(text)
        assert [a.form for a in find_attributions(text)] == ["headline"]
