"""Following the trail: each claim traced across documents to its earliest known origin.

Inside one article a chain ends where the text stops naming sources. From there the walk opens
the documents the claim leans on (`tracer.trail.candidates`), asks whether each states the same claim
(`tracer.parse.claims.matching`), and for each one that does adds a hop — its publisher, the matched passage
as evidence, its date — followed by the attribution that document gives, and carries on from
there. A document that does not state the claim is recorded as visited and not followed;
a URL already on the claim's path is a cycle and is cut. When several documents state the
claim, the branch that reaches furthest (then the earliest) becomes the chain; every document
tried stays in `Claim.visits` and `documents[]`.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from tracer.models import (
    Claim,
    DocumentRef,
    Hop,
    HopFlag,
    HopRelation,
    HopStatus,
    Post,
    TraceResult,
    Visit,
    VisitReason,
    VisitStatus,
    origin_of,
)
from tracer.parse.claims.matching import Match
from tracer.read.document import Article
from tracer.text import Span
from tracer.trail.candidates import Candidate, candidates_for, shared_links
from tracer.trail.events import ClaimVisited, DocumentOpened, Progress
from tracer.trail.options import TrailOptions as TrailOptions  # re-exported: its home before the move
from tracer.trail.reach import Node, Opener
from tracer.trail.sourcebook import SourceBook
from tracer.web.archive import Wayback
from tracer.web.fetch import Fetcher

LOGGER = logging.getLogger(__name__)

# When a claim leans on nothing it could reach, its hop says why, worst first.
_UNREACHED = (
    VisitStatus.DEAD,
    VisitStatus.BLOCKED,
    VisitStatus.NOT_CACHED,
    VisitStatus.RATE_LIMITED,
    VisitStatus.OUT_OF_TIME,
    VisitStatus.FAILED,
)
# The flag a post hop, or a hop leaning on links, gets for each of those: `dead_post`, `dead_link`, ...
_POST_FLAGS = {status: HopFlag(f"{status}_post") for status in _UNREACHED}
_LINK_FLAGS = {status: HopFlag(f"{status}_link") for status in _UNREACHED}
# Passages scoring this close to the best are as good a match; the one that leads on wins.
NEAR_TIE = 0.05
# Links tied to the hop itself (its sentence, its source's name, its post); a dead link in the
# next sentence says nothing about this hop.
_TIED_REASONS = frozenset({VisitReason.SENTENCE_LINK, VisitReason.SOURCE_LINK, VisitReason.POST, VisitReason.POST_LINK})


@dataclass
class Step:
    """A claim as one document states it: where to look for the documents it leans on."""

    node: Node
    text: str
    spans: list[Span]
    local_hops: list[Hop]  # as the document's own trace has them (its source ids)
    out_hops: list[Hop]  # the copies in the output chain, marked when the claim's links are dead
    post: Post | None = None


@dataclass
class Branch:
    """What following a claim from one document found."""

    hops: list[Hop] = field(default_factory=list)
    visits: list[Visit] = field(default_factory=list)
    documents: int = 0
    earliest: str | None = None

    def beats(self, other: Branch | None) -> bool:
        """Deeper wins; at equal depth, the one reaching the earlier date."""
        if other is None:
            return True
        if self.documents != other.documents:
            return self.documents > other.documents
        return _date_key(self.earliest) < _date_key(other.earliest)


def _date_key(value: str | None) -> str:
    return value or "9999-99-99"


def follow_trail(
    article: Article,
    result: TraceResult,
    fetcher: Fetcher,
    options: TrailOptions,
    progress: Progress | None = None,
) -> TraceResult:
    """Follow every claim of a traced article across the documents it leans on.

    Args:
        article: The input article.
        result: Its depth-0 trace (updated in place and returned).
        fetcher: The run's fetcher.
        options: Depth, archive and oEmbed settings.
        progress: Called with each document opened and each visit recorded, as they happen.

    Returns:
        The result with longer chains, `visits` and origins on claims, and every document reached.
    """
    with fetcher.budget(options.budget):
        return Trail(article, result, fetcher, options, progress).run()


class Trail:
    """One input's walk: the documents opened so far and the sources merged so far."""

    def __init__(
        self,
        article: Article,
        result: TraceResult,
        fetcher: Fetcher,
        options: TrailOptions,
        progress: Progress | None = None,
    ) -> None:
        self.options = options
        self.progress = progress
        self.claim_at = (0, "")  # the claim being followed (its index and id), for progress events
        self.result = result
        archive = Wayback(fetcher, options.archive_url) if options.archive else None
        self.opener = Opener(fetcher, options.oembed, archive)
        self.sources = SourceBook(result.sources)
        root_urls = frozenset(u for u in (article.document.url,) if u)
        self.root = Node(result.documents[0], article, result, urls=root_urls)
        self.nodes: dict[str, Node] = {}
        self.order: list[Node] = []
        self.matches: dict[tuple[str, str, str], Match | None] = {}
        # Posts by id and by where they start, the first of each (a scan per claim grew with the page).
        self.posts: dict[str, Post] = {}
        self.posts_at: dict[int, Post] = {}
        for post in result.posts:
            self.posts.setdefault(post.id, post)
            if post.start is not None:
                self.posts_at.setdefault(post.start, post)

    def run(self) -> TraceResult:
        """Follow each claim and record what was reached."""
        for index, claim in enumerate(self.result.claims):
            self.claim_at = (index, claim.id)
            self._follow_claim(claim)
        for claim in self.result.claims:
            self.sources.refresh(claim.chain)
            claim.origin = origin_of(claim.chain)  # once the book is final: names filled in later show
        self.result.documents = [self.root.ref, *(node.ref for node in self.order)]
        return self.result

    def _follow_claim(self, claim: Claim) -> None:
        # Claims taken from one post share its hop object; what following one claim finds (a dead
        # link, a late date) is that claim's, so each claim gets hops of its own.
        claim.chain = [hop.model_copy(deep=True) for hop in claim.chain]
        post = _post_of(claim, self.posts, self.posts_at)
        spans = [Span(claim.start, claim.end)] + [
            Span(h.evidence_start, h.evidence_end)
            for h in claim.chain
            if h.evidence_start is not None and h.evidence_end is not None
        ]
        step = Step(self.root, claim.text, spans, list(claim.chain), claim.chain, post)
        branch = self._walk(step, 1, self.root.urls, claim.text)
        claim.chain.extend(branch.hops)
        claim.visits = branch.visits
        self._set_origin(claim)

    def _walk(self, step: Step, depth: int, path: frozenset[str], original: str) -> Branch:
        node = step.node
        assert node.article is not None and node.result is not None
        found = candidates_for(node.article, node.result, step.spans, step.local_hops, step.post, node.links())
        if node.is_post:  # everything a post links is what it shares
            found += [c for c in shared_links(node.article) if c.url not in {f.url for f in found}]
        found = found[: self.options.max_candidates]
        if depth > self.options.depth:
            beyond = [self._visit(c, step, depth, VisitStatus.LIMIT, error="beyond --depth") for c in found]
            return Branch(visits=beyond)
        self.opener.prefetch(c.url for c in found if c.url not in path and c.url not in self.nodes)
        best: Branch | None = None
        visits: list[Visit] = []
        for candidate in found:
            if candidate.reason == VisitReason.POST_LINK and any(v.url == candidate.url for v in visits):
                continue  # already followed from the post itself (its oEmbed copy holds the same links)
            visit, branch = self._try(candidate, step, depth, path, original)
            visits.append(visit)
            self._report(visit)
            if branch is not None:
                visits.extend(branch.visits)
                best = branch if branch.beats(best) else best
        if best is None:
            _mark_unreached(step, [v for v in visits if v.cited_by == step.node.ref.id])
        return Branch(best.hops if best else [], visits, best.documents if best else 0, best.earliest if best else None)

    def _try(
        self, candidate: Candidate, step: Step, depth: int, path: frozenset[str], original: str
    ) -> tuple[Visit, Branch | None]:
        if candidate.url in path:
            return self._visit(candidate, step, depth, VisitStatus.CYCLE, error="already on this claim's trail"), None
        # A post's permalink is read as a post whichever claim reaches it first (the post's own
        # sentence, an own-voice sentence it backs, or a link on the author's name).
        post = candidate.reason == VisitReason.POST or candidate.url in step.node.links().permalinks
        node = self._open(candidate.url, depth, step.node, post=post, anchor=candidate.anchor)
        if node is None:
            return self._visit(candidate, step, depth, VisitStatus.LIMIT, error="document budget reached"), None
        if node.urls & path:
            error = "leads back onto this claim's trail"
            return self._visit(candidate, step, depth, VisitStatus.CYCLE, node, error=error), None
        if not node.readable:
            return self._visit(candidate, step, depth, node.status, node, error=node.ref.error), None
        match = self._match(node, step.text, original)
        if match is None or match.score < self.options.threshold:
            return self._visit(candidate, step, depth, VisitStatus.NO_MATCH, node, match), None
        if candidate.reason == VisitReason.POST:
            branch = self._continue_post(node, match, step, depth, path, original)
        else:
            branch = self._continue(node, match, step, depth, path, original)
        return self._visit(candidate, step, depth, VisitStatus.MATCHED, node, match), branch

    def _continue(
        self, node: Node, match: Match, step: Step, depth: int, path: frozenset[str], original: str
    ) -> Branch:
        """The hops a matching document adds: itself, its own attribution, and what follows from it."""
        assert node.result is not None
        claim = _covering_claim(node.result.claims, match)
        local = list(claim.chain) if claim else []
        inner = [self.sources.remap(hop, node.result) for hop in local]
        spans = [Span(match.start, match.end)] + ([Span(claim.start, claim.end)] if claim else [])
        post = next((p for p in node.result.posts if claim and p.id == claim.post_id), None)
        text = claim.text if claim else match.passage
        hop = self._document_hop(node, match, step.node)
        deeper = self._walk(Step(node, text, spans, local, inner, post), depth + 1, path | node.urls, original)
        earliest = deeper.earliest if deeper.documents else node.ref.published
        return Branch([hop, *inner, *deeper.hops], deeper.visits, 1 + deeper.documents, earliest)

    def _continue_post(
        self, node: Node, match: Match, step: Step, depth: int, path: frozenset[str], original: str
    ) -> Branch:
        """The post a claim was quoted from, read through oEmbed: it confirms the post hop the
        embed already gave (filling in its date and author) rather than adding a second hop
        that says the same, and its links lead on."""
        assert node.result is not None
        _confirm_post(step, node)
        _flag_late(step, node)
        claim = _covering_claim(node.result.claims, match)
        local = list(claim.chain) if claim else []
        spans = [Span(match.start, match.end)] + ([Span(claim.start, claim.end)] if claim else [])
        text = claim.text if claim else match.passage
        # The post's links are the embed's links: they stay at the embed's depth.
        deeper = self._walk(Step(node, text, spans, local, step.out_hops), depth, path | node.urls, original)
        return Branch(deeper.hops, deeper.visits, deeper.documents, deeper.earliest or node.ref.published)

    def _open(self, url: str, depth: int, citing: Node, *, post: bool = False, anchor: str = "") -> Node | None:
        node = self.nodes.get(url)
        if node is None:
            if len(self.order) >= self.options.max_documents:
                return None
            node = self.opener.open(url, post=post, anchor=anchor)
            node.ref.depth, node.ref.cited_by = depth, citing.ref.id
            node = self._register(node)
            if self.progress is not None:
                copy = node.result.model_copy(deep=True) if node.result else None
                self.progress(DocumentOpened(node.ref.model_copy(), copy))
        node.ref.depth = min(node.ref.depth, depth)
        return node

    def _register(self, node: Node) -> Node:
        """Keep one node per document: two URLs that land on the same page share it."""
        same = next((n for n in self.order if n.ref.id == node.ref.id), None)
        if same is None:
            self.order.append(node)
            same = node
        for url in node.urls:
            self.nodes.setdefault(url, same)
        return same

    def _match(self, node: Node, text: str, original: str) -> Match | None:
        """The passage stating the claim (as the citing document words it, or as the input does).

        Among passages that score within `NEAR_TIE` of the best, one that the document
        attributes, or that carries a link, is preferred: a headline restating the claim is
        as close a match as the attributed sentence below it, but only the latter leads on.
        """
        assert node.result is not None
        key = (node.ref.id, text, original)
        if key not in self.matches:  # a document reached by several routes is matched once per wording
            self.matches[key] = self._best_match(node, text, original)
        return self.matches[key]

    def _best_match(self, node: Node, text: str, original: str) -> Match | None:
        assert node.result is not None
        index = node.passages()
        ranked = index.ranked(text) + (index.ranked(original) if original != text else [])
        if not ranked:
            return None
        top_score = max(m.score for m in ranked)
        near = sorted((m for m in ranked if m.score >= top_score - NEAR_TIE), key=lambda m: -m.score)
        claims = [c for c in node.result.claims if c.chain]
        links = node.result.links

        def leads_on(match: Match) -> tuple[bool, bool]:
            attributed = any(c.start < match.end and match.start < c.end for c in claims)
            linked = any(match.start <= link.start < match.end for link in links)
            return attributed, linked

        return max(near, key=leads_on)

    def _document_hop(self, node: Node, match: Match, citing: Node) -> Hop:
        publisher = node.publisher
        assert publisher is not None
        source = self.sources.add(publisher.name, publisher.kind, publisher.handle, publisher.url)
        flags: list[HopFlag] = []
        if node.ref.archive_url:
            flags.append(HopFlag.ARCHIVED_COPY)
        cited_on = citing.ref.published
        if node.ref.published and cited_on and node.ref.published > cited_on:
            flags.append(HopFlag.PUBLISHED_AFTER_CITING)
        return Hop(
            source=source,
            cue="posted" if node.is_post else "published",
            evidence=match.passage,
            evidence_start=match.start,
            evidence_end=match.end,
            document_id=node.ref.id,
            date=node.ref.published,
            confidence=min(1.0, match.score),
            relation=HopRelation.DOCUMENT,
            status=HopStatus.ARCHIVED if node.ref.archive_url else HopStatus.OK,
            flags=flags,
        )

    def _visit(
        self,
        candidate: Candidate,
        step: Step,
        depth: int,
        status: VisitStatus,
        node: Node | None = None,
        match: Match | None = None,
        error: str | None = None,
    ) -> Visit:
        return Visit(
            url=candidate.url,
            document_id=node.ref.id if node else None,
            cited_by=step.node.ref.id,
            reason=candidate.reason,
            depth=depth,
            status=status,
            score=match.score if match else None,
            passage=match.passage if match else None,
            passage_start=match.start if match else None,
            passage_end=match.end if match else None,
            error=error,
        )

    def _report(self, visit: Visit) -> None:
        if self.progress is not None:
            index, claim_id = self.claim_at
            self.progress(ClaimVisited(claim_id, visit.model_copy(), index, len(self.result.claims)))

    def _set_origin(self, claim: Claim) -> None:
        """The origin's document and date (its source is set in `run`, once every source is merged)."""
        documents = [h.document_id for h in claim.chain if h.relation == HopRelation.DOCUMENT]
        claim.origin_document_id = documents[-1] if documents else self.root.ref.id
        if claim.chain:
            last = claim.chain[-1]
            claim.origin_date = last.date or self._published(last.document_id)

    def _published(self, document_id: str | None) -> str | None:
        refs: list[DocumentRef] = [self.root.ref, *(n.ref for n in self.order)]
        return next((r.published for r in refs if r.id == document_id), None)


