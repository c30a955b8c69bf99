"""A config file, variable or flag with a bad value is refused at once, naming the value, where
it came from and what is wrong; unknown keys are named (with a guess for typos)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from helicone_tui.client import AuthError
from helicone_tui.client.errors import explain_refusal
from helicone_tui.settings import ConfigError, load_settings

KEY = "sk-helicone-abcdefg-hijklmn-opqrstu-vwxyz12"
EU_KEY = "sk-helicone-eu-abcdefg-hijklmn-opqrstu-vwxyz12"


def load_file(tmp_path: Path, text: str) -> str:
    """The ConfigError's message for a config file holding `text`."""
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_settings(config_path=path, environ={})
    message = str(caught.value)
    assert str(path) in message
    return message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("api_key = 42\n", "api_key must be a string in quotes"),
        ("api_key = true\n", "api_key must be a string in quotes"),
        ('api_key = "sk-helicone-abc def"\n', "api_key has characters a key cannot have"),
        ('timeout = "abc"\n', "timeout must be a number of seconds (timeout = 30), not 'abc'"),
        ("timeout = 0\n", "timeout must be a positive number of seconds"),
        ("timeout = inf\n", "timeout must be a number of seconds"),
        ('base_url = "not a url"\n', "base_url is not a URL ('not a url' has spaces"),
        ('base_url = "localhost:8585"\n', "base_url is not a URL ('localhost:8585')"),
        ('base_url = "http://host:port"\n', "base_url is not a URL"),
        ("base_url = 8585\n", "base_url must be a URL in quotes"),
        ('region = "mars"\n', 'region must be "us" or "eu" (region = "eu"), not \'mars\''),
        ("copy_file_threshold = -1\n", "copy_file_threshold must be 0 or more bytes, not -1"),
        ("copy_file_threshold = 1.5\n", "copy_file_threshold must be a whole number of bytes"),
    ],
)
def test_each_bad_value_is_named_with_what_is_wrong(
    tmp_path: Path, text: str, expected: str
) -> None:
    message = load_file(tmp_path, text)
    assert expected in message
    assert ".." not in message.replace("...", "")


def test_a_bad_timeout_blames_only_the_timeout(tmp_path: Path) -> None:
    message = load_file(tmp_path, 'timeout = "abc"\n')
    assert "copy_file_threshold" not in message


def test_a_wrong_api_key_value_is_never_echoed(tmp_path: Path) -> None:
    message = load_file(tmp_path, "api_key = 4242424242\n")
    assert "4242424242" not in message and "a number" in message
    message = load_file(tmp_path, 'apikey = "sk-helicone-secret-secret"\n')
    assert "secret" not in message


@pytest.mark.parametrize(
    ("key", "guess"),
    [
        ("apikey", "api_key"),
        ("base-url", "base_url"),
        ("timout", "timeout"),
        ("Region", "region"),
        ("copy_threshold", "copy_file_threshold"),
    ],
)
def test_a_misspelled_key_is_named_with_a_guess(tmp_path: Path, key: str, guess: str) -> None:
    message = load_file(tmp_path, f'{key} = "x"\n')
    assert f"unknown setting '{key}': did you mean {guess}?" in message


def test_an_unknown_key_with_no_close_match_lists_the_settings(tmp_path: Path) -> None:
    message = load_file(tmp_path, "[proxy]\nhost = 'x'\n")
    assert "unknown setting 'proxy'" in message and "api_key, base_url" in message


def test_several_problems_are_all_listed(tmp_path: Path) -> None:
    message = load_file(tmp_path, 'apikey = "k"\ntimeout = "abc"\nbase_url = "ftp://x"\n')
    assert "has 3 problems" in message
    for expected in ("did you mean api_key", "timeout must be", "base_url is not a URL"):
        assert expected in message


def test_a_control_character_in_the_file_stays_visible(tmp_path: Path) -> None:
    message = load_file(tmp_path, '"evil\\u001b[2J" = 1\nregion = "\\u001b]52;c;aGk=\\u0007"\n')
    assert "\x1b" not in message and "\x07" not in message


