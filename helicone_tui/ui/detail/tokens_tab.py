"""The Tokens tab: the token split, timing and throughput of one request (Rich only)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.console import Group
from rich.text import Text

from helicone_tui.formatting import DASH, format_duration_ms, format_int
from helicone_tui.models import HeliconeRequest

from .tables import kv_table, section, stack

BAR_WIDTH = 48


@dataclass(frozen=True, slots=True)
class BarPart:
    label: str
    count: int
    char: str
    """Each part has its own block character, so the split reads without colour (NO_COLOR)."""
    style: str


def _count(value: object) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return int(value)


def token_parts(row: HeliconeRequest) -> list[BarPart]:
    """The split of the request's tokens. Cached prompt tokens are shown inside the prompt count
    when they fit in it (OpenAI counts them there) and beside it otherwise (Anthropic)."""
    prompt = _count(row.prompt_tokens) or 0
    completion = _count(row.completion_tokens) or 0
    cache_read = _count(row.prompt_cache_read_tokens) or 0
    cache_write = _count(row.prompt_cache_write_tokens) or 0
    reasoning = _count(row.reasoning_tokens) or 0
    if cache_read + cache_write <= prompt:
        prompt -= cache_read + cache_write
    if reasoning <= completion:
        completion -= reasoning
    parts = [
        BarPart("prompt", prompt, "█", "cyan"),
        BarPart("cache read", cache_read, "▓", "blue"),
        BarPart("cache write", cache_write, "▒", "magenta"),
        BarPart("completion", completion, "▚", "green"),
        BarPart("reasoning", reasoning, "░", "yellow"),
    ]
    return [part for part in parts if part.count > 0]


def token_bar(parts: list[BarPart], width: int = BAR_WIDTH) -> Text:
    """A one-line bar: each part gets cells in proportion (at least one when it is non-zero)."""
    total = sum(part.count for part in parts)
    bar = Text(no_wrap=True)
    if total <= 0:
        return bar
    cells = [max(1, round(part.count * width / total)) for part in parts]
    # Rounding and the one-cell minimum can overshoot: take the excess from the largest part.
    while sum(cells) > width and max(cells) > 1:
        cells[cells.index(max(cells))] -= 1
    for part, size in zip(parts, cells, strict=True):
        bar.append(part.char * size, part.style)
    return bar


def tokens_per_second(row: HeliconeRequest) -> tuple[float, str] | None:
    """Output tokens per second, and over which time it was measured."""
    completion = _count(row.completion_tokens)
    latency = row.delay_ms
    if not completion or not isinstance(latency, int | float) or latency <= 0:
        return None
    ttft = row.time_to_first_token
    if isinstance(ttft, int | float) and 0 < ttft < latency:
        return completion / ((latency - ttft) / 1000), "after the first token"
    return completion / (latency / 1000), "over the whole latency"


def tokens_renderable(row: HeliconeRequest) -> Group:
    total = _count(row.total_tokens)
    if total is None and (row.prompt_tokens is not None or row.completion_tokens is not None):
        total = (_count(row.prompt_tokens) or 0) + (_count(row.completion_tokens) or 0)
    # A breakdown line (indented) shows only when it counts something: "audio 0" on every
    # text request is noise.
    lines: list[tuple[str, Any]] = [
        ("Prompt", row.prompt_tokens),
        ("  cache read", row.prompt_cache_read_tokens),
        ("  cache write", row.prompt_cache_write_tokens),
        ("  audio", row.prompt_audio_tokens),
        ("Completion", row.completion_tokens),
        ("  reasoning", row.reasoning_tokens),
        ("  audio", row.completion_audio_tokens),
        ("Total", total),
    ]
    counts = kv_table(
        [
            (label, format_int(value))
            for label, value in lines
            if not label.startswith(" ") or _count(value)
        ]
    )
    parts = token_parts(row)
    split: Group | None = None
    if parts:
        legend = Text()
        for part in parts:
            if legend:
                legend.append("   ")
            legend.append(part.char * 2, part.style)
            legend.append(f" {part.label} {format_int(part.count)}")
        split = section("Split", Group(token_bar(parts), legend))
    speed = tokens_per_second(row)
    timing = kv_table(
        [
            ("Latency", format_duration_ms(row.delay_ms)),
            ("Time to first token", format_duration_ms(row.time_to_first_token)),
            (
                "Output tokens / s",
                f"{speed[0]:,.1f} ({speed[1]})" if speed else DASH,
            ),
        ]
    )
    return stack(section("Tokens", counts), split, section("Timing", timing))
