"""`helicone-tui get`: fetch requests by id and print them, for scripts and quick looks.

Rows come through the batched `query-ids` endpoint (a few round trips for thousands of ids; the
client falls back to paced GETs for a read-only key). That endpoint never reads bodies from
object storage: rows whose bodies are there are completed from their signed URL, and only when
that fails is the row asked for again with `includeBody=true`, as a single GET would be.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from collections.abc import Callable
from typing import Any, TextIO

from .client import AuthError, HeliconeClient, HeliconeError, MissingKeyError
from .client.errors import explain_refusal
from .formatting import (
    DASH,
    format_cost,
    format_duration_ms,
    format_int,
    format_local_time,
    mask_url_secrets,
)
from .mapping import conversation_to_markdown, map_request
from .models import NOT_STORED_LOCATIONS, BodyInfo, BodyState, HeliconeRequest, is_body_placeholder
from .settings import Settings
from .text_safety import UNSAFE_CHARS, sanitize_text

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
# Bodies fetched from signed URLs (object storage, not Helicone's rate-limited API) at a time.
BODY_CONCURRENCY = 8
# Progress shows on a terminal once a fetch has taken this long, redrawn at most this often.
PROGRESS_AFTER_S = 0.5
PROGRESS_EVERY_S = 0.1
READ_ONLY_NOTE = " (read-only key: one paced GET per id, about 2 a second)"

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
    clock: Callable[[], float] = time.monotonic,
) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    wanted = list(dict.fromkeys(i.strip() for i in ids if i.strip()))
    progress = Progress(err, len(wanted), clock=clock)
    try:
        outcomes = asyncio.run(_fetch_all(settings, wanted, include_body, client, progress))
        rows = [row for _, row, _ in outcomes if row is not None]
        if _is_terminal(out):
            progress.close()  # the output goes to the same screen
        else:
            progress.writing()  # formatting thousands of rows takes a moment too
        if as_json:
            out.write(safe_json_dumps([row.to_json_dict() for row in rows]) + "\n")
        else:
            for index, row in enumerate(rows):
                if index:
                    out.write("\n")
                out.write(format_request(row) + "\n")
    except MissingKeyError as exc:
        progress.close()
        print(f"helicone-tui: {exc}", file=err)
        return EXIT_USAGE
    finally:
        progress.close()
    failures = [(rid, error) for rid, _, error in outcomes if error is not None]
    refused = next((e for _, e in failures if isinstance(e, AuthError)), None)
    if refused is not None:
        # The key, not an id: said once, however many ids it stopped.
        print(f"helicone-tui: {auth_error_text(refused, settings)}", file=err)
    for rid, error in failures:
        if not isinstance(error, AuthError):
            print(f"helicone-tui: {rid}: {sanitize_text(str(error))}", file=err)
    if refused is not None:
        return EXIT_USAGE
    return EXIT_FAILED if failures else EXIT_OK


def auth_error_text(error: AuthError, settings: Settings) -> str:
    """The refusal, with advice that fits how the host was chosen (see `explain_refusal`)."""
    return explain_refusal(
        error,
        api_key=settings.api_key,
        base_url=settings.effective_base_url,
        base_url_source=settings.base_url_source if settings.base_url else None,
    )


class Progress:
    """A "fetched 400 / 1,000" line on `stream`, redrawn in place: only on a terminal, and only
    once the fetch has taken more than a moment. Never on stdout, which may be piped."""

    def __init__(
        self, stream: TextIO, total: int, *, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._stream = stream
        self._total = total
        self._clock = clock
        self._start = clock()
        self._drawn_at: float | None = None
        self.enabled = total > 1 and _is_terminal(stream)
        self.done = 0
        self.note = ""

    def update(self, done: int, note: str = "") -> None:
        self.done, self.note = done, note
        if not self.enabled:
            return
        now = self._clock()
        if now - self._start < PROGRESS_AFTER_S:
            return
        if self._drawn_at is not None and now - self._drawn_at < PROGRESS_EVERY_S:
            return
        self._drawn_at = now
        text = f"fetched {format_int(done)} / {format_int(self._total)}{note}"
        self._write(f"\r{text}\x1b[K")

    def writing(self) -> None:
        """Say that the rows are in and being written, if progress is showing."""
        if self._drawn_at is not None:
            total = format_int(self._total)
            self._write(f"\rfetched {format_int(self.done)} / {total}, writing the output\x1b[K")

    def close(self) -> None:
        """Erase the line, so that what is printed next starts clean."""
        if self._drawn_at is not None:
            self._drawn_at = None
            self._write("\r\x1b[K")

    def _write(self, text: str) -> None:
        try:
            self._stream.write(text)
            self._stream.flush()
        except (OSError, ValueError):
            self.enabled = False


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError, OSError):
        return False


async def _fetch_all(
    settings: Settings,
    ids: list[str],
    include_body: bool,
    client: HeliconeClient | None,
    progress: Progress,
) -> list[Outcome]:
    """One outcome per id, in the order of `ids`."""
    owned = client is None
    active = client or HeliconeClient(
        settings.api_key,
        base_url=settings.base_url,
        region=settings.region,
        timeout=settings.timeout,
    )
    outcomes: dict[str, Outcome] = {}
    gate = asyncio.Semaphore(BODY_CONCURRENCY)
    pending: set[asyncio.Task[None]] = set()

    def settle(outcome: Outcome) -> None:
        outcomes[outcome[0]] = outcome
        progress.update(len(outcomes), READ_ONLY_NOTE if active.read_only else "")

    async def complete(request_id: str, row: HeliconeRequest) -> None:
        async with gate:
            settle((request_id, await _with_bodies(active, row), None))

    try:
        async for chunk in active.iter_query_ids(ids):
            for result in chunk:
                if result.row is None:
                    error = result.error or HeliconeError(f"No answer for {result.request_id}.")
                    settle((result.request_id, None, error))
                elif include_body:
                    task = asyncio.ensure_future(complete(result.request_id, result.row))
                    pending.add(task)
                    task.add_done_callback(pending.discard)
                else:
                    settle((result.request_id, result.row, None))
        await asyncio.gather(*pending)  # no task is added after the loop
    finally:
        for task in list(pending):
            task.cancel()
        if owned:
            await active.aclose()
    missing = HeliconeError("Helicone's answer did not account for this id.")
    return [outcomes.get(i, (i, None, missing)) for i in ids]


async def _with_bodies(client: HeliconeClient, row: HeliconeRequest) -> HeliconeRequest:
    """`row` (from query-ids) with its bodies, as `get_request(include_body=True)` gives it."""
    placeholder = is_body_placeholder(row.request_body) or is_body_placeholder(row.response_body)
    if not placeholder and row.storage_location not in NOT_STORED_LOCATIONS:
        return row.with_body_info(BodyInfo(BodyState.INLINE))
    # The client's own signed-URL fetch (no API key sent there, no rate limit); it also marks a
    # never-stored row.
    filled = await client.fill_bodies(row)
    if filled.body_info.state is not BodyState.UNAVAILABLE:
        return filled
    # The signed URL did not work from here: the server may still read the object itself.
    try:
        return await client.get_request(row.request_id, include_body=True)
    except HeliconeError:
        return filled


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
