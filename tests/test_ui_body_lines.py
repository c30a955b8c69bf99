"""The lines the JSON tabs show are terminal-safe whichever way `body_to_lines` made them:
sanitized, or, for a body the ASCII JSON encoder wrote without escaping anything, proven safe
without a pass over it."""

from __future__ import annotations

import json

import pytest

from helicone_tui.text_safety import UNSAFE_CHARS
from helicone_tui.ui.detail import body_text
from helicone_tui.ui.detail.body_text import body_to_lines

UNSAFE = "".join(chr(code) for code in range(0x10000) if UNSAFE_CHARS.match(chr(code)))
ASCII_UNSAFE = "".join(char for char in UNSAFE if char.isascii())


@pytest.mark.parametrize(
    ("unsafe", "extra"),
    [(ASCII_UNSAFE, ""), (UNSAFE, ""), (UNSAFE, "é"), (UNSAFE, "日本")],
    ids=["ascii controls", "all unsafe", "with é", "with wide characters"],
)
def test_body_lines_are_terminal_safe_whichever_path_they_take(unsafe: str, extra: str) -> None:
    body = {
        "plain": "ascii only",
        unsafe + extra: [unsafe + extra, {extra + unsafe: 1}],
        **{f"k{index}{char}": f"{char}v{extra}" for index, char in enumerate(unsafe)},
    }
    for candidate in (body, json.dumps(body), json.dumps(body, ensure_ascii=False)):
        lines = body_to_lines(candidate)
        assert lines.is_json
        assert not [line for line in lines.lines if UNSAFE_CHARS.search(line)]
        # Seen, as stand-ins or JSON escapes, never dropped.
        text = "\n".join(lines.lines)
        assert "␡" in text and "\\u001b" in text
        if unsafe is UNSAFE:
            assert "<U+202E>" in text and "<U+0085>" in text


def test_an_ascii_body_is_not_sanitized_and_is_what_json_dumps_gives(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The ASCII encoder already escapes every unsafe character: no sanitizing pass over a 5 MB
    body of plain text (the pass is still made when anything was escaped)."""
    calls: list[int] = []
    original = body_text.sanitize_text

    def counting(text: str) -> str:
        calls.append(len(text))
        return original(text)

    monkeypatch.setattr(body_text, "sanitize_text", counting)
    body = {"text": "plain words\nand lines " * 1000, "n": [1, 2.5, True, None]}
    lines = body_to_lines(body)
    assert calls == []
    assert lines.lines == json.dumps(body, indent=2).split("\n")
    escaped = body_to_lines({"text": "a\x7fb\x1bc"})
    assert calls and "a␡b\\u001bc" in "\n".join(escaped.lines)
