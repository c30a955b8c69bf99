"""Settings from flags, environment and the config file, with flags winning.

Pure data and file handling: no textual, no network. The config file is TOML in the user's
config directory, written with 0600 permissions because it holds the API key.
"""

from __future__ import annotations

import difflib
import math
import os
import stat
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import platformdirs
import tomli_w

from .client.errors import InvalidKeyError
from .client.keys import check_key
from .client.region import Region, parse_region, resolve_base_url
from .client.secrets import mask_key
from .text_safety import UNSAFE_CHARS, sanitize_line

APP_NAME = "helicone-tui"
ENV_API_KEY = "HELICONE_API_KEY"
ENV_BASE_URL = "HELICONE_BASE_URL"
ENV_REGION = "HELICONE_REGION"
ENV_CONFIG = "HELICONE_TUI_CONFIG"

# Payloads above this are also written to a file when copied: OSC 52 is capped by terminals.
DEFAULT_COPY_FILE_THRESHOLD = 100 * 1024
DEFAULT_TIMEOUT_S = 30.0


class ConfigError(Exception):
    """A config file that cannot be read or a setting that makes no sense."""


@dataclass(frozen=True)
class Settings:
    api_key: str | None = field(default=None, repr=False)
    base_url: str | None = None
    region: Region | None = None
    timeout: float = DEFAULT_TIMEOUT_S
    copy_file_threshold: int = DEFAULT_COPY_FILE_THRESHOLD
    config_path: Path | None = None
    #: Where `base_url` was set ("--base-url", "HELICONE_BASE_URL", "base_url in FILE"): advice
    #: about a refused key must not suggest --region then, since the base URL wins over it.
    base_url_source: str | None = None

    def __repr__(self) -> str:
        key = mask_key(self.api_key) if self.api_key else None
        return (
            f"Settings(api_key={key!r}, base_url={self.base_url!r}, region={self.region!r}, "
            f"timeout={self.timeout!r}, copy_file_threshold={self.copy_file_threshold!r})"
        )

    @property
    def effective_base_url(self) -> str:
        return resolve_base_url(self.api_key, base_url=self.base_url, region=self.region)

    def with_overrides(self, **changes: Any) -> Settings:
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


def default_config_path() -> Path:
    override = os.environ.get(ENV_CONFIG)
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "config.toml"


