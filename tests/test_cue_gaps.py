"""Cue gaps found on gold_fresh5a's Grayzone page, each a form news uses widely: a quotation
opening with a capitalised "On" is no testimony on a topic; "maintained (that)" and "establish
that" are cues of a clause."""

from __future__ import annotations

import pytest

from tracer.parse.article import parse_claims
from tracer.read.document import read_text


def _chains(text: str) -> dict[str, list[str]]:
    found = parse_claims(read_text(text), [], [])
    return {c.text: [h.source.name for h in c.chain] for c in found.claims}


def test_a_quotation_opening_with_on_is_a_claim() -> None:
    """'"On one occasion," they testified, "I heard ..."' made no claim: the capitalised "On" was
    read as testimony on a topic ('spoke on the budget')."""
    text = '"On one occasion," the former driver testified, "I heard the manager order the files destroyed."\n'
    assert [v for k, v in _chains(text).items() if "I heard the manager" in k] == [["the former driver"]]


def test_a_topic_after_a_talk_verb_stays_no_claim() -> None:
    """The guard: 'testified on the budget' names what the testimony was about."""
    assert _chains("The treasurer testified on the budget for three hours.\n") == {}


@pytest.mark.parametrize(
    ("text", "words", "source"),
    [
        (
            "Hale later admitted he had met the envoy, but maintained the visit was a personal mission.\n",
            "the visit was a personal mission",
            "Hale",
        ),
        (
            "Court records obtained by the paper establish that the firm sent the files from Virginia.\n",
            "the firm sent the files from Virginia",
            "Court records",
        ),
    ],
)
def test_maintain_and_establish_report_a_clause(text: str, words: str, source: str) -> None:
    """The clause is a claim of its own (it was folded into "admitted"'s, or no claim at all),
    with the subject in its chain."""
    chains = _chains(text)
    assert source in chains[words]


@pytest.mark.parametrize(
    "text", ["The senator maintains a narrow lead in the polls.\n", "The couple established a foundation in 2009.\n"]
)
def test_maintain_and_establish_with_an_object_are_no_claims(text: str) -> None:
    assert _chains(text) == {}


def test_a_quotation_credited_on_a_dash_line_is_its_speakers() -> None:
    """An epigraph: '“I was the CIA director. We lied ...” / — Mike Pompeo, College Station, TX,
    April 15, 2019' (gold_fresh5a: both sentences were no claims); the dash may also end the
    quotation's own paragraph, and a post's byline may give the handle and the date."""
    text = (
        "“I ran the agency for a decade. We never kept a single promise.”\n"
        "— Ana Ruiz, Marlow, March 3, 2019\n"
        "The agency was founded in 1950.\n"
        "“The figures are simply wrong.” — Tom Hale\n"
        "“The pier will reopen in a week.” — Dana Ruiz (@danaruiz) May 3, 2016\n"
    )
    assert _chains(text) == {
        "I ran the agency for a decade.": ["Ana Ruiz"],
        "We never kept a single promise.": ["Ana Ruiz"],
        "The figures are simply wrong.": ["Tom Hale"],
        "The pier will reopen in a week.": ["Dana Ruiz"],
    }


@pytest.mark.parametrize(
    "text",
    [
        # a dash line after a paragraph that is no quotation credits nothing
        "The agency was founded in 1950 and grew fast.\n— Ana Ruiz, Marlow\n",
        # a quotation standing alone with no credit is no one's
        "“The figures are simply wrong.”\nThe agency was founded in 1950.\n",
    ],
)
def test_no_dash_credit_no_claim(text: str) -> None:
    assert _chains(text) == {}


def test_a_past_form_the_tagger_read_as_a_noun_after_a_quotation_is_the_cue() -> None:
    """'“...,” the ex-associate recalled.': "associate recalled" was tagged as a noun phrase and
    the quotation was no one's (gold_fresh5a)."""
    text = "“I told him he could not give out information to the other side,” the ex-associate recalled.\n"
    assert list(_chains(text).values()) == [["the ex-associate"]]


@pytest.mark.parametrize(
    "text",
    [
        "The voter database is maintained by the technology company NGP VAN.\n",
        "The foundation was established by the couple in 2009.\n",
        "More than 100,000 ballots were cast by mail in the county.\n",
    ],
)
def test_a_clause_cue_in_the_passive_with_no_clause_is_no_attribution(text: str) -> None:
    """'is maintained by', 'was established by', 'were cast by': verbs that report only a
    clause ('maintained that ...') say nothing in the passive with a noun subject (PolNeAR dev cue
    precision 0.758 -> 0.759 when such passives were dropped, recall unchanged)."""
    assert _chains(text) == {}


def _sources(text: str) -> dict[str, str | None]:
    from tracer.parse.attribution.find import find_attributions

    return {a.cue.of(text): (a.source.of(text) if a.source else None) for a in find_attributions(text)}


def test_an_inverted_cue_between_commas_before_a_quotation_has_the_speaker_after_it() -> None:
    """'The initiative, said Nagel, “was all about ...”': the words before the cue were taken for
    the source (gold_fresh5a); they start what was said."""
    text = "The initiative, said Nagel, “was all about enhancing our current partnerships.”\n"
    assert _sources(text) == {"said": "Nagel"}
    assert list(_chains(text).values()) == [["Nagel"]]


def test_a_hearer_after_told_between_commas_is_no_speaker() -> None:
    """The guard: 'Dever, who was listed on the slate, told POLITICO, “...”': POLITICO was told."""
    text = "Dick Dever, who was listed on the Cruz slate, told POLITICO, “Of the three, I like Kasich the best.”\n"
    assert _sources(text)["told"] == "Dick Dever, who was listed on the Cruz slate"


def test_an_inverted_cues_hearer_and_setting_are_no_claim_of_the_passage() -> None:
    """In a passage quoted from an outlet, '..., the agency told South Korean lawmakers in a
    briefing on Thursday.' left 'South Korean lawmakers in a briefing on Thursday.' as a claim of
    the outlet (the seed article)."""
    text = (
        "The Gazette reported:\n"
        "“More than 100 of them were killed in their first battles, the agency told local lawmakers in "
        "a briefing on Thursday.”\n"
    )
    claims = _chains(text)
    assert not any(k.startswith("local lawmakers") for k in claims)
    assert any("More than 100 of them were killed" in k for k in claims)
