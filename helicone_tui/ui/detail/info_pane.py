"""A scrollable pane holding one Rich renderable (the Tokens, Cost and Properties tabs)."""

from __future__ import annotations

from rich.console import RenderableType
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static


class InfoPane(VerticalScroll, can_focus=True):
    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._static = Static("", markup=False, classes="info-content")
        self._renderable: RenderableType = ""

    def compose(self) -> ComposeResult:
        yield self._static

    def show(self, renderable: RenderableType) -> None:
        self._renderable = renderable
        self._static.update(renderable)

    @property
    def renderable(self) -> RenderableType:
        """What is shown (tests render it to text)."""
        return self._renderable
