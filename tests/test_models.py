"""The API models: every field of both seed versions, tolerance, exact round trip."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from helicone_tui.models import (
    KNOWN_PROVIDERS,
    BodyState,
    HeliconeRequest,
    LLMRequestBody,
    LLMResponseBody,
    LlmSchema,
    Message,
    Response,
    ResultEnvelope,
    Tool,
    is_body_placeholder,
)
from helicone_tui.models.events import (
    DataDetailsResponse,
    HeliconeEventData,
    HeliconeEventTool,
    HeliconeEventVectorDB,
    ToolDetailsResponse,
    VectorDBDetailsResponse,
)
from helicone_tui.models.llm_schema import FunctionCall

from .shared_data import REFERENCE, SEEDS, load_reference, require_shared

# --- the seed documents -------------------------------------------------------------------

SCHEMA_VERSIONS = ["000_f032fd505516d6b4.txt", "002_d3bd7c78bb99253b.txt"]
MODELS_BY_SCHEMA: dict[str, type[Any]] = {
    "HeliconeRequest": HeliconeRequest,
    "LlmSchema": LlmSchema,
    "LLMRequestBody": LLMRequestBody,
    "LLMResponseBody": LLMResponseBody,
    "Message": Message,
    "Response": Response,
    "Tool": Tool,
    "FunctionCall": FunctionCall,
    "HeliconeEventTool": HeliconeEventTool,
    "HeliconeEventVectorDB": HeliconeEventVectorDB,
    "HeliconeEventData": HeliconeEventData,
}


def _schema_properties(text: str, schema: str) -> set[str]:
    """Property names of one `components.schemas` entry in a seed's YAML (4-space indented)."""
    start = re.search(rf"^    {re.escape(schema)}:\n", text, re.M)
    assert start, f"{schema} not in seed"
    block = text[start.end() :]
    end = re.search(r"^    \S", block, re.M)
    block = block[: end.start()] if end else block
    props = re.search(r"^      properties:\n((?:^        .*\n|^\s*\n)*)", block, re.M)
    if not props:
        return set()
    names = re.findall(r"^        '?([A-Za-z_][\w]*)'?:", props.group(1), re.M)
    return set(names)


def _model_keys(model: type[Any]) -> set[str]:
    return {f.alias or name for name, f in model.model_fields.items()}


@pytest.mark.parametrize("seed", SCHEMA_VERSIONS)
@pytest.mark.parametrize("schema", sorted(MODELS_BY_SCHEMA))
def test_every_documented_field_is_modelled(seed: str, schema: str) -> None:
    text = require_shared(SEEDS / seed).read_text(encoding="utf-8")
    documented = _schema_properties(text, schema)
    assert documented, "the seed parser found no properties"
    missing = documented - _model_keys(MODELS_BY_SCHEMA[schema])
    assert not missing, f"{schema} in {seed} documents fields the model lacks: {missing}"


def test_both_versions_fields_including_the_newer_ones() -> None:
    keys = _model_keys(HeliconeRequest)
    for name in (
        "reasoning_tokens",
        "prompt_version",
        "storage_location",
        "updated_at",
        "request_referrer",
        "ai_gateway_body_mapping",
        "asset_urls",
        "scores",
        "costUSD",
    ):
        assert name in keys


def _seed_examples() -> list[Any]:
    """The JSON examples of the curl pages (001 for query-ids, 003 for the GET)."""
    examples = []
    for name in ("001_e495352243a96c33.txt", "003_59bfc2603e8aafad.txt"):
        text = require_shared(SEEDS / name).read_text(encoding="utf-8")
        start = text.index("\n{") + 1
        value, _ = json.JSONDecoder().raw_decode(text[start:])
        examples.append(value)
    return examples


def test_seed_examples_parse_and_round_trip() -> None:
    for example in _seed_examples():
        envelope = ResultEnvelope.model_validate(example)
        rows = envelope.data if isinstance(envelope.data, list) else [envelope.data]
        for raw in rows:
            row = HeliconeRequest.model_validate(raw)
            assert row.to_json_dict() == raw
            assert row.request_body == "<any>"
            assert row.llmSchema is not None and row.llmSchema.request is not None
            assert not row.malformed_fields


