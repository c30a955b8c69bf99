"""Big body: the fake dataset's 5 MB row, its request JSON tab selected until painted, ÷ the
same process doing `json.loads` + `json.dumps(indent=2)` of that body (bench_detail's
measurement, on the row the issue names)."""

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
            f"big body: {size / 1e6:.1f} MB JSON tab painted ÷ loads+dumps(indent=2)",
            paint,
            floor,
            3,
        )
    ]


if __name__ == "__main__":
    figure_main(run)
