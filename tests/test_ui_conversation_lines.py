"""The Conversation tab as one Line API widget: what it renders when, and that what it paints
stays right across resizes, scrolling, clicks, expanding and the markdown upgrade."""

from __future__ import annotations

from helicone_tui.mapping import map_request
from helicone_tui.ui.detail import compute_totals
from helicone_tui.ui.detail.conversation import ESTIMATED_ROWS, ConversationView

from .detail_support import DetailApp, fake_row, row_of, screen_strips, screen_text, show


def first_with(view: ConversationView, kind: str) -> int:
    """The index of the first item with a block of ``kind``."""
    return next(i for i, item in enumerate(view.items) if any(b.kind == kind for b in item.blocks))


def _conversation_lines(app: DetailApp) -> list[str]:
    region = app.detail.conversation.region
    return [
        strip.text[region.x : region.right]
        for strip in screen_strips(app)[region.y : region.bottom]
    ]


async def test_a_resize_rewraps_every_message_and_keeps_the_top_message() -> None:
    app = DetailApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await show(app, fake_row("500-messages"))
        view = app.detail.conversation
        view.scroll_to(y=view.message_start(200) + 1, animate=False, immediate=True)
        await pilot.pause()
        wide_rows = view.row_count
        count = len(view.items)
        top = max(i for i in range(count) if view.message_start(i) <= round(view.scroll_y))
        await pilot.resize_terminal(70, 40)
        await pilot.pause()
        await view.fully_measured.wait()
        await pilot.pause()
        # Narrower: the same messages take more rows, all measured again at the new width.
        assert view.row_count > wide_rows
        assert view.row_count == view.virtual_size.height
        assert all(len(line.rstrip()) <= view.region.width for line in _conversation_lines(app))
        # The message that was at the top still is, from its header.
        assert view.message_start(top) == round(view.scroll_y)
        assert f"#{top + 1} " in _conversation_lines(app)[0]


async def test_scrolling_into_messages_not_measured_yet_paints_them() -> None:
    app = DetailApp()
    async with app.run_test(size=(120, 40)) as pilot:
        row = fake_row("500-messages")
        view = app.detail.conversation
        app.detail.show_request(row, map_request(row), compute_totals([row]))
        await pilot.pause()
        # Jump far ahead at once, before the measuring has got there.
        view.scroll_to(y=ESTIMATED_ROWS * 400, animate=False, immediate=True)
        await pilot.pause()
        lines = _conversation_lines(app)
        assert sum("#" in line for line in lines) >= 3, "\n".join(lines)
        await view.fully_measured.wait()


async def test_a_click_moves_the_cursor_and_a_double_click_expands() -> None:
    app = DetailApp()
    async with app.run_test(size=(140, 60)) as pilot:
        await show(app, fake_row("anthropic"))
        view = app.detail.conversation
        index = first_with(view, "reasoning")
        y = view.message_start(index) - round(view.scroll_y)
        await pilot.click(view, offset=(5, y))
        await pilot.pause()
        assert view.cursor == index and not view.is_expanded(index)
        await pilot.click(view, offset=(5, y), times=2)
        await pilot.pause()
        assert view.is_expanded(index)


async def test_expand_all_and_back_on_500_messages() -> None:
    app = DetailApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await show(app, fake_row("500-messages"))
        view = app.detail.conversation
        collapsed = view.row_count
        view.focus()
        await pilot.press("e")
        await view.fully_measured.wait()
        assert all(view.is_expanded(i) for i in range(len(view.items)))
        expanded = view.row_count
        await pilot.press("e")
        await view.fully_measured.wait()
        assert view.row_count == collapsed <= expanded


