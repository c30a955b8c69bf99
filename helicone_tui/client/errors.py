"""Typed client errors. `str(error)` is a sentence a person can act on; it never holds the key."""

from __future__ import annotations

from ..text_safety import sanitize_text
from .region import API_HOSTS, EU_KEY_PREFIX, Region, is_eu_host

_STOPS = (".", "!", "?", "…")


def end_sentence(text: str) -> str:
    """`text` as one finished sentence: a full stop added when it has no end mark (server text
    rarely has one), a doubled stop (quoted text that had its own) made single; "..." kept."""
    text = _tidy(text).rstrip()
    return text if not text or text.endswith(_STOPS) else text + "."


def join_sentences(*parts: str | None) -> str:
    """The non-empty `parts` as sentences, each properly ended, one space apart."""
    return " ".join(end_sentence(part) for part in parts if part and part.strip())


def _tidy(text: str) -> str:
    """`text` with a doubled full stop at its end made single ("..." is kept)."""
    stripped = text.rstrip()
    if stripped.endswith("..") and not stripped.endswith("..."):
        return stripped.rstrip(".") + "."
    return text


class HeliconeError(Exception):
    """Anything that kept the client from getting an answer."""

    #: A short label for tables and status bars ("401", "timeout", …).
    short = "error"

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        # Messages quote the server; whatever shows them (a toast, a table, stderr) gets text
        # whose escape sequences and control characters are visible, never obeyed.
        message = _tidy(sanitize_text(message))
        super().__init__(message)
        self.message = message
        self.hint = None if hint is None else _tidy(sanitize_text(hint))

    def __str__(self) -> str:
        # Server text ends the message without a full stop ("…: Internal Server Error"): the
        # hint must still read as a sentence of its own.
        return join_sentences(self.message, self.hint) if self.hint else self.message


class MissingKeyError(HeliconeError):
    short = "no key"


class InvalidKeyError(MissingKeyError):
    """A key with characters no key has (spaces, line breaks, non-ASCII): nothing is sent."""

    short = "bad key"


class AuthError(HeliconeError):
    """The server refused the key (401), or the Authorization header (400 "Invalid token.")."""

    short = "401"

    def __init__(self, message: str, *, hint: str | None = None, status: int = 401) -> None:
        super().__init__(message, hint=hint)
        self.status = status
        self.short = str(status)


class NotFoundError(HeliconeError):
    short = "not found"

    def __init__(self, request_id: str, *, hint: str | None = None) -> None:
        super().__init__(
            f"Request {request_id} was not found.",
            hint=hint
            or (
                "The API only looks back 90 days; the id may also belong to another region "
                "(US / EU) or another organisation than this key's."
            ),
        )
        self.request_id = request_id


class RateLimitedError(HeliconeError):
    short = "429"

    def __init__(self, retry_after: float, *, attempts: int) -> None:
        super().__init__(
            f"Helicone rate limit hit (HTTP 429); gave up after {attempts} "
            f"attempt{'s' if attempts != 1 else ''}.",
            hint=f"The server asked to wait {retry_after:.0f} s: try again after that.",
        )
        self.retry_after = retry_after
        self.attempts = attempts


class ServerError(HeliconeError):
    def __init__(self, status: int, detail: str | None = None) -> None:
        text = f"Helicone answered HTTP {status}"
        super().__init__(
            f"{text}: {detail}" if detail else f"{text}.",
            hint="This is on the server's side: retry in a moment.",
        )
        self.status = status
        self.detail = detail
        # An error carried by a 2xx answer must not read like success in a status column.
        self.short = str(status) if status >= 400 else "error"


class RequestTimeoutError(HeliconeError):
    short = "timeout"


class NetworkError(HeliconeError):
    short = "network"


class MalformedResponseError(HeliconeError):
    short = "bad reply"  # fits the list's 9-cell status column


def explain_refusal(
    error: AuthError, *, api_key: str | None, base_url: str, base_url_source: str | None
) -> str:
    """`str(error)`, with advice that fits how the host was chosen: when the base URL was given
    explicitly (by `base_url_source`: "--base-url", "HELICONE_BASE_URL", "base_url in FILE") it
    wins over --region, so advice to use --region would not change the host."""
    if error.status != 401 or not base_url_source:
        return str(error)
    eu_host, us_host = API_HOSTS[Region.EU], API_HOSTS[Region.US]
    if api_key and api_key.strip().startswith(EU_KEY_PREFIX) and not is_eu_host(base_url):
        hint = (
            f"This is an EU key, but the base URL {base_url} (set by {base_url_source}) wins "
            f"over --region: set it to {eu_host}, or remove it (an EU key picks the EU host)."
        )
    elif is_eu_host(base_url):
        hint = (
            "Check the key; a US account's key does not work on the EU host. The base URL "
            f"(set by {base_url_source}) wins over --region: set it to {us_host}, or remove it."
        )
    else:
        hint = (
            f"Check the key. The base URL {base_url} (set by {base_url_source}) wins over "
            f"--region; an EU account's key needs {eu_host} there."
        )
    return sanitize_text(join_sentences(error.message, hint))
