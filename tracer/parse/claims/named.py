"""Who a description stands for, when the article names it (issue 14, cause 2).

A bare description is never shown as a source when the text says who it is, before or after the
mention: "the regional water company, Eastvale Water" (an appositive in the mention itself),
"Dr. Mira Holt became the county's chief medical officer" two paragraphs away, "according to
the analyst" after "Jefferies analyst Jonathan Matuszewski". The text must state the link: an
appositive ("NAME, the DESCRIPTION," / "the DESCRIPTION, NAME,"), a copula ("NAME is / was /
became the DESCRIPTION"), or a role word right before a full name ("analyst NAME") whose word
is the description's head. Several named candidates: the nearest before the mention, else the
nearest after it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache

from tracer.datafiles import load_json, load_lines
from tracer.parse.claims.people import is_given_name, role_words
from tracer.text import Span, latin_names

# A proper name: capitalised words (initials, hyphens and "of"/"de" inside allowed).
_PROPER = r"(?:[A-Z][\w.&’'-]*)(?:[ \t]+(?:of[ \t]+|de[ \t]+|for[ \t]+)?[A-Z][\w.&’'-]*){0,5}"
_DESC = r"(?:[Tt]he|[Aa]n?|[A-Z][\w-]*[’']s)\s+[a-z][\w’'-]*(?:\s+[a-z][\w’'-]*){0,4}"
_LINKS = (
    re.compile(rf"(?P<name>{_PROPER}),\s+(?P<desc>{_DESC})\s*[,;.]"),  # "Maria Lopez, the company's lawyer,"
    re.compile(rf"(?P<desc>{_DESC}),\s+(?P<name>{_PROPER})\s*[,;.)]"),  # "the regional water company, Eastvale Water,"
    re.compile(
        rf"(?P<name>{_PROPER})\s+(?:is|was|became|has\s+been|had\s+been|serves\s+as|served\s+as)\s+(?P<desc>{_DESC})\b"
    ),
)
_ROLE_NAME = re.compile(r"\b(?P<role>[a-z]+)\s+" + latin_names(r"(?P<name>[A-Z][a-z]+(?:[ -][A-Z][a-z]+){1,2})\b"))
_DETERMINER = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
# "Another officer, Wing Commander Vyomika Singh, said": an indefinite opener is a description too;
# so is a possessive one, "her lawyer, Ana Ruiz," (gold_fresh3a: "his aunt" was shown, not the name).
_OPENER = re.compile(r"^(?:the|a|an|another|one|my|our|your|his|her|their|its)\s+", re.IGNORECASE)
_OWNER = re.compile(r"^[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*[’']s\s+")
_TRAILING = frozenset(
    {"in", "on", "at", "of", "for", "since", "from", "with", "to", "and", "or", "who", "which", "that", "last", "this"}
)
_NOT_NAMES = frozenset({"The", "A", "An", "He", "She", "It", "They", "But", "And", "In", "On", "At", "This", "That"})


@dataclass(frozen=True)
class Named:
    """A description the text ties to a name, and where."""

    at: int
    description: str  # lower-cased, without a leading article
    name: str


def is_description(mention: str) -> bool:
    """'the county's chief medical officer', 'Gastelum-Vera's neighbor', 'the analyst': no name of its own."""
    mention = mention.strip()
    opened = _OPENER.match(mention) is not None or _OWNER.match(mention) is not None
    words = _OWNER.sub("", _OPENER.sub("", mention)).split()
    if not opened or not words:
        return False
    # "Another Duke student", "a New York Times reporter": capitalised words before a person's
    # role are whose or where (the appositive name "Brittany" after one was never looked for)
    return all(w[:1].islower() for w in words) or (len(words) <= 4 and words[-1] in role_words())


def normal(description: str) -> str:
    """A description compared with another: lower case, no leading article nor trailing function
    word ("in" of "became the chief medical officer in May"), one kind of apostrophe."""
    words = _DETERMINER.sub("", description.strip()).replace("’", "'").lower().split()
    while words and words[-1] in _TRAILING:
        words.pop()
    return " ".join(words)


def find_named(text: str) -> list[Named]:
    """Every description the text ties to a name (appositives, copulas, a role word before a name)."""
    out = []
    for pattern in _LINKS:
        for match in pattern.finditer(text):
            name = _clean(match.group("name"))
            if name:
                out.append(Named(match.start(), normal(match.group("desc")), name))
    roles = role_words()
    for match in _ROLE_NAME.finditer(text):
        if match.group("role") in roles:
            out.append(Named(match.start(), match.group("role"), match.group("name")))
    return sorted(out, key=lambda n: n.at)


def _clean(name: str) -> str:
    """A name without a sentence-opening word the pattern took in ("But Maria Lopez" -> "Maria Lopez")."""
    words = name.split()
    ends = [i for i, w in enumerate(words[:-1]) if w.endswith(".") and len(w) > 4]
    if ends:
        words = words[ends[-1] + 1 :]  # "Monday. Dr. Mira Holt": a sentence ended inside the match
    while words and words[0] in _NOT_NAMES:
        words = words[1:]
    return " ".join(words) if words and any(w[:1].isupper() for w in words) else ""


def named_for(named: list[Named], mention: str, at: int) -> Named | None:
    """The name the text gives a description mention: the same description, or (a description of one
    or two words) a role word equal to its head; the nearest before `at`, else the nearest after."""
    wanted = normal(mention)
    words = wanted.split()
    if not words:
        return None
    head = words[-1]
    fits = [n for n in named if n.description == wanted or (len(words) <= 2 and n.description == head)]
    before = [n for n in fits if n.at < at]
    if before:
        return before[-1]
    return next((n for n in fits if n.at > at), None)


_SENTENCE_WORD = re.compile(r"(?P<before>^|[.!?:;“\"]\s*|\s)(?P<word>[A-Z][\w’'-]*)")


def heading_name(text: str, heading: Span, section: Span, at: int) -> str | None:
    """'Garth Brooks' as a section heading, then 'Asked if he would perform, the country star
    replied ...': a list article names each section's subject in its heading line, and a
    description opening the section before any other name stands for it (issue 14, cause 2).

    Args:
        text: The document text.
        heading: The paragraph before the mention's own (`section`).
        section: The paragraph holding the mention.
        at: Where the mention starts.
    """
    name = heading.of(text).strip()
    if not re.fullmatch(_PROPER, name) or not 2 <= len(name.split()) <= 4 or name.split()[0] in _NOT_NAMES:
        return None
    before = text[section.start : at]
    if any(m.group("before").isspace() and m.group("before") for m in _SENTENCE_WORD.finditer(before)):
        return None  # a capitalised word inside a sentence: another name comes first
    return name


_OWNED_DESCRIPTION = re.compile(r"^(?P<owner>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)[’']s\s+(?P<desc>[a-z][a-z ]*)$")


def leader_named(text: str, mention: str) -> tuple[str, int, bool] | None:
    """'what Pakistan's leader called an act of war' -> ('Shehbaz Sharif', where, guessed): the
    person the text names with a leading title under the same owner ("Pakistan's Prime Minister
    Shehbaz Sharif", gold_fresh). `guessed` when the mention's words are not the title itself
    ('leader' for a prime minister): a likely referent. Two different such names: no answer."""
    match = _OWNED_DESCRIPTION.match(mention.strip())
    table = load_json("claim_kinds.json")
    if match is None:
        return None
    desc = match.group("desc").strip()
    titles = [desc] if desc in table["leader_titles"] else []
    titles = titles or (table["leader_titles"] if desc in table["leader_words"] else [])
    if not titles:
        return None
    owner = re.escape(match.group("owner"))
    title = "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in titles)
    pattern = rf"\b{owner}[’']s\s+(?i:{title})\s+" + latin_names(r"(?P<name>[A-Z][a-z]+(?:[ -][A-Z][a-z]+){1,2})\b")
    found = {(m.group("name"), m.start()) for m in re.finditer(pattern, text)}
    names = {n for n, _ in found}
    if len(names) != 1:
        return None
    name, at = min(found, key=lambda f: f[1])
    return name, at, desc not in table["leader_titles"]


# An unnamed person introduced with "a"/"an" ("an expert has claimed", "a royal correspondent who
# joined ..."), not "one of" or "another" (those stay unnamed or name themselves in an appositive).
_INDEFINITE_ROLE = re.compile(r"^(?:a|an)\s+(?!one\b)", re.IGNORECASE)
# A sentence opening with a full name, perhaps after its role ("Royal commentator Lee Cohen was
# discussing", "Bill Simmons said", "Rebecca English of the Daily Mail recalled").
_OPENING_NAME = re.compile(
    r"[\s“\"]*(?:(?P<role>(?:[A-Z][a-z]+\s+)?[a-z][\w-]*)\s+)?"
    + latin_names(r"(?P<name>[A-Z][a-z]+(?:[ -][A-Z][a-z]+){1,4})\b")
)
# ", the president of ...", ", a lawyer for ...": an appositive role after the name.
_ROLE_AFTER = re.compile(
    r",\s+(?:the|a|an)\s+(?P<role>(?:[\w’'-]+\s+){0,3}?[a-z][\w-]*)\b(?=\s+(?:of|for|at|with|in)\b|,|\.)"
)
_NEXT_SENTENCES = 2


def named_next(text: str, mention: str, sentence_end: int) -> str | None:
    """'an expert has claimed' -> 'Lee Cohen' when one of the next two sentences opens with a person
    the text has not named before ('Royal commentator Lee Cohen was discussing ...'): news copy
    introduces a speaker by role in a standfirst or a clause and names them right after (issue 14,
    cause 2: the description was shown as the source). Not when the new name carries a role of
    another head ('A witness said ... Police Chief Ana Ruiz said' are two people)."""
    if _INDEFINITE_ROLE.match(mention) is None:
        return None
    described = normal(re.split(r"\s(?:who|that|which)\s", mention, maxsplit=1)[0]).split()
    head = described[-1] if described else ""
    if head not in _roles():
        return None
    at = _past_stop(text, sentence_end)  # past the mention's own full stop
    for _ in range(_NEXT_SENTENCES):
        at = _past_stop(text, at)
        stop = _SENTENCE_END.search(text, at)
        end = stop.end() if stop else len(text)
        match = _OPENING_NAME.match(text, at, end)
        at = end
        if match is None or (match.group("role") and match.group("role").split()[-1] not in _roles()):
            continue
        titled, name = _titled(match.group("name"))
        if not 2 <= len(name.split()) <= 3:
            continue
        if re.compile(rf"\b{re.escape(name.split()[-1])}\b").search(text, 0, sentence_end):
            continue  # someone the text named before ("Prince Harry and Meghan Markle will struggle")
        after = _ROLE_AFTER.match(text, match.end("name"))
        role = match.group("role") or titled or (after.group("role") if after else None)
        return name if role is None or _same_role(role.split()[-1], head) else None
    return None


_SENTENCE_END = re.compile(r"[.!?:][”\"’']?(?=\s)|\n")
_TERMINATOR = re.compile(r"[.!?]*[”\"’']?\s*")


def _past_stop(text: str, at: int) -> int:
    """Where the next sentence starts after a full stop (and closing quote, and spaces) at `at`."""
    match = _TERMINATOR.match(text, at)
    return match.end() if match else at


def _same_role(role: str, head: str) -> bool:
    """Whether two role nouns may be one person's: the same word, or two of the words a writer
    uses in turn for a commentator ("expert", "commentator")."""
    experts = _expert_roles()
    return role == head or (role in experts and head in experts)


def _titled(name: str) -> tuple[str | None, str]:
    """'Police Chief Ana Ruiz' -> ('Police Chief', 'Ana Ruiz'): capitalised role words before a name."""
    words = name.split()
    lead = 0
    while lead < len(words) - 1 and words[lead].lower() in _roles() | _ROLE_MODIFIERS:
        lead += 1
    return (" ".join(words[:lead]) or None), " ".join(words[lead:])


# Capitalised words that open a role before a name without being one ("Police Chief", "Deputy Mayor").
_ROLE_MODIFIERS = frozenset({"police", "fire", "deputy", "assistant", "acting", "vice"})


@cache
def _roles() -> frozenset[str]:
    """A person's role nouns and the offices they hold ("correspondent", "spokesperson")."""
    return frozenset({*role_words(), *load_json("source_kinds.json")["offices"]})


@cache
def _expert_roles() -> frozenset[str]:
    return frozenset(load_json("source_aliases.json")["expert_roles"])


# "the president" / "President Trump": a capitalised title before a name, not "Vice President".
# A middle initial may stand inside the name ("Judge Emmet G. Sullivan" was read as "Emmet", a second
# judge beside "Judge Sullivan", and "the judge" went unnamed; epithet12 audit of PolNeAR train).
_TITLE_NAME = r"(?<!Vice )(?<!Vice-)(?<!Deputy )\b{title}\s+" + latin_names(
    r"(?P<name>[A-Z][a-z]+(?:\s+[A-Z]\.)?(?:[ -][A-Z][a-z]+){{0,2}})\b"
)
# An acronym may open the title ("the FBI director" after "FBI Director James Comey"; desc9 audit:
# shown as the source in 2 PolNeAR train articles).
_DEFINITE = re.compile(r"^[Tt]he\s+(?P<words>(?:[A-Z]{2,5}\s+)?[a-z]+(?:\s+[a-z]+){0,2})$")


def titled_one(text: str, mention: str, at: int) -> tuple[str, int] | None:
    """'the president' -> ('Trump', where) when every person the text titles 'President' is one
    (by surname): the article names who holds the office ("President Trump") and calls them by
    it later (issue 14, cause 2: "The president says ..." was shown as the source). Two titled
    people ("former President Obama" too): no answer. The naming nearest before `at`, else after."""
    match = _DEFINITE.match(mention.strip())
    if match is None or match.group("words").split()[-1] not in _roles():
        return None  # "the school": no title ("School Principal Mary Asfendis" is someone else)
    title = r"\s+".join(w if w.isupper() else w.capitalize() for w in match.group("words").split())
    found = [(m.group("name"), m.start("name")) for m in re.finditer(_TITLE_NAME.format(title=title), text)]
    found = [(n, p) for n, p in found if n.split()[0] not in _NOT_NAMES and not in_headline(text, p)]
    if len({n.split()[-1] for n, _ in found}) != 1:
        return None
    before = [f for f in found if f[1] < at]
    return max(found, key=lambda f: len(f[0].split()))[0], (before[-1] if before else found[0])[1]


_BODY_RUN = r"(?:[A-Z][\w&-]*\s+){{0,4}}{head}\b"


def body_named_before(text: str, mention: str, at: int, heads: frozenset[str]) -> tuple[str, int] | None:
    """'wrote the center' -> ('Storm Prediction Center', where) when the one body the text names
    before `at` with that head as its last word is that body ("the National Weather Service’s
    Storm Prediction Center ... wrote the center"; issue 14, cause 2). Two such names: no answer."""
    match = _DEFINITE.match(mention.strip())
    if match is None or " " in match.group("words") or match.group("words") not in heads:
        return None
    head = match.group("words").capitalize()
    found = [(m.group(0), m.start()) for m in re.finditer(_BODY_RUN.format(head=head), text[:at])]
    found = [(" ".join(_clean(n).split()), p) for n, p in found if len(_clean(n).split()) >= 2]
    if len({n for n, _ in found}) != 1 or re.search(rf"\b{re.escape(found[-1][0])}[ \t]+[A-Z]", text):
        return None  # "Westfield High School Principal Mary Asfendis": the body's name opens a person's
    return found[-1]


# "Florida Sen. Marco Rubio", "Gov. Pat Lee": up to three capitalised words before a title, then a name.
# A name's words may have a second capital ("Sen. John McCain" was read as "John", then taken for
# someone else's title; desc9).
_HOLDER_WORD = latin_names(r"[A-Z][a-z]+(?:[A-Z][a-z]+)?")
_HOLDER = (
    r"(?P<mods>(?:[A-Z][\w.-]*\s+){{0,3}}){title}\s+"
    rf"(?P<name>{_HOLDER_WORD}(?:[ -]{_HOLDER_WORD}){{{{0,2}}}})\b"
)


@lru_cache(maxsize=16)
def _holders(text: str, head: str) -> list[tuple[str, int, list[str]]]:
    """Every holder of a title in a text, read once per text and title (a text has many epithets)."""
    forms = load_json("source_aliases.json")["title_forms"].get(head)
    if not forms:
        return []
    title = "|".join(re.escape(f) for f in forms)
    return [
        (m.group("name"), m.start("name"), m.group("mods").lower().split())
        for m in re.finditer(_HOLDER.format(title=f"(?:{title})"), text)
        if m.group("name").split()[0] not in _NOT_NAMES
        and m.group("mods").lower().split()[-1:] != ["vice"]
        and not in_headline(text, m.start("name"))
    ]


# A word of a Title-Case line: three letters or more, so that "of", "to", "a" do not count, but a line
# of names that "and" or "met" joins is no headline ("Nevada Sen. Tom Reyes and Gov. Ana Pike met").
_LONG_WORD = re.compile(r"[A-Za-z][\w’'-]{2,}")
_MIN_HEADLINE_WORDS = 4  # fewer long words: a name or a short label, which is capitalised anyway


@lru_cache(maxsize=16)
def _headlines(text: str) -> tuple[tuple[int, int], ...]:
    """The Title-Case lines of a text ("Federal Judge Just Gave Hillary A Big Loss."): every long
    word capitalised, at least four of them. A title there is followed by a headline's words, not
    a name ("Judge Just Gave Hillary" was taken for a second judge, and "the judge" went unnamed;
    epithet12 audit of PolNeAR train: "the judge", "the conference speaker")."""
    found = []
    for line in re.finditer(r"[^\n]+", text):
        words = _LONG_WORD.findall(line.group(0))
        if len(words) >= _MIN_HEADLINE_WORDS and all(w[0].isupper() for w in words):
            found.append((line.start(), line.end()))
    return tuple(found)


def in_headline(text: str, at: int) -> bool:
    """Whether `at` falls in a Title-Case line of the text (`_headlines`)."""
    return any(start <= at < end for start, end in _headlines(text))


def title_holders(text: str, head: str, modifiers: tuple[str, ...] = ()) -> tuple[list[tuple[str, int]], bool]:
    """The people the text gives the title `head` ("senator": "Sen. Marco Rubio", "Senator Lee"),
    as (name, where); when `modifiers` ("Florida") stand before the title for some of them, only
    those, and True. An epithet "the Florida senator" is then one of them (issue 14, cause 2)."""
    found = _holders(text, head)
    wanted = [w.lower() for w in modifiers]
    modified = [(n, at) for n, at, mods in found if wanted and mods[-len(wanted) :] == wanted]
    return (modified, True) if modified else ([(n, at) for n, at, _ in found], False)


@cache
def _body_table() -> dict[str, dict[str, object]]:
    """data/body_descriptions.json: description heads, the marks of each class of body, kinds."""
    table: dict[str, dict[str, object]] = load_json("body_descriptions.json")
    return table


# "the company", "the conservative publication", "this group": a definite description with a head of
# data/body_descriptions.json and up to three modifiers in lower case.
_BODY_DESCRIPTION = re.compile(r"^(?:[Tt]he|[Tt]his)\s+(?P<mods>(?:[a-z][\w-]*\s+){0,3}?)(?P<head>[a-z][\w-]*)$")
# A proper name, "of"/"for"/"and" inside ("Department of Justice", "Bureau of Alcohol, ..." stops at the comma).
# A word's period after two lower-case letters ends a sentence, not an abbreviation ("U.S.", "St."):
# "according to the National Golf Foundation. Almost 650 ... closed, the group says" was read as
# one name, "Almost", and the group went unnamed (desc9 audit of PolNeAR train).
_BODY_WORD = r"[A-Z](?:[\w&’'-]|(?<![a-z]{2})\.)*"
_BODY_PROPER = re.compile(rf"{_BODY_WORD}(?:[ \t]+(?:(?:of|for|on|&)[ \t]+(?:the[ \t]+)?)?{_BODY_WORD}){{0,6}}")


def other_description(mention: str, candidate: str) -> bool:
    """Whether a description's modifiers say another body than a candidate described in lower-case
    words ("the foreign ministry" is not "Vesk’s interior ministry"); a proper name's words say
    nothing of that ("the conservative publication" may be "The National Review")."""
    match = _BODY_DESCRIPTION.match(mention.strip())
    described = {w for w in candidate.split() if w[:1].islower()}
    return match is not None and len(described) > 1 and not set(match.group("mods").split()) <= described


def body_description(mention: str) -> tuple[str, str] | None:
    """'the conservative publication' -> ('publication', 'outlet'): a bare description of a body
    and the class of body its head names; None for other mentions and for modifiers that point
    away from the body named before ("the parent company", "the other group", "the 2009 paper")."""
    match = _BODY_DESCRIPTION.match(mention.strip())
    if match is None:
        return None
    head, mods = match.group("head"), match.group("mods").split()
    kind = _body_table()["heads"].get(head)
    if not isinstance(kind, str) or any(m in _blocked_modifiers() for m in mods):
        return None
    return head, kind


@cache
def _blocked_modifiers() -> frozenset[str]:
    """Modifiers that point a description away from the body named before ("parent", "other")."""
    blocked = _body_table()["blocked_modifiers"]
    return frozenset(blocked if isinstance(blocked, list) else [])


def unnamed_body_after(text: str, head: str, span: tuple[int, int], definite: bool = True) -> bool:
    """Whether a body with that head is described, not named, between `span`'s ends ("the
    foreign ministry", "a ballot commission"): a rival with no name, so the body named before it
    is not the one a bare "the ministry" after both stands for (it went to "Vesk’s interior
    ministry", named a sentence before "the foreign ministry said"). Not `definite`: only an
    indefinite one is a rival ("Valeant's stock ... the drug company is facing ... the company
    said": a definite description after a proper name goes on naming it; desc10)."""
    opener = r"[Tt]he|[Aa]n?" if definite else r"[Aa]n?"
    pattern = rf"(?<![’'\w])(?:{opener})\s+(?:[a-z][\w-]*\s+){{1,3}}{head}\b|(?<![’'\w])[Aa]n?\s+{head}\b"
    return re.search(pattern, text[span[0] : span[1]]) is not None


def body_candidates(
    text: str, head: str, kind: str, span: tuple[int, int], fits: Callable[[str], bool]
) -> list[tuple[str, int]]:
    """The names between `floor` and `at` of bodies a description with `head` of class `kind` may
    stand for, as (name, where): proper names with a mark of the class or the head itself
    capitalised ("Trayvon Martin Foundation" for "the group"), and names written with the head
    in lower case after them or after an owner ("the Trump campaign", "China’s foreign ministry").
    A name with no mark counts when `fits` says it is of the class by its kind ("CNN" an outlet).
    Persons and places are the caller's to rule out."""
    floor, at = span
    marks = {*_marks(kind), head.capitalize()}
    out = []
    for match in _BODY_PROPER.finditer(text, floor, at):
        name = _clean(match.group(0).rstrip(".’'"))
        after = _head_after(head).match(text, match.end(), at)
        if name and after is not None:
            out.append((f"{name}{after.group(0)}", match.start()))
        elif name and (any(w.strip(",’'") in marks for w in name.split()) or fits(name)):
            out.append((name, match.start() + match.group(0).find(name)))
    return out


@cache
def _head_after(head: str) -> re.Pattern[str]:
    """A name's possessive or space, up to two lower-case words, then the head ("’s foreign ministry")."""
    return re.compile(rf"(?:[’']s?)?[ \t]+(?:[a-z][\w-]*[ \t]+){{0,2}}?{head}\b")


@cache
def _marks(kind: str) -> frozenset[str]:
    marks = _body_table()["marks"].get(kind, [])
    return frozenset(marks if isinstance(marks, list) else [])


def marked_as(name: str, kinds: tuple[str, ...]) -> bool:
    """Whether a name's words carry a mark of one of the classes `kinds` ("Democratic National
    Committee": an organisation's)."""
    words = {w.strip(",’'") for w in name.split()}
    return any(not words.isdisjoint(_marks(kind)) for kind in kinds)


def body_kind(kind: str) -> str:
    """The source kind of a body of class `kind` ("company" -> "organisation")."""
    found = _body_table()["kinds"].get(kind, "organisation")
    return found if isinstance(found, str) else "organisation"


# A body's name as the text's own descriptions of it show it: up to four capitalised words.
_CLASS_NAME = rf"(?P<name>{_BODY_WORD}(?:[ \t]+{_BODY_WORD}){{0,3}})"
# A lower-case description of up to three modifiers before a head of a class of body.
_CLASS_DESC = r"(?:[Tt]he|[Aa]n?)[ \t]+(?:[a-z][\w-]*[ \t]+){{0,3}}(?:{heads})"


_POSSESSIVE_END = re.compile(r"[’']s?$")
# What may close an appositive description: "of Google", "in Ohio".
_OF_NAME = rf"(?:[ \t]+(?:of|in|for)[ \t]+{_BODY_WORD}(?:[ \t]+{_BODY_WORD}){{0,3}})?"


@cache
def _class_patterns(kind: str) -> tuple[re.Pattern[str], ...]:
    """The appositions that call a name a body of class `kind` ("the oil giant Exxon Mobil",
    "Alphabet, the parent company of Google," closed by a comma or a stop, not "On Tuesday, the
    company said", "Google's parent company, Alphabet,"); a company
    also by its chief ("Mondelez CEO Irene Rosenfeld") or its web address ("GunBroker.com")."""
    heads = _class_heads(kind)
    desc = _CLASS_DESC.format(heads=heads)
    patterns = [
        rf"(?<![\w-]){desc}[ \t]+{_CLASS_NAME}",
        rf"{_CLASS_NAME},[ \t]+{desc}{_OF_NAME}(?:[ \t]*[,.;)]|[ \t]+(?:that|which|whose|based|founded|owned|also)\b)",
        rf"(?<![\w-])(?:{heads}),[ \t]+{_CLASS_NAME}(?=[ \t]*[,.;)])",
    ]
    if kind == "company":
        patterns += [rf"{_CLASS_NAME}[ \t]+(?:CEO|[Cc]hief [Ee]xecutive)\b", r"(?P<name>[A-Z][\w-]*\.com)\b"]
    return tuple(re.compile(p) for p in patterns)


# Keyed on the whole text: a few entries (one per class a document's descriptions ask about) so a
# batch does not keep many documents alive.
@lru_cache(maxsize=8)
def described_bodies(text: str, kind: str) -> frozenset[str]:
    """The names a text itself calls a body of class `kind` (`_class_patterns`): candidates for a
    bare "the company" though their words carry no mark of the class (desc10 audit of PolNeAR
    train: "the company" was shown as the source after Exxon Mobil, Alphabet, GunBroker.com ...
    in 8 articles). A name with a person's role in it ("Chief Executive Tim Cook") is none."""
    names = {_POSSESSIVE_END.sub("", _clean(m.group("name"))) for p in _class_patterns(kind) for m in p.finditer(text)}
    return frozenset(n for n in names if n and role_words().isdisjoint(w.lower() for w in n.split()))


def occurrences(text: str, names: frozenset[str], span: tuple[int, int]) -> list[tuple[str, int]]:
    """Where each of `names` stands whole between `span`'s ends, as (name, where)."""
    if not names:
        return []
    return [(m.group(0), m.start()) for m in _names_pattern(names).finditer(text, *span)]


@lru_cache(maxsize=32)
def _names_pattern(names: frozenset[str]) -> re.Pattern[str]:
    """One pattern for a set of names, longest first, none inside a longer word or name."""
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![\w.&-])(?:{alternatives})(?![\w&-]|[ \t]+[A-Z])")


