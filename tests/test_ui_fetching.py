"""Selecting a request: lazy fetch in a worker, cache, prefetch, errors in the pane, retry."""

from __future__ import annotations

from helicone_tui.fake import FakeHelicone, demo_ids
from helicone_tui.fake.dataset_ids import ID_ANTHROPIC, ID_GEMINI, ID_OPENAI_SIMPLE
from helicone_tui.ui.list_model import NOT_LOADED, EntryState
from helicone_tui.ui.screens.main import DetailPane
from helicone_tui.ui.widgets.request_list import RequestList

from .ui_support import list_loaded, main_screen, make_app, screen_text, wait_for


def detail_gets(fake: FakeHelicone) -> list[str]:
    """Request ids fetched with their bodies, in order."""
    return [
        r.path.split("/v1/request/")[1].split("?")[0]
        for r in fake.request_log
        if r.endpoint == "get" and "includeBody=true" in r.path
    ]


async def test_the_selected_row_is_fetched_with_bodies_and_shown() -> None:
    ids = demo_ids()
    app, fake = make_app(ids=ids)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, list_loaded(app))
        screen = main_screen(app)
        await wait_for(pilot, lambda: screen.detail.state == "detail-main")
        assert screen.detail.row is not None and screen.detail.row.request_id == ids[0]
        await wait_for(pilot, lambda: len(set(detail_gets(fake))) >= 3)
        fetched = set(detail_gets(fake))
        # Only the selection and its neighbours (prefetch), never the whole list.
        assert ids[0] in fetched
        assert fetched <= {ids[0], ids[1], ids[2]}


async def test_going_back_to_a_request_uses_the_cache() -> None:
    ids = [ID_OPENAI_SIMPLE, ID_ANTHROPIC, ID_GEMINI]
    app, fake = make_app(ids=ids)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, list_loaded(app))
        screen = main_screen(app)
        await wait_for(pilot, lambda: set(detail_gets(fake)) == set(ids), "all fetched")
        before = len(detail_gets(fake))
        for key in ("j", "j", "k", "k"):
            await pilot.press(key)
            assert screen.detail.state == "detail-main"  # shown at once, from the cache
        assert screen.detail.row is not None and screen.detail.row.request_id == ids[0]
        assert len(detail_gets(fake)) == before


async def test_moving_on_never_waits_for_a_slow_fetch() -> None:
    ids = demo_ids()
    app, fake = make_app(ids=ids)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, list_loaded(app))
        fake.set_faults(latency_ms=60_000, paths=["get"])
        screen = main_screen(app)
        await pilot.press("G")
        await wait_for(pilot, lambda: ids[-1] in screen._in_flight, "slow fetch started")
        await pilot.press("k")
        assert screen.request_list.selected.request_id == ids[-2]  # type: ignore[union-attr]
        assert screen.detail.state == "detail-loading"
        assert ids[-2] in screen_text(app)
        await pilot.press("g")
        # Fetches of rows far from the selection are abandoned, not queued up.
        await wait_for(pilot, lambda: ids[-1] not in screen._in_flight)


async def test_an_error_shows_in_the_pane_and_r_retries() -> None:
    app, fake = make_app()
    fake.set_faults(status_500=1.0, paths=["get"])
    async with app.run_test(size=(120, 40)) as pilot:
        screen = main_screen(app)
        screen.add_ids([ID_GEMINI])
        screen.request_list.focus()
        await wait_for(pilot, list_loaded(app))
        # The list has the row: the pane shows it, with why the rest is missing over the tabs.
        await wait_for(pilot, lambda: "Could not fetch" in screen.detail.notice)
        text = screen_text(app)
        assert "500" in text
        assert "Press r to try again" in text
        fake.set_faults(status_500=0)
        await pilot.press("r")
        await wait_for(pilot, lambda: screen.detail.notice == "")
        assert screen.detail.state == "detail-main"
        assert screen.detail.row is not None and screen.detail.row.request_id == ID_GEMINI
        assert app.is_running


async def test_a_failed_list_query_is_shown_per_row_and_r_queries_again() -> None:
    ids = [ID_OPENAI_SIMPLE, ID_ANTHROPIC]
    app, fake = make_app()
    fake.set_faults(status_500=1.0, paths=["query-ids", "get"])
    async with app.run_test(size=(120, 40)) as pilot:
        screen = main_screen(app)
        screen.add_ids(ids)
        screen.request_list.focus()
        await wait_for(pilot, list_loaded(app))
        assert all(e.state is EntryState.ERROR for e in screen.model.view)
        assert "2 not loaded (r retries)" in screen_text(app)
        assert any("Loading the list failed" in n.title for n in app._notifications)
        fake.set_faults(status_500=0)
        await pilot.press("r")
        await wait_for(pilot, lambda: all(e.state is EntryState.OK for e in screen.model.view))
        await wait_for(pilot, lambda: screen.detail.state == "detail-main")


async def test_a_refused_key_never_ends_the_app() -> None:
    fake_app, fake = make_app()
    app, _ = make_app(fake, ids=[ID_GEMINI], key=fake.keys.wrong_region)
    del fake_app
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, list_loaded(app))
        screen = main_screen(app)
        assert screen.model.view[0].status_text == NOT_LOADED
        assert "refused the API key" in screen.key_refused_notice
        await wait_for(pilot, lambda: screen.detail.state == "detail-error")
        assert "EU" in screen_text(app)  # the hint names the usual region mistake
        assert app.is_running


async def test_enter_opens_the_detail_full_screen_and_escape_returns() -> None:
    app, _ = make_app(ids=[ID_OPENAI_SIMPLE, ID_GEMINI])
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, list_loaded(app))
        screen = main_screen(app)
        await pilot.press("j", "enter")
        assert isinstance(screen.maximized, DetailPane)
        assert app.focused is not None and screen.detail in app.focused.ancestors
        await wait_for(pilot, lambda: screen.detail.state == "detail-main")
        await pilot.press("p")  # previous request, without leaving the detail
        assert screen.request_list.cursor == 0
        assert isinstance(screen.maximized, DetailPane)
        await pilot.press("escape")
        assert screen.maximized is None
        assert isinstance(app.focused, RequestList)


async def test_number_keys_and_brackets_switch_tabs() -> None:
    app, _ = make_app(ids=[ID_OPENAI_SIMPLE])
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, list_loaded(app))
        screen = main_screen(app)
        await wait_for(pilot, lambda: screen.detail.state == "detail-main")
        await pilot.press("4")
        assert screen.detail.active_tab == 3
        await pilot.press("right_square_bracket")
        assert screen.detail.active_tab == 4
        await pilot.press("left_square_bracket", "left_square_bracket")
        assert screen.detail.active_tab == 2
        await pilot.press("1")
        assert screen.detail.active_tab == 0
