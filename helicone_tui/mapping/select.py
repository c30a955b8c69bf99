"""Which mapper reads a row, by the order of rules Helicone's dashboard uses (DESIGN.md §2).

Event markers in the request body come first, then the AI gateway's body mapping, then
assistant / realtime markers, then model, provider and URL. Where the rules leave the default
(openai-chat) but the body's shape is unmistakably another provider's, the shape decides: the
dashboard would show such a row as an empty chat, which helps nobody.
"""

from __future__ import annotations

import re
from typing import Any

from helicone_tui.models import HeliconeRequest

from .jsonish import as_dict, as_list, as_str
from .mapped import MapperType

_EVENT_MAPPERS: dict[str, MapperType] = {"vector_db": "vector-db", "tool": "tool", "data": "data"}
_GATEWAY_MAPPERS: dict[str, MapperType] = {"OPENAI": "openai-chat", "RESPONSES": "openai-response"}
_ASSISTANT_OBJECTS = frozenset(
    {"assistant", "thread", "thread.run", "thread.message", "thread.run.step"}
)
_INSTRUCT_MODEL = re.compile(
    r"^(gpt-3\.5-turbo-instruct|text-(davinci|curie|babbage|ada)|davinci|babbage)"
)


def _url(row: HeliconeRequest) -> str:
    return f"{row.target_url or ''} {row.request_path or ''}".lower()


def is_assistant_request(row: HeliconeRequest, response: Any) -> bool:
    url = _url(row)
    if "/threads" in url or "/assistants" in url:
        return True
    body = as_dict(response)
    return body.get("object") in _ASSISTANT_OBJECTS or (
        "assistant_id" in body and "thread_id" in body
    )


def is_realtime_request(row: HeliconeRequest, request: Any) -> bool:
    if "/realtime" in _url(row):
        return True
    events = as_list(as_dict(request).get("messages"))
    return bool(events) and all(
        isinstance(e, dict) and "from" in e and isinstance(e.get("content"), dict) for e in events
    )


def select_mapper(row: HeliconeRequest, request: Any, response: Any) -> MapperType:
    """The mapper for a row whose bodies have already been parsed to JSON values."""
    body = as_dict(request)
    event = as_str(body.get("_type"))
    if event in _EVENT_MAPPERS:
        return _EVENT_MAPPERS[event]
    if row.request_referrer == "ai-gateway":
        gateway = _GATEWAY_MAPPERS.get((row.ai_gateway_body_mapping or "").upper())
        if gateway is not None:
            return gateway
    if is_assistant_request(row, response):
        return "openai-assistant"
    if is_realtime_request(row, request):
        return "openai-realtime"
    chosen = mapper_for(row.model or row.request_model or "", row.provider or "", _url(row))
    if chosen == "openai-chat":
        return _by_shape(body, as_dict(response)) or chosen
    return chosen


def mapper_for(model: str, provider: str, url: str) -> MapperType:
    """The model / provider / URL rules alone (Helicone's ``getMapperType``)."""
    model_l = model.lower()
    provider_u = provider.upper()
    if "/v1/responses" in url or url.rstrip().endswith("/responses"):
        return "openai-response"
    if provider_u == "GOOGLE" or "generativelanguage.googleapis.com" in url:
        return "gemini-chat"
    if ":generatecontent" in url or ":streamgeneratecontent" in url:
        return "gemini-chat"
    if model_l.startswith(("dall-e", "gpt-image")):
        return "openai-image"
    if "black-forest-labs" in model_l or "flux" in model_l:
        return "black-forest-labs-image"
    if provider_u == "ANTHROPIC" or "api.anthropic.com" in url or model_l.startswith("claude"):
        return "anthropic-chat"
    if "embedding" in model_l or "/embeddings" in url:
        return "openai-embedding"
    if "moderation" in model_l or "/moderations" in url:
        return "openai-moderation"
    if _INSTRUCT_MODEL.match(model_l) or re.search(r"/v1/completions(\s|$|\?)", url):
        return "openai-instruct"
    if "realtime" in model_l:
        return "openai-realtime"
    if provider_u == "LLAMA" or "api.llama.com" in url:
        return "llama-chat"
    if provider_u == "VERCEL" or "ai-gateway.vercel" in url:
        return "vercel-chat"
    if "/images/generations" in url:
        return "openai-image"
    return "openai-chat"


def _by_shape(request: dict[str, Any], response: dict[str, Any]) -> MapperType | None:
    if "messages" in request:
        if isinstance(request.get("system"), str | list) or response.get("type") == "message":
            return "anthropic-chat"
        return None
    if "contents" in request or "candidates" in response:
        return "gemini-chat"
    if "input" in request and ("output" in response or response.get("object") == "response"):
        return "openai-response"
    if "instructions" in request and "input" in request:
        return "openai-response"
    if isinstance(request.get("prompt"), str) and "choices" in response:
        return "openai-instruct"
    return None
