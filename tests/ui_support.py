"""Helpers for the UI's pilot tests: an app over the in-process fake, and waiting for a state."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any

from textual.pilot import Pilot

from helicone_tui.client import HeliconeClient, TokenBucket
from helicone_tui.fake import FakeHelicone, FakeTransport, builtin_rows
from helicone_tui.settings import Settings
from helicone_tui.ui.app import HeliconeTUI
from helicone_tui.ui.clipboard import NativeCopier
from helicone_tui.ui.screens.main import MainScreen

#: The dataset's "now" in tests and snapshots, so dates never move.
FIXED_NOW = datetime(2025, 6, 2, 12, 0, tzinfo=UTC)


def builtin_fake() -> FakeHelicone:
    """A fresh fake over the built-in dataset, dated from `FIXED_NOW`."""
    return FakeHelicone(builtin_rows(FIXED_NOW))


def make_app(
    fake: FakeHelicone | None = None,
    ids: Sequence[str] = (),
    *,
    key: str | None = None,
    native_copier: NativeCopier | None = None,
    copy_file_threshold: int = 100 * 1024,
    **client_options: Any,
) -> tuple[HeliconeTUI, FakeHelicone]:
    fake = fake or builtin_fake()

    def factory(settings: Settings) -> HeliconeClient:
        assert settings.api_key is not None
        options: dict[str, Any] = {"get_bucket": TokenBucket(capacity=1000, rate_per_s=1000)}
        options.update(client_options)
        return HeliconeClient(
            settings.api_key,
            base_url="https://api.helicone.ai",
            transport=FakeTransport(fake),
            **options,
        )

    settings = Settings(
        api_key=key if key is not None else fake.keys.write,
        copy_file_threshold=copy_file_threshold,
    )
    app = HeliconeTUI(settings, ids, client_factory=factory, native_copier=native_copier)
    return app, fake


async def wait_for(pilot: Pilot[Any], condition: Callable[[], bool], what: str = "") -> None:
    """Let the app run until `condition()` holds (a bound on tries, not on time, fails it)."""
    for _ in range(400):
        if condition():
            await pilot.pause(0.05)  # a few frames, so the screen shows the new state
            return
        await pilot.pause(0.01)
    raise AssertionError(f"never happened: {what or condition}")


def main_screen(app: HeliconeTUI) -> MainScreen:
    screen = app.screen
    assert isinstance(screen, MainScreen), screen
    return screen


def list_loaded(app: HeliconeTUI) -> Callable[[], bool]:
    def done() -> bool:
        screen = app.screen
        if not isinstance(screen, MainScreen):
            return False
        answered, total = screen.model.progress()
        return total > 0 and answered == total

    return done


def notices(app: HeliconeTUI) -> list[str]:
    return [n.message for n in app._notifications]


def screen_text(app: HeliconeTUI) -> str:
    """The screen as plain text (what a person would read)."""
    update = app.screen._compositor.render_full_update()
    return "\n".join("".join(seg.text for strip in line for seg in strip) for line in update.strips)
