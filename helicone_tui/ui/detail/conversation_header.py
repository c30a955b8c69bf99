"""The line above the conversation: mapper, message count, tools and the call's parameters."""

from __future__ import annotations

from typing import Any

from rich.text import Text

from helicone_tui.mapping import MappedRequest
from helicone_tui.text_safety import sanitize_line

from .conversation_items import event_headline

# Shown in this order; any other parameter follows.
_FIRST = ("tools", "tool_choice", "temperature", "max_tokens", "reasoning_effort", "stream")
MAX_TOOL_NAMES = 8


def _value(value: Any) -> str:
    if isinstance(value, list):
        names = [str(v) for v in value]
        shown = ", ".join(names[:MAX_TOOL_NAMES])
        return shown + (f", +{len(names) - MAX_TOOL_NAMES}" if len(names) > MAX_TOOL_NAMES else "")
    if isinstance(value, dict):
        return ", ".join(f"{k}={v}" for k, v in value.items() if v is not None)
    return str(value)


def conversation_header(mapped: MappedRequest) -> Text:
    request = mapped.schema.request
    response = mapped.schema.response
    count = len(request.messages or []) if request else 0
    count += len(response.messages or []) + len(response.responses or []) if response else 0
    text = Text(no_wrap=False)
    headline = event_headline(mapped) if count == 0 else None
    if headline is not None:
        # An event has no messages: say what it is rather than "0 messages".
        text.append(sanitize_line(headline), "bold")
    else:
        text.append(mapped.mapper, "bold")
        text.append(f" · {count} message{'s' if count != 1 else ''}", "dim")
    params = dict(mapped.parameters)
    ordered = [k for k in _FIRST if k in params] + [k for k in params if k not in _FIRST]
    for key in ordered:
        value = params[key]
        if value in (None, "", []):
            continue
        text.append(f" · {key} ", "dim")
        text.append(sanitize_line(_value(value)))
    return text
