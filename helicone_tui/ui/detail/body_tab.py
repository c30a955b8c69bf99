"""The Request JSON / Response JSON tabs: a notice line and the body's lines.

Pretty-printing runs in a thread (a 5 MB body is ~0.5 s of `json.dumps`); the view then paints
only the visible lines. A newer request discards an older result still being formatted. The
detail view starts it (`prepare`) after a request's first paint, so the tab usually opens at once.
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
        self._ready: BodyLines | None = None
        self._formatting = False
        self._wanted = False
        self.loaded = asyncio.Event()
        """Set once the current body is shown (tests and benchmarks wait for it)."""

    def compose(self) -> ComposeResult:
        yield self._notice
        yield self.view

    @property
    def notice(self) -> str:
        return str(self._notice.render())

    def set_body(self, body: Any, info: BodyInfo) -> None:
        """Remember the body; it is formatted by `prepare` or when the tab is first shown."""
        self._generation += 1
        self._pending = (body, info)
        self._forget()
        self.loaded.clear()

    def clear(self) -> None:
        self._generation += 1
        self._pending = None
        self._forget()
        self._notice.update("")
        self.view.clear()

    def refresh_body(self) -> None:
        """Show the remembered body, if it is not shown yet."""
        if self._pending is None:
            return
        body, info = self._pending
        if body is None or body == "":
            self._pending = None
            missing = describe_missing_body(info, self.side)
            self._notice.update(
                Text(missing or f"This request has no {self.side} body.", style="italic")
            )
            self.view.clear()
            self.loaded.set()
            return
        self._wanted = True
        if self._ready is not None:
            self._show(self._ready)
            return
        self._notice.update(Text(f"Formatting the {self.side} body…", style="italic"))
        self.prepare()

    @property
    def prepared(self) -> BodyLines | None:
        """The current body formatted ahead of its tab being shown (tests read it)."""
        return self._ready

    def prepare(self) -> None:
        """Format the remembered body in the background, before its tab is shown.

        Only the current body's result is kept (`set_body` drops it), and a result for an older
        body is dropped when it arrives, so opening the tab is usually instant."""
        if self._pending is None or self._formatting or self._ready is not None:
            return
        body = self._pending[0]
        if body is None or body == "":
            return
        self._formatting = True
        self._format(self._generation, body)

    def _forget(self) -> None:
        self._ready = None
        self._formatting = False
        self._wanted = False

    def _show(self, lines: BodyLines) -> None:
        if self._pending is None:
            return
        body, info = self._pending
        self._pending = None
        self._forget()
        note = ""
        if is_body_placeholder(body):
            missing = describe_missing_body(info, self.side)
            note = (missing or "") + " This is the server's placeholder text, not the body."
        self.view.set_lines(lines)
        self._notice.update(Text(_describe(lines, note.strip()), style="dim"))
        self.loaded.set()

    # An explicit description: without one Textual builds it from ``repr`` of the arguments,
    # and the repr of a 5 MB body costs ~50 ms on the event loop.
    @work(group="body", exclusive=True, exit_on_error=False, description="format body")
    async def _format(self, generation: int, body: Any) -> None:
        lines = await asyncio.to_thread(body_to_lines, body)
        if generation != self._generation:
            return  # stale: another body was set meanwhile
        self._formatting = False
        if self._wanted:
            self._show(lines)
        else:
            self._ready = lines


def _describe(lines: BodyLines, note: str) -> str:
    kind = "JSON" if lines.is_json else "text"
    text = f"{kind} · {format_int(len(lines.lines))} lines"
    return f"{note} {text}" if note else text
