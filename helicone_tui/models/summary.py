"""`RequestSummary`: the few fields of a row the request list shows, parsed without the rest.

The list query answers with whole rows, bodies included. Building Python objects for those bodies
(and validating them) only to drop them cost most of a 10,000-row fill. `parse_summaries` reads a
query-ids answer straight from its bytes in pydantic-core: unknown and heavy fields are skipped by
the parser and never become Python objects.

Tolerance is the full model's (`HeliconeRequest`, `ApiModel`): strict types, nothing coerced, and
a known field whose value has the wrong type (or a number a float cannot hold) is set aside and
reads ``None``; a row without a usable ``request_id`` is dropped. The fast path is all-or-nothing
(a wrong-typed field anywhere fails it, and no Python runs per field); then `summaries_by_id`
takes the answer's decoded rows one by one and sets the bad fields aside.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    Strict,
    TypeAdapter,
    ValidationError,
)

from .request import HeliconeRequest

# `types.Number` in constraints pydantic-core checks itself (no Python call per int): an int
# within ±2**63, a finite float; strict, so booleans are not numbers and ints stay ints.
_INT_LIMIT = 2**63


def _no_int(value: Any) -> Any:
    # Strict floats take ints: an int past the limit must be set aside, not become a float.
    if isinstance(value, int):
        raise ValueError("a number too large for its field")
    return value


SummaryNumber = (
    Annotated[int, Strict(), Field(ge=-_INT_LIMIT, le=_INT_LIMIT)]
    | Annotated[float, Strict(), Field(allow_inf_nan=False), BeforeValidator(_no_int)]
)


class RequestSummary(BaseModel):
    """The list's columns of a request row (and what they are derived from); nothing else."""

    model_config = ConfigDict(extra="ignore", strict=True, frozen=True)

    request_id: str
    request_created_at: str | None = None
    model_override: str | None = None
    model: str | None = None
    response_model: str | None = None
    request_model: str | None = None
    provider: str | None = None
    response_status: SummaryNumber | None = None
    prompt_tokens: SummaryNumber | None = None
    completion_tokens: SummaryNumber | None = None
    total_tokens: SummaryNumber | None = None
    cost: SummaryNumber | None = None
    costUSD: SummaryNumber | None = None
    delay_ms: SummaryNumber | None = None

    @property
    def display_model(self) -> str | None:
        return self.model_override or self.model or self.response_model or self.request_model

    @property
    def cost_usd(self) -> float | None:
        value = self.cost if self.cost is not None else self.costUSD
        return float(value) if value is not None else None

    @classmethod
    def of(cls, row: HeliconeRequest) -> RequestSummary:
        """The summary of a whole row (already validated: its set-aside fields read None)."""
        return cls.model_construct(**{name: getattr(row, name) for name in _FIELD_NAMES})

    @classmethod
    def tolerant(cls, item: dict[str, Any]) -> RequestSummary | None:
        """The summary of one decoded row, wrong-typed fields set aside; None without a usable
        ``request_id``."""
        try:
            return cls.model_validate(item)
        except ValidationError as exc:
            bad = {err["loc"][0] for err in exc.errors() if err["loc"]}
        if "request_id" in bad:
            return None
        try:
            return cls.model_validate({k: v for k, v in item.items() if k not in bad})
        except ValidationError:
            return None


_FIELD_NAMES = tuple(RequestSummary.model_fields)


class _SummaryEnvelope(BaseModel):
    """A query-ids answer as the fast path takes it: a list of rows or nulls, no error."""

    model_config = ConfigDict(extra="ignore", strict=True)

    data: list[RequestSummary | None]
    error: None = None


_ENVELOPE = TypeAdapter(_SummaryEnvelope)


def parse_summaries(content: bytes) -> dict[str, RequestSummary] | None:
    """Summaries by id, read straight from a query-ids answer's bytes (the first row of an id
    wins); None when the answer needs the careful path: not JSON, an error, no list of rows, or a
    row with a wrong-typed field."""
    try:
        envelope = _ENVELOPE.validate_json(content)
    except ValidationError:
        return None
    rows: dict[str, RequestSummary] = {}
    for row in envelope.data:
        if row is not None:
            rows.setdefault(row.request_id, row)
    return rows


def summaries_by_id(data: list[Any]) -> dict[str, RequestSummary]:
    """Summaries by id of decoded rows, one by one: holes and rows without a usable
    ``request_id`` are skipped, wrong-typed fields set aside."""
    rows: dict[str, RequestSummary] = {}
    for item in data:
        if not isinstance(item, dict):
            continue
        row = RequestSummary.tolerant(item)
        if row is not None:
            rows.setdefault(row.request_id, row)
    return rows
