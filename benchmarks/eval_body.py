"""Body completeness: how much of trafilatura's article body the reader keeps, and what it adds.

Usage: python benchmarks/eval_body.py [CORPUS_DIR] [--worst N] [--verbose PAGE] [--comments]
(CORPUS_DIR defaults to $TRACER_CORPUS, else ../shared/corpora/html.)

The reader builds `document.text` from the DOM and uses trafilatura only to decide which
paragraphs are body. Two shares per page, over the sentences of each text (tracer.text.sentences):

* kept  — trafilatura's body sentences found in `document.text` (what we must not drop), counted
  once per page; sentences of other stories on a stream page, which the reader leaves out on
  purpose (only the page's own <article>), are counted apart ("other");
* inside — characters of `document.text` in sentences trafilatura also keeps. The rest is what we
  add (embedded post text, captions) or boilerplate, so this share must not fall.

Sentences are compared with whitespace removed and case folded, as substrings of the other text:
the two texts break paragraphs at different places, and trafilatura glues inline elements without
the spaces the DOM has.

trafilatura runs with the reader's settings (tables in, comments out) and its `<main>` is the
body. With comments in (`extract`'s default, `--comments`), its plain text holds readers' comments
and comment-form notices ("By submitting this form you agree…", "Please log in here to leave a
comment.") and even its `<main>` takes in comment rules ("COMMUNITY GUIDELINES", a page of
sputniknews' moderation rules), which the reader must not add; `--comments` shows that figure too.
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
from tracer.read.document import Article, read_html
from tracer.read.embed_markup import within
from tracer.read.encoding import decode_bytes
from tracer.text import sentences

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = Path(os.environ.get("TRACER_CORPUS", ROOT.parent / "shared" / "corpora" / "html"))
# Whitespace, soft hyphens, zero-width characters, bidirectional marks and isolates, BOMs.
_NOT_COMPARED = re.compile(r"[\s\u00ad\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]+")
# trafilatura's XML elements that start a new paragraph in its text.
_XML_BLOCKS = frozenset(["p", "head", "item", "quote", "cell", "row", "list", "table", "code", "lb"])


def _key(text: str) -> str:
    """Whitespace and invisible characters out, case folded: the form both texts are compared in."""
    return _NOT_COMPARED.sub("", text).casefold()


def _sentence_texts(text: str) -> list[str]:
    """The distinct sentences of a text (a button label repeated ten times is one sentence)."""
    return list(dict.fromkeys(span.of(text) for span in sentences(text) if _key(span.of(text))))


@dataclass
class PageScore:
    """Sentence and character counts for one page."""

    name: str
    theirs: int = 0
    kept: int = 0
    other_stories: int = 0
    ours_chars: int = 0
    inside_chars: int = 0
    missing: tuple[str, ...] = ()

    @property
    def kept_share(self) -> float:
        """Share of trafilatura's sentences kept, not counting other stories left out on purpose."""
        counted = self.theirs - self.other_stories
        return self.kept / counted if counted else 1.0

    @property
    def inside_share(self) -> float:
        return self.inside_chars / self.ours_chars if self.ours_chars else 1.0


def trafilatura_body(html: str, comments: bool = False) -> str:
    """trafilatura's body text: the `<main>` of its XML with the reader's settings.

    With `comments`, `extract`'s defaults instead and its `<comments>` section too: what its
    plain-text output holds.
    """
    xml = trafilatura.extract(
        html, output_format="xml", include_comments=comments, include_tables=True, deduplicate=False
    )
    if not xml:
        return ""
    root = etree.fromstring(xml.encode("utf-8"), etree.XMLParser(recover=True))
    parts = [root.find("main"), root.find("comments") if comments else None]
    return "\n".join(_xml_text(part) for part in parts if part is not None)