def apposed_end(text: str, end: int, kind: str) -> int:
    """Where a name's own appositive description of its class ends (", the parent company of
    Google"), else `end`: that description is the name's, no rival body described unnamed."""
    match = _apposed(kind).match(text, end)
    return match.end() if match else end


@cache
def _apposed(kind: str) -> re.Pattern[str]:
    return re.compile(rf",[ \t]+{_CLASS_DESC.format(heads=_class_heads(kind))}\b(?:[ \t]+of[ \t]+{_BODY_WORD})?")


def _class_heads(kind: str) -> str:
    """The head nouns of class `kind` as one alternation, longest first ("news agency" before "agency")."""
    heads = (re.escape(h) for h, k in _body_table()["heads"].items() if k == kind)
    return "|".join(sorted(heads, key=len, reverse=True))


# A person's description, then the name in apposition, in the same noun phrase (issue 14, appos12
# audit of PolNeAR train: "the other candidate on the stage, former Secretary of State Hillary
# Clinton," (ten claims shown as the description), "The director of the European Centre, Ina
# Kirsch,", "A former Republican presidential candidate -- John McCain, who", "Two military
# analysts, Patrick Megahan and Chris Harman,"). The capital-led appositive after a bare description
# is read in resolve.py (`_APPOSITIVE`); these are the forms it missed: lower-case words or a title
# before the name, a dash for the comma, a description with an "of"/"at" phrase, two names joined.
_APPOSED = re.compile(r"\s*(?:,|--|—|–)\s*(?P<app>[^,;:—–()\[\]\n“”\"]+?)\s*(?:,|--|—|–|$|\s(?:who|which|whose)\b)")
_COUNT_OPENER = re.compile(r"^(?:two|three|four|five|six|both)\s+", re.IGNORECASE)
# What ends a description's head words: a preposition or participle opening its modifier
# ("the head of the Super PAC backing ...", "his best friend at Lehigh").
_HEAD_END = frozenset({"of", "at", "for", "with", "from", "in", "on", "to", "by", "backing", "behind", "who", "that"})
# Lower-case words that open a phrase of their own after the comma, not a title's modifier
# ("like Gary Hufbauer", "led by campaign manager Terry Sullivan", "a rival of Globex").
_NOT_LEAD = frozenset(
    {"a", "an", "the", "of", "for", "at", "with", "from", "to", "in", "on", "by", "and", "or", "who", "which"}
    | {"whose", "that", "said", "says", "like", "including", "such", "as", "especially", "not", "also"}
    | {"led", "run", "based", "known", "called", "named", "and", "but", "than", "unlike", "plus"}
)
# A word of a name: capitalised ("Kirsch", "O'Leary"), an initial or an abbreviated title ("B.", "Gov.").
_WORD_OF_NAME = latin_names(r"(?:[A-Z][a-z][\w’'-]*|[A-Z][’'][A-Z][a-z]+)")
_NAME_WORD = re.compile(rf"^(?:{_WORD_OF_NAME}|[A-Z][a-z]*\.)$")
# A full name at a phrase's end: two to four words, middle initials allowed ("James B. Comey").
_FULL_NAME_TAIL = re.compile(rf"(?P<name>{_WORD_OF_NAME}(?:\s+(?:[A-Z]\.|{_WORD_OF_NAME})){{1,3}})$")


