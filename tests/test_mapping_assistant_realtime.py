"""openai-assistant and openai-realtime with our own rows."""

from __future__ import annotations

from typing import Any

from helicone_tui.mapping import map_request
from helicone_tui.models import HeliconeRequest


def row(request: Any, response: Any, **extra: Any) -> HeliconeRequest:
    fields: dict[str, Any] = {"provider": "OPENAI", "model": "gpt-4o", "response_status": 200}
    fields.update(extra)
    return HeliconeRequest(request_id="r", request_body=request, response_body=response, **fields)


def test_assistant_thread_message_shows_its_text() -> None:
    mapped = map_request(
        row(
            {"role": "user", "content": "Summarise the file."},
            {
                "object": "thread.message",
                "role": "assistant",
                "assistant_id": "a",
                "thread_id": "t",
                "content": [
                    {"type": "text", "text": {"value": "Here is the summary.", "annotations": []}}
                ],
            },
            target_url="https://api.openai.com/v1/threads/t/messages",
        )
    )
    assert mapped.mapper == "openai-assistant"
    assert mapped.preview.request == "Summarise the file."
    assert mapped.preview.response == "Here is the summary."


def test_assistant_selected_by_response_object_without_path() -> None:
    mapped = map_request(row({}, {"id": "run_1", "object": "thread.run", "status": "queued"}))
    assert mapped.mapper == "openai-assistant"
    assert mapped.preview.response == "Run ID: run_1 Status: queued"


def test_assistant_failed_run_shows_last_error() -> None:
    mapped = map_request(
        row(
            {},
            {
                "object": "thread.run",
                "status": "failed",
                "last_error": {"code": "server_error", "message": "Run crashed"},
            },
        )
    )
    assert mapped.preview.response == "Run crashed"


def _event(side: str, ts: str, content: dict[str, Any]) -> dict[str, Any]:
    return {"type": "message", "from": side, "timestamp": ts, "content": content}


def test_realtime_session_becomes_one_timeline() -> None:
    request = {
        "messages": [
            _event(
                "client",
                "2025-01-01T00:00:00Z",
                {"type": "session.update", "session": {"instructions": "Speak slowly."}},
            ),
            _event(
                "client",
                "2025-01-01T00:00:01Z",
                {
                    "type": "conversation.item.create",
                    "item": {
                        "type": "message",
                        "role": "user",
                        "content": [{"type": "input_text", "text": "Hi!"}],
                    },
                },
            ),
            _event(
                "client",
                "2025-01-01T00:00:05Z",
                {
                    "type": "conversation.item.create",
                    "item": {"type": "function_call_output", "call_id": "c1", "output": '{"t":20}'},
                },
            ),
        ]
    }
    response = {
        "messages": [
            _event(
                "target",
                "2025-01-01T00:00:03Z",
                {
                    "type": "response.done",
                    "response": {
                        "output": [
                            {
                                "type": "function_call",
                                "call_id": "c1",
                                "name": "temp",
                                "arguments": "{}",
                            }
                        ]
                    },
                },
            ),
            _event(
                "target",
                "2025-01-01T00:00:06Z",
                {
                    "type": "response.done",
                    "response": {
                        "output": [
                            {
                                "type": "message",
                                "role": "assistant",
                                "content": [
                                    {
                                        "type": "audio",
                                        "audio": "UklGR",
                                        "transcript": "It is 20 degrees.",
                                    }
                                ],
                            }
                        ]
                    },
                },
            ),
        ]
    }
    mapped = map_request(row(request, response, model="gpt-4o-realtime-preview"))
    assert mapped.mapper == "openai-realtime"
    schema = mapped.schema.to_json_dict()
    kinds = [(m["role"], m["_type"]) for m in schema["request"]["messages"]]
    assert kinds == [
        ("system", "message"),
        ("user", "message"),
        ("assistant", "functionCall"),
        ("tool", "function"),
    ]
    (answer,) = schema["response"]["messages"]
    assert answer["_type"] == "audio" and answer["content"] == "It is 20 degrees."
    assert schema["request"]["stream"] is True
    assert mapped.preview.request == "Hi!"
    assert mapped.preview.response == "It is 20 degrees."


def test_realtime_selected_by_url() -> None:
    mapped = map_request(row({"messages": []}, {}, target_url="wss://api.openai.com/v1/realtime"))
    assert mapped.mapper == "openai-realtime"
