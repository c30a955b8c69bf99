"""What went wrong, in words a person can act on (pure: no textual).

The client's errors already carry an actionable sentence (`str(error)`); this adds a title and
what to try next, per kind, so every failure reads the same way inside the detail pane.
"""

from __future__ import annotations

from dataclasses import dataclass

from helicone_tui.client.errors import (
    AuthError,
    HeliconeError,
    MalformedResponseError,
    MissingKeyError,
    NetworkError,
    NotFoundError,
    RateLimitedError,
    RequestTimeoutError,
    ServerError,
    join_sentences,
)
from helicone_tui.models import BodyInfo, BodyState

RETRY_HINT = "Press r to try again."


@dataclass(frozen=True, slots=True)
class ErrorReport:
    title: str
    message: str
    """What happened (may hold API text: show it literally)."""
    advice: tuple[str, ...]
    """What to do, one step per entry."""


def describe_error(request_id: str, error: BaseException) -> ErrorReport:
    message = str(error) or type(error).__name__
    if isinstance(error, MissingKeyError):
        return ErrorReport(
            "No API key",
            message,
            ("Set HELICONE_API_KEY, pass --api-key, or run `helicone-tui login`.",),
        )
    if isinstance(error, AuthError):
        return ErrorReport(
            f"Helicone refused the API key ({error.short})",
            message,
            (
                "Check the key: it must be a Helicone API key with read access.",
                "Keys are per region: an EU key only works with --region eu (and a US key "
                "with the US host).",
                RETRY_HINT,
            ),
        )
    if isinstance(error, NotFoundError):
        return ErrorReport(
            "Request not found",
            message,
            ("Check the id, the region (US / EU) and that the key's organisation owns it.",),
        )
    if isinstance(error, RateLimitedError):
        return ErrorReport(
            "Rate limited by Helicone",
            message,
            (f"Wait about {error.retry_after:.0f} s.", RETRY_HINT),
        )
    if isinstance(error, ServerError):
        return ErrorReport(f"Helicone server error ({error.short})", message, (RETRY_HINT,))
    if isinstance(error, RequestTimeoutError | NetworkError):
        return ErrorReport(
            "Could not reach Helicone" if isinstance(error, NetworkError) else "Helicone timed out",
            message,
            ("Check the network connection (and any proxy or VPN).", RETRY_HINT),
        )
    if isinstance(error, MalformedResponseError):
        return ErrorReport(
            "Helicone sent an answer this app could not read",
            message,
            (RETRY_HINT, "If it keeps happening, please report it with the request id."),
        )
    if isinstance(error, HeliconeError):
        return ErrorReport(f"Could not load the request ({error.short})", message, (RETRY_HINT,))
    return ErrorReport(
        "Could not show this request",
        f"{type(error).__name__}: {message}",
        (RETRY_HINT, f"This looks like a bug: please report it with the request id {request_id}."),
    )


def describe_fetch_failure(error: BaseException, *, kept: bool) -> str:
    """One line over the tabs when fetching a request failed but something is still shown:
    `kept`, what was loaded before (a refresh failed); else what the list has of the row."""
    title = describe_error("", error).title
    if kept:
        return join_sentences(
            f"✖ Refresh failed: {title}", "Still showing what was loaded before", RETRY_HINT
        )
    return join_sentences(
        f"✖ Could not fetch this request: {title}",
        "Showing what the list has",
        RETRY_HINT,
    )


PARTIAL_PROPERTIES_NOTE = (
    "Properties, user, path and the call's parameters come with the request itself, which could "
    f"not be fetched. {RETRY_HINT}"
)


def describe_missing_body(info: BodyInfo, side: str = "request") -> str | None:
    """Why a body is absent, or None when the row's bodies should be there."""
    if info.state is BodyState.NOT_STORED:
        return (
            info.detail or "Helicone did not store this request's bodies."
        ) + " Tokens, cost and properties are still shown; the bodies cannot be recovered."
    if info.state is BodyState.UNAVAILABLE:
        return (
            info.detail
            or "The bodies should exist, but neither Helicone nor its storage gave them."
        ) + f" {RETRY_HINT}"
    if info.state is BodyState.PLACEHOLDER:
        return (
            (info.detail or "The bodies are in Helicone's object storage.")
            + " They were not fetched for this row yet. "
            + RETRY_HINT
        )
    return None