# After a mention the parser closed before its appositive: the appositive is the mention's own only
# when a relative clause follows it ("included Trump's running mate, Indiana Gov. Mike Pence, who
# called ..."; "a message from her senior policy advisor, NAME, that read"); else the name after
# the comma may open the next clause ("According to the lawyer, Smith faces ...").
RELATIVE_NEXT = re.compile(r"\s*,\s*(?:who|which|that)\b")
# Or the name right after the role, no comma ("the conservative radio host Charlie Sykes, who").
_NAME_NEXT = re.compile(r"[ \t]+(?P<app>[A-Z][\w’'.-]*(?:[ \t]+[A-Z][\w’'.-]*){1,3})(?=\s*,\s*(?:who|which|that)\b)")


def apposed_person(description: str, after: str, places: frozenset[str], outside: bool = False) -> str | None:
    """The person(s) an appositive names right after a person's description in the same noun
    phrase: ", former Secretary of State Hillary Clinton," -> 'Secretary of State Hillary Clinton';
    ' -- John McCain, who' -> 'John McCain'; two names after a plural head. None when the
    description's head is no person's role, or the appositive is a phrase of its own. `outside`:
    `after` is the text after the mention's span, not the rest of its words."""
    strict = _person_head(description)
    plural = strict if strict is not None else _person_head(description, loose=True)
    match = _APPOSED.match(after) or (_NAME_NEXT.match(after) if outside else None)
    if plural is None or match is None or (outside and not RELATIVE_NEXT.match(after, match.end("app"))):
        return None
    words = match.group("app").split()
    lead = 0
    while lead < len(words) and words[lead][:1].islower():
        if words[lead] in _NOT_LEAD or lead >= 3:
            return None  # "like Gary Hufbauer", "a rival of Globex": not the description's name
        lead += 1
    parts = " ".join(words[lead:]).split(" and ")
    if (len(parts) > 1) != plural:
        return None  # "the other candidates -- Jeb Bush, ...": one name of a list is not the group
    names = [_titled_person(part, places) for part in parts]
    if strict is None and not all(n and _given_named(n) for n in names):
        return None  # a head known by its ending only: the name must open with a given name
    return " and ".join(n for n in names if n) if all(names) else None


