"""Fixed request ids of the built-in dataset's rows, by what each row is for."""

from __future__ import annotations

from .dataset_build import row_id

ID_OPENAI_TOOL_CALLS = row_id("openai-chat/parallel-tool-calls")
"""OpenAI chat whose answer makes three parallel tool calls."""
ID_OPENAI_TOOL_RESULTS = row_id("openai-chat/tool-results")
"""The follow-up: the tool results go back, the model answers (same session)."""
ID_OPENAI_RESPONSES = row_id("openai-responses/reasoning-function-calls")
"""OpenAI Responses API with reasoning summary, function calls and their outputs."""
ID_ANTHROPIC = row_id("anthropic/system-thinking-tools-image")
"""Anthropic Messages: system blocks, thinking, tool_use, tool_result, a base64 image."""
ID_GEMINI = row_id("gemini/function-calls")
"""Gemini generateContent with function calls and a function response."""
ID_EMBEDDING = row_id("openai/embedding")
ID_IMAGE_GENERATION = row_id("openai/image-generation")
ID_VISION_ASSET = row_id("openai-chat/vision-asset-placeholder")
"""Vision request whose image is a ``<helicone-asset-id key="..."/>`` placeholder."""
ID_PROVIDER_ERROR = row_id("openai-chat/provider-429")
"""The provider answered 429 (rate limit) with an error body."""
ID_OPENAI_SIMPLE = row_id("openai-chat/simple")
ID_CACHED = row_id("openai-chat/cached")
"""Served from Helicone's cache: ``cache_reference_id`` names ID_OPENAI_SIMPLE."""
ID_STREAMED = row_id("openai-chat/streamed")
ID_GATEWAY = row_id("ai-gateway/anthropic-via-openai-format")
"""Helicone AI gateway: OpenAI-format bodies sent to Anthropic."""
ID_DEEPSEEK_REASONER = row_id("deepseek/reasoner")
ID_TOOL_EVENT = row_id("event/tool")
ID_VECTOR_DB_EVENT = row_id("event/vector-db")
ID_DATA_EVENT = row_id("event/data")
ID_500_MESSAGES = row_id("openai-chat/500-messages")
"""A 500-message conversation (too big to inline: placeholder in query-ids)."""
ID_5MB = row_id("openai-chat/5mb-document")
"""About 5 MB of JSON bodies."""
ID_NOT_STORED = row_id("openai-chat/not-stored")
"""``storage_location = not_stored_exceeded_free``: no bodies anywhere."""
ID_BODY_SIGNED_URL_ONLY = row_id("anthropic/body-signed-url-only")
"""includeBody=true fails with 500, but the signed URL gives the bodies."""
ID_BODY_MISSING = row_id("openai-chat/body-missing")
"""The body object is gone: includeBody=true gives 500, the signed URL 404."""
ID_FORCED_PLACEHOLDER = ID_ANTHROPIC
"""A small row the server still answers with the string placeholder (bodies only in S3)."""
ID_UNKNOWN = row_id("not-in-the-dataset")
"""A well-formed id that no row has (for not-found tests)."""

DEMO_IDS: tuple[str, ...] = (
    ID_OPENAI_TOOL_CALLS,
    ID_OPENAI_TOOL_RESULTS,
    ID_TOOL_EVENT,
    ID_VECTOR_DB_EVENT,
    ID_DATA_EVENT,
    ID_OPENAI_RESPONSES,
    ID_ANTHROPIC,
    ID_GEMINI,
    ID_STREAMED,
    ID_GATEWAY,
    ID_EMBEDDING,
    ID_IMAGE_GENERATION,
    ID_VISION_ASSET,
    ID_PROVIDER_ERROR,
    ID_OPENAI_SIMPLE,
    ID_CACHED,
    ID_DEEPSEEK_REASONER,
    ID_500_MESSAGES,
    ID_5MB,
    ID_NOT_STORED,
    ID_BODY_SIGNED_URL_ONLY,
    ID_BODY_MISSING,
)
"""The built-in rows' ids in display order (here, not in `dataset`, so that the demo can paste
them before the first frame without loading the row builders; `dataset` checks the order)."""
