"""Faults of the fake server during list filling and detail fetching, in the running app: the app
keeps running, affected rows say what happened, `r` recovers once the fault stops, and no pasted
id is lost. Waits are injected (no real sleeping on Retry-After); nothing asserts wall-clock time.
"""

from __future__ import annotations

from typing import Any

import pytest

from helicone_tui.client import HeliconeClient, TokenBucket
from helicone_tui.fake import FakeHelicone, demo_ids, serve_in_thread
from helicone_tui.settings import Settings
from helicone_tui.ui.app import HeliconeTUI
from helicone_tui.ui.list_model import NOT_LOADED, EntryState
from helicone_tui.ui.screens.main import MainScreen

from .ui_support import builtin_fake, list_loaded, main_screen, make_app, screen_text, wait_for

WAITS: list[float] = []


async def no_sleep(seconds: float) -> None:
    """The client's pause before honouring Retry-After: recorded, not slept."""
    WAITS.append(seconds)


#: fault switches -> why the rows say they are not loaded (never the call's status: "429").
FAULTS: dict[str, tuple[dict[str, Any], str]] = {
    "500": ({"status_500": 1.0}, "server error 500"),
    "429 with Retry-After": ({"status_429": 1.0, "retry_after": 2}, "rate limited"),
    "malformed JSON": ({"malformed_json": 1.0}, "unreadable answer"),
    "dropped connection": ({"drop_connection": 1.0}, "network error"),
    "timeout": ({"latency_ms": 60_000}, "timed out"),
}


def fault_app(ids: list[str], fake: FakeHelicone | None = None) -> tuple[HeliconeTUI, FakeHelicone]:
    return make_app(
        fake,
        ids=ids,
        sleep=no_sleep,
        timeout=0.05,  # the fake's latency beyond this raises a read timeout after 0.05 s
        max_retries=2,
        batch_size=2,
        first_batch_size=2,
    )


def states(screen: MainScreen) -> dict[str, EntryState]:
    return {entry.request_id: entry.state for entry in screen.model.view}


@pytest.mark.parametrize("kind", list(FAULTS))
async def test_a_fault_while_the_list_fills_is_shown_per_row_and_r_recovers(kind: str) -> None:
    switches, label = FAULTS[kind]
    ids = demo_ids()[:5]
    fake = builtin_fake()
    fake.set_faults(paths=["query-ids", "get"], **switches)
    app, _ = fault_app(ids, fake)
    WAITS.clear()
    async with app.run_test(size=(140, 40)) as pilot:
        await wait_for(pilot, list_loaded(app), "every row answered")
        screen = main_screen(app)
        assert set(states(screen).values()) == {EntryState.ERROR}
        assert {entry.status_text for entry in screen.model.view} == {NOT_LOADED}
        assert {entry.failure for entry in screen.model.view} == {label}
        await wait_for(pilot, lambda: screen.detail.state == "detail-error", "detail error")
        assert label in screen_text(app)
        if kind.startswith("429"):
            assert WAITS and all(wait == 2 for wait in WAITS)  # Retry-After was honoured
        assert app.is_running
        fake.set_faults(status_500=0, status_429=0, malformed_json=0, drop_connection=0)
        fake.set_faults(latency_ms=0)
        await pilot.press("r")
        await wait_for(pilot, lambda: set(states(screen).values()) == {EntryState.OK}, "ok")
        assert list(states(screen)) == ids  # every pasted id, in paste order
        await pilot.press("r")  # and r on the detail pane fetches the selection again
        await wait_for(pilot, lambda: screen.detail.state == "detail-main", "detail shown")


async def test_a_fault_on_some_batches_leaves_the_others_and_loses_no_id() -> None:
    ids = demo_ids()
    fake = builtin_fake()
    fake.set_faults(status_500=2, paths=["query-ids"])  # every second batch fails
    app, _ = fault_app(ids, fake)
    async with app.run_test(size=(140, 40)) as pilot:
        await wait_for(pilot, list_loaded(app))
        screen = main_screen(app)
        found = states(screen)
        assert EntryState.ERROR in found.values() and EntryState.OK in found.values()
        assert sorted(found) == sorted(ids)
        not_loaded = sum(s is EntryState.ERROR for s in found.values())
        assert f"{not_loaded} not loaded" in screen_text(app)
        fake.set_faults(status_500=0)
        await pilot.press("r")
        await wait_for(pilot, lambda: set(states(screen).values()) == {EntryState.OK})
        assert sorted(states(screen)) == sorted(ids)


@pytest.mark.parametrize("kind", list(FAULTS))
async def test_a_fault_while_fetching_a_detail_is_shown_and_r_recovers(kind: str) -> None:
    switches, _ = FAULTS[kind]
    ids = demo_ids()[:3]
    app, fake = fault_app(ids)
    async with app.run_test(size=(140, 40)) as pilot:
        await wait_for(pilot, list_loaded(app))
        screen = main_screen(app)
        assert set(states(screen).values()) == {EntryState.OK}
        screen.cache.clear()
        fake.set_faults(paths=["get"], **switches)
        await pilot.press("j")
        # The list has the row: the pane shows what it knows, and says why the rest is missing.
        await wait_for(pilot, lambda: "Could not fetch" in screen.detail.notice, "notice")
        assert screen.detail.state == "detail-main"
        text = screen_text(app)
        assert ids[1] in text and "Press r to try again" in text
        assert set(states(screen).values()) == {EntryState.OK}  # the list is untouched
        fake.set_faults(status_500=0, status_429=0, malformed_json=0, drop_connection=0)
        fake.set_faults(latency_ms=0)
        await pilot.press("r")
        await wait_for(pilot, lambda: screen.detail.notice == "", "detail shown")
        assert screen.detail.state == "detail-main"
        assert screen.detail.row is not None and screen.detail.row.request_id == ids[1]
        assert app.is_running


async def test_the_server_going_away_mid_fill_and_coming_back() -> None:
    ids = demo_ids()
    fake = builtin_fake()
    server = serve_in_thread(fake)
    port = server.port
    # Each batch waits on the server, so the fill is still going when the server stops.
    fake.set_faults(latency_ms=150, paths=["query-ids"])

    def factory(settings: Settings) -> HeliconeClient:
        assert settings.api_key is not None
        return HeliconeClient(
            settings.api_key,
            base_url=server.url,
            batch_size=1,
            first_batch_size=1,
            concurrency=1,
            timeout=5,
            sleep=no_sleep,
            get_bucket=TokenBucket(capacity=1000, rate_per_s=1000),
        )

    app = HeliconeTUI(Settings(api_key=fake.keys.write), ids, client_factory=factory)
    try:
        async with app.run_test(size=(140, 40)) as pilot:
            screen = main_screen(app)
            await wait_for(
                pilot, lambda: EntryState.OK in states(screen).values(), "the first rows"
            )
            server.stop()
            await wait_for(pilot, list_loaded(app), "every row answered")
            found = states(screen)
            assert sorted(found) == sorted(ids)
            failed = [i for i, s in found.items() if s is EntryState.ERROR]
            assert failed, found
            assert {e.failure for e in screen.model.view if e.request_id in failed} == {
                "network error"
            }
            assert app.is_running
            fake.set_faults(latency_ms=0)
            server = serve_in_thread(fake, port=port)  # back, where it was
            await pilot.press("r")
            await wait_for(pilot, lambda: set(states(screen).values()) == {EntryState.OK})
            assert sorted(states(screen)) == sorted(ids)
    finally:
        server.stop()
