"""Long conversation: the Conversation tab's first paint, mapping included, for the fake
dataset's 500-message row ÷ for a 5-message row (the same row cut to its first 5 messages, so
only the length differs).

Timed from before `map_request` to the end of the screen refresh that painted the
conversation (`ConversationView.FirstPaint.painted_at`, taken in the view's after-refresh
callback), not to when that message reaches the app some event-loop turns later: by then the
view may already be measuring the rest of the conversation, which is not first-paint work.

Every sample starts from the same state: the 5-message row shown and fully mounted, the
previous conversation disposed of, garbage collected. (Alternating the two rows without that
measured "5 after 500" against "500 after 5": leaving a long conversation costs the next
row ~25 ms, which flattered the long row; and a full collection of the app's heap, ~50-150 ms
whenever it lands, fell in a random sample.) Runs alternate the two rows."""

from __future__ import annotations

import asyncio
import copy
import gc
import time
from collections.abc import Sequence
from typing import Any

from helicone_tui.fake import builtin_rows
from helicone_tui.fake.dataset import ID_500_MESSAGES
from helicone_tui.mapping import map_request
from helicone_tui.models import HeliconeRequest
from helicone_tui.ui.detail import DetailView, compute_totals

from ..bench_detail import BenchApp
from .common import Result, figure_main, median, ratio_result


def rows() -> tuple[HeliconeRequest, HeliconeRequest]:
    raw: dict[str, Any] = next(r for r in builtin_rows() if r["request_id"] == ID_500_MESSAGES)
    short = copy.deepcopy(raw)
    short["request_id"] = "five-messages"
    short["request_body"]["messages"] = short["request_body"]["messages"][:5]
    return HeliconeRequest.model_validate(short), HeliconeRequest.model_validate(raw)


async def first_paint(app: BenchApp, view: DetailView, row: HeliconeRequest) -> float:
    app.first_paint.clear()
    await app.wait_for_refresh()
    start = time.perf_counter()
    mapped = map_request(row)
    view.show_request(row, mapped, compute_totals([row]))
    await app.first_paint.wait()
    elapsed = app.painted_at - start
    await view.conversation.fully_measured.wait()
    return elapsed


async def measure(repeats: int) -> tuple[float, float, int]:
    short, long = rows()
    messages = len(long.request_body["messages"])
    app = BenchApp()
    shorts, longs = [], []
    async with app.run_test(size=(160, 50)):
        view = app.query_one(DetailView)
        view.select_tab(0)
        await first_paint(app, view, short)  # warm-up
        await first_paint(app, view, long)
        for _ in range(repeats):
            for samples, row in ((shorts, short), (longs, long)):
                await first_paint(app, view, short)  # the same state before each sample
                await asyncio.sleep(0.05)
                gc.collect()
                samples.append(await first_paint(app, view, row))
    return median(longs), median(shorts), messages


def run(quick: bool) -> Sequence[Result]:
    long, short, messages = asyncio.run(measure(3 if quick else 15))
    return [
        ratio_result(
            "long_conversation",
            f"long conversation: first paint, {messages} messages ÷ 5",
            long,
            short,
            1.5,
        )
    ]


if __name__ == "__main__":
    figure_main(run)
