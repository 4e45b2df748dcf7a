"""The TUI reads an input as `tracer trace` does (issue 16): through the library's `trace_input`,
so a URL opened again from a warm cache is neither read nor parsed again, and gives the same
result as the CLI's `trace_one` for the same input and options.

The TUI's loader used to call `read_input` then `trace_article`, which re-read the input page
(trafilatura's `bare_extraction`, which the reader calls rather than `trafilatura.extract`) and
re-parsed it (spaCy) on every open, even when the trail's parsed-document cache held it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import spacy.language
from pytest_httpserver import HTTPServer

import tracer.read.document
from tests.tui.test_tracing import serve_story
from tests.web.tracing import counting
from tracer import Fetcher, FetchOptions, InputItem, RunOptions, TrailEvent, TrailOptions, expand_inputs, trace_one
from tui.loading import make_trace_fn


def _options(tmp_path: Path) -> RunOptions:
    return RunOptions(TrailOptions(depth=2), FetchOptions(cache_dir=tmp_path / "cache", allow_private=True, rate=0.0))


def _ignore(event: TrailEvent) -> None:
    """A progress callback that keeps nothing (the loader's callers show each event)."""


def test_a_url_opened_again_from_a_warm_cache_is_read_and_parsed_once(
    httpserver: HTTPServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = serve_story(httpserver)
    trace = make_trace_fn(_options(tmp_path))
    extracted = counting(monkeypatch, tracer.read.document, "bare_extraction")  # trafilatura's work
    parsed = counting(monkeypatch, spacy.language.Language, "pipe")
    (cold,) = trace(InputItem("url", url), _ignore)
    assert len(extracted) > 0 and len(parsed) > 0  # the counters see the cold run's work
    extracted.clear()
    parsed.clear()
    (warm,) = trace(InputItem("url", url), _ignore)
    assert (len(extracted), len(parsed)) == (0, 0)
    assert not warm.errors
    assert warm.model_dump_json(exclude={"documents"}) == cold.model_dump_json(exclude={"documents"})


def test_the_tui_traces_a_url_as_the_cli_does(httpserver: HTTPServer, tmp_path: Path) -> None:
    """Same input, same options: the loader's result is the one `tracer trace` writes."""
    url = serve_story(httpserver)
    options = _options(tmp_path)
    item = InputItem("url", url)
    (tui,) = make_trace_fn(options)(item, _ignore)
    with Fetcher(options.fetch) as fetcher:
        cli = trace_one(item, fetcher, trail=options.trail)
    assert tui.model_dump_json(exclude={"documents"}) == cli.model_dump_json(exclude={"documents"})
    assert [c.chain[-1].source.name for c in tui.claims if c.chain] == [
        c.chain[-1].source.name for c in cli.claims if c.chain
    ]


def test_a_file_whose_name_is_not_utf8_opens_and_its_result_can_be_saved(tmp_path: Path) -> None:
    """A name with undecodable bytes reaches Python as lone surrogates, which no JSON writer accepts.

    The CLI cleaned the label itself; the TUI passed it raw, so the article opened but its result
    could not be exported. The cleaning now happens in `trace_input`, for every caller.
    """
    name = os.fsdecode(b"story-\xff.txt")
    path = tmp_path / name
    path.write_text("Officials said, according to Reuters, that the bridge closed.\n", encoding="utf-8")
    (result,) = make_trace_fn(_options(tmp_path))(InputItem("file", str(path)), _ignore)
    assert not result.errors
    assert "story-\N{REPLACEMENT CHARACTER}.txt" in result.model_dump_json()


def test_the_tui_records_the_input_id_the_cli_records(tmp_path: Path) -> None:
    """`--resume` and the exports key results by `input_id`; a TUI result must carry it too."""
    path = tmp_path / "story.txt"
    path.write_text("Officials said, according to Reuters, that the bridge closed.\n", encoding="utf-8")
    (item,) = expand_inputs([str(path)])
    (tui,) = make_trace_fn(_options(tmp_path))(item, _ignore)
    assert item.id and tui.input_id == item.id == trace_one(item, trail=TrailOptions(depth=0)).input_id
