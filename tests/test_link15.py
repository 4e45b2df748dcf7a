"""Own-voice claims backed by a link or an embedded post (issue 14, cause 5), and the source the
sentence itself names (link15): a link's document never replaces the source the words give; a
link's site is shown by the name the page or its text gives the outlet; a sentence that only
points the reader at a page is no claim. Invented sentences and sites."""

from __future__ import annotations

import pytest

from tracer.parse.article import parse_claims
from tracer.parse.links import extract_links
from tracer.parse.posts.embeds import extract_posts
from tracer.read.document import read_html

_PAGE = (
    "<html><head><title>t</title>{head}</head><body><article><p>The council met on Monday evening "
    "to set the budget.</p>{body}</article></body></html>"
)


def _claims(body: str, head: str = "", url: str = "https://www.example.com/story") -> dict[str, list[str]]:
    article = read_html(_PAGE.format(head=head, body=body), url=url)
    found = parse_claims(article, extract_posts(article), extract_links(article))
    return {c.text: [h.source.name for h in c.chain] for c in found.claims}


def _chain(claims: dict[str, list[str]], words: str) -> list[str]:
    [chain] = [v for k, v in claims.items() if words in k]
    return chain


def test_a_link_to_the_papers_own_site_is_shown_as_the_paper() -> None:
    """'sky.com' for a Sky News page's links to its own earlier stories (gold_fresh6a)."""
    head = '<meta property="og:site_name" content="Marlow Herald">'
    body = (
        "<p>The old bridge over the Wend was "
        '<a href="https://news.marlowherald.com/story/bridge-closed-2291">closed to lorries last spring</a>.</p>'
    )
    claims = _claims(body, head, url="https://news.marlowherald.com/story/budget-set-2301")
    assert _chain(claims, "closed to lorries") == ["Marlow Herald"]


def test_a_hyphenated_site_is_its_publishers_name() -> None:
    head = '<meta property="og:site_name" content="Wend Valley">'
    body = (
        "<p>The old bridge over the Wend was "
        '<a href="https://www.wend-valley.com/2024/bridge-closed/">closed to lorries last spring</a>.</p>'
    )
    claims = _claims(body, head, url="https://www.wend-valley.com/2025/budget/")
    assert _chain(claims, "closed to lorries") == ["Wend Valley"]


def test_another_sites_link_keeps_its_host_whatever_the_pages_name() -> None:
    head = '<meta property="og:site_name" content="Marlow Herald">'
    body = (
        "<p>The old bridge over the Wend was "
        '<a href="https://www.wendgazette.co.uk/bridge-closed">closed to lorries last spring</a>.</p>'
    )
    claims = _claims(body, head, url="https://www.marlowherald.com/story/budget")
    assert _chain(claims, "closed to lorries") == ["wendgazette.co.uk"]


def test_an_outlet_the_text_names_by_its_initials_and_last_word() -> None:
    """'the New York Times’s recent decision' linking nytimes.com was shown as 'nytimes.com'."""
    body = (
        "<p>That mood is also reflected in the Marlow Valley Times’s "
        '<a href="https://www.mvtimes.com/2024/05/editorial-endorsement">recent decision to back both councillors</a>'
        " for the mayoralty.</p>"
    )
    assert _chain(_claims(body), "recent decision") == ["Marlow Valley Times"]


def test_a_link_to_a_post_is_the_posts_author() -> None:
    body = (
        "<p>Barred from the chamber, the councillor now "
        '<a href="https://x.com/wendwatcher/status/1651648919175311360">sits on a bench outside the hall</a>'
        " and votes from her laptop.</p>"
    )
    assert _chain(_claims(body), "sits on a bench") == ["@wendwatcher"]


def test_a_wayback_capture_is_the_page_it_holds() -> None:
    body = (
        "<p>The ministry planned to "
        '<a href="http://web.archive.org/web/20190125110512/https://www.northfieldnews.org/story/scan-devices">'
        "scan every home router in the county</a> for weak passwords.</p>"
    )
    assert _chain(_claims(body), "scan every home router") == ["northfieldnews.org"]


