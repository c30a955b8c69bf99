"""`Footer` without Textual 8.2.8's leak of every key it ever showed.

Textual's `Footer.compose` binds each `FooterKey` it yields to `Footer.compact` with
`data_bind`, which leaves a (key, setter) watcher on the footer. The footer recomposes on every
change of the active bindings (each focus change, each maximize / minimize), and the watchers
of removed keys are only pruned when `compact` itself changes, which it never does here: every
open and close of a detail kept ~25 dead `FooterKey` widgets, with their styles and caches, for
the life of the app. This footer drops those watchers after each recompose.
"""

from __future__ import annotations

from textual.widgets import Footer


class LeanFooter(Footer):
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
