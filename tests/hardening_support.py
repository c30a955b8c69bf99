"""Shared parts of the hardening tests: the project's row schema, row strategies (schema-made,
provider-shaped bodies, mutations) and the pure path a row takes to every detail tab."""

from __future__ import annotations

import json
import random
from functools import cache
from pathlib import Path
from typing import Any

from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema
from rich.console import Console, RenderableType

from helicone_tui.mapping import conversation_to_markdown, map_request
from helicone_tui.models import HeliconeRequest
from helicone_tui.ui.detail import compute_totals
from helicone_tui.ui.detail.body_text import body_to_lines
from helicone_tui.ui.detail.conversation_header import conversation_header
from helicone_tui.ui.detail.conversation_items import build_conversation
from helicone_tui.ui.detail.cost_tab import cost_renderable
from helicone_tui.ui.detail.errors import describe_missing_body
from helicone_tui.ui.detail.json_highlight import json_line_spans
from helicone_tui.ui.detail.message_render import item_markdown, render_item
from helicone_tui.ui.detail.properties_tab import properties_renderable
from helicone_tui.ui.detail.summary import summary_text
from helicone_tui.ui.detail.tokens_tab import tokens_renderable
from helicone_tui.ui.list_model import COLUMN_KEYS, ListEntry, RowSummary

SCHEMA_PATH = Path(__file__).with_name("schema") / "helicone_request.schema.json"
REFERENCE_OPENAPI = (
    Path(__file__).resolve().parents[2]
    / "shared"
    / "reference"
    / "helicone"
    / "openapi_request_endpoints.json"
)

#: Text that must be shown, never obeyed: markup, escapes (screen clear, OSC 52, CSI, OSC 8
#: link), bidi override, NUL, C1, a line separator.
HOSTILE_STRINGS = (
    "[bold red]x[/]",
    "[link=https://evil.test]click[/link]",
    "\x1b[2J\x1b[H",
    "\x1b]52;c;aGk=\x07",
    "\x1b]8;;https://evil.test\x1b\\link\x1b]8;;\x1b\\",
    "\u202eevil\u202c",
    "nul\x00byte",
    "\x9b31m",
    "line\u2028sep\u2029para\r\n",
    "$(rm -rf /)`id`",
    "{{7*7}}%s%n",
)


@cache
def row_schema() -> dict[str, Any]:
    schema: dict[str, Any] = json.loads(SCHEMA_PATH.read_text())
    return schema


# -- strategies --------------------------------------------------------------------------------

hostile_text = st.one_of(
    st.text(max_size=40),
    st.sampled_from(HOSTILE_STRINGS),
    st.lists(st.sampled_from(HOSTILE_STRINGS), min_size=1, max_size=4).map("".join),
)
any_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | hostile_text,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(hostile_text, inner, max_size=4),
    max_leaves=25,
)
# Mostly-right values with a wrong one now and then: what a provider really sends, and worse.
loose_text = st.one_of(hostile_text, hostile_text, any_json)
loose_int = st.one_of(st.integers(0, 10**6), st.integers(0, 10**6), any_json)


def _openai_message() -> st.SearchStrategy[Any]:
    tool_call = st.fixed_dictionaries(
        {"id": loose_text, "type": st.just("function")},
        optional={
            "function": st.fixed_dictionaries(
                {"name": loose_text, "arguments": st.one_of(loose_text, any_json.map(json.dumps))}
            )
        },
    )
    part = st.one_of(
        st.fixed_dictionaries({"type": st.just("text"), "text": loose_text}),
        st.fixed_dictionaries(
            {
                "type": st.just("image_url"),
                "image_url": st.fixed_dictionaries(
                    {"url": st.sampled_from(["https://x.test/a.png", "data:image/png;base64,AAA"])}
                ),
            }
        ),
        any_json,
    )
    return st.fixed_dictionaries(
        {"role": st.one_of(st.sampled_from(["system", "user", "assistant", "tool"]), loose_text)},
        optional={
            "content": st.one_of(loose_text, st.lists(part, max_size=3), st.none()),
            "tool_calls": st.lists(tool_call, max_size=2),
            "tool_call_id": loose_text,
            "name": loose_text,
        },
    )


