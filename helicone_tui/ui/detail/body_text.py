"""A request or response body as the lines the JSON tabs show (pure: no textual).

Runs in a thread: pretty-printing a 5 MB body takes about as long as ``json.dumps(indent=2)``
itself (~10 ms for a few long strings, far more for ~159k lines of small objects); the UI thread
waits for it at most a few frames (`body_tab.INLINE_WAIT`).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from rich.cells import cell_len

from helicone_tui.text_safety import sanitize_text

# Without soft wrap, lines longer than this are cut for display (a base64 image is one
# multi-megabyte line): scrolling sideways across megabytes helps nobody; wrap shows it all.
MAX_LINE_CHARS = 10_000
# A "\u" escape in JSON text; a regex finds it by memchr on "\", ~3x faster than `str.find`.
_ESCAPE = re.compile(r"\\u")


@dataclass(frozen=True, slots=True)
class BodyLines:
    lines: list[str]
    """Terminal-safe (sanitized here, once, in a thread, unless already safe) and tab-free."""
    is_json: bool
    """True when the lines are pretty-printed JSON (coloured as such)."""
    width: int
    """Widest line in cells, after the display cut."""
    wide: dict[int, int] = field(default_factory=dict)
    """Line -> cells, for the lines whose cell width is not their length (CJK, emoji)."""


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
    # The ASCII encoder is ~2x faster; with no "\u" in its output nothing was escaped, so it is
    # exactly what ``ensure_ascii=False`` gives. Otherwise redo it: non-ASCII text stays readable.
    text = json.dumps(body, indent=2, default=str)
    if not _ESCAPE.search(text):
        # Already terminal-safe, so not sanitized (a pass over the whole body saved): the ASCII
        # encoder escapes every character outside " "-"~" in strings and keys (DEL included),
        # and the rest is digits, literals, punctuation, spaces and newlines.
        return _lines_of(text, is_json=True, safe=True)
    text = json.dumps(body, indent=2, ensure_ascii=False, default=str)
    return _lines_of(text, is_json=True)


def _lines_of(text: str, *, is_json: bool, safe: bool = False) -> BodyLines:
    # Sanitized before wrapping: a stand-in like "<U+202E>" is wider than what it replaces, and
    # the wrap index must count what is painted.
    lines = (text if safe else sanitize_text(text)).split("\n")
    if not is_json:
        lines = [line.expandtabs(4) if "\t" in line else line for line in lines]
    width = max(map(len, lines), default=0)
    wide: dict[int, int] = {}
    if not text.isascii():
        for index, line in enumerate(lines):
            if not line.isascii() and (cells := cell_len(line)) != len(line):
                wide[index] = cells
        width = max([width, *wide.values()])
    return BodyLines(lines, is_json, min(width, MAX_LINE_CHARS), wide)
