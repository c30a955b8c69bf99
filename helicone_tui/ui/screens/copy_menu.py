"""The copy menu (`y`): one key per item; the same key in upper case copies directly."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ..copy_items import COPY_SPECS, CopyItem


class CopyMenuScreen(ModalScreen[CopyItem | None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "cancel", "Cancel"),
        *[
            Binding(spec.key, f"pick('{spec.item.value}')", spec.label, show=False)
            for spec in COPY_SPECS
        ],
    ]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="copy-menu"):
            yield Static(Text("Copy (full text, never truncated)"), classes="dialog-title")
            yield OptionList(
                *[
                    Option(
                        Text.assemble((f" {spec.key} ", "bold"), f" {spec.label}"),
                        id=spec.item.value,
                    )
                    for spec in COPY_SPECS
                ]
            )
            yield Static(
                Text("key or enter: copy · upper-case key copies without this menu · esc: close"),
                classes="dialog-hint",
            )

    def action_pick(self, item: str) -> None:
        self.dismiss(CopyItem(item))

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self.dismiss(CopyItem(event.option.id))
