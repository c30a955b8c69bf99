"""The request list's data: entries in paste order, their cells, filtering and sorting.

No textual here, so it is cheap to test and to reason about: the widget only draws the `view`.
Cells are formatted once per entry update and cached, so drawing and filtering 10,000 rows never
formats anything twice. An entry keeps a `RowSummary` of its row, not the row: the list shows a few
columns, and the detail is always fetched (with its bodies) and cached apart. State counts and
cost / token totals are kept up to date entry by entry, so a batch of results costs O(batch).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from ..client import HeliconeError, IdResult, NotFoundError
from ..client.errors import (
    AuthError,
    MalformedResponseError,
    NetworkError,
    RateLimitedError,
    RequestTimeoutError,
    ServerError,
)
from ..formatting import (
    DASH,
    format_cost,
    format_duration_ms,
    format_int,
    format_short_time,
    parse_time,
    short_id,
)
from ..text_safety import sanitize_line
from .detail.totals import ListTotals, RunningTotals

if TYPE_CHECKING:  # pydantic loads with the first row, not with the list
    from ..models import HeliconeRequest
    from ..models.summary import RequestSummary

    #: A list query's result: a `RequestSummary` (the list's query), or a whole row (a detail).
    ListResult = IdResult[HeliconeRequest | RequestSummary]


class EntryState(StrEnum):
    LOADING = "loading"
    OK = "ok"
    NOT_FOUND = "not found"
    ERROR = "error"


@dataclass(frozen=True, slots=True)
class Column:
    key: str
    label: str
    width: int
    #: Lower keeps the column longer when the list is narrow.
    priority: int
    align_right: bool = False
    #: The one column that takes the width left over.
    flexible: bool = False


COLUMNS: tuple[Column, ...] = (
    Column("status", "Status", 10, 0),
    Column("created", "Created", 14, 2),
    Column("model", "Model", 14, 1, flexible=True),
    Column("provider", "Provider", 10, 8),
    Column("prompt", "Prompt", 9, 4, align_right=True),
    Column("completion", "Compl.", 8, 5, align_right=True),
    Column("cost", "Cost", 9, 3, align_right=True),
    Column("latency", "Latency", 8, 7, align_right=True),
    Column("id", "Id", 8, 6),
)
COLUMN_KEYS = tuple(c.key for c in COLUMNS)
#: The order a plain "sort" key cycles through; None is paste order.
SORT_CYCLE: tuple[str | None, ...] = (None, *COLUMN_KEYS)

#: The Status cell of a row the list query could not fetch (not the LLM call's own status: that
#: is "ok", "429", "pending"…); why goes in the Model cell (`failure_reason`).
NOT_LOADED = "not loaded"

NOT_FOUND_REASONS = (
    "Not found. Likely reasons: the request is older than the API's 90-day window, it belongs "
    "to the other region (US / EU: --region), or to another organisation than this key's."
)


@dataclass(frozen=True, slots=True)
class RowSummary:
    """What the list shows (and totals) of a row: no bodies, properties or other heavy fields.
    Holding the whole `HeliconeRequest` of 10,000 rows cost RSS and a slow garbage collector."""

    request_id: str
    request_created_at: str | None
    display_model: str | None
    provider: str | None
    response_status: int | float | None
    prompt_tokens: int | float | None
    completion_tokens: int | float | None
    total_tokens: int | float | None
    cost_usd: float | None
    delay_ms: int | float | None

    @classmethod
    def of(cls, row: HeliconeRequest | RequestSummary, request_id: str | None = None) -> RowSummary:
        return cls(
            request_id=request_id if request_id is not None else row.request_id,
            request_created_at=row.request_created_at,
            display_model=_interned(row.display_model),
            provider=_interned(row.provider),
            response_status=row.response_status,
            prompt_tokens=row.prompt_tokens,
            completion_tokens=row.completion_tokens,
            total_tokens=row.total_tokens,
            cost_usd=row.cost_usd,
            delay_ms=row.delay_ms,
        )


def _interned(text: str | None) -> str | None:
    # Thousands of rows name the same few models and providers: keep one copy of each.
    return sys.intern(text) if type(text) is str and len(text) <= 200 else text


@dataclass(slots=True)
class ListEntry:
    """One pasted id and what the list query said about it."""

    request_id: str
    row: RowSummary | None = None
    error: HeliconeError | None = None
    loading: bool = True
    _cells: tuple[str, ...] | None = field(default=None, repr=False)
    _search: str | None = field(default=None, repr=False)

    @property
    def state(self) -> EntryState:
        if self.loading:
            return EntryState.LOADING
        if self.row is not None:
            return EntryState.OK
        if isinstance(self.error, NotFoundError):
            return EntryState.NOT_FOUND
        return EntryState.ERROR

    @property
    def failed(self) -> bool:
        """True when the list query itself failed for this id (worth re-querying)."""
        return self.state is EntryState.ERROR

    def update(self, result: ListResult) -> None:
        row = RowSummary.of(result.row, self.request_id) if result.row is not None else None
        self.row, self.error, self.loading = row, result.error, False
        self._cells = self._search = None

    def set_loading(self) -> None:
        self.loading = True
        self._cells = self._search = None

    @property
    def status_text(self) -> str:
        state = self.state
        if state is EntryState.OK and self.row is not None:
            return _response_status(self.row)
        if state is EntryState.ERROR:
            return NOT_LOADED
        if state is EntryState.LOADING:
            return "loading…"
        return state.value

    @property
    def failure(self) -> str | None:
        """Why the list query could not fetch this row, in a few words (None unless it
        failed): shown in the Model cell, the Status cell saying only `NOT_LOADED`."""
        return failure_reason(self.error) if self.state is EntryState.ERROR else None

    @property
    def status_ok(self) -> bool:
        return self.state is EntryState.OK and self.status_text == "ok"

    @property
    def cells(self) -> tuple[str, ...]:
        if self._cells is None:
            self._cells = tuple(sanitize_line(text) for text in self._format())
        return self._cells

    @property
    def search_text(self) -> str:
        if self._search is None:
            self._search = "\x00".join((*self.cells, self.request_id)).casefold()
        return self._search

    def _format(self) -> tuple[str, ...]:
        row = self.row
        sid = short_id(self.request_id)
        if row is None:
            return (self.status_text, DASH, self.failure or DASH, DASH, "", "", "", "", sid)
        return (
            self.status_text,
            format_short_time(row.request_created_at),
            row.display_model or DASH,
            row.provider or DASH,
            format_int(row.prompt_tokens),
            format_int(row.completion_tokens),
            format_cost(row.cost_usd),
            _compact_duration(row.delay_ms),
            sid,
        )

    def sort_value(self, key: str) -> Any:
        """A value to sort by; rows without one go last (see `_sort_key`)."""
        row = self.row
        if key == "status":
            return self.status_text
        if key == "id":
            return self.request_id
        if row is None:
            return None
        if key == "created":
            parsed = parse_time(row.request_created_at)
            return parsed.timestamp() if parsed else None
        if key == "model":
            return (row.display_model or "").casefold() or None
        if key == "provider":
            return (row.provider or "").casefold() or None
        if key == "prompt":
            return _num(row.prompt_tokens)
        if key == "completion":
            return _num(row.completion_tokens)
        if key == "cost":
            return row.cost_usd
        if key == "latency":
            return _num(row.delay_ms)
        raise KeyError(key)


def failure_reason(error: HeliconeError | None) -> str:
    """A few words for the Model cell of a row the list could not fetch: what went wrong on the
    way to Helicone, worded so it never reads as the LLM call's own status (the status line
    says that r retries; the detail pane says the rest)."""
    if isinstance(error, AuthError):
        return "key refused"  # said once for the whole app, by the screen's banner
    if isinstance(error, RateLimitedError):
        return "rate limited"
    if isinstance(error, ServerError):
        return f"server error {error.short}"
    if isinstance(error, RequestTimeoutError):
        return "timed out"
    if isinstance(error, NetworkError):
        return "network error"
    if isinstance(error, MalformedResponseError):
        return "unreadable answer"
    return f"error ({error.short})" if error is not None else "error"


def _num(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def _response_status(row: RowSummary) -> str:
    status = _num(row.response_status)
    if status is None or status == 0:
        return "pending"
    if 200 <= status < 300:
        return "ok"
    return str(int(status))


def _compact_duration(value: Any) -> str:
    return format_duration_ms(value).replace(" ", "")


@dataclass(frozen=True, slots=True)
class Sort:
    key: str | None = None
    descending: bool = False

    def label(self) -> str:
        if self.key is None:
            return "paste order"
        label = next(c.label for c in COLUMNS if c.key == self.key)
        return f"{label.lower().rstrip('.')} {'↓' if self.descending else '↑'}"


class RequestListModel:
    """Entries in paste order, and the filtered / sorted `view` the widget draws."""

    def __init__(self) -> None:
        self._entries: dict[str, ListEntry] = {}
        self.filter_text = ""
        self.sort = Sort()
        self.view: list[ListEntry] = []
        self._index: dict[str, int] | None = None
        self._counts = dict.fromkeys(EntryState, 0)
        self._totals = RunningTotals()

    # -------------------------------------------------------------- contents

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, request_id: object) -> bool:
        return request_id in self._entries

    def get(self, request_id: str) -> ListEntry | None:
        return self._entries.get(request_id)

    @property
    def entries(self) -> Iterable[ListEntry]:
        return self._entries.values()

    def add_ids(self, ids: Iterable[str]) -> list[str]:
        """Append the ids not already listed; returns them (the ones to query)."""
        added = [i for i in ids if i not in self._entries]
        for request_id in added:
            self._entries[request_id] = ListEntry(request_id)
        self._counts[EntryState.LOADING] += len(added)
        if added:
            self.refresh_view()
        return added

    def apply(self, results: Iterable[ListResult]) -> int:
        """Store query results for ids still listed; returns how many were stored."""
        stored = 0
        for result in results:
            entry = self._entries.get(result.request_id)
            if entry is not None:
                self._forget(entry)
                entry.update(result)
                self._count(entry)
                stored += 1
        if stored and (self.filter_text or self.sort.key):
            self.refresh_view()
        return stored

    def remove(self, request_id: str) -> bool:
        entry = self._entries.pop(request_id, None)
        if entry is None:
            return False
        self._forget(entry)
        self.refresh_view()
        return True

    def clear(self) -> None:
        self._entries.clear()
        self._counts = dict.fromkeys(EntryState, 0)
        self._totals.clear()
        self.refresh_view()

    def _forget(self, entry: ListEntry) -> None:
        """Take `entry` out of the counts and totals (before it changes or leaves)."""
        self._counts[entry.state] -= 1
        if entry.row is not None:
            self._totals.remove(entry.row)

    def _count(self, entry: ListEntry) -> None:
        self._counts[entry.state] += 1
        if entry.row is not None:
            self._totals.add(entry.row)

    def mark_loading(self, ids: Iterable[str]) -> list[str]:
        marked = []
        for request_id in ids:
            entry = self._entries.get(request_id)
            if entry is not None:
                self._forget(entry)
                entry.set_loading()
                self._count(entry)
                marked.append(request_id)
        if marked and (self.filter_text or self.sort.key):
            self.refresh_view()
        return marked

    def failed_ids(self) -> list[str]:
        return [e.request_id for e in self._entries.values() if e.failed]

    def loaded_rows(self) -> list[RowSummary]:
        return [e.row for e in self._entries.values() if e.row is not None]

    def totals(self) -> ListTotals:
        """Cost and token totals of the loaded rows (kept up to date, not recomputed)."""
        return self._totals.totals()

    def progress(self) -> tuple[int, int]:
        """(answered, total)."""
        total = len(self._entries)
        return total - self._counts[EntryState.LOADING], total

    def counts(self) -> dict[EntryState, int]:
        return dict(self._counts)

    # -------------------------------------------------------------- view

    def set_filter(self, text: str) -> None:
        self.filter_text = text.strip()
        self.refresh_view()

    def set_sort(self, sort: Sort) -> None:
        self.sort = sort
        self.refresh_view()

    def sort_by(self, key: str | None) -> Sort:
        """Sort by `key`; the same key again flips the direction."""
        if key is not None and key == self.sort.key:
            self.set_sort(Sort(key, not self.sort.descending))
        else:
            self.set_sort(Sort(key, descending=key in _DESCENDING_FIRST))
        return self.sort

    def cycle_sort(self) -> Sort:
        position = SORT_CYCLE.index(self.sort.key)
        return self.sort_by(SORT_CYCLE[(position + 1) % len(SORT_CYCLE)])

    def refresh_view(self) -> None:
        entries: Iterable[ListEntry] = self._entries.values()
        if self.filter_text:
            needle = self.filter_text.casefold()
            entries = [e for e in entries if needle in e.search_text]
        view = list(entries)
        key = self.sort.key
        if key is not None:
            view = _sorted(view, key, self.sort.descending)
        self.view = view
        self._index = None

    def index_of(self, request_id: str) -> int | None:
        if self._index is None:
            self._index = {e.request_id: i for i, e in enumerate(self.view)}
        return self._index.get(request_id)


# Numbers people mostly want biggest-first.
_DESCENDING_FIRST = frozenset({"created", "prompt", "completion", "cost", "latency"})


def _sorted(view: list[ListEntry], key: str, descending: bool) -> list[ListEntry]:
    """Stable sort with entries lacking a value always last, whatever the direction.
    Each entry's value is computed once (the list is sorted again as each batch arrives)."""
    keyed = [(e.sort_value(key), e) for e in view]
    present = [pair for pair in keyed if pair[0] is not None]
    missing = [e for value, e in keyed if value is None]
    present.sort(key=_first, reverse=descending)
    return [e for _, e in present] + missing


def _first(pair: tuple[Any, ListEntry]) -> Any:
    return pair[0]
