"""`tracer summary`: the counts a researcher asks first, as a table and as JSON."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from tests.conftest import SEED
from tests.test_batch import make_corpus
from tracer import cli


@pytest.fixture
def traces(tmp_path: Path) -> Path:
    pages = tmp_path / "pages"
    make_corpus(pages, 3)
    out = tmp_path / "traces.jsonl"
    code = cli.main(["trace", str(pages), str(SEED), str(tmp_path / "missing.html"), "--offline", "-q", "-o", str(out)])
    assert code == 1  # one input missing
    return out


def test_summary_json_counts_what_the_records_hold(traces: Path, capsys: pytest.CaptureFixture[str]) -> None:
    records = [json.loads(line) for line in traces.read_text().splitlines()]
    capsys.readouterr()
    assert cli.main(["summary", str(traces), "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    claims = [c for r in records for c in r["claims"]]
    assert summary["inputs"] == 5 and summary["failed"] == 1 and summary["traced"] == 4
    assert summary["failures"] == {"InputNotFoundError": 1}
    assert summary["claims"] == len(claims) > 0
    pronouns = {
        "he",
        "she",
        "it",
        "they",
        "i",
        "we",
        "him",
        "her",
        "them",
        "me",
        "us",
        "his",
        "its",
        "their",
        "my",
        "our",
    }
    named = [
        c["origin"]["name"]
        for c in claims
        if c["origin"]
        and c["origin"]["kind"] not in ("anonymous", "unnamed")
        and c["origin"]["name"].lower() not in pronouns
    ]
    assert summary["named_origin"] == len(named)
    assert summary["origins"][0] == {
        "name": Counter(named).most_common(1)[0][0],
        "claims": Counter(named).most_common(1)[0][1],
    }
    assert sum(summary["hops"].values()) == len(claims)
    assert summary["platforms"] == dict(Counter(p["platform"] for r in records for p in r["posts"]))
    domains = Counter(link["url"].split("/")[2].removeprefix("www.") for r in records for link in r["links"])
    assert summary["domains"][0]["links"] == domains.most_common(1)[0][1]


def test_summary_table_in_the_terminal(traces: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert cli.main(["summary", str(traces), "-v"]) == 0
    out = capsys.readouterr().out
    for heading in ("inputs", "claims with a named origin", "top origins", "hops per chain", "posts per platform"):
        assert heading in out
    assert "InputNotFoundError" in out


def test_summary_of_a_missing_file_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["summary", str(tmp_path / "none.jsonl")]) == 2
    assert capsys.readouterr().err.startswith("tracer: error: cannot read")
