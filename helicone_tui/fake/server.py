"""Loopback adapter: the fake behind a real HTTP/1.1 server running in a daemon thread."""

from __future__ import annotations

import contextlib
import socket
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, ClassVar

from .core import FakeHelicone

_STATUS_PHRASES = {429: "Too Many Requests", 422: "Unprocessable Entity"}
# A client that goes away mid-request (a cancelled fetch, a closed app, a reset) is normal.
_CLIENT_GONE = (ConnectionResetError, BrokenPipeError, ConnectionAbortedError)


class _FakeHTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(
        self, address: tuple[str, int], fake: FakeHelicone, sock: socket.socket | None = None
    ) -> None:
        self.fake = fake
        self._open: set[socket.socket] = set()
        self._open_lock = threading.Lock()
        family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
        self.address_family = family
        super().__init__(address, _Handler, bind_and_activate=sock is None)
        if sock is not None:  # bound and listening: serve on it
            self.socket.close()
            self.socket = sock
            self.server_address = sock.getsockname()[:2]
            self.server_name, self.server_port = str(self.server_address[0]), self.server_address[1]

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Print the traceback of a handler's error, unless the client merely went away."""
        if isinstance(sys.exc_info()[1], _CLIENT_GONE):
            return
        super().handle_error(request, client_address)

    def track(self, sock: socket.socket, *, open_: bool) -> None:
        with self._open_lock:
            if open_:
                self._open.add(sock)
            else:
                self._open.discard(sock)

    def close_open_connections(self) -> None:
        """Keep-alive connections outlive ``shutdown()``; close them so clients see the end."""
        with self._open_lock:
            sockets = list(self._open)
        for sock in sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _FakeHTTPServer
    error_content_type = "text/plain; charset=utf-8"
    error_message_format = "%(code)d %(message)s"
    _METHODS: ClassVar[tuple[str, ...]] = ("GET", "POST", "PUT", "PATCH", "DELETE")

    def setup(self) -> None:
        super().setup()
        # Headers and body go out in separate writes; without this, Nagle's algorithm and
        # delayed ACKs add ~40 ms to every keep-alive answer.
        with contextlib.suppress(OSError):
            self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.server.track(self.connection, open_=True)

    def finish(self) -> None:
        self.server.track(self.connection, open_=False)
        with contextlib.suppress(OSError):
            super().finish()

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the request log of the fake records what matters."""

    def _serve(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length > 0 else b""
        answer = self.server.fake.handle(
            self.command,
            self.path,
            {k: v for k, v in self.headers.items()},
            body,
            client_host=self.client_address[0],
        )
        if answer.delay > 0:
            time.sleep(answer.delay)
        if answer.drop:
            # Close without a byte of response, as a crashed upstream or a reset would.
            self.close_connection = True
            with contextlib.suppress(OSError):
                self.connection.shutdown(socket.SHUT_RDWR)
            return
        self.send_response(answer.status, _STATUS_PHRASES.get(answer.status))
        for name, value in answer.headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(answer.body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(answer.body)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = _serve


class RunningFake:
    """A fake served on loopback; a context manager that stops it on exit."""

    def __init__(self, fake: FakeHelicone, server: _FakeHTTPServer, host: str) -> None:
        self.fake = fake
        self._server = server
        self.host = host
        self.port: int = server.server_address[1]
        url_host = "127.0.0.1" if host in {"", "0.0.0.0"} else host
        if ":" in url_host:
            url_host = f"[{url_host}]"
        self.url = f"http://{url_host}:{self.port}"
        self._thread = threading.Thread(
            target=server.serve_forever,
            kwargs={"poll_interval": 0.05},
            name=f"fake-helicone:{self.port}",
            daemon=True,
        )
        self._stopped = False

    def start(self) -> RunningFake:
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._stopped:
            return
        self._stopped = True
        self._server.shutdown()
        self._server.close_open_connections()
        self._server.server_close()
        self._thread.join(timeout=5)

    def serve_forever(self) -> None:
        """Block until ``stop()`` or KeyboardInterrupt (for the CLI)."""
        try:
            while self._thread.is_alive():
                self._thread.join(timeout=0.2)
        finally:
            self.stop()

    def __enter__(self) -> RunningFake:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


def serve_in_thread(
    fake: FakeHelicone,
    host: str = "127.0.0.1",
    port: int = 0,
    *,
    sock: socket.socket | None = None,
) -> RunningFake:
    """Serve ``fake`` on ``host:port`` (0 picks a free port), or on ``sock`` already listening,
    and point its signed URLs there."""
    if sock is not None:  # already bound and listening
        host = str(sock.getsockname()[0])
    server = _FakeHTTPServer((host, port), fake, sock)
    running = RunningFake(fake, server, host)
    fake.base_url = running.url
    return running.start()
