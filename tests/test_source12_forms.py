"""source12: source spans read at the attribution level, where PolNeAR scores them and
`attributions[]` shows them (the chain-level forms are cases in
tests/data/chains/source12_forms.json). Invented sentences with the grammatical form of the
PolNeAR train misses."""

from __future__ import annotations

from tracer.parse.attribution.find import find_attributions, outermost


def _sources(text: str, cue: str) -> list[str | None]:
    """The source text of each outermost attribution whose cue is `cue`."""
    found = [a for a in outermost(find_attributions(text)) if text[a.cue.start : a.cue.end] == cue]
    return [text[a.source.start : a.source.end] if a.source else None for a in found]


def test_participle_after_reported_question_is_the_askers() -> None:
    """'X questioned why Y did not speak at the rally, implying that C': the parser hangs the
    participle on the question's verb, a cue ("speak"), and Y was shown as the one implying."""
    text = (
        "Governor Ann Lee questioned why the mayor's wife did not speak at the rally, "
        "implying that she was forbidden to speak."
    )
    assert _sources(text, "implying") == ["Governor Ann Lee"]


def test_participle_after_reported_whether_clause_is_the_askers() -> None:
    """Guard: 'X asked whether Y would resign, adding that C' (no cue inside the question: right before too)."""
    text = "Governor Ann Lee asked whether the mayor would resign, adding that the city deserved better."
    assert _sources(text, "adding") == ["Governor Ann Lee"]


def test_participle_after_reported_cue_clause_stays_its_subjects() -> None:
    """Guard: 'X said Y spoke of the plan, calling it a failure': a "that" clause whose verb is a
    cue keeps the participle (aside9's reading, unchanged)."""
    text = "Governor Ann Lee said the mayor spoke of the plan, calling it a failure."
    assert _sources(text, "calling") == ["the mayor"]


def test_contracted_has_said_keeps_its_speaker() -> None:
    """'He's said C': the contracted "has" read as a passive "is" put the speaker in the content."""
    text = "He's said the city will pay for a second bridge by 2030."
    assert _sources(text, "said") == ["He"]
