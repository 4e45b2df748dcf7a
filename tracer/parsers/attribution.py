"""Attribution chains inside one document: who a claim is attributed to, and whom they cite.

A first, pattern-based version: "…, according to X[, citing Y]", "According to X, …",
"X said/told/announced … (that) …", "…, X said." Cue verbs and hedges live in data files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from tracer.datafiles import load_lines
from tracer.document import Article
from tracer.models import Claim, Hop, Post, Source, SourceKind
from tracer.parsers.sources import SourceRegistry, ref
from tracer.text import Span, sentences


@dataclass(frozen=True, slots=True)
class Attribution:
    """One source-cue-content triple with its spans in the document text, plus whom it cites."""

    source: Span
    cue: Span
    content: Span
    sentence: Span
    cited: tuple[tuple[Span, Span], ...] = ()  # (cue, source) pairs, nearest first


@lru_cache(maxsize=1)
def _cue_verbs() -> str:
    return "|".join(sorted(load_lines("cue_verbs.txt"), key=len, reverse=True))


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], ...]:
    verbs = _cue_verbs()
    citing = r"(?:,\s*(?P<cite_cue>citing)\s+(?P<cited>[^,.;]+?))?"
    return (
        # "…, according to X[, citing Y]."
        re.compile(
            r"^(?P<content>.+?),?\s+(?P<cue>according to)\s+(?P<source>[^,.;]+?)"
            + citing
            + r"(?:,\s*(?!citing)[^,.;]+?)?\s*[.;]?$",
            re.DOTALL,
        ),
        # "According to X, …"
        re.compile(r"^(?P<cue>According to)\s+(?P<source>[^,]+?)" + citing + r",\s+(?P<content>.+)$", re.DOTALL),
        # "X said (that) …"
        re.compile(
            r"^(?:(?:But|And|Yet|So|Still|Meanwhile|However),?\s+)?(?P<source>(?:[Tt]he\s+)?[^,]{2,80}?)"
            r"\s+(?:has\s+|have\s+|had\s+)?(?P<cue>"
            + verbs
            + r")(?:\s+(?:\w+\s+){0,3}?(?:that|on\s+\w+day)\b)?[,:]?\s+(?P<content>.+)$",
            re.DOTALL,
        ),
        # "“…,” X said." / "…, said X."
        re.compile(
            r"^(?P<content>.+?),[”\"]?\s+(?P<source>(?:[Tt]he\s+)?[^,]{2,60}?)\s+(?P<cue>" + verbs + r")\.?$", re.DOTALL
        ),
        re.compile(r"^(?P<content>.+?),[”\"]?\s+(?P<cue>" + verbs + r")\s+(?P<source>[^,]{2,60}?)\.?$", re.DOTALL),
    )


@lru_cache(maxsize=1)
def _hedges() -> re.Pattern[str]:
    return re.compile(r"\b(" + "|".join(re.escape(h) for h in load_lines("hedges.txt")) + r")\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _non_sources() -> frozenset[str]:
    return frozenset(load_lines("non_sources.txt"))


def _span(match: re.Match[str], group: str, offset: int) -> Span:
    start, end = match.span(group)
    text = match.group(group)
    lead = len(text) - len(text.lstrip(" “\"'‘"))
    trail = len(text) - len(text.rstrip(" ,.;:”\"'’"))
    return Span(offset + start + lead, offset + end - trail)


def find_attributions(text: str, sentence: Span) -> Attribution | None:
    """Match one sentence against the attribution patterns."""
    chunk = sentence.of(text)
    for pattern in _patterns():
        match = pattern.match(chunk)
        if not match:
            continue
        source = _span(match, "source", sentence.start)
        name = source.of(text)
        if name.lower().strip() in _non_sources() or (not name[:1].isalpha() and name[:1] not in '“"'):
            continue
        if len(name.split()) > 8 or name.split()[0].lower() in {"it", "this", "that", "which", "what"}:
            continue
        cited: tuple[tuple[Span, Span], ...] = ()
        if "cited" in match.groupdict() and match.group("cited"):
            cited = ((_span(match, "cite_cue", sentence.start), _span(match, "cited", sentence.start)),)
        return Attribution(
            source, _span(match, "cue", sentence.start), _span(match, "content", sentence.start), sentence, cited
        )
    return None


def extract_claims(article: Article, posts: list[Post]) -> tuple[list[Claim], list[Source]]:
    """Find the attributed (and hedged) claims in an article and build their chains.

    A claim inside an embedded post gets the post's author as its first hop; attribution
    inside the post text continues that chain.

    Args:
        article: The article read by `tracer.document`.
        posts: Posts found by `tracer.parsers.embeds`, whose authors become sources.

    Returns:
        The claims in text order and the document's sources.
    """
    text, doc_id = article.text, article.document.id
    registry = SourceRegistry()
    post_hops = {post.id: _post_hop(post, registry, doc_id) for post in posts}
    claims: list[Claim] = []
    for sentence in sentences(text):
        post = next(
            (p for p in posts if p.start is not None and p.end is not None and p.start <= sentence.start < p.end), None
        )
        if post and post.evidence == sentence.of(text):
            continue  # the post's signature line, not a claim
        attribution = find_attributions(text, sentence)
        chain = [post_hops[post.id]] if post else []
        if attribution:
            chain += _hops(text, attribution, registry, doc_id)
            content = attribution.content
        elif post or _hedges().search(sentence.of(text)):
            content = sentence
        else:
            continue
        hedged = not chain and bool(_hedges().search(sentence.of(text)))
        claims.append(
            Claim(
                id=f"c{len(claims) + 1}",
                text=content.of(text),
                start=content.start,
                end=content.end,
                hedged=hedged,
                chain=chain,
                origin=chain[-1].source if chain else None,
                document_id=doc_id,
                post_id=post.id if post else None,
            )
        )
    return claims, registry.sources


def _post_hop(post: Post, registry: SourceRegistry, doc_id: str) -> Hop:
    name = post.author_name or (f"@{post.handle}" if post.handle else f"{post.platform.value} post")
    source = registry.resolve(name, SourceKind.SOCIAL_ACCOUNT, post.handle)
    if source.url is None and post.url:
        source.url = post.url
    return Hop(
        source=ref(source),
        cue="posted",
        evidence=post.evidence,
        document_id=doc_id,
        date=post.posted,
        confidence=0.9,
        relation="post",
    )


def _hops(text: str, attribution: Attribution, registry: SourceRegistry, doc_id: str) -> list[Hop]:
    hops = []
    for cue, source in ((attribution.cue, attribution.source), *attribution.cited):
        found = registry.resolve(source.of(text))
        hops.append(
            Hop(
                source=ref(found),
                cue=cue.of(text),
                source_start=source.start,
                source_end=source.end,
                cue_start=cue.start,
                cue_end=cue.end,
                evidence=attribution.sentence.of(text),
                evidence_start=attribution.sentence.start,
                evidence_end=attribution.sentence.end,
                document_id=doc_id,
                confidence=0.6,
            )
        )
    return hops
