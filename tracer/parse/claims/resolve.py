"""Who a source mention stands for: names via the registry, pronouns, "who", and statements' owners.

Mentions are resolved in text order. A pronoun takes the latest source it fits ("he" a person,
"it" an organisation, or the body opening its sentence) unless a rival person comes between —
then the subject of the sentence before is the likely referent, flagged, or it stays
unresolved. Names in someone's words, possessives, names of the other gender and capitalised
words the text never marks as a person are no rivals; "he" in a speaker's own quotation is
never that speaker. "I"/"we" inside a quotation are the quotation's speaker. A statement as
subject ("the official statement said") stands for whoever issued it: the owner it names ("a
statement from the ministry"), else who the text last says spoke in one, else the source of
the attribution just before it; a report with no maker in the text is a source of its own.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from tracer.datafiles import load_json, load_lines
from tracer.models import Source, SourceKind
from tracer.parse.attribution.cues import lexicon
from tracer.parse.attribution.spans import Attribution, CoverIndex
from tracer.parse.claims.kinds import head_of, person_head
from tracer.parse.claims.named import (
    RELATIVE_NEXT,
    apposed_end,
    apposed_person,
    body_candidates,
    body_description,
    body_kind,
    body_named_before,
    described_bodies,
    find_named,
    heading_name,
    is_description,
    leader_named,
    marked_as,
    named_for,
    named_next,
    occurrences,
    other_description,
    title_holders,
    titled_one,
    unnamed_body_after,
)
from tracer.parse.claims.people import (
    given_name_gender,
    is_given_name,
    name_gender,
    pronoun_gender,
    pronoun_leaning,
    role_words,
)
from tracer.parse.claims.sources import (
    PLACED_IN,
    PRONOUNS,
    SourceRegistry,
    core,
    guess_kind,
    is_first_person,
    is_place,
    place_names,
)
from tracer.text import ParagraphIndex, Span, SpanSet, latin_names, sentences
from tracer.words import MONTH_NAMES, PERSON_PRONOUNS, WEEKDAYS

# Nouns for things that say something on someone's behalf (records such as a memo are documents
# of their own, data/claim_kinds.json).
DOCUMENT_NOUNS = frozenset(
    {"statement", "report", "assessment", "release", "briefing", "letter", "announcement", "communique"}
)
# Media a person speaks through, no source of their own: "Trump's tweet calling her ...", "a post
# by the group" are Trump's and the group's words (gold_fresh5a: "Trump's tweet" was shown as the
# source); only with the owner written. Emails, letters and videos are documents that keep a
# chain going (claim_kinds.json 'documents'), so they are not here.
_MEDIA = frozenset({"tweet", "tweets", "post", "posts", "message", "messages", "op-ed", "speech"})
# Documents that are sources of their own when the text does not say whose they are ("the report
# states", gold_fresh): not the source recorded last ("the objective", a person's words before).
_OWN_DOCUMENTS = frozenset({"report", "assessment"})
_BODY_KINDS = frozenset({SourceKind.ORGANISATION, SourceKind.OUTLET, SourceKind.GOVERNMENT})
_NO_SPEAKERS = frozenset({SourceKind.UNNAMED, SourceKind.UNKNOWN, SourceKind.DOCUMENT})
# "the affidavit", "this memo": a bare definite document, the one named last before it.
_BARE_DOCUMENT = re.compile(r"(?:the|this|that)\s+(?P<head>[a-z]+)")
# How far back a bare "the affidavit" finds its document: the pronoun reach of a person, twice
# (a document is named once and then cited for several paragraphs).
_DOCUMENT_REACH = 3000
_OWNER = re.compile(r"\b(?:from|by|of)\s+(?P<owner>.+)$|^(?P<poss>.+?)[’']s?\s+(?:\w+\s+){0,2}\w+$", re.DOTALL)
# A run of capitalised words, with the particles of surnames inside ("Bill de Blasio", "Jamon Van
# Den Hoek"): cut at "de", the mayor was "New York City Mayor Bill" and "Blasio", neither a person.
_PARTICLE = r"(?:(?:de|da|di|du|del|della|van|von|der|den|la|le|bin|ibn|al)\s)?"
# One capitalised word of a name, camel-cased ones too ("DeSantis", "McCarthy"): as "[A-Z][a-z]+"
# alone they matched nothing, so "DeSantis ... which he suggested" found no subject (gold_fresh3a).
_WORD = latin_names(r"[A-Z][a-z]+(?:[A-Z][a-z]+)?")
# Not after a lower-case prefix and hyphen: "anti-Trump", "pro-Clinton" name no one in the
# sentence (hops8 audit: "the district's anti-Trump lean, Early described it ... “...,” he said"
# took Trump for a rival of Early, and "he" was left unresolved).
# An acronym before a titled name ("FBI Director James Comey", "GOP Chairman Reince Priebus") is
# part of it, as the attribution rules show it: without it the run began at the title, and the
# speaker a pronoun went to was shown as "Director James Comey", even "Director James" (audit15:
# 9 PolNeAR train claims). Only before a capitalised word: an all-capitals run is a headline.
_ACRONYM_OPENING = rf"(?:[A-Z]{{2,6}}[ \t](?={_WORD}))?"
_NAME_LIKE = re.compile(
    rf"(?<![a-z]-)\b(?:Mr|Ms|Mrs|Dr)\.\s{_WORD}(?:[ -]{_PARTICLE}{_WORD})*\b"
    rf"|(?<![a-z]-)\b{_ACRONYM_OPENING}{_WORD}(?:[ -]{_PARTICLE}(?!(?:Mr|Ms|Mrs|Dr)\.){_WORD})*\b"
)
# A sentence start, then "On Monday, " (a preposition or time word, up to five words and a comma;
# not "Sonya Zoghlin, " whose appositive follows) or "The elder " (a determiner and one lower-case
# word), up to the name.
# "As the day went on, Trump offered ...": a short fronted time clause (as, when, while, once,
# amid, throughout) leaves the name after its comma the subject (the "his" after it was left
# unresolved on PolNeAR train once the clause was no longer read as someone's words, cue10).
# "Earlier this week, for example, Trump sent ...": a discourse aside may follow the phrase (the
# "he" after was given to a name in the next sentence, gold_fresh5a).
_ASIDE = r"(?:(?:[Ff]or example|[Ff]or instance|[Hh]owever|[Ii]n fact|[Mm]eanwhile|[Tt]oo|[Aa]lso),\s+)?"
# "Kicking off the day at a town hall meeting in Salem, Trump accused Cruz ...", "Speaking at a
# town hall event in Salem, New Hampshire, Trump went after Bush": a fronted participle phrase
# (an -ing word, or "Asked"/"Pressed"/"Reached", then up to twelve words, a ", Place" apposition
# among them: "Visiting Richmond, Virginia, in June for a rally, Trump ...") leaves the name after
# its comma the subject (pron14b: the "He says" after was left unresolved, the object taken for a
# rival, PolNeAR train; 11 claims of 7 articles got their speaker, none lost one).
_PARTICIPLE_INTRO = (
    r"(?:[A-Z][a-z]{2,}ing|Asked|Pressed|Reached|Questioned)"
    r"(?:\s+[\w’'.-]+|,\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?(?=,)){1,12},\s+"
)
_INTRO = re.compile(
    r"(?:^|[.!?”\"]\s+|\n)(?:(?:On|In|At|After|Before|During|Earlier|Later|Last|Since|Speaking|Meanwhile|Separately"
    r"|As|When|While|Once|Amid|Throughout)"
    r"(?:\s+[\w’'.-]+){0,5},\s+"
    + _ASIDE
    + r"|"
    + _PARTICIPLE_INTRO
    + _ASIDE
    + r"|(?:For example|For instance|However),\s+|(?:The|A|An)\s+[a-z]+\s+)$"
)
_TITLES = frozenset(load_json("source_aliases.json")["titles"])
# The written titles that stand before a person's name only ("President Obama", "Senator Lee",
# source_aliases.json title_forms; "Premier" also opens "Premier League"): a surname the text
# titles so is a person's, though the text never gives a given name (hops8 audit: "Obama ... The
# president also said" found no person in focus, as "Obama" alone was no person's name).
_PERSON_TITLES = frozenset(f for forms in load_json("source_aliases.json")["title_forms"].values() for f in forms) - {
    "Premier"
}
_NOT_BODIES = frozenset(load_json("source_aliases.json")["acronyms_not_bodies"])
_NAMED_BODY_HEADS = frozenset(load_json("source_aliases.json")["named_body_heads"])
# An acronym of three to six capitals, not inside an all-capitals run (a headline or a shout).
_ACRONYM = re.compile(r"(?<![A-Z][ \t])\b[A-Z]{3,6}\b(?![ \t][A-Z]{2})")
# ", Eastvale Water" / ", National Resources Defense Council board member Nicole Lederer" after a description.
_APPOSITIVE = re.compile(r",\s+(?P<name>[A-Z][\w.&’'-]*(?:\s+(?:of\s+)?[\w.&’'-]+){0,8}?)\s*(?:,|$|\s(?:who|which)\b)")
# Only a name, every word capitalised ("my cousin, I hadn't realized this, that ..." is an aside).
_PROPER = re.compile(r"[A-Z][\w.&’'-]*(?:\s+(?:of\s+|de\s+)?[A-Z][\w.&’'-]*)*$")
# ", mechanical engineer Richard Weir, 60, from Tynemouth" after a description with no opener
# ("Fellow protester, ...", "Local resident, ..."): lower-case role words, then a person's full
# name closed by a comma. Words that start a phrase of their own ("a spokesman for Acme") are not
# role words, so the body after them is never taken for the speaker.
_ROLE_APPOSITIVE = re.compile(
    r",\s+(?:(?!(?:a|an|the|of|for|at|with|from|to|in|on|by|and|or|who|which|whose|said|says)\b)[a-z][\w-]*\s+){1,3}"
    + latin_names(r"(?P<name>[A-Z][a-z]+(?:[ -][A-Z][\w’'-]+){1,2})\s*(?:,|$)")
)
# Not "of" ("Secretary of State Hillary Clinton" is no "State Hillary Clinton").
_ROLE_BEFORE_NAME = re.compile(
    r"\b(?!(?:of|for|de)\b)[a-z]+\s+" + latin_names(r"(?P<name>[A-Z][a-z]+(?:[ -][A-Z][a-z]+){1,2})$")
)
# A first name and a surname ("Patrick Carlineo"): a lone surname later is that person.
# A first name, perhaps a middle initial or middle name ("Gustav Lloyd Agerblad": "Agerblad told
# AFP ... he added" found no person, gold_fresh), then the surname.
_FULL_NAME = re.compile(
    latin_names(
        rf"\b(?P<first>[A-Z][a-z]+)(?:\s[A-Z]\.|\s[A-Z][a-z]+(?=\s{_WORD}))?\s(?P<surname>{_WORD}(?:-[A-Z][a-z]+)?)\b"
    )
)
# A possessive pronoun, a relation or role in lower case, then a full name: "my colleague
# Geoffrey Skelley", "her lawyer Ana Ruiz" (the name was shown with "my colleague" in front).
_KIN_NAME = re.compile(
    r"^(?:my|our|his|her|their|its)\s+(?:[a-z][\w-]*\s+){1,3}(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w.’'-]+){1,3})$"
)
# A focus adverb opening a mention: "Even Lindsey Graham said", "even she found", "only 24 percent
# said". It weighs the source, it is no part of its name; kept, the name shown was "Even Lindsey
# Graham" and "even she" was no pronoun (names10 audit, PolNeAR train at c412e89: "even" opened
# 32 source names in 23 articles, "only"/"just" 13 in 12). "Only"/"Just" before a capital may
# open a name or title ("Just Leaked"), so only before a lower-case word or a figure; "just over a
# quarter" is a figure's own ("over a quarter" was shown), "Only time will tell" an idiom.
# The "both" of "both X and Y" is the same kind of word, marking the pair ("Both Cruz and Fiorina
# said": the names, 9 such sources in 9 articles); "both candidates" keeps it, with no "and".
_FOCUS = re.compile(
    r"(?:[Ee]ven\s+(?=\S)|(?:[Oo]nly|[Jj]ust)\s+(?=[a-z\d])(?!over\b|under\b|time\b)"
    r"|[Bb]oth\s+(?!of\b)(?=[^,]*\sand\s))"
)
# "her campaign", "his advisers": a pronoun's own body (`person_bodies`) or staff (`person_staff`),
# named after the person it stands for.
_STAFF = frozenset(load_json("source_aliases.json")["person_staff"])
_BODIES = "|".join(load_json("source_aliases.json")["person_bodies"])
_PERSON_BODY = re.compile(rf"^(?P<pronoun>[Hh]is|[Hh]er)\s+(?P<body>{_BODIES}|{'|'.join(sorted(_STAFF))})$")
_OWNED_BODY = re.compile(rf"\b(?P<owner>[A-Z][\w-]+)[’']s?\s+(?:{_BODIES})\b")


@lru_cache(maxsize=64)
def _written_bodies(owner: str, body: str) -> re.Pattern[str]:
    """An owner's body as a text writes it: "the Clinton campaign", "Clinton’s campaign" (words
    before the surname are left out: "But Clinton’s campaign" opens a sentence)."""
    return re.compile(rf"(?<![\w’'])(?:[Tt]he\s+)?{re.escape(owner)}(?:[’']s?)?\s+{body}\b")


# A given name right before a surname: "Hillary" of "Hillary Clinton’s aides".
# A capitalised word and a space, before a surname ("Ann " of "Ann Lee").
_WORD_BEFORE = latin_names(r"\b[A-Z][a-z]+ ")
_GIVEN_BEFORE = re.compile(latin_names(r"(?<![\w’'])(?P<given>[A-Z][a-z]+)[ \t]+$"))
_REPLY = re.compile(r"\s+(?:replied|responded|answered|retorted|shot\s+back)\b")
# Whom a pronoun's own sentence tells or is told by, never the pronoun itself: after it ("he told
# Hannity, to cheers", "she tells Fox News’ Sean Hannity that"), up to "that" or a stop; before it
# ("In an interview with Hannity, he said", "Asked by Hannity whether ..., he said").
_HEARER_AFTER = re.compile(
    r"\s+(?:also\s+|later\s+)?(?:told|tells|telling)\s+(?P<hearer>(?:(?!\bthat\b)[^,.;:!?“”\"\n]){1,60})"
)
_HEARER_BEFORE = re.compile(
    r"\b(?:[Ii]nterview\s+with|[Aa]sked\s+by|[Ss]peaking\s+(?:to|with))\s+(?P<hearer>[^,.;:!?“”\"\n]{1,60})"
)
_ASKED = re.compile(r"\basked\s+(?P<name>[A-Z][\w’'-]+(?:[ -][A-Z][\w’'-]+){0,3})")
# Nouns that make a record word the first half of a compound ("a private email server"): no record.
_COMPOUND_TAILS = (
    r"(?:server|address|account|system|list|chain|box|inbox|scandal|controversy|probe|investigation|campaign)s?\b"
)
# A record named with a determiner or an owner ("my document", "Thursday's memo", "a sign of her
# own"), up to two words between: what an "it" speaking may stand for (`_record_phrase_before`).
_RECORD_HEADS = "|".join(sorted((re.escape(w) for w in load_lines("speaking_records.txt")), key=len, reverse=True))
_RECORD_PHRASE = re.compile(
    r"(?<![\w’'])(?:[Tt]he|[Aa]n?|[Tt]his|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Mm]y|[Oo]ur|[A-Z][\w.&-]*[’']s)\s+"
    rf"(?:[a-z][\w-]*\s+){{0,2}}(?P<head>(?:{_RECORD_HEADS})s?)\b(?![’'-])(?!\s+{_COMPOUND_TAILS})"
)
# A sentence opening with a name (the subject), perhaps after "The": "Pakistan on Wednesday ...".
_BODY_OPENING = re.compile(r"\s*(?:The\s+)?(?P<name>[A-Z][\w’'.&-]*(?:\s+(?:of\s+)?[A-Z][\w’'.&-]*){0,4})")
# A determiner right before capitalised words: a name of a place, a body or an epithet follows
# ("the South Carolina primary" gave "he" to South Carolina), a person's only as a modifier whose
# name the text gives in full ("a Trump television interview, in which he says").
_DETERMINED = re.compile(r"\b(?:[Tt]he|[Aa]n?)\s+$")
# A closing quotation mark, perhaps after a comma or a stop, right before a pronoun: its tag.
_TAG_BEFORE = re.compile(r"”\s*$")
# Words that open a sentence before its subject, beyond the lexicon's openers: "At the bottom it reads".
_FUNCTION_OPENERS = frozenset(
    {"a", "an", "at", "when", "while", "where", "whether", "if", "as", "by", "to", "with", "from", "for", "of"}
)
# "Cook provided a written statement": a name, a verb of issuing and the document.
# Where a mention's head noun phrase ends: "a statement from X", "the report by X", and a past
# participle placing it in another document ("another study referenced in the report" is a
# study, not the report, which it was resolved to; claims8 audit, gold_fresh5a).
_HEAD_CUT = re.compile(r"\s(?:from|by|of)\s|" + PLACED_IN)
_ISSUED_BY = (
    r"(?P<name>(?-i:[A-Z][\w.’'-]*(?:\s+(?:(?:of|on|for|and|the)\s+){{0,2}}[A-Z][\w.’'-]*){{0,5}}))\s+(?:\w+ly\s+)?"
    r"(?:provided|issued|released|sent|gave|put\s+out|posted|published|delivered|emailed)\s+"
    r"(?:a|an|the|his|her|its|their)\s+(?:[\w-]+\s+){{0,2}}{head}\b"
)
# "Mayor Ana Ruiz sent an email", "The Dorn campaign released a new television ad": a name (a
# "campaign" or "team" after it too), a verb of issuing (claim_kinds.json) and the thing issued.
# The heads of a body that makes a document, in lower case after its proper name ("the Sanders
# campaign", "the Philippine immigration agency").
_MAKER_HEADS = frozenset({"campaign", "team", "agency", "committee", "department", "office", "board", "panel"})
_SENT_HEADS = frozenset(
    {*DOCUMENT_NOUNS, *(w for w in load_json("claim_kinds.json")["artifacts"] if not w.endswith("s"))}
)
_SENT = re.compile(
    r"(?P<name>(?-i:(?:The\s+)?[A-Z][\w.’'-]*(?:\s+(?:(?:of|on|for|and|the)\s+){0,2}[A-Z][\w.’'-]*){0,5}"
    r"(?:\s+(?:campaign|team))?))\s+(?:\w+ly\s+)?"
    r"(?:sent(?:\s+out)?|wrote|put\s+out|(?:"
    + "|".join(load_json("claim_kinds.json")["issuing_verbs"])
    + r")(?:ed|d))\s+(?:a|an|the|his|her|its|their)\s+(?:[\w-]+\s+){0,3}?(?P<head>"
    + "|".join(sorted(_SENT_HEADS, key=len, reverse=True))
    + r")\b",
    re.I,
)
# "a 2001 memorandum issued by the Philippine immigration agency", "an affidavit written by Marc
# Bujnowski", "a separate statement issued by the Sanders campaign": a document and, after a verb
# of making, its maker, named (capitalised words, a body's head after them) or described by a
# body's head ("the staff association"). "released by" is left out: who releases a document
# (Judicial Watch, by a records request) is not who wrote it.
_MADE_BY = re.compile(
    r"(?P<head>"
    + "|".join(sorted({*_SENT_HEADS, "memorandum", "affidavit"}, key=len, reverse=True))
    + r")\b(?:[ \t]+[\w-]+){0,2}?,?[ \t]+(?:issued|written|sent|signed|filed|drafted|authored|penned|prepared)"
    r"[ \t]+by[ \t]+(?P<name>(?-i:(?:the[ \t]+)?(?:[A-Z][\w.’'-]*[ \t]+(?:(?:of|for|and|the)[ \t]+){0,2}){0,5}"
    r"(?:[A-Z][\w.’'-]*(?:[ \t]+[a-z]+)?[ \t]+(?:"
    + "|".join(sorted(_MAKER_HEADS, key=len, reverse=True))
    + r")|[A-Z][\w.’'-]*)))\b",
    re.I,
)
# A body's possessive name right before a person's ("Media Research Center’s Bozell agrees"): the
# sentence still opens with that person, its subject.
_OWNER_BEFORE = re.compile(r"(?<![\w’'])(?:[A-Z][\w.&-]*\s+){0,4}[A-Z][\w.&-]*[’']s\s+$")
# A sentence opened (perhaps after an introductory phrase) by a definite description: "With millions
# watching, the Slovenia-born former model delivered ...".
_DESCRIBED_SUBJECT = re.compile(
    r"\s*(?:[A-Z][^,.!?]{0,60},\s+)?[Tt]he\s+(?:[\w-]+\s+){0,4}?(?:" + "|".join(sorted(role_words())) + r")\b"
)
# A sentence opening with a described person, "the"/"a" and a role word within five words ("The
# former ambassador also discussed", "A president who authorized"), a fronted phrase allowed; the
# role words and the party and office words the role lexicon leaves out ("The Wisconsin Republican").
_DESCRIBED_OPENING = re.compile(
    r"\s*(?:[A-Z][^,.!?]{0,60},\s+)?(?:[Tt]he|An?)\s+(?:[\w-]+\s+){0,4}?(?i:"
    + "|".join(sorted(role_words() | {"president", "republican", "democrat", "nominee", "candidate"}))
    + r")\b"
)
_POSTPOSED = re.compile(r"[,”\"’]\s*$")
# Other names joined to a name that opens a sentence: "Acme Holdings and Zenith Group", "Acme,
# Zenith and Quill" (the subject is all of them).
_COORDINATED = re.compile(r"(?:,\s+[A-Z][\w&.’'-]*(?:\s+[A-Z][\w&.’'-]*)*)*,?\s+(?:and|or|&)\s+[A-Z]")
# What may come before a sentence's subject: space and a definite article.
_OPENING_WORD = re.compile(r"\s*(?:[Tt]he\s+)?")
_CALENDAR = frozenset({*(w.capitalize() for w in (*MONTH_NAMES, *WEEKDAYS)), "Today", "Yesterday", "Tomorrow"})
_STOP = re.compile(r"[.!?][”\"’']?\s|\n")
_POSSESSIVE = re.compile(r"[’']s?\s")
_OPEN_APPOSITIVE = re.compile(
    rf"(?:^|(?<=[.!?;:”\"\n,]\s)|(?<=\n))(?P<name>{_WORD}(?:\s{_PARTICLE}{_WORD}){{1,2}}),\s+"
    r"(?P<role>(?:[\w’'.&-]+\s+){1,4}?)(?:at|of|for|with)\s+[^,;:\n“”\"]*?(?P<joint>\s(?:and|of|&|[A-Z][\w.&-]*))?\s$"
)
# A sentence opened by a description before its subject's name: "An agreeable, funny woman in her 80s, ".
_FRONTED = re.compile(r"(?:^|[.!?”\"]\s+|\n)(?P<np>(?:An?|The)\s+[^.!?\n“”\"]{3,80}?),\s+$")
_FRAME = re.compile(r"[’']s?\s+(?:case|part)\s*,")
_SUBJECT_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he)\b")
# What a name that opens a clause follows: a sentence's start, a comma (after a fronted phrase),
# a conjunction, or "As for" ("As for Trump, he said", "and Pence is not alone in his").
_APPOSITION = re.compile(r",\s+")
_CLAUSE_OPENING = re.compile(r"(?:^|[.!?”\"\n,;:]|\b(?:and|but|yet|while|[Aa]s\s+for))\s*$")
# A sentence opening with a subordinating word and, within a few words, a subject pronoun:
# "Though he", "When she was asked", "Yet when he".
_FRONTED_CLAUSE = re.compile(
    r"\s*[“\"]?(?:(?:Yet|But|And)\s+)?(?:Though|Although|While|When|After|Before|Because|Since|Once|If|Even\s+though)"
    r"\s+(?:[a-z][\w’'-]*\s+){0,2}?(?:[Hh]e|[Ss]he)\b"
)
# The main clause after the fronted one: a name, then a verb in lower case ("Morales insisted").
_CLAUSE_SUBJECT = re.compile(
    r"\s+" + latin_names(r"(?P<name>[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2})") + r"\s+(?:[a-z]+ly\s+)?[a-z]+(?:ed|s)\b"
)
# An epithet: "the", up to five modifiers (proper adjectives and quoted titles too: "the Kentucky
# Republican", "the billionaire real estate magnate", "the “Bad Romance” singer"), then its head.
_EPITHET = re.compile(r"[Tt]he\s+(?P<mods>(?:[\w“”\"’'-]+\s+){0,5}?)(?P<head>[\w-]+)")
_EPITHET_HEADS = frozenset(load_lines("epithet_heads.txt"))
_DEMONYMS = frozenset(load_lines("demonyms.txt"))
# "the 56-year-old": an age for a head, said of the person in focus too.
_AGED = re.compile(r"\d{1,3}-year-old")
_PLACE_NAMES = place_names()
_NOT_MODIFIERS = frozenset({"of", "for", "in", "at", "with", "from", "and", "or", "who", "which", "that", "by", "to"})
MAX_PRONOUN_DISTANCE = 1500  # characters: beyond this a pronoun is not resolved
_AHEAD = 300  # characters after a pronoun searched for the name it announces


# What follows a transcript's speaker label: perhaps a party and state in brackets, then a colon.
_LABEL_AFTER = re.compile(r"[ \t]*(?:\([^()\n]{1,20}\)[ \t]*)?:")


@dataclass
class Resolved:
    """A mention resolved to a source, with how sure the resolution is."""

    source: Source
    how: str  # name, pronoun, likely, cataphora, speaker, relative, owner, unresolved
    evidence_start: int | None = None  # where the text that justifies the resolution starts


class Resolver:
    """Resolves the source mentions of one document's attributions, in text order."""

    def __init__(self, text: str, registry: SourceRegistry, said: Iterable[Span] = ()) -> None:
        self.text = text
        self.registry = registry
        # The contents of the document's attributions: a name in someone's words is what they
        # said, not who is speaking, so it neither stops nor takes a later "he" (issue 14, cause 2:
        # "Zoghlin ... told The Hill her client did not intend to harm Omar. '...,' she said").
        self._said = SpanSet(said)
        self._paras = ParagraphIndex(text)
        # (position, order of recording, source) of the attributions so far, sorted by position,
        # so the issuers near a mention are found by bisection (a scan of all of them was
        # quadratic in the document's length)
        self._issuers: list[tuple[int, int, Source]] = []
        self._genders: dict[str, str | None] = {}  # by source id
        self._name_genders: dict[str, str | None] = {}  # by name, for the names between
        self._leanings: dict[str, str | None] = {}  # by lone word, see `_speaking_word`
        self._text_genders: dict[str, str | None] = {}  # by name, see `_text_gender`
        # Each name's kind, guessed once: every person pronoun rescans the names of its paragraph
        # and the one before, and in one 1.3 MB text (fuzz hang nul_utf8-corpus49745-380512791)
        # 89 pronouns made 476k `guess_kind` calls (24 of 62 s profiled).
        self._kinds: dict[str, SourceKind] = {}
        self._named = find_named(text)
        self._full_names: dict[str, list[str]] | None = None  # surname -> full names, found when first asked
        # Where each source mention resolved so far ends, by its start: the names inside it (its
        # appositive, its relative clause) are that source's description, not other people. Only
        # for mentions in no one else's words (see `mention`).
        self._mention_ends: dict[int, int] = {}

    @property
    def paragraphs(self) -> ParagraphIndex:
        """The document's paragraphs, found once."""
        return self._paras

    def mention(
        self, span: Span, *, speaker: Source | None = None, referent: Span | None = None, quoted: bool = False
    ) -> Resolved:
        """The source for a mention at `span` (a pronoun, a relative "who", a statement, a name);
        `quoted`: the mention is in the speaker's quotation, not in words reported of them."""
        span = _trimmed(self.text, _unfocused(self.text, span))
        words = span.of(self.text)
        lowered = words.lower().strip()
        if speaker is None:  # a nested speaker ("Trump said his nominee, Howard Lutnick, had told
            self._mention_ends[span.start] = span.end  # him ...") is no sentence's topic: "He" is not theirs
        if referent is not None:
            return self._record(self._name(referent), "relative", span)
        addressed = self._vocative(span) if lowered == "you" else None
        if addressed is not None:
            return self._record(self._name(addressed), "name", span)
        if lowered in _NEVER_NAMES and not words.strip().isupper():  # "WHO" is the health body
            return self._unresolved(words.strip(), span)
        if is_first_person(words):
            return self._record(speaker, "speaker", span) if speaker else self._unresolved(words, span)
        if lowered in PRONOUNS:
            resolved = self._pronoun(lowered, span, words.strip())
            if self._demonym(resolved.source):  # no guess either: the person before was wrong (audit15)
                return self._unresolved(words.strip(), span)
            if resolved.how == "unresolved" and lowered in _SUBJECT_PERSON and (speaker is None or quoted):
                # "Grant attacked Wong. He said": the person in focus, as the likely referent; not in
                # words reported of a speaker, where the speaker is the likelier one (`_speakers_own`)
                return self._salient_person(lowered, span, speaker) or resolved
            if speaker is not None and quoted and lowered in PERSON_PRONOUNS:
                # "'He left on the tractor and he said he was going to hunt,' Deyal told the paper":
                # in a speaker's own quotation "he" is someone else, never the speaker
                return self._someone_else(words.strip(), span, speaker) if resolved.source is speaker else resolved
            if speaker is not None and (_other_person(resolved, speaker) or _guessed_other(resolved, speaker)):
                # "Trump said he hopes": not someone else; the speaker, unless someone fitting comes
                # between (a guess from the sentence before stays, a person named before does not)
                own = self._speakers_own(lowered, span, speaker)
                if (
                    own is None
                    and resolved.how == "unresolved"
                    and lowered in _SUBJECT_PERSON
                    and not self._speaking_person(speaker)
                ):
                    # "union members say ... a sense that he rejects": no person speaks, so the person
                    # in focus is the likely one (a woman's "he" is left alone, test_who_spoke)
                    return self._salient_person(lowered, span, None) or resolved
                return own or (resolved if resolved.how == "likely" else self._unresolved(words.strip(), span))
            return resolved
        earlier = self._earlier_document(lowered, span)
        if earlier is not None:
            return earlier
        owner = (
            self._owner(words, span)
            or self._leader(words, span)
            or self._office_or_body(words, span)
            or self._body_description(words, span)
            or self._epithet(words, span)
        )
        if owner is not None:
            return owner
        return self._record(self._name(self._unclosed_appositive(span) or span), "name", span)

    def _salient_person(self, word: str, span: Span, quoting: Source | None) -> Resolved | None:
        """The person in focus at a "he"/"she" that the rules left unresolved, because rival
        candidates were named between (issue 14, cause 2: "X attacked Y. He said" shown with no
        one): of the people in its paragraph and the one before whom the text gives the pronoun's
        gender, the one of most weight, each naming weighing 1, twice that as a sentence's subject
        or a source, halved for each sentence back, and one and a half times the next one's weight
        (people named in others' words count as rivals, never as the referent; none governed by a
        fitting pronoun before them counts). Not the hearer of the pronoun's sentence, nor the one
        quoting it (`quoting`). A likely referent, with its last naming as evidence."""
        wanted = PERSON_PRONOUNS[word.lower()]
        skip = self._in_words(span)
        hearers = self._hearers(span)
        mentions = self._person_names(span.start)  # those in others' words too: rivals, not candidates
        if not mentions or self._description_opens(span):
            return None
        starts = [s.start for s in sentences(self.text, Span(mentions[0][0], span.start))]
        spoke = {at: source for at, _, source in self._issuers_between(mentions[0][0], span.start)}
        names: dict[str, list[str]] = {}
        weights: dict[str, float] = {}
        last: dict[str, int] = {}
        eligible: set[str] = set()
        seen: list[tuple[int, str, bool]] = []  # (sentences back, key, as subject or source)
        for at, name, opens in mentions:
            if self._bound_before(at, word):
                continue  # "He attacked Mr. Dole's record ... He tells": not Mr. Dole (pron10 guard)
            key = _surname_key(name)
            if not (skip and skip(at)):  # "Trump said his nominee, Howard Lutnick, had ... He also said"
                eligible.add(key)
            names.setdefault(key, []).append(name)
            back = len(starts) - bisect_right(starts, at)
            speaks = at in spoke and _surname_key(spoke[at].name) == key  # not "Ellen Price's union"
            weights[key] = weights.get(key, 0.0) + (2.0 if opens or speaks else 1.0) * 0.5**back
            seen.append((back, key, bool(opens or speaks)))
            last[key] = at
        given = {name.split()[0].lower(): _surname_key(name) for _, name, _ in mentions if len(name.split()) > 1}
        # Only a key named by lone words ("Alan"): "Ryan" of "Paul Ryan" is a surname, not the given
        # name of "Ryan Zinke", and with "Rand Paul" too the merges chained into a key already merged
        # away (KeyError, review15b). A merge target is a full name's surname, so it is never merged.
        lone = [k for k in weights if all(" " not in n for n in names[k])]
        for key in [k for k in lone if k in given and given[k] != k and given[k] in weights]:
            weights[given[key]] += weights.pop(key)  # "Alan" of "Alan Grayson"
            names[given[key]] += names.pop(key)
            last[given[key]] = max(last[given[key]], last.pop(key))
            eligible |= {given[key]} if key in eligible else set()
        scored = []
        possible: set[str] = set()  # who may be the referent, a person the text gives no gender too
        for key, weight in weights.items():
            full = max(names[key], key=lambda name: (name[:1].isupper(), len(name)))  # not "how Bernie Sanders"
            genders = {self._text_gender(name) for name in names[key]} - {None}
            bare = _TITLE_OPENING.sub("", full)  # "Mr. English" of "Bryan English"
            titled = bare != full or full.split()[0] in _PERSON_TITLES  # "Mrs. Clinton", "Admiral Harris"
            if not genders - {wanted}:
                possible.add(key)
            if genders != {wanted} or not (titled or self._named_person(full) or self._named_person(bare)):
                continue  # "Former Mexican" of "Former Mexican presidents": no one
            if " " not in bare and not titled and not self._surname_of_person(bare):
                continue  # "Nevada" of "in every corner of Nevada ..., she wrote": never given in full
            if any(_same_name(full, hearer) for hearer in hearers):
                continue
            if quoting is not None and self._is_alias(full, (0, quoting)):
                continue
            scored.append((weight, last[key], full))
        if not scored or self._two_in_nearest(seen, possible):
            return None
        scored.sort(reverse=True)
        _, at, name = scored[0]
        top = _surname_key(name)
        rivals = [weights[key] for key in possible if key != top]  # "Lichtman said ... He added": his gender unsaid
        if top not in eligible or (rivals and weights[top] < _SALIENT_MARGIN * max(rivals)):
            return None
        return Resolved(self.registry.resolve(name, at=at), "likely", at)  # unrecorded: no later "he" builds on it

    @staticmethod
    def _two_in_nearest(seen: list[tuple[int, str, bool]], fitting: set[str]) -> bool:
        """Whether the nearest sentence naming someone who fits names two such people, neither as
        its subject or a source ("Mr. Beck's lawsuit names Mr. Tolland as a defendant. He also
        says": equal rivals, pron14b guard), so the weights of earlier namings decide nothing."""
        if not any(key in fitting for _, key, _ in seen):
            return False
        nearest = min(back for back, key, _ in seen if key in fitting)
        here = [(key, topic) for back, key, topic in seen if key in fitting and back == nearest]
        return len({key for key, _ in here}) > 1 and not any(topic for _, topic in here)

    def _description_opens(self, span: Span) -> bool:
        """Whether the pronoun's sentence or the one before opens with a description of someone
        ("The former ambassador also discussed ... Donald Trump. He stated"; "A president who
        authorized the raid ... Where he used to boast"; the two sentences before, as the splitter
        may end one at "Mr."): that someone, whom no name in the window stands for, is the likelier
        referent (guess15 audit of PolNeAR train: 4 of 11
        wrong guesses in a fresh sample of 38)."""
        own = self._sentence_span(span.start).start
        before = [s.start for s in sentences(self.text, Span(max(0, own - 600), own))][-2:]  # "Mr." may end one
        return any(_DESCRIBED_OPENING.match(self.text, at) for at in (own, *before))

    def _speaking_person(self, speaker: Source) -> bool:
        """Whether a speaker is, or may be, one person (a pronoun, a name, a description of one)."""
        if speaker.name.lower() in PRONOUNS or is_first_person(speaker.name) or speaker.kind == SourceKind.PERSON:
            return True
        return self._one_person(speaker) or self._named_person(speaker.name) or _one_described(speaker.name)

    def _text_gender(self, name: str) -> str | None:
        """A name's gender by its own words, else by the pronouns the text puts after it, not by
        the pronouns the resolver gave it (a guess must not feed the next guess). Kept by name:
        `pronoun_gender` reads every sentence naming the surname, and each unresolved "he" asked
        it again for every name of its two paragraphs, so a text that keeps naming two people
        cost its pronouns times their namings (60 "Senator ... he said" paragraphs: 241 calls).
        Unlike `_name_genders`, which the resolver's own choices write into, nothing here does."""
        if name not in self._text_genders:
            self._text_genders[name] = self._marked_gender(name) or pronoun_gender(self.text, name)
        return self._text_genders[name]

    def _vocative(self, span: Span) -> Span | None:
        """'“Mr. Trump, you said earlier today that ...”': a titled name set off by a comma at the
        start of a sentence or quotation, right before 'you', is the one addressed, and 'you' is
        that person (question12 audit of PolNeAR train; a bare 'you' stays unresolved)."""
        match = _VOCATIVE.search(self.text, max(0, span.start - 60), span.start)
        return Span(match.start("name"), match.end("name")) if match is not None else None

    def _speakers_own(self, word: str, span: Span, speaker: Source) -> Resolved | None:
        """The speaker, as the likely referent of a pronoun in words reported of them that nothing
        else resolved ("Bloomberg says ... that he's considering", "the company says it fears",
        "campaign strategists say they believe"): a speaker's reported words speak of the speaker
        (hops8 audit: the unresolved pronoun was shown as a further hop in 73 of 840 PolNeAR train
        articles). Not when the speaker does not fit the pronoun (a woman for "he", a person for
        "they", a pronoun left unresolved itself), nor when a person who fits it is named between
        ("Prosecutors argued that although Lazar confessed, he showed ...")."""
        group = PRONOUNS[word]
        if speaker.name.lower() == word and self._opens_report(span):
            # "He said he was “truly, gravely concerned ...”": the same unresolved pronoun right after
            # the cue is the same one speaker, no second hop (invent13 audit of PolNeAR train: 3
            # chains in 3 articles were [He?, he?]); it stays as unresolved as the speaker is
            return self._record(speaker, "unresolved", span)
        if speaker.name.lower() in PRONOUNS or is_first_person(speaker.name):
            return None
        if group == "person":
            wanted = PERSON_PRONOUNS[word]
            person = (
                speaker.kind == SourceKind.PERSON
                or self._one_person(speaker)
                or self._named_person(speaker.name)
                or _one_described(speaker.name)
            )
            leaning = speaker.kind == SourceKind.UNKNOWN and self._leaning(speaker.name) == wanted  # "Bloomberg ... he"
            fits = (person or leaning) and self._gender(speaker) in (None, wanted) and not _many_described(speaker.name)
        else:
            body = speaker.kind not in (SourceKind.PERSON, SourceKind.SOCIAL_ACCOUNT) and not self._one_person(speaker)
            fits = body or _many_described(speaker.name)
        said = self._last_mention(speaker, span.start)
        if not fits or said is None or span.start - said > _AHEAD:
            return None
        named = self._person_names(span.start) if group == "person" else []  # people are no rivals of an "it"
        # the hearer before the reported clause ("told Recode editor Kara Swisher that he thought")
        # is no rival: the clause's pronoun is the teller's (gold_fresh5a: Dorsey's "he" was lost)
        opened = self.text.rfind(" that ", said, span.start)
        floor = opened if opened != -1 else said
        if any(at > floor and self._rival(at, name, word, (said, speaker)) for at, name, _ in named):
            return None
        return self._record(speaker, "likely", span, evidence_start=said)

    def _opens_report(self, span: Span) -> bool:
        """Whether a mention opens the clause a cue reports, right after the cue and perhaps "that"
        ("He said he was ...", "She also said she knew ...")."""
        before = self.text[max(0, span.start - 40) : span.start]
        return _OPENS_REPORT.search(before) is not None

    def _unclosed_appositive(self, span: Span) -> Span | None:
        """'Eric Durr, Director of Public Affairs at New York State Division of Military and Naval
        Affairs told Mashable': an appositive the writer never closed with a comma, so the parser
        took the body at its end as the subject (gold: "Naval Affairs" shown for Durr). The person
        it describes, from the name to the mention, when the mention is no person, the appositive
        opens with a role and ties it to a body ("at", "of") that runs on into the mention ("Military
        and Naval Affairs"), with no comma in between."""
        if not span.of(self.text)[:1].isupper():
            return None
        floor = self._sentence_span(span.start).start
        match = _OPEN_APPOSITIVE.search(self.text, floor, span.start)
        if match is None or not self._is_person(match.group("name")) or not match.group("joint"):
            return None
        role = {w.lower().strip(".") for w in match.group("role").split()}
        if role.isdisjoint(role_words()) and role.isdisjoint(_TITLES):
            return None
        return Span(match.start("name"), span.end)

    def _earlier_document(self, lowered: str, span: Span) -> Resolved | None:
        """'the affidavit said' after 'according to a criminal complaint affidavit from Homeland
        Security': the document named before, so its maker's hop follows (the bare description
        was shown as the origin, gold_fresh3a). Statements and reports go to `_owner`."""
        match = _BARE_DOCUMENT.fullmatch(lowered)
        if match is None or match.group("head") in DOCUMENT_NOUNS:
            return None
        source = self.registry.latest_document(match.group("head"), span.start, _DOCUMENT_REACH)
        if source is None:
            sender = self._sender(span, match.group("head"))
            return self._record(sender[1], "likely", span, evidence_start=sender[0]) if sender else None
        self.registry.alias(source, lowered)  # what the text goes on calling it
        return self._record(source, "pronoun", span)

    def _leader(self, words: str, span: Span) -> Resolved | None:
        """'what Pakistan's leader called an act of war': the person the article names as that
        country's leader ("Pakistan's Prime Minister Shehbaz Sharif"), a likely referent with the
        naming as evidence (gold_fresh: the description was shown as the source)."""
        found = leader_named(self.text, core(words))
        if found is None:
            return None
        name, at, guessed = found
        source = self.registry.resolve(name, at=at)
        self.registry.alias(source, core(words))
        return self._record(source, "likely" if guessed else "name", span, evidence_start=at)

    def _office_or_body(self, words: str, span: Span) -> Resolved | None:
        """'The president says' after 'President Trump', 'wrote the center' after 'the Storm
        Prediction Center': a bare title or body head the text ties to no name in so many words
        and no source yet, when only one person holds that title or one body ends in that head
        in the text: the likely referent, the naming as evidence (issue 14, cause 2: the
        description was shown as the source)."""
        name = core(words)
        if not is_description(name) or self.registry.known(name) is not None:
            return None
        if self._named_as(words, name, span.start) is not None:
            return None
        found = titled_one(self.text, name, span.start)
        if found is None:
            found = body_named_before(self.text, name, span.start, _NAMED_BODY_HEADS)
        if found is None:
            return None
        source = self.registry.resolve(found[0], at=found[1])
        self.registry.alias(source, name)
        return self._record(source, "likely", span, evidence_start=found[1])

    def _body_description(self, words: str, span: Span) -> Resolved | None:
        """'The Trayvon Martin Foundation did not want ... “...,” the group said': a bare description
        of a body (data/body_descriptions.json) the text ties to no name stands for the one body
        of a fitting class named in this paragraph or the one before (`body_candidates`), a likely
        referent with its naming as evidence (issue 14 audit: "the group", "The company", "The
        conservative publication" were shown as the source). Two fitting bodies, or none: no guess."""
        name = core(words)
        described = body_description(name)
        if described is None or self._named_as(words, name, span.start) is not None:
            return None
        known = self.registry.known(name)
        if known is not None and not is_description(known.name):
            return None  # a description the text already gave a name
        floor = max(self._window_start(span.start), span.start - MAX_PRONOUN_DISTANCE)  # one huge paragraph too
        found: dict[str, tuple[int, str]] = {}
        kinds = _KIND_FITS.get(described[1], frozenset())
        fits = lambda n: self._kind(n) in kinds  # noqa: E731
        called = described_bodies(self.text, described[1])
        window = (floor, span.start)
        for candidate, at in [
            *body_candidates(self.text, *described, window, fits),
            *occurrences(self.text, called, window),
        ]:
            if (
                self._said.overlaps(Span(at, at + 1))
                or self._not_a_body(candidate, called)
                or other_description(name, candidate)
            ):
                continue
            key = _body_key(candidate)
            same = [k for k in found if k in key or key in k]
            for k in same:
                found.pop(k)  # "Trump campaign" and "the Trump campaign’s": one body, named last here
            found[max([key, *same], key=len)] = (at, candidate)
        if not found and described[1] in _UNMARKED_CLASSES:
            speaker = self._unmarked_body(span, floor, kinds=_UNMARKED_KINDS.get(described[1], _UNKNOWN_ONLY))
            return self._record(speaker[1], "likely", span, evidence_start=speaker[0]) if speaker else None
        if len(found) > 1:
            found = self._opening_before(found, span)
        if len(found) != 1:
            return None
        at, candidate = next(iter(found.values()))
        after = (apposed_end(self.text, at + len(candidate), described[1]), span.start)
        if unnamed_body_after(self.text, described[0], after, definite=not _proper_only(candidate)):
            return None
        # no alias: "the company" three paragraphs on may be another company (it went to the first)
        body = SourceKind(body_kind(described[1]))
        source = self.registry.resolve(candidate, kind=body, at=at)
        if source.kind == SourceKind.UNKNOWN or candidate in called:
            source.kind = body  # the text calls it a body: "The company says its army has helped it"
        self.registry.seen(source, span.start)  # ... is the body's "it", not one named before it
        return self._record(source, "likely", span, evidence_start=at)

    def _opening_before(self, found: dict[str, tuple[int, str]], span: Span) -> dict[str, tuple[int, str]]:
        """Of several bodies that fit a bare description opening its sentence, the one that opens the
        sentence before it, its subject ("... companies including Alphabet, Amazon, Apple ...
        Alphabet, the parent company of Google, jumped $25. The company reported ...": Alphabet;
        refer11 audit: the description was shown as the origin when other companies were named in
        the paragraph before); else all. Not a description later in its sentence ("Nega's
        Coalition won ... Nega was poised to become mayor, but the government denied ..."), nor a
        body that opens it with others ("Acme Holdings and Zenith Group both bid ..."), nor one with
        another that fits later in its sentence."""
        own = self._sentence_span(span.start).start
        before = sentences(self.text, Span(max(0, own - 600), own))
        if not before or self.text[own : span.start].strip():
            return found  # no sentence before in reach, or the description is not its own sentence's subject
        start = before[-1].start
        lead = _OPENING_WORD.match(self.text, start)
        if sum(start <= at < own for at, _ in found.values()) != 1:
            return found  # another that fits in that sentence too ("Corvanta ... rose, and the retailer Brinell fell")
        opening = {
            key: (at, name)
            for key, (at, name) in found.items()
            if lead is not None and at == lead.end() and not _COORDINATED.match(self.text, at + len(name))
        }
        return opening or found

    def _not_a_body(self, name: str, called: frozenset[str] = frozenset()) -> bool:
        """Whether a candidate name is a person's or a place's, never a body a description stands for;
        a name the text `called` a body of the class is none of a person's ("the oil giant Exxon Mobil"
        looks like a person's name by its shape)."""
        person = self.registry.people.is_person(name) and name not in called
        return self._placed(name) or person or name in _CALENDAR

    def _epithet(self, words: str, span: Span) -> Resolved | None:
        """'McConnell says ... In a statement, the Kentucky Republican dismissed ...': an epithet
        (`_EPITHET`, a head of data/epithet_heads.txt) the text ties to no name stands for the
        person in focus (`_focus_person`), a likely referent with that person's mention as
        evidence (issue 14 audit: the description was shown as the source in 13 of 120 PolNeAR
        train articles). Not when the epithet's gender or title is not that person's ("the Florida
        senator" after House Speaker Ryan, in a text that titles Rubio "Sen."); a title holder the
        epithet's words single out ("Florida Sen. Marco Rubio") is taken whoever is in focus."""
        name = core(words)
        epithet = _epithet_parts(name)
        if epithet is None:
            return None
        if self.registry.known(name) is not None or self._named_as(words, name, span.start) is not None:
            return None
        head, modifiers = epithet
        holders, singled = title_holders(self.text, head, modifiers)
        if singled and len({h[0].split()[-1] for h in holders}) == 1:
            at = min(holders, key=lambda h: abs(h[1] - span.start))[1]
            source = self.registry.resolve(max(holders, key=lambda h: len(h[0]))[0], at=at)
            self.registry.seen(source, span.start)
            return self._record(source, "likely", span, evidence_start=at)
        said = name_gender(name) or self._own_pronoun_gender(span)  # "the actress": a woman
        if self._described_before(span):
            return None  # "the Slovenia-born former model delivered ... said the 46-year-old": someone described
        focus = self._focus_person(span)
        if focus is None:
            focus = self.registry.latest_where(span.start, MAX_PRONOUN_DISTANCE, lambda s: self._fits(s, said))
        if focus is None or not self._fits(focus[1], said):
            return None
        floor = self._window_start(span.start)
        if any(self._other_holder(h, at, focus, (floor, span.start)) for h, at in holders):
            return None  # "Sen. Jo Park said ... the senator added": the title's holder, not the focus
        if holders and not any(self._is_alias(h, focus) for h, _ in holders):
            other = self._holder_in_window(holders, span, floor)
            if other is not None:
                return other
        self.registry.seen(focus[1], span.start)
        return self._record(focus[1], "likely", span, evidence_start=focus[0])

    def _own_pronoun_gender(self, span: Span) -> str | None:
        """The gender an epithet's own clause gives it: a reflexive or possessive pronoun after it,
        before any capitalised word (a name the pronoun may be that one's: "mocked Trump for calling
        himself"), in its sentence: "The former secretary of State began her speech", "now finds
        herself struggling" (epithet12 audit: a man in focus was taken for the woman so described).
        An object "her" ("told her that", "the president told her.") says nothing; None when no
        such pronoun comes first."""
        end = self._sentence_span(span.start).end
        for match in _OWN_PRONOUN.finditer(self.text, span.end, end):
            word = match.group("word")
            if word[:1].isupper():
                return None
            if word.lower() in _OWN_PRONOUNS and (word != "her" or _owned(match.group("next"))):
                return _OWN_PRONOUNS[word.lower()]
        return None

    def _holder_in_window(self, holders: list[tuple[str, int]], span: Span, floor: int) -> Resolved | None:
        """'Governor Kasich' early on, then 'Kasich, like Trump, is ...; the governor implemented':
        when the person in focus is not among those the text gives the epithet's title, the
        epithet stands for the one titled person whose surname the paragraph before or this one
        names outside anyone's words (PolNeAR train: "the governor" was shown as Trump, who holds
        no such title); none or two named there: None, and the focus stays the likely referent."""
        skip = self._in_words(span)
        named = {n for at, n, _ in self._person_names(span.start, skip) if at >= floor}
        surnames = {n.split()[-1] for n in named}
        holders = [h for h in holders if " " in h[0] or not is_given_name(h[0])]  # "Gov. John R. Kasich": "John"
        found = {h.split()[-1]: (h, at) for h, at in holders if h.split()[-1] in surnames}
        if len(found) != 1:
            return None
        holder, at = max((h for h in holders if h[0].split()[-1] in found), key=lambda h: len(h[0]))
        source = self.registry.resolve(holder, at=at)
        self.registry.seen(source, span.start)
        return self._record(source, "likely", span, evidence_start=at)

    def _other_holder(self, holder: str, at: int, focus: tuple[int, Source], window: tuple[int, int]) -> bool:
        """Whether a holder of an epithet's title, named in `window`, is someone other than the focus
        and outside anyone's words: a holder the speaker names in a quotation ("“... running harder
        against President Obama and me,” the former president said") is whom they talk about, no
        rival of the speaker (hops8 audit: the description was shown as the source)."""
        inside = window[0] <= at < window[1] and not self._said.overlaps(Span(at, at + 1))
        return inside and not self._is_alias(holder, focus)

    def _known(self, name: str) -> tuple[int, Source] | None:
        """A known person source of that name, as a candidate (for `_is_alias`)."""
        known = self.registry.known(name)
        return (0, known) if known is not None and known.kind == SourceKind.PERSON else None

    def _described_before(self, span: Span) -> bool:
        """Whether the sentence before names no person outside anyone's words and opens with a
        description of someone ("With millions watching, the Slovenia-born former model
        delivered ..."): an epithet after it goes on describing that someone, no one in focus."""
        floor = self._previous_sentence(span.start)
        names = self._person_names(span.start, self._in_words(span))
        return not any(at >= floor for at, _, _ in names) and _DESCRIBED_SUBJECT.match(self.text, floor) is not None

    def _fits(self, source: Source, gender: str | None) -> bool:
        """Whether a person source may be called by an epithet of `gender` (None: either)."""
        person = source.kind == SourceKind.PERSON or self._one_person(source) or self._named_person(source.name)
        return person and (gender is None or self._gender(source) in (None, gender))

    def _named_person(self, name: str) -> bool:
        """Whether a name is a person's by stronger marks than its shape: a given name in it
        ("Senate Majority Leader Mitch McConnell", which its body words made a government), a
        person the text introduces with a role, or a lone surname whose full names say a gender
        ("Manchester United" is none)."""
        return (
            given_name_gender(name) is not None
            or self.registry.people.is_person(name)
            or self._full_name_gender(name) is not None
        )

    def _focus_person(self, span: Span) -> tuple[int, Source] | None:
        """The person the text is about at `span`: the one person named in the sentence before and
        its own ("Yet it was unclear whether Sanders was ready ... The Vermont senator emailed"),
        else the later of the person recorded last as a source and the person named last as a
        sentence's subject, in this paragraph or the one before, outside anyone's words ("Rubio
        offered the crowd ... as he congratulated Donald Trump": Rubio)."""
        skip = self._in_words(span)
        names = self._person_names(span.start, skip)
        floor = self._previous_sentence(span.start)
        near = [
            n for n in names if n[0] >= floor and (self._named_person(n[1]) or self._is_alias(n[1], self._known(n[1])))
        ]
        if near and all(self._is_alias(n[1], (0, self.registry.resolve(near[-1][1], at=near[-1][0]))) for n in near):
            return near[-1][0], self.registry.resolve(near[-1][1], at=near[-1][0])  # "whether Sanders was ready"
        subject = next((n for n in reversed(names) if n[2]), None)
        latest = self._recent_person(span, skip)
        if subject is not None and (latest is None or subject[0] > latest[0]):
            return subject[0], self.registry.resolve(subject[1], at=subject[0])
        return latest

    def _window_start(self, at: int) -> int:
        """Where the paragraph before the one holding `at` starts (this one's start in the first)."""
        prev = self._paras.before(at)
        index = self._paras.index_of(at)
        return prev.start if prev else (self._paras.spans[index].start if index is not None else 0)

    def _issuers_between(self, floor: int, at: int) -> list[tuple[int, int, Source]]:
        """The recorded issuers from `floor` up to `at`, found by bisection (the list is in text order)."""
        low = bisect_left(self._issuers, floor, key=lambda issuer: issuer[0])
        return self._issuers[low : bisect_left(self._issuers, at, lo=low, key=lambda issuer: issuer[0])]

    def _recent_person(self, span: Span, skip: Callable[[int], bool] | None) -> tuple[int, Source] | None:
        """The person source recorded last before `span` in this paragraph or the one before."""
        floor = self._window_start(span.start)
        window = self._issuers_between(floor, span.start)
        near = [
            issuer
            for issuer in window
            if not (skip and skip(issuer[0]))
            and (issuer[2].kind == SourceKind.PERSON or self._one_person(issuer[2]))
            and issuer[2].name.lower() not in PRONOUNS
        ]
        latest = max(near, key=lambda issuer: (issuer[0], issuer[1]), default=None)
        return (latest[0], latest[2]) if latest else None

    def name(self, span: Span) -> Source:
        """A plain name (a cited source, an anchor's source), resolved or created."""
        source = self._name(span)
        return source

    def _name(self, span: Span) -> Source:
        span = _trimmed(self.text, _unfocused(self.text, span))
        words = span.of(self.text)
        name = core(words)
        kin = _KIN_NAME.match(name)
        if kin is not None:  # "my colleague Geoffrey Skelley": the name, the relation an alias
            source = self.registry.resolve(kin.group("name"), at=span.start, full=words)
            self.registry.alias(source, name)
            return source
        body = self._person_body(name, span)
        if body is not None:
            return body
        named = self._named_as(words, name, span.start)
        if named is not None:
            source = self.registry.resolve(named, at=span.start, full=f"{named}, {name}")
            self.registry.alias(source, name)
            return source
        labelled = self._labelled(name, span) if _LABEL_AFTER.match(self.text, span.end) else None
        if labelled is not None:  # "WALLACE:" after "Fox News host Chris Wallace": Chris Wallace
            source = self.registry.resolve(labelled, at=span.start, full=labelled)
            self.registry.alias(source, name)
            return source
        return self.registry.resolve(name, at=span.start, full=words)

    def _labelled(self, name: str, span: Span) -> str | None:
        """The full name of a transcript's speaker label that no source has yet: a full name in
        capitals as a name is written ("JAKE TAPPER:"), a surname ("WALLACE:", "Lee:") as the one
        person the text names with it, introduced with a role ("Fox News host Chris Wallace") or
        written after a given name ("Hillary Clinton's campaign"). Only a label at a paragraph's
        start: a bare surname elsewhere stays as written (the people the text introduces are too
        few to tell "Clinton" from the Clinton introduced, PolNeAR train: Bill for Hillary)."""
        if (span.start and self.text[span.start - 1] not in '\n"“') or self.registry.known(name) is not None:
            return None
        titled = name.title() if name.isupper() else name
        if " " in name:
            return titled if name.isupper() and is_given_name(titled.split()[0]) else None
        introduced = self.registry.people.surnames.get(titled)
        written = {m.group(0) for m in re.finditer(rf"{_WORD_BEFORE}{re.escape(titled)}\b", self.text)}
        named = {w for w in written if is_given_name(w.split()[0])} | ({introduced} if introduced else set())
        return named.pop() if len(named) == 1 else None

    def _person_body(self, name: str, span: Span) -> Source | None:
        """'her campaign' after Kamala Harris: the Harris campaign, the pronoun resolved (the
        owner was shown as "Her campaign", gold_fresh3a); 'his advisers' after Sanders: the
        Sanders advisers. None when the pronoun finds no person. A person's staff is no alias of
        the pronoun: another man's "his advisers" later may find no owner and must stay as written."""
        match = _PERSON_BODY.match(name)
        if match is None:
            return None
        pronoun = match.group("pronoun")
        person = self._pronoun(pronoun.lower(), Span(span.start, span.start + len(pronoun)), pronoun).source
        body = match.group("body")
        owner = self._surname_owner(person, pronoun.lower(), body in _STAFF) or self._body_owner_before(
            span.start, pronoun.lower()
        )
        if owner is None:
            return None
        source = self.registry.resolve(self._written_body(owner, body, span.start) or f"{owner} {body}", at=span.start)
        if body not in _STAFF:
            self.registry.alias(source, name)
        return source

    def _surname_owner(self, person: Source, pronoun: str, staff: bool) -> str | None:
        """The surname of the person a "his"/"her" resolved to: a person, or a name of no kind the
        pronoun resolution took for one (a lone surname: "Sanders admitted ... his campaign has
        argued" was shown as "his campaign", campaign10 audit of PolNeAR train: 9 hops in 7
        articles); an unresolved pronoun or a place owns nothing. Staff, and a name of no kind,
        need the name or the text to say the pronoun's gender itself (`_said_gender`): staff or
        a body named after the wrong person is worse than the pronoun; a person's body, as
        before, only needs the text not to say the other gender."""
        name = person.name
        named = name[:1].isupper() and name.lower() not in PRONOUNS and name not in _CALENDAR
        if not (person.kind == SourceKind.PERSON or (person.kind == SourceKind.UNKNOWN and named)):
            return None
        said, wanted = self._said_gender(name), PERSON_PRONOUNS[pronoun]
        loose = person.kind == SourceKind.PERSON and not staff and said is None
        if self._placed(name) or (said != wanted and not loose):
            return None
        return name.split()[-1]

    def _said_gender(self, name: str) -> str | None:
        """A person's gender as the name or the text says it, not as learned from the pronouns
        resolved to them (which `_name_gender` also records): "her advisers said" went to "Mark S.
        Mellman", quoted just before, whom an earlier "she" had been given (campaign10 audit)."""
        return self._full_name_gender(name) or pronoun_gender(self.text, name)

    @staticmethod
    def _placed(name: str) -> bool:
        """Whether a name is a place's ("South Carolina"), which owns no campaign a "his" stands for."""
        return is_place(name) or name in _PLACE_NAMES

    def _written_body(self, owner: str, body: str, at: int) -> str | None:
        """How the text itself writes that person's body ("the Clinton campaign", "Hillary Clinton’s
        aides"): the last such naming before `at`, else the first after, so the pronoun's body
        is one source with it; a given name before the surname is part of it, another word
        opening the sentence is not ("But Clinton’s campaign")."""
        found = [m for m in _written_bodies(owner, body).finditer(self.text) if m.start() != at]
        before = [m for m in found if m.start() < at]
        chosen = before[-1] if before else (found[0] if found else None)
        if chosen is None:
            return None
        given = _GIVEN_BEFORE.search(self.text, max(0, chosen.start() - 30), chosen.start())
        if given is not None and is_given_name(given.group("given")) and chosen.group(0)[:1].isupper():
            return core(self.text[given.start("given") : chosen.end()])  # "Hillary Clinton’s aides"
        return core(chosen.group(0))

    def _body_owner_before(self, at: int, pronoun: str) -> str | None:
        """The owner of the last "Harris’ team" in this paragraph or the one before: whose "her
        campaign" it is when the pronoun finds no person (the page names only "Harris’ team").
        Not an owner the text says is of the other gender: "Clinton's campaign ... dressed down
        Sanders for his campaign’s persistent suggestion" is not Clinton's (campaign10 audit)."""
        index = self._paras.index_of(at)
        floor = self._paras.spans[max(0, index - 1)].start if index is not None else max(0, at - 1500)
        found = list(_OWNED_BODY.finditer(self.text, floor, at))
        owner = found[-1].group("owner") if found else None
        if owner is None:
            return None
        known = self.registry.known(owner)  # "Ms. Whitcomb" says what "Whitcomb’s campaign" does not
        gender = self._said_gender(owner) or (self._gender(known) if known is not None else None)
        return owner if gender in (None, PERSON_PRONOUNS[pronoun]) else None

    def _named_as(self, words: str, name: str, at: int) -> str | None:
        """The name the text gives a description: its own appositive ("the regional water company,
        Eastvale Water"), else a name the article ties to it before or after (`named.py`)."""
        if words.startswith(name) and _common_head(name):
            role_led = _ROLE_APPOSITIVE.match(words[len(name) :])
            if role_led is not None:  # "Fellow protester, mechanical engineer Richard Weir, 60,"
                return role_led.group("name")
        apposed = self._person_apposed(words, name, at)
        if apposed is not None:  # "the other candidate, former Secretary of State Hillary Clinton,"
            return apposed
        if not is_description(name):
            return None
        appositive = _APPOSITIVE.match(words[len(name) :]) if words.startswith(name) else None
        if appositive is not None:
            return _personal(appositive.group("name"))
        found = named_for(self._named, name, at)
        if found is not None:
            return found.name
        return self._named_nearby(name, at) or named_next(self.text, name, self._sentence_span(at).end)

    def _person_apposed(self, words: str, name: str, at: int) -> str | None:
        """The person an appositive in the mention's words names (`named.apposed_person`), or,
        the words being the description alone, one right after it before a relative clause."""
        if not words.startswith(name):
            return None
        if words.strip() != name:
            return apposed_person(name, words[len(name) :], _PLACE_NAMES)
        after = self.text[at + len(words) : at + len(words) + 160]
        apposed = apposed_person(name, after, _PLACE_NAMES, outside=True)
        plain = _APPOSITIVE.match(after) if apposed is None and is_description(name) else None
        if plain is not None and RELATIVE_NEXT.match(after, plain.end("name")) and _PROPER.match(plain.group("name")):
            return _personal(plain.group("name"))  # "Trump's running mate, Indiana Gov. Mike Pence, who"
        return apposed

    def _named_nearby(self, description: str, at: int) -> str | None:
        """A description the text ties to no name in so many words: an outlet's ("According to
        the news site" after "NBC 4 New York reported") is the outlet cited last in this or the
        paragraph before; a person's, right under a heading that is a person's name ("Garth
        Brooks" / "the country star replied"), is that person (issue 14, cause 2)."""
        kind = guess_kind(description)
        if kind == SourceKind.OUTLET:
            outlet = self._recent_issuer(Span(at, at), SourceKind.OUTLET)
            return outlet[1].name if outlet is not None else None
        if kind in (SourceKind.GOVERNMENT, SourceKind.ORGANISATION) and self.registry.known(description) is None:
            # "the vice president said" is a person, never the acronym of a body named before it
            # ("AFP" was shown as the vice president, issue 14 audit)
            return None if _person_head(description) else self._acronym_before(at)
        index = self._paras.index_of(at)
        if kind != SourceKind.PERSON or not index:
            return None
        spans = self._paras.spans
        name = heading_name(self.text, spans[index - 1], spans[index], at)
        return name if name is not None and guess_kind(name) == SourceKind.PERSON else None

    def _acronym_before(self, at: int) -> str | None:
        """'... in NASA's search for life, according to the agency': a body's description that fits
        no source yet stands for the one acronym of a body in its sentence or the one before (two
        different ones: no guess)."""
        floor = self._previous_sentence(at)
        found = {m.group(0) for m in _ACRONYM.finditer(self.text, floor, at)} - _NOT_BODIES
        return found.pop() if len(found) == 1 else None

    def _record(self, source: Source, how: str, span: Span, evidence_start: int | None = None) -> Resolved:
        insort(self._issuers, (span.start, len(self._issuers), source), key=lambda issuer: issuer[:2])
        return Resolved(source, how, evidence_start)

    def _unresolved(self, words: str, span: Span) -> Resolved:
        source = self.registry.unresolved(words)
        return Resolved(source, "unresolved")

    def _pronoun(self, word: str, span: Span, written: str) -> Resolved:
        group = PRONOUNS[word]
        skip = self._in_words(span)
        latest = self.registry.latest(group, span.start, skip=skip)
        if group == "group" and latest is not None and self._one_person(latest[1]):
            latest = self._people_before(latest, skip) or latest  # "Martha added ... They"
        if group == "group" and latest is not None and _no_they(latest[1]):
            return self._unresolved(written, span)  # "a former defense official": not the one before either
        if latest is not None and span.start - latest[0] > MAX_PRONOUN_DISTANCE:
            latest = None
        if group == "group" and latest is not None and self._far_body(latest, span) and self._people_first(span):
            return self._one_described(span) or self._unresolved(written, span)
        if group == "person":
            latest = self._spoken_person(span, skip, latest)
            resolved = self._person_pronoun(written, span, latest)
            if resolved.how != "unresolved" and any(
                _is_hearer(resolved.source, name) for name in self._hearers(span)
            ):  # an unresolved "he" is no name: "he" is in "Stephen"
                self._forget(span)
                return self._teller(written, span, resolved.source)
            return resolved
        if group == "thing":
            subject = self._body_subject(span)
            if subject is not None and (latest is None or subject[0] > latest[0]):
                return self._record(self.registry.resolve(subject[1], at=subject[0]), "pronoun", span)
            document = self._document_before(span)
            if document is not None and (latest is None or document[0] > latest[0]):
                return self._record(document[1], "pronoun", span, evidence_start=document[0])
            sender = self._sender(span)
            if sender is not None and (latest is None or sender[0] > latest[0]):
                return self._record(sender[1], "likely", span, evidence_start=sender[0])
            body = self._unmarked_body(span, self._sentence_before(span), places=True)
            if body is not None and (latest is None or body[0] > latest[0]):
                return self._record(body[1], "likely", span, evidence_start=body[0])
            record = self._record_phrase_before(span) if latest is None else None  # only where it was left as "it"
            if record is not None:
                return self._record(self._record_source(*record), "likely", span, evidence_start=record[0])
        if latest is None and group == "group":
            return self._acronym_body(written, span)
        if latest is None:
            return self._unresolved(written, span)
        return self._record(latest[1], "pronoun", span)

    def _spoken_person(
        self, span: Span, skip: Callable[[int], bool] | None, latest: tuple[int, Source] | None
    ) -> tuple[int, Source] | None:
        """The latest person candidate of a "he"/"she": the registry's latest person source, or a
        speaker recorded after it in this paragraph or the one before whose name carries no kind
        but whom the text treats as a person (`_person_by_text`: "Fiorina opened by talking about
        her charitable work ... '...,' she told her audience ... all of whom, she explained"; "Ban
        demurred. '...,' he said. '...,' he added"). The registry keeps such a lone surname or
        given name from every person pronoun, so the run of "she"s after it went to a woman named
        paragraphs before or to no one (refer14 audit of PolNeAR train: 16 of 72 unresolved "he"/
        "she" a careful reader names had such a speaker last). Rivals named between are weighed as
        for any candidate (`_person_pronoun`). Not such a speaker named after the latest person in
        one sentence: there the person named first is the subject, the other a verb's object (refer14
        review of the train dump: "she" went to Clinton of "... allow Clinton to focus")."""
        floor = self._window_start(span.start)
        for at, _, source in reversed(self._issuers_between(floor, span.start)):
            if latest is not None and at <= latest[0]:
                break
            if not (skip and skip(at)) and self._person_by_text(source):
                if latest is not None and self._sentence_span(at).start <= latest[0]:
                    return latest  # "Nancy Worley pledged her vote to Clinton to allow Clinton to focus": the subject
                return at, source
        return latest

    def _person_by_text(self, source: Source) -> bool:
        """Whether a speaker of no listed kind is a person: a name the text gives a person
        (`_one_person`), or a lone capitalised word, a given name too ("Bob said he first heard"),
        that the text follows with pronouns of one gender (`_leaning`) and is no place, nor a body's
        initials."""
        name = source.name
        if source.kind != SourceKind.UNKNOWN or not name[:1].isupper() or name.lower() in PRONOUNS:
            return False
        if self._one_person(source):
            return True
        lone = " " not in name and not name.isupper() and name not in _PLACE_NAMES  # "III" of "G-III": no one
        return lone and name.lower() not in lexicon().openers and self._leaning(name) is not None

    def _far_body(self, latest: tuple[int, Source], span: Span) -> bool:
        """Whether a "they"'s candidate is a body named before the sentence before the pronoun's."""
        return latest[1].kind in _BODY_KINDS and latest[0] < self._previous_sentence(span.start)

    def _people_first(self, span: Span) -> bool:
        """Whether the pronoun's own sentence names people before it, as a speaker ("Observers ...
        said they saw") or by a noun for people ("One witness ... photographs of attendees they
        claimed were", "asked workers if they"): the nearer referent, so a body named sentences
        before is no likely one (regress11 audit of the 840 PolNeAR train articles: such a "they"
        went to a far body 48 times in 37 articles, "Amnesty International" for a witness on dev
        gold). Whom it is the text does not say for sure: unresolved, no wrong name."""
        own = self._sentence_span(span.start)
        speakers = self._issuers_between(own.start, span.start)
        if any(source.kind in (SourceKind.PERSON, SourceKind.UNNAMED) for _, _, source in speakers):
            return True
        return any(w in _PEOPLE_WORDS for w in re.findall(r"[a-z]+", self.text[own.start : span.start].lower()))

    def _one_described(self, span: Span) -> Resolved | None:
        """The one person a "they"'s sentence opens with, described ("One witness to the hearing
        provided ... attendees they claimed were"): the singular "they" is that subject's."""
        own = self._sentence_span(span.start)
        match = _ONE_DESCRIBED.match(self.text, own.start, span.start)
        if match is None:
            return None
        source = self.registry.resolve(match.group("np"), at=match.start("np"))
        return self._record(source, "likely", span, evidence_start=match.start("np"))

    def _hearers(self, span: Span) -> list[str]:
        """The names a pronoun's own sentence gives its hearer ("he told Hannity", "In an interview
        with Hannity, he said"): the pronoun cannot be one of them. ("Hannity asked Trump how high
        the wall would be. '...,' he told Hannity": "he" went to Hannity, the asker and the subject
        before, and with it Trump's later quotes, PolNeAR train.)"""
        chunks = [m.group("hearer") for m in [_HEARER_AFTER.match(self.text, span.end)] if m]
        sentence = self._sentence_span(span.start)
        chunks += [
            m.group("hearer")
            for m in _HEARER_BEFORE.finditer(self.text, sentence.start, span.start)
            if not self._said.overlaps(Span(m.start(), m.end()))
        ]
        return [name.group(0) for chunk in chunks for name in _NAME_LIKE.finditer(chunk)]

    def _forget(self, span: Span) -> None:
        """Take back the source recorded last for the mention at `span` (a hearer taken for it)."""
        low = bisect_left(self._issuers, span.start, key=lambda issuer: issuer[0])
        high = bisect_right(self._issuers, span.start, lo=low, key=lambda issuer: issuer[0])
        if high > low:  # a guess from the next sentence ("cataphora") records nothing
            del self._issuers[high - 1]

    def _teller(self, word: str, span: Span, hearer: Source) -> Resolved:
        """Who tells, when the pronoun went to its own hearer: the person named last in this or the
        sentence before whom the text gives no other gender and who is not the hearer ("Hannity asked Trump ...
        '...,' he told Hannity": Trump), as the likely referent; else unresolved."""
        floor = self._sentence_before(span)
        for at, name, _ in reversed(self._person_names(span.start, self._in_words(span))):
            if at < floor:
                break
            fits = self._name_gender(name) in (None, PERSON_PRONOUNS[word.lower()])
            if fits and not _is_hearer(hearer, name):
                return self._record(self.registry.resolve(name, at=at), "likely", span, evidence_start=at)
        return self._unresolved(word, span)

    def _document_before(self, span: Span) -> tuple[int, Source] | None:
        """The document the sentence before cites as a source ("..., the congressional report said.
        It accused the agency of ..."), when none of its sources is a body: "it" goes on citing the
        document, not the body it names (issue 14 audit: "It" was shown as the FDIC it accused)."""
        floor = self._previous_sentence(span.start)
        window = self._issuers_between(floor, span.start)
        near = window
        if not near or near[-1][2].kind != SourceKind.DOCUMENT:
            return None
        return near[-1][0], near[-1][2]

    def _record_phrase_before(self, span: Span) -> tuple[int, str] | None:
        """The record an "it" speaking stands for when no source was named for it: the one
        document-headed phrase in the pronoun's sentence before it, else in the sentence before
        ("my document was utterly useless because it stated that ...", "The email includes a
        photo ... At the bottom it reads, ...", "Thursday's memo from the panel seemed aimed at
        ... '...,' it stated"). dev6a13 audit of PolNeAR train: 48 "it" sources were left
        unresolved in 33 articles; this names 9 of them in 5 articles (a letter, memo, email,
        affidavit, sign), 8 right on reading (the ninth a quotation wrongly carried to "it"), and
        gold_fresh6a's "it stated" (the migrant's document). Flagged as likely. Two such phrases:
        no guess."""
        inside = self._said.overlaps(span)  # in someone's words, the record may be in them too
        opening = self._sentence_span(span.start).start
        before = self._sentence_span(max(0, opening - 2)).start if opening > 0 else opening
        for floor, end in ((opening, span.start), (before, opening)):
            found = [
                m
                for m in _RECORD_PHRASE.finditer(self.text, floor, end)
                if inside or not self._said.overlaps(Span(m.start(), m.end()))
            ]
            if len(found) == 1:
                return found[0].start(), found[0].group(0)
            if found:
                return None
        return None

    def _record_source(self, at: int, words: str) -> Source:
        """The source a record phrase names: the one it was already resolved to where it spoke
        ('"...," the email read. It stated that ...': the sender the email was given to, as for
        the sentence before), else the record itself, a document."""
        spoke = self._issuers_between(at, at + len(words))
        return spoke[0][2] if spoke else self.registry.resolve(words, SourceKind.DOCUMENT, at=at)

    def _unmarked_body(
        self, span: Span, floor: int, places: bool = False, kinds: frozenset[SourceKind] = frozenset()
    ) -> tuple[int, Source] | None:
        """The one speaker from `floor` to the mention whose name carries no mark of its kind and is
        no person's ("In a blog post, Twitter said ... It added that", "Business Insider ...
        acknowledged it had ... '...,' the company said"): the body the text goes on calling "it" or
        by its class (refer11 audit of the 840 PolNeAR train articles: "It" and "the company" were
        shown as the origin after such a speaker). Its name said nothing of a body, so the registry
        kept it from every "it". A place speaks as a country ("Israel said ... It added") when
        `places`. Any other body speaking there, marked or not, is a rival ("Hurun lists ..., Forbes
        says ... The company says": Bloomberg's, neither of them): then, or with none, no guess. Its
        kind is unknown, or one of `kinds` that the description's class allows ("Twitter", known as
        a platform, "Business Insider" as an outlet, are companies too; epithet12 audit of PolNeAR
        train: "the company" stayed the origin after both)."""
        found = {
            id(source): (at, source)
            for at, _, source in self._issuers_between(floor, span.start)
            if source.kind not in _NO_RIVAL_BODIES and self._unmarked(source.name, True)
        }
        if len(found) != 1:
            return None
        at, source = next(iter(found.values()))
        known = source.kind in kinds and not marked_as(source.name, _NOT_COMPANY_CLASSES)
        fits = source.kind == SourceKind.UNKNOWN or known
        return (at, source) if fits and self._unmarked(source.name, places) else None

    def _unmarked(self, name: str, places: bool) -> bool:
        """Whether a speaker's name is a proper name of no person (nor of a place, unless `places`)."""
        if not name[:1].isupper() or not _proper_only(name) or _no_body_word(name) or " and " in name:
            return False
        return not self._is_person(name) and (places or not self._placed(name)) and name not in _CALENDAR

    def _sender(self, span: Span, head: str | None = None) -> tuple[int, Source] | None:
        """Who the text last says sent, released or issued a document (`_SENT`, data/claim_kinds.json
        artifacts; one with `head` if given) in this paragraph or the one before: "Mayor Ana Ruiz
        sent an email to staff. It reads: ..." and "The Harbor Board sent a letter. The letter slams
        ...": the words are the sender's (they went to a body quoted a paragraph before)."""
        found = None
        floor = max(self._window_start(span.start), span.start - MAX_PRONOUN_DISTANCE)  # one huge paragraph too
        made = [*_SENT.finditer(self.text, floor, span.start), *_MADE_BY.finditer(self.text, floor, span.start)]
        for match in sorted(made, key=lambda m: m.start("name")):
            name = match.group("name")
            if (head is None or match.group("head").lower() == head) and not _no_body_word(name):
                found = match
        if found is None:
            return None
        at = found.start("name")
        return at, self.registry.resolve(found.group("name"), at=at)

    def _acronym_body(self, written: str, span: Span) -> Resolved:
        """'the NYPD was initially unaware ..., though they later said': a "they" with no group
        source before it is the one body named by an acronym in its sentence or the one before,
        the likely referent (else it was shown as the source "they", gold_text)."""
        acronym = self._acronym_before(span.start)
        if acronym is None:
            return self._unresolved(written, span)
        at = self.text.rfind(acronym, 0, span.start)
        return self._record(self.registry.resolve(acronym, at=at), "likely", span, evidence_start=at)

    def _people_before(
        self, latest: tuple[int, Source], skip: Callable[[int], bool] | None
    ) -> tuple[int, Source] | None:
        """The people named together before a lone person's name ("Dale and Martha"), the likelier
        "they"; None when the sources before are no such pair (then the lone name stays, as
        before: "His role" or a body further back is no better a guess)."""
        earlier: tuple[int, Source] | None = latest
        while earlier is not None and self._one_person(earlier[1]):
            earlier = self.registry.latest("group", earlier[0], skip=skip)
        return earlier if earlier is not None and " and " in earlier[1].name else None

    def _one_person(self, source: Source) -> bool:
        """Whether a source of no person kind is one person all the same, a name the text gives a
        person ("Martha" of "Martha Fry"): no "they" ("Dale and Martha disputed ... Martha added
        ... They also disputed": they are Dale and Martha, not Martha, gold_fresh3a)."""
        name = source.name
        return source.kind == SourceKind.UNKNOWN and " and " not in name and self._is_person(name)

    def _person_pronoun(self, word: str, span: Span, latest: tuple[int, Source] | None) -> Resolved:
        """'he'/'she': the latest person source or sentence-opening name, if no other name intervenes."""
        asked = self._asked(word, span)
        if asked is not None:
            return asked
        fronted = self._fronted_clause_subject(word, span)
        if fronted is not None:
            return fronted
        names = self._person_names(span.start, self._in_words(span))
        subject = next((n for n in reversed(names) if n[2]), None)
        if (
            subject is not None
            and (latest is None or subject[0] > latest[0])
            and not self._is_alias(subject[1], latest)
        ):
            source = self.registry.resolve(subject[1], at=subject[0])
            latest = (subject[0], source)
        elif subject is not None and latest is not None and subject[0] > latest[0]:
            latest = (subject[0], latest[1])  # "Donald Trump ... Trump also took swipes at Bush": named last there
        if latest is None:
            return self._named_after(word, span)
        position, source = latest
        if self._gender(source) not in (None, PERSON_PRONOUNS[word.lower()]):
            return self._fitting_before(word, span)  # "she" for someone the text calls "he"
        own_end = self._mention_ends.get(position, position)  # "Dr. Jamie Chang, ... of Social Welfare"
        rivals = [
            pos for pos, name, _ in names if pos > position and pos >= own_end and self._rival(pos, name, word, latest)
        ]
        if rivals:
            # "Grant attacked Wong. He said": the subject of the sentence just before is the likely
            # referent, shown with a lower confidence and that sentence as evidence; further back
            # (a quotation between, another speaker) nothing is guessed.
            floor = self._sentence_before(span)
            topic = self._nearest_topic(word, span)
            if topic and topic[0][0] in rivals and not self._other_speaker(floor, span, topic[0], word):
                at, name = topic[0]  # "Tolland backs Beck. Mr. Beck's success ... reflects how he": Beck
                return self._record(self.registry.resolve(name, at=at), "likely", span, evidence_start=at)
            if subject is not None and subject[0] == position and floor <= position:
                return self._record(source, "likely", span, evidence_start=position)
            said = self._last_mention(source, span.start)
            opened = said is not None and floor <= said and self._pronoun_opens(said, word)
            if opened and not any(self._subject_after(said or 0, pos, word) for pos in rivals):  # "Hammond, ... He"
                return self._record(source, "likely", span, evidence_start=said)
            if all(self._bound_before(pos, word) for pos in rivals):
                bound = self._binding_referent(rivals[-1], word)
                governed = [name for pos, name, _ in names if pos in rivals]
                if (
                    bound is not None
                    and bound[1] is not source
                    and not any(self._is_alias(name, bound) for name in governed)
                ):  # "he wrote ... Clinton ... He tweeted"; not "he told Hannity" taken as Hannity
                    return self._record(bound[1], "likely", span, evidence_start=bound[0])
                return self._record(source, "likely", span, evidence_start=position)
            return self._fitting_before(word, span)
        if self._gender(source) is None:  # "Lynch ... She told AP": a "He said" later is someone else
            self._learn_gender(source, PERSON_PRONOUNS[word.lower()])
        return self._record(source, "pronoun", span)

    def _learn_gender(self, source: Source, gender: str) -> None:
        """Take the gender of a pronoun resolved to `source` as its own, and its names'."""
        self._genders[source.id] = gender
        for name in (source.name, *source.aliases):
            if self._name_genders.get(name) is None:
                self._name_genders[name] = gender

    def _last_mention(self, source: Source, before: int) -> int | None:
        """Where the mention resolved last to `source` before `before` starts (a pronoun too)."""
        high = bisect_left(self._issuers, before, key=lambda issuer: issuer[0])
        return next((at for at, _, s in reversed(self._issuers[:high]) if s is source), None)

    def _pronoun_opens(self, position: int, word: str) -> bool:
        """Whether the candidate was taken from a pronoun like `word` with no person named before it
        in its sentence ("On July 27, he emailed Lane about it. '...,' he wrote"): that sentence's
        subject, as a name opening it would be (the "he" after was given to Lane, named after it)."""
        written = self.text[position : position + len(word)]
        if written.lower() != word.lower() or not self.text[position + len(word) : position + len(word) + 1].isspace():
            return False
        start = self._sentence_span(position).start
        return not any(
            self._is_person(_without_opener(m.group(0))[0]) for m in _NAME_LIKE.finditer(self.text, start, position)
        )

    def _fitting_before(self, word: str, span: Span) -> Resolved:
        """The one person named in the sentence before the pronoun or its own, outside anyone's
        words, who fits it ("after the novelist Jo Walton explained them to me. '...,' she said";
        "When Ford visited his editor Teresa Nielsen Hayden ... '...,' she recalled"): the likely
        referent, flagged, with the naming as evidence. Two who fit, or none: unresolved (issue 14,
        cause 2: the candidate before was the other gender, or a rival came between). With no one
        there, one sentence further back ("I thought of Elise Matthesen. ... how would she feel?")."""
        floor = self._sentence_before(span)
        fitting = self._fitting_since(floor, word, span)
        if not fitting and floor > 0:
            fitting = self._fitting_since(self._previous_sentence(floor), word, span)
        if not fitting:
            fitting = self._last_of_gender(word, span)
        if not fitting:
            fitting = self._sole_of_gender(word, span)
        if len(fitting) > 1:
            fitting = self._nearest_topic(word, span) or fitting
        if len(fitting) != 1 or self._other_speaker(floor, span, fitting[0], word):
            return self._unresolved(word, span)
        at, name = fitting[0]
        source = self.registry.resolve(name, at=at)
        if self._gender(source) is None:  # "she" went to Jo Walton: a "he" after is not hers
            self._genders[source.id] = self._name_genders[name] = PERSON_PRONOUNS[word.lower()]
        return self._record(source, "likely", span, evidence_start=at)

    def _nearest_topic(self, word: str, span: Span) -> list[tuple[int, str]]:
        """The one person named in the nearest sentence that names anyone (the pronoun's own, before
        it, else the one just before), when that person opens it, a possessive too, and fits the
        pronoun ("Gowdy's office assured ... Podliska's suit .... Podliska's lawsuit demands his
        reinstatement .... He also seeks"; "Mr. Cruz's success ... reflects how he has ... since he
        announced"): the sentence is about them, and the people named further back are no equal
        rivals (pron14b: 8 of 72 nameable unresolved pronouns in a PolNeAR train sample had such a
        possessive antecedent). Two people named there (a longer name after the opening one may be a
        relative: "Grayson's name ... Lolita Grayson filed"), or one who does not open it: none."""
        own = self._sentence_span(span.start).start
        named = self._person_names(span.start, self._in_words(span))
        names = [n for n in named if n[0] >= own]
        if not names and own > 0:
            before = self._sentence_span(max(0, own - 2)).start
            names = [n for n in named if before <= n[0] < own]
        if not names:
            return []
        at, name, _ = names[0]
        bare = _TITLE_OPENING.sub("", name)
        if any(_TITLE_OPENING.sub("", other) not in bare for _, other, _ in names[1:]):
            return []  # "Howard, ... brother of Ron Howard": a longer name may be someone else
        titled = re.search(r"(\w+)\.\s+$", self.text[max(0, at - 12) : at])
        if titled is not None and titled.group(1).lower() in _TITLES:
            return []  # "... candidate Sen. Ted Cruz in November": the full stop is the title's
        if not _opens(self.text, self._sentence_span(at).start, at) or not self._rival(at, name, word, None):
            return []
        return [(at, name)]

    def _last_of_gender(self, word: str, span: Span) -> list[tuple[int, str]]:
        """The person named last in this paragraph or the one before, as a sentence's subject, when
        the text gives them the pronoun's gender and every person named after them the other ("Jaelyn Brown ... had a
        different reaction: She thought ... Why didn't Assanis denounce ...? Why did he wait ...?
        ... her friends are feminists, she said": a run of "she" about one woman across sentences
        naming a man; it went to the man, or to no one, issue 14 audit)."""
        wanted = PERSON_PRONOUNS[word.lower()]
        # names in words reported of someone count ("... had a different reaction: She thought" is
        # no quotation), those in a quotation do not
        for at, name, opens in reversed(self._person_names(span.start, self._in_quotation)):
            gender = self._name_gender(name) or self._leaning(name)
            if gender != wanted and gender is not None:
                continue
            return [(at, name)] if gender == wanted and opens else []  # "... versus Donald Trump. He": no subject
        return []

    def _sole_of_gender(self, word: str, span: Span) -> list[tuple[int, str]]:
        """The one person of the pronoun's gender named in this paragraph or the one before,
        outside quotations, when every person named after them is marked the other gender and no
        one of unknown gender opens a sentence there ("Cheers, Ms. Yellen. The Federal Reserve
        chairwoman, Janet Yellen, ... Yet she held firm and took her time until she believed";
        "Obama's handling of the Islamic State ... His strategy clearly hasn't worked, and he
        continues"): a careful reader's referent though no sentence opens with the name (pron10
        audit: a run of "he"/"she" about one person left unresolved in 12 PolNeAR train articles;
        all 16 guesses read right). None when the name is governed by a fitting pronoun before it
        ("He attacked Mr. Clinton's personal life. He tells"), two people of that gender are named,
        or a speaker who may fit the pronoun spoke since (`_speaker_since`)."""
        wanted = PERSON_PRONOUNS[word.lower()]
        fitting: list[tuple[int, str]] = []
        for at, name, opens in reversed(self._person_names(span.start, self._in_quotation)):
            gender = self._name_gender(name)
            if gender is None and (opens or not fitting):
                return []  # "Naureen Jahangir, a Sanders supporter, ...": she may be the one
            if gender == wanted and self._bound_before(at, word):
                return []
            if gender == wanted:
                fitting.append((at, name))
        if len({name.split()[-1] for _, name in fitting}) != 1:
            return []
        nearest = fitting[0]
        if span.start - nearest[0] > MAX_PRONOUN_DISTANCE or self._speaker_since(nearest, span, wanted):
            return []
        return [nearest]

    def _speaker_since(self, candidate: tuple[int, str], span: Span, wanted: str) -> bool:
        """Whether a source who may fit the pronoun is recorded from the candidate's sentence on:
        one whose name does not mark the other gender ("Asa Khalif said Republican nominee Donald
        Trump is a bigot ... But he said": Khalif, whom the "she" of Clinton in his reported words
        made a woman by pronoun count). Documents, groups and pronouns are no such speaker."""
        floor = self._sentence_span(candidate[0]).start
        for _, _, source in self._issuers_between(floor, span.start):
            if source.kind == SourceKind.DOCUMENT or _plural(source) or self._is_alias(candidate[1], (0, source)):
                continue
            if _named_body(source):
                continue
            if source.name.lower() in PRONOUNS or is_first_person(source.name):
                continue
            if self._marked_gender(source.name) in (None, wanted):
                return True
        return False

    def _marked_gender(self, name: str) -> str | None:
        """A name's gender by its own words (a title, a gendered noun, a given name, the full names
        of a lone surname), not by the pronouns around it, which a quoted or reported other
        person's "she" can sway."""
        return name_gender(name) or given_name_gender(name) or self._full_name_gender(name)

    def _in_quotation(self, at: int) -> bool:
        """Whether `at` lies between an opening quotation mark and its close in its paragraph."""
        index = self._paras.index_of(at)
        floor = self._paras.spans[index].start if index is not None else max(0, at - 1500)
        return self.text.rfind("“", floor, at) > self.text.rfind("”", floor, at)

    def _leaning(self, name: str) -> str | None:
        if name not in self._leanings:
            self._leanings[name] = pronoun_leaning(self.text, name)
        return self._leanings[name]

    def _other_speaker(self, floor: int, span: Span, candidate: tuple[int, str], word: str) -> bool:
        """Whether someone else spoke between `floor` and the pronoun ("after a meeting with Nato
        Secretary General Mark Rutte, the US President said: ... He has also accused"): that
        speaker, though no named person, is the likelier referent, so nothing is guessed. Not a
        speaker the candidate opens a clause after (`_subject_after`), nor a group (`_plural`)."""
        named_at, name = candidate
        window = self._issuers_between(floor, span.start)
        for position, _, source in window:
            if source.kind in _NO_SPEAKERS or self._is_alias(name, (0, source)):
                continue  # "Everyone", a "You" in a quotation, a document: no one the pronoun could be
            if _plural(source) or _named_body(source) or self._subject_after(position, named_at, word):
                continue
            gender = self._gender(source)
            if source.kind != SourceKind.PERSON or gender == PERSON_PRONOUNS[word.lower()]:
                return True
            if gender is None and is_description(source.name) and self._sentence_span(position).start == position:
                return True  # "The former ambassador also discussed ... Donald Trump. He stated": him
        return False

    def _subject_after(self, position: int, named_at: int, word: str) -> bool:
        """Whether the candidate, named after the speaker at `position`, opens a clause of its own
        ("“...,” the Texas senator said. As for Trump, he said"; "Reached by POLITICO, Hammond,
        the committeeman, hesitated ... He agreed"): the text has moved on from that speaker to
        the candidate, so the speaker is no likelier referent (hop8 audit: the pronoun was left
        unresolved in 5 of 120 PolNeAR train articles). Not a name some verb governs ("the ideas
        Sanders championed"), nor one after a fitting pronoun that opens its sentence ("He would
        like ... Sanders championed. Even then, he said": still that "he")."""
        if position >= named_at or self._bound_before(named_at, word) or self._apposed(named_at):
            return False
        return _CLAUSE_OPENING.search(self.text, max(0, named_at - 12), named_at) is not None

    def _apposed(self, at: int) -> bool:
        """Whether the name at `at` is followed by a comma and a person's name: an appositive or a
        fronted topic, not the subject ("On the topic of another tough guy, Mr. Putin, Mr. Trump was
        pressed on why he had said": the subject is Mr. Trump)."""
        name = _NAME_LIKE.match(self.text, at)
        comma = _APPOSITION.match(self.text, name.end()) if name else None
        after = _NAME_LIKE.match(self.text, comma.end()) if comma else None
        return after is not None and self._is_person(_without_opener(after.group(0))[0])

    def _fitting_since(self, floor: int, word: str, span: Span) -> list[tuple[int, str]]:
        """The distinct people named from `floor` to the pronoun who fit it (a surname and the full
        name it shortens are one), each with where it was named last."""
        fitting: list[tuple[int, str]] = []
        for at, name, _ in self._person_names(span.start, self._in_words(span)):
            if at < floor or not self._rival(at, name, word, None):
                continue
            bare = _TITLE_OPENING.sub("", name).lower()  # "Ms. Perino" is the "Dana Perino" named before
            same = [f for f in fitting if bare in f[1].lower() or _TITLE_OPENING.sub("", f[1]).lower() in name.lower()]
            fitting = [f for f in fitting if f not in same] + [(at, max([name, *(f[1] for f in same)], key=len))]
        return fitting

    def _body_subject(self, span: Span) -> tuple[int, str] | None:
        """The country or body that opens the sentence holding "it" ("Pakistan on Wednesday
        summoned India's envoy over what it called ..."): the subject binds the pronoun, though
        the source recorded last was another body (it went to "India's home ministry")."""
        sentence = self._sentence_span(span.start)
        lead = _BODY_OPENING.match(self.text, sentence.start, span.start)
        if lead is None or lead.end("name") >= span.start:
            return None
        if _POSTPOSED.search(self.text, max(sentence.start, span.start - 3), span.start):
            return None  # "Police buildings were damaged, it said": the opening words are what it said
        name, at = lead.group("name"), lead.start("name")
        kind = self._kind(name)
        if kind in (SourceKind.PERSON, SourceKind.DOCUMENT, SourceKind.SOCIAL_ACCOUNT) or self._is_person(name):
            return None
        if kind == SourceKind.UNKNOWN and (" " in name or name.upper() in _NOT_BODIES or name in _CALENDAR):
            return None  # a lone capitalised word that is no person: a country or a body ("Pakistan")
        if _no_body_word(name):
            return None  # "The email goes on ... it", "At the bottom it reads", "Maria, ... did it say"
        return at, name

    def _asked(self, word: str, span: Span) -> Resolved | None:
        """'A reporter asked Montoya-Lewis, "...?" / "...," she replied': who replies is whom the
        sentence before asked, named right after "asked" (the asker was the latest source, the
        one asked a rival, and the answer was left unresolved)."""
        if _REPLY.match(self.text, span.end) is None:
            return None
        floor = self._previous_sentence(span.start)
        found = [
            m
            for m in _ASKED.finditer(self.text, floor, span.start)
            if not self._said.overlaps(Span(m.start(), m.end()))
        ]
        if not found:
            return None
        name = found[-1].group("name")
        if not self._is_person(name) or self._name_gender(name) not in (None, PERSON_PRONOUNS[word.lower()]):
            return None
        at = found[-1].start("name")
        return self._record(self.registry.resolve(name, at=at), "likely", span, evidence_start=at)

    def _sentence_before(self, span: Span) -> int:
        """Where the sentence before a pronoun's starts; for the tag of a quotation ("“Everybody is
        laughing at Jeb Bush. A pathetic figure!” he wrote"), the sentence before the quotation:
        the quotation and its tag are one sentence (its last sentence was taken for the one
        before, the subject before it was out of reach, and "he" was left unresolved, issue 14
        audit)."""
        tag = _TAG_BEFORE.search(self.text, max(0, span.start - 4), span.start)
        if tag is None:
            return self._previous_sentence(span.start)
        para = self._paras.index_of(span.start)
        floor = self._paras.spans[para].start if para is not None else max(0, span.start - 1500)
        opening = self.text.rfind("“", floor, tag.start())
        if opening == -1 or "”" in self.text[opening : tag.start()]:
            return self._previous_sentence(span.start)
        return self._sentence_span(max(0, opening - 2)).start

    def _previous_sentence(self, at: int) -> int:
        """Where the sentence before the one holding `at` starts (its paragraph's start at most one back)."""
        starts = [s.start for s in sentences(self.text, Span(max(0, at - 600), at))]
        return starts[-2] if len(starts) >= 2 else (starts[0] if starts else at)

    def _fronted_clause_subject(self, word: str, span: Span) -> Resolved | None:
        """'Though he outlined work for a client in emails, Morales insisted ...': a pronoun in a
        clause fronted before the main clause stands for the person the main clause opens with
        (issue 14, cause 2: it was left unresolved, or given to a woman named before). A guess,
        flagged as a name after the pronoun; None when no person of a fitting gender opens it."""
        start = self._sentence_span(span.start).start
        lead = _FRONTED_CLAUSE.match(self.text, start, span.end)
        if lead is None or lead.end() != span.end or self._said.overlaps(span):
            return None
        comma = self.text.find(",", span.end, self._sentence_span(span.start).end)
        opening = _CLAUSE_SUBJECT.match(self.text, comma + 1) if comma != -1 else None
        if opening is None or not self._is_person(opening.group("name")):
            return None
        source = self.registry.resolve(opening.group("name"), at=opening.start("name"))
        if self._gender(source) not in (None, PERSON_PRONOUNS[word.lower()]):
            return None
        return self._record(source, "cataphora", span, evidence_start=opening.start("name"))

    def _named_after(self, word: str, span: Span) -> Resolved:
        """'"We will appeal," she said. Maria Lopez, the company's lawyer, ...': with no one named
        before, the first person named in the next sentence or two is the likely speaker. Not one
        named later in the pronoun's own sentence: there a name is whom the pronoun spoke to or
        through ("he told ABC’s Good Morning America that ...", "she told Fox News’ Sean Hannity
        that ..."), never the pronoun itself (side9 audit: the programme became the origin)."""
        paras = self._paras.spans
        para = self._paras.index_of(span.start)
        end = paras[min(para + 1, len(paras) - 1)].end if para is not None else span.end
        end = min(end, span.end + _AHEAD)
        for match in _NAME_LIKE.finditer(self.text, self._sentence_span(span.start).end, end):
            if self._said.overlaps(Span(match.start(), match.end())):
                continue  # 'She writes, "... the day I started dating Blake Curtis"': whom she names, not her
            name, _ = _without_opener(match.group(0))
            if not name or name.lower() in _TITLES or name in _PLACE_NAMES or guess_kind(name) != SourceKind.PERSON:
                continue
            source = self.registry.resolve(name, at=match.start())
            if self._gender(source) in (None, PERSON_PRONOUNS[word.lower()]):
                return Resolved(source, "cataphora", None)
            break
        return self._fitting_before(word, span)

    def _in_words(self, span: Span) -> Callable[[int], bool] | None:
        """For a pronoun in no one's words, what rules out a position: lying in someone's words
        ("Trump said his nominee, Howard Lutnick, had informed him ... He also said": not the
        nominee). Inside a quotation the people it names are fair candidates (None)."""
        if self._said.overlaps(span):
            return None
        return lambda at: self._said.overlaps(Span(at, at + 1))

    def _someone_else(self, word: str, span: Span, speaker: Source) -> Resolved:
        """A "he" in a speaker's quotation that the text around would give the speaker: the person
        named last before it who is not the speaker and fits the pronoun, as the likely referent
        ("Ramdehol ... 'He left on the tractor,' Deyal told the paper"), else unresolved."""
        latest = (span.start, speaker)
        for at, name, _ in reversed(self._person_names(span.start)):
            if span.start - at > MAX_PRONOUN_DISTANCE:
                break
            if not self._is_alias(name, latest) and self._rival(at, name, word, latest):
                return self._record(self.registry.resolve(name, at=at), "likely", span, evidence_start=at)
        return self._unresolved(word, span)

    def _rival(self, at: int, name: str, pronoun: str, latest: tuple[int, Source] | None) -> bool:
        """Whether a person named between a pronoun and its candidate could be its referent
        instead: not another name of the candidate, not a possessive ("Omar asked for compassion
        during Carlineo's sentencing. She added") unless it opens its sentence ("Meghan Markle's
        whirlwind romance ... in 2013 she thought": the sentence is about her), and not one the
        text gives the other gender ("Zoghlin, Carlineo's attorney, ... 'Pat Carlineo is ...,' she
        said": he is no rival)."""
        if self._is_alias(name, latest):
            return False
        owner = _POSSESSIVE.match(self.text, at + len(name)) is not None
        author = owner and _authored(self.text, at + len(name))  # "Snyder's Facebook post. She writes"
        if owner and not author and not _opens(self.text, 0, at):
            return False
        gender = self._name_gender(name)
        if gender is None:
            return author or self._marked_person(name)
        return gender == PERSON_PRONOUNS[pronoun.lower()]

    def _bound_before(self, at: int, pronoun: str) -> bool:
        """Whether a subject pronoun like `pronoun` comes before the name at `at` in its sentence, in
        no one's words ("Once, she thought about politics — she campaigned for Clinton"): that
        "she" is not Clinton (a pronoun does not stand for a name it governs), so the sentence is
        still about the person before: with no other rival, that person is the likely referent of
        a "she said" after it (her quotes went to Clinton, gold_fresh4a)."""
        wanted = PERSON_PRONOUNS[pronoun.lower()]
        sentence = self._sentence_span(at)
        for match in _SUBJECT_PRONOUN.finditer(self.text, sentence.start, at):
            if PERSON_PRONOUNS[match.group(0).lower()] == wanted and not self._said.overlaps(
                Span(match.start(), match.end())
            ):
                return True
        return False

    def _binding_referent(self, at: int, pronoun: str) -> tuple[int, Source] | None:
        """Where the pronoun binding the name at `at` (`_bound_before`) went: the person it was
        resolved to, or None if it was left unresolved. ("Then there's Axelrod. '...,' he wrote
        after The Times published a story about Clinton. 'Too forced?' He tweeted": the first "he"
        went to Axelrod, so the second is his too, not the man named as a source two paragraphs
        before.)"""
        wanted = PERSON_PRONOUNS[pronoun.lower()]
        sentence = self._sentence_span(at)
        for match in _SUBJECT_PRONOUN.finditer(self.text, sentence.start, at):
            if PERSON_PRONOUNS[match.group(0).lower()] != wanted or self._said.overlaps(
                Span(match.start(), match.end())
            ):
                continue
            recorded = self._issuers_between(match.start(), match.start() + 1)
            if recorded:
                return None if recorded[-1][2].name.lower() in PRONOUNS else (match.start(), recorded[-1][2])
        return None

    def _name_gender(self, name: str) -> str | None:
        if name not in self._name_genders:
            self._name_genders[name] = self._full_name_gender(name) or pronoun_gender(self.text, name)
        return self._name_genders[name]

    def _full_name_gender(self, name: str) -> str | None:
        """A lone surname's gender by the given names of the full names the text gives it ("Michael
        Mukasey" for "Mukasey"), when they agree: the pronoun count of its sentences took the "her"
        of "Mukasey said ... her political career" for his, and left his "he said" unresolved
        (issue 14 audit)."""
        if " " in name.strip() or not name[:1].isupper():
            return None
        self._surname_of_person(name)  # finds the full names once
        genders = {given_name_gender(full) for full in (self._full_names or {}).get(name, ())} - {None}
        return genders.pop() if len(genders) == 1 else None

    def _marked_person(self, name: str) -> bool:
        """Whether the text marks capitalised words as a person beyond their shape: a role or
        title in them, a person it introduces, or a person source. "The New Race to Build a
        Space-Based Internet" (a link's title) or "the Supreme Court" are not rivals of the
        speaker quoted before them (the quotation after was left unresolved)."""
        words = {w.lower().strip(".,") for w in name.split()}
        if not words.isdisjoint(_TITLES) or not words.isdisjoint(role_words()):
            return True
        known = self.registry.known(name)
        return self.registry.people.is_person(name) or (known is not None and known.kind == SourceKind.PERSON)

    def _gender(self, source: Source) -> str | None:
        if source.id not in self._genders:
            self._genders[source.id] = self._full_name_gender(source.name) or pronoun_gender(self.text, source.name)
        return self._genders[source.id]

    def _person_names(self, end: int, skip: Callable[[int], bool] | None = None) -> list[tuple[int, str, bool]]:
        """Person-like names before `end` in this and the previous paragraph, but those at positions
        `skip` rules out: (position, name, opens a sentence)."""
        paras = self._paras.spans
        para = self._paras.index_of(end) or 0
        start = paras[max(0, para - 1)].start if paras else 0
        out = []
        for match in _NAME_LIKE.finditer(self.text, start, end):
            name, offset = _without_opener(match.group(0))
            at = match.start() + offset
            if not name or name.lower() in _TITLES or _only_titles(name):
                continue  # "Ms" of "But Ms", "Attorney General": a title alone is not a name
            if name.lower() in WEEKDAYS:
                continue  # "On Sunday, she disclosed": a day, never who "she" is (aside9 audit: PolNeAR train)
            if skip is not None and skip(at):
                continue
            if (_DETERMINED.search(self.text, max(start, at - 5), at) and not self._named_person(name)) or not (
                self._is_person(name) or self._speaking_word(name)
            ):
                continue  # "the South Carolina primary", "The Wisconsin Republican": no person's name
            # "Trump's advisers" are the subject, not Trump; "In Hajjaj's case, she ..." is about Hajjaj
            end = at + len(name)
            owner = _POSSESSIVE.match(self.text, end) is not None and not _framing(self.text, match.start(), at, end)
            out.append((at, name, not owner and _opens(self.text, start, match.start())))
        return out

    def _demonym(self, source: Source) -> bool:
        """Whether a source is named by a nationality adjective alone (`demonyms.txt`) that the text
        never gives as a person's surname ("Mark Cuban"): "Mexican" of "When Mexican president Andrés
        Manuel López Obrador took office, he promised" (a corpus page), "American" of "back on
        American soil, he returned to his familiar lines" (3 PolNeAR train claims) were shown as who
        "he" is (audit15). Skipped as candidates, the pronoun went to the person named before
        (Donald Trump, Peña Nieto: both wrong), so it is left unresolved instead."""
        name = source.name.strip()
        people = self.registry.people
        return name.lower() in _DEMONYMS and name not in people.family_names and not people.is_person(name)

    def _is_person(self, name: str) -> bool:
        """A person by its words, by the people the text introduces, or as a named person's surname;
        never a place named by words of a person's name's shape ("South Carolina")."""
        return name not in _PLACE_NAMES and (
            self._kind(name) == SourceKind.PERSON
            or self.registry.people.is_person(name)
            or self._surname_of_person(name)
            or _titled(name)
        )

    def _speaking_word(self, name: str) -> bool:
        """Whether a lone capitalised word is a speaker of no listed kind ("Cruz openly admitted")
        that the text follows with pronouns of one gender only ("... that his pick"): a surname
        the text never gives in full. Without it the speaker was no subject and no rival, and the
        "he said" after went to a man named a paragraph before, or to "South Carolina" (issue 14
        audit)."""
        if " " in name or name in _PLACE_NAMES or name.upper() in _NOT_BODIES or _no_body_word(name):
            return False
        known = self.registry.known(name)
        if known is None or known.kind != SourceKind.UNKNOWN:
            return False
        return self._leaning(name) is not None

    def _surname_of_person(self, name: str) -> bool:
        """Whether a lone capitalised word is a name of someone the text names in full ("Patrick
        Carlineo Jr., 55, ..." then "Carlineo was arrested ... he said"; "AP photojournalist Dar
        Yasin" then "Dar said"): the word alone carries no mark of a person, so he was no
        candidate and "he" went to someone else or to no one."""
        if " " in name:
            return False
        if self._full_names is None:
            self._full_names = {}
            for match in _FULL_NAME.finditer(self.text):
                if _without_opener(match.group(0))[1]:
                    continue  # "If Mexico": an opener and a name are no full name
                self._full_names.setdefault(match.group("surname"), []).append(match.group(0))
                if self.registry.people.is_person(match.group(0)):  # introduced with a role, not "Israel Prime"
                    self._full_names.setdefault(match.group("first"), []).append(match.group(0))
        fulls = self._full_names.get(name, ())[:3]
        return any(self._kind(full) == SourceKind.PERSON or full.split()[0] in _PERSON_TITLES for full in fulls)

    def _kind(self, name: str) -> SourceKind:
        if name not in self._kinds:
            self._kinds[name] = guess_kind(name)
        return self._kinds[name]

    @staticmethod
    def _is_alias(name: str, latest: tuple[int, Source] | None) -> bool:
        """Whether `name` is another name of the candidate; a name that only owns it is not one
        ("Ford" is not "Ford’s now-deceased father": he was taken for him and "he" left unresolved)."""
        if latest is None:
            return False
        own = [n.lower().replace("’", "'") for n in (latest[1].name, *latest[1].aliases)]
        lowered = name.lower().replace("’", "'")
        return any((lowered in o and f"{lowered}'" not in o) or o in lowered for o in own)

    def _owner(self, words: str, span: Span) -> Resolved | None:
        """'the official statement' -> who issued it; None when the mention is not a statement."""
        name = core(words)
        head_part = _HEAD_CUT.split(name, maxsplit=1)[0]
        head = head_part.lower().rstrip(".").split()[-1] if head_part.split() else ""
        if head not in DOCUMENT_NOUNS and head not in _MEDIA:
            return None
        match = _OWNER.search(name)
        owner = (match.group("owner") or match.group("poss")) if match else None
        if owner in _CALENDAR and owner != "May":
            owner = None  # "Friday's announcement": when, not who made it (names12 audit); "May's" may be hers
        if owner and owner.lower() not in PRONOUNS and owner.lower() not in ("the", "a", "an", "an official"):
            start = span.start + name.rfind(owner)
            return self._record(self._name(Span(start, start + len(owner))), "owner", span)
        if head in _MEDIA:
            return None  # "a tweet said": whose, the text does not say here
        issuer = self._issued(head, span) or self._sender(span, head)
        if issuer is None and head not in _OWN_DOCUMENTS:
            issuer = self._recent_issuer(span)
        if issuer is None:
            return None  # "the report states": the report itself, unless the text says whose
        return self._record(issuer[1], "owner", span, evidence_start=issuer[0])

    def _issued(self, head: str, span: Span) -> tuple[int, Source] | None:
        """Who the text last says spoke in such a document, a person too ("Trump said in the
        statement" ... "the statement's claim that"; "The National Security Committee ... said in
        a statement" ... "the statement said"), within the three paragraphs before."""
        index = self._paras.index_of(span.start)
        floor = self._paras.spans[max(0, index - 3)].start if index is not None else max(0, span.start - 1500)
        window = self._issuers_between(floor, span.start)
        own = self._sentence_span(span.start)
        for position, _, source in reversed(window):
            sentence = self._sentence_span(position)
            if sentence == own or source.kind in (SourceKind.UNNAMED, SourceKind.DOCUMENT) or _no_maker(source, head):
                continue  # not the words of the mention's own sentence ("“...,” the report states"),
                # nor another document citing it ("another study referenced in the report")
            if re.search(rf"\b{head}\b", sentence.of(self.text), re.I):
                return self._issuing_subject(head, sentence) or (position, source)
        return None

    def _issuing_subject(self, head: str, sentence: Span) -> tuple[int, Source] | None:
        """Who the sentence says issued the document, when it is not the sentence's speaker ("The
        Times said Cook provided a written statement ... “...,” the statement said": Cook, not the
        Times, issue 14 audit)."""
        issued = re.compile(_ISSUED_BY.format(head=re.escape(head)), re.I)
        match = issued.search(self.text, sentence.start, sentence.end)
        if match is None or not match.group("name")[:1].isupper() or match.group("name").lower() in PRONOUNS:
            return None
        at = match.start("name")
        return at, self.registry.resolve(match.group("name"), at=at)

    def _sentence_around(self, at: int) -> str:
        """The sentence holding `at`, found by its stops (a window of 400 characters either side)."""
        return self._sentence_span(at).of(self.text)

    def _sentence_span(self, at: int) -> Span:
        low, high = max(0, at - 400), min(len(self.text), at + 400)
        starts = [m.end() for m in _STOP.finditer(self.text, low, at)]
        end = _STOP.search(self.text, at, high)
        return Span(starts[-1] if starts else low, end.start() if end else high)

    def _recent_issuer(self, span: Span, kind: SourceKind | None = None) -> tuple[int, Source] | None:
        """The source recorded last in this or the paragraph before: any but a person, or one of `kind`."""
        index = self._paras.index_of(span.start)
        para = self._paras.spans[index] if index is not None else None
        prev = self._paras.before(span.start)
        floor = prev.start if prev else (para.start if para else 0)
        window = self._issuers_between(floor, span.start)
        near = [
            issuer
            for issuer in window
            if (issuer[2].kind == kind if kind is not None else issuer[2].kind not in _NO_ISSUERS)
        ]
        latest = max(near, key=lambda issuer: issuer[1], default=None)  # the one recorded last
        return (latest[0], latest[2]) if latest else None


