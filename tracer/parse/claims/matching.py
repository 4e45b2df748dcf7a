"""Claim matching: does a cited document state the same claim, and in which words?

Outlets rewrite what they pass on: clauses reordered, "1,100" becoming "about eleven hundred",
"the Joint Chiefs of Staff" becoming "the JCS", "killed" becoming "dead". The matcher reduces
both texts to content terms — numbers read to one value, words lightly stemmed and mapped
onto one word per meaning, attribution cues and function words dropped, acronyms of
capitalised names added — and asks how much of the claim the passage covers. Numbers weigh
most (they are what gets garbled) and a passage that shares none of the claim's numbers is
penalised hard: "100 killed" is not "1,100 casualties", however similar the words.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

from rapidfuzz import fuzz

from tracer.datafiles import load_lines
from tracer.parse.claims.numbers import is_number_word, number_token, read_number, rewrite_phrases
from tracer.text import Span, sentences

# A passage matches when its score reaches this. Chosen on tests/data/claim_pairs.json
# (paraphrases score 0.63-1.0, same-topic distractors at most 0.37); the gap is the margin.
MATCH_THRESHOLD = 0.6
# Numbers carry the claim; a capitalised name is more telling than a common word.
NUMBER_WEIGHT = 3.0
NAME_WEIGHT = 1.5
WORD_WEIGHT = 1.0
# A passage that shares none of the claim's numbers keeps this share of its score.
NUMBER_MISMATCH_FACTOR = 0.5
# A passage naming a different thing of the same kind ("Oak Street" for "Elm Street") keeps this share.
NAME_CONFLICT_FACTOR = 0.5
# Share of the score from rapidfuzz's token-set ratio; the rest is weighted coverage.
FUZZ_SHARE = 0.2
# Two words are one when their stems are this similar (spelling variants, typos).
TOKEN_FUZZ = 88
# A two-sentence passage must beat the best single sentence by this much to be preferred.
PAIR_MARGIN = 0.1
# Claims with fewer content terms than this cannot be told apart from chance overlap.
MIN_TERMS = 2

_TOKEN = re.compile(r"\d[\d,.\u202f\u00a0]*\d(?:k|m|mn|bn|b|tn)?\b|\d(?:k|m|bn)?\b|[a-z]+(?:'[a-z]+)?|%")
_NAME = re.compile(r"\b(?:[A-Z][\w'’-]*)(?:\s+(?:of|the|and|for|de|du|al)?\s*[A-Z][\w'’-]*)*")
_JOINERS = frozenset({"of", "the", "and", "for", "de", "du", "al"})


@dataclass(frozen=True, slots=True)
class Match:
    """Where a document states a claim, and how sure the matcher is."""

    score: float
    start: int
    end: int
    passage: str


@dataclass
class Terms:
    """A text reduced to what the matcher compares."""

    terms: list[str] = field(default_factory=list)
    weights: dict[str, float] = field(default_factory=dict)
    numbers: set[str] = field(default_factory=set)
    acronyms: dict[str, list[str]] = field(default_factory=dict)
    names: list[tuple[str, ...]] = field(default_factory=list)

    @property
    def vocabulary(self) -> set[str]:
        """Every term plus the acronyms of its names."""
        return set(self.terms) | set(self.acronyms)


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    return frozenset(load_lines("match_stopwords.txt"))


@lru_cache(maxsize=1)
def _meanings() -> dict[str, str]:
    table: dict[str, str] = {}
    for line in load_lines("paraphrases.txt"):
        words = [stem(w) for w in line.split()]
        for word in words:
            table.setdefault(word, words[0])
    return table


def stem(word: str) -> str:
    """A light English stemmer: plural, past and -ing endings, and a final e, removed.

    Deliberately weak (no Porter-style stripping of -ation, -ment …): merging "close",
    "closed" and "closing" is wanted; merging "general" and "generate" is not.
    """
    if len(word) <= 3 or word.startswith("#"):
        return word
    for suffix, replacement in (("sses", "ss"), ("ies", "y"), ("ied", "y")):
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            return word[: -len(suffix)] + replacement
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    for suffix in ("ing", "ed"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "lsz":
                word = word[:-1]
            break
    return word[:-1] if len(word) > 3 and word.endswith("e") else word


def _normalise(text: str) -> str:
    text = re.sub(r"(?<=\d)[\u202f\u00a0\u2009](?=\d{3}\b)", "", text)  # "1 100" with a thin space
    text = unicodedata.normalize("NFKC", text).replace("’", "'").replace("‘", "'")
    text = re.sub(r"(?<=[a-z])-(?=[a-z])", " ", text.lower())
    text = re.sub(r"(?<=\d)-(?=\d)", " ", text)
    return rewrite_phrases(text.replace("%", " percent "))


def _names(text: str) -> list[tuple[str, tuple[str, ...]]]:
    """Multi-word capitalised names: (acronym, stems of their words), in text order."""
    found: list[tuple[str, tuple[str, ...]]] = []
    for match in _NAME.finditer(text):
        for name in re.split(r"['’]s\b", match.group(0)):  # "Seoul's Joint Chiefs": two names
            words = re.findall(r"[\w-]+", name)
            core = [w for w in words if w.lower() not in _JOINERS]
            if len(core) >= 2:
                found.append(("".join(w[0] for w in core).lower(), tuple(_meaning(stem(w.lower())) for w in core)))
    return found


def _conflicting_name(claim: Terms, passage: Terms) -> bool:
    """Whether the passage names a different thing of the same kind ("Oak Street" for "Elm Street").

    Two names conflict when they end in the same word but the claim's other words appear
    nowhere in the passage: a different street, lake or Korea, not a shortened name.
    """
    vocabulary = passage.vocabulary
    for name in claim.names:
        if all(w in vocabulary for w in name[:-1]):
            continue
        if any(other[-1] == name[-1] and other != name and set(other[:-1]) - set(name) for other in passage.names):
            return True
    return False


def _meaning(word: str) -> str:
    return _meanings().get(word, word)


def _proper_words(text: str) -> set[str]:
    """Lower-cased words written with a capital after a word (not at a sentence start)."""
    return {w.lower() for w in re.findall(r"(?<=[\w,;:'’)]\s)[A-Z][\w'’-]*", text)}


def terms_of(text: str) -> Terms:
    """Reduce a text to weighted content terms, number tokens and name acronyms."""
    tokens = [t[:-2] if t.endswith("'s") else t for t in _TOKEN.findall(_normalise(text))]
    proper = _proper_words(text)
    names = _names(text)
    result = Terms(acronyms={acronym: list(words) for acronym, words in names}, names=[w for _, w in names])
    index = 0
    while index < len(tokens):
        index = _take_term(tokens, index, proper, result)
    return result


def _take_term(tokens: list[str], index: int, proper: set[str], result: Terms) -> int:
    """Add the term at `tokens[index]` (a whole number counts as one); return the next index."""
    token = tokens[index]
    if is_number_word(token) or token in {"a", "an"}:
        number = read_number(tokens, index)
        if number and number[0] == 1 and number[1] == index + 1 and not token[0].isdigit():
            return index + 1  # a lone "one" is a pronoun far more often than a figure
        if number:
            value, after = number
            term = number_token(value)
            result.terms.append(term)
            result.numbers.add(term)
            result.weights[term] = NUMBER_WEIGHT
            return after
    if token not in _stopwords() and len(token) > 1:
        term = _meaning(stem(token))
        result.terms.append(term)
        weight = NAME_WEIGHT if token in proper else WORD_WEIGHT
        result.weights[term] = max(weight, result.weights.get(term, 0.0))
    return index + 1


def _covered(term: str, passage: Terms, vocabulary: set[str]) -> bool:
    if term in vocabulary:
        return True
    if term.startswith("#") or len(term) < 5:
        return False
    return any(len(other) >= 5 and fuzz.ratio(term, other) >= TOKEN_FUZZ for other in passage.terms)


def similarity(claim: Terms, passage: Terms) -> float:
    """How much of the claim the passage states, 0..1 (see the module docstring)."""
    required = dict.fromkeys(claim.terms)
    if len(required) < MIN_TERMS or not passage.terms:
        return 0.0
    vocabulary = passage.vocabulary
    matched = {t for t in required if _covered(t, passage, vocabulary)}
    for acronym, words in claim.acronyms.items():
        if acronym in vocabulary:
            matched.update(w for w in words if w in required)
    total = sum(claim.weights[t] for t in required)
    coverage = sum(claim.weights[t] for t in matched) / total
    fuzzy = fuzz.token_set_ratio(" ".join(required), " ".join(dict.fromkeys(passage.terms))) / 100
    score = (1 - FUZZ_SHARE) * coverage + FUZZ_SHARE * fuzzy
    if claim.numbers and not claim.numbers & passage.numbers:
        score *= NUMBER_MISMATCH_FACTOR
    if _conflicting_name(claim, passage):
        score *= NAME_CONFLICT_FACTOR
    return round(score, 3)


class PassageIndex:
    """A document's passages reduced to terms once, for matching many claims against it.

    Args:
        text: The document's text.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        singles = sentences(text)
        pairs = [Span(a.start, b.end) for a, b in pairwise(singles) if "\n" not in text[a.end : b.start]]
        self.entries = [(span, terms_of(span.of(text)), False) for span in singles]
        self.entries += [(span, terms_of(span.of(text)), True) for span in pairs]

    def best(self, claim: str) -> Match | None:
        """The best-scoring passage for a claim, whatever its score (None if nothing overlaps)."""
        ranked = self.ranked(claim)
        return ranked[0] if ranked else None

    def ranked(self, claim: str) -> list[Match]:
        """Passages sharing anything with the claim, best first.

        A pair of sentences ranks above single sentences only when it beats the best of them
        by `PAIR_MARGIN`: the shorter evidence is the more precise one.
        """
        wanted = terms_of(claim)
        scored = [(similarity(wanted, terms), span, pair) for span, terms, pair in self.entries]
        best_single = max((score for score, _, pair in scored if not pair), default=0.0)

        def rank(entry: tuple[float, Span, bool]) -> tuple[float, bool, int]:
            score, span, pair = entry
            handicap = PAIR_MARGIN if pair and score < best_single + PAIR_MARGIN else 0.0
            return -(score - handicap), pair, span.start

        ranked = sorted((entry for entry in scored if entry[0] > 0), key=rank)
        return [Match(score, span.start, span.end, span.of(self.text)) for score, span, _ in ranked]


def passages(text: str) -> list[Span]:
    """Candidate passages of a document: each sentence, and each pair of neighbouring sentences
    in the same paragraph (a claim split over two sentences; never a headline and its lead)."""
    return [span for span, _, _ in PassageIndex(text).entries]


def find_claim(claim: str, text: str, *, threshold: float = MATCH_THRESHOLD) -> Match | None:
    """The passage of `text` that best states `claim`, if any reaches `threshold`.

    Single sentences are preferred over pairs when they score the same (the shorter passage
    is the more precise evidence).

    Args:
        claim: The claim's words, as the citing document has them.
        text: The cited document's text.
        threshold: Lowest score that counts as "states the claim".

    Returns:
        The best match, or None when the document does not state the claim.
    """
    best = best_passage(claim, text)
    return best if best and best.score >= threshold else None


def best_passage(claim: str, text: str) -> Match | None:
    """The best-scoring passage whatever its score (None for an empty text or a trivial claim)."""
    return PassageIndex(text).best(claim)
