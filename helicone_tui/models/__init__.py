"""Typed, tolerant models of the Helicone request API (the bottom layer: imports nothing above)."""

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
    NOT_STORED_LOCATIONS,
    BodyInfo,
    BodyState,
    HeliconeRequest,
    infer_body_info,
    is_body_placeholder,
)

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
