"""HeliconeClient against the fake Helicone, in-process: every path the issue names."""

from __future__ import annotations

import logging
from typing import Any

import pytest

from helicone_tui.client import (
    AuthError,
    HeliconeError,
    IdResult,
    KeyAccess,
    MalformedResponseError,
    MissingKeyError,
    NetworkError,
    NotFoundError,
    RateLimitedError,
    RequestTimeoutError,
    ServerError,
)
from helicone_tui.fake import FakeHelicone
from helicone_tui.models import BodyState

from .client_support import FakeTime, make_client, row, uuid

ROWS = [row(n) for n in range(1, 31)]


@pytest.fixture
def fake() -> FakeHelicone:
    return FakeHelicone(ROWS)


def posts(fake: FakeHelicone) -> list[Any]:
    return [r for r in fake.request_log if r.method == "POST"]


def gets(fake: FakeHelicone) -> list[Any]:
    return [r for r in fake.request_log if r.method == "GET"]


# --- query_ids ------------------------------------------------------------------------------


async def test_query_ids_answers_each_distinct_id_once_in_input_order(fake: FakeHelicone) -> None:
    wanted = [uuid(5), uuid(999), uuid(1), uuid(5), " " + uuid(2) + " ", uuid(998)]
    async with make_client(fake) as client:
        results = await client.query_ids(wanted)
    assert [r.request_id for r in results] == [uuid(5), uuid(999), uuid(1), uuid(2), uuid(998)]
    assert [r.found for r in results] == [True, False, True, True, False]
    assert isinstance(results[1].error, NotFoundError)
    assert "90 days" in str(results[1].error)
    assert results[0].row is not None and results[0].row.request_id == uuid(5)


async def test_missing_ids_without_null_holes_are_still_answered(fake: FakeHelicone) -> None:
    fake.set_faults(omit_missing=True)
    async with make_client(fake) as client:
        results = await client.query_ids([uuid(999), uuid(3)])
    assert [(r.request_id, r.found) for r in results] == [(uuid(999), False), (uuid(3), True)]


async def test_batches_small_first_then_concurrent_with_progress(fake: FakeHelicone) -> None:
    ids = [uuid(n) for n in range(1, 31)] + [uuid(1000 + n) for n in range(20)]
    chunks: list[list[IdResult]] = []
    async with make_client(fake, first_batch_size=5, batch_size=10, concurrency=3) as client:
        async for chunk in client.iter_query_ids(ids):
            chunks.append(chunk)
    assert len(chunks[0]) == 5 and [r.request_id for r in chunks[0]] == ids[:5]
    assert sorted(len(c) for c in chunks[1:]) == [5, 10, 10, 10, 10]
    answered = [r.request_id for c in chunks for r in c]
    assert sorted(answered) == sorted(ids) and len(answered) == len(set(answered))
    assert len(posts(fake)) == 6  # one POST per chunk: 5 first, then 10, 10, 10, 10, 5


async def test_a_failed_batch_marks_its_ids_and_the_rest_still_arrive(fake: FakeHelicone) -> None:
    ids = [uuid(n) for n in range(1, 21)]
    fake.set_faults(status_500=2, paths=["query-ids"])  # every second POST fails
    async with make_client(fake, first_batch_size=5, batch_size=5, concurrency=1) as client:
        results = await client.query_ids(ids)
    assert len(results) == 20
    failed = [r for r in results if isinstance(r.error, ServerError)]
    found = [r for r in results if r.found]
    assert len(failed) == 10 and len(found) == 10
    assert all(r.error is None or "500" in str(r.error) for r in results)


async def test_read_only_key_falls_back_to_paced_gets(fake: FakeHelicone) -> None:
    ids = [uuid(1), uuid(2), uuid(999), uuid(3)]
    chunks: list[list[IdResult]] = []
    async with make_client(fake, fake.keys.read_only) as client:
        async for chunk in client.iter_query_ids(ids):
            chunks.append(chunk)
        assert client.read_only
        # Later lists skip the POST that is known to fail.
        again = await client.query_ids([uuid(4)])
    assert len(posts(fake)) == 1
    results = {r.request_id: r for c in chunks for r in c}
    assert set(results) == set(ids)
    assert results[uuid(999)].not_found and results[uuid(2)].found
    assert len(chunks) == 4  # one result at a time: progress while a slow list fills
    assert again[0].found


async def test_bad_key_probes_once_then_sends_nothing_more(fake: FakeHelicone) -> None:
    bad = "sk-helicone-zzzzzzz-zzzzzzz-zzzzzzz-zzzzzzz"
    ids = [uuid(n) for n in range(1, 31)]
    async with make_client(fake, bad, first_batch_size=5, batch_size=5) as client:
        results = await client.query_ids(ids)
    assert len(results) == 30 and all(isinstance(r.error, AuthError) for r in results)
    assert [(r.method, r.endpoint) for r in fake.request_log] == [
        ("POST", "query-ids"),
        ("GET", "get"),
    ]


