"""Cheap synthetic rows for scale tests and benchmarks (10,000 rows in well under a second)."""

from __future__ import annotations

import uuid
from datetime import datetime
from random import Random
from typing import Any

from .dataset_build import anchor_time, llm_row

_USERS = [f"user-{i:03d}" for i in range(40)]
_FEATURES = ["search", "chat", "summaries", "support-agent", "classifier", "autocomplete"]
_COUNTRIES = ["US", "GB", "DE", "FR", "JP", "BR", "IN", "CA", "AU", "NL"]
_QUESTIONS = [
    "Summarise this ticket in one sentence.",
    "Classify the sentiment of this review.",
    "Suggest a title for this blog post.",
    "Translate 'good morning' to Spanish.",
    "Explain the error: KeyError: 'user_id'.",
    "Write a regex for ISO dates.",
]
_ANSWERS = [
    "Customer asks for a refund after a late delivery.",
    "negative",
    "Ten Lessons From Shipping a Terminal App",
    "Buenos días.",
    "The dict has no 'user_id' key; use .get('user_id') or check the payload.",
    r"^\d{4}-\d{2}-\d{2}$",
]


def _openai(rng: Random, q: int, p: int, c: int) -> dict[str, Any]:
    return {
        "provider": "OPENAI",
        "model": "gpt-4o-mini-2024-07-18",
        "target_url": "https://api.openai.com/v1/chat/completions",
        "request_path": "/v1/chat/completions",
        "request_body": {
            "model": "gpt-4o-mini",
            "messages": [{"role": "user", "content": _QUESTIONS[q]}],
        },
        "response_body": {
            "id": f"chatcmpl-syn{rng.getrandbits(48):x}",
            "object": "chat.completion",
            "model": "gpt-4o-mini-2024-07-18",
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": _ANSWERS[q]},
                    "finish_reason": "stop",
                }
            ],
            "usage": {"prompt_tokens": p, "completion_tokens": c, "total_tokens": p + c},
        },
    }


def _anthropic(rng: Random, q: int, p: int, c: int) -> dict[str, Any]:
    return {
        "provider": "ANTHROPIC",
        "model": "claude-3-5-haiku-20241022",
        "target_url": "https://api.anthropic.com/v1/messages",
        "request_path": "/v1/messages",
        "request_body": {
            "model": "claude-3-5-haiku-20241022",
            "max_tokens": 256,
            "messages": [{"role": "user", "content": _QUESTIONS[q]}],
        },
        "response_body": {
            "id": f"msg_syn{rng.getrandbits(48):x}",
            "type": "message",
            "role": "assistant",
            "model": "claude-3-5-haiku-20241022",
            "content": [{"type": "text", "text": _ANSWERS[q]}],
            "stop_reason": "end_turn",
            "usage": {"input_tokens": p, "output_tokens": c},
        },
    }


def _gemini(rng: Random, q: int, p: int, c: int) -> dict[str, Any]:
    return {
        "provider": "GOOGLE",
        "model": "gemini-2.5-flash",
        "target_url": "https://generativelanguage.googleapis.com/v1beta/models/"
        "gemini-2.5-flash:generateContent",
        "request_path": "/v1beta/models/gemini-2.5-flash:generateContent",
        "request_body": {"contents": [{"role": "user", "parts": [{"text": _QUESTIONS[q]}]}]},
        "response_body": {
            "candidates": [
                {
                    "content": {"role": "model", "parts": [{"text": _ANSWERS[q]}]},
                    "finishReason": "STOP",
                }
            ],
            "usageMetadata": {
                "promptTokenCount": p,
                "candidatesTokenCount": c,
                "totalTokenCount": p + c,
            },
        },
    }


_KINDS = (_openai, _openai, _anthropic, _gemini)


def synthetic_rows(n: int, seed: int = 0, *, now: datetime | None = None) -> list[dict[str, Any]]:
    """``n`` small, varied, valid rows; the same ``n``/``seed``/``now`` give the same rows."""
    if n < 0:
        raise ValueError("n must be >= 0")
    rng = Random(seed)
    anchor = anchor_time(now)
    rows: list[dict[str, Any]] = []
    for i in range(n):
        q = rng.randrange(len(_QUESTIONS))
        prompt, completion = rng.randint(12, 900), rng.randint(1, 400)
        shape = _KINDS[rng.randrange(len(_KINDS))](rng, q, prompt, completion)
        status = 200 if rng.random() > 0.03 else rng.choice([400, 429, 500])
        row = llm_row(
            f"synthetic/{seed}/{i}",
            anchor=anchor,
            # Newest first over the last ~30 days (wrapping every 10,000 rows), independent of
            # n so that the first rows of a larger set equal a smaller set.
            age_minutes=(i % 10_000) * 4.32 + rng.random(),
            prompt_tokens=prompt,
            completion_tokens=completion,
            status=status,
            delay_ms=rng.randint(150, 9000),
            ttft_ms=rng.randint(80, 900),
            user_id=rng.choice(_USERS),
            properties={"environment": "production", "feature": rng.choice(_FEATURES)},
            country_code=rng.choice(_COUNTRIES),
            # Random-looking (seeded) v4 ids, like real ones.
            request_id=str(uuid.UUID(int=rng.getrandbits(128), version=4)),
            response_id=str(uuid.UUID(int=rng.getrandbits(128), version=4)),
            **shape,
        )
        rows.append(row)
    return rows
