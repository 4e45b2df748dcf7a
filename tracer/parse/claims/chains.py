"""Compose attributions into claims with chains of hops, nearest source first.

An attribution inside another's content is nested: "The agency said X, according to Lee" makes
X's chain [Lee, the agency]. Each attribution contributes its intermediaries ("cited by Y"),
its source, then the sources it cites ("citing Z"), so "according to Yonhap, citing
intelligence" reads [Yonhap, intelligence]. A claim inside an embedded post starts with the
post's author. Consecutive hops to the same source (a source and the pronoun that picks it up)
are one hop.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache, cached_property
from itertools import accumulate, pairwise
from typing import TypeVar

from tracer.datafiles import load_json, load_lines
from tracer.models import (
    Claim,
    ClaimKind,
    CueClass,
    Hop,
    HopFlag,
    HopRelation,
    Link,
    Post,
    Source,
    SourceKind,
    origin_of,
)
from tracer.parse.attribution.cues import CLAIM_CLASSES, inflections, lexicon
from tracer.parse.attribution.spans import Attribution, Citation, CoverIndex
from tracer.parse.claims.credits import credit_line_claims, dash_credit_claims
from tracer.parse.claims.dates import find_dates, parse_published
from tracer.parse.claims.kinds import (
    OPENING_QUOTES,
    answered,
    artifacts,
    asks,
    bare_pronoun,
    cited_as,
    claim_kind,
    document_heads,
    head_of,
    inferred_from_thing,
    no_informant,
    outcry,
    own_outlet,
    perceived,
    person_head,
    quoted_mind,
    relative_denial,
    says_nothing,
    surveyed,
)
from tracer.parse.claims.own_voice import own_voice_claims
from tracer.parse.claims.people import find_people, role_words
from tracer.parse.claims.repeats import pull_quote_claims
from tracer.parse.claims.resolve import Resolved, Resolver, speaker_of
from tracer.parse.claims.sources import SourceRegistry, core, guess_kind, is_first_person
from tracer.read.document import Article
from tracer.text import (
    ParagraphIndex,
    SentenceIndex,
    Span,
    SpanSet,
    is_abbreviation,
    latin_names,
    plain_spaces,
    sentences,
)
from tracer.words import MONTH_NAMES, WEEKDAYS

_BASE_CONFIDENCE = {"quote": 0.85, "according": 0.85, "verb": 0.8, "passive": 0.75, "noun": 0.7, "citing": 0.7}
# How sure a resolution is. "likely" (a pronoun after two people: the subject) and "cataphora"
# (a pronoun before any name: the next person named) are guesses a researcher asked to see,
# flagged and below every resolution the text states.
_HOW_FACTOR = {
    "name": 1.0,
    "relative": 0.95,
    "speaker": 0.9,
    "owner": 0.8,
    "pronoun": 0.8,
    "cataphora": 0.65,
    "likely": 0.6,
    "unresolved": 0.4,
}
_HOW_FLAGS = {
    "unresolved": [HopFlag.UNRESOLVED_SOURCE],
    "owner": [HopFlag.SOURCE_ISSUED_STATEMENT],
    "likely": [HopFlag.LIKELY_REFERENT],
    "cataphora": [HopFlag.NAMED_AFTER],
}
# "Data from the statistics office", "a survey run by shop stewards", "a recording heard by the BBC",
# "Data previously collected by NASA's Hubble Space Telescope".
# "A poll of 1,500 US voters conducted by Redfield and Wilton": who was asked comes between.
# "a report Tuesday from WKOW", "data released Monday by the board": when the document came out,
# between its head and its maker (hops5 audit: the whole phrase was one hop, the origin).
_WHEN = r"(?:\s+(?:on\s+)?(?:" + "|".join(w.capitalize() for w in WEEKDAYS) + r"|today|yesterday))?"
_RECORD = re.compile(
    r"^(?P<doc>(?:[\w’'-]+\s+){0,3}?(?P<head>[\w-]+))" + _WHEN + r"(?:\s+of\s+(?:[^,;]|,(?=\d)){1,60}?)?\s+"
    r"(?:[a-z]+ly\s+)?(?P<rel>from|by|run by|compiled by|collected by|(?:released|published)" + _WHEN + r"\s+by"
    r"|seen by|heard by|obtained by|reviewed by|conducted by|carried out by|commissioned by)\s+"
    r"(?P<owner>\S.*)$",
    re.DOTALL,
)
# When a maker did its work, after its name ("Redfield and Wilton for Newsweek back in May").
# After a document's head in the next sentence: whom it asked, then who made it ("of 1,500 US
# eligible voters conducted by Redfield and Wilton").
_MADE_BY = re.compile(
    r"(?:\s+of\s+(?:[^,;.]|[,.](?=\d)){1,60}?)?,?\s+(?P<rel>(?:(?:conducted|carried out|commissioned|run|published"
    r"|released|compiled)\s+)?by)\s+(?P<owner>[A-Z][^,;.]*)"
)
_MAKER_WHEN = re.compile(r"\s+(?:back|earlier|last)(?:\s.*)?$", re.DOTALL)
_MAKER_FOR = re.compile(r"\s+for\s+(?P<client>\S.*)$", re.DOTALL)
_ROLE_BEFORE_NAME = re.compile(
    r"\b(?P<role>[a-z]+)\s+" + latin_names(r"(?P<name>[A-Z][a-z]+(?:[ -][A-Z][a-z]+){1,2})$")
)
_INDEFINITE_ARTICLE = re.compile(r"^(?:an?)\s+", re.IGNORECASE)
_WITNESS = frozenset({"seen", "heard", "obtained", "reviewed"})
# Reports a named maker issued are documents of their own too ("a report by X", "The Wrap's report":
# [the report, X], as the gold files' convention has it); a statement or release stands for its
# issuer alone (claims/resolve.py, the seed's "the official statement said").
# Plural "reports from The Wrap and Deadline" are the outlets' reporting, one hop (gold_fresh).
# Affidavits, analyses, memos, polls, surveys and studies are made by someone too ("an AdImpact
# analysis", "a criminal complaint affidavit from Homeland Security": [the analysis, AdImpact]
# in gold_fresh3a; one hop, the document alone, before).
# Investigations, inquiries and audits too ("an investigation by +972 Magazine and The Intercept":
# [the investigation, the outlets] in gold_fresh4a; the whole phrase was one hop).
_MADE = frozenset(
    {"report", "assessment", "affidavit", "analysis", "memo", "poll", "survey", "study"}
    | {"investigation", "inquiry", "audit"}
    # Lists and rankings someone compiled ("a list compiled by political scientist Boris Shor":
    # [the list, Boris Shor] in gold_fresh; the whole phrase was one hop, the origin).
    | {"list", "ranking"}
)
# "The Wrap's report", "the grid operator's 2019 resource assessment", "her campaign's memo": a
# maker's name, then the document.
_OWNED = re.compile(
    r"^(?P<owner>(?:[Tt]he\s+[\w.&-]+|[Hh]is\s+[\w-]+|[Hh]er\s+[\w-]+|[A-Z][\w.&-]*)(?:\s+[\w.&-]+){0,5}?)(?P<mark>[’']s?)\s+"
    r"(?P<rest>(?:[\w-]+\s+){0,3}(?P<head>[\w-]+))$"
)
# "an AdImpact analysis", "an AP-NORC poll conducted in August": an article, a capitalised maker
# (up to four words, not a month or weekday is left to `_MADE`'s heads), the document's head,
# then at most a participle phrase.
# Up to two lowercase words may come before the maker ("a recent Federal Election Commission
# report", "a new Gallup poll") and what was studied after the head ("a Ledger analysis of FEC
# records"; hops5 audit: the document alone was the origin in 3 PolNeAR train articles).
_MAKER_BEFORE = re.compile(
    r"^(?:[Aa]n?|[Tt]he)\s+(?:[a-z][\w-]*\s+){0,2}?(?P<owner>[A-Z][\w.&-]*(?:[ \t]+[A-Z][\w.&-]*){0,3})\s+"
    r"(?P<head>[a-z]+)(?:\s+(?:conducted|released|published|carried|commissioned|of)\b.*)?$",
    re.DOTALL,
)
# A share of respondents as the source: "about 3 in 10 independents", "less than 2 in 10",
# "62 percent of voters", "most voters", "a majority of Americans".
_RESPONDENTS = re.compile(
    r"^(?:(?:about|around|roughly|nearly|almost|some|more|less|fewer|over|under|just|only|than)\s+)*"
    r"(?:\d+(?:\.\d+)?\s+(?:in|out\s+of)\s+\d+|\d+(?:\.\d+)?\s*(?:%|percent)\s+of|most|many|a\s+majority\s+of)\b",
    re.IGNORECASE,
)
# A poll or survey with its maker in front: "an AP-NORC poll", "the Gallup survey".
_POLL = re.compile(
    r"\b(?P<doc>(?:[Aa]n?|[Tt]he)\s+(?P<owner>[A-Z][\w.&-]*(?:[ \t]+[A-Z][\w.&-]*){0,3})\s+(?P<head>poll|survey))\b"
)
_HEDGE_TAIL = re.compile(r"(?:[,;]?\s*(?:given that|given|as|while|because|after|since|and|but|with))?[\s,;]*$")
_SIGNATURE = re.compile(r"^[—–-]\s*[^\n]{1,80}\(@\w{1,15}\)")
_Named = TypeVar("_Named", Post, Link)
# What ends the words before a nested attribution: a conjunction, "that", punctuation.
_LEAD_TAIL = re.compile(r"(?:[\s,;:—–-]|\b(?:and|but|or|that|as|because|while|so)\b)*$")
_MIN_LEAD_WORDS = 4
# What opens the words after a nested attribution: punctuation and a joining word.
_TAIL_LEAD = re.compile(r"^(?:[\s,;:—–-]|\b(?:and|but|or)\b)*")
# A tail shorter than this is a fragment ("for now"), not a claim of its own.
_MIN_TAIL_WORDS = 6
# Tails that say what followed or what for, no claim of their own ("resulting in an embarrassing
# trip", "raising questions about ...", "so that you can ask questions"). A result clause ("..., so
# they are not pushing any plan") is the speaker's own claim (span8 audit of PolNeAR train: it was lost).
_NOT_A_TAIL = re.compile(r"(?:\w+ing|so that|so as|to|in order)\b", re.IGNORECASE)
# A quoted sentence of fewer words ("No.", "Look,") stays with the quotation around it.
_MIN_QUOTED_WORDS = 3
# Unicode categories of the emoji, flags and joiners users put around their display names:
# symbols (So, Sk), format characters (Cf: the zero-width joiner), marks (Mn: variation selectors).
_DECORATION = frozenset({"So", "Sk", "Cf", "Mn"})


@dataclass(frozen=True)
class ClaimSet:
    """What the claims stage finds in one document, every source id given by one registry.

    The posts and links are copies of those passed in, with `source_id` set to the source
    their author or anchor resolved to, so nothing is patched in afterwards.
    """

    claims: list[Claim]
    sources: list[Source]
    posts: list[Post]
    links: list[Link]


@dataclass
class _Context:
    """What building hops needs about the document."""

    text: str
    doc_id: str
    published: date | None
    resolver: Resolver
    found: list[Attribution]
    sentences: SentenceIndex
    paras: ParagraphIndex
    hops: dict[int, list[Hop]] = field(default_factory=dict)
    mentions: list[tuple[Span, Source]] = field(default_factory=list)
    makers: dict[str, Source] = field(default_factory=dict)  # document source id -> who made it
    issued: dict[tuple[str, str], Source] = field(default_factory=dict)  # (issuer id, words) -> document

    @cached_property
    def cover(self) -> CoverIndex:
        """Which attributions hold which (built once; `found` is final by the time it is asked)."""
        return CoverIndex(self.found)

    @cached_property
    def quote_reports(self) -> _QuoteReports:
        """Reports whose content is a quotation just before their cue ("“...,” the Times reported"),
        by where the quotation ends (built once)."""
        by_end: dict[int, list[Attribution]] = {}
        for b in self.found:
            passes_on = b.cls in CLAIM_CLASSES and b.cls != "hedge"
            if passes_on and b.kind == b.form == "quote" and b.content and _trailing_report(self.text, b):
                by_end.setdefault(b.content_span.end, []).append(b)
        return _QuoteReports(sorted(by_end), by_end)


@dataclass(frozen=True)
class _QuoteReports:
    """Reports after a quotation, by the quotation's end; `ends` sorted for bisection."""

    ends: list[int]
    by_end: dict[int, list[Attribution]]


