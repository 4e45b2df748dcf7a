"""The UI's plain-Python layer: which hops can be traced, evidence marks, timeline order, search, export."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.tui.conftest import SEED_TRACE, clash_report_claim
from tracer import (
    Claim,
    Document,
    DocumentRef,
    Hop,
    InputError,
    InputItem,
    Link,
    Platform,
    Post,
    Source,
    SourceRef,
    TraceResult,
    load_results,
)
from tui.evidence import Mark, evidence_marks
from tui.library import Library, canonical, claim_for_export, hop_address, hop_document, origin_label, unique_flags
from tui.loading import expand, read_saved
from tui.search import search
from tui.timeline import NO_DATE, POST_TIME, PUBLICATION, summary, timeline

TEXT = "The mayor resigned on Monday, according to the Herald, citing officials."
#       0         1         2         3         4         5         6         7
#       0123456789012345678901234567890123456789012345678901234567890123456789012


def seed() -> TraceResult:
    [result] = load_results(SEED_TRACE.read_text(encoding="utf-8"))
    return result


def herald_hop(**changes: object) -> Hop:
    hop = Hop(
        source=SourceRef(id="s1", name="the Herald"),
        cue="according to",
        source_start=43,
        source_end=53,
        cue_start=30,
        cue_end=42,
        evidence=TEXT,
        evidence_start=0,
        evidence_end=len(TEXT),
    )
    return hop.model_copy(update=changes)


def result_with(hop: Hop, **changes: object) -> TraceResult:
    claim = Claim(id="c1", text="The mayor resigned on Monday", start=0, end=28, chain=[hop], origin=hop.source)
    result = TraceResult(
        document=Document(id="d-1", text=TEXT, published="2024-05-02"),
        claims=[claim],
        sources=[Source(id="s1", name="the Herald")],
        documents=[DocumentRef(id="d-1", published="2024-05-02")],
    )
    return result.model_copy(update=changes)


# Evidence -------------------------------------------------------------------------------


def test_evidence_marks_use_the_offsets_relative_to_the_sentence() -> None:
    hop = herald_hop()
    marks = evidence_marks(hop)
    assert [(TEXT[m.start : m.end], m.kind) for m in marks] == [("according to", "cue"), ("the Herald", "source")]


def test_evidence_marks_shift_with_the_sentence_start() -> None:
    hop = herald_hop(source_start=143, source_end=153, cue_start=None, cue_end=None, evidence_start=100)
    assert evidence_marks(hop)[-1] == Mark(43, 53, "source")


def test_evidence_marks_fall_back_to_finding_the_words_when_offsets_do_not_fit() -> None:
    hop = herald_hop(source_start=500, source_end=510, cue_start=None, cue_end=None)
    assert [(TEXT[m.start : m.end], m.kind) for m in evidence_marks(hop)] == [
        ("according to", "cue"),
        ("the Herald", "source"),
    ]


def test_evidence_marks_are_empty_rather_than_misplaced() -> None:
    hop = herald_hop(
        source=SourceRef(id="s9", name="Reuters"), source_start=None, source_end=None, cue="", cue_start=None
    )
    assert evidence_marks(hop) == []


def test_seed_evidence_marks_the_words_naming_each_source() -> None:
    claim = clash_report_claim(seed())
    for hop in claim.chain:
        [source] = [m for m in evidence_marks(hop) if m.kind == "source"]
        assert hop.source.name.split()[-1].lower() in hop.evidence[source.start : source.end].lower()


# Where a hop leads: the trail's finding, never the UI's guess ---------------------------------


def test_a_document_hop_leads_to_the_document_the_trail_followed() -> None:
    ref = DocumentRef(id="d2", url="https://herald.example/story", title="Minister quits")
    hop = herald_hop(relation="document", document_id="d2")
    result = result_with(hop)
    result.documents.append(ref)
    assert hop_document(result, hop) == ref
    assert hop_address(result, result.claims[0], hop) == "https://herald.example/story"


def test_a_link_on_the_words_naming_a_source_is_not_taken_for_where_the_hop_leads() -> None:
    # The removed matcher guessed the hop's page from a link on the source's words; the trail decides.
    hop = herald_hop()
    link = Link(url="https://herald.example/story", text="the Herald", start=43, end=53)
    result = result_with(hop, links=[link])
    assert hop_document(result, hop) is None
    assert hop_address(result, result.claims[0], hop) is None


def test_the_post_hop_leads_to_the_post_and_a_source_to_its_own_url() -> None:
    hop = herald_hop(source=SourceRef(id="s2", name="Clash Report", handle="clashreport"), relation="post")
    post = Post(id="p1", platform=Platform.TWITTER, handle="clashreport", url="https://x.com/clashreport/status/1")
    result = result_with(hop, posts=[post])
    claim = result.claims[0].model_copy(update={"post_id": "p1"})
    assert hop_address(result, claim, hop) == "https://x.com/clashreport/status/1"
    named = herald_hop(source=SourceRef(id="s1", name="the Herald", url="https://herald.example/a"))
    assert hop_address(result, claim, named) == "https://herald.example/a"


def test_flags_are_shown_once_each() -> None:
    hop = herald_hop(flags=["not_cached_post"] * 4 + ["dead_link"])
    assert unique_flags(hop) == ["not_cached_post", "dead_link"]


# Library, export, related claims ----------------------------------------------------------


def test_library_replaces_a_document_opened_twice_and_finds_it_by_url() -> None:
    library = Library()
    first = result_with(herald_hop())
    first.document.url = "https://News.example/story/#comments"
    library.add(first)
    library.add(first.model_copy(deep=True))
    assert len(library.entries) == 1
    assert library.find_url("https://news.example/story") is library.entries[0]
    assert canonical("https://news.example/story/") == canonical("https://news.example/story#x")


def test_claim_export_is_a_trace_of_its_own_with_only_what_the_claim_uses() -> None:
    result = seed()
    claim = clash_report_claim(result)
    exported = claim_for_export(result, claim)
    assert exported.claims == [claim]
    assert {s.id for s in exported.sources} == {hop.source.id for hop in claim.chain}
    assert [p.id for p in exported.posts] == [claim.post_id]
    assert exported.document == result.document
    assert TraceResult.model_validate_json(exported.model_dump_json()) == exported
    assert len(result.claims) > 1  # the original is untouched


def test_origin_label_says_why_there_is_no_origin() -> None:
    labels = {origin_label(c) for c in seed().claims}
    assert {"intelligence", "Clash Report", "hedged, no source named"} <= labels


# Timeline ----------------------------------------------------------------------------------


def test_timeline_puts_undated_hops_before_the_hops_that_cite_them() -> None:
    result = seed()
    claim = clash_report_claim(result)
    moments = timeline(result, claim)
    # The chain: article ← Clash Report (2024-12-23) ← Yonhap ← intelligence. Intelligence said it
    # before Yonhap reported it, and Yonhap before Clash Report posted it: the undated hops come first,
    # origin first, not after the dated post as if they had followed it.
    assert moments[0].source == "intelligence" and "Yonhap" in moments[1].source
    assert (moments[2].date, moments[2].basis, moments[2].source) == ("2024-12-23", POST_TIME, "Clash Report")
    assert moments[-1].event == "published" and moments[-1].basis == NO_DATE
    assert summary(result, claim) == (
        "Earliest date: 2024-12-23, Clash Report (post time). The origin, intelligence, has no date."
    )


def test_timeline_uses_the_publication_date_of_the_article() -> None:
    result = result_with(herald_hop(date="2024-05-01", relation="attribution"))
    moments = timeline(result, result.claims[0])
    assert [(m.date, m.basis, m.event) for m in moments] == [
        ("2024-05-01", "date in text", "according to"),
        ("2024-05-02", PUBLICATION, "published"),
    ]


# Search ------------------------------------------------------------------------------------


def test_search_matches_every_word_in_claims_and_their_sources() -> None:
    library = Library()
    library.add(seed())
    claim = clash_report_claim(seed())
    hits = search(library, "YONHAP kamikaze")
    assert [(h.kind, h.claim_id) for h in hits] == [("claim", claim.id)]
    sources = [h for h in search(library, "clash report") if h.kind == "source"]
    assert [h.label for h in sources] == ["Clash Report"] and "cited in 2 claims" in sources[0].detail
    assert search(library, "   ") == []


# Loading -------------------------------------------------------------------------------------


def test_expand_adds_saved_traces_in_folders(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text("<p>x</p>")
    (tmp_path / "b.jsonl").write_text("")
    (tmp_path / "notes.csv").write_text("")
    assert expand([str(tmp_path)]) == [
        InputItem("file", str(tmp_path / "a.html")),
        InputItem("file", str(tmp_path / "b.jsonl")),
    ]


def test_reading_something_that_is_not_a_trace_is_an_input_error(tmp_path: Path) -> None:
    junk = tmp_path / "junk.json"
    junk.write_text('{"hello": "world"}')
    with pytest.raises(InputError, match="not a saved trace"):
        read_saved(junk)
    with pytest.raises(InputError, match="cannot read"):
        read_saved(tmp_path / "absent.json")


def test_library_finds_a_page_by_the_url_that_was_traced_after_a_redirect() -> None:
    library = Library()
    result = result_with(herald_hop())
    result.document.url = "https://news.example/final"
    library.add(result, url="https://news.example/old-link")
    assert library.find_url("https://news.example/old-link") is library.entries[0]
    assert library.find_url("https://news.example/other") is None


def test_library_lists_documents_in_input_order_whatever_order_they_finish_in() -> None:
    library = Library()
    for rank, doc_id in [(2, "d-c"), (0, "d-a"), (1, "d-b")]:
        library.add(TraceResult(document=Document(id=doc_id)), rank=rank)
    assert [e.key for e in library.entries] == ["d-a", "d-b", "d-c"]
    library.add(TraceResult(document=Document(id="d-d")))  # no rank: after the others
    assert library.entries[-1].key == "d-d"


def test_every_visit_status_has_a_mark_of_its_own() -> None:
    from tracer import VisitStatus
    from tui.widgets.chain_tree import VISIT_MARKS

    assert set(VISIT_MARKS) == set(VisitStatus)
    assert len(set(VISIT_MARKS.values())) == len(VISIT_MARKS)  # told apart without colour
