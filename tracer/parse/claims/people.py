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
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache

from tracer.datafiles import load_json
from tracer.text import latin_names
from tracer.words import GENDERED_PRONOUNS, MONTHS, WEEKDAYS

# Role words that stand before a full name besides the titles and person keywords of the lexicons.
_EXTRA_ROLES = frozenset({"chair", "executive", "founder", "cofounder", "co-founder", "head", "leader", "owner"})
_NAME = latin_names(r"(?P<name>[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z]+(?:-[A-Z][a-z]+)?){1,2})\b")
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
    family_names: dict[str, set[str]] = field(default_factory=dict)  # "Trump" -> {"Donald", "Ivanka"}

    def is_person(self, name: str) -> bool:
        """Whether `name` ("Claure", "Marcelo Claure", "Mr. Claure") is one of these people."""
        words = name.replace("Mr.", "").replace("Ms.", "").replace("Mrs.", "").split()
        if not words:
            return False
        return " ".join(words) in self.names or (len(words) == 1 and words[0] in self.surnames)


def find_people(text: str) -> People:
    """The people `text` introduces with a role or title before their full name, or as the
    subject of a sentence saying what they are ("Florent Groberg is a former U.S. Army captain")."""
    people = People()
    ambiguous: set[str] = set()
    for name in _introduced_names(text):
        words = name.split()
        people.names.add(name)
        surname = words[-1]
        if people.surnames.get(surname, name) != name:
            ambiguous.add(surname)  # "Bill Clinton" and "Hillary Clinton": "Clinton" is not resolved
        people.surnames[surname] = name
    for surname in ambiguous:
        del people.surnames[surname]
    people.family_names = family_names(text)
    return people


# A listed given name, perhaps an initial, then a capitalised word: "Donald Trump", "Donald J. Trump".
# The family name is looked ahead at, so that "President Barack Obama" still yields "Obama".
_GIVEN_THEN_WORD = re.compile(
    latin_names(r"\b(?P<given>[A-Z][a-z]+)\s+(?=(?:[A-Z]\.\s+)?(?P<family>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b)")
)


def family_names(text: str) -> dict[str, set[str]]:
    """The words `text` writes right after a listed given name, each with those given names
    ("Trump" -> Donald, Ivanka): a person's family name, so a capitalised phrase that opens with
    it ("Trump Supporter" of a headline, "Clinton Foundation") is named after the person, not
    another name of theirs, and a lone "Clinton" of a text that names both Bill and Hillary
    Clinton is either. Unlike `surnames`, no role before the name is needed: a bare surname with
    no introduction is common (names14 audit of PolNeAR train)."""
    found: dict[str, set[str]] = {}
    for match in _GIVEN_THEN_WORD.finditer(text):
        if is_given_name(match.group("given")):
            found.setdefault(match.group("family"), set()).add(match.group("given"))
    return found


