"""Score the claims researchers see (`claims[]` of `tracer trace`) against PolNeAR's attributions.

Usage::

    python benchmarks/eval_claims_polnear.py POLNEAR_DIR --split dev [--from-trace FILE] [--json]

Why. The hand-made chain gold (`eval_chains.py`) covers a few dozen pages, and fixes tuned on
them do not generalise; `eval_attribution.py` scores `attributions[]`, not the claims and chains
a researcher reads. PolNeAR (train 840, dev 84 political news articles, every attribution
annotated) gives a broad, automatic check of the claims themselves. Only train and dev: the test
split is refused. POLNEAR_DIR is a local extraction of github.com/networkdynamics/PolNeAR, never
committed (the texts are publishers' copyright).

Which PolNeAR attributions a researcher would trace. The corpus labels each relation
"Attribution" (a source, a cue, a content) or "Attribution-no-source" (no one is credited: "has
faced ridicule online", "presumably", "questions about"), and flags spans "Discuss" (the
annotator was unsure whether or how the words attribute) or "Discard" (text set aside, "Read the
rest here."); it has no other attributes. Traced here: the "Attribution" relations of the
canonical annotator (the alphabetically first `.ann`, as `polnear.py` reads it) none of whose
spans touches a Discuss or Discard flag — a source there is to trace, and the annotator stood by
it. Left out: no-source relations (nothing to trace to) and flagged ones (no firm gold).

Measures (words are `\\w+` tokens, so quote marks and punctuation at a span's edges do not count):

1. claim recall — share of traced relations whose content has at least COVERED (half) of its
   words inside claims: one claim, or several lying mostly inside it (the tracer gives each
   sentence of a long quotation its own claim). Half, not most: the tracer splits "X, but Y" and
   keeps a nested speaker's words as the claim ("the source added Clinton had told police that
   she didn't want the escort": the claim is "she didn't want the escort"), so a claim often
   holds only part of a long content and is still that relation's claim. Any overlap and >= 80%
   are printed beside it, so the figure's dependence on the threshold is visible. The recall is
   split by the content's length and by what the tracer's own lexicons make of the annotated
   cue (a verb of a claim class, speech/report/belief; of an attribution-only class,
   stance/intent/topic/question, "called for", "wants"; a cue noun; outside the lexicons): the
   first split says how much of the gap is scope, the second where rules miss.
2. first-hop agreement — of the covered relations, the claim covering the most of the content
   is taken, and its FIRST hop compared with the annotated source. When the annotated source
   holds a name (a capitalised word that is not a title or a sentence's first common word), the
   hop agrees if its source mention overlaps the annotated source span ("same mention"), or its
   name or an alias shares a name word with it ("same name": "Donald Trump" for "Trump"). When
   the annotated source is a pronoun ("he", "who") or a description ("a source", "officials"),
   PolNeAR says nothing about who it is, so these are counted apart, with what the tracer
   shows: a name, an unresolved pronoun, or a description, and whether at the annotated mention.
3. claims with no PolNeAR attribution behind them — claims sharing no word with any annotated
   content of their article (any label, flagged or not): a precision proxy; PolNeAR marks every
   attribution, so most such claims are not attributions at all (a headline's "Kicker: ...").
4. invented-hop proxy — hops after the first whose source appears in no annotated source span
   of the article: neither its mention overlaps one nor its name shares a word with one's text.
   PolNeAR marks only the outermost attribution of a nest, so a nested speaker ("the source said
   Clinton had told police ...": Clinton) is never a marked source; those inside an annotated
   content are counted apart, since the hop may be right.

The texts are traced with `tracer trace --depth 0 --offline` (the code path of
`eval_attribution.py --from-trace`), or read from a saved JSON Lines of such results
(`tracer trace -j 2 --offline -q TEXT_DIR -o FILE`); results are matched to PolNeAR's documents
by file name and must hold the same text, or offsets would not line up.
"""

from __future__ import annotations

import argparse
import bisect
import json
import re
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from polnear import Fragments, GoldDocument, GoldRelation, load_split, split_dir

from tracer.parse.attribution.cues import lexicon

