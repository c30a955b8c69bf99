"""The fake over a real loopback socket (port 0), and its command line."""

from __future__ import annotations

import argparse
import ast
import io
import json
import threading
from pathlib import Path

import httpx
import pytest

import helicone_tui.fake as fake_package
from helicone_tui.fake import FakeHelicone, builtin_rows, serve_in_thread, synthetic_rows
from helicone_tui.fake.cli import add_fake_server_arguments, banner, build_fake, run_fake_server
from helicone_tui.fake.dataset import DEMO_IDS, ID_5MB, ID_BODY_SIGNED_URL_ONLY
from helicone_tui.fake.keys import EU_WRITE_KEY, US_READ_ONLY_KEY, US_WRITE_KEY

ROWS = synthetic_rows(30)


def parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    add_fake_server_arguments(parser)
    return parser.parse_args(list(argv))


# -- loopback -----------------------------------------------------------------------------


async def test_loopback_serves_both_endpoints_and_reuses_the_connection() -> None:
    fake = FakeHelicone([dict(r) for r in ROWS])
    with serve_in_thread(fake) as running:
        assert running.url == f"http://127.0.0.1:{running.port}" and running.port > 0
        assert fake.base_url == running.url
        ids = fake.request_ids
        async with httpx.AsyncClient(
            base_url=running.url, headers={"Authorization": f"Bearer {fake.keys.write}"}
        ) as c:
            batch = await c.post("/v1/request/query-ids", json={"requestIds": ids})
            assert batch.status_code == 200
            assert [r["request_id"] for r in batch.json()["data"]] == ids
            one = await c.get(f"/v1/request/{ids[0]}", params={"includeBody": "true"})
            assert one.json()["data"]["request_id"] == ids[0]
            assert one.headers["content-length"] == str(len(one.content))
            assert one.http_version == "HTTP/1.1"
            # One pooled keep-alive connection served both requests.
            pool = c._transport._pool  # type: ignore[attr-defined]
            assert len(pool.connections) == 1


async def test_loopback_signed_url_points_at_the_real_port_and_needs_no_key() -> None:
    fake = FakeHelicone()
    with serve_in_thread(fake) as running:
        async with httpx.AsyncClient(
            base_url=running.url, headers={"Authorization": f"Bearer {fake.keys.write}"}
        ) as c:
            row = (await c.get(f"/v1/request/{ID_BODY_SIGNED_URL_ONLY}")).json()["data"]
            url = row["signed_body_url"]
            assert url.startswith(running.url + "/__s3/")
            leaked = await c.get(url)
            assert leaked.status_code == 400
        async with httpx.AsyncClient() as bare:
            body = await bare.get(url)
        assert body.status_code == 200
        assert set(body.json()) == {"request", "response"}
        signed = [e for e in fake.request_log if e.endpoint == "signed-url"]
        assert [e.authorization_sent for e in signed] == [True, False]


async def test_loopback_5mb_body_arrives_whole() -> None:
    fake = FakeHelicone()
    with serve_in_thread(fake) as running:
        async with httpx.AsyncClient(
            base_url=running.url, headers={"Authorization": f"Bearer {fake.keys.write}"}
        ) as c:
            response = await c.get(f"/v1/request/{ID_5MB}", params={"includeBody": "true"})
    assert response.status_code == 200
    assert len(response.content) > 4_500_000
    assert response.json()["data"]["request_id"] == ID_5MB


async def test_admin_endpoint_switches_faults_while_the_server_runs() -> None:
    fake = FakeHelicone([dict(r) for r in ROWS])
    with serve_in_thread(fake) as running:
        async with httpx.AsyncClient(
            base_url=running.url, headers={"Authorization": f"Bearer {fake.keys.write}"}
        ) as c:
            url = f"/v1/request/{fake.request_ids[0]}"
            assert (await c.get(url)).status_code == 200
            put = await c.put("/__admin/faults", json={"status_429": 1, "retry_after": 3})
            assert put.json()["status_429"] == 1
            limited = await c.get(url)
            assert limited.status_code == 429
            assert limited.headers["retry-after"] == "3"
            assert (await c.get("/__admin/faults")).json()["retry_after"] == 3
            await c.post("/__admin/reset")
            assert (await c.get(url)).status_code == 200
            log = (await c.get("/__admin/log")).json()
            assert log[-1]["endpoint"] == "get"


async def test_dropped_connection_closes_the_socket_without_an_answer() -> None:
    fake = FakeHelicone([dict(r) for r in ROWS])
    with serve_in_thread(fake) as running:
        async with httpx.AsyncClient(
            base_url=running.url, headers={"Authorization": f"Bearer {fake.keys.write}"}
        ) as c:
            fake.set_faults(drop_connection=1)
            with pytest.raises(httpx.RemoteProtocolError):
                await c.get(f"/v1/request/{fake.request_ids[0]}")
            fake.set_faults(drop_connection=0)
            assert (await c.get(f"/v1/request/{fake.request_ids[0]}")).status_code == 200


