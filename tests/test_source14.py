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


def test_noun_medium_beside_the_verbs_attribution_is_dropped() -> None:
    """'X says in a statement that C' read twice: X's "says", and a sourceless "statement" with
    the same content (the parser hung the clause on the noun). Only X's stays."""
    text = "Kasich’s chief strategist John Weaver says in a statement that the race will now be a fight."
    found = find_attributions(text)
    assert [(a.source.of(text) if a.source else None, a.cue.of(text)) for a in found] == [
        ("Kasich’s chief strategist John Weaver", "says")
    ]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "The harbor commission's chief engineer Lena Park says in a statement that the pier will close.",
            "The harbor commission's chief engineer Lena Park",
        ),
        (
            "April Mellody, a spokeswoman for the convention, said in a statement that the security team would"
            " work with the police.",
            "April Mellody, a spokeswoman for the convention",
        ),
    ],
)
def test_noun_medium_alone_takes_the_verbs_subject(text: str, source: str) -> None:
    """'X said in a statement that C' where the verb rule found nothing (its clause went to the
    noun): the one attribution read is X's, not a sourceless one."""
    found = find_attributions(text)
    assert len(found) == 1 and found[0].source is not None and found[0].source.of(text) == source


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
