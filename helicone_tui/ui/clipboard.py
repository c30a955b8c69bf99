"""Copying text out of the app, honestly (DESIGN.md §5).

Two paths: OSC 52 through the terminal (always; works over SSH in most terminals, but can never
report failure and is size-capped by some), and the native clipboard through pyperclip where a
local display exists (run off the UI thread: `wl-copy` can hang). Big payloads are also written
to a 0600 file whose path we show, since OSC 52 may silently drop them.
"""

from __future__ import annotations

import asyncio
import os
import re
import sys
import tempfile
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from ..formatting import format_bytes

NativeCopier = Callable[[str], None]

#: Seconds we wait for the native clipboard before saying it did not answer.
NATIVE_TIMEOUT_S = 3.0


def has_local_display(
    environ: Mapping[str, str] | None = None, platform: str | None = None
) -> bool:
    """True when a native clipboard can plausibly work: macOS, Windows, or an X / Wayland
    display on other systems (never over plain SSH or in a container)."""
    env = os.environ if environ is None else environ
    plat = sys.platform if platform is None else platform
    if plat == "darwin" or plat.startswith("win"):
        return True
    return bool(env.get("WAYLAND_DISPLAY") or env.get("DISPLAY"))


def default_native_copier() -> NativeCopier | None:
    """pyperclip's copy where a local display exists, else None."""
    if not has_local_display():
        return None

    def copy(text: str) -> None:
        import pyperclip  # 13 ms to import: only when first used

        pyperclip.copy(text)

    return copy


@dataclass(frozen=True, slots=True)
class CopyOutcome:
    """What happened to one copy, for a notification that does not overclaim."""

    label: str
    size: int
    native: bool
    """The native clipboard took it."""
    native_error: str | None = None
    file: Path | None = None

    @property
    def message(self) -> str:
        size = format_bytes(self.size)
        if self.native:
            text = f"Copied {self.label} ({size})."
        else:
            text = f"Sent {self.label} ({size}) to the terminal (OSC 52)"
            text += (
                f"; the system clipboard failed: {self.native_error}."
                if self.native_error
                else "; no local clipboard here, so it is copied only if your terminal "
                "supports OSC 52."
            )
        if self.file is not None:
            text += f" Also saved to {self.file}"
        return text

    @property
    def severity(self) -> str:
        return "information" if self.native or self.file else "warning"


def copies_dir() -> Path:
    return Path(platformdirs.user_cache_dir("helicone-tui", appauthor=False)) / "copies"


def write_copy_file(text: str, name: str, directory: Path | None = None) -> Path:
    """Write `text` to a new 0600 file named after `name`; returns its path."""
    folder = directory or copies_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError:
        folder = Path(tempfile.gettempdir())
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", name).strip("-") or "copy"
    path = folder / f"{stem}-{time.strftime('%Y%m%d-%H%M%S')}.txt"
    counter = 1
    while path.exists():
        counter += 1
        path = folder / f"{stem}-{time.strftime('%Y%m%d-%H%M%S')}-{counter}.txt"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
    return path


async def deliver(
    text: str,
    label: str,
    *,
    native: NativeCopier | None,
    file_threshold: int,
    file_name: str,
    directory: Path | None = None,
) -> CopyOutcome:
    """The slow part of a copy, each step in a thread: the file for big payloads, then the
    native clipboard (given up on after `NATIVE_TIMEOUT_S`, so a hung `wl-copy` costs nothing)."""
    size = len(text.encode("utf-8"))
    saved = None
    if size > file_threshold:
        saved = await asyncio.to_thread(write_copy_file, text, file_name, directory)
    if native is None:
        return CopyOutcome(label, size, native=False, file=saved)
    try:
        await asyncio.wait_for(asyncio.to_thread(native, text), NATIVE_TIMEOUT_S)
    except TimeoutError:
        reason = f"it did not answer in {NATIVE_TIMEOUT_S:.0f} s"
        return CopyOutcome(label, size, native=False, native_error=reason, file=saved)
    except Exception as exc:  # pyperclip raises its own and OS errors; none may crash a copy
        return CopyOutcome(label, size, native=False, native_error=_reason(exc), file=saved)
    return CopyOutcome(label, size, native=True, file=saved)


def _reason(exc: Exception) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:120]