def _anthropic_block() -> st.SearchStrategy[Any]:
    return st.one_of(
        st.fixed_dictionaries({"type": st.just("text"), "text": loose_text}),
        st.fixed_dictionaries({"type": st.just("thinking"), "thinking": loose_text}),
        st.fixed_dictionaries(
            {"type": st.just("tool_use"), "id": loose_text, "name": loose_text, "input": any_json}
        ),
        st.fixed_dictionaries(
            {"type": st.just("tool_result"), "tool_use_id": loose_text, "content": loose_text}
        ),
        any_json,
    )


def provider_bodies() -> st.SearchStrategy[tuple[dict[str, Any], Any, Any]]:
    """(row fields that route the mapper, request body, response body), provider-shaped."""
    openai = st.tuples(
        st.just({"provider": "OPENAI", "target_url": "https://api.openai.com/v1/chat/completions"}),
        st.fixed_dictionaries(
            {"model": loose_text, "messages": st.lists(_openai_message(), max_size=5)},
            optional={"temperature": any_json, "tools": any_json, "stream": any_json},
        ),
        st.one_of(
            st.fixed_dictionaries(
                {"choices": st.lists(st.fixed_dictionaries({"message": _openai_message()}))},
                optional={"usage": any_json, "model": loose_text},
            ),
            st.fixed_dictionaries({"error": st.fixed_dictionaries({"message": loose_text})}),
            any_json,
        ),
    )
    anthropic = st.tuples(
        st.just({"provider": "ANTHROPIC", "target_url": "https://api.anthropic.com/v1/messages"}),
        st.fixed_dictionaries(
            {
                "model": st.just("claude-3-5-sonnet"),
                "messages": st.lists(
                    st.fixed_dictionaries(
                        {
                            "role": st.sampled_from(["user", "assistant"]),
                            "content": st.one_of(loose_text, st.lists(_anthropic_block())),
                        }
                    ),
                    max_size=4,
                ),
            },
            optional={"system": st.one_of(loose_text, st.lists(_anthropic_block(), max_size=2))},
        ),
        st.fixed_dictionaries(
            {"type": st.just("message"), "content": st.lists(_anthropic_block(), max_size=4)},
            optional={"usage": any_json, "stop_reason": loose_text},
        ),
    )
    gemini = st.tuples(
        st.just({"provider": "GOOGLE", "target_url": "https://generativelanguage.googleapis.com"}),
        st.fixed_dictionaries(
            {
                "contents": st.lists(
                    st.fixed_dictionaries(
                        {
                            "role": loose_text,
                            "parts": st.lists(
                                st.one_of(
                                    st.fixed_dictionaries({"text": loose_text}),
                                    st.fixed_dictionaries(
                                        {
                                            "functionCall": st.fixed_dictionaries(
                                                {"name": loose_text, "args": any_json}
                                            )
                                        }
                                    ),
                                    any_json,
                                ),
                                max_size=3,
                            ),
                        }
                    ),
                    max_size=3,
                )
            }
        ),
        st.fixed_dictionaries({"candidates": any_json}),
    )
    responses = st.tuples(
        st.just({"provider": "OPENAI", "target_url": "https://api.openai.com/v1/responses"}),
        st.fixed_dictionaries({"model": loose_text, "input": st.one_of(loose_text, any_json)}),
        st.fixed_dictionaries({"output": any_json}),
    )
    event = st.tuples(
        st.just({}),
        st.fixed_dictionaries({"_type": st.sampled_from(["tool", "vector_db", "data"])}).flatmap(
            lambda base: st.dictionaries(hostile_text, any_json, max_size=4).map(
                lambda extra: {**extra, **base}
            )
        ),
        any_json,
    )
    arbitrary = st.tuples(st.just({}), any_json, any_json)
    return st.one_of(openai, anthropic, gemini, responses, event, arbitrary)


@st.composite
def schema_rows(draw: st.DrawFn) -> dict[str, Any]:
    """A row made from the project's schema, with provider-shaped or arbitrary bodies."""
    row: dict[str, Any] = draw(from_schema(row_schema()))  # type: ignore[arg-type]
    routing, request, response = draw(provider_bodies())
    row.update(routing)
    row["request_body"] = request
    row["response_body"] = draw(st.one_of(st.just(response), st.none(), loose_text))
    if draw(st.booleans()):
        # Bodies are sometimes JSON-in-a-string (placeholders, text bodies).
        row["request_body"] = json.dumps(request)
    return row


