"""The detail view's pure parts: totals, JSON lines and colouring, conversation items, markdown,
error reports, token split, property groups."""

from __future__ import annotations

import json
import re

from helicone_tui.client.errors import AuthError, NetworkError, NotFoundError, ServerError
from helicone_tui.fake import dataset
from helicone_tui.mapping import map_request
from helicone_tui.models import BodyInfo, BodyState
from helicone_tui.ui.detail import compute_totals
from helicone_tui.ui.detail.body_text import MAX_LINE_CHARS, body_to_lines
from helicone_tui.ui.detail.conversation_items import (
    Block,
    ConversationItem,
    LazyConversation,
    build_conversation,
)
from helicone_tui.ui.detail.errors import describe_error, describe_missing_body
from helicone_tui.ui.detail.json_highlight import json_line_spans
from helicone_tui.ui.detail.message_render import (
    COLLAPSED_CHARS,
    body_text,
    is_expandable,
    item_markdown,
)
from helicone_tui.ui.detail.properties_tab import split_properties, split_scores
from helicone_tui.ui.detail.tokens_tab import token_bar, token_parts

from .detail_support import fake_row, row_of

# -- totals ----------------------------------------------------------------------------------


def test_totals_sum_cost_and_tokens_overall_and_per_model() -> None:
    rows = [
        row_of(request_id="a", model="gpt-4o", cost=0.5, prompt_tokens=10, completion_tokens=5),
        row_of(request_id="b", model="gpt-4o", cost=0.25, prompt_tokens=1, completion_tokens=1),
        row_of(request_id="c", model="claude", costUSD=1.0, total_tokens=100),
        row_of(request_id="d"),
    ]
    totals = compute_totals(rows)
    assert totals.requests == 4
    assert totals.priced == 3
    assert totals.cost_usd == 1.75
    assert totals.prompt_tokens == 11
    assert totals.total_tokens == 15 + 2 + 100
    by_model = {m.model: m for m in totals.by_model}
    assert by_model["gpt-4o"].requests == 2 and by_model["gpt-4o"].cost_usd == 0.75
    assert by_model["claude"].total_tokens == 100
    assert totals.by_model[0].model == "claude"  # most expensive first
    assert by_model["(unknown model)"].priced == 0


def test_totals_of_nothing_are_zero_and_10k_rows_add_up() -> None:
    assert compute_totals([]).requests == 0
    rows = [
        row_of(request_id=str(i), model=f"m{i % 3}", cost=0.001, total_tokens=10)
        for i in range(10_000)
    ]
    totals = compute_totals(rows)
    assert totals.requests == 10_000
    assert round(totals.cost_usd, 6) == 10.0
    assert sum(m.requests for m in totals.by_model) == 10_000


# -- JSON lines ------------------------------------------------------------------------------


def test_json_spans_tell_keys_from_strings_numbers_and_literals() -> None:
    line = '  "key": "va\\"lue", 12.5e3, true, null'
    kinds = [(line[s:e], k) for s, e, k in json_line_spans(line)]
    assert ('"key"', "key") in kinds
    assert ('"va\\"lue"', "string") in kinds
    assert ("12.5e3", "number") in kinds
    assert ("true", "literal") in kinds and ("null", "literal") in kinds


def test_body_lines_pretty_print_json_and_keep_text_bodies_as_they_are() -> None:
    lines = body_to_lines({"a": [1, 2]})
    assert lines.is_json and lines.lines == json.dumps({"a": [1, 2]}, indent=2).split("\n")
    text = body_to_lines("plain\ttext\nsecond")
    assert not text.is_json and text.lines == ["plain   text", "second"]
    as_json_string = body_to_lines('{"x": 1}')
    assert as_json_string.is_json and as_json_string.lines == ["{", '  "x": 1', "}"]
    wide = body_to_lines({"s": "x" * (MAX_LINE_CHARS * 3)})
    assert wide.width == MAX_LINE_CHARS  # the display cut bounds the virtual width


# -- conversation items ----------------------------------------------------------------------


def test_openai_tool_calls_are_paired_with_their_results() -> None:
    items = build_conversation(map_request(fake_row("openai-tool-results")))
    calls = [(i, b) for i, item in enumerate(items) for b in item.blocks if b.kind == "tool_call"]
    results = [
        (i, b) for i, item in enumerate(items) for b in item.blocks if b.kind == "tool_result"
    ]
    assert calls and results
    call_names = {b.ref: b.title for _, b in calls}
    for index, result in results:
        assert result.title == call_names[result.ref]
        assert any(note.startswith(f"result of {result.title}") for note in items[index].notes)
        assert items[index].role == "tool"
    call_index = calls[0][0]
    assert any("→ result in #" in note for note in items[call_index].notes)


def test_anthropic_thinking_tool_use_and_image_become_blocks() -> None:
    items = build_conversation(map_request(fake_row("anthropic")))
    kinds = {b.kind for item in items for b in item.blocks}
    assert {"reasoning", "tool_call", "tool_result", "image", "text"} <= kinds
    image = next(b for item in items for b in item.blocks if b.kind == "image")
    assert image.title.startswith("[image: image/png")
    texts = " ".join(b.text for item in items for b in item.blocks)
    assert "iVBORw0KGgo" not in texts  # the base64 is summarised, never shown as text


