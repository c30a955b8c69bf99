"""Error messages read as sentences: server text joined to advice gets its full stop, a quoted
message that had one does not get a second, and server text stays terminal-safe."""

from __future__ import annotations

import pytest

from helicone_tui.client import HeliconeError, NetworkError, NotFoundError, ServerError
from helicone_tui.client.errors import end_sentence, join_sentences
from helicone_tui.fake import FakeHelicone

from .client_support import make_client, row, uuid


def test_server_text_gets_a_full_stop_before_the_advice() -> None:
    error = ServerError(500, "Internal Server Error")
    assert str(error) == (
        "Helicone answered HTTP 500: Internal Server Error. "
        "This is on the server's side: retry in a moment."
    )


def test_a_quoted_message_that_had_its_full_stop_gets_no_second() -> None:
    error = NetworkError(
        "Cannot reach x: Request URL is missing an 'http://' or 'https://' protocol..",
        hint="Check the base URL.",
    )
    assert ".." not in str(error)
    assert str(error).endswith("protocol. Check the base URL.")


@pytest.mark.parametrize(
    ("text", "ended"),
    [
        ("Not Found", "Not Found."),
        ("Not Found.", "Not Found."),
        ("Not Found..", "Not Found."),
        ("wait...", "wait..."),
        ("Really?", "Really?"),
        ("Bad gateway \n", "Bad gateway."),
        ("(Invalid token.)", "(Invalid token.)."),
        ("", ""),
    ],
)
def test_end_sentence(text: str, ended: str) -> None:
    assert end_sentence(text) == ended


def test_join_sentences_skips_empty_parts() -> None:
    assert join_sentences("A", None, " ", "b.") == "A. b."


def test_messages_without_a_hint_and_known_sentences_are_unchanged() -> None:
    assert str(HeliconeError("Plain.")) == "Plain."
    assert str(NotFoundError("x")).startswith("Request x was not found. The API only looks")


def test_hostile_server_text_stays_visible_not_obeyed() -> None:
    error = ServerError(502, "\x1b]52;c;aGk=\x07\x1b[2J")
    text = str(error)
    assert "\x1b" not in text and "\x07" not in text
    assert text.endswith(". This is on the server's side: retry in a moment.")


async def test_a_500_from_the_server_reads_as_two_sentences() -> None:
    fake = FakeHelicone([row(1)])
    fake.set_faults(status_500=1.0)
    async with make_client(fake, max_retries=0) as client:
        results = await client.query_ids([uuid(1)])
    message = str(results[0].error)
    assert "Internal Server Error. This is on the server's side" in message
