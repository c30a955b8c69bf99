"""OpenAI Chat Completions (and every OpenAI-compatible chat API) to the conversation schema."""

from __future__ import annotations

from typing import Any

from .jsonish import (
    as_dict,
    as_str,
    dicts,
    get_path,
    parse_arguments,
    text_of,
)
from .mapped import MapperOutput
from .preview import tool_call_text

# Request fields copied into the schema as they are, when present and of the documented type.
_PLAIN_PARAMS = (
    "temperature",
    "top_p",
    "seed",
    "stream",
    "presence_penalty",
    "frequency_penalty",
    "n",
    "stop",
    "reasoning_effort",
    "verbosity",
    "parallel_tool_calls",
)


def map_tool_call(call: Any) -> dict[str, Any]:
    """``{id, name, arguments}`` from an OpenAI tool call (``function`` nested or flat)."""
    call_d = as_dict(call)
    function = as_dict(call_d.get("function")) or call_d
    mapped: dict[str, Any] = {
        "id": call_d.get("id") if isinstance(call_d.get("id"), str) else None,
        "name": function.get("name") if isinstance(function.get("name"), str) else None,
        "arguments": parse_arguments(function.get("arguments")),
    }
    if mapped["id"] is None:
        del mapped["id"]
    return mapped


def map_tools(tools: Any) -> list[dict[str, Any]]:
    """Tool definitions flattened to ``{type?, name, description, parameters}``."""
    mapped = []
    for tool in dicts(tools):
        function = as_dict(tool.get("function")) or tool
        entry: dict[str, Any] = {}
        if isinstance(tool.get("type"), str):
            entry["type"] = tool["type"]
        for key in ("name", "description", "parameters"):
            if key in function:
                entry[key] = function[key]
        mapped.append(entry)
    return mapped


def map_tool_choice(choice: Any) -> dict[str, Any] | None:
    if isinstance(choice, str):
        return {"type": choice}
    choice_d = as_dict(choice)
    if not choice_d:
        return None
    name = get_path(choice_d, "function", "name") or choice_d.get("name")
    mapped: dict[str, Any] = {"type": choice_d.get("type")}
    if isinstance(name, str):
        mapped["name"] = name
    return mapped


def map_content_part(part: Any, role: str) -> dict[str, Any]:
    """One element of a multi-part ``content`` array."""
    part_d = as_dict(part)
    kind = part_d.get("type")
    if isinstance(part, str):
        return {"content": part, "role": role, "_type": "message"}
    if kind in ("text", "input_text", "output_text") or (kind is None and "text" in part_d):
        return {"content": text_of(part_d.get("text")), "role": role, "_type": "message"}
    if kind in ("image_url", "input_image", "image"):
        image = part_d.get("image_url")
        url = as_str(as_dict(image).get("url")) or as_str(image) or ""
        mapped = {"role": role, "_type": "image", "content": "", "image_url": url}
        detail = as_dict(image).get("detail")
        if isinstance(detail, str):
            mapped["detail"] = detail
        return mapped
    if kind == "input_audio":
        audio = as_dict(part_d.get("input_audio"))
        fmt = as_str(audio.get("format"))
        return {
            "role": role,
            "_type": "audio",
            "content": "",
            "audio_data": text_of(audio.get("data")),
            "mime_type": f"audio/{fmt}" if fmt else None,
        }
    if kind == "file":
        file = as_dict(part_d.get("file"))
        mapped = {"role": role, "_type": "file", "content": ""}
        for key in ("filename", "file_id", "file_data"):
            if isinstance(file.get(key), str):
                mapped[key] = file[key]
        return mapped
    if kind == "refusal":
        return {"content": text_of(part_d.get("refusal")), "role": role, "_type": "message"}
    return {"content": text_of(part), "role": role, "_type": "message"}


def map_chat_message(message: Any) -> dict[str, Any]:
    """One request (or response) message."""
    msg = as_dict(message)
    if not msg:
        return {"_type": "message", "content": text_of(message)}
    role = as_str(msg.get("role"))
    content = msg.get("content")
    mapped: dict[str, Any]
    # Most messages carry none of the optional keys: look each up once, walk only what is there.
    raw_calls = msg.get("tool_calls")
    tool_calls = dicts(raw_calls) if raw_calls else []
    legacy_call = as_dict(msg.get("function_call"))
    if tool_calls or legacy_call:
        calls = tool_calls or [{"function": legacy_call}]
        mapped = {
            "content": _plain_text(content),
            "tool_calls": [map_tool_call(call) for call in calls],
            "_type": "functionCall",
        }
    elif role in ("tool", "function"):
        mapped = {"content": _plain_text(content), "_type": "function"}
        if isinstance(msg.get("tool_call_id"), str):
            mapped["tool_call_id"] = msg["tool_call_id"]
    elif isinstance(content, list):
        part_role = role or "user"
        mapped = {
            "contentArray": [map_content_part(part, part_role) for part in content],
            "_type": "contentArray",
        }
    elif isinstance(content, dict):
        part = map_content_part(content, role or "user")
        if role is None:
            part.pop("role", None)
        mapped = part
    else:
        mapped = {"content": text_of(content), "_type": "message"}
    if role is not None:
        mapped["role"] = role
    name = msg.get("name")
    if isinstance(name, str):
        mapped["name"] = name
    reasoning = _reasoning_of(msg)
    if reasoning:
        mapped["reasoning"] = reasoning
    raw_annotations = msg.get("annotations")
    if raw_annotations:
        annotations = _annotations(raw_annotations)
        if annotations:
            mapped["annotations"] = annotations
    return mapped


