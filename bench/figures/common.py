"""Shared by the figures: results, subprocess fake servers, timing, RSS, a stall meter."""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import httpx

from helicone_tui.client import HeliconeClient
from helicone_tui.client.pacing import TokenBucket
from helicone_tui.fake.keys import US_WRITE_KEY
from helicone_tui.settings import Settings

REPO = Path(__file__).resolve().parents[2]
RESULT_PREFIX = "RESULT "


@dataclass(frozen=True)
class Result:
    """One row of the table. `score` is what is compared with `threshold` by `op`."""

    name: str
    what: str
    measured: str
    floor: str
    score: float
    score_text: str
    op: str  # "<=" or ">="
    threshold: float
    target: str
    note: str = ""

    @property
    def passed(self) -> bool:
        if self.op == "<=":
            return self.score <= self.threshold
        return self.score >= self.threshold

    def emit(self) -> None:
        print(RESULT_PREFIX + json.dumps(asdict(self)), flush=True)

    @classmethod
    def parse(cls, line: str) -> Result:
        return cls(**json.loads(line[len(RESULT_PREFIX) :]))


def ratio_result(
    name: str, what: str, value_s: float, floor_s: float, target: float, note: str = ""
) -> Result:
    ratio = value_s / floor_s
    return Result(
        name=name,
        what=what,
        measured=seconds_text(value_s),
        floor=seconds_text(floor_s),
        score=ratio,
        score_text=f"{ratio:.2f}",
        op="<=",
        threshold=target,
        target=f"≤ {target:g}",
        note=note,
    )


def stall_result(name: str, what: str, stall_s: float, note: str = "") -> Result:
    """A longest-wait figure against the 100 ms a key may wait."""
    text = f"{stall_s * 1000:.0f} ms"
    return Result(
        name=name,
        what=what,
        measured=text,
        floor="—",
        score=stall_s * 1000,
        score_text=text,
        op="<=",
        threshold=100,
        target="≤ 100 ms",
        note=note,
    )


def seconds_text(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"


def figure_main(run: Callable[[bool], Sequence[Result]]) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="fewer repeats, smaller sizes")
    args = parser.parse_args()
    for result in run(args.quick):
        result.emit()


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


# --------------------------------------------------------------------------- processes


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def isolated_env() -> dict[str, str]:
    """The environment for child processes: no user config, key or base URL leaks in."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("HELICONE_")}
    env["HELICONE_TUI_CONFIG"] = str(Path("/nonexistent/helicone-tui-bench/config.toml"))
    return env


@contextmanager
def fake_server(*flags: str) -> Iterator[str]:
    """`helicone-tui fake-server FLAGS` in its own process (its own GIL); yields the base URL."""
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "helicone_tui", "fake-server", "--port", str(port), *flags],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=isolated_env(),
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(f"{url}/__admin/faults", timeout=1)
                break
            except httpx.HTTPError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise SystemExit("the fake server did not start") from None
                time.sleep(0.05)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def set_faults(url: str, **faults: Any) -> None:
    httpx.put(f"{url}/__admin/faults", json=faults, timeout=10).raise_for_status()


# --------------------------------------------------------------------------- the app


def settings_for(url: str) -> Settings:
    return Settings(api_key=US_WRITE_KEY, base_url=url)


def unpaced_client(settings: Settings) -> HeliconeClient:
    """A client whose GET bucket never waits (the fake's rate limit is off as well)."""
    return HeliconeClient(
        settings.api_key,
        base_url=settings.base_url,
        get_bucket=TokenBucket(capacity=1_000_000, rate_per_s=1_000_000.0),
    )


class StallMeter:
    """A timer on the app's loop that measures its own lateness: the longest stall."""

    def __init__(self, interval: float = 0.01) -> None:
        self.interval = interval
        self.longest = 0.0
        self._last: float | None = None

    def tick(self) -> None:
        now = time.perf_counter()
        if self._last is not None:
            self.longest = max(self.longest, now - self._last - self.interval)
        self._last = now

    def reset(self) -> None:
        self.longest = 0.0
        self._last = None


async def wait_until(check: Callable[[], bool], timeout: float, step: float = 0.005) -> None:
    deadline = time.perf_counter() + timeout
    while not check():
        if time.perf_counter() > deadline:
            raise TimeoutError("the benchmark waited too long")
        await asyncio.sleep(step)


# --------------------------------------------------------------------------- memory


def rss_bytes() -> int:
    """Resident set size of this process, from /proc (no psutil)."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    raise RuntimeError("no VmRSS in /proc/self/status")


def settled_rss() -> int:
    gc.collect()
    return rss_bytes()


def mb(n: float) -> str:
    return f"{n / 1e6:.1f} MB"
