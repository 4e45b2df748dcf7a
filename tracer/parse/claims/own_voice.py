"""Sentences in the article's own voice backed by an embedded post or a link (issue 14, cause 5).

"Around nine hundred passengers were stuck overnight." followed by a reporter's embedded post
saying "roughly 900 passengers stranded" is the reporter's claim as much as a quoted one; a
sentence whose words link to where its figure comes from leans on that page. Neither names a
source in words, so without this no claim exists and the trail never starts. Such sentences
become claims whose first hop is the post (relation `embed`, confidence = the claim matcher's
score) or the linked page (relation `link`), kept apart from attributed claims by `Claim.kind`.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Callable
from functools import lru_cache
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from tracer.datafiles import load_lines
from tracer.models import Claim, ClaimKind, Hop, HopRelation, Link, LinkKind, Post, Source, SourceKind, SourceRef
from tracer.parse.attribution.cues import REPORTING, lexicon
from tracer.parse.claims.kinds import clause_subordinators, document_heads, lead_openers
from tracer.parse.claims.matching import MATCH_THRESHOLD, similarity, terms_of
from tracer.parse.claims.sources import SourceRegistry, core, is_first_person
from tracer.platforms import parse_permalink
from tracer.text import ParagraphIndex, SentenceIndex, Span, SpanSet
from tracer.urls import is_story_url

# How far before a post a sentence it backs may stand (characters): the post follows the
# sentence it illustrates, at most an introducing sentence or paragraph later.
EMBED_WINDOW = 500
# A link is a weaker tie than a post whose words were matched: the linked page is not read here.
LINK_CONFIDENCE = 0.5
# A source the sentence names with a noun cue ("per X", "By X's count", "A report ... found"):
# chains.py's base confidence of a noun-cue attribution.
NOUN_CUE_CONFIDENCE = 0.7
MIN_WORDS = 5  # shorter "sentences" (captions, labels) are no statements
# "Watch: ...", "Video: ..." right before a post: the sentence says the post shows it. The tie is
# stated, not measured, so it gets the claim matcher's threshold as its confidence.
_POINTERS = frozenset({"watch", "video", "listen", "look", "see", "photos", "photo", "here"})
INTRODUCED_CONFIDENCE = MATCH_THRESHOLD
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "its", "their", "his", "her"})
# The newsroom's own doing ("Our reporters have asked for the memo"); not "me", which reports
# what others told the writer ("The story, repeated to me again and again, was that ...").
_OWN_DOING = frozenset({"we", "our", "us", "i", "my"})
_LINK_KINDS = {LinkKind.NEWS_ARTICLE: SourceKind.OUTLET, LinkKind.DOCUMENT: SourceKind.DOCUMENT}
# How a statement ends: a full stop or exclamation, perhaps inside a closing quote or bracket. A
# line ending otherwise ("Measles cases climb in Marlow County") is a headline, caption or label.
_STATEMENT_END = re.compile(r"[.!…][\"”’')\]]*\s*$")
# "per FiveThirtyEight’s <a>endorsement tracker</a>", "according to <a>Iowa Starting Line</a>": a
# lead cue and up to four words before the anchor name who the linked words come from.
_LEAD = re.compile(r"\b(?:according\s+to|per|via|citing)\s+(?P<pre>(?:[\w’'.&-]+\s+){0,4})$", re.IGNORECASE)
_MAKER = re.compile(
    r"^(?P<owner>(?:[A-Z][\w.&-]*\s+){0,3}[A-Z][\w.&-]*)(?:[’']s?\s+|\s+)(?P<doc>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2})$"
)
# Second-level labels under a country code ("bbc.co.uk", "ons.gov.uk"): the site is one label more.
_SECTION_LABELS = frozenset(load_lines("host_sections.txt"))
# Query keys by which redirect and affiliate wrappers carry the page they lead to ("url=",
# "u=" of l.facebook.com/l.php, "dest=", "destination=", "target=").
_TARGET_KEYS = frozenset({"url", "u", "dest", "destination", "target"})
_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "gov", "ac", "go", "or", "ne", "edu"})
# Who the text says the linked words come from (an attribution holding the link), as hops.
Named = Callable[[Span, Link], list[Hop] | None]


def own_voice_claims(
    text: str,
    doc_id: str,
    claims: list[Claim],
    posts: list[Post],
    post_hops: dict[str, Hop],
    links: list[Link],
    registry: SourceRegistry,
    index: SentenceIndex,
    paras: ParagraphIndex,
    named: Named | None = None,
    site_name: str | None = None,
) -> list[Claim]:
    """The claims with own-voice sentences added: hedged claims that carry a link get it as their
    chain, and sentences no claim covers get a claim when a post backs them or a link is in them.
    A link whose words the sentence credits to someone ("per FiveThirtyEight's <a>tracker</a>",
    "Data ... <a>supported</a>") gives a claim of that named source, the link its document.

    `index` and `paras` are the text's sentences and paragraphs, split once: every step here looks
    up a claim's, post's or sentence's neighbourhood in them (and in `_Claimed`, `_Links` and a
    `SpanSet`) instead of scanning the document, which made a 1 MB text cost its square.
    `site_name` is the page's own publisher ("Sky"), the name of links to its own site.
    """
    near = _Links(links)
    out = [_linked_hedge(text, doc_id, c, near, registry, index, site_name) for c in claims]
    claimed = _Claimed(index, out)
    for post in posts:
        claim = _embedded(text, doc_id, claimed, post, post_hops.get(post.id), index, paras, near)
        if claim is not None:
            out.append(claim)
            claimed.add(claim)
    in_posts = _post_spans(posts)
    for sentence in index.spans:
        if claimed.overlaps(sentence):
            lead = _linked_lead(text, sentence, claimed, near, in_posts)
            lead = lead or _linked_tail(text, sentence, claimed, near, in_posts)
            if lead is not None:
                hop = _link_hop(text, doc_id, lead[0], lead[1], registry, site_name)
                out.append(_claim(text, doc_id, lead[0], [hop], ClaimKind.LINK))
                claimed.add(out[-1])
            continue
        link = _link_in(text, sentence, near, in_posts, named=True)
        if link is None or not _states(sentence.of(text)) or not _ends_statement(sentence.of(text)):
            continue
        chain = _named_hops(text, doc_id, sentence, link, registry, named)
        chain = chain or _document_subject(text, doc_id, sentence, link, registry)
        if chain:
            out.append(_claim(text, doc_id, sentence, chain, ClaimKind.STATEMENT))
        elif not (link.source_id or link.source_name):
            hop = _link_hop(text, doc_id, sentence, link, registry, site_name)
            out.append(_claim(text, doc_id, sentence, [hop], ClaimKind.LINK))
        else:
            continue
        claimed.add(out[-1])
    return sorted(out, key=lambda c: (c.start, c.end))


def _linked_lead(
    text: str, sentence: Span, claimed: _Claimed, links: _Links, posts: SpanSet
) -> tuple[Span, Link] | None:
    """'The fourth Star Trek film was <a>greenlit in 2016</a>, with reports that Chris Hemsworth
    would return': the clause before the sentence's first claim, up to the first clause break
    after a link in it, is the article's own statement leaning on the link (gold_fresh). None when
    a claim's source or cue lies in it ('..., according to Variety, which said that ...')."""
    held = claimed.within(sentence)
    first = min(c.start for c in held)
    if first <= sentence.start:
        return None
    gap = Span(sentence.start, first)
    link = _link_in(text, gap, links, posts)
    if link is None or link.end > first:
        return None
    brk = _CLAUSE_BREAK.search(text, link.end, first)
    piece = Span(sentence.start, brk.start() if brk else first)
    words = piece.of(text).rstrip()
    piece = Span(piece.start, piece.start + len(words))
    if _credits_inside(held, piece):
        return None
    if len(words.split()) < MIN_WORDS or not _is_clause_end(text, piece.end, first):
        return None
    if _subordinate(words):
        return (Span(link.start, piece.end), link) if _linked_clause(text, piece, link) else None
    return piece, link


