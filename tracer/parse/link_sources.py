"""The source a link's anchor names: 'as <a>Reuters reported</a>', '<a>The Associated Press reports</a>',
'told <a>The Sun</a>', 'according to <a>CBS's Mark Knoller</a>', '<a>Financial Times</a>' linking ft.com.

Tracing follows a claim to the page a source's name links to, so the name has to be tied to
the URL. A name counts only next to a reporting cue (in the anchor or right around it) or when
the linked site is the name itself (washingtonpost.com for 'Washington Post'); a capitalised
phrase alone ('Prince Harry' linking a topic page) is not a source.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from tracer.datafiles import load_json
from tracer.parse.attribution.cues import REPORTING, lexicon
from tracer.platforms import parse_permalink
from tracer.text import Span
from tracer.urls import site_of

_WORD = r"[A-Z][\w&'’.-]*"
_JOIN = r"(?:of|for|and|&|de|del|on|the)"
_NAME = rf"(?P<name>(?:[Tt]he\s+)?{_WORD}(?:\s+(?:{_JOIN}\s+)?{_WORD}){{0,5}})"
_AUX = r"(?:(?:has|have|had|is|was|also|first|later|previously|then)\s+)*"


@lru_cache(maxsize=1)
def _table() -> dict[str, Any]:
    table: dict[str, Any] = load_json("link_sources.json")
    return table


def _reporting_forms() -> list[str]:
    """Every inflected form of the cue verbs that report what a source said or found."""
    # what a source said, found or believes ("as Reuters reported"); stance and intent verbs
    # ("Reuters endorsed") do not make a link the source's report
    return [form for form, verb in lexicon().verbs.items() if verb.cls in REPORTING]


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    table = _table()
    cues = _alternation([*_reporting_forms(), *table["extra_cues"]])
    leads = _alternation(table["lead_cues"])
    nouns = _alternation(table["report_nouns"])
    anchor = re.compile(
        rf"^(?:(?P<lead>{leads})\s+)?{_NAME}(?:(?:'s|’s|')\s+(?P<noun>{nouns}))?(?:\s+{_AUX}(?P<cue>{cues}))?$"
    )
    before = re.compile(rf"(?:{leads})\s*$", re.IGNORECASE)
    after = re.compile(rf"^\s*(?:,\s*)?(?:{_AUX}(?:{cues})\b|(?:'s|’s)\s+(?:{nouns})\b)")
    cue_anchor = re.compile(rf"^(?:{_AUX}(?:{cues}|{leads})|(?:a|the|this)\s+(?:{nouns}))\b", re.IGNORECASE)
    return anchor, before, after, cue_anchor


def source_name(text: str, start: int, end: int, sentence: Span, url: str) -> str | None:
    """The source named by the anchor `text[start:end]` (or right before it), or None.

    Args:
        text: The document text.
        start: Start of the anchor.
        end: End of the anchor.
        sentence: The sentence around the anchor.
        url: The link's normalised URL.
    """
    post = parse_permalink(url)
    if post is not None and post.handle:
        return None  # a post's source is its author (the link's handle), not the anchor words
    anchor = text[start:end].strip().rstrip(".,;:")
    before, after = text[sentence.start : start], text[end : sentence.end]
    pattern, lead_before, cue_after, cue_anchor = _patterns()
    match = pattern.match(anchor)
    if match and _is_name(match.group("name")):
        cued = match.group("lead") or match.group("cue") or match.group("noun")
        if cued or lead_before.search(before) or cue_after.match(after) or _names_host(match.group("name"), url):
            return _clean(match.group("name"))
    if cue_anchor.match(anchor):
        return _name_before(before)
    return None


def _name_before(before: str) -> str | None:
    """'as Reuters <a>reported</a>': the capitalised name ending just before the anchor."""
    match = re.search(rf"{_NAME}(?:'s|’s)?\s+{_AUX}$", before)
    if match and _is_name(match.group("name")):
        return _clean(match.group("name"))
    return None


def _is_name(name: str) -> bool:
    words = re.sub(r"^[Tt]he\s+", "", name).split()
    return bool(words) and words[0] not in _table()["not_names"]


def _clean(name: str) -> str:
    return re.sub(r"^the\s+", "", name.strip())


def _names_host(name: str, url: str) -> bool:
    """Whether the linked site is the named outlet: washingtonpost.com for 'Washington Post',
    themoscowtimes.com for 'The Moscow Times', ft.com for 'Financial Times' (initials)."""
    site = site_of(url)
    words = [w for w in re.findall(r"[\w&]+", name.lower()) if w not in {"the", "'s", "s"}]
    keys = {"".join(words), "the" + "".join(words), "".join(w[0] for w in words if w not in {"of", "and", "&"})}
    return len(site) >= 2 and site in keys
