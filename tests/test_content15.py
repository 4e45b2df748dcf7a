"""content15: gold statements no claim held whole, two causes in the tracer and three in the scorer.

A gold item is found when one produced claim holds all its words. Of the 63 dev items counted as
"a claim overlaps but does not hold all the words" or "an attribution over the words made no
claim", 35 were no miss of a claim (all 21 of gold.json: items marked `not_a_claim` or `missed`;
and 14 words a claim held whole after an earlier gold item took it), so the scorer now tells them
apart. Two tracer causes recurred on PolNeAR train: 'took issue with X' made no claim (a rejection,
as 'disputed X' is; not when X holds a proposition, someone else's), and 'admit' with people as its object (letting them in) was a nested
noun-phrase claim that cut the words of the attribution around it. Invented sentences.
"""

from __future__ import annotations

from pathlib import Path

from tests.sentences import chain_of as _chain
from tests.sentences import claims_of as _claims
from tests.test_eval_chains import EVAL
from tracer.models import ClaimKind
from tracer.parse.attribution.spans import Attribution
from tracer.parse.claims.kinds import claim_kind
from tracer.text import Span


def test_took_issue_with_is_a_stance_claim() -> None:
    claims = _claims("Mayor Ann Lee took issue with the council's handling of the bridge repairs.")
    claim = next(c for c in claims if "handling of the bridge repairs" in c.text)
    assert claim.kind.value == "stance"
    assert [h.source.name for h in claim.chain] == ["Mayor Ann Lee"]


def test_guard_took_issue_with_a_proposition_makes_no_claim_of_it() -> None:
    """Guard (source12_forms.json): the assumption is someone else's, not the mayor's."""
    claims = _claims("Mayor Ann Lee took issue with the assumption that the council will back the plan.")
    assert not any("council will back" in c.text for c in claims)


def test_admitting_people_is_no_claim_and_leaves_the_outer_words_whole() -> None:
    text = "According to the ministry, the country has admitted more than 200,000 refugees since May."
    claims = _claims(text)
    assert _chain(claims, "the country has admitted more than 200,000 refugees") == ["the ministry"]
    assert not any(c.text.startswith("more than 200,000") for c in claims)


def test_admitting_a_counted_people_read_as_a_clause_is_no_claim() -> None:
    """On the gold_text page the parser read the counted object as a clause; a number or a
    quantity word opening it is read as people let in all the same (the relation as found there,
    spans over an invented sentence)."""
    text = "the country had admitted more than 2.1 million Afghan refugees"
    cue = Span(text.index("admitted"), text.index("admitted") + len("admitted"))
    found = Attribution(
        source=Span(0, len("the country")),
        cue=cue,
        content=(Span(text.index("more"), len(text)),),
        sentence=Span(0, len(text)),
        lemma="admit",
        kind="clause",
    )
    assert claim_kind(found, text) is None
    said = Attribution(
        source=found.source,
        cue=cue,
        content=(Span(text.index("Afghan"), len(text)),),
        sentence=found.sentence,
        lemma="admit",
        kind="clause",
    )
    assert claim_kind(said, text) == ClaimKind.STATEMENT  # no count: a clause read as said


def test_guard_admitting_a_clause_about_people_is_still_a_claim() -> None:
    """Guard: a clause after 'admitted' is a confession even when it ends on people."""
    claims = _claims("The official admitted he had misled the refugees about the rules.")
    assert _chain(claims, "he had misled the refugees") == ["The official"]


def test_admitting_a_capitalised_people_is_no_claim() -> None:
    claims = _claims("The senator said the agency admitted 5,000 Ukrainians last year.")
    assert not any(c.text.startswith("5,000 Ukrainians") for c in claims)


def test_guard_admitting_a_fault_is_still_a_claim() -> None:
    """Guard: 'admitted wrongdoing' is a confession, no letting in."""
    claims = _claims("The director admitted serious mistakes in the handling of the case.")
    assert _chain(claims, "serious mistakes") == ["The director"]


def _page(tmp_path: Path, text: str) -> None:
    (tmp_path / "page.txt").write_text(text, encoding="utf-8")


def test_categories_tell_gold_non_claims_and_missed_items_apart(tmp_path: Path) -> None:
    _page(tmp_path, "Tom Wu said the dam is leaking.\n\nShe agreed to repay the loan.\n")
    gold = [
        {"page": "page.txt", "claim_words": "to repay the loan", "chain": [], "not_a_claim": True},
        {"page": "page.txt", "claim_words": "the dam is leaking", "chain": [["Tom Wu"]], "missed": True},
    ]
    counts = EVAL.categorise(EVAL.trace_pages(tmp_path, gold))
    assert counts["not found: not a claim in the older gold (rightly none made)"] == 1
    assert counts["not found: marked missed in the older gold (never matched, left out of coverage)"] == 1


def test_categories_tell_a_claim_taken_by_an_earlier_item_from_a_cut_claim(tmp_path: Path) -> None:
    _page(tmp_path, "Tom Wu said the dam is leaking and the road is closed.\n")
    gold = [
        {"page": "page.txt", "claim_words": "the dam is leaking", "chain": [["Tom Wu"]]},
        {"page": "page.txt", "claim_words": "the road is closed", "chain": [["Tom Wu"]]},
    ]
    counts = EVAL.categorise(EVAL.trace_pages(tmp_path, gold))
    assert counts["found: chain exact"] == 1
    assert counts["not found: a claim holds the words but an earlier gold item took it"] == 1
