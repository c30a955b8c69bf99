"""Small things found by using the app in a terminal: each one a check that it stays fixed."""

from __future__ import annotations

from helicone_tui.fake import demo_ids
from helicone_tui.ui.screens.confirm import ConfirmScreen
from helicone_tui.ui.screens.help import HelpScreen

from .ui_support import list_loaded, make_app, screen_text, wait_for


async def test_the_clear_list_question_is_readable() -> None:
    # The dialog had `width: auto` over width-less Statics: an empty 4-column box.
    app, _ = make_app(ids=demo_ids()[:3])
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, list_loaded(app))
        await pilot.press("D")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.pause(0.1)
        text = screen_text(app)
        assert "3 requests" in text and "y / enter: yes" in text


async def test_help_descriptions_wrap_in_their_column_at_80_columns() -> None:
    app, _ = make_app(ids=demo_ids()[:1])
    async with app.run_test(size=(80, 40)) as pilot:
        await wait_for(pilot, list_loaded(app))
        await pilot.press("question_mark")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
        await pilot.pause(0.1)
        lines = screen_text(app).splitlines()
        first = next(i for i, line in enumerate(lines) if "tab / shift+tab" in line)
        column = lines[first].index("move focus")
        # The wrapped rest of the description starts under its first line, not under the key.
        assert lines[first + 1][column - 2 : column] == "  " and lines[first + 1][column] != " "
