"""Sources across documents: one `sources[]` for the whole trace, whichever document named them.

Each document's parsers number their sources s1, s2, …; hops copied from a followed document
are renumbered into the input's list here. Names merge only when they are clearly the same
(same handle, or the same name once case, articles and possessives are set aside): the
"ministry" of one page may not be the "ministry" of another.
"""

from __future__ import annotations

import re

from tracer.models import Hop, Source, SourceKind, SourceRef, TraceResult

_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


def name_key(name: str) -> str:
    """Comparison key for a source name: no article, possessive 's, punctuation or case."""
    name = re.sub(r"['’]s\b", "", name.strip())
    return re.sub(r"[^\w ]+", "", _ARTICLE.sub("", name)).lower().strip()


def _fullest(name: str, aliases: tuple[str, ...]) -> str:
    """The most complete spelling of a name among its aliases ("the ministry" → "The Ministry of
    Water Resources"), so that a source first met as a short reference is shown by its full name."""
    key = name_key(name)
    longer = [a for a in aliases if key and key in name_key(a) and len(a) > len(name) and a[:1].isupper()]
    return max(longer, key=len) if longer else name


class SourceBook:
    """The input's `sources[]`, extended with the sources of every followed document.

    Args:
        sources: The input document's sources; the list is extended in place.
    """

    def __init__(self, sources: list[Source]) -> None:
        self.sources = sources

    def add(
        self,
        name: str,
        kind: SourceKind = SourceKind.UNKNOWN,
        handle: str | None = None,
        url: str | None = None,
        aliases: tuple[str, ...] = (),
    ) -> SourceRef:
        """The reference for a source, added on first sight (aliases merged into an existing one)."""
        found = self._find(name, handle, aliases)
        if found is None:
            found = Source(id=self._next_id(), name=_fullest(name, aliases), kind=kind, handle=handle, url=url)
            self.sources.append(found)
        for alias in (name, *aliases):
            if alias != found.name and alias not in found.aliases:
                found.aliases.append(alias)
        if found.url is None and url:
            found.url = url
        if handle and found.handle is None:
            # A handle is a fact (from a post's own data); a kind guessed from a name is not.
            found.handle, found.kind = handle, kind
        return self.ref(found.id)

    def ref(self, source_id: str) -> SourceRef:
        """The current reference for a source id (names, handles and kinds may have been filled in)."""
        found = next(s for s in self.sources if s.id == source_id)
        return SourceRef(id=found.id, name=found.name, kind=found.kind, handle=found.handle, url=found.url)

    def refresh(self, hops: list[Hop]) -> None:
        """Bring the hops' source references up to date with what the book learnt later."""
        known = {s.id for s in self.sources}
        for hop in hops:
            if hop.source.id in known:
                hop.source = self.ref(hop.source.id)

    def remap(self, hop: Hop, result: TraceResult) -> Hop:
        """A copy of a followed document's hop whose source points into this book."""
        local = next((s for s in result.sources if s.id == hop.source.id), None)
        ref = self.add(
            hop.source.name,
            hop.source.kind,
            hop.source.handle,
            hop.source.url,
            tuple(local.aliases) if local else (),
        )
        return hop.model_copy(update={"source": ref, "flags": list(hop.flags)}, deep=True)

    def _find(self, name: str, handle: str | None, aliases: tuple[str, ...]) -> Source | None:
        keys = {name_key(n) for n in (name, *aliases)} - {""}
        for source in self.sources:
            if handle and source.handle and handle.lower() == source.handle.lower():
                return source
            if keys & {name_key(n) for n in (source.name, *source.aliases)}:
                return source
        return None

    def _next_id(self) -> str:
        numbers = [int(s.id[1:]) for s in self.sources if s.id[1:].isdigit()]
        return f"s{max(numbers, default=0) + 1}"
