"""The app's commands for the command palette (ctrl+p)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from textual.app import SystemCommand
from textual.screen import Screen

from .copy_items import COPY_SPECS
from .list_model import COLUMNS
from .screens.main import MainScreen

if TYPE_CHECKING:
    from .app import HeliconeTUI


def app_commands(app: HeliconeTUI, screen: Screen[object]) -> Iterator[SystemCommand]:
    """Commands for the palette opened over `screen`."""
    yield SystemCommand("Keys", "Show every key (?)", app.action_help)
    if not isinstance(screen, MainScreen):
        return
    yield SystemCommand("Add request ids", "Focus the paste box (a)", screen.action_add_ids)
    yield SystemCommand("Filter the list", "By any visible text (/)", screen.action_filter)
    yield SystemCommand("Clear the filter", "Show every row", lambda: screen.set_filter(""))
    yield SystemCommand(
        "Refetch", "The selected request, and failed rows again (r)", screen.action_refetch
    )
    yield SystemCommand("Remove the selected request", "From the list (d)", screen.action_remove)
    yield SystemCommand("Clear the list", "Remove every request (D)", screen.action_clear)
    yield SystemCommand(
        "Sort by paste order", "The order ids were added", lambda: screen.sort_by(None)
    )
    for column in COLUMNS:
        yield SystemCommand(
            f"Sort by {column.label.lower().rstrip('.')}",
            "Again to flip the direction (s / S, or click the column title)",
            lambda key=column.key: screen.sort_by(key),
        )
    yield SystemCommand("Copy…", "The copy menu (y)", screen.action_copy_menu)
    for spec in COPY_SPECS:
        yield SystemCommand(
            f"Copy the {spec.label}",
            f"Of the selected request ({spec.key.upper()})",
            lambda item=spec.item.value: screen.action_copy(item),
        )