def _linked_tail(
    text: str, sentence: Span, claimed: _Claimed, links: _Links, posts: SpanSet
) -> tuple[Span, Link] | None:
    """'Moreno denigrated Assange as a “hacker” and <a>cut off</a> his internet access ...': the
    clause after the sentence's last claim, from the first "and" or clause break after it, is
    the article's own statement leaning on a link in it (gold_fresh5a: two such linked events
    were no claims, the sentence being taken by a label inside it). None when a claim's source
    or cue lies in it, or it is too short to state anything."""
    held = claimed.within(sentence)
    last = max(c.end for c in held)
    brk = _TAIL_BREAK.search(text, last, sentence.end)
    if brk is None:
        return None
    piece = Span(brk.end(), sentence.end)
    link = _link_in(text, piece, links, posts)
    words = piece.of(text).split()
    if link is None or len(words) < MIN_WORDS or words[0].lower() in _NOT_MAIN or words[0].lower() in lead_openers():
        return None  # "and as demonstrated by ...", "and that she ...": no clause of the writer's own
    return None if _credits_inside(held, piece) else (piece, link)


# Words opening a subordinate or reported clause: what follows them states nothing on its own.
_NOT_MAIN = frozenset({"that", "which", "who", "whom", "whose", "as", "if", "whether", "what", "how", "why"})
# Where a clause after a claim begins: "and", "but", a semicolon or a dash between spaces.
_TAIL_BREAK = re.compile(r"\s(?:and|but)\s|;\s|\s[—–-]\s")


