"""The call's parameters, read from the raw request body whatever its provider.

The schema keeps only what the dashboard's mapper keeps; the details view wants every knob the
caller set, under one name each (DESIGN.md §3).
"""

from __future__ import annotations

from typing import Any

from .jsonish import as_dict, dicts

# Provider spellings first, our name second.
_ALIASES: tuple[tuple[str, str], ...] = (
    ("max_tokens", "max_tokens"),
    ("max_completion_tokens", "max_tokens"),
    ("max_output_tokens", "max_tokens"),
    ("maxOutputTokens", "max_tokens"),
    ("temperature", "temperature"),
    ("top_p", "top_p"),
    ("topP", "top_p"),
    ("top_k", "top_k"),
    ("topK", "top_k"),
    ("seed", "seed"),
    ("stream", "stream"),
    ("presence_penalty", "presence_penalty"),
    ("frequency_penalty", "frequency_penalty"),
    ("stop", "stop"),
    ("stop_sequences", "stop"),
    ("stopSequences", "stop"),
    ("n", "n"),
    ("reasoning_effort", "reasoning_effort"),
    ("verbosity", "verbosity"),
    ("parallel_tool_calls", "parallel_tool_calls"),
    ("size", "size"),
    ("quality", "quality"),
)


def _tool_names(tools: Any) -> list[str]:
    names = []
    for tool in dicts(tools):
        name = as_dict(tool.get("function")).get("name", tool.get("name"))
        if isinstance(name, str):
            names.append(name)
        for declaration in dicts(
            tool.get("functionDeclarations") or tool.get("function_declarations")
        ):
            if isinstance(declaration.get("name"), str):
                names.append(declaration["name"])
        if (
            name is None
            and isinstance(tool.get("type"), str)
            and not tool.get("functionDeclarations")
        ):
            names.append(tool["type"])
    return names


def request_parameters(request: Any) -> dict[str, Any]:
    body = as_dict(request)
    params: dict[str, Any] = {}
    sources = (body, as_dict(body.get("generationConfig") or body.get("generation_config")))
    for source in sources:
        for key, name in _ALIASES:
            value = source.get(key)
            if (
                value is not None and name not in params and not isinstance(value, dict | list)
            ) or (name == "stop" and isinstance(value, list) and name not in params):
                params[name] = value
    reasoning = as_dict(body.get("reasoning"))
    if isinstance(reasoning.get("effort"), str) and "reasoning_effort" not in params:
        params["reasoning_effort"] = reasoning["effort"]
    thinking = as_dict(body.get("thinking"))
    if thinking.get("type") == "enabled":
        params["thinking_budget"] = thinking.get("budget_tokens")
    names = _tool_names(body.get("tools"))
    if names:
        params["tools"] = names
    choice = body.get("tool_choice")
    if choice is not None:
        params["tool_choice"] = choice if isinstance(choice, str) else as_dict(choice).get("type")
    response_format = body.get("response_format")
    if response_format is not None:
        params["response_format"] = (
            response_format
            if isinstance(response_format, str)
            else as_dict(response_format).get("type")
        )
    return params
