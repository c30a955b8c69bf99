"""The command line, end to end: subprocesses against the fake server on a loopback socket."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from helicone_tui.fake import FakeHelicone, serve_in_thread

from .client_support import row, uuid

ROWS = [
    row(1),
    row(
        2,
        request_body={
            "model": "gpt-4o",
            "messages": [
                {"role": "system", "content": "You are terse."},
                {"role": "user", "content": "Weather in Paris?"},
            ],
        },
        response_body={
            "choices": [
                {
                    "message": {
                        "role": "assistant",
                        "content": None,
                        "tool_calls": [
                            {
                                "id": "call_1",
                                "type": "function",
                                "function": {
                                    "name": "get_weather",
                                    "arguments": '{"city": "Paris"}',
                                },
                            }
                        ],
                    }
                }
            ]
        },
    ),
    row(3, request_properties={"evil": "\x1b]52;c;aGk=\x07\x1b[2J"}),
]


@pytest.fixture(scope="module")
def server() -> Iterator[tuple[FakeHelicone, str]]:
    fake = FakeHelicone(ROWS)
    with serve_in_thread(fake) as running:
        yield fake, running.url


def run_cli(
    *args: str, env: dict[str, str] | None = None, tmp: Path, stdin: str = ""
) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("HELICONE_")} | {
        "HELICONE_TUI_CONFIG": str(tmp / "config.toml")
    }
    return subprocess.run(
        [sys.executable, "-m", "helicone_tui", *args],
        env=clean | (env or {}),
        capture_output=True,
        text=True,
        input=stdin,
        timeout=60,
    )


def test_help_documents_commands_and_configuration(tmp_path: Path) -> None:
    out = run_cli("--help", tmp=tmp_path)
    assert out.returncode == 0
    for word in ("--demo", "--ids-file", "get", "login", "fake-server", "HELICONE_API_KEY",
                 "HELICONE_BASE_URL", "HELICONE_REGION", "--region"):  # fmt: skip
        assert word in out.stdout
    for sub in ("get", "login", "fake-server"):
        assert run_cli(sub, "--help", tmp=tmp_path).returncode == 0


def test_missing_key_is_one_line_and_exit_2(tmp_path: Path) -> None:
    out = run_cli("get", uuid(1), tmp=tmp_path)
    assert out.returncode == 2
    assert out.stderr.count("\n") == 1 and "HELICONE_API_KEY" in out.stderr
    assert "Traceback" not in out.stderr


def test_get_prints_the_request_and_its_conversation(
    server: tuple[FakeHelicone, str], tmp_path: Path
) -> None:
    fake, url = server
    env = {"HELICONE_BASE_URL": url, "HELICONE_API_KEY": fake.keys.write}
    out = run_cli("get", uuid(2), env=env, tmp=tmp_path)
    assert out.returncode == 0, out.stderr
    assert uuid(2) in out.stdout
    assert "Weather in Paris?" in out.stdout
    assert "get_weather" in out.stdout and "Paris" in out.stdout
    assert fake.keys.write not in out.stdout + out.stderr


def test_get_prints_found_rows_and_fails_for_the_rest(
    server: tuple[FakeHelicone, str], tmp_path: Path
) -> None:
    fake, url = server
    env = {"HELICONE_BASE_URL": url, "HELICONE_API_KEY": fake.keys.write}
    out = run_cli("get", "--json", uuid(1), uuid(999), env=env, tmp=tmp_path)
    assert out.returncode == 1
    rows = json.loads(out.stdout)
    assert [r["request_id"] for r in rows] == [uuid(1)]
    assert uuid(999) in out.stderr and "90 days" in out.stderr
    assert "Traceback" not in out.stderr


def test_get_output_never_carries_raw_escape_sequences(
    server: tuple[FakeHelicone, str], tmp_path: Path
) -> None:
    fake, url = server
    env = {"HELICONE_BASE_URL": url, "HELICONE_API_KEY": fake.keys.write}
    for extra in ((), ("--json",)):
        out = run_cli("get", *extra, uuid(3), env=env, tmp=tmp_path)
        assert out.returncode == 0, out.stderr
        assert "\x1b" not in out.stdout and "\x07" not in out.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("get", "not-an-id"), "no request ids"),
        (("--ids-file", "/nonexistent/ids.txt"), "cannot read the ids file"),
        (("get", "--region", "mars", uuid(1)), "invalid choice"),
    ],
)
def test_bad_input_is_a_clear_message_not_a_traceback(
    tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    out = run_cli(*args, env={"HELICONE_API_KEY": "sk-helicone-aaaaaaa-bbbbbbb-ccccccc-ddddddd"},
                  tmp=tmp_path)  # fmt: skip
    assert out.returncode == 2
    assert message in out.stderr and "Traceback" not in out.stderr


def test_bad_config_file_is_a_clear_message(tmp_path: Path) -> None:
    (tmp_path / "config.toml").write_text("api_key = [oops\n")
    out = run_cli("get", uuid(1), tmp=tmp_path)
    assert out.returncode == 2 and "not valid TOML" in out.stderr
    assert "Traceback" not in out.stderr


def test_refused_key_exits_2_and_says_what_to_do(
    server: tuple[FakeHelicone, str], tmp_path: Path
) -> None:
    fake, url = server
    env = {"HELICONE_BASE_URL": url, "HELICONE_API_KEY": fake.keys.wrong_region}
    out = run_cli("get", uuid(1), uuid(2), env=env, tmp=tmp_path)
    assert out.returncode == 2
    assert fake.keys.wrong_region not in out.stderr
    assert out.stderr.count("refused the API key") == 1
    # The base URL was given (HELICONE_BASE_URL) and wins over --region: advice to use
    # --region eu could not help; the advice is about the base URL.
    assert "This is an EU key" in out.stderr and "set by HELICONE_BASE_URL" in out.stderr
    assert "https://eu.api.helicone.ai" in out.stderr and "--region eu" not in out.stderr


def test_unreachable_base_url_is_a_clear_message(tmp_path: Path) -> None:
    env = {
        "HELICONE_BASE_URL": "http://127.0.0.1:9",
        "HELICONE_API_KEY": "sk-helicone-aaaaaaa-bbbbbbb-ccccccc-ddddddd",
    }
    out = run_cli("get", uuid(1), env=env, tmp=tmp_path)
    assert out.returncode == 1 and "Cannot reach" in out.stderr
    assert "Traceback" not in out.stderr


def test_login_checks_and_stores_the_key_privately(
    server: tuple[FakeHelicone, str], tmp_path: Path
) -> None:
    fake, url = server
    out = run_cli("login", "--base-url", url, tmp=tmp_path, stdin=fake.keys.write + "\n")
    assert out.returncode == 0, out.stderr
    config = tmp_path / "config.toml"
    assert oct(config.stat().st_mode & 0o777) == "0o600"
    assert fake.keys.write in config.read_text()
    assert fake.keys.write not in out.stdout
    # The stored key is used from then on.
    got = run_cli("get", uuid(1), tmp=tmp_path)
    assert got.returncode == 0 and uuid(1) in got.stdout


def test_login_refuses_a_bad_key_and_stores_nothing(
    server: tuple[FakeHelicone, str], tmp_path: Path
) -> None:
    _, url = server
    bad = "sk-helicone-zzzzzzz-zzzzzzz-zzzzzzz-zzzzzzz"
    out = run_cli("login", "--base-url", url, tmp=tmp_path, stdin=bad + "\n")
    assert out.returncode == 2 and "not stored" in out.stderr
    assert not (tmp_path / "config.toml").exists()
