"""Start-up stall: how late the first keys of a quick user can be handled, from the first
painted frame of `helicone-tui --demo` until it is fully ready (every demo row listed and the
detail pane mounted): the longest of

- the event loop's stall: a 10 ms Textual interval timer on the app's loop records its own
  lateness (as the responsiveness figure does);
- the wait in the app's and in the main screen's message queues: at each tick of that timer a
  callback is sent through each queue (one at a time per queue), and its wait there is
  recorded when it runs. A key goes through the app's queue to the focused widget, and shows
  only when the screen has repainted: work awaited inside a screen's message handler (or a
  flood of messages) holds keys back while the loop itself runs free.

Each run is a fresh process (so the deferred imports are really cold, as for a user: a probe
that had httpx or pydantic loaded already would hide them), headless (no terminal needed; the
frames are composed and rendered all the same), from compiled bytecode in the same temporary
PYTHONPYCACHEPREFIX scheme as the start-up figure. Measuring starts when the first frame of the
main screen has gone through `App._display`; when the app is ready the child prints what it
measured and exits. The demo's fake is built and served in threads of the same process, as it
is for a user. The figure is the median over the runs (a one-off at start is as noisy as the
machine); the note gives the worst run, and the loop's stall alone.

`python -m bench.figures.startup_stall --verbose [N]` prints every wait over 20 ms of N runs.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from textual.message_pump import MessagePump

    from .common import Result

# As in `startup`: `.common` (httpx, pydantic, the client) is imported only by the parent; a
# probe that loaded it would have paid the very imports whose cost is measured here.

INTERVAL_S = 0.01
REPORT = "STALL "


class _Meter:
    """`common.StallMeter`'s arithmetic, kept here so the probe does not import `.common`; it
    also measures the two message queues a key goes through, and keeps when each long wait
    ended, for `--verbose`."""

    def __init__(self) -> None:
        self.origin = time.perf_counter()
        self.longest: dict[str, float] = {"loop": 0.0, "app": 0.0, "screen": 0.0}
        self.waits: list[tuple[float, float, str]] = []  # (ended at, seconds, what waited)
        self._last = self.origin  # a stall before the first tick counts too
        self._posted: dict[str, float] = {}

    def record(self, what: str, seconds: float) -> None:
        now = time.perf_counter()
        self.longest[what] = max(self.longest[what], seconds)
        if seconds > 0.02:
            self.waits.append((now - self.origin, seconds, what))

    def tick(self, pumps: dict[str, MessagePump]) -> None:
        """The loop's lateness; and a callback sent through each pump's queue (one at a time),
        whose wait there is recorded when it runs."""
        now = time.perf_counter()
        self.record("loop", now - self._last - INTERVAL_S)
        self._last = now
        for what, pump in pumps.items():
            if what not in self._posted:
                self._posted[what] = now
                pump.call_later(self._arrived, what)

    def _arrived(self, what: str) -> None:
        self.record(what, time.perf_counter() - self._posted.pop(what))


def probe() -> None:
    """The app, measured from its first frame of the main screen until it is ready."""
    from textual.app import App

    display = App._display
    run = App.run
    meter: _Meter | None = None

    def ready(app: App[Any]) -> bool:
        screen = app.screen
        if type(screen).__name__ != "MainScreen":
            return False
        answered, total = screen.model.progress()  # type: ignore[attr-defined]
        return total > 0 and answered == total and screen._detail_view is not None  # type: ignore[attr-defined]

    def tick(app: App[Any]) -> None:
        assert meter is not None
        meter.tick({"app": app, "screen": app.screen})
        if ready(app):
            report = {
                "longest": max(meter.longest.values()),
                "by_kind": meter.longest,
                "ready_after": time.perf_counter() - meter.origin,
                "waits": meter.waits,
            }
            sys.stdout.write(REPORT + json.dumps(report) + "\n")
            sys.stdout.flush()
            os._exit(0)

    def patched_display(self: App[Any], screen: object, renderable: object) -> None:
        nonlocal meter
        display(self, screen, renderable)  # type: ignore[arg-type]
        if meter is None and renderable is not None and type(screen).__name__ == "MainScreen":
            meter = _Meter()
            self.set_interval(INTERVAL_S, lambda: tick(self))

    def patched_run(self: App[Any], *args: object, **kwargs: object) -> object:
        kwargs["headless"] = True
        return run(self, *args, **kwargs)  # type: ignore[arg-type]

    App._display = patched_display  # type: ignore[method-assign]
    App.run = patched_run  # type: ignore[method-assign,assignment]
    from helicone_tui.cli import main

    main(["--demo"])
    raise SystemExit("the app exited before it was ready")


def measure_once() -> dict[str, Any]:
    from .startup import _probe_env

    proc = subprocess.Popen(
        [sys.executable, "-m", "bench.figures.startup_stall", "--probe"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_probe_env(),
        text=True,
    )
    try:
        out, err = proc.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
    for line in out.splitlines():
        if line.startswith(REPORT):
            report: dict[str, Any] = json.loads(line[len(REPORT) :])
            return report
    raise RuntimeError(f"the probe never got ready: {err[-2000:]}")


def run(quick: bool) -> Sequence[Result]:
    from .common import median, stall_result

    repeats = 5 if quick else 11
    measure_once()  # warm the OS file cache and compile the bytecode
    reports = [measure_once() for _ in range(repeats)]
    waits = [report["longest"] for report in reports]
    loop = [report["by_kind"]["loop"] for report in reports]
    wait = median(waits)
    return [
        stall_result(
            "startup_stall",
            "start-up stall: longest wait for a key, first frame → `--demo` ready",
            wait,
            f"median of {len(waits)} fresh starts (worst {max(waits) * 1000:.0f} ms); "
            f"the loop's stall alone: median {median(loop) * 1000:.0f} ms, "
            f"worst {max(loop) * 1000:.0f} ms",
        )
    ]


def verbose(repeats: int) -> None:
    """Each run's waits over 20 ms: when they ended (ms after the first frame), what waited
    (the loop, or a callback in the app's or the screen's queue) and how long."""
    for _ in range(repeats + 1):  # the first one warms up
        try:
            report = measure_once()
        except RuntimeError as exc:
            print(f"failed: {str(exc).splitlines()[-1]}")
            continue
        waits = ", ".join(
            f"{at * 1000:.0f}:{what}:{ms * 1000:.0f}" for at, ms, what in report["waits"]
        )
        kinds = " ".join(f"{what} {ms * 1000:.0f}" for what, ms in report["by_kind"].items())
        print(
            f"longest {report['longest'] * 1000:4.0f} ms ({kinds}), ready after "
            f"{report['ready_after'] * 1000:4.0f} ms; waits over 20 ms (end:what:ms) {waits}"
        )


if __name__ == "__main__":
    if sys.argv[1:] == ["--probe"]:
        probe()
    elif sys.argv[1:2] == ["--verbose"]:
        verbose(int(sys.argv[2]) if len(sys.argv) > 2 else 5)
    else:
        from .common import figure_main

        figure_main(run)
