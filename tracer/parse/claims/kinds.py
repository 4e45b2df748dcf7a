"""What kind of statement an attribution makes, and whether it is a claim at all (issue 14, cause 1).

A clause or quotation someone said, reported or believed is a `statement`. Researchers also
trace what is not a clause: "the company strongly denied the allegations" (a stance on a
checkable thing), "she labeled the deal 'a sham'" (a label), "the senator warned the committee
of the risk" (a noun-phrase content). Those are claims too, kept apart by `Claim.kind` so users
can filter. An evaluation is a claim when it judges a described state of affairs ("defended the
state's launch of an anti-drug campaign"), not when it judges a bare person or thing ("praised
him", "defended the decision"); positions ("endorsed", "backed") and intentions stay attributions
only. The word lists are in `tracer/data/claim_kinds.json`.
"""

from __future__ import annotations

import re
from functools import cache

from tracer.datafiles import load_json, load_lines
from tracer.models import ClaimKind, CueClass
from tracer.parse.attribution.cues import CLAIM_CLASSES, lexicon
from tracer.parse.attribution.spans import Attribution
from tracer.text import is_abbreviation

_WH_WORDS = frozenset({"how", "why", "whether", "who", "what", "where", "when", "which"})
_PREPOSITIONS = frozenset({"of", "about", "on", "over", "regarding", "concerning"})
# After a talk verb, "to" and "at" name what the talk answered, whom it addressed or where it was
# ("responded to Trump's rant", "responding to a disturbance call", "spoke at a town hall"), never
# what was said. PolNeAR train 720-839 and the aol corpus page: 6 such noun-phrase "claims" in 6
# articles (responded/responding to, spoke at), none an attributed statement.
_ADDRESSED = frozenset({"to", "at"})
# "isn't saying", "did not say", "didn't immediately confirm", "never said" (not "not only said");
# "couldn't even understand", "has not yet said", "didn't ever say": a focus adverb between the
# negation and the cue negates it all the same (gold_fresh miss: "“The enemy couldn't even
# understand what had happened to them” ..., Sharif said" lost Sharif's claim to the enemy).
# "no longer think" too ("“Our friends no longer think we have their back,” Bush said": hops5 audit,
# "Our friends" was a hop).
_NEGATED = re.compile(
    r"(?:\bnot|\bnever|n['’]t|\bno\s+longer)\s+(?!only\b)(?:(?:\w+ly|even|yet|ever)\s+){0,2}$", re.IGNORECASE
)
_INFINITIVE = re.compile(r"\bto\s+$", re.IGNORECASE)
# "asked by Starnes if | he | believed ...": the words before a cue's source when the cue is part of
# a question put to someone (`asked_question`), not something its source holds.
_ASKED_IF = re.compile(r"\bask(?:ed|ing|s)?\b[^.;:\"“”]{0,60}\b(?:if|whether)\s+$", re.IGNORECASE)
_INFINITIVE_AFTER = re.compile(r"\b(\w+)\s+to\s+$")
# A to-infinitive complement, perhaps negated ("to inject", "not to hold", "never to return").
_TO_ACT = re.compile(r"(?:(?:not|never)\s+)?to\s", re.IGNORECASE)
# A gerund complement, perhaps negated ("firing the general", "not running"); the pronouns in
# -thing are no gerunds ("considers nothing final").
_GERUND_ACT = re.compile(r"(?:(?:not|never)\s+)?(?!(?:no|some|any|every)thing\b)[a-z]+ing\b")
# The words before a to-infinitive cue ("I want the record | to show").
_TO_BEFORE = re.compile(r"([\w’' -]+?)\s+to\s+$")
# "them to stay behind", "the area to evacuate": an object and a to-infinitive, no finite verb of
# its own after ("warned the move to boost spending would fuel inflation" is a statement). The
# object is a noun phrase: no subject pronoun opens it and no verb is in it ("told Mashable
# they've been trying to get in touch ...", "told reporters they were going to appeal" are
# statements; gold_text miss).
# A quotation is never that object: '"You need to bomb the site," she told him' is what was said.
# The word pattern below would read the two-apostrophe marks of some archives (''We're going to
# have to ...'') as part of a word (PolNeAR train audit: 3 told-quotations in 3 articles lost).
_DIRECTIVE = re.compile(
    r"^(?![\"“‘'«]|that\b|(?:i|we|they|he|she)\b)"
    r"(?:(?!(?:is|are|was|were|been|has|have|had|will|would|can|could)\b|[\w-]+[’'](?:ve|re|ll|d)\b)[\w’'-]+\s+){1,3}?"
    r"to\s+\w+(?![^.;]*\b(?:would|will|could|can|is|was|are|were|has|had|have)\b)",
    re.IGNORECASE,
)
# Lower case only: a capitalised "On" opens a quoted sentence ('"On one occasion," they
# testified, "I heard ..."' was read as testimony on a topic and made no claim, gold_fresh5a).
_TOPIC_OPENING = re.compile(r"^[\"“‘']?\s*(?:[a-z]+ly\s+)?(?:about|of|on|regarding|concerning)\s")
# An object (a pronoun, a short determined phrase or a name), then a label opened by an article.
_LABEL = re.compile(
    r"^(?:it|him|her|them|this|that|these|those|himself|herself|themselves|itself|(?:the|this|that|these|those|his|her|its|their|our)\s+[\w’'-]+"
    r"(?:\s+[\w’'-]+){0,2}?|[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2})\s+(?P<label>(?:a|an|the|one)\s+\S.*)$",
    re.DOTALL,
)
# Words that end the head of a cited noun phrase ("a lack | of access", "concerns | about costs").
_HEAD_ENDS = frozenset({"of", "from", "in", "for", "to", "about", "over", "at", "on", "with", "that", "which", "as"})
_TIME_WORDS = frozenset({"day", "night", "morning", "evening", "afternoon", "week", "hour", "time", "weekend", "month"})
_PRONOUN_AS = re.compile(r"^(?:it|him|her|them|this|that|itself|himself|herself|themselves)\s+as\s+\S", re.IGNORECASE)
_QUOTE_MARKS = re.compile(r"[\"“”‘’«»]|(?:^|\s)'|'(?:\s|$)")


@cache
def _table() -> dict[str, frozenset[str]]:
    data = load_json("claim_kinds.json")
    return {k: frozenset(v) for k, v in data.items() if not k.startswith("_")}


def claim_kind(a: Attribution, text: str) -> ClaimKind | None:
    """The kind of claim an attribution makes, or None when it makes none (hedges are apart).

    Args:
        a: An attribution found by `tracer.parse.attribution.find`.
        text: The document text its spans index into.
    """
    if not a.content or a.cls == "hedge" or _an_act(a, text) or _not_asserted(a, text) or _shown_by_no_record(a, text):
        return None
    if a.cls in CLAIM_CLASSES:
        if _let_in(a, text):
            return None
        if a.lemma in _table()["naming_verbs"] and _PRONOUN_AS.match(a.content[0].of(text)):
            return ClaimKind.STANCE  # "described it as “a sham”": a label, like "called it"
        if a.kind != "np":
            return None if _topic_first(a, text) else ClaimKind.STATEMENT
        if _empty(a, text) or _said_what(a, text) or _said_things(a, text) or _about(a, text):
            return None
        if perceived(a, text) or _issued(a, text):
            return None
        if a.lemma in _table()["event_reports"] and len(a.cue.of(text).split()) == 1:
            return ClaimKind.STATEMENT  # "a caller reporting smoke": there was smoke ("reported for" is no report)
        return ClaimKind.STANCE if a.lemma in _table()["denials"] else ClaimKind.NOUN_PHRASE
    if a.cls == "stance":
        return _stance(a, text)
    if a.cls == CueClass.QUESTION:
        return ClaimKind.STATEMENT if stated_with_question(a, text) else None
    if a.lemma in _table()["citing_verbs"] and a.kind == "np" and cited_reason(a, text):
        return ClaimKind.NOUN_PHRASE
    return _topic_claim(a, text) if a.cls == CueClass.TOPIC else None


