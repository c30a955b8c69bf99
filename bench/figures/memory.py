"""Memory: resident memory the app adds by listing 10,000 rows (pasted, filled from
`fake-server --synthetic 10000` in its own process) ÷ the size of those rows' JSON as
query-ids sends it. Measured in a fresh process; the JSON size is taken after the RSS, so
fetching it cannot disturb the measurement."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

import httpx
from textual import events

from helicone_tui.fake.keys import US_WRITE_KEY
from helicone_tui.fake.synthetic import synthetic_rows
from helicone_tui.ui.app import HeliconeTUI
from helicone_tui.ui.screens.main import MainScreen

from .common import Result, fake_server, figure_main, mb, settings_for, settled_rss, wait_until

N = 10_000


async def added_rss(url: str, ids: list[str]) -> int:
    app = HeliconeTUI(settings_for(url), [], native_copier=None)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, MainScreen)
        # A small paste first, so what is measured is the rows, not first-use imports and caches.
        screen.post_message(events.Paste("\n".join(ids[:50])))
        await wait_until(lambda: screen.model.progress() == (50, 50), 30)
        await pilot.pause(0.5)
        before = settled_rss()
        screen.post_message(events.Paste("\n".join(ids[50:])))
        await wait_until(lambda: screen.model.progress() == (len(ids), len(ids)), 120, 0.05)
        await pilot.pause(0.5)
        return settled_rss() - before


def json_size(url: str, ids: list[str]) -> int:
    headers = {"Authorization": f"Bearer {US_WRITE_KEY}"}
    total = 0
    with httpx.Client(base_url=url, headers=headers, timeout=60) as http:
        for i in range(0, len(ids), 250):
            answer = http.post("/v1/request/query-ids", json={"requestIds": ids[i : i + 250]})
            total += len(answer.content)
    return total


def run(quick: bool) -> Sequence[Result]:
    ids = [row["request_id"] for row in synthetic_rows(N)]
    with fake_server("--synthetic", str(N)) as url:
        added = asyncio.run(added_rss(url, ids))
        size = json_size(url, ids[50:])
    ratio = added / size
    return [
        Result(
            name="memory",
            what=f"memory: RSS added by {N - 50:,} listed rows ÷ their JSON",
            measured=mb(added),
            floor=mb(size),
            score=ratio,
            score_text=f"{ratio:.2f}",
            op="<=",
            threshold=3,
            target="≤ 3",
        )
    ]


if __name__ == "__main__":
    figure_main(run)
