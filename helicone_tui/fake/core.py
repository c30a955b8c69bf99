"""The fake Helicone itself: framework-free, synchronous request handling.

``FakeHelicone.handle`` turns one HTTP request into one ``FakeResponse`` and does no I/O, so the
in-process transport and the loopback server share every behaviour; each adapter sleeps for
``FakeResponse.delay`` and honours ``FakeResponse.drop`` its own way.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import random
import re
import threading
import time
from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qs, quote, urlencode, urlsplit

from .faults import (
    ENDPOINT_GET,
    ENDPOINT_QUERY_IDS,
    ENDPOINT_SIGNED_URL,
    Faults,
    FaultsError,
)
from .keys import FakeKeys, Permission, keys_for_region
from .ratelimit import FixedWindowLimiter
from .storage import (
    BODY_PLACEHOLDER,
    FAKE_META_KEY,
    INLINE_LIMIT_BYTES,
    BodyStorage,
    storage_of,
)

DEFAULT_BASE_URL = "http://127.0.0.1:8585"
REQUEST_LOG_SIZE = 2000

_JSON = "application/json; charset=utf-8"
_XML = "application/xml"
_GET_PATH = re.compile(r"^/v1/request/([^/]+)$")
_S3_PREFIX = "/__s3/"
_S3_BUCKET = "request-response-storage"
_ORG_ID = "5e2a7c11-3f4b-4d8e-9a61-0c2f6b7d8e90"
_SIGNING_SECRET = b"helicone-tui fake s3 signing secret"
_URL_LIFETIME_S = 24 * 3600
_LOOPBACK_HOSTS = frozenset({"127.0.0.1", "::1", "localhost", "::ffff:127.0.0.1"})

# A 1x1 transparent PNG, served for every stored asset.
_PNG_1X1 = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6300010000000500010d0a2db40000000049454e44ae426082"
)


@dataclass(frozen=True, slots=True)
class FakeResponse:
    status: int
    headers: dict[str, str]
    body: bytes
    drop: bool = False
    """Answer by closing the connection without a response."""
    delay: float = 0.0
    """Seconds the adapter waits before answering (or dropping)."""

    def json(self) -> Any:
        return json.loads(self.body)


@dataclass(frozen=True, slots=True)
class LoggedRequest:
    method: str
    path: str
    """Path and query, as sent."""
    endpoint: str
    """``query-ids``, ``get``, ``signed-url``, ``asset``, ``admin`` or ``other``."""
    authorization_sent: bool
    status: int
    """The status answered (0 for a dropped connection)."""


@dataclass(slots=True)
class _StoredRow:
    row: dict[str, Any]
    """The full row as the API returns it with includeBody=true (no fake-only keys)."""
    storage: BodyStorage
    inline: bool | None = None
    """For AUTO storage: whether the bodies are small enough to inline (computed lazily)."""


@dataclass(slots=True)
class _FaultState:
    rng: random.Random
    counters: dict[str, int] = field(default_factory=dict)


def _json_bytes(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()


def _json_response(status: int, value: Any, headers: dict[str, str] | None = None) -> FakeResponse:
    return FakeResponse(status, {"Content-Type": _JSON, **(headers or {})}, _json_bytes(value))


def _s3_error(status: int, code: str, message: str, extra: str = "") -> FakeResponse:
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f"<Error><Code>{code}</Code><Message>{message}</Message>{extra}"
        "<RequestId>FAKE0000000000000000</RequestId></Error>"
    )
    return FakeResponse(status, {"Content-Type": _XML}, xml.encode())


def _validation_failed(details: dict[str, Any]) -> FakeResponse:
    return _json_response(422, {"message": "Validation Failed", "details": details})


def _unauthorized(message: str = "No API key found") -> FakeResponse:
    return _json_response(401, {"error": message, "trace": "isAuthenticated.error"})


def _preview(value: Any) -> Any:
    """A short stand-in for a value echoed in a validation error."""
    text = json.dumps(value, ensure_ascii=False, default=str)
    return value if len(text) <= 200 else text[:200] + "..."


class FakeHelicone:
    """A fake Helicone API over an in-memory dataset, reproducing the real server's quirks."""

    def __init__(
        self,
        rows: list[dict[str, Any]] | None = None,
        *,
        region: str = "us",
        faults: Faults | None = None,
        rate_limit: bool = False,
        base_url: str = DEFAULT_BASE_URL,
        clock: Callable[[], float] = time.monotonic,
        wall_clock: Callable[[], float] = time.time,
    ) -> None:
        if rows is None:
            from .dataset import builtin_rows  # the dataset is heavy to import; only on demand

            rows = builtin_rows()
        self.keys: FakeKeys = keys_for_region(region)
        self.region = region
        self.base_url = base_url.rstrip("/")
        self._clock = clock
        self._wall_clock = wall_clock
        self._lock = threading.Lock()
        initial = faults if faults is not None else Faults()
        if rate_limit:
            initial = initial.patched({"rate_limit": True})
        self._initial_faults = initial.patched({})
        self.faults: Faults = initial
        self._fault_state = _FaultState(random.Random(initial.seed))
        self._limiter = FixedWindowLimiter(clock)
        self.request_log: deque[LoggedRequest] = deque(maxlen=REQUEST_LOG_SIZE)
        self._rows: dict[str, _StoredRow] = {}
        self.request_ids: list[str] = []
        for raw in rows:
            self._add_row(raw)

    # -- dataset -------------------------------------------------------------------------

    def _add_row(self, raw: dict[str, Any]) -> None:
        request_id = raw.get("request_id")
        if not isinstance(request_id, str) or not request_id:
            raise ValueError(f"a row has no string request_id: {_preview(raw)!r}")
        if request_id in self._rows:
            return
        meta = raw.get(FAKE_META_KEY) or {}
        row = {k: v for k, v in raw.items() if k != FAKE_META_KEY}
        self._rows[request_id] = _StoredRow(row, storage_of(row, meta))
        self.request_ids.append(request_id)

    def row(self, request_id: str) -> dict[str, Any] | None:
        """A copy of the full stored row (bodies included), as includeBody=true gives it."""
        stored = self._rows.get(request_id)
        return dict(stored.row) if stored else None

    def body_storage(self, request_id: str) -> BodyStorage:
        return self._rows[request_id].storage

    # -- faults ---------------------------------------------------------------------------

    def set_faults(self, **changes: Any) -> Faults:
        """Change fault switches at run time (same names as ``Faults``); returns the result."""
        return self.patch_faults(changes)

    def patch_faults(self, changes: Mapping[str, Any]) -> Faults:
        with self._lock:
            new = self.faults.patched(dict(changes))
            if new.seed != self.faults.seed:
                self._fault_state = _FaultState(random.Random(new.seed))
            # "Every Nth" counts from the moment a rate is set, so a switch is predictable.
            for name in changes:
                self._fault_state.counters.pop(name, None)
            self.faults = new
            return new

    def reset(self) -> None:
        """Back to the faults given at start; counters, rate limits and the log cleared."""
        with self._lock:
            self.faults = self._initial_faults.patched({})
            self._fault_state = _FaultState(random.Random(self.faults.seed))
            self.request_log.clear()
        self._limiter.reset()

    def _roll(self, name: str, rate: float) -> bool:
        """Whether the fault ``name`` hits this request (caller holds the lock)."""
        if rate <= 0:
            return False
        state = self._fault_state
        count = state.counters.get(name, 0) + 1
        state.counters[name] = count
        if rate >= 1 and rate == int(rate):
            return count % int(rate) == 0
        return state.rng.random() < rate

    # -- entry point ------------------------------------------------------------------------

    def handle(
        self,
        method: str,
        target: str,
        headers: Mapping[str, str],
        body: bytes = b"",
        *,
        client_host: str | None = None,
    ) -> FakeResponse:
        """Answer one request. ``target`` is the path with its query string."""
        method = method.upper()
        parts = urlsplit(target)
        path = parts.path
        query = parse_qs(parts.query, keep_blank_values=True)
        lowered = {k.lower(): v for k, v in headers.items()}
        endpoint = self._endpoint_of(method, path)
        if endpoint == "admin":
            response = self._admin(method, path, body, client_host)
        else:
            response = self._with_faults(endpoint, method, path, query, lowered, body)
        with self._lock:
            self.request_log.append(
                LoggedRequest(
                    method,
                    target,
                    endpoint,
                    "authorization" in lowered,
                    0 if response.drop else response.status,
                )
            )
        return response

    @staticmethod
    def _endpoint_of(method: str, path: str) -> str:
        if path.startswith("/__admin/"):
            return "admin"
        if path.startswith(_S3_PREFIX):
            return "asset" if "/assets/" in path else ENDPOINT_SIGNED_URL
        if method == "POST" and path == "/v1/request/query-ids":
            return ENDPOINT_QUERY_IDS
        if method == "GET" and _GET_PATH.match(path):
            return ENDPOINT_GET
        return "other"

    def _with_faults(
        self,
        endpoint: str,
        method: str,
        path: str,
        query: dict[str, list[str]],
        headers: dict[str, str],
        body: bytes,
    ) -> FakeResponse:
        faults = self.faults
        if endpoint not in faults.paths:
            return self._route(endpoint, method, path, query, headers, body, faults)
        delay = faults.latency_ms / 1000
        with self._lock:
            drop = self._roll("drop_connection", faults.drop_connection)
            too_many = not drop and self._roll("status_429", faults.status_429)
            failed = not drop and not too_many and self._roll("status_500", faults.status_500)
        if drop:
            return FakeResponse(0, {}, b"", drop=True, delay=delay)
        if too_many:
            response = _json_response(
                429,
                {"error": "Too many requests, please try again later."},
                {"Retry-After": str(faults.retry_after)},
            )
        elif failed:
            response = _json_response(
                500, {"message": "Internal Server Error", "details": "injected by the fake"}
            )
        else:
            response = self._route(endpoint, method, path, query, headers, body, faults)
            if response.status == 200 and response.headers.get("Content-Type") == _JSON:
                with self._lock:
                    malformed = self._roll("malformed_json", faults.malformed_json)
                if malformed:
                    cut = response.body[: max(1, len(response.body) // 2)]
                    response = FakeResponse(200, response.headers, cut + b"\x00<!-- truncated")
        return FakeResponse(response.status, response.headers, response.body, delay=delay)

    def _route(
        self,
        endpoint: str,
        method: str,
        path: str,
        query: dict[str, list[str]],
        headers: dict[str, str],
        body: bytes,
        faults: Faults,
    ) -> FakeResponse:
        if endpoint == ENDPOINT_SIGNED_URL:
            return self._signed_body(path, query, headers)
        if endpoint == "asset":
            return self._asset(path, query, headers)
        if endpoint == "other":
            return _json_response(404, {"message": "Not Found"})
        auth_error, key, permission = self._authenticate(headers)
        if auth_error is not None:
            return auth_error
        assert key is not None and permission is not None
        if endpoint == ENDPOINT_QUERY_IDS and permission is not Permission.READ_WRITE:
            # POST needs write permission; read-only keys are refused like unknown ones.
            return _unauthorized("No API key found")
        limit_headers: dict[str, str] = {}
        if faults.rate_limit:
            decision = self._limiter.hit(
                key,
                "get" if endpoint == ENDPOINT_GET else "other",
                limit=faults.rate_limit_get
                if endpoint == ENDPOINT_GET
                else faults.rate_limit_other,
                window_s=faults.rate_limit_window_s,
            )
            limit_headers = decision.headers()
            if not decision.allowed:
                return _json_response(
                    429, {"error": "Too many requests, please try again later."}, limit_headers
                )
        if endpoint == ENDPOINT_QUERY_IDS:
            response = self._query_ids(body, faults)
        else:
            match = _GET_PATH.match(path)
            assert match is not None
            response = self._get_one(match.group(1), query, faults)
        if limit_headers:
            response.headers.update(limit_headers)
        return response

    # -- auth -------------------------------------------------------------------------------

    def _authenticate(
        self, headers: dict[str, str]
    ) -> tuple[FakeResponse | None, str | None, Permission | None]:
        header = headers.get("authorization")
        if header is None or not header.strip():
            return _unauthorized(), None, None
        scheme, _, token = header.strip().partition(" ")
        token = token.strip()
        if scheme != "Bearer" or not token or " " in token:
            return (
                FakeResponse(400, {"Content-Type": "text/plain; charset=utf-8"}, b"Invalid token."),
                None,
                None,
            )
        permission = self.keys.permission(token)
        if permission is None:
            return _unauthorized(), None, None
        return None, token, permission

    # -- API endpoints ----------------------------------------------------------------------

    def _query_ids(self, body: bytes, faults: Faults) -> FakeResponse:
        try:
            payload = json.loads(body) if body else None
        except (ValueError, UnicodeDecodeError):
            return _json_response(400, {"message": "Invalid JSON body"})
        if not isinstance(payload, dict):
            return _validation_failed(
                {"requestBody": {"message": "invalid object", "value": _preview(payload)}}
            )
        extra = [k for k in payload if k != "requestIds"]
        if extra:
            names = ", ".join(f'"{k}"' for k in extra)
            verb = "is an excess property" if len(extra) == 1 else "are excess properties"
            return _validation_failed(
                {
                    "requestBody": {
                        "message": f"{names} {verb} and therefore is not allowed",
                        "value": {k: _preview(payload[k]) for k in extra},
                    }
                }
            )
        if "requestIds" not in payload:
            return _validation_failed(
                {"requestBody.requestIds": {"message": "'requestIds' is required"}}
            )
        ids = payload["requestIds"]
        if not isinstance(ids, list):
            return _validation_failed(
                {"requestBody.requestIds": {"message": "invalid array", "value": _preview(ids)}}
            )
        bad = {
            f"requestBody.requestIds.${i}": {"message": "invalid string value", "value": item}
            for i, item in enumerate(ids)
            if not isinstance(item, str)
        }
        if bad:
            return _validation_failed(bad)
        data: list[dict[str, Any] | None] = []
        for request_id in ids:
            stored = self._rows.get(request_id)
            if stored is not None:
                data.append(self._row_view(stored, include_body=False))
            elif not faults.omit_missing:
                data.append(None)
        return _json_response(200, {"data": data, "error": None})

    def _get_one(
        self, request_id: str, query: dict[str, list[str]], faults: Faults
    ) -> FakeResponse:
        raw_flag = query.get("includeBody", ["false"])[-1]
        if raw_flag.lower() in {"true", "1"}:
            include_body = True
        elif raw_flag.lower() in {"false", "0", ""}:
            include_body = False
        else:
            return _validation_failed(
                {"includeBody": {"message": "invalid boolean value", "value": raw_flag}}
            )
        stored = self._rows.get(request_id)
        if stored is None:
            if faults.not_found_error_only:
                return _json_response(200, {"error": None})
            return _json_response(200, {"data": None, "error": None})
        if include_body and stored.storage in (BodyStorage.SIGNED_URL_ONLY, BodyStorage.LOST):
            return _json_response(500, {"data": None, "error": "Request body not found"})
        return _json_response(
            200, {"data": self._row_view(stored, include_body=include_body), "error": None}
        )

    def _is_inline(self, stored: _StoredRow) -> bool:
        if stored.storage is BodyStorage.INLINE:
            return True
        if stored.storage is not BodyStorage.AUTO:
            return False
        if stored.inline is None:
            # A benign race: two threads may both compute the same answer.
            size = len(_json_bytes(stored.row.get("request_body"))) + len(
                _json_bytes(stored.row.get("response_body"))
            )
            stored.inline = size <= INLINE_LIMIT_BYTES
        return stored.inline

    def _row_view(self, stored: _StoredRow, *, include_body: bool) -> dict[str, Any]:
        row = dict(stored.row)
        if stored.storage is BodyStorage.NOT_STORED:
            row["signed_body_url"] = None
            return row
        request_id = row["request_id"]
        row["signed_body_url"] = self._signed_url(self._object_key(request_id))
        asset_ids = row.get("asset_ids")
        if isinstance(asset_ids, list) and asset_ids:
            row["asset_urls"] = {
                key: self._signed_url(self._asset_key(request_id, key))
                for key in asset_ids
                if isinstance(key, str)
            }
        if not include_body and not self._is_inline(stored):
            row["request_body"] = BODY_PLACEHOLDER
            row["response_body"] = BODY_PLACEHOLDER
        return row

    # -- object storage ---------------------------------------------------------------------

    @staticmethod
    def _object_key(request_id: str) -> str:
        return (
            f"{_S3_BUCKET}/organizations/{_ORG_ID}/requests/"
            f"{quote(request_id, safe='')}/raw_request_response_body"
        )

    @staticmethod
    def _asset_key(request_id: str, asset_id: str) -> str:
        return (
            f"{_S3_BUCKET}/organizations/{_ORG_ID}/requests/"
            f"{quote(request_id, safe='')}/assets/{quote(asset_id, safe='')}"
        )

    @staticmethod
    def _signature(path: str, amz_date: str, expires: str) -> str:
        message = f"{path}\n{amz_date}\n{expires}".encode()
        return hmac.new(_SIGNING_SECRET, message, hashlib.sha256).hexdigest()

    def _signed_url(self, object_key: str) -> str:
        path = _S3_PREFIX + object_key
        now = datetime.fromtimestamp(self._wall_clock(), UTC)
        amz_date = now.strftime("%Y%m%dT%H%M%SZ")
        expires = str(_URL_LIFETIME_S)
        query = urlencode(
            {
                "X-Amz-Algorithm": "AWS4-HMAC-SHA256",
                "X-Amz-Content-Sha256": "UNSIGNED-PAYLOAD",
                "X-Amz-Credential": f"FAKEACCESSKEYID/{now:%Y%m%d}/us-west-2/s3/aws4_request",
                "X-Amz-Date": amz_date,
                "X-Amz-Expires": expires,
                "X-Amz-Signature": self._signature(path, amz_date, expires),
                "X-Amz-SignedHeaders": "host",
                "x-id": "GetObject",
            }
        )
        return f"{self.base_url}{path}?{query}"

    def _check_signature(
        self, path: str, query: dict[str, list[str]], headers: dict[str, str]
    ) -> FakeResponse | None:
        if "authorization" in headers:
            return _s3_error(
                400,
                "InvalidArgument",
                "Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, "
                "Signature query string parameter or the Authorization header should be "
                "specified",
                "<ArgumentName>Authorization</ArgumentName>",
            )
        signature = query.get("X-Amz-Signature", [""])[-1]
        amz_date = query.get("X-Amz-Date", [""])[-1]
        expires = query.get("X-Amz-Expires", [""])[-1]
        expected = self._signature(path, amz_date, expires)
        if not signature or not hmac.compare_digest(signature, expected):
            return _s3_error(
                403,
                "SignatureDoesNotMatch",
                "The request signature we calculated does not match the signature you provided.",
            )
        try:
            signed_at = datetime.strptime(amz_date, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
            lifetime = int(expires)
        except ValueError:
            return _s3_error(403, "AccessDenied", "Invalid date or expiry")
        if self._wall_clock() > signed_at.timestamp() + lifetime:
            return _s3_error(403, "AccessDenied", "Request has expired")
        return None

    def _object_request_id(self, path: str, suffix: str) -> str | None:
        prefix = f"{_S3_PREFIX}{_S3_BUCKET}/organizations/{_ORG_ID}/requests/"
        if not path.startswith(prefix):
            return None
        rest = path[len(prefix) :]
        request_id, sep, tail = rest.partition("/")
        if not sep or not (tail == suffix or tail.startswith(suffix)):
            return None
        return request_id

    def _signed_body(
        self, path: str, query: dict[str, list[str]], headers: dict[str, str]
    ) -> FakeResponse:
        denied = self._check_signature(path, query, headers)
        if denied is not None:
            return denied
        request_id = self._object_request_id(path, "raw_request_response_body")
        stored = self._rows.get(request_id) if request_id else None
        if stored is None or stored.storage in (BodyStorage.LOST, BodyStorage.NOT_STORED):
            return _s3_error(404, "NoSuchKey", "The specified key does not exist.")
        return _json_response(
            200,
            {
                "request": stored.row.get("request_body"),
                "response": stored.row.get("response_body"),
            },
        )

    def _asset(
        self, path: str, query: dict[str, list[str]], headers: dict[str, str]
    ) -> FakeResponse:
        denied = self._check_signature(path, query, headers)
        if denied is not None:
            return denied
        request_id = self._object_request_id(path, "assets/")
        stored = self._rows.get(request_id) if request_id else None
        asset_id = path.rsplit("/", 1)[-1]
        asset_ids = stored.row.get("asset_ids") if stored else None
        if not isinstance(asset_ids, list) or asset_id not in asset_ids:
            return _s3_error(404, "NoSuchKey", "The specified key does not exist.")
        return FakeResponse(200, {"Content-Type": "image/png"}, _PNG_1X1)

    # -- admin ------------------------------------------------------------------------------

    def _admin(self, method: str, path: str, body: bytes, client_host: str | None) -> FakeResponse:
        if client_host is not None and client_host not in _LOOPBACK_HOSTS:
            return _json_response(403, {"error": "the admin endpoint answers loopback only"})
        if path == "/__admin/faults" and method == "GET":
            return _json_response(200, self.faults.to_json())
        if path == "/__admin/faults" and method in {"PUT", "POST", "PATCH"}:
            try:
                changes = json.loads(body) if body else {}
            except (ValueError, UnicodeDecodeError):
                return _json_response(400, {"error": "the body must be a JSON object"})
            if not isinstance(changes, dict):
                return _json_response(400, {"error": "the body must be a JSON object"})
            try:
                return _json_response(200, self.patch_faults(changes).to_json())
            except FaultsError as exc:
                return _json_response(400, {"error": str(exc)})
        if path == "/__admin/reset" and method == "POST":
            self.reset()
            return _json_response(200, self.faults.to_json())
        if path == "/__admin/log" and method == "GET":
            with self._lock:
                entries = [
                    {
                        "method": e.method,
                        "path": e.path,
                        "endpoint": e.endpoint,
                        "authorization_sent": e.authorization_sent,
                        "status": e.status,
                    }
                    for e in self.request_log
                ]
            return _json_response(200, entries)
        return _json_response(404, {"error": f"no admin route {method} {path}"})
