"""`helicone-tui get`: fetch requests by id and print them, for scripts and quick looks."""

from __future__ import annotations

import asyncio
import json
import sys
from typing import Any, TextIO

from .client import AuthError, HeliconeClient, HeliconeError, MissingKeyError
from .formatting import (
    DASH,
    format_cost,
    format_duration_ms,
    format_int,
    format_local_time,
    mask_url_secrets,
)
from .mapping import conversation_to_markdown, map_request
from .models import BodyState, HeliconeRequest
from .settings import Settings
from .text_safety import UNSAFE_CHARS, sanitize_text

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
# Fetch a few at a time; the client's token bucket keeps GETs inside the rate limit.
CONCURRENCY = 4

Outcome = tuple[str, HeliconeRequest | None, HeliconeError | None]


def run_get(
    settings: Settings,
    ids: list[str],
    *,
    as_json: bool,
    include_body: bool = True,
    out: TextIO | None = None,
    err: TextIO | None = None,
    client: HeliconeClient | None = None,
) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    try:
        outcomes = asyncio.run(_fetch_all(settings, ids, include_body, client))
    except MissingKeyError as exc:
        print(f"helicone-tui: {exc}", file=err)
        return EXIT_USAGE
    rows = [row for _, row, _ in outcomes if row is not None]
    if as_json:
        out.write(safe_json_dumps([row.to_json_dict() for row in rows]) + "\n")
    else:
        for index, row in enumerate(rows):
            if index:
                out.write("\n")
            out.write(format_request(row) + "\n")
    failures = [(rid, error) for rid, _, error in outcomes if error is not None]
    for rid, error in failures:
        print(f"helicone-tui: {rid}: {sanitize_text(str(error))}", file=err)
    if any(isinstance(error, AuthError) for _, error in failures):
        return EXIT_USAGE
    return EXIT_FAILED if failures else EXIT_OK


async def _fetch_all(
    settings: Settings, ids: list[str], include_body: bool, client: HeliconeClient | None
) -> list[Outcome]:
    owned = client is None
    active = client or HeliconeClient(
        settings.api_key,
        base_url=settings.base_url,
        region=settings.region,
        timeout=settings.timeout,
    )
    try:
        # The first alone: a refused key is reported once, and nothing more is sent.
        first = await _fetch_one(active, ids[0], include_body)
        if isinstance(first[2], AuthError):
            return [first]
        gate = asyncio.Semaphore(CONCURRENCY)

        async def one(request_id: str) -> Outcome:
            async with gate:
                return await _fetch_one(active, request_id, include_body)

        rest = await asyncio.gather(*(one(i) for i in ids[1:]))
        return [first, *rest]
    finally:
        if owned:
            await active.aclose()


async def _fetch_one(client: HeliconeClient, request_id: str, include_body: bool) -> Outcome:
    try:
        return request_id, await client.get_request(request_id, include_body=include_body), None
    except HeliconeError as exc:
        return request_id, None, exc


def safe_json_dumps(value: Any) -> str:
    """Readable JSON (non-ASCII kept) in which nothing can steer a terminal: json escapes most
    C0 controls itself; every other unsafe character (DEL, C1, bidi marks, line separators) is
    escaped here. Outside strings JSON holds only ASCII punctuation, so this stays valid JSON."""
    text = json.dumps(value, indent=2, ensure_ascii=False)
    return UNSAFE_CHARS.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)


def format_request(row: HeliconeRequest) -> str:
    """A readable summary of one request and its mapped conversation."""
    mapped = map_request(row)
    status = row.response_status
    lines = [
        f"━━ request {row.request_id}",
        _field(
            "status",
            f"{status if status is not None else 'pending'} {mapped.status.kind}",
            "cached" if row.cached else None,
        ),
        _field("created", format_local_time(row.request_created_at)),
        _field("model", row.display_model, row.provider, f"mapper {mapped.mapper}"),
        _field(
            "tokens",
            f"prompt {format_int(row.prompt_tokens)}",
            f"completion {format_int(row.completion_tokens)}",
            f"total {format_int(row.total_tokens)}",
            _optional("cache read", row.prompt_cache_read_tokens),
            _optional("cache write", row.prompt_cache_write_tokens),
            _optional("reasoning", row.reasoning_tokens),
        ),
        _field(
            "cost",
            format_cost(row.cost_usd),
            f"latency {format_duration_ms(row.delay_ms)}",
            f"TTFT {format_duration_ms(row.time_to_first_token)}"
            if row.time_to_first_token
            else None,
        ),
    ]
    if row.request_user_id:
        lines.append(_field("user", row.request_user_id))
    properties = row.custom_properties
    if properties:
        lines.append(_field("properties", *(f"{k}={v}" for k, v in properties.items())))
    if row.scores:
        lines.append(_field("scores", *(f"{k}={v}" for k, v in row.scores.items())))
    if row.target_url:
        lines.append(_field("target", mask_url_secrets(row.target_url)))
    info = row.body_info
    if info.state in (BodyState.NOT_STORED, BodyState.UNAVAILABLE, BodyState.PLACEHOLDER):
        lines.append(_field("bodies", f"{info.state.value}: {info.detail or ''}".strip()))
    if mapped.error_message:
        lines.append(_field("error", mapped.error_message))
    bodies_missing = info.state in (BodyState.NOT_STORED, BodyState.UNAVAILABLE)
    conversation = "" if bodies_missing else conversation_to_markdown(mapped).strip()
    if conversation:
        lines += ["", conversation]
    return sanitize_text("\n".join(lines))


def _field(label: str, *parts: object) -> str:
    shown = [str(p) for p in parts if p not in (None, "")]
    return f"{label:<11}{' · '.join(shown) if shown else DASH}"


def _optional(label: str, value: Any) -> str | None:
    return f"{label} {format_int(value)}" if isinstance(value, int | float) and value else None
