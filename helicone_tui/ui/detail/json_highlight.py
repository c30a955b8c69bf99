"""JSON colouring one line at a time (pure: no textual).

Pretty-printed JSON never splits a token across lines, so each visible line can be coloured on
its own when it is painted: no parse of the whole body, no per-body cost.
"""

from __future__ import annotations

import re
from typing import Literal

TokenKind = Literal["key", "string", "number", "literal", "punct"]

# The string pattern is the unrolled-loop form (linear on long strings); an unterminated string
# (a line cut for display) runs to the end of the line.
_TOKEN = re.compile(
    r"""
    (?P<string>"[^"\\]*(?:\\.[^"\\]*)*(?:"|$))(?P<colon>\s*:)?
    | (?P<number>-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)
    | (?P<literal>\b(?:true|false|null)\b)
    | (?P<punct>[{}\[\],:])
    """,
    re.VERBOSE,
)


def json_line_spans(line: str) -> list[tuple[int, int, TokenKind]]:
    """``(start, end, kind)`` of each token of one line of pretty-printed JSON."""
    spans: list[tuple[int, int, TokenKind]] = []
    for match in _TOKEN.finditer(line):
        group = match.lastgroup
        if group in ("string", "colon"):
            start, end = match.span("string")
            if match.group("colon") is not None:
                spans.append((start, end, "key"))
                colon_start, colon_end = match.span("colon")
                spans.append((colon_start, colon_end, "punct"))
            else:
                spans.append((start, end, "string"))
        elif group == "number":
            spans.append((match.start(), match.end(), "number"))
        elif group == "literal":
            spans.append((match.start(), match.end(), "literal"))
        else:
            spans.append((match.start(), match.end(), "punct"))
    return spans
