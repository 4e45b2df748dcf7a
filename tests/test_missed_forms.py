"""Issue 14, claims the tracer did not find at all (the misses of gold_fresh.json, development
data): "per X" as a cue, a reported clause whose subject the parser hung on the cue verb, "found
evidence of ...", and an object before a colon with the quotation it opens. Each test fails on
the code before these fixes (8ff1ae2)."""

from __future__ import annotations

from tests.sentences import chain_of as _chain
from tests.sentences import claims_of as _claims


def test_per_names_the_source_of_the_clause_it_follows() -> None:
    claims = _claims("The film earned $40 million in its opening weekend, per The Wrap.")
    assert _chain(claims, "earned $40 million in its opening weekend") == ["The Wrap"]
    assert _chain(_claims("Per the county report, two bridges are unsafe."), "two bridges are unsafe") == [
        "the county report"
    ]


def test_per_as_a_rate_is_no_source() -> None:
    assert _claims("Gas costs $3, per gallon of regular, in the city.") == []
    assert _claims("Sales rose 4 per cent, per capita incomes fell.") == []


def test_a_clause_subject_read_as_the_hearers_object_stays_in_the_content() -> None:
    text = "Later, local residents told him parts of the aircraft were also lying scattered some 500 meters away."
    claims = _claims(text)
    assert _chain(claims, "parts of the aircraft were also lying scattered") == ["local residents"]


def test_found_evidence_of_is_a_finding_but_found_a_job_is_not() -> None:
    claims = _claims("NASA's Galileo spacecraft found evidence of an electrically conductive fluid on the moon.")
    assert _chain(claims, "evidence of an electrically conductive fluid") == ["NASA's Galileo spacecraft"]
    assert _claims("The driver found a job in the city last spring.") == []


def test_an_object_before_a_colon_and_the_quotation_are_two_claims() -> None:
    text = (
        "Zimmer also acknowledged his limitations in evaluating the situation: “This type of threat I have"
        " no ability to assess. I had no expertise to offer whatsoever.”"
    )
    claims = _claims(text)
    assert _chain(claims, "his limitations in evaluating the situation") == ["Zimmer"]
    assert _chain(claims, "This type of threat I have no ability to assess") == ["Zimmer"]
    short = "Zimmer also acknowledged his limitations: “This threat I could not assess.”"
    assert _chain(_claims(short), "his limitations") == ["Zimmer"]


def test_per_at_the_end_vouches_for_the_report_before_it() -> None:
    """'one boy revealed ..., per the Journal': the Journal reports what the boy revealed (gold.json,
    nypost page), so ", per the Journal" is no part of what he revealed and the chain has both."""
    text = (
        "Girls started asking questions, and finally, on Monday, one boy revealed what the whispering was"
        " about: the photos were fake, per the Journal."
    )
    assert _chain(_claims(text), "the photos were fake") == ["the Journal", "one boy"]
