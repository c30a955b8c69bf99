"""Built-in rows of OpenAI requests, in OpenAI's wire formats."""

from __future__ import annotations

import json
import math
from datetime import datetime
from typing import Any

from .dataset_build import llm_row, session, short_token, unix_seconds
from .dataset_ids import ID_OPENAI_SIMPLE

CHAT_URL = "https://api.openai.com/v1/chat/completions"
CHAT_PATH = "/v1/chat/completions"
TRIP_SESSION = "8d3c2a4e-6f1b-4b7e-9c2d-1a5e7f9b3c60"

_WEATHER_TOOLS: list[dict[str, Any]] = [
    {
        "type": "function",
        "function": {
            "name": "get_weather",
            "description": "Current weather for a city.",
            "parameters": {
                "type": "object",
                "properties": {
                    "city": {"type": "string", "description": "City name, e.g. Paris"},
                    "unit": {"type": "string", "enum": ["celsius", "fahrenheit"]},
                },
                "required": ["city"],
                "additionalProperties": False,
            },
            "strict": True,
        },
    },
    {
        "type": "function",
        "function": {
            "name": "get_local_time",
            "description": "Local date and time in an IANA time zone.",
            "parameters": {
                "type": "object",
                "properties": {"timezone": {"type": "string"}},
                "required": ["timezone"],
                "additionalProperties": False,
            },
            "strict": True,
        },
    },
]

_TRIP_SYSTEM = (
    "You are Wayfarer, a concise travel assistant for Acme Travel. Use the tools for live data; "
    "never guess the weather. Answer in the user's language."
)
_TRIP_QUESTION = (
    "I'm flying Paris → Tokyo tomorrow. What's the weather in both cities right now, and what "
    "time is it in Tokyo?"
)


def _tool_calls(slug: str) -> list[dict[str, Any]]:
    calls = [
        ("get_weather", {"city": "Paris", "unit": "celsius"}),
        ("get_weather", {"city": "Tokyo", "unit": "celsius"}),
        ("get_local_time", {"timezone": "Asia/Tokyo"}),
    ]
    return [
        {
            "id": f"call_{short_token(f'{slug}/{i}')}",
            "type": "function",
            "function": {"name": name, "arguments": json.dumps(args)},
        }
        for i, (name, args) in enumerate(calls)
    ]


def _chat_response(
    slug: str,
    created: int,
    model: str,
    message: dict[str, Any],
    *,
    finish: str,
    prompt: int,
    completion: int,
    reasoning: int = 0,
    cached: int = 0,
) -> dict[str, Any]:
    return {
        "id": f"chatcmpl-{short_token(slug, 29)}",
        "object": "chat.completion",
        "created": created,
        "model": model,
        "choices": [
            {
                "index": 0,
                "message": {"refusal": None, "annotations": [], **message},
                "logprobs": None,
                "finish_reason": finish,
            }
        ],
        "usage": {
            "prompt_tokens": prompt,
            "completion_tokens": completion + reasoning,
            "total_tokens": prompt + completion + reasoning,
            "prompt_tokens_details": {"cached_tokens": cached, "audio_tokens": 0},
            "completion_tokens_details": {
                "reasoning_tokens": reasoning,
                "audio_tokens": 0,
                "accepted_prediction_tokens": 0,
                "rejected_prediction_tokens": 0,
            },
        },
        "service_tier": "default",
        "system_fingerprint": f"fp_{short_token(model, 10).lower()}",
    }


def tool_calls_row(anchor: datetime) -> dict[str, Any]:
    slug, model, age = "openai-chat/parallel-tool-calls", "gpt-4o-2024-08-06", 14.0
    request = {
        "model": "gpt-4o",
        "messages": [
            {"role": "system", "content": _TRIP_SYSTEM},
            {"role": "user", "content": _TRIP_QUESTION},
        ],
        "tools": _WEATHER_TOOLS,
        "tool_choice": "auto",
        "parallel_tool_calls": True,
        "temperature": 0.2,
    }
    response = _chat_response(
        slug,
        unix_seconds(anchor, age),
        model,
        {"role": "assistant", "content": None, "tool_calls": _tool_calls(slug)},
        finish="tool_calls",
        prompt=187,
        completion=71,
    )
    return llm_row(
        slug,
        anchor=anchor,
        age_minutes=age,
        provider="OPENAI",
        model=model,
        request_model="gpt-4o",
        response_model=model,
        target_url=CHAT_URL,
        request_path=CHAT_PATH,
        request_body=request,
        response_body=response,
        prompt_tokens=187,
        completion_tokens=71,
        delay_ms=1432,
        ttft_ms=611,
        user_id="alice@acme-travel.example",
        properties=session(TRIP_SESSION, "/trip/weather", "Trip planner", environment="production"),
        scores={"tool-accuracy": 1},
        country_code="FR",
    )