async def test_eu_key_on_the_us_host_says_to_use_the_eu_host(fake: FakeHelicone) -> None:
    async with make_client(fake, fake.keys.wrong_region) as client:
        with pytest.raises(AuthError) as caught:
            await client.get_request(uuid(1))
    text = str(caught.value)
    assert "EU" in text and "--region eu" in text


# --- get_request ------------------------------------------------------------------------------


async def test_get_request_inline_bodies(fake: FakeHelicone) -> None:
    async with make_client(fake) as client:
        got = await client.get_request(uuid(3))
    assert got.body_info.state is BodyState.INLINE
    assert got.response_body["choices"][0]["message"]["content"] == "a3"


async def test_get_request_falls_back_to_the_signed_url_without_the_key() -> None:
    fake = FakeHelicone([row(1, _fake={"body_storage": "signed_url_only"})])
    async with make_client(fake) as client:
        got = await client.get_request(uuid(1))
    assert got.body_info.state is BodyState.SIGNED_URL
    assert got.request_body["messages"][0]["content"] == "q1"
    s3 = [r for r in fake.request_log if r.endpoint == "signed-url"]
    assert len(s3) == 1 and not s3[0].authorization_sent
    assert all(r.authorization_sent for r in fake.request_log if r.endpoint != "signed-url")


async def test_placeholder_bodies_in_the_list_rows_are_fetched_with_the_detail() -> None:
    fake = FakeHelicone([row(1, _fake={"body_storage": "placeholder"})])
    async with make_client(fake) as client:
        listed = (await client.query_ids([uuid(1)]))[0].row
        assert listed is not None and listed.body_info.state is BodyState.PLACEHOLDER
        got = await client.get_request(uuid(1))
    assert got.body_info.state in (BodyState.INLINE, BodyState.SIGNED_URL)
    assert got.response_body["choices"][0]["message"]["content"] == "a1"


async def test_lost_bodies_are_data_not_a_crash() -> None:
    fake = FakeHelicone([row(1, _fake={"body_storage": "lost"})])
    async with make_client(fake) as client:
        got = await client.get_request(uuid(1))
    assert got.body_info.state is BodyState.UNAVAILABLE
    assert "Request body not found" in (got.body_info.detail or "")


async def test_never_stored_bodies_say_so() -> None:
    fake = FakeHelicone([row(1, storage_location="not_stored_exceeded_free")])
    async with make_client(fake) as client:
        got = await client.get_request(uuid(1))
    assert got.body_info.state is BodyState.NOT_STORED
    assert "not_stored_exceeded_free" in (got.body_info.detail or "")


async def test_not_found_names_the_likely_reasons(fake: FakeHelicone) -> None:
    async with make_client(fake) as client:
        with pytest.raises(NotFoundError, match="90 days"):
            await client.get_request(uuid(999))
    fake.set_faults(not_found_error_only=True)
    async with make_client(fake) as client:
        with pytest.raises(NotFoundError):
            await client.get_request(uuid(999))


# --- errors and retries ---------------------------------------------------------------------


async def test_429_is_retried_with_the_servers_wait(fake: FakeHelicone) -> None:
    fake.set_faults(status_429=2, retry_after=7)  # every second request is refused
    t = FakeTime()
    async with make_client(fake, time=t) as client:
        first = await client.get_request(uuid(1))
        second = await client.get_request(uuid(2))
    assert first.request_id == uuid(1) and second.request_id == uuid(2)
    assert t.sleeps == [7.0]


async def test_429_gives_up_with_the_wait_it_needed(fake: FakeHelicone) -> None:
    fake.set_faults(status_429=1, retry_after=9)
    t = FakeTime()
    async with make_client(fake, time=t, max_retries=3) as client:
        with pytest.raises(RateLimitedError) as caught:
            await client.get_request(uuid(1))
    assert caught.value.retry_after == 9 and caught.value.attempts == 4
    assert t.sleeps == [9.0, 9.0, 9.0]
    assert "9 s" in str(caught.value)


async def test_a_wait_beyond_the_bound_is_not_slept(fake: FakeHelicone) -> None:
    fake.set_faults(status_429=1, retry_after=600)
    t = FakeTime()
    async with make_client(fake, time=t) as client:
        with pytest.raises(RateLimitedError) as caught:
            await client.get_request(uuid(1))
    assert t.sleeps == [] and caught.value.retry_after == 600


async def test_real_rate_limit_window_is_waited_out() -> None:
    t = FakeTime()
    fake = FakeHelicone(ROWS, clock=t.clock)
    fake.set_faults(rate_limit=True, rate_limit_get=3, rate_limit_window_s=30)
    async with make_client(fake, time=t) as client:
        for n in range(1, 6):
            assert (await client.get_request(uuid(n))).request_id == uuid(n)
    assert len(t.sleeps) == 1 and 0 < t.sleeps[0] <= 30


