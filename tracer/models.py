"""The JSON contract: one pydantic model per concept, shared by every stage, the CLI and the TUI.

Field names here are a public contract (users' scripts and saved traces read them): later
work adds fields, never renames them. Character offsets (`start`/`end` and the `*_start`/
`*_end` pairs) index into the `text` of the document named by the object's `document_id`
(the input document when there is none).
"""

from __future__ import annotations

import hashlib
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.0"


class _Model(BaseModel):
    """Base: forbid unknown fields so typos in producers fail loudly in tests."""

    model_config = ConfigDict(extra="forbid", use_enum_values=False)


class Platform(StrEnum):
    """Social platforms whose posts the tracer recognises."""

    TWITTER = "twitter"
    INSTAGRAM = "instagram"
    TIKTOK = "tiktok"
    YOUTUBE = "youtube"
    FACEBOOK = "facebook"
    TELEGRAM = "telegram"
    BLUESKY = "bluesky"
    MASTODON = "mastodon"
    THREADS = "threads"
    REDDIT = "reddit"


class SourceKind(StrEnum):
    """What kind of thing a source is."""

    PERSON = "person"
    ORGANISATION = "organisation"
    OUTLET = "outlet"
    GOVERNMENT = "government"
    SOCIAL_ACCOUNT = "social_account"
    ANONYMOUS = "anonymous"
    UNNAMED = "unnamed"
    UNKNOWN = "unknown"
    DOCUMENT = "document"  # a memo, filing, log, recording, data set: a source that keeps a chain going


class LinkKind(StrEnum):
    """What a body link points at."""

    SOCIAL_POST = "social_post"
    NEWS_ARTICLE = "news_article"
    ARCHIVE = "archive"
    DOCUMENT = "document"
    VIDEO = "video"
    OTHER = "other"


class CueClass(StrEnum):
    """What an attribution's cue reports (the classes of `data/cue_verbs.txt` and the phrase rules).

    speech, report, belief, according and quote relations make claims; stance, intent, topic,
    question and generic ones are attributions only; hedge is "reportedly" with no source.
    """

    SPEECH = "speech"
    REPORT = "report"
    BELIEF = "belief"
    STANCE = "stance"
    INTENT = "intent"
    TOPIC = "topic"
    QUESTION = "question"
    ACCORDING = "according"
    QUOTE = "quote"
    HEDGE = "hedge"
    GENERIC = "generic"


class ClaimKind(StrEnum):
    """What kind of statement a claim is, so users can filter (the default output keeps all).

    statement: a clause or quotation someone said, reported or believed; stance: an evaluation
    ("labeled the deal 'a sham'", "denied the allegations"); noun_phrase: a noun-phrase content
    ("warned the committee of the risk"); embed / link: a sentence in the article's own voice
    backed by an embedded post or by a link in its words.
    """

    STATEMENT = "statement"
    STANCE = "stance"
    NOUN_PHRASE = "noun_phrase"
    EMBED = "embed"
    LINK = "link"


class DocumentStatus(StrEnum):
    """What happened when the tracer tried to read a document."""

    OK = "ok"
    FAILED = "failed"
    DEAD = "dead"
    BLOCKED = "blocked"
    NOT_CACHED = "not_cached"
    SKIPPED = "skipped"
    RATE_LIMITED = "rate_limited"
    OUT_OF_TIME = "out_of_time"


class HopRelation(StrEnum):
    """How a hop was found."""

    ATTRIBUTION = "attribution"  # the text credits a source ("X said", "according to X", "citing X")
    POST = "post"  # the author of an embedded post the claim is in
    DOCUMENT = "document"  # a cited page (or post) that states the claim itself
    EMBED = "embed"  # an embedded post backing a sentence in the article's own voice
    LINK = "link"  # a link in the words of a sentence in the article's own voice


class HopStatus(StrEnum):
    """What became of the documents a hop leads to (set on hops whose trail was followed)."""

    OK = "ok"
    ARCHIVED = "archived"  # read from an archived copy of a dead page
    DEAD = "dead"
    BLOCKED = "blocked"
    NOT_CACHED = "not_cached"
    RATE_LIMITED = "rate_limited"  # the server asked to wait longer than the run could
    OUT_OF_TIME = "out_of_time"  # the input's time budget was spent first
    FAILED = "failed"


