"""The paste pane: a one-line input that takes any paste (many lines, logs, links) whole.

A plain `Input` keeps only the first line of a paste; this one extracts every request id from
all of it and adds them at once, so pasting 10,000 ids never puts 10,000 lines in a text field.
"""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.widgets import Input

from ...ids import extract_ids
from ..messages import IdsSubmitted

PLACEHOLDER = "Paste request ids, log lines or dashboard links here (enter adds typed ids)"
#: While the box has the focus (keys are text for it, not the list's): said in the box itself.
FOCUSED_PLACEHOLDER = "Type or paste request ids here · enter adds them · esc back to the list"


class IdInput(Input):
    # Shown in the footer while the box has the focus: the list's keys are text here.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "submit", "Add ids"),
        Binding("escape", "screen.back", "Back to list"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(placeholder=PLACEHOLDER, compact=True, id=id)

    def on_focus(self) -> None:
        self.placeholder = FOCUSED_PLACEHOLDER

    def on_blur(self) -> None:
        self.placeholder = PLACEHOLDER

    def _on_paste(self, event: events.Paste) -> None:
        if self._submit_text(event.text, from_paste=True):
            event.stop()
            event.prevent_default()
            return
        super()._on_paste(event)

    async def action_submit(self) -> None:
        if self._submit_text(self.value, from_paste=False):
            self.value = ""

    def _submit_text(self, text: str, *, from_paste: bool) -> bool:
        """Post the ids in `text`; False (and a hint) when there are none."""
        if not text.strip():
            return False
        extracted = extract_ids(text)
        if not extracted.ids:
            if not from_paste:
                self.notify(
                    "No request ids (UUIDs) in that text. " + extracted.summary(),
                    severity="warning",
                    markup=False,
                )
            return False
        self.post_message(IdsSubmitted(extracted.ids, extracted.summary()))
        return True
