"""The list at scale: a batch of results costs O(batch), listed rows hold only what the list
shows, and the client lets go of each batch once it has been handed over."""

from __future__ import annotations

import gc
import random
from typing import Any

import pytest

from helicone_tui.client import HeliconeError, IdResult, NotFoundError
from helicone_tui.fake import FakeHelicone, synthetic_rows
from helicone_tui.models import HeliconeRequest
from helicone_tui.ui.detail import totals as totals_module
from helicone_tui.ui.detail.totals import ExactSum, compute_totals
from helicone_tui.ui.list_model import EntryState, ListEntry, RequestListModel, RowSummary
from helicone_tui.ui.screens.confirm import ConfirmScreen

from .client_support import make_client
from .ui_support import list_loaded, main_screen, make_app, wait_for

ROWS = synthetic_rows(400)


def _result(raw: dict[str, Any], **changes: Any) -> IdResult:
    row = HeliconeRequest.model_validate({**raw, **changes})
    return IdResult(row.request_id, row=row)


def _brute_counts(model: RequestListModel) -> dict[EntryState, int]:
    counts = dict.fromkeys(EntryState, 0)
    for entry in model.entries:
        counts[entry.state] += 1
    return counts


def _check(model: RequestListModel) -> None:
    assert model.totals() == compute_totals(model.loaded_rows())
    assert model.counts() == _brute_counts(model)
    done = sum(1 for e in model.entries if not e.loading)
    assert model.progress() == (done, len(model))


def test_running_totals_and_counts_equal_a_full_walk_through_adds_removes_and_refetches() -> None:
    rng = random.Random(5)
    model = RequestListModel()
    ids = [r["request_id"] for r in ROWS]
    model.add_ids(ids)
    _check(model)
    for start in range(0, 300, 50):  # batches, some rows found, some not, some failed
        batch: list[IdResult] = []
        for raw in ROWS[start : start + 50]:
            roll = rng.random()
            if roll < 0.1:
                batch.append(IdResult(raw["request_id"], error=NotFoundError(raw["request_id"])))
            elif roll < 0.2:
                batch.append(IdResult(raw["request_id"], error=HeliconeError("HTTP 500")))
            else:
                batch.append(_result(raw))
        model.apply(batch)
        _check(model)
    for request_id in rng.sample(ids[:300], 40):
        model.remove(request_id)
        _check(model)
    # Refetch: failed rows go back to loading, then come back found with other figures.
    failed = model.failed_ids()
    model.mark_loading(failed)
    _check(model)
    by_id = {r["request_id"]: r for r in ROWS}
    model.apply(_result(by_id[i], cost=1.5, model="other-model") for i in failed)
    _check(model)
    # A row found again (detail fetched) replaces its old figures rather than adding to them.
    found = next(e.request_id for e in model.entries if e.state is EntryState.OK)
    model.apply([_result(by_id[found], cost=0.25, prompt_tokens=7)])
    _check(model)
    model.remove("not listed")
    model.clear()
    _check(model)
    assert model.totals().requests == 0 and model.totals().cost_usd == 0.0
    model.add_ids(ids[:10])
    model.apply(_result(by_id[i]) for i in ids[:10])
    _check(model)


def test_a_batch_costs_o_batch_not_o_list(monkeypatch: pytest.MonkeyPatch) -> None:
    """Totals, counts and progress after each batch touch the batch's rows, never the list's."""
    model = RequestListModel()
    model.add_ids(r["request_id"] for r in ROWS)
    results = [_result(raw) for raw in ROWS]

    rows_summed = 0
    add = totals_module._ModelSlot.add

    def counting_add(self: Any, row: Any, sign: int) -> None:
        nonlocal rows_summed
        rows_summed += 1
        add(self, row, sign)

    states_read = 0
    state = ListEntry.state.fget  # type: ignore[attr-defined]

    def counting_state(self: ListEntry) -> EntryState:
        nonlocal states_read
        states_read += 1
        return state(self)  # type: ignore[no-any-return]

    monkeypatch.setattr(totals_module._ModelSlot, "add", counting_add)
    monkeypatch.setattr(ListEntry, "state", property(counting_state))
    batches = [results[i : i + 40] for i in range(0, len(results), 40)]
    for batch in batches:
        model.apply(batch)
        model.totals()
        model.counts()
        model.progress()
    assert rows_summed == len(ROWS)  # each row added to the totals once
    assert states_read <= 2 * len(ROWS)  # each entry's state read before and after its update
    assert model.totals() == compute_totals(e.row for e in model.entries if e.row)


