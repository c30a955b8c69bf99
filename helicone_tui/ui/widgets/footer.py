"""`Footer` without Textual 8.2.8's leak of every key it ever showed.

Textual's `Footer.compose` binds each `FooterKey` it yields to `Footer.compact` with
`data_bind`, which leaves a (key, setter) watcher on the footer. The footer recomposes on every
change of the active bindings (each focus change, each maximize / minimize), and the watchers
of removed keys are only pruned when `compact` itself changes, which it never does here: every
open and close of a detail kept ~25 dead `FooterKey` widgets, with their styles and caches, for
the life of the app. This footer drops those watchers after each recompose.

It also recomposes once per burst of binding changes: `Footer.bindings_changed` schedules a
full recompose (every key removed and mounted again) per change, and pushing the main screen
and focusing the list make four in a row, recomposed one after the other right after the first
frame (30-40 ms each while the deferred imports run in a thread), keys typed then waiting
behind them. The first one, run after all of them, already shows the bindings they lead to.
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer


class LeanFooter(Footer):
    _recompose_queued = False

    def bindings_changed(self, screen: Screen[object]) -> None:
        # `Footer.bindings_changed`, with the recompose queued at most once at a time.
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen and not self._recompose_queued:
            self._recompose_queued = True
            self.call_after_refresh(self._recompose_for_bindings)

    async def _recompose_for_bindings(self) -> None:
        self._recompose_queued = False
        await self.recompose()

    async def recompose(self) -> None:
        await super().recompose()
        prune_closed_watchers(self)


def prune_closed_watchers(footer: Footer) -> None:
    """Forget the watchers of `footer`'s reactives whose watching widget is gone."""
    watchers: dict[str, list[tuple[object, object]]] = getattr(footer, "__watchers", {})
    for name, entries in watchers.items():
        watchers[name] = [
            (node, callback) for node, callback in entries if not getattr(node, "_closing", False)
        ]