# Share of a content's words claims must hold for the relation to count as covered (see the docstring).
COVERED = 0.5
_WORD = re.compile(r"\w+")
# Words that stand for a source without naming it: PolNeAR's pronoun sources and relative pronouns.
PRONOUNS = frozenset(
    _WORD.findall(
        "he she they it we i you him her them us me who whom which that this these those one someone"
        " his hers its their our my your"
    )
)
# Capitalised words that name no one by themselves: determiners, quantifiers and titles ("The",
# "Many", "President"): "the President" is a description, "President Obama" names Obama.
NOT_NAMES = frozenset(
    _WORD.findall(
        "the a an this that these those his her their its our my your some many most several other another"
        " officials mr mrs ms dr sen senator rep gov governor president vice former secretary judge gen general"
    )
)
_SENTENCE_END = ".!?\n“”\"'"
# Hop source kinds that stand for no one in particular (a description, however capitalised).
UNNAMED_KINDS = ("unnamed", "anonymous")

Span = tuple[int, int]


@dataclass
class Words:
    """The word tokens of one article, to turn character spans into sets of words."""

    text: str
    starts: list[int] = field(init=False)

    def __post_init__(self) -> None:
        self.starts = [m.start() for m in _WORD.finditer(self.text)]

    def of(self, spans: Iterable[Span]) -> frozenset[int]:
        """The words (by start offset) beginning inside any of the spans."""
        out: set[int] = set()
        for start, end in spans:
            out.update(self.starts[bisect.bisect_left(self.starts, start) : bisect.bisect_left(self.starts, end)])
        return frozenset(out)


def traced(doc: GoldDocument) -> list[GoldRelation]:
    """The relations a researcher would trace: sourced, and clear of Discuss/Discard flags."""
    flagged = [span for _, frags in doc.flags for span in frags]
    return [r for r in doc.relations if r.label == "Attribution" and r.source and not _touches(r, flagged)]


def _touches(rel: GoldRelation, flagged: list[Span]) -> bool:
    """Whether any span of the relation overlaps a flagged span."""
    spans = [*(rel.source or ()), *rel.cue, *rel.content]
    return any(_overlap(a, b) for a in spans for b in flagged)


