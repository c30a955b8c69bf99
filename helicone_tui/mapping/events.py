"""Helicone's non-LLM events: tool calls, vector-db operations and data events.

They have no conversation; the schema carries ``toolDetails`` / ``vectorDBDetails`` /
``dataDetails`` and their responses, and the previews say what happened in a few lines. The
dashboard stamps results with the time it rendered them; a pure mapping cannot read the clock,
so ours carry the row's response time (or request time) instead.
"""

from __future__ import annotations

from typing import Any

from .jsonish import as_dict, as_list, compact, is_number, pretty, text_of
from .mapped import MapperOutput


def _metadata(body: dict[str, Any], timestamp: str | None) -> dict[str, Any]:
    metadata = dict(as_dict(body.get("metadata")))
    if not isinstance(metadata.get("timestamp"), str):
        metadata["timestamp"] = timestamp
    return metadata


def _status(body: dict[str, Any]) -> str:
    status = body.get("status")
    return status if isinstance(status, str) else "unknown"


def _tool_response_preview(body: dict[str, Any]) -> str:
    if body.get("status") == "error" or "error" in body:
        message = body.get("message")
        if isinstance(message, str) and message:
            return message
        return f"Error: {text_of(body.get('error'))}"
    if body.get("failed") is True:
        lines = ["Failed: No results found with sufficient similarity"]
        for key in ("Operation", "Text", "Database", "Filter"):
            if key in body:
                lines.append(f"{key}: {text_of(body[key])}")
        return "\n".join(lines)
    lines = [f"Status: {_status(body)}"]
    for key, value in body.items():
        if isinstance(value, list) and key not in ("tips",):
            lines.append(f"Found {len(value)} {key}")
    price = as_dict(as_dict(body.get("filters")).get("priceRange"))
    if is_number(price.get("min")) and is_number(price.get("max")):
        lines.append(f"Price range: ${text_of(price['min'])} - ${text_of(price['max'])}")
    return "\n".join(lines)


def map_tool(request: Any, response: Any, model: str | None, timestamp: str | None) -> MapperOutput:
    req = as_dict(request)
    resp = as_dict(response)
    details = {"_type": "tool", "toolName": req.get("toolName"), "input": req.get("input")}
    details_response = {
        "status": _status(resp),
        "message": resp.get("message") if isinstance(resp.get("message"), str) else "",
        "tips": [t for t in as_list(resp.get("tips")) if isinstance(t, str)],
        "metadata": _metadata(resp, timestamp),
        "_type": "tool",
        "toolName": resp.get("toolName", req.get("toolName")),
    }
    return MapperOutput(
        request={"model": model, "toolDetails": details, "messages": []},
        response={"model": model, "toolDetailsResponse": details_response, "messages": []},
        preview_request=f"Tool: {text_of(req.get('toolName'))}\nInput: {pretty(req.get('input'))}",
        preview_response=_tool_response_preview(resp),
    )


def _vector_request_preview(req: dict[str, Any]) -> str:
    lines = []
    for key, label, render in (
        ("operation", "Operation", text_of),
        ("databaseName", "Database", text_of),
        ("text", "Text", text_of),
        ("query", "Query", text_of),
        ("topK", "Top K", text_of),
        ("filter", "Filter", pretty),
        ("metadata", "Metadata", pretty),
    ):
        if req.get(key) is not None:
            lines.append(f"{label}: {render(req[key])}")
    return "\n".join(lines)


def map_vector_db(
    request: Any, response: Any, model: str | None, timestamp: str | None
) -> MapperOutput:
    req = as_dict(request)
    resp = as_dict(response)
    details_response: dict[str, Any] = {
        "status": _status(resp),
        "message": resp.get("message") if isinstance(resp.get("message"), str) else "",
    }
    for key in ("similarityThreshold", "actualSimilarity"):
        if is_number(resp.get(key)):
            details_response[key] = resp[key]
    details_response["matches"] = as_list(resp.get("matches"))
    details_response["metadata"] = _metadata(resp, timestamp)
    details_response["_type"] = "vector_db"
    message = details_response["message"]
    return MapperOutput(
        request={"model": model, "vectorDBDetails": dict(req), "messages": []},
        response={"model": model, "vectorDBDetailsResponse": details_response, "messages": []},
        preview_request=_vector_request_preview(req),
        preview_response=message or f"Status: {details_response['status']}",
    )


def map_data(request: Any, response: Any, model: str | None, timestamp: str | None) -> MapperOutput:
    req = as_dict(request)
    resp = as_dict(response)
    details = {"_type": "data", "name": req.get("name"), "meta": req.get("meta")}
    message = resp.get("message") if isinstance(resp.get("message"), str) else ""
    details_response = {
        "status": _status(resp),
        "message": message,
        "name": resp.get("name", req.get("name")),
        "metadata": _metadata(resp, timestamp),
        "_type": "data",
    }
    preview_request = f"Data: {text_of(req.get('name'))}"
    if req.get("meta") is not None:
        preview_request += f"\nMeta: {pretty(req['meta'])}"
    return MapperOutput(
        request={"model": model, "dataDetails": details, "messages": []},
        response={"model": model, "dataDetailsResponse": details_response, "messages": []},
        preview_request=preview_request,
        preview_response=message or compact(resp),
    )
