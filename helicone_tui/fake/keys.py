"""The test keys the fake accepts, in the real key format.

Real keys look like ``sk-helicone-xxxxxxx-xxxxxxx-xxxxxxx-xxxxxxx`` and EU keys start with
``sk-helicone-eu-``. The fake's keys are derived from fixed labels so they never change between
runs (a demo script or a test can hard-code them) yet look like real ones.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from enum import StrEnum

_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789"


def _derive_key(label: str, *, eu: bool) -> str:
    digest = hashlib.sha256(f"helicone-tui fake key: {label}".encode()).digest()
    chars = "".join(_ALPHABET[b % len(_ALPHABET)] for b in digest[:28])
    groups = "-".join(chars[i : i + 7] for i in range(0, 28, 7))
    return f"sk-helicone-{'eu-' if eu else ''}{groups}"


US_WRITE_KEY = _derive_key("us write", eu=False)
US_READ_ONLY_KEY = _derive_key("us read-only", eu=False)
EU_WRITE_KEY = _derive_key("eu write", eu=True)
EU_READ_ONLY_KEY = _derive_key("eu read-only", eu=True)


class Permission(StrEnum):
    READ_WRITE = "rw"
    READ = "r"


_KEYS_BY_REGION: dict[str, dict[str, Permission]] = {
    "us": {US_WRITE_KEY: Permission.READ_WRITE, US_READ_ONLY_KEY: Permission.READ},
    "eu": {EU_WRITE_KEY: Permission.READ_WRITE, EU_READ_ONLY_KEY: Permission.READ},
}

REGIONS = tuple(_KEYS_BY_REGION)


@dataclass(frozen=True, slots=True)
class FakeKeys:
    """The keys of one fake server, named by what a test or a demo uses them for."""

    region: str
    write: str
    """Accepted; full access."""
    read_only: str
    """Accepted with read permission only: 401 on ``POST /v1/request/query-ids``."""
    wrong_region: str
    """A valid key of the other region: refused with the same 401 as an unknown key."""

    @property
    def eu(self) -> str:
        """The EU write key (the wrong-region key of a US server)."""
        return EU_WRITE_KEY

    @property
    def us(self) -> str:
        return US_WRITE_KEY

    def permission(self, key: str) -> Permission | None:
        """The key's permission on this server, or None when it is refused."""
        return _KEYS_BY_REGION[self.region].get(key)


def keys_for_region(region: str) -> FakeKeys:
    if region == "us":
        return FakeKeys("us", US_WRITE_KEY, US_READ_ONLY_KEY, EU_WRITE_KEY)
    if region == "eu":
        return FakeKeys("eu", EU_WRITE_KEY, EU_READ_ONLY_KEY, US_WRITE_KEY)
    raise ValueError(f"unknown region {region!r}: use 'us' or 'eu'")
