"""Settings precedence (flags > env > file), bad config files, and the 0600 config file."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from helicone_tui.client.region import Region
from helicone_tui.settings import ConfigError, load_settings, save_config

KEY = "sk-helicone-abcdefg-hijklmn-opqrstu-vwxyz12"


def test_flags_win_over_env_which_wins_over_file(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('api_key = "file-key"\nbase_url = "http://file"\nregion = "eu"\n')
    env = {"HELICONE_API_KEY": "env-key", "HELICONE_BASE_URL": "http://env"}
    s = load_settings(config_path=path, environ=env)
    assert (s.api_key, s.base_url, s.region) == ("env-key", "http://env", Region.EU)
    s = load_settings(api_key="flag-key", region="us", config_path=path, environ=env)
    assert (s.api_key, s.base_url, s.region) == ("flag-key", "http://env", Region.US)
    assert load_settings(config_path=path, environ={}).api_key == "file-key"


def test_missing_file_is_empty_settings(tmp_path: Path) -> None:
    s = load_settings(config_path=tmp_path / "absent.toml", environ={})
    assert s.api_key is None and s.region is None
    assert s.effective_base_url == "https://api.helicone.ai"


def test_bad_toml_is_a_clear_config_error(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("api_key = [unclosed\n")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_settings(config_path=path, environ={})


def test_bad_region_and_numbers_are_config_errors(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="region"):
        load_settings(region="mars", config_path=tmp_path / "x.toml", environ={})
    path = tmp_path / "config.toml"
    path.write_text('timeout = "soon"\n')
    with pytest.raises(ConfigError):
        load_settings(config_path=path, environ={})


def test_eu_key_picks_the_eu_host_unless_told_otherwise(tmp_path: Path) -> None:
    eu = "sk-helicone-eu-abcdefg-hijklmn-opqrstu-vwxyz12"
    cfg = tmp_path / "c.toml"
    assert load_settings(api_key=eu, config_path=cfg, environ={}).effective_base_url == (
        "https://eu.api.helicone.ai"
    )
    s = load_settings(api_key=eu, region="us", config_path=cfg, environ={})
    assert s.effective_base_url == "https://api.helicone.ai"
    s = load_settings(api_key=eu, base_url="http://127.0.0.1:8585/", config_path=cfg, environ={})
    assert s.effective_base_url == "http://127.0.0.1:8585"


def test_saved_config_is_private_and_merged(tmp_path: Path) -> None:
    path = tmp_path / "dir" / "config.toml"
    save_config(path, {"region": "eu"})
    path.chmod(0o644)  # a file someone loosened: saving a key must tighten it again
    save_config(path, {"api_key": KEY})
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    s = load_settings(config_path=path, environ={})
    assert s.api_key == KEY and s.region is Region.EU


def test_settings_repr_hides_the_key(tmp_path: Path) -> None:
    s = load_settings(api_key=KEY, config_path=tmp_path / "c.toml", environ={})
    assert KEY not in repr(s) and KEY not in str(s)
