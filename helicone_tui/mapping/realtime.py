"""OpenAI Realtime sessions: logged WebSocket events to a conversation.

Helicone logs a session as ``{"messages": [{"type": "message", "from": "client" | "target",
"timestamp", "content": <event>}]}`` on each side. Both sides are read as one timeline; the
assistant turns at its end are the response, everything before them the request.
"""

from __future__ import annotations

from typing import Any

from .jsonish import as_dict, as_str, dicts, parse_arguments, text_of
from .mapped import MapperOutput


def _item_messages(
    item: dict[str, Any], timestamp: Any, event_type: str | None
) -> list[dict[str, Any]]:
    kind = item.get("type")
    if kind == "function_call":
        return [
            {
                "role": "assistant",
                "_type": "functionCall",
                "content": "",
                "timestamp": timestamp,
                "tool_calls": [
                    {
                        "id": as_str(item.get("call_id")),
                        "name": as_str(item.get("name")),
                        "arguments": parse_arguments(item.get("arguments")),
                    }
                ],
            }
        ]
    if kind == "function_call_output":
        return [
            {
                "role": "tool",
                "_type": "function",
                "content": text_of(item.get("output")),
                "tool_call_id": text_of(item.get("call_id")),
                "timestamp": timestamp,
            }
        ]
    role = as_str(item.get("role")) or ("assistant" if event_type == "response.done" else "user")
    out = []
    for part in dicts(item.get("content")):
        part_kind = part.get("type")
        if part_kind in ("input_audio", "audio", "output_audio"):
            message: dict[str, Any] = {
                "role": role,
                "_type": "audio",
                "content": text_of(part.get("transcript")),
                "audio_data": text_of(part.get("audio")),
                "timestamp": timestamp,
            }
        else:
            message = {
                "role": role,
                "_type": "message",
                "timestamp": timestamp,
                "content": text_of(part.get("text", part.get("transcript"))),
            }
        if event_type == "response.done":
            message["ending_event_id"] = event_type
        else:
            message["deleted"] = False
        out.append(message)
    return out


def _event_messages(entry: dict[str, Any]) -> list[dict[str, Any]]:
    event = as_dict(entry.get("content"))
    timestamp = entry.get("timestamp")
    event_type = as_str(event.get("type"))
    if event_type in ("session.update", "session.created", "session.updated"):
        instructions = as_dict(event.get("session")).get("instructions")
        if isinstance(instructions, str) and instructions:
            return [
                {
                    "role": "system",
                    "_type": "message",
                    "content": instructions,
                    "timestamp": timestamp,
                }
            ]
        return []
    if event_type == "conversation.item.input_audio_transcription.completed":
        audio = ""
        for part in dicts(as_dict(event.get("item")).get("content")):
            audio = audio or text_of(part.get("audio"))
        message: dict[str, Any] = {
            "role": "user",
            "_type": "audio",
            "content": text_of(event.get("transcript")),
            "timestamp": timestamp,
            "ending_event_id": event_type,
        }
        if audio:
            message["audio_data"] = audio
        return [message]
    if event_type == "conversation.item.create":
        return _item_messages(as_dict(event.get("item")), timestamp, event_type)
    if event_type == "response.done":
        out = []
        for item in dicts(as_dict(event.get("response")).get("output")):
            out.extend(_item_messages(item, timestamp, event_type))
        return out
    return []


def _side(body: Any) -> list[dict[str, Any]]:
    out = []
    for entry in dicts(as_dict(body).get("messages")):
        out.extend(_event_messages(entry))
    return out


def map_openai_realtime(request: Any, response: Any, model: str | None) -> MapperOutput:
    timeline = _side(request) + _side(response)
    # Stable sort: events without a timestamp keep their logged order.
    timeline.sort(key=lambda m: str(m.get("timestamp") or ""))
    split = len(timeline)
    while split > 0 and timeline[split - 1].get("role") == "assistant":
        split -= 1
    asked, answered = timeline[:split], timeline[split:]
    last_user: dict[str, Any] = next((m for m in reversed(asked) if m.get("role") == "user"), {})
    return MapperOutput(
        request={"model": model, "messages": asked, "stream": True},
        response={"messages": answered},
        preview_request=text_of(last_user.get("content")),
        preview_response="\n".join(text_of(m.get("content")) for m in answered if m.get("content")),
    )
