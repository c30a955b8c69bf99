"""What can be copied, under which key, and the full text of each (never a preview)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the mapping and the models load with the first copy
    from ..models import HeliconeRequest
    from .fetching import Detail


class CopyItem(StrEnum):
    REQUEST_ID = "request-id"
    REQUEST_BODY = "request-body"
    RESPONSE_BODY = "response-body"
    CONVERSATION = "conversation"
    ROW_JSON = "row-json"
    MESSAGE = "message"
    LINK = "link"


@dataclass(frozen=True, slots=True)
class CopySpec:
    item: CopyItem
    #: Key in the copy menu; its upper case copies directly from the main screen.
    key: str
    label: str
    #: Needs the request with its bodies (fetched first if not cached).
    needs_detail: bool


COPY_SPECS: tuple[CopySpec, ...] = (
    CopySpec(CopyItem.REQUEST_ID, "i", "request id", False),
    CopySpec(CopyItem.REQUEST_BODY, "b", "request body", True),
    CopySpec(CopyItem.RESPONSE_BODY, "o", "response body", True),
    CopySpec(CopyItem.CONVERSATION, "m", "conversation (markdown)", True),
    CopySpec(CopyItem.ROW_JSON, "j", "whole row (JSON)", True),
    CopySpec(CopyItem.MESSAGE, "f", "focused message", True),
    CopySpec(CopyItem.LINK, "l", "dashboard link", False),
)
SPEC_BY_ITEM = {spec.item: spec for spec in COPY_SPECS}


class NothingToCopy(Exception):
    """The item does not exist for this request; the message says why."""


def body_text(body: Any) -> str:
    """A body as text: strings as they are, JSON pretty-printed."""
    if isinstance(body, str):
        return body
    return json.dumps(body, indent=2, ensure_ascii=False)


def row_json(row: HeliconeRequest) -> str:
    return json.dumps(row.model_dump(mode="json"), indent=2, ensure_ascii=False)


def copy_text(item: CopyItem, detail: Detail, *, focused_message: str | None = None) -> str:
    """The text of an item that needs the detail. Slow for big bodies: run it in a thread."""
    from ..models import BodyState

    row = detail.row
    if item in (CopyItem.REQUEST_BODY, CopyItem.RESPONSE_BODY):
        body = row.request_body if item is CopyItem.REQUEST_BODY else row.response_body
        info = row.body_info
        if info.state in (BodyState.NOT_STORED, BodyState.UNAVAILABLE) or body is None:
            which = "request" if item is CopyItem.REQUEST_BODY else "response"
            why = info.detail or "The row has none."
            raise NothingToCopy(f"No {which} body to copy. {why}")
        return body_text(body)
    if item is CopyItem.CONVERSATION:
        from ..mapping import conversation_to_markdown

        return conversation_to_markdown(detail.mapped)
    if item is CopyItem.ROW_JSON:
        return row_json(row)
    if item is CopyItem.MESSAGE:
        if not focused_message:
            raise NothingToCopy(
                "No message is focused: open the Conversation tab and move to a message."
            )
        return focused_message
    raise ValueError(f"{item} does not come from the detail")
