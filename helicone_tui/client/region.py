"""Which Helicone host to talk to, and the dashboard's links."""

from __future__ import annotations

from enum import StrEnum


class Region(StrEnum):
    US = "us"
    EU = "eu"


API_HOSTS = {Region.US: "https://api.helicone.ai", Region.EU: "https://eu.api.helicone.ai"}
DASHBOARD_HOSTS = {Region.US: "https://us.helicone.ai", Region.EU: "https://eu.helicone.ai"}
EU_KEY_PREFIX = "sk-helicone-eu-"


def parse_region(value: str | None) -> Region | None:
    if value is None or not value.strip():
        return None
    try:
        return Region(value.strip().lower())
    except ValueError:
        raise ValueError(f"unknown region {value!r}: use 'us' or 'eu'") from None


def region_for(api_key: str | None, region: Region | None = None) -> Region:
    """The region asked for, else the one the key names (EU keys say so), else US."""
    if region is not None:
        return region
    if api_key and api_key.startswith(EU_KEY_PREFIX):
        return Region.EU
    return Region.US


def resolve_base_url(
    api_key: str | None, *, base_url: str | None = None, region: Region | None = None
) -> str:
    """`base_url` wins; else the region's host (explicit, or read from the key)."""
    if base_url and base_url.strip():
        return base_url.strip().rstrip("/")
    return API_HOSTS[region_for(api_key, region)]


def is_eu_host(base_url: str) -> bool:
    return base_url.rstrip("/") == API_HOSTS[Region.EU]


def dashboard_url(request_id: str, region: Region) -> str:
    """The request's page in Helicone's web dashboard."""
    return f"{DASHBOARD_HOSTS[region]}/requests?requestId={request_id}"
