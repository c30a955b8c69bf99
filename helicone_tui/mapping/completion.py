"""Legacy text completions (``/v1/completions``: gpt-3.5-turbo-instruct, davinci)."""

from __future__ import annotations

from typing import Any

from .jsonish import as_dict, as_str, dicts, get_path, text_of
from .mapped import MapperOutput


def prompt_text(prompt: Any) -> str:
    if isinstance(prompt, list):
        return "\n".join(text_of(p) for p in prompt)
    return text_of(prompt)


def map_openai_instruct(request: Any, response: Any, model: str | None) -> MapperOutput:
    req = as_dict(request)
    resp = as_dict(response)
    prompt = prompt_text(req.get("prompt"))
    mapped_request: dict[str, Any] = {
        "model": as_str(req.get("model")) or model,
        "prompt": prompt,
        "messages": [{"role": "user", "content": prompt, "_type": "message"}],
    }
    for key in ("max_tokens", "temperature", "top_p", "stream", "n", "stop", "seed"):
        if key in req:
            mapped_request[key] = req[key]
    choices = dicts(resp.get("choices"))
    messages = [
        {"role": "assistant", "content": text_of(c.get("text")), "_type": "message"}
        for c in choices
    ]
    error = text_of(get_path(resp, "error", "message"))
    return MapperOutput(
        request=mapped_request,
        response={"model": as_str(resp.get("model")) or model, "messages": messages},
        preview_request=prompt,
        preview_response=error or (messages[0]["content"] if messages else ""),
    )
