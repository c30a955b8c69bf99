"""The Textual UI: the only layer that imports textual (loaded lazily by `run_tui`)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..settings import Settings


def run_tui(
    settings: Settings,
    ids: list[str],
    *,
    demo: bool = False,
    ids_file_note: str | None = None,
) -> int:
    """Run the app until the user quits; returns the exit code."""
    from .app import HeliconeTUI

    notes = []
    if ids_file_note:
        notes.append(f"Loaded {len(ids)} id{'s' if len(ids) != 1 else ''} from {ids_file_note}.")
    server = None
    if demo:
        from ..demo import start_demo

        server = start_demo()
        settings = replace(settings, api_key=server.key, base_url=server.url, region=None)
        ids = ids or server.ids
    app = HeliconeTUI(settings, ids, demo=demo, notes=notes)
    try:
        app.run()
    finally:
        if server is not None:
            server.stop()
        if app.demo_server is not None:
            app.demo_server.stop()
    return app.return_code or 0


__all__ = ["run_tui"]
