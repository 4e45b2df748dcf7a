"""Score the attribution stage on PolNeAR: per-role precision, recall and F1, and articles/second.

Usage::

    python benchmarks/eval_attribution.py POLNEAR_DIR --split dev

POLNEAR_DIR is a local extraction of github.com/networkdynamics/PolNeAR (never committed: the
texts are publishers' copyright). Only the train and dev splits may be used; test is for one
final run by the lead.

Scoring. Gold relations are the canonical annotator's (the alphabetically first `.ann` file of
a document). For each role (source, cue, content) the gold and predicted spans of a document
are deduplicated (a source shared by "X said ..., adding ..." counts once) and matched one to
one, best pairs first:

* exact — same boundaries after trimming whitespace, quote marks and punctuation at both ends
  of every fragment;
* overlap — token Jaccard >= 0.5 for content; any shared token for source and cue.

PolNeAR marks only the outermost attribution of a nest, so nested predictions ("A said B told
them ...": B's) are left out, and "citing Y" is scored as its own relation (source = the citer,
cue = "citing", content = Y), as the corpus annotates it. Speed is the attribution stage alone
(`find_attributions`: fast scan, spaCy parse of candidate sentences, rules, quote joining),
single process, one BLAS thread, model loaded and warmed up before timing; the pass is repeated
(--repeat, default 3) and the best and median rates printed, because this machine's speed drifts
by up to 3x over a day. The regex baseline below runs in the same process on the same
documents. With --reference, spaCy's full small pipeline (what GenderGapTracker's extractor runs
on each article) is timed in the same passes, and the ratio of the two rates is printed: it does
not drift with the machine's load. With --ggt CHECKOUT, GenderGapTracker's extractor itself (the
issue's anchor, `ggt.py`) is scored with the same scorer and timed in the same passes. With
--from-trace, the split's texts are also run through `tracer trace --depth 0 --offline` (the whole
parse stage, as a user runs it) and the `attributions[]` of its JSON output are scored the same
way: relations marked `nested` and the `cited_by` intermediaries left out, as PolNeAR annotates.
"""

from __future__ import annotations

import argparse
import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # one core: the figure is per core
os.environ.setdefault("OMP_NUM_THREADS", "1")

import json
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ggt import GenderGapTracker, GGTUnavailableError
from polnear import Fragments, GoldDocument, GoldRelation, load_split, split_dir

from tracer.parse.attribution.find import find_attributions, outermost, parse_candidates
from tracer.parse.attribution.spans import Attribution
from tracer.text import sentences

ROLES = ("source", "cue", "content")
_EDGE = " \t\n\r\"'“”‘’`«»,.;:!?()[]—–-"
_TOKEN = re.compile(r"\w+|[^\w\s]")
Extractor = Callable[[str], list[GoldRelation]]


@dataclass
class Counts:
    """Matched, predicted and gold counts for one role and one matching mode."""

    tp: int = 0
    pred: int = 0
    gold: int = 0

    def prf(self) -> tuple[float, float, float]:
        """Precision, recall and F1."""
        p = self.tp / self.pred if self.pred else 0.0
        r = self.tp / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _trimmed(text: str, frags: Fragments) -> Fragments:
    out = []
    for start, end in frags:
        while start < end and text[start] in _EDGE:
            start += 1
        while end > start and text[end - 1] in _EDGE:
            end -= 1
        if end > start:
            out.append((start, end))
    return tuple(out)


def _tokens(text: str, frags: Fragments) -> frozenset[int]:
    return frozenset(start + m.start() for start, end in frags for m in _TOKEN.finditer(text[start:end]))


def _match(text: str, gold: list[Fragments], pred: list[Fragments], role: str) -> tuple[int, int]:
    """(exact, overlap) one-to-one matches between deduplicated gold and predicted spans."""
    gold_t, pred_t = [_trimmed(text, g) for g in gold], [_trimmed(text, p) for p in pred]
    exact = _greedy([(1.0, i, j) for i, g in enumerate(gold_t) for j, p in enumerate(pred_t) if g == p and g])
    gtok, ptok = [_tokens(text, g) for g in gold], [_tokens(text, p) for p in pred]
    pairs = []
    for i, g in enumerate(gtok):
        for j, p in enumerate(ptok):
            shared = len(g & p)
            if not shared:
                continue
            jaccard = shared / len(g | p)
            if role != "content" or jaccard >= 0.5:
                pairs.append((jaccard, i, j))
    return exact, _greedy(pairs)


