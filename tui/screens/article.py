"""One document: its claims (each with its origin), embedded posts and links, beside its text."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal
from textual.widgets import DataTable, Footer, Header, TabbedContent, TabPane

from tracer import Claim, Link, Post
from tui.keys import Owner, bindings
from tui.library import Entry, origin_label
from tui.messages import LibraryChanged
from tui.navigation import ARTICLE, CHAIN, Location
from tui.screens.base import TracerScreen
from tui.widgets.article_text import ArticleText
from tui.widgets.tables import RowTable, clip

TABS = {"claims": "tab-claims", "posts": "tab-posts", "links": "tab-links"}
WIDE = 100  # the app's "-wide" breakpoint: lists and text side by side
ORIGIN_WIDTH = 20


class ArticleScreen(TracerScreen):
    """Claims, posts and links of one article in tabs; the text with the selected item highlighted."""

    AUTO_FOCUS = "#claims"
    BINDINGS: ClassVar[list[BindingType]] = bindings(Owner.ARTICLE)

    def __init__(self, entry: Entry, claim_id: str | None = None) -> None:
        super().__init__(Location(ARTICLE, entry.key, claim_id))
        self.entry = entry

    def compose(self) -> ComposeResult:
        result = self.entry.result
        yield Header()
        with Horizontal(id="article-body"):
            with TabbedContent(id="article-lists"):
                with TabPane(f"Claims {len(result.claims)}", id=TABS["claims"]):
                    yield RowTable(id="claims")
                with TabPane(f"Posts {len(result.posts)}", id=TABS["posts"]):
                    yield RowTable(id="posts")
                with TabPane(f"Links {len(result.links)}", id=TABS["links"]):
                    yield RowTable(id="links")
            yield ArticleText(result, id="article-text")
        yield Footer()

    def on_mount(self) -> None:
        doc = self.entry.result.document
        self.title = self.entry.title
        self.sub_title = " · ".join(x for x in (doc.site_name, doc.published) if x)
        self._fill_claims()
        self._fill_posts()
        self._fill_links()
        if self.location.claim_id:
            self.query_one("#claims", RowTable).move_to_key(self.location.claim_id)

    def _lists_width(self) -> int:
        """The width of the lists pane: 3/5 of the screen beside the text, all of it when stacked."""
        width = self.app.size.width
        return width * 3 // 5 if width >= WIDE else width

    def _fill_claims(self) -> None:
        table = self.query_one("#claims", RowTable)
        claim_width = max(24, self._lists_width() - ORIGIN_WIDTH - 12)
        table.add_column("Claim", width=claim_width)
        table.add_column("Origin", width=ORIGIN_WIDTH)
        table.add_column("Hops")
        for claim in self.entry.result.claims:
            cells = (clip(claim.text, claim_width), clip(origin_label(claim), ORIGIN_WIDTH), str(len(claim.chain)))
            table.add_row(*cells, key=claim.id)

    def _fill_posts(self) -> None:
        table = self.query_one("#posts", RowTable)
        for label, width in (("Author", 18), ("Platform", 9), ("Posted", 10), ("Text", 40)):
            table.add_column(label, width=width)
        for post in self.entry.result.posts:
            who = post.author_name or (f"@{post.handle}" if post.handle else "?")
            table.add_row(
                clip(who, 18), post.platform.value, (post.posted or "—")[:10], clip(post.text, 40), key=post.id
            )

    def _fill_links(self) -> None:
        table = self.query_one("#links", RowTable)
        for label, width in (("Kind", 12), ("Anchor", 24), ("URL", 40)):
            table.add_column(label, width=width)
        for index, link in enumerate(self.entry.result.links):
            table.add_row(link.kind.value, clip(link.text, 24), clip(link.url, 40), key=str(index))

    def action_tab(self, name: str) -> None:
        """Show the claims, posts or links tab and move into its table."""
        self.query_one(TabbedContent).active = TABS[name]
        self.query_one(f"#{name}", RowTable).focus()

    def _active(self) -> str:
        active = self.query_one(TabbedContent).active
        return next((name for name, tab in TABS.items() if tab == active), "claims")

    def current_claim(self) -> Claim | None:
        key = self.query_one("#claims", RowTable).current_key
        return self.entry.claim(key) if key else None

    def _current_post(self) -> Post | None:
        key = self.query_one("#posts", RowTable).current_key
        return next((p for p in self.entry.result.posts if p.id == key), None)

    def _current_link(self) -> Link | None:
        key = self.query_one("#links", RowTable).current_key
        return self.entry.result.links[int(key)] if key is not None else None

    def current_url(self) -> str | None:
        active = self._active()
        if active == "posts":
            post = self._current_post()
            return post.url if post else None
        if active == "links":
            link = self._current_link()
            return link.url if link else None
        return self.entry.result.document.url

    def current_text(self) -> str | None:
        active = self._active()
        if active == "posts":
            post = self._current_post()
            return post.text if post else None
        if active == "links":
            link = self._current_link()
            return link.context if link else None
        claim = self.current_claim()
        return claim.text if claim else None

    @on(DataTable.RowHighlighted)
    @on(TabbedContent.TabActivated)
    def _show_current(self) -> None:
        """Highlight, in the text, the item under the cursor of the visible tab (hidden tabs do not count)."""
        item: Claim | Post | Link | None = {
            "claims": self.current_claim,
            "posts": self._current_post,
            "links": self._current_link,
        }[self._active()]()
        if isinstance(item, Claim):
            self.location = Location(ARTICLE, self.entry.key, item.id)
            if item.document_id not in (None, self.entry.key):  # its offsets index another text
                item = None
        start, end = (item.start, item.end) if item is not None else (None, None)
        self.query_one(ArticleText).highlight(start, end)

    @on(DataTable.RowSelected, "#claims")
    def _claim_selected(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value:
            self.tracer.go(Location(CHAIN, self.entry.key, event.row_key.value))

    @on(DataTable.RowSelected, "#posts")
    def _post_selected(self) -> None:
        """A post leads to the first claim taken from it."""
        post = self._current_post()
        claim = next((c for c in self.entry.result.claims if post and c.post_id == post.id), None)
        if claim is None:
            self.notify("No claim was taken from this post.", severity="warning")
            return
        self.action_tab("claims")
        self.query_one("#claims", RowTable).move_to_key(claim.id)

    @on(DataTable.RowSelected, "#links")
    def _link_selected(self) -> None:
        """Following a link traces the page it points at, in the background."""
        link = self._current_link()
        if link:
            self.tracer.follow(link.url, link.text)

    def on_library_changed(self, message: LibraryChanged) -> None:
        """The trail finished for this article: its claims now have their followed origins."""
        entry = self.tracer.library.get(self.entry.key)
        if entry is None or entry is self.entry:
            return
        self.entry = entry
        table = self.query_one("#claims", RowTable)
        keep = table.current_key
        table.clear(columns=True)
        self._fill_claims()
        if keep:
            table.move_to_key(keep)
