"""A shortened id (the list shows 8 characters) is named as such, not "ignored": the full id is
needed, since Helicone looks ids up whole."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from helicone_tui.ids import extract_ids

FULL = "3fa85f64-5717-4562-b3fc-2c963f66afa6"


@pytest.mark.parametrize(
    ("token", "start"),
    [
        ("d50daab3", "d50daab3"),
        ("D50DAAB3", "d50daab3"),
        ("d50daab3…", "d50daab3"),
        ("(d50daab3...)", "d50daab3"),
        ('"d50daab3",', "d50daab3"),
        ("d50daab3-1c2d", "d50daab3-1c2d"),
        (FULL[:-1], FULL[:-1]),
    ],
)
def test_shortened_ids_are_recognised(token: str, start: str) -> None:
    found = extract_ids(token)
    assert found.ids == [] and found.ignored == []
    assert found.shortened == [start] and found.shortened_count == 1
    assert found.summary() == (
        f"Found 0 ids; {start} looks like a shortened id: the full id (36 characters) is needed."
    )


@pytest.mark.parametrize(
    "token", ["20250601", "2025-06-01", "deadbeefcafe", "d50daab3-12-34", FULL + "0", "INFO"]
)
def test_other_tokens_are_still_ignored(token: str) -> None:
    found = extract_ids(token)
    assert found.shortened == [] and found.ignored == [token]


def test_several_shortened_ids_among_full_ones_and_noise() -> None:
    found = extract_ids(f"{FULL} d50daab3 c0ffee00 1a2b3c4d e5f60718 INFO")
    assert found.ids == [FULL]
    assert found.shortened_count == 4 and found.ignored == ["INFO"]
    assert found.summary() == (
        "Found 1 id; 4 tokens look like shortened ids (d50daab3, c0ffee00, 1a2b3c4d and 1 more): "
        "the full ids (36 characters) are needed; ignored 1 token: INFO."
    )


def run_cli(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("HELICONE_")}
    env |= {
        "HELICONE_TUI_CONFIG": str(tmp_path / "config.toml"),
        # Unreachable on purpose: nothing must be sent for a shortened id.
        "HELICONE_BASE_URL": "http://127.0.0.1:9",
        "HELICONE_API_KEY": "sk-helicone-aaaaaaa-bbbbbbb-ccccccc-ddddddd",
    }
    return subprocess.run(
        [sys.executable, "-m", "helicone_tui", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize("command", [("get",), ()])
def test_the_cli_says_a_short_id_is_shortened(tmp_path: Path, command: tuple[str, ...]) -> None:
    out = run_cli(tmp_path, *command, "d50daab3")
    assert out.returncode == 2
    assert "d50daab3 looks like a shortened id" in out.stderr
    assert "full id" in out.stderr and "y then i" in out.stderr
    assert "ignored" not in out.stderr and "not request ids" not in out.stderr
    assert "Traceback" not in out.stderr