def _topic_claim(a: Attribution, text: str) -> ClaimKind | None:
    """A topic cue that says something after all: a that-clause ('cited that Merkel's fall in the
    polls is due to ...', 'referencing that eight refugees were detained') is a statement, and an
    'as' label after its object ('referred to Rubio as “a bright, charismatic leader”', 'pointed to
    the GOP as the key obstacle', 'cited Alphabet as the most likely buyer') a stance, as after
    'described'. claims8 audit, all 840 PolNeAR train articles: 4 such clauses in 4 articles and
    25 such labels in 25 were no claims. What the topic verb names alone ('discussed the wall',
    'pointed to his record') stays a topic."""
    words = " ".join(f.of(text) for f in a.content)
    if a.lemma not in _table()["labelling_topic_verbs"]:
        return None  # "focused on states that host contests": a relative "that", no clause said
    if a.kind != "np" and re.match(r"that\s", words.strip(), re.IGNORECASE):
        return ClaimKind.STATEMENT
    label = re.search(r"\bas\s", words)
    if label is None or re.search(r"\s[-—–]\s", words[: label.start()]):
        return None  # "invokes the name - VAT systems function as ...": the object ended at the dash
    # "cited an internal investigation as identifying Beijing": what the cited one found, a source
    gerund = re.match(r"as\s+(\w+ing)\b", words[label.start() :])
    return ClaimKind.STANCE if _labelled_as(words) and gerund is None else None


def cited_reason(a: Attribution, text: str) -> bool:
    """'It also cited a lack of access to electricity from out-of-state sources': what is cited is
    a reason the source gives (a state of affairs it asserts), not a record it got it from ('It
    cited satellite images', a hop; claims/chains.py). Read from the head noun of the object."""
    words = re.findall(r"[\w’'-]+", a.content[0].of(text).lower())
    cut = next((i for i, w in enumerate(words) if w in _HEAD_ENDS), len(words))
    return cut > 0 and words[cut - 1] in _table()["cited_reasons"]


def cited_as(a: Attribution, text: str) -> bool:
    """'Noem cited the backlash as proof that the campaign was working': what is cited 'as' proof
    or a reason backs the source's own argument, not a record it got an earlier claim from
    (gold_text: 'the backlash as proof' was a hop of her defence of the campaign)."""
    return a.lemma in _table()["citing_verbs"] and " as " in f" {a.content[0].of(text)} "


def _stance(a: Attribution, text: str) -> ClaimKind | None:
    """A denial or criticism of a thing, or a label in quotation marks ('called it "a sham"')."""
    words = " ".join(f.of(text) for f in a.content)
    if a.lemma in _table()["naming_verbs"]:
        labelled = bool(_QUOTE_MARKS.search(words)) or " as " in f" {words} " or _small_clause(words)
        return ClaimKind.STANCE if labelled or _free_relative(a, text) or _called_out_for(a, words, text) else None
    if a.lemma in _table()["as_label_verbs"]:
        return ClaimKind.STANCE if _AS_LABEL.match(words) else None
    if a.lemma in _table()["stance_verbs"] and not _empty(a, text) and not _issue_with_a_proposition(a, words):
        return ClaimKind.STANCE
    if a.lemma in _table()["evaluation_verbs"] and _described(words):
        return ClaimKind.STANCE
    if a.lemma in _table()["reason_verbs"] and (_for_reason(a, words) or _labelled_as(words)):
        return ClaimKind.STANCE
    if a.lemma in _table()["depiction_verbs"] and _labelled_as(words):
        return ClaimKind.STANCE  # "painting Mr. Trump as a sympathizer of ...", as "portraying"
    return ClaimKind.NOUN_PHRASE if _worried_over(a, words) or _depicted(a, words) else None


def _issue_with_a_proposition(a: Attribution, words: str) -> bool:
    """'took issue with the assumption that the council will back the plan': what is taken issue
    with holds a proposition someone else put forward, so no claim holds it under the subject's
    name (the guard of source12_forms.json, as for 'bristled at the suggestion that ...'); 'took
    issue with recent criticism over his record' (content15, PolNeAR train) is the subject's
    stance on a named thing, a claim as after 'disputed'."""
    return a.lemma == "issue" and re.search(r"\bthat\s", words) is not None


# A quoted sentence: up to its end mark and any closing quotation marks after it, or up to the
# quotation's end ("“... It is a payoff,” she asked": the comma ends the quotation, not the mark).
_QUOTED_SENTENCE = re.compile(r"[^.?!]+(?:[.?!]+[”\"’']*|$)")
_ENDED = re.compile(r"[.!][”\"’']*\s*$")
# Fewer words than this are an answer or an aside ("No.", "Right?"), nothing to trace.
_MIN_STATED_WORDS = 4
# The marks a quotation opens with.
OPENING_QUOTES = frozenset('“"‘«')


def stated_with_question(a: Attribution, text: str) -> bool:
    """Whether a question cue's quotation goes on with a statement of the asker's: '“Can we win
    Illinois?” he asked. “I don't know. But what we can do is make her spend money there.”' The
    question asserts nothing, the sentences that are no question are the asker's words like any
    quoted ones (found13 audit, all 840 PolNeAR train articles: 23 such sentences in 16 articles,
    every one marked as attributed content, none a claim). Only an outermost quotation (a question
    inside someone's words stays theirs) whose fragments open with a quotation mark ('asked
    whether ...', 'wondered if “...”' ask, and say nothing)."""
    if a.quoted or a.kind != "quote":
        return False
    return any(text[f.start : f.start + 1] in OPENING_QUOTES and _states_any(f.of(text)) for f in a.content)


def _states_any(quotation: str) -> bool:
    """Whether a whole quotation (closed by its mark) holds a statement: a sentence that is no
    question, ended by its own mark or, after another sentence, by the quotation's end ('“Is it a
    payoff? It is a payoff,” she asked'). A first sentence cut by the quotation's end is part of
    the question that follows ('“The ones who have been here 20 years,” he asked. “Do we ...?”')."""
    if not quotation.rstrip().endswith(("”", '"', "’", "'")):
        return False  # 'asked them “prayerfully consider” the future ...': a request, no quotation
    parts = [m.group(0) for m in _QUOTED_SENTENCE.finditer(quotation)]
    return any(_states(p) and (i > 0 or _ENDED.search(p)) for i, p in enumerate(parts))


def _states(sentence: str) -> bool:
    """A quoted sentence that is no question and long enough to say something."""
    return len(sentence.split()) >= _MIN_STATED_WORDS and not asks(sentence)


