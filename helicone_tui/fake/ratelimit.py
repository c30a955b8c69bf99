"""The real server's rate limiter: a fixed window per key, one bucket per endpoint class."""

from __future__ import annotations

import math
import threading
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class RateDecision:
    allowed: bool
    limit: int
    remaining: int
    reset_s: int
    """Seconds until the window ends (the ``RateLimit-Reset`` header)."""

    def headers(self) -> dict[str, str]:
        headers = {
            "RateLimit-Limit": str(self.limit),
            "RateLimit-Remaining": str(self.remaining),
            "RateLimit-Reset": str(self.reset_s),
        }
        if not self.allowed:
            headers["Retry-After"] = str(self.reset_s)
        return headers


class FixedWindowLimiter:
    """Counts requests per (key, bucket) in windows aligned on multiples of the window length.

    The clock is injected so tests move time by hand instead of sleeping.
    """

    def __init__(self, clock: Callable[[], float]) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._counts: dict[tuple[str, str], tuple[int, int]] = {}

    def hit(self, key: str, bucket: str, *, limit: int, window_s: float) -> RateDecision:
        now = self._clock()
        window = math.floor(now / window_s)
        reset_s = max(0, math.ceil((window + 1) * window_s - now))
        with self._lock:
            seen_window, count = self._counts.get((key, bucket), (window, 0))
            if seen_window != window:
                count = 0
            if count >= limit:
                self._counts[(key, bucket)] = (window, count)
                return RateDecision(False, limit, 0, reset_s)
            count += 1
            self._counts[(key, bucket)] = (window, count)
            return RateDecision(True, limit, limit - count, reset_s)

    def reset(self) -> None:
        with self._lock:
            self._counts.clear()
