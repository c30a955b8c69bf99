"""Google Gemini ``generateContent`` to the conversation schema."""

from __future__ import annotations

from typing import Any

from .images import data_url
from .jsonish import as_dict, as_list, as_str, compact, dicts, get_path, is_number, pretty, text_of
from .mapped import MapperOutput
from .preview import last_message_text, tool_call_text

# Gemini names the model in the URL, not the body; rows logged without one say "unknown".
_UNKNOWN_MODELS = frozenset({"", "unknown"})


def gemini_model(model: str | None, request: Any, response: Any) -> str | None:
    if model and model not in _UNKNOWN_MODELS:
        return model
    return (
        as_str(as_dict(response).get("modelVersion"))
        or as_str(as_dict(request).get("model"))
        or model
    )


def _map_part(part: dict[str, Any], role: str, with_mime: bool) -> dict[str, Any]:
    if "text" in part:
        if part.get("thought") is True:
            return {
                "_type": "message",
                "role": role,
                "content": "",
                "reasoning": text_of(part["text"]),
            }
        return {"_type": "message", "role": role, "content": text_of(part["text"])}
    inline = as_dict(part.get("inlineData") or part.get("inline_data"))
    if inline:
        mime = as_str(inline.get("mimeType") or inline.get("mime_type"))
        kind = "audio" if (mime or "").startswith("audio/") else "image"
        mapped: dict[str, Any] = {"_type": kind, "role": role}
        if with_mime:
            mapped["mime_type"] = mime
        url = data_url(mime, text_of(inline.get("data")))
        mapped["audio_data" if kind == "audio" else "image_url"] = url
        return mapped
    file_data = as_dict(part.get("fileData") or part.get("file_data"))
    if file_data:
        mime = as_str(file_data.get("mimeType") or file_data.get("mime_type"))
        uri = text_of(file_data.get("fileUri") or file_data.get("file_uri"))
        if (mime or "").startswith("image/"):
            return {"_type": "image", "role": role, "image_url": uri, "mime_type": mime}
        return {"_type": "file", "role": role, "file_id": uri, "mime_type": mime}
    call = as_dict(part.get("functionCall") or part.get("function_call"))
    if call:
        tool_call: dict[str, Any] = {
            "name": as_str(call.get("name")),
            "arguments": as_dict(call.get("args")),
        }
        if isinstance(call.get("id"), str):
            tool_call["id"] = call["id"]
        return {"_type": "functionCall", "role": role, "tool_calls": [tool_call]}
    result = as_dict(part.get("functionResponse") or part.get("function_response"))
    if result:
        mapped = {
            "_type": "function",
            "role": role,
            "name": as_str(result.get("name")),
            "content": text_of(result.get("response")),
        }
        if isinstance(result.get("id"), str):
            mapped["tool_call_id"] = result["id"]
        return mapped
    if "executableCode" in part or "codeExecutionResult" in part:
        return {"_type": "message", "role": role, "content": pretty(part)}
    return {"_type": "message", "role": role, "content": compact(part)}


def map_content(content: Any, default_role: str, with_mime: bool) -> dict[str, Any]:
    """One ``Content`` (role + parts) as one message, a ``contentArray`` when it has several."""
    body = as_dict(content)
    role = as_str(body.get("role")) or default_role
    parts = dicts(body.get("parts"))
    if len(parts) == 1:
        return _map_part(parts[0], role, with_mime)
    return {
        "_type": "contentArray",
        "role": role,
        "contentArray": [_map_part(p, role, with_mime) for p in parts],
    }


def _parts_text(content: Any) -> str:
    return " ".join(
        text_of(p["text"])
        for p in dicts(as_dict(content).get("parts"))
        if "text" in p and not p.get("thought")
    )


def map_gemini_request(request: Any, model: str | None) -> dict[str, Any]:
    body = as_dict(request)
    messages: list[dict[str, Any]] = []
    system = body.get("systemInstruction") or body.get("system_instruction")
    if system is not None:
        text = _parts_text(system) if isinstance(system, dict) else text_of(system)
        messages.append({"_type": "message", "role": "system", "content": text})
    contents = body.get("contents")
    if isinstance(contents, dict):
        contents = [contents]
    messages.extend(map_content(c, "user", with_mime=False) for c in as_list(contents))
    mapped: dict[str, Any] = {
        "model": model,
        "prompt": None,
        "stream": False,
        "presence_penalty": 0,
        "frequency_penalty": 0,
        "messages": messages,
    }
    config = as_dict(body.get("generationConfig") or body.get("generation_config"))
    for source, target in (
        ("temperature", "temperature"),
        ("topP", "top_p"),
        ("maxOutputTokens", "max_tokens"),
    ):
        if is_number(config.get(source)):
            mapped[target] = config[source]
    tools = [
        {
            k: v
            for k, v in (
                ("name", d.get("name")),
                ("description", d.get("description")),
                ("parameters", d.get("parameters")),
            )
            if v is not None
        }
        for t in dicts(body.get("tools"))
        for d in dicts(t.get("functionDeclarations") or t.get("function_declarations"))
    ]
    if tools:
        mapped["tools"] = tools
    return mapped


def map_gemini_response(response: Any, model: str | None) -> dict[str, Any]:
    body = as_dict(response)
    error = body.get("error")
    if error is not None:
        return {"messages": [], "error": {"heliconeMessage": pretty(error)}, "model": model}
    messages = [
        map_content(c.get("content"), "model", with_mime=True)
        for c in dicts(body.get("candidates"))
        if as_dict(c.get("content")).get("parts")
    ]
    return {"messages": messages, "model": model}


def map_gemini(request: Any, response: Any, model: str | None) -> MapperOutput:
    model = gemini_model(model, request, response)
    contents = as_dict(request).get("contents")
    last = get_path(contents, -1) if isinstance(contents, list) else contents
    first_candidate = get_path(as_dict(response).get("candidates"), 0, "content")
    mapped_request = map_gemini_request(request, model)
    mapped_response = map_gemini_response(response, model)
    # The dashboard previews text parts only; a turn of function calls / results would then
    # show nothing, so those fall back to the call or the result.
    preview_request = _parts_text(last) or last_message_text(mapped_request["messages"][-1:])
    preview_response = _parts_text(first_candidate)
    if not preview_response:
        calls = [as_dict(m).get("tool_calls") for m in as_list(mapped_response["messages"])]
        calls += [
            p.get("tool_calls")
            for m in as_list(mapped_response["messages"])
            for p in dicts(as_dict(m).get("contentArray"))
        ]
        preview_response = "\n".join(t for t in map(tool_call_text, calls) if t)
    return MapperOutput(
        request=mapped_request,
        response=mapped_response,
        preview_request=preview_request,
        preview_response=preview_response,
    )
