"""Detail-view figures, as ratios measured in the same run (machine speed cancels out).

- JSON tab: a 5 MB body shown while the Request JSON tab is active, until painted, divided by
  the floor `json.loads` + `json.dumps(indent=2)` of the same body. Two bodies: the fake
  dataset's 5 MB row (one long document string) and a synthetic one of many small objects
  (~159k pretty lines).
- Conversation: first paint of a 500-message conversation divided by a 5-message one.

Run: .venv/bin/python bench/bench_detail.py
"""

from __future__ import annotations

import asyncio
import json
import statistics
import time
from typing import Any

from textual.app import App, ComposeResult

from helicone_tui.fake import dataset
from helicone_tui.mapping import map_request
from helicone_tui.models import HeliconeRequest
from helicone_tui.ui.detail import DETAIL_CSS_PATH, DetailView, compute_totals
from helicone_tui.ui.detail.conversation import ConversationView

REPEATS = 5


class BenchApp(App[None]):
    CSS_PATH = DETAIL_CSS_PATH

    def __init__(self) -> None:
        super().__init__()
        self.first_paint = asyncio.Event()
        self.painted_at = 0.0

    def compose(self) -> ComposeResult:
        yield DetailView()

    def on_conversation_view_first_paint(self, event: ConversationView.FirstPaint) -> None:
        self.painted_at = event.painted_at
        self.first_paint.set()


def synthetic_body() -> dict[str, Any]:
    """~5.3 MB that pretty-prints to ~159k lines (DESIGN.md §4's measurement)."""
    return {"items": [{"id": i, "text": "lorem ipsum " * 10} for i in range(39_750)]}


def chat_row(request_id: str, messages: int) -> HeliconeRequest:
    body = {
        "model": "gpt-4o",
        "messages": [
            {
                "role": "user" if i % 2 == 0 else "assistant",
                "content": f"Message {i}: " + "some words of a realistic length " * 12,
            }
            for i in range(messages)
        ],
    }
    response = {"choices": [{"message": {"role": "assistant", "content": "done"}}]}
    return HeliconeRequest.model_validate(
        {
            "request_id": request_id,
            "request_body": body,
            "response_body": response,
            "provider": "OPENAI",
            "model": "gpt-4o",
            "response_status": 200,
        }
    )


def floor_seconds(body: Any) -> float:
    raw = json.dumps(body)
    start = time.perf_counter()
    json.dumps(json.loads(raw), indent=2)
    return time.perf_counter() - start


async def json_paint_seconds(app: BenchApp, view: DetailView, row: HeliconeRequest) -> float:
    """Seconds from `show_request(row)` to its request body painted, the Request JSON tab
    already active: the worst realistic case (the user on the JSON tab moves to this row, so
    nothing was formatted ahead; a thread doing it counts too).

    Before the clock starts: a small row is shown on that tab and painted (what the user moves
    from), and `row` is mapped and its totals computed (the app's fetch worker does that before
    it hands the row over). The clock stops after the first screen refresh once the body tab
    says it is loaded, so it covers the formatting (any thread), the hand-over to the UI, the
    other tabs' cheap updates in `show_request`, the layout and the paint of the first screen.
    """
    mapped = map_request(row)
    totals = compute_totals([row])
    before = chat_row("before-big-body", 2)
    view.select_tab(4)
    view.show_request(before, map_request(before), compute_totals([before]))
    await view.request_body.loaded.wait()
    await app.wait_for_refresh()
    await asyncio.sleep(0.02)  # the small row's response body, formatted in the background
    start = time.perf_counter()
    view.show_request(row, mapped, totals)
    await view.request_body.loaded.wait()
    await app.wait_for_refresh()
    return time.perf_counter() - start


async def conversation_paint_seconds(
    app: BenchApp, view: DetailView, row: HeliconeRequest
) -> float:
    mapped = map_request(row)
    totals = compute_totals([row])
    app.first_paint.clear()
    start = time.perf_counter()
    view.show_request(row, mapped, totals)
    await app.first_paint.wait()
    elapsed = app.painted_at - start
    await view.conversation.fully_measured.wait()
    mounted.append(time.perf_counter() - start)
    return elapsed


mounted: list[float] = []


async def main() -> None:
    rows = {r["request_id"]: r for r in dataset.builtin_rows()}
    big_row = HeliconeRequest.model_validate(rows[dataset.ID_5MB])
    synthetic = synthetic_body()
    synthetic_row = HeliconeRequest.model_validate(
        {"request_id": "synthetic-5mb", "request_body": synthetic, "response_body": {}}
    )
    app = BenchApp()
    async with app.run_test(size=(160, 50)):
        view = app.query_one(DetailView)
        for label, row in (("fake 5 MB row", big_row), ("synthetic 5 MB", synthetic_row)):
            body = row.request_body
            size = len(json.dumps(body))
            paints = [await json_paint_seconds(app, view, row) for _ in range(REPEATS)]
            floors = [floor_seconds(body) for _ in range(REPEATS)]
            paint, floor = statistics.median(paints), statistics.median(floors)
            print(
                f"JSON tab, {label} ({size / 1e6:.1f} MB, "
                f"{view.request_body.view.line_count:,} lines): painted {paint:.3f} s, "
                f"floor {floor:.3f} s, ratio {paint / floor:.2f}; "
                f"lines rendered {view.request_body.view.lines_rendered}"
            )
        small, large = chat_row("chat-5", 5), chat_row("chat-500", 500)
        view.select_tab(0)
        small_times, large_times = [], []
        for _ in range(REPEATS):
            small_times.append(await conversation_paint_seconds(app, view, small))
            large_times.append(await conversation_paint_seconds(app, view, large))
        s, lg = statistics.median(small_times), statistics.median(large_times)
        print(
            f"Conversation first paint: 5 messages {s * 1000:.0f} ms, "
            f"500 messages {lg * 1000:.0f} ms, ratio {lg / s:.2f} "
            f"(all 500 mounted after {statistics.median(mounted[1::2]):.2f} s, UI live meanwhile)"
        )


if __name__ == "__main__":
    asyncio.run(main())
