"""`HeliconeTUI`: the Textual app. It owns the settings, the client and the clipboard; the
screens do the rest."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from pathlib import PurePath
from queue import Queue
from typing import TYPE_CHECKING, ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from ..client.errors import MissingKeyError
from ..client.keys import check_key
from ..settings import Settings
from .clipboard import NativeCopier, default_native_copier, deliver
from .detail import DETAIL_CSS_PATH
from .screens.help import HelpScreen
from .screens.main import ROUTINE_NOTICE_S, MainScreen
from .screens.missing_key import MissingKeyScreen

if TYPE_CHECKING:
    from ..client import HeliconeClient  # httpx and pydantic: loaded when the client is made
    from ..demo import DemoServer, PendingDemo  # the fake loads only when the demo is asked for

ClientFactory = Callable[[Settings], "HeliconeClient"]
_DETECT: NativeCopier = lambda _text: None  # noqa: E731 - sentinel: "detect at start"


def default_client(settings: Settings) -> HeliconeClient:
    from ..client.helicone_client import HeliconeClient

    return HeliconeClient(
        settings.api_key,
        base_url=settings.base_url,
        region=settings.region,
        timeout=settings.timeout,
    )


class HeliconeTUI(App[int]):
    CSS_PATH: ClassVar[list[str | PurePath]] = ["app.tcss", DETAIL_CSS_PATH]
    TITLE = "helicone-tui"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit"),
        Binding("question_mark", "help", "Keys"),
    ]

    def __init__(
        self,
        settings: Settings,
        initial_ids: Sequence[str] = (),
        *,
        demo: bool = False,
        notes: Iterable[str] = (),
        client_factory: ClientFactory = default_client,
        native_copier: NativeCopier | None = _DETECT,
        pending_demo: PendingDemo | None = None,
    ) -> None:
        super().__init__()
        self.settings = settings
        self.initial_ids = list(initial_ids)
        self.demo = demo
        self.notes = list(notes)
        self.client_factory = client_factory
        self.native_copier = default_native_copier() if native_copier is _DETECT else native_copier
        self.client: HeliconeClient | None = None
        #: A demo server this app started itself (from the missing-key screen).
        self.demo_server: DemoServer | None = None
        #: `--demo`: the settings already point at its listening socket; `start` builds and
        #: serves the dataset, in a thread worker once the first frame is painted.
        self.pending_demo = pending_demo

    def on_mount(self) -> None:
        if self.demo:
            self.sub_title = "demo: built-in fake data"
        for note in self.notes:
            self.notify(note, markup=False, timeout=ROUTINE_NOTICE_S)
        if not self.settings.api_key:
            self.push_screen(MissingKeyScreen())
            return
        try:
            check_key(self.settings.api_key)  # the client's own rule, without loading httpx
        except MissingKeyError as exc:  # a key no server could accept: say why, send nothing
            self.push_screen(MissingKeyScreen(str(exc)))
        else:
            self.push_screen(self._main_screen())
        if self.pending_demo is not None:
            self.call_after_refresh(self._serve_pending_demo)

    def _serve_pending_demo(self) -> None:
        if self.pending_demo is not None:
            start = self.pending_demo.start
            self.run_worker(start, thread=True, group="demo-serve", exit_on_error=False)

    def _main_screen(self) -> MainScreen:
        return MainScreen(self._make_client, self.initial_ids)

    async def _make_client(self) -> HeliconeClient | None:
        """Called by the main screen once its first frame is written. The factory runs in a
        thread: httpx, pydantic and the models (~150 ms of imports, and an SSL context) load
        there, while the event loop goes on reading keys. `None`, and the missing-key screen,
        if the factory refuses the key."""
        try:
            client = await asyncio.to_thread(self.client_factory, self.settings)
        except MissingKeyError as exc:  # a key no server could accept: say why, send nothing
            self.switch_screen(MissingKeyScreen(str(exc)))
            return None
        self.client = client
        return client

    async def output_written(self, limit_s: float = 0.1) -> None:
        """Wait until the terminal's writer thread has taken what was sent to it (at most
        `limit_s`): work started in a thread after that does not hold up a frame on its way
        to the screen. Textual has no public way to ask; a driver without a writer thread
        (headless, tests) has nothing pending."""
        writer = getattr(self._driver, "_writer_thread", None)
        queue = getattr(writer, "_queue", None)
        if not isinstance(queue, Queue):
            return
        deadline = time.monotonic() + limit_s
        while not queue.empty() and time.monotonic() < deadline:
            await asyncio.sleep(0.002)

    async def on_unmount(self) -> None:
        if self.client is not None:
            await self.client.aclose()

    # ------------------------------------------------------------------ actions

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_start_demo(self) -> None:
        """From the missing-key screen: start the demo server (in a thread) and open it."""
        from ..demo import start_demo

        self.notify("Starting the demo…", timeout=ROUTINE_NOTICE_S)
        self.run_worker(start_demo, thread=True, group="demo", exit_on_error=False)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        worker = event.worker
        if worker.group == "demo-serve" and event.state is WorkerState.ERROR:
            self.notify(f"The demo could not start: {worker.error}", severity="error", markup=False)
        if worker.group != "demo":
            return
        if event.state is WorkerState.ERROR:
            self.notify(f"The demo could not start: {worker.error}", severity="error", markup=False)
        elif event.state is WorkerState.SUCCESS:
            from ..demo import DemoServer

            server = worker.result
            assert isinstance(server, DemoServer)
            self.demo_server = server
            self.demo = True
            self.sub_title = "demo: built-in fake data"
            self.settings = replace(self.settings, api_key=server.key, base_url=server.url)
            self.initial_ids = server.ids
            self.switch_screen(self._main_screen())

    async def copy_text(self, text: str, label: str, file_name: str) -> None:
        """Copy `text` by every path that can work, and say honestly which did."""
        self.copy_to_clipboard(text)  # OSC 52: always, cannot fail, cannot confirm
        outcome = await deliver(
            text,
            label,
            native=self.native_copier,
            file_threshold=self.settings.copy_file_threshold,
            file_name=file_name,
        )
        # "Copied" is routine: it must not sit over the text for long. A warning (OSC 52 only,
        # the clipboard failed) keeps the default time, to be read.
        routine = outcome.severity == "information"
        self.notify(
            outcome.message,
            severity=outcome.severity,  # type: ignore[arg-type]
            markup=False,
            timeout=ROUTINE_NOTICE_S if routine else None,
        )

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        from .commands import app_commands

        yield from super().get_system_commands(screen)
        yield from app_commands(self, screen)
