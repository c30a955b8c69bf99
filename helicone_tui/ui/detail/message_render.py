"""How one conversation item reads: as cheap Rich text (collapsed or expanded) and as markdown.

Text is the default rendering (a 500-message conversation is 500 of these, built lazily); the
markdown is what "copy focused message" gives and what a focused / expanded message upgrades to.
Everything from the API is made terminal-safe here and appended as literal text, never markup.
"""

from __future__ import annotations

import json
from typing import Any

from rich.text import Text

from helicone_tui.formatting import format_int
from helicone_tui.mapping import summarize_data_urls_in
from helicone_tui.mapping.render import fence
from helicone_tui.text_safety import sanitize_line, sanitize_text

from .conversation_items import Block, ConversationItem

# Longer text is cut in the collapsed view (the dashboard cuts at 1,000 characters too).
COLLAPSED_CHARS = 1_000
COLLAPSED_LINES = 20
# Even expanded, a message shows at most this much: wrapping megabytes on the UI thread would
# freeze it, and the full text is one copy (or the JSON tabs) away.
EXPANDED_CHARS = 200_000
ARGS_PREVIEW_CHARS = 160

_ROLE_STYLES = {
    "system": "bold magenta",
    "developer": "bold magenta",
    "user": "bold cyan",
    "assistant": "bold green",
    "tool": "bold yellow",
    "event": "bold blue",
    "error": "bold red",
    "notice": "bold",
}


def cut_text(text: str, limit_chars: int, limit_lines: int | None) -> tuple[str, int]:
    """``text`` cut at ``limit_chars`` / ``limit_lines``, and how many characters were left out."""
    cut = text[:limit_chars]
    if limit_lines is not None:
        position = -1
        for _ in range(limit_lines):
            position = cut.find("\n", position + 1)
            if position < 0:
                break
        else:
            cut = cut[:position]
    return cut, len(text) - len(cut)


def is_expandable(item: ConversationItem) -> bool:
    """Whether expanding ``item`` shows more than its collapsed form."""
    for block in item.blocks:
        if block.kind == "reasoning" or (block.kind == "tool_call" and block.data):
            return True
        if block.kind in ("text", "tool_result", "error"):
            _, left = cut_text(block.text, COLLAPSED_CHARS, COLLAPSED_LINES)
            if left:
                return True
        if block.kind == "event" and not block.fields and block.data:
            return True  # nothing known to show inline: expanding shows the raw details
        for _, value in block.fields:
            _, left = cut_text(_field_text(value), COLLAPSED_CHARS, COLLAPSED_LINES)
            if left:
                return True
    return False


def header_text(item: ConversationItem, number: int, *, expanded: bool) -> Text:
    header = Text(no_wrap=True, overflow="ellipsis")
    marker = ("▾ " if expanded else "▸ ") if is_expandable(item) else "  "
    header.append(marker, "dim")
    header.append(f"#{number} ", "dim")
    header.append(item.role, _ROLE_STYLES.get(item.role, "bold"))
    if item.name:
        header.append(f" · {sanitize_line(item.name)}", "bold")
    if item.side == "response" and item.role not in ("error", "event"):
        header.append("  response", "dim italic")
    for note in item.notes:
        header.append(f"  {sanitize_line(note)}", "dim")
    return header


def body_text(item: ConversationItem, *, expanded: bool) -> Text:
    body = Text()
    for block in item.blocks:
        if body:
            body.append("\n")
        _append_block(body, block, expanded=expanded)
    return body


def render_item(item: ConversationItem, number: int, *, expanded: bool) -> Text:
    text = header_text(item, number, expanded=expanded)
    body = body_text(item, expanded=expanded)
    if body:
        text.append("\n")
        text.append_text(body)
    text.no_wrap = False
    return text


def _append_prose(out: Text, text: str, style: str, *, expanded: bool) -> None:
    text = summarize_data_urls_in(text)
    shown, left = (
        cut_text(text, EXPANDED_CHARS, None)
        if expanded
        else cut_text(text, COLLAPSED_CHARS, COLLAPSED_LINES)
    )
    out.append(sanitize_text(shown), style)
    if left:
        hint = "copy the message for all of it" if expanded else "enter expands"
        out.append(f"\n… {format_int(left)} more characters · {hint}", "dim italic")


def _append_block(out: Text, block: Block, *, expanded: bool) -> None:
    kind = block.kind
    if kind == "text":
        _append_prose(out, block.text, "", expanded=expanded)
    elif kind == "reasoning":
        size = f"{format_int(len(block.text))} characters"
        if expanded:
            out.append(f"▾ reasoning · {size}\n", "dim bold")
            _append_prose(out, block.text, "dim italic", expanded=True)
        else:
            out.append(f"▸ reasoning · {size} · enter expands", "dim italic")
    elif kind == "tool_call":
        out.append("⚙ ", "yellow")
        out.append(sanitize_line(block.title), "bold yellow")
        if expanded and block.data:
            out.append("\n")
            out.append(sanitize_text(pretty_json(block.data)), "")
        else:
            out.append(f"({sanitize_line(args_preview(block.data))})", "yellow")
    elif kind == "tool_result":
        out.append("↳ ", "yellow")
        if block.title:
            out.append(f"{sanitize_line(block.title)} returned", "yellow")
        else:
            out.append("tool result", "yellow")
        out.append("\n")
        _append_prose(out, block.text or "(empty)", "", expanded=expanded)
    elif kind in ("image", "audio", "file"):
        icon = {"image": "▣", "audio": "♪", "file": "▤"}[kind]
        out.append(f"{icon} {kind}: ", "bold")
        out.append(
            sanitize_line(block.title), "underline" if block.title.startswith("http") else ""
        )
    elif kind == "citation":
        out.append("↗ ", "dim")
        out.append(sanitize_line(block.title), "")
        if block.text and block.text != block.title:
            out.append(f"  {sanitize_line(block.text)}", "dim underline")
    elif kind == "error":
        out.append(f"✖ {block.title}\n", "bold red")
        _append_prose(out, block.text, "red", expanded=expanded)
    elif kind == "event":
        _append_event(out, block, expanded=expanded)


