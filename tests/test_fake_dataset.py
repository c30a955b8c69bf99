"""The fake's built-in dataset, synthetic rows and ``--data`` files."""

from __future__ import annotations

import json
import re
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from helicone_tui.fake import DataFileError, FakeHelicone, load_rows_file, synthetic_rows
from helicone_tui.fake.dataset import (
    DEMO_IDS,
    ID_5MB,
    ID_500_MESSAGES,
    ID_ANTHROPIC,
    ID_BODY_MISSING,
    ID_BODY_SIGNED_URL_ONLY,
    ID_CACHED,
    ID_DATA_EVENT,
    ID_EMBEDDING,
    ID_GEMINI,
    ID_IMAGE_GENERATION,
    ID_NOT_STORED,
    ID_OPENAI_RESPONSES,
    ID_OPENAI_SIMPLE,
    ID_OPENAI_TOOL_CALLS,
    ID_OPENAI_TOOL_RESULTS,
    ID_PROVIDER_ERROR,
    ID_STREAMED,
    ID_TOOL_EVENT,
    ID_VECTOR_DB_EVENT,
    ID_VISION_ASSET,
    ROW_KINDS,
    builtin_rows,
    demo_ids,
)
from helicone_tui.fake.storage import FAKE_META_KEY, BodyStorage
from helicone_tui.models import NO_CACHE_REFERENCE, HeliconeRequest

NOW = datetime(2026, 3, 14, 15, 9, 26, tzinfo=UTC)
ROWS = builtin_rows(NOW)
BY_ID = {r["request_id"]: r for r in ROWS}


def api_row(row: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in row.items() if k != FAKE_META_KEY}


def size(value: Any) -> int:
    return len(json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode())


def test_ids_are_uuids_in_display_order_and_unique() -> None:
    assert [r["request_id"] for r in ROWS] == list(DEMO_IDS) == demo_ids()
    assert len(set(DEMO_IDS)) == len(DEMO_IDS)
    for request_id in DEMO_IDS:
        assert str(uuid.UUID(request_id)) == request_id
    assert list(ROW_KINDS.values()) == list(DEMO_IDS)


def test_every_row_validates_and_round_trips_exactly() -> None:
    for row in ROWS:
        data = api_row(row)
        model = HeliconeRequest.model_validate(data)
        assert model.malformed_fields == {}, row["request_id"]
        assert model.to_json_dict() == data
        assert "llmSchema" not in data


