"""How many of the sentences the fast scan sends to the parser yield an attribution, and why each was sent.

Usage::

    python benchmarks/scan_yield.py [--polnear DIR --split dev] [--corpus DIR] [--top 40]

For every sentence the fast scan keeps (`parse_candidates`), this parses it and runs the
sentence rules (`read_sentence`, exactly as `find_attributions` does), and records whether
anything was found. A sentence that yields nothing cost a parse for nothing; the document
passes only read what sentences yielded, so skipping such a sentence changes no output. Each
kept sentence is listed under the reasons the scan kept it for (its scan words, and the names
of the scan tests that held); the table shows, per reason, the sentences kept for that reason
alone and how many of those yielded — where a reason alone rarely yields, the scan can be
tightened there. Prints the share of sentences and characters parsed, and the share that yield.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tracer.parse.attribution.cues import lexicon  # noqa: E402
from tracer.parse.attribution.find import parse_candidates, read_sentence  # noqa: E402
from tracer.parse.attribution.marks import double_quoted  # noqa: E402
from tracer.parse.attribution.nlp import parse  # noqa: E402
from tracer.parse.attribution.scan import _WORD, FastScan, fast_scan  # noqa: E402
from tracer.parse.attribution.spans import Context, Layout, Parsed  # noqa: E402
from tracer.text import sentences  # noqa: E402


def reasons(scan: FastScan, words_of: str) -> list[str]:
    """Why the scan keeps a sentence: its scan words, and the scan tests that hold."""
    words = frozenset(_WORD.findall(words_of.lower()))
    out = sorted(words & scan.scan_words)
    out += [f"<{test.__name__}>" for test in scan.tests if test(words_of, words, scan.lex)]
    return out


def measure(texts: list[str], scan: FastScan) -> tuple[Counter[str], Counter[str], dict[str, int]]:
    """Per reason: sentences kept for it alone, and those of them that yielded; and the totals."""
    lex = lexicon()
    alone: Counter[str] = Counter()
    alone_yield: Counter[str] = Counter()
    totals = Counter(sentences=0, chars=0, kept=0, kept_chars=0, yielded=0, yielded_chars=0)
    for text in map(double_quoted, texts):  # as `find_attributions` reads a text
        layout = Layout(text)
        spans = sentences(text)
        kept = parse_candidates(text, spans, layout, scan)
        totals["sentences"] += len(spans)
        totals["chars"] += sum(s.end - s.start for s in spans)
        docs = parse(lex.parser_form(s.of(text)) for s in kept)
        for sentence, doc in zip(kept, docs, strict=True):
            parsed = Parsed(doc, sentence.start, text, layout.quotes_at(sentence.start))
            found = bool(read_sentence(Context(lex, layout, parsed=parsed)))
            size = sentence.end - sentence.start
            totals["kept"] += 1
            totals["kept_chars"] += size
            totals["yielded"] += found
            totals["yielded_chars"] += size * found
            why = reasons(scan, sentence.of(text))
            key = why[0] if len(why) == 1 else "(several)"
            alone[key] += 1
            alone_yield[key] += found
    return alone, alone_yield, dict(totals)


def corpus_texts(folder: Path) -> list[str]:
    """The corpus pages' texts as the reader keeps them."""
    from tracer.read.document import read_html

    texts = []
    for page in sorted(folder.glob("*.html")):
        try:
            texts.append(read_html(page.read_bytes(), path=str(page)).text)
        except Exception:  # a page the reader refuses is not measured
            continue
    return texts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--polnear", help="local extraction of PolNeAR")
    parser.add_argument("--split", default="dev", choices=("train", "dev"))
    parser.add_argument("--corpus", help="a folder of news pages (*.html)")
    parser.add_argument("--top", type=int, default=40, help="reasons to list")
    args = parser.parse_args()
    texts: list[str] = []
    if args.polnear:
        sys.path.insert(0, str(ROOT / "benchmarks"))
        from polnear import load_split

        texts += [d.text for d in load_split(args.polnear, args.split)]
    if args.corpus:
        texts += corpus_texts(Path(args.corpus))
    alone, alone_yield, t = measure(texts, fast_scan())
    print(
        f"{len(texts)} texts: parsed {t['kept']} of {t['sentences']} sentences ({t['kept'] / t['sentences']:.1%};"
        f" {t['kept_chars'] / t['chars']:.1%} of the characters); {t['yielded']} yield an attribution"
        f" ({t['yielded'] / t['kept']:.1%} of those parsed; {t['yielded_chars'] / t['chars']:.1%} of the characters)"
    )
    print(f"{'kept for this reason alone':<32}{'sentences':>10}{'yield':>8}{'none':>8}")
    for key, count in sorted(alone.items(), key=lambda kv: alone_yield[kv[0]] - kv[1])[: args.top]:
        print(f"{key:<32}{count:>10}{alone_yield[key]:>8}{count - alone_yield[key]:>8}")


if __name__ == "__main__":
    main()
