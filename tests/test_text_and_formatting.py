"""Untrusted text is made visible, never obeyed; numbers and times read the same everywhere."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator

import pytest

from helicone_tui.formatting import (
    format_bytes,
    format_cost,
    format_duration_ms,
    format_int,
    format_local_time,
    mask_url_secrets,
    parse_time,
)
from helicone_tui.text_safety import sanitize_line, sanitize_text

HOSTILE = "a\x1b[2Jb\x1b]52;c;aGk=\x07c\u202eevil\x00d\x9be"


def test_control_characters_become_visible() -> None:
    shown = sanitize_text(HOSTILE)
    assert not any(ch in shown for ch in "\x1b\x07\x00\u202e\x9b")
    assert "␛[2J" in shown and "␛]52;c;aGk=␇" in shown and "<U+202E>" in shown
    assert "<U+009B>" in shown and "␀" in shown


def test_plain_text_newlines_and_tabs_are_kept() -> None:
    text = "hello\n\tworld [bold]not markup[/]"
    assert sanitize_text(text) is text
    assert sanitize_line("a\nb\tc") == "a b c"


def test_every_unsafe_character_is_found_in_ascii_and_in_other_text() -> None:
    """ASCII text takes a faster check than other text: both find every control character."""
    unsafe = [code for code in range(0x20) if code not in (9, 10)]
    for code in [*unsafe, 0x7F, *range(0x80, 0xA0), 0x200E, 0x2028, 0x202E, 0xFEFF]:
        for text in (f"a{chr(code)}b", f"é{chr(code)}b"):
            assert chr(code) not in sanitize_text(text), (hex(code), text)
    printable = "".join(map(chr, range(0x20, 0x7F))) + "\t\n"
    assert sanitize_text(printable) is printable


@pytest.fixture
def utc() -> Iterator[None]:
    old = os.environ.get("TZ")
    os.environ["TZ"] = "UTC"
    time.tzset()
    yield
    if old is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = old
    time.tzset()


def test_times_are_shown_in_the_local_zone(utc: None) -> None:
    assert format_local_time("2025-06-01T12:00:00.000Z") == "2025-06-01 12:00:00 UTC"
    os.environ["TZ"] = "Asia/Tokyo"
    time.tzset()
    assert format_local_time("2025-06-01T12:00:00.000Z") == "2025-06-01 21:00:00 JST"


def test_bad_times_never_raise() -> None:
    assert parse_time("yesterday") is None
    assert format_local_time(None) == "–"
    assert format_local_time(12) == "12"
    assert parse_time("2025-06-01 12:00:00") is not None  # ClickHouse style, no zone


def test_numbers() -> None:
    assert format_cost(0.000123) == "$0.000123"
    assert format_cost(0.0421) == "$0.0421"
    assert format_cost(12.5) == "$12.50"
    assert format_cost(None) == "–" and format_cost("x") == "–" and format_cost(True) == "–"
    assert format_int(1234567) == "1,234,567"
    assert format_duration_ms(850) == "850 ms" and format_duration_ms(1234) == "1.23 s"
    assert format_bytes(5 * 1024 * 1024) == "5.0 MB"


def test_keys_in_urls_are_masked() -> None:
    url = "https://generativelanguage.googleapis.com/v1/models/x:gen?key=AIzaSECRET&alt=sse"
    assert mask_url_secrets(url) == (
        "https://generativelanguage.googleapis.com/v1/models/x:gen?key=***&alt=sse"
    )
    assert "SECRET" not in mask_url_secrets("https://x/?api_key=SECRET")
