"""Where each display row of a soft-wrapped body starts (pure: no textual).

A body's lines are wrapped to the view's width; display row ``r`` must map to (source line, char
offset) without walking the body at paint time. ``starts`` is a prefix sum of rows per line, so
a row is one ``bisect``; building it is arithmetic on ``len`` for lines whose characters are one
cell each (159k lines: a few ms), and a real cell walk only for the few lines that hold wide or
zero-width characters.

A wrapped line's rows hold ``width - 1`` characters so a continuation row has room for its
marker in the first column; a line that fits is one row of up to ``width`` cells.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import accumulate

from rich.cells import chop_cells

# Walking cells costs ~0.4 µs a character (this runs on the UI thread); wide lines are walked
# while their characters add up to this many, and the others (every one past it, and any longer
# line) are cut every ``(width - 1) // 2`` characters, which always fits (no character is wider
# than two cells) and costs nothing, at the price of some unused room on the right.
CELL_WALK_BUDGET = 50_000


@dataclass(frozen=True, slots=True)
class RowSpan:
    line: int
    part: int
    """0 for the first row of a line, then 1, 2, … for its continuation rows."""
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class WrapIndex:
    width: int
    chunk: int
    """Characters in each row of a wrapped line whose characters are one cell each."""
    starts: list[int]
    """``starts[i]`` is the first row of line ``i``; the last item is the number of rows."""
    offsets: dict[int, list[int]]
    """For wrapped lines with wide characters: the char offset where each of its rows starts."""

    @property
    def rows(self) -> int:
        return self.starts[-1]

    def locate(self, row: int, lines: Sequence[str]) -> RowSpan:
        line = bisect_right(self.starts, row) - 1
        part = row - self.starts[line]
        size = len(lines[line])
        offsets = self.offsets.get(line)
        if offsets is not None:
            start = offsets[part]
            end = offsets[part + 1] if part + 1 < len(offsets) else size
        elif self.starts[line + 1] - self.starts[line] == 1:
            start, end = 0, size
        else:
            start = part * self.chunk
            end = min(start + self.chunk, size)
        return RowSpan(line, part, start, end)

    def row_of(self, line: int, offset: int) -> int:
        """The display row showing char ``offset`` of ``line``."""
        line = min(max(line, 0), len(self.starts) - 2)
        if line < 0:
            return 0
        first, count = self.starts[line], self.starts[line + 1] - self.starts[line]
        offsets = self.offsets.get(line)
        if offsets is not None:
            part = bisect_right(offsets, offset) - 1
        else:
            part = offset // self.chunk if count > 1 else 0
        return first + min(max(part, 0), count - 1)


def build_wrap_index(lines: Sequence[str], wide: Mapping[int, int], width: int) -> WrapIndex:
    """Rows of ``lines`` wrapped at ``width`` cells; ``wide`` maps line -> cells for the lines
    whose cell width is not their length."""
    width = max(width, 2)
    chunk = width - 1
    counts = [1 if size <= width else -(-size // chunk) for size in map(len, lines)]
    offsets: dict[int, list[int]] = {}
    walked = 0
    for index, cells in wide.items():
        line = lines[index]
        if cells <= width:
            counts[index] = 1
            continue
        if walked + len(line) <= CELL_WALK_BUDGET:  # a 4 MB line of CJK would take seconds
            walked += len(line)
            starts = [0, *accumulate(len(part) for part in chop_cells(line, chunk))][:-1]
        else:
            starts = list(range(0, len(line), max(1, chunk // 2)))
        offsets[index] = starts
        counts[index] = len(starts)
    return WrapIndex(width, chunk, [0, *accumulate(counts)], offsets)
