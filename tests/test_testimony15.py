"""First-person testimony set off in HTML blockquotes (testimony15): followed across photo
captions, introduced by "spoke to X" with no colon, repeated in a pull-quote heading; editor's
notes inside it are the writer's; a first-person contraction is never a source. Invented pages."""

from __future__ import annotations

from tracer.models import TraceResult
from tracer.parse.attribution.testimony import first_person
from tracer.parse.claims.sources import is_first_person
from tracer.read.document import read_html
from tracer.text import Span
from tracer.trail.trace import trace_article

_HEAD = "<html><head><title>Stuck at the border</title></head><body><article>\n"
_TAIL = "\n</article></body></html>"

_CAPTION_PAGE = (
    _HEAD
    + """<h2>"All we ask for is a paper that lets us travel through this region"</h2>
<p>Samuel Eto takes part in the sit-in. He left his village in March and reached the border in June. He explained why he and the others had decided to protest:</p>
<blockquote><p>Three days after I arrived, I was held in a camp near the river for crossing without papers.</p>
<p>I had to queue at the permit office for a week, and my permit turned out to be worthless.</p></blockquote>
<p>"No more walls", reads this sign. (One of the marchers sent our team this photo.)</p>
<blockquote><p>In the end, they told me to apply for protection in the capital.</p>
<p>All we ask for is a paper that lets us travel through the region [Editor's note: Our team also spoke to other marchers who described the same permit]. That is why we march every morning.</p></blockquote>
<h2>Tighter rules</h2>
<p>The rules changed in the spring. The government stopped issuing transit permits in April.</p>
<blockquote><p>I am not leaving until the permit office opens again.</p></blockquote>"""
    + _TAIL
)

_INTERVIEW_PAGE = (
    _HEAD
    + """<h2>"We would like, at least, a warm room for the children"</h2>
<p>Some of the families want more than papers. Our team spoke to Mariam (not her real name), a mother of four who arrived in July. Mariam and her husband travel with their children.</p>
<blockquote><p>If they will not let us move on, we would like at least a warm room for the children and some food.</p>
<p>Right now my family and I sleep in a tent by the station. The officials say that the shelters are full.</p></blockquote>
<p>Families sleep by the station while they wait (Video sent to our team by one of the families)</p>
<blockquote><p>My sons cook rice on a small stove that we bought on the way.</p></blockquote>
<p>The station was cleared by the police on Friday. Officials say the shelters will reopen next month.</p>"""
    + _TAIL
)


def _trace(page: str) -> TraceResult:
    return trace_article(read_html(page, url="https://news.example.org/testimony"))


def _names(result: TraceResult, words: str) -> list[list[str]]:
    """The chains of the claims holding `words`, as source names."""
    return [[h.source.name for h in c.chain] for c in result.claims if words in c.text]


def test_testimony_goes_on_after_a_photo_caption() -> None:
    """The second blockquote, after the sign's photo and its credit, is still the speaker's: it
    was nobody's when the run stopped at the caption."""
    result = _trace(_CAPTION_PAGE)
    assert _names(result, "held in a camp near the river") == [["Samuel Eto"]]
    assert _names(result, "they told me to apply for protection") == [["Samuel Eto"]]
    assert _names(result, "That is why we march every morning") == [["Samuel Eto"]]


def test_testimony_stops_where_the_writer_resumes() -> None:
    """A heading that is no quotation and a paragraph of the writer's narration end the run: the
    blockquote after them is no one's that the page named (no carry across the narration)."""
    result = _trace(_CAPTION_PAGE)
    assert not any(n == ["Samuel Eto"] for n in _names(result, "I am not leaving until"))
    assert not any("Samuel Eto" in n for n in _names(result, "stopped issuing transit permits"))


def test_editors_note_in_a_testimony_is_the_writers() -> None:
    """'[Editor's note: Our team also spoke to other marchers who described ...]': what the
    marchers described is theirs, not something the speaker says they described."""
    result = _trace(_CAPTION_PAGE)
    assert [[h.source.name for h in c.chain] for c in result.claims if c.text == "the same permit"] == [
        ["other marchers"]
    ]
    assert _names(result, "All we ask for is a paper that lets us travel through the region") == [["Samuel Eto"]]


def test_spoke_to_introduces_a_first_person_blockquote() -> None:
    """'Our team spoke to Mariam ...' then a blockquote in the first person, no colon: Mariam's,
    across a video caption too; a cue inside her words nests under her."""
    result = _trace(_INTERVIEW_PAGE)
    assert _names(result, "a warm room for the children and some food") == [["Mariam"]]
    assert _names(result, "my family and I sleep in a tent") == [["Mariam"]]
    nested = [n for n in _names(result, "the shelters are full") if len(n) == 2]
    assert len(nested) == 1 and nested[0][0] == "Mariam" and nested[0][1].lower() == "officials"
    assert _names(result, "My sons cook rice") == [["Mariam"]]
    assert not any("Mariam" in n for n in _names(result, "the shelters will reopen"))


