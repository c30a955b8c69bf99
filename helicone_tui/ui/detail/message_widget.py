"""One message of the conversation: cheap text until the user expands or focuses it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Markdown, Static

from .conversation_items import ConversationItem
from .message_render import header_text, item_markdown, render_item

# Markdown widgets cost ~35 ms each and grow with the text: only this much is upgraded.
MARKDOWN_MAX_CHARS = 30_000


class MessageWidget(Vertical):
    """A conversation item rendered as one `Static` of Rich text (literal, never markup).

    `upgrade()` swaps the body for a `Markdown` widget; only the focused or expanded message
    pays for that.
    """

    def __init__(self, item: ConversationItem, number: int, *, expanded: bool = False) -> None:
        super().__init__(classes=f"message -role-{item.role}")
        self.item = item
        self.number = number
        self.expanded = expanded
        self._text = Static(render_item(item, number, expanded=expanded), markup=False)
        self._text.add_class("message-text")
        self._markdown: Markdown | None = None

    @property
    def upgraded(self) -> bool:
        return self._markdown is not None

    def compose(self) -> ComposeResult:
        yield self._text

    def set_expanded(self, expanded: bool) -> None:
        if expanded == self.expanded:
            return
        self.expanded = expanded
        self._rerender()

    def upgrade(self) -> None:
        """Show the body as markdown (when small enough to render without a stall)."""
        if self._markdown is not None:
            return
        markdown = item_markdown(self.item, heading=False, expanded=self.expanded)
        if len(markdown) > MARKDOWN_MAX_CHARS or not markdown.strip():
            return
        self._markdown = Markdown(markdown, open_links=False, classes="message-markdown")
        self._text.update(header_text(self.item, self.number, expanded=self.expanded))
        self.mount(self._markdown)

    def _rerender(self) -> None:
        if self._markdown is not None:
            markdown = item_markdown(self.item, heading=False, expanded=self.expanded)
            if len(markdown) <= MARKDOWN_MAX_CHARS:
                self._text.update(header_text(self.item, self.number, expanded=self.expanded))
                self._markdown.update(markdown)
                return
            self._markdown.remove()
            self._markdown = None
        self._text.update(render_item(self.item, self.number, expanded=self.expanded))