def build_claims(article: Article, found: list[Attribution], posts: list[Post], links: list[Link]) -> ClaimSet:
    """Claims (attributed, hedged, or in a post) with their chains, and the document's sources.

    Args:
        article: The article the attributions were found in.
        found: Every attribution, nested ones included (`find_attributions`).
        posts: Embedded posts; their authors are the first hop of claims inside them.
        links: Body links; those whose anchor names a source get its `source_id`.

    Returns:
        Claims in text order, sources in order of first mention, and the posts and links with
        the ids of the sources they name.
    """
    # The people and the pronouns' referents are read with plain spaces, as the attribution rules
    # read the text (`plain_spaces`, same offsets): the name patterns join words with a plain space,
    # so "Harold\xa0Brenner" was "Brenner" to them. Claims and evidence quote the text as given.
    reading = plain_spaces(article.text)
    registry = SourceRegistry(find_people(reading))
    published = parse_published(article.document.published)
    resolver = Resolver(reading, registry, [f for a in found if a.kind != "np" for f in a.content])
    ctx = _Context(
        article.text, article.document.id, published, resolver, found, article.sentence_index, resolver.paragraphs
    )
    post_hops = _resolve_all(ctx, posts, registry)
    claims = _attributed(ctx, posts, post_hops)
    claims += _hedged(ctx, claims, posts, post_hops)
    claims += _post_sentences(ctx, claims, posts, post_hops)
    claims = pull_quote_claims(ctx.text, ctx.paras, _inside_same_chain(_unique(claims)))
    claims = credit_line_claims(ctx.text, article.blocks, claims, resolver.name, ctx.doc_id)
    claims = dash_credit_claims(ctx.text, ctx.paras, claims, resolver.name, ctx.doc_id)
    linked = _link_sources(ctx, links)
    claims = own_voice_claims(
        ctx.text,
        ctx.doc_id,
        claims,
        posts,
        post_hops,
        linked,
        registry,
        ctx.sentences,
        ctx.paras,
        named=lambda s, k: _holding(ctx, s, k),
        site_name=article.document.site_name,
    )
    final = {s.id: s.ref() for s in registry.sources}  # a source named properly later gets that name
    out = []
    for i, claim in enumerate(claims, 1):
        chain = [h.model_copy(update={"source": final.get(h.source.id, h.source)}) for h in claim.chain]
        out.append(claim.model_copy(update={"id": f"c{i}", "chain": chain, "origin": origin_of(chain)}))
    authored = [_with_source(p, _post_source(p, post_hops, registry)) for p in posts]
    return ClaimSet(out, registry.sources, authored, linked)


def _post_source(post: Post, post_hops: dict[str, Hop], registry: SourceRegistry) -> str | None:
    """The source of a post's author: the one its hop resolved to, when the registry is sure of it."""
    hop = post_hops.get(post.id)
    if hop is None:
        return None
    return registry.account(hop.source.id, post.handle, _display_name(post.author_name))


def _with_source(item: _Named, source_id: str | None) -> _Named:
    """A copy of a post or link naming its source (the item itself when it names none)."""
    return item.model_copy(update={"source_id": source_id}) if source_id else item


# --- resolving every mention, in text order --------------------------------------------------------


def _resolve_all(ctx: _Context, posts: list[Post], registry: SourceRegistry) -> dict[str, Hop]:
    events: list[tuple[int, int, Post | Attribution]] = [(p.start or 0, 0, p) for p in posts]
    events += [(_position(a), 1, a) for a in ctx.found if not _first_person(ctx, a)]
    events += [(1 << 40, 2, a) for a in ctx.found if _first_person(ctx, a)]  # after their speakers
    post_hops: dict[str, Hop] = {}
    for _, _, item in sorted(events, key=lambda e: (e[0], e[1])):
        if isinstance(item, Post):
            post_hops[item.id] = _post_hop(item, registry, ctx.doc_id)
        elif inferred_from_thing(item, ctx.text) or _names_no_one(ctx.text, item):
            # "the transition presents ... And they are hoping ...": a thing read as a sign is
            # no source, so it is not registered as one a later "they" could stand for
            ctx.hops[id(item)] = []
        else:
            ctx.hops[id(item)] = _hops(ctx, item)
    _continue_citations(ctx)
    return post_hops


# Words that stand for no one when they are all of a source: a day or a month says when
# ("Wednesday added one more development to the list", "records released in July, which showed"),
# the "'s" of "let's" is the writer's own voice ("let's hope it stays that way"), and a relative
# or demonstrative pronoun the parser left without an antecedent is a clause, not a speaker
# ("which helps explain why", "That's the consensus of experts ..., saying"). "May" is a name too.
_NO_ONE = frozenset(
    {*WEEKDAYS, *(m for m in MONTH_NAMES if m != "may"), "today", "yesterday", "tonight", "'s", "’s"}
    | {"which", "that", "who", "whom"}
)


def _names_no_one(text: str, a: Attribution) -> bool:
    """Whether an attribution's whole source is a word that names no one (`_NO_ONE`): shown as a
    name, or as an unresolved "which", it told a researcher nothing (audit15 of PolNeAR train at
    e81cbcb: 2 weekdays, a month, 3 "'s", 17 "which"/"that"/"who" hops). A relative pronoun the
    parser tied to its antecedent (`referent`) is that antecedent's."""
    if a.source is None or a.referent is not None:
        return False
    words = a.source.of(text).strip()
    return words.lower() in _NO_ONE and not words.isupper()  # "according to WHO": the health body


def _continue_citations(ctx: _Context) -> None:
    """'The agency said X. It cited satellite images.': the images are the agency's source for X."""
    claimable = _ByEnd([a for a in ctx.found if _claimable(a, ctx.text)])
    for c in ctx.found:
        if c.lemma != "cite" or c.kind != "np" or c.source is None or not ctx.hops.get(id(c)):
            continue
        if _claimable(c, ctx.text) or cited_as(c, ctx.text) or _cited_example(ctx.text, c.content[0]):
            continue  # "It also cited a lack of access ...": a reason it gives, a claim, not its source
        citer = ctx.hops[id(c)][-1].source.id
        earlier = claimable.ending_before(c.sentence.start, 400)
        target = next(
            (a for a in reversed(earlier) if any(h.source.id == citer for h in ctx.hops.get(id(a), []))), None
        )
        if target is not None:
            hop = _citation_hop(ctx, c, Citation(c.cue, c.content[0]))
            ctx.hops[id(target)] = [*ctx.hops[id(target)], hop]


class _ByEnd:
    """Attributions looked up by where their sentence ends (a window, by bisection)."""

    def __init__(self, found: list[Attribution]) -> None:
        self._items = sorted(((a.sentence.end, i, a) for i, a in enumerate(found)), key=lambda t: t[:2])
        self._ends = [end for end, _, _ in self._items]

    def ending_before(self, offset: int, within: int) -> list[Attribution]:
        """Those whose sentence ends at or before `offset`, less than `within` before it, in their given order."""
        low = bisect_right(self._ends, offset - within)
        window = self._items[low : bisect_right(self._ends, offset, lo=low)]
        return [a for _, _, a in sorted(window, key=lambda t: t[1])]


def _position(a: Attribution) -> int:
    return min(a.source.start if a.source else a.cue.start, a.cue.start)


def _first_person(ctx: _Context, a: Attribution) -> bool:
    return a.source is not None and is_first_person(a.source.of(ctx.text))


def _display_name(name: str | None) -> str | None:
    """An account's display name without the emoji and flags around it ('Brainless Partisans 🏴☢️'
    is 'Brainless Partisans' in the article's words and in a reader's); None when nothing else is left."""
    if not name:
        return None
    kept = name.strip()
    while kept and (unicodedata.category(kept[-1]) in _DECORATION or kept[-1].isspace()):
        kept = kept[:-1]
    while kept and (unicodedata.category(kept[0]) in _DECORATION or kept[0].isspace()):
        kept = kept[1:]
    return kept or None


def _post_hop(post: Post, registry: SourceRegistry, doc_id: str) -> Hop:
    name = _display_name(post.author_name) or (f"@{post.handle}" if post.handle else f"{post.platform.value} post")
    source = registry.resolve(name, SourceKind.SOCIAL_ACCOUNT, post.handle, at=post.start or 0)
    if source.url is None and post.url:
        source.url = post.url
    return Hop(
        source=source.ref(),
        cue="posted",
        evidence=post.evidence,
        document_id=doc_id,
        date=post.posted,
        confidence=0.9,
        relation=HopRelation.POST,
    )


def _hops(ctx: _Context, a: Attribution) -> list[Hop]:
    hops = [_citation_hop(ctx, a, c) for c in a.via if not _within_cited_in(ctx, a, c)]
    documented = _document_hops(ctx, a) if a.source is not None else None
    if documented is not None:
        hops += documented
    elif a.source is not None:
        sharer = _participle_of(ctx, a)
        if sharer is not None:  # "X said ..., stating that a president ..., noting that ...": X notes it
            hops.append(_main_hop(ctx, a, Resolved(sharer, "name")))
            return [*hops, *(_citation_hop(ctx, a, c) for c in _cited_sources(ctx, a))]
        speaker = _own_voice_relayer(ctx, a, _relayer(ctx, a))
        speaker_source = _main_source(ctx, speaker) if speaker else None
        if speaker_source is None and speaker is not None and speaker.source is not None and a.quoted:
            # "'He left ... and he said ...,' Deyal told the paper": the speaker comes after the
            # words; the source their name already stands for, looked up without a mention
            speaker_source = ctx.resolver.registry.known(core(speaker.source.of(ctx.text)))
        polled = _poll_hops(ctx, a)
        if polled is not None:  # "about 3 in 10 independents say": what the poll found
            return [*hops, *polled, *(_citation_hop(ctx, a, c) for c in _cited_sources(ctx, a))]
        trailing = _trailing_document(ctx, a)
        if trailing is not None:  # "according to the Panel on Climate Change (IPCC) report"
            return [*hops, *trailing, *(_citation_hop(ctx, a, c) for c in _cited_sources(ctx, a))]
        resolved = ctx.resolver.mention(a.source, speaker=speaker_source, referent=a.referent, quoted=a.quoted)
        ctx.mentions.append((a.source, resolved.source))
        hops += _issued_document(ctx, a, resolved) or _document_in_cue(ctx, a)
        hops.append(_main_hop(ctx, a, resolved))
        maker = ctx.makers.get(resolved.source.id)
        if maker is not None:  # "according to the report" after "A recent report by X stated"
            hops.append(_main_hop(ctx, a, Resolved(maker, "owner")))
        else:
            hops += _maker_after(ctx, a, resolved.source)
    hops += [_citation_hop(ctx, a, c) for c in _cited_sources(ctx, a)]
    return hops


