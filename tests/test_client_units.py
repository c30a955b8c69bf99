"""Pieces of the client that need no server: hosts, links, pacing, redaction."""

from __future__ import annotations

import asyncio

import pytest

from helicone_tui.client import Region, TokenBucket, dashboard_url, redact, resolve_base_url
from helicone_tui.client.results import unique_in_order
from helicone_tui.client.secrets import mask_key

from .client_support import FakeTime

US_KEY = "sk-helicone-abcdefg-hijklmn-opqrstu-vwxyz12"
EU_KEY = "sk-helicone-eu-abcdefg-hijklmn-opqrstu-vwxyz12"


@pytest.mark.parametrize(
    ("key", "base", "region", "expected"),
    [
        (US_KEY, None, None, "https://api.helicone.ai"),
        (EU_KEY, None, None, "https://eu.api.helicone.ai"),
        (US_KEY, None, Region.EU, "https://eu.api.helicone.ai"),
        (EU_KEY, None, Region.US, "https://api.helicone.ai"),
        (EU_KEY, "http://localhost:8585/", Region.US, "http://localhost:8585"),
    ],
)
def test_base_url_precedence(
    key: str, base: str | None, region: Region | None, expected: str
) -> None:
    assert resolve_base_url(key, base_url=base, region=region) == expected


def test_dashboard_links() -> None:
    assert dashboard_url("abc", Region.US) == "https://us.helicone.ai/requests?requestId=abc"
    assert dashboard_url("abc", Region.EU) == "https://eu.helicone.ai/requests?requestId=abc"


def test_bucket_allows_a_burst_then_paces_under_600_per_5_minutes() -> None:
    t = FakeTime()
    bucket = TokenBucket(clock=t.clock, sleep=t.sleep)

    async def spend(n: int) -> None:
        for _ in range(n):
            await bucket.acquire()

    asyncio.run(spend(50))
    assert t.sleeps == []  # a burst is instant
    start = t.now
    asyncio.run(spend(540))
    elapsed = t.now - start
    # 50 + 540 requests took at least 5 minutes: never more than 600 in a window.
    assert elapsed >= 299
    assert max(t.sleeps) < 1.0


def test_unique_in_order() -> None:
    assert unique_in_order(["b", "a", " b ", "", "c", "a"]) == ["b", "a", "c"]


def test_redaction() -> None:
    text = f"Authorization: Bearer {US_KEY} and {EU_KEY} here"
    cleaned = redact(text)
    assert US_KEY not in cleaned and EU_KEY not in cleaned
    assert mask_key(EU_KEY).startswith("sk-helicone-eu-") and mask_key(EU_KEY).endswith(
        "xyz12"[-4:]
    )
