"""Built-in rows of Anthropic Messages requests (and the AI gateway row that targets Anthropic)."""

from __future__ import annotations

import base64
import json
import struct
import zlib
from datetime import datetime
from functools import cache
from typing import Any

from .dataset_build import llm_row, short_token
from .storage import BodyStorage

MESSAGES_URL = "https://api.anthropic.com/v1/messages"


@cache
def chart_png_base64() -> str:
    """A small real PNG (a 32x16 bar chart), so image parts carry decodable data."""
    width, height = 32, 16
    bars = [3, 9, 6, 14, 11, 5, 12, 8]
    rows = bytearray()
    for y in range(height):
        rows.append(0)
        for x in range(width):
            bar = bars[x // 4]
            filled = (height - y) <= bar and x % 4 != 3
            rows += bytes((40, 110, 200) if filled else (250, 250, 250))

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    png = (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(bytes(rows), 9))
        + chunk(b"IEND", b"")
    )
    return base64.b64encode(png).decode()


def _usage(inp: int, out: int, *, cache_read: int = 0, cache_write: int = 0) -> dict[str, Any]:
    return {
        "input_tokens": inp,
        "cache_creation_input_tokens": cache_write,
        "cache_read_input_tokens": cache_read,
        "cache_creation": {
            "ephemeral_5m_input_tokens": cache_write,
            "ephemeral_1h_input_tokens": 0,
        },
        "output_tokens": out,
        "service_tier": "standard",
    }


def tools_thinking_image_row(anchor: datetime) -> dict[str, Any]:
    slug, model, age = "anthropic/system-thinking-tools-image", "claude-sonnet-4-20250514", 27.0
    tool_id = f"toolu_01{short_token(slug + '/t1', 22)}"
    request = {
        "model": model,
        "max_tokens": 16000,
        "thinking": {"type": "enabled", "budget_tokens": 8000},
        "system": [
            {
                "type": "text",
                "text": "You are Ledger, the analytics assistant of Brightside Retail. You read "
                "charts and query the warehouse with the tools provided. Quote numbers exactly.",
                "cache_control": {"type": "ephemeral"},
            },
            {
                "type": "text",
                "text": "Today is a Tuesday. Fiscal weeks start on Monday. Currency is USD.",
            },
        ],
        "tools": [
            {
                "name": "run_sql",
                "description": "Run a read-only SQL query on the sales warehouse.",
                "input_schema": {
                    "type": "object",
                    "properties": {"query": {"type": "string"}},
                    "required": ["query"],
                },
            }
        ],
        "messages": [
            {
                "role": "user",
                "content": [
                    {
                        "type": "image",
                        "source": {
                            "type": "base64",
                            "media_type": "image/png",
                            "data": chart_png_base64(),
                        },
                    },
                    {
                        "type": "text",
                        "text": "This is last week's sales by store. Why is store 4 so high? "
                        "Check the warehouse.",
                    },
                ],
            },
            {
                "role": "assistant",
                "content": [
                    {
                        "type": "thinking",
                        "thinking": "The chart shows 8 bars; the fourth is the tallest, roughly "
                        "twice the median. I should look at store 4's orders last week, "
                        "grouped by day, to see whether one day drives it.",
                        "signature": "EqQBCkYIBRgCIkB" + short_token(slug + "/sig1", 120),
                    },
                    {"type": "text", "text": "Let me pull store 4's daily sales."},
                    {
                        "type": "tool_use",
                        "id": tool_id,
                        "name": "run_sql",
                        "input": {
                            "query": "SELECT order_date, SUM(total) FROM orders WHERE "
                            "store_id = 4 AND order_date >= current_date - 7 GROUP BY 1 "
                            "ORDER BY 1"
                        },
                    },
                ],
            },
            {
                "role": "user",
                "content": [
                    {
                        "type": "tool_result",
                        "tool_use_id": tool_id,
                        "content": [
                            {
                                "type": "text",
                                "text": json.dumps(
                                    [
                                        ["Mon", 4120.5],
                                        ["Tue", 3980.0],
                                        ["Wed", 4305.25],
                                        ["Thu", 18640.0],
                                        ["Fri", 4410.75],
                                        ["Sat", 5120.0],
                                        ["Sun", 3875.5],
                                    ]
                                ),
                            }
                        ],
                    }
                ],
            },
        ],
    }
    response = {
        "id": f"msg_01{short_token(slug, 22)}",
        "type": "message",
        "role": "assistant",
        "model": model,
        "content": [
            {
                "type": "thinking",
                "thinking": "Thursday is 18,640 against ~4,200 on other days: a single-day "
                "spike, about 4.4x. That explains the bar. A bulk order or a promotion is the "
                "likely cause; I should say what to check next.",
                "signature": "EqQBCkYIBRgCIkB" + short_token(slug + "/sig2", 120),
            },
            {
                "type": "text",
                "text": "Store 4's week is driven by **one day: Thursday, $18,640** — about "
                "4.4× its usual ~$4,200. Every other day is in line with the other stores. "
                "That pattern points to a bulk order or a one-day promotion rather than a "
                "trend. Next step: list Thursday's orders above $1,000 for store 4.",
            },
        ],
        "stop_reason": "end_turn",
        "stop_sequence": None,
        "usage": _usage(1312, 236, cache_read=1024, cache_write=0),
    }
    return llm_row(
        slug,
        anchor=anchor,
        age_minutes=age,
        provider="ANTHROPIC",
        model=model,
        response_model=model,
        target_url=MESSAGES_URL,
        request_path="/v1/messages",
        request_body=request,
        response_body=response,
        prompt_tokens=2336,
        completion_tokens=236,
        cache_read_tokens=1024,
        delay_ms=9120,
        ttft_ms=3980,
        user_id="analyst-jkim",
        properties={"environment": "production", "feature": "analytics-chat", "team": "bi"},
        scores={"helicone-score-feedback": 1, "groundedness": 0.95},
        country_code="US",
        # Small, yet the server answers with the placeholder: its bodies live only in S3.
        body_storage=BodyStorage.PLACEHOLDER,
    )