def _credits_inside(held: list[Claim], piece: Span) -> bool:
    """Whether a hop of the sentence's claims has its source or cue inside `piece` ("..., according
    to Variety, which said that ..."): the piece is someone's credit, not the writer's statement."""
    hops = [(h.source_start, h.cue_start) for c in held for h in c.chain]
    return any(at is not None and piece.start <= at < piece.end for pair in hops for at in pair)


def _own_doing(word: str) -> bool:
    """Whether a word is the newsroom's own "we", "our", "I", contracted too ("I’ve also been
    keeping an eye on ...", "We're tracking ...": shown as link claims in the link15 sample)."""
    word = re.split(r"['’]", word, maxsplit=1)[0]
    return word.lower() in _OWN_DOING and is_first_person(word)


def _states(words: str) -> bool:
    """Whether a sentence with a link states something: not a question ("... still has a chance,
    no?", also when the splitter ran on past it: "... no? Check out the full statement below") and
    not a call to the reader ("Take a look at ...", "Check out ..."), which point at the linked
    page rather than lean on it (link15 sample: 3 of 80 link claims)."""
    words = words.strip()
    first = words.split(" ", 1)[0]
    if first[:1].isupper() and first.lower() in _reader_imperatives():
        return False
    return "? " not in words and not words.rstrip("\"”’')] ").endswith("?")


def _ends_statement(words: str) -> bool:
    """Whether a whole sentence ends as a statement does ('.', '!', '。', perhaps inside a closing
    quote or bracket): a related-story headline ("Plane passengers quarantined after plague outbreak
    [NEWS]"), a credit line ("— Mike Pompeo, College Station, TX, April 15, 2019") or a post's own
    text on a feed page ("... she doesn't have the rangepic.twitter.com/…") has none, and was shown
    as a link claim of the site it links (link15 sample: 6 of 120). Clauses cut from a longer
    sentence (`_linked_lead`, `_linked_tail`) are not asked."""
    return _LINKED_END.search(words) is not None


_LINKED_END = re.compile(r"[.!…。！][\"”’'»)\]」』]*\s*$")


@lru_cache(maxsize=1)
def _reader_imperatives() -> frozenset[str]:
    return frozenset(load_lines("reader_imperatives.txt"))


def _linked_clause(text: str, piece: Span, link: Link) -> bool:
    """'As <a>Storm Ciarán continues to batter the south coast of England</a> and the Channel Isles,
    meteorologists are warning ...': a subordinator stating a fact, whose link covers the clause
    right after it (a name first, no determiner: not 'As <a>a result of</a> ...'), is the writer's
    own statement leaning on the link (gold_fresh4a miss; such leads were all dropped)."""
    opener = piece.of(text).split(" ", 1)[0]
    anchor = link.text.split()
    return (
        opener.lower() in clause_subordinators()
        and link.start == piece.start + len(opener) + 1
        and len(anchor) >= MIN_WORDS
        and anchor[0][:1].isupper()
        and anchor[0].lower() not in _DETERMINERS
    )


def _subordinate(words: str) -> bool:
    """'In a joint statement published Oct. 25, ...', 'Asked on Monday whether ...', 'Despite
    starting nine months after ...': a lead phrase that frames the claim states nothing itself
    (seen on the real-page gold: the first two were shown as claims)."""
    first = words.split()[0].lower().strip("“\"'‘")
    return first in lead_openers() or first.endswith(("ing", "ed"))


def _is_clause_end(text: str, end: int, first: int) -> bool:
    """Whether the piece stops at a clause break before the claim (not mid-phrase, 'according to')."""
    return bool(_CLAUSE_BREAK.match(text, end, first))


_CLAUSE_BREAK = re.compile(r"\s*(?:[,;:]|\s[—–-]\s)")


class _Claimed:
    """Which claims touch each sentence, so "does a claim overlap this span?" costs the span's
    sentences, not every claim. Spans asked about lie inside sentences, so a claim that overlaps
    one touches one of its sentences."""

    def __init__(self, index: SentenceIndex, claims: list[Claim]) -> None:
        self._index = index
        self._by_sentence: dict[int, list[Claim]] = {}
        for claim in claims:
            self.add(claim)

    def add(self, claim: Claim) -> None:
        """Record a claim under every sentence it touches."""
        for number in self._index.touching_numbers(Span(claim.start, claim.end)):
            self._by_sentence.setdefault(number, []).append(claim)

    def within(self, span: Span) -> list[Claim]:
        """The recorded claims that share a character with `span`."""
        return [
            c
            for number in self._index.touching_numbers(span)
            for c in self._by_sentence.get(number, [])
            if c.start < span.end and span.start < c.end
        ]

    def overlaps(self, span: Span) -> bool:
        """Whether any recorded claim shares a character with `span`."""
        return any(
            c.start < span.end and span.start < c.end
            for number in self._index.touching_numbers(span)
            for c in self._by_sentence.get(number, [])
        )


