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
    from ..formatting import format_int
    from .app import HeliconeTUI

    notes = []
    if ids_file_note:
        count = f"{format_int(len(ids))} id{'s' if len(ids) != 1 else ''}"
        notes.append(f"Loaded {count} from {ids_file_note}.")
    pending = None
    if demo:  # the socket listens now; the dataset is built and served after the first frame
        from ..demo import reserve_demo

        pending = reserve_demo()
        settings = replace(settings, api_key=pending.key, base_url=pending.url, region=None)
        ids = ids or pending.ids
    app = HeliconeTUI(settings, ids, demo=demo, notes=notes, pending_demo=pending)
    try:
        app.run()
    finally:
        if pending is not None:
            pending.stop()
        if app.demo_server is not None:
            app.demo_server.stop()
    return app.return_code or 0


__all__ = ["run_tui"]
