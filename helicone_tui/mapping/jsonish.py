"""Defensive readers for JSON of unknown shape.

Bodies come from arbitrary providers and clients: any value may be missing, null, or of another
type than the documents promise. Mappers read them only through these helpers, so a wrong shape
degrades to an empty value instead of raising.
"""

from __future__ import annotations

import json
import math
from typing import Any

# Beyond this depth a structure is treated as opaque: walks stop instead of recursing further,
# so no input can exhaust the interpreter's stack.
MAX_DEPTH = 64

# A tuple, not ``dict | list``: ``isinstance`` checks a tuple faster, on every value walked.
_CONTAINERS = (dict, list)


def as_dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def as_str(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def dicts(value: Any) -> list[dict[str, Any]]:
    """The dict items of a list (anything else in it is skipped)."""
    return [item for item in as_list(value) if isinstance(item, dict)]


def get_path(value: Any, *keys: str | int) -> Any:
    """`value[k1][k2]...`, or None as soon as a step does not exist."""
    current = value
    for key in keys:
        if isinstance(key, int):
            if not isinstance(current, list) or not -len(current) <= key < len(current):
                return None
            current = current[key]
        else:
            if not isinstance(current, dict):
                return None
            current = current.get(key)
    return current


def is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def compact(value: Any) -> str:
    """JSON text the way JavaScript's ``JSON.stringify(value)`` writes it."""
    return _dumps(value, None)


def pretty(value: Any) -> str:
    """JSON text the way ``JSON.stringify(value, null, 2)`` writes it."""
    return _dumps(value, 2)


def _dumps(value: Any, indent: int | None) -> str:
    separators = (",", ":") if indent is None else (",", ": ")
    try:
        return json.dumps(
            value, ensure_ascii=False, indent=indent, separators=separators, default=repr
        )
    except (ValueError, TypeError, RecursionError):
        # Deeper than the encoder's stack allows (or circular, from Python callers): print the
        # top of it, which is all a reader can use anyway.
        return json.dumps(
            cap_depth(value), ensure_ascii=False, indent=indent, separators=separators, default=repr
        )


def cap_depth(value: Any, depth: int = MAX_DEPTH) -> Any:
    """A copy of ``value`` with everything below ``depth`` levels replaced by ``"…"``."""
    if depth <= 0:
        return "…" if isinstance(value, dict | list) else value
    if isinstance(value, dict):
        return {str(k): cap_depth(v, depth - 1) for k, v in value.items()}
    if isinstance(value, list):
        return [cap_depth(v, depth - 1) for v in value]
    return value


def parse_json(text: str) -> Any:
    """``json.loads`` that answers None instead of raising."""
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        return None


def parse_arguments(raw: Any) -> dict[str, Any]:
    """Tool-call arguments as an object: JSON text is parsed, anything unparsable is kept whole.

    Streams often end mid-argument or arguments are not an object at all; the text is then kept
    under ``raw`` so the user still sees what the model sent.
    """
    if isinstance(raw, dict):
        return raw
    if raw is None or raw == "":
        return {}
    if isinstance(raw, str):
        parsed = parse_json(raw)
        if isinstance(parsed, dict):
            return parsed
        return {"raw": raw} if parsed is None else {"value": parsed}
    return {"value": raw}


def text_of(value: Any) -> str:
    """Text for display: strings as they are, anything else as compact JSON."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return compact(value)


def fixed6(value: Any) -> str:
    """A number the way JavaScript's ``toFixed(6)`` writes it."""
    if not is_number(value):
        return str(value)
    number = float(value)
    if not math.isfinite(number):
        return "NaN" if math.isnan(number) else ("Infinity" if number > 0 else "-Infinity")
    return f"{number:.6f}"


def limit_depth(value: Any, max_depth: int = MAX_DEPTH) -> Any:
    """``value`` with containers deeper than ``max_depth`` replaced by ``"…"``, in place.

    Mapped schemas carry provider JSON (tool arguments, event details) as it came; pydantic
    refuses to serialise past its own depth limit, so the mapping cuts such JSON first. The walk
    is iterative and touches only containers, so it costs little on large flat bodies.
    """
    stack: list[tuple[Any, int]] = [(value, 0)]
    push = stack.append
    while stack:
        node, depth = stack.pop()
        depth += 1
        # Replacing a value under an existing key does not resize the dict, so iterating
        # ``items()`` needs no copy.
        children: Any = node.items() if isinstance(node, dict) else enumerate(node)
        for key, child in children:
            if isinstance(child, _CONTAINERS):
                if depth >= max_depth:
                    node[key] = "…"
                else:
                    push((child, depth))
    return value
