"""Embedded posts and body links against the hand-checked gold, with baselines from the same run.

Usage: python benchmarks/eval_embeds.py [CORPUS_DIR] [--gold FILE] [--verbose]
(CORPUS_DIR defaults to $TRACER_CORPUS, else ../shared/corpora/html.)

Gold: tests/data/embeds/gold.json (how it was made is in its `_comment`); figures are printed for
all gold pages and for the held-out ones (checked only after the rules were written). Posts match on
(platform, post id); body links match as a multiset of normalised URLs per page (a URL linked
twice in the body counts twice). Baselines, run on the same pages:

* posts: a naive selector — the embed classes publishers paste (blockquote.twitter-tweet,
  blockquote.instagram-media, …) and `iframe[src]` of the platforms' embed hosts, each read for the
  first post permalink inside it; no lazy/AMP/JSON/wrapper handling, no boilerplate filter.
* links: `trafilatura.extract(..., output_format="xml", include_links=True)`, every `<ref target>`.

Then posts in scraped text, per platform (benchmarks/eval_scraped_posts.py).
"""

from __future__ import annotations

import argparse
import json
import os
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import lxml.etree as etree
import trafilatura
from lxml.html import document_fromstring

from tracer.parse.links import extract_links
from tracer.parse.posts.embeds import extract_posts
from tracer.platforms import parse_permalink
from tracer.read.document import read_html
from tracer.read.encoding import decode_bytes
from tracer.read.metadata import read_metadata
from tracer.urls import normalise_url

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = Path(os.environ.get("TRACER_CORPUS", ROOT.parent / "shared" / "corpora" / "html"))
DEFAULT_GOLD = ROOT / "tests" / "data" / "embeds" / "gold.json"
SYNTHETIC = ROOT / "tests" / "data" / "embeds" / "synthetic"

_NAIVE_EMBEDS = (
    "//blockquote[contains(@class,'twitter-tweet') or contains(@class,'instagram-media')"
    " or contains(@class,'tiktok-embed') or contains(@class,'bluesky-embed') or contains(@class,'reddit-card')"
    " or contains(@class,'text-post-media')] | //div[contains(@class,'fb-post')]"
    " | //iframe[contains(@src,'youtube.com/embed') or contains(@src,'facebook.com/plugins')"
    " or contains(@src,'platform.twitter.com/embed')]"
)