def _given_named(name: str) -> bool:
    """Whether a name holds a given name followed by a surname ("Agriculture Secretary Tom Vilsack")."""
    words = name.split()
    return any(is_given_name(w) for w in words[:-1])


def _person_head(description: str, loose: bool = False) -> bool | None:
    """Whether a description's head is a noun for people in the plural (True) or singular (False);
    None when it is none or the mention opens with no determiner, count or owner. `loose`: a
    noun with an agent's ending counts too."""
    mention = description.strip()
    opened = _OPENER.sub("", mention) if _OPENER.match(mention) else None
    opened = opened or (_OWNER.sub("", mention) if _OWNER.match(mention) else None)
    opened = opened or (_COUNT_OPENER.sub("", mention) if _COUNT_OPENER.match(mention) else None)
    head = (opened or "").split()
    cut = next((i for i, w in enumerate(head) if w in _HEAD_END), len(head))
    if "and" in head[:cut]:
        return None  # "The company and France's secretary of state, NAME,": the name is one of two
    word = head[cut - 1] if cut else ""
    if word in _HEAD_ACRONYMS:
        return False
    if not word.islower() or not (word in _people_nouns() or (loose and _AGENT_SUFFIX.search(word))):
        return None
    return word in ("people", "men", "women") or (word.endswith("s") and not word.endswith("ss"))


