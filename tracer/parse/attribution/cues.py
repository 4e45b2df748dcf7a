"""The attribution lexicons (cue verbs, cue nouns, hedges, non-sources), read from `tracer/data/`.

The fast candidate scan and each rule's trigger words are built from these by the rule
registry (`registry.py`, `scan.py`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cache

from tracer.datafiles import load_json, load_lines
from tracer.models import CueClass
from tracer.text import latin_names

# Classes whose content is a statement about the world: these make claims. The others
# (stance, intent, topic) are attributions a reader may want to see, but not claims to trace.
CLAIM_CLASSES = frozenset(
    {CueClass.SPEECH, CueClass.REPORT, CueClass.BELIEF, CueClass.ACCORDING, CueClass.QUOTE, CueClass.HEDGE}
)
# Cue verbs that report what someone said, found or believed: their content is a statement.
REPORTING = frozenset({CueClass.SPEECH, CueClass.REPORT, CueClass.BELIEF})
# ... that someone said or found: a sentence with one may name a source, even inside a quotation.
NAMING = frozenset({CueClass.SPEECH, CueClass.REPORT})
# ... whose content may be a quotation beside the verb ('"...," she said', '"...?" he asked').
QUOTING = frozenset({CueClass.SPEECH, CueClass.BELIEF, CueClass.QUESTION})
_VOWELS = set("aeiou")
_WORD = re.compile(r"[a-z]+")
_CAPITALISED = re.compile(r"(?<![\w'’])[A-Za-z][a-z]+\b")
_QUOTES = '"“”«»'
# A dateline opening a story: "MACAU (Reuters) – ", "RENO, Nev. (AP) — ", "CHARLESTON, S.C. — ".
_DATELINE = re.compile(
    r"^(?:[A-Z][\w.,' ]{1,40}?\s\((?:Reuters|AP|AFP|UPI|Bloomberg|CNN|dpa|Xinhua|Yonhap)\)"
    r"|[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+)*(?:, [A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?)?)\s*[-–—]{1,2}\s+"
)
# A footnote marker closing a sentence ("... the flood line.2"; `tracer.text` ends the sentence
# after it): blanked for the parser, which would read it into the last word ("Line.2").
_FOOTNOTE = re.compile(r"(?<=[a-z]{2}[.!?])\d{1,3}(?=\s*$)")
_COPULA = frozenset({"is", "are", "was", "were", "to"})
# "Said Ellis: ...", "Said Sen. John McCain, ...": a speech verb opening the sentence, then the name.
_INVERTED_OPENING = re.compile(
    r"(?:Said|Says|Added|Adds|Wrote|Writes|Asked|Asks)\s+[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*\s*[:,]"
)
# "He's said ...", "who's argued ...": a contracted "has" before a participle of `has_participles.txt`
# (adverbs between allowed), unless "to", "by" or "as" makes it the passive "is" ("he's said to be").
_HAS_ADVERBS = r"(?:\s+(?:also|long|repeatedly|never|often|since|previously|already|publicly|always|even))?"
# "in X's view", "in my opinion", "in his mind": the owner's belief (the noun rule reads them).
VIEW_NOUNS = frozenset({"view", "opinion", "estimation", "judgment", "judgement", "mind"})


@dataclass(frozen=True, slots=True)
class CueVerb:
    """One cue verb: its class and how its complement may be read."""

    lemma: str
    cls: CueClass
    clause_only: bool = False
    addressee: bool = False
    prep: bool = False
    as_object: bool = False
    noun_like: bool = False
    hedge: bool = False
    raising: bool = False
    needs: frozenset[str] = frozenset()  # a cue only with one of these words beside it ("made clear")
    aspect: bool = False  # "continued to rage": the "to ..." complement is never content
    act: bool = False  # "agreed to inject": with a "to ..." complement, an act, never a claim
    event: bool = False  # "children are exposed to": agentless passive of only its subject, an event
    # The class with a particle beside it, where that differs ("points to" a topic, "points out" a fact).
    particles: tuple[tuple[str, CueClass], ...] = ()
    framed: bool = False  # "the email began: ...": a cue only beside a quotation or before a colon
    inquiry: bool = False  # "to determine how it started": a wh-complement is an open question, no content
    # With one of these words beside it and a clause or quotation, a speech verb ("fired back that").
    speech_with: frozenset[str] = frozenset()
    to_content: bool = False  # "the delays were attributed to a shortage": the "to" phrase is content
    opposes: bool = False  # "countered her claims that ...": the claim noun's clause is not the subject's
    weighs: bool = False  # "considering firing him": with a gerund complement, a plan weighed, never a claim
    perceives: bool = False  # "saw his support collapse": with a bare verb after its object, an event seen

    def with_particles(self, words: Iterable[str]) -> CueVerb:
        """The verb as read with its particles: "pointed out" states what "pointed to" only names."""
        own = dict(self.particles)
        cls = next((own[w] for w in words if w in own), None)
        return replace(self, cls=cls) if cls is not None else self


def inflections(lemma: str) -> set[str]:
    """The regular -s/-ed/-ing forms of an English verb (irregular ones are listed in the data)."""
    forms = {lemma}
    if lemma.endswith("y") and lemma[-2:-1] not in _VOWELS:
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    elif lemma.endswith("e"):
        stem = lemma if lemma.endswith(("ee", "ye", "oe")) else lemma[:-1]
        forms |= {lemma + "s", lemma + "d", stem + "ing"}
    else:
        plural = "es" if lemma.endswith(("s", "sh", "ch", "x", "z", "o")) else "s"
        forms |= {lemma + plural, lemma + "ed", lemma + "ing"}
    return forms


@dataclass(frozen=True)
class Lexicon:
    """Every lexicon the attribution rules read, indexed for lookup by lower-cased word form."""

    verbs: dict[str, CueVerb]
    nouns: frozenset[str]
    hedges: tuple[str, ...]
    non_sources: frozenset[str]
    not_cues: frozenset[str]
    people: frozenset[str]
    stances: frozenset[str]
    headline_words: frozenset[str] = frozenset()
    paired: frozenset[str] = frozenset()  # forms of verbs that are cues only with a word beside them
    kickers: frozenset[str] = frozenset()
    # Forms of object-control verbs ("prompted Y to argue"), True for those whose complement happened.
    controllers: dict[str, bool] = field(default_factory=dict)
    poll_nouns: frozenset[str] = frozenset()  # "in a CNN poll, ..." (`poll_nouns.txt`)
    # "made the case that ...", "made no mention of X": noun -> the prepositions of its topic (`light_nouns.txt`)
    light_nouns: dict[str, frozenset[str]] = field(default_factory=dict)
    light_stances: frozenset[str] = frozenset()  # light nouns whose object is a target ("took a shot at X")
    openers: frozenset[str] = frozenset()  # words that open sentences, never names (`sentence_openers.txt`)
    noun_like_forms: frozenset[str] = frozenset()
    noun_like_after_subject: re.Pattern[str] = re.compile(r"(?!x)x")
    noun_like_in_clause: re.Pattern[str] = re.compile(r"(?!x)x")  # `_noun_like_in_clause`
    scan_forms: frozenset[str] = frozenset()  # verb forms that make a sentence worth parsing
    hedge_words: frozenset[str] = frozenset()  # the words of the hedges but "to be" and "to"
    stance_scan: frozenset[str] = frozenset()  # `stance_scan_words.txt`
    linking: frozenset[str] = frozenset()  # forms of `linking_verbs.txt`
    has_contraction: re.Pattern[str] = re.compile(r"(?!x)x")  # `_has_contraction`

    def verb(self, form: str) -> CueVerb | None:
        """The cue verb a lower-cased word form belongs to, if any."""
        return self.verbs.get(form)

    def has_dateline(self, sentence: str) -> bool:
        """Whether `parser_form` blanks out a dateline at the start of this sentence."""
        return _DATELINE.match(sentence) is not None

    def parser_form(self, sentence: str) -> str:
        """The sentence as the parser should see it: a Title-Case headline with its cue verbs and
        function words lower-cased ("Jeb Bush Super PAC Chief praises Marco Rubio ..."), else as is.

        A dateline ("WASHINGTON (Reuters) - ") is blanked out: the parser would read the city as
        the subject of the first verb; so is a footnote marker closing the sentence. Only letter
        case and blanks change, so character offsets stay those of the document.
        """
        dateline = _DATELINE.match(sentence)
        if dateline:
            sentence = " " * dateline.end() + sentence[dateline.end() :]
        footnote = _FOOTNOTE.search(sentence)
        if footnote:  # "... according to Iowa Starting Line.2": the marker is no part of the name
            sentence = (
                sentence[: footnote.start()] + " " * (footnote.end() - footnote.start()) + sentence[footnote.end() :]
            )
        if "s " in sentence and self.has_contraction.search(sentence):  # "He's said": "He'd said" reads as perfect
            sentence = self.has_contraction.sub(lambda m: m.group(0) if _in_quotation(m) else "'d", sentence)
        if _INVERTED_OPENING.match(sentence):  # "Said Ellis: ...": read as a name ("Said Ellis") otherwise
            sentence = sentence[0].lower() + sentence[1:]
        words = _CAPITALISED.findall(sentence)
        if len(words) < 4 or sum(w[0].isupper() for w in words) < 0.8 * len(words):
            return sentence
        keep = self.headline_words | self.verbs.keys()
        return _CAPITALISED.sub(lambda m: m.group(0).lower() if m.group(0).lower() in keep else m.group(0), sentence)


def _parse_verb_line(line: str) -> tuple[list[str], CueVerb]:
    lemma, cls, *rest = line.split()
    flags = {r for r in rest if r.startswith("+")}
    extra = [r for r in rest if not r.startswith("+")]
    needs = frozenset(w for r in flags if r.startswith("+with=") for w in r[len("+with=") :].split("|"))
    verb = CueVerb(
        lemma,
        CueClass(cls),
        "+clause" in flags,
        "+addressee" in flags,
        "+prep" in flags,
        "+as" in flags,
        "+noun" in flags,
        "+hedge" in flags,
        "+raising" in flags,
        needs,
        "+aspect" in flags,
        "+act" in flags,
        "+event" in flags,
        tuple(_particle(r[len("+prt=") :]) for r in flags if r.startswith("+prt=")),
        "+framed" in flags,
        "+inquiry" in flags,
        frozenset(w for r in flags if r.startswith("+speech=") for w in r[len("+speech=") :].split("|")),
        "+to" in flags,
        "+opposes" in flags,
        "+weigh" in flags,
        "+perceive" in flags,
    )
    return [*inflections(lemma), *extra], verb


def _particle(flag: str) -> tuple[str, CueClass]:
    """'out:speech' of "+prt=out:speech": the particle and the class it gives the verb."""
    word, _, cls = flag.partition(":")
    return word, CueClass(cls)


def _light_nouns(lines: tuple[str, ...]) -> dict[str, frozenset[str]]:
    """Each light noun with the prepositions of its topic ("case for|against", `light_nouns.txt`)."""
    words = (line.split() for line in lines)
    return {noun: frozenset("|".join(r for r in rest if r[0] != "+").split("|")) - {""} for noun, *rest in words}


def _controllers(lines: tuple[str, ...]) -> dict[str, bool]:
    """Every form of the object-control verbs, and whether it is implicative (`control_verbs.txt`)."""
    out = {}
    for line in lines:
        lemma, *rest = line.split()
        for form in (*inflections(lemma), *(r for r in rest if not r.startswith("+"))):
            out[form] = "+implicative" in rest
    return out


def _scan_forms(verbs: dict[str, CueVerb]) -> set[str]:
    """Verb forms that make a sentence worth parsing: not the noun-like bare forms ("a tweet")."""
    noun_like = {f for v in verbs.values() if v.noun_like for f in (v.lemma, *_plural(v.lemma))}
    return {f for f, v in verbs.items() if not v.needs} - noun_like


def _plural(lemma: str) -> set[str]:
    return {f for f in inflections(lemma) if f.endswith("s") and not f.endswith("ss")} | {lemma + "s"}


_ADVERB = r"(?:(?:also|then|still|now|again|later|often|never|already|[a-z]+ly)\s+)?"
# Words ending in "s" that are no plural subject ("this plan", "its plans", "as hopes rose").
_NOT_PLURALS = (
    r"(?!(?:this|thus|less|was|has|does|its|his|hers|ours|yours|theirs|always|perhaps|whereas|across|unless|news)\s)"
)


def _noun_like_in_clause(lemmas: set[str]) -> re.Pattern[str]:
    """A noun-like cue verb (+noun) after a subject the running-text test (`noun_like_after_subject`,
    a pronoun, a people noun or a capitalised word right before) does not know: a relative pronoun
    or a quantifier ("a candidate who hopes to ...", "some view him as ..."), the comma closing an
    appositive ("Bush, who ..., hopes his campaign ..."), a lower-case plural before the bare form
    ("Clinton allies fear ...", "election scholars caution that ..."), or a common noun before the
    -s form when a clause, an infinitive or an object follows ("the document states that ...", "her
    plan promises to ...", "the lawsuit demands his ..."). Sentences the fast scan never sent to
    the parser: in the recall8 audit of PolNeAR train some 50 relations in 45 articles."""
    bases = "|".join(sorted(lemmas))
    s_forms = "|".join(sorted(f for lemma in lemmas for f in _plural(lemma)))
    every = "|".join(sorted({*lemmas, *(f for lemma in lemmas for f in _plural(lemma))}))
    return re.compile(
        rf"(?:\b(?:who|which|that|some|many|most|others|few|both|all)|,)\s+{_ADVERB}(?:{every})\b"
        rf"|\b{_NOT_PLURALS}[a-z]{{2,}}[a-rt-z]s\s+{_ADVERB}(?:{bases})\b"
        rf"|\b(?!(?:the|a|an|his|her|its|their|our|your|my)\s)[a-z]{{3,}}\s+(?:{s_forms})"
        rf"\s+(?:that|to|a|an|the|his|her|their|its)\b"
    )


def _linking_forms() -> frozenset[str]:
    """Forms of the linking verbs the copula rule reads beside "to be" (`linking_verbs.txt`)."""
    return frozenset(
        f
        for line in load_lines("linking_verbs.txt")
        for lemma, *extra in [line.split()]
        for f in (*inflections(lemma), *extra)
    )


@cache
def source_words() -> frozenset[str]:
    """One-word keywords of every source kind (`source_kinds.json`) and their plurals: nouns that
    name someone who can speak ("activists", "the ministry", "a statement"). Not the masthead
    words, which end newspapers' names but alone name no one ("traveled the globe pushing ...")."""
    data = load_json("source_kinds.json")
    kinds = {key: values for key, values in data.items() if not key.startswith("_") and key != "mastheads"}
    words = {w for values in kinds.values() for w in values if " " not in w}
    return frozenset(words | {_noun_plural(w) for w in words if not w.endswith("s")})


def _noun_plural(noun: str) -> str:
    if noun.endswith("y") and noun[-2:-1] not in _VOWELS:
        return noun[:-1] + "ies"
    return noun + ("es" if noun.endswith(("sh", "ch", "x", "z")) else "s")


@cache
def lexicon() -> Lexicon:
    """The lexicons, loaded once from `tracer/data/`."""
    verbs: dict[str, CueVerb] = {}
    for line in load_lines("cue_verbs.txt"):
        forms, verb = _parse_verb_line(line)
        for form in forms:
            verbs.setdefault(form, verb)
    nouns = frozenset(load_lines("cue_nouns.txt"))
    hedges = load_lines("hedges.txt")
    hedge_words = {w for h in hedges for w in _WORD.findall(h) if w not in _COPULA}
    noun_like = {f for v in verbs.values() if v.noun_like for f in (v.lemma, *_plural(v.lemma))}
    people = frozenset(load_lines("people_nouns.txt"))
    poll_nouns = frozenset(load_lines("poll_nouns.txt"))
    return Lexicon(
        verbs=verbs,
        nouns=nouns,
        hedges=hedges,
        non_sources=frozenset(load_lines("non_sources.txt")),
        not_cues=frozenset(f for lemma in load_lines("not_cue_verbs.txt") for f in inflections(lemma.split()[0])),
        people=people,
        stances=frozenset(load_lines("stance_words.txt")),
        headline_words=frozenset(load_lines("headline_words.txt")),
        paired=frozenset(f for f, v in verbs.items() if v.needs or v.speech_with),
        kickers=frozenset(load_lines("headline_kickers.txt")),
        controllers=_controllers(load_lines("control_verbs.txt")),
        poll_nouns=poll_nouns,
        light_nouns=_light_nouns(load_lines("light_nouns.txt")),
        light_stances=frozenset(line.split()[0] for line in load_lines("light_nouns.txt") if "+stance" in line.split()),
        openers=frozenset(load_lines("sentence_openers.txt")),
        noun_like_forms=frozenset(noun_like),
        noun_like_after_subject=re.compile(
            r"(?:\b(?:he|she|they|we|I|it|" + "|".join(sorted(people)) + r")"
            r"|\b(?!(?:The|A|An|His|Her|Their|Its|Our|My|Your|This|That|These|Those)\b)"
            + latin_names(r"[A-Z][a-z]+)")
            + r"\s+(?:(?:also|then|still|now|again|later|often|never|already|[a-z]+ly)\s+)?"
            r"(?:" + "|".join(sorted(noun_like)) + r")\b"
        ),
        noun_like_in_clause=_noun_like_in_clause({v.lemma for v in verbs.values() if v.noun_like}),
        scan_forms=frozenset(_scan_forms(verbs)),
        hedge_words=frozenset(hedge_words),
        stance_scan=frozenset(load_lines("stance_scan_words.txt")),
        linking=_linking_forms(),
        has_contraction=_has_contraction(load_lines("has_participles.txt")),
    )


def _in_quotation(m: re.Match[str]) -> bool:
    """Whether a match lies inside a quotation opened earlier in its sentence. A quoted "he's said"
    stays as the parser reads it: on PolNeAR train both such uses became wrong claims, a
    hypothetical ("this isn't like he's admitted that he's killed") and a misread object ("He's
    said a couple of things I was uncomfortable with"), where the quotation's own claim was right."""
    before = m.string[: m.start()]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1 or before.count("''") % 2 == 1


def _has_contraction(participles: Iterable[str]) -> re.Pattern[str]:
    """The "'s" of "he's", "she's", "who's" before a participle that makes it "has" (`_HAS_ADVERBS`)."""
    pronouns = "|".join(rf"(?<=\b{w})" for w in ("he", "He", "she", "She", "who", "Who"))
    words = "|".join(sorted(participles))
    return re.compile(rf"(?:{pronouns})['’]s(?={_HAS_ADVERBS}\s+(?:{words})\b(?!\s+(?:to|by|as)\b))")
