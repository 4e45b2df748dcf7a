"""One source model: every id is given by `SourceRegistry`, in a document and, continued by the
trail's `SourceBook`, across the documents it follows; posts and links get their source ids
from what the claims stage returns."""

from __future__ import annotations

import pytest

from tests.conftest import SEED
from tracer.models import Document, Hop, Source, SourceKind, SourceRef, TraceResult
from tracer.parse.article import parse_article, parse_claims
from tracer.parse.claims.sources import SourceRegistry
from tracer.parse.links import extract_links
from tracer.parse.posts.embeds import extract_posts
from tracer.read.document import read_html, read_text
from tracer.trail.sourcebook import SourceBook


def test_ids_follow_first_mention_and_an_alias_keeps_its_id() -> None:
    registry = SourceRegistry()
    yonhap = registry.resolve("Yonhap News Agency")
    lee = registry.resolve("Lee Seong-kweun")
    again = registry.resolve("Yonhap")
    assert [s.id for s in registry.sources] == ["s1", "s2"]
    assert again is yonhap and yonhap.aliases == ["Yonhap"] and lee.id == "s2"
    assert registry.unresolved("he").id == "s3"
    assert registry.ref("s1") == SourceRef(id="s1", name="Yonhap News Agency", kind=yonhap.kind)


def test_the_trail_book_continues_the_document_registry_in_place() -> None:
    registry = SourceRegistry()
    for name in ("Yonhap News Agency", "Yonhap", "Lee Seong-kweun"):
        registry.resolve(name)
    sources = registry.sources
    book = SourceBook(sources)
    assert isinstance(book, SourceRegistry)  # one model: the trail extends it, not a second one
    assert book.add("yonhap").id == "s1"  # a name the document merged is known across documents
    reuters = book.add("Reuters", SourceKind.OUTLET)
    assert reuters.id == "s3" and sources[-1].id == "s3"  # the input's list, extended in place
    assert book.resolve("Mr. Lee").id == "s2"  # the in-document rules still apply to the list


def test_new_ids_follow_the_highest_given() -> None:
    book = SourceBook([Source(id="s1", name="Herald"), Source(id="s7", name="Gazette")])
    assert book.add("Tribune").id == "s8"
    assert book.add("the herald").id == "s1"


def test_hops_of_a_followed_document_are_renumbered_and_refreshed() -> None:
    book = SourceBook([Source(id="s1", name="River News Now", kind=SourceKind.OUTLET)])
    followed = TraceResult(
        document=Document(id="d-2"),
        sources=[
            Source(id="s1", name="ministry", kind=SourceKind.GOVERNMENT, aliases=["The Ministry of Water Resources"]),
            Source(id="s2", name="River News Now", kind=SourceKind.OUTLET),
        ],
    )
    ministry = book.remap(Hop(source=SourceRef(id="s1", name="ministry", kind=SourceKind.GOVERNMENT)), followed)
    river = book.remap(Hop(source=SourceRef(id="s2", name="River News Now", kind=SourceKind.OUTLET)), followed)
    assert (ministry.source.id, ministry.source.name) == ("s2", "The Ministry of Water Resources")
    assert river.source.id == "s1"  # the same outlet in two documents is one source
    book.add("river news now", SourceKind.SOCIAL_ACCOUNT, handle="rivernewsnow")  # a handle learnt later
    hops = [Hop(source=SourceRef(id="s1", name="River News Now", kind=SourceKind.OUTLET))]
    book.refresh(hops)
    assert (hops[0].source.handle, hops[0].source.kind) == ("rivernewsnow", SourceKind.SOCIAL_ACCOUNT)


def test_a_post_names_the_source_of_its_hop() -> None:
    result = parse_article(read_text(SEED.read_bytes(), path=str(SEED)))
    [post] = result.posts
    claim = next(c for c in result.claims if c.post_id == post.id)
    assert post.source_id is not None and post.source_id == claim.chain[0].source.id
    assert next(s for s in result.sources if s.id == post.source_id).handle == post.handle


