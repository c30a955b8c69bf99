"""`helicone-tui get` over the batched query-ids endpoint: many ids in a few round trips, full
bodies still printed (filled from signed URLs, as a single GET with includeBody would give
them), output in the order given, progress on a terminal's stderr only."""

from __future__ import annotations

import io
import json
import random
from collections import Counter
from typing import Any

from helicone_tui.client import HeliconeClient
from helicone_tui.fake import FakeHelicone
from helicone_tui.get_command import run_get
from helicone_tui.settings import Settings

from .client_support import FakeTime, make_client, row, uuid

BIG_BODY = {"model": "gpt-4o", "messages": [{"role": "user", "content": "x" * 70_000}]}


def storage_rows() -> list[dict[str, Any]]:
    return [
        row(1),  # small: inline in query-ids answers
        row(2, request_body=BIG_BODY),  # auto: too big to inline, a placeholder
        row(3, _fake={"body_storage": "placeholder"}),
        row(4, _fake={"body_storage": "signed_url_only"}),  # the server cannot read it
        row(5, _fake={"body_storage": "lost"}),  # nobody can
        row(6, storage_location="not_stored_exceeded_free"),
    ]


class Terminal(io.StringIO):
    """A stderr that says it is a terminal."""

    def isatty(self) -> bool:
        return True


class Ticking:
    """A clock that moves one second each time it is read: every fetch "takes a while"."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        self.now += 1.0
        return self.now


def get(
    fake: FakeHelicone,
    ids: list[str],
    *,
    key: str | None = None,
    as_json: bool = True,
    include_body: bool = True,
    err: io.StringIO | None = None,
    clock: Any = None,
    client: HeliconeClient | None = None,
) -> tuple[int, str, str]:
    out, err = io.StringIO(), err if err is not None else io.StringIO()
    options: dict[str, Any] = {"clock": clock} if clock is not None else {}
    code = run_get(
        Settings(api_key=key or fake.keys.write),
        ids,
        as_json=as_json,
        include_body=include_body,
        out=out,
        err=err,
        client=client or make_client(fake, key),
        **options,
    )
    return code, out.getvalue(), err.getvalue()


def endpoints(fake: FakeHelicone) -> Counter[str]:
    return Counter(logged.endpoint for logged in fake.request_log)


def test_a_thousand_ids_take_a_few_query_ids_posts_and_no_per_id_get() -> None:
    fake = FakeHelicone([row(n) for n in range(1, 1001)])
    ids = [uuid(n) for n in range(1, 1001)]
    random.Random(7).shuffle(ids)
    code, out, err = get(fake, ids)
    assert code == 0, err
    assert [r["request_id"] for r in json.loads(out)] == ids  # the order given
    calls = endpoints(fake)
    assert calls["get"] == 0
    assert 0 < calls["query-ids"] <= 10


def test_bodies_in_storage_are_printed_in_full_as_a_single_get_gives_them() -> None:
    fake = FakeHelicone(storage_rows())
    ids = [uuid(n) for n in range(1, 7)]
    code, out, err = get(fake, ids)
    assert code == 0, err
    printed = {r["request_id"]: r for r in json.loads(out)}
    for n in (1, 2, 3, 4):
        stored = fake.row(uuid(n))
        assert stored is not None
        assert printed[uuid(n)]["request_body"] == stored["request_body"], n
        assert printed[uuid(n)]["response_body"] == stored["response_body"], n
    # Only the lost body needed the API again (a GET with includeBody, as before).
    assert endpoints(fake)["get"] <= 2

    # The readable form says the same as per-id GETs did about bodies that are not there.
    code, text, _ = get(FakeHelicone(storage_rows()), ids, as_json=False)
    assert code == 0
    assert "x" * 1000 in text
    assert "not_stored: Helicone did not store this request's bodies" in text
    assert "unavailable: Helicone could not read the bodies from storage (HTTP 500" in text
    assert "the object is gone" in text


def test_no_body_sends_nothing_to_storage() -> None:
    fake = FakeHelicone(storage_rows())
    code, out, _ = get(fake, [uuid(n) for n in range(1, 7)], include_body=False)
    assert code == 0
    assert "fetching body from signed_url" in out  # the placeholder, as --no-body promises
    assert endpoints(fake)["signed-url"] == 0 and endpoints(fake)["get"] == 0


def test_not_found_ids_fail_with_exit_1_and_found_rows_keep_their_order() -> None:
    fake = FakeHelicone([row(n) for n in range(1, 80)])
    ids = [uuid(70), uuid(999), *(uuid(n) for n in range(1, 60)), uuid(998)]
    code, out, err = get(fake, ids)
    assert code == 1
    missing = {uuid(998), uuid(999)}
    assert [r["request_id"] for r in json.loads(out)] == [i for i in ids if i not in missing]
    assert f"{uuid(999)}: Request {uuid(999)} was not found" in err
    assert uuid(998) in err and "90 days" in err


def test_a_read_only_key_still_gets_every_row_with_its_bodies() -> None:
    fake = FakeHelicone(storage_rows() + [row(n) for n in range(10, 70)])
    ids = [uuid(n) for n in range(10, 70)] + [uuid(2), uuid(3)]
    code, out, err = get(fake, ids, key=fake.keys.read_only)
    assert code == 0, err
    printed = json.loads(out)
    assert [r["request_id"] for r in printed] == ids
    assert printed[-2]["request_body"] == BIG_BODY


def test_a_refused_key_is_said_once_and_exits_2() -> None:
    fake = FakeHelicone([row(n) for n in range(1, 200)])
    bad = "sk-helicone-zzzzzzz-zzzzzzz-zzzzzzz-zzzzzzz"
    code, out, err = get(fake, [uuid(n) for n in range(1, 200)], key=bad)
    assert code == 2
    assert json.loads(out) == []
    assert err.count("refused the API key") == 1
    assert "--region eu" in err  # no base URL was given explicitly: the region can help


def test_progress_goes_to_a_terminal_stderr_never_to_stdout() -> None:
    fake = FakeHelicone([row(n) for n in range(1, 401)])
    ids = [uuid(n) for n in range(1, 401)]
    terminal = Terminal()
    code, out, err = get(fake, ids, err=terminal, clock=Ticking())
    assert code == 0
    assert "fetched 400 / 400" in err
    assert "fetched" not in out and "\r" not in out
    assert [r["request_id"] for r in json.loads(out)] == ids
    assert err.endswith("\r\x1b[K")  # the line is erased once done


def test_no_progress_when_stderr_is_not_a_terminal_or_the_fetch_is_quick() -> None:
    fake = FakeHelicone([row(n) for n in range(1, 401)])
    ids = [uuid(n) for n in range(1, 401)]
    _, _, err = get(fake, ids, clock=Ticking())
    assert err == ""
    _, _, err = get(fake, ids, err=Terminal(), clock=lambda: 0.0)
    assert err == ""


def test_progress_says_when_a_read_only_key_makes_it_slow() -> None:
    fake = FakeHelicone([row(n) for n in range(1, 101)])
    client = make_client(fake, fake.keys.read_only, time=FakeTime())
    _, _, err = get(
        fake,
        [uuid(n) for n in range(1, 101)],
        key=fake.keys.read_only,
        err=Terminal(),
        clock=Ticking(),
        client=client,
    )
    assert "fetched 100 / 100 (read-only key: one paced GET per id" in err
