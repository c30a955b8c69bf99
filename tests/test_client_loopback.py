"""The client over a real loopback socket: the fake server in a background thread."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from helicone_tui.client import AuthError, HeliconeClient
from helicone_tui.fake import FakeHelicone, serve_in_thread
from helicone_tui.models import BodyState

from .client_support import row, uuid


@pytest.fixture
def server() -> Iterator[tuple[FakeHelicone, str]]:
    fake = FakeHelicone(
        [row(n) for n in range(1, 101)] + [row(500, _fake={"body_storage": "signed_url_only"})]
    )
    with serve_in_thread(fake) as running:
        yield fake, running.url


async def test_list_and_detail_over_a_socket(server: tuple[FakeHelicone, str]) -> None:
    fake, url = server
    ids = [uuid(n) for n in range(1, 101)] + [uuid(777)]
    async with HeliconeClient(fake.keys.write, base_url=url, batch_size=20) as client:
        results = await client.query_ids(ids)
        detail = await client.get_request(uuid(500))
    assert [r.request_id for r in results] == ids
    assert sum(r.found for r in results) == 100 and results[-1].not_found
    assert detail.body_info.state is BodyState.SIGNED_URL
    assert detail.response_body["choices"][0]["message"]["content"] == "a500"
    # The signed URL pointed at the server's real address and got no Authorization header.
    s3 = [r for r in fake.request_log if r.endpoint == "signed-url"]
    assert len(s3) == 1 and not s3[0].authorization_sent and s3[0].status == 200


async def test_a_dropped_connection_over_a_socket_is_retried(
    server: tuple[FakeHelicone, str],
) -> None:
    fake, url = server
    fake.set_faults(drop_connection=2)
    async with HeliconeClient(fake.keys.write, base_url=url) as client:
        for n in (1, 2, 3):
            assert (await client.get_request(uuid(n))).request_id == uuid(n)


async def test_eu_key_refused_by_the_us_server_over_a_socket(
    server: tuple[FakeHelicone, str],
) -> None:
    fake, url = server
    async with HeliconeClient(fake.keys.wrong_region, base_url=url) as client:
        with pytest.raises(AuthError, match="EU"):
            await client.get_request(uuid(1))
