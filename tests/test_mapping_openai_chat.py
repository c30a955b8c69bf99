"""openai-chat with the project's own fixtures (no reference data needed)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from helicone_tui.mapping import conversation_to_markdown, map_request
from helicone_tui.models import HeliconeRequest

FIXTURES = Path(__file__).parent / "fixtures" / "mapping"


def load(name: str, **changes: Any) -> HeliconeRequest:
    data = json.loads((FIXTURES / name).read_text(encoding="utf-8"))
    data.update(changes)
    return HeliconeRequest.model_validate(data)


def test_full_chat_maps_every_message_kind() -> None:
    mapped = map_request(load("openai_chat_tools_reasoning.json"))
    assert mapped.mapper == "openai-chat"
    schema = mapped.schema.to_json_dict()
    system, user, call, result = schema["request"]["messages"]
    assert system == {
        "content": "You are terse.",
        "role": "system",
        "_type": "message",
        "reasoning": "",
    }
    assert user["_type"] == "contentArray"
    text, image = user["contentArray"]
    assert text["content"] == "Weather in Paris? See the photo."
    assert image["_type"] == "image" and image["image_url"].startswith("data:image/png;base64,")
    assert image["detail"] == "low"
    assert call["_type"] == "functionCall"
    assert call["tool_calls"] == [
        {"id": "call_1", "name": "get_weather", "arguments": {"city": "Paris"}}
    ]
    assert result == {
        "content": "18°C, cloudy",
        "role": "tool",
        "tool_call_id": "call_1",
        "_type": "function",
        "reasoning": "",
    }


def test_request_parameters_and_tools_are_kept() -> None:
    mapped = map_request(load("openai_chat_tools_reasoning.json"))
    request = mapped.schema.to_json_dict()["request"]
    assert request["temperature"] == 0.2
    assert request["max_tokens"] == 512
    assert request["tools"][0]["name"] == "get_weather"
    assert request["tool_choice"] == {"type": "auto"}
    assert mapped.parameters["temperature"] == 0.2
    assert mapped.parameters["max_tokens"] == 512
    assert mapped.parameters["tools"] == ["get_weather"]


def test_response_reasoning_and_annotations() -> None:
    mapped = map_request(load("openai_chat_tools_reasoning.json"))
    response = mapped.schema.to_json_dict()["response"]
    assert response["model"] == "gpt-4o-2024-08-06"
    (message,) = response["messages"]
    assert message["content"] == "It is 18°C and cloudy in Paris."
    assert message["reasoning"] == "The tool said 18°C."
    assert message["annotations"] == [
        {"type": "url_citation", "url": "https://weather.example/paris", "title": "Paris weather"}
    ]
    assert mapped.preview.request == "18°C, cloudy"
    assert mapped.preview.response == "It is 18°C and cloudy in Paris."
    assert mapped.status.kind == "success" and mapped.status.code == 200
    assert mapped.cached is False


def test_markdown_shows_calls_results_reasoning_and_summarised_image() -> None:
    markdown = conversation_to_markdown(map_request(load("openai_chat_tools_reasoning.json")))
    assert "## System" in markdown and "## Tool result (for `call_1`)" in markdown
    assert "**Tool call** `get_weather`" in markdown and '"city": "Paris"' in markdown
    assert "> The tool said 18°C." in markdown
    assert "[image: image/png," in markdown and "iVBORw0KGgo" not in markdown
    assert "[Paris weather](https://weather.example/paris)" in markdown


def test_provider_error_becomes_a_readable_message() -> None:
    row = load(
        "openai_chat_tools_reasoning.json",
        response_status=429,
        response_body={"error": {"message": "Rate limit reached", "type": "rate_limit_error"}},
    )
    mapped = map_request(row)
    assert mapped.status.kind == "error" and mapped.status.code == 429
    assert mapped.error_message == "rate_limit_error: Rate limit reached"
    assert "## Error" in conversation_to_markdown(mapped)


def test_error_message_on_200_still_means_error() -> None:
    row = load("openai_chat_tools_reasoning.json", response_body={"error": {"message": "boom"}})
    assert map_request(row).status.kind == "error"


def test_pending_when_no_status() -> None:
    row = load("openai_chat_tools_reasoning.json", response_status=None, response_body=None)
    mapped = map_request(row)
    assert mapped.status.kind == "pending" and mapped.mapped


def test_cache_hit() -> None:
    row = load(
        "openai_chat_tools_reasoning.json",
        cache_reference_id="1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed",
    )
    assert map_request(row).cached is True


def test_streamed_sse_text_is_consolidated() -> None:
    chunks = [
        {
            "id": "c",
            "model": "gpt-4o",
            "choices": [{"delta": {"role": "assistant", "content": "Hel"}}],
        },
        {"choices": [{"delta": {"content": "lo"}}]},
        {
            "choices": [
                {
                    "delta": {
                        "tool_calls": [
                            {
                                "index": 0,
                                "id": "call_a",
                                "function": {"name": "f", "arguments": '{"x":'},
                            }
                        ]
                    }
                }
            ]
        },
        {
            "choices": [
                {
                    "delta": {"tool_calls": [{"index": 0, "function": {"arguments": "1}"}}]},
                    "finish_reason": "tool_calls",
                }
            ]
        },
    ]
    sse = "".join(f"data: {json.dumps(c)}\n\n" for c in chunks) + "data: [DONE]\n\n"
    mapped = map_request(load("openai_chat_tools_reasoning.json", response_body=sse))
    (message,) = mapped.schema.to_json_dict()["response"]["messages"]
    assert message["content"] == "Hello"
    assert message["tool_calls"] == [{"id": "call_a", "name": "f", "arguments": {"x": 1}}]
    assert mapped.preview.response == "Hello"


def test_streamed_data_chunks_are_consolidated() -> None:
    body = {
        "streamed_data": [
            {"choices": [{"delta": {"content": "A"}}]},
            {"choices": [{"delta": {"content": "B"}}]},
        ]
    }
    mapped = map_request(load("openai_chat_tools_reasoning.json", response_body=body))
    assert mapped.preview.response == "AB"


def test_unparsable_tool_arguments_are_kept_raw() -> None:
    body = {
        "choices": [
            {
                "message": {
                    "role": "assistant",
                    "tool_calls": [{"id": "c", "function": {"name": "f", "arguments": '{"cut'}}],
                }
            }
        ]
    }
    mapped = map_request(load("openai_chat_tools_reasoning.json", response_body=body))
    (message,) = mapped.schema.to_json_dict()["response"]["messages"]
    assert message["tool_calls"][0]["arguments"] == {"raw": '{"cut'}
    assert mapped.preview.response == 'f({"cut)'


def test_asset_placeholders_are_replaced_in_schema_not_in_raw_body() -> None:
    body = {
        "model": "gpt-4o",
        "messages": [
            {
                "role": "user",
                "content": [
                    {"type": "image_url", "image_url": {"url": '<helicone-asset-id key="img1"/>'}}
                ],
            }
        ],
    }
    row = load(
        "openai_chat_tools_reasoning.json",
        request_body=body,
        asset_urls={"img1": "https://signed.example/img1.png"},
    )
    mapped = map_request(row)
    part = mapped.schema.to_json_dict()["request"]["messages"][0]["contentArray"][0]
    assert part["image_url"] == "https://signed.example/img1.png"
    assert "helicone-asset-id" in json.dumps(mapped.request_body)
    assert "![image](https://signed.example/img1.png)" in conversation_to_markdown(mapped)


def test_long_preview_is_cut_on_one_line() -> None:
    body = {"messages": [{"role": "user", "content": "line\n" * 1_000}]}
    mapped = map_request(load("openai_chat_tools_reasoning.json", request_body=body))
    assert len(mapped.preview.request) == 500
    assert mapped.preview.request.endswith("…") and "\n" not in mapped.preview.request


def test_json_string_bodies_are_parsed() -> None:
    row = load(
        "openai_chat_tools_reasoning.json",
        request_body=json.dumps({"messages": [{"role": "user", "content": "hi"}]}),
    )
    assert map_request(row).preview.request == "hi"


def test_row_llm_schema_is_used_as_is() -> None:
    schema = {
        "request": {"messages": [{"role": "user", "content": "from schema", "_type": "message"}]},
        "response": {"messages": [{"role": "assistant", "content": "answer", "_type": "message"}]},
    }
    mapped = map_request(load("openai_chat_tools_reasoning.json", llmSchema=schema))
    assert mapped.from_row_schema
    assert mapped.schema.to_json_dict() == schema
    assert (mapped.preview.request, mapped.preview.response) == ("from schema", "answer")
