"""The fake's HTTP server says nothing when a client goes away (normal: a cancelled fetch, a
closed app), and still prints the traceback of a real error."""

from __future__ import annotations

import socket
import struct
import threading
from typing import Any

import pytest

from helicone_tui.fake import FakeHelicone, serve_in_thread

from .client_support import row, uuid


def reset(sock: socket.socket) -> None:
    """Close with a TCP reset, as a killed client does."""
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    sock.close()


def watch_errors(running: Any, expected: int) -> threading.Event:
    """An event set once the server has handled `expected` errors of its handlers."""
    server = running._server
    handled = threading.Event()
    seen: list[object] = []
    original = server.handle_error

    def counting(request: Any, client_address: Any) -> None:
        try:
            original(request, client_address)
        finally:
            seen.append(client_address)
            if len(seen) >= expected:
                handled.set()

    server.handle_error = counting
    return handled


def test_clients_going_away_print_no_traceback(capsys: pytest.CaptureFixture[str]) -> None:
    fake = FakeHelicone([row(1)])
    with serve_in_thread(fake) as running:
        handled = watch_errors(running, expected=2)
        port = running.port
        # Gone while the server reads the request.
        sock = socket.create_connection(("127.0.0.1", port))
        sock.sendall(b"GET /v1/request/x HTTP/1.1\r\nHost: x\r\n")
        reset(sock)
        # Gone before the answer is written (the fake answers after a delay).
        fake.set_faults(latency_ms=200)
        sock = socket.create_connection(("127.0.0.1", port))
        sock.sendall(f"GET /v1/request/{uuid(1)} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
        reset(sock)
        assert handled.wait(30), "the server never got to the errors"
    err = capsys.readouterr().err
    assert "Traceback" not in err and "ConnectionResetError" not in err
    assert "BrokenPipeError" not in err


def test_a_real_error_in_a_handler_is_still_printed(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = FakeHelicone([row(1)])

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("a bug in the fake")

    monkeypatch.setattr(fake, "handle", broken)
    with serve_in_thread(fake) as running:
        handled = watch_errors(running, expected=1)
        with socket.create_connection(("127.0.0.1", running.port)) as sock:
            sock.sendall(b"GET /v1/request/x HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            assert handled.wait(30), "the server never got to the error"
    err = capsys.readouterr().err
    assert "Traceback" in err and "RuntimeError: a bug in the fake" in err
