"""``map_request`` never raises, whatever the row holds (issue 3, point 4).

Beyond "no exception escapes", these tests also require that no mapper failed internally: the
pipeline turns an internal exception into an unmappable result whose reason starts with
``Could not map``; seeing that reason here means a mapper has a bug that the safety net hid.
"""

from __future__ import annotations

import json
import time
from dataclasses import replace
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helicone_tui.mapping import PREVIEW_MAX_CHARS, conversation_to_markdown, map_request
from helicone_tui.models import HeliconeRequest, LLMRequestBody, LlmSchema, Message

INTERNAL_FAILURE = "Could not map"

# Keys the mappers look for, so generated bodies reach deep into every mapper.
KEYS = [
    "messages",
    "content",
    "role",
    "type",
    "text",
    "tool_calls",
    "function",
    "arguments",
    "name",
    "id",
    "call_id",
    "tool_call_id",
    "image_url",
    "url",
    "source",
    "data",
    "media_type",
    "input",
    "output",
    "item",
    "choices",
    "message",
    "delta",
    "candidates",
    "contents",
    "parts",
    "inlineData",
    "functionCall",
    "functionResponse",
    "systemInstruction",
    "system",
    "error",
    "instructions",
    "prompt",
    "model",
    "tools",
    "tool_choice",
    "_type",
    "toolName",
    "operation",
    "status",
    "embedding",
    "b64_json",
    "revised_prompt",
    "streamed_data",
    "from",
    "timestamp",
    "summary",
    "thinking",
    "input_schema",
    "completion_message",
    "results",
    "annotations",
    "response",
    "session",
    "transcript",
    "audio",
    "contentArray",
    "heliconeMessage",
    "failed",
]
TYPES = [
    "text",
    "image_url",
    "image",
    "tool_use",
    "tool_result",
    "thinking",
    "function_call",
    "function_call_output",
    "message",
    "input_text",
    "input_image",
    "input_file",
    "output_text",
    "reasoning",
    "tool",
    "vector_db",
    "data",
    "response.done",
    "conversation.item.create",
    "content_block_delta",
    "message_start",
    "base64",
    "tool-call",
    "tool-result",
    "file",
]

scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**63), max_value=2**63)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=30)
    | st.sampled_from(TYPES)
    | st.sampled_from(["data:image/png;base64,iVBORw0KGgo=", '<helicone-asset-id key="a1"/>'])
)
json_values = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=8), children, max_size=6)
    ),
    max_leaves=40,
)
bodies = json_values | json_values.map(json.dumps) | st.text(max_size=200)

rows = st.fixed_dictionaries(
    {"request_id": st.text(max_size=20)},
    optional={
        "request_body": bodies,
        "response_body": bodies,
        "response_status": st.none() | st.sampled_from([0, 200, 400, 500]) | st.integers(),
        "provider": st.none()
        | st.sampled_from(
            ["OPENAI", "ANTHROPIC", "GOOGLE", "TOGETHER", "LLAMA", "VERCEL", "CUSTOM", "x"]
        ),
        "model": st.none()
        | st.sampled_from(
            [
                "gpt-4o",
                "claude-3",
                "gemini-pro",
                "dall-e-3",
                "text-embedding-3-small",
                "unknown",
                "flux",
                "omni-moderation",
                "gpt-3.5-turbo-instruct",
                "gpt-4o-realtime",
            ]
        )
        | st.text(max_size=10),
        "target_url": st.none()
        | st.sampled_from(
            [
                "https://api.openai.com/v1/responses",
                "https://api.openai.com/v1/threads/runs",
                "https://x/v1/realtime",
                "",
            ]
        ),
        "request_referrer": st.none() | st.just("ai-gateway"),
        "ai_gateway_body_mapping": st.none()
        | st.sampled_from(["OPENAI", "RESPONSES", "NO_MAPPING"]),
        "cache_reference_id": st.none() | st.text(max_size=36),
        "asset_urls": st.none() | st.just({"a1": "https://assets.example/a1.png"}),
        "llmSchema": st.none() | json_values,
        "storage_location": st.none() | st.sampled_from(["s3", "not_stored_exceeded_free"]),
    },
)


def _check(row: HeliconeRequest) -> None:
    mapped = map_request(row)
    assert not (mapped.unmappable_reason or "").startswith(INTERNAL_FAILURE), (
        mapped.unmappable_reason
    )
    assert len(mapped.preview.request) <= PREVIEW_MAX_CHARS
    assert len(mapped.preview.response) <= PREVIEW_MAX_CHARS
    assert "\n" not in mapped.preview.request + mapped.preview.response
    assert isinstance(conversation_to_markdown(mapped), str)
    mapped.schema.to_json_dict()


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(rows)
def test_arbitrary_rows_never_raise(data: dict[str, Any]) -> None:
    _check(HeliconeRequest.model_validate(data))