def _field_text(value: Any) -> str:
    return pretty_json(value) if isinstance(value, dict | list) else str(value)


def _append_event(out: Text, block: Block, *, expanded: bool) -> None:
    """The event's title, then one ``key: value`` a line; JSON values below their key,
    indented, cut like a message's text until expanded."""
    out.append(f"◆ {block.title}", "bold blue")
    if block.text:
        out.append("\n")
        _append_prose(out, block.text, "", expanded=expanded)
    if not block.fields and block.data and expanded:
        out.append("\n")
        out.append(sanitize_text(pretty_json(block.data)), "dim")
    for key, value in block.fields:
        out.append(f"\n  {sanitize_line(key)}:", "bold")
        if isinstance(value, dict | list):
            shown, left = (
                cut_text(pretty_json(value), EXPANDED_CHARS, None)
                if expanded
                else cut_text(pretty_json(value), COLLAPSED_CHARS, COLLAPSED_LINES)
            )
            out.append("\n")
            out.append(sanitize_text(_indent(shown, "    ")), "")
            if left:
                hint = "copy the message for all of it" if expanded else "enter expands"
                out.append(f"\n    … {format_int(left)} more characters · {hint}", "dim italic")
        else:
            out.append(" ")
            _append_prose(out, str(value), "", expanded=expanded)


def _indent(text: str, prefix: str) -> str:
    return prefix + text.replace("\n", "\n" + prefix)


def pretty_json(value: Any) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False, default=str)


def args_preview(arguments: Any) -> str:
    """``city="Paris", unit="c"`` for a call's arguments, cut for one line."""
    if not arguments:
        return ""
    if isinstance(arguments, dict):
        text = ", ".join(
            f"{key}={json.dumps(value, ensure_ascii=False, default=str)}"
            for key, value in arguments.items()
        )
    else:
        text = json.dumps(arguments, ensure_ascii=False, default=str)
    text = summarize_data_urls_in(text)
    return text if len(text) <= ARGS_PREVIEW_CHARS else text[: ARGS_PREVIEW_CHARS - 1] + "…"


def item_markdown(item: ConversationItem, *, heading: bool = True, expanded: bool = True) -> str:
    """``item`` as markdown. Expanded (the default, used for copying) it holds everything; the
    collapsed form is cut as the text view is, for the in-place markdown upgrade."""
    parts: list[str] = []
    if heading:
        parts.append(f"### {item.label}")
        parts.extend(f"*{note}*" for note in item.notes)

    def prose(text: str) -> str:
        text = summarize_data_urls_in(text)
        if expanded:
            return text
        shown, left = cut_text(text, COLLAPSED_CHARS, COLLAPSED_LINES)
        return shown + (f"\n\n*… {format_int(left)} more characters*" if left else "")

    for block in item.blocks:
        kind = block.kind
        if kind == "text":
            parts.append(prose(block.text))
        elif kind == "reasoning":
            if expanded:
                quoted = "\n".join(f"> {line}" for line in prose(block.text).splitlines())
                parts.append(f"> **reasoning**\n>\n{quoted}")
            else:
                parts.append(f"*reasoning · {format_int(len(block.text))} characters*")
        elif kind == "tool_call":
            if expanded:
                ref = f" (id `{block.ref}`)" if block.ref else ""
                parts.append(f"**tool call** `{block.title}`{ref}")
                if block.data is not None:
                    parts.append(fence(pretty_json(block.data), "json"))
            else:
                # As the text view shows it collapsed: one line, the arguments previewed.
                parts.append(f"**tool call** `{block.title}({args_preview(block.data)})`")
        elif kind == "tool_result":
            parts.append(f"**result of** `{block.title or block.ref or 'tool'}`")
            if not block.text:
                parts.append("*(empty)*")
            elif expanded:
                parts.append(fence(block.text, _guess_language(block.text)))
            else:
                shown, left = cut_text(block.text, COLLAPSED_CHARS, COLLAPSED_LINES)
                parts.append(fence(shown, _guess_language(shown)))
                if left:
                    parts.append(f"*… {format_int(left)} more characters*")
        elif kind in ("image", "audio", "file"):
            title = block.title
            parts.append(f"[{kind}]({title})" if title.startswith("http") else f"*{kind}: {title}*")
        elif kind == "citation":
            parts.append(f"- [{block.title}]({block.text})" if block.text else f"- {block.title}")
        elif kind == "error":
            parts.append(f"**{block.title}:** {prose(block.text)}")
        elif kind == "event":
            parts.append(f"**{block.title}**" + (f": {block.text}" if block.text else ""))
            scalars = [
                f"- **{key}:** {value}"
                for key, value in block.fields
                if not isinstance(value, dict | list)
            ]
            if scalars:
                parts.append("\n".join(scalars))
            if block.data is not None and expanded:
                parts.append(fence(pretty_json(block.data), "json"))
    return sanitize_text("\n\n".join(part for part in parts if part))


def _guess_language(text: str) -> str:
    stripped = text.lstrip()
    if stripped[:1] in ("{", "["):
        try:
            json.loads(text)
        except ValueError:
            return ""
        return "json"
    return ""