def test_stop_ends_the_thread_and_frees_the_port() -> None:
    fake = FakeHelicone([dict(r) for r in ROWS])
    running = serve_in_thread(fake)
    with httpx.Client(base_url=running.url) as c:
        assert c.get("/__admin/faults").status_code == 200
        running.stop()
    assert not any(t.name == f"fake-helicone:{running.port}" for t in threading.enumerate())
    with pytest.raises(httpx.ConnectError):
        httpx.get(running.url + "/__admin/faults", timeout=2)
    running.stop()  # idempotent


# -- CLI ------------------------------------------------------------------------------------


def test_banner_prints_url_keys_ids_and_an_example_command() -> None:
    fake = FakeHelicone()
    text = banner(fake, "http://127.0.0.1:8585")
    assert "http://127.0.0.1:8585" in text
    for key in (US_WRITE_KEY, US_READ_ONLY_KEY, EU_WRITE_KEY):
        assert key in text
    assert "read-only" in text and "EU key" in text
    assert DEMO_IDS[0] in text
    assert (
        f"HELICONE_BASE_URL=http://127.0.0.1:8585 HELICONE_API_KEY={US_WRITE_KEY} "
        f"helicone-tui get {DEMO_IDS[0]}"
    ) in text


def test_dry_run_prints_the_banner_and_exits_zero() -> None:
    out, err = io.StringIO(), io.StringIO()
    code = run_fake_server(parse("--dry-run", "--region", "eu", "--port", "9999"), out=out, err=err)
    assert code == 0
    assert "http://127.0.0.1:9999" in out.getvalue()
    assert EU_WRITE_KEY in out.getvalue()
    assert "US key" in out.getvalue()


def test_flags_build_the_fake(tmp_path: Path) -> None:
    rows = builtin_rows()[:4]
    data = tmp_path / "rows.jsonl"
    data.write_text("\n".join(json.dumps(r) for r in rows))
    args = parse(
        "--data", str(data), "--synthetic", "6", "--latency-ms", "20", "--fail-429", "every:4",
        "--retry-after", "9", "--fail-500", "10%", "--malformed-json", "1/20",
        "--drop-connections", "0.01", "--rate-limit", "--omit-missing", "--fault-paths", "get",
    )  # fmt: skip
    fake = build_fake(args)
    assert fake.request_ids[:4] == [r["request_id"] for r in rows]
    assert len(fake.request_ids) == 10
    faults = fake.faults
    assert (faults.latency_ms, faults.status_429, faults.retry_after) == (20, 4, 9)
    assert (faults.status_500, faults.malformed_json, faults.drop_connection) == (0.1, 0.05, 0.01)
    assert faults.rate_limit and faults.omit_missing and faults.paths == ("get",)


def test_bad_data_file_is_a_one_line_error_and_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("[{not json")
    out, err = io.StringIO(), io.StringIO()
    assert run_fake_server(parse("--data", str(bad)), out=out, err=err) == 2
    assert err.getvalue().count("\n") == 1
    assert "bad.json" in err.getvalue()
    assert out.getvalue() == ""


def test_bad_fault_flag_is_refused_by_argparse() -> None:
    with pytest.raises(SystemExit) as info:
        parse("--fail-500", "often")
    assert info.value.code == 2


def test_port_in_use_is_exit_2() -> None:
    with serve_in_thread(FakeHelicone([dict(r) for r in ROWS])) as running:
        err = io.StringIO()
        code = run_fake_server(parse("--port", str(running.port)), out=io.StringIO(), err=err)
    assert code == 2
    assert "cannot listen" in err.getvalue()


def test_ctrl_c_stops_cleanly(monkeypatch: pytest.MonkeyPatch) -> None:
    from helicone_tui.fake import server

    def interrupted(self: server.RunningFake) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(server.RunningFake, "serve_forever", interrupted)
    out = io.StringIO()
    assert run_fake_server(parse("--port", "0"), out=out, err=io.StringIO()) == 0
    assert "stopped" in out.getvalue()


# -- layering -------------------------------------------------------------------------------


def test_fake_imports_neither_textual_nor_the_ui_nor_the_client() -> None:
    package = Path(fake_package.__file__).parent
    for source in package.glob("*.py"):
        tree = ast.parse(source.read_text())
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [("." * node.level) + (node.module or "")]
            for name in names:
                assert not name.startswith("textual"), (source.name, name)
                for banned in ("helicone_tui.ui", "helicone_tui.client", "..ui", "..client"):
                    assert not name.startswith(banned), (source.name, name)