def _issued_document(ctx: _Context, a: Attribution, resolved: Resolved) -> list[Hop]:
    """The document hop before its issuer's when the document itself speaks ("the statement said",
    "the Biden release said", "The Conservatives' letter says"): [the statement, the committee],
    as every fresh gold set writes it (gold_fresh: "the statement said" after "The National
    Security Committee ... said in a statement" was [the committee] alone, 4 items; gold_fresh3a:
    "the Biden release said", 2). "X said in a statement" never comes here (the statement is only
    the medium, X the source), nor a tweet or post ("Trump's tweet": Trump alone, gold_fresh5a).
    [] for any other mention."""
    assert a.source is not None
    if resolved.how != "owner" or _ISSUED_HERE.search(ctx.text, max(0, a.source.start - 40), a.source.start):
        return []
    words = core(a.source.of(ctx.text))
    head = _HEAD_CUT.split(words, maxsplit=1)[0].lower().rstrip(".").split()
    if not head or head[-1] not in _ISSUED_DOCUMENTS or head[0] in _POSSESSIVES:
        return []  # "she revised her statement explaining ...": her words, the statement the medium
    if not _issued_as_document(ctx, a, resolved, head[-1]):
        return []
    key = (resolved.source.id, words.lower())
    document = ctx.issued.get(key) or ctx.issued.setdefault(key, ctx.resolver.registry.document(words))
    return [_main_hop(ctx, a, Resolved(document, "name"))]


def _issued_as_document(ctx: _Context, a: Attribution, resolved: Resolved, head: str) -> bool:
    """Whether the text says the issuer put out such a document: its name in the mention ("the
    Biden release", "a statement from the ministry"), or the head noun between where the issuer is
    named and the mention ("The committee ... said in a statement ... the statement said"). Not
    when the issuer is only the source named just before ("Seoul's Joint Chiefs of Staff announced
    its assessment that ... “...,” the official statement said": the seed's chain stays the Joint
    Chiefs, as its test and issue 14 have it)."""
    assert a.source is not None
    if resolved.evidence_start is None or resolved.evidence_start >= a.source.start:
        return True
    before = ctx.text[resolved.evidence_start : a.source.start]
    return re.search(rf"\b{re.escape(head)}s?\b", before, re.IGNORECASE) is not None


# "issued an alarming climate report revealing", "released a study showing": a verb of issuing,
# the document, then the participle that says what it says.
_CUE_DOCUMENT = re.compile(
    r"^(?:issued|released|published|put\s+out|unveiled)\s+"
    r"(?P<doc>(?:an?|the|its|their|his|her)\s+(?:[\w-]+\s+){0,3}?(?P<head>[\w-]+))\s+[a-z]+ing$"
)


def _document_in_cue(ctx: _Context, a: Attribution) -> list[Hop]:
    """'the United Nations issued an alarming climate report revealing how ...': the report says
    it, the UN made it, so [the report, the UN] (gold_fresh5a: the UN alone). Only made documents
    (reports, studies, polls): "Twitter issued a statement to Slate that ..." is Twitter's
    (gold_fresh5a). [] for other cues."""
    match = _CUE_DOCUMENT.match(a.cue.of(ctx.text))
    if match is None or match.group("head").lower() not in _MADE:
        return []  # "released a statement saying": the statement is the medium (gold_fresh5a, Twitter)
    doc = Span(a.cue.start + match.start("doc"), a.cue.start + match.end("doc"))
    document = ctx.resolver.registry.document(doc.of(ctx.text))
    return [_main_hop(ctx, replace(a, source=doc), Resolved(document, "name"))]


# A document's head right after a source the parser cut before it: "the Intergovernmental Panel on
# Climate Change (IPCC) report" read as the panel alone (gold_fresh5a).
_TRAILING_HEAD = re.compile(r"(?P<acronym>[ \t]*\([A-Z][\w.&-]{1,12}\))?[ \t]+(?P<head>[a-z]+)\b")


def _trailing_document(ctx: _Context, a: Attribution) -> list[Hop] | None:
    """[the report, its maker] when a made document's head follows the source across a
    parenthesised acronym ("the Intergovernmental Panel on Climate Change (IPCC) report"); None
    otherwise."""
    assert a.source is not None
    match = _TRAILING_HEAD.match(ctx.text, a.source.end)
    if match is None or match.group("acronym") is None or match.group("head") not in _MADE | _ISSUED_DOCUMENTS:
        return None
    doc = Span(a.source.start, match.end("head"))
    document = ctx.resolver.registry.document(doc.of(ctx.text))  # by its words: `core` cuts the acronym
    ctx.mentions.append((doc, document))
    made = _main_hop(ctx, replace(a, source=doc), Resolved(document, "name"))
    head = Span(match.start("head"), match.end("head"))
    return [made, _maker_hop(ctx, a, document, Citation(head, a.source))]


# "His office put out a statement saying ...", "The dean has published a letter strongly
# disputing ...": the issuer is the clause's subject, the statement only the medium (gold_fresh3a:
# "The Harris campaign still put out a memo ... casting itself as": the campaign alone; hops15
# audit of PolNeAR train: 2 of 46 sampled).
_ISSUED_HERE = re.compile(
    r"\b(?:issued|issues|released|releases|put\s+out|puts\s+out|published|publishes|sent|sends|posted|wrote)\s+$"
)
# "her statement", "his letter", "Your letter": a person's own words in the text's eyes, as "she
# wrote in her letter" is (gold: Omar alone; hops15 audit of PolNeAR train: 3 of 3 such hops).
_POSSESSIVES = frozenset({"my", "your", "his", "her", "its", "our", "their"})
# The documents that speak for their issuer and are a hop of their own before it (claims/resolve.py
# `DOCUMENT_NOUNS`, without "briefing" and "announcement": events more than texts).
_ISSUED_DOCUMENTS = frozenset({"statement", "statements", "release", "report", "assessment", "letter", "communique"})
# What ends a document's head before its owner ("a statement from the ministry", "A report released
# in September by the National Academies": hops15 audit, the issuer alone).
_HEAD_CUT = re.compile(r"\s(?:from|by|of|to|released|issued|published|prepared|written|signed|sent)\s")


def _own_voice_relayer(ctx: _Context, a: Attribution, speaker: Attribution | None) -> Attribution | None:
    """Past the speaker's own "I"/"we" cues that hold a first-person cue ("Somebody might say X -
    I say experience, I say track record", "We always believed if ..., we could show"), whose
    contents the parser ran over each other: the first person inside them is the one the
    quotation is credited to, not an "I" no one speaks for (pron12 audit of PolNeAR train: ['Deacon',
    'I?', 'I?'], ['Sherrilyn Ifill', 'We?']). A bounded walk: each step is an enclosing attribution.
    Where no one else speaks them (an op-ed's "I"), the nearest "I" stays the speaker."""
    holder = speaker
    for _ in range(_OWN_VOICE_STEPS):
        if holder is None or not (_first_person(ctx, a) and _first_person(ctx, holder)):
            break
        holder = _relayer(ctx, holder)
    return holder if holder is not None and not _first_person(ctx, holder) else speaker


# How many of the speaker's own first-person cues a first-person cue is looked past (the audit's
# longest run was three "I say" in one quotation).
_OWN_VOICE_STEPS = 5


def _relayer(ctx: _Context, a: Attribution) -> Attribution | None:
    """The attribution whose words hold `a`, through whom `a` reached the text; none when those
    words are only what it answered ("fans responding to Reyes's tweet calling her “rude”": the
    label is the tweet's, and the fans were an invented first hop)."""
    holder = speaker_of(ctx.found, a, ctx.cover)
    return None if holder is not None and answered(holder, ctx.text) else holder


def _cited_sources(ctx: _Context, a: Attribution) -> list[Citation]:
    """The "citing Y" of an attribution that name a source, not an example or a reason it gives."""
    return [
        c for c in a.cites if c.cue.of(ctx.text).lower() not in _CITE_FORMS or not _cited_example(ctx.text, c.source)
    ]


# The forms of "cite" whose object may be an example or a reason rather than a source ("he said,
# citing Trump's appeal", "Frank cites the union's support for the act").
_CITE_FORMS = frozenset(inflections("cite"))


# What opens a cited phrase before its first word: a determiner or a quotation mark.
_CITED_OPENING = re.compile(r"^[\s“”\"‘’']*(?:(?:the|a|an|this|that|his|her|its|their|our|another)\s+)?", re.IGNORECASE)


def _cited_example(text: str, span: Span) -> bool:
    """'He also cited the case of a U.S. citizen who ...', 'citing a more progressive platform on
    income inequality', 'citing “obligations in Tennessee”': a lowercase phrase that is no person,
    body, outlet, record or document (`guess_kind` finds no kind, its head is no person noun, no
    record and no made document) is an example or a reason the speaker gives, not whom they got
    their words from (hops5 audit: a hop in 4 PolNeAR train articles, never in PolNeAR's own).
    "citing intelligence" (unnamed), "citing a senior official", "citing its own investigation"
    and "citing the Global Fire Emissions Database" stay hops."""
    words = span.of(text)
    body = words[_CITED_OPENING.match(words).end() :]  # type: ignore[union-attr]
    owned = _OWNED_THING.match(body)
    if owned is not None:  # "Trump's blue-collar appeal": the thing owned decides, not its owner
        return not _saying_head(head_of(owned.group("thing")))
    if not body or body[:1].isupper():
        return False
    head = head_of(body)
    if guess_kind(core(_up_to(body, head))) != SourceKind.UNKNOWN:
        return False
    return not _saying_head(head)


def _up_to(phrase: str, head: str) -> str:
    """A phrase up to its head noun: the kind of what is cited is its head's, not that of a word in
    what modifies it ("several examples of help his charity had received": no organisation,
    though "charity" is one; invent13 audit of PolNeAR train)."""
    match = re.search(rf"\b{re.escape(head)}\b", phrase, re.IGNORECASE) if head else None
    return phrase[: match.end()] if match is not None else phrase


def _saying_head(head: str) -> bool:
    """Whether a cited phrase's head noun can pass words on: a person or body ("official",
    "lawmakers"), a record or document ("data", "memo", "report"), a thing made to carry words
    ("statement", "tweet", "book") or one of the sayings in claim_kinds.json 'cited_sayings'
    ("reporting", "remarks", "testimony")."""
    single = head[:-1] if head.endswith("s") else head
    return (
        person_head(head) or bool({head, single} & (document_heads() | _MADE | artifacts())) or head in _cited_sayings()
    )


@cache
def _cited_sayings() -> frozenset[str]:
    """Nouns for what someone said or found, cited as a source (claim_kinds.json 'cited_sayings')."""
    return frozenset(load_json("claim_kinds.json")["cited_sayings"])


