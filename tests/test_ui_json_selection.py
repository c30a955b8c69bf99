"""Selecting a JSON body's text with the mouse (the painting is shared with the conversation)."""

from __future__ import annotations

from .detail_support import DetailApp, fake_row, screen_strips, show


async def test_dragging_over_the_json_tab_selects_its_lines() -> None:
    app = DetailApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await show(app, fake_row("simple"))
        app.detail.select_tab(4)
        await app.detail.request_body.loaded.wait()
        await pilot.pause()
        view = app.detail.request_body.view
        await pilot.mouse_down(view, offset=(0, 1))
        await pilot.hover(view, offset=(12, 2))
        await pilot.mouse_up(view, offset=(12, 2))
        await pilot.pause()
        selected = app.screen.get_selected_text()
        assert selected is not None
        lines = view.lines
        # The character under the mouse is selected too.
        assert selected == lines[1] + "\n" + lines[2][:13]
        style = app.screen.get_component_rich_style("screen--selection")
        row = screen_strips(app)[view.region.y + 1]
        assert any(segment.style and segment.style.bgcolor == style.bgcolor for segment in row)