def asks(sentence: str) -> bool:
    """Whether a sentence is a question: it ends with a question mark, inside its closing quotes."""
    return sentence.rstrip("”\"’' ").endswith("?")


def _called_out_for(a: Attribution, words: str, text: str) -> bool:
    """'called out his rival Donald Trump for alienating Hispanics', 'calling him out in real-time
    for his reliance on rehearsed talking points': 'call out' blames someone FOR something as a
    reason verb does (claims8 audit: 3 in 3 PolNeAR train articles were no claims); a plain
    'called X for Y' ('called Jeb Bush for president', 'called for talks') is none, and so is
    'singled out Sanders's vote for a bill' (what is singled out is no one blamed)."""
    if a.lemma != "call":
        return False
    out = re.search(r"\bout\b", a.cue.of(text), re.IGNORECASE) or re.match(r"(?:\S+\s+){0,4}?out\s", words)
    return out is not None and _for_reason(a, re.sub(r"\bout\s+", "", words, count=1))


# How far into a noun phrase its head may come ("more than 1,100 additional pages of ...").
_HEAD_REACH = 6


# Words that open a counted object ('more than 1.4 million refugees', 'thousands of migrants').
_QUANTITY_WORDS = frozenset(
    {"more", "fewer", "over", "about", "nearly", "almost", "some", "up", "at"}
    | {"thousands", "hundreds", "millions", "tens"}
)


def _let_in(a: Attribution, text: str) -> bool:
    """'the country had admitted more than 1.4 million Syrian refugees' (gold_text miss): 'admit'
    with people as its object lets them in, an act, no confession, so the words stay the claim of
    the attribution around them ('According to the Jordanian government, ...'). Read from the
    object's head, the last word before any word that ends a head: a group noun of `entrants` or
    a capitalised plural ('admit 250,000 Syrians'); 'admitted wrongdoing' stays a claim. The
    parser reads a counted object as a clause at times ('more than 1.4 million Syrian refugees'):
    a content not read as a noun phrase counts only when it opens with a number or a quantity
    word, so that 'admitted he had misled refugees' stays a statement."""
    if a.lemma not in _table()["admitting_verbs"]:
        return False
    words = re.findall(r"[\w’'-]+", a.content[0].of(text))
    if a.kind != "np" and not (words and (words[0][0].isdigit() or words[0].lower() in _QUANTITY_WORDS)):
        return False
    cut = next((i for i, w in enumerate(words) if w.lower() in _HEAD_ENDS), len(words))
    head = words[cut - 1] if cut else ""
    return head.lower() in _table()["entrants"] or (len(head) > 3 and head[0].isupper() and head.endswith("s"))


def _issued(a: Attribution, text: str) -> bool:
    """'released a video on Instagram', 'released more than 1,100 additional pages of emails',
    'posted a picture': a thing issued is an act, no claim (`issuing_verbs`, `artifacts`). The
    thing is read as the first artifact noun among the object's first words, before any word that
    ends a head ("a statement in opposition to ..."). A thing said to do something carries what
    it says ("released a statement on Thursday condemning the attack as cowardly", audit_forms):
    a claim still."""
    if a.lemma not in _table()["issuing_verbs"]:
        return False
    words = re.findall(r"[\w’'-]+", a.content[0].of(text).lower())
    for i, word in enumerate(words[:_HEAD_REACH]):
        if word in artifacts():
            return not _says_something(words[i + 1 :])
        if word in _HEAD_ENDS:
            return False
    return False


_BE = frozenset({"am", "is", "are", "was", "were", "be", "been", "being"})


def _says_something(after: list[str]) -> bool:
    """Whether the words after an issued thing say what it says: a participle hung on it ("a
    statement on Thursday condemning the attack"). Not a progressive inside a clause about it ("a
    video from a conference at which he was speaking") nor a picture's subject doing something ("an
    image of Mourinho holding up a shirt"): what a picture shows is no claim. prec6 audit: 2 such
    acts shown as claims in 2 articles (PolNeAR train 722, the aeb Mourinho page)."""
    if after[:1] == ["of"]:
        return False
    return any(w.endswith("ing") and (j == 0 or after[j - 1] not in _BE) for j, w in enumerate(after))


# "portraying Sanders as hypocritical", "denigrated Assange as a “hacker”": an object of a few
# words, then the label its "as" gives (the words of `as_label_verbs` label only so).
_AS_LABEL = re.compile(r"^(?:[\w’'.,-]+\s+){1,6}?as\s+\S", re.IGNORECASE)


def _depicted(a: Attribution, words: str) -> bool:
    """'painted a bleak picture of patients grappling with shortages' (gold_fresh4a miss): a
    picture painted of a state of affairs asserts that state, a noun-phrase claim; 'painted the
    fence' or 'painted him as weak' (a label, 'as') is none of it."""
    return a.lemma in _table()["depiction_verbs"] and _head(words) in _table()["depictions"] and " of " in words


def _worried_over(a: Attribution, words: str) -> bool:
    """'he's worried about his party's "severe underperformance"' (gold_fresh3a miss): a worry
    over quoted words or over a cited kind of state of affairs ('concerned about a shortage of
    nurses') asserts that state; 'worried about the future' asserts nothing."""
    if a.lemma not in _table()["concern_cues"]:
        return False
    return bool(_QUOTE_MARKS.search(words)) or _head(words) in _table()["cited_reasons"]


# An object of a few words, then "for" and what it is blamed or praised for: a gerund or a
# determined phrase ("for being soft on Iran", "for the weak party performance"), a negated gerund
# ("for not answering the question"), a wh-clause ("for how they were running the investigation")
# or quoted words ("for “cavorting” with a lobbyist"). The object may run to eight words, commas
# and all ("GOP voters, lawmakers, and thinkers", "former Republican presidential nominee Mitt
# Romney"): claims8 audit, all 840 PolNeAR train articles: 18 such reasons in 17 articles were no
# claim while only four plain words were allowed and the reason had to open with a gerund or a
# determiner (the 18 stance claims the reading below adds there).
_FOR_REASON = re.compile(
    r"^(?:[\w’'.,()-]+\s+){1,8}?(?P<prep>for|with)\s+"
    r"(?P<reason>(?:(?:(?:not|never)\s+)?\w+ing|the|his|her|its|their|our|a|an|how|what|why)\s+\S+.*|[\"“‘']\s*\w.*)$",
    re.IGNORECASE | re.DOTALL,
)


def _for_reason(a: Attribution, words: str) -> bool:
    """'attacked Biden for being soft on Iran', 'blaming him for the weak Republican Party
    performance': what the object is blamed or praised for is a state of affairs the source
    asserts, a claim even when the object is a bare person (gold_fresh3a: three such misses);
    'attacked the convoy for the second day' gives a time, not a reason. 'credited Merkel with
    holding ... together' gives it with 'with' (`with_reason_verbs`), and then only as a gerund."""
    match = _FOR_REASON.match(words.strip())
    if match is None or re.search(r"\s(?:to|into)\s", words[: match.start("prep")]):
        return False  # "welcomed world leaders to the White House | for a working dinner": a purpose
    if match.group("prep").lower() == "with" and not (
        a.lemma in _table()["with_reason_verbs"] and re.match(r"\w+ing\b", match.group("reason"))
    ):
        return False
    # the reason's own phrase, before a setting of its own ("performance | in a host of elections
    # on Tuesday night"): only a time there makes the "for" phrase a time
    head = re.split(r"\s(?:in|on|at|during|after|before)\s", match.group("reason").lower(), maxsplit=1)[0]
    reason = {w.removesuffix("s") for w in re.findall(r"\w+", head)}
    return _TIME_WORDS.isdisjoint(reason) and "year" not in reason