# A cited thing with its owner written before it: "Trump's blue-collar appeal", "the United Auto
# Workers' support for ...", "the council's support": a possessive, then a lower-case thing.
# The owner is the phrase's opening words, no preposition among them ("a 2013 memo by the FDIC's
# inspector general" is the memo, owned by no one before it).
_OWNED_THING = re.compile(
    r"^(?:(?!(?:by|of|from|in|for|on|at|to|with)\b)[\w.&-]+\s+){0,5}?[\w.&-]+(?:['’]s|s['’])\s+(?P<thing>[a-z0-9].*)$",
    re.DOTALL,
)


def _maker_after(ctx: _Context, a: Attribution, document: Source) -> list[Hop]:
    """'..., a recent poll has shown. A poll of 1,500 voters conducted by Redfield and Wilton
    found ...': a document introduced with "a"/"an" whose maker the next sentence names, with the
    same head noun and "by" (issue 14, cause 3: the poll was the origin, gold_fresh4a). [] when
    the next sentence says no such thing."""
    assert a.source is not None
    words = a.source.of(ctx.text)
    head = words.split()[-1].lower() if words.split() else ""
    if document.kind != SourceKind.DOCUMENT or head not in _MADE or not _INDEFINITE_ARTICLE.match(words):
        return []
    spans = ctx.sentences.spans
    index = bisect_left(spans, a.sentence.end, key=lambda s: s.start)
    if index >= len(spans):
        return []
    stop = spans[index].end
    pattern = re.compile(rf"\b(?:[Aa]n?|[Tt]he|[Tt]his)\s+(?:[\w-]+\s+){{0,2}}?{head}\b")
    for match in pattern.finditer(ctx.text, spans[index].start, stop):
        by = _MADE_BY.match(ctx.text, match.end(), stop)
        if by is None:
            return []
        name = _maker_name(core(by.group("owner")))
        begin = by.start("owner") + max(0, by.group("owner").find(name))
        owner = Span(begin, begin + len(name))
        hop = _maker_hop(ctx, a, document, Citation(Span(by.start("rel"), by.end("rel")), owner))
        evidence = Span(a.sentence.start, stop)  # the sentence that names the maker too
        return [hop.model_copy(update={"evidence": evidence.of(ctx.text), "evidence_end": stop})]
    return []


def _poll_hops(ctx: _Context, a: Attribution) -> list[Hop] | None:
    """'about 3 in 10 independents say ...' with 'an AP-NORC poll' in the sentence or the two
    paragraphs before: the respondents said it to the poll, so the chain is [the poll, its maker]
    (issue 14, cause 4: the share of respondents was the origin). The poll is a guess from
    nearness, flagged likely with its sentence as evidence. None for any other source."""
    assert a.source is not None
    if not _RESPONDENTS.match(a.source.of(ctx.text)):
        return None
    index = ctx.paras.index_of(a.sentence.start)
    floor = ctx.paras.spans[max(0, index - 2)].start if index is not None else a.sentence.start
    polls = list(_POLL.finditer(ctx.text, floor, a.sentence.end))
    inside = [m for m in polls if m.start() >= a.sentence.start]
    if not polls:
        return None
    match = inside[0] if inside else polls[-1]
    doc = Span(match.start("doc"), match.end("head"))
    owner = Span(match.start("owner"), match.end("owner"))
    document = ctx.resolver.registry.resolve(doc.of(ctx.text), SourceKind.DOCUMENT, at=doc.start)
    ctx.resolver.registry.alias(document, ctx.text[owner.start : doc.end])  # "AP-NORC poll"
    found = _main_hop(ctx, a, Resolved(document, "likely", evidence_start=doc.start))
    return [found, _maker_hop(ctx, a, document, Citation(Span(match.start("head"), match.end("head")), owner))]


def _participle_of(ctx: _Context, a: Attribution) -> Source | None:
    """The source of a participle cue after a comma or "and" ("... and noting that ...") whose source was read
    inside the words of an earlier cue of its sentence ("Zelensky ..., stating that a president
    should not ..., noting that ...": not "a president"): that earlier cue's source, already resolved."""
    assert a.source is not None
    cue = a.cue.of(ctx.text)
    if (
        not cue.endswith("ing")
        or " " in cue.strip()
        or not re.search(r"(?:,|\band)\s*$", ctx.text[max(0, a.cue.start - 8) : a.cue.start])
    ):
        return None
    if _message(ctx.text, a.source):
        return None  # "responding to Trump's tweet calling her ... and implying ...": the tweet implies
    for b in ctx.cover.holders(a.source):
        if b is not a and b.sentence == a.sentence and b.cue.start < a.source.start and b.source is not None:
            if b.kind == "np" and _names_only(ctx.text, b, a.source):
                continue  # "Facing criticism from X, Trump released ..., describing ...": a target, not words
            return _main_source(ctx, b)
    return None


def _names_only(text: str, b: Attribution, source: Span) -> bool:
    """Whether a noun-phrase content is the participle's source itself ("Facing criticism from X,
    Trump released ..., describing ...": the stance's target, who then speaks), not a longer phrase
    the source was misread inside ("promoting trade deals that ..., and rejecting ...": "that")."""
    return len(b.content) == 1 and b.content[0].of(text).strip() == source.of(text).strip()


def _message(text: str, source: Span) -> bool:
    """Whether a source is a message ("Trump's tweet", "a statement"): a thing that speaks for its
    maker, which another cue's object may well be (the participle then says what it says)."""
    words = source.of(text).split()
    return bool(words) and words[-1].lower().strip(".,;:") in artifacts()


def _document_hops(ctx: _Context, a: Attribution) -> list[Hop] | None:
    """A document and who made or saw it, as hops of their own (issue 14, cause 3).

    "Data from the statistics office show": [the data, the statistics office]; "a recording
    heard by the BBC": [the BBC, the recording] (the BBC got it from the recording); "an internal
    memo seen by the paper": [the memo] (the article's own newsroom is no hop). None when the
    source is no such mention.
    """
    assert a.source is not None
    words = a.source.of(ctx.text)
    cited = _cited_in_hops(ctx, a, words)
    if cited is not None:
        return cited
    match = _RECORD.match(words)
    if match is None:
        return _owned_hops(ctx, a, words)
    if match.group("head").lower() not in document_heads() | _MADE:
        return None
    doc = Span(a.source.start, a.source.start + match.end("doc"))
    owner_words = _maker_name(core(match.group("owner")))
    begin = a.source.start + match.start("owner") + max(0, match.group("owner").find(owner_words))
    owner = Span(begin, begin + len(owner_words))  # the name after a role ("scientist Boris Shor")
    link = Span(a.source.start + match.start("rel"), a.source.start + match.end("rel"))
    document = ctx.resolver.registry.resolve(core(doc.of(ctx.text)), SourceKind.DOCUMENT, at=doc.start)
    # "investigation" for "an investigation by X": the document by its own word, as the text goes
    # on to call it ("the investigation"); the two already share the registry's key
    ctx.resolver.registry.alias(document, _INDEFINITE_ARTICLE.sub("", core(doc.of(ctx.text))))
    ctx.mentions.append((doc, document))
    if match.group("rel").split()[0] in _WITNESS:
        if owner_words.lower() in own_outlet():
            return [_main_hop(ctx, replace(a, source=doc), Resolved(document, "name"))]
        seen = _main_hop(ctx, replace(a, source=owner), Resolved(ctx.resolver.name(owner), "name"))
        return [seen, _citation_hop(ctx, a, Citation(link, doc))]
    made = _main_hop(ctx, replace(a, source=doc), Resolved(document, "name"))
    return [made, _maker_hop(ctx, a, document, Citation(link, owner))]


# "a study cited in the IPCC report", "another study referenced in the report", "research cited by
# the UN organisation in its report": a document, a verb of citing, the document (or the maker and
# "in its report") that cites it.
_CITED_IN = re.compile(
    r"^(?P<inner>(?:[\w’'-]+\s+){0,3}?(?P<head>[\w-]+))\s+(?P<rel>(?:cited|referenced|quoted|mentioned)\s+(?:in|by))\s+"
    r"(?P<outer>(?:[^,;]|,(?=\d))+?)(?:\s+in\s+(?P<its>(?:its|their|his|her)\s+(?:[\w-]+\s+){0,2}?(?P<ohead>[\w-]+)))?$",
    re.DOTALL,
)


def _cited_in_hops(ctx: _Context, a: Attribution, words: str) -> list[Hop] | None:
    """'According to a study cited in the IPCC report, ...': the article read it in the report,
    which got it from the study, so [the report, IPCC, the study] (gold_fresh5a, 5 items: the whole
    phrase, or the study alone, was one hop; 'research cited by the UN organisation in its report':
    [its report, the UN organisation, the research]). None unless both are documents."""
    assert a.source is not None
    match = _cited_in(words)
    if match is None:
        return None
    start = a.source.start
    inner = Span(start + match.start("inner"), start + match.end("inner"))
    if match.group("its") is not None:
        maker = Span(start + match.start("outer"), start + match.end("outer"))
        outer = Span(start + match.start("its"), start + match.end("its"))
        document = ctx.resolver.registry.resolve(core(outer.of(ctx.text)), SourceKind.DOCUMENT, at=outer.start)
        hops = [_main_hop(ctx, replace(a, source=outer), Resolved(document, "name"))]
        hops.append(_maker_hop(ctx, a, document, Citation(Span(outer.start, outer.start), maker)))
    else:
        outer = Span(start + match.start("outer"), start + match.end("outer"))
        hops = _outer_document_hops(ctx, replace(a, source=outer, via=(), cites=()))
    # "study" for "a study", as `_document_hops` names "an investigation by X"
    named = _INDEFINITE_ARTICLE.sub("", core(inner.of(ctx.text)))
    cited = ctx.resolver.registry.resolve(named, SourceKind.DOCUMENT, at=inner.start)
    ctx.mentions.append((inner, cited))
    link = Span(start + match.start("rel"), start + match.end("rel"))
    hop = _citation_hop(ctx, a, Citation(link, inner))
    return [*hops, hop.model_copy(update={"source": cited.ref()})]


def _cited_in(words: str) -> re.Match[str] | None:
    """The match of a document cited in another document ("a study cited in the IPCC report"),
    None when either is no document ("an article cited by her campaign": the campaign cited it,
    [the campaign, the article] as before)."""
    match = _CITED_IN.match(words)
    if match is None or not _document_head(match.group("head")):
        return None
    outer = match.group("ohead") if match.group("its") is not None else match.group("outer").split()[-1]
    return match if _document_head(outer) else None


def _within_cited_in(ctx: _Context, a: Attribution, c: Citation) -> bool:
    """Whether a "cited by" intermediary sits inside a cited-in source ("Research cited by the agency
    in its report shows"), whose hops `_cited_in_hops` gives in their order."""
    return (
        a.source is not None
        and a.source.start <= c.source.start < a.source.end
        and _cited_in(a.source.of(ctx.text)) is not None
    )


def _document_head(word: str) -> bool:
    """Whether a word is the head of a record or made document ("study", "report", "research")."""
    word = word.lower().strip(".,;:")
    heads = document_heads() | _MADE | _ISSUED_DOCUMENTS | _FINDINGS
    return word in heads or word.removesuffix("s") in heads or word.removesuffix("ies") + "y" in heads


# What a report or a paper cites besides records and made documents ("the research referenced in
# the IPCC report", gold_fresh5a).
_FINDINGS = frozenset({"research", "paper", "findings", "estimate", "projection", "model", "article", "data"})


