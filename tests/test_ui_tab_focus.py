"""Number keys move the focus into the new tab, so its keys (g/G, w, j/k) act at once."""

from __future__ import annotations

from helicone_tui.fake import demo_ids
from helicone_tui.fake.dataset_ids import ID_5MB
from helicone_tui.ui.detail.conversation import ConversationView
from helicone_tui.ui.detail.json_view import JsonView
from helicone_tui.ui.widgets.request_list import RequestList

from .ui_support import list_loaded, main_screen, make_app, wait_for


def focused(app: object) -> object:
    """The focused widget, typed loosely so each check narrows afresh."""
    return app.focused  # type: ignore[attr-defined]


async def test_tab_keys_focus_the_tab_content_and_its_keys_work() -> None:
    app, _ = make_app(ids=demo_ids())
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, list_loaded(app))
        screen = main_screen(app)
        await pilot.press("slash", *ID_5MB[:8], "enter", "enter")
        assert isinstance(focused(app), ConversationView)
        await pilot.press("5")
        view = screen.detail.request_body.view
        assert focused(app) is view and isinstance(view, JsonView)
        await wait_for(pilot, lambda: view.row_count > 40_000, "the 5 MB body wrapped")
        await pilot.press("G")
        assert view.scroll_y == view.max_scroll_y > 0
        await pilot.press("w")
        assert not view.wrap
        await pilot.press("right_square_bracket")
        assert focused(app) is screen.detail.response_body.view
        await pilot.press("1")
        assert isinstance(focused(app), ConversationView)


async def test_tab_keys_from_the_list_leave_the_focus_on_the_list() -> None:
    app, _ = make_app(ids=demo_ids())
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, list_loaded(app))
        await pilot.press("2")
        assert isinstance(focused(app), RequestList)
        assert main_screen(app).detail.active_tab == 1
