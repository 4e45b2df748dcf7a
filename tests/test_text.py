"""Sentence splitting and URLs written in text."""

from __future__ import annotations

from tracer.text import find_urls, sentences


def test_sentences_respect_abbreviations_and_initials() -> None:
    text = "Mr. Trump met Gen. Lee in Washington, D.C. on Monday. J. Smith said it went well. Then they left!"
    got = [s.of(text) for s in sentences(text)]
    assert got == [
        "Mr. Trump met Gen. Lee in Washington, D.C. on Monday.",
        "J. Smith said it went well.",
        "Then they left!",
    ]


def test_sentences_end_after_closing_quotes_and_at_line_breaks() -> None:
    text = "“We are ready.” The minister left.\nA new paragraph"
    assert [s.of(text) for s in sentences(text)] == ["“We are ready.”", "The minister left.", "A new paragraph"]


def test_find_urls_trims_punctuation_and_ignores_emails() -> None:
    text = "Read https://example.com/a_(b). Or www.bbc.co.uk/news, mail me@example.com, not file.txt."
    assert [url for _, url in find_urls(text)] == ["https://example.com/a_(b)", "https://www.bbc.co.uk/news"]


def test_an_abbreviated_title_of_rank_does_not_end_the_sentence() -> None:
    """'LAPD Asst. Chief Earl Paysinger' was cut after 'Asst.' (gold_fresh), splitting a sentence
    vouched for by 'according to interviews' in two."""
    text = "The call included LAPD Asst. Chief Earl Paysinger and Associate Supt. Ada Ray, according to interviews. It ended."
    assert [s.of(text) for s in sentences(text)] == [text[: text.index(" It")], "It ended."]
