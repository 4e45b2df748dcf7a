"""Posts in scraped text, per platform, against the hand-written fixtures in tests/data/scraped_posts.

Usage: python benchmarks/eval_scraped_posts.py [--verbose]

Each fixture is a scraped article (plain text) with the lines an embedded post leaves behind; its
gold (gold.json) lists every post with platform, handle, author, date, text and permalink. A
predicted post counts only when all of these agree and its span points at its text in the
document (so claims inside it can continue its author's chain); anything else is a false positive
and the gold post a miss. Also printed by benchmarks/eval_embeds.py.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the sibling scorer, when run as a script

from eval_embeds import Score  # one tp/fp/fn tally for both post benchmarks

from tracer.models import Post
from tracer.parse.posts.embeds import extract_posts
from tracer.read.document import read_text
from tracer.text import squash

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "data" / "scraped_posts"

Key = tuple[str, str | None, str | None, str | None, str, str | None]


def _gold_key(post: dict[str, Any]) -> Key:
    handle = post["handle"].lower() if post["handle"] else None
    return (post["platform"], handle, post["author_name"], post["posted"], squash(post["text"]), post["url"])


def _key(post: Post, text: str) -> Key:
    """A predicted post's key; its text is blanked when its span does not hold it (wrong offsets)."""
    own = squash(post.text)
    if own and (post.start is None or post.end is None or not _spans(post, text)):
        own = f"<span does not hold the text> {own}"
    handle = post.handle.lower() if post.handle else None
    return (post.platform.value, handle, post.author_name, (post.posted or "")[:10] or None, own, post.url)


def _spans(post: Post, text: str) -> bool:
    assert post.start is not None and post.end is not None
    span = text[post.start : post.end]
    return all(line in span for line in post.text.split("\n"))


def score(fixtures: Path = FIXTURES, heldout_only: bool = False) -> dict[str, Score]:
    """Score every fixture (or only the held-out ones); one entry per platform."""
    gold = json.loads((fixtures / "gold.json").read_text(encoding="utf-8"))
    files: dict[str, list[dict[str, Any]]] = gold["files"]
    held = set(gold.get("heldout", []))
    table: dict[str, Score] = {}
    for name, gold_posts in files.items():
        if heldout_only and name not in held:
            continue
        article = read_text((fixtures / name).read_bytes(), path=name)
        predicted = Counter(_key(post, article.text) for post in extract_posts(article))
        _add(table, predicted, Counter(_gold_key(post) for post in gold_posts), name)
    return table


def _add(table: dict[str, Score], predicted: Counter[Key], gold: Counter[Key], name: str) -> None:
    hit = predicted & gold
    for key, n in hit.items():
        table.setdefault(key[0], Score()).tp += n
    for key, n in (predicted - hit).items():
        entry = table.setdefault(key[0], Score())
        entry.fp += n
        entry.misses.append(f"{name}: FP {key}")
    for key, n in (gold - hit).items():
        entry = table.setdefault(key[0], Score())
        entry.fn += n
        entry.misses.append(f"{name}: FN {key}")


def report(table: dict[str, Score], verbose: bool = False, label: str = "all files") -> None:
    """Print per-platform precision and recall, and the total."""
    print(f"\nSCRAPED TEXT: {label:<26}  {'P':>6} {'R':>6} {'TP':>4} {'FP':>4} {'FN':>4}")
    for platform in sorted(table):
        s = table[platform]
        print(f"{platform:<40} {s.precision:6.3f} {s.recall:6.3f} {s.tp:4d} {s.fp:4d} {s.fn:4d}")
    total = Score(*(sum(getattr(s, f) for s in table.values()) for f in ("tp", "fp", "fn")))
    print(f"{'all platforms':<40} {total.precision:6.3f} {total.recall:6.3f} {total.tp:4d} {total.fp:4d} {total.fn:4d}")
    if verbose:
        for platform in sorted(table):
            for miss in table[platform].misses:
                print(f"  {miss}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--verbose", action="store_true", help="list every miss and false positive")
    args = parser.parse_args()
    report(score(), args.verbose)
    report(score(heldout_only=True), args.verbose, "held-out files")


if __name__ == "__main__":
    main()
