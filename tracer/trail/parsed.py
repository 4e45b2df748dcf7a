"""A small on-disk cache of documents the trail has read and parsed, keyed by what they were made from.

Following a trail again from the HTTP cache used to re-read and re-parse every page (trafilatura,
then spaCy): most of a warm run's time. A document read from the same bytes, under the same URL
and the same way, by the same code, is the same document, so its reading and its in-document
trace are kept beside the HTTP cache (`<cache_dir>/parsed/`), one JSON file each, named by a hash
of all of that. The code is part of the key — the tracer's version and a digest of its source
files — so a changed parser never serves an old parse; the output is byte for byte what parsing
again gives (`benchmarks/snapshot.py` compares).

What is kept is what the trail uses of a document after its parse: the text, the links' and
paragraphs' offsets, the metadata, and the trace. The DOM is not (the parse is done with it).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from tracer._version import __version__
from tracer.models import SCHEMA_VERSION, Document, TraceResult
from tracer.read.document import Anchor, Article, Block

LOGGER = logging.getLogger(__name__)

_PACKAGE = Path(__file__).resolve().parents[1]


@lru_cache(maxsize=1)
def code_digest() -> str:
    """The tracer's version, schema and a digest of its code and data files: a parse's provenance."""
    digest = hashlib.sha256(f"{__version__}\0{SCHEMA_VERSION}".encode())
    for path in sorted(p for p in _PACKAGE.rglob("*") if p.suffix in {".py", ".json", ".txt"} and p.is_file()):
        digest.update(str(path.relative_to(_PACKAGE)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def key_of(content: bytes, *parts: str | None) -> str:
    """The key of a document read from `content` in the way `parts` say (URLs, type, how reached)."""
    digest = hashlib.sha256(code_digest().encode())
    for part in parts:
        digest.update(b"\0" + (part or "").encode("utf-8", "replace"))
    digest.update(b"\0" + content)
    return digest.hexdigest()


@dataclass(frozen=True)
class Parsed:
    """A document as the trail keeps it: its reading (without the DOM) and its in-document trace."""

    article: Article
    result: TraceResult


class ParsedCache:
    """Parsed documents under `folder`, one JSON file per key; unreadable entries count as missing.

    Args:
        folder: Where the entries live (`<cache_dir>/parsed`), created on first write.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @classmethod
    def beside(cls, fetcher: object) -> ParsedCache | None:
        """The cache beside a fetcher's HTTP cache (`<cache_dir>/parsed`), or None when it has no cache folder."""
        cache_dir = getattr(getattr(fetcher, "options", None), "cache_dir", None)
        return cls(Path(cache_dir) / "parsed") if cache_dir else None

    def get(self, key: str) -> Parsed | None:
        """The document kept under `key`, or None."""
        path = self.folder / f"{key}.json"
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            document = Document.model_validate(data["document"])
            anchors = [Anchor(a[0], a[1], a[2], a[3]) for a in data["anchors"]]
            blocks = [Block(b[0], b[1]) for b in data["blocks"]]
            article = Article(document, blocks, anchors, encoding=data["encoding"])
            return Parsed(article, TraceResult.model_validate(data["result"]))
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, IndexError, TypeError) as exc:
            LOGGER.info("parsed cache entry %s unreadable (%s): parsing again", path.name, exc)
            return None

    def put(self, key: str, article: Article, result: TraceResult) -> None:
        """Keep a document (atomically: a half-written entry is never read)."""
        data = {
            "document": article.document.model_dump(mode="json"),
            "anchors": [[a.href, a.url, a.start, a.end] for a in article.anchors],
            "blocks": [[b.start, b.end] for b in article.blocks],
            "encoding": article.encoding,
            "result": result.model_dump(mode="json", by_alias=True),
        }
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            handle, name = tempfile.mkstemp(dir=self.folder, suffix=".tmp")
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(data, out, ensure_ascii=False)
            os.replace(name, self.folder / f"{key}.json")
        except OSError as exc:
            LOGGER.info("could not keep a parsed document (%s)", exc)
