"""Anthropic Messages API to the conversation schema.

Message ids are deterministic (``msg-2``, ``msg-2-0``, ``resp-0``): Helicone's dashboard puts
random ones there, which only serve as list keys.

Deliberate deviation: in requests the reference marks ``tool_use`` blocks ``_type: "function"``
and ``tool_result`` blocks ``"functionCall"`` (the reverse of its OpenAI mapping). We use the
OpenAI meaning for both (a call is ``functionCall`` with ``tool_calls``, a result is
``function`` with ``tool_call_id``) so one renderer reads every provider the same way.
"""

from __future__ import annotations

import re
from typing import Any

from .images import data_url
from .jsonish import as_dict, as_list, as_str, compact, dicts, get_path, parse_json, text_of
from .mapped import MapperOutput
from .openai_chat import map_tool_call
from .preview import tool_call_text

# Some stream consolidators append the text "undefined" once per event without a text delta.
_TRAILING_UNDEFINED = re.compile(r"(?:undefined)+$")


def _system_text(system: Any) -> str | None:
    if isinstance(system, str):
        return system
    blocks = dicts(system)
    if not blocks:
        return None
    return "\n".join(text_of(b.get("text")) for b in blocks if "text" in b)


def _block_text(content: Any) -> str:
    """The text inside a ``tool_result`` content (string or blocks)."""
    if isinstance(content, list):
        return "\n".join(
            text_of(b.get("text")) if b.get("type") == "text" else compact(b)
            for b in dicts(content)
        )
    return text_of(content)


def map_block(block: Any, role: str, block_id: str) -> dict[str, Any]:
    """One content block of a request message."""
    b = as_dict(block)
    kind = b.get("type")
    if kind == "text" or (kind is None and "text" in b):
        return {"content": text_of(b.get("text")), "role": role, "_type": "message", "id": block_id}
    if kind == "image_url":
        url = as_str(get_path(b, "image_url", "url")) or as_str(b.get("image_url")) or ""
        return {"content": "", "role": role, "_type": "image", "image_url": url, "id": block_id}
    if kind == "image":
        source = as_dict(b.get("source"))
        if source.get("type") == "base64":
            data = text_of(source.get("data"))
            mime = as_str(source.get("media_type"))
            return {
                "content": data,
                "role": role,
                "_type": "image",
                "image_url": data_url(mime, data),
                "mime_type": mime,
                "id": block_id,
            }
        url = as_str(source.get("url")) or as_str(source.get("file_id")) or ""
        return {"content": "", "role": role, "_type": "image", "image_url": url, "id": block_id}
    if kind == "document":
        source = as_dict(b.get("source"))
        mapped: dict[str, Any] = {"content": "", "role": role, "_type": "file", "id": block_id}
        if source.get("type") == "base64":
            mapped["file_data"] = data_url(
                as_str(source.get("media_type")), text_of(source.get("data"))
            )
            mapped["mime_type"] = source.get("media_type")
        elif source.get("type") == "text":
            mapped["content"] = text_of(source.get("data"))
        elif isinstance(source.get("url"), str):
            mapped["file_id"] = source["url"]
        if isinstance(b.get("title"), str):
            mapped["filename"] = b["title"]
        return mapped
    if kind in ("tool_use", "server_tool_use"):
        return {
            "content": "",
            "role": role,
            "_type": "functionCall",
            "tool_calls": [_tool_use(b)],
            "id": block_id,
        }
    if kind in ("tool_result", "web_search_tool_result"):
        return {
            "content": _block_text(b.get("content")),
            "role": "tool",
            "_type": "function",
            "tool_call_id": text_of(b.get("tool_use_id")),
            "id": block_id,
        }
    if kind == "thinking":
        return {
            "content": "",
            "role": role,
            "_type": "message",
            "reasoning": text_of(b.get("thinking")),
            "id": block_id,
        }
    if kind == "redacted_thinking":
        return {
            "content": "",
            "role": role,
            "_type": "message",
            "reasoning": "[redacted thinking]",
            "id": block_id,
        }
    return {"content": text_of(block), "role": role, "_type": "message", "id": block_id}


def _tool_use(block: dict[str, Any]) -> dict[str, Any]:
    call: dict[str, Any] = {
        "name": as_str(block.get("name")),
        "arguments": as_dict(block.get("input")),
    }
    if isinstance(block.get("id"), str):
        call["id"] = block["id"]
    return call


