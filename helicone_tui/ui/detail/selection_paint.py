"""Painting a mouse selection over one row of a Line API view (the JSON tabs, the
conversation): the selected characters get the screen's selection style."""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style


def select_segments(
    segments: list[Segment], span: tuple[int, int] | None, x0: int, style: Style
) -> list[Segment]:
    """``segments`` (a row whose first character is character ``x0`` of its line) with the
    characters in ``span`` (start, end; end -1 for the rest of the line) styled ``style``."""
    if span is None:
        return segments
    text_len = sum(len(segment.text) for segment in segments)
    start = span[0] - x0
    end = text_len if span[1] == -1 else span[1] - x0
    selected: list[Segment] = []
    offset = 0
    for segment in segments:
        seg_start, seg_end = offset, offset + len(segment.text)
        offset = seg_end
        for part_start, part_end, extra in (
            (seg_start, min(seg_end, start), None),
            (max(seg_start, start), min(seg_end, end), style),
            (max(seg_start, end), seg_end, None),
        ):
            if part_end > part_start:
                piece = segment.text[part_start - seg_start : part_end - seg_start]
                seg_style = segment.style + extra if extra and segment.style else extra
                selected.append(Segment(piece, seg_style or segment.style))
    return selected
