"""The claims stage's per-mention work costs the mention's neighbourhood, not the whole document.

Each test counts a whole-document operation (a paragraph or sentence split, a sentence scan
per person, a look-up among all sources) on a text that grows, and fails when the count grows with
the number of attributions, as it did before these were indexed.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import tracer.parse.claims.chains as chains
import tracer.parse.claims.own_voice as own_voice
import tracer.parse.claims.people as people
import tracer.parse.claims.resolve as resolve
from tracer.models import Source, SourceKind
from tracer.parse.article import parse_article
from tracer.parse.claims.sources import SourceRegistry
from tracer.read.document import read_text
from tracer.text import ParagraphIndex, Span, paragraphs

SEED = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"


def _seed_text() -> str:
    texts = sorted(SEED.glob("*.txt"))
    if not texts:
        pytest.skip("the seed article is not here")
    return texts[0].read_text(encoding="utf-8")


def _counting(calls: list[int], real: Callable[..., Any], whole: str) -> Callable[..., Any]:
    """`real`, counting the calls made on the whole document (its first argument is `whole`, no span)."""

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if args and args[0] is whole and len(args) == 1 and not kwargs:
            calls.append(1)
        return real(*args, **kwargs)

    return wrapper


def _whole_document_splits(monkeypatch: pytest.MonkeyPatch, copies: int) -> int:
    text = "\n\n".join([_seed_text()] * copies)
    article = read_text(text.encode())
    calls: list[int] = []
    for module in (chains, resolve, own_voice):
        for name in ("paragraphs", "sentences"):
            if hasattr(module, name):
                monkeypatch.setattr(module, name, _counting(calls, getattr(module, name), article.text))
    parse_article(article)
    monkeypatch.undo()
    return len(calls)


def test_building_claims_splits_the_document_a_fixed_number_of_times(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _whole_document_splits(monkeypatch, 2) == _whole_document_splits(monkeypatch, 6)


def _brute_gender(text: str, name: str) -> str | None:
    """`pronoun_gender` as it was: every sentence of the text read for every name (after the name's
    own words: a gendered noun, then a given name)."""
    said = people.name_gender(name) or people.given_name_gender(name)
    if said is not None:
        return said
    surname = name.split()[-1] if name.split() else ""
    if not surname[:1].isupper():
        return None
    male = female = 0
    pattern = re.compile(rf"\b{re.escape(surname)}\b")
    for sentence in people._SENTENCE.findall(text):
        hit = pattern.search(sentence)
        if hit is None:
            continue
        title = sentence[max(0, hit.start() - 6) : hit.start()].lower()
        after = re.findall(r"[a-z]+", sentence[hit.end() :].lower()) + re.findall(r"[a-z]+", title)[-1:]
        male += sum(w in people._MALE for w in after)
        female += sum(w in people._FEMALE for w in after)
    if male >= 2 * female + 2:
        return "m"
    if female >= 2 * male + 2:
        return "f"
    return None


_PIECES = ["Lee", "Lee's", "O'Brien", "Jr.", "he", "she", "his", "her", "Ms.", "Mr.", "said", ".", "!", "\n", " ", ", "]


@pytest.mark.parametrize("seed", range(30))
def test_pronoun_gender_agrees_with_reading_every_sentence(seed: int) -> None:
    rng = random.Random(seed)
    text = " ".join(rng.choice(_PIECES) for _ in range(rng.randrange(20, 200)))
    for name in ("Kim Lee", "Lee", "Pat O'Brien", "Martin King Jr.", "Lee's", "Ann Leeds"):
        assert people.pronoun_gender(text, name) == _brute_gender(text, name)


def test_pronoun_gender_reads_the_sentences_once_per_text(monkeypatch: pytest.MonkeyPatch) -> None:
    scans: list[int] = []
    real = people._SENTENCE

    class Counting:
        def findall(self, text: str) -> list[str]:
            scans.append(1)
            return real.findall(text)

        def finditer(self, text: str) -> Any:
            scans.append(1)
            return real.finditer(text)

    monkeypatch.setattr(people, "_SENTENCE", Counting())
    text = " ".join(f"Officer Name{n} said he saw it. Name{n} said his car was hit." for n in range(50))
    assert [people.pronoun_gender(text, f"Name{n}") for n in range(50)] == ["m"] * 50
    assert len(scans) <= 1


@pytest.mark.parametrize("seed", range(20))
def test_paragraph_index_finds_what_a_full_scan_finds(seed: int) -> None:
    rng = random.Random(seed)
    text = "".join(rng.choice(["word ", "\n", "  ", "x.", "\n\n"]) for _ in range(120))
    spans = paragraphs(text)
    index = ParagraphIndex(text)
    for _ in range(40):
        start = rng.randrange(len(text) + 1)
        span = Span(start, min(len(text), start + rng.randrange(0, 40)))
        assert index.overlapping(span) == [p for p in spans if p.start < span.end and span.start < p.end]
        assert index.starting_in(span.start, span.end) == [p for p in spans if span.start <= p.start < span.end]
        held = next((i for i, p in enumerate(spans) if p.start <= start < p.end), None)
        assert index.index_of(start) == held
        assert index.before(start) == next((p for p in reversed(spans) if p.end <= start), None)


class _CountingList(list[Source]):
    """A list that counts how often it is read through."""

    reads = 0

    def __iter__(self) -> Any:
        _CountingList.reads += 1
        return super().__iter__()


def test_new_ids_and_look_ups_do_not_read_every_source() -> None:
    known = _CountingList([Source(id="s7", name="Reuters", kind=SourceKind.OUTLET)])
    registry = SourceRegistry(sources=known)
    made = [registry.unresolved(f"someone {n}") for n in range(300)]
    assert [s.id for s in made[:2]] == ["s8", "s9"] and made[-1].id == "s307"
    assert all(registry.get(s.id) is s for s in made)
    assert _CountingList.reads <= 5  # each new id or look-up read them all: 600 reads
    assert registry.find("s999") is None


def _position_calls(monkeypatch: pytest.MonkeyPatch, copies: int) -> int:
    lines = [f"The plant {n} is reportedly closing. The union said {n} jobs would go." for n in range(copies)]
    calls: list[int] = []
    real = chains._position
    monkeypatch.setattr(chains, "_position", lambda a: calls.append(1) or real(a))
    parse_article(read_text("\n".join(lines).encode()))
    monkeypatch.undo()
    return len(calls)


def test_hedged_claims_look_only_at_the_attributions_inside_them(monkeypatch: pytest.MonkeyPatch) -> None:
    small, large = _position_calls(monkeypatch, 20), _position_calls(monkeypatch, 80)
    assert large <= 5 * small  # every hedge against every attribution: 16x
