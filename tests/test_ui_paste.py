"""The paste pane: any text in, request ids out, what was ignored said out loud."""

from __future__ import annotations

from textual import events

from helicone_tui.fake.dataset_ids import ID_ANTHROPIC, ID_GEMINI, ID_OPENAI_SIMPLE
from helicone_tui.ui.widgets.id_input import IdInput
from helicone_tui.ui.widgets.request_list import RequestList

from .ui_support import list_loaded, main_screen, make_app, notices, wait_for


async def test_starts_in_the_paste_box_when_there_are_no_ids() -> None:
    app, _ = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.focused, IdInput)
        assert "paste request ids" in app.focused.placeholder.lower()


async def test_pasting_log_lines_and_links_adds_the_ids_and_reports_ignored_tokens() -> None:
    app, _ = make_app()
    text = (
        f"INFO call ok request={ID_OPENAI_SIMPLE}\n"
        f"https://us.helicone.ai/requests?requestId={ID_ANTHROPIC}\n"
        f"{ID_OPENAI_SIMPLE}, {ID_GEMINI}"
    )
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.focused.post_message(events.Paste(text))  # type: ignore[union-attr]
        await wait_for(pilot, list_loaded(app))
        screen = main_screen(app)
        assert [e.request_id for e in screen.model.view] == [
            ID_OPENAI_SIMPLE,
            ID_ANTHROPIC,
            ID_GEMINI,
        ]
        message = notices(app)[-1]
        assert "Found 3 ids (1 duplicate dropped)" in message
        assert "ignored 3 tokens: INFO, call, ok" in message
        assert "Added 3" in message
        assert screen.query_one(IdInput).value == ""
        assert isinstance(app.focused, RequestList)


async def test_typed_ids_are_added_with_enter() -> None:
    app, _ = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press(*ID_GEMINI, "enter")
        await wait_for(pilot, list_loaded(app))
        assert [e.request_id for e in main_screen(app).model.view] == [ID_GEMINI]


async def test_text_without_ids_is_refused_with_a_hint() -> None:
    app, _ = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press(*"hello", "enter")
        await pilot.pause()
        assert len(main_screen(app).model) == 0
        assert "No request ids (UUIDs) in that text" in notices(app)[-1]


async def test_pasting_on_the_list_adds_too_and_says_when_already_listed() -> None:
    app, _ = make_app(ids=[ID_GEMINI])
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, list_loaded(app))
        assert isinstance(app.focused, RequestList)
        app.focused.post_message(events.Paste(f"{ID_GEMINI} {ID_ANTHROPIC}"))
        await wait_for(pilot, lambda: len(main_screen(app).model) == 2)
        assert "1 already listed. Added 1." in notices(app)[-1]


async def test_letters_typed_in_the_paste_box_are_not_commands() -> None:
    app, _ = make_app(ids=[ID_GEMINI, ID_ANTHROPIC])
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, list_loaded(app))
        await pilot.press("a")  # focus the paste box
        assert isinstance(app.focused, IdInput)
        await pilot.press(*"dqsy?")
        assert app.focused.value == "dqsy?"
        assert len(main_screen(app).model) == 2
        assert app.is_running
        await pilot.press("escape")
        assert isinstance(app.focused, RequestList)


async def test_ten_thousand_ids_in_one_paste() -> None:
    import uuid

    ids = [str(uuid.uuid4()) for _ in range(10_000)]
    app, fake = make_app()
    fake.set_faults(latency_ms=60_000, paths=["query-ids"])  # keep them loading
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.focused.post_message(events.Paste("\n".join(ids)))  # type: ignore[union-attr]
        await wait_for(pilot, lambda: len(main_screen(app).model) == 10_000)
        assert "Added 10,000" in notices(app)[-1]
        assert main_screen(app).query_one(IdInput).value == ""