def test_the_claims_stage_returns_posts_and_links_with_their_sources_and_patches_nothing() -> None:
    article = read_html(
        "<html><body><article><p>Reuters reported the dam was leaking, "
        '<a href="https://www.reuters.com/world/dam">as Reuters reported</a>.</p>'
        '<blockquote class="twitter-tweet"><p lang="en">The ferry to Orren island is cancelled until Monday.</p>'
        "&mdash; Ferry Fan (@ferryfan) "
        '<a href="https://twitter.com/ferryfan/status/1899461556433846999">March 11, 2025</a></blockquote>'
        "</article></body></html>",
        url="https://news.example.org/a",
    )
    posts, links = extract_posts(article), extract_links(article)
    found = parse_claims(article, posts, links)
    names = {s.id: s.name for s in found.sources}
    assert [names.get(p.source_id or "") for p in found.posts] == ["Ferry Fan"]
    assert [names.get(k.source_id or "") for k in found.links if "reuters" in k.url] == ["Reuters"]
    assert all(p.source_id is None for p in posts) and all(k.source_id is None for k in links)


def test_resolving_a_mention_does_not_compare_it_with_every_earlier_source(monkeypatch: pytest.MonkeyPatch) -> None:
    """10,000 attributions cost <= 20x 1,000 (issue 20): each mention is compared with the few
    sources sharing a key, not all of them (the old registry made n²/2 comparisons)."""
    import tracer.parse.claims.sources as sources

    calls = []
    real = sources._same_name
    monkeypatch.setattr(sources, "_same_name", lambda a, b: calls.append(1) or real(a, b))
    registry = sources.SourceRegistry()
    names = ["Smith", "Jones", "Brown", "Garcia", "Miller"]
    for i in range(1000):
        registry.resolve(f"officer {names[i % 5]} of district {i}", at=i)
    registry.resolve("Reuters", at=1000)
    assert registry.resolve("Reuters News Agency", at=1001).name == "Reuters"
    assert len(registry.sources) == 1001
    assert len(calls) < 5 * 1000


def _tweet(name: str, handle: str, status: int, text: str) -> str:
    return (
        f'<blockquote class="twitter-tweet"><p lang="en">{text}</p>&mdash; {name} (@{handle}) '
        f'<a href="https://twitter.com/{handle}/status/{status}">March 11, 2025</a></blockquote>'
    )


def test_a_post_by_a_source_the_text_named_names_it_by_its_display_name_but_never_a_namesake() -> None:
    """The text names Reuters, then embeds @Reuters posting as "Reuters": the post names that source
    though it has no handle (it had none before). A second "Ferry Fan" account (another handle),
    merged by name into the first one's source, names no source; nor does "Tottenham Hotspur",
    resolved to the text's "Tottenham" by a looser match."""
    article = read_html(
        "<html><body><article><p>Reuters reported the dam at Orren was leaking. Tottenham said it would "
        "play at home.</p>"
        + _tweet("Reuters", "Reuters", 1899461556433846999, "The dam at Orren is leaking, engineers say.")
        + _tweet("Ferry Fan", "ferryfan", 1899461556433847000, "The ferry to Orren island is cancelled.")
        + _tweet("Ferry Fan", "ferryfan2", 1899461556433847001, "No ferry to Orren until Monday.")
        + _tweet("Tottenham Hotspur", "SpursOfficial", 1899461556433847002, "Our match will go ahead at home.")
        + "</article></body></html>",
        url="https://news.example.org/b",
    )
    found = parse_claims(article, extract_posts(article), extract_links(article))
    sources = {s.id: s for s in found.sources}
    named = [(p.handle, sources[p.source_id].name if p.source_id else None) for p in found.posts]
    assert named == [("Reuters", "Reuters"), ("ferryfan", "Ferry Fan"), ("ferryfan2", None), ("SpursOfficial", None)]
    assert sources[found.posts[0].source_id or ""].handle is None  # the name, not a handle, made it sure


def test_the_registry_is_sure_of_a_post_author_by_handle_or_by_the_same_name_in_any_case_and_spacing() -> None:
    registry = SourceRegistry()
    outlet = registry.resolve("The Orren  Gazette", SourceKind.OUTLET)
    account = registry.resolve("Orren Ferries", SourceKind.SOCIAL_ACCOUNT, handle="orrenferries")
    assert registry.account(outlet.id, "OrrenGazette", "the orren gazette ") == outlet.id
    assert registry.account(outlet.id, None, "The Orren Gazette") == outlet.id
    assert registry.account(outlet.id, "OrrenGazette", "Orren Gazette") is None  # not the name it has
    assert registry.account(account.id, "orrenferries", "Someone Else") == account.id
    assert registry.account(account.id, "orrenferries2", "Orren Ferries") is None  # a namesake account
