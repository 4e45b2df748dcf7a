"""Transcript turns: 'WALLACE: Let's start with the budget. ...' / 'PENCE: Well, look, ...'.

A transcript or an interview printed as questions and answers gives each paragraph to the
speaker its label names, however many sentences it holds. The headline rule (`phrases.py`) reads
a label as the speaker of its own sentence only, and misses a label the tagger does not read as
a name ("Briggs:" tagged as a common noun, "Seitz-Wald:", "Q:"); the turn's other sentences
were no one's (PolNeAR train: the turns of 6 transcript articles, 26 labels missed).

A label alone is no evidence of a speaker: "Riverside: about 300 homes without water" is a
headline under a place, "Sanders: Win in a walk." / "Clinton: Keep it close." a list of what
each candidate needs (PolNeAR train), "Clinton: 547 delegates." a tally. A run of labelled
paragraphs is a dialogue when questions and answers alternate ("Q:", "A:", or two answers whose
questions lost their label), or when a speaker comes back after another one spoke (A, B, A) or,
for labels in capitals, the paragraph before the run announces a transcript ("Partial transcript
as follows:"); in those two cases most labels must name a person and, unless all are in
capitals, the sentence rules must have read one of them as a speaker (a label and a statement).
Every labelled paragraph of such a run is its speaker's turn: the label is the source, the colon
the cue (as PolNeAR marks them), the paragraph after the colon and those before the next label
the content. An answer is the interviewee's; a question is no claim.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, replace
from itertools import pairwise

from tracer.models import CueClass
from tracer.parse.attribution.spans import Attribution, Context, trim
from tracer.parse.claims.people import first_introduced
from tracer.text import Span, latin_names, sentences

# A paragraph that opens with a speaker label: a name of at most four words (capitalised, a
# hyphen or an initial inside: "Alex Seitz-Wald", "JAKE TAPPER"), perhaps a party and state in
# brackets ("Rep. Trey Gowdy (R-S.C.)"), a colon, and words. A quotation mark may open it when
# the transcript is itself quoted ('"CLINTON: I feel ...').
_WORD = r"[A-Z][\w.'’-]*"
_LABEL = re.compile(
    rf"[\"“]?(?P<name>{_WORD}(?:[ \t]+{_WORD}){{0,3}})(?:[ \t]*\([^()\n]{{1,20}}\))?[ \t]*(?P<colon>:)[^\S\n]*(?=\S)"
)
# What a paragraph before a run of capitals labels says when a transcript follows.
_ANNOUNCED = re.compile(r"\b(?:transcripts?|interview|exchange|excerpts?|as follows)\b", re.IGNORECASE)
_QA = frozenset({"Q", "A"})
# Paragraphs with no label that may come between two turns of one run (a stage direction, a
# turn going on in a paragraph of its own).
MAX_GAP = 2


@dataclass(frozen=True, slots=True)
class _Label:
    """A labelled paragraph: its number, the speaker as written, the colon and the words after it."""

    index: int  # the paragraph's number
    name: Span
    colon: Span
    words: Span
    key: str
    more: tuple[Span, ...] = ()  # the paragraphs the turn goes on in, up to the next label


def transcript_turns(ctx: Context) -> list[Attribution]:
    """The attributions with every turn of a dialogue given to its labelled speaker: a turn the
    headline rule read gets the whole paragraph as content, one it missed is added."""
    text = ctx.layout.text
    read = {a.cue.start for a in ctx.found if a.lemma == ":"}
    runs = [_continued(ctx, run) for run in _runs(_labels(ctx)) if _dialogue(ctx, run, read)]
    turns = [t for run in runs for t in run if _wordy(text, t)]
    if not turns:
        return ctx.found
    by_colon = {t.colon.start: t for t in turns if t.key != "Q"}
    answerer = _answerer(text, turns)
    starts = [t.words.start for t in turns]
    out = []
    for a in ctx.found:
        turn = by_colon.pop(a.cue.start, None) if a.lemma == ":" else None
        out.append(_after_label(a, turns, starts) if turn is None else _turn(ctx, turn, answerer, a))
    out += [_turn(ctx, t, answerer) for t in by_colon.values()]
    return sorted(out, key=lambda a: a.cue.start)


def _after_label(a: Attribution, turns: list[_Label], starts: list[int]) -> Attribution:
    """An attribution in a turn's words with its content cut at the label: in "A: Because they
    needed help, I think." what "I think" reports starts after the colon."""
    i = bisect_right(starts, a.cue.start) - 1
    if i < 0 or not turns[i].words.start <= a.cue.start < turns[i].words.end:
        return a
    start = turns[i].words.start
    if all(f.start >= start for f in a.content):
        return a
    content = tuple(Span(max(f.start, start), f.end) for f in a.content if f.end > start)
    return replace(a, content=content) if content else a


def _answerer(text: str, turns: list[_Label]) -> Span | None:
    """Who answers an interview's questions: the first person its lead introduces with a role
    ("Actress Diane Guerrero has become ...", "Former senator Jane Holt spoke with ..."), so that
    an "A:" turn is theirs, not a letter's. A question is the interviewer's, and no claim."""
    first = next((t for t in turns if t.key in _QA), None)
    named = first_introduced(text, 0, first.name.start) if first is not None else None
    return Span(*named) if named is not None else None


