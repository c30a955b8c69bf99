"""OpenAI moderations (``/v1/moderations``) to the conversation schema."""

from __future__ import annotations

from typing import Any

from .embedding import input_text
from .jsonish import as_dict, as_str, dicts, get_path, is_number, text_of
from .mapped import MapperOutput

_TOP_SCORES = 3


def result_text(result: dict[str, Any]) -> str:
    flagged = result.get("flagged") is True
    categories = as_dict(result.get("categories"))
    hits = [name for name, value in categories.items() if value is True]
    lines = [f"Flagged: {'yes' if flagged else 'no'}"]
    if hits:
        lines.append("Categories: " + ", ".join(hits))
    scores = [(k, v) for k, v in as_dict(result.get("category_scores")).items() if is_number(v)]
    scores.sort(key=lambda kv: kv[1], reverse=True)
    if scores:
        lines.append(
            "Top scores: " + ", ".join(f"{k} {float(v):.3f}" for k, v in scores[:_TOP_SCORES])
        )
    return "\n".join(lines)


def map_openai_moderation(request: Any, response: Any, model: str | None) -> MapperOutput:
    req = as_dict(request)
    resp = as_dict(response)
    text = input_text(req.get("input"))
    messages = [
        {"role": "assistant", "content": result_text(r), "_type": "message"}
        for r in dicts(resp.get("results"))
    ]
    error = text_of(get_path(resp, "error", "message"))
    return MapperOutput(
        request={
            "model": as_str(req.get("model")) or model,
            "input": req.get("input"),
            "messages": [{"role": "user", "content": text, "_type": "message"}],
        },
        response={"model": as_str(resp.get("model")) or model, "messages": messages},
        preview_request=text,
        preview_response=error or (messages[0]["content"] if messages else ""),
    )
