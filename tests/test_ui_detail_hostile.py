"""Untrusted text in every tab shows literally: no markup styling, no control character reaching
the terminal (checked on the rendered segments)."""

from __future__ import annotations

import json

from helicone_tui.mapping import map_request
from helicone_tui.ui.detail import compute_totals

from .detail_support import DetailApp, renderable_text, row_of, screen_strips, screen_text

HOSTILE = "[bold red]x[/] \x1b[2Jcleared \x1b]52;c;aGk=\x07osc \u202eevil NUL\x00end \x9bcsi"
FORBIDDEN = ("\x1b", "\x07", "\x00", "\u202e", "\x9b")


def hostile_row() -> object:
    return row_of(
        model=HOSTILE,
        target_url="https://x.test/?key=SECRET",
        properties={"note": HOSTILE, "Helicone-Session-Name": HOSTILE},
        request_body={
            "model": "gpt-4o",
            "messages": [
                {"role": "system", "content": HOSTILE},
                {"role": "user", "content": HOSTILE},
            ],
        },
        response_body={
            "choices": [
                {
                    "message": {
                        "role": "assistant",
                        "content": HOSTILE,
                        "tool_calls": [
                            {
                                "id": "c1",
                                "type": "function",
                                "function": {
                                    "name": HOSTILE,
                                    "arguments": json.dumps({"q": HOSTILE}),
                                },
                            }
                        ],
                    }
                }
            ]
        },
    )


def assert_terminal_safe(app: DetailApp) -> None:
    for strip in screen_strips(app):
        for segment in strip:
            for char in FORBIDDEN:
                assert char not in segment.text, (char, segment.text)
            assert not (segment.style and segment.style.link), segment


async def test_every_tab_shows_hostile_text_literally() -> None:
    row = hostile_row()
    app = DetailApp()
    async with app.run_test(size=(200, 60)) as pilot:
        view = app.detail
        view.show_request(row, map_request(row), compute_totals([row]))  # type: ignore[arg-type]
        await view.conversation.fully_measured.wait()
        await pilot.pause()
        conversation = screen_text(app)
        assert "[bold red]x[/]" in conversation
        assert "␛[2Jcleared" in conversation
        assert_terminal_safe(app)
        for tab in range(1, 6):
            view.select_tab(tab)
            if tab == 4:
                await view.request_body.loaded.wait()
            if tab == 5:
                await view.response_body.loaded.wait()
            await pilot.pause()
            assert_terminal_safe(app)
        props = renderable_text(view.properties.renderable)
        assert "[bold red]x[/]" in props and "SECRET" not in props
        view.select_tab(0)
        conversation_view = view.conversation
        conversation_view.focus()
        for _ in range(3):
            await pilot.press("j")
            await pilot.pause(0.4)  # the resting cursor upgrades its message to Markdown
            assert_terminal_safe(app)
        await pilot.press("e")
        await pilot.pause()
        assert_terminal_safe(app)
        markdown = view.focused_message_markdown()
        assert markdown is not None
        assert not any(char in markdown for char in FORBIDDEN)


async def test_hostile_error_message_is_literal() -> None:
    app = DetailApp()
    async with app.run_test(size=(120, 30)) as pilot:
        app.detail.show_error(HOSTILE, RuntimeError(HOSTILE))
        await pilot.pause()
        assert "[bold red]x[/]" in screen_text(app)
        assert_terminal_safe(app)


async def test_string_bodies_are_shown_as_they_are() -> None:
    row = row_of(request_body="raw [b]text[/b]\nline \x1b[31mtwo", response_body=None)
    app = DetailApp()
    async with app.run_test(size=(120, 30)) as pilot:
        view = app.detail
        view.show_request(row, map_request(row), compute_totals([row]))
        view.select_tab(4)
        await view.request_body.loaded.wait()
        await pilot.pause()
        text = screen_text(app)
        assert "raw [b]text[/b]" in text and "text · 2 lines" in text
        assert_terminal_safe(app)
        view.next_tab()
        await view.response_body.loaded.wait()
        await pilot.pause()
        assert "no response body" in screen_text(app)
