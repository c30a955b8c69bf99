"""The Request JSON / Response JSON tabs: a notice line and the body's lines.

Pretty-printing runs in a thread (a 5 MB body is ~10 ms of `json.dumps`, a 159k-line one far
more); the view then paints only the visible lines. A newer request discards an older result
still being formatted. The detail view starts it (`prepare`) after a request's first paint, so
the tab usually opens at once.

When the tab is shown and its body is not formatted yet (the user is on this tab and moves to
another request), the UI thread waits for the thread's result, at most `INLINE_WAIT`: a body
formatted by then is painted in the same frame as the rest of the request. Handing it over
later costs more than the wait: Textual paints at most 60 frames a second, so the result then
waits for the frame after the "Formatting…" one, 17 to 33 ms later. Past `INLINE_WAIT` the tab
says it is formatting and the result is shown when it comes.
"""

from __future__ import annotations

import asyncio
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Any, Literal

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from helicone_tui.formatting import format_int
from helicone_tui.models import BodyInfo, is_body_placeholder
from helicone_tui.text_safety import sanitize_text

from .body_text import BodyLines, body_to_lines
from .errors import describe_missing_body
from .json_view import JsonView

Side = Literal["request", "response"]

INLINE_WAIT = 0.04
"""Seconds the UI thread waits for a shown tab's body to be formatted before it says it is
formatting: the longest stall this adds (well under the 100 ms the responsiveness target
allows). A 5 MB body of a few long strings takes ~12 ms, ~20 ms on a busy machine; one of
~159k short lines takes 100+ ms, so it is shown when done."""

# Threads per tab that format bodies: a stale body's format cannot be stopped once it runs,
# and the current body's must not queue behind it.
FORMAT_THREADS = 2


class BodyTab(Vertical):
    def __init__(self, side: Side, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="body-tab")
        self.side = side
        self._notice = Static("", markup=False, classes="body-notice")
        self.view = JsonView(classes="body-view")
        self._generation = 0
        self._pending: tuple[Any, BodyInfo] | None = None
        self._ready: BodyLines | None = None
        self._future: Future[BodyLines] | None = None
        """The current body's format, in a thread (until shown or kept in `_ready`)."""
        self._wanted = False
        self.loaded = asyncio.Event()
        """Set once the current body is shown (tests and benchmarks wait for it)."""
        self._executor: ThreadPoolExecutor | None = None

    def _formatter(self) -> ThreadPoolExecutor:
        """This tab's format threads, made on first use and ended with the tab: a thread keeps
        the `sys.stderr` it started under (under Textual, the app's print capture), so threads
        that outlived their app would keep that app and everything it held alive."""
        if self._executor is None:
            self._executor = ThreadPoolExecutor(
                max_workers=FORMAT_THREADS, thread_name_prefix=f"{self.side}-body-format"
            )
        return self._executor

    def on_unmount(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = None

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
        self.prepare()
        future = self._future
        if future is None:
            return
        try:
            # The GIL is released while waiting: the thread formats at full speed.
            lines = future.result(timeout=INLINE_WAIT)
        except FutureTimeout:
            self._notice.update(Text(f"Formatting the {self.side} body…", style="italic"))
            self.view.clear()  # not the previous request's body under this one's summary
            return  # `_deliver` shows it when it is done
        except Exception as error:
            self._failed(error)
            return
        self._show(lines)

    @property
    def prepared(self) -> BodyLines | None:
        """The current body formatted ahead of its tab being shown (tests read it)."""
        return self._ready

    def prepare(self) -> None:
        """Format the remembered body in the background, before its tab is shown.

        Only the current body's result is kept (`set_body` drops it), and a result for an older
        body is dropped when it arrives, so opening the tab is usually instant."""
        if self._pending is None or self._future is not None or self._ready is not None:
            return
        body = self._pending[0]
        if body is None or body == "":
            return
        self._future = self._formatter().submit(body_to_lines, body)
        self._deliver(self._generation, self._future)

    def _forget(self) -> None:
        self._ready = None
        if self._future is not None:
            self._future.cancel()  # a stale format not started yet never runs
            self._future = None
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

    def _failed(self, error: Exception) -> None:
        self._pending = None
        self._forget()
        self.view.clear()
        reason = sanitize_text(str(error) or type(error).__name__)
        self._notice.update(Text(f"Could not format the {self.side} body: {reason}", "italic"))
        self.loaded.set()

    # An explicit description: without one Textual builds it from ``repr`` of the arguments,
    # and the repr of a 5 MB body costs ~50 ms on the event loop.
    @work(group="body", exclusive=True, exit_on_error=False, description="format body")
    async def _deliver(self, generation: int, future: Future[BodyLines]) -> None:
        """Keep or show ``future``'s result when it comes, unless it is stale or already shown."""
        try:
            lines = await asyncio.wrap_future(future)
        except asyncio.CancelledError:
            task = asyncio.current_task()
            if future.cancelled() and task is not None and not task.cancelling():
                return  # a stale format dropped before it ran (`_forget`): not this worker
            raise
        except Exception as error:
            if generation == self._generation and future is self._future:
                self._future = None  # not wanted yet: the tab formats it again and says why
                if self._wanted:
                    self._failed(error)
            return
        if generation != self._generation or future is not self._future:
            return  # stale (another body was set meanwhile), or shown by `refresh_body`
        self._future = None
        if self._wanted:
            self._show(lines)
        else:
            self._ready = lines


def _describe(lines: BodyLines, note: str) -> str:
    kind = "JSON" if lines.is_json else "text"
    text = f"{kind} · {format_int(len(lines.lines))} lines"
    return f"{note} {text}" if note else text
