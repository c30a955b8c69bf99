"""Image generation: OpenAI images (DALL·E, gpt-image) and Black Forest Labs FLUX."""

from __future__ import annotations

from typing import Any

from .images import data_url
from .jsonish import as_dict, as_str, dicts, get_path, text_of
from .mapped import MapperOutput

_IMAGE_PARAMS = ("size", "quality", "n", "style")


def _image_url(item: dict[str, Any], mime: str) -> str:
    b64 = as_str(item.get("b64_json"))
    if b64:
        return data_url(mime, b64)
    return as_str(item.get("url")) or ""


def map_openai_image(request: Any, response: Any, model: str | None) -> MapperOutput:
    req = as_dict(request)
    resp = as_dict(response)
    prompt = as_str(req.get("prompt"))
    mapped_request: dict[str, Any] = {"model": as_str(req.get("model")) or model}
    if prompt is not None:
        mapped_request["prompt"] = prompt
    for key in _IMAGE_PARAMS:
        if key in req:
            mapped_request[key] = req[key]
    if isinstance(req.get("response_format"), str):
        mapped_request["response_format"] = {"type": req["response_format"], "json_schema": {}}
    mapped_request["messages"] = (
        [{"role": "user", "content": prompt, "_type": "message"}] if prompt else []
    )
    mime = f"image/{as_str(req.get('output_format')) or 'png'}"
    items = dicts(resp.get("data")) or [{}]
    messages = [
        {
            "role": "assistant",
            "content": as_str(item.get("revised_prompt")) or "",
            "_type": "image",
            "image_url": _image_url(item, mime),
        }
        for item in items
    ]
    error = text_of(get_path(resp, "error", "message"))
    return MapperOutput(
        request=mapped_request,
        response={"messages": messages, "model": as_str(resp.get("model")) or model},
        preview_request=prompt or "",
        preview_response=error or messages[0]["content"],
    )


def map_black_forest_labs_image(request: Any, response: Any, model: str | None) -> MapperOutput:
    req = as_dict(request)
    resp = as_dict(response)
    prompt = as_str(req.get("prompt"))
    mapped_request: dict[str, Any] = {"model": as_str(req.get("model")) or model}
    if prompt is not None:
        mapped_request["prompt"] = prompt
    mapped_request["messages"] = [{"role": "user", "content": prompt or "", "_type": "message"}]
    # Together's FLUX endpoint returns JPEG bytes; its "b64_json" sometimes holds a URL instead.
    items = dicts(resp.get("data")) or [{}]
    messages = [
        {
            "role": "assistant",
            "content": "Image generated",
            "_type": "image",
            "image_url": _image_url(item, "image/jpeg"),
        }
        for item in items
    ]
    error = text_of(get_path(resp, "error", "message"))
    return MapperOutput(
        request=mapped_request,
        response={"model": as_str(resp.get("model")) or model, "messages": messages},
        preview_request=prompt or "",
        preview_response=error or "Image generated successfully",
    )
