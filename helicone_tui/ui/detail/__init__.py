"""The detail pane: one request's conversation, tokens, cost, properties and raw bodies.

The app mounts `DetailView`, lists `DETAIL_CSS_PATH` in its `CSS_PATH`, and keeps the list's
totals with `compute_totals` (pure, cheap for 10,000 rows).
"""

from pathlib import Path

from .totals import ListTotals, ModelTotals, compute_totals
from .view import DetailView

DETAIL_CSS_PATH = Path(__file__).with_name("detail.tcss")

__all__ = ["DETAIL_CSS_PATH", "DetailView", "ListTotals", "ModelTotals", "compute_totals"]
