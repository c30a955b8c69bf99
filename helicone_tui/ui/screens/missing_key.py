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
helicone-tui needs a Helicone API key to read your requests. Set one:

  helicone-tui --api-key sk-helicone-…    on the command line
  export HELICONE_API_KEY=sk-helicone-…   in the environment
  helicone-tui login                      saved once (0600 config file)

Keys are made in the Helicone dashboard under Settings → API keys.
EU accounts: add --region eu (keys starting sk-helicone-eu- do it).

Just looking? Press d for the demo on built-in fake data; q quits."""


class MissingKeyScreen(Screen[None]):
    """`problem` says what is wrong with a key that was given (none given: no problem text)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("d", "app.start_demo", "Open the demo"),
        Binding("q", "app.quit", "Quit"),
    ]

    def __init__(self, problem: str | None = None) -> None:
        super().__init__()
        self.problem = problem

    def compose(self) -> ComposeResult:
        title = "The Helicone API key cannot be used" if self.problem else "No Helicone API key"
        with Vertical(classes="dialog", id="missing-key"):
            yield Static(Text(title), classes="dialog-title")
            if self.problem:
                yield Static(Text(self.problem + "\n"), id="key-problem")
            yield Static(Text(MISSING_KEY_TEXT))
        yield Footer()
