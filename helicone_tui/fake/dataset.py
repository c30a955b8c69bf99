"""The fake's built-in dataset: one realistic row per kind of request the app must show.

Rows are deterministic for a given ``now``: fixed ids and bodies, and creation times spaced at
fixed offsets before ``now`` (so they look recent and sit inside the API's 90-day window).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from . import dataset_anthropic as anthropic
from . import dataset_large as large
from . import dataset_openai as openai
from . import dataset_other as other
from .dataset_build import anchor_time
from .dataset_ids import (
    DEMO_IDS,
    ID_5MB,
    ID_500_MESSAGES,
    ID_ANTHROPIC,
    ID_BODY_MISSING,
    ID_BODY_SIGNED_URL_ONLY,
    ID_CACHED,
    ID_DATA_EVENT,
    ID_DEEPSEEK_REASONER,
    ID_EMBEDDING,
    ID_FORCED_PLACEHOLDER,
    ID_GATEWAY,
    ID_GEMINI,
    ID_IMAGE_GENERATION,
    ID_NOT_STORED,
    ID_OPENAI_RESPONSES,
    ID_OPENAI_SIMPLE,
    ID_OPENAI_TOOL_CALLS,
    ID_OPENAI_TOOL_RESULTS,
    ID_PROVIDER_ERROR,
    ID_STREAMED,
    ID_TOOL_EVENT,
    ID_UNKNOWN,
    ID_VECTOR_DB_EVENT,
    ID_VISION_ASSET,
)

__all__ = [
    "DEMO_IDS",
    "ID_5MB",
    "ID_500_MESSAGES",
    "ID_ANTHROPIC",
    "ID_BODY_MISSING",
    "ID_BODY_SIGNED_URL_ONLY",
    "ID_CACHED",
    "ID_DATA_EVENT",
    "ID_DEEPSEEK_REASONER",
    "ID_EMBEDDING",
    "ID_FORCED_PLACEHOLDER",
    "ID_GATEWAY",
    "ID_GEMINI",
    "ID_IMAGE_GENERATION",
    "ID_NOT_STORED",
    "ID_OPENAI_RESPONSES",
    "ID_OPENAI_SIMPLE",
    "ID_OPENAI_TOOL_CALLS",
    "ID_OPENAI_TOOL_RESULTS",
    "ID_PROVIDER_ERROR",
    "ID_STREAMED",
    "ID_TOOL_EVENT",
    "ID_UNKNOWN",
    "ID_VECTOR_DB_EVENT",
    "ID_VISION_ASSET",
    "ROW_KINDS",
    "builtin_rows",
    "demo_ids",
]

RowBuilder = Callable[[datetime], dict[str, Any]]

# Display order, each with its id and the short name tests and banners use.
_BUILDERS: list[tuple[str, str, RowBuilder]] = [
    ("openai-tool-calls", ID_OPENAI_TOOL_CALLS, openai.tool_calls_row),
    ("openai-tool-results", ID_OPENAI_TOOL_RESULTS, openai.tool_results_row),
    ("tool-event", ID_TOOL_EVENT, other.tool_event_row),
    ("vector-db-event", ID_VECTOR_DB_EVENT, other.vector_db_event_row),
    ("data-event", ID_DATA_EVENT, other.data_event_row),
    ("openai-responses", ID_OPENAI_RESPONSES, openai.responses_row),
    ("anthropic", ID_ANTHROPIC, anthropic.tools_thinking_image_row),
    ("gemini", ID_GEMINI, other.gemini_row),
    ("streamed", ID_STREAMED, openai.streamed_row),
    ("ai-gateway", ID_GATEWAY, anthropic.gateway_row),
    ("embedding", ID_EMBEDDING, openai.embedding_row),
    ("image-generation", ID_IMAGE_GENERATION, openai.image_generation_row),
    ("vision-asset", ID_VISION_ASSET, openai.vision_asset_row),
    ("provider-error", ID_PROVIDER_ERROR, openai.provider_error_row),
    ("simple", ID_OPENAI_SIMPLE, openai.simple_row),
    ("cached", ID_CACHED, openai.cached_row),
    ("deepseek-reasoner", ID_DEEPSEEK_REASONER, other.deepseek_row),
    ("500-messages", ID_500_MESSAGES, large.five_hundred_messages_row),
    ("5mb", ID_5MB, large.five_mb_row),
    ("not-stored", ID_NOT_STORED, large.not_stored_row),
    ("body-signed-url-only", ID_BODY_SIGNED_URL_ONLY, anthropic.signed_url_only_row),
    ("body-missing", ID_BODY_MISSING, large.body_missing_row),
]

ROW_KINDS: dict[str, str] = {kind: request_id for kind, request_id, _ in _BUILDERS}
"""Short kind name → request id, in display order."""

if tuple(request_id for _, request_id, _ in _BUILDERS) != DEMO_IDS:
    raise AssertionError("dataset_ids.DEMO_IDS is not the builders' display order")


def demo_ids() -> list[str]:
    return list(DEMO_IDS)


def builtin_rows(now: datetime | None = None) -> list[dict[str, Any]]:
    """Fresh copies of the built-in rows (the large texts are built once and shared)."""
    anchor = anchor_time(now)
    rows = [build(anchor) for _, _, build in _BUILDERS]
    for (_, request_id, _), row in zip(_BUILDERS, rows, strict=True):
        if row["request_id"] != request_id:
            raise AssertionError(f"row builder gave {row['request_id']}, expected {request_id}")
    return rows
