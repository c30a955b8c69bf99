"""Detail cycling: open 1,000 requests one after the other and leave each (fetched with their
bodies, mapped, shown with their conversation mounted), over 1,000 synthetic rows of a fake in
its own process with its rate limit off (and the client's pacing off too, else 1,000 GETs take
9 minutes). Each is opened by moving the list cursor onto it (`j`: the detail pane shows it),
and every 10th also full screen (`enter`, then `escape`), the path that leaked. RSS after all
1,000 ÷ RSS after the first 100: flat when nothing leaks. The fetch delay meant to spare the
rate limit while `j` is held is set to 1 ms here, to keep the run short; it only moves timers.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

from helicone_tui.fake.synthetic import synthetic_rows
from helicone_tui.ui.app import HeliconeTUI
from helicone_tui.ui.screens import main
from helicone_tui.ui.screens.main import MainScreen

from .common import (
    Result,
    fake_server,
    figure_main,
    mb,
    settings_for,
    settled_rss,
    unpaced_client,
    wait_until,
)


def shown(screen: MainScreen, request_id: str) -> bool:
    row = screen.detail.row
    return (
        row is not None
        and row.request_id == request_id
        and screen.detail.conversation.fully_measured.is_set()
    )


async def cycle(url: str, ids: list[str], first: int) -> tuple[int, int]:
    app = HeliconeTUI(settings_for(url), ids, client_factory=unpaced_client, native_copier=None)
    rss_first = 0
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, MainScreen)
        await wait_until(lambda: screen.model.progress() == (len(ids), len(ids)), 60)
        screen.set_focus(screen.request_list)
        for n, request_id in enumerate(ids, 1):
            assert screen._selected == request_id
            await wait_until(lambda rid=request_id: shown(screen, rid), 30, 0.002)  # type: ignore[misc]
            if n % 10 == 0:
                await pilot.press("enter")
                await pilot.press("escape")
            if n == first:
                await pilot.pause(0.3)
                rss_first = settled_rss()
            if n < len(ids):
                await pilot.press("j")
        await pilot.pause(0.3)
        return rss_first, settled_rss()


def run(quick: bool) -> Sequence[Result]:
    main.FETCH_DELAY_S = 0.001
    total = 300 if quick else 1000
    first = total // 10
    ids = [row["request_id"] for row in synthetic_rows(total)]
    with fake_server("--synthetic", str(total)) as url:
        rss_first, rss_last = asyncio.run(cycle(url, ids, first))
    ratio = rss_last / rss_first
    return [
        Result(
            name="detail_cycling",
            what=f"detail cycling: RSS after {total:,} details ÷ after {first}",
            measured=mb(rss_last),
            floor=mb(rss_first),
            score=ratio,
            score_text=f"{ratio:.3f}",
            op="<=",
            threshold=1.1,
            target="≤ 1.1",
        )
    ]


if __name__ == "__main__":
    figure_main(run)
