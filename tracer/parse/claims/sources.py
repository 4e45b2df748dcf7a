"""Sources within one document: names resolved to one entry per real-world source, aliases merged.

Two mentions are one source only on positive evidence: the same name; a proper name and its
leading words ("Yonhap" / "Yonhap News Agency"); a listed short form ("NY Times"); an acronym
of the name ("NIS"); a person's name with or without first name and title ("Mr. Trump" /
"Donald Trump") when no other person shares it; or a description of the same class of body
in the same country ("Seoul's spy agency" / "South Korea's National Intelligence Service",
"the agency" for the latest agency mentioned). Sharing a word is never enough: "intelligence"
and "Western intelligence" stay apart, because a wrong origin is worse than none.

`SourceRegistry` is the one source model: it hands out every source id (s1, s2, …) and the
`SourceRef`s hops carry. The trail extends it (`tracer.trail.sourcebook`) to merge the sources
of followed documents into the input's list, by the stricter `name_key` rule.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from tracer.datafiles import load_json, load_lines
from tracer.models import Platform, Source, SourceKind, SourceRef
from tracer.parse.claims.people import People, given_name_gender, is_given_name, name_gender
from tracer.text import latin_names, squash
from tracer.words import MONTH_NAMES, MONTHS, PERSON_PRONOUNS, WEEKDAYS

_POSSESSIVE = re.compile(r"^(?P<owner>(?:[A-Z][\w.&-]*\s+){0,3}[A-Z][\w.&-]*)[’']s?\s+(?P<rest>.+)$", re.DOTALL)
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_INDEFINITE = re.compile(r"^(?:a|an|another|one|two|three|some|several|many|other|few)\b", re.IGNORECASE)
_WORD = re.compile(r"[\w.-]+")
_CUT = re.compile(
    r",\s|\s(?:who|which|whose|that)\s|\s[—–]\s|\s\(|"
    # "Mrs. Clinton -- whose husband ...", "Sanders - who ...": the dash typed as one or two hyphens
    # (NYT, Washington Post, USA Today); a dash aside was shown in the name, or a lone "-" ending it
    # (aside9 audit: PolNeAR train, 23 sources in 15 articles)
    r"\s-{1,2}\s|\s-{1,2}$|\s(?:seen|obtained|reviewed|cited|quoted) by\s"
    # "Montoya-Lewis herself", "Noel and Thomas both": an emphatic pronoun or a floating quantifier;
    # "both" after a preposition opens its object ("officials in both cities", "Organizers of both
    # conventions"), cut there the name shown was "officials in" (names10 audit, PolNeAR train at
    # c412e89: 11 names in 10 articles)
    r"|\s(?:himself|herself|themselves|itself)\b"
    r"|(?<!\bin)(?<!\bof)(?<!\bon)(?<!\bfor)(?<!\bfrom)(?<!\bat)(?<!\bwith)(?<!\bamong)(?<!\bby)\sboth\b"
    # "CEO Craig Menear in the company's news release": where it was said, not who said it
    r"|\sin\s(?:a|an|the|his|her|its|their|[\w’'.-]+[’']s?)\s(?:[\w’'-]+\s){0,3}?"
    r"(?:release|statement|interview|letter|post|tweet|email|e-mail|op-ed|memo|filing|note|briefing|conference|speech)\b"
    # "MOTIE in August", "the ministry on Monday": when, not who ("figures released in July" are those figures)
    rf"|(?<!ed)\s(?:in|on)\s(?:{'|'.join(m.capitalize() for m in (*MONTH_NAMES, *WEEKDAYS))})\b"
)
# 'water in vapor form," lead researcher ... Lucas Paganini': a quotation's end inside a mention
# Cue verbs a defining relative clause must not hold ("the man who told reporters"): its words are
# then an attribution of their own.
_CUE_WORD = re.compile(r"(?:said|says|told|tells|spoke|speaks|wrote|writes|asked|added|reported|posted|tweeted)$")
# "in Greenbelt, Maryland": a town after "in", then one capitalised word closing the mention or
# followed by a comma (its state or country).
_PLACE_COMMA = re.compile(r"\bin\s+[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)?$")
_STATE_AFTER = re.compile(r"(?:(?:New|North|South|West|Rhode)\s+)?[A-Z][a-z]+(?=,|$)")
_QUOTE_END = re.compile(r"^.*[,.!?][\"”’]\s+(?=\S)", re.DOTALL)
_ACRONYM = re.compile(r"^[A-Z][A-Z.&]{1,7}$")
_SPOKES = re.compile(r"\bspokes(?:man|woman|person|people)\b", re.IGNORECASE)
_BODY_HEADS = frozenset({"unit", "operator", "regulator", "authority", "board", "team", "body", "provider", "utility"})
_PLATFORMS = frozenset(p.value for p in Platform)  # "Twitter Tuesday" is no one's name
_DETERMINERS = frozenset(
    {
        "all",
        "every",
        "some",
        "many",
        "most",
        "few",
        "several",
        "both",
        "each",
        "no",
        "any",
        "other",
        "our",
        "my",
        "your",
        "their",
        "his",
        "her",
        "its",
        "this",
        "that",
        "these",
        "those",
        "the",
        "a",
        "an",
    }
)
_FILLER = frozenset({"of", "the", "and", "for", "&"})
# Role words that may stand before a personal name ("Defence Minister Boris Pistorius").
_ROLE_WORDS = frozenset(
    {"minister", "secretary", "spokesman", "spokeswoman", "spokesperson", "chief", "envoy", "ambassador"}
)
_NOT_ROLES = frozenset({"the", "former", "u.s.", "us"})
# A relative clause opening a description: "a senior who ...", ", who is black".
_RELATIVE = re.compile(r"\s(?:who|whose|which|that)\s")
_WHO = re.compile(r"^,?\s+who\s")
_DESCRIPTION = re.compile(r"^(?:,\s|\s\(|\s(?:who|whose|which|that)\s)")
PRONOUNS = {
    **dict.fromkeys(PERSON_PRONOUNS, "person"),
    "it": "thing",
    "its": "thing",
    "they": "group",
    "them": "group",
    "their": "group",
}
FIRST_PERSON = frozenset({"i", "me", "my", "we", "us", "our"})


# A contraction's tail after "I" or "we": "I’d rather ...", "we’ve", "I'm".
_CONTRACTION = re.compile(r"[’'](?:d|m|ve|ll|re|s)$", re.IGNORECASE)


def is_first_person(word: str) -> bool:
    """Whether a word is the writer's or speaker's own "I", "we", "us": not "US", the country,
    which lower-cases to "us" (a sentence mentioning "US history" was taken for the newsroom's
    own voice and lost its link claim; a source "US" for the speaker's "us"). A contraction
    ("I’d rather claim asylum ...") is the same first person: as a name it was shown as the
    source "I’d" (gold_fresh6a)."""
    word = _CONTRACTION.sub("", word.strip()) if word.strip()[:1] in "IiWw" else word.strip()
    return word.lower() in FIRST_PERSON and word != "US"


@cache
def _aliases() -> dict[str, Any]:
    data: dict[str, Any] = load_json("source_aliases.json")
    return data


@cache
def _outlet_forms() -> dict[str, str]:
    forms = {}
    for canonical, short in _aliases()["outlets"].items():
        for form in (canonical, *short):
            forms[form] = canonical
    return forms


@dataclass(frozen=True)
class Name:
    """A source mention broken into the parts alias matching compares."""

    text: str
    place: str | None
    body: str
    proper: bool
    cls: str | None

    @property
    def words(self) -> list[str]:
        """The body's words."""
        return self.body.split()


def name_key(name: str) -> str:
    """Comparison key for a source name: no article, possessive 's, punctuation or case."""
    name = re.sub(r"['’]s\b", "", name.strip())
    return re.sub(r"[^\w ]+", "", _ARTICLE.sub("", name)).lower().strip()


def core(mention: str) -> str:
    """A mention without its appositive or relative clause: "Lee, a lawmaker who ..." -> "Lee"."""
    return _without_age(_without_wh(_core(mention)))


def _core(mention: str) -> str:
    mention = _unglued(_QUOTE_END.sub("", mention))
    match = _CUT.search(mention)
    while match and _PLACE_COMMA.search(mention, 0, match.start()) and _STATE_AFTER.match(mention, match.end()):
        match = _CUT.search(mention, match.end())  # "... in Greenbelt, Maryland": one place, not an appositive
    if match and match.start() > 0 and _defining(mention, match):
        after = _CUT.search(mention, match.end())
        return _without_locale(mention[: after.start() if after else len(mention)].strip(" ,"))
    kept = mention[: match.start()].strip(" ,") if match and match.start() > 0 else mention.strip(" ,")
    return _without_time(_without_topic(_without_locale(kept)))


# A question word before a source: "how many political experts viewed it", "what a partner at the
# firm told him", "which many voters believe"; "which" only before a determiner or quantifier (a
# "which" before a verb is the subject itself: "which get answered").
_WH_LEAD = re.compile(
    r"^(?:how|what|why|which(?=\s+(?:the|a|an|many|most|some|several|few|his|her|their|its|our|these|those)\b))"
    r"\s+(?=\S+\s*\S)"
)


def _without_wh(name: str) -> str:
    """'how many political experts' -> 'many political experts': the question word opens the
    clause the source is the subject of ("that's how many political experts viewed ..."), not
    the source's name (audit15: 11 first hops of PolNeAR train, "how Bernie Sanders" 4 times).
    Lower case only: "How" and "What" open names ("What Works Clearinghouse")."""
    return _WH_LEAD.sub("", name, count=1)


# An age before a full name: "82-year-old Richard Viguerie", "the 17-year-old Jared Potts".
_AGE_LEAD = re.compile(r"^(?:(?:the|an?)\s+)?\d{1,3}-year-old\s+(?P<name>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)+)$")


def _without_age(name: str) -> str:
    """'82-year-old Richard Viguerie' -> 'Richard Viguerie': an age says how old, not who; shown
    whole it was no name a researcher looks up, and it never matched the person's later mentions
    (audit15: 36 first hops of PolNeAR train, "82-year-old Richard Viguerie" 26 times). Only before
    a name of two or more capitalised words: "the 17-year-old Muslim student" stays a description."""
    match = _AGE_LEAD.match(name)
    return match.group("name") if match else name


# A proper name, then when it was said: "Broaddrick Sunday night", "Sanders during a Sunday",
# "Reuters today". The capitalised words before a day are the name (names12 audit of PolNeAR train).
_TIME_TAIL = re.compile(
    r"^(?P<keep>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})\s+(?:(?:during|on|late|early|last|this)\s+(?:a\s+|the\s+)?)?"
    rf"(?:{'|'.join(w.capitalize() for w in WEEKDAYS)}|today|yesterday|tonight)"
    r"(?:\s+(?:night|morning|afternoon|evening))?$"
)
# Days named with a word before them: "Super Tuesday", "Black Friday", "Good Friday".
_DAY_NAMES = frozenset({"super", "black", "good", "cyber", "holy", "ash", "palm", "easter", "giving"})


def _without_time(name: str) -> str:
    """'Broaddrick Sunday night' -> 'Broaddrick': a day after a name says when, not who; shown
    whole it matched no other mention of the person. Named days ("Super Tuesday") stay."""
    match = _TIME_TAIL.match(name)
    if match is None or match.group("keep").split()[-1].lower() in _DAY_NAMES | {"the", "a", "an"}:
        return name
    return match.group("keep")


# "Martinez of the visit by the SENAIN chief": a proper name, then "of" and a determiner and
# lower-case words, which say what the quotation was about when the speaker closes it ("'…,'
# said Martinez of the visit").
_TOPIC_TAIL = re.compile(
    r"^(?P<keep>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})\s+of\s+"
    r"(?P<np>(?:the|a|an|his|her|their|its|this|that|these|those)\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)*)(?:\s.*)?$"
)
_PHRASE_BREAK = frozenset({"by", "of", "in", "at", "for", "on", "with", "from", "to", "and", "or", "who", "which"})
# A count or quantifier before "of" ("Two of the security guards", "Some of those surveyed"): the
# "of" phrase is the group counted, the source itself, never what they spoke of. Cut to "Two"
# and "Some", these were shown as sources (prec6 audit: PolNeAR train 793 and an earlier audit's
# "Two of the security guards"). Numbers to twenty and the partitive quantifiers of English.
_PARTITIVE = re.compile(
    r"^(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen|twenty|some|many|most|several|none|both|each|all|half|few|any|"
    r"either|neither|dozens|hundreds|thousands|millions|scores)$",
    re.IGNORECASE,
)


def _without_topic(name: str) -> str:
    """'Martinez of the visit by the SENAIN chief' -> 'Martinez': the "of" phrase after a name
    is what they spoke of unless it names a body or group they belong to ("Ruiz of the city
    council", "Lee of the band", `membership_nouns.txt`); the whole was shown as the source."""
    match = _TOPIC_TAIL.match(name)
    if match is None or match.group("keep").split()[0] in ("The", "A", "An") or _PARTITIVE.match(match.group("keep")):
        return name
    words = match.group("np").split()
    head = next((i for i, w in enumerate(words[1:], 1) if w in _PHRASE_BREAK), len(words))
    phrase = " ".join(words[:head])
    if head < 2 or words[head - 1] in _membership() or guess_kind(phrase) != SourceKind.UNKNOWN:
        return name
    return match.group("keep")


@cache
def _membership() -> frozenset[str]:
    """Collective nouns a speaker belongs to (`membership_nouns.txt`), singular and plural."""
    words = load_lines("membership_nouns.txt")
    return frozenset(words) | frozenset(w + "s" for w in words)


# "One student at Duke University in Durham, North Carolina": a description, a named body after
# "at"/"of"/"for"/"from", then where that body is ("in" a town, perhaps its state).
_LOCALE_TAIL = re.compile(
    r"^(?P<keep>(?i:the|a|an|one|another|two|three|some|several)\s.*\b(?:at|of|for|from)\s+(?:the\s+)?"
    r"[A-Z][\w.&’'-]*(?:\s+(?:of\s+)?[A-Z][\w.&’'-]*)*)\s+in\s+[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)?"
    r"(?:,\s+(?:(?:New|North|South|West|Rhode)\s+)?[A-Z][a-z]+)?$"
)


def _without_locale(name: str) -> str:
    """'One student at Duke University in Durham, North Carolina' -> 'One student at Duke
    University': the town says where the named body is, not who speaks (the whole was shown as the
    source, gold_fresh4a). Only after a body named with capitals: 'a doctor in Gaza' keeps its place."""
    match = _LOCALE_TAIL.match(name)
    if match is None or not match.group("keep").split()[-1][:1].isupper():
        return name
    return match.group("keep")


# A lower-case letter glued to a capital: where a page's hover card runs into a linked name.
_GLUE = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")


def _unglued(mention: str) -> str:
    """'South Dakota Gov. Kristi NoemKristi Lynn NoemSouth Dakota governor': a hover card glued to
    a linked name repeats it, so the name ends at the glue (gold_text; shown as the source name, it
    matched no gold hop). Only when the glued-on words repeat the word before the glue, so
    'McDonald' and 'DeSantis' stay whole."""
    for glue in _GLUE.finditer(mention):
        before = mention[: glue.start()].split()
        tail = re.split(r"(?<=[a-z])(?=[A-Z])", before[-1])[-1] if before else ""
        if len(tail) > 2 and re.search(rf"\b{re.escape(tail)}(?![a-z])", mention[glue.start() :]):
            return mention[: glue.start()]
    return mention


def _defining(mention: str, cut: re.Match[str]) -> bool:
    """Whether a relative clause tells which one a bare description means ("The logger who stayed
    back said", "the woman who found him"): no comma before it, a description with no name of its
    own, a clause of a few words with no cue verb. Cut off, the source was "The logger", one of two."""
    if cut.group(0).strip() not in ("who", "that"):
        return False
    head = mention[: cut.start()].split()
    after = _CUT.search(mention, cut.end())
    clause = mention[cut.end() : after.start() if after else len(mention)].split()
    return (
        1 < len(head) <= 3
        and head[0].lower() in ("the", "a", "an", "one", "another")
        and all(w[:1].islower() for w in head[1:])
        and 0 < len(clause) <= 4
        and not any(_CUE_WORD.match(w) for w in clause)
    )


def parse_name(text: str) -> Name:
    """Split a mention into place qualifier, body, proper-ness and class."""
    places = _aliases()["places"]
    place = None
    rest = text.strip()
    match = _POSSESSIVE.match(rest)
    if match and match.group("owner").lower() in places:
        place, rest = places[match.group("owner").lower()], match.group("rest")
    rest = _ARTICLE.sub("", rest)
    words = rest.split()
    for n in (2, 1):
        lead = " ".join(words[:n]).lower()
        if place is None and len(words) > n and lead in places and not words[n][:1].isupper():
            place, words = places[lead], words[n:]  # "South Korean lawmakers"
    body = re.sub(r"[^\w .&-]+", "", " ".join(words)).lower().strip()
    proper = bool(words) and all(w[:1].isupper() or w.lower() in _FILLER for w in words)
    return Name(text, place, body, proper, _class_of(body))


def _class_of(body: str) -> str | None:
    classes: dict[str, list[str]] = _aliases()["classes"]
    for cls, forms in classes.items():
        if any(body == f or body.endswith(" " + f) for f in forms):
            return cls
    return None


def _strip_titles(body: str) -> list[str]:
    titles = _titles()
    words = [w.strip(".") for w in body.split()]
    while len(words) > 1 and words[0] in titles:
        words = words[1:]
    return words


@cache
def _titles() -> frozenset[str]:
    return frozenset(_aliases()["titles"])


def is_place(name: str) -> bool:
    """Whether `name` is a country, capital or region of the place lexicon ("Kiev", "Washington")."""
    return name.lower() in _aliases()["places"]


def guess_kind(name: str, description: str = "") -> SourceKind:
    """A first guess at what kind of source a mention is, from the keyword lists in `source_kinds.json`.

    Args:
        name: The name as written, without appositive ("Lee Seong-kweun").
        description: The rest of the mention ("a lawmaker who spoke to reporters").
    """
    table: dict[str, list[str]] = load_json("source_kinds.json")
    if _has_keyword(_lead_title(name), table["person"]):
        return SourceKind.PERSON
    if _has_keyword(description, table["person"]) and not _body_head(name, table):
        return SourceKind.PERSON  # not "The National Security Committee, chaired by Prime Minister ..."
    if _titled_person(name):
        return SourceKind.PERSON
    if _office_appositive(description, table) and guess_kind(name) in (SourceKind.PERSON, SourceKind.UNKNOWN):
        return SourceKind.PERSON  # the body in the appositive is whom they work for
    lowered = f"{name} {description}"
    spokes = _SPOKES.search(name)
    if spokes is not None:
        return _spokesperson_kind(name[: spokes.start()] + name[spokes.end() :])
    head = _head(name)
    if head in _document_heads() and (not name[:1].isupper() or _lead_det(name)):
        return SourceKind.DOCUMENT  # "an internal memo", "Data from the statistics office"
    if _masthead(name.split(), table):
        return SourceKind.OUTLET  # "Indianapolis Star", "Boston Globe": a newspaper, not a "star"
    if head in table["person"] and not _has_keyword(lowered, table["anonymous"]):
        return SourceKind.PERSON  # "his lawyer", "a New York Times reporter", "the congressman"
    if _ends_in_full_name(name, table):
        return SourceKind.PERSON  # "Senate Majority Leader Mitch McConnell", "FBI general counsel James Baker"
    for kind in ("anonymous", "outlet", "government", "organisation", "unnamed"):
        if _has_keyword(lowered, table[kind]):
            return SourceKind(kind)
    if head in table["groups"] or (head.endswith("s") and head[:-1] in table["person"]):
        return SourceKind.UNNAMED  # "voters", "scientists", "Trump-supporting students"
    if name.lower() in _aliases()["places"]:
        return SourceKind.GOVERNMENT  # "Kiev has spoken of ...", "Washington said"
    if re.sub(r"^the\s+", "", name.lower()) in _PLATFORMS:
        return SourceKind.ORGANISATION  # "Twitter said ... It added that": the company, an "it"
    words = name.split()
    body = _named_body(words)
    if body is not None:
        return body
    if 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words) and not _not_personal(words):
        return SourceKind.PERSON
    if _WHO.match(description) and name[:1].isupper():
        return SourceKind.PERSON  # "said Brown, who is black": "who" is said of people, "which" of bodies
    return SourceKind.UNKNOWN