def read_config_file(path: Path) -> dict[str, Any]:
    """The file's settings; an absent file is empty, an unreadable one a `ConfigError`."""
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        return {}
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"the config file {path} is not valid TOML: {exc}") from None
    except OSError as exc:
        raise ConfigError(f"cannot read the config file {path}: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"the config file {path} is not UTF-8 text") from None


#: The config file's keys, each with an example for messages.
CONFIG_KEYS = {
    "api_key": 'api_key = "sk-helicone-…"',
    "base_url": 'base_url = "http://localhost:8585"',
    "region": 'region = "eu"',
    "timeout": "timeout = 30",
    "copy_file_threshold": "copy_file_threshold = 102400",
}


def check_config(path: Path, file: Mapping[str, Any]) -> None:
    """A `ConfigError` naming every unknown key and every bad value of the file, if any."""
    problems = [_unknown_key(str(key)) for key in file if key not in CONFIG_KEYS]
    for key, check in _CHECKS.items():
        problem = check(file[key]) if key in file else None
        if problem:
            problems.append(f"{key} {problem}")
    if len(problems) == 1:
        raise ConfigError(f"in the config file {path}: {problems[0]}")
    if problems:
        listed = "".join(f"\n  {problem}" for problem in problems)
        raise ConfigError(f"the config file {path} has {len(problems)} problems:{listed}")


def _unknown_key(key: str) -> str:
    shown = sanitize_line(repr(key))
    close = difflib.get_close_matches(key.lower(), CONFIG_KEYS, n=1, cutoff=0.6)
    if close:
        return f"unknown setting {shown}: did you mean {close[0]}?"
    return f"unknown setting {shown} (the settings are {', '.join(CONFIG_KEYS)})"


def _shown(value: Any) -> str:
    """A wrong value for a message: strings quoted (terminal-safe), others by their kind."""
    if isinstance(value, str):
        return sanitize_line(repr(value))
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    return "a date or time"


def _check_api_key(value: Any) -> str | None:
    if not isinstance(value, str):
        # Never the value itself: whatever it is, it was meant to be a secret.
        return f"must be a string in quotes ({CONFIG_KEYS['api_key']}), not {_shown(value)}"
    if value.strip():
        try:
            check_key(value)
        except InvalidKeyError:
            return "has characters a key cannot have (spaces, line breaks or non-ASCII letters)"
    return None


def _check_base_url(value: Any) -> str | None:
    if not isinstance(value, str):
        return f"must be a URL in quotes ({CONFIG_KEYS['base_url']}), not {_shown(value)}"
    return url_problem(value)


def _check_region(value: Any) -> str | None:
    if isinstance(value, str) and value.strip().lower() in {"", *Region}:
        return None
    return f'must be "us" or "eu" ({CONFIG_KEYS["region"]}), not {_shown(value)}'


def _check_timeout(value: Any) -> str | None:
    number = _number(value)
    if number is None:
        return f"must be a number of seconds ({CONFIG_KEYS['timeout']}), not {_shown(value)}"
    if not number > 0:
        return f"must be a positive number of seconds, not {number:g}"
    return None


def _check_threshold(value: Any) -> str | None:
    number = _number(value)
    if number is None or number != int(number):
        example = CONFIG_KEYS["copy_file_threshold"]
        shown = _shown(value) if number is None else f"{number:g}"
        return f"must be a whole number of bytes ({example}), not {shown}"
    if number < 0:
        return f"must be 0 or more bytes, not {number:g}"
    return None


_CHECKS: dict[str, Callable[[Any], str | None]] = {
    "api_key": _check_api_key,
    "base_url": _check_base_url,
    "region": _check_region,
    "timeout": _check_timeout,
    "copy_file_threshold": _check_threshold,
}


def _number(value: Any) -> float | None:
    """A finite number, also from a string holding one (older files quoted them), else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, str):
        try:
            value = float(value.strip())
        except ValueError:
            return None
    if isinstance(value, int | float) and math.isfinite(value):
        return float(value)
    return None


def url_problem(url: str) -> str | None:
    """Why `url` cannot be an API base URL (a phrase after its name), or None when it can."""
    text = url.strip()
    if not text:
        return None
    fix = "use http:// or https:// and a host, like http://localhost:8585"
    shown = sanitize_line(repr(url))
    if any(c.isspace() for c in text) or UNSAFE_CHARS.search(text):
        return f"is not a URL ({shown} has spaces or control characters): {fix}"
    try:
        parts = urlsplit(text)
        _ = parts.port  # a port that is not a number raises ValueError
    except ValueError:
        return f"is not a URL ({shown}): {fix}"
    if parts.scheme.lower() not in {"http", "https"} or not parts.hostname:
        return f"is not a URL ({shown}): {fix}"
    return None


def load_settings(
    *,
    api_key: str | None = None,
    base_url: str | None = None,
    region: str | None = None,
    timeout: float | None = None,
    copy_file_threshold: int | None = None,
    config_path: Path | None = None,
    environ: Mapping[str, str] | None = None,
) -> Settings:
    """Flags (the arguments) win over the environment, which wins over the config file.

    Every bad value is a `ConfigError` that says where it came from (flag, variable or file)."""
    env = os.environ if environ is None else environ
    path = config_path or default_config_path()
    file = read_config_file(path)
    check_config(path, file)

    def pick(flag: Any, flag_name: str, env_name: str | None, file_key: str) -> tuple[Any, str]:
        if flag is not None and flag != "":
            return flag, flag_name
        if env_name and env.get(env_name):
            return env[env_name], env_name
        return file.get(file_key), f"{file_key} in {path}"

    region_value, region_source = pick(region, "--region", ENV_REGION, "region")
    try:
        chosen_region = parse_region(_as_str(region_value))
    except ValueError as exc:
        raise ConfigError(sanitize_line(f"{region_source}: {exc}")) from None
    url, url_source = pick(base_url, "--base-url", ENV_BASE_URL, "base_url")
    url = _as_str(url)
    problem = url_problem(url) if url else None
    if problem:
        raise ConfigError(f"{url_source} {problem}")
    # The file's values were checked above; these checks are for the flags.
    seconds, seconds_source = pick(timeout, "--timeout", None, "timeout")
    problem = None if seconds is None else _check_timeout(seconds)
    if problem:
        raise ConfigError(f"{seconds_source} {problem}")
    threshold, threshold_source = pick(
        copy_file_threshold, "--copy-file-threshold", None, "copy_file_threshold"
    )
    problem = None if threshold is None else _check_threshold(threshold)
    if problem:
        raise ConfigError(f"{threshold_source} {problem}")
    timeout_value = _number(seconds) if seconds is not None else None
    threshold_value = _number(threshold) if threshold is not None else None
    return Settings(
        api_key=_as_str(pick(api_key, "--api-key", ENV_API_KEY, "api_key")[0]),
        base_url=url,
        region=chosen_region,
        timeout=DEFAULT_TIMEOUT_S if timeout_value is None else timeout_value,
        copy_file_threshold=(
            DEFAULT_COPY_FILE_THRESHOLD if threshold_value is None else int(threshold_value)
        ),
        config_path=path,
        base_url_source=url_source if url else None,
    )


def save_config(path: Path, values: Mapping[str, Any]) -> None:
    """Merge `values` into the config file, created 0600 before the key is written to it."""
    current = read_config_file(path)
    current.update({k: v for k, v in values.items() if v is not None})
    path.parent.mkdir(parents=True, exist_ok=True)
    # Open with 0600 from the start (no window where the key is readable by others), and
    # tighten a file that already existed with looser permissions.
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        os.fchmod(handle.fileno(), stat.S_IRUSR | stat.S_IWUSR)
        tomli_w.dump(current, handle)


def _as_str(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None