def _outer_document_hops(ctx: _Context, a: Attribution) -> list[Hop]:
    """The hops of the document that cites another ("the IPCC report": [the report, IPCC]; "the
    report" after "the UN issued a report": [the report, the UN]), as if it were the source."""
    assert a.source is not None
    documented = _document_hops(ctx, a)
    if documented is not None:
        return documented
    resolved = ctx.resolver.mention(a.source)
    ctx.mentions.append((a.source, resolved.source))
    hops = [*_issued_document(ctx, a, resolved), _main_hop(ctx, a, resolved)]
    maker = ctx.makers.get(resolved.source.id)
    return [*hops, _main_hop(ctx, a, Resolved(maker, "owner"))] if maker is not None else hops


def _maker_name(owner: str) -> str:
    """'Redfield and Wilton for Newsweek back' -> 'Redfield and Wilton': the outlet a pollster
    worked for and when are not the maker's name ("the Centre for Economic Policy Research" keeps
    its "for", which no outlet follows)."""
    owner = _MAKER_WHEN.sub("", owner)
    client = _MAKER_FOR.search(owner)
    if client is not None and guess_kind(client.group("client")) == SourceKind.OUTLET:
        return owner[: client.start()]
    return _person_after_role(owner)


def _person_after_role(owner: str) -> str:
    """'University of Houston political scientist Boris Shor' -> 'Boris Shor': a maker described
    by a role word before the name is that person (gold_fresh: the list's maker), as a speaker's
    mention would be; 'the Centre for Economic Policy Research' keeps its words ("for" is no role)."""
    match = _ROLE_BEFORE_NAME.search(owner)
    if match is None or match.start() == 0 or match.group("role") not in role_words():
        return owner
    return match.group("name")


def _owned_hops(ctx: _Context, a: Attribution, words: str) -> list[Hop] | None:
    """'The Wrap's report claims': [the report, The Wrap]; 'an AdImpact analysis': [the analysis,
    AdImpact]. None for any other mention."""
    assert a.source is not None
    match = _OWNED.match(core(words))
    if match is None:
        return _named_maker_hops(ctx, a, words)
    if match.group("head").lower() not in _MADE or match.group("owner").lower() in (*MONTH_NAMES, *WEEKDAYS):
        return None  # "May's Washington Post-ABC News poll", "Monday's poll": a day made nothing
    doc = Span(a.source.start, a.source.start + match.end("rest"))
    owner = Span(a.source.start + match.start("owner"), a.source.start + match.end("owner"))
    mark = Span(owner.end, a.source.start + match.end("mark"))
    document = ctx.resolver.registry.resolve(doc.of(ctx.text), SourceKind.DOCUMENT, at=doc.start)
    ctx.mentions.append((doc, document))
    made = _main_hop(ctx, replace(a, source=doc), Resolved(document, "name"))
    return [made, _maker_hop(ctx, a, document, Citation(mark, owner))]


def _named_maker_hops(ctx: _Context, a: Attribution, words: str) -> list[Hop] | None:
    """'an AdImpact analysis', 'an AP-NORC poll conducted in August': a maker's name in front of a
    made document is who made it, a hop of its own (the document alone was the origin)."""
    assert a.source is not None
    match = _MAKER_BEFORE.match(words)
    if match is None or match.group("head").lower() not in _MADE:
        return None
    start = a.source.start
    doc = Span(start, start + match.end("head"))
    owner = _past_month(ctx.text, Span(start + match.start("owner"), start + match.end("owner")))
    if owner is None:
        return None  # "The April survey": when it was made, no maker
    head = Span(start + match.start("head"), start + match.end("head"))
    document = ctx.resolver.registry.resolve(doc.of(ctx.text), SourceKind.DOCUMENT, at=doc.start)
    # "AP-NORC poll" for "an AP-NORC poll", as `_document_hops` does: how the text calls it again
    ctx.resolver.registry.alias(document, _INDEFINITE_ARTICLE.sub("", doc.of(ctx.text)))
    ctx.mentions.append((doc, document))
    made = _main_hop(ctx, replace(a, source=doc), Resolved(document, "name"))
    return [made, _maker_hop(ctx, a, document, Citation(head, owner))]


def _past_month(text: str, owner: Span) -> Span | None:
    """The maker's name after a month that opens it ("a September Washington Post-ABC News poll":
    Washington Post-ABC News); None when the month is all there is ("The April survey", "a June
    poll": the month was the poll's maker in 4 PolNeAR train articles, hops10 audit)."""
    words = owner.of(text).split()
    if not words or words[0].lower() not in MONTH_NAMES:
        return owner
    rest = owner.of(text)[len(words[0]) :].lstrip()
    return Span(owner.end - len(rest), owner.end) if rest else None


def _maker_hop(ctx: _Context, a: Attribution, document: Source, maker: Citation) -> Hop:
    """The hop to who made a document, remembered so that "the report" later gets it too."""
    hop = _citation_hop(ctx, a, maker)
    if document.kind == SourceKind.DOCUMENT and document.name.lower().split()[-1] in _MADE:  # not "the data"
        ctx.makers.setdefault(document.id, ctx.resolver.registry.get(hop.source.id))
    return hop


def _main_source(ctx: _Context, a: Attribution) -> Source | None:
    """Who speaks through an attribution's cue: for "the statement said", its issuer, not the
    statement (`_issued_document`), so the issuer's own "we" inside stays an aside (hops15: the
    statement as speaker split "“We stand ..., as they respond ...,” the statement said" in two)."""
    issued = {d.id for d in ctx.issued.values()}
    for hop in ctx.hops.get(id(a), []):
        if hop.cue_start == a.cue.start and hop.source.id not in issued:
            return ctx.resolver.registry.find(hop.source.id)
    return None


def _main_hop(ctx: _Context, a: Attribution, resolved: Resolved) -> Hop:
    assert a.source is not None
    evidence = a.sentence
    if resolved.evidence_start is not None and resolved.evidence_start < evidence.start:
        evidence = ctx.sentences.containing(resolved.evidence_start) or evidence
        evidence = Span(evidence.start, a.sentence.end)
    date_value, date_words = _date(ctx, a)
    confidence = _BASE_CONFIDENCE.get(a.form, 0.6 if a.kind == "passage" else 0.7) * _HOW_FACTOR[resolved.how]
    flags = list(_HOW_FLAGS.get(resolved.how, []))
    return Hop(
        source=resolved.source.ref(),
        cue=a.cue.of(ctx.text),
        source_start=a.source.start,
        source_end=a.source.end,
        cue_start=a.cue.start,
        cue_end=a.cue.end,
        evidence=evidence.of(ctx.text),
        evidence_start=evidence.start,
        evidence_end=evidence.end,
        document_id=ctx.doc_id,
        date=date_value,
        confidence=round(confidence, 2),
        flags=flags,
        date_text=date_words,
    )


def _citation_hop(ctx: _Context, a: Attribution, c: Citation) -> Hop:
    source = ctx.resolver.name(c.source)
    ctx.mentions.append((c.source, source))
    return Hop(
        source=source.ref(),
        cue=c.cue.of(ctx.text),
        source_start=c.source.start,
        source_end=c.source.end,
        cue_start=c.cue.start,
        cue_end=c.cue.end,
        evidence=a.sentence.of(ctx.text),
        evidence_start=a.sentence.start,
        evidence_end=a.sentence.end,
        document_id=ctx.doc_id,
        confidence=0.75,
    )


def _date(ctx: _Context, a: Attribution) -> tuple[str | None, str | None]:
    """The date words of an attribution's own clause (not of its content or source), nearest the cue."""
    taken = [*a.content, *([a.source] if a.source else [])]
    mentions = [
        m
        for m in find_dates(ctx.text, a.sentence, ctx.published)
        if not any(t.start <= m.span.start < t.end for t in taken)
    ]
    if not mentions:
        return None, None
    nearest = min(mentions, key=lambda m: abs(m.span.start - a.cue.start))
    return nearest.value, nearest.words


# --- claims ---------------------------------------------------------------------------------------


def _claimable(a: Attribution, text: str) -> bool:
    return claim_kind(a, text) is not None


def _attributed(ctx: _Context, posts: list[Post], post_hops: dict[str, Hop]) -> list[Claim]:
    claimable = [
        a
        for a in ctx.found
        if _claimable(a, ctx.text)
        and a.source is not None
        and not _no_hop(ctx, a)
        and not _writers_own(ctx, a)
        and not _asked_inside(ctx, a)
        and not _supposed(ctx, a)
        and not _unperformed(ctx, a)
    ]
    denied = _denied_antecedents(ctx)
    claimable += [a for a in ctx.found if id(a) in denied and a.source is not None]
    claimable.sort(key=lambda a: (a.cue.start, a.cue.end))
    passed = _passed_on(ctx, claimable)
    reporters = {id(b) for b in passed.values()}
    claimable = [a for a in claimable if id(a) not in reporters]
    statements = [a for a in claimable if claim_kind(a, ctx.text) == ClaimKind.STATEMENT]
    statement_index = CoverIndex(statements)
    claims = []
    for a in claimable:
        if a.quoted and speaker_of(ctx.found, a, ctx.cover) is None:
            continue  # "I think" inside a quotation nobody is credited with
        # Only a nested statement takes its sentence away: "said the firm denied the allegations"
        # stays one claim of the speaker's, with the denial a stance claim of its own. The
        # speaker's own "we know ..." inside the quotation takes nothing away either, nor does an
        # outcry the source reports as an event ("said that Amri screamed “Allah Akbar”"), nor
        # what a poll found a group says ("showed that 55 percent of supporters said they would
        # back her": the finding is the whole clause, its figure included; the claim was "they
        # would back her", claimcue9 audit: 14 PolNeAR train articles).
        kind = claim_kind(a, ctx.text) or (ClaimKind.STANCE if id(a) in denied else ClaimKind.STATEMENT)
        if kind == ClaimKind.NOUN_PHRASE and _described_act(ctx, a):
            continue
        nested = [
            b
            for b in statement_index.inside(a)
            if b is not a
            and not _own_aside(ctx, b, a)
            and not outcry(b)
            and not _judged_object(a, b, kind)
            and not surveyed(b, a, ctx.text)
        ]
        chain = _chain(ctx, a, posts, post_hops)
        post = _post_at(posts, a.cue.start)
        for fragment in [denied[id(a)]] if id(a) in denied else _claim_spans(ctx, a, passed.get(id(a))):
            # A nested attribution makes its own claim, with this one in its chain; the
            # sentences of a passage that hold none are this source's claims.
            said = _carried_kind(ctx, a, fragment, kind)
            for piece in _without_nested(ctx, fragment, nested):
                for statement in _quoted_sentences(ctx, a, piece):
                    if not bare_pronoun(statement.of(ctx.text)):
                        claims.append(_claim(ctx, statement, chain, post, kind=said))
    return claims


def _carried_kind(ctx: _Context, a: Attribution, fragment: Span, kind: ClaimKind) -> ClaimKind:
    """The kind of claim a fragment makes: a quotation a noun-phrase act goes on with ('X tweeted
    a warning. “Remember in November ...”', 'X praised the mayor's leadership.' / '“We need
    someone ...”', `quotes.continue_quotes`) is what the source said, a statement, whatever the
    act's own object is (a noun phrase, a stance)."""
    if (
        a.kind != "np"
        or fragment == a.content[0]
        or ctx.text[fragment.start : fragment.start + 1] not in OPENING_QUOTES
    ):
        return kind
    return ClaimKind.STATEMENT


