"""gemini-chat with the project's own fixtures."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from helicone_tui.mapping import map_request
from helicone_tui.models import HeliconeRequest

FIXTURES = Path(__file__).parent / "fixtures" / "mapping"


def load(**changes: Any) -> HeliconeRequest:
    data = json.loads((FIXTURES / "gemini_tools_system.json").read_text(encoding="utf-8"))
    data.update(changes)
    return HeliconeRequest.model_validate(data)


def test_system_instruction_function_call_and_response() -> None:
    mapped = map_request(load())
    assert mapped.mapper == "gemini-chat"
    request = mapped.schema.to_json_dict()["request"]
    system, user, call, result = request["messages"]
    assert system["role"] == "system" and system["content"] == "Answer in French."
    assert user["content"] == "What time is it?"
    assert call["_type"] == "functionCall"
    assert call["tool_calls"] == [{"name": "get_time", "arguments": {"tz": "Europe/Paris"}}]
    assert result["_type"] == "function" and result["name"] == "get_time"
    assert json.loads(result["content"]) == {"time": "10:00"}
    assert request["temperature"] == 0.5 and request["max_tokens"] == 256
    assert request["tools"] == [
        {"name": "get_time", "description": "Current time", "parameters": {"type": "object"}}
    ]


def test_thought_parts_are_reasoning_not_text() -> None:
    mapped = map_request(load())
    (message,) = mapped.schema.to_json_dict()["response"]["messages"]
    thought, text = message["contentArray"]
    assert thought["reasoning"] == "Thinking about time." and thought["content"] == ""
    assert text["content"] == "Il est 10 heures."
    assert mapped.preview.response == "Il est 10 heures."


def test_stream_chunks_list_is_merged() -> None:
    chunks = [
        {"candidates": [{"content": {"role": "model", "parts": [{"text": "Bon"}]}}]},
        {
            "candidates": [{"content": {"role": "model", "parts": [{"text": "jour"}]}}],
            "modelVersion": "gemini-2.5-flash",
        },
    ]
    mapped = map_request(load(response_body=chunks))
    assert mapped.preview.response == "Bonjour"


def test_unknown_model_comes_from_model_version() -> None:
    mapped = map_request(load(model="unknown", request_model="unknown"))
    assert mapped.schema.to_json_dict()["request"]["model"] == "gemini-2.5-flash"


def test_error_is_kept_as_helicone_message() -> None:
    mapped = map_request(
        load(
            response_status=403,
            response_body={
                "error": {"code": 403, "message": "denied", "status": "PERMISSION_DENIED"}
            },
        )
    )
    response = mapped.schema.to_json_dict()["response"]
    assert json.loads(response["error"]["heliconeMessage"])["message"] == "denied"
    assert mapped.error_message == "PERMISSION_DENIED: denied"


def test_inline_audio_part() -> None:
    body = {
        "contents": [
            {"role": "user", "parts": [{"inlineData": {"mimeType": "audio/wav", "data": "UklGR"}}]}
        ]
    }
    message = map_request(load(request_body=body)).schema.to_json_dict()["request"]["messages"][0]
    assert message["_type"] == "audio" and message["audio_data"] == "data:audio/wav;base64,UklGR"


def test_gemini_body_through_another_provider_is_recognised_by_shape() -> None:
    mapped = map_request(load(provider="OPENROUTER", target_url="https://proxy.example/x"))
    assert mapped.mapper == "gemini-chat"


def test_function_only_turns_preview_the_call_and_the_result() -> None:
    response = {
        "candidates": [
            {
                "content": {
                    "role": "model",
                    "parts": [
                        {"functionCall": {"name": "a", "args": {"x": 1}}},
                        {"functionCall": {"name": "b", "args": {}}},
                    ],
                }
            }
        ]
    }
    mapped = map_request(load(response_body=response))
    assert mapped.preview.request == '{"time":"10:00"}'
    assert mapped.preview.response == 'a({"x":1}) b({})'
