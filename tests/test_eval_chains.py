"""The chain-precision scorer (benchmarks/eval_chains.py) and its gold file.

The scorer decides the figures the README reports, so it is tested on tiny synthetic gold with a
known result: a right source (by its alias), a wrong one, an unresolved pronoun (no answer, not
wrong), a claim that is not an attribution, and a missed one.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tests.conftest import DATA, ROOT
from tracer.models import Claim, Hop, HopFlag, Source, SourceRef


def _load_scorer() -> ModuleType:
    path = ROOT / "benchmarks" / "eval_chains.py"
    spec = importlib.util.spec_from_file_location("eval_chains", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["eval_chains"] = module
    spec.loader.exec_module(module)
    return module


EVAL = _load_scorer()


def _claim(cid: str, text: str, *hops: tuple[str, str, list[str]]) -> Claim:
    chain = [Hop(source=SourceRef(id=sid, name=name), cue="said", flags=flags) for sid, name, flags in hops]
    return Claim(id=cid, text=text, start=0, end=len(text), chain=chain)


SOURCES = [
    Source(id="s1", name="Claure", aliases=["Marcelo Claure"]),
    Source(id="s2", name="Capitol Police"),
    Source(id="s3", name="he"),
]
CLAIMS = [
    _claim("c1", "WeWork needs a  more efficient organization", ("s1", "Claure", [])),
    _claim("c2", "he supported Trump and hates radical Muslims", ("s2", "Capitol Police", [])),
    _claim("c3", "“This is not that operation,”", ("s3", "he", ["unresolved_source"])),
    _claim("c4", "Fires continued to rage", ("s2", "Capitol Police", [])),
]
GOLD = [
    {"page": "p", "claim_words": "needs a more EFFICIENT", "chain": [["Marcelo Claure", "Claure's"]]},
    {"page": "p", "claim_words": "supported Trump", "chain": [["Patrick Carlineo", "Carlineo"]]},
    {"page": "p", "claim_words": "This is not that operation", "chain": [["Joshua Levy", "Levy"]]},
    {"page": "p", "claim_words": "continued to rage", "chain": [], "not_a_claim": True},
    {"page": "p", "claim_words": "Job cuts will be announced", "chain": [["Claure"]], "missed": True},
]


def test_scorer_counts_right_wrong_unresolved_not_a_claim_and_missed() -> None:
    scores = EVAL.score(EVAL.match_page(GOLD, CLAIMS, SOURCES))
    assert scores.judged == 4
    assert scores.with_source == 2  # the unresolved pronoun and the non-claim are not in the denominator
    assert scores.first_right == 1 and scores.chain_right == 1 and scores.origin_right == 1
    assert scores.unresolved == 1
    assert scores.not_a_claim == 1 and scores.not_a_claim_with_source == 1
    assert scores.missed == 1 and scores.unmatched == 0
    assert [j.gold["claim_words"] for j, _ in scores.errors] == ["supported Trump"]


def test_an_extra_hop_is_right_first_but_wrong_as_a_chain() -> None:
    claim = _claim("c1", "Dr Fauci told Today it looks like 60,000", ("a", "Dr Anthony Fauci", []), ("b", "Today", []))
    gold = [{"page": "p", "claim_words": "looks like 60,000", "chain": [["Dr Anthony Fauci", "Fauci"]]}]
    sources = [Source(id="a", name="Dr Anthony Fauci"), Source(id="b", name="Today")]
    scores = EVAL.score(EVAL.match_page(gold, [claim], sources))
    assert (scores.first_right, scores.chain_right, scores.origin_right, scores.with_source) == (1, 0, 0, 1)


def test_a_wrong_alias_counts_only_when_aliases_are_trusted() -> None:
    claim = _claim("c1", "she thought it acceptable", ("k", "Sir Keir Starmer", []))
    gold = [{"page": "p", "claim_words": "thought it acceptable", "chain": [["Lady Starmer"]]}]
    sources = [Source(id="k", name="Sir Keir Starmer", aliases=["Lady Starmer"])]
    judgements = EVAL.match_page(gold, [claim], sources)
    assert EVAL.score(judgements).first_right == 1
    assert EVAL.score(judgements, shown_only=True).first_right == 0


def test_names_match_without_the_quotes_or_possessive() -> None:
    assert EVAL.normalise_name("the Associated Press’s") == EVAL.normalise_name("Associated Press")
    assert EVAL.normalise_name("“Levy’s office”") == "levy's office"


def test_gold_loads_and_every_gold_page_exists(corpus: Path) -> None:
    items = EVAL.load_gold(DATA / "chains" / "gold.json")
    pages = {item["page"] for item in items}
    assert len(pages) == 12
    assert all((corpus / page).is_file() for page in pages)
    assert all(len(item["claim_words"].split()) <= 12 for item in items)
    assert all(isinstance(hop, list) and hop for item in items for hop in item["chain"])


def test_text_gold_covers_eighteen_new_pages_with_known_kinds(corpus: Path) -> None:
    items = EVAL.load_gold(DATA / "chains" / "gold_text.json")
    pages = {item["page"] for item in items}
    older = {item["page"] for item in EVAL.load_gold(DATA / "chains" / "gold.json")}
    assert len(pages) >= 18 and not pages & older and len(pages | older) >= 30
    assert all((corpus / page).is_file() for page in pages)
    assert {item["kind"] for item in items} <= {"statement", "stance", "noun_phrase", "embed", "link"}
    assert all(len(item["claim_words"].split()) <= 13 for item in items)  # short phrases only
    assert all(isinstance(hop, list) and hop for item in items for hop in item["chain"])


def test_fresh_gold_covers_ten_pages_no_other_gold_has(corpus: Path) -> None:
    # The honest first-run estimate only holds while its pages stay apart from the tuned ones.
    items = EVAL.load_gold(DATA / "chains" / "gold_fresh.json")
    pages = {item["page"] for item in items}
    tuned = {
        item["page"] for name in ("gold.json", "gold_text.json") for item in EVAL.load_gold(DATA / "chains" / name)
    }
    assert len(pages) >= 10 and not pages & tuned
    assert all((corpus / page).is_file() for page in pages)
    assert {item["kind"] for item in items} <= {"statement", "stance", "noun_phrase", "embed", "link"}
    assert all(isinstance(hop, list) and hop for item in items for hop in item["chain"])


# The later fresh sets and how many pages each covers: each was annotated from the text alone
# before any run, and stays an honest estimate only while no other gold holds its pages.
HELD_OUT = {
    "gold_fresh3a.json": 5,
    "gold_fresh3b.json": 5,
    "gold_fresh4a.json": 4,
    "gold_fresh4b.json": 5,
    "gold_fresh5a.json": 4,
    "gold_fresh5b.json": 1,
    "gold_fresh6a.json": 5,
    "gold_fresh6b.json": 6,
}


@pytest.mark.parametrize("name", HELD_OUT)
def test_each_later_fresh_gold_covers_pages_no_other_gold_has(corpus: Path, name: str) -> None:
    items = EVAL.load_gold(DATA / "chains" / name)
    pages = {item["page"] for item in items}
    others = {
        item["page"]
        for other in ("gold.json", "gold_text.json", "gold_fresh.json", *HELD_OUT)
        if other != name
        for item in EVAL.load_gold(DATA / "chains" / other)
    }
    assert len(pages) == HELD_OUT[name] and not pages & others
    assert all((corpus / page).is_file() for page in pages)
    assert {item["kind"] for item in items} <= {"statement", "stance", "noun_phrase", "embed", "link"}
    assert all(len(item["claim_words"].split()) <= 12 for item in items)  # short phrases only
    assert all(isinstance(hop, list) and hop for item in items for hop in item["chain"])


def test_unnamed_origins_are_pronouns_and_descriptions_without_a_name() -> None:
    assert EVAL.unnamed("he") and EVAL.unnamed("That") and EVAL.unnamed("the regional water company")
    assert EVAL.unnamed("the county's chief medical officer")
    assert not EVAL.unnamed("Eastvale Water") and not EVAL.unnamed("the Northfield Gazette")
    assert not EVAL.unnamed("a WeWork spokesperson")


def test_coverage_counts_every_gold_statement_found_or_not() -> None:
    claims = [
        _claim("c1", "the dam is leaking", ("s1", "the regional water company", [])),
        _claim("c2", "the vote was rigged", ("s2", "Ana Ruiz", []), ("s3", "Many voters", [])),
        _claim("c3", "turnout fell", ("s2", "Ana Ruiz", [])),
    ]
    sources = [Source(id="s1", name="the regional water company"), Source(id="s2", name="Ana Ruiz")]
    sources.append(Source(id="s3", name="Many voters"))
    gold = [
        {"page": "p", "claim_words": "dam is leaking", "chain": [["Eastvale Water"]]},
        {"page": "p", "claim_words": "vote was rigged", "chain": [["Ana Ruiz"]], "kind": "statement"},
        {"page": "p", "claim_words": "turnout fell", "chain": [["Ana Ruiz", "Ruiz"]]},
        {"page": "p", "claim_words": "a sham", "chain": [["Ana Ruiz"]], "kind": "stance"},
    ]
    cov = EVAL.coverage(EVAL.match_page(gold, claims, sources))
    assert (cov.statements, cov.found, cov.chain_exact, cov.origin_right) == (4, 3, 1, 1)
    assert cov.unnamed_origins == 2  # the water company (named Eastvale Water) and "Many voters"
    assert (cov.produced_hops, cov.invented_hops) == (4, 2)  # the description and "Many voters"
    assert cov.by_kind == {"statement": [3, 3], "stance": [0, 1]}


def test_categories_say_why_each_item_was_missed_or_wrong_without_printing_words(tmp_path: Path) -> None:
    # The held-out sets may only be counted, never read: each item lands in one category.
    page = tmp_path / "page.txt"
    page.write_text(
        "Tom Wu said the dam is leaking.\n\nThe mayor resigned on Friday.\n\nHe said the repairs would take a year.\n",
        encoding="utf-8",
    )
    gold = [
        {"page": "page.txt", "claim_words": "the dam is leaking", "chain": [["Tom Wu"]]},
        {"page": "page.txt", "claim_words": "the mayor resigned", "chain": [["City Hall"]]},
        {"page": "page.txt", "claim_words": "a volcano erupted", "chain": [["Tom Wu"]]},
        {"page": "page.txt", "claim_words": "repairs would take a year", "chain": [["Ana Ruiz"]]},
    ]
    counts = EVAL.categorise(EVAL.trace_pages(tmp_path, gold))
    assert counts["found: chain exact"] == 1
    assert counts["not found: no attribution over the words"] == 1
    assert counts["not found: words not in the document text"] == 1
    assert counts["found: a wrong name"] == 1  # "He" taken to be Tom Wu, not the gold's Ana Ruiz
    assert counts["first hop: a name, shown as written: right"] == 1
    assert counts["first hop: a pronoun, resolved to another name: wrong"] == 1
    assert sum(v for k, v in counts.items() if not k.startswith("first hop")) == len(gold)


def test_only_referent_flags_count_as_a_guessed_name() -> None:
    # A hop whose sentence links to a page not in the cache is no less sure of its name.
    source = SourceRef(id="s1", name="Tom Wu")
    assert EVAL.guessed(Hop(source=source, flags=[HopFlag.LIKELY_REFERENT]))
    assert EVAL.guessed(Hop(source=source, flags=[HopFlag.NAMED_AFTER]))
    assert not EVAL.guessed(Hop(source=source, flags=[HopFlag.NOT_CACHED_LINK]))
    assert not EVAL.guessed(Hop(source=source))