def _asked_inside(ctx: _Context, a: Attribution) -> bool:
    """Whether a question with statements after it (`kinds.stated_with_question`) is told in
    someone else's words ('Smith said the mayor asked him, “Why did you go? You were told not
    to.”'): the whole exchange stays the teller's claim, as before."""
    return a.cls == CueClass.QUESTION and _parent(ctx, a) is not None


def _supposed(ctx: _Context, a: Attribution) -> bool:
    """Whether `a` is an act only supposed inside another source's words, its source right after
    "if", "unless" or "whether" ("He says if people think the issues will be addressed by ...,
    you've got a very good candidate", "even if they criticize you", "asked about whether she had
    emailed classified information"): nobody did it, so nobody is a second hop, and the words stay
    whole in the claim of the one who supposed it (invent13 audit of PolNeAR train: "Sanders <-
    people", "Graham <- they?", "the Post <- their candidate", in 6 articles)."""
    if a.source is None or a.source.start < 2:
        return False
    before = ctx.text[max(0, a.source.start - 12) : a.source.start]
    return _SUPPOSING.search(before) is not None and _parent(ctx, a) is not None


# The words that make the clause after them a supposition, not a report.
_SUPPOSING = re.compile(r"\b(?:if|unless|whether)\s+$", re.IGNORECASE)


def _unperformed(ctx: _Context, a: Attribution) -> bool:
    """Whether `a` is a stance named in the infinitive inside another source's words ("it was
    inappropriate for Ginsburg to criticize Trump", "harder for the Republicans to successfully
    attack Obama as a job killer", "a clip of Hassan trying to defend Clinton's honesty", "placed to
    defend themselves"): the speaker talks of the act, does not pass on a judgement someone made,
    so its object ("Trump", "Clinton's honesty") is no claim and its doer no second hop (nested13
    audit of all 840 PolNeAR train articles: 9 such claims in 8 articles, each an invented hop).
    A stance done stays a hop: "Clinton noted that Sanders has criticized the president ...", and
    an infinitive that says the act happened, after a verb of going on or beginning ("went on to
    attack", "began to portray") or an implicative control verb ("prompted Cooper to accuse Bondi of
    hypocrisy", hops5's guard)."""
    if a.cls != CueClass.STANCE or a.cue.start < 3:
        return False
    before = ctx.text[max(0, a.cue.start - 40) : a.cue.start]
    if _INFINITIVE.search(before[-24:]) is None or _HAPPENED_TO.search(before) is not None:
        return False
    return not _implicative_object(ctx.text, a) and _parent(ctx, a) is not None


def _implicative_object(text: str, a: Attribution) -> bool:
    """Whether the stance's source is the object of an implicative control verb ("prompted Cooper
    to accuse", `control_verbs.txt` +implicative): the act happened."""
    if a.source is None or a.source.start > a.cue.start:
        return False
    words = text[max(0, a.source.start - 20) : a.source.start].split()
    return bool(words) and lexicon().controllers.get(words[-1].lower()) is True


# "to" right before the cue, an adverb between allowed ("to openly criticize").
_INFINITIVE = re.compile(r"\bto\s+(?:\w+ly\s+)?$", re.IGNORECASE)
# An infinitive that says the act was done: "went on to", "began to", "started to", "continued to".
_HAPPENED_TO = re.compile(
    r"\b(?:(?:went|goes|go|going|gone)\s+on|began|begun|begins|begin|started|starts|start|continued|continues)"
    r"\s+to\s+(?:\w+ly\s+)?$",
    re.IGNORECASE,
)


def _passed_on(ctx: _Context, claimable: list[Attribution]) -> dict[int, Attribution]:
    """The report after a quotation that passes on each claimable speaker's act (`_reporter_of`),
    by the speaker: the report's own claim would be the speaker's quoted words again under the
    report alone, a duplicate."""
    passed = {}
    for a in claimable:
        reporter = _reporter_of(ctx, a)
        if reporter is not None and _parent(ctx, a) is reporter:
            passed[id(a)] = reporter
    return passed


def _described_act(ctx: _Context, a: Attribution) -> bool:
    """Whether a noun-phrase attribution inside another source's words is that source describing
    what someone does rather than passing on what they said: in a quotation ("“our rivals no
    longer fear us,” Bush said", "“The footage shows intent,” the chief said"), in a relative
    clause ("a governor who understands budgets") or as a bare participle ("the risk of hackers
    releasing files"). Its words are already the enclosing claim's; as a claim of their own
    ("us", "intent") they put the one described in the chain (hops5 audit: 54 such claims in 40
    of 120 PolNeAR train articles). A past act of telling stays a claim, in a quotation too: an
    outlet's passage quoted whole ("Kyiv Post reported: “... Zelensky acknowledged the breakdown
    in their working relationship ...”", gold_text) reports what was said."""
    if _parent(ctx, a) is None:
        return False
    if a.quoted and not _told(ctx.text, a):
        return True
    return _relative_subject(ctx.text, a) or _bare_participle(ctx.text, a) or _known_thing(a)


def _known_thing(a: Attribution) -> bool:
    """Whether a noun-phrase attribution is a belief verb with a thing for its object, inside
    another source's words: "Axelrod said Clinton learned her lesson", "Clinton says many doubted
    her", "hoping voters see her as ready", "the $1.11 a share that analysts expected". What one
    knows, doubts, sees or expects of a thing is no statement passed on: the speaker describes the
    mind of the one named, whose claim ("her lesson", "her", "a share") put them in the chain as a
    second hop (group11 audit, all 840 PolNeAR train articles: 35 such second hops in 32 articles,
    none a statement the one named made, and 39 one-hop claims in 36 more that only repeated words
    of the speaker's own statement claim: "he knows the tragic consequences ..." then "the tragic
    consequences ..."). A belief with a clause ("most economists thought we needed more stimulus")
    is a statement the group is cited for, and stays a hop."""
    return a.cls == CueClass.BELIEF


def _carrier_kept(text: str, b: Attribution) -> bool:
    """Whether a nested statement is a bare participle on a thing in the speaker's words ("Only
    at my school would I get an email reminding me to respect ..."): the thing is the object of
    the speaker's own sentence, so the words kept before the nested statement run through it
    ("... would I get an email", not "... would I get"; gold_fresh4a). A participle on a name
    ("recalled Hendricks mentioning") is a heard speaker, whose name is no object of the speaker's.
    The speaker's whole sentence is not kept as one claim: it would hold the nested words too, and
    a reader (and eval_chains) takes the first claim holding them (gold: 2 chains lost so)."""
    source = b.source.of(text).strip() if b.source is not None else ""
    return _bare_participle(text, b) and bool(source) and not source[:1].isupper()


def _told(text: str, a: Attribution) -> bool:
    """'acknowledged', 'described': a verb of speaking in a past form, an act of telling that happened."""
    word = a.cue.of(text).split()[-1].lower() if a.cue.of(text).split() else ""
    past = word != a.lemma and not word.endswith(("s", "ing"))
    return a.cls == CueClass.SPEECH and past


def _relative_subject(text: str, a: Attribution) -> bool:
    """'who understands', 'that explains': the source is a relative pronoun."""
    return a.source is not None and a.source.of(text).strip().lower() in {"who", "that", "which"}


def _bare_participle(text: str, a: Attribution) -> bool:
    """'hackers releasing files', 'trouble answering questions': an -ing cue with no auxiliary."""
    cue = (a.group or a.cue).of(text).strip().lower()
    return cue.endswith("ing") and " " not in cue


def _judged_object(outer: Attribution, inner: Attribution, kind: ClaimKind) -> bool:
    """'Trump rejects any indicators that suggest Harris is ahead' (gold_fresh3a miss): the
    statement inside a stance's object has its source in that object, so the stance judges that
    statement; it stays a claim of its own, whole, beside the nested one (cut away, the stance
    was left with nothing). Only a stance: 'Ebrard presented data that showed that X' conveys
    the data's finding, a hop of the nested claim (gold.json), and makes no claim of its own."""
    if kind != ClaimKind.STANCE or inner.source is None or not outer.content:
        return False
    return outer.content[0].start <= inner.source.start < inner.cue.start


def _denied_antecedents(ctx: _Context) -> dict[int, Span]:
    """'India accused it of backing the attack in Pahalgam, which Islamabad denies': the relative
    'which' right after another claim's content stands for that content, so the denial is a stance
    claim on the same words, of its own source (gold_fresh). Keyed by the denial's id; a 'which'
    after anything else ('charged with fraud, which he denies') is left alone."""
    out: dict[int, Span] = {}
    denials = [a for a in ctx.found if relative_denial(a, ctx.text)]
    for a in denials:
        before = [
            b
            for b in ctx.found
            if b is not a and b.content and _comma_between(ctx.text, b.content[-1].end, a.content[0].start)
        ]
        held = next((b for b in before if _claimable(b, ctx.text)), None)
        if held is not None:
            out[id(a)] = _claim_spans(ctx, held)[-1]
    return out


def _comma_between(text: str, end: int, start: int) -> bool:
    return 0 <= start - end <= 3 and text[end:start].strip() == ","


def _quoted_sentences(ctx: _Context, a: Attribution, piece: Span) -> list[Span]:
    """A quotation of several sentences as one claim per sentence ("“Many are afraid to return.
    They want a safe road.”"): each is a statement a researcher traces on its own, and as one
    claim only the first of them was found (gold_text, gold_fresh). So is a passage the speaker's
    words introduce ("X wrote:", a block quote after "told ... that ...:"), quotation marks or
    none (gold_fresh5a: Dorsey's block quote was one claim). Reported clauses stay whole."""
    opens_quoted = ctx.text[piece.start : piece.start + 1] in OPENING_QUOTES
    if a.cls == CueClass.QUESTION and not opens_quoted:
        return []  # "asked the crowd “...”": the asker's question, see kinds.stated_with_question
    if a.kind not in ("quote", "passage") and not opens_quoted:
        return [piece]
    parts = [s for s in _sentences_in(ctx, piece) if len(s.of(ctx.text).split()) >= _MIN_QUOTED_WORDS]
    if a.form == "turn" or a.cls == CueClass.QUESTION:
        # a transcript's question ("WALLACE: ... Is that right?") states nothing, nor does the
        # question an asker's quotation opens with ("“Can we win it?” he asked. “I don't know.”")
        return [s for s in parts if not asks(s.of(ctx.text))]
    return parts if len(parts) > 1 else [piece]


def _no_hop(ctx: _Context, a: Attribution) -> bool:
    """Whether an attribution in another source's words adds no hop (`kinds.no_informant`, or
    another's mind described in a quotation, `kinds.quoted_mind`): its words stay the enclosing
    claim's. The speaker's own "I think" stays with `_own_aside`, which keeps its claim where the
    enclosing one cannot hold it (a tail after a nested quotation)."""
    if no_informant(a, ctx.text) or _shown_by_deed(ctx, a):
        return _parent(ctx, a) is not None
    parent = _parent(ctx, a) if quoted_mind(a, ctx.text) else None
    return parent is not None and not _own_aside(ctx, a, parent)


def _shown_by_deed(ctx: _Context, a: Attribution) -> bool:
    """'“He has shown that he can raise the money,” Blackwell wrote', 'said Trump showed more
    strength there': a person shows by what they do, so in another source's words that is the
    source's inference from deeds, no one it got the words from (a record or a poll that shows
    still informs). hops10 audit: such a person was a hop in 11 PolNeAR train articles."""
    if a.lemma != "show":
        return False
    source = _main_source(ctx, a)
    return source is not None and source.kind == SourceKind.PERSON and not _shows_findings(source)