def _named_body(words: list[str]) -> SourceKind | None:
    """The kind of a Title-Case name that is a place ('South Carolina', place_names.txt) or ends
    in a body's head noun ('Emerson College', 'Maricopa County', body_name_heads.json): it has the
    shape of a person's full name, and was taken for one, so a 'he' went to it (animacy11 audit).
    None for a name that opens with a given name ('Frank Church') or is no Title-Case name."""
    words = words[1:] if words[:1] in (["The"], ["the"]) else words  # "the Supreme Court"
    if not 2 <= len(words) <= 5 or not all(w[:1].isupper() for w in words):
        return None
    if " ".join(words) in place_names():
        return SourceKind.GOVERNMENT  # a place speaks through its government, as "Kiev said"
    last = words[-1].lower().strip(".,’'")
    if is_given_name(words[0]) or words[0].lower() in _DETERMINERS:
        return None
    heads: dict[str, list[str]] = load_json("body_name_heads.json")
    return next((SourceKind(k) for k in ("organisation", "government", "outlet", "unknown") if last in heads[k]), None)


@cache
def place_names() -> frozenset[str]:
    """Places of two or three capitalised words (place_names.txt), read once for guess_kind and claims/resolve.py."""
    return frozenset(load_lines("place_names.txt"))


def _ends_in_full_name(name: str, table: dict[str, list[str]]) -> bool:
    """Whether a mention ends in a given name and a surname: a person, whatever body words come
    before ("Senate Majority Leader Mitch McConnell" was a government, so no "he" was his, issue
    14 audit). Not when the last word names a body ("George Washington University")."""
    words = name.split()
    if len(words) < 3 or not words[-1][:1].isupper() or not is_given_name(words[-2]):
        return False
    last = words[-1].lower()
    return not any(last in table[kind] for kind in ("government", "organisation", "outlet"))


