"""Soft wrap in the JSON tabs: the row map (pure) and the view on the 5 MB demo row."""

from __future__ import annotations

import json
import time
from typing import Any

import pytest
from rich.cells import cell_len, chop_cells

from helicone_tui.mapping import map_request
from helicone_tui.ui.detail import compute_totals, json_highlight, wrap_index
from helicone_tui.ui.detail.body_text import body_to_lines
from helicone_tui.ui.detail.json_highlight import (
    LAZY_WINDOW,
    LineTokens,
    TokenKind,
    json_line_spans,
)
from helicone_tui.ui.detail.json_view import JsonView
from helicone_tui.ui.detail.wrap_index import CELL_WALK_BUDGET, build_wrap_index

from .detail_support import DetailApp, fake_row, row_of, screen_text


def test_wrap_index_maps_rows_to_line_offsets() -> None:
    lines = ["short", "x" * 25, "", "日本語" * 5]
    body = body_to_lines("\n".join(lines))
    assert body.wide == {3: 30}
    index = build_wrap_index(body.lines, body.wide, 10)
    # 25 chars at 9 a row: 3 rows; 30 cells of wide chars at 9 cells a row: 4 chars a row.
    assert index.rows == 1 + 3 + 1 + 4
    spans = [index.locate(row, body.lines) for row in range(index.rows)]
    assert [(s.line, s.start, s.end) for s in spans[1:4]] == [(1, 0, 9), (1, 9, 18), (1, 18, 25)]
    assert "".join(body.lines[s.line][s.start : s.end] for s in spans if s.line == 3) == lines[3]
    assert index.row_of(1, 20) == 3 and index.row_of(3, 14) == 8