def _greedy(pairs: list[tuple[float, int, int]]) -> int:
    used_g: set[int] = set()
    used_p: set[int] = set()
    for _, i, j in sorted(pairs, reverse=True):
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
    return len(used_g)


def _role_spans(relations: Iterable[GoldRelation], role: str) -> list[Fragments]:
    spans = {getattr(r, role) for r in relations}
    return sorted(s for s in spans if s)


def score(docs: list[GoldDocument], predictions: list[list[GoldRelation]]) -> dict[tuple[str, str], Counts]:
    """Counts per (role, mode) over all documents."""
    counts = {(role, mode): Counts() for role in ROLES for mode in ("exact", "overlap")}
    for doc, pred in zip(docs, predictions, strict=True):
        for role in ROLES:
            gold_spans, pred_spans = _role_spans(doc.relations, role), _role_spans(pred, role)
            exact, overlap = _match(doc.text, gold_spans, pred_spans, role)
            for mode, tp in (("exact", exact), ("overlap", overlap)):
                c = counts[(role, mode)]
                c.tp, c.pred, c.gold = c.tp + tp, c.pred + len(pred_spans), c.gold + len(gold_spans)
    return counts


def _frag(start: int, end: int) -> Fragments:
    return ((start, end),)


def as_relations(found: list[Attribution]) -> list[GoldRelation]:
    """The tracer's attributions in PolNeAR's terms: outermost only, "citing Y" as its own relation."""
    out = []
    for a in outermost(found):
        source = _frag(a.source.start, a.source.end) if a.source else None
        content = tuple((f.start, f.end) for f in a.content)
        cue = a.group or a.cue  # the verb group, as PolNeAR marks the cue
        out.append(GoldRelation(source, _frag(cue.start, cue.end), content))
        for c in a.cites:
            out.append(GoldRelation(source, _frag(c.cue.start, c.cue.end), _frag(c.source.start, c.source.end)))
    return out


def trace_relations(docs: list[GoldDocument], split_dir: Path) -> list[list[GoldRelation]]:
    """Run `tracer trace` on the split's text files and read `attributions[]` back from its JSON Lines."""
    return [json_relations(result.get("attributions", [])) for result in trace_results(docs, split_dir)]


def trace_results(docs: list[GoldDocument], split_dir: Path, jobs: int | None = None) -> list[dict[str, Any]]:
    """`tracer trace --depth 0 --offline` on the split's text files, as a user runs it: one JSON
    result per document, in order, each checked to hold PolNeAR's text (or its offsets would not)."""
    paths = [str(split_dir / "text" / f"{d.name}.txt") for d in docs]
    command = [sys.executable, "-m", "tracer", "trace", *paths, "--offline", "--depth", "0", "-q", "--compact"]
    if jobs:
        command += ["--jobs", str(jobs)]
    with tempfile.TemporaryDirectory() as cache:
        done = subprocess.run([*command, "--cache-dir", cache], capture_output=True, text=True, check=False)
    if done.returncode not in (0, 1):
        raise SystemExit(f"tracer trace failed ({done.returncode}): {done.stderr[-2000:]}")
    results = [json.loads(line) for line in done.stdout.splitlines() if line.strip()]
    for doc, result in zip(docs, results, strict=True):
        if (result.get("document") or {}).get("text") != doc.text:
            raise SystemExit(f"{doc.name}: the traced document's text differs from PolNeAR's; offsets would not hold")
    return results


