"""The fast scan, built from the rule registry: which sentences are worth parsing at all.

The scan is what keeps the attribution stage fast: a sentence is parsed only when one of its
words is a scan word of some rule (a cue form, a phrase cue such as "according" or "citing", a
hedge) or a rule's own scan test holds (a colon, "that" beside a cue noun, "in" beside a poll
noun). Since every rule declares its part in `registry.py`, none can be forgotten here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from tracer.parse.attribution.cues import Lexicon, lexicon
from tracer.parse.attribution.registry import RULES, Rule, ScanTest

_WORD = re.compile(r"[a-z]+")


@dataclass(frozen=True)
class FastScan:
    """The union of the registered rules' scan words and tests."""

    lex: Lexicon
    scan_words: frozenset[str]
    source_words: frozenset[str]
    tests: tuple[ScanTest, ...]

    def is_candidate(self, sentence: str) -> bool:
        """Whether a sentence may hold an attribution and so must be parsed (the fast path)."""
        words = frozenset(_WORD.findall(sentence.lower()))
        if not words.isdisjoint(self.scan_words):
            return True
        return any(test(sentence, words, self.lex) for test in self.tests)

    def names_source(self, sentence: str) -> bool:
        """Whether a sentence has a speech or report cue, so it may name a source of its own."""
        return not set(_WORD.findall(sentence.lower())).isdisjoint(self.source_words)


@cache
def fast_scan(registered: tuple[Rule, ...] = RULES) -> FastScan:
    """The fast scan of a list of rules (the registry, or a part of it in the tests)."""
    lex = lexicon()
    return FastScan(
        lex=lex,
        scan_words=frozenset().union(*(r.scanned_words(lex) for r in registered)),
        source_words=frozenset().union(*(r.source_words(lex) for r in registered if r.source_words is not None)),
        tests=tuple(r.scan for r in registered if r.scan is not None),
    )
