"""Snapshots of the main screens at 80×24 and 200×60 (regenerate: pytest --snapshot-update).

What they depend on is pinned: the dataset's dates (`FIXED_NOW`), the local time zone (UTC),
and the fake's latency (none).
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable, Iterator
from typing import Any

import pytest
from textual.pilot import Pilot

from helicone_tui.fake import demo_ids
from helicone_tui.fake.dataset_ids import ID_OPENAI_TOOL_CALLS
from helicone_tui.settings import Settings
from helicone_tui.ui.app import HeliconeTUI
from helicone_tui.ui.screens.main import MainScreen

from .ui_support import list_loaded, main_screen, make_app, wait_for

SIZES = [(80, 24), (200, 60)]


@pytest.fixture(autouse=True)
def utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def ready(*keys: str, state: str = "detail-main") -> Callable[[Pilot[Any]], Awaitable[None]]:
    async def run_before(pilot: Pilot[Any]) -> None:
        app = pilot.app
        assert isinstance(app, HeliconeTUI)
        await wait_for(pilot, list_loaded(app))
        await wait_for(pilot, lambda: main_screen(app).detail.state == state)
        for key in keys:
            await pilot.press(key)
            await pilot.pause(0.1)
        await pilot.pause(0.3)

    return run_before


@pytest.mark.parametrize("size", SIZES)
def test_list_and_conversation(snap_compare: Any, size: tuple[int, int]) -> None:
    app, _ = make_app(ids=demo_ids())
    assert snap_compare(app, terminal_size=size, run_before=ready())


@pytest.mark.parametrize("size", SIZES)
def test_detail_opened_full_screen(snap_compare: Any, size: tuple[int, int]) -> None:
    app, _ = make_app(ids=[ID_OPENAI_TOOL_CALLS])
    assert snap_compare(app, terminal_size=size, run_before=ready("enter"))


@pytest.mark.parametrize("size", SIZES)
def test_tokens_tab(snap_compare: Any, size: tuple[int, int]) -> None:
    app, _ = make_app(ids=demo_ids())
    assert snap_compare(app, terminal_size=size, run_before=ready("2"))


@pytest.mark.parametrize("size", SIZES)
def test_error_in_the_detail(snap_compare: Any, size: tuple[int, int]) -> None:
    # Neither the list nor the detail could fetch the row: the pane has nothing else to show.
    app, fake = make_app(ids=[ID_OPENAI_TOOL_CALLS], max_retries=0)
    fake.set_faults(status_500=1.0, paths=["query-ids", "get"])
    assert snap_compare(app, terminal_size=size, run_before=ready(state="detail-error"))


@pytest.mark.parametrize("size", SIZES)
def test_detail_fetch_failed_for_a_listed_row(snap_compare: Any, size: tuple[int, int]) -> None:
    # The list has the row: its tokens and cost show, a line over the tabs says what failed.
    app, fake = make_app(ids=[ID_OPENAI_TOOL_CALLS], max_retries=0)
    fake.set_faults(status_500=1.0, paths=["get"])

    async def run_before(pilot: Pilot[Any]) -> None:
        screen = main_screen(pilot.app)  # type: ignore[arg-type]
        await wait_for(pilot, list_loaded(screen.app))
        await wait_for(pilot, lambda: "Could not fetch" in screen.detail.notice)
        await pilot.pause(0.3)

    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_help(snap_compare: Any, size: tuple[int, int]) -> None:
    app, _ = make_app(ids=[ID_OPENAI_TOOL_CALLS])
    assert snap_compare(app, terminal_size=size, run_before=ready("question_mark"))


def test_copy_menu(snap_compare: Any) -> None:
    app, _ = make_app(ids=[ID_OPENAI_TOOL_CALLS])
    assert snap_compare(app, terminal_size=(80, 24), run_before=ready("y"))


@pytest.mark.parametrize("size", SIZES)
def test_missing_key(snap_compare: Any, size: tuple[int, int]) -> None:
    app = HeliconeTUI(Settings(api_key=None), [], native_copier=None)

    async def run_before(pilot: Pilot[Any]) -> None:
        await pilot.pause(0.3)

    assert snap_compare(app, terminal_size=size, run_before=run_before)


def test_empty_start(snap_compare: Any) -> None:
    app, _ = make_app()

    async def run_before(pilot: Pilot[Any]) -> None:
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, MainScreen))
        await pilot.pause(0.3)

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)