def json_relations(attributions: list[dict[str, object]]) -> list[GoldRelation]:
    """`attributions[]` of one result in PolNeAR's terms: outermost relations, no intermediaries."""
    out = []
    for rel in attributions:
        if rel.get("nested") or rel.get("form") == "cited_by":
            continue
        source, cue, content = rel.get("source"), rel["cue"], rel.get("content") or []
        assert isinstance(cue, dict) and isinstance(content, list)
        out.append(
            GoldRelation(
                _frag(source["start"], source["end"]) if isinstance(source, dict) else None,
                _frag(cue["start"], cue["end"]),
                tuple((f["start"], f["end"]) for f in content),
            )
        )
    return out


def tracer_extractor(text: str) -> list[GoldRelation]:
    """The tracer's attribution stage."""
    return as_relations(find_attributions(text))


# --- baseline: the pattern matcher the project started from ---------------------------------

# The 46 speech verbs of the project's first pattern matcher (the foundation's cue_verbs.txt).
_BASE_VERB_LIST = (
    "said",
    "says",
    "told",
    "tells",
    "announced",
    "announces",
    "stated",
    "states",
    "reported",
    "reports",
    "claimed",
    "claims",
    "warned",
    "warns",
    "confirmed",
    "confirms",
    "estimated",
    "estimates",
    "assessed",
    "assesses",
    "added",
    "adds",
    "noted",
    "notes",
    "explained",
    "wrote",
    "writes",
    "tweeted",
    "posted",
    "insisted",
    "argued",
    "alleged",
    "acknowledged",
    "admitted",
    "revealed",
    "disclosed",
    "declared",
    "suggested",
    "speculated",
    "stressed",
    "believes",
    "believed",
    "predicted",
    "asserted",
    "denied",
)
_BASE_VERBS = "|".join(sorted(_BASE_VERB_LIST, key=len, reverse=True))
_BASELINE = (
    re.compile(r"^(?P<content>.+?),?\s+(?P<cue>according to)\s+(?P<source>[^,.;]+)"),
    re.compile(r"^(?P<cue>According to)\s+(?P<source>[^,]+?),\s+(?P<content>.+)$"),
    re.compile(r"^(?P<content>.+?),[”\"]?\s+(?P<source>(?:[Tt]he\s+)?[^,]{2,60}?)\s+(?P<cue>" + _BASE_VERBS + r")\.?$"),
    re.compile(r"^(?P<content>.+?),[”\"]?\s+(?P<cue>" + _BASE_VERBS + r")\s+(?P<source>[^,]{2,60}?)\.?$"),
    re.compile(
        r"^(?P<source>(?:[Tt]he\s+)?[^,]{2,60}?)\s+(?P<cue>" + _BASE_VERBS + r")(?:\s+that)?,?\s+(?P<content>.+)$"
    ),
)


def baseline_extractor(text: str) -> list[GoldRelation]:
    """A regex baseline: one attribution per sentence from five surface patterns."""
    out = []
    for sentence in sentences(text):
        chunk = sentence.of(text)
        for pattern in _BASELINE:
            m = pattern.match(chunk)
            if m:
                spans = {g: _frag(sentence.start + m.start(g), sentence.start + m.end(g)) for g in ROLES}
                out.append(GoldRelation(spans["source"], spans["cue"], spans["content"]))
                break
    return out


# --- report -----------------------------------------------------------------------------------


def run(
    docs: list[GoldDocument], extractor: Extractor, repeat: int = 1
) -> tuple[dict[tuple[str, str], Counts], list[float]]:
    """Predictions for every document, their scores, and articles per second of each timed pass.

    The machine's speed drifts (shared virtual CPUs), so the pass is repeated and every rate
    is kept; the report gives the best and the median.
    """
    rates = []
    predictions: list[list[GoldRelation]] = []
    for _ in range(repeat):
        start = time.perf_counter()
        predictions = [extractor(d.text) for d in docs]
        rates.append(len(docs) / (time.perf_counter() - start))
    return score(docs, predictions), rates


