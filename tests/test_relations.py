"""`attributions[]` (every attribution relation, claim or not) and `Claim.kind` in the JSON contract."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import SEED
from tracer import load_results, schema_json, to_json
from tracer.models import AttributionRelation, ClaimKind, CueClass, TraceResult
from tracer.read.document import read_text
from tracer.trail.trace import trace_article


@pytest.fixture(scope="module")
def seed() -> TraceResult:
    return trace_article(read_text(SEED.read_bytes(), path=str(SEED)))


def _trace(text: str) -> TraceResult:
    return trace_article(read_text(text))


def test_every_span_of_every_relation_points_at_its_words(seed: TraceResult) -> None:
    text = seed.document.text
    assert seed.attributions
    for rel in seed.attributions:
        spans = [rel.cue, *rel.content, *([rel.source] if rel.source else [])]
        assert all(text[s.start : s.end] == s.text for s in spans), rel.id


def test_ids_are_in_text_order_and_claim_ids_name_real_claims(seed: TraceResult) -> None:
    assert [r.id for r in seed.attributions] == [f"a{i}" for i in range(1, len(seed.attributions) + 1)]
    assert [r.cue.start for r in seed.attributions] == sorted(r.cue.start for r in seed.attributions)
    claims = {c.id for c in seed.claims}
    assert all(set(r.claim_ids) <= claims for r in seed.attributions)


def test_every_claim_with_an_attributed_hop_is_some_relations_claim(seed: TraceResult) -> None:
    linked = {cid for r in seed.attributions for cid in r.claim_ids}
    attributed = {c.id for c in seed.claims if any(h.relation == "attribution" for h in c.chain) or c.hedged}
    assert attributed <= linked


def test_stances_and_intentions_are_relations_but_not_claims() -> None:
    result = _trace("The senator endorsed the governor. The mayor wants to rebuild the bridge.")
    assert result.claims == []
    by_cue = {r.cue.text: r for r in result.attributions}
    assert by_cue["endorsed"].cls is CueClass.STANCE and by_cue["endorsed"].source is not None
    assert by_cue["endorsed"].source.text == "The senator" and by_cue["endorsed"].claim_ids == []
    assert by_cue["wants"].cls is CueClass.INTENT


def test_a_nested_relation_and_its_citation_are_listed_and_marked() -> None:
    result = _trace("The agency said the officer was killed, according to Lee Min-ho, a lawmaker.")
    claim = next(c for c in result.claims if "the officer was killed" in c.text)
    said = next(r for r in result.attributions if r.cue.text == "said")
    according = next(r for r in result.attributions if r.cue.text == "according to")
    assert said.nested and not according.nested
    assert claim.id in said.claim_ids and claim.id in according.claim_ids
    cited = _trace("The refinery was shut, according to Reuters, citing two industry sources.")
    citing = next(r for r in cited.attributions if r.form == "citing")
    assert citing.cue.text == "citing" and citing.source is not None and citing.source.text == "Reuters"
    assert [f.text for f in citing.content] == ["two industry sources"]


def test_a_hedge_is_a_relation_without_a_source() -> None:
    result = _trace("The president reportedly left the capital on Sunday.")
    hedge = next(r for r in result.attributions if r.cls is CueClass.HEDGE)
    assert hedge.source is None and hedge.claim_ids == [result.claims[0].id]


def test_class_is_written_as_class_and_reads_back(seed: TraceResult) -> None:
    data = json.loads(to_json(seed))
    assert {"id", "source", "cue", "content", "class", "form", "claim_ids"} <= set(data["attributions"][0])
    assert "cls" not in data["attributions"][0]
    kinds = {c["text"][:40]: c["kind"] for c in data["claims"] if c["kind"] != "statement"}
    assert kinds == {
        "a surprisingly high figure regarding Nor": "noun_phrase",  # "... issued a surprisingly high figure"
        "the Kim Jong Un regime of sending suicid": "stance",  # "South Korea's military has also ... accused"
        "the presence of foreign partner forces i": "stance",  # "The Kremlin has defended ..." (a state of affairs)
    }
    back = load_results(to_json(seed))[0]
    assert back.attributions == seed.attributions and back.claims == seed.claims
    assert AttributionRelation.model_validate(data["attributions"][0]).cls is seed.attributions[0].cls


def test_schema_lists_attributions_class_and_claim_kind() -> None:
    schema = json.loads(schema_json())
    assert "attributions" in schema["properties"]
    relation = schema["$defs"]["AttributionRelation"]["properties"]
    assert "class" in relation and "cls" not in relation
    assert set(schema["$defs"]["ClaimKind"]["enum"]) == {k.value for k in ClaimKind}
    assert set(schema["$defs"]["CueClass"]["enum"]) == {c.value for c in CueClass}


def test_the_cli_prints_attributions() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "tracer", "trace", str(SEED), "--offline", "--depth", "0", "--compact"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    data = json.loads(out)
    assert data["attributions"] and all(isinstance(r["claim_ids"], list) for r in data["attributions"])


def test_every_cue_class_the_lexicon_uses_is_in_the_enum() -> None:
    from tracer.parse.attribution.cues import lexicon

    classes = {v.cls for v in lexicon().verbs.values()}
    assert classes <= {c.value for c in CueClass}


def test_a_relations_cue_is_its_whole_verb_group_while_the_hop_keeps_the_verb() -> None:
    """PolNeAR marks "has repeatedly said", "did not deny" as the cue (issue 14, cue exact); the
    claim's hop still names the verb, and the relation still lists the claim it serves."""
    result = _trace(
        "The harbour master has repeatedly said the old pier is unsafe. The ferry firm did not deny the delays."
    )
    cues = {r.cue.text for r in result.attributions}
    assert {"has repeatedly said", "did not deny"} <= cues
    said = next(r for r in result.attributions if r.cue.text == "has repeatedly said")
    claim = next(c for c in result.claims if "the old pier is unsafe" in c.text)
    assert said.claim_ids == [claim.id]
    assert claim.chain[0].cue == "said"