# The role an "as" names when it is the source's own office, not a label of the object: the office
# right after "as" or its article ("defended her record as secretary of state", "opposed it as a
# candidate"); a modifier before the office makes it a label again ("as a mainstream candidate").
_AS_ROLE = re.compile(r"\bas\s+[\"“‘']?(?P<article>(?:a|an|the)\s+)?(?P<role>[\w-]+)", re.IGNORECASE)


def _labelled_as(words: str) -> bool:
    """'attacked the program as a violation of free market principles', 'knocked the Democrats’
    rules as undemocratic', 'mocking Rubio as a neophyte who memorized talking points': an 'as'
    after a judging verb's object gives the label it puts on it, a stance as after 'portray'
    (claims8 audit, all 840 PolNeAR train articles: 24 such labels in 23 articles over attack,
    knock, mock, defend, praise, hail, tout and paint, none a claim before). An 'as' naming an office the source held
    (`held_roles`: 'as mayor', 'as a candidate') is none."""
    if not _AS_LABEL.match(words) or re.search(r"\bas\s+(?:well|of|soon|long|much)\b", words, re.IGNORECASE):
        return False
    return any(_label_word(m.group("role"), bool(m.group("article"))) for m in _AS_ROLE.finditer(words))


def _label_word(word: str, article: bool) -> bool:
    """Whether the word after 'as' opens a label: not an office held ('as mayor', `held_roles`),
    nor a bare name ('referred to the governor as “Chris”': what he is called, nothing to check),
    nor a cue saying what a record or speaker said ('cited the Times as saying ...', 'cited an
    internal investigation as identifying Beijing': the cited one is a source, claims/chains.py)."""
    if word.lower() in _table()["held_roles"] or (word[:1].isupper() and not article):
        return False
    cue = lexicon().verb(word.lower()) if word.lower().endswith("ing") else None
    return cue is None or cue.cls not in CLAIM_CLASSES


# A possessive ("the state's launch") or a modifier after the head ("the presence of ...").
_POSSESSIVE = re.compile(r"\w['’]s?\s+\w", re.IGNORECASE)


def _described(words: str) -> bool:
    """'defending the state's launch of an anti-drug campaign', 'praised Giuliani's ongoing
    support': the object describes a state of affairs a reader can check, so judging it is a claim
    (gold_text, gold_fresh); 'praised him', 'defended the decision', 'praised the head of the
    agency' judge a bare person or thing and say nothing checkable."""
    tokens = re.findall(r"[\w’'-]+", words)
    cut = next((i for i, w in enumerate(tokens) if w.lower() in _HEAD_ENDS), len(tokens))
    if cut == 0 or len(tokens) < 3 or (cut == len(tokens) and not _POSSESSIVE.search(words)):
        return False
    if tokens[0].lower() in _table()["empty_objects"]:
        return False  # "blasted him so hard that ...": a person, then how hard
    head = tokens[cut - 1]
    return not head[0].isupper() and head.lower() not in _person_heads()


@cache
def _person_heads() -> frozenset[str]:
    """Nouns naming people ('head', 'wife', 'officials'): an object headed by one is a person."""
    kinds = load_json("source_kinds.json")
    return frozenset([*kinds["person"], *kinds["offices"], *load_lines("people_nouns.txt"), *_table()["person_heads"]])


def _small_clause(words: str) -> bool:
    """'called the strikes an act of war', 'calling it a violation of international norms': an
    object, then the label a naming verb gives it (not 'called the police the next day', a call).
    Without quotation marks these labels were no claims (gold_fresh). 'calls himself a democratic
    socialist' (a reflexive object) and 'called him divisive' (an adjective label) too."""
    match = _LABEL.match(words)
    if match is not None:
        return _TIME_WORDS.isdisjoint(match.group("label").lower().split())
    return _adjective_label(words)


# An object (a pronoun, a reflexive, a determined or possessed phrase, a name), then one label
# word at the end, perhaps after a degree adverb: "him divisive", "themselves very conservative",
# "the actions lawful", "Clinton's public squabble with the intelligence community unusual".
_BARE_LABEL = re.compile(
    r"^(?:it|him|her|them|you|us|me|himself|herself|themselves|itself|ourselves|myself|yourself"
    r"|(?:the|this|that|these|those|his|her|its|their|our|a|an|[A-Z][\w-]*['’]s?)(?:\s+[\w’'-]+){1,7}?"
    r"|[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2})"
    r"\s+(?:\w+ly\s+|very\s+|so\s+|too\s+)?(?P<label>[a-z][\w-]*)[\s.,;:!?\"”’]*$"
)
# Label words read as adjectives (or a bare plural of people, "them rapists") by their form: a
# judging suffix, or a negating or partisan prefix. Nouns that end so are mostly people
# ("the Post journalist", "the firm's executive": `_person_heads`) or "-ment" nouns, left out.
_ADJECTIVE_FORM = re.compile(
    r"^(?:(?:un|in|il|ir|non|anti|pro)-?\w+(?:al|ic|ed|ent)|\w+(?:ive|ous|ful|less|able|ible|ists?|ent))$|^(?:anti|pro)-\w+$"
)


def _adjective_label(words: str) -> bool:
    """'called him divisive', 'called the actions lawful', 'called himself pro-choice', 'calling
    them rapists': a naming verb's object, then an adjective (or a bare plural of people) as its
    label; claims8 audit, all 840 PolNeAR train articles: 14 such labels in 14 articles were no
    claims (with 4 article labels of a reflexive object, 'calls himself a Democrat', in 4 more). The label
    must look like an adjective by its form and not be a person ('called the Post journalist'),
    nor come after a preposition ('called the meeting to order')."""
    match = _BARE_LABEL.match(words.strip())
    if match is None:
        return False
    label = match.group("label").lower()
    before = words[: match.start("label")].split()
    if before and before[-1].lower() in _HEAD_ENDS:
        return False
    person = label in _person_heads() or label.removesuffix("s") in _person_heads()
    return bool(_ADJECTIVE_FORM.match(label)) and not person and not label.endswith("ment")


def relative_denial(a: Attribution, text: str) -> bool:
    """'..., which Islamabad denies': a denial whose whole object is a relative 'which' (its
    antecedent, another claim's content, is found by claims/chains.py)."""
    return a.lemma in _table()["denials"] and len(a.content) == 1 and a.content[0].of(text).strip().lower() == "which"


def _free_relative(a: Attribution, text: str) -> bool:
    """'in what Pakistan's leader called an act of war': the object moved out as 'what', so the
    fragment after the cue is the label itself, marks or none. Without quotation marks these
    labels were no claims (gold_fresh); 'called what he wanted' (one fragment) stays none."""
    return len(a.content) > 1 and a.content[0].of(text).strip().lower() == "what" and not _empty_label(a, text)