@dataclass
class Score:
    """True positives, false positives and false negatives, with the misses kept for --verbose."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, predicted: Counter[str], gold: Counter[str], page: str) -> None:
        hit = predicted & gold
        self.tp += sum(hit.values())
        self.fp += sum((predicted - hit).values())
        self.fn += sum((gold - hit).values())
        self.misses += [f"{page}: FP {k}" for k in (predicted - hit).elements()]
        self.misses += [f"{page}: FN {k}" for k in (gold - hit).elements()]

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    def row(self, label: str) -> str:
        return f"{label:<22} {self.precision:6.3f} {self.recall:6.3f} {self.tp:5d} {self.fp:4d} {self.fn:4d}"


def _post_keys(posts: Iterable[tuple[str, str | None, str | None]]) -> Counter[str]:
    return Counter(dict.fromkeys(f"{platform}:{post_id or url}" for platform, post_id, url in posts).keys())


def _naive_posts(html: str, base: str | None) -> list[tuple[str, str | None, str | None]]:
    tree = document_fromstring(html)
    found: list[tuple[str, str | None, str | None]] = []
    elements: list[Any] = list(tree.xpath(_NAIVE_EMBEDS))  # type: ignore[arg-type]
    for el in elements:
        for raw in [el.get("src"), el.get("data-href"), el.get("cite"), *el.xpath(".//a/@href")]:
            ref = parse_permalink(normalise_url(str(raw), base) or "") if raw else None
            if ref:
                found.append((ref.platform.value, ref.post_id, ref.url))
                break
    return found


def _trafilatura_links(html: str, base: str | None) -> list[str]:
    xml = trafilatura.extract(html, url=base, output_format="xml", include_links=True, deduplicate=False)
    if not xml:
        return []
    root = etree.fromstring(xml.encode("utf-8"), etree.XMLParser(recover=True))
    urls = (normalise_url(str(ref.get("target") or ""), base) for ref in root.iter("ref"))
    return [u for u in urls if u]


def _by_platform(keys: Counter[str]) -> dict[str, Counter[str]]:
    split: dict[str, Counter[str]] = {}
    for key, n in keys.items():
        split.setdefault(key.split(":", 1)[0], Counter())[key] = n
    return split


@dataclass
class Tally:
    """Scores of tracer and of the baselines over a set of pages."""

    posts: Score = field(default_factory=Score)
    links: Score = field(default_factory=Score)
    handles: Score = field(default_factory=Score)
    naive_posts: Score = field(default_factory=Score)
    traf_links: Score = field(default_factory=Score)
    platforms: dict[str, Score] = field(default_factory=dict)
    naive_platforms: dict[str, Score] = field(default_factory=dict)


def evaluate(corpus: Path, gold_path: Path, verbose: bool) -> None:
    """Score tracer and the baselines on every gold page and print the tables."""
    pages = json.loads(gold_path.read_text(encoding="utf-8"))["pages"]
    every, heldout = Tally(), Tally()
    seconds = {"tracer": 0.0, "baseline": 0.0}
    for name, gold in pages.items():
        tallies = [every, heldout] if gold.get("heldout") else [every]
        _score_page(corpus / name, gold, tallies, seconds)
    _report(pages, every, heldout, seconds, verbose)
    synthetic = Tally()
    for name, gold in json.loads((SYNTHETIC / "gold.json").read_text(encoding="utf-8"))["pages"].items():
        _score_page(SYNTHETIC / name, gold, [synthetic], seconds)
    _report_synthetic(synthetic)


def _score_page(path: Path, gold: dict[str, Any], tallies: list[Tally], seconds: dict[str, float]) -> None:
    data, name = path.read_bytes(), path.name
    gold_posts = _post_keys((p["platform"], p["post_id"], p["url"]) for p in gold["posts"])
    start = time.perf_counter()
    article = read_html(data, path=name)
    posts, links = extract_posts(article), extract_links(article)
    seconds["tracer"] += time.perf_counter() - start
    start = time.perf_counter()
    html, _ = decode_bytes(data, None)
    page_base = read_metadata(document_fromstring(html), None).url
    naive = _post_keys(_naive_posts(html, page_base))
    traf_links = _trafilatura_links(html, page_base) if gold["links"] is not None else []
    seconds["baseline"] += time.perf_counter() - start
    predicted = _post_keys((p.platform.value, p.post_id, p.url) for p in posts)
    for tally in tallies:
        tally.posts.add(predicted, gold_posts, name)
        tally.naive_posts.add(naive, gold_posts, name)
        _add_platforms(tally.platforms, predicted, gold_posts, name)
        _add_platforms(tally.naive_platforms, naive, gold_posts, name)
        _score_handles(tally.handles, posts, gold["posts"], name)
        if gold["links"] is not None:
            gold_links = Counter(normalise_url(link["url"]) or link["url"] for link in gold["links"])
            tally.links.add(Counter(link.url for link in links), gold_links, name)
            tally.traf_links.add(Counter(traf_links), gold_links, name)


def _add_platforms(table: dict[str, Score], predicted: Counter[str], gold: Counter[str], page: str) -> None:
    pred_split, gold_split = _by_platform(predicted), _by_platform(gold)
    for platform in set(pred_split) | set(gold_split):
        score = table.setdefault(platform, Score())
        score.add(pred_split.get(platform, Counter()), gold_split.get(platform, Counter()), page)


def _score_handles(score: Score, posts: list, gold_posts: list[dict], page: str) -> None:  # type: ignore[type-arg]
    by_key = {f"{p.platform.value}:{p.post_id or p.url}": p for p in posts}
    for gold in gold_posts:
        found = by_key.get(f"{gold['platform']}:{gold['post_id'] or gold['url']}")
        if found is None or gold["handle"] is None:
            continue
        ok = (found.handle or "").lower() == gold["handle"].lower()
        key = f"{gold['platform']}:{gold['post_id']} handle {found.handle!r} vs {gold['handle']!r}"
        score.add(Counter([key] if ok else [f"{key} (wrong)"]), Counter([key]), page)


def _report(pages: dict[str, Any], every: Tally, heldout: Tally, seconds: dict[str, float], verbose: bool) -> None:
    with_links = sum(1 for p in pages.values() if p["links"] is not None)
    held = sum(1 for p in pages.values() if p.get("heldout"))
    print(f"gold: {len(pages)} pages ({with_links} with body links checked; {held} held out)")
    header = f"{'P':>6} {'R':>6} {'TP':>5} {'FP':>4} {'FN':>4}"
    print(f"\n{'POSTS by platform':<22} {header}   baseline P / R")
    for platform in sorted(set(every.platforms) | set(every.naive_platforms)):
        mine, naive = every.platforms.get(platform, Score()), every.naive_platforms.get(platform, Score())
        print(f"{mine.row(platform)}   {naive.precision:.3f} / {naive.recall:.3f}")
    for label, tally in (("all pages", every), ("held-out pages", heldout)):
        print(f"\n{label.upper():<22} {header}")
        print(tally.posts.row("posts: tracer"))
        print(tally.naive_posts.row("posts: naive selector"))
        print(tally.links.row("links: tracer"))
        print(tally.traf_links.row("links: trafilatura"))
        handles = tally.handles
        print(f"handles right on matched posts with a gold handle: {handles.tp}/{handles.tp + handles.fn}")
    print(f"\ntime: tracer {seconds['tracer']:.1f} s, baselines {seconds['baseline']:.1f} s")
    if verbose:
        for label, score in (("posts", every.posts), ("links", every.links), ("handles", every.handles)):
            for miss in score.misses:
                print(f"  {label} {miss}")


def _report_synthetic(tally: Tally) -> None:
    print("\nSYNTHETIC FIXTURES (documented embed code of platforms the corpus lacks)")
    print(f"{'POSTS by platform':<22} {'P':>6} {'R':>6} {'TP':>5} {'FP':>4} {'FN':>4}   baseline P / R")
    for platform in sorted(set(tally.platforms) | set(tally.naive_platforms)):
        mine, naive = tally.platforms.get(platform, Score()), tally.naive_platforms.get(platform, Score())
        print(f"{mine.row(platform)}   {naive.precision:.3f} / {naive.recall:.3f}")
    print(tally.links.row("links: tracer"))
    print(tally.traf_links.row("links: trafilatura"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--verbose", action="store_true", help="list every miss and false positive")
    args = parser.parse_args()
    evaluate(args.corpus, args.gold, args.verbose)
    from eval_scraped_posts import report, score  # beside this script

    report(score(), args.verbose)
    report(score(heldout_only=True), args.verbose, "held-out files")


if __name__ == "__main__":
    main()
