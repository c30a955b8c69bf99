"""Start-up (issue 5): `--demo` paints its list first; the fake is built and served after.

No timing assertions here (`bench/figures/startup.py` measures): these fail when the work that
was moved off the first frame comes back onto it, or when the demo stops filling.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
from collections.abc import Callable
from dataclasses import replace

import pytest

from helicone_tui.demo import DemoServer, PendingDemo, reserve_demo
from helicone_tui.fake import FakeHelicone, demo_ids
from helicone_tui.settings import Settings
from helicone_tui.ui.app import HeliconeTUI
from helicone_tui.ui.screens.main import MainScreen

from .ui_support import list_loaded, main_screen, wait_for


def _loaded_after(code: str) -> set[str]:
    """The `helicone_tui` modules a fresh interpreter has loaded after running `code`."""
    probe = code + "\nimport sys\nprint(sorted(m for m in sys.modules if m.startswith('helicone')))"
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    return set(eval(result.stdout.strip().splitlines()[-1]))


def test_importing_the_app_does_not_load_the_fake() -> None:
    loaded = _loaded_after("import helicone_tui.ui.app")
    assert "helicone_tui.ui.app" in loaded
    assert not {m for m in loaded if m.startswith(("helicone_tui.fake", "helicone_tui.demo"))}


def test_importing_the_app_loads_neither_the_client_stack_nor_the_detail_pane() -> None:
    code = (
        "import sys\nimport helicone_tui.ui.app\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('httpx', 'pydantic')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert eval(result.stdout.strip().splitlines()[-1]) == []  # neither httpx nor pydantic
    loaded = _loaded_after("import helicone_tui.ui.app")
    assert not {m for m in loaded if m.startswith(("helicone_tui.mapping", "helicone_tui.models."))}
    assert not {m for m in loaded if m.startswith("helicone_tui.ui.detail.")} - {
        "helicone_tui.ui.detail.totals"
    }
    assert "helicone_tui.client.helicone_client" not in loaded


def test_the_client_package_names_load_lazily_and_all_resolve() -> None:
    import helicone_tui.client as client
    import helicone_tui.models as models

    for package in (client, models):
        for name in package.__all__:
            assert getattr(package, name) is not None
    with pytest.raises(AttributeError):
        _ = client.NoSuchName


def test_reserving_the_demo_loads_neither_its_server_nor_its_dataset() -> None:
    loaded = _loaded_after(
        "from helicone_tui.demo import reserve_demo\npending = reserve_demo()\npending.stop()"
    )
    assert "helicone_tui.demo" in loaded
    heavy = {"core", "server", "dataset", "dataset_large", "dataset_openai", "synthetic"}
    assert not loaded & {f"helicone_tui.fake.{name}" for name in heavy}
    assert "helicone_tui.models.request" not in loaded  # pydantic: not before the first frame


def test_the_reserved_demo_has_the_key_and_ids_of_the_fake() -> None:
    pending = reserve_demo()
    try:
        assert pending.ids == demo_ids()
        assert pending.key == FakeHelicone([]).keys.write
        assert pending.url.startswith("http://127.0.0.1:")
    finally:
        pending.stop()


def test_a_demo_stopped_before_it_started_refuses_to_start_and_frees_its_port() -> None:
    pending = reserve_demo()
    port = int(pending.url.rsplit(":", 1)[1])
    pending.stop()
    with pytest.raises(RuntimeError):
        pending.start()
    with pytest.raises(OSError), socket.create_connection(("127.0.0.1", port), timeout=2):
        pass


def _gate(pending: PendingDemo) -> tuple[threading.Event, list[bool]]:
    """Hold `pending.start` until the returned event is set; record whether it ran on the
    event loop's thread."""
    gate = threading.Event()
    on_main_thread: list[bool] = []
    start: Callable[[], DemoServer] = pending.start

    def gated() -> DemoServer:
        on_main_thread.append(threading.current_thread() is threading.main_thread())
        gate.wait(30)
        return start()

    pending.start = gated  # type: ignore[method-assign,assignment]
    return gate, on_main_thread


async def test_the_demo_shows_its_list_loading_first_then_fills() -> None:
    pending = reserve_demo()
    gate, on_main_thread = _gate(pending)
    settings = replace(Settings(), api_key=pending.key, base_url=pending.url, region=None)
    app = HeliconeTUI(settings, pending.ids, demo=True, native_copier=None, pending_demo=pending)
    try:
        async with app.run_test(size=(110, 30)) as pilot:
            await wait_for(pilot, lambda: isinstance(app.screen, MainScreen), "list screen")
            await wait_for(pilot, lambda: bool(on_main_thread), "the demo server starting")
            answered, total = main_screen(app).model.progress()
            assert (answered, total) == (0, len(demo_ids()))  # pasted, still loading
            assert on_main_thread == [False]  # the fake is built off the event loop
            gate.set()
            await wait_for(pilot, list_loaded(app), "demo rows loaded")
            assert app.pending_demo is pending
    finally:
        gate.set()
        pending.stop()


async def test_a_demo_that_cannot_start_says_so() -> None:
    pending = reserve_demo()

    def broken() -> DemoServer:
        pending.stop()
        raise OSError("no room for the dataset")

    pending.start = broken  # type: ignore[method-assign,assignment]
    settings = replace(Settings(), api_key=pending.key, base_url=pending.url, region=None)
    app = HeliconeTUI(settings, pending.ids, demo=True, native_copier=None, pending_demo=pending)
    async with app.run_test(size=(110, 30)) as pilot:
        await wait_for(
            pilot,
            lambda: any("could not start" in n.message for n in app._notifications),
            "the failure toast",
        )
        assert isinstance(app.screen, MainScreen)


def test_the_first_frame_of_the_app_loads_neither_httpx_nor_pydantic() -> None:
    """Constructing the app and composing its main screen (as its first frame does) leaves the
    client stack unloaded: the client is made once that frame is painted."""
    code = (
        "import asyncio, sys\n"
        "from helicone_tui.settings import Settings\n"
        "from helicone_tui.ui.app import HeliconeTUI\n"
        "from helicone_tui.ui.screens.main import MainScreen\n"
        "app = HeliconeTUI(Settings(api_key='sk-helicone-test'), ['x'], native_copier=None)\n"
        "seen = []\n"
        "async def main():\n"
        "    async with app.run_test(size=(100, 30)) as pilot:\n"
        "        screen = app.screen\n"
        "        seen.append(type(screen).__name__)\n"
        "        seen.append(bool(screen.query('#requests')))\n"
        "        seen.append(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('httpx', 'pydantic')))\n"
        "        app.exit()\n"
        "import helicone_tui.ui.screens.main as main_module\n"
        "main_module.MainScreen._after_first_frame = lambda self: None  # no client at all\n"
        "asyncio.run(main())\n"
        "print(seen)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert eval(result.stdout.strip().splitlines()[-1]) == ["MainScreen", True, []]


async def test_a_key_the_factory_refuses_after_the_first_frame_shows_why() -> None:
    from helicone_tui.client import HeliconeClient, InvalidKeyError
    from helicone_tui.ui.screens.missing_key import MissingKeyScreen

    def refuse(_settings: Settings) -> HeliconeClient:
        raise InvalidKeyError("This key was refused.")

    app = HeliconeTUI(
        Settings(api_key="sk-helicone-ok"),
        demo_ids()[:3],
        client_factory=refuse,
        native_copier=None,
    )
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, MissingKeyScreen), "missing key")
        assert app.client is None