class HopFlag(StrEnum):
    """A warning on a hop: how its source was resolved, or what became of the documents it leans on."""

    UNRESOLVED_SOURCE = "unresolved_source"  # a pronoun or mention no named source was found for
    SOURCE_ISSUED_STATEMENT = "source_issued_statement"  # "the statement said": the source is who issued it
    LIKELY_REFERENT = "likely_referent"  # a pronoun after two people, taken to be the subject: a guess
    NAMED_AFTER = "named_after"  # a pronoun before any name, taken to be the next person named: a guess
    ARCHIVED_COPY = "archived_copy"  # the document was read from an archived copy of a dead page
    PUBLISHED_AFTER_CITING = "published_after_citing"  # dated after the document that cites it
    # The embedded post's permalink could not be read: why (the `VisitStatus` of the try).
    DEAD_POST = "dead_post"
    BLOCKED_POST = "blocked_post"
    NOT_CACHED_POST = "not_cached_post"
    RATE_LIMITED_POST = "rate_limited_post"
    OUT_OF_TIME_POST = "out_of_time_post"
    FAILED_POST = "failed_post"
    # A link tied to the hop (its sentence, its source's name) could not be read: why, worst first.
    DEAD_LINK = "dead_link"
    BLOCKED_LINK = "blocked_link"
    NOT_CACHED_LINK = "not_cached_link"
    RATE_LIMITED_LINK = "rate_limited_link"
    OUT_OF_TIME_LINK = "out_of_time_link"
    FAILED_LINK = "failed_link"


class DocumentVia(StrEnum):
    """How a document beyond the input was reached."""

    LINK = "link"  # a link in a document's text
    POST = "post"  # an embedded post's permalink: through oEmbed, or its own page on a self-hosted instance
    ARCHIVE = "archive"  # the archived copy of a dead page


class VisitReason(StrEnum):
    """Why a document was a candidate for a claim, most direct first (`tracer.trail.candidates`)."""

    SENTENCE_LINK = "sentence_link"
    POST = "post"  # the permalink of the post the claim is in
    POST_LINK = "post_link"  # a link inside that post
    SOURCE_LINK = "source_link"  # a link whose anchor names one of the claim's sources
    NEXT_SENTENCE_LINK = "next_sentence_link"


class VisitStatus(StrEnum):
    """What trying a candidate document gave."""

    MATCHED = "matched"
    NO_MATCH = "no_match"
    CYCLE = "cycle"  # already on this claim's trail
    DEAD = "dead"
    BLOCKED = "blocked"
    NOT_CACHED = "not_cached"
    RATE_LIMITED = "rate_limited"
    OUT_OF_TIME = "out_of_time"
    FAILED = "failed"
    SKIPPED = "skipped"
    LIMIT = "limit"  # beyond --depth, or the document budget was spent


class Document(_Model):
    """The article that was read: metadata plus the plain text all offsets index into."""

    id: str = Field(description="Stable id of this document within the trace (e.g. 'd-1a2b3c4d5e6f').")
    url: str | None = Field(None, description="Canonical URL, when known.")
    path: str | None = Field(None, description="Local path the document was read from, when any.")
    title: str | None = None
    site_name: str | None = Field(None, description="Publisher or site name.")
    published: str | None = Field(None, description="Publication date, ISO 8601 (YYYY-MM-DD).")
    authors: list[str] = Field(default_factory=list)
    language: str | None = Field(None, description="BCP 47 language tag, e.g. 'en' or 'en-US'.")
    text: str = Field("", description="Article body as plain text; paragraphs separated by newlines.")
    format: str = Field("text", description="What the input was: 'html' or 'text'.")
    fetched: str | None = Field(
        None, description="When the page was fetched, ISO 8601, when the input says (a web archive's capture date)."
    )


class Post(_Model):
    """An embedded social post (embed markup, page JSON, or a scraped text signature)."""

    id: str
    platform: Platform
    author_name: str | None = None
    handle: str | None = Field(None, description="Account handle without '@'.")
    url: str | None = Field(None, description="Canonical permalink of the post.")
    post_id: str | None = None
    posted: str | None = Field(None, description="When it was posted, ISO 8601 date or datetime.")
    text: str = Field("", description="The post's own text, without its signature line.")
    media_urls: list[str] = Field(default_factory=list)
    evidence: str = Field("", description="The markup or text the post was recognised from.")
    start: int | None = Field(None, description="Start of the post's text in document.text, if there.")
    end: int | None = None
    source_id: str | None = Field(None, description="The source (in sources[]) for the post's author.")
    warnings: list[str] = Field(default_factory=list, description="E.g. a markup date that disagrees with the id.")
    evidence_start: int | None = Field(None, description="Start of the evidence (the signature line) in document.text.")
    evidence_end: int | None = None


