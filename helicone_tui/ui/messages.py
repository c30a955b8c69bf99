"""Small messages the UI's parts use to talk (posted, never called across widgets).

Textual's `Message` initialises itself in `__post_init__`, so dataclasses work as messages;
`eq=False` keeps them hashable by identity.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ..client import IdResult
    from ..models import HeliconeRequest
    from ..models.summary import RequestSummary


@dataclass(eq=False)
class IdsSubmitted(Message):
    """The user pasted or typed text that held request ids (already extracted)."""

    ids: list[str]
    summary: str


@dataclass(eq=False)
class RequestHighlighted(Message):
    """The list cursor is on another request (None: the list is empty)."""

    request_id: str | None


@dataclass(eq=False)
class RequestOpened(Message):
    """The user asked to read a request (enter or a double click)."""

    request_id: str


@dataclass(eq=False)
class SortRequested(Message):
    """A column header was clicked."""

    column: str


@dataclass(eq=False)
class RowsArrived(Message):
    """A batch of query-ids results."""

    results: Sequence[IdResult[HeliconeRequest | RequestSummary]]
