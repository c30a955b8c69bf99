"""openai-moderation, openai-instruct, llama-chat and vercel-chat with our own rows."""

from __future__ import annotations

from typing import Any

from helicone_tui.mapping import map_request
from helicone_tui.models import HeliconeRequest


def row(model: str, request: Any, response: Any, **extra: Any) -> HeliconeRequest:
    fields: dict[str, Any] = {"provider": "OPENAI", "response_status": 200, **extra}
    return HeliconeRequest(
        request_id="r", model=model, request_body=request, response_body=response, **fields
    )


def test_moderation_result_lines() -> None:
    mapped = map_request(
        row(
            "omni-moderation-latest",
            {"input": "some text"},
            {
                "results": [
                    {
                        "flagged": True,
                        "categories": {"violence": True, "hate": False},
                        "category_scores": {"violence": 0.91, "hate": 0.02, "sexual": 0.1},
                    }
                ]
            },
        )
    )
    assert mapped.mapper == "openai-moderation"
    (message,) = mapped.schema.to_json_dict()["response"]["messages"]
    assert message["content"] == (
        "Flagged: yes\nCategories: violence\nTop scores: violence 0.910, sexual 0.100, hate 0.020"
    )
    assert mapped.preview.request == "some text"


def test_instruct_completion() -> None:
    mapped = map_request(
        row(
            "gpt-3.5-turbo-instruct",
            {"prompt": ["Say", "hi"], "max_tokens": 5},
            {"choices": [{"text": " hi there", "index": 0}], "model": "gpt-3.5-turbo-instruct"},
        )
    )
    assert mapped.mapper == "openai-instruct"
    request = mapped.schema.to_json_dict()["request"]
    assert request["prompt"] == "Say\nhi" and request["max_tokens"] == 5
    assert mapped.preview.response == "hi there"


def test_instruct_selected_by_shape_for_unknown_model() -> None:
    mapped = map_request(row("my-model", {"prompt": "x"}, {"choices": [{"text": "y"}]}))
    assert mapped.mapper == "openai-instruct"


def test_llama_api_completion_message() -> None:
    mapped = map_request(
        row(
            "Llama-4-Maverick-17B-128E-Instruct-FP8",
            {"messages": [{"role": "user", "content": "Hello"}]},
            {
                "completion_message": {
                    "role": "assistant",
                    "stop_reason": "stop",
                    "content": {"type": "text", "text": "Hi from Llama"},
                    "tool_calls": [{"id": "t1", "function": {"name": "f", "arguments": '{"a":1}'}}],
                }
            },
            provider="LLAMA",
        )
    )
    assert mapped.mapper == "llama-chat"
    (message,) = mapped.schema.to_json_dict()["response"]["messages"]
    assert message["content"] == "Hi from Llama"
    assert message["tool_calls"] == [{"id": "t1", "name": "f", "arguments": {"a": 1}}]
    assert mapped.preview.response == "Hi from Llama"


def test_vercel_ai_sdk_prompt_format() -> None:
    mapped = map_request(
        row(
            "gpt-4o",
            {
                "modelId": "openai/gpt-4o",
                "prompt": [
                    {"role": "system", "content": "Be nice."},
                    {
                        "role": "user",
                        "content": [
                            {"type": "text", "text": "Weather?"},
                            {"type": "image", "image": "https://i.example/a.png"},
                        ],
                    },
                    {
                        "role": "assistant",
                        "content": [
                            {
                                "type": "tool-call",
                                "toolCallId": "c",
                                "toolName": "w",
                                "args": {"city": "Oslo"},
                            }
                        ],
                    },
                    {
                        "role": "tool",
                        "content": [
                            {
                                "type": "tool-result",
                                "toolCallId": "c",
                                "toolName": "w",
                                "result": {"t": 3},
                            }
                        ],
                    },
                ],
            },
            {"text": "It is 3 degrees.", "finishReason": "stop"},
            provider="VERCEL",
        )
    )
    assert mapped.mapper == "vercel-chat"
    schema = mapped.schema.to_json_dict()
    system, user, call, result = schema["request"]["messages"]
    assert system["content"] == "Be nice."
    assert user["contentArray"][1]["image_url"] == "https://i.example/a.png"
    assert call["tool_calls"] == [{"id": "c", "name": "w", "arguments": {"city": "Oslo"}}]
    assert result["tool_call_id"] == "c" and result["content"] == '{"t":3}'
    assert schema["request"]["model"] == "openai/gpt-4o"
    assert mapped.preview.response == "It is 3 degrees."


def test_vercel_openai_shaped_body_uses_the_chat_mapping() -> None:
    mapped = map_request(
        row(
            "gpt-4o",
            {"messages": [{"role": "user", "content": "q"}]},
            {"choices": [{"message": {"role": "assistant", "content": "a"}}]},
            provider="VERCEL",
        )
    )
    assert mapped.mapper == "vercel-chat"
    assert (mapped.preview.request, mapped.preview.response) == ("q", "a")
