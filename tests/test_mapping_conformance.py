"""Our mapping against Helicone's own results (``../shared/reference/helicone``).

Every pipeline case is compared on the mapper chosen, both schema sides, the preview texts and
the status. Only two things are ignored, as the reference's README says: the random message
``id``s of Anthropic / Gemini, and ``metadata.timestamp`` of tool / vector-db / data results
(the dashboard stamps the render time there). A case where we deliberately differ must be listed
in ``DEVIATIONS`` with the reason; the list is checked to still be needed.

The folder is absent from a user's clone: these tests then skip, and the per-mapper tests with
the project's own fixtures still cover every mapper.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from helicone_tui.mapping import map_request
from helicone_tui.mapping.assistant import map_openai_assistant
from helicone_tui.mapping.gemini import map_gemini
from helicone_tui.mapping.openai_chat import map_tool_call
from helicone_tui.mapping.realtime import map_openai_realtime
from helicone_tui.mapping.select import mapper_for, select_mapper
from helicone_tui.models import HeliconeRequest

REFERENCE = Path(__file__).resolve().parents[2] / "shared/reference/helicone"
CASES_FILE = REFERENCE / "heliconeRequest_pipeline_cases.json"
GOLDEN_FILE = REFERENCE / "mapper_golden_records.json"

pytestmark = pytest.mark.skipif(
    not CASES_FILE.is_file(), reason="reference data (../shared/reference/helicone) not present"
)

RANDOM_ID_MAPPERS = frozenset({"anthropic-chat", "gemini-chat"})
EVENT_RESPONSES = ("toolDetailsResponse", "vectorDBDetailsResponse", "dataDetailsResponse")

# case index -> why our result differs on purpose. Empty: all 62 cases agree.
DEVIATIONS: dict[int, str] = {}


def _load(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def _cases() -> list[Any]:
    if not CASES_FILE.is_file():
        return []
    return list(enumerate(_load(CASES_FILE)["cases"]))


def _golden(fn: str) -> list[Any]:
    if not GOLDEN_FILE.is_file():
        return []
    return [r for r in _load(GOLDEN_FILE)["records"] if r["fn"] == fn]


def _without_message_ids(value: Any) -> Any:
    """Drop ``id`` from every message and content part."""
    if isinstance(value, dict):
        return {k: _without_message_ids(v) for k, v in value.items() if k != "id"}
    if isinstance(value, list):
        return [_without_message_ids(v) for v in value]
    return value


def comparable(schema: dict[str, Any], mapper: str) -> dict[str, Any]:
    schema = json.loads(json.dumps(schema))
    response = schema.get("response") or {}
    for key in EVENT_RESPONSES:
        metadata = (response.get(key) or {}).get("metadata")
        if isinstance(metadata, dict):
            metadata.pop("timestamp", None)
    if mapper in RANDOM_ID_MAPPERS:
        for side in ("request", "response"):
            if isinstance(schema.get(side), dict) and "messages" in schema[side]:
                schema[side]["messages"] = _without_message_ids(schema[side]["messages"])
    return schema


def _case_id(case: Any) -> str:
    index, data = case
    return f"{index:02d}-{data['source_test'].split(' :: ')[-1][:60]}"


@pytest.mark.parametrize("case", _cases(), ids=_case_id)
def test_pipeline_case_matches_reference(case: Any) -> None:
    index, data = case
    expected = data["expected"]
    mapped = map_request(HeliconeRequest.model_validate(data["heliconeRequest"]))
    got = {
        "mapperType": mapped.mapper,
        "schema": comparable(mapped.schema.to_json_dict(), mapped.mapper),
        "preview": {"request": mapped.preview.request, "response": mapped.preview.response},
        "status": {"statusType": mapped.status.kind, "code": mapped.status.code},
    }
    want = {
        "mapperType": expected["mapperType"],
        "schema": comparable(expected["schema"], expected["mapperType"]),
        "preview": {k: expected["preview"][k] for k in ("request", "response")},
        "status": expected["heliconeMetadata"]["status"],
    }
    if index in DEVIATIONS:
        assert got != want, f"deviation {index} no longer needed: {DEVIATIONS[index]}"
        return
    assert mapped.unmappable_reason is None
    assert got == want


def test_all_62_cases_present() -> None:
    assert len(_cases()) == 62


def test_deviations_name_real_cases() -> None:
    indices = {index for index, _ in _cases()}
    assert set(DEVIATIONS) <= indices
    assert all(reason.strip() for reason in DEVIATIONS.values())


def test_cached_flag_follows_cache_reference_id() -> None:
    _, data = _cases()[0]
    row = dict(data["heliconeRequest"])
    assert map_request(HeliconeRequest.model_validate(row)).cached is False
    row["cache_reference_id"] = "9b0c3c7e-0000-4000-8000-000000000001"
    assert map_request(HeliconeRequest.model_validate(row)).cached is True


# --- per-function golden records -------------------------------------------------------------


@pytest.mark.parametrize("record", _golden("getMapperType"), ids=lambda r: r["source_test"][-50:])
def test_get_mapper_type_record(record: Any) -> None:
    args = record["input"][0]
    url = f"{args.get('targetUrl') or ''} {args.get('path') or ''}".lower()
    assert mapper_for(args.get("model") or "", args.get("provider") or "", url) == record["output"]


@pytest.mark.parametrize("record", _golden("getMapperTypeFromHeliconeRequest"))
def test_get_mapper_type_from_row_record(record: Any) -> None:
    row = HeliconeRequest.model_validate(record["input"][0])
    assert select_mapper(row, row.request_body, row.response_body) == record["output"]


@pytest.mark.parametrize("record", _golden("mapToolCallToFunction"))
def test_tool_call_record(record: Any) -> None:
    assert map_tool_call(record["input"][0]) == record["output"]


@pytest.mark.parametrize(
    "record", _golden("mapRealtimeRequest"), ids=lambda r: r["source_test"][-40:]
)
def test_realtime_record(record: Any) -> None:
    args = record["input"][0]
    out = map_openai_realtime(args["request"], args["response"], args["model"])
    expected = record["output"]
    assert out.request == expected["schema"]["request"]
    assert out.response == expected["schema"]["response"]
    assert out.preview_request == expected["preview"]["request"]
    assert out.preview_response == expected["preview"]["response"]


@pytest.mark.parametrize(
    "record", _golden("mapOpenAIAssistant"), ids=lambda r: r["source_test"][-40:]
)
def test_assistant_record(record: Any) -> None:
    args = record["input"][0]
    out = map_openai_assistant(args["request"], args["response"], args["model"])
    expected = record["output"]
    assert out.request == expected["schema"]["request"]
    assert out.response == expected["schema"]["response"]
    assert out.preview_request == expected["preview"]["request"]
    assert out.preview_response == expected["preview"]["response"]


def _essentials(messages: list[Any]) -> list[Any]:
    keys = ("role", "_type", "content", "tool_calls")
    return [{k: m[k] for k in keys if m.get(k) not in (None, "")} for m in messages]


@pytest.mark.parametrize(
    "record", _golden("mapGeminiRequestV2"), ids=lambda r: r["source_test"][-40:]
)
def test_gemini_v2_record(record: Any) -> None:
    """The v2 mapper's shape differs in detail (no legacy defaults); its content must agree."""
    args = record["input"][0]
    out = map_gemini(args["request"], args["response"], args["model"])
    expected = record["output"]
    assert out.request["model"] == expected["request"]["model"]
    assert _essentials(out.request["messages"]) == _essentials(expected["request"]["messages"])
    assert out.response["model"] == expected["response"]["model"]
    assert _essentials(out.response["messages"]) == _essentials(
        expected["response"].get("messages", [])
    )
    if "error" in expected["response"]:
        assert (
            json.loads(out.response["error"]["heliconeMessage"])
            == (expected["response"]["error"]["heliconeMessage"])
        )
