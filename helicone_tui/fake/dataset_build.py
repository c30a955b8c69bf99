"""Builders for dataset rows: deterministic ids, timestamps, prices, and the row shape itself."""

from __future__ import annotations

import hashlib
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from .storage import FAKE_META_KEY, BodyStorage

_NAMESPACE = uuid.UUID("6b1f7e52-93c4-4c1e-8f0a-2d5e9b7a4c31")

NO_CACHE_REFERENCE = "00000000-0000-0000-0000-000000000000"

# USD per million tokens: (input, output). Cache reads cost a tenth of input, writes 1.25x.
PRICES: dict[str, tuple[float, float]] = {
    "gpt-4o-2024-08-06": (2.50, 10.00),
    "gpt-4o-mini-2024-07-18": (0.15, 0.60),
    "gpt-4.1-2025-04-14": (2.00, 8.00),
    "gpt-4.1-mini-2025-04-14": (0.40, 1.60),
    "o4-mini-2025-04-16": (1.10, 4.40),
    "claude-sonnet-4-20250514": (3.00, 15.00),
    "claude-3-5-haiku-20241022": (0.80, 4.00),
    "claude-opus-4-1-20250805": (15.00, 75.00),
    "gemini-2.5-flash": (0.30, 2.50),
    "gemini-2.5-pro": (1.25, 10.00),
    "text-embedding-3-small": (0.02, 0.0),
    "deepseek-reasoner": (0.55, 2.19),
    "llama-3.3-70b-versatile": (0.59, 0.79),
}


def row_id(slug: str) -> str:
    """A fixed request id in real UUID form, derived from a readable slug."""
    return str(uuid.uuid5(_NAMESPACE, slug))


def short_token(slug: str, length: int = 24) -> str:
    """A fixed provider-style id fragment (``chatcmpl-…``, ``msg_…``, ``toolu_…``)."""
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
    digest = hashlib.sha256(slug.encode()).digest() * 2
    return "".join(alphabet[b % len(alphabet)] for b in digest[:length])


def iso(moment: datetime) -> str:
    """The API's timestamp format: ``2025-06-01T12:00:00.000Z``."""
    return (
        moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"
    )


def anchor_time(now: datetime | None) -> datetime:
    """The moment rows are placed before: now, to the minute (recent, inside the 90-day window)."""
    moment = now if now is not None else datetime.now(UTC)
    return moment.astimezone(UTC).replace(second=0, microsecond=0)


def cost_usd(
    model: str,
    *,
    prompt: int,
    completion: int,
    reasoning: int = 0,
    cache_read: int = 0,
    cache_write: int = 0,
) -> float:
    price_in, price_out = PRICES.get(model, (1.0, 3.0))
    fresh = max(0, prompt - cache_read - cache_write)
    dollars = (
        fresh * price_in
        + cache_read * price_in * 0.1
        + cache_write * price_in * 1.25
        + (completion + reasoning) * price_out
    ) / 1_000_000
    return round(dollars, 8)


def llm_row(
    slug: str,
    *,
    anchor: datetime,
    age_minutes: float,
    provider: str,
    model: str,
    target_url: str,
    request_path: str,
    request_body: Any,
    response_body: Any,
    status: int = 200,
    prompt_tokens: int = 0,
    completion_tokens: int = 0,
    reasoning_tokens: int = 0,
    cache_read_tokens: int = 0,
    cache_write_tokens: int = 0,
    cost: float | None = None,
    delay_ms: int = 1000,
    ttft_ms: int | None = None,
    user_id: str | None = None,
    properties: dict[str, str] | None = None,
    scores: dict[str, int | float] | None = None,
    country_code: str | None = "US",
    cache_reference_id: str = NO_CACHE_REFERENCE,
    cache_enabled: bool = False,
    request_model: str | None = None,
    response_model: str | None = None,
    request_referrer: str | None = None,
    ai_gateway_body_mapping: str | None = None,
    asset_ids: list[str] | None = None,
    storage_location: str = "s3",
    body_storage: BodyStorage | None = None,
    request_id: str | None = None,
    response_id: str | None = None,
) -> dict[str, Any]:
    """One row in the field order the real API uses, with the metadata made consistent.

    The ids derive from ``slug`` unless given.
    """
    request_id = request_id or row_id(slug)
    created = anchor - timedelta(minutes=age_minutes)
    responded = created + timedelta(milliseconds=delay_ms)
    props = dict(properties or {})
    if cost is None:
        cost = cost_usd(
            model,
            prompt=prompt_tokens,
            completion=completion_tokens,
            reasoning=reasoning_tokens,
            cache_read=cache_read_tokens,
            cache_write=cache_write_tokens,
        )
    row: dict[str, Any] = {
        "response_id": response_id or row_id(slug + "/response"),
        "response_created_at": iso(responded),
        "response_body": response_body,
        "response_status": status,
        "response_model": response_model,
        "request_id": request_id,
        "request_created_at": iso(created),
        "request_body": request_body,
        "request_path": request_path,
        "request_user_id": user_id,
        "request_properties": props,
        "request_model": request_model or model,
        "model_override": None,
        "helicone_user": None,
        "provider": provider,
        "delay_ms": delay_ms,
        "time_to_first_token": ttft_ms,
        "total_tokens": prompt_tokens + completion_tokens + reasoning_tokens,
        "prompt_tokens": prompt_tokens,
        "prompt_cache_write_tokens": cache_write_tokens,
        "prompt_cache_read_tokens": cache_read_tokens,
        "completion_tokens": completion_tokens,
        "reasoning_tokens": reasoning_tokens,
        "prompt_audio_tokens": 0,
        "completion_audio_tokens": 0,
        "cost": cost,
        "prompt_id": None,
        "prompt_version": None,
        "feedback_created_at": None,
        "feedback_id": None,
        "feedback_rating": None,
        "signed_body_url": None,
        "country_code": country_code,
        "asset_ids": list(asset_ids or []),
        "asset_urls": None,
        "scores": dict(scores or {}),
        "properties": dict(props),
        "assets": list(asset_ids or []),
        "target_url": target_url,
        "model": model,
        "cache_reference_id": cache_reference_id,
        "cache_enabled": cache_enabled,
        "updated_at": iso(responded + timedelta(seconds=2)),
        "request_referrer": request_referrer,
        "ai_gateway_body_mapping": ai_gateway_body_mapping,
        "storage_location": storage_location,
    }
    if body_storage is not None:
        row[FAKE_META_KEY] = {"body_storage": body_storage.value}
    return row


def session(session_id: str, path: str, name: str, **extra: str) -> dict[str, str]:
    """Custom properties of a row that belongs to a Helicone session."""
    return {
        "Helicone-Session-Id": session_id,
        "Helicone-Session-Path": path,
        "Helicone-Session-Name": name,
        **extra,
    }


def unix_seconds(anchor: datetime, age_minutes: float) -> int:
    """A provider body's ``created`` field, matching the row's time."""
    return int((anchor - timedelta(minutes=age_minutes)).timestamp())
