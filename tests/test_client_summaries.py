"""The list's query path (`iter_query_summaries`): rows read as `RequestSummary` straight from the
answer's bytes. Same contract as `iter_query_ids`, same tolerance as the full model, and the same
list columns as a summary of the full row."""

from __future__ import annotations

import json
from typing import Any

from helicone_tui.client import AuthError, HeliconeClient, IdResult, ServerError
from helicone_tui.fake import FakeHelicone
from helicone_tui.fake.synthetic import synthetic_rows
from helicone_tui.models import HeliconeRequest
from helicone_tui.models.summary import RequestSummary, parse_summaries, summaries_by_id
from helicone_tui.ui.list_model import RowSummary

from .client_support import make_client, row, uuid

HOSTILE = "\x1b]52;c;aGk=\x07\x1b[2J[b]bold[/b]\u202e\x00" + "x" * 2000

# Wrong types, numbers a float cannot hold, unknown fields, hostile strings.
ODD_ROWS = [
    row(1, prompt_tokens="12", cost=True, model=5, response_status=None),
    row(2, completion_tokens=2**70, total_tokens=-(2**70), delay_ms=[1], costUSD={"a": 1}),
    row(3, cost=None, costUSD=0.5, model=None, model_override=HOSTILE, provider=HOSTILE),
    row(4, unknown_field={"deep": [[[[1]]]]}, response_status=200.0, request_created_at=7),
    row(5, response_model=["x"], request_model="req-model", model=None, provider=False),
    row(6, request_body="\u202e" * 10_000, response_body=HOSTILE * 50, prompt_tokens=2**63),
    row(7, prompt_tokens=2**63 + 1, total_tokens=1.5, cost=1e308),
]


async def _both(
    fake: FakeHelicone, ids: list[str], **options: Any
) -> tuple[list[IdResult], dict[str, IdResult[RequestSummary]]]:
    async with make_client(fake, **options) as client:
        full = await client.query_ids(ids)
        slim = {r.request_id: r async for chunk in client.iter_query_summaries(ids) for r in chunk}
    return full, slim


def _assert_same_columns(full: list[IdResult], slim: dict[str, IdResult[RequestSummary]]) -> None:
    assert set(slim) == {r.request_id for r in full}
    for result in full:
        other = slim[result.request_id]
        assert (other.row is None) == (result.row is None), result.request_id
        assert type(other.error) is type(result.error)
        if result.row is not None and other.row is not None:
            assert isinstance(other.row, RequestSummary)
            assert RowSummary.of(other.row) == RowSummary.of(result.row)


async def test_summaries_match_the_full_rows_on_the_fake_dataset() -> None:
    fake = FakeHelicone()
    ids = [*fake.request_ids, uuid(999_999)]
    full, slim = await _both(fake, ids)
    assert sum(r.found for r in full) == len(fake.request_ids)
    _assert_same_columns(full, slim)


async def test_summaries_match_the_full_rows_on_synthetic_rows() -> None:
    rows = synthetic_rows(600)
    fake = FakeHelicone(rows)
    full, slim = await _both(fake, [r["request_id"] for r in rows], batch_size=250)
    assert all(r.found for r in full)
    _assert_same_columns(full, slim)


async def test_wrong_types_are_set_aside_never_failing_the_batch() -> None:
    fake = FakeHelicone(ODD_ROWS)
    ids = [uuid(n) for n in range(1, 9)]
    full, slim = await _both(fake, ids)
    _assert_same_columns(full, slim)
    one = slim[uuid(1)].row
    assert one is not None
    assert (one.prompt_tokens, one.cost, one.model, one.completion_tokens) == (None, None, None, 5)
    two = slim[uuid(2)].row
    assert two is not None and two.completion_tokens is None and two.total_tokens is None
    assert two.delay_ms is None and two.costUSD is None and two.prompt_tokens == 10
    three = slim[uuid(3)].row
    assert three is not None and three.display_model == HOSTILE and three.cost_usd == 0.5
    four = slim[uuid(4)].row
    assert four is not None and four.response_status == 200.0 and four.request_created_at is None
    assert not hasattr(four, "unknown_field") and not hasattr(four, "request_body")
    five = slim[uuid(5)].row
    assert five is not None and five.display_model == "req-model" and five.provider is None
    six = slim[uuid(6)].row
    assert six is not None and six.prompt_tokens == 2**63
    seven = slim[uuid(7)].row
    assert seven is not None and seven.prompt_tokens is None and seven.total_tokens == 1.5
    assert not slim[uuid(8)].found and slim[uuid(8)].not_found


