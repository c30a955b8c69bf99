"""The request list: a Line-API view that draws only the rows on screen.

A `DataTable` costs 0.9 s to fill with 10,000 rows and rebuilds on every change; this widget
draws the visible lines from `RequestListModel.view`, so adding, updating, filtering or sorting
any number of rows costs one `refresh()` of what is on screen.
"""

from __future__ import annotations

from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ..list_model import COLUMNS, Column, EntryState, ListEntry, RequestListModel
from ..messages import RequestHighlighted, RequestOpened, SortRequested

# The flexible column grows up to this; past it, rows are easier to read with some air.
MAX_FLEX_WIDTH = 40
# A row the list could not fetch ("not loaded", why in the Model cell) is drawn unlike a row
# whose LLM call failed ("429" in the error colour): that status is the call's, this is ours.
_STATE_CLASS = {
    EntryState.LOADING: "request-list--loading",
    EntryState.NOT_FOUND: "request-list--not-found",
    EntryState.ERROR: "request-list--not-loaded",
}
#: The cells drawn in the status style: for rows without data, the Model cell says why.
_STATE_CELLS = frozenset({"status", "model"})
EMPTY_HINT = "No requests listed. Paste ids anywhere, or press a to type them."
NO_MATCH_HINT = "No request matches the filter (esc clears it)."


def layout_columns(width: int) -> list[tuple[Column, int]]:
    """The columns that fit in `width` (by priority) with their widths, in display order."""
    kept: set[str] = set()
    used = 0
    for column in sorted(COLUMNS, key=lambda c: c.priority):
        need = column.width + (1 if kept else 0)
        if used + need <= width:
            kept.add(column.key)
            used += need
    spare = max(0, width - used)
    return [
        (c, c.width + (min(spare, MAX_FLEX_WIDTH - c.width) if c.flexible else 0))
        for c in COLUMNS
        if c.key in kept
    ]


def _fit(text: str, width: int, right: bool) -> str:
    if len(text) > width:
        return text[: max(0, width - 1)] + "…"
    return text.rjust(width) if right else text.ljust(width)


