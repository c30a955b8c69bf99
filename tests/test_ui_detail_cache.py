"""The detail cache: bounded by count and by the bytes the details were read from; the request
on screen always stays. And the size it weighs by: the client's count of the answers' bytes."""

from __future__ import annotations

import json

from helicone_tui.fake import FakeHelicone
from helicone_tui.mapping import map_request
from helicone_tui.models import HeliconeRequest
from helicone_tui.ui.fetching import Detail, DetailCache

from .client_support import make_client, row

MB = 1024 * 1024


def detail(request_id: str, size: int) -> Detail:
    request = HeliconeRequest(request_id=request_id).with_raw_size(size)
    return Detail(request, map_request(request))


def test_big_details_evict_the_oldest_until_under_the_byte_budget() -> None:
    cache = DetailCache(capacity=48, byte_budget=100 * MB)
    for name in ("a", "b", "c"):
        cache.put(name, detail(name, 40 * MB))
    assert "a" not in cache
    assert "b" in cache and "c" in cache
    assert cache.total_size == 80 * MB
    cache.put("d", detail("d", 90 * MB))
    assert [key for key in ("a", "b", "c", "d") if key in cache] == ["d"]
    assert cache.total_size == 90 * MB


def test_the_current_request_survives_however_big() -> None:
    cache = DetailCache(capacity=48, byte_budget=100 * MB)
    assert cache.get("current") is None  # the screen asks for what it shows
    cache.put("current", detail("current", 150 * MB))  # over the budget alone: kept
    assert "current" in cache
    for name in ("n1", "n2", "n3"):  # neighbours fetched ahead
        cache.put(name, detail(name, 30 * MB))
        assert "current" in cache
        assert name in cache  # the newest stays too: else it would be fetched again and again
    assert [key for key in ("n1", "n2", "n3") if key in cache] == ["n3"]
    assert cache.total_size == 180 * MB
    # Moving on: the old current request is the oldest, and goes first.
    assert cache.get("n3") is not None
    cache.put("n4", detail("n4", 30 * MB))
    assert "current" not in cache
    assert cache.total_size == 60 * MB


def test_small_details_are_still_bounded_by_count() -> None:
    cache = DetailCache(capacity=3, byte_budget=100 * MB)
    for n in range(5):
        cache.put(str(n), detail(str(n), 1000))
    assert len(cache) == 3 and "0" not in cache and "1" not in cache
    assert cache.total_size == 3000


def test_the_byte_count_follows_replace_discard_and_clear() -> None:
    cache = DetailCache(capacity=48, byte_budget=100 * MB)
    cache.put("a", detail("a", 10))
    cache.put("a", detail("a", 25))  # fetched again (r): replaced, not counted twice
    cache.put("b", detail("b", 5))
    assert cache.total_size == 30
    cache.discard("a")
    cache.discard("missing")
    assert cache.total_size == 5
    cache.clear()
    assert cache.total_size == 0 and len(cache) == 0


def test_a_detail_of_unknown_size_weighs_nothing() -> None:
    request = HeliconeRequest(request_id="x")
    assert Detail(request, map_request(request)).size == 0


async def test_the_client_counts_the_bytes_of_the_answer_with_the_bodies() -> None:
    body = {"messages": [{"role": "user", "content": "x" * 50_000}]}
    fake = FakeHelicone([row(1, request_body=body)])
    async with make_client(fake) as client:
        fetched = await client.get_request(row(1)["request_id"])
    assert fetched.raw_size > len(json.dumps(body))
    assert fetched.model_dump(mode="json").keys().isdisjoint({"raw_size", "_raw_size"})


async def test_bodies_from_the_signed_url_are_counted_as_well() -> None:
    body = {"messages": [{"role": "user", "content": "y" * 50_000}]}
    fake = FakeHelicone([row(1, request_body=body, _fake={"body_storage": "signed_url_only"})])
    async with make_client(fake) as client:
        fetched = await client.get_request(row(1)["request_id"])
        without_bodies = await client.get_request(row(1)["request_id"], include_body=False)
    assert fetched.request_body == body
    assert fetched.raw_size > without_bodies.raw_size + len(json.dumps(body))