# Nouns for people, singular and plural (source_kinds.json 'person' and 'groups', people_nouns.txt):
# one of them before a "they" in its sentence is a nearer referent than a body named further back.
_PEOPLE_WORDS = frozenset(
    form
    for word in (
        *load_json("source_kinds.json")["person"],
        *load_json("source_kinds.json")["groups"],
        *load_lines("people_nouns.txt"),
    )
    if word.isalpha()
    for form in (word, word + "s", word.removesuffix("s"), word.removesuffix("es"))
) | {"men", "women"}
# A sentence that opens with one person described by a noun for people, a phrase after it, then
# its verb ("One witness to the extradition hearing provided", "A former employee testified").
_ONE_DESCRIBED = re.compile(
    r"\s*(?P<np>(?:One|A|An|Another)\s+(?:[a-z-]+\s+){0,2}?(?:"
    + "|".join(sorted(_PEOPLE_WORDS, key=len, reverse=True))
    + r")(?:\s+(?:to|of|at|in|from|for|with)\s+(?:the\s+|a\s+|an\s+)?(?:[a-z-]+\s+){0,2}?[a-z-]+)?)"
    r"\s+(?:[a-z]+ed|[a-z]+s|told|said|gave|saw|took|made)\b"
)
# The classes of body a bare description of which may stand for a speaker whose name shows no
# class ("Twitter", "Business Insider" for "the company"); a campaign or a party is named after
# its candidate ("Sanders said ... the campaign said": not Sanders), a government by its place.
_UNMARKED_CLASSES = frozenset({"company", "organisation", "outlet"})
# The known kinds, besides unknown, of an unmarked speaker a bare description of the class may stand
# for: a platform ("Twitter", an organisation) or an outlet ("Business Insider") is a company too.
_UNMARKED_KINDS = {"company": frozenset({SourceKind.ORGANISATION, SourceKind.OUTLET})}
_UNKNOWN_ONLY: frozenset[SourceKind] = frozenset()
# ... unless its name carries the mark of a body of another class ("Democratic National Committee").
_NOT_COMPANY_CLASSES = ("organisation", "party", "campaign", "government")
# The speakers that are no rival of a body a bare "it" or "the company" may stand for.
_NO_RIVAL_BODIES = frozenset({SourceKind.PERSON, SourceKind.DOCUMENT, SourceKind.UNNAMED, SourceKind.SOCIAL_ACCOUNT})
# Who is never the unnamed issuer of a statement or report: a person (named only in a quote or
# an aside) and another document ("another study referenced in the report", claims8 audit).
_NO_ISSUERS = frozenset({SourceKind.PERSON, SourceKind.DOCUMENT})
# The kinds by which an unmarked name is a body of a description's class ("CNN" for "the network");
# a company, a party or a campaign only by the marks of its name.
_KIND_FITS = {
    "outlet": frozenset({SourceKind.OUTLET}),
    "government": frozenset({SourceKind.GOVERNMENT, SourceKind.ORGANISATION}),
    "organisation": frozenset({SourceKind.ORGANISATION}),
}