def tool_results_row(anchor: datetime) -> dict[str, Any]:
    slug, model, age = "openai-chat/tool-results", "gpt-4o-2024-08-06", 13.9
    calls = _tool_calls("openai-chat/parallel-tool-calls")
    results = [
        {"city": "Paris", "temperature_c": 14.5, "conditions": "light rain", "wind_kph": 18},
        {"city": "Tokyo", "temperature_c": 21.0, "conditions": "clear", "wind_kph": 7},
        {"timezone": "Asia/Tokyo", "local_time": "2025-10-14T22:41:09+09:00"},
    ]
    answer = (
        "Right now it's **14.5 °C with light rain** in Paris and **21 °C and clear** in Tokyo. "
        "It's 22:41 in Tokyo (Tuesday), seven hours ahead of Paris. Pack a light rain jacket "
        "for the departure; Tokyo should be mild on arrival."
    )
    request = {
        "model": "gpt-4o",
        "messages": [
            {"role": "system", "content": _TRIP_SYSTEM},
            {"role": "user", "content": _TRIP_QUESTION},
            {"role": "assistant", "content": None, "tool_calls": calls},
            *[
                {"role": "tool", "tool_call_id": call["id"], "content": json.dumps(result)}
                for call, result in zip(calls, results, strict=True)
            ],
        ],
        "tools": _WEATHER_TOOLS,
        "tool_choice": "auto",
        "parallel_tool_calls": True,
        "temperature": 0.2,
    }
    response = _chat_response(
        slug,
        unix_seconds(anchor, age),
        model,
        {"role": "assistant", "content": answer},
        finish="stop",
        prompt=342,
        completion=68,
    )
    return llm_row(
        slug,
        anchor=anchor,
        age_minutes=age,
        provider="OPENAI",
        model=model,
        request_model="gpt-4o",
        response_model=model,
        target_url=CHAT_URL,
        request_path=CHAT_PATH,
        request_body=request,
        response_body=response,
        prompt_tokens=342,
        completion_tokens=68,
        delay_ms=2210,
        ttft_ms=540,
        user_id="alice@acme-travel.example",
        properties=session(
            TRIP_SESSION, "/trip/weather/answer", "Trip planner", environment="production"
        ),
        scores={"helicone-score-feedback": 1, "tool-accuracy": 1},
        country_code="FR",
    )


