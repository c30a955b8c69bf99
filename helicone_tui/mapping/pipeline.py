"""``map_request``: one row in, one ``MappedRequest`` out, whatever the row holds.

Bodies are parsed and streams folded, a mapper is chosen and run, the result is normalised the
way the dashboard normalises it (every top-level message has ``content`` and ``reasoning``),
asset placeholders are resolved, and the status and error are read off the row. No input makes
this raise: anything unexpected ends as an unmappable ``MappedRequest`` that says why.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from helicone_tui.models import (
    BodyState,
    HeliconeRequest,
    LlmSchema,
    infer_body_info,
    is_body_placeholder,
)

from .anthropic import map_anthropic
from .assets import replace_assets, replace_assets_in_text
from .assistant import map_openai_assistant
from .completion import map_openai_instruct
from .embedding import map_openai_embedding
from .events import map_data, map_tool, map_vector_db
from .gemini import map_gemini
from .image_generation import map_black_forest_labs_image, map_openai_image
from .jsonish import as_dict, as_list, limit_depth, parse_json
from .llama import map_llama_chat
from .mapped import MappedRequest, MapperOutput, MapperType, Preview, RequestStatus
from .moderation import map_openai_moderation
from .openai_chat import map_openai_chat
from .openai_response import map_openai_response
from .parameters import request_parameters
from .preview import last_message_text, message_text, one_line, response_text
from .realtime import map_openai_realtime
from .select import select_mapper
from .status import error_message, request_status
from .stream import normalize_response_body
from .vercel import map_vercel_chat

ChatMapper = Callable[[Any, Any, str | None], MapperOutput]
EventMapper = Callable[[Any, Any, str | None, str | None], MapperOutput]

CHAT_MAPPERS: dict[MapperType, ChatMapper] = {
    "openai-chat": map_openai_chat,
    "openai-response": map_openai_response,
    "anthropic-chat": map_anthropic,
    "gemini-chat": map_gemini,
    "openai-embedding": map_openai_embedding,
    "openai-image": map_openai_image,
    "black-forest-labs-image": map_black_forest_labs_image,
    "openai-assistant": map_openai_assistant,
    "openai-realtime": map_openai_realtime,
    "openai-moderation": map_openai_moderation,
    "openai-instruct": map_openai_instruct,
    "llama-chat": map_llama_chat,
    "vercel-chat": map_vercel_chat,
}
EVENT_MAPPERS: dict[MapperType, EventMapper] = {
    "tool": map_tool,
    "vector-db": map_vector_db,
    "data": map_data,
}


def map_request(row: HeliconeRequest) -> MappedRequest:
    """The row as a conversation (see ``MappedRequest``); never raises."""
    try:
        return _map(row)
    except Exception as exc:
        return _unmappable(row, f"Could not map this request ({type(exc).__name__}: {exc}).")


def parse_request_body(body: Any) -> Any:
    """The request body as JSON data (a JSON string is parsed; other strings stay text)."""
    if isinstance(body, str) and body.lstrip()[:1] in ("{", "["):
        parsed = parse_json(body)
        return body if parsed is None else parsed
    return body


def row_model(row: HeliconeRequest) -> str | None:
    return row.model_override or row.model or row.request_model or row.response_model


def _map(row: HeliconeRequest) -> MappedRequest:
    request = parse_request_body(row.request_body)
    response = normalize_response_body(row.response_body)
    status = request_status(row, response)
    row_schema = row.llmSchema
    if row_schema is not None and (
        row_schema.request is not None or row_schema.response is not None
    ):
        return _from_row_schema(row, row_schema, request, response, status)
    info = infer_body_info(row)
    if info.state is BodyState.NOT_STORED:
        return _unmappable(row, info.detail or "Helicone did not store this request's bodies.")
    if is_body_placeholder(row.request_body) or is_body_placeholder(row.response_body):
        return _unmappable(
            row, "The bodies are in object storage and were not fetched with this row."
        )
    if not isinstance(request, dict) and not isinstance(response, dict):
        return _unmappable(
            row,
            f"Neither body is a JSON object (request: {_kind(request)}, "
            f"response: {_kind(response)}).",
        )
    mapper = select_mapper(row, request, response)
    model = row_model(row)
    if mapper in EVENT_MAPPERS:
        timestamp = row.response_created_at or row.request_created_at
        output = EVENT_MAPPERS[mapper](request, response, model, timestamp)
    else:
        output = CHAT_MAPPERS[mapper](request, response, model)
    _normalise_messages(output.request)
    _normalise_messages(output.response)
    limit_depth(output.request)
    limit_depth(output.response)
    assets = row.asset_urls or {}
    replace_assets(output.request, assets)
    replace_assets(output.response, assets)
    schema = LlmSchema.model_validate({"request": output.request, "response": output.response})
    return MappedRequest(
        request_id=row.request_id,
        mapper=mapper,
        schema=schema,
        preview=Preview(
            one_line(replace_assets_in_text(output.preview_request, assets)),
            one_line(replace_assets_in_text(output.preview_response, assets)),
        ),
        status=status,
        cached=row.cached,
        model=model,
        request_body=row.request_body,
        response_body=row.response_body,
        error_message=error_message(status, response, output.response.get("error")),
        parameters=request_parameters(request),
    )


def _normalise_messages(side: dict[str, Any]) -> None:
    for message in as_list(side.get("messages")):
        if isinstance(message, dict):
            if message.get("content") is None:
                message["content"] = ""
            if message.get("reasoning") is None:
                message["reasoning"] = ""


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, str):
        return "text"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, list):
        return "array"
    return type(value).__name__


def _from_row_schema(
    row: HeliconeRequest,
    schema: LlmSchema,
    request: Any,
    response: Any,
    status: RequestStatus,
) -> MappedRequest:
    dumped = schema.to_json_dict()
    request_side = as_dict(dumped.get("request"))
    response_side = as_dict(dumped.get("response"))
    try:
        mapper = select_mapper(row, request, response)
    except Exception:
        mapper = "unknown"
    preview_response = response_text(response_side.get("messages")) or " ".join(
        message_text(r) for r in as_list(response_side.get("responses"))
    )
    return MappedRequest(
        request_id=row.request_id,
        mapper=mapper,
        schema=schema,
        preview=Preview(
            one_line(
                last_message_text(request_side.get("messages"))
                or str(request_side.get("prompt") or "")
            ),
            one_line(preview_response),
        ),
        status=status,
        cached=row.cached,
        model=row_model(row),
        request_body=row.request_body,
        response_body=row.response_body,
        error_message=error_message(status, response, response_side.get("error")),
        from_row_schema=True,
        parameters=request_parameters(request),
    )


def _unmappable(row: HeliconeRequest, reason: str) -> MappedRequest:
    """A result that carries the raw bodies and the reason; built from what cannot fail."""
    try:
        response = normalize_response_body(row.response_body)
        status = request_status(row, response)
        message = error_message(status, response)
    except Exception:
        status, message = RequestStatus("error", None), None
    try:
        cached = row.cached
        model = row_model(row)
    except Exception:
        cached, model = False, None
    return MappedRequest(
        request_id=str(getattr(row, "request_id", "")),
        mapper="unknown",
        schema=LlmSchema(),
        preview=Preview("", ""),
        status=status,
        cached=cached,
        model=model,
        request_body=getattr(row, "request_body", None),
        response_body=getattr(row, "response_body", None),
        error_message=message,
        unmappable_reason=reason,
    )