class Link(_Model):
    """A hyperlink (or a URL written in the text) inside the article body."""

    url: str = Field(description="Absolute, normalised URL.")
    text: str = Field("", description="Anchor text (the URL itself for URLs written in the text).")
    context: str = Field("", description="The sentence the link sits in.")
    kind: LinkKind = LinkKind.OTHER
    start: int = Field(description="Start of the anchor in document.text.")
    end: int
    platform: Platform | None = Field(None, description="For social_post links: the platform.")
    handle: str | None = None
    post_id: str | None = None
    source_id: str | None = Field(None, description="A source the anchor names ('as Reuters reported').")
    source_name: str | None = Field(None, description="The name of that source as written ('Reuters').")


class SourceRef(_Model):
    """A source as it appears in a hop: enough to show and to look up in sources[]."""

    id: str
    name: str
    kind: SourceKind = SourceKind.UNKNOWN
    handle: str | None = None
    url: str | None = None


class Source(_Model):
    """A distinct source in the document, aliases merged."""

    id: str
    name: str
    kind: SourceKind = SourceKind.UNKNOWN
    aliases: list[str] = Field(default_factory=list)
    handle: str | None = None
    url: str | None = None

    def ref(self) -> SourceRef:
        """The short form hops carry: taken afresh when a name, handle or kind was filled in later."""
        return SourceRef(id=self.id, name=self.name, kind=self.kind, handle=self.handle, url=self.url)


class Hop(_Model):
    """One step of a claim's chain: who said it, the words that say so, where and when."""

    source: SourceRef
    cue: str = Field("", description="The cue words ('said', 'according to', 'citing', 'posted').")
    source_start: int | None = None
    source_end: int | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    evidence: str = Field("", description="The sentence(s) that justify this hop, verbatim.")
    evidence_start: int | None = None
    evidence_end: int | None = None
    document_id: str | None = Field(None, description="The document whose text holds the evidence.")
    date: str | None = Field(None, description="When this hop happened, ISO 8601, if known.")
    confidence: float = Field(0.5, ge=0.0, le=1.0)
    relation: HopRelation = Field(
        HopRelation.ATTRIBUTION,
        description="How the hop was found: attribution, post, document (a cited page stating the claim).",
    )
    status: HopStatus | None = Field(None, description="For hops into other documents: ok, dead, blocked, ...")
    flags: list[HopFlag] = Field(default_factory=list, description="Warnings such as 'published_after_citing'.")
    date_text: str | None = Field(None, description="The date words as written ('on Thursday'), resolved or not.")


class TextSpan(_Model):
    """A stretch of `document.text`: its offsets and its words."""

    start: int
    end: int
    text: str


class AttributionRelation(_Model):
    """One source-cue-content relation found in the document, claim or not.

    Every relation the attribution stage finds is listed (beliefs, intentions, stances, acts,
    nested ones included), so researchers of attribution get them all and a scorer can read
    them directly. Offsets index into `document.text`.
    """

    model_config = ConfigDict(extra="forbid", use_enum_values=False, validate_by_name=True, serialize_by_alias=True)

    id: str = Field(description="Stable within this result: 'a1', 'a2', ... in text order.")
    source: TextSpan | None = Field(None, description="The source as written (possibly a pronoun); null when none.")
    cue: TextSpan = Field(description="The cue words ('said', 'according to', 'denied').")
    content: list[TextSpan] = Field(default_factory=list, description="What is attributed, as its fragments.")
    cls: CueClass = Field(CueClass.SPEECH, alias="class", description="What the cue reports.")
    form: str = Field(
        "verb",
        description="The rule that found it: verb, quote, according, noun, passive, ...; 'citing' for a "
        "further source ('X, citing Y': source X, content Y), 'cited_by' for an intermediary ('cited by Y').",
    )
    claim_ids: list[str] = Field(
        default_factory=list, description="The claims (in claims[]) whose chain this relation is a hop of."
    )
    nested: bool = Field(
        False,
        description="Inside another relation's content, or its cue inside a quotation: not an outermost "
        "relation (corpora such as PolNeAR annotate only the outermost).",
    )


