"""Built-in rows that stress size and storage: 500 messages, ~5 MB, bodies not stored or lost."""

from __future__ import annotations

import json
import random
from datetime import datetime
from functools import cache
from typing import Any

from .dataset_build import llm_row, short_token, unix_seconds
from .dataset_openai import CHAT_PATH, CHAT_URL
from .storage import BodyStorage

TARGET_5MB_BYTES = 5 * 1024 * 1024

_SUBJECTS = [
    "Net revenue", "Gross margin", "Operating expense", "Customer churn", "Inventory turnover",
    "Warehouse throughput", "Support backlog", "Cloud spend", "Headcount", "Deferred revenue",
    "Average order value", "Return rate", "On-time delivery", "Supplier lead time",
]  # fmt: skip
_VERBS = [
    "rose", "fell", "held steady", "recovered", "declined sharply", "improved", "edged up",
    "was flat", "doubled", "slipped",
]  # fmt: skip
_CAUSES = [
    "after the pricing change in the northern region",
    "as the new fulfilment centre came online",
    "because two large accounts renewed early",
    "reflecting seasonal demand in the holiday quarter",
    "despite higher freight costs on trans-Pacific routes",
    "following the migration to the consolidated ERP",
    "driven by the loyalty programme relaunch",
    "while the hiring freeze stayed in place",
]


@cache
def long_document() -> str:
    """An annual-report-like text of ~4.8 MB, the same on every call (seeded)."""
    rng = random.Random(5)
    parts: list[str] = []
    size = 0
    section = 0
    limit = TARGET_5MB_BYTES - 400_000
    while size < limit:
        section += 1
        heading = f"\n\n## Section {section}: {rng.choice(_SUBJECTS)} review\n\n"
        sentences = [
            f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {rng.randint(1, 40)}."
            f"{rng.randint(0, 9)}% in Q{rng.randint(1, 4)} {rng.choice(_CAUSES)}."
            for _ in range(60)
        ]
        paragraph = heading + " ".join(sentences)
        parts.append(paragraph)
        size += len(paragraph)
    return "".join(parts)


@cache
def long_answer() -> str:
    """A long structured answer (~250 KB), seeded."""
    rng = random.Random(7)
    lines = ["# Executive summary of the annual report\n"]
    for i in range(1, 1601):
        lines.append(
            f"{i}. {rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} "
            f"({rng.randint(1, 40)}%) {rng.choice(_CAUSES)}; see section {rng.randint(1, 900)}."
        )
    return "\n".join(lines)


def five_mb_row(anchor: datetime) -> dict[str, Any]:
    slug, model, age = "openai-chat/5mb-document", "gpt-4.1-2025-04-14", 220.0
    request = {
        "model": "gpt-4.1",
        "messages": [
            {"role": "system", "content": "Summarise long reports faithfully. Cite sections."},
            {
                "role": "user",
                "content": "Summarise the key movements in this report:\n\n" + long_document(),
            },
        ],
        "max_tokens": 32768,
    }
    response = {
        "id": f"chatcmpl-{short_token(slug, 29)}",
        "object": "chat.completion",
        "created": unix_seconds(anchor, age),
        "model": model,
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": long_answer(), "refusal": None},
                "logprobs": None,
                "finish_reason": "length",
            }
        ],
        "usage": {
            "prompt_tokens": 1_012_480,
            "completion_tokens": 32_768,
            "total_tokens": 1_045_248,
        },
    }
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
        prompt_tokens=1_012_480,
        completion_tokens=32_768,
        delay_ms=187_400,
        ttft_ms=41_250,
        user_id="finance-reports",
        properties={"environment": "production", "feature": "report-summary"},
        country_code="US",
    )


_TOPICS = [
    "the onboarding checklist", "the Q3 roadmap", "the flaky CI job", "the pricing page copy",
    "the API rate limits", "the incident from Tuesday", "the design review", "the hiring plan",
]  # fmt: skip


