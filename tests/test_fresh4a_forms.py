"""Issue 14, forms of the fourth fresh set's development half (gold_fresh4a) that need a page's
markup, not only its text (the text-only forms are chain cases in tests/data/chains/fresh4a_forms.json)."""

from __future__ import annotations

from tracer.parse.article import parse_claims
from tracer.parse.links import extract_links
from tracer.read.document import read_html

_PAGE = "<html><head><title>t</title></head><body><article>{}</article></body></html>"
_STORY = (
    "<p>The river rose by two metres overnight and several roads in the valley were closed.</p>"
    "<p>Crews worked through the night to clear the drains near the old mill.</p>"
)


def _chains(html: str, phrase: str) -> list[list[str]]:
    """The chains (source names, nearest first) of the claims holding `phrase`, from HTML blocks."""
    article = read_html(_PAGE.format(html), url="https://example.com/story")
    found = parse_claims(article, [], extract_links(article))
    return [[h.source.name for h in c.chain] for c in found.claims if phrase in c.text]


def test_fact_box_items_are_statements_of_the_credited_source() -> None:
    """'Three facts about floods' / a list / 'Source: Environment Agency': each item is the agency's
    statement (gold_fresh4a: the Met Office's fact box gave no claims)."""
    box = (
        "<h2>Three facts about river floods</h2><ul>"
        "<li>Most flood deaths happen in cars driven into water</li>"
        "<li>Thirty centimetres of moving water can float a car</li>"
        "<li>Floods cost the country a billion pounds a year</li></ul>"
        "<p>Source: Environment Agency</p>"
    )
    html = _STORY + box
    assert _chains(html, "Thirty centimetres of moving water") == [["Environment Agency"]]
    assert _chains(html, "Most flood deaths happen in cars") == [["Environment Agency"]]


def test_a_credit_under_paragraphs_credits_no_statement() -> None:
    """'Source: Getty Images' under the story's paragraphs (no list) makes no claim of them."""
    assert _chains(_STORY + "<p>Source: Getty Images</p>", "Crews worked through the night") == []
