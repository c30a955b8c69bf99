"""Shared helpers for the detail-view tests: a tiny host app, fake rows, screen text."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from rich.console import Console, RenderableType
from textual.app import App, ComposeResult
from textual.strip import Strip

from helicone_tui.fake import dataset
from helicone_tui.mapping import MappedRequest, map_request
from helicone_tui.models import HeliconeRequest
from helicone_tui.ui.detail import DETAIL_CSS_PATH, DetailView, compute_totals
from helicone_tui.ui.detail.conversation import ConversationView


class DetailApp(App[None]):
    CSS_PATH = DETAIL_CSS_PATH

    def __init__(self) -> None:
        super().__init__()
        self.first_paints: list[tuple[int, int]] = []
        self.first_paint_events: list[ConversationView.FirstPaint] = []

    def compose(self) -> ComposeResult:
        yield DetailView()

    def on_conversation_view_first_paint(self, event: ConversationView.FirstPaint) -> None:
        self.first_paints.append((event.shown, event.total))
        self.first_paint_events.append(event)

    @property
    def detail(self) -> DetailView:
        return self.query_one(DetailView)


@cache
def _raw_rows() -> dict[str, dict[str, Any]]:
    return {row["request_id"]: row for row in dataset.builtin_rows()}


def fake_row(kind: str) -> HeliconeRequest:
    """A fresh row of the fake dataset by its kind name (`dataset.ROW_KINDS`)."""
    raw = _raw_rows()[dataset.ROW_KINDS[kind]]
    return HeliconeRequest.model_validate(json.loads(json.dumps(raw)))


def row_of(**fields: Any) -> HeliconeRequest:
    fields.setdefault("request_id", "00000000-0000-4000-8000-000000000001")
    return HeliconeRequest.model_validate(fields)


ROW_A = "00000000-0000-4000-8000-00000000000a"
ROW_B = "00000000-0000-4000-8000-00000000000b"


def marker_row(request_id: str, marker: str) -> HeliconeRequest:
    """A small row whose bodies carry ``marker`` (to tell which row a JSON tab shows)."""
    return row_of(
        request_id=request_id,
        request_body={"model": "gpt-4o", "marker": marker},
        response_body={"answer": marker},
    )


async def show(app: DetailApp, row: HeliconeRequest, mapped: MappedRequest | None = None) -> None:
    """Show ``row`` and wait until its conversation is fully mounted."""
    view = app.detail
    view.show_request(row, mapped or map_request(row), compute_totals([row]))
    await app.workers.wait_for_complete()
    await view.conversation.fully_measured.wait()
    await app.workers.wait_for_complete()


def screen_strips(app: App[Any]) -> list[Strip]:
    return list(app.screen._compositor.render_strips())


def screen_text(app: App[Any]) -> str:
    return "\n".join(strip.text for strip in screen_strips(app))


def renderable_text(renderable: RenderableType, width: int = 160) -> str:
    console = Console(width=width, record=True, color_system=None, file=open("/dev/null", "w"))  # noqa: SIM115
    console.print(renderable)
    return console.export_text()


def cursor_rows(app: DetailApp) -> list[int]:
    """Screen rows whose conversation bar is the focused cursor's (█, not ▌)."""
    region = app.detail.conversation.region
    return [
        y
        for y, strip in enumerate(screen_strips(app))
        if region.y <= y < region.bottom and strip.text[region.x + 1 : region.x + 2] == "█"
    ]


def message_rows(view: ConversationView, index: int) -> list[int]:
    """Screen rows of message ``index``'s text (its margin left out), as far as visible."""
    top = view.region.y - round(view.scroll_y)
    start, end = view.message_start(index), view.message_start(index + 1) - 1
    return [y for y in range(top + start, top + end) if view.region.y <= y < view.region.bottom]
