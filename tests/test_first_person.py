""" "US", the country, is no first person: lower-cased it reads "us", and every sentence naming
the US lost its own-voice link claim as if the newsroom spoke of itself (gold_fresh5a: three
linked statements of one page missed, "... in US history", "US prosecutors secretly filed ...")."""

from __future__ import annotations

import pytest

from tracer.parse.article import parse_claims
from tracer.parse.claims.sources import is_first_person
from tracer.parse.links import extract_links
from tracer.read.document import read_html, read_text

_PAGE = "<html><head><title>t</title></head><body><article>{}</article></body></html>"


def _chains(html: str, phrase: str) -> list[list[str]]:
    """The chains (source names, nearest first) of the claims holding `phrase`, from HTML paragraphs."""
    article = read_html(_PAGE.format(html), url="https://example.com/story")
    found = parse_claims(article, [], extract_links(article))
    return [[h.source.name for h in c.chain] for c in found.claims if phrase in c.text]


@pytest.mark.parametrize(("word", "mine"), [("us", True), ("Us", True), ("We", True), ("I", True), ("US", False)])
def test_us_the_country_is_not_first_person(word: str, mine: bool) -> None:
    assert is_first_person(word) is mine


def test_a_linked_statement_naming_the_us_is_a_link_claim() -> None:
    html = (
        "<p>In 2019, the casino owner became a "
        '<a href="https://www.nbcnews.com/politics/donors-2019">top donor</a> to the senator’s campaign, '
        "helping to build the most hawkish cabinet in US history.</p>"
    )
    assert _chains(html, "became a top donor") == [["nbcnews.com"]]


def test_the_newsroom_speaking_of_itself_stays_no_claim() -> None:
    """The guard: 'Our reporters have asked for ...' is the newsroom's own doing, not a statement
    leaning on the page it links."""
    html = (
        "<p>Our reporters in the US have asked for "
        '<a href="https://www.nbcnews.com/politics/charges-filed">the sealed charge sheets</a> twice this month.</p>'
    )
    assert _chains(html, "asked for the sealed charge sheets") == []


def test_a_speaker_saying_us_is_still_first_person_to_resolve() -> None:
    """The guard of the speaker side: a quoted "us" remains the speaker's own word."""
    assert is_first_person(" us ")


def _text_chains(text: str) -> list[list[str]]:
    found = parse_claims(read_text(text), [], [])
    return [[h.source.name for h in c.chain] for c in found.claims]


@pytest.mark.parametrize(
    "text",
    [
        "US says the embargo will stay in place until the talks resume in Geneva.\n",
        "Officials met in Geneva on Monday. US said the embargo will stay in place until the talks resume.\n",
        "“The embargo stays,” US told the council on Monday.\n",
    ],
)
def test_the_us_as_a_speaker_is_a_source_not_the_writer(text: str) -> None:
    """'US says ...' (a headline's usual form) gave no claim at all: its source was read as the
    writer's own "us"."""
    assert _text_chains(text) == [["US"]]
