"""When a hop happened: date words in an attribution sentence, resolved against the publication date.

"on Thursday" is the last Thursday on or before the day the article was published, "last week"
the ISO week before it, "December 23, 2024" itself. Without a publication date only absolute
dates resolve; the words are kept either way so a reader sees what the text said.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from tracer.text import Span
from tracer.words import MONTH_PATTERN, MONTHS, WEEKDAYS

MIN_YEAR, MAX_YEAR = 1800, 2200  # outside this a "date" is a misread number or a broken page date
_PATTERN = re.compile(
    r"\b(?:"
    + MONTH_PATTERN
    + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{4}))?"  # December 23[, 2024]
    + r"|(?P<iso>\d{4}-\d{2}-\d{2})"
    + r"|(?:on\s+|last\s+)?(?P<weekday>"
    + "|".join(WEEKDAYS)
    + r")"
    + r"|(?P<relday>yesterday|today)"
    + r"|(?P<rel>last|this|earlier\s+this|past)\s+(?P<unit>week|month|year)"
    + r"|in\s+(?P<inmonth>"
    + "|".join(m for m in MONTHS if len(m) > 3)
    + r")\b(?!\s+\d)"
    + r")\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class DateMention:
    """Date words found in a text and what they resolve to (None when they cannot be resolved)."""

    span: Span
    words: str
    value: str | None


def parse_published(published: str | None) -> date | None:
    """The publication date of an article as a `date`, from its ISO 8601 form."""
    if not published:
        return None
    try:
        value = date.fromisoformat(published[:10])
    except ValueError:
        return None
    return value if MIN_YEAR <= value.year <= MAX_YEAR else None  # "0001-01-01" from a broken page


def find_dates(text: str, span: Span, published: date | None) -> list[DateMention]:
    """Date expressions inside `span` of `text`, each resolved against `published`."""
    found = []
    for match in _PATTERN.finditer(text, span.start, span.end):
        if (match.group("month") or "").startswith("may") and not match.group("month").startswith("May"):
            continue  # "may" the verb
        found.append(DateMention(Span(match.start(), match.end()), match.group(0), _resolve(match, published)))
    return found


def _resolve(match: re.Match[str], published: date | None) -> str | None:
    groups = match.groupdict()
    if groups["iso"]:
        return groups["iso"]
    if groups["month"] and groups["day"]:
        return _calendar(MONTHS[groups["month"].lower()], int(groups["day"]), groups["year"], published)
    if published is None:
        return None
    if groups["weekday"]:
        back = (published.weekday() - WEEKDAYS.index(groups["weekday"].lower())) % 7
        return (published - timedelta(days=back)).isoformat()
    if groups["relday"]:
        return (published - timedelta(days=1 if groups["relday"].lower() == "yesterday" else 0)).isoformat()
    if groups["unit"]:
        return _period(groups["rel"].lower(), groups["unit"].lower(), published)
    if groups["inmonth"]:
        month = MONTHS[groups["inmonth"].lower()]
        year = published.year if month <= published.month else published.year - 1
        return f"{year:04d}-{month:02d}"
    return None


def _calendar(month: int, day: int, year: str | None, published: date | None) -> str | None:
    if year is None and published is None:
        return None
    try:
        value = date(int(year) if year else published.year, month, day)  # type: ignore[union-attr]
        if year is None and published is not None and value > published:
            value = value.replace(year=value.year - 1)  # "December 23" in a January article
    except ValueError:
        return None  # February 29 of a common year, a year out of range
    return value.isoformat() if MIN_YEAR <= value.year <= MAX_YEAR else None


def _period(rel: str, unit: str, published: date) -> str:
    last = rel == "last"
    if unit == "week":
        day = published - timedelta(days=7) if last else published
        iso = day.isocalendar()
        return f"{iso.year:04d}-W{iso.week:02d}"
    if unit == "month":
        month, year = (
            (published.month - 1 or 12, published.year - (published.month == 1))
            if last
            else (
                published.month,
                published.year,
            )
        )
        return f"{year:04d}-{month:02d}"
    return f"{published.year - 1 if last else published.year:04d}"