def test_a_wide_line_longer_than_the_walk_budget_is_cut_without_walking_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    walked: list[int] = []

    def chop(line: str, width: int) -> list[str]:
        walked.append(len(line))
        return chop_cells(line, width)

    monkeypatch.setattr(wrap_index, "chop_cells", chop)
    long_line = "日本語" * (CELL_WALK_BUDGET // 3 + 1)  # one line past the budget
    lines = ["日本", long_line, "語" * 30]
    index = build_wrap_index(lines, {0: 4, 1: cell_len(long_line), 2: 60}, 41)
    assert walked == [30]  # the short wide line only: not seconds on a 4 MB line of CJK
    rows = [index.locate(row, lines) for row in range(index.rows)]
    assert "".join(lines[s.line][s.start : s.end] for s in rows if s.line == 1) == long_line
    assert max(cell_len(lines[s.line][s.start : s.end]) for s in rows) <= 40


def test_wrap_index_of_a_159k_line_body_is_cheap() -> None:
    body = body_to_lines({"items": [{"id": i, "text": "lorem ipsum " * 10} for i in range(39_750)]})
    started = time.perf_counter()
    index = build_wrap_index(body.lines, body.wide, 118)
    assert time.perf_counter() - started < 0.1
    assert index.rows == len(body.lines) + 39_750  # each "text" line wraps once


async def test_five_megabyte_line_wraps_and_its_tail_is_reachable() -> None:
    row = fake_row("5mb")
    app = DetailApp()
    async with app.run_test(size=(120, 40)) as pilot:
        view = app.detail
        view.show_request(row, map_request(row), compute_totals([row]))
        view.select_tab(4)
        await view.request_body.loaded.wait()
        await pilot.pause()
        json_view = view.request_body.view
        assert json_view.wrap
        longest = max(json_view.lines, key=len)
        assert len(longest) > 4_000_000
        assert json_view.row_count > json_view.line_count + len(longest) // 120
        assert 0 < json_view.lines_rendered <= 40
        json_view.focus()
        await pilot.press("G")
        await pilot.pause()
        # A few screens (focus restyles), never the 40k rows of the long line.
        assert json_view.lines_rendered <= 200
        assert json_view.scroll_y == json_view.max_scroll_y
        # The last characters of the 4.8 MB line are painted, at the end of its last rows.
        shown = "".join(
            json_view.render_line(y).text.removeprefix("↪").rstrip()
            for y in range(json_view.size.height)
        )
        assert longest.rstrip(",")[-40:] in shown
        await pilot.press("pageup", "pageup")
        await pilot.pause()
        assert "↪" in screen_text(app) and json_view.lines_rendered <= 300
        # Colouring stayed lazy: the tokenizer ran over about what was painted (the top and
        # the bottom screens), never over the 4.8 MB line.
        assert json_view.chars_tokenized() < 3 * (40 * 120 + 4 * LAZY_WINDOW)


async def test_first_paint_of_a_five_megabyte_line_tokenizes_only_the_visible_rows() -> None:
    row = fake_row("5mb")
    app = DetailApp()
    async with app.run_test(size=(120, 40)) as pilot:
        view = app.detail
        view.show_request(row, map_request(row), compute_totals([row]))
        view.select_tab(4)
        await view.request_body.loaded.wait()
        await pilot.pause()
        json_view = view.request_body.view
        assert max(map(len, json_view.lines)) > 4_000_000
        # 40 rows of 120 cells, and at most a scan window past the end for each line shown.
        assert 0 < json_view.chars_tokenized() < 40 * 120 + 4 * LAZY_WINDOW
        # The long string is coloured as a string on its first rows.
        string = json_view.get_component_rich_style("json-view--string", partial=True)
        colours = {
            segment.style.color if segment.style else None
            for y in range(json_view.size.height)
            for segment in json_view.render_line(y)
            if "Summarise" in segment.text
        }
        assert colours == {string.color}


def _clipped(spans: list[tuple[int, int, TokenKind]], start: int, end: int) -> list[Any]:
    return [(max(a, start), min(b, end), kind) for a, b, kind in spans if a < end and b > start]


@pytest.mark.parametrize("window", [1, 2, 3, 7, LAZY_WINDOW])
def test_lazy_tokens_match_whole_line_tokens(window: int, monkeypatch: Any) -> None:
    """Row by row, in order and by jumps, with scan windows that cut every kind of token."""
    monkeypatch.setattr(json_highlight, "LAZY_WINDOW", window)
    hostile = 'a": "b\\", "\\"c": 1, true null [ ] { } \u0000 \u00e9 é 日本'
    body = {
        "k": "v",
        hostile: [hostile, 1.5e300, -12, 0.25, True, False, None, [], {}, {hostile: hostile}],
        "": "",
        '": "': '": "',
        "x" * 50: "y" * 50,
        "n": 10**40,
    }
    for line in json.dumps(body, indent=2, ensure_ascii=False).split("\n"):
        whole = json_line_spans(line)
        for width in (1, 4, 9):
            tokens = LineTokens(line)
            starts = list(range(0, len(line), width))
            for start in [*starts[::-1][: len(starts) // 2], *starts]:
                got = tokens.spans_in(start, start + width)
                assert got == _clipped(whole, start, start + width), (line, start, width)


def test_lazy_tokens_of_a_long_value_jump_to_its_end_without_scanning_it() -> None:
    line = '    "content": "' + 'ab\\"c\\\\ ' * 500_000 + '",'
    tokens = LineTokens(line)
    assert tokens.spans_in(0, 100) == [(4, 13, "key"), (13, 14, "punct"), (15, 100, "string")]
    end = len(line)
    assert tokens.spans_in(end - 10, end) == [
        (end - 10, end - 1, "string"),
        (end - 1, end, "punct"),
    ]
    assert tokens.chars_scanned < 3 * LAZY_WINDOW
    # A long key, and a long lone value: still a window per paint until the string's end.
    key = LineTokens('  "' + "k" * 100_000 + '": 1,')
    assert key.spans_in(50_000, 50_010) == [(50_000, 50_010, "key")]
    assert key.chars_scanned < 50_010 + 3 * LAZY_WINDOW


async def test_w_toggles_wrap_and_keeps_the_place() -> None:
    row = row_of(request_body={"a": "word " * 400, "b": 1}, response_body={})
    app = DetailApp()
    async with app.run_test(size=(100, 30)) as pilot:
        view = app.detail
        view.show_request(row, map_request(row), compute_totals([row]))
        view.select_tab(4)
        await view.request_body.loaded.wait()
        await pilot.pause()
        json_view = view.query_one(JsonView)
        text = screen_text(app)
        assert "↪" in text and '"b": 1' in text  # wrapped: the whole value is on screen
        json_view.focus()
        await pilot.press("w")
        await pilot.pause()
        assert not json_view.wrap and "↪" not in screen_text(app)
        assert json_view.row_count == json_view.line_count
        await pilot.press("w")
        await pilot.pause()
        assert json_view.wrap and "↪" in screen_text(app)
