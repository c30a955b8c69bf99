"""The Conversation tab: every message in one Line API widget that paints only what is visible.

One widget for the whole conversation, not one per message: Textual lays out every child on
each change, so 500 message widgets cost ~0.5 s of layout to mount and tens of ms per expand
(DESIGN.md §4: layout cost grows with the number of widgets). Here a message is rendered to
strips at the current width when it is first needed and kept; one not rendered yet counts as
`ESTIMATED_ROWS` in the scroll height. Before the first paint only the messages on screen are
built and rendered, so a 500-message conversation paints as fast as a 5-message one; the rest
are measured after it, a time slice per event-loop turn, while the UI answers keys. The rows
at the top of the view stay where they are while messages above them are measured.

A cursor (not Textual focus, so `tab` still leaves the conversation in one step) marks the
message that `enter` expands and "copy focused message" copies; the message under a resting
cursor is re-rendered from its markdown.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events, work
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.selection import Selection
from textual.strip import Strip
from textual.timer import Timer

from .conversation_items import ConversationItem
from .line_view import LineView
from .message_lines import item_markdown_renderable, message_rows, render_rows
from .message_render import item_markdown
from .selection_paint import select_segments

# The scroll height a message counts for until it is rendered (a header, two lines, a margin).
ESTIMATED_ROWS = 4
# Rows between two messages.
MARGIN_ROWS = 1
# Columns before a message's text (a space, the role bar, a space) and after it.
LEFT_COLUMNS = 3
RIGHT_COLUMNS = 1
# After the first paint, the rest is measured in slices of this many seconds, one per
# event-loop turn, so keys are answered meanwhile.
MEASURE_SLICE = 0.008
# The cursor must rest this long before its message is re-rendered as markdown (holding `j`
# must not render markdown per step).
UPGRADE_DELAY = 0.3
# Measuring waits for the first paint (work done before it would delay it), but no longer than
# this if no refresh comes (say, the app is closing).
PAINT_WAIT = 1.0

EMPTY_TEXT = "This request has no conversation to show."
_BAR = "▌"
_FOCUSED_BAR = "█"
_ROLES = ("user", "assistant", "system", "developer", "tool", "error", "event", "notice")


@dataclass(frozen=True, slots=True)
class _Styles:
    """The component styles, looked up once per theme (not once per row)."""

    header: Style
    bars: dict[str, Style]
    cursor: Style
    cursor_focused: Style
    bar_focused: Style


class ConversationView(LineView, can_focus=True):
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "conversation-view--header",
        "conversation-view--bar",
        *(f"conversation-view--bar-{role}" for role in _ROLES),
        "conversation-view--cursor",
        "conversation-view--cursor-focused",
        "conversation-view--bar-focused",
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "cursor_down", "Next message", show=False),
        Binding("up,k", "cursor_up", "Previous message", show=False),
        Binding("enter,space", "toggle_message", "Expand", show=True),
        Binding("e", "expand_all", "Expand all", show=True),
        Binding("home,g", "first", "First message", show=False),
        Binding("end,G", "last", "Last message", show=False),
    ]

    class FirstPaint(Message):
        """The conversation's first screen is painted (benchmarks and tests wait for it).

        ``shown`` messages were rendered and ``built`` items built before it, of ``total``;
        ``painted_at`` is when the paint was done (`time.perf_counter`), which the message
        reaches its handlers some event-loop turns after."""

        def __init__(
            self, view: ConversationView, shown: int, total: int, built: int, painted_at: float
        ) -> None:
            super().__init__()
            self.view = view
            self.shown = shown
            self.total = total
            self.built = built
            self.painted_at = painted_at

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._items: Sequence[ConversationItem] = ()
        self._header: Text | None = None
        self._generation = 0
        self._width = 0
        """The text width everything rendered was rendered at (0: not laid out yet)."""
        self._lead: list[Strip] = []
        """Rows above the first message: the header and its margin, or the empty notice."""
        self._rows: list[list[Strip] | None] = []
        """Each message's rendered rows (without its margin), None until rendered."""
        self._heights: list[int] = []
        self._roles: list[str] = []
        """Each rendered message's role (painting must not reach into the items)."""
        self._starts: list[int] = [0]
        """The first display row of each message, then the total; rebuilt by `_reindex`."""
        self._next_unmeasured = 0
        self._expanded: set[int] = set()
        self._upgraded: set[int] = set()
        self._all_expanded = False
        self._cursor = 0
        self._upgrade_timer: Timer | None = None
        self._paint_style_cache: _Styles | None = None
        self._measuring: int | None = None
        """The generation a measuring loop runs for, if any."""
        self.rendered = 0
        """Messages rendered since the last load or width change (tests and benchmarks)."""
        self.fully_measured = asyncio.Event()
        """Set once every message is rendered at the current width."""

    # -- what is shown ------------------------------------------------------------------------

    @property
    def items(self) -> Sequence[ConversationItem]:
        return self._items

    @property
    def cursor(self) -> int:
        return self._cursor

    @property
    def row_count(self) -> int:
        return self._starts[-1]

    def is_expanded(self, index: int) -> bool:
        return index in self._expanded

    def is_upgraded(self, index: int) -> bool:
        """Whether message ``index`` is shown from its markdown."""
        return index in self._upgraded

    def message_start(self, index: int) -> int:
        """The display row of message ``index``'s header (estimated until those above it are
        rendered)."""
        return self._starts[index]

    def load(self, items: Sequence[ConversationItem], header: Text | None = None) -> None:
        """Show ``items`` (replacing what was shown); returns at once, measuring follows.

        ``items`` may build each item when it is read (`LazyConversation`): only the first
        screen's are read before the first paint."""
        self._generation += 1
        self._items = items
        self._header = header
        self._cursor = 0
        self._all_expanded = False
        self._expanded = set()
        self._upgraded = set()
        self.fully_measured.clear()
        self._forget_rows()
        self.scroll_to(0, 0, animate=False, immediate=True, force=True)
        self._fill_viewport()
        self.refresh()
        self._after_load(self._generation)

    def focused_markdown(self) -> str | None:
        if not self._items:
            return None
        return item_markdown(self._items[min(self._cursor, len(self._items) - 1)])

    # -- rendering and measuring --------------------------------------------------------------

    def _text_width(self) -> int:
        return self.scrollable_content_region.width - LEFT_COLUMNS - RIGHT_COLUMNS

    def _forget_rows(self) -> None:
        """Drop every rendered row (new items, new width, expand all)."""
        count = len(self._items)
        self._rows = [None] * count
        self._heights = [ESTIMATED_ROWS] * count
        self._roles = [""] * count
        self._next_unmeasured = 0
        self.rendered = 0
        width = self._text_width()
        self._width = width if width > 0 else 0
        self._lead = self._render_lead() if self._width else []
        self._reindex()

    def _render_lead(self) -> list[Strip]:
        console = self.app.console
        # Indented by one column, as the messages' bars are.
        width = self._width + LEFT_COLUMNS - 1
        if not self._items:
            return render_rows(console, Text(EMPTY_TEXT), width)
        if self._header is None:
            return []
        return [*render_rows(console, self._header, width), Strip([])]

    def _reindex(self) -> None:
        lead = len(self._lead)
        # In C (map, accumulate): this runs after every slice of measuring.
        self._starts = list(accumulate(map(MARGIN_ROWS.__add__, self._heights), initial=lead))
        size = Size(self.scrollable_content_region.width, self._starts[-1])
        if size != self.virtual_size:
            self.virtual_size = size

    def _render_message(self, index: int) -> None:
        """Render message ``index`` at the current width (its height may change)."""
        item = self._items[index]
        expanded = index in self._expanded
        markdown = None
        if index in self._upgraded:
            markdown = item_markdown_renderable(
                item, expanded=expanded, dark=self.app.current_theme.dark
            )
            if markdown is None:
                self._upgraded.discard(index)
        rows = message_rows(
            self.app.console, item, index + 1, self._width, expanded=expanded, markdown=markdown
        )
        self._rows[index] = rows
        self._heights[index] = len(rows)
        self._roles[index] = item.role
        self.rendered += 1

    def _message_at(self, row: int) -> int | None:
        """The message whose rows (margin included) hold display row ``row``."""
        index = bisect_right(self._starts, row) - 1
        return index if 0 <= index < len(self._items) else None

    def _anchor(self) -> tuple[int, int] | None:
        """(message, row within it) at the top of the view, to keep there across a re-index."""
        top = round(self.scroll_y)
        if top == 0:
            return None  # the top stays the top (the header too, when it first gets rows)
        index = self._message_at(top)
        return None if index is None else (index, top - self._starts[index])

    def _restore(self, anchor: tuple[int, int] | None) -> None:
        if anchor is not None:
            index, offset = anchor
            offset = min(offset, self._heights[index] + MARGIN_ROWS - 1)
            self.scroll_to(y=self._starts[index] + offset, animate=False, immediate=True)

    def _fill_viewport(self) -> None:
        """Render every message that shows in the viewport (none before the first layout)."""
        if not self._width:
            return
        top = round(self.scroll_y)
        bottom = top + self.scrollable_content_region.height
        index = self._message_at(top)
        if index is None:
            index = 0 if top < len(self._lead) else len(self._items)
        changed = False
        position = self._starts[index] if index < len(self._items) else bottom
        while index < len(self._items) and position < bottom:
            if self._rows[index] is None:
                self._render_message(index)
                changed = True
            position += self._heights[index] + MARGIN_ROWS
            index += 1
        if changed:
            self._reindex()

    @work(group="conversation", exit_on_error=False)
    async def _after_load(self, generation: int) -> None:
        self._measuring = generation  # a resize before the first paint must not measure yet
        painted = asyncio.Event()

        def after_paint() -> None:
            if generation != self._generation:
                return
            if not self._width:
                # That paint came before this view was laid out (the pane was just shown):
                # the conversation's first paint is the one after its first resize.
                self.call_after_refresh(after_paint)
                return
            painted_at = time.perf_counter()
            painted.set()
            items = self._items
            built = getattr(items, "built", len(items))
            first_paint = self.FirstPaint(self, self.rendered, len(items), built, painted_at)
            self.post_message(first_paint)

        self.call_after_refresh(after_paint)
        # Nothing more before the first paint: the screen refreshes on a timer (up to a frame
        # away), and rows rendered meanwhile would be paid for in that paint.
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(painted.wait(), PAINT_WAIT)
        await self._measure_rest(generation)

    @work(group="conversation", exit_on_error=False)
    async def _measure_again(self, generation: int) -> None:
        await self._measure_rest(generation)

    async def _measure_rest(self, generation: int) -> None:
        """Render every message not rendered yet, a slice per event-loop turn, until a newer
        load (a newer generation) takes over. Workers are never cancelled: a load leaves the
        old loop to see the new generation and end on its own."""
        self._measuring = generation
        try:
            while generation == self._generation:
                if self._width:
                    self._measure_slice()
                    if self._next_unmeasured >= len(self._items):
                        self.fully_measured.set()
                        return
                await asyncio.sleep(0.005)
        finally:
            if self._measuring == generation:
                self._measuring = None

    def _measure_slice(self) -> None:
        deadline = time.perf_counter() + MEASURE_SLICE
        anchor = self._anchor()
        rendered = False
        while self._next_unmeasured < len(self._items):
            index = self._next_unmeasured
            self._next_unmeasured += 1
            if self._rows[index] is None:
                self._render_message(index)
                rendered = True
                if time.perf_counter() > deadline:
                    break
        if rendered:
            self._reindex()
            self._restore(anchor)
            self.refresh()

    def _remeasure(self) -> None:
        """Measure everything again (after a width change or expand all)."""
        self.fully_measured.clear()
        if self._measuring != self._generation:
            self._measure_again(self._generation)

    def _render_all_again(self) -> None:
        """Render every message again (a new width, expand all), from the one at the top."""
        anchor = self._anchor()
        self._forget_rows()
        if anchor is not None:
            self._restore((anchor[0], 0))
        self._fill_viewport()
        self._remeasure()

    def on_resize(self, event: events.Resize) -> None:
        if self._text_width() != self._width:
            self._render_all_again()
        self.refresh()

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if round(old_value) != round(new_value):
            self._fill_viewport()

    # -- painting -----------------------------------------------------------------------------

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._paint_style_cache = None

    def _paint_styles(self) -> _Styles:
        if self._paint_style_cache is None:
            style = self.get_component_rich_style
            bar = style("conversation-view--bar", partial=True)
            self._paint_style_cache = _Styles(
                header=style("conversation-view--header", partial=True),
                bars={
                    role: style(f"conversation-view--bar-{role}", partial=True, default=bar)
                    for role in _ROLES
                },
                cursor=self._background("conversation-view--cursor"),
                cursor_focused=self._background("conversation-view--cursor-focused"),
                bar_focused=style("conversation-view--bar-focused", partial=True),
            )
        return self._paint_style_cache

    def _background(self, component: str) -> Style:
        """A component's background blended over this widget's: Rich styles have no alpha,
        and `$boost` is a tint."""
        tint = self.get_component_styles(component).background
        return Style(bgcolor=(self.background_colors[1] + tint).rich_color)

    def render_line(self, y: int) -> Strip:
        painting = self.painting
        base = self.base_style
        width = self.size.width
        row = round(self.scroll_y) + y
        styles = self._paint_styles()
        if row < len(self._lead):
            text = self._lead[row]
            header = base + styles.header
            return self._row_strip(row, text, base, header, None, width, offsets=not painting)
        index = self._message_at(row)
        if index is None:
            return Strip.blank(width, base)
        line = row - self._starts[index]
        rows = self._rows[index]
        if rows is None:
            # Not rendered yet (a paint raced a scroll): render it on the next turn.
            self.call_later(self._fill_viewport)
            return Strip.blank(width, base)
        if line >= len(rows):
            return Strip.blank(width, base)
        background = base
        bar_style = styles.bars.get(self._roles[index], styles.bars["notice"])
        bar = _BAR
        if index == self._cursor:
            if self.has_focus:
                background = base + styles.cursor_focused
                bar, bar_style = _FOCUSED_BAR, styles.bar_focused
            else:
                background = base + styles.cursor
        gutter = [Segment(" ", base), Segment(bar, base + bar_style), Segment(" ", background)]
        text = rows[line]
        return self._row_strip(row, text, base, background, gutter, width, offsets=not painting)

    def _row_strip(
        self,
        row: int,
        text: Strip,
        base: Style,
        background: Style,
        gutter: list[Segment] | None,
        width: int,
        *,
        offsets: bool = True,
    ) -> Strip:
        """Display row ``row``: ``gutter`` (one space without), ``text`` over ``background``,
        padded to ``width``.

        Character offsets (for the mouse selection) are added only when Textual asks for a
        row outside a paint: it finds where a mouse press landed by calling `render_line`
        again, and painted rows never need them. They were a third of the cost of a row.
        """
        text = self._selected(text, row).apply_style(background)
        if offsets:
            text = text.apply_offsets(0, row)
        room = width - (len(gutter) if gutter else 1)
        if text.cell_length > room:
            text = text.crop(0, room)
        segments = gutter if gutter is not None else [Segment(" ", base)]
        segments.extend(text)
        if room > text.cell_length:
            segments.append(Segment(" " * (room - text.cell_length), background))
        return Strip(segments, max(width, 0))

    # -- mouse selection ----------------------------------------------------------------------

    def _selected(self, strip: Strip, row: int) -> Strip:
        """``strip`` (the text of display row ``row``) with the selected part highlighted."""
        selection = self.text_selection
        span = selection.get_span(row) if selection is not None else None
        if span is None:
            return strip
        style = self.screen.get_component_rich_style("screen--selection")
        return Strip(select_segments(list(strip), span, 0, style))

    def selection_updated(self, selection: Selection | None) -> None:
        self.refresh()

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        """The selected text: display rows as shown (wrapped), bars and margins left out."""
        lines = [strip.text for strip in self._lead]
        for index, rows in enumerate(self._rows):
            if rows is None:
                lines.extend([""] * self._heights[index])
            else:
                lines.extend(strip.text for strip in rows)
            lines.extend([""] * MARGIN_ROWS)
        return selection.extract("\n".join(lines)), "\n"

    # -- cursor, expanding, markdown ----------------------------------------------------------

    def _refresh_message(self, index: int) -> None:
        """Render message ``index`` again (expanded, collapsed, upgraded), keeping the view."""
        if not 0 <= index < len(self._items) or not self._width:
            return
        anchor = self._anchor()
        self._render_message(index)
        self._reindex()
        if anchor is not None and anchor[0] != index:
            self._restore(anchor)
        self._fill_viewport()
        self.refresh()

    def _scroll_to_message(self, index: int) -> None:
        """Scroll as little as needed to show message ``index`` (its top when taller than the
        view; the conversation's header too for the first message)."""
        if self._rows[index] is None and self._width:
            self._render_message(index)
            self._reindex()
        start, height = self._starts[index], self._heights[index]
        if index == 0:
            start = 0
            height += len(self._lead)
        top = round(self.scroll_y)
        view = self.scrollable_content_region.height
        if start < top or height > view:
            target = start
        elif start + height > top + view:
            target = start + height - view
        else:
            target = top
        if target != top:
            self.scroll_to(y=target, animate=False, immediate=True)
        self._fill_viewport()

    async def move_cursor(self, index: int) -> None:
        if not self._items:
            return
        self._cursor = max(0, min(index, len(self._items) - 1))
        self._scroll_to_message(self._cursor)
        self.refresh()
        self._schedule_upgrade()

    def _schedule_upgrade(self) -> None:
        if self._upgrade_timer is not None:
            self._upgrade_timer.stop()
        # Focus is checked when the timer fires: in `on_focus`, `has_focus` is still False.
        if self._items:
            self._upgrade_timer = self.set_timer(UPGRADE_DELAY, self._upgrade_cursor)

    def _upgrade_cursor(self) -> None:
        index = self._cursor
        if self.has_focus and 0 <= index < len(self._items) and index not in self._upgraded:
            self._upgraded.add(index)
            self._refresh_message(index)
            # Markdown may be taller: keep the message in view (`G` must show the end).
            self._scroll_to_message(index)

    def on_focus(self) -> None:
        self.refresh()
        self._schedule_upgrade()

    def on_blur(self) -> None:
        self.refresh()

    async def action_cursor_down(self) -> None:
        await self.move_cursor(self._cursor + 1)

    async def action_cursor_up(self) -> None:
        await self.move_cursor(self._cursor - 1)

    async def action_first(self) -> None:
        await self.move_cursor(0)

    async def action_last(self) -> None:
        await self.move_cursor(len(self._items) - 1)

    def action_toggle_message(self) -> None:
        index = self._cursor
        if not 0 <= index < len(self._items):
            return
        if index in self._expanded:
            self._expanded.discard(index)
        else:
            self._expanded.add(index)
        self._upgraded.add(index)
        self._refresh_message(index)
        self._scroll_to_message(index)

    def action_expand_all(self) -> None:
        """Expand every message (again: collapse them all). Stays as plain text: markdown for
        hundreds of messages is exactly the stall this view avoids."""
        self._all_expanded = not self._all_expanded
        self._expanded = set(range(len(self._items))) if self._all_expanded else set()
        self._upgraded = set()
        self._render_all_again()
        self.refresh()

    async def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        index = self._message_at(round(self.scroll_y) + offset.y)
        if index is None:
            return
        if index == self._cursor and event.chain == 2:
            self.action_toggle_message()
        else:
            await self.move_cursor(index)
