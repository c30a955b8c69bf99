"""Copy: every item, full text, OSC 52 always, the native clipboard when there is one, and a
file for big payloads; the notice says which happened."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from helicone_tui.fake.dataset_ids import ID_5MB, ID_NOT_STORED, ID_OPENAI_TOOL_CALLS
from helicone_tui.mapping import conversation_to_markdown, map_request
from helicone_tui.models import HeliconeRequest
from helicone_tui.ui import clipboard
from helicone_tui.ui.copy_items import body_text
from helicone_tui.ui.screens.copy_menu import CopyMenuScreen

from .ui_support import list_loaded, main_screen, make_app, notices, wait_for


@pytest.fixture(autouse=True)
def copies_in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(clipboard, "copies_dir", lambda: tmp_path / "copies")
    return tmp_path / "copies"


def full_row(fake_row: dict[str, object]) -> HeliconeRequest:
    return HeliconeRequest.model_validate(fake_row)


async def copy_and_wait(pilot, app, key: str) -> str:  # type: ignore[no-untyped-def]
    count = len(app._notifications)
    await pilot.press(key)
    await wait_for(pilot, lambda: len(app._notifications) > count, f"notice after {key}")
    return str(notices(app)[-1])


async def test_every_item_is_copied_in_full_over_osc52() -> None:
    app, fake = make_app(ids=[ID_OPENAI_TOOL_CALLS])
    row = full_row(fake.row(ID_OPENAI_TOOL_CALLS))  # type: ignore[arg-type]
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, list_loaded(app))
        screen = main_screen(app)
        await wait_for(pilot, lambda: screen.detail.state == "detail-main")
        expected = {
            "I": ID_OPENAI_TOOL_CALLS,
            "B": body_text(row.request_body),
            "O": body_text(row.response_body),
            "M": conversation_to_markdown(map_request(row)),
            "L": f"https://us.helicone.ai/requests?requestId={ID_OPENAI_TOOL_CALLS}",
        }
        for key, text in expected.items():
            notice = await copy_and_wait(pilot, app, key)
            assert app.clipboard == text, key
            assert notice.startswith("Sent ") and "(OSC 52)" in notice
            assert "no local clipboard" in notice
        await copy_and_wait(pilot, app, "J")
        dumped = json.loads(app.clipboard)
        assert dumped["request_id"] == ID_OPENAI_TOOL_CALLS
        assert dumped["request_body"] == row.request_body
        await copy_and_wait(pilot, app, "F")
        assert app.clipboard == screen.detail.focused_message_markdown()
        assert app.clipboard.strip()


async def test_the_copy_menu_lists_every_item_and_copies_by_key() -> None:
    app, _ = make_app(ids=[ID_OPENAI_TOOL_CALLS])
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, list_loaded(app))
        await pilot.press("y")
        await wait_for(pilot, lambda: isinstance(app.screen, CopyMenuScreen))
        await pilot.press("i")
        await wait_for(pilot, lambda: app.clipboard == ID_OPENAI_TOOL_CALLS)
        await pilot.press("y")
        await wait_for(pilot, lambda: isinstance(app.screen, CopyMenuScreen))
        await pilot.press("down", "down", "enter")  # the third item: the response body
        await wait_for(pilot, lambda: app.clipboard.startswith("{"))
        assert "choices" in app.clipboard


async def test_copied_to_the_native_clipboard_says_copied() -> None:
    taken: list[str] = []
    app, _ = make_app(ids=[ID_OPENAI_TOOL_CALLS], native_copier=taken.append)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, list_loaded(app))
        notice = await copy_and_wait(pilot, app, "I")
        assert taken == [ID_OPENAI_TOOL_CALLS]
        assert notice == "Copied request id (36 B)."


async def test_a_failing_native_clipboard_is_reported_not_hidden() -> None:
    def broken(_text: str) -> None:
        raise RuntimeError("Pyperclip could not find a copy/paste mechanism")

    app, _ = make_app(ids=[ID_OPENAI_TOOL_CALLS], native_copier=broken)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, list_loaded(app))
        notice = await copy_and_wait(pilot, app, "I")
        assert app.clipboard == ID_OPENAI_TOOL_CALLS
        assert "(OSC 52)" in notice
        assert "the system clipboard failed: Pyperclip could not find" in notice


async def test_big_payloads_are_also_written_to_a_private_file(copies_in_tmp: Path) -> None:
    app, _ = make_app(ids=[ID_5MB])
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, list_loaded(app))
        screen = main_screen(app)
        await wait_for(pilot, lambda: screen.detail.state == "detail-main")
        notice = await copy_and_wait(pilot, app, "B")
        assert len(app.clipboard) > 1_000_000
        files = list(copies_in_tmp.iterdir())
        assert len(files) == 1
        assert files[0].read_text(encoding="utf-8") == app.clipboard
        assert stat.S_IMODE(files[0].stat().st_mode) == 0o600
        assert f"Also saved to {files[0]}" in notice


async def test_no_body_to_copy_says_why() -> None:
    app, _ = make_app(ids=[ID_NOT_STORED])
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, list_loaded(app))
        notice = await copy_and_wait(pilot, app, "B")
        assert notice.startswith("No request body to copy.")
        assert "not store" in notice
        assert app.clipboard == ""


def test_local_display_detection() -> None:
    assert not clipboard.has_local_display({}, "linux")
    assert clipboard.has_local_display({"DISPLAY": ":0"}, "linux")
    assert clipboard.has_local_display({"WAYLAND_DISPLAY": "wayland-0"}, "linux")
    assert clipboard.has_local_display({}, "darwin")
    assert clipboard.has_local_display({}, "win32")