def _deep(depth: int) -> Any:
    value: Any = "bottom"
    for level in range(depth):
        value = [value] if level % 2 else {"k": value}
    return value


_WRONG_VALUES: tuple[Any, ...] = (
    [],
    {},
    "not a number",
    -1,
    1e308,
    float("inf"),
    True,
    {"nested": [1, {"x": None}]},
    "\x1b[2J",
)


_HUGE = 200_000


def mutations(row: dict[str, Any], rnd: random.Random) -> list[dict[str, Any]]:
    """The row broken in every way at once-ish: wrong types, nulls everywhere, unknown fields and
    enum values, huge strings, deep nesting, hostile strings, no or a bad request_id."""
    names = sorted(row_schema()["properties"])
    hostile = rnd.choice(HOSTILE_STRINGS)
    wrong = dict(row)
    for name in rnd.sample(names, 12):
        wrong[name] = rnd.choice(_WRONG_VALUES)
    unknown = dict(row)
    unknown["provider"] = rnd.choice(["BRAND_NEW_PROVIDER", "", "openai\x00", "x" * 500])
    unknown[hostile] = {"new": [hostile]}
    unknown["llmSchema"] = rnd.choice([{"request": {"messages": "nope"}}, [], "x", {"q": 1}])
    unknown["storage_location"] = rnd.choice(["not_stored_exceeded_free", "mars", ""])
    huge = dict(row)
    huge[rnd.choice(["model", "request_user_id", "provider", "request_body"])] = (
        "A" * _HUGE + hostile
    )
    huge["properties"] = {"big": "B" * _HUGE, hostile: hostile}
    deep = dict(row)
    deep[rnd.choice(["request_body", "response_body", "properties", "scores"])] = _deep(
        rnd.randint(50, 400)
    )
    hostile_row = dict(row)
    for name in ("model", "request_model", "provider", "request_user_id", "target_url"):
        hostile_row[name] = rnd.choice(HOSTILE_STRINGS)
    hostile_row["properties"] = {rnd.choice(HOSTILE_STRINGS): rnd.choice(HOSTILE_STRINGS)}
    no_id = {k: v for k, v in row.items() if k != "request_id"}
    bad_id = dict(row, request_id=rnd.choice([None, 12, "", "\x1b[2J", ["a"]]))
    return [
        wrong,
        {name: None for name in row} | {"request_id": row["request_id"]},
        unknown,
        huge,
        deep,
        hostile_row,
        no_id,
        bad_id,
    ]


def json_round_trip(raw: dict[str, Any]) -> Any:
    """What the client would get on the wire (infinity is not JSON: the server never sends it)."""
    text = json.dumps(raw, allow_nan=True).replace("Infinity", "1e999")
    return json.loads(text)


# -- the pure path ------------------------------------------------------------------------------


def render_plain(renderable: RenderableType, width: int = 100) -> str:
    console = Console(
        width=width,
        record=True,
        color_system=None,
        file=open("/dev/null", "w"),  # noqa: SIM115
    )
    console.print(renderable)
    return console.export_text()


def exercise_row(raw: Any, *, render: bool = True) -> HeliconeRequest | None:
    """Everything the app does with a row before a widget gets it; raises what they raise.
    Returns the row, or None when the model refused it (that is a typed, expected outcome)."""
    try:
        row = HeliconeRequest.model_validate(raw)
    except ValueError:
        return None  # the client turns this into a typed error for that id
    entry = ListEntry(str(row.request_id), row=RowSummary.of(row), loading=False)
    assert all("\n" not in cell for cell in entry.cells)
    for key in COLUMN_KEYS:
        entry.sort_value(key)
    mapped = map_request(row)
    conversation_to_markdown(mapped)
    totals = compute_totals([row, row])
    items = build_conversation(mapped)
    describe_missing_body(row.body_info)
    parts: list[RenderableType] = [
        conversation_header(mapped),
        summary_text(row, mapped),
        tokens_renderable(row),
        cost_renderable(row, totals),
        properties_renderable(row, mapped),
    ]
    for number, item in enumerate(items, start=1):
        parts.append(render_item(item, number, expanded=False))
        parts.append(render_item(item, number, expanded=True))
        item_markdown(item)
    for body in (row.request_body, row.response_body):
        lines = body_to_lines(body)
        for line in lines.lines[:300]:
            json_line_spans(line)
    if render:
        for part in parts:
            render_plain(part)
    return row
