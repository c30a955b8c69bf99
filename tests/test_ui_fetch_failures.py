"""A tester's findings: fetch failures told apart from the call's own status, a refused key said
once, failed refreshes and body fetches keep what is known, keys after clearing and pasting do
what the footer says, counts with separators, whole sentences, short routine toasts."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest
from rich.style import Style
from textual.widgets import Static

from helicone_tui.client import HeliconeError, IdResult
from helicone_tui.client.errors import ServerError
from helicone_tui.fake.dataset_ids import (
    ID_ANTHROPIC,
    ID_GEMINI,
    ID_OPENAI_SIMPLE,
    ID_OPENAI_TOOL_CALLS,
    ID_PROVIDER_ERROR,
)
from helicone_tui.ui.detail.tokens_tab import tokens_renderable
from helicone_tui.ui.list_model import NOT_LOADED, EntryState
from helicone_tui.ui.screens.main import ROUTINE_NOTICE_S
from helicone_tui.ui.widgets.id_input import FOCUSED_PLACEHOLDER, IdInput
from helicone_tui.ui.widgets.request_list import EMPTY_HINT, RequestList

from .detail_support import renderable_text
from .ui_support import list_loaded, main_screen, make_app, notices, screen_text, wait_for


async def no_sleep(_seconds: float) -> None:
    """The client's pause before honouring Retry-After: not slept."""


def status_style(request_list: RequestList, request_id: str) -> tuple[str, Style]:
    """The Status cell's text and style of `request_id`'s row as drawn."""
    index = request_list.model.index_of(request_id)
    assert index is not None
    strip = request_list.render_line(index + 1 - round(request_list.scroll_y))
    first = next(iter(strip))
    return first.text.strip(), first.style or Style()


async def test_a_row_that_could_not_be_fetched_is_not_drawn_like_a_failed_call() -> None:
    app, fake = make_app(ids=[ID_PROVIDER_ERROR], sleep=no_sleep, max_retries=1)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, list_loaded(app))
        screen = main_screen(app)
        fake.set_faults(status_429=1.0, paths=["query-ids", "get"])
        screen.add_ids([ID_GEMINI])
        await wait_for(pilot, list_loaded(app))
        entry = screen.model.get(ID_GEMINI)
        assert entry is not None and entry.state is EntryState.ERROR
        call_text, call_style = status_style(screen.request_list, ID_PROVIDER_ERROR)
        fetch_text, fetch_style = status_style(screen.request_list, ID_GEMINI)
        assert call_text == "429"  # the LLM call's own status
        assert fetch_text == NOT_LOADED  # we could not fetch the row: never "429"
        assert call_style.color != fetch_style.color
        assert fetch_style.italic and not call_style.italic
        text = screen_text(app)
        row = next(line for line in text.splitlines() if ID_GEMINI[:8] in line)
        assert "rate limited" in row and "429" not in row
        assert "1 not loaded (r retries)" in text


async def test_a_refused_key_is_said_once_in_a_banner_not_as_401_on_every_row() -> None:
    fake_app, fake = make_app()
    app, _ = make_app(
        fake, ids=[ID_OPENAI_SIMPLE, ID_ANTHROPIC, ID_GEMINI], key=fake.keys.wrong_region
    )
    del fake_app
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, list_loaded(app))
        screen = main_screen(app)
        for entry in screen.model.view:
            assert entry.status_text == NOT_LOADED
            assert "401" not in " ".join(entry.cells)
        await wait_for(pilot, lambda: bool(screen.key_refused_notice), "the banner")
        assert "refused the API key" in screen.key_refused_notice
        assert screen.query_one("#key-banner", Static).region.height > 0
        # No toast per failure either: the banner says it.
        assert not any("refused" in message for message in notices(app))
        lines = screen_text(app).splitlines()
        assert sum("refused the API key" in line for line in lines[:4]) == 1


async def test_a_failed_refresh_keeps_the_request_and_says_why_over_the_tabs() -> None:
    app, fake = make_app(ids=[ID_OPENAI_TOOL_CALLS], max_retries=0)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, list_loaded(app))
        screen = main_screen(app)
        await wait_for(pilot, lambda: screen.detail.state == "detail-main")
        assert "Wayfarer" in screen_text(app)
        fake.set_faults(status_500=1.0, paths=["get"])
        await pilot.press("r")
        await wait_for(pilot, lambda: not screen._in_flight, "the refresh done")
        assert screen.detail.state == "detail-main"
        assert "Refresh failed" in screen.detail.notice
        row = screen.detail.row
        assert row is not None and row.request_id == ID_OPENAI_TOOL_CALLS
        text = screen_text(app)
        assert "Wayfarer" in text  # the conversation is still there
        assert "Refresh failed: Helicone server error (500)" in text
        assert "Press r to try again." in text
        fake.set_faults(status_500=0)
        await pilot.press("r")
        await wait_for(pilot, lambda: screen.detail.notice == "", "the notice gone")
        assert screen.detail.state == "detail-main"


