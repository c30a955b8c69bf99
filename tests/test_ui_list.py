"""The request list: filling from the fake, not-found rows, filter, sort, remove, clear."""

from __future__ import annotations

from helicone_tui.fake import FakeHelicone, demo_ids, synthetic_rows
from helicone_tui.fake.dataset_ids import ID_ANTHROPIC, ID_OPENAI_SIMPLE, ID_UNKNOWN
from helicone_tui.ui.list_model import EntryState
from helicone_tui.ui.screens.confirm import ConfirmScreen
from helicone_tui.ui.widgets.request_list import RequestList, layout_columns

from .ui_support import (
    builtin_fake,
    list_loaded,
    main_screen,
    make_app,
    notices,
    screen_text,
    wait_for,
)


async def test_initial_ids_fill_the_list_in_paste_order() -> None:
    ids = demo_ids()
    app, _ = make_app(ids=ids)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, list_loaded(app), "list loaded")
        screen = main_screen(app)
        assert [e.request_id for e in screen.model.view] == ids
        assert all(e.state is EntryState.OK for e in screen.model.view)
        text = screen_text(app)
        assert f"{len(ids)} requests" in text
        assert "gpt-4o-2024-08-06" in text
        assert ids[0][:8] in text


async def test_not_found_rows_are_listed_with_reasons_for_the_selected_one() -> None:
    app, _ = make_app(ids=[ID_OPENAI_SIMPLE, ID_UNKNOWN])
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, list_loaded(app))
        screen = main_screen(app)
        assert screen.model.get(ID_UNKNOWN).state is EntryState.NOT_FOUND  # type: ignore[union-attr]
        assert "1 not found" in screen_text(app)
        await pilot.press("j")
        await wait_for(pilot, lambda: screen.detail.state == "detail-error")
        text = screen_text(app)
        assert "not found" in text.lower()
        assert "90" in text  # the API's 90-day window is named as a likely reason


async def test_a_status_line_counts_loading_progress() -> None:
    fake = FakeHelicone(synthetic_rows(30))
    fake.set_faults(latency_ms=200, paths=["query-ids"])
    ids = fake.request_ids
    app, _ = make_app(fake, ids, first_batch_size=10, batch_size=10, concurrency=1)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: "loading " in screen_text(app))
        assert "/ 30" in screen_text(app)
        await wait_for(pilot, list_loaded(app))
        assert "loading" not in screen_text(app).split("\n")[1]


async def test_ten_thousand_ids_from_the_fake() -> None:
    rows = synthetic_rows(10_000)
    fake = FakeHelicone(rows)
    ids = [r["request_id"] for r in rows]
    app, _ = make_app(fake, ids)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, list_loaded(app), "10,000 rows loaded")
        screen = main_screen(app)
        assert len(screen.model.view) == 10_000
        await pilot.press("G")
        assert screen.request_list.selected.request_id == ids[-1]  # type: ignore[union-attr]
        assert ids[-1][:8] in screen_text(app)
        await pilot.press("g")
        assert screen.request_list.cursor == 0


async def test_filter_by_visible_text_and_escape_clears_it() -> None:
    app, _ = make_app(ids=demo_ids())
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, list_loaded(app))
        screen = main_screen(app)
        await pilot.press("slash")
        await pilot.press(*"claude")
        shown = screen.model.view
        assert shown and all("claude" in (e.row.display_model or "") for e in shown if e.row)
        assert len(shown) < len(screen.model)
        assert "filter “claude”" in screen_text(app)
        await pilot.press("enter")
        assert isinstance(app.focused, RequestList)
        assert len(screen.model.view) == len(shown)
        await pilot.press("slash", "escape")
        assert len(screen.model.view) == len(screen.model)


async def test_sort_by_key_and_by_clicking_a_column_title() -> None:
    app, _ = make_app(ids=demo_ids())
    async with app.run_test(size=(160, 40)) as pilot:
        await wait_for(pilot, list_loaded(app))
        screen = main_screen(app)
        screen.sort_by("cost")
        costs = [e.row.cost_usd for e in screen.model.view if e.row and e.row.cost_usd is not None]
        assert costs == sorted(costs, reverse=True)
        await pilot.press("S")
        costs = [e.row.cost_usd for e in screen.model.view if e.row and e.row.cost_usd is not None]
        assert costs == sorted(costs)
        assert "sort: cost ↑" in screen_text(app)
        # Click the "Model" title in the list's header line.
        columns = layout_columns(screen.request_list.scrollable_content_region.width)
        x = 0
        for column, width in columns:
            if column.key == "model":
                break
            x += width + 1
        await pilot.click(RequestList, offset=(x + 1, 0))
        assert screen.model.sort.key == "model"
        models = [(e.row.display_model or "").casefold() for e in screen.model.view if e.row]
        assert models == sorted(models)
        await pilot.press("s")  # cycles on to the next column
        assert screen.model.sort.key == "provider"


async def test_remove_a_row_and_clear_the_list_after_confirming() -> None:
    ids = demo_ids()[:4]
    app, _ = make_app(ids=ids)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, list_loaded(app))
        screen = main_screen(app)
        await pilot.press("j", "d")
        assert [e.request_id for e in screen.model.view] == [ids[0], *ids[2:]]
        assert screen.request_list.selected.request_id == ids[2]  # type: ignore[union-attr]
        await pilot.press("D")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("n")
        await wait_for(pilot, lambda: app.screen is screen)
        assert len(screen.model) == 3
        await pilot.press("D")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("y")
        await wait_for(pilot, lambda: app.screen is screen)
        assert len(screen.model) == 0
        assert screen.detail.state == "detail-empty"


async def test_ids_are_not_listed_twice() -> None:
    app, _ = make_app(ids=[ID_ANTHROPIC])
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, list_loaded(app))
        screen = main_screen(app)
        assert screen.add_ids([ID_ANTHROPIC, ID_OPENAI_SIMPLE]) == 1
        assert [e.request_id for e in screen.model.view] == [ID_ANTHROPIC, ID_OPENAI_SIMPLE]


async def test_a_read_only_key_fills_the_list_and_says_why_it_is_slow() -> None:
    fake = builtin_fake()
    ids = demo_ids()[:3]
    app, _ = make_app(fake, ids=ids, key=fake.keys.read_only)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, list_loaded(app), "list filled by per-id GETs")
        await wait_for(pilot, lambda: any("read-only" in str(n) for n in notices(app)))
        assert main_screen(app).client.read_only
        assert [e.request_id for e in main_screen(app).model.entries] == ids
        shown = [str(n) for n in notices(app)]
        assert sum("read-only" in text for text in shown) == 1  # said once, not per batch