def _labels(ctx: Context) -> list[_Label]:
    """Every paragraph after the title that opens with a speaker label (no kicker: "UPDATE:")."""
    text, found = ctx.layout.text, []
    for i, para in enumerate(ctx.layout.paragraphs[1:], 1):
        match = _LABEL.match(text, para.start, para.end)
        if match is None or (match.group("name") not in _QA and _kicker(ctx, match.group("name"))):
            continue
        if text[match.end()].isdigit():
            continue  # "Clinton: 547 delegates.": a tally, whoever comes back in it
        name = Span(match.start("name"), match.end("name"))
        words = trim(text, Span(match.end(), para.end), " \t")
        found.append(_Label(i, name, Span(match.start("colon"), match.end("colon")), words, _key(name.of(text))))
    return found


def _kicker(ctx: Context, name: str) -> bool:
    """A label that names no speaker ("UPDATE:", "Editor's note:")."""
    return name.lower().replace("’", "'") in ctx.lex.kickers


def _key(name: str) -> str:
    """The speaker a label names, whatever its case and however much of the name it gives:
    "JAKE TAPPER", "TAPPER" and "Tapper" are one."""
    return name.split()[-1].upper().rstrip(".")


def _runs(labels: list[_Label]) -> Iterable[list[_Label]]:
    """The labels in runs of paragraphs at most `MAX_GAP` unlabelled paragraphs apart."""
    run: list[_Label] = []
    for label in labels:
        if run and label.index - run[-1].index > MAX_GAP + 1:
            yield run
            run = []
        run.append(label)
    if run:
        yield run


def _dialogue(ctx: Context, run: list[_Label], read: set[int]) -> bool:
    """Whether a run of labels is speakers taking turns (see the module's docstring). Besides
    questions and answers, most labels must name a person (`_person_like`; "Riverside: ... /
    Marlow: ... / Riverside: ..." are places coming back), and the sentence rules must have read
    one of them as a speaker, a label and a statement, unless all are in a transcript's capitals."""
    keys = [t.key for t in run]
    if set(keys) >= _QA or keys.count("A") >= 2:
        return True  # answers, their questions labelled or not ("QThere's no shortage of ...")
    text = ctx.layout.text
    capitals = all(t.name.of(text).isupper() for t in run)
    if not capitals and not any(t.colon.start in read for t in run):
        return False
    names = [t.name.of(text) for t in run]
    people = {name: _person_like(text, name) for name in set(names)}  # a long transcript repeats its few speakers
    if 2 * sum(people[name] for name in names) <= len(run):
        return False
    if any(k in keys[:i] and keys[i - 1] != k for i, k in enumerate(keys)):
        return True
    if not capitals:
        return False
    before = ctx.layout.paragraphs[run[0].index - 1]
    return _ANNOUNCED.search(text, before.start, before.end) is not None


def _person_like(text: str, name: str) -> bool:
    """Whether a label names a person (see `_dialogue`): in capitals, as a full name, or as a
    surname the text writes after another name ("Lee:" after "Mayor Ann Lee"); a scan of the text,
    asked once per name of a run (`_dialogue`), not cached across texts: a cache keyed on the
    text kept up to 256 whole documents alive in a batch."""
    if name.isupper() or " " in name:
        return True
    return re.search(r"[a-z,]\s" + latin_names(r"[A-Z][a-z]+ ") + rf"{re.escape(name)}\b", text) is not None


def _continued(ctx: Context, run: list[_Label]) -> list[_Label]:
    """The run with each turn but the last going on in the paragraphs before the next label
    ("A: It's not even close. / Are there problems? Yeah. ..."), bar a stage direction in
    brackets ("(BEGIN VIDEO CLIP)") or a clip under a label of its own ("VIDEO: ..."). After the
    last turn the writer speaks again. Between answers with no "Q:" the paragraph is a question."""
    paragraphs, text = ctx.layout.paragraphs, ctx.layout.text
    if any(t.key == "A" for t in run) and not any(t.key == "Q" for t in run):
        return run
    out = []
    for turn, after in pairwise(run):
        between = paragraphs[turn.index + 1 : after.index]
        more = tuple(p for p in between if text[p.start] not in "([" and not _LABEL.match(text, p.start, p.end))
        out.append(replace(turn, more=more))
    return [*out, run[-1]]


def _wordy(text: str, turn: _Label) -> bool:
    """Whether a turn says something in words ("Clinton: 547." is a tally)."""
    return re.search(r"[^\W\d_]{2}", turn.words.of(text)) is not None


def _turn(ctx: Context, turn: _Label, answerer: Span | None, read: Attribution | None = None) -> Attribution:
    """The label's speaker said the paragraph after the colon: the headline rule's reading of
    its first sentence widened, or a turn that rule missed. The turn is a passage of the
    speaker's own words, one claim per sentence."""
    referent = answerer if turn.key == "A" else None
    content = (turn.words, *turn.more)
    if read is not None:
        return replace(read, source=turn.name, content=content, form="turn", kind="passage", referent=referent)
    para = ctx.layout.paragraphs[turn.index]
    return Attribution(
        source=turn.name,
        cue=turn.colon,
        content=content,
        sentence=sentences(ctx.layout.text, para)[0],
        cls=CueClass.SPEECH,
        form="turn",
        kind="passage",
        referent=referent,
        lemma=":",
    )
