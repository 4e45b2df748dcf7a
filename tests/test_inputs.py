"""Inputs researchers have: WARC archives, JSON Lines exports, URL lists, gzip, folders walked recursively."""

from __future__ import annotations

import gzip
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tracer.read.containers import FileKind, sniff
from tracer.read.inputs import InputKind, InputSpec, count_inputs, is_batch, iter_inputs, read_input

TRACER = str(Path(sys.executable).with_name("tracer"))

PAGE = (
    "<html><head><title>{title}</title></head><body><article>"
    "<p>The harbour master said the ferry would resume sailing on Monday after the storm.</p>"
    "<p>Officials told reporters that {title} was the main concern.</p></article></body></html>"
)


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([TRACER, *args], capture_output=True, cwd=cwd, timeout=300)


def write_warc(path: Path, *, compress: bool) -> None:
    """A tiny archive: two HTML captures, and what is not an article (a request, a 404, an image, metadata)."""
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=compress)
        for number, (status, ctype) in enumerate(
            [("200 OK", "text/html; charset=utf-8"), ("404 Not Found", "text/html"), ("200 OK", "image/png")]
        ):
            url = f"https://news.example/story-{number}"
            body = PAGE.format(title=f"story {number}").encode() if "html" in ctype else b"\x89PNG\r\n"
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url,
                "response",
                payload=io.BytesIO(body),
                http_headers=headers,
                warc_headers_dict={"WARC-Date": f"2024-03-0{number + 1}T10:00:00Z"},
            )
            writer.write_record(record)
            writer.write_record(
                writer.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"))
            )
        url = "https://news.example/story-3"
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            url,
            "response",
            payload=io.BytesIO(PAGE.format(title="story 3").encode()),
            http_headers=headers,
            warc_headers_dict={"WARC-Date": "2024-03-09T08:30:00Z"},
        )
        writer.write_record(record)


@pytest.mark.parametrize("compress", [False, True], ids=["warc", "warc.gz"])
def test_warc_html_responses_are_inputs_with_url_and_capture_date(tmp_path: Path, compress: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if compress else "crawl.warc")
    write_warc(path, compress=compress)
    assert sniff(path) == FileKind.WARC
    items = list(iter_inputs(InputSpec((str(path),))))
    assert [(i.kind, i.url, i.fetched) for i in items] == [
        (InputKind.RECORD, "https://news.example/story-0", "2024-03-01T10:00:00Z"),
        (InputKind.RECORD, "https://news.example/story-3", "2024-03-09T08:30:00Z"),
    ]
    assert count_inputs(InputSpec((str(path),))) == 2
    article = read_input(items[1])
    assert article.document.url == "https://news.example/story-3"
    assert article.document.fetched == "2024-03-09T08:30:00Z"
    assert "ferry would resume sailing" in article.text