# A noun for what a person does by its ending ("sociologist", "committeeman", "editor", "advocate"),
# read only when the appositive's name opens with a given name: the lists of people nouns miss
# most roles (appos12 audit, PolNeAR train: "an influential Russian sociologist, NAME," "The
# state's Republican national committeeman, NAME,").
_AGENT_SUFFIX = re.compile(r"(?:er|or|ist|ian|man|woman|person|ee|ant|ent|ate)s?$|(?:men|women)$")
_HEAD_ACRONYMS = frozenset({"CEO", "CFO", "COO", "CTO"})


@cache
def _people_nouns() -> frozenset[str]:
    """Nouns for people, singular and plural: the role words, source_kinds.json 'groups' and
    people_nouns.txt ("candidate", "spokeswoman", "analysts")."""
    words = (*role_words(), *load_json("source_kinds.json")["groups"], *load_lines("people_nouns.txt"))
    return frozenset(f for w in words if w.isalpha() for f in (w, w + "s")) | {"people", "men", "women"}


def _titled_person(part: str, places: frozenset[str]) -> str | None:
    """A person's name as an appositive writes it, titles kept as a plain subject keeps them
    ('Secretary of State Hillary Clinton', 'Indiana Gov. Mike Pence'); after a lower-case role word
    only the name ('Florida governor Jeb Bush' -> 'Jeb Bush'). None without a full name at its end."""
    words = part.split()
    roles = role_words()
    if not words or not all(_NAME_WORD.match(w) or w in ("of", "de") or w.lower() in roles for w in words):
        return None
    tail = _FULL_NAME_TAIL.search(part)
    if tail is None or tail.group("name") in places or words[0] in ("of", "de"):
        return None
    lower = [i for i, w in enumerate(words) if w[:1].islower() and w not in ("of", "de")]
    named, _, of = part.partition(" of ")
    if of and is_given_name(words[0]) and len(named.split()) >= 2:
        return named  # "David Woodard of Clemson University": the body is where the person works
    return tail.group("name") if lower else part