def _body_head(name: str, table: dict[str, list[str]]) -> bool:
    """Whether a mention's head noun names a body ("The National Security Committee"): a person
    word in its appositive is then whom it belongs to or who chairs it, not what it is."""
    head = _head(name)
    return any(head in table[kind] for kind in ("government", "organisation", "outlet"))


def _office_appositive(description: str, table: dict[str, list[str]]) -> bool:
    """Whether an appositive says what office its name holds: ", local president of the prison
    workers' union", ", a spokesperson for Inherent Resolve, the U.S. military operation". The body
    it names made the speaker a government or a union, so "she said" a line later, finding no
    person to stand for, was left unresolved."""
    match = re.match(r",\s+(?P<role>[^,(]+)", description)
    if match is None:
        return False
    # "Daniel, a New York University senior who didn't want ...": the role ends where its relative
    # clause starts (its head was read as "climate", and "University" made him a body, gold_fresh4a)
    head = _head(_RELATIVE.split(match.group("role"), maxsplit=1)[0])
    return head in table["person"] or head in table["offices"]


@cache
def _document_heads() -> frozenset[str]:
    """Record nouns (data/claim_kinds.json, shared with claims/kinds.py): sources of kind document."""
    return frozenset(load_json("claim_kinds.json")["documents"])


