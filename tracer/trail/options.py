"""How far and how widely the trail follows: the options object, light enough for the command line
to read its defaults (`--help`) without loading the walk, the parsers and the HTTP client."""

from __future__ import annotations

from dataclasses import dataclass, field

from tracer.parse.claims.matching import MATCH_THRESHOLD
from tracer.platforms import oembed_endpoints
from tracer.web.defaults import DEFAULT_ARCHIVE_URL


@dataclass
class TrailOptions:
    """How far and how widely to follow.

    Attributes:
        depth: Link distance to follow (0: this document only).
        archive: Read the earliest archived copy of dead pages.
        archive_url: Base URL of the Wayback-compatible archive.
        oembed: oEmbed endpoint base per platform name.
        threshold: Lowest match score that counts as "states the claim".
        max_documents: Documents opened per input at most (a hostile page cannot fan out forever).
        max_candidates: Documents opened per claim per document at most.
        budget: Most seconds the walk may spend fetching (None: no limit). Links met after it
            is spent are recorded as `out_of_time`, unfetched; cached pages are still read.
    """

    depth: int = 2
    archive: bool = False
    archive_url: str = DEFAULT_ARCHIVE_URL
    oembed: dict[str, str] = field(default_factory=oembed_endpoints)
    threshold: float = MATCH_THRESHOLD
    max_documents: int = 60
    max_candidates: int = 8
    # Claims are followed one after another, so N slow links cost N deadlines (8 links at 60 s:
    # 8 minutes). Three minutes is ample for a trail's 60 documents at one request a second
    # per host, and bounds what a page of hanging links can cost.
    budget: float | None = 180.0