class _Links:
    """Links looked up by where they start (bisection), each look-up answered in list order."""

    def __init__(self, links: list[Link]) -> None:
        self._order = sorted(range(len(links)), key=lambda i: links[i].start)
        self._starts = [links[i].start for i in self._order]
        self._links = links

    def starting_in(self, span: Span) -> list[Link]:
        """The links that start inside `span`, in the order they were given."""
        low = bisect_left(self._starts, span.start)
        found = self._order[low : bisect_left(self._starts, span.end, lo=low)]
        return [self._links[i] for i in sorted(found)]


def _post_spans(posts: list[Post]) -> SpanSet:
    """Where the embedded posts are (a sentence starting in one is the post's, not the article's)."""
    return SpanSet(Span(p.start, p.end) for p in posts if p.start is not None and p.end is not None)


def _embedded(
    text: str,
    doc_id: str,
    claims: _Claimed,
    post: Post,
    hop: Hop | None,
    index: SentenceIndex,
    paras: ParagraphIndex,
    links: _Links | None = None,
) -> Claim | None:
    """The sentence before a post that the post states (best match over the claim threshold), else
    one that links to the post itself, else one that introduces it ('Watch: ...')."""
    if hop is None or post.start is None or not post.text.strip():
        return None
    window = Span(max(0, post.start - EMBED_WINDOW), post.start)
    stated = terms_of(post.text)
    best: tuple[float, Span] | None = None
    for para in paras.overlapping(window):
        for sentence in index.touching([para]):
            words = sentence.of(text).strip()
            if sentence.end > post.start or not _is_statement(words):
                continue
            if claims.overlaps(sentence):
                continue
            score = similarity(terms_of(words), stated)
            if score >= MATCH_THRESHOLD and (best is None or score > best[0]):
                best = (score, sentence)
    if best is None and links is not None:
        best = _linking(text, claims, post, window, index, links)
    if best is None:
        best = _introducing(text, claims, post, index)
    if best is None:
        return None
    score, sentence = best
    backed = hop.model_copy(
        update={
            "relation": HopRelation.EMBED,
            "cue": "embedded post",
            "evidence": post.text,
            "evidence_start": post.start,
            "evidence_end": post.end,
            "confidence": round(score, 2),
        }
    )
    return _claim(text, doc_id, sentence, [backed], ClaimKind.EMBED)


def _is_statement(words: str) -> bool:
    """Whether a sentence can be what a post backs: a headline states the article's topic in words
    that often match the post's better than the sentence the post illustrates (shorter, every word
    the post's), so the embed went to "Measles cases climb in Marlow County" instead of "Marlow
    County has now recorded 27 measles cases this month." just above the post. A headline has no
    full stop; neither do captions and labels, and a colon introduces rather than states."""
    return len(words.split()) >= MIN_WORDS and _STATEMENT_END.search(words) is not None


def _linking(
    text: str, claims: _Claimed, post: Post, window: Span, index: SentenceIndex, links: _Links
) -> tuple[float, Span] | None:
    """'... only a few weak “landspout” tornadoes were observed in northeastern <a>Colorado</a>.'
    with the link leading to the post embedded right after: the sentence points at the post that
    backs it, though their words differ ("Landspout tornado! Northeast Colorado!"; gold_fresh6a
    miss). The last such statement before the post, no claim's, at the threshold's confidence."""
    found = None
    for link in links.starting_in(window):
        ref = parse_permalink(link.url)
        if ref is None or ref.post_id is None or ref.post_id != post.post_id:
            continue
        sentence = index.containing(link.start)
        if sentence is None or sentence.end > (post.start or 0) or claims.overlaps(sentence):
            continue
        words = sentence.of(text).strip()
        if _is_statement(words) and _states(words):
            found = (INTRODUCED_CONFIDENCE, sentence)
    return found


def _introducing(text: str, claims: _Claimed, post: Post, index: SentenceIndex) -> tuple[float, Span] | None:
    """'Watch: Kiev overrun by protesting crowds.' right before the post: the sentence points at
    the post it sums up, whatever language the post is in (its words need not match). The claim
    is the sentence after its pointer word, at a fixed confidence (the words were not matched)."""
    assert post.start is not None
    # The last sentence ending by the post, if only blank space lies between them (an earlier one
    # has at least that sentence between it and the post).
    sentence = index.ending_by(post.start)
    if sentence is None or text[sentence.end : post.start].strip():
        return None
    words = sentence.of(text)
    head, colon, rest = words.partition(":")
    if not colon or head.strip().lower() not in _POINTERS or len(rest.split()) < 3:
        return None
    start = sentence.start + len(head) + 1
    if claims.overlaps(Span(start, sentence.end)):
        return None
    return INTRODUCED_CONFIDENCE, Span(start, sentence.end)