async def test_a_failed_detail_fetch_shows_what_the_list_has() -> None:
    app, fake = make_app(ids=[ID_OPENAI_SIMPLE, ID_ANTHROPIC], max_retries=0)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, list_loaded(app))
        screen = main_screen(app)
        await wait_for(pilot, lambda: screen.detail.state == "detail-main")
        fake.set_faults(status_500=1.0, paths=["get"])
        screen.cache.clear()
        await pilot.press("j")
        await wait_for(pilot, lambda: screen.detail.state != "detail-loading", "the fetch done")
        view = screen.detail
        assert view.state == "detail-main"
        assert "Could not fetch" in view.notice
        assert view.row is not None and view.row.request_id == ID_ANTHROPIC
        listed = screen.model.get(ID_ANTHROPIC)
        assert listed is not None and listed.row is not None
        tokens = renderable_text(tokens_renderable(view.row))
        assert f"{listed.row.prompt_tokens:,}" in tokens
        assert "500" in view.notice
        view.select_tab(3)
        await pilot.pause()
        assert "could not be fetched" in renderable_text(view.properties.renderable)
        view.select_tab(4)
        await wait_for(pilot, lambda: "could not be fetched" in view.request_body.notice)
        assert ID_ANTHROPIC not in screen.cache  # a stand-in is never cached


async def test_after_clearing_the_list_keys_do_what_the_footer_says() -> None:
    app, _ = make_app(ids=[ID_OPENAI_SIMPLE, ID_GEMINI])
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, list_loaded(app))
        screen = main_screen(app)
        await pilot.press("D", "y")
        await wait_for(pilot, lambda: len(screen.model) == 0, "cleared")
        assert isinstance(app.focused, RequestList)
        assert EMPTY_HINT in screen_text(app)
        await pilot.press("j", "k")
        box = screen.query_one(IdInput)
        assert box.value == ""
        await pilot.press("a")
        assert app.focused is box
        assert box.value == ""
        assert box.placeholder == FOCUSED_PLACEHOLDER  # the box says it takes the keys
        await pilot.pause(0.1)
        assert "Back to list" in screen_text(app).splitlines()[-1]  # and the footer
        await pilot.press("escape")
        assert isinstance(app.focused, RequestList)


async def test_after_adding_ids_from_the_box_a_opens_it_again_without_typing() -> None:
    app, _ = make_app(ids=[ID_OPENAI_SIMPLE])
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, list_loaded(app))
        screen = main_screen(app)
        await pilot.press("a", *ID_GEMINI, "enter")
        await wait_for(pilot, list_loaded(app))
        assert len(screen.model) == 2
        assert isinstance(app.focused, RequestList)
        await pilot.press("a")
        box = screen.query_one(IdInput)
        assert app.focused is box and box.value == ""


async def test_counts_have_thousands_separators() -> None:
    app, _ = make_app()
    async with app.run_test(size=(160, 30)) as pilot:
        await pilot.pause()
        screen = main_screen(app)
        ids = [f"00000000-0000-4000-8000-{n:012d}" for n in range(10_000)]
        screen.model.add_ids(ids)
        screen.model.apply(
            IdResult(request_id, error=ServerError(500)) for request_id in ids[:1500]
        )
        screen.set_filter("loading")
        status = str(screen.query_one("#list-status", Static).render())
        assert "10,000 requests" in status
        assert "loading 1,500 / 10,000" in status
        assert "1,500 not loaded" in status
        assert "filter “loading”: 8,500 shown" in status


async def test_loading_the_list_stopped_reads_as_whole_sentences(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app, _ = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        screen = main_screen(app)
        await wait_for(pilot, lambda: screen._client is not None, "the client")

        async def broken(_ids: Any) -> AsyncIterator[list[IdResult[Any]]]:
            raise HeliconeError("The server went away.")
            yield []  # an async generator

        monkeypatch.setattr(screen.client, "iter_query_summaries", broken)
        screen.add_ids([ID_GEMINI])
        await wait_for(pilot, lambda: any("stopped" in n for n in notices(app)))
        message = next(n for n in notices(app) if "stopped" in n)
        assert message == "Loading the list stopped: The server went away. Press r to retry."


async def test_routine_confirmations_leave_quickly_errors_stay() -> None:
    copied: list[str] = []
    app, fake = make_app(native_copier=copied.append)
    async with app.run_test(size=(120, 30)) as pilot:
        screen = main_screen(app)
        await pilot.pause()
        screen.add_ids([ID_GEMINI], "Found 1 id.")
        await wait_for(pilot, list_loaded(app))
        screen.action_copy("request-id")
        await wait_for(pilot, lambda: copied == [ID_GEMINI], "copied")
        await wait_for(pilot, lambda: any("Copied" in n for n in notices(app)))
        fake.set_faults(status_500=1.0, paths=["query-ids"])
        screen.add_ids([ID_ANTHROPIC])
        await wait_for(pilot, list_loaded(app))
        timeouts = {n.message.split(" ")[0]: n.timeout for n in app._notifications}
        assert timeouts["Found"] == ROUTINE_NOTICE_S <= 3
        assert timeouts["Copied"] == ROUTINE_NOTICE_S
        errors = [n for n in app._notifications if n.severity == "error"]
        assert errors and all(n.timeout > ROUTINE_NOTICE_S for n in errors)
