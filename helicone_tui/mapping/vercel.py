"""Vercel AI SDK calls: the SDK's ``prompt`` message format, or OpenAI-compatible bodies.

The AI SDK (LanguageModelV1/V2) sends ``prompt: [{role, content}]`` where content parts are
``text``, ``image``, ``file``, ``tool-call`` and ``tool-result``, and answers with ``text`` /
``content`` / ``toolCalls``; through Vercel's AI gateway the bodies are OpenAI chat shaped.
"""

from __future__ import annotations

from typing import Any

from .images import data_url
from .jsonish import as_dict, as_list, as_str, dicts, parse_arguments, text_of
from .mapped import MapperOutput
from .openai_chat import map_openai_chat
from .preview import last_message_text, response_text


def _tool_call(part: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": as_str(part.get("toolCallId")),
        "name": as_str(part.get("toolName")),
        "arguments": parse_arguments(part.get("args", part.get("input"))),
    }


def _part(part: dict[str, Any], role: str) -> dict[str, Any]:
    kind = part.get("type")
    if kind == "text" or kind == "reasoning":
        key = "reasoning" if kind == "reasoning" else "content"
        mapped = {"role": role, "_type": "message", "content": ""}
        mapped[key] = text_of(part.get("text"))
        return mapped
    if kind in ("image", "file"):
        mime = as_str(part.get("mimeType") or part.get("mediaType"))
        raw = part.get("image", part.get("data", part.get("url")))
        url = data_url(mime, raw) if isinstance(raw, str) else text_of(raw)
        if kind == "image" or (mime or "").startswith("image/"):
            return {"role": role, "_type": "image", "content": "", "image_url": url}
        return {"role": role, "_type": "file", "content": "", "file_data": url, "mime_type": mime}
    if kind == "tool-call":
        return {
            "role": role,
            "_type": "functionCall",
            "content": "",
            "tool_calls": [_tool_call(part)],
        }
    if kind == "tool-result":
        return {
            "role": "tool",
            "_type": "function",
            "tool_call_id": text_of(part.get("toolCallId")),
            "name": as_str(part.get("toolName")),
            "content": text_of(part.get("result", part.get("output"))),
        }
    return {"role": role, "_type": "message", "content": text_of(part)}


def _message(message: dict[str, Any]) -> dict[str, Any]:
    role = as_str(message.get("role")) or "user"
    content = message.get("content")
    if not isinstance(content, list):
        return {"role": role, "_type": "message", "content": text_of(content)}
    parts = [_part(p, role) for p in dicts(content)]
    if len(parts) == 1:
        return parts[0]
    return {"role": role, "_type": "contentArray", "contentArray": parts, "content": ""}


def _sdk_response(body: dict[str, Any]) -> list[dict[str, Any]]:
    if isinstance(body.get("content"), list):
        return [_message({"role": "assistant", "content": body["content"]})]
    message: dict[str, Any] = {
        "role": "assistant",
        "_type": "message",
        "content": text_of(body.get("text")),
    }
    calls = [_tool_call(c) for c in dicts(body.get("toolCalls"))]
    if calls:
        message.update({"_type": "functionCall", "tool_calls": calls})
    if isinstance(body.get("reasoning"), str):
        message["reasoning"] = body["reasoning"]
    return [message]


def map_vercel_chat(request: Any, response: Any, model: str | None) -> MapperOutput:
    req = as_dict(request)
    if "messages" in req or not isinstance(req.get("prompt"), list):
        return map_openai_chat(request, response, model)
    messages = [_message(m) for m in dicts(as_list(req.get("prompt")))]
    resp = as_dict(response)
    answer = (
        map_openai_chat({}, response, model).response
        if "choices" in resp
        else {"messages": _sdk_response(resp)}
    )
    mapped_request: dict[str, Any] = {
        "model": as_str(req.get("modelId")) or model,
        "messages": messages,
    }
    return MapperOutput(
        request=mapped_request,
        response=answer,
        preview_request=last_message_text(messages),
        preview_response=response_text(answer.get("messages")),
    )
