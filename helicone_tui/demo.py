"""The demo: the fake Helicone with its built-in dataset, served on loopback in a thread.

No textual here. The app talks to it over real HTTP like it would to Helicone, and the fake's
work happens on its own thread, never on the UI's event loop.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from .fake import FakeHelicone, RunningFake, builtin_rows, demo_ids, serve_in_thread


@dataclass(frozen=True)
class DemoServer:
    url: str
    key: str = field(repr=False)
    ids: list[str]
    fake: FakeHelicone = field(repr=False)
    running: RunningFake = field(repr=False)

    def stop(self) -> None:
        self.running.stop()


def start_demo(now: datetime | None = None) -> DemoServer:
    """Start the fake on a free loopback port. `now` pins the rows' dates (screenshots)."""
    fake = FakeHelicone(builtin_rows(now))
    running = serve_in_thread(fake)
    return DemoServer(running.url, fake.keys.write, demo_ids(), fake, running)
