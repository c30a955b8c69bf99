"""anthropic-chat with the project's own fixtures."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from helicone_tui.mapping import conversation_to_markdown, map_request
from helicone_tui.models import HeliconeRequest

FIXTURES = Path(__file__).parent / "fixtures" / "mapping"


def load(name: str = "anthropic_tools_thinking.json", **changes: Any) -> HeliconeRequest:
    data = json.loads((FIXTURES / name).read_text(encoding="utf-8"))
    data.update(changes)
    return HeliconeRequest.model_validate(data)


def test_system_blocks_become_one_system_message() -> None:
    messages = map_request(load()).schema.to_json_dict()["request"]["messages"]
    assert messages[0]["role"] == "system"
    assert messages[0]["content"] == "Be helpful.\nUse tools."


def test_blocks_map_to_text_image_thinking_tool_use_and_tool_result() -> None:
    mapped = map_request(load())
    assert mapped.mapper == "anthropic-chat"
    _, user, assistant, result = mapped.schema.to_json_dict()["request"]["messages"]
    text, image = user["contentArray"]
    assert text["content"] == "Define 'ephemeral'."
    assert image["_type"] == "image" and image["image_url"] == "https://img.example/word.png"
    thinking, tool_use = assistant["contentArray"]
    assert thinking["reasoning"] == "I should look it up."
    # Deliberate deviation from the reference (see mapping/anthropic.py): a call is functionCall.
    assert tool_use["_type"] == "functionCall"
    assert tool_use["tool_calls"] == [
        {"name": "lookup", "arguments": {"word": "ephemeral"}, "id": "toolu_1"}
    ]
    (tool_result,) = result["contentArray"]
    assert tool_result["_type"] == "function"
    assert tool_result["tool_call_id"] == "toolu_1"
    assert tool_result["content"] == "lasting a very short time"


def test_tools_use_input_schema_and_temperature_stays_out_of_the_schema() -> None:
    mapped = map_request(load())
    request = mapped.schema.to_json_dict()["request"]
    assert request["tools"] == [
        {
            "name": "lookup",
            "description": "Look a word up",
            "parameters": {"type": "object", "properties": {"word": {"type": "string"}}},
        }
    ]
    assert request["max_tokens"] == 1024
    assert "temperature" not in request  # as the reference: kept in parameters instead
    assert mapped.parameters["temperature"] == 1
    assert mapped.parameters["thinking_budget"] == 2000


def test_response_text_reasoning_and_tool_use_in_one_message() -> None:
    mapped = map_request(load())
    (message,) = mapped.schema.to_json_dict()["response"]["messages"]
    assert message["content"] == "'Ephemeral' means lasting a very short time."
    assert message["reasoning"] == "The tool answered."
    assert message["_type"] == "functionCall"
    assert message["tool_calls"][0]["name"] == "lookup"
    assert mapped.preview.response == "'Ephemeral' means lasting a very short time."
    assert mapped.preview.request.startswith('{"type":"tool_result"')


def test_base64_image_is_kept_in_schema_and_summarised_in_print() -> None:
    data = "A" * 4000
    body = {
        "messages": [
            {
                "role": "user",
                "content": [
                    {
                        "type": "image",
                        "source": {"type": "base64", "media_type": "image/png", "data": data},
                    }
                ],
            }
        ]
    }
    mapped = map_request(load(request_body=body))
    part = mapped.schema.to_json_dict()["request"]["messages"][0]["contentArray"][0]
    assert part["image_url"] == f"data:image/png;base64,{data}"
    assert part["mime_type"] == "image/png"
    markdown = conversation_to_markdown(mapped)
    assert "[image: image/png, 2.9 KB base64]" in markdown
    assert data not in markdown


def test_streamed_events_are_consolidated() -> None:
    events = [
        {
            "type": "message_start",
            "message": {"id": "m", "model": "claude-x", "role": "assistant", "content": []},
        },
        {"type": "content_block_start", "index": 0, "content_block": {"type": "text", "text": ""}},
        {"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": "Hi "}},
        {
            "type": "content_block_delta",
            "index": 0,
            "delta": {"type": "text_delta", "text": "there"},
        },
        {
            "type": "content_block_start",
            "index": 1,
            "content_block": {"type": "tool_use", "id": "t", "name": "f", "input": {}},
        },
        {
            "type": "content_block_delta",
            "index": 1,
            "delta": {"type": "input_json_delta", "partial_json": '{"a":'},
        },
        {
            "type": "content_block_delta",
            "index": 1,
            "delta": {"type": "input_json_delta", "partial_json": "2}"},
        },
        {"type": "message_delta", "delta": {"stop_reason": "tool_use"}},
        {"type": "message_stop"},
    ]
    sse = "".join(f"event: {e['type']}\ndata: {json.dumps(e)}\n\n" for e in events)
    mapped = map_request(load(response_body=sse))
    (message,) = mapped.schema.to_json_dict()["response"]["messages"]
    assert message["content"] == "Hi there"
    assert message["tool_calls"] == [{"name": "f", "arguments": {"a": 2}, "id": "t"}]
    assert mapped.schema.to_json_dict()["response"]["model"] == "claude-x"


def test_trailing_undefined_from_old_stream_logs_is_dropped_but_inner_text_kept() -> None:
    body = {
        "type": "message",
        "content": [{"type": "text", "text": "x is undefined here.undefinedundefined"}],
    }
    mapped = map_request(load(response_body=body))
    assert mapped.preview.response == "x is undefined here."


def test_error_body() -> None:
    body = {"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}}
    mapped = map_request(load(response_body=body, response_status=529))
    assert mapped.status.kind == "error" and mapped.status.code == 529
    assert mapped.error_message == "overloaded_error: Overloaded"
    assert mapped.schema.to_json_dict()["response"]["messages"] == []
