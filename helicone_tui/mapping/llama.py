"""Meta's Llama API (``api.llama.com``): OpenAI-style requests, its own response shape."""

from __future__ import annotations

from typing import Any

from .jsonish import as_dict, as_str, dicts, text_of
from .mapped import MapperOutput
from .openai_chat import map_chat_message, map_openai_chat
from .preview import response_text


def _completion_message(body: dict[str, Any]) -> dict[str, Any] | None:
    message = as_dict(body.get("completion_message"))
    if not message:
        return None
    content = message.get("content")
    if isinstance(content, dict):
        content = text_of(content.get("text"))
    elif isinstance(content, list):
        content = "".join(text_of(p.get("text")) for p in dicts(content))
    openai_shaped = {
        **message,
        "content": content,
        "role": as_str(message.get("role")) or "assistant",
    }
    return map_chat_message(openai_shaped)


def map_llama_chat(request: Any, response: Any, model: str | None) -> MapperOutput:
    base = map_openai_chat(request, response, model)
    body = as_dict(response)
    message = _completion_message(body)
    if message is None:
        return base
    message.setdefault("reasoning", "")
    mapped_response: dict[str, Any] = {"messages": [message]}
    if isinstance(body.get("model"), str):
        mapped_response["model"] = body["model"]
    return MapperOutput(
        request=base.request,
        response=mapped_response,
        preview_request=base.preview_request,
        preview_response=response_text([message]),
    )
