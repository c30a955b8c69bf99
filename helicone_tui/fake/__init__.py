"""A fake Helicone API for the demo and the tests (DESIGN.md §1, quirks included).

Layering: imports ``models`` at most (and httpx for the transport); never textual, the UI or
the client.
"""

from .core import DEFAULT_BASE_URL, FakeHelicone, FakeResponse, LoggedRequest
from .datafile import DataFileError, load_rows_file
from .dataset import DEMO_IDS, ROW_KINDS, builtin_rows, demo_ids
from .faults import Faults, FaultsError
from .keys import EU_WRITE_KEY, US_READ_ONLY_KEY, US_WRITE_KEY, FakeKeys, keys_for_region
from .server import RunningFake, serve_in_thread
from .storage import BODY_PLACEHOLDER, INLINE_LIMIT_BYTES, BodyStorage
from .synthetic import synthetic_rows
from .transport import FakeTransport

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
