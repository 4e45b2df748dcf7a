"""Where the user is, and the back/forward history of where they have been."""

from __future__ import annotations

from dataclasses import dataclass, field

DOCUMENTS = "documents"
ARTICLE = "article"
CHAIN = "chain"
TIMELINE = "timeline"


@dataclass(frozen=True)
class Location:
    """A place in the app: a screen, and the document, claim and hop it shows."""

    screen: str
    key: str | None = None
    claim_id: str | None = None
    hop: int | None = None


@dataclass
class History:
    """Locations the user went back from, to go forward to again (like a browser)."""

    forward: list[Location] = field(default_factory=list)

    def went_back(self, location: Location) -> None:
        """Remember a location left by going back."""
        self.forward.append(location)

    def went_elsewhere(self) -> None:
        """A new place was opened: the forward history no longer applies."""
        self.forward.clear()

    def next(self) -> Location | None:
        """The location to go forward to, if any."""
        return self.forward.pop() if self.forward else None
