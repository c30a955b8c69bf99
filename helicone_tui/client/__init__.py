"""The async Helicone client (layer 2: imports models only, knows nothing of the UI)."""

from .errors import (
    AuthError,
    HeliconeError,
    InvalidKeyError,
    MalformedResponseError,
    MissingKeyError,
    NetworkError,
    NotFoundError,
    RateLimitedError,
    RequestTimeoutError,
    ServerError,
)
from .helicone_client import HeliconeClient
from .pacing import TokenBucket
from .region import Region, dashboard_url, parse_region, region_for, resolve_base_url
from .results import IdResult, KeyAccess, unique_in_order
from .secrets import mask_key, redact

__all__ = [
    "AuthError",
    "HeliconeClient",
    "HeliconeError",
    "IdResult",
    "InvalidKeyError",
    "KeyAccess",
    "MalformedResponseError",
    "MissingKeyError",
    "NetworkError",
    "NotFoundError",
    "RateLimitedError",
    "Region",
    "RequestTimeoutError",
    "ServerError",
    "TokenBucket",
    "dashboard_url",
    "mask_key",
    "parse_region",
    "redact",
    "region_for",
    "resolve_base_url",
    "unique_in_order",
]
