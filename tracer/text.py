"""Plain-text helpers shared by readers and parsers: spans, sentences, URLs written in text."""

from __future__ import annotations

import bisect
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from typing import Any

from tracer.datafiles import load_lines


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range [start, end) of some text."""

    start: int
    end: int

    def of(self, text: str) -> str:
        """Return the characters of `text` this span covers."""
        return text[self.start : self.end]


_WS = re.compile(r"\s+")
_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_text(text: str) -> str:
    """Replace lone surrogates (half of a UTF-16 pair) with U+FFFD.

    They come from `\\uD83D`-style escapes in JSON, from UTF-7 and from bytes decoded with
    `surrogateescape`; no UTF-8 writer, spaCy included, accepts them, so one such character
    would make a whole result unwritable. A well-formed pair split over two code units is
    joined back into its character first.
    """
    if text.isascii() or not _SURROGATE.search(text):
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def clean_json(value: Any) -> Any:
    """`clean_text` applied to every string (keys included) of a parsed JSON value.

    Iterative, so a hostile, deeply nested document cannot exhaust the stack.
    """
    root: list[Any] = [value]
    stack: list[tuple[Any, Any]] = [(root, 0)]
    while stack:
        parent, key = stack.pop()
        item = parent[key]
        if isinstance(item, str):
            parent[key] = clean_text(item)
        elif isinstance(item, list):
            stack.extend((item, index) for index in range(len(item)))
        elif isinstance(item, dict):
            cleaned = {clean_text(k) if isinstance(k, str) else k: v for k, v in item.items()}
            if cleaned.keys() != item.keys():
                item.clear()
                item.update(cleaned)
            stack.extend((item, k) for k in item)
    return root[0]


def _latin_letters(case: str) -> str:
    """The accented Latin letters of one case: Latin-1, Latin Extended-A/B and Extended Additional."""
    blocks = (*range(0xC0, 0x250), *range(0x1E00, 0x1F00))
    return "".join(chr(c) for c in blocks if getattr(chr(c), f"is{case}")())


# An upper-case and a lower-case letter of a person's name, as regex classes. Python's `re` has
# no \p{Lu}, and name patterns written "[A-Z][a-z]+" never matched "López", "Peña Nieto" or
# "Ngọc", so on international news "he" went to a demonym ("Mexican") instead of "Andrés Manuel
# López Obrador". Only the accented Latin blocks are added, so ASCII text matches as before.
NAME_UPPER = f"[A-Z{_latin_letters('upper')}]"
NAME_LOWER = f"[a-z{_latin_letters('lower')}]"


def latin_names(pattern: str) -> str:
    """Let the "[A-Z]" and "[a-z]" of a NAME pattern match accented letters too ("José Díaz").

    Only for the part of a pattern that matches a name, never cue words or English function words.
    """
    return pattern.replace("[A-Z]", NAME_UPPER).replace("[a-z]", NAME_LOWER)


def squash(text: str) -> str:
    """Collapse runs of whitespace to one space and trim the ends."""
    return _WS.sub(" ", text).strip()


# Spaces other than the plain one that web copy puts between words: the no-break space (U+00A0),
# the en to hair spaces (U+2000-U+200A: thin U+2009), the zero-width space (U+200B), the narrow
# no-break space (U+202F), the medium mathematical space (U+205F) and the ideographic space.
_ODD_SPACES = "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b\u202f\u205f\u3000"
_PLAIN_SPACES = str.maketrans(_ODD_SPACES, " " * len(_ODD_SPACES))
_ODD_SPACE = re.compile(f"[{_ODD_SPACES}]")


def plain_spaces(text: str) -> str:
    """`text` with every odd space (`_ODD_SPACES`) a plain one, character for character, so every
    offset into the result holds in `text`.

    spaCy reads a no-break space as a word of its own, tagged and attached like one: in "a
    birther\xa0and\xa0bully who has pledged ..." the words around it parsed as the speaker, and
    "birther" and "bully" became source names (4 PolNeAR train claims, audit15). The zero-width
    space becomes a visible one too: it marks a break between words, never one inside a word.
    """
    if _ODD_SPACE.search(text) is None:
        return text  # most pages: nothing to change, no copy
    return text.translate(_PLAIN_SPACES)


def paragraphs(text: str) -> list[Span]:
    """Spans of the non-blank lines of `text` (the reader puts one paragraph per line)."""
    spans: list[Span] = []
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            spans.append(Span(pos + lead, pos + lead + len(stripped)))
        pos += len(line) + 1
    return spans


# A sentence ends at . ! ? (optionally followed by closing quotes/brackets) and whitespace,
# unless the word before the dot is a known abbreviation or a single initial ("J. Smith").
# A footnote marker glued to the stop ("... the flood line.2 Warren said ...", pages copied from
# PDFs and reports; issue 14) ends the sentence too: a stop right after a lower-case word, one to
# three digits, then a capitalised word. The marker stays with the sentence it annotates.
_SENTENCE_END = re.compile(
    r"[.!?…]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]{0,2}[A-Z0-9—–-])|(?<=[a-z]{2}[.!?])\d{1,3}(?=\s+[A-Z][a-z])"
)
_ABBREVIATION_WORD = re.compile(r"(\b[\w.]+)[.!?…]+[\"'”’)\]]*$")


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    return frozenset(load_lines("abbreviations.txt"))


def is_abbreviation(text: str, end: int) -> bool:
    """Whether the stop ending at `end` closes an abbreviation (`abbreviations.txt`, an initial, a
    dotted word such as "U.S."), not a sentence."""
    match = _ABBREVIATION_WORD.search(text, max(0, end - 20), end)
    if not match:
        return False
    word = match.group(1).lower().rstrip(".")
    return len(word) == 1 or word in _abbreviations() or "." in word


def sentences(text: str, span: Span | None = None) -> list[Span]:
    """Split `text` (or the part of it inside `span`) into sentence spans.

    A fast rule-based splitter: the NLP model is only loaded for sentences that may hold an
    attribution, so the cheap split comes first. Paragraph breaks always end a sentence.
    """
    out: list[Span] = []
    for para in [span] if span else paragraphs(text):
        start = para.start
        for match in _SENTENCE_END.finditer(text, para.start, para.end):
            if is_abbreviation(text, match.end()):
                continue
            out.append(Span(start, match.end()))
            start = match.end()
            while start < para.end and text[start].isspace():
                start += 1
        if start < para.end:
            out.append(Span(start, para.end))
    return out


class SentenceIndex:
    """A text's sentences, split once and looked up by offset.

    Work done per claim (which sentences a claim touches, the sentence after it) must cost the
    claim's neighbourhood, not the whole document: re-splitting a 512 KB text for each of its
    219 claims took 34 of 40 seconds. Look-ups here are binary searches.
    """

    def __init__(self, text: str) -> None:
        self.spans = sentences(text)
        self._starts = [s.start for s in self.spans]
        self._ends = [s.end for s in self.spans]

    def touching(self, spans: Iterable[Span]) -> list[Span]:
        """The sentences that overlap any of `spans`, in text order, each once."""
        found: set[int] = set()
        for span in spans:
            index = bisect_right(self._ends, span.start)  # the first sentence ending after the start
            while index < len(self.spans) and self._starts[index] < span.end:
                found.add(index)
                index += 1
        return [self.spans[i] for i in sorted(found)]

    def containing(self, offset: int) -> Span | None:
        """The sentence that holds `offset`, if any."""
        index = bisect_right(self._starts, offset) - 1
        return self.spans[index] if index >= 0 and offset < self._ends[index] else None

    def touching_numbers(self, span: Span) -> range:
        """The positions in `spans` of the sentences that share a character with `span`."""
        low = bisect_right(self._ends, span.start)
        return range(low, bisect_left(self._starts, span.end, lo=low))

    def ending_by(self, offset: int) -> Span | None:
        """The last sentence that ends at or before `offset`."""
        index = bisect_right(self._ends, offset) - 1
        return self.spans[index] if index >= 0 else None

    def first_from(self, offset: int) -> Span | None:
        """The first sentence starting at or after `offset`."""
        index = bisect_left(self._starts, offset)
        return self.spans[index] if index < len(self.spans) else None


class ParagraphIndex:
    """A text's paragraphs, found once and looked up by offset (binary searches, not a scan).

    The claims stage asks, per attribution or post, which paragraphs a span touches or which
    holds an offset; re-reading the whole text for each made a document's cost grow with the
    square of its length.
    """

    def __init__(self, text: str) -> None:
        self.spans = paragraphs(text)
        self._starts = [p.start for p in self.spans]
        self._ends = [p.end for p in self.spans]

    def overlapping(self, span: Span) -> list[Span]:
        """The paragraphs that share a character with `span`, in text order."""
        index = bisect_right(self._ends, span.start)
        high = bisect_left(self._starts, span.end, lo=index)
        return self.spans[index:high]

    def starting_in(self, start: int, end: int) -> list[Span]:
        """The paragraphs that start in [start, end), in text order."""
        low = bisect_left(self._starts, start)
        return self.spans[low : bisect_left(self._starts, end, lo=low)]

    def index_of(self, offset: int) -> int | None:
        """The position in `spans` of the paragraph holding `offset`, if any."""
        index = bisect_right(self._starts, offset) - 1
        return index if index >= 0 and offset < self._ends[index] else None

    def before(self, offset: int) -> Span | None:
        """The last paragraph that ends at or before `offset`."""
        index = bisect_right(self._ends, offset) - 1
        return self.spans[index] if index >= 0 else None


class SpanSet:
    """Fixed spans asked "does any of you overlap this?": sorted by start, with the furthest end
    reached so far, so one bisection answers it however many spans there are (a scan per
    question made per-sentence and per-paragraph checks grow with the square of a page)."""

    def __init__(self, spans: Iterable[Span]) -> None:
        ordered = sorted((s.start, s.end) for s in spans)
        self._starts = [start for start, _ in ordered]
        self._reach = list(accumulate((end for _, end in ordered), max))

    def overlaps(self, span: Span) -> bool:
        """Whether some span has start < span.end and span.start < end."""
        before = bisect_left(self._starts, span.end)  # those starting before `span` ends
        return before > 0 and self._reach[before - 1] > span.start


def sentence_at(text: str, offset: int, spans: list[Span] | None = None) -> Span:
    """The sentence span containing `offset` (the whole paragraph if none is found)."""
    spans = spans if spans is not None else sentences(text)
    # Sentence spans are in text order and do not overlap: the one starting last at or
    # before `offset` is the only candidate (a scan made each link cost the whole text).
    index = bisect.bisect_right(spans, offset, key=lambda span: span.start) - 1
    if index >= 0 and spans[index].start <= offset < spans[index].end:
        return spans[index]
    for para in paragraphs(text):
        if para.start <= offset < para.end:
            return para
    return Span(offset, offset)


@lru_cache(maxsize=1)
def _bare_url_pattern() -> re.Pattern[str]:
    tlds = "|".join(sorted(load_lines("tlds.txt"), key=len, reverse=True))
    return re.compile(
        r"(?<![\w@./-])"  # not inside a word, an e-mail address or a longer URL
        r"(?:https?://[^\s<>\"'“”‘’]+"  # explicit scheme
        r"|(?:www\.)?(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:" + tlds + r")"  # bare domain
        r"(?:/[^\s<>\"'“”‘’]*)?)(?![\w-])",
        re.IGNORECASE,
    )


_TRAILING_PUNCT = ".,;:!?)]}'\"”’…"


def find_urls(text: str) -> Iterator[tuple[Span, str]]:
    """Yield (span, url) for URLs written in plain text, bare domains included.

    Trailing punctuation is not part of a URL ("see example.com."), but a closing bracket
    that matches an opening one inside the URL is (Wikipedia-style links).
    """
    for match in _bare_url_pattern().finditer(text):
        raw = match.group(0)
        while raw and raw[-1] in _TRAILING_PUNCT:
            if raw[-1] == ")" and raw.count("(") >= raw.count(")"):
                break
            raw = raw[:-1]
        if "." not in raw:
            continue
        url = raw if re.match(r"https?://", raw, re.IGNORECASE) else "https://" + raw
        yield Span(match.start(), match.start() + len(raw)), url
