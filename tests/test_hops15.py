"""hops15: a document that speaks is a hop of its own before its issuer ("the statement said":
[the statement, the committee]), a document cited in another comes after the citing document and
its maker ("a study cited in the X report": [the report, X, the study]), and a statement only
carries its issuer's words when the issuer is the clause's subject ("X released a statement
saying": X alone). More forms are chain cases in tests/data/chains/hops15_forms.json. Invented
sentences with the grammatical forms of the gold_fresh, gold_fresh3a and gold_fresh5a misses."""

from __future__ import annotations

from tracer.models import Claim, Source, SourceKind
from tracer.parse.article import extract_claims
from tracer.read.document import read_text


def _chain(text: str, words: str) -> tuple[list[str], list[Source]]:
    claims, sources = extract_claims(read_text(text), [])
    claim: Claim = next(c for c in claims if words in c.text)
    by_id = {s.id: s for s in sources}
    return [h.source.name for h in claim.chain], [by_id[h.source.id] for h in claim.chain]


def test_statement_said_is_the_statement_then_its_issuer() -> None:
    text = (
        "The Harbor Council met on Thursday and said in a statement that the closures were unlawful. "
        "\u201cThese closures break every agreement we have signed,\u201d the statement said."
    )
    names, sources = _chain(text, "break every agreement")
    assert names == ["the statement", "The Harbor Council"]
    assert sources[0].kind == SourceKind.DOCUMENT
    said_in, _ = _chain(text, "the closures were unlawful")
    assert said_in == ["The Harbor Council"]  # "said in a statement": the medium, no hop


def test_two_issuers_statements_stay_apart() -> None:
    """A later "the statement" is another issuer's: the document is not looked up by its words
    (registered by name, the second statement took the first one's issuer)."""
    text = (
        "The Harbor Council said in a statement that the closures were unlawful. "
        "\u201cWe will appeal,\u201d the statement said. "
        "Later, the Ministry of Transport said in a statement that the closures were lawful. "
        "\u201cThe council has no case,\u201d the statement said."
    )
    first, _ = _chain(text, "We will appeal")
    second, _ = _chain(text, "The council has no case")
    assert first == ["the statement", "The Harbor Council"]
    assert second == ["the statement", "the Ministry of Transport"]


def test_issuer_own_aside_keeps_the_quotation_whole() -> None:
    """The issuer, not the statement, is who speaks the quotation: its "they" aside inside stays
    in the one claim (the quotation was cut to the words before "as they respond")."""
    text = (
        "The Harbor Council released a statement on Friday night condemning the attack. "
        "\u201cWe stand with Eastvale, our oldest partner, as they respond to and recover from this attack,\u201d "
        "the statement said."
    )
    claims, _ = extract_claims(read_text(text), [])
    quoted = [c for c in claims if "We stand with" in c.text]
    assert len(quoted) == 1 and "as they respond" in quoted[0].text


def test_possessive_statement_is_the_medium() -> None:
    text = "Ruiz first denied any deal. Later, she revised her statement, explaining that a deal had been discussed."
    names, _ = _chain(text, "a deal had been discussed")
    assert "her statement" not in names


def test_study_cited_in_report_reads_report_maker_study() -> None:
    text = (
        "The Harbor Institute published its yearly flood report. According to another study referenced "
        "in the report, the river could rise by a metre by 2050."
    )
    names, sources = _chain(text, "rise by a metre")
    assert names[-1] == "another study" and sources[-1].kind == SourceKind.DOCUMENT
    assert names[:-1] == ["the report", "The Harbor Institute"]


def test_article_cited_by_a_campaign_is_no_nested_document() -> None:
    """'an article cited by her campaign': the campaign is no document, so the phrase keeps the
    reading it had ([the campaign, the article])."""
    text = "Critics were unconvinced, and an article cited by the Ruiz campaign quoted experts who found no evidence."
    names, _ = _chain(text, "experts who found no evidence")
    assert names[-1] == "an article" and len(names) == 2


def test_statement_the_text_never_says_was_issued_stays_the_issuer() -> None:
    """'X announced its estimate that ... “...,” the official statement said': the text names no
    statement of X's before, the issuer is only the source just before (the seed's form), so the
    chain stays [X] as the seed test has it."""
    text = (
        "The Harbor Council announced its estimate that more than 300 homes were flooded. "
        "\u201cWe count about 320 flooded homes,\u201d the official statement said."
    )
    names, _ = _chain(text, "about 320 flooded homes")
    assert names == ["The Harbor Council"]
