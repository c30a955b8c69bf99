"""Start-up: `helicone-tui --demo` to its first painted frame ÷ a bare Textual app (Header,
Static, Footer) to its first frame. Both are fresh processes, measured the same way: the
parent times from spawning the process to the child's line saying a frame of the wanted screen
went through `App._display` (headless, so no terminal is needed; the frame is composed and
rendered all the same), after which the child exits at once.

Both sides run from compiled bytecode, as an installed package does: `pip install` compiles
modules, but a shell with PYTHONDONTWRITEBYTECODE=1 (as some sandboxes set) would make the app
recompile its ~35 first-frame modules on every run while Textual's stay precompiled. The probes
write their bytecode to a temporary PYTHONPYCACHEPREFIX (never into the work tree), filled by
the warm-up runs."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .common import Result

# `.common` (httpx, pydantic, the client, the fake) is imported only by the parent: a probe that
# loaded it would pay those imports in *both* processes, inflating the bare app's time too.

PAINTED = "painted"


def _exit_after_first_frame(screen_type_name: str) -> None:
    """Patch textual so the app runs headless and the process exits after its first frame
    of a screen whose class is named `screen_type_name`."""
    from textual.app import App

    display = App._display
    run = App.run

    def patched_display(self: App[object], screen: object, renderable: object) -> None:
        display(self, screen, renderable)  # type: ignore[arg-type]
        if renderable is not None and type(screen).__name__ == screen_type_name:
            sys.stdout.write(PAINTED + "\n")
            sys.stdout.flush()
            os._exit(0)

    def patched_run(self: App[object], *args: object, **kwargs: object) -> object:
        kwargs["headless"] = True
        return run(self, *args, **kwargs)  # type: ignore[arg-type]

    App._display = patched_display  # type: ignore[method-assign,assignment]
    App.run = patched_run  # type: ignore[method-assign,assignment]


def probe(kind: str) -> None:
    if kind == "app":
        _exit_after_first_frame("MainScreen")
        from helicone_tui.cli import main

        main(["--demo"])
    else:
        _exit_after_first_frame("Screen")
        from textual.app import App, ComposeResult
        from textual.widgets import Footer, Header, Static

        class Bare(App[None]):
            def compose(self) -> ComposeResult:
                yield Header()
                yield Static("Hello")
                yield Footer()

        Bare().run()
    raise SystemExit("no frame was painted")


_PYCACHE = tempfile.mkdtemp(prefix="helicone-tui-bench-pycache-")


def _probe_env() -> dict[str, str]:
    from .common import isolated_env

    env = isolated_env()
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = _PYCACHE
    return env


def time_probe(kind: str) -> float:
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "bench.figures.startup", "--probe", kind],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_probe_env(),
        text=True,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    elapsed = time.perf_counter() - start
    _, err = proc.communicate(timeout=60)
    if line.strip() != PAINTED:
        raise RuntimeError(f"the {kind} probe painted nothing: {err[-2000:]}")
    return elapsed


def run(quick: bool) -> Sequence[Result]:
    from .common import median, ratio_result

    repeats = 5 if quick else 11
    time_probe("bare"), time_probe("app")  # warm the OS file cache and compile the bytecode
    bare, app = [], []
    for _ in range(repeats):  # interleaved, so drifts in machine load hit both
        bare.append(time_probe("bare"))
        app.append(time_probe("app"))
    return [
        ratio_result(
            "startup",
            "start-up: `--demo` to first frame ÷ bare Textual app",
            median(app),
            median(bare),
            1.3,
        )
    ]


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--probe":
        probe(sys.argv[2])
    else:
        from .common import figure_main

        figure_main(run)
