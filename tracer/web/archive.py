"""Dead pages read from the Wayback Machine: the earliest capture, via the CDX or availability API.

The earliest capture is the one closest to what the citing article saw; later captures may
carry corrections or a different page at the same address. CDX answers "earliest" exactly
(its rows are in time order); the availability API is the fallback and is asked for the
capture closest to 1996, which is the earliest it has.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import quote

from tracer.errors import FetchError
from tracer.web.defaults import DEFAULT_ARCHIVE_URL
from tracer.web.fetch import FetchedPage, Fetcher

__all__ = ["DEFAULT_ARCHIVE_URL", "Capture", "Wayback"]

LOGGER = logging.getLogger(__name__)


@dataclass(frozen=True)
class Capture:
    """One archived copy of a page."""

    original: str
    timestamp: str  # YYYYMMDDhhmmss
    replay_url: str

    @property
    def captured(self) -> str | None:
        """The capture date, ISO 8601."""
        try:
            return date(int(self.timestamp[:4]), int(self.timestamp[4:6]), int(self.timestamp[6:8])).isoformat()
        except ValueError:
            return None


class Wayback:
    """A Wayback Machine (or compatible) endpoint, asked through the fetcher's cache and rules.

    Args:
        fetcher: The run's fetcher.
        base: The archive's base URL (`--archive-url`); the public one by default.
    """

    def __init__(self, fetcher: Fetcher, base: str = DEFAULT_ARCHIVE_URL) -> None:
        self.fetcher = fetcher
        self.base = base.rstrip("/")

    def cdx_url(self, url: str) -> str:
        """The CDX query for the earliest successful HTML capture of `url`."""
        return f"{self.base}/cdx/search/cdx?url={quote(url, safe='')}&output=json&limit=1&filter=statuscode:200"

    def availability_url(self, url: str) -> str:
        """The availability query for the capture closest to the archive's beginning."""
        return f"{self.base}/wayback/available?url={quote(url, safe='')}&timestamp=19960101"

    def replay_url(self, timestamp: str, original: str) -> str:
        """The capture as originally served (`id_`: without the archive's toolbar and rewriting)."""
        return f"{self.base}/web/{timestamp}id_/{original}"

    def earliest(self, url: str) -> Capture | None:
        """The earliest capture of `url`, or None when the archive has none (or cannot be asked)."""
        try:
            capture = self._from_cdx(url, self.fetcher.get_json(self.cdx_url(url)))
        except FetchError as exc:
            LOGGER.info("CDX query failed for %s: %s", url, exc)
            capture = None
        if capture is None:
            try:
                capture = self._from_availability(url, self.fetcher.get_json(self.availability_url(url)))
            except FetchError as exc:
                LOGGER.info("availability query failed for %s: %s", url, exc)
        return capture

    def fetch(self, capture: Capture) -> FetchedPage:
        """Fetch an archived copy.

        Raises:
            FetchError: As `Fetcher.get`.
        """
        return self.fetcher.get(capture.replay_url)

    def _from_cdx(self, url: str, rows: Any) -> Capture | None:
        if not isinstance(rows, list) or len(rows) < 2 or not isinstance(rows[0], list):
            return None
        header = [str(name) for name in rows[0]]
        row = dict(zip(header, rows[1], strict=False))
        timestamp, original = str(row.get("timestamp", "")), str(row.get("original") or url)
        return Capture(original, timestamp, self.replay_url(timestamp, original)) if timestamp.isdigit() else None

    def _from_availability(self, url: str, data: Any) -> Capture | None:
        closest = (data or {}).get("archived_snapshots", {}).get("closest") if isinstance(data, dict) else None
        if not isinstance(closest, dict) or not closest.get("available"):
            return None
        timestamp = str(closest.get("timestamp", ""))
        return Capture(url, timestamp, self.replay_url(timestamp, url)) if timestamp.isdigit() else None
