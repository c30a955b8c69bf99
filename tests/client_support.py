"""Building clients over the fake Helicone for tests: in-process, injected clock and sleep."""

from __future__ import annotations

from typing import Any

from helicone_tui.client import HeliconeClient, TokenBucket
from helicone_tui.fake import FakeHelicone, FakeTransport


class FakeTime:
    """A clock that only moves when the code under test sleeps: no real waiting, ever."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


def uuid(n: int) -> str:
    return f"00000000-0000-4000-8000-{n:012d}"


def row(n: int, **fields: Any) -> dict[str, Any]:
    """A small realistic row; `_fake={"body_storage": ...}` picks how its bodies are stored."""
    return {
        "request_id": uuid(n),
        "request_created_at": "2026-11-01T10:00:00.000Z",
        "request_body": {
            "model": "gpt-4o-mini",
            "messages": [{"role": "user", "content": f"q{n}"}],
        },
        "response_body": {"choices": [{"message": {"role": "assistant", "content": f"a{n}"}}]},
        "response_status": 200,
        "provider": "OPENAI",
        "model": "gpt-4o-mini",
        "prompt_tokens": 10,
        "completion_tokens": 5,
        "total_tokens": 15,
        "cost": 0.0001,
        "storage_location": "s3",
        **fields,
    }


def make_client(
    fake: FakeHelicone,
    key: str | None = None,
    *,
    time: FakeTime | None = None,
    **options: Any,
) -> HeliconeClient:
    t = time or FakeTime()
    return HeliconeClient(
        key or fake.keys.write,
        base_url=fake.base_url,
        transport=FakeTransport(fake),
        sleep=t.sleep,
        clock=t.clock,
        get_bucket=TokenBucket(clock=t.clock, sleep=t.sleep),
        **options,
    )
