"""Request ids out of whatever a person pastes (pure: no textual, no I/O).

Helicone request ids are UUIDs. People paste them one per line, comma separated, inside log
lines, JSON, or as dashboard links (``https://us.helicone.ai/requests?requestId=<id>``). We
split the text into tokens, take every UUID in each token, and keep the tokens that held none
so the user can see what was ignored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .formatting import format_int

_UUID = r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
_UUID_RE = re.compile(rf"(?<![0-9a-fA-F-]){_UUID}(?![0-9a-fA-F-])")
# A dashboard link names its request explicitly; other UUIDs in the URL (user, session) are not
# request ids, so when this is present only it counts.
_REQUEST_PARAM_RE = re.compile(rf"(?:requestId|request_id|request-id)=({_UUID})", re.IGNORECASE)
_TOKEN_SPLIT_RE = re.compile(r"[\s,;]+")
# The start of an id, as the list shows it (8 characters) or a longer cut, perhaps with an
# ellipsis and in quotes or brackets; `shortened_id` checks that it is the start of a UUID.
_SHORT_ID_RE = re.compile(
    r"""["'(\[<]*(?P<start>[0-9a-fA-F]{8}[0-9a-fA-F-]{0,27})(?:…|\.\.\.)?["')\]>.:]*"""
)
_UUID_TEMPLATE = "00000000-0000-0000-0000-000000000000"

#: How many ignored tokens are kept to show (a pasted log can have millions).
MAX_IGNORED_SAMPLES = 50


@dataclass(frozen=True, slots=True)
class ExtractedIds:
    """What a paste held: distinct ids in first-seen order, and what was left out."""

    ids: list[str] = field(default_factory=list)
    duplicates: int = 0
    ignored_count: int = 0
    ignored: list[str] = field(default_factory=list)
    #: Tokens that look like the start of an id (the list shows 8 characters): not ignored
    #: silently, since the person meant an id; the full one is needed.
    shortened_count: int = 0
    shortened: list[str] = field(default_factory=list)

    def summary(self, *, max_shown: int = 3, max_len: int = 24) -> str:
        """One sentence for a status line or a notification."""
        count = len(self.ids)
        parts = [f"Found {format_int(count)} id{'' if count == 1 else 's'}"]
        if self.duplicates:
            dropped = format_int(self.duplicates)
            parts.append(f" ({dropped} duplicate{'' if self.duplicates == 1 else 's'} dropped)")
        if self.shortened_count:
            parts.append("; " + self.shortened_note(max_shown=max_shown))
        if self.ignored_count:
            shown = ", ".join(_shorten(t, max_len) for t in self.ignored[:max_shown])
            more = self.ignored_count - min(len(self.ignored), max_shown)
            tail = f" and {format_int(more)} more" if more > 0 else ""
            noun = "token" if self.ignored_count == 1 else "tokens"
            parts.append(f"; ignored {format_int(self.ignored_count)} {noun}: {shown}{tail}")
        return "".join(parts) + "."

    def shortened_note(self, *, max_shown: int = 3) -> str:
        """What the shortened ids are and what to do, without a final full stop."""
        shown = ", ".join(self.shortened[:max_shown])
        more = self.shortened_count - min(len(self.shortened), max_shown)
        tail = f" and {format_int(more)} more" if more > 0 else ""
        if self.shortened_count == 1:
            return f"{shown} looks like a shortened id: the full id (36 characters) is needed"
        return (
            f"{format_int(self.shortened_count)} tokens look like shortened ids ({shown}{tail}): "
            "the full ids (36 characters) are needed"
        )


def extract_ids(text: str) -> ExtractedIds:
    """Every request id in `text`, lower-cased, duplicates dropped, in first-seen order."""
    seen: dict[str, None] = {}
    duplicates = 0
    ignored_count = 0
    ignored: dict[str, None] = {}
    shortened_count = 0
    shortened: dict[str, None] = {}
    for token in _TOKEN_SPLIT_RE.split(text):
        if not token:
            continue
        found = _REQUEST_PARAM_RE.findall(token) or _UUID_RE.findall(token)
        if not found:
            short = shortened_id(token)
            if short is not None:
                shortened_count += 1
                if len(shortened) < MAX_IGNORED_SAMPLES:
                    shortened.setdefault(short, None)
                continue
            ignored_count += 1
            if len(ignored) < MAX_IGNORED_SAMPLES:
                ignored.setdefault(token, None)
            continue
        for raw in found:
            request_id = raw.lower()
            if request_id in seen:
                duplicates += 1
            else:
                seen[request_id] = None
    return ExtractedIds(
        list(seen), duplicates, ignored_count, list(ignored), shortened_count, list(shortened)
    )


def shortened_id(token: str) -> str | None:
    """The id start `token` holds (lower-cased), if it looks like a shortened request id."""
    match = _SHORT_ID_RE.fullmatch(token)
    if match is None:
        return None
    start = match.group("start").rstrip("-")
    if len(start) >= len(_UUID_TEMPLATE) or start.isdigit():
        return None  # eight digits alone: a date or a number far more often than an id
    if not _UUID_RE.fullmatch(start + _UUID_TEMPLATE[len(start) :]):
        return None
    return start.lower()


def is_request_id(text: str) -> bool:
    return _UUID_RE.fullmatch(text.strip()) is not None


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
