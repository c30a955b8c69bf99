"""Extracting request ids from anything pasted."""

from __future__ import annotations

import uuid

from helicone_tui.ids import MAX_IGNORED_SAMPLES, extract_ids, is_request_id

A = "3fa85f64-5717-4562-b3fc-2c963f66afa6"
B = "0b4a6c2e-9f0d-4c4e-8a51-1d2e3f405162"
C = "c0ffee00-1234-4abc-8def-0123456789ab"


def test_separators_spaces_commas_newlines_and_semicolons() -> None:
    found = extract_ids(f"{A}, {B}\n{C};  ")
    assert found.ids == [A, B, C]
    assert found.ignored_count == 0


def test_duplicates_dropped_case_insensitively_in_first_seen_order() -> None:
    found = extract_ids(f"{B} {A} {B.upper()} {A}")
    assert found.ids == [B, A]
    assert found.duplicates == 2


def test_log_lines_keep_ids_and_report_ignored_tokens() -> None:
    found = extract_ids(f'2025-06-01 INFO request_id="{A}" done\nERROR id={B}')
    assert found.ids == [A, B]
    assert found.ignored == ["2025-06-01", "INFO", "done", "ERROR"]
    assert found.ignored_count == 4
    assert "ignored 4 tokens: 2025-06-01, INFO, done and 1 more" in found.summary()


def test_dashboard_link_takes_the_request_id_not_other_uuids() -> None:
    link = f"https://us.helicone.ai/requests?user={C}&requestId={A}"
    assert extract_ids(link).ids == [A]
    assert extract_ids(f"https://eu.helicone.ai/requests?requestId={B}").ids == [B]


def test_ids_inside_json_are_found() -> None:
    assert extract_ids(f'[{{"id": "{A}"}}, {{"id": "{B}"}}]').ids == [A, B]


def test_longer_hex_runs_are_not_cut_into_ids() -> None:
    assert extract_ids(A + "ff").ids == []
    assert extract_ids("ff" + A).ids == []


def test_nothing_found_summary() -> None:
    found = extract_ids("hello world")
    assert found.ids == []
    assert found.summary() == "Found 0 ids; ignored 2 tokens: hello, world."


def test_ignored_samples_are_capped() -> None:
    found = extract_ids(" ".join(f"word{i}" for i in range(1000)))
    assert found.ignored_count == 1000
    assert len(found.ignored) == MAX_IGNORED_SAMPLES


def test_ten_thousand_ids() -> None:
    ids = [str(uuid.uuid4()) for _ in range(10_000)]
    found = extract_ids("\n".join(ids) + "\n" + ids[0])
    assert found.ids == ids
    assert found.duplicates == 1


def test_is_request_id() -> None:
    assert is_request_id(f" {A} ")
    assert not is_request_id(A[:-1])