# A word after an epithet and the word after it: a capitalised word stops the search for its own pronoun.
_OWN_PRONOUN = re.compile(r"(?P<word>[A-Za-z][\w’'-]*)(?=\s+(?P<next>[\w’'-]+)|)")
_OWN_PRONOUNS = {"his": "m", "himself": "m", "her": "f", "herself": "f"}
# What follows an object "her", not a possessive one ("told her that", "asked her to", "gave her a").
_NOT_OWNED = frozenset(
    {"to", "that", "the", "a", "an", "and", "or", "in", "on", "at", "for", "with", "about", "as", "if", "whether", "of"}
)


def _owned(after: str | None) -> bool:
    """Whether the word after a "her" makes it a possessive: a lower-case word, none that follows an
    object ("began her speech", not "told her that" nor "told her." nor "told her Saeed was free")."""
    return after is not None and after[:1].islower() and after not in _NOT_OWNED


# Titles of more than one word whose middle word is "of" ("the former secretary of state"), written
# with hyphens in data/epithet_heads.txt ("secretary-of-state"): read as that one head, since a
# modifier never holds "of".
_JOINED_TITLES = re.compile(
    rf"\b(?:{'|'.join(re.escape(h.replace('-', ' ')) for h in sorted(_EPITHET_HEADS) if '-of-' in h)})$", re.IGNORECASE
)


