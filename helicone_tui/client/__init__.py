"""The async Helicone client (layer 2: imports models only, knows nothing of the UI)."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

# Names load with their module on first use (PEP 562): `settings` needs only `region`, and the
# TUI's first frame needs neither httpx nor pydantic, which `helicone_client` pulls in.
if TYPE_CHECKING:
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
    from .keys import check_key
    from .pacing import TokenBucket
    from .region import Region, dashboard_url, parse_region, region_for, resolve_base_url
    from .results import IdResult, KeyAccess, unique_in_order
    from .secrets import mask_key, redact

_SUBMODULE = {
    "AuthError": "errors",
    "HeliconeError": "errors",
    "InvalidKeyError": "errors",
    "MalformedResponseError": "errors",
    "MissingKeyError": "errors",
    "NetworkError": "errors",
    "NotFoundError": "errors",
    "RateLimitedError": "errors",
    "RequestTimeoutError": "errors",
    "ServerError": "errors",
    "HeliconeClient": "helicone_client",
    "check_key": "keys",
    "TokenBucket": "pacing",
    "Region": "region",
    "dashboard_url": "region",
    "parse_region": "region",
    "region_for": "region",
    "resolve_base_url": "region",
    "IdResult": "results",
    "KeyAccess": "results",
    "unique_in_order": "results",
    "mask_key": "secrets",
    "redact": "secrets",
}


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
    "check_key",
    "dashboard_url",
    "mask_key",
    "parse_region",
    "redact",
    "region_for",
    "resolve_base_url",
    "unique_in_order",
]


def __getattr__(name: str) -> Any:
    module = _SUBMODULE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value
