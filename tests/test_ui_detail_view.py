"""`DetailView` mounted in a tiny app: each tab's content for realistic rows, states, keys."""

from __future__ import annotations

import json
import re
from typing import Any

from helicone_tui.client.errors import AuthError, NetworkError
from helicone_tui.fake import dataset
from helicone_tui.mapping import map_request
from helicone_tui.models import HeliconeRequest
from helicone_tui.ui.detail import compute_totals

from .detail_support import (
    DetailApp,
    cursor_rows,
    fake_row,
    message_rows,
    renderable_text,
    row_of,
    screen_text,
    show,
)
from .ui_support import wait_for


async def test_empty_loading_and_error_states() -> None:
    app = DetailApp()
    async with app.run_test(size=(100, 30)) as pilot:
        view = app.detail
        assert view.state == "detail-empty"
        view.show_loading("abc-123")
        await pilot.pause()
        assert view.state == "detail-loading" and "abc-123" in screen_text(app)
        view.show_error("abc-123", AuthError("Helicone refused the API key (HTTP 401)."))
        await pilot.pause()
        text = screen_text(app)
        assert view.state == "detail-error"
        assert "refused the API key" in text and "EU" in text and "Press r to try again" in text
        view.show_error("abc-123", NetworkError("Could not connect to Helicone."))
        await pilot.pause()
        assert "network connection" in screen_text(app)
        view.show_empty()
        await pilot.pause()
        assert view.state == "detail-empty"


async def test_conversation_tab_shows_roles_tool_calls_and_results() -> None:
    app = DetailApp()
    async with app.run_test(size=(140, 60)) as pilot:
        await show(app, fake_row("openai-tool-results"))
        await pilot.pause()
        text = screen_text(app)
        assert "#1 system" in text and "user" in text and "assistant" in text
        assert "⚙ " in text and "→ result in #" in text
        assert "returned" in text and "result of" in text
        assert app.detail.active_tab == 0


async def test_anthropic_reasoning_is_collapsed_until_expanded() -> None:
    app = DetailApp()
    async with app.run_test(size=(140, 60)) as pilot:
        await show(app, fake_row("anthropic"))
        await pilot.pause()
        conversation = app.detail.conversation
        text = screen_text(app)
        assert "▸ reasoning" in text and "▣ image: [image: image/png" in text
        index = next(
            i
            for i, item in enumerate(conversation.items)
            if any(b.kind == "reasoning" for b in item.blocks)
        )
        reasoning = next(b.text for b in conversation.items[index].blocks if b.kind == "reasoning")
        assert reasoning[:40] not in text
        conversation.focus()
        await conversation.move_cursor(index)
        await pilot.press("enter")
        await pilot.pause()
        assert conversation.is_expanded(index)
        assert reasoning.split()[0] in screen_text(app)


async def test_keys_move_the_cursor_and_copy_gives_the_focused_message() -> None:
    app = DetailApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await show(app, fake_row("openai-tool-calls"))
        conversation = app.detail.conversation
        conversation.focus()
        await pilot.press("j", "j")
        await pilot.pause()
        assert conversation.cursor == 2
        assert cursor_rows(app) == message_rows(conversation, 2)
        markdown = app.detail.focused_message_markdown()
        assert markdown is not None and markdown.startswith(f"### {conversation.items[2].label}")
        await pilot.press("k")
        assert conversation.cursor == 1
        await pilot.press("G")
        assert conversation.cursor == len(conversation.items) - 1
        await pilot.press("e")
        await pilot.pause()
        assert all(conversation.is_expanded(i) for i in range(len(conversation.items)))


async def test_resting_cursor_upgrades_only_its_message_to_markdown() -> None:
    app = DetailApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await show(app, fake_row("anthropic"))
        conversation = app.detail.conversation
        count = len(conversation.items)
        assert not any(conversation.is_upgraded(i) for i in range(count))
        conversation.focus()
        await pilot.press("j")
        await pilot.pause(0.5)
        assert [i for i in range(count) if conversation.is_upgraded(i)] == [1]


async def test_500_messages_render_only_the_first_screen_before_the_first_paint() -> None:
    app = DetailApp()
    async with app.run_test(size=(120, 40)) as pilot:
        view = app.detail
        await show(app, fake_row("500-messages"))
        await pilot.pause()
        [(shown, total)] = app.first_paints
        assert 0 < shown < 20 and total >= 500
        # Measured after the first paint: every message rendered, the scroll height exact.
        assert view.conversation.rendered == len(view.conversation.items) >= 500
        assert view.conversation.row_count == view.conversation.virtual_size.height
        view.conversation.focus()
        await pilot.press("G")
        await pilot.pause()
        assert f"#{len(view.conversation.items)}" in screen_text(app)


async def test_tokens_cost_and_properties_tabs() -> None:
    app = DetailApp()
    async with app.run_test(size=(140, 60)) as pilot:
        row = fake_row("anthropic")
        others = [fake_row("simple"), fake_row("cached")]
        view = app.detail
        view.show_request(row, map_request(row), compute_totals([row]))
        await pilot.pause()
        tokens = renderable_text(view.tokens.renderable)
        assert (
            "cache read" in tokens
            and "Time to first token" in tokens
            and "Output tokens / s" in tokens
        )
        assert "█" in tokens and "▓" in tokens
        cost = renderable_text(view.cost.renderable)
        assert "Per 1k tokens" in cost and "Requests       1" in cost
        view.update_totals(compute_totals([row, *others]))
        cost = renderable_text(view.cost.renderable)
        assert "Requests       3" in cost
        assert "gpt-4.1-mini" in cost and "claude-sonnet-4" in cost
        props = renderable_text(view.properties.renderable)
        for label in ("Request id", "Provider", "Parameters", "max_tokens", "Cache", "Created"):
            assert label in props
        view.select_tab(3)
        await pilot.pause()
        assert "Properties" in screen_text(app)