async def test_the_fast_path_takes_only_clean_answers() -> None:
    clean = json.dumps({"data": [row(1), None, row(2, extra={"x": 1})], "error": None}).encode()
    parsed = parse_summaries(clean)
    assert parsed is not None and set(parsed) == {uuid(1), uuid(2)}
    answers: list[Any] = [
        {"data": [row(1, cost="1")], "error": None},
        {"data": [row(1), "junk"], "error": None},
        {"data": None, "error": "boom"},
        {"data": [row(1)], "error": "boom"},
        {"rows": []},
        [row(1)],
    ]
    for answer in answers:
        assert parse_summaries(json.dumps(answer).encode()) is None, answer
    assert parse_summaries(b"not json") is None
    assert parse_summaries(b'{"data": [' * 5000) is None
    assert parse_summaries(b'{"data": [{"request_id": "a", "cost": Infinity}]}') is None
    tolerant = summaries_by_id(
        [row(1, cost="1"), "junk", None, row(1, cost=9), {"x": 1}, {"request_id": 8}]
    )
    assert list(tolerant) == [uuid(1)] and tolerant[uuid(1)].cost is None  # first row wins


def test_a_summary_of_a_full_row_reads_what_the_full_row_reads() -> None:
    full = HeliconeRequest.model_validate(row(1, prompt_tokens="12", model_override="m"))
    summary = RequestSummary.of(full)
    assert summary.prompt_tokens is None and summary.display_model == "m"
    assert RowSummary.of(summary) == RowSummary.of(full)


async def test_duplicates_holes_and_failed_batches_keep_the_contract() -> None:
    fake = FakeHelicone([row(n) for n in range(1, 21)])
    fake.set_faults(status_500=2, paths=["query-ids"])  # every second POST fails
    ids = [uuid(n) for n in range(1, 21)] + [uuid(1), uuid(500)]
    async with make_client(fake, first_batch_size=5, batch_size=5, concurrency=1) as client:
        results = [r async for chunk in client.iter_query_summaries(ids) for r in chunk]
    assert sorted(r.request_id for r in results) == sorted(set(ids))
    failed = [r for r in results if isinstance(r.error, ServerError)]
    assert failed and all(r.row is None for r in failed)
    assert all(r.found or r.error is not None for r in results)


async def test_read_only_key_and_bad_key_on_the_summary_path() -> None:
    fake = FakeHelicone([row(n) for n in range(1, 5)])
    ids = [uuid(1), uuid(2), uuid(999)]
    async with make_client(fake, fake.keys.read_only) as client:
        results = {r.request_id: r async for c in client.iter_query_summaries(ids) for r in c}
        assert client.read_only
    assert isinstance(results[uuid(2)].row, RequestSummary)
    assert results[uuid(999)].not_found and results[uuid(1)].found
    bad = "sk-helicone-zzzzzzz-zzzzzzz-zzzzzzz-zzzzzzz"
    async with make_client(fake, bad) as client:
        refused = [r async for c in client.iter_query_summaries(ids) for r in c]
        assert bad not in repr(client)
    assert len(refused) == 3 and all(isinstance(r.error, AuthError) for r in refused)
    assert all(bad not in str(r.error) for r in refused)


def test_the_client_offers_both_paths() -> None:
    assert hasattr(HeliconeClient, "iter_query_summaries")
