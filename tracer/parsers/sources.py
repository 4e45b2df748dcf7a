"""Sources within one document: names resolved to one entry per real-world source, aliases merged."""

from __future__ import annotations

import re

from tracer.datafiles import load_json
from tracer.models import Source, SourceKind, SourceRef

_POSSESSIVE_PREFIX = re.compile(r"^(?:the\s+)?(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*[’']s\s+", re.UNICODE)
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


def _key(name: str) -> str:
    """Comparison key: no leading possessive qualifier ("South Korea's"), article, case or punctuation."""
    name = _POSSESSIVE_PREFIX.sub("", name.strip())
    name = _ARTICLE.sub("", name)
    return re.sub(r"[^\w ]+", "", name).lower().strip()


def _proper(name: str) -> set[str]:
    """Lower-cased words of a name that are written with a capital (proper-noun words)."""
    return {w.lower() for w in re.findall(r"[\w-]+", name) if w[:1].isupper()}


def guess_kind(name: str) -> SourceKind:
    """A first guess at what kind of source a name is, from the keyword lists in `source_kinds.json`."""
    table: dict[str, list[str]] = load_json("source_kinds.json")
    lowered = name.lower()
    words = set(re.findall(r"[\w-]+", lowered))
    for kind in ("anonymous", "outlet", "government", "organisation", "unnamed"):
        if any((" " in k and k in lowered) or k in words for k in table[kind]):
            return SourceKind(kind)
    if name[:1].isupper() and len(name.split()) in (2, 3) and all(w[:1].isupper() for w in name.split()):
        return SourceKind.PERSON
    return SourceKind.UNKNOWN


class SourceRegistry:
    """Collects the sources named in a document and merges aliases.

    Two names are one source when their keys are equal, or one key is the other's leading
    or trailing words ("Yonhap" / "Yonhap News Agency"). Social accounts also merge by handle.
    """

    def __init__(self) -> None:
        self._sources: list[Source] = []

    def resolve(self, name: str, kind: SourceKind | None = None, handle: str | None = None) -> Source:
        """The source a name refers to, created on first mention."""
        key = _key(name)
        for source in self._sources:
            if (handle and source.handle and handle.lower() == source.handle.lower()) or self._same(key, source, name):
                if name not in source.aliases and name != source.name:
                    source.aliases.append(name)
                return source
        source = Source(id=f"s{len(self._sources) + 1}", name=name, kind=kind or guess_kind(name), handle=handle)
        self._sources.append(source)
        return source

    @staticmethod
    def _same(key: str, source: Source, name: str = "") -> bool:
        for other in (source.name, *source.aliases):
            other_key = _key(other)
            if key == other_key:
                return True
            short, long = sorted((key, other_key), key=len)
            # "Yonhap" / "Yonhap News Agency": a proper name's leading words. A trailing common
            # noun ("intelligence" / "Western intelligence") is a different source.
            if len(short) > 3 and long.startswith(short + " ") and short == key and key.split()[0] in _proper(other):
                return True
            if (
                len(short) > 3
                and long.startswith(short + " ")
                and short == other_key
                and other_key.split()[0] in _proper(name)
            ):
                return True
        return False

    @property
    def sources(self) -> list[Source]:
        """All sources, in order of first mention."""
        return list(self._sources)


def ref(source: Source) -> SourceRef:
    """The short form of a source used inside hops."""
    return SourceRef(id=source.id, name=source.name, kind=source.kind, handle=source.handle, url=source.url)