def responses_row(anchor: datetime) -> dict[str, Any]:
    slug, model, age = "openai-responses/reasoning-function-calls", "o4-mini-2025-04-16", 42.0
    call_1 = f"call_{short_token(slug + '/c1')}"
    call_2 = f"call_{short_token(slug + '/c2')}"
    request = {
        "model": "o4-mini",
        "instructions": "You are the support agent of Northwind Outfitters. Verify before "
        "promising refunds. Use the tools; keep answers under 120 words.",
        "input": [
            {
                "role": "user",
                "content": [
                    {
                        "type": "input_text",
                        "text": "My order NW-48213 arrived with a broken zipper. Can I get a "
                        "replacement before Friday?",
                    }
                ],
            },
            {
                "type": "reasoning",
                "id": f"rs_{short_token(slug + '/r0', 40)}",
                "summary": [
                    {
                        "type": "summary_text",
                        "text": "**Checking the order** I need the order status and shipping "
                        "address before offering a replacement.",
                    }
                ],
            },
            {
                "type": "function_call",
                "id": f"fc_{short_token(slug + '/f1', 40)}",
                "call_id": call_1,
                "name": "get_order",
                "arguments": json.dumps({"order_id": "NW-48213"}),
                "status": "completed",
            },
            {
                "type": "function_call_output",
                "call_id": call_1,
                "output": json.dumps(
                    {
                        "order_id": "NW-48213",
                        "status": "delivered",
                        "delivered_at": "2025-10-10",
                        "items": [{"sku": "JKT-ALP-M-BLU", "name": "Alpine shell jacket"}],
                        "ship_to": {"city": "Denver", "state": "CO"},
                    }
                ),
            },
        ],
        "tools": [
            {
                "type": "function",
                "name": "get_order",
                "description": "Look up an order by id.",
                "parameters": {
                    "type": "object",
                    "properties": {"order_id": {"type": "string"}},
                    "required": ["order_id"],
                    "additionalProperties": False,
                },
                "strict": True,
            },
            {
                "type": "function",
                "name": "create_replacement",
                "description": "Ship a replacement item, optionally expedited.",
                "parameters": {
                    "type": "object",
                    "properties": {
                        "order_id": {"type": "string"},
                        "sku": {"type": "string"},
                        "expedited": {"type": "boolean"},
                    },
                    "required": ["order_id", "sku", "expedited"],
                    "additionalProperties": False,
                },
                "strict": True,
            },
        ],
        "reasoning": {"effort": "medium", "summary": "auto"},
        "store": True,
    }
    output_text = (
        "Sorry about the zipper! Order NW-48213 qualifies for a free replacement. I'm sending "
        "a new Alpine shell jacket (M, blue) by expedited shipping, so it should reach Denver "
        "by Thursday. You'll get a tracking link by email; no need to return the damaged one."
    )
    response = {
        "id": f"resp_{short_token(slug, 48)}",
        "object": "response",
        "created_at": unix_seconds(anchor, age),
        "status": "completed",
        "error": None,
        "incomplete_details": None,
        "instructions": request["instructions"],
        "max_output_tokens": None,
        "model": model,
        "output": [
            {
                "type": "reasoning",
                "id": f"rs_{short_token(slug + '/r1', 40)}",
                "summary": [
                    {
                        "type": "summary_text",
                        "text": "**Deciding on a replacement** The order was delivered four "
                        "days ago, inside the 30-day window. Expedited shipping to Denver "
                        "arrives in two days, before Friday.",
                    }
                ],
            },
            {
                "type": "message",
                "id": f"msg_{short_token(slug + '/m1', 40)}",
                "status": "completed",
                "role": "assistant",
                "content": [{"type": "output_text", "annotations": [], "text": output_text}],
            },
            {
                "type": "function_call",
                "id": f"fc_{short_token(slug + '/f2', 40)}",
                "call_id": call_2,
                "name": "create_replacement",
                "arguments": json.dumps(
                    {"order_id": "NW-48213", "sku": "JKT-ALP-M-BLU", "expedited": True}
                ),
                "status": "completed",
            },
        ],
        "parallel_tool_calls": True,
        "previous_response_id": None,
        "reasoning": {"effort": "medium", "summary": "detailed"},
        "store": True,
        "temperature": 1.0,
        "text": {"format": {"type": "text"}},
        "tool_choice": "auto",
        "top_p": 1.0,
        "truncation": "disabled",
        "usage": {
            "input_tokens": 412,
            "input_tokens_details": {"cached_tokens": 0},
            "output_tokens": 322,
            "output_tokens_details": {"reasoning_tokens": 192},
            "total_tokens": 734,
        },
        "user": None,
        "metadata": {},
    }
    return llm_row(
        slug,
        anchor=anchor,
        age_minutes=age,
        provider="OPENAI",
        model=model,
        request_model="o4-mini",
        response_model=model,
        target_url="https://api.openai.com/v1/responses",
        request_path="/v1/responses",
        request_body=request,
        response_body=response,
        prompt_tokens=412,
        completion_tokens=130,
        reasoning_tokens=192,
        delay_ms=6815,
        ttft_ms=5120,
        user_id="cust_29f81c",
        properties={"environment": "production", "feature": "support-agent", "team": "cx"},
        scores={"resolution": 1, "tone": 0.9},
        country_code="US",
    )


def _embedding_vector(seed: int, dims: int) -> list[float]:
    values = [math.sin(seed * 12.9898 + i * 78.233) for i in range(dims)]
    norm = math.sqrt(sum(v * v for v in values))
    return [round(v / norm, 7) for v in values]


def embedding_row(anchor: datetime) -> dict[str, Any]:
    slug, model, age = "openai/embedding", "text-embedding-3-small", 75.0
    texts = [
        "How do I rotate my API key without downtime?",
        "Rotating keys: create the new key, deploy it, then revoke the old key.",
    ]
    request = {"model": model, "input": texts, "dimensions": 256, "encoding_format": "float"}
    response = {
        "object": "list",
        "data": [
            {"object": "embedding", "index": i, "embedding": _embedding_vector(i + 1, 256)}
            for i in range(len(texts))
        ],
        "model": model,
        "usage": {"prompt_tokens": 27, "total_tokens": 27},
    }
    return llm_row(
        slug,
        anchor=anchor,
        age_minutes=age,
        provider="OPENAI",
        model=model,
        response_model=model,
        target_url="https://api.openai.com/v1/embeddings",
        request_path="/v1/embeddings",
        request_body=request,
        response_body=response,
        prompt_tokens=27,
        delay_ms=212,
        ttft_ms=None,
        user_id="svc-docs-indexer",
        properties={"environment": "production", "feature": "docs-search"},
        country_code="DE",
    )


