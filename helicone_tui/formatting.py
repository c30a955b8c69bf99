"""How numbers and times read, everywhere (CLI and TUI): one place for each format.

Pure functions over possibly-missing, possibly-wrong API values: they never raise.
"""

from __future__ import annotations

import math
import re
from datetime import UTC, datetime
from typing import Any

DASH = "–"


def parse_time(value: Any) -> datetime | None:
    """An API timestamp ("2025-06-01T12:00:00.000Z", with or without zone) as aware UTC."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip().replace("Z", "+00:00").replace(" ", "T", 1)
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def format_local_time(value: Any, *, seconds: bool = True) -> str:
    """An API timestamp in the local time zone, e.g. "2025-06-01 14:00:05 CEST"."""
    parsed = parse_time(value)
    if parsed is None:
        return DASH if value in (None, "") else str(value)
    local = parsed.astimezone()
    return local.strftime("%Y-%m-%d %H:%M:%S %Z" if seconds else "%Y-%m-%d %H:%M").strip()


def format_short_time(value: Any) -> str:
    """Compact local time for table cells: "06-01 14:00:05"."""
    parsed = parse_time(value)
    if parsed is None:
        return DASH
    return parsed.astimezone().strftime("%m-%d %H:%M:%S")


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def format_int(value: Any) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"  # exact, and no float overflow for sums of absurd counts
    number = _number(value)
    return DASH if number is None or not math.isfinite(number) else f"{round(number):,}"


def format_cost(value: Any) -> str:
    """USD with enough digits for fractions of a cent: $0.000123, $1.23."""
    number = _number(value)
    if number is None:
        return DASH
    if number == 0:
        return "$0"
    if abs(number) >= 1:
        return f"${number:,.2f}"
    if abs(number) >= 0.01:
        return f"${number:.4f}"
    return f"${number:.6f}"


def format_duration_ms(value: Any) -> str:
    """Milliseconds as "850 ms" or "1.23 s"."""
    number = _number(value)
    if number is None:
        return DASH
    if abs(number) < 1000:
        return f"{number:.0f} ms"
    return f"{number / 1000:.2f} s"


def format_bytes(size: int) -> str:
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{size} B"


def short_id(request_id: str, length: int = 8) -> str:
    return request_id[:length]


_KEY_IN_QUERY = re.compile(r"(?i)([?&](?:key|api[_-]?key|token|access_token|apikey)=)[^&#\s]+")


def mask_url_secrets(url: str) -> str:
    """A URL with API keys in its query string masked (`?key=AIza…` → `?key=***`)."""
    return _KEY_IN_QUERY.sub(r"\1***", url)
