"""Fault and quirk switches of the fake, settable at start (flags) and at run time (admin).

A rate is a number: a fraction in 0..1 hits that share of the matching requests (drawn from a
seeded RNG, so a run is repeatable), an integer N >= 2 hits every Nth matching request.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass
from typing import Any

# Endpoints a fault can hit, by name.
ENDPOINT_QUERY_IDS = "query-ids"
ENDPOINT_GET = "get"
ENDPOINT_SIGNED_URL = "signed-url"
ENDPOINTS = (ENDPOINT_QUERY_IDS, ENDPOINT_GET, ENDPOINT_SIGNED_URL)

_RATE_FIELDS = ("status_429", "status_500", "malformed_json", "drop_connection")


class FaultsError(ValueError):
    """A fault setting that makes no sense; the message says which and why."""


@dataclass(slots=True)
class Faults:
    latency_ms: float = 0.0
    """Added to every answer of the endpoints in ``paths``."""
    status_429: float = 0.0
    """Rate of injected ``429 Too many requests`` (with ``Retry-After: retry_after``)."""
    retry_after: int = 1
    status_500: float = 0.0
    """Rate of injected ``500 {"message", "details"}``."""
    malformed_json: float = 0.0
    """Rate of 200 answers whose body is cut short (not JSON)."""
    drop_connection: float = 0.0
    """Rate of requests answered by closing the connection."""
    paths: tuple[str, ...] = (ENDPOINT_QUERY_IDS, ENDPOINT_GET)
    """The endpoints the faults above hit."""
    seed: int = 0
    """Seed of the RNG behind fractional rates."""

    # Quirks of the real server that are off by default.
    omit_missing: bool = False
    """query-ids leaves unknown ids out instead of answering ``null`` for them."""
    not_found_error_only: bool = False
    """A GET of an unknown id answers ``{"error": null}`` instead of ``{"data": null, ...}``."""

    rate_limit: bool = False
    """Enforce the real rate limits (per key, fixed window)."""
    rate_limit_window_s: float = 300.0
    rate_limit_get: int = 600
    """``GET /v1/request/{id}`` per window."""
    rate_limit_other: int = 1000
    """Every other endpoint, per window."""

    def __post_init__(self) -> None:
        validate(self)

    def to_json(self) -> dict[str, Any]:
        return {f.name: _jsonable(getattr(self, f.name)) for f in _public_fields()}

    def patched(self, changes: dict[str, Any]) -> Faults:
        """A copy with ``changes`` applied (unknown names and bad values raise FaultsError)."""
        current = {f.name: getattr(self, f.name) for f in _public_fields()}
        for name, value in changes.items():
            if name not in current:
                known = ", ".join(sorted(current))
                raise FaultsError(f"unknown fault {name!r} (known: {known})")
            current[name] = _coerce(name, value)
        return Faults(**current)

    def active(self) -> list[str]:
        """Names of the switches that differ from the defaults, for a banner."""
        default = Faults()
        return [
            f.name for f in _public_fields() if getattr(self, f.name) != getattr(default, f.name)
        ]


def _public_fields() -> list[dataclasses.Field[Any]]:
    return [f for f in dataclasses.fields(Faults) if not f.name.startswith("_")]


def _jsonable(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value


def _coerce(name: str, value: Any) -> Any:
    kind = {f.name: f.type for f in _public_fields()}[name]
    if kind == "bool":
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.lower() in {"true", "1", "on", "yes"}:
            return True
        if isinstance(value, str) and value.lower() in {"false", "0", "off", "no"}:
            return False
        raise FaultsError(f"{name} must be true or false, not {value!r}")
    if kind == "tuple[str, ...]":
        items = value.split(",") if isinstance(value, str) else value
        if not isinstance(items, list | tuple) or not all(isinstance(i, str) for i in items):
            raise FaultsError(f"{name} must be a list of endpoint names")
        return tuple(i.strip() for i in items if i.strip())
    if isinstance(value, bool):
        raise FaultsError(f"{name} must be a number, not {value!r}")
    if isinstance(value, str):
        try:
            value = float(value)
        except ValueError:
            raise FaultsError(f"{name} must be a number, not {value!r}") from None
    if not isinstance(value, int | float):
        raise FaultsError(f"{name} must be a number, not {value!r}")
    if kind == "int":
        if value != int(value):
            raise FaultsError(f"{name} must be a whole number, not {value!r}")
        return int(value)
    return float(value)


def validate(faults: Faults) -> None:
    for name in _RATE_FIELDS:
        rate = getattr(faults, name)
        if not math.isfinite(rate) or rate < 0 or (rate > 1 and rate != int(rate)):
            raise FaultsError(
                f"{name} must be a fraction 0..1 or a whole number N >= 2 (every Nth), not {rate!r}"
            )
    if faults.latency_ms < 0 or not math.isfinite(faults.latency_ms):
        raise FaultsError("latency_ms must be >= 0")
    if faults.retry_after < 0:
        raise FaultsError("retry_after must be >= 0")
    unknown = [p for p in faults.paths if p not in ENDPOINTS]
    if unknown:
        raise FaultsError(f"unknown endpoint(s) {unknown} in paths (known: {list(ENDPOINTS)})")
    if faults.rate_limit_window_s <= 0:
        raise FaultsError("rate_limit_window_s must be > 0")
    if faults.rate_limit_get < 0 or faults.rate_limit_other < 0:
        raise FaultsError("rate limits must be >= 0")


def parse_rate(text: str) -> float:
    """A rate from a flag: ``0.25``, ``25%``, ``1/4`` (all fractions), or ``every:4`` / ``4``."""
    raw = text.strip().lower()
    try:
        if raw.startswith("every:"):
            n = int(raw.removeprefix("every:"))
            if n < 1:
                raise ValueError
            return float(n) if n > 1 else 1.0
        if raw.endswith("%"):
            return float(raw[:-1]) / 100
        if "/" in raw:
            num, den = raw.split("/", 1)
            return float(num) / float(den)
        return float(raw)
    except (ValueError, ZeroDivisionError):
        raise FaultsError(
            f"bad rate {text!r}: use a fraction (0.25, 25%, 1/4) or every:N"
        ) from None