@pytest.mark.parametrize(
    ("faults", "error"),
    [
        ({"status_500": 1}, ServerError),
        ({"malformed_json": 1}, MalformedResponseError),
        ({"drop_connection": 1}, NetworkError),
    ],
)
async def test_faults_become_typed_errors(
    fake: FakeHelicone, faults: dict[str, Any], error: type[HeliconeError]
) -> None:
    fake.set_faults(**faults)
    async with make_client(fake) as client:
        with pytest.raises(error):
            await client.get_request(uuid(1))
        results = await client.query_ids([uuid(1), uuid(2)])
    assert all(isinstance(r.error, error) for r in results)


async def test_a_dropped_connection_is_retried_once(fake: FakeHelicone) -> None:
    fake.set_faults(drop_connection=2)  # every second request is dropped
    async with make_client(fake) as client:
        got = await client.get_request(uuid(1))
        got2 = await client.get_request(uuid(2))
    assert got.request_id == uuid(1) and got2.request_id == uuid(2)


async def test_timeout(fake: FakeHelicone) -> None:
    fake.set_faults(latency_ms=5_000)
    async with make_client(fake, timeout=0.05) as client:
        with pytest.raises(RequestTimeoutError, match="in time"):
            await client.get_request(uuid(1))


async def test_network_down_is_a_network_error() -> None:
    from helicone_tui.client import HeliconeClient

    async with HeliconeClient(
        "sk-helicone-aaaaaaa-bbbbbbb-ccccccc-ddddddd", base_url="http://127.0.0.1:9", timeout=2
    ) as client:
        with pytest.raises(NetworkError, match="Cannot reach"):
            await client.get_request(uuid(1))


def test_missing_key_is_refused_before_anything_is_sent() -> None:
    from helicone_tui.client import HeliconeClient

    with pytest.raises(MissingKeyError, match="HELICONE_API_KEY"):
        HeliconeClient("  ")


@pytest.mark.parametrize("key", ["sk-helicone-é", "sk-helicone-abc def", "sk-helicone-a\x00"])
def test_a_key_with_impossible_characters_is_refused_before_sending(key: str) -> None:
    from helicone_tui.client import HeliconeClient, InvalidKeyError

    with pytest.raises(InvalidKeyError, match="characters a key cannot have") as caught:
        HeliconeClient(key)
    assert isinstance(caught.value, MissingKeyError)  # callers treat it as "no usable key"
    assert key not in str(caught.value)


async def test_verify_key(fake: FakeHelicone) -> None:
    async with make_client(fake) as client:
        assert await client.verify_key() is KeyAccess.READ_WRITE
    async with make_client(fake, fake.keys.read_only) as client:
        assert await client.verify_key() is KeyAccess.READ_ONLY
    async with make_client(fake, "sk-helicone-zzzzzzz-zzzzzzz-zzzzzzz-zzzzzzz") as client:
        with pytest.raises(AuthError):
            await client.verify_key()


# --- the key never leaks ----------------------------------------------------------------------


async def test_the_key_never_appears_in_logs_reprs_or_errors(
    fake: FakeHelicone, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    texts: list[str] = []
    for key in (fake.keys.write, fake.keys.wrong_region, fake.keys.read_only):
        for faults in ({}, {"status_500": 1}, {"malformed_json": 1}, {"status_429": 1}):
            fake.reset()
            fake.set_faults(**faults, retry_after=1)
            async with make_client(fake, key, max_retries=1) as client:
                texts.append(repr(client))
                try:
                    await client.get_request(uuid(1))
                except HeliconeError as exc:
                    texts += [str(exc), repr(exc), exc.message, exc.hint or ""]
                for result in await client.query_ids([uuid(1), uuid(999)]):
                    texts.append(repr(result))
        everything = "\n".join(texts) + caplog.text
        assert key not in everything
        assert key[12:] not in everything
    assert "HeliconeClient(base_url=" in texts[0]


async def test_an_error_in_a_200_answer_does_not_read_like_success() -> None:
    import httpx

    from helicone_tui.client import HeliconeClient

    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"data": None, "error": "Something went wrong"})

    async with HeliconeClient(
        "sk-helicone-aaaaaaa-bbbbbbb-ccccccc-ddddddd",
        base_url="http://helicone.test",
        transport=httpx.MockTransport(answer),
    ) as client:
        results = await client.query_ids([uuid(1)])
    error = results[0].error
    assert isinstance(error, ServerError) and "Something went wrong" in str(error)
    assert error.short == "error"  # not "200", which a status column would read as success
    assert ServerError(503).short == "503"
