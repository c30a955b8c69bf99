"""Settings from flags, environment and the config file, with flags winning.

Pure data and file handling: no textual, no network. The config file is TOML in the user's
config directory, written with 0600 permissions because it holds the API key.
"""

from __future__ import annotations

import os
import stat
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import platformdirs
import tomli_w

from .client.region import Region, parse_region, resolve_base_url
from .client.secrets import mask_key

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
    """Flags (the arguments) win over the environment, which wins over the config file."""
    env = os.environ if environ is None else environ
    path = config_path or default_config_path()
    file = read_config_file(path)

    def pick(flag: Any, env_name: str | None, file_key: str) -> Any:
        if flag is not None and flag != "":
            return flag
        if env_name and env.get(env_name):
            return env[env_name]
        return file.get(file_key)

    try:
        chosen_region = parse_region(_as_str(pick(region, ENV_REGION, "region")))
    except ValueError as exc:
        raise ConfigError(str(exc)) from None
    threshold = pick(copy_file_threshold, None, "copy_file_threshold")
    seconds = pick(timeout, None, "timeout")
    try:
        threshold_value = int(threshold) if threshold is not None else DEFAULT_COPY_FILE_THRESHOLD
        timeout_value = float(seconds) if seconds is not None else DEFAULT_TIMEOUT_S
    except (TypeError, ValueError):
        raise ConfigError(
            f"in {path}: copy_file_threshold must be a whole number of bytes and timeout "
            "a number of seconds"
        ) from None
    if timeout_value <= 0:
        raise ConfigError("the timeout must be a positive number of seconds")
    return Settings(
        api_key=_as_str(pick(api_key, ENV_API_KEY, "api_key")),
        base_url=_as_str(pick(base_url, ENV_BASE_URL, "base_url")),
        region=chosen_region,
        timeout=timeout_value,
        copy_file_threshold=max(0, threshold_value),
        config_path=path,
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