def test_events_errors_and_embeddings_are_items() -> None:
    for kind, role in (
        ("tool-event", "event"),
        ("vector-db-event", "event"),
        ("data-event", "event"),
    ):
        items = build_conversation(map_request(fake_row(kind)))
        assert any(item.role == role for item in items), kind
    error_items = build_conversation(map_request(fake_row("provider-error")))
    assert error_items[-1].role == "error"
    assert error_items[-1].blocks[0].kind == "error" and error_items[-1].blocks[0].text
    embedding = build_conversation(map_request(fake_row("embedding")))
    assert any("Embedding" in b.text for item in embedding for b in item.blocks)
    image = build_conversation(map_request(fake_row("image-generation")))
    assert any(b.kind == "image" for item in image for b in item.blocks)
    gemini = build_conversation(map_request(fake_row("gemini")))
    assert any(b.kind == "tool_call" for item in gemini for b in item.blocks)


def test_long_text_is_cut_collapsed_and_whole_in_markdown() -> None:
    row = row_of(
        request_body={"model": "gpt-4o", "messages": [{"role": "user", "content": "word " * 1000}]},
        response_body={"choices": [{"message": {"role": "assistant", "content": "ok"}}]},
    )
    item = build_conversation(map_request(row))[0]
    assert is_expandable(item)
    collapsed = body_text(item, expanded=False).plain
    assert len(collapsed) < COLLAPSED_CHARS + 200 and "enter expands" in collapsed
    expanded = body_text(item, expanded=True).plain
    assert expanded.count("word") == 1000
    assert item_markdown(item).count("word") == 1000


def test_markdown_of_a_tool_call_fences_pretty_arguments() -> None:
    items = build_conversation(map_request(fake_row("openai-tool-calls")))
    item = next(i for i in items if any(b.kind == "tool_call" for b in i.blocks))
    markdown = item_markdown(item)
    assert "**tool call**" in markdown and "```json" in markdown
    call = next(b for b in item.blocks if b.kind == "tool_call")
    assert json.dumps(call.data, indent=2, ensure_ascii=False).split("\n")[1] in markdown


# -- errors, tokens, properties ----------------------------------------------------------------


def test_error_reports_say_what_to_do() -> None:
    auth = describe_error("id", AuthError("Helicone refused the API key (HTTP 401)."))
    assert "EU" in " ".join(auth.advice) and any("r to try again" in a for a in auth.advice)
    net = describe_error("id", NetworkError("Could not connect."))
    assert "network" in " ".join(net.advice).lower()
    assert "90 days" in describe_error("id", NotFoundError("id")).message
    assert describe_error("id", ServerError(500)).title.endswith("(500)")
    bug = describe_error("id", ValueError("boom"))
    assert "ValueError: boom" in bug.message
    not_stored = describe_missing_body(BodyInfo(BodyState.NOT_STORED, "Free tier limit."))
    assert not_stored is not None and "Free tier limit." in not_stored
    assert describe_missing_body(BodyInfo(BodyState.INLINE)) is None


def test_token_bar_gives_each_part_its_own_character() -> None:
    row = row_of(
        prompt_tokens=1000,
        prompt_cache_read_tokens=400,
        completion_tokens=300,
        reasoning_tokens=100,
    )
    parts = token_parts(row)
    assert [(p.label, p.count) for p in parts] == [
        ("prompt", 600),
        ("cache read", 400),
        ("completion", 200),
        ("reasoning", 100),
    ]
    bar = token_bar(parts, width=26).plain
    assert len(bar) == 26
    assert len({p.char for p in parts}) == len(parts)
    assert all(p.char in bar for p in parts)


def test_helicone_properties_and_feedback_score_are_grouped_apart() -> None:
    custom, helicone = split_properties(
        {"Helicone-Session-Id": "s1", "env": "prod", "helicone-session-path": "/a"}
    )
    assert custom == [("env", "prod")]
    assert [k for k, _ in helicone] == ["Helicone-Session-Id", "helicone-session-path"]
    scores, feedback = split_scores({"accuracy": 0.9, "helicone-score-feedback": 1})
    assert scores == [("accuracy", 0.9)] and feedback == 1


def test_lazy_conversation_builds_items_when_read_paired_as_built_all_at_once() -> None:
    for kind in dataset.ROW_KINDS:
        mapped = map_request(fake_row(kind))
        assert list(LazyConversation(mapped)) == build_conversation(mapped), kind
    mapped = map_request(fake_row("openai-tool-results"))
    items = LazyConversation(mapped)
    assert items.built == 0 and len(items) == len(build_conversation(mapped))
    last = items[-1]
    assert items.built == 1 and items[len(items) - 1] is last and items.built == 1
    # A notice shown first moves every number by one, the notes' numbers too.
    notice = ConversationItem("notice", "request", (Block("text", "body missing"),))
    shifted = LazyConversation(mapped, [notice])
    assert shifted[0] == notice and len(shifted) == len(items) + 1
    notes = [note for item in shifted for note in item.notes]
    plain = [note for item in items for note in item.notes]
    assert notes and notes != plain
    assert [re.sub(r"#\d+", "#", n) for n in notes] == [re.sub(r"#\d+", "#", n) for n in plain]
