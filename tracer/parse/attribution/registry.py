"""The one list of attribution rules, in the order the pipeline runs them.

Each entry says what the rule is called, which attribution forms it makes or changes, the words
it is run on (token rules), what makes the fast scan send a sentence to the parser for it, and
example sentences with what it must find there (`tests/test_rules.py` runs them). The fast scan
(`scan.py`) and the dispatch of tokens to rules (`find.py`) are built from this list, so a rule
cannot be left out of either. Every rule has the one shape `(Context) -> Iterable[Attribution]`;
its kind says what the pipeline does with what it yields:

* `token` rules run on each token of a parsed sentence whose lower-cased form is one of their
  triggers (a token rule without triggers runs on the tokens no other rule is run on) and yield
  the attributions they find there;
* `sentence` passes run once per parsed sentence and yield attributions to add;
* `cleanup` passes run once per parsed sentence and yield the sentence's new list;
* `document` passes run once per text, after every sentence, and yield the text's new list.

A new rule is one entry here, its function, and its examples.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import cache

from tracer.parse.attribution import cleanup, phrases, quotes, turns, verbs
from tracer.parse.attribution.cues import NAMING, Lexicon, lexicon
from tracer.parse.attribution.spans import Attribution, Context
from tracer.words import BE_FORMS

WordsOf = Callable[[Lexicon], frozenset[str]]
ScanTest = Callable[[str, frozenset[str], Lexicon], bool]


class RuleKind(StrEnum):
    """When a rule runs and what its results replace (see the module's docstring)."""

    TOKEN = "token"
    SENTENCE = "sentence"
    CLEANUP = "cleanup"
    DOCUMENT = "document"


@dataclass(frozen=True, slots=True)
class Example:
    """A text and one attribution a rule must find in it: the source (None for none), the cue
    and the content as written, content fragments joined by " | ", and whether the cue is inside
    someone's quotation; or, for a pass that drops a misreading, one it must not find (`absent`).
    `group`, when given, is the cue's whole verb group as written (`Attribution.group`)."""

    text: str
    source: str | None
    cue: str
    content: str
    quoted: bool = False
    absent: bool = False
    group: str | None = None


@dataclass(frozen=True, eq=False)
class Rule:
    """One registered rule (see the module's docstring).

    Rules compare and hash by identity (the registry holds each once; the tests leave one out
    with `is not`): `plan` and `fast_scan` are cached by their tuple of rules, and hashing every
    field, examples included, cost 50 µs per look-up, once per parsed sentence (speed12: 0.11 s
    of a 1.6 s rules-only pass over PolNeAR dev).

    `triggers` are the token forms a token rule runs on; `scan_words` the words that make the
    fast scan parse a sentence (by default the triggers), `scan` a further test of the fast scan
    on the sentence, its lower-cased words and the lexicons; `source_words` the words by which a
    sentence inside a quotation may still name a source of its own (so it is parsed too).
    """

    name: str
    kind: RuleKind
    forms: tuple[str, ...]
    run: Callable[[Context], Iterable[Attribution]]
    examples: tuple[Example, ...]
    triggers: WordsOf | None = None
    scan_words: WordsOf | None = None
    scan: ScanTest | None = None
    source_words: WordsOf | None = None

    def trigger_words(self, lex: Lexicon) -> frozenset[str]:
        """The token forms the rule runs on (none for passes and the fallback token rule)."""
        return self.triggers(lex) if self.triggers is not None else frozenset()

    def scanned_words(self, lex: Lexicon) -> frozenset[str]:
        """The words that make the fast scan send a sentence to the parser for this rule."""
        return self.scan_words(lex) if self.scan_words is not None else self.trigger_words(lex)


def _words(*words: str) -> WordsOf:
    """A fixed set of words, whatever the lexicons."""
    fixed = frozenset(words)
    return lambda lex: fixed


_NONE = _words()


def _speech_forms(lex: Lexicon) -> frozenset[str]:
    """Forms of the speech and report verbs: a sentence quoting someone who names their source."""
    return frozenset(f for f, v in lex.verbs.items() if v.cls in NAMING)


# "in a statement cited by Yonhap", "was quoted as saying": the intermediaries the verb rule reads.
_VIA = ("cited", "quoted")
_CITING = ("citing", "quoting")

RULES: tuple[Rule, ...] = (
    Rule(
        "verb",
        RuleKind.TOKEN,
        ("verb", "quote", "passive", "raising"),
        verbs.verb_rule,
        (
            Example("The minister said the talks had failed.", "The minister", "said", "the talks had failed"),
            Example("“We are tired,” the soldier said.", "the soldier", "said", "“We are tired,”"),
            Example(
                "Marta Diaz blogged that the bridge was unsafe.", "Marta Diaz", "blogged", "that the bridge was unsafe"
            ),
            Example(
                "It was reported by Yonhap that talks had failed.", "Yonhap", "was reported", "that talks had failed"
            ),
            Example("Ben Carson appears to be slipping.", None, "appears", "Ben Carson | to be slipping"),
            Example(
                "The harbour master seemed ready to close the port.",
                None,
                "seemed",
                "The harbour master | ready to close the port",
            ),
            Example("The coach appears weak after the defeat.", None, "appears", "The coach | weak"),
            Example(
                "It now seems likely that the ferry will stop running.",
                None,
                "seems",
                "likely that the ferry will stop running",
            ),
            Example("Children are exposed to the virus at school.", None, "are exposed", "Children", absent=True),
            Example(
                "“Flu Fred,” as the magazine called him, visited every school in the county.",
                "the magazine",
                "called him",
                "“Flu Fred,”",
            ),
            Example(
                "The state declared an emergency over the fires, reported the BBC.",
                "the BBC",
                "reported",
                "The state declared an emergency over the fires",
            ),
            Example(
                "One study published this May in JAMA Pediatrics found that just over 340 children younger than 5"
                " died nationally of fentanyl poisoning from 1999 to 2021, including 105 who were younger than 1.",
                "One study published this May in JAMA Pediatrics",
                "found",
                "that just over 340 children younger than 5 died nationally of fentanyl poisoning from 1999 to 2021,"
                " including 105 who were younger than 1",
            ),
            Example(
                "The agency forecast electricity demand Monday at near all-time peak levels.",
                "The agency",
                "forecast",
                "electricity demand Monday at near all-time peak levels",
            ),
            Example(
                "Senator Ruth Adler first warned the committee of the risk in 2009.",
                "Senator Ruth Adler",
                "warned the committee of",
                "the risk",
            ),
        ),
        triggers=lambda lex: frozenset(lex.verbs),
        scan_words=lambda lex: lex.scan_forms | frozenset(_VIA),
        scan=verbs.verb_scan,
        source_words=lambda lex: _speech_forms(lex) | frozenset(_VIA),
    ),
    Rule(
        "according",
        RuleKind.TOKEN,
        ("according",),
        phrases.according_rule,
        (Example("The dam will hold, according to engineers.", "engineers", "according to", "The dam will hold"),),
        triggers=_words("according"),
        source_words=_words("according"),
    ),
    Rule(
        "per",
        RuleKind.TOKEN,
        ("according",),
        phrases.per_rule,
        (
            Example(
                "The film earned $40 million in its opening weekend, per The Wrap.",
                "The Wrap",
                "per",
                "The film earned $40 million in its opening weekend",
            ),
            Example(
                "Trump leads with 40 percent, per a list compiled by the Register.",
                "a list compiled by the Register",
                "per",
                "Trump leads with 40 percent",
            ),
            Example("Gas costs $3, per gallon of regular.", "gallon of regular", "per", "Gas costs $3", absent=True),
        ),
        triggers=_words("per"),
        scan_words=_NONE,
        scan=phrases.per_scan,
        source_words=_words("per"),
    ),
    Rule(
        "accounts",
        RuleKind.TOKEN,
        ("according",),
        phrases.accounts_rule,
        (
            Example("By most accounts, the new levee held.", "most accounts", "By", "the new levee held"),
            Example("By all accounts, he was a gifted pianist.", "all accounts", "By", "he was a gifted pianist"),
            Example("Paid by bank account, the fee was low.", "bank account", "by", "the fee was low", absent=True),
        ),
        triggers=_words("by"),
        scan_words=_NONE,
        scan=phrases.accounts_scan,
        source_words=_words("by"),
    ),
    Rule(
        "poll",
        RuleKind.TOKEN,
        ("according",),
        phrases.poll_rule,
        (
            Example("In a CNN poll, 50 percent chose Clinton.", "a CNN poll", "In", "50 percent chose Clinton"),
            Example(
                "In a Harbour Gazette poll, 60 percent of anglers said the quota was too low.",
                "a Harbour Gazette poll",
                "In",
                "60 percent of anglers said the quota was too low",
            ),
            Example(
                "The mayor trails her rival in the Civic Tracker average of city polls.",
                "the Civic Tracker average of city polls",
                "in",
                "The mayor trails her rival",
            ),
            Example(
                "The mayor has a narrow lead in a new Civic Tracker poll.",
                "a new Civic Tracker poll",
                "in",
                "The mayor has a narrow lead",
            ),
            Example(
                "In a new study, Metrix found that anglers back the quota.",
                "a new study",
                "In",
                "Metrix found that anglers back the quota",
                absent=True,
            ),
            Example(
                "Metrix found in a poll that many voters think the tax is unfair.",
                "a poll",
                "in",
                "Metrix found | that many voters think the tax is unfair",
                absent=True,
            ),
        ),
        triggers=_words("in"),
        scan_words=_NONE,
        scan=phrases.poll_scan,
    ),
    Rule(
        "words",
        RuleKind.TOKEN,
        ("noun",),
        phrases.words_rule,
        (
            Example(
                "The port was chosen because, in the mayor's words, “it is the busiest on the coast.”",
                "the mayor",
                "in the mayor's words",
                "“it is the busiest on the coast.”",
            ),
            Example(
                "The senator was, in the words of one aide, “a ship without a rudder.”",
                "one aide",
                "in the words",
                "The senator was | “a ship without a rudder.”",
            ),
            Example("In other words, the plan failed.", None, "In other words", "the plan failed", absent=True),
        ),
        triggers=_words("words"),
        scan_words=_NONE,
        scan=phrases.words_scan,
    ),
    Rule(
        "to_view",
        RuleKind.TOKEN,
        ("according",),
        phrases.to_view_rule,
        (
            Example(
                "To Marta Sexton, the vote marked a turning point.",
                "Marta Sexton",
                "To",
                "the vote marked a turning point",
            ),
            Example("But to others, he is a reformer.", "others", "to", "he is a reformer"),
            Example("To many, the mayor is a provocateur.", "many", "To", "the mayor is a provocateur"),
            Example(
                "To date, the mayor has vetoed four bills.",
                "date",
                "To",
                "the mayor has vetoed four bills",
                absent=True,
            ),
            Example(
                "To his donors, the senator sent a letter.",
                "his donors",
                "To",
                "the senator sent a letter",
                absent=True,
            ),
        ),
        triggers=_words("to"),
        scan_words=_NONE,
        scan=phrases.to_view_scan,
    ),
    Rule(
        "came_from",
        RuleKind.TOKEN,
        ("came_from",),
        phrases.came_from_rule,
        (
            Example(
                "The union said the number came from a survey run by shop stewards.",
                "a survey run by shop stewards",
                "came from",
                "the number came from a survey run by shop stewards",
            ),
            Example("The money came from donors.", "donors", "came from", "The money came from donors", absent=True),
        ),
        triggers=_words("came", "come", "comes"),
        scan_words=_NONE,
        scan=phrases.came_from_scan,
    ),
    Rule(
        "record",
        RuleKind.TOKEN,
        ("record",),
        phrases.record_rule,
        (
            Example(
                "The log records a caller reporting smoke on the third floor.",
                "The log",
                "records",
                "a caller reporting smoke on the third floor",
            ),
            Example(
                "A recording heard by the BBC captures the commander ordering a retreat.",
                "A recording heard by the BBC",
                "captures",
                "the commander ordering a retreat",
            ),
        ),
        triggers=lambda lex: phrases.RECORD_VERBS,
        scan_words=_NONE,
        scan=phrases.record_scan,
    ),
    Rule(
        "noun",
        RuleKind.TOKEN,
        ("noun",),
        phrases.noun_rule,
        (
            Example(
                "The ministry's claim that the dam is safe was questioned.",
                "The ministry",
                "claim",
                "that the dam is safe",
            ),
            Example(
                "The council pressed on despite warnings that the old bridge was unsafe.",
                None,
                "warnings",
                "that the old bridge was unsafe",
            ),
            Example(
                "It is an across-the-board failure, in Bolton's view.",
                "Bolton",
                "in Bolton's view",
                "It is an across-the-board failure",
            ),
        ),
        triggers=lambda lex: lex.nouns,
        scan_words=_NONE,
        scan=phrases.noun_scan,
    ),
    Rule(
        "reports",
        RuleKind.TOKEN,
        ("noun",),
        phrases.reports_rule,
        (
            Example(
                "There are news reports of deadly strikes at Jabalia, the largest camp.",
                "news reports",
                "reports of",
                "deadly strikes at Jabalia, the largest camp",
            ),
            Example(
                "The fires spread amid reports that the army had withdrawn.",
                "reports",
                "reports",
                "that the army had withdrawn",
            ),
        ),
        triggers=lambda lex: phrases.REPORTS,
        scan_words=_NONE,
        scan=phrases.reports_scan,
    ),
    Rule(
        "hedge",
        RuleKind.TOKEN,
        ("hedge",),
        phrases.hedge_rule,
        (
            Example(
                "North Korea is reportedly preparing a test.",
                None,
                "reportedly",
                "North Korea is reportedly preparing a test",
            ),
        ),
        triggers=lambda lex: frozenset(lex.hedges),
        scan_words=lambda lex: lex.hedge_words,
    ),
    Rule(
        "headline",
        RuleKind.TOKEN,
        ("headline",),
        phrases.headline_rule,
        (
            Example(
                "Graham: Trump's rhetoric is destroying the party",
                "Graham",
                ":",
                "Trump's rhetoric is destroying the party",
            ),
            Example(
                "Riverside: about 300 homes without water after main bursts",
                "Riverside",
                ":",
                "about 300 homes without water after main bursts",
                absent=True,
            ),
        ),
        triggers=_words(":"),
        scan_words=_NONE,
        scan=phrases.headline_scan,
    ),
    Rule(
        "speaker",
        RuleKind.TOKEN,
        ("headline",),
        phrases.speaker_rule,
        (
            Example(
                "Turnout was low.\nTHE RURAL VOTE HELD - Mara Quist: “Small towns came out early.”",
                "Mara Quist",
                ":",
                "“Small towns came out early.”",
            ),
            Example(
                "Turnout was low.\nSTILL EARLY - Results from the count: “Small towns came out early.”",
                "Results from the count",
                ":",
                "“Small towns came out early.”",
                absent=True,
            ),
        ),
        triggers=_words(":"),
        scan_words=_NONE,
        scan=phrases.speaker_scan,
    ),
    Rule(
        "colon_speaker",
        RuleKind.TOKEN,
        ("colon",),
        phrases.colon_speaker_rule,
        (
            Example(
                "Mayor Ada Brown delivered a sharp retort: “No one is closing the bridge.”",
                "Mayor Ada Brown",
                ":",
                "“No one is closing the bridge.”",
            ),
            Example(
                "Then there was the biggest change of all: “We finally have a bridge.”",
                "there",
                ":",
                "“We finally have a bridge.”",
                absent=True,
            ),
        ),
        triggers=_words(":"),
        scan_words=_NONE,
        scan=phrases.colon_speaker_scan,
    ),
    Rule(
        "copula",
        RuleKind.TOKEN,
        ("copula",),
        phrases.copula_rule,
        (
            Example("She was critical of the deal.", "She", "was critical of", "the deal"),
            Example(
                "The skipper was reluctant to leave the harbour.",
                "The skipper",
                "was reluctant",
                "to leave the harbour",
            ),
        ),
        triggers=lambda lex: BE_FORMS | lex.linking,
        scan_words=lambda lex: lex.stance_scan,
    ),
    Rule(
        "generic",
        RuleKind.TOKEN,
        ("verb",),
        verbs.generic_rule,
        (
            Example(
                "Aides said the senator groused that the bill was too long.",
                "the senator",
                "groused",
                "that the bill was too long",
            ),
        ),
        scan_words=_NONE,
    ),
    Rule(
        "misparsed_tail",
        RuleKind.SENTENCE,
        ("verb",),
        verbs.misparsed_tail,
        (
            Example(
                "Most voters have a dim view of Trump, the poll found.",
                "the poll",
                "found",
                "Most voters have a dim view of Trump",
            ),
        ),
    ),
    Rule(
        "misread_share_verb",
        RuleKind.SENTENCE,
        ("verb",),
        verbs.misread_share_verb,
        (
            Example(
                "Two-thirds support reducing the fines for parking offences.",
                "Two-thirds",
                "support",
                "reducing the fines for parking offences",
            ),
            Example(
                "The mayor won 36 percent support among women.", "36 percent", "support", "among women", absent=True
            ),
        ),
    ),
    Rule(
        "citations",
        RuleKind.CLEANUP,
        ("citing",),
        phrases.attach_citations,
        (
            Example(
                "The ministry raised its forecast, citing strong exports.", "The ministry", "citing", "strong exports"
            ),
            Example(
                "Public broadcaster XTV said, citing a source in the ministry, that the talks had collapsed.",
                "Public broadcaster XTV",
                "said",
                "that the talks had collapsed",
            ),
        ),
        scan_words=_words(*_CITING),
        source_words=_words(*_CITING),
    ),
    Rule(
        "paired_accordings",
        RuleKind.CLEANUP,
        ("according",),
        phrases.split_accordings,
        (
            Example(
                "Strikes killed 10,000 people, according to the health ministry, and displaced 1.5 million,"
                " according to UN figures.",
                "UN figures",
                "according to",
                "displaced 1.5 million",
            ),
            Example(
                "According to the police, two men were hurt, and according to the hospital, one has died.",
                "the police",
                "According to",
                "two men were hurt",
            ),
        ),
    ),
    Rule(
        "raised_cues",
        RuleKind.CLEANUP,
        ("verb", "raising"),
        cleanup.merge_raised_cues,
        (
            Example(
                "A review of the emails seems to show that the aide briefed reporters.",
                "A review of the emails",
                "seems to show",
                "that the aide briefed reporters",
            ),
            Example(
                "The mayor appears to be slipping in the polls.",
                None,
                "appears",
                "The mayor | to be slipping in the polls",
            ),
        ),
    ),
    Rule(
        "separate",
        RuleKind.CLEANUP,
        ("verb",),
        cleanup.separate,
        (
            Example(
                "Ginsburg said that she didn't want to think about it and predicted that Clinton will win.",
                "Ginsburg",
                "said",
                "that she didn't want to think about it",
            ),
        ),
    ),
    Rule(
        "defining_relatives",
        RuleKind.CLEANUP,
        ("verb",),
        cleanup.drop_defining_relatives,
        (
            Example(
                "The survey reported that the number of young people who have reported using meth was 3.8 percent.",
                "who",
                "reported",
                "using meth",
                absent=True,
            ),
        ),
    ),
    Rule(
        "to_sentence_end",
        RuleKind.CLEANUP,
        ("verb",),
        cleanup.run_to_sentence_end,
        (
            Example(
                "The mayor said that the water is safe, and residents should stop buying bottles.",
                "The mayor",
                "said",
                "that the water is safe, and residents should stop buying bottles",
            ),
        ),
    ),
    Rule(
        "asides",
        RuleKind.CLEANUP,
        ("verb", "noun", "passive"),
        cleanup.cut_asides,
        (
            Example(
                "He said he is partial to Huckabee, for whom he was to host a fundraiser.",
                "He",
                "said",
                "he is partial to Huckabee",
            ),
        ),
    ),
    Rule(
        "medium_nouns",
        RuleKind.CLEANUP,
        ("noun",),
        cleanup.medium_nouns,
        (
            Example(
                "Kasich’s chief strategist John Weaver says in a statement that the race will now be a fight.",
                None,
                "statement",
                "that the race will now be a fight",
                absent=True,
            ),
            Example(
                "The harbor commission's chief engineer Lena Park says in a statement that the pier will close.",
                "The harbor commission's chief engineer Lena Park",
                "statement",
                "that the pier will close",
            ),
        ),
    ),
    Rule(
        "attributed_relatives",
        RuleKind.CLEANUP,
        ("verb", "quote", "noun", "passive"),
        cleanup.cut_attributed_relatives,
        (
            Example(
                "The mayor, who has long argued that the bridge is unsafe, said the repairs will start soon.",
                "The mayor",
                "said",
                "the repairs will start soon",
            ),
            Example(
                "“We will rebuild,” said Ortiz, who warned last year that the levee would fail.",
                "Ortiz",
                "said",
                "“We will rebuild,”",
            ),
        ),
    ),
    Rule(
        "colon_quotes",
        RuleKind.CLEANUP,
        ("verb",),
        cleanup.split_colon_quotes,
        (
            Example(
                "Zimmer also acknowledged his limitations in evaluating the situation: “This threat I could not"
                " assess.”",
                "Zimmer",
                "acknowledged",
                "“This threat I could not assess.”",
            ),
            Example(
                "Zimmer also acknowledged his limitations in evaluating the situation: “This threat I could not"
                " assess.”",
                "Zimmer",
                "acknowledged",
                "his limitations in evaluating the situation",
            ),
        ),
    ),
    Rule(
        "quoted",
        RuleKind.CLEANUP,
        ("verb", "quote"),
        cleanup.mark_quoted,
        (
            Example(
                "“The CIA told us the plant was closed,” the senator said.",
                "The CIA",
                "told",
                "the plant was closed",
                quoted=True,
            ),
        ),
    ),
    Rule(
        "inside_quote",
        RuleKind.CLEANUP,
        ("verb",),
        cleanup.end_inside_quote,
        (
            Example(
                "“We lost, and I think if we help him, we can get there,” she said.",
                "I",
                "think",
                "if we help him, we can get there,”",
                quoted=True,
            ),
        ),
    ),
    Rule(
        "closing_speaker",
        RuleKind.CLEANUP,
        ("verb", "quote"),
        cleanup.whole_closing_speaker,
        (
            Example(
                "“The vaccine works well in older people,” the study's co-author Jan Berg of Lund University told"
                " Science News.",
                "the study's co-author Jan Berg of Lund University",
                "told",
                "“The vaccine works well in older people,”",
            ),
        ),
    ),
    Rule(
        "verb_group",
        RuleKind.CLEANUP,
        ("verb", "passive", "raising"),
        cleanup.verb_groups,
        (
            Example(
                "The harbour master has repeatedly said the pier is unsafe.",
                "The harbour master",
                "said",
                "the pier is unsafe",
                group="has repeatedly said",
            ),
            Example(
                "The ferry operator later went on to deny that the timetable had changed.",
                "The ferry operator",
                "deny",
                "that the timetable had changed",
                group="later went on to deny",
            ),
        ),
    ),
    Rule(
        "transcript_turns",
        RuleKind.DOCUMENT,
        ("turn",),
        turns.transcript_turns,
        (
            Example(
                "Budget talks.\nBRIGGS: The fund is empty. It went on the bridge.\nLEE: That is not true."
                "\nBRIGGS: It is.",
                "BRIGGS",
                ":",
                "The fund is empty. It went on the bridge",
            ),
            Example(
                "Needs.\nSanders: Win in a walk.\nClinton: Keep it close.",
                "Sanders",
                ":",
                "Win in a walk",
                absent=True,
            ),
        ),
    ),
    Rule(
        "passages",
        RuleKind.DOCUMENT,
        ("verb",),
        quotes.fill_passages,
        (
            Example(
                "The governor wrote:\nThe dam will hold through the winter.",
                "The governor",
                "wrote",
                "The dam will hold through the winter.",
            ),
        ),
    ),
    Rule(
        "widen_quotes",
        RuleKind.DOCUMENT,
        ("verb", "quote"),
        quotes.widen_quotes,
        (
            Example(
                "The engineer said the dam is “safe for now. We checked it twice.”",
                "The engineer",
                "said",
                "the dam is “safe for now. We checked it twice.”",
            ),
        ),
    ),
    Rule(
        "quote_after_topic",
        RuleKind.DOCUMENT,
        ("quote",),
        quotes.quote_after_topic,
        (
            Example(
                "Dr. Amy Cole told the meeting on Wednesday about one case. “People were queueing for hours.”",
                "Dr. Amy Cole",
                "told the meeting on Wednesday about",
                "“People were queueing for hours.”",
            ),
        ),
    ),
    Rule(
        "continue_quotes",
        RuleKind.DOCUMENT,
        ("quote",),
        quotes.continue_quotes,
        (
            Example(
                "“The dam is safe,” the engineer said. “We checked it twice.”",
                "the engineer",
                "said",
                "“The dam is safe,” | “We checked it twice.”",
            ),
        ),
    ),
)


@dataclass(frozen=True)
class Plan:
    """The registry arranged for the pipeline: token rules by trigger word, in registry order,
    the token rules run on the other tokens, then the sentence and document passes in order."""

    by_word: dict[str, tuple[Rule, ...]]
    fallback: tuple[Rule, ...]
    sentence: tuple[Rule, ...]
    document: tuple[Rule, ...]


@cache
def plan(registered: tuple[Rule, ...] = RULES) -> Plan:
    """The pipeline's view of a list of rules (the registry, or a part of it in the tests)."""
    lex = lexicon()
    tokens = [r for r in registered if r.kind == RuleKind.TOKEN]
    by_word: dict[str, tuple[Rule, ...]] = {}
    for rule in tokens:
        for word in rule.trigger_words(lex):
            by_word[word] = (*by_word.get(word, ()), rule)
    return Plan(
        by_word=by_word,
        fallback=tuple(r for r in tokens if r.triggers is None),
        sentence=tuple(r for r in registered if r.kind in (RuleKind.SENTENCE, RuleKind.CLEANUP)),
        document=tuple(r for r in registered if r.kind == RuleKind.DOCUMENT),
    )
