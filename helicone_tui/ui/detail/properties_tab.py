"""The Properties tab: everything about the request that is not its conversation (Rich only).

Grouped as the dashboard does, with its hiding rules turned into separate groups rather than
dropped: `Helicone-*` properties (session id / path …) get their own group, and the
`helicone-score-feedback` score shows under Feedback instead of among the scores.
"""

from __future__ import annotations

from typing import Any

from rich.console import Group
from rich.text import Text

from helicone_tui.formatting import (
    format_duration_ms,
    format_local_time,
    mask_url_secrets,
)
from helicone_tui.mapping import MappedRequest
from helicone_tui.models import HeliconeRequest

from .tables import kv_table, section, stack

FEEDBACK_SCORE = "helicone-score-feedback"
HELICONE_PREFIX = "helicone-"


def split_properties(
    properties: dict[str, Any],
) -> tuple[list[tuple[str, Any]], list[tuple[str, Any]]]:
    """``(custom, helicone)``: the user's own properties, and Helicone's `Helicone-*` ones."""
    custom: list[tuple[str, Any]] = []
    helicone: list[tuple[str, Any]] = []
    for key in sorted(properties, key=str.lower):
        (helicone if key.lower().startswith(HELICONE_PREFIX) else custom).append(
            (key, properties[key])
        )
    return custom, helicone


def split_scores(scores: dict[str, Any]) -> tuple[list[tuple[str, Any]], Any]:
    """``(scores, feedback score)``: the badges' scores, and the feedback score they hide."""
    shown = [(k, v) for k, v in sorted(scores.items()) if k.lower() != FEEDBACK_SCORE]
    feedback = next((v for k, v in scores.items() if k.lower() == FEEDBACK_SCORE), None)
    return shown, feedback


def _status_text(mapped: MappedRequest | None, row: HeliconeRequest) -> str:
    code = row.response_status
    if mapped is None:
        return str(code) if code is not None else "–"
    status = mapped.status
    label = {"success": "success", "error": "error", "pending": "pending"}.get(
        status.kind, status.kind
    )
    return f"{label} ({status.code})" if status.code is not None else label


def request_rows(row: HeliconeRequest, mapped: MappedRequest | None) -> list[tuple[str, Any]]:
    rows: list[tuple[str, Any]] = [
        ("Request id", row.request_id),
        ("Status", _status_text(mapped, row)),
        ("Created", format_local_time(row.request_created_at)),
        ("Response at", format_local_time(row.response_created_at)),
        ("Latency", format_duration_ms(row.delay_ms)),
        ("Provider", row.provider),
        ("Model", row.display_model),
    ]
    if row.request_model and row.request_model != row.display_model:
        rows.append(("Requested model", row.request_model))
    if row.response_model and row.response_model != row.display_model:
        rows.append(("Response model", row.response_model))
    rows += [
        ("Path", row.request_path),
        ("Target URL", mask_url_secrets(row.target_url) if row.target_url else None),
        ("User", row.helicone_user or row.request_user_id),
        ("Country", row.country_code),
        ("Prompt id", row.prompt_id),
        ("Prompt version", row.prompt_version),
        ("Referrer", row.request_referrer),
        ("Storage", row.storage_location),
        ("Body", _body_text(row)),
        ("Mapper", mapped.mapper if mapped is not None else None),
    ]
    return [(label, value) for label, value in rows if value not in (None, "")]


def _body_text(row: HeliconeRequest) -> str:
    info = row.body_info
    return f"{info.state.value}: {info.detail}" if info.detail else info.state.value


def cache_rows(row: HeliconeRequest) -> list[tuple[str, Any]]:
    rows: list[tuple[str, Any]] = [("Served from cache", row.cached)]
    if row.cache_enabled is not None:
        rows.append(("Cache enabled", row.cache_enabled))
    if row.cache_reference_id:
        rows.append(("Cache reference", row.cache_reference_id))
    return rows


def feedback_rows(row: HeliconeRequest, feedback_score: Any) -> list[tuple[str, Any]]:
    rows: list[tuple[str, Any]] = []
    if row.feedback_rating is not None:
        rows.append(("Rating", "positive" if row.feedback_rating else "negative"))
    if feedback_score is not None:
        rows.append(("Feedback score", feedback_score))
    if row.feedback_created_at:
        rows.append(("Given", format_local_time(row.feedback_created_at)))
    if row.feedback_id:
        rows.append(("Feedback id", row.feedback_id))
    return rows


def parameter_rows(mapped: MappedRequest | None) -> list[tuple[str, Any]]:
    if mapped is None:
        return []
    rows = list(mapped.parameters.items())
    request = mapped.schema.request
    keys = {key for key, _ in rows}
    if request is not None:
        if "model" not in keys and request.model:
            rows.insert(0, ("model", request.model))
        if "tools" not in keys and request.tools:
            rows.append(("tools", [tool.name for tool in request.tools if tool.name]))
        if "tool_choice" not in keys and request.tool_choice is not None:
            rows.append(("tool_choice", request.tool_choice.to_json_dict()))
        if "response_format" not in keys and request.response_format is not None:
            rows.append(("response_format", request.response_format.type))
    return [
        (
            key,
            ", ".join(map(str, v))
            if isinstance(v, list) and all(isinstance(x, str) for x in v)
            else v,
        )
        for key, v in rows
    ]


def properties_renderable(row: HeliconeRequest, mapped: MappedRequest | None) -> Group:
    custom, helicone = split_properties(row.custom_properties)
    scores, feedback_score = split_scores(dict(row.scores or {}))
    feedback = feedback_rows(row, feedback_score)
    parameters = parameter_rows(mapped)
    return stack(
        section("Request", kv_table(request_rows(row, mapped))),
        section("Parameters", kv_table(parameters)) if parameters else None,
        section("Properties", kv_table(custom) if custom else Text("none", style="dim")),
        section("Helicone", kv_table(helicone)) if helicone else None,
        section("Scores", kv_table(scores)) if scores else None,
        section("Feedback", kv_table(feedback)) if feedback else None,
        section("Cache", kv_table(cache_rows(row))),
    )