class RequestList(ScrollView, can_focus=True):
    """Rows of `model.view`; line 0 is the column header (clickable to sort)."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "request-list--header",
        "request-list--cursor",
        "request-list--loading",
        "request-list--not-found",
        "request-list--not-loaded",
        "request-list--error",
        "request-list--hint",
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "cursor_down", "Down", show=False),
        Binding("k,up", "cursor_up", "Up", show=False),
        Binding("g,home", "first", "First", show=False),
        Binding("G,end", "last", "Last", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("enter", "open", "Open", show=True),
    ]

    cursor = reactive(0, always_update=True, repaint=False)

    def __init__(self, model: RequestListModel, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.model = model
        self._highlighted: str | None = None

    # -------------------------------------------------------------- public

    @property
    def selected(self) -> ListEntry | None:
        view = self.model.view
        return view[self.cursor] if 0 <= self.cursor < len(view) else None

    def select_id(self, request_id: str) -> None:
        index = self.model.index_of(request_id)
        if index is not None:
            self.cursor = index

    def view_changed(self, keep: str | None = None) -> None:
        """The model's view was rebuilt: keep the cursor on `keep` (default: the selection)."""
        keep = keep if keep is not None else self._highlighted
        index = self.model.index_of(keep) if keep else None
        self._sync_size()
        if index is not None:
            self.cursor = index
        else:
            self.cursor = min(self.cursor, max(0, len(self.model.view) - 1))
        self.refresh()

    def rows_changed(self) -> None:
        """Entries were updated in place: redraw what is visible."""
        self._sync_size()
        self.refresh()

    # -------------------------------------------------------------- cursor

    def validate_cursor(self, value: int) -> int:
        return max(0, min(value, len(self.model.view) - 1)) if self.model.view else 0

    def watch_cursor(self, _old: int, new: int) -> None:
        self._scroll_to_cursor(new)
        self.refresh()
        entry = self.selected
        request_id = entry.request_id if entry else None
        if request_id != self._highlighted:
            self._highlighted = request_id
            self.post_message(RequestHighlighted(request_id))

    def _page(self) -> int:
        return max(1, self.scrollable_content_region.height - 2)

    def action_cursor_down(self) -> None:
        self.cursor += 1

    def action_cursor_up(self) -> None:
        self.cursor -= 1

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = len(self.model.view) - 1

    def action_page_down(self) -> None:
        self.cursor += self._page()

    def action_page_up(self) -> None:
        self.cursor -= self._page()

    def action_open(self) -> None:
        entry = self.selected
        if entry is not None:
            self.post_message(RequestOpened(entry.request_id))

    def _scroll_to_cursor(self, index: int) -> None:
        rows = max(1, self.scrollable_content_region.height - 1)
        top = round(self.scroll_y)
        if index < top:
            self.scroll_to(y=index, animate=False, immediate=True)
        elif index >= top + rows:
            self.scroll_to(y=index - rows + 1, animate=False, immediate=True)

    # -------------------------------------------------------------- mouse

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        if offset.y == 0:
            key = self._column_at(offset.x)
            if key is not None:
                self.post_message(SortRequested(key))
            return
        index = round(self.scroll_y) + offset.y - 1
        if 0 <= index < len(self.model.view):
            self.cursor = index
            if event.chain >= 2:
                self.action_open()

    def _column_at(self, x: int) -> str | None:
        start = 0
        for column, width in layout_columns(self.scrollable_content_region.width):
            if start <= x < start + width + 1:
                return column.key
            start += width + 1
        return None

    # -------------------------------------------------------------- drawing

    def on_resize(self) -> None:
        self._sync_size()
        self._scroll_to_cursor(self.cursor)

    def _sync_size(self) -> None:
        width = self.scrollable_content_region.width
        self.virtual_size = Size(width, len(self.model.view) + 1)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        columns = layout_columns(width)
        if y == 0:
            return self._header_strip(columns, width, base)
        index = round(self.scroll_y) + y - 1
        view = self.model.view
        if not 0 <= index < len(view):
            if y == 2 and not view:
                return self._hint_strip(width, base)
            return Strip.blank(width, base)
        entry = view[index]
        row_style = base
        if index == self.cursor:
            row_style = base + self.get_component_rich_style("request-list--cursor")
        status_class = _STATE_CLASS.get(entry.state)
        if status_class is None and not entry.status_ok:
            status_class = "request-list--error"
        status_style = (
            row_style + self.get_component_rich_style(status_class, partial=True)
            if status_class
            else row_style
        )
        styled = _STATE_CELLS if entry.row is None else frozenset({"status"})
        segments: list[Segment] = []
        cells = entry.cells
        key_index = {key: i for i, key in enumerate(c.key for c in COLUMNS)}
        for position, (column, col_width) in enumerate(columns):
            if position:
                segments.append(Segment(" ", row_style))
            text = _fit(cells[key_index[column.key]], col_width, column.align_right)
            segments.append(Segment(text, status_style if column.key in styled else row_style))
        return Strip(segments).extend_cell_length(width, row_style).crop(0, width)

    def _hint_strip(self, width: int, base: Style) -> Strip:
        """What to do in an empty list (or a filter that matches nothing)."""
        style = base + self.get_component_rich_style("request-list--hint")
        hint = NO_MATCH_HINT if len(self.model) else EMPTY_HINT
        return Strip([Segment(_fit(f" {hint}", width, False), style)]).crop(0, width)

    def _header_strip(self, columns: list[tuple[Column, int]], width: int, base: Style) -> Strip:
        style = base + self.get_component_rich_style("request-list--header")
        sort = self.model.sort
        parts = []
        for column, col_width in columns:
            label = column.label
            if sort.key == column.key:
                label += "↓" if sort.descending else "↑"
            parts.append(_fit(label, col_width, column.align_right))
        return (
            Strip([Segment(" ".join(parts), style)]).extend_cell_length(width, style).crop(0, width)
        )
