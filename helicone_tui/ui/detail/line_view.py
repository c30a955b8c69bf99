"""The base of the Line API views (the JSON tabs, the conversation)."""

from __future__ import annotations

from rich.style import Style
from textual.geometry import Region
from textual.scroll_view import ScrollView
from textual.strip import Strip


class LineView(ScrollView):
    """A `ScrollView` whose rows read the widget's style from `base_style`: looked up once per
    paint (`rich_style` walks every ancestor), not once per row."""

    _base: Style | None = None

    @property
    def painting(self) -> bool:
        """Whether `render_line` is called for a paint (Textual also calls it outside one, to
        find where a mouse press landed)."""
        return self._base is not None

    @property
    def base_style(self) -> Style:
        return self._base if self._base is not None else self.rich_style

    def render_lines(self, crop: Region) -> list[Strip]:
        self._base = self.rich_style
        try:
            return super().render_lines(crop)
        finally:
            self._base = None
