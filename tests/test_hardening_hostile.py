"""Hostile content from the API (markup, ANSI / OSC escapes incl. an OSC 52 clipboard write and a
screen clear, bidi controls, NUL bytes, 1 MB single lines) in the list, the detail header, every
tab, notifications and `get`: shown literally, never reaching the terminal raw, layout intact.

What the terminal would receive is checked on the segments the compositor renders (exactly what
the driver writes, before styles become escape codes).
"""

from __future__ import annotations

import io
import json
from typing import Any

import httpx

from helicone_tui.client import HeliconeClient, TokenBucket
from helicone_tui.fake import FakeHelicone, FakeTransport
from helicone_tui.get_command import run_get
from helicone_tui.settings import Settings
from helicone_tui.ui.app import HeliconeTUI
from helicone_tui.ui.list_model import EntryState

from .client_support import row, uuid
from .ui_support import list_loaded, main_screen, notices, wait_for

HOSTILE = (
    "[bold red]x[/] [link=https://evil.test]click[/link] \x1b[2Jclr \x1b]52;c;aGk=\x07osc "
    "\u202eevil NUL\x00end \x9bcsi \x1b]8;;https://evil.test\x1b\\lnk\x1b]8;;\x1b\\"
)
FORBIDDEN = ("\x1b", "\x07", "\x00", "\u202e", "\x9b", "\x08", "\r", "\u2028")
MEGA_LINE = "M" * 1_000_000


def hostile_rows() -> list[dict[str, Any]]:
    return [
        row(
            1,
            model=HOSTILE,
            request_model=HOSTILE,
            provider=HOSTILE,
            request_user_id=HOSTILE,
            request_properties={HOSTILE: HOSTILE, "Helicone-Session-Name": HOSTILE},
            request_body={
                "model": HOSTILE,
                "messages": [
                    {"role": "system", "content": HOSTILE},
                    {"role": "user", "content": MEGA_LINE},
                ],
            },
            response_body={
                "error": {"message": HOSTILE, "type": HOSTILE},
            },
            response_status=500,
        ),
        row(2, model="gpt-4o\u2028second line", provider="OPENAI\nAZURE"),
    ]


def assert_terminal_safe(app: HeliconeTUI) -> list[str]:
    """The screen's lines; fails on any control character or link a segment would carry."""
    lines = []
    for strip in app.screen._compositor.render_strips():
        for segment in strip:
            for char in FORBIDDEN:
                assert char not in segment.text, (repr(char), segment.text[:200])
            assert not (segment.style and segment.style.link), segment
        lines.append(strip.text)
    return lines


def app_over(
    fake: FakeHelicone, ids: list[str], transport: httpx.AsyncBaseTransport
) -> HeliconeTUI:
    def factory(settings: Settings) -> HeliconeClient:
        assert settings.api_key is not None
        return HeliconeClient(
            settings.api_key,
            base_url="https://api.helicone.ai",
            transport=transport,
            get_bucket=TokenBucket(capacity=1000, rate_per_s=1000),
        )

    return HeliconeTUI(Settings(api_key=fake.keys.write), ids, client_factory=factory)


async def test_hostile_rows_in_the_list_header_and_every_tab() -> None:
    fake = FakeHelicone(hostile_rows())
    app = app_over(fake, [uuid(1), uuid(2)], FakeTransport(fake))
    app.animation_level = "none"
    async with app.run_test(size=(160, 50)) as pilot:
        await wait_for(pilot, list_loaded(app))
        screen = main_screen(app)
        assert {e.state for e in screen.model.view} == {EntryState.OK}
        await wait_for(pilot, lambda: screen.detail.state == "detail-main", "detail shown")
        lines = assert_terminal_safe(app)
        text = "\n".join(lines)
        # The list: each row one line, markup shown as typed, escapes as visible stand-ins.
        region = screen.request_list.region
        list_lines = [line[region.x : region.right] for line in lines[region.y : region.bottom]]
        rows = [line for line in list_lines if line.strip()]
        assert len(rows) == 3, rows  # the column header and one line per row
        assert rows[1].startswith("500") and "[bold red]x[/] [link=" in rows[1]
        assert "gpt-4o" in rows[2] and "<U+2028>second line" in rows[2] and "OPENAI AZ" in rows[2]
        assert "␛[2Jclr" in text  # the summary header shows the screen clear, defused
        for tab in range(6):
            screen.detail.select_tab(tab)
            if tab == 4:
                await screen.detail.request_body.loaded.wait()
            if tab == 5:
                await screen.detail.response_body.loaded.wait()
            if tab == 0:
                await screen.detail.conversation.fully_measured.wait()
            await pilot.pause()
            tab_text = "\n".join(assert_terminal_safe(app))
            assert "[bold red]x[/]" in tab_text or tab in (1, 2), (tab, tab_text[:2000])
        # The 1 MB line is in the Request JSON tab, cut for display, not painted whole.
        screen.detail.select_tab(4)
        await pilot.pause()
        assert "MMMMMMMMMM" in "\n".join(assert_terminal_safe(app))
        # The second row's line separator and newline do not break the layout when shown.
        await pilot.press("j")
        await pilot.pause()
        lines = assert_terminal_safe(app)
        assert "second line" in "\n".join(lines)
        assert app.is_running


class HostileServer(httpx.AsyncBaseTransport):
    """The fake, except that every answer is an error whose message is hostile."""

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if request.method == "POST":
            body = {"data": None, "error": HOSTILE}
            return httpx.Response(200, json=body, request=request)
        return httpx.Response(500, json={"message": HOSTILE, "details": HOSTILE}, request=request)


async def test_hostile_error_messages_in_rows_notifications_and_the_detail() -> None:
    fake = FakeHelicone(hostile_rows())
    app = app_over(fake, [uuid(1), uuid(2)], HostileServer())
    async with app.run_test(size=(160, 50), notifications=True) as pilot:
        await wait_for(pilot, list_loaded(app))
        screen = main_screen(app)
        assert {e.state for e in screen.model.view} == {EntryState.ERROR}
        await wait_for(pilot, lambda: screen.detail.state == "detail-error", "detail error")
        assert any("[bold red]x[/]" in n for n in notices(app))
        await pilot.pause(0.2)  # the toast is on screen
        text = "\n".join(assert_terminal_safe(app))
        assert "Loading the list failed" in text
        assert "[bold red]x[/]" in text


def test_get_prints_hostile_rows_literally() -> None:
    fake = FakeHelicone(hostile_rows())
    for as_json in (False, True):
        out, err = io.StringIO(), io.StringIO()
        client = HeliconeClient(fake.keys.write, transport=FakeTransport(fake))
        code = run_get(
            Settings(api_key=fake.keys.write),
            [uuid(1), uuid(2)],
            as_json=as_json,
            out=out,
            err=err,
            client=client,
        )
        assert code == 0, err.getvalue()
        printed = out.getvalue()
        for char in FORBIDDEN:
            assert char not in printed, repr(char)
        assert "[bold red]x[/]" in printed
        if as_json:
            parsed = json.loads(printed)
            assert parsed[0]["model"] == HOSTILE  # JSON escapes keep the value exact
    out, err = io.StringIO(), io.StringIO()
    client = HeliconeClient(fake.keys.write, transport=HostileServer())
    assert run_get(Settings(api_key=fake.keys.write), [uuid(1)], as_json=False, out=out,
                   err=err, client=client) == 1  # fmt: skip
    for char in FORBIDDEN:
        assert char not in err.getvalue(), repr(char)
    assert "[bold red]x[/]" in err.getvalue()
