"""Getting one request's detail: the fetch (async, on the app's loop), the mapping (in a thread,
never on the UI thread), and a bounded cache so going back to a request is instant."""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the mapping, the models and the client load with the first fetch
    from ..client import HeliconeClient, HeliconeError
    from ..mapping import MappedRequest
    from ..models import HeliconeRequest
    from .list_model import RowSummary

#: Details kept in memory. Bodies can be megabytes, so this stays modest.
DETAIL_CACHE_SIZE = 48
#: Bytes of answers (the JSON the details were read from) kept in memory besides the request on
#: screen. Parsed JSON takes roughly 1-3 times its bytes (long strings about their length;
#: dicts, lists and numbers several times theirs), so 64 MB is ~100-200 MB of heap at worst: 48
#: details of 5 MB would otherwise hold 240 MB+. It still keeps a dozen 5 MB requests, more than
#: the prefetch window around the selection (five), so moving back and forth stays instant.
DETAIL_CACHE_BYTES = 64 * 1024 * 1024
#: Rows above and below the selection fetched ahead of time.
PREFETCH_RADIUS = 2


@dataclass(frozen=True, slots=True)
class Detail:
    """A request with its bodies, and its mapped conversation."""

    row: HeliconeRequest
    mapped: MappedRequest
    error: HeliconeError | None = None
    """Set on a stand-in built from the list's row (`detail_from_summary`) because fetching the
    request failed with this: it has no bodies nor properties, and is never cached."""

    @property
    def size(self) -> int:
        """Bytes of the answers it was read from (0 when not known): known from the fetch, so
        nothing is walked to weigh it."""
        return self.row.raw_size


class DetailCache:
    """Least-recently-used details by request id, bounded by count and by `Detail.size`.

    The request last asked for with `get` (the one the screen shows) is never evicted, however
    big: a neighbour fetched ahead makes room by evicting others, never the request on screen.
    """

    def __init__(
        self, capacity: int = DETAIL_CACHE_SIZE, byte_budget: int = DETAIL_CACHE_BYTES
    ) -> None:
        self.capacity = max(1, capacity)
        self.byte_budget = byte_budget
        self._items: OrderedDict[str, Detail] = OrderedDict()
        self._bytes = 0
        self._current: str | None = None

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, request_id: object) -> bool:
        return request_id in self._items

    @property
    def total_size(self) -> int:
        return self._bytes

    def get(self, request_id: str) -> Detail | None:
        """The detail, if kept; `request_id` is the current request from now on."""
        self._current = request_id
        detail = self._items.get(request_id)
        if detail is not None:
            self._items.move_to_end(request_id)
        return detail

    def put(self, request_id: str, detail: Detail) -> None:
        self.discard(request_id)
        self._items[request_id] = detail
        self._bytes += detail.size
        self._evict()

    def _evict(self) -> None:
        """Oldest first; the current request and the newest one stay, whatever their size (a
        neighbour fetched ahead and dropped at once would be fetched again and again)."""
        items = self._items
        spared = {self._current, next(reversed(items), None)}
        while len(items) > self.capacity or self._bytes > self.byte_budget:
            victim = next((key for key in items if key not in spared), None)
            if victim is None:
                return
            self._bytes -= items.pop(victim).size

    def discard(self, request_id: str) -> None:
        detail = self._items.pop(request_id, None)
        if detail is not None:
            self._bytes -= detail.size

    def clear(self) -> None:
        self._items.clear()
        self._bytes = 0


async def fetch_detail(client: HeliconeClient, request_id: str) -> Detail:
    """The full request (includeBody=true) and its mapping; raises `HeliconeError`s."""
    row = await client.get_request(request_id, include_body=True)
    from ..mapping import map_request

    mapped = await asyncio.to_thread(map_request, row)
    return Detail(row, mapped)


def detail_from_summary(summary: RowSummary, error: HeliconeError) -> Detail:
    """What the list knows of a request whose fetch failed with `error`: its status, model,
    tokens, cost and latency, with bodies marked as not fetched (the tabs then say why)."""
    from ..client.errors import end_sentence
    from ..mapping import map_request
    from ..models import BodyInfo, BodyState, HeliconeRequest

    row = HeliconeRequest.model_validate(
        {
            "request_id": summary.request_id,
            "request_created_at": summary.request_created_at,
            "model": summary.display_model,
            "provider": summary.provider,
            "response_status": summary.response_status,
            "prompt_tokens": summary.prompt_tokens,
            "completion_tokens": summary.completion_tokens,
            "total_tokens": summary.total_tokens,
            "cost": summary.cost_usd,
            "delay_ms": summary.delay_ms,
        }
    )
    why = f"The bodies could not be fetched: {end_sentence(error.message)}"
    row.with_body_info(BodyInfo(BodyState.UNAVAILABLE, why))
    return Detail(row, map_request(row), error)


def neighbours(ids: Sequence[str], index: int, radius: int = PREFETCH_RADIUS) -> list[str]:
    """Ids around `index`, nearest first (below before above: the usual direction of travel)."""
    found: list[str] = []
    for distance in range(1, radius + 1):
        for position in (index + distance, index - distance):
            if 0 <= position < len(ids):
                found.append(ids[position])
    return found
