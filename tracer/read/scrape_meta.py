"""Title and date of a plain-text scrape, which has no markup to say either.

Scrapers (copy-paste, "reader mode" exports, newsletter dumps) put the headline on the first line
and the body below it; a date, when there is one, is in a dateline at the top or, failing that,
in what the article quotes (a post's signature, "on March 3, 2026").
"""

from __future__ import annotations

import re

from tracer.read.dating import date_in_url, dates_in_text, first_date
from tracer.text import paragraphs, sentences

# A headline is one line of at most this many characters. Headlines in the corpus' metadata run
# to 150 characters; scrapes sometimes put a one-sentence standfirst first, which reads as one.
_TITLE_MAX_CHARS = 200
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")
# First lines that are not headlines: a URL, a signature or byline line, a bullet.
_NOT_TITLE = re.compile(r"^(?:https?://|www\.|[—–-]\s|[•*]\s|by\s)", re.IGNORECASE)


def scrape_title(text: str) -> str | None:
    """The first line, when it reads as a headline: short, one sentence, with more text below it."""
    lines = paragraphs(text)
    if len(lines) < 2:
        return None
    first = _MARKDOWN_HEADING.sub("", lines[0].of(text)).strip()
    if not first or len(first) > _TITLE_MAX_CHARS or _NOT_TITLE.match(first):
        return None
    return first if len(sentences(first)) == 1 else None


def scrape_date(text: str, url: str | None = None) -> str | None:
    """A dateline's date; else the date in its URL; else the latest full date the text writes.

    The latest date is a lower bound: an article cannot be older than the newest post or event
    it reports, and a scrape's quoted posts carry their dates ("— Name (@handle) December 23,
    2024"). Without a dateline that is the best evidence the text holds.
    """
    return _dateline(text) or date_in_url(url) or max(dates_in_text(text), default=None)


# A dateline is one of the first lines, opening with the date or with a short lead-in before it:
# a place in capitals ("BAYPORT, "), or a label ("Published: ", "Updated ", "By Jane Doe | ").
_DATELINE_LINES = 4
_DATELINE_LEAD = re.compile(
    r"^(?:[^a-z]{0,40}|(?i:published|updated|posted|date|by\b[^.]{0,40}?)(?i:\s+on)?[\s:|,·—–-]*)$"
)


def _dateline(text: str) -> str | None:
    for span in paragraphs(text)[:_DATELINE_LINES]:
        line = span.of(text)
        found = first_date(line)
        if found is not None and _DATELINE_LEAD.match(line[: found[0]]):
            return found[1]
    return None