def _lead_det(name: str) -> bool:
    """A mention opening with a determiner or with a record noun itself ("The log", "Data from ...")."""
    first = name.split()[0].lower() if name.split() else ""
    return first in _DETERMINERS or first in _document_heads()


def _masthead(words: list[str], table: dict[str, list[str]]) -> bool:
    """Whether a Title-Case name ends in a newspaper's masthead word (source_kinds.json
    'mastheads') and opens with no given name: 'Kansas City Star', 'The Plain Dealer', not 'Li Sun'."""
    the = bool(words) and words[0].lower() == "the"
    words = words[1:] if the else words
    if not (1 if the else 2) <= len(words) <= 5 or not all(w[:1].isupper() for w in words):
        return False
    if is_given_name(words[0]) or words[0].lower() == "medical":
        return False  # "Charlotte Observer" goes unrecognised; "the Medical Examiner" is an office
    return words[-1].lower() in table["mastheads"] or " ".join(words[-2:]).lower() in table["mastheads"]


# Words that make a group of a person's name: "Team Trump", "Camp Clinton".
_CAMPS = frozenset({"team", "camp"})


def _not_personal(words: list[str]) -> bool:
    """'Twitter Tuesday', 'Facebook Live', 'March Madness': capitalised, but not a person's name."""
    lowered = {w.lower().strip(".,’'") for w in words}
    if words[0].lower() in _DETERMINERS:
        return True  # "All Members of Parliament"
    if words[0].lower() in _CAMPS:
        return True  # "Team Trump" is his campaign, no person ("Ivanka Trump" was merged into it, hops8 audit)
    return not lowered.isdisjoint(MONTHS) or not lowered.isdisjoint(WEEKDAYS) or not lowered.isdisjoint(_PLATFORMS)


# A past participle that places a mention in another thing ("another study referenced in the
# report", "a poll published by the Times"): it ends the mention's head phrase.
PLACED_IN = r"\s\w+ed\s(?:in|by)\s"


def _head(name: str) -> str:
    """The head noun of a mention, lower-cased: 'his nominee for commerce secretary' -> 'nominee',
    'another study referenced in the report' -> 'study' (a past participle ends the head phrase)."""
    before = re.split(r"\s(?:of|for|at|with|from|in|on)\s|" + PLACED_IN, name, maxsplit=1)[0]
    words = before.split()
    return re.sub(r"[’']s?$", "", words[-1].lower()).strip(".,") if words else ""


def _spokesperson_kind(principal: str) -> SourceKind:
    """'a WeWork spokesperson', 'a State Department spokesman': the kind of whom they speak for.

    A spokesperson speaks for a body: the source is of its kind (a government's spokesman is
    the government speaking). Speaking for a person or for a body the lexicons do not know,
    the spokesperson is counted as a person.
    """
    principal = re.sub(r"^\s*(?:an?|the)\s+|\s+(?:for|of)\s+(?:the\s+)?|^\s*for\s+", " ", principal).strip()
    kind = guess_kind(principal) if principal else SourceKind.UNKNOWN
    if kind in (SourceKind.GOVERNMENT, SourceKind.OUTLET, SourceKind.ORGANISATION):
        return kind
    return SourceKind.PERSON


def _titled_person(name: str) -> bool:
    """'Defence Minister Boris Pistorius', 'President Joe Biden': a role, then a personal name."""
    words = name.split()
    roles = (set(_aliases()["titles"]) | set(load_json("source_kinds.json")["person"]) | _ROLE_WORDS) - _NOT_ROLES
    last_role = max((i for i, w in enumerate(words[:-1]) if w.lower().strip(".") in roles), default=-1)
    rest = words[last_role + 1 :]
    return last_role >= 0 and 2 <= len(rest) <= 3 and all(w[:1].isupper() for w in rest)


def _lead_title(name: str) -> str:
    return name.split()[0] if name.split() else ""


def _has_keyword(text: str, keywords: list[str]) -> bool:
    if not text:
        return False
    lowered = text.lower()
    found = _WORD.findall(lowered)
    singles, phrases = _split_keywords(tuple(keywords))
    return not singles.isdisjoint({*found, *(w.strip(".") for w in found)}) or any(p in lowered for p in phrases)


@cache
def _split_keywords(keywords: tuple[str, ...]) -> tuple[frozenset[str], tuple[str, ...]]:
    """Single words (matched as whole words) and phrases (matched as substrings) of a keyword list."""
    return frozenset(k for k in keywords if " " not in k), tuple(k for k in keywords if " " in k)


