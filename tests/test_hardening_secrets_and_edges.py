"""Secrets: the API key never shows in the UI (any screen, errors with a bad or EU key), logs,
exceptions, reprs, screenshots or committed files. Bad input at the edges of the app: a clear
message each, no traceback. (The CLI's own edge cases and `login`'s 0600 are in test_cli.py and
test_settings.py.)"""

from __future__ import annotations

import logging
import re
import subprocess
from pathlib import Path

import pytest
from textual.events import Paste

from helicone_tui.fake import demo_ids, keys
from helicone_tui.fake.dataset_ids import ID_GEMINI
from helicone_tui.settings import Settings
from helicone_tui.ui.list_model import EntryState
from helicone_tui.ui.widgets.id_input import IdInput

from .ui_support import builtin_fake, list_loaded, main_screen, make_app, notices, wait_for

REPO = Path(__file__).resolve().parents[1]
FAKE_KEYS = (keys.US_WRITE_KEY, keys.US_READ_ONLY_KEY, keys.EU_WRITE_KEY, keys.EU_READ_ONLY_KEY)
FULL_KEY = re.compile(r"sk-helicone-(?:eu-)?[a-z0-9]{7}(?:-[a-z0-9]{7}){3}")
#: Made-up keys the docs and tests may show: every group one repeated character, or this one.
SAMPLE_GROUPS = "abcdefg-hijklmn-opqrstu-vwxyz12"


def is_placeholder(key: str) -> bool:
    groups = key.removeprefix("sk-helicone-").removeprefix("eu-")
    return groups == SAMPLE_GROUPS or all(len(set(g)) == 1 for g in groups.split("-"))


def test_placeholders_are_told_from_keys() -> None:
    assert is_placeholder("sk-helicone-aaaaaaa-bbbbbbb-ccccccc-ddddddd")
    assert all(not is_placeholder(key) and FULL_KEY.fullmatch(key) for key in FAKE_KEYS)


def test_no_key_in_committed_files_screenshots_or_snapshots() -> None:
    listed = subprocess.run(
        ["git", "ls-files", "-z"], cwd=REPO, capture_output=True, check=True
    ).stdout.split(b"\0")
    paths = {REPO / name.decode() for name in listed if name}
    paths |= set((REPO / "screenshots").glob("*.svg"))
    paths |= set((REPO / "tests" / "__snapshots__").rglob("*.svg"))
    assert len(paths) > 50
    found = []
    for path in sorted(paths):
        if not path.is_file():
            continue  # deleted in the work tree
        text = path.read_bytes().decode("utf-8", errors="replace")
        for key in FAKE_KEYS:
            if key in text:
                found.append(f"{path.relative_to(REPO)}: a fake key")
        found += [
            f"{path.relative_to(REPO)}: {m}"
            for m in FULL_KEY.findall(text)
            if not is_placeholder(m)
        ]
    assert not found, found