def gateway_row(anchor: datetime) -> dict[str, Any]:
    slug, model, age = "ai-gateway/anthropic-via-openai-format", "claude-3-5-haiku-20241022", 61.0
    request = {
        "model": "claude-3-5-haiku-20241022/anthropic",
        "messages": [
            {"role": "system", "content": "Classify the sentiment: positive, neutral, negative."},
            {"role": "user", "content": "The checkout was quick but delivery took 3 weeks."},
        ],
        "max_tokens": 10,
    }
    response = {
        "id": f"chatcmpl-{short_token(slug, 29)}",
        "object": "chat.completion",
        "created": int(anchor.timestamp()) - int(age * 60),
        "model": model,
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": "negative"},
                "finish_reason": "stop",
                "logprobs": None,
            }
        ],
        "usage": {"prompt_tokens": 41, "completion_tokens": 2, "total_tokens": 43},
    }
    return llm_row(
        slug,
        anchor=anchor,
        age_minutes=age,
        provider="anthropic",
        model=model,
        response_model=model,
        target_url=MESSAGES_URL,
        request_path="/v1/chat/completions",
        request_body=request,
        response_body=response,
        prompt_tokens=41,
        completion_tokens=2,
        delay_ms=604,
        ttft_ms=588,
        user_id="reviews-pipeline",
        properties={"environment": "production", "feature": "review-sentiment"},
        country_code="IE",
        request_referrer="ai-gateway",
        ai_gateway_body_mapping="OPENAI",
    )


def signed_url_only_row(anchor: datetime) -> dict[str, Any]:
    """A small Anthropic row whose bodies the server cannot fetch (the signed URL can)."""
    slug, model, age = "anthropic/body-signed-url-only", "claude-3-5-haiku-20241022", 240.0
    request = {
        "model": model,
        "max_tokens": 512,
        "system": "Translate the user's text to German. Keep formatting.",
        "messages": [{"role": "user", "content": "Your order has shipped and arrives Monday."}],
    }
    response = {
        "id": f"msg_01{short_token(slug, 22)}",
        "type": "message",
        "role": "assistant",
        "model": model,
        "content": [
            {"type": "text", "text": "Ihre Bestellung wurde versandt und kommt am Montag an."}
        ],
        "stop_reason": "end_turn",
        "stop_sequence": None,
        "usage": _usage(29, 18),
    }
    return llm_row(
        slug,
        anchor=anchor,
        age_minutes=age,
        provider="ANTHROPIC",
        model=model,
        response_model=model,
        target_url=MESSAGES_URL,
        request_path="/v1/messages",
        request_body=request,
        response_body=response,
        prompt_tokens=29,
        completion_tokens=18,
        delay_ms=712,
        ttft_ms=430,
        user_id="i18n-worker",
        properties={"environment": "production", "feature": "translations"},
        country_code="DE",
        body_storage=BodyStorage.SIGNED_URL_ONLY,
    )
