"""The API's `{data, error}` result envelope."""

from __future__ import annotations

from typing import Any

from .base import ApiModel


class ResultEnvelope(ApiModel):
    """`{"data": ..., "error": null}` on success, `{"data": null, "error": "msg"}` on failure.

    The server sometimes leaves a key out (`{"error": null}` for a request that was not found),
    so both are optional; `error` is checked on every answer, also on HTTP 200.
    """

    data: Any = None
    error: Any = None

    @property
    def error_message(self) -> str | None:
        if self.error is None or self.error == "":
            return None
        return self.error if isinstance(self.error, str) else repr(self.error)
