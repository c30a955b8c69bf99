"""In-process adapter: an httpx transport that answers from a ``FakeHelicone``."""

from __future__ import annotations

import asyncio

import httpx

from .core import FakeHelicone


class FakeTransport(httpx.AsyncBaseTransport):
    """Answers httpx requests from the fake without sockets.

    Latency is awaited (never blocking the loop); a latency beyond the request's read timeout
    raises ``httpx.ReadTimeout`` after that timeout, and a dropped connection raises
    ``httpx.RemoteProtocolError``, as a real server would make httpx do.
    """

    def __init__(self, fake: FakeHelicone, *, client_host: str = "127.0.0.1") -> None:
        self.fake = fake
        self._client_host = client_host

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        body = await request.aread()
        target = request.url.raw_path.decode("ascii")
        answer = self.fake.handle(
            request.method,
            target,
            dict(request.headers),
            body,
            client_host=self._client_host,
        )
        if answer.delay > 0:
            timeout = request.extensions.get("timeout", {}).get("read")
            if timeout is not None and answer.delay > timeout:
                await asyncio.sleep(timeout)
                raise httpx.ReadTimeout("timed out (fake latency)", request=request)
            await asyncio.sleep(answer.delay)
        if answer.drop:
            raise httpx.RemoteProtocolError(
                "Server disconnected without sending a response.", request=request
            )
        return httpx.Response(
            answer.status,
            headers=answer.headers,
            content=answer.body,
            request=request,
            extensions={"http_version": b"HTTP/1.1"},
        )