def _empty_label(a: Attribution, text: str) -> bool:
    """'what she called it': a label that says nothing without its antecedent."""
    label = " ".join(f.of(text) for f in a.content[1:]).strip(" ,.;:").lower()
    return not label or label in _table()["empty_objects"]


def perceived(a: Attribution, text: str) -> bool:
    """'imports from China have seen price increases', 'saw smoke': a thing seen or undergone is
    no view of the seer's; 'what many see as an unforced error' (seen as something) is one."""
    words = " ".join(f.of(text) for f in a.content)
    return a.lemma in _table()["perception_verbs"] and " as " not in f" {words} "


def _about(a: Attribution, text: str) -> bool:
    """'spoke of an axis', 'told the meeting about one case': the topic of the talk, not its content."""
    last = a.cue.of(text).split()[-1].lower() if a.cue.of(text).split() else ""
    before = text[max(0, a.content[0].start - 12) : a.content[0].start].split()
    prep = last in _PREPOSITIONS or bool(before and before[-1].lower() in _PREPOSITIONS)
    words = a.content[0].of(text)
    if answered(a, text):
        return True
    return prep and a.lemma in _table()["topic_verbs"] and not (_attitude(words) or _told_event(words))


def answered(a: Attribution, text: str) -> bool:
    """'responded to Trump's rant', 'spoke at a town hall': a talk verb's "to" or "at" object is what
    the talk answered, whom it addressed or where it was, not what was said, so it is no claim and
    passes nothing on to a claim inside it ("supporters responding to Trump's tweet calling her
    ..." is Trump's label, not the supporters'). "testified to the existence of ..." attests its
    object, so "testify" is left out."""
    if a.kind != "np" or not a.content or a.lemma not in _table()["topic_verbs"] or a.lemma == "testify":
        return False
    cue = a.cue.of(text).split()
    before = text[max(0, a.content[0].start - 12) : a.content[0].start].split()
    return bool(cue and cue[-1].lower() in _ADDRESSED) or bool(before and before[-1].lower() in _ADDRESSED)


def _attitude(words: str) -> bool:
    """'The email then spoke of a desire to avenge bullying': the speaker states an attitude it
    holds, which is what it said (gold_fresh miss), not a topic like 'spoke of an axis'."""
    return _head(words) in _table()["attitude_nouns"]


def _told_event(words: str) -> bool:
    """'Elise told them of Ford's passing' (gold_fresh3a miss): news of a death, an arrest or a
    resignation told is the teller's report that it happened, not a topic like 'spoke of an axis'."""
    return _head(words) in _table()["told_events"]


def _head(words: str) -> str:
    """The head noun of a noun phrase: the word before 'of', 'about', 'that' ... or the last one
    ('a desire | to avenge', "Ford's passing")."""
    tokens = re.findall(r"[\w’'-]+", words.lower())
    cut = next((i for i, w in enumerate(tokens) if w in _HEAD_ENDS), len(tokens))
    return tokens[cut - 1] if cut > 0 else ""


def head_of(words: str) -> str:
    """The head noun of a noun phrase (`_head`), for the chain builder."""
    return _head(words)


def person_head(word: str) -> bool:
    """Whether a head noun names a person or a body ("official", "lawmakers", "agency")."""
    return word in _person_heads() or word.rstrip("s") in _person_heads()


def _shown_by_no_record(a: Attribution, text: str) -> bool:
    """'Yet fires have continued, showing that enforcement is a problem': an event that 'shows'
    something is the writer's inference (`events`); 'Pakistan's leaders showed restraint', 'the
    other 28 people showed no signs of the plague': a quality or a sign displayed
    (`displayed_qualities`) is an act, not a finding. Records still show ('the data showed',
    'This graphic shows the states where ...'). Found on the dev pages (gold_fresh3a: the fires'
    'claim' hid the writer's linked sentence)."""
    if inferred_from_thing(a, text):
        return True
    if a.cls != CueClass.REPORT or a.source is None or a.lemma != "show":
        return False
    head = _head(a.source.of(text))
    if head in _table()["events"] or head.rstrip("s") in _table()["events"]:
        return True
    return a.kind == "np" and _head(a.content[0].of(text)) in _table()["displayed_qualities"]


# Words that end a subject's head phrase for `_thing_head`: `_HEAD_ENDS` and the other
# prepositions a modifier after an abstract head opens with ('a gaffe by ...', 'the turmoil after ...').
_THING_HEAD_ENDS = _HEAD_ENDS | {"by", "after", "before", "during", "among", "and", "behind"}


def _thing_head(words: str) -> str:
    """The head noun of a subject, cut before its first modifier ('her poor judgment | in this
    and several other instances', 'victories | by political outsiders')."""
    tokens = re.findall(r"[\w’'-]+", words.lower())
    cut = next((i for i, w in enumerate(tokens) if w in _THING_HEAD_ENDS), len(tokens))
    return tokens[cut - 1] if cut > 0 else ""


def inferred_from_thing(a: Attribution, text: str) -> bool:
    """Whether a cue's subject is an event, an act or an abstract thing that names no one the
    words came from: a sign someone reads. A cue of inference ('shows', 'suggests', 'underscores')
    with an event or an abstract thing for subject ('her poor judgment ... shows she is not fit',
    'the popularity of Mr. Trump shows how ...'; `inference_verbs`, `abstract_things`, `events`,
    thing10 audit of PolNeAR train), and any cue whose subject is a contest, an act or a quality
    that never speaks ('The debate revealed ...', 'the common wisdom says ...', 'The clash raised
    serious doubts', thing_heads.txt, animacy11 audit). Records and findings are not listed. A
    relative pronoun is read through what it stands for ('a passion that almost suggested ...')."""
    if a.source is None:
        return False
    words = _APPOSITION.split((a.referent or a.source).of(text), maxsplit=1)[0]
    head = _thing_head(words)
    if head in _thing_heads() or head in _table()["abstract_things"]:
        return _lower_head(words, head) and not _cut_word(a, text)
    if a.lemma not in _table()["inference_verbs"]:
        return False
    return head in _table()["events"] or head.rstrip("s") in _table()["events"] or _pointing_opener(a, text)


def _pointing_opener(a: Attribution, text: str) -> bool:
    """'That suggests a lack of confidence ...', '(...) That shows how nearly impossible ...': a
    sentence opened by a bare "That" or "This" pointing back at what was just told is an inference
    from it, whoever draws it (pron12 audit: the pronoun was shown as the source in 4 PolNeAR
    train articles). Not a relative "that" ('a memo that suggests ...'), which opens no sentence."""
    assert a.source is not None
    opening = text[a.sentence.start : a.source.start].strip(" \t\n\"'“‘(")
    return a.referent is None and not opening and a.source.of(text).strip().lower() in ("that", "this")


def _cut_word(a: Attribution, text: str) -> bool:
    """Whether a subject's last word goes on past its span ('this Trump look' of 'this Trump
    look-alike declared'): its head is then no word of the list."""
    assert a.source is not None
    return text[a.source.end : a.source.end + 1] in ("-", "‐")


# What ends a subject's own words before its head is read: an appositive or a relative clause
# ('Mike Pompeo (R-Kans.), who has seen the messages but would say nothing about ...' is no
# 'nothing'; 'A former candidate -- John McCain, who lost the 2008 election to Obama' no election).
# A bare comma stays: 'the title, history and text of the law showed' lists heads.
_APPOSITION = re.compile(r"\s*[(—–]|\s+--|,?\s+(?:who|whom|whose|which)\b")