def _post_of(claim: Claim, by_id: dict[str, Post], by_start: dict[int, Post]) -> Post | None:
    """The post a claim comes from, or the post that backs a sentence in the article's own voice
    (its `embed` first hop): without it such a claim never opened the post's permalink, so a post
    whose link is only in its oEmbed answer led nowhere."""
    if claim.post_id:
        return by_id.get(claim.post_id)
    first = claim.chain[0] if claim.chain else None
    if first is None or first.relation != HopRelation.EMBED or first.evidence_start is None:
        return None
    return by_start.get(first.evidence_start)


def _covering_claim(claims: list[Claim], match: Match) -> Claim | None:
    """The followed document's claim that the matched passage holds (most overlap wins)."""
    best, best_overlap = None, 0
    for claim in claims:
        overlap = min(claim.end, match.end) - max(claim.start, match.start)
        if overlap > best_overlap:
            best, best_overlap = claim, overlap
    return best


def _confirm_post(step: Step, node: Node) -> None:
    """Fill in what the embed markup lacked (date, author) from the post's oEmbed answer."""
    hop = next((h for h in step.out_hops if h.relation == HopRelation.POST), None)
    if hop is not None:
        hop.date = hop.date or node.ref.published
        hop.status = HopStatus.OK
    if step.post is not None:
        step.post.posted = step.post.posted or node.ref.published
        if node.publisher and not step.post.author_name:
            step.post.author_name = node.publisher.name


