"""Run every figure of issue 5's benchmark table and print it; write bench/RESULTS.md.

    .venv/bin/python bench/run_all.py [--quick] [--only NAME ...]

Each figure is a ratio measured side by side in the same run (these machines are noisy, so
absolute times alone mean little), from medians of a few runs. Every figure module runs in its
own process (`python -m bench.figures.NAME`), and the fake servers run in processes of their
own, so nothing shares a GIL or a heap with the app being measured.
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench.figures.common import RESULT_PREFIX, Result  # noqa: E402

#: Module name → the figure names it reports, in table order.
MODULES: dict[str, tuple[str, ...]] = {
    "startup": ("startup",),
    "startup_stall": ("startup_stall",),
    "list_fill": ("list_fill", "responsiveness"),
    "big_body": ("big_body",),
    "long_conversation": ("long_conversation",),
    "browsing": ("browsing",),
    "memory": ("memory",),
    "detail_cycling": ("detail_cycling",),
}
FIGURES = [name for names in MODULES.values() for name in names]
RESULTS_PATH = REPO / "bench" / "RESULTS.md"


def run_module(module: str, quick: bool) -> tuple[list[Result], float, str]:
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", f"bench.figures.{module}", *(["--quick"] if quick else [])],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    elapsed = time.perf_counter() - start
    lines = proc.stdout.splitlines()
    results = [Result.parse(line) for line in lines if line.startswith(RESULT_PREFIX)]
    error = "" if proc.returncode == 0 and results else (proc.stderr.strip()[-1500:] or "no result")
    return results, elapsed, error


def machine() -> str:
    import textual

    version = getattr(textual, "__version__", None)
    if version is None:
        from importlib.metadata import version as dist_version

        version = dist_version("textual")
    return (
        f"{os.cpu_count()} CPUs ({platform.processor() or platform.machine()}), "
        f"Python {platform.python_version()}, Textual {version}, {platform.platform()}"
    )


def table(results: list[Result]) -> list[str]:
    lines = [
        "| what | measured | floor | ratio | target | |",
        "|---|---|---|---|---|---|",
    ]
    for r in results:
        verdict = "PASS" if r.passed else "**FAIL**"
        lines.append(
            f"| {r.what} | {r.measured} | {r.floor} | {r.score_text} | {r.target} | {verdict} |"
        )
    return lines


def console_table(results: list[Result]) -> str:
    rows = [("figure", "measured", "floor", "ratio", "target", "")]
    rows += [
        (r.name, r.measured, r.floor, r.score_text, r.target, "PASS" if r.passed else "FAIL")
        for r in results
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join(
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in rows
    )


def write_results(results: list[Result], quick: bool, seconds: float) -> None:
    stamp = datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
    text = [
        "# Benchmark results",
        "",
        f"- date: {stamp}",
        f"- machine: {machine()}",
        f"- run: `python bench/run_all.py{' --quick' if quick else ''}` ({seconds:.0f} s)",
        "",
        *table(results),
        "",
        "Each ratio is measured side by side in the same run (medians of a few runs); see the",
        "docstrings of `bench/figures/*.py` for exactly what each figure measures.",
    ]
    notes = [f"- {r.name}: {r.note}" for r in results if r.note]
    if notes:
        text += ["", "Notes:", "", *notes]
    RESULTS_PATH.write_text("\n".join(text) + "\n", encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="fewer repeats and smaller sizes")
    parser.add_argument(
        "--only", action="append", choices=FIGURES, metavar="NAME",
        help=f"run only this figure (repeatable): {', '.join(FIGURES)}",
    )  # fmt: skip
    parser.add_argument("--no-write", action="store_true", help=f"do not write {RESULTS_PATH}")
    args = parser.parse_args()
    wanted = set(args.only or FIGURES)
    started = time.perf_counter()
    results: list[Result] = []
    failed_modules = 0
    for module, names in MODULES.items():
        if not wanted & set(names):
            continue
        print(f"running {module} …", file=sys.stderr, flush=True)
        got, seconds, error = run_module(module, args.quick)
        if error:
            failed_modules += 1
            print(f"  {module} failed:\n{error}", file=sys.stderr)
        for result in got:
            if result.name in wanted:
                results.append(result)
                verdict = "PASS" if result.passed else "FAIL"
                print(f"  {result.name}: {result.score_text} ({result.target}) {verdict}",
                      file=sys.stderr)  # fmt: skip
        print(f"  ({seconds:.0f} s)", file=sys.stderr, flush=True)
    total = time.perf_counter() - started
    print()
    print(console_table(results))
    print(f"\n{sum(r.passed for r in results)} of {len(results)} pass ({total:.0f} s)")
    if not args.no_write and not args.only:
        write_results(results, args.quick, total)
        print(f"written to {RESULTS_PATH.relative_to(REPO)}")
    return 0 if failed_modules == 0 and all(r.passed for r in results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