def _linked_hedge(
    text: str,
    doc_id: str,
    claim: Claim,
    links: _Links,
    registry: SourceRegistry,
    index: SentenceIndex,
    site_name: str | None = None,
) -> Claim:
    """'has reportedly been training ...' with 'reportedly' linking The Defense Post: the link's page."""
    if not claim.hedged or claim.chain:
        return claim
    sentence = index.containing(claim.start)
    link = _link_in(text, sentence, links, SpanSet([])) if sentence is not None else None
    if sentence is None or link is None or _other_clause(text, link, claim):
        return claim
    hop = _link_hop(text, doc_id, sentence, link, registry, site_name)
    return claim.model_copy(update={"chain": [hop], "origin": hop.source, "hedged": False, "kind": ClaimKind.LINK})


# Where a clause of its own ends before a hedged claim: "Ramaswamy <a>also attacked one of the
# moderators</a> and made fun of DeSantis for allegedly ...".
_CLAUSE_BETWEEN = re.compile(r"[,;:]|\s[—–-]\s|\sand\s|\sbut\s")


def _other_clause(text: str, link: Link, claim: Claim) -> bool:
    """Whether the link backs an earlier clause of the sentence, not the hedged words: the
    outlet's own story on "also attacked one of the moderators" was shown as the source of
    "allegedly wearing lifts", which gold_fresh3a gives to Ramaswamy, who made fun of it."""
    return link.end <= claim.start and _CLAUSE_BETWEEN.search(text, link.end, claim.start) is not None


def _link_in(text: str, sentence: Span, links: _Links, posts: SpanSet, *, named: bool = False) -> Link | None:
    """A link in the sentence's words that is no source's name and no topic tag ('Donald Trump');
    with `named`, also one whose anchor names the source after a lead cue ("according to <a>Iowa
    Starting Line</a>")."""
    words = sentence.of(text)
    if len(words.split()) < MIN_WORDS or words.rstrip().endswith(":"):
        return None
    if posts.overlaps(Span(sentence.start, sentence.start + 1)):
        return None  # a post's own sentences are its author's claims
    if any(_own_doing(word.strip(",.;:")) for word in words.split()):
        return None  # "Our reporters have asked for the inspection memo": the newsroom's own doing
    for link in links.starting_in(sentence):
        if link.source_id or link.source_name:
            if named and (_LEAD.search(text[sentence.start : link.start]) or _self_cued(link)):
                return link
            continue
        anchor = link.text.split()
        if not anchor or link.text.startswith("http") or _topic_tag(link, anchor, words):
            continue  # a URL written out, or a name linking its topic page ("Donald Trump")
        if anchor[0].lower() in _DETERMINERS and anchor[-1].lower().rstrip("s") in _named_things():
            continue  # "the inspection memo": the sentence is about the page, not leaning on it
        return link
    return None


def _topic_tag(link: Link, anchor: list[str], words: str) -> bool:
    """Whether a link on a short name ("Donald Trump", "Beijing") only tags it: unless it leads to
    a story whose headline slug shares a word with the sentence beyond the name ("Chinese cities
    like <a>Beijing</a> have managed to dramatically improve their air quality" linking
    ".../beijing-air-improves-dramatically-..."), where the sentence leans on that story. A story
    that only shares the name ("<a>Steyer</a> would regret ..." linking ".../tom-steyer-south-
    carolina-surge") is about the one named, not this statement (corpus pages, found13 audit)."""
    if len(anchor) > 4 or not all(w[:1].isupper() for w in anchor):
        return False
    return not (is_story_url(link.url) and _slug_shares(link.url, words, link.text))


# Words of a headline slug and a sentence compared by their first letters, so that inflections
# meet ("improves"/"improve", "launches"/"launched"); shorter words are mostly function words
# ("sich", "with", "from").
_STEM = 5
_SLUG_WORD = re.compile(r"[a-z]{5,}")


def _slug_shares(url: str, words: str, anchor: str) -> bool:
    """Whether the URL's path words and the sentence share a word that is not the link's anchor."""
    named = {w[:_STEM] for w in _SLUG_WORD.findall(anchor.lower())}
    slug = {w[:_STEM] for w in _SLUG_WORD.findall(urlsplit(url).path.lower())} - named
    return bool(slug & {w[:_STEM] for w in _SLUG_WORD.findall(words.lower())})


def _named_things() -> frozenset[str]:
    return frozenset(h.rstrip("s") for h in document_heads()) | {"report", "statement", "release", "study"}


