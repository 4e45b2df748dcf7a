"""Attributions that cross sentence boundaries: direct quotes and colon-introduced passages.

A parse sees one sentence at a time, so a quote of several sentences reaches the rules in
pieces: '“A. B,” he said.' is attributed as "B". This module widens content to the whole
quotation, gives a following quote with no cue of its own to the previous speaker in the
paragraph ('“A,” he said. “B.”'), and fills in what "X wrote:" introduces.
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from dataclasses import replace

from tracer.models import CueClass
from tracer.parse.attribution import testimony
from tracer.parse.attribution.spans import Attribution, Context, Layout, Quotes, trim
from tracer.text import Span, SpanSet

# A paragraph that picks up the subject of the one before: it opens with a pronoun
# ("More than 100 of them were killed ...") — how a quoted passage usually goes on.
_ANAPHORIC_OPENING = re.compile(r"^(?:\W*\w+\W+){0,4}?(?:they|them|their|it|its|he|she|his|her)\b", re.IGNORECASE)
MAX_PASSAGE_PARAGRAPHS = 3
# "told the meeting about one case", "spoke of the flood": a content that is only the topic.
_TOPIC_PREP = re.compile(r"\b(?:about|of|on)\W*$", re.IGNORECASE)


def _widen(fragment: Span, cue: Span, regions: Quotes) -> Span:
    """The fragment grown to the quotations it overlaps, bar the cue's own. Quotations do not
    overlap and come in order, so growing to one never reaches another the fragment did not."""
    for q in regions.overlapping(fragment):
        if not q.start <= cue.start < q.end:
            fragment = Span(min(fragment.start, q.start), max(fragment.end, q.end))
    return fragment


def widen_quotes(ctx: Context) -> list[Attribution]:
    """Widen each content fragment that is part of a quotation to the whole quotation."""
    layout, found = ctx.layout, ctx.found
    out = []
    for a in found:
        regions = layout.quotes_at(a.cue.start)
        if not regions or not a.content:
            out.append(a)
            continue
        content = tuple(_widen(f, a.cue, regions) for f in a.content)
        kind = "quote" if content != a.content or a.kind == "quote" else a.kind
        merged = _merge(content)
        same = merged == a.content and kind == a.kind  # most: copied only when it changes
        out.append(a if same else replace(a, content=merged, kind=kind))
    return out


def _merge(fragments: tuple[Span, ...]) -> tuple[Span, ...]:
    merged: list[Span] = []
    for f in sorted(fragments, key=lambda s: s.start):
        if merged and f.start <= merged[-1].end:
            merged[-1] = Span(merged[-1].start, max(merged[-1].end, f.end))
        else:
            merged.append(f)
    return tuple(merged)


def quote_after_topic(ctx: Context) -> list[Attribution]:
    """'Dr. Amy Cole told the meeting on Wednesday about one case. “People were queueing for
    hours.”': a speaker who told of a topic, then a quotation that stands as a sentence of its
    own with no cue: the quotation is what was told (issue 14, cause 6). Only a noun-phrase
    content gives way (a clause or quote already says what was said); the attribution keeps its
    cue and source and takes the quotation as its content, when it names only a topic ("about",
    "of", "on").
    """
    layout, found = ctx.layout, ctx.found
    cues = sorted(a.cue.start for a in found)  # bisected: a scan per attribution was quadratic
    for i, a in enumerate(found):
        if a.quoted or a.source is None or a.kind != "np" or a.cls != CueClass.SPEECH:
            continue
        if not _TOPIC_PREP.search(layout.text[a.cue.start : a.content_span.start]):
            continue  # "denied the allegations. “...”": the denial is a content of its own
        quote = _next_lone_quote(layout, a.sentence)
        if quote is not None and not _any_between(cues, quote.start, quote.end + 2):
            found[i] = replace(a, content=(quote,), kind="quote")
    return found


def _any_between(ordered: list[int], low: int, high: int) -> bool:
    """Whether a sorted list holds a value in [low, high)."""
    index = bisect_left(ordered, low)
    return index < len(ordered) and ordered[index] < high


def _next_lone_quote(layout: Layout, sentence: Span) -> Span | None:
    """The quotation that is the whole next sentence, in the same paragraph."""
    para = layout.index(sentence.start)
    if para is None:
        return None
    text, end = layout.text, layout.paragraphs[para].end
    quote = next((q for q in layout.quotes[para] if q.start >= sentence.end), None)
    if quote is None or text[sentence.end : quote.start].strip():
        return None
    closed = text[quote.start : quote.end].rstrip("”\"'’ ").endswith((".", "!", "?"))
    after = text[quote.end : end]
    return quote if closed and (not after or after[0].isspace()) else None


def continue_quotes(ctx: Context) -> list[Attribution]:
    """Give a quotation with no cue of its own to the speaker of the previous quote.

    '"A," he said. "B."' and '"A," he said, "B."': B is his too, as long as no other
    attribution comes between. A paragraph that opens with a quotation and attributes nothing
    goes on with the speaker of the paragraph before when that one ended on their quote (news
    style runs a long quote over several paragraphs and names the speaker once).

    The quotations given to a speaker are collected and each attribution is rebuilt once, when
    its paragraph (or run of paragraphs) ends: rebuilding and re-hashing a content that grows by
    one quotation at a time cost the square of a speaker's quotations (a 1.3 MB page read as text:
    8,612 rebuilds, 3.6 of 38 s).
    """
    layout, found = ctx.layout, ctx.found
    by_para = _by_paragraph(layout, [a for a in found if not a.quoted])
    places = _Places(found)
    carry: Attribution | None = None
    carried: list[Span] = []
    for number, (para, regions) in enumerate(zip(layout.paragraphs, layout.quotes, strict=True)):
        in_para = sorted(by_para.get(number, []), key=lambda a: a.cue.start)
        opens_quoted = bool(regions) and regions[0].start == para.start
        if (
            not in_para
            and carry is not None
            and opens_quoted
            and not _quoted_heading(layout.text, para)
            and (carry.kind == "quote" or _all_quotation(layout.text, para, regions, carry.source))
        ):  # after a paraphrase, only a paragraph that is all quotation (no cue the parse missed)
            carried.extend(regions)
            continue
        if carry is not None and carried:
            places.replace(carry, replace(carry, content=_merge((*carry.content, *carried))))
        carried = []
        for i, given in _given(layout.text, para, regions, in_para).items():
            updated = replace(in_para[i], content=_merge((*in_para[i].content, *given)))
            places.replace(in_para[i], updated)
            in_para[i] = updated
        carry = _going_on(layout.text, para, in_para)
    if carry is not None and carried:
        places.replace(carry, replace(carry, content=_merge((*carry.content, *carried))))
    return found


def _all_quotation(text: str, para: Span, regions: Quotes, speaker: Span | None) -> bool:
    """Whether a paragraph holds nothing but quotations, or words outside them that name the
    speaker going on again. Words that name someone else are a cue the parse missed ('“...,” said
    Oversight ranking Democrat Elijah Cummings (D-Md.). "They are ..."'): the paragraph's quotations
    are that speaker's, not those of the group a paraphrase before it named ("Democrats ... blasted
    Republicans", quotes14 audit of PolNeAR train). The same name is the same speaker, whatever the
    parse made of the words ('"...," Trump from his desk. "..."' after 'Trump speculated that ...')."""
    outside, end = [], para.start
    for q in regions:
        outside.append(text[end : q.start])
        end = q.end
    outside.append(text[end : para.end])
    words = " ".join(outside)
    if _LETTER.search(words) is None:
        return True
    name = _WORD.findall(text, speaker.start, speaker.end) if speaker is not None else []
    return bool(name) and re.search(rf"\b{re.escape(name[-1])}\b", words) is not None


_LETTER = re.compile(r"\w")


def _going_on(text: str, para: Span, in_para: list[Attribution]) -> Attribution | None:
    """The speaker a paragraph ends on, whose words a quotation opening the next paragraph with no
    cue of its own goes on with: the last one's own quote ('"A," he said.'), or what the
    paragraph's last outer speaker said in the writer's words ('Carter said that the U.S. would not
    leave.' then '“That's because this region ... remains the most consequential.”': news names
    the speaker in the paraphrase and quotes them next; PolNeAR train audit). A paraphrase counts
    only as a statement (speech or report) whose content ends the paragraph. Not a "citing"
    relation ('argue that "...," citing an instance ...'): the quotation after it goes on with what
    the citer argued, and given to the citing it was lost as a claim (aside9, PolNeAR train)."""
    in_para = [a for a in in_para if a.form != "citing"]
    if not in_para:
        return None
    if in_para[-1].kind == "quote":
        return in_para[-1] if in_para[-1].source else None
    trailed = _trailed_quote(in_para)
    if trailed is not None:
        return trailed
    # the one whose words end last, the earliest cue among ties (the outer one); one pass, as a
    # paragraph read from plain text may hold thousands (tests/test_scaling.py)
    last = min(in_para, key=lambda a: (-max((f.end for f in a.content), default=0), a.cue.start))
    if any(b is not last and _inside(last.cue, b) for b in in_para):
        return None  # a speaker inside someone else's words
    if not _paraphrase(text, para, last):
        return None
    end = max(f.end for f in last.content)
    return last if last.cue.start < end and not text[end : para.end].strip(" .\"”’'") else None


def _trailed_quote(in_para: list[Attribution]) -> Attribution | None:
    """The paragraph's last quotation when only its speaker's own trailing words follow it:
    '"...," Ramos said, referring to the Hispanic community.', '..., saying Clinton would
    "abolish ..."', '... told CNN when asked which candidate she would back.' The trailer is a
    cue of its own, so the paragraph no longer ended on the quote and the quotation opening the
    next paragraph (the same speaker going on, as PolNeAR's annotators mark it) was nobody's
    (dev6a13 audit of PolNeAR train: 3 articles). Anything after the quote in another sentence,
    or by another speaker, ends the carry as before (`_last_speaker`'s rule, across paragraphs).
    Only a quotation the cue frames ('"A," X said'): a reported clause holding quoted words
    followed by a second clause ('Rajoy said that he will "try ..." and insisted that ...') gave
    a news brief's next headline ("'Stoic' driver identified ...") to Rajoy."""
    last = next((k for k in range(len(in_para) - 1, -1, -1) if in_para[k].kind == "quote"), None)
    if last is None or (quote := in_para[last]).source is None or quote.form != "quote":
        return None  # 'said that he will "try ..." and insisted that ...': a clause quoting words, no quote
    after = in_para[last + 1 :]
    if all(a.sentence == quote.sentence and a.source in (None, quote.source) for a in after):
        return quote
    return None


def _paraphrase(text: str, para: Span, a: Attribution) -> bool:
    """Whether an attribution is a speaker's words told in the writer's own ('Carter said that the
    U.S. would not leave.'), which a quotation after it may go on with: a statement (speech or
    report) in a clause, with its source or its content opening the sentence. Not a topic ("spoke
    about the need for ...": nobody's words to go on with)."""
    if a.source is not None and a.form == "verb" and a.kind == "np":
        return _speaking_act(text, para, a)
    if a.source is None or a.form != "verb" or a.kind != "clause" or a.cls not in (CueClass.SPEECH, CueClass.REPORT):
        return False
    return _opens_sentence(text, para, a.source) or _opens_sentence(text, para, a.content[0])


def _speaking_act(text: str, para: Span, a: Attribution) -> bool:
    """Whether a noun-phrase attribution tells of its source speaking out, in the writer's words,
    so that the quotation after it is what they said: 'Cruz tweeted a warning.' / '"Missouri: ..."',
    'Valastro praised Christie's leadership ...' / '“We need someone who ...”' (quotes14 audit of
    PolNeAR train: such quotations were nobody's; PolNeAR credits the speaker, the verb phrase as
    the cue). A speech or a stance, its source the subject opening the sentence; not a topic
    ("spoke about the need for ...", `quote_after_topic`'s), nor a stance on someone's words
    ("mocked the senator's slogan." / '“Build it now.”' is the slogan)."""
    if a.cls not in (CueClass.SPEECH, CueClass.STANCE) or a.source is None or not a.content:
        return False
    if _TOPIC_PREP.search(text[a.cue.start : a.content[0].start]):
        return False
    if _WORDS_NOUN.search(text, a.content[-1].start, a.content[-1].end) and a.cls == CueClass.STANCE:
        return False
    return _opens_sentence(text, para, a.source)


# A short lead before a sentence's subject ("On Monday, ", "In Singapore, "), or two of them
# ("Then, in 2017, Kerry said that ...": quotes14 audit of PolNeAR train, the quotation paragraph
# after it was nobody's).
_SHORT_LEAD = re.compile(r"^(?:(?:[\w’'-]+\s+){0,5}[\w’'-]+,\s*){1,2}$")
# A joining word or two before a sentence's subject, no comma ("And then he promised ...": span8
# audit of PolNeAR train 600-719, the quotation after it was lost).
_JOINING_LEAD = re.compile(r"^(?:and|but|so|yet|then|also|still|now)(?:\s+(?:then|also|now|still))?\s+$", re.IGNORECASE)


# A sentence's end, its closing quotation mark included ('... change." And then he promised').
_SENTENCE_END = re.compile(r"[.!?][”\"’']?\s+")
# How far back a short lead is looked for: more than any lead `_SHORT_LEAD` takes.
_LEAD_REACH = 200


def _opens_sentence(text: str, para: Span, source: Span) -> bool:
    """Whether a source is its sentence's subject, at its start or after a short lead ('Carter
    said ...'), not a speaker inside a relative clause ('..., which included staff members
    suggesting ...': the next paragraph's quotation is not theirs)."""
    start = max(para.start, source.start - _LEAD_REACH)
    before = text[start : source.start]
    ends = [m.end() for m in _SENTENCE_END.finditer(before)]  # '... change." And then he ...' too
    if not ends and start > para.start:
        return False  # no sentence end within reach: a lead far longer than a short one
    lead = before[ends[-1] :] if ends else before
    return not lead.strip() or _SHORT_LEAD.match(lead) is not None or _JOINING_LEAD.match(lead) is not None


def _inside(cue: Span, other: Attribution) -> bool:
    """Whether a cue lies inside another attribution's content (a nested attribution)."""
    return any(f.start <= cue.start and cue.end <= f.end for f in other.content)


# A section heading set in quotation marks ("'All Bets Are Off.'", NYT): a few words, each one
# longer than three letters capitalised.
_HEADING_WORDS = 8
_WORD = re.compile(r"[\w’']+")


def _quoted_heading(text: str, para: Span) -> bool:
    """Whether a paragraph that opens with a quotation is a heading in title case, not words
    someone goes on saying (the heading took the previous speaker, PolNeAR dev)."""
    words = _WORD.findall(text, para.start, para.end)
    long = [w for w in words if len(w) > 3]
    return 2 <= len(words) <= _HEADING_WORDS and bool(long) and all(w[0].isupper() for w in long)


def _given(text: str, para: Span, regions: Quotes, in_para: list[Attribution]) -> dict[int, list[Span]]:
    """The quotations of a paragraph that go to one of its attributions (by place in `in_para`,
    which is in cue order), in text order.

    What the paragraph's attributions already say is asked once per quotation by bisection; the
    quotations given only add themselves, in text order, so the furthest end of those stands for
    all of them. The attributions that come before a quotation (cue or content ended) only grow
    in number as the quotations go on, so they are let in from two sorted orders, not found by a
    scan of the paragraph per quotation (quotations x attributions: 2.2M tests on one page). A
    speaker's content, merged by `widen_quotes`, ends with its last fragment, so what it is given
    never moves it out of the attributions before.
    """
    said = SpanSet(f for a in in_para for f in a.content)
    by_cue = sorted(range(len(in_para)), key=lambda i: in_para[i].cue.end)
    by_content = sorted(range(len(in_para)), key=lambda i: in_para[i].content_span.end)
    before: list[int] = []  # places in `in_para` of the attributions before, in order
    let_in = [False] * len(in_para)
    next_cue = next_content = 0
    last_quote = -1
    given: dict[int, list[Span]] = {}
    continued = para.start
    for region in regions:
        if said.overlaps(region) or region.start < continued or not _stands_alone(text, para, region):
            continue
        while next_cue < len(by_cue) and in_para[by_cue[next_cue]].cue.end <= region.start:
            last_quote = _let_in(by_cue[next_cue], in_para, before, let_in, last_quote)
            next_cue += 1
        while next_content < len(by_content) and in_para[by_content[next_content]].content_span.end <= region.start:
            last_quote = _let_in(by_content[next_content], in_para, before, let_in, last_quote)
            next_content += 1
        speaker = _last_speaker(in_para, before, last_quote)
        if speaker is None:
            speaker = _paraphrase_before(text, para, region, [in_para[i] for i in before])
            speaker = before[speaker] if speaker is not None else None
        if speaker is None:
            continue
        given.setdefault(speaker, []).append(region)
        continued = max(continued, region.end)
    return given


def _let_in(i: int, in_para: list[Attribution], before: list[int], let_in: list[bool], last_quote: int) -> int:
    """Add place `i` to the attributions before (once); the latest place holding a quotation."""
    if not let_in[i]:
        let_in[i] = True
        insort(before, i)
        if in_para[i].kind == "quote":
            last_quote = max(last_quote, i)
    return last_quote


class _Places:
    """Where each attribution stands in a list, kept up to date as attributions are replaced.

    `found.index(a)` for every continued quotation grew with the page (476 continuations: 2.7 of
    48 s on a 1 MB text). Like `list.index`, the place of an attribution is that of the first
    equal one.
    """

    def __init__(self, found: list[Attribution]) -> None:
        self.found = found
        self._at: dict[Attribution, list[int]] = {}
        for i, a in enumerate(found):
            self._at.setdefault(a, []).append(i)

    def replace(self, old: Attribution, new: Attribution) -> None:
        """Put `new` where (the first attribution equal to) `old` stands."""
        places = self._at[old]
        i = places.pop(0)
        if not places:
            del self._at[old]
        insort(self._at.setdefault(new, []), i)
        self.found[i] = new


def _by_paragraph(layout: Layout, found: list[Attribution]) -> dict[int, list[Attribution]]:
    """The attributions whose cue is in each paragraph, in their given order: one pass, where
    filtering all of them for every paragraph cost paragraphs x attributions (4.3 of 31 s for
    3,000 "according to" lines)."""
    out: dict[int, list[Attribution]] = {}
    for a in found:
        number = layout.index(a.cue.start)
        if number is not None:
            out.setdefault(number, []).append(a)
    return out


def _last_speaker(in_para: list[Attribution], before: list[int], last_quote: int) -> int | None:
    """The place of the latest quotation's attribution among those `before`, past any "...,
    mocking ..." by the same speaker and any aside in the speaker's own sentence ('"A," said Stone,
    who cast a ballot for Sanders. "B."'). Only the attributions after that quotation are read."""
    if last_quote < 0 or (quote := in_para[last_quote]).source is None:
        return None
    for i in reversed(before[bisect_left(before, last_quote) :]):
        a = in_para[i]
        if i == last_quote:
            return i
        if a.source != quote.source and a.sentence != quote.sentence:
            return None
    return None


def _paraphrase_before(text: str, para: Span, region: Span, before: list[Attribution]) -> int | None:
    """The place in `before` of the paraphrase a whole quoted sentence right after it goes on
    with, in the same paragraph ('Lee promised that she is staying in the race. "Let me be as
    clear as I can be: we are in till the last ballot is cast!"'): the rule `_going_on` applies
    to the next paragraph, applied within one (span8 audit of PolNeAR train 600-719: 3 articles
    lost the quotation after a paraphrase). Only a quotation ending its own sentence, and only
    when nothing but the sentence's end stands between the two."""
    if not before or text[region.start : region.end].rstrip("”\"’' ")[-1:] not in ".!?":
        return None
    outer = [k for k, a in enumerate(before) if not any(b is not a and _inside(a.cue, b) for b in before)]
    if not outer:
        return None  # only speakers inside someone else's words
    i = min(outer, key=lambda k: (-before[k].content_span.end, before[k].cue.start))
    last = before[i]
    if not _paraphrase(text, para, last) or last.source is None:
        return None
    end = max(last.content_span.end, last.cue.end, last.source.end)
    return i if _SENTENCE_GAP.fullmatch(text, end, region.start) else None


# What stands between a paraphrase and the quoted sentence after it: the sentence's end alone.
_SENTENCE_GAP = re.compile(r"[\s\"”’']*[.!?][\s]*")


def _stands_alone(text: str, para: Span, region: Span) -> bool:
    """A quotation that opens a sentence or follows "he said," — not a scare-quoted phrase.

    Looks back from the quotation past whitespace only: slicing the paragraph up to each
    quotation cost quotations × paragraph length (57 s on one 1.3 MB page).
    """
    end = region.start
    while end > para.start and text[end - 1].isspace():
        end -= 1
    return end == para.start or text[end - 1] in ".!?,:;—–-”\"'"


def fill_passages(ctx: Context) -> list[Attribution]:
    """Give "X wrote:" its content: the rest of the sentence, else the following paragraph(s).

    Args:
        ctx: The document's layout and attributions (those marked `pending` get their content
            here); its `passages` are, for HTML, the spans of a blockquote that follows a colon,
            when known (the passage is then exactly those paragraphs); its `stops` the spans
            (embedded posts) a passage ends before.

    Returns:
        The attributions, pending ones filled in (or dropped when nothing follows).
    """
    layout, found, blocks, stops = ctx.layout, ctx.found, ctx.passages, ctx.stops
    out = []
    opened: list[Span | None] | None = None  # found once, for the first pending attribution
    quoted = {(b.start, b.end) for b in blocks or []}
    for a in found:
        if not a.pending:
            out.append(a)
            continue
        opened = opened if opened is not None else _open_paragraphs(layout.paragraphs, stops or [])
        content = _passage(layout.text, a, opened, layout.index(a.sentence.start), quoted)
        if content:
            out.append(replace(a, content=content, kind="passage", pending=False))
    out += _introduced(layout, out, quoted)
    out += testimony.interviewed(layout, out, quoted)
    return out + testimony.pull_quotes(layout, out)


# A content's end, then a colon: closing quotation marks and spaces may come between.
_COLON_AFTER = re.compile(r"[”\"’' \t]*:[ \t]*")


def _introduced(layout: Layout, found: list[Attribution], quoted: set[tuple[int, int]]) -> list[Attribution]:
    """'where he suggested Curiel was from Mexico: “The judge ... I think that's fine. ...”',
    'told Kara Swisher that he thought Trump's presence was “interesting”:' / a blockquote: a
    reported clause that ends on a colon introduces the quotation after it, the speaker's words
    as well, a second content of the one cue (PolNeAR train 600-719: such quotations were
    nobody's in 6 articles; gold_fresh5a: Dorsey's block quote). Only a quotation (or an HTML
    blockquote) after the colon, never the writer's next words, and none another cue has."""
    text, out = layout.text, []
    taken = {f.start for a in found for f in a.content}
    cues = sorted(a.cue.start for a in found)
    for a in sorted(found, key=lambda a: a.cue.start):
        if a.form != "verb" or a.kind == "passage" or a.quoted or not a.content:
            continue
        colon = _colon_after(text, a, cues)
        if colon is None or not _introduces(layout, a, colon):
            continue
        content = _quotation_at(layout, colon, quoted)
        if content and content[0].start not in taken:
            taken.add(content[0].start)  # "told ... that he thought X:": the outer cue's, read first
            said = CueClass.SPEECH if a.cls == CueClass.STANCE else a.cls  # the words after a stance's colon are said
            out.append(replace(a, content=content, kind="passage", mark=0, cls=said))
    return out


# Cue classes whose source can go on in its own words after a colon.
_INTRODUCING = frozenset({CueClass.SPEECH, CueClass.REPORT, CueClass.BELIEF})
# A short tail of the introducing sentence after the content, up to the colon: a phrase opened by
# a preposition or an adverb of time or manner ('repeated her criticism | in a statement:', 'slammed
# the bill | on Tuesday:'), no comma, no sentence end, no quotation mark. Not a clause of its own:
# '..., and her rival told reporters in the hall:' / "“...”" is not the first speaker's (a tail of
# any words gave it to them). 60 characters hold the PolNeAR train tails read (the longest, 29).
_TAIL_TO_COLON = re.compile(
    r"[ \t]+(?:in|on|at|during|after|before|with|via|from|to|for|again|later|earlier|then|once|too|also|bluntly|simply)"
    r"\b[^.!?:;,“”\"\n]{0,60}:[ \t]*",
    re.IGNORECASE,
)
# What a stance's object names when the colon after it introduces those words, not its source's
# ('mocked the senator's slogan:' / '“Build it now.”' is the senator's slogan).
_WORDS_NOUN = re.compile(
    r"\b(?:slogans?|mottos?|words?|remarks?|comments?|statements?|tweets?|posts?|messages?|questions?|claims?"
    r"|lines?|phrases?|headlines?|quotes?|quotations?|promises?|pledges?|answers?|responses?|letters?|ads?)\W*$",
    re.IGNORECASE,
)


def _introduces(layout: Layout, a: Attribution, colon: int) -> bool:
    """Whether an attribution's source can be the one whose words a colon after it introduces: a
    statement or thought ("told ... that he thought X:"), or a stance that ends its sentence on
    the colon ('..., Cruz called them on it:' / '“The questions asked in this debate ...”': the
    words are Cruz's way of calling them on it, and were nobody's; PolNeAR credits Cruz with
    "called them on it:" as the cue). A stance with more words before the colon must have its
    source open the sentence ('Cruz slammed the bill on Tuesday:'), not sit in a clause of it."""
    if a.cls in _INTRODUCING:
        return True
    if (
        a.cls != CueClass.STANCE
        or a.source is None
        or _WORDS_NOUN.search(layout.text, a.content[-1].start, a.content[-1].end)
    ):
        return False
    if not layout.text[a.content[-1].end : colon].strip(" \t:”\"’'"):
        return True
    para = layout.index(a.source.start)
    return para is not None and _opens_sentence(layout.text, layout.paragraphs[para], a.source)


def _colon_after(text: str, a: Attribution, cues: list[int]) -> int | None:
    """Where the quotation a colon after an attribution's content introduces would open: right
    after the content ('that he thought Trump's presence was “interesting”:'), or after a short
    tail of the same sentence that holds no other cue ('repeated his criticism in a statement:';
    quotes14 audit of PolNeAR train: colon intros whose quotation was nobody's), else None."""
    end = a.content[-1].end
    colon = _COLON_AFTER.match(text, end - 1 if text[end - 1] == ":" else end)
    if colon is not None and ":" in colon.group(0):
        return colon.end()
    tail = _TAIL_TO_COLON.match(text, end)
    if tail is None or tail.end() > a.sentence.end + 1 or _any_between(cues, end, tail.end()):
        return None
    return tail.end()


def _quotation_at(layout: Layout, start: int, quoted: set[tuple[int, int]]) -> tuple[Span, ...]:
    """The quotation opening at `start` (after a colon): one in the same paragraph, or, when the
    colon ends its paragraph, the blockquote run or quotation paragraph that follows."""
    index = layout.index(start - 1)
    paras = layout.paragraphs
    if index is None:
        return ()
    if start < paras[index].end and layout.text[start : paras[index].end].strip():
        region = layout.quotes[index].at(start)
        return (region,) if region is not None and region.start == start else ()
    if index + 1 >= len(paras):
        return ()
    run = tuple(p for p in paras[index + 1 : index + 1 + MAX_PASSAGE_PARAGRAPHS] if (p.start, p.end) in quoted)
    if run and run[0] == paras[index + 1] and testimony.first_person(layout.text, run[0]):  # a testimony, however long
        return testimony.without_notes(layout.text, testimony.testimony_run(layout.text, paras, index + 1, quoted))
    if run and run[0] == paras[index + 1]:
        return _leading(run, paras[index + 1 :])
    first = paras[index + 1]
    return (first,) if layout.text[first.start : first.start + 1] in _OPENING_MARKS else ()


def _leading(run: tuple[Span, ...], after: list[Span]) -> tuple[Span, ...]:
    """The blockquote paragraphs that follow one another from the first on."""
    out = []
    for p, q in zip(run, after, strict=False):
        if p != q:
            break
        out.append(p)
    return tuple(out)


def _open_paragraphs(paras: list[Span], stops: list[Span]) -> list[Span | None]:
    """Paragraphs, with those inside a stop replaced by None: a passage ends where one begins.

    Each paragraph costs one bisection (testing every stop for every paragraph, for every pending
    attribution, grew with the cube of a page's length).
    """
    stopped = SpanSet(stops)
    return [None if stopped.overlaps(p) else p for p in paras]


def _passage(
    text: str, a: Attribution, paras: list[Span | None], index: int | None, quoted: set[tuple[int, int]]
) -> tuple[Span, ...]:
    """`index` is the number of the paragraph holding the attribution's sentence."""
    colon = text.find(":", a.cue.end, a.sentence.end)
    if colon != -1:
        rest = trim(text, Span(colon + 1, a.sentence.end))
        if rest.end > rest.start and text[rest.start : rest.end].strip(" .\"“”'"):
            return (rest,)
    if index is not None and paras[index] is None:
        index = None  # its paragraph is inside a stop
    if index is None or index + 1 >= len(paras) or (first := paras[index + 1]) is None:
        return ()
    if (first.start, first.end) in quoted:  # an HTML blockquote: its paragraphs, and a testimony's next ones
        return testimony.without_notes(text, testimony.testimony_run(text, paras, index + 1, quoted))
    taken = [first]
    quotation = text[first.start : first.start + 1] in _OPENING_MARKS
    for p in paras[index + 2 : index + 1 + MAX_PASSAGE_PARAGRAPHS]:
        if p is None or text[taken[-1].end - 1] == ":":
            break
        if not (_left_open(text, taken) or (not quotation and _ANAPHORIC_OPENING.match(p.of(text)))):
            break
        taken.append(p)
    return tuple(taken)


# Marks that open a quotation at the start of a paragraph.
_OPENING_MARKS = '“"‘'


def _left_open(text: str, taken: list[Span]) -> bool:
    """Whether the passage so far opens a quotation it has not closed ("Financial Times reported:"
    / "“Syrsky’s leadership ... untenable." / "According to a senior official, ... army.”"): the
    quotation goes on into the next paragraph, and so does the passage (its second paragraph was
    left out, and its "according to" lost the paper as its first hop, gold_text). A passage that
    opens with a quotation ends where the quotation closes: the writer's next paragraph ('The firm
    denies it.') is no part of it, even when it opens with a pronoun."""
    open_marks: list[str] = []
    for p in taken:
        _follow_marks(text[p.start : p.end], open_marks)
    return bool(open_marks)


def _follow_marks(words: str, open_marks: list[str]) -> None:
    """Track which quotations are open after one paragraph of a passage. A paragraph that opens
    with a mark starts the quotation again: news style reopens a quote running over several
    paragraphs at each one and closes it only at its end ('"A ...' / '"B ...' / '"C."'), so
    counting straight marks over the whole run read the second paragraph as the close (PolNeAR
    train: 'Dr. Ward stated:' then three such paragraphs, the last two nobody's). A mark of the
    other kind inside is a nested quotation ('"... isn't about “Equal Justice” anymore.')."""
    if words[:1] in '“"':
        open_marks[:] = [words[0]]
        words = words[1:]
    for mark in _MARK_CHARS.findall(words):
        if mark == "“":
            open_marks.append(mark)
        elif mark == "”" and "“" in open_marks:
            open_marks.pop(len(open_marks) - 1 - open_marks[::-1].index("“"))
        elif mark == '"':
            if open_marks and open_marks[-1] == '"':
                open_marks.pop()
            else:
                open_marks.append(mark)


_MARK_CHARS = re.compile(r'[“”"]')
