"""The one-line summary above the tabs: status, model, provider, latency, cost, tokens, time."""

from __future__ import annotations

from rich.text import Text

from helicone_tui.formatting import format_cost, format_duration_ms, format_int, format_local_time
from helicone_tui.mapping import MappedRequest
from helicone_tui.models import HeliconeRequest
from helicone_tui.text_safety import sanitize_line

_STATUS_STYLES = {"success": "bold green", "error": "bold red", "pending": "bold yellow"}


def summary_text(row: HeliconeRequest, mapped: MappedRequest | None) -> Text:
    text = Text(no_wrap=True, overflow="ellipsis")
    if mapped is not None:
        status = mapped.status
        label = str(status.code) if status.code is not None else status.kind
        text.append(f"● {label}", _STATUS_STYLES.get(status.kind, "bold"))
    elif row.response_status is not None:
        text.append(f"● {row.response_status}", "bold")
    parts = [
        sanitize_line(row.display_model or "unknown model"),
        sanitize_line(row.provider or ""),
        format_duration_ms(row.delay_ms) if row.delay_ms is not None else "",
        format_cost(row.cost_usd) if row.cost_usd is not None else "",
        f"{format_int(row.total_tokens)} tokens" if row.total_tokens is not None else "",
        "cached" if row.cached else "",
        format_local_time(row.request_created_at) if row.request_created_at else "",
    ]
    for index, part in enumerate(p for p in parts if p):
        text.append("  " if text else "")
        text.append(part, "bold" if index == 0 else "")
    text.append(f"  {sanitize_line(row.request_id)}", "dim")
    return text
