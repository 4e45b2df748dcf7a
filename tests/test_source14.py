"""source14: a source cut before a relative clause that is an attribution of its own.

'X, who argued that A, said B': PolNeAR's annotators make "who" the source of "argued" and end
X's source before the comma (all 80 such gold sources on train); the tracer took the whole
relative clause into X's source, so the two sources overlapped and one of them went unmatched.
A relative clause that attributes nothing ("who lives near the bridge") stays in the source, as
the annotators mostly keep it. Invented sentences.
"""

from __future__ import annotations

import pytest

from tracer.parse.attribution.find import find_attributions


def _sources(text: str) -> dict[str, str | None]:
    """Each cue as written, with its source as written."""
    return {a.cue.of(text): (a.source.of(text) if a.source else None) for a in find_attributions(text)}


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        (
            "The mayor, who has long argued that the bridge is unsafe, said the repairs will start soon.",
            "said",
            "The mayor",
        ),
        ("“We will rebuild,” said Ortiz, who warned last year that the levee would fail.", "said", "Ortiz"),
        ("The union, which said last month that wages had stalled, called the offer an insult.", "called", "The union"),
        (
            "Councilwoman Dee Hart, who told reporters on Monday that the budget was balanced, now says the city"
            " faces a deficit.",
            "says",
            "Councilwoman Dee Hart",
        ),
        (
            "Senator Ana Ruiz, who's argued for years that the tax is unfair, voted against it and said it would"
            " hurt farmers.",
            "said",
            "Senator Ana Ruiz",
        ),
    ],
)
def test_source_ends_before_attributed_relative_clause(text: str, cue: str, source: str) -> None:
    assert _sources(text)[cue] == source


def test_relative_clause_keeps_its_own_source() -> None:
    text = "The mayor, who has long argued that the bridge is unsafe, said the repairs will start soon."
    found = {a.cue.of(text): a for a in find_attributions(text)}
    argued = found["argued"]
    assert argued.source is not None and argued.source.of(text) == "who"
    assert argued.referent is not None and argued.referent.of(text) == "The mayor"


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        # guard: a relative clause that attributes nothing stays in the source
        (
            "The mayor, who lives near the bridge, said the repairs will start soon.",
            "said",
            "The mayor, who lives near the bridge",
        ),
        # guard: a defining relative clause (no comma) says which voters; it is not cut off
        (
            "Voters who said the economy mattered most told pollsters they favored the challenger.",
            "told",
            "Voters who said the economy mattered",
        ),
    ],
)
def test_other_relative_clauses_unchanged(text: str, cue: str, source: str) -> None:
    assert _sources(text)[cue] == source


@pytest.mark.parametrize(
    "text",
    [
        "The union’s chief negotiator Paul Weller says in a statement that the strike will go on.",
        "Mr. Ortiz also insisted in the same interview that the depot will close.",
    ],
)
def test_noun_medium_of_a_speech_verb_is_no_second_attribution(text: str) -> None:
    """'X says in a statement that C': one attribution, X's; not a second, sourceless one on
    "statement" with the same content (the parser hung the clause on the noun)."""
    found = find_attributions(text)
    assert len(found) == 1 and found[0].source is not None and found[0].form == "verb"


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        # guard: a noun cue with no speech verb over it stays
        ("The statement that the depot will close came as a shock.", "statement"),
        # guard: a noun cue in a setting ("in a statement") of a verb whose attribution has other words
        ("In a statement released on Monday, the agency denied that it had lost the files.", "denied"),
    ],
)
def test_other_noun_cues_unchanged(text: str, cue: str) -> None:
    assert cue in {a.cue.of(text) for a in find_attributions(text)}