def _named_hops(
    text: str, doc_id: str, sentence: Span, link: Link, registry: SourceRegistry, named: Named | None
) -> list[Hop]:
    """The source the text names for a link's words: an attribution holding the link (its hops),
    else the phrase after a lead cue ending in the anchor. The named source stays the source; the
    link is the document it points to (its url, when the source has none). Empty when none."""
    hops = named(sentence, link) if named is not None else None
    if hops:
        return hops  # its own words; the link stays a candidate of the sentence for the trail
    lead = _LEAD.search(text[sentence.start : link.start])
    if lead is None:
        return _self_named(text, doc_id, sentence, link, registry)
    start = sentence.start + lead.start("pre")
    phrase = core(text[start : link.end].rstrip(".,;:"))
    if not phrase:
        return []
    maker = _MAKER.match(re.sub(r"^(?:the|a|an)\s+", "", phrase))
    if maker is None or maker.group("owner").lower() in {"the", "a", "an"}:
        source = registry.resolve(phrase, at=start)
        _point(registry, source.id, link.url)
        return [_named_hop(text, doc_id, sentence, link, source.ref(), start)]
    # "FiveThirtyEight’s endorsement tracker", "the FiveThirtyEight tracker": the document, then its maker
    doc_words = maker.group("doc") if "’" in phrase or "'" in phrase else phrase
    doc = registry.resolve(doc_words, SourceKind.DOCUMENT, at=start)
    _point(registry, doc.id, link.url)
    owner = registry.resolve(maker.group("owner"), at=start)
    return [
        _named_hop(text, doc_id, sentence, link, doc.ref(), start),
        _named_hop(text, doc_id, sentence, link, owner.ref(), start, confidence=LINK_CONFIDENCE),
    ]


def _document_subject(text: str, doc_id: str, sentence: Span, link: Link, registry: SourceRegistry) -> list[Hop]:
    """'An internal <a>report</a> on last year's shutdown reveals a confused chain of command',
    'The story, repeated to me again and again (and, occasionally, <a>online</a>), was that ...':
    a sentence whose subject is a report or a story and that says what it says is on that
    thing's word. The link is where it is (its anchor inside the subject) or one place it was
    repeated; it was shown as the source ("documentcloud.org", "jamesdavisnicoll.com" where
    gold_fresh and gold_fresh3a give "report" and "story"). Empty unless the subject is such a
    thing and a cue after it (a finite reporting verb, or 'is/was that') says it speaks."""
    words = sentence.of(text)
    lead = len(words) - len(words.lstrip())
    subject = _doc_subject(words, lead)
    if subject is None:
        return []
    cue = _speaking_cue(words, subject.end())
    if cue is None:
        return []
    start, end = sentence.start + subject.start(), sentence.start + subject.end()
    document = registry.resolve(text[start:end], SourceKind.DOCUMENT, at=start)
    if start <= link.start < end:
        _point(registry, document.id, link.url)  # the anchor is the report itself
    hop = _sentence_hop(
        text,
        doc_id,
        sentence,
        source=document.ref(),
        cue=cue.group(0),
        source_start=start,
        source_end=end,
        cue_start=sentence.start + cue.start(),
        cue_end=sentence.start + cue.end(),
        confidence=NOUN_CUE_CONFIDENCE,
    )
    return [hop]


def _doc_subject(words: str, at: int) -> re.Match[str] | None:
    """The determiner and up to two modifiers before a report or story head opening the
    sentence ("An internal report", "The story"), or None."""
    for modifiers in range(3):
        match = _DOC_SUBJECTS[modifiers].match(words, at)
        if match is None:
            return None
        if match.group("head").lower().rstrip("s") in _subject_documents():
            return match
    return None


_DOC_SUBJECTS = [re.compile(rf"(?:An?|The|This|That|One)\s+(?:[\w’'-]+\s+){{{n}}}(?P<head>[a-z]+)\b") for n in range(3)]


def _speaking_cue(words: str, after: int) -> re.Match[str] | None:
    """The first cue after a subject that says it speaks: 'is/was that', or a finite reporting verb
    ('reveals', 'found', 'concluded'); None when there is none."""
    before = ""
    for match in _WORD.finditer(words, after):
        form = match.group(0).lower()
        if form in ("is", "was") and words[match.end() :].lstrip().startswith("that "):
            return match
        if form in _finite_reporting() and before not in _BE:
            return match  # not a passive: 'The annual report was published late' says nothing
        before = form
    return None


_BE = frozenset({"is", "was", "are", "were", "be", "been", "being"})


_WORD = re.compile(r"[A-Za-z]+")


@lru_cache(maxsize=1)
def _finite_reporting() -> frozenset[str]:
    """The finite forms of the cue verbs that report what a source said or found ('reveals',
    'shows', 'found', 'concluded'): a form that is not the lemma, and no '-ing' participle."""
    return frozenset(
        form
        for form, verb in lexicon().verbs.items()
        if verb.cls in REPORTING and " " not in form and form != verb.lemma and not form.endswith("ing")
    )


@lru_cache(maxsize=1)
def _subject_documents() -> frozenset[str]:
    return frozenset(h.rstrip("s") for h in document_heads()) | frozenset(load_lines("subject_documents.txt"))