def image_generation_row(anchor: datetime) -> dict[str, Any]:
    slug, model, age = "openai/image-generation", "dall-e-3", 118.0
    prompt = "A watercolor lighthouse on a rocky coast at dawn, soft pastel palette"
    request = {
        "model": model,
        "prompt": prompt,
        "n": 1,
        "size": "1024x1024",
        "quality": "hd",
        "style": "natural",
        "response_format": "url",
    }
    response = {
        "created": unix_seconds(anchor, age),
        "data": [
            {
                "revised_prompt": "A delicate watercolor painting of a white lighthouse on "
                "dark coastal rocks at dawn, waves breaking below, sky washed in peach and "
                "lavender, loose brushwork and visible paper texture.",
                "url": "https://oaidalleapiprodscus.blob.core.windows.net/private/org-"
                f"{short_token(slug, 24)}/user-{short_token(slug + 'u', 24)}/img-"
                f"{short_token(slug + 'i', 24)}.png?st=2025-10-14T09%3A12%3A01Z&se=2025-10-14"
                "T11%3A12%3A01Z&sp=r&sv=2024-08-04&sr=b&sig=FAKE",
            }
        ],
    }
    return llm_row(
        slug,
        anchor=anchor,
        age_minutes=age,
        provider="OPENAI",
        model=model,
        response_model=model,
        target_url="https://api.openai.com/v1/images/generations",
        request_path="/v1/images/generations",
        request_body=request,
        response_body=response,
        cost=0.08,
        delay_ms=14230,
        ttft_ms=None,
        user_id="marketing-bot",
        properties={"environment": "staging", "feature": "blog-illustrations"},
        country_code="GB",
    )


VISION_ASSET_KEY = "asset_3f9c1b7e-0d2a-4a8e-b5c6-7e1f2a9d4b80"


def vision_asset_row(anchor: datetime) -> dict[str, Any]:
    slug, model, age = "openai-chat/vision-asset-placeholder", "gpt-4o-mini-2024-07-18", 131.0
    request = {
        "model": "gpt-4o-mini",
        "messages": [
            {
                "role": "user",
                "content": [
                    {"type": "text", "text": "Read the total and the date off this receipt."},
                    {
                        "type": "image_url",
                        "image_url": {
                            "url": f'<helicone-asset-id key="{VISION_ASSET_KEY}"/>',
                            "detail": "high",
                        },
                    },
                ],
            }
        ],
        "max_tokens": 300,
    }
    response = _chat_response(
        slug,
        unix_seconds(anchor, age),
        model,
        {
            "role": "assistant",
            "content": "Total: **€42.80** — dated **12 October 2025** (Café Lumière, Lyon).",
        },
        finish="stop",
        prompt=1121,
        completion=24,
    )
    return llm_row(
        slug,
        anchor=anchor,
        age_minutes=age,
        provider="OPENAI",
        model=model,
        request_model="gpt-4o-mini",
        response_model=model,
        target_url=CHAT_URL,
        request_path=CHAT_PATH,
        request_body=request,
        response_body=response,
        prompt_tokens=1121,
        completion_tokens=24,
        delay_ms=1890,
        ttft_ms=1210,
        user_id="expenses-app",
        properties={"environment": "production", "feature": "receipt-ocr"},
        country_code="FR",
        asset_ids=[VISION_ASSET_KEY],
    )


def provider_error_row(anchor: datetime) -> dict[str, Any]:
    slug, age = "openai-chat/provider-429", 190.0
    request = {
        "model": "gpt-4o",
        "messages": [
            {"role": "system", "content": "Summarise support tickets in one sentence."},
            {"role": "user", "content": "Ticket #8812: customer cannot reset password..."},
        ],
    }
    response = {
        "error": {
            "message": "Rate limit reached for gpt-4o in organization org-FAKE on tokens per "
            "min (TPM): Limit 30000, Used 29812, Requested 412. Please try again in 448ms. "
            "Visit https://platform.openai.com/account/rate-limits to learn more.",
            "type": "tokens",
            "param": None,
            "code": "rate_limit_exceeded",
        }
    }
    return llm_row(
        slug,
        anchor=anchor,
        age_minutes=age,
        provider="OPENAI",
        model="gpt-4o",
        target_url=CHAT_URL,
        request_path=CHAT_PATH,
        request_body=request,
        response_body=response,
        status=429,
        cost=0,
        delay_ms=96,
        ttft_ms=None,
        user_id="ticket-summariser",
        properties={"environment": "production", "feature": "ticket-summary"},
        country_code="US",
    )