def report(name: str, counts: dict[tuple[str, str], Counts], rates: list[float]) -> list[str]:
    """Table rows for one system."""
    rows = []
    for role in ROLES:
        cells = []
        for mode in ("exact", "overlap"):
            p, r, f = counts[(role, mode)].prf()
            cells.append(f"{p:.3f} {r:.3f} {f:.3f}")
        rows.append(f"{name:<10} {role:<8} {cells[0]:<20} {cells[1]:<20}")
    if not rates:
        return rows
    rows.append(
        f"{name:<10} speed    best {max(rates):.1f}, median {statistics.median(rates):.1f} articles/s"
        f" ({len(rates)} passes)"
    )
    return rows


def main(argv: list[str] | None = None) -> int:
    """Run the tracer and the baseline on one split and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("polnear_dir", help="local extraction of the PolNeAR repository")
    parser.add_argument("--split", default="dev", choices=("train", "dev"), help="split to score (never test)")
    parser.add_argument("--limit", type=int, default=0, help="score only the first N documents")
    parser.add_argument("--repeat", type=int, default=3, help="timed passes over the split (default 3)")
    parser.add_argument("--pages", help="also time the stage on a folder of real news pages (*.html)")
    parser.add_argument(
        "--ggt",
        metavar="CHECKOUT",
        help="also score and time GenderGapTracker's quote extractor from a checkout (see benchmarks/ggt.py)",
    )
    parser.add_argument(
        "--from-trace",
        action="store_true",
        help="also score attributions[] read back from `tracer trace` JSON output on the split's texts",
    )
    parser.add_argument(
        "--reference",
        action="store_true",
        help="also time spaCy's full small pipeline in the same passes (a load-independent speed ratio)",
    )
    args = parser.parse_args(argv)
    docs = load_split(args.polnear_dir, args.split)
    find_attributions(docs[0].text)  # load and warm up the model outside the timing
    try:  # fail before the long passes, not after them
        ggt = (GenderGapTracker(args.ggt), GenderGapTracker(args.ggt, numpy_blas=True)) if args.ggt else None
    except GGTUnavailableError as error:
        parser.error(str(error))
    if args.limit:
        docs = docs[: args.limit]
    gold = sum(len(d.relations) for d in docs)
    print(f"PolNeAR {args.split}: {len(docs)} articles, {gold} gold relations (canonical annotator)")
    print(f"{'system':<10} {'role':<8} {'exact P R F1':<20} {'overlap P R F1':<20}")
    for name, extractor in (("baseline", baseline_extractor), ("tracer", tracer_extractor)):
        counts, rates = run(docs, extractor, args.repeat)
        print("\n".join(report(name, counts, rates)))
    if args.from_trace:
        folder = split_dir(Path(args.polnear_dir), args.split)
        print("\n".join(report("trace-json", score(docs, trace_relations(docs, folder)), [])))
    if ggt:
        print("\n".join(ggt_rows(docs, *ggt, args.repeat)))
    if args.pages:
        print(pages_speed(Path(args.pages), args.repeat))
    if args.reference:
        print(reference_speed(docs, args.repeat))
    print(time_budget(docs, args.repeat))
    return 0


def time_budget(docs: list[GoldDocument], repeat: int) -> str:
    """Where one pass spends its time: how much the fast path leaves to the parser, and the
    parser's share of the stage (the rest is the rules, quotes and chains). The parse is per token,
    so the parsed share bounds what any speed-up of the rules can buy."""
    from tracer.parse.attribution.cues import lexicon
    from tracer.parse.attribution.nlp import parse

    lex = lexicon()
    total = chars = parsed_chars = 0
    texts: list[str] = []
    for d in docs:
        spans = sentences(d.text)
        candidates = parse_candidates(d.text, spans)
        total += len(spans)
        chars += sum(s.end - s.start for s in spans)
        parsed_chars += sum(s.end - s.start for s in candidates)
        texts += [lex.parser_form(s.of(d.text)) for s in candidates]
    parse_times, stage_times = [], []
    for _ in range(repeat):  # interleaved, fastest of each: the machine's speed drifts between passes
        start = time.perf_counter()
        tokens = sum(len(doc) for doc in parse(texts))
        parse_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        for d in docs:
            find_attributions(d.text)
        stage_times.append(time.perf_counter() - start)
    parse_time, stage_time = min(parse_times), min(stage_times)
    return (
        f"budget     fast path parses {len(texts)} of {total} sentences ({len(texts) / total:.0%};"
        f" {parsed_chars / chars:.0%} of the characters, {tokens} tokens); spaCy parse {parse_time:.2f} s"
        f" of {stage_time:.2f} s per pass ({parse_time / stage_time:.0%}; fastest of {repeat}),"
        f" {tokens / parse_time:,.0f} tokens/s"
    )


# GenderGapTracker's quote extractor, measured on this machine (the anchor), runs the
# whole spaCy small pipeline over each article, then its rules.
GGT_ANCHOR = 6.8


def same_passes(
    docs: list[GoldDocument], calls: dict[str, Callable[[str], object]], repeat: int
) -> dict[str, list[float]]:
    """Articles/second of each call, timed one after another in every pass, so the machine's
    drift (up to 3x between runs) hits all of them alike."""
    rates: dict[str, list[float]] = {name: [] for name in calls}
    for _ in range(repeat):
        for name, call in calls.items():
            start = time.perf_counter()
            for d in docs:
                call(d.text)
            rates[name].append(len(docs) / (time.perf_counter() - start))
    return rates


def _against_tracer(label: str, theirs: list[float], ours: list[float]) -> str:
    """One row: the other system's median rate, the tracer's in the same passes, and their ratio."""
    ratio = statistics.median(o / t for o, t in zip(ours, theirs, strict=True))
    return (
        f"{label} median {statistics.median(theirs):.1f} articles/s; tracer in the same passes median"
        f" {statistics.median(ours):.1f}; ratio {ratio:.2f}x (at the anchor's {GGT_ANCHOR} articles/s:"
        f" {ratio * GGT_ANCHOR:.1f})"
    )


def reference_speed(docs: list[GoldDocument], repeat: int) -> str:
    """The stage's speed against a reference timed in the same passes: the full spaCy small
    pipeline (all components, the whole article) that GenderGapTracker's extractor runs before its
    rules, so an upper bound on its speed."""
    import spacy

    from tracer.parse.attribution.nlp import MODEL

    full = spacy.load(MODEL)
    full(docs[0].text)
    rates = same_passes(docs, {"tracer": find_attributions, "reference": full}, repeat)
    return _against_tracer(
        "reference  spaCy small full pipeline on whole articles:", rates["reference"], rates["tracer"]
    )


def ggt_rows(docs: list[GoldDocument], ggt: GenderGapTracker, fair: GenderGapTracker, repeat: int) -> list[str]:
    """GenderGapTracker's extractor scored like the tracer, then timed in the same passes: as
    spaCy loads it by default (`ggt`), and on numpy's BLAS like the tracer (`fair`). The ratios are
    the issue's "3x GenderGapTracker" measured side by side, free of the machine's drift."""
    rows = report("ggt", score(docs, [ggt.relations(d.text) for d in docs]), [])
    fair.quotes(docs[0].text)  # warm up (the scoring pass above warmed `ggt`)
    rates = same_passes(docs, {"tracer": find_attributions, "ggt": ggt.quotes, "ggt-numpy": fair.quotes}, repeat)
    rows += [_against_tracer(f"{name:<10} speed   ", rates[name], rates["tracer"]) for name in ("ggt", "ggt-numpy")]
    return rows


def pages_speed(folder: Path, repeat: int) -> str:
    """Articles/second of the attribution stage on real pages (read beforehand, not timed)."""
    from tracer.read.document import read_html

    texts = [read_html(page.read_bytes(), path=str(page)).text for page in sorted(folder.glob("*.html"))]
    words = sum(len(t.split()) for t in texts)
    rates = []
    for _ in range(repeat):
        start = time.perf_counter()
        for text in texts:
            find_attributions(text)
        rates.append(len(texts) / (time.perf_counter() - start))
    return (
        f"pages      speed    best {max(rates):.1f}, median {statistics.median(rates):.1f} articles/s"
        f" ({len(texts)} pages, {words // max(1, len(texts))} words each on average)"
    )


if __name__ == "__main__":
    raise SystemExit(main())