def test_seed_provider_enums_are_known() -> None:
    for seed in SCHEMA_VERSIONS:
        text = require_shared(SEEDS / seed).read_text(encoding="utf-8")
        block = text[text.index("    ProviderName:") : text.index("    Provider:\n")]
        for value in re.findall(r"^        - (\S+)$", block, re.M):
            assert value in KNOWN_PROVIDERS, value


# --- the reference rows -----------------------------------------------------------------------


def _reference_cases() -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = load_reference("heliconeRequest_pipeline_cases.json")["cases"]
    return cases


def test_every_reference_row_round_trips_exactly() -> None:
    cases = _reference_cases()
    assert len(cases) == 62
    for case in cases:
        raw = case["heliconeRequest"]
        row = HeliconeRequest.model_validate(raw)
        assert row.to_json_dict() == raw, case["source_test"]
        assert json.loads(row.model_dump_json(exclude_unset=True, by_alias=True)) == raw


def test_every_expected_reference_schema_validates_as_llm_schema() -> None:
    for case in _reference_cases():
        schema = case["expected"]["schema"]
        parsed = LlmSchema.model_validate(schema)
        assert parsed.to_json_dict() == schema, case["source_test"]
        assert not parsed.malformed_fields


def test_provider_response_bodies_parse_as_bodies() -> None:
    folder = require_shared(REFERENCE / "provider_response_bodies")
    for path in sorted(Path(folder).glob("*.json")):
        body = json.loads(path.read_text(encoding="utf-8"))
        row = HeliconeRequest.model_validate({"request_id": path.stem, "response_body": body})
        assert row.response_body == body
        assert row.to_json_dict()["response_body"] == body


# --- tolerance ------------------------------------------------------------------------------


def test_only_request_id_is_required() -> None:
    row = HeliconeRequest.model_validate({"request_id": "abc"})
    assert row.to_json_dict() == {"request_id": "abc"}
    with pytest.raises(ValueError):
        HeliconeRequest.model_validate({})


def test_null_stays_null_and_missing_stays_missing() -> None:
    raw = {"request_id": "a", "cost": None, "llmSchema": None, "request_body": None}
    assert HeliconeRequest.model_validate(raw).to_json_dict() == raw


def test_unknown_fields_and_enum_values_are_kept() -> None:
    raw = {
        "request_id": "a",
        "provider": "SOME_NEW_PROVIDER",
        "brand_new_field": {"nested": [1, 2]},
        "_private_looking": True,
        "llmSchema": {
            "request": {"llm_type": "speech", "messages": [{"_type": "hologram", "x": 1}]},
            "response": {"mystery": 1},
        },
    }
    row = HeliconeRequest.model_validate(raw)
    assert row.provider == "SOME_NEW_PROVIDER"
    assert row.extra_fields["brand_new_field"] == {"nested": [1, 2]}
    assert row.to_json_dict() == raw


def test_wrong_types_are_set_aside_not_fatal_and_round_trip() -> None:
    raw = {
        "request_id": "a",
        "delay_ms": "slow",
        "prompt_tokens": True,
        "request_properties": ["not", "a", "map"],
        "llmSchema": {"request": {"messages": [{"_type": "message", "content": 42}, "junk"]}},
    }
    row = HeliconeRequest.model_validate(raw)
    assert row.delay_ms is None and row.prompt_tokens is None
    assert row.malformed_fields == {
        "delay_ms": "slow",
        "prompt_tokens": True,
        "request_properties": ["not", "a", "map"],
    }
    assert row.to_json_dict() == raw


def test_malformed_nested_fields_are_set_aside_where_they_are_and_survive_copies() -> None:
    import copy
    import pickle

    raw = {
        "request": {
            "messages": [
                {"_type": "message", "role": "user", "content": "fine"},
                {"_type": "functionCall", "role": 7, "tool_calls": [{"name": 1, "arguments": {}}]},
            ]
        }
    }
    schema = LlmSchema.model_validate(raw)
    assert schema.request is not None and schema.request.messages is not None
    good, bad = schema.request.messages
    assert good.malformed_fields == {} and schema.malformed_fields == {}
    assert bad.role is None and bad.malformed_fields == {"role": 7}
    assert bad.tool_calls is not None and bad.tool_calls[0].malformed_fields == {"name": 1}
    assert schema.to_json_dict() == raw
    for clone in (
        copy.deepcopy(schema),
        schema.model_copy(deep=True),
        pickle.loads(pickle.dumps(schema)),
    ):
        assert clone == schema and clone.to_json_dict() == raw
    # Models that declare private attributes of their own keep them beside the set-aside values.
    row = HeliconeRequest.model_validate({"request_id": "a", "delay_ms": "x", "request_body": {}})
    info = row.body_info
    assert row.with_body_info(info).body_info is info
    assert row.malformed_fields == {"delay_ms": "x"} and row.to_json_dict()["delay_ms"] == "x"
    # Well-formed models carry no per-instance private state, so pydantic runs no Python
    # post-init hook for them (that hook was most of the cost of a long conversation).
    assert Message.__pydantic_post_init__ is None and good.__pydantic_private__ is None