class SourceRegistry:
    """Collects the sources named in a document and merges aliases; the only place ids are given.

    Mentions are resolved in text order; `at` (a character offset) records where each source
    was last mentioned, so descriptions ("the agency") and pronouns pick the latest fitting one.

    Args:
        people: The people the document introduces ("chair Marcelo Claure").
        sources: Sources already known (the input's, when the trail continues its list); the
            list is extended in place and new ids follow on from its highest.
    """

    def __init__(self, people: People | None = None, sources: list[Source] | None = None) -> None:
        self.people = people or People()
        self._sources: list[Source] = sources if sources is not None else []
        self._names: dict[str, list[Name]] = {}
        # Look-ups that keep each mention's cost independent of how many sources came before it:
        # the sources each name key points at (see `_keys`), where each source stands in
        # `_sources`, and where it was last mentioned in `_seen`.
        self._index: dict[str, set[str]] = {}
        self._position: dict[str, int] = {}
        self._last_seen: dict[str, int] = {}
        self._next_number = 1
        for source in self._sources:
            self._register(source, [parse_name(n) for n in (source.name, *source.aliases)])
        self._seen: list[tuple[int, Source]] = []

    @property
    def sources(self) -> list[Source]:
        """All sources, in order of first mention."""
        return list(self._sources)

    def get(self, source_id: str) -> Source:
        """The source with this id (one this registry gave out)."""
        found = self.find(source_id)
        if found is None:
            raise KeyError(source_id)
        return found

    def find(self, source_id: str) -> Source | None:
        """The source with this id, or None (by its position: a scan per look-up was quadratic)."""
        index = self._position.get(source_id)
        if index is not None:
            return self._sources[index]
        return next((s for s in self._sources if s.id == source_id), None)  # added to the list by hand

    def ref(self, source_id: str) -> SourceRef:
        """The current reference for a source id (names, handles and kinds may have been filled in)."""
        return self.get(source_id).ref()

    def account(self, source_id: str, handle: str | None, display_name: str | None) -> str | None:
        """The source a post names as its author, given the one its author resolved to: only a sure one.

        Sure is the post's handle on the source, or (the source having no other handle) the post's
        display name as the source's name, case and spacing aside ("Reuters" posting as @Reuters
        after the text named Reuters). A looser resolution (a surname, an alias) stays the hop's.
        """
        source = self.get(source_id)
        if handle and source.handle == handle:
            return source.id
        if handle and source.handle:
            return None  # another account that goes by the same name
        named = display_name is not None and squash(display_name).casefold() == squash(source.name).casefold()
        return source.id if named else None

    def _register(self, source: Source, names: list[Name]) -> None:
        """Index a source already in `_sources` (given to the registry, or just created)."""
        self._position[source.id] = len(self._position)
        self._names[source.id] = []
        if source.id[1:].isdigit():
            self._next_number = max(self._next_number, int(source.id[1:]) + 1)
        for parsed in names:
            self._add_name(source, parsed)

    def _add_name(self, source: Source, parsed: Name) -> None:
        self._names[source.id].append(parsed)
        for key in _keys(parsed):
            self._index.setdefault(key, set()).add(source.id)

    def _candidates(self, parsed: Name) -> list[Source]:
        """The sources sharing a key with a mention, in order of first mention: every source
        `_same_name`, `_person_match` or `_described` could accept, and usually few more."""
        ids: set[str] = set()
        for key in _keys(parsed, query=True):
            ids |= self._index.get(key, set())
        return [self._sources[self._position[i]] for i in sorted(ids, key=self._position.__getitem__)]

    def _new(self, name: str, kind: SourceKind, handle: str | None = None, url: str | None = None) -> Source:
        """A new source with the next free id: s1, s2, … after the highest already given."""
        source = Source(id=f"s{self._next_number}", name=name, kind=kind, handle=handle, url=url)
        self._sources.append(source)
        self._register(source, [])
        return source

    def _alias(self, source: Source, name: str, parsed: Name | None = None) -> None:
        """Record another name for a source (it is then matched by that name too)."""
        source.aliases.append(name)
        self._add_name(source, parsed or parse_name(name))

    def resolve(
        self, name: str, kind: SourceKind | None = None, handle: str | None = None, *, at: int = -1, full: str = ""
    ) -> Source:
        """The source a mention refers to, created on first mention.

        Args:
            name: The mention without appositive (see `core`).
            kind: The kind when the caller knows it (post authors are social accounts).
            handle: A social handle; accounts with the same handle are one source.
            at: Where the mention is, for recency.
            full: The whole mention, appositive included, for guessing the kind.
        """
        # Names are shown with plain spaces: web copy puts no-break spaces inside and at the ends of
        # names ("Gov.\xa0John Kasich", "Donald Trump\xa0"), shown as they were (names10 audit,
        # PolNeAR train at c412e89: 54 names in 41 articles, on 93 claims). Only here, where the
        # name is stored: the resolver still compares `core`'s output with the raw mention.
        name, full = squash(name), squash(full)
        name = self._staff_name(name) or name
        parsed = parse_name(name)
        found = self._find(parsed, handle)
        if found is None:
            rest = full[len(name) :] if full.startswith(name) else ""
            description = rest if _DESCRIPTION.match(rest) else ""
            found = self._add(parsed, kind or self._kind(name, description), handle)
        elif name != found.name and name not in found.aliases:
            self._alias(found, name, parsed)
            self._prefer_proper(found, parsed)
        self._seen.append((at, found))
        self._last_seen[found.id] = len(self._seen) - 1
        return found

    def _staff_name(self, name: str) -> str | None:
        """'Media Research Center’s Bozell' -> 'Brent Bozell III': a body's name, then a surname, is
        someone of that body whom the text names in full: the one person source with that surname,
        else the full name the text introduces, else its one given name before the surname. Shown
        as written, the body's name stood in front of the person's (audit15: 34 first hops of
        PolNeAR train, "Media Research Center’s Bozell" 30 times, "Purple PAC's Crane" for Ed Crane)."""
        match = _BODY_SURNAME.match(name)
        if match is None:
            return None
        surname = match.group("surname")
        sources = [s.name for s in self._sources if s.kind == SourceKind.PERSON and _family_word(s.name) == surname]
        if len(set(sources)) == 1:
            return sources[0]
        if surname in self.people.surnames:
            return self.people.surnames[surname]
        given = self.people.family_names.get(surname, set())
        return f"{next(iter(given))} {surname}" if len(given) == 1 else None

    def seen(self, source: Source, at: int) -> None:
        """Record a mention of `source` at `at` that named it by no name of its own (an epithet,
        "the Kentucky Republican"): the latest mention, so a "he" after it is not given to a
        person named before it (issue 14 audit)."""
        self._seen.append((at, source))
        self._last_seen[source.id] = len(self._seen) - 1

    def alias(self, source: Source, words: str) -> None:
        """Record a description the text ties to a named source ("the regional water company" for
        Eastvale Water), so its later mentions are that source too."""
        if words and words != source.name and words not in source.aliases:
            source.aliases.append(words)
            self._add_name(source, parse_name(words))

    def document(self, words: str) -> Source:
        """A document known only by a description ("the statement", "the report"), never matched by
        name: a later "the statement" may be another issuer's, and is resolved to its issuer afresh
        (hops15: registered by name, "The report highlights" after a cited study's report took that
        report alone, its maker lost, on 2 gold_fresh5a items)."""
        return self._new(squash(words), SourceKind.DOCUMENT)

    def _kind(self, name: str, description: str) -> SourceKind:
        if self.people.is_person(_ARTICLE.sub("", name)):
            return SourceKind.PERSON  # "Claure", introduced earlier as "executive chair Marcelo Claure"
        return guess_kind(name, description)

    def known(self, name: str) -> Source | None:
        """The source `name` would resolve to, if any, without recording a mention."""
        return self._find(parse_name(name), None)

    def unresolved(self, words: str) -> Source:
        """A source for a mention with no clear referent ("he" far from any person); never merged."""
        return self._new(squash(words), SourceKind.UNKNOWN)

    def latest(self, group: str, at: int, skip: Callable[[int], bool] | None = None) -> tuple[int, Source] | None:
        """The source last mentioned before `at` that a pronoun of `group` (person/thing/group) fits,
        passing over the mentions at positions `skip` rules out."""
        for position, source in reversed(self._seen):
            if position < at and _fits(group, source) and not (skip and skip(position)):
                return position, source
        return None

    def latest_where(self, at: int, within: int, test: Callable[[Source], bool]) -> tuple[int, Source] | None:
        """The source last mentioned in the `within` characters before `at` that passes `test`."""
        for position, source in reversed(self._seen):
            if at - within <= position < at and test(source):
                return position, source
        return None

    def latest_document(self, head: str, at: int, within: int) -> Source | None:
        """The document source last mentioned in the `within` characters before `at` whose name
        ends in `head` ("a criminal complaint affidavit from X" for a later "the affidavit")."""
        for position, source in reversed(self._seen):
            if position >= at:
                continue
            if at - position > within:
                return None
            if source.kind == SourceKind.DOCUMENT and source.name.lower().split()[-1:] == [head]:
                return source
        return None

    def _add(self, parsed: Name, kind: SourceKind, handle: str | None) -> Source:
        source = self._new(parsed.text, kind, handle)
        self._add_name(source, parsed)
        return source

    def _prefer_proper(self, source: Source, parsed: Name) -> None:
        """The name that says most becomes the source's name: a proper name over a description
        ("the agency" / "the National Intelligence Service"), a person's full name over a surname
        ("Noem" / "Governor Kristi Noem")."""
        current = parse_name(source.name)
        person = source.kind == SourceKind.PERSON or _lone_given_name(source.name)
        fuller = person and current.proper and _fuller(parsed, current)
        named = set(_strip_titles(parsed.body)) <= set(_personal_name(source.name))  # "... Joshua Levy" / "Levy"
        if parsed.proper and ((not current.proper and not named) or fuller):
            source.aliases.remove(parsed.text)
            source.aliases.insert(0, source.name)
            source.name = parsed.text

    def _find(self, parsed: Name, handle: str | None) -> Source | None:
        if handle:
            for source in self._sources:
                if source.handle and source.handle.lower() == handle.lower():
                    return source
        if not parsed.body or _INDEFINITE.match(parsed.text):
            return None  # "a source", "some officials": never merged
        candidates = self._candidates(parsed)
        exact = next((s for s in candidates if any(self._same_name(parsed, n) for n in self._names[s.id])), None)
        if exact:
            return self._surname_first(parsed, exact, candidates)
        persons = [s for s in candidates if s.kind == SourceKind.PERSON and self._person_match(parsed, s)]
        if len(persons) == 1:
            return persons[0]
        return self._described(parsed, candidates)

    def _same_name(self, a: Name, b: Name) -> bool:
        """`_same_name`, save a person's family name and a longer name that opens with it."""
        return _same_name(a, b) and not self._named_after_person(a, b)

    def _named_after_person(self, a: Name, b: Name) -> bool:
        """Whether one name is a lone word the text writes after a given name ("Trump" of "Donald
        Trump") and the other a longer name opening with it ("Trump Supporter" of a title-case
        headline, "Trump Organization"): a thing named after the person or about them, not the
        person; joined as "Yonhap" and "Yonhap News Agency" are, every "Trump said" showed "Trump
        Supporter" (names14 audit of PolNeAR train). The word stays a source of its own."""
        short, long = sorted((a, b), key=lambda n: len(n.body))
        word = short.text.strip()
        return (
            len(short.words) == 1
            and word in self.people.family_names
            and long.body.startswith(short.body + " ")
            and " and " not in long.body
        )

    def _surname_first(self, parsed: Name, exact: Source, candidates: list[Source]) -> Source:
        """A lone word that is one known person's surname and another's given name ("John" after
        "John Hammond" and "Tom John") means the person of that surname: news writing calls people
        by surname, so "John said" is Tom John (the earlier John Hammond took his words, names12
        audit of PolNeAR train). The match by a name's first word stays when no surname fits."""
        if len(parsed.words) != 1 or not parsed.proper:
            return exact
        if self._bare_word(exact) and not is_place(parsed.text):
            fuller = [s for s in candidates if s.kind == SourceKind.PERSON and self._name_part(parsed.body, s, -1)]
            return fuller[0] if len(fuller) == 1 and self._only_bearer(parsed.text.strip(), fuller[0]) else exact
        if not self._name_part(parsed.body, exact, 0):
            return exact  # "Christie" for a source once named "Christie" stays with it
        if self._name_part(parsed.body, exact, -1):
            return exact
        surnamed = (s for s in candidates if s.kind == SourceKind.PERSON and self._name_part(parsed.body, s, -1))
        return next(surnamed, exact)

    def _bare_word(self, source: Source) -> bool:
        """Whether a source is a lone capitalised word of no kind, never named more fully ("Trump"
        of a headline "Trump Says He ..."): a later "Trump said" is the one person the text
        names in full with that surname ("Donald Trump"), whom the headline's word meant too
        (names14: the headline's "Trump" took every later "Trump" once "Trump Says" no longer
        joined it, `_named_after_person`)."""
        return source.kind == SourceKind.UNKNOWN and all(len(n.words) == 1 for n in self._names[source.id] if n.proper)

    def _only_bearer(self, surname: str, person: Source) -> bool:
        """Whether `person` is the one person the text names with that surname: the only listed
        given name the text writes before it is the person's ("Donald" of "Donald Trump"). A text
        that names Bill and Hillary Clinton leaves a lone "Clinton" as written: which one it means
        the text does not say (names14: a debate's "Clinton" went to Bill Clinton, the one of
        them named as a source), and "Celebrating Clinton" of a headline has no given name."""
        given = self.people.family_names.get(surname, set())
        named = _given_and_family(person.name)
        return len(given) == 1 and named is not None and named[0] in {g.lower() for g in given}

    def _name_part(self, word: str, source: Source, at: int) -> bool:
        """Whether `word` is the first (`at` 0) or last (-1) word of one of a source's names of two
        words or more, titles left out; never a name of two people ("Trump and Paul Ryan")."""
        names = (_strip_titles(n.body) for n in self._names[source.id] if n.proper and " and " not in n.body)
        return any(len(t) > 1 and t[at] == word for t in names)

    def _person_match(self, parsed: Name, source: Source) -> bool:
        mine = _strip_titles(parsed.body)
        if self._other_gender(parsed, source) or self._other_given(parsed, source):
            return False
        for other in self._names[source.id]:
            theirs = _strip_titles(other.body) if other.proper else _personal_name(other.text)
            if not parsed.proper or not mine or not theirs or "and" in (*mine, *other.body.split()):
                continue  # "Carlson and Smith" are two people: "Carlson" is not that source
            if {name_gender(parsed.text), name_gender(other.text)} == {"m", "f"}:
                continue  # "Lady Starmer" is not "Sir Keir Starmer"
            small, large = sorted((mine, theirs), key=len)
            first = _first_name_of(small, large) and small[0].capitalize() not in self.people.family_names
            if set(small) <= set(large) and (small[-1] == large[-1] or first):
                return True
        return False

    def _other_given(self, parsed: Name, source: Source) -> bool:
        """Whether a full name and one of the source's names share a surname but not a given name
        ("Hillary Clinton" and "Chelsea Clinton", "Eric Trump" and "Donald Trump"): family members,
        whom the source's bare surname alias ("Clinton") does not make one person, even of one
        gender (names14 audit of PolNeAR train: "Hillary Clinton immediately posted" was shown as
        Chelsea Clinton). A given name that begins the other is a short form ("Ken"/"Kenneth")."""
        mine = _given_and_family(parsed.text)
        if mine is None:
            return False
        for other in self._names[source.id]:
            theirs = _given_and_family(other.text) if other.proper else None
            if theirs is None or theirs[1] != mine[1]:
                continue
            if not (theirs[0].startswith(mine[0]) or mine[0].startswith(theirs[0])):
                return True
        return False

    def _other_gender(self, parsed: Name, source: Source) -> bool:
        """Whether a full name's given name and one of the source's say different genders ("Melania
        Trump" and "Donald Trump"): its bare surname alias ("Trump") does not make them one person
        (issue 14 audit: her "She says" went to Donald Trump)."""
        mine = given_name_gender(parsed.text)
        if mine is None:
            return False
        return any(given_name_gender(n.text) not in (None, mine) for n in self._names[source.id] if n.proper)

    def _described(self, parsed: Name, candidates: list[Source]) -> Source | None:
        """A description ("the intelligence agency", "the agency") for the latest source it fits."""
        if parsed.proper and parsed.cls is None:
            return None
        seen = [s for s in candidates if s.id in self._last_seen]
        for source in sorted(seen, key=lambda s: self._last_seen[s.id], reverse=True):
            names = self._names[source.id]
            if parsed.cls and any(_same_class(parsed, n) for n in names):
                return source
            if _generic(parsed) and any(_generic_fits(parsed, n) for n in names):
                return source
        return None


