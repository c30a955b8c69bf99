"""The detail pane: one request's conversation, tokens, cost, properties and raw bodies.

The app mounts `DetailView`, lists `DETAIL_CSS_PATH` in its `CSS_PATH`, and keeps the list's
totals with `compute_totals` (pure, cheap for 10,000 rows).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from .totals import ListTotals, ModelTotals, compute_totals

if TYPE_CHECKING:
    from .view import DetailView

DETAIL_CSS_PATH = Path(__file__).with_name("detail.tcss")

__all__ = ["DETAIL_CSS_PATH", "DetailView", "ListTotals", "ModelTotals", "compute_totals"]


def __getattr__(name: str) -> Any:
    """`DetailView` (the mapping, the tabs' widgets) loads when the pane is first mounted, after
    the list's first frame; `totals` and the stylesheet's path come without it."""
    if name == "DetailView":
        from .view import DetailView

        return DetailView
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