@settings(max_examples=300, deadline=None)
@given(
    bodies,
    bodies,
    st.sampled_from(
        [
            "gpt-4o",
            "claude-3-5-sonnet",
            "gemini-2.0-flash",
            "text-embedding-3-small",
            "dall-e-3",
            "tool:x",
        ]
    ),
)
def test_arbitrary_bodies_never_raise(request: Any, response: Any, model: str) -> None:
    provider = {"claude": "ANTHROPIC", "gemini": "GOOGLE"}.get(model.split("-")[0], "OPENAI")
    _check(
        HeliconeRequest(
            request_id="r",
            request_body=request,
            response_body=response,
            model=model,
            provider=provider,
            response_status=200,
        )
    )


def _deep_rows() -> list[tuple[str, str, Any, Any]]:
    deep = _nested_json(5_000)
    return [
        (
            "OPENAI",
            "gpt-4o",
            {
                "messages": [
                    {"role": "assistant", "tool_calls": [{"function": {"arguments": deep}}]}
                ],
                "tools": [{"function": {"name": "f", "parameters": deep}}],
                "tool_choice": deep,
            },
            {"choices": [{"message": {"content": None, "annotations": [deep]}}], "error": deep},
        ),
        (
            "ANTHROPIC",
            "claude-3",
            {"messages": [{"role": "assistant", "content": [{"type": "tool_use", "input": deep}]}]},
            {"content": [{"type": "tool_use", "input": deep}]},
        ),
        ("GOOGLE", "gemini", {"contents": [{"parts": [{"functionCall": {"args": deep}}]}]}, {}),
        ("CUSTOM", "tool:x", {"_type": "tool", "toolName": "x", "input": deep}, {"status": deep}),
        ("CUSTOM", "vector_db", {"_type": "vector_db", "filter": deep}, {"metadata": deep}),
    ]


def test_deep_provider_json_in_the_schema_is_cut_so_it_can_be_dumped() -> None:
    for provider, model, request, response in _deep_rows():
        row = HeliconeRequest(
            request_id="deep",
            provider=provider,
            model=model,
            request_body=request,
            response_body=response,
            response_status=200,
        )
        _check(row)
        assert "…" in json.dumps(map_request(row).schema.to_json_dict(), ensure_ascii=False)


def _nested_parts(depth: int) -> dict[str, Any]:
    node: dict[str, Any] = {"_type": "message", "content": "leaf"}
    for _ in range(depth):
        node = {"_type": "contentArray", "contentArray": [node]}
    return node


def _nested_json(depth: int) -> Any:
    node: Any = "leaf"
    for _ in range(depth):
        node = {"content": [node]}
    return node


def test_deeply_nested_bodies_do_not_exhaust_the_stack() -> None:
    deep = _nested_json(5_000)
    for model, provider in (("gpt-4o", "OPENAI"), ("claude-3", "ANTHROPIC"), ("gemini", "GOOGLE")):
        row = HeliconeRequest(
            request_id="deep",
            request_body={"messages": [deep], "contents": [deep], "input": [deep]},
            response_body={"choices": [{"message": deep}], "content": [deep]},
            model=model,
            provider=provider,
            response_status=200,
            asset_urls={"a": "https://x"},
        )
        _check(row)


def test_deeply_nested_content_array_is_rendered_to_a_cap() -> None:
    # A row's own llmSchema arrives through pydantic, which caps nesting; a schema built in
    # Python has no such cap, and rendering it must stop at ours instead of recursing on.
    leaf = Message(kind="message", content="leaf")
    for _ in range(3_000):
        leaf = Message(kind="contentArray", contentArray=[leaf])
    mapped = map_request(
        HeliconeRequest(request_id="d", llmSchema={"request": {"messages": [_nested_parts(40)]}})
    )
    assert mapped.mapped and mapped.from_row_schema
    assert mapped.preview.request == "leaf"
    deep = replace(mapped, schema=LlmSchema(request=LLMRequestBody(messages=[leaf])))
    assert "nested too deeply" in conversation_to_markdown(deep)


def test_scalar_and_null_bodies_are_unmappable_with_a_reason() -> None:
    for request, response in ((None, None), (42, "plain text"), ("just text", 3.5), (True, [])):
        mapped = map_request(
            HeliconeRequest(request_id="s", request_body=request, response_body=response)
        )
        assert mapped.unmappable_reason is not None
        assert not mapped.unmappable_reason.startswith(INTERNAL_FAILURE)
        assert mapped.request_body == request
        assert mapped.response_body == response
        assert "Could not show this request" in conversation_to_markdown(mapped)


def test_ten_megabyte_body_maps_quickly_with_short_previews() -> None:
    big = "x" * 10_000_000
    row = HeliconeRequest(
        request_id="big",
        request_body={"model": "gpt-4o", "messages": [{"role": "user", "content": big}]},
        response_body={"choices": [{"message": {"role": "assistant", "content": big}}]},
        model="gpt-4o",
        provider="OPENAI",
        response_status=200,
    )
    started = time.perf_counter()
    mapped = map_request(row)
    elapsed = time.perf_counter() - started
    assert mapped.mapped
    assert len(mapped.preview.request) == PREVIEW_MAX_CHARS
    assert mapped.preview.request.endswith("…")
    assert elapsed < 2.0