def _flag_late(step: Step, node: Node) -> None:
    """A post dated after the article that embeds it cannot be that article's source: say so."""
    hop = next((h for h in step.out_hops if h.relation == HopRelation.POST), None)
    cited_on, posted = step.node.ref.published, node.ref.published
    late = hop is not None and posted and cited_on and posted[:10] > cited_on[:10]
    if late and hop is not None and HopFlag.PUBLISHED_AFTER_CITING not in hop.flags:
        hop.flags.append(HopFlag.PUBLISHED_AFTER_CITING)


def _mark_unreached(step: Step, visits: list[Visit]) -> None:
    """Record on the claim's hops in this document why the documents they lean on were not reached:
    a failed post permalink on the post hop, other links on the claim's last hop here."""
    post_failure = next((v.status for v in visits if v.reason == VisitReason.POST and v.status in _UNREACHED), None)
    post_hop = next((h for h in step.out_hops if h.relation == HopRelation.POST), None)
    if post_failure and post_hop is not None:
        post_hop.status = HopStatus(post_failure)
        if _POST_FLAGS[post_failure] not in post_hop.flags:  # one flag however often the post is met
            post_hop.flags.append(_POST_FLAGS[post_failure])
    statuses = {v.status for v in visits if v.reason in _TIED_REASONS - {VisitReason.POST}}
    worst = next((s for s in _UNREACHED if s in statuses), None)
    if worst is None or not step.out_hops:
        return
    hop = step.out_hops[-1]
    if _LINK_FLAGS[worst] not in hop.flags:
        hop.flags.append(_LINK_FLAGS[worst])
    if hop.relation != HopRelation.DOCUMENT:
        hop.status = HopStatus(worst)
