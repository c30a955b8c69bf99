"""tool, vector-db and data events with our own rows."""

from __future__ import annotations

from typing import Any

from helicone_tui.mapping import conversation_to_markdown, map_request
from helicone_tui.models import HeliconeRequest


def row(request: Any, response: Any, **extra: Any) -> HeliconeRequest:
    fields: dict[str, Any] = {
        "provider": "CUSTOM",
        "response_status": 200,
        "response_created_at": "2025-02-03T04:05:06Z",
        **extra,
    }
    return HeliconeRequest(request_id="e", request_body=request, response_body=response, **fields)


def test_tool_event_and_timestamp_from_the_row() -> None:
    mapped = map_request(
        row(
            {"_type": "tool", "toolName": "Search", "input": {"q": "x"}},
            {
                "_type": "tool",
                "toolName": "Search",
                "status": "success",
                "results": [1, 2, 3],
                "tips": ["narrow it"],
            },
            model="tool:Search",
        )
    )
    assert mapped.mapper == "tool"
    schema = mapped.schema.to_json_dict()
    assert schema["request"]["toolDetails"] == {
        "_type": "tool",
        "toolName": "Search",
        "input": {"q": "x"},
    }
    details = schema["response"]["toolDetailsResponse"]
    assert details["metadata"] == {"timestamp": "2025-02-03T04:05:06Z"}
    assert details["tips"] == ["narrow it"]
    assert mapped.preview.response == "Status: success Found 3 results"
    markdown = conversation_to_markdown(mapped)
    assert "## Tool `Search`" in markdown and "**Status:** success" in markdown


def test_vector_db_query() -> None:
    mapped = map_request(
        row(
            {
                "_type": "vector_db",
                "operation": "search",
                "text": "q",
                "topK": 3,
                "vector": [0.1] * 1000,
                "databaseName": "db",
            },
            {"status": "success", "message": "3 matches", "matches": [{"id": 1}]},
            model="vector_db",
        )
    )
    assert mapped.mapper == "vector-db"
    details = mapped.schema.to_json_dict()["response"]["vectorDBDetailsResponse"]
    assert details["matches"] == [{"id": 1}] and details["status"] == "success"
    assert mapped.preview.request == "Operation: search Database: db Text: q Top K: 3"
    assert "0.1, 0.1" not in conversation_to_markdown(mapped)  # the vector is left out


def test_data_event() -> None:
    mapped = map_request(
        row(
            {"_type": "data", "name": "signup", "meta": {"plan": "pro"}},
            {"status": "ok", "message": "stored"},
            model="data",
        )
    )
    assert mapped.mapper == "data"
    schema = mapped.schema.to_json_dict()
    assert schema["request"]["dataDetails"] == {
        "_type": "data",
        "name": "signup",
        "meta": {"plan": "pro"},
    }
    assert schema["response"]["dataDetailsResponse"]["message"] == "stored"
    assert mapped.preview.request == 'Data: signup Meta: {   "plan": "pro" }'
    assert mapped.preview.response == "stored"
