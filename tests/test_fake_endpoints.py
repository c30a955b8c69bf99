"""The fake Helicone's endpoints and quirks (DESIGN.md §1), through the in-process transport."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from helicone_tui.fake import (
    BODY_PLACEHOLDER,
    FakeHelicone,
    FakeTransport,
    builtin_rows,
)
from helicone_tui.fake.dataset import (
    DEMO_IDS,
    ID_5MB,
    ID_500_MESSAGES,
    ID_ANTHROPIC,
    ID_BODY_MISSING,
    ID_BODY_SIGNED_URL_ONLY,
    ID_FORCED_PLACEHOLDER,
    ID_NOT_STORED,
    ID_OPENAI_TOOL_CALLS,
    ID_UNKNOWN,
    ID_VISION_ASSET,
)
from helicone_tui.fake.storage import FAKE_META_KEY
from helicone_tui.models import HeliconeRequest

QUERY_IDS = "/v1/request/query-ids"

# Computing the dataset once keeps the suite fast; each test gets its own fake.
_ROWS = builtin_rows()


@pytest.fixture
def fake() -> FakeHelicone:
    return FakeHelicone([dict(r) for r in _ROWS])


@pytest.fixture
async def client(fake: FakeHelicone) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(
        transport=FakeTransport(fake),
        base_url=fake.base_url,
        headers={"Authorization": f"Bearer {fake.keys.write}"},
    ) as c:
        yield c


async def query(client: httpx.AsyncClient, ids: list[Any]) -> httpx.Response:
    return await client.post(QUERY_IDS, json={"requestIds": ids})


def by_id(rows: list[dict[str, Any] | None]) -> dict[str, dict[str, Any]]:
    return {r["request_id"]: r for r in rows if r is not None}


# -- auth ---------------------------------------------------------------------------------


async def test_write_key_reads_both_endpoints(client: httpx.AsyncClient) -> None:
    assert (await query(client, [ID_OPENAI_TOOL_CALLS])).status_code == 200
    assert (await client.get(f"/v1/request/{ID_OPENAI_TOOL_CALLS}")).status_code == 200


@pytest.mark.parametrize("header", [None, "Bearer sk-helicone-aaaaaaa-bbbbbbb-ccccccc-ddddddd"])
async def test_missing_or_unknown_key_is_401_no_api_key_found(
    fake: FakeHelicone, header: str | None
) -> None:
    headers = {"Authorization": header} if header else {}
    async with httpx.AsyncClient(transport=FakeTransport(fake), base_url=fake.base_url) as c:
        for response in (
            await c.post(QUERY_IDS, json={"requestIds": []}, headers=headers),
            await c.get(f"/v1/request/{ID_OPENAI_TOOL_CALLS}", headers=headers),
        ):
            assert response.status_code == 401
            assert response.json() == {
                "error": "No API key found",
                "trace": "isAuthenticated.error",
            }


@pytest.mark.parametrize("header", ["Token abc", "Bearer", "Basic dXNlcjpwYXNz", "bearer x y"])
async def test_malformed_authorization_header_is_400_plain_text(
    fake: FakeHelicone, header: str
) -> None:
    async with httpx.AsyncClient(transport=FakeTransport(fake), base_url=fake.base_url) as c:
        response = await c.post(
            QUERY_IDS, json={"requestIds": []}, headers={"Authorization": header}
        )
    assert response.status_code == 400
    assert response.text == "Invalid token."
    assert response.headers["content-type"].startswith("text/plain")


async def test_eu_key_is_refused_by_a_us_server_like_an_unknown_key(fake: FakeHelicone) -> None:
    assert fake.keys.eu.startswith("sk-helicone-eu-")
    async with httpx.AsyncClient(transport=FakeTransport(fake), base_url=fake.base_url) as c:
        response = await c.get(
            f"/v1/request/{ID_OPENAI_TOOL_CALLS}",
            headers={"Authorization": f"Bearer {fake.keys.eu}"},
        )
    assert response.status_code == 401
    assert response.json()["error"] == "No API key found"


async def test_eu_server_accepts_eu_keys_and_refuses_us_keys() -> None:
    fake = FakeHelicone([dict(r) for r in _ROWS[:3]], region="eu")
    assert fake.keys.write.startswith("sk-helicone-eu-")
    assert fake.keys.read_only.startswith("sk-helicone-eu-")
    url = f"/v1/request/{fake.request_ids[0]}"
    async with httpx.AsyncClient(transport=FakeTransport(fake), base_url=fake.base_url) as c:
        ok = await c.get(url, headers={"Authorization": f"Bearer {fake.keys.write}"})
        us = await c.get(url, headers={"Authorization": f"Bearer {fake.keys.us}"})
    assert ok.status_code == 200
    assert us.status_code == 401


async def test_read_only_key_gets_401_on_query_ids_but_200_on_get(fake: FakeHelicone) -> None:
    headers = {"Authorization": f"Bearer {fake.keys.read_only}"}
    async with httpx.AsyncClient(transport=FakeTransport(fake), base_url=fake.base_url) as c:
        post = await c.post(QUERY_IDS, json={"requestIds": [ID_ANTHROPIC]}, headers=headers)
        get = await c.get(f"/v1/request/{ID_ANTHROPIC}", headers=headers)
    assert post.status_code == 401
    assert post.json()["trace"] == "isAuthenticated.error"
    assert get.status_code == 200
    assert get.json()["data"]["request_id"] == ID_ANTHROPIC


def test_keys_have_the_real_format() -> None:
    fake = FakeHelicone([])
    pattern = r"^sk-helicone-(eu-)?[a-z0-9]{7}-[a-z0-9]{7}-[a-z0-9]{7}-[a-z0-9]{7}$"
    import re

    for key in (fake.keys.write, fake.keys.read_only, fake.keys.eu):
        assert re.match(pattern, key), key
    assert len({fake.keys.write, fake.keys.read_only, fake.keys.eu}) == 3
    assert FakeHelicone([]).keys == fake.keys  # deterministic


# -- query-ids ------------------------------------------------------------------------------


async def test_query_ids_answers_in_order_with_null_holes(client: httpx.AsyncClient) -> None:
    ids = [ID_OPENAI_TOOL_CALLS, ID_UNKNOWN, ID_ANTHROPIC, "not-even-a-uuid"]
    response = await query(client, ids)
    assert response.status_code == 200
    body = response.json()
    assert body["error"] is None
    data = body["data"]
    assert [r and r["request_id"] for r in data] == [
        ID_OPENAI_TOOL_CALLS,
        None,
        ID_ANTHROPIC,
        None,
    ]


async def test_missing_instead_of_null_is_a_switch(
    fake: FakeHelicone, client: httpx.AsyncClient
) -> None:
    fake.set_faults(omit_missing=True)
    data = (await query(client, [ID_UNKNOWN, ID_ANTHROPIC, ID_UNKNOWN])).json()["data"]
    assert [r["request_id"] for r in data] == [ID_ANTHROPIC]


@pytest.mark.parametrize(
    ("payload", "detail_key"),
    [
        ({"requestIds": [], "limit": 10}, "requestBody"),
        ({}, "requestBody.requestIds"),
        ({"requestIds": "abc"}, "requestBody.requestIds"),
        ({"requestIds": ["ok", 5]}, "requestBody.requestIds.$1"),
        (["abc"], "requestBody"),
    ],
)
async def test_query_ids_wrong_shape_is_422_validation_failed(
    client: httpx.AsyncClient, payload: Any, detail_key: str
) -> None:
    response = await client.post(QUERY_IDS, json=payload)
    assert response.status_code == 422
    body = response.json()
    assert body["message"] == "Validation Failed"
    assert detail_key in body["details"]


async def test_query_ids_rows_carry_bodies_as_get_without_include_body(
    client: httpx.AsyncClient,
) -> None:
    rows = by_id((await query(client, list(DEMO_IDS))).json()["data"])
    for request_id in DEMO_IDS:
        single = (await client.get(f"/v1/request/{request_id}")).json()["data"]
        assert rows[request_id] == single


async def test_small_bodies_inline_large_and_chosen_ones_are_the_placeholder(
    client: httpx.AsyncClient,
) -> None:
    rows = by_id((await query(client, list(DEMO_IDS))).json()["data"])
    assert isinstance(rows[ID_OPENAI_TOOL_CALLS]["request_body"], dict)
    for request_id in (ID_5MB, ID_500_MESSAGES, ID_FORCED_PLACEHOLDER, ID_BODY_MISSING):
        row = rows[request_id]
        assert row["request_body"] == BODY_PLACEHOLDER
        assert row["response_body"] == BODY_PLACEHOLDER
        assert row["signed_body_url"].startswith("http://127.0.0.1:8585/__s3/")
    assert json.loads(BODY_PLACEHOLDER)["helicone_message"].startswith(
        "fetching body from signed_url"
    )


async def test_rows_never_carry_llm_schema_nor_fake_only_keys(
    client: httpx.AsyncClient,
) -> None:
    data = (await query(client, list(DEMO_IDS))).json()["data"]
    for row in data:
        assert "llmSchema" not in row or row["llmSchema"] is None
        assert FAKE_META_KEY not in row
        HeliconeRequest.model_validate(row)
    for request_id in DEMO_IDS:
        full = (await client.get(f"/v1/request/{request_id}?includeBody=true")).json()
        if full.get("data"):
            assert FAKE_META_KEY not in full["data"]


# -- GET /v1/request/{id} -------------------------------------------------------------------


async def test_get_unknown_id_is_200_with_null_data(client: httpx.AsyncClient) -> None:
    response = await client.get(f"/v1/request/{ID_UNKNOWN}")
    assert response.status_code == 200
    assert response.json() == {"data": None, "error": None}


async def test_get_unknown_id_error_only_variant(
    fake: FakeHelicone, client: httpx.AsyncClient
) -> None:
    fake.set_faults(not_found_error_only=True)
    assert (await client.get(f"/v1/request/{ID_UNKNOWN}")).json() == {"error": None}


async def test_include_body_defaults_to_false_and_true_gives_the_real_bodies(
    fake: FakeHelicone, client: httpx.AsyncClient
) -> None:
    plain = (await client.get(f"/v1/request/{ID_5MB}")).json()["data"]
    assert plain["request_body"] == BODY_PLACEHOLDER
    full = (await client.get(f"/v1/request/{ID_5MB}", params={"includeBody": "true"})).json()
    assert full["error"] is None
    stored = fake.row(ID_5MB)
    assert stored is not None
    assert full["data"]["request_body"] == stored["request_body"]
    assert full["data"]["response_body"] == stored["response_body"]


async def test_include_body_bad_value_is_422(client: httpx.AsyncClient) -> None:
    response = await client.get(f"/v1/request/{ID_ANTHROPIC}", params={"includeBody": "yes!"})
    assert response.status_code == 422


@pytest.mark.parametrize("request_id", [ID_BODY_SIGNED_URL_ONLY, ID_BODY_MISSING])
async def test_include_body_is_500_when_the_server_cannot_fetch_the_body(
    client: httpx.AsyncClient, request_id: str
) -> None:
    response = await client.get(f"/v1/request/{request_id}", params={"includeBody": "true"})
    assert response.status_code == 500
    assert response.json() == {"data": None, "error": "Request body not found"}
    assert (await client.get(f"/v1/request/{request_id}")).status_code == 200


async def test_not_stored_row_has_no_bodies_and_no_signed_url(
    client: httpx.AsyncClient,
) -> None:
    for params in ({}, {"includeBody": "true"}):
        data = (await client.get(f"/v1/request/{ID_NOT_STORED}", params=params)).json()["data"]
        assert data["storage_location"] == "not_stored_exceeded_free"
        assert data["request_body"] is None and data["response_body"] is None
        assert data["signed_body_url"] is None


# -- signed body URL ------------------------------------------------------------------------


async def signed_url(client: httpx.AsyncClient, request_id: str) -> str:
    url = (await client.get(f"/v1/request/{request_id}")).json()["data"]["signed_body_url"]
    assert isinstance(url, str)
    return url


async def test_signed_url_gives_request_and_response_without_auth(
    fake: FakeHelicone, client: httpx.AsyncClient
) -> None:
    url = await signed_url(client, ID_BODY_SIGNED_URL_ONLY)
    async with httpx.AsyncClient(transport=FakeTransport(fake)) as bare:
        response = await bare.get(url)
    assert response.status_code == 200
    stored = fake.row(ID_BODY_SIGNED_URL_ONLY)
    assert stored is not None
    assert response.json() == {
        "request": stored["request_body"],
        "response": stored["response_body"],
    }
    assert fake.request_log[-1].endpoint == "signed-url"
    assert fake.request_log[-1].authorization_sent is False


async def test_signed_url_with_an_authorization_header_is_400_like_s3(
    fake: FakeHelicone, client: httpx.AsyncClient
) -> None:
    url = await signed_url(client, ID_5MB)
    response = await client.get(url)  # the client's default headers carry the API key
    assert response.status_code == 400
    assert "Only one auth mechanism allowed" in response.text
    assert response.headers["content-type"] == "application/xml"
    assert fake.request_log[-1].authorization_sent is True


async def test_signed_url_of_a_lost_object_is_404_no_such_key(
    fake: FakeHelicone, client: httpx.AsyncClient
) -> None:
    url = await signed_url(client, ID_BODY_MISSING)
    async with httpx.AsyncClient(transport=FakeTransport(fake)) as bare:
        response = await bare.get(url)
    assert response.status_code == 404
    assert "<Code>NoSuchKey</Code>" in response.text


async def test_tampered_or_expired_signature_is_403(client: httpx.AsyncClient) -> None:
    now = [1_800_000_000.0]
    fake = FakeHelicone([dict(r) for r in _ROWS[:1]], wall_clock=lambda: now[0])
    async with httpx.AsyncClient(
        transport=FakeTransport(fake),
        base_url=fake.base_url,
        headers={"Authorization": f"Bearer {fake.keys.write}"},
    ) as c:
        url = await signed_url(c, fake.request_ids[0])
    async with httpx.AsyncClient(transport=FakeTransport(fake)) as bare:
        assert (await bare.get(url)).status_code == 200
        tampered = url.replace("X-Amz-Signature=", "X-Amz-Signature=0")
        response = await bare.get(tampered)
        assert response.status_code == 403
        assert "SignatureDoesNotMatch" in response.text
        now[0] += 24 * 3600 + 1
        response = await bare.get(url)
        assert response.status_code == 403
        assert "expired" in response.text


async def test_signed_urls_follow_the_base_url(
    fake: FakeHelicone, client: httpx.AsyncClient
) -> None:
    fake.base_url = "http://127.0.0.1:40123"
    url = await signed_url(client, ID_5MB)
    assert url.startswith("http://127.0.0.1:40123/__s3/")


async def test_asset_placeholder_row_has_signed_asset_urls(
    fake: FakeHelicone, client: httpx.AsyncClient
) -> None:
    row = (await client.get(f"/v1/request/{ID_VISION_ASSET}")).json()["data"]
    (key,) = row["asset_ids"]
    content = row["request_body"]["messages"][0]["content"][1]["image_url"]["url"]
    assert content == f'<helicone-asset-id key="{key}"/>'
    asset_url = row["asset_urls"][key]
    async with httpx.AsyncClient(transport=FakeTransport(fake)) as bare:
        image = await bare.get(asset_url)
    assert image.status_code == 200
    assert image.headers["content-type"] == "image/png"
    assert image.content.startswith(b"\x89PNG")


# -- request log ----------------------------------------------------------------------------


async def test_request_log_records_method_path_and_auth_and_is_bounded(
    fake: FakeHelicone, client: httpx.AsyncClient
) -> None:
    await client.get(f"/v1/request/{ID_ANTHROPIC}?includeBody=false")
    entry = fake.request_log[-1]
    assert (entry.method, entry.path, entry.endpoint) == (
        "GET",
        f"/v1/request/{ID_ANTHROPIC}?includeBody=false",
        "get",
    )
    assert entry.authorization_sent is True
    assert entry.status == 200
    assert fake.request_log.maxlen is not None
    for _ in range(fake.request_log.maxlen + 5):
        fake.handle("GET", "/nowhere", {})
    assert len(fake.request_log) == fake.request_log.maxlen


def test_handle_is_synchronous_and_pure_data(fake: FakeHelicone) -> None:
    answer = fake.handle(
        "POST",
        QUERY_IDS,
        {"Authorization": f"Bearer {fake.keys.write}"},
        json.dumps({"requestIds": [ID_ANTHROPIC]}).encode(),
    )
    assert answer.status == 200
    assert answer.delay == 0 and answer.drop is False
    assert answer.json()["data"][0]["request_id"] == ID_ANTHROPIC


def test_rows_without_request_id_are_refused() -> None:
    with pytest.raises(ValueError, match="request_id"):
        FakeHelicone([{"model": "gpt-4o"}])
