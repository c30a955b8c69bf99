"""Right after the first frame (issue 5): the heavy start-up work neither stalls the loop nor
holds the screen's messages back. No timing here (`bench/figures/startup_stall.py` measures):
these fail when that work comes back onto the loop or into a screen's message handler."""

from __future__ import annotations

import threading

from helicone_tui.client import HeliconeClient, TokenBucket
from helicone_tui.fake import FakeTransport, demo_ids
from helicone_tui.settings import Settings
from helicone_tui.ui.app import HeliconeTUI
from helicone_tui.ui.widgets.footer import LeanFooter

from .ui_support import builtin_fake, list_loaded, main_screen, make_app, wait_for


async def test_the_client_is_made_in_a_thread_while_the_screen_goes_on() -> None:
    fake = builtin_fake()
    gate = threading.Event()
    called_in: list[threading.Thread] = []

    def factory(settings: Settings) -> HeliconeClient:
        called_in.append(threading.current_thread())
        gate.wait(10)
        assert settings.api_key is not None
        return HeliconeClient(
            settings.api_key,
            base_url="https://api.helicone.ai",
            transport=FakeTransport(fake),
            get_bucket=TokenBucket(capacity=1000, rate_per_s=1000),
        )

    app = HeliconeTUI(
        Settings(api_key=fake.keys.write), demo_ids(), client_factory=factory, native_copier=None
    )
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_for(pilot, lambda: bool(called_in), "the client factory called")
            assert called_in[0] is not threading.main_thread()
            screen = main_screen(app)
            handled: list[bool] = []
            screen.call_later(lambda: handled.append(True))
            # The factory is still held: the screen's messages are handled all the same.
            await wait_for(pilot, lambda: bool(handled), "a screen message handled meanwhile")
            assert screen.model.progress() == (0, len(demo_ids()))
            gate.set()
            await wait_for(pilot, list_loaded(app), "rows loaded")
            await wait_for(pilot, lambda: screen.detail.state == "detail-main", "detail shown")
    finally:
        gate.set()


async def test_a_burst_of_binding_changes_recomposes_the_footer_once() -> None:
    app, _ = make_app(ids=demo_ids()[:3])
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, list_loaded(app), "rows loaded")
        footer = app.screen.query_one(LeanFooter)
        recomposes = 0
        recompose = footer.recompose

        async def counted() -> None:
            nonlocal recomposes
            recomposes += 1
            await recompose()

        footer.recompose = counted  # type: ignore[method-assign]
        for _ in range(5):  # as pushing a screen and focusing a widget do
            app.screen.refresh_bindings()
        await pilot.pause(0.2)
        assert recomposes == 1
        app.screen.refresh_bindings()  # a later change is shown too
        await pilot.pause(0.2)
        assert recomposes == 2