def _shows_findings(source: Source) -> bool:
    """'The two pollsters, Emerson College and Opinion Savvy, both showed Trump leading': one
    whose mention names a maker of findings (`finding_makers.txt`) shows by data, not deeds, and
    informs (PolNeAR train: the firm, read as a person by its two capitalised words, lost its hop)."""
    words = {w.lower().rstrip("s") for text in (source.name, *source.aliases) for w in re.findall(r"[A-Za-z]+", text)}
    return not words.isdisjoint(_finding_makers())


@cache
def _finding_makers() -> frozenset[str]:
    return frozenset(load_lines("finding_makers.txt"))


def _writers_own(ctx: _Context, a: Attribution) -> bool:
    """'As we've noted, a 2019 study by X concluded that ...': "we" in no one's words is the
    article's writer, no hop; what the writer notes is the article's own voice, and the study
    inside it keeps its own chain (the claim was credited to an unresolved "we")."""
    return _first_person(ctx, a) and not a.quoted and speaker_of(ctx.found, a, ctx.cover) is None


def _own_aside(ctx: _Context, inner: Attribution, outer: Attribution) -> bool:
    """Whether an attribution inside another's content is its speaker's own aside: "“We understand
    rolling outages are not easy,” said Anne Gonzales", "Scarola said he's pleased to see authorities
    investigate". The inner source is the outer one (a first-person or pronoun mention resolved to
    it) and cites no one, so the speaker's words stay one claim rather than shrinking to what
    follows "We understand" (the gold's statement was then found nowhere)."""
    if inner.via or inner.cites:
        return False
    said, saying = _main_source(ctx, inner), _main_source(ctx, outer)
    return said is not None and saying is not None and said.id == saying.id


def _inside_same_chain(claims: list[Claim]) -> list[Claim]:
    """Without statements lying inside another statement with the same chain: the speaker's own
    aside ("we know ...") is already in the claim of the words around it."""
    redundant: set[int] = set()
    reach: dict[tuple[str, ...], int] = {}  # per chain, the furthest end of a statement so far
    for claim in sorted(claims, key=lambda c: (c.start, -c.end)):
        if claim.kind != ClaimKind.STATEMENT:
            continue
        chain = tuple(h.source.id for h in claim.chain)
        if reach.get(chain, -1) >= claim.end:
            redundant.add(id(claim))
        reach[chain] = max(reach.get(chain, -1), claim.end)
    return [c for c in claims if id(c) not in redundant]


def _without_nested(ctx: _Context, fragment: Span, nested: list[Attribution]) -> list[Span]:
    inside = [b for b in nested if fragment.start <= b.cue.start < fragment.end]
    if not inside:
        return [fragment]
    pieces = []
    for sentence in _sentences_in(ctx, fragment):
        held = [b for b in inside if sentence.start <= b.cue.start < sentence.end]
        if not held:
            pieces.append(sentence)
            continue
        lead = _lead_before(ctx, sentence, held)
        if lead is not None:
            pieces.append(lead)
        tail = _tail_after(ctx, sentence, held)
        if tail is not None:
            pieces.append(tail)
    return pieces


def _tail_after(ctx: _Context, sentence: Span, held: list[Attribution]) -> Span | None:
    """The speaker's own words after a nested attribution in the same sentence ("“It's shocking
    that Lady Starmer thought it acceptable to strut through Fashion Week adorned in free swag the
    day after it was revealed Keir Starmer had failed to declare donations,” a Tory source said":
    what follows the nested words stays the speaker's claim, gold.json miss); None when fewer
    than a clause's worth of words."""
    last = max(max(b.cue.end, b.content_span.end, *([b.source.end] if b.source else [])) for b in held)
    words = ctx.text[last : sentence.end]
    if any(b.content_span.end <= b.cue.start for b in held) and not _NEW_CLAUSE.search(words):
        return None  # "..., the agency told South Korean lawmakers in a briefing": the cue's hearer
    kept = _TAIL_LEAD.sub("", words)
    if last >= sentence.end or len(kept.split()) < _MIN_TAIL_WORDS or _NOT_A_TAIL.match(kept):
        return None
    start = sentence.end - len(kept)
    if any(
        start <= a.cue.start < sentence.end and a.source and _claimable(a, ctx.text) and not _no_hop(ctx, a)
        for a in ctx.found
    ):
        return None  # another attribution's words ("parents said, though a spokesperson declined ...")
    return Span(start, sentence.end)


# What starts a clause of the speaker's own after an inverted cue's hearer and setting ("...,
# the agency told lawmakers on Thursday, and the ministry has since ..."): the seed's "South
# Korean lawmakers in a briefing on Thursday." was a claim of the NY Times passage.
_NEW_CLAUSE = re.compile(r";|,\s+(?:and|but|while|though|although)\s|\s[—–]\s")


def _lead_before(ctx: _Context, sentence: Span, held: list[Attribution]) -> Span | None:
    """The speaker's own words before a nested attribution in the same sentence ("“He left on the
    tractor and he said that he was going to hunt”": "He left on the tractor" stays the speaker's
    claim, "he was going to hunt" is the nested one's); None when fewer than a few words."""
    first = min(
        min(
            b.cue.start,
            b.content_span.start,
            *([b.source.start] if b.source and not _carrier_kept(ctx.text, b) else []),
        )
        for b in held
    )
    words = ctx.text[sentence.start : first]
    kept = _LEAD_TAIL.sub("", words)
    if first <= sentence.start or len(kept.split()) < _MIN_LEAD_WORDS:
        return None
    return Span(sentence.start, sentence.start + len(kept))


def _sentences_in(ctx: _Context, span: Span) -> list[Span]:
    paras = ctx.paras.overlapping(span)
    parts = [Span(max(p.start, span.start), min(p.end, span.end)) for p in paras]
    return [s for part in parts for s in sentences(ctx.text, part)]


def _unique(claims: list[Claim]) -> list[Claim]:
    """Claims in text order, one per span and chain ("reported ..., quoting ...:" fill one passage twice)."""
    seen: dict[tuple[int, int], list[tuple[str, ...]]] = {}  # chains kept per span
    out = []
    for claim in sorted(claims, key=lambda c: (c.start, c.end, -len(c.chain))):
        chain = tuple(h.source.id for h in claim.chain)
        kept = seen.setdefault((claim.start, claim.end), [])
        if not any(k[: len(chain)] == chain for k in kept):  # the same chain, or one it begins
            kept.append(chain)
            out.append(claim)
    return out


def _parent(ctx: _Context, a: Attribution) -> Attribution | None:
    """The nearest attribution that passes `a`'s content on (a stance like "dismissed" does not,
    nor a talk verb's answered object: "fans responding to Reyes's tweet calling her ...")."""
    holders = [
        b
        for b in ctx.cover.holders(a.cue)
        if b is not a
        and b.cls in CLAIM_CLASSES
        and b.cls != "hedge"
        and (not _aside_of(a, b) or surveyed(a, b, ctx.text))
        and not answered(b, ctx.text)
    ]
    if holders:
        return min(holders, key=lambda b: b.content_span.end - b.content_span.start)
    return _reporter_of(ctx, a)


def _reporter_of(ctx: _Context, a: Attribution) -> Attribution | None:
    """The report after a quotation that passes on the whole act of the speaker before it: in
    "Trump said: “There will always be exceptions,” the Times reported" and "Jones acknowledged
    that the work could be termed “influence peddling,” the Post reported" the report's cue takes
    the quotation alone as its content, so it holds no cue of the speaker's; but the Times
    reported that Trump said it, so the report is the speaker's parent: one claim with the chain
    [the Times, Trump], not the quotation again under the Times alone (`_passed_on` drops that).
    A quotation in brackets after the speaker's cue is an aside of the writer's ("When Francis said
    ... (''Francesco Excommunicates Trump,'' declared La Stampa)": PolNeAR train), not the report."""
    if not a.content or a.cls not in CLAIM_CLASSES:
        return None
    last = a.content[-1]
    ends = ctx.quote_reports.ends
    low = bisect_left(ends, last.start)
    high = bisect_right(ends, last.end + 2)  # the speaker's content may stop before a closing comma
    after = [
        b
        for end in ends[low:high]
        for b in ctx.quote_reports.by_end[end]
        if b is not a
        and last.start <= b.content_span.start
        and _ends_the_content(ctx.text, last, b)
        and a.cue.end <= b.content_span.start
        and (b.content_span.start > a.content_span.start + 1 or _introduces(ctx.text, a))
        and "(" not in ctx.text[a.cue.end : b.content_span.start]
    ]
    return min(after, key=lambda b: b.cue.start) if after else None


def _ends_the_content(text: str, last: Span, b: Attribution) -> bool:
    """Whether the report's quotation ends the speaker's content, or the content runs on over the
    report's own words only ("that he was ''very comfortable ...,'' The Post reported": the parser
    hangs "The Post reported" on "said" as a second complement; PolNeAR train, 2 articles)."""
    if last.end <= b.content_span.end + 2:
        return True
    rest = text[b.cue.end : last.end]
    return b.cue.end <= last.end and re.search(r"[,;:\"“”]", rest) is None and len(rest.split()) <= 4


def _trailing_report(text: str, b: Attribution) -> bool:
    """Whether `b` is a finite report verb right after a quotation closed on a comma ("...,” the
    Times reported", "...,'' said Ms. Tempel"). PolNeAR train showed the near forms that are no such
    report: a comma outside the marks ("“rapists”, actress America Ferrera wrote a viral blog": the
    sentence goes on), a participle ("..., saying ...") and a cue apart from its source by a comma
    and words ("..., saying calling the Islamic State, also known as ...")."""
    quote = b.content_span
    closed = re.search(r",\s*(?:''|[\"”’'])\s*$", text[quote.start : quote.end])
    if b.cue.start < quote.end or closed is None or b.cue.of(text).lower().endswith("ing"):
        return False
    gap = text[b.source.end : b.cue.start] if b.source is not None and b.source.start < b.cue.start else ""
    return re.search(r",\s*\w", gap) is None  # an appositive's closing comma ("Mikhail Dmitriyev, concluded") stays


def _introduces(text: str, a: Attribution) -> bool:
    """Whether `a`'s cue opens its quotation with a comma or colon ("Trump said: “...”"): a cue run
    into the quotation ("Nothing the president said “will assuage people's fears,” the senator
    said", "Candidates who think “...”") is part of the outer speaker's words, not a second speaker."""
    return re.fullmatch(r"\s*[,:]\s*", text[a.cue.end : a.content_span.start]) is not None


def _aside_of(a: Attribution, b: Attribution) -> bool:
    """Whether `b`'s cue lies inside `a`'s own source mention ("Students at Westfield High — a
    town where the income is $259,377, according to Forbes — told the Journal that ..."): an
    aside describing the source, not who passed the words on (Forbes was put before the students).
    A poll the source was asked in ("One in four voters in a Times poll said ...") is no aside but
    whose finding the words are (`_parent`: the share of voters was the origin)."""
    return a.source is not None and a.source.start <= b.cue.start < a.source.end


