"""Streamed responses to the single body a non-streamed call would have returned.

A streamed body reaches us as SSE text (``data: {...}`` lines), as a JSON list of chunks (Gemini
``streamGenerateContent``), or as ``{"streamed_data": [chunks]}``. Chunks of OpenAI chat,
Anthropic, the Responses API and Gemini are folded into the provider's ordinary response shape,
so the mappers need not know a stream happened. Anything else is left as it was.
"""

from __future__ import annotations

from typing import Any

from .jsonish import as_dict, as_str, dicts, parse_json


def parse_sse(text: str) -> list[Any] | None:
    """The JSON payloads of ``data:`` lines, or None when ``text`` is not SSE."""
    head = text.lstrip()[:200]
    if not (head.startswith(("data:", "event:", ":")) or "\ndata:" in head):
        return None
    chunks: list[Any] = []
    for line in text.splitlines():
        if not line.startswith("data:"):
            continue
        payload = line[5:].strip()
        if not payload or payload == "[DONE]":
            continue
        parsed = parse_json(payload)
        if parsed is not None:
            chunks.append(parsed)
    return chunks


def consolidate(chunks: list[Any]) -> dict[str, Any] | None:
    """One response body from stream chunks, or None when the chunks are of no known kind."""
    items = dicts(chunks)
    if not items:
        return None
    first = items[0]
    if any("choices" in c for c in items[:5]):
        return _openai_chat(items)
    if as_str(first.get("type")) in ("message_start", "ping") or any(
        c.get("type") == "content_block_delta" for c in items[:10]
    ):
        return _anthropic(items)
    if any(str(c.get("type", "")).startswith("response.") for c in items[:5]):
        return _responses(items)
    if any("candidates" in c for c in items[:5]):
        return _gemini(items)
    return None


def _openai_chat(chunks: list[dict[str, Any]]) -> dict[str, Any]:
    texts: list[str] = []
    reasoning: list[str] = []
    calls: dict[int, dict[str, Any]] = {}
    role = "assistant"
    finish: Any = None
    result: dict[str, Any] = {}
    for chunk in chunks:
        for key in ("id", "model", "created", "usage"):
            if chunk.get(key) is not None:
                result[key] = chunk[key]
        for choice in dicts(chunk.get("choices")):
            finish = choice.get("finish_reason") or finish
            delta = as_dict(choice.get("delta")) or as_dict(choice.get("message"))
            role = as_str(delta.get("role")) or role
            if isinstance(delta.get("content"), str):
                texts.append(delta["content"])
            if isinstance(choice.get("text"), str):
                texts.append(choice["text"])
            for key in ("reasoning_content", "reasoning"):
                if isinstance(delta.get(key), str):
                    reasoning.append(delta[key])
            for position, call in enumerate(dicts(delta.get("tool_calls"))):
                raw_index = call.get("index")
                index = raw_index if isinstance(raw_index, int) else position
                slot = calls.setdefault(
                    index,
                    {"id": None, "type": "function", "function": {"name": "", "arguments": ""}},
                )
                if isinstance(call.get("id"), str):
                    slot["id"] = call["id"]
                function = as_dict(call.get("function"))
                if isinstance(function.get("name"), str):
                    slot["function"]["name"] += function["name"]
                if isinstance(function.get("arguments"), str):
                    slot["function"]["arguments"] += function["arguments"]
    message: dict[str, Any] = {
        "role": role,
        "content": "".join(texts) if texts or not calls else None,
    }
    if reasoning:
        message["reasoning_content"] = "".join(reasoning)
    if calls:
        message["tool_calls"] = [calls[i] for i in sorted(calls)]
    result["object"] = "chat.completion"
    result["choices"] = [{"index": 0, "message": message, "finish_reason": finish}]
    return result


def _anthropic(events: list[dict[str, Any]]) -> dict[str, Any]:
    message: dict[str, Any] = {"type": "message", "role": "assistant", "content": []}
    blocks: dict[int, dict[str, Any]] = {}
    partial_json: dict[int, str] = {}
    for event in events:
        kind = event.get("type")
        if kind == "message_start":
            start = as_dict(event.get("message"))
            message.update({k: v for k, v in start.items() if k != "content"})
        elif kind == "content_block_start":
            raw_index = event.get("index")
            index = raw_index if isinstance(raw_index, int) else len(blocks)
            blocks[index] = dict(as_dict(event.get("content_block")))
        elif kind == "content_block_delta":
            raw_index = event.get("index")
            index = raw_index if isinstance(raw_index, int) else len(blocks) - 1
            block = blocks.setdefault(index, {"type": "text", "text": ""})
            delta = as_dict(event.get("delta"))
            for field in ("text", "thinking"):
                if isinstance(delta.get(field), str):
                    block[field] = str(block.get(field) or "") + delta[field]
            if isinstance(delta.get("partial_json"), str):
                partial_json[index] = partial_json.get(index, "") + delta["partial_json"]
        elif kind == "message_delta":
            message.update(as_dict(event.get("delta")))
            if isinstance(event.get("usage"), dict):
                message["usage"] = {**as_dict(message.get("usage")), **event["usage"]}
        elif kind == "error":
            message["error"] = event.get("error")
    for index, raw in partial_json.items():
        parsed = parse_json(raw) if raw else {}
        blocks[index]["input"] = parsed if isinstance(parsed, dict) else {"raw": raw}
    message["content"] = [blocks[i] for i in sorted(blocks)]
    return message


def _responses(events: list[dict[str, Any]]) -> dict[str, Any]:
    for event in reversed(events):
        if event.get("type") in ("response.completed", "response.incomplete", "response.failed"):
            response = as_dict(event.get("response"))
            if response:
                return response
    text = "".join(
        str(e.get("delta")) for e in events if e.get("type") == "response.output_text.delta"
    )
    return {
        "output": [
            {
                "type": "message",
                "role": "assistant",
                "content": [{"type": "output_text", "text": text}],
            }
        ]
    }


def _gemini(chunks: list[dict[str, Any]]) -> dict[str, Any]:
    parts: list[dict[str, Any]] = []
    result: dict[str, Any] = {}
    for chunk in chunks:
        for key in ("modelVersion", "usageMetadata", "responseId"):
            if key in chunk:
                result[key] = chunk[key]
        candidate = (
            as_dict(dicts(chunk.get("candidates"))[0]) if dicts(chunk.get("candidates")) else {}
        )
        for part in dicts(as_dict(candidate.get("content")).get("parts")):
            last = parts[-1] if parts else None
            if (
                last is not None
                and "text" in part
                and "text" in last
                and bool(part.get("thought")) == bool(last.get("thought"))
            ):
                last["text"] = str(last["text"]) + str(part["text"])
            else:
                parts.append(dict(part))
    result["candidates"] = [{"content": {"role": "model", "parts": parts}}]
    return result


def normalize_response_body(body: Any) -> Any:
    """The body a mapper should read: streams folded, JSON text parsed; else ``body`` itself."""
    if isinstance(body, str):
        chunks = parse_sse(body)
        if chunks is not None:
            return consolidate(chunks) or body
        parsed = parse_json(body) if body.lstrip()[:1] in ("{", "[") else None
        if parsed is None:
            return body
        body = parsed
    if isinstance(body, list):
        return consolidate(body) or body
    if isinstance(body, dict):
        streamed = body.get("streamed_data")
        if (
            isinstance(streamed, list)
            and streamed
            and not any(k in body for k in ("choices", "content", "candidates", "output", "item"))
        ):
            return consolidate(streamed) or body
    return body
