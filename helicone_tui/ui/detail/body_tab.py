"""The Request JSON / Response JSON tabs: a notice line and the body's lines.

Pretty-printing runs in a thread (a 5 MB body is ~0.5 s of `json.dumps`); the view then paints
only the visible lines. A newer request discards an older result still being formatted.
"""

from __future__ import annotations

import asyncio
from typing import Any, Literal

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from helicone_tui.formatting import format_int
from helicone_tui.models import BodyInfo, is_body_placeholder

from .body_text import BodyLines, body_to_lines
from .errors import describe_missing_body
from .json_view import JsonView

Side = Literal["request", "response"]


class BodyTab(Vertical):
    def __init__(self, side: Side, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="body-tab")
        self.side = side
        self._notice = Static("", markup=False, classes="body-notice")
        self.view = JsonView(classes="body-view")
        self._generation = 0
        self._pending: tuple[Any, BodyInfo] | None = None
        self.loaded = asyncio.Event()
        """Set once the current body is shown (tests and benchmarks wait for it)."""

    def compose(self) -> ComposeResult:
        yield self._notice
        yield self.view

    @property
    def notice(self) -> str:
        return str(self._notice.render())

    def set_body(self, body: Any, info: BodyInfo) -> None:
        """Remember the body; it is formatted when the tab is first shown (`refresh_body`)."""
        self._generation += 1
        self._pending = (body, info)
        self.loaded.clear()

    def clear(self) -> None:
        self._generation += 1
        self._pending = None
        self._notice.update("")
        self.view.clear()

    def refresh_body(self) -> None:
        """Show the remembered body, if it is not shown yet."""
        if self._pending is None:
            return
        body, info = self._pending
        self._pending = None
        missing = describe_missing_body(info, self.side)
        if body is None or body == "":
            self._notice.update(
                Text(missing or f"This request has no {self.side} body.", style="italic")
            )
            self.view.clear()
            self.loaded.set()
            return
        note = ""
        if is_body_placeholder(body):
            note = (missing or "") + " This is the server's placeholder text, not the body."
        self._notice.update(Text(f"Formatting the {self.side} body…", style="italic"))
        self._format(self._generation, body, note.strip())

    # An explicit description: without one Textual builds it from ``repr`` of the arguments,
    # and the repr of a 5 MB body costs ~50 ms on the event loop.
    @work(group="body", exclusive=True, exit_on_error=False, description="format body")
    async def _format(self, generation: int, body: Any, note: str) -> None:
        lines = await asyncio.to_thread(body_to_lines, body)
        if generation != self._generation:
            return
        self.view.set_lines(lines)
        self._notice.update(Text(_describe(lines, note), style="dim"))
        self.loaded.set()


def _describe(lines: BodyLines, note: str) -> str:
    kind = "JSON" if lines.is_json else "text"
    text = f"{kind} · {format_int(len(lines.lines))} lines"
    return f"{note} {text}" if note else text
