"""openai-embedding, openai-image and black-forest-labs-image with our own rows."""

from __future__ import annotations

from typing import Any

from helicone_tui.mapping import conversation_to_markdown, map_request
from helicone_tui.models import HeliconeRequest


def row(model: str, request: Any, response: Any, **extra: Any) -> HeliconeRequest:
    fields: dict[str, Any] = {"provider": "OPENAI", "response_status": 200, **extra}
    return HeliconeRequest(
        request_id="r", model=model, request_body=request, response_body=response, **fields
    )


def test_embedding_vectors_are_shown_by_their_head() -> None:
    mapped = map_request(
        row(
            "text-embedding-3-small",
            {"model": "text-embedding-3-small", "input": ["a", "b"]},
            {
                "data": [
                    {"index": 0, "embedding": [0.1, 2, -0.0000004, 1e-7, 3.25, 9.9]},
                    {"index": 1, "embedding": "AAAAgD8="},
                ]
            },
        )
    )
    assert mapped.mapper == "openai-embedding"
    request = mapped.schema.to_json_dict()["request"]
    assert request["input"] == ["a", "b"] and request["messages"][0]["content"] == "a\nb"
    first, second = mapped.schema.to_json_dict()["response"]["messages"]
    assert first["content"] == (
        "Embedding 0: [0.100000, 2.000000, -0.000000, 0.000000, 3.250000...]"
    )
    assert second["content"] == "Embedding 1: [base64, 8 chars]"
    assert mapped.preview.request == "a b"


def test_embedding_selected_by_path_for_unknown_model() -> None:
    mapped = map_request(
        row("my-embedder", {"input": "x"}, {"data": []}, target_url="https://h/v1/embeddings")
    )
    assert mapped.mapper == "openai-embedding"


def test_gpt_image_b64_uses_output_format_and_is_summarised_in_markdown() -> None:
    b64 = "Q" * 1000
    mapped = map_request(
        row(
            "gpt-image-1",
            {
                "model": "gpt-image-1",
                "prompt": "a fox",
                "size": "1024x1024",
                "output_format": "webp",
            },
            {"data": [{"b64_json": b64}, {"url": "https://img.example/2.png"}]},
        )
    )
    assert mapped.mapper == "openai-image"
    first, second = mapped.schema.to_json_dict()["response"]["messages"]
    assert first["image_url"] == f"data:image/webp;base64,{b64}"
    assert second["image_url"] == "https://img.example/2.png"
    assert mapped.schema.to_json_dict()["request"]["size"] == "1024x1024"
    markdown = conversation_to_markdown(mapped)
    assert "[image: image/webp, 750 B base64]" in markdown and b64 not in markdown


def test_image_error_preview_is_the_provider_message() -> None:
    mapped = map_request(
        row(
            "dall-e-3",
            {"prompt": "x"},
            {"error": {"message": "safety system"}},
            response_status=400,
        )
    )
    assert mapped.preview.response == "safety system"
    assert mapped.error_message == "safety system"


def test_black_forest_labs_base64_and_url() -> None:
    mapped = map_request(
        row(
            "black-forest-labs/FLUX.1-dev",
            {"prompt": "castle"},
            {"data": [{"b64_json": "/9j/4AAQ"}, {"url": "https://img.example/3.jpg"}]},
            provider="TOGETHER",
        )
    )
    assert mapped.mapper == "black-forest-labs-image"
    first, second = mapped.schema.to_json_dict()["response"]["messages"]
    assert first["image_url"] == "data:image/jpeg;base64,/9j/4AAQ"
    assert second["image_url"] == "https://img.example/3.jpg"
    assert mapped.preview.response == "Image generated successfully"