class Claim(_Model):
    """A piece of content and the chain of sources it is attributed to."""

    id: str
    text: str = Field(description="The claim's content, verbatim.")
    start: int
    end: int
    hedged: bool = Field(False, description="Marked 'reportedly'/'allegedly' with no source named.")
    chain: list[Hop] = Field(default_factory=list, description="Nearest source first, earliest origin last.")
    origin: SourceRef | None = Field(None, description="The last hop's source; null when unattributed.")
    document_id: str | None = None
    post_id: str | None = Field(None, description="The embedded post this claim comes from, if any.")
    origin_date: str | None = Field(
        None,
        description="The earliest known origin's date, ISO 8601: the last hop's date, else the publication date "
        "of the document whose text names it (the claim existed by then).",
    )
    origin_document_id: str | None = Field(None, description="The deepest document reached that states the claim.")
    visits: list[Visit] = Field(
        default_factory=list,
        description="Every document tried while following this claim, in the order tried, matched or not.",
    )
    kind: ClaimKind = Field(ClaimKind.STATEMENT, description="What kind of statement it is, for filtering.")


def origin_of(chain: list[Hop]) -> SourceRef | None:
    """A claim's `origin`: its last hop's source, the earliest known; none when nothing is attributed.

    Every stage that builds or lengthens a chain sets the origin through this one function.
    """
    return chain[-1].source if chain else None


def document_id(key: str) -> str:
    """A short stable id for a document, from its URL, path or content.

    Here, with the model, so that every stage names documents alike and the exporters can name a
    linked page without loading the readers.
    """
    return "d-" + hashlib.sha1(key.encode("utf-8", "replace")).hexdigest()[:12]


class DocumentRef(_Model):
    """A document in this trace: the input, and every document reached while tracing."""

    id: str
    url: str | None = None
    path: str | None = None
    title: str | None = None
    site_name: str | None = None
    published: str | None = None
    status: DocumentStatus = DocumentStatus.OK
    error: str | None = None
    depth: int = Field(0, description="Link distance from the input document.")
    authors: list[str] = Field(default_factory=list)
    requested_url: str | None = Field(None, description="The URL as cited, when redirects led elsewhere.")
    redirects: list[str] = Field(default_factory=list, description="Each URL a redirect passed through, in order.")
    cited_by: str | None = Field(None, description="The document whose link first led here.")
    via: DocumentVia | None = Field(None, description="How it was reached: link, post (oEmbed), archive.")
    archive_url: str | None = Field(None, description="The archived copy that was read instead of a dead page.")
    archived_at: str | None = Field(None, description="When that copy was captured, ISO 8601.")
    from_cache: bool | None = Field(None, description="Whether the page came from the local HTTP cache.")


class Visit(_Model):
    """One document tried while following a claim: what was fetched and whether it states the claim."""

    url: str = Field(description="The URL as cited.")
    document_id: str | None = Field(None, description="The document in documents[], when one was recorded.")
    cited_by: str | None = Field(None, description="The document holding the link (or post) that was followed.")
    reason: VisitReason = Field(
        description="Why it was a candidate: sentence_link, next_sentence_link, source_link, post, post_link."
    )
    depth: int = 1
    status: VisitStatus = Field(
        description="matched, no_match, cycle, dead, blocked, not_cached, failed, skipped, limit."
    )
    score: float | None = Field(None, description="How well the best passage matched the claim, 0..1.")
    passage: str | None = Field(None, description="The best-matching passage, verbatim.")
    passage_start: int | None = Field(None, description="Offsets of the passage in that document's text.")
    passage_end: int | None = None
    error: str | None = None


class ErrorRecord(_Model):
    """Something that went wrong while reading or tracing this input."""

    type: str = Field(description="Exception class name, e.g. 'FetchError'.")
    message: str
    target: str | None = Field(None, description="The path or URL concerned.")


class TraceResult(_Model):
    """Everything the tracer found for one input document."""

    schema_version: str = SCHEMA_VERSION
    input: str = Field("", description="The input as given on the command line.")
    input_id: str | None = Field(
        None,
        description="Stable id of the input within a batch (its path, URL or archive record; a repeat gets a "
        "suffix), which `tracer trace --resume` uses to skip inputs already traced.",
    )
    document: Document
    posts: list[Post] = Field(default_factory=list)
    links: list[Link] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    documents: list[DocumentRef] = Field(default_factory=list)
    sources: list[Source] = Field(default_factory=list)
    errors: list[ErrorRecord] = Field(default_factory=list)
    attributions: list[AttributionRelation] = Field(
        default_factory=list,
        description="Every attribution relation found in document.text, claim or not (appended to the contract).",
    )
