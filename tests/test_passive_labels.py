"""Labels given in the passive: "The deal was labeled “a sham” by the union's leader". The small
model hangs the "by" phrase on the label, not on the verb, or reads a label participle between
commas as the sentence's verb; the passive then had no source, the agent inside the content, or
the labelled noun as its source (the issue's "she labeled the deal 'a sham'", passive; a
gold_fresh5a stance, 'branded as a "hacker" by Morales', was lost)."""

from __future__ import annotations

import pytest

from tracer.parse.attribution.find import find_attributions


def _relations(text: str) -> list[tuple[str | None, list[str]]]:
    """(source, content fragments) of each attribution found, as words."""
    return [(a.source.of(text) if a.source else None, [c.of(text) for c in a.content]) for a in find_attributions(text)]


@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        (
            "The deal was labeled “a sham” by the union's leader, Maria Lopez.",
            "the union's leader, Maria Lopez",
            ["The deal", "“a sham”"],
        ),
        ("The vaccine was called “a breakthrough” by the agency's director.", "the agency's director", None),
        ("The plan was dubbed “Operation Sunrise” by officials.", "officials", ["The plan", "“Operation Sunrise”"]),
        ("The rally was described as peaceful by police.", "police", ["The rally", "as peaceful"]),
        ("He was described by colleagues as “a devoted father”.", "colleagues", ["He", "as “a devoted father”"]),
        ("The company was accused by regulators of hiding losses.", "regulators", ["The company", "of hiding losses"]),
        ("Cohen, described by prosecutors as Trump's “fixer”, testified on Monday.", "prosecutors", None),
        ("The bill, labeled a giveaway by critics, passed the Senate.", "critics", ["The bill", "a giveaway"]),
        (
            "The senator, branded a “traitor” by the governor last year, lost the primary.",
            "the governor",
            ["The senator", "a “traitor”"],
        ),
        (
            "That day, Ola Bini - the Swedish programmer branded as a “hacker” by Moreno and placed under "
            "surveillance - was arrested in Quito.",
            "Moreno",
            ["the Swedish programmer", "as a “hacker”"],
        ),
    ],
)
def test_a_passive_label_has_its_agent_as_source(text: str, source: str, content: list[str] | None) -> None:
    found = _relations(text)
    assert [s for s, _ in found] == [source]
    if content is not None:
        assert found[0][1] == content


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a "by" phrase of time, degree or means names no agent
        ("The move was labeled a mistake by March.", []),
        ("The plan was described as the best by far.", [(None, ["The plan", "as the best"])]),
        # a participle with no label stays no attribution; the verb after it keeps its subject
        (
            "A statement cited by Yonhap said the talks would resume.",
            [("A statement cited by Yonhap", ["the talks would resume"])],
        ),
        # an active label keeps its subject as the source
        ("Smith, 45, called the deal “a sham” on Monday.", [("Smith, 45", ["the deal “a sham”"])]),
    ],
)
def test_near_forms_keep_their_reading(text: str, expected: list[tuple[str | None, list[str]]]) -> None:
    assert _relations(text) == expected
