"""The one rule for what can be an API key, checked without httpx or pydantic: the TUI asks it
before its first frame, `HeliconeClient` before it sends anything."""

from __future__ import annotations

import re

from .errors import InvalidKeyError, MissingKeyError

# What can travel in an HTTP header as a bearer token: printable ASCII, no spaces.
_KEY_CHARS = re.compile(r"[\x21-\x7e]+")


def check_key(api_key: str | None) -> str:
    """The key, stripped; `MissingKeyError` if there is none, `InvalidKeyError` if no server
    could accept it (nothing is sent then)."""
    if not api_key or not api_key.strip():
        raise MissingKeyError(
            "No Helicone API key.",
            hint="Set HELICONE_API_KEY, pass --api-key, or run `helicone-tui login`.",
        )
    api_key = api_key.strip()
    if not _KEY_CHARS.fullmatch(api_key):
        raise InvalidKeyError(
            "The API key has characters a key cannot have (spaces, line breaks or "
            "non-ASCII letters).",
            hint="Copy it again from Helicone's settings into HELICONE_API_KEY or "
            "`helicone-tui login`.",
        )
    return api_key
