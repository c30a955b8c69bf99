"""A read-only view of many lines (a pretty-printed body) that paints only what is visible.

Textual's Line API: the widget reports a virtual size and is asked for one line at a time, so a
159k-line body costs what the screen shows. Rendered lines are kept in an LRU cache (as toolong
does) so scrolling back is free. Text is made terminal-safe and coloured only when painted.
"""

from __future__ import annotations

from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.selection import Selection
from textual.strip import Strip

from helicone_tui.text_safety import sanitize_text

from .body_text import MAX_LINE_CHARS, BodyLines
from .json_highlight import json_line_spans

_KINDS = ("key", "string", "number", "literal", "punct")
# Room for the "… +N chars" marker after a cut line.
_MARKER_ROOM = 40


class JsonView(ScrollView, can_focus=True):
    """Lines of a body, coloured as JSON when they are JSON."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        *(f"json-view--{kind}" for kind in _KINDS),
        "json-view--cut",
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("g", "top", "Top", show=False),
        Binding("G", "bottom", "Bottom", show=False),
    ]

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._lines: list[str] = []
        self._is_json = False
        self._cache: LRUCache[int, Strip] = LRUCache(2048)
        self._styles: dict[str, Style] | None = None
        self.lines_rendered = 0
        """How many lines were turned into strips since the last `set_lines` (tests read it)."""

    # Jumps, not animations: animating across 159k lines would paint every frame on the way.
    def action_top(self) -> None:
        self.scroll_home(animate=False)

    def action_bottom(self) -> None:
        self.scroll_end(animate=False)

    @property
    def line_count(self) -> int:
        return len(self._lines)

    @property
    def lines(self) -> list[str]:
        return self._lines

    def set_lines(self, body: BodyLines) -> None:
        self._lines = body.lines
        self._is_json = body.is_json
        self._cache.clear()
        self.lines_rendered = 0
        self.virtual_size = Size(body.width + _MARKER_ROOM, len(body.lines))
        self.scroll_to(0, 0, animate=False, immediate=True)
        self.refresh()

    def clear(self) -> None:
        self.set_lines(BodyLines([], False, 0))

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles = None
        self._cache.clear()

    def selection_updated(self, selection: Selection | None) -> None:
        self._cache.clear()
        self.refresh()

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        return selection.extract("\n".join(self._lines)), "\n"

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        index = scroll_y + y
        width = self.size.width
        base = self.rich_style
        if index >= len(self._lines):
            return Strip.blank(width, base)
        strip = self._strip(index, base)
        return strip.crop_extend(scroll_x, scroll_x + width, base).apply_offsets(scroll_x, index)

    def _token_styles(self) -> dict[str, Style]:
        if self._styles is None:
            self._styles = {
                kind: self.get_component_rich_style(f"json-view--{kind}", partial=True)
                for kind in (*_KINDS, "cut")
            }
        return self._styles

    def _strip(self, index: int, base: Style) -> Strip:
        selection = self.text_selection
        cached = self._cache.get(index) if selection is None else None
        if cached is not None:
            return cached
        self.lines_rendered += 1
        raw = self._lines[index]
        cut = len(raw) - MAX_LINE_CHARS
        line = sanitize_text(raw[:MAX_LINE_CHARS] if cut > 0 else raw)
        styles = self._token_styles()
        segments: list[Segment] = []
        if self._is_json:
            position = 0
            for start, end, kind in json_line_spans(line):
                if start > position:
                    segments.append(Segment(line[position:start], base))
                segments.append(Segment(line[start:end], base + styles[kind]))
                position = end
            if position < len(line):
                segments.append(Segment(line[position:], base))
        else:
            segments.append(Segment(line, base))
        if cut > 0:
            segments.append(
                Segment(f" … +{cut:,} chars (copy the body for all)", base + styles["cut"])
            )
        if selection is not None:
            segments = self._select(segments, selection, index)
        strip = Strip(segments)
        if selection is None:
            self._cache[index] = strip
        return strip

    def _select(self, segments: list[Segment], selection: Selection, index: int) -> list[Segment]:
        span = selection.get_span(index)
        if span is None:
            return segments
        start, end = span
        text = "".join(segment.text for segment in segments)
        end = len(text) if end == -1 else end
        style = self.screen.get_component_rich_style("screen--selection")
        selected: list[Segment] = []
        offset = 0
        for segment in segments:
            seg_start, seg_end = offset, offset + len(segment.text)
            offset = seg_end
            for part_start, part_end, extra in (
                (seg_start, min(seg_end, start), None),
                (max(seg_start, start), min(seg_end, end), style),
                (max(seg_start, end), seg_end, None),
            ):
                if part_end > part_start:
                    piece = segment.text[part_start - seg_start : part_end - seg_start]
                    seg_style = segment.style + extra if extra and segment.style else extra
                    selected.append(Segment(piece, seg_style or segment.style))
        return selected
