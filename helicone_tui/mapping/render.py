"""A mapped request as Markdown: for ``helicone-tui get ID`` and "copy conversation".

Inline base64 media never reach the text: they are summarised (``[image: image/png, 34.2 KB
base64]``). Code fences are made longer than any backtick run inside them, so a body's own
Markdown cannot break out of its block.
"""

from __future__ import annotations

import re
from typing import Any

from helicone_tui.models import FunctionCall, Message, Response

from .assets import ASSET_TAG
from .images import summarize_data_url, summarize_data_urls_in
from .jsonish import MAX_DEPTH, pretty
from .mapped import MappedRequest

# Raw bodies of an unmappable row are shown, but a 10 MB body is not copied whole to the
# clipboard or the terminal.
RAW_BODY_MAX_CHARS = 20_000
_BACKTICKS = re.compile(r"`{3,}")


def fence(text: str, language: str = "") -> str:
    longest = max((len(m) for m in _BACKTICKS.findall(text)), default=2)
    ticks = "`" * max(3, longest + 1)
    return f"{ticks}{language}\n{text}\n{ticks}"


def _json_block(value: Any) -> str:
    return fence(summarize_data_urls_in(pretty(value)), "json")


def _text(text: str) -> str:
    return summarize_data_urls_in(text)


def _heading(role: str | None) -> str:
    if not role:
        return "Message"
    return {"model": "Assistant (model)", "tool": "Tool result", "function": "Tool result"}.get(
        role, role[:1].upper() + role[1:]
    )


def _media_line(kind: str, url: str | None, label: str | None = None) -> str:
    if not url:
        return f"[{kind}{': ' + label if label else ''}]"
    asset = ASSET_TAG.search(url)
    if asset is not None:
        return f"[{kind}: Helicone asset {asset.group(1)}, no signed URL in this row]"
    if url.startswith("data:"):
        return summarize_data_url(url) if "base64," in url else f"[{kind}: {url[:80]}]"
    return f"![{label or kind}]({url})" if kind == "image" else f"[{kind}: {url}]"


def _tool_calls(calls: list[FunctionCall] | None) -> list[str]:
    out = []
    for call in calls or []:
        ident = f" (id `{call.id}`)" if call.id else ""
        args = (
            call.arguments if call.arguments is not None else call.malformed_fields.get("arguments")
        )
        out.append(f"**Tool call** `{call.name or 'unnamed'}`{ident}\n\n{_json_block(args or {})}")
    return out


def _body(message: Message | Response, depth: int) -> list[str]:
    """The blocks of one message or content part (contentArray parts in order)."""
    blocks: list[str] = []
    if depth > 0 and message.tool_call_id:
        blocks.append(f"**Tool result** (for `{message.tool_call_id}`)")
    reasoning = getattr(message, "reasoning", None)
    if reasoning:
        quoted = "\n".join(f"> {line}" for line in _text(reasoning).splitlines())
        blocks.append(f"> **Reasoning**\n>\n{quoted}")
    kind = message.kind
    text = message.content if isinstance(message, Message) else message.text
    if kind == "image" or (message.image_url and kind not in ("message", "contentArray")):
        blocks.append(_media_line("image", message.image_url))
        if text and not (message.image_url or "").endswith(text[-32:]):
            blocks.append(_text(text))
    elif kind == "audio":
        blocks.append(_media_line("audio", message.audio_data, None))
        if text:
            blocks.append(f"_Transcript:_ {_text(text)}")
    elif kind == "file":
        name = message.filename or message.file_id
        blocks.append(f"[file: {name or 'attachment'}]")
        if message.file_data:
            blocks.append(summarize_data_url(message.file_data)[:200])
        if text:
            blocks.append(_text(text))
    elif text:
        blocks.append(_text(text))
    blocks.extend(_tool_calls(message.tool_calls))
    annotations = getattr(message, "annotations", None) or []
    links = [a for a in annotations if isinstance(a, dict) and a.get("url")]
    if links:
        blocks.append(
            "Sources:\n" + "\n".join(f"- [{a.get('title') or a['url']}]({a['url']})" for a in links)
        )
    parts = message.contentArray or []
    if parts and depth >= MAX_DEPTH:
        blocks.append("[content nested too deeply to show]")
    else:
        for part in parts:
            blocks.extend(_body(part, depth + 1))
    return blocks


def _message(message: Message | Response) -> str:
    heading = _heading(message.role)
    if message.tool_call_id:
        heading = f"{heading} (for `{message.tool_call_id}`)"
    name = getattr(message, "name", None)
    if name and not message.tool_calls:
        heading = f"{heading} — {name}"
    blocks = _body(message, 0) or ["_(empty)_"]
    return f"## {heading}\n\n" + "\n\n".join(blocks)


def _events(mapped: MappedRequest) -> list[str]:
    request = mapped.schema.request
    response = mapped.schema.response
    out: list[str] = []
    if request is not None and request.toolDetails is not None:
        tool = request.toolDetails
        out.append(f"## Tool `{tool.toolName or 'unnamed'}`\n\n{_json_block(tool.input)}")
    if request is not None and request.vectorDBDetails is not None:
        details = request.vectorDBDetails.to_json_dict()
        details.pop("vector", None)
        operation = request.vectorDBDetails.operation or "operation"
        out.append(f"## Vector DB: {operation}\n\n{_json_block(details)}")
    if request is not None and request.dataDetails is not None:
        data = request.dataDetails
        out.append(f"## Data `{data.name or 'unnamed'}`\n\n{_json_block(data.meta)}")
    if response is not None:
        for result in (
            response.toolDetailsResponse,
            response.vectorDBDetailsResponse,
            response.dataDetailsResponse,
        ):
            if result is None:
                continue
            lines = [f"**Status:** {result.status or 'unknown'}"]
            if result.message:
                lines.append(_text(result.message))
            out.append("## Result\n\n" + "\n\n".join(lines))
    return out


def _raw(label: str, body: Any) -> str:
    if body is None:
        return f"**{label} body:** _none_"
    text = body if isinstance(body, str) else pretty(body)
    total = len(text)
    cut = len(text) > RAW_BODY_MAX_CHARS
    text = summarize_data_urls_in(text[:RAW_BODY_MAX_CHARS])
    note = f"\n\n_(first {RAW_BODY_MAX_CHARS:,} characters of {total:,})_" if cut else ""
    return f"**{label} body:**\n\n{fence(text, 'json')}{note}"


def conversation_to_markdown(mapped: MappedRequest) -> str:
    """The whole conversation as Markdown: request messages, then the response, then errors."""
    sections: list[str] = []
    if mapped.unmappable_reason is not None:
        sections.append(
            f"_Could not show this request as a conversation: {mapped.unmappable_reason}_"
        )
        sections.append(_raw("Request", mapped.request_body))
        sections.append(_raw("Response", mapped.response_body))
    request = mapped.schema.request
    response = mapped.schema.response
    if request is not None:
        sections.extend(_message(m) for m in request.messages or [])
        tool_names = [t.name for t in request.tools or [] if t.name]
        if tool_names:
            sections.append("_Tools available:_ " + ", ".join(f"`{n}`" for n in tool_names))
    sections.extend(_events(mapped))
    if response is not None:
        answer = [_message(m) for m in response.messages or []]
        answer += [_message(r) for r in response.responses or []]
        if answer:
            sections.append("---")
            sections.extend(answer)
    if mapped.error_message:
        sections.append(f"## Error\n\n{fence(_text(mapped.error_message))}")
    if not sections:
        sections.append("_(no conversation)_")
    return "\n\n".join(sections) + "\n"
