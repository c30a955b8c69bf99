"""Tool / vector-db / data events: their details are shown, not just their kind."""

from __future__ import annotations

from helicone_tui.mapping import map_request
from helicone_tui.ui.detail.conversation_header import conversation_header
from helicone_tui.ui.detail.conversation_items import build_conversation
from helicone_tui.ui.detail.message_render import is_expandable, render_item

from .detail_support import DetailApp, fake_row, row_of, screen_text, show


async def test_tool_event_shows_tool_name_input_and_result() -> None:
    app = DetailApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await show(app, fake_row("tool-event"))
        await pilot.pause()
        text = screen_text(app)
        assert "tool event · WeatherAPI" in text and "0 messages" not in text
        assert "toolName: WeatherAPI" in text
        assert '"city": "Tokyo"' in text  # the input, pretty-printed
        assert "status: success" in text and "Tokyo: 21.0 °C" in text


async def test_vector_db_and_data_events_show_their_details() -> None:
    app = DetailApp()
    async with app.run_test(size=(120, 50)) as pilot:
        await show(app, fake_row("vector-db-event"))
        await pilot.pause()
        text = screen_text(app)
        assert "vector-db event · search on travel-kb" in text
        assert "databaseName: travel-kb" in text and "topK: 3" in text
        assert "vector: 8-dim vector" in text and "0.0123" not in text
        assert '"doc_type": "travel-advisory"' in text
        assert "actualSimilarity: 0.91" in text and "destination: Japan" in text
        await show(app, fake_row("data-event"))
        await pilot.pause()
        text = screen_text(app)
        assert "data event · itinerary-draft" in text and '"traveller": "alice"' in text
        assert "Saved itinerary draft" in text


def test_long_event_input_is_cut_until_expanded() -> None:
    details = {"toolName": "Search", "input": {"rows": [f"row {i}" for i in range(200)]}}
    row = row_of(
        request_body={"_type": "tool", "toolName": "Search", "input": details["input"]},
        response_body={"_type": "tool", "toolName": "Search", "status": "success"},
        request_path="/v1/tools/Search",
        provider="TOOL",
        model="tool:Search",
    )
    mapped = map_request(row)
    assert conversation_header(mapped).plain.startswith("tool event · Search")
    item = build_conversation(mapped)[0]
    assert is_expandable(item)
    collapsed = render_item(item, 1, expanded=False).plain
    expanded = render_item(item, 1, expanded=True).plain
    assert '"row 10"' in collapsed and '"row 199"' not in collapsed and "enter expands" in collapsed
    assert '"row 199"' in expanded