@pytest.mark.parametrize("which", ["write", "wrong_region", "read_only", "eu", "unknown"])
async def test_the_key_never_shows_in_the_ui_logs_or_reprs(
    which: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    fake = builtin_fake()
    key = (
        "sk-helicone-zzzzzzz-yyyyyyy-xxxxxxx-wwwwwww"  # refused: unknown
        if which == "unknown"
        else getattr(fake.keys, which)
    )
    ids = demo_ids()[:4]
    app, _ = make_app(fake, ids=ids, key=key)
    seen: list[str] = []
    async with app.run_test(size=(160, 50), notifications=True) as pilot:
        await wait_for(pilot, list_loaded(app))
        screen = main_screen(app)
        await wait_for(pilot, lambda: screen.detail.state in {"detail-main", "detail-error"})
        for tab in range(6):
            await pilot.press(str(tab + 1))
            await pilot.pause()
            seen.append(app.export_screenshot())
        await pilot.press("question_mark")
        await pilot.pause()
        seen.append(app.export_screenshot())
        seen.append(repr(app.client) if hasattr(app, "client") else "")
        seen += [repr(e.error) + str(e.error) for e in screen.model.view if e.error]
        seen += notices(app)
    seen.append(caplog.text)
    seen.append(repr(Settings(api_key=key)))
    everything = "\n".join(seen)
    assert key not in everything
    assert key[12:] not in everything  # not even without its prefix
    if which != "write":
        assert any(e.state is not EntryState.OK for e in screen.model.view) or which == "read_only"


# -- bad input at the edges of the app ------------------------------------------------------------


async def test_an_empty_paste_says_so() -> None:
    app, _ = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = main_screen(app)
        screen.request_list.focus()
        screen.post_message(Paste(""))
        await pilot.pause()
        assert notices(app), "nothing said"
        assert "found 0 ids" in notices(app)[-1].lower()
        assert len(screen.model) == 0 and app.is_running


async def test_ten_thousand_invalid_tokens_are_one_clear_message() -> None:
    app, _ = make_app()
    junk = " ".join(f"token{i}-[b]x[/b]" for i in range(10_000))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = main_screen(app)
        screen.request_list.focus()
        screen.post_message(Paste(junk))
        await pilot.pause()
        assert len(notices(app)) == 1
        message = notices(app)[0]
        assert "found 0 ids; ignored 10,000 tokens" in message.lower() and len(message) < 500
        assert len(screen.model) == 0 and app.is_running


async def test_a_hand_typed_non_uuid_in_the_paste_box_is_refused_clearly() -> None:
    app, _ = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = main_screen(app)
        box = screen.query_one(IdInput)
        box.focus()
        await pilot.press(*"not-a-request-id", "enter")
        await pilot.pause()
        assert len(screen.model) == 0
        assert notices(app) and "no request id" in notices(app)[-1].lower()
        await pilot.press(*f" {ID_GEMINI}", "enter")  # a real id typed after it still works
        await wait_for(pilot, list_loaded(app))
        assert [e.request_id for e in screen.model.view] == [ID_GEMINI]


async def test_an_unreachable_base_url_is_a_clear_row_state() -> None:
    from helicone_tui.client import HeliconeClient
    from helicone_tui.ui.app import HeliconeTUI

    def factory(settings: Settings) -> HeliconeClient:
        assert settings.api_key is not None
        return HeliconeClient(settings.api_key, base_url="http://127.0.0.1:9", timeout=2)

    fake = builtin_fake()
    app = HeliconeTUI(Settings(api_key=fake.keys.write), [ID_GEMINI], client_factory=factory)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await wait_for(pilot, list_loaded(app))
        screen = main_screen(app)
        assert screen.model.view[0].failure == "network error"
        assert any("Cannot reach 127.0.0.1" in n for n in notices(app))
        assert not any("Traceback" in n for n in notices(app))
        assert app.is_running


def test_an_unreadable_ids_file_and_bad_toml_are_one_line_each(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from helicone_tui.cli import main

    monkeypatch.setenv("HELICONE_TUI_CONFIG", str(tmp_path / "config.toml"))
    monkeypatch.setenv("HELICONE_API_KEY", "sk-helicone-aaaaaaa-bbbbbbb-ccccccc-ddddddd")
    unreadable = tmp_path / "ids.txt"
    unreadable.write_text("x")
    unreadable.chmod(0)
    directory = tmp_path / "a-directory"
    directory.mkdir()
    for path in (directory, tmp_path / "missing.txt"):
        assert main(["--ids-file", str(path)]) == 2
        err = capsys.readouterr().err
        assert "cannot read the ids file" in err and "Traceback" not in err
        assert len(err.strip().splitlines()) == 1
    (tmp_path / "config.toml").write_text('api_key = "unterminated\n')
    monkeypatch.delenv("HELICONE_API_KEY")
    assert main(["get", ID_GEMINI]) == 2
    err = capsys.readouterr().err
    assert "not valid TOML" in err and "Traceback" not in err
