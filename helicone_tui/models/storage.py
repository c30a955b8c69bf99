"""What a row's `storage_location` says about its bodies.

Kept free of pydantic so that light modules (the fake's storage rules, reached while the demo
starts) can share the definition without slowing start-up.
"""

from __future__ import annotations

# `storage_location` values that mean the bodies were never kept.
NOT_STORED_LOCATIONS = frozenset({"not_stored_exceeded_free", "not_stored"})