_FAQ_REQUEST: dict[str, Any] = {
    "model": "gpt-4.1-mini",
    "messages": [
        {"role": "system", "content": "Answer questions about Acme's refund policy."},
        {"role": "user", "content": "How long do I have to ask for a refund?"},
    ],
    "temperature": 0,
}
_FAQ_ANSWER = (
    "You can request a refund within **30 days** of delivery. Items must be unused and in "
    "their original packaging; sale items are final."
)


def simple_row(anchor: datetime) -> dict[str, Any]:
    slug, model, age = "openai-chat/simple", "gpt-4.1-mini-2025-04-14", 300.0
    response = _chat_response(
        slug,
        unix_seconds(anchor, age),
        model,
        {"role": "assistant", "content": _FAQ_ANSWER},
        finish="stop",
        prompt=38,
        completion=33,
    )
    return llm_row(
        slug,
        anchor=anchor,
        age_minutes=age,
        provider="OPENAI",
        model=model,
        request_model="gpt-4.1-mini",
        response_model=model,
        target_url=CHAT_URL,
        request_path=CHAT_PATH,
        request_body=_FAQ_REQUEST,
        response_body=response,
        prompt_tokens=38,
        completion_tokens=33,
        delay_ms=845,
        ttft_ms=402,
        user_id="web-visitor-5521",
        properties={"environment": "production", "feature": "faq"},
        country_code="CA",
        cache_enabled=True,
    )


def cached_row(anchor: datetime) -> dict[str, Any]:
    row = simple_row(anchor)
    slug, age = "openai-chat/cached", 95.0
    cached = llm_row(
        slug,
        anchor=anchor,
        age_minutes=age,
        provider="OPENAI",
        model=row["model"],
        request_model="gpt-4.1-mini",
        response_model=row["model"],
        target_url=CHAT_URL,
        request_path=CHAT_PATH,
        request_body=_FAQ_REQUEST,
        response_body=row["response_body"],
        prompt_tokens=38,
        completion_tokens=33,
        cost=0,
        delay_ms=14,
        ttft_ms=14,
        user_id="web-visitor-7310",
        properties={"environment": "production", "feature": "faq"},
        country_code="CA",
        cache_reference_id=ID_OPENAI_SIMPLE,
        cache_enabled=True,
    )
    return cached


def streamed_row(anchor: datetime) -> dict[str, Any]:
    slug, model, age = "openai-chat/streamed", "gpt-4.1-2025-04-14", 55.0
    answer = (
        "Here's a plan for migrating the billing service to Postgres 16:\n\n"
        "1. **Inventory**: list extensions (`pg_partman`, `pgcrypto`) and check 16 support.\n"
        "2. **Replica**: create a logical replica on 16 and let it catch up.\n"
        "3. **Dual reads**: point read-only reports at the replica for a week.\n"
        "4. **Cutover**: pause writers, wait for lag = 0, promote, switch the DSN.\n"
        "5. **Rollback**: keep the old primary for 48 h with reverse replication.\n\n"
        "Expect about 5 minutes of write downtime at cutover."
    )
    request = {
        "model": "gpt-4.1",
        "messages": [
            {"role": "system", "content": "You are a senior SRE. Be specific and brief."},
            {
                "role": "user",
                "content": "Plan a zero-surprise migration of our billing DB "
                "from Postgres 13 to 16.",
            },
        ],
        "stream": True,
        "stream_options": {"include_usage": True},
        "temperature": 0.4,
    }
    # Helicone stores a streamed answer as one consolidated body.
    response = _chat_response(
        slug,
        unix_seconds(anchor, age),
        model,
        {"role": "assistant", "content": answer},
        finish="stop",
        prompt=52,
        completion=164,
    )
    response["object"] = "chat.completion.chunk"
    return llm_row(
        slug,
        anchor=anchor,
        age_minutes=age,
        provider="OPENAI",
        model=model,
        request_model="gpt-4.1",
        response_model=model,
        target_url=CHAT_URL,
        request_path=CHAT_PATH,
        request_body=request,
        response_body=response,
        prompt_tokens=52,
        completion_tokens=164,
        delay_ms=4380,
        ttft_ms=236,
        user_id="sre-oncall",
        properties={"environment": "production", "feature": "runbooks", "stream": "true"},
        country_code="NL",
    )