def _epithet_parts(name: str) -> tuple[str, tuple[str, ...]] | None:
    """'the Kentucky Republican' -> ('republican', ('Kentucky',)): an epithet's head (a line of
    data/epithet_heads.txt, a two-word office such as "minority leader" among them) and its
    modifiers; None for other phrases ("the head of the party"). Two epithets joined with "and"
    and no second determiner are one person's ("the Florida senator and Republican presidential
    candidate", "the independent Vermont senator and Democratic presidential candidate"; PolNeAR
    train: shown as the source, 8 hops); the first is read ("the senator and his allies" is two
    sources and no epithet)."""
    first, joined, second = name.partition(" and ")
    if joined and (second.split()[:1] == [] or second.split()[0].lower() in _NOT_EPITHET_OPENERS):
        return None
    if joined and _epithet_parts(f"the {second}") is None:
        return None
    match = _EPITHET.fullmatch(_JOINED_TITLES.sub(lambda m: m.group(0).replace(" ", "-"), first))
    if match is None:
        return None
    head, modifiers = match.group("head").lower(), tuple(match.group("mods").split())
    if modifiers and f"{modifiers[-1].lower()} {head}" in _EPITHET_HEADS:
        head, modifiers = f"{modifiers[-1].lower()} {head}", modifiers[:-1]  # "the Senate minority leader"
    if not (head in _EPITHET_HEADS or _AGED.fullmatch(head)):
        return None
    if not _NOT_MODIFIERS.isdisjoint(w.lower() for w in modifiers):
        return None  # "the head of the party": a phrase, not a modified head
    return head, modifiers