def _self_cued(link: Link) -> bool:
    """Whether a link's anchor is its source's name with the cue that makes it the source ("By
    <a>CNN's count</a>, Trump visited ...", "<a>Reuters reported</a>"): the name and more words."""
    name, anchor = link.source_name, link.text.strip()
    if not name or not anchor.startswith(name):
        return False
    rest = anchor[len(name) :]
    return bool(rest.strip()) and rest[0] in " '’"


def _self_named(text: str, doc_id: str, sentence: Span, link: Link, registry: SourceRegistry) -> list[Hop]:
    """'By <a>CNN's count</a>, Trump visited one of his golf resorts at least 86 days in 2019 — or
    <a>more than one day in five</a> — ...': the source the anchor names with its own cue is the
    sentence's source, its story the link's page; a later link of the sentence ("more than one day
    in five" linking Axios) is no source of it (gold_fresh6a: shown as "axios.com" for CNN)."""
    if not _self_cued(link):
        return []
    assert link.source_name is not None
    source = registry.resolve(link.source_name, at=link.start)
    _point(registry, source.id, link.url)
    hop = _sentence_hop(
        text,
        doc_id,
        sentence,
        source=source.ref(),
        cue=link.text,
        source_start=link.start,
        source_end=link.start + len(link.source_name),
        cue_start=link.start,
        cue_end=link.end,
        confidence=NOUN_CUE_CONFIDENCE,
    )
    return [hop]


def _point(registry: SourceRegistry, source_id: str, url: str) -> None:
    """Give a source the link's address unless it has one: the first link naming it is its page."""
    source = registry.get(source_id)
    if source.url is None:
        source.url = url


def _sentence_hop(text: str, doc_id: str, sentence: Span, **fields: Any) -> Hop:
    """A hop whose evidence is the whole sentence the link sits in (every own-voice hop's is)."""
    return Hop(
        evidence=sentence.of(text),
        evidence_start=sentence.start,
        evidence_end=sentence.end,
        document_id=doc_id,
        **fields,
    )


def _named_hop(
    text: str,
    doc_id: str,
    sentence: Span,
    link: Link,
    ref: SourceRef,
    start: int,
    confidence: float = NOUN_CUE_CONFIDENCE,
) -> Hop:
    """A hop to the source a lead cue names ("per X"), at a noun cue's confidence by default."""
    lead = _LEAD.search(text[sentence.start : link.start])
    cue = lead.group(0)[: lead.start("pre") - lead.start()].strip() if lead else link.text
    return _sentence_hop(
        text, doc_id, sentence, source=ref, cue=cue, source_start=start, source_end=link.end, confidence=confidence
    )


def _link_hop(
    text: str, doc_id: str, sentence: Span, link: Link, registry: SourceRegistry, site_name: str | None = None
) -> Hop:
    target = _archived(_wrapped_target(link.url))
    post = parse_permalink(target)
    if post is not None and post.handle:
        source = registry.resolve(f"@{post.handle}", SourceKind.SOCIAL_ACCOUNT, post.handle, at=link.start)
    else:
        source = _site_source(text, target, link, registry, site_name)
    _point(registry, source.id, link.url)
    return _sentence_hop(
        text,
        doc_id,
        sentence,
        source=source.ref(),
        cue=link.text,
        cue_start=link.start,
        cue_end=link.end,
        confidence=LINK_CONFIDENCE,
        relation=HopRelation.LINK,
    )


def _site_source(text: str, target: str, link: Link, registry: SourceRegistry, site_name: str | None) -> Source:
    """The outlet or body whose site a link leads to: by the name the text gives it, else by the
    page's own publisher name when the link stays on its site, else by the host."""
    site = _host(target)
    kind = _LINK_KINDS.get(link.kind, SourceKind.UNKNOWN)
    label = re.sub(r"[^a-z0-9]", "", site.split(".")[0])  # "pv-magazine": "pv magazine"
    named = _names_in(text).get(label) or _own_site(label, site_name)
    full = _full_host(target)
    source = registry.resolve(named or full, kind, at=link.start)
    for alias in (site, full):
        if alias != source.name:
            registry.alias(source, alias)
    return source


def _own_site(label: str, site_name: str | None) -> str | None:
    """The page's publisher name ("Sky", "Vox", "The Mercury News") when it names the linked
    site's label ("sky" of news.sky.com): a link to the publisher's own earlier story is its
    story, shown as the outlet, not "sky.com" (gold_fresh6a: two such links on a Sky News page
    were shown as "sky.com"). A site name that does not spell the label ("The i Paper",
    "Express.co.uk", "Ediciones EL PAÍS S.L.") is no such name; the host stays."""
    if not site_name or len(site_name.split()) > 4:
        return None
    return site_name.strip() if label in _name_keys(site_name.strip()) else None


