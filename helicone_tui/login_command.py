"""`helicone-tui login`: ask for the key, check it, store it (0600)."""

from __future__ import annotations

import asyncio
import getpass
import sys
from typing import TextIO

from .client import AuthError, HeliconeClient, HeliconeError, KeyAccess, mask_key
from .client.errors import explain_refusal
from .client.region import resolve_base_url
from .settings import Settings, save_config

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def read_key(stdin: TextIO | None = None) -> str:
    """The key, typed without echo on a terminal, or read from a pipe."""
    stream = stdin or sys.stdin
    if stream.isatty():
        return getpass.getpass("Helicone API key (input hidden): ")
    return stream.readline()


def run_login(
    settings: Settings,
    *,
    explicit_key: str | None = None,
    stdin: TextIO | None = None,
    out: TextIO | None = None,
    client: HeliconeClient | None = None,
) -> int:
    out = out or sys.stdout
    try:
        key = (explicit_key or read_key(stdin)).strip()
    except (EOFError, KeyboardInterrupt):
        print("\nhelicone-tui: login cancelled", file=sys.stderr)
        return EXIT_USAGE
    if not key:
        print("helicone-tui: no key entered", file=sys.stderr)
        return EXIT_USAGE
    try:
        access = asyncio.run(_verify(settings, key, client))
    except HeliconeError as exc:
        said = str(exc)
        if isinstance(exc, AuthError):
            said = explain_refusal(
                exc,
                api_key=key,
                base_url=resolve_base_url(key, base_url=settings.base_url, region=settings.region),
                base_url_source=settings.base_url_source if settings.base_url else None,
            )
        print(f"helicone-tui: the key was not stored: {said}", file=sys.stderr)
        return EXIT_USAGE
    assert settings.config_path is not None
    values: dict[str, str] = {"api_key": key}
    if settings.region is not None:
        values["region"] = settings.region.value
    if settings.base_url:
        values["base_url"] = settings.base_url
    save_config(settings.config_path, values)
    note = (
        " (read-only: lists are fetched with one GET per id)"
        if access is KeyAccess.READ_ONLY
        else ""
    )
    print(f"Key {mask_key(key)} works{note}.", file=out)
    print(f"Stored in {settings.config_path} (readable by you only).", file=out)
    return EXIT_OK


async def _verify(settings: Settings, key: str, client: HeliconeClient | None) -> KeyAccess:
    if client is not None:
        return await client.verify_key()
    async with HeliconeClient(
        key, base_url=settings.base_url, region=settings.region, timeout=settings.timeout
    ) as fresh:
        return await fresh.verify_key()