# Words that open a second noun phrase, not a second epithet of the same person ("the senator and his allies").
_NOT_EPITHET_OPENERS = frozenset({"the", "a", "an", "his", "her", "their", "its", "other", "some", "many", "several"})


def _named_body(source: Source) -> bool:
    """Whether a source is a body by its own name ("Judicial Watch", "America", "The Wall Street
    Journal"), never a "he" or "she": recorded as a speaker between a named person and the
    pronoun, it left "he said" unresolved (pron10 audit: 19 claims in 3 PolNeAR train articles).
    A body's description ("the campaign", "the agency") may stand for a spokesperson and counts."""
    return source.kind in _BODY_KINDS and not is_description(source.name)


# Singular heads a plural "they" never stands for: one person described ("a former defense
# official", no_they_heads.txt, source_kinds.json 'person') and a thing, an event or a
# quality (thing_heads.txt, claim_kinds.json 'events' and 'abstract_things'), besides the
# pronouns themselves ("a goal they" taken for a name). they12 audit of the 840 PolNeAR train
# chains: a "they" shown as such a source (e.g. "the confrontation between Mr. Trump and the Khan
# family", "a former defense official") in about 30 articles.
_NO_THEY_HEADS = frozenset(
    word
    for word in (
        *load_lines("no_they_heads.txt"),
        *load_json("source_kinds.json")["person"],
        *load_lines("thing_heads.txt"),
        *load_json("claim_kinds.json")["events"],
        *load_json("claim_kinds.json")["abstract_things"],
        "they",
        "it",
        "that",
        "which",
        "this",
    )
    if word.isalpha()
)
# Where the words of a description before its head end ("the confrontation | between ...").
_AFTER_HEAD = re.compile(r"\s(?:of|for|at|with|from|in|on|between|among|close|who|that|which|to)\s")