def test_pull_quote_heading_is_the_interviewees() -> None:
    """A heading in quotation marks that repeats the testimony after it is the interviewee's."""
    assert _names(_trace(_INTERVIEW_PAGE), "We would like, at least, a warm room") == [["Mariam"]]
    assert _names(_trace(_CAPTION_PAGE), "All we ask for is a paper that lets us travel through this") == [
        ["Samuel Eto"]
    ]


def test_a_quoted_heading_unlike_the_testimony_is_nobodys() -> None:
    """A quoted heading whose words the testimony after it does not hold stays unattributed."""
    page = _INTERVIEW_PAGE.replace("We would like, at least, a warm room for the children", "Borders kill dreams")
    result = _trace(page)
    assert _names(result, "a warm room for the children and some food") == [["Mariam"]]  # her testimony stays
    assert all("Mariam" not in n for n in _names(result, "Borders kill dreams"))


def test_spoke_to_before_a_blockquote_in_the_third_person_gives_nothing() -> None:
    """A blockquote after 'spoke to X' that is not in the first person is not X's testimony."""
    page = _INTERVIEW_PAGE.replace(
        "If they will not let us move on, we would like", "The families who are not allowed to move on would like"
    )
    assert _names(_trace(_INTERVIEW_PAGE), "let us move on") == [["Mariam"]]  # in the first person: hers
    assert all("Mariam" not in n for n in _names(_trace(page), "allowed to move on"))


def test_first_person_contractions_are_first_person() -> None:
    """'I’d rather claim ...' once made "I’d" a source name."""
    for word in ("I’d", "I'm", "we’ve", "We’re", "I'll"):
        assert is_first_person(word)
    for word in ("It's", "US", "Ian", "West’s"):
        assert not is_first_person(word)


def test_spoke_to_a_listener_gives_the_listener_nothing() -> None:
    """'Farid Haddad spoke to The Daily Courier ...': the one named after "spoke to" is the
    listener when the writer's side is not the subject; the blockquote is not the paper's."""
    page = _INTERVIEW_PAGE.replace(
        "Our team spoke to Mariam (not her real name)", "Farid Haddad spoke to The Daily Courier"
    )
    assert all("The Daily Courier" not in n for n in _names(_trace(page), "a warm room for the children and some food"))


def test_us_the_country_is_no_first_person() -> None:
    """A blockquote opening "US officials said ..." is no testimony in the first person."""
    for words, expected in (("US officials toured the camp on Monday.", False), ("Then they let us go.", True)):
        assert first_person(words, Span(0, len(words))) is expected


def test_pull_quote_search_is_linear_in_the_page() -> None:
    """Many short quoted paragraphs after many attributions: each paragraph once scanned every
    attribution's contents (8,000 of each: about 4 s on the old code)."""
    import time

    from tracer.models import CueClass
    from tracer.parse.attribution.spans import Attribution, Layout
    from tracer.parse.attribution.testimony import pull_quotes

    n = 8_000
    paras = [f"The mayor spoke at length about item {i} today." for i in range(n)]
    paras += [f'"We want the road to the mill fixed now, number {i}."' for i in range(n)]
    layout = Layout("\n\n".join(paras))
    found = [
        Attribution(
            source=Span(p.start, p.start + 3),
            cue=Span(p.start + 4, p.start + 9),
            content=(Span(p.end - 6, p.end),),
            sentence=p,
            cls=CueClass.SPEECH,
            form="verb",
            kind="passage",
            lemma="speak",
        )
        for p in layout.paragraphs[:n]
    ]
    started = time.perf_counter()
    assert pull_quotes(layout, found) == []
    assert time.perf_counter() - started < 1.0


def test_caption_and_note_patterns_are_linear() -> None:
    """An unclosed "(" before many "photo"s, or many "[note" with no "]", was read to the end once
    per word (20,000 words: 4 s and 1.7 s on the old code)."""
    import time

    from tracer.parse.attribution.testimony import _interruption, without_notes

    caption = "(" + "photo " * 20_000 + "taken"
    notes = "[note " * 20_000
    started = time.perf_counter()
    assert not _interruption(caption, Span(0, len(caption)))
    assert without_notes(notes, [Span(0, len(notes))]) == (Span(0, len(notes)),)
    assert time.perf_counter() - started < 1.0


def test_spoke_to_a_titled_interviewee_keeps_the_title_and_name() -> None:
    """'Our team spoke to Dr. Amina Sow': the interviewee is "Dr. Amina Sow", not "Dr" (the name
    stopped at the title's stop, and the sentence split there too; review15a)."""
    page = _INTERVIEW_PAGE.replace("Our team spoke to Mariam (not her real name)", "Our team spoke to Dr. Amina Sow")
    assert _names(_trace(page), "a warm room for the children and some food") == [["Dr. Amina Sow"]]
