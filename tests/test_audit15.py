"""audit15: a random audit of first hops as a researcher sees them (PolNeAR train), and the names
it found shown wrong that recur: an age or a body's name in front of a person's name, a question
word in front of a source, the "'s" of "let's" or a lost relative pronoun shown as who
spoke, and a nationality adjective taken for the person a "he" stands for. Invented sentences."""

from __future__ import annotations

import pytest

from tests.sentences import chain_of as _chain
from tests.sentences import claims_of as _claims
from tracer.models import SourceKind
from tracer.parse.claims.people import find_people
from tracer.parse.claims.resolve import Resolver
from tracer.parse.claims.sources import SourceRegistry, core
from tracer.text import Span


@pytest.mark.parametrize(
    ("mention", "name"),
    [
        ("82-year-old Walter Pennick", "Walter Pennick"),
        ("the 17-year-old Lena Marsh", "Lena Marsh"),
        ("the 17-year-old Muslim student", "the 17-year-old Muslim student"),  # a description stays
        ("the 46-year-old", "the 46-year-old"),
    ],
)
def test_an_age_is_not_part_of_a_name(mention: str, name: str) -> None:
    assert core(mention) == name


@pytest.mark.parametrize(
    ("mention", "name"),
    [
        ("how many political analysts", "many political analysts"),
        ("how Nora Vance", "Nora Vance"),
        ("what a partner at the firm", "a partner at the firm"),
        ("which many farmers", "many farmers"),
        ("which get answered", "which get answered"),  # "which" before a verb is the subject itself
        ("What Works Clearinghouse", "What Works Clearinghouse"),  # a capitalised name stays whole
    ],
)
def test_a_question_word_is_not_part_of_a_source(mention: str, name: str) -> None:
    assert core(mention) == name


def test_a_body_and_a_surname_is_the_person_named_in_full() -> None:
    text = "Harbor Fund president Odile Marchetti spoke. Harbor Fund's Marchetti said x."
    registry = SourceRegistry(find_people(text))
    assert registry.resolve("Harbor Fund's Marchetti").name == "Odile Marchetti"


def test_a_body_and_a_surname_goes_to_the_person_source_with_that_surname() -> None:
    registry = SourceRegistry(find_people("Roland Teague III said x. Pine Council’s Teague said y."))
    teague = registry.resolve("Roland Teague III")
    assert registry.resolve("Pine Council’s Teague") is teague


def test_a_body_and_a_word_no_one_bears_stays_as_written() -> None:
    registry = SourceRegistry(find_people("Pine Council's Office said y."))
    assert registry.resolve("Pine Council's Office").name == "Pine Council's Office"


def test_an_aged_full_name_joins_the_persons_later_mentions() -> None:
    claims = _claims('"It was a blunder," 82-year-old Walter Pennick said. Pennick said the vote was rigged.')
    assert _chain(claims, "blunder") == ["Walter Pennick"]
    assert _chain(claims, "the vote was rigged") == ["Walter Pennick"]


def test_a_body_and_surname_is_shown_as_the_person() -> None:
    claims = _claims(
        "The push was led by Harbor Fund, steered by former senator Odile Marchetti. "
        '"We are not done," Harbor Fund\'s Marchetti said.'
    )
    assert _chain(claims, "We are not done") == ["Odile Marchetti"]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("The school board is divided. And let's hope it stays that way.", "it stays that way"),
        (
            "Seen as toxic in Ohio - which helps explain why no candidate names it - the levy works as a sales tax.",
            "the levy works",
        ),
        ("He mocked the social niceties - or political taboo - that says you're not supposed to mock that.", "mock"),
    ],
)
def test_a_lets_or_a_lost_relative_pronoun_is_no_source(text: str, words: str) -> None:
    assert _chain(_claims(text), words) == []


def _he_after(text: str, adjective: str) -> str:
    """Who the first "he" of `text` is when an earlier misreading left a person source named by
    `adjective` (as "back on American soil" did on PolNeAR train)."""
    registry = SourceRegistry(find_people(text))
    registry.resolve(adjective, SourceKind.PERSON, at=text.index(adjective))
    he = text.index(" he ") + 1
    return Resolver(text, registry).mention(Span(he, he + 2)).source.name


def test_the_who_in_capitals_is_the_health_body() -> None:
    text = "There were 3,248 cases reported worldwide last year, according to the WHO."
    assert _chain(_claims(text), "3,248 cases") == ["the WHO"]


def test_a_nationality_adjective_is_not_who_he_is() -> None:
    assert _he_after("The crowd cheered. But back on American soil, he returned to his lines.", "American") == "he"


def test_a_surname_that_is_also_a_nationality_is_who_he_is() -> None:
    text = "Investor Mark Cuban spoke. Back home, Cuban was calm, and he returned to his lines."
    assert _he_after(text, "Cuban") == "Cuban"


def test_a_surname_that_is_also_a_nationality_stays_a_name() -> None:
    text = 'Billionaire investor Mark Cuban spoke in Austin on Friday. "You have to adapt," he said.'
    assert _chain(_claims(text), "You have to adapt") == ["Mark Cuban"]


def test_a_headlines_lone_given_name_gives_way_to_the_full_name() -> None:
    text = "Nora Just Vowed To Stop.\n\nNora Vance promised on Tuesday to stop, saying she had made a poor choice of words."
    assert _chain(_claims(text), "poor choice of words") == ["Nora Vance"]
