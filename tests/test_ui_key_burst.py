"""Keys typed fast right after `/` or `a` land in the box those keys open (not on the list)."""

from __future__ import annotations

from textual import events
from textual.widgets import Input

from helicone_tui.fake import demo_ids
from helicone_tui.ui.widgets.id_input import IdInput

from .ui_support import list_loaded, main_screen, make_app, wait_for


def _burst(app: object, text: str) -> None:
    """Keys as the terminal driver posts them: all at once, nothing awaited in between."""
    names = {"/": "slash", " ": "space"}
    for char in text:
        app.post_message(events.Key(names.get(char, char), char))  # type: ignore[attr-defined]


async def test_pilot_keys_after_slash_reach_the_filter() -> None:
    app, _ = make_app(ids=demo_ids())
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, list_loaded(app))
        await pilot.press("slash", "c", "l", "a")
        assert main_screen(app).query_one("#filter", Input).value == "cla"


async def test_a_burst_after_slash_reaches_the_filter() -> None:
    app, _ = make_app(ids=demo_ids())
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, list_loaded(app))
        _burst(app, "/claude")
        await pilot.pause(0.1)
        box = main_screen(app).query_one("#filter", Input)
        assert box.value == "claude" and app.focused is box
        _burst(app, "/a")  # both are text now: the box has the focus
        await pilot.pause(0.1)
        assert box.value == "claude/a" and app.focused is box


async def test_a_burst_after_a_reaches_the_id_box() -> None:
    app, _ = make_app(ids=demo_ids())
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, list_loaded(app))
        _burst(app, "a0b1/c")
        await pilot.pause(0.1)
        box = main_screen(app).query_one(IdInput)
        assert box.value == "0b1/c" and app.focused is box
