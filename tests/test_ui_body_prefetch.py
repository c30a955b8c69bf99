"""The JSON tabs' bodies are formatted in the background once a request is painted, only for the
current request: opening the tab then shows them at once, and a stale result is dropped."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from typing import Any

import pytest

from helicone_tui.mapping import map_request
from helicone_tui.models import HeliconeRequest
from helicone_tui.ui.detail import DetailView, body_tab, compute_totals
from helicone_tui.ui.detail.body_text import BodyLines, body_to_lines
from helicone_tui.ui.detail.conversation import ConversationView

from .detail_support import ROW_A, ROW_B, DetailApp, marker_row


async def _until(app: DetailApp, done: Callable[[], bool]) -> None:
    """Let the app run until ``done`` (bounded by a count of pauses, not by wall-clock asserts)."""
    for _ in range(500):
        if done():
            return
        await asyncio.sleep(0.01)


def _show(app: DetailApp, row: HeliconeRequest) -> None:
    app.detail.show_request(row, map_request(row), compute_totals([row]))


async def test_body_is_formatted_before_its_tab_is_opened() -> None:
    app = DetailApp()
    async with app.run_test(size=(120, 40)):
        view = app.detail
        view.select_tab(1)
        _show(app, marker_row(ROW_A, "early"))
        await _until(app, lambda: view.response_body.prepared is not None)
        prepared = view.request_body.prepared
        assert prepared is not None and any("early" in line for line in prepared.lines)
        assert view.response_body.prepared is not None
        assert view.request_body.view.line_count == 0  # formatted, not shown yet
        view.select_tab(4)
        # Shown in the same call: no formatting left to wait for.
        assert view.request_body.loaded.is_set()
        assert view.request_body.view.lines is prepared.lines
        assert view.request_body.prepared is None  # handed over, not kept twice


async def test_prefetch_waits_for_the_conversations_first_paint(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    order: list[str] = []
    first_paint = DetailView.on_conversation_view_first_paint

    def painted(self: DetailView, event: ConversationView.FirstPaint) -> None:
        order.append("first paint")
        first_paint(self, event)

    def recording(body: Any) -> BodyLines:
        order.append("format")
        return body_to_lines(body)

    monkeypatch.setattr(DetailView, "on_conversation_view_first_paint", painted)
    monkeypatch.setattr(body_tab, "body_to_lines", recording)
    app = DetailApp()
    async with app.run_test(size=(120, 40)):
        view = app.detail
        view.select_tab(0)
        _show(app, marker_row(ROW_A, "after-paint"))
        await _until(app, lambda: view.response_body.prepared is not None)
        assert order[:3] == ["first paint", "format", "format"]
        assert view.request_body.prepared is not None


async def test_stale_prefetch_is_dropped(monkeypatch: pytest.MonkeyPatch) -> None:
    started, release = threading.Event(), threading.Event()

    def gated(body: Any) -> BodyLines:
        if isinstance(body, dict) and body.get("marker") == "stale":
            started.set()
            release.wait(10)
        return body_to_lines(body)

    monkeypatch.setattr(body_tab, "body_to_lines", gated)
    app = DetailApp()
    async with app.run_test(size=(120, 40)) as pilot:
        view = app.detail
        view.select_tab(1)
        try:
            _show(app, marker_row(ROW_A, "stale"))
            assert await asyncio.to_thread(started.wait, 10)
            _show(app, marker_row(ROW_B, "fresh"))
            await _until(app, lambda: view.request_body.prepared is not None)
        finally:
            release.set()
        # The stale thread finishes now; its result must not replace the fresh one.
        await asyncio.sleep(0.05)
        await pilot.pause()
        prepared = view.request_body.prepared
        assert prepared is not None
        assert any("fresh" in line for line in prepared.lines)
        assert not any("stale" in line for line in prepared.lines)
        view.select_tab(4)
        await view.request_body.loaded.wait()
        await pilot.pause()
        assert any("fresh" in line for line in view.request_body.view.lines)
        assert not any("stale" in line for line in view.request_body.view.lines)
