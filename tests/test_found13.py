"""found13: statements on real pages the tracer made no claim of.

A link on a short name that leads to a story about the sentence's statement: 'Chinese cities
like <a>Beijing</a> have managed to dramatically improve their air quality' linking
'.../beijing-air-improves-dramatically-...' (gold_fresh3a miss: the name was read as a topic tag
and the sentence was no claim). And the names of places that took a question's asker's 'he'
(PolNeAR train: 'Friendship Park', 'Western Journalism'). Invented sentences of the same form;
the question forms are chain cases in tests/data/chains/found13_forms.json."""

from __future__ import annotations

from tracer.models import SourceKind
from tracer.parse.article import parse_claims
from tracer.parse.claims.sources import guess_kind
from tracer.parse.links import extract_links
from tracer.read.document import read_html
from tracer.urls import is_story_url

_PAGE = "<html><head><title>t</title></head><body><article>{}</article></body></html>"


def _claims(html: str) -> dict[str, list[str]]:
    article = read_html(_PAGE.format(html), url="https://example.com/story")
    found = parse_claims(article, [], extract_links(article))
    return {c.text: [h.source.name for h in c.chain] for c in found.claims}


def test_a_name_linking_a_story_on_the_statement_is_a_link_claim() -> None:
    html = (
        '<p>Port towns like <a href="https://www.reuters.com/world/2021/05/04/'
        'rotterdam-cuts-harbour-emissions-sharply-study-finds">Rotterdam</a> have managed to cut '
        "their harbour emissions sharply within a decade.</p>"
    )
    claims = _claims(html)
    sentence = next(k for k in claims if k.startswith("Port towns like Rotterdam"))
    assert claims[sentence] == ["reuters.com"]


def test_a_name_linking_a_story_only_about_that_name_stays_a_tag() -> None:
    """Guard: the story shares nothing with the sentence but the name ('<a>Steyer</a> would regret
    ...' linking a story on his surge): a tag on the name, no claim."""
    html = (
        '<p>In that case the governor and <a href="https://www.politico.com/news/2020/01/22/'
        'maria-lopez-coastal-surge-102343">Lopez</a> would regret not campaigning harder in the '
        "first two states.</p>"
    )
    assert not any(k.startswith("In that case") for k in _claims(html))


def test_a_name_linking_a_topic_page_stays_a_tag() -> None:
    """Guard: a topic page ('/topic/rotterdam') is no story, whatever the sentence says."""
    html = (
        '<p>Port towns like <a href="https://www.reuters.com/topic/rotterdam">Rotterdam</a> have '
        "managed to cut their harbour emissions sharply within a decade.</p>"
    )
    assert not any(k.startswith("Port towns like") for k in _claims(html))


def test_story_urls() -> None:
    assert is_story_url("https://www.washingtonpost.com/world/2019/09/12/beijing-air/")
    assert is_story_url("https://www.thelocal.fr/x/paris-pollution-like-smoking-183-cigarettes")
    assert not is_story_url("https://www.express.co.uk/latest/prince-harry")
    assert not is_story_url("https://www.nytimes.com/topic/person/donald-trump")


def test_places_and_outlets_named_like_people_are_no_people() -> None:
    """A park or a street speaks for no one, and 'Western Journalism' is a site: none of them is
    the 'he' of the next quotation."""
    assert guess_kind("Harbor Park") == SourceKind.UNKNOWN
    assert guess_kind("Western Journalism") == SourceKind.OUTLET
    assert guess_kind("Ray Dunmore") == SourceKind.PERSON
    assert guess_kind("Arsenio Hall") == SourceKind.PERSON
