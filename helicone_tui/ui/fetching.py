"""Getting one request's detail: the fetch (async, on the app's loop), the mapping (in a thread,
never on the UI thread), and a bounded cache so going back to a request is instant."""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the mapping, the models and the client load with the first fetch
    from ..client import HeliconeClient
    from ..mapping import MappedRequest
    from ..models import HeliconeRequest

#: Details kept in memory. Bodies can be megabytes, so this stays modest.
DETAIL_CACHE_SIZE = 48
#: Rows above and below the selection fetched ahead of time.
PREFETCH_RADIUS = 2


@dataclass(frozen=True, slots=True)
class Detail:
    """A request with its bodies, and its mapped conversation."""

    row: HeliconeRequest
    mapped: MappedRequest


class DetailCache:
    """Least-recently-used details by request id."""

    def __init__(self, capacity: int = DETAIL_CACHE_SIZE) -> None:
        self.capacity = max(1, capacity)
        self._items: OrderedDict[str, Detail] = OrderedDict()

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, request_id: object) -> bool:
        return request_id in self._items

    def get(self, request_id: str) -> Detail | None:
        detail = self._items.get(request_id)
        if detail is not None:
            self._items.move_to_end(request_id)
        return detail

    def put(self, request_id: str, detail: Detail) -> None:
        self._items[request_id] = detail
        self._items.move_to_end(request_id)
        while len(self._items) > self.capacity:
            self._items.popitem(last=False)

    def discard(self, request_id: str) -> None:
        self._items.pop(request_id, None)

    def clear(self) -> None:
        self._items.clear()


async def fetch_detail(client: HeliconeClient, request_id: str) -> Detail:
    """The full request (includeBody=true) and its mapping; raises `HeliconeError`s."""
    row = await client.get_request(request_id, include_body=True)
    from ..mapping import map_request

    mapped = await asyncio.to_thread(map_request, row)
    return Detail(row, mapped)


def neighbours(ids: Sequence[str], index: int, radius: int = PREFETCH_RADIUS) -> list[str]:
    """Ids around `index`, nearest first (below before above: the usual direction of travel)."""
    found: list[str] = []
    for distance in range(1, radius + 1):
        for position in (index + distance, index - distance):
            if 0 <= position < len(ids):
                found.append(ids[position])
    return found