def test_good_files_still_load(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(
        f'api_key = "{KEY}"\nbase_url = "http://127.0.0.1:8585/"\nregion = "EU"\n'
        'timeout = "12.5"\ncopy_file_threshold = 0\n'
    )
    s = load_settings(config_path=path, environ={})
    assert (s.api_key, s.timeout, s.copy_file_threshold) == (KEY, 12.5, 0)
    assert s.base_url_source == f"base_url in {path}"


@pytest.mark.parametrize(
    ("env", "flags", "expected"),
    [
        ({"HELICONE_BASE_URL": "not a url"}, {}, "HELICONE_BASE_URL is not a URL"),
        ({}, {"base_url": "example.com"}, "--base-url is not a URL"),
        ({"HELICONE_REGION": "mars"}, {}, "HELICONE_REGION: unknown region 'mars'"),
        ({}, {"timeout": float("nan")}, "--timeout must be a number of seconds"),
        ({}, {"timeout": -1.0}, "--timeout must be a positive number"),
        ({}, {"copy_file_threshold": -5}, "--copy-file-threshold must be 0 or more bytes"),
    ],
)
def test_bad_values_from_the_environment_and_flags_name_their_source(
    tmp_path: Path, env: dict[str, str], flags: dict[str, object], expected: str
) -> None:
    with pytest.raises(ConfigError) as caught:
        load_settings(config_path=tmp_path / "absent.toml", environ=env, **flags)  # type: ignore[arg-type]
    assert expected in str(caught.value)


def test_where_the_base_url_came_from_is_kept(tmp_path: Path) -> None:
    absent = tmp_path / "absent.toml"
    env = {"HELICONE_BASE_URL": "http://127.0.0.1:1"}
    assert load_settings(config_path=absent, environ=env).base_url_source == "HELICONE_BASE_URL"
    s = load_settings(base_url="http://h", config_path=absent, environ=env)
    assert s.base_url_source == "--base-url"
    assert load_settings(config_path=absent, environ={}).base_url_source is None


def test_an_eu_key_with_an_explicit_base_url_is_not_told_to_use_region(tmp_path: Path) -> None:
    refused = AuthError(
        "Helicone refused the API key (No API key found).",
        hint="This is an EU key but the host is http://h: use --region eu.",
    )
    said = explain_refusal(
        refused, api_key=EU_KEY, base_url="http://h", base_url_source="--base-url"
    )
    assert "use --region eu" not in said
    assert "set by --base-url" in said and "https://eu.api.helicone.ai" in said
    assert said.startswith("Helicone refused the API key (No API key found). This is an EU key")
    # Nothing given explicitly: the client's own advice (--region) stands.
    plain = explain_refusal(refused, api_key=EU_KEY, base_url="http://h", base_url_source=None)
    assert plain == str(refused)
    # A US key on the EU host set explicitly: the way out is the base URL, not --region us.
    said = explain_refusal(
        refused,
        api_key=KEY,
        base_url="https://eu.api.helicone.ai",
        base_url_source="HELICONE_BASE_URL",
    )
    assert "--region us" not in said and "https://api.helicone.ai" in said


def run_cli(tmp_path: Path, *args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("HELICONE_")}
    clean["HELICONE_TUI_CONFIG"] = str(tmp_path / "config.toml")
    done = subprocess.run(
        [sys.executable, "-m", "helicone_tui", *args],
        env=clean | (env or {}),
        capture_output=True,
        text=True,
        timeout=60,
    )
    return done.returncode, done.stderr


@pytest.mark.parametrize("command", [("get", "00000000-0000-4000-8000-000000000001"), ("login",)])
def test_the_cli_refuses_a_bad_config_with_exit_2_and_no_traceback(
    tmp_path: Path, command: tuple[str, ...]
) -> None:
    (tmp_path / "config.toml").write_text("api_key = 42\napikey = 'x'\n")
    code, stderr = run_cli(tmp_path, *command)
    assert code == 2
    assert "api_key must be a string" in stderr and "did you mean api_key" in stderr
    assert "Traceback" not in stderr and "refused" not in stderr


def test_the_cli_refuses_a_bad_base_url_before_sending_anything(tmp_path: Path) -> None:
    code, stderr = run_cli(
        tmp_path,
        "get",
        "00000000-0000-4000-8000-000000000001",
        env={"HELICONE_API_KEY": KEY, "HELICONE_BASE_URL": "not a url"},
    )
    assert code == 2 and "HELICONE_BASE_URL is not a URL" in stderr
    assert "Cannot reach" not in stderr and ".." not in stderr


def test_login_with_an_explicit_base_url_gets_advice_about_the_base_url(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from helicone_tui.client import HeliconeClient
    from helicone_tui.fake import FakeHelicone, FakeTransport
    from helicone_tui.login_command import run_login

    fake = FakeHelicone([])
    key = fake.keys.wrong_region
    settings = load_settings(
        base_url=fake.base_url, config_path=tmp_path / "config.toml", environ={}
    )
    client = HeliconeClient(key, base_url=fake.base_url, transport=FakeTransport(fake))
    assert run_login(settings, explicit_key=key, client=client) == 2
    err = capsys.readouterr().err
    assert "the key was not stored" in err and "set by --base-url" in err
    assert "--region eu" not in err and key not in err
    assert not (tmp_path / "config.toml").exists()
