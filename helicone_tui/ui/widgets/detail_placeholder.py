"""TEMPORARY stand-in for `ui.detail.DetailView` until it lands (same methods)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual.widgets import Static

from ...models import HeliconeRequest


@dataclass(frozen=True)
class ListTotals:
    cost: float = 0.0
    rows: int = 0


def compute_totals(rows: Iterable[HeliconeRequest]) -> ListTotals:
    items = list(rows)
    return ListTotals(sum(r.cost_usd or 0 for r in items), len(items))


class DetailView(Static, can_focus=True):
    def show_empty(self) -> None:
        self.update(Text("Select a request"))

    def show_loading(self, request_id: str) -> None:
        self.update(Text(f"Loading {request_id}…"))

    def show_request(self, row: HeliconeRequest, mapped: Any, totals: ListTotals) -> None:
        self.update(Text(f"{row.request_id}\n{row.display_model}"))

    def show_error(self, request_id: str, error: Exception) -> None:
        self.update(Text(f"{request_id}: {error}\nPress r to retry."))

    def update_totals(self, totals: ListTotals) -> None:
        pass

    def select_tab(self, index: int) -> None:
        pass

    def next_tab(self) -> None:
        pass

    def prev_tab(self) -> None:
        pass

    def focused_message_markdown(self) -> str | None:
        return None