def _introductions(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """The role-and-name matches in `text[start:end]` that introduce a person ("Actress Diane Guerrero")."""
    for match in _ROLE_THEN_NAME.finditer(text, start, end):
        words = match.group("name").split()
        if match.group("role").lower().rstrip(".") not in _roles() or words[0].lower() in _NOT_NAMES:
            continue
        if not _bodyish(words):
            yield match


def first_introduced(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Where the first person introduced with a role between `start` and `end` is named: in an
    interview's lead ("Actress Diane Guerrero has become ..."), the one who answers."""
    match = next(_introductions(text, start, end), None)
    return match.span("name") if match is not None else None


def _introduced_names(text: str) -> list[str]:
    """The full names `text` marks as people: after a role or title word ("executive chair
    Marcelo Claure"), or opening a sentence that says which role they have ("Florent Groberg is a
    former U.S. Army captain and Medal of Honor winner ..."). Without the second form the surname
    the article then uses ("Groberg, 33, opened up ...", "Groberg says") was of no known kind, so
    each "He also says" after it was left unresolved (side9's audit, a PolNeAR train article)."""
    found = [m.group("name") for m in _introductions(text, 0, len(text))]
    for match in _NAME_IS_A.finditer(text):
        words = match.group("name").split()
        described = match.group("what").split()[:_ROLE_REACH]
        if words[0].lower() in _NOT_NAMES or _bodyish(words):
            continue
        if not any(word.lower().strip(".,") in _roles() for word in described):
            continue
        if _forename(text, match.group("name")):
            found.append(match.group("name"))
    return found


def _forename(text: str, name: str) -> bool:
    """Whether a name's first word is a forename: a listed given name, or a word the text never
    writes in lower case ("Florent"); not a sentence's opening word before a surname ("Maybe
    Trump is the Manchurian Candidate", PolNeAR train)."""
    first = name.split()[0]
    return is_given_name(first) or re.search(rf"\b{first.lower()}\b", text) is None


# A sentence opening with a full name (perhaps its age between commas) that says what the person
# is: "Florent Groberg is a former U.S. Army captain", "Jane Holt, 61, was the town's mayor".
_NAME_IS_A = re.compile(
    rf"(?:^|(?<=\n)|(?<=[.!?]\s))(?:{_NAME})(?:,\s+\d{{1,3}},)?\s+(?:is|was)\s+(?:a|an|the)\s+(?P<what>[^;:\n]{{1,80}})",
)
_ROLE_REACH = 6  # the role noun comes within a few words ("a former U.S. Army captain")


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


# The words after a name that count towards its gender: the pronouns and the titles.
_MALE = frozenset({word for word, gender in GENDERED_PRONOUNS.items() if gender == "m"} | {"mr"})
_FEMALE = frozenset({word for word, gender in GENDERED_PRONOUNS.items() if gender == "f"} | {"ms", "mrs", "miss"})
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


@cache
def _given_names() -> dict[str, str]:
    names: dict[str, list[str]] = load_json("given_names.json")
    return {**dict.fromkeys(names["male"], "m"), **dict.fromkeys(names["female"], "f")}


def is_given_name(word: str) -> bool:
    """Whether a capitalised word is one of the given names of data/given_names.json."""
    return word in _given_names()


def given_name_gender(name: str) -> str | None:
    """'m' or 'f' by the first given name before the name's last word ("Attorney General Loretta
    Lynch", "Christine Todd Whitman": not her middle name): a name says a person's gender where
    the text around says none ("And oh yes, Carly Fiorina: ... She had a great line" gave "she"
    to John Kasich, issue 14 audit). A lone surname says nothing."""
    given = _given_names()
    for word in name.split()[:-1]:
        if word in given:
            return given[word]
    return None


def pronoun_gender(text: str, name: str) -> str | None:
    """'m' or 'f' when the name or the text clearly says so, else None.

    A gendered noun or title in the name decides ("a masked man", "Lady Starmer"), then a given name
    (`given_name_gender`). Otherwise
    this counts the gendered pronouns and titles in the sentences that mention the name's last
    word, after the mention (titles just before it). Used only to veto a pronoun resolution
    that the text contradicts ("she" for a man it calls "he"), never to make one. Words in
    quotation marks do not count: in a person's own quotation "he" is someone else ("his aunt,
    Jane Starner, “He was brilliant ...”" made her "m", and her "she said" went to another woman).
    """
    said = name_gender(name) or given_name_gender(name)
    if said is not None:
        return said
    male, female, own_male, own_female = _pronoun_counts(text, name)
    if male >= 2 * female + 2 and own_male:
        return "m"
    if female >= 2 * male + 2 and own_female:
        return "f"
    return None


def pronoun_leaning(text: str, name: str) -> str | None:
    """'m' or 'f' when the sentences naming `name` use only pronouns of one gender after it, one
    at least ("Cruz openly admitted that his pick was ..."): too little to veto a resolution by
    (`pronoun_gender` asks for two more than the other gender), enough to say a lone capitalised
    word is a person's name."""
    male, female, own_male, own_female = _pronoun_counts(text, name)
    return "m" if own_male and not female else "f" if own_female and not male else None


def _pronoun_counts(text: str, name: str) -> tuple[int, int, int, int]:
    """The male and female pronouns and titles in the sentences that mention the name's last word,
    after it and outside quotations (titles just before it); then the same counted only before
    another name in the words reported of the person (`_before_other_name`). A gender needs one
    pronoun of its own there: all of Asa Khalif's "she"s came after Clinton's name in his reported
    words. The whole count still decides, as a veto: cutting every sentence there lost the "he"s
    that kept "she" from Sanders and Zuckerberg (pron10b: wrong names on PolNeAR train)."""
    surname = name.split()[-1] if name.split() else ""
    if not surname[:1].isupper():
        return 0, 0, 0, 0
    male = female = own_male = own_female = 0
    pattern = re.compile(rf"\b{re.escape(surname)}\b")
    for sentence in _sentences_with(text, surname):
        hit = pattern.search(sentence)
        if hit is None:
            continue
        title = sentence[max(0, hit.start() - 6) : hit.start()].lower()
        rest = _QUOTED.sub(" ", sentence[hit.end() :])
        own = re.findall(r"[a-z]+", _before_other_name(rest, surname).lower()) + re.findall(r"[a-z]+", title)[-1:]
        after = re.findall(r"[a-z]+", rest.lower()) + re.findall(r"[a-z]+", title)[-1:]
        male += sum(w in _MALE for w in after)
        female += sum(w in _FEMALE for w in after)
        own_male += sum(w in _MALE for w in own)
        own_female += sum(w in _FEMALE for w in own)
    return male, female, own_male, own_female


def _before_other_name(rest: str, surname: str) -> str:
    """The part of a sentence after a name that comes before any other name in the words it
    reports of them: a pronoun there after another name is as likely that one's ("Asa Khalif
    said the marchers wanted to send a message to Clinton that she is in danger", "Khalif
    criticized Clinton for ... her husband": Clinton's "she", in Khalif's reported words, made
    him a woman, and his "But he said" was left unresolved, pron10b audit). Only after a
    reporting verb ("Mark Zuckerberg ... Facebook ... his" is his). A month, a weekday or "I"
    is no name."""
    verb = _REPORTING.search(rest)
    if verb is None:
        return rest
    for word in _CAPITALISED.finditer(rest, verb.end()):
        if word.group(0) != surname and word.group(0).lower() not in _NO_OTHER_NAMES:
            return rest[: word.start()]
    return rest


_CAPITALISED = re.compile(r"\b[A-Z][\w’'-]*")
_NO_OTHER_NAMES = frozenset({"i", "i’m", "i'm", *MONTHS, *WEEKDAYS})
# Verbs that report what the named person said or charged; what follows is their words about others.
_REPORTING = re.compile(
    r"\b(?:said|says|told|tells|criticized|criticizes|charged|charges|noted|notes|argued|argues|"
    r"added|wrote|writes|accused|accuses|claimed|claims|asserted|warned|warns|urged|urges)\b"
)


# A quotation, or one the sentence leaves open: its pronouns are the speaker's words about others.
_QUOTED = re.compile(r"“[^”]*(?:”|$)|\"[^\"]*(?:\"|$)")


class _WordSentences:
    """A text's `_SENTENCE` pieces and where each word starts, found once per text.

    `pronoun_gender` is asked once per person source, and a document's sources grow with its
    length; reading every sentence for each made the claims stage quadratic (a 300 KB text:
    44 calls, 2.3 s). Here a surname's sentences are looked up through the word index.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        matches = list(_SENTENCE.finditer(text))
        self.spans = [(m.start(), m.end()) for m in matches]
        self._starts = [start for start, _ in self.spans]
        self.words: dict[str, list[int]] = {}
        for word in _WORD_RUN.finditer(text):
            self.words.setdefault(word.group(0), []).append(word.start())

    def holding(self, word: str) -> list[str]:
        """The sentences, in text order, in which a run of word characters equal to `word` starts."""
        found: list[int] = []
        for at in self.words.get(word, ()):
            index = bisect_right(self._starts, at) - 1
            if index >= 0 and at < self.spans[index][1] and (not found or found[-1] != index):
                found.append(index)
        return [self.text[self.spans[i][0] : self.spans[i][1]] for i in found]


_WORD_RUN = re.compile(r"\w+")


@lru_cache(maxsize=2)
def _word_sentences(text: str) -> _WordSentences:
    return _WordSentences(text)


def _sentences_with(text: str, surname: str) -> list[str]:
    """The sentences of `text` that may hold `surname` as a whole word (a superset; the caller checks).

    A whole-word match of a surname starts where a word starts (a sentence piece starts after a
    non-word character), and the run of word characters there is the surname's first run.
    """
    first = _WORD_RUN.match(surname)
    return _word_sentences(text).holding(first.group(0)) if first else _SENTENCE.findall(text)
