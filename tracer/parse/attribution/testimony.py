"""First-person testimony set off in HTML blockquotes: how far it runs, who gives it, and the
pull-quote headings that repeat it.

An interview story ("He explained why he had decided to protest:", "Our team spoke to Lorena,
an Angolan woman ...") sets the interviewee's own words off in blockquotes, with no quotation
marks, and breaks them with photo captions; a section heading in quotation marks repeats a line of
them. The words are the interviewee's throughout (gold_fresh6a, the France 24 Observers page: 15
of its statements were nobody's). Testimony runs are read only in blockquotes: in plain text
nothing marks where a first-person passage ends and the writer's own first person begins (PolNeAR
train has no multi-paragraph testimony after a colon, and an op-ed's own "I" after one). A
pull-quote heading is matched to any passage by the words they share.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import replace

from tracer.datafiles import load_lines
from tracer.models import CueClass
from tracer.parse.attribution.spans import Attribution, Layout
from tracer.text import Span, SpanSet, latin_names, sentences

# A speaker's own first person, contractions included ("I’d rather ...", "we’ve been here"); "us"
# in lower case only ("US officials" is the country).
_FIRST_PERSON = re.compile(r"\b(?:I|[Mm]e|[Mm]y|[Mm]ine|[Ww]e|us|[Oo]urs?)(?:[’'](?:d|m|ve|ll|re|s))?\b")
# How many words of a testimony paragraph's opening the first person is looked for in: "Two days
# after I arrived ...", "Currently, my family and I ...", "If they won’t let us travel ..." (all
# within 8 on the page that motivated it); a paragraph that only comes to "I" late is the
# writer's more often than not.
_OPENING_WORDS = 12
# A photo or video credit closing a caption: "(One of the protestors sent our team this photo.)",
# "(Video sent to our team by one of the protesters)", "(Video by Lorena)." — furniture between
# two blockquotes of one testimony, not the writer's narration resuming. The word is looked for
# ahead, so an unclosed "(" before many such words is read once, not once per word.
_CREDIT = re.compile(
    r"\((?=[^()]*\b(?:photos?|videos?|images?|pictures?|footage|screenshots?|screengrabs?)\b)[^()]*\)[\s.]*$",
    re.IGNORECASE,
)
_OPENING_MARKS = '“"‘'
# How many paragraphs of captions and pull quotes a testimony is followed across (the page:
# one caption, or a caption and an empty credit line).
_MAX_INTERRUPTION = 2


def first_person(text: str, para: Span) -> bool:
    """Whether a paragraph speaks in the first person from its opening words on and is not
    itself a quotation (a blockquote opening with a quotation mark is a pull quote of someone)."""
    words = text[para.start : para.end].split()
    return text[para.start : para.end].lstrip()[:1] not in _OPENING_MARKS and bool(
        _FIRST_PERSON.search(" ".join(words[:_OPENING_WORDS]))
    )


def _interruption(text: str, para: Span) -> bool:
    """A caption with a photo or video credit, or a paragraph that is one short quotation (a pull
    quote): what breaks a testimony without being the writer's narration."""
    words = text[para.start : para.end].strip()
    return bool(_CREDIT.search(words)) or _whole_quotation(words)


def _whole_quotation(words: str) -> bool:
    """A paragraph that is one quotation of a sentence or so: it opens and closes with a mark."""
    return (
        len(words) > 2
        and words[0] in _OPENING_MARKS
        and words.rstrip(".")[-1] in '”"’'
        and len(words.split()) <= _PULL_QUOTE_WORDS
    )


# The longest pull quote read as one (the page's two: 16 and 11 words).
_PULL_QUOTE_WORDS = 25


def testimony_run(text: str, paras: Sequence[Span | None], start: int, quoted: set[tuple[int, int]]) -> list[Span]:
    """The blockquote paragraphs from `start` on, followed across captions and pull quotes into
    the next blockquote while the testimony is first person: "... it stated that I was
    stateless." / a banner's photo with its credit / "In the end, they told me to go ..." is one
    speaker's (the second blockquote was nobody's). The run stops where the writer's own
    paragraph comes (third person narration, a heading that is no quotation) or where a
    blockquote opens in someone else's quotation marks."""
    run = _block(paras, start, quoted)
    if not run or not first_person(text, run[0]):
        return run
    end = start + len(run)  # the paragraph after the run so far
    while True:
        after = end
        while after < len(paras) and (p := paras[after]) is not None and (p.start, p.end) not in quoted:
            if not _interruption(text, p) or after - end >= _MAX_INTERRUPTION:
                return run
            after += 1
        more = _block(paras, after, quoted)
        if after == end or not more or not first_person(text, more[0]):
            return run
        run += more
        end = after + len(more)