def _map_message(message: Any, index: int) -> dict[str, Any]:
    msg = as_dict(message)
    role = as_str(msg.get("role")) or "user"
    content = msg.get("content")
    msg_id = f"msg-{index}"
    if isinstance(content, list):
        return {
            "role": role,
            "_type": "contentArray",
            "contentArray": [map_block(b, role, f"{msg_id}-{j}") for j, b in enumerate(content)],
            "id": msg_id,
        }
    if dicts(msg.get("tool_calls")):
        # An OpenAI-shaped message (e.g. through a compatibility layer).
        return {
            "content": text_of(content),
            "role": role,
            "_type": "functionCall",
            "tool_calls": [map_tool_call(c) for c in dicts(msg.get("tool_calls"))],
            "id": msg_id,
        }
    if role == "tool":
        return {
            "content": text_of(content),
            "role": role,
            "_type": "function",
            "tool_call_id": text_of(msg.get("tool_call_id")),
            "id": msg_id,
        }
    return {"content": text_of(content), "role": role, "_type": "message", "id": msg_id}


def map_anthropic_request(request: Any, model: str | None) -> dict[str, Any]:
    body = as_dict(request)
    messages: list[dict[str, Any]] = []
    system = _system_text(body.get("system"))
    if system is not None:
        messages.append(
            {"id": "msg-system", "role": "system", "content": system, "_type": "message"}
        )
    messages.extend(_map_message(m, i) for i, m in enumerate(as_list(body.get("messages"))))
    mapped: dict[str, Any] = {"messages": messages, "model": as_str(body.get("model")) or model}
    if "max_tokens" in body:
        mapped["max_tokens"] = body["max_tokens"]
    if isinstance(body.get("tool_choice"), dict):
        mapped["tool_choice"] = body["tool_choice"]
    if isinstance(body.get("tools"), list):
        mapped["tools"] = [
            {
                k: v
                for k, v in (
                    ("name", t.get("name")),
                    ("description", t.get("description")),
                    ("parameters", t.get("input_schema")),
                )
                if v is not None
            }
            for t in dicts(body["tools"])
        ]
    return mapped


def _content_blocks(body: dict[str, Any]) -> list[dict[str, Any]]:
    """Response content blocks, also from an OpenAI-shaped body holding them as JSON text."""
    if isinstance(body.get("content"), list):
        return dicts(body["content"])
    message = as_dict(get_path(body, "choices", 0, "message"))
    content = message.get("content")
    if isinstance(content, str):
        parsed = parse_json(content) if content.lstrip().startswith("[") else None
        blocks = dicts(parsed)
        if blocks and all("type" in b for b in blocks):
            return blocks
        return [{"type": "text", "text": content}]
    blocks = dicts(content)
    blocks.extend(
        {"type": "tool_use", **map_tool_call(c), "input": map_tool_call(c)["arguments"]}
        for c in dicts(message.get("tool_calls"))
    )
    return blocks


def map_anthropic_response(response: Any, model: str | None) -> dict[str, Any]:
    body = as_dict(response)
    mapped: dict[str, Any] = {"model": as_str(body.get("model")) or model}
    if "error" in body and "content" not in body and "choices" not in body:
        mapped["messages"] = []
        return mapped
    blocks = _content_blocks(body)
    text = _clean_text("".join(text_of(b.get("text")) for b in blocks if b.get("type") == "text"))
    reasoning = "\n".join(text_of(b.get("thinking")) for b in blocks if b.get("type") == "thinking")
    calls = [_tool_use(b) for b in blocks if b.get("type") in ("tool_use", "server_tool_use")]
    message: dict[str, Any] = {
        "id": "resp-0",
        "content": text,
        "_type": "functionCall" if calls else "message",
        "role": as_str(body.get("role")) or "assistant",
    }
    if calls:
        message["tool_calls"] = calls
    if reasoning:
        message["reasoning"] = reasoning
    mapped["messages"] = [message]
    return mapped


def _clean_text(text: str) -> str:
    return _TRAILING_UNDEFINED.sub("", text)


def request_preview(request: Any) -> str:
    last = as_dict(get_path(as_dict(request).get("messages"), -1))
    content = last.get("content")
    if isinstance(content, list):
        return " ".join(
            text_of(b.get("text")) if b.get("type") == "text" else compact(b)
            for b in dicts(content)
        )
    return text_of(content)


def response_preview(mapped_response: dict[str, Any]) -> str:
    message = as_dict(get_path(mapped_response, "messages", 0))
    text = text_of(message.get("content"))
    return text or tool_call_text(message.get("tool_calls"))


def map_anthropic(request: Any, response: Any, model: str | None) -> MapperOutput:
    mapped_response = map_anthropic_response(response, model)
    return MapperOutput(
        request=map_anthropic_request(request, model),
        response=mapped_response,
        preview_request=request_preview(request),
        preview_response=response_preview(mapped_response),
    )