@cache
def _thing_heads() -> frozenset[str]:
    """Heads of contests, acts and qualities that never speak (thing_heads.txt)."""
    return frozenset(load_lines("thing_heads.txt"))


def _lower_head(words: str, head: str) -> bool:
    """Whether a head noun is written in lower case in its phrase: 'Priorities USA Action' and
    'the Democratic National Convention' are bodies whatever their last word means."""
    return re.search(rf"\b{re.escape(head)}\b", words) is not None


def _topic_first(a: Attribution, text: str) -> bool:
    """'spoke “movingly about her background ...”': the content opens with the topic's preposition
    (after a manner adverb), so it is what the talk was about, not what was said (gold_text miss)."""
    return a.lemma in _table()["topic_verbs"] and _TOPIC_OPENING.match(a.content[0].of(text)) is not None


def says_nothing(a: Attribution, text: str) -> bool:
    """Whether a stance's object says nothing on its own ('backing him', 'denied it')."""
    return a.cls == "stance" and _empty(a, text)


def bare_pronoun(words: str) -> bool:
    """'that', 'what', 'which' alone: a claim of these words says nothing a reader can trace (its
    antecedent is the claim, when there is one). prec6 audit, PolNeAR train 720-839: 3 such claims
    in 3 articles ("That’s in addition to ..." and "what was not entirely known" as hedged claims
    with no source; "that" as a nested statement)."""
    return words.strip(" ,.;:!?\"'“”‘’—–-").lower() in _table()["empty_objects"]


def _empty(a: Attribution, text: str) -> bool:
    """'denied it', 'said so', 'said yes': an object that says nothing without its antecedent."""
    words = " ".join(f.of(text) for f in a.content).strip(" ,.;:").lower()
    first = words.split()[0] if words else ""
    question = first in _WH_WORDS and len(a.content) == 1  # "say how many ...", not "what many see as X"
    return not words or words in _table()["empty_objects"] or words in _table()["answer_objects"] or question


# "said bad things about Bernie", "said a lot of stupid stuff", "said one thing as a candidate",
# "said little about the plan": an amount or kind of talk, no content. "say the same of Sanders"
# stays: it restates the words before it (a poll's "64 percent say the same of Sanders").
_TALK_AMOUNT = re.compile(
    r"^(?:(?:[\w’'-]+\s+){0,3}?(?:things?|stuff)|(?:little|a\s+lot))(?:\s+(?:about|of|on|for|as|to|that|which)\b.*)?$",
    re.IGNORECASE | re.DOTALL,
)


def _said_things(a: Attribution, text: str) -> bool:
    """'said bad things about Bernie', 'has said a lot of stupid stuff', 'said little about the
    plan': the object counts or sorts the talk and gives none of it. As a claim it put the one
    named as a hop of the speaker's with no words of theirs (group11 audit, all 840 PolNeAR train
    articles: 17 such claims in 16 articles, 9 of them with a later hop for the one named). What a
    report or study finds stays ('found little evidence that ...': its head is 'evidence'), and so
    does a thing said in a clause ('the only thing they would support is a wall', a statement)."""
    words = a.content[0].of(text).strip(" ,.;:\"“”'")
    return a.cls != CueClass.REPORT and _TALK_AMOUNT.match(words) is not None


def _said_what(a: Attribution, text: str) -> bool:
    """'I do take what Alan Krueger said seriously', 'consistent with what I have told the American
    people', 'What Romney has said privately about Trump is a different story': the object is the
    free relative 'what' before the source, the rest of the content only the words around the cue;
    nothing said is given, so no claim (group11 audit, all 840 PolNeAR train articles: 30 such
    claims in 26 articles, 11 of them with the one named as a second hop of the speaker's). A
    label after it stays a view ("what Donald Trump described as New York values", "what she
    described to Congress as a loan"), and so does a stance's ("what her business calls
    “reproductive healthcare”", `_stance`)."""
    if len(a.content) < 2 or a.content[0].of(text).strip().lower() not in {"what", "whatever"}:
        return False
    return not any(re.search(r"\bas\s", f.of(text), re.IGNORECASE) for f in a.content[1:])


# A negation in a host clause ("won't", "will not", "never", "no longer").
_HOST_NEGATION = re.compile(r"\b(?:not|never|no longer)\b|n[’']t\b", re.IGNORECASE)


def _expectation_denied(a: Attribution, text: str) -> bool:
    """'The prize won't be handed out next week as many people expected': a belief aside ("as X
    expected") after a negated host reads 'contrary to what they expected'; what they held is the
    opposite of the host's words, so no claim of theirs (PolNeAR train: 'many people' vouched for
    the AFL-CIO's denial). A report aside keeps its claim ('did not pass, as the Times reported')."""
    if a.cls != "belief" or not a.content or a.content[-1].end > a.cue.start:
        return False
    if re.search(r"\bas\s*$", text[a.content[-1].end : (a.source or a.cue).start], re.IGNORECASE) is None:
        return False
    return any(_HOST_NEGATION.search(c.of(text)) for c in a.content)


def _not_asserted(a: Attribution, text: str) -> bool:
    """Whether the cue's source does not put the content forward as true (the content stays the
    enclosing speaker's words, not a hop to this source): negated ("the ISO isn't saying it's
    congestion", "they didn't know why the plane was there"), a belief wanted or brought about
    rather than held ("I just want to know how ...", "getting people to understand that ..."),
    or an order rather than a statement ("told them to stay behind")."""
    before = text[max(0, a.cue.start - 30) : a.cue.start]
    if _NEGATED.search(before) or _failed_to(before):
        return True
    if a.cls == "belief" and _INFINITIVE.search(before):
        return True
    if _wanted(a, before) or _open_question(a, text) or _expectation_denied(a, text) or _asked_about(a, text):
        return True
    if _questioned(a, text):
        return True
    return a.lemma in _table()["directive_verbs"] and _DIRECTIVE.match(a.content[0].of(text)) is not None


def _wanted(a: Attribution, before: str) -> bool:
    """'I want the record to show that ...', 'urged the board to confirm that ...', 'Mike wanted
    to write what he wanted to write': a cue in the to-infinitive of a wish, plan or request (an
    intent verb of the cue lexicon, at most three words of object between) is what someone wants
    said, not said yet (gold_text miss: "the record" became a hop of Inslee's own words). Only the
    speaker's own performative ("wants to stress that the water is safe", "I want to emphasize
    this is ...", `performatives`) says it in wanting to."""
    match = _TO_BEFORE.search(before)
    words = match.group(1).lower().split()[-4:] if match else []
    intent = [i for i, w in enumerate(words) if (verb := lexicon().verb(w)) is not None and verb.cls == CueClass.INTENT]
    if not intent:
        return False
    return intent[-1] < len(words) - 1 or a.lemma not in _table()["performatives"]