def _no_they(source: Source) -> bool:
    """Whether a source is no "they": its head, lower-case and with no "and" before it, is one
    person's ("a former defense official") or a thing's ("the confrontation between Mr. Trump
    and the Khan family"), so a "they" after it means others, whom it does not name: passed over
    to the source before, the "they" was still wrong in 5 of 7 train articles ("Cost" of "Cost
    estimates, he added", "some friends" for an audience): unresolved, no wrong name."""
    if _lone_name(source):
        return True
    before = _AFTER_HEAD.split(source.name, maxsplit=1)[0]
    words = before.split()
    if len(words) == 1 and words[0].lower() in _NO_THEY_HEADS:
        return True  # "Polls show that ... They are hungry": a sentence's first word, capitalised
    if not words or " and " in before or not words[-1][:1].islower():
        return False
    return re.sub(r"[’']s?$", "", words[-1]).strip(".,").lower() in _NO_THEY_HEADS


def _lone_name(source: Source) -> bool:
    """Whether a source of no known kind is one capitalised word, no plural and no initials
    ("Rubio", "Lonegan", "Verizon"): one person or one thing, whom a "they" after it does not
    mean (they12 audit of the 840 PolNeAR train chains: a "they" shown as such a name was wrong
    in all of about 12 articles: "Murphy's campaign is tying the bill to Rubio ... They are
    saying", "Workers objected ... They also said that Verizon")."""
    name = source.name
    lone = " " not in name and name[:1].isupper() and not name.isupper() and not name.endswith("s")
    return source.kind == SourceKind.UNKNOWN and lone


