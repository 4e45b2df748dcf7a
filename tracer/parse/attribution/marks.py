"""Single-mark quotations (British style, ‘…’ or '…') rewritten as double-mark ones.

The attribution rules, the sentence splitter's neighbours and the parser all read “…” as a
quotation; British and many other outlets quote with single marks, which are also apostrophes
("Britain’s", "don’t", "the students’ union", "’90s"). `double_quoted` finds the single marks
that pair up as quotation marks and swaps them for double ones, character for character, so
every span found in the rewritten text holds in the original (issue 14, cause 6). Where the
single quotation holds a double one (‘He said “no”,’ she said), the inner marks become single,
so the text reads as a US page, with its nested quotes, would.

A mark opens a quotation only at a word's start (line start, space, or an opening bracket or
dash before it; a word after it) and closes one only at a word's end (a word or punctuation
before it; a line end, space or punctuation after it, never a letter: "don’t", "Britain’s").
Elisions at a word's start ("’90s", "'em", "rock 'n' roll") never open. A plural possessive
("the students’ union") closes only when no later closing mark comes before the next opening one.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from tracer.text import Span

# A lone single mark: two apostrophes in a row are the NYT's double quotation mark.
_SINGLE = re.compile(r"(?<!')[‘’'](?!')")
_CURLY_SINGLE = re.compile(r"[‘’]")
_SINGLE_OPENING = re.compile(r"(?:^|(?<=[\s(\[—–-]))[‘'](?=\w)", re.MULTILINE)
_WHOLE_LINE = re.compile(r"\s*[‘'][^‘’'\n]*(?:['’]\w[^‘’'\n]*)*[’'][.!?]?\s*")
_DOUBLE = re.compile(r"''|[“”\"]")
# Characters after which an opening mark starts a word: a line start counts too.
_BEFORE_OPEN = frozenset(' \t([{“"—–-/')
# Characters a closing mark may be followed by (besides a line end and whitespace).
_AFTER_CLOSE = frozenset('.,;:!?)]}—–-”"…')
# Elisions written with a leading apostrophe, never a quotation: '90s, 'em, 'tis, 'n', 'til.
_ELISION = re.compile(r"(?:\d0s|\d\d\b|em\b|tis\b|twas\b|til\b|cause\b|n['’]|bout\b|round\b)", re.IGNORECASE)
# The line's end after an opening mark left open: a quote that goes on in the next paragraph.
_SENTENCE_END = re.compile(r"[.!?…]\s*$")


def double_quoted(text: str) -> str:
    """`text` with its single-mark quotations marked with double marks (same length, same offsets)."""
    if "‘" not in text and "'" not in text:
        return text  # most pages: nothing to pair, no copy
    marks = _SINGLE if _straight_style(text) else _CURLY_SINGLE
    headings = _double_primary(text)
    chars = list(text)
    lines = text.split("\n")
    start = 0
    for number, line in enumerate(lines):
        following = lines[number + 1] if number + 1 < len(lines) else ""
        if not (headings and _whole_line(line)):
            _swap_line(chars, line, start, following, marks)
        start += len(line) + 1
    return "".join(chars)


def _double_primary(text: str) -> bool:
    """Whether the page quotes with double marks: at least as many double marks as single marks
    at a word's start. There a paragraph that is one single-mark quotation is a heading or pull
    quote ("'A really tough decision.'" under a speaker's ''...'' paragraph, NYT), not a speaker's
    words going on; a page quoting with single marks (Metro) goes on with them."""
    return len(_DOUBLE.findall(text)) >= len(_SINGLE_OPENING.findall(text))


def _whole_line(line: str) -> bool:
    """Whether a paragraph is one single-mark quotation and nothing else."""
    return bool(_WHOLE_LINE.fullmatch(line))


def _straight_style(text: str) -> bool:
    """Whether straight single marks may be quotation marks on this page: it writes straight
    double marks, or no curly opening mark at all. A page set in curly marks ("“", "‘") quotes
    with them; a straight pair there comes from text typed elsewhere (a run of related-story
    titles pasted into a sentence, gold_text), and reading it as a quotation only changed the
    parse around it."""
    return '"' in text or ("“" not in text and "‘" not in text)


def _swap_line(chars: list[str], line: str, offset: int, following: str, marks: re.Pattern[str]) -> None:
    """Rewrite one paragraph's single-mark quotations (and the double marks they hold) in `chars`.
    Most paragraphs have no single-mark pair; their double quotations are then never looked at."""
    pairs = _single_pairs(line, following, marks)
    if not pairs:
        return
    doubles = _double_regions(line)
    starts, ends = [d.start for d in doubles], [d.end for d in doubles]
    for pair in pairs:
        # the double quotations sharing a character with the pair (they are sorted and disjoint:
        # found by bisection, as a long paragraph may hold thousands of both)
        near = doubles[bisect_right(ends, pair.start) : bisect_left(starts, pair.end)]
        if any(not (pair.start < d.start and d.end <= pair.end) for d in near):
            continue  # a single pair inside a double quotation is nested; one astride it is no pair
        chars[offset + pair.start] = "“"
        if line[pair.end - 1] in "’'":
            chars[offset + pair.end - 1] = "”"
        for d in (d for d in near if line[d.start] in '“"'):  # an inner "''" stays as written
            chars[offset + d.start] = "‘"
            if line[d.end - 1] in '”"':
                chars[offset + d.end - 1] = "’"


def _double_regions(line: str) -> list[Span]:
    """The paragraph's double-mark quotations, marks included (one left open runs to the end)."""
    regions: list[Span] = []
    start: int | None = None
    for match in _DOUBLE.finditer(line):
        mark = match.group(0)
        if start is None and mark in ("“", '"', "''"):
            start = match.start()
        elif start is not None and mark in ("”", '"', "''"):
            regions.append(Span(start, match.end()))
            start = None
    if start is not None:
        regions.append(Span(start, len(line)))
    return regions


def _single_pairs(line: str, following: str, marks: re.Pattern[str] = _SINGLE) -> list[Span]:
    """The single-mark quotations of a paragraph (`marks`: the single marks that may quote),
    marks included, in text order."""
    found = [m.start() for m in marks.finditer(line)]
    if not found:
        return []  # most paragraphs
    opens = [i for i in found if _opens(line, i)]
    closes = [i for i in found if _closes(line, i)]
    pairs: list[Span] = []
    start: int | None = None
    ordered = sorted({*((i, "open") for i in opens), *((i, "close") for i in closes)})
    for n, (i, role) in enumerate(ordered):
        if role == "open":
            start = i  # an earlier opening mark never closed was an apostrophe
        elif start is not None and not _possessive_before_later_close(line, i, ordered[n + 1 : n + 2]):
            pairs.append(Span(start, i + 1))
            start = None
    if start is not None and line[start] == "‘" and _SENTENCE_END.search(line) and following.startswith("‘"):
        pairs.append(Span(start, len(line)))  # '‘A. B.' then '‘C,’ she said.': the quote goes on
    return pairs


def _opens(line: str, i: int) -> bool:
    """Whether the mark at `i` can open a quotation: at a word's start, not an elision."""
    if line[i] == "’" or (i > 0 and line[i - 1] not in _BEFORE_OPEN):
        return False
    after = line[i + 1 : i + 2]
    return bool(after) and not after.isspace() and _ELISION.match(line, i + 1) is None


def _closes(line: str, i: int) -> bool:
    """Whether the mark at `i` can close a quotation: at a word's end, no letter after it."""
    if line[i] == "‘" or i == 0 or line[i - 1].isspace():
        return False
    after = line[i + 1 : i + 2]
    return not after or after.isspace() or after in _AFTER_CLOSE


def _possessive_before_later_close(line: str, i: int, following: list[tuple[int, str]]) -> bool:
    """'‘The students’ union is shut,’ he said': a mark after an "s" with a word after it is a
    plural possessive when a closing mark follows before any opening one."""
    if line[i - 1] not in "sS" or line[i + 1 : i + 2] != " " or not line[i + 2 : i + 3].isalpha():
        return False
    return bool(following) and following[0][1] == "close"