def _five_hundred_messages() -> list[dict[str, Any]]:
    rng = random.Random(500)
    messages: list[dict[str, Any]] = [
        {"role": "system", "content": "You are Pilot, a long-running project assistant."}
    ]
    turn = 0
    while len(messages) < 500:
        turn += 1
        topic = rng.choice(_TOPICS)
        messages.append(
            {
                "role": "user",
                "content": f"Turn {turn}: what's the status of {topic}? Include blockers.",
            }
        )
        if turn % 12 == 0 and len(messages) <= 496:
            call_id = f"call_{short_token(f'500/{turn}')}"
            messages.append(
                {
                    "role": "assistant",
                    "content": None,
                    "tool_calls": [
                        {
                            "id": call_id,
                            "type": "function",
                            "function": {
                                "name": "search_tracker",
                                "arguments": json.dumps({"query": topic, "limit": 3}),
                            },
                        }
                    ],
                }
            )
            messages.append(
                {
                    "role": "tool",
                    "tool_call_id": call_id,
                    "content": json.dumps(
                        {"issues": [f"PRJ-{rng.randint(100, 999)}" for _ in range(3)]}
                    ),
                }
            )
        messages.append(
            {
                "role": "assistant",
                "content": f"On {topic}: progress {rng.choice(_VERBS)} since turn "
                f"{max(1, turn - 3)}. There are {rng.randint(1, 9)} open items; the owner is "
                f"{rng.choice(['Ana', 'Bo', 'Chen'])}, and the next check-in is on "
                f"{rng.choice(['Monday', 'Wednesday', 'Friday'])}.",
            }
        )
    return messages[:500]


def five_hundred_messages_row(anchor: datetime) -> dict[str, Any]:
    slug, model, age = "openai-chat/500-messages", "gpt-4o-mini-2024-07-18", 88.0
    request = {"model": "gpt-4o-mini", "messages": _five_hundred_messages(), "temperature": 0.3}
    response = {
        "id": f"chatcmpl-{short_token(slug, 29)}",
        "object": "chat.completion",
        "created": unix_seconds(anchor, age),
        "model": model,
        "choices": [
            {
                "index": 0,
                "message": {
                    "role": "assistant",
                    "content": "Summary so far: 8 topics tracked; the flaky CI job and the "
                    "pricing page copy still have open items.",
                    "refusal": None,
                },
                "logprobs": None,
                "finish_reason": "stop",
            }
        ],
        "usage": {"prompt_tokens": 14_210, "completion_tokens": 31, "total_tokens": 14_241},
    }
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
        prompt_tokens=14_210,
        completion_tokens=31,
        cache_read_tokens=13_952,
        delay_ms=2_410,
        ttft_ms=890,
        user_id="pm-ana",
        properties={
            "environment": "production",
            "feature": "project-assistant",
            "Helicone-Session-Id": "c0ffee00-1b2c-4d3e-8f40-5a6b7c8d9e0f",
            "Helicone-Session-Path": "/standup",
            "Helicone-Session-Name": "Project standup",
        },
        country_code="BR",
    )


def not_stored_row(anchor: datetime) -> dict[str, Any]:
    slug, model, age = "openai-chat/not-stored", "gpt-4o-mini-2024-07-18", 400.0
    row = llm_row(
        slug,
        anchor=anchor,
        age_minutes=age,
        provider="OPENAI",
        model=model,
        request_model="gpt-4o-mini",
        response_model=model,
        target_url=CHAT_URL,
        request_path=CHAT_PATH,
        request_body=None,
        response_body=None,
        prompt_tokens=512,
        completion_tokens=128,
        delay_ms=1320,
        ttft_ms=505,
        user_id="free-tier-user",
        properties={"environment": "production"},
        country_code="IN",
        storage_location="not_stored_exceeded_free",
    )
    return row


def body_missing_row(anchor: datetime) -> dict[str, Any]:
    slug, model, age = "openai-chat/body-missing", "gpt-4o-2024-08-06", 610.0
    request = {
        "model": "gpt-4o",
        "messages": [{"role": "user", "content": "Draft a polite reminder about the invoice."}],
    }
    response = {
        "id": f"chatcmpl-{short_token(slug, 29)}",
        "object": "chat.completion",
        "created": unix_seconds(anchor, age),
        "model": model,
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": "Hi Sam, a friendly reminder..."},
                "logprobs": None,
                "finish_reason": "stop",
            }
        ],
        "usage": {"prompt_tokens": 16, "completion_tokens": 88, "total_tokens": 104},
    }
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
        prompt_tokens=16,
        completion_tokens=88,
        delay_ms=2105,
        ttft_ms=690,
        user_id="billing-assistant",
        properties={"environment": "production", "feature": "dunning"},
        country_code="AU",
        body_storage=BodyStorage.LOST,
    )
