"""One-line preview texts, and the text of mapped messages.

Helicone's dashboard folds each newline into one space in its previews (it does not collapse
runs of spaces, so pretty-printed JSON keeps its indentation as spaces); we do the same so the
reference previews match, and then cut long text, which the dashboard leaves to CSS.
"""

from __future__ import annotations

from typing import Any

from .images import summarize_data_urls_in
from .jsonish import MAX_DEPTH, as_dict, as_list, as_str, compact

PREVIEW_MAX_CHARS = 500
_ELLIPSIS = "…"


def one_line(text: str, limit: int = PREVIEW_MAX_CHARS) -> str:
    """``text`` folded to one line, long base64 ``data:`` URLs summarised, cut at ``limit``."""
    # Cut a generous slice first so a 10 MB text costs no more than a short one.
    head = text[: limit * 4 + 4096]
    folded = summarize_data_urls_in(head).replace("\r\n", "\n").replace("\n", " ").strip()
    if len(folded) > limit or (len(head) < len(text) and len(folded) >= limit):
        return folded[: limit - 1].rstrip() + _ELLIPSIS
    return folded


def tool_call_text(tool_calls: Any) -> str:
    """``name({"arg":1})`` lines for mapped ``tool_calls``."""
    parts = []
    for call in as_list(tool_calls):
        call_d = as_dict(call)
        args = call_d.get("arguments")
        parts.append(f"{call_d.get('name') or 'tool'}({compact(args if args is not None else {})})")
    return "\n".join(parts)


def message_text(message: Any) -> str:
    """The readable text of one mapped message (or content part), depth-capped."""
    out: list[str] = []
    stack: list[tuple[Any, int]] = [(message, 0)]
    while stack:
        node, depth = stack.pop()
        node_d = as_dict(node)
        parts = as_list(node_d.get("contentArray"))
        if parts and depth < MAX_DEPTH:
            stack.extend((part, depth + 1) for part in reversed(parts))
            continue
        if node_d.get("_type") in ("image", "file", "audio") and depth > 0:
            continue
        content = as_str(node_d.get("content")) or as_str(node_d.get("text"))
        if content:
            out.append(content)
    return " ".join(out)


def last_message_text(messages: Any) -> str:
    """Text of the last message that has any (tool-call-only turns have none)."""
    for message in reversed(as_list(messages)):
        text = message_text(message)
        if text:
            return text
    return ""


def response_text(messages: Any) -> str:
    """Text of mapped response messages: contents, else tool calls."""
    texts = [t for t in (message_text(m) for m in as_list(messages)) if t]
    if texts:
        return "\n".join(texts)
    calls = [tool_call_text(as_dict(m).get("tool_calls")) for m in as_list(messages)]
    return "\n".join(c for c in calls if c)
