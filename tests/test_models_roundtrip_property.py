"""Property: any row dumps back to the JSON it came from (missing stays missing, null null)."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from helicone_tui.models import HeliconeRequest

json_scalars = (
    st.none()
    | st.booleans()
    | st.integers(-(2**53), 2**53)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20)
)
json_values = st.recursive(
    json_scalars,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)

FIELDS = sorted(set(HeliconeRequest.model_fields) - {"request_id"})
field_values = st.dictionaries(st.sampled_from(FIELDS) | st.text(max_size=10), json_values)


@settings(max_examples=300, deadline=None)
@given(request_id=st.text(min_size=1, max_size=40), fields=field_values)
def test_any_row_round_trips(request_id: str, fields: dict[str, Any]) -> None:
    raw = {**fields, "request_id": request_id}
    row = HeliconeRequest.model_validate(raw)
    assert row.to_json_dict() == raw
    again = HeliconeRequest.model_validate(row.to_json_dict())
    assert again.to_json_dict() == raw
