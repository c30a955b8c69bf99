"""OpenAI Responses API (``/v1/responses``) to the conversation schema."""

from __future__ import annotations

from typing import Any

from .images import data_url
from .jsonish import as_dict, as_list, as_str, compact, dicts, parse_arguments, parse_json, text_of
from .mapped import MapperOutput
from .openai_chat import map_tools
from .preview import last_message_text, response_text

_TEXT_PARTS = ("input_text", "output_text", "text", "summary_text", "reasoning_text")


def _text_from_literal(content: str) -> str:
    """Text of a content list that a client sent as a Python-literal string.

    Some SDK wrappers stringify ``[{'type': 'text', 'text': '...'}]`` with single quotes; the
    dashboard shows its text, and keeps the string as it is when it does not parse.
    """
    stripped = content.strip()
    if not (stripped.startswith("[{") and stripped.endswith("}]")):
        return content
    parsed = parse_json(stripped)
    if parsed is None:
        parsed = parse_json(stripped.replace("'", '"'))
    texts = [text_of(p.get("text")) for p in dicts(parsed) if "text" in p]
    return "\n".join(texts) if texts else content


def _map_part(part: Any, role: str, part_id: str) -> dict[str, Any]:
    p = as_dict(part)
    kind = as_str(p.get("type")) or ""
    if kind in _TEXT_PARTS or (not kind and "text" in p):
        mapped = {
            "_type": "message",
            "role": role,
            "type": kind or "input_text",
            "id": part_id,
            "content": text_of(p.get("text")),
        }
        return mapped
    if kind == "input_image":
        mapped = {"_type": "image", "role": role, "type": kind, "id": part_id}
        if isinstance(p.get("detail"), str):
            mapped["detail"] = p["detail"]
        mapped["image_url"] = text_of(p.get("image_url") or p.get("file_id"))
        return mapped
    if kind == "input_file":
        mapped = {"_type": "file", "role": role, "type": kind, "id": part_id}
        for key in ("file_data", "filename", "file_id"):
            if isinstance(p.get(key), str):
                mapped[key] = p[key]
        return mapped
    if kind == "input_audio":
        audio = as_dict(p.get("input_audio"))
        return {
            "_type": "audio",
            "role": role,
            "type": kind,
            "id": part_id,
            "audio_data": text_of(audio.get("data") or p.get("data")),
        }
    if kind == "refusal":
        return {
            "_type": "message",
            "role": role,
            "type": kind,
            "id": part_id,
            "content": text_of(p.get("refusal")),
        }
    return {"_type": "message", "role": role, "type": kind, "id": part_id, "content": compact(part)}


def _function_call(item: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": as_str(item.get("call_id")) or as_str(item.get("id")),
        "name": as_str(item.get("name")),
        "arguments": parse_arguments(item.get("arguments")),
        "type": "function",
    }


def _reasoning_text(item: dict[str, Any]) -> str:
    parts = dicts(item.get("summary")) + dicts(item.get("content"))
    return "\n".join(text_of(p.get("text")) for p in parts if "text" in p)


def _map_input_item(item: Any, i: int) -> dict[str, Any]:
    it = as_dict(item)
    if not it:
        return {
            "_type": "message",
            "role": "user",
            "type": "input_text",
            "content": text_of(item),
            "id": f"req-msg-{i}",
        }
    kind = it.get("type")
    if kind == "function_call":
        return {
            "_type": "message",
            "role": "assistant",
            "content": "",
            "id": f"req-msg-assistant-{i}",
            "tool_calls": [_function_call(it)],
        }
    if kind in ("function_call_output", "custom_tool_call_output"):
        return {
            "_type": "function",
            "tool_call_id": text_of(it.get("call_id")),
            "content": text_of(it.get("output")),
            "role": "tool",
            "id": f"req-msg-tool-{i}",
        }
    if kind == "reasoning":
        return {
            "_type": "message",
            "role": "assistant",
            "content": "",
            "reasoning": _reasoning_text(it),
            "id": f"req-msg-{i}",
        }
    if kind not in (None, "message"):
        return {
            "_type": "message",
            "role": as_str(it.get("role")) or "assistant",
            "type": kind,
            "content": compact(item),
            "id": f"req-msg-{i}",
        }
    role = as_str(it.get("role")) or "user"
    content = it.get("content")
    if isinstance(content, list):
        return {
            "_type": "contentArray",
            "role": role,
            "id": f"req-msg-{i}",
            "contentArray": [_map_part(p, role, f"req-msg-{i}-{j}") for j, p in enumerate(content)],
        }
    return {
        "_type": "message",
        "role": role,
        "type": "input_text",
        "content": _text_from_literal(text_of(content)),
        "id": f"req-msg-{i}",
    }


