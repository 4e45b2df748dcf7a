"""Sources across documents: one `sources[]` for the whole trace, whichever document named them.

Each document's parse numbers its sources s1, s2, …; hops copied from a followed document are
renumbered into the input's list here. The book is the input document's `SourceRegistry`
continued (ids are still given out there): only the merge rule is the trail's own. Names merge
only when they are clearly the same (same handle, or the same `name_key` once case, articles and
possessives are set aside): the "ministry" of one page may not be the "ministry" of another, so
the in-document alias rules (descriptions, surnames, acronyms) are not used across documents.
"""

from __future__ import annotations

from tracer.models import Hop, Source, SourceKind, SourceRef, TraceResult
from tracer.parse.claims.sources import SourceRegistry, name_key


def _fullest(name: str, aliases: tuple[str, ...]) -> str:
    """The most complete spelling of a name among its aliases ("the ministry" → "The Ministry of
    Water Resources"), so that a source first met as a short reference is shown by its full name."""
    key = name_key(name)
    longer = [a for a in aliases if key and key in name_key(a) and len(a) > len(name) and a[:1].isupper()]
    return max(longer, key=len) if longer else name


class SourceBook(SourceRegistry):
    """The input's `sources[]`, extended with the sources of every followed document.

    Args:
        sources: The input document's sources; the list is extended in place.
    """

    def __init__(self, sources: list[Source]) -> None:
        super().__init__(sources=sources)

    def add(
        self,
        name: str,
        kind: SourceKind = SourceKind.UNKNOWN,
        handle: str | None = None,
        url: str | None = None,
        aliases: tuple[str, ...] = (),
    ) -> SourceRef:
        """The reference for a source, added on first sight (aliases merged into an existing one)."""
        found = self._same(name, handle, aliases)
        if found is None:
            found = self._new(_fullest(name, aliases), kind, handle, url)
        for alias in (name, *aliases):
            if alias != found.name and alias not in found.aliases:
                self._alias(found, alias)
        if found.url is None and url:
            found.url = url
        if handle and found.handle is None:
            # A handle is a fact (from a post's own data); a kind guessed from a name is not.
            found.handle, found.kind = handle, kind
        return found.ref()

    def refresh(self, hops: list[Hop]) -> None:
        """Bring the hops' source references up to date with what the book learnt later."""
        for hop in hops:  # looked up by id: a set of every source's id per claim grew with the page
            source = self.find(hop.source.id)
            if source is not None:
                hop.source = source.ref()

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

    def _same(self, name: str, handle: str | None, aliases: tuple[str, ...]) -> Source | None:
        """The source already in the book with this handle or one of these names, by `name_key`."""
        keys = {name_key(n) for n in (name, *aliases)} - {""}
        for source in self._sources:
            if handle and source.handle and handle.lower() == source.handle.lower():
                return source
            if keys & {name_key(n) for n in (source.name, *source.aliases)}:
                return source
        return None
