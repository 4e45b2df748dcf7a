"""review15b: guess15's person-in-focus guess (`Resolver._salient_person`) asks each candidate's
gender from the text once per name, not once per pronoun: `pronoun_gender` reads every sentence
naming the surname, so asking it again at each unresolved "he" made the claims stage quadratic in
a text that keeps naming the same people. And only a lone given name's weight joins the full
name it opens: a surname that opens another's name ("Paul Ryan", "Ryan Zinke") lost its weight to
that one, and with "Rand Paul" too the merges raised a KeyError. Invented sentences."""

from __future__ import annotations

import pytest

import tracer.parse.claims.resolve as resolve
from tracer.parse.article import parse_claims
from tracer.read.document import read_text

# Two titled people whose titles give no gender, a rival named between, and a "he" after: the
# rules leave it unresolved and `_salient_person` weighs both names.
_PARAGRAPH = (
    "Until last week, Senator Brandt had hardly said a harsh word about Governor Ortez. In 2009, he said "
    "the mayor had been treated unfairly over the audit.\n"
)


def _gender_reads(monkeypatch: pytest.MonkeyPatch, copies: int) -> int:
    calls: list[str] = []
    real = resolve.pronoun_gender
    monkeypatch.setattr(resolve, "pronoun_gender", lambda text, name: calls.append(name) or real(text, name))
    parse_claims(read_text(_PARAGRAPH * copies), [], [])
    monkeypatch.undo()
    return len(calls)


def test_a_name_s_gender_is_read_from_the_text_once_per_name(monkeypatch: pytest.MonkeyPatch) -> None:
    """60 paragraphs made 241 reads before (4 per pronoun), each of all 60 sentences naming him."""
    assert _gender_reads(monkeypatch, 40) == _gender_reads(monkeypatch, 5)


def _chain(text: str, words: str) -> list[str]:
    found = parse_claims(read_text(text), [], [])
    return [hop.source.name for hop in next(c for c in found.claims if words in c.text).chain]


def test_a_surname_that_is_another_s_given_name_keeps_its_weight() -> None:
    """The weight of a lone given name goes to the full name it opens ("Alan" of "Alan Grayson"),
    but "Ryan" of "Paul Ryan" is his surname: moved to "Ryan Zinke", the object made him the "he"."""
    text = (
        "Until last week, Paul Ryan had hardly said a harsh word about Ryan Zinke. In 2009, he said the "
        "mayor had been treated unfairly over the audit.\n"
    )
    assert _chain(text, "treated unfairly") == ["Paul Ryan"]


def test_three_names_each_opening_with_another_s_surname_do_not_raise() -> None:
    """Paul Ryan's weight moved to Zinke's, then Rand Paul's to Ryan's, gone by then: KeyError."""
    text = (
        "Until last week, Paul Ryan had hardly said a harsh word about Ryan Zinke or Rand Paul. In 2009, "
        "he said the mayor had been treated unfairly over the audit.\n"
    )
    assert _chain(text, "treated unfairly") == ["Paul Ryan"]
