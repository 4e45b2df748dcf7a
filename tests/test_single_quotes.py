"""Single-mark quotations (British style ‘…’ and straight '…') read as quotations (issue 14, cause 6).

Every sentence here is invented. The apostrophe cases must stay apostrophes.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.sentences import chain_of as _chain
from tests.sentences import claims_of as _claims
from tracer.parse.attribution.find import find_attributions
from tracer.parse.attribution.marks import double_quoted


def _contents(text: str) -> list[tuple[str, str]]:
    """(source, content) of every attribution, as written."""
    return [
        (a.source.of(text) if a.source else "", " | ".join(f.of(text) for f in a.content))
        for a in find_attributions(text)
    ]


def _kinds(text: str) -> list[tuple[str, str, str]]:
    """(source, content, kind) of every attribution, as written."""
    return [(*pair, a.kind) for pair, a in zip(_contents(text), find_attributions(text), strict=True)]


def test_a_quote_before_its_speaker_is_all_of_the_quotation() -> None:
    text = "‘The new bridge will carry twice the traffic by spring,’ Dr Helen Marsh said, citing the council’s survey."
    quote = "‘The new bridge will carry twice the traffic by spring,’"
    assert ("Dr Helen Marsh", quote, "quote") in _kinds(text)
    assert _chain(_claims(text), "twice the traffic") == ["Dr Helen Marsh", "the council’s survey"]


def test_apostrophes_inside_a_single_quoted_quote() -> None:
    text = "‘We don’t know why the students’ union shut the hall,’ she said."
    quote = "‘We don’t know why the students’ union shut the hall,’"
    assert ("she", quote, "quote") in _kinds(text)
    assert double_quoted(text) == "“We don’t know why the students’ union shut the hall,” she said."


def test_a_quote_after_a_colon() -> None:
    text = "The harbour master said: ‘Boats should stay in port until the wind drops.’"
    assert _kinds(text) == [("The harbour master", "‘Boats should stay in port until the wind drops.’", "quote")]
    assert _chain(_claims(text), "Boats should stay in port") == ["The harbour master"]


def test_a_quote_continued_in_the_next_paragraph() -> None:
    text = (
        "‘The river rose two metres overnight,’ said Professor Omar Field of Leeds Beckett University.\n"
        "‘That is faster than anything the valley has seen in fifty years.’"
    )
    claims = _claims(text)
    assert _chain(claims, "faster than anything the valley") == ["Professor Omar Field of Leeds Beckett University"]


def test_a_nested_source_in_a_continued_quote_keeps_the_speaker_first() -> None:
    text = (
        "Professor Omar Field said the river rose two metres overnight.\n"
        "‘That is faster than anything the valley has seen in fifty years,’ he said.\n"
        "‘Surveys indicate that the valley should expect more floods.’"
    )
    assert _chain(_claims(text), "should expect more floods") == ["Professor Omar Field", "Surveys"]


def test_a_second_quote_after_the_cue_goes_to_the_same_speaker() -> None:
    text = "‘The dam is safe,’ the engineer said. ‘We checked it twice.’"
    assert _kinds(text) == [("the engineer", "‘The dam is safe,’ | ‘We checked it twice.’", "quote")]


def test_a_quoted_label_is_a_stance() -> None:
    text = "‘Lord Puddle,’ as the local paper called him, opened every fete in the county."
    claims = _claims(text)
    assert _chain(claims, "Lord Puddle") == ["the local paper"]
    assert next(c for c in claims if "Lord Puddle" in c.text).kind.value == "stance"
    text = "Mr Hale called the organisers ‘chancers’ in a post on Monday."
    assert _chain(_claims(text), "chancers") == ["Mr Hale"]


def test_straight_single_marks_pair_in_a_headline() -> None:
    text = "Farm union says new levy 'won't raise a penny' for rural roads"
    assert double_quoted(text) == "Farm union says new levy “won't raise a penny” for rural roads"


def test_a_double_quote_inside_a_single_quote_becomes_the_nested_one() -> None:
    text = "‘My neighbour told me “the dam is leaking” last week,’ Ms Grey said."
    assert double_quoted(text) == "“My neighbour told me ‘the dam is leaking’ last week,” Ms Grey said."


def test_a_single_quote_inside_a_double_quote_stays_nested() -> None:
    text = "“He called it ‘a shambles’ in front of everyone,” she said."
    assert double_quoted(text) == text


def test_apostrophes_are_never_quotation_marks() -> None:
    for text in (
        "Britain’s farmers in the ’90s sold the students’ union its bread.",
        "Rock 'n' roll came back in the '60s and 'em lads loved it.",
        "The Jones’ dog and the Smiths' cat don't get on, y'know.",
        "It’s the council’s job, isn’t it?",
        "Books by Dickens' friends sold well in the '80s; nobody's sure why.",
        "''This is the Times' own mark,'' he said.",
    ):
        assert double_quoted(text) == text, text


def test_an_apostrophe_case_makes_no_quotation_of_the_sentence() -> None:
    text = "The students’ union said the ’90s building was unsafe."
    assert [c for _, c in _contents(text)] == ["the ’90s building was unsafe"]


_MARKED = st.text(alphabet=st.sampled_from(list("ab s’‘'“”\",.\n:(-")), max_size=60)


@settings(max_examples=300, deadline=None)
@given(_MARKED)
def test_rewriting_keeps_every_offset(text: str) -> None:
    """Only quotation marks change, one character for one: every span found holds in the text."""
    rewritten = double_quoted(text)
    assert len(rewritten) == len(text)
    assert all(a == b or (a in "‘’'“”\"" and b in "‘’“”") for a, b in zip(text, rewritten, strict=True))


def test_a_page_in_curly_marks_quotes_with_them_only() -> None:
    """Straight single marks on a page set in curly ones are not its quotation marks."""
    text = "Mayor Jo Bell (D) said “the plan works” Road law 'In God We Trust' sign goes up MORE"
    assert double_quoted(text) == text
    assert double_quoted(text.replace("“", '"').replace("”", '"')).count("“") == 1


def test_a_quoted_word_before_a_noun_is_part_of_the_object() -> None:
    """'Reveals ‘Demoralizing’ Experience Of ...': the quoted word modifies the object, which is
    all of the content (it was cut to the quoted word)."""
    for text, verb in (
        ("The retired nurse revealed “demoralizing” experiences of working on the ward.", "revealed "),
        ("Retired Nurse Reveals ‘Demoralizing’ Experience Of Working Under Hospital Bosses.", "Reveals "),
    ):
        assert [c for _, c in _contents(text)] == [text[text.index(verb) + len(verb) : -1]]


def test_a_quoted_heading_does_not_go_on_with_the_speaker_before() -> None:
    """A section heading in quotation marks ("'Coal Isn't the Villain.'") after a speaker's
    quotation is no more of their words."""
    text = (
        "“The mill will close by June,” said Ms. Rowe, the union’s lawyer. “Nobody told the workers.”\n"
        "‘Steel Isn’t the Villain.’\n"
        "It was raining when the miners met."
    )
    assert _contents(text) == [
        ("Ms. Rowe, the union’s lawyer", "“The mill will close by June,” | “Nobody told the workers.”")
    ]


def test_a_single_quoted_paragraph_on_a_page_quoting_with_double_marks_is_a_heading() -> None:
    """NYT sets speech in ''...'' and sub-heads in '...': a paragraph that is one single-mark
    quotation does not go on with the speaker before it."""
    text = "''I would go back to school,'' she said.\n'A really tough decision.'\nThe plant shut in May."
    assert double_quoted(text) == text
    assert [c for _, c in _contents(text)] == ["''I would go back to school,''"]
