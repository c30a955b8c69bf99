"""JSON colouring one line at a time (pure: no textual).

Pretty-printed JSON never splits a token across lines, so each visible line can be coloured on
its own when it is painted: no parse of the whole body, no per-body cost.
"""

from __future__ import annotations

import re
from bisect import bisect_right
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


# The lazy scan's tokens: a string token may be cut by the scan window (no closing quote yet).
_LAZY_TOKEN = re.compile(
    r"""
    (?P<string>"[^"\\]*(?:\\.[^"\\]*)*)(?P<close>")?
    | (?P<number>-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)
    | (?P<literal>\b(?:true|false|null)\b)
    | (?P<punct>[{}\[\],:])
    """,
    re.VERBOSE,
)
# The rest of a string token, from inside it at an escape boundary.
_STRING_REST = re.compile(r'[^"\\]*(?:\\.[^"\\]*)*(?P<close>")?')
_COLON = re.compile(r"\s*:")
# Characters tokenized past the furthest one asked for: painting a long line row after row
# runs the tokenizer once per this many characters, not once per row.
LAZY_WINDOW = 4096


class LineTokens:
    """The tokens of one line of pretty-printed JSON, found only as far as they are asked for.

    A 4.8 MB line (one long string) must not be tokenized whole to paint its first rows:
    `spans_in(start, end)` runs the tokenizer from where it last stopped to a little past
    ``end``. What a long string token is, and where it ends, comes from the line's shape
    (pretty-printed JSON holds at most a key, its colon, one value and a comma on a line): a
    string after the colon is the value, the line's last token, so it ends at the line's last
    quote (jumping to the end of a 4.8 MB value costs nothing); a string that does not end the
    line is a key; only a first string on a line that ends with a string (`"key": "value"` or
    one `"value"`) is scanned to its closing quote to tell which, once. On the lines of
    ``json.dumps(indent=2)`` the spans are those `json_line_spans` gives for the whole line,
    clipped to the range asked for.
    """

    __slots__ = ("_ends", "_open", "_spans", "_string_end", "chars_scanned", "line", "scanned")

    def __init__(self, line: str) -> None:
        self.line = line
        self.scanned = 0
        """Tokens are known for every character before this offset."""
        self.chars_scanned = 0
        """Characters the tokenizer has been run over (tests check the laziness with it)."""
        self._spans: list[tuple[int, int, TokenKind]] = []
        self._ends: list[int] = []
        self._open: int | None = None
        """Start of a string token that goes on past ``scanned``."""
        # By index, not `rstrip().removesuffix(",")`: that copies a 4.8 MB line ending in ",".
        end = len(line)
        while end and line[end - 1].isspace():
            end -= 1
        if end and line[end - 1] == ",":
            end -= 1
        self._string_end = end if end and line[end - 1] == '"' else -1
        """Where the line's last token ends, if it is a string (else -1)."""

    def spans_in(self, start: int, end: int) -> list[tuple[int, int, TokenKind]]:
        """``(start, end, kind)`` of the tokens overlapping chars ``start:end``, clipped."""
        end = min(end, len(self.line))
        if start >= end:
            return []
        self._scan_to(end)
        open_kind = self._open_kind() if self._open is not None and self._open < end else None
        found: list[tuple[int, int, TokenKind]] = []
        for token_start, token_end, kind in self._spans[bisect_right(self._ends, start) :]:
            if token_start >= end:
                break
            found.append((max(token_start, start), min(token_end, end), kind))
        if self._open is not None and open_kind is not None:
            found.append((max(self._open, start), end, open_kind))
        return found

    def _after_colon(self) -> bool:
        return bool(self._spans) and self.line[self._spans[-1][1] - 1] == ":"

    def _open_kind(self) -> TokenKind:
        if self._after_colon():
            return "string"  # after the colon: the value
        if self._string_end < 0:
            return "key"  # the line goes on with a value that is not a string
        # `"key": "value"` or one `"value"`: find where this string closes (once; the token
        # is then among the closed ones).
        self._scan_to(len(self.line))
        return "string"

    def _scan_to(self, end: int) -> None:
        size = len(self.line)
        end = min(end, size)
        window = LAZY_WINDOW
        while self.scanned < end:
            position = self.scanned
            stop = min(size, end + window)
            self.chars_scanned += stop - position
            if self._open is not None:
                self._scan_string(self._open, position, stop)
            else:
                self._scan_tokens(position, stop)
            if self.scanned == position:
                window *= 2  # a token longer than the window: take more at once

    def _scan_string(self, start: int, position: int, stop: int) -> None:
        match = _STRING_REST.match(self.line, position, stop)
        assert match is not None  # the pattern can match nothing
        if match.group("close") is not None:
            self._close_string(start, match.end())
        elif stop == len(self.line):
            self._close_string(start, stop)  # unterminated: runs to the end of the line
        else:
            self.scanned = match.end()  # goes on past the window (ends at an escape boundary)

    def _scan_tokens(self, position: int, stop: int) -> None:
        size = len(self.line)
        # The window's last number, literal or punctuation is held back unless the window
        # reaches the end of the line: the window may have cut it ("1.5e" of "1.5e10").
        pending: tuple[int, int, TokenKind] | None = None
        for match in _LAZY_TOKEN.finditer(self.line, position, stop):
            if pending is not None:
                self._add(pending)
                pending = None
            group = match.lastgroup
            if group in ("string", "close"):
                if match.group("close") is not None:
                    self._close_string(match.start(), match.end())
                elif stop == size:
                    self._close_string(match.start(), stop)
                elif self._after_colon() and self._string_end > match.start():
                    # A value: the line's last token, so it closes at the line's last quote.
                    self._close_string(match.start(), self._string_end)
                else:
                    self._open = match.start()  # goes on past the window
                    self.scanned = match.end()
                return
            kind: TokenKind = "number" if group == "number" else "punct"
            if group == "literal":
                kind = "literal"
            pending = (match.start(), match.end(), kind)
        if stop == size:
            if pending is not None:
                self._add(pending)
            self.scanned = stop
        else:
            self.scanned = pending[0] if pending is not None else self._last_end(position)

    def _last_end(self, position: int) -> int:
        return max(position, self._ends[-1]) if self._ends else position

    def _close_string(self, start: int, end: int) -> None:
        self._open = None
        colon = _COLON.match(self.line, end)
        if colon is not None:
            self._add((start, end, "key"))
            self._add((end, colon.end(), "punct"))
            self.scanned = colon.end()
        else:
            self._add((start, end, "string"))
            self.scanned = end

    def _add(self, span: tuple[int, int, TokenKind]) -> None:
        self._spans.append(span)
        self._ends.append(span[1])