def _overlap(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


# The tracer's cue classes grouped by what it does with them (`tracer/data/cue_verbs.txt`): the
# first make claims, the second attributions only.
CLAIM_CLASSES = frozenset({"speech", "report", "belief", "according", "quote"})
CUE_GROUPS = ("claim cue", "attribution-only cue", "cue noun", "cue outside the lexicon")


def cue_group(cue: str) -> str:
    """Which of CUE_GROUPS an annotated cue falls in, read with the tracer's own lexicons: so the
    recall can be split into relations the tracer means to make claims of and the rest."""
    words = [w.lower() for w in _WORD.findall(cue)]
    if not words or "according" in words:
        return "claim cue"  # ":", "—" and quotation frames; "according to"
    lex = lexicon()
    verb = next((v for w in words if (v := lex.verb(w))), None)
    if verb is not None:
        return "claim cue" if str(verb.cls) in CLAIM_CLASSES else "attribution-only cue"
    return "cue noun" if any(w in lex.nouns for w in words) else "cue outside the lexicon"


def claim_span(claim: dict[str, Any]) -> Span:
    """A claim's character span in its document's text."""
    return int(claim["start"]), int(claim["end"])


def coverage(words: Words, content: Fragments, claims: list[dict[str, Any]]) -> tuple[float, dict[str, Any] | None]:
    """The share of the content's words inside claims, and the claim holding the most of them.

    The share is the larger of the best single claim's and that of all claims lying mostly (half
    their words or more) inside the content: the tracer gives each sentence of a long quotation
    its own claim, all with the same source (70 dev relations covered only so), while a claim
    reaching far past the content (a whole sentence around a two-word content) counts alone.
    Between claims holding equally much, the one with fewer words outside the content wins.
    """
    gold = words.of(content)
    if not gold:
        return 0.0, None
    best: tuple[int, int, dict[str, Any] | None] = (0, 0, None)
    inside: set[int] = set()
    for claim in claims:
        mine = words.of([claim_span(claim)])
        shared = mine & gold
        if 2 * len(shared) >= len(mine) > 0:
            inside |= shared
        best = max(best, (len(shared), -len(mine - gold), claim), key=lambda b: (b[0], b[1]))
    return max(best[0], len(inside)) / len(gold), best[2]


def name_words(text: str, doc_text: str = "", start: int = 0) -> frozenset[str]:
    """The lower-cased words of `text` that name someone: capitalised, not a title or determiner.
    The span's first word, when it opens a sentence, must also be capitalised inside a sentence
    somewhere in the article, or never written in lower case there ("Demonstrators said" is no
    name; "Trump said", "PENCE: ..." are)."""
    out = set()
    for i, m in enumerate(_WORD.finditer(text)):
        word = m.group()
        if not word[0].isupper() or word.lower() in NOT_NAMES | PRONOUNS:
            continue
        if i == 0 and _opens_sentence(doc_text, start) and not _capitalised_inside(doc_text, word):
            continue
        out.add(word.lower())
    return frozenset(out)


def _capitalised_inside(doc_text: str, word: str) -> bool:
    """Whether the word stands capitalised somewhere in the article not opening a sentence, or
    is never written in lower case there."""
    if not re.search(rf"\b{re.escape(word.lower())}\b", doc_text):
        return True
    return any(not _opens_sentence(doc_text, m.start()) for m in re.finditer(rf"\b{re.escape(word)}\b", doc_text))


def _opens_sentence(doc_text: str, at: int) -> bool:
    """Whether the word at `at` is the first of its sentence (or of the text)."""
    before = doc_text[:at].rstrip()
    return bool(doc_text) and (not before or before[-1] in _SENTENCE_END)


def source_form(text: str, doc_text: str = "", start: int = 0) -> str:
    """'name', 'pronoun' or 'description': what an annotated source span holds."""
    words = [w.lower() for w in _WORD.findall(text)]
    if words and all(w in PRONOUNS for w in words):
        return "pronoun"
    return "name" if name_words(text, doc_text, start) else "description"


def hop_names(hop: dict[str, Any], aliases: dict[str, list[str]]) -> list[str]:
    """The names the tracer gives a hop's source: its name and the registry's aliases."""
    source = hop.get("source") or {}
    return [str(source.get("name") or ""), *aliases.get(str(source.get("id")), [])]


def hop_span(hop: dict[str, Any]) -> Span | None:
    """The hop's source mention in the document, if it has one."""
    start, end = hop.get("source_start"), hop.get("source_end")
    return (int(start), int(end)) if start is not None and end is not None else None


def shown_as(hop: dict[str, Any]) -> str:
    """What a researcher reads as the hop's source: 'name', 'unresolved pronoun' or 'description'."""
    source = hop.get("source") or {}
    name = str(source.get("name") or "")
    if "unresolved_source" in hop.get("flags", []) or name.lower() in PRONOUNS:
        return "unresolved pronoun"
    if source.get("kind") in UNNAMED_KINDS or not name_words(name):
        return "description"
    return "name"


def first_hop(
    doc: GoldDocument, rel: GoldRelation, claim: dict[str, Any], aliases: dict[str, list[str]]
) -> tuple[str, str]:
    """(form of the annotated source, outcome) for one covered relation's claim.

    Named sources: 'same mention', 'same name', 'unresolved pronoun', 'other source' or 'no hop'.
    Pronoun and description sources: what the tracer shows, suffixed ' (at the mention)' when its
    hop's mention overlaps the annotated source span.
    """
    assert rel.source
    start, end = rel.source[0][0], rel.source[-1][1]
    form = source_form(doc.text[start:end], doc.text, start)
    chain = claim.get("chain") or []
    if not chain:
        return form, "no hop"
    hop, span = chain[0], hop_span(chain[0])
    at_mention = span is not None and any(_overlap(span, s) for s in rel.source)
    if form != "name":
        return form, shown_as(hop) + (" (at the mention)" if at_mention else "")
    if at_mention:
        return form, "same mention"
    gold = name_words(doc.text[start:end], doc.text, start)
    if any(gold & name_words(n) for n in hop_names(hop, aliases)):
        return form, "same name"
    return form, "unresolved pronoun" if shown_as(hop) == "unresolved pronoun" else "other source"


def disagreements(doc: GoldDocument, result: dict[str, Any]) -> list[str]:
    """One line per covered relation whose named source the claim's first hop does not name.

    Why: measure 2 gives only the count; auditing which of these are tracer errors (and which
    are the chain's outermost-first order or another claim covering the content) needs each
    case beside its words (`--show-disagreements`).
    """
    words = Words(doc.text)
    doc_id = (result.get("document") or {}).get("id")
    claims = [c for c in result.get("claims", []) if c.get("document_id") in (None, doc_id)]
    aliases = {str(s["id"]): list(s.get("aliases") or []) for s in result.get("sources", [])}
    lines = []
    for rel in traced(doc):
        share, claim = coverage(words, rel.content, claims)
        if share < COVERED or claim is None:
            continue
        form, outcome = first_hop(doc, rel, claim, aliases)
        if form == "name" and outcome not in ("same mention", "same name"):
            hop = (claim.get("chain") or [{}])[0]
            gold = doc.text[rel.source[0][0] : rel.source[-1][1]]
            shown = (hop.get("source") or {}).get("name")
            lines.append(f"{doc.name}\t{outcome}\tannotated {gold!r}\tfirst hop {shown!r} ({hop.get('cue')!r})")
    return lines


def later_hops(doc: GoldDocument, claims: list[dict[str, Any]], aliases: dict[str, list[str]]) -> Counter[str]:
    """Hops after the first, in this document: 'marked' when their source appears in an annotated
    source span, else 'nested' (mention inside an annotated content) or 'invented'."""
    sources = [r.source for r in doc.relations if r.source]
    marked_words = frozenset().union(*(_lower_words(doc.text, s) for s in sources))
    contents = [span for r in doc.relations for span in r.content]
    out: Counter[str] = Counter()
    for claim in claims:
        for hop in (claim.get("chain") or [])[1:]:
            if hop.get("relation", "attribution") != "attribution":
                continue
            span = hop_span(hop)
            names = {w for n in hop_names(hop, aliases) for w in _lower_words(n, [(0, len(n))])}
            if (span and any(_overlap(span, s) for f in sources for s in f)) or names - PRONOUNS & marked_words:
                out["marked"] += 1
            else:
                out["nested" if span and any(_overlap(span, c) for c in contents) else "invented"] += 1
    return out


def _lower_words(text: str, spans: Iterable[Span]) -> frozenset[str]:
    """The lower-cased words of the spans, without determiners and titles (which match anyone)."""
    return frozenset(w.lower() for s, e in spans for w in _WORD.findall(text[s:e])) - NOT_NAMES


@dataclass
class Tally:
    """Counts over a split; `rates()` turns them into the reported figures."""

    articles: int = 0
    relations: int = 0
    traced: int = 0
    coverage: Counter[str] = field(default_factory=Counter)
    recall_by_length: Counter[str] = field(default_factory=Counter)
    recall_by_cue: Counter[str] = field(default_factory=Counter)
    first_hop: Counter[tuple[str, str]] = field(default_factory=Counter)
    claims: Counter[str] = field(default_factory=Counter)
    unbacked: Counter[str] = field(default_factory=Counter)
    hops: Counter[str] = field(default_factory=Counter)


def missed(doc: GoldDocument, result: dict[str, Any]) -> Iterator[str]:
    """One line per traced relation with a claim cue that no claim covers: the audit list of
    rule misses (a cue outside the lexicon is a lexicon question, not a rule miss)."""
    words = Words(doc.text)
    doc_id = (result.get("document") or {}).get("id")
    claims = [c for c in result.get("claims", []) if c.get("document_id") in (None, doc_id)]
    for rel in traced(doc):
        cue = " ".join(doc.text[a:b] for a, b in rel.cue)
        if cue_group(cue) == "claim cue" and coverage(words, rel.content, claims)[0] < COVERED:
            a, b = rel.content[0][0], rel.content[-1][1]
            at = min([a, *(s for s, _ in rel.source), *(s for s, _ in rel.cue)])
            sentence = " ".join(doc.text[max(0, at - 80) : b + 20].split())
            yield f"{doc.name}\t{cue}\t{sentence}"


def score_document(doc: GoldDocument, result: dict[str, Any], tally: Tally) -> None:
    """Add one article's counts: its traced relations against its claims, and its claims against
    all its annotated contents."""
    words = Words(doc.text)
    doc_id = (result.get("document") or {}).get("id")
    claims = [c for c in result.get("claims", []) if c.get("document_id") in (None, doc_id)]
    aliases = {str(s["id"]): list(s.get("aliases") or []) for s in result.get("sources", [])}
    tally.articles += 1
    tally.relations += len(doc.relations)
    for rel in traced(doc):
        tally.traced += 1
        share, claim = coverage(words, rel.content, claims)
        length = "1-3 words" if len(words.of(rel.content)) < 4 else "4+ words"
        group = cue_group(" ".join(doc.text[a:b] for a, b in rel.cue))
        tally.recall_by_length[length + " all"] += 1
        tally.recall_by_cue[group + " all"] += 1
        tally.coverage["any overlap"] += share > 0
        tally.coverage["80%"] += share >= 0.8
        if share >= COVERED and claim is not None:
            tally.coverage["covered"] += 1
            tally.recall_by_length[length] += 1
            tally.recall_by_cue[group] += 1
            tally.first_hop[first_hop(doc, rel, claim, aliases)] += 1
    annotated = words.of(span for r in doc.relations for span in r.content)
    for claim in claims:
        kind = str(claim.get("kind", "statement"))
        mine = words.of([claim_span(claim)])
        tally.claims[kind] += 1
        tally.unbacked[kind] += not mine & annotated
        tally.unbacked["under half"] += len(mine & annotated) < len(mine) / 2
    tally.hops.update(later_hops(doc, claims, aliases))


def rates(t: Tally) -> dict[str, Any]:
    """The figures, as counts with their denominators (the --json output)."""
    named = {k[1]: v for k, v in t.first_hop.items() if k[0] == "name"}
    other = Counter({k: v for k, v in t.first_hop.items() if k[0] != "name"})
    shown: Counter[str] = Counter()
    for (form, outcome), n in other.items():
        shown["shown " + outcome.removesuffix(" (at the mention)")] += n
        shown["at the mention"] += n if outcome.endswith("(at the mention)") else 0
        shown["annotated " + form] += n
    return {
        "articles": t.articles,
        "relations": t.relations,
        "traced_relations": t.traced,
        "covered_threshold": COVERED,
        "claim_recall": {"covered": t.coverage["covered"], "of": t.traced, **dict(t.coverage)},
        "claim_recall_by_content_length": {
            k: {"covered": t.recall_by_length[k], "of": t.recall_by_length[k + " all"]}
            for k in ("1-3 words", "4+ words")
        },
        "claim_recall_by_cue": {
            k: {"covered": t.recall_by_cue[k], "of": t.recall_by_cue[k + " all"]} for k in CUE_GROUPS
        },
        "first_hop_named": {"of": sum(named.values()), **named},
        "first_hop_pronoun_or_description": {"of": sum(other.values()), **dict(shown)},
        "claims": {"of": sum(t.claims.values()), **dict(t.claims)},
        "claims_without_polnear_content": {
            "none": sum(t.unbacked[k] for k in t.claims),
            "under_half": t.unbacked["under half"],
            "by_kind": {k: [t.unbacked[k], t.claims[k]] for k in sorted(t.claims)},
        },
        "later_hops": {"of": sum(t.hops.values()), **dict(t.hops)},
    }


def _pct(n: int, of: int) -> str:
    return f"{n}/{of} = {n / of:.1%}" if of else f"{n}/0"


def table(split: str, r: dict[str, Any]) -> list[str]:
    """The compact report."""
    rec, named, other = r["claim_recall"], r["first_hop_named"], r["first_hop_pronoun_or_description"]
    agree = named.get("same mention", 0) + named.get("same name", 0)
    unbacked, hops = r["claims_without_polnear_content"], r["later_hops"]
    by_length = r["claim_recall_by_content_length"].items()
    lengths = "; ".join(f"content {k} {_pct(v['covered'], v['of'])}" for k, v in by_length)
    share = {k: rec.get(k, 0) / max(1, rec["of"]) for k in ("any overlap", "80%")}
    return [
        f"PolNeAR {split}: {r['articles']} articles, {r['relations']} relations, {r['traced_relations']} traced"
        f" (sourced, not flagged Discuss/Discard); {r['claims']['of']} claims",
        f"1 claim recall (>= {COVERED:.0%} of content words in claims)  {_pct(rec['covered'], rec['of'])}"
        f"  [any overlap {share['any overlap']:.1%}, >= 80% {share['80%']:.1%}]",
        f"    {lengths}",
        "    " + "; ".join(f"{k} {_pct(v['covered'], v['of'])}" for k, v in r["claim_recall_by_cue"].items()),
        f"2 first hop, named source in PolNeAR  agrees {_pct(agree, named['of'])}"
        f"  (same mention {named.get('same mention', 0)}, same name {named.get('same name', 0)};"
        f" unresolved pronoun {named.get('unresolved pronoun', 0)}, other source {named.get('other source', 0)},"
        f" no hop {named.get('no hop', 0)})",
        f"  pronoun/description source in PolNeAR  {other['of']} ({other.get('annotated pronoun', 0)} pronoun,"
        f" {other.get('annotated description', 0)} description): tracer shows a name {other.get('shown name', 0)},"
        f" unresolved pronoun {other.get('shown unresolved pronoun', 0)},"
        f" description {other.get('shown description', 0)}, no hop {other.get('shown no hop', 0)};"
        f" at the annotated mention {other.get('at the mention', 0)}",
        f"3 claims sharing no word with PolNeAR content  {_pct(unbacked['none'], r['claims']['of'])}"
        f"  (under half their words: {_pct(unbacked['under_half'], r['claims']['of'])});"
        + " by kind "
        + ", ".join(f"{k} {n}/{of}" for k, (n, of) in unbacked["by_kind"].items()),
        f"4 later hops whose source is in no annotated source span"
        f"  {_pct(hops.get('nested', 0) + hops.get('invented', 0), hops['of'])}  (mention inside an annotated"
        f" content, a nested speaker PolNeAR does not mark: {hops.get('nested', 0)};"
        f" elsewhere: {hops.get('invented', 0)})",
    ]


def read_results(path: Path) -> Iterator[dict[str, Any]]:
    """The results of a saved `tracer trace` JSON Lines file (or one JSON object)."""
    text = path.read_text(encoding="utf-8")
    if text.lstrip().startswith("{") and "\n{" not in text.strip():
        yield json.loads(text)
        return
    for line in text.splitlines():
        if line.strip():
            yield json.loads(line)


def match(docs: list[GoldDocument], results: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each document's result, found by file name; its text must be PolNeAR's or offsets would not hold."""
    by_name: dict[str, dict[str, Any]] = {}
    for result in results:
        path = (result.get("document") or {}).get("path") or result.get("input") or ""
        by_name[Path(str(path)).stem] = result
    out = []
    for doc in docs:
        found = by_name.get(doc.name)
        if found is None:
            raise SystemExit(f"{doc.name}: not in the trace file (trace the split's text folder)")
        if (found.get("document") or {}).get("text") != doc.text:
            raise SystemExit(f"{doc.name}: the traced document's text differs from PolNeAR's; offsets would not hold")
        out.append(found)
    return out


def main(argv: list[str] | None = None) -> int:
    """Trace (or read) one split's articles and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("polnear_dir", help="local extraction of the PolNeAR repository")
    parser.add_argument("--split", default="dev", help="train or dev (test is refused: it is kept for the lead)")
    parser.add_argument("--limit", type=int, default=0, help="score only the first N documents")
    parser.add_argument(
        "--from-trace",
        metavar="FILE",
        help="read saved `tracer trace` JSON Lines of the split's texts instead of tracing them",
    )
    parser.add_argument("-j", "--jobs", type=int, default=2, help="tracer worker processes when tracing (default 2)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument(
        "--show-disagreements",
        action="store_true",
        help="also list each claim whose first hop does not name PolNeAR's annotated named source",
    )
    parser.add_argument(
        "--show-missed", action="store_true", help="list the claim-cue relations no claim covers (train audits)"
    )
    args = parser.parse_args(argv)
    if args.split not in ("train", "dev"):
        parser.error(f"--split {args.split}: only train and dev may be scored (the test split is never used)")
    try:
        docs = load_split(args.polnear_dir, args.split)[: args.limit or None]
        traced = list(read_results(Path(args.from_trace))) if args.from_trace else None
    except OSError as exc:  # a missing split or trace file: one line, not a traceback
        parser.error(str(exc))
    if traced is not None:
        results = match(docs, traced)
    else:
        from eval_attribution import trace_results

        results = trace_results(docs, split_dir(Path(args.polnear_dir), args.split), args.jobs)
    tally = Tally()
    for doc, result in zip(docs, results, strict=True):
        score_document(doc, result, tally)
        if args.show_missed:
            print("\n".join(missed(doc, result)))
    figures = rates(tally)
    print(json.dumps(figures, indent=1) if args.json else "\n".join(table(args.split, figures)))
    if args.show_disagreements:
        print("\n".join(line for doc, result in zip(docs, results, strict=True) for line in disagreements(doc, result)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
