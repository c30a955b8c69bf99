"""A JSON tab already shown when a request arrives: its body is formatted in a thread that the UI
waits for (at most `INLINE_WAIT`), so it is painted with the rest of the request; past the wait
the tab says it is formatting and shows the body when it comes."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from typing import Any

import pytest

from helicone_tui.mapping import map_request
from helicone_tui.models import HeliconeRequest
from helicone_tui.ui.detail import body_tab, compute_totals
from helicone_tui.ui.detail.body_text import BodyLines, body_to_lines

from .detail_support import ROW_A, ROW_B, DetailApp, marker_row, screen_text


def _show(app: DetailApp, row: HeliconeRequest) -> None:
    app.detail.show_request(row, map_request(row), compute_totals([row]))


async def _until(done: Callable[[], bool]) -> None:
    """Let the app run until ``done`` (bounded by a count of sleeps, not a wall-clock assert)."""
    for _ in range(500):
        if done():
            return
        await asyncio.sleep(0.01)


class Gate:
    """Formatting a body whose marker is ``marker`` waits until released."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, marker: str) -> None:
        self.marker = marker
        self.started, self.release, self.finished = (threading.Event() for _ in range(3))
        monkeypatch.setattr(body_tab, "body_to_lines", self.format)

    def format(self, body: Any) -> BodyLines:
        if not (isinstance(body, dict) and body.get("marker") == self.marker):
            return body_to_lines(body)
        self.started.set()
        self.release.wait(10)
        try:
            return body_to_lines(body)
        finally:
            self.finished.set()


async def test_a_shown_tab_paints_the_body_with_the_request(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A wait long enough for any machine: the behaviour, not the timing, is under test. The
    # format takes a while (a thread lets it go after 0.1 s): only a wait for it shows it.
    monkeypatch.setattr(body_tab, "INLINE_WAIT", 30.0)
    gate = Gate(monkeypatch, "inline")
    app = DetailApp()
    async with app.run_test(size=(120, 40)) as pilot:
        view = app.detail
        view.select_tab(4)
        threading.Timer(0.1, gate.release.set).start()
        _show(app, marker_row(ROW_A, "inline"))
        assert gate.finished.is_set()
        # Shown within `show_request`: no frame with "Formatting…" and an older body.
        assert view.request_body.loaded.is_set()
        assert any('"marker": "inline"' in line for line in view.request_body.view.lines)
        assert view.request_body.notice.startswith("JSON ·")
        await pilot.pause()
        text = screen_text(app)
        assert '"marker": "inline"' in text and "Formatting" not in text


async def test_a_slow_format_says_so_and_shows_the_body_when_done(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(body_tab, "INLINE_WAIT", 0.01)
    gate = Gate(monkeypatch, "slow")
    app = DetailApp()
    async with app.run_test(size=(120, 40)) as pilot:
        view = app.detail
        view.select_tab(4)
        _show(app, marker_row(ROW_B, "older"))
        await view.request_body.loaded.wait()
        try:
            _show(app, marker_row(ROW_A, "slow"))
            assert not view.request_body.loaded.is_set()
            assert view.request_body.notice == "Formatting the request body…"
            assert view.request_body.view.lines == []  # not the older request's body
            assert await asyncio.to_thread(gate.started.wait, 10)  # formatting, in a thread
        finally:
            gate.release.set()
        await view.request_body.loaded.wait()
        await pilot.pause()
        assert '"marker": "slow"' in screen_text(app)
        assert view.request_body.notice.startswith("JSON ·")


async def test_a_slow_stale_format_never_replaces_the_next_body(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(body_tab, "INLINE_WAIT", 0.01)
    gate = Gate(monkeypatch, "stale")
    app = DetailApp()
    async with app.run_test(size=(120, 40)) as pilot:
        view = app.detail
        view.select_tab(4)
        try:
            _show(app, marker_row(ROW_A, "stale"))
            assert not view.request_body.loaded.is_set()
            assert await asyncio.to_thread(gate.started.wait, 10)
            _show(app, marker_row(ROW_B, "fresh"))
            await view.request_body.loaded.wait()
        finally:
            gate.release.set()
        # The stale format ends now: its result must be dropped when it arrives.
        assert await asyncio.to_thread(gate.finished.wait, 10)
        await asyncio.sleep(0.05)
        await pilot.pause()
        lines = view.request_body.view.lines
        assert any("fresh" in line for line in lines)
        assert not any("stale" in line for line in lines)
        assert "stale" not in screen_text(app)


async def test_a_body_that_cannot_be_formatted_says_why(monkeypatch: pytest.MonkeyPatch) -> None:
    def failing(body: Any) -> BodyLines:
        raise ValueError("no way \x1b[31m")

    monkeypatch.setattr(body_tab, "body_to_lines", failing)
    app = DetailApp()
    async with app.run_test(size=(120, 40)) as pilot:
        view = app.detail
        # Formatted ahead (another tab shown): the failure waits for the tab to be opened.
        view.select_tab(1)
        _show(app, marker_row(ROW_A, "broken"))
        await pilot.pause()
        await app.workers.wait_for_complete()
        assert not view.request_body.loaded.is_set()
        view.select_tab(4)
        await view.request_body.loaded.wait()
        await pilot.pause()
        notice = view.request_body.notice
        assert notice == "Could not format the request body: no way ␛[31m"
        assert notice in screen_text(app)
        # The tab already shown when the request arrives.
        _show(app, marker_row(ROW_B, "broken too"))
        await _until(view.request_body.loaded.is_set)
        assert view.request_body.notice.startswith("Could not format the request body")