@lru_cache(maxsize=2)
def _names_in(text: str) -> dict[str, str]:
    """The capitalised names of a text (up to four words) by their letters, lower-cased and run
    together: a link to mediaite.com in a text that says "Mediaite counted ..." is Mediaite, as
    the article names it, not "mediaite.com" (gold_text; also "Reuters", "TMZ", "The Wrap").
    Found once per text, so links cost a look-up each."""
    out: dict[str, str] = {}
    for match in _CAPITALISED.finditer(text):
        words = match.group(0).split()
        for start in range(len(words)):  # "According to Reuters": "Reuters" too
            name = _POSSESSIVE.sub("", " ".join(words[start:]))
            if not _LATIN.fullmatch(_folded(name)):
                continue  # "NHKニュースが": its Latin letters alone ("nhk") are not the name
            for key in _name_keys(name):
                out.setdefault(key, name)
    return out


_POSSESSIVE = re.compile(r"['’]s?$")  # "the New York Times’s recent decision": "New York Times"
_LATIN = re.compile(r"[a-z0-9&’'. -]+")


def _name_keys(name: str) -> list[str]:
    """How a site's label may spell a name: its letters run together ("mediaite", "theguardian"),
    and for a name of several words its initials ("wsj") or the initials of all but its last word
    with that word ("nytimes", "latimes": 'the New York Times’s recent decision' linking
    nytimes.com was shown as "nytimes.com", link15 sample). Initials of fewer than three letters
    ("ap", "ft") are left out: too many two-word names share them, and so are the initials of a
    run that opens with a sentence opener ("As Ben Carson arrived" spelled "abc": abc.net.au was
    shown as "As Ben Carson"; "But Bernie Cooper", "bbc")."""
    folded = _folded(name)
    letters = re.sub(r"[^a-z0-9]", "", folded)
    words = [w for w in re.findall(r"[a-z0-9]+", folded) if w != "s"]
    keys = [letters]
    if words and words[0] == "the":
        words = words[1:]
    elif words and words[0] in lexicon().openers:
        return keys
    if len(words) >= 2:
        initials = "".join(w[0] for w in words)
        keys.append(initials[:-1] + words[-1])
        if len(initials) >= 3:
            keys.append(initials)
    return keys


def _folded(name: str) -> str:
    """Lower case without accents: "Libération" spells liberation.fr."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).lower()


_CAPITALISED = re.compile(r"\b[A-Z][\w&’'-]*(?:[ \t]+[A-Z][\w&’'-]*){0,3}\b")


def _host(url: str) -> str:
    """'ons.gov.uk' for https://www.ons.gov.uk/..., 'fivethirtyeight.com' for
    projects.fivethirtyeight.com: the site a reader knows, not the section the page sits in."""
    host = (urlsplit(url).hostname or url).lower()
    labels = host.split(".")
    if labels[-1].isdigit():
        return host  # an address, not a name
    keep = 3 if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL else 2
    return ".".join(labels[-keep:])


def _archived(url: str) -> str:
    """The page a Wayback Machine capture holds ("web.archive.org/web/20190125110512/https://www3.nhk.or.jp/…":
    NHK's story, not "web.archive.org", link15 sample); any other URL as it is."""
    match = _WAYBACK.match(url)
    return match.group(1) if match else url


_WAYBACK = re.compile(r"^https?://(?:web\.)?archive\.org/web/[^/]+/(https?://.+)$", re.IGNORECASE)


def _wrapped_target(url: str) -> str:
    """The page an affiliate or redirect wrapper leads to, carried in its query
    ("go.skimresources.com/?id=…&url=https%3A%2F%2Fwww.shopify.com…": shopify.com, not the
    wrapper's host, gold_fresh3a); any other URL as it is."""
    for key, value in parse_qsl(urlsplit(url).query):
        if key.lower() in _TARGET_KEYS and value.startswith(("http://", "https://")):
            return value
    return url


def _full_host(url: str) -> str:
    """'economictimes.indiatimes.com', 'ncbi.nlm.nih.gov': a host whose first label is a
    publication of its own; else the site (`_host`: projects.fivethirtyeight.com is
    fivethirtyeight.com). Links to two publications of one group were one source
    "indiatimes.com" (gold_fresh3a: The Economic Times and The Times of India)."""
    labels = (urlsplit(url).hostname or url).lower().split(".")
    site = _host(url)
    while len(labels) > site.count(".") + 1 and labels[0] in _SECTION_LABELS:
        labels = labels[1:]  # "www.ncbi.nlm.nih.gov": "ncbi.nlm.nih.gov"
    return site if labels[-1].isdigit() else ".".join(labels)


def _claim(text: str, doc_id: str, sentence: Span, chain: list[Hop], kind: ClaimKind) -> Claim:
    words = sentence.of(text)
    start = sentence.start + len(words) - len(words.lstrip())
    end = sentence.start + len(words.rstrip())
    return Claim(
        id="c0",
        text=text[start:end],
        start=start,
        end=end,
        chain=chain,
        origin=chain[-1].source,
        document_id=doc_id,
        kind=kind,
    )
