"""List fill and responsiveness while filling.

- list fill: 10,000 ids pasted into the app → every row filled, against
  `helicone-tui fake-server --synthetic 10000` in its own process, ÷ a bare httpx script sending
  the same batched query-ids to it (same batch sizes and concurrency) and `json.loads`-ing them.
- responsiveness: the longest stall of the app's event loop during that fill, measured by a
  10 ms Textual interval timer that records its own lateness.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Sequence

import httpx
from textual import events

from helicone_tui.client.helicone_client import (
    DEFAULT_BATCH_SIZE,
    DEFAULT_CONCURRENCY,
    DEFAULT_FIRST_BATCH_SIZE,
)
from helicone_tui.fake.keys import US_WRITE_KEY
from helicone_tui.fake.synthetic import synthetic_rows
from helicone_tui.ui.app import HeliconeTUI
from helicone_tui.ui.screens.main import MainScreen

from .common import (
    Result,
    StallMeter,
    fake_server,
    figure_main,
    median,
    ratio_result,
    settings_for,
    stall_result,
)

N = 10_000


async def floor_fill(url: str, ids: list[str]) -> float:
    """What any client must pay: the same batches, sent the same way, and `json.loads`."""
    first, rest = ids[:DEFAULT_FIRST_BATCH_SIZE], ids[DEFAULT_FIRST_BATCH_SIZE:]
    batches = [rest[i : i + DEFAULT_BATCH_SIZE] for i in range(0, len(rest), DEFAULT_BATCH_SIZE)]
    gate = asyncio.Semaphore(DEFAULT_CONCURRENCY)
    headers = {"Authorization": f"Bearer {US_WRITE_KEY}"}
    start = time.perf_counter()
    async with httpx.AsyncClient(base_url=url, headers=headers, timeout=60) as http:

        async def one(chunk: list[str]) -> int:
            async with gate:
                response = await http.post("/v1/request/query-ids", json={"requestIds": chunk})
                return len(json.loads(response.content)["data"])

        got = await one(first)
        got += sum(await asyncio.gather(*(one(b) for b in batches)))
    assert got == len(ids), got
    return time.perf_counter() - start


async def app_fill(url: str, ids: list[str]) -> tuple[float, float]:
    """(seconds from the paste to every row filled and painted, longest loop stall)."""
    app = HeliconeTUI(settings_for(url), [], native_copier=None)
    meter = StallMeter()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MainScreen)
        done = asyncio.Event()
        stored = 0
        apply = screen.model.apply

        def counting_apply(results):  # type: ignore[no-untyped-def]
            nonlocal stored
            count = apply(results)
            stored += count
            if stored >= len(ids):
                done.set()
            return count

        screen.model.apply = counting_apply  # type: ignore[method-assign]
        text = "\n".join(ids)
        app.set_interval(meter.interval, meter.tick)
        await asyncio.sleep(0.05)
        meter.reset()
        start = time.perf_counter()
        screen.post_message(events.Paste(text))
        await asyncio.wait_for(done.wait(), 120)
        await app.wait_for_refresh()
        elapsed = time.perf_counter() - start
        stall = meter.longest
        loading, total = screen.model.progress()
        assert loading == total == len(ids), (loading, total)
    return elapsed, stall


async def measure(repeats: int) -> tuple[list[float], list[float], list[float]]:
    ids = [row["request_id"] for row in synthetic_rows(N)]
    floors, fills, stalls = [], [], []
    with fake_server("--synthetic", str(N)) as url:
        await floor_fill(url, ids)  # warm up the server (and its caches) once
        for _ in range(repeats):
            floors.append(await floor_fill(url, ids))
            fill, stall = await app_fill(url, ids)
            fills.append(fill)
            stalls.append(stall)
    return floors, fills, stalls


def run(quick: bool) -> Sequence[Result]:
    floors, fills, stalls = asyncio.run(measure(2 if quick else 5))
    stall = max(stalls)
    return [
        ratio_result(
            "list_fill",
            f"list fill: {N:,} ids pasted → all rows ÷ bare httpx",
            median(fills),
            median(floors),
            1.5,
        ),
        stall_result(
            "responsiveness",
            "responsiveness: longest loop stall while filling",
            stall,
            f"worst of {len(stalls)} fills (median {median(stalls) * 1000:.0f} ms)",
        ),
    ]


if __name__ == "__main__":
    figure_main(run)
