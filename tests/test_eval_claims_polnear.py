"""The PolNeAR claim scorer (benchmarks/eval_claims_polnear.py) on a tiny invented article.

The scorer decides the figures the README reports, so it runs here on an article written for the
test (no PolNeAR text is ever committed), its brat annotation and a `tracer trace`-shaped result
with a known answer for each measure: a relation left out for its Discuss flag and one with no
source, a quotation covered only by its per-sentence claims, a right, a wrong and a same-name
first hop, a pronoun source the tracer names, a claim with no annotation under it, and later hops
that are a marked source, a nested speaker and an invented one.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.conftest import ROOT


def _load_scorer() -> ModuleType:
    path = ROOT / "benchmarks" / "eval_claims_polnear.py"
    spec = importlib.util.spec_from_file_location("eval_claims_polnear", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["eval_claims_polnear"] = module
    spec.loader.exec_module(module)
    return module


EVAL = _load_scorer()
from polnear import GoldDocument, parse_ann, parse_flags  # noqa: E402  (on the path the scorer sets)

TEXT = (
    "Senator Jane Roe said engineers told her the bridge will close in May. "
    '"It is unsafe. It must be rebuilt. Nobody should cross it," she said. '
    "Officials warned that tolls would rise, according to the Daily Post. "
    "The mayor has faced criticism. "
    "Mark Lee wrote that the vote was rigged. "
    "Roe added that repairs would cost $5 million. "
    "Residents want a new bridge. "
    "Read more here."
)


def _at(words: str, after: int = 0) -> tuple[int, int]:
    start = TEXT.index(words, after)
    return start, start + len(words)


def _ann() -> str:
    """A brat file as PolNeAR writes them: spans (T), events (E) and flags."""
    relations = [  # (label, sentence opening, source, cue, content)
        ("Attribution", "Senator", "Senator Jane Roe", "said", "engineers told her the bridge will close in May"),
        ("Attribution", '"It is', "she", "said", '"It is unsafe. It must be rebuilt. Nobody should cross it,"'),
        ("Attribution", "Officials", "the Daily Post", "according to", "Officials warned that tolls would rise"),
        ("Attribution-no-source", "The mayor", None, "has faced criticism", "The mayor"),
        ("Attribution", "Mark Lee", "Mark Lee", "wrote", "the vote was rigged"),
        ("Attribution", "Roe added", "Roe", "added", "repairs would cost $5 million"),
        ("Attribution", "Residents", "Residents", "want", "a new bridge"),
    ]
    lines: list[str] = []
    for e, (label, opening, source, cue, content) in enumerate(relations, start=1):
        roles = []
        for role, words in (("Source", source), ("Cue", cue), ("Content", content), (label, cue)):
            if words is not None:
                start, end = _at(words, TEXT.index(opening))
                lines.append(f"T{len(lines) + 1}\t{role} {start} {end}\t{words}")
                roles.append(f"{role}:T{len(lines)}")
        lines.append(f"E{e}\t{roles[-1]} " + " ".join(roles[:-1]))
    for flag, words in (("Discuss", "Officials warned"), ("Discard", "Read more here.")):
        start, end = _at(words)
        lines.append(f"T{len(lines) + 1}\t{flag} {start} {end}\t{words}")
    return "\n".join(lines) + "\n"


def _hop(name: str, mention: str | None = None, after: int = 0, flags: list[str] | None = None) -> dict[str, Any]:
    span = _at(mention, after) if mention else (None, None)
    return {
        "source": {"id": name, "name": name, "kind": "person"},
        "source_start": span[0],
        "source_end": span[1],
        "relation": "attribution",
        "flags": flags or [],
        "document_id": "d1",
    }


def _claim(cid: str, words: str, *chain: dict[str, Any]) -> dict[str, Any]:
    start, end = _at(words)
    return {"id": cid, "text": words, "start": start, "end": end, "kind": "statement", "chain": list(chain)}


RESULT = {
    "document": {"id": "d1", "path": "/x/article.txt", "text": TEXT},
    "sources": [{"id": "Jane Roe", "name": "Jane Roe", "aliases": ["Senator Jane Roe"]}],
    "claims": [
        # the nested speaker "engineers" is no marked source: PolNeAR marks the outermost only
        _claim(
            "c1", "the bridge will close in May", _hop("Jane Roe", "Senator Jane Roe"), _hop("engineers", "engineers")
        ),
        # one claim per sentence of the quotation: neither holds half of it, together they do
        _claim("c2", "It is unsafe.", _hop("Jane Roe", "she", TEXT.index("she said"))),
        _claim("c3", "It must be rebuilt.", _hop("Jane Roe", "she", TEXT.index("she said"))),
        # a wrong first hop, and a later hop naming no one PolNeAR marks
        _claim("c4", "the vote was rigged", _hop("Jane Roe", "Senator Jane Roe"), _hop("Bob Smith")),
        # the right source by name, its mention elsewhere; a later hop PolNeAR marks as a source
        _claim("c5", "repairs would cost $5 million", _hop("Jane Roe"), _hop("the Daily Post")),
        # no annotated content under it
        _claim("c6", "Read more here", _hop("Kicker", "Read")),
    ],
}


@pytest.fixture
def doc() -> Any:
    ann = _ann()
    return GoldDocument("article", TEXT, parse_ann(ann), parse_flags(ann))


def test_labels_and_flags_are_read(doc: Any) -> None:
    assert [r.label for r in doc.relations].count("Attribution-no-source") == 1
    assert [flag for flag, _ in doc.flags] == ["Discuss", "Discard"]


def test_traced_relations_leave_out_no_source_and_flagged_ones(doc: Any) -> None:
    sources = [TEXT[r.source[0][0] : r.source[0][1]] for r in EVAL.traced(doc)]
    assert sources == ["Senator Jane Roe", "she", "Mark Lee", "Roe", "Residents"]


def test_a_quotation_split_into_claims_is_covered_and_a_single_long_claim_counts_alone(doc: Any) -> None:
    words = EVAL.Words(TEXT)
    quote = next(r for r in doc.relations if TEXT[r.source[0][0] : r.source[0][1]] == "she")
    share, best = EVAL.coverage(words, quote.content, RESULT["claims"])
    assert share == pytest.approx(7 / 11) and best["id"] == "c3"
    one = [c for c in RESULT["claims"] if c["id"] == "c3"]
    assert EVAL.coverage(words, quote.content, one)[0] == pytest.approx(4 / 11)


def test_source_forms() -> None:
    assert EVAL.source_form("she", TEXT, TEXT.index("she said")) == "pronoun"
    assert EVAL.source_form("Mark Lee", TEXT, TEXT.index("Mark Lee")) == "name"
    assert EVAL.source_form("the president", "") == "description"
    # a sentence's first word written in lower case elsewhere is no name; a surname is
    text = "Officials said so. Other officials agreed. Roe said so, Roe added."
    assert EVAL.source_form("Officials", text, 0) == "description"
    assert EVAL.source_form("Roe", text, text.index("Roe")) == "name"


def test_figures(doc: Any) -> None:
    tally = EVAL.Tally()
    EVAL.score_document(doc, RESULT, tally)
    r = EVAL.rates(tally)
    assert (r["traced_relations"], r["claim_recall"]["covered"]) == (5, 4)
    assert r["claim_recall_by_cue"]["attribution-only cue"] == {"covered": 0, "of": 1}  # "want"
    assert r["first_hop_named"] == {"of": 3, "same mention": 1, "same name": 1, "other source": 1}
    other = r["first_hop_pronoun_or_description"]
    assert (other["of"], other["annotated pronoun"], other["shown name"], other["at the mention"]) == (1, 1, 1, 1)
    assert r["claims_without_polnear_content"]["none"] == 1 and r["claims"]["of"] == 6
    assert r["later_hops"] == {"of": 3, "marked": 1, "nested": 1, "invented": 1}
    table = "\n".join(EVAL.table("dev", r))
    assert "2/3 = 66.7%" in table and "4/5 = 80.0%" in table


def test_disagreements_list_only_the_wrong_named_first_hop(doc: Any) -> None:
    lines = EVAL.disagreements(doc, RESULT)
    assert len(lines) == 1 and "other source" in lines[0]
    assert "annotated 'Mark Lee'" in lines[0] and "first hop 'Jane Roe'" in lines[0]


def test_missed_lists_only_uncovered_claim_cue_relations(doc: Any) -> None:
    """--show-missed: "want" (an attribution-only cue) is never listed; "added" is once no claim covers it."""
    assert list(EVAL.missed(doc, RESULT)) == []
    without = {**RESULT, "claims": [c for c in RESULT["claims"] if c["id"] != "c5"]}
    (line,) = EVAL.missed(doc, without)
    assert line.split("\t")[:2] == ["article", "added"] and "repairs would cost $5 million" in line


def test_results_are_matched_by_file_name_and_text(doc: Any) -> None:
    assert EVAL.match([doc], [RESULT]) == [RESULT]
    other = {**RESULT, "document": {**RESULT["document"], "text": TEXT + " "}}
    with pytest.raises(SystemExit, match="differs"):
        EVAL.match([doc], [other])


def test_the_test_split_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        EVAL.main(["/nonexistent", "--split", "test"])
    assert "never used" in capsys.readouterr().err


@pytest.mark.parametrize("extra", [[], ["--from-trace", "/nonexistent/trace.jsonl"]])
def test_a_missing_split_or_trace_file_is_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], extra: list[str]
) -> None:
    """A wrong path ends with usage and one error line (exit 2), not a traceback."""
    root = tmp_path if extra else tmp_path / "missing"
    (tmp_path / "data" / "dev" / "text").mkdir(parents=True)
    with pytest.raises(SystemExit) as exit_:
        EVAL.main([str(root), "--split", "dev", *extra])
    err = capsys.readouterr().err
    assert exit_.value.code == 2 and "Traceback" not in err
    assert ("trace.jsonl" if extra else "no PolNeAR split") in err
