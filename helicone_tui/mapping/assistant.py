"""OpenAI Assistants API (threads, runs, messages) to the conversation schema.

An assistant call's body is rarely a conversation: a run is a status record. The mapping states
what happened in a few readable lines, and shows real thread messages when the body has them.
"""

from __future__ import annotations

from typing import Any

from .jsonish import as_dict, as_list, as_str, dicts, get_path, text_of
from .mapped import MapperOutput


def _message_text(message: dict[str, Any]) -> str:
    content = message.get("content")
    if isinstance(content, str):
        return content
    texts = []
    for part in dicts(content):
        text = part.get("text")
        texts.append(
            text_of(as_dict(text).get("value")) if isinstance(text, dict) else text_of(text)
        )
    return "\n".join(t for t in texts if t)


def _request_text(body: dict[str, Any]) -> str:
    if isinstance(body.get("content"), str | list):
        return _message_text(body)
    lines = []
    if body.get("assistant_id"):
        lines.append(f"Assistant ID: {text_of(body['assistant_id'])}")
    if body.get("thread_id"):
        lines.append(f"Thread ID: {text_of(body['thread_id'])}")
    if body.get("instructions"):
        lines.append(f"Instructions: {text_of(body['instructions'])}")
    tools = dicts(body.get("tools"))
    if tools:
        lines.append("Available Tools: " + ", ".join(text_of(t.get("type")) for t in tools))
    extra = [_message_text(m) for m in dicts(body.get("additional_messages"))]
    lines.extend(e for e in extra if e)
    return "\n".join(lines) or "Assistant thread interaction"


def _response_text(body: dict[str, Any]) -> str:
    error_message = get_path(body, "error", "message")
    if error_message is not None:
        return text_of(error_message)
    if body.get("status") == "failed" and body.get("last_error") is not None:
        last_error = body["last_error"]
        return text_of(
            as_dict(last_error).get("message") if isinstance(last_error, dict) else last_error
        )
    if body.get("object") == "thread.message":
        return _message_text(body)
    if body.get("object") == "list":
        return "\n\n".join(_message_text(m) for m in dicts(body.get("data")))
    lines = []
    if body.get("id"):
        lines.append(f"Run ID: {text_of(body['id'])}")
    if body.get("status"):
        lines.append(f"Status: {text_of(body['status'])}")
    if body.get("model"):
        lines.append(f"Model: {text_of(body['model'])}")
    if as_list(body.get("tools")):
        lines.append(f"Tools Available: {len(as_list(body['tools']))}")
    return "\n".join(lines)


def map_openai_assistant(request: Any, response: Any, model: str | None) -> MapperOutput:
    req = as_dict(request)
    resp = as_dict(response)
    user_text = _request_text(req)
    answer = _response_text(resp)
    return MapperOutput(
        request={
            "model": model,
            "messages": [
                {
                    "role": "system",
                    "content": f"Run ID: {as_str(resp.get('id')) or 'unknown'}",
                    "_type": "message",
                },
                {
                    "role": as_str(req.get("role")) or "user",
                    "content": user_text,
                    "_type": "message",
                },
            ],
        },
        response={
            "model": model,
            "messages": [{"role": "assistant", "content": answer, "_type": "message"}],
        },
        preview_request=user_text,
        preview_response=answer,
    )
