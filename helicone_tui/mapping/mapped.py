"""What the mapping layer hands to the rest of the app."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from helicone_tui.models import LlmSchema

MapperType = Literal[
    "openai-chat",
    "openai-response",
    "anthropic-chat",
    "gemini-chat",
    "openai-embedding",
    "openai-image",
    "black-forest-labs-image",
    "openai-assistant",
    "openai-realtime",
    "openai-moderation",
    "openai-instruct",
    "llama-chat",
    "vercel-chat",
    "tool",
    "vector-db",
    "data",
    "unknown",
]

StatusKind = Literal["success", "error", "pending"]


@dataclass(frozen=True, slots=True)
class RequestStatus:
    kind: StatusKind
    code: int | None
    """The HTTP status as the row gave it (None when the row has none)."""


@dataclass(frozen=True, slots=True)
class Preview:
    """One-line texts for lists: newlines folded to spaces, long text cut."""

    request: str
    response: str


@dataclass(frozen=True, slots=True)
class MapperOutput:
    """What one mapper returns: the two schema sides as JSON, and the preview texts."""

    request: dict[str, Any]
    response: dict[str, Any]
    preview_request: str = ""
    preview_response: str = ""


@dataclass(frozen=True, slots=True)
class MappedRequest:
    """A row mapped to a conversation, or an account of why it could not be.

    ``schema`` is always present (empty when nothing could be mapped); the raw bodies travel
    along so the UI can fall back to showing JSON.
    """

    request_id: str
    mapper: MapperType
    schema: LlmSchema
    preview: Preview
    status: RequestStatus
    cached: bool
    model: str | None
    request_body: Any
    response_body: Any
    error_message: str | None = None
    """A readable provider / Helicone error, when the response carries one."""
    unmappable_reason: str | None = None
    """Why no conversation could be built (None when mapping succeeded)."""
    from_row_schema: bool = False
    """True when the row carried its own ``llmSchema`` and it was used as it was."""
    parameters: dict[str, Any] = field(default_factory=dict)
    """The call's parameters read from the request body (temperature, max_tokens, tools, ...)."""

    @property
    def mapped(self) -> bool:
        return self.unmappable_reason is None
