"""Every hop relation, status and flag, every visit reason and status, and how each document was
reached, as the trail writes them, is a member of its StrEnum in `tracer.models` — in memory (no
bare string assigned after validation) and after a round trip through JSON — on the local web's
trails. The schema lists each vocabulary's values, and a result naming any other is refused."""

from __future__ import annotations

import json
from collections.abc import Iterator
from enum import StrEnum

import pytest
from pydantic import ValidationError

from tests.web.server import Web
from tests.web.tracing import ROOTS, fetch_options, trace, trail_options
from tracer.export.json_io import load_results, schema_json, to_json
from tracer.models import DocumentVia, HopFlag, HopRelation, HopStatus, TraceResult, VisitReason, VisitStatus
from tracer.read.inputs import InputItem
from tracer.run.batch import trace_one
from tracer.web.fetch import Fetcher


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> Iterator[list[TraceResult]]:
    """The three trails with and without the archive, the embedded post, a depth limit, and a page
    whose own-voice sentences lean on an embedded post and on a link (relations embed and link)."""
    cache = tmp_path_factory.mktemp("cache")
    with Web() as web:
        found = [
            trace(web, root, cache / f"{root}-{archive}", archive=archive)[0]
            for root in ROOTS
            for archive in (False, True)
        ]
        found.append(trace(web, "orren", cache / "shallow", depth=1)[0])
        with Fetcher(fetch_options(cache / "embed")) as fetcher:
            for page in ("/posts/orren-embed", "/posts/orren-summary"):  # the summary: own-voice embed and link
                item = InputItem("url", web.url("harbourwatch", page))
                found.append(trace_one(item, fetcher, trail=trail_options(web, depth=3)))
        yield found


def _values(results: list[TraceResult]) -> Iterator[tuple[type[StrEnum], object]]:
    for result in results:
        for claim in result.claims:
            for hop in claim.chain:
                yield HopRelation, hop.relation
                if hop.status is not None:
                    yield HopStatus, hop.status
                for flag in hop.flags:
                    yield HopFlag, flag
            for visit in claim.visits:
                yield VisitReason, visit.reason
                yield VisitStatus, visit.status
        for ref in result.documents:
            if ref.via is not None:
                yield DocumentVia, ref.via


def test_every_value_in_use_is_a_member_of_its_enum(results: list[TraceResult]) -> None:
    wrong = [(vocabulary.__name__, value) for vocabulary, value in _values(results) if type(value) is not vocabulary]
    assert wrong == []
    reloaded = [TraceResult.model_validate_json(r.model_dump_json()) for r in results]
    assert reloaded == results  # the strings written are the members' values, read back as members


def test_the_trails_exercise_the_vocabularies(results: list[TraceResult]) -> None:
    seen = {(vocabulary, str(value)) for vocabulary, value in _values(results)}
    assert {relation for vocabulary, relation in seen if vocabulary is HopRelation} == set(HopRelation)
    assert {status for vocabulary, status in seen if vocabulary is HopStatus} >= {"ok", "archived", "dead"}
    assert {reason for vocabulary, reason in seen if vocabulary is VisitReason} >= {
        "sentence_link",
        "next_sentence_link",
        "post",
    }
    assert {status for vocabulary, status in seen if vocabulary is VisitStatus} >= {
        "matched",
        "no_match",
        "cycle",
        "dead",
        "blocked",
        "limit",
    }
    assert {flag for vocabulary, flag in seen if vocabulary is HopFlag} >= {
        "archived_copy",
        "published_after_citing",
        "dead_post",
        "dead_link",
    }
    assert {via for vocabulary, via in seen if vocabulary is DocumentVia} == set(DocumentVia)


def test_the_schema_names_every_flag_and_way_of_reaching_a_document() -> None:
    """`tracer schema` lists the allowed values, so a consumer can check them without the code."""
    schema = json.loads(schema_json())
    assert schema["$defs"]["HopFlag"]["enum"] == [flag.value for flag in HopFlag]
    assert schema["$defs"]["DocumentVia"]["enum"] == ["link", "post", "archive"]
    assert schema["$defs"]["Hop"]["properties"]["flags"]["items"] == {"$ref": "#/$defs/HopFlag"}
    assert {"$ref": "#/$defs/DocumentVia"} in schema["$defs"]["DocumentRef"]["properties"]["via"]["anyOf"]


@pytest.mark.parametrize(
    ("written", "unknown"), [('"flags":["dead_link"]', "gone_link"), ('"via":"link"', "email")], ids=["flag", "via"]
)
def test_a_result_naming_an_unknown_flag_or_way_is_refused_when_read_back(
    results: list[TraceResult], written: str, unknown: str
) -> None:
    text = next(line for line in (to_json(r, indent=None) for r in results) if written in line)
    assert load_results(text)  # as written, it reads back
    known = written.split(":")[1].strip('[]"')
    with pytest.raises(ValidationError, match=f"type=enum, input_value='{unknown}'"):
        load_results(text.replace(written, written.replace(known, unknown), 1))