def map_response_request(request: Any, model: str | None) -> dict[str, Any]:
    body = as_dict(request)
    messages: list[dict[str, Any]] = []
    instructions = body.get("instructions")
    if isinstance(instructions, str) and instructions:
        messages.append(
            {
                "_type": "message",
                "role": "system",
                "content": instructions,
                "id": "instructions-system-msg",
            }
        )
    raw_input = body.get("input")
    if isinstance(raw_input, str):
        messages.append(
            {
                "_type": "message",
                "role": "user",
                "type": "input_text",
                "content": raw_input,
                "id": "req-msg-0",
            }
        )
    else:
        messages.extend(_map_input_item(item, i) for i, item in enumerate(as_list(raw_input)))
    mapped: dict[str, Any] = {"model": as_str(body.get("model")) or model, "messages": messages}
    if isinstance(instructions, str) and instructions:
        mapped["instructions"] = instructions
    if isinstance(body.get("tools"), list) and body["tools"]:
        mapped["tools"] = map_tools(body["tools"])
    return mapped


def _output_message(item: dict[str, Any], msg_id: str) -> dict[str, Any]:
    content = as_list(item.get("content"))
    texts = [
        text_of(as_dict(p).get("text")) for p in content if as_dict(p).get("type") in _TEXT_PARTS
    ]
    refusals = [
        text_of(as_dict(p).get("refusal")) for p in content if as_dict(p).get("type") == "refusal"
    ]
    mapped: dict[str, Any] = {
        "_type": "message",
        "role": as_str(item.get("role")) or "assistant",
        "content": "".join(texts) or "\n".join(refusals),
        "reasoning": "",
        "id": as_str(item.get("id")) or msg_id,
    }
    annotations = [
        {
            k: v
            for k, v in a.items()
            if k in ("type", "url", "title", "content") and isinstance(v, str)
        }
        for p in dicts(content)
        for a in dicts(p.get("annotations"))
    ]
    if annotations:
        mapped["annotations"] = annotations
    return mapped


def map_response_output(response: Any, model: str | None) -> dict[str, Any]:
    body = as_dict(response)
    messages: list[dict[str, Any]] = []
    item = body.get("item")
    if isinstance(item, dict):
        messages.append(_output_message(item, "resp-msg-0"))
    pending_reasoning: list[str] = []
    for i, out in enumerate(dicts(body.get("output"))):
        kind = out.get("type")
        msg_id = f"resp-msg-{i}"
        if kind == "reasoning":
            pending_reasoning.append(_reasoning_text(out))
            continue
        if kind == "function_call":
            mapped = {
                "_type": "functionCall",
                "role": "assistant",
                "content": "",
                "tool_calls": [_function_call(out)],
                "id": as_str(out.get("id")) or msg_id,
            }
        elif kind == "image_generation_call" and isinstance(out.get("result"), str):
            mapped = {
                "_type": "image",
                "role": "assistant",
                "content": "",
                "image_url": data_url("image/png", out["result"]),
                "id": msg_id,
            }
        elif kind in (None, "message"):
            mapped = _output_message(out, msg_id)
        else:
            mapped = {
                "_type": "message",
                "role": "assistant",
                "content": compact(out),
                "id": msg_id,
            }
        if pending_reasoning:
            mapped["reasoning"] = "\n".join(r for r in pending_reasoning if r)
            pending_reasoning = []
        messages.append(mapped)
    if pending_reasoning:
        messages.append(
            {
                "_type": "message",
                "role": "assistant",
                "content": "",
                "reasoning": "\n".join(pending_reasoning),
                "id": "resp-reasoning",
            }
        )
    return {"messages": messages, "model": as_str(body.get("model")) or model}


def map_openai_response(request: Any, response: Any, model: str | None) -> MapperOutput:
    mapped_request = map_response_request(request, model)
    mapped_response = map_response_output(response, as_str(as_dict(request).get("model")) or model)
    preview_response = response_text(mapped_response["messages"])
    if not preview_response and "item" in as_dict(response):
        # The dashboard shows the raw body when a consolidated stream item holds no text.
        preview_response = compact(response)
    return MapperOutput(
        request=mapped_request,
        response=mapped_response,
        preview_request=last_message_text(mapped_request["messages"]),
        preview_response=preview_response,
    )
