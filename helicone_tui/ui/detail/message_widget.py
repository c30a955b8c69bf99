"""One message of the conversation: cheap text until the user expands or focuses it."""

from __future__ import annotations

from textual.widget import Widget
from textual.widgets import Markdown, Static

from .conversation_items import ConversationItem
from .message_render import header_text, item_markdown, render_item

# Markdown widgets cost ~35 ms each and grow with the text: only this much is upgraded.
MARKDOWN_MAX_CHARS = 30_000
# detail.tcss: `.message` has a left border and one column of padding each side, and one row
# of bottom margin.
CHROME_COLUMNS = 3
MARGIN_ROWS = 1


class MessageWidget(Static):
    """A conversation item rendered as Rich text (literal, never markup): one widget per
    message, because layout cost grows with the number of widgets.

    `upgrade()` shows the body as a `Markdown` widget mounted right after this one (which keeps
    only the header line); only the focused or expanded message pays for that.
    """

    def __init__(self, item: ConversationItem, number: int, *, expanded: bool = False) -> None:
        text = render_item(item, number, expanded=expanded)
        super().__init__(text, markup=False, classes=f"message -role-{item.role}")
        self._lines = text.plain.split("\n")
        self.item = item
        self.number = number
        self.expanded = expanded
        self.markdown: Markdown | None = None

    def estimated_height(self, width: int) -> int:
        """Rows this message takes (its margin included) at ``width`` columns of the view, as
        first rendered: no more than it will take (a long word wraps early), so a screen
        filled by estimate is filled."""
        width = max(1, width - CHROME_COLUMNS)
        rows = 1 + MARGIN_ROWS  # the header line never wraps
        for line in self._lines[1:]:
            rows += max(1, -(-len(line) // width))
        return rows

    @property
    def upgraded(self) -> bool:
        return self.markdown is not None

    def set_expanded(self, expanded: bool) -> None:
        if expanded == self.expanded:
            return
        self.expanded = expanded
        self._rerender()

    def upgrade(self) -> None:
        """Show the body as markdown (when small enough to render without a stall)."""
        parent = self.parent
        if self.markdown is not None or not isinstance(parent, Widget):
            return
        markdown = item_markdown(self.item, heading=False, expanded=self.expanded)
        if len(markdown) > MARKDOWN_MAX_CHARS or not markdown.strip():
            return
        self.markdown = Markdown(markdown, open_links=False, classes="message-markdown")
        for role_class in self.classes:
            if role_class.startswith("-role-"):
                self.markdown.add_class(role_class)
        if self.has_class("-cursor"):
            self.markdown.add_class("-cursor")
        self.add_class("-upgraded")
        self.update(header_text(self.item, self.number, expanded=self.expanded))
        parent.mount(self.markdown, after=self)

    def set_cursor(self, on: bool) -> None:
        self.set_class(on, "-cursor")
        if self.markdown is not None:
            self.markdown.set_class(on, "-cursor")

    def _rerender(self) -> None:
        if self.markdown is not None:
            markdown = item_markdown(self.item, heading=False, expanded=self.expanded)
            if len(markdown) <= MARKDOWN_MAX_CHARS:
                self.update(header_text(self.item, self.number, expanded=self.expanded))
                self.markdown.update(markdown)
                return
            self.markdown.remove()
            self.markdown = None
            self.remove_class("-upgraded")
        self.update(render_item(self.item, self.number, expanded=self.expanded))