def test_numbers_are_not_coerced() -> None:
    raw = {"request_id": "a", "cost": 1, "delay_ms": 12.0, "total_tokens": 3}
    dumped = HeliconeRequest.model_validate(raw).to_json_dict()
    assert json.dumps(dumped, sort_keys=True) == json.dumps(raw, sort_keys=True)


@pytest.mark.parametrize(
    "body",
    [
        {"model": "gpt-4o", "messages": []},
        [1, "two", None],
        "plain text",
        '{"helicone_message": "fetching body from signed_url... contact engineering"}',
        42,
        None,
        True,
    ],
)
def test_a_body_may_be_any_json_value_or_a_string(body: Any) -> None:
    raw = {"request_id": "a", "request_body": body, "response_body": body}
    row = HeliconeRequest.model_validate(raw)
    assert row.request_body == body and row.to_json_dict() == raw


def test_body_placeholder_and_body_info() -> None:
    placeholder = '{"helicone_message": "fetching body from signed_url... contact us"}'
    assert is_body_placeholder(placeholder)
    assert not is_body_placeholder({"helicone_message": "x"})
    row = HeliconeRequest.model_validate({"request_id": "a", "response_body": placeholder})
    assert row.body_info.state is BodyState.PLACEHOLDER
    free = HeliconeRequest.model_validate(
        {"request_id": "a", "storage_location": "not_stored_exceeded_free"}
    )
    assert free.body_info.state is BodyState.NOT_STORED
    assert "not_stored_exceeded_free" in (free.body_info.detail or "")


def test_envelope_error_is_read_on_any_shape() -> None:
    assert ResultEnvelope.model_validate({"error": None}).error_message is None
    assert ResultEnvelope.model_validate({"data": None, "error": "boom"}).error_message == "boom"
    assert ResultEnvelope.model_validate({"data": None, "error": {"x": 1}}).error_message


def test_derived_conveniences() -> None:
    row = HeliconeRequest.model_validate(
        {
            "request_id": "a",
            "cache_reference_id": "00000000-0000-0000-0000-000000000000",
            "request_properties": {"env": "prod"},
            "model": "gpt-4o",
            "costUSD": 0.5,
        }
    )
    assert not row.cached
    assert row.custom_properties == {"env": "prod"}
    assert row.display_model == "gpt-4o"
    assert row.cost_usd == 0.5


def test_event_models_accept_documented_shapes() -> None:
    assert HeliconeEventVectorDB.model_validate(
        {"_type": "vector_db", "operation": "search", "vector": [0.1, 2], "topK": 3}
    ).to_json_dict() == {"_type": "vector_db", "operation": "search", "vector": [0.1, 2], "topK": 3}
    tool = ToolDetailsResponse.model_validate(
        {"_type": "tool", "toolName": "t", "metadata": {"timestamp": "x"}, "status": "ok"}
    )
    assert tool.metadata is not None and tool.metadata.timestamp == "x"
    assert VectorDBDetailsResponse.model_validate({"_type": "vector_db"}).kind == "vector_db"
    assert DataDetailsResponse.model_validate({"_type": "data", "name": "n"}).name == "n"
    assert HeliconeEventTool.model_validate({"_type": "tool", "toolName": "x", "input": [1]}).input
    assert HeliconeEventData.model_validate({"_type": "data", "name": "d", "meta": {}}).meta == {}


def test_deeply_nested_bodies_still_dump() -> None:
    body: Any = "leaf"
    for _ in range(5000):
        body = {"a": [body]}
    row = HeliconeRequest.model_validate({"request_id": "deep", "request_body": body})
    dumped = row.to_json_dict()
    assert dumped["request_body"] is body