def _xml_text(element: etree._Element) -> str:
    """The text of trafilatura's XML, a paragraph per line (its own text glues some paragraphs)."""
    pieces: list[str] = []
    for event, el in etree.iterwalk(element, events=("start", "end")):
        if event == "start":
            pieces += ["\n" if el.tag in _XML_BLOCKS else "", el.text or ""]
        else:
            pieces += ["\n" if el.tag in _XML_BLOCKS else "", el.tail or ""]
    return "".join(pieces)


def score_page(path: Path, comments: bool = False) -> PageScore:
    """Compare one page's `document.text` with trafilatura's body text."""
    data = path.read_bytes()
    html, _ = decode_bytes(data, None)
    theirs = trafilatura_body(html, comments)
    try:
        article = read_html(data, path=path.name)
    except TracerError:
        article = None
    ours = article.text if article else ""
    ours_key, theirs_key = _key(ours), _key(theirs)
    their_sentences = _sentence_texts(theirs)
    missing = tuple(s for s in their_sentences if _key(s) not in ours_key)
    elsewhere = _other_stories(article)
    other = sum(1 for s in missing if _key(s) in elsewhere)
    score = PageScore(path.name, len(their_sentences), len(their_sentences) - len(missing), other, missing=missing)
    for sentence in _sentence_texts(ours):
        score.ours_chars += len(sentence)
        score.inside_chars += len(sentence) if _key(sentence) in theirs_key else 0
    return score


def _other_stories(article: Article | None) -> str:
    """Text of the other <article>s with a heading, when the reader's body is one <article> of several.

    On a stream of stories (infinite scroll, 'speed reads') the reader keeps only the page's own
    story; trafilatura keeps them all. Those sentences are counted apart, not as losses.
    """
    if article is None or article.body is None or article.tree is None:
        return ""
    own = [a for a in (article.body, *article.body.iterancestors()) if a.tag == "article"]
    if not own:
        return ""
    others = [
        a
        for a in article.tree.iter("article")
        if not within(a, own[0]) and not within(own[0], a) and next(a.iter("h1", "h2", "h3"), None) is not None
    ]
    return "\n".join(_key(a.text_content()) for a in others)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--worst", type=int, default=0, help="print only the N pages that keep the least")
    parser.add_argument("--verbose", metavar="PAGE", help="list the sentences missing on pages matching PAGE")
    parser.add_argument("--comments", action="store_true", help="count trafilatura's <comments> as body too")
    args = parser.parse_args()
    scores = [score_page(path, args.comments) for path in sorted(args.corpus.glob("*.html"))]
    shown = sorted(scores, key=lambda s: s.kept_share)[: args.worst] if args.worst else scores
    print(f"{'page':<70} {'kept':>7} {'inside':>7} {'sent':>5} {'other':>5}")
    for score in shown:
        print(
            f"{score.name[:70]:<70} {score.kept_share:7.1%} {score.inside_share:7.1%}"
            f" {score.theirs:5d} {score.other_stories:5d}"
        )
        if args.verbose and args.verbose in score.name:
            for sentence in score.missing:
                print(f"    MISSING {sentence[:150]!r}")
    theirs, kept = sum(s.theirs for s in scores), sum(s.kept for s in scores)
    other = sum(s.other_stories for s in scores)
    ours, inside = sum(s.ours_chars for s in scores), sum(s.inside_chars for s in scores)
    print(f"\n{len(scores)} pages, distinct sentences of trafilatura's body: {theirs}")
    print(f"kept in document.text: {kept}/{theirs} = {kept / theirs:.2%}")
    print(f"other stories of a stream page, left out on purpose: {other}")
    print(f"kept of the page's own body: {kept}/{theirs - other} = {kept / (theirs - other):.2%}")
    print(f"our text inside trafilatura's: {inside}/{ours} characters = {inside / ours:.2%}")
    low = [s for s in scores if s.kept_share < 0.95]
    print(f"pages below 95% kept: {len(low)}; lowest {min(s.kept_share for s in scores):.1%}")


if __name__ == "__main__":
    main()
