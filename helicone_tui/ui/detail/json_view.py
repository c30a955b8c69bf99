"""A read-only view of many lines (a pretty-printed body) that paints only what is visible.

Textual's Line API: the widget reports a virtual size and is asked for one row at a time, so a
159k-line body costs what the screen shows. Long lines are soft-wrapped (``w`` toggles): a
`WrapIndex` maps display rows to (line, char offset) by bisect, so a 4.8 MB line that wraps into
40k rows costs nothing until a row of it is painted. Rendered rows are kept in an LRU cache (as
toolong does) so scrolling back is free. JSON colours are found per source line (a string token
can span many rows) but lazily, only as far into the line as a painted row reaches
(`LineTokens`): the first rows of a 4.8 MB line cost a few kB of tokenizing. The lines arrive
terminal-safe (`body_text` makes them so, in a thread).
"""

from __future__ import annotations

from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Size
from textual.selection import Selection
from textual.strip import Strip

from .body_text import MAX_LINE_CHARS, BodyLines
from .json_highlight import LineTokens
from .line_view import LineView
from .selection_paint import select_segments
from .wrap_index import WrapIndex, build_wrap_index

_KINDS = ("key", "string", "number", "literal", "punct")
# Room for the "… +N chars" marker after a cut line (wrap off).
_MARKER_ROOM = 40
# First column of a continuation row.
_CONTINUATION = "↪"


