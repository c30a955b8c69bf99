"""Small things a tester tripped over: help scrolling with j/k, token lines that count nothing."""

from __future__ import annotations

from textual.containers import VerticalScroll

from helicone_tui.fake.dataset_ids import ID_GEMINI
from helicone_tui.ui.detail.tokens_tab import tokens_renderable
from helicone_tui.ui.screens.help import HelpScreen

from .detail_support import fake_row, renderable_text
from .ui_support import list_loaded, make_app, wait_for


async def test_j_and_k_scroll_the_help_as_they_scroll_everything_else() -> None:
    app, _ = make_app(ids=[ID_GEMINI])
    async with app.run_test(size=(100, 20)) as pilot:
        await wait_for(pilot, list_loaded(app))
        await pilot.press("question_mark")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
        pane = app.screen.query_one("#help", VerticalScroll)
        await pilot.press("j", "j", "j")
        await pilot.pause()
        assert pane.scroll_y == 3
        await pilot.press("k")
        await pilot.pause()
        assert pane.scroll_y == 2
        await pilot.press("G")
        await pilot.pause()
        assert pane.scroll_y == pane.max_scroll_y > 3


def test_token_breakdown_lines_show_only_when_they_count_something() -> None:
    plain = renderable_text(tokens_renderable(fake_row("simple")))
    assert "audio" not in plain and "cache read" not in plain and "Prompt" in plain
    cached = fake_row("anthropic")
    assert cached.prompt_cache_read_tokens
    assert "cache read" in renderable_text(tokens_renderable(cached))
