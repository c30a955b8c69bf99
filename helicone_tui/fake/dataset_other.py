"""Built-in rows of Gemini and DeepSeek requests, and Helicone's tool / vector-db / data events."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from .dataset_build import llm_row, session, short_token, unix_seconds
from .dataset_openai import TRIP_SESSION

GEMINI_MODEL = "gemini-2.5-flash"
GEMINI_URL = (
    f"https://generativelanguage.googleapis.com/v1beta/models/{GEMINI_MODEL}:generateContent"
)


def gemini_row(anchor: datetime) -> dict[str, Any]:
    slug, age = "gemini/function-calls", 36.0
    request = {
        "contents": [
            {
                "role": "user",
                "parts": [
                    {
                        "text": "Turn on the living room lights and set them to 40%, then "
                        "tell me the thermostat temperature."
                    }
                ],
            },
            {
                "role": "model",
                "parts": [
                    {
                        "functionCall": {
                            "name": "set_light",
                            "args": {"room": "living room", "on": True},
                        }
                    }
                ],
            },
            {
                "role": "user",
                "parts": [
                    {
                        "functionResponse": {
                            "name": "set_light",
                            "response": {"room": "living room", "on": True, "brightness": 100},
                        }
                    }
                ],
            },
        ],
        "systemInstruction": {"parts": [{"text": "You control a smart home. Use the tools."}]},
        "tools": [
            {
                "functionDeclarations": [
                    {
                        "name": "set_light",
                        "description": "Switch a room's lights and optionally dim them.",
                        "parameters": {
                            "type": "OBJECT",
                            "properties": {
                                "room": {"type": "STRING"},
                                "on": {"type": "BOOLEAN"},
                                "brightness": {"type": "INTEGER", "description": "0-100"},
                            },
                            "required": ["room"],
                        },
                    },
                    {
                        "name": "get_thermostat",
                        "description": "Read the thermostat.",
                        "parameters": {"type": "OBJECT", "properties": {}},
                    },
                ]
            }
        ],
        "generationConfig": {"temperature": 0.1, "thinkingConfig": {"thinkingBudget": 512}},
    }
    response = {
        "candidates": [
            {
                "content": {
                    "role": "model",
                    "parts": [
                        {
                            "functionCall": {
                                "name": "set_light",
                                "args": {"room": "living room", "on": True, "brightness": 40},
                            }
                        },
                        {"functionCall": {"name": "get_thermostat", "args": {}}},
                    ],
                },
                "finishReason": "STOP",
                "index": 0,
            }
        ],
        "usageMetadata": {
            "promptTokenCount": 214,
            "candidatesTokenCount": 31,
            "totalTokenCount": 390,
            "thoughtsTokenCount": 145,
            "promptTokensDetails": [{"modality": "TEXT", "tokenCount": 214}],
        },
        "modelVersion": GEMINI_MODEL,
        "responseId": short_token(slug, 22),
    }
    return llm_row(
        slug,
        anchor=anchor,
        age_minutes=age,
        provider="GOOGLE",
        model=GEMINI_MODEL,
        response_model=GEMINI_MODEL,
        target_url=GEMINI_URL,
        request_path=f"/v1beta/models/{GEMINI_MODEL}:generateContent",
        request_body=request,
        response_body=response,
        prompt_tokens=214,
        completion_tokens=31,
        reasoning_tokens=145,
        delay_ms=1675,
        ttft_ms=1675,
        user_id="home-hub-17",
        properties={"environment": "production", "feature": "smart-home", "device": "hub-v2"},
        country_code="JP",
    )


def deepseek_row(anchor: datetime) -> dict[str, Any]:
    slug, model, age = "deepseek/reasoner", "deepseek-reasoner", 150.0
    request = {
        "model": model,
        "messages": [{"role": "user", "content": "Is 2^61 - 1 prime? One line."}],
    }
    response = {
        "id": short_token(slug, 32).lower(),
        "object": "chat.completion",
        "created": unix_seconds(anchor, age),
        "model": model,
        "choices": [
            {
                "index": 0,
                "message": {
                    "role": "assistant",
                    "content": "Yes — 2^61 − 1 = 2305843009213693951 is a Mersenne prime (M61).",
                    "reasoning_content": "2^61-1 is a known Mersenne number; 61 is prime and "
                    "M61 was proven prime by Pervushin in 1883.",
                },
                "logprobs": None,
                "finish_reason": "stop",
            }
        ],
        "usage": {
            "prompt_tokens": 17,
            "completion_tokens": 118,
            "total_tokens": 135,
            "prompt_tokens_details": {"cached_tokens": 0},
            "completion_tokens_details": {"reasoning_tokens": 92},
            "prompt_cache_hit_tokens": 0,
            "prompt_cache_miss_tokens": 17,
        },
        "system_fingerprint": "fp_7e73fd9a08_prod0425fp8",
    }
    return llm_row(
        slug,
        anchor=anchor,
        age_minutes=age,
        provider="DEEPSEEK",
        model=model,
        response_model=model,
        target_url="https://api.deepseek.com/chat/completions",
        request_path="/chat/completions",
        request_body=request,
        response_body=response,
        prompt_tokens=17,
        completion_tokens=26,
        reasoning_tokens=92,
        delay_ms=5230,
        ttft_ms=610,
        user_id="math-tutor",
        properties={"environment": "development"},
        country_code="SG",
    )


def _event_row(
    slug: str,
    anchor: datetime,
    age: float,
    model: str,
    request: dict[str, Any],
    response: dict[str, Any],
    *,
    delay_ms: int,
    properties: dict[str, str],
) -> dict[str, Any]:
    return llm_row(
        slug,
        anchor=anchor,
        age_minutes=age,
        provider="CUSTOM",
        model=model,
        target_url="",
        request_path="/custom/v1/log",
        request_body=request,
        response_body=response,
        cost=0,
        delay_ms=delay_ms,
        ttft_ms=None,
        user_id="alice@acme-travel.example",
        properties=properties,
        country_code="FR",
    )


def tool_event_row(anchor: datetime) -> dict[str, Any]:
    request = {
        "_type": "tool",
        "toolName": "WeatherAPI",
        "input": {"city": "Tokyo", "unit": "celsius"},
    }
    response = {
        "_type": "tool",
        "toolName": "WeatherAPI",
        "status": "success",
        "message": "Tokyo: 21.0 °C, clear, wind 7 km/h",
        "metadata": {"timestamp": "2025-10-14T13:41:08.512Z"},
    }
    return _event_row(
        "event/tool",
        anchor,
        13.95,
        "tool:WeatherAPI",
        request,
        response,
        delay_ms=183,
        properties=session(TRIP_SESSION, "/trip/weather/tool", "Trip planner"),
    )


def vector_db_event_row(anchor: datetime) -> dict[str, Any]:
    request = {
        "_type": "vector_db",
        "operation": "search",
        "text": "visa requirements for EU citizens visiting Japan",
        "vector": [0.0123, -0.0871, 0.1442, 0.0305, -0.0619, 0.0917, -0.0228, 0.0554],
        "topK": 3,
        "filter": {"country": "JP", "doc_type": "travel-advisory"},
        "databaseName": "travel-kb",
    }
    response = {
        "_type": "vector_db",
        "status": "success",
        "message": "3 matches",
        "similarityThreshold": 0.75,
        "actualSimilarity": 0.91,
        "metadata": {"timestamp": "2025-10-14T13:40:59.004Z", "destination": "Japan"},
    }
    return _event_row(
        "event/vector-db",
        anchor,
        14.1,
        "vector_db",
        request,
        response,
        delay_ms=42,
        properties=session(TRIP_SESSION, "/trip/retrieval", "Trip planner"),
    )


def data_event_row(anchor: datetime) -> dict[str, Any]:
    request = {
        "_type": "data",
        "name": "itinerary-draft",
        "meta": {"traveller": "alice", "legs": 2, "source": "planner-v3"},
    }
    response = {
        "_type": "data",
        "name": "itinerary-draft",
        "status": "success",
        "message": "Saved itinerary draft (2 legs, 5 nights)",
        "metadata": {"timestamp": "2025-10-14T13:42:30.771Z"},
    }
    return _event_row(
        "event/data",
        anchor,
        13.8,
        "data",
        request,
        response,
        delay_ms=9,
        properties=session(TRIP_SESSION, "/trip/save", "Trip planner"),
    )