def test_metadata_is_consistent() -> None:
    for row in ROWS:
        assert row["total_tokens"] == (
            row["prompt_tokens"] + row["completion_tokens"] + row["reasoning_tokens"]
        )
        assert row["properties"] == row["request_properties"]
        assert isinstance(row["cost"], int | float) and row["cost"] >= 0
        assert row["delay_ms"] > 0
        ttft = row["time_to_first_token"]
        assert ttft is None or 0 < ttft <= row["delay_ms"]
        assert row["storage_location"] in {"s3", "not_stored_exceeded_free"}
        assert row["provider"]
        assert re.match(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", row["request_created_at"])
        assert row["response_created_at"] > row["request_created_at"]
    priced = [r for r in ROWS if r["prompt_tokens"] and r["provider"] != "CUSTOM"]
    assert all(r["cost"] > 0 for r in priced if r["cache_reference_id"] == NO_CACHE_REFERENCE
               and r["response_status"] == 200)  # fmt: skip


def test_rows_look_recent_and_are_deterministic_for_a_given_now() -> None:
    for row in ROWS:
        created = datetime.fromisoformat(row["request_created_at"].replace("Z", "+00:00"))
        assert NOW - timedelta(days=30) < created <= NOW
    assert builtin_rows(NOW) == ROWS
    later = builtin_rows(NOW + timedelta(days=1))
    assert [r["request_id"] for r in later] == list(DEMO_IDS)
    assert later[0]["request_created_at"] != ROWS[0]["request_created_at"]


def test_default_now_is_the_current_time() -> None:
    rows = builtin_rows()
    created = datetime.fromisoformat(rows[0]["request_created_at"].replace("Z", "+00:00"))
    assert datetime.now(UTC) - created < timedelta(days=2)


def test_openai_parallel_tool_calls_and_results() -> None:
    calls = BY_ID[ID_OPENAI_TOOL_CALLS]["response_body"]["choices"][0]["message"]["tool_calls"]
    assert len(calls) >= 2
    followup = BY_ID[ID_OPENAI_TOOL_RESULTS]["request_body"]["messages"]
    tool_ids = {m["tool_call_id"] for m in followup if m["role"] == "tool"}
    assert tool_ids == {c["id"] for c in calls}


def test_responses_api_has_reasoning_and_function_calls() -> None:
    row = BY_ID[ID_OPENAI_RESPONSES]
    assert row["target_url"].endswith("/v1/responses")
    output_types = [item["type"] for item in row["response_body"]["output"]]
    assert {"reasoning", "message", "function_call"} <= set(output_types)
    input_types = {item.get("type") for item in row["request_body"]["input"]}
    assert {"function_call", "function_call_output"} <= input_types
    assert row["reasoning_tokens"] > 0


def test_anthropic_has_system_blocks_thinking_tools_and_image() -> None:
    row = BY_ID[ID_ANTHROPIC]
    body = row["request_body"]
    assert isinstance(body["system"], list)
    blocks = [b for m in body["messages"] for b in m["content"] if isinstance(b, dict)]
    kinds = {b["type"] for b in blocks}
    assert {"image", "thinking", "tool_use", "tool_result"} <= kinds
    image = next(b for b in blocks if b["type"] == "image")
    import base64

    assert base64.b64decode(image["source"]["data"]).startswith(b"\x89PNG")
    assert row["provider"] == "ANTHROPIC"


def test_gemini_function_calls() -> None:
    row = BY_ID[ID_GEMINI]
    parts = row["response_body"]["candidates"][0]["content"]["parts"]
    assert all("functionCall" in p for p in parts)
    assert row["provider"] == "GOOGLE"
    assert ":generateContent" in row["target_url"]


@pytest.mark.parametrize(
    ("request_id", "path"),
    [
        (ID_EMBEDDING, "/v1/embeddings"),
        (ID_IMAGE_GENERATION, "/v1/images/generations"),
        (ID_VISION_ASSET, "/v1/chat/completions"),
    ],
)
def test_other_openai_endpoints(request_id: str, path: str) -> None:
    assert BY_ID[request_id]["request_path"] == path


def test_provider_error_cached_and_streamed_rows() -> None:
    error = BY_ID[ID_PROVIDER_ERROR]
    assert error["response_status"] == 429
    assert error["response_body"]["error"]["message"]
    cached = BY_ID[ID_CACHED]
    assert cached["cache_reference_id"] == ID_OPENAI_SIMPLE
    assert cached["response_body"] == BY_ID[ID_OPENAI_SIMPLE]["response_body"]
    assert BY_ID[ID_OPENAI_SIMPLE]["cache_reference_id"] == NO_CACHE_REFERENCE
    streamed = BY_ID[ID_STREAMED]
    assert streamed["request_body"]["stream"] is True
    assert streamed["time_to_first_token"] < streamed["delay_ms"] / 5


def test_events() -> None:
    for request_id, kind in (
        (ID_TOOL_EVENT, "tool"),
        (ID_VECTOR_DB_EVENT, "vector_db"),
        (ID_DATA_EVENT, "data"),
    ):
        row = BY_ID[request_id]
        assert row["request_body"]["_type"] == kind
        assert row["provider"] == "CUSTOM"


def test_sessions_scores_and_users() -> None:
    sessions = [r for r in ROWS if "Helicone-Session-Id" in r["properties"]]
    assert len(sessions) >= 3
    assert all("Helicone-Session-Path" in r["properties"] for r in sessions)
    assert any(r["scores"] for r in ROWS)
    assert len({r["request_user_id"] for r in ROWS}) > 5


def test_500_message_conversation_with_tool_calls() -> None:
    messages = BY_ID[ID_500_MESSAGES]["request_body"]["messages"]
    assert len(messages) == 500
    assert any(m.get("tool_calls") for m in messages)
    roles = [m["role"] for m in messages if m["role"] in {"user", "assistant"}]
    assert roles.count("user") > 200 and roles.count("assistant") > 200


def test_5mb_row_is_about_5_mb_and_built_fast() -> None:
    row = BY_ID[ID_5MB]
    total = size(row["request_body"]) + size(row["response_body"])
    assert 4.5e6 < total < 6.5e6
    started = time.perf_counter()
    builtin_rows(NOW)
    assert time.perf_counter() - started < 0.5  # the large texts are built once


def test_storage_modes_of_the_special_rows() -> None:
    fake = FakeHelicone([dict(r) for r in ROWS])
    assert fake.body_storage(ID_NOT_STORED) is BodyStorage.NOT_STORED
    assert fake.body_storage(ID_BODY_SIGNED_URL_ONLY) is BodyStorage.SIGNED_URL_ONLY
    assert fake.body_storage(ID_BODY_MISSING) is BodyStorage.LOST
    assert BY_ID[ID_NOT_STORED]["storage_location"] == "not_stored_exceeded_free"


# -- synthetic rows -----------------------------------------------------------------------------


def test_synthetic_rows_are_valid_varied_deterministic_and_fast() -> None:
    started = time.perf_counter()
    rows = synthetic_rows(10_000, now=NOW)
    elapsed = time.perf_counter() - started
    assert elapsed < 3  # generous for slow CI; measured ~0.3 s
    assert len({r["request_id"] for r in rows}) == 10_000
    assert not set(DEMO_IDS) & {r["request_id"] for r in rows}
    assert len({r["provider"] for r in rows}) >= 3
    for row in rows[:200]:
        assert HeliconeRequest.model_validate(row).to_json_dict() == row
        assert row["total_tokens"] == row["prompt_tokens"] + row["completion_tokens"]
    assert synthetic_rows(50, now=NOW) == rows[:50]
    assert synthetic_rows(50, seed=1, now=NOW) != rows[:50]


# -- --data files -------------------------------------------------------------------------------


def test_load_json_array_and_jsonl(tmp_path: Path) -> None:
    rows = [api_row(r) for r in ROWS[:3]]
    array = tmp_path / "rows.json"
    array.write_text(json.dumps(rows))
    lines = tmp_path / "rows.jsonl"
    lines.write_text("\n".join(json.dumps(r) for r in rows) + "\n\n")
    envelope = tmp_path / "answer.json"
    envelope.write_text(json.dumps({"data": rows, "error": None}))
    assert load_rows_file(array) == rows
    assert load_rows_file(lines) == rows
    assert load_rows_file(envelope) == rows
    fake = FakeHelicone(load_rows_file(lines))
    assert fake.request_ids == [r["request_id"] for r in rows]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "empty"),
        ("[{]", "invalid JSON"),
        ('{"request_id": "a"}\n{oops', "line 2"),
        ("[1, 2]", "row 1 is not a JSON object"),
        ('[{"model": "x"}]', "no string request_id"),
        ('[{"request_id": "a"}, {"request_id": "a"}]', "repeats"),
        ("hello", "expected a JSON array"),
        ("[]", "no rows"),
    ],
)
def test_bad_data_files_give_one_line_errors(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content)
    with pytest.raises(DataFileError, match=message) as info:
        load_rows_file(path)
    assert "\n" not in str(info.value)


def test_missing_data_file(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="no such file"):
        load_rows_file(tmp_path / "nope.json")