# The end of a cue word and an optional "that" right before the clause it reports.
_OPENS_REPORT = re.compile(r"\b[a-z]+(?:ed|s|d)\s+(?:that\s+)?$")


def _one_described(name: str) -> bool:
    """Whether a source is one person described by a role and no name ("the retired neurosurgeon",
    "the intelligence community's inspector general"): a "he" or "she" opening their reported
    clause is theirs ("... acknowledged that he expected ...": invent13 audit of PolNeAR train,
    the pronoun was shown as an unresolved second hop). The head is a person's role
    (`role_words`, the offices of source_kinds.json), singular and not capitalised (no name)."""
    head = head_of(name)
    last = name.split()[-1] if name.split() else ""
    heads = _one_person_heads()
    compound = any(head.endswith(role) for role in heads if len(role) >= _COMPOUND_ROLE)  # "neurosurgeon"
    return bool(head) and last[:1].islower() and (head in heads or compound)


# A role word this long closes a compound role noun ("neurosurgeon", "co-chairman" are not found
# whole); shorter ones ("man", "aide") end too many other words.
_COMPOUND_ROLE = 6


def _many_described(name: str) -> bool:
    """Whether a source is a description of many people or bodies by a plural head and no name
    ("Mrs. Clinton's campaign strategists", "senior officials"): a "they" opening their reported
    clause is theirs ("... strategists say they believe ...": the group was typed as people, so
    "they" was no fit and stayed an unresolved second hop, invent13 audit of PolNeAR train)."""
    head = head_of(name)
    last = name.split()[-1] if name.split() else ""
    plural = head.endswith("s") and not head.endswith(("ss", "us", "is"))
    return plural and last[:1].islower() and person_head(head)


