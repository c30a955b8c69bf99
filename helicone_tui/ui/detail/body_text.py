"""A request or response body as the lines the JSON tabs show (pure: no textual).

Runs in a thread worker: pretty-printing a 5 MB body gives ~159k lines and takes about as long
as ``json.dumps(indent=2)`` itself, which the UI thread must never wait for.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from rich.cells import cell_len

# Lines longer than this are cut for display (a base64 image is one multi-megabyte line): the
# whole body is one copy away, and painting a megabyte-wide line helps nobody read it.
MAX_LINE_CHARS = 10_000


@dataclass(frozen=True, slots=True)
class BodyLines:
    lines: list[str]
    is_json: bool
    """True when the lines are pretty-printed JSON (coloured as such)."""
    width: int
    """Widest line in cells, after the display cut."""


def body_to_lines(body: Any) -> BodyLines:
    """``body`` pretty-printed as JSON, or a string body as it is (JSON text is pretty-printed)."""
    if isinstance(body, str):
        stripped = body.lstrip()
        if stripped[:1] in ("{", "["):
            try:
                body = json.loads(body)
            except ValueError:
                return _lines_of(body, is_json=False)
        else:
            return _lines_of(body, is_json=False)
    text = json.dumps(body, indent=2, ensure_ascii=False, default=str)
    return _lines_of(text, is_json=True)


def _lines_of(text: str, *, is_json: bool) -> BodyLines:
    lines = text.split("\n")
    if not is_json:
        lines = [line.expandtabs(4) if "\t" in line else line for line in lines]
    width = 0
    for line in lines:
        size = min(len(line), MAX_LINE_CHARS) if line.isascii() else cell_len(line[:MAX_LINE_CHARS])
        if size > width:
            width = size
    return BodyLines(lines, is_json, width)
