"""Label / value tables for the Tokens, Cost and Properties tabs (Rich renderables).

Values that came from the API are passed as `Text` made terminal-safe: a plain `str` cell would
be read as Rich markup.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from helicone_tui.text_safety import sanitize_text

# A property value longer than this is cut (the Request JSON tab has it whole).
MAX_VALUE_CHARS = 2_000

Cell = Text | str


def literal(value: Any, style: str = "") -> Text:
    """Any API value as literal, terminal-safe text."""
    if isinstance(value, Text):
        return value
    if isinstance(value, bool):
        text = "yes" if value else "no"
    elif isinstance(value, dict | list):
        text = json.dumps(value, ensure_ascii=False, default=str)
    else:
        text = "" if value is None else str(value)
    if len(text) > MAX_VALUE_CHARS:
        text = text[:MAX_VALUE_CHARS] + f"… (+{len(text) - MAX_VALUE_CHARS:,} chars)"
    return Text(sanitize_text(text), style=style)


def kv_table(rows: Iterable[tuple[str, Any]]) -> Table:
    """Two columns: a dim label and a literal value. Labels can be API text too (property and
    score names), so both are made literal and terminal-safe."""
    table = Table.grid(padding=(0, 2))
    table.add_column(style="dim", no_wrap=True)
    table.add_column(overflow="fold")
    for label, value in rows:
        table.add_row(literal(label), literal(value))
    return table


def section(title: str, body: RenderableType | None = None) -> Group:
    heading = Text(title, style="bold underline")
    return Group(heading, body) if body is not None else Group(heading)


def stack(*parts: RenderableType | None) -> Group:
    """Sections one under another, a blank line between them."""
    shown: list[RenderableType] = []
    for part in parts:
        if part is None:
            continue
        if shown:
            shown.append(Text(""))
        shown.append(part)
    return Group(*shown)
