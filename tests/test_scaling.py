"""Cost that grows with the input only as fast as the input (issues 19 and 20), counted, not timed.

A per-claim or per-mention step that scans the whole document, or every source, makes a
text's cost grow with its square: 3,000 "according to" lines cost 78x 300 of them. These tests
count work that does not depend on the machine's speed — comparisons of a mention with known
sources, and the lines of the tracer's own code run for a text — on a text and on one four times
its size, and fail when the count grows faster than the text.
"""

from __future__ import annotations

import itertools
import random
import string
import sys
from pathlib import Path
from types import FrameType
from typing import Any

import pytest

import tracer
import tracer.parse.claims.sources as sources
from tracer.models import SourceKind
from tracer.read.document import read_text
from tracer.trail.options import TrailOptions
from tracer.trail.trace import trace_article
from tracer.web.fetch import Fetcher, FetchOptions

_FIRST = ["John", "Mary", "Ann", "Peter"]


def _surnames(count: int) -> list[str]:
    """Distinct made-up surnames ("Kaaason", "Kaabson", ...): names no lexicon knows."""
    letters = itertools.product(string.ascii_lowercase, repeat=3)
    return ["K" + "".join(next(letters)) + "son" for _ in range(count)]


def _comparisons(monkeypatch: pytest.MonkeyPatch, people: int) -> int:
    calls: list[int] = []
    real = sources._same_name
    monkeypatch.setattr(sources, "_same_name", lambda a, b: calls.append(1) or real(a, b))
    registry = sources.SourceRegistry()
    for i, surname in enumerate(_surnames(people)):
        registry.resolve(f"officer {_FIRST[i % 4]} {surname}", at=10 * i)
        registry.resolve(f"Mr. {surname}", at=10 * i + 5)  # every one shares "Mr." and initials
    monkeypatch.undo()
    assert len(registry.sources) == people
    return len(calls)


def test_people_sharing_a_title_first_name_or_initials_are_not_all_compared(monkeypatch: pytest.MonkeyPatch) -> None:
    """'Mr. Kaaason' was compared with every 'Mr. …' (same first word) and every name with the
    same initials, and 'John Kaaason' with every 'John …': n² comparisons for n people."""
    small, large = _comparisons(monkeypatch, 200), _comparisons(monkeypatch, 800)
    assert large <= 5 * small


_WORDS = ["Lee", "Kim", "Park", "National", "Intelligence", "Service", "News", "Agency", "Gazette", "Yonhap"]
_FORMS = [
    "{a}",
    "{a} {b}",
    "Mr. {a}",
    "Ms. {a} {b}",
    "the {a} {b}",
    "The {a} {b} {c}",
    "{a} {b} {c}",
    "NIS",
    "N.I.S.",
    "the agency",
    "the spy agency",
    "South Korea's {a} {b}",
    "Seoul's spy agency",
    "{a} and {b}",
    "officer {a} {b}",
]


def _mention(rng: random.Random) -> str:
    return rng.choice(_FORMS).format(a=rng.choice(_WORDS), b=rng.choice(_WORDS), c=rng.choice(_WORDS))


def _resolve_all(mentions: list[str], kinds: list[SourceKind | None]) -> list[tuple[str, str, tuple[str, ...]]]:
    registry = sources.SourceRegistry()
    ids = [registry.resolve(m, kind, at=i).id for i, (m, kind) in enumerate(zip(mentions, kinds, strict=True))]
    return [(i, registry.get(i).name, tuple(registry.get(i).aliases)) for i in ids]