# An editor's note set in brackets inside the testimony ("[Editor’s note: The Observers also
# spoke to other migrants who described ...]"): the writer's words, not the speaker's, so a cue
# inside it is no nested cue of the speaker's (gold_fresh6a).
# A note runs to its "]" with no "[" inside: each "[" then starts one read of the text, not one to the end.
_EDITORS_NOTE = re.compile(r"\[\s*(?:editor[’']?s?[’']?\s+note|ed\.\s*note|note)\b[^\[\]]*\]", re.IGNORECASE)


def without_notes(text: str, run: Sequence[Span]) -> tuple[Span, ...]:
    """A testimony's paragraphs with the editor's notes in them cut out."""
    out = []
    for p in run:
        start = p.start
        for m in _EDITORS_NOTE.finditer(text, p.start, p.end):
            if text[start : m.start()].strip():
                out.append(Span(start, m.start()))
            start = m.end()
        if text[start : p.end].strip():
            out.append(Span(start, p.end))
    return tuple(out)


def _block(paras: Sequence[Span | None], start: int, quoted: set[tuple[int, int]]) -> list[Span]:
    """The blockquote paragraphs that follow one another from `start` on."""
    run = []
    for p in paras[start:]:
        if p is None or (p.start, p.end) not in quoted:
            break
        run.append(p)
    return run


# "Our team spoke to Lorena (not her real name), ...", "talked with Amadou", "interviewed Sara
# Diallo": the interviewee named right after the verb, one to four capitalised words.
# A title with its stop may open the name ("spoke to Dr. Amina Sow": the name was "Dr"; review15a):
# the dotted words of `abbreviations.txt`, the list the sentence splitter reads.
_TITLE = "|".join(re.escape(word.capitalize()) for word in load_lines("abbreviations.txt") if word.isalpha())
_SPOKE_TO = re.compile(
    r"\b(?:(?:spoke|talked|chatted)\s+(?:to|with)|interviewed)\s+"
    + latin_names(rf"((?:(?:{_TITLE})\.\s+)?(?:[A-Z][\w’'-]+\s+){{0,3}}[A-Z][\w’'-]+)")
)
# Who does the interviewing, before "spoke to": the writer's side ("The France 24 Observers team",
# "we", "our reporter"). With anyone else as the subject ("Haddad spoke to The Courier:") the one
# named after the verb is a listener, and the words after are not theirs.
_WRITERS_SIDE = re.compile(
    r"\b(?:we|I|our|team|reporters?|journalists?|correspondents?|newsroom|editors?|Observers)\b", re.IGNORECASE
)


def interviewed(layout: Layout, found: list[Attribution], quoted: set[tuple[int, int]]) -> list[Attribution]:
    """'The team spoke to Lorena (not her real name), an Angolan woman ... .' / a blockquote in
    the first person ('If they won’t let us travel ..., we’d like to ...'): the interviewee's
    testimony, introduced with no colon and no cue of its own (gold_fresh6a: her three
    blockquotes were nobody's). Only when the paragraph right before the blockquote (captions
    aside) names the interviewee, the blockquote speaks in the first person, and no attribution
    has it already; a listener's "spoke to" is the cue, the interviewee the source."""
    text, paras, out = layout.text, layout.paragraphs, []
    taken = {f.start for a in found for f in a.content}
    for i, para in enumerate(paras[:-1]):
        if (para.start, para.end) in quoted:
            continue
        named = list(_SPOKE_TO.finditer(text, para.start, para.end))
        if not named:
            continue
        after = i + 1
        while after < len(paras) and (paras[after].start, paras[after].end) not in quoted:
            if not _interruption(text, paras[after]) or after - i > _MAX_INTERRUPTION:
                break
            after += 1
        run = testimony_run(text, paras, after, quoted) if after < len(paras) else []
        if not run or run[0].start in taken or not first_person(text, run[0]):
            continue
        name = named[-1]
        sentence = _sentence(text, para, name.start())
        if not _WRITERS_SIDE.search(text, sentence.start, name.start()):
            continue  # "Haddad spoke to The Courier": the listener is no one who testifies
        cue = _cue(text, name)
        out.append(
            Attribution(
                source=Span(name.start(1), name.end(1)),
                cue=cue,
                content=without_notes(text, run),
                sentence=sentence,
                cls=CueClass.SPEECH,
                form="verb",
                kind="passage",
                lemma="speak",
            )
        )
    return out


