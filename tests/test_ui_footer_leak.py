"""Opening and leaving details must not pile up dead footer keys (Textual's Footer leaks a
watcher per key at every recompose; `LeanFooter` prunes them)."""

from __future__ import annotations

import gc

from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from helicone_tui.fake.dataset_ids import ID_OPENAI_SIMPLE

from .ui_support import list_loaded, main_screen, make_app, wait_for


def _detached_footer_keys() -> int:
    gc.collect()
    return sum(1 for o in gc.get_objects() if isinstance(o, FooterKey) and not o.is_attached)


async def test_opening_and_leaving_details_keeps_no_dead_footer_keys() -> None:
    app, _fake = make_app(ids=[ID_OPENAI_SIMPLE])
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, list_loaded(app))
        screen = main_screen(app)
        screen.set_focus(screen.request_list)
        for _ in range(8):
            await pilot.press("enter")
            await pilot.pause()
            await pilot.press("escape")
            await pilot.pause()
        await pilot.pause(0.1)
        footer = screen.query_one(Footer)
        watchers = getattr(footer, "__watchers", {})
        live_keys = len(footer.query(FooterKey))
        assert all(len(entries) <= live_keys for entries in watchers.values())
        assert _detached_footer_keys() == 0
