"""Inline images: building ``data:`` URLs from provider parts, and summarising them for print.

A base64 image can be megabytes; the schema keeps it whole (the UI may want to save or open it),
but every printed form (previews, Markdown) shows a one-line summary instead.
"""

from __future__ import annotations

import re

_DATA_URL = re.compile(
    r"data:([\w.+-]+/[\w.+-]+)?((?:;[\w.+-]+=[^;,\s\"']*)*);base64,([A-Za-z0-9+/=_-]*)"
)

# Shorter payloads are printed as they are: the summary would not be shorter.
_SUMMARY_MIN_PAYLOAD = 64


def data_url(mime_type: str | None, data: str) -> str:
    """A ``data:`` URL for base64 data (URLs already complete are returned unchanged)."""
    if data.startswith(("data:", "http://", "https://")):
        return data
    return f"data:{mime_type or 'application/octet-stream'};base64,{data}"


def _size(payload_chars: int) -> str:
    size = payload_chars * 3 // 4
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def summarize_data_url(url: str) -> str:
    """``[image: image/png, 34.2 KB base64]`` for a base64 ``data:`` URL; other text unchanged."""
    match = _DATA_URL.fullmatch(url.strip()) if url.startswith("data:") else None
    if match is None:
        return url
    mime = match.group(1) or "application/octet-stream"
    kind = mime.split("/", 1)[0] if mime.split("/", 1)[0] in ("image", "audio", "video") else "file"
    return f"[{kind}: {mime}, {_size(len(match.group(3)))} base64]"


def summarize_data_urls_in(text: str) -> str:
    """Every long base64 ``data:`` URL inside ``text`` replaced by its summary."""
    if "base64," not in text:
        return text

    def replace(match: re.Match[str]) -> str:
        if len(match.group(3)) < _SUMMARY_MIN_PAYLOAD:
            return match.group(0)
        return summarize_data_url(match.group(0))

    return _DATA_URL.sub(replace, text)