def _cue(text: str, name: re.Match[str]) -> Span:
    """The verb and its preposition ("spoke to"), without the space before the name."""
    end = name.start(1)
    while end > name.start() and text[end - 1].isspace():
        end -= 1
    return Span(name.start(), end)


def _sentence(text: str, para: Span, at: int) -> Span:
    """The sentence of a paragraph that holds offset `at` (the shared splitter: a title's stop
    ends no sentence)."""
    return next((s for s in sentences(text, para) if s.start <= at < s.end), para)


# Words a pull quote and the testimony must share to be one speaker's: those of four letters or
# more ("want", "document", "freedom", "travel"); at least this share of the pull quote's (the
# page's two: 6 of 8 and 7 of 7).
_SHARED = 0.6
_CONTENT_WORD = re.compile(r"[\w’']{4,}")
# How many paragraphs a pull-quote heading stands before the passage's introduction (the page:
# right before it, or one paragraph before).
_HEADING_REACH = 3


def pull_quotes(layout: Layout, found: list[Attribution]) -> list[Attribution]:
    """'"All we want is a document guaranteeing us the freedom of movement"' as a section heading,
    then 'He explained why ...:' and a testimony holding "All we want is a document allowing us
    the freedom to travel": a heading in quotation marks that repeats (or varies) the words of
    the testimony introduced right after it is the interviewee's (gold_fresh6a: both headings
    were nobody's). Only a paragraph that is one short quotation with no cue of its own and no
    speaker just before it whose quote it might go on with, a passage introduced within
    `_HEADING_REACH` paragraphs, before any other such heading, and most of the heading's words
    found in the passage."""
    text, paras, out = layout.text, layout.paragraphs, []
    passages = sorted((a for a in found if a.kind == "passage" and a.source is not None), key=lambda a: a.cue.start)
    cue_starts = [a.cue.start for a in passages]
    cued = {layout.index(a.cue.start) for a in found}
    said = SpanSet(f for a in found for f in a.content)  # one bisection per paragraph, not a scan
    for i, para in enumerate(paras):
        words = text[para.start : para.end].strip()
        if i in cued or not _whole_quotation(words) or said.overlaps(Span(para.start, para.start + 1)):
            continue
        if i > 0 and (i - 1 in cued or text[paras[i - 1].start : paras[i - 1].start + 1] in _OPENING_MARKS):
            continue  # a quotation going on from a speaker before it (`continue_quotes`' to give)
        after = bisect_left(cue_starts, para.end)
        nxt = passages[after] if after < len(passages) else None
        at = layout.index(nxt.cue.start) if nxt is not None else None
        if nxt is None or at is None or at - i > _HEADING_REACH:
            continue
        if any(_whole_quotation(text[p.start : p.end].strip()) for p in paras[i + 1 : at]):
            continue  # another heading between: the passage is under that one
        if _share(words, " ".join(text[f.start : f.end] for f in nxt.content)) < _SHARED:
            continue
        region = layout.quotes[i][0] if layout.quotes[i] else para
        out.append(replace(nxt, content=(region,), kind="quote", sentence=para, mark=0))
    return out


def _share(heading: str, passage: str) -> float:
    """The share of a heading's longer words that the passage holds too."""
    words = {w.lower().replace("’", "'") for w in _CONTENT_WORD.findall(heading)}
    if not words:
        return 0.0
    held = {w.lower().replace("’", "'") for w in _CONTENT_WORD.findall(passage)}
    return len(words & held) / len(words)
