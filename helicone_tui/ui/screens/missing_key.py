"""Shown instead of the app when there is no API key (and no --demo)."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Static

MISSING_KEY_TEXT = """\
helicone-tui needs a Helicone API key to read your requests.

Set one in any of these ways (the first one found wins):

  • on the command line:   helicone-tui --api-key sk-helicone-…
  • in the environment:    export HELICONE_API_KEY=sk-helicone-…
  • saved once, for good:  helicone-tui login      (stored 0600 in your config directory)

Keys are made in the Helicone dashboard: Settings → API Keys. EU accounts also need
--region eu (or HELICONE_REGION=eu); keys starting sk-helicone-eu- pick it themselves.

Just looking around? Press d to open the demo on built-in fake data
(the same as `helicone-tui --demo`), or q to quit.
"""


class MissingKeyScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("d", "app.start_demo", "Open the demo"),
        Binding("q", "app.quit", "Quit"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="missing-key"):
            yield Static(Text("No Helicone API key"), classes="dialog-title")
            yield Static(Text(MISSING_KEY_TEXT))
        yield Footer()
