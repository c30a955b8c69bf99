"""Browsing: with 200 ms added to every answer of the fake (its own process), pressing `j`
every 300 ms through 50 rows: the share of moves whose detail is already there when the cursor
lands (fetched ahead by the prefetch). The app uses its real client, rate-limit pacing included."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Sequence

from helicone_tui.fake.synthetic import synthetic_rows
from helicone_tui.ui.app import HeliconeTUI
from helicone_tui.ui.screens.main import MainScreen

from .common import Result, fake_server, figure_main, settings_for, wait_until

MOVES = 50
PERIOD_S = 0.3
LATENCY_MS = 200


async def browse(url: str, ids: list[str]) -> tuple[int, int]:
    app = HeliconeTUI(settings_for(url), ids, native_copier=None)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, MainScreen)
        await wait_until(lambda: screen.model.progress() == (len(ids), len(ids)), 30)
        await wait_until(lambda: ids[0] in screen.cache, 30)
        await asyncio.sleep(1.0)  # the first row's neighbours, as a user reading it would wait
        screen.set_focus(screen.request_list)
        hits = 0
        for move in range(1, MOVES + 1):
            started = time.perf_counter()
            await pilot.press("j")
            assert screen._selected == ids[move], (screen._selected, move)
            hits += screen._selected in screen.cache
            await asyncio.sleep(max(0.0, PERIOD_S - (time.perf_counter() - started)))
    return hits, MOVES


async def measure(runs: int) -> list[tuple[int, int]]:
    ids = [row["request_id"] for row in synthetic_rows(MOVES + 10)]
    with fake_server("--synthetic", str(len(ids)), "--latency-ms", str(LATENCY_MS)) as url:
        return [await browse(url, ids) for _ in range(runs)]


def run(quick: bool) -> Sequence[Result]:
    outcomes = asyncio.run(measure(1 if quick else 2))
    hits = sum(h for h, _ in outcomes)
    moves = sum(m for _, m in outcomes)
    share = 100 * hits / moves
    return [
        Result(
            name="browsing",
            what=f"browsing: `j` every {PERIOD_S * 1000:.0f} ms, {LATENCY_MS} ms latency: "
            "detail already there",
            measured=f"{hits} / {moves} moves",
            floor="—",
            score=share,
            score_text=f"{share:.0f} %",
            op=">=",
            threshold=90,
            target="≥ 90 %",
        )
    ]


if __name__ == "__main__":
    figure_main(run)
