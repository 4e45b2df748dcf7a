"""Who a cue's source is, four families found on gold_fresh5a's Vox page, each general:

- a participle after a reported "that" clause belongs to the clause's governor, not its subject
  ("took issue with Trump's claims that he had saved jobs, ... accusing the president-elect of
  lying": Jones accuses, not "he");
- "X is a N who said": the relative's referent is the name X, not the description;
- "Earlier this week, for example, Trump sent ...": a name after an intro phrase and an aside is
  still the sentence's subject, so a "he" after it is his;
- newspaper mastheads with no outlet word ("Indianapolis Star") are outlets, not people."""

from __future__ import annotations

import pytest

from tracer.models import HopFlag, SourceKind
from tracer.parse.article import parse_claims
from tracer.parse.attribution.find import find_attributions
from tracer.parse.claims.sources import guess_kind
from tracer.read.document import read_text


def _chains(text: str) -> dict[str, list[str]]:
    """Each claim's words -> its chain of source names."""
    found = parse_claims(read_text(text), [], [])
    return {c.text: [h.source.name for h in c.chain] for c in found.claims}


def _sources(text: str) -> dict[str, str | None]:
    """Each attribution's cue -> its source as written."""
    return {a.cue.of(text): (a.source.of(text) if a.source else None) for a in find_attributions(text)}


def test_a_participle_after_a_reported_clause_is_the_governors() -> None:
    text = (
        "Alvarez, a dock workers' organiser, took issue with the governor's claims that he had saved "
        "900 port jobs, calling the real number closer to 400 and accusing the governor of lying.\n"
    )
    assert _sources(text)["calling"] == "Alvarez, a dock workers' organiser"
    assert _sources(text)["accusing"] == "Alvarez, a dock workers' organiser"


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        # the clause's verb is a cue itself: the participle stays with the clause's subject
        (
            "Cardin said Wednesday that Republicans rejected his attempts to include the language, "
            "calling it an “area of contention.”\n",
            "calling",
            "Republicans",
        ),
        # a participle on a noun ("a statement saying that ...") is no governor to climb to
        (
            "The secretary released a statement saying that the mayor had “professed his love” for the city, "
            "calling it a “special place.”\n",
            "calling",
            "the mayor",
        ),
    ],
)
def test_a_participle_stays_where_the_clause_reports_speech(text: str, cue: str, source: str) -> None:
    assert _sources(text)[cue] == source


def test_a_relative_after_a_copula_stands_for_the_name() -> None:
    text = "Alvarez is a dock workers' organiser who accused the governor of lying about the port jobs.\n"
    assert list(_chains(text).values()) == [["Alvarez"]]


def test_a_relative_after_a_copula_with_no_name_keeps_its_description() -> None:
    text = "It was a neighbour who said the house had been empty for years.\n"
    assert list(_chains(text).values()) == [["a neighbour"]]


def test_a_name_after_an_intro_and_an_aside_is_the_subject_a_he_stands_for() -> None:
    text = (
        "Earlier this week, for example, Mayor Tom Reyes sent a warning to union leader Dan Cole in a "
        "post in which he called Cole “reckless” with the pension fund. Cole told the Harbor Star that "
        "his phone had not stopped ringing since.\n"
    )
    chains = _chains(text)
    called = next(v for k, v in chains.items() if "reckless" in k)
    assert called == ["Mayor Tom Reyes"]


@pytest.mark.parametrize(
    "name", ["Indianapolis Star", "Boston Globe", "Sacramento Bee", "Pittsburgh Post-Gazette", "The Observer"]
)
def test_a_masthead_is_an_outlet(name: str) -> None:
    assert guess_kind(name) == SourceKind.OUTLET


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("a Hollywood star", SourceKind.PERSON),
        ("Czech Republic", SourceKind.GOVERNMENT),
        ("Standard", SourceKind.UNKNOWN),
        ("Sun Yang", SourceKind.PERSON),
    ],
)
def test_near_names_keep_their_kind(name: str, kind: SourceKind) -> None:
    assert guess_kind(name) == kind


def test_a_participle_right_after_a_message_says_what_the_message_says() -> None:
    """'threats from supporters responding to Trump's tweet calling her ... and implying ...': the
    parser hung the participles on the sentence's verb; the stance was lost and the statement
    given to the supporters (gold_fresh5a)."""
    text = (
        "After the student questioned the mayor at a forum, she was bombarded with threats from fans "
        "responding to Mayor Tom Reyes’s tweet calling her a “rude,” “arrogant young woman” and "
        "implying she was a plant for his rival.\n"
    )
    chains = _chains(text)
    assert chains["her a “rude,” “arrogant young woman”"] == ["Mayor Tom Reyes"]
    assert chains["she was a plant for his rival"] == ["Mayor Tom Reyes"]


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        # a message sent by someone: the sender speaks ("she sent an email saying")
        ("Minutes later, the aide sent an email saying the files were ready.\n", "saying", "the aide"),
        # a noun that is no message keeps the clause's subject
        ("For four years, Clinton traveled the globe pushing the administration's policies.\n", "pushing", "Clinton"),
    ],
)
def test_a_sender_or_the_clause_keeps_the_participle(text: str, cue: str, source: str) -> None:
    assert _sources(text)[cue] == source


