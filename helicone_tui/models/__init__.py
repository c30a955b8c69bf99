"""Typed, tolerant models of the Helicone request API (the bottom layer: imports nothing above)."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

# Names load with their module on first use (PEP 562): pydantic loads only when a model is used.
if TYPE_CHECKING:
    from .base import ApiModel
    from .envelope import ResultEnvelope
    from .events import (
        DataDetailsResponse,
        EventMetadata,
        HeliconeEventData,
        HeliconeEventTool,
        HeliconeEventVectorDB,
        ToolDetailsResponse,
        VectorDBDetailsResponse,
    )
    from .llm_schema import (
        Annotation,
        FunctionCall,
        LLMRequestBody,
        LLMResponseBody,
        LlmSchema,
        Message,
        Response,
        ResponseError,
        ResponseFormat,
        Tool,
        ToolChoice,
    )
    from .request import (
        KNOWN_PROVIDERS,
        NO_CACHE_REFERENCE,
        BodyInfo,
        BodyState,
        HeliconeRequest,
        infer_body_info,
        is_body_placeholder,
    )
    from .storage import NOT_STORED_LOCATIONS
    from .summary import RequestSummary

_SUBMODULE = {
    "ApiModel": "base",
    "ResultEnvelope": "envelope",
    "DataDetailsResponse": "events",
    "EventMetadata": "events",
    "HeliconeEventData": "events",
    "HeliconeEventTool": "events",
    "HeliconeEventVectorDB": "events",
    "ToolDetailsResponse": "events",
    "VectorDBDetailsResponse": "events",
    "Annotation": "llm_schema",
    "FunctionCall": "llm_schema",
    "LLMRequestBody": "llm_schema",
    "LLMResponseBody": "llm_schema",
    "LlmSchema": "llm_schema",
    "Message": "llm_schema",
    "Response": "llm_schema",
    "ResponseError": "llm_schema",
    "ResponseFormat": "llm_schema",
    "Tool": "llm_schema",
    "ToolChoice": "llm_schema",
    "KNOWN_PROVIDERS": "request",
    "NO_CACHE_REFERENCE": "request",
    "NOT_STORED_LOCATIONS": "storage",
    "BodyInfo": "request",
    "BodyState": "request",
    "HeliconeRequest": "request",
    "infer_body_info": "request",
    "is_body_placeholder": "request",
    "RequestSummary": "summary",
}

__all__ = [
    "KNOWN_PROVIDERS",
    "NOT_STORED_LOCATIONS",
    "NO_CACHE_REFERENCE",
    "Annotation",
    "ApiModel",
    "BodyInfo",
    "BodyState",
    "DataDetailsResponse",
    "EventMetadata",
    "FunctionCall",
    "HeliconeEventData",
    "HeliconeEventTool",
    "HeliconeEventVectorDB",
    "HeliconeRequest",
    "LLMRequestBody",
    "LLMResponseBody",
    "LlmSchema",
    "Message",
    "RequestSummary",
    "Response",
    "ResponseError",
    "ResponseFormat",
    "ResultEnvelope",
    "Tool",
    "ToolChoice",
    "ToolDetailsResponse",
    "VectorDBDetailsResponse",
    "infer_body_info",
    "is_body_placeholder",
]


def __getattr__(name: str) -> Any:
    module = _SUBMODULE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value
