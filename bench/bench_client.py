"""How big and how parallel should query-ids batches be? Measured, not guessed.

Starts `helicone-tui fake-server --synthetic N` in a subprocess (its own interpreter, so the
server does not share our GIL), then fetches the N synthetic ids with `HeliconeClient.query_ids`
for a grid of batch sizes and concurrencies, next to the floor: a bare httpx script sending the
same batches and only `json.loads`-ing the answers. Prints seconds, ids/s and the ratio to the
floor of the same batching, measured in the same run.

    python bench/bench_client.py [--n 10000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench.figures.common import fake_server  # noqa: E402
from helicone_tui.client import HeliconeClient  # noqa: E402
from helicone_tui.fake.keys import US_WRITE_KEY  # noqa: E402
from helicone_tui.fake.synthetic import synthetic_rows  # noqa: E402

GRID = [(50, 1), (100, 4), (250, 1), (250, 4), (250, 8), (500, 4), (1000, 2), (1000, 4)]


async def floor(url: str, ids: list[str], batch: int, concurrency: int) -> None:
    gate = asyncio.Semaphore(concurrency)
    headers = {"Authorization": f"Bearer {US_WRITE_KEY}"}
    async with httpx.AsyncClient(base_url=url, headers=headers, timeout=60) as http:

        async def one(chunk: list[str]) -> None:
            async with gate:
                response = await http.post("/v1/request/query-ids", json={"requestIds": chunk})
                json.loads(response.content)

        await asyncio.gather(*(one(ids[i : i + batch]) for i in range(0, len(ids), batch)))


async def client_fill(url: str, ids: list[str], batch: int, concurrency: int) -> None:
    async with HeliconeClient(
        US_WRITE_KEY, base_url=url, batch_size=batch, concurrency=concurrency, timeout=60
    ) as client:
        results = await client.query_ids(ids)
    assert sum(r.found for r in results) == len(ids)


def best_of(repeat: int, run: Callable[[], Awaitable[None]]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        asyncio.run(run())  # type: ignore[arg-type]
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    ids = [row["request_id"] for row in synthetic_rows(args.n)]
    with fake_server("--synthetic", str(args.n)) as url:
        print(f"query-ids of {len(ids):,} ids against the fake on loopback (median of "
              f"{args.repeat})\n")  # fmt: skip
        print(f"{'batch':>6} {'conc':>5} {'client s':>9} {'ids/s':>8} {'floor s':>8} {'ratio':>6}")
        for batch, concurrency in GRID:
            f = best_of(args.repeat, lambda b=batch, c=concurrency: floor(url, ids, b, c))
            c = best_of(args.repeat, lambda b=batch, c=concurrency: client_fill(url, ids, b, c))
            print(f"{batch:>6} {concurrency:>5} {c:>9.3f} {len(ids) / c:>8.0f} {f:>8.3f} "
                  f"{c / f:>6.2f}")  # fmt: skip


if __name__ == "__main__":
    main()
