"""Big body: the fake dataset's 5 MB row shown while the Request JSON tab is already active,
until its body is painted, ÷ the same process doing `json.loads` + `json.dumps(indent=2)` of
that body.

What is timed (bench_detail.json_paint_seconds): the user is on the Request JSON tab looking at
a small row (shown and painted before the clock starts) and moves to the 5 MB row. The clock
runs from `DetailView.show_request(row)` until the first screen refresh after the body tab says
it is loaded: formatting the body (in a thread or not: it is all waited for), handing it to the
UI, the other tabs' updates that `show_request` makes, layout and painting the first screen. No
idle time before it lets a background pre-format hide the work (that is the best case: the user
on another tab long enough). Not timed: mapping the row and computing list totals, which the
app's fetch worker does before it hands the row to the view.

The floor: `json.loads` of the body's compact JSON text + `json.dumps(indent=2)` of the result,
in the same process (both sides start after a full garbage collection).
"""

from __future__ import annotations

import asyncio
import gc
import json
from collections.abc import Sequence

from helicone_tui.fake import builtin_rows
from helicone_tui.fake.dataset import ID_5MB
from helicone_tui.models import HeliconeRequest
from helicone_tui.ui.detail import DetailView

from ..bench_detail import BenchApp, floor_seconds, json_paint_seconds
from .common import Result, figure_main, median, ratio_result


async def measure(repeats: int) -> tuple[float, float, int]:
    raw = next(r for r in builtin_rows() if r["request_id"] == ID_5MB)
    row = HeliconeRequest.model_validate(raw)
    size = len(json.dumps(row.request_body).encode())
    app = BenchApp()
    paints, floors = [], []
    async with app.run_test(size=(160, 50)):
        view = app.query_one(DetailView)
        await json_paint_seconds(app, view, row)  # warm-up (imports, CSS)
        for _ in range(repeats):
            # Each side starts collected: a full collection of the app's heap (~30-50 ms)
            # would otherwise land in a random sample.
            gc.collect()
            paints.append(await json_paint_seconds(app, view, row))
            gc.collect()
            floors.append(floor_seconds(row.request_body))
    return median(paints), median(floors), size


def run(quick: bool) -> Sequence[Result]:
    paint, floor, size = asyncio.run(measure(3 if quick else 7))
    return [
        ratio_result(
            "big_body",
            f"big body: {size / 1e6:.1f} MB row shown on the open JSON tab, painted"
            " ÷ loads+dumps(indent=2)",
            paint,
            floor,
            3,
        )
    ]


if __name__ == "__main__":
    figure_main(run)
