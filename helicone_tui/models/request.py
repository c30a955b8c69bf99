"""`HeliconeRequest`: one row of the request table, as both API versions return it."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from pydantic import PrivateAttr

from .base import ApiModel
from .llm_schema import LlmSchema
from .storage import NOT_STORED_LOCATIONS
from .types import Number

# The documents' provider enums (both versions). The field accepts any string: the enum grows.
KNOWN_PROVIDERS = frozenset(
    {
        "OPENAI", "ANTHROPIC", "AZURE", "LOCAL", "HELICONE", "AMDBARTEK", "ANYSCALE",
        "CLOUDFLARE", "2YFV", "TOGETHER", "LEMONFOX", "FIREWORKS", "PERPLEXITY", "GOOGLE",
        "OPENROUTER", "WISDOMINANUTSHELL", "GROQ", "COHERE", "MISTRAL", "DEEPINFRA", "QSTASH",
        "FIRECRAWL", "AWS", "BEDROCK", "DEEPSEEK", "X", "AVIAN", "NEBIUS", "NOVITA", "OPENPIPE",
        "CHUTES", "LLAMA", "NVIDIA", "VERCEL", "CEREBRAS", "BASETEN", "CANOPYWAVE", "CUSTOM",
        "baseten", "anthropic", "azure", "bedrock", "cerebras", "chutes", "deepinfra",
        "deepseek", "fireworks", "google-ai-studio", "groq", "helicone", "mistral", "nebius",
        "novita", "openai", "openrouter", "perplexity", "vertex", "xai", "canopywave",
    }
)  # fmt: skip

# `cache_reference_id` of a row that was not served from Helicone's cache.
NO_CACHE_REFERENCE = "00000000-0000-0000-0000-000000000000"


# The server's string stand-in for a body that lives in object storage (DESIGN.md §1).
_PLACEHOLDER_MARK = "fetching body from signed_url"


def is_body_placeholder(body: Any) -> bool:
    """True for the server's "fetching body from signed_url..." string placeholder."""
    return isinstance(body, str) and _PLACEHOLDER_MARK in body[:500]


class BodyState(StrEnum):
    """Where a row's bodies came from, or why there are none. Set by the client, not the API."""

    INLINE = "inline"
    """The bodies came with the row."""
    SIGNED_URL = "signed_url"
    """The client fetched them from ``signed_body_url``."""
    PLACEHOLDER = "placeholder"
    """The row holds only the server's string placeholder (fetch the detail to get them)."""
    NOT_STORED = "not_stored"
    """Helicone never stored them (for example a free-tier row over its storage limit)."""
    UNAVAILABLE = "unavailable"
    """They should exist but neither the server nor the signed URL gave them."""


@dataclass(frozen=True, slots=True)
class BodyInfo:
    state: BodyState
    detail: str | None = None


class HeliconeRequest(ApiModel):
    """A request row. Every field but ``request_id`` may be missing or null."""

    RAW_JSON_FIELDS = ("request_body", "response_body")

    request_id: str
    request_created_at: str | None = None
    request_body: Any = None
    request_path: str | None = None
    request_user_id: str | None = None
    request_properties: dict[str, Any] | None = None
    request_model: str | None = None
    request_referrer: str | None = None
    response_id: str | None = None
    response_created_at: str | None = None
    response_body: Any = None
    response_status: Number | None = None
    response_model: str | None = None
    model_override: str | None = None
    model: str | None = None
    helicone_user: str | None = None
    provider: str | None = None
    target_url: str | None = None
    delay_ms: Number | None = None
    time_to_first_token: Number | None = None
    total_tokens: Number | None = None
    prompt_tokens: Number | None = None
    prompt_cache_write_tokens: Number | None = None
    prompt_cache_read_tokens: Number | None = None
    completion_tokens: Number | None = None
    reasoning_tokens: Number | None = None
    prompt_audio_tokens: Number | None = None
    completion_audio_tokens: Number | None = None
    cost: Number | None = None
    costUSD: Number | None = None
    prompt_id: str | None = None
    prompt_version: str | None = None
    feedback_created_at: str | None = None
    feedback_id: str | None = None
    feedback_rating: bool | None = None
    signed_body_url: str | None = None
    llmSchema: LlmSchema | None = None
    country_code: str | None = None
    asset_ids: list[str] | None = None
    asset_urls: dict[str, str] | None = None
    assets: list[str] | None = None
    scores: dict[str, Any] | None = None
    properties: dict[str, Any] | None = None
    cache_reference_id: str | None = None
    cache_enabled: bool | None = None
    updated_at: str | None = None
    ai_gateway_body_mapping: str | None = None
    storage_location: str | None = None

    # The client's account of the bodies; not part of the API's JSON, so never dumped.
    _body_info: BodyInfo | None = PrivateAttr(default=None)
    # Bytes of the answers the row was read from, set by the client (0: not known).
    _raw_size: int = PrivateAttr(default=0)

    @property
    def body_info(self) -> BodyInfo:
        if self._body_info is not None:
            return self._body_info
        return infer_body_info(self)

    def with_body_info(self, info: BodyInfo) -> HeliconeRequest:
        self._body_info = info
        return self

    @property
    def raw_size(self) -> int:
        """Bytes of the JSON the row (with its bodies, when fetched) was read from; 0 when not
        known. Cheap to ask: a measure of what holding the row costs, without walking it."""
        return self._raw_size

    def with_raw_size(self, size: int) -> HeliconeRequest:
        self._raw_size = size
        return self

    @property
    def custom_properties(self) -> dict[str, Any]:
        """The row's custom properties (`properties`, else `request_properties`)."""
        return dict(self.properties or self.request_properties or {})

    @property
    def cached(self) -> bool:
        """True when Helicone served the response from its cache."""
        ref = self.cache_reference_id
        return bool(ref) and ref != NO_CACHE_REFERENCE

    @property
    def display_model(self) -> str | None:
        return self.model_override or self.model or self.response_model or self.request_model

    @property
    def cost_usd(self) -> float | None:
        value = self.cost if self.cost is not None else self.costUSD
        return float(value) if value is not None else None


def infer_body_info(row: HeliconeRequest) -> BodyInfo:
    """Read the body state off the row itself, for rows the client did not annotate."""
    if row.storage_location in NOT_STORED_LOCATIONS:
        return BodyInfo(
            BodyState.NOT_STORED,
            f"Helicone did not store this request's bodies (storage_location = "
            f"{row.storage_location!r}).",
        )
    if is_body_placeholder(row.request_body) or is_body_placeholder(row.response_body):
        return BodyInfo(BodyState.PLACEHOLDER, "The bodies are in object storage.")
    return BodyInfo(BodyState.INLINE)
