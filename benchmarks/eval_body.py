"""Body completeness: how much of trafilatura's article body the reader keeps, and what it adds.

Usage: python benchmarks/eval_body.py [CORPUS_DIR] [--pages N] [--worst N] [--verbose PAGE]
(CORPUS_DIR defaults to $TRACER_CORPUS, else ../shared/corpora/html.)

The reader builds `document.text` from the DOM and uses trafilatura only to decide which
paragraphs are body. Two shares per page, over the sentences of each text (tracer.text.sentences):

* kept  — trafilatura's body sentences found in `document.text` (what we must not drop);
* inside — characters of `document.text` in sentences trafilatura also keeps. The rest is what we
  add (embedded post text, captions) or boilerplate, so this share must not fall.

Sentences are compared with whitespace removed and case folded, as substrings of the other text:
the two texts break paragraphs at different places, and trafilatura glues inline elements without
the spaces the DOM has.

trafilatura runs with its default settings and its `<main>` is the body. Its `<comments>` (which
`extract`'s plain text appends) is left out: on this corpus it holds readers' comments and
comment-form notices ("By submitting this form you agree…", "Please log in here to leave a
comment."), which the reader must not add. `--comments` counts them anyway, for comparison.
"""

from __future__ import annotations

import argparse
import os
import re
from dataclasses import dataclass
from pathlib import Path

import lxml.etree as etree
import trafilatura

from tracer.errors import TracerError
from tracer.read.document import read_html
from tracer.read.encoding import decode_bytes
from tracer.text import sentences

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = Path(os.environ.get("TRACER_CORPUS", ROOT.parent / "shared" / "corpora" / "html"))
_NOT_COMPARED = re.compile(r"[\s\u00ad\u200b\u200c\u200d\u2060\ufeff]+")


def _key(text: str) -> str:
    """Whitespace and invisible characters out, case folded: the form both texts are compared in."""
    return _NOT_COMPARED.sub("", text).casefold()


def _sentence_texts(text: str) -> list[str]:
    return [span.of(text) for span in sentences(text) if _key(span.of(text))]


@dataclass
class PageScore:
    """Sentence and character counts for one page."""

    name: str
    theirs: int = 0
    kept: int = 0
    ours_chars: int = 0
    inside_chars: int = 0
    missing: tuple[str, ...] = ()

    @property
    def kept_share(self) -> float:
        return self.kept / self.theirs if self.theirs else 1.0

    @property
    def inside_share(self) -> float:
        return self.inside_chars / self.ours_chars if self.ours_chars else 1.0


def trafilatura_body(html: str, comments: bool = False) -> str:
    """trafilatura's body text: `<main>` of its XML with default settings (readers' comments out).

    With `comments`, also its `<comments>` section (what `extract` returns as text by default).
    """
    xml = trafilatura.extract(html, output_format="xml", deduplicate=False)
    if not xml:
        return ""
    root = etree.fromstring(xml.encode("utf-8"), etree.XMLParser(recover=True))
    parts = [root.find("main"), root.find("comments") if comments else None]
    return "\n".join("".join(part.itertext()) for part in parts if part is not None)


def score_page(path: Path, comments: bool = False) -> PageScore:
    """Compare one page's `document.text` with trafilatura's body text."""
    data = path.read_bytes()
    html, _ = decode_bytes(data, None)
    theirs = trafilatura_body(html, comments)
    try:
        ours = read_html(data, path=path.name).text
    except TracerError:
        ours = ""
    ours_key, theirs_key = _key(ours), _key(theirs)
    their_sentences = _sentence_texts(theirs)
    missing = tuple(s for s in their_sentences if _key(s) not in ours_key)
    score = PageScore(path.name, len(their_sentences), len(their_sentences) - len(missing), missing=missing)
    for sentence in _sentence_texts(ours):
        score.ours_chars += len(sentence)
        score.inside_chars += len(sentence) if _key(sentence) in theirs_key else 0
    return score


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--worst", type=int, default=0, help="print only the N pages that keep the least")
    parser.add_argument("--verbose", metavar="PAGE", help="list the sentences missing on pages matching PAGE")
    parser.add_argument("--comments", action="store_true", help="count trafilatura's <comments> as body too")
    args = parser.parse_args()
    scores = [score_page(path, args.comments) for path in sorted(args.corpus.glob("*.html"))]
    shown = sorted(scores, key=lambda s: s.kept_share)[: args.worst] if args.worst else scores
    print(f"{'page':<70} {'kept':>7} {'inside':>7} {'sent':>5}")
    for score in shown:
        print(f"{score.name[:70]:<70} {score.kept_share:7.1%} {score.inside_share:7.1%} {score.theirs:5d}")
        if args.verbose and args.verbose in score.name:
            for sentence in score.missing:
                print(f"    MISSING {sentence[:150]!r}")
    theirs, kept = sum(s.theirs for s in scores), sum(s.kept for s in scores)
    ours, inside = sum(s.ours_chars for s in scores), sum(s.inside_chars for s in scores)
    print(f"\n{len(scores)} pages: kept {kept}/{theirs} of trafilatura's body sentences = {kept / theirs:.2%}")
    print(f"our text inside trafilatura's: {inside}/{ours} characters = {inside / ours:.2%}")
    low = [s for s in scores if s.kept_share < 0.95]
    print(f"pages below 95% kept: {len(low)}; lowest {min(s.kept_share for s in scores):.1%}")


if __name__ == "__main__":
    main()
