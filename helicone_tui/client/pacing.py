"""Staying inside Helicone's rate limits before the server has to say no."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable

Sleep = Callable[[float], Awaitable[None]]
Clock = Callable[[], float]

# GET /v1/request/{id} allows 600 per 5-minute window (DESIGN.md §1). A bucket of 50 refilled
# at 1.8/s can spend at most 50 + 1.8 × 300 = 590 in any window: bursts stay instant, thousands
# of GETs are paced just under the limit.
GET_BURST = 50
GET_RATE_PER_S = 1.8
# Refill arithmetic in floats can stop a hair short of a whole token; without this slack the
# bucket would spin on ever-smaller sleeps.
_EPSILON = 1e-9


class TokenBucket:
    """Waits until a token is free. Clock and sleep are injected so tests never wait for real."""

    def __init__(
        self,
        capacity: int = GET_BURST,
        rate_per_s: float = GET_RATE_PER_S,
        *,
        clock: Clock = time.monotonic,
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        if capacity < 1 or rate_per_s <= 0:
            raise ValueError("a bucket needs capacity >= 1 and a positive rate")
        self.capacity = capacity
        self.rate = rate_per_s
        self._clock = clock
        self._sleep = sleep
        self._tokens = float(capacity)
        self._stamp = clock()
        self._lock = asyncio.Lock()

    def _refill(self) -> None:
        now = self._clock()
        self._tokens = min(self.capacity, self._tokens + (now - self._stamp) * self.rate)
        self._stamp = now

    def would_wait(self) -> float:
        """Seconds the next `acquire` would wait now (0 when a token is free)."""
        self._refill()
        return 0.0 if self._tokens >= 1 - _EPSILON else (1 - self._tokens) / self.rate

    async def acquire(self) -> None:
        async with self._lock:
            while True:
                self._refill()
                if self._tokens >= 1 - _EPSILON:
                    self._tokens = max(0.0, self._tokens - 1)
                    return
                await self._sleep((1 - self._tokens) / self.rate)
