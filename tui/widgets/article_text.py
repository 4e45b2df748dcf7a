"""The article's text, one widget per paragraph, with the selected claim highlighted."""

from __future__ import annotations

from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from tracer import TraceResult

CLAIM_STYLE = "reverse"  # reverse video reads on any terminal theme, light or dark
LINK_STYLE = "underline"


class ArticleText(VerticalScroll):
    """The document text as paragraphs; `highlight` marks a span and scrolls to it."""

    def __init__(self, result: TraceResult, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.result = result
        self.spans = _paragraph_spans(result.document.text)
        self.highlighted: tuple[int, int] | None = None

    def compose(self):  # type: ignore[no-untyped-def]
        if not self.result.document.text.strip():
            yield Static("(no article text)", classes="empty")
        for index, _ in enumerate(self.spans):
            yield Static(self._render_paragraph(index), classes="paragraph")

    def highlight(self, start: int | None, end: int | None) -> None:
        """Highlight `[start, end)` of the document text and scroll its first paragraph into view.

        Only the paragraphs that gain or lose the highlight are redrawn, so moving through the
        claims of a long article stays instant.
        """
        before = self._marked()
        self.highlighted = (start, end) if start is not None and end is not None else None
        after = self._marked()
        paragraphs = list(self.query(".paragraph").results(Static))
        for index in sorted(set(before) | set(after)):
            paragraphs[index].update(self._render_paragraph(index))
        if after:
            # After the refresh: on a new screen the paragraphs' heights are not laid out yet.
            self.call_after_refresh(self.scroll_to_widget, paragraphs[after[0]], animate=False, top=True)

    def _marked(self) -> list[int]:
        return [index for index in range(len(self.spans)) if self._overlaps(index)]

    def _overlaps(self, index: int) -> bool:
        if self.highlighted is None:
            return False
        start, end = self.spans[index]
        return self.highlighted[0] < end and self.highlighted[1] > start

    def _render_paragraph(self, index: int) -> Text:
        start, end = self.spans[index]
        text = Text(self.result.document.text[start:end])
        for link in self.result.links:
            _stylize(text, start, end, link.start, link.end, LINK_STYLE)
        if self.highlighted is not None:
            _stylize(text, start, end, *self.highlighted, CLAIM_STYLE)
        return text


def _stylize(text: Text, para_start: int, para_end: int, start: int, end: int, style: str) -> None:
    if start < para_end and end > para_start:
        text.stylize(style, max(start, para_start) - para_start, min(end, para_end) - para_start)


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Offsets of the non-blank lines of the text: the document model puts a paragraph per line."""
    spans = []
    offset = 0
    for line in text.split("\n"):
        if line.strip():
            spans.append((offset, offset + len(line)))
        offset += len(line) + 1
    return spans
