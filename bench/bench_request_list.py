"""How the request list copes with 10,000 rows (headless, against the in-process fake).

Run: .venv/bin/python bench/bench_request_list.py
Prints: start-up to first frame, time to add 10,000 pasted ids, the cost of one batch of
query-ids results landing in the list, the whole fill, a cursor move, a filter and a sort;
and, for comparison, a DataTable filled with the same 10,000 rows.
"""

from __future__ import annotations

import asyncio
import statistics
import time
from typing import Any

from textual.app import App, ComposeResult
from textual.widgets import DataTable

from helicone_tui.client import HeliconeClient, IdResult
from helicone_tui.fake import FakeHelicone, FakeTransport, synthetic_rows
from helicone_tui.settings import Settings
from helicone_tui.ui.app import HeliconeTUI
from helicone_tui.ui.messages import RowsArrived
from helicone_tui.ui.screens.main import MainScreen

N = 10_000


async def bench_app(rows: list[dict[str, Any]]) -> None:
    fake = FakeHelicone(rows)
    ids = [r["request_id"] for r in rows]

    def factory(settings: Settings) -> HeliconeClient:
        return HeliconeClient(settings.api_key, transport=FakeTransport(fake), base_url="http://f")

    app = HeliconeTUI(
        Settings(api_key=fake.keys.write), [], client_factory=factory, native_copier=None
    )
    start = time.perf_counter()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        print(f"start-up to first frame (run_test): {time.perf_counter() - start:.3f} s")
        screen = app.screen
        assert isinstance(screen, MainScreen)
        t = time.perf_counter()
        screen.add_ids(ids)
        add_s = time.perf_counter() - t
        await pilot.pause()
        print(
            f"add {N:,} ids to the list + first paint: {add_s:.3f} s "
            f"(+ paint {time.perf_counter() - t - add_s:.3f} s)"
        )
        t = time.perf_counter()
        while screen.model.progress()[0] < N:
            await pilot.pause(0.05)
        print(f"whole fill from the fake (query-ids in batches): {time.perf_counter() - t:.2f} s")
        rows_250 = [IdResult(e.request_id, row=e.row) for e in list(screen.model.entries)[:250]]
        times = []
        for _ in range(10):
            t = time.perf_counter()
            screen._rows_arrived(RowsArrived(rows_250))
            await pilot.pause()
            times.append(time.perf_counter() - t)
        print(
            f"one batch of 250 results landing in a {N:,}-row list + paint: "
            f"median {statistics.median(times) * 1000:.1f} ms"
        )
        idle = []
        moves = []
        for _ in range(20):
            t = time.perf_counter()
            await pilot.pause()
            idle.append(time.perf_counter() - t)
            t = time.perf_counter()
            screen.request_list.action_cursor_down()
            await pilot.pause()
            moves.append(time.perf_counter() - t)
        print(
            f"cursor move + paint: median {statistics.median(moves) * 1000:.1f} ms "
            f"(an idle pause: {statistics.median(idle) * 1000:.1f} ms)"
        )
        t = time.perf_counter()
        screen.set_filter("gpt")
        await pilot.pause()
        print(
            f"filter {N:,} rows: {time.perf_counter() - t:.3f} s ({len(screen.model.view)} match)"
        )
        screen.set_filter("")
        t = time.perf_counter()
        screen.sort_by("cost")
        await pilot.pause()
        print(f"sort {N:,} rows by cost: {time.perf_counter() - t:.3f} s")


class TableApp(App[None]):
    def compose(self) -> ComposeResult:
        yield DataTable()


async def bench_datatable(rows: list[dict[str, Any]]) -> None:
    app = TableApp()
    async with app.run_test(size=(120, 40)) as pilot:
        table = app.query_one(DataTable)
        columns = table.add_columns(
            *["status", "created", "model", "provider", "prompt", "compl", "cost", "latency", "id"]
        )
        t = time.perf_counter()
        table.add_rows(
            [
                (
                    "ok",
                    r.get("request_created_at", "")[:19],
                    r.get("model"),
                    r.get("provider"),
                    r.get("prompt_tokens"),
                    r.get("completion_tokens"),
                    r.get("cost"),
                    r.get("delay_ms"),
                    r["request_id"][:8],
                )
                for r in rows
            ]
        )
        await pilot.pause()
        print(f"DataTable: add {N:,} rows + paint: {time.perf_counter() - t:.3f} s")
        t = time.perf_counter()
        keys = list(table.rows)[:250]
        for key in keys:
            table.update_cell(key, columns[0], "200")
        await pilot.pause()
        print(f"DataTable: update 250 cells + paint: {time.perf_counter() - t:.3f} s")


def main() -> None:
    rows = synthetic_rows(N)
    asyncio.run(bench_app(rows))
    asyncio.run(bench_datatable(rows))


if __name__ == "__main__":
    main()