def _asked_about(a: Attribution, text: str) -> bool:
    """'Asked by Starnes if he believed the situation was as grave, Carson said ...': a cue inside a
    question put to someone is what the asker wants to know, asserted by no one (the belief got
    the asker, or the pronoun read as the asker, as its source: verb11's audit of PolNeAR train,
    9 such claims in 9 articles, none asserted in its sentence). A noun cue there is presupposed,
    still a claim ("asked whether the President's insistence that the UK would wait was right")."""
    start = (a.source or a.cue).start
    words = a.cue.of(text).split()
    if not any(lexicon().verb(w.lower()) is not None for w in words):
        return False
    return _ASKED_IF.search(text, max(0, start - 90), start) is not None


# The words of a direct question before its verb, when that verb is the cue: an inverted
# auxiliary and its subject ("Do you believe", "Did he say", "Would any sensible voter believe"),
# a question word and a modal before them ("why would any rational person believe", "How will the
# voters regard"), or the bare 'you' of a question said as a statement ("You think that ...?").
# Not a question word with a factual 'do' or 'have' ("Why did he say that ...", "Why had he
# asserted that ..."): that asks why something said was said, and it was.
_QUESTION_OPENING = re.compile(
    r"^\s*(?:(?:and|but|so|or|well|now|then)\s*,?\s+)?"
    r"(?:(?:(?:do|does|did|have|has|had)(?:n['’]t)?|(?:(?:why|how|when|where)\s+)?"
    r"(?:would|will|could|can|should|shall|might|must)(?:n['’]t)?)\s+(?:not\s+)?"
    r"(?:[\w'’.-]+\s+){1,5}|you\s+)(?:(?:really|honestly|actually|ever|still|also|seriously)\s+)?$",
    re.IGNORECASE,
)
# Where the clause of a question starts: a sentence's end, an opening quotation mark, a colon, or
# a comma after a fronted clause ("If you had known she had a server, would you have told her ...?").
_CLAUSE_START = re.compile(r"[.?!:;,“”\"]|(?<!\w)['‘’](?!\w)|^")


def _questioned(a: Attribution, text: str) -> bool:
    """'Maria asked, “You think that the FBI director would like to indict her?”', 'Do you believe
    the mayor lied?', 'why would any rational person believe she would change?': a cue verb that is
    the verb of a direct question asks whether its source holds the content; no one asserts it
    (question12 audit of all 840 PolNeAR train articles: such questions made the addressee 'you',
    'the voters' or 'any rational person' a source in 7 articles, all wrong). The question runs
    from the clause's start to the '?' that ends the cue's sentence."""
    if a.source is None or not any(lexicon().verb(w.lower()) is not None for w in a.cue.of(text).split()):
        return False
    tail = text[a.cue.end : a.sentence.end]
    mark = tail.find("?")
    if mark < 0 or any(_ends_sentence(tail, m) for m in re.finditer(r"[.!](?=\s)", tail[:mark])):
        return False
    head = text[max(a.sentence.start, a.cue.start - 120) : a.cue.start]
    starts = [m.end() for m in _CLAUSE_START.finditer(head) if m.group() != "." or _ends_sentence(head, m)]
    return _QUESTION_OPENING.match(head[starts[-1] :]) is not None


def _ends_sentence(tail: str, stop: re.Match[str]) -> bool:
    """Whether a stop before a question mark ends a sentence, not an abbreviation ('Mr.', 'U.S.')."""
    return stop.group() == "!" or not is_abbreviation(tail, stop.end())


def _open_question(a: Attribution, text: str) -> bool:
    """'The study will show whether the drug works': a question left open, not a statement; any
    cue but a question's before "whether" (issue 14). "explained how the plan works" does state it."""
    if a.cls == CueClass.QUESTION or not a.content:
        return False
    first = a.content[0].of(text).strip().split(maxsplit=1)
    return bool(first) and first[0].lower() == "whether"


def _failed_to(before: str) -> bool:
    """'had failed to declare donations', 'refused to say whether': the act did not happen."""
    match = _INFINITIVE_AFTER.search(before)
    return match is not None and match.group(1).lower() in _table()["failure_verbs"]


def outcry(a: Attribution) -> bool:
    """Whether a cue is a loud utterance ('screamed', 'yelled'): reported inside another source's
    words ("Some accounts said that Amri screamed “Allah Akbar”"), the outer claim is that the
    outcry happened, an event of its own, so it keeps its words (`outcry_verbs`)."""
    return a.lemma in _table()["outcry_verbs"]


def no_informant(a: Attribution, text: str) -> bool:
    """Whether an attribution inside another source's words names no one that source got them
    from (issue 14, cause 4): an event that 'shows' something ("The incident shows how ...,
    Cantrell told NBC News"), a day word read as a subject ("NBC News' Today show the ..."), or,
    inside a quotation, anyone at all ("where you see young girls traumatized"). The words stay
    the enclosing speaker's claim, with no hop added."""
    if a.source is None:
        return False
    words = re.sub(r"^(?:the|this|that|these|those|a|an)\s+", "", a.source.of(text).strip().lower())
    if words in _table()["times"]:
        return True
    if a.quoted and (_ELSE.sub("", words) in _table()["generic"] or _anyone_who(a, text)):
        return True
    head = words.split()[-1] if words.split() else ""
    if a.cls == CueClass.BELIEF and _MODAL_BEFORE.search(text, a.source.end, a.cue.start):
        return True
    if _MODAL_CUE.search(text, a.source.end, a.cue.start) or _let_us(a, text) or _to_say(a, text):
        return True
    if a.quoted and a.cls == CueClass.REPORT and words in _THING_PRONOUNS:
        return True  # "“It shows a lack of character,” Reid said": what Rubio did, no informant (desc9)
    return (a.cls == CueClass.REPORT and head in _table()["events"]) or inferred_from_thing(a, text)


# A thing a speaker points at in their own words ("it shows", "this proves"): no one they heard it from.
_THING_PRONOUNS = frozenset({"it", "this", "that"})


def quoted_mind(a: Attribution, text: str) -> bool:
    """'“Folks recognize that we have time,” Mr. Coleman said', '“I think Secretary Clinton knows
    that what she says is very disingenuous,” Sanders replied': in a quotation, what someone thinks,
    knows or feels is the speaker's account of that mind, not words the speaker got from it (the
    caller, `chains._no_hop`, leaves the speaker's own 'I think' to `_own_aside`). As a hop, the one
    whose mind is described became the origin of the speaker's words, and the speaker's claim
    shrank to the clause after the cue (claimcue9 audit, all 840 PolNeAR train articles: 113 such
    claims in 100 articles; 95 in 84 are present forms, now the speaker's whole sentence).
    A belief in a past form is a belief someone held on an occasion, most often known from what
    they said or did ('“It's shocking that Lady Starmer thought it acceptable to strut ...”', gold:
    a hop), and keeps its hop, as a past act of telling does (`chains._told`); so do beliefs one
    forms from others' words or issues as findings ('learned that', 'deemed', `informing_beliefs`)
    and a belief reported outside a quotation ('Senator Wells said that he believes ...')."""
    if not a.quoted or a.cls != CueClass.BELIEF or a.lemma in _table()["informing_beliefs"]:
        return False
    words = a.cue.of(text).split()
    word = words[-1].lower() if words else ""
    return word == a.lemma or word.endswith(("s", "ing"))


