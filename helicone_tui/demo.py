"""The demo: the fake Helicone with its built-in dataset, served on loopback in a thread.

No textual here. The app talks to it over real HTTP like it would to Helicone, and the fake's
work happens on its own thread, never on the UI's event loop.
"""

from __future__ import annotations

import socket
import threading
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the fake loads in `PendingDemo.start`, off the UI's first frame
    from .fake import FakeHelicone, RunningFake


@dataclass(frozen=True)
class DemoServer:
    url: str
    key: str = field(repr=False)
    ids: list[str]
    fake: FakeHelicone = field(repr=False)
    running: RunningFake = field(repr=False)

    def stop(self) -> None:
        self.running.stop()


class PendingDemo:
    """The demo with its loopback socket already listening, so its URL, key and ids are known
    before its dataset is built: the app paints first and calls `start` in a thread; requests
    sent meanwhile wait in the socket's backlog."""

    def __init__(self, sock: socket.socket, key: str, ids: list[str]) -> None:
        self._sock = sock
        host, port = sock.getsockname()[:2]
        self.url = f"http://{host}:{port}"
        self.key = key
        self.ids = ids
        self._lock = threading.Lock()
        self._server: DemoServer | None = None
        self._stopped = False

    def __repr__(self) -> str:
        return f"PendingDemo(url={self.url!r})"

    def start(self, now: datetime | None = None) -> DemoServer:
        """Build the dataset and serve it on the socket (slow: call it in a thread)."""
        from .fake import FakeHelicone, builtin_rows, serve_in_thread

        try:
            fake = FakeHelicone(builtin_rows(now))
            if fake.keys.write != self.key:
                raise AssertionError("the demo's key changed")
        except BaseException:
            self.stop()  # requests waiting in the backlog fail now, not at their timeout
            raise
        with self._lock:
            if self._stopped:
                raise RuntimeError("the demo was stopped before it started")
            running = serve_in_thread(fake, sock=self._sock)
            self._server = DemoServer(running.url, self.key, self.ids, fake, running)
            return self._server

    def stop(self) -> None:
        with self._lock:
            self._stopped = True
            if self._server is not None:
                self._server.stop()
            else:
                self._sock.close()


def reserve_demo() -> PendingDemo:
    """Listen on a free loopback port for the demo; cheap (no dataset built, the fake's server
    and core not imported)."""
    from .fake.dataset_ids import DEMO_IDS
    from .fake.keys import US_WRITE_KEY

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.bind(("127.0.0.1", 0))
        sock.listen(64)
    except OSError:
        sock.close()
        raise
    return PendingDemo(sock, US_WRITE_KEY, list(DEMO_IDS))


def start_demo(now: datetime | None = None) -> DemoServer:
    """Start the fake on a free loopback port. `now` pins the rows' dates (screenshots)."""
    return reserve_demo().start(now)