def _keys(parsed: Name, *, query: bool = False) -> set[str]:
    """The index keys of a name. Any two names that `_same_name`, the person match or a description
    could join share one, and unrelated names rarely do (words every source shares, such as
    "officer" or "district", are no keys):

    * ``b:`` the body, ``o:`` its outlet's canonical form (same body, same outlet);
    * ``ai:`` the initials a name is known by and ``ab:`` the acronym a name is written as: an
      acronym asks for the names with those initials, a name for the acronyms of its initials
      ("NIS" / "National Intelligence Service"); names that merely share initials ("officer
      John Smith" / "Mr. Jones Stone") are never compared;
    * ``w:``/``p:`` a proper name's words and each of its leading runs of words: a name asks
      for the names it begins (``p:``) and for those that are its leading run (``w:``)
      ("Yonhap" / "Yonhap News Agency"; "Mr. Lee" and "Mr. Kim" are never compared);
    * ``lm:``/``ls:`` a longer proper name's last word and a one-word proper name ("Gazette" /
      "The Northfield Gazette"), each asking for the other;
    * ``pl:`` the last word of a person's name, titles left out, and its first word: ``p1:``
      for a one-word name, ``pf:`` for a longer one. The person match needs the same last
      word, or a one-word name that is the other's first ("Donald" / "Donald Trump"), so a
      one-word name asks for ``pf:`` and a longer one for ``p1:`` ("John Smith" and "John
      Stone" are never compared: a first name is shared by too many people);
    * ``c:`` its class, ``g:`` the generic heads among its words (descriptions: "the agency");
      ``cd:`` the class of a description, all a proper name asks for (two proper names of one
      class are never one source: `_same_class`).
    """
    keys = {"b:" + parsed.body}
    initials = "".join(w[0] for w in parsed.words if w not in _FILLER).upper()
    if 1 < len(initials) <= 8 and initials.isalpha():  # what an acronym (`_ACRONYM`) can stand for
        keys.add(("ab:" if query else "ai:") + initials)
    bare = parsed.text.strip()
    if _ACRONYM.match(bare):
        keys.add(("ai:" if query else "ab:") + bare.replace(".", ""))
    outlet = _outlet_forms().get(parsed.body)
    if outlet is not None:
        keys.add("o:" + outlet)
    words = parsed.words
    if parsed.proper and words:
        whole, runs = " ".join(words), [" ".join(words[:n]) for n in range(1, len(words))]
        keys |= {("w:" if query else "p:") + run for run in runs} | {("p:" if query else "w:") + whole}
        last = "lm:" if (len(words) > 1) != query else "ls:"
        keys.add(last + words[-1])
    for tokens in (_strip_titles(parsed.body), _personal_name(parsed.text)):
        if tokens and (parsed.proper or not query):
            first = "p1:" if (len(tokens) == 1) != query else "pf:"
            keys |= {first + tokens[0], "pl:" + tokens[-1]}
    if parsed.cls and not (query and parsed.proper):
        keys.add("c:" + parsed.cls)
    if parsed.cls and parsed.proper == query:  # a proper name joins only descriptions by class
        keys.add("cd:" + parsed.cls)
    if not query:
        head = _description_head(parsed)
        keys |= {"g:" + w for w in parsed.words if w in _aliases()["generic_heads"] and (parsed.proper or w == head)}
    elif _generic(parsed):
        keys.add("g:" + parsed.body)
        keys |= {"c:" + cls for cls in _aliases()["classes"] if parsed.body in cls}
    return keys


