"""The paste box names a shortened id (the list shows 8 characters) instead of "ignoring" it."""

from __future__ import annotations

from textual import events

from helicone_tui.fake.dataset_ids import ID_GEMINI

from .ui_support import list_loaded, main_screen, make_app, notices, wait_for


async def test_a_typed_short_id_is_named_as_shortened() -> None:
    app, _ = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press(*"d50daab3", "enter")
        await pilot.pause()
        assert len(main_screen(app).model) == 0
        message = notices(app)[-1]
        assert "d50daab3 looks like a shortened id: the full id (36 characters)" in message
        assert "ignored" not in message


async def test_a_short_id_pasted_on_the_list_is_named_as_shortened() -> None:
    app, _ = make_app(ids=[ID_GEMINI])
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, list_loaded(app))
        app.focused.post_message(events.Paste(ID_GEMINI[:8]))  # type: ignore[union-attr]
        await wait_for(pilot, lambda: bool(notices(app)))
        assert f"{ID_GEMINI[:8]} looks like a shortened id" in notices(app)[-1]