def _plain_text(content: Any) -> str:
    if isinstance(content, list):
        return "\n".join(
            text_of(as_dict(p).get("text")) if isinstance(p, dict) else text_of(p)
            for p in content
            if not isinstance(p, dict) or "text" in p
        )
    return text_of(content)


def _reasoning_of(msg: dict[str, Any]) -> str:
    for key in ("reasoning_content", "reasoning"):
        value = msg.get(key)
        if isinstance(value, str) and value:
            return value
    raw_details = msg.get("reasoning_details")
    if not raw_details:
        return ""
    details = [as_str(d.get("text")) or as_str(d.get("summary")) for d in dicts(raw_details)]
    return "\n".join(d for d in details if d)


def _annotations(raw: Any) -> list[dict[str, Any]]:
    mapped = []
    for item in dicts(raw):
        citation = as_dict(item.get(item.get("type") or "")) or as_dict(item.get("url_citation"))
        entry = {
            "type": item.get("type"),
            "url": citation.get("url", item.get("url")),
            "title": citation.get("title", item.get("title")),
            "content": citation.get("content", item.get("content")),
        }
        mapped.append({k: v for k, v in entry.items() if isinstance(v, str)})
    return mapped


def map_chat_request(request: Any, model: str | None) -> dict[str, Any]:
    body = as_dict(request)
    mapped: dict[str, Any] = {"model": model}
    messages = body.get("messages")
    if isinstance(messages, list):
        mapped["messages"] = [map_chat_message(m) for m in messages]
    for key in _PLAIN_PARAMS:
        if key in body:
            mapped[key] = body[key]
    max_tokens = body.get("max_completion_tokens", body.get("max_tokens"))
    if max_tokens is not None:
        mapped["max_tokens"] = max_tokens
    if isinstance(body.get("tools"), list):
        mapped["tools"] = map_tools(body["tools"])
    choice = map_tool_choice(body.get("tool_choice"))
    if choice is not None:
        mapped["tool_choice"] = choice
    response_format = as_dict(body.get("response_format"))
    if response_format:
        mapped["response_format"] = {
            "type": response_format.get("type"),
            "json_schema": response_format.get("json_schema", {}),
        }
    return mapped


def map_chat_response(response: Any) -> dict[str, Any]:
    body = as_dict(response)
    mapped: dict[str, Any] = {}
    choices = dicts(body.get("choices"))
    if "choices" in body:
        mapped["messages"] = [
            map_chat_message(
                {"role": "assistant", **(as_dict(c.get("message")) or as_dict(c.get("delta")))}
            )
            for c in choices
        ]
        for message in mapped["messages"]:
            message.setdefault("reasoning", "")
    if isinstance(body.get("model"), str):
        mapped["model"] = body["model"]
    return mapped


def request_preview(request: Any) -> str:
    last = get_path(as_dict(request).get("messages"), -1)
    content = as_dict(last).get("content")
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        texts = [
            text_of(p.get("text"))
            for p in dicts(content)
            if p.get("type") in ("text", "input_text")
        ]
        if texts:
            return " ".join(texts)
        return (
            "[Image]"
            if any(map_content_part(p, "user")["_type"] == "image" for p in content)
            else ""
        )
    if isinstance(content, dict):
        if content.get("type") in ("image_url", "image", "input_image"):
            return "[Image]"
        return text_of(content.get("text"))
    calls = dicts(as_dict(last).get("tool_calls"))
    return tool_call_text([map_tool_call(c) for c in calls]) if calls else ""


def response_preview(response: Any) -> str:
    body = as_dict(response)
    message = as_dict(get_path(body, "choices", 0, "message")) or as_dict(
        get_path(body, "choices", 0, "delta")
    )
    content = message.get("content")
    if content is not None:
        return _plain_text(content)
    calls = dicts(message.get("tool_calls"))
    if calls:
        return "\n".join(
            f"{as_dict(c.get('function')).get('name') or 'tool'}"
            f"({text_of(as_dict(c.get('function')).get('arguments'))})"
            for c in calls
        )
    return (
        text_of(get_path(body, "choices", 0, "text"))
        if "text" in as_dict(get_path(body, "choices", 0))
        else ""
    )


def map_openai_chat(request: Any, response: Any, model: str | None) -> MapperOutput:
    return MapperOutput(
        request=map_chat_request(request, model),
        response=map_chat_response(response),
        preview_request=request_preview(request),
        preview_response=response_preview(response),
    )
