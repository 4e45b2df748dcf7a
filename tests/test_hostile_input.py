"""Hostile and odd input that once crashed, hung or lost results (issue 20): each test fails on
the code before its fix."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tracer import cli
from tracer.export.json_io import to_json
from tracer.models import Document, TraceResult
from tracer.read.document import read_html, read_text
from tracer.read.inputs import InputItem
from tracer.run import batch
from tracer.run.batch import trace_many
from tracer.text import clean_json, clean_text
from tracer.trail.trace import trace_article

CUE = "The mayor said the bridge would reopen, according to the council."


def test_clean_text_replaces_lone_surrogates_and_joins_pairs() -> None:
    assert clean_text("a\ud969b") == "a\ufffdb"
    assert clean_text("\ud83d\ude00!") == "\U0001f600!"
    assert clean_text("plain") == "plain"
    assert clean_json({"k\udc00": ["\ud800", {"x": "\udfff"}], "n": 1}) == {
        "k\ufffd": ["\ufffd", {"x": "\ufffd"}],
        "n": 1,
    }


@pytest.mark.parametrize("text", ["\ud969", f"\ud969 {CUE}", f"{CUE} \ud83d more"])
def test_lone_surrogates_never_reach_the_models_or_the_output(text: str) -> None:
    result = trace_article(read_text(text), input_label="x")
    assert "\ufffd" in json.loads(to_json(result))["document"]["text"]


def test_json_ld_surrogates_and_entities_in_titles() -> None:
    page = (
        '<html><head><script type="application/ld+json">{"@type": "NewsArticle", '
        '"headline": "Mayor calls plan &#8216;illogical&#8217; \\ud83d"}</script></head>'
        f"<body><article><p>{CUE}</p></article></body></html>"
    )
    result = trace_article(read_html(page.encode()), input_label="x")
    assert json.loads(to_json(result))["document"]["title"] == "Mayor calls plan \u2018illogical\u2019 \ufffd"


def test_an_unwritable_result_is_a_failed_result_not_a_lost_batch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = tmp_path / "good.txt"
    good.write_text(CUE, encoding="utf-8")
    real = batch.trace_one

    def poisoned(item: InputItem, *args: object, **kwargs: object) -> TraceResult:
        if item.value.endswith("bad.txt"):  # a value no writer accepts, from some future bug
            return TraceResult(input="bad", document=Document(id="d", text="\ud800"))
        return real(item, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(batch, "trace_one", poisoned)
    items = [InputItem("file", str(tmp_path / "bad.txt")), InputItem("file", str(good))]
    first, second = trace_many(items)
    assert first.errors and first.errors[0].type == "InternalError"
    assert not second.errors
    to_json(first)


def test_non_utf8_file_name_in_a_batch(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(CUE, encoding="utf-8")
    (folder / os.fsdecode(b"caf\xe9.txt")).write_text(CUE, encoding="utf-8")
    assert cli.main(["trace", str(folder), "-q"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(lines) == 2 and "caf\ufffd.txt" in lines[1]["input"]


def test_output_file_survives_a_failed_single_input(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    out.write_text('{"old": true}\n', encoding="utf-8")
    assert cli.main(["trace", str(tmp_path / "missing.txt"), "-o", str(out)]) == 2
    assert out.read_text(encoding="utf-8") == '{"old": true}\n'
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]  # no temporary file left behind


def test_stdin_is_capped_like_files(monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    from tracer.errors import UnreadableInputError
    from tracer.read import inputs

    monkeypatch.setattr(inputs, "MAX_FILE_BYTES", 1000)
    stream = io.BytesIO(CUE.encode() * 100)
    with pytest.raises(UnreadableInputError, match="standard input too large"):
        inputs.read_input(InputItem("stdin", "-"), stdin=stream)
    assert stream.tell() == 1001  # never read further than one byte past the cap
    assert inputs.read_input(InputItem("stdin", "-"), stdin=io.BytesIO(CUE.encode())).text == CUE


def test_people_sentence_pattern_is_linear() -> None:
    """An unpunctuated line that does not end the text once backtracked quadratically (40k chars: 21 s)."""
    import time

    from tracer.parse.claims.people import _SENTENCE

    text = "word " * 40_000 + "\nThe end."
    started = time.perf_counter()
    assert _SENTENCE.findall(text) == ["The end."]
    assert time.perf_counter() - started < 0.5


@pytest.mark.parametrize("depth", [200, 254, 300, 3000, 10_000])
def test_deep_nesting_keeps_the_page(depth: int) -> None:
    page = (
        "<html><body><article><p>The mayor said the bridge would reopen in May, according to the council.</p>"
        + "<div>" * depth
        + "<p>Inside the nesting the engineers said the repairs were finished.</p>"
        + "</div>" * depth
        + "<p>After the nesting, officials said the cost had doubled, according to the report.</p>"
        "</article></body></html>"
    )
    text = read_html(page.encode()).text
    assert "bridge would reopen" in text and "repairs were finished" in text and "cost had doubled" in text


def test_flatten_drops_only_tags_past_the_limit() -> None:
    from tracer.read.nesting import flatten

    assert flatten("<div><div><b>x</b></div></div>y", limit=1) == "<div>x</div>y"
    assert flatten("<div><div><b>x</b></div></div>y", limit=2) == "<div><div>x</div></div>y"
    assert flatten("<div><p>a<span>b</div>c", limit=5) == "<div><p>a<span>b</div>c"
