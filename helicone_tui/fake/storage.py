"""How a row's bodies are stored, which decides what each endpoint answers for them."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from ..models.storage import NOT_STORED_LOCATIONS

# The server's string stand-in for a body kept in object storage (DESIGN.md §1).
BODY_PLACEHOLDER = (
    '{"helicone_message": "fetching body from signed_url... '
    'contact engineering@helicone.ai for more information"}'
)

# Bodies larger than this (request + response, as JSON) are not inlined in rows.
INLINE_LIMIT_BYTES = 64 * 1024

# Key of the fake's own per-row settings inside a dataset row; never sent to clients.
FAKE_META_KEY = "_fake"


class BodyStorage(StrEnum):
    AUTO = "auto"
    """Inline when small (<= INLINE_LIMIT_BYTES), else ``placeholder``."""
    INLINE = "inline"
    """Rows carry the real bodies, with or without includeBody."""
    PLACEHOLDER = "placeholder"
    """Rows carry the string placeholder; includeBody and the signed URL give the bodies."""
    SIGNED_URL_ONLY = "signed_url_only"
    """The server's own fetch fails (500 with includeBody) but the signed URL works."""
    LOST = "lost"
    """The object is gone: includeBody gives 500 and the signed URL 404 NoSuchKey."""
    NOT_STORED = "not_stored"
    """Never stored (``storage_location = not_stored_exceeded_free``): no bodies at all."""


def storage_of(row: dict[str, Any], meta: dict[str, Any]) -> BodyStorage:
    """The storage mode a row asks for: its ``_fake.body_storage``, else from its fields."""
    if row.get("storage_location") in NOT_STORED_LOCATIONS:
        return BodyStorage.NOT_STORED
    raw = meta.get("body_storage", BodyStorage.AUTO)
    try:
        return BodyStorage(raw)
    except ValueError:
        known = ", ".join(s.value for s in BodyStorage)
        raise ValueError(
            f"row {row.get('request_id')!r}: unknown _fake.body_storage {raw!r} (known: {known})"
        ) from None
