"""Cost and token totals over every loaded row, and per model (pure: no textual).

The API gives one total cost per request, so totals add those up and never split prices.
`compute_totals` walks the rows (the reference); the list keeps a `RunningTotals` it updates row
by row as entries arrive, change or leave, so it never walks 10,000 rows per batch. Costs add up
exactly (as integers), so both give the very same figures, whatever the order of the rows.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Protocol

UNKNOWN_MODEL = "(unknown model)"


@dataclass(frozen=True, slots=True)
class ModelTotals:
    model: str
    requests: int = 0
    priced: int = 0
    """Rows that reported a cost (the others add nothing to ``cost_usd``)."""
    cost_usd: float = 0.0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    total_tokens: int = 0


@dataclass(frozen=True, slots=True)
class ListTotals:
    requests: int = 0
    priced: int = 0
    cost_usd: float = 0.0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    total_tokens: int = 0
    by_model: tuple[ModelTotals, ...] = field(default_factory=tuple)
    """Most expensive first, then most tokens."""


class TotalsRow(Protocol):
    """What totals read off a row: a `HeliconeRequest`, or the list's slim summary of one."""

    @property
    def display_model(self) -> str | None: ...
    @property
    def prompt_tokens(self) -> int | float | None: ...
    @property
    def completion_tokens(self) -> int | float | None: ...
    @property
    def total_tokens(self) -> int | float | None: ...
    @property
    def cost_usd(self) -> float | None: ...


def _count(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return 0
    if isinstance(value, float) and not math.isfinite(value):
        return 0
    return int(value)


# Every finite float times 2**1074 is an integer: costs add and subtract exactly as such.
_SCALE_BITS = 1074


class ExactSum:
    """A sum of floats that is exact (so independent of order, and undone exactly by `remove`),
    rounded once when read. Non-finite values are counted aside, as float addition would."""

    __slots__ = ("_nan", "_neg_inf", "_pos_inf", "_scaled")

    def __init__(self) -> None:
        self._scaled = 0
        self._pos_inf = self._neg_inf = self._nan = 0

    def add(self, value: float, sign: int = 1) -> None:
        if math.isfinite(value):
            numerator, denominator = value.as_integer_ratio()
            self._scaled += sign * (numerator << (_SCALE_BITS + 1 - denominator.bit_length()))
        elif math.isnan(value):
            self._nan += sign
        elif value > 0:
            self._pos_inf += sign
        else:
            self._neg_inf += sign

    def remove(self, value: float) -> None:
        self.add(value, -1)

    @property
    def value(self) -> float:
        if self._nan or (self._pos_inf and self._neg_inf):
            return math.nan
        if self._pos_inf or self._neg_inf:
            return math.inf if self._pos_inf else -math.inf
        try:
            return self._scaled / (1 << _SCALE_BITS)
        except OverflowError:
            return math.inf if self._scaled > 0 else -math.inf


class _ModelSlot:
    __slots__ = ("completion", "cost", "priced", "prompt", "requests", "total")

    def __init__(self) -> None:
        self.requests = self.priced = self.prompt = self.completion = self.total = 0
        self.cost = ExactSum()

    def add(self, row: TotalsRow, sign: int) -> None:
        prompt = _count(row.prompt_tokens)
        completion = _count(row.completion_tokens)
        cost = row.cost_usd
        self.requests += sign
        if cost is not None:
            self.priced += sign
            self.cost.add(cost, sign)
        self.prompt += sign * prompt
        self.completion += sign * completion
        self.total += sign * (_count(row.total_tokens) or prompt + completion)

    def totals(self, model: str) -> ModelTotals:
        return ModelTotals(
            model=model,
            requests=self.requests,
            priced=self.priced,
            cost_usd=self.cost.value,
            prompt_tokens=self.prompt,
            completion_tokens=self.completion,
            total_tokens=self.total,
        )


class RunningTotals:
    """Totals kept up to date row by row: `add` a row as it arrives, `remove` it as it leaves
    (or before it is replaced); `totals()` equals `compute_totals` of the rows added and not
    removed, and costs O(models), not O(rows)."""

    def __init__(self) -> None:
        self._slots: dict[str, _ModelSlot] = {}
        self._cost = ExactSum()
        self._cached: ListTotals | None = None

    def add(self, row: TotalsRow) -> None:
        self._change(row, 1)

    def remove(self, row: TotalsRow) -> None:
        self._change(row, -1)

    def clear(self) -> None:
        self._slots.clear()
        self._cost = ExactSum()
        self._cached = None

    def _change(self, row: TotalsRow, sign: int) -> None:
        model = row.display_model or UNKNOWN_MODEL
        slot = self._slots.get(model)
        if slot is None:
            slot = self._slots[model] = _ModelSlot()
        slot.add(row, sign)
        if slot.requests <= 0:
            del self._slots[model]
        cost = row.cost_usd
        if cost is not None:
            self._cost.add(cost, sign)
        self._cached = None

    def totals(self) -> ListTotals:
        if self._cached is None:
            self._cached = _list_totals(
                [slot.totals(model) for model, slot in self._slots.items()], self._cost.value
            )
        return self._cached


def compute_totals(rows: Iterable[TotalsRow]) -> ListTotals:
    """Totals of ``rows``: cost, prompt / completion / total tokens, and the same per model."""
    slots: dict[str, _ModelSlot] = {}
    cost = ExactSum()
    for row in rows:
        model = row.display_model or UNKNOWN_MODEL
        slot = slots.get(model)
        if slot is None:
            slot = slots[model] = _ModelSlot()
        slot.add(row, 1)
        if row.cost_usd is not None:
            cost.add(row.cost_usd)
    return _list_totals([slot.totals(model) for model, slot in slots.items()], cost.value)


def _list_totals(per_model: list[ModelTotals], cost_usd: float) -> ListTotals:
    per_model.sort(key=lambda m: (-m.cost_usd, -m.total_tokens, m.model))
    return ListTotals(
        requests=sum(m.requests for m in per_model),
        priced=sum(m.priced for m in per_model),
        cost_usd=cost_usd,
        prompt_tokens=sum(m.prompt_tokens for m in per_model),
        completion_tokens=sum(m.completion_tokens for m in per_model),
        total_tokens=sum(m.total_tokens for m in per_model),
        by_model=tuple(per_model),
    )
