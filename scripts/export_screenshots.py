"""Regenerate screenshots/*.svg: the demo, driven headless with `run_test` + `save_screenshot`.

Run: .venv/bin/python scripts/export_screenshots.py
Dates are pinned (the dataset's "now" and the UTC time zone), so the pictures only change when
the app does.
"""

from __future__ import annotations

import asyncio
import os
import sys
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

os.environ["TZ"] = "UTC"
time.tzset()

from textual.pilot import Pilot  # noqa: E402

from helicone_tui.client import HeliconeClient  # noqa: E402
from helicone_tui.fake import FakeHelicone, FakeTransport, builtin_rows, demo_ids  # noqa: E402
from helicone_tui.fake.dataset_ids import (  # noqa: E402
    ID_ANTHROPIC,
    ID_OPENAI_TOOL_CALLS,
)
from helicone_tui.settings import Settings  # noqa: E402
from helicone_tui.ui.app import HeliconeTUI  # noqa: E402
from helicone_tui.ui.screens.main import MainScreen  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "screenshots"
NOW = datetime(2025, 6, 2, 12, 0, tzinfo=UTC)
SIZE = (120, 36)

Step = Callable[[Pilot[Any], MainScreen, FakeHelicone], Awaitable[None]]


async def until(pilot: Pilot[Any], condition: Callable[[], bool]) -> None:
    for _ in range(500):
        if condition():
            await pilot.pause(0.3)
            return
        await pilot.pause(0.02)
    raise RuntimeError("the app never reached the expected state")


async def shoot(name: str, steps: Step, *, select: str | None = None) -> None:
    fake = FakeHelicone(builtin_rows(NOW))

    def factory(settings: Settings) -> HeliconeClient:
        return HeliconeClient(
            settings.api_key, base_url="https://api.helicone.ai", transport=FakeTransport(fake)
        )

    app = HeliconeTUI(
        Settings(api_key=fake.keys.write),
        demo_ids(),
        demo=True,
        client_factory=factory,
        native_copier=None,
    )
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, MainScreen)
        await until(pilot, lambda: screen.model.progress()[0] == len(screen.model))
        if select:
            screen.request_list.select_id(select)
        await steps(pilot, screen, fake)
        app.save_screenshot(filename=f"{name}.svg", path=str(OUT))
    print(f"wrote {OUT / name}.svg")


def keys(*pressed: str, state: str = "detail-main") -> Step:
    async def run(pilot: Pilot[Any], screen: MainScreen, _fake: FakeHelicone) -> None:
        await until(pilot, lambda: screen.detail.state == state)
        for key in pressed:
            await pilot.press(key)
            await pilot.pause(0.2)
        await pilot.pause(0.5)

    return run


async def error_steps(pilot: Pilot[Any], screen: MainScreen, fake: FakeHelicone) -> None:
    fake.set_faults(status_500=1.0, paths=["get"])
    await pilot.press("G")  # far from the first row's prefetched neighbours
    # The list has the row: the pane shows what it knows and says over the tabs what failed.
    await until(pilot, lambda: "Could not fetch" in screen.detail.notice)


async def main() -> None:
    OUT.mkdir(exist_ok=True)
    await shoot("list", keys())
    await shoot("conversation", keys("enter"), select=ID_OPENAI_TOOL_CALLS)
    await shoot("tokens", keys("2"), select=ID_ANTHROPIC)
    await shoot("properties", keys("4"), select=ID_ANTHROPIC)
    await shoot("json", keys("enter", "6"), select=ID_OPENAI_TOOL_CALLS)
    await shoot("error", error_steps)


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
