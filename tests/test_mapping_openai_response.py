"""openai-response (Responses API) with the project's own fixtures."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from helicone_tui.mapping import map_request
from helicone_tui.models import HeliconeRequest

FIXTURES = Path(__file__).parent / "fixtures" / "mapping"


def load(**changes: Any) -> HeliconeRequest:
    data = json.loads((FIXTURES / "openai_response_reasoning.json").read_text(encoding="utf-8"))
    data.update(changes)
    return HeliconeRequest.model_validate(data)


def test_request_instructions_input_items_and_call_ids() -> None:
    mapped = map_request(load())
    assert mapped.mapper == "openai-response"
    request = mapped.schema.to_json_dict()["request"]
    system, user, call, output = request["messages"]
    assert system["content"] == "Be brief." and request["instructions"] == "Be brief."
    assert user["contentArray"][0]["content"] == "Who won?"
    # function_call_output refers to call_id, so the call is shown under call_id too.
    assert call["tool_calls"][0]["id"] == "call_9"
    assert output["tool_call_id"] == "call_9" and output["content"] == "Team A"
    assert request["tools"] == [
        {
            "type": "function",
            "name": "search",
            "description": "Search the web",
            "parameters": {"type": "object"},
        }
    ]
    assert mapped.parameters["reasoning_effort"] == "high"


def test_output_reasoning_text_annotations_and_function_call() -> None:
    mapped = map_request(load())
    response = mapped.schema.to_json_dict()["response"]
    assert response["model"] == "o4-mini-2025-04-16"
    message, call = response["messages"]
    assert message["content"] == "Team A won."
    assert message["reasoning"] == "The search said Team A."
    assert message["annotations"] == [
        {"type": "url_citation", "url": "https://news.example", "title": "News"}
    ]
    assert call["_type"] == "functionCall" and call["tool_calls"][0]["name"] == "search"
    assert mapped.preview.response == "Team A won."
    assert mapped.error_message is None  # "error": null is not an error


def test_stream_events_use_the_completed_response() -> None:
    events = [
        {"type": "response.created", "response": {"id": "r"}},
        {"type": "response.output_text.delta", "delta": "Team "},
        {
            "type": "response.completed",
            "response": {
                "output": [
                    {
                        "type": "message",
                        "role": "assistant",
                        "content": [{"type": "output_text", "text": "Team A."}],
                    }
                ]
            },
        },
    ]
    sse = "".join(f"event: {e['type']}\ndata: {json.dumps(e)}\n\n" for e in events)
    assert map_request(load(response_body=sse)).preview.response == "Team A."


def test_stream_without_completed_event_joins_deltas() -> None:
    events = [{"type": "response.output_text.delta", "delta": d} for d in ("Te", "am")]
    sse = "".join(f"data: {json.dumps(e)}\n\n" for e in events)
    assert map_request(load(response_body=sse)).preview.response == "Team"


def test_responses_error_object() -> None:
    body = {"error": {"code": "server_error", "message": "Something broke"}, "output": []}
    mapped = map_request(load(response_status=500, response_body=body))
    assert mapped.status.kind == "error"
    assert mapped.error_message == "server_error: Something broke"
