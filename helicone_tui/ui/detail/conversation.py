"""The Conversation tab: every message, mounted in small batches so the first screen is instant.

Messages are cheap `Static` text (DESIGN.md §4: 200 `Markdown` widgets take 7 s, as text 0.26 s).
The first batch is mounted at once; the rest follow a batch per event-loop turn, so a
500-message conversation paints as fast as a 5-message one and the UI answers keys meanwhile.
A cursor (not Textual focus, so `tab` still leaves the conversation in one step) marks the
message that `enter` expands and "copy focused message" copies; the message under a resting
cursor is upgraded to markdown.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual import events, work
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Static

from .conversation_items import ConversationItem
from .message_render import item_markdown
from .message_widget import MessageWidget

# Before the first paint only what fills the viewport is built and mounted (estimated from
# each message's text), plus this many messages; the rest follows after the first paint.
FIRST_SCREEN_MARGIN = 1
# When the viewport's size is not known yet: enough for a 200x60 terminal (a message is at
# least 3 rows).
FIRST_BATCH = 20
BATCH = 40
# The cursor must rest this long before its message is upgraded to markdown (holding `j`
# must not build a markdown widget per step).
UPGRADE_DELAY = 0.3
# The work after the first paint waits for it (a batch mounted before it would be laid out
# and drawn in it), but no longer than this if no refresh comes (say, the app is closing).
PAINT_WAIT = 1.0


class ConversationView(VerticalScroll, can_focus=True):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "cursor_down", "Next message", show=False),
        Binding("up,k", "cursor_up", "Previous message", show=False),
        Binding("enter,space", "toggle_message", "Expand", show=True),
        Binding("e", "expand_all", "Expand all", show=True),
        Binding("home,g", "first", "First message", show=False),
        Binding("end,G", "last", "Last message", show=False),
    ]

    class FirstPaint(Message):
        """The first batch of messages is on screen (benchmarks and tests wait for it).

        ``shown`` messages were mounted and ``built`` items built before it, of ``total``."""

        def __init__(self, view: ConversationView, shown: int, total: int, built: int) -> None:
            super().__init__()
            self.view = view
            self.shown = shown
            self.total = total
            self.built = built

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._items: Sequence[ConversationItem] = ()
        self._header: Text | None = None
        self._widgets: list[MessageWidget] = []
        self._generation = 0
        self._cursor = 0
        self._all_expanded = False
        self._upgrade_timer: Timer | None = None
        self._box: Vertical | None = None
        self._retired: list[Vertical] = []
        self.fully_mounted = asyncio.Event()

    @property
    def items(self) -> Sequence[ConversationItem]:
        return self._items

    @property
    def cursor(self) -> int:
        return self._cursor

    @property
    def message_widgets(self) -> list[MessageWidget]:
        return self._widgets

    def load(self, items: Sequence[ConversationItem], header: Text | None = None) -> None:
        """Show ``items`` (replacing what was shown); returns at once, mounting follows.

        ``items`` may build each item when it is read (`LazyConversation`): only the first
        screen's are read before the first paint."""
        self._generation += 1
        self._items = items
        self._header = header
        self._cursor = 0
        self._all_expanded = False
        self.fully_mounted.clear()
        self._rebuild(self._generation)

    def focused_markdown(self) -> str | None:
        if not self._items:
            return None
        return item_markdown(self._items[min(self._cursor, len(self._items) - 1)])

    @work(group="conversation", exclusive=True, exit_on_error=False)
    async def _rebuild(self, generation: int) -> None:
        # Messages live in one box per load. The old box is hidden at once and emptied in
        # batches after the new one is painted: removing 500 widgets in one go would delay
        # the next request's first paint by the length of the previous conversation. A box
        # stays in `_retired` until it is gone, so a load that cancels this worker (exclusive)
        # before then disposes of it instead.
        old = self._box
        if old is not None:
            self._retired.append(old)
        box = Vertical(classes="conversation-box")
        self._box = box
        self._widgets = []
        first: list[Widget] = []
        if self._header is not None:
            first.append(Static(self._header, markup=False, classes="conversation-header"))
        if not self._items:
            first.append(
                Static("This request has no conversation to show.", classes="conversation-empty")
            )
        first.extend(self._first_screen())
        with self.app.batch_update():
            if old is not None:
                old.display = False
            await self.mount(box)
            await box.mount_all(first)
            self.scroll_home(animate=False, immediate=True)
            self._mark_cursor(None, 0)
        built = getattr(self._items, "built", len(self._items))
        first_paint = self.FirstPaint(self, len(self._widgets), len(self._items), built)
        painted = asyncio.Event()

        def after_paint() -> None:
            painted.set()
            self.post_message(first_paint)

        self.call_after_refresh(after_paint)
        # Nothing more before the first paint: the screen refreshes on a timer (up to a frame
        # away), and batches mounted or removed meanwhile would be paid for in that paint.
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(painted.wait(), PAINT_WAIT)
        while self._retired:
            await self._dispose(self._retired[0])
            del self._retired[0]
        while len(self._widgets) < len(self._items):
            await self._next_turn()
            if generation != self._generation:
                return
            # Each mount lays out every message mounted so far: growing batches keep the
            # total layout work linear in the conversation's length.
            await box.mount_all(self._next_widgets(max(BATCH, len(self._widgets))))
        self.fully_mounted.set()

    async def _dispose(self, box: Vertical) -> None:
        children = list(box.children)
        while children:
            await self._next_turn()
            batch, children = children[:BATCH], children[BATCH:]
            await box.remove_children(batch)
        await box.remove()

    async def _next_turn(self) -> None:
        """Let input and painting run between two batches."""
        await asyncio.sleep(0.005)

    def _first_screen(self) -> list[MessageWidget]:
        """The messages that fill the viewport (by their text's estimated height), plus
        `FIRST_SCREEN_MARGIN`."""
        region = self.scrollable_content_region
        if region.height <= 0 or region.width <= 0:
            return self._next_widgets(FIRST_BATCH)
        rows = 2 if self._header is not None else 0  # the header line and its margin
        new: list[MessageWidget] = []
        extra = FIRST_SCREEN_MARGIN
        while len(self._widgets) < len(self._items) and extra >= 0:
            widget = self._next_widgets(1)[0]
            new.append(widget)
            rows += widget.estimated_height(region.width)
            if rows >= region.height:
                extra -= 1
        return new

    def _next_widgets(self, count: int) -> list[MessageWidget]:
        start = len(self._widgets)
        new = [
            MessageWidget(item, number, expanded=self._all_expanded)
            for number, item in enumerate(self._items[start : start + count], start + 1)
        ]
        self._widgets.extend(new)
        return new

    async def _mount_through(self, index: int) -> None:
        missing = index + 1 - len(self._widgets)
        if missing > 0 and self._box is not None:
            await self._box.mount_all(self._next_widgets(missing))

    # -- cursor -------------------------------------------------------------------------------

    def _mark_cursor(self, old: int | None, new: int) -> None:
        if old is not None and 0 <= old < len(self._widgets):
            self._widgets[old].set_cursor(False)
        if 0 <= new < len(self._widgets):
            self._widgets[new].set_cursor(True)

    async def move_cursor(self, index: int) -> None:
        if not self._items:
            return
        index = max(0, min(index, len(self._items) - 1))
        await self._mount_through(index)
        old, self._cursor = self._cursor, index
        self._mark_cursor(old, index)
        widget = self._widgets[index]
        self.call_after_refresh(self.scroll_to_widget, widget, animate=False, top=False)
        self._schedule_upgrade()

    def _schedule_upgrade(self) -> None:
        if self._upgrade_timer is not None:
            self._upgrade_timer.stop()
        if self.has_focus and self._widgets:
            self._upgrade_timer = self.set_timer(UPGRADE_DELAY, self._upgrade_cursor)

    def _upgrade_cursor(self) -> None:
        if self.has_focus and 0 <= self._cursor < len(self._widgets):
            self._widgets[self._cursor].upgrade()

    def on_focus(self) -> None:
        self._schedule_upgrade()

    async def action_cursor_down(self) -> None:
        await self.move_cursor(self._cursor + 1)

    async def action_cursor_up(self) -> None:
        await self.move_cursor(self._cursor - 1)

    async def action_first(self) -> None:
        await self.move_cursor(0)

    async def action_last(self) -> None:
        await self.move_cursor(len(self._items) - 1)

    def action_toggle_message(self) -> None:
        if 0 <= self._cursor < len(self._widgets):
            widget = self._widgets[self._cursor]
            widget.set_expanded(not widget.expanded)
            widget.upgrade()
            self.call_after_refresh(self.scroll_to_widget, widget, animate=False, top=False)

    def action_expand_all(self) -> None:
        """Expand every message (again: collapse them all). Stays as plain text: markdown for
        hundreds of messages is exactly the stall this view avoids."""
        self._all_expanded = not self._all_expanded
        with self.app.batch_update():
            for widget in self._widgets:
                widget.set_expanded(self._all_expanded)

    async def on_click(self, event: events.Click) -> None:
        node = event.widget
        while node is not None and not isinstance(node, MessageWidget):
            node = node.parent if isinstance(node.parent, Widget) else None
        if isinstance(node, MessageWidget):
            index = node.number - 1
            if index == self._cursor and event.chain == 2:
                self.action_toggle_message()
            else:
                await self.move_cursor(index)