def _description_head(parsed: Name) -> str:
    """The head of a description, its last word before a phrase ("biases" ... "shown" of "The
    biases shown in the report"): a bare "the report" stands for a known description only by its
    head, never by a word of its phrase (regress11: "From the report:" took "The biases shown in
    the report" as its source). A proper name joins by any of its words ("Illinois Board of ...")."""
    words = parsed.words
    cut = next((i for i, w in enumerate(words) if w in _PHRASE_BREAK), len(words))
    return words[cut - 1] if cut else ""


# A body's capitalised name, its possessive, then one capitalised word: "Purple PAC's Crane".
_BODY_SURNAME = re.compile(
    r"^(?:[A-Z][\w.&-]*\s+){0,4}[A-Z][\w.&-]*[’']s\s+" + latin_names(r"(?P<surname>[A-Z][a-z][\w-]*)$")
)
_NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def _family_word(name: str) -> str | None:
    """The last word of a full name of two or more capitalised words, a suffix aside ("Brent
    Bozell III" -> "Bozell"); None for one word or a description."""
    words = [w.strip(",") for w in name.split()]
    while len(words) > 2 and words[-1].lower().strip(".") in _NAME_SUFFIXES:
        words = words[:-1]
    if len(words) < 2 or not all(w[:1].isupper() for w in words[-2:]):
        return None
    return words[-1]


