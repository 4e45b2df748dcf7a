"""Cue13 audit of PolNeAR train: speech, report and belief verbs of the cue lexicon that no
predicted cue overlapped, because the parser left the verb without its subject (an aside or a
relative clause between them, the first verb of a series holding the subject) or a quotation's
source ran to a long aside. Each test fails on the code before the fix (main at 851c6d2); the
claims are checked in tests/data/chains/cue13_forms.json."""

from __future__ import annotations

import pytest

from tests.sentences import outer_attributions as _outer


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ortiz, meanwhile, who holds no seat on the board, said that the budget gap would keep growing.",
            ("Ortiz", "said", ["that the budget gap would keep growing"]),
        ),
        (
            "Although there was no such rift within the union, a board member who spoke anonymously to "
            'discuss the private talks said Monday, "Certainly there are disagreements between the board and the staff."',
            (
                "a board member who spoke anonymously to discuss the private talks",
                "said",
                ['"Certainly there are disagreements between the board and the staff."'],
            ),
        ),
        (
            "At the meeting in Dover Town Hall, a retired nurse who had been a union steward in Ohio "
            "asked the mayor what she thought of the plan to close the clinic.",
            (
                "a retired nurse who had been a union steward in Ohio",
                "asked",
                ["what she thought of the plan to close the clinic"],
            ),
        ),
    ],
)
def test_a_subject_past_asides_or_a_relative_clause_is_the_source(
    text: str, expected: tuple[str, str, list[str]]
) -> None:
    assert expected in _outer(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'The mayor pledged to be "the greatest builder this city has seen" and cast doubt on the '
            "official vacancy rate of 3 percent, suggested that the real rate could be as high as 12 percent.",
            ("The mayor", "suggested", ["that the real rate could be as high as 12 percent"]),
        ),
    ],
)
def test_the_first_verb_of_a_series_lends_its_subject(text: str, expected: tuple[str, str, list[str]]) -> None:
    assert expected in _outer(text)


def test_a_name_with_a_long_aside_before_the_verb_speaks_the_quotation() -> None:
    """'“...,” Ruiz, the council's longest-serving member ... after winning the March election,
    said when Bell asked him a question': the name and its long aside are the source of the
    quotation; the question after "said" is Bell's, with no quotation of its own."""
    text = (
        "“A very good reporter, a very good reporter this man,” Ruiz, the council's longest-serving "
        "member and current chair of the finance committee by a wide margin after winning the March "
        "election, said when Bell asked him a question."
    )
    [(source, cue, content)] = _outer(text)
    assert source is not None and source.startswith("Ruiz, the council's longest-serving member")
    assert (cue, content) == ("said", ["“A very good reporter, a very good reporter this man,”"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "''If the board had gone with Kemp, I would have been out of work for a year,'' Mr. Alder, "
            "now 74 and retired in Dover, Del., said by telephone this week.",
            (
                "Mr. Alder, now 74 and retired in Dover, Del",
                "said",
                ["''If the board had gone with Kemp, I would have been out of work for a year,''"],
            ),
        ),
        (
            '"The council says one thing to farmers and another to builders," Ana Ruiz, who is chair of '
            "the Growers Union said in a statement.",
            (
                "Ana Ruiz, who is chair of the Growers Union",
                "said",
                ['"The council says one thing to farmers and another to builders,"'],
            ),
        ),
    ],
)
def test_a_name_with_a_short_aside_keeps_its_quotation(text: str, expected: tuple[str, str, list[str]]) -> None:
    """Guard: the forms the parser already read stay as they were."""
    assert expected in _outer(text)


def test_a_clause_holding_the_stranded_subject_is_no_content() -> None:
    """Guard: the clause the parser made of the subject and its aside stays out of what was noted."""
    text = (
        "A spokesman for the Harbor Foods chain - a 40-store business billed as "
        '"the grocer for every family" - noted that the company offers workers six weeks of paid leave.'
    )
    [(source, cue, content)] = _outer(text)
    assert source is not None and source.startswith("A spokesman for the Harbor Foods chain")
    assert (cue, content) == ("noted", ["that the company offers workers six weeks of paid leave"])


@pytest.mark.parametrize(
    "text",
    [
        "In 2011, under what Ms. Lund called ''the old harbor model,'' the Bay Point Rowing Club, a private "
        "club 200 miles south of here in Salem Harbor, Ore., charged a $5,000 entry fee, most of it refundable.",
        "That would probably still be more water than the farm lobby says the old canals can carry without flooding.",
    ],
)
def test_no_source_from_a_quotation_inside_the_sentence_or_a_compared_noun(text: str) -> None:
    """Guards: a quotation after words of the sentence's own is no statement of the long noun
    phrase after it (whose verb, with an object, charges a fee); the noun compared before "than
    the farm lobby says" is no speaker."""
    found = _outer(text)
    assert not any(cue == "charged" for _, cue, _ in found)
    assert not any(source is not None and source.startswith("more water") for source, _, _ in found)