@lru_cache(maxsize=1)
def _one_person_heads() -> frozenset[str]:
    """Role nouns of one person: `role_words` and the offices of source_kinds.json ("general")."""
    return frozenset({*role_words(), *load_json("source_kinds.json")["offices"]})


def _plural(source: Source) -> bool:
    """Whether a source of no person kind is a description of many ("lawmakers", "Law enforcement
    sources", "Senate filings"): never a "he" or "she", so no rival speaker for one (the "she told
    the FBI" after "allow lawmakers to compare what" was left unresolved)."""
    words = source.name.split()
    head = words[-1] if words else ""
    plural = head[:1].islower() and head.endswith("s") and not head.endswith(("ss", "us", "is"))
    return source.kind != SourceKind.PERSON and plural


def _proper_only(name: str) -> bool:
    """A name of capitalised words only ("Valeant", not "Vesk’s interior ministry")."""
    return all(w[:1].isupper() or not w[:1].isalpha() for w in name.split())


def _body_key(name: str) -> str:
    """A body's name compared with another's: lower case, no leading "the", no possessive ending."""
    return re.sub(r"^the\s+|[’']s?$", "", name.lower().replace("’", "'")).strip()


def _no_maker(source: Source, head: str) -> bool:
    """Whether a speaker is a bare description of no known kind ("the numbers generally considered
    the most accurate" beside "What the report doesn't mean") or one that holds the document's own
    head ("the report doesn't mean", "The biases shown in the report"): it speaks of the document
    and did not issue it, so "From the report:" stays the report, not "the numbers" (regress11:
    nine claims of one train article took that wrong name; a wrong name is worse than a description)."""
    if re.search(rf"\b{re.escape(head)}\b", source.name, re.I):
        return True
    return source.kind == SourceKind.UNKNOWN and not source.name[:1].isupper()


def _person_head(description: str) -> bool:
    """Whether a description's last word is what a person is or the office one holds ("the vice
    president", "the agency's director"), or the plural of one ("the officials", "the committee
    chairmen": people, never the acronym of a body named before them; refer14 audit of PolNeAR
    train: "CIA", "FBI" and "NAACP" were shown for such officials)."""
    words = description.lower().split()
    if not words:
        return False
    last = words[-1]
    forms = {last, last.removesuffix("s"), last.removesuffix("es"), re.sub(r"men$", "man", last)}
    return any(form in role_words() or form in _OFFICES for form in forms)


_OFFICES = frozenset(load_json("source_kinds.json")["offices"])


def _no_body_word(name: str) -> bool:
    """Whether a lone capitalised word opening a sentence is a word that opens sentences (a
    determiner, a preposition, "When"), a pronoun, or a given name: no country or body an "it" may
    stand for (issue 14 audit: "it" was shown as the sources "The", "At", "When", "I", "Maria")."""
    lowered = name.lower()
    return " " not in name and (
        lowered in lexicon().openers
        or lowered in _FUNCTION_OPENERS
        or lowered in PRONOUNS
        or is_first_person(name)
        or is_given_name(name)
    )


def _only_titles(name: str) -> bool:
    """Whether capitalised words are titles or role words only ("Attorney General", "Vice
    President"): no person's name, so no rival of a pronoun's candidate (refer14 audit of PolNeAR
    train: "Attorney General" of "... the former Attorney General of Delaware" kept "she said"
    from Clinton)."""
    words = [w.lower().strip(".,") for w in name.split()]
    return all(w in _TITLES or w in role_words() for w in words)


# A courtesy title opening a name ("Ms. Perino"), cut to compare it with the full name.
_TITLE_OPENING = re.compile(r"^(?:Mr|Ms|Mrs|Dr)\.\s+")


def _titled(name: str) -> bool:
    """'New York City Mayor Bill de Blasio': a title or role word, then a capitalised name."""
    words = name.split()
    marked = any(w.lower().strip(".") in _TITLES or w.lower() in role_words() for w in words[:-1])
    return marked and words[-1][:1].isupper()


_AUTHORED = frozenset(load_lines("authored_nouns.txt"))
_OWNED_WORDS = re.compile(r"[’']s?\s+((?:[\w-]+\s+){0,2}[\w-]+)")


def _authored(text: str, end: int) -> bool:
    """Whether the possessive after a name owns a message within its next three words ("Elizabeth
    Snyder's Facebook post"): its author is whom a "she writes" after it stands for (issue 14
    audit: the pronoun went to the man her post named)."""
    match = _OWNED_WORDS.match(text, end)
    return match is not None and any(w.lower() in _AUTHORED for w in match.group(1).split())


def _common_head(name: str) -> bool:
    """Whether a mention ends in a common noun, a description even with no opener ("Fellow
    protester", "Local resident"; capitalised only as its sentence's first word): a name's role
    appositive then says who it is (issue 14 audit: "Fellow protester" was shown, not the name)."""
    words = name.split()
    return 1 <= len(words) <= 4 and words[-1].isalpha() and words[-1].islower()


def _personal(name: str) -> str:
    """'National Resources Defense Council board member Nicole Lederer' -> 'Nicole Lederer': a
    person's name after a role word is the name; a body's name stays whole."""
    match = _ROLE_BEFORE_NAME.search(name)
    return match.group("name") if match is not None and match.start() > 0 else name


def _opens(text: str, start: int, at: int) -> bool:
    """Whether a name at `at` opens its sentence, perhaps after an opener ("But Ms. Lee said").
    The intro test also looks from the name itself: the "on" closing "As the day went on," is an
    opener word too, and the clause before it is no intro."""
    name_at = at
    window = max(start, at - 40)
    opener = re.search(r"(\w+),?\s+$", text[window:at])
    if opener is not None and opener.group(1).lower() in lexicon().openers:
        at = window + opener.start()
    else:
        owner = _OWNER_BEFORE.search(text, max(start, at - 60), at)  # "Media Research Center’s Bozell"
        at = _description_start(text, start, owner.start() if owner else at)
    if at <= start or re.search(r"(?:^|[.!?”\"]\s|\n)$", text[max(start, at - 3) : at]):
        return True
    return _after_intro(text, start, at) or _after_intro(text, start, name_at) or _after_description(text, start, at)


def _after_description(text: str, start: int, at: int) -> bool:
    """Whether a name follows a fronted description of its person ("An agreeable, funny woman in
    her 80s, Jane Starner lives in ..."): still the sentence's subject, so the "she said" after
    is hers (it went to a woman named only after the quotation, gold_fresh3a)."""
    match = _FRONTED.search(text, max(start, at - 90), at)
    if match is None or (match.start("np") > start and match.group(0)[:1] not in '.!?”"\n'):
        return False
    words = re.findall(r"[a-z]+", match.group("np").lower())
    return len(words) <= 12 and not role_words().isdisjoint(words)


def _framing(text: str, start: int, at: int, end: int) -> bool:
    """Whether a possessive name frames its sentence as about that person ("In Hajjaj’s case, she
    decided ...", "For Ortiz's part, he ..."): the owner is the topic, so the "she" of the
    quotation after is hers (it went to the doctor quoted before, gold_fresh4a)."""
    return text[start:at].strip().lower() in ("in", "for") and _FRAME.match(text, end) is not None


def _after_intro(text: str, start: int, at: int) -> bool:
    """Whether a name follows a sentence's short introductory phrase or a determiner and one
    adjective ("On Monday, Sir Keir dodged ...", "The elder Soros gives ..."): still its subject,
    so a "He said" after it is his (both were left unresolved)."""
    low = max(start, at - 110)  # room for a fronted participle phrase (`_PARTICIPLE_INTRO`)
    match = _INTRO.search(text[low:at])
    return match is not None and (match.group(0)[:1] in '.!?”"\n' or low == start)  # "^": a true start only


def _description_start(text: str, floor: int, at: int) -> int:
    """Where a role description before a name starts ("Presumptive Democratic White House nominee
    Joe Biden said"): capitalised words and role nouns only, so the name is the sentence's subject."""
    window = max(floor, at - 80)
    run = re.search(r"(?:\S+[ \t]+)+$", text[window:at])
    if run is None:
        return at
    words = run.group(0).split()
    kept = 0
    for word in reversed(words):
        capitalised = word[:1].isupper() and (not word.endswith(".") or len(word) <= 4)
        if not (capitalised or word in role_words()) or kept == 8:
            break
        kept += 1
    described = words[len(words) - kept :]
    cut_by_window = kept == len(words) and run.start() == 0 and window > floor
    if not described or not any(w in role_words() for w in described) or cut_by_window:
        return at  # no role noun, or the run may go on before the window
    return at - len(" ".join(described)) - 1


def _without_opener(name: str) -> tuple[str, int]:
    """'Though Pompeo' -> ('Pompeo', 7): a capitalised sentence opener is not part of a name."""
    first, _, rest = name.partition(" ")
    if first.lower() in lexicon().openers:
        return rest, len(first) + 1
    return name, 0


def _other_person(resolved: Resolved, speaker: Source) -> bool:
    """A person pronoun inside a person's words resolved to someone other than the speaker.

    "Trump said that he hopes ...": the pronoun is nearly always the speaker, or someone the
    sentence names; a person mentioned earlier is a guess the tracer does not make. A speaker
    described by a role is one person too, whatever kind the body in the description gave it
    ("The intelligence community's inspector general had indicated that he thought": not the
    senator named a paragraph before, invent13 audit of PolNeAR train).
    """
    return (
        resolved.how == "pronoun"
        and resolved.source.kind == SourceKind.PERSON
        and (speaker.kind in (SourceKind.PERSON, SourceKind.UNKNOWN) or _one_described(speaker.name))
        and resolved.source is not speaker
    )


def _guessed_other(resolved: Resolved, speaker: Source) -> bool:
    """A person pronoun in a person's reported words left unresolved, or guessed as someone else
    from the sentence before ("Reyes attacked Cole. Ortiz told reporters that he thought ..."):
    the speaker is the likelier referent (`Resolver._speakers_own`)."""
    return resolved.how in ("unresolved", "likely") and resolved.source is not speaker


# Words never a source's name: a relative pronoun whose antecedent the parser lost, and "you",
# the addressee, whom no rule resolves (pron12 audit of PolNeAR train: "who", "which" and "you"
# were shown as named sources 36 times in 29 articles); left unresolved, they are flagged.
# A day alone is when, never who: "Wednesday added one more development to the list: ...", "...
# be released by Thursday" read as speakers (names12 audit of PolNeAR train: 3 names in 3 articles).
# Months are left out: "May said" is Theresa May.
_NEVER_NAMES = frozenset({"who", "which", "you", *WEEKDAYS, "today", "yesterday", "tonight"})
# A titled name addressed at the start of a sentence or quotation, then a comma, right before
# 'you' ("“Mr. Trump, you said ...", "Senator Cruz, you have argued ..."): a title keeps a
# fronted subject or a place ("In Iowa, you see ...") from being read as the one addressed.
_VOCATIVE = re.compile(
    r"(?:^|[“\"‘.?!:]\s*|\n\s*)(?P<name>(?:Mr|Mrs|Ms|Dr|Senator|Sen|Governor|Gov|Secretary|President|Mayor"
    r"|Congressman|Congresswoman|Speaker|General|Director)\.?(?:\s+[A-Z][\w’'-]+){1,2}),\s+$"
)


def speaker_of(found: list[Attribution], a: Attribution, index: CoverIndex | None = None) -> Attribution | None:
    """The attribution whose content holds `a` (its nearest enclosing one), if any.

    `index` (built over `found`) answers without reading every attribution.
    """
    candidates = index.holders(a.cue) if index is not None else [b for b in found if b.covers(a.cue)]
    holders = [b for b in candidates if b is not a]
    return min(holders, key=lambda b: b.content_span.end - b.content_span.start) if holders else None


def _is_hearer(source: Source, hearer: str) -> bool:
    """Whether the hearer's name names `source`: the same words, or one ends with the other
    ("Sean Hannity" and "Hannity", "Randolph" and "Susannah Randolph"). Not a name that only
    describes it ("Rubio supporter Scott Szlachta ... he told Rubio": the supporter tells)."""
    said = hearer.lower().replace("’", "'")
    names = [n.lower().replace("’", "'") for n in (source.name, *source.aliases)]
    return any(n == said or n.endswith(" " + said) or said.endswith(" " + n) for n in names)


_SALIENT_MARGIN = 1.5
_SUBJECT_PERSON = frozenset({"he", "she"})


def _surname_key(name: str) -> str:
    """The last word of a person's name, the key that joins "Ms. Perino" and "Dana Perino"."""
    words = _TITLE_OPENING.sub("", name).replace("’", "'").split()
    return words[-1].lower() if words else name.lower()


def _same_name(name: str, hearer: str) -> bool:
    """Whether two names name one person: the same words, or one ends with the other."""
    a, b = name.lower().replace("’", "'"), hearer.lower().replace("’", "'")
    return a == b or a.endswith(" " + b) or b.endswith(" " + a)


def _trimmed(text: str, span: Span) -> Span:
    """The mention without the white space at its end: a no-break space after it ("The South
    Carolina Republican\xa0admitted", in 6 PolNeAR train articles) kept the epithet and body
    description patterns, which end at the mention's end, from reading it (epithet12 audit)."""
    words = span.of(text)
    kept = len(words.rstrip())
    return Span(span.start, span.start + kept) if 0 < kept < len(words) else span


def _unfocused(text: str, span: Span) -> Span:
    """The mention without a focus adverb in front (`_FOCUS`): "Even Lindsey Graham" is Lindsey
    Graham, "even she" a pronoun to resolve; a bare "Even" is left as it is."""
    match = _FOCUS.match(text, span.start, span.end)
    return Span(match.end(), span.end) if match and match.end() < span.end else span
