"""What `query_ids` hands back for each id."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Generic

from typing_extensions import TypeVar

from .errors import HeliconeError, NotFoundError

if TYPE_CHECKING:  # the list needs `IdResult` before pydantic has loaded
    from ..models import HeliconeRequest

#: The row's type: the whole `HeliconeRequest`, or the list's `RequestSummary` of it.
RowT = TypeVar("RowT", default="HeliconeRequest", covariant=True)


@dataclass(frozen=True, slots=True)
class IdResult(Generic[RowT]):
    """One distinct id: its row, or why there is none (never dropped silently)."""

    request_id: str
    row: RowT | None = None
    error: HeliconeError | None = None

    @property
    def found(self) -> bool:
        return self.row is not None

    @property
    def not_found(self) -> bool:
        return isinstance(self.error, NotFoundError)


class KeyAccess(StrEnum):
    """What a key may do, as `HeliconeClient.verify_key` found out."""

    READ_WRITE = "read-write"
    READ_ONLY = "read-only"


def unique_in_order(ids: Iterable[str]) -> list[str]:
    """Distinct ids in first-seen order (duplicates would cost requests and rows)."""
    seen: dict[str, None] = {}
    for raw in ids:
        if isinstance(raw, str):
            value = raw.strip()
            if value:
                seen.setdefault(value, None)
    return list(seen)
