"""A row's status and its error message, by the dashboard's rule (DESIGN.md §2)."""

from __future__ import annotations

from typing import Any

from helicone_tui.models import HeliconeRequest

from .jsonish import as_dict, get_path, is_number, pretty, text_of
from .mapped import RequestStatus

# Plain-text error bodies (an HTML error page, a gateway's message) are cut to this for display.
_ERROR_TEXT_MAX = 2_000


def request_status(row: HeliconeRequest, response: Any) -> RequestStatus:
    """``error`` when the body has ``error.message``, ``success`` on 200, ``pending`` on 0/null."""
    raw = row.response_status
    code = int(raw) if raw is not None and is_number(raw) else None
    if get_path(response, "error", "message") is not None:
        return RequestStatus("error", code)
    if code == 200:
        return RequestStatus("success", code)
    if code is None or code == 0:
        return RequestStatus("pending", code)
    return RequestStatus("error", code)


def error_message(status: RequestStatus, response: Any, schema_error: Any = None) -> str | None:
    """A readable provider or Helicone error, or None when the response is not an error."""
    body = as_dict(response)
    error = body.get("error")
    if isinstance(error, dict):
        message = error.get("message")
        if message is not None:
            kinds = (error.get(k) for k in ("type", "status", "code"))
            kind = next((k for k in kinds if isinstance(k, str) and k), None)
            prefix = f"{kind}: " if kind else ""
            return f"{prefix}{text_of(message)}"
        if error:
            return pretty(error)
    elif isinstance(error, str) and error:
        return error
    helicone = body.get("heliconeMessage", body.get("helicone-message"))
    if helicone is None and schema_error is not None:
        helicone = as_dict(schema_error).get("heliconeMessage")
    if helicone is not None:
        return text_of(helicone)
    if status.kind != "error":
        return None
    if isinstance(response, str) and response.strip():
        return response.strip()[:_ERROR_TEXT_MAX]
    message = body.get("message") or body.get("detail")
    if isinstance(message, str) and message:
        return message
    return f"HTTP {status.code}" if status.code is not None else "The request failed."