def _chain(ctx: _Context, a: Attribution, posts: list[Post], post_hops: dict[str, Hop]) -> list[Hop]:
    lineage = [a]
    while (parent := _parent(ctx, lineage[0])) is not None and parent not in lineage:
        lineage.insert(0, parent)
    kept = [lineage[0], *(b for up, b in pairwise(lineage) if not surveyed(b, up, ctx.text))]
    # a link that adds no hop of its own ("“It shows a lack of character in my opinion,” Reid
    # said": "it shows") adds none to the chains of the claims nested in it either (desc9)
    kept = [b for b in kept if not _writers_own(ctx, b) and (b is lineage[0] or not no_informant(b, ctx.text))]
    # "For Mr. Biden, the appearance hinted at the niche he sees for himself": an event read as a
    # sign names no one at the top either; the claims inside it keep their own sources
    kept = [b for b in kept if b is not lineage[0] or not inferred_from_thing(b, ctx.text)]
    hops = [h for item in kept for h in ctx.hops.get(id(item), [])]
    post = _post_at(posts, lineage[0].cue.start)
    if post is not None and post.id in post_hops:
        hops.insert(0, post_hops[post.id])
    return _collapse(hops)


def _collapse(hops: list[Hop]) -> list[Hop]:
    """One hop per source in a row: "the agency told lawmakers it assesses ..." is one hop. A source
    met again further down adds none either: the text never says a source got words back from
    whom it gave them to; such a return was a nested clause of the same poll ("a Quinnipiac poll
    <- Quinnipiac <- a Quinnipiac poll <- Quinnipiac") or a pronoun read as the outer speaker
    ("Farage <- Obama <- Farage" for "what Obama said when he said ..."): 13 claims in 12 PolNeAR
    train articles (hops10 audit), no gold chain repeats a source."""
    out: list[Hop] = []
    for hop in hops:
        if out and out[-1].source.id == hop.source.id:
            if out[-1].date is None and hop.date is not None:
                out[-1] = out[-1].model_copy(update={"date": hop.date, "date_text": hop.date_text})
            continue
        if all(h.source.id != hop.source.id for h in out):
            out.append(hop)
    return out


def _claim_spans(ctx: _Context, a: Attribution, reporter: Attribution | None = None) -> list[Span]:
    """Content fragments grouped by sentence: a quotation continued after "he said." is a second claim.
    A content run on over the report that passes it on (`_ends_the_content`) stops at the report's
    quotation."""
    groups: list[Span] = []
    for fragment in a.content:
        if groups and _same_sentence(ctx, groups[-1], fragment):
            groups[-1] = Span(groups[-1].start, fragment.end)
        else:
            groups.append(fragment)
    if reporter is not None and groups and groups[-1].start <= reporter.content_span.end < groups[-1].end:
        groups[-1] = Span(groups[-1].start, reporter.content_span.end)
    if groups and a.mark and groups[0].start == a.content[0].start:
        groups[0] = Span(groups[0].start + a.mark, groups[0].end)  # "that the talks failed" -> "the talks failed"
    return groups


def _same_sentence(ctx: _Context, a: Span, b: Span) -> bool:
    """Whether two fragments are one sentence's: nothing ends a sentence between them, and the cue
    between does not end on a colon ("Urgent action is required, Al-Kahlot said: Swift intervention
    will ...": what follows the colon is a statement of its own, gold_fresh4a). The stop of a
    title in the cue between ("The plan, Mr. Lee said, is dead") ends no sentence (mid13)."""
    gap = ctx.text[a.end : b.start]
    stops = (m for m in re.finditer(r"[.!?][”\"'’]?\s", gap) if not _title_stop(ctx.text, a.end + m.start()))
    return "\n" not in gap and next(stops, None) is None and not re.search(r":[\s“\"‘']*$", gap)


def _title_stop(text: str, at: int) -> bool:
    """Whether the stop at `at` closes a title or an initial ("Mr.", "Dr.", "J."), not a number
    ending a sentence ('Mr. Trump said on Nov. 8. “I like ...': a new claim, gold)."""
    return text[at] == "." and text[at - 1 : at].isalpha() and is_abbreviation(text, at + 1)


def _claim(
    ctx: _Context,
    span: Span,
    chain: list[Hop],
    post: Post | None,
    hedged: bool = False,
    kind: ClaimKind = ClaimKind.STATEMENT,
) -> Claim:
    return Claim(
        id="c0",
        text=span.of(ctx.text),
        start=span.start,
        end=span.end,
        hedged=hedged and not chain,
        chain=chain,
        document_id=ctx.doc_id,
        post_id=post.id if post else None,
        kind=kind,
    )


def _post_at(posts: list[Post], offset: int) -> Post | None:
    return next((p for p in posts if p.start is not None and p.end is not None and p.start <= offset < p.end), None)


def _hedged(ctx: _Context, claims: list[Claim], posts: list[Post], post_hops: dict[str, Hop]) -> list[Claim]:
    """'reportedly', 'is said to' with no source: a hedged claim with an empty chain (or the post's author)."""
    out = []
    covered = _Covered(claims)
    sourced = _ByPosition([a for a in ctx.found if _claimable(a, ctx.text) and a.source is not None])
    for h in (a for a in ctx.found if a.cls == "hedge" and not a.quoted):
        if covered.holds(h.cue.start) or _inside_claim_attribution(ctx, h):
            continue
        span = _hedge_span(ctx, h, sourced)
        if span is None:
            continue
        post = _post_at(posts, h.cue.start)
        chain = [post_hops[post.id]] if post and post.id in post_hops else []
        out.append(_claim(ctx, span, chain, post, hedged=True))
    return out


def _inside_claim_attribution(ctx: _Context, h: Attribution) -> bool:
    return any(_claimable(a, ctx.text) and a.source is not None for a in ctx.cover.holders(h.cue))


class _Covered:
    """Whether any of some claims holds an offset: claims by start, with the furthest end so far."""

    def __init__(self, claims: list[Claim]) -> None:
        ordered = sorted((c.start, c.end) for c in claims)
        self._starts = [start for start, _ in ordered]
        self._reach = list(accumulate((end for _, end in ordered), max))

    def holds(self, offset: int) -> bool:
        """Whether some claim has start <= offset < end."""
        index = bisect_right(self._starts, offset) - 1
        return index >= 0 and self._reach[index] > offset


class _ByPosition:
    """Attributions looked up by `_position` (source or cue, whichever comes first), by bisection."""

    def __init__(self, found: list[Attribution]) -> None:
        self._items = sorted(((_position(a), i, a) for i, a in enumerate(found)), key=lambda t: t[:2])
        self._positions = [position for position, _, _ in self._items]

    def between(self, start: int, end: int) -> list[Attribution]:
        """Those positioned strictly between `start` and `end`."""
        low = bisect_right(self._positions, start)
        return [a for _, _, a in self._items[low : bisect_left(self._positions, end, lo=low)]]


def _hedge_span(ctx: _Context, h: Attribution, sourced: _ByPosition) -> Span | None:
    """The hedged clause, cut before any attribution it runs into ("..., given that X told ...")."""
    span = Span(h.content[0].start, h.content[-1].end)
    inner = sourced.between(span.start, span.end)
    if inner:
        cut = min(min(_position(a), a.content_span.start) for a in inner)
        chunk = ctx.text[span.start : cut]
        end = span.start + len(_HEDGE_TAIL.sub("", chunk))
        span = Span(span.start, end)
    return span if span.end - span.start > 3 and not bare_pronoun(span.of(ctx.text)) else None


def _post_sentences(ctx: _Context, claims: list[Claim], posts: list[Post], post_hops: dict[str, Hop]) -> list[Claim]:
    """Sentences of an embedded post that no attribution covers: claims of the post's author."""
    out = []
    # a stance leaves the sentence (a set: a scan of every claim per post sentence grew with the page)
    statements = SpanSet(Span(c.start, c.end) for c in claims if c.kind == ClaimKind.STATEMENT)
    for post in posts:
        if post.start is None or post.end is None or post.id not in post_hops:
            continue
        inside = ctx.paras.starting_in(post.start, post.end)
        for sentence in (s for para in inside for s in sentences(ctx.text, para)):
            words = sentence.of(ctx.text)
            if _SIGNATURE.match(words) or statements.overlaps(sentence):
                continue
            out.append(_claim(ctx, sentence, [post_hops[post.id]], post))
    return out


def _holding(ctx: _Context, sentence: Span, link: Link) -> list[Hop] | None:
    """The hops of an attribution in the sentence whose words hold the link ("Data collected by
    Hubble <a>supported</a> the existence of the plumes"): the sentence is on that source's word,
    not the article's own. None when none holds it, it states no view (an intent, an act) or its
    source is left unresolved."""
    for a in ctx.found:
        if a.source is None or not (sentence.start <= a.cue.start < sentence.end):
            continue
        if a.cls not in CLAIM_CLASSES and a.cls != "stance":
            continue  # "Dion is <a>refusing</a> to take part": her intent; the linked page reports it
        if perceived(a, ctx.text) or says_nothing(a, ctx.text):
            continue  # "imports have seen <a>price increases</a>", "<a>unions backing him</a>": no one's view
        if answered(a, ctx.text):
            continue  # "supporters responding to <a>Trump's tweet</a>": the tweet's words are not theirs
        spans = [a.source, a.cue, *a.content]
        hops = ctx.hops.get(id(a), [])
        held = any(s.start <= link.start < s.end for s in spans)
        if held and hops and not any("unresolved_source" in h.flags for h in hops):
            return hops
    return None


def _link_sources(ctx: _Context, links: list[Link]) -> list[Link]:
    """Each link with the source its anchor names: its own `source_name`, or a mention it covers."""
    mentions = _Mentions(ctx.mentions)
    return [_with_source(link, _link_source(ctx, link, mentions)) for link in links]


def _link_source(ctx: _Context, link: Link, mentions: _Mentions) -> str | None:
    if link.source_name:
        return ctx.resolver.registry.resolve(link.source_name, at=link.start).id
    if _holds_words(ctx, link):
        return None
    return mentions.first_overlapping(Span(link.start, link.end))


def _holds_words(ctx: _Context, link: Link) -> bool:
    """'Sanders has <a>the most labor unions backing him</a>': an anchor running from a source
    into that source's own words links the statement, not the source (the sentence then stays
    the article's own, backed by the link; gold_fresh). 'Reuters <a>reported</a>' names Reuters."""
    if link.end <= link.start:
        return False
    last = Span(link.end - 1, link.end)
    return any(
        a.source is not None and a.source.start < link.end and link.start < a.source.end
        for a in ctx.cover.holders(last)
    )


class _Mentions:
    """Source mentions looked up by offset: a mention can only overlap a span if it starts at
    most `longest` characters before it, so a look-up reads a window sorted by start (a scan of
    every mention per link cost links x mentions)."""

    def __init__(self, mentions: list[tuple[Span, Source]]) -> None:
        self._mentions = mentions
        self._sorted = sorted((span.start, i) for i, (span, _) in enumerate(mentions))
        self._starts = [start for start, _ in self._sorted]
        self._longest = max((span.end - span.start for span, _ in mentions), default=0)

    def first_overlapping(self, span: Span) -> str | None:
        """The source id of the first mention (in the order given) sharing a character with `span`."""
        low = bisect_left(self._starts, span.start - self._longest)
        window = self._sorted[low : bisect_left(self._starts, span.end, lo=low)]
        hits = [i for _, i in window if span.start < self._mentions[i][0].end]
        return self._mentions[min(hits)][1].id if hits else None