def test_a_document_cited_in_a_report_is_not_the_reports_issuer() -> None:
    """'According to another study referenced in the report, ... The report highlights that ...':
    "The report" was resolved to the study (its head read as "report"), and the panel's name was
    cut to "Climate Change" at its lower-case "on" (claims8 audit, gold_fresh5a). The study is read
    in the report, as gold_fresh5a has it: [the report, its maker, the study] (hops15; the phrase
    was one hop, the study alone, before)."""
    text = (
        "The Intergovernmental Panel on Climate Change released its latest report on Monday. According to "
        "another study referenced in the report, 35 million people in India might face yearly coastal "
        "flooding by 2050. The report highlights that the country's income has been 16 per cent lower "
        "because of warming.\n"
    )
    chains = _chains(text)
    highlighted = next(v for k, v in chains.items() if "16 per cent lower" in k)
    assert highlighted == ["the report", "The Intergovernmental Panel on Climate Change"]  # hops15-docs: gold_fresh5a
    flooding = next(v for k, v in chains.items() if "coastal flooding" in k)
    assert flooding == ["the report", "The Intergovernmental Panel on Climate Change", "another study"]


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("another study referenced in the report", SourceKind.DOCUMENT),
        ("a poll published by the Times", SourceKind.DOCUMENT),
    ],
)
def test_a_participle_ends_a_mentions_head(name: str, kind: SourceKind) -> None:
    assert guess_kind(name) == kind


def test_a_person_named_with_a_bodys_role_is_not_the_body() -> None:
    """'Twitter CEO Jack Dorsey' after 'Twitter': merged into Twitter as a longer name of it, so
    Dorsey's words were Twitter's and the "he" in them found no man (gold_fresh5a)."""
    text = (
        "Twitter said it had banned the accounts. Twitter CEO Jack Dorsey told Recode editor Kara Swisher "
        "that he thought the ban was overdue.\n"
    )
    chains = _chains(text)
    assert chains["it had banned the accounts"] == ["Twitter"]
    assert chains["he thought the ban was overdue"] == ["Twitter CEO Jack Dorsey"]


def test_a_he_in_a_mans_reported_words_is_likely_the_speaker() -> None:
    """'X told Y that he thought ...' with other men named before: the speaker, shown as the likely
    referent with a lower confidence (it was left an unresolved "he" after him, gold_fresh5a's
    "Jack Dorsey told Recode editor Kara Swisher ... that he thought ...")."""
    text = (
        "On May 3, the day before Reyes attacked Dan Cole on the radio, Harbor Bank CEO Sam Ortiz told "
        "Gazette editor Kara Lane at a conference that he thought the pension fund was safe.\n"
    )
    found = parse_claims(read_text(text), [], [])
    claim = next(c for c in found.claims if "the pension fund was safe" in c.text)
    assert [h.source.name for h in claim.chain] == ["Harbor Bank CEO Sam Ortiz"]


def test_a_he_in_a_womans_reported_words_stays_unresolved() -> None:
    """The guard: when the speaker is known to be a woman, "he" is someone else."""
    text = (
        "On Monday, Mayor Tom Reyes attacked Dan Cole over the pension fund. Later, council leader Maria "
        "Ortiz told reporters that she was sure he thought the fund was safe.\n"
    )
    found = parse_claims(read_text(text), [], [])
    claim = next(c for c in found.claims if "the fund was safe" in c.text)
    assert [h.source.name for h in claim.chain] == ["council leader Maria Ortiz", "he"]
    assert HopFlag.UNRESOLVED_SOURCE in claim.chain[1].flags  # not given to her, nor guessed


@pytest.mark.parametrize("name", ["Team Trump", "Camp Clinton"])
def test_a_candidates_team_is_no_person(name: str) -> None:
    """'Team Trump' had a person's shape, so a later 'Ms. Trump' could merge into it (hops8 audit)."""
    assert guess_kind(name) != SourceKind.PERSON


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Workers at the plant got a notice warning that the factory would close in March.\n", "a notice"),
        ("Residents received a letter saying their water had been contaminated.\n", "a letter"),
    ],
)
def test_a_message_received_speaks_for_its_maker_not_its_reader(text: str, source: str) -> None:
    """'workers got a notice warning that ...' gave the workers as the source (span8 audit)."""
    assert list(_sources(text).values()) == [source]
