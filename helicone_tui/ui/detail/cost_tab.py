"""The Cost tab: this request's cost, and the totals of every loaded row (Rich only).

Helicone reports one total cost per request; nothing here splits it into invented prices.
"""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text

from helicone_tui.formatting import DASH, format_cost, format_int
from helicone_tui.models import HeliconeRequest

from .tables import kv_table, literal, section, stack
from .totals import ListTotals

# Per-model rows shown; the rest are summed into one line.
MAX_MODELS = 20


def cost_per_1k(cost: float | None, tokens: int | None) -> float | None:
    if cost is None or not tokens:
        return None
    try:
        return cost * 1000 / tokens
    except OverflowError:  # absurd counts (1e308 tokens) are shown, not divided
        return None


def _row_tokens(row: HeliconeRequest) -> int | None:
    total = row.total_tokens
    if isinstance(total, int | float) and not isinstance(total, bool) and total:
        return int(total)
    parts = [v for v in (row.prompt_tokens, row.completion_tokens) if isinstance(v, int | float)]
    return int(sum(parts)) if parts else None


def cached_text(row: HeliconeRequest) -> str:
    if row.cached:
        return f"yes: served from Helicone's cache (reference {row.cache_reference_id})"
    if row.cache_enabled:
        return "no (caching was enabled for this request; this was a cache miss)"
    return "no"


def request_cost_renderable(row: HeliconeRequest) -> Table:
    cost = row.cost_usd
    tokens = _row_tokens(row)
    per_1k = cost_per_1k(cost, tokens)
    return kv_table(
        [
            ("Cost", format_cost(cost) if cost is not None else f"{DASH} (not reported)"),
            ("Per 1k tokens", format_cost(per_1k) if per_1k is not None else DASH),
            ("Tokens", format_int(tokens)),
            ("Cached", cached_text(row)),
        ]
    )


def totals_renderable(totals: ListTotals) -> Group:
    per_1k = cost_per_1k(totals.cost_usd, totals.total_tokens)
    summary = kv_table(
        [
            (
                "Requests",
                f"{format_int(totals.requests)} ({format_int(totals.priced)} with a cost)",
            ),
            ("Cost", format_cost(totals.cost_usd)),
            ("Per 1k tokens", format_cost(per_1k) if per_1k is not None else DASH),
            (
                "Tokens",
                f"{format_int(totals.total_tokens)} (prompt {format_int(totals.prompt_tokens)}, "
                f"completion {format_int(totals.completion_tokens)})",
            ),
        ]
    )
    if not totals.by_model:
        return Group(summary)
    table = Table(box=None, pad_edge=False, padding=(0, 2), header_style="bold")
    table.add_column("Model", overflow="fold")
    for column in ("Requests", "Cost", "Share", "Tokens", "Per 1k"):
        table.add_column(column, justify="right", no_wrap=True)
    shown = totals.by_model[:MAX_MODELS]
    for model in shown:
        share = model.cost_usd / totals.cost_usd if totals.cost_usd else 0.0
        per_model_1k = cost_per_1k(model.cost_usd, model.total_tokens)
        table.add_row(
            literal(model.model),
            format_int(model.requests),
            format_cost(model.cost_usd) if model.priced else DASH,
            f"{share:.0%}" if totals.cost_usd else DASH,
            format_int(model.total_tokens),
            format_cost(per_model_1k) if per_model_1k is not None and model.priced else DASH,
        )
    rest = totals.by_model[MAX_MODELS:]
    if rest:
        table.add_row(
            Text(f"… {len(rest)} more models", style="dim"),
            format_int(sum(m.requests for m in rest)),
            format_cost(sum(m.cost_usd for m in rest)),
            "",
            format_int(sum(m.total_tokens for m in rest)),
            "",
        )
    return Group(summary, Text(""), table)


def cost_renderable(row: HeliconeRequest | None, totals: ListTotals) -> Group:
    return stack(
        section("This request", request_cost_renderable(row)) if row is not None else None,
        section("All loaded requests", totals_renderable(totals)),
    )
