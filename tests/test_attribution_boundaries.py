"""Content boundaries and forms of the attribution stage, from PolNeAR train errors (issue 14).

Each sentence is written for the test in the form of an error seen on PolNeAR train (whose text
is never copied here); each case failed before its fix.
"""

from __future__ import annotations

from tracer.parse.attribution.find import find_attributions


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
