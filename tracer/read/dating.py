"""Publication dates the head of a page does not give: a visible `<time>`, a dateline, the URL.

`tracer.read.metadata` reads JSON-LD, OpenGraph and meta tags (and asks htmldate). Pages reached
while following a claim are often press releases, archived copies or bare reports whose only
date is in the text ("BAYPORT, March 27, 2025 —") or the address (/2025/03/30/). Dates matter
more there than anywhere: they decide which source came first.
"""

from __future__ import annotations

import re
from datetime import date

from lxml.html import HtmlElement

from tracer.words import MONTH_PATTERN, MONTHS

_TEXT_DATES = (
    re.compile(MONTH_PATTERN + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE),
    re.compile(
        r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + MONTH_PATTERN + r",?\s+(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE
    ),
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)(?!\d)"),  # also 2025-03-09T18:00
)
_URL_DATES = (
    re.compile(r"/(?P<year>(?:19|20)\d\d)/(?P<month>\d{1,2})/(?P<day>\d{1,2})(?:/|$|[-_])"),
    re.compile(r"[/_-](?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)(?:[/_.-]|$)"),
    re.compile(r"/(?P<year>(?:19|20)\d\d)(?P<month>[01]\d)(?P<day>[0-3]\d)(?:[/_.-]|$)"),
)
# A dateline opens the story: only the first characters are searched, so a date the story
# mentions later ("the dam was built on May 2, 1961") is not taken for its publication date.
DATELINE_CHARS = 160


def _iso(match: re.Match[str]) -> str | None:
    month = match.group("month").lower().rstrip(".")
    number = MONTHS.get(month) or (int(month) if month.isdigit() else 0)
    try:
        return date(int(match.group("year")), number, int(match.group("day"))).isoformat()
    except ValueError:
        return None


def date_in_text(text: str) -> str | None:
    """The first full date written in a text ("March 27, 2025", "27 March 2025", "2025-03-27")."""
    found = [(m.start(), m) for pattern in _TEXT_DATES for m in pattern.finditer(text)]
    for _, match in sorted(found, key=lambda pair: pair[0]):
        iso = _iso(match)
        if iso:
            return iso
    return None


def dates_in_text(text: str) -> list[str]:
    """Every full date written in a text, in the order written (ISO 8601)."""
    return [iso for _, iso in _dates(text)]


def first_date(text: str) -> tuple[int, str] | None:
    """Where the first full date of a text starts, and the date (ISO 8601)."""
    return next(iter(_dates(text)), None)


def _dates(text: str) -> list[tuple[int, str]]:
    found = sorted(((m.start(), m) for pattern in _TEXT_DATES for m in pattern.finditer(text)), key=lambda p: p[0])
    return [(start, iso) for start, match in found if (iso := _iso(match))]


def date_in_url(url: str | None) -> str | None:
    """A date in a URL's path: /2025/03/30/, /2025-03-30-slug, /20250330/."""
    if not url:
        return None
    for pattern in _URL_DATES:
        match = pattern.search(url)
        if match and (iso := _iso(match)):
            return iso
    return None


def time_element_date(tree: HtmlElement | None) -> str | None:
    """The date of the first `<time>` (or itemprop=datePublished) element of the page."""
    if tree is None:
        return None
    for element in tree.xpath("//time | //*[@itemprop='datePublished']"):
        for value in (element.get("datetime"), element.get("content"), element.text_content()):
            iso = date_in_text(value or "")
            if iso:
                return iso
    return None


def publication_date(tree: HtmlElement | None, text: str, url: str | None) -> str | None:
    """A page's publication date from its visible `<time>`, its dateline, or its URL, in that order."""
    return time_element_date(tree) or date_in_text(text[:DATELINE_CHARS]) or date_in_url(url)