def test_warc_through_the_cli(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    write_warc(path, compress=True)
    result = run("trace", str(path), "--offline", "--depth", "0", "--cache-dir", str(tmp_path / "cache"))
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert [r["document"]["url"] for r in records] == ["https://news.example/story-0", "https://news.example/story-3"]
    assert [r["document"]["fetched"] for r in records] == ["2024-03-01T10:00:00Z", "2024-03-09T08:30:00Z"]
    assert records[0]["input"] == f"{path}#https://news.example/story-0"
    assert len({r["input_id"] for r in records}) == 2
    assert any("harbour master" in c["chain"][0]["source"]["name"].lower() for c in records[0]["claims"])


def test_broken_warc_is_one_failed_input(tmp_path: Path) -> None:
    path = tmp_path / "broken.warc"
    path.write_bytes(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 999999\r\n\r\ntruncated")
    items = list(iter_inputs(InputSpec((str(path),))))
    assert len(items) == 1 and items[0].kind == InputKind.INVALID


def test_json_lines_records_html_text_and_urls(tmp_path: Path) -> None:
    path = tmp_path / "export.jsonl"
    rows = [
        {"url": "https://a.example/1", "html": PAGE.format(title="first"), "date_download": "2024-05-01 12:00:00"},
        {"url": "https://b.example/2", "maintext": "The minister said the bridge was safe."},
        {"url": "https://c.example/3"},
        {"title": "nothing to read"},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n{not json\n", encoding="utf-8")
    items = list(iter_inputs(InputSpec((str(path),))))
    assert [i.kind for i in items] == [
        InputKind.RECORD,
        InputKind.RECORD,
        InputKind.URL,
        InputKind.INVALID,
        InputKind.INVALID,
    ]
    assert items[0].html and not items[1].html
    assert items[0].label == f"{path}:1" and items[2].value == "https://c.example/3"
    assert count_inputs(InputSpec((str(path),))) == 5
    first = read_input(items[0])
    assert first.document.url == "https://a.example/1" and first.document.fetched == "2024-05-01 12:00:00"
    assert read_input(items[1]).document.format == "text"

    result = run("trace", str(path), "--offline", "--depth", "0", "--cache-dir", str(tmp_path / "cache"))
    assert result.returncode == 1  # some inputs failed; all are reported
    records = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert len(records) == 5
    assert [bool(r["errors"]) for r in records] == [False, False, True, True, True]
    assert records[2]["errors"][0]["type"] == "NotCachedError"
    assert "no url, html or text" in records[3]["errors"][0]["message"]


def test_url_list_from_file_and_as_an_input(tmp_path: Path) -> None:
    urls = tmp_path / "urls.txt"
    urls.write_text("# study sample\nhttps://a.example/1\n\nhttps://b.example/2  \n", encoding="utf-8")
    from_file = list(iter_inputs(InputSpec(from_files=(str(urls),))))
    assert [(i.kind, i.value) for i in from_file] == [
        (InputKind.URL, "https://a.example/1"),
        (InputKind.URL, "https://b.example/2"),
    ]
    assert sniff(urls) == FileKind.URLS
    assert [i.value for i in iter_inputs(InputSpec((str(urls),)))] == [i.value for i in from_file]
    assert is_batch([str(urls)])
    result = run("trace", str(urls), "--offline", "--cache-dir", str(tmp_path / "cache"), "-q")
    records = [json.loads(line) for line in result.stdout.decode().splitlines()]
    # Read as what it is: two URLs (not cached, offline), never the list traced as an article.
    assert [r["input"] for r in records] == ["https://a.example/1", "https://b.example/2"]
    assert all(r["errors"][0]["type"] == "NotCachedError" for r in records)
    assert result.returncode == 1


def test_from_file_flags_lines_that_are_not_urls(tmp_path: Path) -> None:
    urls = tmp_path / "list.txt"
    urls.write_text("https://a.example/1\nnot a url\n", encoding="utf-8")
    items = list(iter_inputs(InputSpec(from_files=(str(urls),))))
    assert [i.kind for i in items] == [InputKind.URL, InputKind.INVALID]
    assert "not an http(s) URL" in (items[1].error or "")


def test_gzipped_pages_and_json_lines(tmp_path: Path) -> None:
    page = tmp_path / "story.html.gz"
    page.write_bytes(gzip.compress(PAGE.format(title="zipped").encode()))
    article = read_input(next(iter_inputs(InputSpec((str(page),)))))
    assert article.document.format == "html" and "ferry" in article.text
    lines = tmp_path / "export.jsonl.gz"
    lines.write_bytes(gzip.compress(json.dumps({"url": "https://a.example/1", "text": "Police said so."}).encode()))
    [item] = iter_inputs(InputSpec((str(lines),)))
    assert item.kind == InputKind.RECORD and read_input(item).text == "Police said so."


def test_a_json_document_is_not_traced_as_text(tmp_path: Path) -> None:
    saved = tmp_path / "trace.json"
    saved.write_text('{\n  "schema_version": "1.0"\n}\n', encoding="utf-8")
    result = run("trace", str(saved), "--offline")
    assert result.returncode == 2
    assert b"not an article or JSON Lines" in result.stderr


def test_folders_skip_readme_license_and_hidden_files_and_recurse_on_request(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("# corpus\nThis folder holds pages.\n")
    (tmp_path / "LICENSE").write_text("MIT\n")
    (tmp_path / "LICENSE.txt").write_text("MIT\n")
    (tmp_path / ".notes.txt").write_text("hidden\n")
    (tmp_path / "a.html").write_text(PAGE.format(title="a"))
    (tmp_path / "data.csv").write_text("x,y\n")
    sub = tmp_path / "2024" / "03"
    sub.mkdir(parents=True)
    (sub / "b.txt").write_text("The mayor said the road was closed.\n")
    (sub / "c.html.gz").write_bytes(gzip.compress(PAGE.format(title="c").encode()))
    flat = [Path(i.value).name for i in iter_inputs(InputSpec((str(tmp_path),)))]
    assert flat == ["a.html"]
    deep = [
        Path(i.value).relative_to(tmp_path).as_posix() for i in iter_inputs(InputSpec((str(tmp_path),), recursive=True))
    ]
    assert deep == ["2024/03/b.txt", "2024/03/c.html.gz", "a.html"]
    assert count_inputs(InputSpec((str(tmp_path),), recursive=True)) == 3


def test_input_ids_are_stable_and_unique_for_repeats(tmp_path: Path) -> None:
    page = tmp_path / "a.txt"
    page.write_text("Police said the road was closed.\n")
    spec = InputSpec((str(page), "https://x.example/1", str(page)))
    first = [i.id for i in iter_inputs(spec)]
    assert first == [i.id for i in iter_inputs(spec)]
    assert len(set(first)) == 3 and first[2] == first[0] + "-2"


def test_trace_results_are_outputs_not_inputs(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Police said the road was closed.\n")
    saved = tmp_path / "traces.jsonl"
    saved.write_text('{"schema_version":"1.0","input":"a.txt","input_id":"i-1","document":{"id":"d-1"}}\n')
    assert [Path(i.value).name for i in iter_inputs(InputSpec((str(tmp_path),)))] == ["a.txt"]
    assert count_inputs(InputSpec((str(tmp_path),))) == 1
    [item] = iter_inputs(InputSpec((str(saved),)))
    assert item.kind == InputKind.FILE  # named on its own: the TUI opens it as a saved trace
    result = run("trace", str(saved), "--offline")
    assert result.returncode == 2 and b"trace results, not articles" in result.stderr
