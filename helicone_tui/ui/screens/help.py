"""The help screen (`?`): every key, by where it works."""

from __future__ import annotations

from typing import ClassVar

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from ..copy_items import COPY_SPECS

#: (section, [(keys, what they do)]). `tests/test_ui_help.py` checks every binding is here.
HELP: list[tuple[str, list[tuple[str, str]]]] = [
    (
        "Anywhere",
        [
            ("?", "this help"),
            ("ctrl+p", "command palette (every command, searchable)"),
            ("tab / shift+tab", "move focus between the paste box, the list and the detail"),
            ("q", "quit (ctrl+q works even while typing)"),
            ("esc", "back: close the detail / filter, return to the list"),
        ],
    ),
    (
        "Adding requests",
        [
            ("a", "focus the paste box"),
            ("paste", "anything with request ids: lists, log lines, dashboard links"),
            ("enter", "in the paste box: add the ids typed there"),
        ],
    ),
    (
        "The list",
        [
            ("j / k / ↓ / ↑", "next / previous request"),
            ("g / G / home / end", "first / last request"),
            ("pgup / pgdn", "a page up / down"),
            ("enter / double click", "open the request (detail full screen; esc returns)"),
            ("n / p", "next / previous request, also while the detail is open"),
            ("/", "filter by any visible text (enter keeps it, esc clears it)"),
            ("s / S", "sort by the next column / reverse the sort (or click a column title)"),
            ("d", "remove the selected request from the list"),
            ("D", "clear the list (asks first)"),
            ("r", "refetch the selected request, and query failed rows again"),
        ],
    ),
    (
        "The detail",
        [
            ("1 – 6", "Conversation, Tokens, Cost, Properties, Request JSON, Response JSON"),
            ("[ / ]", "previous / next tab"),
            ("j / k / ↓ / ↑", "conversation: next / previous message"),
            ("enter / space", "conversation: expand / collapse the message (tool call arguments)"),
            ("e", "conversation: expand every message"),
            ("g / G / home / end", "first / last message, top / bottom of a JSON body"),
            ("w", "JSON tabs: soft wrap long lines on / off"),
        ],
    ),
    (
        "Copy (full text, never truncated)",
        [
            ("y", "copy menu"),
            *[(spec.key.upper(), f"copy the {spec.label}") for spec in COPY_SPECS],
        ],
    ),
]

COPY_NOTE = (
    "Copies go to your terminal's clipboard through OSC 52 (over SSH too, if the terminal "
    "allows it) and, on a machine with a display, to the system clipboard. Big copies are "
    "also saved to a file whose path is shown."
)


def help_text() -> Group:
    # A grid, not padded text: a description that wraps stays in its column on 80 columns.
    width = max(len(keys) for _section, rows in HELP for keys, _text in rows) + 2
    parts: list[RenderableType] = []
    for section, rows in HELP:
        parts.append(Text(section, style="bold underline"))
        grid = Table.grid()
        grid.add_column(width=width, no_wrap=True, style="bold")
        grid.add_column(ratio=1)
        for keys, what in rows:
            grid.add_row(keys, what)
        parts.extend((grid, Text("")))
    parts.append(Text(COPY_NOTE, style="italic"))
    return Group(*parts)


class HelpScreen(ModalScreen[None]):
    # j / k / g / G scroll here as they do everywhere else in the app.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "close", "Close"),
        Binding("j", "scroll('down')", "Down", show=False),
        Binding("k", "scroll('up')", "Up", show=False),
        Binding("g", "scroll('home')", "Top", show=False),
        Binding("G", "scroll('end')", "Bottom", show=False),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog", id="help"):
            yield Static(Text("helicone-tui keys"), classes="dialog-title")
            yield Static(help_text())

    def action_scroll(self, where: str) -> None:
        help_pane = self.query_one("#help", VerticalScroll)
        {
            "down": help_pane.scroll_down,
            "up": help_pane.scroll_up,
            "home": help_pane.scroll_home,
            "end": help_pane.scroll_end,
        }[where](animate=False)

    def action_close(self) -> None:
        self.dismiss(None)
