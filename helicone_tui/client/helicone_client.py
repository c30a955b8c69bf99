"""`HeliconeClient`: the async service over Helicone's request API.

One `httpx.AsyncClient` (transport injectable, so tests run against the fake in-process), typed
errors, batching with progress for `query-ids`, the read-only-key fallback to paced GETs, the
signed-URL fallback for bodies, and bounded retries on 429. No UI knowledge.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import time
from collections.abc import AsyncIterator, Callable, Coroutine, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, Self, TypeVar

import httpx
from pydantic import SecretStr, ValidationError

from ..models import (
    NOT_STORED_LOCATIONS,
    BodyInfo,
    BodyState,
    HeliconeRequest,
    ResultEnvelope,
    is_body_placeholder,
)
from ..models.summary import RequestSummary, parse_summaries, summaries_by_id
from .errors import (
    AuthError,
    HeliconeError,
    MalformedResponseError,
    NetworkError,
    NotFoundError,
    RateLimitedError,
    RequestTimeoutError,
    ServerError,
)
from .keys import check_key
from .pacing import Clock, Sleep, TokenBucket
from .region import EU_KEY_PREFIX, Region, dashboard_url, is_eu_host, region_for, resolve_base_url
from .results import IdResult, KeyAccess, unique_in_order
from .secrets import install_log_redaction, mask_key, redact

log = logging.getLogger("helicone_tui.client")
T = TypeVar("T")
R = TypeVar("R")

# Batching of query-ids, measured against the fake over loopback (see bench/bench_client.py):
# the first batch is small so the first rows (and a bad key) show up after one quick round trip.
DEFAULT_BATCH_SIZE = 250
DEFAULT_FIRST_BATCH_SIZE = 50
DEFAULT_CONCURRENCY = 4
# Per-id GETs of a read-only key run a few at a time; the token bucket does the pacing.
GET_CONCURRENCY = 4

MAX_RETRIES = 4
MAX_RETRY_WAIT_S = 60.0
# Bodies bigger than this are parsed in a worker thread, so the caller's event loop keeps going.
THREAD_PARSE_BYTES = 256 * 1024
# The list's summaries are read from the answer's bytes in pydantic-core, about 2.5 ms per MB
# (synthetic rows, a 250-row batch is ~0.5 MB): cheaper on the loop than a hop to a thread.
SUMMARY_THREAD_PARSE_BYTES = 2 * 1024 * 1024

_NIL_UUID = "00000000-0000-0000-0000-000000000000"


class HeliconeClient:
    """Async client of `POST /v1/request/query-ids` and `GET /v1/request/{id}`."""

    def __init__(
        self,
        api_key: str | None,
        *,
        base_url: str | None = None,
        region: Region | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        timeout: float = 30.0,
        batch_size: int = DEFAULT_BATCH_SIZE,
        first_batch_size: int = DEFAULT_FIRST_BATCH_SIZE,
        concurrency: int = DEFAULT_CONCURRENCY,
        max_retries: int = MAX_RETRIES,
        max_retry_wait: float = MAX_RETRY_WAIT_S,
        get_bucket: TokenBucket | None = None,
        sleep: Sleep = asyncio.sleep,
        clock: Clock = time.monotonic,
    ) -> None:
        api_key = check_key(api_key)  # MissingKeyError / InvalidKeyError
        install_log_redaction()
        self._key = SecretStr(api_key)
        self.region = region_for(api_key, region)
        self.base_url = resolve_base_url(api_key, base_url=base_url, region=region)
        self.batch_size = max(1, batch_size)
        self.first_batch_size = max(1, min(first_batch_size, self.batch_size))
        self.concurrency = max(1, concurrency)
        self.max_retries = max(0, max_retries)
        self.max_retry_wait = max_retry_wait
        self._sleep = sleep
        self.get_bucket = get_bucket or TokenBucket(clock=clock, sleep=sleep)
        #: Set once query-ids answered 401 but a GET worked: the key may only read.
        self.read_only = False
        self._http = httpx.AsyncClient(
            transport=transport,
            timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
            headers={"User-Agent": "helicone-tui", "Accept": "application/json"},
            follow_redirects=False,
        )

    def __repr__(self) -> str:
        return f"HeliconeClient(base_url={self.base_url!r}, key={mask_key(self.api_key)!r})"

    @property
    def api_key(self) -> str:
        return self._key.get_secret_value()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        await self._http.aclose()

    def dashboard_url(self, request_id: str) -> str:
        region = Region.EU if is_eu_host(self.base_url) else self.region
        return dashboard_url(request_id, region)

    # ------------------------------------------------------------------ query-ids

    async def query_ids(self, ids: Iterable[str]) -> list[IdResult]:
        """One result per distinct id, in input order."""
        wanted = unique_in_order(ids)
        by_id: dict[str, IdResult] = {}
        async for chunk in self.iter_query_ids(wanted):
            for result in chunk:
                by_id[result.request_id] = result
        return [by_id[i] for i in wanted]

    async def iter_query_ids(self, ids: Iterable[str]) -> AsyncIterator[list[IdResult]]:
        """Results batch by batch, as they arrive (not in input order): for progress.

        Every distinct id is answered exactly once, by a row or by the error that hit it.
        """
        async for chunk in self._iter_query(ids, _FULL_ROWS):
            yield chunk

    async def iter_query_summaries(
        self, ids: Iterable[str]
    ) -> AsyncIterator[list[IdResult[RequestSummary]]]:
        """`iter_query_ids` for the list: each row is its `RequestSummary`, read from the answer
        without building its bodies; same batching, errors, fallbacks and tolerance."""
        async for chunk in self._iter_query(ids, _SUMMARIES):
            yield chunk

    async def _iter_query(
        self, ids: Iterable[str], kind: _RowKind[R]
    ) -> AsyncIterator[list[IdResult[R]]]:
        wanted = unique_in_order(ids)
        if not wanted:
            return
        if self.read_only:
            async for chunk in self._iter_by_get(wanted, kind):
                yield chunk
            return
        first, rest = wanted[: self.first_batch_size], wanted[self.first_batch_size :]
        try:
            first_results = await self._query_batch(first, kind)
        except AuthError as refused:
            async for chunk in self._after_query_ids_refused(wanted, refused, kind):
                yield chunk
            return
        yield first_results
        batches = [rest[i : i + self.batch_size] for i in range(0, len(rest), self.batch_size)]
        async for chunk in self._run_batches(batches, kind):
            yield chunk

    async def _run_batches(
        self, batches: list[list[str]], kind: _RowKind[R]
    ) -> AsyncIterator[list[IdResult[R]]]:
        if not batches:
            return
        gate = asyncio.Semaphore(self.concurrency)

        async def one(batch: list[str]) -> list[IdResult[R]]:
            async with gate:
                try:
                    return await self._query_batch(batch, kind)
                except AuthError as exc:
                    return [IdResult(i, error=exc) for i in batch]

        tasks = _running([one(batch) for batch in batches])
        try:
            for next_done in asyncio.as_completed(tasks):
                yield await next_done
        finally:
            for task in list(tasks):
                task.cancel()

    async def _query_batch(self, batch: Sequence[str], kind: _RowKind[R]) -> list[IdResult[R]]:
        """One POST; every error but a refused key becomes the answer of each id in it."""
        try:
            response = await self._send(
                "POST", "/v1/request/query-ids", json_body={"requestIds": list(batch)}
            )
            content = response.content
            if kind.from_bytes is not None and response.status_code == 200 and content:
                fast = await self._maybe_in_thread(
                    kind.from_bytes, content, size=len(content), limit=SUMMARY_THREAD_PARSE_BYTES
                )
                if fast is not None:
                    return _answers(batch, fast)
            payload = await self._decode(response)
            self._raise_for_status(response, payload)
            envelope = self._envelope(payload)
            if envelope.error_message:
                raise ServerError(response.status_code, envelope.error_message)
            data = envelope.data
            if not isinstance(data, list):
                raise MalformedResponseError(
                    "Helicone's query-ids answer has no list of rows.",
                    hint="Is the base URL a Helicone API?",
                )
            rows = await self._maybe_in_thread(kind.from_data, data, size=len(content))
        except AuthError:
            raise
        except HeliconeError as exc:
            return [IdResult(i, error=exc) for i in batch]
        return _answers(batch, rows)

    async def _after_query_ids_refused(
        self, wanted: list[str], refused: AuthError, kind: _RowKind[R]
    ) -> AsyncIterator[list[IdResult[R]]]:
        """A 401 on query-ids: a read-only key (a GET works) or a bad one (nothing more sent)."""
        if refused.status != 401:
            yield [IdResult(i, error=refused) for i in wanted]
            return
        probe_result: IdResult[R]
        try:
            probe = await self._get_row(wanted[0], include_body=False)
        except AuthError as exc:
            yield [IdResult(i, error=exc) for i in wanted]
            return
        except NotFoundError as exc:
            probe_result = IdResult(wanted[0], error=exc)
        except HeliconeError as exc:
            yield [IdResult(i, error=exc) for i in wanted]
            return
        else:
            probe_result = IdResult(wanted[0], row=kind.from_row(probe))
        self.read_only = True
        log.info("query-ids refused the key but GET works: read-only key, per-id GETs")
        yield [probe_result]
        async for chunk in self._iter_by_get(wanted[1:], kind):
            yield chunk

    async def _iter_by_get(
        self, ids: list[str], kind: _RowKind[R]
    ) -> AsyncIterator[list[IdResult[R]]]:
        """Per-id GETs, paced by the token bucket; a refused key stops everything."""
        gate = asyncio.Semaphore(GET_CONCURRENCY)
        stopped: list[AuthError] = []

        async def one(request_id: str) -> IdResult[R]:
            async with gate:
                if stopped:
                    return IdResult(request_id, error=stopped[0])
                try:
                    row = kind.from_row(await self._get_row(request_id, False))
                    return IdResult(request_id, row=row)
                except AuthError as exc:
                    stopped.append(exc)
                    return IdResult(request_id, error=exc)
                except HeliconeError as exc:
                    return IdResult(request_id, error=exc)

        tasks = _running([one(i) for i in ids])
        try:
            for next_done in asyncio.as_completed(tasks):
                yield [await next_done]
        finally:
            for task in list(tasks):
                task.cancel()

    # ------------------------------------------------------------------ single request

    async def get_request(self, request_id: str, include_body: bool = True) -> HeliconeRequest:
        """The row with its bodies; where the bodies live or why there are none is on
        `row.body_info`. Raises `NotFoundError` and the other `HeliconeError`s."""
        request_id = request_id.strip()
        if not include_body:
            return await self._get_row(request_id, include_body=False)
        try:
            row = await self._get_row(request_id, include_body=True)
        except ServerError as exc:
            if exc.status != 500 or "body" not in exc.message.lower():
                raise
            # The server could not read the bodies from storage: try the signed URL ourselves.
            row = await self._get_row(request_id, include_body=False)
            return await self._fill_bodies(row, server_said=f"HTTP {exc.status}: {exc.detail}")
        if is_body_placeholder(row.request_body) or is_body_placeholder(row.response_body):
            return await self._fill_bodies(row, server_said=None)
        if row.storage_location in NOT_STORED_LOCATIONS:
            return row.with_body_info(_not_stored(row))
        return row.with_body_info(BodyInfo(BodyState.INLINE))

    async def fill_bodies(self, row: HeliconeRequest) -> HeliconeRequest:
        """``row`` (from query-ids, its bodies a placeholder) with its bodies read from its
        signed URL (sent without the API key, not rate limited), or with the reason they are
        not there in `HeliconeRequest.body_info`."""
        return await self._fill_bodies(row, server_said=None)

    async def _fill_bodies(self, row: HeliconeRequest, server_said: str | None) -> HeliconeRequest:
        if row.storage_location in NOT_STORED_LOCATIONS:
            return row.with_body_info(_not_stored(row))
        why = (
            f"Helicone could not read the bodies from storage ({server_said})"
            if server_said
            else "Helicone sent a placeholder instead of the bodies"
        )
        if not row.signed_body_url:
            return row.with_body_info(
                BodyInfo(BodyState.UNAVAILABLE, f"{why}, and the row has no signed body URL.")
            )
        try:
            bodies, size = await self._fetch_signed_body(row.signed_body_url)
        except HeliconeError as exc:
            return row.with_body_info(
                BodyInfo(BodyState.UNAVAILABLE, f"{why}, and the signed body URL failed: {exc}")
            )
        row.request_body = bodies.get("request")
        row.response_body = bodies.get("response")
        row.with_raw_size(row.raw_size + size)
        return row.with_body_info(BodyInfo(BodyState.SIGNED_URL))

    async def _fetch_signed_body(self, url: str) -> tuple[dict[str, Any], int]:
        """The `{request, response}` object and its size in bytes, fetched directly: never
        with the API key."""
        response = await self._send("GET", url, authenticated=False)
        if response.status_code != 200:
            raise HeliconeError(_storage_refusal(response.status_code))
        payload = await self._decode(response)
        if not isinstance(payload, dict):
            raise MalformedResponseError("The signed body URL did not hold a JSON object.")
        return payload, len(response.content)

    async def _get_row(self, request_id: str, include_body: bool) -> HeliconeRequest:
        await self.get_bucket.acquire()
        response = await self._send(
            "GET",
            f"/v1/request/{httpx.URL(path=request_id).raw_path.decode('ascii')}",
            params={"includeBody": "true" if include_body else "false"},
        )
        payload = await self._decode(response)
        self._raise_for_status(response, payload)
        envelope = self._envelope(payload)
        if envelope.error_message:
            raise ServerError(response.status_code, envelope.error_message)
        if envelope.data is None:
            raise NotFoundError(request_id)
        if not isinstance(envelope.data, dict):
            raise MalformedResponseError("Helicone's answer holds no request row.")
        size = len(response.content)
        try:
            row = await self._maybe_in_thread(
                HeliconeRequest.model_validate, envelope.data, size=size
            )
        except ValidationError:
            raise MalformedResponseError(
                f"Helicone's row for {request_id} has no usable request_id."
            ) from None
        return row.with_raw_size(size)

    # ------------------------------------------------------------------ key check

    async def verify_key(self) -> KeyAccess:
        """Check the key against the server: raises `AuthError` when it is refused."""
        with contextlib.suppress(NotFoundError):
            await self._get_row(_NIL_UUID, include_body=False)
        try:
            response = await self._send(
                "POST", "/v1/request/query-ids", json_body={"requestIds": []}
            )
            self._raise_for_status(response, await self._decode(response))
        except AuthError:
            self.read_only = True
            return KeyAccess.READ_ONLY
        return KeyAccess.READ_WRITE

    # ------------------------------------------------------------------ transport

    async def _send(
        self,
        method: str,
        path_or_url: str,
        *,
        json_body: Any = None,
        params: dict[str, str] | None = None,
        authenticated: bool = True,
    ) -> httpx.Response:
        """One request with bounded retries: 429 (honouring the server's wait) and a connection
        dropped mid-answer (once). Transport failures become typed errors."""
        url = path_or_url if "://" in path_or_url else f"{self.base_url}{path_or_url}"
        headers = {"Authorization": f"Bearer {self.api_key}"} if authenticated else {}
        dropped_once = False
        attempt = 0
        while True:
            attempt += 1
            try:
                response = await self._http.request(
                    method, url, json=json_body, params=params, headers=headers
                )
            except httpx.TimeoutException:
                raise RequestTimeoutError(
                    f"Helicone did not answer in time ({method} {_path_of(url)}).",
                    hint="The network or the server is slow: retry, or raise --timeout.",
                ) from None
            except (httpx.RemoteProtocolError, httpx.ReadError) as exc:
                if not dropped_once:
                    dropped_once = True
                    continue
                raise NetworkError(
                    f"The connection to {_host_of(url)} broke off: {type(exc).__name__}.",
                    hint="Retry in a moment.",
                ) from None
            except httpx.HTTPError as exc:
                raise NetworkError(
                    f"Cannot reach {_host_of(url)}: {redact(str(exc) or type(exc).__name__)}.",
                    hint="Check the network, or the base URL (--base-url / HELICONE_BASE_URL).",
                ) from None
            log.debug("%s %s -> %s", method, _path_of(url), response.status_code)
            if response.status_code != 429:
                return response
            wait = _retry_wait(response, attempt)
            if attempt > self.max_retries or wait > self.max_retry_wait:
                raise RateLimitedError(wait, attempts=attempt)
            log.info("429 from Helicone; waiting %.1f s (attempt %d)", wait, attempt)
            await self._sleep(wait)

    async def _decode(self, response: httpx.Response) -> Any:
        content = response.content
        if not content:
            return None
        try:
            return await self._maybe_in_thread(json.loads, content, size=len(content))
        except RecursionError:
            raise MalformedResponseError(
                "Helicone's answer is JSON nested too deeply to read."
            ) from None
        except ValueError:
            if response.status_code in (400, 401):
                return content.decode("utf-8", "replace")
            if response.status_code >= 500:
                raise ServerError(response.status_code, _snippet(content)) from None
            raise MalformedResponseError(
                f"Helicone answered HTTP {response.status_code} with something that is not JSON: "
                f"{_snippet(content)!r}",
                hint="Is the base URL a Helicone API? If so, retry.",
            ) from None

    async def _maybe_in_thread(
        self, fn: Callable[[Any], T], arg: Any, *, size: int, limit: int = THREAD_PARSE_BYTES
    ) -> T:
        if size < limit:
            return fn(arg)
        return await asyncio.to_thread(fn, arg)

    @staticmethod
    def _envelope(payload: Any) -> ResultEnvelope:
        if not isinstance(payload, dict):
            raise MalformedResponseError("Helicone's answer is not a {data, error} object.")
        return ResultEnvelope.model_validate(payload)

    def _raise_for_status(self, response: httpx.Response, payload: Any) -> None:
        status = response.status_code
        if 200 <= status < 300:
            return
        detail = _error_text(payload)
        if status == 401:
            raise self._auth_error(detail)
        if status == 400 and detail and "token" in detail.lower():
            raise AuthError(
                f"Helicone refused the Authorization header ({detail}).",
                hint="The key has a character that does not belong: check HELICONE_API_KEY.",
                status=400,
            )
        if status >= 500:
            raise ServerError(status, detail)
        raise HeliconeError(
            f"Helicone answered HTTP {status}" + (f": {detail}" if detail else "."),
            hint="Check the base URL (--base-url / HELICONE_BASE_URL).",
        )

    def _auth_error(self, detail: str | None) -> AuthError:
        said = f" ({detail})" if detail else ""
        if self.api_key.startswith(EU_KEY_PREFIX) and not is_eu_host(self.base_url):
            hint = (
                f"This is an EU key but the host is {self.base_url}: EU accounts must use the "
                "EU host (--region eu, or HELICONE_REGION=eu)."
            )
        elif is_eu_host(self.base_url):
            hint = "Check the key; a US account's key does not work on the EU host (--region us)."
        else:
            hint = (
                "Check the key. EU accounts must use the EU host: --region eu "
                "(or HELICONE_REGION=eu)."
            )
        return AuthError(f"Helicone refused the API key{said}.", hint=hint)


def _running(coroutines: list[Coroutine[Any, Any, T]]) -> set[asyncio.Task[T]]:
    """Tasks of `coroutines`, each leaving the set once done: a finished task holds its result,
    so a list of them kept every batch's rows alive until the last batch of a fill came in."""
    tasks: set[asyncio.Task[T]] = set()
    for coroutine in coroutines:
        task = asyncio.ensure_future(coroutine)
        tasks.add(task)
        task.add_done_callback(tasks.discard)
    return tasks


def _answers(batch: Sequence[str], rows: dict[str, R]) -> list[IdResult[R]]:
    """One result per id of the batch: its row, else not found (a hole or a missing row)."""
    return [
        IdResult(i, row=rows[i]) if i in rows else IdResult(i, error=NotFoundError(i))
        for i in batch
    ]


def _rows_by_id(data: list[Any]) -> dict[str, HeliconeRequest]:
    rows: dict[str, HeliconeRequest] = {}
    for item in data:
        if not isinstance(item, dict):
            continue  # a null hole: the id it stood for is answered as not found
        try:
            row = HeliconeRequest.model_validate(item)
        except ValidationError:
            continue  # no usable request_id: nothing to attribute it to
        rows.setdefault(row.request_id, row)
    return rows


@dataclass(frozen=True, slots=True)
class _RowKind(Generic[R]):
    """What a query-ids caller gets as a row, and how it is read."""

    #: Rows by id of a decoded answer's `data` (holes and unusable rows skipped).
    from_data: Callable[[list[Any]], dict[str, R]]
    #: Of a row fetched by GET (the read-only fallback).
    from_row: Callable[[HeliconeRequest], R]
    #: Rows by id straight from a 200 answer's bytes; None: take the careful path.
    from_bytes: Callable[[bytes], dict[str, R] | None] | None = None


def _same_row(row: HeliconeRequest) -> HeliconeRequest:
    return row


_FULL_ROWS = _RowKind(from_data=_rows_by_id, from_row=_same_row)
_SUMMARIES = _RowKind(
    from_data=summaries_by_id, from_row=RequestSummary.of, from_bytes=parse_summaries
)


def _not_stored(row: HeliconeRequest) -> BodyInfo:
    return BodyInfo(
        BodyState.NOT_STORED,
        f"Helicone did not store this request's bodies (storage_location = "
        f"{row.storage_location!r}, e.g. a free-tier account over its storage limit).",
    )


def _storage_refusal(status: int) -> str:
    if status == 404:
        return "storage answered 404: the object is gone."
    if status in (400, 403):
        return f"storage answered {status}: the link has expired (links last 24 hours)."
    return f"storage answered HTTP {status}."


def _retry_wait(response: httpx.Response, attempt: int) -> float:
    """The server's wait (Retry-After, else RateLimit-Reset), else exponential backoff."""
    for header in ("Retry-After", "RateLimit-Reset", "X-RateLimit-Reset"):
        value = response.headers.get(header)
        if value:
            try:
                seconds = float(value)
            except ValueError:
                continue
            if seconds > 1e9:  # an epoch timestamp rather than a delta
                seconds -= time.time()
            return max(0.0, seconds)
    return float(min(2 ** (attempt - 1), 30))


def _error_text(payload: Any) -> str | None:
    if isinstance(payload, str):
        return payload.strip()[:200] or None
    if isinstance(payload, dict):
        for key in ("error", "message"):
            value = payload.get(key)
            if isinstance(value, str) and value:
                return value[:200]
    return None


def _snippet(content: bytes) -> str:
    return content[:80].decode("utf-8", "replace")


def _host_of(url: str) -> str:
    try:
        return httpx.URL(url).host or url
    except Exception:
        return url


def _path_of(url: str) -> str:
    try:
        return httpx.URL(url).path
    except Exception:
        return url