async def test_markdown_upgrade_shows_links_and_markup_as_text() -> None:
    hostile = (
        "# Title\n\nSee [the docs](https://evil.example/x) and [bold red]not markup[/] "
        "and <b>raw html</b>.\n\n```python\nprint('hi')\n```"
    )
    row = row_of(
        request_body={"model": "gpt-4o", "messages": [{"role": "user", "content": hostile}]},
        response_body={"choices": [{"message": {"role": "assistant", "content": "ok"}}]},
        provider="OPENAI",
    )
    app = DetailApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await show(app, row)
        view = app.detail.conversation
        view.focus()
        await pilot.pause(0.5)
        assert view.is_upgraded(0)
        text = screen_text(app)
        assert "[bold red]not markup[/]" in text
        assert "the docs" in text and "print('hi')" in text
        # No terminal hyperlink is made from an untrusted body.
        for strip in screen_strips(app):
            for segment in strip:
                assert segment.style is None or not segment.style.link


async def test_an_empty_conversation_says_so() -> None:
    row = row_of(request_body={"model": "gpt-4o", "messages": []}, provider="OPENAI")
    app = DetailApp()
    async with app.run_test(size=(100, 20)) as pilot:
        await show(app, row)
        await pilot.pause()
        assert "no conversation to show" in screen_text(app)


async def test_dragging_the_mouse_selects_message_text_without_the_bars() -> None:
    app = DetailApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await show(app, fake_row("openai-tool-calls"))
        view = app.detail.conversation
        first = view.message_start(0) - round(view.scroll_y)
        second = view.message_start(1) - round(view.scroll_y)
        await pilot.mouse_down(view, offset=(3, first + 1))
        await pilot.hover(view, offset=(20, second + 1))
        await pilot.mouse_up(view, offset=(20, second + 1))
        await pilot.pause()
        selected = app.screen.get_selected_text()
        assert selected is not None
        system = next(b.text for b in view.items[0].blocks if b.kind == "text")
        assert selected.startswith(system[:30])
        assert "▌" not in selected and "#2" in selected
        # The selected cells are painted in the selection style.
        style = app.screen.get_component_rich_style("screen--selection")
        row = screen_strips(app)[view.region.y + first + 1]
        assert any(segment.style and segment.style.bgcolor == style.bgcolor for segment in row)


async def test_a_collapsed_tool_call_stays_one_line_when_its_message_turns_markdown() -> None:
    app = DetailApp()
    async with app.run_test(size=(140, 50)) as pilot:
        await show(app, fake_row("openai-tool-calls"))
        view = app.detail.conversation
        index = first_with(view, "tool_call")
        view.focus()
        await view.move_cursor(index)
        await pilot.pause(0.5)
        assert view.is_upgraded(index) and not view.is_expanded(index)
        text = screen_text(app)
        assert '"city": "Paris"' not in text and 'city="Paris"' in text
        await pilot.press("enter")
        await pilot.pause()
        assert '"city": "Paris"' in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert '"city": "Paris"' not in screen_text(app)


async def test_responses_instructions_show_once_and_the_count_matches() -> None:
    app = DetailApp()
    async with app.run_test(size=(140, 50)) as pilot:
        row = fake_row("openai-responses")
        await show(app, row)
        await pilot.pause()
        view = app.detail.conversation
        instructions = row.request_body["instructions"]
        texts = [b.text for item in view.items for b in item.blocks if b.kind == "text"]
        assert texts.count(instructions) == 1
        header = screen_text(app)
        assert f"· {len(view.items)} messages" in header


async def test_a_row_without_bodies_explains_it_once() -> None:
    app = DetailApp()
    async with app.run_test(size=(140, 40)) as pilot:
        await show(app, fake_row("not-stored"))
        await pilot.pause()
        text = screen_text(app)
        assert "cannot be recovered" in text
        assert "raw bodies are in the JSON tabs" not in text
        assert "unknown · 0 messages" not in text
        assert len(app.detail.conversation.items) == 1


async def test_the_header_shows_when_the_pane_is_laid_out_after_the_load() -> None:
    """The first request is loaded before the pane has a size: the header's rows, added once
    it has one, must not scroll the view."""
    app = DetailApp()
    async with app.run_test(size=(100, 16)) as pilot:  # a pane shorter than the conversation
        await show(app, fake_row("openai-tool-calls"))
        await pilot.pause()
        view = app.detail.conversation
        assert view.row_count > view.region.height
        assert view.scroll_y == 0
        assert "openai-chat ·" in _conversation_lines(app)[0]
