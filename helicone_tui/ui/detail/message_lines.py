"""One conversation item as rows of strips at a given width: what `ConversationView` paints.

Plain Rich text by default (cheap: a 500-message conversation is 500 of these, rendered
lazily); the message under a resting cursor is rendered from its markdown instead. The texts
come from `message_render`, which makes everything from the API terminal-safe; nothing here
interprets markup.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, ClassVar

from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.text import Text
from textual.strip import Strip

from .conversation_items import ConversationItem
from .message_render import body_text, header_text, item_markdown

if TYPE_CHECKING:
    from rich.markdown import Markdown, MarkdownElement

# Rich's markdown costs about what Textual's `Markdown` widget did (~35 ms for a long message)
# and grows with the text: a longer message stays plain text.
MARKDOWN_MAX_CHARS = 30_000


def render_rows(console: Console, renderable: RenderableType, width: int) -> list[Strip]:
    """``renderable`` wrapped at ``width`` cells, a strip per row (not padded)."""
    width = max(1, width)
    if isinstance(renderable, Text):
        # Text wraps itself: a third of the cost of going through `Console.render_lines`,
        # which is most of a message's rendering.
        return [
            Strip(list(line.render(console)), line.cell_len)
            for line in renderable.wrap(console, width)
        ]
    options = console.options.update_width(width)
    return [Strip(line) for line in console.render_lines(renderable, options, pad=False)]


def header_row(
    console: Console, item: ConversationItem, number: int, width: int, *, expanded: bool
) -> Strip:
    """The item's header: one row, cut with an ellipsis rather than wrapped."""
    header = header_text(item, number, expanded=expanded)
    header.truncate(max(1, width), overflow="ellipsis")
    return Strip(list(header.render(console)), header.cell_len)


def item_markdown_renderable(
    item: ConversationItem, *, expanded: bool, dark: bool
) -> RenderableType | None:
    """The item's body as Rich markdown, or None when too long (or empty) to be worth it."""
    markdown = item_markdown(item, heading=False, expanded=expanded)
    if len(markdown) > MARKDOWN_MAX_CHARS or not markdown.strip():
        return None
    # ANSI code themes follow the terminal's palette (Textual maps it to the app's theme), and
    # links stay text: a link escape from an untrusted body must never reach the terminal.
    theme = "ansi_dark" if dark else "ansi_light"
    return _markdown_class()(markdown, code_theme=theme, hyperlinks=False)


@cache
def _markdown_class() -> type[Markdown]:
    """Rich's `Markdown` with code blocks framed by one column, not a blank row above and
    below (tool calls and results are mostly code: the blank rows doubled their height).
    Made on first use: markdown-it is only needed once a cursor rests on a message."""
    from rich.markdown import CodeBlock, Markdown
    from rich.syntax import Syntax

    class CompactCodeBlock(CodeBlock):
        def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
            code = str(self.text).rstrip()
            yield Syntax(code, self.lexer_name, theme=self.theme, word_wrap=True, padding=(0, 1))

    class CompactMarkdown(Markdown):
        elements: ClassVar[dict[str, type[MarkdownElement]]] = {
            **Markdown.elements,
            "fence": CompactCodeBlock,
            "code_block": CompactCodeBlock,
        }

    return CompactMarkdown


def message_rows(
    console: Console,
    item: ConversationItem,
    number: int,
    width: int,
    *,
    expanded: bool,
    markdown: RenderableType | None = None,
) -> list[Strip]:
    """The rows of ``item`` at ``width``: its header, then its body as text (or ``markdown``)."""
    rows = [header_row(console, item, number, width, expanded=expanded)]
    body: RenderableType = markdown if markdown is not None else body_text(item, expanded=expanded)
    if isinstance(body, Text) and not body:
        return rows
    rows.extend(render_rows(console, body, width))
    return rows
