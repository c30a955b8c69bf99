"""OpenAI embeddings (``/v1/embeddings``) to the conversation schema."""

from __future__ import annotations

from typing import Any

from .jsonish import as_dict, as_str, dicts, fixed6, get_path, is_number, text_of
from .mapped import MapperOutput

# Vectors have thousands of numbers; the head tells the user enough.
_SHOWN_VALUES = 5


def input_text(raw: Any) -> str:
    if isinstance(raw, list):
        return "\n".join(text_of(item) for item in raw)
    return text_of(raw)


def vector_text(embedding: Any) -> str:
    if isinstance(embedding, str):
        return f"[base64, {len(embedding)} chars]"
    if not isinstance(embedding, list):
        return text_of(embedding)
    head = ", ".join(fixed6(v) if is_number(v) else text_of(v) for v in embedding[:_SHOWN_VALUES])
    return f"[{head}...]"


def map_openai_embedding(request: Any, response: Any, model: str | None) -> MapperOutput:
    req = as_dict(request)
    resp = as_dict(response)
    text = input_text(req.get("input"))
    mapped_request: dict[str, Any] = {
        "model": as_str(req.get("model")) or model,
        "input": req.get("input"),
        "messages": [{"role": "user", "content": text, "_type": "message"}],
    }
    items = dicts(resp.get("data"))
    mapped_response = {
        "model": as_str(resp.get("model")) or model,
        "messages": [
            {
                "role": "assistant",
                "content": f"Embedding {text_of(item.get('index', i))}: "
                f"{vector_text(item.get('embedding'))}",
                "_type": "message",
            }
            for i, item in enumerate(items)
        ],
    }
    error = text_of(get_path(resp, "error", "message"))
    first = vector_text(items[0].get("embedding")) if items else ""
    return MapperOutput(
        request=mapped_request,
        response=mapped_response,
        preview_request=text,
        preview_response=error or first,
    )
