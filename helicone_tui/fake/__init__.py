"""A fake Helicone API for the demo and the tests (DESIGN.md §1, quirks included).

Layering: imports ``models`` at most (and httpx for the transport); never textual, the UI or
the client.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .core import DEFAULT_BASE_URL, FakeHelicone, FakeResponse, LoggedRequest
    from .datafile import DataFileError, load_rows_file
    from .dataset import DEMO_IDS, ROW_KINDS, builtin_rows, demo_ids
    from .faults import Faults, FaultsError
    from .keys import EU_WRITE_KEY, US_READ_ONLY_KEY, US_WRITE_KEY, FakeKeys, keys_for_region
    from .server import RunningFake, serve_in_thread
    from .storage import BODY_PLACEHOLDER, INLINE_LIMIT_BYTES, BodyStorage
    from .synthetic import synthetic_rows
    from .transport import FakeTransport

# Loaded on first use (PEP 562): `helicone_tui.fake.keys` or the demo's ids must not pull in the
# whole fake (its server, core and dataset modules) before the app's first frame.
_SUBMODULE_OF = {
    **dict.fromkeys(("DEFAULT_BASE_URL", "FakeHelicone", "FakeResponse", "LoggedRequest"), "core"),
    **dict.fromkeys(("DataFileError", "load_rows_file"), "datafile"),
    **dict.fromkeys(("DEMO_IDS", "ROW_KINDS", "builtin_rows", "demo_ids"), "dataset"),
    **dict.fromkeys(("Faults", "FaultsError"), "faults"),
    **dict.fromkeys(
        ("EU_WRITE_KEY", "US_READ_ONLY_KEY", "US_WRITE_KEY", "FakeKeys", "keys_for_region"), "keys"
    ),
    **dict.fromkeys(("RunningFake", "serve_in_thread"), "server"),
    **dict.fromkeys(("BODY_PLACEHOLDER", "INLINE_LIMIT_BYTES", "BodyStorage"), "storage"),
    "synthetic_rows": "synthetic",
    "FakeTransport": "transport",
}


def __getattr__(name: str) -> Any:
    submodule = _SUBMODULE_OF.get(name)
    if submodule is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{submodule}", __name__), name)
    globals()[name] = value
    return value


__all__ = [
    "BODY_PLACEHOLDER",
    "DEFAULT_BASE_URL",
    "DEMO_IDS",
    "EU_WRITE_KEY",
    "INLINE_LIMIT_BYTES",
    "ROW_KINDS",
    "US_READ_ONLY_KEY",
    "US_WRITE_KEY",
    "BodyStorage",
    "DataFileError",
    "FakeHelicone",
    "FakeKeys",
    "FakeResponse",
    "FakeTransport",
    "Faults",
    "FaultsError",
    "LoggedRequest",
    "RunningFake",
    "builtin_rows",
    "demo_ids",
    "keys_for_region",
    "load_rows_file",
    "serve_in_thread",
    "synthetic_rows",
]
