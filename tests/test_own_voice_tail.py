"""An own-voice clause after a claim in the same sentence, leaning on a link in it: 'Moreno
denigrated Assange as a “hacker” and <a>cut off</a> his internet access' (gold_fresh5a: the
label took the sentence, and the linked event was no claim)."""

from __future__ import annotations

import pytest

from tracer.parse.article import parse_claims
from tracer.parse.links import extract_links
from tracer.read.document import read_html

_PAGE = "<html><head><title>t</title></head><body><article>{}</article></body></html>"


def _claims(html: str) -> dict[str, list[str]]:
    article = read_html(_PAGE.format(html), url="https://example.com/story")
    found = parse_claims(article, [], extract_links(article))
    return {c.text: [h.source.name for h in c.chain] for c in found.claims}


def test_a_linked_clause_after_a_label_is_a_link_claim() -> None:
    html = (
        "<p>The new mayor denigrated the reporter as a “troublemaker” and "
        '<a href="https://www.apnews.com/article/press-pass">revoked her press pass</a> '
        "for the rest of the year.</p>"
    )
    claims = _claims(html)
    assert claims["revoked her press pass for the rest of the year."] == ["apnews.com"]
    assert claims["the reporter as a “troublemaker”"] == ["The new mayor"]


@pytest.mark.parametrize(
    "tail",
    [
        "and that the union should form its own bloc within the party.",
        "and as shown by his abrupt exit from the talks in Hanoi last year.",
    ],
)
def test_a_subordinate_tail_is_no_claim(tail: str) -> None:
    """'and that ...' is more of the reported words; 'and as shown by ...' frames, states nothing."""
    words = tail.split(" ", 2)[2]
    html = (
        "<p>The new mayor denigrated the reporter as a “troublemaker” "
        f"{tail.split(' ', 2)[0]} {tail.split(' ', 2)[1]} "
        f'<a href="https://www.apnews.com/article/x">{words}</a></p>'
    )
    assert not any(k.endswith(words) for k in _claims(html) if not k.startswith("the reporter"))