async def test_properties_mask_keys_group_helicone_keys_and_use_local_time() -> None:
    app = DetailApp()
    async with app.run_test(size=(160, 60)) as pilot:
        row = row_of(
            target_url="https://generativelanguage.googleapis.com/v1/models:generate?key=AIzaSECRET&alt=sse",
            request_created_at="2025-06-01T12:00:00.000Z",
            properties={"Helicone-Session-Id": "sess-1", "team": "search"},
            scores={"helicone-score-feedback": 1, "accuracy": 0.75},
            feedback_rating=True,
            cache_enabled=True,
            request_body={"model": "gpt-4o", "messages": [], "temperature": 0.2},
        )
        view = app.detail
        view.show_request(row, map_request(row), compute_totals([row]))
        await pilot.pause()
        props = renderable_text(view.properties.renderable)
        assert "?key=***&alt=sse" in props and "AIzaSECRET" not in props
        helicone_at = props.index("Helicone\n")
        assert props.index("team") < helicone_at < props.index("Helicone-Session-Id")
        assert "accuracy" in props and "Feedback score" in props and "positive" in props
        from helicone_tui.formatting import format_local_time

        assert format_local_time("2025-06-01T12:00:00.000Z") in props
        assert "temperature" in props


async def test_json_tabs_are_formatted_when_shown_and_explain_missing_bodies() -> None:
    app = DetailApp()
    async with app.run_test(size=(120, 40)) as pilot:
        view = app.detail
        row = fake_row("simple")
        view.show_request(row, map_request(row), compute_totals([row]))
        await pilot.pause()
        assert view.request_body.view.line_count == 0  # not formatted until its tab is shown
        view.select_tab(4)
        await view.request_body.loaded.wait()
        assert view.request_body.view.line_count > 3
        # Switching tabs takes a refresh or two (more on a busy machine): wait for the paint.
        await wait_for(pilot, lambda: '"messages": [' in screen_text(app), "request JSON")
        view.next_tab()
        await view.response_body.loaded.wait()
        await wait_for(pilot, lambda: '"choices": [' in screen_text(app), "response JSON")
        missing = fake_row("not-stored")
        view.show_request(missing, map_request(missing), compute_totals([missing]))
        await view.response_body.loaded.wait()
        await pilot.pause()
        text = screen_text(app)
        assert "did not store" in text
        view.select_tab(0)
        await view.conversation.fully_measured.wait()
        await pilot.pause()
        assert "did not store" in screen_text(app)


async def test_tabs_cycle_with_next_and_prev() -> None:
    app = DetailApp()
    async with app.run_test(size=(120, 40)) as pilot:
        view = app.detail
        await show(app, fake_row("simple"))
        view.prev_tab()
        assert view.active_tab == 5
        view.next_tab()
        view.next_tab()
        assert view.active_tab == 1
        view.select_tab(2)
        await pilot.pause()
        assert view.active_tab == 2 and "All loaded requests" in screen_text(app)


async def test_five_megabyte_body_paints_only_visible_lines() -> None:
    # ~5 MB, ~159k pretty-printed lines.
    body = {"items": [{"id": i, "text": "lorem ipsum " * 10} for i in range(39_750)]}
    row = row_of(request_body=body, response_body={})
    app = DetailApp()
    async with app.run_test(size=(120, 40)) as pilot:
        view = app.detail
        view.show_request(row, map_request(row), compute_totals([row]))
        view.select_tab(4)
        await view.request_body.loaded.wait()
        await pilot.pause()
        json_view = view.request_body.view
        assert len(json.dumps(body)) > 5_000_000
        assert json_view.line_count == 4 * 39_750 + 4
        assert 0 < json_view.lines_rendered <= 40
        assert re.search(r"JSON · 159,\d{3} lines", screen_text(app))
        json_view.focus()
        await pilot.press("G")
        await pilot.pause()
        assert json_view.lines_rendered <= 200  # a few screens, never the body
        assert json_view.scroll_y == json_view.max_scroll_y
        assert '"text": "lorem ipsum' in screen_text(app)


async def test_work_before_the_first_paint_is_bounded_by_the_viewport_not_the_length() -> None:
    """Only the first screen's items are built and mounted before the first paint: as many for
    500 or 1,000 messages as the viewport holds, and the 5-message row shows all of it."""
    raw = next(r for r in dataset.builtin_rows() if r["request_id"] == dataset.ID_500_MESSAGES)
    messages = raw["request_body"]["messages"]

    def with_messages(kept: list[Any]) -> HeliconeRequest:
        return HeliconeRequest.model_validate(
            {**raw, "request_body": {**raw["request_body"], "messages": kept}}
        )

    five, thousand = with_messages(messages[:5]), with_messages(messages * 2)
    app = DetailApp()
    rows = 40
    async with app.run_test(size=(120, rows)) as pilot:
        counts = []
        for row in (five, fake_row("500-messages"), thousand, five):
            await show(app, row)
            await pilot.pause()
            event = app.first_paint_events[-1]
            counts.append((event.shown, event.built, event.total))
        (five_shown, five_built, five_total), long, longer, again = counts
        assert five_shown == five_built == five_total <= 6
        assert again == counts[0]
        assert long[2] > 500 and longer[2] > 1000
        # A message takes at least two rows (its header and its margin).
        assert long[:2] == longer[:2]
        assert 5 < long[0] == long[1] <= rows // 2 + 2