# "the UK should expect to see storms", "will be likely to see more storms" in a speaker's words:
# a belief verb under a modal is advice or a forecast about the subject, no one it was heard from
# (gold_fresh4a: "research indicates that the UK should expect ..." gave "the UK" as a hop).
_MODAL_BEFORE = re.compile(r"\b(?:should|must|ought\s+to|will|would|could|can|may|might)\b[^,;.]*$")
# So is any cue right after a modal (at most two words between): "most reporters would say ...",
# "he'll realize that ...", "the states will clarify the situation", "no one else can say that"
# (hops5 audit: a hop to whoever might say it, in 8 of 120 PolNeAR train articles). Right after
# it only: "stating that a president should not ... and noting that ..." is Ruiz's noting. "'d"
# is left out: "he'd said" is "had".
_MODAL_CUE = re.compile(
    r"(?:\b(?:should|must|ought\s+to|will|would|could|can|may|might|shall)\b|[’']ll\b|\bcan['’]t\b|\bwon['’]t\b)"
    r"(?:\s+[\w’']+){0,2}?\s*$",
    re.IGNORECASE,
)
# "no one else", "anyone else": the generic pronoun all the same.
_ELSE = re.compile(r"\s+else$")
# "Let's see what happens", "let us say they win": the source found is the clitic "'s" or "us".
_LET_US = re.compile(r"\blet\s*$", re.IGNORECASE)
# A cue in a to-infinitive, where what comes before says the saying happened: "went on to say",
# "took to Twitter to say", "was quick to point out" (the hop stays).
_SAID_ON_TO = re.compile(
    r"\b(?:went|goes|go|going|gone|continued|continues|continue|proceeded|was|were|is|are)\s+(?:on|quick|quicker)\s+to\s+$"
    r"|\b(?:took|takes|take|taking)\s+to\s+[\w@#’'.-]+(?:\s+[\w@#’'.-]+)?\s+to\s+$",
    re.IGNORECASE,
)


# What opens a definite antecedent: "the forces, who have said ..." names whom it was heard from.
_DEFINITE = frozenset({"the", "this", "that", "these", "those", "my", "our", "your", "his", "her", "its", "their"})
_INDEFINITE = frozenset({"a", "an", "any", "some", "no", "every", "many", "most", "few", "other", "others"})


def _anyone_who(a: Attribution, text: str) -> bool:
    """'“We have generals who think we can win,” he said', 'anyone who thinks ...', 'parents who are
    saying ...': in a quotation, a relative clause on an indefinite or generic antecedent says what
    such people would hold, no one the speaker heard it from (hops5 audit: a hop in 5 PolNeAR
    train articles; PolNeAR gives the speaker alone). "the Coalition Forces, who have said they
    need ..." names whom it was heard from and keeps its hop (gold_text), and so does a clause after
    a comma ("“We met lawyers, who said the deal was dead”": the lawyers met) or in the past
    ("“We talked to lawyers who said the deal was dead”": a saying that happened)."""
    if a.referent is None or a.source is None or "," in text[a.referent.end : a.source.start]:
        return False
    cue = a.cue.of(text).split()
    if not cue or (cue[-1].lower() != a.lemma and not cue[-1].lower().endswith(("s", "ing"))):
        return False  # a past form
    words = a.referent.of(text).strip().lower().split()
    if not words or words[0] in _DEFINITE or words[0][:1].isupper() or a.referent.of(text).strip()[:1].isupper():
        return False
    return words[0] in _INDEFINITE or words[0] in _table()["generic"] or words[-1].endswith("s")


def _let_us(a: Attribution, text: str) -> bool:
    """'“Let's see what happens,” she said': "let's" is the speaker's proposal, no one it was
    heard from (the clitic "'s" was shown as a hop; hops5 audit, 3 PolNeAR articles)."""
    assert a.source is not None
    words = a.source.of(text).strip().lower()
    return words in {"'s", "’s", "us"} and _LET_US.search(text, 0, a.source.start) is not None


def _to_say(a: Attribution, text: str) -> bool:
    """'the purpose of the audit is to show that ...', 'ignored her call to admit the contract
    was flawed', 'any candidate has to say that': inside another source's words a cue in a
    to-infinitive is a purpose, a demand or a duty, not something its subject said (hops5 audit:
    "the onus", "His job", "my intent" shown as hops in 6 PolNeAR train articles). Belief cues
    were already so (`_not_asserted`); "went on to say" does report the saying. Stance cues are
    left alone: "prompted Cooper to accuse Bondi of hypocrisy", "joined 89 senators to reject the
    request" say the act happened (hops5 audit)."""
    if a.cls not in (CueClass.SPEECH, CueClass.REPORT):
        return False
    before = text[max(0, a.cue.start - 40) : a.cue.start]
    return _INFINITIVE_ADVERB.search(before) is not None and _SAID_ON_TO.search(before) is None


_INFINITIVE_ADVERB = re.compile(r"\bto\s+(?:\w+ly\s+)?$")


def _an_act(a: Attribution, text: str) -> bool:
    """'SoftBank agreed to inject $6.5 billion': a commitment or act, not a statement to trace; so is
    its negation ('has threatened not to hold elections', gold_fresh3a miss: the threat took the
    quoting speaker's words away). So is a plan weighed ('is considering firing the general',
    `+weigh` in cue_verbs.txt): nobody has said the general was fired."""
    verb = lexicon().verb(a.lemma) if a.lemma else None
    if verb is None:
        return False
    first = a.content[0].of(text)
    return (verb.act and _TO_ACT.match(first) is not None) or (verb.weighs and _GERUND_ACT.match(first) is not None)


def artifacts() -> frozenset[str]:
    """Things made or sent that carry someone's words ("tweet", "statement", "video", "letter")."""
    return _table()["artifacts"]


def document_heads() -> frozenset[str]:
    """Head nouns of records that are sources of kind document ("memo", "log", "data")."""
    return _table()["documents"]


def clause_subordinators() -> frozenset[str]:
    """Lead openers that introduce a clause stated as fact ('As the storm batters the coast, ...')."""
    return _table()["clause_subordinators"]


def lead_openers() -> frozenset[str]:
    """Words opening a lead phrase that frames a sentence ('In a statement ...', 'Despite ...')."""
    return _table()["lead_openers"]


def own_outlet() -> frozenset[str]:
    """How an article names its own newsroom ("seen by the paper"): a hop to no one."""
    return _table()["own_outlet"]


def surveyed(a: Attribution, parent: Attribution, text: str) -> bool:
    """Whether `a` is what a poll or study found a group thinks, not a source passing it on.

    "Metrix found in a poll that many voters think the tax is unfair": the voters are what the
    poll is about; the finding is Metrix's and the chain stops there (issue 14, cause 4).
    "Just 8 percent of Democrats said they would vote for Trump, according to a new poll": a poll
    named as the source reports its finding whatever its cue; the group it asked is no hop either.
    """
    if a.source is None or not (parent.lemma.lower() in _table()["finding_verbs"] or _a_poll(parent, text)):
        return False
    words = re.findall(r"[\w%-]+", a.source.of(text).lower())
    return bool(words) and (words[0][0].isdigit() or not _table()["populations"].isdisjoint(words))


def _a_poll(a: Attribution, text: str) -> bool:
    """Whether a source is a poll or survey ("a Washington Post/ABC News poll", "exit polling data")."""
    words = re.findall(r"[\w-]+", a.source.of(text).lower()) if a.source is not None else []
    return not _table()["poll_words"].isdisjoint(words)