def test_by_the_outlets_count_is_the_outlets_word_not_a_later_links() -> None:
    """'By <a>CNN's count</a>, Trump visited ... — or <a>more than one day in five</a> —' was
    shown as Axios, the second link's site (gold_fresh6a)."""
    body = (
        '<p>By <a href="https://www.marlowherald.com/2024/council-meetings">Herald\'s count</a>, the council '
        'met at least 40 times in 2023 — or <a href="https://www.axios.com/council-meetings-tally">more '
        "than once a fortnight</a> — and cancelled nine meetings.</p>"
    )
    assert _chain(_claims(body), "met at least 40 times") == ["Herald"]


@pytest.mark.parametrize(
    ("body", "words", "source"),
    [
        (  # gold_fresh: 'documentcloud.org' for "An internal report ... reveals"
            '<p>An internal <a href="https://www.documentcloud.org/documents/3241-depot-audit.html">report</a> '
            "on last year’s unprecedented two-day closure of the county’s depots due to a hoax threat reveals a "
            "confused chain of command among county officials.</p>",
            "confused chain of command",
            "An internal report",
        ),
        (  # gold_fresh3a: 'jamesdavisnicoll.com' for "The story, ... was that"
            "<p>The story, repeated to me again and again (and, occasionally, "
            '<a href="https://www.wendlorebook.com/review/mill">online</a>) was that the mill owner had '
            "burned the ledgers.</p>",
            "burned the ledgers",
            "The story",
        ),
    ],
)
def test_a_report_or_story_subject_is_the_source_not_the_link(body: str, words: str, source: str) -> None:
    assert _chain(_claims(body), words) == [source]


def test_a_report_subject_that_only_happens_keeps_the_link() -> None:
    """No cue after the subject: the report is what the sentence is about, the link backs it."""
    body = (
        "<p>The annual report on the depot was "
        '<a href="https://www.wendgazette.co.uk/depot-report">published two weeks late</a> this year.</p>'
    )
    assert _chain(_claims(body), "published two weeks late") == ["wendgazette.co.uk"]


@pytest.mark.parametrize(
    "sentence",
    [
        'Perhaps the mayor still has <a href="https://www.wendgazette.co.uk/mayor-odds">a chance at the '
        "next election</a>, no?",
        'Take a look at <a href="https://www.wendgazette.co.uk/parking-guide">the county’s guide to the new parking '
        "rules</a> for the town centre.",
        "I’ve also been keeping an eye on "
        '<a href="https://www.wendgazette.co.uk/finance-committee">the twelve-member finance committee</a> '
        "and its votes.",
        '<a href="https://www.wendgazette.co.uk/news/fever-ferry">Ferry passengers quarantined after rare '
        "fever outbreak</a> [NEWS]",
    ],
)
def test_a_question_a_call_to_the_reader_the_writers_own_doing_or_a_headline_is_no_link_claim(sentence: str) -> None:
    """A related-story headline has no full stop ('... BUBONIC PLAGUE outbreak [NEWS]')."""
    claims = _claims(f"<p>{sentence}</p>")
    assert not [k for k in claims if "Monday evening" not in k]


def test_a_sentence_linking_the_post_embedded_after_it_is_backed_by_it() -> None:
    """'... tornadoes were observed in northeastern <a>Colorado</a>.' linking the storm chaser's
    post embedded right after it, whose words differ ("Landspout tornado! Northeast Colorado!",
    gold_fresh6a miss)."""
    body = (
        "<p>For the most part, only a few weak funnel clouds were reported near the "
        '<a href="https://twitter.com/wendchaser/status/1783610777993138196">reservoir</a>.</p>'
        '<blockquote class="twitter-tweet"><p lang="en">Landspout over Lake Orren! Southwest of town</p>'
        '&mdash; Ada Wend (@wendchaser) <a href="https://twitter.com/wendchaser/status/1783610777993138196">'
        "April 25, 2024</a></blockquote>"
    )
    assert _chain(_claims(body), "weak funnel clouds") == ["Ada Wend"]


def test_a_sentence_openers_initials_name_no_outlet() -> None:
    """'As Ben Carson' spells "abc" by its initials, but it opens a sentence and is no outlet's
    name: a link to abc.net.au keeps its host (review15a)."""
    body = (
        "<p>As Ben Carson arrived at the hall, the crowd was already large.</p>"
        "<p>The old bridge over the Wend was "
        '<a href="https://www.abc.net.au/news/bridge-closed">closed to lorries last spring</a>.</p>'
    )
    assert _chain(_claims(body), "closed to lorries") == ["abc.net.au"]
