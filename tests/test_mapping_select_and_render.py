"""Mapper selection rules, data-URL summaries, asset tags and the Markdown renderer."""

from __future__ import annotations

import pytest

from helicone_tui.mapping import (
    conversation_to_markdown,
    map_request,
    summarize_data_url,
    summarize_data_urls_in,
)
from helicone_tui.mapping.assets import replace_assets
from helicone_tui.mapping.render import fence
from helicone_tui.mapping.select import mapper_for, select_mapper
from helicone_tui.models import HeliconeRequest


@pytest.mark.parametrize(
    ("model", "provider", "url", "expected"),
    [
        ("gpt-4o", "OPENAI", "https://api.openai.com/v1/chat/completions", "openai-chat"),
        ("gpt-4o", "OPENAI", "https://api.openai.com/v1/responses", "openai-response"),
        ("anything", "GOOGLE", "", "gemini-chat"),
        ("custom-gemini-model", "OPENAI", "", "openai-chat"),
        ("claude-3-5-haiku", "OPENROUTER", "", "anthropic-chat"),
        ("x", "ANTHROPIC", "", "anthropic-chat"),
        ("dall-e-2", "OPENAI", "", "openai-image"),
        ("black-forest-labs/FLUX.1-schnell", "TOGETHER", "", "black-forest-labs-image"),
        ("text-embedding-ada-002", "OPENAI", "", "openai-embedding"),
        ("text-moderation-latest", "OPENAI", "", "openai-moderation"),
        ("gpt-3.5-turbo-instruct", "OPENAI", "", "openai-instruct"),
        ("Mistral-7B-Instruct", "TOGETHER", "", "openai-chat"),
        ("gpt-4o-realtime-preview", "OPENAI", "", "openai-realtime"),
        ("llama-4", "LLAMA", "", "llama-chat"),
        ("gpt-4o", "VERCEL", "", "vercel-chat"),
    ],
)
def test_mapper_rules(model: str, provider: str, url: str, expected: str) -> None:
    assert mapper_for(model, provider, url.lower()) == expected


def test_event_marker_and_gateway_come_before_model_rules() -> None:
    tool = HeliconeRequest(request_id="t", model="gpt-4o", provider="OPENAI")
    assert select_mapper(tool, {"_type": "tool"}, {}) == "tool"
    gateway = HeliconeRequest(
        request_id="g",
        model="claude-3",
        provider="anthropic",
        request_referrer="ai-gateway",
        ai_gateway_body_mapping="OPENAI",
    )
    assert select_mapper(gateway, {"messages": []}, {}) == "openai-chat"
    gateway.ai_gateway_body_mapping = "RESPONSES"
    assert select_mapper(gateway, {"input": "x"}, {}) == "openai-response"


def test_summarize_data_url() -> None:
    url = "data:image/png;base64," + "A" * 46_720
    assert summarize_data_url(url) == "[image: image/png, 34.2 KB base64]"
    assert summarize_data_url("data:audio/wav;base64,AAAA") == "[audio: audio/wav, 3 B base64]"
    assert summarize_data_url("https://x/y.png") == "https://x/y.png"
    assert summarize_data_url("data:image/1") == "data:image/1"
    text = f"see {url} and data:image/png;base64,AAAA"
    assert summarize_data_urls_in(text) == (
        "see [image: image/png, 34.2 KB base64] and data:image/png;base64,AAAA"
    )


def test_replace_assets_keeps_unknown_keys() -> None:
    value = {"a": ['<helicone-asset-id key="k1"/>', "<helicone-asset-id key='k2' />"]}
    replace_assets(value, {"k1": "https://s/1"})
    assert value == {"a": ["https://s/1", "<helicone-asset-id key='k2' />"]}


def test_fence_is_longer_than_any_backtick_run_inside() -> None:
    assert fence("a ```` b").startswith("`````\n")


def test_unmappable_row_markdown_shows_reason_and_bodies() -> None:
    mapped = map_request(HeliconeRequest(request_id="u", request_body="not json", response_body=7))
    assert not mapped.mapped and mapped.mapper == "unknown"
    markdown = conversation_to_markdown(mapped)
    assert "Neither body is a JSON object" in markdown
    assert "not json" in markdown


def test_placeholder_and_not_stored_rows_say_why() -> None:
    placeholder = '{"helicone_message": "fetching body from signed_url... contact support"}'
    mapped = map_request(
        HeliconeRequest(request_id="p", request_body=placeholder, response_body=placeholder)
    )
    assert "object storage" in (mapped.unmappable_reason or "")
    not_stored = map_request(
        HeliconeRequest(request_id="n", storage_location="not_stored_exceeded_free")
    )
    assert "did not store" in (not_stored.unmappable_reason or "")


def test_plain_text_error_body_is_kept_readable() -> None:
    mapped = map_request(
        HeliconeRequest(
            request_id="x",
            model="gpt-4o",
            provider="OPENAI",
            response_status=502,
            request_body={"messages": [{"role": "user", "content": "hi"}]},
            response_body="<html>Bad Gateway</html>",
        )
    )
    assert mapped.mapped and mapped.status.kind == "error" and mapped.status.code == 502
    assert mapped.error_message == "<html>Bad Gateway</html>"


def test_unresolved_asset_placeholder_is_named_not_linked() -> None:
    mapped = map_request(
        HeliconeRequest(
            request_id="a",
            model="gpt-4o",
            provider="OPENAI",
            response_status=200,
            request_body={
                "messages": [
                    {
                        "role": "user",
                        "content": [
                            {
                                "type": "image_url",
                                "image_url": {"url": '<helicone-asset-id key="as_1"/>'},
                            }
                        ],
                    }
                ]
            },
        )
    )
    markdown = conversation_to_markdown(mapped)
    assert "[image: Helicone asset as_1, no signed URL in this row]" in markdown
    assert "![image](<helicone" not in markdown


def test_tool_result_part_inside_a_user_turn_is_labelled() -> None:
    mapped = map_request(
        HeliconeRequest(
            request_id="t",
            model="claude-3",
            provider="ANTHROPIC",
            response_status=200,
            request_body={
                "messages": [
                    {
                        "role": "user",
                        "content": [
                            {"type": "tool_result", "tool_use_id": "tu_1", "content": "42"}
                        ],
                    }
                ]
            },
        )
    )
    assert "**Tool result** (for `tu_1`)\n\n42" in conversation_to_markdown(mapped)
