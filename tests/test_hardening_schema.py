"""Schema fuzzing: rows made from the project's own schema of a `HeliconeRequest`, and mutated
ones, go through models → mapping → every detail tab's content without raising; a few hundred
go through the mounted detail view too."""

from __future__ import annotations

import json
import random
from typing import Any

import jsonschema  # type: ignore[import-untyped]
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helicone_tui.fake import builtin_rows
from helicone_tui.mapping import map_request
from helicone_tui.ui.detail import compute_totals

from .detail_support import DetailApp
from .hardening_support import (
    REFERENCE_OPENAPI,
    exercise_row,
    json_round_trip,
    mutations,
    row_schema,
    schema_rows,
)

FUZZ = settings(
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# -- the schema itself ------------------------------------------------------------------------


def test_the_row_schema_is_valid_and_relaxed_like_the_server() -> None:
    schema = row_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["required"] == ["request_id"]
    assert schema["additionalProperties"] is True
    validator = jsonschema.Draft202012Validator(schema)
    # A provider the documents do not know yet, and fields they never named, still validate.
    assert validator.is_valid({"request_id": "x", "provider": "NEW_ONE", "brand_new": 1})
    assert not validator.is_valid({"provider": "OPENAI"})
    assert validator.is_valid({"request_id": "x", "prompt_tokens": None, "reasoning_tokens": 3})


def test_every_fake_row_fits_the_schema() -> None:
    validator = jsonschema.Draft202012Validator(row_schema())
    for raw in builtin_rows():
        errors = [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(raw)]
        assert not errors, (raw["request_id"], errors[:5])


def _openapi_types(prop: dict[str, Any], schemas: dict[str, Any]) -> set[str] | None:
    """The JSON types an OpenAPI property allows (None: any), `nullable` made a null."""
    if not prop or set(prop) <= {"description"}:
        return None
    types: set[str] = set()
    if "type" in prop:
        types.add(prop["type"])
    for ref_holder in [prop, *prop.get("allOf", []), *prop.get("anyOf", [])]:
        ref = ref_holder.get("$ref")
        if ref:
            inner = _openapi_types(schemas[ref.rsplit("/", 1)[1]], schemas)
            if inner is None:
                return None
            types |= inner
        elif ref_holder is not prop and "type" in ref_holder:
            types.add(ref_holder["type"])
    if prop.get("nullable"):
        types.add("null")
    return types


def _our_types(prop: dict[str, Any], defs: dict[str, Any]) -> set[str] | None:
    if "$ref" in prop:
        return _our_types(defs[prop["$ref"].rsplit("/", 1)[1]], defs)
    if "anyOf" in prop:
        found: set[str] = set()
        for option in prop["anyOf"]:
            inner = _our_types(option, defs)
            if inner is None:
                return None
            found |= inner
        return found
    if "type" not in prop:
        return None
    kind = prop["type"]
    return set(kind) if isinstance(kind, list) else {kind}


def test_the_schema_covers_the_openapi_extract() -> None:
    if not REFERENCE_OPENAPI.exists():
        pytest.skip("../shared/reference is not here (a fresh clone)")
    reference = json.loads(REFERENCE_OPENAPI.read_text())["schemas"]
    theirs = reference["HeliconeRequest"]["properties"]
    ours = row_schema()["properties"]
    defs = row_schema()["$defs"]
    missing = sorted(set(theirs) - set(ours))
    assert not missing, f"fields of the OpenAPI extract missing from our schema: {missing}"
    for name, prop in theirs.items():
        want = _openapi_types(prop, reference)
        have = _our_types(ours[name], defs)
        if have is None:
            continue  # ours accepts anything
        assert want is not None, f"{name}: the extract allows any value, ours only {have}"
        if "number" in have:
            have.add("integer")
        assert want <= have, f"{name}: extract allows {want}, ours {have}"
    # Every provider the extract names is a known one of ours (ours may know more).
    for enum_name in ("ProviderName", "ModelProviderName"):
        assert set(reference[enum_name]["enum"]) <= set(defs[enum_name]["enum"]), enum_name


# -- pure path: thousands of rows ---------------------------------------------------------------

#: Rows made from the schema per run; each also goes through its eight mutations, so about
#: 9 x this many rows take the pure path (generation, not the path, is what costs time).
SCHEMA_EXAMPLES = 120


@settings(FUZZ, max_examples=SCHEMA_EXAMPLES)
@given(schema_rows(), st.randoms(use_true_random=False))
def test_schema_rows_and_their_mutations_go_through_models_mapping_and_tabs(
    raw: dict[str, Any], rnd: random.Random
) -> None:
    row = exercise_row(json_round_trip(raw), render=False)
    assert row is not None  # a schema row always has a usable request_id
    assert row.request_id == raw["request_id"]
    for mutated in mutations(raw, rnd):
        exercise_row(json_round_trip(mutated), render=False)


@settings(FUZZ, max_examples=30)
@given(schema_rows(), st.randoms(use_true_random=False))
def test_rows_and_mutations_render_in_every_tab(raw: dict[str, Any], rnd: random.Random) -> None:
    exercise_row(json_round_trip(raw), render=True)
    for mutated in mutations(raw, rnd):
        exercise_row(json_round_trip(mutated), render=True)


def test_the_fuzzing_sees_wrong_types_set_aside() -> None:
    """The mutations really reach the tolerant model (not only clean rows)."""
    from helicone_tui.models import HeliconeRequest

    row = HeliconeRequest.model_validate(
        {"request_id": "a", "prompt_tokens": "many", "provider": ["x"], "brand_new": {"y": 1}}
    )
    assert set(row.malformed_fields) == {"prompt_tokens", "provider"}
    assert exercise_row(row.to_json_dict()) is not None


# -- the mounted detail view: ~140 rows (20 schema rows and their mutations) -------------------

_APP_ROWS: list[dict[str, Any]] = []


@settings(FUZZ, max_examples=20, derandomize=True)
@given(schema_rows(), st.randoms(use_true_random=False))
def _collect_app_rows(raw: dict[str, Any], rnd: random.Random) -> None:
    _APP_ROWS.extend(json_round_trip(r) for r in (raw, *mutations(raw, rnd)))


def app_rows() -> list[dict[str, Any]]:
    if not _APP_ROWS:
        _collect_app_rows()
    return _APP_ROWS


async def test_over_a_hundred_fuzzed_rows_in_the_mounted_detail_view() -> None:
    from helicone_tui.models import HeliconeRequest

    rows = [r for r in (exercise_row(raw, render=False) for raw in app_rows()) if r is not None]
    assert len(rows) >= 120
    app = DetailApp()
    app.animation_level = "none"
    async with app.run_test(size=(100, 30)) as pilot:
        view = app.detail
        for index, row in enumerate(rows):
            assert isinstance(row, HeliconeRequest)
            view.show_request(row, map_request(row), compute_totals([row]))
            # Every tab sees a share of the rows; every thirtieth row goes through all six.
            for tab in (1, 2, 3, 4, 5, 0) if index % 30 == 0 else (index % 6,):
                view.select_tab(tab)
                if tab == 4:
                    await view.request_body.loaded.wait()
                elif tab == 5:
                    await view.response_body.loaded.wait()
                await pilot.pause()
            app.screen._compositor.render_full_update()  # paint it all
        assert app.is_running
