"""The conversation schema Helicone's dashboard maps bodies to (`llmSchema`).

The server never fills it (DESIGN.md §1): helicone_tui.mapping builds it from raw bodies, and a
row that does carry one is used as it is. Field names follow the API documents exactly.
"""

from __future__ import annotations

from typing import Any

from pydantic import Field

from .base import ApiModel
from .events import (
    DataDetailsResponse,
    HeliconeEventData,
    HeliconeEventTool,
    HeliconeEventVectorDB,
    ToolDetailsResponse,
    VectorDBDetailsResponse,
)
from .types import Number

# Values the documents list; the fields themselves accept any string (enums grow over time).
LLM_TYPES = ("chat", "completion")
MESSAGE_TYPES = (
    "functionCall",
    "function",
    "image",
    "file",
    "message",
    "autoInput",
    "contentArray",
    "audio",
)
RESPONSE_TYPES = ("functionCall", "function", "image", "text", "file", "contentArray")
ROLES = ("user", "assistant", "system", "developer")


class FunctionCall(ApiModel):
    id: str | None = None
    name: str | None = None
    arguments: dict[str, Any] | None = None


class Annotation(ApiModel):
    content: str | None = None
    title: str | None = None
    url: str | None = None
    type: str | None = None


class Message(ApiModel):
    """One message, or one part of a message's ``contentArray`` (recursive)."""

    kind: str | None = Field(default=None, alias="_type")
    role: str | None = None
    content: str | None = None
    name: str | None = None
    id: str | None = None
    contentArray: list[Message] | None = None
    tool_calls: list[FunctionCall] | None = None
    tool_call_id: str | None = None
    reasoning: str | None = None
    annotations: list[Any] | None = None
    image_url: str | None = None
    audio_data: str | None = None
    mime_type: str | None = None
    detail: str | None = None
    filename: str | None = None
    file_id: str | None = None
    file_data: str | None = None
    type: str | None = None
    instruction: str | None = None
    timestamp: str | None = None
    start_timestamp: str | None = None
    trigger_event_id: str | None = None
    ending_event_id: str | None = None
    deleted: bool | None = None
    idx: Number | None = None


class Response(ApiModel):
    """One output item of the OpenAI Responses API as Helicone maps it (recursive)."""

    kind: str | None = Field(default=None, alias="_type")
    type: str | None = None
    role: str | None = None
    text: str | None = None
    name: str | None = None
    id: str | None = None
    contentArray: list[Response] | None = None
    tool_calls: list[FunctionCall] | None = None
    tool_call_id: str | None = None
    image_url: str | None = None
    audio_data: str | None = None
    detail: str | None = None
    filename: str | None = None
    file_id: str | None = None
    file_data: str | None = None
    timestamp: str | None = None
    idx: Number | None = None


class Tool(ApiModel):
    name: str | None = None
    description: str | None = None
    parameters: dict[str, Any] | None = None
    strict: bool | None = None


class ToolChoice(ApiModel):
    type: str | None = None
    name: str | None = None


class ResponseFormat(ApiModel):
    type: str | None = None
    json_schema: Any = None


class LLMRequestBody(ApiModel):
    llm_type: str | None = None
    provider: str | None = None
    model: str | None = None
    messages: list[Message] | None = None
    prompt: str | None = None
    instructions: str | None = None
    input: str | list[Any] | None = None
    max_tokens: Number | None = None
    temperature: Number | None = None
    top_p: Number | None = None
    seed: Number | None = None
    stream: bool | None = None
    presence_penalty: Number | None = None
    frequency_penalty: Number | None = None
    n: Number | None = None
    stop: list[str] | str | None = None
    reasoning_effort: str | None = None
    verbosity: str | None = None
    tools: list[Tool] | None = None
    parallel_tool_calls: bool | None = None
    tool_choice: ToolChoice | None = None
    response_format: ResponseFormat | None = None
    size: str | None = None
    quality: str | None = None
    toolDetails: HeliconeEventTool | None = None
    vectorDBDetails: HeliconeEventVectorDB | None = None
    dataDetails: HeliconeEventData | None = None


class ResponseError(ApiModel):
    heliconeMessage: Any = None


class LLMResponseBody(ApiModel):
    model: str | None = None
    instructions: str | None = None
    messages: list[Message] | None = None
    responses: list[Response] | None = None
    error: ResponseError | None = None
    toolDetailsResponse: ToolDetailsResponse | None = None
    vectorDBDetailsResponse: VectorDBDetailsResponse | None = None
    dataDetailsResponse: DataDetailsResponse | None = None


class LlmSchema(ApiModel):
    request: LLMRequestBody | None = None
    response: LLMResponseBody | None = None