def test_exact_sums_do_not_depend_on_order_and_undo_exactly() -> None:
    values = [0.1, 0.2, 0.3, 1e-9, 123.456, 5e-324, 1e300]
    forward, backward = ExactSum(), ExactSum()
    for v in values:
        forward.add(v)
    for v in reversed(values):
        backward.add(v)
    assert forward.value == backward.value
    for v in values:
        forward.remove(v)
    assert forward.value == 0.0
    huge = ExactSum()
    huge.add(1.7e308)
    huge.add(1.7e308)
    assert huge.value == float("inf")


def test_listed_rows_are_summaries_without_bodies() -> None:
    model = RequestListModel()
    model.add_ids([ROWS[0]["request_id"]])
    model.apply([_result(ROWS[0])])
    entry = model.get(ROWS[0]["request_id"])
    assert entry is not None and isinstance(entry.row, RowSummary)
    for heavy in ("request_body", "response_body", "properties", "llmSchema", "signed_body_url"):
        assert not hasattr(entry.row, heavy)
    assert entry.row.display_model == HeliconeRequest.model_validate(ROWS[0]).display_model


async def test_the_filled_list_holds_no_full_rows_and_its_totals_match_the_rows() -> None:
    fake = FakeHelicone(synthetic_rows(120))
    ids = fake.request_ids
    app, _ = make_app(fake, ids, first_batch_size=10, batch_size=25)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, list_loaded(app), "list loaded")
        screen = main_screen(app)
        assert all(isinstance(e.row, RowSummary) for e in screen.model.entries)
        full = [HeliconeRequest.model_validate(fake.row(i)) for i in ids]
        assert screen.model.totals() == compute_totals(full)
        # The Cost tab's totals catch up (they repaint at most every TOTALS_DELAY_S).
        await wait_for(pilot, lambda: screen._totals.requests == len(ids), "totals shown")
        assert screen._totals == compute_totals(full)
        # Removing a row takes it out of the totals.
        await pilot.press("d")
        assert screen.model.totals() == compute_totals(
            r for r in full if r.request_id in screen.model
        )
        await pilot.press("D")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen), "confirm")
        await pilot.press("y")
        await wait_for(pilot, lambda: len(screen.model) == 0, "cleared")
        assert screen.model.totals() == compute_totals([])


async def test_the_client_lets_go_of_each_batch_once_handed_over() -> None:
    fake = FakeHelicone(synthetic_rows(60))
    alive: list[int] = []
    async with make_client(fake, first_batch_size=5, batch_size=5, concurrency=1) as client:
        async for chunk in client.iter_query_ids(fake.request_ids):
            del chunk
            gc.collect()
            alive.append(sum(1 for o in gc.get_objects() if isinstance(o, HeliconeRequest)))
    # Batches done but not yet handed over are held (the fake answers at once); those handed
    # over are let go. A list of the finished tasks kept all 60 rows to the end.
    assert alive[-1] <= 15, str(alive)
    assert alive[-1] < max(alive) // 2, str(alive)


async def test_objects_older_than_a_fill_are_frozen_for_the_gc_only_while_it_runs() -> None:
    """Full collections during a fill walk only what the fill made (a walk of the whole app
    stalled the loop 50-200 ms, several times per fill); the freeze always ends with it."""
    fake = FakeHelicone(synthetic_rows(40))
    fake.set_faults(latency_ms=100, paths=["query-ids"])
    ids = fake.request_ids
    app, _ = make_app(fake, first_batch_size=10, batch_size=10, concurrency=1)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = main_screen(app)
        assert gc.get_freeze_count() == 0
        screen.add_ids(ids[:20])
        await wait_for(pilot, lambda: gc.get_freeze_count() > 0, "frozen while filling")
        await wait_for(pilot, list_loaded(app), "list loaded")
        await wait_for(pilot, lambda: gc.get_freeze_count() == 0, "unfrozen after")
        screen.add_ids(ids[20:])  # a fill cut short by clearing the list unfreezes too
        await wait_for(pilot, lambda: gc.get_freeze_count() > 0, "frozen again")
        screen.clear_list()
        await wait_for(pilot, lambda: gc.get_freeze_count() == 0, "unfrozen after clearing")
