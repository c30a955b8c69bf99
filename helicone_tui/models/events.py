"""Helicone's non-LLM events: tool calls, vector-db operations and data events.

Rows of these kinds carry ``request_body._type`` of ``tool`` / ``vector_db`` / ``data``.
"""

from __future__ import annotations

from typing import Any

from pydantic import Field

from .base import ApiModel
from .types import Number

EVENT_TYPES = ("tool", "vector_db", "data")
VECTOR_DB_OPERATIONS = ("search", "insert", "delete", "update")


class HeliconeEventTool(ApiModel):
    kind: str | None = Field(default="tool", alias="_type")
    toolName: str | None = None
    input: Any = None


class HeliconeEventVectorDB(ApiModel):
    kind: str | None = Field(default="vector_db", alias="_type")
    operation: str | None = None
    text: str | None = None
    vector: list[Number] | None = None
    topK: Number | None = None
    filter: dict[str, Any] | None = None
    databaseName: str | None = None


class HeliconeEventData(ApiModel):
    kind: str | None = Field(default="data", alias="_type")
    name: str | None = None
    meta: dict[str, Any] | None = None


class EventMetadata(ApiModel):
    timestamp: str | None = None
    destination_parsed: bool | None = None
    destination: str | None = None


class ToolDetailsResponse(ApiModel):
    kind: str | None = Field(default="tool", alias="_type")
    toolName: str | None = None
    metadata: EventMetadata | None = None
    tips: list[str] | None = None
    message: str | None = None
    status: str | None = None


class VectorDBDetailsResponse(ApiModel):
    kind: str | None = Field(default="vector_db", alias="_type")
    metadata: EventMetadata | None = None
    actualSimilarity: Number | None = None
    similarityThreshold: Number | None = None
    message: str | None = None
    status: str | None = None


class DataDetailsResponse(ApiModel):
    kind: str | None = Field(default="data", alias="_type")
    name: str | None = None
    metadata: EventMetadata | None = None
    message: str | None = None
    status: str | None = None
