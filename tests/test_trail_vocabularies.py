"""Every hop relation and status, and every visit reason and status, the trail writes is a member
of its StrEnum in `tracer.models` — in memory (no bare string assigned after validation) and
after a round trip through JSON — on the local web's trails."""

from __future__ import annotations

from collections.abc import Iterator
from enum import StrEnum

import pytest

from tests.web.server import Web
from tests.web.tracing import ROOTS, fetch_options, trace, trail_options
from tracer.models import HopRelation, HopStatus, TraceResult, VisitReason, VisitStatus
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
            for visit in claim.visits:
                yield VisitReason, visit.reason
                yield VisitStatus, visit.status


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
