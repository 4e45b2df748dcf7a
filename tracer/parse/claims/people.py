"""People the document itself introduces: "executive chair Marcelo Claure", "Gov. Kristi Noem".

News copy introduces a person once, with a role or title before the full name, and then uses
the surname alone ("Claure said", "Neumann had resigned. He also agreed ..."). A bare surname
carries no keyword that says it is a person, so without this the source's kind stays unknown
and "he" cannot be resolved to it. Only names the text itself marks as a person are collected:
a role or title word right before two or three capitalised words. A shared word is never
evidence on its own (see `tracer.parse.claims.sources`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from tracer.datafiles import load_json
from tracer.words import MONTHS, WEEKDAYS

# Role words that stand before a full name besides the titles and person keywords of the lexicons.
_EXTRA_ROLES = frozenset({"chair", "executive", "founder", "cofounder", "co-founder", "head", "leader", "owner"})
_NAME = r"(?P<name>[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z]+(?:-[A-Z][a-z]+)?){1,2})\b"
_NOT_NAMES = frozenset(
    {"the", "a", "an", "new", "north", "south", "east", "west", "united", "san", "los", "las", *MONTHS, *WEEKDAYS}
)


# A word, then a name (looked ahead at, so that the name's first word can be the next role:
# "and Sir Keir Starmer"). The word is checked against the role words in Python (`_roles`),
# several times faster than one alternation of some 200 roles in the pattern. The name must be
# written in title case, so all-caps headlines give none.
_ROLE_THEN_NAME = re.compile(rf"\b(?P<role>[A-Za-z][a-z]*\.?|[A-Z]{{2,}}),?\s+(?={_NAME})")


@cache
def _roles() -> frozenset[str]:
    kinds: dict[str, list[str]] = load_json("source_kinds.json")
    titles: list[str] = load_json("source_aliases.json")["titles"]
    roles = {w for w in (*kinds["person"], *titles, *_EXTRA_ROLES) if w.isalpha()}
    return frozenset(roles - {"the", "former", "us"})


@dataclass
class People:
    """The full names of the people a document introduces, and the surnames they go by."""

    names: set[str] = field(default_factory=set)
    surnames: dict[str, str] = field(default_factory=dict)  # surname -> full name; ambiguous ones dropped

    def is_person(self, name: str) -> bool:
        """Whether `name` ("Claure", "Marcelo Claure", "Mr. Claure") is one of these people."""
        words = name.replace("Mr.", "").replace("Ms.", "").replace("Mrs.", "").split()
        if not words:
            return False
        return " ".join(words) in self.names or (len(words) == 1 and words[0] in self.surnames)


def find_people(text: str) -> People:
    """The people `text` introduces with a role or title before their full name."""
    people = People()
    ambiguous: set[str] = set()
    for match in _ROLE_THEN_NAME.finditer(text):
        if match.group("role").lower().rstrip(".") not in _roles():
            continue
        name = match.group("name")
        words = name.split()
        if words[0].lower() in _NOT_NAMES or _bodyish(words):
            continue
        people.names.add(name)
        surname = words[-1]
        if people.surnames.get(surname, name) != name:
            ambiguous.add(surname)  # "Bill Clinton" and "Hillary Clinton": "Clinton" is not resolved
        people.surnames[surname] = name
    for surname in ambiguous:
        del people.surnames[surname]
    return people


@cache
def _body_words() -> frozenset[str]:
    kinds: dict[str, list[str]] = load_json("source_kinds.json")
    return frozenset(w for k in ("government", "organisation", "outlet") for w in kinds[k] if " " not in w)


def _bodyish(words: list[str]) -> bool:
    """'U.S. Capitol Police', 'Sen. Majority Leader': a body or a role, not a personal name."""
    return any(w.lower().strip(".,") in _body_words() or w.lower().strip(".") in role_words() for w in words)


@cache
def role_words() -> frozenset[str]:
    """Nouns for what a person is or does ("nominee", "chair", "lawyer"): one list for every module."""
    kinds: dict[str, list[str]] = load_json("source_kinds.json")
    return frozenset(w for w in (*kinds["person"], *_EXTRA_ROLES) if w.isalpha())


_MALE = frozenset({"he", "his", "him", "himself", "mr"})
_FEMALE = frozenset({"she", "her", "hers", "herself", "ms", "mrs", "miss"})
_MALE_NOUNS = frozenset(
    {
        "man",
        "boy",
        "father",
        "husband",
        "son",
        "brother",
        "king",
        "prince",
        "sir",
        "lord",
        "mr",
        "congressman",
        "chairman",
        "spokesman",
        "businessman",
        "actor",
        "uncle",
        "grandfather",
        "dad",
    }
)
_FEMALE_NOUNS = frozenset(
    {
        "woman",
        "girl",
        "mother",
        "wife",
        "daughter",
        "sister",
        "queen",
        "princess",
        "lady",
        "dame",
        "ms",
        "mrs",
        "miss",
        "congresswoman",
        "chairwoman",
        "spokeswoman",
        "businesswoman",
        "actress",
        "aunt",
        "grandmother",
        "mom",
        "mum",
    }
)
# A match starts only where a run of sentence characters starts (the lookbehind) and takes the
# run whole (possessive): the plain `[^.!?\n]+(?:[.!?]+|$)` retried every start position of an
# unpunctuated line and backtracked each, quadratic in the line's length (40k chars: 21 s).
_SENTENCE = re.compile(r"(?<![^.!?\n])[^.!?\n]++(?:[.!?]+|$)")


def name_gender(name: str) -> str | None:
    """'m' or 'f' when a gendered noun or title is part of the name ("a masked man", "Lady Starmer")."""
    words = {w.strip(".,’'").lower() for w in name.split()}
    if not words.isdisjoint(_MALE_NOUNS):
        return "m"
    if not words.isdisjoint(_FEMALE_NOUNS):
        return "f"
    return None


def pronoun_gender(text: str, name: str) -> str | None:
    """'m' or 'f' when the name or the text clearly says so, else None.

    A gendered noun or title in the name decides ("a masked man", "Lady Starmer"). Otherwise
    this counts the gendered pronouns and titles in the sentences that mention the name's last
    word, after the mention (titles just before it). Used only to veto a pronoun resolution
    that the text contradicts ("she" for a man it calls "he"), never to make one.
    """
    said = name_gender(name)
    if said is not None:
        return said
    surname = name.split()[-1] if name.split() else ""
    if not surname[:1].isupper():
        return None
    male = female = 0
    pattern = re.compile(rf"\b{re.escape(surname)}\b")
    for sentence in _SENTENCE.findall(text):
        hit = pattern.search(sentence)
        if hit is None:
            continue
        title = sentence[max(0, hit.start() - 6) : hit.start()].lower()
        after = re.findall(r"[a-z]+", sentence[hit.end() :].lower()) + re.findall(r"[a-z]+", title)[-1:]
        male += sum(w in _MALE for w in after)
        female += sum(w in _FEMALE for w in after)
    if male >= 2 * female + 2:
        return "m"
    if female >= 2 * male + 2:
        return "f"
    return None