class JsonView(LineView, can_focus=True):
    """Lines of a body, coloured as JSON when they are JSON, soft-wrapped by default."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        *(f"json-view--{kind}" for kind in _KINDS),
        "json-view--cut",
        "json-view--wrap",
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("g", "top", "Top", show=False),
        Binding("G", "bottom", "Bottom", show=False),
        Binding("w", "toggle_wrap", "Wrap"),
    ]

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._body = BodyLines([], False, 0)
        self._wrap = True
        self._index: WrapIndex | None = None
        self._cache: LRUCache[int, Strip] = LRUCache(2048)
        self._tokens: LRUCache[int, LineTokens] = LRUCache(512)
        self._styles: dict[str, Style] | None = None
        self.lines_rendered = 0
        """How many rows were turned into strips since the last `set_lines` (tests read it)."""

    # Jumps, not animations: animating across 159k lines would paint every frame on the way.
    def action_top(self) -> None:
        self.scroll_home(animate=False)

    def action_bottom(self) -> None:
        self.scroll_end(animate=False)

    def action_toggle_wrap(self) -> None:
        self.set_wrap(not self._wrap)
        self.notify("Soft wrap on" if self._wrap else "Soft wrap off", timeout=2)

    @property
    def wrap(self) -> bool:
        return self._wrap

    @property
    def line_count(self) -> int:
        return len(self._body.lines)

    @property
    def row_count(self) -> int:
        """Display rows (wrapped rows when wrap is on)."""
        return self.virtual_size.height

    @property
    def lines(self) -> list[str]:
        return self._body.lines

    def set_wrap(self, wrap: bool) -> None:
        anchor = self._anchor()
        self._wrap = wrap
        self.set_class(not wrap, "-nowrap")
        self._relayout(anchor)

    def set_lines(self, body: BodyLines) -> None:
        self._body = body
        self._tokens.clear()
        self.lines_rendered = 0
        self._relayout((0, 0))

    def clear(self) -> None:
        self.set_lines(BodyLines([], False, 0))

    def on_resize(self, event: events.Resize) -> None:
        if self._wrap and (self._index is None or self._index.width != self._wrap_width()):
            self._relayout(self._anchor())

    def _wrap_width(self) -> int:
        return self.scrollable_content_region.width

    def _relayout(self, anchor: tuple[int, int]) -> None:
        """Rebuild the row map (width or mode changed) and keep ``anchor`` at the top."""
        self._cache.clear()
        lines = self._body.lines
        width = self._wrap_width()
        if self._wrap and width >= 2:
            self._index = build_wrap_index(lines, self._body.wide, width)
            self.virtual_size = Size(width, self._index.rows)
        else:
            # Not laid out yet (wrap waits for the first resize) or wrap off.
            self._index = None
            self.virtual_size = Size(self._body.width + _MARKER_ROOM, len(lines))
        line, offset = anchor
        row = self._index.row_of(line, offset) if self._index is not None else line
        self.scroll_to(0, row, animate=False, immediate=True, force=True)
        self.refresh()

    def _anchor(self) -> tuple[int, int]:
        """(line, char offset) shown in the top row."""
        row = round(self.scroll_y)
        if self._index is not None and row < self._index.rows:
            span = self._index.locate(row, self._body.lines)
            return span.line, span.start
        return row, 0

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles = None
        self._cache.clear()

    def selection_updated(self, selection: Selection | None) -> None:
        self._cache.clear()
        self.refresh()

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        return selection.extract("\n".join(self._body.lines)), "\n"

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        row = scroll_y + y
        width = self.size.width
        base = self.base_style
        if row >= self._row_limit():
            return Strip.blank(width, base)
        selection = self.text_selection
        strip = self._cache.get(row) if selection is None else None
        if strip is None:
            self.lines_rendered += 1
            strip = self._row_strip(row, base, selection)
            if selection is None:
                self._cache[row] = strip
        if self._index is not None:
            return strip.crop_extend(0, width, base)
        return strip.crop_extend(scroll_x, scroll_x + width, base)

    def _row_limit(self) -> int:
        if self._index is not None:
            return self._index.rows
        # Wrap on but not laid out yet: paint nothing until the first resize builds the index.
        return 0 if self._wrap else len(self._body.lines)

    def _token_styles(self) -> dict[str, Style]:
        if self._styles is None:
            self._styles = {
                kind: self.get_component_rich_style(f"json-view--{kind}", partial=True)
                for kind in (*_KINDS, "cut", "wrap")
            }
        return self._styles

    def _row_strip(self, row: int, base: Style, selection: Selection | None) -> Strip:
        styles = self._token_styles()
        lines = self._body.lines
        if self._index is not None:
            span = self._index.locate(row, lines)
            index, start, end = span.line, span.start, span.end
            # A continuation row's marker sits one column before its text, so the mouse
            # selection's x offsets stay char offsets into the source line.
            x0 = start - 1 if span.part else start
            segments = [Segment(_CONTINUATION, base + styles["wrap"])] if span.part else []
            segments += self._coloured(index, start, end, base)
        else:
            index, x0 = row, 0
            size = len(lines[index])
            segments = self._coloured(index, 0, min(size, MAX_LINE_CHARS), base)
            if size > MAX_LINE_CHARS:
                cut = size - MAX_LINE_CHARS
                note = f" … +{cut:,} chars (w wraps; copy the body for all)"
                segments.append(Segment(note, base + styles["cut"]))
        if selection is not None:
            segments = self._select(segments, selection, index, x0)
        return Strip(segments).apply_offsets(x0, index)

    def _coloured(self, index: int, start: int, end: int, base: Style) -> list[Segment]:
        """Chars ``start:end`` of line ``index`` as segments, coloured as JSON tokens."""
        line = self._body.lines[index]
        if not self._body.is_json:
            return [Segment(line[start:end], base)]
        styles = self._token_styles()
        segments: list[Segment] = []
        position = start
        for token_start, token_end, kind in self._line_tokens(index).spans_in(start, end):
            if token_start > position:
                segments.append(Segment(line[position:token_start], base))
            segments.append(Segment(line[token_start:token_end], base + styles[kind]))
            position = token_end
        if position < end:
            segments.append(Segment(line[position:end], base))
        return segments

    def _line_tokens(self, index: int) -> LineTokens:
        tokens = self._tokens.get(index)
        if tokens is None:
            tokens = LineTokens(self._body.lines[index])
            self._tokens[index] = tokens
        return tokens

    def chars_tokenized(self) -> int:
        """Characters the JSON tokenizer has run over, for the lines it holds (tests read it)."""
        cached = [self._tokens.get(index) for index in list(self._tokens.keys())]
        return sum(tokens.chars_scanned for tokens in cached if tokens is not None)

    def _select(
        self, segments: list[Segment], selection: Selection, index: int, x0: int
    ) -> list[Segment]:
        style = self.screen.get_component_rich_style("screen--selection")
        return select_segments(segments, selection.get_span(index), x0, style)
