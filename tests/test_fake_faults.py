"""Fault switches, the admin endpoint and the rate limiter of the fake (injected clocks only)."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from helicone_tui.fake import FakeHelicone, FakeTransport, Faults, FaultsError, synthetic_rows
from helicone_tui.fake.faults import parse_rate

ROWS = synthetic_rows(5)
IDS = [r["request_id"] for r in ROWS]
QUERY_IDS = "/v1/request/query-ids"


def make_fake(**kwargs: Any) -> FakeHelicone:
    return FakeHelicone([dict(r) for r in ROWS], **kwargs)


def auth(fake: FakeHelicone) -> dict[str, str]:
    return {"Authorization": f"Bearer {fake.keys.write}"}


def get(fake: FakeHelicone, request_id: str = IDS[0], **headers: str) -> Any:
    return fake.handle("GET", f"/v1/request/{request_id}", {**auth(fake), **headers})


def post(fake: FakeHelicone) -> Any:
    body = json.dumps({"requestIds": IDS}).encode()
    return fake.handle("POST", QUERY_IDS, auth(fake), body)


# -- faults -------------------------------------------------------------------------------


def test_all_faults_are_off_by_default() -> None:
    fake = make_fake()
    answers = [get(fake) for _ in range(50)]
    assert {a.status for a in answers} == {200}
    assert not any(a.drop or a.delay for a in answers)
    assert Faults().active() == []


def test_every_nth_500_is_exact() -> None:
    fake = make_fake(faults=Faults(status_500=3))
    statuses = [get(fake).status for _ in range(9)]
    assert statuses == [200, 200, 500, 200, 200, 500, 200, 200, 500]
    failed = make_fake(faults=Faults(status_500=1))
    body = get(failed).json()
    assert set(body) == {"message", "details"}


def test_fractional_rates_are_seeded_and_repeatable() -> None:
    def run(seed: int) -> list[int]:
        fake = make_fake(faults=Faults(status_500=0.5, seed=seed))
        return [get(fake).status for _ in range(40)]

    first = run(1)
    assert first == run(1)
    assert 5 < first.count(500) < 35
    assert first != run(2)


def test_429_fault_carries_retry_after() -> None:
    fake = make_fake(faults=Faults(status_429=1, retry_after=7))
    answer = get(fake)
    assert answer.status == 429
    assert answer.headers["Retry-After"] == "7"
    assert answer.json() == {"error": "Too many requests, please try again later."}


def test_malformed_json_is_a_200_that_does_not_parse() -> None:
    fake = make_fake(faults=Faults(malformed_json=1))
    answer = post(fake)
    assert answer.status == 200
    with pytest.raises(ValueError):
        json.loads(answer.body)


def test_drop_connection_and_latency_are_returned_as_data() -> None:
    fake = make_fake(faults=Faults(drop_connection=1, latency_ms=250))
    answer = get(fake)
    assert answer.drop is True
    assert answer.delay == pytest.approx(0.25)
    assert fake.request_log[-1].status == 0


def test_faults_hit_only_the_chosen_endpoints() -> None:
    fake = make_fake(faults=Faults(status_500=1, paths=("query-ids",)))
    assert post(fake).status == 500
    assert get(fake).status == 200


def test_faults_never_hit_the_signed_url_unless_asked() -> None:
    fake = make_fake(faults=Faults(status_500=1))
    url = fake.handle("GET", f"/v1/request/{IDS[0]}", auth(fake))
    assert url.status == 500  # the API endpoint is hit
    fake.set_faults(status_500=0)
    signed = get(fake).json()["data"]["signed_body_url"]
    fake.set_faults(status_500=1)
    path = signed.removeprefix(fake.base_url)
    assert fake.handle("GET", path, {}).status == 200
    fake.set_faults(paths=["signed-url"])
    assert fake.handle("GET", path, {}).status == 500


def test_changing_a_rate_restarts_its_count() -> None:
    fake = make_fake(faults=Faults(status_500=3))
    assert [get(fake).status for _ in range(2)] == [200, 200]
    fake.set_faults(status_500=2)
    assert [get(fake).status for _ in range(2)] == [200, 500]


def test_set_faults_validates() -> None:
    fake = make_fake()
    with pytest.raises(FaultsError, match="unknown fault"):
        fake.set_faults(status_501=1)
    with pytest.raises(FaultsError):
        fake.set_faults(status_500=2.5)
    with pytest.raises(FaultsError):
        fake.set_faults(paths=["nowhere"])
    assert fake.faults == Faults()


@pytest.mark.parametrize(
    ("text", "rate"),
    [("0.25", 0.25), ("25%", 0.25), ("1/4", 0.25), ("every:4", 4.0), ("every:1", 1.0)],
)
def test_parse_rate(text: str, rate: float) -> None:
    assert parse_rate(text) == rate


def test_parse_rate_rejects_nonsense() -> None:
    with pytest.raises(FaultsError):
        parse_rate("often")


async def test_transport_sleeps_for_latency_and_raises_read_timeout_beyond_it() -> None:
    fake = make_fake(faults=Faults(latency_ms=50))
    async with httpx.AsyncClient(
        transport=FakeTransport(fake), base_url=fake.base_url, headers=auth(fake)
    ) as c:
        assert (await c.get(f"/v1/request/{IDS[0]}")).status_code == 200
        fake.set_faults(latency_ms=5_000)
        with pytest.raises(httpx.ReadTimeout):
            await c.get(f"/v1/request/{IDS[0]}", timeout=0.01)


async def test_transport_drop_raises_remote_protocol_error() -> None:
    fake = make_fake(faults=Faults(drop_connection=1))
    async with httpx.AsyncClient(
        transport=FakeTransport(fake), base_url=fake.base_url, headers=auth(fake)
    ) as c:
        with pytest.raises(httpx.RemoteProtocolError):
            await c.get(f"/v1/request/{IDS[0]}")


# -- admin ----------------------------------------------------------------------------------


def test_admin_reads_patches_and_resets_faults() -> None:
    fake = make_fake(faults=Faults(latency_ms=10))
    answer = fake.handle("GET", "/__admin/faults", {})
    assert answer.json()["latency_ms"] == 10
    patched = fake.handle("PUT", "/__admin/faults", {}, b'{"status_500": 2, "omit_missing": true}')
    assert patched.status == 200
    assert patched.json()["status_500"] == 2
    assert fake.faults.omit_missing is True
    assert [get(fake).status for _ in range(2)] == [200, 500]
    reset = fake.handle("POST", "/__admin/reset", {})
    assert reset.status == 200
    assert fake.faults == Faults(latency_ms=10)
    assert [e.endpoint for e in fake.request_log] == ["admin"]  # only the reset itself


def test_admin_rejects_bad_patches_and_non_loopback_clients() -> None:
    fake = make_fake()
    assert fake.handle("PUT", "/__admin/faults", {}, b"[1]").status == 400
    bad = fake.handle("PUT", "/__admin/faults", {}, b'{"latency_ms": "slow"}')
    assert bad.status == 400
    assert "latency_ms" in bad.json()["error"]
    remote = fake.handle("GET", "/__admin/faults", {}, client_host="10.0.0.8")
    assert remote.status == 403


def test_admin_is_not_subject_to_auth_or_faults() -> None:
    fake = make_fake(faults=Faults(status_500=1, drop_connection=1, latency_ms=100))
    answer = fake.handle("GET", "/__admin/faults", {})
    assert answer.status == 200 and not answer.drop and answer.delay == 0


async def test_admin_switches_a_fault_on_and_off_while_a_client_runs() -> None:
    fake = make_fake()
    async with httpx.AsyncClient(
        transport=FakeTransport(fake), base_url=fake.base_url, headers=auth(fake)
    ) as c:
        assert (await c.get(f"/v1/request/{IDS[0]}")).status_code == 200
        await c.put("/__admin/faults", json={"status_500": 1})
        assert (await c.get(f"/v1/request/{IDS[0]}")).status_code == 500
        await c.put("/__admin/faults", json={"status_500": 0})
        assert (await c.get(f"/v1/request/{IDS[0]}")).status_code == 200


# -- rate limiter -----------------------------------------------------------------------------


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def test_rate_limit_is_off_unless_switched_on() -> None:
    fake = make_fake(faults=Faults(rate_limit_get=2))
    assert {get(fake).status for _ in range(5)} == {200}


def test_rate_limit_per_key_fixed_window_with_headers() -> None:
    clock = Clock()
    fake = make_fake(
        rate_limit=True,
        faults=Faults(rate_limit_get=3, rate_limit_other=2, rate_limit_window_s=60),
        clock=clock,
    )
    first = get(fake)
    assert first.headers["RateLimit-Limit"] == "3"
    assert first.headers["RateLimit-Remaining"] == "2"
    assert [get(fake).status for _ in range(2)] == [200, 200]
    refused = get(fake)
    assert refused.status == 429
    assert refused.json() == {"error": "Too many requests, please try again later."}
    assert refused.headers["RateLimit-Remaining"] == "0"
    reset = int(refused.headers["RateLimit-Reset"])
    assert 0 < reset <= 60
    assert refused.headers["Retry-After"] == str(reset)
    # Separate buckets: query-ids has its own limit.
    assert [post(fake).status for _ in range(3)] == [200, 200, 429]
    # Per key: the read-only key has its own window.
    ro = fake.handle(
        "GET", f"/v1/request/{IDS[0]}", {"Authorization": f"Bearer {fake.keys.read_only}"}
    )
    assert ro.status == 200
    # A new window opens after the reset.
    clock.now += reset
    assert get(fake).status == 200


def test_rate_limit_defaults_are_the_real_ones() -> None:
    faults = Faults()
    assert (faults.rate_limit_window_s, faults.rate_limit_get, faults.rate_limit_other) == (
        300.0,
        600,
        1000,
    )
    clock = Clock()
    fake = make_fake(rate_limit=True, clock=clock)
    statuses = [get(fake).status for _ in range(601)]
    assert statuses.count(200) == 600 and statuses[-1] == 429


def test_rate_limit_can_be_switched_on_at_run_time() -> None:
    fake = make_fake(clock=Clock())
    fake.set_faults(rate_limit=True, rate_limit_get=1)
    assert [get(fake).status for _ in range(2)] == [200, 429]
    fake.set_faults(rate_limit=False)
    assert get(fake).status == 200
