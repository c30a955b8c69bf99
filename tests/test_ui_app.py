"""The app shell: help, command palette, missing key, untrusted text, NO_COLOR."""

from __future__ import annotations

import pytest
from textual.binding import Binding
from textual.command import CommandPalette
from textual.filter import Monochrome

from helicone_tui.fake import FakeHelicone, builtin_rows
from helicone_tui.fake.dataset_ids import ID_GEMINI, ID_OPENAI_SIMPLE
from helicone_tui.settings import Settings
from helicone_tui.ui.app import HeliconeTUI
from helicone_tui.ui.detail.conversation import ConversationView
from helicone_tui.ui.detail.json_view import JsonView
from helicone_tui.ui.screens.help import HELP, HelpScreen
from helicone_tui.ui.screens.main import MainScreen
from helicone_tui.ui.screens.missing_key import MissingKeyScreen
from helicone_tui.ui.widgets.request_list import RequestList

from .ui_support import FIXED_NOW, list_loaded, main_screen, make_app, screen_text, wait_for

_SHOWN_AS = {
    "slash": "/",
    "question_mark": "?",
    "left_square_bracket": "[",
    "right_square_bracket": "]",
    "escape": "esc",
    "down": "↓",
    "up": "↑",
    "pagedown": "pgdn",
    "pageup": "pgup",
}


def _help_keys() -> set[str]:
    keys: set[str] = set()
    for _section, rows in HELP:
        for shown, _text in rows:
            for part in shown.replace(",", " / ").split(" / "):
                keys.add(part.strip())
            if shown == "1 – 6":
                keys.update("123456")
    return keys


def test_the_help_lists_every_key_of_the_app_the_screen_and_the_list() -> None:
    documented = _help_keys()
    missing = []
    for owner in (HeliconeTUI, MainScreen, RequestList, ConversationView, JsonView):
        for binding in owner.BINDINGS:
            assert isinstance(binding, Binding)
            for key in binding.key.split(","):
                if _SHOWN_AS.get(key, key) not in documented:
                    missing.append(f"{owner.__name__}: {key}")
    assert missing == []


async def test_question_mark_opens_the_help_and_escape_closes_it() -> None:
    app, _ = make_app(ids=[ID_GEMINI])
    async with app.run_test(size=(100, 40)) as pilot:
        await wait_for(pilot, list_loaded(app))
        await pilot.press("question_mark")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
        text = screen_text(app)
        assert "command palette" in text
        assert "filter by any visible text" in text
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, MainScreen))


async def test_the_command_palette_has_the_apps_commands() -> None:
    app, _ = make_app(ids=[ID_GEMINI, ID_OPENAI_SIMPLE])
    async with app.run_test(size=(100, 40)) as pilot:
        await wait_for(pilot, list_loaded(app))
        titles = [c.title for c in app.get_system_commands(app.screen)]
        for title in (
            "Clear the list",
            "Filter the list",
            "Sort by cost",
            "Copy the request body",
            "Copy the dashboard link",
            "Refetch",
            "Keys",
        ):
            assert title in titles
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette))
        await pilot.press(*"sort by cost")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, MainScreen))
        assert main_screen(app).model.sort.key == "cost"


async def test_a_missing_key_shows_how_to_set_one() -> None:
    app = HeliconeTUI(Settings(api_key=None), [], native_copier=None)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, MissingKeyScreen))
        text = screen_text(app)
        assert "HELICONE_API_KEY" in text
        assert "--api-key" in text
        assert "helicone-tui login" in text
        await pilot.press("q")
    assert app.return_code in (0, None)


async def test_an_unusable_key_says_why_instead_of_crashing() -> None:
    key = "sk-helicone-clé-with-accent"
    app = HeliconeTUI(Settings(api_key=key), [], native_copier=None)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, MissingKeyScreen))
        text = screen_text(app)
        assert "cannot be used" in text and "characters a key cannot have" in text
        assert key not in text
        await pilot.press("q")


async def test_the_missing_key_screen_can_open_the_demo() -> None:
    app = HeliconeTUI(Settings(api_key=None), [], native_copier=None)
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await wait_for(pilot, lambda: isinstance(app.screen, MissingKeyScreen))
            await pilot.press("d")
            await wait_for(pilot, lambda: isinstance(app.screen, MainScreen), "demo opened")
            await wait_for(pilot, list_loaded(app), "demo rows loaded")
            assert len(main_screen(app).model) > 10
            key = app.settings.api_key
            assert key and key not in screen_text(app)
    finally:
        if app.demo_server is not None:
            app.demo_server.stop()


async def test_untrusted_text_is_shown_literally_never_as_markup_or_escapes() -> None:
    rows = builtin_rows(FIXED_NOW)
    row = next(r for r in rows if r["request_id"] == ID_OPENAI_SIMPLE)
    row["model"] = "[bold red]evil[/]\x1b]52;c;aGk=\x07\u202e"
    app, _ = make_app(FakeHelicone(rows), ids=[ID_OPENAI_SIMPLE])
    async with app.run_test(size=(140, 40)) as pilot:
        await wait_for(pilot, list_loaded(app))
        await wait_for(pilot, lambda: main_screen(app).detail.state == "detail-main")
        text = screen_text(app)
        assert "[bold red]evil[/]" in text
        assert "\x1b" not in text and "\x07" not in text and "\u202e" not in text


async def test_no_color_is_honoured(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app, _ = make_app(ids=[ID_GEMINI])
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, list_loaded(app))
        assert app.no_color
        assert any(isinstance(f, Monochrome) for f in app._filters)
        # Status is said in words, so nothing depends on colour.
        assert "ok" in screen_text(app)


async def test_the_key_never_reaches_the_screen() -> None:
    app, fake = make_app(ids=[ID_GEMINI])
    async with app.run_test(size=(200, 60)) as pilot:
        await wait_for(pilot, list_loaded(app))
        await wait_for(pilot, lambda: main_screen(app).detail.state == "detail-main")
        for tab in "123456":
            await pilot.press(tab)
            await pilot.pause(0.05)
            assert fake.keys.write not in screen_text(app)
        assert all(fake.keys.write not in n.message for n in app._notifications)
