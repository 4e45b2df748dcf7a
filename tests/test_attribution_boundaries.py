"""Content boundaries and forms of the attribution stage, from PolNeAR train errors (issue 14).

Each sentence is written for the test in the form of an error seen on PolNeAR train (whose text
is never copied here); each case failed before its fix.
"""

from __future__ import annotations

from tracer.parse.attribution.find import find_attributions
from tracer.text import sentences


def _seen(text: str) -> list[tuple[str | None, str, str]]:
    """(source, cue, content fragments joined by " | ") of every attribution in `text`."""
    return [
        (a.source.of(text) if a.source else None, a.cue.of(text), " | ".join(f.of(text) for f in a.content))
        for a in find_attributions(text)
    ]


def test_where_when_and_how_something_was_said_is_not_its_content() -> None:
    """'spoke at the rally', 'voted on Thursday', 'spoke on condition of anonymity': settings."""
    for text, cue in (
        ("Mr. Olsen spoke at the rally in Dayton.", "spoke at"),
        ("The board voted on March 4 after a long debate.", "voted on"),
        ("An aide spoke on condition of anonymity.", "spoke on"),
    ):
        assert not any(c == cue for _, c, _ in _seen(text)), (text, _seen(text))


def test_a_topic_after_on_is_still_content() -> None:
    assert ("The board", "voted on", "the new budget") in _seen("The board voted on the new budget.")


def test_what_is_added_is_not_what_is_said() -> None:
    """'adds a new title to her list' is no statement; 'added that ...' and a quote still are."""
    assert _seen("The award adds a new title to her long list of honours.") == []
    assert ("She", "added", "that the clinic would reopen") in _seen("She added that the clinic would reopen.")


def test_a_footnote_marker_does_not_glue_two_sentences() -> None:
    """'... the flood line.2 Warren said ...': the marker ends the first sentence, and the
    speaker of the second is Warren, not 'line.2 Warren' with the first sentence as content."""
    text = "The river rose above the flood line.2 Warren said the dam would hold."
    assert _seen(text) == [("Warren", "said", "the dam would hold")]
    assert [s.of(text) for s in sentences(text)] == [
        "The river rose above the flood line.2",
        "Warren said the dam would hold.",
    ]
    assert len(sentences("He won by 3.5 Points and p.2 Warren.")) == 1  # a decimal, a page: no stop


def test_a_quotation_ending_the_statement_takes_the_words_before_it() -> None:
    """'He ... and was “a respected colleague,” the statement added.': the whole sentence before
    the cue is the statement, not only its quoted end; words with a cue of their own stay apart."""
    text = "He had worked at the mill for years and was “a respected colleague,” the statement added."
    assert ("the statement", "added", text[: text.index(" the statement")].rstrip(",")) in _seen(text)
    text = "Ms. Lane coined the phrase “quiet quitting,” her editor said."
    assert ("Ms. Lane", "coined", "the phrase “quiet quitting,”") in _seen(text)


def test_a_question_opening_the_sentence_is_what_was_asked() -> None:
    """'Asked if ..., X said ...': the question up to the comma, asked by no one named."""
    for text, question in (
        (
            "Asked if she believed the plan would work, Ms. Hale said she was not sure.",
            "if she believed the plan would work",
        ),
        ("Asked what a fair deal looks like, Dunn replied that it was far off.", "what a fair deal looks like"),
    ):
        assert (None, "Asked", question) in _seen(text), _seen(text)


def test_a_released_message_carries_what_its_participle_says() -> None:
    """'released a statement Tuesday questioning whether ...': one attribution, its cue running
    from the verb to the participle and its content the participle's; the participle's own
    reading (the statement as a source) is not made."""
    text = "The club released a statement Tuesday questioning whether the ruling was fair."
    assert _seen(text) == [("The club", "released a statement Tuesday questioning", "whether the ruling was fair")]
    text = "The firm released a report showing that sales fell."
    assert _seen(text) == [("The firm", "released a report showing", "that sales fell")]


def test_the_email_began_with_its_words() -> None:
    """'The email began: "..."' and '"...," she began' are attributions; "began" with a clause
    or an object of its own ("The trouble began when ...") is not."""
    text = 'The email began: "Dear colleagues, the lab will close on Friday."'
    assert _seen(text) == [("The email", "began", '"Dear colleagues, the lab will close on Friday."')]
    assert ("she", "began", "“We lost the vote,”") in _seen("“We lost the vote,” she began.")
    assert _seen("The trouble began when the dam cracked, officials said.") == [
        ("officials", "said", "The trouble began when the dam cracked")
    ]


def test_an_object_keeps_its_as_complement() -> None:
    """'see the mayor as most likely to ...', 'lists the population that year as 21,090': what the
    source sees or lists runs through the "as" phrase, past a time between."""
    assert ("They", "see", "the mayor as most likely to win") in _seen("They see the mayor as most likely to win.")
    text = "The agency lists the population of the town that year as 21,090."
    assert ("The agency", "lists", "the population of the town that year as 21,090") in _seen(text)


def test_a_footnote_marker_is_no_part_of_a_source_name() -> None:
    text = "The two senators lead the count, according to Iowa Starting Line.2 Warren has the most backers."
    assert ("Iowa Starting Line", "according to", "The two senators lead the count") in _seen(text)