@pytest.mark.parametrize("seed", range(30))
def test_the_index_merges_what_comparing_with_every_source_merges(seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(seed)
    mentions = [_mention(rng) for _ in range(60)]
    kinds = [rng.choice([None, None, SourceKind.PERSON, SourceKind.ORGANISATION]) for _ in mentions]
    indexed = _resolve_all(mentions, kinds)
    monkeypatch.setattr(sources.SourceRegistry, "_candidates", lambda self, parsed: list(self._sources))
    assert indexed == _resolve_all(mentions, kinds)


_NAMES = ["Smith", "Jones", "Brown", "Garcia", "Miller", "Davis", "Wilson", "Moore", "Taylor", "Clark"]


def _text(count: int) -> str:
    """Attributions, hedges, written links, pronouns and new names, in the proportions of news."""
    return "\n".join(
        f"The bridge {i} will reopen on Monday, according to officer {_NAMES[i % 10]} of district {i}. "
        f"He said the road had reportedly closed, as https://example{i % 7}.com/story/{i} shows. "
        f"Spokeswoman Ann {surname} said the repairs cost {i} dollars.\n"
        f"The list at https://news{i % 5}.org/{i} names every street in the area."
        for i, surname in enumerate(_surnames(count))
    )


def _lines_run(text: str, cache: Path, part: str = "") -> int:
    """Lines of tracer's own code (or of its module `part`, a path below `tracer/`) executed to
    trace `text` offline at depth 1 (a deterministic count of Python work: libraries' lines,
    spaCy's included, are not counted)."""
    root = str(Path(tracer.__file__).parent / part)
    count = 0

    def local(frame: FrameType, event: str, arg: Any) -> Any:
        nonlocal count
        count += event == "line"
        return local

    def calls(frame: FrameType, event: str, arg: Any) -> Any:
        return local if frame.f_code.co_filename.startswith(root) else None

    article = read_text(text.encode())
    with Fetcher(FetchOptions(cache_dir=cache, offline=True)) as fetcher:
        sys.settrace(calls)
        try:
            trace_article(article, fetcher=fetcher, options=TrailOptions(depth=1))
        finally:
            sys.settrace(None)
    return count


def test_tracing_costs_lines_in_proportion_to_the_text(tmp_path: Path) -> None:
    """Four times the text runs at most ~4.4 times the lines (a step that scans the document per
    claim, sentence, link or mention made it 6x at these sizes, and 10x at ten times them)."""
    _lines_run(_text(3), tmp_path)  # models and lexicons loaded outside the count
    small, large = _lines_run(_text(40), tmp_path), _lines_run(_text(160), tmp_path)
    assert large <= 4.4 * small, (small, large, large / small)


def _quoted_paragraph(count: int) -> str:
    """One paragraph of quotations, each speaker's followed by a quotation with no cue of its own
    (a page read as plain text runs into one paragraph like this)."""
    return " ".join(
        f'"The bridge {i} will reopen," officer {_NAMES[i % 10]} said. "It cost {i} dollars." '
        f'The mayor of district {i} called it "a "good" start" on Monday.'
        for i in range(count)
    )


def test_quotations_in_one_long_paragraph_cost_lines_in_proportion(tmp_path: Path) -> None:
    """Which quotation holds a token, which quotations a content overlaps, and who spoke before a
    quotation were each a scan of the paragraph's quotations or attributions: a paragraph of 4x
    the quotations ran 9.6x the lines (a 1.3 MB page read as text: 13 of 38 s)."""
    _lines_run(_quoted_paragraph(3), tmp_path)
    small, large = _lines_run(_quoted_paragraph(40), tmp_path), _lines_run(_quoted_paragraph(160), tmp_path)
    assert large <= 4.4 * small, (small, large, large / small)


def test_continuing_quotations_in_one_long_paragraph_costs_lines_in_proportion(tmp_path: Path) -> None:
    """Who spoke before each quotation was found by a scan of the paragraph's attributions, and a
    speaker's content rebuilt for each quotation given: 4x the quotations ran 8.6x the lines of
    `quotes.py`."""
    part = "parse/attribution/quotes.py"
    _lines_run(_quoted_paragraph(3), tmp_path)
    small, large = _lines_run(_quoted_paragraph(40), tmp_path, part), _lines_run(_quoted_paragraph(160), tmp_path, part)
    assert large <= 4.4 * small, (small, large, large / small)