def _personal_name(text: str) -> list[str]:
    """The capitalised words that end a description ('acting U.S. Attorney for Massachusetts
    Joshua Levy' -> massachusetts, joshua, levy), lower-cased: the name a surname can stand for."""
    words = text.split()
    tail: list[str] = []
    for word in reversed(words):
        if not word[:1].isupper() or word.lower().strip(".") in _aliases()["titles"]:
            break
        tail.insert(0, word.lower().strip(".,"))
    return tail if len(tail) >= 2 and len(tail) < len(words) else []


def _given_and_family(name: str) -> tuple[str, str] | None:
    """A name's given name and its last word, lower-cased: the first listed given name before the
    last word ("Democratic presidential candidate Hillary Rodham Clinton" -> hillary, clinton).
    None for a lone surname ("Mr. Brandt") or a name with no listed given name: a capitalised word
    before a surname is often no given name ("Neither Cruz", "Mr. Vander Plaats")."""
    words = [w.strip(".,’'") for w in name.split()]
    if len(words) < 2 or not words[-1][:1].isupper():
        return None
    given = next((w for w in words[:-1] if is_given_name(w)), None)
    return (given.lower(), words[-1].lower()) if given else None


def _first_name_of(small: list[str], large: list[str]) -> bool:
    """Whether a one-word name is the given name another opens with ("Marco" / "Marco Rubio"):
    only a name of two words or one opening with a listed given name, not a place or a body
    before a person's title and name ("Cleveland" was shown as "Cleveland Police Chief Calvin
    Williams", names14 audit of PolNeAR train)."""
    if len(small) != 1 or small[0] != large[0]:
        return False
    return len(large) == 2 or is_given_name(large[0].capitalize())


def _lone_given_name(name: str) -> bool:
    """'Hillary' of a headline ("Hillary Just Vowed To ..."): a listed given name alone, a person's
    name whatever kind it was guessed, so the full name the text gives next ("Hillary Clinton
    promised on Tuesday ...") is shown instead (audit15: "Hillary" stayed the name of the claims of
    the very sentence that names Hillary Clinton)."""
    words = name.split()
    return len(words) == 1 and is_given_name(words[0])


def _fuller(new: Name, current: Name) -> bool:
    """'Kristi Noem' is a fuller name than 'Noem' (it holds all its words and more)."""
    mine, theirs = new.body.split(), current.body.split()
    return len(mine) > len(theirs) and set(theirs) <= set(mine)


def _same_class(mention: Name, known: Name) -> bool:
    """A description and a name of the same class of body: "the spy agency" / "the NIS".

    Two proper names are never one source by class ("Reuters News Agency" is not Yonhap), and a
    proper name joins an earlier description only when both name the same country.
    """
    if mention.cls is None or mention.cls != known.cls or (mention.proper and known.proper):
        return False
    if mention.proper:
        return known.place is not None and known.place == mention.place
    return mention.place is None or mention.place == known.place


def _generic_fits(parsed: Name, known: Name) -> bool:
    """Whether a bare head noun ("the military", "Indian military") may stand for a known name:
    its head is among the name's words or class, and a place it names is the name's own
    ("Indian military" was joined to "Pakistan's military", gold_fresh)."""
    if parsed.place is not None and parsed.place != known.place:
        return False
    heads = known.words if known.proper else [_description_head(known)]  # not "The biases shown in the report"
    return parsed.body in heads or bool(known.cls and parsed.body in known.cls)


def _generic(parsed: Name) -> bool:
    """'the agency', 'the ministry': a bare head noun that refers back to the latest such body."""
    return not parsed.proper and len(parsed.words) == 1 and parsed.body in _aliases()["generic_heads"]


def _same_name(a: Name, b: Name) -> bool:
    if not _places_agree(a, b):
        return False
    if a.body == b.body:
        return True
    outlets = _outlet_forms()
    if a.body in outlets and outlets[a.body] == outlets.get(b.body):
        return True
    short, long = sorted((a, b), key=lambda n: len(n.body))
    pair = long.body.startswith(short.body + " and ")  # "Carlson" is one of "Carlson and Smith"
    if short.proper and long.proper and len(short.body) > 3 and long.body.startswith(short.body + " ") and not pair:
        return not _person_of(short, long)  # "Yonhap" / "Yonhap News Agency"
    if _short_title(short, long):
        return True  # "Gazette" / "The Northfield Gazette"
    return _is_acronym(short.text, long) if long.proper else False


def _person_of(body: Name, person: Name) -> bool:
    """'Twitter CEO Jack Dorsey' after 'Twitter': a person named with the body's name as the
    owner of a role, not a longer name of the body (gold_fresh5a: Dorsey's words were Twitter's,
    and a "he" in them found no man). Only a name ending in a given name and a surname:
    "Tottenham Hotspur" is still Tottenham's longer name."""
    table: dict[str, list[str]] = load_json("source_kinds.json")
    return _ends_in_full_name(person.text, table) and guess_kind(body.text) != SourceKind.PERSON


def _short_title(short: Name, long: Name) -> bool:
    """A body's name cut to its last word ("Gazette" for "The Northfield Gazette"): only for names
    written with "the" (never a person's) and a last word that is not a generic head ("Police")."""
    words = short.words
    return (
        short.proper
        and long.proper
        and len(words) == 1
        and len(short.body) > 3
        and long.text.strip().lower().startswith("the ")
        and len(long.words) >= 2
        and long.words[-1] == words[0]
        and words[0] not in _aliases()["generic_heads"]
    )


def _is_acronym(text: str, name: Name) -> bool:
    bare = text.strip()
    if not _ACRONYM.match(bare):
        return False
    initials = "".join(w[0] for w in name.words if w not in _FILLER).upper()
    return len(initials) > 1 and bare.replace(".", "") == initials


def _places_agree(a: Name, b: Name) -> bool:
    """Same place, or one unqualified proper name ("Yonhap" / "South Korea's Yonhap")."""
    if a.place == b.place:
        return True
    return (a.place is None or b.place is None) and ((a.proper and b.proper) or a.cls is not None or b.cls is not None)


def _fits(group: str, source: Source) -> bool:
    if group == "person":
        return source.kind == SourceKind.PERSON
    if group == "thing":
        return _a_body(source) or source.kind in (SourceKind.ORGANISATION, SourceKind.GOVERNMENT, SourceKind.OUTLET)
    return source.kind not in (SourceKind.PERSON, SourceKind.SOCIAL_ACCOUNT)


# A body's initials as the head of a name ("CDC", "FBI", "NATO"): two to six capitals.
_ACRONYM_HEAD = re.compile(r"[A-Z]{2,6}")


def _a_body(source: Source) -> bool:
    """A source of no listed kind named as a body ("Ukraine's emergency service"): "it" may mean it.

    Only heads that name bodies count (the generic heads of `source_aliases.json` and a few
    more): "it" after "Simple math said" is not the maths.
    """
    if source.kind != SourceKind.UNKNOWN or not source.name.split():
        return False
    if _ACRONYM_HEAD.fullmatch(source.name.split()[-1]) and " and " not in source.name:
        return True  # "the Chinese CDC", "the FBI": a body's initials ("it" went to the outlet before, gold_text)
    last = source.name.split()[-1].lower()  # "The California Independent System Operator": its head, "operator"
    return last in _body_heads() and last == _head(source.name) and " and " not in source.name


@cache
def _body_heads() -> frozenset[str]:
    return frozenset({*_aliases()["generic_heads"], *_BODY_HEADS})
